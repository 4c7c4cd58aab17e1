#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seg/seg.h"
#include "core/token.h"
#include "tqc_test.h"

/* Tokenizes text and returns the tokens joined by '|' with each kind's initial. */
static void tokens_of(const char *text, char *out, size_t cap)
{
    static const char kinds[] = "wnpsueh#xc";
    tqc_token *toks = NULL;
    size_t count = 0, tcap = 0;
    ck_assert_int_eq(tqc_tokenize(text, tqc_span_make(0, strlen(text)), &toks, &count, &tcap), TQC_OK);
    size_t o = 0;
    for (size_t i = 0; i < count && o + 1 < cap; i++) {
        int n = snprintf(out + o, cap - o, "%s%c:%.*s", i ? "|" : "", kinds[toks[i].kind],
                         (int)tqc_span_len(toks[i].span), text + toks[i].span.start);
        o += (size_t)n;
    }
    out[o < cap ? o : cap - 1] = '\0';
    free(toks);
}

#define TOKENS_EQ(text, expected) do { \
        char buf_[1024]; tokens_of(text, buf_, sizeof buf_); \
        ck_assert_str_eq(buf_, expected); } while (0)

START_TEST(test_words_with_inner_marks)
{
    TOKENS_EQ("Kim Jong-un’s Workers’ Party", "w:Kim|w:Jong-un’s|w:Workers|p:’|w:Party");
    TOKENS_EQ("don't U.S. e.g. Ph.D.", "w:don't|w:U.S|p:.|w:e.g|p:.|w:Ph|p:.|w:D|p:.");
}
END_TEST

START_TEST(test_run_together_sentences_stay_apart)
{
    TOKENS_EQ("agreement.The", "w:agreement|p:.|w:The");
}
END_TEST

START_TEST(test_numbers_times_and_units)
{
    TOKENS_EQ("11:43 3.5 1,000 10km 19h30 COVID-19 CO2",
              "n:11:43|n:3.5|n:1,000|n:10km|n:19h30|w:COVID-19|w:CO2");
}
END_TEST

START_TEST(test_urls_emails_handles)
{
    TOKENS_EQ("See https://example.com/a?b=1. Mail ed@news.example.org, @afp #Ukraine",
              "w:See|u:https://example.com/a?b=1|p:.|w:Mail|e:ed@news.example.org|p:,|h:@afp|#:#Ukraine");
}
END_TEST

/* Issue 17: host and file names, paths and identifiers are kept as is, not words to spell;
 * a sentence run into the next (`ended.The`), `and/or` and `U.S.` are still words. */
START_TEST(test_issue_17_code_like_text_is_not_words)
{
    TOKENS_EQ("Get app.js from bbc.co.uk, 3pp.io:4439 or /etc/app/ with client_id.",
              "w:Get|c:app.js|w:from|u:bbc.co.uk|p:,|u:3pp.io:4439|w:or|c:/etc/app/|w:with|"
              "c:client_id|p:.");
    TOKENS_EQ("Kim Lee/AFP/Getty", "w:Kim|w:Lee|p:/|w:AFP|p:/|w:Getty");
    TOKENS_EQ("in \"/var/log/\"", "w:in|p:\"|c:/var/log/|p:\"");
    TOKENS_EQ("It ended.The talks and/or U.S. aid went on.",
              "w:It|w:ended|p:.|w:The|w:talks|w:and|p:/|w:or|w:U.S|p:.|w:aid|w:went|w:on|p:.");
}
END_TEST

START_TEST(test_ellipsis_and_invalid_bytes)
{
    TOKENS_EQ("Wait... no\xff!", "w:Wait|p:...|w:no|x:\xff|p:!");
}
END_TEST

START_TEST(test_flags)
{
    tqc_doc *doc = tqc_test_doc("capitalPyongyang NATO north");
    ck_assert_uint_eq(doc->token_count, 3);
    ck_assert(doc->tokens[0].flags & TQC_TF_INNER_CAP);
    ck_assert(doc->tokens[1].flags & TQC_TF_ALLCAPS);
    ck_assert(doc->tokens[2].flags & TQC_TF_LOWER);
    ck_assert(doc->tokens[2].flags & TQC_TF_SPACE_BEFORE);
    tqc_doc_free(doc);
}
END_TEST

Suite *token_suite(void)
{
    Suite *s = suite_create("token");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_words_with_inner_marks);
    tcase_add_test(tc, test_run_together_sentences_stay_apart);
    tcase_add_test(tc, test_numbers_times_and_units);
    tcase_add_test(tc, test_urls_emails_handles);
    tcase_add_test(tc, test_issue_17_code_like_text_is_not_words);
    tcase_add_test(tc, test_ellipsis_and_invalid_bytes);
    tcase_add_test(tc, test_flags);
    suite_add_tcase(s, tc);
    return s;
}
