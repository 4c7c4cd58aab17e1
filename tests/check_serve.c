/* serve: the answers of tqc serve without HTTP (issue 16): LanguageTool's offsets in
 * UTF-16 units, annotated text, rule filters, one-line errors, and /api/check's fixed
 * text equal to the fix loop's. tests/e2e_serve.sh covers the same through curl and a
 * LanguageTool client. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "run/fix.h"
#include "report/api.h"
#include "tqc_test.h"

static json_t *lt(const tqc_serve_lt_request *rq)
{
    char *out = NULL, err[256] = "";
    ck_assert_msg(tqc_serve_lt_check(tqc_test_checker(), rq, &out, err, sizeof err) == TQC_OK, "%s",
                  err);
    json_t *j = json_loads(out, 0, NULL);
    free(out);
    ck_assert_ptr_nonnull(j);
    return j;
}

static json_t *match(json_t *j, size_t i)
{
    return json_array_get(json_object_get(j, "matches"), i);
}

/* The first match of rule. */
static json_t *match_of(json_t *j, const char *rule)
{
    for (size_t i = 0; match(j, i); i++) {
        json_t *r = json_object_get(json_object_get(match(j, i), "rule"), "id");
        if (strcmp(json_string_value(r), rule) == 0)
            return match(j, i);
    }
    ck_abort_msg("no %s match", rule);
    return NULL;
}

static long long num(json_t *obj, const char *key)
{
    return json_integer_value(json_object_get(obj, key));
}

START_TEST(test_issue_16_utf16_len)
{
    ck_assert_uint_eq(tqc_serve_utf16_len("abc", 3), 3);
    ck_assert_uint_eq(tqc_serve_utf16_len("\xC3\xA9", 2), 1);            /* é */
    ck_assert_uint_eq(tqc_serve_utf16_len("\xE2\x82\xAC", 3), 1);        /* € */
    ck_assert_uint_eq(tqc_serve_utf16_len("\xF0\x9F\x8E\x89", 4), 2);    /* an emoji: a pair */
}
END_TEST

START_TEST(test_issue_16_offsets_after_astral_characters)
{
    /* Two emoji (4 UTF-16 units, 8 bytes) and an é (1 unit, 2 bytes) before the match. */
    const char *t = "\xF0\x9F\x8E\x89\xF0\x9F\x8E\x89 Caf\xC3\xA9 said the the talks ended.";
    tqc_serve_lt_request rq = {.text = t, .text_len = strlen(t), .language = "en"};
    json_t *j = lt(&rq);
    json_t *m = match_of(j, "repeated-word");
    ck_assert_int_eq(num(m, "offset"), 15);
    ck_assert_int_eq(num(m, "length"), 7);
    json_t *rep = json_array_get(json_object_get(m, "replacements"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(rep, "value")), "the");
    json_decref(j);
}
END_TEST

START_TEST(test_issue_16_annotated_markup_counts_in_offsets)
{
    const char *data = "{\"annotation\":[{\"markup\":\"<p class=\\\"x\\\">\"},{\"text\":\"He said\"},"
                       "{\"markup\":\"<br/>\",\"interpretAs\":\" \"},{\"text\":\" the the talks.\"},"
                       "{\"markup\":\"</p>\",\"interpretAs\":\"\\n\\n\"}]}";
    tqc_serve_lt_request rq = {.data = data, .data_len = strlen(data), .language = "en"};
    json_t *j = lt(&rq);
    json_t *m = match_of(j, "repeated-word");
    /* <p class="x"> (13) + "He said" (7) + <br/> (5) + " ": the match starts at 26. */
    ck_assert_int_eq(num(m, "offset"), 26);
    ck_assert_int_eq(num(m, "length"), 7);
    json_decref(j);
}
END_TEST

START_TEST(test_issue_16_rule_filters)
{
    const char *t = "He said the the talks ended , officials said.";
    tqc_serve_lt_request rq = {.text = t, .text_len = strlen(t), .language = "en",
                               .disabled_rules = "spacing"};
    json_t *j = lt(&rq);
    ck_assert_uint_eq(json_array_size(json_object_get(j, "matches")), 1);
    json_decref(j);
    rq.disabled_rules = NULL;
    rq.enabled_rules = "spacing";
    rq.enabled_only = true;
    j = lt(&rq);
    ck_assert_uint_eq(json_array_size(json_object_get(j, "matches")), 1);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(match(j, 0), "rule"), "id")),
                     "spacing");
    json_decref(j);
}
END_TEST

START_TEST(test_issue_16_bad_requests_say_why_in_one_line)
{
    static const struct { const char *text, *data, *language, *disabled; } bad[] = {
        {NULL, NULL, "en", NULL},
        {"hi", NULL, "xx", NULL},
        {"hi", NULL, "en", "no-such-rule"},
        {"\xFF\xFE", NULL, "en", NULL},
        {NULL, "{\"annotation\":[", "en", NULL},
        {NULL, "{\"annotation\":[{\"other\":1}]}", "en", NULL},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        tqc_serve_lt_request rq = {.text = bad[i].text,
                                   .text_len = bad[i].text ? strlen(bad[i].text) : 0,
                                   .data = bad[i].data,
                                   .data_len = bad[i].data ? strlen(bad[i].data) : 0,
                                   .language = bad[i].language,
                                   .disabled_rules = bad[i].disabled};
        char *out = NULL, err[256] = "";
        tqc_status st = tqc_serve_lt_check(tqc_test_checker(), &rq, &out, err, sizeof err);
        ck_assert_msg(st == TQC_EINPUT || st == TQC_EUSAGE, "case %zu: status %d", i, st);
        ck_assert_ptr_null(out);
        ck_assert_msg(err[0] && !strchr(err, '\n'), "case %zu: '%s'", i, err);
    }
}
END_TEST

START_TEST(test_issue_16_api_fixed_text_is_the_fix_loops)
{
    const char *t = "He said the the talks ended .\n\nThey  left.\n";
    char *out = NULL, err[256] = "";
    ck_assert_int_eq(tqc_serve_api_check(tqc_test_checker(), t, strlen(t), TQC_INPUT_TEXT, "en",
                                         false, &out, err, sizeof err), TQC_OK);
    json_t *j = json_loads(out, 0, NULL);
    free(out);
    tqc_fix_options o = {.lang = "en"};
    tqc_fix_result *res;
    ck_assert_int_eq(tqc_fix_text(tqc_test_checker(), t, strlen(t), &o, &res), TQC_OK);
    ck_assert_str_eq(json_string_value(json_object_get(j, "fixed")), res->text);
    ck_assert_uint_eq(json_array_size(json_object_get(j, "findings")), res->finding_count);
    ck_assert_uint_eq(json_array_size(json_object_get(j, "fixes")), res->region_count);
    tqc_fix_result_free(res);
    json_decref(j);
}
END_TEST

START_TEST(test_issue_16_cancel_stops_a_check)
{
    /* A request's limit reaches the checker and the siblings it makes for other
     * languages, and a check over it gives up with TQC_ETIME and no answer. */
    tqc_checker *ck = tqc_test_checker();
    const char *t = "Kim said the the talks ended.";
    atomic_int stop = 1;
    tqc_cancel now = tqc_cancel_after(0, &stop);
    tqc_checker_set_cancel(ck, &now);
    char *out = NULL, err[256] = "";
    static const char *const langs[] = {"en", "de"};
    for (size_t i = 0; i < 2; i++) {
        tqc_serve_lt_request rq = {.text = t, .text_len = strlen(t), .language = langs[i]};
        ck_assert_int_eq(tqc_serve_lt_check(ck, &rq, &out, err, sizeof err), TQC_ETIME);
        ck_assert_ptr_null(out);
    }
    ck_assert_int_eq(tqc_serve_api_check(ck, t, strlen(t), TQC_INPUT_TEXT, "en", false, &out,
                                         err, sizeof err), TQC_ETIME);
    ck_assert_ptr_null(out);
    /* An expired deadline does the same; one in the future lets the check run. */
    tqc_cancel past = tqc_cancel_after(1e-9, NULL);
    tqc_checker_set_cancel(ck, &past);
    tqc_serve_lt_request rq = {.text = t, .text_len = strlen(t), .language = "en"};
    ck_assert_int_eq(tqc_serve_lt_check(ck, &rq, &out, err, sizeof err), TQC_ETIME);
    tqc_cancel later = tqc_cancel_after(600, NULL);
    tqc_checker_set_cancel(ck, &later);
    ck_assert_int_eq(tqc_serve_lt_check(ck, &rq, &out, err, sizeof err), TQC_OK);
    free(out);
    tqc_checker_set_cancel(ck, NULL);
    json_t *j = lt(&rq);
    ck_assert_uint_eq(json_array_size(json_object_get(j, "matches")), 1);
    json_decref(j);
}
END_TEST

Suite *serve_suite(void)
{
    Suite *s = suite_create("serve");
    TCase *tc = tcase_create("answers");
    tcase_add_test(tc, test_issue_16_utf16_len);
    tcase_add_test(tc, test_issue_16_offsets_after_astral_characters);
    tcase_add_test(tc, test_issue_16_annotated_markup_counts_in_offsets);
    tcase_add_test(tc, test_issue_16_rule_filters);
    tcase_add_test(tc, test_issue_16_bad_requests_say_why_in_one_line);
    tcase_add_test(tc, test_issue_16_api_fixed_text_is_the_fix_loops);
    tcase_add_test(tc, test_issue_16_cancel_stops_a_check);
    suite_add_tcase(s, tc);
    return s;
}
