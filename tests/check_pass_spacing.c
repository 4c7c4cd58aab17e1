/* Tests of the spacing pass: doubled spaces, spaces before and missing after
 * punctuation, spaces inside brackets and quotes, and conventions that are only data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pass/pass.h"
#include "seg/seg.h"
#include "tqc_test.h"

typedef struct hit {
    size_t count;
    char span[128], message[256], fix[64];
    tqc_severity severity;
    bool has_fix, safe;
    size_t fix_start, fix_len;
} hit;

static void copy_out(char *dst, size_t cap, const char *src, size_t len)
{
    if (len >= cap)
        len = cap - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

static void collect(const tqc_findings *out, const tqc_doc *doc, size_t nth, hit *h)
{
    memset(h, 0, sizeof *h);
    for (size_t i = 0; i < out->count; i++) {
        const tqc_finding *f = &out->items[i];
        if (strcmp(f->rule, "spacing") != 0 && !(f->also && strstr(f->also, "spacing")))
            continue;
        if (h->count++ != nth)
            continue;
        copy_out(h->span, sizeof h->span, doc->text + f->span.start, tqc_span_len(f->span));
        copy_out(h->message, sizeof h->message, f->message, strlen(f->message));
        h->severity = f->severity;
        h->has_fix = f->has_fix;
        if (f->has_fix) {
            h->safe = f->fix.safe;
            h->fix_start = f->fix.span.start;
            h->fix_len = tqc_span_len(f->fix.span);
            copy_out(h->fix, sizeof h->fix, f->fix.replacement, strlen(f->fix.replacement));
        }
    }
}

static hit spacing_on(const char *text, size_t nth)
{
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker(), doc, &out), TQC_OK);
    hit h;
    collect(&out, doc, nth, &h);
    tqc_findings_release(&out);
    tqc_doc_free(doc);
    return h;
}

static size_t count(const char *text)
{
    return spacing_on(text, 0).count;
}

START_TEST(test_issue_3_spacing_double_space)
{
    hit h = spacing_on("The talks  resumed on Monday morning.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "  ");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert(h.has_fix && h.safe);
    ck_assert_str_eq(h.fix, " ");
    /* Between sentences, across lines, and in tabbed columns it is layout. */
    ck_assert_uint_eq(count("The talks ended.  Both sides left the room."), 0);
    ck_assert_uint_eq(count("The talks ended\n  and both sides left."), 0);
    ck_assert_uint_eq(count("Name\t\tVotes"), 0);
}
END_TEST

START_TEST(test_issue_3_spacing_space_before_punctuation)
{
    hit h = spacing_on("The talks ended , and both sides left the capital.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, " ,");
    ck_assert_int_eq(h.severity, TQC_SEV_ERROR);
    ck_assert(h.safe);
    ck_assert_str_eq(h.fix, ",");
    ck_assert_uint_eq(count("Was it over ? Nobody knew ; nobody asked : why ."), 4);
    /* Ellipses, decimals and names that start with a period are not spacing slips. */
    ck_assert_uint_eq(count("He paused . . . and went on with the .NET code and a .45 gun."), 0);
    /* A face after a space is no mark written flush (issue 17: edited manuals use them). */
    ck_assert_uint_eq(count("If it breaks, you keep both parts :-) and a story to tell."), 0);
    ck_assert_uint_eq(count("Buy one that works :) or wait for the next model ;-("), 0);
    ck_assert_uint_eq(count("The list is long ; it has ten items."), 1);
}
END_TEST

START_TEST(test_issue_3_spacing_missing_space_after)
{
    hit h = spacing_on("The talks were long,tense and bitter for everyone.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "long,tense");
    ck_assert_int_eq(h.severity, TQC_SEV_ERROR);
    ck_assert(h.safe);
    ck_assert_str_eq(h.fix, ", ");
    ck_assert_uint_eq(h.fix_len, 1);
    ck_assert_uint_eq(count("Two items remained;one was the budget."), 1);
    /* Numbers, times, addresses, abbreviations and sentence ends are not this rule's. */
    ck_assert_uint_eq(count("Some 1,000 people met at 11:43 in the U.S. capital; see "
                            "www.example.com/a,b or write to info@example.org today."), 0);
    ck_assert_uint_eq(count("The vote was over.The count began at once."), 0);
    ck_assert_uint_eq(count("The page said AT&amp;T had won."), 0);
    /* A space before the mark instead of after it is one slip, moved in one fix. */
    h = spacing_on("The talks were long ,tense and bitter.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.fix, ", ");
}
END_TEST

/* Issue 17, real pages: a mark glued between two words in a run that reads as code (the
 * same mark twice, a character prose never glues, a word with a digit beside it) is a
 * hint whose fix is never applied unattended; the same slip in prose stays an error, in
 * every language. */
START_TEST(test_issue_17_spacing_code_runs_are_hints)
{
    hit h = spacing_on("Mount the disc with rw,user,noauto options.", 0);
    ck_assert_uint_eq(h.count, 2);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert(h.has_fix && !h.safe);
    ck_assert_int_eq(spacing_on("Mount the disc with rw,user,noauto options.", 1).severity,
                     TQC_SEV_INFO);
    h = spacing_on("The types are udf,iso9660 and the key is a=b,c now.", 0);
    ck_assert_uint_eq(h.count, 2);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_int_eq(spacing_on("The types are udf,iso9660 and the key is a=b,c now.", 1).severity,
                     TQC_SEV_INFO);
    /* A list's own comma after the run is no second mark inside it. */
    ck_assert_int_eq(spacing_on("It keeps zoning,franchises, and leases.", 0).severity,
                     TQC_SEV_ERROR);
    static const char *const cases[][3] = {
        {"en", "The talks were long,tense and bitter.", "Mount the disc with rw,user,noauto today."},
        {"pt", "As conversas foram longas,tensas e amargas.", "Monte o disco com rw,user,noauto hoje."},
        {"es", "Las conversaciones fueron largas,tensas y amargas.",
         "Monte el disco con rw,user,noauto hoy."},
        {"fr", "Les discussions furent longues,tendues et amères.",
         "Montez le disque avec rw,user,noauto demain."},
        {"de", "Die Gespräche waren lang,zäh und bitter.", "Die Platte wird mit rw,user,noauto eingehängt."},
        {"it", "I colloqui furono lunghi,tesi e amari.", "Montate il disco con rw,user,noauto oggi."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ck_assert_msg(tqc_test_findings_in(cases[i][0], cases[i][1], "spacing", NULL, 0) == 1,
                      "%s", cases[i][1]);
        SILENT(cases[i][0], cases[i][2], "spacing");
        /* Scripts written without spaces take none after a mark, whatever the page's
         * language. */
        char quoted[160];
        snprintf(quoted, sizeof quoted, "%s \u4ECA,\u305D\u3053\u306B.", cases[i][2]);
        SILENT(cases[i][0], quoted, "spacing");
    }
}
END_TEST

START_TEST(test_issue_3_spacing_inside_brackets_and_quotes)
{
    hit h = spacing_on("The fund ( set up in 2019 ) grew quickly.", 0);
    ck_assert_uint_eq(spacing_on("The fund ( set up in 2019 ) grew quickly.", 1).count, 2);
    ck_assert_str_eq(h.span, "( ");
    ck_assert_str_eq(h.fix, "(");
    ck_assert_uint_eq(count("He said “ we will stay ” and left the room."), 2);
    ck_assert_uint_eq(count("He said \" we will stay\" and left the room."), 1);
    ck_assert_uint_eq(count("He said \"we will stay \" and left the room."), 1);
    ck_assert_uint_eq(count("He said “we will stay” (for now) and left."), 0);
    /* A wrong-way quote before a comma is the quotes pass's, not a spacing slip. */
    ck_assert_uint_eq(count("It landed outside the zone“, adding to the alarm."), 0);
}
END_TEST

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* Runs the spacing pass alone on text under a language made of the rule file given. */
static size_t spacing_in(const char *rules, const char *text)
{
    char dir[] = "/tmp/tqc-spacing-XXXXXX", path[512];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/rules", dir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/rules/xx", dir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/rules/xx/spacing", dir);
    write_file(path, rules);
    tqc_lang *lang;
    char err[256];
    ck_assert_int_eq(tqc_lang_load(dir, "xx", &lang, err, sizeof err), TQC_OK);
    const tqc_pass *pass = tqc_pass_find("spacing");
    void *state = NULL;
    tqc_status st = pass->init(lang, &state, err, sizeof err);
    size_t n = SIZE_MAX;
    if (st == TQC_OK) {
        tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), "xx");
        ck_assert_int_eq(tqc_segment(doc, lang), TQC_OK);
        tqc_findings out;
        tqc_findings_init(&out, doc);
        tqc_ctx ctx = {.doc = doc, .lang = lang, .state = state, .pass = pass, .out = &out};
        pass->run(&ctx);
        n = out.count;
        tqc_findings_release(&out);
        tqc_doc_free(doc);
        pass->fini(state);
    }
    tqc_lang_free(lang);
    unlink(path);
    snprintf(path, sizeof path, "%s/rules/xx", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/rules", dir);
    rmdir(path);
    rmdir(dir);
    return n;
}

START_TEST(test_issue_3_spacing_conventions_are_data)
{
    /* French: a (narrow no-break) space before ; : ! ? and inside « ». */
    const char *french = "no-space-before , .\nspace-before ; : ! ?\nspace-after , ; :\n"
                         "tight-inside ( )\n";
    ck_assert_uint_eq(spacing_in(french, "Il a dit\u202F: « oui » ! Puis il est parti ."), 1);
    const char *english = "no-space-before , . ; : ! ?\nspace-after , ; :\n"
                          "tight-inside “ ”\n";
    ck_assert_uint_eq(spacing_in(english, "He said : yes ! Then he left ."), 3);
    ck_assert_uint_eq(spacing_in("tight-inside (\n", "Text."), SIZE_MAX);
}
END_TEST

/* German gender endings glued by a colon (`Lehrer:innen`) are words, not a missing space:
 * the endings are data (rules/de/inclusive-endings); a colon before a word still needs one. */
START_TEST(test_issue_17_spacing_inclusive_endings)
{
    ck_assert_uint_eq(tqc_test_findings_in("de", "Die Lehrer:innen trafen sich mit jede:r "
                                           "Kolleg:in am Montag.", "spacing", NULL, 0), 0);
    ck_assert_uint_eq(tqc_test_findings_in("de", "Das Ergebnis:die Schule bleibt offen.",
                                           "spacing", NULL, 0), 1);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The meeting ended:in the end nobody voted.",
                                           "spacing", NULL, 0), 1);
}
END_TEST

/* Session 12: a space after the apostrophe of an elided word (`elisions`: `l'`, `qu'`,
 * `dell'`) before a vowel or an h, or before the rest of a contraction
 * (`apostrophe-clitics`: `don' t`), is removed by a safe fix; a quotation opened with an
 * apostrophe, a truncated word (`po'`), a plural possessive and `rock 'n' roll` are not. */
START_TEST(test_issue_12_spacing_after_an_elision)
{
    const char *fr = "Le maire a dit qu' il partira, selon l' adjoint.";
    ck_assert_uint_eq(tqc_test_findings_in("fr", fr, "spacing", NULL, 0), 2);
    ck_assert_uint_eq(tqc_test_findings_in("it", "Il sindaco dell' isola parla.", "spacing",
                                           NULL, 0), 1);
    hit h = spacing_on("Officials say they don' t know yet.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, " ");
    ck_assert(h.has_fix && h.safe);
    ck_assert_str_eq(h.fix, "");
    ck_assert_uint_eq(tqc_test_findings_in("fr", "Le texte est jugé 'historique' et l' 'accord' "
                                           "aussi.", "spacing", NULL, 0), 0);
    ck_assert_uint_eq(tqc_test_findings_in("it", "Ci vuole un po' di tempo e un po' "
                                           "all'inizio.", "spacing", NULL, 0), 0);
    ck_assert_uint_eq(count("The players' union and rock 'n' roll fans met."), 0);
    /* The space before the apostrophe instead (`company 's`, `l 'usine`) is the same slip;
     * a letter quoted with apostrophes (`'s'`) is not. */
    h = spacing_on("The company 's plant opened.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert(h.safe);
    ck_assert_str_eq(h.fix, "");
    ck_assert_uint_eq(tqc_test_findings_in("fr", "Les ouvriers de l 'usine votent.", "spacing",
                                           NULL, 0), 1);
    ck_assert_uint_eq(count("The sign read 's' for south."), 0);
}
END_TEST

Suite *pass_spacing_suite(void)
{
    Suite *s = suite_create("pass_spacing");
    TCase *tc = tcase_create("spacing");
    tcase_add_test(tc, test_issue_3_spacing_double_space);
    tcase_add_test(tc, test_issue_3_spacing_space_before_punctuation);
    tcase_add_test(tc, test_issue_3_spacing_missing_space_after);
    tcase_add_test(tc, test_issue_17_spacing_code_runs_are_hints);
    tcase_add_test(tc, test_issue_3_spacing_inside_brackets_and_quotes);
    tcase_add_test(tc, test_issue_3_spacing_conventions_are_data);
    tcase_add_test(tc, test_issue_17_spacing_inclusive_endings);
    tcase_add_test(tc, test_issue_12_spacing_after_an_elision);
    suite_add_tcase(s, tc);
    return s;
}
