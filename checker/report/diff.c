/* Unified diff of a fix result. The hunks come straight from the regions (we know what
 * changed, so no diff algorithm is needed): each region grows to whole lines, regions on
 * one line merge, and blocks closer than 2 * TQC_DIFF_CONTEXT lines share a hunk.
 * Annotations go where patch tools ignore them: the free text after a hunk header's
 * second @@ (as git puts a function name there), and comment lines before the file's
 * ---/+++ header (patch and git apply skip text before a header; between hunks they
 * would not). */
#include "report/fixes.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"

typedef struct block {
    size_t p0, p1;      /* whole old lines [p0, p1) */
    size_t q0, q1;      /* the new lines that replace them */
    size_t line, nline; /* 0-based line of p0 in the old text, of q0 in the new */
    size_t r0, r1;      /* regions [r0, r1) */
} block;

static bool at_line_start(const char *t, size_t pos)
{
    return pos == 0 || t[pos - 1] == '\n';
}

/* The position just past the line break at or after pos, or len. */
static size_t next_line(const char *t, size_t len, size_t pos)
{
    const char *nl = pos < len ? memchr(t + pos, '\n', len - pos) : NULL;
    return nl ? (size_t)(nl - t) + 1 : len;
}

/* The start of the line holding the byte before pos (pos > 0, at a line start). */
static size_t prev_line(const char *t, size_t pos)
{
    size_t i = pos - 1;
    while (i > 0 && t[i - 1] != '\n')
        i--;
    return i;
}

static size_t count_nl(const char *t, size_t a, size_t b)
{
    size_t n = 0;
    for (const char *p = t + a, *end = t + b; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    return n;
}

/* Lines in t[a, b), counting a last one without a line break. */
static size_t count_lines(const char *t, size_t a, size_t b)
{
    return count_nl(t, a, b) + (b > a && t[b - 1] != '\n');
}

/* Prints t[a, b) line by line, each after prefix; a last line without a line break
 * gets the marker patch expects. */
static void put_lines(FILE *out, char prefix, const char *t, size_t a, size_t b)
{
    while (a < b) {
        size_t e = next_line(t, b, a);
        fputc(prefix, out);
        fwrite(t + a, 1, e - a, out);
        if (t[e - 1] != '\n')
            fputs("\n\\ No newline at end of file\n", out);
        a = e;
    }
}

/* Prints s (len bytes) on one line: control characters become spaces, invalid UTF-8
 * '?'; stops before *budget bytes are used up, then prints an ellipsis. */
static void put_clean(FILE *out, const char *s, size_t len, size_t *budget)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        if (n > *budget || (n == *budget && i + n < len)) {
            fputs("\xE2\x80\xA6", out);
            *budget = 0;
            return;
        }
        if (cp < 0)
            fputc('?', out);
        else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
            fputc(' ', out);
        else
            fwrite(s + i, 1, n, out);
        *budget -= n;
        i += n;
    }
}

static void put_note(FILE *out, const tqc_fix_note *n, size_t *budget)
{
    put_clean(out, n->rule, strlen(n->rule), budget);
    if (n->also) {
        put_clean(out, ",", 1, budget);
        put_clean(out, n->also, strlen(n->also), budget);
    }
    put_clean(out, ": ", 2, budget);
    put_clean(out, n->message, strlen(n->message), budget);
    if (!n->safe)
        put_clean(out, " (suggestion)", 13, budget);
    if (n->round > 0)
        put_clean(out, " (after another fix)", 20, budget);
}

/* A file name as diff tools read it: C-quoted when it holds a quote, a backslash or
 * control bytes (as git does), and followed by a tab when it holds a space, so that
 * patch knows where it ends. */
static void put_path(FILE *out, const char *path)
{
    bool quote = false, space = false;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        quote |= *p < 0x20 || *p == 0x7F || *p == '"' || *p == '\\';
        space |= *p == ' ';
    }
    if (!quote) {
        fputs(path, out);
        if (space)
            fputc('\t', out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\t': fputs("\\t", out); break;
        case '\n': fputs("\\n", out); break;
        default:
            if (*p < 0x20 || *p == 0x7F)
                fprintf(out, "\\%03o", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

/* Grows regions to whole lines and merges those that share a line; blocks gets room
 * for region_count entries. Returns the number of blocks. */
static size_t make_blocks(const tqc_fix_result *res, block *blocks)
{
    const char *o = res->doc->text, *n = res->text;
    size_t olen = res->doc->len, nlen = res->len;
    size_t count = 0, oline = 0, opos = 0, nline = 0, npos = 0;
    for (size_t r = 0; r < res->region_count; r++) {
        tqc_span a = res->regions[r].old, c = res->regions[r].fixed;
        block b = {0};
        b.p0 = a.start;
        while (b.p0 > 0 && o[b.p0 - 1] != '\n')
            b.p0--;
        b.q0 = c.start - (a.start - b.p0);
        /* The lines end where both texts are at a line start again: bytes after the
         * region are the same in both, so the same line break ends both. */
        b.p1 = at_line_start(o, a.end) && at_line_start(n, c.end) ? a.end
                                                                   : next_line(o, olen, a.end);
        b.q1 = c.end + (b.p1 - a.end);
        if (b.q1 > nlen)
            b.q1 = nlen;
        b.r0 = r;
        b.r1 = r + 1;
        block *prev = count ? &blocks[count - 1] : NULL;
        if (prev && b.p0 < prev->p1) {
            /* The later region knows where the merged lines end in the new text. */
            if (b.p1 >= prev->p1) {
                prev->p1 = b.p1;
                prev->q1 = b.q1;
            } else {
                prev->q1 = b.q1 + (prev->p1 - b.p1);
            }
            prev->r1 = r + 1;
            continue;
        }
        oline += count_nl(o, opos, b.p0);
        opos = b.p0;
        nline += count_nl(n, npos, b.q0);
        npos = b.q0;
        b.line = oline;
        b.nline = nline;
        blocks[count++] = b;
    }
    return count;
}

static void put_hunk(FILE *out, const tqc_fix_result *res, const block *bl, size_t k)
{
    const char *o = res->doc->text, *n = res->text;
    size_t olen = res->doc->len;
    size_t cb = bl[0].p0, ca = bl[k - 1].p1, before = 0;
    for (; before < TQC_DIFF_CONTEXT && cb > 0; before++)
        cb = prev_line(o, cb);
    for (size_t i = 0; i < TQC_DIFF_CONTEXT && ca < olen; i++)
        ca = next_line(o, olen, ca);
    size_t ncb = bl[0].q0 - (bl[0].p0 - cb), nca = bl[k - 1].q1 + (ca - bl[k - 1].p1);
    size_t ostart = bl[0].line - before, nstart = bl[0].nline - before;
    size_t ocount = count_lines(o, cb, ca), ncount = count_lines(n, ncb, nca);
    /* An empty range names the line before it; ",1" is left out, as diff -u does. */
    fprintf(out, "@@ -%zu", ocount ? ostart + 1 : ostart);
    if (ocount != 1)
        fprintf(out, ",%zu", ocount);
    fprintf(out, " +%zu", ncount ? nstart + 1 : nstart);
    if (ncount != 1)
        fprintf(out, ",%zu", ncount);
    fputs(" @@", out);
    size_t budget = TQC_DIFF_NOTE_MAX;
    const char *sep = " ";
    for (size_t b = 0; b < k && budget; b++)
        for (size_t r = bl[b].r0; r < bl[b].r1 && budget; r++) {
            const tqc_fix_region *reg = &res->regions[r];
            for (size_t x = reg->note_first; x < reg->note_first + reg->note_count && budget; x++) {
                put_clean(out, sep, strlen(sep), &budget);
                put_note(out, &res->notes[x], &budget);
                sep = " | ";
            }
        }
    fputc('\n', out);
    put_lines(out, ' ', o, cb, bl[0].p0);
    for (size_t b = 0; b < k; b++) {
        if (b)
            put_lines(out, ' ', o, bl[b - 1].p1, bl[b].p0);
        put_lines(out, '-', o, bl[b].p0, bl[b].p1);
        put_lines(out, '+', n, bl[b].q0, bl[b].q1);
    }
    put_lines(out, ' ', o, bl[k - 1].p1, ca);
}

void tqc_diff_write(FILE *out, const tqc_fix_result *res, const char *path)
{
    if (!tqc_fix_changed(res) || res->region_count == 0)
        return;
    block *blocks = tqc_malloc(res->region_count * sizeof *blocks);
    if (!blocks) {
        /* The caller sees a short write as an error. */
        fputs("# tqc: out of memory\n", out);
        return;
    }
    size_t nb = make_blocks(res, blocks);
    size_t left = res->finding_count - tqc_fix_count(res, TQC_FIX_APPLIED);
    fprintf(out, "# tqc: %s: %zu fix%s applied, %zu finding%s left for a human\n", path,
            res->note_count, res->note_count == 1 ? "" : "es", left, left == 1 ? "" : "s");
    for (size_t r = 0; r < res->region_count; r++) {
        size_t line, col;
        tqc_doc_locate(res->doc, res->regions[r].old.start, &line, &col);
        for (size_t x = 0; x < res->regions[r].note_count; x++) {
            size_t budget = SIZE_MAX;
            fprintf(out, "# tqc: %zu:%zu ", line, col);
            put_note(out, &res->notes[res->regions[r].note_first + x], &budget);
            fputc('\n', out);
        }
    }
    fputs("--- ", out);
    put_path(out, path);
    fputs("\n+++ ", out);
    put_path(out, path);
    fputc('\n', out);
    const char *o = res->doc->text;
    for (size_t i = 0; i < nb;) {
        size_t j = i + 1;
        /* Blocks share a hunk while their contexts would touch. */
        while (j < nb && count_nl(o, blocks[j - 1].p1, blocks[j].p0) <= 2 * TQC_DIFF_CONTEXT)
            j++;
        put_hunk(out, res, blocks + i, j - i);
        i = j;
    }
    free(blocks);
}
