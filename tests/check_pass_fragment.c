/* Tests of the fragment pass: verbless pieces split off the sentence before them, in every
 * language, and the legitimate verbless sentences, quotations, titles, credits, lists and
 * abbreviations it must leave alone. All sentences are written for these tests. */
#include <stdio.h>

#include "pass/pass.h"
#include "tqc_test.h"

#define RULE "fragment"

static size_t hits(const char *text, char *first, size_t cap)
{
    return tqc_test_findings(text, RULE, first, cap);
}

START_TEST(test_issue_3_fragment_names_split_off)
{
    char first[64];
    ck_assert_uint_eq(hits("The engineers were linked to the national space program. North "
                           "Korean.", first, sizeof first), 1);
    ck_assert_str_eq(first, "North Korean.");
    /* A name alone, inside the paragraph. */
    ck_assert_uint_eq(hits("Flights were suspended at the international airport. Marrowdale. "
                           "The airline hopes to resume on Monday.", first, sizeof first), 1);
    ck_assert_str_eq(first, "Marrowdale.");
    ck_assert_uint_eq(hits("Several suppliers have warned of stoppages across the sector. "
                           "Pharmaceutical.", first, sizeof first), 1);
    ck_assert_str_eq(first, "Pharmaceutical.");
}
END_TEST

START_TEST(test_issue_12_fragment_english)
{
    FINDS("en", "The port was closed by the storm on Monday and again on Thursday. Twice in "
          "one week.", RULE, "Twice in one week.");
    FINDS("en", "The council approved the new budget after a debate of nine hours. A decision "
          "of historic weight.", RULE, "A decision of historic weight.");
    FINDS("en", "Unemployment rose again in the spring, the agency said. Mainly in the coastal "
          "towns.", RULE, "Mainly in the coastal towns.");
    FINDS("en", "The three firms earned about 40 billion euros in sales last year. According "
          "to the Ministry.", RULE, "According to the Ministry.");
    FINDS("en", "The trial was led by a doctor from the northern province. Of the Research Unit "
          "of Tamberlo.", RULE, "Of the Research Unit of Tamberlo.");
    /* The twin with its verb is a sentence. */
    SILENT("en", "The port was closed by the storm on Monday and again on Thursday. It closed "
           "twice in one week.", RULE);
    SILENT("en", "The council approved the new budget after a debate of nine hours. The "
           "decision carries historic weight.", RULE);
}
END_TEST

/* Verbless pieces in a row are the writer's manner, not one wrong stop: the first is a
 * hint (info), in every language; one between two clauses stays a warning (above), and
 * so do pieces apart in one paragraph, which look like cuts. */
START_TEST(test_issue_12_fragment_runs_are_manner)
{
    const char *runs[][2] = {
        {"en", "The ferry left the harbour an hour late. A grey morning. Twenty minutes of "
               "silence on the deck."},
        {"de", "Die Fähre verließ den Hafen mit einer Stunde Verspätung. Ein grauer Morgen. "
               "Zwanzig Minuten der Stille an Deck."},
        {"es", "El transbordador salió del puerto con una hora de retraso. Una mañana gris. "
               "Lluvia sobre la cubierta."},
        {"fr", "Le bateau a quitté le port avec une heure de retard. Un matin gris. Vingt "
               "minutes de silence sur le pont."},
    };
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        SILENT(runs[i][0], runs[i][1], RULE);
        tqc_test_hit h;
        tqc_test_first_in(runs[i][0], runs[i][1], RULE, &h);
        ck_assert_uint_eq(h.count, 1);
        ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    }
    ck_assert_uint_eq(hits("The ferry left the harbour an hour late. A grey morning. The "
                           "captain said nothing. Twenty minutes of silence on the deck.",
                           NULL, 0), 2);
}
END_TEST

START_TEST(test_issue_12_fragment_other_languages)
{
    FINDS("de", "Die Arbeitslosigkeit ist im vergangenen Jahr deutlich gestiegen. Vor allem im "
          "Norden des Landes.", RULE, "Vor allem im Norden des Landes.");
    SILENT("de", "Die Arbeitslosigkeit ist im vergangenen Jahr deutlich gestiegen. Vor allem im "
           "Norden des Landes stieg sie.", RULE);
    FINDS("fr", "Trois attentats ont frappé le pays la semaine dernière. Dont deux dans la "
          "capitale.", RULE, "Dont deux dans la capitale.");
    SILENT("fr", "Trois attentats ont frappé le pays la semaine dernière. Deux ont eu lieu dans "
           "la capitale.", RULE);
    FINDS("es", "Los precios de la vivienda volvieron a subir el mes pasado. Una subida de casi "
          "el 15%.", RULE, "Una subida de casi el 15%.");
    SILENT("es", "Los precios de la vivienda volvieron a subir el mes pasado. La subida fue de "
           "casi el 15%.", RULE);
    FINDS("pt", "O governo anunciou ontem um novo pacote de medidas económicas. Sobretudo para "
          "as pequenas empresas.", RULE, "Sobretudo para as pequenas empresas.");
    SILENT("pt", "O governo anunciou ontem um novo pacote de medidas económicas. Destina-se "
           "sobretudo às pequenas empresas.", RULE);
    FINDS("it", "Il governo ha approvato ieri una nuova legge sul lavoro. Soprattutto per i "
          "giovani del Sud.", RULE, "Soprattutto per i giovani del Sud.");
    SILENT("it", "Il governo ha approvato ieri una nuova legge sul lavoro. Riguarda soprattutto "
           "i giovani del Sud.", RULE);
}
END_TEST

/* issue 12: a form that may be a verb read in its context: a noun governed by a
 * preposition is no subject (`a vantaggio di`: `di` is the preposition), a noun after an
 * infinitive is its object, an indefinite article no clitic pronoun (`um programa`), an
 * auxiliary that is also an adverb after a preposition is the adverb (`de fora`). The
 * verbs of the sentences beside them still count. */
START_TEST(test_issue_12_fragment_verb_readings_in_context)
{
    FINDS("it", "Il responsabile del progetto può scrivere una correzione. A vantaggio di "
          "tutti gli utenti.", RULE, "A vantaggio di tutti gli utenti.");
    FINDS("it", "Il sistema dipende soprattutto dal proprio processore. Solitamente "
          "incompatibile con gli altri tipi di processore.", RULE,
          "Solitamente incompatibile con gli altri tipi di processore.");
    FINDS("it", "Il sistema usa sempre dischi di dimensioni identiche. Per evitare di sprecare "
          "risorse.", RULE, "Per evitare di sprecare risorse.");
    FINDS("pt", "Os arquivos em questão são geralmente arquivos de texto. Como o código de um "
          "programa fonte.", RULE, "Como o código de um programa fonte.");
    FINDS("pt", "As equipas de desenvolvimento são bastante abertas. Mesmo para os "
          "contribuintes de fora.", RULE, "Mesmo para os contribuintes de fora.");
    FINDS("es", "El ministro presentó ayer un plan nuevo. Sobre todo para una empresa de "
          "transporte.", RULE, "Sobre todo para una empresa de transporte.");
    /* With their verbs they are sentences: a subject before the form, a clitic. */
    SILENT("it", "Il responsabile del progetto può scrivere una correzione. Il vantaggio è di "
           "tutti gli utenti.", RULE);
    SILENT("pt", "O ministro falou ontem com os jornalistas. Depois partiu para Lisboa de "
           "comboio.", RULE);
    SILENT("es", "El ministro habló ayer con los periodistas. La vende a un precio bajo.", RULE);
    SILENT("fr", "Les périphériques apparaissent sur le bus. Ce n'est plus possible.", RULE);
}
END_TEST

/* issue 12: a German relative clause split off its noun ends on its verb; the pronoun
 * is told from the article by what follows it. Main clauses after a demonstrative, with a
 * noun after the article, or with an extended attribute stay quiet. */
START_TEST(test_issue_12_fragment_german_relative_clauses)
{
    FINDS("de", "Die Zeichen werden mit einer kurzen Sequenz codiert. Die implizit die Länge "
          "des Zeichens festlegt.", RULE, "Die implizit die Länge des Zeichens festlegt.");
    FINDS("de", "Man muss zuerst den Schlüssel der Quelle besorgen. Der meist in Form einer "
          "kleinen Datei bereitgestellt wird.", RULE,
          "Der meist in Form einer kleinen Datei bereitgestellt wird.");
    FINDS("de", "Die Nutzer müssen zwischen zwei Paketen wählen. Die ansonsten gleichwertig "
          "erscheinen.", RULE, "Die ansonsten gleichwertig erscheinen.");
    SILENT("de", "Die Firma hat im letzten Jahr viel verdient. Das im Jahr 2000 gegründete "
           "Unternehmen wächst.", RULE);
    SILENT("de", "Die Firma hat im letzten Jahr viel verdient. Die sind gut.", RULE);
    SILENT("de", "Die Firma hat im letzten Jahr viel verdient. Die neue Regierung regiert.",
           RULE);
    SILENT("de", "Die Firma hat im letzten Jahr viel verdient. Die Kinder spielen draußen.",
           RULE);
}
END_TEST

START_TEST(test_issue_12_fragment_subordinate_clauses)
{
    FINDS("en", "The bill was signed by the governor on Friday. Who had opposed it for years.",
          RULE, "Who had opposed it for years.");
    FINDS("en", "The road to the north was closed for a whole week. Because the bridge had "
          "collapsed.", RULE, "Because the bridge had collapsed.");
    /* Its main clause follows the comma; a question ends with a question mark. */
    SILENT("en", "The road to the north was closed for a whole week. Because the bridge had "
           "collapsed, traffic went through the town.", RULE);
    SILENT("en", "The bill was signed by the governor on Friday. Who had opposed it?", RULE);
    /* German subordinate clauses end on their verb; a relative pronoun is told from the
     * article by the word after it. */
    FINDS("de", "Die Stadt hat einen neuen Bürgermeister gewählt. Der seit vielen Jahren im "
          "Rat sitzt.", RULE, "Der seit vielen Jahren im Rat sitzt.");
    SILENT("de", "Die Stadt hat einen neuen Bürgermeister gewählt. Der Rat stimmte sofort zu.",
           RULE);
    FINDS("de", "Die Straße nach Norden war eine Woche lang gesperrt. Weil die Brücke "
          "eingestürzt war.", RULE, "Weil die Brücke eingestürzt war.");
    SILENT("de", "Die Straße nach Norden war eine Woche lang gesperrt. Da kam die Nachricht "
           "aus Berlin.", RULE);
    /* An infinitive after its particle is no finite verb. */
    FINDS("de", "Der Minister hat es gestern im Parlament versprochen. Die Steuern im nächsten "
          "Jahr zu senken.", RULE, "Die Steuern im nächsten Jahr zu senken.");
    FINDS("fr", "Le ministre a présenté son plan devant les députés. Qui l'ont rejeté sans "
          "débat.", RULE, "Qui l'ont rejeté sans débat.");
    FINDS("es", "La carretera del norte estuvo cerrada durante una semana. Porque el puente "
          "se había derrumbado.", RULE, "Porque el puente se había derrumbado.");
    /* Before a relative clause the head alone may have been cut off. */
    FINDS("en", "Patrolman Robert Nunes. Who investigated the case, said the thieves came in "
          "at the back.", RULE, "Who investigated the case, said the thieves came in at the "
          "back.");
    /* French puts no object pronoun first in a sentence: `Les` is the article. */
    FINDS("fr", "Il faut lire la documentation avant la mise à jour du système. Les notes de "
          "publication.", RULE, "Les notes de publication.");
    SILENT("fr", "Il faut lire la documentation avant la mise à jour du système. On les note "
           "toujours.", RULE);
}
END_TEST

START_TEST(test_issue_12_fragment_legitimate_verbless_sentences)
{
    static const struct { const char *lang, *text; } ok[] = {
        /* Replies of adverbs, pronouns and interjections: the lexicon tells them. */
        {"en", "Asked whether the strike was over, the union leader answered briefly. Not yet."},
        {"en", "The inspectors searched every room of the old warehouse. Nothing."},
        {"de", "Die Regierung hat den neuen Plan noch nicht vorgestellt. Noch nicht."},
        {"es", "Le preguntaron si pensaba dimitir antes del verano. Todavía no."},
        {"fr", "On lui a demandé s'il comptait démissionner bientôt. Absolument pas."},
        {"it", "Gli hanno chiesto se intendeva dimettersi presto. Non ancora."},
        {"pt", "Perguntaram-lhe se tencionava demitir-se em breve. Ainda não."},
        /* Set phrases of `verbless-sentences`. */
        {"en", "The minister was asked whether he would resign this week. No way."},
        {"en", "The minister said the talks would go on for another week. Of course."},
        {"en", "The winner thanked the crowd and the organisers at length. Thank you."},
        {"de", "Der Trainer lobte seine Mannschaft nach dem Spiel lange. Vielen Dank."},
        {"es", "El presidente agradeció a todos los presentes su apoyo. Muchas gracias."},
        {"fr", "Le président a remercié longuement tous les bénévoles. Merci beaucoup."},
        {"it", "Il sindaco ha ringraziato a lungo tutti i volontari. Grazie mille."},
        {"pt", "O presidente agradeceu longamente a todos os voluntários. Muito obrigado."},
        /* Short sentences with a verb. */
        {"en", "The minister was asked whether the talks had failed. He declined."},
        {"en", "The inspectors tried the doors of the old warehouse twice. Locked. They left."},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        ck_assert_msg(tqc_test_findings_in(ok[i].lang, ok[i].text, RULE, NULL, 0) == 0,
                      "fires on (%s): %s", ok[i].lang, ok[i].text);
}
END_TEST

START_TEST(test_issue_12_fragment_speech_titles_credits_lists)
{
    /* Speech keeps its fragments. */
    SILENT("en", "“The wind was screaming all night long in the village. Nothing. No roof.”", RULE);
    SILENT("en", "\"We held the door shut with a heavy table all night. Kitchen.\"", RULE);
    SILENT("de", "„Wir haben die ganze Nacht auf den Bus gewartet. Kein Bus, kein Fahrer.“", RULE);
    /* A title or dateline paragraph follows no sentence. */
    SILENT("en", "North Korea.\n\nThe launch was reported on Wednesday morning.", RULE);
    /* After a question, a short answer is normal. */
    SILENT("en", "Where did the minister go after the long meeting? Brussels.", RULE);
    /* The sentence before is too short to have been a full clause, or has no verb. */
    SILENT("en", "It rained. London.", RULE);
    SILENT("en", "A long and cold winter in the northern valleys of the country. London.", RULE);
    /* Credits, list items, abbreviations. */
    SILENT("en", "The minister arrives at the summit in the capital on Monday. Photo: Reuters.",
           RULE);
    SILENT("fr", "Le ministre arrive au sommet dans la capitale lundi matin. Photo AFP.", RULE);
    SILENT("en", "- The council approved the new budget on Monday evening. Twice in one week.",
           RULE);
    SILENT("en", "See the court record for the details of the case. Cf. Smith.", RULE);
}
END_TEST

/* issue 12, on fresh text: where a word the lexicon lacks stands decides whether it may be
 * the verb. After a preposition that governs it (also past an article or adjectives) or an
 * article that is no object pronoun it is a noun or an adjective, so the piece is verbless
 * (a warning); where a verb may stand it keeps the piece a hint. The nonce words here are
 * in no lexicon. */
static void expect_severity(const char *code, const char *text, tqc_severity severity)
{
    tqc_test_hit h;
    tqc_test_first_in(code, text, RULE, &h);
    ck_assert_msg(h.count == 1 && h.severity == severity, "%s: %zu finding(s), severity %d: %s",
                  code, h.count, (int)h.severity, text);
}

START_TEST(test_issue_12_fragment_unknown_word_where_no_verb_stands)
{
    const char *governed[][2] = {
        {"en", "The road was closed for three days after the storm. Mainly for trucks with "
               "glorbine."},
        {"de", "Die Straße war nach dem Sturm drei Tage lang gesperrt. Vor allem für "
               "Lastwagen mit glorbinen Ladungen."},
        {"es", "La carretera estuvo cerrada tres días después de la tormenta. Sobre todo para "
               "los camiones con carga de glorbina."},
        {"fr", "La route est restée fermée trois jours après la tempête. Surtout pour les "
               "camions chargés de glorbine."},
        {"it", "La strada è rimasta chiusa per tre giorni dopo la tempesta. Soprattutto per i "
               "camion con carichi di glorbina."},
        {"pt", "A estrada ficou fechada durante três dias depois da tempestade. Sobretudo para "
               "os camiões com cargas de glorbina."},
        /* after an article that is no object pronoun */
        {"es", "La carretera estuvo cerrada tres días después de la tormenta. Una glorbina "
               "más larga que la anterior."},
        {"it", "La strada è rimasta chiusa per tre giorni dopo la tempesta. Una glorbina più "
               "lunga della precedente."},
    };
    for (size_t i = 0; i < sizeof governed / sizeof governed[0]; i++)
        expect_severity(governed[i][0], governed[i][1], TQC_SEV_WARNING);
    /* Where a verb may stand, the word the lexicon lacks may be it: a hint. */
    const char *open[][2] = {
        {"en", "The road was closed for three days after the storm. The trucks glorbed."},
        {"es", "La carretera estuvo cerrada tres días después de la tormenta. Los camiones "
               "glorbaron."},
        {"fr", "La route est restée fermée trois jours après la tempête. Les camions en "
               "glorbent."},
        {"it", "La strada è rimasta chiusa per tre giorni dopo la tempesta. I camion la "
               "glorbano."},
        {"pt", "A estrada ficou fechada durante três dias depois da tempestade. Os camiões "
               "já glorbam."},
        {"de", "Die Straße war nach dem Sturm drei Tage lang gesperrt. Die Lastwagen "
               "glorbten."},
    };
    for (size_t i = 0; i < sizeof open / sizeof open[0]; i++)
        expect_severity(open[i][0], open[i][1], TQC_SEV_INFO);
}
END_TEST

/* A sentence opening with a word the lexicon lacks but the dictionary knows in lower
 * case, before a capitalised word that is no verb, opens a name where only names are
 * capitalised: a name piece (a warning). German capitalises its nouns: there the first
 * word may still be the verb. */
START_TEST(test_issue_12_fragment_name_opened_by_an_unknown_word)
{
    FINDS("es", "La asamblea aprobó el presupuesto anual por amplia mayoría. Toneleros "
          "Montiel.", RULE, "Toneleros Montiel.");
    FINDS("pt", "A assembleia aprovou o orçamento anual por larga maioria. Moleiros "
          "Pinto.", RULE, "Moleiros Pinto.");
    FINDS("it", "L'assemblea ha approvato il bilancio annuale a larga maggioranza. Carradori "
          "Ferri.", RULE, "Carradori Ferri.");
    FINDS("en", "The assembly approved the annual budget by a wide margin. Wheelwrights "
          "Morton.", RULE, "Wheelwrights Morton.");
    /* before a lower-case word it may be the verb */
    expect_severity("es", "La asamblea aprobó el presupuesto anual por amplia mayoría. "
                    "Toneleros de la sierra.", TQC_SEV_INFO);
}
END_TEST

/* An article opening the sentence that is also an object pronoun, before a form that is a
 * noun or a verb, is the pronoun when a name follows the form, its subject (`Lo denuncia
 * Carla Neri.`): the sentence is complete, and a piece after it is a fragment. Before a
 * preposition the article's noun phrase goes on (`La denuncia del sindaco.`). */
START_TEST(test_issue_12_fragment_clitic_verb_before_a_name)
{
    FINDS("it", "Il raccolto di quest'anno è scarso. Lo denuncia Carla Neri. Direttrice "
          "della cantina sociale dal 2019.", RULE, "Direttrice della cantina sociale dal 2019.");
    FINDS("es", "La cosecha de este año es escasa. Lo cuenta Marta Ibáñez. Directora de la "
          "cooperativa desde 2019.", RULE, "Directora de la cooperativa desde 2019.");
    FINDS("it", "Il raccolto di quest'anno è scarso. La denuncia del sindaco.", RULE,
          "La denuncia del sindaco.");
}
END_TEST

START_TEST(test_issue_12_fragment_unknown_words_keep_it_at_info)
{
    /* `frimbled` may be the verb the lexicon lacks: said, but only as info. */
    tqc_test_hit h;
    tqc_test_first("The council met in the old town hall on Monday evening. The mayor "
                   "frimbled.", RULE, &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    tqc_test_first("The port was closed by the storm on Monday and again on Thursday. Twice in "
                   "one week.", RULE, &h);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_ptr_nonnull(strstr(h.message, "no verb; probably the end of the sentence before"));
}
END_TEST

/* Where the sentence before ends (a closing bracket or quotation mark before its full stop,
 * a mixed-case word), where the paragraph opens (a quotation), what ends the fragment (a
 * list's `etc.`), and when a clause has a main clause of its own: in each language. */
START_TEST(test_issue_12_fragment_sentence_ends_and_main_clauses)
{
    /* A closing bracket or quote before the stop ends a complete sentence. */
    FINDS("pt", "O servidor guarda as cópias na pasta antiga (no disco externo). Um arquivo "
          "muito mais recente.", RULE, "Um arquivo muito mais recente.");
    FINDS("fr", "Le menu propose ensuite de choisir la « touche spéciale ». Qui sert à saisir "
          "les accents.", RULE, "Qui sert à saisir les accents.");
    FINDS("de", "Die Firma liefert viele fertige Vorlagen (im Paket enthalten). Die Sie "
          "leicht anpassen können.", RULE, "Die Sie leicht anpassen können.");
    FINDS("fr", "La taille du tampon est fixée par le module d'ARP. Qui sera ainsi réglée "
          "automatiquement.", RULE, "Qui sera ainsi réglée automatiquement.");
    /* A paragraph may open with a quotation and still be prose. */
    FINDS("en", "\"We will appeal,\" said the lawyer for the shipping company. With a new "
          "team of experts.", RULE, "With a new team of experts.");
    SILENT("en", "- The lawyer for the shipping company spoke on Monday. With a new team.", RULE);
    /* A list closed by a lower-case abbreviation; a capitalised one may be cut off. */
    FINDS("es", "El programa gestiona los usuarios, los grupos y los permisos del sistema. Los "
          "discos, las impresoras, etc.", RULE, "Los discos, las impresoras, etc.");
    FINDS("it", "Il pannello mostra i pacchetti installati e quelli da aggiornare. I pacchetti "
          "obsoleti, ecc.", RULE, "I pacchetti obsoleti, ecc.");
    SILENT("en", "The hearing was moved to the courthouse on Main Street. See Dr.", RULE);
    /* A name and a number alone are a reference. */
    SILENT("en", "The preacher read the same passage at every service that winter. Mark 4:35.",
           RULE);
    /* A subordinate clause with its main clause after it, with no comma. */
    FINDS("it", "Il servizio resta attivo anche di notte. Poiché le copie possono essere "
          "lette dalla rete.", RULE, "Poiché le copie possono essere lette dalla rete.");
    SILENT("it", "Il servizio resta attivo anche di notte. Poiché le copie possono essere "
           "lette dalla rete rimangono esposte.", RULE);
    SILENT("es", "El servicio sigue activo durante la noche. Cuando se abre el archivo aparece "
           "una ventana nueva.", RULE);
    /* ... or after a comma, with its own subject; a verb right after the comma has none. */
    SILENT("en", "The envoys met in the old palace on Friday. Where the treaty was signed, "
           "there is now a museum.", RULE);
    SILENT("it", "Il sistema resta attivo di notte. Che sia grande o piccolo, un archivio "
           "può essere copiato.", RULE);
    FINDS("en", "The report was written by the harbour master. Who inspected the ship, said "
          "the crew had left.", RULE, "Who inspected the ship, said the crew had left.");
    SILENT("pt", "O projeto publica uma nova versão a cada dois anos. Quem usa a versão antiga "
           "recebe correções de segurança.", RULE);
    /* A quoted term inside a clause is no speech. */
    FINDS("es", "Los discos antiguos usan el formato de la tabla de 1983. Que solo admite "
          "cuatro particiones «primarias».", RULE, "Que solo admite cuatro particiones "
          "«primarias».");
}
END_TEST

START_TEST(test_issue_12_fragment_german_pronouns_without_nouns)
{
    /* One article more than nouns before the final verb: the first word is a pronoun. */
    FINDS("de", "Eine Nachricht kann nur mit dem privaten Schlüssel gelesen werden. Der den "
          "geheimen Schlüssel kennt.", RULE, "Der den geheimen Schlüssel kennt.");
    FINDS("de", "Die Werkzeuge sind komplexer und bieten viele Funktionen. Die in einem "
          "kleinen Büro nur von geringem Nutzen sind.", RULE, "Die in einem kleinen Büro nur "
          "von geringem Nutzen sind.");
    SILENT("de", "Die Stadt hat einen neuen Hafen gebaut. Das 1990 in Hamburg gegründete "
           "Unternehmen wächst.", RULE);
    /* A genitive relative pronoun before its noun, the verb cluster ending the clause. */
    FINDS("de", "Es ist eine freie Distribution. Deren Entwicklung von keiner Firma "
          "abhängig gemacht worden ist.", RULE, "Deren Entwicklung von keiner Firma abhängig "
          "gemacht worden ist.");
    SILENT("de", "Es ist eine freie Distribution. Deren Zahl steigt jedes Jahr.", RULE);
    /* `wo`, `dass`, `ob` open subordinate clauses; a verb right after `wo` asks. */
    FINDS("de", "Ich war vor zehn Jahren zum ersten Mal in Norwegen. Wo ich meine ersten "
          "Gletscher sah.", RULE, "Wo ich meine ersten Gletscher sah.");
    SILENT("de", "Ich war vor zehn Jahren zum ersten Mal in Norwegen. Wo ich wohnte, war es "
           "kalt.", RULE);
}
END_TEST

/* Issue 12, clean German: a main clause whose subject is an article, adjectives and a
 * noun (or a quantifier and its partitive genitive) puts its finite verb right after it,
 * however the sentence ends; a clause with no such verb, ending on a verb cluster whose
 * last is a finite auxiliary, has its verb last: a subordinate clause. */
START_TEST(test_issue_12_fragment_german_verb_second_and_verb_last)
{
    const char *before = "Die Bahn hat am Montag neue Fahrpläne vorgelegt. ";
    const char *quiet[] = {
        "Diese fast neue Strecke verbindet die Städte, die sonst lange getrennt waren.",
        "Einige der Reisenden sparen Zeit, weil die Züge schneller fahren können.",
        "Die zu erwartenden Kosten steigen, wie der Vorstand einräumen musste.",
        "Diese bestimmt die Preise, die der Kunde bezahlen muss.",
        "Die Preise werden steigen.",
    };
    char text[512], first[128];
    for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++) {
        snprintf(text, sizeof text, "%s%s", before, quiet[i]);
        ck_assert_msg(tqc_test_findings_in("de", text, RULE, first, sizeof first) == 0,
                      "%s: %s", text, first);
    }
    FINDS("de", "Die Bahn hat am Montag neue Fahrpläne vorgelegt. Die keinem Reisenden "
          "gefallen.", RULE, "Die keinem Reisenden gefallen.");
    FINDS("de", "Die Bahn hat am Montag neue Fahrpläne vorgelegt. Die Reisende immer "
          "lesen können.", RULE, "Die Reisende immer lesen können.");
    FINDS("de", "Die Bahn hat eine neue Strecke gebaut. Deren Planung lange gedauert hat.",
          RULE, "Deren Planung lange gedauert hat.");
}
END_TEST

/* Issue 12, German relative clauses with a noun inside: an attributive adjective is
 * inflected and no adverb, so a noun after an adverb or a preposition is not the opening
 * article's, and the clause whose verb ends it has no main clause; an article, inflected
 * adjectives and their noun with the verb after them are a main clause's subject. */
START_TEST(test_issue_12_fragment_german_adverb_before_noun)
{
    FINDS("de", "Die Nutzer diskutieren oft über neue Funktionen. Die häufig Probleme lösen.",
          RULE, "Die häufig Probleme lösen.");
    FINDS("de", "Die Nutzer diskutieren oft über neue Funktionen. Die oft zu Problemen "
          "führen.", RULE, "Die oft zu Problemen führen.");
    SILENT("de", "Die Nutzer diskutieren oft über neue Funktionen. Die häufig genutzten "
           "Programme laufen.", RULE);
    SILENT("de", "Die Nutzer diskutieren oft über neue Funktionen. Die oben genannten Punkte "
           "gelten weiter.", RULE);
    SILENT("de", "Die Nutzer diskutieren oft über neue Funktionen. Die sehr Reichen zahlen "
           "weniger.", RULE);
}
END_TEST

/* Issue 12: a word the encoding pass finds garbled (`Ãˆ`, UTF-8 `È` read as
 * Windows-1252) cannot be read by the lexicon and may be the verb, so the sentence is
 * only a hint; the same sentence without the word is a fragment. */
START_TEST(test_issue_12_fragment_garbled_word_may_be_the_verb)
{
    SILENT("it", "Il fiume ha rotto gli argini in tre punti. Ãˆ una battaglia che continuerà "
           "nelle prossime settimane.", RULE);
    FINDS("it", "Il fiume ha rotto gli argini in tre punti. Una battaglia che continuerà nelle "
          "prossime settimane.", RULE, "Una battaglia che continuerà nelle prossime settimane.");
    SILENT("fr", "Le fleuve a rompu ses digues en trois endroits. Ã‰videmment une bataille "
           "de longue haleine.", RULE);
    FINDS("fr", "Le fleuve a rompu ses digues en trois endroits. Une bataille de longue "
          "haleine.", RULE, "Une bataille de longue haleine.");
}
END_TEST

/* Issue 12: an attribution split off with its source's name quoted is a fragment (a
 * short quotation after a word, with no verb in it, is a name); a quotation holding
 * the predicate, or speech, is not. A preposition opening names and numbers makes them
 * no reference (`Since March 2020.`), in each language. */
START_TEST(test_issue_12_fragment_quoted_names_and_dates)
{
    static const struct {
        const char *code, *before, *piece;
    } found[] = {
        {"en", "The factory closed in the spring of that year.",
         "According to the \"Daily Courier\"."},
        {"en", "The factory closed in the spring of that year.", "Since March 2020."},
        {"es", "La fábrica cerró en la primavera de ese año.",
         "Según el diario «El Heraldo»."},
        {"es", "La fábrica cerró en la primavera de ese año.", "Desde marzo de 2020."},
        {"pt", "A fábrica fechou na primavera daquele ano.", "Segundo o jornal «Correio»."},
        {"fr", "L'usine a fermé au printemps de cette année-là.",
         "Selon le quotidien « Le Courrier »."},
        {"fr", "L'usine a fermé au printemps de cette année-là.", "Depuis mars 2020."},
        {"de", "Die Fabrik wurde im Frühjahr geschlossen.", "Laut der „Abendpost“."},
        {"de", "Die Fabrik wurde im Frühjahr geschlossen.", "Seit März 2020."},
        {"it", "La fabbrica ha chiuso nella primavera di quell'anno.",
         "Secondo il quotidiano «il Corriere»."},
    };
    char text[512];
    for (size_t i = 0; i < sizeof found / sizeof *found; i++) {
        snprintf(text, sizeof text, "%s %s", found[i].before, found[i].piece);
        FINDS(found[i].code, text, RULE, found[i].piece);
    }
    SILENT("fr", "Le paquet a été testé pendant dix jours. Le paquet « reste dans Stable ».",
           RULE);
    SILENT("en", "The minister was asked about the plan. \"Not in my town, not this year.\"",
           RULE);
    SILENT("en", "The verse is quoted in the sermon. Chapter 5.", RULE);
    SILENT("en", "The sentence is clear as it stands. No need to add \"literally\" to it.",
           RULE);
}
END_TEST

/* Issue 12: where a subject comes before its verb (English, French), a form that is both
 * past tense and participle opening the sentence is the participle, so the piece has
 * no verb; the base form may be an imperative, and the participle alone is a reply. */
START_TEST(test_issue_12_fragment_participle_opening)
{
    FINDS("en", "The company employs 300 people in the region. Founded in 1990 by two "
          "engineers.", RULE, "Founded in 1990 by two engineers.");
    FINDS("en", "The minister visited the region on Monday. Accompanied by the governor.", RULE,
          "Accompanied by the governor.");
    SILENT("en", "The company employs 300 people in the region. Founded in 1990, it grew "
           "fast.", RULE);
    SILENT("en", "The company employs 300 people in the region. Put the plan on hold.", RULE);
    SILENT("en", "He checked the door of the shed again. Locked.", RULE);
    FINDS("fr", "La société emploie 300 personnes dans la région. Fondée en 1990 par deux "
          "ingénieurs.", RULE, "Fondée en 1990 par deux ingénieurs.");
    /* German: the present form before a preposition; before its object an imperative. */
    FINDS("de", "Der Minister besuchte am Montag die Region. Begleitet vom Gouverneur.", RULE,
          "Begleitet vom Gouverneur.");
    SILENT("de", "Der Minister besuchte am Montag die Region. Begleitet ihn nach Hause.", RULE);
}
END_TEST

/* Issue 12: an article the lexicon also calls a pronoun is no object pronoun of the
 * profile's `proclitics` (`il porto`: a noun), and a listed preposition before a name is
 * the preposition (`di Napoli`), so these pieces have no verb; a listed pronoun keeps
 * the verb after it. */
START_TEST(test_issue_12_fragment_articles_and_prepositions_before_names)
{
    FINDS("it", "Le navi usano i porti più grandi. Come il porto di Napoli.", RULE,
          "Come il porto di Napoli.");
    FINDS("it", "Le navi usano i porti più grandi. Come la città di Napoli.", RULE,
          "Come la città di Napoli.");
    SILENT("it", "Le navi usano i porti più grandi. Il porto di Napoli cresce ogni anno.",
           RULE);
    SILENT("it", "Il comune ha comprato un vecchio faro. Lo porto io sull'isola domani.",
           RULE);
    FINDS("es", "Los barcos usan los mayores puertos. Como la ciudad de Valencia.", RULE,
          "Como la ciudad de Valencia.");
}
END_TEST

/* Issue 12, clean Italian and Spanish: a verb needs no subject before it there (profile
 * `null-subject`), so a verb right after the comma may be the main clause's, and a form
 * after the object pronoun that opens the clause is its own verb though it is also a
 * noun (`tratti`). The relative clause alone is still a fragment. */
START_TEST(test_issue_12_fragment_null_subject_main_clause_after_comma)
{
    SILENT("it", "La città offre molti servizi ai turisti. Che si tratti di musei o di parchi, "
           "è sempre possibile trovare qualcosa.", RULE);
    FINDS("it", "Il museo ha aperto una nuova sala al piano terra. Che ospita le opere del "
          "Novecento.", RULE, "Che ospita le opere del Novecento.");
    FINDS("en", "The police arrested the man on Friday. Who investigated the case, said "
          "nothing.", RULE, "Who investigated the case, said nothing.");
}
END_TEST

/* Issue 12, clean English: after a word that may be a noun (and an adjective: `family`)
 * and is no object of a preposition, a form that is also a verb is the verb; after an
 * adjective alone it is a noun. A sentence cut after an abbreviation is none. */
START_TEST(test_issue_12_fragment_noun_then_verb)
{
    SILENT("en", "The old farm was sold to a developer last year. Only the Miller family "
           "remains.", RULE);
    FINDS("en", "The old farm was sold to a developer last year. A decision of historic "
          "weight.", RULE, "A decision of historic weight.");
    /* An abbreviation with its period and a comma opens no sentence: the segmenter cut a
     * name before it. */
    SILENT("en", "The hostages were two teachers from Ocala and a nurse from St. Augustine. "
           "Fla., and a pilot from Mobile.", RULE);
}
END_TEST

/* issue 12 (s7): no noun or adjective runs on into an adverb that is nothing else, so a
 * finite reading before one is the verb (French `divergent`, also an adjective); under a
 * preposition the form stays a noun, and the piece a fragment. */
START_TEST(test_issue_12_fragment_verb_before_adverb)
{
    SILENT("fr", "Les deux équipes ont quitté la ville en 2010. Les deux navigateurs "
           "similaires divergent rapidement après la scission.", RULE);
    FINDS("en", "The mayor closed the old bridge last spring. The closure of the bridge "
          "again.", RULE, "The closure of the bridge again.");
    FINDS("fr", "Le conseil a voté le budget après neuf heures de débat. Une décision de "
          "poids historique.", RULE, "Une décision de poids historique.");
}
END_TEST

/* issue 12 (s7): two finite verbs side by side, neither an auxiliary nor non-finite, meet
 * where a subordinate clause ends and its main clause begins; the subordinate clause
 * alone is still reported. */
START_TEST(test_issue_12_fragment_two_finite_verbs_end_a_clause)
{
    SILENT("it", "La configurazione resta nel file principale del sistema. Quando lo si apre "
           "viene mostrata una finestra nuova.", RULE);
    SILENT("es", "La configuración queda en el archivo principal del sistema. Cuando se abre "
           "aparece una ventana nueva.", RULE);
    SILENT("pt", "A configuração fica no arquivo principal do sistema. Quando se abre aparece "
           "uma janela nova.", RULE);
    FINDS("it", "La configurazione resta nel file principale del sistema. Quando lo si apre "
          "con un editor.", RULE, "Quando lo si apre con un editor.");
}
END_TEST

/* issue 12 (s7): a German sentence whose subject carries a relative clause between commas
 * has its main clause's verb after them: no subordinate clause standing alone. */
START_TEST(test_issue_12_fragment_german_relative_inside_subject)
{
    SILENT("de", "Die Entwickler arbeiten seit Jahren an dem neuen System. Einige der Nutzer, "
           "die das Programm täglich verwenden, haben sich beschwert.", RULE);
    FINDS("de", "Die Entwickler arbeiten seit Jahren an dem neuen System. Die es täglich "
          "benötigt.", RULE, "Die es täglich benötigt.");
}
END_TEST

/* issue 12 (s7): where instructions are given with an infinitive (profile
 * `infinitive-instructions`), one opening the sentence, alone or after an adverb, and
 * followed by its object is the sentence's verb; after a preposition it is governed, and
 * the piece a fragment. */
START_TEST(test_issue_12_fragment_infinitive_instructions)
{
    SILENT("it", "La stampante deve essere collegata al computer prima di tutto. Quindi "
           "digitare il nome della stampante.", RULE);
    SILENT("fr", "L'imprimante doit être branchée sur l'ordinateur avant tout. Ensuite saisir "
           "le nom de l'imprimante.", RULE);
    SILENT("es", "La impresora debe estar conectada al ordenador antes de todo. Luego escribir "
           "el nombre de la impresora.", RULE);
    FINDS("it", "La stampante deve essere collegata al computer prima di tutto. Per digitare "
          "il nome della stampante.", RULE, "Per digitare il nome della stampante.");
}
END_TEST

/* issue 12 (s7): a demonstrative opening the sentence, then a noun-or-verb form and a
 * determiner: the form is the verb (a noun phrase does not run on into another
 * determiner); before a preposition it stays a noun, and the piece a fragment. */
START_TEST(test_issue_12_fragment_demonstrative_subject)
{
    SILENT("en", "The plant closed in March after a long strike. This costs the town its "
           "biggest employer.", RULE);
    SILENT("en", "The plant closed in March after a long strike. That leaves the town without "
           "work.", RULE);
    FINDS("en", "The plant closed in March after a long strike. This part of the town.", RULE,
          "This part of the town.");
}
END_TEST

/* Issue 17, real pages: replies of a conjunction and an adverb, adverbs with a participle
 * and items of a list split by semicolons are no fragments; a subject pronoun or an adverb
 * before a form that is also a noun leaves it a verb. A piece split off still is one. */
START_TEST(test_issue_17_fragment_replies_comments_lists)
{
    char first[64];
    const char *before = "The rain fell all night on the hills. ";
    const char *quiet[] = {"But no.", "Roughly speaking.", "First, the river; second, the road.",
                           "I felt water rising to my knees.", "So just stop it."};
    char text[256];
    for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++) {
        snprintf(text, sizeof text, "%s%s", before, quiet[i]);
        ck_assert_msg(hits(text, first, sizeof first) == 0, "%s", text);
    }
    snprintf(text, sizeof text, "%s%s", before, "North Korean.");
    ck_assert_uint_eq(hits(text, first, sizeof first), 1);
}
END_TEST

/* Issue 12, the kinds the definition names, in each language: a number phrase (digits
 * or a numeral, `Almost two thirds of ...`), a piece of a name with the rest of its
 * sentence (`Daniel. Moreno, after ...`), an appositive noun phrase whose adjective has
 * verb readings (`with long experience`), a trailing phrase after a preposition and an
 * article that is also a pronoun (`de la rencontre`), a German `Was` clause. The same
 * pieces with their verb stay quiet. */
START_TEST(test_issue_12_fragment_kinds_in_six_languages)
{
    FINDS("en", "The council counted the votes of the residents on Friday. Almost two thirds "
          "of them against the plan.", RULE, "Almost two thirds of them against the plan.");
    FINDS("en", "The farm was settled by his grandfather in the valley. 27 miles southwest of "
          "here.", RULE, "27 miles southwest of here.");
    FINDS("en", "The disease kills many people a year. Five times the deaths from road "
          "accidents.", RULE, "Five times the deaths from road accidents.");
    FINDS("en", "The company hired a new director for its European operations last month. A "
          "former banker with long experience in Asia.", RULE,
          "A former banker with long experience in Asia.");
    FINDS("en", "The award went to the young striker Daniel. Moreno, after a vote of the "
          "coaches.", RULE, "Moreno, after a vote of the coaches.");
    SILENT("en", "The council counted the votes of the residents on Friday. Almost two thirds "
           "voted against the plan.", RULE);
    /* A noun phrase whose only verb is its relative clause's; a second verb is the main
     * clause's. */
    FINDS("en", "The council counted the votes on Friday. Almost two thirds of those who voted.",
          RULE, "Almost two thirds of those who voted.");
    FINDS("es", "La tormenta destruyó decenas de casas. Casi dos tercios de los que votaron.",
          RULE, "Casi dos tercios de los que votaron.");
    FINDS("fr", "La tempête a détruit des dizaines de maisons. Près des deux tiers de ceux qui "
          "ont voté.", RULE, "Près des deux tiers de ceux qui ont voté.");
    SILENT("en", "The council counted the votes on Friday. The man who counted them left early.",
           RULE);
    SILENT("fr", "La tempête a détruit des dizaines de maisons. Le maire, qui était absent, est "
           "rentré hier.", RULE);
    SILENT("it", "Il disco funziona ancora bene. Notare che un solo computer può avere diversi "
           "dischi.", RULE);
    SILENT("en", "The company hired a new director last month. Long experience matters in "
           "Asia.", RULE);
    SILENT("en", "The award went to the young striker Daniel. Moreno won it after a vote of "
           "the coaches.", RULE);
    FINDS("pt", "A câmara contou os votos dos moradores na sexta-feira à noite. Quase dois "
          "terços deles contra o plano.", RULE, "Quase dois terços deles contra o plano.");
    SILENT("pt", "A câmara contou os votos dos moradores na sexta-feira à noite. Quase dois "
           "terços votaram contra o plano.", RULE);
    FINDS("es", "Las lluvias afectaron a varias regiones del país. Una subida de casi el 15%.",
          RULE, "Una subida de casi el 15%.");
    FINDS("es", "El ayuntamiento contó los votos de los vecinos el viernes por la tarde. Casi "
          "dos tercios de ellos en contra del plan.", RULE,
          "Casi dos tercios de ellos en contra del plan.");
    SILENT("es", "Las lluvias afectaron a varias regiones del país. Los precios subieron un "
           "15% respecto al año anterior.", RULE);
    SILENT("es", "El tren llegó tarde a la estación. El tren para en Madrid.", RULE);
    FINDS("fr", "L'entraîneur a félicité l'équipe après le match de dimanche. Surtout en "
          "seconde période de la rencontre.", RULE,
          "Surtout en seconde période de la rencontre.");
    FINDS("fr", "Le conseil a compté les voix des habitants vendredi soir. Près de deux tiers "
          "dans le centre de la ville.", RULE, "Près de deux tiers dans le centre de la ville.");
    SILENT("fr", "L'entraîneur a félicité l'équipe après le match. Surtout, il la rencontre "
           "souvent.", RULE);
    SILENT("fr", "Le conseil a compté les voix des habitants vendredi soir. Près de deux tiers "
           "ont voté contre le projet.", RULE);
    FINDS("de", "Der Sturm zerstörte dutzende Häuser an der Küste. Was viele Familien in "
          "große Not brachte.", RULE, "Was viele Familien in große Not brachte.");
    FINDS("de", "Der Rat zählte am Freitagabend die Stimmen der Bewohner. Fast zwei Drittel "
          "davon gegen den Plan.", RULE, "Fast zwei Drittel davon gegen den Plan.");
    SILENT("de", "Der Sturm zerstörte dutzende Häuser an der Küste. Was er sagte, war falsch.",
           RULE);
    /* A preposition and a pronoun open a relative clause when its verb ends it. */
    FINDS("de", "Der Sturm zerstörte dutzende Häuser an der Küste. Von denen viele noch leer "
          "stehen.", RULE, "Von denen viele noch leer stehen.");
    SILENT("de", "Der Sturm zerstörte dutzende Häuser an der Küste. Von denen habe ich nichts "
           "gehört.", RULE);
    SILENT("de", "Der Rat zählte am Freitagabend die Stimmen der Bewohner. Fast zwei Drittel "
           "stimmten gegen den Plan.", RULE);
    FINDS("it", "Il consiglio ha contato i voti dei residenti venerdì sera. Quasi due terzi "
          "nelle zone del centro.", RULE, "Quasi due terzi nelle zone del centro.");
    FINDS("it", "Il premio è andato al giovane attaccante Daniele. Moreno, dopo un voto degli "
          "allenatori.", RULE, "Moreno, dopo un voto degli allenatori.");
    SILENT("it", "Il consiglio ha contato i voti dei residenti venerdì sera. Quasi due terzi "
           "hanno votato contro il piano.", RULE);
}
END_TEST

START_TEST(test_issue_12_fragment_relative_after_any_word)
{
    /* A relative pronoun opens no sentence, so a stop after a short word or a host name
     * ends one; an abbreviation of the language's lists does not. */
    FINDS("en", "The search found a single program that fits, mpv. Which meets all three "
          "needs.", RULE, "Which meets all three needs.");
    FINDS("es", "La búsqueda devolvió un solo programa, mpv. Que cumple los tres requisitos.",
          RULE, "Que cumple los tres requisitos.");
    FINDS("pt", "O caso mais conhecido foi o do portal exemplo.org. Que exigia um navegador "
          "antigo.", RULE, "Que exigia um navegador antigo.");
    FINDS("fr", "Le résultat ne contient qu'un seul logiciel, mpv. Qui répond aux trois "
          "critères.", RULE, "Qui répond aux trois critères.");
    FINDS("it", "La ricerca restituisce un solo programma, mpv. Che soddisfa i tre criteri.",
          RULE, "Che soddisfa i tre criteri.");
    FINDS("de", "Die Suche ergab nur ein einziges Werkzeug, mpv. Von denen viele noch leer "
          "stehen.", RULE, "Von denen viele noch leer stehen.");
    SILENT("en", "The contract went to the builders Hart and Co. Which pleased the mayor.",
           RULE);
    SILENT("fr", "Le paquet contient des outils, des pilotes, etc. Qui répond aux trois "
           "critères.", RULE);
}
END_TEST

START_TEST(test_issue_12_fragment_dash_led_paragraph)
{
    /* A dash against the first word leads a news column's item, which is prose; a
     * bullet stands apart from its item, and a dialogue line is speech. */
    FINDS("en", "--The mayor opened the new bridge over the river on Monday. A gift of the "
          "northern towns.", RULE, "A gift of the northern towns.");
    SILENT("en", "- The mayor opened the new bridge over the river on Monday. A gift of the "
           "northern towns.", RULE);
    SILENT("es", "\u2014El alcalde abrió el nuevo puente sobre el río el lunes. Un regalo de "
           "los pueblos del norte.", RULE);
    FINDS("es", "El alcalde abrió el nuevo puente sobre el río el lunes. Un regalo de los "
          "pueblos del norte.", RULE, "Un regalo de los pueblos del norte.");
}
END_TEST

START_TEST(test_issue_12_fragment_closed_class_homographs)
{
    /* A preposition or article of the language's lists before an article, determiner
     * or number is no verb, whatever homograph the lexicon adds (`di`: dire's
     * imperative; `entre`: entrer, entrar; `einen`: to unite). */
    FINDS("it", "Il consiglio ha approvato il bilancio dopo nove ore. Una decisione di un "
          "peso storico.", RULE, "Una decisione di un peso storico.");
    FINDS("fr", "Le conseil a approuvé le budget après neuf heures. Une décision entre les "
          "deux camps.", RULE, "Une décision entre les deux camps.");
    FINDS("es", "El equipo ganó el partido del domingo por la tarde. Una diferencia entre los "
          "dos equipos.", RULE, "Una diferencia entre los dos equipos.");
    FINDS("pt", "A equipe venceu o jogo de domingo à tarde. Uma diferença entre os dois "
          "times.", RULE, "Uma diferença entre os dois times.");
    FINDS("en", "The storm destroyed dozens of homes on the island. Several houses near the "
          "old harbour.", RULE, "Several houses near the old harbour.");
    FINDS("de", "Die Nachrichten werden nach Ordnern sortiert angezeigt. Die einen bestimmten "
          "Satz von Regeln erfüllen.", RULE,
          "Die einen bestimmten Satz von Regeln erfüllen.");
    /* The verb reading before a preposition; a word no list holds keeps its verb. */
    SILENT("fr", "Le conseil a approuvé le budget après neuf heures. Le ministre entre dans "
           "la salle.", RULE);
    SILENT("en", "The storm destroyed dozens of homes on the island. Children like the new "
           "park.", RULE);
    /* An article and a pronoun with the verb after them are a subject; a verb after the
     * comma is the fronted clause's main clause. */
    SILENT("de", "Die Nachrichten werden nach Ordnern sortiert angezeigt. Die einen kommen, "
           "die anderen gehen.", RULE);
    SILENT("de", "Die Nachrichten werden nach Ordnern sortiert angezeigt. Die einen Satz von "
           "Regeln erfüllen, werden gezeigt.", RULE);
}
END_TEST

START_TEST(test_issue_12_fragment_possessive_clitic)
{
    /* A clitic after a noun or a name before a noun phrase is a possessive, no verb. */
    FINDS("en", "The governor appointed his assistant to the post on Monday. As Norland's "
          "Secretary of State.", RULE, "As Norland's Secretary of State.");
    FINDS("en", "The governor appointed his assistant to the post on Monday. The state's new "
          "secretary.", RULE, "The state's new secretary.");
    /* ... and the verb before a determiner, a participle, or ending the sentence. */
    SILENT("en", "The governor appointed his assistant to the post on Monday. The plan's a "
           "failure.", RULE);
    SILENT("en", "The governor appointed his assistant to the post on Monday. The state's been "
           "hit hard.", RULE);
    SILENT("en", "The governor appointed his assistant to the post on Monday. The door's open.",
           RULE);
    SILENT("en", "The governor appointed his assistant to the post on Monday. He's the new "
           "secretary.", RULE);
    SILENT("fr", "Le conseil a approuvé le budget après neuf heures. C'est possible assez "
           "facilement.", RULE);
}
END_TEST

START_TEST(test_issue_12_fragment_coordinated_adjectives)
{
    /* An adjective after a comma and an adjective, before a noun, is no verb. */
    FINDS("en", "The office moved the tour to the end of the month. A nice, long booking for "
          "the whole season.", RULE, "A nice, long booking for the whole season.");
    FINDS("fr", "Le bureau a déplacé la tournée à la fin du mois. Une belle, longue tournée "
          "pour toute la saison.", RULE, "Une belle, longue tournée pour toute la saison.");
    SILENT("en", "The office moved the tour to the end of the month. The crowds, long kept "
           "away, returned.", RULE);
}
END_TEST

START_TEST(test_issue_12_fragment_short_sentence_before)
{
    /* A stop after a bracket closing on an abbreviation ends the sentence before. */
    FINDS("it", "Un collegamento può puntare a qualsiasi file speciale (socket, pipe, ecc.). "
          "Anche ad altri collegamenti simbolici.", RULE,
          "Anche ad altri collegamenti simbolici.");
    FINDS("en", "The kit holds many parts (screws, nuts, bolts, etc.). Mainly for the older "
          "models.", RULE, "Mainly for the older models.");
    /* A subject and the finite verb ending it are a sentence of two words. */
    FINDS("es", "Las versiones estables tardan en salir. Esto contribuye. En general, a su "
          "buena fama.", RULE, "En general, a su buena fama.");
    FINDS("pt", "As versões estáveis demoram a sair. Isto contribui. Sobretudo, para sua boa "
          "fama.", RULE, "Sobretudo, para sua boa fama.");
    SILENT("en", "The minister was asked whether the talks had failed. He declined. Not yet.",
           RULE);
    /* ... before a piece of three words or more: one word after it may be a dateline. */
    SILENT("en", "The minister was asked whether the talks had failed. He declined. Geneva.",
           RULE);
}
END_TEST

/* A list closed by `etc.` before a capitalised common word ends there: the list is the
 * fragment, not glued to the sentence after it; a name after it keeps the two together. */
START_TEST(test_issue_12_fragment_list_closed_by_etc)
{
    FINDS("fr", "Il a tout vendu au marché. Du pain, des fruits, des légumes, etc. "
          "Malheureusement, il ne reste rien.", RULE, "Du pain, des fruits, des légumes, etc.");
    FINDS("en", "He sold everything at the market. Bread, fruit, vegetables, etc. "
          "Unfortunately, nothing is left.", RULE, "Bread, fruit, vegetables, etc.");
    FINDS("es", "Lo vendió todo en el mercado. Pan, fruta, verdura, etc. Lamentablemente, "
          "no queda nada.", RULE, "Pan, fruta, verdura, etc.");
    SILENT("en", "He sold everything at the market: bread, fruit, vegetables, etc. "
           "Unfortunately, nothing is left.", RULE);
}
END_TEST

/* Homographs read by grammar: a fixed preposition of two words (`rules/<lang>/
 * fixed-prepositions`), an article opening the sentence before a noun-or-verb form, a
 * German inflected adjective the lexicon lacks after an article, and a numeral heading
 * its noun phrase before a verb and its object. */
START_TEST(test_issue_12_fragment_homographs_by_grammar)
{
    FINDS("es", "El gobierno aprobó la ley ayer. Pese a las protestas de la oposición.", RULE,
          "Pese a las protestas de la oposición.");
    SILENT("es", "El gobierno aprobó la ley ayer. Pese a todo, la oposición protestó.", RULE);
    SILENT("es", "El saco vacío casi no pesa nada. Usted lo pese a mano en la báscula.", RULE);
    FINDS("pt", "O governo aprovou a lei ontem. Apesar dos protestos da oposição.", RULE,
          "Apesar dos protestos da oposição.");
    SILENT("pt", "O governo aprovou a lei ontem. Apesar dos protestos, a oposição votou.",
           RULE);
    FINDS("it", "Il governo ha approvato la legge ieri. La prima in dieci anni.", RULE,
          "La prima in dieci anni.");
    SILENT("it", "Il mercante ha comprato la stoffa ieri. La vende a un prezzo basso.", RULE);
    FINDS("de", "Der Index stieg am Montag deutlich. Der höchste Stand seit dem Jahr 2019.",
          RULE, "Der höchste Stand seit dem Jahr 2019.");
    SILENT("de", "Der Index stieg am Montag deutlich. Die Händler kaufen wieder Aktien.",
           RULE);
    SILENT("en", "The families moved to the city last year. The three pay $251 a month in "
           "rent.", RULE);
    SILENT("de", "Die Familien zogen letztes Jahr in die Stadt. Die drei zahlen 251 Euro im "
           "Monat.", RULE);
    FINDS("en", "The families moved to the city last year. Five times the deaths of the year "
          "before.", RULE, "Five times the deaths of the year before.");
}
END_TEST

/* A quotation that lost its closing mark ends at its attribution (a comma and a verb of
 * `rules/<lang>/speech-verbs`): the piece after it is the writer's, and found; a
 * quotation the attribution interrupts, closed later in the paragraph, is still speech. */
START_TEST(test_issue_12_fragment_after_an_unclosed_quotation)
{
    FINDS("en", "\u201CThe road floods every winter, said Tom Harlow, who has farmed the valley "
          "for decades. A former teacher from the northern valley.", RULE,
          "A former teacher from the northern valley.");
    FINDS("de", "\u201EDie Brücke ist zu alt, sagt Meier. Sprecher der Bürgerinitiative "
          "am Nordufer des Sees.", RULE, "Sprecher der Bürgerinitiative am Nordufer des Sees.");
    FINDS("it", "\u00ABIl ponte è troppo vecchio, ha detto il sindaco Carlo Ferri. Al termine "
          "di una lunga riunione in municipio.", RULE,
          "Al termine di una lunga riunione in municipio.");
    FINDS("fr", "\u00AB Le pont est trop vieux, a déclaré le maire Paul Girard. À la "
          "fin d\u2019une longue réunion à la mairie.", RULE,
          "À la fin d\u2019une longue réunion à la mairie.");
    FINDS("es", "\u00ABEl puente es demasiado viejo, dijo el alcalde Juan Ruiz. Al final de una "
          "larga reunión en el ayuntamiento.", RULE,
          "Al final de una larga reunión en el ayuntamiento.");
    FINDS("pt", "\u201CA ponte é muito velha, disse o prefeito João Silva. No fim de uma "
          "longa reunião na prefeitura.", RULE, "No fim de uma longa reunião na prefeitura.");
    SILENT("en", "\u201CThe road floods every winter, said Tom Harlow, and the council knows it. "
           "A disgrace for the whole valley.\u201D", RULE);
    SILENT("it", "\u00ABNon so, dice il sindaco, cosa faremo. Un disastro per tutta la "
           "valle.\u00BB", RULE);
}
END_TEST

/* Where the language writes compounds solid, a word the lexicon lacks that is two of its
 * words, the last a noun with no verb reading, is a noun, not a verb it may lack: a
 * warning, where an unknown word is a hint. */
START_TEST(test_issue_12_fragment_closed_compound_is_its_head)
{
    tqc_test_hit h;
    tqc_test_first("The council met on Monday to vote on the budget. A veteran boatwoman from "
                   "the river town.", RULE, &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    /* (a word of no two lexicon words stays a possible verb: see
     * test_issue_12_fragment_unknown_words_keep_it_at_info) */
}
END_TEST

/* A subordinator before a word that is only a preposition, or before a number where it
 * is a preposition too, opens a phrase; with no finite verb at all the sentence is a
 * verbless piece, judged as one (a reply here). A subordinate clause after whose verb a
 * subject and another finite verb follow, with no comma, may have its main clause: a
 * hint. Where subordinate clauses end on their verb (German) none can follow. */
START_TEST(test_issue_12_fragment_subordinator_or_preposition)
{
    SILENT("en", "The ferry stayed in port for three days. Because of the storm the harbour "
           "stayed closed.", RULE);
    SILENT("en", "The ferry has changed its timetable. Until 2019 the boat ran twice a day.",
           RULE);
    SILENT("en", "The ferry has changed its timetable. Until recently.", RULE);
    FINDS("en", "The council met on Monday to vote on the budget. Because the bridge had "
          "collapsed.", RULE, "Because the bridge had collapsed.");
    FINDS("de", "Der Rat stimmte am Montag über den Haushalt ab. Während der "
          "Bürgermeister verreist war.", RULE,
          "Während der Bürgermeister verreist war.");
    tqc_test_hit h;
    tqc_test_first_in("en", "The council met on Monday to vote on the budget. While the mayor "
                      "was abroad his deputy signed the order.", RULE, &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    tqc_test_first_in("it", "Il consiglio ha votato il bilancio lunedì. Mentre il sindaco "
                      "era all\u2019estero il suo vice firmava l\u2019ordinanza.", RULE, &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    /* after a relative word's clause and a comma, a base form may be an imperative main
     * clause; a past form is the predicate of a head cut off before it */
    tqc_test_first_in("en", "The council met on Monday to vote on the budget. Where a permit "
                      "is required, ask the clerk for the form.", RULE, &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    FINDS("en", "The council met on Monday to vote on the budget. Who investigated the case, "
          "said the money was gone.", RULE,
          "Who investigated the case, said the money was gone.");
}
END_TEST

/* Noun phrases the pass took for clauses: a numeral counting a noun-or-verb form before
 * an adverb (a measure), an adjective chain after a possessive clitic, an article after
 * an adverb opening the sentence, a preposition past an adverb before a number, and an
 * elided article's noun before a verb (`L’investissement atteint`); with the clauses
 * they must still leave alone. */
START_TEST(test_issue_12_fragment_noun_phrases_read_by_grammar)
{
    FINDS("en", "The leaders finished the third round on Saturday afternoon. Four strokes ahead "
          "of the field.", RULE, "Four strokes ahead of the field.");
    FINDS("en", "The navy launched the vessel on Friday. The city\u2019s first electric ferry.",
          RULE, "The city\u2019s first electric ferry.");
    SILENT("en", "The wind rose in the night. The door\u2019s open wide.", RULE);
    FINDS("pt", "A obra do hospital custou 48 milhões de euros. Quase o triplo da "
          "estimativa.", RULE, "Quase o triplo da estimativa.");
    SILENT("pt", "O ladrão levou a carteira ontem. Quase o perdi.", RULE);
    FINDS("it", "Il costo raggiunge il livello massimo. Un aumento di quasi il 15%.", RULE,
          "Un aumento di quasi il 15%.");
    FINDS("fr", "L\u2019investissement atteint 300 millions. Une hausse de 15 % sur un an.", RULE,
          "Une hausse de 15 % sur un an.");
    /* a finite reading right after the relative word is its clause's verb */
    SILENT("en", "The town has changed a great deal in fifty years. Even the family which "
           "lives next door is away now.", RULE);
    FINDS("en", "The town has changed a great deal in fifty years. The family which lives "
          "next door.", RULE, "The family which lives next door.");
}
END_TEST

/* German puts the finite verb second in a main clause and last in a subordinate one: a
 * subordinator that is also a preposition, whose verb has more of its clause after it,
 * opens a prepositional phrase; and an attributive adjective is inflected, so a bare form
 * after an opening demonstrative is the verb. */
START_TEST(test_issue_12_fragment_german_verb_second)
{
    SILENT("de", "Der Turm wurde 1887 gebaut und ist seit Jahren gesperrt. Während der "
           "Sommerferien bleibt die Schule geschlossen.", RULE);
    FINDS("de", "Der Turm wurde 1887 gebaut und ist seit Jahren gesperrt. Während der Vater "
          "schlief.", RULE, "Während der Vater schlief.");
    SILENT("de", "Ein Prozess führt ein Programm aus. Dies erfordert Speicherplatz im "
           "Arbeitsspeicher.", RULE);
    FINDS("de", "Der Dienst bietet viele Module an. Die installiert und konfiguriert werden.",
          RULE, "Die installiert und konfiguriert werden.");
}
END_TEST

/* A relative clause headed by a pronoun or article opening the sentence (`Lo que`, `Ce
 * qui`, `Il che`, `O que`) with one clause's verb stands alone; one whose main clause
 * follows is complete. A noun-or-verb form after its article heads a relative clause
 * (`Un proyecto que ...`), and a listed preposition before a bare noun is no verb
 * (`inizio di stagione`). */
START_TEST(test_issue_12_fragment_headed_relatives_and_bare_nouns)
{
    FINDS("es", "La senadora votó en contra de la ley. Lo que sorprendió a muchos de sus "
          "compañeros.", RULE, "Lo que sorprendió a muchos de sus compañeros.");
    FINDS("fr", "La sénatrice a voté contre le projet de loi. Ce qui a surpris nombre de ses "
          "collègues.", RULE, "Ce qui a surpris nombre de ses collègues.");
    FINDS("it", "La senatrice ha votato contro la legge. Il che ha sorpreso molti dei suoi "
          "colleghi di partito.", RULE,
          "Il che ha sorpreso molti dei suoi colleghi di partito.");
    FINDS("pt", "A senadora votou contra o projeto de lei. O que surpreendeu muitos dos seus "
          "colegas.", RULE, "O que surpreendeu muitos dos seus colegas.");
    SILENT("es", "La senadora votó en contra de la ley. Lo que más preocupa es el precio.",
           RULE);
    SILENT("fr", "La sénatrice a voté contre le projet. Ce qui compte, c\u2019est le "
           "résultat.", RULE);
    SILENT("pt", "A senadora votou contra o projeto de lei. O que mais preocupa é o preço.",
           RULE);
    SILENT("en", "The senator voted against the bill. Those who had slickers donned them.",
           RULE);
    FINDS("es", "El alcalde inauguró el martes el nuevo puente. Un proyecto que costó casi "
          "doce millones de euros.", RULE,
          "Un proyecto que costó casi doce millones de euros.");
    FINDS("it", "La squadra ha perso domenica la terza partita di fila. Il peggior inizio di "
          "stagione da dieci anni.", RULE,
          "Il peggior inizio di stagione da dieci anni.");
}
END_TEST

/* A capitalised abbreviation ending the paragraph ends the piece (nothing follows that it
 * could have been cut from); French `que` opens an object relative clause as Spanish and
 * Portuguese `que` do; a relative word with no finite verb after it opens a reply. */
START_TEST(test_issue_12_fragment_paragraph_end_and_relative_words)
{
    FINDS("en", "He identified the man as Lewis Parker, 59. A farmer of Hartselle, Ala.", RULE,
          "A farmer of Hartselle, Ala.");
    SILENT("en", "He identified the man as Lewis Parker, 59. A farmer of Hartselle, Ala. He was "
           "arrested on Monday.", RULE);
    FINDS("fr", "Les correctifs sont diffusés sous la forme de fichiers. Que chacun est alors "
          "libre d\u2019appliquer.", RULE, "Que chacun est alors libre d\u2019appliquer.");
    SILENT("en", "Everyone in the village came to the meeting on Friday. Who else.", RULE);
}
END_TEST

/* issue 12 (session 12): a piece whose finite verbs are all inside a subordinate clause
 * after a lead-in (adverbs and prepositions, or a verbless phrase and a comma), or inside
 * an adverbial of time (`hace tres años`), has no main clause; a presentative is a
 * predicate; a short noun phrase after a long sentence may be the writer's emphasis: a
 * hint. */
START_TEST(test_issue_12_fragment_no_main_clause)
{
    FINDS("en", "The ferry service will stay suspended across the bay. At least until the "
          "storm has passed.", RULE, "At least until the storm has passed.");
    FINDS("es", "El servicio de ferri seguirá suspendido en toda la bahía. Al menos hasta que "
          "pase el temporal.", RULE, "Al menos hasta que pase el temporal.");
    FINDS("fr", "Le téléphérique reprendra du service ce week-end. À partir de dix heures, si "
          "le vent le permet.", RULE, "À partir de dix heures, si le vent le permet.");
    FINDS("it", "La fabbrica tessile della città è ancora chiusa. Quasi tre anni fa.",
          RULE, "Quasi tre anni fa.");
    FINDS("pt", "A fábrica de tecidos da cidade está fechada. Há quase três anos.", RULE,
          "Há quase três anos.");
    FINDS("en", "The mayor thanked the volunteers at the shelter on Sunday. Most of whom had "
          "worked through the night.", RULE, "Most of whom had worked through the night.");
    /* with their main clauses */
    SILENT("es", "La fábrica textil de la ciudad sigue cerrada. Hace tres años que despidió a "
           "la plantilla.", RULE);
    SILENT("it", "Il comune ha presentato ieri il bilancio del prossimo anno. Ecco perché i "
           "conti non tornano.", RULE);
    SILENT("fr", "La mairie a présenté hier le budget de l'année prochaine. Voici les "
           "principaux chiffres.", RULE);
    SILENT("en", "The cable car up the mountain was closed all week. From ten in the morning, "
           "if the wind allows, it will run again.", RULE);
    SILENT("en", "The inspectors found water in the cellar of the town hall. Upon which the "
           "mayor ordered the building closed.", RULE);
    SILENT("pt", "O museu ficará fechado para obras até março. Quem já comprou o ingresso "
           "receberá o reembolso.", RULE);
    /* emphasis after a long sentence: a hint, not a warning */
    const char *emphasis[][2] = {
        {"en", "Asked whether the mine would close this year, the director shook her head. "
               "Not this year."},
        {"pt", "A tempestade destruiu a colheita numa única noite e deixou os agricultores sem "
               "nada para vender. Ruína total."},
        {"de", "Der Sturm hat die Ernte in einer einzigen Nacht vernichtet und den Bauern nichts "
               "gelassen. Totaler Ruin."},
    };
    for (size_t i = 0; i < sizeof emphasis / sizeof emphasis[0]; i++) {
        tqc_test_hit h;
        SILENT(emphasis[i][0], emphasis[i][1], RULE);
        tqc_test_first_in(emphasis[i][0], emphasis[i][1], RULE, &h);
        ck_assert_uint_eq(h.count, 1);
        ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    }
    /* a name's piece is no emphasis */
    FINDS("en", "Flights were suspended at the international airport after the storm that "
          "crossed the bay on Sunday. Marrowdale.", RULE, "Marrowdale.");
}
END_TEST

Suite *pass_fragment_suite(void)
{
    Suite *s = suite_create("pass_fragment");
    TCase *tc = tcase_create("fragment");
    tcase_add_test(tc, test_issue_3_fragment_names_split_off);
    tcase_add_test(tc, test_issue_12_fragment_english);
    tcase_add_test(tc, test_issue_12_fragment_other_languages);
    tcase_add_test(tc, test_issue_12_fragment_runs_are_manner);
    tcase_add_test(tc, test_issue_12_fragment_verb_readings_in_context);
    tcase_add_test(tc, test_issue_12_fragment_german_relative_clauses);
    tcase_add_test(tc, test_issue_12_fragment_subordinate_clauses);
    tcase_add_test(tc, test_issue_12_fragment_legitimate_verbless_sentences);
    tcase_add_test(tc, test_issue_12_fragment_speech_titles_credits_lists);
    tcase_add_test(tc, test_issue_12_fragment_unknown_words_keep_it_at_info);
    tcase_add_test(tc, test_issue_12_fragment_unknown_word_where_no_verb_stands);
    tcase_add_test(tc, test_issue_12_fragment_name_opened_by_an_unknown_word);
    tcase_add_test(tc, test_issue_12_fragment_clitic_verb_before_a_name);
    tcase_add_test(tc, test_issue_12_fragment_sentence_ends_and_main_clauses);
    tcase_add_test(tc, test_issue_12_fragment_german_pronouns_without_nouns);
    tcase_add_test(tc, test_issue_12_fragment_german_verb_second_and_verb_last);
    tcase_add_test(tc, test_issue_12_fragment_german_adverb_before_noun);
    tcase_add_test(tc, test_issue_12_fragment_garbled_word_may_be_the_verb);
    tcase_add_test(tc, test_issue_12_fragment_quoted_names_and_dates);
    tcase_add_test(tc, test_issue_12_fragment_participle_opening);
    tcase_add_test(tc, test_issue_12_fragment_articles_and_prepositions_before_names);
    tcase_add_test(tc, test_issue_12_fragment_null_subject_main_clause_after_comma);
    tcase_add_test(tc, test_issue_12_fragment_noun_then_verb);
    tcase_add_test(tc, test_issue_17_fragment_replies_comments_lists);
    tcase_add_test(tc, test_issue_12_fragment_kinds_in_six_languages);
    tcase_add_test(tc, test_issue_12_fragment_verb_before_adverb);
    tcase_add_test(tc, test_issue_12_fragment_two_finite_verbs_end_a_clause);
    tcase_add_test(tc, test_issue_12_fragment_german_relative_inside_subject);
    tcase_add_test(tc, test_issue_12_fragment_infinitive_instructions);
    tcase_add_test(tc, test_issue_12_fragment_demonstrative_subject);
    tcase_add_test(tc, test_issue_12_fragment_relative_after_any_word);
    tcase_add_test(tc, test_issue_12_fragment_dash_led_paragraph);
    tcase_add_test(tc, test_issue_12_fragment_closed_class_homographs);
    tcase_add_test(tc, test_issue_12_fragment_possessive_clitic);
    tcase_add_test(tc, test_issue_12_fragment_coordinated_adjectives);
    tcase_add_test(tc, test_issue_12_fragment_after_an_unclosed_quotation);
    tcase_add_test(tc, test_issue_12_fragment_closed_compound_is_its_head);
    tcase_add_test(tc, test_issue_12_fragment_subordinator_or_preposition);
    tcase_add_test(tc, test_issue_12_fragment_noun_phrases_read_by_grammar);
    tcase_add_test(tc, test_issue_12_fragment_german_verb_second);
    tcase_add_test(tc, test_issue_12_fragment_headed_relatives_and_bare_nouns);
    tcase_add_test(tc, test_issue_12_fragment_paragraph_end_and_relative_words);
    tcase_add_test(tc, test_issue_12_fragment_short_sentence_before);
    tcase_add_test(tc, test_issue_12_fragment_list_closed_by_etc);
    tcase_add_test(tc, test_issue_12_fragment_homographs_by_grammar);
    tcase_add_test(tc, test_issue_12_fragment_no_main_clause);
    suite_add_tcase(s, tc);
    return s;
}
