/* fix: choosing fixes, resolving overlaps, applying them byte-exactly, the check-and-fix
 * rounds and the region map (issue 4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run/fix.h"
#include "tqc_test.h"

/* A doc with findings list l on it. */
static tqc_doc *make_doc(const char *text, tqc_findings *l)
{
    tqc_doc *doc = tqc_doc_new("t.txt", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    tqc_findings_init(l, doc);
    return doc;
}

static tqc_finding *add(tqc_findings *l, const char *rule, tqc_severity sev, size_t a, size_t b,
                        const char *fix, bool safe)
{
    tqc_finding *f = tqc_emit(l, rule, sev, tqc_span_make(a, b), "%s", rule);
    ck_assert_ptr_nonnull(f);
    if (fix)
        tqc_finding_fix(l, f, tqc_span_make(a, b), fix, strlen(fix), safe);
    return f;
}

/* Applies the selection of l's findings to the doc; the result is malloc'd. */
static char *select_apply(tqc_doc *doc, tqc_findings *l, bool all, tqc_fix_state *states,
                          size_t *edit_count)
{
    tqc_edit edits[16];
    size_t n;
    ck_assert_int_eq(tqc_fix_select(doc, l->items, l->count, all, edits, &n, states, NULL), TQC_OK);
    char *out;
    size_t len;
    ck_assert_int_eq(tqc_fix_apply(doc->text, doc->len, edits, n, &out, &len, NULL), TQC_OK);
    ck_assert_uint_eq(strlen(out), len);
    if (edit_count)
        *edit_count = n;
    return out;
}

START_TEST(test_issue_4_safe_fixes_only_by_default)
{
    tqc_findings l;
    tqc_doc *doc = make_doc("Teh cat sat on teh mat.", &l);
    add(&l, "a", TQC_SEV_ERROR, 0, 3, "The", true);
    add(&l, "b", TQC_SEV_WARNING, 15, 18, "the", false);       /* an unsafe fix */
    tqc_finding *f = add(&l, "c", TQC_SEV_INFO, 19, 22, NULL, false);
    tqc_finding_suggest(&l, f, "rug", 3);                      /* a suggestion only */
    tqc_fix_state st[3];
    char *out = select_apply(doc, &l, false, st, NULL);
    ck_assert_str_eq(out, "The cat sat on teh mat.");
    ck_assert_int_eq(st[0], TQC_FIX_APPLIED);
    ck_assert_int_eq(st[1], TQC_FIX_MANUAL);
    ck_assert_int_eq(st[2], TQC_FIX_MANUAL);
    free(out);
    out = select_apply(doc, &l, true, st, NULL);
    ck_assert_str_eq(out, "The cat sat on the rug.");
    ck_assert_int_eq(st[1], TQC_FIX_APPLIED);
    ck_assert_int_eq(st[2], TQC_FIX_APPLIED);
    free(out);
    tqc_findings_release(&l);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_issue_4_overlaps_resolved_by_priority)
{
    tqc_findings l;
    tqc_doc *doc = make_doc("abcdefghij", &l);
    add(&l, "low", TQC_SEV_WARNING, 0, 4, "W", true);    /* loses to the error over it */
    add(&l, "high", TQC_SEV_ERROR, 2, 6, "E", true);
    add(&l, "late", TQC_SEV_ERROR, 5, 8, "L", true);     /* same severity, starts later: loses */
    add(&l, "ins", TQC_SEV_ERROR, 8, 8, "+", true);      /* after "late": no overlap with "high" */
    add(&l, "touch", TQC_SEV_ERROR, 8, 9, "T", true);    /* touches the insertion: conflict */
    tqc_fix_state st[5];
    size_t n;
    char *out = select_apply(doc, &l, false, st, &n);
    /* Same start and severity: the shorter edit (the insertion) wins over "touch". */
    ck_assert_int_eq(st[0], TQC_FIX_CONFLICT);
    ck_assert_int_eq(st[1], TQC_FIX_APPLIED);
    ck_assert_int_eq(st[2], TQC_FIX_CONFLICT);
    ck_assert_int_eq(st[3], TQC_FIX_APPLIED);
    ck_assert_int_eq(st[4], TQC_FIX_CONFLICT);
    ck_assert_str_eq(out, "abEgh+ij");
    ck_assert_uint_eq(n, 2);
    free(out);
    tqc_findings_release(&l);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_issue_4_overlap_choice_ignores_input_order)
{
    /* The same findings in two orders give the same bytes. */
    const char *text = "one two three four";
    char *results[2];
    for (int order = 0; order < 2; order++) {
        tqc_findings l;
        tqc_doc *doc = make_doc(text, &l);
        if (order == 0) {
            add(&l, "x", TQC_SEV_ERROR, 4, 13, "2 3", true);
            add(&l, "y", TQC_SEV_ERROR, 8, 18, "3 4", true);
        } else {
            add(&l, "y", TQC_SEV_ERROR, 8, 18, "3 4", true);
            add(&l, "x", TQC_SEV_ERROR, 4, 13, "2 3", true);
        }
        tqc_fix_state st[2];
        results[order] = select_apply(doc, &l, false, st, NULL);
        tqc_findings_release(&l);
        tqc_doc_free(doc);
    }
    ck_assert_str_eq(results[0], "one 2 3 four");
    ck_assert_str_eq(results[1], results[0]);
    free(results[0]);
    free(results[1]);
}
END_TEST

START_TEST(test_issue_4_same_edit_from_two_findings_applies_once)
{
    tqc_findings l;
    tqc_doc *doc = make_doc("a  b", &l);
    add(&l, "spacing", TQC_SEV_WARNING, 1, 3, " ", true);
    add(&l, "other", TQC_SEV_ERROR, 1, 3, " ", true);
    tqc_fix_state st[2];
    size_t n;
    char *out = select_apply(doc, &l, false, st, &n);
    ck_assert_str_eq(out, "a b");
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(st[0], TQC_FIX_APPLIED);
    ck_assert_int_eq(st[1], TQC_FIX_APPLIED);
    free(out);
    tqc_findings_release(&l);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_issue_4_noop_and_out_of_range_fixes_ignored)
{
    tqc_findings l;
    tqc_doc *doc = make_doc("same", &l);
    add(&l, "noop", TQC_SEV_ERROR, 0, 4, "same", true);
    tqc_finding *f = tqc_emit(&l, "far", TQC_SEV_ERROR, tqc_span_make(0, 1), "x");
    tqc_finding_fix(&l, f, tqc_span_make(2, 9), "y", 1, true);
    tqc_fix_state st[2];
    size_t n;
    char *out = select_apply(doc, &l, true, st, &n);
    ck_assert_str_eq(out, "same");
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(st[0], TQC_FIX_NONE);
    ck_assert_int_eq(st[1], TQC_FIX_NONE);
    free(out);
    tqc_findings_release(&l);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_apply_rejects_overlapping_edits)
{
    tqc_edit e[2] = {{tqc_span_make(0, 3), "x", 1, 0}, {tqc_span_make(2, 4), "y", 1, 1}};
    char *out;
    size_t len;
    ck_assert_int_eq(tqc_fix_apply("abcdef", 6, e, 2, &out, &len, NULL), TQC_EUSAGE);
    ck_assert_ptr_null(out);
    e[1].span = tqc_span_make(3, 7);
    ck_assert_int_eq(tqc_fix_apply("abcdef", 6, e, 2, &out, &len, NULL), TQC_EUSAGE);
    e[1].span = tqc_span_make(3, 3);   /* an insertion right after a replacement is fine */
    tqc_span spans[2];
    ck_assert_int_eq(tqc_fix_apply("abcdef", 6, e, 2, &out, &len, spans), TQC_OK);
    ck_assert_str_eq(out, "xydef");
    ck_assert_uint_eq(spans[1].start, 1);
    ck_assert_uint_eq(spans[1].end, 2);
    free(out);
}
END_TEST

static tqc_fix_result *fix_text(const char *text, bool all)
{
    tqc_fix_options o = {.name = "t.txt", .lang = "en", .all_fixes = all};
    tqc_fix_result *res;
    ck_assert_int_eq(tqc_fix_text(tqc_test_checker(), text, strlen(text), &o, &res), TQC_OK);
    ck_assert_ptr_nonnull(res);
    return res;
}

/* Splits s into lines (with their line breaks); returns how many. */
static size_t lines_of(const char *s, size_t len, const char **starts, size_t *lens, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < cap;) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - s) + 1 : len;
        starts[n] = s + i;
        lens[n++] = e - i;
        i = e;
    }
    return n;
}

START_TEST(test_issue_4_untouched_lines_byte_identical_crlf_trailing_spaces)
{
    const char *text = "First line has trailing spaces.   \r\n"
                       "\r\n"
                       "The minister said the the talks resumed.\r\n"
                       "Tabs\tand  doubled spaces stay as they are. \t\r\n"
                       "Last line without a line break  ";
    tqc_fix_result *res = fix_text(text, false);
    ck_assert(tqc_fix_changed(res));
    ck_assert_uint_eq(res->doc->len, strlen(text));
    ck_assert_mem_eq(res->doc->text, text, strlen(text));
    const char *a[8], *b[8];
    size_t al[8], bl[8];
    size_t na = lines_of(text, strlen(text), a, al, 8), nb = lines_of(res->text, res->len, b, bl, 8);
    ck_assert_uint_eq(na, 5);
    ck_assert_uint_eq(nb, na);
    size_t changed = 0;
    for (size_t i = 0; i < na; i++) {
        if (al[i] == bl[i] && memcmp(a[i], b[i], al[i]) == 0)
            continue;
        changed++;
        /* The changed line keeps its CRLF. */
        ck_assert_uint_ge(bl[i], 2);
        ck_assert_mem_eq(b[i] + bl[i] - 2, "\r\n", 2);
    }
    /* Only the doubled word's line changes, whatever else other rules suggest. */
    ck_assert_mem_eq(b[2], "The minister said the talks resumed.\r\n", bl[2]);
    ck_assert_mem_eq(b[0], a[0], al[0]);
    ck_assert_uint_ge(changed, 1);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_triple_word_needs_two_rounds_then_nothing)
{
    const char *text = "He said the the the talks resumed.\n";
    tqc_fix_result *res = fix_text(text, false);
    ck_assert_str_eq(res->text, "He said the talks resumed.\n");
    ck_assert_uint_ge(res->rounds, 2);
    /* One region in the original's coordinates, made by both fixes. */
    ck_assert_uint_eq(res->region_count, 1);
    ck_assert_uint_eq(res->regions[0].old.start, 8);
    ck_assert_uint_eq(res->regions[0].old.end, 19);
    ck_assert_uint_eq(res->regions[0].fixed.start, 8);
    ck_assert_uint_eq(res->regions[0].fixed.end, 11);
    ck_assert_uint_eq(res->regions[0].note_count, 2);
    ck_assert_uint_eq(res->notes[0].round, 0);
    ck_assert_uint_eq(res->notes[1].round, 1);
    /* The finding whose fix waited for round two counts as applied. */
    ck_assert_uint_eq(tqc_fix_count(res, TQC_FIX_APPLIED), 2);
    ck_assert_uint_eq(tqc_fix_count(res, TQC_FIX_CONFLICT), 0);
    /* Fixing the result again changes nothing. */
    tqc_fix_result *again = fix_text(res->text, false);
    ck_assert(!tqc_fix_changed(again));
    ck_assert_uint_eq(again->region_count, 0);
    tqc_fix_result_free(again);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_rounds_are_capped)
{
    tqc_fix_options o = {.name = "t.txt", .lang = "en", .max_rounds = 1};
    const char *text = "He said the the the talks resumed.\n";
    tqc_fix_result *res;
    ck_assert_int_eq(tqc_fix_text(tqc_test_checker(), text, strlen(text), &o, &res), TQC_OK);
    ck_assert_str_eq(res->text, "He said the the talks resumed.\n");
    ck_assert_uint_eq(res->rounds, 1);
    ck_assert_uint_eq(tqc_fix_count(res, TQC_FIX_CONFLICT), 1);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_regions_map_several_changes)
{
    const char *text = "A b the the c.\nKeep this line.\nWe we went there there.\n";
    tqc_fix_result *res = fix_text(text, false);
    ck_assert_str_eq(res->text, "A b the c.\nKeep this line.\nWe went there.\n");
    ck_assert_uint_eq(res->region_count, 3);
    /* Outside the regions the texts are the same bytes, in order. */
    size_t o = 0, n = 0;
    for (size_t r = 0; r < res->region_count; r++) {
        const tqc_fix_region *g = &res->regions[r];
        ck_assert_uint_eq(g->old.start - o, g->fixed.start - n);
        ck_assert_mem_eq(res->doc->text + o, res->text + n, g->old.start - o);
        o = g->old.end;
        n = g->fixed.end;
    }
    ck_assert_uint_eq(res->doc->len - o, res->len - n);
    ck_assert_mem_eq(res->doc->text + o, res->text + n, res->len - n);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_many_fixes)
{
    /* More fixes than any initial allocation holds. */
    char text[4096] = "", want[4096] = "";
    for (int i = 0; i < 60; i++) {
        char line[64];
        snprintf(line, sizeof line, "Item %d said the the word.\n", i);
        strncat(text, line, sizeof text - strlen(text) - 1);
        snprintf(line, sizeof line, "Item %d said the word.\n", i);
        strncat(want, line, sizeof want - strlen(want) - 1);
    }
    tqc_fix_result *res = fix_text(text, false);
    ck_assert_str_eq(res->text, want);
    ck_assert_uint_eq(res->region_count, 60);
    ck_assert_uint_eq(res->note_count, 60);
    for (size_t r = 0; r < res->region_count; r++) {
        ck_assert_uint_eq(res->regions[r].note_count, 1);
        ck_assert_uint_eq(res->regions[r].note_first, r);
    }
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_clean_text_unchanged)
{
    const char *text = "The minister said the talks would resume on Monday.\n";
    tqc_fix_result *res = fix_text(text, true);
    ck_assert(!tqc_fix_changed(res));
    ck_assert_str_eq(res->text, text);
    ck_assert_uint_eq(res->region_count, 0);
    ck_assert_uint_eq(res->note_count, 0);
    tqc_fix_result_free(res);
}
END_TEST

START_TEST(test_issue_4_fix_file_keeps_bom_and_limits_size)
{
    char path[] = "/tmp/tqc-fix-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *text = "\xEF\xBB\xBFThe the talks ended.\n";
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    tqc_fix_options o = {.lang = "en"};
    tqc_fix_result *res;
    char err[256];
    ck_assert_int_eq(tqc_fix_file(tqc_test_checker(), path, &o, &res, err, sizeof err), TQC_OK);
    ck_assert_str_eq(res->text, "\xEF\xBB\xBFThe talks ended.\n");
    ck_assert_mem_eq(res->doc->text, text, strlen(text));
    ck_assert_uint_eq(res->regions[0].old.start, 3);
    tqc_fix_result_free(res);
    o.max_bytes = 10;
    ck_assert_int_eq(tqc_fix_file(tqc_test_checker(), path, &o, &res, err, sizeof err), TQC_ELIMIT);
    ck_assert_ptr_null(res);
    ck_assert_ptr_nonnull(strstr(err, "larger than"));
    unlink(path);
}
END_TEST

/* Writes text to a temporary file ending in suffix; path (room for 32) gets its name. */
static void write_tmp(const char *text, const char *suffix, char *path)
{
    snprintf(path, 32, "/tmp/tqc-fix-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
}

/* The finding of rule whose span in the file begins at the first `at` in the file. */
static size_t finding_at(const tqc_fix_result *res, const char *rule, const char *at)
{
    size_t off = (size_t)(strstr(res->doc->text, at) - res->doc->text);
    for (size_t i = 0; i < res->finding_count; i++)
        if (strcmp(res->findings[i].rule, rule) == 0 && res->findings[i].span.start == off)
            return i;
    ck_abort_msg("no %s finding at '%s'", rule, at);
    return SIZE_MAX;
}

START_TEST(test_issue_5_fix_html_edits_the_page_where_the_text_maps)
{
    static const char page[] =
        "<html><body><nav>the the menu</nav><article>\n"
        "<p>They met the the envoy for two <a href=\"/h\">hours</a>on Monday.</p>\n"
        "<p>The deal, &#8220;a good start&#8220;, was signed.</p>\n"
        "</article></body></html>\n";
    char path[32];
    write_tmp(page, ".html", path);
    tqc_fix_options o = {.lang = "en"};
    tqc_fix_result *res;
    char err[256];
    ck_assert_int_eq(tqc_fix_file(tqc_test_checker(), path, &o, &res, err, sizeof err), TQC_OK);
    /* The page's own bytes, with only the repeated word fixed: chrome, the word that
     * runs into a link and the entity used as a closing quote are left alone. */
    ck_assert_mem_eq(res->doc->text, page, strlen(page));
    ck_assert_str_eq(res->text,
                     "<html><body><nav>the the menu</nav><article>\n"
                     "<p>They met the envoy for two <a href=\"/h\">hours</a>on Monday.</p>\n"
                     "<p>The deal, &#8220;a good start&#8220;, was signed.</p>\n"
                     "</article></body></html>\n");
    ck_assert_uint_eq(res->region_count, 1);
    ck_assert_uint_eq(res->regions[0].old.start, (size_t)(strstr(page, "the the envoy") - page));
    /* Findings are placed in the file: the run-on spans the tag's bytes and keeps its
     * fix as a suggestion for a human; so does the entity. */
    size_t rw = finding_at(res, "repeated-word", "the the envoy");
    ck_assert_int_eq(res->states[rw], TQC_FIX_APPLIED);
    size_t ms = finding_at(res, "missing-space", "hours</a>on");
    ck_assert_uint_eq(tqc_span_len(res->findings[ms].span), strlen("hours</a>on"));
    ck_assert(!res->findings[ms].has_fix);
    ck_assert_int_eq(res->states[ms], TQC_FIX_MANUAL);
    ck_assert_uint_ge(res->findings[ms].suggestion_count, 1);
    ck_assert_str_eq(res->findings[ms].suggestions[0], "hours on");
    size_t q = finding_at(res, "quotes", "&#8220;, was");
    ck_assert_int_eq(res->states[q], TQC_FIX_MANUAL);
    tqc_fix_result_free(res);
    /* --all-fixes takes nothing more that does not map 1:1. */
    o.all_fixes = true;
    ck_assert_int_eq(tqc_fix_file(tqc_test_checker(), path, &o, &res, err, sizeof err), TQC_OK);
    ck_assert_ptr_nonnull(strstr(res->text, "<a href=\"/h\">hours</a>on Monday"));
    ck_assert_ptr_nonnull(strstr(res->text, "start&#8220;, was"));
    tqc_fix_result_free(res);
    unlink(path);
}
END_TEST

/* Issue 18: fix of a 35 MB file peaked at 481 MB, holding every finding, note and region
 * of the file. text_only (what tqc fix writes with) keeps only the two texts and counts,
 * and must fix exactly as the full result does: across chunks, over two rounds (`the
 * the the`), and in markup. */
START_TEST(test_issue_18_text_only_fixes_as_the_full_result)
{
    const char *para = "She said the the the vote was close , and left.\n\n";
    size_t plen = strlen(para), reps = 300000 / plen;   /* two 256 KiB chunks */
    char *text = tqc_test_repeat(para, reps);
    char path[32];
    write_tmp(text, ".txt", path);
    char html_path[32];
    write_tmp("<html><body><article><p>They met the the envoy.</p>\n"
              "<p>The the deal was signed.</p></article></body></html>\n", ".html", html_path);
    const char *paths[] = {path, html_path};
    for (size_t p = 0; p < 2; p++) {
        tqc_fix_options o = {.lang = "en"};
        tqc_fix_result *full, *lean;
        char err[256];
        ck_assert_int_eq(tqc_fix_file(tqc_test_checker(), paths[p], &o, &full, err, sizeof err), TQC_OK);
        o.text_only = true;
        ck_assert_int_eq(tqc_fix_file(tqc_test_checker(), paths[p], &o, &lean, err, sizeof err), TQC_OK);
        ck_assert_uint_eq(lean->len, full->len);
        ck_assert_mem_eq(lean->text, full->text, full->len);
        ck_assert_uint_eq(lean->doc->len, full->doc->len);
        ck_assert(tqc_fix_changed(lean));
        ck_assert_uint_gt(full->applied, p == 0 ? reps : 1);
        ck_assert_uint_eq(lean->applied, full->applied);
        ck_assert_uint_eq(full->applied, tqc_fix_count(full, TQC_FIX_APPLIED));
        ck_assert_uint_eq(lean->found, full->finding_count);
        ck_assert_ptr_null(lean->findings);
        ck_assert_uint_eq(lean->finding_count, 0);
        ck_assert_uint_eq(lean->region_count, 0);
        ck_assert_uint_eq(lean->note_count, 0);
        ck_assert_uint_eq(lean->doc->sentence_count, 0);
        tqc_fix_result_free(full);
        tqc_fix_result_free(lean);
    }
    unlink(path);
    unlink(html_path);
    free(text);
}
END_TEST

Suite *fix_suite(void)
{
    Suite *s = suite_create("fix");
    TCase *tc = tcase_create("select");
    tcase_add_test(tc, test_issue_4_safe_fixes_only_by_default);
    tcase_add_test(tc, test_issue_4_overlaps_resolved_by_priority);
    tcase_add_test(tc, test_issue_4_overlap_choice_ignores_input_order);
    tcase_add_test(tc, test_issue_4_same_edit_from_two_findings_applies_once);
    tcase_add_test(tc, test_issue_4_noop_and_out_of_range_fixes_ignored);
    tcase_add_test(tc, test_apply_rejects_overlapping_edits);
    suite_add_tcase(s, tc);
    tc = tcase_create("rounds");
    tcase_add_test(tc, test_issue_4_untouched_lines_byte_identical_crlf_trailing_spaces);
    tcase_add_test(tc, test_issue_4_triple_word_needs_two_rounds_then_nothing);
    tcase_add_test(tc, test_issue_4_rounds_are_capped);
    tcase_add_test(tc, test_issue_4_regions_map_several_changes);
    tcase_add_test(tc, test_issue_4_many_fixes);
    tcase_add_test(tc, test_issue_4_clean_text_unchanged);
    tcase_add_test(tc, test_issue_4_fix_file_keeps_bom_and_limits_size);
    tcase_add_test(tc, test_issue_5_fix_html_edits_the_page_where_the_text_maps);
    suite_add_tcase(s, tc);
    tc = tcase_create("memory");
    tcase_add_test(tc, test_issue_18_text_only_fixes_as_the_full_result);
    tcase_set_timeout(tc, 60); /* fixes 300 KB twice: seconds on a busy machine */
    suite_add_tcase(s, tc);
    return s;
}
