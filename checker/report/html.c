/* HTML report: one self-contained page for editors. Each article is shown paragraph
 * by paragraph, the original with its findings highlighted by severity beside the
 * corrected text with the changes tracked (deleted words struck through, inserted ones
 * underlined); a side panel filters by severity and rule and counts findings per rule.
 * Details (rule, message, suggestions, what happened to the fix) appear on hover and on
 * keyboard focus, in CSS alone; the script only filters, switches views and keeps a
 * tooltip inside the window. A Content-Security-Policy forbids every request, so the
 * page cannot load anything even by mistake. Every byte of the input (text, names,
 * messages) goes through put_esc; invalid UTF-8 and control characters become U+FFFD. */
#include "report/fixes.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "run/rules.h"
#include "core/escape.h"
#include "core/text.h"

#ifndef TQC_VERSION
#define TQC_VERSION "0.1.0"
#endif

/* Findings listed for one stretch of text where they overlap; beyond this the tooltip
 * would be noise (every one is still in the findings table). */
#define HTML_MAX_OVERLAP 64

typedef struct rule_tally {
    const char *id;          /* static (the pass id) */
    const char *summary;     /* static or NULL */
    size_t n[3];             /* by severity */
} rule_tally;

typedef struct toc_entry {
    char *name;
    size_t findings, fixes;
} toc_entry;

struct tqc_html {
    const tqc_rule_info *rules;
    size_t rule_total;
    FILE *body;              /* the articles, rendered as they come */
    char *body_buf;
    size_t body_len;
    rule_tally *counts;
    size_t count_n, count_cap;
    toc_entry *toc;
    size_t toc_n, toc_cap;
    size_t findings[3], fixes;
    size_t tips;             /* tooltip ids */
    bool failed;
};

/* ---- escaping -------------------------------------------------------------------- */

/* s[0, len) as HTML text or attribute value (core/escape.h). */
static void put_esc(FILE *out, const char *s, size_t len)
{
    tqc_html_write_string(out, s, len);
}

static void put_str(FILE *out, const char *s)
{
    put_esc(out, s, strlen(s));
}

/* ---- bookkeeping ----------------------------------------------------------------- */

tqc_html *tqc_html_new(const tqc_rule_info *rules, size_t rule_count)
{
    tqc_html *h = tqc_calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->rules = rules;
    h->rule_total = rules ? rule_count : 0;
    h->body = open_memstream(&h->body_buf, &h->body_len);
    if (!h->body) {
        free(h);
        return NULL;
    }
    /* Every registered rule is listed, so an editor sees what found nothing too. */
    for (size_t i = 0; i < h->rule_total; i++) {
        rule_tally *rc = tqc_realloc(h->counts, (h->count_n + 1) * sizeof *rc);
        if (!rc) {
            tqc_html_free(h);
            return NULL;
        }
        h->counts = rc;
        h->counts[h->count_n++] = (rule_tally){rules[i].id, rules[i].summary, {0, 0, 0}};
    }
    h->count_cap = h->count_n;
    return h;
}

void tqc_html_free(tqc_html *h)
{
    if (!h)
        return;
    if (h->body)
        fclose(h->body);
    free(h->body_buf);
    free(h->counts);
    for (size_t i = 0; i < h->toc_n; i++)
        free(h->toc[i].name);
    free(h->toc);
    free(h);
}

static rule_tally *count_for(tqc_html *h, const char *rule)
{
    for (size_t i = 0; i < h->count_n; i++)
        if (strcmp(h->counts[i].id, rule) == 0)
            return &h->counts[i];
    if (h->count_n == h->count_cap) {
        size_t cap = h->count_cap ? h->count_cap * 2 : 16;
        rule_tally *rc = tqc_realloc(h->counts, cap * sizeof *rc);
        if (!rc)
            return NULL;
        h->counts = rc;
        h->count_cap = cap;
    }
    h->counts[h->count_n] = (rule_tally){rule, NULL, {0, 0, 0}};
    return &h->counts[h->count_n++];
}

static const char *sev_name(tqc_severity s)
{
    return tqc_severity_name(s);
}

/* ---- rows ------------------------------------------------------------------------ */

/* A row pairs a stretch of the original with the corrected text that replaces it, so
 * the two columns stay aligned: paragraphs, merged where a change spans them. */
typedef struct row {
    size_t s, e;             /* original bytes [s, e) */
    size_t ns, ne;           /* corrected bytes */
    size_t r0, r1;           /* regions [r0, r1) inside */
} row;

typedef struct span_item {
    size_t s, e;
    bool para;
} span_item;

static int cmp_span_items(const void *pa, const void *pb)
{
    const span_item *a = pa, *b = pb;
    if (a->s != b->s)
        return a->s < b->s ? -1 : 1;
    return a->para != b->para ? (a->para ? -1 : 1) : 0;
}

/* rows has room for paragraphs + regions + findings + 1 entries; returns the count,
 * or SIZE_MAX when out of memory. */
static size_t make_rows(const tqc_fix_result *res, row *rows)
{
    const tqc_doc *doc = res->doc;
    size_t m = doc->paragraph_count + res->region_count + res->finding_count, n = 0;
    span_item *it = tqc_malloc((m + 1) * sizeof *it);
    if (!it)
        return SIZE_MAX;
    m = 0;
    for (size_t i = 0; i < doc->paragraph_count; i++)
        it[m++] = (span_item){doc->paragraphs[i].span.start, doc->paragraphs[i].span.end, true};
    for (size_t i = 0; i < res->region_count; i++)
        it[m++] = (span_item){res->regions[i].old.start, res->regions[i].old.end, false};
    for (size_t i = 0; i < res->finding_count; i++)
        it[m++] = (span_item){res->findings[i].span.start, res->findings[i].span.end, false};
    qsort(it, m, sizeof *it, cmp_span_items);
    /* A paragraph starts a row unless something already there reaches it; a change or
     * finding joins the row it touches, or in the white space between paragraphs, the
     * row before it, so that every one of them is shown in place. */
    for (size_t i = 0; i < m; i++) {
        if (n && (it[i].s <= rows[n - 1].e || !it[i].para)) {
            if (it[i].e > rows[n - 1].e)
                rows[n - 1].e = it[i].e;
            continue;
        }
        rows[n++] = (row){it[i].s, it[i].e, 0, 0, 0, 0};
    }
    free(it);
    if (n == 0 && doc->len)
        rows[n++] = (row){0, doc->len, 0, 0, 0, 0};
    /* Where each row lies in the corrected text, and which regions it holds. */
    size_t k = 0;
    long long shift = 0;
    for (size_t i = 0; i < n; i++) {
        while (k < res->region_count && res->regions[k].old.end <= rows[i].s &&
               res->regions[k].old.start < rows[i].s) {
            shift += (long long)tqc_span_len(res->regions[k].fixed) - (long long)tqc_span_len(res->regions[k].old);
            k++;
        }
        rows[i].ns = (size_t)((long long)rows[i].s + shift);
        rows[i].r0 = k;
        while (k < res->region_count && res->regions[k].old.start <= rows[i].e) {
            shift += (long long)tqc_span_len(res->regions[k].fixed) - (long long)tqc_span_len(res->regions[k].old);
            k++;
        }
        rows[i].r1 = k;
        rows[i].ne = (size_t)((long long)rows[i].e + shift);
    }
    return n;
}

/* ---- tooltips -------------------------------------------------------------------- */

static void put_finding_entry(FILE *o, const tqc_fix_result *res, size_t i)
{
    const tqc_finding *f = &res->findings[i];
    const char *sev = sev_name(f->severity);
    fprintf(o, "<span class=\"te\" data-sev=\"%s\" data-rule=\"", sev);
    put_str(o, f->rule);
    fprintf(o, "\"><span class=\"th\"><span class=\"sv %s\">%s</span><code>", sev, sev);
    put_str(o, f->rule);
    fputs("</code>", o);
    if (f->also) {
        fputs("<span class=\"also\">also ", o);
        put_str(o, f->also);
        fputs("</span>", o);
    }
    fputs("</span><span class=\"tm\">", o);
    put_str(o, f->message);
    fputs("</span>", o);
    if (f->suggestion_count) {
        fputs("<span class=\"ts\">Suggestion: ", o);
        for (size_t s = 0; s < f->suggestion_count; s++) {
            fputs(s ? ", <b>" : "<b>", o);
            if (*f->suggestions[s])
                put_str(o, f->suggestions[s]);
            else
                fputs("<i>delete</i>", o);
            fputs("</b>", o);
        }
        fputs("</span>", o);
    }
    switch (res->states[i]) {
    case TQC_FIX_APPLIED:
        fputs("<span class=\"tf ok\">Fixed in the corrected text</span>", o);
        break;
    case TQC_FIX_CONFLICT:
        fputs("<span class=\"tf\">Not fixed: its fix overlaps another</span>", o);
        break;
    case TQC_FIX_MANUAL:
        fputs("<span class=\"tf\">Needs an editor (tqc fix --all-fixes takes the suggestion)</span>", o);
        break;
    case TQC_FIX_NONE:
        fputs("<span class=\"tf\">Needs an editor</span>", o);
        break;
    }
    fputs("</span>", o);
}

/* true when f (not empty) overlaps [a, b). */
static bool covers(const tqc_finding *f, size_t a, size_t b)
{
    if (f->span.start == f->span.end)
        return false;
    return f->span.start < b && f->span.end > a;
}

static int sev_rank_desc(const tqc_fix_result *res, size_t a, size_t b)
{
    if (res->findings[a].severity != res->findings[b].severity)
        return res->findings[a].severity > res->findings[b].severity ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* One highlighted stretch: the findings set[0, n) cover it (or, when point, it is an
 * empty finding's place). */
static void put_mark(tqc_html *h, FILE *o, const tqc_fix_result *res, size_t doc_id,
                     const size_t *set, size_t n, size_t a, size_t b, bool point)
{
    /* Order the tooltip by severity; the strongest colours the mark. */
    size_t sorted[HTML_MAX_OVERLAP];
    if (n > HTML_MAX_OVERLAP)
        n = HTML_MAX_OVERLAP;
    memcpy(sorted, set, n * sizeof *sorted);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && sev_rank_desc(res, sorted[j - 1], sorted[j]) > 0; j--) {
            size_t t = sorted[j];
            sorted[j] = sorted[j - 1];
            sorted[j - 1] = t;
        }
    /* Findings starting here are link targets (the findings table points at them); the
     * mark carries the first id, empty anchors the others. */
    bool starts = false;
    size_t first = SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        if (res->findings[set[i]].span.start == a && set[i] < first) {
            starts = true;
            first = set[i];
        }
    for (size_t i = 0; i < n; i++)
        if (res->findings[set[i]].span.start == a && set[i] != first)
            fprintf(o, "<span class=\"anchor\" id=\"d%zu-f%zu\"></span>", doc_id, set[i]);
    size_t tip = ++h->tips;
    fprintf(o, "<mark class=\"f%s\" data-sev=\"%s\"", point ? " pt" : "",
            sev_name(res->findings[sorted[0]].severity));
    if (starts)
        fprintf(o, " id=\"d%zu-f%zu\" tabindex=\"0\" data-focus=\"1\"", doc_id, first);
    fprintf(o, " aria-describedby=\"t%zu\">", tip);
    put_esc(o, res->doc->text + a, b - a);
    fprintf(o, "<span class=\"tip\" role=\"tooltip\" id=\"t%zu\">", tip);
    for (size_t i = 0; i < n; i++)
        put_finding_entry(o, res, sorted[i]);
    fputs("</span></mark>", o);
}

/* The original's bytes [s, e) with the findings that touch them highlighted. Where
 * findings overlap, the stretch is split at every edge and each piece lists all the
 * findings over it; only a piece where a finding starts takes keyboard focus. */
static void put_original(tqc_html *h, FILE *o, const tqc_fix_result *res, size_t doc_id,
                         size_t s, size_t e, size_t *lo)
{
    const tqc_finding *fs = res->findings;
    size_t nf = res->finding_count;
    while (*lo < nf && fs[*lo].span.end < s)
        (*lo)++;
    size_t set[HTML_MAX_OVERLAP];
    size_t at = s;
    for (;;) {
        /* The next edge after at: the start or end of a finding, or e. */
        size_t next = e;
        for (size_t i = *lo; i < nf && fs[i].span.start <= e; i++) {
            if (fs[i].span.start > at && fs[i].span.start < next)
                next = fs[i].span.start;
            if (fs[i].span.end > at && fs[i].span.end < next)
                next = fs[i].span.end;
        }
        /* Empty findings here come first, as a caret. */
        for (size_t i = *lo; i < nf && fs[i].span.start <= at; i++)
            if (fs[i].span.start == at && fs[i].span.end == at) {
                size_t one = i;
                put_mark(h, o, res, doc_id, &one, 1, at, at, true);
            }
        if (at >= e)
            break;
        size_t n = 0;
        for (size_t i = *lo; i < nf && fs[i].span.start < next && n < HTML_MAX_OVERLAP; i++)
            if (covers(&fs[i], at, next))
                set[n++] = i;
        if (n)
            put_mark(h, o, res, doc_id, set, n, at, next, false);
        else
            put_esc(o, res->doc->text + at, next - at);
        at = next;
    }
}

static void put_note_entry(FILE *o, const tqc_fix_note *note)
{
    const char *sev = sev_name(note->severity);
    fprintf(o, "<span class=\"te\" data-sev=\"%s\" data-rule=\"", sev);
    put_str(o, note->rule);
    fprintf(o, "\"><span class=\"th\"><span class=\"sv fix\">%s</span><code>",
            note->safe ? "fixed" : "suggested");
    put_str(o, note->rule);
    fputs("</code></span><span class=\"tm\">", o);
    put_str(o, note->message);
    fputs("</span></span>", o);
}

/* The corrected bytes of row r, each change shown as <del>old</del><ins>new</ins>. */
static void put_corrected(tqc_html *h, FILE *o, const tqc_fix_result *res, const row *r)
{
    size_t at = r->ns;
    for (size_t g = r->r0; g < r->r1; g++) {
        const tqc_fix_region *reg = &res->regions[g];
        put_esc(o, res->text + at, reg->fixed.start - at);
        size_t tip = ++h->tips;
        fprintf(o, "<span class=\"chg\" tabindex=\"0\" aria-describedby=\"t%zu\">", tip);
        if (tqc_span_len(reg->old)) {
            fputs("<del>", o);
            put_esc(o, res->doc->text + reg->old.start, tqc_span_len(reg->old));
            fputs("</del>", o);
        }
        if (tqc_span_len(reg->fixed)) {
            fputs("<ins>", o);
            put_esc(o, res->text + reg->fixed.start, tqc_span_len(reg->fixed));
            fputs("</ins>", o);
        }
        fprintf(o, "<span class=\"tip\" role=\"tooltip\" id=\"t%zu\">", tip);
        for (size_t x = reg->note_first; x < reg->note_first + reg->note_count; x++)
            put_note_entry(o, &res->notes[x]);
        fputs("</span></span>", o);
        at = reg->fixed.end;
    }
    put_esc(o, res->text + at, r->ne - at);
}

static void put_findings_table(FILE *o, const tqc_fix_result *res, size_t doc_id)
{
    fprintf(o, "<details class=\"list\"><summary>All findings <span class=\"n\">%zu</span></summary>\n"
               "<table><thead><tr><th>Where</th><th>Severity</th><th>Rule</th><th>Message</th>"
               "<th>Suggestion</th><th>Fix</th></tr></thead><tbody>\n", res->finding_count);
    for (size_t i = 0; i < res->finding_count; i++) {
        const tqc_finding *f = &res->findings[i];
        const char *sev = sev_name(f->severity);
        size_t line, col;
        tqc_doc_locate(res->doc, f->span.start, &line, &col);
        fprintf(o, "<tr data-sev=\"%s\" data-rule=\"", sev);
        put_str(o, f->rule);
        fprintf(o, "\"><td><a href=\"#d%zu-f%zu\">%zu:%zu</a></td><td><span class=\"sv %s\">%s</span></td><td><code>",
                doc_id, i, line, col, sev, sev);
        put_str(o, f->rule);
        fputs("</code></td><td>", o);
        put_str(o, f->message);
        fputs("</td><td>", o);
        for (size_t s = 0; s < f->suggestion_count; s++) {
            fputs(s ? ", " : "", o);
            put_str(o, f->suggestions[s]);
        }
        static const char *const state[] = {"", "needs an editor", "overlaps another fix", "fixed"};
        fprintf(o, "</td><td class=\"st%s\">%s</td></tr>\n",
                res->states[i] == TQC_FIX_APPLIED ? " ok" : "", state[res->states[i]]);
    }
    fputs("</tbody></table></details>\n", o);
}

tqc_status tqc_html_add(tqc_html *h, const tqc_fix_result *res)
{
    FILE *o = h->body;
    size_t doc_id = h->toc_n + 1;
    if (h->toc_n == h->toc_cap) {
        size_t cap = h->toc_cap ? h->toc_cap * 2 : 8;
        toc_entry *t = tqc_realloc(h->toc, cap * sizeof *t);
        if (!t)
            return TQC_ENOMEM;
        h->toc = t;
        h->toc_cap = cap;
    }
    size_t nlen = strlen(res->doc->name);
    char *name = tqc_malloc(nlen + 1);
    row *rows = tqc_malloc((res->doc->paragraph_count + res->region_count + res->finding_count + 1) *
                       sizeof *rows);
    if (!name || !rows) {
        free(name);
        free(rows);
        return TQC_ENOMEM;
    }
    memcpy(name, res->doc->name, nlen + 1);
    h->toc[h->toc_n++] = (toc_entry){name, res->finding_count, res->note_count};
    size_t sev[3] = {0, 0, 0};
    for (size_t i = 0; i < res->finding_count; i++) {
        const tqc_finding *f = &res->findings[i];
        sev[f->severity]++;
        h->findings[f->severity]++;
        rule_tally *rc = count_for(h, f->rule);
        if (!rc) {
            free(rows);
            return TQC_ENOMEM;
        }
        rc->n[f->severity]++;
    }
    h->fixes += res->note_count;

    fprintf(o, "<article class=\"doc\" id=\"d%zu\">\n<header><h2>", doc_id);
    put_str(o, res->doc->name);
    fputs("</h2><div class=\"stats\">", o);
    static const tqc_severity order[] = {TQC_SEV_ERROR, TQC_SEV_WARNING, TQC_SEV_INFO};
    for (size_t k = 0; k < 3; k++)
        if (sev[order[k]])
            fprintf(o, "<span class=\"pill %s\">%zu %s%s</span>", sev_name(order[k]), sev[order[k]],
                    sev_name(order[k]), sev[order[k]] == 1 || order[k] == TQC_SEV_INFO ? "" : "s");
    if (res->finding_count == 0)
        fputs("<span class=\"pill clean\">no findings</span>", o);
    fprintf(o, "<span class=\"pill fix\">%zu fix%s applied</span>", res->note_count,
            res->note_count == 1 ? "" : "es");
    fprintf(o, "</div></header>\n<div class=\"grid\">\n<div class=\"colhead orig\">Original "
               "<small>findings highlighted</small></div><div class=\"colhead fixed\">Corrected "
               "<small>%s</small></div>\n", res->all_fixes ? "safe fixes and first suggestions"
                                                           : "safe fixes only");
    size_t nr = make_rows(res, rows), lo = 0;
    if (nr == SIZE_MAX) {
        free(rows);
        return TQC_ENOMEM;
    }
    for (size_t i = 0; i < nr; i++) {
        fputs("<div class=\"cell orig\">", o);
        put_original(h, o, res, doc_id, rows[i].s, rows[i].e, &lo);
        fputs("</div><div class=\"cell fixed\">", o);
        put_corrected(h, o, res, &rows[i]);
        fputs("</div>\n", o);
    }
    if (nr == 0)
        fputs("<div class=\"cell orig empty\">(empty)</div><div class=\"cell fixed empty\">(empty)</div>\n", o);
    fputs("</div>\n", o);
    if (res->finding_count)
        put_findings_table(o, res, doc_id);
    if (tqc_fix_changed(res)) {
        /* The parser drops a line break right after <pre>: give it one to drop. */
        fputs("<details class=\"plain\"><summary>Corrected text, plain, to copy</summary><pre>\n", o);
        put_esc(o, res->text, res->len);
        fputs("</pre></details>\n", o);
    }
    fputs("</article>\n", o);
    free(rows);
    return ferror(o) ? TQC_ENOMEM : TQC_OK;
}

/* ---- the page -------------------------------------------------------------------- */

static const char STYLE[] =
    ":root{--bg:#f4f5f8;--card:#fff;--ink:#1c2130;--muted:#5d6678;--line:#e2e5ec;"
    "--err:#c4281c;--err-bg:#fde4e1;--warn:#a86400;--warn-bg:#fff0cc;--info:#1d63c8;--info-bg:#e2edff;"
    "--ins:#136c34;--ins-bg:#d7f3e0;--del:#a8261d;--del-bg:#fbe1de;--accent:#3c4fe0;--head:#1d2742}\n"
    "@media (prefers-color-scheme:dark){:root{--bg:#14171f;--card:#1c2029;--ink:#e6e9f0;--muted:#9aa3b5;"
    "--line:#2e3440;--err:#ff7b70;--err-bg:#4a1f1c;--warn:#f2b54a;--warn-bg:#45361a;--info:#7fb0ff;"
    "--info-bg:#1c3150;--ins:#6fdc95;--ins-bg:#183a26;--del:#ff8d84;--del-bg:#47201d;--accent:#8e9bff;--head:#0f131b}}\n"
    "*{box-sizing:border-box}[hidden]{display:none!important}\n"
    "body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;"
    "color:var(--ink);background:var(--bg)}\n"
    "code{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace}\n"
    ".top{background:var(--head);color:#fff;padding:18px 28px;display:flex;align-items:center;gap:20px;flex-wrap:wrap}\n"
    ".top h1{font-size:20px;margin:0;font-weight:650;letter-spacing:.1px}\n"
    ".top p{margin:2px 0 0;color:#b9c1d6;font-size:13px}\n"
    ".top .totals{margin-left:auto;display:flex;gap:8px;flex-wrap:wrap}\n"
    ".pill{display:inline-flex;align-items:center;border-radius:999px;padding:2px 10px;font-size:12.5px;"
    "font-weight:600;white-space:nowrap}\n"
    ".pill.error{background:var(--err-bg);color:var(--err)}.pill.warning{background:var(--warn-bg);color:var(--warn)}"
    ".pill.info{background:var(--info-bg);color:var(--info)}.pill.fix{background:var(--ins-bg);color:var(--ins)}"
    ".pill.clean{background:var(--line);color:var(--muted)}\n"
    ".layout{display:grid;grid-template-columns:272px minmax(0,1fr);gap:24px;padding:24px 28px;align-items:start}\n"
    ".panel{position:sticky;top:16px;background:var(--card);border:1px solid var(--line);border-radius:12px;"
    "padding:14px 16px 6px;max-height:calc(100vh - 32px);overflow:auto}\n"
    ".panel h2{font-size:11.5px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:6px 0 8px;font-weight:650}\n"
    ".panel section{margin-bottom:14px}\n"
    ".seg{display:flex;border:1px solid var(--line);border-radius:8px;overflow:hidden}\n"
    ".seg label{flex:1;text-align:center;font-size:12px;padding:5px 4px;cursor:pointer;color:var(--muted);white-space:nowrap}\n"
    ".seg label+label{border-left:1px solid var(--line)}\n"
    ".seg input{position:absolute;opacity:0;pointer-events:none}\n"
    ".seg label:has(input:checked){background:var(--accent);color:#fff}\n"
    ".seg label:has(input:focus-visible){outline:2px solid var(--accent);outline-offset:-3px}\n"
    ".chk{display:flex;align-items:center;gap:8px;padding:3px 0;font-size:13.5px;cursor:pointer}\n"
    ".chk input{accent-color:var(--accent);margin:0}\n"
    ".chk .n{margin-left:auto;font-variant-numeric:tabular-nums;color:var(--muted);font-size:12.5px}\n"
    ".sw{width:12px;height:12px;border-radius:3px;display:inline-block;flex:none}\n"
    ".sw.error{background:var(--err-bg);border:2px solid var(--err)}.sw.warning{background:var(--warn-bg);border:2px solid var(--warn)}"
    ".sw.info{background:var(--info-bg);border:2px dotted var(--info)}\n"
    ".rules li{list-style:none;margin:0 0 4px}.rules{margin:0;padding:0}\n"
    ".rules .sum{display:block;color:var(--muted);font-size:12px;line-height:1.35;margin:0 0 2px 21px}\n"
    ".rules .bar{display:flex;height:4px;border-radius:2px;overflow:hidden;margin:2px 0 4px 21px;background:var(--line)}\n"
    ".bar i{display:block}.bar .error{background:var(--err)}.bar .warning{background:var(--warn)}.bar .info{background:var(--info)}\n"
    ".none{color:var(--muted);font-size:12px;margin:6px 0 0}\n"
    ".btns{display:flex;gap:6px;margin:0 0 6px}\n"
    ".btns button{font:inherit;font-size:12px;border:1px solid var(--line);background:var(--card);color:var(--ink);"
    "border-radius:6px;padding:2px 8px;cursor:pointer}\n"
    ".legend{font-size:12.5px;color:var(--muted);line-height:1.9}\n"
    ".legend del,.legend ins{padding:0 3px}\n"
    ".toc a{display:flex;gap:6px;font-size:13px;color:var(--ink);text-decoration:none;padding:2px 0}\n"
    ".toc a b{font-weight:400;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;direction:rtl;text-align:left}\n"
    ".toc a span{margin-left:auto;color:var(--muted)}\n"
    ".doc{background:var(--card);border:1px solid var(--line);border-radius:12px;margin-bottom:24px;"
    "box-shadow:0 1px 2px rgba(16,24,40,.05)}\n"
    ".doc>header{padding:14px 20px;border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;align-items:center;gap:8px 14px}\n"
    ".doc h2{font:600 15px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:0;overflow-wrap:anywhere}\n"
    ".stats{display:flex;gap:6px;flex-wrap:wrap;margin-left:auto}\n"
    ".grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr)}\n"
    ".colhead{font-size:11.5px;text-transform:uppercase;letter-spacing:.08em;font-weight:650;color:var(--muted);"
    "padding:12px 24px 4px}\n"
    ".colhead small{text-transform:none;letter-spacing:0;font-weight:400;margin-left:6px}\n"
    ".cell{padding:7px 24px 9px;font:17px/1.62 Charter,'Bitstream Charter','Sitka Text',Cambria,Georgia,serif;"
    "white-space:pre-wrap;overflow-wrap:anywhere}\n"
    ".fixed{border-left:1px solid var(--line);background:color-mix(in srgb,var(--card) 96%,var(--ins))}\n"
    ".cell.empty{color:var(--muted);font-style:italic}\n"
    "body.view-orig .grid,body.view-fixed .grid{grid-template-columns:minmax(0,1fr)}\n"
    "body.view-orig .fixed,body.view-fixed .orig{display:none}\n"
    "body.view-fixed .fixed{border-left:0}\n"
    ".cell>:last-child{margin-bottom:0}\n"
    "mark.f{color:inherit;background:var(--warn-bg);border-bottom:2px solid var(--warn);border-radius:3px 3px 0 0;"
    "position:relative;cursor:help;padding:1px 0}\n"
    "mark.f[data-sev=error]{background:var(--err-bg);border-bottom-color:var(--err)}\n"
    "mark.f[data-sev=info]{background:var(--info-bg);border-bottom:2px dotted var(--info)}\n"
    "mark.f.off{background:none;border-bottom-color:transparent;cursor:auto}\n"
    "mark.pt::before{content:'\\2038';color:var(--err);font-weight:700}\n"
    "mark.f:focus,.chg:focus{outline:2px solid var(--accent);outline-offset:2px}\n"
    ".chg{position:relative;cursor:help;border-radius:3px}\n"
    "del{background:var(--del-bg);color:var(--del);text-decoration:line-through;text-decoration-thickness:1.5px;border-radius:3px}\n"
    "ins{background:var(--ins-bg);color:var(--ins);text-decoration:none;border-bottom:2px solid var(--ins);border-radius:3px 3px 0 0}\n"
    "del+ins{margin-left:2px}\n"
    ".tip{display:none;position:absolute;left:0;top:calc(100% + 7px);z-index:30;width:max-content;max-width:min(380px,80vw);"
    "background:#202637;color:#eef1f7;border-radius:9px;padding:9px 12px;font:13px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
    "white-space:normal;box-shadow:0 10px 28px rgba(10,14,30,.28);text-decoration:none;text-align:left}\n"
    ".tip::before{content:'';position:absolute;left:14px;top:-6px;border:6px solid transparent;border-top:0;border-bottom-color:#202637}\n"
    "mark.f:not(.off):hover>.tip,mark.f:not(.off):focus>.tip,.chg:hover>.tip,.chg:focus>.tip{display:block}\n"
    ".te{display:block}.te+.te{border-top:1px solid #3a4257;margin-top:7px;padding-top:7px}\n"
    ".th{display:flex;align-items:center;gap:7px;margin-bottom:2px}\n"
    ".th code{color:#c9d2ff;font-size:12px}.also{color:#a9b1c4;font-size:11.5px}\n"
    ".tm{display:block}.ts{display:block;margin-top:3px;color:#cfe9d8}.ts b{color:#8ff0b0;font-weight:600}\n"
    ".tf{display:block;margin-top:3px;color:#a9b1c4;font-size:12px}.tf.ok{color:#8ff0b0}\n"
    ".sv{display:inline-block;border-radius:4px;padding:0 6px;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em}\n"
    ".sv.error{background:#e5483b;color:#fff}.sv.warning{background:#e9a23b;color:#241600}.sv.info{background:#4b8df0;color:#fff}"
    ".sv.fix{background:#2f9e5a;color:#fff}\n"
    "table .sv.error{background:var(--err-bg);color:var(--err)}table .sv.warning{background:var(--warn-bg);color:var(--warn)}"
    "table .sv.info{background:var(--info-bg);color:var(--info)}\n"
    "details{border-top:1px solid var(--line)}\n"
    "summary{cursor:pointer;padding:11px 20px;font-weight:600;font-size:14px}\n"
    "summary .n{color:var(--muted);font-weight:400;margin-left:4px}\n"
    "table{border-collapse:collapse;width:100%;font-size:13.5px}\n"
    "th,td{text-align:left;padding:6px 10px;border-top:1px solid var(--line);vertical-align:top}\n"
    "th{font-size:11.5px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:650}\n"
    "td:first-child,th:first-child{padding-left:20px}td a{color:var(--accent);font-variant-numeric:tabular-nums}\n"
    "td.st{color:var(--muted);white-space:nowrap}td.st.ok{color:var(--ins)}\n"
    "pre{margin:0;padding:10px 20px 18px;white-space:pre-wrap;font:14px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}\n"
    "footer{color:var(--muted);font-size:12.5px;padding:0 28px 28px}\n"
    ":target{animation:flash 1.6s ease-out}@keyframes flash{0%{box-shadow:0 0 0 4px var(--accent)}100%{box-shadow:0 0 0 4px transparent}}\n"
    "@media (max-width:900px){.layout{grid-template-columns:1fr}.panel{position:static;max-height:none}"
    ".grid{grid-template-columns:minmax(0,1fr)}.fixed{border-left:0;border-top:1px dashed var(--line)}}\n";

const char *tqc_html_style(void)
{
    return STYLE;
}

/* The script filters and switches views. Errors are recorded on <body> (data-errors)
 * so a headless test can see them; data-ready says it ran to the end. */
static const char SCRIPT[] =
    "(function(){'use strict';\n"
    "var errs=0;window.addEventListener('error',function(){document.body.setAttribute('data-errors',++errs);});\n"
    "var rank={info:0,warning:1,error:2};\n"
    "function all(sel,root){return Array.prototype.slice.call((root||document).querySelectorAll(sel));}\n"
    "function picked(attr){var s={};all('input['+attr+']').forEach(function(i){if(i.checked)s[i.getAttribute(attr)]=1;});return s;}\n"
    "function apply(){var sev=picked('data-sev'),rule=picked('data-rule');\n"
    " function on(el){return sev[el.getAttribute('data-sev')]&&rule[el.getAttribute('data-rule')];}\n"
    " all('mark.f').forEach(function(m){var best=null;all('.te',m).forEach(function(t){var v=on(t);t.hidden=!v;"
    "if(v){var s=t.getAttribute('data-sev');if(best===null||rank[s]>rank[best])best=s;}});"
    "m.classList.toggle('off',best===null);if(best)m.setAttribute('data-sev',best);"
    "if(m.hasAttribute('data-focus'))m.tabIndex=best?0:-1;});\n"
    " var shown=0;all('tr[data-rule]').forEach(function(r){r.hidden=!on(r);if(!r.hidden)shown++;});\n"
    " var n=document.getElementById('shown');if(n)n.textContent=shown;}\n"
    "function view(v){document.body.classList.remove('view-both','view-orig','view-fixed');document.body.classList.add('view-'+v);}\n"
    "document.addEventListener('change',function(e){var t=e.target;if(t.name==='view')view(t.value);else if(t.hasAttribute('data-sev')||t.hasAttribute('data-rule'))apply();});\n"
    "document.addEventListener('click',function(e){var b=e.target.closest?e.target.closest('button[data-all]'):null;if(!b)return;"
    "var on=b.getAttribute('data-all')==='1';all('input[data-rule]').forEach(function(i){i.checked=on;});apply();});\n"
    "function place(el){var t=el.querySelector('.tip');if(!t)return;t.style.left='';var r=t.getBoundingClientRect();"
    "var over=r.right-(document.documentElement.clientWidth-12);if(over>0)t.style.left=(-Math.min(over,el.getBoundingClientRect().left-8))+'px';}\n"
    "function near(e){var el=e.target.closest?e.target.closest('mark.f,.chg'):null;if(el)place(el);}\n"
    "document.addEventListener('mouseover',near);document.addEventListener('focusin',near);\n"
    "document.addEventListener('keydown',function(e){if(e.key==='Escape'&&document.activeElement&&document.activeElement.blur)document.activeElement.blur();});\n"
    "apply();document.body.setAttribute('data-ready','1');})();\n";

static int cmp_counts(const void *pa, const void *pb)
{
    const rule_tally *a = pa, *b = pb;
    size_t ta = a->n[0] + a->n[1] + a->n[2], tb = b->n[0] + b->n[1] + b->n[2];
    if (ta != tb)
        return ta > tb ? -1 : 1;
    return strcmp(a->id, b->id);
}

static void put_panel(tqc_html *h, FILE *o)
{
    size_t total = h->findings[0] + h->findings[1] + h->findings[2];
    fputs("<aside class=\"panel\" aria-label=\"Filters\">\n<section><h2>View</h2><div class=\"seg\" role=\"radiogroup\">"
          "<label><input type=\"radio\" name=\"view\" value=\"both\" checked>Side by side</label>"
          "<label><input type=\"radio\" name=\"view\" value=\"orig\">Findings</label>"
          "<label><input type=\"radio\" name=\"view\" value=\"fixed\">Corrected</label></div></section>\n", o);
    fputs("<section><h2>Severity</h2>", o);
    static const tqc_severity order[] = {TQC_SEV_ERROR, TQC_SEV_WARNING, TQC_SEV_INFO};
    static const char *const label[] = {"Info", "Warning", "Error"};
    for (size_t k = 0; k < 3; k++) {
        const char *s = sev_name(order[k]);
        fprintf(o, "<label class=\"chk\"><input type=\"checkbox\" checked data-sev=\"%s\"><span class=\"sw %s\"></span>%s"
                   "<span class=\"n\">%zu</span></label>", s, s, label[order[k]], h->findings[order[k]]);
    }
    fputs("</section>\n<section><h2>Rules</h2>", o);
    qsort(h->counts, h->count_n, sizeof *h->counts, cmp_counts);
    if (total)
        fputs("<div class=\"btns\"><button type=\"button\" data-all=\"1\">All</button>"
              "<button type=\"button\" data-all=\"0\">None</button></div>", o);
    fputs("<ul class=\"rules\">", o);
    size_t silent = 0;
    for (size_t i = 0; i < h->count_n; i++) {
        const rule_tally *rc = &h->counts[i];
        size_t t = rc->n[0] + rc->n[1] + rc->n[2];
        if (!t) {
            silent++;
            continue;
        }
        fputs("<li><label class=\"chk\"><input type=\"checkbox\" checked data-rule=\"", o);
        put_str(o, rc->id);
        fputs("\"><code>", o);
        put_str(o, rc->id);
        fprintf(o, "</code><span class=\"n\">%zu</span></label><span class=\"bar\" aria-hidden=\"true\">", t);
        for (size_t k = 0; k < 3; k++)
            if (rc->n[order[k]])
                fprintf(o, "<i class=\"%s\" style=\"width:%.1f%%\"></i>", sev_name(order[k]),
                        100.0 * (double)rc->n[order[k]] / (double)t);
        fputs("</span>", o);
        if (rc->summary) {
            /* The rule's page (what, why, examples, how to silence it): run/rules.h. */
            char url[512];
            fputs("<span class=\"sum\">", o);
            put_str(o, rc->summary);
            fputs(" <a class=\"doc\" href=\"", o);
            put_str(o, tqc_rules_doc_url(rc->id, url, sizeof url));
            fputs("\">docs</a></span>", o);
        }
        fputs("</li>", o);
    }
    fputs("</ul>", o);
    if (silent) {
        fputs("<p class=\"none\">Nothing found by ", o);
        size_t k = 0;
        for (size_t i = 0; i < h->count_n; i++) {
            const rule_tally *rc = &h->counts[i];
            if (rc->n[0] + rc->n[1] + rc->n[2])
                continue;
            fputs(k++ ? ", <code>" : "<code>", o);
            put_str(o, rc->id);
            fputs("</code>", o);
        }
        fputs(".</p>", o);
    }
    fputs("</section>\n", o);
    if (h->toc_n > 1) {
        fputs("<section class=\"toc\"><h2>Articles</h2>", o);
        for (size_t i = 0; i < h->toc_n; i++) {
            /* Long paths keep their end (the file name) in view; the title has it all. */
            fprintf(o, "<a href=\"#d%zu\" title=\"", i + 1);
            put_str(o, h->toc[i].name);
            fputs("\"><b><bdi>", o);
            put_str(o, h->toc[i].name);
            fprintf(o, "</bdi></b><span>%zu</span></a>", h->toc[i].findings);
        }
        fputs("</section>\n", o);
    }
    fputs("<section class=\"legend\"><h2>Legend</h2>"
          "<span class=\"sw error\"></span> error: certainly broken<br>"
          "<span class=\"sw warning\"></span> warning: very probably<br>"
          "<span class=\"sw info\"></span> info: a hint<br>"
          "<del>deleted</del> <ins>inserted</ins> by a fix<br>"
          "Hover a highlight, or move to it with Tab, to read the rule, message and "
          "suggestion. Esc closes it.</section>\n</aside>\n", o);
}

tqc_status tqc_html_write(tqc_html *h, FILE *o)
{
    if (fflush(h->body) != 0 || ferror(h->body))
        return TQC_ENOMEM;
    size_t total = h->findings[0] + h->findings[1] + h->findings[2];
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
          "<meta name=\"generator\" content=\"tqc " TQC_VERSION "\">\n"
          "<link rel=\"icon\" href=\"data:,\">\n<title>", o);
    if (h->toc_n == 1) {
        put_str(o, h->toc[0].name);
        fputs(" \xE2\x80\x94 ", o);
    }
    fprintf(o, "Translation quality report</title>\n<style>\n%s</style>\n</head>\n"
               "<body class=\"view-both\">\n<header class=\"top\"><div><h1>Translation quality report</h1>"
               "<p>tqc " TQC_VERSION " \xC2\xB7 %zu article%s \xC2\xB7 <span id=\"shown\">%zu</span> of %zu "
               "finding%s shown \xC2\xB7 %zu fix%s applied</p></div><div class=\"totals\">",
            STYLE, h->toc_n, h->toc_n == 1 ? "" : "s", total, total, total == 1 ? "" : "s", h->fixes,
            h->fixes == 1 ? "" : "es");
    static const tqc_severity order[] = {TQC_SEV_ERROR, TQC_SEV_WARNING, TQC_SEV_INFO};
    for (size_t k = 0; k < 3; k++)
        fprintf(o, "<span class=\"pill %s\">%zu %s%s</span>", sev_name(order[k]), h->findings[order[k]],
                sev_name(order[k]), h->findings[order[k]] == 1 || order[k] == TQC_SEV_INFO ? "" : "s");
    fprintf(o, "<span class=\"pill fix\">%zu fix%s</span></div></header>\n<div class=\"layout\">\n",
            h->fixes, h->fixes == 1 ? "" : "es");
    put_panel(h, o);
    fputs("<main>\n", o);
    fwrite(h->body_buf, 1, h->body_len, o);
    if (h->toc_n == 0)
        fputs("<p>No articles.</p>\n", o);
    fprintf(o, "</main>\n</div>\n<footer>Made by tqc " TQC_VERSION ". Only safe fixes are applied "
               "unless --all-fixes is given; take them with <code>tqc fix FILE</code>.</footer>\n"
               "<script>\n%s</script>\n</body>\n</html>\n", SCRIPT);
    return ferror(o) ? TQC_EIO : TQC_OK;
}
