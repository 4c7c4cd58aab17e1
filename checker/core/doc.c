#include "core/doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/alloc.h"
#include "core/io.h"

/* Marks every TQC_DOC_MARK_STEP bytes at the character boundaries tqc_doc_locate's
 * count meets from text[0]. */
static bool index_marks(tqc_doc *doc)
{
    size_t cap = doc->len / TQC_DOC_MARK_STEP + 1, n = 0;
    tqc_doc_mark *m = tqc_malloc(cap * sizeof *m);
    if (!m)
        return false;
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)doc->text;
    size_t chars = 0, breaks = 0, at_line = 0, next = TQC_DOC_MARK_STEP;
    for (size_t i = 0; i < doc->len;) {
        if (i >= next && n < cap) {
            m[n++] = (tqc_doc_mark){i, chars, breaks, at_line};
            next = i + TQC_DOC_MARK_STEP;
        }
        if (doc->text[i] == '\n') {
            breaks++;
            at_line = ++chars;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(doc->len - i), &cp);
        i += k > 0 ? (size_t)k : 1;
        chars++;
    }
    doc->marks = m;
    doc->mark_count = n;
    return true;
}

static bool index_lines(tqc_doc *doc)
{
    size_t n = 1, longest = 0;
    for (const char *p = doc->text, *end = doc->text + doc->len, *q;; p = q + 1) {
        q = memchr(p, '\n', (size_t)(end - p));
        size_t line = (size_t)((q ? q : end) - p);
        longest = line > longest ? line : longest;
        if (!q)
            break;
        n++;
    }
    if (longest > TQC_DOC_MARK_STEP && !index_marks(doc))
        return false;
    doc->line_starts = tqc_malloc(n * sizeof *doc->line_starts);
    if (!doc->line_starts)
        return false;
    doc->line_starts[0] = 0;
    size_t i = 1;
    for (const char *p = doc->text, *end = doc->text + doc->len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        doc->line_starts[i++] = (size_t)(p - doc->text) + 1;
    doc->line_count = n;
    return true;
}

tqc_doc *tqc_doc_new(const char *name, const char *text, size_t len, const char *lang)
{
    tqc_doc *doc = tqc_calloc(1, sizeof *doc);
    if (!doc || len == SIZE_MAX)
        goto fail;
    char *copy = tqc_malloc(len + 1);
    doc->text = copy;
    doc->name = tqc_strdup(name ? name : "<input>");
    doc->lang = tqc_strdup(lang ? lang : "");
    doc->arena = tqc_arena_new();
    if (!copy || !doc->name || !doc->lang || !doc->arena)
        goto fail;
    if (len)
        memcpy(copy, text, len);
    copy[len] = '\0';
    doc->len = len;
    if (!index_lines(doc))
        goto fail;
    return doc;
fail:
    tqc_doc_free(doc);
    return NULL;
}

tqc_doc *tqc_doc_take(const char *name, char *text, size_t len, const char *lang)
{
    tqc_doc *doc = tqc_doc_new(name, "", 0, lang);
    if (!doc) {
        free(text);
        return NULL;
    }
    free((char *)doc->text);
    free(doc->line_starts);
    doc->line_starts = NULL;
    doc->text = text;
    doc->len = len;
    if (!index_lines(doc)) {
        tqc_doc_free(doc);
        return NULL;
    }
    return doc;
}

tqc_status tqc_doc_set_lang(tqc_doc *doc, const char *lang)
{
    char *copy = tqc_strdup(lang);
    if (!copy)
        return TQC_ENOMEM;
    free((char *)doc->lang);
    doc->lang = copy;
    return TQC_OK;
}

void tqc_doc_free(tqc_doc *doc)
{
    if (!doc)
        return;
    free((char *)doc->text);
    free((char *)doc->name);
    free((char *)doc->lang);
    free(doc->line_starts);
    free(doc->marks);
    free(doc->hidden);
    free(doc->paragraphs);
    free(doc->sentences);
    free(doc->tokens);
    free(doc->map);
    free(doc->inlines);
    free((char *)doc->segment);
    tqc_doc_free(doc->source);
    tqc_arena_free(doc->arena);
    free(doc);
}

static size_t line_index(const tqc_doc *doc, size_t offset)
{
    size_t lo = 0, hi = doc->line_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The map run containing offset (the last one starting at or before it). */
static const tqc_doc_map *map_run(const tqc_doc *doc, size_t offset)
{
    size_t lo = 0, hi = doc->map_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->map[mid].text <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return &doc->map[lo];
}

/* Characters (as tqc_doc_locate counts them) in text[from, to) after its last line
 * break; *breaks gets the number of line breaks. */
static size_t count_columns(const tqc_doc *doc, size_t from, size_t to, size_t *breaks)
{
    const char *text = doc->text;
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
    size_t col = 0;
    *breaks = 0;
    /* The first mark past from, and the last at or before to. */
    size_t lo = 0, hi = doc->mark_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->marks[mid].offset <= from)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo, last = SIZE_MAX;
    for (size_t a = lo, b = doc->mark_count; a < b;) {
        size_t mid = a + (b - a) / 2;
        if (doc->marks[mid].offset <= to)
            last = mid, a = mid + 1;
        else
            b = mid;
    }
    for (size_t i = from; i < to;) {
        /* On a mark (this count and the marks' agree on boundaries there): jump to the
         * last one before to, adding what lies between. */
        while (k < doc->mark_count && doc->marks[k].offset < i)
            k++;
        if (last != SIZE_MAX && k <= last && doc->marks[k].offset == i && k < last) {
            const tqc_doc_mark *a = &doc->marks[k], *b = &doc->marks[last];
            if (b->breaks > a->breaks) {
                *breaks += b->breaks - a->breaks;
                col = b->chars - b->chars_at_line;
            } else {
                col += b->chars - a->chars;
            }
            i = b->offset;
            k = last + 1;
            continue;
        }
        if (text[i] == '\n') {
            (*breaks)++;
            col = 0;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(to - i), &cp);
        i += n > 0 ? (size_t)n : 1;
        col++;
    }
    return col;
}

/* Line and column of offset counted from the start of run r (offset >= r->text). */
static void locate_in_run(const tqc_doc *doc, const tqc_doc_map *r, size_t offset, size_t *line,
                          size_t *column)
{
    *line = r->line + 1;
    *column = r->column + 1;
    if (r->exact && offset > r->text) {
        /* Lines from the line index, columns from offset's own line: counting from the
         * run's start was quadratic in a run of many lines (a plain chunk that got a
         * map for an unused directive's note is one run of 256 KiB). */
        size_t li = line_index(doc, offset), from = r->text, breaks;
        size_t skipped = li - line_index(doc, r->text);
        if (skipped)
            from = doc->line_starts[li];
        size_t cols = count_columns(doc, from, offset, &breaks);
        *line += skipped + breaks;
        *column = skipped + breaks ? cols + 1 : r->column + cols + 1;
    }
}

void tqc_doc_locate(const tqc_doc *doc, size_t offset, size_t *line, size_t *column)
{
    if (offset > doc->len)
        offset = doc->len;
    if (doc->map_count) {
        locate_in_run(doc, map_run(doc, offset), offset, line, column);
        return;
    }
    size_t li = line_index(doc, offset), breaks;
    size_t col = 1 + count_columns(doc, doc->line_starts[li], offset, &breaks);
    *line = doc->base_line + li + 1;
    *column = col + (li == 0 ? doc->base_column : 0);
}

size_t tqc_doc_file_offset(const tqc_doc *doc, size_t offset)
{
    if (offset > doc->len)
        offset = doc->len;
    if (!doc->map_count)
        return doc->base_offset + offset;
    const tqc_doc_map *r = map_run(doc, offset);
    return r->exact ? r->src + (offset - r->text) : r->src;
}

tqc_span tqc_doc_file_span(const tqc_doc *doc, tqc_span span)
{
    size_t start = tqc_doc_file_offset(doc, span.start);
    if (span.end <= span.start)
        return tqc_span_make(start, start);
    size_t end;
    if (!doc->map_count) {
        end = doc->base_offset + (span.end > doc->len ? doc->len : span.end);
    } else {
        /* Past the last byte: exact there, else wherever the text after it comes from
         * (the offset of span.end itself may be a run that begins after a tag). */
        const tqc_doc_map *r = map_run(doc, span.end - 1);
        end = r->exact ? r->src + (span.end - r->text) : tqc_doc_file_offset(doc, span.end);
    }
    return tqc_span_make(start, end > start ? end : start);
}

size_t tqc_doc_byte_column(const tqc_doc *doc, size_t offset)
{
    if (offset > doc->len)
        offset = doc->len;
    if (doc->map_count) {
        const tqc_doc_map *r = map_run(doc, offset);
        size_t line_start;
        if (tqc_doc_map_line_start(r, &line_start)) {
            size_t at = tqc_doc_file_offset(doc, offset);
            /* An exact run may hold line breaks of its own: count from the last one,
             * found in the line index (a scan back was quadratic on a long line). */
            size_t ls = doc->line_starts[line_index(doc, offset)];
            if (r->exact && ls > r->text)
                line_start = r->src + (ls - r->text);
            return at - line_start + 1;
        }
    }
    size_t start = tqc_doc_line_span(doc, offset).start;
    size_t col = offset - start + 1;
    /* The doc's first line is the file's first: what precedes the text there (a BOM)
     * is on the line too. */
    if (start == 0 && !doc->map_count && doc->base_line == 0)
        col += doc->base_offset;
    return col;
}

void tqc_doc_locate_end(const tqc_doc *doc, tqc_span span, size_t *line, size_t *column,
                        size_t *byte_column)
{
    size_t end = span.end > doc->len ? doc->len : span.end;
    const tqc_doc_map *r = doc->map_count && end > span.start ? map_run(doc, end - 1) : NULL;
    if (!r || !r->exact || end == r->text) {
        tqc_doc_locate(doc, end, line, column);
        if (byte_column)
            *byte_column = tqc_doc_byte_column(doc, end);
        return;
    }
    /* The last byte maps 1:1: the end is counted in its run, whatever run end begins. */
    locate_in_run(doc, r, end, line, column);
    if (byte_column)
        *byte_column = tqc_doc_byte_column(doc, end - 1) + 1;
}

bool tqc_doc_span_exact(const tqc_doc *doc, tqc_span span)
{
    if (span.end > doc->len)
        return false;
    if (!doc->map_count)
        return true;
    if (doc->map_decoded)
        return false;
    const tqc_doc_map *r = map_run(doc, span.start);
    if (!r->exact || span.start < r->text)
        return false;
    /* The run ends where the next begins (or at the end of the text). */
    size_t run_end = r + 1 < doc->map + doc->map_count ? r[1].text : doc->len;
    return span.end <= run_end;
}

/* Index of the first inline boundary at or after offset. */
static size_t inline_lower_bound(const tqc_doc *doc, size_t offset)
{
    size_t lo = 0, hi = doc->inline_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->inlines[mid].offset < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const tqc_doc_inline *tqc_doc_inline_boundary_at(const tqc_doc *doc, size_t offset,
                                                 size_t *count)
{
    size_t i = inline_lower_bound(doc, offset), j = i;
    while (j < doc->inline_count && doc->inlines[j].offset == offset)
        j++;
    if (count)
        *count = j - i;
    return j > i ? &doc->inlines[i] : NULL;
}

const tqc_doc_inline *tqc_doc_inline_within(const tqc_doc *doc, tqc_span span)
{
    if (tqc_span_len(span) < 2)
        return NULL;
    size_t i = inline_lower_bound(doc, span.start + 1);
    return i < doc->inline_count && doc->inlines[i].offset < span.end ? &doc->inlines[i] : NULL;
}

tqc_span tqc_doc_line_span(const tqc_doc *doc, size_t offset)
{
    if (offset > doc->len)
        offset = doc->len;
    size_t li = line_index(doc, offset);
    size_t start = doc->line_starts[li];
    size_t end = li + 1 < doc->line_count ? doc->line_starts[li + 1] - 1 : doc->len;
    if (end > start && doc->text[end - 1] == '\r')
        end--;
    return tqc_span_make(start, end);
}

size_t tqc_doc_sentence_at(const tqc_doc *doc, size_t offset)
{
    size_t lo = 0, hi = doc->sentence_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->sentences[mid].span.end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < doc->sentence_count && doc->sentences[lo].span.start <= offset)
        return lo;
    return SIZE_MAX;
}

tqc_span tqc_doc_sentences_span(const tqc_doc *doc)
{
    if (!doc->sentence_count)
        return tqc_span_make(0, doc->len);
    return tqc_span_make(doc->sentences[0].span.start,
                         doc->sentences[doc->sentence_count - 1].span.end);
}
