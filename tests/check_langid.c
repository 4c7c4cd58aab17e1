/* langid: telling a text's language from exttextcat and dictionary coverage. The
 * candidates come from a fixture data folder (tests/data/lang/data: en, es, fr, pt, de
 * profiles naming the Debian dictionaries), so the profiles being written elsewhere do
 * not move these tests. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lang/langid.h"
#include "tqc_test.h"

#define FIXTURE TQC_SOURCE_DIR "/tests/data/lang/data"

static const char *const english =
    "Emergency services said on Tuesday that flood warnings would remain in place until "
    "the end of the week, after two days of heavy rain forced hundreds of families from "
    "their homes. The governor told reporters that the river had risen overnight.";
static const char *const portuguese =
    "Os serviços de emergência disseram na terça-feira que os alertas de cheia vão continuar "
    "em vigor até ao fim da semana, depois de dois dias de chuva forte que obrigaram "
    "centenas de famílias a deixar as suas casas.";
static const char *const french =
    "Les services de secours ont annoncé mardi que les alertes aux inondations resteraient en "
    "vigueur jusqu'à la fin de la semaine, après deux jours de pluies abondantes qui ont "
    "obligé des centaines de familles à quitter leur logement.";
static const char *const german =
    "Die Rettungsdienste teilten am Dienstag mit, dass die Hochwasserwarnungen bis zum Ende der "
    "Woche gelten, nachdem zwei Tage starker Regen hunderte Familien aus ihren Häusern "
    "vertrieben hatten.";

static tqc_langid *fixture(const char *textcat_dir)
{
    tqc_langid *id;
    tqc_langid_options o = {.data_dir = FIXTURE, .textcat_dir = textcat_dir};
    ck_assert_int_eq(tqc_langid_new(&o, &id), TQC_OK);
    return id;
}

static const char *detect(tqc_langid *id, const char *text, const char *fallback)
{
    tqc_langid_guess g;
    ck_assert_int_eq(tqc_langid_detect(id, text, strlen(text), fallback, &g), TQC_OK);
    return g.code ? g.code : "-";
}

START_TEST(test_candidates_are_the_profiles)
{
    tqc_langid *id = fixture(NULL);
    ck_assert_uint_eq(tqc_langid_count(id), 5);
    ck_assert_str_eq(tqc_langid_code(id, 0), "de");     /* sorted */
    ck_assert_str_eq(tqc_langid_code(id, 4), "pt");
    ck_assert_uint_eq(tqc_langid_find(id, "pt-BR"), 4);
    ck_assert_uint_eq(tqc_langid_find(id, "pt_PT"), 4);
    ck_assert_uint_eq(tqc_langid_find(id, "EN"), 1);
    ck_assert_uint_eq(tqc_langid_find(id, "nl"), SIZE_MAX);
    ck_assert_uint_eq(tqc_langid_find(id, "p"), SIZE_MAX);
    ck_assert_uint_eq(tqc_langid_find(id, NULL), SIZE_MAX);
    ck_assert_str_eq(tqc_langid_name(id, 4), "Portuguese");
    tqc_langid_free(id);
    tqc_langid_free(NULL);
}
END_TEST

START_TEST(test_no_rules_folder_no_candidates)
{
    tqc_langid *id;
    tqc_langid_options o = {.data_dir = TQC_SOURCE_DIR "/tests/data/lang/nowhere"};
    ck_assert_int_eq(tqc_langid_new(&o, &id), TQC_OK);
    ck_assert_uint_eq(tqc_langid_count(id), 0);
    ck_assert_str_eq(detect(id, english, "en"), "-");
    tqc_langid_free(id);
}
END_TEST

START_TEST(test_issue_6_detects_each_language)
{
    tqc_langid *id = fixture(NULL);
    ck_assert_str_eq(detect(id, english, NULL), "en");
    ck_assert_str_eq(detect(id, portuguese, NULL), "pt");
    ck_assert_str_eq(detect(id, french, NULL), "fr");
    ck_assert_str_eq(detect(id, german, NULL), "de");
    /* The fallback does not outvote the text. */
    ck_assert_str_eq(detect(id, french, "en"), "fr");
    ck_assert_str_eq(detect(id, english, "pt"), "en");
    tqc_langid_free(id);
}
END_TEST

START_TEST(test_issue_6_dictionaries_alone_without_exttextcat)
{
    tqc_langid *id = fixture("");
    ck_assert_str_eq(detect(id, portuguese, "en"), "pt");
    ck_assert_str_eq(detect(id, english, "en"), "en");
    size_t order[4];
    char best[16] = "x";
    ck_assert_uint_eq(tqc_langid_textcat(id, french, strlen(french), order, 4, best), 0);
    ck_assert_str_eq(best, "");
    tqc_langid_free(id);
}
END_TEST

START_TEST(test_issue_6_cannot_tell_a_language_without_profile)
{
    tqc_langid *id = fixture(NULL);
    tqc_langid_guess g;
    const char *dutch = "De scholen blijven tot maandag gesloten, zei het ministerie. De regering "
                        "heeft dat gisteren bekendgemaakt na een lange vergadering.";
    ck_assert_int_eq(tqc_langid_detect(id, dutch, strlen(dutch), "en", &g), TQC_OK);
    ck_assert_ptr_null(g.code);
    ck_assert_str_eq(g.textcat, "nl");
    ck_assert_uint_gt(g.letters, 0);
    const char *chinese = "北京今天下雨，学校将关闭到星期一。政府表示，交通将受到影响。";
    ck_assert_int_eq(tqc_langid_detect(id, chinese, strlen(chinese), "en", &g), TQC_OK);
    ck_assert_ptr_null(g.code);
    ck_assert_uint_gt(g.letters, 0);
    ck_assert_int_eq(tqc_langid_detect(id, "", 0, "en", &g), TQC_OK);
    ck_assert_ptr_null(g.code);
    ck_assert_uint_eq(g.letters, 0);
    tqc_langid_free(id);
}
END_TEST

START_TEST(test_issue_6_short_text)
{
    tqc_langid *id = fixture(NULL);
    tqc_langid_guess g;
    /* Known to the fallback: taken to be in it. */
    ck_assert_int_eq(tqc_langid_detect(id, "Thank you.", 10, "en", &g), TQC_OK);
    ck_assert(g.short_text);
    ck_assert_str_eq(g.code, "en");
    /* Known to one language only, the fallback's or not. */
    ck_assert_str_eq(detect(id, "Vielen Dank.", "en"), "de");
    /* A word every language knows tells nothing. */
    ck_assert_str_eq(detect(id, "Taxi!", NULL), "-");
    tqc_langid_free(id);
}
END_TEST

START_TEST(test_textcat_orders_candidates)
{
    tqc_langid *id = fixture(NULL);
    size_t order[8];
    char best[16];
    const char *s = "As escolas vão permanecer fechadas até segunda-feira.";
    size_t n = tqc_langid_textcat(id, s, strlen(s), order, 8, best);
    ck_assert_uint_ge(n, 1);
    ck_assert_str_eq(tqc_langid_code(id, order[0]), "pt");
    ck_assert_str_eq(best, "pt");
    /* Guesses that are not candidates are left out of the list, not of best. */
    const char *dutch = "De regering heeft dat gisteren bekendgemaakt na een lange vergadering.";
    n = tqc_langid_textcat(id, dutch, strlen(dutch), order, 8, best);
    ck_assert_str_eq(best, "nl");
    for (size_t k = 0; k < n; k++)
        ck_assert_str_ne(tqc_langid_code(id, order[k]), "nl");
    tqc_langid_free(id);
}
END_TEST

START_TEST(test_known_and_lend)
{
    tqc_langid *id = fixture(NULL);
    size_t pt = tqc_langid_find(id, "pt"), en = tqc_langid_find(id, "en");
    const char *words[] = {"escolas", "vão", "the", "permanecer"};
    size_t lens[] = {7, 4, 3, 10};
    ck_assert_uint_eq(tqc_langid_known(id, pt, words, lens, 4), 3);
    ck_assert_uint_eq(tqc_langid_known(id, en, words, lens, 4), 1);
    /* A lent dictionary is used as it is, and not freed by the langid. */
    tqc_dict *lent = tqc_checker_dict(tqc_test_checker());
    tqc_langid *id2 = fixture(NULL);
    tqc_langid_lend(id2, "en-US", tqc_checker_lang(tqc_test_checker()), lent);
    ck_assert_ptr_eq(tqc_langid_dict(id2, en), lent);
    ck_assert_ptr_eq(tqc_langid_profile(id2, en), tqc_checker_lang(tqc_test_checker()));
    tqc_langid_lend(id2, "nl", NULL, lent);    /* not a candidate: ignored */
    tqc_langid_free(id2);
    ck_assert(tqc_dict_known(lent, "the", 3));
    tqc_langid_free(id);
}
END_TEST

/* Issue 15: a dictionary the langid opened for itself and that loaded Hunspell is closed
 * by tqc_langid_release (tens of megabytes a language on a long run) and opened again
 * when asked, with the same answers; a pinned or lent one stays. */
START_TEST(test_release_closes_own_loaded_dictionaries)
{
    tqc_langid *id = fixture(NULL);
    size_t pt = tqc_langid_find(id, "pt"), fr = tqc_langid_find(id, "fr"),
           en = tqc_langid_find(id, "en");
    const char *words[] = {"escolas", "vão", "the", "permanecer"};
    size_t lens[] = {7, 4, 3, 10};
    tqc_dict *lent = tqc_checker_dict(tqc_test_checker());
    tqc_langid_lend(id, "en-US", tqc_checker_lang(tqc_test_checker()), lent);
    tqc_dict *d = tqc_langid_dict(id, pt), *f = tqc_langid_dict(id, fr);
    ck_assert_ptr_nonnull(d);
    ck_assert_ptr_nonnull(f);
    ck_assert(tqc_dict_load(d) && tqc_dict_load(f) && tqc_dict_loaded(d));
    tqc_langid_pin(id, fr);
    tqc_langid_release_one(id, fr);
    tqc_langid_release(id);
    ck_assert_ptr_eq(tqc_langid_dict(id, fr), f);     /* pinned: the same view */
    ck_assert_ptr_eq(tqc_langid_dict(id, en), lent);  /* lent: not the langid's */
    ck_assert(tqc_dict_known(lent, "the", 3));
    ck_assert(!tqc_dict_loaded(tqc_langid_dict(id, pt)));   /* closed, opened anew */
    ck_assert_uint_eq(tqc_langid_known(id, pt, words, lens, 4), 3);
    ck_assert(tqc_dict_known(f, "semaine", 7));
    tqc_langid_free(id);
}
END_TEST

/* The frequency list answers exact words only: its first word, not that word with more
 * letters or fewer; a language without a list is no evidence against (always true). */
START_TEST(test_common_words_exact)
{
    char word[256] = "";
    FILE *f = fopen(TQC_SOURCE_DIR "/dictionaries/fr/freq.tsv", "r");
    ck_assert_ptr_nonnull(f);
    while (fgets(word, sizeof word, f) && word[0] == '#')
        ;
    fclose(f);
    size_t len = strcspn(word, "\t\n");
    ck_assert_uint_gt(len, 0);
    tqc_langid *id;
    tqc_langid_options o = {.data_dir = TQC_SOURCE_DIR, .textcat_dir = ""};
    ck_assert_int_eq(tqc_langid_new(&o, &id), TQC_OK);
    size_t fr = tqc_langid_find(id, "fr");
    ck_assert_uint_ne(fr, SIZE_MAX);
    ck_assert(tqc_langid_common(id, fr, word, len));
    memcpy(word + len, "qzxq", 5);
    ck_assert(!tqc_langid_common(id, fr, word, len + 4));
    ck_assert(!tqc_langid_common(id, fr, "qzxq", 4));
    tqc_langid_free(id);
    tqc_langid *bare = fixture("");
    size_t any = 0;
    ck_assert_uint_gt(tqc_langid_count(bare), 0);
    ck_assert(tqc_langid_common(bare, any, "qzxq", 4));
    tqc_langid_free(bare);
}
END_TEST

START_TEST(test_only_the_sample_is_read)
{
    /* Portuguese after 64 KB of English does not change the verdict. */
    size_t cap = TQC_LANGID_SAMPLE_BYTES + 4096, len = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    while (len + strlen(english) + 1 < TQC_LANGID_SAMPLE_BYTES) {
        memcpy(buf + len, english, strlen(english));
        len += strlen(english);
        buf[len++] = ' ';
    }
    while (len + strlen(portuguese) < cap) {
        memcpy(buf + len, portuguese, strlen(portuguese));
        len += strlen(portuguese);
    }
    tqc_langid *id = fixture(NULL);
    tqc_langid_guess g;
    ck_assert_int_eq(tqc_langid_detect(id, buf, len, "pt", &g), TQC_OK);
    ck_assert_str_eq(g.code, "en");
    ck_assert_double_ge(g.coverage, 0.9);
    tqc_langid_free(id);
    free(buf);
}
END_TEST

/* CPU seconds of the process so far. */
static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Issue 18: exttextcat's answer for a stretch already asked is the one it gave (for any
 * max), and costs nothing like asking again: a file repeating one foreign sentence asked
 * it once a copy (3,870 calls on 1 MB). Measured as a ratio against fresh texts in the
 * same run, never in absolute seconds. */
START_TEST(test_issue_18_textcat_asked_once_a_text)
{
    tqc_langid *id = fixture(NULL), *fresh = fixture(NULL);
    const char *texts[] = {portuguese, french, german, english,
                           "As escolas vão permanecer fechadas até segunda-feira."};
    size_t order[8], again[8];
    char best[16], best2[16];
    for (size_t round = 0; round < 2; round++)
        for (size_t t = 0; t < 5; t++) {
            size_t n = tqc_langid_textcat(id, texts[t], strlen(texts[t]), order, 8, best);
            size_t m = tqc_langid_textcat(fresh, texts[t], strlen(texts[t]), again, 8, best2);
            ck_assert_uint_eq(n, m);
            ck_assert_str_eq(best, best2);
            for (size_t k = 0; k < n; k++)
                ck_assert_uint_eq(order[k], again[k]);
            ck_assert_uint_eq(tqc_langid_textcat(id, texts[t], strlen(texts[t]), again, 1, NULL),
                              n ? 1 : 0);
            if (n)
                ck_assert_uint_eq(again[0], order[0]);
        }
    /* The same text 2,000 times against 40 texts that differ: with the answer kept, the
     * repeats cost less; asked each time, they cost 50 times more. */
    char text[512];
    double t0 = cpu_now();
    for (int k = 0; k < 40; k++) {
        int len = snprintf(text, sizeof text, "%s %d", portuguese, k);
        (void)tqc_langid_textcat(fresh, text, (size_t)len, order, 8, NULL);
    }
    double distinct = cpu_now() - t0;
    t0 = cpu_now();
    for (int k = 0; k < 2000; k++)
        (void)tqc_langid_textcat(fresh, french, strlen(french), order, 8, NULL);
    double repeated = cpu_now() - t0;
    ck_assert_msg(repeated < distinct, "2000 repeats %.4f s, 40 distinct %.4f s", repeated,
                  distinct);
    tqc_langid_free(id);
    tqc_langid_free(fresh);
}
END_TEST

Suite *langid_suite(void)
{
    Suite *s = suite_create("langid");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_candidates_are_the_profiles);
    tcase_add_test(tc, test_no_rules_folder_no_candidates);
    tcase_add_test(tc, test_issue_6_detects_each_language);
    tcase_add_test(tc, test_issue_6_dictionaries_alone_without_exttextcat);
    tcase_add_test(tc, test_issue_6_cannot_tell_a_language_without_profile);
    tcase_add_test(tc, test_issue_6_short_text);
    tcase_add_test(tc, test_textcat_orders_candidates);
    tcase_add_test(tc, test_known_and_lend);
    tcase_add_test(tc, test_release_closes_own_loaded_dictionaries);
    tcase_add_test(tc, test_only_the_sample_is_read);
    tcase_add_test(tc, test_common_words_exact);
    tcase_add_test(tc, test_issue_18_textcat_asked_once_a_text);
    suite_add_tcase(s, tc);
    return s;
}
