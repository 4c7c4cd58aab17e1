/* quotes: pairing of quotation marks and brackets within a paragraph, by the language's
 * conventions (the `quotes` list: which marks open and close, which double as apostrophes).
 * Each mark is placed by its neighbours: after a word and before a space or punctuation
 * it stands where a closing mark belongs, after a space and before a word where an opening
 * one does. So an opening mark in a closing place (`zone“,`) is an error with a safe fix,
 * and an unclosed or unopened mark is a warning. A quotation that runs over several
 * paragraphs (the opening mark repeated at each paragraph start, or the closing one where
 * the language writes so, `»Nadie`; the closing one only at the end) is correct, and a
 * block quotation over paragraphs without a mark is a hint. Straight quotes, whose shape
 * says nothing, alternate.
 * Inverted marks (Spanish ¿ ¡, the list's `inverted` pairs) open a question or an
 * exclamation that a closing mark (? !) ends within the paragraph; either closing mark
 * ends either kind, since Spanish mixes them (¡Qué dices?). */
#include "pass/pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"

#define QUOTES_MAX_INVERTED 4
/* Nesting deeper than this is not prose; marks beyond it are left unchecked. */
#define QUOTES_MAX_DEPTH 32

/* A pair of the language's typed `quotes` list (lang/quotes.h): brackets apart, since
 * they pair on a stack of their own. */
typedef struct pair {
    int32_t open, close;
    bool bracket;
    tqc_quote_role role;
} pair;

typedef struct quote_rules {
    pair pairs[TQC_QUOTES_MAX_PAIRS];
    size_t count;
    const tqc_quotes *marks; /* the profile's list, for apostrophes */
    pair inverted[QUOTES_MAX_INVERTED];   /* ¿ ?, ¡ ! */
    size_t inverted_count;
    bool continuation;  /* profile `quote-continuation`: a quotation running on may open
                         * the next paragraph with its closing mark (`»Nadie`) */
    bool outer_primary; /* profile `outer-quotes-primary`: a quotation outside any other
                         * opens with the primary marks only */
} quote_rules;

/* One open mark: which pair, where, and whether it may be an apostrophe instead
 * (then it is never reported). */
typedef struct open_mark {
    size_t pair;
    size_t off;
    bool tentative;
    bool sentence;      /* the mark opens a quoted sentence (not a phrase inside one) */
    size_t other_depth; /* the depth of the other stack (brackets for a quote, quotes for a
                         * bracket) when it opened: what opened after it closes before it */
} open_mark;

/* The quotations opened outside any other, in order: the article's own style of marks
 * (see mixed_styles). */
typedef struct style_use {
    size_t off;
    size_t pair;
    size_t para;
    bool mixed;     /* closed by another pair's mark: a slip of its own, no style */
} style_use;

typedef struct style_log {
    style_use *items;
    size_t count, cap;
} style_log;

typedef struct mark_stack {
    open_mark items[QUOTES_MAX_DEPTH];
    size_t depth;
    size_t carried;     /* the pair a paragraph before left open, or SIZE_MAX */
    size_t carried_over; /* paragraphs without a quotation mark it has run over */
    size_t para_marks;  /* quotation marks read in the paragraph being read */
    size_t reopened;    /* the pair whose closing mark opens this paragraph again, by the
                         * language's continuation convention, or SIZE_MAX */
    size_t para_end;    /* where the paragraph being read ends */
    bool last_para;     /* it is the document's last: a quotation may be cut off there */
    bool next_prose;    /* the next paragraph opens with a letter, not a quotation mark */
    size_t next_para;   /* its index */
    struct mark_stack *other; /* brackets for the quotes' stack, and the other way round */
    style_log *styles;  /* the quotes' stack logs its outermost quotations; NULL: no log */
    size_t para;        /* the index of the paragraph being read, for the log */
    /* closes_nothing_after's last count: closing marks cl_close from cl_from to cl_end
     * (cl_end 0: none). Marks are read in order, so the next count scans only the gap. */
    int32_t cl_close;
    size_t cl_from, cl_end, cl_count;
} mark_stack;

/* Where a mark stands, judged by its neighbours. */
typedef enum { POS_OPEN, POS_CLOSE, POS_ISOLATED, POS_AMBIG } mark_pos;

/* Reads one mark (a single code point) from s; false when s is not exactly one. */
static bool one_mark(const char *s, size_t len, int32_t *cp)
{
    return len > 0 && tqc_text_decode(s, len, cp) == len && *cp >= 0;
}

/* The profile's pairs in its order, the inverted ones (¿ ?) on a list of their own. */
static tqc_status init(const tqc_lang *lang, void **state, char *err, size_t errlen)
{
    quote_rules *r = tqc_calloc(1, sizeof *r);
    if (!r)
        return TQC_ENOMEM;
    const tqc_quotes *q = tqc_lang_quotes(lang);
    r->marks = q;
    for (size_t i = 0; q && i < q->count; i++) {
        const tqc_quote_pair *qp = &q->pairs[i];
        pair pr = {qp->open, qp->close, qp->role == TQC_QUOTE_BRACKET, qp->role};
        if (qp->role != TQC_QUOTE_INVERTED)
            r->pairs[r->count++] = pr;
        else if (r->inverted_count < QUOTES_MAX_INVERTED)
            r->inverted[r->inverted_count++] = pr;
    }
    r->continuation = tqc_lang_yes(lang, "quote-continuation");
    r->outer_primary = tqc_lang_yes(lang, "outer-quotes-primary");
    *state = r;
    return TQC_OK;
}

static void fini(void *state)
{
    free(state);
}

/* The first pair (in the order the language lists them) that cp opens, or closes. */
static size_t opens(const quote_rules *r, int32_t cp)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->pairs[i].open == cp)
            return i;
    return SIZE_MAX;
}

static size_t closes(const quote_rules *r, int32_t cp)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->pairs[i].close == cp)
            return i;
    return SIZE_MAX;
}

/* Whether cp closes a quotation opened with the opener of pair i: a mark may open
 * several pairs (`„“` in German, `„”` in Polish). */
static bool closes_pair(const quote_rules *r, size_t i, int32_t cp)
{
    for (size_t j = 0; j < r->count; j++)
        if (r->pairs[j].open == r->pairs[i].open && r->pairs[j].close == cp &&
            r->pairs[j].bracket == r->pairs[i].bracket)
            return true;
    return false;
}

static bool is_apostrophe(const quote_rules *r, int32_t cp)
{
    return tqc_quotes_mark(r->marks, cp, 0) & TQC_MARK_APOSTROPHE;
}

static bool is_quote(const quote_rules *r, int32_t cp)
{
    for (size_t i = 0; i < r->count; i++)
        if (!r->pairs[i].bracket && (r->pairs[i].open == cp || r->pairs[i].close == cp))
            return true;
    return false;
}

/* Marks written without spaces that a quotation may still open or close against
 * (`said--"We`, `and/or`). */
static bool is_dash_or_slash(int32_t cp)
{
    return tqc_text_is_dash(cp) || cp == '/';
}

/* Before a mark, what lets it open: nothing (paragraph start), a space, an opening
 * bracket or a dash. -1 stands for the paragraph's edge. */
static bool opens_after(int32_t cp)
{
    return cp < 0 || tqc_text_is_space(cp) || tqc_text_is_open_punct(cp) || is_dash_or_slash(cp);
}

static bool inverted_opener(const quote_rules *r, int32_t cp)
{
    for (size_t i = 0; i < r->inverted_count; i++)
        if (r->inverted[i].open == cp)
            return true;
    return false;
}

/* After a mark, what lets it close: nothing, a space, or punctuation other than an
 * opening bracket or an inverted mark (¿). */
static bool closes_before(const quote_rules *r, int32_t cp)
{
    if (cp < 0 || tqc_text_is_space(cp) || is_dash_or_slash(cp))
        return true;
    return tqc_text_is_punct(cp) && !tqc_text_is_open_punct(cp) && !inverted_opener(r, cp);
}

/* The neighbours of the mark at [start, end) within the paragraph span, skipping other
 * quote marks (`“‘` opens twice, `’”` closes twice). */
static mark_pos classify(const quote_rules *r, const char *t, tqc_span para, size_t start,
                         size_t end)
{
    int32_t before = -1, after = -1;
    size_t i = start;
    while (i > para.start) {
        size_t s;
        int32_t cp = tqc_text_prev(t, i, &s);
        if (s < para.start)
            break;
        if (!is_quote(r, cp)) {
            before = cp;
            break;
        }
        size_t s2;
        if (i == start && s > para.start && is_apostrophe(r, cp) &&
            tqc_text_is_letter(tqc_text_prev(t, s, &s2)))
            break;  /* an elision right before it (`d’« un plan »`) lets a quotation open */
        i = s;
    }
    i = end;
    while (i < para.end) {
        int32_t cp;
        size_t n = tqc_text_decode(t + i, para.end - i, &cp);
        if (!is_quote(r, cp)) {
            after = cp;
            break;
        }
        i += n;
    }
    bool o = opens_after(before), c = closes_before(r, after);
    return o && c ? POS_ISOLATED : o ? POS_OPEN : c ? POS_CLOSE : POS_AMBIG;
}

static int32_t cp_at(const tqc_doc *doc, size_t off)
{
    int32_t cp = -1;
    if (off < doc->len)
        tqc_text_decode(doc->text + off, doc->len - off, &cp);
    return cp;
}

/* "column 52", or "line 3, column 52" when the mark is on another line than at. */
static void where(const tqc_doc *doc, size_t off, size_t at, char *buf, size_t cap)
{
    size_t line, col, aline, acol;
    tqc_doc_locate(doc, off, &line, &col);
    tqc_doc_locate(doc, at, &aline, &acol);
    if (line == aline)
        snprintf(buf, cap, "column %zu", col);
    else
        snprintf(buf, cap, "line %zu, column %zu", line, col);
}

static void mark_text(int32_t cp, char out[5])
{
    size_t n = tqc_text_encode(cp, out);
    out[n] = '\0';
}

/* Where the closing mark of a quoted sentence that runs to limit (the paragraph's end)
 * most probably went: at limit, past the sentence's last mark; SIZE_MAX when nothing
 * follows the opening mark. */
static size_t sentence_close_point(const tqc_doc *doc, size_t end, size_t limit)
{
    size_t i = limit;
    while (i > end && (doc->text[i - 1] == ' ' || doc->text[i - 1] == '\n'))
        i--;
    return i > end ? i : SIZE_MAX;
}

/* Words looked through after a comma for a verb of saying (`, he said`, `, ha detto`,
 * `, says the minister`). */
#define QUOTES_ATTRIBUTION_WORDS 3
/* Bytes a verb of saying may have, for its lower-case copy. */
#define QUOTES_MAX_VERB 64

/* The first token at or after byte off (tokens are in text order). */
static size_t token_from(const tqc_doc *doc, size_t off)
{
    size_t lo = 0, hi = doc->token_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->tokens[mid].span.start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether word token k is a verb of saying of the profile's `speech-verbs`, read in
 * lower case up to its first hyphen (French `explique-t-il`). */
static bool speech_verb(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    const char *w = tqc_doc_at(ctx->doc, t->span);
    size_t n = tqc_span_len(t->span), cut = 0;
    while (cut < n && w[cut] != '-')
        cut++;
    char lower[QUOTES_MAX_VERB];
    size_t ln = cut < sizeof lower ? tqc_text_case(w, cut, TQC_CASE_LOWER, lower, sizeof lower) : 0;
    return ln && tqc_lang_in(ctx->lang, "speech-verbs", lower, ln);
}

/* Whether a clause ends within QUOTES_ATTRIBUTION_WORDS words from token k, as an
 * attribution does (`, he said.`, `, said the minister,`), unlike a clause of the
 * quotation whose verb takes an object (`, told us they saw`). */
static bool attribution_ends(const tqc_doc *doc, size_t k, size_t limit)
{
    for (size_t words = 0; k < doc->token_count && doc->tokens[k].span.start < limit; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (t->kind == TQC_TOK_PUNCT)
            return tqc_span_len(t->span) == 1 && strchr(".,;:!?", doc->text[t->span.start]);
        if (++words > QUOTES_ATTRIBUTION_WORDS)
            return false;
    }
    return true;    /* the paragraph's end */
}

/* Whether the word at token k, right after a verb of saying, opens a phrase that the
 * attribution may carry (`, Benington said in a conversation`): a preposition that is no
 * conjunction or pronoun, as a verb's object would be (`, he told me`). */
static bool attribution_goes_on(const tqc_ctx *ctx, size_t k, size_t limit)
{
    const tqc_doc *doc = ctx->doc;
    if (k >= doc->token_count || doc->tokens[k].span.start >= limit ||
        doc->tokens[k].kind != TQC_TOK_WORD)
        return false;
    uint32_t pos = tqc_ctx_pos_lower(ctx, k);
    return (pos & TQC_POS_PREP) && !(pos & (TQC_POS_CONJ | TQC_POS_PRON | TQC_POS_VERB));
}

/* The attribution inside a quotation that opened at byte from and runs to limit with no
 * quotation mark after it: a comma, then a verb of saying within a few words (`"Same
 * thing, he said.`). Returns the comma's token, or SIZE_MAX. */
static size_t attribution_inside(const tqc_ctx *ctx, size_t from, size_t limit)
{
    const tqc_doc *doc = ctx->doc;
    for (size_t k = token_from(doc, from); k < doc->token_count && doc->tokens[k].span.start < limit;
         k++) {
        const tqc_token *t = &doc->tokens[k];
        if (t->kind != TQC_TOK_PUNCT)
            continue;
        if (tqc_ctx_mark(ctx, k, TQC_QUOTE_ROLES_QUOTES))
            return SIZE_MAX;    /* another mark: not one quotation left open */
        if (tqc_span_len(t->span) != 1 || doc->text[t->span.start] != ',')
            continue;
        for (size_t j = k + 1, words = 0;
             j < doc->token_count && words < QUOTES_ATTRIBUTION_WORDS &&
             doc->tokens[j].kind == TQC_TOK_WORD && doc->tokens[j].span.start < limit;
             j++, words++) {
            /* A title's full stop glued to it and a capital after (`Mrs. Marr said`). */
            if (j + 2 < doc->token_count && doc->tokens[j + 1].kind == TQC_TOK_PUNCT &&
                doc->text[doc->tokens[j + 1].span.start] == '.' &&
                tqc_span_len(doc->tokens[j + 1].span) == 1 &&
                !(doc->tokens[j + 1].flags & TQC_TF_SPACE_BEFORE) &&
                (doc->tokens[j].flags & TQC_TF_CAP) && (doc->tokens[j + 2].flags & TQC_TF_CAP) &&
                doc->tokens[j + 2].kind == TQC_TOK_WORD && !speech_verb(ctx, j)) {
                j++;
                continue;
            }
            /* The speaker, a name or a pronoun, stands between; a preposition or a
             * conjunction opens a clause of the quotation (`and he told me`, `from said
             * Island`). */
            uint32_t pos = tqc_ctx_pos_lower(ctx, j);
            if ((pos & (TQC_POS_PREP | TQC_POS_CONJ)) &&
                !(pos & (TQC_POS_PRON | TQC_POS_NOUN | TQC_POS_PROPN)))
                break;
            if (speech_verb(ctx, j) && (attribution_ends(doc, j + 1, limit) ||
                                        attribution_goes_on(ctx, j + 1, limit)))
                return k;
        }
    }
    return SIZE_MAX;
}

/* at_end: the paragraph ended with m open (rather than another mark closing over it);
 * limit: where its closing mark must come by (the paragraph's end, or the mark that closed
 * over it). last_para: the paragraph is the document's last; next_prose: the next one
 * opens with a letter. */
static void report_unclosed(const tqc_ctx *ctx, const quote_rules *r, const open_mark *m,
                            bool at_end, size_t limit, bool last_para, bool next_prose)
{
    if (m->tentative)
        return;
    const tqc_doc *doc = ctx->doc;
    const pair *p = &r->pairs[m->pair];
    char o[5], c[5];
    mark_text(p->open, o);
    mark_text(p->close, c);
    tqc_span span = tqc_span_make(m->off, m->off + strlen(o));
    /* `inside double quotes (")`: a mark alone in brackets is the mark named. */
    if (!p->bracket && span.start > 0 && doc->text[span.start - 1] == '(' &&
        span.end < doc->len && doc->text[span.end] == ')')
        return;
    if (!p->bracket && is_apostrophe(r, p->close) && tqc_text_is_digit(cp_at(doc, span.end))) {
        /* ‘90s: an apostrophe turned the wrong way, not a quotation. */
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, span,
                                  "opening quote %s used as an apostrophe; write %s", o, c);
        tqc_finding_suggest(ctx->out, f, c, strlen(c));
        tqc_finding_fix(ctx->out, f, span, c, strlen(c), true);
        return;
    }
    size_t comma = at_end && !p->bracket ? attribution_inside(ctx, span.end, limit) : SIZE_MAX;
    if (comma != SIZE_MAX) {
        /* Its attribution follows inside it: the closing mark was dropped before it. Its
         * place is known, at the comma, but which side of the comma is the language's
         * style: the mark is named, with no fix. */
        char at[48];
        where(doc, doc->tokens[comma].span.start, span.start, at, sizeof at);
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, span, "quotation mark %s is never "
                 "closed: its attribution follows the comma at %s, with no %s before it",
                 o, at, c);
        return;
    }
    if (at_end && !p->bracket && m->sentence) {
        /* Sentences quoted to the paragraph's end: the form of a quotation that runs on
         * into the next paragraph, whose opening mark is missing, or of an excerpt cut
         * off. A quotation that runs on opens the next paragraph again with its mark, in
         * every language: when that paragraph opens with a word, the closing mark was
         * dropped (a warning); at the document's end, or before a paragraph that opens
         * otherwise (a dash, another mark), only a hint. */
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id,
                                  next_prose && !last_para ? TQC_SEV_WARNING : TQC_SEV_INFO,
                                  span, "quotation %s runs to the end of its paragraph, and the "
                                  "next paragraph does not open with %s to continue it", o, o);
        size_t at = sentence_close_point(doc, span.end, limit);
        if (at != SIZE_MAX && !last_para)
            tqc_finding_fix(ctx->out, f, tqc_span_make(at, at), c, strlen(c), false);
        return;
    }
    const char *what = p->bracket ? "bracket" : "quotation mark";
    if (at_end) {
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, span, "%s %s is never closed (no "
                     "%s follows in its paragraph)", what, o, c);
    } else {
        char at[48];
        where(doc, limit, span.start, at, sizeof at);
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, span, "%s %s is not closed: "
                     "no %s before the mark at %s, which ends or opens another", what, o, c, at);
    }
    /* No fix: the mark that closes it is known, its place is not. The next punctuation
     * was right for fewer than half of the marks dropped from clean text (issue 12), and
     * a wrong fix is worse than none. */
}

/* How many paragraphs without a mark of its pair a quotation left open may run over
 * before one closes it: a block quotation (a letter, a statute) introduced by a mark that
 * ends its paragraph (`He wrote: "`) and closed at the end of its last paragraph. */
#define QUOTES_BLOCK_PARAGRAPHS 6

/* Whether paragraph p, or the first paragraph from p on (within QUOTES_BLOCK_PARAGRAPHS)
 * with a quotation mark, closes a quotation of pair pr that it did not open (quotations
 * it opens and closes may come first: `its "reform" never came … closed."`): the quotation
 * left open before went on there, its reopening marks forgotten. A straight mark closes
 * by its place (after a word, before a space or punctuation), else alternates. An
 * apostrophe after a letter (`Georgia's`) is no mark. */
static bool closes_first(const quote_rules *r, const tqc_doc *doc, size_t p, const pair *pr)
{
    for (size_t q = p; q < doc->paragraph_count && q < p + QUOTES_BLOCK_PARAGRAPHS; q++) {
        tqc_span sp = doc->paragraphs[q].span;
        size_t marks = 0, open = 0;
        int32_t prev = -1, cp;
        for (size_t i = sp.start, n; i < sp.end; i += n, prev = cp) {
            n = tqc_text_decode(doc->text + i, sp.end - i, &cp);
            if (!n)
                return false;
            if (cp != pr->open && cp != pr->close) {
                if (is_quote(r, cp) && !(is_apostrophe(r, cp) && tqc_text_is_letter(prev)))
                    marks++;
                continue;
            }
            marks++;
            bool closing = cp == pr->close;
            if (pr->open == pr->close) {
                mark_pos pos = classify(r, doc->text, sp, i, i + n);
                closing = pos == POS_CLOSE || (pos != POS_OPEN && open > 0);
            }
            if (closing && open == 0)
                return true;
            open = closing ? open - 1 : open + 1;
        }
        if (marks)
            return false;
    }
    return false;
}

/* Pops the stack down to (not including) entry k, reporting the marks left open. */
static void unwind(const tqc_ctx *ctx, const quote_rules *r, mark_stack *st, size_t k,
                   bool at_end)
{
    while (st->depth > k) {
        const open_mark *m = &st->items[--st->depth];
        bool next_prose = at_end && st->next_prose &&
                          !closes_first(r, ctx->doc, st->next_para, &r->pairs[m->pair]);
        report_unclosed(ctx, r, m, at_end, st->para_end, st->last_para, next_prose);
    }
}

/* Entry k of st closes at limit: the marks of the other stack opened after it (a bracket
 * inside the quotation, `„Western (Euro“`; a quotation inside the bracket) were never
 * closed. */
static void close_inner(const tqc_ctx *ctx, const quote_rules *r, mark_stack *st, size_t k,
                        tqc_span limit)
{
    mark_stack *o = st->other;
    if (!o || o->depth <= st->items[k].other_depth)
        return;
    /* Marks crossed, the inner one closing right after (`(Quotations follow.")`): both
     * are closed, in the wrong order; the inner one's closing mark pops it. */
    if (closes_pair(r, o->items[o->depth - 1].pair, cp_at(ctx->doc, limit.end)))
        return;
    while (o->depth > st->items[k].other_depth)
        report_unclosed(ctx, r, &o->items[--o->depth], false, limit.start, false, false);
}

/* Whether the mark at token k opens a quoted sentence: at a sentence start, or after the
 * comma, colon or dash of an attribution (`he said, "The`). A quotation that opens inside
 * a clause (`said it was "designed to`) is a phrase, which never runs on to the next
 * paragraph. */
static bool opens_sentence(const tqc_doc *doc, size_t k)
{
    if (k == 0 || (doc->tokens[k].flags & (TQC_TF_SENT_START | TQC_TF_PARA_START)))
        return true;
    const tqc_token *prev = &doc->tokens[k - 1];
    int32_t cp = cp_at(doc, prev->span.start);
    return prev->kind == TQC_TOK_PUNCT && (cp == ',' || cp == ':' || cp == ';' || cp == '.' ||
                                           cp == '!' || cp == '?' || is_dash_or_slash(cp));
}

/* How many marks cp follow span in the paragraph. */
static size_t marks_after(const tqc_doc *doc, tqc_span para, tqc_span span, int32_t cp)
{
    size_t count = 0;
    for (size_t j = span.end; j < para.end;) {
        int32_t c;
        size_t n = tqc_text_decode(doc->text + j, para.end - j, &c);
        if (n == 0)
            break;
        count += c == cp;
        j += n;
    }
    return count;
}

/* The first pair of role, or SIZE_MAX. */
static size_t pair_of_role(const quote_rules *r, tqc_quote_role role)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->pairs[i].role == role)
            return i;
    return SIZE_MAX;
}

/* Whether cp glues a quotation mark to the text before or after it: a letter, a digit,
 * or (before an opening mark) the punctuation that ends a clause. */
static bool glues(int32_t cp, bool before_opening)
{
    return tqc_text_is_letter(cp) || tqc_text_is_digit(cp) ||
           (before_opening && (cp == ',' || cp == '.' || cp == ';' || cp == ':' || cp == '!' ||
                               cp == '?'));
}

/* What an opening quotation mark at tok says by itself, before it is pushed on st:
 * another language's mark (a `foreign` pair), a quotation nested in one opened with the
 * same marks (the language writes its secondary marks inside), no space before it. */
static void check_opening(const tqc_ctx *ctx, const quote_rules *r, const mark_stack *st,
                          size_t pair_idx, const tqc_token *tok)
{
    const tqc_doc *doc = ctx->doc;
    const pair *p = &r->pairs[pair_idx];
    char m[5];
    mark_text(p->open, m);
    size_t primary = pair_of_role(r, TQC_QUOTE_PRIMARY), secondary = pair_of_role(r, TQC_QUOTE_SECONDARY);
    if (p->role == TQC_QUOTE_FOREIGN && primary != SIZE_MAX) {
        char o[5], c[5];
        mark_text(r->pairs[primary].open, o);
        mark_text(r->pairs[primary].close, c);
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, tok->span,
                                  "quotation opened with %s, another language's mark: %s "
                                  "writes %s %s", m,
                                  tqc_lang_setting(ctx->lang, "name", "this language"), o, c);
        tqc_finding_suggest(ctx->out, f, o, strlen(o));
    } else if ((p->role == TQC_QUOTE_PRIMARY || p->role == TQC_QUOTE_SECONDARY) && p->open != p->close &&
               primary != SIZE_MAX && secondary != SIZE_MAX) {
        for (size_t i = 0; i < st->depth; i++) {
            if (st->items[i].tentative || r->pairs[st->items[i].pair].open != p->open)
                continue;
            size_t other = p->role == TQC_QUOTE_PRIMARY ? secondary : primary;
            char o[5], c[5], at[48];
            mark_text(r->pairs[other].open, o);
            mark_text(r->pairs[other].close, c);
            where(doc, st->items[i].off, tok->span.start, at, sizeof at);
            tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, tok->span,
                                      "quotation inside the quotation opened at %s uses the "
                                      "same mark %s; inside it, write %s %s", at, m, o, c);
            tqc_finding_suggest(ctx->out, f, o, strlen(o));
            break;
        }
    }
    size_t at;
    int32_t before = tok->span.start > 0 ? tqc_text_prev(doc->text, tok->span.start, &at) : -1;
    if (glues(before, true) && !(tok->flags & TQC_TF_SPACE_BEFORE)) {
        char fixed[8];
        int n = snprintf(fixed, sizeof fixed, " %s", m);
        tqc_finding *f = TQC_EMIT(ctx, tok->span, "no space before the opening quote %s", m);
        tqc_finding_suggest(ctx->out, f, fixed, (size_t)n);
        tqc_finding_fix(ctx->out, f, tok->span, fixed, (size_t)n, true);
    }
}

/* A closing quotation mark at span glued to the word after it (`appeal,”said`), its
 * opening mark at open_off. */
static void check_closing(const tqc_ctx *ctx, tqc_span span, size_t open_off)
{
    const tqc_doc *doc = ctx->doc;
    int32_t after = cp_at(doc, span.end);
    if (!glues(after, false))
        return;
    int32_t open_cp;
    size_t open_end = open_off < span.start ? open_off + tqc_text_decode(doc->text + open_off,
                                                                          span.start - open_off,
                                                                          &open_cp)
                                            : span.start;
    if (span.start > 0 && doc->text[span.start - 1] == ' ' && open_end < span.start &&
        !tqc_text_is_space(cp_at(doc, open_end))) {
        /* `“we will appeal ”and`: the opening mark is written tight, so the space
         * belongs after the closing one. */
        char fixed[8];
        int n = snprintf(fixed, sizeof fixed, "%.*s ", (int)tqc_span_len(span),
                         doc->text + span.start);
        tqc_finding *f = TQC_EMIT(ctx, span, "space on the wrong side of the closing quote "
                                  "%.*s: it belongs after the mark", (int)tqc_span_len(span),
                                  doc->text + span.start);
        tqc_finding_suggest(ctx->out, f, fixed, (size_t)n);
        tqc_finding_fix(ctx->out, f, tqc_span_make(span.start - 1, span.end), fixed, (size_t)n,
                        true);
        return;
    }
    char fixed[8];
    int n = snprintf(fixed, sizeof fixed, "%.*s ", (int)tqc_span_len(span),
                     doc->text + span.start);
    tqc_finding *f = TQC_EMIT(ctx, span, "no space after the closing quote %.*s",
                              (int)tqc_span_len(span), doc->text + span.start);
    tqc_finding_suggest(ctx->out, f, fixed, (size_t)n);
    tqc_finding_fix(ctx->out, f, span, fixed, (size_t)n, true);
}

static void push(const tqc_doc *doc, mark_stack *st, size_t pair_idx, const tqc_token *tok,
                 bool tentative)
{
    bool outermost = !tentative;
    for (size_t i = 0; i < st->depth && outermost; i++)
        outermost = st->items[i].tentative;
    if (outermost && st->styles) {
        style_log *log = st->styles;
        if (log->count == log->cap) {
            /* a failed allocation only leaves the log shorter: fewer quotations compared */
            size_t cap = log->cap ? 2 * log->cap : 32;
            style_use *grown = cap <= SIZE_MAX / sizeof *grown
                                   ? tqc_realloc(log->items, cap * sizeof *grown) : NULL;
            if (grown) {
                log->items = grown;
                log->cap = cap;
            }
        }
        if (log->count < log->cap)
            log->items[log->count++] = (style_use){tok->span.start, pair_idx, st->para, false};
    }
    if (st->depth < QUOTES_MAX_DEPTH)
        st->items[st->depth++] = (open_mark){pair_idx, tok->span.start, tentative,
                                             opens_sentence(doc, (size_t)(tok - doc->tokens)),
                                             st->other ? st->other->depth : 0};
}

/* The topmost open entry opened with cp (by_close false) or closed by cp (by_close
 * true), or SIZE_MAX. */
static size_t find_open(const quote_rules *r, const mark_stack *st, int32_t cp, bool by_close)
{
    for (size_t k = st->depth; k-- > 0;) {
        const pair *p = &r->pairs[st->items[k].pair];
        if (by_close ? closes_pair(r, st->items[k].pair, cp) : p->open == cp)
            return k;
    }
    return SIZE_MAX;
}

/* The quotation opened at off, closed by another pair's mark, shows no style: its marks
 * disagree, and it is reported as such (`"vaults»`), so it is no evidence of a second
 * style beside the article's. */
static void style_mixed(mark_stack *st, size_t off)
{
    style_log *log = st->styles;
    for (size_t i = log ? log->count : 0; i-- > 0 && log->items[i].off >= off;)
        if (log->items[i].off == off)
            log->items[i].mixed = true;
}

/* How many code points close are decoded from from to end in doc's text. */
static size_t count_closers(const tqc_doc *doc, size_t from, size_t end, int32_t close,
                            size_t *stop)
{
    size_t count = 0, j = from;
    while (j < end) {
        int32_t cp;
        size_t n = tqc_text_decode(doc->text + j, end - j, &cp);
        if (n == 0)
            break;
        count += cp == close;
        j += n;
    }
    *stop = j;
    return count;
}

/* How many closing marks close stand from from to the paragraph's end: the last count
 * less those between its start and from when decoding from there reaches from exactly
 * (a scan from every mark to the end was quadratic in a paragraph of many), else a scan. */
static size_t closers_after(mark_stack *st, const tqc_doc *doc, tqc_span para, size_t from,
                            int32_t close)
{
    size_t count, stop;
    if (st->cl_end == para.end && st->cl_end != 0 && st->cl_close == close &&
        st->cl_from <= from) {
        size_t gap = count_closers(doc, st->cl_from, from, close, &stop);
        count = stop == from ? st->cl_count - gap : count_closers(doc, from, para.end, close, &stop);
    } else {
        count = count_closers(doc, from, para.end, close, &stop);
    }
    st->cl_close = close;
    st->cl_from = from;
    st->cl_end = para.end;
    st->cl_count = count;
    return count;
}

/* Whether an opening mark of pair i at span, with a quotation of the same pair open,
 * would leave too few closing marks in the rest of the paragraph to close them all:
 * then it is the closing mark turned the wrong way (`« démons « (ou`), not a nested
 * quotation, even where spaces surround it as French guillemets are written. */
static bool closes_nothing_after(const quote_rules *r, mark_stack *st, tqc_span para,
                                 const tqc_doc *doc, tqc_span span, size_t i)
{
    const pair *p = &r->pairs[i];
    if (p->open == p->close)
        return false;
    size_t open = 0;
    for (size_t k = 0; k < st->depth; k++)
        open += !st->items[k].tentative && r->pairs[st->items[k].pair].open == p->open;
    if (open == 0)
        return false;
    return closers_after(st, doc, para, span.end, p->close) < open + 1;
}

/* Where the first closing mark of pair i after span stands in the paragraph (before any
 * other opening mark of the pair), or SIZE_MAX. Only for pairs of two marks. */
static size_t closer_after(const quote_rules *r, const tqc_doc *doc, tqc_span para,
                           tqc_span span, size_t i)
{
    const pair *p = &r->pairs[i];
    if (p->open == p->close)
        return SIZE_MAX;
    for (size_t j = span.end; j < para.end;) {
        int32_t cp;
        size_t n = tqc_text_decode(doc->text + j, para.end - j, &cp);
        if (n == 0 || cp == p->open)
            break;
        if (closes_pair(r, i, cp))
            return j;
        j += n;
    }
    return SIZE_MAX;
}

static void quote_mark(const tqc_ctx *ctx, const quote_rules *r, mark_stack *st,
                       tqc_span para, const tqc_token *tok, int32_t cp)
{
    tqc_span span = tok->span;
    const tqc_doc *doc = ctx->doc;
    st->para_marks++;
    if (st->reopened != SIZE_MAX && span.start == para.start &&
        cp == r->pairs[st->reopened].close) {
        /* `»Nadie nos ha escrito`: the quotation the paragraph before left open goes on. */
        push(doc, st, st->reopened, tok, false);
        st->reopened = SIZE_MAX;
        return;
    }
    mark_pos pos = classify(r, doc->text, para, span.start, span.end);
    size_t as_open = opens(r, cp), as_close = closes(r, cp);
    bool apos = is_apostrophe(r, cp);
    char m[5];
    mark_text(cp, m);
    /* The innermost open mark, looking through marks that may be apostrophes ('em). */
    size_t top = st->depth;
    if (top && !closes_pair(r, st->items[top - 1].pair, cp))
        while (top > 0 && st->items[top - 1].tentative)
            top--;
    if (top && closes_pair(r, st->items[top - 1].pair, cp)) {
        /* A straight quote opening while its twin is open: a quotation inside a
         * quotation written with the outer marks. If either is left open, the end of
         * the paragraph says so. */
        if (r->pairs[st->items[top - 1].pair].open == cp && pos == POS_OPEN) {
            size_t secondary = pair_of_role(r, TQC_QUOTE_SECONDARY);
            if (!apos && !st->items[top - 1].tentative && secondary != SIZE_MAX &&
                r->pairs[secondary].open != cp &&
                opens_sentence(doc, (size_t)(tok - doc->tokens)) &&
                marks_after(doc, para, span, cp) % 2 == 1) {
                /* Straight quotes do not nest where the language writes other marks
                 * inside a quotation: a second one opening a quoted sentence, with an
                 * odd number of its marks after it (so they pair among themselves), is
                 * the first one's end gone missing (`"We won, he said. "Now we rest."`).
                 * A phrase quoted inside (`"the "cold war" is`), or marks that balance
                 * as a nested quotation, are left alone. */
                while (st->depth > top - 1)
                    report_unclosed(ctx, r, &st->items[--st->depth], false, span.start, false,
                                    false);
            }
            if (!apos)
                check_opening(ctx, r, st, as_open, tok);
            push(doc, st, as_open, tok, apos);
            return;
        }
        if (!st->items[top - 1].tentative && !apos) {
            check_closing(ctx, span, st->items[top - 1].off);
            close_inner(ctx, r, st, top - 1, span);
        }
        st->depth = top - 1;
        return;
    }
    /* Right before a comma, a colon, a closing bracket or a full stop (not an ellipsis) a
     * mark of a two-mark pair opens nothing (`« i386 «, y compris`): with a quotation of
     * its pair open, it is that one's end written the wrong way, whatever marks follow. */
    int32_t next_cp = cp_at(doc, span.end);
    bool cannot_open = as_open != SIZE_MAX && r->pairs[as_open].open != r->pairs[as_open].close &&
                       (next_cp == ',' || next_cp == ';' || next_cp == ':' || next_cp == ')' ||
                        next_cp == ']' || (next_cp == '.' && cp_at(doc, span.end + 1) != '.')) &&
                       find_open(r, st, cp, false) != SIZE_MAX;
    if (as_open != SIZE_MAX && pos != POS_CLOSE && !cannot_open &&
        !closes_nothing_after(r, st, para, doc, span, as_open)) {
        if (!apos)
            check_opening(ctx, r, st, as_open, tok);
        push(doc, st, as_open, tok, apos);
        return;
    }
    if (as_open != SIZE_MAX && pos == POS_OPEN) {
        size_t k = find_open(r, st, cp, false);
        if (k != SIZE_MAX && !st->items[k].tentative) {
            /* A quotation opens (a space before, a word after) with the mark of one still
             * open, and too few closing marks follow for both: the first one's end is
             * missing (`eine „Kette von …, die zu einem „Kreis“ wird`). */
            while (st->depth > k)
                report_unclosed(ctx, r, &st->items[--st->depth], false, span.start, false,
                                false);
            check_opening(ctx, r, st, as_open, tok);
            push(doc, st, as_open, tok, apos);
            return;
        }
    }
    if (as_open != SIZE_MAX) {
        /* An opening mark where a closing one belongs. */
        size_t k = find_open(r, st, cp, false);
        if (k != SIZE_MAX && !st->items[k].tentative) {
            const pair *p = &r->pairs[st->items[k].pair];
            char c[5], at[48];
            mark_text(p->close, c);
            where(doc, st->items[k].off, span.start, at, sizeof at);
            unwind(ctx, r, st, k + 1, false);
            close_inner(ctx, r, st, k, span);
            st->depth = k;
            tqc_finding *f = TQC_EMIT(ctx, span, "opening quote %s used as a closing quote; it "
                                      "closes the %s opened at %s", m, m, at);
            tqc_finding_suggest(ctx->out, f, c, strlen(c));
            tqc_finding_fix(ctx->out, f, span, c, strlen(c), true);
            return;
        }
        /* Glued to the word before with a space after, and its pair's closing mark
         * follows: the space is on the wrong side (`said“ we will appeal”`). */
        size_t close_at = pos == POS_CLOSE && k == SIZE_MAX ? closer_after(r, doc, para, span,
                                                                           as_open) : SIZE_MAX;
        if (close_at != SIZE_MAX && doc->text[span.end] == ' ' &&
            tqc_text_is_letter(cp_at(doc, span.end + 1))) {
            /* The closing mark shows the writer's style: spaced inside (`« mot »`) keeps
             * the inner space, tight (`“word”`) loses it. */
            size_t before_close;
            bool spaced = tqc_text_is_space(tqc_text_prev(doc->text, close_at, &before_close));
            char fixed[8];
            int n = snprintf(fixed, sizeof fixed, spaced ? " %s " : " %s", m);
            tqc_span edit = tqc_span_make(span.start, span.end + 1);
            tqc_finding *f = TQC_EMIT(ctx, span, "space on the wrong side of the opening quote "
                                      "%s: it belongs before the mark", m);
            tqc_finding_suggest(ctx->out, f, fixed, (size_t)n);
            tqc_finding_fix(ctx->out, f, edit, fixed, (size_t)n, true);
            push(doc, st, as_open, tok, false);
            return;
        }
        /* The mark's first role in the language is opening (“ in English, though „ “
         * would make it a closing mark too). */
        bool any_open = false;
        for (size_t i = 0; i < st->depth; i++)
            any_open |= !st->items[i].tentative;
        /* (A mark that also closes another pair, while a quotation is open, is that
         * quotation's end in the wrong style: told below.) */
        if (as_close == SIZE_MAX || (as_open < as_close && !any_open)) {
            char c[5];
            mark_text(r->pairs[as_open].close, c);
            bool to_apostrophe = is_apostrophe(r, r->pairs[as_open].close);
            tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, span,
                                      to_apostrophe ? "opening quote %s used as an apostrophe; "
                                      "write %s" : "opening quote %s where a closing quote "
                                      "belongs, and no quotation is open; %s?", m, c);
            tqc_finding_suggest(ctx->out, f, c, strlen(c));
            tqc_finding_fix(ctx->out, f, span, c, strlen(c), to_apostrophe);
            return;
        }
    }
    /* A closing mark that is not the innermost open one's. */
    if (apos)
        return;
    size_t k = find_open(r, st, cp, true);
    if (k != SIZE_MAX) {
        unwind(ctx, r, st, k + 1, false);
        if (!st->items[k].tentative) {
            check_closing(ctx, span, st->items[k].off);
            close_inner(ctx, r, st, k, span);
        }
        st->depth = k;
        return;
    }
    if (pos == POS_OPEN && as_open == SIZE_MAX) {
        char o[5];
        mark_text(r->pairs[as_close].open, o);
        tqc_finding *f = TQC_EMIT(ctx, span, "closing quote %s used as an opening quote", m);
        tqc_finding_suggest(ctx->out, f, o, strlen(o));
        tqc_finding_fix(ctx->out, f, span, o, strlen(o), true);
        push(doc, st, as_close, tok, false);
        return;
    }
    /* 6'2", 1/8'': feet and inches, not quotes. */
    size_t i = span.start;
    int32_t before = -1;
    while (i > para.start && ((before = tqc_text_prev(doc->text, i, &i)) == cp || before == '\''))
        ;
    if (as_open != SIZE_MAX && r->pairs[as_open].open == r->pairs[as_open].close &&
        tqc_text_is_digit(before))
        return;
    bool nothing_open = true;
    for (size_t d = 0; d < st->depth; d++)
        nothing_open &= st->items[d].tentative;
    if (st->carried != SIZE_MAX && closes_pair(r, st->carried, cp) && nothing_open) {
        /* The end of a quotation a paragraph before left open: only the opening marks
         * the paragraphs it runs over should repeat are missing. */
        char o[5];
        mark_text(r->pairs[st->carried].open, o);
        if (st->carried_over == 0)
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, span, "closing quote %s ends the "
                     "quotation left open by the previous paragraph, but this paragraph does "
                     "not open with %s", m, o);
        else
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, span, "closing quote %s ends the "
                     "quotation left open %zu paragraphs before, but none of them opens "
                     "again with %s", m, st->carried_over + 1, o);
        st->carried = SIZE_MAX;
        st->carried_over = 0;
        return;
    }
    /* Another pair's closing mark while a quotation is open (`« statique ”`): the
     * open one's closing mark, probably. */
    size_t open_k = st->depth;
    while (open_k > 0 && st->items[open_k - 1].tentative)
        open_k--;
    if (open_k > 0) {
        const open_mark *om = &st->items[open_k - 1];
        char o[5], c[5], at[48];
        const pair *op = &r->pairs[om->pair];
        if (op->open == op->close && !r->pairs[as_close].bracket &&
            r->pairs[as_close].role != TQC_QUOTE_FOREIGN &&
            r->pairs[as_close].open != r->pairs[as_close].close) {
            /* A straight mark closed by a typeset one of the language (`"vaults»`): the
             * straight one is the odd one out, the typeset closing mark tells which pair
             * was meant. (Closed by another language's mark, that one is.) */
            mark_text(op->open, o);
            mark_text(r->pairs[as_close].open, c);
            tqc_span os = tqc_span_make(om->off, om->off + strlen(o));
            tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, os,
                                      "straight quote %s opens the quotation that %s closes; "
                                      "write %s", o, m, c);
            tqc_finding_suggest(ctx->out, f, c, strlen(c));
            tqc_finding_fix(ctx->out, f, os, c, strlen(c), false);
            style_mixed(st, om->off);
            st->depth = open_k - 1;
            return;
        }
        mark_text(r->pairs[om->pair].open, o);
        mark_text(r->pairs[om->pair].close, c);
        where(doc, om->off, span.start, at, sizeof at);
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, span,
                                  "closing quote %s does not match the %s opened at %s; %s?", m,
                                  o, at, c);
        tqc_finding_suggest(ctx->out, f, c, strlen(c));
        tqc_finding_fix(ctx->out, f, span, c, strlen(c), false);
        style_mixed(st, om->off);
        close_inner(ctx, r, st, open_k - 1, span);
        st->depth = open_k - 1;
        return;
    }
    tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, span,
             "closing quote %s with no opening quote before it in its paragraph", m);
}

/* Whether the bracket at token k is the mouth of a smiley: glued after `:` or `;`,
 * with or without a `-` nose (`:)`, `;-)`, `:(`). */
static bool smiley(const tqc_doc *doc, size_t k)
{
    if (k == 0 || (doc->tokens[k].flags & TQC_TF_SPACE_BEFORE))
        return false;
    size_t e = doc->tokens[k].span.start;
    if (doc->text[e - 1] == '-' && e >= 2)
        e--;
    return doc->text[e - 1] == ':' || doc->text[e - 1] == ';';
}

/* Whether word token t is a roman numeral of a list label (`iv)`, `XII)`). */
static bool roman(const tqc_doc *doc, const tqc_token *t)
{
    size_t n = tqc_span_len(t->span);
    if (t->kind != TQC_TOK_WORD || n > 6)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!strchr("ivxlcdmIVXLCDM", doc->text[t->span.start + i]))
            return false;
    return true;
}

/* A closing bracket with nothing open that is a list label (`a)`, `2)`, `iv)`) or a
 * smiley. */
static bool label_or_smiley(const tqc_doc *doc, size_t k)
{
    if (k == 0)
        return false;
    const tqc_token *prev = &doc->tokens[k - 1];
    int32_t cp = cp_at(doc, prev->span.start);
    if (smiley(doc, k))
        return true;
    if (roman(doc, prev) && (prev->flags & (TQC_TF_SENT_START | TQC_TF_SPACE_BEFORE)))
        return true;
    /* A number of one or two digits, or a single letter, standing alone. */
    bool short_label = (prev->kind == TQC_TOK_NUMBER && tqc_span_len(prev->span) <= 2) ||
                       (prev->kind == TQC_TOK_WORD && tqc_text_is_letter(cp) &&
                        tqc_text_decode(tqc_doc_at(doc, prev->span), tqc_span_len(prev->span),
                                        &cp) == tqc_span_len(prev->span));
    return short_label && (prev->flags & (TQC_TF_SENT_START | TQC_TF_SPACE_BEFORE));
}

static void bracket_mark(const tqc_ctx *ctx, const quote_rules *r, mark_stack *st, size_t k,
                         int32_t cp)
{
    const tqc_token *tok = &ctx->doc->tokens[k];
    tqc_span span = tok->span;
    const tqc_doc *doc = ctx->doc;
    size_t as_open = opens(r, cp);
    if (as_open != SIZE_MAX && r->pairs[as_open].bracket) {
        if (!smiley(doc, k))
            push(doc, st, as_open, tok, false);
        return;
    }
    char m[5];
    mark_text(cp, m);
    size_t j = find_open(r, st, cp, true);
    if (j != SIZE_MAX) {
        unwind(ctx, r, st, j + 1, false);
        close_inner(ctx, r, st, j, span);
        st->depth = j;
        return;
    }
    if (st->depth) {
        /* `(word]`: the closing bracket of another pair. */
        const open_mark *top = &st->items[st->depth - 1];
        char o[5], c[5], at[48];
        mark_text(r->pairs[top->pair].open, o);
        mark_text(r->pairs[top->pair].close, c);
        where(doc, top->off, span.start, at, sizeof at);
        tqc_finding *f = TQC_EMIT(ctx, span, "bracket %s closes the %s opened at %s; %s?", m, o,
                                  at, c);
        tqc_finding_suggest(ctx->out, f, c, strlen(c));
        tqc_finding_fix(ctx->out, f, span, c, strlen(c), false);
        close_inner(ctx, r, st, st->depth - 1, span);
        st->depth--;
        return;
    }
    if (label_or_smiley(doc, k))
        return;
    if (st->carried != SIZE_MAX && closes_pair(r, st->carried, cp)) {
        st->carried = SIZE_MAX;     /* reported with its opening bracket (run) */
        return;
    }
    tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, span,
             "closing bracket %s with no opening bracket before it in its paragraph", m);
}

/* The inverted pair that cp opens (*opening true) or closes, or SIZE_MAX. */
static size_t inverted_role(const quote_rules *r, int32_t cp, bool *opening)
{
    for (size_t i = 0; i < r->inverted_count; i++) {
        if (r->inverted[i].open == cp || r->inverted[i].close == cp) {
            *opening = r->inverted[i].open == cp;
            return i;
        }
    }
    return SIZE_MAX;
}

/* ¿ and ¡: an opening mark waits for a closing one; a closing mark ends the innermost
 * open one. A closing mark glued to another closing mark (?! !!!) or written as an
 * editorial aside ((!) (?)) needs no opener of its own. */
static void inverted_mark(const tqc_ctx *ctx, const quote_rules *r, mark_stack *st, size_t k,
                          size_t pair_idx, bool opening)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *tok = &doc->tokens[k];
    if (opening) {
        if (st->depth < QUOTES_MAX_DEPTH)
            st->items[st->depth++] = (open_mark){pair_idx, tok->span.start, false, false, 0};
        return;
    }
    if (st->depth) {
        st->depth--;
        return;
    }
    if (k > 0 && !(tok->flags & TQC_TF_SPACE_BEFORE)) {
        bool opening_before;
        int32_t before = cp_at(doc, doc->tokens[k - 1].span.start);
        if (doc->tokens[k - 1].kind == TQC_TOK_PUNCT &&
            (before == '(' || (inverted_role(r, before, &opening_before) != SIZE_MAX &&
                               !opening_before)))
            return;
    }
    char o[5], c[5];
    mark_text(r->inverted[pair_idx].open, o);
    mark_text(r->inverted[pair_idx].close, c);
    tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, tok->span, "%s with no opening %s "
             "before it in its paragraph: the question or exclamation should open with %s",
             c, o, o);
}

/* Reports the inverted marks left open at the end of a paragraph. */
static void inverted_unclosed(const tqc_ctx *ctx, const quote_rules *r, mark_stack *st)
{
    while (st->depth) {
        const open_mark *m = &st->items[--st->depth];
        char o[5], c[5];
        mark_text(r->inverted[m->pair].open, o);
        mark_text(r->inverted[m->pair].close, c);
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING,
                 tqc_span_make(m->off, m->off + strlen(o)), "%s is never closed (no %s "
                 "follows in its paragraph)", o, c);
    }
}

/* Words a quotation opened inside a sentence has at least when it is a passage of speech
 * that may run on into the next paragraph, not a quoted term. */
#define QUOTES_RUN_ON_WORDS 8

/* How many word tokens start in [from, to). */
static size_t words_from(const tqc_doc *doc, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t k = token_from(doc, from); k < doc->token_count && doc->tokens[k].span.start < to;
         k++)
        n += doc->tokens[k].kind == TQC_TOK_WORD;
    return n;
}

/* Whether the text of span ends with a sentence stop (. ! ? or an ellipsis). */
static bool ends_sentence(const tqc_doc *doc, tqc_span span)
{
    size_t e = span.end, st;
    while (e > span.start && tqc_text_is_space(tqc_text_prev(doc->text, e, &st)))
        e = st;
    if (e <= span.start)
        return false;
    int32_t cp = tqc_text_prev(doc->text, e, &st);
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* The first mark of paragraph p, or -1. */
static int32_t first_mark(const tqc_doc *doc, size_t p)
{
    if (p >= doc->paragraph_count)
        return -1;
    return cp_at(doc, doc->paragraphs[p].span.start);
}

/* Quotations on either side of one that show the article's style: about an article's
 * worth, so that a file of several articles is judged article by article. */
#define QUOTES_STYLE_WINDOW 8

/* The style of quotation u: the first pair its opening mark opens, or SIZE_MAX for marks
 * that say nothing of a style (another language's, reported when opened; marks that double
 * as apostrophes). */
static size_t style_of(const quote_rules *r, const style_use *u)
{
    const pair *p = &r->pairs[u->pair];
    if (u->mixed || p->bracket || p->role == TQC_QUOTE_FOREIGN || is_apostrophe(r, p->open) ||
        is_apostrophe(r, p->close))
        return SIZE_MAX;
    return opens(r, p->open);
}

/* Quotation u opened with pair own's mark where pair major's belongs: among the article's
 * quotations in major's style, or (outside, the house style's) outside any other. */
static void report_style(const tqc_ctx *ctx, const quote_rules *r, const style_use *u,
                         size_t own, size_t major, tqc_severity sev, bool outside)
{
    char m[5], o[5], c[5];
    mark_text(r->pairs[own].open, m);
    mark_text(r->pairs[major].open, o);
    mark_text(r->pairs[major].close, c);
    tqc_span span = tqc_span_make(u->off, u->off + strlen(m));
    tqc_finding *f =
        outside ? tqc_emit(ctx->out, ctx->pass->id, sev, span,
                           "quotation opened with %s outside any other: %s opens one with "
                           "%s %s, and writes %s only inside it", m,
                           tqc_lang_setting(ctx->lang, "name", "this language"), o, c, m)
                : tqc_emit(ctx->out, ctx->pass->id, sev, span,
                           "quotation opened with %s where the quotations around it open "
                           "with %s: one style of marks throughout, %s %s", m, o, o, c);
    tqc_finding_suggest(ctx->out, f, o, strlen(o));
}

/* Where the language opens every quotation outside another with its primary marks
 * (profile `outer-quotes-primary`: French `« »`), one opened with its secondary marks
 * there (`“ ”`, which go inside one) is in another language's style, English's as a rule:
 * a warning each, whatever the article's other quotations are. Returns whether it
 * reported. */
static bool report_outer_secondary(const tqc_ctx *ctx, const quote_rules *r, const style_use *u,
                                   size_t own)
{
    size_t primary = pair_of_role(r, TQC_QUOTE_PRIMARY);
    if (!r->outer_primary || primary == SIZE_MAX || r->pairs[own].role != TQC_QUOTE_SECONDARY)
        return false;
    report_style(ctx, r, u, own, primary, TQC_SEV_WARNING, true);
    return true;
}

/* The style of quotation u as evidence of the article's (style_of), none for one that
 * report_outer_secondary reports: the primary marks are no slip beside it. */
static size_t peer_style(const quote_rules *r, const style_use *u)
{
    size_t st = style_of(r, u);
    return st != SIZE_MAX && r->outer_primary && r->pairs[st].role == TQC_QUOTE_SECONDARY
               ? SIZE_MAX : st;
}

/* The style of paragraph-mates of quotation i when it is the only one of its style there
 * and two or more others share one style, else SIZE_MAX. pcounts: the styles of its
 * paragraph's quotations, itself included. */
static size_t odd_in_paragraph(const quote_rules *r, const size_t *pcounts, size_t own)
{
    if (pcounts[own] != 1)
        return SIZE_MAX;
    size_t major = SIZE_MAX;
    for (size_t k = 0; k < r->count; k++)
        if (k != own && pcounts[k] && (major == SIZE_MAX || pcounts[k] > pcounts[major]))
            major = k;
    return major != SIZE_MAX && pcounts[major] >= 2 ? major : SIZE_MAX;
}

/* A quotation in a style of its own among the article's (`"Nein"` among „…“, “…” among
 * « »). Its paragraph decides first: the only one of its style there, with two or more
 * others in one style. Else the quotations around it (QUOTES_STYLE_WINDOW on each side)
 * decide, by majority, when at least two of them share it and those in the quotation's
 * own style, itself counted, are a third of them or fewer (when the majority is the
 * language's primary style and the quotation's is not: one of them and as many or fewer
 * in its own, `«sì»` then `"no"`): alone in its style among three or more, or beside the
 * primary style, a warning (a quoted term too: the article's style holds for terms as for
 * speech); one of a few, a hint, since a handbook may write terms in one style and
 * speech in another. Styles used alike often are left alone. */
static void mixed_styles(const tqc_ctx *ctx, const quote_rules *r, const style_log *log)
{
    size_t pcounts[TQC_QUOTES_MAX_PAIRS] = {0}, para_end = 0;
    for (size_t i = 0; i < log->count; i++) {
        if (i == para_end) {
            /* the styles of the paragraph starting here, counted once */
            memset(pcounts, 0, sizeof pcounts);
            while (para_end < log->count && log->items[para_end].para == log->items[i].para) {
                size_t st = peer_style(r, &log->items[para_end++]);
                if (st != SIZE_MAX)
                    pcounts[st]++;
            }
        }
        size_t own = style_of(r, &log->items[i]);
        if (own == SIZE_MAX || report_outer_secondary(ctx, r, &log->items[i], own))
            continue;
        size_t major = odd_in_paragraph(r, pcounts, own);
        if (major != SIZE_MAX) {
            report_style(ctx, r, &log->items[i], own, major, TQC_SEV_WARNING, false);
            continue;
        }
        size_t counts[TQC_QUOTES_MAX_PAIRS] = {0};
        size_t from = i > QUOTES_STYLE_WINDOW ? i - QUOTES_STYLE_WINDOW : 0;
        size_t to = i + QUOTES_STYLE_WINDOW + 1 < log->count ? i + QUOTES_STYLE_WINDOW + 1
                                                                : log->count;
        for (size_t j = from; j < to; j++) {
            size_t st = j == i ? SIZE_MAX : peer_style(r, &log->items[j]);
            if (st != SIZE_MAX)
                counts[st]++;
        }
        major = SIZE_MAX;
        for (size_t k = 0; k < r->count; k++)   /* ties: the language's order */
            if (counts[k] && (major == SIZE_MAX || counts[k] > counts[major]))
                major = k;
        bool primary = major != SIZE_MAX && r->pairs[major].role == TQC_QUOTE_PRIMARY &&
                       r->pairs[own].role != TQC_QUOTE_PRIMARY;
        if (major == SIZE_MAX || major == own || counts[major] < (primary ? 1u : 2u))
            continue;
        size_t mine = counts[own] + 1;
        if (mine * 3 > counts[major] && !(primary && mine <= counts[major]))
            continue;
        /* alone in its style, it is a slip; one of a few, the article's second style
         * (a handbook's terms in one, speech in another): only a hint */
        report_style(ctx, r, &log->items[i], own, major,
                     mine == 1 && (counts[major] >= 3 || primary) ? TQC_SEV_WARNING
                                                                  : TQC_SEV_INFO, false);
    }
}

/* Whether paragraph p opens again with a mark of pair pr, so continuing the quotation the
 * paragraph before left open: its opening mark, or, where the language's convention has
 * it (`quote-continuation`: Spanish `»Nadie`), its closing one. *by_close says which. */
static bool reopens(const quote_rules *r, const tqc_doc *doc, size_t p, const pair *pr,
                    bool *by_close)
{
    int32_t first = first_mark(doc, p);
    *by_close = r->continuation && pr->open != pr->close && first == pr->close;
    return first == pr->open || *by_close;
}

static void run(const tqc_ctx *ctx)
{
    const quote_rules *r = ctx->state;
    const tqc_doc *doc = ctx->doc;
    if (!r || (r->count == 0 && r->inverted_count == 0))
        return;
    mark_stack quotes = {.depth = 0, .carried = SIZE_MAX, .reopened = SIZE_MAX};
    mark_stack brackets = {.depth = 0, .carried = SIZE_MAX};
    quotes.other = &brackets;
    brackets.other = &quotes;
    style_log styles = {0};
    quotes.styles = &styles;
    mark_stack inverted = {.depth = 0, .carried = SIZE_MAX};
    for (size_t p = 0; p < doc->paragraph_count; p++) {
        const tqc_paragraph *para = &doc->paragraphs[p];
        if (para->sent_count == 0)
            continue;
        const tqc_sentence *first = &doc->sentences[para->sent_first];
        const tqc_sentence *last = &doc->sentences[para->sent_first + para->sent_count - 1];
        brackets.depth = 0;
        quotes.depth = 0;
        quotes.para_marks = 0;
        quotes.para = p;
        brackets.para_end = quotes.para_end = para->span.end;
        brackets.last_para = quotes.last_para = p + 1 == doc->paragraph_count;
        quotes.next_prose = tqc_text_is_letter(first_mark(doc, p + 1));
        quotes.next_para = p + 1;
        for (size_t k = first->tok_first; k < last->tok_first + last->tok_count; k++) {
            const tqc_token *tok = &doc->tokens[k];
            int32_t cp;
            if (tok->kind != TQC_TOK_PUNCT ||
                !one_mark(tqc_doc_at(doc, tok->span), tqc_span_len(tok->span), &cp))
                continue;
            bool opening;
            size_t inv = inverted_role(r, cp, &opening);
            if (inv != SIZE_MAX) {
                inverted_mark(ctx, r, &inverted, k, inv, opening);
                continue;
            }
            size_t as_open = opens(r, cp), as_close = closes(r, cp);
            size_t any = as_open != SIZE_MAX ? as_open : as_close;
            if (any == SIZE_MAX)
                continue;
            if (r->pairs[any].bracket)
                bracket_mark(ctx, r, &brackets, k, cp);
            else
                quote_mark(ctx, r, &quotes, para->span, tok, cp);
        }
        /* A quotation running on: the next paragraph opens again with its outer mark. */
        size_t outer = SIZE_MAX;
        for (size_t i = 0; i < quotes.depth && outer == SIZE_MAX; i++)
            if (!quotes.items[i].tentative)
                outer = i;
        /* A paragraph with no quotation mark leaves a block quotation open (see
         * closes_first); one with marks settles it. */
        if (outer != SIZE_MAX || quotes.para_marks > 0 ||
            ++quotes.carried_over >= QUOTES_BLOCK_PARAGRAPHS) {
            quotes.carried = outer != SIZE_MAX ? quotes.items[outer].pair : SIZE_MAX;
            quotes.carried_over = 0;
        }
        /* Only a quoted sentence runs on: a phrase quoted inside a clause (`there are
         * "deficiencies in`) is closed in its paragraph, and so is one whose attribution
         * follows inside it (`"Same thing, he said.`). */
        bool by_close = false;
        bool reopen = outer != SIZE_MAX &&
                      reopens(r, doc, p + 1, &r->pairs[quotes.items[outer].pair], &by_close);
        quotes.reopened = SIZE_MAX;
        if (reopen && quotes.items[outer].sentence &&
            attribution_inside(ctx, quotes.items[outer].off + 1, para->span.end) == SIZE_MAX) {
            if (by_close)
                quotes.reopened = quotes.items[outer].pair;
            quotes.carried = SIZE_MAX;
            quotes.depth = 0;
        } else if (reopen && !quotes.items[outer].tentative &&
                 words_from(doc, quotes.items[outer].off, para->span.end) >=
                     QUOTES_RUN_ON_WORDS &&
                 ends_sentence(doc, para->span) &&
                 attribution_inside(ctx, quotes.items[outer].off + 1, para->span.end) ==
                     SIZE_MAX) {
            /* A quotation opened inside a sentence (`remarked that "probably the best`) may
             * run on too, when it is a passage of speech (not a term: `there are
             * "deficiencies in the program.`), its paragraph ending a sentence and the next
             * opening with its mark, as news copy writes it; a passage whose closing mark
             * was dropped looks the same, so it is only a hint. */
            const open_mark *om = &quotes.items[outer];
            char o[5];
            mark_text(r->pairs[om->pair].open, o);
            char again[5];
            mark_text(by_close ? r->pairs[om->pair].close : r->pairs[om->pair].open, again);
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO,
                     tqc_span_make(om->off, om->off + strlen(o)), "quotation %s opened inside "
                     "a sentence runs on into the next paragraph, which opens with %s: "
                     "correct if the quotation continues there, else its closing mark is "
                     "missing", o, again);
            if (by_close)
                quotes.reopened = om->pair;
            quotes.carried = SIZE_MAX;
            quotes.depth = 0;
        }
        unwind(ctx, r, &quotes, 0, true);
        /* One bracket left open whose closing one opens the next paragraph: a paragraph
         * break inside the brackets, one finding rather than an unclosed and an unopened
         * bracket. */
        brackets.carried = SIZE_MAX;
        if (brackets.depth == 1 && !brackets.items[0].tentative &&
            first_mark(doc, p + 1) == r->pairs[brackets.items[0].pair].close) {
            char o[5], c[5];
            mark_text(r->pairs[brackets.items[0].pair].open, o);
            mark_text(r->pairs[brackets.items[0].pair].close, c);
            size_t off = brackets.items[0].off;
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING,
                     tqc_span_make(off, off + strlen(o)), "bracket %s closes only where the "
                     "next paragraph opens with %s: a paragraph break inside the brackets",
                     o, c);
            brackets.carried = brackets.items[0].pair;
            brackets.depth = 0;
        }
        unwind(ctx, r, &brackets, 0, true);
        inverted_unclosed(ctx, r, &inverted);
    }
    mixed_styles(ctx, r, &styles);
    free(styles.items);
}

const tqc_pass tqc_pass_quotes = {
    .id = "quotes",
    .severity = TQC_SEV_ERROR,
    .severities = TQC_SEV_BIT(TQC_SEV_ERROR) | TQC_SEV_BIT(TQC_SEV_WARNING) |
                  TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "quotation marks and brackets that do not pair up, or point the wrong way",
    .good = "“We will not sign,” the minister said of the Workers’ Party plan (made in the ’90s).",
    .bad = "The minister said the talks had “reached a dead end“, adding that more would come.",
    .details = "Quotation marks and brackets that do not pair up: a closing quote written as an "
               "opening one, a mark never closed or never opened, a bracket closing another's, "
               "a straight mark among typeset ones, another language's marks, a quotation in a "
               "style of its own among the article's, one opened outside any other with the "
               "marks the language writes only inside one (French `“ ”`), no space next to a "
               "mark. "
               "Apostrophes and quotations that run over several paragraphs are correct. A "
               "wrong-way mark is an error; an unpaired one is a warning; a quotation running to "
               "the end of the article is a hint (info).",
    .init = init,
    .run = run,
    .fini = fini,
};
