/* Tests of the spelling pass: unknown words with suggestions, proper adjectives in lower
 * case, probable names as hints, and the tokens it leaves alone (non-words, acronyms,
 * words missing-space reported). */
#include <string.h>

#include "pass/pass.h"
#include "tqc_test.h"

typedef tqc_test_hit hit;

/* Checks text with every pass and describes its first spelling finding. */
static void check(const char *text, hit *h)
{
    tqc_test_first(text, "spelling", h);
}

START_TEST(test_issue_3_spelling_unknown_word)
{
    hit h;
    check("The ministry recieved the letter on Monday.", &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "recieved");
    ck_assert_str_eq(h.first, "received");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert(h.has_fix && !h.safe);
    ck_assert_msg(strstr(h.message, "unknown word 'recieved'"), "%s", h.message);
    check("The ministry received the letter on Monday.", &h);
    ck_assert_uint_eq(h.count, 0);
}
END_TEST

START_TEST(test_issue_3_spelling_proper_adjective_in_lower_case)
{
    hit h;
    check("He met the brazilian delegation in the capital.", &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_str_eq(h.span, "brazilian");
    ck_assert_str_eq(h.first, "Brazilian");
    /* A change of case is never safe (issue 13): a name is right as often as not. */
    ck_assert(h.has_fix && !h.safe);
    ck_assert_msg(strstr(h.message, "written in lower case"), "%s", h.message);
    check("He met the Brazilian delegation in the capital.", &h);
    ck_assert_uint_eq(h.count, 0);
}
END_TEST

START_TEST(test_issue_3_spelling_names_are_hints)
{
    hit h;
    check("The spokesman Zwelakhe Ndabeni said nothing.", &h);
    ck_assert_uint_eq(h.count, 2);
    ck_assert_str_eq(h.span, "Zwelakhe");
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert(!h.has_fix);
    /* At the start of a sentence too. */
    check("Ndabeni said nothing.", &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
}
END_TEST

START_TEST(test_issue_3_spelling_leaves_non_words_alone)
{
    hit h;
    check("See https://example.org/qzxv or mail qzxv@example.org, @qzxvbn #qzxvbn, "
          "the QZXV agency, 4x4qz and 12,500 units.", &h);
    ck_assert_msg(h.count == 0, "spelling fired on '%s'", h.span);
}
END_TEST

START_TEST(test_issue_3_spelling_not_again_after_missing_space)
{
    hit h;
    check("Nobody came to the meetingbecause of the rain.", &h);
    ck_assert_msg(h.count == 0, "spelling fired on '%s'", h.span);
    ck_assert_uint_eq(tqc_test_findings("Nobody came to the meetingbecause of the rain.",
                                        "missing-space", NULL, 0), 1);
}
END_TEST

/* Issue 5 (MQM evaluation): in German, a lower-case word the dictionary knows only as a
 * noun is as often a verb (`hochdrehen`) as a noun written wrong: a hint without a safe
 * fix, while English keeps its proper adjectives as warnings with a safe fix. */
START_TEST(test_issue_5_spelling_noun_form_is_a_hint_in_german)
{
    tqc_checker *de;
    char err[256];
    tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = "de"};
    ck_assert_msg(tqc_checker_new(&opts, &de, err, sizeof err) == TQC_OK, "%s", err);
    const char *text = "Er wollte den Motor hochdrehen.";
    tqc_doc *doc = tqc_doc_new("t.txt", text, strlen(text), "de");
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(de, doc, &out), TQC_OK);
    size_t hits = 0;
    for (size_t i = 0; i < out.count; i++) {
        const tqc_finding *f = &out.items[i];
        if (strcmp(f->rule, "spelling") != 0)
            continue;
        hits++;
        ck_assert_int_eq(f->severity, TQC_SEV_INFO);
        ck_assert(!f->has_fix || !f->fix.safe);
        ck_assert_msg(strstr(f->message, "known only as the noun 'Hochdrehen'"), "%s", f->message);
    }
    ck_assert_uint_eq(hits, 1);
    tqc_findings_release(&out);
    tqc_doc_free(doc);
    tqc_checker_free(de);
    hit h;
    check("The brazilian minister arrived.", &h);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert(h.has_fix && !h.safe);
}
END_TEST

/* Spelling findings of text in language code (first one described), at any severity. */
static size_t spelling_in(const char *code, const char *text, hit *h)
{
    tqc_test_first_in(code, text, "spelling", h);
    return h->count;
}

START_TEST(test_issue_12_spelling_british_copy_is_accepted)
{
    hit h;
    /* British words the American dictionary lacks, in a plain `en` document. */
    ck_assert_uint_eq(spelling_in("en", "The programme will organise colour displays in the "
                                  "centre, and the defence minister travelled to the theatre "
                                  "to watch the metre-long banners.", &h), 0);
    /* American copy stays as quiet, and a misspelling is still one. */
    ck_assert_uint_eq(spelling_in("en", "The program will organize color displays in the "
                                  "center.", &h), 0);
    ck_assert_uint_eq(spelling_in("en", "The programme will organise the colour recepcion.", &h),
                      1);
    ck_assert_str_eq(h.span, "recepcion");
}
END_TEST

START_TEST(test_issue_12_spelling_mixed_varieties_once_as_info)
{
    hit h;
    ck_assert_uint_eq(spelling_in("en", "The programme will organise colour events in the "
                                  "centre.\n\nThe color guard arrived.", &h), 1);
    ck_assert_str_eq(h.span, "color");
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "American and British spellings mixed"), "%s", h.message);
    ck_assert_msg(strstr(h.message, "most of the text is British"), "%s", h.message);
    /* A configured variety asks its own dictionary alone: the American word is unknown. */
    ck_assert_uint_eq(spelling_in("en-GB", "The colour guard met the color guard.", &h), 1);
    ck_assert_str_eq(h.span, "color");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    /* European Portuguese in a plain `pt` document; Brazilian beside it is told once. */
    ck_assert_uint_eq(spelling_in("pt", "O facto é que a equipa económica apresentou o "
                                  "programa.", &h), 0);
    ck_assert_uint_eq(spelling_in("pt", "A equipa económica tem um género de plano.\n\nO "
                                  "ônibus chegou.", &h), 1);
    ck_assert_str_eq(h.span, "ônibus");
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
}
END_TEST

START_TEST(test_issue_12_spelling_english_loanwords_are_hints)
{
    hit h;
    ck_assert_uint_eq(spelling_in("pt", "O novo kernel foi atualizado ontem.", &h), 1);
    ck_assert_str_eq(h.span, "kernel");
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "English"), "%s", h.message);
    /* Not a noun: German capitalises a loan noun (`die neue firewall` is capitalization's). */
    ck_assert_uint_eq(spelling_in("de", "Die Firewall blockiert alles, was nicht whitelisted ist.",
                                  &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    /* A misspelling no language knows is still one. */
    ck_assert_uint_eq(spelling_in("es", "El ministro dijo que la situacion era grave.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

START_TEST(test_issue_12_spelling_quiet_in_an_untranslated_clause)
{
    hit h;
    const char *text = "The budget passed on Monday, the minister said, mas a oposição votou "
                       "contra a proposta do governo.";
    ck_assert_uint_eq(spelling_in("en", text, &h), 0);
    tqc_test_first_in("en", text, "untranslated", &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_msg(strstr(h.message, "Portuguese"), "%s", h.message);
}
END_TEST


/* Issue 12: clean copy in every language stays clean. Words Hunspell's lists lack that
 * the language forms regularly (lang/morph.h): a prefix, enclitic pronouns, a German
 * compound or a particle's `zu` infinitive, a prefix before a hyphen. */
START_TEST(test_issue_12_spelling_regular_formations_are_words)
{
    hit h;
    ck_assert_uint_eq(spelling_in("es", "Tuvimos que reprogramar el equipo y reprogramarlo otra "
                                  "vez, desconectándola antes de la red.", &h), 0);
    ck_assert_uint_eq(spelling_in("it", "Abbiamo scelto una soluzione multipiattaforma.", &h), 0);
    ck_assert_uint_eq(spelling_in("fr", "Le logiciel multiplateforme est réinstallable.", &h), 0);
    ck_assert_uint_eq(spelling_in("pt", "O processo semi-automático foi testado.", &h), 0);
    ck_assert_uint_eq(spelling_in("de", "Die klimaschutzbezogene Planung war verkehrsbedingt "
                                  "schwierig, und wir versuchten, die Brücke "
                                  "wiederaufzubauen.", &h), 0);
    ck_assert_uint_eq(spelling_in("en", "The nonpartisan panel met.", &h), 0);
    /* Issue 12, clean text: adjectives and agent nouns derived from an infinitive of the
     * lexicon by a suffix of the profile's `derivations` (`avviare`: `avviabile`). */
    ck_assert_uint_eq(spelling_in("it", "Il servizio è avviabile da remoto e il codice è "
                                  "digitabile a mano.", &h), 0);
    ck_assert_uint_eq(spelling_in("fr", "Le document est archivable et chaque note est "
                                  "ajoutable plus tard.", &h), 0);
    ck_assert_uint_eq(spelling_in("es", "El sistema es configurable y el módulo es activable "
                                  "desde el panel.", &h), 0);
    ck_assert_uint_eq(spelling_in("pt", "O arquivo é pesquisável pelo nome.", &h), 0);
    /* ... though one edit from its own infinitive (`-eur`, `-er`). */
    ck_assert_uint_eq(spelling_in("fr", "Le sauvegardeur copie les fichiers et l'archiveur "
                                  "les range.", &h), 0);
    ck_assert_uint_eq(spelling_in("en", "The files are uploadable and the addresses are "
                                  "routable.", &h), 0);
    /* ... of a verb: a slip of the suffix or of the verb is no derivation (with no word
     * one letter away, a hint). */
    ck_assert_uint_eq(tqc_test_findings_in("es", "El sistema es configurabla desde el panel.",
                                           "spelling", NULL, 0), 1);
    ck_assert_uint_eq(spelling_in("it", "Il servizio è avvaibile da remoto.", &h), 1);
    /* A formation one edit from a frequent word is that word misspelt (`co` + `tiene`). */
    ck_assert_uint_eq(spelling_in("es", "El archivo cotiene datos.", &h), 1);
    ck_assert_str_eq(h.span, "cotiene");
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_str_eq(h.first, "contiene");
    /* A run-on is no compound: function words join only where the profile says so. */
    ck_assert_uint_eq(tqc_test_findings_in("de", "Sie kamen undwenn es regnete, blieben sie.",
                                           "missing-space", NULL, 0), 1);
}
END_TEST

/* Issue 12: what a spell checker cannot judge is a hint: a hyphenated word with no part of
 * the language (a package name), a word with no vowel (a code), an English word after an
 * elided article, two frequent English words written solid. */
START_TEST(test_issue_12_spelling_codes_terms_and_compounds_are_hints)
{
    hit h;
    ck_assert_uint_eq(spelling_in("pt", "O pacote libfoo-utils e o dpkg foram instalados.", &h), 2);
    ck_assert_str_eq(h.span, "libfoo-utils");
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(tqc_test_findings_in("pt", "O pacote libfoo-utils e o dpkg foram "
                                           "instalados.", "spelling", NULL, 0), 0);
    ck_assert_uint_eq(spelling_in("it", "Il servizio dell'hypervisor si è fermato.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "English"), "%s", h.message);
    ck_assert_uint_eq(spelling_in("en", "The bookcart stood by the door.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "compound"), "%s", h.message);
    /* A vowelless misspelling of a frequent word stays a warning; so does a word Hunspell
     * refuses after an elided article though it knows the word (`un'altro`). */
    ck_assert_uint_eq(spelling_in("en", "He said whch one he wanted.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(spelling_in("it", "Ne voglio un'altro.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    /* A word written three times the same way with no frequent word one edit away is a
     * term of the article; a misspelling repeated as often is still one. */
    ck_assert_uint_eq(spelling_in("en", "The zorbulator hums. A zorbulator is cheap. Every "
                                  "zorbulator sells.", &h), 3);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "a term?"), "%s", h.message);
    ck_assert_uint_eq(spelling_in("en", "The goverment said no. The goverment left. The "
                                  "goverment came back.", &h), 3);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    /* A capitalised article opening a sentence: the word after it is judged in lower case. */
    ck_assert_uint_eq(spelling_in("fr", "L'utilsateur est parti.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Issue 12, clean-text false alarms: a lower-case word of two frequent words of a loan
 * language written solid is a term (a hint naming the language); a word with two letter
 * sequences no word of the language has is a code or a term; a word with a capital is
 * not a name "in lower case", and a lower-case word known only as an acronym is a hint.
 * A misspelling with a frequent word one edit away stays a warning in each language. */
START_TEST(test_issue_12_spelling_foreign_shapes_are_hints)
{
    static const char *const langs[][3] = {
        {"pt", "O serviço portwatch foi reiniciado ontem.", "O ministro disse que o porblema era grave."},
        {"es", "El servicio portwatch se reinició ayer.", "El ministro dijo que el porblema era grave."},
        {"fr", "Le service portwatch a redémarré hier.", "Le ministre a dit que le porblème était grave."},
        {"it", "Il servizio portwatch è ripartito ieri.", "Il ministro ha detto che il porblema era grave."},
    };
    hit h;
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        ck_assert_uint_eq(spelling_in(langs[i][0], langs[i][1], &h), 1);
        ck_assert_int_eq(h.severity, TQC_SEV_INFO);
        ck_assert_msg(strstr(h.message, "English 'port watch'"), "%s: %s", langs[i][0], h.message);
        ck_assert_uint_eq(spelling_in(langs[i][0], langs[i][2], &h), 1);
        ck_assert_msg(h.severity == TQC_SEV_WARNING, "%s: %s", langs[i][0], h.message);
    }
    ck_assert_uint_eq(spelling_in("es", "El demonio klopd se reinició ayer.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "no Spanish word"), "%s", h.message);
    ck_assert_uint_eq(spelling_in("pt", "Os PCs da escola foram trocados.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert(!h.has_fix);
    /* A lower-case word written in English is still a name in lower case. */
    ck_assert_uint_eq(spelling_in("en", "He met the brazilian minister.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Issue 12: Swiss German writes ss for ß; a plain `de` document accepts it, tells a mixture
 * once (info), and `de-DE` asks its own dictionary alone. */
START_TEST(test_issue_12_spelling_swiss_german_is_accepted)
{
    hit h;
    ck_assert_uint_eq(spelling_in("de", "Die Strasse ist gross, und der Fussball liegt "
                                  "draussen.", &h), 0);
    ck_assert_uint_eq(spelling_in("de", "Die Strasse ist gross, und der Fussball liegt "
                                  "draussen.\n\nAber die Straße ist weiß.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "Swiss German spellings mixed"), "%s", h.message);
    ck_assert_uint_ne(spelling_in("de-DE", "Die Strasse ist gross.", &h), 0);
    /* A misspelling neither variety knows is still one. */
    ck_assert_uint_eq(spelling_in("de", "Die Strasse ist grosss.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Issue 12, clean-text false alarms: an unknown lower-case word the text shows it writes
 * on purpose is a hint (info), in every language: the text writes it in capitals too (a
 * command named by an acronym), it names a manual page, it stands alone in quotation
 * marks (mentioned, not used), or the text writes it twice the same way and never the
 * word it would be a slip of. Without that evidence the same word is a warning; so is a
 * repeated slip of a common word, or of an accent. */
START_TEST(test_issue_12_spelling_words_written_on_purpose_are_hints)
{
    static const char *const cases[][3] = {
        /* lang, with evidence (info), without (warning) */
        /* slips of rare words (`acceptant`, `desafogada`...): one edit from a word */
        {"en", "The acceptakt daemon starts ACCEPTAKT at boot.", "The acceptakt daemon starts at boot."},
        {"pt", "O pacote desafogaka instala o servidor DESAFOGAKA.", "O pacote desafogaka instala o servidor."},
        {"es", "La página caudaloka(8) describe las opciones.", "La página caudaloka describe las opciones."},
        {"fr", "Le « limogekt » est un ordinateur qui agrège les données.", "Le limogekt est un ordinateur qui agrège les données."},
        {"de", "Das Paket bleihaltkg ist alt. Man installiert bleihaltkg einmal.", "Das Paket bleihaltkg ist alt."},
        {"it", "Il «targanko» è il computer che aggrega i dati.", "Il targanko è il computer che aggrega i dati."},
    };
    hit h;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_uint_ge(spelling_in(cases[i][0], cases[i][1], &h), 1);
        ck_assert_msg(h.severity == TQC_SEV_INFO, "%s: %s", cases[i][0], h.message);
        ck_assert_msg(strstr(h.message, "but"), "%s: %s", cases[i][0], h.message);
        ck_assert_uint_eq(spelling_in(cases[i][0], cases[i][2], &h), 1);
        ck_assert_msg(h.severity == TQC_SEV_WARNING, "%s: %s", cases[i][0], h.message);
    }
    /* Letters left out on purpose, marked by an apostrophe; not the closing mark of a
     * quotation opened with the same mark. */
    ck_assert_uint_eq(spelling_in("en", "Ye must be countin' the echoes.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("en", "He called it 'a goverment' and left.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    /* Repeated slips of a common word, or of an accent, are misspellings each time. */
    ck_assert_uint_eq(spelling_in("en", "The goverment met. The goverment left.", &h), 2);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(spelling_in("es", "Lo hizo sólamente una vez, y sólamente allí.", &h), 2);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Issue 12: a word a loan language knows in lower case is no name written in lower case
 * (`switch` in French), and a name the text writes in lower case each time, never
 * capitalised, is its own name (a package): hints. Written so once, still a warning. */
START_TEST(test_issue_12_spelling_lower_case_names_of_their_own)
{
    hit h;
    ck_assert_uint_eq(spelling_in("fr", "Le switch relie les machines.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "English"), "%s", h.message);
    ck_assert_uint_eq(spelling_in("en", "Install drupal first. Then drupal opens, and drupal "
                                  "asks for a password.", &h), 3);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("en", "Install drupal first.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Issue 17, real pages: a word broken by a soft hyphen is one word; a piece of a host,
 * file or media type name, a function, the names of a credit line and a name that opens
 * its sentence in lower case are no misspellings a spell checker can judge (hints). The
 * same words in running prose stay warnings. */
START_TEST(test_issue_17_spelling_pieces_of_names_and_codes_are_hints)
{
    hit h;
    ck_assert_uint_eq(spelling_in("en", "Netan\u00ADyahu spoke on Monday.", &h), 0);
    ck_assert_uint_eq(spelling_in("en", "The server sends application/klomd+json data.", &h), 2);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("en", "The site moved to klomatix.org last week.", &h), 0);
    ck_assert_uint_eq(spelling_in("en", "It calls klomatix() once.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("en", "The rain stopped.\n\nklomatix shrinks the data.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("en", "Photos by klomatix, Reuters and the agency.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("pt", "Fotos de klomatix e da agência.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("en", "The rain stopped and acceptakt shrinks the data.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    /* A word and a clitic of the lexicon are a contraction; a misspelt word before one is
     * still misspelt. */
    ck_assert_uint_eq(spelling_in("en", "The sun'll rise, and anybody'd know it.", &h), 0);
    ck_assert_uint_eq(spelling_in("en", "The goverment'll fail.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Issue 17, real pages: a slip of the keyboard is one edit from a word; an unknown word
 * with no word of the dictionary one edit away is a term or a rare word as often as a
 * misspelling (a hint), while a slip of a rare word stays a warning. A short lower-case
 * word between two capitalised ones is a particle of a name. */
START_TEST(test_issue_17_spelling_no_word_near_and_name_particles)
{
    hit h;
    ck_assert_uint_eq(spelling_in("en", "The library runs a klomatix step before each build.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "one letter away"), "%s", h.message);
    ck_assert_uint_eq(spelling_in("en", "The library runs a acceptakt step before each build.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(spelling_in("fr", "La bibliothèque lance une étape limogekt.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_ge(spelling_in("en", "The prize went to Maria te Velde last year.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("en", "They said te others left.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* A lower-case word with no word one edit away is a hint, unless a case away it is a
 * name the lexicon or the dictionary knows: then it is a name written in lower case, a
 * slip (the injection evaluation's `microsoft` in Italian). */
START_TEST(test_issue_12_spelling_name_in_lower_case_is_no_term)
{
    if (!tqc_lang_lexicon(tqc_checker_lang(tqc_test_checker_for("it"))))
        return;
    tqc_test_hit h;
    tqc_test_first_in("it", "La capacità di importare documenti microsoft per gli utenti è "
                      "importante.", "spelling", &h);
    ck_assert_uint_eq(h.count, 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Issue 12, clean text: what a spell checker of the document's language cannot judge says
 * less. A word of another language beside another word of it that is not the document's
 * is a phrase of that language (a hint naming it); alone among the document's words it
 * is still a misspelling. A prefix left before a hyphen and a space is a word. A loan
 * language's acronym in lower case is a hint, as the language's own are. */
START_TEST(test_issue_12_spelling_foreign_phrases_prefixes_and_loan_acronyms)
{
    hit h;
    ck_assert_uint_eq(spelling_in("en", "The chef taught us the meaning of le chien at dinner.",
                                  &h), 1);
    ck_assert_str_eq(h.span, "chien");
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "French"), "%s", h.message);
    ck_assert_uint_eq(spelling_in("en", "The critic praised its avant garde staging.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    /* In the other languages (their loan language's `pas` aside). */
    ck_assert_uint_eq(tqc_test_findings_in("de", "Die Menge rief pas une goutte durch die "
                                           "Straßen.", "spelling", NULL, 0), 0);
    ck_assert_uint_eq(tqc_test_findings_in("es", "La gente gritaba pas une goutte por las "
                                           "calles.", "spelling", NULL, 0), 0);
    /* Alone among English words, the French word is a misspelling of an English one. */
    ck_assert_uint_eq(spelling_in("en", "The chef said une of the cooks left.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(spelling_in("es", "El ministro dijo que el presupuesto estaba cerrdo.",
                                  &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    /* Suspended prefixes. */
    ck_assert_uint_eq(spelling_in("en", "The pre- and post-war figures differ.", &h), 0);
    ck_assert_uint_eq(spelling_in("it", "Gli script pre- e post-installazione usano i dati.",
                                  &h), 0);
    ck_assert_uint_eq(spelling_in("en", "The prw- and post-war figures differ.", &h), 1);
    /* A loan language's acronym in lower case. */
    ck_assert_uint_eq(spelling_in("pt", "O disco usa a interface scsi do servidor.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_str_eq(h.first, "SCSI");
    ck_assert_uint_eq(spelling_in("es", "El disco usa la interfaz scsi del servidor.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
}
END_TEST

/* Issue 12, clean English press: a compound written with a hyphen more or less than the
 * dictionary or the lexicon writes it is a variant spelling, a hint with the known form;
 * a slip in such a word, and two words run together, are still reported. A lower-case
 * word known only capitalised beside a word of another language (`le culte du moi`) is a
 * hint; alone among the document's words, a name in lower case. */
START_TEST(test_issue_12_spelling_compound_variants_and_foreign_names)
{
    hit h;
    ck_assert_uint_eq(spelling_in("en", "The teen-ager stayed home with his family.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_str_eq(h.first, "teenager");
    ck_assert_uint_eq(spelling_in("en", "Her longsuffering mother stayed home.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_str_eq(h.first, "long-suffering");
    /* not also a run-on of `long suffering` */
    ck_assert_uint_eq(tqc_test_findings_in("en", "Her longsuffering mother stayed home.",
                                           "missing-space", NULL, 0), 0);
    /* written as the dictionary writes it: nothing */
    ck_assert_uint_eq(spelling_in("en", "The teenager and her long-suffering mother stayed "
                                  "home.", &h), 0);
    /* the same in the other languages (Hunspell joins the parts of pt and de compounds
     * at a hyphen itself) */
    static const char *const para[][3] = {
        {"es", "Los para-caidistas saltaron sobre el valle.", "paracaidistas"},
        {"fr", "Les para-chutistes ont sauté sur la vallée.", "parachutistes"},
        {"it", "I para-cadutisti saltarono sulla valle.", "paracadutisti"},
    };
    for (size_t i = 0; i < sizeof para / sizeof *para; i++) {
        ck_assert_uint_eq(spelling_in(para[i][0], para[i][1], &h), 1);
        ck_assert_int_eq(h.severity, TQC_SEV_INFO);
        ck_assert_str_eq(h.first, para[i][2]);
    }
    ck_assert_uint_eq(spelling_in("fr", "Les parachutistes ont sauté sur la vallée.", &h), 0);
    ck_assert_uint_eq(spelling_in("pt", "Os para-quedistas saltaram sobre o vale.", &h), 0);
    /* a slip in the compound, and two words run together, stay warnings */
    ck_assert_uint_eq(spelling_in("en", "The teenagr stayed home.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The minister said thebudget was cut.",
                                           "missing-space", NULL, 0), 1);
    /* `du` is known only as `Du`, but beside French `culte` it is French: no warning */
    ck_assert_uint_eq(tqc_test_findings_in("en", "He spoke of le culte du moi at length.",
                                           "spelling", NULL, 0), 0);
    ck_assert_uint_eq(spelling_in("en", "The du team and the brazilian delegation met.", &h),
                      2);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Issue 12, clean English press: a word or a two-word phrase the language's list of
 * rarer words has (dictionaries/en/rare.tsv, from WordNet: variant spellings, rarer words,
 * phrases English took from other languages) is a hint, not a misspelling, and not a
 * run-on either; the same word outside its phrase, a misspelling, and a name in lower
 * case are still warnings. The other languages have no such list. */
START_TEST(test_issue_12_spelling_rare_words_and_phrases_are_hints)
{
    hit h;
    /* SCOWL's older spellings, with no part of speech (WORD) */
    ck_assert_uint_eq(spelling_in("en", "The city employes were paid, altho late.", &h), 2);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The city employes were paid, altho late.",
                                           "spelling", NULL, 0), 0);
    ck_assert_uint_eq(spelling_in("en", "The glamor of the stage faded.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "rarer words"), "%s", h.message);
    ck_assert_uint_eq(spelling_in("en", "He entered a plea of nolo contendere on Monday.", &h),
                      1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "in this phrase"), "%s", h.message);
    ck_assert_uint_eq(spelling_in("en", "Industry per se is not the savior.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(tqc_test_findings_in("en", "But John forbad him to go.", "missing-space",
                                           NULL, 0), 0);
    /* a word list's word with no part of speech may be a run-on all the same */
    ck_assert_uint_eq(tqc_test_findings_in("en", "They came inone car to the city.",
                                           "missing-space", NULL, 0), 1);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The todo list was long.", "missing-space",
                                           NULL, 0), 1);
    /* outside its phrase, a misspelling, a name in lower case: warnings */
    ck_assert_uint_eq(spelling_in("en", "The contendere left early.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(spelling_in("en", "The se team won.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(spelling_in("en", "The glamour of the stage was recieved well.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    tqc_lang *en = NULL, *de = NULL;
    char err[256];
    ck_assert_int_eq(tqc_lang_load(TQC_SOURCE_DIR, "en", &en, err, sizeof err), TQC_OK);
    ck_assert_int_eq(tqc_lang_load(TQC_SOURCE_DIR, "de", &de, err, sizeof err), TQC_OK);
    ck_assert_ptr_nonnull(tqc_lang_rare(en));
    ck_assert_ptr_null(tqc_lang_rare(de));
    tqc_lang_free(en);
    tqc_lang_free(de);
}
END_TEST

/* Issue 12, clean French and Italian: the word after an elided article is judged as it
 * would be alone, a term the text repeats or one made of a loan language's words is a
 * hint; a slip after the article is still a misspelling. */
START_TEST(test_issue_12_spelling_word_after_elision_judged_alone)
{
    hit h;
    ck_assert_uint_eq(tqc_test_findings_in("fr", "Elle a modifié l'inode du fichier. Chaque "
                                           "inode garde la taille du fichier. Un inode de plus "
                                           "suffit.", "spelling", NULL, 0), 0);
    ck_assert_uint_eq(tqc_test_findings_in("fr", "La machine sert d'autobuilders pour le "
                                           "projet.", "spelling", NULL, 0), 0);
    ck_assert_uint_eq(spelling_in("it", "Il disco usa l'hotplug anche per la rete.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("fr", "Il a lu l'articel hier soir.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(spelling_in("it", "Ho letto l'articlo ieri sera.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Issue 12, clean prose in every language: three distinct words or more close together
 * that the dictionary lacks are a passage in dialect, an older spelling or another
 * language, each a hint that says so; two, the same words in separate paragraphs, or
 * three slips far apart in one long paragraph (an article on one line) are still
 * misspellings, and so is an accent written wrong whatever surrounds it. */
START_TEST(test_issue_12_spelling_passage_of_unknown_words_is_a_hint)
{
    hit h;
    const char *dialect = "He wrote home that the vittels were short, the wagun was brokke "
                          "and the mules were lame.";
    ck_assert_uint_eq(tqc_test_findings_in("en", dialect, "spelling", NULL, 0), 0);
    ck_assert_uint_eq(spelling_in("en", dialect, &h), 3);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "dialect"), "%s", h.message);
    ck_assert_uint_eq(tqc_test_findings_in("es", "Mi agüelo dijo que naide sabía la verdá del "
                                           "asunto.", "spelling", NULL, 0), 0);
    /* two only, or three spread over paragraphs: slips */
    ck_assert_uint_eq(tqc_test_findings_in("en", "He wrote home that the vittels were short "
                                           "and the wagun was broken.", "spelling", NULL, 0), 2);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The vittels were short.\n\nThe wagun was "
                                           "late.\n\nThe brokke cart stood.", "spelling", NULL, 0), 3);
    ck_assert_uint_eq(tqc_test_findings_in("es", "Mi abuelo dijo que naide sabía la verdá del "
                                           "asunto.", "spelling", NULL, 0), 2);
    ck_assert_uint_eq(tqc_test_findings_in("en", "The council said the goverment would act on "
                                           "the report by the end of the month, after a long "
                                           "debate in which members of every party spoke at "
                                           "length about the cost. Officials recieved the "
                                           "final figures on Tuesday and said the budget for "
                                           "roads, schools and clinics would be set before "
                                           "the summer. The comittee will meet again in May.",
                                           "spelling", NULL, 0), 3);
    /* an accent dropped is a slip, not a dialect's word, and is not counted */
    ck_assert_uint_eq(tqc_test_findings_in("fr", "Le ministre a recu la lettre et il la lit "
                                           "avec atention et sans hâte, dit-il, mais sans "
                                           "plaisire.", "spelling", NULL, 0), 3);
}
END_TEST

/* Issue 12, clean technical prose in every language: a word of three letters or fewer is
 * one edit from common words and from words the text writes whatever it is, so written
 * three times the same way it is a term unless the text writes the word it would most
 * likely be a slip of (its first suggestion); twice, it is still a misspelling. */
START_TEST(test_issue_12_spelling_short_terms_written_three_times_are_hints)
{
    ck_assert_uint_eq(tqc_test_findings_in("es", "El valor tid indica el hilo. Cada tid es un "
                                           "número. Si el tid cambia, nadie lo pide.",
                                           "spelling", NULL, 0), 0);
    ck_assert_uint_eq(tqc_test_findings_in("es", "El valor tid indica el hilo. Si el tid "
                                           "cambia, nadie lo pide.", "spelling", NULL, 0), 2);
    ck_assert_uint_eq(tqc_test_findings_in("es", "Dijo qeu vendría. Creo qeu sí. Sé que qeu "
                                           "no es así.", "spelling", NULL, 0), 3);
}
END_TEST

/* Issue 12, dialogue in clean English fiction: an apostrophe glued before a word after a
 * space marks letters left out on purpose (`'fraid`), as one after it does (`countin'`),
 * unless a single-quote mark closes after it in the sentence: then it opens a quotation
 * whose first word may be a slip. */
/* Issue 12, clean text: a base word of the lexicon with a suffix of rules/<lang>/suffixes
 * is a word when no frequent word but its base is one edit away; a suffix the base's part
 * of speech does not take, or another word that near, leaves a misspelling. */
START_TEST(test_issue_12_spelling_suffixed_words_are_words)
{
    hit h;
    ck_assert_uint_eq(spelling_in("en", "The kiosk was panelized last week.", &h), 0);
    ck_assert_uint_eq(spelling_in("es", "Los módems nuevos están listos.", &h), 0);
    ck_assert_uint_eq(spelling_in("it", "Le tastierine sono pronte.", &h), 0);
    ck_assert_uint_eq(spelling_in("fr", "Le reformatement du disque est prévu.", &h), 0);
    /* `-ness` makes nouns of adjectives, not of nouns */
    ck_assert_uint_eq(spelling_in("en", "The tableness of the land was clear.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    /* a frequent word near that is not the base: a slip */
    ck_assert_uint_eq(spelling_in("en", "His happyness was plain.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_str_eq(h.first, "happiness");
    ck_assert_uint_eq(spelling_in("es", "Los relojs se pararon.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    /* Portuguese adds `-es` after `-r` and `-z` only: English `locales` stays a loanword */
    ck_assert_uint_eq(spelling_in("pt", "Os locales do sistema chegaram.", &h), 1);
    ck_assert_msg(strstr(h.message, "English"), "%s", h.message);
}
END_TEST

/* Issue 12, clean text: a loanword typeset with a ligature is the dictionary's word spelt
 * with the letters; eye dialect (an apostrophe standing for letters of a word, an ending
 * as speech drops a letter of it) is a hint; a slip is not eye dialect. */
START_TEST(test_issue_12_spelling_ligatures_and_eye_dialect)
{
    hit h;
    ck_assert_uint_eq(spelling_in("en", "The curator praised the œuvre and the manœuvre.", &h), 0);
    ck_assert_uint_eq(spelling_in("en", "She said the fam'ly had gone home.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_str_eq(h.first, "family");
    ck_assert_uint_eq(spelling_in("en", "She said he was runnin late.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_str_eq(h.first, "running");
    /* an apostrophe moved, no letter left out; an ending that makes no word */
    ck_assert_uint_eq(spelling_in("en", "The door does'nt open.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(spelling_in("en", "The gardin was locked.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Issue 12: a word that is a frequent word with an accent left off or wrong is that word
 * misspelt, though a loan language has it (`version`, `selection` are English); in German a
 * capitalised word mid-sentence may be such a noun (`Fahigkeiten`), but not a name. */
START_TEST(test_issue_12_spelling_accent_left_off)
{
    hit h;
    struct {
        const char *code, *text, *word, *fix;
    } cases[] = {
        {"pt", "O usuario do sistema pediu ajuda.", "usuario", "usu\u00e1rio"},
        {"es", "La version nueva del programa lleg\u00f3 ayer.", "version", "versi\u00f3n"},
        {"fr", "La selection des candidats a pris du temps.", "selection", "s\u00e9lection"},
        {"it", "La qualita del servizio \u00e8 migliorata.", "qualita", "qualit\u00e0"},
        {"de", "Die Fahigkeiten des neuen Teams sind gro\u00df.", "Fahigkeiten", "F\u00e4higkeiten"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ck_assert_uint_eq(spelling_in(cases[i].code, cases[i].text, &h), 1);
        ck_assert_str_eq(h.span, cases[i].word);
        ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
        ck_assert_str_eq(h.first, cases[i].fix);
    }
    ck_assert_uint_eq(spelling_in("de", "Das Buch schrieb der Autor Micha\u00ebl Weber.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
}
END_TEST

/* Issue 12: an unknown capitalised word is weighed the same way in every language: a
 * common word but for an accent, or (where nouns are capitalised) a noun one edit away in
 * a noun's slot and written once, is a slip, though a determiner opening the sentence is
 * capitalised, and so is a common word's slip repeated; a capital mid-sentence where only
 * names have one, a name beside it or a repeated use weigh for a name, and names one edit
 * or an accent from a common word stay hints. */
START_TEST(test_issue_12_spelling_capital_weighed_slip_or_name)
{
    hit h;
    struct {
        const char *code, *text, *word, *fix;
    } slips[] = {
        {"de", "Die Verwaltng der Stadt ist neu.", "Verwaltng", "Verwaltung"},
        {"de", "Der Rat lobte die Ubergabe der Schl\u00fcssel.", "Ubergabe", "\u00dcbergabe"},
        {"fr", "Selon le pr\u00e9fet, la Region a vot\u00e9 le budget.", "Region", "R\u00e9gion"},
        {"es", "Segun el informe, la inflaci\u00f3n baj\u00f3.", "Segun", "Seg\u00fan"},
        {"pt", "Tambem o ministro falou.", "Tambem", "Tamb\u00e9m"},
        {"it", "Perche il governo ha deciso cos\u00ec?", "Perche", "Perch\u00e9"},
        /* repeated, a slip of a common word is a slip each time */
        {"de", "Die Benuzter klagen. Die Benuzter warten.", "Benuzter", "Benutzer"},
    };
    for (size_t i = 0; i < sizeof slips / sizeof *slips; i++) {
        ck_assert_uint_ge(spelling_in(slips[i].code, slips[i].text, &h), 1);
        ck_assert_str_eq(h.span, slips[i].word);
        ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
        ck_assert_str_eq(h.first, slips[i].fix);
    }
    struct {
        const char *code, *text, *word;
    } names[] = {
        {"de", "Der Trainer Thomas Muller lobte das Team.", "Muller"},
        {"de", "Muller sagte es am Montag. Muller ging dann.", "Muller"},
        {"fr", "Le ministre Andre Dupont a parl\u00e9.", "Andre"},
        {"es", "El delegado Jose Ramirez lleg\u00f3 ayer.", "Ramirez"},
        {"pt", "O avi\u00e3o partiu de Sao Paulo ontem.", "Sao"},
        {"it", "Il cantante Nicolo Fabi ha suonato.", "Nicolo"},
        {"en", "Councillor Ann Pember spoke first.", "Pember"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        ck_assert_uint_ge(spelling_in(names[i].code, names[i].text, &h), 1);
        ck_assert_str_eq(h.span, names[i].word);
        ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    }
}
END_TEST

/* Issue 12: a German separable verb's stem, its particle closing the clause, is a form
 * Hunspell lacks and no slip; without the particle the same stem is not let through. */
START_TEST(test_issue_12_spelling_separable_verb)
{
    hit h;
    ck_assert_uint_eq(spelling_in("de", "Der Wind flaute am Abend ab.", &h), 0);
    ck_assert_uint_eq(spelling_in("de", "Der Wind flaute am Abend.", &h), 1);
    ck_assert_str_eq(h.span, "flaute");
}
END_TEST

/* Issue 12: an abbreviation written with periods (`p.m.`) is prose, not code that would
 * make its paragraph's unknown words terms of it. */
START_TEST(test_issue_12_spelling_abbreviation_is_no_code)
{
    hit h;
    ck_assert_uint_eq(spelling_in("en", "The march starts at 2 p.m. Saturday, and the "
                                  "orchestar plays.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_str_eq(h.first, "orchestra");
}
END_TEST

/* Issue 12, clean text: a hyphenated compound whose unknown part no frequent word is near
 * is a coinage or a term (a hint); a short word with a period its sentence goes on after
 * is an abbreviation; a word glued after asterisks is a symbol. A part one edit from a
 * frequent word, and a longer word before a period, stay slips. */
START_TEST(test_issue_12_spelling_coinages_abbreviations_symbols)
{
    hit h;
    ck_assert_uint_eq(spelling_in("en", "The glass-bricklets of the hall shone.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("en", "They fixed the steel-frme windows.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(spelling_in("en", "Drill a hole of 3 mm dia. through the plate.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("en", "He left the offise. then he went home.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_uint_eq(spelling_in("en", "The angle **yf is small.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
}
END_TEST

/* Issue 12: in German a capitalised word after an article or an adjective is a noun as
 * often as a name: one edit from a noun (a compound's part, which the frequency list
 * rarely holds whole), it is a slip; a name, a loan language's noun and a word after a
 * preposition stay hints. */
START_TEST(test_issue_12_spelling_german_noun_slips)
{
    hit h;
    ck_assert_uint_eq(spelling_in("de", "Die Stadt plant einen Nachtverkher mit Bussen.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_str_eq(h.first, "Nachtverkehr");
    ck_assert_uint_eq(spelling_in("de", "Die neue Wasserleitnug ist fertig.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_str_eq(h.first, "Wasserleitung");
    ck_assert_uint_eq(spelling_in("de", "Die neuen Besiter kamen an.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert_str_eq(h.first, "Besitzer");
    /* a noun with an ending of `suffixes`: an inflection the dictionary lacks */
    ck_assert_uint_eq(spelling_in("de", "Die alten Skripte laufen noch.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("de", "Der Techniker startet den Host neu.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_uint_eq(spelling_in("de", "Die Stadt sprach mit Nachtverkher.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
}
END_TEST

START_TEST(test_issue_12_spelling_apostrophe_before_a_word_marks_elision)
{
    hit h;
    ck_assert_uint_eq(spelling_in("en", "We was 'fraid of the storm all night.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_msg(strstr(h.message, "apostrophe before it"), "%s", h.message);
    ck_assert_uint_eq(spelling_in("en", "He called it 'fraid talk' and left.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

/* Real-word errors (rules/<lang>/confusions): a word of the language its neighbours rule
 * out is a warning with the word meant; the same word where the grammar allows it, or
 * where the lexicon cannot tell, is not reported. */
static void confused(const char *code, const char *text, const char *word, const char *fix)
{
    hit h;
    ck_assert_msg(spelling_in(code, text, &h) >= 1, "nothing on '%s'", text);
    ck_assert_str_eq(h.span, word);
    ck_assert_str_eq(h.first, fix);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
    ck_assert(h.has_fix && !h.safe);
}

static void allowed(const char *code, const char *text)
{
    ck_assert_msg(tqc_test_findings_in(code, text, "spelling", NULL, 0) == 0,
                  "spelling fired on '%s'", text);
}

START_TEST(test_issue_12_spelling_real_words_the_grammar_rules_out)
{
    confused("en", "Prices rose faster then wages last year.", "then", "than");
    confused("en", "Voters said their is little hope of change.", "their", "there");
    confused("en", "The storm might of caused the outage.", "of", "have");
    allowed("en", "Prices rose, then wages followed; their rise was slower than hoped.");
    allowed("en", "Wages were worse then, and the will of the people was clear.");
    confused("de", "Wir glauben, das es morgen regnet.", "das", "dass");
    confused("de", "Er wohnt seit Jahren im dem Haus am See.", "im", "in");
    /* sentence-initial: the fix takes the capital */
    confused("de", "Dass war ein Fehler der Verwaltung.", "Dass", "Das");
    allowed("de", "Das Buch, das er schrieb, ist im Handel.");
    allowed("de", "Sie wusste, dass Anna kommt.");
    confused("fr", "Les élus on voté contre le projet, mais ils on perdu.", "on", "ont");
    confused("fr", "Le juge à rendu sa décision.", "à", "a");
    allowed("fr", "On a voté à Lyon, et ce fut serré.");
    confused("it", "Lo dico perché non e vero.", "e", "è");
    allowed("it", "Il ministro ha parlato a lungo e non è venuto.");
    confused("es", "La alcaldesa va ha firmar el decreto.", "ha", "a");
    confused("es", "La policía esta investigando el caso.", "esta", "está");
    allowed("es", "La policía está investigando esta denuncia.");
    confused("pt", "As empresas dizem que elas tem lucro.", "tem", "têm");
    allowed("pt", "A empresa tem lucro e elas têm prejuízo.");
}
END_TEST

/* How good the best slip reading of an unknown word is: a double letter written single
 * ranks first among the words one edit away; a word one edit from a word only by a
 * letter no neighbouring key puts there, or by a marked letter typed for another, is a
 * hint. */
START_TEST(test_issue_12_spelling_slip_reading_weighed)
{
    hit h;
    ck_assert_uint_eq(spelling_in("es", "La corida de toros fue suspendida.", &h), 1);
    ck_assert_str_eq(h.first, "corrida");
    ck_assert_uint_eq(spelling_in("en", "The staf met on Monday.", &h), 1);
    ck_assert_str_eq(h.first, "staff");
    ck_assert_uint_eq(spelling_in("en", "The long suxmmer ended in May.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_INFO);
    ck_assert_str_eq(h.first, "summer");
    /* a key beside a neighbour: a slip */
    ck_assert_uint_eq(spelling_in("en", "The long summser ended in May.", &h), 1);
    ck_assert_int_eq(h.severity, TQC_SEV_WARNING);
}
END_TEST

Suite *pass_spelling_suite(void)
{
    Suite *s = suite_create("pass_spelling");
    TCase *tc = tcase_create("spelling");
    tcase_add_test(tc, test_issue_3_spelling_unknown_word);
    tcase_add_test(tc, test_issue_3_spelling_proper_adjective_in_lower_case);
    tcase_add_test(tc, test_issue_3_spelling_names_are_hints);
    tcase_add_test(tc, test_issue_3_spelling_leaves_non_words_alone);
    tcase_add_test(tc, test_issue_3_spelling_not_again_after_missing_space);
    tcase_add_test(tc, test_issue_5_spelling_noun_form_is_a_hint_in_german);
    tcase_add_test(tc, test_issue_12_spelling_british_copy_is_accepted);
    tcase_add_test(tc, test_issue_12_spelling_mixed_varieties_once_as_info);
    tcase_add_test(tc, test_issue_12_spelling_quiet_in_an_untranslated_clause);
    tcase_add_test(tc, test_issue_12_spelling_english_loanwords_are_hints);
    tcase_add_test(tc, test_issue_12_spelling_regular_formations_are_words);
    tcase_add_test(tc, test_issue_12_spelling_codes_terms_and_compounds_are_hints);
    tcase_add_test(tc, test_issue_12_spelling_foreign_shapes_are_hints);
    tcase_add_test(tc, test_issue_12_spelling_swiss_german_is_accepted);
    tcase_add_test(tc, test_issue_12_spelling_words_written_on_purpose_are_hints);
    tcase_add_test(tc, test_issue_12_spelling_lower_case_names_of_their_own);
    tcase_add_test(tc, test_issue_12_spelling_compound_variants_and_foreign_names);
    tcase_add_test(tc, test_issue_12_spelling_rare_words_and_phrases_are_hints);
    tcase_add_test(tc, test_issue_17_spelling_pieces_of_names_and_codes_are_hints);
    tcase_add_test(tc, test_issue_17_spelling_no_word_near_and_name_particles);
    tcase_add_test(tc, test_issue_12_spelling_name_in_lower_case_is_no_term);
    tcase_add_test(tc, test_issue_12_spelling_foreign_phrases_prefixes_and_loan_acronyms);
    tcase_add_test(tc, test_issue_12_spelling_word_after_elision_judged_alone);
    tcase_add_test(tc, test_issue_12_spelling_passage_of_unknown_words_is_a_hint);
    tcase_add_test(tc, test_issue_12_spelling_short_terms_written_three_times_are_hints);
    tcase_add_test(tc, test_issue_12_spelling_apostrophe_before_a_word_marks_elision);
    tcase_add_test(tc, test_issue_12_spelling_suffixed_words_are_words);
    tcase_add_test(tc, test_issue_12_spelling_ligatures_and_eye_dialect);
    tcase_add_test(tc, test_issue_12_spelling_accent_left_off);
    tcase_add_test(tc, test_issue_12_spelling_capital_weighed_slip_or_name);
    tcase_add_test(tc, test_issue_12_spelling_separable_verb);
    tcase_add_test(tc, test_issue_12_spelling_german_noun_slips);
    tcase_add_test(tc, test_issue_12_spelling_abbreviation_is_no_code);
    tcase_add_test(tc, test_issue_12_spelling_coinages_abbreviations_symbols);
    tcase_add_test(tc, test_issue_12_spelling_real_words_the_grammar_rules_out);
    tcase_add_test(tc, test_issue_12_spelling_slip_reading_weighed);
    suite_add_tcase(s, tc);
    return s;
}
