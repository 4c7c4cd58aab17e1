/* Tests of the segmenter: paragraphs, sentences, and the English segmentation data
 * (rules/en/abbreviations, abbreviations-before-number, sentence-starters). */
#include <stdio.h>
#include <string.h>

#include "seg/seg.h"
#include "tqc_test.h"

#define SENTENCES_EQ(text, expected) LANG_SENTENCES_EQ("en", text, expected)

/* Every sentence and paragraph is non-empty, in order, and covers its tokens. */
static void assert_well_formed(const tqc_doc *doc)
{
    size_t next_tok = 0;
    for (size_t i = 0; i < doc->sentence_count; i++) {
        const tqc_sentence *s = &doc->sentences[i];
        ck_assert_uint_gt(s->tok_count, 0);
        ck_assert_uint_eq(s->tok_first, next_tok);
        ck_assert_uint_gt(tqc_span_len(s->span), 0);
        ck_assert(doc->tokens[s->tok_first].flags & TQC_TF_SENT_START);
        next_tok += s->tok_count;
    }
    ck_assert_uint_eq(next_tok, doc->token_count);
    size_t next_sent = 0;
    for (size_t p = 0; p < doc->paragraph_count; p++) {
        ck_assert_uint_gt(doc->paragraphs[p].sent_count, 0);
        ck_assert_uint_eq(doc->paragraphs[p].sent_first, next_sent);
        next_sent += doc->paragraphs[p].sent_count;
    }
    ck_assert_uint_eq(next_sent, doc->sentence_count);
}

START_TEST(test_simple_sentences)
{
    SENTENCES_EQ("Hello World. My name is Jonas.", "Hello World. | My name is Jonas.");
    SENTENCES_EQ("What is it? It is “fine.” He left!", "What is it? | It is “fine.” | He left!");
    SENTENCES_EQ("Really?! Yes!! Fine.", "Really?! | Yes!! | Fine.");
}
END_TEST

START_TEST(test_abbreviations_and_initials)
{
    SENTENCES_EQ("Mr. Smith met the U.S. envoy. Jonas E. Smith agreed.",
                 "Mr. Smith met the U.S. envoy. | Jonas E. Smith agreed.");
    SENTENCES_EQ("Dr. Patel met Gov. Lee at 9 a.m. on Tuesday.",
                 "Dr. Patel met Gov. Lee at 9 a.m. on Tuesday.");
    SENTENCES_EQ("The report was written by Maria T. Lopez and Dr. A. Kumar.",
                 "The report was written by Maria T. Lopez and Dr. A. Kumar.");
    SENTENCES_EQ("She joined the U.N. Security Council in Sept. last year.",
                 "She joined the U.N. Security Council in Sept. last year.");
}
END_TEST

START_TEST(test_abbreviation_ends_sentence_before_starter)
{
    SENTENCES_EQ("The plant belongs to Acme Co. It opened in 1990.",
                 "The plant belongs to Acme Co. | It opened in 1990.");
    SENTENCES_EQ("He studied in the U.K. Then he went home.",
                 "He studied in the U.K. | Then he went home.");
    /* A capitalised word that is no starter is a name: no break. */
    SENTENCES_EQ("He works for Acme Inc. Chief Executive Jo Lee hired him.",
                 "He works for Acme Inc. Chief Executive Jo Lee hired him.");
    /* An initial before a starter ends the sentence; before a name it does not. */
    SENTENCES_EQ("The winners were Ann and I. Did you see Tom B. Wood there?",
                 "The winners were Ann and I. | Did you see Tom B. Wood there?");
}
END_TEST

START_TEST(test_lower_case_after_abbreviation)
{
    SENTENCES_EQ("They sell fruit, bread, etc. and flowers.",
                 "They sell fruit, bread, etc. and flowers.");
    SENTENCES_EQ("The bill passed in the House vs. the Senate.",
                 "The bill passed in the House vs. the Senate.");
}
END_TEST

/* A list closed by `etc.` ends its clause: a capitalised common word after it begins a
 * sentence, in every language with a `list-closers` list; a name or a word the lexicon
 * lacks keeps the sentence joined, as after any abbreviation. */
START_TEST(test_list_closer_before_common_word_ends_sentence)
{
    SENTENCES_EQ("They sell bread, fruit, etc. Unfortunately it is dear.",
                 "They sell bread, fruit, etc. | Unfortunately it is dear.");
    LANG_SENTENCES_EQ("fr", "Du pain, des fruits, etc. Malheureusement tout est cher.",
                      "Du pain, des fruits, etc. | Malheureusement tout est cher.");
    LANG_SENTENCES_EQ("it", "Pane, frutta ecc. Purtroppo tutto costa caro.",
                      "Pane, frutta ecc. | Purtroppo tutto costa caro.");
    LANG_SENTENCES_EQ("es", "Pan, fruta, etc. Lamentablemente todo es caro.",
                      "Pan, fruta, etc. | Lamentablemente todo es caro.");
    LANG_SENTENCES_EQ("de", "Brot, Obst usw. Die Preise steigen.",
                      "Brot, Obst usw. | Die Preise steigen.");
    /* A name after it: the list may go on, no break. */
    SENTENCES_EQ("Firms such as Acme, Globex, etc. Zorblat among them agreed.",
                 "Firms such as Acme, Globex, etc. Zorblat among them agreed.");
    /* Another abbreviation before a common word is no list's end. */
    SENTENCES_EQ("He met Gov. Little in Boise.", "He met Gov. Little in Boise.");
}
END_TEST

START_TEST(test_abbreviations_before_numbers)
{
    SENTENCES_EQ("Read p. 12 and No. 7 first.", "Read p. 12 and No. 7 first.");
    SENTENCES_EQ("The law is in Art. 5 of the treaty.", "The law is in Art. 5 of the treaty.");
    /* Without a number after it, "No" is a word that ends a sentence. */
    SENTENCES_EQ("The answer was No. The bill failed.", "The answer was No. | The bill failed.");
}
END_TEST

START_TEST(test_numbers_decimals_times)
{
    SENTENCES_EQ("Prices rose 2.5 percent. Costs fell.", "Prices rose 2.5 percent. | Costs fell.");
    SENTENCES_EQ("It costs $4.50. We paid it.", "It costs $4.50. | We paid it.");
    SENTENCES_EQ("The train left at 11:45. It was late.", "The train left at 11:45. | It was late.");
    SENTENCES_EQ("He finished 3rd. She won the race.", "He finished 3rd. | She won the race.");
    SENTENCES_EQ("Turnout was 61. 2019 had been worse.", "Turnout was 61. | 2019 had been worse.");
}
END_TEST

START_TEST(test_ellipses)
{
    SENTENCES_EQ("He paused... Then he spoke.", "He paused... | Then he spoke.");
    SENTENCES_EQ("He paused… Then he spoke.", "He paused… | Then he spoke.");
    SENTENCES_EQ("I think ... maybe not.", "I think ... maybe not.");
    SENTENCES_EQ("It was . . . Strange, he said.", "It was . . . Strange, he said.");
    /* A period glued to the word, then an ellipsis that opens the next sentence. */
    SENTENCES_EQ("It ended. . . . Nobody came. . . .", "It ended. | . . . Nobody came. . . .");
    /* An ellipsis, then the period. */
    SENTENCES_EQ("It ended . . . . Nobody came.", "It ended . . . . | Nobody came.");
    SENTENCES_EQ("The text [...] Goes on.", "The text [...] Goes on.");
}
END_TEST

START_TEST(test_quotes_and_brackets)
{
    SENTENCES_EQ("“We will win.” The crowd cheered.", "“We will win.” | The crowd cheered.");
    SENTENCES_EQ("“We will win,” she said. Nobody laughed.",
                 "“We will win,” she said. | Nobody laughed.");
    SENTENCES_EQ("He asked, “Why?” and left.", "He asked, “Why?” and left.");
    SENTENCES_EQ("'Stop.' he said.", "'Stop.' he said.");
    SENTENCES_EQ("The law (passed in 2019.) was repealed.", "The law (passed in 2019.) was repealed.");
    SENTENCES_EQ("(The vote was close.) Then it passed.", "(The vote was close.) | Then it passed.");
    SENTENCES_EQ("He won. “Great,” she said.", "He won. | “Great,” she said.");
    SENTENCES_EQ("Stocks fell. (Bonds rose.)", "Stocks fell. | (Bonds rose.)");
}
END_TEST

START_TEST(test_exclamation_inside_sentence)
{
    SENTENCES_EQ("She works at Yahoo! in the sales team.", "She works at Yahoo! in the sales team.");
    SENTENCES_EQ("Bake it and -- presto! -- dinner is ready.",
                 "Bake it and -- presto! -- dinner is ready.");
    SENTENCES_EQ("Who knows? - Nobody does.", "Who knows? | - Nobody does.");
}
END_TEST

START_TEST(test_urls_and_emails_end_sentences)
{
    SENTENCES_EQ("Write to ana.ruiz@example.org. She replies.",
                 "Write to ana.ruiz@example.org. | She replies.");
    SENTENCES_EQ("See https://example.com/a.html. It helps.",
                 "See https://example.com/a.html. | It helps.");
}
END_TEST

START_TEST(test_inline_lists)
{
    SENTENCES_EQ("1. Buy milk 2. Sell bread", "1. Buy milk | 2. Sell bread");
    SENTENCES_EQ("1.) Buy milk. 2.) Sell bread.", "1.) Buy milk. | 2.) Sell bread.");
    SENTENCES_EQ("a) red b) blue c) green", "a) red | b) blue | c) green");
    SENTENCES_EQ("• 4. apples • 5. pears", "• 4. apples | • 5. pears");
    SENTENCES_EQ("‣Red ‣Blue", "‣Red | ‣Blue");
    /* A number with a period is no list item when no list came before. */
    SENTENCES_EQ("He scored 2. The team won.", "He scored 2. | The team won.");
    SENTENCES_EQ("Jonas A. Smith and Jonas B. Smith came.", "Jonas A. Smith and Jonas B. Smith came.");
}
END_TEST

START_TEST(test_strong_terminators_need_no_space)
{
    SENTENCES_EQ("你好。今天很好！是吗？", "你好。 | 今天很好！ | 是吗？");
    SENTENCES_EQ("「行こう。」彼は言った。", "「行こう。」 | 彼は言った。");
    /* Marks inside a work's title end nothing. */
    SENTENCES_EQ("我看了《你好！世界》。很好。", "我看了《你好！世界》。 | 很好。");
}
END_TEST

START_TEST(test_paragraphs)
{
    tqc_doc *doc = tqc_test_doc("Title line\n\nFirst para. Still first.\n\nSecond para.\n");
    ck_assert_uint_eq(doc->paragraph_count, 3);
    ck_assert_uint_eq(doc->paragraphs[1].sent_count, 2);
    size_t first_tok = doc->sentences[doc->paragraphs[1].sent_first].tok_first;
    ck_assert(doc->tokens[first_tok].flags & TQC_TF_PARA_START);
    ck_assert(!(doc->tokens[first_tok + 1].flags & TQC_TF_PARA_START));
    assert_well_formed(doc);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_hard_wrapped_lines_join)
{
    tqc_doc *doc = tqc_test_doc("The talks went on\nfor hours.\n\nNext.\n");
    ck_assert_uint_eq(doc->paragraph_count, 2);
    ck_assert_uint_eq(doc->sentence_count, 2);
    assert_well_formed(doc);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_one_paragraph_per_line)
{
    /* A line over 100 bytes: every line is a paragraph, even without a blank line. */
    tqc_doc *doc = tqc_test_doc(
        "The ministers met on Monday in the capital to discuss the budget, which has been "
        "delayed for months by the dispute\n"
        "a second line that starts in lower case\n"
        "Short title\n");
    ck_assert_uint_eq(doc->paragraph_count, 3);
    ck_assert_uint_eq(doc->sentence_count, 3);
    assert_well_formed(doc);
    tqc_doc_free(doc);
    /* Short lines are hard-wrapped prose: a single line break is soft. */
    doc = tqc_test_doc("The ministers met\non Monday.\n");
    ck_assert_uint_eq(doc->paragraph_count, 1);
    ck_assert_uint_eq(doc->sentence_count, 1);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_title_before_blank_line)
{
    tqc_doc *doc = tqc_test_doc("Ministers agree on budget\n\nThe ministers met on Monday.\n");
    ck_assert_uint_eq(doc->paragraph_count, 2);
    ck_assert_uint_eq(doc->sentence_count, 2);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_bullet_and_numbered_lines)
{
    tqc_doc *doc = tqc_test_doc("What to bring:\n- a tent\n- a stove\n\nSteps:\n1. Pack\n2. Leave\n");
    ck_assert_uint_eq(doc->paragraph_count, 6);
    ck_assert_uint_eq(doc->sentence_count, 6);
    assert_well_formed(doc);
    tqc_doc_free(doc);
    /* A wrapped line that begins with a number is no list item. */
    doc = tqc_test_doc("The rate was raised from\n4. The bank said so.\n");
    ck_assert_uint_eq(doc->paragraph_count, 1);
    tqc_doc_free(doc);
}
END_TEST

/* Issue (segmenter): a sentence broken by a lower-case start stays one sentence; the
 * capitalization pass reports the ". and" as a broken sentence. */
START_TEST(test_issue_seg_lower_case_start_stays_joined)
{
    SENTENCES_EQ("The deal undermines peace. and the stability of the region.",
                 "The deal undermines peace. and the stability of the region.");
    tqc_doc *doc = tqc_test_doc("The deal undermines peace. and the stability of the region.");
    assert_well_formed(doc);
    tqc_doc_free(doc);
}
END_TEST

/* Issue (segmenter): a run-on "agreement.The" with no space is split into two
 * non-empty sentences; "ASP.NET" and "Ph.D" are not run-ons. */
START_TEST(test_issue_seg_run_on_sentence_is_split)
{
    SENTENCES_EQ("Both sides signed the agreement.The talks ended.",
                 "Both sides signed the agreement. | The talks ended.");
    SENTENCES_EQ("She codes in ASP.NET daily.", "She codes in ASP.NET daily.");
    SENTENCES_EQ("He has a Ph.D. in law.", "He has a Ph.D. in law.");
    tqc_doc *doc = tqc_test_doc("agreement.The");
    ck_assert_uint_eq(doc->sentence_count, 2);
    assert_well_formed(doc);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_degenerate_input)
{
    static const char *const texts[] = {
        "", " \n\n ", ".", "...", ". . . .", "!?", "1.", "a)", "•", "- ", "\n\n.\n\n",
        "Mr.", "U.S.", "“", "[...]", "1. 2. 3.", "e.g.e.g.e.g.e.g.e.g.e.g.e.g.e.g.e.g.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        tqc_doc *doc = tqc_test_doc(texts[i]);
        assert_well_formed(doc);
        tqc_doc_free(doc);
    }
}
END_TEST

START_TEST(test_without_profile)
{
    /* No language data: no abbreviations ("Dr." ends a sentence), but initials and
     * initialisms still hold. */
    const char *text = "Ann met J. Smith in the U.S. today. Dr. Lee left.";
    tqc_doc *doc = tqc_doc_new("t.txt", text, strlen(text), "xx");
    ck_assert_ptr_nonnull(doc);
    ck_assert_int_eq(tqc_segment(doc, NULL), TQC_OK);
    ck_assert_uint_eq(doc->sentence_count, 3);
    ck_assert_uint_eq(doc->sentences[1].span.start, strlen("Ann met J. Smith in the U.S. today. "));
    assert_well_formed(doc);
    tqc_doc_free(doc);
    SENTENCES_EQ(text, "Ann met J. Smith in the U.S. today. | Dr. Lee left.");
}
END_TEST

Suite *seg_suite(void)
{
    Suite *s = suite_create("seg");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_simple_sentences);
    tcase_add_test(tc, test_abbreviations_and_initials);
    tcase_add_test(tc, test_abbreviation_ends_sentence_before_starter);
    tcase_add_test(tc, test_lower_case_after_abbreviation);
    tcase_add_test(tc, test_abbreviations_before_numbers);
    tcase_add_test(tc, test_list_closer_before_common_word_ends_sentence);
    tcase_add_test(tc, test_numbers_decimals_times);
    tcase_add_test(tc, test_ellipses);
    tcase_add_test(tc, test_quotes_and_brackets);
    tcase_add_test(tc, test_exclamation_inside_sentence);
    tcase_add_test(tc, test_urls_and_emails_end_sentences);
    tcase_add_test(tc, test_inline_lists);
    tcase_add_test(tc, test_strong_terminators_need_no_space);
    tcase_add_test(tc, test_paragraphs);
    tcase_add_test(tc, test_hard_wrapped_lines_join);
    tcase_add_test(tc, test_one_paragraph_per_line);
    tcase_add_test(tc, test_title_before_blank_line);
    tcase_add_test(tc, test_bullet_and_numbered_lines);
    tcase_add_test(tc, test_issue_seg_lower_case_start_stays_joined);
    tcase_add_test(tc, test_issue_seg_run_on_sentence_is_split);
    tcase_add_test(tc, test_degenerate_input);
    tcase_add_test(tc, test_without_profile);
    suite_add_tcase(s, tc);
    return s;
}
