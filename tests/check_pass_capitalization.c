/* Tests of the capitalization pass: a common word capitalised mid-sentence, a lower-case
 * start after a full stop, and multi-word proper names written in lower case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pass/pass.h"
#include "core/text.h"
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
 * 4.2 s); the verdict is now computed once a paragraph. */
START_TEST(test_issue_18_title_case_paragraph_is_linear)
{
    /* Timed as a ratio against a peer in the same run (the machine may be busy): a
     * paragraph ten times as long takes about ten times as long, not a hundred. */
    const char *piece = "The plan ";
    size_t plen = strlen(piece);
    double took[2];
    for (int round = 0; round < 2; round++) {
        size_t reps = round ? 40000 : 4000;
        char *text = tqc_test_repeat(piece, reps);
        text[plen * reps - 1] = '.';   /* the last space: the paragraph ends as a sentence */
        struct timespec t0, t1;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
        (void)hits(text, NULL, 0);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
        took[round] = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
        free(text);
    }
    ck_assert_msg(took[1] < 25 * took[0] + 0.05, "40,000 took %.3f s of CPU, 4,000 %.3f s",
                  took[1], took[0]);
}
END_TEST

/* The first capitalization finding of text in language code (any severity). */
static tqc_test_hit cap_in(const char *code, const char *text)
{
    tqc_test_hit h;
    tqc_test_first_in(code, text, RULE, &h);
    return h;
}

#define CAP_FINDS(code, text_, span_, sev_) do { \
        tqc_test_hit h_ = cap_in(code, text_); \
        ck_assert_msg(h_.count == 1, "%zu findings in: %s", h_.count, text_); \
        ck_assert_str_eq(h_.span, span_); \
        ck_assert_int_eq(h_.severity, sev_); \
        ck_assert(!h_.safe); } while (0)
#define CAP_SILENT(code, text_) do { \
        tqc_test_hit h_ = cap_in(code, text_); \
        ck_assert_msg(h_.count == 0, "'%s' (%s) in: %s", h_.span, h_.message, text_); } while (0)

/* issue 12: a capitalised common word by the lexicon's parts of speech. A verb or an
 * adverb is a warning; a noun or an adjective is a warning when the article writes it in
 * lower case elsewhere, else info, and nothing after an article (`the Legislature`). */
START_TEST(test_issue_12_capitalization_common_word_by_lexicon)
{
    CAP_FINDS("en", "The minister Decided to leave the party after the vote.", "Decided",
              TQC_SEV_WARNING);
    CAP_FINDS("en", "The crowd waited and Slowly walked home after the match.", "Slowly",
              TQC_SEV_WARNING);
    CAP_FINDS("en", "The new tax cuts the school tax, and the Tax vote is near.",
              "Tax", TQC_SEV_WARNING);
    /* Standing alone after a word that is no definite article, and capitalised nowhere
     * else: a slip too (issue 12), in every language. */
    CAP_FINDS("en", "The sonatas were played with similar Insight by the young pianist.",
              "Insight", TQC_SEV_WARNING);
    CAP_FINDS("en", "He treated it with his special Care.", "Care", TQC_SEV_WARNING);
    CAP_SILENT("pt", "Falou um professor de Matemática de uma escola do Porto.");
    CAP_FINDS("es", "El programa le pide que ingrese su Contraseña.", "Contraseña",
              TQC_SEV_WARNING);
    CAP_FINDS("pt", "O programa pede que digite a sua Senha agora.", "Senha", TQC_SEV_WARNING);
    CAP_FINDS("fr", "Le programme demande de saisir votre Mot de passe.", "Mot", TQC_SEV_WARNING);
    CAP_FINDS("it", "Il programma chiede di inserire una Chiave segreta.", "Chiave",
              TQC_SEV_WARNING);
    /* A word the dictionary holds with a capital has a name's reading (`Budget`, the
     * company; `Republicans`), and after a definite article a noun names an institution. */
    CAP_SILENT("en", "The new budget cuts the school budget, and the Budget vote is near.");
    CAP_SILENT("en", "Two Republicans voted against the bill.");
    CAP_SILENT("es", "Hablamos con la Fundación sobre el proyecto.");
    /* Names: in the lexicon as written, linked to a name, or used as one elsewhere. */
    CAP_SILENT("en", "The talks moved to Geneva when the envoys met Grey on Monday in March.");
    /* A sentence's first word beside a name uses no word as a name (`Como Debian`), and
     * a sentence full of names is no title. */
    CAP_FINDS("es", "Como Debian no gasta fondos, el paquete se recibe Como una dependencia.",
              "Como", TQC_SEV_WARNING);
    CAP_FINDS("en", "The bride, daughter of Mr. and Mrs. Charles Ervin Glison of Pampa, has "
              "attended Texas Woman's University and will Continue her studies.", "Continue",
              TQC_SEV_WARNING);
    CAP_SILENT("en", "She studied at the University of Texas before the war.");
    CAP_SILENT("en", "The band Fountain Square played first, then Fountain played again.");
    /* A noun capitalised as an institution, with no lower-case use in the article. */
    CAP_SILENT("en", "He said the Legislature would vote on the plan next week.");
    /* A verb ending its clause, in German too. */
    CAP_FINDS("de", "Der Soundtrack wurde im Weltraum abgespielt Wird, sagte er.", "Wird",
              TQC_SEV_WARNING);
    CAP_SILENT("en", "He ranked it the No. 1 show of the year.");
    /* A German noun in lower case where a noun stands (after an article). */
    CAP_FINDS("de", "Jedes Programm sollte nur eine Sache erledigen, sagt der entwickler.",
              "entwickler", TQC_SEV_WARNING);
    /* After an adjective the lexicon knows only as one, a noun's place too. */
    CAP_FINDS("de", "Das Programm nutzt die beschriebene konfiguration ohne Änderung.",
              "konfiguration", TQC_SEV_WARNING);
    CAP_SILENT("de", "Das Programm läuft schnell und stabil auf allen Rechnern.");
    /* Where nouns are capitalised, only verbs and adverbs are warnings, and not after an
     * article; an adjective between a definite article and its noun may open a name
     * (`das Neue Testament`): a hint. */
    CAP_FINDS("de", "Die Regierung hat das Neue Programm am Montag vorgestellt.", "Neue",
              TQC_SEV_INFO);
    CAP_SILENT("de", "Der Minister sprach beim Laufen mit den Journalisten.");
    /* A German infinitive after its particle at the end of a clause is a verb; a noun
     * made of it takes an article. */
    CAP_FINDS("de", "Es ist schwer, das Ziel zu Erreichen, sagte der Trainer.", "Erreichen",
              TQC_SEV_WARNING);
    CAP_SILENT("de", "Es ist schwer, das Ziel zum Erreichen zu bringen, sagte er.");
    /* A German adjective capitalised before its noun; after an article only when the
     * article writes it in lower case too (`das Neue Testament` is a name); names of
     * `proper-names` and of three capitalised words are quiet. */
    CAP_FINDS("de", "Er sprach mit der lokalen Presse und hat einen Lokalen Verein gegründet.",
              "Lokalen", TQC_SEV_WARNING);
    /* After an indefinite article or a determiner an inflected adjective describes its
     * noun (`bestimmt`, `gemeinsam` are the lexicon's adjectives), also before a
     * compound the lexicon lacks; a definite article may open a name (a hint), a noun
     * may stand after a determiner (`diese Weise`), and a fixed term (`fixed-terms`)
     * keeps its capital; two words the dictionary holds capitalised are a name. */
    CAP_FINDS("de", "Er hat einen Lokalen Verein gegründet.", "Lokalen", TQC_SEV_WARNING);
    CAP_FINDS("de", "Er wählte einen Bestimmten Rechner aus.", "Bestimmten", TQC_SEV_WARNING);
    CAP_FINDS("de", "Debian bietet eine Gemeinsame Konfigurationsschnittstelle an.",
              "Gemeinsame", TQC_SEV_WARNING);
    CAP_FINDS("de", "Er hat den Lokalen Verein gegründet.", "Lokalen", TQC_SEV_INFO);
    CAP_SILENT("de", "Jeder kann auf diese Weise Fehler melden.");
    CAP_SILENT("de", "Stellen Sie sich zwei Schwarze Löcher vor.");
    CAP_SILENT("de", "Den Schatten eines Schwarzen Lochs sah man nie.");
    CAP_SILENT("de", "Das verdanken wir Albert Einstein.");
    /* An adjective made a noun takes an ending: one without, before a lower-case word,
     * is none even after a determiner; coordinated with a capitalised word it is a
     * language's name. */
    CAP_FINDS("de", "Sie fassen mehrere Gemeinsam genutzte Ressourcen zusammen.", "Gemeinsam",
              TQC_SEV_WARNING);
    CAP_FINDS("de", "Entfernen Sie die Pakete, wenn Möglich mit den Abhängigkeiten.",
              "Möglich", TQC_SEV_WARNING);
    CAP_SILENT("de", "Sie lernen das Gute kennen und meiden das Schlechte.");
    /* German lower-case nouns after an adjective of the lexicon, a loan language's word
     * too when the adjective is German. */
    CAP_FINDS("de", "Das Paket wurde für eine ältere distribution gebaut.", "distribution",
              TQC_SEV_WARNING);
    CAP_SILENT("de", "Können wir das wirklich hochskalieren?");
    CAP_FINDS("de", "Das war eine sehr Seltene Gelegenheit für ihn.", "Seltene",
              TQC_SEV_WARNING);
    CAP_SILENT("de", "Der Sprecher der Deutschen Bahn schwieg, das Rote Kreuz auch.");
    CAP_SILENT("de", "Der Sprecher der Neuen Zürcher Zeitung schwieg.");
    /* A word that is only an adjective, capitalised before a lower-case word after no
     * article or determiner, opens no name, however rare (issue 12); after one, an
     * older style capitalises adjectives of offices (`the Presidential campaign`). */
    CAP_FINDS("es", "Un atacante Tenaz podría desear ir más allá.", "Tenaz", TQC_SEV_WARNING);
    CAP_FINDS("pt", "Isso torna a navegação mais Fluida e menos dispersa.", "Fluida",
              TQC_SEV_WARNING);
    CAP_FINDS("fr", "La navigation devient plus Souple et moins dispersée.", "Souple",
              TQC_SEV_WARNING);
    CAP_FINDS("it", "La navigazione diventa più Fluida e meno dispersa.", "Fluida",
              TQC_SEV_WARNING);
    CAP_FINDS("en", "They hoped for a quite Generous response this year.", "Generous",
              TQC_SEV_WARNING);
    CAP_SILENT("en", "It played a subordinate role in the Presidential campaign.");
    CAP_SILENT("de", "Das Neue gefällt ihm, und er sprach mit dem Alten.");
    /* A form both finite verb and infinitive is the verb after its subject; an
     * indefinite article before a noun opens no name (`Den Haag` does). */
    CAP_FINDS("de", "Und dann Müssen wir das Programm neu starten.", "Müssen", TQC_SEV_WARNING);
    CAP_FINDS("de", "Sie sagt, morgen Müssen wir das Haus verlassen.", "Müssen", TQC_SEV_WARNING);
    CAP_SILENT("de", "Er sprach beim Laufen und vom Müssen mit den Journalisten.");
    CAP_FINDS("de", "Im Norden des Landes baut man Eine neue Straße.", "Eine",
              TQC_SEV_WARNING);
    CAP_SILENT("de", "Die Regierung sitzt in Den Haag, sagte er.");
    /* An adjective or verb whose capitalised form the lexicon lacks is no noun after a
     * verb, a pronoun or an adverb; a noun's ending, a nominaliser or an article make
     * one (`als Ganzes`, `etwas Neues`). */
    CAP_FINDS("de", "Manchmal ist es Wünschenswert, die Auswahl zu behalten.",
              "Wünschenswert", TQC_SEV_WARNING);
    CAP_FINDS("de", "Die Dateien können dann Wiederhergestellt und geprüft werden.",
              "Wiederhergestellt", TQC_SEV_WARNING);
    /* An inflected adjective takes its noun next: a verb's form capitalised there is a
     * noun the lexicon lacks (`abriss`, past of `abreißen`, is all it knows); after an
     * adjective without an ending, an adverb, it is still the verb. */
    CAP_SILENT("de", "Der Bau begann nach dem vollständigen Abriss der alten Halle.");
    CAP_SILENT("de", "Sie erwarten einen raschen Abriss, sagte der Bürgermeister.");
    CAP_FINDS("de", "Die Dateien können schnell Wiederhergestellt und geprüft werden.",
              "Wiederhergestellt", TQC_SEV_WARNING);
    CAP_SILENT("de", "Er betrachtet das Projekt als Ganzes, sagte er.");
    CAP_SILENT("de", "Ein Rechner wird oft als etwas Abstraktes angesehen.");
    CAP_SILENT("de", "Sie übersetzen in viele Sprachen wie Arabisch und Spanisch.");
    /* A verb's noun the lexicon holds is the verb after a pronoun, or a modal after the
     * verb it closes. */
    CAP_FINDS("de", "Und sie Bewegen sich mit Lichtgeschwindigkeit.", "Bewegen",
              TQC_SEV_WARNING);
    CAP_FINDS("de", "Wenn wir das übertragen Können, gibt es mehr.", "Können",
              TQC_SEV_WARNING);
    CAP_SILENT("de", "Das Projekt beschreibt dessen Ziele und die Organisation.");
    /* A noun in lower case after an adjective the lexicon lacks, or a determiner. */
    CAP_FINDS("de", "Das System läuft ohne grafische arbeitsfläche sehr gut.",
              "arbeitsfläche", TQC_SEV_WARNING);
    CAP_FINDS("de", "Man kann die Daten auf einigen partitionen verschlüsseln.",
              "partitionen", TQC_SEV_WARNING);
    /* The first part of a compound cut at a hyphen takes the compound's case. */
    CAP_SILENT("de", "Das gilt für alle Sprach- und Schriftsysteme der Welt.");
    CAP_SILENT("de", "Die Sterne haben die millionen- oder milliardenfache Masse.");
    CAP_SILENT("en", "The pre- and post-war budgets differed.");
    /* A gerund ending its clause; one opening a run-in heading is said less of. */
    CAP_FINDS("en", "Twenty minutes later, although it was still Raining, play resumed.",
              "Raining", TQC_SEV_WARNING);
    CAP_FINDS("en", "Congress: more muscle Taking precedence over all other bills.", "Taking",
              TQC_SEV_INFO);
    ck_assert_uint_eq(tqc_test_findings_in("en", "He lived with his mother in a comfortable "
                                           "home in Flushing.", RULE, NULL, 0), 0);
}
END_TEST

/* issue 12: an auxiliary capitalised twice after lower-case words is the same slip
 * twice, not a name the article uses, in every language; a rare form (English `wert`)
 * and a word a name holds stay names. */
START_TEST(test_issue_12_capitalization_repeated_auxiliary)
{
    ck_assert_uint_eq(tqc_test_findings_in("de", "Das ist schwer, doch Kann man es versuchen. Das Paket muss "
              "installiert werden Kann, bevor es läuft.", RULE, NULL, 0), 2);
    ck_assert_uint_eq(tqc_test_findings_in("en", "Others may Have it, but we cannot. The city might Have paid more.", RULE, NULL, 0), 2);
    ck_assert_uint_eq(tqc_test_findings_in("fr", "Le paquet Sera installé demain. Le serveur Sera redémarré ensuite.", RULE, NULL, 0), 2);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The fourth went badly and Wert came up with good stops. Then Wert "
              "scored and Don Wert smiled.", RULE, NULL, 0), 0);
}
END_TEST

/* issue 12: a lower-case start after a full stop and an opening quotation mark, in the
 * language's own marks. */
START_TEST(test_issue_12_capitalization_lower_case_after_quote)
{
    CAP_FINDS("en", "The vote was close. \u201Cand we will appeal,\u201D the lawyer said.",
              "and", TQC_SEV_WARNING);
    CAP_FINDS("en", "The vote was close. \"and we will appeal,\" the lawyer said.", "and",
              TQC_SEV_WARNING);
    CAP_FINDS("fr", "Le vote a été serré. \u00AB nous ferons appel \u00BB, a dit l'avocat.",
              "nous", TQC_SEV_WARNING);
    CAP_FINDS("es", "La votación fue ajustada. \u00ABvamos a recurrir\u00BB, dijo el abogado.",
              "vamos", TQC_SEV_WARNING);
    CAP_SILENT("en", "The vote was close. \u201CWe will appeal,\u201D the lawyer said.");
    CAP_SILENT("fr", "Le vote a été serré. \u00AB Nous ferons appel \u00BB, a dit l'avocat.");
    /* The likelier fix first: a determiner opens a sentence, a preposition goes on. */
    char sugg[64];
    bool has_fix, safe;
    first_fix("He played well over the whole course. the greens were moist.", sugg,
              sizeof sugg, &has_fix, &safe);
    ck_assert_str_eq(sugg, "course. The");
    first_fix("The reading rose to one unit per cubic meter of air. over the city.", sugg,
              sizeof sugg, &has_fix, &safe);
    ck_assert_str_eq(sugg, "air over");
    /* A closing mark after the stop is no sentence start. */
    CAP_SILENT("en", "He said \"yes.\" and then he left the room.");
}
END_TEST

/* issue 12: a lower-case sentence start after a question or exclamation mark, in every
 * language, with the capital as the fix; an aside in brackets and a name with its mark
 * (`Yahoo!`) go on in lower case. */
START_TEST(test_issue_12_capitalization_lower_case_after_question)
{
    CAP_FINDS("en", "Would farming grow as fast as industry? this was the question.", "this",
              TQC_SEV_WARNING);
    CAP_FINDS("pt", "Quem vai pagar a conta? ninguém sabe ainda.", "ninguém", TQC_SEV_WARNING);
    CAP_FINDS("es", "¿Quién va a pagar la cuenta? nadie lo sabe todavía.", "nadie",
              TQC_SEV_WARNING);
    CAP_FINDS("fr", "Qui va payer la facture ? personne ne le sait encore.", "personne",
              TQC_SEV_WARNING);
    CAP_FINDS("de", "Wer zahlt die Rechnung? niemand weiß es bisher.", "niemand",
              TQC_SEV_WARNING);
    CAP_FINDS("it", "Chi pagherà il conto? nessuno lo sa ancora.", "nessuno", TQC_SEV_WARNING);
    CAP_FINDS("en", "What a result! the whole team cheered.", "the", TQC_SEV_WARNING);
    CAP_SILENT("en", "Would farming grow as fast as industry? This was the question.");
    CAP_SILENT("en", "He asked (and why not? nobody knew) before he left.");
    CAP_SILENT("en", "She joined Yahoo! and then left for a rival.");
    /* Older prose runs on after a question or a cry: a hint where a coordinating
     * conjunction, a verb alone or with its subject after it, quoted speech, or the same
     * again in the paragraph shows the style. */
    CAP_FINDS("en", "Poor fellow! thought I, he means no harm.", "thought", TQC_SEV_INFO);
    CAP_FINDS("en", "Could you copy a paper for me this morning? or help me out?", "or",
              TQC_SEV_INFO);
    CAP_FINDS("en", "Dead letters! does it not sound like dead men?", "does", TQC_SEV_INFO);
    CAP_FINDS("en", "He stood there. \"Why, how now? what next?\" he asked.", "what",
              TQC_SEV_INFO);
    tqc_test_hit two = cap_in("en", "What shall I do? what ought I to do? what does it say?");
    ck_assert_int_eq(two.severity, TQC_SEV_INFO);
    tqc_test_hit alike = cap_in("en", "But how? You will not turn him out of your door? you "
                                "will not shame yourself so?");
    ck_assert_int_eq(alike.severity, TQC_SEV_INFO);
    char sugg[64];
    bool has_fix, safe;
    first_fix("Who will pay the bill? nobody knows yet.", sugg, sizeof sugg, &has_fix, &safe);
    ck_assert_str_eq(sugg, "Nobody");
    ck_assert(has_fix && !safe);
}
END_TEST

/* issue 12: months, weekdays and nationality adjectives capitalised where the language
 * writes them in lower case (rules/<lang>/lower-case-words, nationalities). */
START_TEST(test_issue_12_capitalization_months_days_nationalities)
{
    CAP_FINDS("fr", "Nous partirons Mardi avec la délégation.", "Mardi", TQC_SEV_WARNING);
    CAP_FINDS("fr", "Le gouvernement Français a refusé la proposition.", "Français",
              TQC_SEV_WARNING);
    CAP_FINDS("es", "El gobierno Alemán aprobó la ley el lunes.", "Alemán", TQC_SEV_WARNING);
    CAP_FINDS("pt", "O governo Português aprovou a lei ontem.", "Português", TQC_SEV_WARNING);
    CAP_FINDS("it", "Il governo Tedesco ha approvato la legge ieri.", "Tedesco",
              TQC_SEV_WARNING);
    /* The people (French capitalises them), names, and English, which capitalises all. */
    CAP_SILENT("fr", "Les Français ont voté dimanche.");
    CAP_SILENT("fr", "Ils ont fêté Mardi Gras à Nice.");
    CAP_SILENT("es", "El acto fue en la Plaza de Mayo por la tarde.");
    CAP_SILENT("fr", "Le gouvernement français a refusé la proposition mardi.");
    CAP_SILENT("en", "We will leave on Tuesday with the French delegation.");
    /* After an article French may name the people, but not in a list of languages
     * written in lower case; a language with two names gives both (`español`). */
    CAP_FINDS("fr", "Il est traduit en arabe, en allemand, en italien, le Japonais, etc.",
              "Japonais", TQC_SEV_WARNING);
    CAP_SILENT("fr", "Les Français et les Japonais sont venus.");
    /* A list of them title-cased on purpose, as in a menu: a hint. */
    CAP_FINDS("pt", "O livro foi traduzido para idiomas tais como Árabe, Português, Alemão e "
              "outros.", "Árabe", TQC_SEV_INFO);
    CAP_FINDS("es", "El libro se tradujo al idioma Español el año pasado.", "Español",
              TQC_SEV_WARNING);
}
END_TEST

/* issue 12: one word of a name in lower case, by the lexicon's capitalised forms; quiet
 * on words that are common words too (`grey`, `per diem`, `march`). */
START_TEST(test_issue_12_capitalization_lower_case_single_name)
{
    CAP_FINDS("en", "The council met in boston to discuss the new budget.", "boston",
              TQC_SEV_WARNING);
    CAP_FINDS("en", "The storm moved east across texas during the night.", "texas",
              TQC_SEV_WARNING);
    CAP_SILENT("en", "He wore a grey suit and was paid a per diem for the march.");
    /* A name the lexicon's source lower-cased (`sunday`: a noun there, `Sunday` a proper
     * noun) when the dictionary knows it only capitalised; a warning when the article
     * writes it capitalised too, else a hint (`letterman` is also a common noun). */
    CAP_FINDS("en", "They met on Sunday and again on a misty sunday morning.", "sunday",
              TQC_SEV_WARNING);
    CAP_FINDS("en", "The team's best letterman scored twice.", "letterman", TQC_SEV_INFO);
    /* A word no dictionary knows, which the article writes capitalised inside its
     * sentences, is a hint (merged with spelling's unknown word); written in lower case
     * twice it is the article's usage. */
    {
        tqc_test_hit h = cap_in("es", "Los sistemas Unix son antiguos y los sistemas unix "
                                "pueden fallar.");
        ck_assert_str_eq(h.span, "unix");
    }
    CAP_SILENT("pt", "O Postgrey filtra o correio; o postgrey e o postgrey correm juntos.");
    /* An acronym is no name lower-cased. */
    CAP_SILENT("it", "Il bot poteva poi essere controllato attraverso questo protocollo.");
    CAP_SILENT("en", "The Boston council met on Sunday to discuss the budget.");
    /* A name the lexicon alone holds is a warning when its other word follows. */
    CAP_FINDS("it", "Il programma gira solo su microsoft Windows e altri.", "microsoft",
              TQC_SEV_WARNING);
}
END_TEST

/* issue 12: a name in lower case inside a capitalised name run or after an elided
 * article, in every language: a name the lexicon or the dictionary knows as no common
 * word is reported; a common word of the same spelling only where the article writes the
 * two words capitalised elsewhere; a word between two capitalised ones is a particle. */
START_TEST(test_issue_12_capitalization_name_in_run_or_after_elision)
{
    CAP_FINDS("it", "Gli alpinisti sono saliti sull'etna la settimana scorsa con una guida.",
              "sull'etna", TQC_SEV_WARNING);
    CAP_SILENT("it", "Il sindaco ha parlato dell'acqua e dell'ambiente con i cittadini.");
    CAP_FINDS("fr", "Les habitants d'avignon attendent le festival chaque été.", "d'avignon",
              TQC_SEV_WARNING);
    CAP_SILENT("fr", "Les enfants d'aujourd'hui lisent l'article avec l'enseignant.");
    /* The capitalised first word is the name's, no common word capitalised. */
    CAP_FINDS("pt", "Os moradores de São paulo enfrentaram chuvas fortes durante a semana.",
              "paulo", TQC_SEV_WARNING);
    CAP_SILENT("pt", "O Banco central anunciou ontem uma nova taxa de juros para o mês.");
    CAP_FINDS("es", "Los vecinos de Santa Rosa votaron ayer. En Santa rosa no hubo incidentes "
              "graves.", "rosa", TQC_SEV_WARNING);
    CAP_SILENT("es", "Los vecinos de Santa rosa votaron ayer en una jornada tranquila.");
    CAP_FINDS("en", "The ship sailed from Los angeles to Honolulu in the spring.", "angeles",
              TQC_SEV_WARNING);
    CAP_SILENT("en", "The Boston house was sold last year to a family from the valley.");
    CAP_SILENT("en", "The concert ended with a sonata by Ludwig van Beethoven and a song.");
    CAP_FINDS("de", "Die Kanzlerin Angela merkel sprach am Montag vor dem Bundestag.", "merkel",
              TQC_SEV_WARNING);
    CAP_SILENT("de", "Der Verein aus Sankt Gallen gewann das Spiel am Sonntag deutlich.");
}
END_TEST

/* issue 12 (session 12): a lower-case word the dictionary knows, weighed as a name: the
 * lexicon's proper noun with no common reading, or one that cannot stand where the word
 * does (a finite verb after a preposition), against a common reading that can. */
START_TEST(test_issue_12_capitalization_lower_name_weighed)
{
    /* pt_BR's word list has the city in lower case; the lexicon only the name */
    CAP_FINDS("pt", "O navio chegou a lisboa ao fim da tarde com dois dias de atraso.",
              "lisboa", TQC_SEV_INFO);
    /* `parís` is `parir`'s form, which no preposition takes */
    CAP_FINDS("es", "El ministro llegó ayer a parís para una reunión con sus colegas.", "parís",
              TQC_SEV_WARNING);
    CAP_SILENT("es", "Dijo que tú parís en casa, según la partera del pueblo.");
    /* a common reading that may stand: nothing (`march` is a noun and a verb) */
    CAP_SILENT("en", "The soldiers began a long march across the valley at dawn.");
    /* a clitic pronoun spelt as an article comes before its verb */
    CAP_SILENT("it", "Il programma prepara il disco e lo guidi tu passo per passo.");
}
END_TEST

/* issue 12 (session 12): German. A common noun before a capitalised word is no name's
 * neighbour; after a noun phrase opening the sentence a finite form is the verb in second
 * place, whatever noun the infinitive makes; a finite verb's form the dictionary knows in
 * lower case, after a possessive, is a noun in lower case. A subordinator after a comma
 * opens its clause in lower case in every language. */
START_TEST(test_issue_12_capitalization_german_noun_neighbours)
{
    CAP_FINDS("de", "Die Kosten sanken im vergangenen Monat Wieder auf das alte Niveau.",
              "Wieder", TQC_SEV_WARNING);
    CAP_SILENT("de", "Die Stiftung fördert Projekte Freier Software an vielen Schulen.");
    CAP_SILENT("de", "Mit der Ministerin Klein sprach er am Rande der Sitzung.");
    CAP_SILENT("de", "Der Trainer Klaus Weber lobte die Mannschaft nach dem Spiel.");
    CAP_FINDS("de", "Die Gewerkschaften Fordern seit Monaten mehr Geld für alle.",
              "Fordern", TQC_SEV_WARNING);
    CAP_FINDS("de", "Der Zug Fuhr am Morgen ohne Halt durch den Bahnhof.", "Fuhr",
              TQC_SEV_WARNING);
    /* apposition: the clause's verb follows */
    CAP_SILENT("de", "Der Ausdruck Quelle wird hier in zwei Bedeutungen gebraucht.");
    CAP_FINDS("de", "Nach dem Hagel war seine ernte zum größten Teil verloren.", "ernte",
              TQC_SEV_WARNING);
    CAP_SILENT("de", "Die Kinder, die ernten, bekommen einen Teil der Äpfel.");
    CAP_SILENT("de", "Sie alle folgen dem Plan, den der Rat beschlossen hat.");
    CAP_FINDS("de", "Das Spiel wurde abgebrochen, Weil es stark regnete.", "Weil",
              TQC_SEV_WARNING);
    CAP_FINDS("en", "The road stayed closed, Because the bridge was unsafe.", "Because",
              TQC_SEV_WARNING);
}
END_TEST

/* issue 12 (session 12): a verb's form the lexicon knows only as finite, capitalised
 * after a subject pronoun that opens the sentence or opening a clause after a comma, is
 * the verb; a name spelt as a verb's form stands in a list of names. */
START_TEST(test_issue_12_capitalization_finite_verb_after_opener_or_comma)
{
    CAP_FINDS("pt", "Ele Prometeu que a estrada fica pronta em junho.", "Prometeu",
              TQC_SEV_WARNING);
    CAP_FINDS("es", "Él Prometió que la carretera estará lista en junio.", "Prometió",
              TQC_SEV_WARNING);
    CAP_FINDS("it", "Le strade, chiuse per la neve, Riapriranno domani mattina.", "Riapriranno",
              TQC_SEV_WARNING);
    CAP_SILENT("fr", "Les trains desservent Aubenas, Privas et Valence chaque jour.");
    CAP_SILENT("it", "La squadra ha battuto Roma, Bra e Cuneo nelle ultime settimane.");
    CAP_FINDS("en", "The market will open during the Spring near the old harbour.", "Spring",
              TQC_SEV_WARNING);
}
END_TEST

/* issue 12 (session 12): after a definite article, a frequent common noun whose
 * complement after a preposition is in lower case heads a common phrase; a name's
 * complement is capitalised. */
START_TEST(test_issue_12_capitalization_noun_with_lower_complement)
{
    CAP_FINDS("es", "Los vecinos se quejan de la Calidad del agua potable desde marzo.",
              "Calidad", TQC_SEV_WARNING);
    CAP_SILENT("es", "Los vecinos visitaron el Museo del Prado durante las fiestas.");
    CAP_FINDS("en", "Residents complained about the Quality of the tap water in March.",
              "Quality", TQC_SEV_WARNING);
    CAP_SILENT("en", "Residents met the Governor of the Bank of England in March.");
}
END_TEST

/* issue 13: changing the case of a word is never a safe fix, whichever pass offers it. */
START_TEST(test_issue_13_case_change_is_never_safe)
{
    const char *text = "He wore a grey suit per se.";
    tqc_doc *doc = tqc_doc_new("test.txt", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    tqc_finding *f = tqc_emit(&out, RULE, TQC_SEV_WARNING, tqc_span_make(10, 14), "x");
    tqc_finding_fix(&out, f, tqc_span_make(10, 14), "Grey", 4, true);
    ck_assert(out.items[0].has_fix && !out.items[0].fix.safe);
    /* Other changes keep the pass's verdict. */
    f = tqc_emit(&out, RULE, TQC_SEV_WARNING, tqc_span_make(10, 14), "x");
    tqc_finding_fix(&out, f, tqc_span_make(10, 14), "gray", 4, true);
    ck_assert(out.items[1].fix.safe);
    tqc_findings_release(&out);
    tqc_doc_free(doc);
    /* Correct text the issue names gets no safe case change from any pass. */
    const char *clean[] = {"He wore a grey suit to the hearing.",
                           "The $22.50 per diem is paid per se to every member.",
                           "Mr. MacLeod met Dupont and DeWitt in the Parque das Nações."};
    for (size_t i = 0; i < sizeof clean / sizeof *clean; i++) {
        doc = tqc_doc_new("test.txt", clean[i], strlen(clean[i]), "en");
        tqc_findings_init(&out, doc);
        ck_assert_int_eq(tqc_check_doc(tqc_test_checker(), doc, &out), TQC_OK);
        for (size_t j = 0; j < out.count; j++)
            ck_assert_msg(!(out.items[j].has_fix && out.items[j].fix.safe) ||
                              !tqc_text_equal_fold(clean[i] + out.items[j].fix.span.start,
                                                   tqc_span_len(out.items[j].fix.span),
                                                   out.items[j].fix.replacement,
                                                   strlen(out.items[j].fix.replacement)),
                          "safe case change by %s in: %s", out.items[j].rule, clean[i]);
        tqc_findings_release(&out);
        tqc_doc_free(doc);
    }
}
END_TEST

/* The first capitalization finding of text in language code: its span, first suggestion
 * (expected, or "" for none) and severity. */
static void cap_first(const char *code, const char *text, const char *span, const char *sugg)
{
    tqc_test_hit h;
    tqc_test_first_in(code, text, RULE, &h);
    ck_assert_msg(h.count >= 1, "%s: no finding in: %s", code, text);
    ck_assert_msg(strcmp(h.span, span) == 0, "%s: span '%s' in: %s", code, h.span, text);
    ck_assert_msg(strcmp(h.first, sugg) == 0 && h.has_fix == (sugg[0] != '\0') && !h.safe,
                  "%s: suggestion '%s' (fix %d) in: %s", code, h.first, h.has_fix, text);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}

/* issue 12: `word. lower` is a sentence broken in two or a lower-case start; the pieces'
 * verbs (the lexicon's) choose the fix, and where they cannot, none is offered. */
START_TEST(test_issue_12_capitalization_broken_or_lower_start)
{
    /* A piece without a finite verb: the join. */
    cap_first("en", "Prices fell sharply in the spring. over the city.", "spring. over",
              "spring over");
    cap_first("de", "Das Programm ist sehr alt. Dabei behält. es den Überblick über das ganze "
              "System.", "behält. es", "behält es");
    cap_first("es", "El sistema permite varias opciones de. configuración para los usuarios.",
              "de. configuración", "de configuración");
    cap_first("fr", "Le serveur a redémarré hier soir. dans la salle des machines.",
              "soir. dans", "soir dans");
    cap_first("it", "Il server è ripartito ieri sera. nella sala delle macchine.",
              "sera. nella", "sera nella");
    cap_first("pt", "O servidor reiniciou ontem à noite. na sala das máquinas.",
              "noite. na", "noite na");
    /* Two pieces with their verbs, a pronoun or determiner after the stop: the capital. */
    cap_first("en", "The vote was very close. we will appeal the decision.", "close. we",
              "close. We");
    cap_first("fr", "Le vote a été très serré. nous ferons appel de cette décision.",
              "serré. nous", "serré. Nous");
    cap_first("es", "La votación fue muy ajustada. nosotros vamos a recurrir la decisión.",
              "ajustada. nosotros", "ajustada. Nosotros");
    cap_first("it", "Il voto è stato molto serrato. noi faremo ricorso contro la decisione.",
              "serrato. noi", "serrato. Noi");
    cap_first("pt", "A votação foi muito apertada. ele vai recorrer da decisão.",
              "apertada. ele", "apertada. Ele");
    cap_first("de", "Die Abstimmung war sehr knapp. wir werden gegen die Entscheidung "
              "klagen.", "knapp. wir", "knapp. Wir");
    /* A long lower-case word the dictionary lacks ends a sentence as well as one it
     * knows; a short one may be an abbreviation. */
    CAP_FINDS("es", "Los paquetes deben estar en la distribución que estamos recompilando. no "
              "hay una forma automatizada.", "recompilando. no", TQC_SEV_WARNING);
    CAP_SILENT("en", "The valve measures approx. three inches across.");
    /* A conjunction opens sentences and goes on with them alike: found, no fix. */
    cap_first("en", "The program is working well. but in other areas we are still dragging.",
              "well. but", "");
    cap_first("pt", "O sistema foi instalado ontem. mas os usuários ainda não o usam.",
              "ontem. mas", "");
    /* Legitimate: an abbreviation's period, a number's, a new paragraph. */
    CAP_SILENT("en", "Bring simple tools, e.g. the hammer and the saw.");
    CAP_SILENT("de", "Der Parteitag fand am 3. ordentlichen Termin statt.");
}
END_TEST

/* issue 12: a German noun in lower case where the lexicon lacks it (a compound, a
 * loanword) and the dictionary knows it only capitalised, in a noun's place; a name the
 * dictionary alone knows, in the other languages, when the article writes it so. */
START_TEST(test_issue_12_capitalization_noun_by_dictionary)
{
    CAP_FINDS("de", "Es läuft über den router und dann weiter.", "router", TQC_SEV_WARNING);
    CAP_FINDS("de", "Jeder Ableger hat einen Urknall in seiner vergangenheit gehabt.",
              "vergangenheit", TQC_SEV_WARNING);
    CAP_FINDS("de", "Sie ist die üblichste lösung bei Modems.", "lösung", TQC_SEV_WARNING);
    /* An infinitive the dictionary knows only as a noun, an adjective before its noun. */
    CAP_SILENT("de", "Können wir das wirklich hochskalieren?");
    CAP_SILENT("de", "Es geht darum, das Programm zu hochskalieren.");
    CAP_FINDS("en", "He uses Linux at home. At work he runs linux on every server.", "linux",
              TQC_SEV_WARNING);
    CAP_FINDS("fr", "Il utilise Linux chez lui. Au travail, il installe linux partout.", "linux",
              TQC_SEV_WARNING);
    /* Without the article's capitalised use, a word the dictionary knows only as a name
     * may be a phrase of its own (`per diem`). */
    CAP_SILENT("en", "He was paid a per diem for the trip.");
    /* A name neither case of which the dictionary holds: the lexicon's proper noun and
     * the article's capitalised use together make the warning. */
    CAP_FINDS("it", "La prima versione di Microsoft era lenta. Poi il progetto di microsoft ha "
              "sviluppato un motore.", "microsoft", TQC_SEV_WARNING);
    CAP_FINDS("es", "El proyecto de Microsoft creció. Luego el equipo de microsoft lanzó otra "
              "versión.", "microsoft", TQC_SEV_WARNING);
}
END_TEST

/* issue 12: where every noun is capitalised, a function word's capitalised neighbour is
 * its noun, no name that excuses it; elsewhere a function word the author capitalises
 * again and again is a term of the article (`the In and Out system`). */
START_TEST(test_issue_12_capitalization_repeated_function_word)
{
    CAP_FINDS("de", "Es enthält Eine Reihe spezieller Skripte.", "Eine", TQC_SEV_WARNING);
    ck_assert_uint_eq(tqc_test_findings_in("de", "Es enthält Eine Reihe von Skripten. Wir haben "
                                           "Eine Form der Replikation.", RULE, NULL, 0), 2);
    CAP_SILENT("de", "Sie stimmte für Die Linke im Landtag.");
    CAP_FINDS("en", "The data are Very good for us.", "Very", TQC_SEV_WARNING);
    CAP_SILENT("en", "Foods were judged by the In and Out system. Soba was In, and sushi was "
               "Out because it was pretentious.");
}
END_TEST

/* Issue 17, real pages: an item of a list whose neighbouring item is a capitalised common
 * word too is title-cased on purpose (a hint); the same word alone is a slip. A word
 * joined to a host name by its dot keeps its own lower case. */
START_TEST(test_issue_17_capitalization_title_cased_lists_and_hosts)
{
    CAP_FINDS("en", "Most people want a car that is Fast, Cheap, or Good at once.", "Fast",
              TQC_SEV_INFO);
    CAP_FINDS("en", "Most people want a car that is Fast at once.", "Fast", TQC_SEV_WARNING);
    CAP_FINDS("en", "Sights and Sounds: the market opens at dawn.", "Sounds", TQC_SEV_INFO);
    CAP_FINDS("es", "La gente quiere un coche Rápido, Barato o Bueno a la vez.", "Rápido",
              TQC_SEV_INFO);
    CAP_FINDS("es", "La gente quiere un coche Rápido a la vez.", "Rápido", TQC_SEV_WARNING);
    CAP_SILENT("en", "The paper moved its site to boston.com last year.");
    CAP_FINDS("en", "The paper moved its office to boston last year.", "boston", TQC_SEV_WARNING);
}
END_TEST

/* issue 12 (s7): a loan language's common word that this language's lexicon holds only
 * as a name (`windows`, `oracle` in a Romance text) is the name in lower case when the
 * article writes the name capitalised inside a sentence and never this word in lower
 * case again; either use alone is the author's (a loanword, or a name only). */
START_TEST(test_issue_12_capitalization_loan_word_names)
{
    CAP_FINDS("it", "Il sistema Windows è molto diffuso. Tutti gli utenti di un dominio "
              "windows ottengono un account.", "windows", TQC_SEV_WARNING);
    CAP_FINDS("pt", "O sistema Windows é muito usado. Todos os usuários de um domínio "
              "windows recebem uma conta.", "windows", TQC_SEV_WARNING);
    CAP_FINDS("es", "El sistema Windows es muy usado. Todos los usuarios de un dominio "
              "windows reciben una cuenta.", "windows", TQC_SEV_WARNING);
    /* written in lower case twice: the article's usage */
    CAP_SILENT("it", "Il sistema Windows è diffuso. Un dominio windows e un server windows "
               "sono diversi.");
    /* capitalised only where every word is (a sentence start): no evidence */
    CAP_SILENT("it", "Windows è diffuso. Tutti gli utenti di un dominio windows ottengono un "
               "account.");
}
END_TEST

/* issue 12 (s7): a name or a title names one thing, so a common noun that is no adjective,
 * capitalised after a plural article (`plural-articles`), is a slip, also ending a clause;
 * singular, after a singular article, it may name an institution (left alone). A
 * participle is an adjective capitalised alone after a lower-case word. */
START_TEST(test_issue_12_capitalization_plural_article_and_participle)
{
    CAP_FINDS("pt", "Desse modo, os Registros de tempo nos relatórios estarão corretos.",
              "Registros", TQC_SEV_WARNING);
    CAP_FINDS("pt", "Ao longo dos Anos, o projeto se tornou mais exigente.", "Anos",
              TQC_SEV_WARNING);
    CAP_FINDS("it", "Questa precauzione limita i Danni causati dall'errore umano.", "Danni",
              TQC_SEV_WARNING);
    CAP_FINDS("es", "El programa guarda los Registros de cada usuario en un archivo.",
              "Registros", TQC_SEV_WARNING);
    CAP_FINDS("fr", "Le programme garde les Registres de chaque usager dans un fichier.",
              "Registres", TQC_SEV_WARNING);
    CAP_FINDS("pt", "Os servidores fornecem regularmente cópias Atualizadas da zona primária.",
              "Atualizadas", TQC_SEV_WARNING);
    /* singular: an institution (`o Governo`); plural adjective-nouns: a party; a name the
     * article capitalises again; English has no plural article */
    CAP_SILENT("pt", "O projeto foi aprovado pelo Conselho na semana passada.");
    CAP_SILENT("pt", "Nas eleições, os Verdes ganharam votos no norte.");
    CAP_SILENT("it", "Le Marche sono una regione. Nelle Marche si vive bene.");
    CAP_SILENT("en", "The Greens won seats in the north, and the Registers were kept.");
}
END_TEST

/* issue 12 (s7): a word the document writes capitalised after lower-case words again and
 * again, farther apart than the nearby window, and no more often in lower case, is a name
 * the author uses (`Internet` in Italian); written so once, it is a slip. */
static void far_apart(char *buf, size_t cap, const char *const *sentences, size_t count)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        n += (size_t)snprintf(buf + n, cap - n, "%s ", sentences[i]);
        for (int r = 0; r < 160 && n < cap; r++)
            n += (size_t)snprintf(buf + n, cap - n, "Il sistema funziona bene con molti "
                                  "programmi diversi. ");
    }
}

START_TEST(test_issue_12_capitalization_name_in_document)
{
    static char text[40000];
    const char *const uses[] = {"I server sono collegati attraverso Internet ogni giorno.",
                                "La rete privata passa attraverso Internet con un tunnel.",
                                "Molti server sono connessi attraverso Internet per i dati."};
    far_apart(text, sizeof text, uses, 3);
    tqc_test_hit h = cap_in("it", text);
    ck_assert_msg(h.count == 0, "'%s': %s", h.span, h.message);
    const char *const once[] = {"La rete privata passa attraverso Internet con un tunnel."};
    far_apart(text, sizeof text, once, 1);
    h = cap_in("it", text);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "Internet");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Issue 17: technical manuals write their own terms as they are written. A unit without
 * a vowel before a stop is an abbreviation; a path or host piece keeps its case; a name
 * the text writes in lower case again is its own term (a hint); one slip still counts. */
START_TEST(test_issue_17_capitalization_units_paths_and_own_terms)
{
    ck_assert_uint_eq(tqc_test_findings_in("en", "Output rose to 1.2 million bbl. of crude a "
                                           "day in March.", RULE, NULL, 0), 0);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The council met on Monday. the vote was "
                                           "close.", RULE, NULL, 0), 1);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The drivers live in linux/drivers, next to "
                                           "the notes kept under /boston.", RULE, NULL, 0), 0);
    ck_assert_uint_eq(tqc_test_findings_in("en", "Most uploads reach boston first. A site that "
                                           "tracks boston needs more space than the others.",
                                           RULE, NULL, 0), 0);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The team met in boston last week to plan "
                                           "the move.", RULE, NULL, 0), 1);
    /* A word quoted alone is mentioned, not used. */
    ck_assert_uint_eq(tqc_test_findings_in("en", "For pages in that language, set the variable "
                                           "to 'italian' and restart.", RULE, NULL, 0), 0);
    /* An acronym's words spelt out keep its capital; one of a pair glued by a slash too. */
    ck_assert_uint_eq(tqc_test_findings_in("en", "If a report says FTBFS, this means Fails to "
                                           "build from source on that machine.", RULE, NULL, 0), 0);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The chat runs on the Open and free technology "
                                           "community (OFTC) network.", RULE, NULL, 0), 0);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The road to the BBC was closed, so the team "
                                           "asked drivers to Be careful.", RULE, NULL, 0), 1);
    ck_assert_uint_eq(tqc_test_findings_in("en", "I run a small Desktop/server at home with "
                                           "two disks.", RULE, NULL, 0), 0);
}
END_TEST

/* issue 12, clean English press: an adjective made of a noun that `title-words` lists or
 * the text capitalises nearby (`Presidential` beside `President`) is capitalised by an
 * older or a house style of English (profile `institution-adjectives`): a hint. Without
 * the noun, another adjective, and in a language without the setting, a warning. */
START_TEST(test_issue_12_capitalization_institution_adjectives)
{
    CAP_FINDS("en", "The outcome of last fall's Presidential election did not matter.",
              "Presidential", TQC_SEV_INFO);
    CAP_FINDS("en", "The Constitution is old. They discussed Constitutional guarantees at "
              "length.", "Constitutional", TQC_SEV_INFO);
    CAP_FINDS("en", "They discussed Constitutional guarantees at length.", "Constitutional",
              TQC_SEV_WARNING);
    CAP_FINDS("en", "The team played a National game on Sunday.", "National",
              TQC_SEV_WARNING);
    CAP_FINDS("es", "La Constitución es antigua. Ellos discutieron garantías Constitucionales "
              "durante horas.", "Constitucionales", TQC_SEV_WARNING);
    CAP_FINDS("pt", "A Constituição é antiga. Eles discutiram garantias Constitucionais "
              "durante horas.", "Constitucionais", TQC_SEV_WARNING);
}
END_TEST

/* issue 12, session 9: German verbs and adjectives capitalised mid-sentence, by the
 * lexicon and the grammar around them. */
START_TEST(test_issue_12_capitalization_german_grammar)
{
    /* A word ending like an inflected adjective is a noun made of one only when the
     * ending leaves an adjective or participle (`als Ganzes`, `als Angestellter`); an
     * adverb or an adjective that takes no ending is none (`Immer`, `Vorhanden`). */
    CAP_FINDS("de", "Das Paket ist auf dem Server nicht Vorhanden und muss installiert werden.",
              "Vorhanden", TQC_SEV_WARNING);
    CAP_FINDS("de", "Die Nutzer, die Immer die neueste Version wollen, laden sie selbst.",
              "Immer", TQC_SEV_WARNING);
    CAP_SILENT("de", "Er arbeitet dort als Angestellter und wohnt in der Stadt.");
    /* After a preposition a form that is also a finite verb is the adjective before its
     * noun, also with inflected adjectives in lower case between them; after an article
     * the word may be the noun itself. */
    CAP_FINDS("de", "Das Werkzeug eignet sich für Bestimmte Aufgaben besonders gut.",
              "Bestimmte", TQC_SEV_WARNING);
    CAP_FINDS("de", "Die Meldungen kommen von Verschiedenen beteiligten Stellen im Haus.",
              "Verschiedenen", TQC_SEV_WARNING);
    CAP_SILENT("de", "Sie lasen eine ins Deutsche übersetzte Anleitung vor.");
    CAP_SILENT("de", "Er sprach für die Vereinten Nationen.");
    /* An infinitive after `zu` before a conjunction the clause goes on from, and a verb
     * coordinated with the same form in lower case, are verbs; nouns coordinated with
     * capitalised nouns are nouns. */
    CAP_FINDS("de", "Sie hatten den Wunsch, weiter zu Lernen und sich zu beteiligen.",
              "Lernen", TQC_SEV_WARNING);
    CAP_FINDS("de", "Der Rechner kann die Pakete prüfen oder Löschen, wenn es nötig ist.",
              "Löschen", TQC_SEV_WARNING);
    CAP_SILENT("de", "Es gab genug zu Essen und Trinken für alle Gäste.");
    CAP_SILENT("de", "Sie sprachen über das Lesen und Schreiben in der Schule.");
    /* A lower-case word the lexicon knows only as a verb, after a preposition, is the
     * noun its capitalised form is; after `zu` or a noun it is the verb. */
    CAP_FINDS("de", "Die Figur besteht aus einer Folge von winkeln, die man einzeln misst.",
              "winkeln", TQC_SEV_WARNING);
    CAP_SILENT("de", "Die Kinder begannen am Ufer zu winkeln, als das Boot kam.");
    CAP_SILENT("de", "Wir sehen die Kinder am Ufer winkeln, als das Boot kommt.");
}
END_TEST

/* issue 12, session 9: a name the loan language's dictionary knows only capitalised
 * (English `Unix`, `Mozilla`) is a name in lower case in every language that borrows it;
 * written so again nearby it is the article's own spelling, a hint. */
START_TEST(test_issue_12_capitalization_loan_language_names)
{
    CAP_FINDS("es", "Es un sistema operativo similar a unix, con sus propias herramientas.",
              "unix", TQC_SEV_WARNING);
    CAP_FINDS("it", "Il progetto mozilla ha sviluppato un motore di rendering molto rapido.",
              "mozilla", TQC_SEV_WARNING);
    CAP_FINDS("pt", "O padrão unicode foi projetado para maximizar os pontos comuns.", "unicode",
              TQC_SEV_WARNING);
    tqc_test_hit h = cap_in("es", "Los programas de unix son pequeños, y cada programa de "
                                  "unix hace una cosa.");
    ck_assert_uint_eq(h.count, 2);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    /* A common word of the loan language (`windows`) is no name by this evidence. */
    CAP_SILENT("it", "Il programma apre due windows sullo schermo del computer.");
}
END_TEST

/* issue 12, session 9: a word before an aside in brackets or an opening quotation ends
 * its phrase as before a lower-case word, and the same evidence judges it; a name is
 * often explained there, so a verb's reading alone or no evidence says nothing. */
START_TEST(test_issue_12_capitalization_before_an_aside)
{
    CAP_FINDS("fr", "Les processus tournent sur des machines Différentes (parfois très "
              "éloignées) sans problème.", "Différentes", TQC_SEV_WARNING);
    CAP_FINDS("fr", "Le projet annonce une nouvelle Version (stable) chaque année, puis une "
              "autre.", "Version", TQC_SEV_WARNING);
    CAP_FINDS("it", "Il progetto annuncia una nuova Versione (stabile) ogni anno, poi un'altra.",
              "Versione", TQC_SEV_WARNING);
    CAP_FINDS("pt", "O projeto anuncia uma nova Versão (estável) a cada ano, depois outra.",
              "Versão", TQC_SEV_WARNING);
    CAP_SILENT("en", "He was known as Gimpy (but never to his face) in the neighbourhood.");
    CAP_SILENT("en", "The students formed the Keynotes (a singing group) last year.");
    CAP_SILENT("en", "Even unarmed the Danes would be Gar-Dene (as their king is) in the song.");
    /* Items of a title-cased list before their asides say nothing (the asides are looked
     * through from one item to the next). */
    tqc_test_hit h = cap_in("en", "He must mark each item as Correct (Hit), Incorrect (Miss), "
                                  "Doubtful, or Especially Significant.");
    ck_assert_uint_eq(h.count, 0);
}
END_TEST

/* issue 12, session 9: a cardinal above one is a plural article (a name names one
 * thing), and a gerund before an article or a determiner is a verb with its object. */
START_TEST(test_issue_12_capitalization_numerals_and_gerunds)
{
    CAP_FINDS("en", "The family includes two Daughters, both teachers in the city.",
              "Daughters", TQC_SEV_WARNING);
    CAP_FINDS("en", "He signed a form Showing the amount of the debt.", "Showing",
              TQC_SEV_WARNING);
    CAP_SILENT("en", "The airline bought two Boeing jets last year.");
    CAP_SILENT("en", "They watched two Western films on Sunday.");
    CAP_FINDS("en", "Congress: more muscle Taking precedence over all other bills.", "Taking",
              TQC_SEV_INFO);
}
END_TEST

/* issue 12, session 9: a title word that names a thing (`el Este`) is its determiner
 * homograph before a lower-case noun; an adjective coordinated with a lower-case
 * adjective is common whatever names the dictionary holds. */
START_TEST(test_issue_12_capitalization_determiner_and_coordinated_adjective)
{
    CAP_FINDS("es", "Cada usuario puede utilizar Este nombre de dominio para su equipo.",
              "Este", TQC_SEV_WARNING);
    CAP_SILENT("es", "La empresa vende sus productos en el Este del país.");
    CAP_SILENT("en", "He looked down with sadness in His eyes.");
    CAP_FINDS("es", "El comité publica una versión Nueva y estable cada dos años.", "Nueva",
              TQC_SEV_WARNING);
    CAP_SILENT("es", "El avión viajó a Nueva York y luego volvió a casa.");
    CAP_SILENT("fr", "Le réseau Internet et la plupart des réseaux locaux fonctionnent bien.");
    /* An adjective and nothing else after a plural article before a lower-case noun is
     * that noun's; a noun reading may be a party's name. */
    CAP_FINDS("pt", "Os usuários experientes testam os Últimos pacotes antes de todos.",
              "Últimos", TQC_SEV_WARNING);
    CAP_SILENT("es", "En la votación, los Verdes alemanes apoyaron la propuesta.");
}
END_TEST

/* issue 12, session 9: a common noun the lexicon also holds as a name (and the
 * dictionary does not) names no one after an indefinite article or a determiner before
 * a lower-case word: a name takes neither. */
START_TEST(test_issue_12_capitalization_lexicon_name_after_determiner)
{
    CAP_FINDS("it", "Il giardino ha un Albero molto alto vicino alla casa.", "Albero",
              TQC_SEV_WARNING);
    CAP_FINDS("fr", "Le système copie chaque Bloc vers un second disque.", "Bloc",
              TQC_SEV_WARNING);
    CAP_SILENT("en", "He drove a Swallow, a rare British car.");
    CAP_SILENT("en", "The new charter should get a Yes vote in November.");
    CAP_SILENT("it", "Ha parlato con un Rossi di Milano.");
}
END_TEST

/* issue 12, session 10: a subject pronoun or an object pronoun that no article spells
 * (`preverbal-pronouns`) is followed by its verb, never by a name: a form the lexicon
 * knows as a finite verb is the verb there, also when a name or a noun is spelt so and
 * inside quoted speech; a noun after an object that may take one is left to the rest. */
START_TEST(test_issue_12_capitalization_verb_after_pronoun)
{
    CAP_FINDS("en", "The author said he Tells of a long flight from the city.", "Tells",
              TQC_SEV_WARNING);
    CAP_FINDS("en", "\"We will see the results,\" he Said after the vote on Monday.", "Said",
              TQC_SEV_WARNING);
    CAP_FINDS("en", "\"Forgive them, for they Know not what they do,\" the priest read.",
              "Know", TQC_SEV_WARNING);
    CAP_FINDS("fr", "Chaque matin, il Marche jusqu'à la gare avec son fils.", "Marche",
              TQC_SEV_WARNING);
    CAP_FINDS("es", "La ciudad se Llama así por el río que la cruza.", "Llama", TQC_SEV_WARNING);
    CAP_FINDS("it", "Ogni mattina il treno si Ferma alla stazione centrale.", "Ferma",
              TQC_SEV_WARNING);
    CAP_FINDS("pt", "O ministro lhe Passa a palavra antes da votação.", "Passa", TQC_SEV_WARNING);
    /* an object may stand before a noun; a title or verse in quotes keeps its capitals */
    CAP_SILENT("en", "We Americans like big cars and long roads.");
    CAP_SILENT("en", "The choir sang \"Gather ye rosebuds while ye may This same flower\" "
                     "at the end.");
    CAP_SILENT("es", "Los vecinos visitaron la Casa Rosada el domingo.");
}
END_TEST

/* issue 12, session 10: a possessive or a quantifier determines a common noun: it links
 * no name (`Britain for several Years`), and a noun after it that the other evidence
 * leaves unjudged (a rare word, a clause's end: a work's title may stand there) is a hint
 * rather than nothing; a participle between a determiner and its noun is an adjective. */
START_TEST(test_issue_12_capitalization_determined_noun)
{
    CAP_FINDS("en", "The mill shipped textiles to Britain for several Years under the old pact.",
              "Years", TQC_SEV_WARNING);
    CAP_FINDS("en", "The workers went back to their Desks.", "Desks", TQC_SEV_INFO);
    CAP_FINDS("en", "He wrote about it later in his Confessions, at a crucial point of his "
                    "life.", "Confessions", TQC_SEV_INFO);
    CAP_SILENT("en", "He had been persecuted in Paris for his Reformed faith.");
    CAP_SILENT("en", "He drove his Ford to the station every morning.");
    CAP_SILENT("en", "The firm hired lawyers from Smith and Wesson for the case.");
}
END_TEST

/* issue 12, session 10: German puts the finite verb second in its clause; after a noun
 * or a name that opens the clause and before its subject a capitalised verb form is the
 * verb, not the noun made of it, which takes an article (`beim Schwimmen`) or may take a
 * genitive after it (`subject-openers` leaves `der` out). A determiner that is no
 * article is a slip before its capitalised noun; an adjective after a definite article
 * is a hint. */
START_TEST(test_issue_12_capitalization_german_verb_second)
{
    CAP_FINDS("de", "Seit Montag Gelten die neuen Regeln in der ganzen Stadt.", "Gelten",
              TQC_SEV_WARNING);
    CAP_FINDS("de", "Im Sommer Gehen wir oft mit dem Hund an den See.", "Gehen",
              TQC_SEV_WARNING);
    CAP_SILENT("de", "Beim Schwimmen die Augen immer offen halten.");
    CAP_SILENT("de", "Das Thema Wohnen der Zukunft beschäftigt die ganze Branche.");
    CAP_SILENT("de", "Im Sommer gehen wir oft mit dem Hund an den See.");
    /* a possessive or a quantifier opens no name before its noun, but the polite address
     * is capitalised (`second-person`) */
    CAP_FINDS("de", "Das geht nicht ohne die Hilfe von Einigen Personen aus dem Team.",
              "Einigen", TQC_SEV_WARNING);
    CAP_FINDS("de", "Das Projekt zeigt die Arbeit, an der Meine Kollegen und ich sitzen.",
              "Meine", TQC_SEV_WARNING);
    CAP_SILENT("de", "Bitte senden Sie uns Ihre Daten bis Montag zurück.");
    CAP_SILENT("de", "Danach fuhr er nach Den Haag und blieb dort.");
    /* between a definite article and its noun an adjective may open a name: a hint */
    CAP_FINDS("de", "Die Pakete liegen im Offiziellen Archiv des Projekts.", "Offiziellen",
              TQC_SEV_INFO);
}
END_TEST

/* issue 12, session 10: a short capitalised word before a full stop is an abbreviation
 * (`Gov.`, `Corp.`) unless the lexicon holds it as a name and no abbreviation list has
 * it: a month or a place ends its sentence, and a lower-case word after it is a slip. */
START_TEST(test_issue_12_capitalization_name_before_full_stop)
{
    cap_first("en", "The vote on the budget was moved to June. the council said nothing more "
              "about it.", "June. the", "June. The");
    cap_first("en", "Our team arrived from Rome. the others came later that week.", "Rome. the",
              "Rome. The");
    CAP_SILENT("en", "The bill was signed by Gov. Smith on Tuesday in the capital.");
    CAP_SILENT("en", "The mill was sold to Acme Corp. last spring, the owners said.");
}
END_TEST

/* issue 12 (session 11): a verb's capital is no name's. A preposition after a form the
 * lexicon knows only as a verb takes the verb's complement, capitalised or not; a
 * preposition takes no finite verb, so a form only finite after one is a place. */
START_TEST(test_issue_12_capitalization_verb_before_its_complement)
{
    CAP_FINDS("en", "The panel Adjourned on Friday and met again in the afternoon.", "Adjourned",
              TQC_SEV_WARNING);
    CAP_FINDS("es", "La delegación Viajó a Madrid el lunes por la mañana.", "Viajó",
              TQC_SEV_WARNING);
    CAP_FINDS("pt", "A delegação Viajou a Lisboa na segunda-feira de manhã.", "Viajou",
              TQC_SEV_WARNING);
    CAP_FINDS("fr", "La délégation Arrivera à Lyon lundi soir avec le ministre.", "Arrivera",
              TQC_SEV_WARNING);
    CAP_FINDS("it", "La delegazione Arriverà a Milano lunedì sera con il ministro.", "Arriverà",
              TQC_SEV_WARNING);
    /* a name's nouns linked by a preposition stay a name */
    CAP_SILENT("en", "He studied at the University of Leeds for three years.");
    /* a verb form after a preposition is a place spelt alike */
    CAP_SILENT("pt", "O festival decorreu em Andaram, uma aldeia do interior.");
    CAP_SILENT("es", "Vive en Caminaron, un pueblo de la sierra, desde hace años.");
    CAP_SILENT("it", "Vive a Cantarono, un paese di montagna, da molti anni.");
    CAP_SILENT("fr", "Il vit à Marchèrent, un village de montagne, depuis des années.");
}
END_TEST

/* issue 12 (session 11): the quoted sentence that opens a paragraph, starting in lower
 * case after a sentence's end; a hint for a bare paragraph start, after a heading, for a
 * verbless piece or a conjunction; nothing after a colon or an item's label. */
START_TEST(test_issue_12_capitalization_lower_case_paragraph_start)
{
    /* a bare lower-case start is a hint: some corpora write one after a dropped heading */
    CAP_FINDS("fr", "Le conseil s'est réuni lundi.\n\nles habitants ont protesté devant la "
              "mairie toute la journée.", "les", TQC_SEV_INFO);
    CAP_FINDS("en", "The mayor opened the bridge.\n\n“we waited ten years for this day,” "
              "said a resident of the town.", "we", TQC_SEV_WARNING);
    CAP_FINDS("es", "El agua subió muy rápido durante la noche.\n\n“nos quedamos sin luz toda "
              "la noche”, contó un vecino del barrio.", "nos", TQC_SEV_WARNING);
    CAP_FINDS("en", "The council met on Monday.\n\nthe residents said they had waited for "
              "years for a decision.", "the", TQC_SEV_INFO);
    CAP_FINDS("de", "Der Rat tagte am Montag.\n\ndie Anwohner sagten, sie hätten jahrelang auf "
              "eine Entscheidung gewartet.", "die", TQC_SEV_INFO);
    CAP_FINDS("it", "Il consiglio si è riunito lunedì.\n\ni residenti hanno detto di aver "
              "aspettato per anni una decisione.", "i", TQC_SEV_INFO);
    CAP_FINDS("pt", "A câmara reuniu-se na segunda-feira.\n\nos moradores disseram que "
              "esperaram anos por uma decisão.", "os", TQC_SEV_INFO);
    CAP_FINDS("en", "Local news\n\nthe residents said they had waited for years for a "
              "decision.", "the", TQC_SEV_INFO);
    CAP_FINDS("en", "The council met on Monday.\n\nresidents now angry. The mayor said he "
              "would listen to them.", "residents", TQC_SEV_INFO);
    CAP_FINDS("de", "Wir sahen das Licht der Stadt.\n\nund in der Zeit, die vergangen ist, hat "
              "sich viel verändert.", "und", TQC_SEV_INFO);
    CAP_SILENT("en", "The plan has two parts:\n\nthe first is a new bridge over the river near "
               "the station.");
    CAP_SILENT("en", "(2)\n\nthe residents said they had waited for years for a decision.");
}
END_TEST

/* issue 12 (session 11): a name's head (`name-heads`: a street's, a place's, a body's
 * type) makes the capitalised words, dates and adjectives of its run a name, written
 * before them in either case (in German also ending a compound); without one a date is a
 * date and an adjective an adjective. */
START_TEST(test_issue_12_capitalization_name_heads)
{
    CAP_SILENT("es", "La exposición abrió el jueves en la calle 25 de Mayo del centro.");
    CAP_SILENT("fr", "La manifestation a eu lieu rue du 8 Mai devant la mairie.");
    CAP_SILENT("it", "La mostra si è tenuta in via 4 Novembre nel centro storico.");
    CAP_SILENT("pt", "A feira decorreu na Avenida 25 de Abril durante o fim de semana.");
    CAP_SILENT("de", "Das Institut für Tropische Medizin lädt zum Vortrag ein.");
    CAP_SILENT("de", "Das Landesinstitut für Nordische Philologie lädt zum Vortrag ein.");
    CAP_FINDS("de", "Er sprach über Tropische Medizin in der Stadt.", "Tropische",
              TQC_SEV_WARNING);
    CAP_FINDS("es", "El acto será el 25 de Mayo en la plaza del pueblo.", "Mayo",
              TQC_SEV_WARNING);
    CAP_FINDS("fr", "Nous partirons le 8 Mai avec la délégation.", "Mai", TQC_SEV_WARNING);
    /* a verb is no name's word, whatever head stands before it */
    CAP_FINDS("de", "Er lag im Krankenhaus und Wurde dort gepflegt.", "Wurde", TQC_SEV_WARNING);
}
END_TEST

/* issue 12 (session 11): country demonyms (iso-codes' countries with each language's
 * endings) are nationality adjectives, the seasons are written in lower case, and a
 * country's name is no adjective. */
START_TEST(test_issue_12_capitalization_demonyms_and_seasons)
{
    CAP_FINDS("es", "Un grupo de periodistas Chilenos visitó la planta el martes.", "Chilenos",
              TQC_SEV_WARNING);
    CAP_FINDS("it", "Un gruppo di giornalisti Svizzeri ha visitato lo stabilimento.", "Svizzeri",
              TQC_SEV_WARNING);
    CAP_FINDS("pt", "Um grupo de jornalistas Paraguaios visitou a fábrica ontem.", "Paraguaios",
              TQC_SEV_WARNING);
    CAP_FINDS("fr", "Des journalistes Tunisiens ont visité l'usine mardi.", "Tunisiens",
              TQC_SEV_WARNING);
    CAP_SILENT("es", "Viven en Armenia desde hace diez años con sus hijos.");
    CAP_FINDS("en", "The village hall will reopen next Autumn after the repairs.", "Autumn",
              TQC_SEV_WARNING);
    CAP_FINDS("pt", "As chuvas voltaram neste Inverno à região.", "Inverno", TQC_SEV_WARNING);
    CAP_FINDS("fr", "Les pluies sont revenues cet Hiver dans la région.", "Hiver",
              TQC_SEV_WARNING);
    CAP_SILENT("en", "The Summer Olympics will open in July next year.");
}
END_TEST

/* issue 12 (session 11): German puts the verb second after an opening prepositional
 * phrase, whatever its subject: a name, an article. */
START_TEST(test_issue_12_capitalization_german_verb_after_opening_phrase)
{
    CAP_FINDS("de", "Am Abend Sprach Weber vor dem Parlament.", "Sprach", TQC_SEV_WARNING);
    CAP_FINDS("de", "Am Nachmittag Fuhr der Bürgermeister zur Brücke.", "Fuhr", TQC_SEV_WARNING);
    CAP_SILENT("de", "Das Thema Wohnen der Zukunft wird diskutiert.");
    CAP_SILENT("de", "Mit dem Bürgermeister Lang sprach er lange.");
}
END_TEST

/* issue 12 (session 11): a German adjective made of a place's name (`-er`, profile
 * `place-adjective-endings`) is capitalised; a common word of the same spelling is not. */
START_TEST(test_issue_12_capitalization_place_adjective)
{
    CAP_FINDS("de", "Die linzer Polizei hat den Verdächtigen am Montag festgenommen.", "linzer",
              TQC_SEV_WARNING);
    CAP_SILENT("de", "Die Linzer Polizei hat den Verdächtigen am Montag festgenommen.");
    CAP_SILENT("de", "Die leider Gottes verlorene Zeit kommt nicht wieder.");
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
    tcase_add_test(tc, test_issue_12_capitalization_common_word_by_lexicon);
    tcase_add_test(tc, test_issue_12_capitalization_repeated_auxiliary);
    tcase_add_test(tc, test_issue_12_capitalization_lower_case_after_quote);
    tcase_add_test(tc, test_issue_12_capitalization_lower_case_after_question);
    tcase_add_test(tc, test_issue_12_capitalization_months_days_nationalities);
    tcase_add_test(tc, test_issue_12_capitalization_lower_case_single_name);
    tcase_add_test(tc, test_issue_12_capitalization_broken_or_lower_start);
    tcase_add_test(tc, test_issue_12_capitalization_noun_by_dictionary);
    tcase_add_test(tc, test_issue_12_capitalization_repeated_function_word);
    tcase_add_test(tc, test_issue_13_case_change_is_never_safe);
    tcase_add_test(tc, test_issue_18_title_case_paragraph_is_linear);
    tcase_add_test(tc, test_issue_17_capitalization_title_cased_lists_and_hosts);
    tcase_add_test(tc, test_issue_12_capitalization_loan_word_names);
    tcase_add_test(tc, test_issue_12_capitalization_plural_article_and_participle);
    tcase_add_test(tc, test_issue_12_capitalization_name_in_document);
    tcase_add_test(tc, test_issue_17_capitalization_units_paths_and_own_terms);
    tcase_add_test(tc, test_issue_12_capitalization_institution_adjectives);
    tcase_add_test(tc, test_issue_12_capitalization_german_grammar);
    tcase_add_test(tc, test_issue_12_capitalization_loan_language_names);
    tcase_add_test(tc, test_issue_12_capitalization_before_an_aside);
    tcase_add_test(tc, test_issue_12_capitalization_numerals_and_gerunds);
    tcase_add_test(tc, test_issue_12_capitalization_determiner_and_coordinated_adjective);
    tcase_add_test(tc, test_issue_12_capitalization_verb_after_pronoun);
    tcase_add_test(tc, test_issue_12_capitalization_determined_noun);
    tcase_add_test(tc, test_issue_12_capitalization_german_verb_second);
    tcase_add_test(tc, test_issue_12_capitalization_name_before_full_stop);
    tcase_add_test(tc, test_issue_12_capitalization_lexicon_name_after_determiner);
    tcase_add_test(tc, test_issue_12_capitalization_verb_before_its_complement);
    tcase_add_test(tc, test_issue_12_capitalization_lower_case_paragraph_start);
    tcase_add_test(tc, test_issue_12_capitalization_name_heads);
    tcase_add_test(tc, test_issue_12_capitalization_demonyms_and_seasons);
    tcase_add_test(tc, test_issue_12_capitalization_german_verb_after_opening_phrase);
    tcase_add_test(tc, test_issue_12_capitalization_place_adjective);
    tcase_add_test(tc, test_issue_12_capitalization_name_in_run_or_after_elision);
    tcase_add_test(tc, test_issue_12_capitalization_lower_name_weighed);
    tcase_add_test(tc, test_issue_12_capitalization_german_noun_neighbours);
    tcase_add_test(tc, test_issue_12_capitalization_finite_verb_after_opener_or_comma);
    tcase_add_test(tc, test_issue_12_capitalization_noun_with_lower_complement);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return s;
}
