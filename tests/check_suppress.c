/* suppress: tqc-disable / tqc-enable / tqc-disable-next-line comments (issue 7). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run/suppress.h"
#include "tqc_test.h"

static const tqc_suppress_pos START = {0, 1, 0};

static tqc_suppress *scan(const char *src, bool markup)
{
    tqc_suppress *s = tqc_suppress_new();
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(tqc_suppress_scan(s, src, strlen(src), START, markup), TQC_OK);
    return s;
}

/* The offset of the first byte of line (1-based) in src. */
static size_t line_at(const char *src, size_t line)
{
    size_t off = 0;
    while (--line)
        off = (size_t)(strchr(src + off, '\n') - src) + 1;
    return off;
}

/* Is a finding of rule at the start of line covered? */
static bool covers(tqc_suppress *s, const char *src, const char *rule, size_t line)
{
    return tqc_suppress_covers(s, rule, NULL, line_at(src, line) + 1, line);
}

static size_t unused(tqc_suppress *s, tqc_suppress_note **notes)
{
    size_t n;
    ck_assert_int_eq(tqc_suppress_unused(s, notes, &n), TQC_OK);
    return n;
}

START_TEST(test_issue_7_text_directives_are_lines_of_their_own)
{
    const char *src = "Some prose <!-- tqc-disable --> in a line.\n"
                      "  <!-- tqc-disable-next-line repeated-word -->  \n"
                      "the the\n"
                      "<!-- tqc-disable --> trailing words\n"
                      "<!-- an ordinary comment -->\n";
    tqc_suppress *s = scan(src, false);
    ck_assert_uint_eq(tqc_suppress_count(s), 1);
    ck_assert(covers(s, src, "repeated-word", 3));
    ck_assert(!covers(s, src, "repeated-word", 1));
    ck_assert(!covers(s, src, "repeated-word", 4));
    ck_assert(!covers(s, src, "quotes", 3));
    tqc_suppress_free(s);
}
END_TEST

START_TEST(test_issue_7_next_line_covers_only_the_next_line)
{
    const char *src = "<!-- tqc-disable-next-line -->\n"
                      "line two\n"
                      "line three\n";
    tqc_suppress *s = scan(src, false);
    ck_assert(covers(s, src, "quotes", 2));
    ck_assert(covers(s, src, "spacing", 2)); /* no rule: every rule */
    ck_assert(!covers(s, src, "quotes", 3));
    tqc_suppress_note *notes;
    ck_assert_uint_eq(unused(s, &notes), 0);
    tqc_suppress_free(s);
}
END_TEST

START_TEST(test_issue_7_disable_enable_regions)
{
    const char *src = "line 1\n"
                      "<!-- tqc-disable quotes, spacing -->\n"
                      "line 3\n"
                      "<!-- tqc-enable quotes -->\n"
                      "line 5\n"
                      "<!-- tqc-enable -->\n"
                      "line 7\n";
    tqc_suppress *s = scan(src, false);
    ck_assert(!covers(s, src, "quotes", 1));
    ck_assert(covers(s, src, "quotes", 3));
    ck_assert(covers(s, src, "spacing", 3));
    ck_assert(!covers(s, src, "repeated-word", 3));
    ck_assert(!covers(s, src, "quotes", 5)); /* ended by tqc-enable quotes */
    ck_assert(covers(s, src, "spacing", 5));
    ck_assert(!covers(s, src, "spacing", 7));
    tqc_suppress_note *notes;
    ck_assert_uint_eq(unused(s, &notes), 0);
    tqc_suppress_free(s);
}
END_TEST

START_TEST(test_issue_7_disable_without_enable_runs_to_the_end)
{
    const char *src = "<!-- tqc-disable -->\nline 2\n\n\nline 5\n";
    tqc_suppress *s = scan(src, false);
    ck_assert(covers(s, src, "quotes", 2));
    ck_assert(covers(s, src, "quotes", 5));
    tqc_suppress_free(s);
}
END_TEST

START_TEST(test_issue_7_merged_findings_need_every_rule_covered)
{
    const char *src = "<!-- tqc-disable-next-line quotes -->\nline 2\n"
                      "<!-- tqc-disable-next-line quotes,spacing -->\nline 4\n";
    tqc_suppress *s = scan(src, false);
    size_t l2 = line_at(src, 2), l4 = line_at(src, 4);
    ck_assert(!tqc_suppress_covers(s, "quotes", "spacing", l2, 2));
    ck_assert(tqc_suppress_covers(s, "quotes", "spacing", l4, 4));
    /* The first directive covered nothing in the end. */
    tqc_suppress_note *notes;
    ck_assert_uint_eq(unused(s, &notes), 1);
    ck_assert_uint_eq(notes[0].line, 1);
    ck_assert_str_eq(notes[0].message, "tqc-disable-next-line 'quotes' suppressed nothing on line 2");
    free(notes);
    tqc_suppress_free(s);
}
END_TEST

START_TEST(test_issue_7_unused_directives_are_listed)
{
    const char *src = "<!-- tqc-disable quotes -->\n"           /* 1: nothing to cover */
                      "<!-- tqc-enable quotes -->\n"            /* 2: ends line 1's: used */
                      "<!-- tqc-enable spacing -->\n"           /* 3: ends nothing */
                      "<!-- tqc-disable nosuch, quotes -->\n"   /* 4: unknown rule */
                      "<!-- tqc-disabel -->\n"                  /* 5: misspelt */
                      "<!-- tqc-disable-next-line -->\n"        /* 6: line 7 is clean */
                      "clean\n";
    tqc_suppress *s = scan(src, false);
    ck_assert_uint_eq(tqc_suppress_count(s), 6);
    tqc_suppress_note *notes;
    size_t n = unused(s, &notes);
    ck_assert_uint_eq(n, 5);
    ck_assert_uint_eq(notes[0].line, 1);
    ck_assert_str_eq(notes[0].message, "tqc-disable 'quotes' suppressed nothing");
    ck_assert_uint_eq(notes[0].offset, 0);
    ck_assert_uint_eq(notes[0].len, strlen("<!-- tqc-disable quotes -->"));
    ck_assert_uint_eq(notes[0].column, 1);
    ck_assert_str_eq(notes[1].message, "tqc-enable 'spacing' ends no tqc-disable");
    ck_assert_uint_eq(notes[1].line, 3);
    ck_assert_str_eq(notes[2].message,
                     "tqc-disable names unknown rule 'nosuch'; 'quotes' suppressed nothing");
    ck_assert(strstr(notes[3].message, "unknown directive 'tqc-disabel'") != NULL);
    ck_assert_str_eq(notes[4].message, "tqc-disable-next-line suppressed nothing on line 7");
    ck_assert_str_eq(notes[4].text, "<!-- tqc-disable-next-line -->");
    free(notes);
    tqc_suppress_free(s);
}
END_TEST

START_TEST(test_issue_7_enable_one_rule_does_not_end_disable_all)
{
    const char *src = "<!-- tqc-disable -->\n<!-- tqc-enable quotes -->\nline 3\n";
    tqc_suppress *s = scan(src, false);
    ck_assert(covers(s, src, "quotes", 3));
    tqc_suppress_note *notes;
    ck_assert_uint_eq(unused(s, &notes), 1);
    ck_assert_str_eq(notes[0].message, "tqc-enable 'quotes' ends no tqc-disable");
    free(notes);
    tqc_suppress_free(s);
}
END_TEST

START_TEST(test_issue_7_findings_on_the_directive_are_dropped_silently)
{
    const char *src = "<!-- tqc-disable quotes -->\n";
    tqc_suppress *s = scan(src, false);
    ck_assert(tqc_suppress_covers(s, "spacing", NULL, 5, 1));
    tqc_suppress_note *notes;
    ck_assert_uint_eq(unused(s, &notes), 1); /* that did not use it */
    free(notes);
    tqc_suppress_free(s);
}
END_TEST

START_TEST(test_issue_7_text_pieces_keep_positions)
{
    /* Two reader chunks: a region opened in the first covers the second. */
    const char *a = "Intro.\n\n<!-- tqc-disable quotes -->\n";
    const char *b = "para \xC3\xA9 two\n  <!-- tqc-enable -->\n";
    tqc_suppress *s = tqc_suppress_new();
    ck_assert_int_eq(tqc_suppress_scan(s, a, strlen(a), START, false), TQC_OK);
    tqc_suppress_pos pos = {strlen(a), 4, 0};
    ck_assert_int_eq(tqc_suppress_scan(s, b, strlen(b), pos, false), TQC_OK);
    ck_assert(tqc_suppress_covers(s, "quotes", NULL, strlen(a) + 2, 4));
    ck_assert(!tqc_suppress_covers(s, "quotes", NULL, strlen(a) + strlen(b), 6));
    tqc_suppress_note *notes;
    ck_assert_uint_eq(unused(s, &notes), 0);
    tqc_suppress_free(s);
    /* Where the enable is: line 5, column 3, offset after the blanks. */
    s = tqc_suppress_new();
    const char *c = "\xC3\xA9\n  <!-- tqc-enable -->\n";
    tqc_suppress_pos p2 = {100, 10, 4};
    ck_assert_int_eq(tqc_suppress_scan(s, c, strlen(c), p2, false), TQC_OK);
    ck_assert_uint_eq(unused(s, &notes), 1);
    ck_assert_uint_eq(notes[0].line, 11);
    ck_assert_uint_eq(notes[0].column, 3);
    ck_assert_uint_eq(notes[0].offset, 100 + 3 + 2);
    ck_assert_uint_eq(notes[0].line_start, 100 + 3);
    free(notes);
    tqc_suppress_free(s);
}
END_TEST

START_TEST(test_issue_7_markup_comments_anywhere)
{
    const char *src = "<p>One \xE2\x80\x94 <!-- tqc-disable-next-line quotes --></p>\n"
                      "<p>Two</p><!--\n  tqc-disable spacing\n-->\n"
                      "<p>Three</p>\n"
                      "<![CDATA[ <!-- tqc-enable --> ]]>\n"
                      "<p>Six <!-- tqc-enable spacing --> seven</p>\n";
    tqc_suppress *s = scan(src, true);
    ck_assert_uint_eq(tqc_suppress_count(s), 3); /* not the one in CDATA */
    ck_assert(covers(s, src, "quotes", 2));
    ck_assert(!covers(s, src, "quotes", 1));
    ck_assert(!covers(s, src, "spacing", 2)); /* before the comment ends */
    ck_assert(covers(s, src, "spacing", 5));
    ck_assert(covers(s, src, "spacing", 6)); /* CDATA did not end it */
    /* Offsets, not lines: on line 7 before the enable is covered, after it is not. */
    size_t l7 = line_at(src, 7);
    ck_assert(tqc_suppress_covers(s, "spacing", NULL, l7 + 4, 7));
    ck_assert(!tqc_suppress_covers(s, "spacing", NULL, l7 + strlen("<p>Six <!-- tqc-enable spacing --> "), 7));
    tqc_suppress_note *notes;
    ck_assert_uint_eq(unused(s, &notes), 0);
    tqc_suppress_free(s);
}
END_TEST

START_TEST(test_issue_7_markup_next_line_counts_from_the_comment_end)
{
    const char *src = "<p>x</p>\n<!-- tqc-disable-next-line\n     quotes -->\n<p>y</p>\n"
                      "<p>z</p>  <!-- tqc-enable -->\n";
    tqc_suppress *s = scan(src, true);
    ck_assert(covers(s, src, "quotes", 4));
    ck_assert(!tqc_suppress_covers(s, "quotes", NULL, 1000, 3)); /* not the comment's own end line */
    tqc_suppress_note *notes;
    ck_assert_uint_eq(unused(s, &notes), 1); /* the enable on line 5 */
    ck_assert_uint_eq(notes[0].line, 5);
    ck_assert_uint_eq(notes[0].column, 11);
    ck_assert_uint_eq(notes[0].line_start, line_at(src, 5));
    free(notes);
    tqc_suppress_free(s);
    /* Columns count characters: the comment after "é—" is in column 3. */
    s = scan("\xC3\xA9\xE2\x80\x94<!-- tqc-enable -->", true);
    ck_assert_uint_eq(unused(s, &notes), 1);
    ck_assert_uint_eq(notes[0].column, 3);
    ck_assert_uint_eq(notes[0].offset, 5);
    free(notes);
    tqc_suppress_free(s);
}
END_TEST

START_TEST(test_issue_7_apply_drops_covered_findings_of_a_doc)
{
    const char *text = "The minister said the the talks ended.\n"
                       "<!-- tqc-disable-next-line repeated-word -->\n"
                       "Officials said the the vote was close.\n";
    tqc_doc *doc = tqc_doc_new("t.txt", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    ck_assert_int_eq(tqc_check_doc(tqc_test_checker(), doc, &out), TQC_OK);
    size_t before = 0;
    for (size_t i = 0; i < out.count; i++)
        before += strcmp(out.items[i].rule, "repeated-word") == 0;
    ck_assert_uint_eq(before, 2);
    tqc_suppress *s = scan(text, false);
    ck_assert_uint_ge(tqc_suppress_apply(s, &out), 1);
    size_t after = 0, line = 0, col;
    for (size_t i = 0; i < out.count; i++)
        if (strcmp(out.items[i].rule, "repeated-word") == 0) {
            after++;
            tqc_doc_locate(doc, out.items[i].span.start, &line, &col);
        }
    ck_assert_uint_eq(after, 1);
    ck_assert_uint_eq(line, 1);
    tqc_suppress_note *notes;
    ck_assert_uint_eq(unused(s, &notes), 0);
    tqc_suppress_free(s);
    tqc_findings_release(&out);
    tqc_doc_free(doc);
}
END_TEST

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);  /* CPU time: the machine may be busy */
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Issue 18: 200k disable/enable pairs (and nested disables of one rule) took minutes:
 * every enable scanned every directive, and so did every finding. Timed as a ratio
 * against a tenth as many in the same run (the machine may be busy): linear is about
 * ten times, quadratic a hundred. */
START_TEST(test_issue_18_many_directives_in_linear_time)
{
    const char *pair = "<!-- tqc-disable spelling -->\nA line.\n<!-- tqc-enable spelling -->\n";
    size_t plen = strlen(pair);
    double took[2];
    for (int round = 0; round < 2; round++) {
        size_t pairs = round ? 200000 : 20000;
        char *src = tqc_test_repeat(pair, pairs);
        double t0 = cpu_seconds();
        tqc_suppress *s = scan(src, false);
        size_t covered = 0;
        for (size_t i = 0; i < pairs; i++) {
            size_t off = i * plen + strlen("<!-- tqc-disable spelling -->\n");
            covered += tqc_suppress_covers(s, "spelling", NULL, off, 3 * i + 2);
            covered += tqc_suppress_covers(s, "quotes", NULL, off, 3 * i + 2);
        }
        took[round] = cpu_seconds() - t0;
        ck_assert_uint_eq(covered, pairs);
        tqc_suppress_free(s);
        free(src);
    }
    ck_assert_msg(took[1] < 25 * took[0] + 0.05, "200k pairs took %.3f s of CPU, 20k %.3f s",
                  took[1], took[0]);
}
END_TEST


/* Issue 18: a plain file is read in chunks; after each, the directives that can no
 * longer change are let go, the unused ones reported then, and the open ones keep
 * working. The pieces are scanned as the chunks would be. */
START_TEST(test_issue_18_settle_releases_what_is_behind)
{
    tqc_suppress *s = tqc_suppress_new();
    ck_assert_ptr_nonnull(s);
    char buf[128];
    size_t off = 0, line = 1;
    /* Line 1: a region left open to the end; then 100 used pairs and 100 unused. */
    const char *open_all = "<!-- tqc-disable quotes -->\n";
    ck_assert_int_eq(tqc_suppress_scan(s, open_all, strlen(open_all),
                                       (tqc_suppress_pos){off, line, 0}, false), TQC_OK);
    off += strlen(open_all);
    line++;
    for (int i = 0; i < 200; i++) {
        snprintf(buf, sizeof buf, "<!-- tqc-disable spelling -->\nword %d\n<!-- tqc-enable spelling -->\n", i);
        ck_assert_int_eq(tqc_suppress_scan(s, buf, strlen(buf), (tqc_suppress_pos){off, line, 0},
                                           false), TQC_OK);
        size_t word = off + strlen("<!-- tqc-disable spelling -->\n");
        if (i < 100)
            ck_assert(tqc_suppress_covers(s, "spelling", NULL, word, line + 1));
        off += strlen(buf);
        line += 3;
    }
    ck_assert_uint_eq(tqc_suppress_count(s), 401);
    tqc_suppress_note *notes;
    size_t n;
    ck_assert_int_eq(tqc_suppress_settle(s, off, line, true, &notes, &n), TQC_OK);
    /* The unused disables, in file order, with their text: the first ten of the run
     * of identical ones (the rest stand behind one note when the run ends). */
    ck_assert_uint_eq(n, 10);
    ck_assert_uint_eq(notes[0].line, 2 + 3 * 100);
    ck_assert_str_eq(notes[0].text, "<!-- tqc-disable spelling -->");
    ck_assert_ptr_nonnull(strstr(notes[9].message, "suppressed nothing"));
    free(notes);
    ck_assert_uint_eq(tqc_suppress_count(s), 1);   /* only the open region is kept */
    ck_assert(tqc_suppress_covers(s, "quotes", NULL, off + 5, line));
    ck_assert(!tqc_suppress_covers(s, "spelling", NULL, off + 5, line));
    /* The open region covered a finding; the run's last disable stands for the 90 past
     * the first ten, though their directives were let go. */
    ck_assert_int_eq(unused(s, &notes), 1);
    ck_assert_uint_eq(notes[0].line, 2 + 3 * 199);
    ck_assert_str_eq(notes[0].text, "<!-- tqc-disable spelling -->");
    ck_assert_str_eq(notes[0].message, "tqc-disable 'spelling' suppressed nothing; as did the 89 "
                                       "identical directives before it, the first on line 332");
    free(notes);
    tqc_suppress_free(s);
}
END_TEST

/* Issue 18: identical directives that did nothing alike, one after another, are ten
 * notes and one, the run's last, for the rest (200,000 unused pairs made 200,000
 * identical findings); a run of eleven is listed whole, and another note between ends a
 * run. */
START_TEST(test_issue_18_a_run_of_identical_unused_directives_is_one_note)
{
    char *src = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&src, &len);
    ck_assert_ptr_nonnull(f);
    for (int i = 0; i < 11; i++)        /* 11: each listed */
        fputs("<!-- tqc-disable quotes -->\nprose\n", f);
    fputs("<!-- tqc-disable-next-line spacing -->\nprose\n", f);
    for (int i = 0; i < 500; i++)       /* ten listed, the last for 490 */
        fputs("<!-- tqc-disable quotes -->\nprose\n", f);
    for (int i = 0; i < 30; i++)        /* identical but for the line they cover */
        fputs("<!-- tqc-disable-next-line spacing -->\nprose\n", f);
    ck_assert_int_eq(fclose(f), 0);
    tqc_suppress *s = scan(src, false);
    tqc_suppress_note *notes;
    size_t n = unused(s, &notes);
    ck_assert_uint_eq(n, 11 + 1 + 11 + 11);
    ck_assert_str_eq(notes[10].message, "tqc-disable 'quotes' suppressed nothing");
    ck_assert_uint_eq(notes[11].line, 23);
    ck_assert_str_eq(notes[22].message, "tqc-disable 'quotes' suppressed nothing; as did the 489 "
                                        "identical directives before it, the first on line 45");
    ck_assert_uint_eq(notes[22].line, 1023);
    ck_assert_str_eq(notes[22].text, "<!-- tqc-disable quotes -->");
    ck_assert_str_eq(notes[23].message, "tqc-disable-next-line 'spacing' suppressed nothing on line 1026");
    ck_assert_str_eq(notes[33].message, "tqc-disable-next-line 'spacing' suppressed nothing on line "
                                        "1084; as did the 19 identical directives before it, the "
                                        "first on line 1045");
    for (size_t i = 1; i < n; i++)
        ck_assert_uint_lt(notes[i - 1].offset, notes[i].offset);
    free(notes);
    tqc_suppress_free(s);
    free(src);
}
END_TEST

/* Issue 18: a spelling finding asks tqc-words by its word, not every directive. */
START_TEST(test_issue_18_words_found_by_their_word)
{
    const char *src = "<!-- tqc-words Brankovic, Suzuno -->\n"
                      "<!-- tqc: words Suzuno -->\n"
                      "<!-- tqc-words Unused -->\n";
    tqc_suppress *s = scan(src, false);
    tqc_doc *doc = tqc_doc_new("t.txt", "Suzuno met Brankovic and Smith.", 31, "en");
    ck_assert_ptr_nonnull(doc);
    tqc_findings fl;
    tqc_findings_init(&fl, doc);
    ck_assert(tqc_emit(&fl, "spelling", TQC_SEV_WARNING, tqc_span_make(0, 6), "x"));
    ck_assert(tqc_emit(&fl, "spelling", TQC_SEV_WARNING, tqc_span_make(25, 30), "x"));
    doc->base_offset = strlen(src);
    doc->base_line = 3;
    ck_assert_uint_eq(tqc_suppress_apply(s, &fl), 1);
    ck_assert_uint_eq(fl.count, 1);     /* Smith stays */
    tqc_suppress_note *notes;
    ck_assert_uint_eq(unused(s, &notes), 2);   /* Brankovic was never flagged; Unused */
    ck_assert_ptr_nonnull(strstr(notes[0].message, "'Brankovic'"));
    ck_assert_ptr_nonnull(strstr(notes[1].message, "'Unused'"));
    free(notes);
    tqc_findings_release(&fl);
    tqc_doc_free(doc);
    tqc_suppress_free(s);
}
END_TEST

/* Issue 18: a directive's line is a comment, not prose: the passes are not given it. */
START_TEST(test_issue_18_directive_lines_are_hidden_from_the_passes)
{
    const char *text = "Prose here.\n  <!-- tqc-disable spelling -->  \nMore prose.\n"
                       "<!-- an ordinary comment -->\n<!-- tqc-enable -->";
    tqc_doc *doc = tqc_doc_new("t.txt", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    ck_assert_int_eq(tqc_suppress_hide(doc), TQC_OK);
    ck_assert_uint_eq(doc->hidden_count, 2);
    ck_assert_uint_eq(doc->hidden[0].start, 12);
    ck_assert_uint_eq(doc->hidden[0].end, 12 + strlen("  <!-- tqc-disable spelling -->  "));
    ck_assert_uint_eq(doc->hidden[1].end, strlen(text));
    tqc_doc_free(doc);
}
END_TEST

Suite *suppress_suite(void)
{
    Suite *s = suite_create("suppress");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, test_issue_7_text_directives_are_lines_of_their_own);
    tcase_add_test(tc, test_issue_7_next_line_covers_only_the_next_line);
    tcase_add_test(tc, test_issue_7_disable_enable_regions);
    tcase_add_test(tc, test_issue_7_disable_without_enable_runs_to_the_end);
    tcase_add_test(tc, test_issue_7_merged_findings_need_every_rule_covered);
    tcase_add_test(tc, test_issue_7_unused_directives_are_listed);
    tcase_add_test(tc, test_issue_7_enable_one_rule_does_not_end_disable_all);
    tcase_add_test(tc, test_issue_7_findings_on_the_directive_are_dropped_silently);
    tcase_add_test(tc, test_issue_18_many_directives_in_linear_time);
    tcase_set_timeout(tc, 20); /* a busy machine: the test itself bounds CPU time */
    tcase_add_test(tc, test_issue_7_text_pieces_keep_positions);
    tcase_add_test(tc, test_issue_18_settle_releases_what_is_behind);
    tcase_add_test(tc, test_issue_18_a_run_of_identical_unused_directives_is_one_note);
    tcase_add_test(tc, test_issue_18_words_found_by_their_word);
    tcase_add_test(tc, test_issue_18_directive_lines_are_hidden_from_the_passes);
    suite_add_tcase(s, tc);
    tc = tcase_create("markup");
    tcase_add_test(tc, test_issue_7_markup_comments_anywhere);
    tcase_add_test(tc, test_issue_7_markup_next_line_counts_from_the_comment_end);
    suite_add_tcase(s, tc);
    tc = tcase_create("apply");
    tcase_add_test(tc, test_issue_7_apply_drops_covered_findings_of_a_doc);
    suite_add_tcase(s, tc);
    return s;
}
