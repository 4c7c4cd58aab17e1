#include <stdio.h>
#include <string.h>

#include "core/strmap.h"
#include "lang/words.h"
#include "tqc_test.h"

START_TEST(test_put_get_overwrite)
{
    tqc_strmap *m = tqc_strmap_new();
    ck_assert(tqc_strmap_put(m, "alpha", 5, 1));
    ck_assert(tqc_strmap_put(m, "beta", 4, 2));
    ck_assert(tqc_strmap_put(m, "alpha", 5, 3));
    uint64_t v = 0;
    ck_assert(tqc_strmap_get(m, "alpha", 5, &v));
    ck_assert_uint_eq(v, 3);
    ck_assert(!tqc_strmap_get(m, "alph", 4, NULL));
    ck_assert_uint_eq(tqc_strmap_count(m), 2);
    ck_assert_str_eq(tqc_strmap_key(m, 1, NULL), "beta");
    tqc_strmap_free(m);
}
END_TEST

START_TEST(test_many_keys_survive_growth)
{
    tqc_strmap *m = tqc_strmap_new();
    char key[32];
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(key, sizeof key, "w%d", i);
        ck_assert(tqc_strmap_put(m, key, (size_t)n, (uint64_t)i));
    }
    for (int i = 0; i < 20000; i += 7) {
        int n = snprintf(key, sizeof key, "w%d", i);
        uint64_t v;
        ck_assert(tqc_strmap_get(m, key, (size_t)n, &v));
        ck_assert_uint_eq(v, (uint64_t)i);
    }
    ck_assert(!tqc_strmap_get(NULL, "x", 1, NULL));
    tqc_strmap_free(m);
    tqc_strmap_free(NULL);
}
END_TEST

START_TEST(test_keys_with_nul_and_utf8)
{
    tqc_strmap *m = tqc_strmap_new();
    ck_assert(tqc_strmap_put(m, "a\0b", 3, 1));
    ck_assert(tqc_strmap_put(m, "Japão", strlen("Japão"), 2));
    ck_assert(!tqc_strmap_get(m, "a", 1, NULL));
    ck_assert(tqc_strmap_get(m, "a\0b", 3, NULL));
    ck_assert(tqc_strmap_get(m, "Japão", strlen("Japão"), NULL));
    tqc_strmap_free(m);
}
END_TEST

/* The run's word table (lang/words.h): one id per form, records kept across documents,
 * each document's first token of a form, and the cap. */
START_TEST(test_words_one_record_per_form)
{
    tqc_words *w = tqc_words_new(0);
    tqc_words_begin_doc(w, 4);
    uint32_t a = tqc_words_id(w, "port", 4), b = tqc_words_id(w, "Port", 4);
    ck_assert_uint_ne(a, TQC_WORD_NONE);
    ck_assert_uint_ne(a, b);
    ck_assert_uint_eq(tqc_words_id(w, "port", 4), a);
    ck_assert_uint_eq(tqc_words_first(w, a, 0), 0);
    ck_assert_uint_eq(tqc_words_first(w, a, 2), 0);
    tqc_words_at(w, a)->known = 1;
    /* The next document keeps the record's answers but not its first token. */
    tqc_words_begin_doc(w, 4);
    ck_assert_uint_eq(tqc_words_id(w, "port", 4), a);
    ck_assert_uint_eq(tqc_words_at(w, a)->known, 1);
    uint32_t at = 0;
    ck_assert(!tqc_words_in_doc(w, a, &at));
    ck_assert_uint_eq(tqc_words_first(w, a, 3), 3);
    ck_assert(tqc_words_in_doc(w, a, &at));
    ck_assert_uint_eq(at, 3);
    /* Finding adds nothing. */
    ck_assert_uint_eq(tqc_words_find(w, "Port", 4), b);
    ck_assert_uint_eq(tqc_words_find(w, "harbour", 7), TQC_WORD_NONE);
    ck_assert_uint_eq(tqc_words_count(w), 2);
    /* Empty and too long forms get no record: they are asked directly. */
    char longer[300];
    memset(longer, 'a', sizeof longer);
    ck_assert_uint_eq(tqc_words_id(w, longer, sizeof longer), TQC_WORD_NONE);
    ck_assert_uint_eq(tqc_words_id(w, "", 0), TQC_WORD_NONE);
    /* Many forms survive the table's growth. */
    char key[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "w%d", i);
        tqc_words_at(w, tqc_words_id(w, key, (size_t)n))->pos = (uint32_t)i;
    }
    for (int i = 0; i < 5000; i += 7) {
        int n = snprintf(key, sizeof key, "w%d", i);
        ck_assert_uint_eq(tqc_words_at(w, tqc_words_id(w, key, (size_t)n))->pos, (uint32_t)i);
    }
    ck_assert_uint_eq(tqc_words_count(w), 5002);
    tqc_words_free(w);
}
END_TEST

START_TEST(test_words_bounded)
{
    tqc_words *w = tqc_words_new(8);
    char key[32];
    tqc_words_begin_doc(w, 3);
    for (int i = 0; i < 8; i++) {
        int n = snprintf(key, sizeof key, "w%d", i);
        ck_assert_uint_ne(tqc_words_id(w, key, (size_t)n), TQC_WORD_NONE);
    }
    /* Full within a document: a new form has no record, a known one still has. */
    ck_assert_uint_eq(tqc_words_id(w, "new", 3), TQC_WORD_NONE);
    ck_assert_uint_ne(tqc_words_id(w, "w0", 2), TQC_WORD_NONE);
    /* A document that could fill it up starts with it empty. */
    tqc_words_begin_doc(w, 3);
    ck_assert_uint_eq(tqc_words_count(w), 0);
    uint32_t id = tqc_words_id(w, "new", 3);
    ck_assert_uint_ne(id, TQC_WORD_NONE);
    ck_assert_uint_eq(tqc_words_at(w, id)->known, 0);
    tqc_words_free(w);
    tqc_words_free(NULL);
}
END_TEST

/* retain's test: drops odd values, doubles the others. */
static bool keep_even(void *ctx, const char *key, size_t len, uint64_t *value)
{
    (void)key;
    (void)len;
    ++*(size_t *)ctx;
    if (*value % 2)
        return false;
    *value *= 2;
    return true;
}

START_TEST(test_retain_filters_in_order)
{
    tqc_strmap *m = tqc_strmap_new();
    char key[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        ck_assert(tqc_strmap_put(m, key, (size_t)n, (uint64_t)i));
    }
    size_t asked = 0;
    tqc_strmap_retain(m, keep_even, &asked);
    ck_assert_uint_eq(asked, 5000);
    ck_assert_uint_eq(tqc_strmap_count(m), 2500);
    /* The kept keys in their order, with the values keep gave them; the dropped ones
     * gone from the index. */
    for (int i = 0; i < 2500; i++) {
        int n = snprintf(key, sizeof key, "k%d", 2 * i);
        size_t len;
        ck_assert_str_eq(tqc_strmap_key(m, (size_t)i, &len), key);
        ck_assert_uint_eq(len, (size_t)n);
        uint64_t v;
        ck_assert(tqc_strmap_get(m, key, (size_t)n, &v));
        ck_assert_uint_eq(v, 4 * (uint64_t)i);
        n = snprintf(key, sizeof key, "k%d", 2 * i + 1);
        ck_assert(!tqc_strmap_get(m, key, (size_t)n, NULL));
    }
    /* It goes on as a map: a new key after the kept ones, an old one set again. */
    ck_assert(tqc_strmap_put(m, "k1", 2, 7));
    ck_assert(tqc_strmap_put(m, "k0", 2, 9));
    ck_assert_uint_eq(tqc_strmap_count(m), 2501);
    ck_assert_str_eq(tqc_strmap_key(m, 2500, NULL), "k1");
    ck_assert_uint_eq(tqc_strmap_value(m, 0), 9);
    /* Nothing kept. */
    asked = 0;
    tqc_strmap_put(m, "k0", 2, 1);
    tqc_strmap_put(m, "k1", 2, 1);
    for (size_t i = 1; i < 2500; i++)
        tqc_strmap_put(m, tqc_strmap_key(m, i, NULL), strlen(tqc_strmap_key(m, i, NULL)), 3);
    tqc_strmap_retain(m, keep_even, &asked);
    ck_assert_uint_eq(tqc_strmap_count(m), 0);
    ck_assert(!tqc_strmap_get(m, "k0", 2, NULL));
    ck_assert(tqc_strmap_put(m, "again", 5, 2));
    ck_assert(tqc_strmap_get(m, "again", 5, NULL));
    tqc_strmap_free(m);
}
END_TEST

Suite *strmap_suite(void)
{
    Suite *s = suite_create("strmap");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_put_get_overwrite);
    tcase_add_test(tc, test_many_keys_survive_growth);
    tcase_add_test(tc, test_keys_with_nul_and_utf8);
    tcase_add_test(tc, test_retain_filters_in_order);
    suite_add_tcase(s, tc);
    TCase *words = tcase_create("words");
    tcase_add_test(words, test_words_one_record_per_form);
    tcase_add_test(words, test_words_bounded);
    suite_add_tcase(s, words);
    return s;
}
