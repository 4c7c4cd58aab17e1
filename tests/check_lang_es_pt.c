/* Tests of the Spanish and Portuguese profiles (rules/es, rules/pt, dictionaries/es,
 * dictionaries/pt) and of the pass behaviour they switch on as data: sentence
 * boundaries after their abbreviations, inverted ¿ ¡ marks (quotes), no space after ¿ ¡
 * (spacing), months and days in lower case (capitalization), their boilerplate and
 * function words. Each case has a correct twin that must stay silent. */
#include <string.h>

#include "seg/seg.h"
#include "tqc_test.h"

/* One checker per language for the whole run, made before Check forks (loading the
 * Portuguese dictionary takes a good fraction of a second). */
static tqc_checker *checker_es, *checker_pt, *checker_pt_pt;

START_TEST(test_issue_6_profiles_load)
{
    const tqc_lang *es = tqc_checker_lang(checker_es), *pt = tqc_checker_lang(checker_pt);
    ck_assert_str_eq(tqc_lang_setting(es, "decimal-separator", ""), ",");
    ck_assert_str_eq(tqc_lang_setting(pt, "time-separator", ""), "h");
    ck_assert(tqc_lang_in(es, "function-words", "del", 3));
    ck_assert(tqc_lang_in(pt, "function-words", "pelo", 4));
    ck_assert(tqc_lang_in(es, "lower-case-words", "marzo", 5));
    /* The regional dictionaries: pt-PT spells quilómetros, Brazil quilômetros. */
    tqc_dict *br = tqc_checker_dict(checker_pt), *eu = tqc_checker_dict(checker_pt_pt);
    ck_assert(tqc_dict_known(br, "quilômetros", strlen("quilômetros")));
    ck_assert(tqc_dict_known(eu, "quilómetros", strlen("quilómetros")));
    ck_assert(!tqc_dict_known(eu, "quilômetros", strlen("quilômetros")));
    /* The supplements: a news name Hunspell lacks. */
    ck_assert(tqc_dict_known(tqc_checker_dict(checker_es), "Zelenski", strlen("Zelenski")));
    ck_assert(tqc_dict_known(br, "Bolsonaro", strlen("Bolsonaro")));
}
END_TEST

START_TEST(test_issue_6_spanish_sentence_boundaries)
{
    LANG_SENTENCES_EQ("es", "Hola Srta. Ledesma. Buenos días, soy el Lic. Naser Pastoriza.",
                 "Hola Srta. Ledesma. | Buenos días, soy el Lic. Naser Pastoriza.");
    LANG_SENTENCES_EQ("es", "El corredor No. 103 llegó 4°. Vive en EE. UU. El año pasado ganó.",
                 "El corredor No. 103 llegó 4°. | Vive en EE. UU. | El año pasado ganó.");
    LANG_SENTENCES_EQ("es", "La cita es el Mar. 23 de Nov. de 2014. Gracias.",
                 "La cita es el Mar. 23 de Nov. de 2014. | Gracias.");
    /* Mar ends a sentence when no number follows. */
    LANG_SENTENCES_EQ("es", "Navegaron por el Mar. Luego volvieron.",
                 "Navegaron por el Mar. | Luego volvieron.");
    LANG_SENTENCES_EQ("es", "¿Cómo está? ¡Muy bien! Gracias.", "¿Cómo está? | ¡Muy bien! | Gracias.");
}
END_TEST

START_TEST(test_issue_6_portuguese_sentence_boundaries)
{
    LANG_SENTENCES_EQ("pt", "O Sr. Almeida chegou às 10h30. A reunião começou.",
                 "O Sr. Almeida chegou às 10h30. | A reunião começou.");
    LANG_SENTENCES_EQ("pt", "O art. 5 da Constituição e o n.º 2 bastam. Ninguém contestou.",
                 "O art. 5 da Constituição e o n.º 2 bastam. | Ninguém contestou.");
    LANG_SENTENCES_EQ("pt", "Trabalha na Silva & Filhos Ltda. A empresa faliu.",
                 "Trabalha na Silva & Filhos Ltda. | A empresa faliu.");
    /* "dez." is the number ten ending a sentence, not December, without a number after. */
    LANG_SENTENCES_EQ("pt", "A obra fica pronta em dez. Ninguém acredita.",
                 "A obra fica pronta em dez. | Ninguém acredita.");
}
END_TEST

START_TEST(test_issue_6_verse_slashes_continue_the_sentence)
{
    /* A sentence never begins with a slash: verse lines divided by " / ". */
    LANG_SENTENCES_EQ("es", "Dijo: \"con el cantar se consuela. / [...] \".",
                 "Dijo: \"con el cantar se consuela. / [...] \".");
    LANG_SENTENCES_EQ("es", "Terminó. Otra vez.", "Terminó. | Otra vez.");
}
END_TEST

START_TEST(test_issue_6_inverted_question_and_exclamation_marks)
{
    FINDS("es", "El ministro no lo dijo. Cómo se financiará? Nadie lo sabe.", "quotes", "?");
    FINDS("es", "¿Cómo se financiará. Nadie lo sabe.", "quotes", "¿");
    FINDS("es", "¡Evacúen ya, gritaban los vecinos.", "quotes", "¡");
    SILENT("es", "¿Cómo se financiará? Nadie lo sabe. ¡Basta!", "quotes");
    /* A question inside a sentence, mixed marks, doubled marks, an aside. */
    SILENT("es", "Si no, ¿qué haremos?, preguntó. ¡Qué me dices? ¡¿En serio?! ¿¿Qué??", "quotes");
    SILENT("es", "Ganó por 40 puntos (!) en la final.", "quotes");
    /* Portuguese has no inverted marks: its questions are left alone. */
    SILENT("pt", "Como se financiará? Ninguém sabe.", "quotes");
}
END_TEST

START_TEST(test_issue_6_no_space_after_inverted_marks)
{
    FINDS("es", "Preguntó: ¿ Por qué ahora?", "spacing", "¿ ");
    SILENT("es", "Preguntó: ¿Por qué ahora?", "spacing");
    FINDS("es", "Dijo que la reforma es «urgente ».", "spacing", " »");
    SILENT("es", "Dijo que la reforma es «urgente».", "spacing");
}
END_TEST

START_TEST(test_issue_6_months_and_days_in_lower_case)
{
    FINDS("es", "La votación está prevista para el 3 de Marzo en el Congreso.",
          "capitalization", "Marzo");
    FINDS("es", "Los bomberos trabajan desde el Lunes sin descanso.", "capitalization", "Lunes");
    FINDS("pt", "A temporada de queimadas começou em Setembro e não parou.",
          "capitalization", "Setembro");
    SILENT("es", "La votación está prevista para el 3 de marzo en el Congreso.",
           "capitalization");
    /* Names made of a date: a capital before the function words. */
    SILENT("es", "El acto fue en la Plaza de Mayo y en la Avenida 9 de Julio.", "capitalization");
    SILENT("pt", "A audiência será na Praça 15 de Novembro, no centro.", "capitalization");
    /* English capitalises its months: no such list there. */
    ck_assert_uint_eq(tqc_test_findings("The vote is due on the 3rd of March in Congress.",
                                        "capitalization", NULL, 0), 0);
}
END_TEST

START_TEST(test_issue_6_function_words_and_run_ons)
{
    FINDS("es", "La oposición criticó el acuerdoentre el Ejecutivo y los gobernadores.",
          "missing-space", "acuerdoentre");
    FINDS("pt", "O nível do rio deve continuar a cair, mas o níveldo mar não.",
          "missing-space", "níveldo");
    FINDS("es", "El ministro aprobó Las medidas sin consultar a nadie.", "capitalization", "Las");
    /* Enclitic pronouns and Portuguese clitics are no run-ons. */
    SILENT("es", "Decírselo primero es lo correcto, dijo, dándole la razón.", "missing-space");
    SILENT("pt", "Disse-lhe que iria informá-lo; dir-se-ia que sim.", "missing-space");
    /* "se se" is a Portuguese double. */
    SILENT("pt", "A regra é rígida, mas se se cumprir o prazo, o ganho é enorme.",
           "repeated-word");
}
END_TEST

START_TEST(test_issue_6_boilerplate)
{
    FINDS("es", "El Gobierno presentó el presupuesto.\n\nLee también: El FMI aprueba la "
          "revisión\n\nLos mercados subieron.", "boilerplate", "Lee también: El FMI aprueba "
          "la revisión");
    FINDS("pt", "O governo anunciou o corte.\n\nContinua após a publicidade\n\nA oposição "
          "criticou.", "boilerplate", "Continua após a publicidade");
    SILENT("pt", "O governo anunciou o corte.\n\nA publicidade institucional caiu 20% no "
           "ano passado, segundo o tribunal.", "boilerplate");
}
END_TEST

/* issue 12: three words joined with the first a function word, and the page's
 * ranked-list labels and calls to the discussion. */
START_TEST(test_issue_12_joins_and_page_labels_es_pt)
{
    FINDS("es", "El gobierno dijo quelaley entrará en vigor el lunes.", "missing-space",
          "quelaley");
    FINDS("pt", "O governo disse queoprojeto será votado na segunda-feira.", "missing-space",
          "queoprojeto");
    SILENT("es", "El gobierno dijo que la ley entrará en vigor el lunes.", "missing-space");
    FINDS("es", "El Gobierno presentó el presupuesto.\n\nLo más compartido\n\nLos mercados "
          "subieron.", "boilerplate", "Lo más compartido");
    FINDS("pt", "O governo anunciou o corte.\n\nMais vistos\n\nA oposição criticou.",
          "boilerplate", "Mais vistos");
    FINDS("pt", "O governo anunciou o corte.\n\nJunte-se à conversa\n\nA oposição "
          "criticou.", "boilerplate", "Junte-se à conversa");
    /* A sentence about what readers viewed is prose. */
    SILENT("pt", "O governo anunciou o corte.\n\nOs vídeos mais vistos do mês foram sobre o "
           "orçamento, segundo o portal.", "boilerplate");
}
END_TEST

Suite *lang_es_pt_suite(void)
{
    checker_es = tqc_test_checker_for("es");
    checker_pt = tqc_test_checker_for("pt");
    checker_pt_pt = tqc_test_checker_for("pt-PT");
    Suite *s = suite_create("lang_es_pt");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_issue_6_profiles_load);
    tcase_add_test(tc, test_issue_6_spanish_sentence_boundaries);
    tcase_add_test(tc, test_issue_6_portuguese_sentence_boundaries);
    tcase_add_test(tc, test_issue_6_verse_slashes_continue_the_sentence);
    tcase_add_test(tc, test_issue_6_inverted_question_and_exclamation_marks);
    tcase_add_test(tc, test_issue_6_no_space_after_inverted_marks);
    tcase_add_test(tc, test_issue_6_months_and_days_in_lower_case);
    tcase_add_test(tc, test_issue_6_function_words_and_run_ons);
    tcase_add_test(tc, test_issue_6_boilerplate);
    tcase_add_test(tc, test_issue_12_joins_and_page_labels_es_pt);
    suite_add_tcase(s, tc);
    return s;
}
