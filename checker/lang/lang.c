#include "lang/lang.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/io.h"

/* A rule file is hand-written data; anything bigger is a mistake, not a list. */
#define LANG_MAX_LINE 4096
#define LANG_MAX_LISTS 64
#define LANG_MAX_CODE 32

typedef struct named_list {
    char *name;
    tqc_strmap *entries;
} named_list;

struct tqc_lang {
    char code[LANG_MAX_CODE];
    char base[LANG_MAX_CODE];
    char *dir;
    named_list lists[LANG_MAX_LISTS];
    size_t list_count;
    tqc_strmap *list_index;  /* list name -> index into lists: passes ask per token */
    tqc_strmap *settings;   /* key -> index into setting_values */
    char **setting_values;
    size_t setting_count;
    bool regional;          /* some key is `key.<code>`: tqc_lang_setting tries that first */
    tqc_lex *lexicon;       /* NULL when the language has none */
    tqc_lex *rare;          /* rare.tsv; NULL when the language has none */
    char *data_dir;         /* the registry's key, with code */
    size_t users;           /* tqc_lang_load calls not yet freed (registry_mu) */
    struct tqc_lang *next;  /* the registry's list */
    tqc_quotes quotes;      /* the `quotes` list, typed once here */
};

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
        *--e = '\0';
    return s;
}

static tqc_status add_setting(tqc_lang *lang, const char *key, const char *value)
{
    char **v = tqc_realloc(lang->setting_values, (lang->setting_count + 1) * sizeof *v);
    if (!v)
        return TQC_ENOMEM;
    lang->setting_values = v;
    size_t n = strlen(value) + 1;
    if (!(v[lang->setting_count] = tqc_malloc(n)))
        return TQC_ENOMEM;
    memcpy(v[lang->setting_count], value, n);
    if (!tqc_strmap_put(lang->settings, key, strlen(key), lang->setting_count)) {
        free(v[lang->setting_count]);   /* not counted yet: destroy would not see it */
        return TQC_ENOMEM;
    }
    lang->setting_count++;
    size_t kl = strlen(key), cl = strlen(lang->code);
    if (kl > cl + 1 && key[kl - cl - 1] == '.' && strcmp(key + kl - cl, lang->code) == 0)
        lang->regional = true;
    return TQC_OK;
}

static tqc_status read_file(tqc_lang *lang, const char *path, const char *name,
                            char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return TQC_EIO;
    }
    bool is_profile = strcmp(name, "profile") == 0;
    tqc_strmap *entries = NULL;
    if (!is_profile) {
        if (lang->list_count == LANG_MAX_LISTS) {
            snprintf(err, errlen, "%s: more than %d rule files", lang->dir, LANG_MAX_LISTS);
            fclose(f);
            return TQC_ELIMIT;
        }
        entries = tqc_strmap_new();
        size_t nlen = strlen(name) + 1;
        char *n = tqc_malloc(nlen);
        if (!entries || !n) {
            tqc_strmap_free(entries);
            free(n);
            fclose(f);
            return TQC_ENOMEM;
        }
        memcpy(n, name, nlen);
        if (!tqc_strmap_put(lang->list_index, name, nlen - 1, lang->list_count)) {
            free(n);
            tqc_strmap_free(entries);
            fclose(f);
            return TQC_ENOMEM;
        }
        lang->lists[lang->list_count++] = (named_list){n, entries};
    }
    char line[LANG_MAX_LINE];
    size_t lineno = 0;
    tqc_status st = TQC_OK;
    while (st == TQC_OK && fgets(line, sizeof line, f)) {
        lineno++;
        char *s = trim(line);
        if (*s == '\0' || *s == '#')
            continue;
        if (!is_profile) {
            if (!tqc_strmap_get(entries, s, strlen(s), NULL) &&
                !tqc_strmap_put(entries, s, strlen(s), lineno))
                st = TQC_ENOMEM;
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, errlen, "%s:%zu: expected 'key = value'", path, lineno);
            st = TQC_EINPUT;
            break;
        }
        *eq = '\0';
        st = add_setting(lang, trim(s), trim(eq + 1));
    }
    if (st == TQC_OK && ferror(f)) {
        snprintf(err, errlen, "%s: read error", path);
        st = TQC_EIO;
    }
    fclose(f);
    return st;
}

void tqc_lang_canonical(const char *code, char *out, size_t cap)
{
    if (!cap)
        return;
    size_t o = 0, index = 0;
    bool first = true, private_use = false;
    for (const char *p = code; *p && o < cap - 1; index++) {
        size_t n = strcspn(p, "-_");
        if (o + n + (first ? 0 : 1) >= cap)
            break;
        if (!first)
            out[o++] = '-';
        bool alpha = true;
        for (size_t i = 0; i < n; i++)
            alpha &= (p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z';
        /* BCP 47's conventional case: a script (second subtag) Xxxx, a region (second
         * or third) XX; everything else, and all after a singleton (`x-`), lower. */
        private_use |= n == 1 && !first;
        bool script = !private_use && index == 1 && alpha && n == 4;
        bool region = !private_use && (index == 1 || index == 2) && alpha && n == 2;
        for (size_t i = 0; i < n; i++) {
            char c = p[i];
            bool upper = region || (script && i == 0);
            if (upper && c >= 'a' && c <= 'z')
                c = (char)(c - 'a' + 'A');
            else if (!upper && c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            out[o++] = c;
        }
        first = false;
        p += n;
        if (*p)
            p++;
    }
    out[o] = '\0';
}

bool tqc_lang_same_code(const char *a, const char *b)
{
    char ca[LANG_MAX_CODE * 2], cb[LANG_MAX_CODE * 2];
    tqc_lang_canonical(a, ca, sizeof ca);
    tqc_lang_canonical(b, cb, sizeof cb);
    return strcmp(ca, cb) == 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Opens data_dir/dictionaries/<base>/<name> into *lex when it exists: a language without
 * one still works; a corrupt one is an error naming the file. */
static tqc_status open_lex_file(tqc_lang *lang, const char *data_dir, const char *name,
                                tqc_lex **lex, char *err, size_t errlen)
{
    size_t plen = strlen(data_dir) + strlen("/dictionaries//") + strlen(lang->base) +
                  strlen(name) + 1;
    char *path = tqc_malloc(plen);
    if (!path)
        return TQC_ENOMEM;
    snprintf(path, plen, "%s/dictionaries/%s/%s", data_dir, lang->base, name);
    tqc_status st = TQC_OK;
    if (access(path, F_OK) == 0)
        st = tqc_lex_open(path, lex, err, errlen);
    free(path);
    return st;
}

/* The lexicon (lexicon.tsv) and the rarer words (rare.tsv). */
static tqc_status open_lexicon(tqc_lang *lang, const char *data_dir, char *err, size_t errlen)
{
    tqc_status st = open_lex_file(lang, data_dir, "lexicon.tsv", &lang->lexicon, err, errlen);
    return st == TQC_OK ? open_lex_file(lang, data_dir, "rare.tsv", &lang->rare, err, errlen)
                        : st;
}

static void destroy(tqc_lang *lang);

/* Reads the profile of canonical code from data_dir: a new one, owned by the caller. */
static tqc_status load_profile(const char *data_dir, const char *code, tqc_lang **out,
                               char *err, size_t errlen)
{
    *out = NULL;
    size_t clen = strlen(code);
    tqc_lang *lang = tqc_calloc(1, sizeof *lang);
    if (!lang || !(lang->settings = tqc_strmap_new()) || !(lang->list_index = tqc_strmap_new())) {
        destroy(lang);
        return TQC_ENOMEM;
    }
    memcpy(lang->code, code, clen + 1);
    memcpy(lang->base, code, strcspn(code, "-_"));

    tqc_status lst = open_lexicon(lang, data_dir, err, errlen);
    if (lst != TQC_OK) {
        destroy(lang);
        return lst;
    }
    size_t dlen = strlen(data_dir) + strlen("/rules/") + strlen(lang->base) + 1;
    lang->dir = tqc_malloc(dlen);
    if (!lang->dir) {
        destroy(lang);
        return TQC_ENOMEM;
    }
    snprintf(lang->dir, dlen, "%s/rules/%s", data_dir, lang->base);
    DIR *d = opendir(lang->dir);
    if (!d) {
        /* No profile: the language still works with its dictionary alone. */
        free(lang->dir);
        lang->dir = NULL;
        *out = lang;
        return TQC_OK;
    }
    /* Read files in name order so results never depend on directory order. */
    char *names[LANG_MAX_LISTS + 1];
    size_t count = 0;
    tqc_status st = TQC_OK;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.' || strchr(e->d_name, '~') || strstr(e->d_name, ".md"))
            continue;
        if (count == LANG_MAX_LISTS + 1) {
            snprintf(err, errlen, "%s: too many rule files", lang->dir);
            st = TQC_ELIMIT;
            break;
        }
        size_t n = strlen(e->d_name) + 1;
        if (!(names[count] = tqc_malloc(n))) {
            st = TQC_ENOMEM;
            break;
        }
        memcpy(names[count++], e->d_name, n);
    }
    closedir(d);
    qsort(names, count, sizeof *names, cmp_names);
    for (size_t i = 0; i < count; i++) {
        if (st == TQC_OK) {
            size_t plen = strlen(lang->dir) + 1 + strlen(names[i]) + 1;
            char *path = tqc_malloc(plen);
            if (!path) {
                st = TQC_ENOMEM;
            } else {
                snprintf(path, plen, "%s/%s", lang->dir, names[i]);
                st = read_file(lang, path, names[i], err, errlen);
                free(path);
            }
        }
        free(names[i]);
    }
    if (st == TQC_OK) {
        char qpath[LANG_MAX_LINE];
        snprintf(qpath, sizeof qpath, "%s/quotes", lang->dir);
        st = tqc_quotes_parse(tqc_lang_list(lang, "quotes"), qpath, &lang->quotes, err, errlen);
    }
    if (st != TQC_OK) {
        destroy(lang);
        return st;
    }
    *out = lang;
    return TQC_OK;
}

static void destroy(tqc_lang *lang)
{
    if (!lang)
        return;
    for (size_t i = 0; i < lang->list_count; i++) {
        free(lang->lists[i].name);
        tqc_strmap_free(lang->lists[i].entries);
    }
    for (size_t i = 0; i < lang->setting_count; i++)
        free(lang->setting_values[i]);
    free(lang->setting_values);
    tqc_strmap_free(lang->settings);
    tqc_strmap_free(lang->list_index);
    tqc_lex_free(lang->lexicon);
    tqc_lex_free(lang->rare);
    free(lang->dir);
    free(lang->data_dir);
    free(lang);
}

/* Profiles are read-only once loaded, so every checker, thread and language guess of a
 * process shares one per data folder and code: the registry counts their users. */
static pthread_mutex_t registry_mu = PTHREAD_MUTEX_INITIALIZER;
static tqc_lang *registry;

tqc_status tqc_lang_load(const char *data_dir, const char *code, tqc_lang **out,
                         char *err, size_t errlen)
{
    *out = NULL;
    size_t clen = strlen(code);
    if (clen == 0 || strchr(code, '/') || code[0] == '.') {
        snprintf(err, errlen, "invalid language code '%s'", code);
        return TQC_EUSAGE;
    }
    /* Files write codes in any case (`FR-FR`, `pt_BR`): one spelling finds the folder,
     * the regional settings and the dictionary. A long code loses its last subtags
     * (`en-US-x-...`): the language and region are first. */
    char canon[LANG_MAX_CODE];
    tqc_lang_canonical(code, canon, sizeof canon);
    code = canon;
    if (!(clen = strlen(code)) || code[0] == '-') {
        snprintf(err, errlen, "invalid language code '%s'", code);
        return TQC_EUSAGE;
    }
    pthread_mutex_lock(&registry_mu);
    for (tqc_lang *l = registry; l; l = l->next)
        if (strcmp(l->code, code) == 0 && strcmp(l->data_dir, data_dir) == 0) {
            l->users++;
            *out = l;
            pthread_mutex_unlock(&registry_mu);
            return TQC_OK;
        }
    tqc_lang *lang;
    tqc_status st = load_profile(data_dir, code, &lang, err, errlen);
    if (st == TQC_OK && !(lang->data_dir = tqc_strdup(data_dir))) {
        destroy(lang);
        st = TQC_ENOMEM;
    }
    if (st == TQC_OK) {
        lang->users = 1;
        lang->next = registry;
        registry = *out = lang;
    }
    pthread_mutex_unlock(&registry_mu);
    return st;
}

void tqc_lang_free(tqc_lang *lang)
{
    if (!lang)
        return;
    pthread_mutex_lock(&registry_mu);
    bool last = --lang->users == 0;
    if (last)
        for (tqc_lang **p = &registry; *p; p = &(*p)->next)
            if (*p == lang) {
                *p = lang->next;
                break;
            }
    pthread_mutex_unlock(&registry_mu);
    if (last)
        destroy(lang);
}

const char *tqc_lang_code(const tqc_lang *lang) { return lang->code; }
const char *tqc_lang_base(const tqc_lang *lang) { return lang->base; }
const char *tqc_lang_dir(const tqc_lang *lang) { return lang->dir; }
const tqc_lex *tqc_lang_lexicon(const tqc_lang *lang) { return lang ? lang->lexicon : NULL; }
const tqc_lex *tqc_lang_rare(const tqc_lang *lang) { return lang ? lang->rare : NULL; }
const tqc_quotes *tqc_lang_quotes(const tqc_lang *lang) { return lang ? &lang->quotes : NULL; }

const tqc_strmap *tqc_lang_list(const tqc_lang *lang, const char *name)
{
    uint64_t i;
    if (!tqc_strmap_get(lang->list_index, name, strlen(name), &i))
        return NULL;
    return lang->lists[i].entries;
}

bool tqc_lang_in(const tqc_lang *lang, const char *name, const char *word, size_t len)
{
    return tqc_strmap_get(tqc_lang_list(lang, name), word, len, NULL);
}

const char *tqc_lang_setting(const tqc_lang *lang, const char *key, const char *fallback)
{
    char regional[LANG_MAX_LINE];
    uint64_t idx;
    /* `key.code`, put together by hand: passes ask per word, and snprintf was a tenth
     * of a check. */
    size_t kl = strlen(key), cl = strlen(lang->code);
    /* Most profiles have no key for their own code: one probe instead of two. */
    if (lang->regional && kl + 1 + cl < sizeof regional) {
        memcpy(regional, key, kl);
        regional[kl] = '.';
        memcpy(regional + kl + 1, lang->code, cl);
        if (tqc_strmap_get(lang->settings, regional, kl + 1 + cl, &idx))
            return lang->setting_values[idx];
    }
    if (tqc_strmap_get(lang->settings, key, kl, &idx))
        return lang->setting_values[idx];
    return fallback;
}

bool tqc_lang_yes(const tqc_lang *lang, const char *key)
{
    return strcmp(tqc_lang_setting(lang, key, "no"), "yes") == 0;
}
