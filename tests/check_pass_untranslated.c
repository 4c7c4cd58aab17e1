/* untranslated: sentences and clauses in another language than the document's, named
 * in the message; loanwords, names and quoted titles left alone. English documents use
 * the source tree's profiles; Spanish ones a fixture data folder (tests/data/lang/data),
 * so the profiles being written elsewhere do not move these tests. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/langid.h"
#include "pass/pass.h"
#include "tqc_test.h"

#define FIXTURE TQC_SOURCE_DIR "/tests/data/lang/data"

/* The untranslated findings of text checked by ck (as lang): how many, and the first
 * one's span text and message. */
static size_t untranslated(tqc_checker *ck, const char *lang, const char *text, char *span,
                           char *message, size_t cap)
{
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), lang);
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(ck, doc, &out), TQC_OK);
    size_t n = 0;
    for (size_t i = 0; i < out.count; i++) {
        const tqc_finding *f = &out.items[i];
        if (strcmp(f->rule, "untranslated") != 0 && !(f->also && strstr(f->also, "untranslated")))
            continue;
        if (n++ == 0) {
            snprintf(span, cap, "%.*s", (int)tqc_span_len(f->span), doc->text + f->span.start);
            snprintf(message, cap, "%s", f->message);
        }
    }
    tqc_findings_release(&out);
    tqc_doc_free(doc);
    return n;
}

static size_t english(const char *text, char *span, char *message)
{
    return untranslated(tqc_test_checker(), "en", text, span, message, 256);
}

START_TEST(test_issue_6_portuguese_sentence_in_english)
{
    char span[256], msg[256];
    ck_assert_uint_eq(english("The ministry confirmed the closures on Tuesday. As escolas da região "
                              "vão permanecer fechadas até segunda-feira, segundo a secretaria.",
                              span, msg), 1);
    ck_assert_str_eq(span, "As escolas da região vão permanecer fechadas até segunda-feira, "
                           "segundo a secretaria");
    ck_assert_str_eq(msg, "Portuguese text in an English article: left untranslated?");
}
END_TEST

START_TEST(test_issue_6_foreign_clause_inside_an_english_sentence)
{
    char span[256], msg[256];
    ck_assert_uint_eq(english("The ministry said on Tuesday that all the schools in the capital "
                              "would stay closed, les écoles resteront fermées jusqu'à lundi, "
                              "according to a statement issued by its press office.",
                              span, msg), 1);
    ck_assert_str_eq(span, "les écoles resteront fermées jusqu'à lundi");
    ck_assert_ptr_nonnull(strstr(msg, "French text"));
}
END_TEST

/* Issue 15: a clause the French lexicon and frequency list settle is told without
 * asking the French dictionary (opening it costs tens of megabytes): no French word
 * reaches its verdicts. */
START_TEST(test_issue_15_clause_told_without_the_other_dictionary)
{
    tqc_langid *ids = tqc_checker_langid(tqc_test_checker());
    ck_assert_ptr_nonnull(ids);
    size_t fr = tqc_langid_find(ids, "fr");
    ck_assert_uint_ne(fr, SIZE_MAX);
    /* Held across a check: pinned, or the checker may close it at the document's end. */
    tqc_langid_pin(ids, fr);
    tqc_dict *d = tqc_langid_dict(ids, fr);
    ck_assert_ptr_nonnull(d);
    size_t before, after, calls;
    tqc_dict_stats(d, &before, &calls);
    char span[256], msg[256];
    ck_assert_uint_eq(english("The ministry said on Tuesday that all the schools in the capital "
                              "would stay closed, les vieux marins racontaient leurs voyages "
                              "lointains au coin du feu, according to a statement issued by its "
                              "press office.", span, msg), 1);
    ck_assert_str_eq(span, "les vieux marins racontaient leurs voyages lointains au coin du feu");
    ck_assert_ptr_nonnull(strstr(msg, "French text"));
    tqc_dict_stats(d, &after, &calls);
    ck_assert_uint_eq(after, before);
}
END_TEST

START_TEST(test_issue_6_introduction_left_out_of_the_span)
{
    char span[256], msg[256];
    ck_assert_uint_eq(english("The governor said: as escolas vão permanecer fechadas até "
                              "segunda-feira por causa das chuvas.", span, msg), 1);
    ck_assert_str_eq(span, "as escolas vão permanecer fechadas até segunda-feira por causa das "
                           "chuvas");
}
END_TEST

START_TEST(test_issue_6_loanwords_names_and_titles_are_not_findings)
{
    char span[256], msg[256];
    ck_assert_uint_eq(english("The deal preserved the status quo, a fait accompli that critics "
                              "called a coup d'état by other means.", span, msg), 0);
    ck_assert_uint_eq(english("Luiz Inácio Lula da Silva met João Doria at the Palácio dos "
                              "Bandeirantes in São Paulo.", span, msg), 0);
    ck_assert_uint_eq(english("She had read \"Cien años de soledad\" and \"O tempo e o vento\" "
                              "before the trip.", span, msg), 0);
    /* A quoted title of five ordinary words: still a title. */
    ck_assert_uint_eq(english("The film \"a hora da estrela chegou cedo\" opened on Friday in "
                              "three cities across the region.", span, msg), 0);
    ck_assert_uint_eq(english("The motto \"liberté, égalité, fraternité\" was painted on the wall.",
                              span, msg), 0);
}
END_TEST

START_TEST(test_issue_6_english_and_misspellings_are_not_findings)
{
    char span[256], msg[256];
    ck_assert_uint_eq(english("The schools will remain closed until Monday, the ministry said.",
                              span, msg), 0);
    /* Garbled English is unknown to every dictionary: no language claims it. */
    ck_assert_uint_eq(english("The governmnet sayd the scools wuold remian clsoed untill monday.",
                              span, msg), 0);
}
END_TEST

START_TEST(test_issue_6_other_document_languages)
{
    tqc_checker *ck;
    char err[512], span[256], msg[256];
    tqc_check_options o = {.data_dir = FIXTURE, .lang = "es"};
    ck_assert_msg(tqc_checker_new(&o, &ck, err, sizeof err) == TQC_OK, "%s", err);
    /* Close languages: Spanish knows most of this Portuguese sentence. */
    ck_assert_uint_eq(untranslated(ck, "es", "Las escuelas de la provincia permanecerán cerradas "
                                   "hasta el lunes. As aulas serão retomadas na próxima semana, "
                                   "segundo o secretário.", span, msg, sizeof span), 1);
    ck_assert_str_eq(msg, "Portuguese text in a Spanish article: left untranslated?");
    ck_assert_uint_eq(untranslated(ck, "es", "Las escuelas permanecerán cerradas hasta el lunes. "
                                   "The ministry said that classes would resume next week.",
                                   span, msg, sizeof span), 1);
    ck_assert_str_eq(span, "The ministry said that classes would resume next week");
    ck_assert_str_eq(msg, "English text in a Spanish article: left untranslated?");
    ck_assert_uint_eq(untranslated(ck, "es", "Las escuelas de la provincia permanecerán cerradas "
                                   "hasta el lunes, según informó el ministerio en un comunicado.",
                                   span, msg, sizeof span), 0);
    tqc_checker_free(ck);
}
END_TEST

START_TEST(test_without_other_languages_silent)
{
    /* A context without langs (an embedder's) is not an error. */
    tqc_doc *doc = tqc_test_doc("The ministry said so. As escolas vão permanecer fechadas até "
                                "segunda-feira.");
    const tqc_pass *pass = tqc_pass_find("untranslated");
    tqc_checker *ck = tqc_test_checker();
    void *state = NULL;
    char err[256];
    ck_assert_int_eq(pass->init(tqc_checker_lang(ck), &state, err, sizeof err), TQC_OK);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    tqc_ctx ctx = {.doc = doc, .lang = tqc_checker_lang(ck), .dict = tqc_checker_dict(ck),
                   .state = state, .pass = pass, .out = &out};
    pass->run(&ctx);
    ck_assert_uint_eq(out.count, 0);
    ctx.langs = tqc_checker_langid(ck);
    pass->run(&ctx);
    ck_assert_uint_eq(out.count, 1);
    pass->fini(state);
    tqc_findings_release(&out);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_source_identical_to_target)
{
    const char *text = "Las escuelas permanecerán cerradas hasta el lunes.";
    tqc_doc *doc = tqc_doc_new("t.xlf", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    doc->source = tqc_doc_new("t.xlf", text, strlen(text), "es");
    ck_assert_ptr_nonnull(doc->source);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker(), doc, &out), TQC_OK);
    size_t n = 0;
    for (size_t i = 0; i < out.count; i++)
        n += strcmp(out.items[i].rule, "untranslated") == 0 &&
             strstr(out.items[i].message, "the source text") != NULL;
    ck_assert_uint_eq(n, 1);
    tqc_findings_release(&out);
    tqc_doc_free(doc);
}
END_TEST

/* Issue 12: a foreign stretch inside a sentence, with no punctuation at either side, in
 * each of the six languages as the document's: one finding naming the language, over the
 * stretch alone, and no spelling finding inside it. */
static size_t spelling_in(tqc_checker *ck, const char *lang, const char *text, const char *stretch)
{
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), lang);
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(ck, doc, &out), TQC_OK);
    size_t a = (size_t)(strstr(text, stretch) - text), b = a + strlen(stretch), n = 0;
    for (size_t i = 0; i < out.count; i++)
        n += strcmp(out.items[i].rule, "spelling") == 0 && out.items[i].span.start < b &&
             a < out.items[i].span.end;
    tqc_findings_release(&out);
    tqc_doc_free(doc);
    return n;
}

static void stretch_found(const char *lang, const char *text, const char *stretch,
                          const char *message)
{
    tqc_checker *ck = tqc_test_checker_for(lang);
    char span[256], msg[256];
    ck_assert_uint_eq(untranslated(ck, lang, text, span, msg, sizeof span), 1);
    ck_assert_str_eq(span, stretch);
    ck_assert_str_eq(msg, message);
    ck_assert_uint_eq(spelling_in(ck, lang, text, stretch), 0);
}

START_TEST(test_issue_12_stretch_inside_a_sentence_every_language)
{
    stretch_found("en", "The farmers said that las cosechas se perdieron por completo este año "
                  "and asked for help.", "las cosechas se perdieron por completo este año",
                  "Spanish text in an English article: left untranslated?");
    stretch_found("pt", "Os pescadores disseram que the boats could not leave the harbour for "
                  "days e pediram ajuda.", "the boats could not leave the harbour for days",
                  "English text in a Portuguese article: left untranslated?");
    stretch_found("es", "Los vecinos contaron que the river had flooded every house in the "
                  "street durante la noche.", "the river had flooded every house in the street",
                  "English text in a Spanish article: left untranslated?");
    stretch_found("fr", "Les pompiers ont expliqué que the fire had started in the kitchen "
                  "avant de se propager.", "the fire had started in the kitchen",
                  "English text in a French article: left untranslated?");
    stretch_found("de", "Die Feuerwehr erklärte, dass the fire had started in the kitchen und "
                  "sich schnell ausbreitete.", "the fire had started in the kitchen",
                  "English text in a German article: left untranslated?");
    stretch_found("it", "I vigili del fuoco hanno spiegato che the fire had started in the "
                  "kitchen prima di propagarsi.", "the fire had started in the kitchen",
                  "English text in an Italian article: left untranslated?");
}
END_TEST

/* A stretch that reaches a comma and the clause after it, in the same language, are one
 * finding, not two. */
START_TEST(test_issue_12_stretch_and_next_clause_one_finding)
{
    char span[256], msg[256];
    ck_assert_uint_eq(english("The minister said that las escuelas no abrirán el lunes, según "
                              "informó el ministerio, and the unions agreed.", span, msg), 1);
    ck_assert_str_eq(span, "las escuelas no abrirán el lunes, según informó el ministerio");
    ck_assert_str_eq(msg, "Spanish text in an English article: left untranslated?");
}
END_TEST

/* A language tqc has no profile for (Polish): another language, exttextcat's code a
 * guess, and no string of spelling findings over it. */
START_TEST(test_issue_12_language_without_a_profile)
{
    char span[256], msg[256];
    const char *text = "The factory reopened in May, ale pracownicy nadal czekają na swoje pensje.";
    ck_assert_uint_eq(english(text, span, msg), 1);
    ck_assert_str_eq(span, "pracownicy nadal czekają na swoje pensje");
    ck_assert_ptr_nonnull(strstr(msg, "Text in another language ("));
    ck_assert_uint_eq(spelling_in(tqc_test_checker(), "en", text, span), 0);
    /* Garbled text of the document's language is a string of its slips, no language. */
    ck_assert_uint_eq(english("The farmers sayd that the harvst was lsot compleetly this yaer "
                              "and askd for hlep.", span, msg), 0);
}
END_TEST

/* A clause in a language tqc has no profile for (Dutch, Swedish), inside a sentence of
 * each language: a warning, its short words (`men`, `hem`, `niet`) being one edit from
 * some word of the document's by chance, no sign of slips; garbled text of the
 * document's language, whose slips are long words' (above), stays quiet. */
START_TEST(test_issue_12_clause_of_another_language_in_six_languages)
{
    static const char *const cases[][3] = {
        {"en", "The mayor spoke on Friday, men invånarna i staden tror inte på hans löften om "
               "nya bostäder.", "invånarna i staden tror inte på hans löften om nya bostäder"},
        {"pt", "O presidente falou ontem, maar de inwoners van de stad geloven hem niet meer.",
         "inwoners van de stad geloven hem niet meer"},
        {"es", "El alcalde habló el viernes, men invånarna i staden tror inte på hans löften om "
               "nya bostäder.", "men invånarna i staden tror inte på hans löften om nya bostäder"},
        {"fr", "Le maire a parlé vendredi, maar de inwoners van de stad geloven hem niet meer.",
         "inwoners van de stad geloven hem niet meer"},
        {"de", "Der Bürgermeister sprach am Freitag, maar de inwoners van de stad geloven hem "
               "niet meer.", "maar de inwoners van de stad geloven hem niet meer"},
        {"it", "Il sindaco ha parlato venerdì, maar de inwoners van de stad geloven hem niet "
               "meer.", "maar de inwoners van de stad geloven hem niet meer"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tqc_test_hit h;
        tqc_test_first_in(cases[i][0], cases[i][1], "untranslated", &h);
        ck_assert_msg(h.count == 1 && h.severity == TQC_SEV_WARNING &&
                      strcmp(h.span, cases[i][2]) == 0, "%s: %zu findings, '%s': %s",
                      cases[i][0], h.count, h.span, h.message);
        ck_assert_ptr_nonnull(strstr(h.message, "Text in another language ("));
    }
}
END_TEST

/* Loanwords, set phrases and Latin of the law inside sentences stay quiet in every
 * language: two or three words, not a stretch. */
START_TEST(test_issue_12_set_phrases_are_not_stretches)
{
    char span[256], msg[256];
    ck_assert_uint_eq(english("The treaty was void ab initio, the judge said, and the defendant "
                              "showed no mens rea at all.", span, msg), 0);
    ck_assert_uint_eq(english("Critics called the deal a fait accompli and a quid pro quo that "
                              "kept the status quo in place.", span, msg), 0);
    ck_assert_uint_eq(untranslated(tqc_test_checker_for("pt"), "pt", "O acordo manteve o status "
                                   "quo, e o árbitro elogiou o fair play das duas equipes.", span,
                                   msg, sizeof span), 0);
    ck_assert_uint_eq(untranslated(tqc_test_checker_for("es"), "es", "La empresa vendió su "
                                   "know-how y el tribunal revisó el caso de novo en abril.", span,
                                   msg, sizeof span), 0);
    ck_assert_uint_eq(untranslated(tqc_test_checker_for("fr"), "fr", "Le joueur a salué le fair "
                                   "play de l'équipe adverse après le match.", span, msg,
                                   sizeof span), 0);
    ck_assert_uint_eq(untranslated(tqc_test_checker_for("de"), "de", "Der Vertrag war ab initio "
                                   "nichtig, sagte die Richterin in Berlin.", span, msg,
                                   sizeof span), 0);
    ck_assert_uint_eq(untranslated(tqc_test_checker_for("it"), "it", "Il governo ha difeso lo "
                                   "status quo e il know-how delle imprese.", span, msg,
                                   sizeof span), 0);
}
END_TEST

Suite *pass_untranslated_suite(void)
{
    Suite *s = suite_create("pass_untranslated");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_issue_6_portuguese_sentence_in_english);
    tcase_add_test(tc, test_issue_6_foreign_clause_inside_an_english_sentence);
    tcase_add_test(tc, test_issue_6_introduction_left_out_of_the_span);
    tcase_add_test(tc, test_issue_6_loanwords_names_and_titles_are_not_findings);
    tcase_add_test(tc, test_issue_6_english_and_misspellings_are_not_findings);
    tcase_add_test(tc, test_issue_6_other_document_languages);
    tcase_add_test(tc, test_without_other_languages_silent);
    tcase_add_test(tc, test_source_identical_to_target);
    tcase_add_test(tc, test_issue_15_clause_told_without_the_other_dictionary);
    tcase_add_test(tc, test_issue_12_stretch_inside_a_sentence_every_language);
    tcase_add_test(tc, test_issue_12_language_without_a_profile);
    tcase_add_test(tc, test_issue_12_clause_of_another_language_in_six_languages);
    tcase_add_test(tc, test_issue_12_stretch_and_next_clause_one_finding);
    tcase_add_test(tc, test_issue_12_set_phrases_are_not_stretches);
    suite_add_tcase(s, tc);
    return s;
}
