/* fix: selects a doc's fixes, applies them, and runs check-and-fix rounds over a file
 * while keeping a map from the original bytes to the corrected ones (the regions), so
 * that reporters can show every change in the original's coordinates. A markup file
 * (HTML, XLIFF, TMX, JSONL) is read whole and re-read each round; its docs' maps place
 * each edit in the file's bytes, and an edit they cannot place 1:1 stays a suggestion. */
#include "run/fix.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/io.h"
#include "read/input.h"
#include "run/suppress.h"

/* ---- selecting ------------------------------------------------------------------- */

typedef struct cand {
    size_t start, end;
    const char *text;
    size_t len;
    size_t finding;     /* index into the findings */
    size_t pos;         /* index in position order */
    bool safe;
    tqc_severity sev;
    const char *rule;
} cand;

static int cmp_position(const void *pa, const void *pb)
{
    const cand *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return a->finding < b->finding ? -1 : a->finding > b->finding;
}

/* Which of two overlapping fixes wins: see tqc_fix_select. */
static int cmp_priority(const void *pa, const void *pb)
{
    const cand *a = pa, *b = pb;
    if (a->safe != b->safe)
        return a->safe ? -1 : 1;
    if (a->sev != b->sev)
        return a->sev > b->sev ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    int r = strcmp(a->rule, b->rule);
    if (r)
        return r;
    size_t n = a->len < b->len ? a->len : b->len;
    if (n && (r = memcmp(a->text, b->text, n)) != 0)
        return r;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return a->finding < b->finding ? -1 : a->finding > b->finding;
}

static bool same_edit(const cand *a, const cand *b)
{
    return a->start == b->start && a->end == b->end && a->len == b->len &&
           memcmp(a->text, b->text, a->len) == 0;
}

/* Two edits conflict when their bytes overlap, or when an insertion touches the other
 * edit: which should come first would be a guess. */
static bool conflicts(const cand *a, const cand *b)
{
    if (a->start == a->end)
        return b->start <= a->start && a->start <= b->end;
    if (b->start == b->end)
        return a->start <= b->start && b->start <= a->end;
    return a->start < b->end && b->start < a->end;
}

/* The edit a finding asks for, if any; *state says why not otherwise. */
static bool candidate(const tqc_doc *doc, const tqc_finding *f, bool all_fixes, cand *c,
                      tqc_fix_state *state)
{
    *state = TQC_FIX_NONE;
    if (f->has_fix) {
        if (!f->fix.safe && !all_fixes) {
            *state = TQC_FIX_MANUAL;
            return false;
        }
        c->start = f->fix.span.start;
        c->end = f->fix.span.end;
        c->text = f->fix.replacement;
        c->safe = f->fix.safe;
    } else if (f->suggestion_count) {
        if (!all_fixes) {
            *state = TQC_FIX_MANUAL;
            return false;
        }
        c->start = f->span.start;
        c->end = f->span.end;
        c->text = f->suggestions[0];
        c->safe = false;
    } else {
        return false;
    }
    c->len = strlen(c->text);
    if (c->start > c->end || c->end > doc->len)
        return false;
    if (c->len == c->end - c->start && memcmp(doc->text + c->start, c->text, c->len) == 0)
        return false;   /* replaces the bytes with themselves */
    c->sev = f->severity;
    c->rule = f->rule;
    return true;
}

tqc_status tqc_fix_select(const tqc_doc *doc, const tqc_finding *items, size_t count,
                          bool all_fixes, tqc_edit *edits, size_t *edit_count,
                          tqc_fix_state *states, size_t *edit_of)
{
    *edit_count = 0;
    if (count == 0)
        return TQC_OK;
    if (count > SIZE_MAX / (2 * sizeof(cand) + 2 * sizeof(size_t)))
        return TQC_ENOMEM;
    cand *c = tqc_malloc(count * sizeof *c), *scratch = tqc_malloc(count * sizeof *scratch);
    size_t *winner = tqc_malloc(count * sizeof *winner), *edit_at = tqc_malloc(count * sizeof *edit_at);
    if (!c || !scratch || !winner || !edit_at) {
        free(c);
        free(scratch);
        free(winner);
        free(edit_at);
        return TQC_ENOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        if (edit_of)
            edit_of[i] = SIZE_MAX;
        if (candidate(doc, &items[i], all_fixes, &c[n], &states[i]))
            c[n++].finding = i;
    }
    qsort(c, n, sizeof *c, cmp_position);
    for (size_t i = 0; i < n; i++) {
        c[i].pos = i;
        winner[i] = SIZE_MAX;
    }
    /* Conflicts are local: settle each cluster of touching candidates by priority. */
    for (size_t a = 0, b; a < n; a = b) {
        size_t max_end = c[a].end;
        for (b = a + 1; b < n && c[b].start <= max_end; b++)
            if (c[b].end > max_end)
                max_end = c[b].end;
        size_t k = b - a;
        memcpy(scratch, c + a, k * sizeof *scratch);
        qsort(scratch, k, sizeof *scratch, cmp_priority);
        size_t taken = 0;   /* scratch[0, taken) are the accepted ones */
        for (size_t i = 0; i < k; i++) {
            cand cur = scratch[i];
            size_t to = cur.pos;
            bool blocked = false;
            for (size_t j = 0; j < taken; j++) {
                if (same_edit(&scratch[j], &cur)) {
                    to = scratch[j].pos;
                    break;
                }
                if (conflicts(&scratch[j], &cur)) {
                    blocked = true;
                    break;
                }
            }
            if (blocked) {
                states[cur.finding] = TQC_FIX_CONFLICT;
                continue;
            }
            winner[cur.pos] = to;
            if (to == cur.pos)
                scratch[taken++] = cur;
        }
    }
    /* Accepted edits in position order; then every applied finding points at its edit. */
    for (size_t i = 0; i < n; i++) {
        edit_at[i] = SIZE_MAX;
        if (winner[i] == i) {
            edit_at[i] = *edit_count;
            edits[(*edit_count)++] = (tqc_edit){tqc_span_make(c[i].start, c[i].end),
                                                c[i].text, c[i].len, c[i].finding};
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (winner[i] == SIZE_MAX)
            continue;
        states[c[i].finding] = TQC_FIX_APPLIED;
        if (edit_of)
            edit_of[c[i].finding] = edit_at[winner[i]];
    }
    free(c);
    free(scratch);
    free(winner);
    free(edit_at);
    return TQC_OK;
}

/* ---- applying -------------------------------------------------------------------- */

tqc_status tqc_fix_apply(const char *text, size_t len, const tqc_edit *edits, size_t n,
                         char **out, size_t *out_len, tqc_span *new_spans)
{
    *out = NULL;
    *out_len = 0;
    size_t total = len, prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        tqc_span s = edits[i].span;
        if (s.start > s.end || s.end > len || s.start < prev_end)
            return TQC_EUSAGE;
        prev_end = s.end;
        total -= tqc_span_len(s);
        if (edits[i].len > SIZE_MAX - 1 - total)
            return TQC_ENOMEM;
        total += edits[i].len;
    }
    char *buf = tqc_malloc(total + 1);
    if (!buf)
        return TQC_ENOMEM;
    size_t o = 0, at = 0;
    for (size_t i = 0; i < n; i++) {
        tqc_span s = edits[i].span;
        memcpy(buf + o, text + at, s.start - at);
        o += s.start - at;
        if (edits[i].len)
            memcpy(buf + o, edits[i].text, edits[i].len);
        if (new_spans)
            new_spans[i] = tqc_span_make(o, o + edits[i].len);
        o += edits[i].len;
        at = s.end;
    }
    memcpy(buf + o, text + at, len - at);
    o += len - at;
    buf[o] = '\0';
    *out = buf;
    *out_len = o;
    return TQC_OK;
}

/* ---- the file loop --------------------------------------------------------------- */

/* A region while it is being built: its notes are a linked list through builder.next. */
typedef struct region {
    size_t o0, o1, n0, n1;
    size_t head, tail;  /* SIZE_MAX when it has no notes */
} region;

typedef struct vec {
    void *items;
    size_t count, cap;
} vec;

#define VEC_AT(v, type) ((type *)(v).items)

/* The edits of one round over a markup file, in file offsets, with their note lists. */
typedef struct file_edits {
    vec edits;          /* tqc_edit */
    vec heads, tails;   /* size_t: each edit's notes */
} file_edits;

/* What one file's fix builds, and the hooks' context while the pipeline
 * (run/pipeline.h) takes the file's docs through its stages. */
typedef struct builder {
    tqc_checker *ck;                /* the file's checker (its settings) */
    const tqc_fix_options *opts;    /* the caller's: its language note */
    const char *name, *lang;
    bool all_fixes, text_only;
    const tqc_pipe_filter *filter;  /* the pipeline's baseline stage (run/pipeline.h) */
    tqc_pipe_lang lang_stage;       /* and its language stage, kept across the rounds */
    unsigned max_rounds;
    size_t max_bytes;
    tqc_arena *arena;   /* strings; becomes the result doc's arena */
    vec old, fixed;     /* bytes */
    vec findings, states, regions, notes, next, sentences, paragraphs;
    unsigned rounds;
    size_t found, applied;  /* of findings already dropped (text_only) */
    /* Between the hooks: */
    tqc_checker *doc_ck;    /* plain text: the chunk's checker, for its later rounds */
    unsigned round;         /* markup: the round the file is read in */
    file_edits fe;          /* markup: that round's edits */
    tqc_suppress *sup;      /* markup: the directives in that round's bytes */
    char err[512];          /* why a hook failed (for the caller's err) */
} builder;

/* Room for more items of size bytes each; false when out of memory. */
static bool grow(vec *v, size_t more, size_t size)
{
    return tqc_grow(&v->items, &v->cap, v->count, more, size);
}

/* Appends n bytes, keeping a NUL after them. */
static bool push_bytes(vec *v, const char *s, size_t n)
{
    if (n == SIZE_MAX || !grow(v, n + 1, 1))
        return false;
    if (n)
        memcpy((char *)v->items + v->count, s, n);
    v->count += n;
    ((char *)v->items)[v->count] = '\0';
    return true;
}

static const char *keep(builder *b, const char *s)
{
    /* text_only reports no finding: its strings would only fill the arena. */
    if (b->text_only)
        return "";
    return tqc_arena_strndup(b->arena, s, strlen(s));
}

/* span of doc in the file: moved by shift for a chunk of plain text, through the map
 * for a doc read from markup. */
static tqc_span place(const tqc_doc *doc, tqc_span span, size_t shift)
{
    if (doc->map_count)
        return tqc_doc_file_span(doc, span);
    return tqc_span_make(span.start + shift, span.end + shift);
}

/* Whether the edit a finding asks for (its fix, or with all_fixes its first suggestion)
 * can be made in the file: always in plain text; in markup only where the text is the
 * file's bytes 1:1 (no entity, tag or collapsed space inside the span) and the
 * replacement needs no escaping there. Otherwise it stays a suggestion. */
static bool edit_maps(const tqc_doc *doc, const tqc_finding *f, bool all_fixes)
{
    if (!doc->map_count)
        return true;
    tqc_span span;
    const char *text;
    if (f->has_fix) {
        span = f->fix.span;
        text = f->fix.replacement;
    } else if (all_fixes && f->suggestion_count) {
        span = f->span;
        text = f->suggestions[0];
    } else {
        return true;    /* nothing to edit */
    }
    /* Markup and JSON syntax: '&' and '<' would be read as markup (and in CDATA must not
     * be escaped), '"' and '\' end or escape a JSON string; control bytes neither. */
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p == '&' || *p == '<' || *p == '"' || *p == '\\' || *p < 0x20)
            return false;
    return tqc_doc_span_exact(doc, span);
}

/* Copies f with its spans placed in the file (place); its strings go to the arena. A
 * fix that cannot be made in the file (edit_maps) is dropped, and its replacement, when
 * it replaces the finding's span, becomes the first suggestion. */
static bool keep_finding(builder *b, const tqc_doc *doc, const tqc_finding *f, size_t shift)
{
    if (!grow(&b->findings, 1, sizeof(tqc_finding)) || !grow(&b->states, 1, sizeof(tqc_fix_state)))
        return false;
    tqc_finding c = *f;
    c.span = place(doc, f->span, shift);
    c.message = keep(b, f->message);
    c.also = f->also ? keep(b, f->also) : NULL;
    bool ok = c.message && (!f->also || c.also);
    for (size_t i = 0; i < f->suggestion_count; i++)
        ok = ok && (c.suggestions[i] = keep(b, f->suggestions[i])) != NULL;
    if (f->has_fix && !edit_maps(doc, f, false)) {
        c.has_fix = false;
        bool same = f->fix.span.start == f->span.start && f->fix.span.end == f->span.end;
        for (size_t i = 0; same && i < c.suggestion_count; i++)
            same = strcmp(c.suggestions[i], f->fix.replacement) != 0;
        if (same) {
            size_t n = c.suggestion_count < TQC_MAX_SUGGESTIONS ? c.suggestion_count
                                                                 : TQC_MAX_SUGGESTIONS - 1;
            memmove(c.suggestions + 1, c.suggestions, n * sizeof c.suggestions[0]);
            c.suggestion_count = n + 1;
            ok = ok && (c.suggestions[0] = keep(b, f->fix.replacement)) != NULL;
        }
    } else if (f->has_fix) {
        c.fix.span = place(doc, f->fix.span, shift);
        ok = ok && (c.fix.replacement = keep(b, f->fix.replacement)) != NULL;
    }
    if (!ok)
        return false;
    VEC_AT(b->findings, tqc_finding)[b->findings.count++] = c;
    VEC_AT(b->states, tqc_fix_state)[b->states.count++] = TQC_FIX_NONE;
    return true;
}

/* Keeps doc's sentences and paragraphs, moved by shift (tokens are not kept). */
static bool keep_structure(builder *b, const tqc_doc *doc, size_t shift)
{
    if (b->text_only)
        return true;
    size_t s0 = b->sentences.count, p0 = b->paragraphs.count;
    if (!grow(&b->sentences, doc->sentence_count, sizeof(tqc_sentence)) ||
        !grow(&b->paragraphs, doc->paragraph_count, sizeof(tqc_paragraph)))
        return false;
    for (size_t i = 0; i < doc->sentence_count; i++) {
        tqc_sentence s = doc->sentences[i];
        s.span = place(doc, s.span, shift);
        s.tok_first = s.tok_count = 0;
        s.paragraph += p0;
        VEC_AT(b->sentences, tqc_sentence)[b->sentences.count++] = s;
    }
    for (size_t i = 0; i < doc->paragraph_count; i++) {
        tqc_paragraph p = doc->paragraphs[i];
        p.span = place(doc, p.span, shift);
        p.sent_first += s0;
        VEC_AT(b->paragraphs, tqc_paragraph)[b->paragraphs.count++] = p;
    }
    return true;
}

/* A note for f, whose fix was applied in round; its index, or SIZE_MAX (no memory). */
static size_t add_note(builder *b, const tqc_finding *f, unsigned round, size_t kept)
{
    if (!grow(&b->notes, 1, sizeof(tqc_fix_note)) || !grow(&b->next, 1, sizeof(size_t)))
        return SIZE_MAX;
    tqc_fix_note n = {f->rule, NULL, NULL, f->severity, f->has_fix && f->fix.safe, round,
                      round == 0 ? kept : SIZE_MAX};
    if (round == 0) {   /* the kept finding's strings already live in the arena */
        const tqc_finding *k = &VEC_AT(b->findings, tqc_finding)[kept];
        n.message = k->message;
        n.also = k->also;
    } else {
        n.message = keep(b, f->message);
        n.also = f->also ? keep(b, f->also) : NULL;
        if (!n.message || (f->also && !n.also))
            return SIZE_MAX;
    }
    VEC_AT(b->notes, tqc_fix_note)[b->notes.count] = n;
    VEC_AT(b->next, size_t)[b->next.count++] = SIZE_MAX;
    return b->notes.count++;
}

/* Appends the note list (h2, t2) to (*h, *t). */
static void link_notes(builder *b, size_t *h, size_t *t, size_t h2, size_t t2)
{
    if (h2 == SIZE_MAX)
        return;
    if (*h == SIZE_MAX)
        *h = h2;
    else
        VEC_AT(b->next, size_t)[*t] = h2;
    *t = t2;
}

/* Composes regions R (text0 -> text_k) with one round's edits E (text_k -> text_k+1;
 * new_spans their places in text_k+1, eh/et their note lists) into regions text0 ->
 * text_k+1. Items whose text_k spans touch merge, so regions stay apart. */
static tqc_status compose(builder *b, region **rp, size_t *rn, const tqc_edit *E,
                          const tqc_span *new_spans, const size_t *eh, const size_t *et, size_t en)
{
    region *R = *rp, *out = tqc_malloc((*rn + en) * sizeof *out);
    if (!out)
        return TQC_ENOMEM;
    size_t i = 0, j = 0, m = 0;
    size_t r_old = 0, r_new = 0;    /* lengths in text0 and text_k of the regions passed */
    size_t e_old = 0, e_new = 0;    /* lengths in text_k and text_k+1 of the edits passed */
    while (i < *rn || j < en) {
        bool take_r = j == en || (i < *rn && R[i].n0 <= E[j].span.start);
        size_t x0 = take_r ? R[i].n0 : E[j].span.start, x1 = x0;
        region c = {0, 0, 0, 0, SIZE_MAX, SIZE_MAX};
        c.o0 = x0 - r_new + r_old;
        c.n0 = x0 - e_old + e_new;
        for (;;) {
            if (i < *rn && R[i].n0 <= x1 && (j == en || R[i].n0 <= E[j].span.start)) {
                if (R[i].n1 > x1)
                    x1 = R[i].n1;
                r_old += R[i].o1 - R[i].o0;
                r_new += R[i].n1 - R[i].n0;
                link_notes(b, &c.head, &c.tail, R[i].head, R[i].tail);
                i++;
            } else if (j < en && E[j].span.start <= x1) {
                if (E[j].span.end > x1)
                    x1 = E[j].span.end;
                e_old += tqc_span_len(E[j].span);
                e_new += tqc_span_len(new_spans[j]);
                link_notes(b, &c.head, &c.tail, eh[j], et[j]);
                j++;
            } else {
                break;
            }
        }
        c.o1 = x1 - r_new + r_old;
        c.n1 = x1 - e_old + e_new;
        out[m++] = c;
    }
    free(R);
    *rp = out;
    *rn = m;
    return TQC_OK;
}

/* One round over doc: selects the edits of its findings (states gets what became of
 * each), applies them (*next, *next_len: the new text, NULL when nothing changed),
 * records notes and composes the edits into the regions. */
static tqc_status fix_round(builder *b, const tqc_doc *doc, const tqc_findings *found,
                            unsigned round, size_t first_kept, tqc_fix_state *states,
                            region **R, size_t *rn, char **next, size_t *next_len)
{
    *next = NULL;
    size_t n = found->count;
    if (n == 0)
        return TQC_OK;
    tqc_edit *edits = tqc_malloc(n * sizeof *edits);
    tqc_span *spans = tqc_malloc(n * sizeof *spans);
    size_t *edit_of = tqc_malloc(n * sizeof *edit_of), *eh = tqc_malloc(n * sizeof *eh),
           *et = tqc_malloc(n * sizeof *et);
    size_t en = 0;
    tqc_status st = TQC_ENOMEM;
    if (!edits || !spans || !edit_of || !eh || !et)
        goto out;
    st = tqc_fix_select(doc, found->items, n, b->all_fixes, edits, &en, states, edit_of);
    if (st != TQC_OK || en == 0)
        goto out;
    if ((st = tqc_fix_apply(doc->text, doc->len, edits, en, next, next_len, spans)) != TQC_OK)
        goto out;
    for (size_t e = 0; e < en; e++)
        eh[e] = et[e] = SIZE_MAX;
    st = TQC_ENOMEM;
    for (size_t k = 0; k < n; k++) {
        if (edit_of[k] == SIZE_MAX)
            continue;
        size_t note = add_note(b, &found->items[k], round, first_kept + k);
        if (note == SIZE_MAX)
            goto out;
        link_notes(b, &eh[edit_of[k]], &et[edit_of[k]], note, note);
    }
    st = compose(b, R, rn, edits, spans, eh, et, en);
out:
    if (st != TQC_OK) {
        free(*next);
        *next = NULL;
    }
    free(edits);
    free(spans);
    free(edit_of);
    free(eh);
    free(et);
    return st;
}

/* A finding whose fix lost to an overlapping one counts as applied when a later round
 * applied a fix of its rule over the same bytes (regions and findings in file offsets). */
static void settle_deferred(builder *b, size_t first, const region *R, size_t r0, size_t rn)
{
    const tqc_finding *fs = VEC_AT(b->findings, tqc_finding);
    tqc_fix_state *states = VEC_AT(b->states, tqc_fix_state);
    const tqc_fix_note *notes = VEC_AT(b->notes, tqc_fix_note);
    const size_t *next = VEC_AT(b->next, size_t);
    for (size_t k = first; k < b->findings.count; k++) {
        if (states[k] != TQC_FIX_CONFLICT)
            continue;
        tqc_span s = fs[k].has_fix ? fs[k].fix.span : fs[k].span;
        for (size_t r = r0; r < rn && states[k] == TQC_FIX_CONFLICT; r++) {
            if (R[r].o0 > s.end || s.start > R[r].o1)
                continue;
            for (size_t x = R[r].head; x != SIZE_MAX; x = next[x])
                if (notes[x].round > 0 && strcmp(notes[x].rule, fs[k].rule) == 0)
                    states[k] = TQC_FIX_APPLIED;
        }
    }
}

/* Appends a chunk's regions (chunk offsets) to the file's, merging one that touches
 * the previous chunk's last region. */
static bool keep_regions(builder *b, const region *R, size_t rn, size_t base_old, size_t base_new)
{
    if (!grow(&b->regions, rn, sizeof(region)))
        return false;
    region *all = VEC_AT(b->regions, region);
    for (size_t i = 0; i < rn; i++) {
        region r = {R[i].o0 + base_old, R[i].o1 + base_old, R[i].n0 + base_new,
                    R[i].n1 + base_new, R[i].head, R[i].tail};
        region *prev = b->regions.count ? &all[b->regions.count - 1] : NULL;
        if (prev && prev->o1 >= r.o0) {
            prev->o1 = r.o1;
            prev->n1 = r.n1;
            link_notes(b, &prev->head, &prev->tail, r.head, r.tail);
        } else {
            all[b->regions.count++] = r;
        }
    }
    return true;
}

/* Checks doc with ck as tqc check does: its findings, less those the file's tqc-disable
 * comments cover (run/suppress.h), never one inside such a comment, and less those the
 * pipeline's baseline stage leaves out (again: a later round, checking corrected text).
 * sup (NULL: read from the plain doc's own text) holds the directives of a markup file's
 * bytes. The directives of a plain file are read per chunk: a region opened in one
 * 256 KiB chunk and closed in a later one covers only its own chunk when fixing. Fix
 * filters here, before it selects, where check filters in its sink
 * (run/suppress_file.h, which hands a doc on one behind); both use run/suppress.c. */
static tqc_status check_unsuppressed(builder *b, tqc_checker *ck, tqc_doc *doc,
                                     tqc_findings *found, tqc_suppress *sup, bool again)
{
    tqc_status st = tqc_check_doc(ck, doc, found);
    if (st != TQC_OK || found->count == 0)
        return st;
    tqc_suppress *own = NULL;
    if (!sup) {
        if (!(own = tqc_suppress_new()))
            return TQC_ENOMEM;
        tqc_suppress_pos pos = {doc->base_offset, doc->base_line + 1, doc->base_column};
        st = tqc_suppress_scan(own, doc->text, doc->len, pos, false);
        sup = own;
    }
    if (st == TQC_OK) {
        tqc_suppress_apply(sup, found);
        tqc_pipe_filter_findings(b->filter, found, again);
    }
    tqc_suppress_free(own);
    return st;
}

/* text_only: counts the findings kept since first (regions since first_region, notes
 * since first_note) and drops them, once deferred fixes are settled, so that a large
 * file's findings never pile up. */
static void drop_detail(builder *b, size_t first, size_t first_region, size_t first_note)
{
    const tqc_fix_state *states = VEC_AT(b->states, tqc_fix_state);
    for (size_t k = first; k < b->findings.count; k++)
        b->applied += states[k] == TQC_FIX_APPLIED;
    b->found += b->findings.count - first;
    b->findings.count = b->states.count = first;
    b->regions.count = first_region;
    b->notes.count = b->next.count = first_note;
}

/* ---- the pipeline's hooks (run/pipeline.h) ----------------------------------------- */

/* The language stage told the file's language: the caller's note. */
static tqc_status hook_lang(void *ctx, const tqc_pipe_lang *pl, const tqc_doc *doc,
                            tqc_checker *ck, bool told)
{
    builder *b = ctx;
    return b->opts->on_lang && b->round == 0
               ? b->opts->on_lang(b->opts->ctx, pl, doc, ck, told)
               : TQC_OK;
}

/* Plain text, the check stage: a chunk (doc, the next bytes of the file) checked with
 * the checker of its language; its findings go to hook_chunk. */
static tqc_status hook_check_chunk(void *ctx, tqc_checker *ck, tqc_doc *doc,
                                   tqc_findings *found)
{
    builder *b = ctx;
    /* The reader skips a UTF-8 byte order mark; the file keeps it. */
    if (doc->base_offset == 3 && b->old.count == 0 &&
        (!push_bytes(&b->old, "\xEF\xBB\xBF", 3) || !push_bytes(&b->fixed, "\xEF\xBB\xBF", 3)))
        return TQC_ENOMEM;
    if (doc->base_offset != b->old.count) {
        snprintf(b->err, sizeof b->err, "%s: chunk at offset %zu does not follow offset %zu",
                 b->name, doc->base_offset, b->old.count);
        return TQC_EINPUT;
    }
    if (doc->len > b->max_bytes || b->old.count > b->max_bytes - doc->len) {
        snprintf(b->err, sizeof b->err, "%s: larger than %zu MiB, the most fix and diff read "
                 "(check has no limit)", b->name, b->max_bytes >> 20);
        return TQC_ELIMIT;
    }
    b->doc_ck = ck;
    return check_unsuppressed(b, ck, doc, found, NULL, false);
}

/* Plain text, the sink: fixes the chunk in rounds (check, select, apply, check again)
 * and appends its bytes, corrected bytes, findings, structure and regions to the
 * builder. It takes the doc and its findings. */
static tqc_status hook_chunk(void *ctx, tqc_doc **docp, tqc_findings *first_found)
{
    builder *b = ctx;
    tqc_doc *orig = *docp, *doc = orig;
    tqc_findings found = *first_found;
    *docp = NULL;
    tqc_findings_init(first_found, NULL);
    size_t base_old = b->old.count, base_new = b->fixed.count;
    size_t first = b->findings.count, first_region = b->regions.count;
    size_t first_note = b->notes.count;
    region *R = NULL;
    size_t rn = 0;
    char *cur = NULL;   /* the corrected text, once a round changed something */
    size_t cur_len = orig->len;
    tqc_fix_state *states = NULL;
    tqc_status st = keep_structure(b, doc, base_old) ? TQC_OK : TQC_ENOMEM;
    for (size_t k = 0; st == TQC_OK && k < found.count; k++)
        if (!keep_finding(b, doc, &found.items[k], base_old))
            st = TQC_ENOMEM;
    for (unsigned round = 0; st == TQC_OK; round++) {
        if (found.count) {
            tqc_fix_state *s2 = tqc_realloc(states, found.count * sizeof *s2);
            if (!s2) {
                st = TQC_ENOMEM;
                break;
            }
            states = s2;
        }
        char *next;
        size_t next_len;
        st = fix_round(b, doc, &found, round, first, states, &R, &rn, &next, &next_len);
        if (st == TQC_OK && round == 0 && found.count)
            memcpy(VEC_AT(b->states, tqc_fix_state) + first, states, found.count * sizeof *states);
        if (st != TQC_OK || !next)
            break;
        free(cur);
        cur = next;
        cur_len = next_len;
        if (round + 1 > b->rounds)
            b->rounds = round + 1;
        tqc_findings_release(&found);
        if (doc != orig)
            tqc_doc_free(doc);
        doc = NULL;
        if (round + 1 >= b->max_rounds)
            break;
        /* Check the corrected text again: a fix may uncover or unblock another. */
        if (!(doc = tqc_doc_new(b->name, cur, cur_len, orig->lang))) {
            st = TQC_ENOMEM;
            break;
        }
        doc->base_offset = base_new;
        doc->base_line = orig->base_line;
        doc->base_column = orig->base_column;
        tqc_findings_init(&found, doc);
        st = check_unsuppressed(b, b->doc_ck, doc, &found, NULL, true);
    }
    free(states);
    tqc_findings_release(&found);
    if (doc != orig)
        tqc_doc_free(doc);
    if (st == TQC_OK && (!push_bytes(&b->old, orig->text, orig->len) ||
                         !push_bytes(&b->fixed, cur ? cur : orig->text, cur_len) ||
                         !keep_regions(b, R, rn, base_old, base_new)))
        st = TQC_ENOMEM;
    if (st == TQC_OK)
        settle_deferred(b, first, VEC_AT(b->regions, region), first_region, b->regions.count);
    if (st == TQC_OK && b->text_only)
        drop_detail(b, first, first_region, first_note);
    tqc_doc_free(orig);
    free(R);
    free(cur);
    return st;
}

/* ---- markup files ------------------------------------------------------------------ */

static void file_edits_release(file_edits *fe)
{
    free(fe->edits.items);
    free(fe->heads.items);
    free(fe->tails.items);
    memset(fe, 0, sizeof *fe);
}

/* Markup, the check stage: a doc checked with the checker of its language, less what the
 * round's directives cover. */
static tqc_status hook_check_markup(void *ctx, tqc_checker *ck, tqc_doc *doc,
                                    tqc_findings *found)
{
    builder *b = ctx;
    return check_unsuppressed(b, ck, doc, found, b->sup, b->round > 0);
}

/* Markup, the sink: keeps a doc's findings and structure (round 0), selects the edits
 * that can be made in the file (edit_maps; the others stay suggestions,
 * TQC_FIX_MANUAL) and adds them to the round's edits in file offsets. */
static tqc_status hook_markup(void *ctx, tqc_doc **docp, tqc_findings *foundp)
{
    builder *b = ctx;
    const tqc_doc *doc = *docp;
    const tqc_findings found = *foundp;
    unsigned round = b->round;
    file_edits *fe = &b->fe;
    size_t n = found.count, first = b->findings.count;
    if (n == 0)
        return TQC_OK;
    if (round == 0) {
        if (!keep_structure(b, doc, 0))
            return TQC_ENOMEM;
        for (size_t k = 0; k < n; k++)
            if (!keep_finding(b, doc, &found.items[k], 0))
                return TQC_ENOMEM;
    }
    tqc_status st = TQC_ENOMEM;
    tqc_finding *items = tqc_malloc(n * sizeof *items);
    tqc_edit *edits = tqc_malloc(n * sizeof *edits);
    tqc_fix_state *states = tqc_malloc(n * sizeof *states);
    size_t *edit_of = tqc_malloc(n * sizeof *edit_of), en = 0;
    bool *kept_back = tqc_calloc(n, sizeof *kept_back);
    if (!items || !edits || !states || !edit_of || !kept_back)
        goto out;
    /* Selection sees only the edits the file can take, so one that cannot is never
     * preferred to one that can. */
    memcpy(items, found.items, n * sizeof *items);
    for (size_t k = 0; k < n; k++)
        if (!edit_maps(doc, &items[k], b->all_fixes)) {
            items[k].has_fix = false;
            items[k].suggestion_count = 0;
            kept_back[k] = true;
        }
    if ((st = tqc_fix_select(doc, items, n, b->all_fixes, edits, &en, states, edit_of)) != TQC_OK)
        goto out;
    for (size_t k = 0; k < n; k++)
        if (kept_back[k])
            states[k] = TQC_FIX_MANUAL;
    if (round == 0)
        memcpy(VEC_AT(b->states, tqc_fix_state) + first, states, n * sizeof *states);
    st = TQC_ENOMEM;
    size_t e0 = fe->edits.count;
    if (!grow(&fe->edits, en, sizeof(tqc_edit)) || !grow(&fe->heads, en, sizeof(size_t)) ||
        !grow(&fe->tails, en, sizeof(size_t)))
        goto out;
    for (size_t e = 0; e < en; e++) {
        /* The replacement lives in the doc's arena, which goes with the doc. */
        const char *text = tqc_arena_strndup(b->arena, edits[e].text, edits[e].len);
        if (!text)
            goto out;
        size_t at = tqc_doc_file_offset(doc, edits[e].span.start);
        VEC_AT(fe->edits, tqc_edit)[fe->edits.count++] =
            (tqc_edit){tqc_span_make(at, at + tqc_span_len(edits[e].span)), text, edits[e].len,
                       edits[e].finding};
        VEC_AT(fe->heads, size_t)[fe->heads.count++] = SIZE_MAX;
        VEC_AT(fe->tails, size_t)[fe->tails.count++] = SIZE_MAX;
    }
    for (size_t k = 0; k < n; k++) {
        if (edit_of[k] == SIZE_MAX)
            continue;
        size_t note = add_note(b, &found.items[k], round, first + k);
        if (note == SIZE_MAX)
            goto out;
        link_notes(b, &VEC_AT(fe->heads, size_t)[e0 + edit_of[k]],
                   &VEC_AT(fe->tails, size_t)[e0 + edit_of[k]], note, note);
    }
    st = TQC_OK;
out:
    free(items);
    free(edits);
    free(states);
    free(edit_of);
    free(kept_back);
    return st;
}

/* One check-and-fix round over the whole markup file text[0, len): its docs go through
 * the pipeline (tqc_pipe_file: the format's reader, the language stage, the hooks
 * above), and the edits are applied to the file's bytes (*next, NULL when nothing
 * changed) and composed into the regions. */
static tqc_status markup_round(builder *b, const char *text, size_t len, tqc_input_format format,
                               region **R, size_t *rn, char **next, size_t *next_len,
                               char *err, size_t errlen)
{
    *next = NULL;
    if (len == 0)
        return TQC_OK;
    FILE *f = fmemopen((void *)text, len, "rb");
    if (!f)
        return TQC_ENOMEM;
    tqc_input_options io = {.format = format, .lang = b->lang, .name = b->name,
                            .lang_from_file = b->lang_stage.detect};
    tqc_input *in = NULL;
    file_edits_release(&b->fe);
    /* The comments are in the markup, not in the docs' text: read once per round. */
    b->sup = tqc_suppress_new();
    tqc_status st = b->sup ? tqc_suppress_scan(b->sup, text, len, (tqc_suppress_pos){0, 1, 0}, true)
                           : TQC_ENOMEM;
    if (st == TQC_OK)
        st = tqc_input_open_stream(f, &io, &in, err, errlen);
    tqc_pipe_hooks h = {.ctx = b, .lang = hook_lang, .check = hook_check_markup,
                        .doc = hook_markup};
    if (st == TQC_OK)
        st = tqc_pipe_file(in, &b->lang_stage, NULL, 1, &h, err, errlen);
    tqc_input_close(in);
    tqc_suppress_free(b->sup);
    b->sup = NULL;
    fclose(f);
    size_t en = b->fe.edits.count;
    tqc_edit *E = VEC_AT(b->fe.edits, tqc_edit);
    /* Docs come in file order and their texts do not share bytes, so the edits are
     * sorted; a reader that broke that would make tqc_fix_apply refuse them. */
    tqc_span *spans = st == TQC_OK && en ? tqc_malloc(en * sizeof *spans) : NULL;
    if (st == TQC_OK && en && !spans)
        st = TQC_ENOMEM;
    if (st == TQC_OK && en)
        st = tqc_fix_apply(text, len, E, en, next, next_len, spans);
    if (st == TQC_OK && en)
        st = compose(b, R, rn, E, spans, VEC_AT(b->fe.heads, size_t),
                     VEC_AT(b->fe.tails, size_t), en);
    if (st != TQC_OK) {
        free(*next);
        *next = NULL;
    }
    free(spans);
    file_edits_release(&b->fe);
    return st;
}

/* The check-and-fix loop over a markup file read whole: each round re-reads the
 * corrected bytes, so what a fix uncovers is found as in plain text. */
static tqc_status fix_markup_bytes(builder *b, const char *orig, size_t len,
                                   tqc_input_format format, char *err, size_t errlen)
{
    tqc_status st = TQC_OK;
    region *R = NULL;
    size_t rn = 0;
    char *cur = NULL;
    size_t cur_len = len;
    for (b->round = 0; st == TQC_OK && b->round < b->max_rounds; b->round++) {
        char *next;
        size_t next_len;
        st = markup_round(b, cur ? cur : orig, cur_len, format, &R, &rn, &next, &next_len,
                          err, errlen);
        if (st != TQC_OK || !next)
            break;
        free(cur);
        cur = next;
        cur_len = next_len;
        b->rounds = b->round + 1;
    }
    if (st == TQC_OK && (!push_bytes(&b->old, orig, len) ||
                         !push_bytes(&b->fixed, cur ? cur : orig, cur_len) ||
                         !keep_regions(b, R, rn, 0, 0)))
        st = TQC_ENOMEM;
    if (st == TQC_OK)
        settle_deferred(b, 0, VEC_AT(b->regions, region), 0, b->regions.count);
    free(R);
    free(cur);
    return st;
}

/* Reads the whole input (path, or standard input for "-") into *buf, up to max bytes. */
static tqc_status slurp(const char *path, const char *name, size_t max, char **buf, size_t *len,
                        char *err, size_t errlen)
{
    *buf = NULL;
    *len = 0;
    bool std = strcmp(path, "-") == 0;
    FILE *f = std ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", name, strerror(errno));
        return TQC_EIO;
    }
    tqc_status st = tqc_io_read_stream(f, name, max, buf, len, err, errlen);
    if (!std)
        fclose(f);
    if (st == TQC_ELIMIT)
        snprintf(err, errlen, "%s: larger than %zu MiB, the most fix and diff read "
                 "(check has no limit)", name, max >> 20);
    return st;
}

static tqc_status fix_markup(builder *b, const char *path, tqc_input_format format, char *err,
                             size_t errlen)
{
    char *orig;
    size_t len;
    tqc_status st = slurp(path, b->name, b->max_bytes, &orig, &len, err, errlen);
    if (st == TQC_OK)
        st = fix_markup_bytes(b, orig, len, format, err, errlen);
    free(orig);
    return st;
}

/* A plain file: its chunks go through the pipeline (tqc_pipe_file: the text reader, the
 * language stage, the hooks above). */
static tqc_status fix_text_file(builder *b, const char *path, char *err, size_t errlen)
{
    tqc_input_options io = {.format = TQC_INPUT_TEXT, .lang = b->lang, .name = b->name};
    tqc_input *in = NULL;
    tqc_status st = tqc_input_open(path, &io, &in, err, errlen);
    /* check reads a UTF-16 text decoded; fix would write it back as UTF-8. */
    if (st == TQC_OK && tqc_input_decoded(in)) {
        snprintf(err, errlen, "%s: UTF-16 text is not supported by fix and diff; convert it "
                 "to UTF-8 (iconv -f UTF-16 -t UTF-8)", b->name);
        st = TQC_EINPUT;
    }
    tqc_pipe_hooks h = {.ctx = b, .lang = hook_lang, .check = hook_check_chunk,
                        .doc = hook_chunk};
    if (st == TQC_OK)
        st = tqc_pipe_file(in, &b->lang_stage, NULL, 1, &h, err, errlen);
    tqc_input_close(in);
    if (b->err[0])
        snprintf(err, errlen, "%s", b->err);
    return st;
}

static void builder_release(builder *b)
{
    free(b->old.items);
    free(b->fixed.items);
    free(b->findings.items);
    free(b->states.items);
    free(b->regions.items);
    free(b->notes.items);
    free(b->next.items);
    free(b->sentences.items);
    free(b->paragraphs.items);
    file_edits_release(&b->fe);
    tqc_arena_free(b->arena);
}

/* format: how the file is read, for the language stage (a bilingual file's units carry
 * their languages; an article is told from its first doc when opts->lang_from_file). */
static tqc_status builder_init(builder *b, tqc_checker *ck, const char *name,
                               const tqc_fix_options *opts, tqc_input_format format)
{
    memset(b, 0, sizeof *b);
    b->ck = ck;
    b->opts = opts;
    b->name = name;
    b->lang = opts->lang ? opts->lang : "en";
    b->all_fixes = opts->all_fixes;
    b->text_only = opts->text_only;
    b->filter = opts->filter;
    tqc_pipe_lang_init(&b->lang_stage, ck, opts->lang_from_file, format);
    b->max_rounds = opts->max_rounds ? opts->max_rounds : TQC_FIX_MAX_ROUNDS;
    b->max_bytes = opts->max_bytes ? opts->max_bytes : TQC_FIX_MAX_BYTES;
    b->arena = tqc_arena_new();
    if (!b->arena || !push_bytes(&b->old, "", 0) || !push_bytes(&b->fixed, "", 0))
        return TQC_ENOMEM;
    return TQC_OK;
}

/* Moves what the builder made into a result; the builder is empty afterwards. */
static tqc_status builder_finish(builder *b, tqc_fix_result **out)
{
    tqc_fix_result *res = tqc_calloc(1, sizeof *res);
    if (!res)
        return TQC_ENOMEM;
    if (b->text_only)   /* what a markup file kept goes now (plain text: chunk by chunk) */
        drop_detail(b, 0, 0, 0);
    res->found = b->found + b->findings.count;
    res->applied = b->applied;
    const tqc_fix_state *kept_states = VEC_AT(b->states, tqc_fix_state);
    for (size_t k = 0; k < b->states.count; k++)
        res->applied += kept_states[k] == TQC_FIX_APPLIED;
    /* The doc adopts the original bytes rather than copying them: one copy less of a
     * file that may be tens of megabytes. */
    res->doc = tqc_doc_take(b->name, b->old.items, b->old.count, b->lang);
    b->old.items = NULL;
    tqc_fix_note *notes = b->notes.count ? tqc_malloc(b->notes.count * sizeof *notes) : NULL;
    tqc_fix_region *regions = b->regions.count ? tqc_malloc(b->regions.count * sizeof *regions) : NULL;
    if (!res->doc || (b->notes.count && !notes) || (b->regions.count && !regions)) {
        tqc_doc_free(res->doc);
        free(res);
        free(notes);
        free(regions);
        return TQC_ENOMEM;
    }
    /* The doc takes the arena holding the strings, and the structure. */
    tqc_arena_free(res->doc->arena);
    res->doc->arena = b->arena;
    b->arena = NULL;
    res->doc->sentences = b->sentences.items;
    res->doc->sentence_count = b->sentences.count;
    res->doc->paragraphs = b->paragraphs.items;
    res->doc->paragraph_count = b->paragraphs.count;
    b->sentences.items = b->paragraphs.items = NULL;
    /* Notes become contiguous per region, in the order they were linked. */
    const region *R = VEC_AT(b->regions, region);
    const tqc_fix_note *bn = VEC_AT(b->notes, tqc_fix_note);
    const size_t *next = VEC_AT(b->next, size_t);
    size_t k = 0;
    for (size_t r = 0; r < b->regions.count; r++) {
        regions[r] = (tqc_fix_region){tqc_span_make(R[r].o0, R[r].o1),
                                      tqc_span_make(R[r].n0, R[r].n1), k, 0};
        for (size_t x = R[r].head; x != SIZE_MAX; x = next[x])
            notes[k++] = bn[x];
        regions[r].note_count = k - regions[r].note_first;
    }
    res->regions = regions;
    res->region_count = b->regions.count;
    res->notes = notes;
    res->note_count = k;
    res->text = b->fixed.items;
    res->len = b->fixed.count;
    b->fixed.items = NULL;
    if (!b->text_only) {
        res->findings = b->findings.items;
        res->states = b->states.items;
        res->finding_count = b->findings.count;
        b->findings.items = b->states.items = NULL;
    }
    res->rounds = b->rounds;
    res->all_fixes = b->all_fixes;
    *out = res;
    return TQC_OK;
}

tqc_status tqc_fix_text(tqc_checker *ck, const char *text, size_t len,
                        const tqc_fix_options *opts, tqc_fix_result **out)
{
    char err[512];
    return tqc_fix_buffer(ck, text, len, opts, out, err, sizeof err);
}

tqc_status tqc_fix_buffer(tqc_checker *ck, const char *text, size_t len,
                          const tqc_fix_options *opts, tqc_fix_result **out, char *err,
                          size_t errlen)
{
    *out = NULL;
    const char *name = opts->name ? opts->name : "<input>";
    snprintf(err, errlen, "%s: out of memory", name);
    builder b;
    /* The caller chose ck for the buffer's language: only a bilingual file's units are
     * checked in the languages they declare. */
    tqc_status st = builder_init(&b, ck, name, opts, TQC_INPUT_XLIFF);
    bool markup = opts->format != TQC_INPUT_AUTO && opts->format != TQC_INPUT_TEXT;
    if (st == TQC_OK && markup) {
        st = fix_markup_bytes(&b, text, len, opts->format, err, errlen);
    } else if (st == TQC_OK) {
        /* Text in memory is one chunk: the hooks take it as the pipeline would. */
        tqc_doc *doc = tqc_doc_new(name, text, len, b.lang);
        tqc_findings found;
        tqc_findings_init(&found, doc);
        st = doc ? hook_check_chunk(&b, ck, doc, &found) : TQC_ENOMEM;
        if (st == TQC_OK)
            st = hook_chunk(&b, &doc, &found);
        tqc_findings_release(&found);
        tqc_doc_free(doc);
        if (b.err[0])
            snprintf(err, errlen, "%s", b.err);
    }
    if (st == TQC_OK)
        st = builder_finish(&b, out);
    builder_release(&b);
    return st;
}

tqc_status tqc_fix_file(tqc_checker *ck, const char *path, const tqc_fix_options *opts,
                        tqc_fix_result **out, char *err, size_t errlen)
{
    *out = NULL;
    err[0] = '\0';
    const char *name = opts->name ? opts->name : strcmp(path, "-") == 0 ? "<stdin>" : path;
    /* As tqc check takes it (read/input.h). */
    tqc_input_format format = opts->format != TQC_INPUT_AUTO ? opts->format
                                                             : tqc_input_detect_file(path);
    builder b;
    tqc_status st = builder_init(&b, ck, name, opts, format);
    /* Both copies at their final size at once: doubling would leave up to twice that. */
    struct stat fst;
    if (st == TQC_OK && format == TQC_INPUT_TEXT && strcmp(path, "-") != 0 &&
        stat(path, &fst) == 0 && S_ISREG(fst.st_mode) && (size_t)fst.st_size <= b.max_bytes &&
        (!grow(&b.old, (size_t)fst.st_size + 1, 1) || !grow(&b.fixed, (size_t)fst.st_size + 1, 1)))
        st = TQC_ENOMEM;
    if (st == TQC_OK)
        st = format == TQC_INPUT_TEXT ? fix_text_file(&b, path, err, errlen)
                                      : fix_markup(&b, path, format, err, errlen);
    if (st == TQC_OK)
        st = builder_finish(&b, out);
    if (st == TQC_ENOMEM)
        snprintf(err, errlen, "%s: out of memory", name);
    builder_release(&b);
    return st;
}

void tqc_fix_result_free(tqc_fix_result *res)
{
    if (!res)
        return;
    tqc_doc_free(res->doc);
    free(res->text);
    free(res->findings);
    free(res->states);
    free(res->regions);
    free(res->notes);
    free(res);
}

bool tqc_fix_changed(const tqc_fix_result *res)
{
    return res->len != res->doc->len || memcmp(res->text, res->doc->text, res->len) != 0;
}

size_t tqc_fix_count(const tqc_fix_result *res, tqc_fix_state state)
{
    size_t n = 0;
    for (size_t i = 0; i < res->finding_count; i++)
        n += res->states[i] == state;
    return n;
}
