/* Tests of the boilerplate pass: site chrome matched on whole paragraphs (or their start
 * and end, by the patterns' wildcards), never inside body text. */
#include <stdio.h>
#include <string.h>

#include "pass/pass.h"
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

/* Page furniture no pattern lists, told by its shape, between two paragraphs of prose in
 * each language; and prose with the same words, and news subheadings, left alone. */
/* Issue 17, real pages: a line of verse addresses its reader as furniture does (`watch
 * what I show you`); among four or more lines in a row without a final stop, most of
 * them not furniture (a stanza: lyrics, a poem), it is a hint. The same line between
 * paragraphs of prose, and a run of furniture lines, stay warnings, in every language. */
START_TEST(test_issue_17_boilerplate_line_of_a_stanza_is_a_hint)
{
    static const char *const cases[][7] = {
        {"en", "The port authority signed the new contract with the dockers on Monday.",
         "Share this article with your friends now", "The wind of the sea took your voice",
         "And the night fell over our old harbour", "Nobody knows what tomorrow will bring",
         "The dockers will return to work on Wednesday morning, the union said."},
        {"pt", "A autoridade portuária assinou o novo contrato com os estivadores na segunda-feira.",
         "Partilhe este artigo com os seus amigos agora", "O vento do mar levou a tua voz",
         "E a noite caiu sobre o nosso porto", "Ninguém sabe o que o amanhã nos traz",
         "Os estivadores voltam ao trabalho na quarta-feira de manhã, disse o sindicato."},
        {"fr", "L'autorité portuaire a signé lundi le nouveau contrat avec les dockers du port.",
         "Partagez cet article avec vos amis maintenant", "Le vent de la mer a pris ta voix",
         "Et la nuit est tombée sur notre port", "Personne ne sait ce que demain nous apporte",
         "Les dockers reprendront le travail mercredi matin, a indiqué le syndicat."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *const *c = cases[i];
        char text[1024];
        snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", c[1], c[2], c[6]);
        ck_assert_msg(tqc_test_findings_in(c[0], text, RULE, NULL, 0) == 1, "%s", text);
        snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n", c[1], c[3], c[2],
                 c[4], c[5], c[6]);
        ck_assert_msg(tqc_test_findings_in(c[0], text, RULE, NULL, 0) == 0, "%s", text);
    }
    ck_assert_uint_eq(hits("The port authority signed the new contract on Monday.\n\n"
                           "Share this article with your friends\n\nFollow us on Twitter for "
                           "the latest news\n\nSubscribe to our newsletter for more stories\n\n"
                           "Download our app for your phone today\n\nThe dockers will return to "
                           "work on Wednesday morning, the union said.\n", NULL, 0), 4);
}
END_TEST

START_TEST(test_w1_boilerplate_shape_in_six_languages)
{
    static const struct {
        const char *code, *before, *after, *chrome[5], *prose[3];
    } cases[] = {
        {"en", "The port authority signed the new contract with the dockers on Monday.",
         "The dockers will return to work on Wednesday morning, the union said.",
         {"Share on WhatsApp", "3 min read · 12 comments", "Tags: harbour, strike, dockers",
          "Listen to this article", "Join our discussion"},
         {"Share prices of the port operator rose by three percent on Monday.",
          "Talks resume", "\"Follow me,\" the guard told the reporters."}},
        {"pt", "A autoridade portuária assinou o novo contrato com os estivadores na segunda-feira.",
         "Os estivadores voltam ao trabalho na quarta-feira de manhã, disse o sindicato.",
         {"Partilhe no WhatsApp", "3 min de leitura · 12 comentários",
          "Etiquetas: porto, greve, estivadores", "Ouça este artigo", "Participe da discussão"},
         {"Os comentários do ministro foram mal recebidos pelos estivadores do porto.",
          "Conversas retomadas", "Leia o relatório completo antes da votação de amanhã."}},
        {"es", "La autoridad portuaria firmó el nuevo contrato con los estibadores el lunes.",
         "Los estibadores volverán al trabajo el miércoles por la mañana, dijo el sindicato.",
         {"Comparte en WhatsApp", "3 min de lectura · 12 comentarios",
          "Etiquetas: puerto, huelga, estibadores", "Escucha este artículo", "Participa en la conversación"},
         {"Los comentarios del ministro fueron mal recibidos por los estibadores del puerto.",
          "Se reanudan las conversaciones", "Lea el informe completo antes de la votación."}},
        {"fr", "L'autorité portuaire a signé lundi le nouveau contrat avec les dockers du port.",
         "Les dockers reprendront le travail mercredi matin, a indiqué le syndicat.",
         {"Partager sur WhatsApp", "3 min de lecture · 12 commentaires",
          "Mots-clés : port, grève, dockers", "Écoutez cet article", "Participez à la conversation"},
         {"Les commentaires du ministre ont été mal reçus par les dockers du port.",
          "Reprise des discussions", "Lisez le rapport complet avant le vote de demain."}},
        {"de", "Die Hafenbehörde hat am Montag den neuen Vertrag mit den Hafenarbeitern "
               "unterzeichnet.",
         "Die Hafenarbeiter nehmen am Mittwochmorgen die Arbeit wieder auf, sagte die "
         "Gewerkschaft.",
         {"Auf WhatsApp teilen", "3 Min. Lesezeit · 12 Kommentare",
          "Schlagworte: Hafen, Streik, Hafenarbeiter", "Artikel jetzt anhören", "Diskutieren Sie hier"},
         {"Die Kommentare des Ministers kamen bei den Hafenarbeitern schlecht an.",
          "Gespräche fortgesetzt", "Lesen Sie den Bericht, bevor Sie morgen abstimmen."}},
        {"it", "L'autorità portuale ha firmato lunedì il nuovo contratto con i portuali della "
               "città.",
         "I portuali torneranno al lavoro mercoledì mattina, ha detto il sindacato.",
         {"Condividi su WhatsApp", "3 min di lettura · 12 commenti",
          "Tag: porto, sciopero, portuali", "Ascolta questo articolo", "Partecipa alla conversazione"},
         {"I commenti del ministro sono stati accolti male dai portuali della città.",
          "Riprendono i colloqui", "Leggi il rapporto completo prima del voto di domani."}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *c = cases[i].code;
        char text[1024];
        for (size_t j = 0; j < 5; j++) {
            snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", cases[i].before,
                     cases[i].chrome[j], cases[i].after);
            ck_assert_msg(tqc_test_findings_in(c, text, RULE, NULL, 0) == 1, "%s: silent on %s",
                          c, cases[i].chrome[j]);
        }
        for (size_t j = 0; j < 3; j++) {
            snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", cases[i].before,
                     cases[i].prose[j], cases[i].after);
            ck_assert_msg(tqc_test_findings_in(c, text, RULE, NULL, 0) == 0, "%s: fires on %s",
                          c, cases[i].prose[j]);
        }
    }
    /* One kind of evidence on a line of its own is a guess: info, not a warning. */
    tqc_test_hit h;
    tqc_test_first_in("en", "The dockers met on Monday.\n\nPrint\n", RULE, &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
}
END_TEST

/* A bar that ends on an abbreviation (`Lesedauer 6 Min.`) has no full stop of a
 * sentence: its period is the abbreviation's. A short sentence of prose ending so is
 * still prose. */
START_TEST(test_s10_boilerplate_bar_ending_on_an_abbreviation)
{
    static const struct {
        const char *code, *body, *bar, *prose;
    } cases[] = {
        {"en", "The council approved the harbour budget on Tuesday after a long debate.",
         "Save · Share · Reading time 4 min.", "The vote took 40 min."},
        {"pt", "A câmara aprovou o orçamento do porto na terça-feira depois de um longo debate.",
         "Guardar · Partilhar · Leitura 4 min.", "A votação durou 40 min."},
        {"es", "El ayuntamiento aprobó el presupuesto del puerto el martes tras un largo debate.",
         "Guardar · Compartir · Lectura 4 min.", "La votación duró 40 min."},
        {"fr", "Le conseil municipal a approuvé le budget du port mardi après un long débat.",
         "Enregistrer · Partager · Lecture 4 min.", "Le vote a duré 40 min."},
        {"de", "Der Gemeinderat hat den Hafenhaushalt am Dienstag nach langer Debatte "
               "beschlossen.",
         "Speichern · Teilen · Lesedauer 4 Min.", "Die Abstimmung dauerte 40 Min."},
        {"it", "Il consiglio comunale ha approvato martedì il bilancio del porto dopo un "
               "dibattito.",
         "Salva · Condividi · Lettura 4 min.", "Il voto è durato 40 min."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tqc_test_hit h;
        tqc_test_first_between_in(cases[i].code, cases[i].body, cases[i].bar, cases[i].body,
                                  RULE, &h);
        ck_assert_msg(h.count == 1 && h.severity == TQC_SEV_WARNING, "%s: silent on %s",
                      cases[i].code, cases[i].bar);
        tqc_test_first_between_in(cases[i].code, cases[i].body, cases[i].prose, cases[i].body,
                                  RULE, &h);
        ck_assert_msg(h.count == 0, "%s: fires on %s", cases[i].code, cases[i].prose);
    }
}
END_TEST

/* A line of the page joined to the end of a paragraph of prose is found as that line,
 * not as the paragraph: the fix keeps the prose. A caption's credit after its sentence is
 * stray-heading's (the whole caption goes), and a paragraph ending on a sentence of prose
 * without its stop is no furniture. */
START_TEST(test_s10_boilerplate_line_joined_to_a_paragraph)
{
    static const struct {
        const char *code, *prose, *line, *plain;
    } cases[] = {
        {"en", "The port authority signed the new contract with the dockers on Monday.",
         "3 min read · 12 comments", "The union agreed"},
        {"pt", "A autoridade portuária assinou o novo contrato com os estivadores na "
               "segunda-feira.",
         "Partilhe no WhatsApp", "O sindicato concordou"},
        {"es", "La autoridad portuaria firmó el nuevo contrato con los estibadores el lunes.",
         "Comparte en WhatsApp", "El sindicato estuvo de acuerdo"},
        {"fr", "L'autorité portuaire a signé lundi le nouveau contrat avec les dockers du port.",
         "3 min de lecture · 12 commentaires", "Le syndicat a accepté"},
        {"de", "Die Hafenbehörde hat am Montag den neuen Vertrag mit den Hafenarbeitern "
               "unterzeichnet.",
         "Drucken · Senden · Lesedauer 6 Min.", "Die Gewerkschaft stimmte zu"},
        {"it", "L'autorità portuale ha firmato lunedì il nuovo contratto con i portuali della "
               "città.",
         "3 min di lettura · 12 commenti", "Il sindacato ha accettato"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *c = cases[i].code;
        char joined[512];
        snprintf(joined, sizeof joined, "%s %s", cases[i].prose, cases[i].line);
        tqc_test_hit h;
        tqc_test_first_between_in(c, cases[i].prose, joined, cases[i].prose, RULE, &h);
        ck_assert_msg(h.count == 1 && h.severity == TQC_SEV_WARNING &&
                          strcmp(h.span, cases[i].line) == 0,
                      "%s: %s: %s", c, cases[i].line, h.count ? h.span : "silent");
        snprintf(joined, sizeof joined, "%s %s", cases[i].prose, cases[i].plain);
        tqc_test_first_between_in(c, cases[i].prose, joined, cases[i].prose, RULE, &h);
        ck_assert_msg(h.count == 0, "%s: fires on %s", c, cases[i].plain);
    }
    /* The fix removes the line and the space before it. */
    const char *prose = "The dockers met the port authority on Monday morning in the city.";
    char joined[256];
    snprintf(joined, sizeof joined, "%s Share on WhatsApp\n", prose);
    tqc_doc *doc = tqc_doc_new("test.txt", joined, strlen(joined), "en");
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker(), doc, &out), TQC_OK);
    const tqc_finding *found = NULL;
    for (size_t i = 0; i < out.count && !found; i++)
        if (strcmp(out.items[i].rule, RULE) == 0)
            found = &out.items[i];
    ck_assert_ptr_nonnull(found);
    ck_assert(found->has_fix && !found->fix.safe);
    ck_assert_uint_eq(found->fix.span.start, strlen(prose));
    ck_assert_uint_eq(found->fix.span.end, strlen(joined) - 1);
    tqc_findings_release(&out);
    tqc_doc_free(doc);
    /* A caption's credit: the caption is one paragraph for stray-heading. */
    SILENT("en", "The port authority signed the new contract with the dockers on Monday.\n\n"
                 "Dockers gather outside the port gates before the vote on Monday. Photo: AFP\n\n"
                 "The dockers will return to work on Wednesday morning, the union said.\n", RULE);
}
END_TEST

/* A verb the page tells its reader with counts where it opens any sentence of the line,
 * after a question the prompt opens with (`Want more news? Subscribe ...`); a sentence of
 * prose opening with one of those verbs has no other word of the page. */
START_TEST(test_s10_boilerplate_prompt_after_a_question)
{
    static const struct {
        const char *code, *before, *prompt, *after;
    } cases[] = {
        {"en", "The city council approved the new harbour budget on Tuesday after a long debate.",
         "Want more local news? Subscribe to our free daily newsletter",
         "Members said the money would repair the old sea wall before the winter storms."},
        {"pt", "A câmara municipal aprovou na terça-feira o novo orçamento do porto após um "
               "longo debate.",
         "Quer mais notícias locais? Assine a nossa newsletter diária",
         "Os vereadores disseram que o dinheiro vai reparar o velho paredão antes do inverno."},
        {"es", "El ayuntamiento aprobó el martes el nuevo presupuesto del puerto tras un largo "
               "debate.",
         "¿Quieres más noticias locales? Suscríbete a nuestro boletín diario",
         "Los concejales dijeron que el dinero servirá para reparar el viejo muro del puerto."},
        {"fr", "Le conseil municipal a approuvé mardi le nouveau budget du port après un long "
               "débat.",
         "Envie de plus d'actualités locales ? Abonnez-vous à notre newsletter",
         "Les élus ont indiqué que l'argent servira à réparer la vieille digue avant l'hiver."},
        {"de", "Der Gemeinderat hat am Dienstag nach einer langen Debatte den neuen Haushalt "
               "beschlossen.",
         "Mehr Nachrichten aus der Region? Abonnieren Sie unseren Newsletter",
         "Die Stadträte sagten, mit dem Geld werde die alte Kaimauer vor dem Winter repariert."},
        {"it", "Il consiglio comunale ha approvato martedì il nuovo bilancio del porto dopo un "
               "dibattito.",
         "Vuoi più notizie locali? Iscriviti alla nostra newsletter",
         "I consiglieri hanno detto che i fondi serviranno a riparare il vecchio molo del porto."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tqc_test_hit h;
        tqc_test_first_between_in(cases[i].code, cases[i].before, cases[i].prompt,
                                  cases[i].after, RULE, &h);
        ck_assert_msg(h.count == 1 && h.severity == TQC_SEV_WARNING, "%s: silent on %s",
                      cases[i].code, cases[i].prompt);
    }
    SILENT("en", "The city council approved the new harbour budget on Tuesday after a long "
                 "debate.\n\nPolice want answers. Follow the money, the mayor told reporters\n\n"
                 "Members said the money would repair the old sea wall before the winter "
                 "storms.\n",
           RULE);
}
END_TEST

/* issue 12: a paragraph that is a bare link, kept as text by the scraper: a warning
 * between paragraphs of prose, a guess (info) at the end, and nothing
 * when the link sits in a sentence. */
START_TEST(test_issue_12_boilerplate_bare_link_paragraph)
{
    char first[128];
    const char *body1 = "The council met on Tuesday to discuss the budget for next year, officials said.";
    const char *body2 = "The vote is expected next month after a long public hearing in the town hall.";
    char text[512];
    snprintf(text, sizeof text, "%s\n\nhttps://www.example.com/news/2026/council-vote\n\n%s\n",
             body1, body2);
    ck_assert_uint_eq(hits(text, first, sizeof first), 1);
    ck_assert_str_eq(first, "https://www.example.com/news/2026/council-vote");
    tqc_test_hit h;
    tqc_test_first(text, RULE, &h);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    snprintf(text, sizeof text, "%s\n\n%s\n\nhttps://www.example.com/source\n", body1, body2);
    tqc_test_first(text, RULE, &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    snprintf(text, sizeof text, "%s\n\nThe full plan is at https://www.example.com/plan and in "
             "the library.\n\n%s\n", body1, body2);
    ck_assert_uint_eq(hits(text, NULL, 0), 0);
}
END_TEST

/* Issue 12, misses on a fresh injection seed: a form of a page verb with no other content
 * word but an adverb labels a list of the page (`Most shared`), where beside a noun it is a
 * headline's verb; German's polite address (`Sie`, capitalised inside a sentence) addresses
 * the reader as `du` does, where `sie` is she; and a line is judged between the prose
 * around it, past another short line. */
START_TEST(test_issue_12_boilerplate_page_verb_forms_and_polite_address)
{
    static const struct {
        const char *code, *before, *after, *chrome, *headline;
    } cases[] = {
        {"en", "The port authority signed the new contract with the dockers on Monday.",
         "The dockers will return to work on Wednesday morning, the union said.",
         "Most shared", "Strike reported"},
        {"pt", "A autoridade portuária assinou o novo contrato com os estivadores na segunda-feira.",
         "Os estivadores voltam ao trabalho na quarta-feira de manhã, disse o sindicato.",
         "Mais partilhados", "Greve anunciada"},
        {"es", "La autoridad portuaria firmó el nuevo contrato con los estibadores el lunes.",
         "Los estibadores volverán al trabajo el miércoles por la mañana, dijo el sindicato.",
         "Más compartidos", "Huelga anunciada"},
        {"fr", "L'autorité portuaire a signé lundi le nouveau contrat avec les dockers du port.",
         "Les dockers reprendront le travail mercredi matin, a indiqué le syndicat.",
         "Les plus partagés", "Grève annoncée"},
        {"de", "Die Hafenbehörde hat am Montag den neuen Vertrag mit den Hafenarbeitern "
               "unterzeichnet.",
         "Die Hafenarbeiter nehmen am Mittwochmorgen die Arbeit wieder auf, sagte die "
         "Gewerkschaft.",
         "Zuletzt kommentiert", "Streik angekündigt"},
        {"it", "L'autorità portuale ha firmato lunedì il nuovo contratto con i portuali della "
               "città.",
         "I portuali torneranno al lavoro mercoledì mattina, ha detto il sindacato.",
         "Più commentati", "Sciopero annunciato"},
    };
    char text[1024];
    tqc_test_hit h;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *c = cases[i].code;
        snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", cases[i].before, cases[i].chrome,
                 cases[i].after);
        tqc_test_first_in(c, text, RULE, &h);
        ck_assert_msg(h.count == 1 && h.severity == TQC_SEV_WARNING, "%s: not chrome: %s", c,
                      cases[i].chrome);
        snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n", cases[i].before, cases[i].headline,
                 cases[i].after);
        ck_assert_msg(tqc_test_findings_in(c, text, RULE, NULL, 0) == 0, "%s: fires on %s", c,
                      cases[i].headline);
        /* Past a second short line, the prose around is still found. */
        snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n\n%s\n", cases[i].before, cases[i].chrome,
                 cases[i].headline, cases[i].after);
        tqc_test_first_in(c, text, RULE, &h);
        ck_assert_msg(h.count >= 1 && h.severity == TQC_SEV_WARNING, "%s: not chrome beside a "
                      "line: %s", c, cases[i].chrome);
    }
    const char *de_before = cases[4].before, *de_after = cases[4].after;
    snprintf(text, sizeof text, "%s\n\nHier finden Sie alle Kommentare\n\n%s\n", de_before, de_after);
    tqc_test_first_in("de", text, RULE, &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    snprintf(text, sizeof text, "%s\n\nHier finden sie alle Kommentare\n\n%s\n", de_before, de_after);
    ck_assert_uint_eq(tqc_test_findings_in("de", text, RULE, NULL, 0), 0);
}
END_TEST

/* A paragraph in plain ASCII is normalised byte by byte, any other through its code
 * points, and a pattern is tried only when the paragraph starts as it may (with its
 * first byte, or anything for a pattern opening on `*`): the same line, written in
 * capitals, with runs of white space, a no-break space or a typographic apostrophe,
 * matches the same listed pattern either way. */
START_TEST(test_s9_boilerplate_either_normalisation_names_the_same_pattern)
{
    static const char *const cases[][3] = {
        /* language, paragraph, the pattern the message names */
        {"en", "Leave a Reply", "leave a reply"},
        {"en", "LEAVE  a\tREPLY.", "leave a reply"},
        {"en", "Leave\u00a0a Reply", "leave a reply"},
        {"en", "Example News Ltd. ALL RIGHTS RESERVED", "* all rights reserved"},
        {"en", "Example News \u00b7 All rights reserved", "* all rights reserved"},
        {"fr", "PLUS D'INFOS", "plus d'infos"},
        {"fr", "Plus d\u2019infos", "plus d'infos"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[256], want[128];
        snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n",
                 strcmp(cases[i][0], "fr") == 0 ? "Le conseil a vot\u00e9 vendredi."
                                                : "The council met on Friday.",
                 cases[i][1],
                 strcmp(cases[i][0], "fr") == 0 ? "Il a vot\u00e9." : "It voted.");
        snprintf(want, sizeof want, "(matches '%s')", cases[i][2]);
        tqc_test_hit h;
        tqc_test_first_in(cases[i][0], text, RULE, &h);
        ck_assert_msg(h.count == 1 && strstr(h.message, want), "%s: %zu findings, '%s'",
                      cases[i][1], h.count, h.message);
    }
}
END_TEST

/* issue 12 (s12): a paragraph that tells the reader to do something with the page, ending
 * with a full stop, is chrome by what it does: a page verb opening a sentence or a clause
 * (after a colon or a dash), words of the page, and the reader addressed or a second page
 * word; reported speech and a handbook's instruction without a page verb are prose. A
 * trail of section labels is chrome too. */
START_TEST(test_s12_boilerplate_calls_to_the_reader_and_trails)
{
    static const struct {
        const char *code, *line;
        size_t found;
    } cases[] = {
        {"en", "Get our weekend picks and breaking alerts sent straight to your inbox.", 1},
        {"en", "Short of time? Then get our alerts and podcasts \u2014 free, in your inbox.", 1},
        {"es", "Este contenido es para suscriptores. Suscríbete para leer el artículo.", 1},
        {"de", "Erhalten Sie unsere Eilmeldungen jeden Morgen direkt in Ihr Postfach.", 1},
        {"en", "Home | Sport | Football", 1},
        {"fr", "Accueil › Sport › Football", 1},
        {"it", "Sport | Calcio", 1},
        /* A call reported, a handbook's instruction, two places. */
        {"en", "Get your alerts from the agency's app, the minister told residents on Friday.", 0},
        {"de", "Auf der linken Seite sehen Sie ein kleines Boot und eine Liste.", 0},
        {"pt", "Você pode encontrar estas configurações no navegador de outra máquina.", 0},
        {"en", "The talks in Paris / London were postponed again", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "The council met on Friday and approved the budget.\n\n%s\n",
                 cases[i].line);
        ck_assert_msg(tqc_test_findings_in(cases[i].code, text, RULE, NULL, 0) == cases[i].found,
                      "%s: %s", cases[i].found ? "silent on" : "found in prose", cases[i].line);
    }
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
    tcase_add_test(tc, test_w1_boilerplate_shape_in_six_languages);
    tcase_add_test(tc, test_issue_12_boilerplate_bare_link_paragraph);
    tcase_add_test(tc, test_issue_12_boilerplate_page_verb_forms_and_polite_address);
    tcase_add_test(tc, test_issue_17_boilerplate_line_of_a_stanza_is_a_hint);
    tcase_add_test(tc, test_s9_boilerplate_either_normalisation_names_the_same_pattern);
    tcase_add_test(tc, test_s10_boilerplate_bar_ending_on_an_abbreviation);
    tcase_add_test(tc, test_s10_boilerplate_line_joined_to_a_paragraph);
    tcase_add_test(tc, test_s10_boilerplate_prompt_after_a_question);
    tcase_add_test(tc, test_s12_boilerplate_calls_to_the_reader_and_trails);
    suite_add_tcase(s, tc);
    return s;
}
