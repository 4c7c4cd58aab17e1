#include "dict.h"

#include <dirent.h>
#include <errno.h>
#include <hunspell.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "text.h"

/* Suggestions are costly (milliseconds a word): each distinct word is asked once per
 * dict, up to this many words, so memory stays bounded on any corpus. */
#define DICT_MAX_CACHED_SUGGESTIONS 100000
/* Letters tried when generating one-edit corrections: the lower-case part of the aff's
 * TRY line, most frequent first. */
#define DICT_MAX_TRY 48
/* One-edit corrections kept for ranking. */
#define DICT_MAX_CANDIDATES 32
/* Longer "words" are not words; Hunspell would only waste time on them. */
#define DICT_MAX_WORD 100
#define DICT_MAX_PATH 4096
#define DICT_MAX_LINE 1024

enum { VERDICT_KNOWN = 1, VERDICT_UNKNOWN = 2 };

/* A small direct-mapped cache of verdicts in front of the verdict map. Word frequencies
 * are Zipfian, so a few thousand slots answer most tokens from memory the processor
 * keeps close, where the map (every distinct word seen) costs cache misses. */
#define HOT_SLOTS 32768
#define HOT_KEY 26
typedef struct hot_verdict {
    uint32_t tag;
    uint8_t len;        /* 0: empty */
    uint8_t verdict;
    char key[HOT_KEY];
} hot_verdict;

struct tqc_dict {
    Hunhandle *hun;
    char name[64];
    iconv_t to_dic, from_dic;   /* (iconv_t)-1 when the dictionary is UTF-8 */
    tqc_strmap *cache;          /* word -> verdict */
    tqc_strmap *freq;           /* lower-cased word -> count */
    char try_chars[DICT_MAX_TRY][5]; /* the letters typos are made of (the aff's TRY) */
    size_t try_count;
    tqc_strmap *suggested;      /* word -> index into suggestions */
    char **suggestions;         /* per cached word: NUL-separated list, empty string ends it */
    size_t suggestion_count, suggestion_cap;
    uint64_t freq_total;
    size_t lookups;
    struct hot_verdict *hot;    /* in front of cache; NULL until the first lookup */
};

static bool file_exists(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f)
        fclose(f);
    return f != NULL;
}

/* Looks for name.aff and name.dic in the colon-separated folders of path. */
static bool find_dictionary(const char *path, const char *name, char *aff, char *dic)
{
    while (path && *path) {
        size_t n = strcspn(path, ":");
        if (n > 0 && n < DICT_MAX_PATH - 80 && strlen(name) < 64) {
            snprintf(aff, DICT_MAX_PATH, "%.*s/%s.aff", (int)n, path, name);
            snprintf(dic, DICT_MAX_PATH, "%.*s/%s.dic", (int)n, path, name);
            if (file_exists(aff) && file_exists(dic))
                return true;
        }
        path += n;
        if (*path == ':')
            path++;
    }
    return false;
}

/* Converts between UTF-8 and the dictionary's encoding; returns out or NULL. */
static char *convert(iconv_t cd, const char *in, size_t len, char *out, size_t cap)
{
    if (cd == (iconv_t)-1) {
        if (len >= cap)
            return NULL;
        memcpy(out, in, len);
        out[len] = '\0';
        return out;
    }
    char *src = (char *)in, *dst = out;
    size_t left = len, room = cap - 1;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &src, &left, &dst, &room) == (size_t)-1)
        return NULL;
    *dst = '\0';
    return out;
}

static tqc_status add_word_file(tqc_dict *dict, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return TQC_EIO;
    }
    char line[DICT_MAX_LINE], conv[DICT_MAX_LINE * 2];
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n#");
        while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;
        size_t skip = strspn(line, " \t");
        if (skip >= n)
            continue;
        if (convert(dict->to_dic, line + skip, n - skip, conv, sizeof conv))
            Hunspell_add(dict->hun, conv);
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        snprintf(err, errlen, "%s: read error", path);
        return TQC_EIO;
    }
    return TQC_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds every .txt file of dictionaries/<base>/, in name order. */
static tqc_status add_supplements(tqc_dict *dict, const char *dir, char *err, size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d)
        return TQC_OK;
    char *names[256];
    size_t count = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL && count < 256;) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0 && e->d_name[0] != '.') {
            if (!(names[count] = malloc(n + 1)))
                break;
            memcpy(names[count++], e->d_name, n + 1);
        }
    }
    closedir(d);
    qsort(names, count, sizeof *names, cmp_str);
    tqc_status st = TQC_OK;
    for (size_t i = 0; i < count; i++) {
        char path[DICT_MAX_PATH];
        if (st == TQC_OK && (size_t)snprintf(path, sizeof path, "%s/%s", dir, names[i]) < sizeof path)
            st = add_word_file(dict, path, err, errlen);
        free(names[i]);
    }
    return st;
}

static tqc_status load_freq(tqc_dict *dict, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return TQC_OK; /* optional: without it, splits rank by dictionary alone */
    if (!(dict->freq = tqc_strmap_new())) {
        fclose(f);
        return TQC_ENOMEM;
    }
    char line[DICT_MAX_LINE];
    tqc_status st = TQC_OK;
    while (st == TQC_OK && fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        unsigned long long count = strtoull(tab + 1, NULL, 10);
        if (!tqc_strmap_put(dict->freq, line, (size_t)(tab - line), count))
            st = TQC_ENOMEM;
        dict->freq_total += count;
    }
    fclose(f);
    return st;
}

/* Reads the lower-case letters of the aff file's TRY line (ASCII a-z when it has none):
 * the alphabet of one-edit corrections. */
static void load_try(tqc_dict *dict, const char *aff)
{
    FILE *f = fopen(aff, "r");
    char line[DICT_MAX_LINE], conv[DICT_MAX_LINE * 2];
    const char *letters = "abcdefghijklmnopqrstuvwxyz";
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "TRY ", 4) != 0)
            continue;
        size_t n = strcspn(line + 4, "\r\n \t");
        if (convert(dict->from_dic, line + 4, n, conv, sizeof conv))
            letters = conv;
        break;
    }
    size_t len = strlen(letters);
    for (size_t i = 0; i < len && dict->try_count < DICT_MAX_TRY;) {
        int32_t cp;
        size_t n = tqc_text_decode(letters + i, len - i, &cp);
        /* Letters and the apostrophe: a hyphen or period "correction" is a new word. */
        if ((tqc_text_is_lower(cp) || tqc_text_is_apostrophe(cp)) && n < 5) {
            memcpy(dict->try_chars[dict->try_count], letters + i, n);
            dict->try_chars[dict->try_count++][n] = '\0';
        }
        i += n;
    }
    if (f)
        fclose(f);
}

/* Hunspell keeps a reference-counted global table for UTF-8 dictionaries and counts
 * without a lock, so audit workers opening dictionaries at once leaked or freed it
 * twice. Creating and destroying under one lock is enough: spelling is per handle. */
static pthread_mutex_t hunspell_lifecycle = PTHREAD_MUTEX_INITIALIZER;

static Hunhandle *hunspell_open(const char *aff, const char *dic)
{
    pthread_mutex_lock(&hunspell_lifecycle);
    Hunhandle *h = Hunspell_create(aff, dic);
    pthread_mutex_unlock(&hunspell_lifecycle);
    return h;
}

static void hunspell_close(Hunhandle *h)
{
    pthread_mutex_lock(&hunspell_lifecycle);
    Hunspell_destroy(h);
    pthread_mutex_unlock(&hunspell_lifecycle);
}

tqc_status tqc_dict_open(const tqc_lang *lang, const char *data_dir,
                         const tqc_dict_options *opts, tqc_dict **out,
                         char *err, size_t errlen)
{
    *out = NULL;
    tqc_dict *dict = calloc(1, sizeof *dict);
    if (!dict)
        return TQC_ENOMEM;
    dict->to_dic = dict->from_dic = (iconv_t)-1;

    /* Candidates: the profile's list, else ll_RR from the code, else the base code. */
    char candidates[256], code[64];
    snprintf(code, sizeof code, "%s", tqc_lang_code(lang));
    for (char *p = code; *p; p++)
        if (*p == '-')
            *p = '_';
    snprintf(candidates, sizeof candidates, "%s %s %s",
             tqc_lang_setting(lang, "hunspell", ""), code, tqc_lang_base(lang));

    char search[DICT_MAX_PATH * 2];
    const char *env = getenv("TQC_DICT_PATH");
    snprintf(search, sizeof search, "%s:%s:%s", opts && opts->dict_path ? opts->dict_path : "",
             env ? env : "", TQC_DICT_SYSTEM_PATH);

    char aff[DICT_MAX_PATH], dic[DICT_MAX_PATH];
    bool found = false;
    for (char *save = NULL, *tok = strtok_r(candidates, " ,", &save); tok && !found;
         tok = strtok_r(NULL, " ,", &save)) {
        if (find_dictionary(search, tok, aff, dic)) {
            snprintf(dict->name, sizeof dict->name, "%s", tok);
            found = true;
        }
    }
    if (!found) {
        snprintf(err, errlen, "no Hunspell dictionary for '%s' (searched %s; "
                 "install hunspell-%s or set --dict-dir)", tqc_lang_code(lang),
                 search, tqc_lang_base(lang));
        free(dict);
        return TQC_ENOTFOUND;
    }
    if (!(dict->hun = hunspell_open(aff, dic)) || !(dict->cache = tqc_strmap_new())) {
        tqc_dict_free(dict);
        return TQC_ENOMEM;
    }
    const char *enc = Hunspell_get_dic_encoding(dict->hun);
    if (enc && strcasecmp(enc, "UTF-8") != 0 && strcasecmp(enc, "UTF8") != 0) {
        dict->to_dic = iconv_open(enc, "UTF-8");
        dict->from_dic = iconv_open("UTF-8", enc);
        if (dict->to_dic == (iconv_t)-1 || dict->from_dic == (iconv_t)-1) {
            snprintf(err, errlen, "%s: unsupported dictionary encoding %s", dic, enc);
            tqc_dict_free(dict);
            return TQC_EINPUT;
        }
    }

    load_try(dict, aff);

    char dir[DICT_MAX_PATH];
    snprintf(dir, sizeof dir, "%s/dictionaries/%s", data_dir, tqc_lang_base(lang));
    tqc_status st = add_supplements(dict, dir, err, errlen);
    for (size_t i = 0; st == TQC_OK && opts && i < opts->word_file_count; i++)
        st = add_word_file(dict, opts->word_files[i], err, errlen);
    if (st == TQC_OK) {
        char path[DICT_MAX_PATH + 16];
        snprintf(path, sizeof path, "%s/freq.tsv", dir);
        st = load_freq(dict, path);
    }
    if (st != TQC_OK) {
        tqc_dict_free(dict);
        return st;
    }
    *out = dict;
    return TQC_OK;
}

void tqc_dict_free(tqc_dict *dict)
{
    if (!dict)
        return;
    if (dict->hun)
        hunspell_close(dict->hun);
    if (dict->to_dic != (iconv_t)-1)
        iconv_close(dict->to_dic);
    if (dict->from_dic != (iconv_t)-1)
        iconv_close(dict->from_dic);
    tqc_strmap_free(dict->cache);
    free(dict->hot);
    tqc_strmap_free(dict->freq);
    tqc_strmap_free(dict->suggested);
    for (size_t i = 0; i < dict->suggestion_count; i++)
        free(dict->suggestions[i]);
    free(dict->suggestions);
    free(dict);
}

const char *tqc_dict_name(const tqc_dict *dict) { return dict->name; }

static bool hunspell_accepts(tqc_dict *dict, const char *word, size_t len)
{
    char conv[DICT_MAX_WORD * 4 + 1];
    dict->lookups++;
    return convert(dict->to_dic, word, len, conv, sizeof conv) &&
           Hunspell_spell(dict->hun, conv) != 0;
}

/* Hunspell knows ' but not always U+2019; normalise the typographic apostrophe. */
static size_t normalise_apostrophes(const char *word, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (i + 2 < len && (unsigned char)word[i] == 0xE2 && (unsigned char)word[i + 1] == 0x80 &&
            (unsigned char)word[i + 2] == 0x99) {
            out[o++] = '\'';
            i += 2;
        } else {
            out[o++] = word[i];
        }
    }
    return o;
}

static hot_verdict remember_hot(const char *word, size_t len, uint64_t h, uint8_t verdict)
{
    hot_verdict e = {.tag = (uint32_t)(h >> 32), .len = (uint8_t)len, .verdict = verdict};
    memcpy(e.key, word, len);
    return e;
}

static bool lookup(tqc_dict *dict, const char *word, size_t len)
{
    if (len == 0 || len > DICT_MAX_WORD)
        return false;
    hot_verdict *hot = NULL;
    uint64_t h = 0;
    if (len <= HOT_KEY && (dict->hot || (dict->hot = calloc(HOT_SLOTS, sizeof *dict->hot)))) {
        h = tqc_strmap_hash(word, len);
        hot = &dict->hot[h & (HOT_SLOTS - 1)];
        if (hot->len == len && hot->tag == (uint32_t)(h >> 32) && memcmp(hot->key, word, len) == 0)
            return hot->verdict == VERDICT_KNOWN;
    }
    uint64_t verdict;
    if (tqc_strmap_get_hashed(dict->cache, word, len, hot ? h : tqc_strmap_hash(word, len),
                              &verdict)) {
        if (hot)
            *hot = remember_hot(word, len, h, (uint8_t)verdict);
        return verdict == VERDICT_KNOWN;
    }
    char norm[DICT_MAX_WORD + 1];
    size_t n = normalise_apostrophes(word, len, norm);
    bool known = hunspell_accepts(dict, norm, n);
    /* A possessive of a known word is known, whether or not the dictionary has the affix. */
    if (!known && n > 2 && norm[n - 2] == '\'' && (norm[n - 1] == 's' || norm[n - 1] == 'S'))
        known = hunspell_accepts(dict, norm, n - 2);
    tqc_strmap_put(dict->cache, word, len, known ? VERDICT_KNOWN : VERDICT_UNKNOWN);
    if (hot)
        *hot = remember_hot(word, len, h, known ? VERDICT_KNOWN : VERDICT_UNKNOWN);
    return known;
}

bool tqc_dict_known(tqc_dict *dict, const char *word, size_t len)
{
    return lookup(dict, word, len);
}

bool tqc_dict_case_variant(tqc_dict *dict, const char *word, size_t len, char *fixed, size_t cap)
{
    if (len == 0 || len > DICT_MAX_WORD || lookup(dict, word, len))
        return false;
    char buf[DICT_MAX_WORD * 4 + 1];
    size_t n = tqc_text_case(word, len, TQC_CASE_TITLE, buf, sizeof buf);
    if (n && (n != len || memcmp(buf, word, len) != 0) && lookup(dict, buf, n) && n < cap) {
        memcpy(fixed, buf, n + 1);
        return true;
    }
    n = tqc_text_case(word, len, TQC_CASE_UPPER, buf, sizeof buf);
    if (n && (n != len || memcmp(buf, word, len) != 0) && lookup(dict, buf, n) && n < cap) {
        memcpy(fixed, buf, n + 1);
        return true;
    }
    return false;
}

/* Asks Hunspell for up to max suggestions, each copied into out (caller frees). */
static size_t hunspell_suggest(tqc_dict *dict, const char *word, size_t len, char **out, size_t max)
{
    char conv[DICT_MAX_WORD * 4 + 1];
    if (!convert(dict->to_dic, word, len, conv, sizeof conv))
        return 0;
    char **list = NULL;
    int n = Hunspell_suggest(dict->hun, &list, conv);
    size_t kept = 0;
    for (int i = 0; i < n && kept < max; i++) {
        char back[DICT_MAX_WORD * 4 + 1];
        if (!convert(dict->from_dic, list[i], strlen(list[i]), back, sizeof back))
            continue;
        size_t bl = strlen(back) + 1;
        if (!(out[kept] = malloc(bl)))
            break;
        memcpy(out[kept++], back, bl);
    }
    if (list)
        Hunspell_free_list(dict->hun, &list, n);
    return kept;
}

typedef struct candidate {
    char text[DICT_MAX_WORD + 8];
    uint64_t score;
} candidate;

static int cmp_candidates(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(a->text, b->text);
}

/* Tries one candidate: kept when the dictionary accepts it and it is new. */
static void try_candidate(tqc_dict *dict, const char *text, size_t len, uint64_t bonus,
                          candidate *c, size_t *count)
{
    if (len == 0 || len > DICT_MAX_WORD || *count == DICT_MAX_CANDIDATES)
        return;
    for (size_t i = 0; i < *count; i++)
        if (strlen(c[i].text) == len && memcmp(c[i].text, text, len) == 0)
            return;
    /* Only words the frequency list has seen are asked of Hunspell: its answer costs
     * tens of microseconds, and an unseen word is a poor correction anyway. */
    if (tqc_dict_freq(dict, text, len) == 0)
        return;
    if (!hunspell_accepts(dict, text, len))
        return;
    memcpy(c[*count].text, text, len);
    c[*count].text[len] = '\0';
    /* Frequent words are the likelier intended ones; +1 keeps unseen words rankable. */
    c[*count].score = (tqc_dict_freq(dict, text, len) + 1) * 4 + bonus;
    (*count)++;
}

/* Corrections one edit away (a letter deleted, inserted, replaced, or two swapped),
 * ranked by frequency: most typos are one edit, and this asks Hunspell only yes/no
 * questions about words the frequency list knows, a hundred times cheaper than
 * Hunspell_suggest. */
static size_t one_edit_suggest(tqc_dict *dict, const char *word, size_t len, char **out, size_t max)
{
    size_t at[DICT_MAX_WORD + 1], n = 0; /* byte offset of each code point */
    for (size_t i = 0; i < len && n < DICT_MAX_WORD;) {
        int32_t cp;
        at[n++] = i;
        i += tqc_text_decode(word + i, len - i, &cp);
        if (cp < 0)
            return 0;
    }
    at[n] = len;
    candidate cand[DICT_MAX_CANDIDATES];
    size_t count = 0;
    char buf[DICT_MAX_WORD + 8];
    for (size_t k = 0; k < n; k++) {
        size_t a = at[k], b = at[k + 1];
        /* deletion of code point k */
        memcpy(buf, word, a);
        memcpy(buf + a, word + b, len - b);
        try_candidate(dict, buf, len - (b - a), 0, cand, &count);
        /* swap of k and k+1: the commonest slip of all */
        if (k + 1 < n) {
            size_t c2 = at[k + 2];
            memcpy(buf, word, a);
            memcpy(buf + a, word + b, c2 - b);
            memcpy(buf + a + (c2 - b), word + a, b - a);
            memcpy(buf + c2, word + c2, len - c2);
            try_candidate(dict, buf, len, 1, cand, &count);
        }
    }
    for (size_t k = 0; k <= n; k++) {
        for (size_t t = 0; t < dict->try_count; t++) {
            const char *ch = dict->try_chars[t];
            size_t cl = strlen(ch);
            if (len + cl > DICT_MAX_WORD)
                continue;
            /* insertion before code point k */
            memcpy(buf, word, at[k]);
            memcpy(buf + at[k], ch, cl);
            memcpy(buf + at[k] + cl, word + at[k], len - at[k]);
            try_candidate(dict, buf, len + cl, 0, cand, &count);
            /* replacement of code point k */
            if (k < n) {
                size_t a = at[k], b = at[k + 1];
                if (b - a == cl && memcmp(word + a, ch, cl) == 0)
                    continue;
                memcpy(buf, word, a);
                memcpy(buf + a, ch, cl);
                memcpy(buf + a + cl, word + b, len - b);
                try_candidate(dict, buf, len - (b - a) + cl, 0, cand, &count);
            }
        }
    }
    qsort(cand, count, sizeof *cand, cmp_candidates);
    size_t kept = 0;
    for (size_t i = 0; i < count && kept < max; i++) {
        size_t l = strlen(cand[i].text) + 1;
        if (!(out[kept] = malloc(l)))
            break;
        memcpy(out[kept++], cand[i].text, l);
    }
    return kept;
}

/* Remembers the n suggestions for word as one block "a\0b\0\0". */
static void remember_suggestions(tqc_dict *dict, const char *word, size_t len,
                                 char *const *list, size_t n)
{
    if (dict->suggestion_count == DICT_MAX_CACHED_SUGGESTIONS)
        return;
    if (!dict->suggested && !(dict->suggested = tqc_strmap_new()))
        return;
    if (dict->suggestion_count == dict->suggestion_cap) {
        size_t cap = dict->suggestion_cap ? dict->suggestion_cap * 2 : 64;
        char **grown = realloc(dict->suggestions, cap * sizeof *grown);
        if (!grown)
            return;
        dict->suggestions = grown;
        dict->suggestion_cap = cap;
    }
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total += strlen(list[i]) + 1;
    char *block = malloc(total), *p = block;
    if (!block)
        return;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(list[i]) + 1;
        memcpy(p, list[i], l);
        p += l;
    }
    *p = '\0';
    if (!tqc_strmap_put(dict->suggested, word, len, dict->suggestion_count)) {
        free(block);
        return;
    }
    dict->suggestions[dict->suggestion_count++] = block;
}

size_t tqc_dict_suggest(tqc_dict *dict, const char *word, size_t len, char **out, size_t max)
{
    if (len == 0 || len > DICT_MAX_WORD || max == 0)
        return 0;
    uint64_t index;
    if (tqc_strmap_get(dict->suggested, word, len, &index)) {
        size_t kept = 0;
        for (const char *p = dict->suggestions[index]; *p && kept < max; p += strlen(p) + 1) {
            size_t l = strlen(p) + 1;
            if (!(out[kept] = malloc(l)))
                break;
            memcpy(out[kept++], p, l);
        }
        return kept;
    }
    /* Cache the longest list anyone asks for, so a later caller wanting more is served. */
    char *full[TQC_DICT_MAX_SUGGESTIONS];
    /* Without a frequency list, Hunspell's own search (tens of milliseconds a word). */
    size_t n = dict->freq ? one_edit_suggest(dict, word, len, full, TQC_DICT_MAX_SUGGESTIONS)
                          : hunspell_suggest(dict, word, len, full, TQC_DICT_MAX_SUGGESTIONS);
    remember_suggestions(dict, word, len, full, n);
    size_t kept = n < max ? n : max;
    for (size_t i = 0; i < n; i++) {
        if (i < kept)
            out[i] = full[i];
        else
            free(full[i]);
    }
    return kept;
}

size_t tqc_dict_hunspell_suggest(tqc_dict *dict, const char *word, size_t len, char **out,
                                 size_t max)
{
    if (len == 0 || len > DICT_MAX_WORD || max == 0)
        return 0;
    return hunspell_suggest(dict, word, len, out, max);
}

void tqc_dict_free_suggestions(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
}

uint64_t tqc_dict_freq(const tqc_dict *dict, const char *word, size_t len)
{
    char buf[DICT_MAX_WORD * 4 + 1];
    if (!dict->freq || len == 0 || len > DICT_MAX_WORD)
        return 0;
    size_t n = tqc_text_case(word, len, TQC_CASE_LOWER, buf, sizeof buf);
    char norm[DICT_MAX_WORD * 4 + 1];
    n = normalise_apostrophes(buf, n, norm);
    uint64_t count = 0;
    tqc_strmap_get(dict->freq, norm, n, &count);
    return count;
}

uint64_t tqc_dict_freq_total(const tqc_dict *dict) { return dict->freq_total; }

void tqc_dict_stats(const tqc_dict *dict, size_t *cached, size_t *lookups)
{
    *cached = tqc_strmap_count(dict->cache);
    *lookups = dict->lookups;
}
