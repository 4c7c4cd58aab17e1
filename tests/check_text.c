#include <utf8proc.h>

#include "core/text.h"
#include "tqc_test.h"

/* The ASCII fast paths of core/text.h must answer as utf8proc does. */
START_TEST(test_ascii_fast_paths_agree_with_utf8proc)
{
    for (int32_t cp = 0; cp < 0x80; cp++) {
        utf8proc_category_t c = utf8proc_category(cp);
        ck_assert_msg(tqc_text_is_punct(cp) ==
                          (c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO),
                      "punct %d", cp);
        ck_assert_msg(tqc_text_is_mark(cp) == (c == UTF8PROC_CATEGORY_MN ||
                                               c == UTF8PROC_CATEGORY_MC ||
                                               c == UTF8PROC_CATEGORY_ME),
                      "mark %d", cp);
        ck_assert_msg(tqc_text_is_format(cp) == (c == UTF8PROC_CATEGORY_CF), "format %d", cp);
        ck_assert_msg(tqc_text_is_control(cp) == (c == UTF8PROC_CATEGORY_CC && cp != '\t' &&
                                                  cp != '\n' && cp != '\r'),
                      "control %d", cp);
        ck_assert_msg(tqc_text_is_letter(cp) == (c >= UTF8PROC_CATEGORY_LU &&
                                                 c <= UTF8PROC_CATEGORY_LO),
                      "letter %d", cp);
        char in[2] = {(char)cp, 0}, out[8], want[8];
        if (cp == 0)
            continue;
        ck_assert_uint_eq(tqc_text_case(in, 1, TQC_CASE_LOWER, out, sizeof out), 1);
        want[0] = (char)utf8proc_tolower(cp);
        ck_assert_msg(out[0] == want[0], "lower %d", cp);
        ck_assert_uint_eq(tqc_text_case(in, 1, TQC_CASE_UPPER, out, sizeof out), 1);
        want[0] = (char)utf8proc_toupper(cp);
        ck_assert_msg(out[0] == want[0], "upper %d", cp);
    }
    char out[32];
    ck_assert_uint_gt(tqc_text_case("north korean", 12, TQC_CASE_TITLE, out, sizeof out), 0);
    ck_assert_str_eq(out, "North korean");
    ck_assert_uint_gt(tqc_text_case("'élan", 6, TQC_CASE_TITLE, out, sizeof out), 0);
    ck_assert_str_eq(out, "'Élan");
}
END_TEST

/* One mark dropped (the stress mark enclitics add), or all of them; other letters kept. */
START_TEST(test_drop_mark)
{
    char out[64];
    ck_assert_uint_eq(tqc_text_drop_mark("quitándolo", strlen("quitándolo"), 0x0301, out,
                                         sizeof out), strlen("quitandolo"));
    ck_assert_str_eq(out, "quitandolo");
    tqc_text_drop_mark("enseñándole", strlen("enseñándole"), 0x0301, out, sizeof out);
    ck_assert_str_eq(out, "enseñandole");
    tqc_text_drop_mark("perchè", strlen("perchè"), -1, out, sizeof out);
    ck_assert_str_eq(out, "perche");
    ck_assert_uint_eq(tqc_text_drop_mark("perchè", strlen("perchè"), -1, out, 4), 0);
    ck_assert_uint_eq(tqc_text_drop_mark("\xff", 1, -1, out, sizeof out), 0);
}
END_TEST

Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_ascii_fast_paths_agree_with_utf8proc);
    tcase_add_test(tc, test_drop_mark);
    suite_add_tcase(s, tc);
    return s;
}
