/* eval_inject: defect injection into clean prose, in six languages (issue 11). A
 * measurement, and with --gate the recall gate of make check.
 *
 *   eval_inject [--tqc PATH] [--quick] [--seed N] [--per N] [--lang L,...] [--class C,...]
 *               [--json FILE] [--gate FLOORS] [--tqc-arg ARG]... [--no-gold] [--no-clean]
 *               [--samples N] [--keep DIR] [--lexicons DIR]
 *   eval_inject --self-test
 *
 * For each language and defect class it takes paragraphs of the language's clean corpus
 * (tests/data/clean/<lang>.txt; English: the Brown press section in ../shared/corpus),
 * makes one defect in each with a seeded injector, writes them as one document with an
 * answer key (byte span, and the right fix where the class has one), runs the tqc binary
 * on it (`check --lang L --format jsonl`) and scores:
 *   recall     an injected span overlapped by a finding of the class's rule at warning or
 *              error;
 *   first fix  of those caught, the share whose first fix (the safe fix, else the first
 *              suggestion) gives the right text;
 *   clean      findings at warning or error per 10,000 words of the untouched corpus, per rule.
 * The injectors never read rules/ (the passes' own lists). They use the language's Hunspell
 * dictionary, the lexicon (dictionaries/<lang>/lexicon.tsv, through lang/lex.h), word counts of
 * the corpus itself, and facts in tests/data/inject/<lang>.tsv (notations, quote pairs,
 * lower-case month and weekday names, a held-apart list of page chrome).
 *
 * --gate FLOORS: exits 1 when a class's recall in a language, or a language's recall on
 * the required rows of the gold lists in corpus/<lang>/, is below its floor in FLOORS.
 * Capitalization never injects a word again within 8 KB of its last injection: the pass
 * reads a word written so twice nearby as the author's usage (a name), not a slip.
 * --self-test: runs every injector on each corpus and checks what it made (exit 1 if not). */
#include <errno.h>
#include <hunspell/hunspell.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <dirent.h>

#include "lang/lex.h"
#include "core/strmap.h"
#include "core/text.h"

#ifndef TQC_SOURCE_DIR
#define TQC_SOURCE_DIR "."
#endif

#define NLANG 6
#define MAX_PARAS 40000
#define MAX_LIST 64
#define MAX_WORDS 2048
#define MAX_SUB 14     /* kinds of one class */

static const char *const LANGS[NLANG] = {"en", "pt", "es", "fr", "de", "it"};

enum { C_MISSING_SPACE, C_CAPITALIZATION, C_FRAGMENT, C_QUOTES, C_NUMBER, C_REPEATED,
       C_SPACING, C_BOILERPLATE, C_STRAY, C_UNTRANSLATED, C_ENCODING, C_SPELLING, NCLASS };

typedef struct class_info {
    const char *name;
    const char *rules;        /* the rules whose findings catch it, |-separated */
    bool one_fix;             /* the class has one right fix: first-fix accuracy is scored */
    int nsub;
    const char *sub[MAX_SUB];
    const char *sub_rules[MAX_SUB]; /* a kind caught by other rules as well, else NULL */
} class_info;

static const class_info CLASSES[NCLASS] = {
    {"missing-space", "missing-space", true, 4, {"two-words", "three-words", "lower-upper", "sentences"}, {NULL}},
    {"capitalization", "capitalization", true, 6,
     {"cap-mid-word", "lower-start", "lower-name", "cap-calendar", "lower-start-quote", "broken-sentence"},
     {NULL, NULL, NULL, NULL, NULL, "capitalization|fragment"}},
    {"fragment", "fragment", false, 6,
     {"trailing-phrase", "appositive", "relative", "name-head", "number-phrase", "name-split"},
     {NULL}},
    {"quotes", "quotes", true, 13,
     {"close-as-open", "close-dropped", "style-mixed", "open-as-close", "closed-twice",
      "glued-close", "glued-open", "nested-same", "straight-mixed", "foreign-pair",
      "guillemets-tight", "bracket-dropped", "pair-mixed"},
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "quotes|spacing"}},
    {"number", "number", true, 4, {"decimal", "grouping", "time", "percent"}, {NULL}},
    {"repeated-word", "repeated-word", true, 1, {"word"}, {NULL}},
    {"spacing", "spacing", true, 3, {"double-space", "space-before-comma", "no-space-after-comma"}, {NULL}},
    {"boilerplate", "boilerplate|stray-heading", false, 1, {"chrome-line"}, {NULL}},
    {"stray-heading", "stray-heading|boilerplate", false, 4,
     {"caption-or-headline", "caption-credit", "title-line", "headline-sentence"},
     {NULL}},
    {"untranslated", "untranslated", false, 1, {"foreign-sentence"}, {NULL}},
    {"encoding", "encoding", false, 2, {"mojibake", "zero-width-space"}, {NULL}},
    {"spelling", "spelling", true, 4, {"swap", "drop", "double", "accent"}, {NULL}},
};

/* ---- small helpers ---------------------------------------------------------------- */

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("eval_inject: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            die("out of memory");
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_str(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    fclose(f);
    if (!b.s)
        buf_add(&b, "", 0);
    *len = b.len;
    return b.s;
}

/* xorshift64*: the same sequence on every machine for a seed. */
static uint64_t rng_state = 1;
static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return n ? (uint32_t)((rng_state * 2685821657736338717ull) >> 33) % n : 0;
}

static int32_t cp_at(const char *s, size_t len, size_t i, size_t *n)
{
    int32_t cp;
    size_t k = tqc_text_decode(s + i, len - i, &cp);
    *n = k ? k : 1;
    return k ? cp : -1;
}

static bool is_letter_at(const char *s, size_t len, size_t i)
{
    size_t n;
    int32_t cp = cp_at(s, len, i, &n);
    return cp >= 0 && (tqc_text_is_letter(cp) || tqc_text_is_mark(cp));
}

static bool is_upper_at(const char *s, size_t len, size_t i)
{
    size_t n;
    int32_t cp = cp_at(s, len, i, &n);
    return cp >= 0 && tqc_text_is_upper(cp);
}

static bool is_lower_at(const char *s, size_t len, size_t i)
{
    size_t n;
    int32_t cp = cp_at(s, len, i, &n);
    return cp >= 0 && tqc_text_is_lower(cp);
}

/* A word: a run of letters (with marks), start and end byte offsets. */
typedef struct word {
    size_t s, e;
} word;

static size_t words_of(const char *p, size_t n, word *w, size_t max)
{
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        size_t cl;
        if (!is_letter_at(p, n, i)) {
            cp_at(p, n, i, &cl);
            i += cl;
            continue;
        }
        size_t s = i;
        while (i < n && is_letter_at(p, n, i)) {
            cp_at(p, n, i, &cl);
            i += cl;
        }
        w[k++] = (word){s, i};
    }
    return k;
}

static bool all_lower(const char *p, size_t s, size_t e)
{
    for (size_t i = s; i < e;) {
        size_t cl;
        int32_t cp = cp_at(p, e, i, &cl);
        if (cp < 0 || !(tqc_text_is_lower(cp) || tqc_text_is_mark(cp)))
            return false;
        i += cl;
    }
    return e > s;
}

/* Capitalised: an upper-case first letter, then lower case only. */
static bool capitalised(const char *p, size_t s, size_t e)
{
    size_t cl;
    return e > s && is_upper_at(p, e, s) && (cp_at(p, e, s, &cl), s + cl < e) &&
           all_lower(p, s + cl, e);
}

/* w in another case (tqc_text_case), NUL-terminated in out; 0 when it does not fit. */
static size_t recase(const char *w, size_t n, tqc_case mode, char *out, size_t cap)
{
    return tqc_text_case(w, n, mode, out, cap);
}

/* ---- per-language data ------------------------------------------------------------ */

typedef struct lang {
    const char *code;
    char hunspell[32];
    char corpus_rel[256];          /* as the data file names it */
    char corpus_path[2600];
    char *text;                    /* the corpus, paragraphs NUL-separated in place */
    size_t text_len;
    char *para[MAX_PARAS];
    size_t para_len[MAX_PARAS];
    size_t npara;
    size_t words;
    char *pairs[MAX_LIST];         /* quote and bracket pairs "OC" (UTF-8) */
    size_t npairs;
    char foreign_close[8];
    char foreign_pair[16];         /* another language's pair "OC", for foreign-pair */
    char spaced_pair[16];          /* a pair written with spaces inside (French « ») */
    char *credits[MAX_LIST];       /* caption credit formats, {} the agency */
    size_t ncredits;
    char *agencies[MAX_LIST];
    size_t nagencies;
    char decimal[8], group[8], fdecimal[8], fgroup[8], time_sep[8], ftime[4][8];
    size_t nftime;
    char *number_phrases[4][MAX_LIST]; /* per number kind, a clause with {} the number */
    size_t nnumber_phrases[4];
    char twelve_hour[MAX_LIST / 2][2][12]; /* another locale's 12-hour marks, am then pm */
    size_t ntwelve_hour;
    char *percent_words[MAX_LIST];
    size_t npercent_words;
    char *lower_words[MAX_LIST];
    size_t nlower;
    char *relative[MAX_LIST];      /* words that open a relative clause */
    size_t nrelative;
    bool verb_final;               /* a relative clause ends on its finite verb (German) */
    char *number_heads[MAX_LIST];  /* verbless quantities (`Almost half of them`) */
    size_t nnumber_heads;
    char *phrases[2][MAX_LIST];    /* boilerplate, stray-heading */
    size_t nphrases[2];
    Hunhandle *hun;
    tqc_lex *lex;
    tqc_strmap *lower_count;       /* word form (lower case) -> times written in lower case */
    tqc_strmap *cap_mid;           /* capitalised form -> times seen mid-sentence */
    tqc_strmap *doubles;           /* lower-case word -> 1 when "w w" occurs in the corpus */
    bool loaded;
} lang;

static lang langs[NLANG];
static const char *shared_dir;
/* where <lang>/lexicon.tsv is read: the repository's, or a frozen copy (--lexicons) so
 * that two runs compared inject the same defects while the lexicon is being worked on */
static const char *lexicon_dir = TQC_SOURCE_DIR "/dictionaries";

static char *xstrdup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        die("out of memory");
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void copy_field(char *dst, size_t cap, const char *s)
{
    snprintf(dst, cap, "%s", s);
}

static void load_data(lang *L)
{
    char path[600];
    snprintf(path, sizeof path, "%s/tests/data/inject/%s.tsv", TQC_SOURCE_DIR, L->code);
    size_t len;
    char *t = read_file(path, &len);
    if (!t)
        die("%s: %s", path, strerror(errno));
    for (char *line = t, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *f[MAX_LIST + 1];
        size_t nf = 0;
        for (char *c = line; nf <= MAX_LIST;) {
            f[nf++] = c;
            c = strchr(c, '\t');
            if (!c)
                break;
            *c++ = '\0';
        }
        if (nf < 2)
            die("%s: line without a value: %s", path, line);
        const char *k = f[0];
        if (!strcmp(k, "hunspell"))
            copy_field(L->hunspell, sizeof L->hunspell, f[1]);
        else if (!strcmp(k, "corpus"))
            snprintf(L->corpus_rel, sizeof L->corpus_rel, "%s", f[1]);
        else if (!strcmp(k, "pairs"))
            for (size_t i = 1; i < nf && L->npairs < MAX_LIST; i++)
                L->pairs[L->npairs++] = xstrdup(f[i], strlen(f[i]));
        else if (!strcmp(k, "foreign-close"))
            copy_field(L->foreign_close, sizeof L->foreign_close, f[1]);
        else if (!strcmp(k, "foreign-pair"))
            copy_field(L->foreign_pair, sizeof L->foreign_pair, f[1]);
        else if (!strcmp(k, "spaced-pair"))
            copy_field(L->spaced_pair, sizeof L->spaced_pair, f[1]);
        else if (!strcmp(k, "credit") && L->ncredits < MAX_LIST)
            L->credits[L->ncredits++] = xstrdup(f[1], strlen(f[1]));
        else if (!strcmp(k, "agency"))
            for (size_t i = 1; i < nf && L->nagencies < MAX_LIST; i++)
                L->agencies[L->nagencies++] = xstrdup(f[i], strlen(f[i]));
        else if (!strcmp(k, "decimal"))
            copy_field(L->decimal, sizeof L->decimal, f[1]);
        else if (!strcmp(k, "group"))
            copy_field(L->group, sizeof L->group, f[1]);
        else if (!strcmp(k, "foreign-decimal"))
            copy_field(L->fdecimal, sizeof L->fdecimal, f[1]);
        else if (!strcmp(k, "foreign-group"))
            copy_field(L->fgroup, sizeof L->fgroup, f[1]);
        else if (!strcmp(k, "time"))
            copy_field(L->time_sep, sizeof L->time_sep, f[1]);
        else if (!strcmp(k, "foreign-time"))
            for (size_t i = 1; i < nf && L->nftime < 4; i++)
                copy_field(L->ftime[L->nftime++], sizeof L->ftime[0], f[i]);
        else if (!strcmp(k, "number-phrase") && nf >= 3) {
            int kind = !strcmp(f[1], "measure") ? 0 : !strcmp(f[1], "count") ? 1 :
                       !strcmp(f[1], "time") ? 2 : !strcmp(f[1], "percent") ? 3 : -1;
            if (kind < 0 || !strstr(f[2], "{}"))
                die("%s: a number phrase needs a kind and {}: %s", path, f[2]);
            if (L->nnumber_phrases[kind] < MAX_LIST)
                L->number_phrases[kind][L->nnumber_phrases[kind]++] = xstrdup(f[2], strlen(f[2]));
        } else if (!strcmp(k, "twelve-hour") && nf >= 3) {
            if (L->ntwelve_hour < MAX_LIST / 2) {
                copy_field(L->twelve_hour[L->ntwelve_hour][0], 12, f[1]);
                copy_field(L->twelve_hour[L->ntwelve_hour++][1], 12, f[2]);
            }
        } else if (!strcmp(k, "percent-word"))
            for (size_t i = 1; i < nf && L->npercent_words < MAX_LIST; i++)
                L->percent_words[L->npercent_words++] = xstrdup(f[i], strlen(f[i]));
        else if (!strcmp(k, "lower-word"))
            for (size_t i = 1; i < nf && L->nlower < MAX_LIST; i++)
                L->lower_words[L->nlower++] = xstrdup(f[i], strlen(f[i]));
        else if (!strcmp(k, "relative"))
            for (size_t i = 1; i < nf && L->nrelative < MAX_LIST; i++)
                L->relative[L->nrelative++] = xstrdup(f[i], strlen(f[i]));
        else if (!strcmp(k, "verbless-quantity"))
            for (size_t i = 1; i < nf && L->nnumber_heads < MAX_LIST; i++)
                L->number_heads[L->nnumber_heads++] = xstrdup(f[i], strlen(f[i]));
        else if (!strcmp(k, "relative-verb-final"))
            L->verb_final = !strcmp(f[1], "yes");
        else if (!strcmp(k, "boilerplate") || !strcmp(k, "stray-heading")) {
            int c = k[0] == 's';
            if (L->nphrases[c] < MAX_LIST)
                L->phrases[c][L->nphrases[c]++] = xstrdup(f[1], strlen(f[1]));
        } else
            die("%s: unknown key %s", path, k);
    }
    free(t);
    if (!L->hunspell[0] || !L->corpus_rel[0])
        die("%s: needs hunspell and corpus", path);
}

static void count_put(tqc_strmap *m, const char *k, size_t n)
{
    uint64_t v = 0;
    tqc_strmap_get(m, k, n, &v);
    if (!tqc_strmap_put(m, k, n, v + 1))
        die("out of memory");
}

static uint64_t count_get(const tqc_strmap *m, const char *k, size_t n)
{
    uint64_t v = 0;
    tqc_strmap_get(m, k, n, &v);
    return v;
}

/* Applies tests/data/clean/corrections-<code>.tsv (lang<TAB>as published<TAB>corrected) to
 * a corpus read from ../shared, which is read-only: the errors of the published text that a
 * person confirmed (tests/data/clean/README.md). Each must occur exactly once in the text,
 * else the file no longer fits the corpus: a clear stop rather than a quietly dirtier
 * corpus. No file for the language: the text as it is. */
static char *apply_corrections(char *text, size_t *len, const char *code, const char *what)
{
    char path[600];
    snprintf(path, sizeof path, "%s/tests/data/clean/corrections-%s.tsv", TQC_SOURCE_DIR, code);
    size_t tl;
    char *tsv = read_file(path, &tl);
    if (!tsv)
        return text;
    for (char *line = tsv, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (*line == '#' || !*line)
            continue;
        char *wrong = strchr(line, '\t'), *right = wrong ? strchr(wrong + 1, '\t') : NULL;
        if (!right)
            die("%s: a line without two tabs: %s", path, line);
        *wrong++ = '\0';
        *right++ = '\0';
        if (strcmp(line, code) != 0)
            continue;
        size_t wn = strlen(wrong), rn = strlen(right);
        char *at = strstr(text, wrong);
        if (!at || strstr(at + 1, wrong))
            die("%s: '%s' is in %s %s, not once", path, wrong, what, at ? "more than once" : "nowhere");
        size_t off = (size_t)(at - text);
        char *t = malloc(*len - wn + rn + 1);
        if (!t)
            die("out of memory");
        memcpy(t, text, off);
        memcpy(t + off, right, rn);
        memcpy(t + off + rn, at + wn, *len - off - wn + 1);
        *len = *len - wn + rn;
        free(text);
        text = t;
    }
    free(tsv);
    return text;
}

/* Loads the corpus (one paragraph a line; blank lines skipped), the dictionary, the
 * lexicon and the corpus's word counts. false when the corpus is missing. */
static bool load_lang(lang *L)
{
    if (L->loaded)
        return true;
    load_data(L);
    char path[2000];
    if (!strncmp(L->corpus_rel, "external/", 9))
        snprintf(path, sizeof path, "%s/%s", shared_dir, L->corpus_rel);
    else
        snprintf(path, sizeof path, "%s/tests/data/%s", TQC_SOURCE_DIR, L->corpus_rel);
    L->text = read_file(path, &L->text_len);
    if (!L->text) {
        fprintf(stderr, "eval_inject: %s: %s (language %s skipped)\n", path, strerror(errno),
                L->code);
        return false;
    }
    if (!strncmp(L->corpus_rel, "external/", 9))
        L->text = apply_corrections(L->text, &L->text_len, L->code, path);
    snprintf(L->corpus_path, sizeof L->corpus_path, "%s", path);
    for (char *line = L->text, *next; line && *line && L->npara < MAX_PARAS; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        if (n < 20)
            continue;
        L->para[L->npara] = line;
        L->para_len[L->npara++] = n;
    }
    char aff[256], dic[256];
    snprintf(aff, sizeof aff, "/usr/share/hunspell/%s.aff", L->hunspell);
    snprintf(dic, sizeof dic, "/usr/share/hunspell/%s.dic", L->hunspell);
    if (access(aff, R_OK) != 0)
        die("%s: not found (make deps installs the dictionaries)", aff);
    L->hun = Hunspell_create(aff, dic);
    snprintf(path, sizeof path, "%s/%s/lexicon.tsv", lexicon_dir, L->code);
    char err[256];
    if (access(path, R_OK) == 0 && tqc_lex_open(path, &L->lex, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "eval_inject: %s\n", err);
        L->lex = NULL;
    }
    L->lower_count = tqc_strmap_new();
    L->cap_mid = tqc_strmap_new();
    L->doubles = tqc_strmap_new();
    if (!L->lower_count || !L->cap_mid || !L->doubles)
        die("out of memory");
    static word w[MAX_WORDS];
    for (size_t i = 0; i < L->npara; i++) {
        const char *p = L->para[i];
        size_t n = L->para_len[i], k = words_of(p, n, w, MAX_WORDS);
        L->words += k;
        for (size_t j = 0; j < k; j++) {
            if (all_lower(p, w[j].s, w[j].e))
                count_put(L->lower_count, p + w[j].s, w[j].e - w[j].s);
            /* mid-sentence: after a word and a single space, not after . ! ? : */
            else if (j > 0 && w[j].s == w[j - 1].e + 1 && p[w[j - 1].e] == ' ' &&
                     capitalised(p, w[j].s, w[j].e))
                count_put(L->cap_mid, p + w[j].s, w[j].e - w[j].s);
            if (j > 0 && w[j].s == w[j - 1].e + 1 && p[w[j - 1].e] == ' ' &&
                w[j].e - w[j].s == w[j - 1].e - w[j - 1].s &&
                tqc_text_equal_fold(p + w[j].s, w[j].e - w[j].s, p + w[j - 1].s,
                                    w[j - 1].e - w[j - 1].s)) {
                char low[128];
                size_t ln = recase(p + w[j].s, w[j].e - w[j].s, TQC_CASE_LOWER, low, sizeof low);
                if (ln)
                    tqc_strmap_put(L->doubles, low, ln, 1);
            }
        }
    }
    L->loaded = true;
    return true;
}

static bool spell_ok(lang *L, const char *w, size_t n)
{
    char tmp[256];
    if (n >= sizeof tmp)
        return false;
    memcpy(tmp, w, n);
    tmp[n] = '\0';
    return Hunspell_spell(L->hun, tmp) != 0;
}

/* Parts of speech of a word as written, else lower-cased; 0 when unknown. */
static uint32_t pos_of(lang *L, const char *w, size_t n)
{
    if (!L->lex)
        return 0;
    uint32_t pos = tqc_lex_pos(L->lex, w, n);
    char low[256];
    size_t ln = recase(w, n, TQC_CASE_LOWER, low, sizeof low);
    if (ln && (ln != n || memcmp(low, w, n)))
        pos |= tqc_lex_pos(L->lex, low, ln);
    return pos;
}

/* ---- sentences -------------------------------------------------------------------- */

static bool is_open_quote(const char *p, size_t n, size_t i, size_t *ql)
{
    static const char *const q[] = {"\"", "“", "«", "„", "‘", "»", "("};
    for (size_t k = 0; k < sizeof q / sizeof *q; k++) {
        size_t l = strlen(q[k]);
        if (i + l <= n && !memcmp(p + i, q[k], l)) {
            *ql = l;
            return true;
        }
    }
    return false;
}

/* Sentence ends in p: offsets just after a . ! or ? (and a closing quote) that is
 * followed by one space and a capital letter (after an optional opening quote), where
 * the word before the mark is lower case and at least 3 letters (not an abbreviation). */
static size_t sentence_ends(const char *p, size_t n, size_t *ends, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i + 2 < n && k < max; i++) {
        if (p[i] != '.' && p[i] != '!' && p[i] != '?')
            continue;
        size_t j = i + 1, ql;
        if (j < n && p[j] == '"')
            j++;
        else if (j + 3 <= n && (!memcmp(p + j, "”", 3) || !memcmp(p + j, "“", 3)))
            j += 3;
        else if (j + 2 <= n && !memcmp(p + j, "»", 2))
            j += 2;
        if (j >= n || p[j] != ' ')
            continue;
        size_t s = j + 1;
        if (is_open_quote(p, n, s, &ql))
            s += ql;
        if (s >= n || !is_upper_at(p, n, s))
            continue;
        size_t b = i, letters = 0;
        bool lower = true;
        while (b > 0) {
            size_t st;
            int32_t cp = tqc_text_prev(p, b, &st);
            if (!(tqc_text_is_letter(cp) || tqc_text_is_mark(cp)))
                break;
            lower = lower && !tqc_text_is_upper(cp);
            letters++;
            b = st;
        }
        if (letters >= 3 && lower)
            ends[k++] = i + 1;
    }
    return k;
}

/* ---- an injection ----------------------------------------------------------------- */

typedef struct inj {
    buf out;                /* the injected text (a paragraph, or paragraph + line) */
    size_t s, e;            /* the defect's span in out */
    bool has_fix;           /* the right fix: replace [fs, fe) of out by fix */
    size_t fs, fe;
    char fix[256];
    bool restores;          /* applying the fix gives the original paragraph back */
} inj;

static void inj_reset(inj *r)
{
    r->out.len = 0;
    if (r->out.s)
        r->out.s[0] = '\0';
    r->s = r->e = r->fs = r->fe = 0;
    r->has_fix = r->restores = false;
    r->fix[0] = '\0';
}

/* out = p with [s, e) replaced by rep; the new piece is at [s, s + rlen). */
static void splice(inj *r, const char *p, size_t n, size_t s, size_t e, const char *rep,
                   size_t rlen)
{
    buf_add(&r->out, p, s);
    buf_add(&r->out, rep, rlen);
    buf_add(&r->out, p + e, n - e);
}

/* The fix that undoes splice: the new piece back to p[s, e). */
static void fix_back(inj *r, const char *p, size_t s, size_t e, size_t rlen)
{
    if (e - s >= sizeof r->fix)
        return;
    r->has_fix = r->restores = true;
    r->fs = s;
    r->fe = s + rlen;
    memcpy(r->fix, p + s, e - s);
    r->fix[e - s] = '\0';
}

/* out = p with [s, e) replaced by rep (rlen bytes), the defect that span, and its right
 * fix p[s, e) back. */
static void replace_span(inj *r, const char *p, size_t n, size_t s, size_t e, const char *rep,
                         size_t rlen)
{
    splice(r, p, n, s, e, rep, rlen);
    r->s = s;
    r->e = s + rlen;
    fix_back(r, p, s, e, rlen);
}

static bool single_space_between(const char *p, const word *a, const word *b)
{
    return b->s == a->e + 1 && p[a->e] == ' ';
}

/* missing-space */
static bool inj_missing_space(lang *L, const char *p, size_t n, int sub, inj *r)
{
    static word w[MAX_WORDS];
    size_t k = words_of(p, n, w, MAX_WORDS);
    if (sub == 3) {
        size_t ends[256], ne = sentence_ends(p, n, ends, 256);
        if (!ne)
            return false;
        size_t at = ends[rnd((uint32_t)ne)];
        size_t sp = at;
        while (sp < n && p[sp] != ' ')
            sp++;
        splice(r, p, n, sp, sp + 1, "", 0);
        size_t ws = sp;
        while (ws > 0 && p[ws - 1] != ' ')
            ws--;
        size_t we = sp + 1;
        while (we < n && p[we] != ' ')
            we++;
        r->s = ws;
        r->e = we - 1;
        fix_back(r, p, sp, sp + 1, 0);
        return true;
    }
    size_t want = sub == 1 ? 3 : 2;
    if (k < want + 1)
        return false;
    for (int tries = 0; tries < 20; tries++) {
        size_t i = 1 + rnd((uint32_t)(k - want));
        bool ok = true;
        for (size_t j = i; j < i + want && ok; j++) {
            if (j > i && !single_space_between(p, &w[j - 1], &w[j]))
                ok = false;
            bool upper_ok = sub == 2 && j == i + 1;
            if (ok && !(upper_ok ? capitalised(p, w[j].s, w[j].e) : all_lower(p, w[j].s, w[j].e)))
                ok = false;
        }
        if (!ok || w[i].e - w[i].s < 2)
            continue;
        /* the words must be whole: no hyphen, apostrophe or digit glued on */
        size_t s = w[i].s, e = w[i + want - 1].e;
        if ((s > 0 && p[s - 1] != ' ' && p[s - 1] != '(') ||
            (e < n && strchr(" ,.;:!?)", p[e]) == NULL))
            continue;
        char joined[256];
        size_t jl = 0;
        for (size_t j = i; j < i + want; j++) {
            size_t l = w[j].e - w[j].s;
            if (jl + l >= sizeof joined)
                return false;
            memcpy(joined + jl, p + w[j].s, l);
            jl += l;
        }
        if (spell_ok(L, joined, jl))
            continue;
        replace_span(r, p, n, s, e, joined, jl);
        return true;
    }
    return false;
}

static bool in_list(char *const *list, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && !memcmp(list[i], w, len))
            return true;
    return false;
}

/* capitalization */
static bool inj_capitalization(lang *L, const char *p, size_t n, int sub, inj *r)
{
    static word w[MAX_WORDS];
    size_t k = words_of(p, n, w, MAX_WORDS);
    char tmp[256];
    if (k < 4)
        return false;
    if (sub == 5) {
        /* a sentence wrongly broken: a full stop before a lower-case word mid-sentence
         * (`permits. and`); the right fix takes it away */
        for (int tries = 0; tries < 20 && k >= 5; tries++) {
            size_t i = 3 + rnd((uint32_t)(k - 4));   /* 3 <= i <= k - 2 */
            if (!single_space_between(p, &w[i - 1], &w[i]) || !all_lower(p, w[i - 1].s, w[i - 1].e) ||
                !all_lower(p, w[i].s, w[i].e) || w[i - 1].e - w[i - 1].s < 3)
                continue;
            splice(r, p, n, w[i - 1].e, w[i - 1].e, ".", 1);
            r->s = w[i - 1].s;
            r->e = w[i].e + 1;
            fix_back(r, p, w[i - 1].e, w[i - 1].e, 1);
            return true;
        }
        return false;
    }
    if (sub == 1 || sub == 4) {
        size_t ends[256], ne = sentence_ends(p, n, ends, 256);
        for (int tries = 0; tries < 8 && ne; tries++) {
            size_t at = ends[rnd((uint32_t)ne)] + 1, ql = 0;
            bool quoted = is_open_quote(p, n, at, &ql) && p[at] != '(';
            if (quoted != (sub == 4))
                continue;
            size_t s = at + ql, e = s;
            while (e < n && is_letter_at(p, n, e)) {
                size_t cl;
                cp_at(p, n, e, &cl);
                e += cl;
            }
            if (!capitalised(p, s, e))
                continue;
            size_t ln = recase(p + s, e - s, TQC_CASE_LOWER, tmp, sizeof tmp);
            /* a common word: the corpus writes it in lower case too */
            if (!ln || count_get(L->lower_count, tmp, ln) < 2)
                continue;
            splice(r, p, n, s, e, tmp, ln);
            r->s = s;
            r->e = s + ln;
            fix_back(r, p, s, e, ln);
            return true;
        }
        return false;
    }
    for (int tries = 0; tries < 30; tries++) {
        size_t i = 1 + rnd((uint32_t)(k - 2));
        if (!single_space_between(p, &w[i - 1], &w[i]) || !all_lower(p, w[i - 1].s, w[i - 1].e))
            continue;
        const char *ws = p + w[i].s;
        size_t wl = w[i].e - w[i].s, ln;
        if (w[i].e < n && (p[w[i].e] == '-' || p[w[i].e] == '\'' || is_letter_at(p, n, w[i].e)))
            continue;
        if (sub == 0) {
            if (wl < 4 || !all_lower(p, w[i].s, w[i].e))
                continue;
            uint32_t pos = pos_of(L, ws, wl);
            if (L->lex) {
                uint32_t want = TQC_POS_VERB | TQC_POS_ADJ | TQC_POS_ADV;
                if (strcmp(L->code, "de"))
                    want |= TQC_POS_NOUN;
                if (!(pos & want) || (pos & TQC_POS_PROPN) ||
                    (!strcmp(L->code, "de") && (pos & TQC_POS_NOUN)))
                    continue;
            } else if (count_get(L->lower_count, ws, wl) < 3)
                continue;
            ln = recase(ws, wl, TQC_CASE_TITLE, tmp, sizeof tmp);
            /* never seen capitalised mid-sentence: not a name that happens to be a word */
            if (!ln || count_get(L->cap_mid, tmp, ln))
                continue;
        } else if (sub == 2) {
            if (wl < 3 || !capitalised(p, w[i].s, w[i].e) || count_get(L->cap_mid, ws, wl) < 2)
                continue;
            ln = recase(ws, wl, TQC_CASE_LOWER, tmp, sizeof tmp);
            /* the corpus never writes it in lower case, nor does the dictionary allow it */
            if (!ln || count_get(L->lower_count, tmp, ln) || spell_ok(L, tmp, ln))
                continue;
            if (L->lex && strcmp(L->code, "de") &&
                !(tqc_lex_pos(L->lex, ws, wl) & (TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_NOUN)))
                continue;
        } else {
            if (!L->nlower || !in_list(L->lower_words, L->nlower, ws, wl))
                continue;
            ln = recase(ws, wl, TQC_CASE_TITLE, tmp, sizeof tmp);
            if (!ln)
                continue;
        }
        splice(r, p, n, w[i].s, w[i].e, tmp, ln);
        r->s = w[i].s;
        r->e = w[i].s + ln;
        fix_back(r, p, w[i].s, w[i].e, ln);
        return true;
    }
    return false;
}

/* fragment: a piece with no finite verb (participles and infinitives make no clause)
 * becomes a sentence of its own. By the lexicon, a word is a finite verb when it has an
 * auxiliary reading (`est`, `são`, `will`), or a finite reading and nothing before it
 * rules that out: only a determiner, preposition, adjective or number with no reading
 * that could be a subject or a verb (`of historic weight`) makes a noun of it. A
 * lower-case word the lexicon lacks is unknown, so it may be one. A piece of adverbs
 * and pronouns alone (`Not yet.`) reads as a reply: a fragment carries a noun, a name,
 * an adjective or a number. */
static bool verbless(lang *L, const char *p, const word *w, size_t from, size_t to)
{
    const uint32_t other = TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_ADV | TQC_POS_DET |
                           TQC_POS_PRON | TQC_POS_PREP | TQC_POS_CONJ | TQC_POS_NUM;
    const uint32_t rules_out = TQC_POS_DET | TQC_POS_PREP | TQC_POS_ADJ | TQC_POS_NUM;
    const uint32_t subject_or_verb = TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_PRON | TQC_POS_VFIN |
                                     TQC_POS_AUX;
    const uint32_t content = TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_NUM;
    const uint32_t reply = TQC_POS_ADV | TQC_POS_PRON | TQC_POS_INTJ;
    bool has_content = false;
    for (size_t j = from; j < to; j++) {
        uint32_t pos = pos_of(L, p + w[j].s, w[j].e - w[j].s);
        if (!pos && all_lower(p, w[j].s, w[j].e))
            return false;
        has_content = has_content || !pos || ((pos & content) && !(pos & reply));
        if (pos & TQC_POS_AUX)
            return false;
        if (!(pos & TQC_POS_VFIN))
            continue;
        if (!(pos & other) || j == from)
            return false;
        uint32_t before = pos_of(L, p + w[j - 1].s, w[j - 1].e - w[j - 1].s);
        if (!(before & rules_out) || (before & subject_or_verb))
            return false;
    }
    return has_content;
}

/* Whether offset at of p lies inside a quotation, by the language's pairs: speech may be
 * verbless (`"Not in my town."`), so no fragment is made there. */
static bool in_quotation(const lang *L, const char *p, size_t at)
{
    for (size_t i = 0; i < L->npairs; i++) {
        const char *pair = L->pairs[i];
        int32_t cp;
        size_t l1 = tqc_text_decode(pair, strlen(pair), &cp);
        if (!l1 || pair[0] == '(')
            continue;
        const char *close = pair + l1;
        size_t l2 = strlen(close), opens = 0, closes = 0;
        for (size_t j = 0; j < at; j++) {
            if (!memcmp(p + j, pair, l1))
                opens++;
            else if (l2 && !memcmp(p + j, close, l2))
                closes++;
        }
        bool same = l1 == l2 && !memcmp(pair, close, l1);
        if (same ? opens % 2 == 1 : opens > closes)
            return true;
    }
    return false;
}

static bool inj_fragment(lang *L, const char *p, size_t n, int sub, inj *r)
{
    static word w[MAX_WORDS];
    size_t k = words_of(p, n, w, MAX_WORDS);
    size_t ends[256], ne = sentence_ends(p, n, ends, 255);
    ends[ne++] = n;     /* the paragraph's last sentence too, when it ends in a full stop */
    char tmp[256];
    for (int tries = 0; tries < 12; tries++) {
        size_t end = ends[rnd((uint32_t)ne)];
        if (end == 0 || p[end - 1] != '.')
            continue;
        size_t start = 0;
        for (size_t j = 0; j < ne; j++)
            if (ends[j] < end && ends[j] > start)
                start = ends[j];
        if (in_quotation(L, p, end - 1))
            continue;
        if (sub == 3) {
            /* a name of two or more capitalised words ends the sentence: its last word
             * is split off (`... at Faleolo International. Airport.`) */
            size_t j = 0;
            while (j < k && w[j].e < end - 1)
                j++;
            /* words of three letters or fewer before a full stop may be abbreviations
             * (`Gen.`, `Ave.`): the split would be no clear sentence end */
            if (j >= k || w[j].e != end - 1 || j < 3 || w[j].e - w[j].s < 4 ||
                w[j - 1].e - w[j - 1].s < 4)
                continue;
            if (!capitalised(p, w[j].s, w[j].e) || !capitalised(p, w[j - 1].s, w[j - 1].e) ||
                !single_space_between(p, &w[j - 1], &w[j]) || w[j - 1].s <= start + 1 ||
                !all_lower(p, w[j - 2].s, w[j - 2].e) ||
                (pos_of(L, p + w[j].s, w[j].e - w[j].s) & TQC_POS_VERB))
                continue;
            splice(r, p, n, w[j - 1].e, w[j - 1].e, ".", 1);
            r->s = w[j - 1].e;
            r->e = w[j].e + 2;
            return true;
        }
        if (sub == 2 ? !L->nrelative : !L->lex)
            return false;
        if (sub == 5) {
            /* a name cut after its first word, the rest of the sentence standing as one:
             * `... said coach Ana. Lima, after the match.` */
            for (size_t j = 3; j + 2 < k && w[j + 1].e < end - 1; j++) {
                if (w[j - 3].s < start || !capitalised(p, w[j].s, w[j].e) ||
                    !capitalised(p, w[j + 1].s, w[j + 1].e) ||
                    !single_space_between(p, &w[j], &w[j + 1]) || !all_lower(p, w[j - 1].s, w[j - 1].e) ||
                    w[j].e - w[j].s < 4 || w[j + 1].e - w[j + 1].s < 3)
                    continue;
                /* names, not a capitalised word of another class */
                const uint32_t not_name = TQC_POS_VERB | TQC_POS_DET | TQC_POS_PREP |
                                          TQC_POS_CONJ | TQC_POS_PRON | TQC_POS_ADV;
                if ((pos_of(L, p + w[j].s, w[j].e - w[j].s) & not_name) ||
                    (pos_of(L, p + w[j + 1].s, w[j + 1].e - w[j + 1].s) & not_name))
                    continue;
                size_t c = w[j + 1].e, last = j + 2;
                if (p[c] != ',' || p[c + 1] != ' ' || w[j + 2].s != c + 2 ||
                    !all_lower(p, w[j + 2].s, w[j + 2].e))
                    continue;
                while (last < k && w[last].e <= end - 1)
                    last++;
                bool plain = true;
                for (size_t i = c + 2; i < end - 1 && plain; i++)
                    plain = (unsigned char)p[i] >= 0x80 || strchr(" -',", p[i]) ||
                            (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z');
                if (!plain || last - (j + 2) < 2 || last - (j + 2) > 8 ||
                    !verbless(L, p, w, j + 1, last))
                    continue;
                splice(r, p, n, w[j].e, w[j].e, ".", 1);
                r->s = w[j].e;
                r->e = end + 1;
                return true;
            }
            continue;
        }
        for (size_t c = start + 1; c + 2 < end; c++) {
            /* not after an abbreviation's period (`Fla., for` would become `Fla.. For`) */
            if (p[c] != ',' || p[c + 1] != ' ' || p[c - 1] == '.')
                continue;
            size_t first = 0;
            while (first < k && w[first].s < c)
                first++;
            size_t last = first;
            while (last < k && w[last].e <= end - 1)
                last++;
            size_t nw = last - first;
            /* a number phrase may open with digits (`, 12 of them in ...`) */
            bool digits = sub == 4 && p[c + 2] >= '0' && p[c + 2] <= '9';
            if (digits) {
                /* digits, then a lower-case word: not an age (`, 30, a farmer`), a score
                 * or an address */
                size_t d = c + 2;
                while (d < end && ((p[d] >= '0' && p[d] <= '9') || p[d] == '%'))
                    d++;
                if (first >= k || p[d] != ' ' || w[first].s != d + 1)
                    continue;
            }
            if (first >= k || !all_lower(p, w[first].s, w[first].e) || (!digits && w[first].s != c + 2))
                continue;
            /* nothing but words, spaces, hyphens, apostrophes and commas in the tail (and
             * the number of a number phrase) */
            bool plain = true;
            for (size_t i = c + 2; i < end - 1 && plain; i++)
                plain = (unsigned char)p[i] >= 0x80 || strchr(" -',", p[i]) ||
                        (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
                        (sub == 4 && ((p[i] >= '0' && p[i] <= '9') || p[i] == '%'));
            if (!plain)
                continue;
            if (sub == 2) {
                /* a relative clause standing alone is a fragment, verb or not */
                /* the clause must run to the sentence's end: after a comma the piece
                 * may hold the main clause's predicate (`, who attended, said that`) */
                if (nw < 3 || nw > 15 || memchr(p + c + 2, ',', end - c - 2) ||
                    !in_list(L->relative, L->nrelative, p + w[first].s, w[first].e - w[first].s))
                    continue;
                /* where relative pronouns are also articles (German `die`), the clause
                 * must end on a finite verb, before its first comma: `, die Konflikte
                 * verursachen` is one, `, den Rechner zu reinigen` is not */
                if (L->verb_final) {
                    size_t v = first + 1;
                    while (v + 1 < last && p[w[v].e] != ',')
                        v++;
                    uint32_t vp = pos_of(L, p + w[v].s, w[v].e - w[v].s);
                    if (!(vp & (TQC_POS_VFIN | TQC_POS_AUX)))
                        continue;
                    /* an infinitive after its particle is none (`, den Rechner zu
                     * reinigen`), and an auxiliary inside puts the verb second: a main
                     * clause after the comma (`, die Natur würde uns ... schützen`) */
                    if ((vp & TQC_POS_VINF) &&
                        (pos_of(L, p + w[v - 1].s, w[v - 1].e - w[v - 1].s) & TQC_POS_PREP))
                        continue;
                    bool second = false;
                    for (size_t j = first + 1; j < v && !second; j++)
                        second = all_lower(p, w[j].s, w[j].e) &&
                                 (pos_of(L, p + w[j].s, w[j].e - w[j].s) & TQC_POS_AUX);
                    if (second)
                        continue;
                }
            } else {
                if (nw < 2 || nw > 8 || !verbless(L, p, w, first, last))
                    continue;
                uint32_t head = pos_of(L, p + w[first].s, w[first].e - w[first].s);
                if (sub == 4) {
                    /* a number opens it: digits, a numeral, or an adverb before one
                     * (`almost two thirds of ...`) */
                    uint32_t next = first + 1 < last
                                        ? pos_of(L, p + w[first + 1].s, w[first + 1].e - w[first + 1].s)
                                        : 0;
                    if (!digits && !(head & TQC_POS_NUM) &&
                        !((head & TQC_POS_ADV) && (next & TQC_POS_NUM))) {
                        /* or the language's own quantity heads a trailing phrase (`, in
                         * the north.` -> `. Almost half of them in the north.`): few
                         * prose tails open with a number outside English news */
                        if (!L->nnumber_heads || !(head & TQC_POS_PREP) || (head & TQC_POS_DET))
                            continue;
                        const char *q = L->number_heads[rnd((uint32_t)L->nnumber_heads)];
                        size_t ql = strlen(q);
                        buf_add(&r->out, p, c);
                        buf_add(&r->out, ". ", 2);
                        buf_add(&r->out, q, ql);
                        buf_add(&r->out, " ", 1);
                        buf_add(&r->out, p + c + 2, n - c - 2);
                        r->s = c + 2;
                        r->e = c + 3 + ql + (end - c - 2);
                        /* the quantity and the phrase, read together, must have no verb
                         * reading (`di`, `entre` after a pronoun may be one) */
                        static word fw[MAX_WORDS];
                        size_t fk = words_of(r->out.s + r->s, r->e - r->s, fw, MAX_WORDS);
                        if (verbless(L, r->out.s + r->s, fw, 0, fk))
                            return true;
                        r->out.len = 0;
                        continue;
                    }
                } else {
                    uint32_t want = sub == 0 ? (TQC_POS_PREP | TQC_POS_ADV) : TQC_POS_DET;
                    if (!(head & want) || (sub == 0 && (head & TQC_POS_DET)))
                        continue;
                }
            }
            if (digits) {
                buf_add(&r->out, p, c);
                buf_add(&r->out, ". ", 2);
                buf_add(&r->out, p + c + 2, n - c - 2);
                r->s = c + 2;
                r->e = end;
                return true;
            }
            size_t ln = recase(p + w[first].s, w[first].e - w[first].s, TQC_CASE_TITLE, tmp, sizeof tmp);
            if (!ln)
                continue;
            buf_add(&r->out, p, c);
            buf_add(&r->out, ". ", 2);
            buf_add(&r->out, tmp, ln);
            buf_add(&r->out, p + w[first].e, n - w[first].e);
            r->s = c + 2;
            r->e = c + 2 + ln + (end - w[first].e);
            return true;
        }
    }
    return false;
}

/* Finds a pair "OC" (two code points) in p with no other opening mark between: *o and
 * *c the offsets of the marks; a random one of the paragraph's pairs. */
static bool find_pair(const char *pair, const char *p, size_t n, size_t *o, size_t *c,
                      size_t *ol, size_t *cl)
{
    int32_t cp;
    size_t l1 = tqc_text_decode(pair, strlen(pair), &cp);
    if (!l1 || l1 >= strlen(pair))
        return false;
    const char *open = pair, *close = pair + l1;
    size_t l2 = strlen(close);
    bool same = l1 == l2 && !memcmp(open, close, l1), found = false;
    for (size_t i = 0; i + l1 <= n; i++) {
        if (memcmp(p + i, open, l1))
            continue;
        /* a straight quote opens only after a space or at the start */
        if (same && i > 0 && p[i - 1] != ' ' && p[i - 1] != '(')
            continue;
        size_t j = i + l1;
        while (j + l2 <= n && memcmp(p + j, close, l2) && (same || memcmp(p + j, open, l1)))
            j++;
        if (j + l2 > n || (!same && !memcmp(p + j, open, l1)))
            continue;
        if (j > i + l1 && j - i <= 400) {
            *o = i;
            *c = j;
            *ol = l1;
            *cl = l2;
            found = true;
            if (rnd(2) == 0)
                return true;
        }
        i = j + l2 - 1;
    }
    return found;
}

/* The first pair of the data's `pairs` written with two different marks, not brackets:
 * the marks a straight pair is typeset in before a defect of typeset copy is made. */
static const char *typographic_pair(const lang *L)
{
    for (size_t i = 0; i < L->npairs; i++) {
        const char *pr = L->pairs[i];
        size_t len = strlen(pr);
        int32_t cp;
        size_t l1 = tqc_text_decode(pr, len, &cp);
        if (pr[0] == '(' || !l1 || l1 >= len || (len - l1 == l1 && !memcmp(pr, pr + l1, l1)))
            continue;
        return pr;
    }
    return NULL;
}

/* The length of the space (plain, no-break or narrow no-break) at p[i], or 0. */
static size_t space_at(const char *p, size_t n, size_t i)
{
    if (i < n && p[i] == ' ')
        return 1;
    if (i + 2 <= n && !memcmp(p + i, "\xc2\xa0", 2))
        return 2;
    if (i + 3 <= n && !memcmp(p + i, "\xe2\x80\xaf", 3))
        return 3;
    return 0;
}

/* The quote defects of typeset copy (kinds 3 to 10): a pair of the paragraph, typeset
 * first when it is straight (machine-translated copy is), then one mark turned, doubled,
 * glued to a word, nested, made straight, replaced by another language's, or French
 * guillemets left without their inner spaces. */
static bool inj_quote_shape(lang *L, const char *p, size_t n, int sub, inj *r)
{
    static buf q;
    static word w[MAX_WORDS];
    size_t o = 0, c = 0, ol = 0, cl = 0;
    const char *pair = NULL;
    size_t start = rnd((uint32_t)L->npairs);
    for (size_t t = 0; t < L->npairs && !pair; t++) {
        const char *cand = L->pairs[(start + t) % L->npairs];
        if (cand[0] != '(' && find_pair(cand, p, n, &o, &c, &ol, &cl))
            pair = cand;
    }
    if (!pair)
        return false;
    bool typeset = false;
    if (ol == cl && !memcmp(pair, pair + ol, ol)) {
        const char *tp = typographic_pair(L);
        int32_t cp;
        if (!tp)
            return false;
        size_t tl1 = tqc_text_decode(tp, strlen(tp), &cp), tl2 = strlen(tp) - tl1;
        q.len = 0;
        buf_add(&q, p, o);
        buf_add(&q, tp, tl1);
        buf_add(&q, p + o + ol, c - o - ol);
        size_t nc = q.len;
        buf_add(&q, tp + tl1, tl2);
        buf_add(&q, p + c + cl, n - c - cl);
        c = nc;
        ol = tl1;
        cl = tl2;
        pair = tp;
        p = q.s;
        n = q.len;
        typeset = true;
    }
    const char *cm = pair + ol;
    switch (sub) {
    case 3: /* open-as-close: ”We will appeal,” */
        splice(r, p, n, o, o + ol, cm, cl);
        r->s = o;
        r->e = o + cl;
        fix_back(r, p, o, o + ol, cl);
        break;
    case 4: { /* closed-twice: the closing mark again after the next sentence's stop */
        size_t at = c + cl;
        while (at < n && !((p[at] == '.' || p[at] == '!' || p[at] == '?') &&
                           (at + 1 == n || p[at + 1] == ' ')))
            at++;
        if (at >= n || at < c + cl + 4 || !memcmp(p + c + cl, pair, ol))
            return false;
        for (size_t i = c + cl; i < at; i++)
            if (!memcmp(p + i, pair, ol) || !memcmp(p + i, cm, cl))
                return false;
        at++;
        splice(r, p, n, at, at, cm, cl);
        r->s = at;
        r->e = at + cl;
        fix_back(r, p, at, at, cl);
        break;
    }
    case 5: /* glued-close: `appeal,”said` */
        if (c + cl + 1 >= n || p[c + cl] != ' ' || !is_letter_at(p, n, c + cl + 1))
            return false;
        splice(r, p, n, c + cl, c + cl + 1, "", 0);
        r->s = c;
        r->e = c + cl;
        fix_back(r, p, c + cl, c + cl + 1, 0);
        break;
    case 6: { /* glued-open: `said“We` */
        size_t st;
        if (o < 2 || p[o - 1] != ' ' || !tqc_text_is_letter(tqc_text_prev(p, o - 1, &st)))
            return false;
        splice(r, p, n, o - 1, o, "", 0);
        r->s = o - 1;
        r->e = o - 1 + ol;
        fix_back(r, p, o - 1, o, 0);
        break;
    }
    case 7: { /* nested-same: two words inside the quotation quoted with its own marks */
        size_t in = o + ol, k = words_of(p + in, c - in, w, MAX_WORDS);
        if (k < 3)
            return false;
        /* one word, or two where the quotation has room */
        size_t i = 1 + rnd((uint32_t)(k - 2)), j = i + 1 < k - 1 && rnd(2) ? i + 1 : i;
        if ((j > i && !single_space_between(p + in, &w[i], &w[j])) || p[in + w[i].s - 1] != ' ' ||
            (in + w[j].e < c && p[in + w[j].e] != ' '))
            return false;
        size_t s = in + w[i].s, e = in + w[j].e;
        size_t sp = space_at(p, n, o + ol); /* spaced guillemets keep their spaces */
        buf_add(&r->out, p, s);
        r->s = r->out.len;
        buf_add(&r->out, pair, ol);
        buf_add(&r->out, p + o + ol, sp);
        r->e = r->out.len;
        buf_add(&r->out, p + s, e - s);
        buf_add(&r->out, p + o + ol, sp);
        buf_add(&r->out, cm, cl);
        buf_add(&r->out, p + e, n - e);
        break;
    }
    case 8: /* straight-mixed: one mark of a typeset pair straight */
        if (rnd(2)) {
            splice(r, p, n, c, c + cl, "\"", 1);
            r->s = c;
            r->e = c + 1;
            fix_back(r, p, c, c + cl, 1);
        } else {
            splice(r, p, n, o, o + ol, "\"", 1);
            r->s = o;
            r->e = o + 1;
            fix_back(r, p, o, o + ol, 1);
        }
        break;
    case 9: { /* foreign-pair: the quotation in another language's marks */
        int32_t cp;
        size_t fl = L->foreign_pair[0] ? tqc_text_decode(L->foreign_pair, strlen(L->foreign_pair), &cp) : 0;
        if (!fl)
            return false;
        buf_add(&r->out, p, o);
        buf_add(&r->out, L->foreign_pair, fl);
        buf_add(&r->out, p + o + ol, c - o - ol);
        buf_str(&r->out, L->foreign_pair + fl);
        buf_add(&r->out, p + c + cl, n - c - cl);
        r->s = o;
        r->e = o + fl;
        break;
    }
    case 10: { /* guillemets-tight: « mot » written «mot» */
        size_t s1 = space_at(p, n, o + ol), e1 = 0;
        if (!L->spaced_pair[0] || strcmp(pair, L->spaced_pair) || !s1)
            return false;
        for (size_t l = 1; l <= 3 && !e1; l++)
            if (c >= l && space_at(p, n, c - l) == l)
                e1 = l;
        if (!e1 || c - e1 <= o + ol + s1)
            return false;
        buf_add(&r->out, p, o + ol);
        buf_add(&r->out, p + o + ol + s1, c - e1 - (o + ol + s1));
        buf_add(&r->out, p + c, n - c);
        r->s = o;
        r->e = o + ol;
        break;
    }
    default:
        return false;
    }
    if (typeset)
        r->restores = false;
    return true;
}

/* How often the corpus opens a quotation with pair's first mark (a straight pair: half
 * its marks), counted once a language. */
static size_t pair_uses(lang *L, const char *pair)
{
    int32_t cp;
    size_t l1 = tqc_text_decode(pair, strlen(pair), &cp), uses = 0;
    if (!l1)
        return 0;
    for (size_t i = 0; i + l1 <= L->text_len; i++)
        if (!memcmp(L->text + i, pair, l1))
            uses++;
    bool same = strlen(pair) == 2 * l1 && !memcmp(pair, pair + l1, l1);
    return same ? uses / 2 : uses;
}

/* The kind of quotes that writes one quotation in a style of its own (pair-mixed). */
#define QUOTES_PAIR_MIXED 12

/* pair-mixed: one quotation, not inside another, of a paragraph with two more in the
 * same marks, rewritten in a style the language's data lists (or straight "...") that its
 * corpus writes rarely next to the quotation's own (an eighth as often or less): an
 * article's one quotation in a style of its own. */
static bool inj_pair_mixed(lang *L, const char *p, size_t n, inj *r)
{
    static size_t uses[MAX_LIST + 1];
    static const lang *counted;
    const char *straight = "\"\"";
    if (counted != L) {
        for (size_t i = 0; i < L->npairs; i++)
            uses[i] = pair_uses(L, L->pairs[i]);
        uses[L->npairs] = pair_uses(L, straight);
        counted = L;
    }
    size_t o = 0, c = 0, ol = 0, cl = 0, own = SIZE_MAX;
    size_t start = rnd((uint32_t)L->npairs);
    for (size_t t = 0; t < L->npairs && own == SIZE_MAX; t++) {
        size_t i = (start + t) % L->npairs;
        if (L->pairs[i][0] != '(' && find_pair(L->pairs[i], p, n, &o, &c, &ol, &cl) &&
            !in_quotation(L, p, o))
            own = i;
    }
    if (own == SIZE_MAX)
        return false;
    /* The other kinds typeset the straight quotations they change, so a document of them
     * mixes styles already; a straight quotation's paragraph must show its style itself,
     * with two more quotations in straight marks. */
    int32_t cp;
    size_t ml = tqc_text_decode(L->pairs[own], strlen(L->pairs[own]), &cp), marks = 0;
    if (ml && strlen(L->pairs[own]) == 2 * ml && !memcmp(L->pairs[own], L->pairs[own] + ml, ml)) {
        for (size_t i = 0; i + ml <= n; i++)
            marks += !memcmp(p + i, L->pairs[own], ml);
        if (marks < 6)
            return false;
    }
    const char *rep = NULL;
    size_t from = rnd((uint32_t)L->npairs + 1);
    for (size_t t = 0; t <= L->npairs && !rep; t++) {
        size_t i = (from + t) % (L->npairs + 1);
        const char *cand = i < L->npairs ? L->pairs[i] : straight;
        if (cand[0] != '(' && strcmp(cand, L->pairs[own]) && uses[i] * 8 <= uses[own])
            rep = cand;
    }
    if (!rep)
        return false;
    size_t rl1 = tqc_text_decode(rep, strlen(rep), &cp), rl2 = strlen(rep) - rl1;
    buf_add(&r->out, p, o);
    buf_add(&r->out, rep, rl1);
    buf_add(&r->out, p + o + ol, c - o - ol);
    buf_add(&r->out, rep + rl1, rl2);
    buf_add(&r->out, p + c + cl, n - c - cl);
    r->s = o;
    r->e = c - ol + rl1 + rl2;
    return true;
}

static bool inj_quotes(lang *L, const char *p, size_t n, int sub, inj *r)
{
    if (sub == QUOTES_PAIR_MIXED)
        return inj_pair_mixed(L, p, n, r);
    if (sub >= 3 && sub != 11)
        return inj_quote_shape(L, p, n, sub, r);
    size_t o = 0, c = 0, ol = 0, cl = 0;
    const char *pair = NULL;
    /* close-dropped drops a quotation mark, bracket-dropped a bracket */
    bool bracket = sub == 11;
    size_t start = rnd((uint32_t)L->npairs);
    for (size_t t = 0; t < L->npairs && !pair; t++) {
        const char *cand = L->pairs[(start + t) % L->npairs];
        if ((cand[0] == '(') == bracket && find_pair(cand, p, n, &o, &c, &ol, &cl))
            pair = cand;
    }
    if (!pair)
        return false;
    if (sub == 0 || sub == 2) {
        const char *rep = sub == 0 ? pair : L->foreign_close;
        size_t rl = sub == 0 ? ol : strlen(L->foreign_close);
        if (pair[0] == '(')
            return false;
        if (sub == 0 && ol == cl && !memcmp(pair, pair + ol, ol)) {
            /* straight quotes: the pair becomes “...“, and the right close is ” */
            buf_add(&r->out, p, o);
            buf_str(&r->out, "“");
            buf_add(&r->out, p + o + ol, c - o - ol);
            size_t at = r->out.len;
            buf_str(&r->out, "“");
            buf_add(&r->out, p + c + cl, n - c - cl);
            r->s = at;
            r->e = at + 3;
            r->has_fix = true;
            r->fs = at;
            r->fe = at + 3;
            snprintf(r->fix, sizeof r->fix, "”");
            return true;
        }
        splice(r, p, n, c, c + cl, rep, rl);
        r->s = c;
        r->e = c + rl;
        fix_back(r, p, c, c + cl, rl);
        return true;
    }
    splice(r, p, n, c, c + cl, "", 0);
    r->s = o;
    r->e = c;
    fix_back(r, p, c, c + cl, 0);
    return true;
}

/* number */
static size_t digits_at(const char *p, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && p[j] >= '0' && p[j] <= '9')
        j++;
    return j - i;
}

/* Whether the number ending at j counts things: a lower-case word the lexicon knows as a
 * noun follows, after one adjective at most (`12 pars`, `4 other companies`). A plain
 * count given a decimal part or a group of thousands is only a misread number when it
 * counts something: `a monstrous 12.250 on a par-5 hole` may be a score or a decimal. */
static bool counts_noun(lang *L, const char *p, size_t n, size_t j)
{
    for (int hop = 0; hop < 2; hop++) {
        if (j >= n || p[j] != ' ' || !is_lower_at(p, n, j + 1))
            return false;
        size_t ws = j + 1, we = ws;
        while (we < n && is_letter_at(p, n, we))
            we++;
        uint32_t pos = pos_of(L, p + ws, we - ws);
        if (pos & TQC_POS_NOUN)
            return true;
        if (!(pos & TQC_POS_ADJ) || (pos & (TQC_POS_VFIN | TQC_POS_AUX)))
            return false;
        j = we;
    }
    return false;
}

/* A time of day h:mm (h on the 24-hour clock, 1-23 but 12) as another locale writes it:
 * with the 12-hour marks of the language's `twelve-hour` rows (`9:30 p.m.`, `11 AM`), or
 * hours and minutes joined by a `foreign-time` separator (`21h30`); taken at random where
 * the data has both (twelve says which); hour is h as the text wrote it (`09`). */
static size_t foreign_time(lang *L, const char *hour, int h, int m, char *out, size_t cap,
                           bool *twelve)
{
    int n;
    *twelve = L->ntwelve_hour && (!L->nftime || rnd(2));
    if (*twelve) {
        const char (*marks)[12] = L->twelve_hour[rnd((uint32_t)L->ntwelve_hour)];
        int h12 = h > 12 ? h - 12 : h;
        const char *mark = marks[h > 12];
        n = m == 0 && rnd(2) ? snprintf(out, cap, "%d %s", h12, mark)
                             : snprintf(out, cap, "%d:%02d %s", h12, m, mark);
    } else if (L->nftime)
        n = snprintf(out, cap, "%s%s%02d", hour, L->ftime[rnd((uint32_t)L->nftime)], m);
    else
        return 0;
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* A number of kind sub made up for a phrase, in the language's own notation (own) and in
 * another locale's (foreign): a measure with a decimal part (`3,2`), a count of thousands
 * (`12.400`, `1.204.310`), a time of day (`21:30`), a percentage (`4,7`). Each as a reader
 * could tell wrong: one group of thousands ends in a zero (`2,345` may be a decimal), a
 * decimal part has one or two digits, never three. */
static bool made_number(lang *L, int sub, char *own, char *foreign, size_t cap)
{
    int a = 1 + (int)rnd(99), fr = 1 + (int)rnd(9);
    bool two_places = rnd(3) == 0;
    switch (sub) {
    case 0:
    case 3:
        if (sub == 3)
            a = 1 + (int)rnd(60);
        if (two_places)
            fr = 10 * (int)rnd(10) + 1 + (int)rnd(9);
        snprintf(own, cap, "%d%s%0*d", a, L->decimal, two_places ? 2 : 1, fr);
        snprintf(foreign, cap, "%d%s%0*d", a, L->fdecimal, two_places ? 2 : 1, fr);
        return true;
    case 1: {
        int b = rnd(2) ? 10 * (int)rnd(100) : (int)rnd(1000), c = 10 * (int)rnd(100);
        if (b % 10 == 0 || rnd(2)) {
            /* one group, ending in a zero */
            b -= b % 10;
            snprintf(own, cap, "%d%s%03d", 1 + (int)rnd(999), L->group, b);
            snprintf(foreign, cap, "%.*s%s%03d", (int)strcspn(own, L->group), own, L->fgroup, b);
        } else {
            snprintf(own, cap, "%d%s%03d%s%03d", a, L->group, b, L->group, c + (int)rnd(10));
            snprintf(foreign, cap, "%d%s%03d%s%.3s", a, L->fgroup, b, L->fgroup,
                     own + strlen(own) - 3);
        }
        return true;
    }
    default: {
        int h = 1 + (int)rnd(22), m = rnd(4) ? 5 * (int)rnd(12) : 0;
        if (h >= 12)
            h++;
        char hour[8];
        bool twelve;
        snprintf(hour, sizeof hour, "%d", h);
        if (!foreign_time(L, hour, h, m, foreign, cap, &twelve))
            return false;
        snprintf(own, cap, "%d%s%02d", h, L->time_sep, m);
        return true;
    }
    }
}

/* Where the corpus has no number of the kind: a phrase of the language's own
 * (`number-phrase` rows: `, ein Plus von {} Prozent`) put before the full stop of one of
 * p's sentences with a number made up for it, the number then in another locale's
 * notation. The right fix writes it in the language's own. */
static bool insert_number_phrase(lang *L, const char *p, size_t n, int sub, inj *r)
{
    if (!L->nnumber_phrases[sub])
        return false;
    /* a full stop right after a lower-case word of three letters or more, itself after a
     * space: no abbreviation, number or quotation ends the sentence */
    static word w[MAX_WORDS];
    size_t stops[64], ns = 0, nw = words_of(p, n, w, MAX_WORDS);
    for (size_t k = 0; k < nw && ns < 64; k++) {
        size_t e = w[k].e, letters = 0, cl;
        if (e >= n || p[e] != '.' || (e + 1 < n && p[e + 1] != ' ') || w[k].s == 0 ||
            p[w[k].s - 1] != ' ' || !all_lower(p, w[k].s, e))
            continue;
        for (size_t i = w[k].s; i < e; i += cl, letters++)
            cp_at(p, n, i, &cl);
        if (letters >= 3)
            stops[ns++] = e;
    }
    if (!ns)
        return false;
    char own[64], foreign[64];
    if (!made_number(L, sub, own, foreign, sizeof own))
        return false;
    const char *tpl = L->number_phrases[sub][rnd((uint32_t)L->nnumber_phrases[sub])];
    const char *hole = strstr(tpl, "{}");
    size_t at = stops[rnd((uint32_t)ns)];
    buf_add(&r->out, p, at);
    buf_str(&r->out, ", ");
    buf_add(&r->out, tpl, (size_t)(hole - tpl));
    r->s = r->out.len;
    buf_str(&r->out, foreign);
    r->e = r->out.len;
    buf_str(&r->out, hole + 2);
    buf_add(&r->out, p + at, n - at);
    r->has_fix = true;
    r->fs = r->s;
    r->fe = r->e;
    snprintf(r->fix, sizeof r->fix, "%s", own);
    return true;
}

/* Whether p[i..] is a percent sign or one of the language's `percent-word` rows (after a
 * space); the sign may follow a space or a no-break space. */
static bool percent_at(const lang *L, const char *p, size_t n, size_t i)
{
    if (i < n && p[i] == '%')
        return true;
    if (i + 1 < n && p[i] == ' ' && p[i + 1] == '%')
        return true;
    if (i + 2 < n && (!memcmp(p + i, "\xc2\xa0", 2)) && p[i + 2] == '%')
        return true;
    if (i + 3 < n && (!memcmp(p + i, "\xe2\x80\xaf", 3)) && p[i + 3] == '%')
        return true;
    if (i >= n || p[i] != ' ')
        return false;
    size_t we = i + 1;
    while (we < n && is_letter_at(p, n, we))
        we++;
    return in_list(L->percent_words, L->npercent_words, p + i + 1, we - i - 1);
}

static bool inj_number(lang *L, const char *p, size_t n, int sub, inj *r)
{
    if (sub == 2 && (!L->time_sep[0] || (!L->nftime && !L->ntwelve_hour)))
        return false;
    const char *dec = L->decimal, *grp = L->group;
    size_t dl = strlen(dec), gl = strlen(grp);
    size_t cands[64][2], nc = 0;
    char rep[64];
    size_t rl = 0;
    for (size_t i = 0; i < n && nc < 64; i++) {
        if (!(p[i] >= '0' && p[i] <= '9') || (i > 0 && p[i - 1] != ' ' && p[i - 1] != '('))
            continue;
        size_t d = digits_at(p, n, i), j = i + d;
        if (sub == 2) {
            size_t tl = strlen(L->time_sep);
            /* not a reference after a name (`Matthew 6:14-15`, `John 3:16`) */
            size_t ws = i > 1 ? i - 1 : 0;
            while (ws > 0 && is_letter_at(p, n, ws - 1))
                ws--;
            bool name = i > 1 && ws < i - 1 && capitalised(p, ws, i - 1);
            size_t te = j + tl + 2;
            if (!name && d >= 1 && d <= 2 && te <= n && !memcmp(p + j, L->time_sep, tl) &&
                digits_at(p, n, j + tl) == 2 &&
                (te == n || !((p[te] >= '0' && p[te] <= '9') || p[te] == '-' ||
                              ((p[te] == ':' || p[te] == '.' || p[te] == ',') && te + 1 < n &&
                               p[te + 1] >= '0' && p[te + 1] <= '9'))))
                cands[nc][0] = i, cands[nc++][1] = j + tl + 2;
            i = j;
            continue;
        }
        if (sub == 3) {
            /* a percentage of the corpus: a whole number or one decimal part, not three
             * places (`1.250` may be thousands) */
            size_t e = j;
            if (j + dl < n && !memcmp(p + j, dec, dl) && digits_at(p, n, j + dl) >= 1 &&
                digits_at(p, n, j + dl) <= 2)
                e = j + dl + digits_at(p, n, j + dl);
            if (d <= 3 && percent_at(L, p, n, e))
                cands[nc][0] = i, cands[nc++][1] = e;
            i = e;
            continue;
        }
        /* a plain number between lower-case words: a count, not a version, a year or a
         * chapter (a noun before it: Debian 7, chapter 7) */
        bool ctx = i >= 2 && j + 2 < n && p[j] == ' ' && is_lower_at(p, n, j + 1);
        if (ctx) {
            size_t ws = i - 1;
            while (ws > 0 && is_letter_at(p, n, ws - 1))
                ws--;
            uint32_t pos = pos_of(L, p + ws, i - 1 - ws);
            ctx = ws < i - 1 && all_lower(p, ws, i - 1) &&
                  (!L->lex || (pos && !(pos & (TQC_POS_NOUN | TQC_POS_PROPN))));
            /* nor a day of the month: 28 décembre, 14 de octubre */
            for (size_t x = j + 1, hop = 0; ctx && hop < 2 && x < n; hop++) {
                size_t we = x;
                while (we < n && is_letter_at(p, n, we))
                    we++;
                if (in_list(L->lower_words, L->nlower, p + x, we - x))
                    ctx = false;
                x = we + 1;
            }
        }
        size_t e = j;
        if (sub == 0 && d >= 1 && j + dl < n && !memcmp(p + j, dec, dl) &&
            digits_at(p, n, j + dl) >= 1 && digits_at(p, n, j + dl) != 3) {
            e = j + dl + digits_at(p, n, j + dl);
            if (e < n && (p[e] == '.' || p[e] == ',') && e + 1 < n && p[e + 1] >= '0' && p[e + 1] <= '9')
                ctx = false;   /* 1.2.3: a version */
            else
                ctx = ctx || (e < n && p[e] == ' ');
        } else if (sub == 1 && d >= 1 && d <= 3 && j + gl < n && !memcmp(p + j, grp, gl) &&
                   digits_at(p, n, j + gl) == 3) {
            e = j;
            while (e + gl < n && !memcmp(p + e, grp, gl) && digits_at(p, n, e + gl) == 3)
                e += gl + 3;
            ctx = e >= n || !(p[e] >= '0' && p[e] <= '9');
            /* one group whose result is also a decimal of the language (`1,723` in
             * French, `1.488` in English): no reader could tell it wrong; a group
             * ending in a zero is thousands (a decimal would drop it) */
            if (e == j + gl + 3 && p[e - 1] != '0')
                ctx = false;
        } else if (!(d >= 1 && d <= 3 && ctx))
            ctx = false;
        /* a plain count made a decimal or thousands must count something */
        if (ctx && e == j && !counts_noun(L, p, n, j))
            ctx = false;
        if (ctx)
            cands[nc][0] = i, cands[nc++][1] = e;
        i = e;
    }
    if (!nc)
        return insert_number_phrase(L, p, n, sub, r);
    size_t pick = rnd((uint32_t)nc), s = cands[pick][0], e = cands[pick][1];
    char right[64];
    size_t rightl = 0;
    if (e - s >= 32)
        return false;
    size_t d = digits_at(p, n, s);
    if (sub == 2) {
        size_t tl = strlen(L->time_sep);
        int h = 0, m = (p[s + d + tl] - '0') * 10 + (p[s + d + tl + 1] - '0');
        for (size_t i = s; i < s + d; i++)
            h = h * 10 + (p[i] - '0');
        if (L->ntwelve_hour && (h == 0 || h == 12 || h > 23 || m > 59))
            return false;  /* midnight and noon: the 24-hour fix has forms of its own */
        char hour[8];
        bool twelve;
        snprintf(hour, sizeof hour, "%.*s", (int)d, p + s);
        rl = foreign_time(L, hour, h, m, rep, sizeof rep, &twelve);
        if (!rl)
            return false;
        if (twelve)   /* the 24-hour time as the pass writes it: `9:30`, not `09:30` */
            rightl = (size_t)snprintf(right, sizeof right, "%d%s%02d", h, L->time_sep, m);
    } else if (sub == 0 || sub == 3) {
        if (s + d == e) {
            /* a plain count gets a decimal part in the foreign notation; the right fix
             * writes the same value in the language's own */
            rl = (size_t)snprintf(rep, sizeof rep, "%.*s%s5", (int)d, p + s, L->fdecimal);
            rightl = (size_t)snprintf(right, sizeof right, "%.*s%s5", (int)d, p + s, dec);
        } else
            rl = (size_t)snprintf(rep, sizeof rep, "%.*s%s%.*s", (int)d, p + s, L->fdecimal,
                                  (int)(e - s - d - dl), p + s + d + dl);
    } else {
        if (s + d == e) {
            /* a plain count becomes thousands, grouped the foreign way */
            rl = (size_t)snprintf(rep, sizeof rep, "%.*s%s250", (int)d, p + s, L->fgroup);
            rightl = (size_t)snprintf(right, sizeof right, "%.*s%s250", (int)d, p + s, grp);
        } else {
            for (size_t i = s; i < e;) {
                if (!memcmp(p + i, grp, gl) && !(p[i] >= '0' && p[i] <= '9')) {
                    rl += (size_t)snprintf(rep + rl, sizeof rep - rl, "%s", L->fgroup);
                    i += gl;
                } else
                    rep[rl++] = p[i++];
            }
            rep[rl] = '\0';
        }
    }
    if (rl >= sizeof rep)
        return false;
    splice(r, p, n, s, e, rep, rl);
    r->s = s;
    r->e = s + rl;
    if (rightl) {
        r->has_fix = true;
        r->fs = s;
        r->fe = s + rl;
        snprintf(r->fix, sizeof r->fix, "%s", right);
    } else
        fix_back(r, p, s, e, rl);
    return true;
}

/* repeated-word */
static bool inj_repeated(lang *L, const char *p, size_t n, int sub, inj *r)
{
    static word w[MAX_WORDS];
    size_t k = words_of(p, n, w, MAX_WORDS);
    char low[128];
    (void)sub;
    for (int tries = 0; tries < 20 && k > 3; tries++) {
        size_t i = 1 + rnd((uint32_t)(k - 2));
        size_t wl = w[i].e - w[i].s;
        if (!single_space_between(p, &w[i - 1], &w[i]) || p[w[i].e] != ' ')
            continue;
        size_t ln = recase(p + w[i].s, wl, TQC_CASE_LOWER, low, sizeof low);
        /* the corpus itself never doubles it (nous nous, had had...) */
        if (!ln || count_get(L->doubles, low, ln))
            continue;
        char rep[260];
        if (2 * wl + 1 >= sizeof rep)
            continue;
        memcpy(rep, p + w[i].s, wl);
        rep[wl] = ' ';
        memcpy(rep + wl + 1, p + w[i].s, wl);
        splice(r, p, n, w[i].s, w[i].e, rep, 2 * wl + 1);
        r->s = w[i].s;
        r->e = w[i].s + 2 * wl + 1;
        fix_back(r, p, w[i].s, w[i].e, 2 * wl + 1);
        return true;
    }
    return false;
}

/* spacing */
static bool inj_spacing(lang *L, const char *p, size_t n, int sub, inj *r)
{
    static word w[MAX_WORDS];
    size_t k = words_of(p, n, w, MAX_WORDS);
    (void)L;
    for (int tries = 0; tries < 20 && k > 3; tries++) {
        size_t i = 1 + rnd((uint32_t)(k - 2));
        if (sub == 0) {
            if (!single_space_between(p, &w[i - 1], &w[i]))
                continue;
            splice(r, p, n, w[i - 1].e, w[i].s, "  ", 2);
            r->s = w[i - 1].e;
            r->e = w[i - 1].e + 2;
            fix_back(r, p, w[i - 1].e, w[i].s, 2);
            return true;
        }
        size_t c = w[i - 1].e;
        if (c + 2 >= n || p[c] != ',' || p[c + 1] != ' ' || w[i].s != c + 2)
            continue;
        if (sub == 1) {
            splice(r, p, n, c, c + 1, " ,", 2);
            r->s = c;
            r->e = c + 2;
            fix_back(r, p, c, c + 1, 2);
        } else {
            splice(r, p, n, c + 1, c + 2, "", 0);
            r->s = c;
            r->e = c + 1;
            fix_back(r, p, c + 1, c + 2, 0);
        }
        return true;
    }
    return false;
}

/* boilerplate, stray-heading: a line between two paragraphs. */
static bool inj_line(lang *L, const char *p, size_t n, int which, inj *r)
{
    if (!L->nphrases[which])
        return false;
    const char *ph = L->phrases[which][rnd((uint32_t)L->nphrases[which])];
    buf_add(&r->out, p, n);
    buf_add(&r->out, "\n\n", 2);
    r->s = r->out.len;
    buf_str(&r->out, ph);
    r->e = r->out.len;
    return true;
}

/* Up to max words of a sentence of p from word i on, stopping before any punctuation but
 * an apostrophe or a hyphen inside a word: the end offset, or 0 when fewer than min. */
static size_t phrase_end(const char *p, const word *w, size_t k, size_t i, size_t min, size_t max)
{
    size_t j = i;
    while (j + 1 < k && j + 1 < i + max) {
        size_t gs = w[j].e, ge = w[j + 1].s;
        bool plain = ge == gs + 1 && (p[gs] == ' ' || p[gs] == '-' || p[gs] == '\'');
        if (!plain)
            break;
        j++;
    }
    return j + 1 - i >= min ? w[j].e : 0;
}

/* A word at which a sentence of p starts: the first, or one after `. ` with a capital. */
static size_t sentence_word(const char *p, size_t n, const word *w, size_t k)
{
    size_t starts[64], ns = 0;
    for (size_t i = 0; i < k && ns < 64; i++)
        if (is_upper_at(p, n, w[i].s) &&
            (i == 0 ? w[i].s == 0 : w[i].s >= 2 && p[w[i].s - 1] == ' ' &&
                                        strchr(".!?", p[w[i].s - 2])))
            starts[ns++] = i;
    return ns ? starts[rnd((uint32_t)ns)] : SIZE_MAX;
}

/* A body paragraph: eight words or more, ending a sentence (before a closing mark). */
static bool body_like(const char *p, size_t n)
{
    size_t words = 1, e = n;
    for (size_t i = 0; i < n; i++)
        words += p[i] == ' ';
    while (e > 0) {
        size_t st;
        int32_t cp = tqc_text_prev(p, e, &st);
        if (cp != '"' && cp != ')' && cp != 0x201D && cp != 0x201C && cp != 0xBB && cp != 0xAB)
            break;
        e = st;
    }
    return words >= 8 && e > 0 && strchr(".!?", p[e - 1]);
}

/* stray-heading: a line between two paragraphs, of one of the shapes scraped copy leaves
 * (kind 0: the data's phrases): a caption of words of the paragraph above with a credit;
 * a title of words of another article (title-cased in English, whose headlines are), a
 * sentence of another article as its headline, stop dropped. (A section label, `Politics`,
 * is left out: a short line is a subheading as often, which the pass can only hint at.) */
static bool inj_stray(lang *L, const char *p, size_t n, int sub, inj *r)
{
    static word w[MAX_WORDS];
    char line[512];
    size_t ln = 0;
    /* between two body paragraphs of one article: p and the corpus's next paragraph */
    size_t lo = 0, hi = L->npara;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (L->para[mid] < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo + 1 >= L->npara || L->para[lo] != p || !body_like(p, n) ||
        !body_like(L->para[lo + 1], L->para_len[lo + 1]))
        return false;
    const char *next = L->para[lo + 1];
    size_t next_len = L->para_len[lo + 1];
    if (sub == 0) {
        if (!L->nphrases[1])
            return false;
        ln = (size_t)snprintf(line, sizeof line, "%s", L->phrases[1][rnd((uint32_t)L->nphrases[1])]);
        goto place;
    }
    /* the caption's words from the paragraph above, a title's from another article */
    const char *src = p;
    size_t sn = n;
    if (sub != 1) {
        size_t pi = rnd((uint32_t)L->npara);
        src = L->para[pi];
        sn = L->para_len[pi];
    }
    size_t k = words_of(src, sn, w, MAX_WORDS), i = sentence_word(src, sn, w, k);
    if (i == SIZE_MAX)
        return false;
    size_t min = sub == 1 ? 4 : 6, max = sub == 2 ? 6 + rnd(5) : sub == 1 ? 5 + rnd(6) : 16;
    size_t e = phrase_end(src, w, k, i, min, max);
    if (!e || e - w[i].s >= sizeof line - 64)
        return false;
    if (sub != 3) {
        /* a title or a caption ends on a content word, not cut off after an article,
         * a preposition or a conjunction */
        size_t j = i;
        while (j + 1 < k && w[j].e != e)
            j++;
        while (j > i + min - 1 &&
               (!(pos_of(L, src + w[j].s, w[j].e - w[j].s) &
                  (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_VERB)) ||
                (pos_of(L, src + w[j].s, w[j].e - w[j].s) &
                 (TQC_POS_DET | TQC_POS_PREP | TQC_POS_CONJ | TQC_POS_PRON))))
            j--;
        uint32_t last = pos_of(L, src + w[j].s, w[j].e - w[j].s);
        if (!(last & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_VERB)) ||
            (last & (TQC_POS_DET | TQC_POS_PREP | TQC_POS_CONJ | TQC_POS_PRON)))
            return false;
        e = w[j].e;
    }
    if (sub == 3 && !(e < sn && src[e] == '.'))
        return false;   /* a whole sentence: its stop follows */
    memcpy(line, src + w[i].s, e - w[i].s);
    ln = e - w[i].s;
    line[ln] = '\0';
    if (sub == 2 && !strcmp(L->code, "en")) {
        /* English headline case: each word of four letters or more capitalised */
        char tc[512];
        size_t tl = 0;
        for (size_t x = 0; x < ln;) {
            size_t y = x;
            while (y < ln && line[y] != ' ')
                y++;
            size_t wl = y - x >= 4 ? recase(line + x, y - x, TQC_CASE_TITLE, tc + tl,
                                             sizeof tc - tl) : 0;
            if (!wl) {
                memcpy(tc + tl, line + x, y - x);
                wl = y - x;
            }
            tl += wl;
            if (y < ln)
                tc[tl++] = ' ';
            x = y < ln ? y + 1 : y;
        }
        if (tl >= sizeof line)
            return false;
        memcpy(line, tc, tl);
        ln = tl;
        line[ln] = '\0';
    }
    if (sub == 1) {
        if (!L->ncredits || !L->nagencies)
            return false;
        const char *fmt = L->credits[rnd((uint32_t)L->ncredits)];
        const char *ag = L->agencies[rnd((uint32_t)L->nagencies)];
        const char *at = strstr(fmt, "{}");
        if (!at)
            return false;
        int m = snprintf(line + ln, sizeof line - ln, "%.*s%s%s", (int)(at - fmt), fmt, ag,
                         at + 2);
        if (m < 0 || (size_t)m >= sizeof line - ln)
            return false;
        ln += (size_t)m;
    }
place:
    buf_add(&r->out, p, n);
    buf_add(&r->out, "\n\n", 2);
    r->s = r->out.len;
    buf_add(&r->out, line, ln);
    r->e = r->out.len;
    buf_add(&r->out, "\n\n", 2);
    buf_add(&r->out, next, next_len);
    return true;
}

/* untranslated: a sentence of another language's corpus after the paragraph's first. */
static bool inj_untranslated(lang *L, const char *p, size_t n, int sub, inj *r)
{
    (void)sub;
    int li = (int)(L - langs), other = (li + 1 + (int)rnd(NLANG - 1)) % NLANG;
    lang *O = &langs[other];
    if (!load_lang(O) || !O->npara)
        return false;
    for (int tries = 0; tries < 20; tries++) {
        const char *q = O->para[rnd((uint32_t)O->npara)];
        size_t qn = strlen(q), ends[64], ne = sentence_ends(q, qn, ends, 64);
        size_t qe = ne ? ends[0] : qn;
        size_t words = 1;
        for (size_t i = 0; i < qe; i++)
            words += q[i] == ' ';
        if (words < 6 || words > 30 || q[qe - 1] != '.')
            continue;
        size_t pe[8], np = sentence_ends(p, n, pe, 8);
        size_t at = np ? pe[0] : n;
        buf_add(&r->out, p, at);
        buf_add(&r->out, " ", 1);
        r->s = r->out.len;
        buf_add(&r->out, q, qe);
        r->e = r->out.len;
        buf_add(&r->out, p + at, n - at);
        return true;
    }
    return false;
}

/* encoding: mojibake is UTF-8 read as Windows-1252 and written as UTF-8 again. */
static const uint16_t CP1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static size_t mojibake(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        int32_t cp = b < 0x80 ? b : b < 0xA0 ? CP1252[b - 0x80] : b;
        if (cp == 0)
            cp = b;   /* undefined in 1252: kept as the C1 code point, as decoders do */
        if (k + 4 >= cap)
            return 0;
        k += tqc_text_encode(cp, out + k);
    }
    out[k] = '\0';
    return k;
}

static bool inj_encoding(lang *L, const char *p, size_t n, int sub, inj *r)
{
    static word w[MAX_WORDS];
    size_t k = words_of(p, n, w, MAX_WORDS);
    (void)L;
    char tmp[512];
    for (int tries = 0; tries < 40 && k > 2; tries++) {
        size_t i = 1 + rnd((uint32_t)(k - 1)), s = w[i].s, e = w[i].e;
        if (sub == 0) {
            /* a word with a letter beyond ASCII, or with an apostrophe (English) */
            if (e + 1 < n && p[e] == '\'' && is_letter_at(p, n, e + 1)) {
                size_t e2 = e + 1;
                while (e2 < n && is_letter_at(p, n, e2))
                    e2++;
                size_t l = (size_t)snprintf(tmp, sizeof tmp, "%.*s%s%.*s", (int)(e - s), p + s,
                                            "â€™", (int)(e2 - e - 1), p + e + 1);
                splice(r, p, n, s, e2, tmp, l);
                r->s = s;
                r->e = s + l;
                return true;
            }
            bool wide = false;
            for (size_t j = s; j < e; j++)
                wide = wide || (unsigned char)p[j] >= 0x80;
            if (!wide)
                continue;
            size_t l = mojibake(p + s, e - s, tmp, sizeof tmp);
            if (!l)
                continue;
            splice(r, p, n, s, e, tmp, l);
            r->s = s;
            r->e = s + l;
            return true;
        }
        if (e - s < 4 || (unsigned char)p[s] >= 0x80 || (unsigned char)p[s + 1] >= 0x80)
            continue;
        size_t l = (size_t)snprintf(tmp, sizeof tmp, "%.2s\u200b%.*s", p + s, (int)(e - s - 2), p + s + 2);
        splice(r, p, n, s, e, tmp, l);
        r->s = s;
        r->e = s + l;
        return true;
    }
    return false;
}

/* Whether word i is a capitalised common noun after a lower-case word: a noun of the
 * lexicon and no proper noun there, that the corpus never writes in lower case (a German
 * noun; in English, rarely any). */
static bool noun_mid(lang *L, const char *p, const word *w, size_t i)
{
    char low[256];
    size_t wl = w[i].e - w[i].s;
    if (i == 0 || !capitalised(p, w[i].s, w[i].e) || !single_space_between(p, &w[i - 1], &w[i]) ||
        !all_lower(p, w[i - 1].s, w[i - 1].e))
        return false;
    size_t ln = recase(p + w[i].s, wl, TQC_CASE_LOWER, low, sizeof low);
    uint32_t pos = pos_of(L, p + w[i].s, wl);
    return ln && !count_get(L->lower_count, low, ln) && (pos & TQC_POS_NOUN) &&
           !(pos & TQC_POS_PROPN);
}

/* spelling: a slip of the keyboard in a word of five letters or more that the dictionary
 * knows, lower-case or a capitalised common noun (noun_mid), mid-paragraph and whole (no
 * hyphen or apostrophe glued on): two
 * neighbouring letters swapped, a letter dropped or doubled (never the first), or an
 * accented letter written bare; only what the dictionary then rejects (a slip that makes
 * another word is no spell checker's to find). The right fix is the word. */
#define SPELL_INJ_MIN_CHARS 5
static bool inj_spelling(lang *L, const char *p, size_t n, int sub, inj *r)
{
    static word w[MAX_WORDS];
    size_t k = words_of(p, n, w, MAX_WORDS);
    for (int tries = 0; tries < 20 && k > 2; tries++) {
        size_t i = 1 + rnd((uint32_t)(k - 1));
        size_t s = w[i].s, e = w[i].e, offs[65];
        size_t nc = tqc_text_char_offsets(p + s, e - s, offs, 64);
        if (nc < SPELL_INJ_MIN_CHARS || !(all_lower(p, s, e) || noun_mid(L, p, w, i)) ||
            !spell_ok(L, p + s, e - s) || (s > 0 && !strchr(" (", p[s - 1])) ||
            (e < n && !strchr(" ,.;:!?)", p[e])))
            continue;
        char out[300];
        size_t on = 0;
        const char *word_s = p + s;
        size_t j = 1 + rnd((uint32_t)(nc - 2)); /* 1 <= j <= nc - 2: not the first letter */
        if (sub == 0) {
            /* letters j and j + 1 swapped */
            if (offs[j + 1] - offs[j] == offs[j + 2] - offs[j + 1] &&
                !memcmp(word_s + offs[j], word_s + offs[j + 1], offs[j + 1] - offs[j]))
                continue;
            memcpy(out, word_s, offs[j]);
            on = offs[j];
            memcpy(out + on, word_s + offs[j + 1], offs[j + 2] - offs[j + 1]);
            on += offs[j + 2] - offs[j + 1];
            memcpy(out + on, word_s + offs[j], offs[j + 1] - offs[j]);
            on += offs[j + 1] - offs[j];
            memcpy(out + on, word_s + offs[j + 2], offs[nc] - offs[j + 2]);
            on += offs[nc] - offs[j + 2];
        } else if (sub == 1 || sub == 2) {
            /* letter j dropped, or written twice */
            memcpy(out, word_s, offs[j + 1]);
            on = sub == 1 ? offs[j] : offs[j + 1];
            if (sub == 2) {
                memcpy(out + on, word_s + offs[j], offs[j + 1] - offs[j]);
                on += offs[j + 1] - offs[j];
            }
            memcpy(out + on, word_s + offs[j + 1], offs[nc] - offs[j + 1]);
            on += offs[nc] - offs[j + 1];
        } else {
            /* the first accented letter written bare */
            char bare[300];
            size_t a = 0;
            while (a < nc && offs[a + 1] - offs[a] == 1)
                a++;
            if (a == nc)
                return false;
            size_t bn = tqc_text_drop_mark(word_s + offs[a], offs[a + 1] - offs[a], -1, bare,
                                           sizeof bare);
            if (!bn || (bn == offs[a + 1] - offs[a] && !memcmp(bare, word_s + offs[a], bn)))
                continue;
            memcpy(out, word_s, offs[a]);
            on = offs[a];
            memcpy(out + on, bare, bn);
            on += bn;
            memcpy(out + on, word_s + offs[a + 1], offs[nc] - offs[a + 1]);
            on += offs[nc] - offs[a + 1];
        }
        if (spell_ok(L, out, on))
            continue;
        replace_span(r, p, n, s, e, out, on);
        return true;
    }
    return false;
}

static bool inject(lang *L, int cls, int sub, const char *p, size_t n, inj *r)
{
    inj_reset(r);
    switch (cls) {
    case C_MISSING_SPACE: return inj_missing_space(L, p, n, sub, r);
    case C_CAPITALIZATION: return inj_capitalization(L, p, n, sub, r);
    case C_FRAGMENT: return inj_fragment(L, p, n, sub, r);
    case C_QUOTES: return inj_quotes(L, p, n, sub, r);
    case C_NUMBER: return inj_number(L, p, n, sub, r);
    case C_REPEATED: return inj_repeated(L, p, n, sub, r);
    case C_SPACING: return inj_spacing(L, p, n, sub, r);
    case C_BOILERPLATE: return inj_line(L, p, n, 0, r);
    case C_STRAY: return inj_stray(L, p, n, sub, r);
    case C_UNTRANSLATED: return inj_untranslated(L, p, n, sub, r);
    case C_ENCODING: return inj_encoding(L, p, n, sub, r);
    case C_SPELLING: return inj_spelling(L, p, n, sub, r);
    default: return false;
    }
}

/* ---- running tqc and reading its findings ----------------------------------------- */

typedef struct finding {
    size_t off, len;
    char rule[32];
    char also[96];
    int sev;                  /* 0 info, 1 warning, 2 error */
    bool has_fix;
    size_t fo, fl;
    char *rep;                /* the first fix: the safe fix, else the first suggestion */
    int file;                 /* index of its file in run_tqc's paths, -1 when unknown */
} finding;

typedef struct findings {
    finding *f;
    size_t n, cap;
} findings;

static const char *tqc_path = "./tqc";
static const char *tqc_args[16];
static size_t ntqc_args;
static char tmpdir[256];

static void findings_clear(findings *fs)
{
    for (size_t i = 0; i < fs->n; i++)
        free(fs->f[i].rep);
    fs->n = 0;
}

/* A JSON string at p (after its opening quote) into out; returns the end. */
static const char *json_string(const char *p, buf *out)
{
    while (*p && *p != '"') {
        if (*p != '\\') {
            buf_add(out, p++, 1);
            continue;
        }
        p++;
        char c = *p ? *p++ : '\0', e[8];
        switch (c) {
        case 'n': buf_add(out, "\n", 1); break;
        case 't': buf_add(out, "\t", 1); break;
        case 'r': buf_add(out, "\r", 1); break;
        case 'b': buf_add(out, "\b", 1); break;
        case 'f': buf_add(out, "\f", 1); break;
        case 'u': {
            int32_t cp = (int32_t)strtol((char[]){p[0], p[1], p[2], p[3], 0}, NULL, 16);
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && p[0] == '\\' && p[1] == 'u') {
                int32_t lo = (int32_t)strtol((char[]){p[2], p[3], p[4], p[5], 0}, NULL, 16);
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            buf_add(out, e, tqc_text_encode(cp, e));
            break;
        }
        default: buf_add(out, &c, 1);
        }
    }
    return p;
}

static bool json_size(const char *line, const char *key, size_t *v)
{
    const char *p = strstr(line, key);
    if (!p)
        return false;
    *v = (size_t)strtoull(p + strlen(key), NULL, 10);
    return true;
}

static void json_field(const char *line, const char *key, char *dst, size_t cap)
{
    const char *p = strstr(line, key);
    dst[0] = '\0';
    if (!p)
        return;
    buf b = {0};
    json_string(p + strlen(key), &b);
    snprintf(dst, cap, "%s", b.s ? b.s : "");
    free(b.s);
}

/* Runs tqc on the files paths in language code; their findings into fs. Dies when tqc
 * fails. */
static void run_tqcn(const char *code, char *const *paths, size_t npaths, findings *fs)
{
    buf cmd = {0};
    buf_str(&cmd, "'");
    buf_str(&cmd, tqc_path);
    buf_str(&cmd, "' check --lang ");
    buf_str(&cmd, code);
    buf_str(&cmd, " --format jsonl --fail-on error");
    for (size_t i = 0; i < ntqc_args; i++) {
        buf_str(&cmd, " '");
        buf_str(&cmd, tqc_args[i]);
        buf_str(&cmd, "'");
    }
    for (size_t i = 0; i < npaths; i++) {
        buf_str(&cmd, " '");
        buf_str(&cmd, paths[i]);
        buf_str(&cmd, "'");
    }
    buf_str(&cmd, " 2>");
    buf_str(&cmd, tmpdir);
    buf_str(&cmd, "/stderr");
    FILE *p = popen(cmd.s, "r");
    if (!p)
        die("cannot run %s", tqc_path);
    findings_clear(fs);
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, p) > 0) {
        finding f = {0};
        char sev[16];
        if (!json_size(line, "\"offset\":", &f.off) || !json_size(line, "\"length\":", &f.len))
            continue;
        json_field(line, "\"rule\":\"", f.rule, sizeof f.rule);
        json_field(line, "\"also\":\"", f.also, sizeof f.also);
        json_field(line, "\"severity\":\"", sev, sizeof sev);
        char file[1200];
        json_field(line, "\"file\":\"", file, sizeof file);
        f.file = -1;
        for (size_t i = 0; i < npaths; i++)
            if (!strcmp(file, paths[i]))
                f.file = (int)i;
        f.sev = !strcmp(sev, "error") ? 2 : !strcmp(sev, "warning") ? 1 : 0;
        const char *fx = strstr(line, "\"fix\":{"), *sg = strstr(line, "\"suggestions\":[\"");
        buf rep = {0};
        if (fx) {
            json_size(fx, "\"offset\":", &f.fo);
            json_size(fx, "\"length\":", &f.fl);
            const char *r = strstr(fx, "\"replacement\":\"");
            if (r) {
                json_string(r + 15, &rep);
                buf_add(&rep, "", 0);
                f.has_fix = true;
            }
        } else if (sg) {
            json_string(sg + 16, &rep);
            buf_add(&rep, "", 0);
            f.has_fix = true;
            f.fo = f.off;
            f.fl = f.len;
        }
        f.rep = rep.s;
        if (fs->n == fs->cap) {
            fs->cap = fs->cap ? 2 * fs->cap : 256;
            fs->f = realloc(fs->f, fs->cap * sizeof *fs->f);
            if (!fs->f)
                die("out of memory");
        }
        fs->f[fs->n++] = f;
    }
    free(line);
    int st = pclose(p);
    if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) > 1) {
        char ep[300];
        snprintf(ep, sizeof ep, "%s/stderr", tmpdir);
        size_t el = 0;
        char *err = read_file(ep, &el);
        die("%s failed on %s: %s", tqc_path, paths[0], err ? err : "");
    }
    free(cmd.s);
}

static void run_tqc(const char *code, const char *path, findings *fs)
{
    char *p = (char *)path;
    run_tqcn(code, &p, 1, fs);
}

static bool names_rule(const char *list, const finding *f)
{
    const char *rules[2] = {f->rule, f->also};
    for (int k = 0; k < 2; k++)
        for (const char *r = rules[k]; *r;) {
            size_t rl = strcspn(r, ",");
            for (const char *l = list; *l;) {
                size_t ll = strcspn(l, "|");
                if (ll == rl && !memcmp(l, r, rl))
                    return true;
                l += ll + (l[ll] == '|');
            }
            r += rl + (r[rl] == ',');
        }
    return false;
}

static bool overlaps(const finding *f, size_t s, size_t e)
{
    size_t fe = f->off + (f->len ? f->len : 1);
    return f->off < e && s < fe;
}

static void write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(s, 1, n, f) != n || fclose(f) != 0)
        die("%s: cannot write", path);
}

/* ---- the injection run ------------------------------------------------------------ */

typedef struct cell {
    bool run;
    size_t n, caught, fixable, fixed;
    size_t withheld;   /* caught by a finding that offers no fix: not a wrong one */
    size_t sub_n[MAX_SUB], sub_caught[MAX_SUB];
} cell;

typedef struct key {
    size_t s, e;
    int sub;
    bool has_fix;
    size_t fs, fe;
    char fix[256];
} key;

static cell cells[NLANG][NCLASS];
static size_t per_cell = 200;
static bool quick;
static int samples;
static const char *keep_dir;
static unsigned long seed_value = 1;

/* No-break spaces (U+00A0, U+202F) as plain ones: a French number grouped with either is
 * right. */
static void norm_spaces(buf *b)
{
    size_t k = 0;
    for (size_t i = 0; i < b->len;) {
        size_t l = !memcmp(b->s + i, "\xc2\xa0", i + 2 <= b->len ? 2 : 0) && i + 2 <= b->len ? 2
                   : i + 3 <= b->len && !memcmp(b->s + i, "\xe2\x80\xaf", 3) ? 3 : 0;
        b->s[k++] = l ? ' ' : b->s[i];
        i += l ? l : 1;
    }
    b->len = k;
}

/* doc with [s, e) replaced by rep, compared with doc with [s2, e2) replaced by rep2. */
static bool same_edit(const buf *doc, size_t s, size_t e, const char *rep, size_t s2, size_t e2,
                      const char *rep2)
{
    buf a = {0}, b = {0};
    if (e > doc->len || e2 > doc->len || s > e || s2 > e2)
        return false;
    buf_add(&a, doc->s, s);
    buf_add(&a, rep, strlen(rep));
    buf_add(&a, doc->s + e, doc->len - e);
    buf_add(&b, doc->s, s2);
    buf_add(&b, rep2, strlen(rep2));
    buf_add(&b, doc->s + e2, doc->len - e2);
    norm_spaces(&a);
    norm_spaces(&b);
    bool same = a.len == b.len && !memcmp(a.s, b.s, a.len);
    free(a.s);
    free(b.s);
    return same;
}

/* How far back a word injected again makes it the text's usage: the capitalization pass
 * reads a word's other spellings within 8,000 bytes either side (CAP_NEARBY_BYTES) as the
 * author's, so the same word lower-cased twice there reads as a name written so. */
#define INJECT_APART_BYTES 8192

/* Whether a key of class cls within INJECT_APART_BYTES before the end of the document
 * (d, len) holds word w (n bytes) in any case. */
static bool injected_nearby(const char *d, size_t len, const key *keys, const int *kcls,
                            size_t nk, int cls, const char *w, size_t n)
{
    char a[256], b[256];
    size_t al = recase(w, n, TQC_CASE_LOWER, a, sizeof a);
    for (size_t i = nk; al && i-- > 0 && keys[i].s + INJECT_APART_BYTES >= len;) {
        if (kcls[i] != cls)
            continue;
        size_t bl = recase(d + keys[i].s, keys[i].e - keys[i].s, TQC_CASE_LOWER, b, sizeof b);
        if (bl == al && !memcmp(a, b, al))
            return true;
    }
    return false;
}

/* Whether a pair-mixed key within INJECT_APART_BYTES before the end of the document (d,
 * len) opens with the mark that m (n bytes) opens with: the quotes pass reads the
 * quotations around one (about an article's worth) as the author's styles, so two
 * quotations made in one style there read as the article's second style, not as the one
 * slip the kind means. */
static bool style_injected_nearby(const char *d, size_t len, const key *keys, const int *kcls,
                                  size_t nk, const char *m, size_t n)
{
    int32_t cp;
    size_t ml = tqc_text_decode(m, n, &cp);
    for (size_t i = nk; ml && i-- > 0 && keys[i].s + INJECT_APART_BYTES >= len;)
        if (kcls[i] == C_QUOTES && keys[i].sub == QUOTES_PAIR_MIXED &&
            !memcmp(d + keys[i].s, m, ml))
            return true;
    return false;
}

/* The injections of the classes in mask for language li, in one document: one run of
 * tqc. Each class's paragraphs are distinct; classes may share a paragraph. */
static void run_batch(int li, unsigned mask)
{
    lang *L = &langs[li];
    buf doc = {0};
    size_t cap = per_cell * NCLASS, nk = 0;
    key *keys = calloc(cap, sizeof *keys);
    int *kcls = calloc(cap, sizeof *kcls);
    bool *used = calloc(L->npara, 1);
    inj r = {0};
    findings fs = {0};
    if (!keys || !kcls || !used)
        die("out of memory");
    for (int cls = 0; cls < NCLASS; cls++) {
        if (!(mask & (1u << cls)))
            continue;
        const class_info *ci = &CLASSES[cls];
        memset(used, 0, L->npara);
        rng_state = (0x9E3779B97F4A7C15ull ^ (seed_value * 0x100000001B3ull)) +
                    (uint64_t)(li * 131 + cls) * 0x2545F4914F6CDD1Dull;
        for (size_t i = 0; i < per_cell; i++) {
            /* kinds in turn; a kind the corpus has no more room for gives way to another
             * drawn at random, so that no one kind takes all the rooms others lack */
            int first = (int)(i % (size_t)ci->nsub), sub = first, off = 0;
            for (int tries = 0; tries < 200 * ci->nsub; tries++) {
                if (tries && tries % 200 == 0) {
                    /* the others in turn, from one drawn at random */
                    if (!off)
                        off = 1 + (int)rnd((uint32_t)(ci->nsub - 1));
                    int k = (off + tries / 200 - 1) % (ci->nsub - 1);
                    sub = (first + 1 + k) % ci->nsub;
                }
                size_t pi = rnd((uint32_t)L->npara);
                if (used[pi] || !inject(L, cls, sub, L->para[pi], L->para_len[pi], &r) ||
                    (cls == C_CAPITALIZATION &&
                     injected_nearby(doc.s, doc.len, keys, kcls, nk, cls, r.out.s + r.s,
                                     r.e - r.s)) ||
                    (cls == C_QUOTES && sub == QUOTES_PAIR_MIXED &&
                     style_injected_nearby(doc.s, doc.len, keys, kcls, nk, r.out.s + r.s,
                                           r.out.len - r.s)))
                    continue;
                used[pi] = true;
                key *k = &keys[nk];
                kcls[nk++] = cls;
                size_t base = doc.len;
                buf_add(&doc, r.out.s, r.out.len);
                buf_add(&doc, "\n\n", 2);
                k->s = base + r.s;
                k->e = base + r.e;
                k->sub = sub;
                k->has_fix = r.has_fix;
                k->fs = base + r.fs;
                k->fe = base + r.fe;
                snprintf(k->fix, sizeof k->fix, "%s", r.fix);
                break;
            }
        }
        cells[li][cls].run = true;
    }
    /* a last clean paragraph, so that an inserted line stands between two */
    buf_add(&doc, L->para[0], L->para_len[0]);
    buf_add(&doc, "\n", 1);
    char path[600], name[64];
    int only = -1;
    for (int cls = 0; cls < NCLASS; cls++)
        if (mask == 1u << cls)
            only = cls;
    snprintf(name, sizeof name, "%s-%s", L->code, only >= 0 ? CLASSES[only].name : "all");
    snprintf(path, sizeof path, "%s/%s.txt", keep_dir ? keep_dir : tmpdir, name);
    write_file(path, doc.s ? doc.s : "", doc.len);
    if (keep_dir) {
        char kp[640];
        snprintf(kp, sizeof kp, "%s/%s.key.tsv", keep_dir, name);
        FILE *kf = fopen(kp, "w");
        if (!kf)
            die("%s: cannot write", kp);
        fprintf(kf, "# start\tend\tclass\tkind\tspan\tfix_start\tfix_end\tfix\n");
        for (size_t i = 0; i < nk; i++)
            fprintf(kf, "%zu\t%zu\t%s\t%s\t%.*s\t%zu\t%zu\t%s\n", keys[i].s, keys[i].e,
                    CLASSES[kcls[i]].name, CLASSES[kcls[i]].sub[keys[i].sub],
                    (int)(keys[i].e - keys[i].s), doc.s + keys[i].s, keys[i].fs, keys[i].fe,
                    keys[i].has_fix ? keys[i].fix : "-");
        fclose(kf);
    }
    run_tqc(L->code, path, &fs);
    int shown[NCLASS] = {0};
    for (size_t i = 0; i < nk; i++) {
        key *k = &keys[i];
        const class_info *ci = &CLASSES[kcls[i]];
        cell *c = &cells[li][kcls[i]];
        const finding *hit = NULL;
        for (size_t j = 0; j < fs.n && !hit; j++)
            if (fs.f[j].sev >= 1 &&
                names_rule(ci->sub_rules[k->sub] ? ci->sub_rules[k->sub] : ci->rules, &fs.f[j]) &&
                overlaps(&fs.f[j], k->s, k->e))
                hit = &fs.f[j];
        c->n++;
        c->sub_n[k->sub]++;
        if (hit) {
            c->caught++;
            c->sub_caught[k->sub]++;
        }
        if (hit && ci->one_fix && k->has_fix && !hit->has_fix)
            c->withheld++;
        else if (hit && ci->one_fix && k->has_fix) {
            c->fixable++;
            if (same_edit(&doc, hit->fo, hit->fo + hit->fl, hit->rep, k->fs, k->fe, k->fix))
                c->fixed++;
        }
        if (shown[kcls[i]]++ < samples) {
            size_t a = k->s > 60 ? k->s - 60 : 0, b = k->e + 40 < doc.len ? k->e + 40 : doc.len;
            printf("  sample %s %s/%s %s: ...", L->code, ci->name, ci->sub[k->sub],
                   hit ? "caught" : "MISSED");
            /* one line a sample: paragraph breaks shown as ¶ */
            for (size_t x = a; x < b; x++) {
                if (x == k->s)
                    fputs("[[", stdout);
                if (x == k->e)
                    fputs("]]", stdout);
                if (doc.s[x] == '\n')
                    fputs("¶", stdout);
                else
                    putchar(doc.s[x]);
            }
            printf("%s...\n", b == k->e ? "]]" : "");
        }
    }
    findings_clear(&fs);
    free(fs.f);
    free(r.out.s);
    free(keys);
    free(kcls);
    free(used);
    free(doc.s);
    if (!keep_dir)
        unlink(path);
}

/* ---- false alarms on the untouched corpus ----------------------------------------- */

typedef struct clean_row {
    bool run;
    const char *label;
    size_t words;
    tqc_strmap *rules;   /* rule -> findings at warning or error */
    size_t total;
} clean_row;

static clean_row clean[NLANG + 1];

static void run_clean(clean_row *row, const char *code, const char *path_in, const lang *L)
{
    char path[600];
    const char *target = path_in;
    buf text = {0};
    if (L) {
        /* the corpus as checked: its paragraphs, --quick only the first 300 */
        size_t np = quick && L->npara > 300 ? 300 : L->npara;
        for (size_t i = 0; i < np; i++) {
            buf_add(&text, L->para[i], L->para_len[i]);
            buf_add(&text, "\n\n", 2);
        }
        snprintf(path, sizeof path, "%s/%s-clean.txt", tmpdir, code);
        write_file(path, text.s ? text.s : "", text.len);
        target = path;
    } else {
        size_t len;
        char *t = read_file(path_in, &len);
        if (!t)
            return;
        t = apply_corrections(t, &len, code, path_in);
        /* and the errors of the rest of the whole corpus (corrections-<code>-all.tsv),
         * which the first file cannot hold: each must be in every text it corrects */
        char whole[32];
        snprintf(whole, sizeof whole, "%s-all", code);
        t = apply_corrections(t, &len, whole, path_in);
        text.s = t;
        text.len = len;
        /* checked as corrected (apply_corrections) */
        snprintf(path, sizeof path, "%s/%s-all.txt", tmpdir, code);
        write_file(path, t, len);
        target = path;
    }
    for (size_t i = 0; i < text.len; i++)
        row->words += (text.s[i] != ' ' && text.s[i] != '\n') &&
                      (i + 1 == text.len || text.s[i + 1] == ' ' || text.s[i + 1] == '\n');
    findings fs = {0};
    run_tqc(code, target, &fs);
    row->rules = tqc_strmap_new();
    for (size_t i = 0; i < fs.n; i++)
        if (fs.f[i].sev >= 1) {
            count_put(row->rules, fs.f[i].rule, strlen(fs.f[i].rule));
            row->total++;
        }
    row->run = true;
    findings_clear(&fs);
    free(fs.f);
    free(text.s);
    unlink(path);
}

/* ---- gold rows of corpus/<lang>/ ------------------------------------------------- */

typedef struct gold_cell {
    bool run;
    size_t required, caught;
} gold_cell;

static gold_cell gold[NLANG];

/* The required rows of one gold list, scored against the findings of its article. */
static void score_gold(int li, const char *txt, const char *tsv, const findings *fs, int file)
{
    size_t len, tl;
    char *text = read_file(txt, &tl), *g = read_file(tsv, &len);
    gold_cell *gc = &gold[li];
    gc->run = true;
    for (char *line = g, *next; text && line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (line[0] == '#' || !line[0])
            continue;
        char *f[5] = {0};
        char *p = line;
        for (int i = 0; i < 5 && p; i++) {
            f[i] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        if (!f[3] || strcmp(f[3], "required"))
            continue;
        long occ = strtol(f[2], NULL, 10);
        size_t sl = strlen(f[1]);
        const char *hit = NULL, *from = text;
        for (long k = 0; k < occ && sl; k++) {
            hit = NULL;
            for (const char *q = from; q + sl <= text + tl; q++)
                if (!memcmp(q, f[1], sl)) {
                    hit = q;
                    break;
                }
            if (!hit)
                break;
            from = hit + 1;
        }
        if (!hit) {
            fprintf(stderr, "eval_inject: %s: span not found: %s\n", tsv, f[1]);
            continue;
        }
        gc->required++;
        size_t s = (size_t)(hit - text), e = s + sl;
        for (size_t j = 0; j < fs->n; j++)
            if (fs->f[j].file == file && fs->f[j].sev >= 1 && names_rule(f[0], &fs->f[j]) &&
                overlaps(&fs->f[j], s, e)) {
                gc->caught++;
                break;
            }
    }
    free(text);
    free(g);
}

/* The language a gold list names in a `# lang: CODE` line, else dflt. */
static void gold_code(const char *tsv, const char *dflt, char *code, size_t cap)
{
    size_t len;
    char *g = read_file(tsv, &len);
    const char *lc = g ? strstr(g, "# lang:") : NULL;
    if (lc) {
        lc += 7;
        lc += strspn(lc, " \t");
        snprintf(code, cap, "%.*s", (int)strcspn(lc, " \t\r\n"), lc);
    } else
        snprintf(code, cap, "%s", dflt);
    free(g);
}

/* corpus/<lang>/: the articles with a gold list, checked in one run a language code. */
static void run_gold(int li)
{
    char dir[600];
    snprintf(dir, sizeof dir, "%s/corpus/%s", TQC_SOURCE_DIR, LANGS[li]);
    DIR *d = opendir(dir);
    if (!d)
        return;
    char *txt[256], *tsv[256], code[256][16];
    size_t nn = 0;
    for (struct dirent *de; (de = readdir(d)) && nn < 256;) {
        size_t l = strlen(de->d_name);
        if (l <= 9 || strcmp(de->d_name + l - 9, ".gold.tsv"))
            continue;
        char a[1200], b[1200];
        snprintf(a, sizeof a, "%s/%.*s.txt", dir, (int)(l - 9), de->d_name);
        snprintf(b, sizeof b, "%s/%s", dir, de->d_name);
        if (access(a, R_OK) != 0)
            continue;
        txt[nn] = xstrdup(a, strlen(a));
        tsv[nn] = xstrdup(b, strlen(b));
        gold_code(b, LANGS[li], code[nn], sizeof code[nn]);
        nn++;
    }
    closedir(d);
    bool done[256] = {false};
    findings fs = {0};
    for (size_t i = 0; i < nn; i++) {
        if (done[i])
            continue;
        char *batch[256];
        size_t idx[256], nb = 0;
        for (size_t j = i; j < nn; j++)
            if (!done[j] && !strcmp(code[j], code[i])) {
                idx[nb] = j;
                batch[nb++] = txt[j];
                done[j] = true;
            }
        run_tqcn(code[i], batch, nb, &fs);
        for (size_t b = 0; b < nb; b++)
            score_gold(li, txt[idx[b]], tsv[idx[b]], &fs, (int)b);
    }
    findings_clear(&fs);
    free(fs.f);
    for (size_t i = 0; i < nn; i++) {
        free(txt[i]);
        free(tsv[i]);
    }
}

/* ---- report ----------------------------------------------------------------------- */

static bool lang_on[NLANG], class_on[NCLASS];

/* False alarms on the clean corpora, per 10,000 words: every rule any corpus raised. */
static void print_clean(void)
{
    const char *rules[64];
    size_t nr = 0;
    bool any = false;
    for (int i = 0; i <= NLANG; i++) {
        any = any || clean[i].run;
        for (size_t k = 0; clean[i].run && k < tqc_strmap_count(clean[i].rules); k++) {
            const char *r = tqc_strmap_key(clean[i].rules, k, NULL);
            bool seen = false;
            for (size_t j = 0; j < nr; j++)
                seen = seen || !strcmp(rules[j], r);
            if (!seen && nr < 64)
                rules[nr++] = r;
        }
    }
    if (!any)
        return;
    printf("\n%-16s", "clean: per 10k");
    for (int i = 0; i <= NLANG; i++)
        if (clean[i].run)
            printf(" %9s", clean[i].label);
    printf("\n%-16s", "(words)");
    for (int i = 0; i <= NLANG; i++)
        if (clean[i].run)
            printf(" %9zu", clean[i].words);
    printf("\n");
    for (size_t j = 0; j <= nr; j++) {
        printf("%-16s", j < nr ? rules[j] : "all rules");
        for (int i = 0; i <= NLANG; i++) {
            if (!clean[i].run)
                continue;
            double v = j < nr ? (double)count_get(clean[i].rules, rules[j], strlen(rules[j]))
                              : (double)clean[i].total;
            printf(" %9.2f", clean[i].words ? v * 10000.0 / (double)clean[i].words : 0.0);
        }
        printf("\n");
    }
}


/* A table's title and the column of each language run. */
static void table_head(const char *title)
{
    printf("\n%-16s", title);
    for (int li = 0; li < NLANG; li++)
        if (lang_on[li])
            printf(" %14s", LANGS[li]);
    printf("\n");
}
/* A share a/b in a table, or n/a with nothing to share. */
static void ratio_cell(bool any, size_t a, size_t b)
{
    if (!any || !b)
        printf(" %14s", "n/a");
    else
        printf("  %4.2f %3zu/%-3zu", (double)a / (double)b, a, b);
}

static void recall_cell(const cell *c) { ratio_cell(c->run, c->caught, c->n); }
static void fix_cell(const cell *c) { ratio_cell(true, c->fixed, c->fixable); }
static void withheld_cell(const cell *c) { printf(" %14zu", c->withheld); }

/* One table: a row a class run (only classes with one right fix when fixes), a cell a
 * language run. */
static void table_rows(const char *title, bool fixes, void (*cell_of)(const cell *))
{
    table_head(title);
    for (int ci = 0; ci < NCLASS; ci++) {
        if (!class_on[ci] || (fixes && !CLASSES[ci].one_fix))
            continue;
        printf("%-16s", CLASSES[ci].name);
        for (int li = 0; li < NLANG; li++)
            if (lang_on[li])
                cell_of(&cells[li][ci]);
        printf("\n");
    }
}

/* Recall of each kind of the classes with more than one, a row a kind. */
static void kind_rows(void)
{
    printf("\n%-28s", "recall by kind");
    for (int li = 0; li < NLANG; li++)
        if (lang_on[li])
            printf(" %14s", LANGS[li]);
    printf("\n");
    for (int ci = 0; ci < NCLASS; ci++) {
        if (!class_on[ci] || CLASSES[ci].nsub < 2)
            continue;
        for (int s = 0; s < CLASSES[ci].nsub; s++) {
            char name[64];
            snprintf(name, sizeof name, "%s/%s", CLASSES[ci].name, CLASSES[ci].sub[s]);
            printf("%-28s", name);
            for (int li = 0; li < NLANG; li++)
                if (lang_on[li])
                    ratio_cell(cells[li][ci].run, cells[li][ci].sub_caught[s], cells[li][ci].sub_n[s]);
            printf("\n");
        }
    }
}

static void print_tables(void)
{
    table_rows("recall", false, recall_cell);
    kind_rows();
    table_rows("first fix right", true, fix_cell);
    table_rows("no fix offered", true, withheld_cell);
    print_clean();
    bool any_gold = false;
    for (int li = 0; li < NLANG; li++)
        any_gold = any_gold || gold[li].run;
    if (any_gold) {
        printf("\n%-16s", "gold required");
        for (int li = 0; li < NLANG; li++)
            if (lang_on[li])
                printf(" %14s", LANGS[li]);
        printf("\n%-16s", "corpus/<lang>");
        for (int li = 0; li < NLANG; li++) {
            if (!lang_on[li])
                continue;
            gold_cell *g = &gold[li];
            if (!g->required)
                printf(" %14s", "n/a");
            else
                printf("  %4.2f %3zu/%-3zu", (double)g->caught / (double)g->required, g->caught,
                       g->required);
        }
        printf("\n");
    }
}

static void write_json(const char *path, unsigned long seed)
{
    FILE *f = fopen(path, "w");
    if (!f)
        die("%s: cannot write", path);
    fprintf(f, "{\"tqc\":\"%s\",\"seed\":%lu,\"per_cell\":%zu,\"quick\":%s,\"inject\":[", tqc_path,
            seed, per_cell, quick ? "true" : "false");
    bool first = true;
    for (int li = 0; li < NLANG; li++)
        for (int ci = 0; ci < NCLASS; ci++) {
            cell *c = &cells[li][ci];
            if (!c->run)
                continue;
            fprintf(f, "%s\n{\"lang\":\"%s\",\"class\":\"%s\",\"injected\":%zu,\"caught\":%zu,"
                    "\"recall\":%.4f", first ? "" : ",", LANGS[li], CLASSES[ci].name, c->n,
                    c->caught, c->n ? (double)c->caught / (double)c->n : 0.0);
            if (CLASSES[ci].one_fix)
                fprintf(f, ",\"fixable\":%zu,\"fixed\":%zu,\"first_fix_accuracy\":%.4f,"
                        "\"no_fix\":%zu", c->fixable, c->fixed,
                        c->fixable ? (double)c->fixed / (double)c->fixable : 0.0, c->withheld);
            fprintf(f, ",\"kinds\":{");
            for (int s = 0; s < CLASSES[ci].nsub; s++)
                fprintf(f, "%s\"%s\":{\"injected\":%zu,\"caught\":%zu}", s ? "," : "",
                        CLASSES[ci].sub[s], c->sub_n[s], c->sub_caught[s]);
            fprintf(f, "}}");
            first = false;
        }
    fprintf(f, "],\n\"clean\":[");
    first = true;
    for (int i = 0; i <= NLANG; i++) {
        clean_row *row = &clean[i];
        if (!row->run)
            continue;
        fprintf(f, "%s\n{\"corpus\":\"%s\",\"words\":%zu,\"per_10k\":{", first ? "" : ",", row->label,
                row->words);
        for (size_t k = 0; k < tqc_strmap_count(row->rules); k++)
            fprintf(f, "%s\"%s\":%.3f", k ? "," : "", tqc_strmap_key(row->rules, k, NULL),
                    (double)tqc_strmap_value(row->rules, k) * 10000.0 / (double)row->words);
        fprintf(f, "},\"all\":%.3f}", row->words ? (double)row->total * 10000.0 / (double)row->words : 0.0);
        first = false;
    }
    fprintf(f, "],\n\"gold\":[");
    first = true;
    for (int li = 0; li < NLANG; li++)
        if (gold[li].run) {
            fprintf(f, "%s{\"lang\":\"%s\",\"required\":%zu,\"caught\":%zu}", first ? "" : ",",
                    LANGS[li], gold[li].required, gold[li].caught);
            first = false;
        }
    fprintf(f, "]}\n");
    if (fclose(f) != 0)
        die("%s: cannot write", path);
}

/* Floors: `inject LANG CLASS FLOOR` (CLASS/KIND: one kind's) and `gold LANG FLOOR`, #
 * comments. 0 when all hold. */
static int gate(const char *path)
{
    size_t len;
    char *t = read_file(path, &len);
    if (!t)
        die("%s: %s", path, strerror(errno));
    int bad = 0, checked = 0;
    size_t lineno = 0;
    for (char *line = t, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (line[0] == '#' || !line[0])
            continue;
        char kind[16], code[8], cls[64];
        double floor_v;
        int li = -1, ci = -1;
        if (sscanf(line, "inject %7s %63s %lf", code, cls, &floor_v) == 3)
            snprintf(kind, sizeof kind, "inject");
        else if (sscanf(line, "gold %7s %lf", code, &floor_v) == 2)
            snprintf(kind, sizeof kind, "gold");
        else
            die("%s:%zu: expected `inject LANG CLASS FLOOR` or `gold LANG FLOOR`", path, lineno);
        for (int i = 0; i < NLANG; i++)
            if (!strcmp(LANGS[i], code))
                li = i;
        if (li < 0)
            die("%s:%zu: unknown language %s", path, lineno, code);
        if (!strcmp(kind, "gold")) {
            if (!gold[li].run)
                continue;
            double r = gold[li].required ? (double)gold[li].caught / (double)gold[li].required : 1.0;
            checked++;
            if (r < floor_v) {
                printf("gate: FAIL gold %s: recall %.2f on required rows is below its floor %.2f\n",
                       code, r, floor_v);
                bad = 1;
            }
            continue;
        }
        /* CLASS, or CLASS/KIND for one kind of it */
        char *slash = strchr(cls, '/');
        int sub = -1;
        if (slash)
            *slash = '\0';
        for (int i = 0; i < NCLASS; i++)
            if (!strcmp(CLASSES[i].name, cls))
                ci = i;
        if (ci < 0)
            die("%s:%zu: unknown class %s", path, lineno, cls);
        for (int i = 0; slash && i < CLASSES[ci].nsub; i++)
            if (!strcmp(CLASSES[ci].sub[i], slash + 1))
                sub = i;
        if (slash && sub < 0)
            die("%s:%zu: unknown kind %s of %s", path, lineno, slash + 1, cls);
        cell *c = &cells[li][ci];
        size_t n = sub < 0 ? c->n : c->sub_n[sub], caught = sub < 0 ? c->caught : c->sub_caught[sub];
        /* a kind the corpus had no room for this run is not judged */
        if (!c->run || (sub >= 0 && !n))
            continue;
        double r = n ? (double)caught / (double)n : 0.0;
        checked++;
        if (r < floor_v) {
            printf("gate: FAIL %s%s%s %s: recall %.2f (%zu/%zu) is below its floor %.2f\n", cls,
                   sub < 0 ? "" : "/", sub < 0 ? "" : CLASSES[ci].sub[sub], code, r, caught, n,
                   floor_v);
            bad = 1;
        }
    }
    free(t);
    printf("gate: %d floors checked, %s\n", checked, bad ? "FAILED" : "all hold");
    return bad;
}

/* ---- self-test: what each injector made, checked ---------------------------------- */

static bool find_mem(const char *hay, size_t hn, const char *needle, size_t nn)
{
    for (size_t i = 0; nn && i + nn <= hn; i++)
        if (!memcmp(hay + i, needle, nn))
            return true;
    return false;
}

static size_t strip_spaces(const char *s, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            out[k++] = s[i];
    return k;
}

static size_t count_char(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

/* Why the injection r of p is not a defect of its class, or NULL when it is one. */
static const char *check_injection(lang *L, int cls, int sub, const char *p, size_t n, const inj *r)
{
    const char *o = r->out.s, *sp = o + r->s;
    size_t on = r->out.len, sl = r->e - r->s;
    if (r->s >= r->e || r->e > on)
        return "span empty or outside the text";
    if (on == n && !memcmp(o, p, n))
        return "text unchanged";
    if (r->restores) {
        buf b = {0};
        buf_add(&b, o, r->fs);
        buf_str(&b, r->fix);
        buf_add(&b, o + r->fe, on - r->fe);
        bool same = b.len == n && !memcmp(b.s, p, n);
        free(b.s);
        if (!same)
            return "the right fix does not give the original back";
    }
    switch (cls) {
    case C_MISSING_SPACE:
        if (memchr(sp, ' ', sl))
            return "a space inside the joined span";
        if (sub < 3 && spell_ok(L, sp, sl))
            return "the dictionary accepts the join";
        if (sub == 3 && !memchr(sp, '.', sl) && !memchr(sp, '!', sl) && !memchr(sp, '?', sl))
            return "no sentence mark in the join";
        break;
    case C_CAPITALIZATION:
        if (sub == 5) {
            const char *dot = memchr(sp, '.', sl);
            if (!dot || dot + 2 >= sp + sl || dot[1] != ' ' || !is_lower_at(sp, sl, (size_t)(dot + 2 - sp)))
                return "no full stop before a lower-case word";
        } else if (!tqc_text_equal_fold(o, on, p, n))
            return "more than case changed";
        break;
    case C_FRAGMENT: {
        if (count_char(o, on, '.') != count_char(p, n, '.') + 1 || sp[sl - 1] != '.')
            return "not one more sentence, ending in a full stop";
        static word w[MAX_WORDS];
        size_t k = words_of(sp, sl, w, MAX_WORDS);
        if ((sub < 2 || sub == 4) && L->lex && !verbless(L, sp, w, 0, k))
            return "a finite verb in the fragment";
        break;
    }
    case C_NUMBER: {
        bool digit = false;
        for (size_t i = 0; i < sl; i++)
            digit = digit || (sp[i] >= '0' && sp[i] <= '9');
        if (!digit)
            return "no digit in the span";
        break;
    }
    case C_SPELLING:
        if (memchr(sp, ' ', sl) || spell_ok(L, sp, sl))
            return "the slip is no single word the dictionary rejects";
        break;
    case C_REPEATED: {
        size_t h = sl / 2;
        if (sl % 2 != 1 || sp[h] != ' ' || memcmp(sp, sp + h + 1, h))
            return "the span is not one word twice";
        break;
    }
    case C_SPACING: {
        char *a = malloc(on + 1), *b = malloc(n + 1);
        bool same = a && b && strip_spaces(o, on, a) == strip_spaces(p, n, b) &&
                    !memcmp(a, b, strip_spaces(p, n, b));
        free(a);
        free(b);
        if (!same)
            return "more than spaces changed";
        break;
    }
    case C_BOILERPLATE:
    case C_STRAY:
        if (memcmp(o, p, n) || on < n + 3 || memcmp(o + n, "\n\n", 2))
            return "not a line after the paragraph";
        break;
    case C_UNTRANSLATED:
        if (sl < 20 || find_mem(p, n, sp, sl))
            return "no foreign sentence inserted";
        break;
    case C_ENCODING:
        if (!find_mem(sp, sl, "\u200b", 3) && !find_mem(sp, sl, "\xc3\x83", 2) &&
            !find_mem(sp, sl, "\xc3\xa2", 2) && !find_mem(sp, sl, "\xc3\x85", 2) &&
            !find_mem(sp, sl, "\xc2", 1))
            return "neither mojibake nor a zero-width space";
        break;
    case C_QUOTES:
        if ((sub == 1 || sub == 11) && on >= n)
            return "no mark dropped";
        break;
    default:
        break;
    }
    return NULL;
}

static int self_test(void)
{
    int failures = 0;
    inj r = {0};
    for (int li = 0; li < NLANG; li++) {
        lang *L = &langs[li];
        if (!lang_on[li] || !load_lang(L))
            continue;
        printf("self-test %s: %zu paragraphs, %zu words, lexicon %s\n", L->code, L->npara, L->words,
               L->lex ? "yes" : "no (fragment: name-head only)");
        for (int ci = 0; ci < NCLASS; ci++) {
            if (!class_on[ci])
                continue;
            size_t made_class = 0;
            printf("  %-15s", CLASSES[ci].name);
            for (int sub = 0; sub < CLASSES[ci].nsub; sub++) {
                rng_state = 0x2545F4914F6CDD1Dull + (uint64_t)(li * 97 + ci * 7 + sub);
                size_t made = 0;
                for (int t = 0; t < 400 && made < 20; t++) {
                    size_t pi = rnd((uint32_t)L->npara);
                    if (!inject(L, ci, sub, L->para[pi], L->para_len[pi], &r))
                        continue;
                    made++;
                    const char *why = check_injection(L, ci, sub, L->para[pi], L->para_len[pi], &r);
                    if (why) {
                        failures++;
                        printf("\n  FAIL %s %s/%s: %s: %.*s\n", L->code, CLASSES[ci].name,
                               CLASSES[ci].sub[sub], why, (int)(r.e - r.s), r.out.s + r.s);
                    }
                }
                made_class += made;
                printf(" %s:%zu", CLASSES[ci].sub[sub], made);
            }
            printf("\n");
            if (!made_class) {
                failures++;
                printf("  FAIL %s %s: no injection made\n", L->code, CLASSES[ci].name);
            }
        }
    }
    free(r.out.s);
    printf("self-test: %s (%d failures)\n", failures ? "FAILED" : "ok", failures);
    return failures ? 1 : 0;
}

/* ---- main ------------------------------------------------------------------------- */

static void select_list(const char *list, bool *on, int n, const char *const *names)
{
    for (int i = 0; i < n; i++)
        on[i] = false;
    for (const char *p = list; *p;) {
        size_t l = strcspn(p, ",");
        bool found = false;
        for (int i = 0; i < n; i++)
            if (strlen(names[i]) == l && !memcmp(names[i], p, l))
                on[i] = found = true;
        if (!found)
            die("unknown name: %.*s", (int)l, p);
        p += l + (p[l] == ',');
    }
}

static void usage(void)
{
    fprintf(stderr,
            "usage: eval_inject [--tqc PATH] [--quick] [--per N] [--seed N] [--lang L,...]\n"
            "                   [--class C,...] [--json FILE] [--gate FLOORS] [--no-gold] [--no-clean]\n"
            "                   [--tqc-arg ARG]... [--samples N] [--keep DIR] [--lexicons DIR]\n"
            "       eval_inject --self-test [--lang L,...] [--class C,...]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *json = NULL, *floors = NULL;
    bool test = false, no_gold = false, no_clean = false;
    unsigned long seed = 1;   /* also seed_value, which the injections use */
    const char *class_names[NCLASS];
    for (int i = 0; i < NCLASS; i++)
        class_names[i] = CLASSES[i].name;
    for (int i = 0; i < NLANG; i++)
        lang_on[i] = true;
    for (int i = 0; i < NCLASS; i++)
        class_on[i] = true;
    shared_dir = getenv("TQC_SHARED") ? getenv("TQC_SHARED") : TQC_SOURCE_DIR "/../shared/corpus";
    bool per_set = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--quick"))
            quick = true;
        else if (!strcmp(a, "--self-test"))
            test = true;
        else if (!strcmp(a, "--no-gold"))
            no_gold = true;
        else if (!strcmp(a, "--no-clean"))
            no_clean = true;
        else if (!v)
            usage();
        else if (!strcmp(a, "--tqc"))
            tqc_path = argv[++i];
        else if (!strcmp(a, "--per"))
            per_cell = (size_t)strtoul(argv[++i], NULL, 10), per_set = true;
        else if (!strcmp(a, "--seed"))
            seed = seed_value = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(a, "--lang"))
            select_list(argv[++i], lang_on, NLANG, LANGS);
        else if (!strcmp(a, "--class"))
            select_list(argv[++i], class_on, NCLASS, class_names);
        else if (!strcmp(a, "--json"))
            json = argv[++i];
        else if (!strcmp(a, "--gate"))
            floors = argv[++i];
        else if (!strcmp(a, "--tqc-arg") && ntqc_args < 16)
            tqc_args[ntqc_args++] = argv[++i];
        else if (!strcmp(a, "--samples"))
            samples = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(a, "--lexicons"))
            lexicon_dir = argv[++i];
        else if (!strcmp(a, "--keep"))
            keep_dir = argv[++i];
        else
            usage();
    }
    if (quick && !per_set)
        per_cell = 30;
    for (int i = 0; i < NLANG; i++)
        langs[i].code = LANGS[i];
    if (test)
        return self_test();
    snprintf(tmpdir, sizeof tmpdir, "%s/eval_inject.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmpdir))
        die("cannot make a temporary folder: %s", strerror(errno));
    if (access(tqc_path, X_OK) != 0)
        die("%s: not an executable (--tqc PATH)", tqc_path);
    printf("== injection: %zu per class and language, seed %lu, %s\n", per_cell, seed, tqc_path);
    for (int li = 0; li < NLANG; li++) {
        if (!lang_on[li])
            continue;
        lang *L = &langs[li];
        if (!load_lang(L)) {
            lang_on[li] = false;
            continue;
        }
        /* --quick: all classes in one document; otherwise one document a class */
        unsigned all = 0;
        for (int ci = 0; ci < NCLASS; ci++)
            if (class_on[ci]) {
                all |= 1u << ci;
                if (!quick)
                    run_batch(li, 1u << ci);
            }
        if (quick && all)
            run_batch(li, all);
        clean[li].label = LANGS[li];
        if (!no_clean)
            run_clean(&clean[li], L->code, NULL, L);
        if (!no_gold)
            run_gold(li);
    }
    if (!quick && !no_clean && lang_on[0]) {
        char path[1200];
        snprintf(path, sizeof path, "%s/external/brown-all.txt", shared_dir);
        if (access(path, R_OK) == 0) {
            clean[NLANG].label = "en:all";
            run_clean(&clean[NLANG], "en", path, NULL);
        }
    }
    print_tables();
    if (json)
        write_json(json, seed);
    int rc = floors ? gate(floors) : 0;
    char ep[300];
    snprintf(ep, sizeof ep, "%s/stderr", tmpdir);
    unlink(ep);
    rmdir(tmpdir);
    for (int li = 0; li < NLANG; li++) {
        lang *L = &langs[li];
        if (L->hun)
            Hunspell_destroy(L->hun);
        tqc_lex_free(L->lex);
        tqc_strmap_free(L->lower_count);
        tqc_strmap_free(L->cap_mid);
        tqc_strmap_free(L->doubles);
        free(L->text);
    }
    return rc;
}
