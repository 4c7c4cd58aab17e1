#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lang/lex.h"
#include "pass/pass.h"
#include "seg/seg.h"
#include "tqc_test.h"

/* A fresh folder holding dictionaries/xx/lexicon.tsv with contents; its path into dir. */
static void write_lexicon(char *dir, size_t cap, const char *contents, char *file, size_t fcap)
{
    snprintf(dir, cap, "/tmp/tqc-lex-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char sub[128];
    snprintf(sub, sizeof sub, "%s/dictionaries", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    snprintf(sub, sizeof sub, "%s/dictionaries/xx", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    snprintf(file, fcap, "%s/lexicon.tsv", sub);
    FILE *f = fopen(file, "w");
    ck_assert_ptr_nonnull(f);
    fputs(contents, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* Makes the folder named by the template cache (mkdtemp) the cache folder; returns the
 * old setting, for leave_cache. */
static char *enter_cache(char *cache)
{
    ck_assert_ptr_nonnull(mkdtemp(cache));
    const char *old = getenv("TQC_CACHE_DIR");
    char *saved = old ? strdup(old) : NULL;
    setenv("TQC_CACHE_DIR", cache, 1);
    return saved;
}

/* Restores the cache folder setting enter_cache saved (and frees it); removes cache. */
static void leave_cache(char *saved, const char *cache)
{
    if (saved)
        setenv("TQC_CACHE_DIR", saved, 1);
    else
        unsetenv("TQC_CACHE_DIR");
    free(saved);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", cache);
    ck_assert_int_eq(system(cmd), 0);
}

static void remove_lexicon(const char *dir, const char *file)
{
    char sub[512];
    unlink(file);
    snprintf(sub, sizeof sub, "%s/dictionaries/xx", dir);
    rmdir(sub);
    snprintf(sub, sizeof sub, "%s/dictionaries", dir);
    rmdir(sub);
    rmdir(dir);
}

/* Many lines, so the search crosses several halvings; forms of every length around. */
static const char good[] =
    "# source: written for this test\n"
    "# licence: none\n"
    "'s\tAUX\n"
    "Abend\tNOUN\n"
    "Paris\tPROPN\n"
    "a\tDET,PREP\n"
    "ab\tPREP\n"
    "abc\tNOUN\n"
    "goes\tVFIN\n"
    "has\tAUX,VFIN\n"
    "l'\tDET\n"
    "n'\tADV\n"
    "said\tVFIN,VPART\n"
    "saying\tVGER,NOUN\n"
    "to\tPREP\n"
    "yes\tINTJ,ADV\n"
    "\xc3\xa9t\xc3\xa9\tVPART,NOUN\n";

START_TEST(test_lookup_every_entry_and_misses)
{
    char dir[64], file[512], err[512];
    write_lexicon(dir, sizeof dir, good, file, sizeof file);
    tqc_lex *lex = NULL;
    ck_assert_int_eq(tqc_lex_open(file, &lex, err, sizeof err), TQC_OK);
    ck_assert_uint_eq(tqc_lex_count(lex), 15);
    ck_assert_uint_eq(tqc_lex_pos(lex, "Abend", 5), TQC_POS_NOUN);
    ck_assert_uint_eq(tqc_lex_pos(lex, "a", 1), TQC_POS_DET | TQC_POS_PREP);
    ck_assert_uint_eq(tqc_lex_pos(lex, "ab", 2), TQC_POS_PREP);
    ck_assert_uint_eq(tqc_lex_pos(lex, "abc", 3), TQC_POS_NOUN);
    ck_assert_uint_eq(tqc_lex_pos(lex, "has", 3), TQC_POS_AUX | TQC_POS_VFIN);
    ck_assert_uint_eq(tqc_lex_pos(lex, "said", 4), TQC_POS_VFIN | TQC_POS_VPART);
    ck_assert_uint_eq(tqc_lex_pos(lex, "yes", 3), TQC_POS_INTJ | TQC_POS_ADV);
    ck_assert_uint_eq(tqc_lex_pos(lex, "\xc3\xa9t\xc3\xa9", 5), TQC_POS_VPART | TQC_POS_NOUN);
    ck_assert(tqc_lex_pos(lex, "said", 4) & TQC_POS_VERB);
    /* Unknown: before the first, after the last, between, prefixes, case differs. */
    ck_assert_uint_eq(tqc_lex_pos(lex, "AAA", 3), 0);
    ck_assert_uint_eq(tqc_lex_pos(lex, "\xff", 1), 0);
    ck_assert_uint_eq(tqc_lex_pos(lex, "abd", 3), 0);
    ck_assert_uint_eq(tqc_lex_pos(lex, "sai", 3), 0);
    ck_assert_uint_eq(tqc_lex_pos(lex, "Said", 4), 0);
    ck_assert_uint_eq(tqc_lex_pos(lex, "saidx", 5), 0);
    ck_assert_uint_eq(tqc_lex_pos(lex, "", 0), 0);
    /* A length shorter than the string: only those bytes count. */
    ck_assert_uint_eq(tqc_lex_pos(lex, "goesX", 4), TQC_POS_VFIN);
    ck_assert_uint_eq(tqc_lex_pos(NULL, "a", 1), 0);
    /* Letter trigrams no word has, case aside; a name is no word (`Paris`: all five of
     * `paris` are odd). */
    size_t spread;
    ck_assert_uint_eq(tqc_lex_odd_trigrams(lex, "Said", 4, &spread), 0);
    ck_assert_uint_eq(tqc_lex_odd_trigrams(lex, "saidx", 5, &spread), 2); /* idx dx$ */
    ck_assert_uint_eq(spread, 1);
    ck_assert_uint_eq(tqc_lex_odd_trigrams(lex, "paris", 5, &spread), 5);
    ck_assert_uint_eq(spread, 4);
    ck_assert_uint_eq(tqc_lex_odd_trigrams(lex, "l'abc", 5, &spread), 0); /* parts apart */
    ck_assert_uint_eq(tqc_lex_odd_trigrams(lex, "\xc3\xa9t\xc3\xa9", 5, &spread), 0);
    ck_assert_uint_eq(tqc_lex_odd_trigrams(NULL, "qqq", 3, &spread), 0);
    ck_assert_uint_eq(spread, 0);
    tqc_lex_free(lex);
    tqc_lex_free(NULL);
    remove_lexicon(dir, file);
}
END_TEST

START_TEST(test_corrupt_files_are_refused_naming_the_line)
{
    static const struct { const char *text, *line; } bad[] = {
        {"b\tNOUN\na\tNOUN\n", ":2:"},              /* out of order */
        {"a\tNOUN\na\tVFIN\n", ":2:"},              /* a repeated form */
        {"# h\na\tNOUN\nb\tVERB\n", ":3:"},          /* an unknown tag */
        {"a\tNOUN\nb NOUN\n", ":2:"},                /* no tab */
        {"a\tNOUN\nb\t\n", ":2:"},                   /* no tags */
        {"a\tNOUN\nb\tNOUN", ":2:"},                 /* no final newline */
        {"a\tNOUN,\n", ":1:"},                       /* an empty tag */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char dir[64], file[512], err[512] = "";
        write_lexicon(dir, sizeof dir, bad[i].text, file, sizeof file);
        tqc_lex *lex = (tqc_lex *)1;
        ck_assert_int_eq(tqc_lex_open(file, &lex, err, sizeof err), TQC_EINPUT);
        ck_assert_ptr_null(lex);
        ck_assert_msg(strstr(err, file) && strstr(err, bad[i].line), "%zu: %s", i, err);
        /* The profile refuses to load with it, with the same message. */
        tqc_lang *lang = (tqc_lang *)1;
        ck_assert_int_eq(tqc_lang_load(dir, "xx", &lang, err, sizeof err), TQC_EINPUT);
        ck_assert_ptr_null(lang);
        ck_assert_ptr_nonnull(strstr(err, "lexicon.tsv"));
        remove_lexicon(dir, file);
    }
    char err[512];
    tqc_lex *lex;
    ck_assert_int_eq(tqc_lex_open("/nonexistent/lexicon.tsv", &lex, err, sizeof err),
                     TQC_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/lexicon.tsv"));
}
END_TEST

START_TEST(test_empty_and_header_only_files_know_nothing)
{
    const char *texts[] = {"", "# only a header\n"};
    for (size_t i = 0; i < 2; i++) {
        char dir[64], file[512], err[512];
        write_lexicon(dir, sizeof dir, texts[i], file, sizeof file);
        tqc_lex *lex = NULL;
        ck_assert_int_eq(tqc_lex_open(file, &lex, err, sizeof err), TQC_OK);
        ck_assert_uint_eq(tqc_lex_count(lex), 0);
        ck_assert_uint_eq(tqc_lex_pos(lex, "a", 1), 0);
        tqc_lex_free(lex);
        remove_lexicon(dir, file);
    }
}
END_TEST

START_TEST(test_profile_owns_it_and_context_caches_per_token)
{
    char dir[64], file[512], err[512];
    write_lexicon(dir, sizeof dir, good, file, sizeof file);
    tqc_lang *lang = NULL;
    ck_assert_int_eq(tqc_lang_load(dir, "xx-YY", &lang, err, sizeof err), TQC_OK);
    ck_assert_ptr_nonnull(tqc_lang_lexicon(lang));
    const char *text = "Said Paris: yes, Goes.";
    tqc_doc *doc = tqc_doc_new("t.txt", text, strlen(text), "xx");
    ck_assert_int_eq(tqc_segment(doc, lang), TQC_OK);
    uint32_t *cache = calloc(2 * doc->token_count, sizeof *cache);
    tqc_ctx with = {.doc = doc, .lang = lang, .token_pos = cache};
    tqc_ctx without = {.doc = doc, .lang = lang};
    for (int round = 0; round < 2; round++)
        for (size_t k = 0; k < doc->token_count; k++) {
            ck_assert_uint_eq(tqc_ctx_pos(&with, k), tqc_ctx_pos(&without, k));
            ck_assert_uint_eq(tqc_ctx_pos_lower(&with, k), tqc_ctx_pos_lower(&without, k));
        }
    /* Said: unknown as written, a verb lower-cased; Paris only as written. */
    ck_assert_uint_eq(tqc_ctx_pos(&with, 0), 0);
    ck_assert_uint_eq(tqc_ctx_pos_lower(&with, 0), TQC_POS_VFIN | TQC_POS_VPART);
    ck_assert_uint_eq(tqc_ctx_pos(&with, 1), TQC_POS_PROPN);
    ck_assert_uint_eq(tqc_ctx_pos_lower(&with, 1), 0);
    ck_assert_uint_eq(tqc_ctx_pos(&with, 3), TQC_POS_INTJ | TQC_POS_ADV);
    ck_assert(cache[0] & TQC_CTX_POS_ASKED);
    free(cache);
    tqc_doc_free(doc);
    /* Elided words before a known word answer for both; before an unknown one, nothing. */
    text = "n'has l\xe2\x80\x99" "abc l'xyz qu'abc Paris's";
    doc = tqc_doc_new("t.txt", text, strlen(text), "xx");
    ck_assert_int_eq(tqc_segment(doc, lang), TQC_OK);
    cache = calloc(2 * doc->token_count, sizeof *cache);
    with.doc = doc;
    with.token_pos = cache;
    ck_assert_uint_eq(doc->token_count, 5);
    ck_assert_uint_eq(tqc_ctx_pos(&with, 0), TQC_POS_ADV | TQC_POS_AUX | TQC_POS_VFIN);
    ck_assert_uint_eq(tqc_ctx_pos(&with, 1), TQC_POS_DET | TQC_POS_NOUN);
    ck_assert_uint_eq(tqc_ctx_pos(&with, 2), 0);
    ck_assert_uint_eq(tqc_ctx_pos(&with, 3), 0);
    ck_assert_uint_eq(tqc_ctx_pos(&with, 4), TQC_POS_PROPN | TQC_POS_AUX);
    free(cache);
    tqc_doc_free(doc);
    tqc_lang_free(lang);
    /* A language without a lexicon: every token unknown. */
    ck_assert_int_eq(tqc_lang_load(dir, "zz", &lang, err, sizeof err), TQC_OK);
    ck_assert_ptr_null(tqc_lang_lexicon(lang));
    tqc_lang_free(lang);
    remove_lexicon(dir, file);
}
END_TEST

/* The stamp that spares a validated lexicon its scan (lex.c) names that file as it was:
 * the same file is read without the scan and answers the same; the file rewritten with
 * lines out of order is validated again and refused. */
START_TEST(test_stamp_spares_only_the_same_file)
{
    char cache[] = "/tmp/tqc-lex-cache-XXXXXX", dir[64], file[128], err[512];
    char *saved = enter_cache(cache);
    write_lexicon(dir, sizeof dir, good, file, sizeof file);
    for (int round = 0; round < 2; round++) {   /* the first writes the stamp */
        tqc_lex *lex = NULL;
        ck_assert_int_eq(tqc_lex_open(file, &lex, err, sizeof err), TQC_OK);
        ck_assert_uint_eq(tqc_lex_count(lex), 15);
        ck_assert_uint_eq(tqc_lex_pos(lex, "goes", 4), TQC_POS_VFIN);
        ck_assert_uint_eq(tqc_lex_pos(lex, "\xc3\xa9t\xc3\xa9", 5), TQC_POS_VPART | TQC_POS_NOUN);
        ck_assert_uint_eq(tqc_lex_pos(lex, "go", 2), 0);
        tqc_lex_free(lex);
    }
    FILE *f = fopen(file, "w");
    ck_assert_ptr_nonnull(f);
    fputs("goes\tVFIN\nabc\tNOUN\n", f);
    ck_assert_int_eq(fclose(f), 0);
    tqc_lex *lex = NULL;
    ck_assert_int_eq(tqc_lex_open(file, &lex, err, sizeof err), TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(err, "byte order"));
    remove_lexicon(dir, file);
    leave_cache(saved, cache);
}
END_TEST

/* The hash index beside the stamp (lex.c) is written by the first run that asks the
 * lexicon thousands of times and mapped by the next; an index file that is damaged (its
 * header) or cut short is rebuilt, never read: every entry answers as before, and misses
 * stay misses. */
START_TEST(test_index_file_is_rebuilt_when_damaged)
{
    char cache[] = "/tmp/tqc-lex-cache-XXXXXX", dir[64], file[128], err[512], cmd[256];
    char *saved = enter_cache(cache);
    write_lexicon(dir, sizeof dir, good, file, sizeof file);
    /* 0: writes stamp and index; 1: maps them; 2: header zeroed; 3: cut short. */
    for (int round = 0; round < 4; round++) {
        if (round == 2)
            snprintf(cmd, sizeof cmd, "for f in %s/*.idx; do dd if=/dev/zero of=$f bs=8 "
                     "count=1 conv=notrunc 2>/dev/null; done", cache);
        else if (round == 3)
            snprintf(cmd, sizeof cmd, "for f in %s/*.idx; do truncate -s 100 $f; done", cache);
        if (round >= 2)
            ck_assert_int_eq(system(cmd), 0);
        tqc_lex *lex = NULL;
        ck_assert_int_eq(tqc_lex_open(file, &lex, err, sizeof err), TQC_OK);
        /* A short run searches the file and leaves no index; a long one builds it. */
        snprintf(cmd, sizeof cmd, "ls %s/*.idx >/dev/null 2>&1", cache);
        if (round == 0)
            ck_assert_int_ne(system(cmd), 0);
        for (int i = 0; i < 5000; i++)
            ck_assert_uint_eq(tqc_lex_pos(lex, i % 2 ? "goes" : "go", i % 2 ? 4 : 2),
                              i % 2 ? TQC_POS_VFIN : 0);
        ck_assert_uint_eq(tqc_lex_pos(lex, "'s", 2), TQC_POS_AUX);
        ck_assert_uint_eq(tqc_lex_pos(lex, "a", 1), TQC_POS_DET | TQC_POS_PREP);
        ck_assert_uint_eq(tqc_lex_pos(lex, "saying", 6), TQC_POS_VGER | TQC_POS_NOUN);
        ck_assert_uint_eq(tqc_lex_pos(lex, "yes", 3), TQC_POS_INTJ | TQC_POS_ADV);
        ck_assert_uint_eq(tqc_lex_pos(lex, "\xc3\xa9t\xc3\xa9", 5), TQC_POS_VPART | TQC_POS_NOUN);
        ck_assert_uint_eq(tqc_lex_pos(lex, "Goes", 4), 0);
        ck_assert_uint_eq(tqc_lex_pos(lex, "goes\tVFIN", 9), 0);
        ck_assert_uint_eq(tqc_lex_pos(lex, "ab\t", 3), 0);
        tqc_lex_free(lex);
        snprintf(cmd, sizeof cmd, "test \"$(head -c 8 %s/*.idx)\" = TQCLXI01", cache);
        ck_assert_int_eq(system(cmd), 0);   /* there, and whole again */
    }
    remove_lexicon(dir, file);
    leave_cache(saved, cache);
}
END_TEST

/* The letter-trigram table is written beside the stamp by the first run that asks and
 * read by the next; a table that is damaged, cut short or made for another version of the
 * lexicon is rebuilt from the lexicon, never read: the answers are the lexicon's. */
START_TEST(test_trigram_table_file_is_rebuilt_when_stale_or_damaged)
{
    char cache[] = "/tmp/tqc-lex-cache-XXXXXX", dir[64], file[128], err[512], cmd[256];
    char *saved = enter_cache(cache);
    write_lexicon(dir, sizeof dir, good, file, sizeof file);
    /* 0: writes it; 1: reads it; 2: its table zeroed (read, every trigram would be odd);
     * 3: cut short; 4: the lexicon gains `saidx`, so `idx` and `dx$` are no longer odd. */
    for (int round = 0; round < 5; round++) {
        snprintf(cmd, sizeof cmd, "ls %s/*.shp >/dev/null 2>&1", cache);
        ck_assert_int_eq(system(cmd) == 0, round > 0);
        if (round == 2)
            snprintf(cmd, sizeof cmd, "for f in %s/*.shp; do dd if=/dev/zero of=$f bs=1 "
                     "seek=24 count=2461 conv=notrunc 2>/dev/null; done", cache);
        else if (round == 3)
            snprintf(cmd, sizeof cmd, "for f in %s/*.shp; do truncate -s 100 $f; done", cache);
        else if (round == 4) {
            const char *at = strstr(good, "saying");
            FILE *f = fopen(file, "w");
            ck_assert_ptr_nonnull(f);
            fprintf(f, "%.*ssaidx\tNOUN\n%s", (int)(at - good), good, at);
            ck_assert_int_eq(fclose(f), 0);
        }
        if (round >= 2 && round <= 3)
            ck_assert_int_eq(system(cmd), 0);
        tqc_lex *lex = NULL;
        ck_assert_int_eq(tqc_lex_open(file, &lex, err, sizeof err), TQC_OK);
        size_t spread;
        ck_assert_uint_eq(tqc_lex_odd_trigrams(lex, "saidx", 5, &spread), round == 4 ? 0 : 2);
        ck_assert_uint_eq(tqc_lex_odd_trigrams(lex, "Said", 4, &spread), 0);
        ck_assert_uint_eq(tqc_lex_odd_trigrams(lex, "paris", 5, &spread), 5);
        ck_assert_uint_eq(tqc_lex_odd_trigrams(lex, "abend", 5, &spread), 0);
        tqc_lex_free(lex);
        snprintf(cmd, sizeof cmd, "test \"$(head -c 8 %s/*.shp)\" = TQCLXS01 && "
                 "test $(cat %s/*.shp | wc -c) -gt 2000", cache, cache);
        ck_assert_int_eq(system(cmd), 0);   /* there, and whole again */
    }
    remove_lexicon(dir, file);
    leave_cache(saved, cache);
}
END_TEST

/* Past its filter a foreign lexicon is searched through samples of its lines (every
 * 64th, with its form's first 12 bytes): the file's answers for forms at a sample, inside
 * a stretch, before the first and after the last, forms whose first 12 bytes are shared
 * (`internationalis000`, `internationalize000`), their prefixes and their run-ons. */
START_TEST(test_foreign_lookups_through_samples_answer_alike)
{
    char cache[] = "/tmp/tqc-lex-cache-XXXXXX", dir[64], file[128], err[512];
    char *saved = enter_cache(cache);
    static const char *const stems[] = {"b", "internationalis", "internationalize", "m", "zz"};
    size_t cap = 64 * 1024, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text + len, cap - len, "# source: written for this test\n");
    /* 5 stems x 100 numbered forms, in byte order: 500 lines, 8 samples */
    for (size_t s = 0; s < 5; s++)
        for (int i = 0; i < 100; i++)
            len += (size_t)snprintf(text + len, cap - len, "%s%03d\t%s\n", stems[s], i,
                                    i % 2 ? "NOUN" : "VFIN");
    write_lexicon(dir, sizeof dir, text, file, sizeof file);
    free(text);
    tqc_lex *lex = NULL;
    ck_assert_int_eq(tqc_lex_open(file, &lex, err, sizeof err), TQC_OK);
    char word[64];
    for (int round = 0; round < 2; round++) {
        /* round 0 builds the filter (and the samples) after 4,096 lookups */
        for (int i = 0; round == 0 && i < 5000; i++)
            (void)tqc_lex_pos_foreign(lex, "a", 1);
        for (size_t s = 0; s < 5; s++)
            for (int i = 0; i < 100; i++) {
                int n = snprintf(word, sizeof word, "%s%03d", stems[s], i);
                uint32_t want = i % 2 ? TQC_POS_NOUN : TQC_POS_VFIN;
                ck_assert_uint_eq(tqc_lex_pos_foreign(lex, word, (size_t)n), want);
                /* absent: cut short (no form is a prefix of another), run on, and between
                 * two forms (tqc_lex_pos is not asked: its index would answer for both) */
                for (int cut = 1; cut < n; cut++)
                    ck_assert_uint_eq(tqc_lex_pos_foreign(lex, word, (size_t)cut), 0);
                word[n] = 'x';
                ck_assert_uint_eq(tqc_lex_pos_foreign(lex, word, (size_t)n + 1), 0);
                word[n - 1] = '~';
                ck_assert_uint_eq(tqc_lex_pos_foreign(lex, word, (size_t)n), 0);
            }
        ck_assert_uint_eq(tqc_lex_pos_foreign(lex, "a", 1), 0);
        ck_assert_uint_eq(tqc_lex_pos_foreign(lex, "zzz", 3), 0);
        ck_assert_uint_eq(tqc_lex_pos_foreign(lex, "internationalise", 16), 0);
    }
    tqc_lex_free(lex);
    remove_lexicon(dir, file);
    leave_cache(saved, cache);
}
END_TEST

/* Another language's lexicon (tqc_lex_pos_foreign) answers as tqc_lex_pos, before and
 * after its filter is built, and leaves no index (megabytes a language) behind. */
START_TEST(test_foreign_lookups_answer_alike_without_an_index)
{
    char cache[] = "/tmp/tqc-lex-cache-XXXXXX", dir[64], file[128], err[512], cmd[256];
    char *saved = enter_cache(cache);
    write_lexicon(dir, sizeof dir, good, file, sizeof file);
    tqc_lex *lex = NULL;
    ck_assert_int_eq(tqc_lex_open(file, &lex, err, sizeof err), TQC_OK);
    static const char *const words[] = {
        "'s", "Abend", "Paris", "a", "ab", "abc", "goes", "has", "l'", "n'", "said", "saying",
        "to", "yes", "\xc3\xa9t\xc3\xa9", "AAA", "abd", "sai", "Said", "saidx", "go", "paris",
        "goes\tVFIN", "\xff",
    };
    size_t n = sizeof words / sizeof words[0];
    uint32_t want[sizeof words / sizeof words[0]];
    for (size_t k = 0; k < n; k++)   /* a few lookups: no index */
        want[k] = tqc_lex_pos(lex, words[k], strlen(words[k]));
    ck_assert_uint_eq(want[7], TQC_POS_AUX | TQC_POS_VFIN);
    /* Round 0 searches the file; the filter is built during round 1 (its 4,096th
     * lookup), so round 2 reads it. */
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < (round == 1 ? 5000 : 1); i++)
            for (size_t k = 0; k < n; k++)
                ck_assert_uint_eq(tqc_lex_pos_foreign(lex, words[k], strlen(words[k])),
                                  want[k]);
    ck_assert_uint_eq(tqc_lex_pos_foreign(lex, "has", 3), TQC_POS_AUX | TQC_POS_VFIN);
    ck_assert_uint_eq(tqc_lex_pos_foreign(lex, "", 0), 0);
    ck_assert_uint_eq(tqc_lex_pos_foreign(NULL, "a", 1), 0);
    snprintf(cmd, sizeof cmd, "ls %s/*.idx >/dev/null 2>&1", cache);
    ck_assert_int_ne(system(cmd), 0);
    tqc_lex_free(lex);
    remove_lexicon(dir, file);
    leave_cache(saved, cache);
}
END_TEST

/* The shipped lexicons give a form every reading its sources know (build-lexicon.sh): a
 * homograph missing one is read wrong, which is worse than unknown (`there lies your
 * answer` has a verb). Closed-class words keep their curated readings (`a` is no noun),
 * and English past tenses are no participles (`went`). */
struct reading { const char *lang, *form; unsigned has, lacks; };

static const struct reading shipped_readings[] = {
    {"en", "lies", TQC_POS_VFIN | TQC_POS_NOUN, 0},
    {"en", "spit", TQC_POS_VFIN | TQC_POS_NOUN, 0},
    {"en", "buffet", TQC_POS_VFIN | TQC_POS_NOUN, 0},
    {"en", "went", TQC_POS_VFIN, TQC_POS_VPART},
    {"en", "a", TQC_POS_DET, TQC_POS_NOUN},
    /* The plurals of nouns WordNet alone has (`realtor`), regular and irregular
     * (`aardwolf`), and of one whose verb it has too (`abstract`). */
    {"en", "realtors", TQC_POS_NOUN, 0},
    {"en", "aardwolves", TQC_POS_NOUN, 0},
    {"en", "abstracts", TQC_POS_NOUN | TQC_POS_VFIN, 0},
    {"en", "in", TQC_POS_PREP, TQC_POS_NOUN | TQC_POS_ADJ},
    {"es", "casa", TQC_POS_VFIN | TQC_POS_NOUN, 0},
    {"es", "como", TQC_POS_VFIN | TQC_POS_CONJ, 0},
    {"pt", "casa", TQC_POS_VFIN | TQC_POS_NOUN, 0},
    {"fr", "porte", TQC_POS_VFIN | TQC_POS_NOUN, 0},
    {"it", "porta", TQC_POS_VFIN | TQC_POS_NOUN, 0},
    {"de", "essen", TQC_POS_VFIN | TQC_POS_VINF, 0},
    {"de", "Essen", TQC_POS_NOUN, 0},
    /* umfassen is inseparable too (er umfasst); the spelling of 1996 (muss, not muß). */
    {"de", "umfasst", TQC_POS_VFIN | TQC_POS_VPART, 0},
    {"de", "unterhält", TQC_POS_VFIN, 0},
    {"de", "muss", TQC_POS_VFIN | TQC_POS_AUX, 0},
};

START_TEST(test_shipped_homographs_keep_every_reading)
{
    char cache[] = "/tmp/tqc-lex-cache-XXXXXX", file[512], err[512];
    char *saved = enter_cache(cache);
    for (size_t i = 0; i < sizeof shipped_readings / sizeof *shipped_readings; i++) {
        const struct reading *r = &shipped_readings[i];
        snprintf(file, sizeof file, "%s/dictionaries/%s/lexicon.tsv", TQC_SOURCE_DIR, r->lang);
        tqc_lex *lex = NULL;
        ck_assert_msg(tqc_lex_open(file, &lex, err, sizeof err) == TQC_OK, "%s", err);
        unsigned pos = tqc_lex_pos(lex, r->form, strlen(r->form));
        ck_assert_msg((pos & r->has) == r->has && !(pos & r->lacks),
                      "%s %s: tags %#x, want %#x and none of %#x", r->lang, r->form, pos,
                      r->has, r->lacks);
        tqc_lex_free(lex);
    }
    leave_cache(saved, cache);
}
END_TEST

Suite *lex_suite(void)
{
    Suite *s = suite_create("lex");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_lookup_every_entry_and_misses);
    tcase_add_test(tc, test_corrupt_files_are_refused_naming_the_line);
    tcase_add_test(tc, test_empty_and_header_only_files_know_nothing);
    tcase_add_test(tc, test_profile_owns_it_and_context_caches_per_token);
    tcase_add_test(tc, test_stamp_spares_only_the_same_file);
    tcase_add_test(tc, test_index_file_is_rebuilt_when_damaged);
    tcase_add_test(tc, test_trigram_table_file_is_rebuilt_when_stale_or_damaged);
    tcase_add_test(tc, test_foreign_lookups_answer_alike_without_an_index);
    tcase_add_test(tc, test_foreign_lookups_through_samples_answer_alike);
    tcase_add_test(tc, test_shipped_homographs_keep_every_reading);
    suite_add_tcase(s, tc);
    return s;
}
