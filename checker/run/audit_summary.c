/* audit_summary: the counts of an audit, their merge, and their JSON and text forms.
 * The JSON reader parses with jansson (what the writer writes, and any JSON of the same
 * shape), then walks the tree to fill the summary. */
#include "run/audit_summary.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/json.h"
#include "core/io.h"
#include "core/text.h"

#ifndef TQC_VERSION
#define TQC_VERSION "0.1.0"
#endif

/* The summary format's version: readers refuse a newer one. */
#define SUMMARY_FORMAT 1

static const char *const sev_names[3] = {"info", "warning", "error"};

bool tqc_audit_summary_init(tqc_audit_summary *s)
{
    memset(s, 0, sizeof *s);
    s->parts = 1;
    s->rule_ix = tqc_strmap_new();
    s->lang_ix = tqc_strmap_new();
    s->folder_ix = tqc_strmap_new();
    if (!s->rule_ix || !s->lang_ix || !s->folder_ix) {
        tqc_audit_summary_free(s);
        return false;
    }
    return true;
}

static void free_article(tqc_audit_article *a)
{
    for (size_t i = 0; i < a->rule_count; i++)
        free(a->rules[i].rule);
    free(a->rules);
    free(a->name);
    free(a->folder);
    free(a->lang);
    memset(a, 0, sizeof *a);
}

void tqc_audit_summary_free(tqc_audit_summary *s)
{
    if (!s)
        return;
    free(s->rules);
    free(s->langs);
    free(s->folders);
    for (size_t i = 0; i < s->worst_count; i++)
        free_article(&s->worst[i]);
    tqc_strmap_free(s->rule_ix);
    tqc_strmap_free(s->lang_ix);
    tqc_strmap_free(s->folder_ix);
    memset(s, 0, sizeof *s);
}

double tqc_audit_density(uint64_t findings, uint64_t words)
{
    return words ? (double)findings * 1000.0 / (double)words : 0.0;
}

size_t tqc_audit_bin(double density)
{
    /* Densities are never negative, so truncation is floor (and no libm is needed). */
    double b = density / TQC_AUDIT_HIST_WIDTH;
    return b >= TQC_AUDIT_HIST_BINS - 1 ? TQC_AUDIT_HIST_BINS - 1 : b <= 0 ? 0 : (size_t)b;
}

uint64_t tqc_audit_total(const uint64_t findings[3])
{
    return findings[0] + findings[1] + findings[2];
}

/* The tally of key in one of the three tables, added when new; NULL when out of memory. */
static tqc_audit_tally *tally(tqc_audit_summary *s, tqc_strmap *ix, tqc_audit_tally **arr,
                              size_t *count, size_t *cap, const char *key)
{
    size_t len = strlen(key);
    uint64_t at;
    if (tqc_strmap_get(ix, key, len, &at))
        return &(*arr)[at];
    if (*count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        tqc_audit_tally *n = tqc_realloc(*arr, ncap * sizeof *n);
        if (!n)
            goto nomem;
        *arr = n;
        *cap = ncap;
    }
    if (!tqc_strmap_put(ix, key, len, *count))
        goto nomem;
    /* The map owns the key's copy; the tally borrows it (the map outlives the tallies). */
    tqc_audit_tally *t = &(*arr)[*count];
    memset(t, 0, sizeof *t);
    t->key = tqc_strmap_key(ix, tqc_strmap_count(ix) - 1, NULL);
    (*count)++;
    return t;
nomem:
    s->failed_alloc = true;
    return NULL;
}

static tqc_audit_tally *rule_tally(tqc_audit_summary *s, const char *key)
{
    return tally(s, s->rule_ix, &s->rules, &s->rule_count, &s->rule_cap, key);
}

static tqc_audit_tally *lang_tally(tqc_audit_summary *s, const char *key)
{
    return tally(s, s->lang_ix, &s->langs, &s->lang_count, &s->lang_cap, key);
}

static tqc_audit_tally *folder_tally(tqc_audit_summary *s, const char *key)
{
    return tally(s, s->folder_ix, &s->folders, &s->folder_count, &s->folder_cap, key);
}

const char *tqc_audit_summary_add_finding(tqc_audit_summary *s, const char *rule,
                                          tqc_severity sev)
{
    tqc_audit_tally *t = rule_tally(s, rule);
    if (!t)
        return NULL;
    t->findings[sev]++;
    return t->key;
}

const char *tqc_audit_summary_rule_key(tqc_audit_summary *s, const char *rule)
{
    tqc_audit_tally *t = rule_tally(s, rule);
    return t ? t->key : NULL;
}

void tqc_audit_rule_count_add(tqc_audit_rule_count *rules, size_t *count, size_t cap,
                              const char *rule, uint64_t n)
{
    if (!rule)
        return;
    for (size_t i = 0; i < *count; i++)
        if (rules[i].rule == rule || strcmp(rules[i].rule, rule) == 0) {
            rules[i].count += n;
            return;
        }
    if (*count < cap)
        rules[(*count)++] = (tqc_audit_rule_count){(char *)rule, n};
}

static int by_count(const void *pa, const void *pb)
{
    const tqc_audit_rule_count *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->rule, b->rule);
}

void tqc_audit_summary_add_file(tqc_audit_summary *s, const char *folder, const char *lang,
                                uint64_t bytes)
{
    s->files++;
    s->bytes += bytes;
    tqc_audit_tally *t;
    if (folder && (t = folder_tally(s, folder))) {
        t->files++;
        t->bytes += bytes;
    }
    if (lang && (t = lang_tally(s, lang))) {
        t->files++;
        t->bytes += bytes;
    }
}

/* true when a is worse than b: more errors, then more warnings (issue 14: info hints
 * such as probable names do not make an article bad), then a higher density of both,
 * then more findings, then name. */
static bool worse(const tqc_audit_article *a, const tqc_audit_article *b)
{
    if (a->findings[TQC_SEV_ERROR] != b->findings[TQC_SEV_ERROR])
        return a->findings[TQC_SEV_ERROR] > b->findings[TQC_SEV_ERROR];
    if (a->findings[TQC_SEV_WARNING] != b->findings[TQC_SEV_WARNING])
        return a->findings[TQC_SEV_WARNING] > b->findings[TQC_SEV_WARNING];
    uint64_t sa = a->findings[TQC_SEV_ERROR] + a->findings[TQC_SEV_WARNING];
    uint64_t sb = b->findings[TQC_SEV_ERROR] + b->findings[TQC_SEV_WARNING];
    double da = tqc_audit_density(sa, a->words), db = tqc_audit_density(sb, b->words);
    if (da != db)
        return da > db;
    uint64_t ta = tqc_audit_total(a->findings), tb = tqc_audit_total(b->findings);
    if (ta != tb)
        return ta > tb;
    return strcmp(a->name, b->name) < 0;
}

/* Puts a copy of a into the worst list when it ranks. */
static void rank_worst(tqc_audit_summary *s, const tqc_audit_article *a)
{
    if (a->words < TQC_AUDIT_WORST_MIN_WORDS ||
        a->findings[TQC_SEV_ERROR] + a->findings[TQC_SEV_WARNING] == 0)
        return;
    size_t at = s->worst_count;
    while (at > 0 && worse(a, &s->worst[at - 1]))
        at--;
    if (at >= TQC_AUDIT_WORST)
        return;
    tqc_audit_article copy = {tqc_strdup(a->name ? a->name : ""),
                              tqc_strdup(a->folder ? a->folder : ""),
                              tqc_strdup(a->lang ? a->lang : ""), a->words,
                              {a->findings[0], a->findings[1], a->findings[2]},
                              NULL, 0};
    size_t nr = a->rule_count < TQC_AUDIT_ARTICLE_RULES ? a->rule_count : TQC_AUDIT_ARTICLE_RULES;
    bool rules_ok = true;
    if (nr && (rules_ok = (copy.rules = tqc_calloc(nr, sizeof *copy.rules)) != NULL)) {
        for (size_t i = 0; i < nr; i++) {
            const char *rule = a->rules[i].rule ? a->rules[i].rule : "";
            copy.rules[copy.rule_count] = (tqc_audit_rule_count){tqc_strdup(rule),
                                                                 a->rules[i].count};
            rules_ok &= copy.rules[copy.rule_count++].rule != NULL;
        }
        if (rules_ok)
            qsort(copy.rules, copy.rule_count, sizeof *copy.rules, by_count);
    }
    if (!copy.name || !copy.folder || !copy.lang || !rules_ok) {
        free_article(&copy);
        s->failed_alloc = true;
        return;
    }
    if (s->worst_count == TQC_AUDIT_WORST)
        free_article(&s->worst[--s->worst_count]);
    memmove(&s->worst[at + 1], &s->worst[at], (s->worst_count - at) * sizeof s->worst[0]);
    s->worst[at] = copy;
    s->worst_count++;
}

void tqc_audit_summary_add_article(tqc_audit_summary *s, const tqc_audit_article *a)
{
    uint64_t total = tqc_audit_total(a->findings);
    s->articles++;
    s->words += a->words;
    for (int k = 0; k < 3; k++)
        s->findings[k] += a->findings[k];
    tqc_audit_tally *ts[2] = {a->folder ? folder_tally(s, a->folder) : NULL,
                              a->lang ? lang_tally(s, a->lang) : NULL};
    for (int i = 0; i < 2; i++) {
        if (!ts[i])
            continue;
        ts[i]->articles++;
        ts[i]->words += a->words;
        for (int k = 0; k < 3; k++)
            ts[i]->findings[k] += a->findings[k];
    }
    if (a->words == 0) {
        s->empty++;
        return;
    }
    if (total == 0)
        s->clean++;
    s->bins[tqc_audit_bin(tqc_audit_density(total, a->words))]++;
    rank_worst(s, a);
}

static void add_tally(tqc_audit_tally *dst, const tqc_audit_tally *src)
{
    dst->files += src->files;
    dst->articles += src->articles;
    dst->words += src->words;
    dst->bytes += src->bytes;
    for (int k = 0; k < 3; k++)
        dst->findings[k] += src->findings[k];
}

void tqc_audit_summary_merge(tqc_audit_summary *dst, const tqc_audit_summary *src)
{
    dst->files += src->files;
    dst->articles += src->articles;
    dst->words += src->words;
    dst->bytes += src->bytes;
    for (int k = 0; k < 3; k++)
        dst->findings[k] += src->findings[k];
    dst->failed += src->failed;
    dst->unchanged += src->unchanged;
    dst->hidden += src->hidden;
    dst->binary += src->binary;
    dst->excluded += src->excluded;
    dst->not_done += src->not_done;
    dst->empty += src->empty;
    dst->clean += src->clean;
    for (size_t i = 0; i < TQC_AUDIT_HIST_BINS; i++)
        dst->bins[i] += src->bins[i];
    tqc_audit_tally *t;
    for (size_t i = 0; i < src->rule_count; i++)
        if ((t = rule_tally(dst, src->rules[i].key)))
            add_tally(t, &src->rules[i]);
    for (size_t i = 0; i < src->lang_count; i++)
        if ((t = lang_tally(dst, src->langs[i].key)))
            add_tally(t, &src->langs[i]);
    for (size_t i = 0; i < src->folder_count; i++)
        if ((t = folder_tally(dst, src->folders[i].key)))
            add_tally(t, &src->folders[i]);
    for (size_t i = 0; i < src->worst_count; i++)
        rank_worst(dst, &src->worst[i]);
    dst->seconds += src->seconds;
    if (src->jobs > dst->jobs)
        dst->jobs = src->jobs;
    dst->interrupted |= src->interrupted;
    dst->parts += src->parts;
    dst->failed_alloc |= src->failed_alloc;
}

double tqc_audit_summary_median(const tqc_audit_summary *s)
{
    uint64_t n = 0;
    for (size_t i = 0; i < TQC_AUDIT_HIST_BINS; i++)
        n += s->bins[i];
    if (n == 0)
        return 0;
    uint64_t seen = 0;
    for (size_t i = 0; i < TQC_AUDIT_HIST_BINS; i++) {
        seen += s->bins[i];
        if (seen * 2 >= n)
            return (double)(i + 1) * TQC_AUDIT_HIST_WIDTH;
    }
    return (double)TQC_AUDIT_HIST_BINS * TQC_AUDIT_HIST_WIDTH;
}

static int by_findings(const void *a, const void *b)
{
    const tqc_audit_tally *x = a, *y = b;
    uint64_t tx = tqc_audit_total(x->findings), ty = tqc_audit_total(y->findings);
    if (tx != ty)
        return tx > ty ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int by_key(const void *a, const void *b)
{
    const tqc_audit_tally *x = a, *y = b;
    return strcmp(x->key, y->key);
}

/* Sorts a table and renumbers its index map to match. */
static void sort_table(tqc_audit_summary *s, tqc_audit_tally *arr, size_t n, tqc_strmap *ix,
                       int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(arr, n, sizeof *arr, cmp);
    for (size_t i = 0; i < n; i++)
        if (!tqc_strmap_put(ix, arr[i].key, strlen(arr[i].key), i))
            s->failed_alloc = true;
}

void tqc_audit_summary_sort(tqc_audit_summary *s)
{
    sort_table(s, s->rules, s->rule_count, s->rule_ix, by_findings);
    sort_table(s, s->langs, s->lang_count, s->lang_ix, by_key);
    sort_table(s, s->folders, s->folder_count, s->folder_ix, by_key);
}

/* ---- JSON out ---- */

/* x rounded to the decimals the summary keeps. */
static json_t *real_json(double x, double scale)
{
    return json_real(x >= 0 ? (double)(uint64_t)(x * scale + 0.5) / scale : 0);
}

static json_t *uint_json(uint64_t n)
{
    return json_integer((json_int_t)n);
}

static bool put_counts(json_t *o, const uint64_t f[3])
{
    return tqc_json_set(o, "error", uint_json(f[TQC_SEV_ERROR])) &&
           tqc_json_set(o, "warning", uint_json(f[TQC_SEV_WARNING])) &&
           tqc_json_set(o, "info", uint_json(f[TQC_SEV_INFO])) &&
           tqc_json_set(o, "total", uint_json(tqc_audit_total(f)));
}

static json_t *table_json(const char *keyname, const tqc_audit_tally *arr, size_t n, bool full)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        const tqc_audit_tally *t = &arr[i];
        json_t *o = json_object();
        ok = tqc_json_set(o, keyname, tqc_json_string(t->key)) &&
             (!full || (tqc_json_set(o, "files", uint_json(t->files)) &&
                        tqc_json_set(o, "articles", uint_json(t->articles)) &&
                        tqc_json_set(o, "words", uint_json(t->words)) &&
                        tqc_json_set(o, "bytes", uint_json(t->bytes)))) &&
             put_counts(o, t->findings) &&
             (!full || tqc_json_set(o, "per_1k_words",
                                    real_json(tqc_audit_density(tqc_audit_total(t->findings),
                                                                t->words), 1e3)));
        ok = tqc_json_append(a, tqc_json_done(o, ok)) && ok;
    }
    return tqc_json_done(a, ok);
}

static json_t *article_json(const tqc_audit_article *a)
{
    json_t *o = json_object(), *rules = json_object();
    bool ok = tqc_json_set(o, "path", tqc_json_string(a->name)) &&
              tqc_json_set(o, "folder", tqc_json_string(a->folder)) &&
              tqc_json_set(o, "language", tqc_json_string(a->lang)) &&
              tqc_json_set(o, "words", uint_json(a->words)) && put_counts(o, a->findings) &&
              tqc_json_set(o, "per_1k_words",
                           real_json(tqc_audit_density(tqc_audit_total(a->findings), a->words),
                                     1e3));
    for (size_t k = 0; ok && k < a->rule_count; k++) {
        json_t *c = uint_json(a->rules[k].count);
        /* A rule id is a pass id (ASCII); the key must be valid UTF-8 all the same. */
        ok = c && json_object_set_new(rules, a->rules[k].rule, c) == 0;
        if (!ok)
            json_decref(c);
    }
    ok = ok && tqc_json_set(o, "rules", json_incref(rules));
    json_decref(rules);
    return tqc_json_done(o, ok);
}

bool tqc_audit_summary_write_json(FILE *out, tqc_audit_summary *s)
{
    tqc_audit_summary_sort(s);
    double secs = s->seconds > 0 ? s->seconds : 0;
    json_t *o = json_object(), *tp = json_object(), *fd = json_object(), *sk = json_object(),
           *dens = json_object(), *bins = json_array(), *worst = json_array();
    bool ok = tqc_json_set(o, "tqc_audit_summary", json_integer(SUMMARY_FORMAT)) &&
              tqc_json_set(o, "version", json_string(TQC_VERSION)) &&
              tqc_json_set(o, "parts", uint_json(s->parts)) &&
              tqc_json_set(o, "interrupted", json_boolean(s->interrupted)) &&
              tqc_json_set(o, "incomplete", json_boolean(s->failed_alloc)) &&
              tqc_json_set(o, "jobs", json_integer(s->jobs)) &&
              tqc_json_set(o, "seconds", real_json(secs, 1e3)) &&
              tqc_json_set(tp, "mb_per_s",
                           real_json(secs > 0 ? (double)s->bytes / 1e6 / secs : 0, 1e3)) &&
              tqc_json_set(tp, "articles_per_s",
                           real_json(secs > 0 ? (double)s->articles / secs : 0, 10)) &&
              tqc_json_set(tp, "files_per_s",
                           real_json(secs > 0 ? (double)s->files / secs : 0, 10)) &&
              tqc_json_set(o, "throughput", json_incref(tp)) &&
              tqc_json_set(o, "files", uint_json(s->files)) &&
              tqc_json_set(o, "articles", uint_json(s->articles)) &&
              tqc_json_set(o, "words", uint_json(s->words)) &&
              tqc_json_set(o, "bytes", uint_json(s->bytes)) && put_counts(fd, s->findings) &&
              tqc_json_set(o, "findings", json_incref(fd)) &&
              tqc_json_set(o, "per_1k_words",
                           real_json(tqc_audit_density(tqc_audit_total(s->findings), s->words),
                                     1e3)) &&
              tqc_json_set(sk, "hidden", uint_json(s->hidden)) &&
              tqc_json_set(sk, "binary", uint_json(s->binary)) &&
              tqc_json_set(sk, "excluded", uint_json(s->excluded)) &&
              tqc_json_set(sk, "unchanged", uint_json(s->unchanged)) &&
              tqc_json_set(o, "skipped", json_incref(sk)) &&
              tqc_json_set(o, "failed", uint_json(s->failed)) &&
              tqc_json_set(o, "not_done", uint_json(s->not_done)) &&
              tqc_json_set(o, "rules", table_json("rule", s->rules, s->rule_count, false)) &&
              tqc_json_set(o, "languages",
                           table_json("language", s->langs, s->lang_count, true)) &&
              tqc_json_set(o, "folders",
                           table_json("folder", s->folders, s->folder_count, true)) &&
              tqc_json_set(dens, "bin_width", json_real(TQC_AUDIT_HIST_WIDTH)) &&
              tqc_json_set(dens, "empty", uint_json(s->empty)) &&
              tqc_json_set(dens, "clean", uint_json(s->clean));
    for (size_t i = 0; ok && i < TQC_AUDIT_HIST_BINS; i++)
        ok = tqc_json_append(bins, uint_json(s->bins[i]));
    ok = ok && tqc_json_set(dens, "bins", json_incref(bins)) &&
         tqc_json_set(o, "density", json_incref(dens)) &&
         tqc_json_set(o, "worst_min_words", json_integer(TQC_AUDIT_WORST_MIN_WORDS));
    for (size_t i = 0; ok && i < s->worst_count; i++)
        ok = tqc_json_append(worst, article_json(&s->worst[i]));
    ok = ok && tqc_json_set(o, "worst", json_incref(worst));
    json_decref(tp);
    json_decref(fd);
    json_decref(sk);
    json_decref(bins);
    json_decref(dens);
    json_decref(worst);
    return tqc_json_write_members(out, tqc_json_done(o, ok));
}

/* ---- JSON in ---- */

/* Reads the reader's expectations: a missing count is a malformed summary. */
typedef struct jread {
    char *err;
    size_t errlen;
    const char *where;
} jread;

/* A summary that parses but is not the right shape: no position to give. */
static bool jsem(jread *r, const char *what)
{
    snprintf(r->err, r->errlen, "%s", what);
    return false;
}

static const json_t *jget(const json_t *obj, const char *key)
{
    return json_is_object(obj) ? json_object_get(obj, key) : NULL;
}

static bool is_uint(const json_t *v)
{
    return json_is_integer(v) && json_integer_value(v) >= 0;
}

static bool juint(jread *r, const json_t *obj, const char *key, uint64_t *out)
{
    const json_t *v = jget(obj, key);
    if (!is_uint(v)) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s: \"%s\" must be a non-negative integer", r->where, key);
        return jsem(r, msg);
    }
    *out = (uint64_t)json_integer_value(v);
    return true;
}

static bool jcounts(jread *r, const json_t *obj, uint64_t f[3])
{
    for (int k = 0; k < 3; k++)
        if (!juint(r, obj, sev_names[k], &f[k]))
            return false;
    return true;
}

/* obj's key when jansson types it t, else NULL after saying it must be what. */
static const json_t *jtyped(jread *r, const json_t *obj, const char *key, json_type t,
                            const char *what)
{
    const json_t *v = jget(obj, key);
    if (v && json_typeof(v) == t)
        return v;
    char msg[160];
    snprintf(msg, sizeof msg, "%s: \"%s\" must be %s", r->where, key, what);
    jsem(r, msg);
    return NULL;
}

static const char *jstr(jread *r, const json_t *obj, const char *key)
{
    const json_t *v = jtyped(r, obj, key, JSON_STRING, "a string");
    return v ? json_string_value(v) : NULL;
}

static const json_t *jarray(jread *r, const json_t *obj, const char *key)
{
    return jtyped(r, obj, key, JSON_ARRAY, "an array");
}

static bool read_table(jread *r, tqc_audit_summary *s, const json_t *root, const char *name,
                       const char *keyname, bool full)
{
    const json_t *arr = jarray(r, root, name);
    if (!arr)
        return false;
    r->where = name;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        const json_t *e = json_array_get(arr, i);
        const char *key = jstr(r, e, keyname);
        if (!key)
            return false;
        tqc_audit_tally t = {.key = key};
        if (!jcounts(r, e, t.findings))
            return false;
        if (full && !(juint(r, e, "files", &t.files) && juint(r, e, "articles", &t.articles) &&
                      juint(r, e, "words", &t.words) && juint(r, e, "bytes", &t.bytes)))
            return false;
        tqc_audit_tally *dst = strcmp(name, "rules") == 0 ? rule_tally(s, key)
                             : strcmp(name, "languages") == 0 ? lang_tally(s, key)
                             : folder_tally(s, key);
        if (!dst)
            return jsem(r, "out of memory");
        add_tally(dst, &t);
    }
    return true;
}

static bool read_summary(jread *r, const json_t *root, tqc_audit_summary *s)
{
    uint64_t format;
    r->where = "summary";
    if (!json_is_object(root))
        return jsem(r, "not a JSON object");
    if (!juint(r, root, "tqc_audit_summary", &format))
        return false;
    if (format != SUMMARY_FORMAT) {
        return jsem(r, "a summary format this tqc does not know");
    }
    const json_t *v;
    if (!(juint(r, root, "files", &s->files) && juint(r, root, "articles", &s->articles) &&
          juint(r, root, "words", &s->words) && juint(r, root, "bytes", &s->bytes) &&
          juint(r, root, "failed", &s->failed) && juint(r, root, "not_done", &s->not_done) &&
          juint(r, root, "parts", &s->parts)))
        return false;
    r->where = "findings";
    if (!jcounts(r, jget(root, "findings"), s->findings))
        return false;
    r->where = "skipped";
    const json_t *sk = jget(root, "skipped");
    if (!(juint(r, sk, "hidden", &s->hidden) && juint(r, sk, "binary", &s->binary) &&
          juint(r, sk, "excluded", &s->excluded) && juint(r, sk, "unchanged", &s->unchanged)))
        return false;
    if ((v = jget(root, "seconds")) && json_is_number(v))
        s->seconds = json_number_value(v);
    if ((v = jget(root, "jobs")) && is_uint(v))
        s->jobs = (unsigned)json_integer_value(v);
    if ((v = jget(root, "interrupted")) && json_is_boolean(v))
        s->interrupted = json_is_true(v);
    if ((v = jget(root, "incomplete")) && json_is_boolean(v))
        s->failed_alloc = json_is_true(v);
    if (!read_table(r, s, root, "rules", "rule", false) ||
        !read_table(r, s, root, "languages", "language", true) ||
        !read_table(r, s, root, "folders", "folder", true))
        return false;
    r->where = "density";
    const json_t *d = jget(root, "density");
    const json_t *bins = jarray(r, d, "bins");
    if (!bins || !juint(r, d, "empty", &s->empty) || !juint(r, d, "clean", &s->clean))
        return false;
    const json_t *w = jget(d, "bin_width");
    if (!w || !json_is_number(w) || json_number_value(w) != TQC_AUDIT_HIST_WIDTH ||
        json_array_size(bins) != TQC_AUDIT_HIST_BINS) {
        return jsem(r, "density: bins of another width or number than this tqc's");
    }
    for (size_t i = 0; i < json_array_size(bins); i++) {
        if (!is_uint(json_array_get(bins, i))) {
            return jsem(r, "density: bins must be non-negative integers");
        }
        s->bins[i] = (uint64_t)json_integer_value(json_array_get(bins, i));
    }
    const json_t *worst = jarray(r, root, "worst");
    if (!worst)
        return false;
    r->where = "worst";
    for (size_t i = 0; i < json_array_size(worst); i++) {
        const json_t *e = json_array_get(worst, i);
        tqc_audit_article a = {0};
        const char *name = jstr(r, e, "path"), *folder = jstr(r, e, "folder");
        const char *lang = jstr(r, e, "language");
        if (!name || !folder || !lang || !juint(r, e, "words", &a.words) ||
            !jcounts(r, e, a.findings))
            return false;
        a.name = (char *)name;
        a.folder = (char *)folder;
        a.lang = (char *)lang;
        /* Its counts per rule: optional, as summaries written before them lack them. */
        const json_t *rules = jget(e, "rules");
        if (rules && !json_is_object(rules))
            return jsem(r, "worst: \"rules\" must be an object of counts");
        tqc_audit_rule_count counts[TQC_AUDIT_ARTICLE_RULES];
        const char *rule;
        json_t *count;
        json_object_foreach((json_t *)rules, rule, count) {
            if (!is_uint(count))
                return jsem(r, "worst: \"rules\" must be an object of counts");
            tqc_audit_rule_count_add(counts, &a.rule_count, TQC_AUDIT_ARTICLE_RULES, rule,
                                     (uint64_t)json_integer_value(count));
        }
        a.rules = counts;
        rank_worst(s, &a);
    }
    return !s->failed_alloc || jsem(r, "out of memory");
}

tqc_status tqc_audit_summary_read_json(const char *text, size_t len, size_t *used,
                                       tqc_audit_summary *s, char *err, size_t errlen)
{
    if (!tqc_audit_summary_init(s)) {
        snprintf(err, errlen, "out of memory");
        return TQC_ENOMEM;
    }
    /* With used, the summary may be followed by more: the parser stops at its end. */
    json_error_t e;
    json_t *root = json_loadb(text, len, used ? JSON_DISABLE_EOF_CHECK : 0, &e);
    bool ok = root != NULL;
    if (!ok)
        snprintf(err, errlen, "line %d, column %d: %s", e.line, e.column, e.text);
    else if (used) {
        size_t at = (size_t)e.position;
        while (at < len && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' ||
                            text[at] == '\r'))
            at++;
        *used = at;
    }
    jread r = {err, errlen, "summary"};
    if (ok)
        ok = read_summary(&r, root, s);
    json_decref(root);
    if (!ok) {
        tqc_audit_summary_free(s);
        return TQC_EINPUT;
    }
    return TQC_OK;
}

/* ---- text out ---- */

const char *tqc_audit_format_count(char *buf, size_t cap, uint64_t n)
{
    char tmp[32];
    int len = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)n);
    size_t o = 0;
    for (int i = 0; i < len && o + 2 < cap; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = tmp[i];
    }
    buf[o] = '\0';
    return buf;
}

#define num tqc_audit_format_count

const char *tqc_audit_format_bytes(char *buf, size_t cap, uint64_t n)
{
    if (n < 1000)
        snprintf(buf, cap, "%llu bytes", (unsigned long long)n);
    else if (n < 1000000)
        snprintf(buf, cap, "%.1f kB", (double)n / 1e3);
    else if (n < 1000000000)
        snprintf(buf, cap, "%.1f MB", (double)n / 1e6);
    else
        snprintf(buf, cap, "%.2f GB", (double)n / 1e9);
    return buf;
}

static void text_table(FILE *out, const char *title, const char *keyname,
                       const tqc_audit_tally *arr, size_t n, bool full, size_t max_rows)
{
    if (n == 0)
        return;
    size_t w = strlen(keyname);
    size_t rows = max_rows && n > max_rows ? max_rows : n;
    for (size_t i = 0; i < rows; i++)
        if (strlen(arr[i].key) > w)
            w = strlen(arr[i].key);
    if (w > 48)
        w = 48;
    fprintf(out, "\n%s\n  %-*s %9s %9s %9s %9s", title, (int)w, keyname, "error", "warning",
            "info", "total");
    if (full)
        fprintf(out, " %9s %12s %9s", "articles", "words", "per 1k");
    fputc('\n', out);
    char b[4][32];
    for (size_t i = 0; i < rows; i++) {
        const tqc_audit_tally *t = &arr[i];
        if (tqc_text_is_safe(t->key)) {
            fprintf(out, "  %-*.*s", (int)w, (int)w, t->key);
        } else {
            /* A folder's name may hold control characters: escaped, never raw. */
            fputs("  ", out);
            tqc_text_fputs_safe(t->key, out);
        }
        fprintf(out, " %9s %9s %9s %9s",
                num(b[0], 32, t->findings[TQC_SEV_ERROR]),
                num(b[1], 32, t->findings[TQC_SEV_WARNING]),
                num(b[2], 32, t->findings[TQC_SEV_INFO]),
                num(b[3], 32, tqc_audit_total(t->findings)));
        if (full)
            fprintf(out, " %9s %12s %9.2f", num(b[0], 32, t->articles), num(b[1], 32, t->words),
                    tqc_audit_density(tqc_audit_total(t->findings), t->words));
        fputc('\n', out);
    }
    if (rows < n)
        fprintf(out, "  ... and %zu more (see --summary-json)\n", n - rows);
}

void tqc_audit_summary_write_text(FILE *out, tqc_audit_summary *s, size_t max_rows)
{
    tqc_audit_summary_sort(s);
    char b[6][32];
    double secs = s->seconds > 0 ? s->seconds : 0;
    uint64_t total = tqc_audit_total(s->findings);
    fprintf(out, "audit%s: %s files, %s articles, %s words, %s",
            s->interrupted ? " (interrupted)" : "", num(b[0], 32, s->files),
            num(b[1], 32, s->articles), num(b[2], 32, s->words),
            tqc_audit_format_bytes(b[3], 32, s->bytes));
    if (secs > 0)
        fprintf(out, " in %.2f s (%.2f MB/s, %.0f articles/s%s)", secs,
                (double)s->bytes / 1e6 / secs, (double)s->articles / secs,
                s->parts > 1 ? ", machine time of the parts" : "");
    if (s->jobs)
        fprintf(out, ", -j %u", s->jobs);
    fputc('\n', out);
    fprintf(out, "findings: %s (%s error, %s warning, %s info), %.2f per 1,000 words\n",
            num(b[0], 32, total), num(b[1], 32, s->findings[TQC_SEV_ERROR]),
            num(b[2], 32, s->findings[TQC_SEV_WARNING]), num(b[3], 32, s->findings[TQC_SEV_INFO]),
            tqc_audit_density(total, s->words));
    fprintf(out, "skipped: %s hidden, %s binary, %s excluded; %s failed",
            num(b[0], 32, s->hidden), num(b[1], 32, s->binary), num(b[2], 32, s->excluded),
            num(b[4], 32, s->failed));
    /* --incremental: unchanged files are in the counts above, with their stored findings. */
    if (s->unchanged)
        fprintf(out, "; %s unchanged (counted with their stored findings)",
                num(b[3], 32, s->unchanged));
    if (s->not_done)
        fprintf(out, "; %s not done", num(b[5], 32, s->not_done));
    fputc('\n', out);
    if (s->failed_alloc)
        fputs("warning: out of memory while counting; the numbers are incomplete\n", out);
    text_table(out, "by rule:", "rule", s->rules, s->rule_count, false, max_rows);
    text_table(out, "by language:", "language", s->langs, s->lang_count, true, max_rows);
    text_table(out, "by folder:", "folder", s->folders, s->folder_count, true, max_rows);
    uint64_t ranked = s->articles - s->empty;
    if (ranked) {
        fprintf(out, "\ndensity per article (findings per 1,000 words): %s of %s articles "
                "clean, median below %g\n", num(b[0], 32, s->clean), num(b[1], 32, ranked),
                tqc_audit_summary_median(s));
        uint64_t peak = 0;
        size_t last = 0;
        for (size_t i = 0; i < TQC_AUDIT_HIST_BINS; i++) {
            if (s->bins[i] > peak)
                peak = s->bins[i];
            if (s->bins[i])
                last = i;
        }
        for (size_t i = 0; i <= last; i++) {
            int bar = peak ? (int)((s->bins[i] * 40 + peak - 1) / peak) : 0;
            char label[32];
            if (i == TQC_AUDIT_HIST_BINS - 1)
                snprintf(label, sizeof label, "%g+", i * TQC_AUDIT_HIST_WIDTH);
            else
                snprintf(label, sizeof label, "%g-%g", i * TQC_AUDIT_HIST_WIDTH,
                         (i + 1) * TQC_AUDIT_HIST_WIDTH);
            fprintf(out, "  %7s %9s %.*s\n", label, num(b[0], 32, s->bins[i]), bar,
                    "########################################");
        }
    }
    if (s->worst_count) {
        fprintf(out, "\nworst articles (at least %d words):\n  %8s %8s %9s  %s\n",
                TQC_AUDIT_WORST_MIN_WORDS, "per 1k", "findings", "words", "article");
        for (size_t i = 0; i < s->worst_count; i++) {
            const tqc_audit_article *a = &s->worst[i];
            uint64_t t = tqc_audit_total(a->findings);
            fprintf(out, "  %8.2f %8s %9s  ", tqc_audit_density(t, a->words),
                    num(b[0], 32, t), num(b[1], 32, a->words));
            tqc_text_fputs_safe(a->name, out);
            fputc('\n', out);
        }
    }
}
