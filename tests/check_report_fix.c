/* report_fix: the unified diff, the word diff and the HTML page of a fix result
 * (issue 4). The end-to-end tests feed the diff to patch and git apply and the page to
 * Chromium; these pin the formats down. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/fixes.h"
#include "tqc_test.h"

static tqc_fix_result *fix_named(const char *name, const char *text)
{
    tqc_fix_options o = {.name = name, .lang = "en"};
    tqc_fix_result *res;
    ck_assert_int_eq(tqc_fix_text(tqc_test_checker(), text, strlen(text), &o, &res), TQC_OK);
    return res;
}

typedef struct capture {
    FILE *f;
    char *buf;
    size_t len;
} capture;

static void cap_open(capture *c)
{
    c->buf = NULL;
    c->f = open_memstream(&c->buf, &c->len);
    ck_assert_ptr_nonnull(c->f);
}

static char *cap_close(capture *c)
{
    fclose(c->f);
    return c->buf;
}

START_TEST(test_issue_4_diff_format)
{
    tqc_fix_result *res = fix_named("a.txt", "It rained.\nHe said the the talks ended.\nThey left.\n");
    capture c;
    cap_open(&c);
    tqc_diff_write(c.f, res, "dir/a.txt");
    char *out = cap_close(&c);
    const char *want_tail = "--- dir/a.txt\n+++ dir/a.txt\n"
                            "@@ -1,3 +1,3 @@ repeated-word: word repeated: 'the'\n"
                            " It rained.\n-He said the the talks ended.\n+He said the talks ended.\n They left.\n";
    ck_assert_ptr_nonnull(strstr(out, "# tqc: dir/a.txt: 1 fix applied, "));
    ck_assert_ptr_nonnull(strstr(out, "# tqc: 2:9 repeated-word: word repeated: 'the'\n"));
    size_t n = strlen(out), w = strlen(want_tail);
    ck_assert_uint_ge(n, w);
    ck_assert_str_eq(out + n - w, want_tail);
    free(out);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_diff_no_newline_at_end_and_crlf)
{
    tqc_fix_result *res = fix_named("b.txt", "Keep\r\nHe said the the end");
    capture c;
    cap_open(&c);
    tqc_diff_write(c.f, res, "b.txt");
    char *out = cap_close(&c);
    ck_assert_ptr_nonnull(strstr(out, "@@ -1,2 +1,2 @@"));
    ck_assert_ptr_nonnull(strstr(out, " Keep\r\n-He said the the end\n\\ No newline at end of file\n"
                                      "+He said the end\n\\ No newline at end of file\n"));
    free(out);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_diff_two_fixes_on_one_line)
{
    tqc_fix_result *res = fix_named("e.txt", "It rained.\nHe said the the talks and and left.\n");
    capture c;
    cap_open(&c);
    tqc_diff_write(c.f, res, "e.txt");
    char *out = cap_close(&c);
    ck_assert_ptr_nonnull(strstr(out, "@@ -1,2 +1,2 @@ repeated-word: word repeated: 'the' | "
                                      "repeated-word: word repeated: 'and'\n"
                                      " It rained.\n-He said the the talks and and left.\n"
                                      "+He said the talks and left.\n"));
    ck_assert_ptr_null(strstr(out, "No newline"));
    free(out);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_diff_far_changes_make_two_hunks)
{
    tqc_fix_result *res = fix_named("c.txt", "The the cat.\n1\n2\n3\n4\n5\n6\n7\n8\nA dog dog.\n");
    capture c;
    cap_open(&c);
    tqc_diff_write(c.f, res, "c.txt");
    char *out = cap_close(&c);
    ck_assert_ptr_nonnull(strstr(out, "\n@@ -1,4 +1,4 @@ "));
    ck_assert_ptr_nonnull(strstr(out, "\n@@ -7,4 +7,4 @@ "));
    free(out);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_diff_empty_when_nothing_to_fix)
{
    tqc_fix_result *res = fix_named("d.txt", "The talks ended on Monday.\n");
    capture c;
    cap_open(&c);
    tqc_diff_write(c.f, res, "d.txt");
    char *out = cap_close(&c);
    ck_assert_uint_eq(c.len, 0);
    free(out);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_diff_quotes_odd_file_names)
{
    tqc_fix_result *res = fix_named("x", "The the end.\n");
    capture c;
    cap_open(&c);
    tqc_diff_write(c.f, res, "my file.txt");
    tqc_diff_write(c.f, res, "odd\"name.txt");
    char *out = cap_close(&c);
    ck_assert_ptr_nonnull(strstr(out, "--- my file.txt\t\n+++ my file.txt\t\n"));
    ck_assert_ptr_nonnull(strstr(out, "--- \"odd\\\"name.txt\"\n"));
    free(out);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_wdiff_marks_words)
{
    tqc_fix_result *res = fix_named("w.txt", "The talks began on Monday.\n\nHe said the the talks ended.\n");
    capture c;
    cap_open(&c);
    tqc_wdiff_write(c.f, res, false);
    char *out = cap_close(&c);
    ck_assert_ptr_nonnull(strstr(out, "w.txt:3:1: He said [-the the-]{+the+} talks ended.\n"));
    ck_assert_ptr_nonnull(strstr(out, "    fixed    repeated-word: word repeated: 'the'\n"));
    ck_assert_ptr_null(strstr(out, "The talks began"));
    ck_assert_ptr_null(strchr(out, '\033'));
    free(out);
    cap_open(&c);
    tqc_wdiff_write(c.f, res, true);
    out = cap_close(&c);
    ck_assert_ptr_nonnull(strstr(out, "\033[31m[-the the-]\033[0m\033[32m{+the+}\033[0m"));
    free(out);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_html_escapes_input)
{
    tqc_fix_result *res = fix_named("<b>name</b>.txt",
                                    "<script>alert(\"x\")</script> & the the end \xFF.\n");
    tqc_html *h = tqc_html_new(NULL, 0);
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(tqc_html_add(h, res), TQC_OK);
    capture c;
    cap_open(&c);
    ck_assert_int_eq(tqc_html_write(h, c.f), TQC_OK);
    char *out = cap_close(&c);
    ck_assert_ptr_nonnull(strstr(out, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "));
    ck_assert_ptr_null(strstr(out, "<script>alert"));
    ck_assert_ptr_null(strstr(out, "<b>name"));
    ck_assert_ptr_nonnull(strstr(out, "&lt;b&gt;name&lt;/b&gt;.txt"));
    ck_assert_ptr_null(strstr(out, "\xFF"));
    ck_assert_ptr_nonnull(strstr(out, "\xEF\xBF\xBD"));
    ck_assert_ptr_nonnull(strstr(out, "data-rule=\"repeated-word\""));
    ck_assert_ptr_nonnull(strstr(out, "<del>the the</del><ins>the</ins>"));
    /* Nothing is fetched: no src= or href= to anything but the page itself. */
    ck_assert_ptr_null(strstr(out, "src="));
    ck_assert_ptr_null(strstr(out, "href=\"http"));
    free(out);
    tqc_html_free(h);
    tqc_fix_result_free(res);
}
END_TEST

Suite *report_fix_suite(void)
{
    Suite *s = suite_create("report_fix");
    TCase *tc = tcase_create("formats");
    tcase_add_test(tc, test_issue_4_diff_format);
    tcase_add_test(tc, test_issue_4_diff_no_newline_at_end_and_crlf);
    tcase_add_test(tc, test_issue_4_diff_two_fixes_on_one_line);
    tcase_add_test(tc, test_issue_4_diff_far_changes_make_two_hunks);
    tcase_add_test(tc, test_issue_4_diff_empty_when_nothing_to_fix);
    tcase_add_test(tc, test_issue_4_diff_quotes_odd_file_names);
    tcase_add_test(tc, test_issue_4_wdiff_marks_words);
    tcase_add_test(tc, test_issue_4_html_escapes_input);
    suite_add_tcase(s, tc);
    return s;
}
