/* The generic pass test: every registered pass fires on its bad example and stays
 * silent on its good one, and declares what the registry promises. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/checker.h"
#include "pass/pass.h"
#include "run/rules.h"
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
        ck_assert_msg(tqc_passes[i]->details && *tqc_passes[i]->details, "%s: no details",
                      tqc_passes[i]->id);
        ck_assert_ptr_eq(tqc_pass_find(tqc_passes[i]->id), tqc_passes[i]);
        for (size_t j = i + 1; j < tqc_pass_count; j++)
            ck_assert_str_ne(tqc_passes[i]->id, tqc_passes[j]->id);
    }
}
END_TEST

/* Every finding text gets has a severity its rule declares (`tqc rules` lists that set). */
static void assert_declared_severities(const char *code, const char *name, const char *text,
                                       size_t len)
{
    tqc_doc *doc = tqc_doc_new(name, text, len, code);
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker_for(code), doc, &out), TQC_OK);
    for (size_t i = 0; i < out.count; i++) {
        tqc_rule_info r;
        ck_assert_msg(tqc_rules_find(out.items[i].rule, &r), "%s: no rule %s", name,
                      out.items[i].rule);
        ck_assert_msg(r.severities & TQC_SEV_BIT(out.items[i].severity),
                      "%s: %s emitted %s, which it does not declare: %s", name, r.id,
                      tqc_severity_name(out.items[i].severity), out.items[i].message);
    }
    tqc_findings_release(&out);
    tqc_doc_free(doc);
}

/* issue 14: `tqc rules` said spacing is a warning when it also emits errors. The
 * severities each pass declares hold for the corpus of every language and every
 * pass's examples. */
START_TEST(test_issue_14_declared_severities_hold)
{
    static const char *const langs[] = {"en", "pt", "es", "fr", "de", "it"};
    size_t files = 0;
    for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/corpus/%s", TQC_SOURCE_DIR, langs[l]);
        DIR *d = opendir(dir);
        ck_assert_ptr_nonnull(d);
        for (struct dirent *e; (e = readdir(d));) {
            size_t n = strlen(e->d_name);
            if (n < 4 || strcmp(e->d_name + n - 4, ".txt") != 0)
                continue;
            char path[2048];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            FILE *f = fopen(path, "rb");
            ck_assert_ptr_nonnull(f);
            static char buf[1 << 20];
            size_t len = fread(buf, 1, sizeof buf, f);
            fclose(f);
            assert_declared_severities(langs[l], path, buf, len);
            files++;
        }
        closedir(d);
    }
    ck_assert_uint_gt(files, 6);
    for (size_t i = 0; i < tqc_pass_count; i++) {
        assert_declared_severities("en", "bad", tqc_passes[i]->bad, strlen(tqc_passes[i]->bad));
        assert_declared_severities("en", "good", tqc_passes[i]->good, strlen(tqc_passes[i]->good));
    }
    /* The sets are the passes' own: spacing's error for a space before a comma. */
    tqc_test_hit h;
    tqc_test_first("Turnout was high , the envoy said.", "spacing", &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_ERROR);
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

/* Issue 12: a sentence ending on an article is cut off, unless the lexicon also makes the
 * article a pronoun or a numeral (`um por um.`): then a hint. */
START_TEST(test_issue_12_omission_pronoun_article_is_a_hint)
{
    FINDS("en", "The minister said the talks would resume with the.", "omission", "the.");
    SILENT("pt", "Eles foram chamados um por um.", "omission");
    FINDS("es", "El ministro habló con el.", "omission", "el.");
}
END_TEST

/* Issue 12 (s10b): an article is a word of its own in lower case inside its sentence; a
 * capital letter ending it is a label, a letter glued to a hyphen part of a code. */
START_TEST(test_issue_12_omission_labels_are_no_articles)
{
    SILENT("en", "Most of the pupils chose the drawing marked A.", "omission");
    SILENT("en", "He was placed in group 2-a.", "omission");
    SILENT("pt", "Os alunos escolheram o desenho A.", "omission");
    FINDS("en", "Most of the pupils chose the drawing marked a.", "omission", "a.");
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
    tcase_add_test(tc, test_issue_14_declared_severities_hold);
    tcase_add_test(tc, test_issue_12_omission_pronoun_article_is_a_hint);
    tcase_add_test(tc, test_issue_12_omission_labels_are_no_articles);
    /* A busy machine: the corpus walk of every language (under 1 s alone) ran past Check's
     * default 4 s twice in three make checks run beside other builds. */
    tcase_set_timeout(tc, 30);
    suite_add_tcase(s, tc);
    return s;
}
