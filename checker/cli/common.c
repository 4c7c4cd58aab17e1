/* cli_common: helpers every command of the command line uses (see cli/common.h). */
#define _GNU_SOURCE     /* fopencookie */
#include "cli/common.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "core/atomic.h"
#include "core/io.h"
#include "run/config.h"
#include "core/text.h"

static bool dir_has_rules(const char *dir)
{
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/rules", dir);
    return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

void tqc_cli_data_dir(char *out, size_t cap)
{
    const char *env = getenv("TQC_DATA_DIR");
    if (env && *env) {
        snprintf(out, cap, "%s", env);
        return;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        /* ./tqc and build/tqc in a source tree; bin/tqc beside share/tqc when installed. */
        static const char *const suffixes[] = {"", "/..", "/../share/tqc"};
        for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
            int n2 = snprintf(out, cap, "%s%s", exe, suffixes[i]);
            if (n2 > 0 && (size_t)n2 < cap && dir_has_rules(out))
                return;
        }
    }
    snprintf(out, cap, "%s", TQC_DATADIR);
}

bool tqc_cli_use_color(const char *when)
{
    if (strcmp(when, "always") == 0)
        return true;
    if (strcmp(when, "never") == 0)
        return false;
    const char *no = getenv("NO_COLOR");
    if (no && *no)
        return false;
    const char *term = getenv("TERM");
    return isatty(fileno(stdout)) && !(term && strcmp(term, "dumb") == 0);
}

bool tqc_cli_baseline_dir(const char *baseline, char *out, size_t cap)
{
    if (!baseline || strcmp(baseline, "-") == 0)
        return tqc_config_abspath(".", out, cap);
    if (!tqc_config_abspath(baseline, out, cap))
        return false;
    char *slash = strrchr(out, '/');
    if (slash == out)
        out[1] = '\0';
    else
        *slash = '\0';
    return true;
}

char *tqc_cli_baseline_key(const char *base_dir, const char *path)
{
    if (strcmp(path, "-") == 0)
        return tqc_strdup("<stdin>");
    char abs[TQC_CONFIG_MAX_PATH];
    if (!tqc_config_abspath(path, abs, sizeof abs))
        return tqc_strdup(path);
    size_t n = strlen(base_dir);
    if (strcmp(base_dir, "/") == 0)
        return tqc_strdup(abs + 1);
    if (strncmp(abs, base_dir, n) == 0 && abs[n] == '/')
        return tqc_strdup(abs + n + 1);
    return tqc_strdup(abs);
}

/* Standard error's escaping: bytes gathered in out, written when full or at the end. */
typedef struct safe_out {
    char buf[4096];
    size_t n;
} safe_out;

static bool safe_flush(safe_out *o)
{
    for (size_t done = 0; done < o->n;) {
        ssize_t w = write(STDERR_FILENO, o->buf + done, o->n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        done += (size_t)w;
    }
    o->n = 0;
    return true;
}

/* One character (n bytes at s): a control byte (C0 but tab and LF, DEL) as \xHH, a C1 or
 * bidi control as \u{HHHH}, anything else as it is. */
static bool safe_put(safe_out *o, const char *s, size_t n)
{
    if (o->n + 10 > sizeof o->buf && !safe_flush(o))
        return false;
    unsigned char c = (unsigned char)s[0];
    if (n == 1 && ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)) {
        o->n += (size_t)snprintf(o->buf + o->n, 5, "\\x%02X", c);
    } else if (n > 1 && tqc_text_unsafe_at(s, n)) {
        int32_t cp;
        tqc_text_decode(s, n, &cp);
        o->n += (size_t)snprintf(o->buf + o->n, 10, cp < 0xA0 ? "\\x%02X" : "\\u{%04X}",
                                 (unsigned)cp);
    } else {
        memcpy(o->buf + o->n, s, n);
        o->n += n;
    }
    return true;
}

/* The bytes a UTF-8 sequence starting with c should have (1 for any other byte). */
static size_t seq_len(unsigned char c)
{
    return c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 1;
}

/* A character cut between two writes waits here for its other bytes (stderr's lock
 * serialises the calls). */
static char carry[4];
static size_t carry_len;

/* Writes the size bytes at buf to standard error's descriptor, escaped by safe_put, so
 * a file name or message cannot drive the terminal or reorder what it shows. */
static ssize_t safe_write(void *cookie, const char *buf, size_t size)
{
    (void)cookie;
    safe_out o;
    o.n = 0;
    size_t i = 0;
    while (carry_len && i < size) {
        size_t want = seq_len((unsigned char)carry[0]);
        if ((((unsigned char)buf[i]) & 0xC0) != 0x80) {
            /* Not a continuation: the cut sequence was invalid; out as it was. */
            for (size_t k = 0; k < carry_len; k++)
                if (!safe_put(&o, carry + k, 1))
                    return -1;
            carry_len = 0;
            break;
        }
        carry[carry_len++] = buf[i++];
        if (carry_len == want) {
            if (!safe_put(&o, carry, carry_len))
                return -1;
            carry_len = 0;
        }
    }
    while (i < size) {
        size_t want = seq_len((unsigned char)buf[i]);
        if (want > 1 && i + want > size) {
            bool cont = true;
            for (size_t k = i + 1; k < size; k++)
                cont = cont && (((unsigned char)buf[k]) & 0xC0) == 0x80;
            if (cont) {
                memcpy(carry, buf + i, size - i);
                carry_len = size - i;
                break;
            }
            want = 1;
        }
        bool whole = true;
        for (size_t k = 1; k < want; k++)
            whole = whole && (((unsigned char)buf[i + k]) & 0xC0) == 0x80;
        if (!whole)
            want = 1;
        if (!safe_put(&o, buf + i, want))
            return -1;
        i += want;
    }
    return safe_flush(&o) ? (ssize_t)size : -1;
}

static FILE *raw_stderr;

void tqc_cli_safe_stderr(void)
{
    FILE *f = fopencookie(NULL, "w", (cookie_io_functions_t){.write = safe_write});
    if (!f)
        return;     /* messages stay raw rather than lost */
    setvbuf(f, NULL, _IOLBF, 0);
    raw_stderr = stderr;
    stderr = f;
}

FILE *tqc_cli_tty_stderr(void)
{
    return raw_stderr ? raw_stderr : stderr;
}

/* Set by the first SIGINT or SIGTERM; lock-free, so a handler may store to it. */
static atomic_int stop_flag;

/* The end that does not wait: only async-signal-safe calls. */
static void on_hard_stop(int sig)
{
    (void)sig;
    static const char msg[] = "tqc: interrupted\n";
    tqc_atomic_signal_cleanup();
    ssize_t w = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)w;
    _exit(130);
}

static unsigned stop_grace_ms;

static void on_stop(int sig)
{
    if (atomic_exchange(&stop_flag, 1))
        on_hard_stop(sig);  /* asked twice: no more waiting */
    struct itimerval t = {{0, 0}, {(time_t)(stop_grace_ms / 1000),
                                   (suseconds_t)(stop_grace_ms % 1000 * 1000)}};
    setitimer(ITIMER_REAL, &t, NULL);
}

void tqc_cli_stop_install(unsigned grace_ms)
{
    stop_grace_ms = grace_ms ? grace_ms : 1;
    struct sigaction sa = {.sa_handler = on_stop};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sa.sa_handler = on_hard_stop;
    sigaction(SIGALRM, &sa, NULL);
}

void tqc_cli_stop_disarm(void)
{
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    struct sigaction sa = {.sa_handler = on_hard_stop};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sa.sa_handler = SIG_DFL;
    sigaction(SIGALRM, &sa, NULL);
}

const atomic_int *tqc_cli_stop_flag(void)
{
    return &stop_flag;
}

bool tqc_cli_stopped(void)
{
    return atomic_load(&stop_flag) != 0;
}
