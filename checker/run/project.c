/* project: configs found, loaded once and cached per folder under one lock; settings
 * and checkers made from them (see run/project.h). */
#include "run/project.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/strmap.h"
#include "core/regfile.h"

#define PATH_CAP TQC_CONFIG_MAX_PATH
/* The folder cache's value for "no config above this folder". */
#define NO_CONFIG UINT64_MAX

struct tqc_project {
    pthread_mutex_t mu;
    const char *config;         /* --config, or NULL */
    const tqc_config_overrides *cli;
    tqc_config **configs;       /* loaded, each once */
    size_t nconfigs;
    tqc_strmap *folders;        /* absolute folder -> index in configs, or NO_CONFIG */
};

tqc_project *tqc_project_new(const char *config, const tqc_config_overrides *cli)
{
    tqc_project *p = tqc_calloc(1, sizeof *p);
    if (!p)
        return NULL;
    if (!(p->folders = tqc_strmap_new())) {
        free(p);
        return NULL;
    }
    pthread_mutex_init(&p->mu, NULL);
    p->config = config;
    p->cli = cli;
    return p;
}

void tqc_project_free(tqc_project *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nconfigs; i++)
        tqc_config_free(p->configs[i]);
    free(p->configs);
    tqc_strmap_free(p->folders);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

const char *tqc_project_shown(const char *path, char *buf, size_t cap)
{
    char cwd[PATH_CAP];
    if (!getcwd(cwd, sizeof cwd))
        return path;
    size_t n = strlen(cwd);
    if (strncmp(path, cwd, n) == 0 && path[n] == '/' && n > 1) {
        snprintf(buf, cap, "%s", path + n + 1);
        return buf;
    }
    return path;
}

/* The config at path, loaded once; *index gets its place in p->configs. The lock is
 * held: loading under it means no config is ever parsed twice, and configs are small. */
static tqc_status load_locked(tqc_project *p, const char *path, const char *shown, size_t *index,
                              char *err, size_t errlen)
{
    char abs[PATH_CAP];
    if (!tqc_config_abspath(path, abs, sizeof abs)) {
        snprintf(err, errlen, "%s: path too long", path);
        return TQC_ELIMIT;
    }
    for (size_t i = 0; i < p->nconfigs; i++)
        if (strcmp(tqc_config_path(p->configs[i]), abs) == 0) {
            *index = i;
            return TQC_OK;
        }
    tqc_config **grown = tqc_realloc(p->configs, (p->nconfigs + 1) * sizeof *grown);
    if (!grown) {
        snprintf(err, errlen, "out of memory");
        return TQC_ENOMEM;
    }
    p->configs = grown;
    /* Errors name the config as people know it; the config itself keeps the absolute path. */
    FILE *f; /* never fopen a FIFO: it blocks until a writer comes */
    char why[1024];
    tqc_status open_st = tqc_regfile_open(abs, (long long)TQC_CONFIG_MAX_BYTES + 1, &f, why,
                                          sizeof why);
    if (open_st != TQC_OK) {
        size_t n = strlen(abs);
        snprintf(err, errlen, "%s%s", shown, strncmp(why, abs, n) == 0 ? why + n : why);
        return open_st;
    }
    fclose(f);
    char msg[1024];
    tqc_config *cfg;
    tqc_status st = tqc_config_load(abs, &cfg, msg, sizeof msg);
    if (st != TQC_OK) {
        size_t n = strlen(abs);
        if (strncmp(msg, abs, n) == 0)
            snprintf(err, errlen, "%s%s", shown, msg + n);
        else
            snprintf(err, errlen, "%s", msg);
        return st;
    }
    *index = p->nconfigs;
    p->configs[p->nconfigs++] = cfg;
    return TQC_OK;
}

tqc_status tqc_project_config(tqc_project *p, const char *path, const tqc_config **cfg,
                              char *err, size_t errlen)
{
    *cfg = NULL;
    size_t index;
    tqc_status st;
    if (p->config) {
        pthread_mutex_lock(&p->mu);
        st = load_locked(p, p->config, p->config, &index, err, errlen);
        if (st == TQC_OK)
            *cfg = p->configs[index];
        pthread_mutex_unlock(&p->mu);
        return st;
    }
    char dir[PATH_CAP];
    if (!path || strcmp(path, "-") == 0) {
        if (!tqc_config_abspath(".", dir, sizeof dir)) {
            snprintf(err, errlen, ".: path too long");
            return TQC_ELIMIT;
        }
    } else {
        if (!tqc_config_abspath(path, dir, sizeof dir)) {
            snprintf(err, errlen, "%s: path too long", path);
            return TQC_ELIMIT;
        }
        /* A directory argument is its own folder; a file's folder is its parent. */
        struct stat sb;
        if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
            char *slash = strrchr(dir, '/');
            if (slash == dir)
                dir[1] = '\0';
            else if (slash)
                *slash = '\0';
        }
    }
    size_t dlen = strlen(dir);
    uint64_t v;
    pthread_mutex_lock(&p->mu);
    bool known = tqc_strmap_get(p->folders, dir, dlen, &v);
    if (known && v != NO_CONFIG)
        *cfg = p->configs[v];
    pthread_mutex_unlock(&p->mu);
    if (known)
        return TQC_OK;
    /* Walked up outside the lock: other threads go on meanwhile. */
    char found[PATH_CAP], shown[PATH_CAP];
    st = tqc_config_find(dir, found, sizeof found);
    if (st != TQC_OK && st != TQC_ENOTFOUND) {
        snprintf(err, errlen, "%s: path too long", dir);
        return st;
    }
    pthread_mutex_lock(&p->mu);
    if (st == TQC_ENOTFOUND) {
        v = NO_CONFIG;
        st = TQC_OK;
    } else if ((st = load_locked(p, found, tqc_project_shown(found, shown, sizeof shown), &index,
                                 err, errlen)) == TQC_OK) {
        v = index;
        *cfg = p->configs[index];
    }
    if (st == TQC_OK && !tqc_strmap_put(p->folders, dir, dlen, v)) {
        snprintf(err, errlen, "out of memory");
        st = TQC_ENOMEM;
    }
    pthread_mutex_unlock(&p->mu);
    return st;
}

tqc_status tqc_project_settings(tqc_project *p, const char *path, tqc_settings **out,
                                char *err, size_t errlen)
{
    *out = NULL;
    const tqc_config *cfg;
    tqc_status st = tqc_project_config(p, path, &cfg, err, errlen);
    if (st != TQC_OK)
        return st;
    if (path && strcmp(path, "-") == 0)
        path = NULL;    /* only the top level applies to standard input */
    st = tqc_settings_resolve(cfg, path, p->cli, out);
    if (st != TQC_OK)
        snprintf(err, errlen, "out of memory");
    return st;
}

tqc_status tqc_project_checker(const tqc_settings *s, const char *data_dir, bool own_speller,
                               tqc_checker **out,
                               char *err, size_t errlen)
{
    *out = NULL;
    const char **words = tqc_calloc(s->word_count + 1, sizeof *words);
    const char **disabled = tqc_calloc(s->rule_count, sizeof *disabled);
    tqc_rule_severity *sev = tqc_calloc(s->rule_count, sizeof *sev);
    char msg[1024] = "";
    tqc_status st = words && disabled && sev ? TQC_OK : TQC_ENOMEM;
    if (st == TQC_OK) {
        size_t nd = 0, ns = 0;
        for (size_t w = 0; w < s->word_count; w++)
            words[w] = s->words[w].path;
        for (size_t r = 0; r < s->rule_count; r++) {
            if (!s->rules[r].enabled)
                disabled[nd++] = s->rules[r].id;
            else if (s->rules[r].severity_set)
                sev[ns++] = (tqc_rule_severity){s->rules[r].id, s->rules[r].severity};
        }
        tqc_check_options o = {
            .data_dir = data_dir, .lang = s->lang,
            .dict = {.dict_path = s->dict_dir, .word_files = words, .word_file_count = s->word_count,
                     .own_speller = own_speller},
            .disabled = disabled, .disabled_count = nd, .severities = sev, .severity_count = ns,
        };
        st = tqc_checker_new(&o, out, msg, sizeof msg);
    }
    free(words);
    free(disabled);
    free(sev);
    if (st != TQC_OK)
        snprintf(err, errlen, "%s%s", st == TQC_ENOMEM ? "out of memory" : msg,
                 s->config && s->lang_from.kind == TQC_FROM_CONFIG ? " (lang set in the config)"
                                                                   : "");
    return st;
}
