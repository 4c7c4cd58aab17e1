/* Tests of the stray-heading pass: captions and related-article headlines stranded in
 * the middle of a story, and the titles, subheadings, datelines and article starts it
 * must leave alone. */
#include <stdio.h>
#include <string.h>

#include "pass.h"
#include "tqc_test.h"

#define RULE "stray-heading"

/* Two body paragraphs about the same story. */
#define BEFORE "The Lisbon council approved the harbour budget on Tuesday after a long debate."
#define AFTER "Members said the money would repair the old wall before the winter storms."

static size_t between(const char *middle, char *first, size_t cap)
{
    char text[1024];
    snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", BEFORE, middle, AFTER);
    return tqc_test_findings(text, RULE, first, cap);
}

START_TEST(test_issue_3_stray_heading_caption_and_headline)
{
    char first[128];
    ck_assert_uint_eq(between("Workers repair the harbour wall in Lisbon before the vote", first,
                              sizeof first), 1);
    ck_assert_str_eq(first, "Workers repair the harbour wall in Lisbon before the vote");
    /* A headline with quotation marks, still unpunctuated. */
    ck_assert_uint_eq(between("Lisbon mayor says harbour plan shows “real ambition” for the "
                              "city", first, sizeof first), 1);
    /* A photo credit between caption and body is skipped as chrome. */
    char text[1024];
    snprintf(text, sizeof text, "%s\n\nCranes lift stones onto the Lisbon harbour wall at dawn\n\n"
             "Photo: Harbour Press\n\n%s\n", BEFORE, AFTER);
    ck_assert_uint_eq(tqc_test_findings(text, RULE, first, sizeof first), 1);
    ck_assert_str_eq(first, "Cranes lift stones onto the Lisbon harbour wall at dawn");
}
END_TEST

START_TEST(test_issue_3_stray_heading_titles_and_subheadings_are_normal)
{
    /* The article's own title: the first paragraph. */
    char text[1024];
    snprintf(text, sizeof text, "Lisbon council approves the harbour budget after long debate"
             "\n\n%s\n\n%s\n", BEFORE, AFTER);
    ck_assert_uint_eq(tqc_test_findings(text, RULE, NULL, 0), 0);
    /* A short subheading. */
    ck_assert_uint_eq(between("Budget approved in Lisbon", NULL, 0), 0);
    /* A dateline has no lower-case word. */
    ck_assert_uint_eq(between("LISBON, Portugal, May 1 (Reuters)", NULL, 0), 0);
    /* A line cut off on a function word, and a sentence that ends properly. */
    ck_assert_uint_eq(between("The Lisbon council also discussed the plans for a", NULL, 0), 0);
    ck_assert_uint_eq(between("Workers repair the harbour wall in Lisbon before the vote.", NULL,
                              0), 0);
    /* A list lead-in: the paragraph before does not end a sentence. */
    snprintf(text, sizeof text, "The Lisbon council listed its plans:\n\nRepairs to the old "
             "harbour wall in Lisbon this winter\n\n%s\n", AFTER);
    ck_assert_uint_eq(tqc_test_findings(text, RULE, NULL, 0), 0);
}
END_TEST

START_TEST(test_issue_3_stray_heading_new_article_is_not_stray)
{
    /* A headline that opens another story repeats no name of the story before it. */
    ck_assert_uint_eq(between("Storm warning issued for the Algarve coast tonight", NULL, 0), 0);
    /* A headline without any name: no evidence that the story runs across it. */
    ck_assert_uint_eq(between("Factors responsible for the spoilage of stored foods", NULL, 0), 0);
}
END_TEST

START_TEST(test_issue_3_stray_heading_fix_removes_the_paragraph)
{
    char text[1024];
    snprintf(text, sizeof text, "%s\n\nWorkers repair the harbour wall in Lisbon before the "
             "vote\n\n%s\n", BEFORE, AFTER);
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker(), doc, &out), TQC_OK);
    const tqc_finding *found = NULL;
    for (size_t i = 0; i < out.count && !found; i++)
        if (strcmp(out.items[i].rule, RULE) == 0)
            found = &out.items[i];
    ck_assert_ptr_nonnull(found);
    ck_assert_int_eq(found->severity, TQC_SEV_WARNING);
    ck_assert(found->has_fix && !found->fix.safe);
    ck_assert_str_eq(found->fix.replacement, "");
    ck_assert_ptr_nonnull(strstr(found->message, "'Lisbon'"));
    tqc_findings_release(&out);
    tqc_doc_free(doc);
}
END_TEST

Suite *pass_stray_heading_suite(void)
{
    Suite *s = suite_create("pass_stray_heading");
    TCase *tc = tcase_create("stray-heading");
    tcase_add_test(tc, test_issue_3_stray_heading_caption_and_headline);
    tcase_add_test(tc, test_issue_3_stray_heading_titles_and_subheadings_are_normal);
    tcase_add_test(tc, test_issue_3_stray_heading_new_article_is_not_stray);
    tcase_add_test(tc, test_issue_3_stray_heading_fix_removes_the_paragraph);
    suite_add_tcase(s, tc);
    return s;
}
