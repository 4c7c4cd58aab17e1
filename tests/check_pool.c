#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Tasks of any kind: taken back in submission order whatever worker ran them; each
 * worker's state lasts between its tasks and is freed once when the pool is; tasks not
 * taken back are dropped, the ones that ran said so. */
#define POOL_TEST_TASKS 200

typedef struct count_task {
    int n;
    int seen_before;    /* tasks this task's worker had run before it */
    bool dropped, ran;
} count_task;

static atomic_int locals_freed;

static void count_run(void *arg, void **local)
{
    count_task *t = arg;
    int *mine = *local;
    if (!mine && !(mine = *local = calloc(1, sizeof *mine))) {
        t->seen_before = -1;    /* out of memory: the taker fails the test */
        return;
    }
    t->seen_before = (*mine)++;
}

static void count_free_local(void *local)
{
    atomic_fetch_add(&locals_freed, 1);
    free(local);
}

static void count_drop(void *arg, bool ran)
{
    count_task *t = arg;
    t->dropped = true;
    t->ran = ran;
}

START_TEST(test_tasks_come_back_in_order_and_workers_keep_state)
{
    static count_task tasks[POOL_TEST_TASKS];
    atomic_store(&locals_freed, 0);
    tqc_pool *pool = tqc_pool_new_tasks(3, 7, count_free_local);
    ck_assert_ptr_nonnull(pool);
    int back = 0, seen = 0;
    for (int i = 0; i < POOL_TEST_TASKS; i++) {
        tasks[i] = (count_task){.n = i};
        if (!tqc_pool_has_room(pool)) {
            void *arg;
            ck_assert(tqc_pool_take(pool, &arg));
            ck_assert_int_eq(((count_task *)arg)->n, back++);
            ck_assert_int_ge(((count_task *)arg)->seen_before, 0);
            seen += ((count_task *)arg)->seen_before == 0;
        }
        tqc_pool_run(pool, count_run, count_drop, &tasks[i]);
    }
    ck_assert_uint_eq(tqc_pool_pending(pool), 7);
    tqc_pool_free(pool);
    /* The 7 in flight were dropped, after running or not; none of the others was. */
    for (int i = 0; i < POOL_TEST_TASKS; i++)
        ck_assert(tasks[i].dropped == (i >= back));
    ck_assert_int_eq(back, POOL_TEST_TASKS - 7);
    /* A worker's first task saw no state; at most one first task per worker. */
    ck_assert_int_le(seen, 3);
    ck_assert_int_ge(atomic_load(&locals_freed), 1);
    ck_assert_int_le(atomic_load(&locals_freed), 3);
}
END_TEST

Suite *pool_suite(void)
{
    Suite *s = suite_create("pool");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_docs_come_back_in_order_with_the_same_findings);
    tcase_add_test(tc, test_free_with_docs_in_flight);
    tcase_add_test(tc, test_tasks_come_back_in_order_and_workers_keep_state);
    suite_add_tcase(s, tc);
    return s;
}
