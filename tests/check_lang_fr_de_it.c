/* Tests of the French, German and Italian profiles (rules/fr, rules/de, rules/it,
 * dictionaries/fr, dictionaries/de, dictionaries/it) and of the pass behaviour they
 * switch on as data: sentence boundaries after their abbreviations, German ordinals
 * (`after-ordinal`) and elided abbreviations (l'Ing.), French spaced punctuation
 * (`need-space-before`, `spaced-inside`), elision, German capitalised nouns and solid
 * compounds (`capitalised-nouns`, `solid-compounds`, `ordinal-period`), months in lower
 * case, quotes, fragments and boilerplate. Each case has a correct twin that must stay
 * silent. */
#include <string.h>

#include "seg/seg.h"
#include "tqc_test.h"

/* One checker per language for the whole run, made before Check forks. */
static tqc_checker *checker_fr, *checker_de, *checker_it;

START_TEST(test_issue_6_fr_de_it_profiles_load)
{
    const tqc_lang *fr = tqc_checker_lang(checker_fr), *de = tqc_checker_lang(checker_de);
    const tqc_lang *it = tqc_checker_lang(checker_it);
    ck_assert_str_eq(tqc_lang_setting(fr, "decimal-separator", ""), ",");
    ck_assert_str_eq(tqc_lang_setting(de, "capitalised-nouns", ""), "yes");
    ck_assert_str_eq(tqc_lang_setting(de, "solid-compounds", ""), "yes");
    ck_assert_str_eq(tqc_lang_setting(fr, "capitalised-nouns", "no"), "no");
    ck_assert(tqc_lang_in(fr, "elisions", "qu", 2));
    ck_assert(tqc_lang_in(it, "elisions", "dell", 4));
    ck_assert(tqc_lang_in(it, "lower-case-words", "marzo", 5));
    ck_assert(tqc_lang_in(de, "after-ordinal", "Juni", 4));
    /* Hunspell knows elided forms and German compounds; the supplements add news words. */
    tqc_dict *dfr = tqc_checker_dict(checker_fr), *dde = tqc_checker_dict(checker_de);
    tqc_dict *dit = tqc_checker_dict(checker_it);
    ck_assert(tqc_dict_known(dfr, "l’État", strlen("l’État")));
    ck_assert(tqc_dict_known(dit, "dell'Unione", strlen("dell'Unione")));
    ck_assert(tqc_dict_known(dde, "Bundesregierung", strlen("Bundesregierung")));
    ck_assert(!tqc_dict_known(dde, "Regierungam", strlen("Regierungam")));
    ck_assert(tqc_dict_known(dde, "Selenskyj", strlen("Selenskyj")));
    ck_assert(tqc_dict_known(dit, "governance", strlen("governance")));
    ck_assert(tqc_dict_freq_total(dde) > 0 && tqc_dict_freq(dde, "und", 3) > 0);
}
END_TEST

/* A profile is loaded once per process and code, whatever the spelling of the code, and
 * lives until its last user frees it. */
START_TEST(test_issue_13_profiles_shared)
{
    char err[256];
    tqc_lang *a = NULL, *b = NULL, *c = NULL;
    ck_assert_int_eq(tqc_lang_load(TQC_SOURCE_DIR, "fr-FR", &a, err, sizeof err), TQC_OK);
    ck_assert_int_eq(tqc_lang_load(TQC_SOURCE_DIR, "FR_fr", &b, err, sizeof err), TQC_OK);
    ck_assert_int_eq(tqc_lang_load(TQC_SOURCE_DIR, "fr", &c, err, sizeof err), TQC_OK);
    ck_assert_ptr_eq(a, b);
    ck_assert_ptr_ne(a, c);  /* a regional code has its own settings */
    tqc_lang_free(a);
    ck_assert_str_eq(tqc_lang_setting(b, "decimal-separator", ""), ",");
    tqc_lang_free(b);
    tqc_lang_free(c);
    ck_assert_int_eq(tqc_lang_load(TQC_SOURCE_DIR, "fr-FR", &a, err, sizeof err), TQC_OK);
    ck_assert_str_eq(tqc_lang_code(a), "fr-FR");
    tqc_lang_free(a);
}
END_TEST

START_TEST(test_issue_6_german_sentence_boundaries)
{
    /* Ordinals: a number, a period and a word of `after-ordinal`. */
    LANG_SENTENCES_EQ("de", "Was geschah am 12. Juni? Niemand weiß es.",
                 "Was geschah am 12. Juni? | Niemand weiß es.");
    LANG_SENTENCES_EQ("de", "Das war im 19. Jahrhundert. Die Zeiten ändern sich.",
                 "Das war im 19. Jahrhundert. | Die Zeiten ändern sich.");
    /* A year that ends a sentence still ends it. */
    LANG_SENTENCES_EQ("de", "Die Zahl stieg seit 2019. Die Polizei warnt.",
                 "Die Zahl stieg seit 2019. | Die Polizei warnt.");
    LANG_SENTENCES_EQ("de", "Es gibt Maßnahmen, z. B. ist Lüften wichtig. Danke.",
                 "Es gibt Maßnahmen, z. B. ist Lüften wichtig. | Danke.");
    LANG_SENTENCES_EQ("de", "Sie sprach mit Prof. Dr. Weber. Er stimmte zu.",
                 "Sie sprach mit Prof. Dr. Weber. | Er stimmte zu.");
}
END_TEST

START_TEST(test_issue_6_french_italian_sentence_boundaries)
{
    /* An abbreviation after an elided article: l'Ing., l’Avv. */
    LANG_SENTENCES_EQ("it", "Buongiorno! Sono l'Ing. Mengozzi. È presente l’Avv. Cassioni?",
                 "Buongiorno! | Sono l'Ing. Mengozzi. | È presente l’Avv. Cassioni?");
    /* Without the abbreviation the period ends the sentence. */
    LANG_SENTENCES_EQ("it", "Ho visto l'Ingegnere. Mengozzi era lì.",
                 "Ho visto l'Ingegnere. | Mengozzi era lì.");
    LANG_SENTENCES_EQ("fr", "Selon M. Dupont, l’art. 49 s’applique. Mme Roux conteste.",
                 "Selon M. Dupont, l’art. 49 s’applique. | Mme Roux conteste.");
    /* Verse with its lines divided by " / " is one sentence. */
    LANG_SENTENCES_EQ("it", "\"Ei fu. Siccome immobile / dato il mortal sospiro\" (Manzoni).",
                 "\"Ei fu. Siccome immobile / dato il mortal sospiro\" (Manzoni).");
    LANG_SENTENCES_EQ("it", "Ei fu. Siccome era tardi, tornò a casa.",
                 "Ei fu. | Siccome era tardi, tornò a casa.");
}
END_TEST

START_TEST(test_issue_6_french_spaced_punctuation)
{
    FINDS("fr", "Le ministre a déclaré: il viendra.", "spacing", "é:");
    FINDS("fr", "Pourquoi maintenant? Personne ne sait.", "spacing", "t?");
    FINDS("fr", "Il parle d’un «accord historique » signé hier.", "spacing", "«a");
    FINDS("fr", "Il parle d’un « accord historique» signé hier.", "spacing", "e»");
    /* A plain, a no-break and a narrow no-break space are all right. */
    SILENT("fr", "Le ministre a déclaré : il viendra ; voilà\u00a0! Pourquoi\u202f?", "spacing");
    SILENT("fr", "Il parle d’un « accord historique » signé hier à 11:43.", "spacing");
    SILENT("fr", "Il parle d’un «\u202faccord historique\u202f» signé hier.", "spacing");
    /* A space before a comma is still wrong in French. */
    FINDS("fr", "Il a signé , puis il est parti.", "spacing", " ,");
    /* English keeps its convention: no space before a colon. */
    ck_assert_uint_eq(tqc_test_findings("The minister said : he will come.", "spacing", NULL, 0),
                      1);
    ck_assert_uint_eq(tqc_test_findings("The minister said: he will come.", "spacing", NULL, 0),
                      0);
}
END_TEST

START_TEST(test_issue_6_elision_is_no_run_on)
{
    SILENT("fr", "Le président de l’Union a dit qu’il viendra aujourd’hui, lorsqu’il sera "
           "prêt ; l’État n’a pas d’argent jusqu’à présent.", "missing-space");
    SILENT("fr", "Le président de l’Union a dit qu’il viendra aujourd’hui, lorsqu’il sera "
           "prêt ; l’État n’a pas d’argent jusqu’à présent.", "spelling");
    SILENT("it", "Il presidente dell'Unione ha detto che l'anno prossimo, all'inizio di "
           "quest'anno, c'è un'altra sfida nell'ambito dell’economia.", "missing-space");
    SILENT("it", "Il presidente dell'Unione ha detto che l'anno prossimo, all'inizio di "
           "quest'anno, c'è un'altra sfida nell'ambito dell’economia.", "spelling");
    FINDS("it", "La giunta discuterà il progetto nella riunionedel prossimo mese.",
          "missing-space", "riunionedel");
    FINDS("fr", "La réforme reste injuste, en particulierpour les femmes.", "missing-space",
          "particulierpour");
}
END_TEST

START_TEST(test_issue_6_german_nouns_and_compounds)
{
    /* Capitalised nouns after an auxiliary are German, not slips. */
    SILENT("de", "Die Regierung hat gestern Maßnahmen beschlossen, und es wird Essen geben.",
           "capitalization");
    /* Function words capitalised mid-sentence are slips; after an article a name may
     * follow (Den Haag). */
    FINDS("de", "Die Koalition beschloss Die neuen Regeln am Montag.", "capitalization", "Die");
    FINDS("de", "Viele hatten sich In der Umgebung angesiedelt.", "capitalization", "In");
    SILENT("de", "Das Gericht tagt in Den Haag seit vielen Jahren.", "capitalization");
    /* An ordinal's period is no sentence end. */
    SILENT("de", "Er sprach am 3. ordentlichen Parteitag der Partei.", "capitalization");
    /* A noun the dictionary knows only capitalised ends a sentence, short or long: the
     * lower-case word after it opens the next one in lower case. */
    FINDS("de", "Die Mieter ziehen im Sommer aus dem Haus. danach beginnt der Umbau.",
          "capitalization", "Haus. danach");
    FINDS("de", "Der Verein spielt seit Jahren im Norden. trotzdem fehlt das Geld.",
          "capitalization", "Norden. trotzdem");
    /* An abbreviation before the stop still ends none. */
    SILENT("de", "Die Sitzung beginnt laut Tagesordnung um 9 Uhr, vgl. hierzu den Plan.",
           "capitalization");
    /* Compounds the dictionary knows or lacks are words; a function word glued on is a
     * run-on, after a noun as after a verb. */
    SILENT("de", "Die Bundesregierung sagt, dass das Wasser in die Grube hineinfällt.",
           "missing-space");
    FINDS("de", "Die Sitzung der Regierungam Montag dauerte lange.", "missing-space",
          "Regierungam");
    FINDS("de", "Der Zeuge sagtedie Wahrheit vor Gericht.", "missing-space", "sagtedie");
}
END_TEST

START_TEST(test_issue_6_months_lower_case_fr_it)
{
    FINDS("fr", "Les syndicats appellent à manifester le 7 Mars dans toute la France.",
          "capitalization", "Mars");
    SILENT("fr", "Les syndicats appellent à manifester le 7 mars dans toute la France.",
           "capitalization");
    FINDS("it", "Lo sciopero è previsto per il 15 Gennaio in tutta Italia.", "capitalization",
          "Gennaio");
    SILENT("it", "Lo sciopero è previsto per il 15 gennaio in tutta Italia.", "capitalization");
    /* German capitalises its months: no such list there. */
    SILENT("de", "Der Streik ist für den 15. Januar in ganz Deutschland geplant.",
           "capitalization");
}
END_TEST

START_TEST(test_issue_6_fragments_with_elision_and_nouns)
{
    FINDS("fr", "Le recul de l’âge de départ améliorera le taux d’emploi des seniors. "
          "Selon l’Insee.", "fragment", "Selon l’Insee.");
    FINDS("de", "Der Landkreistag forderte mehr Mitsprache bei der Auswahl der Standorte. "
          "Nach Angaben des Sozialministeriums.", "fragment",
          "Nach Angaben des Sozialministeriums.");
    /* A noun phrase with no verb after a complete sentence is one (issue 12: `A decision
     * of historic weight.`); the sentence after it, with its verb, is not. */
    FINDS("de", "Die Mannschaft gewann das Spiel nach einem langen Kampf. Ein Erfolg. "
          "Der Trainer freute sich.", "fragment", "Ein Erfolg.");
}
END_TEST

START_TEST(test_issue_6_quotes_fr_de_it)
{
    SILENT("de", "„Er sagte mir: ‚Das mache ich nicht‘, und ging“, berichtete sie. Wie "
           "geht’s?", "quotes");
    FINDS("de", "Er nannte das „einen ersten Schritt, aber keinen Durchbruch.", "quotes", "„");
    SILENT("fr", "Il a dit : « Je pense qu’il a raison ; il m’a dit “non” hier. »", "quotes");
    FINDS("fr", "Le ministre a salué « un vote de responsabilité. Puis il est parti.",
          "quotes", "«");
    SILENT("it", "«Ha detto: “non lo so”», ha riferito l’avvocato. Un po’ di tempo.",
           "quotes");
}
END_TEST

START_TEST(test_issue_6_boilerplate_fr_de_it)
{
    FINDS("fr", "Le texte a été adopté.\n\nÀ lire aussi : Retraites, ce qui change\n\nLe "
          "Sénat l’examinera.", "boilerplate", "À lire aussi : Retraites, ce qui change");
    FINDS("de", "Der Haushalt wurde beschlossen.\n\nLesen Sie auch: Was die Länder dürfen\n\n"
          "Die Opposition klagt.", "boilerplate", "Lesen Sie auch: Was die Länder dürfen");
    FINDS("it", "Il decreto è stato approvato.\n\n© Riproduzione riservata", "boilerplate",
          "© Riproduzione riservata");
    SILENT("it", "Il decreto è stato approvato.\n\nLa riproduzione dei documenti riservati "
           "è vietata dalla legge, ha ricordato il giudice.", "boilerplate");
}
END_TEST

/* issue 12: three words joined, in running text and in a headline in capitals, and the
 * page's ranked-list labels and calls to the discussion. */
START_TEST(test_issue_12_joins_and_page_labels_fr_de_it)
{
    FINDS("fr", "Le gouvernement a dit quelaloi entrera en vigueur lundi.", "missing-space",
          "quelaloi");
    FINDS("de", "Die Regierung sagte, dassdasGesetz am Montag gilt.", "missing-space",
          "dassdasGesetz");
    FINDS("it", "Il governo ha detto chelalegge entrerà in vigore lunedì.", "missing-space",
          "chelalegge");
    /* Solid compounds open with a stem, never an inflected verb; separable verbs the
     * dictionary knows stay words. */
    FINDS("de", "Die Firma bietetjedoch keine Hilfe an.", "missing-space", "bietetjedoch");
    SILENT("de", "Die Sitzung findet statt, wenn der Rat teilnimmt.", "missing-space");
    FINDS("it", "TEMPESTA SULLA COSTA: CHIUSELESCUOLE DEL NORD", "missing-space",
          "CHIUSELESCUOLE");
    SILENT("it", "TEMPESTA SULLA COSTA: CHIUSE LE SCUOLE DEL NORD", "missing-space");
    FINDS("de", "Der Haushalt wurde beschlossen.\n\nJetzt mitdiskutieren\n\nDie Opposition "
          "klagt.", "boilerplate", "Jetzt mitdiskutieren");
    FINDS("fr", "Le texte a été adopté.\n\nLes plus vus\n\nLe Sénat l’examinera.",
          "boilerplate", "Les plus vus");
    FINDS("it", "Il decreto è stato approvato.\n\nI più commentati\n\nIl Senato lo esaminerà.",
          "boilerplate", "I più commentati");
    /* A sentence that speaks of a discussion is prose. */
    SILENT("de", "Der Haushalt wurde beschlossen.\n\nJetzt diskutieren wir am Montag im "
           "Rathaus über den Haushalt, sagte der Bürgermeister.", "boilerplate");
}
END_TEST

Suite *lang_fr_de_it_suite(void)
{
    checker_fr = tqc_test_checker_for("fr");
    checker_de = tqc_test_checker_for("de");
    checker_it = tqc_test_checker_for("it");
    Suite *s = suite_create("lang_fr_de_it");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_issue_6_fr_de_it_profiles_load);
    tcase_add_test(tc, test_issue_13_profiles_shared);
    tcase_add_test(tc, test_issue_6_german_sentence_boundaries);
    tcase_add_test(tc, test_issue_6_french_italian_sentence_boundaries);
    tcase_add_test(tc, test_issue_6_french_spaced_punctuation);
    tcase_add_test(tc, test_issue_6_elision_is_no_run_on);
    tcase_add_test(tc, test_issue_6_german_nouns_and_compounds);
    tcase_add_test(tc, test_issue_6_months_lower_case_fr_it);
    tcase_add_test(tc, test_issue_6_fragments_with_elision_and_nouns);
    tcase_add_test(tc, test_issue_6_quotes_fr_de_it);
    tcase_add_test(tc, test_issue_6_boilerplate_fr_de_it);
    tcase_add_test(tc, test_issue_12_joins_and_page_labels_fr_de_it);
    suite_add_tcase(s, tc);
    return s;
}
