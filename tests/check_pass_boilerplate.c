/* Tests of the boilerplate pass: site chrome matched on whole paragraphs (or their start
 * and end, by the patterns' wildcards), never inside body text. */
#include <stdio.h>
#include <string.h>

#include "pass.h"
#include "tqc_test.h"

#define RULE "boilerplate"

static size_t hits(const char *text, char *first, size_t cap)
{
    return tqc_test_findings(text, RULE, first, cap);
}

START_TEST(test_issue_3_boilerplate_whole_paragraphs)
{
    const char *chrome[] = {
        "Leave a Reply",
        "Share this article",
        "ADVERTISEMENT",
        "Related articles",
        "All rights reserved.",
        "Subscribe to our newsletter",
        "Log in to comment",
    };
    for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++) {
        char text[256], first[128];
        snprintf(text, sizeof text, "The council met on Friday.\n\n%s\n", chrome[i]);
        ck_assert_msg(hits(text, first, sizeof first) == 1, "silent on: %s", chrome[i]);
        ck_assert_str_eq(first, chrome[i]);
    }
}
END_TEST

START_TEST(test_issue_3_boilerplate_wildcards)
{
    const char *chrome[] = {
        "Read more: Council delays the budget vote again",
        "Read also: Rents rise for a third year",
        "Follow our liveblog about the election here",
        "Follow our live coverage of the storm",
        "Photo: Harbour Press Agency",
        "(Photo by Jane Doe/AFP)",
        "© 2023 Example News Ltd",
        "Copyright © 2024 Example News. All rights reserved.",
        "We use cookies to improve your experience. By continuing, you accept them.",
        "Click here to get our alerts on your phone",
        "Sign up for our morning briefing",
    };
    for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++) {
        char text[256], first[128];
        snprintf(text, sizeof text, "The council met on Friday.\n\n%s\n\nIt voted.\n", chrome[i]);
        ck_assert_msg(hits(text, first, sizeof first) == 1, "silent on: %s", chrome[i]);
        ck_assert_str_eq(first, chrome[i]);
    }
}
END_TEST

START_TEST(test_issue_3_boilerplate_body_text_is_not_chrome)
{
    const char *body[] = {
        "Readers can leave a reply on the council's website until Friday, officials said.",
        "The judge said he would read more about the case before ruling.",
        "The site told users to click here to vote, which confused many of them.",
        "Sign up sheets were posted at the door of the town hall.",
        "Photographs of the flood were shown at the meeting.",
        "The company said all rights reserved under the old contract would lapse.",
    };
    for (size_t i = 0; i < sizeof body / sizeof body[0]; i++)
        ck_assert_msg(hits(body[i], NULL, 0) == 0, "fires on: %s", body[i]);
    /* The same words alone in a paragraph are chrome. */
    ck_assert_uint_eq(hits("The judge ruled.\n\nRead more\n", NULL, 0), 1);
}
END_TEST

START_TEST(test_issue_3_boilerplate_fix_removes_the_paragraph)
{
    const char *text = "The council met on Friday.\n\nLeave a Reply\n";
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
    ck_assert(found->has_fix);
    ck_assert(!found->fix.safe);
    ck_assert_str_eq(found->fix.replacement, "");
    ck_assert_uint_eq(found->fix.span.start, strlen("The council met on Friday.\n\n"));
    ck_assert_uint_eq(tqc_span_len(found->fix.span), strlen("Leave a Reply"));
    tqc_findings_release(&out);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_issue_3_boilerplate_long_paragraphs_are_body)
{
    char text[1024] = "Read more: ";
    size_t len = strlen(text);
    for (int i = 0; i < 90; i++, len += 5)
        memcpy(text + len, "word ", 6);
    ck_assert_uint_eq(hits(text, NULL, 0), 0);
}
END_TEST

Suite *pass_boilerplate_suite(void)
{
    Suite *s = suite_create("pass_boilerplate");
    TCase *tc = tcase_create("boilerplate");
    tcase_add_test(tc, test_issue_3_boilerplate_whole_paragraphs);
    tcase_add_test(tc, test_issue_3_boilerplate_wildcards);
    tcase_add_test(tc, test_issue_3_boilerplate_body_text_is_not_chrome);
    tcase_add_test(tc, test_issue_3_boilerplate_fix_removes_the_paragraph);
    tcase_add_test(tc, test_issue_3_boilerplate_long_paragraphs_are_body);
    suite_add_tcase(s, tc);
    return s;
}
