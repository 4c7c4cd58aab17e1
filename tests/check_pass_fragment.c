/* Tests of the fragment pass: verbless pieces split off the sentence before them, and the
 * legitimate short sentences, quotations, titles and abbreviations it must leave alone. */
#include "pass.h"
#include "tqc_test.h"

#define RULE "fragment"

static size_t hits(const char *text, char *first, size_t cap)
{
    return tqc_test_findings(text, RULE, first, cap);
}

START_TEST(test_issue_3_fragment_names_split_off)
{
    char first[64];
    ck_assert_uint_eq(hits("The engineers were linked to the national space program. North "
                           "Korean.", first, sizeof first), 1);
    ck_assert_str_eq(first, "North Korean.");
    /* A name alone, inside the paragraph. */
    ck_assert_uint_eq(hits("Flights were suspended at the international airport. Marrowdale. "
                           "The airline hopes to resume on Monday.", first, sizeof first), 1);
    ck_assert_str_eq(first, "Marrowdale.");
    /* A common word capitalised alone at the end of the paragraph. */
    ck_assert_uint_eq(hits("Several suppliers have warned of stoppages across the sector. "
                           "Pharmaceutical.", first, sizeof first), 1);
    ck_assert_str_eq(first, "Pharmaceutical.");
}
END_TEST

START_TEST(test_issue_3_fragment_prepositional_phrase_split_off)
{
    char first[64];
    ck_assert_uint_eq(hits("The three firms earned about 40 billion euros in sales last year. "
                           "According to the Ministry.", first, sizeof first), 1);
    ck_assert_str_eq(first, "According to the Ministry.");
    ck_assert_uint_eq(hits("The trial was led by a doctor from the northern province. Of the "
                           "Research Unit of Tamberlo.", first, sizeof first), 1);
    ck_assert_str_eq(first, "Of the Research Unit of Tamberlo.");
    /* An idiom has no name: not a broken-off piece. */
    ck_assert_uint_eq(hits("The minister said the talks would go on for another week. Of "
                           "course.", NULL, 0), 0);
}
END_TEST

START_TEST(test_issue_3_fragment_short_sentences_are_legitimate)
{
    const char *ok[] = {
        "The minister was asked whether the talks had failed. He declined.",
        "Asked whether the strike was over, the union leader answered briefly. Not yet.",
        "The winner thanked the crowd and the organisers at length. Thank you.",
        "The committee has not explained its decision to anyone. Why?",
        "He was asked whether he would stand again next spring. Yes, he said.",
        "The inspectors tried the doors of the old warehouse twice. Locked. They left.",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        ck_assert_msg(hits(ok[i], NULL, 0) == 0, "fires on: %s", ok[i]);
}
END_TEST

START_TEST(test_issue_3_fragment_quotes_titles_and_abbreviations)
{
    /* Speech keeps its fragments. */
    ck_assert_uint_eq(hits("“The wind was screaming all night long in the village. Nothing. "
                           "No roof.”", NULL, 0), 0);
    ck_assert_uint_eq(hits("\"We held the door shut with a heavy table all night. Kitchen.\"",
                           NULL, 0), 0);
    /* A title or dateline paragraph is not after a sentence. */
    ck_assert_uint_eq(hits("North Korea.\n\nThe launch was reported on Wednesday morning.", NULL,
                           0), 0);
    /* After a question, a short answer is normal. */
    ck_assert_uint_eq(hits("Where did the minister go after the long meeting? Brussels.", NULL,
                           0), 0);
    /* The sentence before is too short to have been a full clause. */
    ck_assert_uint_eq(hits("It rained. London.", NULL, 0), 0);
    /* An abbreviation the segmenter may cut at. */
    ck_assert_uint_eq(hits("See the court record for the details of the case. Cf. Smith.", NULL,
                           0), 0);
}
END_TEST

Suite *pass_fragment_suite(void)
{
    Suite *s = suite_create("pass_fragment");
    TCase *tc = tcase_create("fragment");
    tcase_add_test(tc, test_issue_3_fragment_names_split_off);
    tcase_add_test(tc, test_issue_3_fragment_prepositional_phrase_split_off);
    tcase_add_test(tc, test_issue_3_fragment_short_sentences_are_legitimate);
    tcase_add_test(tc, test_issue_3_fragment_quotes_titles_and_abbreviations);
    suite_add_tcase(s, tc);
    return s;
}
