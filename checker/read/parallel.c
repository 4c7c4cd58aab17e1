/* read_parallel: parallel plain text (read/input.h, tqc check --source): a target file and
 * the source-language file it translates, paired paragraph by paragraph so that the
 * bilingual passes (number, untranslated, omission, addition, markup) run on plain text.
 *
 * Both files are read whole and split into paragraphs by the segmenter itself (so a
 * paragraph here is one the passes see: blank lines end one; in text with long lines,
 * each line is one). Equal counts pair in order. Otherwise the paragraphs are aligned
 * by length as Gale and Church align sentences (1993): a dynamic programme over pairs
 * of one and one, two and one, one and two and one with none, each costing how far its
 * lengths stray from the files' own length ratio plus how rare such a pair is. A
 * paragraph paired with none joins its neighbour's pair, so the omission (source left
 * over) or addition (target left over) pass weighs it there, and the input's note says
 * what was paired with what. Each pair is a doc of the target's bytes (placed by
 * base_*), with the source paragraphs as doc->source. */
#include "read/input_priv.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "lang/bitext.h"
#include "read/reader.h"
#include "seg/seg.h"
#include "core/text.h"

/* What a pair other than one and one costs over it. Gale and Church's priors for
 * sentences (0.89 : 0.089 : 0.0099) would be 2.3 for two and one and 4.5 for one with
 * none; but translated news keeps its paragraphs, and what goes wrong is a paragraph
 * dropped or added (scraped boilerplate), so both cost the same here: otherwise a
 * dropped paragraph is "paired" by merging a short heading into its neighbour. */
#define PAR_COST_MERGE 3.5
#define PAR_COST_ALONE 3.5
/* Variance of a target's length per unit of length (their 6.8 for characters; our
 * lengths are letters and digits, close to characters). */
#define PAR_VARIANCE 6.8
/* The alignment keeps within this many paragraphs of the diagonal beyond the
 * difference in counts: paragraphs do not wander further, and it bounds the work. */
#define PAR_BAND 32
/* Anchors: what a translation carries over unchanged, so that pairs of paragraphs that
 * share them are likely translations of each other even where lengths cannot tell
 * (Gale and Church's lengths alone pair two paragraphs of a length by their order):
 * numbers (read whatever their notation, lang/bitext.h) and capitalised words inside a
 * sentence (names). Each shared one lowers a pair's cost; each number on one side only
 * raises it (names are not counted missing: nouns are capitalised in some languages). */
#define PAR_ANCHOR_SHARED 2.0
#define PAR_ANCHOR_MISSING 1.0
/* Anchors kept per paragraph: enough to tell paragraphs apart, bounded work. */
#define PAR_MAX_ANCHORS 24

/* Cells of the alignment table (9 bytes each): far beyond any article's paragraphs,
 * and it keeps two files of many thousand lines that do not correspond from taking
 * gigabytes. */
#define PAR_MAX_CELLS ((size_t)1 << 24)
/* Items of the note listed before "and N more". */
#define PAR_NOTE_ITEMS 4

typedef struct anchor {
    tqc_num_atom num;       /* a number's value, when span is empty */
    tqc_span span;          /* a name's bytes in the side's doc */
} anchor;

typedef struct side {
    char *buf;              /* the whole file */
    tqc_doc *doc;           /* its text (after a BOM), segmented into paragraphs */
    double *weight;         /* letters and digits of each paragraph */
    double total;
    anchor *anchors;        /* paragraph i's are [first[i], first[i + 1]) */
    size_t *first;
} side;

/* A pair: target paragraphs [t0, t1) with source paragraphs [s0, s1). */
typedef struct bead {
    size_t t0, t1, s0, s1;
} bead;

typedef struct parallel {
    side t, s;
    bead *beads;
    size_t bead_count, next;
} parallel;

static void side_free(side *sd)
{
    free(sd->buf);
    tqc_doc_free(sd->doc);
    free(sd->weight);
    free(sd->anchors);
    free(sd->first);
}

static void parallel_free(parallel *p)
{
    if (!p)
        return;
    side_free(&p->t);
    side_free(&p->s);
    free(p->beads);
    free(p);
}

/* Collects each paragraph's anchors (room for PAR_MAX_ANCHORS each). */
static void find_anchors(side *sd)
{
    const tqc_doc *doc = sd->doc;
    size_t na = 0;
    for (size_t p = 0; p < doc->paragraph_count; p++) {
        sd->first[p] = na;
        const tqc_paragraph *para = &doc->paragraphs[p];
        size_t limit = na + PAR_MAX_ANCHORS;
        for (size_t si = para->sent_first; si < para->sent_first + para->sent_count; si++) {
            const tqc_sentence *sent = &doc->sentences[si];
            for (size_t k = sent->tok_first; k < sent->tok_first + sent->tok_count; k++) {
                const tqc_token *t = &doc->tokens[k];
                if (t->kind == TQC_TOK_NUMBER) {
                    tqc_num_atom atoms[TQC_NUM_MAX_ATOMS];
                    size_t m = tqc_num_read(doc->text, t->span, atoms);
                    for (size_t a = 0; a < m && na < limit; a++)
                        if (!atoms[a].small)
                            sd->anchors[na++] = (anchor){atoms[a], tqc_span_make(0, 0)};
                } else if (t->kind == TQC_TOK_WORD && (t->flags & TQC_TF_CAP) &&
                           !(t->flags & TQC_TF_SENT_START) && tqc_span_len(t->span) > 1 &&
                           na < limit) {
                    sd->anchors[na] = (anchor){.span = t->span};
                    na++;
                }
            }
        }
    }
    sd->first[doc->paragraph_count] = na;
}

/* Reads the file of in (path, name) into sd and splits it into paragraphs. */
static tqc_status read_side(tqc_input *in, const char *lang, side *sd, char *err, size_t errlen)
{
    size_t len;
    tqc_status st = tqc_input_slurp(in, TQC_INPUT_MAX_BYTES, &sd->buf, &len, err, errlen);
    if (st != TQC_OK)
        return st;
    const char *nul = memchr(sd->buf, '\0', len < TQC_BINARY_PROBE ? len : TQC_BINARY_PROBE);
    if (nul) {
        snprintf(err, errlen, "%s: binary file (NUL byte at offset %zu), skipped", in->name,
                 (size_t)(nul - sd->buf));
        return TQC_EINPUT;
    }
    /* A UTF-8 byte order mark is no text (the plain-text reader skips it too). */
    size_t bom = len >= 3 && memcmp(sd->buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (!(sd->doc = tqc_doc_new(in->name, sd->buf + bom, len - bom, lang)))
        return TQC_ENOMEM;
    sd->doc->base_offset = bom;
    if ((st = tqc_segment(sd->doc, NULL)) != TQC_OK)
        return st;
    size_t n = sd->doc->paragraph_count;
    if (n > TQC_INPUT_MAX_PARAGRAPHS) {
        snprintf(err, errlen, "%s: more than %zu paragraphs to pair", in->name,
                 TQC_INPUT_MAX_PARAGRAPHS);
        return TQC_ELIMIT;
    }
    sd->weight = tqc_malloc((n ? n : 1) * sizeof *sd->weight);
    sd->first = tqc_malloc((n + 1) * sizeof *sd->first);
    sd->anchors = tqc_malloc((n ? n : 1) * PAR_MAX_ANCHORS * sizeof *sd->anchors);
    if (!sd->weight || !sd->first || !sd->anchors)
        return TQC_ENOMEM;
    find_anchors(sd);
    for (size_t i = 0; i < n; i++) {
        tqc_span ps = sd->doc->paragraphs[i].span;
        size_t w = 0;
        for (size_t k = ps.start; k < ps.end;) {
            int32_t cp;
            size_t step = tqc_text_decode(sd->doc->text + k, ps.end - k, &cp);
            k += step ? step : 1;
            w += tqc_text_is_letter(cp) || tqc_text_is_digit(cp);
        }
        sd->weight[i] = (double)w;
        sd->total += (double)w;
    }
    return TQC_OK;
}

/* ---- aligning ---- */

/* The kinds of pair: how many source and target paragraphs each takes. */
static const struct {
    size_t s, t;
    double prior;
} kinds[] = {
    {1, 1, 0}, {2, 1, PAR_COST_MERGE}, {1, 2, PAR_COST_MERGE},
    {1, 0, PAR_COST_ALONE}, {0, 1, PAR_COST_ALONE},
};
#define KIND_COUNT (sizeof kinds / sizeof kinds[0])
/* from[] of a cell no pair reaches; the origin is START. */
enum { START = 0xFE, NONE = 0xFF };

/* How far target length lt strays from source length ls times the ratio c: the
 * squared deviation over its variance, halved (-ln of a normal density). */
static double match_cost(double ls, double lt, double c)
{
    double d = lt - c * ls, var = PAR_VARIANCE * (c * ls + lt) / 2 + 1;
    return d * d / var / 2;
}

/* Whether anchor a of side x has a like in paragraphs [p0, p1) of side y. */
static bool has_like(const side *x, const anchor *a, const side *y, size_t p0, size_t p1)
{
    for (size_t k = y->first[p0]; k < y->first[p1]; k++) {
        const anchor *b = &y->anchors[k];
        if (tqc_span_len(a->span) != tqc_span_len(b->span))
            continue;
        if (tqc_span_len(a->span) == 0 ? tqc_num_match(&a->num, &b->num)
                                       : memcmp(x->doc->text + a->span.start,
                                                y->doc->text + b->span.start,
                                                tqc_span_len(a->span)) == 0)
            return true;
    }
    return false;
}

/* The anchors' part of the cost of pairing source paragraphs [s0, s1) with target
 * paragraphs [t0, t1). */
static double anchor_cost(const parallel *p, size_t s0, size_t s1, size_t t0, size_t t1)
{
    double cost = 0;
    for (size_t k = p->t.first[t0]; k < p->t.first[t1]; k++) {
        const anchor *a = &p->t.anchors[k];
        if (has_like(&p->t, a, &p->s, s0, s1))
            cost -= PAR_ANCHOR_SHARED;
        else if (tqc_span_len(a->span) == 0)
            cost += PAR_ANCHOR_MISSING;
    }
    for (size_t k = p->s.first[s0]; k < p->s.first[s1]; k++) {
        const anchor *a = &p->s.anchors[k];
        if (tqc_span_len(a->span) == 0 && !has_like(&p->s, a, &p->t, t0, t1))
            cost += PAR_ANCHOR_MISSING;
    }
    return cost;
}

/* Aligns n source paragraphs with m target paragraphs; *out gets the pairs in order
 * (malloc'd, at most n + m). */
static tqc_status align(const parallel *p, size_t n, size_t m, bead **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    double c = p->s.total > 0 && p->t.total > 0 ? p->t.total / p->s.total : 1;
    /* Cell (i, j): source paragraphs [0, i) aligned with target paragraphs [0, j); only
     * cells within the band around the diagonal are kept, row by row. */
    size_t diff = n > m ? n - m : m - n;
    size_t band = diff + PAR_BAND, width = 2 * band + 1;
    if (diff > PAR_MAX_CELLS || n + 1 > PAR_MAX_CELLS / width)
        return TQC_ELIMIT;
    double *cost = tqc_malloc((n + 1) * width * sizeof *cost);
    unsigned char *from = tqc_malloc((n + 1) * width);
    bead *beads = tqc_malloc((n + m + 1) * sizeof *beads);
    if (!cost || !from || !beads) {
        free(cost);
        free(from);
        free(beads);
        return TQC_ENOMEM;
    }
    /* Row i holds columns j in [lo(i), lo(i) + width): lo follows the diagonal. */
#define LO(i) ((i) * m / (n ? n : 1) > band ? (i) * m / (n ? n : 1) - band : 0)
    for (size_t i = 0; i <= n; i++) {
        size_t lo = LO(i);
        for (size_t k = 0; k < width; k++) {
            size_t j = lo + k;
            double best = 0;
            bool reached = i == 0 && j == 0;
            unsigned char how = START;
            for (size_t kind = 0; j <= m && kind < KIND_COUNT && !(i == 0 && j == 0); kind++) {
                if (kinds[kind].s > i || kinds[kind].t > j)
                    continue;
                size_t pi = i - kinds[kind].s, pj = j - kinds[kind].t, plo = LO(pi);
                if (pj < plo || pj >= plo + width || from[pi * width + (pj - plo)] == NONE)
                    continue;
                double ls = 0, lt = 0;
                for (size_t a = pi; a < i; a++)
                    ls += p->s.weight[a];
                for (size_t b = pj; b < j; b++)
                    lt += p->t.weight[b];
                double cc = cost[pi * width + (pj - plo)] + kinds[kind].prior;
                if (kinds[kind].s && kinds[kind].t)
                    cc += match_cost(ls, lt, c) + anchor_cost(p, pi, i, pj, j);
                if (!reached || cc < best) {
                    best = cc;
                    how = (unsigned char)kind;
                    reached = true;
                }
            }
            cost[i * width + k] = best;
            from[i * width + k] = reached && j <= m ? how : NONE;
        }
    }
    /* Back from (n, m): it is within the band, since the band covers the difference. */
    size_t i = n, j = m, nb = 0;
    while (i > 0 || j > 0) {
        unsigned char kind = from[i * width + (j - LO(i))];
        size_t pi = i - kinds[kind].s, pj = j - kinds[kind].t;
        beads[nb++] = (bead){pj, j, pi, i};
        i = pi;
        j = pj;
    }
#undef LO
    for (size_t a = 0; a < nb / 2; a++) {
        bead tmp = beads[a];
        beads[a] = beads[nb - 1 - a];
        beads[nb - 1 - a] = tmp;
    }
    free(cost);
    free(from);
    *out = beads;
    *count = nb;
    return TQC_OK;
}

/* Appends printf-style text to the note being built in buf (cap bytes, *len used). */
static void note_add(char *buf, size_t cap, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void note_add(char *buf, size_t cap, size_t *len, const char *fmt, ...)
{
    if (*len >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *len, cap - *len, fmt, ap);
    va_end(ap);
    *len = n < 0 ? cap : *len + (size_t)n;
}

/* "paragraph 5" or "paragraphs 5-6" (1-based), for [a, b). */
static void note_range(char *buf, size_t cap, size_t *len, const char *what, size_t a, size_t b)
{
    if (b - a == 1)
        note_add(buf, cap, len, "%s paragraph %zu", what, a + 1);
    else
        note_add(buf, cap, len, "%s paragraphs %zu-%zu", what, a + 1, b);
}

static bool alone(bead b)
{
    return b.t0 == b.t1 || b.s0 == b.s1;
}

/* Writes the note (what did not pair one to one) into in->note, and folds each pair
 * with an empty side into its neighbour (the one before; the first into the next):
 * pairs are contiguous on both sides, so the fold is a union. */
static tqc_status settle(tqc_input *in, parallel *p)
{
    char note[1024];
    size_t len = 0, items = 0, more = 0, lone = 0;
    note_add(note, sizeof note, &len, "%s has %zu paragraphs and its source %s %zu; paired "
             "by length and shared numbers and names", in->name, p->t.doc->paragraph_count,
             in->source, p->s.doc->paragraph_count);
    for (size_t k = 0; k < p->bead_count; k++) {
        bead b = p->beads[k];
        if (b.t1 - b.t0 == 1 && b.s1 - b.s0 == 1)
            continue;
        lone += alone(b);
        if (items == PAR_NOTE_ITEMS) {
            more++;
            continue;
        }
        note_add(note, sizeof note, &len, items++ ? "; " : ": ");
        if (b.t0 == b.t1) {
            note_range(note, sizeof note, &len, "source", b.s0, b.s1);
            note_add(note, sizeof note, &len, " has no translation");
        } else if (b.s0 == b.s1) {
            note_range(note, sizeof note, &len, "target", b.t0, b.t1);
            note_add(note, sizeof note, &len, " has no source");
        } else {
            note_range(note, sizeof note, &len, "target", b.t0, b.t1);
            note_add(note, sizeof note, &len, " pair%s with ", b.t1 - b.t0 > 1 ? "" : "s");
            note_range(note, sizeof note, &len, "source", b.s0, b.s1);
        }
    }
    if (more)
        note_add(note, sizeof note, &len, "; and %zu more", more);
    if (lone)
        note_add(note, sizeof note, &len, " (a paragraph without a counterpart is weighed "
                 "with its neighbour's pair)");
    if (len >= sizeof note)
        memcpy(note + sizeof note - 4, "...", 4);
    size_t out = 0;
    for (size_t k = 0; k < p->bead_count; k++) {
        bead b = p->beads[k];
        if (out > 0 && (alone(b) || alone(p->beads[out - 1]))) {
            p->beads[out - 1].t1 = b.t1;
            p->beads[out - 1].s1 = b.s1;
        } else {
            p->beads[out++] = b;
        }
    }
    p->bead_count = out;
    size_t n = strlen(note) + 1;
    if (!(in->note = tqc_malloc(n)))
        return TQC_ENOMEM;
    memcpy(in->note, note, n);
    return TQC_OK;
}

/* ---- the reader ---- */

static tqc_status pair_up(tqc_input *in, parallel *p, char *err, size_t errlen)
{
    tqc_status st = read_side(in, in->lang, &p->t, err, errlen);
    if (st != TQC_OK)
        return st;
    /* The source is read as the target is, under its own name. */
    tqc_input src = *in;
    src.path = src.name = in->source;
    src.stream = NULL;
    if ((st = read_side(&src, in->source_lang, &p->s, err, errlen)) != TQC_OK)
        return st;
    size_t nt = p->t.doc->paragraph_count, ns = p->s.doc->paragraph_count;
    if (nt == 0)
        return TQC_OK;
    if (ns == 0) {
        /* Nothing to pair: the target is checked alone, paragraph by paragraph. */
        if (!(p->beads = tqc_malloc(nt * sizeof *p->beads)))
            return TQC_ENOMEM;
        for (size_t k = 0; k < nt; k++)
            p->beads[k] = (bead){k, k + 1, 0, 0};
        p->bead_count = nt;
        int n = snprintf(NULL, 0, "%s: the source %s has no text; checked without it",
                         in->name, in->source);
        if (n < 0 || !(in->note = tqc_malloc((size_t)n + 1)))
            return TQC_ENOMEM;
        snprintf(in->note, (size_t)n + 1, "%s: the source %s has no text; checked without it",
                 in->name, in->source);
        return TQC_OK;
    }
    /* Equal counts are aligned too: a paragraph added at the top and one dropped lower
     * down keep the count and would shift every pair between them. */
    if ((st = align(p, ns, nt, &p->beads, &p->bead_count)) != TQC_OK) {
        if (st == TQC_ELIMIT)
            snprintf(err, errlen, "%s: too many paragraphs to pair with %s by length (%zu "
                     "and %zu)", in->name, in->source, nt, ns);
        return st;
    }
    for (size_t k = 0; k < p->bead_count; k++)
        if (p->beads[k].t1 - p->beads[k].t0 != 1 || p->beads[k].s1 - p->beads[k].s0 != 1)
            return settle(in, p);
    return TQC_OK;  /* one to one throughout: nothing to note */
}

/* The input layer does not close a reader whose open failed: it frees its own. */
static tqc_status parallel_open(tqc_input *in, char *err, size_t errlen)
{
    parallel *p = tqc_calloc(1, sizeof *p);
    if (!p)
        return TQC_ENOMEM;
    tqc_status st = pair_up(in, p, err, errlen);
    if (st != TQC_OK) {
        parallel_free(p);
        return st;
    }
    in->state = p;
    return TQC_OK;
}

/* The doc of side sd's paragraphs [a, b): its bytes from the first paragraph's start
 * to the last one's end, placed in the file. */
static tqc_doc *paragraphs_doc(const side *sd, size_t a, size_t b, const char *name,
                               const char *lang)
{
    const tqc_doc *whole = sd->doc;
    size_t start = whole->paragraphs[a].span.start, end = whole->paragraphs[b - 1].span.end;
    tqc_doc *doc = tqc_doc_new(name, whole->text + start, end - start, lang);
    if (!doc)
        return NULL;
    size_t line, col;
    tqc_doc_locate(whole, start, &line, &col);
    doc->base_offset = whole->base_offset + start;
    doc->base_line = line - 1;
    doc->base_column = col - 1;
    return doc;
}

static tqc_status parallel_next(tqc_input *in, tqc_doc **out, char *err, size_t errlen)
{
    parallel *p = in->state;
    *out = NULL;
    if (p->next >= p->bead_count)
        return TQC_OK;
    bead b = p->beads[p->next++];
    tqc_doc *doc = paragraphs_doc(&p->t, b.t0, b.t1, in->name, in->lang);
    if (!doc)
        return TQC_ENOMEM;
    if (b.s1 > b.s0 &&
        !(doc->source = paragraphs_doc(&p->s, b.s0, b.s1, in->source, in->source_lang))) {
        tqc_doc_free(doc);
        return TQC_ENOMEM;
    }
    /* "p7", "p3-4", and the source's numbers when they differ: "p7/s8". */
    char seg[96];
    int n = b.t1 - b.t0 > 1 ? snprintf(seg, sizeof seg, "p%zu-%zu", b.t0 + 1, b.t1)
                            : snprintf(seg, sizeof seg, "p%zu", b.t0 + 1);
    if (b.s1 > b.s0 && (b.s0 != b.t0 || b.s1 != b.t1) && n > 0 && (size_t)n < sizeof seg) {
        if (b.s1 - b.s0 > 1)
            snprintf(seg + n, sizeof seg - (size_t)n, "/s%zu-%zu", b.s0 + 1, b.s1);
        else
            snprintf(seg + n, sizeof seg - (size_t)n, "/s%zu", b.s0 + 1);
    }
    size_t sl = strlen(seg) + 1;
    char *s = tqc_malloc(sl);
    if (!s) {
        tqc_doc_free(doc);
        return TQC_ENOMEM;
    }
    memcpy(s, seg, sl);
    doc->segment = s;
    (void)err;
    (void)errlen;
    *out = doc;
    return TQC_OK;
}

static void parallel_close(tqc_input *in)
{
    parallel_free(in->state);
}

const tqc_input_reader tqc_read_parallel = {parallel_open, parallel_next, parallel_close};
