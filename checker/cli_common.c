/* cli_common: helpers every command of the command line uses (see cli_common.h). */
#define _GNU_SOURCE     /* fopencookie */
#include "cli_common.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

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
        return strdup("<stdin>");
    char abs[TQC_CONFIG_MAX_PATH];
    if (!tqc_config_abspath(path, abs, sizeof abs))
        return strdup(path);
    size_t n = strlen(base_dir);
    if (strcmp(base_dir, "/") == 0)
        return strdup(abs + 1);
    if (strncmp(abs, base_dir, n) == 0 && abs[n] == '/')
        return strdup(abs + n + 1);
    return strdup(abs);
}

/* Writes the size bytes at buf to standard error's descriptor with each control byte
 * (C0 but tab and LF, and DEL) as \xHH. */
static ssize_t safe_write(void *cookie, const char *buf, size_t size)
{
    (void)cookie;
    char out[4096];
    size_t n = 0;
    for (size_t i = 0; i <= size; i++) {
        if (i == size || n + 4 > sizeof out) {
            for (size_t done = 0; done < n;) {
                ssize_t w = write(STDERR_FILENO, out + done, n - done);
                if (w < 0 && errno == EINTR)
                    continue;
                if (w <= 0)
                    return -1;
                done += (size_t)w;
            }
            n = 0;
            if (i == size)
                break;
        }
        unsigned char c = (unsigned char)buf[i];
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
            n += (size_t)snprintf(out + n, 5, "\\x%02X", c);
        else
            out[n++] = (char)c;
    }
    return (ssize_t)size;
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
