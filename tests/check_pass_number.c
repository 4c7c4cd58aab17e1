/* number (monolingual): numbers left in another locale's notation, judged by each
 * language's profile (decimal-separator, group-separator, time-separator,
 * twelve-hour-marks) and its quantity-words; dates, versions, times, scores and codes
 * stay quiet. */
#include <string.h>

#include "tqc_test.h"

/* The one number finding of text in language code: its span, severity and suggestion. */
#define NUMBER(code, text, span_, sev_, fix_) do { \
        tqc_test_hit h_; tqc_test_first_in(code, text, "number", &h_); \
        ck_assert_uint_eq(h_.count, 1); ck_assert_str_eq(h_.span, span_); \
        ck_assert_int_eq(h_.severity, sev_); ck_assert_str_eq(h_.first, fix_); } while (0)
#define NO_NUMBER(code, text) do { \
        tqc_test_hit h_; tqc_test_first_in(code, text, "number", &h_); \
        ck_assert_msg(h_.count == 0, "%s: %s", text, h_.message); } while (0)

START_TEST(test_decimal_point_in_decimal_comma_languages)
{
    NUMBER("de", "Die Arbeitslosigkeit stieg auf 6.2% im Mai.", "6.2", TQC_SEV_WARNING, "6,2");
    NUMBER("fr", "Le chômage a atteint 8.1 % en juin.", "8.1", TQC_SEV_WARNING, "8,1");
    NUMBER("it", "Il debito è salito a 2.9 miliardi di euro.", "2.9", TQC_SEV_WARNING, "2,9");
    NUMBER("pt", "A economia cresceu 1.75% no trimestre.", "1.75", TQC_SEV_WARNING, "1,75");
    NUMBER("es", "El paro bajó al 12.4 por ciento.", "12.4", TQC_SEV_WARNING, "12,4");
    NUMBER("es", "Costó 3.8 millones de euros.", "3.8", TQC_SEV_WARNING, "3,8");
    /* A currency sign before it is evidence of a quantity too. */
    NUMBER("de", "Der Konzern verlor $1.6 Mrd.", "1.6", TQC_SEV_WARNING, "1,6");
    /* Without a sign of a quantity it may be a version: said, but as a hint. */
    NUMBER("de", "Die Ausgabe 4.7 ist bald da.", "4.7", TQC_SEV_INFO, "4,7");
    /* After a name it is a version whatever follows; before a noun of the lexicon, a
     * quantity. */
    NUMBER("fr", "Le système Debian 11.2 contient le noyau.", "11.2", TQC_SEV_INFO, "11,2");
    if (tqc_lang_lexicon(tqc_checker_lang(tqc_test_checker_for("fr"))))
        NUMBER("fr", "Il a fallu 7.5 disques pour tout copier.", "7.5", TQC_SEV_WARNING, "7,5");
    /* The first number of a range measures what the second does. */
    NUMBER("de", "Das System braucht 150.5 bis 280 MB.", "150.5", TQC_SEV_WARNING, "150,5");
    NUMBER("it", "Il file pesa tra 1.5 e 8 km.", "1.5", TQC_SEV_WARNING, "1,5");
    NUMBER("pt", "A estrada tem entre 2.5 e 4 km.", "2.5", TQC_SEV_WARNING, "2,5");
    NUMBER("es", "El camino mide de 3.5 a 6 km.", "3.5", TQC_SEV_WARNING, "3,5");
    NUMBER("fr", "La route fait de 3.5 à 6 km.", "3.5", TQC_SEV_WARNING, "3,5");
    /* A bare pair of numbers stays a hint: `2 e 3.5` may be chapters. */
    NUMBER("pt", "Os capítulos 2 e 3.5 descrevem o sistema.", "3.5", TQC_SEV_INFO, "3,5");
}
END_TEST

START_TEST(test_comma_groups_in_decimal_comma_languages)
{
    NUMBER("de", "Der Betrieb hat 2,500 Beschäftigte.", "2,500", TQC_SEV_WARNING, "2.500");
    NUMBER("it", "Il paese conta 7,000 abitanti.", "7,000", TQC_SEV_WARNING, "7.000");
    NUMBER("pt", "Votaram 1,204,310 eleitores.", "1,204,310", TQC_SEV_WARNING, "1.204.310");
    NUMBER("es", "Costó 1,250.5 pesos.", "1,250.5", TQC_SEV_WARNING, "1.250,5");
    /* French groups with a narrow no-break space. */
    NUMBER("fr", "La ville compte 12,000 habitants.", "12,000", TQC_SEV_WARNING,
           "12\xe2\x80\xaf" "000");
    /* 2,345 may be a decimal with three places: a hint unless a count follows. */
    NUMBER("de", "Der Wert lag bei 2,345 am Morgen.", "2,345", TQC_SEV_INFO, "2.345");
    /* An opening bracket alone does not make a pair of coordinates. */
    NUMBER("it", "Sono tante (32,000 in tutto).", "32,000", TQC_SEV_WARNING, "32.000");
}
END_TEST

START_TEST(test_own_notation_is_quiet)
{
    NO_NUMBER("de", "Es kamen 1.500 Menschen, 3,5 Prozent mehr, für 1.234.567,89 Euro.");
    NO_NUMBER("fr", "Il a payé 3,5 millions d'euros pour 0,250 kg.");
    NO_NUMBER("it", "Il prezzo è di 1.500 euro, il 3,5% in più.");
    NO_NUMBER("pt", "São 2.500 pessoas e 4,7% dos votos.");
    NO_NUMBER("es", "Son 2.500 personas y el 4,7% de los votos.");
}
END_TEST

START_TEST(test_dates_times_versions_scores_codes_quiet)
{
    /* Times and dates written with a period, a German date with its ordinal period. */
    NO_NUMBER("it", "Alle 11.30 del 12.03 è arrivato il treno.");
    NO_NUMBER("de", "Am 4.7. beginnt um 20.15 Uhr das Fest.");
    NO_NUMBER("de", "Am 13.09.2023 wurde das Update 1.2.3 verteilt.");
    /* Scores, ISBNs, phone numbers, ordinals, codes. */
    NO_NUMBER("de", "Das Spiel endete 3-1 und 2:1, ISBN 978-3-16-148410-0.");
    NO_NUMBER("fr", "Appelez le 01.23.45.67.89 pour le 3e tour, modèle A4.");
    NO_NUMBER("it", "La 2ª edizione, la versione v4.7 e il gruppo G20.");
    NO_NUMBER("en", "Version 1.2.3 was released on 13.09.2023 at 9:30 a.m.");
    NO_NUMBER("en", "The point (0,5) lies on the line, and the batting average was .300.");
}
END_TEST

START_TEST(test_english)
{
    NUMBER("en", "The deal is worth 2,4 billion dollars.", "2,4", TQC_SEV_WARNING, "2.4");
    NUMBER("en", "The missiles were fired at 9h15.", "9h15", TQC_SEV_WARNING, "9:15");
    /* A decimal comma with no sign of a quantity after a name may be a reference, and
     * before a conjunction and a number a list: hints. */
    NUMBER("en", "As Luke 23,34 says, forgive them.", "23,34", TQC_SEV_INFO, "23.34");
    NUMBER("en", "See chapters 3,4 and 5 of the report.", "3,4", TQC_SEV_INFO, "3.4");
    NUMBER("en", "Turnout was 67,3 per cent.", "67,3", TQC_SEV_WARNING, "67.3");
    NUMBER("en", "Some 1.000.000 people live there.", "1.000.000", TQC_SEV_WARNING,
           "1,000,000");
    NO_NUMBER("en", "Some 2,500 people came at 8:45 p.m. to hear 4.7 million voices.");
    /* One group after a dot: three zeros are thousands; 1.500 may be a precise decimal
     * (a hint) unless a quantity follows it, which a decimal measures without a trailing
     * zero; 1.234 is left alone. */
    NUMBER("en", "Sales cracked the 3.000 mark in March.", "3.000", TQC_SEV_WARNING, "3,000");
    NUMBER("en", "The runner won the 1.500 metres.", "1.500", TQC_SEV_WARNING, "1,500");
    NUMBER("en", "He waited 15.250 days for it.", "15.250", TQC_SEV_WARNING, "15,250");
    NUMBER("en", "The index closed at 41.250 on Friday.", "41.250", TQC_SEV_INFO, "41,250");
    /* Two trailing zeros: a decimal would not keep them. */
    NUMBER("en", "A crowd of 2.400 is expected at the stadium.", "2.400", TQC_SEV_WARNING,
           "2,400");
    NO_NUMBER("en", "The ratio was 1.234 at the close.");
    /* Adjectives between the count and its noun; the first number of a range. */
    NUMBER("en", "There are 47.250 dental schools.", "47.250", TQC_SEV_WARNING, "47,250");
    NUMBER("en", "He could get from 1.250 to 15 years in prison.", "1.250", TQC_SEV_WARNING,
           "1,250");
    NO_NUMBER("en", "The rate rose to 2.325% and the gauge read 0.080 inches.");
}
END_TEST

START_TEST(test_twelve_hour_clock)
{
    NUMBER("de", "Das Treffen beginnt um 8:45 p.m. in Berlin.", "8:45 p.m.", TQC_SEV_WARNING,
           "20:45");
    NUMBER("de", "Um 10am begann die Sitzung.", "10am", TQC_SEV_WARNING, "10:00");
    NUMBER("fr", "La séance a repris à 11.15 pm hier.", "11.15 pm", TQC_SEV_WARNING, "23h15");
    NUMBER("pt", "A reunião começou às 12 a.m.", "12 a.m.", TQC_SEV_WARNING, "0h00");
    NUMBER("it", "La riunione è iniziata alle 7 pm.", "7 pm", TQC_SEV_WARNING, "19:00");
    /* German `am` is a preposition: `Platz 9 am Ende` is no time. */
    NO_NUMBER("de", "Der Verein steht auf Platz 9 am Ende der Tabelle.");
    /* Spain writes the 24-hour clock (CLDR es: H:mm); Mexico, the United States and
     * Colombia write both. */
    NUMBER("es", "La reunión empezó a las 9:20 p.m. en Madrid.", "9:20 p.m.", TQC_SEV_WARNING,
           "21:20");
    NO_NUMBER("es-MX", "La reunión empezó a las 9 p.m. en Monterrey.");
    NO_NUMBER("es-US", "La reunión empezó a las 9:20 p.m. en Miami.");
}
END_TEST

/* An ambiguous number is read by the article's other numbers: where they keep another
 * locale's marks and none the language's own, it was left in that notation too. */
START_TEST(test_document_usage_reads_ambiguous_numbers)
{
    static const char *const foreign[][3] = {
        {"de", "Der Wert lag bei 2,345 am Morgen, im Vorjahr bei 1,204,310.", "2,345"},
        {"it", "Il valore era 2,345 al mattino, contro 12,500.5 l'anno prima.", "2,345"},
        {"pt", "O valor era 2,345 de manhã, contra 3,100,250 no ano anterior.", "2,345"},
        {"es", "El valor era 2,345 por la mañana, frente a 4,250.75 el año anterior.", "2,345"},
        {"fr", "La valeur était de 2,345 le matin, contre 1,500,000 l'an dernier.", "2,345"},
        {"en", "The index closed at 41.250 on Friday, after 1.204.310 shares traded.", "41.250"},
    };
    for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++) {
        tqc_test_hit h;
        tqc_test_first_in(foreign[i][0], foreign[i][1], "number", &h);
        ck_assert_msg(h.count == 2 && h.severity == TQC_SEV_WARNING &&
                          strcmp(h.span, foreign[i][2]) == 0,
                      "%s: %s", foreign[i][0], h.message);
    }
    /* The language's own marks elsewhere, or none: the number stays a hint. */
    NUMBER("de", "Der Wert lag bei 2,345 am Morgen, im Vorjahr bei 1.204.310 und 3,5.", "2,345",
           TQC_SEV_INFO, "2.345");
    NUMBER("de", "Der Wert lag bei 2,345 am Morgen.", "2,345", TQC_SEV_INFO, "2.345");
    NUMBER("en", "The index closed at 41.250 on Friday, after 1,204,310 shares traded.", "41.250",
           TQC_SEV_INFO, "41,250");
}
END_TEST

START_TEST(test_date_order)
{
    /* A month that cannot be one, where the language writes the day first. */
    NUMBER("it", "Le domande vanno inviate entro il 09/25/2027 al comune.", "09/25/2027",
           TQC_SEV_WARNING, "25/09/2027");
    NUMBER("de", "Die Frist endet am 12.24.2026 um Mitternacht.", "12.24.2026",
           TQC_SEV_WARNING, "24.12.2026");
    NUMBER("pt", "O prazo termina em 3/17/2026, segundo a prefeitura.", "3/17/2026",
           TQC_SEV_WARNING, "17/3/2026");
    NUMBER("es", "La obra se inaugurará el 11-30-26 en Sevilla.", "11-30-26", TQC_SEV_WARNING,
           "30-11-26");
    NUMBER("fr", "Le chantier s'achèvera le 07/14/2028 selon la mairie.", "07/14/2028",
           TQC_SEV_WARNING, "14/07/2028");
    /* American English writes the month first, British the day. */
    NUMBER("en-US", "Applications close on 31/08/2027 at noon.", "31/08/2027", TQC_SEV_WARNING,
           "08/31/2027");
    NUMBER("en-GB", "Applications close on 08/31/2027 at noon.", "08/31/2027", TQC_SEV_WARNING,
           "31/08/2027");
    /* The language's own order; a date either order reads; plain English, which writes
     * both; a fraction, an ISO date. */
    NO_NUMBER("it", "Le domande vanno inviate entro il 25/09/2027 al comune.");
    NO_NUMBER("de", "Die Frist endet am 05.06.2026, die Quote lag bei 3/17.");
    NO_NUMBER("en", "Applications close on 31/08/2027 or on 08/31/2027.");
    NO_NUMBER("fr", "Le chantier s'achèvera le 2028-07-14 selon la mairie.");
    /* A version after a name or a word naming one. */
    NO_NUMBER("de", "Das Update auf Firefox 3.14.15 kam spät, die Version 2.13.26 auch.");
}
END_TEST

START_TEST(test_date_order_by_spelling_variety)
{
    /* Plain English writes both orders; the article's spelling tells which variety it is
     * in, and that variety's order is expected. */
    NUMBER("en", "The harbour authority said the new catalogue would be ready. Bids close on "
           "10/23/2027 at noon.", "10/23/2027", TQC_SEV_WARNING, "23/10/2027");
    NUMBER("en", "The harbor authority said the new catalog would be ready. Bids close on "
           "23/10/2027 at noon.", "23/10/2027", TQC_SEV_WARNING, "10/23/2027");
    /* Mixed spellings, most British: a hint. */
    NUMBER("en", "The harbour authority said the new catalog would be ready, the theatre "
           "too. Bids close on 10/23/2027 at noon.", "10/23/2027", TQC_SEV_INFO, "23/10/2027");
    /* The variety's own order; a date that reads either way; as many words each way. */
    NO_NUMBER("en", "The harbour authority said the new catalogue would be ready. Bids close "
              "on 23/10/2027 at noon.");
    NO_NUMBER("en", "The harbour authority said the new catalogue would be ready. Bids close "
              "on 10/11/2027 at noon.");
    NO_NUMBER("en", "The harbour authority said the new catalog would be ready. Bids close on "
              "10/23/2027 at noon.");
    /* Varieties that write dates alike leave the language's order in force. */
    NO_NUMBER("pt", "A direção do projeto confirmou o facto ontem. O prazo termina em "
              "23/10/2027.");
    NUMBER("pt", "A direção do projeto confirmou o facto ontem. O prazo termina em 10/23/2027.",
           "10/23/2027", TQC_SEV_WARNING, "23/10/2027");
}
END_TEST

START_TEST(test_colon_time_where_h_is_written)
{
    /* French and Portuguese write `6h30`: a colon after a word that introduces a time of
     * day, or before a word of the clock, is another locale's notation. */
    NUMBER("fr", "Le service commence dès 6:30 en semaine.", "6:30", TQC_SEV_WARNING, "6h30");
    NUMBER("fr", "Le dernier départ est fixé à 22:45 désormais.", "22:45", TQC_SEV_WARNING,
           "22h45");
    NUMBER("fr", "Ils se retrouvent chaque jour 7:15 du matin au dépôt.", "7:15",
           TQC_SEV_WARNING, "7h15");
    NUMBER("pt", "A loja abre às 9:30 aos sábados.", "9:30", TQC_SEV_WARNING, "9h30");
    NUMBER("pt", "O voo chega 6:40 da manhã a Lisboa.", "6:40", TQC_SEV_WARNING, "6h40");
    /* Elsewhere a colon may write a ratio or a race time: a hint. */
    NUMBER("fr", "Le rapport est de 1:25 sur ce plan.", "1:25", TQC_SEV_INFO, "1h25");
    /* A score, a race time with seconds, the language's own notation; languages that
     * write the colon. */
    NO_NUMBER("fr", "Lyon a gagné 3:1 et le vainqueur a couru en 2:05:30 à Paris.");
    NO_NUMBER("pt", "A loja abre às 9h30 e fecha às 18h00.");
    NO_NUMBER("it", "Il negozio apre alle 9:30 il sabato.");
    NO_NUMBER("de", "Der Laden öffnet um 9:30 Uhr.");
}
END_TEST

START_TEST(test_percent_written_in_words)
{
    /* A quantity word may be two words: `por ciento`, `pour cent`, `per cento`. */
    NUMBER("es", "El paro subió un 6.54 por ciento en mayo.", "6.54", TQC_SEV_WARNING, "6,54");
    NUMBER("pt", "A inflação foi de 11.04 por cento no ano.", "11.04", TQC_SEV_WARNING, "11,04");
    NUMBER("fr", "La liste a obtenu 17.3 pour cent des voix.", "17.3", TQC_SEV_WARNING, "17,3");
    NUMBER("it", "Le vendite sono salite del 27.46 per cento.", "27.46", TQC_SEV_WARNING, "27,46");
    /* An inflected unit is a unit: German dative plurals. */
    NUMBER("de", "Der Radweg ist auf einer Länge von 14.35 Kilometern gesperrt.", "14.35",
           TQC_SEV_WARNING, "14,35");
}
END_TEST

START_TEST(test_clock_words_and_versions_quiet)
{
    /* Hours and minutes with a period before a word of the clock that is also a unit
     * (`horas`, `ore`): a time, not a decimal. */
    NO_NUMBER("es", "El tren salió a las 21.30 horas de Madrid.");
    NO_NUMBER("it", "La riunione è finita alle 11.30 ore dopo il voto.");
    NO_NUMBER("pt", "O voo partiu às 21.30 horas de Lisboa.");
    /* A number beside a word naming a version, in every decimal-comma language. */
    NO_NUMBER("de", "Das Protokoll wurde in seiner 1.0 Version festgelegt.");
    NO_NUMBER("fr", "Seule la version 1.1 du protocole le permet.");
    NO_NUMBER("es", "La versión 1.0 del programa salió en marzo.");
    NO_NUMBER("it", "Con la versione 2.5 del software arrivò il supporto.");
    NO_NUMBER("pt", "A versão 1.1 do contrato mudou tudo.");
}
END_TEST

START_TEST(test_foreign_clock_forms)
{
    /* German `AM` after a time is the English mark, `am` the preposition; without
     * minutes only after a lower-case word, not in a line set in capitals. */
    NUMBER("de", "Die Sitzung begann um 10:40 AM in Bonn.", "10:40 AM", TQC_SEV_WARNING,
           "10:40");
    NUMBER("de", "Der Zug kam um 9 AM an.", "9 AM", TQC_SEV_WARNING, "9:00");
    NO_NUMBER("de", "ZUG UM 9 AM BAHNHOF");
    /* French typesetting's spaced `h` in English; a duration with its unit is none. */
    NUMBER("en", "The polls closed at 21 h 30 in Paris.", "21 h 30", TQC_SEV_WARNING, "21:30");
    NO_NUMBER("en", "The race took 2 h 30 min in the rain.");
    NUMBER("it", "La seduta è ripresa alle 9:30 PM di ieri.", "9:30 PM", TQC_SEV_WARNING,
           "21:30");
}
END_TEST

Suite *pass_number_suite(void)
{
    Suite *s = suite_create("pass_number");
    TCase *tc = tcase_create("notation");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_decimal_point_in_decimal_comma_languages);
    tcase_add_test(tc, test_comma_groups_in_decimal_comma_languages);
    tcase_add_test(tc, test_own_notation_is_quiet);
    tcase_add_test(tc, test_dates_times_versions_scores_codes_quiet);
    tcase_add_test(tc, test_english);
    tcase_add_test(tc, test_twelve_hour_clock);
    tcase_add_test(tc, test_percent_written_in_words);
    tcase_add_test(tc, test_clock_words_and_versions_quiet);
    tcase_add_test(tc, test_foreign_clock_forms);
    tcase_add_test(tc, test_date_order);
    tcase_add_test(tc, test_date_order_by_spelling_variety);
    tcase_add_test(tc, test_document_usage_reads_ambiguous_numbers);
    tcase_add_test(tc, test_colon_time_where_h_is_written);
    suite_add_tcase(s, tc);
    return s;
}
