#include <string.h>

#include "core/finding.h"
#include "tqc_test.h"

START_TEST(test_merge_same_span)
{
    tqc_doc *doc = tqc_doc_new("x", "north korean", 12, "en");
    tqc_findings l;
    tqc_findings_init(&l, doc);
    tqc_finding *f = tqc_emit(&l, "spelling", TQC_SEV_WARNING, tqc_span_make(6, 12), "m1");
    tqc_finding_suggest(&l, f, "Korean", 6);
    f = tqc_emit(&l, "capitalization", TQC_SEV_ERROR, tqc_span_make(6, 12), "m2");
    tqc_finding_suggest(&l, f, "Korean", 6);
    tqc_emit(&l, "spelling", TQC_SEV_INFO, tqc_span_make(0, 5), "m3");
    tqc_findings_finish(&l);
    ck_assert_uint_eq(l.count, 2);
    ck_assert_uint_eq(l.items[0].span.start, 0);
    ck_assert_str_eq(l.items[1].rule, "capitalization");
    ck_assert_str_eq(l.items[1].also, "spelling");
    ck_assert_uint_eq(l.items[1].suggestion_count, 1);
    tqc_findings_release(&l);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_overlap_query)
{
    tqc_doc *doc = tqc_doc_new("x", "abcdef", 6, "en");
    tqc_findings l;
    tqc_findings_init(&l, doc);
    tqc_emit(&l, "missing-space", TQC_SEV_ERROR, tqc_span_make(1, 4), "x");
    ck_assert(tqc_findings_overlap(&l, "missing-space", tqc_span_make(3, 5)));
    ck_assert(!tqc_findings_overlap(&l, "missing-space", tqc_span_make(4, 6)));
    ck_assert(!tqc_findings_overlap(&l, "spelling", tqc_span_make(1, 4)));
    tqc_findings_release(&l);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_severity_names)
{
    tqc_severity s;
    ck_assert(tqc_severity_parse("warning", &s));
    ck_assert_int_eq(s, TQC_SEV_WARNING);
    ck_assert(!tqc_severity_parse("fatal", &s));
    ck_assert_str_eq(tqc_severity_name(TQC_SEV_ERROR), "error");
}
END_TEST

Suite *finding_suite(void)
{
    Suite *s = suite_create("finding");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_merge_same_span);
    tcase_add_test(tc, test_overlap_query);
    tcase_add_test(tc, test_severity_names);
    suite_add_tcase(s, tc);
    return s;
}
