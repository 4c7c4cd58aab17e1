/* eval_forms: builds a language's compiled forms file (lang/forms.h) and prints the
 * dictionary's answers for words read from stdin, one a line, so that a run with the
 * forms (TQC_FORMS unset) and one with Hunspell alone (TQC_FORMS=0) can be diffed: the
 * compiled answers must equal Hunspell's on every word (issue 15).
 *   build/eval_forms --lang L [--data DIR] [--build] [--variants] < words
 * prints `word<TAB>known<TAB>name-entry` a line (1 or 0); --build reports the build's time
 * and size on stderr first, and the number of Hunspell lookups is reported last.
 * --variants asks, besides each word, what compounding and the passes make of it: its
 * lower case, capitals and initial capital, its join with the next word (as written, in
 * lower case, with a linking s: generated compounds), every cut of two characters or more
 * from either end, and each slip of one character dropped or two swapped; each distinct
 * word once, in the order made. The
 * forms file is in TQC_CACHE_DIR; delete its verdict-*.bin files between the two runs,
 * or the second run reads the first one's answers from them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/strmap.h"
#include "core/text.h"
#include "lang/dict.h"
#include "lang/lang.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#define MAX_WORD 1024

/* Prints dict's answers on word (len bytes) unless seen has it. */
static void ask(tqc_dict *dict, tqc_strmap *seen, const char *word, size_t len)
{
    if (len == 0 || len > 100 || tqc_strmap_get(seen, word, len, &(uint64_t){0}) ||
        !tqc_strmap_put(seen, word, len, 1))
        return;
    printf("%.*s\t%d\t%d\n", (int)len, word, tqc_dict_known(dict, word, len),
           tqc_dict_name_entry(dict, word, len));
}

/* The character offsets of word (at most MAX_WORD of them, and its end); how many. */
static size_t char_offsets(const char *word, size_t len, size_t *at)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < MAX_WORD;) {
        int32_t cp;
        at[n++] = i;
        i += tqc_text_decode(word + i, len - i, &cp);
    }
    at[n] = len;
    return n;
}

/* Asks word (len bytes), its variants (see --variants) and its joins with next. */
static void ask_variants(tqc_dict *dict, tqc_strmap *seen, const char *word, size_t len,
                         const char *next, size_t nlen)
{
    char buf[4 * MAX_WORD + 8], low[4 * MAX_WORD + 8];
    size_t at[MAX_WORD + 1], n;
    ask(dict, seen, word, len);
    static const tqc_case cases[] = {TQC_CASE_LOWER, TQC_CASE_UPPER, TQC_CASE_TITLE};
    for (size_t k = 0; k < 3; k++)
        if ((n = tqc_text_case(word, len, cases[k], buf, sizeof buf)))
            ask(dict, seen, buf, n);
    size_t ll = next ? tqc_text_case(next, nlen, TQC_CASE_LOWER, low, sizeof low) : 0;
    if (next && len + nlen + 1 < sizeof buf && ll && len + ll + 1 < sizeof buf) {
        memcpy(buf, word, len);
        memcpy(buf + len, next, nlen);
        ask(dict, seen, buf, len + nlen);
        memcpy(buf + len, low, ll);
        ask(dict, seen, buf, len + ll);
        buf[len] = 's';
        memcpy(buf + len + 1, low, ll);
        ask(dict, seen, buf, len + 1 + ll);
    }
    if (memchr(word, '-', len))
        return;
    size_t nc = char_offsets(word, len, at);
    for (size_t k = 1; k + 1 < nc; k++) {
        ask(dict, seen, word + at[k], len - at[k]);
        ask(dict, seen, word, at[k + 1]);
    }
    for (size_t k = 0; k < nc; k++) {
        /* Character k dropped; characters k and k + 1 swapped. */
        memcpy(buf, word, at[k]);
        memcpy(buf + at[k], word + at[k + 1], len - at[k + 1]);
        ask(dict, seen, buf, len - (at[k + 1] - at[k]));
        if (k + 1 < nc) {
            size_t a = at[k + 1] - at[k], b = at[k + 2] - at[k + 1];
            memcpy(buf + at[k], word + at[k + 1], b);
            memcpy(buf + at[k] + b, word + at[k], a);
            memcpy(buf + at[k] + a + b, word + at[k + 2], len - at[k + 2]);
            ask(dict, seen, buf, len);
        }
    }
}

int main(int argc, char **argv)
{
    const char *code = "en", *data = ".";
    int build = 0, variants = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            code = argv[++i];
        else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--build") == 0)
            build = 1;
        else if (strcmp(argv[i], "--variants") == 0)
            variants = 1;
        else {
            fprintf(stderr, "usage: eval_forms --lang L [--data DIR] [--build] [--variants] < words\n");
            return 2;
        }
    }
    char err[512];
    tqc_lang *lang = NULL;
    tqc_dict *dict = NULL;
    if (tqc_lang_load(data, code, &lang, err, sizeof err) != TQC_OK ||
        tqc_dict_open(lang, data, NULL, &dict, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "eval_forms: %s\n", err);
        tqc_lang_free(lang);
        return 1;
    }
    if (build) {
        size_t forms = 0;
        bool complete = false;
        double t = now();
        if (tqc_dict_compile(dict, &forms, &complete, err, sizeof err) != TQC_OK)
            fprintf(stderr, "eval_forms: %s\n", err);
        fprintf(stderr, "%s (%s): %zu forms, %s, %.2f s\n", code, tqc_dict_name(dict), forms,
                complete ? "complete" : "partial", now() - t);
    }
    char line[2][MAX_WORD];
    size_t n[2] = {0, 0}, cur = 0;
    tqc_strmap *seen = tqc_strmap_new();
    bool have = false;
    while (seen && fgets(line[cur], sizeof line[cur], stdin)) {
        n[cur] = strcspn(line[cur], "\r\n");
        line[cur][n[cur]] = '\0';
        if (n[cur] == 0)
            continue;
        if (!variants) {
            printf("%s\t%d\t%d\n", line[cur], tqc_dict_known(dict, line[cur], n[cur]),
                   tqc_dict_name_entry(dict, line[cur], n[cur]));
            continue;
        }
        /* A word is asked once the next one is read, for its joins. */
        if (have)
            ask_variants(dict, seen, line[!cur], n[!cur], line[cur], n[cur]);
        have = true;
        cur = !cur;
    }
    if (have)
        ask_variants(dict, seen, line[!cur], n[!cur], NULL, 0);
    tqc_strmap_free(seen);
    size_t cached, lookups;
    tqc_dict_stats(dict, &cached, &lookups);
    fprintf(stderr, "%s: %zu Hunspell lookups\n", code, lookups);
    tqc_dict_free(dict);
    tqc_lang_free(lang);
    return 0;
}
