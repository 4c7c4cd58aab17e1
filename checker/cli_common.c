/* cli_common: helpers every command of the command line uses (see cli_common.h). */
#include "cli_common.h"

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
