#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "read/input.h"
#include "seg/seg.h"
#include "tqc_test.h"

static tqc_checker *shared_checker;

/* The checkers are freed by the process that made them. Check forks a process per test,
 * and each would otherwise free every loaded dictionary at its exit: touching all those
 * pages copied them, which cost more than the tests themselves. The memory stays
 * reachable from these statics, so the leak checker does not count it. */
static pid_t loading_process;

static void free_checker(void)
{
    if (getpid() == loading_process)
        tqc_checker_free(shared_checker);
}

tqc_checker *tqc_test_checker(void)
{
    if (!shared_checker) {
        char err[512];
        tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = "en"};
        if (tqc_checker_new(&opts, &shared_checker, err, sizeof err) != TQC_OK) {
            fprintf(stderr, "check_tqc: cannot load the English checker: %s\n", err);
            exit(EXIT_FAILURE);
        }
        loading_process = getpid();
        atexit(free_checker);
        /* Before Check forks: each test would load it again (tqc_dict_load). */
        tqc_dict_load(tqc_checker_dict(shared_checker));
    }
    return shared_checker;
}

char *tqc_test_repeat(const char *piece, size_t times)
{
    size_t len = strlen(piece);
    char *out = malloc(len * times + 1);
    ck_assert_ptr_nonnull(out);
    for (size_t i = 0; i < times; i++)
        memcpy(out + i * len, piece, len);
    out[len * times] = '\0';
    return out;
}

tqc_doc *tqc_test_doc(const char *text)
{
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    ck_assert_int_eq(tqc_segment(doc, tqc_checker_lang(tqc_test_checker())), TQC_OK);
    return doc;
}

/* Checkers of other languages, made on first use and kept for the run (loaded by each
 * suite's constructor, before Check forks: a dictionary takes a good fraction of a
 * second to load). */
#define TEST_MAX_LANGS 16
static tqc_checker *lang_checkers[TEST_MAX_LANGS];
static size_t lang_checker_count;

static void free_lang_checkers(void)
{
    if (getpid() != loading_process)
        return;
    for (size_t i = 0; i < lang_checker_count; i++)
        tqc_checker_free(lang_checkers[i]);
}

tqc_checker *tqc_test_checker_for(const char *code)
{
    for (size_t i = 0; i < lang_checker_count; i++)
        if (strcmp(tqc_lang_code(tqc_checker_lang(lang_checkers[i])), code) == 0)
            return lang_checkers[i];
    char err[512];
    tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = code};
    tqc_checker *ck = NULL;
    if (lang_checker_count == TEST_MAX_LANGS ||
        tqc_checker_new(&opts, &ck, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "check_tqc: cannot load the %s checker: %s\n", code, err);
        exit(EXIT_FAILURE);
    }
    if (lang_checker_count == 0)
        atexit(free_lang_checkers);
    if (tqc_checker_has_dict(ck))
        tqc_dict_load(tqc_checker_dict(ck));
    lang_checkers[lang_checker_count++] = ck;
    return ck;
}

/* The sentences of text in language code, joined by " | ". */
void tqc_test_sentences(const char *code, const char *text, char *out, size_t cap)
{
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), code);
    ck_assert_ptr_nonnull(doc);
    ck_assert_int_eq(tqc_segment(doc, tqc_checker_lang(tqc_test_checker_for(code))), TQC_OK);
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < doc->sentence_count && o < cap; i++) {
        tqc_span s = doc->sentences[i].span;
        int n = snprintf(out + o, cap - o, "%s%.*s", i ? " | " : "", (int)tqc_span_len(s),
                         doc->text + s.start);
        o += (size_t)n;
    }
    tqc_doc_free(doc);
}

/* How many findings of rule (merged ones too) at warning or above text gets in language
 * code; the first one's span into first (cap bytes) when given. */
size_t tqc_test_findings_in(const char *code, const char *text, const char *rule, char *first,
                             size_t cap)
{
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), code);
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker_for(code), doc, &out), TQC_OK);
    size_t n = 0;
    for (size_t i = 0; i < out.count; i++) {
        const tqc_finding *f = &out.items[i];
        if (f->severity < TQC_SEV_WARNING ||
            (strcmp(f->rule, rule) != 0 && !(f->also && strstr(f->also, rule))))
            continue;
        if (n++ == 0 && first) {
            size_t len = tqc_span_len(f->span) < cap ? tqc_span_len(f->span) : cap - 1;
            memcpy(first, doc->text + f->span.start, len);
            first[len] = '\0';
        }
    }
    tqc_findings_release(&out);
    tqc_doc_free(doc);
    return n;
}

static void copy_out(char *dst, size_t cap, const char *src, size_t len)
{
    if (len >= cap)
        len = cap - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

void tqc_test_first(const char *text, const char *rule, tqc_test_hit *h)
{
    tqc_test_first_in("en", text, rule, h);
}

void tqc_test_first_in(const char *code, const char *text, const char *rule, tqc_test_hit *h)
{
    memset(h, 0, sizeof *h);
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), code);
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    tqc_checker *ck = strcmp(code, "en") == 0 ? tqc_test_checker() : tqc_test_checker_for(code);
    ck_assert_int_eq(tqc_check_doc(ck, doc, &out), TQC_OK);
    for (size_t i = 0; i < out.count; i++) {
        const tqc_finding *f = &out.items[i];
        if (strcmp(f->rule, rule) != 0 && !(f->also && strstr(f->also, rule)))
            continue;
        if (h->count++)
            continue;
        copy_out(h->span, sizeof h->span, doc->text + f->span.start, tqc_span_len(f->span));
        copy_out(h->message, sizeof h->message, f->message, strlen(f->message));
        if (f->suggestion_count)
            copy_out(h->first, sizeof h->first, f->suggestions[0], strlen(f->suggestions[0]));
        h->severity = f->severity;
        h->has_fix = f->has_fix;
        h->safe = f->has_fix && f->fix.safe;
    }
    tqc_findings_release(&out);
    tqc_doc_free(doc);
}

void tqc_test_first_between_in(const char *code, const char *before, const char *middle,
                               const char *after, const char *rule, tqc_test_hit *h)
{
    char text[2048];
    snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", before, middle, after);
    tqc_test_first_in(code, text, rule, h);
}

/* Counts the findings of rule in one checked doc; the first one's text into first. */
static size_t count_findings(tqc_checker *ck, tqc_doc *doc, const char *rule, char *first,
                             size_t cap, size_t n)
{
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(ck, doc, &out), TQC_OK);
    for (size_t i = 0; i < out.count; i++) {
        const tqc_finding *f = &out.items[i];
        bool match = !rule || strcmp(f->rule, rule) == 0 ||
                     (f->also && strstr(f->also, rule));
        if (!match)
            continue;
        if (n++ == 0 && first) {
            size_t len = tqc_span_len(f->span);
            if (len >= cap)
                len = cap - 1;
            memcpy(first, doc->text + f->span.start, len);
            first[len] = '\0';
        }
    }
    tqc_findings_release(&out);
    return n;
}

size_t tqc_test_findings(const char *text, const char *rule, char *first, size_t cap)
{
    tqc_checker *ck = tqc_test_checker();
    if (strncmp(text, "<?xml", 5) != 0) {
        tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), "en");
        ck_assert_ptr_nonnull(doc);
        size_t n = count_findings(ck, doc, rule, first, cap, 0);
        tqc_doc_free(doc);
        return n;
    }
    /* An example that is an XML file (the xliff pass's) is read as one, every unit. */
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    ck_assert_ptr_nonnull(f);
    tqc_input_options io = {.format = TQC_INPUT_XLIFF, .lang = "en", .name = "test.xlf"};
    tqc_input *in;
    char err[512];
    ck_assert_int_eq(tqc_input_open_stream(f, &io, &in, err, sizeof err), TQC_OK);
    size_t n = 0;
    for (tqc_doc *doc; tqc_input_next(in, &doc, err, sizeof err) == TQC_OK && doc;) {
        n = count_findings(ck, doc, rule, first, cap, n);
        tqc_doc_free(doc);
    }
    tqc_input_close(in);
    fclose(f);
    return n;
}

int main(void)
{
    Suite *(*const suites[])(void) = {
        strmap_suite, doc_suite, token_suite, seg_suite, dict_suite, finding_suite, passes_suite,
        report_suite, pass_quotes_suite, pass_spacing_suite, pass_encoding_suite,
        pass_capitalization_suite, pass_fragment_suite, pass_boilerplate_suite,
        pass_stray_heading_suite, input_suite,
        fix_suite, atomic_suite, report_fix_suite,
        pass_missing_space_suite, pass_spelling_suite,
        config_suite, suppress_suite, baseline_suite,
        audit_suite,
        lang_es_pt_suite,
        lang_fr_de_it_suite,
        langid_suite, pass_untranslated_suite, pool_suite, text_suite, lex_suite,
        pass_number_suite, pass_repeated_word_suite, serve_suite, readers_suite, alloc_suite,
    };
    /* No verdict files or lexicon stamps (lang/verdicts.h): unit tests see what a first
     * run sees, and leave nothing in the user's cache (e2e_cache.sh tests the files). */
    setenv("TQC_CACHE_DIR", "", 1);
    /* Check's default of 4 s per test is a hang guard that a loaded machine under ASan
     * trips (seen at load 11): speed is measured in make bench and as ratios, never here.
     * Before the suites are built, since tcase_create reads it; the caller's value wins. */
    setenv("CK_DEFAULT_TIMEOUT", "60", 0);
    /* Load the dictionaries once, before Check forks a process per test. */
    tqc_test_checker();
    SRunner *sr = srunner_create(NULL);
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++)
        srunner_add_suite(sr, suites[i]());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
