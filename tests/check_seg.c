#include <stdio.h>
#include <string.h>

#include "seg.h"
#include "tqc_test.h"

/* The sentences of text joined by " | ". */
static void sentences_of(const char *text, char *out, size_t cap)
{
    tqc_doc *doc = tqc_test_doc(text);
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

#define SENTENCES_EQ(text, expected) do { \
        char buf_[2048]; sentences_of(text, buf_, sizeof buf_); \
        ck_assert_str_eq(buf_, expected); } while (0)

START_TEST(test_simple_sentences)
{
    SENTENCES_EQ("Hello World. My name is Jonas.", "Hello World. | My name is Jonas.");
    SENTENCES_EQ("What is it? It is “fine.” He left!", "What is it? | It is “fine.” | He left!");
}
END_TEST

START_TEST(test_abbreviations_and_initials)
{
    SENTENCES_EQ("Mr. Smith met the U.S. envoy. Jonas E. Smith agreed.",
                 "Mr. Smith met the U.S. envoy. | Jonas E. Smith agreed.");
}
END_TEST

START_TEST(test_paragraphs)
{
    tqc_doc *doc = tqc_test_doc("Title line\n\nFirst para. Still first.\n\nSecond para.\n");
    ck_assert_uint_eq(doc->paragraph_count, 3);
    ck_assert_uint_eq(doc->paragraphs[1].sent_count, 2);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_hard_wrapped_lines_join)
{
    tqc_doc *doc = tqc_test_doc("The talks went on\nfor hours.\n\nNext.\n");
    ck_assert_uint_eq(doc->paragraph_count, 2);
    ck_assert_uint_eq(doc->sentence_count, 2);
    tqc_doc_free(doc);
}
END_TEST

Suite *seg_suite(void)
{
    Suite *s = suite_create("seg");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_simple_sentences);
    tcase_add_test(tc, test_abbreviations_and_initials);
    tcase_add_test(tc, test_paragraphs);
    tcase_add_test(tc, test_hard_wrapped_lines_join);
    suite_add_tcase(s, tc);
    return s;
}
