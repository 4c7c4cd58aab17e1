/* The generic pass test: every registered pass fires on its bad example and stays
 * silent on its good one, and declares what the registry promises. */
#include <string.h>

#include "pass.h"
#include "tqc_test.h"

START_TEST(test_every_pass_fires_on_its_bad_example)
{
    const tqc_pass *p = tqc_passes[_i];
    ck_assert_msg(p->bad && *p->bad, "%s has no bad example", p->id);
    ck_assert_msg(tqc_test_findings(p->bad, p->id, NULL, 0) > 0,
                  "%s is silent on its bad example: %s", p->id, p->bad);
}
END_TEST

START_TEST(test_every_pass_is_silent_on_its_good_example)
{
    const tqc_pass *p = tqc_passes[_i];
    char first[256] = "";
    ck_assert_msg(p->good && *p->good, "%s has no good example", p->id);
    ck_assert_msg(tqc_test_findings(p->good, p->id, first, sizeof first) == 0,
                  "%s fires on its good example at '%s': %s", p->id, first, p->good);
}
END_TEST

START_TEST(test_registry_ids_are_unique_and_described)
{
    for (size_t i = 0; i < tqc_pass_count; i++) {
        ck_assert(tqc_passes[i]->run != NULL);
        ck_assert(tqc_passes[i]->summary && *tqc_passes[i]->summary);
        ck_assert_ptr_eq(tqc_pass_find(tqc_passes[i]->id), tqc_passes[i]);
        for (size_t j = i + 1; j < tqc_pass_count; j++)
            ck_assert_str_ne(tqc_passes[i]->id, tqc_passes[j]->id);
    }
}
END_TEST

START_TEST(test_issue_3_repeated_word)
{
    char first[64];
    ck_assert_uint_eq(tqc_test_findings("He said the the talks\nwould resume.", "repeated-word",
                                        first, sizeof first), 1);
    ck_assert_str_eq(first, "the the");
    ck_assert_uint_eq(tqc_test_findings("It said the\nthe talks resume.", "repeated-word",
                                        NULL, 0), 1);
    ck_assert_uint_eq(tqc_test_findings("She had had enough.", "repeated-word", NULL, 0), 0);
}
END_TEST

Suite *passes_suite(void)
{
    Suite *s = suite_create("passes");
    TCase *tc = tcase_create("registry");
    tcase_add_loop_test(tc, test_every_pass_fires_on_its_bad_example, 0, (int)tqc_pass_count);
    tcase_add_loop_test(tc, test_every_pass_is_silent_on_its_good_example, 0, (int)tqc_pass_count);
    tcase_add_test(tc, test_registry_ids_are_unique_and_described);
    tcase_add_test(tc, test_issue_3_repeated_word);
    suite_add_tcase(s, tc);
    return s;
}
