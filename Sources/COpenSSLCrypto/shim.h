/* The system OpenSSL libcrypto (Debian libssl-dev): HMAC-SHA256 and a constant-time compare for
   signing Jupyter messages. */
#include <openssl/hmac.h>
#include <openssl/evp.h>
#include <openssl/crypto.h>

/* HMAC-SHA256 of `data` under `key` into `out` (32 bytes); returns 1 on success. */
static inline int msnb_hmac_sha256(const void *key, int keyLength, const unsigned char *data, size_t length,
                                   unsigned char *out) {
    unsigned int outLength = 0;
    return HMAC(EVP_sha256(), key, keyLength, data, length, out, &outLength) != NULL && outLength == 32;
}

/* 0 when the two buffers are equal, compared in time independent of their contents. */
static inline int msnb_constant_time_compare(const void *a, const void *b, size_t length) {
    return CRYPTO_memcmp(a, b, length);
}
