/* Tests of the quotes pass: wrong-way marks, unclosed and unopened marks, apostrophes,
 * multi-paragraph quotations, brackets, and a language whose conventions are only data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pass/pass.h"
#include "seg/seg.h"
#include "tqc_test.h"

typedef struct hit {
    size_t count;       /* findings of the rule */
    size_t serious;     /* of them at warning or error */
    char span[128], message[256], fix[64];
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

static void collect(const tqc_findings *out, const tqc_doc *doc, const char *rule, size_t nth,
                    hit *h)
{
    memset(h, 0, sizeof *h);
    for (size_t i = 0; i < out->count; i++) {
        const tqc_finding *f = &out->items[i];
        if (strcmp(f->rule, rule) != 0 && !(f->also && strstr(f->also, rule)))
            continue;
        if (f->severity >= TQC_SEV_WARNING)
            h->serious++;
        if (h->count++ != nth)
            continue;
        copy_out(h->span, sizeof h->span, doc->text + f->span.start, tqc_span_len(f->span));
        copy_out(h->message, sizeof h->message, f->message, strlen(f->message));
        h->severity = f->severity;
        h->has_fix = f->has_fix;
        if (f->has_fix) {
            h->safe = f->fix.safe;
            copy_out(h->fix, sizeof h->fix, f->fix.replacement, strlen(f->fix.replacement));
        }
    }
}

/* The findings of `quotes` on text with language code's checker; details of the nth. */
static hit quotes_in_lang(const char *code, const char *text, size_t nth)
{
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), code);
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker_for(code), doc, &out), TQC_OK);
    hit h;
    collect(&out, doc, "quotes", nth, &h);
    tqc_findings_release(&out);
    tqc_doc_free(doc);
    return h;
}

/* The same with the English checker. */
static hit quotes_on(const char *text, size_t nth)
{
    return quotes_in_lang("en", text, nth);
}

static size_t serious(const char *text)
{
    return quotes_on(text, 0).serious;
}

START_TEST(test_issue_3_quotes_opening_mark_used_as_closing)
{
    hit h = quotes_on("The envoy said the ships “had left the harbour“, adding that no one "
                      "was hurt.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "“");
    ck_assert_int_eq(h.severity, TQC_SEV_ERROR);
    ck_assert_msg(strstr(h.message, "closes the “ opened at column 26"), "%s", h.message);
    ck_assert(h.has_fix && h.safe);
    ck_assert_str_eq(h.fix, "”");
    /* At the start of a paragraph too, and before a space. */
    h = quotes_on("“Our crews are ready to help the neighbours“, the spokesman told "
                  "reporters.\n\nShe said “it was late“ and left.", 1);
    ck_assert_uint_eq(h.count, 2);
    ck_assert_str_eq(h.span, "“");
    ck_assert_int_eq(h.severity, TQC_SEV_ERROR);
}
END_TEST

START_TEST(test_issue_3_quotes_closing_mark_used_as_opening)
{
    hit h = quotes_on("”We will win this,” the coach said after training.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_ERROR);
    ck_assert_str_eq(h.fix, "“");
}
END_TEST

START_TEST(test_issue_3_quotes_unclosed_and_unopened)
{
    hit h = quotes_on("The mayor promised to “review every contract before the vote, and "
                      "then left the hall.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "“");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    h = quotes_on("The agency said the river would crest by Friday,” but gave no figure.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "”");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    /* Straight quotes alternate. */
    ck_assert_uint_eq(serious("He called it \"a fair deal and then walked out of the room."), 1);
    ck_assert_uint_eq(serious("He called it \"a fair deal\" and \"the end of the matter\"."), 0);
}
END_TEST

START_TEST(test_issue_3_quotes_apostrophes_are_not_quotes)
{
    ck_assert_uint_eq(serious("Chile’s Workers’ Party, founded in the ’90s, played rock ’n’ "
                              "roll at the growers’ rally."), 0);
    ck_assert_uint_eq(serious("The farmers' union said 'em all were ready, y'know, since "
                              "'98."), 0);
    ck_assert_uint_eq(serious("“He told me, ‘The workers’ pay will rise,’ and left,” she "
                          "said."), 0);
    ck_assert_uint_eq(serious("The new centre is 6'2\" tall and the board 1/8\" thick."), 0);
    /* An opening single quote where an apostrophe belongs. */
    hit h = quotes_on("The band was famous in the ‘80s and after.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.fix, "’");
}
END_TEST

START_TEST(test_issue_3_quotes_multi_paragraph_quotation)
{
    /* Not even a hint. */
    ck_assert_uint_eq(quotes_on("“The first thing we saw was the water in the street.\n\n"
                                "“Then the roof went, and we ran to the school,” she said.\n",
                                0).count, 0);
    ck_assert_uint_eq(quotes_on("She said: \"We waited for two days.\n\n\"Nobody came.\"\n",
                                0).count, 0);
    /* Quoted sentences running to a paragraph's end, the next paragraph opening with a
     * word and closing nothing: the closing mark was dropped... */
    hit h = quotes_on("The minister said, \"We will stay until the end of the talks.\n\nThe "
                      "talks then ended.\n", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_uint_eq(h.serious, 1);
    /* ...at the document's end, or before a paragraph that opens otherwise, a hint. */
    h = quotes_on("The talks then ended.\n\nThe minister said, \"We will stay until the end "
                  "of the talks.\n", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_uint_eq(h.serious, 0);
    h = quotes_on("The minister said, \"We will stay until the end of the talks.\n\n— The "
                  "talks then ended.\n", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_uint_eq(h.serious, 0);
    /* ...and so is the end of one whose next paragraph forgot to reopen it. */
    h = quotes_on("“We waited for two days.\n\nNobody came,” she said.\n", 1);
    ck_assert_uint_eq(h.count, 2);
    ck_assert_uint_eq(h.serious, 0);
    ck_assert_str_eq(h.span, "”");
    /* ...but a quoted phrase cannot run on, even when the next paragraph opens a
     * quotation of its own. */
    ck_assert_uint_eq(serious("She called the plan \"a trap for buyers, and left.\n\nThe talks "
                              "then ended.\n"), 1);
    ck_assert_uint_eq(serious("He said there are \"deficiencies in the snow program.\n\n\"We "
                              "will see,\" she said.\n"), 1);
}
END_TEST

/* Quotes findings at warning or above on text in language code. */
static size_t serious_in(const char *code, const char *text)
{
    return quotes_in_lang(code, text, 0).serious;
}

START_TEST(test_issue_12_block_quotation_over_paragraphs)
{
    /* A mark ending its paragraph introduces a block quotation (a letter, a statute) that
     * runs over paragraphs with no mark and closes at the end of its last one; a quotation
     * nested in it with the same marks (typewriter copy) comes first there. Each
     * language's primary marks, and straight ones. A hint at most. */
    static const struct { const char *code, *text; } block[] = {
        {"en", "The letter ended as follows: “\n\nWe have waited for an answer since March.\n\n"
               "Nobody has written to us since then.”\n\nThe council met on Monday.\n"},
        {"en", "The report put it this way: \"\n\nThe depot was sold in 1958.\n\nIts "
               "\"reform\" never came, and the tracks were closed.\"\n\nThe council met.\n"},
        {"pt", "A carta terminava assim: “\n\nEsperamos uma resposta desde março.\n\n"
               "Ninguém nos escreveu desde então.”\n\nO conselho reuniu-se na segunda.\n"},
        {"es", "La carta terminaba así: «\n\nEsperamos una respuesta desde marzo.\n\n"
               "Nadie nos ha escrito desde entonces.»\n\nEl consejo se reunió el lunes.\n"},
        {"fr", "La lettre se terminait ainsi : «\n\nNous attendons une réponse depuis mars.\n\n"
               "Personne ne nous a écrit depuis. »\n\nLe conseil s’est réuni lundi.\n"},
        {"de", "Der Brief endete so: „\n\nWir warten seit März auf eine Antwort.\n\n"
               "Seitdem hat uns niemand geschrieben.“\n\nDer Rat tagte am Montag.\n"},
        {"it", "La lettera finiva così: «\n\nAspettiamo una risposta da marzo.\n\n"
               "Da allora nessuno ci ha scritto.»\n\nIl consiglio si è riunito lunedì.\n"},
    };
    for (size_t i = 0; i < sizeof block / sizeof block[0]; i++)
        ck_assert_msg(serious_in(block[i].code, block[i].text) == 0, "%s: %s", block[i].code,
                      block[i].text);
    /* The closing mark dropped: no later paragraph closes it, and one that opens a
     * quotation of its own first settles it. */
    ck_assert_uint_eq(serious_in("en", "The minister said, “We will stay until the end.\n\n"
                                 "The talks ended on Friday.\n\nThe envoys left.\n"), 1);
    ck_assert_uint_eq(serious_in("de", "Der Minister sagte: „Wir bleiben bis zum Ende.\n\n"
                                 "Die Gespräche endeten am Freitag.\n\nEr nannte sie „zäh“.\n"),
                      1);
    /* A paragraph with another pair's marks between ends the search too. */
    tqc_test_hit t;
    tqc_test_first_in("de", "Er sagte: „Wir bleiben bis zum Ende.\n\nSie nannte es »zäh«.\n\n"
                      "Das war eine “5“ für alle.\n", "quotes", &t);
    ck_assert_str_eq(t.span, "„");
    ck_assert_int_eq(t.severity, TQC_SEV_WARNING);
    /* The quotation a paragraph before left open is not what another pair's closing mark
     * ends while a quotation of this paragraph is open: that one's end, mistyped. */
    hit h = quotes_on("He said: “We will stay until the end.\n\nThe plan («a trap”) failed.\n",
                      2);
    ck_assert_str_eq(h.span, "”");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* A bracket opened at a paragraph's end and closed where the next one opens: one finding,
 * the paragraph break inside the brackets, not an unclosed and an unopened bracket. */
START_TEST(test_issue_12_paragraph_break_inside_brackets)
{
    static const struct { const char *code, *text; } split[] = {
        {"en", "The tax is due in April. (See chapter 9.\n\n) Other income follows.\n"},
        {"pt", "O imposto vence em abril. (Ver o capítulo 9.\n\n) Seguem outras rendas.\n"},
        {"es", "El impuesto vence en abril. (Véase el capítulo 9.\n\n) Siguen otras rentas.\n"},
        {"fr", "L’impôt est dû en avril. (Voir le chapitre 9.\n\n) D’autres revenus suivent.\n"},
        {"de", "Die Steuer ist im April fällig. (Siehe Kapitel 9.\n\n) Weitere Einkünfte "
               "folgen.\n"},
        {"it", "L’imposta scade ad aprile. (Vedi il capitolo 9.\n\n) Seguono altri redditi.\n"},
    };
    for (size_t i = 0; i < sizeof split / sizeof split[0]; i++) {
        tqc_test_hit t;
        tqc_test_first_in(split[i].code, split[i].text, "quotes", &t);
        ck_assert_msg(t.count == 1 && strstr(t.message, "paragraph break inside"), "%s: %s",
                      split[i].code, t.message);
        ck_assert_str_eq(t.span, "(");
    }
    /* The next paragraph opening otherwise: unclosed, and unopened where it closes. */
    tqc_test_hit t;
    tqc_test_first_in("en", "The tax is due in April. (See chapter 9.\n\nOther income ) "
                      "follows.\n", "quotes", &t);
    ck_assert_uint_eq(t.count, 2);
}
END_TEST

/* A quotation running over paragraphs opens each new one with its closing mark where the
 * language's convention has it (profile `quote-continuation`: Spanish comillas de seguir,
 * Italian, Portuguese, French guillemet de suite); elsewhere that mark is written the
 * wrong way, and nowhere does it continue a quotation the paragraph before closed. */
START_TEST(test_issue_12_closing_mark_continues_a_quotation)
{
    static const struct { const char *code, *text; size_t serious; } cases[] = {
        {"es", "El ministro dijo: «Esperamos una respuesta desde marzo.\n\n»Nadie nos ha "
               "escrito.\n\n»Tampoco llamaron», añadió.\n", 0},
        {"it", "Il ministro ha detto: «Aspettiamo una risposta da marzo.\n\n»Nessuno ci ha "
               "scritto da allora», ha aggiunto.\n", 0},
        {"pt", "O ministro disse: «Esperamos uma resposta desde março.\n\n»Ninguém nos "
               "escreveu desde então», acrescentou.\n", 0},
        {"fr", "Le ministre a dit : « Nous attendons une réponse depuis mars.\n\n» Personne ne "
               "nous a écrit depuis », a-t-il ajouté.\n", 0},
        {"en", "The minister said: “We have waited since March.\n\n”Nobody has written "
               "since,” he added.\n", 1},
        {"de", "Der Minister sagte: »Wir warten seit März auf eine Antwort.\n\n«Seitdem hat "
               "uns niemand geschrieben«, fügte er hinzu.\n", 1},
        {"es", "Dijo que la «reforma» era buena.\n\n»Nadie nos ha escrito», añadió.\n", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(serious_in(cases[i].code, cases[i].text) == cases[i].serious, "%s: %s",
                      cases[i].code, cases[i].text);
}
END_TEST

START_TEST(test_issue_12_unclosed_mark_gets_no_guess)
{
    /* The closing mark is known, its place is not (`(on the local disk)` or `(on the
     * local disk makes it faster)`): the mark is reported with no fix, in every
     * language, rather than with a wrong one. */
    hit h = quotes_on("The cache (on the local disk makes it faster, they said.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "(");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert(!h.has_fix);
    static const char *const unclosed[][2] = {
        {"pt", "O modo (conhecido como anonymous FTP torna tudo simples."},
        {"es", "El modo (conocido como FTP anónimo lo hace todo sencillo."},
        {"fr", "Le mode (connu sous le nom de FTP anonyme rend tout simple."},
        {"de", "Der Modus (bekannt als anonymes FTP macht alles einfach."},
        {"it", "La modalità (nota come FTP anonimo rende tutto semplice."},
        {"en", "He said “we will appeal and left the court."},
    };
    for (size_t i = 0; i < sizeof unclosed / sizeof unclosed[0]; i++) {
        tqc_test_hit t;
        tqc_test_first_in(unclosed[i][0], unclosed[i][1], "quotes", &t);
        ck_assert_msg(t.count == 1 && t.severity == TQC_SEV_WARNING && !t.has_fix, "%s: %s",
                      unclosed[i][0], unclosed[i][1]);
    }
    /* A mark written the wrong way has its partner, and the fix is its pairing mark. */
    h = quotes_on("The minister called it “a dead end“, and left.", 0);
    ck_assert_str_eq(h.fix, "”");
    ck_assert(h.has_fix && h.safe);
}
END_TEST

START_TEST(test_issue_3_quotes_brackets)
{
    hit h = quotes_on("The fund (set up in 2019 grew quickly last year.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "(");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(serious("The fund (set up in 2019 [by decree]) grew quickly."), 0);
    h = quotes_on("The fund (set up in 2019] grew quickly last year.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_ERROR);
    ck_assert_str_eq(h.fix, ")");
    ck_assert_uint_eq(serious("The fund grew quickly last year).") , 1);
    ck_assert_uint_eq(serious("Two options remain: 1) wait, or 2) leave now."), 0);
    ck_assert_uint_eq(serious("He waved :) and left."), 0);
}
END_TEST

START_TEST(test_issue_3_quotes_foreign_marks_balance)
{
    /* Another language's marks pair up; each quotation opened with one is reported as
     * that style (issue 12), and nothing is reported as unbalanced. */
    const char *mixed = "He said «yes», she said »no« and they said „maybe“.";
    ck_assert_uint_eq(serious(mixed), 3);
    for (size_t i = 0; i < 3; i++) {
        hit f = quotes_on(mixed, i);
        ck_assert_int_eq(f.severity, TQC_SEV_WARNING);
        ck_assert_ptr_nonnull(strstr(f.message, "another language's mark"));
    }
    hit h = quotes_on("He said «yes« and left.", 1);
    ck_assert_uint_eq(h.count, 2);
    ck_assert_str_eq(h.fix, "»");
}
END_TEST

/* The quotes finding of text in language code (first one) at any severity. */
#define QUOTES_IN(code, text, span_, sev_) do { \
        tqc_test_hit h_; tqc_test_first_in(code, text, "quotes", &h_); \
        ck_assert_uint_eq(h_.count, 1); ck_assert_str_eq(h_.span, span_); \
        ck_assert_int_eq(h_.severity, sev_); } while (0)
#define NO_QUOTES_IN(code, text) do { \
        tqc_test_hit h_; tqc_test_first_in(code, text, "quotes", &h_); \
        ck_assert_msg(h_.count == 0, "%s: %s", text, h_.message); } while (0)

START_TEST(test_issue_12_no_space_next_to_a_quote)
{
    hit h = quotes_on("“We will appeal,”said the lawyer.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "”");
    ck_assert_str_eq(h.fix, "” ");
    ck_assert(h.safe);
    h = quotes_on("The lawyer said“We will appeal.”", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.fix, " “");
    QUOTES_IN("de", "Er sagte„Wir gehen in Berufung.“", "„", TQC_SEV_ERROR);
    QUOTES_IN("fr", "Il a dit « Nous ferons appel »puis il est parti.", "»", TQC_SEV_ERROR);
    QUOTES_IN("es", "Dijo «Apelaremos»y se fue.", "»", TQC_SEV_ERROR);
    QUOTES_IN("it", "Ha detto «Faremo ricorso»e se ne è andato.", "»", TQC_SEV_ERROR);
    QUOTES_IN("pt", "Disse “Vamos recorrer”e saiu.", "”", TQC_SEV_ERROR);
    /* Apostrophes, hyphenated compounds and feet and inches glue legitimately. */
    ck_assert_uint_eq(quotes_on("He said ‘we can’t’ and the “yes”-campaign won.", 0).count, 0);
    ck_assert_uint_eq(quotes_on("He is 5'11\" tall and rock ’n’ roll is back.", 0).count, 0);
    NO_QUOTES_IN("de", "Er sagte: „Das geht’s nicht“, und ging.");
    NO_QUOTES_IN("it", "L’«Unità» ha scritto dell’Unione.");
}
END_TEST

START_TEST(test_issue_12_nested_quotes)
{
    /* A quotation inside a quotation takes the language's secondary marks. */
    hit h = quotes_on("“He told me “no” twice,” she said.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "“");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(quotes_on("“He told me ‘no’ twice,” she said.", 0).count, 0);
    QUOTES_IN("de", "„Er sagte „nein“ zweimal“, sagte sie.", "„", TQC_SEV_WARNING);
    NO_QUOTES_IN("de", "„Er sagte ‚nein‘ zweimal“, sagte sie.");
    QUOTES_IN("fr", "« Il a dit « non » deux fois », dit-elle.", "«", TQC_SEV_WARNING);
    NO_QUOTES_IN("fr", "« Il a dit “non” deux fois », dit-elle.");
    NO_QUOTES_IN("es", "«Dijo “no” dos veces», contó ella.");
    NO_QUOTES_IN("it", "«Ha detto “no” due volte», ha raccontato.");
    NO_QUOTES_IN("pt", "«Disse “não” duas vezes», contou ela.");
    /* A second opening mark that leaves too few closing marks after it is the closing
     * one turned the wrong way, spaces around it or not; another pair's closing mark
     * while a quotation is open is told with the open one's. */
    QUOTES_IN("fr", "Il lance des « démons « (ou processus) au démarrage.", "«", TQC_SEV_ERROR);
    QUOTES_IN("fr", "Une configuration « statique ” doit tout mentionner.", "”",
              TQC_SEV_WARNING);
    QUOTES_IN("es", "Lo llamó «histórico” en su discurso.", "”", TQC_SEV_WARNING);
    /* German marks in an English article; English marks opening a German quotation. */
    h = quotes_on("The paper wrote „We will win“ on Monday.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_ptr_nonnull(strstr(h.message, "another language's mark"));
    QUOTES_IN("de", "Die Zeitung schrieb “Wir siegen” am Montag.", "“", TQC_SEV_WARNING);
}
END_TEST

START_TEST(test_issue_12_smileys_labels_inches)
{
    ck_assert_uint_eq(serious("He waved ;-) and left :( and came back :-("), 0);
    ck_assert_uint_eq(serious("The options: i) wait, ii) leave, iv) stay, IX) go."), 0);
    ck_assert_uint_eq(serious("The plank is 6' long, the screen 12\" wide; he is 5'11\"."), 0);
    NO_QUOTES_IN("de", "Die Punkte: a) warten, iii) gehen :-)");
    NO_QUOTES_IN("fr", "Les options : i) attendre, ii) partir ;)");
}
END_TEST

/* The quote defects in every language: wrong direction, never closed, a stray closing
 * mark, a mismatched pair, the nested style, a space on the wrong side. */
START_TEST(test_issue_13_quote_defects_in_six_languages)
{
    /* Wrong direction: the opening mark closes its own quotation (safe fix). */
    QUOTES_IN("de", "Er nannte es „einen Erfolg„ und ging.", "„", TQC_SEV_ERROR);
    QUOTES_IN("es", "Lo llamó «un éxito« y se fue.", "«", TQC_SEV_ERROR);
    QUOTES_IN("fr", "Il l’a appelé « un succès « et il est parti.", "«", TQC_SEV_ERROR);
    QUOTES_IN("it", "Lo ha chiamato «un successo« e se ne è andato.", "«", TQC_SEV_ERROR);
    QUOTES_IN("pt", "Chamou-lhe “um sucesso“ e saiu.", "“", TQC_SEV_ERROR);
    /* A stray closing mark. */
    QUOTES_IN("de", "Er sagte, sie gingen in Berufung“ und ging dann.", "“", TQC_SEV_WARNING);
    QUOTES_IN("es", "Dijo que apelarían» y se fue.", "»", TQC_SEV_WARNING);
    QUOTES_IN("fr", "Il a dit qu’ils feraient appel » puis il est parti.", "»",
              TQC_SEV_WARNING);
    QUOTES_IN("it", "Ha detto che faranno ricorso» e se ne è andato.", "»", TQC_SEV_WARNING);
    QUOTES_IN("pt", "Disse que iam recorrer» e saiu.", "»", TQC_SEV_WARNING);
    /* Never closed. */
    QUOTES_IN("de", "Er nannte es „einen Erfolg und ging dann nach Hause.", "„",
              TQC_SEV_WARNING);
    QUOTES_IN("es", "Lo llamó «un éxito y se fue a su casa.", "«", TQC_SEV_WARNING);
    QUOTES_IN("it", "Lo ha chiamato «un successo e se ne è andato a casa.", "«",
              TQC_SEV_WARNING);
    QUOTES_IN("pt", "Chamou-lhe «um sucesso e foi para casa.", "«", TQC_SEV_WARNING);
    /* Mismatched pair style: another pair's closing mark. */
    QUOTES_IN("de", "Er nannte es „einen Erfolg» und ging.", "»", TQC_SEV_WARNING);
    QUOTES_IN("it", "Lo ha chiamato «un successo” e se ne è andato.", "”", TQC_SEV_WARNING);
    QUOTES_IN("pt", "Chamou-lhe «um sucesso” e saiu.", "”", TQC_SEV_WARNING);
    /* Nested style: a quotation inside one opened with the same marks. */
    QUOTES_IN("es", "«Dijo «no» dos veces», contó ella.", "«", TQC_SEV_WARNING);
    QUOTES_IN("it", "«Ha detto «no» due volte», ha raccontato.", "«", TQC_SEV_WARNING);
    QUOTES_IN("pt", "«Disse «não» duas vezes», contou ela.", "«", TQC_SEV_WARNING);
}
END_TEST

START_TEST(test_issue_13_space_on_the_wrong_side)
{
    /* The opening mark glued to the word before, its space after: the partner is known,
     * so moving the space is safe; the closing mark shows whether the pair is spaced. */
    hit h = quotes_on("He said“ we will appeal” and then left the room.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.fix, " “");
    ck_assert(h.safe);
    QUOTES_IN("de", "Er sagte„ wir gehen in Berufung“ und ging.", "„", TQC_SEV_ERROR);
    QUOTES_IN("es", "Dijo« apelaremos» y se fue.", "«", TQC_SEV_ERROR);
    QUOTES_IN("fr", "Il a dit« nous ferons appel » puis il est parti.", "«", TQC_SEV_ERROR);
    QUOTES_IN("it", "Ha detto« faremo ricorso» e se ne è andato.", "«", TQC_SEV_ERROR);
    QUOTES_IN("pt", "Disse“ vamos recorrer” e saiu.", "“", TQC_SEV_ERROR);
    /* The closing mark with its space before it and glued to the next word. */
    h = quotes_on("He said “we will appeal ”and then left the room.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.fix, "” ");
    ck_assert(h.safe);
    QUOTES_IN("de", "Er sagte „wir gehen in Berufung “und ging.", "“", TQC_SEV_ERROR);
    QUOTES_IN("it", "Ha detto «faremo ricorso »e se ne è andato.", "»", TQC_SEV_ERROR);
    /* French writes its guillemets spaced: an elided word before one is no glue. */
    NO_QUOTES_IN("fr", "Il a parlé d’« un plan » et de « la réforme » longuement.");
    NO_QUOTES_IN("fr", "Il a dit qu'« il viendra » demain.");
}
END_TEST

START_TEST(test_issue_13_unclosed_inside_another_pair)
{
    /* A bracket opened inside a quotation that closes: the bracket's end is missing
     * (somewhere before the closing quote: no fix). */
    hit h = quotes_on("He called it “a plan (for now” and left.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "(");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert(!h.has_fix);
    QUOTES_IN("de", "Er nannte es „einen Plan (vorerst“ und ging.", "(", TQC_SEV_WARNING);
    QUOTES_IN("es", "Lo llamó «un plan (por ahora» y se fue.", "(", TQC_SEV_WARNING);
    QUOTES_IN("fr", "Il l’a appelé « un plan (pour l’instant » et il est parti.", "(",
              TQC_SEV_WARNING);
    QUOTES_IN("it", "Lo ha chiamato «un piano (per ora» e se ne è andato.", "(",
              TQC_SEV_WARNING);
    QUOTES_IN("pt", "Chamou-lhe «um plano (por agora» e saiu.", "(", TQC_SEV_WARNING);
    /* A quotation opened inside a bracket that closes. */
    h = quotes_on("The law (known as “the reform) passed.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "“");
    ck_assert(!h.has_fix);
    QUOTES_IN("de", "Das Gesetz (genannt „die Reform) wurde beschlossen.", "„",
              TQC_SEV_WARNING);
    QUOTES_IN("es", "La ley (llamada «la reforma) fue aprobada.", "«", TQC_SEV_WARNING);
    QUOTES_IN("fr", "La loi (dite « la réforme) a été votée.", "«", TQC_SEV_WARNING);
    QUOTES_IN("it", "La legge (detta «la riforma) è stata approvata.", "«", TQC_SEV_WARNING);
    QUOTES_IN("pt", "A lei (chamada «a reforma) foi aprovada.", "«", TQC_SEV_WARNING);
    /* Marks crossed, the bracket closing right after the quote: both closed. */
    ck_assert_uint_eq(serious("He read the list (“names follow.”) and sat down."), 0);
    ck_assert_uint_eq(serious("He read the list (\"names follow.\") and sat down."), 0);
    /* A quotation opening with the mark of one still open, too few closing marks after
     * for both: the first one's end is missing. */
    h = quotes_on("He spoke of “a plan and of “the reform” at length.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "“");
    ck_assert_msg(strstr(h.message, "column 28"), "%s", h.message);
    ck_assert(!h.has_fix);
    QUOTES_IN("de", "Er sprach von „einem Plan und von „der Reform“ lange.", "„",
              TQC_SEV_WARNING);
    QUOTES_IN("es", "Habló de «un plan y de «la reforma» largamente.", "«", TQC_SEV_WARNING);
    QUOTES_IN("it", "Ha parlato di «un piano e di «la riforma» a lungo.", "«", TQC_SEV_WARNING);
    QUOTES_IN("pt", "Falou de «um plano e de «a reforma» longamente.", "«", TQC_SEV_WARNING);
    /* Straight quotes: a quoted sentence opening inside an open one is the first one's
     * missing end; a phrase quoted inside, balanced, is a nested quotation. */
    h = quotes_on("\"We won the match, he said. \"Now we rest.\"", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(serious("\"He called it the \"cold war\" then,\" she said."), 0);
    ck_assert_uint_eq(serious("\"They said, \"we will come,\" and came,\" she said."), 0);
}
END_TEST

START_TEST(test_issue_13_quiet_on_elisions_smileys_labels)
{
    NO_QUOTES_IN("es", "Las opciones: i) esperar, ii) salir :) y O’Donnell dijo «sí».");
    NO_QUOTES_IN("it", "Le opzioni: a) aspettare, iv) partire ;-) e l’anno dell’Unione.");
    NO_QUOTES_IN("pt", "As opções: 1) esperar, 2) sair :( e a d’água de Sant’Ana.");
    NO_QUOTES_IN("fr", "L’homme d’aujourd’hui a dit « oui » : c’est l’État.");
    NO_QUOTES_IN("de", "Er ist 1,80 m groß, geht’s? Grass’ Roman kam in den ’90ern.");
    ck_assert_uint_eq(serious("He is 5'11\" tall, plays rock 'n' roll from the '90s :-)"), 0);
}
END_TEST

/* Writes the rule file rules/<code>/<name> under dir. */
static void write_rule(const char *dir, const char *code, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/rules", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/rules/%s", dir, code);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/rules/%s/%s", dir, code, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

static void remove_rules(const char *dir, const char *code, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/rules/%s/%s", dir, code, name);
    unlink(path);
    snprintf(path, sizeof path, "%s/rules/%s", dir, code);
    rmdir(path);
    snprintf(path, sizeof path, "%s/rules", dir);
    rmdir(path);
    rmdir(dir);
}

/* Runs the quotes pass alone on text under a language made of the rule file given. */
static hit quotes_in(const char *rules, const char *text, size_t nth)
{
    char dir[] = "/tmp/tqc-quotes-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    write_rule(dir, "xx", "quotes", rules);
    tqc_lang *lang;
    char err[256];
    ck_assert_int_eq(tqc_lang_load(dir, "xx", &lang, err, sizeof err), TQC_OK);
    const tqc_pass *pass = tqc_pass_find("quotes");
    ck_assert_ptr_nonnull(pass);
    void *state = NULL;
    ck_assert_int_eq(pass->init(lang, &state, err, sizeof err), TQC_OK);
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), "xx");
    ck_assert_int_eq(tqc_segment(doc, lang), TQC_OK);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    tqc_ctx ctx = {.doc = doc, .lang = lang, .state = state, .pass = pass, .out = &out};
    pass->run(&ctx);
    tqc_findings_finish(&out);
    hit h;
    collect(&out, doc, "quotes", nth, &h);
    tqc_findings_release(&out);
    tqc_doc_free(doc);
    pass->fini(state);
    tqc_lang_free(lang);
    remove_rules(dir, "xx", "quotes");
    return h;
}

START_TEST(test_issue_3_quotes_conventions_are_data)
{
    const char *german = "primary „ “\nsecondary ‚ ‘\nbracket ( )\napostrophe ’ '\n";
    ck_assert_uint_eq(quotes_in(german, "Er sagte: „Wir bleiben hier.“ Dann ging er.", 0).count,
                      0);
    hit h = quotes_in(german, "Er sagte: „Wir bleiben hier„, und dann ging er.", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_ERROR);
    ck_assert_str_eq(h.fix, "“");
    /* “ closes in German: the English reading would call this a wrong-way mark. */
    ck_assert_uint_eq(quotes_in(german, "„Ja“, sagte er.", 0).count, 0);
    /* A broken rule file is refused with its line. */
    char dir[] = "/tmp/tqc-quotes-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    write_rule(dir, "xx", "quotes", "primary „\n");
    tqc_lang *lang;
    char err[256] = "";
    /* The loader types the list once, so the profile itself is refused. */
    ck_assert_int_eq(tqc_lang_load(dir, "xx", &lang, err, sizeof err), TQC_EINPUT);
    ck_assert_msg(strstr(err, "quotes:1"), "%s", err);
    remove_rules(dir, "xx", "quotes");
}
END_TEST

/* The loader types the list once; passes and the segmenter ask it. */
START_TEST(test_issue_13_quote_roles_typed_once)
{
    char dir[] = "/tmp/tqc-quotes-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    write_rule(dir, "xx", "quotes", "primary „ “\nsecondary ‚ ‘\nforeign “ ”\nbracket ( )\n"
                                    "inverted ¿ ?\napostrophe ’ '\n");
    tqc_lang *lang;
    char err[256] = "";
    ck_assert_int_eq(tqc_lang_load(dir, "xx", &lang, err, sizeof err), TQC_OK);
    const tqc_quotes *q = tqc_lang_quotes(lang);
    ck_assert_uint_eq(q->count, 5);
    ck_assert_int_eq(q->pairs[0].role, TQC_QUOTE_PRIMARY);
    ck_assert_int_eq(q->pairs[0].open, 0x201E);
    ck_assert_int_eq(q->pairs[4].role, TQC_QUOTE_INVERTED);
    /* “ closes the primary pair and opens the foreign one. */
    ck_assert_uint_eq(tqc_quotes_mark(q, 0x201C, TQC_QUOTE_ROLES_QUOTES),
                      TQC_MARK_OPENS | TQC_MARK_CLOSES);
    ck_assert_uint_eq(tqc_quotes_mark(q, 0x201C, TQC_QUOTE_ROLE(TQC_QUOTE_PRIMARY)),
                      TQC_MARK_CLOSES);
    ck_assert_uint_eq(tqc_quotes_mark(q, '(', TQC_QUOTE_ROLES_QUOTES), 0);
    ck_assert_uint_eq(tqc_quotes_mark(q, '(', TQC_QUOTE_ROLE(TQC_QUOTE_BRACKET)), TQC_MARK_OPENS);
    ck_assert_uint_eq(tqc_quotes_mark(q, 0x2019, 0), TQC_MARK_APOSTROPHE);
    ck_assert_uint_eq(tqc_quotes_mark(NULL, '"', TQC_QUOTE_ROLES_QUOTES), 0);
    tqc_lang_free(lang);
    remove_rules(dir, "xx", "quotes");
    /* A pair of three marks is a broken line, refused with its number. */
    char dir2[] = "/tmp/tqc-quotes-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir2));
    write_rule(dir2, "xx", "quotes", "primary « »\nbracket ( ) ]\n");
    ck_assert_int_eq(tqc_lang_load(dir2, "xx", &lang, err, sizeof err), TQC_EINPUT);
    ck_assert_msg(strstr(err, "quotes:2"), "%s", err);
    remove_rules(dir2, "xx", "quotes");
}
END_TEST

/* issue 12: a quotation left open with its attribution inside it (`"Same thing, he
 * said.`) lost its closing mark before the attribution, even where the next paragraph
 * opens with the same mark (which would otherwise read as a quotation running on); the
 * verbs of saying are the profile's `speech-verbs`. No fix: the side of the comma is the
 * language's style. */
START_TEST(test_issue_12_quote_open_before_attribution)
{
    static const char *const open[][2] = {
        {"en", "\"We will not give in, the minister said.\n\n\"Next, the talks.\"\n"},
        {"pt", "«Não vamos ceder, disse o ministro.\n\nO texto segue.\n"},
        {"es", "«No vamos a ceder, dijo el ministro.\n\nEl texto sigue.\n"},
        {"fr", "« Nous ne céderons pas, a-t-il dit.\n\nLe texte suit.\n"},
        {"fr", "« Nous ne céderons pas, explique-t-il.\n\nLe texte suit.\n"},
        {"de", "„Wir werden nicht nachgeben, sagte der Minister.\n\nDer Text folgt.\n"},
        {"it", "«Non cederemo, ha detto il ministro.\n\nIl testo segue.\n"},
    };
    for (size_t i = 0; i < sizeof open / sizeof open[0]; i++) {
        tqc_test_hit t;
        tqc_test_first_in(open[i][0], open[i][1], "quotes", &t);
        ck_assert_msg(t.count == 1 && t.severity == TQC_SEV_WARNING && !t.has_fix &&
                          strstr(t.message, "attribution"),
                      "%s: %s", open[i][0], open[i][1]);
    }
    /* Closed before the attribution; a clause of the quotation after a comma (its verb
     * takes an object, or a conjunction or preposition opens it); a quotation running on
     * into the next paragraph. */
    static const char *const fine[][2] = {
        {"en", "\"We will not give in,\" the minister said.\n"},
        {"pt", "«Não vamos ceder», disse o ministro.\n"},
        {"de", "„Wir werden nicht nachgeben“, sagte der Minister.\n"},
        {"en", "He said: \"The staff, as well as residents, told us they saw it.\n\n\"Then "
               "they left.\"\n"},
        {"en", "He read: \"A bridge from the land, and from said island to the town, would "
               "help.\n\n\"It was built.\"\n"},
    };
    for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
        tqc_test_hit t;
        tqc_test_first_in(fine[i][0], fine[i][1], "quotes", &t);
        ck_assert_msg(t.count == 0 || t.severity == TQC_SEV_INFO, "%s: %s (%s)", fine[i][0],
                      fine[i][1], t.message);
    }
}
END_TEST

/* issue 12: an opening mark right before a comma, a colon, a closing bracket or a full
 * stop opens nothing: with a quotation of its pair open it is that one's end turned the
 * wrong way, even where more marks of the pair follow in the paragraph (which would
 * otherwise read it as a nested quotation); the fix is the partner's closing mark. */
START_TEST(test_issue_12_wrong_way_close_before_comma)
{
    static const char *const cases[][3] = {
        {"fr", "Le PC (ou « i386 «, y compris son cousin « amd64 ») est limité. Il « marche » bien.", "»"},
        {"es", "El PC (o «i386«, incluido su primo «amd64») es limitado. Va «bien».", "»"},
        {"it", "Il PC (o «i386«, compreso il cugino «amd64») è limitato. Va «bene».", "»"},
        {"pt", "O PC (ou «i386«, incluindo o primo «amd64») é limitado. Vai «bem».", "»"},
        {"de", "Der PC (oder „i386„, samt seinem Vetter „amd64“) ist begrenzt. Er läuft „gut“.", "“"},
        {"en", "The PC (or “i386“, with its cousin “amd64”) is limited. It runs “well”.", "”"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tqc_test_hit t;
        tqc_test_first_in(cases[i][0], cases[i][1], "quotes", &t);
        ck_assert_msg(t.count == 1 && t.severity == TQC_SEV_ERROR && t.has_fix && t.safe &&
                          strcmp(t.first, cases[i][2]) == 0,
                      "%s: %zu findings, '%s' in: %s", cases[i][0], t.count, t.first, cases[i][1]);
    }
    /* An ellipsis may open a quotation; a mark before a comma with none open is another
     * finding's. */
    NO_QUOTES_IN("fr", "Il a dit « … et puis non », avant de partir.");
    NO_QUOTES_IN("en", "He said “...and then no,” before he left.");
}
END_TEST

/* Issue 17, real pages: a quotation mark alone in brackets is the mark named, not a
 * quotation left open; one opening a quotation is still reported. */
START_TEST(test_issue_17_quotes_mark_named_in_brackets)
{
    SILENT("en", "Strings go inside double quotes (\") in every header.", "quotes");
    FINDS("en", "Strings go inside double \"quotes in every header.", "quotes", "\"");
}
END_TEST

/* The shapes of typeset copy in each language: a straight mark among typeset ones, another
 * language's pair, a closing mark turned, doubled or glued; and their correct forms. */
START_TEST(test_issue_12_typeset_quote_shapes_in_six_languages)
{
    /* A straight mark opening what a typeset mark closes: the straight one is named. */
    QUOTES_IN("en", "He called it \"a plain test” of the rules and left.", "\"", TQC_SEV_WARNING);
    QUOTES_IN("pt", "Chamou-lhe \"um teste” das regras e saiu.", "\"", TQC_SEV_WARNING);
    QUOTES_IN("es", "Lo llamó \"una prueba» de las reglas y se fue.", "\"", TQC_SEV_WARNING);
    QUOTES_IN("fr", "Il l’a appelé \"un essai » des règles et il est parti.", "\"",
              TQC_SEV_WARNING);
    QUOTES_IN("de", "Er nannte es \"einen Test“ der Regeln und ging.", "\"", TQC_SEV_WARNING);
    QUOTES_IN("it", "Lo ha chiamato \"una prova» delle regole e se ne è andato.", "\"",
              TQC_SEV_WARNING);
    /* The straight mark closing a typeset opening one: the closing mark is named. */
    QUOTES_IN("es", "Lo llamó «una prueba\" de las reglas y se fue.", "\"", TQC_SEV_WARNING);
    QUOTES_IN("de", "Er nannte es „einen Test\" der Regeln und ging.", "\"", TQC_SEV_WARNING);
    /* Another language's pair: German marks in Romance text, English ones in German. */
    QUOTES_IN("pt", "Chamou-lhe „um teste“ das regras e saiu.", "„", TQC_SEV_WARNING);
    QUOTES_IN("es", "Lo llamó „una prueba“ de las reglas y se fue.", "„", TQC_SEV_WARNING);
    QUOTES_IN("fr", "Il l’a appelé „un essai“ des règles et il est parti.", "„",
              TQC_SEV_WARNING);
    QUOTES_IN("it", "Lo ha chiamato „una prova“ delle regole e se ne è andato.", "„",
              TQC_SEV_WARNING);
    QUOTES_IN("de", "Er nannte es “einen Test” der Regeln und ging.", "“", TQC_SEV_WARNING);
    QUOTES_IN("en", "He called it «a plain test» of the rules and left.", "«", TQC_SEV_WARNING);
    /* The opening mark written as the closing one. */
    QUOTES_IN("it", "Lo ha chiamato »una prova» delle regole e se ne è andato.", "»",
              TQC_SEV_ERROR);
    /* Closed twice: the closing mark again after the attribution. */
    QUOTES_IN("pt", "«Vamos recorrer», disse o advogado.» E saiu.", "»", TQC_SEV_WARNING);
    QUOTES_IN("de", "„Wir gehen in Berufung“, sagte der Anwalt.“ Dann ging er.", "“",
              TQC_SEV_WARNING);
    /* Glued to the word after the closing mark, or before the opening one. */
    QUOTES_IN("es", "«Vamos a apelar»dijo el abogado.", "»", TQC_SEV_ERROR);
    QUOTES_IN("fr", "Il a dit« nous ferons appel » devant le juge.", "«", TQC_SEV_ERROR);
    /* Correct: each language's own pairs, nested the language's way. */
    NO_QUOTES_IN("en", "He called it “a ‘plain’ test” of the rules and left.");
    NO_QUOTES_IN("pt", "Chamou-lhe «um “simples” teste» das regras e saiu.");
    NO_QUOTES_IN("es", "Lo llamó «una “simple” prueba» de las reglas y se fue.");
    NO_QUOTES_IN("fr", "Il l’a appelé « un “simple” essai » des règles et il est parti.");
    NO_QUOTES_IN("de", "Er nannte es „einen ‚einfachen‘ Test“ der Regeln und ging.");
    NO_QUOTES_IN("it", "Lo ha chiamato «una “semplice” prova» delle regole e se ne è andato.");
    /* Straight quotes alone are one style, not a mix. */
    NO_QUOTES_IN("de", "Er nannte es \"einen Test\" der Regeln und ging.");
    NO_QUOTES_IN("it", "Lo ha chiamato \"una prova\" delle regole e se ne è andato.");
}
END_TEST

/* The attribution inside an unclosed quotation past a title's full stop or followed by a
 * phrase; a passage of speech opened inside a sentence that runs on into the next
 * paragraph is a hint, a quoted term that does is a warning. */
START_TEST(test_issue_12_attribution_and_run_on_passages)
{
    hit h = quotes_on("\"We will appeal the ruling at once, Mrs. Marr said.", 0);
    ck_assert_uint_eq(h.serious, 1);
    ck_assert_ptr_nonnull(strstr(h.message, "attribution"));
    h = quotes_on("\"We will appeal the ruling at once, the lawyer said in a statement.", 0);
    ck_assert_uint_eq(h.serious, 1);
    ck_assert_ptr_nonnull(strstr(h.message, "attribution"));
    /* `said` with its object is a clause of the quotation, not its attribution. */
    h = quotes_on("\"We will appeal the ruling, she told us the court was wrong.", 0);
    ck_assert_ptr_null(strstr(h.message, "attribution"));
    h = quotes_on("He remarked that \"the best music in the world is played in the small towns "
                  "of the valley.\n\n\"This is a great asset,\" he said.\n", 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_uint_eq(h.serious, 0);
    ck_assert_uint_eq(serious("He said there are \"deficiencies in the snow program.\n\n\"We "
                              "will see,\" she said.\n"), 1);
}
END_TEST

/* Issue 12, mixed styles: a quotation alone in its style while the article's others
 * share one (its paragraph decides first, then the quotations around it), in each
 * language; one style throughout, the language's nesting, or two styles each used often
 * stay quiet. An unclosed quotation before a paragraph opening with a word is a
 * warning in every language. */
START_TEST(test_issue_12_mixed_styles_in_six_languages)
{
    QUOTES_IN("en", "“We will appeal,” the lawyer said. “The ruling is wrong,” she added.\n\n"
              "“We expected it,” the minister said. He called the plan \"a failure from the "
              "very start\" and left.", "\"", TQC_SEV_WARNING);
    /* A quoted term in another style, the same. */
    QUOTES_IN("en", "“We will appeal,” the lawyer said. “The ruling is wrong,” she added.\n\n"
              "“We expected it,” the minister said. He called the plan \"a failure\" "
              "and left.", "\"", TQC_SEV_WARNING);
    QUOTES_IN("pt", "«Vamos recorrer», disse o advogado. «A decisão está errada», acrescentou."
              "\n\n«Esperávamos isso», disse o ministro. Chamou ao plano “um fracasso desde o "
              "primeiro dia” e saiu.",
              "“", TQC_SEV_WARNING);
    QUOTES_IN("es", "«Vamos a apelar», dijo el abogado. «La decisión es errónea», añadió.\n\n"
              "«Lo esperábamos», dijo el ministro. Llamó al plan \"un fracaso desde el "
              "primer día\" y se fue.",
              "\"", TQC_SEV_WARNING);
    QUOTES_IN("fr", "« Nous ferons appel », a dit l’avocat. « La décision est injuste », a-t-"
              "elle ajouté.\n\n« Nous nous y attendions », a dit le ministre. Il a qualifié "
              "le plan de “fiasco complet dès le premier jour” et il est parti.", "“",
              TQC_SEV_WARNING);
    QUOTES_IN("de", "„Wir gehen in Berufung“, sagte der Anwalt. „Das Urteil ist falsch“, "
              "fügte sie hinzu.\n\n„Wir haben damit gerechnet“, sagte der Minister. Er "
              "nannte den Plan »einen Fehlschlag vom ersten Tag an« und ging.", "»",
              TQC_SEV_WARNING);
    QUOTES_IN("it", "«Faremo ricorso», ha detto l’avvocato. «La sentenza è sbagliata», ha "
              "aggiunto.\n\n«Ce lo aspettavamo», ha detto il ministro. Ha definito il piano "
              "\"un fallimento fin dal primo giorno\" e se ne è andato.", "\"", TQC_SEV_WARNING);
    /* Three in one paragraph: the third alone in its style. */
    QUOTES_IN("de", "Er sagte „ja“, sie sagte „nein“ und er rief \"vielleicht\" dazwischen.",
              "\"", TQC_SEV_WARNING);
    NO_QUOTES_IN("fr", "« Nous ferons appel », a dit l’avocat. « La décision est injuste », "
                 "a-t-elle ajouté.\n\n« Nous nous y attendions », a dit le ministre. Il a "
                 "qualifié le plan de « fiasco » et il est parti.");
    NO_QUOTES_IN("es", "«Vamos a apelar», dijo el abogado. «La decisión, dijo, es “injusta” y "
                 "errónea», añadió.\n\n«Lo esperábamos», dijo el ministro.");
    /* One of each: the language's primary style is the article's... */
    QUOTES_IN("it", "Ha detto «sì» ieri.\n\nHa detto \"no\" oggi.", "\"", TQC_SEV_WARNING);
    /* ...and with neither primary, nothing is said. */
    NO_QUOTES_IN("de", "Er sagte »ja« gestern.\n\nSie sagte \"nein\" heute.");
    /* Two styles used alike often (terms in one, speech in the other). */
    NO_QUOTES_IN("pt", "Chamou-lhe “teste” e depois \"ensaio\".\n\nDisse “sim” e depois "
                 "\"não\".\n\nEscreveu “fim” e depois \"início\".");
    /* Unclosed before a paragraph that opens with a word. */
    QUOTES_IN("fr", "Le ministre a déclaré : « Nous resterons jusqu’à la fin des "
              "négociations.\n\nLes négociations ont ensuite pris fin.", "«", TQC_SEV_WARNING);
    QUOTES_IN("de", "Der Minister sagte: „Wir bleiben bis zum Ende der Gespräche.\n\nDie "
              "Gespräche endeten dann.", "„", TQC_SEV_WARNING);
    NO_QUOTES_IN("de", "Der Minister sagte: „Wir bleiben bis zum Ende der Gespräche.\n\n„Dann "
                 "sehen wir weiter“, fügte er hinzu.");
}
END_TEST

/* Issue 12, quote style: where the language opens every quotation with its primary marks
 * (French `« »`), one opened outside any other with its secondary marks (`“ ”`, English's
 * primary) is in another language's style, each one a warning with the primary mark as
 * the fix, even when the article writes all its quotations so; inside a quotation they
 * are right. Languages whose press also opens quotations with them stay quiet. */
START_TEST(test_issue_12_outer_quotes_in_another_style)
{
    const char *lone = "Le préfet a prévenu : “Les digues ne tiendront pas une semaine de "
                       "plus”, devant les élus.";
    hit h = quotes_in_lang("fr", lone, 0);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "“");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_ptr_nonnull(strstr(h.message, "« »"));
    tqc_test_hit t;
    tqc_test_first_in("fr", lone, "quotes", &t);
    ck_assert_str_eq(t.first, "«");
    /* An article in that style throughout: each quotation. */
    h = quotes_in_lang("fr", "“Nous partirons”, a dit le guide. “Pas avant l’aube”, a-t-il "
                       "ajouté.\n\n“Le col est fermé”, a confirmé la mairie.", 0);
    ck_assert_uint_eq(h.count, 3);
    ck_assert_uint_eq(h.serious, 3);
    /* Inside guillemets, and typewriter marks, which are no language's style. */
    NO_QUOTES_IN("fr", "Le préfet a prévenu : « Les “digues provisoires” ne tiendront pas », "
                 "devant les élus.");
    NO_QUOTES_IN("fr", "Le préfet a parlé de \"digues provisoires\" devant les élus.");
    /* The press of these languages opens quotations with “ ” too (Brazil, Latin America,
     * Italy), and British English with ‘ ’. */
    NO_QUOTES_IN("pt", "O prefeito avisou: “Os diques não aguentam mais uma semana”, diante "
                 "dos vereadores.");
    NO_QUOTES_IN("es", "El alcalde advirtió: “Los diques no aguantan otra semana”, ante los "
                 "concejales.");
    NO_QUOTES_IN("it", "Il sindaco ha avvertito: “Gli argini non reggono un’altra settimana”, "
                 "davanti ai consiglieri.");
    NO_QUOTES_IN("en", "The mayor warned: ‘The levees will not hold another week’, before "
                 "the council.");
    /* German's “ ” are another language's marks, told as such. */
    QUOTES_IN("de", "Der Bürgermeister warnte: “Die Deiche halten keine Woche mehr”, vor dem "
              "Rat.", "“", TQC_SEV_WARNING);
}
END_TEST

/* Issue 12, mixed styles: a quotation its marks disagree on (`"réforme»`, reported on its
 * own) shows no second style, so a lone quotation in another style beside it is still
 * alone in its style among the article's (a warning), in each language. */
START_TEST(test_issue_12_mixed_marks_are_no_style)
{
    static const struct {
        const char *code, *text, *span;
    } cases[] = {
        {"fr", "« Nous ferons appel », a dit l’avocat. « La décision est injuste », a-t-elle "
               "ajouté.\n\nIl a qualifié le plan de \"fiasco\" et il est parti.\n\n« Nous "
               "nous y attendions », a dit le ministre. Il a parlé de \"réforme » hier.", "\""},
        {"es", "«Vamos a apelar», dijo el abogado. «La decisión es errónea», añadió.\n\nLlamó "
               "al plan \"fracaso\" y se fue.\n\n«Lo esperábamos», dijo el ministro. Habló de "
               "\"reforma» ayer.", "\""},
        {"pt", "«Vamos recorrer», disse o advogado. «A decisão está errada», acrescentou.\n\n"
               "Chamou ao plano \"fracasso\" e saiu.\n\n«Esperávamos isso», disse o ministro. "
               "Falou de \"reforma» ontem.", "\""},
        {"it", "«Faremo ricorso», ha detto l’avvocato. «La sentenza è sbagliata», ha "
               "aggiunto.\n\nHa definito il piano \"fallimento\" e se ne è andato.\n\n«Ce lo "
               "aspettavamo», ha detto il ministro. Ha parlato di \"riforma» ieri.", "\""},
        {"de", "„Wir gehen in Berufung“, sagte der Anwalt. „Das Urteil ist falsch“, fügte sie "
               "hinzu.\n\nEr nannte den Plan »Fehlschlag« und ging.\n\n„Wir haben damit "
               "gerechnet“, sagte der Minister. Er sprach von »Reform“ gestern.", "»"},
        {"en", "“We will appeal,” the lawyer said. “The ruling is wrong,” she added.\n\nHe "
               "called the plan \"a failure\" and left.\n\n“We expected it,” the minister "
               "said. He spoke of \"reform” yesterday.", "\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tqc_test_hit h;
        tqc_test_first_in(cases[i].code, cases[i].text, "quotes", &h);
        ck_assert_msg(h.count >= 1 && !strcmp(h.span, cases[i].span) &&
                          h.severity == TQC_SEV_WARNING && strstr(h.message, "around it open"),
                      "%s: %s (%s)", cases[i].code, h.message, h.span);
    }
}
END_TEST

Suite *pass_quotes_suite(void)
{
    Suite *s = suite_create("pass_quotes");
    TCase *tc = tcase_create("quotes");
    tcase_add_test(tc, test_issue_3_quotes_opening_mark_used_as_closing);
    tcase_add_test(tc, test_issue_3_quotes_closing_mark_used_as_opening);
    tcase_add_test(tc, test_issue_3_quotes_unclosed_and_unopened);
    tcase_add_test(tc, test_issue_3_quotes_apostrophes_are_not_quotes);
    tcase_add_test(tc, test_issue_3_quotes_multi_paragraph_quotation);
    tcase_add_test(tc, test_issue_12_block_quotation_over_paragraphs);
    tcase_add_test(tc, test_issue_12_paragraph_break_inside_brackets);
    tcase_add_test(tc, test_issue_12_closing_mark_continues_a_quotation);
    tcase_add_test(tc, test_issue_3_quotes_brackets);
    tcase_add_test(tc, test_issue_3_quotes_foreign_marks_balance);
    tcase_add_test(tc, test_issue_12_no_space_next_to_a_quote);
    tcase_add_test(tc, test_issue_12_nested_quotes);
    tcase_add_test(tc, test_issue_12_smileys_labels_inches);
    tcase_add_test(tc, test_issue_12_unclosed_mark_gets_no_guess);
    tcase_add_test(tc, test_issue_12_quote_open_before_attribution);
    tcase_add_test(tc, test_issue_12_wrong_way_close_before_comma);
    tcase_add_test(tc, test_issue_3_quotes_conventions_are_data);
    tcase_add_test(tc, test_issue_13_quote_defects_in_six_languages);
    tcase_add_test(tc, test_issue_13_space_on_the_wrong_side);
    tcase_add_test(tc, test_issue_13_unclosed_inside_another_pair);
    tcase_add_test(tc, test_issue_13_quiet_on_elisions_smileys_labels);
    tcase_add_test(tc, test_issue_13_quote_roles_typed_once);
    tcase_add_test(tc, test_issue_17_quotes_mark_named_in_brackets);
    tcase_add_test(tc, test_issue_12_typeset_quote_shapes_in_six_languages);
    tcase_add_test(tc, test_issue_12_attribution_and_run_on_passages);
    tcase_add_test(tc, test_issue_12_mixed_styles_in_six_languages);
    tcase_add_test(tc, test_issue_12_mixed_marks_are_no_style);
    tcase_add_test(tc, test_issue_12_outer_quotes_in_another_style);
    suite_add_tcase(s, tc);
    return s;
}
