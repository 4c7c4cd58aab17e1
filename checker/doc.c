#include "doc.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static bool index_lines(tqc_doc *doc)
{
    size_t n = 1;
    for (const char *p = doc->text, *end = doc->text + doc->len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    doc->line_starts = malloc(n * sizeof *doc->line_starts);
    if (!doc->line_starts)
        return false;
    doc->line_starts[0] = 0;
    size_t i = 1;
    for (size_t off = 0; off < doc->len; off++)
        if (doc->text[off] == '\n')
            doc->line_starts[i++] = off + 1;
    doc->line_count = n;
    return true;
}

tqc_doc *tqc_doc_new(const char *name, const char *text, size_t len, const char *lang)
{
    tqc_doc *doc = calloc(1, sizeof *doc);
    if (!doc || len == SIZE_MAX)
        goto fail;
    char *copy = malloc(len + 1);
    doc->text = copy;
    doc->name = dup_str(name ? name : "<input>");
    doc->lang = dup_str(lang ? lang : "");
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

void tqc_doc_free(tqc_doc *doc)
{
    if (!doc)
        return;
    free((char *)doc->text);
    free((char *)doc->name);
    free((char *)doc->lang);
    free(doc->line_starts);
    free(doc->paragraphs);
    free(doc->sentences);
    free(doc->tokens);
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

void tqc_doc_locate(const tqc_doc *doc, size_t offset, size_t *line, size_t *column)
{
    if (offset > doc->len)
        offset = doc->len;
    size_t li = line_index(doc, offset);
    size_t col = 1;
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)doc->text;
    for (size_t i = doc->line_starts[li]; i < offset; col++) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(offset - i), &cp);
        i += n > 0 ? (size_t)n : 1;
    }
    *line = doc->base_line + li + 1;
    *column = col + (li == 0 ? doc->base_column : 0);
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
