/* Tests of the stray-heading pass: captions and related-article headlines stranded in
 * the middle of a story, and the titles, subheadings, datelines and article starts it
 * must leave alone. */
#include <stdio.h>
#include <string.h>

#include "pass/pass.h"
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
    /* A headline that opens another story announces the paragraph below it (it shares a
     * word with its lead): a guess, not a warning. */
    char text[1024];
    snprintf(text, sizeof text, "%s\n\nStorm warning issued for the Algarve coast tonight\n\n"
             "Forecasters said the storm would reach the Algarve before midnight.\n", BEFORE);
    ck_assert_uint_eq(tqc_test_findings_in("en", text, RULE, NULL, 0), 0);
    /* A section heading of a report, announcing the text below it. */
    snprintf(text, sizeof text, "Stored grain lost a tenth of its weight in the first year of "
             "the trial.\n\nFactors responsible for the spoilage of stored foods\n\nSpoilage "
             "depends mostly on the moisture of the grain and on the heat of the store.\n");
    ck_assert_uint_eq(tqc_test_findings_in("en", text, RULE, NULL, 0), 0);
    /* The same headline between two paragraphs of one story it shares no word with: a
     * related-article headline left in the body. */
    ck_assert_uint_eq(between("Ferry fares rise again for island commuters this summer", NULL, 0),
                      1);
    snprintf(text, sizeof text, "%s\n\nFerry fares rise again for island commuters this summer"
             "\n\n%s\n",
             BEFORE, AFTER);
    ck_assert_uint_eq(tqc_test_findings_in("en", text, RULE, NULL, 0), 1);
}
END_TEST

/* Two body paragraphs of one story in each language, a line between them. */
static size_t between_in(const char *code, const char *before, const char *middle,
                         const char *after)
{
    char text[1024];
    snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", before, middle, after);
    return tqc_test_findings_in(code, text, RULE, NULL, 0);
}

START_TEST(test_w1_stray_heading_captions_and_headlines_in_six_languages)
{
    static const struct {
        const char *code, *before, *after, *caption, *headline, *dateline, *subhead;
    } cases[] = {
        {"en", "The port authority signed the new contract with the dockers on Monday.",
         "The dockers will return to work on Wednesday morning, the union said.",
         "Dockers gather outside the port gates on Monday (File)",
         "Ten things to know about the new pension rules for farmers",
         "Rotterdam, March 3 (Reuters)", "Talks resume"},
        {"pt", "A autoridade portuária assinou o novo contrato com os estivadores na segunda-feira.",
         "Os estivadores voltam ao trabalho na quarta-feira de manhã, disse o sindicato.",
         "Estivadores reunidos à porta do porto na segunda-feira. Foto: Lusa",
         "Dez coisas que precisa de saber sobre as novas regras das pensões agrícolas",
         "Lisboa, 3 de março (Lusa)", "Conversas retomadas"},
        {"es", "La autoridad portuaria firmó el nuevo contrato con los estibadores el lunes.",
         "Los estibadores volverán al trabajo el miércoles por la mañana, dijo el sindicato.",
         "Estibadores reunidos ante las puertas del puerto el lunes / EFE",
         "Diez claves para entender las nuevas reglas de las pensiones agrarias",
         "Valencia, 3 de marzo (EFE)", "Se reanudan las conversaciones"},
        {"fr", "L'autorité portuaire a signé lundi le nouveau contrat avec les dockers du port.",
         "Les dockers reprendront le travail mercredi matin, a indiqué le syndicat.",
         "Des dockers rassemblés devant les grilles du port lundi. Photo : AFP",
         "Dix choses à savoir sur les nouvelles règles des retraites agricoles",
         "Marseille, 3 mars (AFP)", "Reprise des discussions"},
        {"de", "Die Hafenbehörde hat am Montag den neuen Vertrag mit den Hafenarbeitern "
               "unterzeichnet.",
         "Die Hafenarbeiter nehmen am Mittwochmorgen die Arbeit wieder auf, sagte die "
         "Gewerkschaft.",
         "Hafenarbeiter versammeln sich am Montag vor den Toren des Hafens. Foto: dpa",
         "Neue Rentenregeln für Landwirte treten im kommenden Jahr in Kraft",
         "Hamburg, 3. März (dpa)", "Gespräche fortgesetzt"},
        {"it", "L'autorità portuale ha firmato lunedì il nuovo contratto con i portuali della "
               "città.",
         "I portuali torneranno al lavoro mercoledì mattina, ha detto il sindacato.",
         "Portuali riuniti davanti ai cancelli del porto lunedì (ANSA)",
         "Dieci cose da sapere sulle nuove regole delle pensioni agricole",
         "Genova, 3 marzo (ANSA)", "Riprendono i colloqui"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *c = cases[i].code, *b = cases[i].before, *a = cases[i].after;
        ck_assert_msg(between_in(c, b, cases[i].caption, a) == 1, "%s: caption", c);
        ck_assert_msg(between_in(c, b, cases[i].headline, a) == 1, "%s: headline", c);
        ck_assert_msg(between_in(c, b, cases[i].dateline, a) == 0, "%s: dateline", c);
        ck_assert_msg(between_in(c, b, cases[i].subhead, a) == 0, "%s: subheading", c);
        /* The article's own title, first in the file. */
        char text[1024];
        snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", cases[i].headline, b, a);
        ck_assert_msg(tqc_test_findings_in(c, text, RULE, NULL, 0) == 0, "%s: title", c);
    }
    /* A German headline may end on a detached verb particle; a line cut off ends on a
     * conjunction or an article. */
    const char *b = cases[4].before, *a = cases[4].after;
    ck_assert_uint_eq(between_in("de", b, "Die Bahn kündigt für den Sommer höhere Preise an", a), 1);
    ck_assert_uint_eq(between_in("de", b, "Wie die Bahn ihre Preise für den Sommer verändert hat "
                                 "und", a), 0);
    ck_assert_uint_eq(between_in("de", b, "Im Sommer ändern sich die Preise für die", a), 0);
    /* Issue 12, fresh seed: a separable particle that is also an article (`ein`) after a
     * noun ends a headline; after a preposition it is a line cut off. */
    ck_assert_uint_eq(between_in("de", b, "Die Ministerin trifft am Abend in der Grenzstadt ein",
                                 a), 1);
    ck_assert_uint_eq(between_in("de", b, "Die Ministerin spricht am Abend in der Grenzstadt "
                                 "über ein", a), 0);
    /* A body paragraph may end with a colon after its first sentence (a quotation or a
     * list follows); a one-sentence line ending so introduces the line below it. */
    const char *en_b = cases[0].before;
    ck_assert_uint_eq(between_in("en", en_b, "Ten things to know about the new pension rules "
                                 "for farmers", "The dockers will return to work on Wednesday. "
                                 "The union gave the port an ultimatum:"), 1);
    ck_assert_uint_eq(between_in("en", en_b, "Ten things to know about the new pension rules "
                                 "for farmers", "The union gave the port authority this "
                                 "ultimatum on Friday:"), 0);
}
END_TEST

/* A caption's credit may put the agency before a slash and the photographer's name
 * (`EFE/Ana Ruiz`); a sentence opening with an agency's name and a slash is prose. */
START_TEST(test_s10_stray_heading_agency_slash_photographer)
{
    static const struct {
        const char *code, *before, *after, *caption, *prose;
    } cases[] = {
        {"en", "The port authority signed the new contract with the dockers on Monday.",
         "The dockers will return to work on Wednesday morning, the union said.",
         "Dockers gather outside the port gates on Monday. AP/Jane Doe",
         "The port reopened. Reuters/Ipsos polls show support for the deal."},
        {"pt", "A autoridade portuária assinou o novo contrato com os estivadores na "
               "segunda-feira.",
         "Os estivadores voltam ao trabalho na quarta-feira de manhã, disse o sindicato.",
         "Estivadores reunidos à porta do porto na segunda-feira. Lusa/Rui Silva",
         "O porto reabriu. Lusa/Ipsos mostra apoio ao acordo dos estivadores."},
        {"es", "La autoridad portuaria firmó el nuevo contrato con los estibadores el lunes.",
         "Los estibadores volverán al trabajo el miércoles por la mañana, dijo el sindicato.",
         "Estibadores reunidos ante las puertas del puerto el lunes. EFE/Ana Ruiz",
         "El puerto reabrió. EFE/Ipsos muestra apoyo al acuerdo con los estibadores."},
        {"fr", "L'autorité portuaire a signé lundi le nouveau contrat avec les dockers du port.",
         "Les dockers reprendront le travail mercredi matin, a indiqué le syndicat.",
         "Des dockers rassemblés devant les grilles du port lundi. AFP/Jean Dupont",
         "Le port a rouvert. AFP/Ipsos montre un soutien au nouvel accord."},
        {"de", "Die Hafenbehörde hat am Montag den neuen Vertrag mit den Hafenarbeitern "
               "unterzeichnet.",
         "Die Hafenarbeiter nehmen am Mittwochmorgen die Arbeit wieder auf, sagte die "
         "Gewerkschaft.",
         "Hafenarbeiter versammeln sich am Montag vor den Toren des Hafens. dpa/Max Muster",
         "Der Hafen ist wieder offen. dpa/Ipsos zeigt Zustimmung zum neuen Vertrag."},
        {"it", "L'autorità portuale ha firmato lunedì il nuovo contratto con i portuali della "
               "città.",
         "I portuali torneranno al lavoro mercoledì mattina, ha detto il sindacato.",
         "Portuali riuniti davanti ai cancelli del porto lunedì. ANSA/Mario Rossi",
         "Il porto ha riaperto. ANSA/Ipsos mostra sostegno al nuovo accordo."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *c = cases[i].code, *b = cases[i].before, *a = cases[i].after;
        tqc_test_hit h;
        tqc_test_first_between_in(c, b, cases[i].caption, a, RULE, &h);
        ck_assert_msg(h.count == 1 && strstr(h.message, "photo caption"), "%s: caption", c);
        tqc_test_first_between_in(c, b, cases[i].prose, a, RULE, &h);
        ck_assert_msg(h.count == 0, "%s: prose: %s", c, h.message);
    }
}
END_TEST

/* A headline set in title case has no word in lower case, as a dateline has none: its
 * capitals on words the dictionary writes in lower case tell it apart, and are no names
 * shared with the story. */
START_TEST(test_s10_stray_heading_title_case_headline)
{
    char first[128];
    ck_assert_uint_eq(between("Fishermen Warn That Winter Storms Threaten Coastal Harbours", first,
                              sizeof first), 1);
    ck_assert_uint_eq(between("Harbour Budget Vote Leaves Lisbon Council Divided", first,
                              sizeof first), 1);
    /* Names and a date are a dateline, not a title. */
    ck_assert_uint_eq(between("LISBON, Portugal, March 3, 2026 (Reuters) Maria Costa Silva", first,
                              sizeof first), 0);
    /* Title case in another language reads the same. */
    ck_assert_uint_eq(between_in("pt", "A autoridade portuária assinou o novo contrato com os "
                                 "estivadores na segunda-feira.",
                                 "Pescadores Alertam Que Tempestades Ameaçam Portos Costeiros",
                                 "Os estivadores voltam ao trabalho na quarta-feira de manhã, "
                                 "disse o sindicato."), 1);
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

/* A short line between body paragraphs that shares no word with them: another story's
 * title in title case is a warning; a short line in sentence case may be a subheading as
 * well as a section label, so it is only a hint; one that shares a word is a subheading. */
START_TEST(test_issue_12_stray_heading_short_lines)
{
    static const struct {
        const char *code, *before, *after, *label, *subhead;
    } cases[] = {
        {"en", "The port authority signed the new contract with the dockers on Monday.",
         "The dockers will return to work on Wednesday morning, the union said.",
         "Opinion", "Dockers back at work"},
        {"pt", "A autoridade portuária assinou o novo contrato com os estivadores na segunda-feira.",
         "Os estivadores voltam ao trabalho na quarta-feira de manhã, disse o sindicato.",
         "Opinião", "Estivadores voltam ao trabalho"},
        {"es", "La autoridad portuaria firmó el nuevo contrato con los estibadores el lunes.",
         "Los estibadores volverán al trabajo el miércoles por la mañana, dijo el sindicato.",
         "Opinión", "Los estibadores vuelven"},
        {"fr", "L'autorité portuaire a signé lundi le nouveau contrat avec les dockers du port.",
         "Les dockers reprendront le travail mercredi matin, a indiqué le syndicat.",
         "Opinions", "Les dockers reprennent"},
        {"de", "Die Hafenbehörde hat am Montag den neuen Vertrag mit den Hafenarbeitern "
               "unterzeichnet.",
         "Die Hafenarbeiter nehmen am Mittwochmorgen die Arbeit wieder auf, sagte die "
         "Gewerkschaft.",
         "Meinung", "Hafenarbeiter kehren zurück"},
        {"it", "L'autorità portuale ha firmato lunedì il nuovo contratto con i portuali.",
         "I portuali torneranno al lavoro mercoledì mattina, ha detto il sindacato.",
         "Opinioni", "I portuali tornano al lavoro"},
    };
    char text[1024];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tqc_test_hit h;
        snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", cases[i].before, cases[i].label,
                 cases[i].after);
        tqc_test_first_in(cases[i].code, text, RULE, &h);
        ck_assert_msg(h.count == 1 && h.severity == TQC_SEV_INFO, "%s: %s", cases[i].code,
                      cases[i].label);
        snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", cases[i].before, cases[i].subhead,
                 cases[i].after);
        ck_assert_msg(tqc_test_findings_in(cases[i].code, text, RULE, NULL, 0) == 0, "%s: %s",
                      cases[i].code, cases[i].subhead);
    }
    /* Title case, sharing nothing: another page's headline. */
    tqc_test_hit h;
    snprintf(text, sizeof text, "%s\n\nSenators Reject Farm Subsidies\n\n%s\n", BEFORE, AFTER);
    tqc_test_first_in("en", text, RULE, &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    /* A name (a byline, a speaker) or a line that ends a sentence is left alone. */
    ck_assert_uint_eq(between("By Maria Santos", NULL, 0), 0);
    ck_assert_uint_eq(between("Not yet.", NULL, 0), 0);
}
END_TEST

/* issue 12 (session 9): an elided word (`d'`, `l'`: the profile's `elisions`) is a word of
 * its own, so a title-like line of five tokens and six words is a title, in French and
 * Italian; five words without one are a short line (a hint), and an English possessive
 * (`Administration's`) is no word of its own. */
START_TEST(test_issue_12_stray_heading_elided_words_count)
{
    static const struct {
        const char *code, *before, *after, *elided, *five;
    } cases[] = {
        {"fr", "L'autorité portuaire a signé lundi le nouveau contrat avec les dockers du port.",
         "Les dockers reprendront le travail mercredi matin, a indiqué le syndicat.",
         "Le tilde permet également d'accéder", "Le tilde permet également tout"},
        {"it", "L'autorità portuale ha firmato lunedì il nuovo contratto con i portuali della "
               "città.",
         "I portuali torneranno al lavoro mercoledì mattina, ha detto il sindacato.",
         "È anche possibile restringere l'uso", "È anche possibile restringere tutto"},
        {"en", "The port authority signed the new contract with the dockers on Monday.",
         "The dockers will return to work on Wednesday morning, the union said.",
         NULL, "The lawyer's new tax plans"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tqc_test_hit h;
        if (cases[i].elided) {
            tqc_test_first_between_in(cases[i].code, cases[i].before, cases[i].elided,
                                      cases[i].after, RULE, &h);
            ck_assert_msg(h.count == 1 && h.severity == TQC_SEV_WARNING, "%s: %s",
                          cases[i].code, cases[i].elided);
        }
        tqc_test_first_between_in(cases[i].code, cases[i].before, cases[i].five,
                                  cases[i].after, RULE, &h);
        ck_assert_msg(h.count == 0 || h.severity == TQC_SEV_INFO, "%s: %s", cases[i].code,
                      cases[i].five);
    }
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
    tcase_add_test(tc, test_w1_stray_heading_captions_and_headlines_in_six_languages);
    tcase_add_test(tc, test_issue_12_stray_heading_short_lines);
    tcase_add_test(tc, test_issue_12_stray_heading_elided_words_count);
    tcase_add_test(tc, test_s10_stray_heading_agency_slash_photographer);
    tcase_add_test(tc, test_s10_stray_heading_title_case_headline);
    suite_add_tcase(s, tc);
    return s;
}
