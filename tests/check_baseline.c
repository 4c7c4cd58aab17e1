/* baseline: accepted findings by fingerprint (issue 7). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/baseline.h"
#include "core/fingerprint.h"
#include "run/pipeline.h"
#include "report/report.h"
#include "tqc_test.h"

static char *format(const tqc_baseline *b)
{
    char *text;
    size_t len;
    ck_assert_int_eq(tqc_baseline_format(b, &text, &len), TQC_OK);
    ck_assert_uint_eq(strlen(text), len);
    return text;
}

static tqc_baseline *parse_ok(const char *text)
{
    tqc_baseline *b;
    char err[256];
    tqc_status st = tqc_baseline_parse("base.txt", text, strlen(text), &b, err, sizeof err);
    ck_assert_msg(st == TQC_OK, "%s", err);
    return b;
}

START_TEST(test_issue_7_baseline_format_is_sorted_and_escaped)
{
    tqc_baseline *b = tqc_baseline_new();
    ck_assert_int_eq(tqc_baseline_add(b, 0xffULL, "quotes", "b.txt", "\"x", 2), TQC_OK);
    ck_assert_int_eq(tqc_baseline_add(b, 0x0123456789abcdefULL, "repeated-word",
                                      "dir\twith tab/a\\b.txt", "the\n  the", 9), TQC_OK);
    char *text = format(b);
    const char *want = TQC_BASELINE_HEADER "\n"
        "# fingerprint<TAB>rule<TAB>path<TAB>text, sorted; made by `tqc baseline create`,\n"
        "# read by `tqc check --baseline`. Paths are relative to this file's folder.\n"
        "00000000000000ff\tquotes\tb.txt\t\"x\n"
        "0123456789abcdef\trepeated-word\tdir\\twith tab/a\\\\b.txt\tthe the\n";
    ck_assert_str_eq(text, want);
    /* It reads back to the same entries. */
    tqc_baseline *c = parse_ok(text);
    ck_assert_uint_eq(tqc_baseline_count(c), 2);
    char *again = format(c);
    ck_assert_str_eq(again, text);
    ck_assert(tqc_baseline_match(c, "dir\twith tab/a\\b.txt", "repeated-word", 0x0123456789abcdefULL));
    free(again);
    free(text);
    tqc_baseline_free(b);
    tqc_baseline_free(c);
}
END_TEST

START_TEST(test_issue_7_baseline_text_is_cut_on_a_character)
{
    char long_text[300];
    memset(long_text, 'a', 79);
    memcpy(long_text + 79, "\xC3\xA9\xC3\xA9 tail", 10);
    tqc_baseline *b = tqc_baseline_new();
    ck_assert_int_eq(tqc_baseline_add(b, 1, "r", "p", long_text, 89), TQC_OK);
    char *text = format(b);
    const char *entry = strstr(text, "\tp\t") + 3;
    char want[100];
    memset(want, 'a', 79);
    memcpy(want + 79, "...\n", 5);
    ck_assert_str_eq(entry, want);
    free(text);
    tqc_baseline_free(b);
}
END_TEST

START_TEST(test_issue_7_baseline_match_counts_occurrences)
{
    tqc_baseline *b = parse_ok(TQC_BASELINE_HEADER "\n"
                               "00000000000000aa\trepeated-word\ta.txt\tthe the\n"
                               "00000000000000aa\trepeated-word\ta.txt\tthe the\n"
                               "\n# a comment\n"
                               "00000000000000bb\tquotes\ta.txt\t\"\n");
    ck_assert(tqc_baseline_match(b, "a.txt", "repeated-word", 0xaa));
    ck_assert(tqc_baseline_match(b, "a.txt", "repeated-word", 0xaa));
    ck_assert(!tqc_baseline_match(b, "a.txt", "repeated-word", 0xaa)); /* a third is new */
    ck_assert(!tqc_baseline_match(b, "b.txt", "quotes", 0xbb));        /* another file */
    ck_assert(!tqc_baseline_match(b, "a.txt", "spacing", 0xbb));       /* another rule */
    ck_assert(tqc_baseline_match(b, "a.txt", "quotes", 0xbb));
    tqc_baseline_free(b);
}
END_TEST

static bool keep_b_only(const char *path, void *ctx)
{
    (void)ctx;
    return strcmp(path, "b.txt") == 0;
}

START_TEST(test_issue_7_baseline_prune_drops_unmatched_of_checked_files)
{
    tqc_baseline *b = parse_ok(TQC_BASELINE_HEADER "\n"
                               "00000000000000aa\trepeated-word\ta.txt\tthe the\n"
                               "00000000000000ab\trepeated-word\ta.txt\ta a\n"
                               "00000000000000cc\tquotes\tb.txt\t\"\n");
    ck_assert(tqc_baseline_match(b, "a.txt", "repeated-word", 0xaa));
    ck_assert_uint_eq(tqc_baseline_prune(b, keep_b_only, NULL), 1);
    ck_assert_uint_eq(tqc_baseline_count(b), 2);
    char *text = format(b);
    ck_assert_ptr_nonnull(strstr(text, "00000000000000aa\t"));
    ck_assert_ptr_null(strstr(text, "00000000000000ab\t"));
    ck_assert_ptr_nonnull(strstr(text, "00000000000000cc\t"));
    free(text);
    tqc_baseline_free(b);
}
END_TEST

static void expect_error(const char *text, const char *want)
{
    tqc_baseline *b = (tqc_baseline *)1;
    char err[256];
    ck_assert_int_eq(tqc_baseline_parse("base.txt", text, strlen(text), &b, err, sizeof err),
                     TQC_EINPUT);
    ck_assert_ptr_null(b);
    ck_assert_msg(strstr(err, want) != NULL, "'%s' does not say '%s'", err, want);
}

START_TEST(test_issue_7_baseline_errors_name_the_line)
{
    expect_error("", "base.txt:1: empty file");
    expect_error("fingerprint\trule\n", "base.txt:1: not a tqc baseline");
    expect_error(TQC_BASELINE_HEADER "\n00000000000000aa\trule\tpath\n", "base.txt:2: expected");
    expect_error(TQC_BASELINE_HEADER "\n# c\n00000000000000AA\tr\tp\tt\n", "base.txt:3: the fingerprint");
    expect_error(TQC_BASELINE_HEADER "\n0000000000000aa\tr\tp\tt\n", "base.txt:2: the fingerprint");
    expect_error(TQC_BASELINE_HEADER "\n00000000000000aa\t\tp\tt\n", "base.txt:2: empty rule");
    expect_error(TQC_BASELINE_HEADER "\n00000000000000aa\tr\tp\\x\tt\n", "base.txt:2: unknown escape");
}
END_TEST

/* The fingerprints a baseline keeps survive moving the text: a line added above. */
START_TEST(test_issue_7_baseline_survives_line_shifts)
{
    const char *before = "The minister said the the talks ended.\n";
    const char *after = "A new first paragraph.\n\nThe minister said the the talks ended.\n";
    uint64_t fp[2];
    const char *texts[2] = {before, after};
    for (int k = 0; k < 2; k++) {
        tqc_doc *doc = tqc_doc_new("a.txt", texts[k], strlen(texts[k]), "en");
        tqc_findings out;
        tqc_findings_init(&out, doc);
        ck_assert_int_eq(tqc_check_doc(tqc_test_checker(), doc, &out), TQC_OK);
        fp[k] = 0;
        for (size_t i = 0; i < out.count; i++)
            if (strcmp(out.items[i].rule, "repeated-word") == 0)
                fp[k] = tqc_finding_fingerprint(doc, &out.items[i]);
        ck_assert(fp[k] != 0);
        tqc_findings_release(&out);
        tqc_doc_free(doc);
    }
    tqc_baseline *b = tqc_baseline_new();
    ck_assert_int_eq(tqc_baseline_add(b, fp[0], "repeated-word", "a.txt", "the the", 7), TQC_OK);
    ck_assert(tqc_baseline_match(b, "a.txt", "repeated-word", fp[1]));
    tqc_baseline_free(b);
}
END_TEST

START_TEST(test_issue_7_baseline_load_missing_file)
{
    tqc_baseline *b;
    char err[256];
    ck_assert_int_eq(tqc_baseline_load("/nonexistent/base.txt", &b, err, sizeof err), TQC_EIO);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/base.txt: "));
}
END_TEST

/* The pipeline's baseline stage: what --min-severity and a baseline leave out, for
 * every command; a finding seen again after fixing stays known (run/pipeline.h). */
START_TEST(test_issue_13_pipeline_filter_drops_known_and_low_findings)
{
    const char *text = "Kim said the the talks ended, and and left.";
    tqc_doc *doc = tqc_doc_new("a.txt", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    tqc_findings found;
    tqc_findings_init(&found, doc);
    ck_assert_ptr_nonnull(tqc_emit(&found, "repeated-word", TQC_SEV_ERROR, tqc_span_make(9, 16),
                                   "word repeated"));
    ck_assert_ptr_nonnull(tqc_emit(&found, "repeated-word", TQC_SEV_ERROR, tqc_span_make(30, 37),
                                   "word repeated"));
    ck_assert_ptr_nonnull(tqc_emit(&found, "spacing", TQC_SEV_INFO, tqc_span_make(0, 3), "x"));
    tqc_baseline *b = tqc_baseline_new();
    ck_assert_int_eq(tqc_baseline_add(b, tqc_finding_fingerprint(doc, &found.items[0]),
                                      "repeated-word", "a.txt", "the the", 7), TQC_OK);
    tqc_pipe_filter pf = {.baseline = b, .key = "a.txt", .min_severity = TQC_SEV_WARNING};
    /* Nothing is left out without a filter. */
    ck_assert(!tqc_pipe_drops(NULL, doc, &found.items[2], false));
    /* The entry accepts its finding once; seen again after fixing, it is still known. */
    ck_assert(!tqc_baseline_holds(b, "b.txt", "repeated-word",
                                  tqc_finding_fingerprint(doc, &found.items[0])));
    tqc_findings kept = found;
    kept.items = malloc(found.count * sizeof *kept.items);
    ck_assert_ptr_nonnull(kept.items);
    memcpy(kept.items, found.items, found.count * sizeof *kept.items);
    ck_assert_uint_eq(tqc_pipe_filter_findings(&pf, &kept, false), 2);
    ck_assert_uint_eq(kept.count, 1);
    ck_assert_uint_eq(kept.items[0].span.start, 30);
    ck_assert(!tqc_pipe_drops(&pf, doc, &found.items[0], false));
    ck_assert(tqc_pipe_drops(&pf, doc, &found.items[0], true));
    ck_assert(!tqc_pipe_drops(&pf, doc, &found.items[1], true));
    free(kept.items);
    tqc_findings_release(&found);
    tqc_baseline_free(b);
    tqc_doc_free(doc);
}
END_TEST

Suite *baseline_suite(void)
{
    Suite *s = suite_create("baseline");
    TCase *tc = tcase_create("baseline");
    tcase_add_test(tc, test_issue_7_baseline_format_is_sorted_and_escaped);
    tcase_add_test(tc, test_issue_7_baseline_text_is_cut_on_a_character);
    tcase_add_test(tc, test_issue_7_baseline_match_counts_occurrences);
    tcase_add_test(tc, test_issue_7_baseline_prune_drops_unmatched_of_checked_files);
    tcase_add_test(tc, test_issue_7_baseline_errors_name_the_line);
    tcase_add_test(tc, test_issue_7_baseline_survives_line_shifts);
    tcase_add_test(tc, test_issue_7_baseline_load_missing_file);
    tcase_add_test(tc, test_issue_13_pipeline_filter_drops_known_and_low_findings);
    suite_add_tcase(s, tc);
    return s;
}
