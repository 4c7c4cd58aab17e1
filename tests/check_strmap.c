#include <stdio.h>
#include <string.h>

#include "core/strmap.h"
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

Suite *strmap_suite(void)
{
    Suite *s = suite_create("strmap");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_put_get_overwrite);
    tcase_add_test(tc, test_many_keys_survive_growth);
    tcase_add_test(tc, test_keys_with_nul_and_utf8);
    suite_add_tcase(s, tc);
    return s;
}
