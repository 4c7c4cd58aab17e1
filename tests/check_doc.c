#include <string.h>

#include "doc.h"
#include "tqc_test.h"

START_TEST(test_locate_counts_characters)
{
    const char *text = "first line\nJapão é grande\n\nlast";
    tqc_doc *doc = tqc_doc_new("x", text, strlen(text), "pt");
    size_t line, col;
    tqc_doc_locate(doc, 0, &line, &col);
    ck_assert_uint_eq(line, 1);
    ck_assert_uint_eq(col, 1);
    const char *e = strstr(text, "é");
    tqc_doc_locate(doc, (size_t)(e - text), &line, &col);
    ck_assert_uint_eq(line, 2);
    ck_assert_uint_eq(col, 7); /* "Japão " is six characters, seven bytes */
    tqc_doc_locate(doc, strlen(text), &line, &col);
    ck_assert_uint_eq(line, 4);
    ck_assert_uint_eq(col, 5);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_locate_with_base_line_and_invalid_bytes)
{
    const char *text = "a\xff\xfe b";
    tqc_doc *doc = tqc_doc_new("x", text, strlen(text), "en");
    doc->base_line = 41;
    size_t line, col;
    tqc_doc_locate(doc, 5, &line, &col);
    ck_assert_uint_eq(line, 42);
    ck_assert_uint_eq(col, 6); /* each invalid byte counts one column */
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_line_span_strips_crlf)
{
    const char *text = "one\r\ntwo\r\n";
    tqc_doc *doc = tqc_doc_new("x", text, strlen(text), "en");
    tqc_span s = tqc_doc_line_span(doc, 6);
    ck_assert_uint_eq(s.start, 5);
    ck_assert_uint_eq(s.end, 8);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_empty_doc)
{
    tqc_doc *doc = tqc_test_doc("");
    ck_assert_uint_eq(doc->token_count, 0);
    ck_assert_uint_eq(doc->sentence_count, 0);
    ck_assert_uint_eq(doc->paragraph_count, 0);
    tqc_doc_free(doc);
    tqc_doc_free(NULL);
}
END_TEST

Suite *doc_suite(void)
{
    Suite *s = suite_create("doc");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_locate_counts_characters);
    tcase_add_test(tc, test_locate_with_base_line_and_invalid_bytes);
    tcase_add_test(tc, test_line_span_strips_crlf);
    tcase_add_test(tc, test_empty_doc);
    suite_add_tcase(s, tc);
    return s;
}
