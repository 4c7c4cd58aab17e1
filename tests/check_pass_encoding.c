/* Tests of the encoding pass: mojibake, lost and invalid characters, control and
 * zero-width characters, NFC, and words mixing alphabets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pass/pass.h"
#include "tqc_test.h"

typedef struct hit {
    size_t count;
    char span[128], message[256], fix[128];
    tqc_severity severity;
    bool has_fix, safe;
} hit;

static void copy_out(char *dst, size_t cap, const char *src, size_t len)
{
    if (len >= cap)
        len = cap - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

static hit encoding_on(const char *text, size_t nth)
{
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker(), doc, &out), TQC_OK);
    hit h;
    memset(&h, 0, sizeof h);
    for (size_t i = 0; i < out.count; i++) {
        const tqc_finding *f = &out.items[i];
        if (strcmp(f->rule, "encoding") != 0 && !(f->also && strstr(f->also, "encoding")))
            continue;
        if (h.count++ != nth)
            continue;
        copy_out(h.span, sizeof h.span, doc->text + f->span.start, tqc_span_len(f->span));
        copy_out(h.message, sizeof h.message, f->message, strlen(f->message));
        h.severity = f->severity;
        h.has_fix = f->has_fix;
        if (f->has_fix) {
            h.safe = f->fix.safe;
            copy_out(h.fix, sizeof h.fix, f->fix.replacement, strlen(f->fix.replacement));
        }
    }
    tqc_findings_release(&out);
    tqc_doc_free(doc);
    return h;
}

static size_t count(const char *text)
{
    return encoding_on(text, 0).count;
}

/* Checks one damaged word: its span, and its safe fix (NULL: no fix). */
static void expect_word(const char *text, const char *span, const char *fix, bool safe)
{
    hit h = encoding_on(text, 0);
    ck_assert_msg(h.count == 1, "%zu findings on: %s", h.count, text);
    ck_assert_str_eq(h.span, span);
    ck_assert_int_eq(h.severity, TQC_SEV_ERROR);
    ck_assert_msg(h.has_fix == (fix != NULL), "fix on %s: %s", text, h.fix);
    if (fix) {
        ck_assert_str_eq(h.fix, fix);
        ck_assert(h.safe == safe);
    }
}

START_TEST(test_issue_3_encoding_mojibake)
{
    expect_word("The mayor of SÃ£o Tomé spoke first.", "SÃ£o", "São", true);
    expect_word("The courtâ€™s ruling came late.", "courtâ€™s", "court’s", true);
    expect_word("Prime minister JosÃ© Silva agreed.", "JosÃ©", "José", true);
    expect_word("Poland’s Å\xC2\x81Ã³dÅº region voted.", "Å\xC2\x81Ã³dÅº", "Łódź", true);
    expect_word("The town of Ð¡Ð¾Ñ‡Ð¸ hosted it.", "Ð¡Ð¾Ñ‡Ð¸", "Сочи", true);
    /* A no-break space: whole, or with its second byte turned into a plain space. */
    expect_word("The race is 10Â\u00A0km long.", "10Â\u00A0km", "10\u00A0km", true);
    expect_word("The race is 10Â km long.", "10Â", "10", true);
    /* One damaged character standing alone may be cited (a text about mojibake): its
     * repair is a suggestion, not a safe fix. */
    expect_word("Accents show as « Ã© » when a page is misread.", "Ã©", "é", false);
    hit h = encoding_on("He said â€œno.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_msg(strstr(h.message, "'â€œ' is UTF-8 '“'"), "%s", h.message);
    /* Correct accents and quotes next to each other are not mojibake. */
    ck_assert_uint_eq(count("São Paulo’s mayor, the CAFÉ’S owner, «NIÑO», Zürich and "
                            "Łódź met “José”."), 0);
}
END_TEST

START_TEST(test_issue_3_encoding_lost_and_control_characters)
{
    expect_word("Dr Ou\xEF\xBF\xBD" "draogo led the study.", "Ou\xEF\xBF\xBD" "draogo", NULL,
                false);
    expect_word("The ministry\xC2\x92s report was late.", "ministry\xC2\x92s", "ministry’s",
                true);
    expect_word("The bell\x07 rang twice.", "bell\x07", NULL, false);
    ck_assert_uint_eq(count("Columns\tand\r\nline ends\fare fine."), 0);
}
END_TEST

START_TEST(test_issue_3_encoding_invalid_utf8_is_located)
{
    hit h = encoding_on("A caf\xE9 opened. Then SÃ£o Tomé.", 0);
    ck_assert_uint_eq(h.count, 2);
    ck_assert_msg(strstr(h.message, "byte 0xE9 at byte offset 5"), "%s", h.message);
    ck_assert_str_eq(h.fix, "café");
    ck_assert(!h.safe);
    /* The rest of the text is still checked. */
    h = encoding_on("A caf\xE9 opened. Then SÃ£o Tomé.", 1);
    ck_assert_str_eq(h.span, "SÃ£o");
}
END_TEST

START_TEST(test_issue_3_encoding_zero_width_inside_words)
{
    expect_word("A new immuni\xE2\x80\x8Bzation drive began.",
                "immuni\xE2\x80\x8Bzation", "immunization", true);
    expect_word("The vac\xEF\xBB\xBF" "cine works.", "vac\xEF\xBB\xBF" "cine", "vaccine", true);
    /* Joiners at work in emoji and Persian, a space-like one between words, a BOM. */
    ck_assert_uint_eq(count("Family \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 and "
                            "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85 "
                            "end\xE2\x80\x8B start."), 0);
    ck_assert_uint_eq(count("\xEF\xBB\xBFThe file starts with a byte order mark."), 0);
}
END_TEST

START_TEST(test_issue_3_encoding_not_nfc)
{
    expect_word("The cafe\xCC\x81 was full.", "cafe\xCC\x81", "café", true);
    ck_assert_uint_eq(count("The café was full."), 0);
}
END_TEST

START_TEST(test_issue_3_encoding_mixed_scripts)
{
    expect_word("The mal\xD0\xB0ria vaccine works.", "mal\xD0\xB0ria", "malaria", true);
    expect_word("A g\xCE\xBF" "al in the last minute.", "g\xCE\xBF" "al", "goal", true);
    /* Letters without a lookalike, compounds and whole words of one script are fine. */
    ck_assert_uint_eq(count("An α-helix, 5 µg, NF-κB and Москва and Ελλάδα."), 0);
    hit h = encoding_on("The mal\xD0\xB0ria vaccine works.", 0);
    ck_assert_msg(strstr(h.message, "Cyrillic"), "%s", h.message);
}
END_TEST

/* Issue 18: a right-to-left override or another bidi control in prose shows the reader
 * other text than the bytes hold; never repaired (what was meant is unknown). */
START_TEST(test_issue_18_bidi_controls_are_encoding_findings)
{
    expect_word("The price is \xE2\x80\xAE" "01 euros.", "\xE2\x80\xAE" "01", NULL, false);
    expect_word("Sign at \xE2\x81\xA6" "here\xE2\x81\xA9 please.", "\xE2\x81\xA6" "here\xE2\x81\xA9",
                NULL, false);
    expect_word("A marca \xE2\x80\x8F" "nova chegou.", "\xE2\x80\x8F" "nova", NULL, false);
}
END_TEST

Suite *pass_encoding_suite(void)
{
    Suite *s = suite_create("pass_encoding");
    TCase *tc = tcase_create("encoding");
    tcase_add_test(tc, test_issue_3_encoding_mojibake);
    tcase_add_test(tc, test_issue_3_encoding_lost_and_control_characters);
    tcase_add_test(tc, test_issue_3_encoding_invalid_utf8_is_located);
    tcase_add_test(tc, test_issue_3_encoding_zero_width_inside_words);
    tcase_add_test(tc, test_issue_3_encoding_not_nfc);
    tcase_add_test(tc, test_issue_3_encoding_mixed_scripts);
    tcase_add_test(tc, test_issue_18_bidi_controls_are_encoding_findings);
    suite_add_tcase(s, tc);
    return s;
}
