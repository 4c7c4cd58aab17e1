/* Word-level view of a fix result for terminals: every sentence with a change or a
 * finding left, the changes marked as [-old-]{+new+} (whole words, so `Berlinon` shows
 * as [-Berlinon-]{+Berlin on+} rather than an inserted space), then one line per fix and
 * per finding left. Colour, when allowed, only adds to the marks; the marks stay so the
 * view reads the same without it. */
#include "report/fixes.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"

#define ANSI_RESET "\033[0m"
#define ANSI_BOLD "\033[1m"
#define ANSI_RED "\033[31m"
#define ANSI_GREEN "\033[32m"
#define ANSI_DIM "\033[2m"
#define ANSI_UNDERLINE "\033[4m"
#define ANSI_SEV_ERROR "\033[1;31m"
#define ANSI_SEV_WARNING "\033[1;35m"
#define ANSI_SEV_INFO "\033[1;36m"

typedef struct item {
    size_t u0, u1;      /* the sentence (or line) shown for it */
    size_t pos;
    bool is_region;
    size_t index;       /* into regions or findings */
} item;

typedef struct view {
    FILE *out;
    bool color;
    const tqc_fix_result *res;
} view;

static const char *c(const view *v, const char *code)
{
    return v->color ? code : "";
}

static const char *sev_color(tqc_severity s)
{
    return s == TQC_SEV_ERROR ? ANSI_SEV_ERROR : s == TQC_SEV_WARNING ? ANSI_SEV_WARNING : ANSI_SEV_INFO;
}

static bool is_ws(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* The sentence holding [a, b) (a sentence ending at a counts), else the line. */
static void unit_of(const tqc_doc *doc, size_t a, size_t b, size_t *u0, size_t *u1)
{
    size_t s = tqc_doc_sentence_at(doc, a);
    if (s == SIZE_MAX && a > 0 && (s = tqc_doc_sentence_at(doc, a - 1)) != SIZE_MAX &&
        doc->sentences[s].span.end != a)
        s = SIZE_MAX;
    tqc_span u = s != SIZE_MAX ? doc->sentences[s].span : tqc_doc_line_span(doc, a);
    if (u.start > a)
        u.start = a;
    if (b > u.end) {
        size_t e = tqc_doc_sentence_at(doc, b - 1);
        u.end = e != SIZE_MAX && doc->sentences[e].span.end > b ? doc->sentences[e].span.end : b;
    }
    *u0 = u.start;
    *u1 = u.end;
}

static int cmp_items(const void *pa, const void *pb)
{
    const item *a = pa, *b = pb;
    if (a->u0 != b->u0)
        return a->u0 < b->u0 ? -1 : 1;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    if (a->is_region != b->is_region)
        return a->is_region ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Prints t[a, b) on one line: line breaks and tabs as spaces (inside a mark, a line
 * break as ↵ so that a removed one shows), other controls and invalid bytes as '?'. */
static void put_visible(FILE *out, const char *t, size_t a, size_t b, bool in_mark)
{
    for (size_t i = a; i < b;) {
        int32_t cp;
        size_t n = tqc_text_decode(t + i, b - i, &cp);
        if (cp == '\r' && i + 1 < b && t[i + 1] == '\n')
            ;   /* CRLF is one line break */
        else if (cp == '\n' || cp == '\r')
            fputs(in_mark ? "\xE2\x86\xB5" : " ", out);
        else if (cp == '\t')
            fputc(' ', out);
        else if (cp < 0 || tqc_text_is_control(cp))
            fputc('?', out);
        else
            fwrite(t + i, 1, n, out);
        i += n;
    }
}

/* Unchanged text, with the findings left (it[0, n)) underlined when colour is on. */
static void put_plain(const view *v, size_t a, size_t b, const item *it, size_t n)
{
    const char *t = v->res->doc->text;
    if (!v->color) {
        put_visible(v->out, t, a, b, false);
        return;
    }
    int shown = -1;     /* severity underlined at the moment, -1 none */
    for (size_t i = a; i < b;) {
        int want = -1;
        for (size_t k = 0; k < n; k++) {
            const tqc_finding *f = &v->res->findings[it[k].index];
            if (!it[k].is_region && f->span.start <= i && i < f->span.end && (int)f->severity > want)
                want = (int)f->severity;
        }
        if (want != shown) {
            fputs(ANSI_RESET, v->out);
            if (want >= 0)
                fprintf(v->out, "%s%s", ANSI_UNDERLINE, sev_color((tqc_severity)want));
            shown = want;
        }
        int32_t cp;
        size_t len = tqc_text_decode(t + i, b - i, &cp);
        put_visible(v->out, t, i, i + len, false);
        i += len;
    }
    if (shown >= 0)
        fputs(ANSI_RESET, v->out);
}

/* Widens a region to whole words (a change of white space alone to the words around
 * it) within [u0, u1). */
static void widen(const char *t, size_t u0, size_t u1, bool ws_only, size_t *a0, size_t *a1)
{
    if (ws_only)
        while (*a0 > u0 && is_ws(t[*a0 - 1]))
            (*a0)--;
    while (*a0 > u0 && !is_ws(t[*a0 - 1]))
        (*a0)--;
    if (ws_only)
        while (*a1 < u1 && is_ws(t[*a1]))
            (*a1)++;
    while (*a1 < u1 && !is_ws(t[*a1]))
        (*a1)++;
}

static bool all_ws(const char *t, tqc_span s)
{
    for (size_t i = s.start; i < s.end; i++)
        if (!is_ws(t[i]))
            return false;
    return true;
}

static void put_sentence(const view *v, size_t u0, size_t u1, const item *it, size_t n)
{
    const tqc_fix_result *res = v->res;
    const char *o = res->doc->text, *nt = res->text;
    size_t pos = u0;
    for (size_t k = 0; k < n; k++) {
        if (!it[k].is_region)
            continue;
        const tqc_fix_region *r = &res->regions[it[k].index];
        size_t a0 = r->old.start, a1 = r->old.end;
        widen(o, u0 > a0 ? a0 : u0, u1 < a1 ? a1 : u1,
              all_ws(o, r->old) && all_ws(nt, r->fixed), &a0, &a1);
        if (a0 < pos)
            a0 = pos;
        size_t c0 = r->fixed.start - (r->old.start - a0);
        const tqc_fix_region *last = r;
        /* Regions whose words touch show as one change. */
        size_t k2 = k + 1;
        for (; k2 < n; k2++) {
            if (!it[k2].is_region)
                continue;
            const tqc_fix_region *r2 = &res->regions[it[k2].index];
            size_t b0 = r2->old.start, b1 = r2->old.end;
            widen(o, u0 > b0 ? b0 : u0, u1 < b1 ? b1 : u1,
                  all_ws(o, r2->old) && all_ws(nt, r2->fixed), &b0, &b1);
            if (b0 > a1)
                break;
            if (b1 > a1)
                a1 = b1;
            last = r2;
        }
        if (a1 < last->old.end)
            a1 = last->old.end;
        size_t c1 = last->fixed.end + (a1 - last->old.end);
        put_plain(v, pos, a0, it, n);
        if (a1 > a0) {
            fprintf(v->out, "%s[-", c(v, ANSI_RED));
            put_visible(v->out, o, a0, a1, true);
            fprintf(v->out, "-]%s", c(v, ANSI_RESET));
        }
        if (c1 > c0) {
            fprintf(v->out, "%s{+", c(v, ANSI_GREEN));
            put_visible(v->out, nt, c0, c1, true);
            fprintf(v->out, "+}%s", c(v, ANSI_RESET));
        }
        pos = a1;
        k = k2 - 1;
    }
    if (pos < u1)
        put_plain(v, pos, u1, it, n);
    fputc('\n', v->out);
}

static void put_text(FILE *out, const char *s)
{
    put_visible(out, s, 0, strlen(s), false);
}

static void put_notes(const view *v, const item *it, size_t n)
{
    const tqc_fix_result *res = v->res;
    for (size_t k = 0; k < n; k++) {
        if (it[k].is_region) {
            const tqc_fix_region *r = &res->regions[it[k].index];
            for (size_t x = r->note_first; x < r->note_first + r->note_count; x++) {
                const tqc_fix_note *note = &res->notes[x];
                fprintf(v->out, "    %s%-8s%s %s%s%s%s%s: ", c(v, ANSI_GREEN),
                        note->safe ? "fixed" : "changed", c(v, ANSI_RESET), c(v, ANSI_DIM),
                        note->rule, note->also ? "," : "", note->also ? note->also : "",
                        c(v, ANSI_RESET));
                put_text(v->out, note->message);
                fputc('\n', v->out);
            }
            continue;
        }
        const tqc_finding *f = &res->findings[it[k].index];
        fprintf(v->out, "    %s%-8s%s %s%s%s%s%s: ", c(v, sev_color(f->severity)),
                tqc_severity_name(f->severity), c(v, ANSI_RESET), c(v, ANSI_DIM), f->rule,
                f->also ? "," : "", f->also ? f->also : "", c(v, ANSI_RESET));
        put_text(v->out, f->message);
        const char *const *sugg = f->suggestions;
        size_t count = f->suggestion_count;
        const char *fix = f->has_fix ? f->fix.replacement : NULL;
        if (count || fix) {
            fprintf(v->out, " %s\xE2\x86\x92 ", c(v, ANSI_GREEN));
            if (count) {
                for (size_t s = 0; s < count; s++) {
                    fputs(s ? ", " : "", v->out);
                    put_text(v->out, *sugg[s] ? sugg[s] : "(delete)");
                }
            } else {
                put_text(v->out, *fix ? fix : "(delete)");
            }
            fputs(c(v, ANSI_RESET), v->out);
        }
        if (res->states[it[k].index] == TQC_FIX_CONFLICT)
            fputs(" (its fix overlaps another)", v->out);
        fputc('\n', v->out);
    }
}

void tqc_wdiff_write(FILE *out, const tqc_fix_result *res, bool color)
{
    view v = {out, color, res};
    const tqc_doc *doc = res->doc;
    size_t cap = res->region_count + res->finding_count, n = 0;
    item *items = cap ? tqc_malloc(cap * sizeof *items) : NULL;
    if (cap && !items) {
        fputs("tqc: out of memory\n", out);
        return;
    }
    for (size_t r = 0; r < res->region_count; r++) {
        item it = {0, 0, res->regions[r].old.start, true, r};
        unit_of(doc, res->regions[r].old.start, res->regions[r].old.end, &it.u0, &it.u1);
        items[n++] = it;
    }
    for (size_t i = 0; i < res->finding_count; i++) {
        if (res->states[i] == TQC_FIX_APPLIED)
            continue;
        item it = {0, 0, res->findings[i].span.start, false, i};
        unit_of(doc, res->findings[i].span.start, res->findings[i].span.end, &it.u0, &it.u1);
        items[n++] = it;
    }
    qsort(items, n, sizeof *items, cmp_items);
    for (size_t a = 0, b; a < n; a = b) {
        size_t u0 = items[a].u0, u1 = items[a].u1;
        for (b = a + 1; b < n && items[b].u0 < u1; b++)
            if (items[b].u1 > u1)
                u1 = items[b].u1;
        /* Within a sentence, in reading order. */
        for (size_t i = a + 1; i < b; i++)
            for (size_t j = i; j > a && (items[j - 1].pos > items[j].pos ||
                                         (items[j - 1].pos == items[j].pos && !items[j - 1].is_region &&
                                          items[j].is_region)); j--) {
                item t = items[j];
                items[j] = items[j - 1];
                items[j - 1] = t;
            }
        size_t line, col;
        tqc_doc_locate(doc, u0, &line, &col);
        fputs(c(&v, ANSI_BOLD), out);
        tqc_text_fputs_safe(doc->name, out);   /* a name may hold control characters */
        fprintf(out, ":%zu:%zu:%s ", line, col, c(&v, ANSI_RESET));
        put_sentence(&v, u0, u1, items + a, b - a);
        put_notes(&v, items + a, b - a);
    }
    size_t left = res->finding_count - tqc_fix_count(res, TQC_FIX_APPLIED);
    fputs(c(&v, ANSI_BOLD), out);
    tqc_text_fputs_safe(doc->name, out);
    fprintf(out, ": %zu fix%s applied, %zu finding%s left for a human%s\n", res->note_count, res->note_count == 1 ? "" : "es", left,
            left == 1 ? "" : "s", c(&v, ANSI_RESET));
    free(items);
}
