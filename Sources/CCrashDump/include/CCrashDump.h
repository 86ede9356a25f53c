// Keeps the input a fuzzer is running, and writes it out if the process crashes or hangs on it:
// the smoke fuzzer of `make test` (Sources/FuzzSmoke) runs without libFuzzer, so it needs its own
// way to keep a crashing input. Everything the signal handler does is async-signal-safe.
#ifndef CCRASHDUMP_H
#define CCRASHDUMP_H
#include <stddef.h>
#include <stdint.h>

/// Installs the handlers (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT) and a watchdog thread
/// that ends the process when one input runs longer than `hang_seconds`. A crashing or hanging input
/// is written to `path` and as hexadecimal to standard error. Returns 0, or -1 if it could not.
int msnb_crash_dump_install(const char *path, double hang_seconds);

/// Where the next crashing or hanging input is written.
void msnb_crash_dump_path(const char *path);

/// Gives the calling thread an alternate signal stack, so that a stack overflow on it is reported too.
void msnb_crash_dump_thread_init(void);

/// The input about to run (the bytes must stay valid until the next call); NULL, 0 when none runs.
void msnb_crash_dump_set(const uint8_t *bytes, size_t count);

#endif
