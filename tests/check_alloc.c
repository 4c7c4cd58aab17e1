/* alloc: every allocation tqc makes during a whole check can fail, and each failure
 * ends in a clean TQC_ENOMEM (or is absorbed), never a crash; under ASan, never a leak
 * (issue 13). The walk makes the N-th allocation fail for N = 1, 2, ... over the check of
 * corpus/en/demo.txt: reading, the checker for the language, segmenting, every pass
 * and the JSON Lines report. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/io.h"
#include "read/input.h"
#include "report/report.h"
#include "tqc_test.h"

#define DEMO TQC_SOURCE_DIR "/corpus/en/demo.txt"
/* Every N up to this is tried, then a stride that leaves about ALLOC_WALK_STRIDED more
 * runs: the early allocations (setting up) are the most varied, and the whole walk
 * stays within a few seconds. */
#define ALLOC_WALK_DENSE 40
#define ALLOC_WALK_STRIDED 40

/* One whole check of the demo article into out: TQC_OK or the first failure. */
static tqc_status whole_check(FILE *out)
{
    char err[512];
    tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = "en"};
    tqc_checker *ck = NULL;
    tqc_status st = tqc_checker_new(&opts, &ck, err, sizeof err);
    if (st != TQC_OK)
        return st;
    tqc_input_options io = {.format = TQC_INPUT_TEXT, .lang = "en"};
    tqc_input *in = NULL;
    st = tqc_input_open(DEMO, &io, &in, err, sizeof err);
    tqc_reporter r;
    if (st == TQC_OK && !tqc_reporter_init(&r, "jsonl", out, false))
        st = TQC_EUSAGE;
    tqc_run_stats stats = {0};
    while (st == TQC_OK) {
        tqc_doc *doc = NULL;
        st = tqc_input_next(in, &doc, err, sizeof err);
        if (st != TQC_OK || !doc)
            break;
        tqc_findings found;
        tqc_findings_init(&found, doc);
        st = tqc_check_doc(ck, doc, &found);
        if (st == TQC_OK) {
            if (r.begin)
                r.begin(&r, doc);
            for (size_t i = 0; i < found.count; i++)
                r.finding(&r, doc, &found.items[i]);
            if (r.end_doc)
                r.end_doc(&r, doc);
            stats.files++;
        }
        tqc_findings_release(&found);
        tqc_doc_free(doc);
    }
    if (in && r.finish)
        r.finish(&r, &stats);
    if (st == TQC_OK && r.failed)
        st = TQC_ENOMEM;
    tqc_input_close(in);
    tqc_checker_free(ck);
    return st;
}

/* The jsonl output of a check with no failure planned; *calls (when not NULL) gets how
 * many allocations it made. */
static char *check_output(tqc_status *st, unsigned long *calls)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(out);
    tqc_alloc_fail_at(ULONG_MAX); /* counts, never reached */
    *st = whole_check(out);
    if (calls)
        *calls = tqc_alloc_count();
    tqc_alloc_fail_at(0);
    fclose(out);
    return buf;
}

START_TEST(test_issue_13_every_allocation_failure_is_clean)
{
    tqc_status st;
    /* The first check fills the process's caches (language profiles, varieties); the
     * walk is over a warm check, as in a long run. */
    free(check_output(&st, NULL));
    ck_assert_int_eq(st, TQC_OK);
    unsigned long total;
    char *want = check_output(&st, &total);
    ck_assert_int_eq(st, TQC_OK);
    ck_assert_uint_gt(total, 100); /* the counter sees the check's allocations */
    ck_assert_ptr_nonnull(strstr(want, "\"rule\""));
    unsigned long stride =
        total > ALLOC_WALK_DENSE ? (total - ALLOC_WALK_DENSE) / ALLOC_WALK_STRIDED : 1;
    if (stride == 0)
        stride = 1;
    unsigned long runs = 0, failed_clean = 0, absorbed_changed = 0;
    for (unsigned long n = 1; n <= total; n += n < ALLOC_WALK_DENSE ? 1 : stride) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        ck_assert_ptr_nonnull(out);
        tqc_alloc_fail_at(n);
        st = whole_check(out);
        bool hit = tqc_alloc_failed();
        tqc_alloc_fail_at(0);
        fclose(out);
        ck_assert_msg(hit, "allocation %lu of %lu never happened", n, total);
        /* A failure is reported as out of memory, or absorbed (an optional lookup left
         * out); anything else is a wrong error. */
        ck_assert_msg(st == TQC_OK || st == TQC_ENOMEM, "allocation %lu of %lu failed; "
                      "status %s", n, total, tqc_strerror(st));
        failed_clean += st == TQC_ENOMEM;
        absorbed_changed += st == TQC_OK && strcmp(buf, want) != 0;
        free(buf);
        /* A failure must not be remembered: the next check, with memory, is whole. Checked
         * after each absorbed failure and every fourth run (a check costs tens of ms). */
        if (st == TQC_OK || runs % 4 == 0) {
            char *again = check_output(&st, NULL);
            ck_assert_int_eq(st, TQC_OK);
            ck_assert_msg(strcmp(again, want) == 0, "after allocation %lu failed, a later "
                          "check still differs", n);
            free(again);
        }
        runs++;
    }
    ck_assert_uint_gt(failed_clean, runs / 2); /* most failures must surface */
    if (getenv("TQC_ALLOC_DEBUG"))
        fprintf(stderr, "%lu allocations, %lu runs, %lu clean failures, %lu absorbed with "
                "a different output\n", total, runs, failed_clean, absorbed_changed);
    free(want);
}
END_TEST

Suite *alloc_suite(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_issue_13_every_allocation_failure_is_clean);
    suite_add_tcase(s, tc);
    return s;
}
