/* Tests of the capitalization pass: a common word capitalised mid-sentence, a lower-case
 * start after a full stop, and multi-word proper names written in lower case. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pass.h"
#include "tqc_test.h"

#define RULE "capitalization"

static size_t hits(const char *text, char *first, size_t cap)
{
    return tqc_test_findings(text, RULE, first, cap);
}

/* The first finding of the rule on text: its suggestion and whether its fix is safe. */
static void first_fix(const char *text, char *suggestion, size_t cap, bool *has_fix, bool *safe)
{
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker(), doc, &out), TQC_OK);
    suggestion[0] = '\0';
    *has_fix = *safe = false;
    for (size_t i = 0; i < out.count; i++) {
        const tqc_finding *f = &out.items[i];
        if (strcmp(f->rule, RULE) != 0 && !(f->also && strstr(f->also, RULE)))
            continue;
        if (f->suggestion_count > 0) {
            size_t n = strlen(f->suggestions[0]);
            if (n >= cap)
                n = cap - 1;
            memcpy(suggestion, f->suggestions[0], n);
            suggestion[n] = '\0';
        }
        *has_fix = f->has_fix;
        *safe = f->fix.safe;
        break;
    }
    tqc_findings_release(&out);
    tqc_doc_free(doc);
}

START_TEST(test_issue_3_capitalization_common_word_mid_sentence)
{
    char first[64];
    ck_assert_uint_eq(hits("The agency asked drivers on the coast road to Be patient with "
                           "the delays.", first, sizeof first), 1);
    ck_assert_str_eq(first, "Be");
    /* After an auxiliary a verb form is expected. */
    ck_assert_uint_eq(hits("Officials said the plan must Include new money for rural schools.",
                           first, sizeof first), 1);
    ck_assert_str_eq(first, "Include");
    ck_assert_uint_eq(hits("The final stage was Decided by a small group of riders.", first,
                           sizeof first), 1);
    ck_assert_str_eq(first, "Decided");
    /* After "to", a verb followed by its object. */
    ck_assert_uint_eq(hits("The school asked parents to Report any fever to the nurse.", first,
                           sizeof first), 1);
    ck_assert_str_eq(first, "Report");
}
END_TEST

START_TEST(test_issue_3_capitalization_names_and_titles_are_not_reported)
{
    /* Title-case names run with their neighbours or are linked by of/and/the. */
    ck_assert_uint_eq(hits("The Coast Guard briefed the Ministry of Foreign Affairs and the "
                           "Joint Chiefs of Staff on the plan.", NULL, 0), 0);
    ck_assert_uint_eq(hits("Members of the Workers’ Party met on Monday.", NULL, 0), 0);
    /* A name after "to" is followed by a conjunction or preposition, not an object. */
    ck_assert_uint_eq(hits("He flew from Rome to Geneva and then to Paris.", NULL, 0), 0);
    /* Title words the profile lists. */
    ck_assert_uint_eq(hits("The bill was sent to Congress and signed by the President on "
                           "Friday.", NULL, 0), 0);
    ck_assert_uint_eq(hits("Talks will resume in March after the holiday.", NULL, 0), 0);
    /* Sentence starts, after a colon, in quotes, acronyms, I. */
    ck_assert_uint_eq(hits("Be careful. The rule is simple: Be careful with fire.", NULL, 0), 0);
    ck_assert_uint_eq(hits("The sign said \"Keep Calm and Be Careful\" in red letters.", NULL, 0),
                      0);
    ck_assert_uint_eq(hits("Ministers agreed to NATO terms, and I think they will sign.", NULL, 0),
                      0);
    /* A title-case paragraph. */
    ck_assert_uint_eq(hits("Leaders Agree To Be Careful With New Rules", NULL, 0), 0);
    /* A name the text capitalises again nearby. */
    ck_assert_uint_eq(hits("The band Fountain played first. Fans came to Fountain the band "
                           "said, and stayed with Fountain all night.", NULL, 0), 0);
}
END_TEST

START_TEST(test_issue_3_capitalization_lower_case_after_full_stop)
{
    char first[64];
    ck_assert_uint_eq(hits("The deal undermines peace. and the stability of the region.", first,
                           sizeof first), 1);
    ck_assert_str_eq(first, "peace. and");
    /* Abbreviations are followed by lower case all the time. */
    ck_assert_uint_eq(hits("The plant opened at 9 a.m. on Monday and closed at 5 p.m. and "
                           "reopened later.", NULL, 0), 0);
    ck_assert_uint_eq(hits("Bring simple tools, e.g. the hammer and the saw.", NULL, 0), 0);
    ck_assert_uint_eq(hits("They sold apples, pears, etc. and other fruit.", NULL, 0), 0);
    ck_assert_uint_eq(hits("The firm, Acme Corp. and its partners, denied it.", NULL, 0), 0);
    ck_assert_uint_eq(hits("A 60 mm. mortar and a 3-in. gun were found.", NULL, 0), 0);
    ck_assert_uint_eq(hits("He waited... and then he left.", NULL, 0), 0);
    /* A capital after the stop is an ordinary sentence break. */
    ck_assert_uint_eq(hits("The deal undermines peace. And the stability suffers.", NULL, 0), 0);
}
END_TEST

START_TEST(test_issue_3_capitalization_lower_case_proper_names)
{
    char first[64];
    ck_assert_uint_eq(hits("The airport of the north korean capital was closed.", first,
                           sizeof first), 1);
    ck_assert_str_eq(first, "north korean");
    ck_assert_uint_eq(hits("A report by the united nations was published.", first, sizeof first),
                      1);
    ck_assert_str_eq(first, "united nations");
    /* Correct forms, ordinary phrases, and a mixed form that may be generic. */
    ck_assert_uint_eq(hits("The North Korean capital and the United Nations agreed.", NULL, 0), 0);
    ck_assert_uint_eq(hits("A cold north wind blew across the south coast.", NULL, 0), 0);
    ck_assert_uint_eq(hits("Churchill spoke of European union during the war.", NULL, 0), 0);
}
END_TEST

START_TEST(test_issue_3_capitalization_suggestions_and_fixes)
{
    char sugg[64];
    bool has_fix, safe;
    first_fix("The agency asked drivers to Be patient with the delays.", sugg, sizeof sugg,
              &has_fix, &safe);
    ck_assert_str_eq(sugg, "be");
    ck_assert(has_fix && !safe);
    first_fix("The airport of the north korean capital was closed.", sugg, sizeof sugg, &has_fix,
              &safe);
    ck_assert_str_eq(sugg, "North Korean");
    ck_assert(has_fix && !safe);
    first_fix("The deal undermines peace. and the stability of the region.", sugg, sizeof sugg,
              &has_fix, &safe);
    ck_assert_str_eq(sugg, "peace and");
    ck_assert(has_fix && !safe);
}
END_TEST

/* Issue 18: title_case_paragraph counts the whole paragraph for every capitalised word
 * it is asked about, so one long paragraph of them is quadratic ('The plan ' x 40,000:
 * 4.2 s). PENDING: the pass is being rewritten on another branch; this test is
 * registered only with TQC_TEST_PENDING=1 until the rewrite computes the paragraph's
 * verdict once. */
START_TEST(test_issue_18_title_case_paragraph_is_linear)
{
    const char *piece = "The plan ";
    size_t plen = strlen(piece), reps = 40000;
    char *text = malloc(plen * reps + 2);
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * plen, piece, plen);
    memcpy(text + plen * reps - 1, ".", 2);
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    (void)hits(text, NULL, 0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    double took = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    ck_assert_msg(took < 1.0, "took %.2f s of CPU", took);
    free(text);
}
END_TEST

Suite *pass_capitalization_suite(void)
{
    Suite *s = suite_create("pass_capitalization");
    TCase *tc = tcase_create("capitalization");
    tcase_add_test(tc, test_issue_3_capitalization_common_word_mid_sentence);
    tcase_add_test(tc, test_issue_3_capitalization_names_and_titles_are_not_reported);
    tcase_add_test(tc, test_issue_3_capitalization_lower_case_after_full_stop);
    tcase_add_test(tc, test_issue_3_capitalization_lower_case_proper_names);
    tcase_add_test(tc, test_issue_3_capitalization_suggestions_and_fixes);
    if (getenv("TQC_TEST_PENDING")) {   /* see the test: waits for the pass's rewrite */
        tcase_add_test(tc, test_issue_18_title_case_paragraph_is_linear);
        tcase_set_timeout(tc, 60);
    }
    suite_add_tcase(s, tc);
    return s;
}
