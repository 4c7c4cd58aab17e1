#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "core/doc.h"
#include "tqc_test.h"

START_TEST(test_locate_counts_characters)
{
    const char *text = "first line\nJapão é grande\n\nlast";
    tqc_doc *doc = tqc_doc_new("x", text, strlen(text), "pt");
    size_t line, col;
    tqc_doc_locate(doc, 0, &line, &col);
    ck_assert_uint_eq(line, 1);
    ck_assert_uint_eq(col, 1);
    const char *e = strstr(text, "é");
    tqc_doc_locate(doc, (size_t)(e - text), &line, &col);
    ck_assert_uint_eq(line, 2);
    ck_assert_uint_eq(col, 7); /* "Japão " is six characters, seven bytes */
    tqc_doc_locate(doc, strlen(text), &line, &col);
    ck_assert_uint_eq(line, 4);
    ck_assert_uint_eq(col, 5);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_locate_with_base_line_and_invalid_bytes)
{
    const char *text = "a\xff\xfe b";
    tqc_doc *doc = tqc_doc_new("x", text, strlen(text), "en");
    doc->base_line = 41;
    size_t line, col;
    tqc_doc_locate(doc, 5, &line, &col);
    ck_assert_uint_eq(line, 42);
    ck_assert_uint_eq(col, 6); /* each invalid byte counts one column */
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_line_span_strips_crlf)
{
    const char *text = "one\r\ntwo\r\n";
    tqc_doc *doc = tqc_doc_new("x", text, strlen(text), "en");
    tqc_span s = tqc_doc_line_span(doc, 6);
    ck_assert_uint_eq(s.start, 5);
    ck_assert_uint_eq(s.end, 8);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_empty_doc)
{
    tqc_doc *doc = tqc_test_doc("");
    ck_assert_uint_eq(doc->token_count, 0);
    ck_assert_uint_eq(doc->sentence_count, 0);
    ck_assert_uint_eq(doc->paragraph_count, 0);
    tqc_doc_free(doc);
    tqc_doc_free(NULL);
}
END_TEST

/* An exact run of many lines (a plain chunk given a map for an unused directive's note):
 * lines past its first are counted from the line index, columns from their own line;
 * only the first line adds the run's column. */
START_TEST(test_issue_18_locate_in_a_run_of_many_lines)
{
    const char *text = "ab\ncd\n\xc3\xa9" "f\nlast";
    tqc_doc *doc = tqc_doc_new("x", text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    doc->map = calloc(1, sizeof *doc->map);
    ck_assert_ptr_nonnull(doc->map);
    doc->map[0] = (tqc_doc_map){.text = 0, .src = 100, .line = 3, .column = 6, .exact = true};
    doc->map_count = 1;
    static const struct { size_t offset, line, column; } want[] = {
        {0, 4, 7}, {1, 4, 8}, {2, 4, 9}, {3, 5, 1}, {4, 5, 2}, {6, 6, 1}, {8, 6, 2},
        {9, 6, 3}, {10, 7, 1}, {14, 7, 5},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        size_t line, col;
        tqc_doc_locate(doc, want[i].offset, &line, &col);
        ck_assert_msg(line == want[i].line && col == want[i].column,
                      "offset %zu: %zu:%zu, expected %zu:%zu", want[i].offset, line, col,
                      want[i].line, want[i].column);
    }
    tqc_doc_free(doc);
}
END_TEST

/* Issue 18: a page of inline tags has a map run and two inline marks every few bytes;
 * a run is 24 bytes, its 32-bit fields kept within range by the one constructor, a mark
 * 16 (its tag and id one pointer). */
START_TEST(test_issue_18_map_runs_are_small)
{
    ck_assert_uint_le(sizeof(tqc_doc_map), 24);
    ck_assert_uint_le(sizeof(tqc_doc_inline), 16);
    size_t ls;
    tqc_doc_map r = tqc_doc_map_run(7, (size_t)5 << 32, 3, 10, true, ((size_t)5 << 32) - 12);
    ck_assert_uint_eq(r.src, (size_t)5 << 32); /* a JSON Lines file past 4 GiB */
    ck_assert(r.exact);
    ck_assert(tqc_doc_map_line_start(&r, &ls) && ls == ((size_t)5 << 32) - 12);
    r = tqc_doc_map_run(0, 40, 2, 5, false, 0); /* a later line, its start unknown */
    ck_assert(!r.exact && !tqc_doc_map_line_start(&r, &ls));
    r = tqc_doc_map_run(0, 40, 0, 40, false, 0); /* line 0 starts the file */
    ck_assert(tqc_doc_map_line_start(&r, &ls) && ls == 0);
    r = tqc_doc_map_run(0, (size_t)3 << 31, 1, 5, true, 1); /* a line over 2 GiB long */
    ck_assert(!tqc_doc_map_line_start(&r, &ls));
    r = tqc_doc_map_run(0, 0, (size_t)1 << 40, (size_t)1 << 40, true, 0);
    ck_assert_uint_eq(r.line, UINT32_MAX);
    ck_assert_uint_eq(r.column, UINT32_MAX);
}
END_TEST

/* Line and column of offset counted from text[0], as tqc_doc_locate documents it. */
static void naive_locate(const char *text, size_t offset, size_t *line, size_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset;) {
        if (text[i] == '\n') {
            ++*line;
            *col = 1;
            i++;
            continue;
        }
        unsigned char c = (unsigned char)text[i];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 1;
        /* The samples below hold only whole two-byte letters and lone 0xFF bytes. */
        i += n;
        ++*col;
    }
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine may be busy */
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Issue 18: a position on a megabyte line was counted from the line's start for every
 * finding (30 s for a 1 MB article); it is now found from the nearest mark. Checked
 * against a plain count, then timed; also through a map's exact run (JSONL, HTML). */
START_TEST(test_issue_18_locate_is_linear_on_a_megabyte_line)
{
    size_t len = 1 << 20;
    char *text = malloc(len + 1);
    ck_assert_ptr_nonnull(text);
    const char *piece = "Japão é \xff grande ";
    size_t plen = strlen(piece), n = 0;
    while (n + plen <= len) {
        memcpy(text + n, piece, plen);
        n += plen;
    }
    text[n / 2] = '\n';        /* two long lines */
    text[n] = '\0';
    for (int mapped = 0; mapped < 2; mapped++) {
        tqc_doc *doc = tqc_doc_new("x", text, n, "pt");
        ck_assert_ptr_nonnull(doc);
        if (mapped) {
            doc->map = calloc(1, sizeof *doc->map);
            ck_assert_ptr_nonnull(doc->map);
            doc->map[0] = (tqc_doc_map){.text = 0, .src = 0, .line = 0, .column = 0, .exact = true};
            doc->map_count = 1;
        }
        for (size_t off = 0; off < n; off += 9973) {
            /* Only at character starts: the naive count does not split letters. */
            while (off < n && ((unsigned char)text[off] & 0xC0) == 0x80)
                off++;
            size_t line, col, want_line, want_col;
            tqc_doc_locate(doc, off, &line, &col);
            naive_locate(text, off, &want_line, &want_col);
            ck_assert_msg(line == want_line && col == want_col,
                          "offset %zu: %zu:%zu, expected %zu:%zu", off, line, col, want_line,
                          want_col);
            size_t want_byte = off < n / 2 ? off + 1 : off - n / 2;
            ck_assert_uint_eq(tqc_doc_byte_column(doc, off), want_byte);
        }
        /* Timed as a ratio against a peer in the same run (the machine may be busy): the
         * same number of questions about offsets in the line's first 4 KiB. Counting
         * from the line's start made the far offsets cost about a hundred times more. */
        size_t sum = 0;
        double near = 0, far = 0;
        for (int round = 0; round < 2; round++) {
            double t0 = now_seconds();
            for (size_t k = 0; k < 100000; k++) {
                size_t line, col;
                tqc_doc_locate(doc, (k * 7919) % (round ? n : 4096), &line, &col);
                sum += col;
            }
            *(round ? &far : &near) = now_seconds() - t0;
        }
        ck_assert_uint_gt(sum, 0);
        ck_assert_msg(far < 4 * near + 0.02, "100000 positions took %.3f s of CPU, %.3f s "
                      "near the line's start", far, near);
        /* The byte column too (text reporter, rdjsonl): 30 s for a 1 MB JSONL record. */
        for (int round = 0; round < 2; round++) {
            double t0 = now_seconds();
            for (size_t k = 0; k < 100000; k++)
                sum += tqc_doc_byte_column(doc, (k * 7919) % (round ? n : 4096));
            *(round ? &far : &near) = now_seconds() - t0;
        }
        ck_assert_msg(far < 4 * near + 0.02, "100000 byte columns took %.3f s of CPU, %.3f s "
                      "near the line's start", far, near);
        tqc_doc_free(doc);
    }
    free(text);
}
END_TEST

Suite *doc_suite(void)
{
    Suite *s = suite_create("doc");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_locate_counts_characters);
    tcase_add_test(tc, test_locate_with_base_line_and_invalid_bytes);
    tcase_add_test(tc, test_line_span_strips_crlf);
    tcase_add_test(tc, test_empty_doc);
    tcase_add_test(tc, test_issue_18_locate_is_linear_on_a_megabyte_line);
    tcase_add_test(tc, test_issue_18_locate_in_a_run_of_many_lines);
    tcase_add_test(tc, test_issue_18_map_runs_are_small);
    tcase_set_timeout(tc, 20); /* a busy machine: the test itself bounds CPU time */
    suite_add_tcase(s, tc);
    return s;
}
