#include "CCrashDump.h"
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char dump_path[4096];
static const uint8_t *volatile current_bytes;
static volatile size_t current_count;
static volatile int64_t current_start_ns; // 0 when no input runs
static double hang_limit;

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static void say(const char *s) { ssize_t r = write(2, s, strlen(s)); (void)r; }

// Writes the current input to the dump file and, in hexadecimal, to standard error.
static void dump(const char *why) {
    const uint8_t *b = current_bytes;
    size_t n = current_count;
    say("\n==msnb-fuzz== "); say(why); say(" on this input (written to "); say(dump_path); say("):\n");
    int fd = open(dump_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0 && b) { ssize_t r = write(fd, b, n); (void)r; }
    if (fd >= 0) close(fd);
    static const char hex[] = "0123456789abcdef";
    char line[129];
    for (size_t i = 0; b && i < n && i < 4096; i += 64) {
        size_t k = 0;
        for (size_t j = i; j < n && j < i + 64; j++) { line[k++] = hex[b[j] >> 4]; line[k++] = hex[b[j] & 15]; }
        line[k++] = '\n';
        ssize_t r = write(2, line, k); (void)r;
    }
}

static void on_signal(int sig) {
    dump(sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" : sig == SIGILL ? "SIGILL (a Swift trap)"
         : sig == SIGTRAP ? "SIGTRAP (a Swift trap)" : sig == SIGFPE ? "SIGFPE" : "SIGABRT");
    signal(sig, SIG_DFL);
    raise(sig);
}

static void *watchdog(void *unused) {
    (void)unused;
    for (;;) {
        usleep(200000);
        int64_t start = current_start_ns;
        if (start != 0 && (double)(now_ns() - start) / 1e9 > hang_limit) {
            dump("a hang (over the time limit)");
            _exit(3);
        }
    }
    return NULL;
}

void msnb_crash_dump_thread_init(void) {
    stack_t old;
    if (sigaltstack(NULL, &old) == 0 && !(old.ss_flags & SS_DISABLE)) return; // this thread has one already
    stack_t ss;
    ss.ss_size = 1 << 16;
    ss.ss_sp = malloc(ss.ss_size);
    ss.ss_flags = 0;
    if (ss.ss_sp) sigaltstack(&ss, NULL);
}

void msnb_crash_dump_path(const char *path) {
    strncpy(dump_path, path, sizeof dump_path - 1);
}

int msnb_crash_dump_install(const char *path, double hang_seconds) {
    msnb_crash_dump_path(path);
    hang_limit = hang_seconds;
    msnb_crash_dump_thread_init();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (sigaction(sigs[i], &sa, NULL) != 0) return -1;
    pthread_t t;
    if (pthread_create(&t, NULL, watchdog, NULL) != 0) return -1;
    pthread_detach(t);
    return 0;
}

void msnb_crash_dump_set(const uint8_t *bytes, size_t count) {
    current_start_ns = 0;
    current_bytes = bytes;
    current_count = count;
    if (bytes) current_start_ns = now_ns();
}
