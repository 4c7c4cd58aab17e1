#include "core/finding.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"

const char *tqc_severity_name(tqc_severity sev)
{
    switch (sev) {
    case TQC_SEV_ERROR: return "error";
    case TQC_SEV_WARNING: return "warning";
    case TQC_SEV_INFO: return "info";
    }
    return "info";
}

bool tqc_severity_parse(const char *name, tqc_severity *out)
{
    static const tqc_severity all[] = {TQC_SEV_ERROR, TQC_SEV_WARNING, TQC_SEV_INFO};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(name, tqc_severity_name(all[i])) == 0) {
            *out = all[i];
            return true;
        }
    return false;
}

void tqc_findings_init(tqc_findings *list, tqc_doc *doc)
{
    memset(list, 0, sizeof *list);
    list->doc = doc;
}

void tqc_findings_release(tqc_findings *list)
{
    free(list->items);
    list->items = NULL;
    list->count = list->cap = 0;
}

tqc_finding *tqc_emit(tqc_findings *list, const char *rule, tqc_severity sev,
                      tqc_span span, const char *fmt, ...)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        tqc_finding *items = tqc_realloc(list->items, cap * sizeof *items);
        if (!items) {
            list->failed = true;
            return NULL;
        }
        list->items = items;
        list->cap = cap;
    }
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof buf)
        n = sizeof buf - 1;
    const char *msg = tqc_arena_strndup(list->doc->arena, buf, (size_t)n);
    if (!msg) {
        list->failed = true;
        return NULL;
    }
    tqc_finding *f = &list->items[list->count++];
    memset(f, 0, sizeof *f);
    f->rule = rule;
    f->severity = sev;
    f->span = span;
    f->message = msg;
    return f;
}

void tqc_finding_suggest(tqc_findings *list, tqc_finding *f, const char *text, size_t len)
{
    if (!f || f->suggestion_count == TQC_MAX_SUGGESTIONS)
        return;
    for (size_t i = 0; i < f->suggestion_count; i++)
        if (strlen(f->suggestions[i]) == len && memcmp(f->suggestions[i], text, len) == 0)
            return;
    const char *s = tqc_arena_strndup(list->doc->arena, text, len);
    if (!s) {
        list->failed = true;
        return;
    }
    f->suggestions[f->suggestion_count++] = s;
}

void tqc_finding_fix(tqc_findings *list, tqc_finding *f, tqc_span span,
                     const char *text, size_t len, bool safe)
{
    if (!f)
        return;
    const char *s = tqc_arena_strndup(list->doc->arena, text, len);
    if (!s) {
        list->failed = true;
        return;
    }
    /* Changing only the case of words is never safe (issue 13): a name, a proper
     * adjective or a Latin phrase (`per se`, `MacLeod`) is right as often as not. */
    const tqc_doc *doc = list->doc;
    if (safe && span.end <= doc->len &&
        tqc_text_equal_fold(doc->text + span.start, tqc_span_len(span), text, len) &&
        !(tqc_span_len(span) == len && memcmp(doc->text + span.start, text, len) == 0))
        safe = false;
    f->has_fix = true;
    f->fix = (tqc_fix){span, s, safe};
}

bool tqc_findings_overlap(const tqc_findings *list, const char *rule, tqc_span span)
{
    for (size_t i = 0; i < list->count; i++) {
        const tqc_finding *f = &list->items[i];
        /* Positions first: they rule out almost every finding without a strcmp. */
        if ((tqc_span_overlaps(f->span, span) || (f->span.start == span.start && f->span.end == span.end)) &&
            (!rule || strcmp(f->rule, rule) == 0))
            return true;
    }
    return false;
}

static int cmp_spans(const void *pa, const void *pb)
{
    const tqc_span *a = pa, *b = pb;
    return a->start < b->start ? -1 : a->start > b->start;
}

bool tqc_span_index_build(tqc_span_index *index, const tqc_findings *list, const char *rule)
{
    memset(index, 0, sizeof *index);
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++)
        n += strcmp(list->items[i].rule, rule) == 0;
    if (n == 0)
        return true;
    index->spans = tqc_malloc(n * sizeof *index->spans);
    index->max_end = tqc_malloc(n * sizeof *index->max_end);
    if (!index->spans || !index->max_end) {
        tqc_span_index_free(index);
        return false;
    }
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i].rule, rule) == 0)
            index->spans[index->count++] = list->items[i].span;
    qsort(index->spans, n, sizeof *index->spans, cmp_spans);
    for (size_t i = 0; i < n; i++) {
        size_t prev = i ? index->max_end[i - 1] : 0;
        index->max_end[i] = index->spans[i].end > prev ? index->spans[i].end : prev;
    }
    return true;
}

bool tqc_span_index_overlaps(const tqc_span_index *index, tqc_span span)
{
    /* Spans before the first one starting at or after span.end all start before it
     * ends; one of them overlaps exactly when the largest end among them is past
     * span.start. */
    size_t lo = 0, hi = index->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (index->spans[mid].start < span.end)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && index->max_end[lo - 1] > span.start;
}

void tqc_span_index_free(tqc_span_index *index)
{
    free(index->spans);
    free(index->max_end);
    memset(index, 0, sizeof *index);
}

static int cmp_findings(const void *pa, const void *pb)
{
    const tqc_finding *a = pa, *b = pb;
    if (a->span.start != b->span.start)
        return a->span.start < b->span.start ? -1 : 1;
    if (a->span.end != b->span.end)
        return a->span.end < b->span.end ? -1 : 1;
    if (a->severity != b->severity)
        return a->severity > b->severity ? -1 : 1;
    return strcmp(a->rule, b->rule);
}

void tqc_findings_finish(tqc_findings *list)
{
    if (list->count > 1)
        qsort(list->items, list->count, sizeof *list->items, cmp_findings);
    size_t out = 0;
    for (size_t i = 0; i < list->count; i++) {
        tqc_finding *f = &list->items[i];
        if (out > 0) {
            tqc_finding *prev = &list->items[out - 1];
            if (prev->span.start == f->span.start && prev->span.end == f->span.end) {
                /* Same bytes, two passes: one finding, the stronger one, naming both. */
                if (strcmp(prev->rule, f->rule) != 0) {
                    char buf[256];
                    snprintf(buf, sizeof buf, "%s%s%s", prev->also ? prev->also : "",
                             prev->also ? "," : "", f->rule);
                    const char *also = tqc_arena_strndup(list->doc->arena, buf, strlen(buf));
                    if (also)
                        prev->also = also;
                }
                for (size_t s = 0; s < f->suggestion_count; s++)
                    tqc_finding_suggest(list, prev, f->suggestions[s], strlen(f->suggestions[s]));
                if (!prev->has_fix && f->has_fix) {
                    prev->has_fix = true;
                    prev->fix = f->fix;
                }
                continue;
            }
        }
        list->items[out++] = *f;
    }
    list->count = out;
}
