#include <stdio.h>
#include <string.h>

#include "run/pool.h"
#include "tqc_test.h"

#define POOL_TEST_DOCS 24

/* Article i: every third one has a run-on and a doubled word, so findings differ. */
static tqc_doc *article(int i)
{
    char text[256];
    int n = snprintf(text, sizeof text,
                     i % 3 ? "Article %d. The minister spoke on Monday.\n"
                           : "Article %d. The minister spokeon the the Monday.\n",
                     i);
    tqc_doc *doc = tqc_doc_new("pool.txt", text, (size_t)n, "en");
    ck_assert_ptr_nonnull(doc);
    return doc;
}

/* What tqc_check_doc finds on article i, as "rule@offset;" items. */
static void expected(int i, char *out, size_t cap)
{
    tqc_doc *doc = article(i);
    tqc_findings f;
    tqc_findings_init(&f, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker(), doc, &f), TQC_OK);
    size_t used = 0;
    out[0] = '\0';
    for (size_t k = 0; k < f.count; k++)
        used += (size_t)snprintf(out + used, cap - used, "%s@%zu;", f.items[k].rule,
                                 f.items[k].span.start);
    tqc_findings_release(&f);
    tqc_doc_free(doc);
}

START_TEST(test_docs_come_back_in_order_with_the_same_findings)
{
    tqc_pool *pool = tqc_pool_new(3);
    ck_assert_ptr_nonnull(pool);
    int next_back = 0, submitted = 0;
    while (submitted < POOL_TEST_DOCS || tqc_pool_pending(pool)) {
        if (submitted < POOL_TEST_DOCS && tqc_pool_has_room(pool)) {
            ck_assert_int_eq(tqc_pool_submit(pool, tqc_test_checker(), article(submitted++)),
                             TQC_OK);
            continue;
        }
        tqc_doc *doc;
        tqc_findings f;
        tqc_status st;
        ck_assert(tqc_pool_next(pool, &doc, &f, &st));
        ck_assert_int_eq(st, TQC_OK);
        char want[1024], got[1024] = "";
        expected(next_back, want, sizeof want);
        size_t used = 0;
        for (size_t k = 0; k < f.count; k++)
            used += (size_t)snprintf(got + used, sizeof got - used, "%s@%zu;", f.items[k].rule,
                                     f.items[k].span.start);
        char head[32];
        snprintf(head, sizeof head, "Article %d.", next_back);
        ck_assert_int_eq(strncmp(doc->text, head, strlen(head)), 0);
        ck_assert_str_eq(got, want);
        if (next_back % 3 == 0)
            ck_assert_ptr_nonnull(strstr(got, "missing-space"));
        tqc_findings_release(&f);
        tqc_doc_free(doc);
        next_back++;
    }
    ck_assert_int_eq(next_back, POOL_TEST_DOCS);
    ck_assert(!tqc_pool_next(pool, &(tqc_doc *){NULL}, &(tqc_findings){0}, &(tqc_status){0}));
    tqc_pool_free(pool);
}
END_TEST

/* Freeing a pool with docs in flight frees them too (ASan checks the rest). */
START_TEST(test_free_with_docs_in_flight)
{
    tqc_pool *pool = tqc_pool_new(2);
    ck_assert_ptr_nonnull(pool);
    int i = 0;
    while (tqc_pool_has_room(pool))
        ck_assert_int_eq(tqc_pool_submit(pool, tqc_test_checker(), article(i++)), TQC_OK);
    /* The workers' docs and one more, read ahead. */
    ck_assert_int_eq(i, 3);
    ck_assert_uint_eq(tqc_pool_pending(pool), 3);
    tqc_pool_free(pool);
}
END_TEST

Suite *pool_suite(void)
{
    Suite *s = suite_create("pool");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_docs_come_back_in_order_with_the_same_findings);
    tcase_add_test(tc, test_free_with_docs_in_flight);
    suite_add_tcase(s, tc);
    return s;
}
