/* repeated-word: doubles that grammar rules out are errors with a safe fix; doubles a
 * grammar allows (listed, names, or read with the parts of speech) are quiet or a hint,
 * in every language. */
#include <string.h>

#include "tqc_test.h"

/* A double the grammar rules out: an error whose safe fix keeps one word. */
#define DOUBLE_ERROR(code, text, span_) do { \
        tqc_test_hit h_; tqc_test_first_in(code, text, "repeated-word", &h_); \
        ck_assert_uint_eq(h_.count, 1); ck_assert_str_eq(h_.span, span_); \
        ck_assert_int_eq(h_.severity, TQC_SEV_ERROR); ck_assert(h_.safe); } while (0)
/* A double that may be right: a hint, never fixed unattended. */
#define DOUBLE_HINT(code, text, span_) do { \
        tqc_test_hit h_; tqc_test_first_in(code, text, "repeated-word", &h_); \
        ck_assert_uint_eq(h_.count, 1); ck_assert_str_eq(h_.span, span_); \
        ck_assert_int_eq(h_.severity, TQC_SEV_INFO); ck_assert(!h_.safe); } while (0)
/* A double reported at warning or above. */
#define DOUBLE_FOUND(code, text, span_) do { \
        tqc_test_hit h_; tqc_test_first_in(code, text, "repeated-word", &h_); \
        ck_assert_uint_eq(h_.count, 1); ck_assert_str_eq(h_.span, span_); \
        ck_assert_int_ge(h_.severity, TQC_SEV_WARNING); } while (0)
#define NO_DOUBLE(code, text) do { \
        tqc_test_hit h_; tqc_test_first_in(code, text, "repeated-word", &h_); \
        ck_assert_msg(h_.count == 0, "%s: %s", text, h_.message); } while (0)

START_TEST(test_english)
{
    DOUBLE_ERROR("en", "The minister said the the talks would resume.", "the the");
    DOUBLE_ERROR("en", "It is a a difficult moment.", "a a");
    /* Legitimate doubles: listed, reduplicated, names and double surnames. */
    NO_DOUBLE("en", "He said that that was what he had had in mind.");
    NO_DOUBLE("en", "What it is is a question of money.");
    NO_DOUBLE("en", "It was very very cold in Walla Walla that night.");
    NO_DOUBLE("en", "The court heard from Sirhan Sirhan and from Boutros Boutros-Ghali.");
    /* Across a line break it is still a double. */
    DOUBLE_ERROR("en", "He said the\nthe talks resume.", "the\nthe");
}
END_TEST

/* With the English lexicon's parts of speech: a stranded preposition after a verb and
 * an auxiliary homograph may be right; after a noun, or a noun doubled, they are not. */
START_TEST(test_english_parts_of_speech)
{
    if (!tqc_lang_lexicon(tqc_checker_lang(tqc_test_checker()))) {
        /* No lexicon: nothing to judge a pronoun double by; a warning, never fixed. */
        tqc_test_hit h;
        tqc_test_first_in("en", "She gave her her keys back.", "repeated-word", &h);
        ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
        ck_assert(!h.safe);
        return;
    }
    DOUBLE_HINT("en", "They came in in June, as planned.", "in in");
    /* A pronoun may end one phrase and begin the next. */
    DOUBLE_HINT("en", "She gave her her keys back.", "her her");
    DOUBLE_HINT("en", "The dancers can can on stage.", "can can");
    DOUBLE_ERROR("en", "The rise in in prices was sharp.", "in in");
    DOUBLE_ERROR("en", "The report report was published.", "report report");
    /* A pronoun double is a hint only where the second copy can begin a clause. */
    DOUBLE_HINT("en", "When you press it it breaks.", "it it");
    DOUBLE_ERROR("en", "A reporter wrote it it down.", "it it");
    /* A pronoun or determiner double needs a verb before it whose object the first
     * copy is. */
    DOUBLE_HINT("en", "I told you you were wrong.", "you you");
    DOUBLE_ERROR("en", "Investors in many many cases got less.", "many many");
    DOUBLE_ERROR("en", "He is the man we we elected.", "we we");
    /* A common word capitalised is no name. */
    DOUBLE_FOUND("en", "He writes for the Tribune Tribune News Service.", "Tribune Tribune");
    /* An auxiliary is legitimate doubled only as a homograph. */
    DOUBLE_ERROR("en", "The merchants are are to survive.", "are are");
}
END_TEST

START_TEST(test_german)
{
    DOUBLE_ERROR("de", "Er kaufte eine eine Wohnung in Bonn.", "eine eine");
    /* Article and relative pronoun; subject and object. */
    NO_DOUBLE("de", "Die Frau, die die Firma leitet, kam nicht.");
    NO_DOUBLE("de", "Das Haus, das das Feuer zerstörte, war alt.");
    NO_DOUBLE("de", "Er glaubt, dass sie sie gesehen hat.");
    NO_DOUBLE("de", "Die Kur in Baden Baden war sehr sehr teuer.");
    /* Pronouns of one case only, and capitalised nouns the dictionary knows. */
    DOUBLE_FOUND("de", "Nun wollen wir wir sehen, was passiert.", "wir wir");
    DOUBLE_FOUND("de", "Danach wird eine Sicherung Sicherung gemacht.", "Sicherung Sicherung");
    DOUBLE_FOUND("de", "Dies dient als weitere Schutzmaßnahme Schutzmaßnahme für Daten.",
                 "Schutzmaßnahme Schutzmaßnahme");
}
END_TEST

START_TEST(test_french)
{
    DOUBLE_ERROR("fr", "Le ministre a signé le le texte hier.", "le le");
    NO_DOUBLE("fr", "Nous nous sommes vus, et vous vous êtes tus.");
    NO_DOUBLE("fr", "Il faisait très très froid à Pago Pago.");
}
END_TEST

START_TEST(test_spanish_portuguese_italian)
{
    DOUBLE_ERROR("es", "El ministro firmó el el acuerdo.", "el el");
    NO_DOUBLE("es", "Estaba muy muy cansado.");
    DOUBLE_ERROR("pt", "O ministro assinou os os documentos.", "os os");
    NO_DOUBLE("pt", "Ele perguntou se se podia sair, e estava muito muito cansado.");
    DOUBLE_ERROR("it", "Il ministro ha firmato il il decreto.", "il il");
    NO_DOUBLE("it", "Piano piano la situazione migliora, molto molto lentamente.");
}
END_TEST

/* A phrase said twice is the addition pass's; said many times over (a loop in the
 * translation or the scrape) it is one finding covering the loop, whose fix keeps one
 * copy, not one finding a pair (issue 18: 125,000 findings for one looping paragraph). */
/* issue 12 (s7): a capitalised double in mid-sentence that the document writes twice is
 * a name (a hint); written once it stays a warning. Every language alike. */
START_TEST(test_issue_12_repeated_capitalised_double_written_again)
{
    static const char *const texts[][2] = {
        {"en", "She was president of Kappa Kappa Gamma. Her sister also joined Kappa Kappa "
               "Gamma last year."},
        {"pt", "A versão passa a ser Estável Antiga Antiga. Depois, a Estável Antiga Antiga "
               "sai do arquivo."},
        {"es", "La versión pasa a ser Estable Antigua Antigua. Luego, la Estable Antigua "
               "Antigua sale del archivo."},
        {"fr", "La version devient Stable Ancienne Ancienne. Puis, la Stable Ancienne "
               "Ancienne quitte l'archive."},
        {"it", "La versione diventa Stabile Vecchia Vecchia. Poi, la Stabile Vecchia Vecchia "
               "esce dall'archivio."},
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        tqc_test_hit h;
        tqc_test_first_in(texts[i][0], texts[i][1], "repeated-word", &h);
        ck_assert_msg(h.count == 2, "%zu in %s", h.count, texts[i][1]);
        ck_assert_int_eq(h.severity, TQC_SEV_INFO);
        ck_assert(!h.safe);
    }
    DOUBLE_FOUND("en", "He writes for the Tribune Tribune News Service.", "Tribune Tribune");
    DOUBLE_FOUND("pt", "A versão passa a ser Estável Antiga Antiga no arquivo.", "Antiga Antiga");
    /* Where every noun is capitalised, a noun doubled twice is two slips. */
    tqc_test_hit h;
    tqc_test_first_in("de", "Er kaufte das Haus Haus in Bonn. Sie verkaufte das Haus Haus in Köln.",
                      "repeated-word", &h);
    ck_assert_uint_eq(h.count, 2);
    ck_assert_int_ge(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* issue 12 (s10b): a word said again across a coordinating conjunction is reduplication
 * (`shorter and shorter`), in every language; a longer phrase said twice is still a loop. */
START_TEST(test_issue_12_reduplication_is_no_addition)
{
    static const char *const texts[][2] = {
        {"en", "The queue grew longer and longer and nobody came to open the gate."},
        {"en", "They waited and waited and waited at the gate."},
        {"pt", "A fila ficava maior e maior e ninguém abria o portão."},
        {"es", "Esperaron horas y horas y nadie abrió la puerta."},
        {"fr", "Ils ont attendu encore et encore et personne n'est venu."},
        {"de", "Sie warteten und warteten und niemand kam."},
        {"it", "Hanno aspettato ore e ore e nessuno è venuto."},
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        ck_assert_msg(tqc_test_findings_in(texts[i][0], texts[i][1], "addition", NULL, 0) == 0,
                      "%s", texts[i][1]);
    tqc_test_hit h;
    tqc_test_first_in("en", "The guards raised the gate and the gate and left at noon.",
                      "addition", &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.first, "the gate and");
}
END_TEST

START_TEST(test_phrase_loop_is_one_finding)
{
    tqc_test_hit h;
    tqc_test_first_in("en", "The talks resume in the capital in the capital on Monday.",
                      "addition", &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "in the capital in the capital");
    ck_assert_str_eq(h.first, "in the capital");
    ck_assert_msg(strstr(h.message, "phrase repeated") != NULL, "%s", h.message);
    tqc_test_first_in("de", "Der Plan der Plan der Plan der Plan der Plan kam spät.",
                      "addition", &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "Der Plan der Plan der Plan der Plan der Plan");
    ck_assert_str_eq(h.first, "Der Plan");
    ck_assert_msg(strstr(h.message, "5 times") != NULL, "%s", h.message);
    /* A loop stops at the sentence's end: the next sentence is its own. */
    tqc_test_first_in("fr", "Le plan le plan le plan. Le plan le plan arrive.", "addition", &h);
    ck_assert_uint_eq(h.count, 2);
    ck_assert_str_eq(h.span, "Le plan le plan le plan");
}
END_TEST

/* issue 12 (s10): the grammar decides. A copula doubles after a free relative clause
 * only; three copies or more are on purpose (one hint for the run, in every language); a
 * particle follows its verb's object pronoun; a finite verb that is also a function word
 * doubles after its subject (the lexicon's readings, pt `para` of the 1990 spelling). */
START_TEST(test_issue_12_doubles_the_grammar_allows)
{
    NO_DOUBLE("en", "All it was was a misunderstanding about the date.");
    DOUBLE_ERROR("en", "The bridge is is closed for repairs.", "is is");
    DOUBLE_ERROR("en", "The vote was was delayed by a week.", "was was");
    static const struct { const char *code, *text, *span; } runs[] = {
        {"en", "The crowd chanted no no no at the gate.", "no no no"},
        {"pt", "A multidão gritava não não não no portão.", "não não não"},
        {"es", "La gente gritaba sí sí sí en la plaza.", "sí sí sí"},
        {"fr", "La foule criait non non non devant la mairie.", "non non non"},
        {"de", "Die Menge rief nein nein nein vor dem Tor.", "nein nein nein"},
        {"it", "La folla gridava no no no davanti al municipio.", "no no no"},
    };
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++)
        DOUBLE_HINT(runs[i].code, runs[i].text, runs[i].span);
    /* An article said three times is a slip, judged pair by pair. */
    tqc_test_hit h;
    tqc_test_first_in("en", "The minister said the the the talks resume.", "repeated-word", &h);
    ck_assert_uint_eq(h.count, 2);
    ck_assert_int_eq(h.severity, TQC_SEV_ERROR);
    if (!tqc_lang_lexicon(tqc_checker_lang(tqc_test_checker())))
        return;
    DOUBLE_HINT("en", "The guard let them in in the morning.", "in in");
    DOUBLE_ERROR("en", "The guard opened the gate in in the morning.", "in in");
    DOUBLE_HINT("pt", "O ônibus para para embarcar os alunos.", "para para");
    /* A word the lexicon lacks after the second copy decides nothing. */
    DOUBLE_HINT("pt", "O ônibus para para xuvergar os alunos.", "para para");
    DOUBLE_HINT("es", "El autobús para para recoger a los niños.", "para para");
    DOUBLE_HINT("fr", "Il entre entre les deux murs.", "entre entre");
    DOUBLE_ERROR("it", "Le regole di di selezione sono semplici.", "di di");
    DOUBLE_ERROR("pt", "A escola fica perto para para os alunos.", "para para");
    DOUBLE_ERROR("es", "La escuela queda lejos para para los niños.", "para para");
}
END_TEST

/* issue 12 (s12): a double is legitimate where the form has two readings that can follow
 * each other, and an error where grammar rules it out, in every language. */
START_TEST(test_issue_12_two_readings)
{
    /* German: a relative pronoun opens its clause after a comma, not after a verb of
     * saying's; an article doubled elsewhere is a slip. */
    NO_DOUBLE("de", "Er zeichnete eine Karte, die die Standorte zeigt.");
    NO_DOUBLE("de", "Die Eltern, für die die Schule zu weit ist, klagen.");
    DOUBLE_ERROR("de", "Der Minister sagte, die die Gespräche gingen weiter.", "die die");
    DOUBLE_ERROR("de", "Sie sah den den Mann vor dem Rathaus.", "den den");
    /* A causative verb before its own infinitive. */
    DOUBLE_HINT("fr", "La commune va faire faire des travaux.", "faire faire");
    DOUBLE_HINT("es", "El alcalde va a hacer hacer un estudio.", "hacer hacer");
    DOUBLE_HINT("it", "Il comune deve fare fare i lavori.", "fare fare");
    DOUBLE_HINT("pt", "A câmara vai fazer fazer um estudo.", "fazer fazer");
    if (!tqc_lang_lexicon(tqc_checker_lang(tqc_test_checker())))
        return;
    /* A known noun doubled, capitalised as every German noun is. */
    DOUBLE_ERROR("de", "Die Regierung Regierung lehnte ab.", "Regierung Regierung");
    /* Contrastive reduplication: the plain word and a negation before the double, or a
     * negation after its comma; a noun doubled before a comma alone is a slip. */
    DOUBLE_HINT("en", "It is not a salad, it is a salad salad.", "salad salad");
    DOUBLE_HINT("es", "Quería un pan pan, no uno de molde.", "pan pan");
    DOUBLE_ERROR("en", "The government government, however, refused.", "government government");
    /* A noun after its determiner, then the form as a verb or a preposition. */
    DOUBLE_HINT("fr", "La ferme ferme ses portes le dimanche.", "ferme ferme");
    DOUBLE_HINT("es", "El sobre sobre la mesa era del juez.", "sobre sobre");
    /* A verb after its subject, then a function word: a pronoun subject, a noun phrase
     * before a whole noun phrase, or none where the language needs none. */
    DOUBLE_HINT("es", "Yo como como puedo.", "como como");
    DOUBLE_HINT("fr", "Le cortège entre entre deux rangées.", "entre entre");
    DOUBLE_HINT("es", "Escribo como como: deprisa.", "como como");
    DOUBLE_HINT("it", "Entro entro le nove.", "Entro entro");
    DOUBLE_ERROR("es", "Habló como como un ministro.", "como como");
    /* A conjunction then a clitic before another clitic, not a relative before its verb. */
    DOUBLE_HINT("it", "Se se ne andrà, lo sapremo.", "Se se");
    DOUBLE_ERROR("it", "Il sindaco, che che era presente, tace.", "che che");
}
END_TEST

Suite *pass_repeated_word_suite(void)
{
    Suite *s = suite_create("pass_repeated_word");
    TCase *tc = tcase_create("doubles");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_english);
    tcase_add_test(tc, test_english_parts_of_speech);
    tcase_add_test(tc, test_german);
    tcase_add_test(tc, test_french);
    tcase_add_test(tc, test_spanish_portuguese_italian);
    tcase_add_test(tc, test_phrase_loop_is_one_finding);
    tcase_add_test(tc, test_issue_12_reduplication_is_no_addition);
    tcase_add_test(tc, test_issue_12_repeated_capitalised_double_written_again);
    tcase_add_test(tc, test_issue_12_doubles_the_grammar_allows);
    tcase_add_test(tc, test_issue_12_two_readings);
    suite_add_tcase(s, tc);
    return s;
}
