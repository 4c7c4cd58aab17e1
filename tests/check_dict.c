#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hunspell.h>

#include "lang/dict.h"
#include "lang/forms.h"
#include "lang/verdicts.h"
#include "tqc_test.h"

#define KNOWN(w) tqc_dict_known(d, (w), strlen(w))

/* Writes words into a new file named from the template path (mkstemp). */
static void word_file(char *path, const char *words)
{
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    ck_assert_ptr_nonnull(f);
    fputs(words, f);
    fclose(f);
}

START_TEST(test_known_words_and_possessives)
{
    tqc_dict *d = tqc_checker_dict(tqc_test_checker());
    ck_assert(KNOWN("meeting"));
    ck_assert(KNOWN("Japan"));
    ck_assert(KNOWN("Japan’s"));
    ck_assert(KNOWN("minister's"));
    ck_assert(!KNOWN("meetingwhile"));
    ck_assert(!KNOWN(""));
}
END_TEST

START_TEST(test_cache_asks_hunspell_once)
{
    tqc_dict *d = tqc_checker_dict(tqc_test_checker());
    size_t cached0, lookups0, cached1, lookups1;
    ck_assert(!KNOWN("zqxwv"));
    tqc_dict_stats(d, &cached0, &lookups0);
    for (int i = 0; i < 10; i++)
        ck_assert(!KNOWN("zqxwv"));
    tqc_dict_stats(d, &cached1, &lookups1);
    ck_assert_uint_eq(lookups0, lookups1);
    ck_assert_uint_eq(cached0, cached1);
}
END_TEST

START_TEST(test_case_variant)
{
    tqc_dict *d = tqc_checker_dict(tqc_test_checker());
    char fixed[64];
    ck_assert(tqc_dict_case_variant(d, "korean", 6, fixed, sizeof fixed));
    ck_assert_str_eq(fixed, "Korean");
    ck_assert(!tqc_dict_case_variant(d, "house", 5, fixed, sizeof fixed));
}
END_TEST

START_TEST(test_suggestions_and_frequency)
{
    tqc_dict *d = tqc_checker_dict(tqc_test_checker());
    char *sugg[5];
    size_t n = tqc_dict_suggest(d, "goverment", 9, sugg, 5);
    ck_assert_uint_gt(n, 0);
    ck_assert_str_eq(sugg[0], "government");
    tqc_dict_free_suggestions(sugg, n);
    ck_assert_uint_gt(tqc_dict_freq(d, "The", 3), tqc_dict_freq(d, "government", 10));
    ck_assert_uint_gt(tqc_dict_freq(d, "government", 10), 0);
}
END_TEST

START_TEST(test_user_word_list)
{
    char path[] = "/tmp/tqc-words-XXXXXX";
    word_file(path, "# newsroom words\nZorblatt\n  Quixlee  \n");
    const char *files[] = {path};
    tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = "en",
                              .dict = {.word_files = files, .word_file_count = 1}};
    char err[256];
    tqc_checker *ck;
    ck_assert_int_eq(tqc_checker_new(&opts, &ck, err, sizeof err), TQC_OK);
    tqc_dict *d = tqc_checker_dict(ck);
    ck_assert(KNOWN("Zorblatt"));
    ck_assert(KNOWN("Quixlee"));
    tqc_checker_free(ck);
    unlink(path);
}
END_TEST

/* A second open of the same dictionary shares the first one's verdicts: Hunspell is
 * not asked again for a word the other view looked up. */
START_TEST(test_views_share_verdicts)
{
    tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = "en"};
    char err[256];
    tqc_checker *a, *b;
    ck_assert_int_eq(tqc_checker_new(&opts, &a, err, sizeof err), TQC_OK);
    ck_assert_int_eq(tqc_checker_clone(a, &b, err, sizeof err), TQC_OK);
    tqc_dict *d = tqc_checker_dict(a), *e = tqc_checker_dict(b);
    ck_assert_ptr_ne(d, e);
    ck_assert(!KNOWN("qwzzyx"));
    size_t cached0, lookups0, cached1, lookups1;
    tqc_dict_stats(e, &cached0, &lookups0);
    ck_assert(!tqc_dict_known(e, "qwzzyx", 6));
    tqc_dict_stats(e, &cached1, &lookups1);
    ck_assert_uint_eq(lookups1, lookups0);
    ck_assert_uint_eq(cached1, cached0);
    tqc_checker_free(a);
    /* The core outlives the first view: the clone still answers. */
    ck_assert(tqc_dict_known(e, "meeting", 7));
    tqc_checker_free(b);
}
END_TEST

/* Word lists decide verdicts, so a dictionary opened with other word lists is not the
 * same one. */
START_TEST(test_word_lists_are_not_shared)
{
    char path[] = "/tmp/tqc-words-XXXXXX";
    word_file(path, "Vexlorn\n");
    const char *files[] = {path};
    tqc_check_options with = {.data_dir = TQC_SOURCE_DIR, .lang = "en",
                              .dict = {.word_files = files, .word_file_count = 1}};
    tqc_check_options without = {.data_dir = TQC_SOURCE_DIR, .lang = "en"};
    char err[256];
    tqc_checker *a, *b;
    ck_assert_int_eq(tqc_checker_new(&with, &a, err, sizeof err), TQC_OK);
    ck_assert_int_eq(tqc_checker_new(&without, &b, err, sizeof err), TQC_OK);
    ck_assert(tqc_dict_known(tqc_checker_dict(a), "Vexlorn", 7));
    ck_assert(!tqc_dict_known(tqc_checker_dict(b), "Vexlorn", 7));
    tqc_checker_free(a);
    tqc_checker_free(b);
    unlink(path);
}
END_TEST

/* A view with its own Hunspell handle answers as the shared one does, word lists and
 * supplements included, and its answers reach the other views. */
START_TEST(test_own_speller)
{
    char path[] = "/tmp/tqc-words-XXXXXX";
    word_file(path, "Quorvath\n");
    const char *files[] = {path};
    tqc_check_options shared = {.data_dir = TQC_SOURCE_DIR, .lang = "en",
                                .dict = {.word_files = files, .word_file_count = 1}};
    tqc_check_options own = shared;
    own.dict.own_speller = true;
    char err[256];
    tqc_checker *a, *b;
    ck_assert_int_eq(tqc_checker_new(&shared, &a, err, sizeof err), TQC_OK);
    ck_assert_int_eq(tqc_checker_new(&own, &b, err, sizeof err), TQC_OK);
    tqc_dict *d = tqc_checker_dict(b), *e = tqc_checker_dict(a);
    ck_assert(KNOWN("Quorvath"));
    ck_assert(KNOWN("minister's"));
    ck_assert(!KNOWN("zzqxwvb"));
    char *sugg[3];
    size_t n = tqc_dict_suggest(d, "goverment", 9, sugg, 3);
    ck_assert_uint_gt(n, 0);
    ck_assert_str_eq(sugg[0], "government");
    tqc_dict_free_suggestions(sugg, n);
    size_t cached0, lookups0, cached1, lookups1;
    tqc_dict_stats(e, &cached0, &lookups0);
    ck_assert(!tqc_dict_known(e, "zzqxwvb", 7));
    tqc_dict_stats(e, &cached1, &lookups1);
    ck_assert_uint_eq(lookups1, lookups0);
    tqc_checker_free(b);
    tqc_checker_free(a);
    unlink(path);
}
END_TEST

/* Issue 15: whether a word stems to a name entry is kept in the verdict file beside its
 * verdict, so a run that finds its answers there asks Hunspell nothing. */
START_TEST(test_name_entries_are_kept_between_runs)
{
    char cache[] = "/tmp/tqc-dict-cache-XXXXXX", path[] = "/tmp/tqc-words-XXXXXX", cmd[128];
    ck_assert_ptr_nonnull(mkdtemp(cache));
    word_file(path, "Quorvath\n");   /* a core of its own, not the shared test checker's */
    const char *old = getenv("TQC_CACHE_DIR");
    char *saved = old ? strdup(old) : NULL;
    setenv("TQC_CACHE_DIR", cache, 1);
    const char *files[] = {path};
    tqc_check_options o = {.data_dir = TQC_SOURCE_DIR, .lang = "en",
                           .dict = {.word_files = files, .word_file_count = 1}};
    for (int round = 0; round < 2; round++) {   /* the first writes the file */
        char err[256];
        tqc_checker *ck;
        ck_assert_int_eq(tqc_checker_new(&o, &ck, err, sizeof err), TQC_OK);
        tqc_dict *e = tqc_checker_dict(ck);
        size_t cached, lookups0, lookups1;
        tqc_dict_stats(e, &cached, &lookups0);
        ck_assert(tqc_dict_name_entry(e, "Americans", 9));
        ck_assert(!tqc_dict_name_entry(e, "houses", 6));
        tqc_dict_stats(e, &cached, &lookups1);
        if (round == 0)   /* one or both (the compiled forms, built at the first, may answer the second) */
            ck_assert_uint_gt(lookups1, lookups0);
        else
            ck_assert_uint_eq(lookups1, lookups0);
        tqc_checker_free(ck);
    }
    if (saved)
        setenv("TQC_CACHE_DIR", saved, 1);
    else
        unsetenv("TQC_CACHE_DIR");
    free(saved);
    unlink(path);
    snprintf(cmd, sizeof cmd, "rm -rf %s", cache);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(test_missing_dictionary_is_an_error)
{
    tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = "xx-YY",
                              .dict = {.dict_path = "/nonexistent"}};
    char err[512] = "";
    tqc_checker *ck = NULL;
    ck_assert_int_eq(tqc_checker_new(&opts, &ck, err, sizeof err), TQC_ENOTFOUND);
    ck_assert_ptr_null(ck);
    ck_assert_ptr_nonnull(strstr(err, "xx-YY"));
}
END_TEST

/* Issue 18: a word list that cannot be read, or a dictionary whose SET encoding iconv
 * rejects, is a clear error; it used to free the Hunspell handle twice (a segfault). */
static void expect_open_fails(const char *dict_path, const char *word_file, const char *lang,
                              const char *named)
{
    const char *files[] = {word_file};
    tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = lang,
                              .dict = {.dict_path = dict_path, .word_files = files,
                                       .word_file_count = word_file ? 1 : 0}};
    char err[512] = "";
    tqc_checker *ck = NULL;
    ck_assert_int_ne(tqc_checker_new(&opts, &ck, err, sizeof err), TQC_OK);
    ck_assert_ptr_null(ck);
    ck_assert_msg(strstr(err, named), "error '%s' does not name %s", err, named);
}

START_TEST(test_issue_18_missing_word_list)
{
    expect_open_fails(NULL, "/nonexistent/tqc-words.txt", "en", "/nonexistent/tqc-words.txt");
}
END_TEST

START_TEST(test_issue_18_word_list_is_a_folder)
{
    char dir[] = "/tmp/tqc-wdir-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    expect_open_fails(NULL, dir, "en", dir);
    rmdir(dir);
}
END_TEST

START_TEST(test_issue_18_unreadable_word_list)
{
    /* root reads a mode-000 file; /proc/self/mem fails on read even for root. */
    char path[] = "/tmp/tqc-words-XXXXXX";
    word_file(path, "Zorblatt\n");
    ck_assert_int_eq(chmod(path, 0), 0);
    const char *file = geteuid() == 0 ? "/proc/self/mem" : path;
    expect_open_fails(NULL, file, "en", file);
    unlink(path);
}
END_TEST

START_TEST(test_issue_18_dictionary_encoding_iconv_rejects)
{
    char dir[] = "/tmp/tqc-dict-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char aff[256], dic[256];
    snprintf(aff, sizeof aff, "%s/en_US.aff", dir);
    snprintf(dic, sizeof dic, "%s/en_US.dic", dir);
    FILE *f = fopen(aff, "w");
    ck_assert_ptr_nonnull(f);
    fputs("SET NO-SUCH-CHARSET-42\nTRY abc\n", f);
    fclose(f);
    ck_assert_ptr_nonnull(f = fopen(dic, "w"));
    fputs("1\nword\n", f);
    fclose(f);
    expect_open_fails(dir, NULL, "en", "NO-SUCH-CHARSET-42");
    unlink(aff);
    unlink(dic);
    rmdir(dir);
}
END_TEST

/* Issue 15: a tiny dictionary compiled into its forms answers every word of letters as
 * Hunspell does (affixes, cross products, case, KEEPCASE, a mixed-case stem in capitals,
 * names, possessives made by a suffix), without loading Hunspell; a damaged file is not
 * trusted and is deleted, so the next run builds it again. */
static const char *const forms_words[] = {
    "walk", "walked", "walks", "unwalked", "unwalk", "Walked", "WALKED", "walkd", "bake",
    "baked", "bakeed", "unbaked", "Paris", "PARIS", "paris", "Pariss", "iPhone", "iPhones",
    "IPHONE", "Iphone", "iphone", "pH", "PH", "Ph", "kin", "Kin", "KIN", "zzz",
    "orange's", "Orange's", "walk's", "bake's", "zzz's",
};
/* Elided forms made by a prefix ending in an apostrophe (kept as head and tail), and
 * words with apostrophes in capitals, which Hunspell reads its own way: their spelling is
 * decided without Hunspell (a name is not always). */
static const char *const elided_words[] = {
    "l'orange", "L'orange", "l'oranges", "L'ORANGE", "L'ORANGES", "l'Orange", "L'Orange",
    "l'hotel", "l'walk", "l'zzz", "d'orange", "l'unwalked", "L'unbaked", "lorange",
    "l'orange's", "l'Paris", "L'PARIS", "ORANGE'S",
};
/* A FORBIDDENWORD stem: Hunspell does not try its other cases; left to Hunspell. */
static const char *const forbidden_words[] = {"kg", "KG", "Kg"};
#define FORMS_COUNT(a) (sizeof (a) / sizeof *(a))

static tqc_checker *forms_checker(const char *dir)
{
    tqc_check_options o = {.data_dir = dir, .lang = "en", .dict = {.dict_path = dir}};
    char err[256];
    tqc_checker *ck = NULL;
    ck_assert_msg(tqc_checker_new(&o, &ck, err, sizeof err) == TQC_OK, "%s", err);
    return ck;
}

/* Each word's verdict and (names) name answer, as two bits a word. */
static void forms_answers_of(const char *dir, const char *const *words, size_t n, bool names,
                             int *out, size_t *lookups)
{
    tqc_checker *ck = forms_checker(dir);
    tqc_dict *d = tqc_checker_dict(ck);
    size_t cached, before;
    tqc_dict_stats(d, &cached, &before);
    for (size_t i = 0; i < n; i++) {
        const char *w = words[i];
        out[i] = tqc_dict_known(d, w, strlen(w)) |
                 (names ? tqc_dict_name_entry(d, w, strlen(w)) << 1 : 0);
    }
    tqc_dict_stats(d, &cached, lookups);
    *lookups -= before;
    tqc_checker_free(ck);
}

static void forms_answers(const char *dir, int *out, size_t *lookups)
{
    forms_answers_of(dir, forms_words, FORMS_COUNT(forms_words), true, out, lookups);
}

static void set_env(const char *name, const char *value)
{
    if (value)
        setenv(name, value, 1);
    else
        unsetenv(name);
}

/* A dictionary of a test's own (en.aff, en.dic) in a temporary folder, with the cache
 * folder TQC_CACHE_DIR points at inside it; forms_fixture_end restores the environment
 * and removes the folder. */
typedef struct forms_fixture {
    char dir[32], cache[64];
    char *saved_cache, *saved_forms;
} forms_fixture;

static void forms_write(const forms_fixture *fx, const char *name, const char *text)
{
    char path[64];
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void forms_fixture_begin(forms_fixture *fx, const char *aff, const char *dic)
{
    snprintf(fx->dir, sizeof fx->dir, "/tmp/tqc-forms-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(fx->dir));
    forms_write(fx, "en.aff", aff);
    forms_write(fx, "en.dic", dic);
    snprintf(fx->cache, sizeof fx->cache, "%s/cache", fx->dir);
    fx->saved_cache = getenv("TQC_CACHE_DIR") ? strdup(getenv("TQC_CACHE_DIR")) : NULL;
    fx->saved_forms = getenv("TQC_FORMS") ? strdup(getenv("TQC_FORMS")) : NULL;
    setenv("TQC_CACHE_DIR", fx->cache, 1);
}

static void forms_fixture_end(forms_fixture *fx)
{
    char cmd[64];
    set_env("TQC_CACHE_DIR", fx->saved_cache);
    set_env("TQC_FORMS", fx->saved_forms);
    free(fx->saved_cache);
    free(fx->saved_forms);
    snprintf(cmd, sizeof cmd, "rm -rf %s", fx->dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* The verdict files a run wrote go, so that the next run asks its dictionary again. */
static void forms_drop_verdicts(const forms_fixture *fx)
{
    char cmd[100];
    snprintf(cmd, sizeof cmd, "rm -f %s/verdicts-*", fx->cache);
    ck_assert_int_eq(system(cmd), 0);
}

/* Compiles the fixture's forms file (TQC_FORMS=read); *forms its count of forms. */
static bool forms_compile(const forms_fixture *fx, size_t *forms)
{
    setenv("TQC_FORMS", "read", 1);
    tqc_checker *ck = forms_checker(fx->dir);
    bool complete;
    char err[256];
    ck_assert_int_eq(tqc_dict_compile(tqc_checker_dict(ck), forms, &complete, err, sizeof err),
                     TQC_OK);
    tqc_checker_free(ck);
    return complete;
}

/* Issue 15: once a run has asked enough words, a filter of the forms (stored in a file
 * of up to 4 million forms, else built) answers the absent ones from memory
 * (tqc_forms_lacks); every answer stays the file's own. cache is the folder holding the
 * one compiled file. */
/* Opens the one compiled file in cache (its path into file, 256 bytes). */
static tqc_forms *forms_open_cached(const char *cache, char *file)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "ls %s/forms-*.bin", cache);
    FILE *ls = popen(cmd, "r");
    ck_assert_ptr_nonnull(ls);
    ck_assert_ptr_nonnull(fgets(file, 256, ls));
    pclose(ls);
    file[strcspn(file, "\n")] = '\0';
    uint64_t key;
    FILE *in = fopen(file, "rb");
    ck_assert_ptr_nonnull(in);
    ck_assert(fseek(in, 8, SEEK_SET) == 0 && fread(&key, sizeof key, 1, in) == 1);
    fclose(in);
    tqc_forms *f = tqc_forms_open(file, key);
    ck_assert_ptr_nonnull(f);
    return f;
}

/* Flips a byte of the first record of the one compiled file in cache: the records follow
 * the header (88 bytes: the slot count at 20, the block count at 64), the block sums and
 * the slots. */
static void forms_flip_record(const char *cache)
{
    char file[256];
    tqc_forms_free(forms_open_cached(cache, file));
    FILE *io = fopen(file, "r+b");
    ck_assert_ptr_nonnull(io);
    uint32_t slots;
    uint64_t nblocks;
    ck_assert(fseek(io, 20, SEEK_SET) == 0 && fread(&slots, sizeof slots, 1, io) == 1);
    ck_assert(fseek(io, 64, SEEK_SET) == 0 && fread(&nblocks, sizeof nblocks, 1, io) == 1);
    long at = 88 + (long)nblocks * 8 + (long)slots * 4 + 2;   /* the first record's word */
    ck_assert(fseek(io, at, SEEK_SET) == 0);
    int c = fgetc(io);
    ck_assert(c != EOF && fseek(io, at, SEEK_SET) == 0 && fputc(c ^ 0x20, io) != EOF);
    ck_assert_int_eq(fclose(io), 0);
}

static void forms_filter_same(const char *cache)
{
    char file[256];
    tqc_forms *f = forms_open_cached(cache, file);
    enum { N = FORMS_COUNT(forms_words), NE = FORMS_COUNT(elided_words) };
    tqc_forms_answer before[N + NE];
    for (size_t i = 0; i < N + NE; i++) {
        const char *w = i < N ? forms_words[i] : elided_words[i - N];
        before[i] = tqc_forms_spell(f, w, strlen(w));
    }
    ck_assert(!tqc_forms_lacks(f, "zzz", 3));   /* no filter yet: cannot tell */
    char w[8] = "q";
    for (int i = 0; i < 6000; i++) {   /* absent words of letters, as the edit walk asks */
        for (int k = 0, v = i; k < 4; k++, v /= 26)
            w[1 + k] = (char)('a' + v % 26);
        ck_assert_int_eq(tqc_forms_spell(f, w, 5), TQC_FORMS_NO);
        /* The file's stored filter, read at its 1,024th lookup (one built in a run waits
         * for 4,096). */
        if (i == 1100)
            ck_assert(tqc_forms_lacks(f, "zzz", 3));
    }
    ck_assert(tqc_forms_lacks(f, "zzz", 3));
    ck_assert(tqc_forms_lacks(f, "Zzz", 3));
    ck_assert(tqc_forms_lacks(f, "ZZZ", 3));
    ck_assert(!tqc_forms_lacks(f, "walked", 6));
    ck_assert(!tqc_forms_lacks(f, "Walked", 6));   /* known through its lower case */
    ck_assert(!tqc_forms_lacks(f, "WALKED", 6));
    /* Other shapes: decided so when every lookup they need is of an absent form. */
    static const char *const shapes[] = {"zzz's", "walk's", "zzz-walk", "walk-zzz", "walk-bake",
                                         "l'zzz", "l'orange", "ZZZ-ZZZ"};
    bool some = false;
    for (size_t i = 0; i < FORMS_COUNT(shapes); i++) {
        bool lacks = tqc_forms_lacks(f, shapes[i], strlen(shapes[i]));
        some |= lacks;
        if (lacks)
            ck_assert_msg(tqc_forms_spell(f, shapes[i], strlen(shapes[i])) == TQC_FORMS_NO,
                          "%s", shapes[i]);
    }
    ck_assert(some);
    ck_assert(!tqc_forms_lacks(f, "walk-bake", 9));   /* known parts: read from the file */
    for (size_t i = 0; i < N + NE; i++) {
        const char *x = i < N ? forms_words[i] : elided_words[i - N];
        ck_assert_msg(tqc_forms_spell(f, x, strlen(x)) == before[i], "%s", x);
        if (tqc_forms_lacks(f, x, strlen(x)))
            ck_assert_msg(before[i] == TQC_FORMS_NO, "%s", x);
    }
    tqc_forms_free(f);
}

START_TEST(test_issue_15_compiled_forms)
{
    forms_fixture fx;
    forms_fixture_begin(&fx,
                        "SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\nKEEPCASE K\nFORBIDDENWORD !\n"
                        "BREAK 4\nBREAK -\nBREAK ^-\nBREAK -$\nBREAK '$\n"
                        "SFX D Y 2\nSFX D 0 ed [^e]\nSFX D 0 d e\n"
                        "SFX S Y 1\nSFX S 0 s .\n"
                        "SFX P Y 1\nSFX P 0 's .\n"
                        "PFX U Y 1\nPFX U 0 un .\n"
                        "PFX L Y 2\nPFX L 0 l' [aeiouh]\nPFX L 0 L' [aeiouh]\n",
                        "10\nwalk/DSU\nbake/DSU\nParis/L\niPhone/S\npH/K\nkin\norange/SPL\n"
                        "hotel/L\nkg\nKG/!\n");
    const char *dir = fx.dir, *path = fx.cache;
    char cmd[400];

    enum { N = FORMS_COUNT(forms_words), NE = FORMS_COUNT(elided_words),
           NF = FORMS_COUNT(forbidden_words) };
    int hun[N], compiled[N], hun_e[NE], compiled_e[NE], hun_f[NF], compiled_f[NF];
    size_t lookups;
    setenv("TQC_FORMS", "0", 1);   /* Hunspell alone: what the forms must equal */
    forms_answers(dir, hun, &lookups);
    forms_answers_of(dir, elided_words, NE, false, hun_e, &lookups);
    forms_answers_of(dir, forbidden_words, NF, true, hun_f, &lookups);
    ck_assert_int_eq(hun_e[0] + hun_e[1] + hun_e[3], 3);   /* l'orange L'orange L'ORANGE */
    ck_assert_int_eq(hun_e[8] + hun_e[9], 0);              /* l'walk l'zzz */
    ck_assert_int_eq(hun_f[1], 0);                         /* KG */
    forms_drop_verdicts(&fx);
    ck_assert_int_eq(hun[1], 1);     /* the fixture is what the test means */
    ck_assert_int_eq(hun[12], 3);     /* Paris: known, a name */

    size_t forms;
    ck_assert(forms_compile(&fx, &forms));
    ck_assert_uint_gt(forms, 10);
    forms_drop_verdicts(&fx);
    forms_answers(dir, compiled, &lookups);
    for (int i = 0; i < N; i++)
        ck_assert_msg(compiled[i] == hun[i], "%s: compiled %d, Hunspell %d", forms_words[i],
                      compiled[i], hun[i]);
    ck_assert_uint_eq(lookups, 0);   /* Hunspell never asked */
    forms_drop_verdicts(&fx);
    forms_answers_of(dir, elided_words, NE, false, compiled_e, &lookups);
    for (int i = 0; i < NE; i++)
        ck_assert_msg(compiled_e[i] == hun_e[i], "%s: compiled %d, Hunspell %d",
                      elided_words[i], compiled_e[i], hun_e[i]);
    ck_assert_uint_eq(lookups, 0);
    forms_drop_verdicts(&fx);
    forms_answers_of(dir, forbidden_words, NF, true, compiled_f, &lookups);
    for (int i = 0; i < NF; i++)
        ck_assert_msg(compiled_f[i] == hun_f[i], "%s: compiled %d, Hunspell %d",
                      forbidden_words[i], compiled_f[i], hun_f[i]);
    forms_filter_same(path);

    /* A flipped byte in a record: the answers come from Hunspell, still right, and the
     * file is gone after the run. */
    forms_flip_record(path);
    forms_drop_verdicts(&fx);
    forms_answers(dir, compiled, &lookups);
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(compiled[i], hun[i]);
    ck_assert_uint_gt(lookups, 0);
    snprintf(cmd, sizeof cmd, "test -z \"$(ls %s/forms-*.bin 2>/dev/null)\"", path);
    ck_assert_int_eq(system(cmd), 0);
    /* A flipped byte in the stored filter (the file's last bytes), found when the filter
     * is read: the file answers nothing from then on. */
    ck_assert(forms_compile(&fx, &forms));
    snprintf(cmd, sizeof cmd, "rm -f %s/verdicts-*; f=$(ls %s/forms-*.bin); "
             "printf 'Z' | dd of=$f bs=1 seek=$(( $(stat -c %%s $f) - 5 )) conv=notrunc "
             "2>/dev/null", path, path);
    ck_assert_int_eq(system(cmd), 0);
    {
        char file[256], w[8] = "q";
        tqc_forms *f = forms_open_cached(path, file);
        ck_assert_int_eq(tqc_forms_spell(f, "walked", 6), TQC_FORMS_YES);
        for (int i = 0; i < 1100; i++) {
            for (int k = 0, v = i; k < 4; k++, v /= 26)
                w[1 + k] = (char)('a' + v % 26);
            ck_assert_int_ne(tqc_forms_spell(f, w, 5), TQC_FORMS_YES);
        }
        ck_assert(tqc_forms_damaged(f));
        ck_assert_int_eq(tqc_forms_spell(f, "baked", 5), TQC_FORMS_UNDECIDED);
        tqc_forms_free(f);
    }
    snprintf(cmd, sizeof cmd, "rm -f %s/forms-*.bin", path);
    ck_assert_int_eq(system(cmd), 0);

    /* A run that loads Hunspell builds no file unasked (TQC_FORMS unset), and builds one
     * with TQC_FORMS=build (its verdict file gone each time). */
    forms_drop_verdicts(&fx);
    set_env("TQC_FORMS", NULL);
    forms_answers(dir, compiled, &lookups);
    snprintf(cmd, sizeof cmd, "rm -f %s/verdicts-*; test -z \"$(ls %s/forms-*.bin 2>/dev/null)\"",
             path, path);
    ck_assert_int_eq(system(cmd), 0);
    setenv("TQC_FORMS", "build", 1);
    forms_answers(dir, compiled, &lookups);
    snprintf(cmd, sizeof cmd, "rm -f %s/verdicts-*; test -n \"$(ls %s/forms-*.bin)\"", path,
             path);
    ck_assert_int_eq(system(cmd), 0);
    /* A changed .dic is another key: the old file is stale, never read. */
    forms_write(&fx, "en.dic", "2\nwalk\nbake\n");
    setenv("TQC_FORMS", "read", 1);
    forms_answers(dir, compiled, &lookups);
    ck_assert_int_eq(compiled[1], 0);   /* walked: no longer a word */
    ck_assert_uint_gt(lookups, 0);

    forms_fixture_end(&fx);
}
END_TEST

/* Hunspell's verdict on a word as written, counting the questions (a build's verifier). */
typedef struct counting_speller {
    Hunhandle *hun;
    size_t asked;
} counting_speller;

static bool counting_accept(void *ctx, const char *word, size_t len)
{
    counting_speller *c = ctx;
    char buf[256];
    if (len >= sizeof buf)
        return false;
    memcpy(buf, word, len);
    buf[len] = '\0';
    c->asked++;
    return Hunspell_spell(c->hun, buf) != 0;
}

/* Issue 15: a build asks Hunspell only about the forms whose making the expansion does
 * not vouch for (asking each of pt_BR's 11 million forms took minutes), and the file
 * still answers as Hunspell does: a form that is itself a forbidden stem, NEEDAFFIX,
 * ONLYINCOMPOUND and CIRCUMFIX analyses, a capital twin's forms, a suffix that would
 * take the whole stem (no FULLSTRIP), beside plain suffixes, prefixes and their cross
 * products. */
START_TEST(test_issue_15_build_asks_only_unsure_forms)
{
    forms_fixture fx;
    forms_fixture_begin(&fx,
                        "SET UTF-8\nFORBIDDENWORD !\nNEEDAFFIX N\nONLYINCOMPOUND O\n"
                        "CIRCUMFIX C\nKEEPCASE K\n"
                        "SFX D Y 2\nSFX D 0 ed [^e]\nSFX D 0 d e\n"
                        "SFX S Y 1\nSFX S 0 s .\n"
                        "SFX W Y 1\nSFX W walk run walk\n"
                        "SFX E Y 1\nSFX E 0 est/C .\n"
                        "PFX G Y 1\nPFX G 0 ge/C .\n"
                        "PFX U Y 1\nPFX U 0 un .\n",
                        "9\nwalk/DSUW\nwalks/!\nbake/NDS\nkin/OS\nmach/GE\niPhone/S\n"
                        "talk/DSU\nTalk/S\npH/KS\n");
    char aff[64], dic[64], file[80];
    snprintf(aff, sizeof aff, "%s/en.aff", fx.dir);
    snprintf(dic, sizeof dic, "%s/en.dic", fx.dir);
    snprintf(file, sizeof file, "%s/forms.bin", fx.dir);
    counting_speller sp = {Hunspell_create(aff, dic), 0};
    ck_assert_ptr_nonnull(sp.hun);
    tqc_forms_source src = {aff, dic, NULL, NULL, 0};
    tqc_forms_stats stats;
    char err[256];
    ck_assert_int_eq(tqc_forms_build(file, 42, &src, counting_accept, &sp, &stats, err,
                                     sizeof err), TQC_OK);
    size_t asked = sp.asked;
    /* Plain forms (walked, unwalked, talks...) were kept unasked. */
    ck_assert_uint_lt(asked, stats.candidates);
    ck_assert_uint_gt(asked, 0);
    tqc_forms *f = tqc_forms_open(file, 42);
    ck_assert_ptr_nonnull(f);
    static const char *const words[] = {
        "walk", "walked", "unwalked", "unwalk", "Walked", "walks", "unwalks", "run",
        "bake", "baked", "bakes", "kin", "kins", "mach", "gemach", "machest", "gemachest",
        "iPhone", "iPhones", "Iphone", "Iphones", "talk", "talks", "untalked", "Talk",
        "Talks", "pH", "pHs", "Ph", "zzz",
    };
    size_t decided = 0;
    for (size_t i = 0; i < FORMS_COUNT(words); i++) {
        tqc_forms_answer a = tqc_forms_spell(f, words[i], strlen(words[i]));
        int hun = Hunspell_spell(sp.hun, words[i]) != 0;
        if (a == TQC_FORMS_UNDECIDED)
            continue;
        decided++;
        ck_assert_msg((a == TQC_FORMS_YES) == hun, "%s: compiled %d, Hunspell %d", words[i],
                      a == TQC_FORMS_YES, hun);
    }
    ck_assert_uint_gt(decided, FORMS_COUNT(words) / 2);
    /* The fixture is what the test means: Hunspell refuses these forms the affixes make. */
    ck_assert(!Hunspell_spell(sp.hun, "walks") && !Hunspell_spell(sp.hun, "bake") &&
              !Hunspell_spell(sp.hun, "kin") && !Hunspell_spell(sp.hun, "run"));
    ck_assert(Hunspell_spell(sp.hun, "unwalked") && Hunspell_spell(sp.hun, "baked"));
    tqc_forms_free(f);
    Hunspell_destroy(sp.hun);
    forms_fixture_end(&fx);
}
END_TEST

/* The resident kilobytes of this process's mappings of file (0 when none). */
static long mapped_kb(const char *file)
{
    FILE *in = fopen("/proc/self/smaps", "r");
    ck_assert_ptr_nonnull(in);
    char line[4400];
    long kb = 0, n;
    bool ours = false;
    while (fgets(line, sizeof line, in)) {
        /* A mapping's line starts with its address (lower-case hex), a field's with a name. */
        if ((line[0] >= '0' && line[0] <= '9') || (line[0] >= 'a' && line[0] <= 'f'))
            ours = strstr(line, file) != NULL;
        else if (ours && sscanf(line, "Rss: %ld kB", &n) == 1)
            kb += n;
    }
    fclose(in);
    return kb;
}

/* Issue 15: a run's first lookups read the file instead of faulting its pages in (each
 * fault maps the 64 KiB around a page: a cold article's lookups made megabytes of a
 * dictionary resident, and handing them back cost half its CPU time). The answers are
 * the file's own, and asking again answers the same. */
START_TEST(test_issue_15_cold_lookups_map_nothing)
{
    /* Enough words that the slots and records lie far past the header's pages. */
    enum { WORDS = 20000 };
    size_t cap = WORDS * 10 + 16;
    char *dic = malloc(cap);
    ck_assert_ptr_nonnull(dic);
    size_t at = (size_t)snprintf(dic, cap, "%d\n", WORDS);
    for (int i = 0; i < WORDS; i++) {
        char w[8] = "qa";
        for (int k = 0, v = i; k < 4; k++, v /= 26)
            w[2 + k] = (char)('a' + v % 26);
        at += (size_t)snprintf(dic + at, cap - at, "%s/S\n", w);
    }
    forms_fixture fx;
    forms_fixture_begin(&fx, "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n", dic);
    free(dic);
    size_t forms;
    ck_assert(forms_compile(&fx, &forms));
    ck_assert_uint_ge(forms, 2 * WORDS);
    char file[256];
    tqc_forms *f = forms_open_cached(fx.cache, file);
    struct stat sb;
    ck_assert_int_eq(stat(file, &sb), 0);
    ck_assert_int_gt(sb.st_size, 512 << 10);
    long opened = mapped_kb(file);
    static const char *const known[] = {"qaaaaa", "qabcda", "qazzzas", "qamnoa"};
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < FORMS_COUNT(known); i++)
            ck_assert_int_eq(tqc_forms_spell(f, known[i], strlen(known[i])), TQC_FORMS_YES);
        ck_assert_int_eq(tqc_forms_spell(f, "qazzzz", 6), TQC_FORMS_NO);
        ck_assert_int_eq(tqc_forms_spell(f, "qaaaaas", 7), TQC_FORMS_YES);
    }
    ck_assert_int_eq(mapped_kb(file), opened);
    tqc_forms_free(f);
    forms_fixture_end(&fx);
}
END_TEST

/* The compiled files' answers to words (names too when names) equal Hunspell's, hun,
 * and none is asked of Hunspell. */
static void forms_same_as_hunspell(const char *dir, const char *const *words, size_t n,
                                   bool names, const int *hun)
{
    int *compiled = calloc(n, sizeof *compiled);
    size_t lookups;
    ck_assert_ptr_nonnull(compiled);
    forms_answers_of(dir, words, n, names, compiled, &lookups);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(compiled[i] == hun[i], "%s: compiled %d, Hunspell %d", words[i],
                      compiled[i], hun[i]);
    ck_assert_uint_eq(lookups, 0);   /* Hunspell never asked */
    free(compiled);
}

/* Issue 15: with Hunspell's default BREAK patterns (no BREAK line, as en_US and en_GB),
 * words with an apostrophe or a hyphen at an end, apostrophes and hyphens together, and
 * hyphenated words in capitals are decided as Hunspell's spell breaks them (the first
 * inner hyphen, or the second; `^-`, `-$`; the case rules' initial capital for a word in
 * capitals), and words of letters and digits opening with a letter as forms, without
 * loading it. */
static const char *const break_words[] = {
    "'walk", "walk'", "'tis", "'Tis", "'tiss", "tis'", "Paris'", "PARIS'", "'Paris", "'paris",
    "walk-", "Walk-", "WALK-", "-walk", "-Walk", "walkk-", "walk--", "--walk", "walk-bake-",
    "WALK-BAKE", "WALK-PARIS", "Walk-paris", "walk-Paris", "PARIS-WALK", "Paris-walk",
    "walk-'bake", "walk'-bake", "'walk-bake", "walk-bake'", "walk's-bake", "o'clock-walk",
    "O'CLOCK-WALK", "O'CLOCK", "o'clock'", "ROCK-AND-ROLL", "Rock-and-roll", "rock-and-rol",
    "rock-and-roll-walk", "walk-rock-and-roll", "walk-and-bake", "walk-rock-and", "PH-WALK",
    "pH-walk", "ph-walk", "walk-walk-walk-walk-walk-walk-walk-walk-walk-walk-walk",
    "walk-walk-walk-walk-walk-walk-walk-walk-walk-walk", "-", "'", "--", "walk-'", "'-walk",
    "unwalked-", "UNWALKED-BAKED", "walks'", "WALKS'",
    "mp3", "mp3s", "MP3", "Mp3", "MP3S", "mp4", "walk1", "Walk1", "WALK1", "w4lk", "a135",
};

START_TEST(test_issue_15_default_breaks)
{
    forms_fixture fx;
    forms_fixture_begin(&fx,
                        "SET UTF-8\nTRY esianrtolcdugmphbyfvkwz'-\nKEEPCASE K\n"
                        "SFX D Y 2\nSFX D 0 ed [^e]\nSFX D 0 d e\n"
                        "SFX S Y 1\nSFX S 0 s .\n"
                        "PFX U Y 1\nPFX U 0 un .\n",
                        "9\nwalk/DSU\nbake/DSU\nParis\npH/K\nand\no'clock\nrock-and-roll\n"
                        "'tis\nmp3/S\n");
    enum { N = FORMS_COUNT(break_words) };
    int hun[N];
    size_t lookups, forms;
    setenv("TQC_FORMS", "0", 1);   /* Hunspell alone: what the forms must equal */
    forms_answers_of(fx.dir, break_words, N, false, hun, &lookups);
    forms_drop_verdicts(&fx);
    ck_assert_int_eq(hun[0] + hun[2] + hun[10] + hun[13] + hun[19], 4);   /* the fixture */
    ck_assert(forms_compile(&fx, &forms));
    forms_drop_verdicts(&fx);
    forms_same_as_hunspell(fx.dir, break_words, N, false, hun);
    forms_fixture_end(&fx);
}
END_TEST

/* Issue 15: a dictionary that compounds by COMPOUNDBEGIN, COMPOUNDMIDDLE and COMPOUNDEND
 * flags (de_DE's directives: parts made by affixes that allow them, parts allowed only in
 * compounds, NEEDAFFIX stems, a prefix with a hyphen, CHECKSHARPS): every word of letters
 * and hyphens is decided as Hunspell decides it, without loading it; a FORBIDDENWORD
 * compound is left to Hunspell. */
static const char *const compound_words[] = {
    "Boothaus", "Boothäuser", "Bootwaldhaus", "Waldhaus", "Hausboot", "Haushaus", "boothaus",
    "BOOTHAUS", "Boothause", "Bootha", "Dockhaus", "Dock", "Docks", "Dockwaldhaus",
    "Dockboot", "Dock-Boot", "Dock-Haus", "Haus-Boot", "Wald-Dock", "Bootwald", "Waldboot",
    "STRASSE", "STRASSENHAUS", "Straße", "Straßenhaus", "Strassenhaus", "Hauszzz", "zzzhaus",
    "Bo", "Boothaushaus", "Boot-", "Dock-", "Bootwaldwaldhaus",
};

START_TEST(test_issue_15_compiled_compounds)
{
    forms_fixture fx;
    forms_fixture_begin(&fx,
                        "SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\nCHECKSHARPS\n"
                        "COMPOUNDBEGIN x\nCOMPOUNDMIDDLE y\nCOMPOUNDEND z\n"
                        "COMPOUNDPERMITFLAG c\nONLYINCOMPOUND o\nNEEDAFFIX h\nCIRCUMFIX f\n"
                        "KEEPCASE w\nFORBIDDENWORD d\nCOMPOUNDMIN 2\nBREAK 2\nBREAK -\nBREAK .\n"
                        "SFX S Y 1\nSFX S 0 s .\n"
                        "SFX E Y 1\nSFX E aus äuser aus\n"
                        "SFX N Y 1\nSFX N 0 n e\n"
                        "SFX j Y 2\nSFX j 0 0/xoc .\nSFX j 0 -/cz .\n"
                        "SFX e Y 1\nSFX e 0 0/yoc .\n"
                        "PFX m Y 2\nPFX m b -B/co b\nPFX m h -H/co h\n",
                        "12\nBoot/Sjx\nboot/Sozm\nHaus/SEx\nhaus/SEozm\nDock/hje\nWald/x\n"
                        "wald/Soyz\nStraße/Nx\nstraße/Nozy\nBoothause/d\nBootwald/d\n"
                        "Waldboot/dS\n");
    const char *dir = fx.dir;
    enum { N = FORMS_COUNT(compound_words) };
    int hun[N], compiled[N];
    size_t lookups;
    setenv("TQC_FORMS", "0", 1);   /* Hunspell alone: what the forms must equal */
    forms_answers_of(dir, compound_words, N, true, hun, &lookups);
    forms_drop_verdicts(&fx);
    /* The fixture is what the test means: compounds of two and three parts, the first
     * part's compound-only twin refused alone, a hyphen only a compound accepts. */
    ck_assert_int_eq(hun[0] & 1, 1);    /* Boothaus */
    ck_assert_int_eq(hun[2] & 1, 1);    /* Bootwaldhaus */
    ck_assert_int_eq(hun[6] & 1, 0);    /* boothaus */
    ck_assert_int_eq(hun[10] & 1, 1);   /* Dockhaus */
    ck_assert_int_eq(hun[11] & 1, 0);   /* Dock */
    ck_assert_int_eq(hun[15] & 1, 1);   /* Dock-Boot */
    ck_assert_int_eq(hun[16] & 1, 1);   /* Dock-Haus */
    ck_assert_int_eq(hun[18] & 1, 0);   /* Wald-Dock */
    ck_assert_int_eq(hun[21] & 1, 1);   /* STRASSE */

    size_t forms;
    ck_assert(forms_compile(&fx, &forms));
    forms_drop_verdicts(&fx);
    forms_answers_of(dir, compound_words, N, true, compiled, &lookups);
    for (int i = 0; i < N; i++)
        ck_assert_msg(compiled[i] == hun[i], "%s: compiled %d, Hunspell %d", compound_words[i],
                      compiled[i], hun[i]);
    /* The spelling of each word but the FORBIDDENWORD compounds without Hunspell (a
     * compound's name is its stemmer's here: Boot/x is a first part by its own flag). */
    forms_drop_verdicts(&fx);
    forms_answers_of(dir, compound_words, N, false, compiled, &lookups);
    ck_assert_uint_le(lookups, 3);   /* Boothause, Bootwald, Waldboot */
    forms_fixture_end(&fx);
}
END_TEST

/* Issue 15: a dictionary whose BREAK patterns are all anchored (pt_BR's `^ex-`, `-chave$`)
 * and whose suffixes make hyphenated forms (enclitics: `informá-lo`, kept as a base and
 * a tail): every hyphenated word of letters is decided as Hunspell decides it (a form in
 * any case, a pattern opening or ending it, a prefix's hyphen), without loading it. */
static const char *const anchored_words[] = {
    "informar", "informá-lo", "Informá-lo", "INFORMÁ-LO", "informar-se", "fazê-lo",
    "fazer-se", "disse-lhe", "Disse-lhe", "disse-lo", "informa-lo", "ex-ministro",
    "Ex-ministro", "EX-MINISTRO", "Ex-Ministro", "ex-zzz", "ex-informá-lo", "palavra-chave",
    "ministro-chave", "zzz-chave", "ex-palavra-chave", "anti-inflamatório",
    "Anti-inflamatório", "anti-zzz", "palavra-ministro", "informá-Lo", "ex-ex-ministro",
};

START_TEST(test_issue_15_anchored_breaks)
{
    forms_fixture fx;
    forms_fixture_begin(&fx,
                        "SET UTF-8\nTRY aeiosrnmtlcdupvgbfhqjxz\n"
                        "BREAK 4\nBREAK ^ex-\nBREAK ^Ex-\nBREAK ^EX-\nBREAK -chave$\n"
                        "SFX E Y 4\nSFX E ar á-lo ar\nSFX E 0 -se ar\nSFX E er ê-lo er\n"
                        "SFX E 0 -lhe [^r]\n"
                        "PFX A Y 1\nPFX A 0 anti- i\n",
                        "6\ninformar/E\nfazer/E\ndisse/E\nministro\npalavra\ninflamatório/A\n");
    const char *dir = fx.dir;
    enum { N = FORMS_COUNT(anchored_words) };
    int hun[N];
    size_t lookups;
    setenv("TQC_FORMS", "0", 1);
    forms_answers_of(dir, anchored_words, N, true, hun, &lookups);
    /* The fixture is what the test means: informá-lo, ex-ministro, palavra-chave,
     * anti-inflamatório known; fazer-se, zzz-chave not. */
    ck_assert_int_eq((hun[1] & 1) + (hun[11] & 1) + (hun[17] & 1) + (hun[21] & 1), 4);
    ck_assert_int_eq((hun[6] & 1) + (hun[19] & 1), 0);
    forms_drop_verdicts(&fx);
    size_t forms;
    forms_compile(&fx, &forms);
    forms_drop_verdicts(&fx);
    forms_same_as_hunspell(dir, anchored_words, N, true, hun);
    forms_fixture_end(&fx);
}
END_TEST

/* The frequency list as its lines say: comments and lines without a tab are skipped, a
 * word listed twice counts as its last line, one word is not another's prefix, a count
 * is read within its line (an empty one is 0, not the next line's number), and the last
 * line needs no newline; the total is every counted line's. */
static bool edit_is_cafe(void *ctx, const char *w, size_t n, bool swap)
{
    (void)ctx;
    (void)swap;
    return n == strlen("caf\u00e9") && !memcmp(w, "caf\u00e9", n);
}

/* An aff file whose `SET UTF-8` follows a byte order mark (Debian's pt_BR) is read as
 * UTF-8, as Hunspell reads it: its accented TRY letters make one-edit words (`cafe`:
 * `café`), where read as Latin-1 they were no letters at all. */
START_TEST(test_aff_encoding_after_byte_order_mark)
{
    forms_fixture fx;
    forms_fixture_begin(&fx, "\xEF\xBB\xBFSET UTF-8\nTRY \u00e9\n", "1\ncaf\u00e9\n");
    tqc_checker *ck = forms_checker(fx.dir);
    ck_assert(tqc_dict_each_edit(tqc_checker_dict(ck), "cafe", 4, edit_is_cafe, NULL));
    tqc_checker_free(ck);
    forms_fixture_end(&fx);
}
END_TEST

START_TEST(test_frequency_list_lines)
{
    forms_fixture fx;
    forms_fixture_begin(&fx, "SET UTF-8\n", "3\nwalk\nwalks\nwalker\n");
    char path[96];
    snprintf(path, sizeof path, "%s/dictionaries/en", fx.dir);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "mkdir -p %s", path);
    ck_assert_int_eq(system(cmd), 0);
    forms_write(&fx, "dictionaries/en/freq.tsv",
                "# word<TAB>count\nwalk\t5\nwalks\t3\nno tab here\nwalk\t7\nwalkers\t\n"
                "12\t4\nwalker\t2");
    setenv("TQC_FORMS", "0", 1);
    tqc_checker *ck = forms_checker(fx.dir);
    tqc_dict *d = tqc_checker_dict(ck);
    ck_assert_uint_eq(tqc_dict_freq(d, "walk", 4), 7);
    ck_assert_uint_eq(tqc_dict_freq(d, "Walks", 5), 3);
    ck_assert_uint_eq(tqc_dict_freq(d, "walker", 6), 2);
    ck_assert_uint_eq(tqc_dict_freq(d, "wal", 3), 0);
    ck_assert_uint_eq(tqc_dict_freq(d, "no tab here", 11), 0);
    ck_assert_uint_eq(tqc_dict_freq(d, "walkers", 7), 0);
    ck_assert_uint_eq(tqc_dict_freq(d, "12", 2), 4);
    ck_assert_uint_eq(tqc_dict_freq_total(d), 5 + 3 + 7 + 4 + 2);
    tqc_checker_free(ck);
    forms_fixture_end(&fx);
}
END_TEST

/* A verdict file is checked block by block as lookups read it: a byte changed in one
 * block is found when a lookup reads that block, and from then on the file answers
 * nothing (its other words included); a write over it keeps none of its words. */
START_TEST(test_verdict_file_blocks)
{
    char dir[] = "/tmp/tqc-verdicts-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64], again[80];
    snprintf(path, sizeof path, "%s/v.bin", dir);
    snprintf(again, sizeof again, "%s/w.bin", dir);
    tqc_strmap *m = tqc_strmap_new();
    char w[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(w, sizeof w, "word%d", i);
        ck_assert(tqc_strmap_put(m, w, strlen(w), 1 + (uint64_t)(i % 2)));
    }
    tqc_verdicts_part part = {m, 0, NULL, NULL};
    ck_assert_int_eq(tqc_verdicts_write(path, 7, NULL, &part, 1, 1000000), TQC_OK);
    ck_assert_ptr_null(tqc_verdicts_open(path, 8));   /* another key: stale */
    tqc_verdicts *v = tqc_verdicts_open(path, 7);
    ck_assert_ptr_nonnull(v);
    ck_assert_uint_eq(tqc_verdicts_count(v), 5000);
    ck_assert_uint_eq(tqc_verdicts_get(v, "word10", 6), 1);
    ck_assert_uint_eq(tqc_verdicts_get(v, "word4999", 8), 2);
    ck_assert_uint_eq(tqc_verdicts_get(v, "word5000", 8), 0);
    /* Written again over it: a word it has gets the new bits added, a new word comes in
     * while the file has room (5,001 words at most here: one of the two new ones). */
    tqc_strmap *more = tqc_strmap_new();
    ck_assert(tqc_strmap_put(more, "word10", 6, 1));
    ck_assert(tqc_strmap_put(more, "fresh", 5, 2));
    ck_assert(tqc_strmap_put(more, "later", 5, 1));
    tqc_verdicts_part next = {more, 2, NULL, NULL};
    ck_assert_int_eq(tqc_verdicts_write(again, 7, v, &next, 1, 5001), TQC_OK);
    tqc_verdicts *w2 = tqc_verdicts_open(again, 7);
    ck_assert_ptr_nonnull(w2);
    ck_assert_uint_eq(tqc_verdicts_count(w2), 5001);
    ck_assert_uint_eq(tqc_verdicts_get(w2, "word10", 6), 1 | (1 << 2));
    ck_assert_uint_eq(tqc_verdicts_get(w2, "word11", 6), 2);
    ck_assert_uint_eq(tqc_verdicts_get(w2, "fresh", 5), 2 << 2);
    ck_assert_uint_eq(tqc_verdicts_get(w2, "later", 5), 0);
    tqc_verdicts_free(w2);
    tqc_strmap_free(more);
    tqc_verdicts_free(v);

    /* Change the record of word4321 (its bits byte), leaving the sums as they were. */
    FILE *f = fopen(path, "r+b");
    ck_assert_ptr_nonnull(f);
    static unsigned char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    ck_assert_uint_lt(n, sizeof buf);
    static const char rec[] = "\x08\x02word4321";
    unsigned char *hit = NULL;
    for (size_t i = 0; !hit && i + 10 <= n; i++)
        if (memcmp(buf + i, rec, 10) == 0)
            hit = buf + i;
    ck_assert_ptr_nonnull(hit);
    ck_assert_int_eq(fseek(f, (long)(hit + 1 - buf), SEEK_SET), 0);
    ck_assert_int_eq(fputc(1, f), 1);
    ck_assert_int_eq(fclose(f), 0);

    v = tqc_verdicts_open(path, 7);
    ck_assert_ptr_nonnull(v);    /* the header and the sums are whole */
    ck_assert_uint_eq(tqc_verdicts_get(v, "word4321", 8), 0);
    ck_assert_uint_eq(tqc_verdicts_get(v, "word10", 6), 0);
    tqc_strmap *none = tqc_strmap_new();
    tqc_verdicts_part empty = {none, 0, NULL, NULL};
    ck_assert_int_eq(tqc_verdicts_write(again, 7, v, &empty, 1, 1000000), TQC_OK);
    tqc_verdicts_free(v);
    v = tqc_verdicts_open(again, 7);
    ck_assert_ptr_nonnull(v);
    ck_assert_uint_eq(tqc_verdicts_count(v), 0);
    tqc_verdicts_free(v);
    tqc_strmap_free(none);
    tqc_strmap_free(m);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

Suite *dict_suite(void)
{
    Suite *s = suite_create("dict");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_known_words_and_possessives);
    tcase_add_test(tc, test_verdict_file_blocks);
    tcase_add_test(tc, test_cache_asks_hunspell_once);
    tcase_add_test(tc, test_name_entries_are_kept_between_runs);
    tcase_add_test(tc, test_case_variant);
    tcase_add_test(tc, test_views_share_verdicts);
    tcase_add_test(tc, test_word_lists_are_not_shared);
    tcase_add_test(tc, test_own_speller);
    tcase_add_test(tc, test_suggestions_and_frequency);
    tcase_add_test(tc, test_frequency_list_lines);
    tcase_add_test(tc, test_user_word_list);
    tcase_add_test(tc, test_missing_dictionary_is_an_error);
    tcase_add_test(tc, test_issue_18_missing_word_list);
    tcase_add_test(tc, test_issue_18_word_list_is_a_folder);
    tcase_add_test(tc, test_issue_18_unreadable_word_list);
    tcase_add_test(tc, test_issue_18_dictionary_encoding_iconv_rejects);
    tcase_add_test(tc, test_issue_15_compiled_forms);
    tcase_add_test(tc, test_issue_15_build_asks_only_unsure_forms);
    tcase_add_test(tc, test_issue_15_cold_lookups_map_nothing);
    tcase_add_test(tc, test_issue_15_default_breaks);
    tcase_add_test(tc, test_issue_15_compiled_compounds);
    tcase_add_test(tc, test_issue_15_anchored_breaks);
    tcase_add_test(tc, test_aff_encoding_after_byte_order_mark);
    suite_add_tcase(s, tc);
    return s;
}
