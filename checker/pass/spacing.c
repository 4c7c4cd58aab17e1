/* spacing: spaces around punctuation, by the language's conventions (the `spacing` list):
 * two spaces inside a sentence, a space before a mark written flush (`word ,`), no space
 * after a mark that needs one before a letter (`a,b`), and a space inside brackets or
 * quotes (`( word )`, `“ word ”`), and a space after a mark written flush against the
 * word after it (Spanish `¿ Cómo`). Languages that space their marks (French) get the
 * reverse checks: no space before a mark that takes one (`mot:`), none inside a pair
 * written with inner spaces (`«mot»`). Numbers, URLs, e-mail addresses and abbreviations are
 * single tokens, so `1,000`, `11:43` and `U.S.` never reach the checks; a sentence end
 * without its space (`agreement.The`) is missing-space's. Every fix that moves or removes
 * spaces is safe; one that inserts a space is a suggestion, since the kind of space (a
 * narrow no-break one, a no-break one or a plain one) is the house's choice. */
#include "pass/pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/alloc.h"
#include "core/text.h"

/* A language names a handful of marks per rule; more is a broken rule file. */
#define SPACING_MAX_MARKS 16
/* Entries of the elision lists are short words; longer tokens are not looked up. */
#define SPACING_MAX_LISTED 16

typedef struct mark_set {
    int32_t cp[SPACING_MAX_MARKS];
    size_t count;
} mark_set;

typedef struct spacing_rules {
    mark_set tight_before;  /* no-space-before */
    mark_set spaced_before; /* space-before: never reported for a space before them */
    mark_set space_after;   /* space-after */
    mark_set tight_after;   /* no-space-after */
    mark_set need_before;   /* need-space-before: reported without a space before them */
    mark_set inside_open, inside_close; /* tight-inside pairs, index by index */
    mark_set spaced_open, spaced_close; /* spaced-inside pairs, index by index */
} spacing_rules;

/* The space suggested where a spaced mark lacks one: U+202F NARROW NO-BREAK SPACE, which
 * French typography puts before ; ! ? and inside « », and which keeps the mark on the
 * line of its word. */
#define SPACING_THIN_SPACE "\xE2\x80\xAF"
#define SPACING_THIN_SPACE_LEN 3

static bool in_set(const mark_set *s, int32_t cp)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->cp[i] == cp)
            return true;
    return false;
}

static bool one_mark(const char *s, size_t len, int32_t *cp)
{
    return len > 0 && tqc_text_decode(s, len, cp) == len && *cp >= 0;
}

/* Splits entry into its keyword and up to cap marks; false when a field is not one mark. */
static bool fields(const char *entry, size_t *kw_len, int32_t *marks, size_t cap, size_t *n)
{
    const char *p = entry;
    while (*p && *p != ' ' && *p != '\t')
        p++;
    *kw_len = (size_t)(p - entry);
    *n = 0;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (*n == cap || !one_mark(s, (size_t)(p - s), &marks[*n]))
            return false;
        (*n)++;
    }
    return true;
}

static bool keyword_is(const char *entry, size_t len, const char *kw)
{
    return strlen(kw) == len && memcmp(entry, kw, len) == 0;
}

static bool add_marks(mark_set *set, const int32_t *marks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (set->count == SPACING_MAX_MARKS)
            return false;
        set->cp[set->count++] = marks[i];
    }
    return true;
}

static tqc_status parse_entry(spacing_rules *r, const char *entry, size_t line, char *err,
                              size_t errlen)
{
    int32_t marks[SPACING_MAX_MARKS];
    size_t kw, n;
    bool ok = fields(entry, &kw, marks, SPACING_MAX_MARKS, &n) && n > 0;
    if (ok && keyword_is(entry, kw, "no-space-before"))
        ok = add_marks(&r->tight_before, marks, n);
    else if (ok && keyword_is(entry, kw, "space-before"))
        ok = add_marks(&r->spaced_before, marks, n);
    else if (ok && keyword_is(entry, kw, "space-after"))
        ok = add_marks(&r->space_after, marks, n);
    else if (ok && keyword_is(entry, kw, "no-space-after"))
        ok = add_marks(&r->tight_after, marks, n);
    else if (ok && keyword_is(entry, kw, "need-space-before"))
        ok = add_marks(&r->need_before, marks, n);
    else if (ok && keyword_is(entry, kw, "tight-inside") && n == 2)
        ok = add_marks(&r->inside_open, marks, 1) && add_marks(&r->inside_close, marks + 1, 1);
    else if (ok && keyword_is(entry, kw, "spaced-inside") && n == 2)
        ok = add_marks(&r->spaced_open, marks, 1) && add_marks(&r->spaced_close, marks + 1, 1);
    else
        ok = false;
    if (ok)
        return TQC_OK;
    snprintf(err, errlen, "spacing:%zu: expected 'no-space-before|space-before|space-after|"
             "no-space-after|need-space-before MARK...' or 'tight-inside|spaced-inside OPEN "
             "CLOSE': %s", line, entry);
    return TQC_EINPUT;
}

static tqc_status init(const tqc_lang *lang, void **state, char *err, size_t errlen)
{
    spacing_rules *r = tqc_calloc(1, sizeof *r);
    if (!r)
        return TQC_ENOMEM;
    const tqc_strmap *list = tqc_lang_list(lang, "spacing");
    for (size_t i = 0; i < tqc_strmap_count(list); i++) {
        tqc_status st = parse_entry(r, tqc_strmap_key(list, i, NULL),
                                    (size_t)tqc_strmap_value(list, i), err, errlen);
        if (st != TQC_OK) {
            free(r);
            return st;
        }
    }
    *state = r;
    return TQC_OK;
}

static void fini(void *state)
{
    free(state);
}

static int32_t cp_at(const tqc_doc *doc, size_t off)
{
    int32_t cp = -1;
    if (off < doc->len)
        tqc_text_decode(doc->text + off, doc->len - off, &cp);
    return cp;
}

/* The single mark a punctuation token holds, or -1 (words, runs like `...` and `--`). */
static int32_t mark_of(const tqc_doc *doc, const tqc_token *tok)
{
    int32_t cp;
    if (tok->kind != TQC_TOK_PUNCT ||
        !one_mark(tqc_doc_at(doc, tok->span), tqc_span_len(tok->span), &cp))
        return -1;
    return cp;
}

/* Whether tokens a and b (a < b) are in one paragraph with spaces but no line break
 * between them. */
static bool same_line_gap(const tqc_doc *doc, size_t a, size_t b)
{
    const tqc_token *tb = &doc->tokens[b];
    return (tb->flags & TQC_TF_SPACE_BEFORE) && !(tb->flags & TQC_TF_NEWLINE_BEFORE) &&
           doc->sentences[doc->tokens[a].sentence].paragraph ==
               doc->sentences[tb->sentence].paragraph;
}

static bool is_closing_mark(const spacing_rules *r, int32_t cp)
{
    return in_set(&r->inside_close, cp);
}

/* A closing mark of either kind of pair: what a word's mark may follow (`“word”,`). */
static bool ends_pair(const spacing_rules *r, int32_t cp)
{
    return in_set(&r->inside_close, cp) || in_set(&r->spaced_close, cp);
}

static bool is_opening_mark(const spacing_rules *r, int32_t cp)
{
    return in_set(&r->inside_open, cp);
}

static void emit_fix(const tqc_ctx *ctx, tqc_severity sev, tqc_span span, tqc_span fix,
                     const char *repl, size_t repl_len, const char *msg)
{
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, sev, span, "%s", msg);
    tqc_finding_suggest(ctx->out, f, repl, repl_len);
    tqc_finding_fix(ctx->out, f, fix, repl, repl_len, true);
}

/* Whether a standalone inline code (an XLIFF placeholder, code left out of a web
 * page) stands between offsets a and b: the text there has a hole, not a slip. */
static bool code_in_gap(const tqc_doc *doc, size_t a, size_t b)
{
    for (size_t off = a; off <= b; off++) {
        size_t n = 0;
        const tqc_doc_inline *in = tqc_doc_inline_boundary_at(doc, off, &n);
        for (size_t i = 0; in && i < n; i++)
            if (in[i].kind == TQC_INLINE_STANDALONE)
                return true;
    }
    return false;
}

/* Two or more spaces between two words of one sentence. Spaces after a full stop or
 * colon are the typewriter habit between sentences (and a missed sentence break), not
 * a slip inside one. */
static void check_double_space(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *a = &doc->tokens[k - 1], *b = &doc->tokens[k];
    if (a->sentence != b->sentence || !same_line_gap(doc, k - 1, k))
        return;
    int32_t m = mark_of(doc, a);
    if (m == '.' || m == '!' || m == '?' || m == ':')
        return;
    size_t spaces = 0;
    for (size_t i = a->span.end; i < b->span.start; i++) {
        if (doc->text[i] == '\t')
            return; /* tabs lay out columns */
        spaces += doc->text[i] == ' ';
    }
    if (spaces < 2 || code_in_gap(doc, a->span.end, b->span.start))
        return;
    tqc_span gap = tqc_span_make(a->span.end, b->span.start);
    emit_fix(ctx, TQC_SEV_WARNING, gap, gap, " ", 1, "two spaces inside a sentence");
}

/* `word ,`: a space before a mark written flush. A mark followed by a letter or digit
 * (`.NET`, `.45`) is part of what follows; one after other punctuation (`. . .`, `-- ,`)
 * is left alone. A mark that lost its following space too (`word ,next`) moves over. */
static void check_space_before(const tqc_ctx *ctx, const spacing_rules *r, size_t k, int32_t m)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *a = &doc->tokens[k - 1], *p = &doc->tokens[k];
    if (!in_set(&r->tight_before, m) || in_set(&r->spaced_before, m) ||
        !same_line_gap(doc, k - 1, k))
        return;
    int32_t pm = mark_of(doc, a);
    if (a->kind == TQC_TOK_PUNCT && !ends_pair(r, pm))
        return;
    const tqc_token *b = k + 1 < doc->token_count ? &doc->tokens[k + 1] : NULL;
    if (b && mark_of(doc, b) == m)
        return; /* . . . */
    if (code_in_gap(doc, a->span.end, p->span.start))
        return;
    int32_t next = cp_at(doc, p->span.end);
    /* `:-)`, `;)`, `:(`: a face, set apart by a space as a word is. */
    if ((m == ':' || m == ';') && (next == ')' || next == '(' || next == '-'))
        return;
    char mark[5];
    size_t ml = tqc_text_encode(m, mark);
    mark[ml] = '\0';
    tqc_span span = tqc_span_make(a->span.end, p->span.end);
    if (b && !(b->flags & TQC_TF_SPACE_BEFORE) && b->span.start == p->span.end &&
        (tqc_text_is_letter(next) || tqc_text_is_digit(next))) {
        if (!in_set(&r->space_after, m) || !tqc_text_is_letter(next) || b->kind != TQC_TOK_WORD ||
            (a->kind != TQC_TOK_WORD && a->kind != TQC_TOK_NUMBER))
            return;
        char repl[8];
        memcpy(repl, mark, ml);
        repl[ml] = ' ';
        char msg[64];
        snprintf(msg, sizeof msg, "space before '%s' instead of after it", mark);
        emit_fix(ctx, TQC_SEV_ERROR, span, span, repl, ml + 1, msg);
        return;
    }
    char msg[64];
    snprintf(msg, sizeof msg, "space before '%s'", mark);
    emit_fix(ctx, TQC_SEV_ERROR, span, span, mark, ml, msg);
}

/* Whether the run of text without spaces that holds mark token k (a mark glued between
 * two words) has the shape of code, an option list, a path or an address rather than of
 * prose: it holds a character prose never glues between words (`= / \ _ < > { } | @ $ ~`),
 * the same mark twice (`rw,user,noauto`, `w,u,c,r`), or a word with a digit beside the
 * mark (`udf,iso9660`). A space missing there is no slip a reader of prose sees. */
static bool code_run(const tqc_doc *doc, size_t k, int32_t m)
{
    const tqc_token *a = &doc->tokens[k - 1], *b = &doc->tokens[k + 1];
    if ((a->kind == TQC_TOK_WORD && (a->flags & TQC_TF_DIGIT)) ||
        (b->kind == TQC_TOK_WORD && (b->flags & TQC_TF_DIGIT)))
        return true;
    size_t start = doc->tokens[k].span.start, end = doc->tokens[k].span.end;
    while (start > 0 && !strchr(" \t\r\n", doc->text[start - 1]))
        start--;
    while (end < doc->len && !strchr(" \t\r\n", doc->text[end]))
        end++;
    size_t marks = 0;
    for (size_t i = start; i < end;) {
        int32_t cp;
        size_t n = tqc_text_decode(doc->text + i, end - i, &cp);
        if (n == 0)
            break;
        if (cp > 0 && cp < 0x80 && strchr("=/\\_<>{}|@$~", (int)cp))
            return true;
        /* (Inside the run: `zoning,franchises,` ends on the list's own comma.) */
        marks += cp == m && i > start && i + n < end;
        i += n;
    }
    return marks >= 2;
}

/* Whether cp is a letter of a script written without spaces between words (Han, kana,
 * Thai, Lao, Myanmar, Khmer): a mark between two of them takes no space in any language
 * (`今,そこに` quoted in an English page). Unicode's blocks, not a language's rule. */
static bool unspaced_script(int32_t cp)
{
    return (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
           (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x2E80 && cp <= 0x2FDF) ||
           (cp >= 0x3040 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF66 && cp <= 0xFF9F) || (cp >= 0x20000 && cp <= 0x3134F);
}

/* `younger,poorer`: a mark that takes a space after it, glued to the next word. */
static void check_space_after(const tqc_ctx *ctx, const spacing_rules *r, size_t k, int32_t m)
{
    const tqc_doc *doc = ctx->doc;
    if (k + 1 >= doc->token_count || !in_set(&r->space_after, m))
        return;
    const tqc_token *a = &doc->tokens[k - 1], *p = &doc->tokens[k], *b = &doc->tokens[k + 1];
    if ((p->flags & TQC_TF_SPACE_BEFORE) || (b->flags & TQC_TF_SPACE_BEFORE) ||
        b->kind != TQC_TOK_WORD || !tqc_text_is_letter(cp_at(doc, b->span.start)))
        return;
    if (a->kind != TQC_TOK_WORD && a->kind != TQC_TOK_NUMBER && !ends_pair(r, mark_of(doc, a)))
        return;
    size_t before;
    if (unspaced_script(tqc_text_prev(doc->text, a->span.end, &before)) ||
        unspaced_script(cp_at(doc, b->span.start)))
        return;
    /* `&amp;x`: an HTML entity left by scraping is the boilerplate passes' business. */
    if (a->kind == TQC_TOK_WORD && a->span.start > 0 && doc->text[a->span.start - 1] == '&')
        return;
    /* `Lehrer:innen`, `jede:r`: a gender ending glued by its mark (`inclusive-endings`). */
    if (m == ':' && a->kind == TQC_TOK_WORD && (b->flags & TQC_TF_LOWER) &&
        tqc_lang_in(ctx->lang, "inclusive-endings", tqc_doc_at(doc, b->span),
                    tqc_span_len(b->span)))
        return;
    char mark[8];
    size_t ml = tqc_text_encode(m, mark);
    mark[ml] = ' ';
    char msg[64];
    snprintf(msg, sizeof msg, "no space after '%.*s'", (int)ml, mark);
    tqc_span span = tqc_span_make(a->span.start, b->span.end);
    if (code_run(doc, k, m)) {
        /* A hint whose fix would change code: never applied unattended. */
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, span, "%s (in what "
                                  "reads as code, a path or a list of options?)", msg);
        tqc_finding_suggest(ctx->out, f, mark, ml + 1);
        tqc_finding_fix(ctx->out, f, p->span, mark, ml + 1, false);
        return;
    }
    emit_fix(ctx, m == ',' ? TQC_SEV_ERROR : TQC_SEV_WARNING, span, p->span, mark, ml + 1, msg);
}

/* `¿ Cómo`: a space after a mark written flush against the word after it. */
static void check_tight_after(const tqc_ctx *ctx, const spacing_rules *r, size_t k, int32_t m)
{
    const tqc_doc *doc = ctx->doc;
    if (k + 1 >= doc->token_count || !in_set(&r->tight_after, m) || !same_line_gap(doc, k, k + 1))
        return;
    const tqc_token *p = &doc->tokens[k], *b = &doc->tokens[k + 1];
    if (b->kind != TQC_TOK_WORD && b->kind != TQC_TOK_NUMBER)
        return;
    char mark[5];
    size_t ml = tqc_text_encode(m, mark);
    mark[ml] = '\0';
    char msg[64];
    snprintf(msg, sizeof msg, "space after '%s'", mark);
    tqc_span span = tqc_span_make(p->span.start, b->span.start);
    emit_fix(ctx, TQC_SEV_WARNING, span, span, mark, ml, msg);
}

/* The number of tokens equal to mark m from the start of k's paragraph up to k. */
static size_t count_before(const tqc_doc *doc, size_t k, int32_t m)
{
    size_t n = 0;
    while (k > 0 && !(doc->tokens[k].flags & TQC_TF_PARA_START)) {
        k--;
        n += mark_of(doc, &doc->tokens[k]) == m;
    }
    return n;
}

static bool is_text_token(const tqc_token *t)
{
    return t->kind != TQC_TOK_PUNCT && t->kind != TQC_TOK_INVALID;
}

/* Reports span (a warning), suggesting it with a narrow no-break space inserted at byte
 * at; the fix is not safe (see the top of the file). */
static void emit_insert(const tqc_ctx *ctx, tqc_span span, size_t at, const char *msg)
{
    const tqc_doc *doc = ctx->doc;
    char repl[64];
    size_t before = at - span.start, after = span.end - at;
    if (before + SPACING_THIN_SPACE_LEN + after > sizeof repl)
        return;
    memcpy(repl, doc->text + span.start, before);
    memcpy(repl + before, SPACING_THIN_SPACE, SPACING_THIN_SPACE_LEN);
    memcpy(repl + before + SPACING_THIN_SPACE_LEN, doc->text + at, after);
    size_t n = before + SPACING_THIN_SPACE_LEN + after;
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, span, "%s", msg);
    tqc_finding_suggest(ctx->out, f, repl, n);
    tqc_finding_fix(ctx->out, f, span, repl, n, false);
}

/* `mot:` in French: a mark that takes a space before it, written flush against a word,
 * a number or a closing mark. A run of marks (`?!`, `!!`) is judged by its first one;
 * a mark after another mark (`etc.:`, `» ?` aside) is left alone. */
static void check_need_before(const tqc_ctx *ctx, const spacing_rules *r, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *a = &doc->tokens[k - 1], *p = &doc->tokens[k];
    int32_t m;
    if (p->kind != TQC_TOK_PUNCT || (p->flags & TQC_TF_SPACE_BEFORE) ||
        tqc_text_decode(tqc_doc_at(doc, p->span), tqc_span_len(p->span), &m) == 0 ||
        !in_set(&r->need_before, m) || a->span.end != p->span.start)
        return;
    if (a->kind != TQC_TOK_WORD && a->kind != TQC_TOK_NUMBER && !ends_pair(r, mark_of(doc, a)))
        return;
    char msg[64], mark[5];
    size_t ml = tqc_text_encode(m, mark);
    mark[ml] = '\0';
    snprintf(msg, sizeof msg, "no space before '%s'", mark);
    /* The span runs from the word's last character to the mark. */
    size_t last;
    tqc_text_prev(doc->text, a->span.end, &last);
    if (last < a->span.start)
        last = a->span.start;
    emit_insert(ctx, tqc_span_make(last, p->span.start + ml), p->span.start, msg);
}

/* `«mot»` in French: a pair that holds its text with inner spaces, written without. */
static void check_spaced_inside(const tqc_ctx *ctx, const spacing_rules *r, size_t k, int32_t m)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *p = &doc->tokens[k];
    char msg[64], mark[5];
    size_t ml = tqc_text_encode(m, mark);
    mark[ml] = '\0';
    if (in_set(&r->spaced_open, m) && k + 1 < doc->token_count) {
        const tqc_token *b = &doc->tokens[k + 1];
        if (is_text_token(b) && b->span.start == p->span.end) {
            size_t end;
            int32_t cp;
            end = b->span.start + tqc_text_decode(doc->text + b->span.start,
                                                  tqc_span_len(b->span), &cp);
            snprintf(msg, sizeof msg, "no space after opening '%s'", mark);
            emit_insert(ctx, tqc_span_make(p->span.start, end), p->span.end, msg);
        }
    }
    if (in_set(&r->spaced_close, m) && k > 0) {
        const tqc_token *a = &doc->tokens[k - 1];
        /* After a word, or after the mark that ends the quoted sentence (`prêts!»`). */
        bool after_text = is_text_token(a) ||
                          (a->kind == TQC_TOK_PUNCT && !in_set(&r->spaced_open, mark_of(doc, a)) &&
                           !is_opening_mark(r, mark_of(doc, a)));
        if (after_text && a->span.end == p->span.start && !(p->flags & TQC_TF_SPACE_BEFORE)) {
            size_t last;
            tqc_text_prev(doc->text, a->span.end, &last);
            if (last < a->span.start)
                last = a->span.start;
            snprintf(msg, sizeof msg, "no space before closing '%s'", mark);
            emit_insert(ctx, tqc_span_make(last, p->span.end), p->span.start, msg);
        }
    }
}

/* `( word )`, `“ word ”`: a space inside a pair that holds its text tight. A quote
 * mark counts as opening only where one can open (after a space or at the start) and
 * as closing only where one can close, so `zone“, adding` is left to the quotes pass.
 * A straight quote between two spaces opens or closes by the count before it. */
static void check_inside(const tqc_ctx *ctx, const spacing_rules *r, size_t k, int32_t m)
{
    const tqc_doc *doc = ctx->doc;
    if (!is_opening_mark(r, m) && !is_closing_mark(r, m))
        return;
    const tqc_token *p = &doc->tokens[k];
    const tqc_token *a = k > 0 ? &doc->tokens[k - 1] : NULL;
    const tqc_token *b = k + 1 < doc->token_count ? &doc->tokens[k + 1] : NULL;
    bool space_before = a && same_line_gap(doc, k - 1, k);
    bool space_after = b && same_line_gap(doc, k, k + 1);
    bool may_open = !a || (p->flags & TQC_TF_SPACE_BEFORE) || mark_of(doc, a) == '(' ||
                    mark_of(doc, a) == '[';
    bool opening = is_opening_mark(r, m), closing = is_closing_mark(r, m);
    if (opening && closing) {
        /* Straight quotes: only a mark with spaces on both sides is in doubt. */
        if (!space_before || !space_after)
            return;
        opening = count_before(doc, k, m) % 2 == 0;
        closing = !opening;
    }
    bool bracket = m == '(' || m == '[' || m == ')' || m == ']';
    char mark[5];
    size_t ml = tqc_text_encode(m, mark);
    mark[ml] = '\0';
    char msg[64];
    /* Left-out code or foreign words next to the mark: the space was theirs. */
    if (opening && space_after && is_text_token(b) && (bracket || may_open) &&
        !code_in_gap(doc, p->span.end, b->span.start)) {
        snprintf(msg, sizeof msg, "space after opening '%s'", mark);
        tqc_span span = tqc_span_make(p->span.start, b->span.start);
        emit_fix(ctx, TQC_SEV_WARNING, span, span, mark, ml, msg);
        return;
    }
    if (closing && space_before && is_text_token(a) &&
        !code_in_gap(doc, a->span.end, p->span.start)) {
        int32_t next = b && b->span.start == p->span.end ? mark_of(doc, b) : -1;
        bool may_close = !b || (b->flags & TQC_TF_SPACE_BEFORE) ||
                         (next >= 0 && tqc_text_is_punct(next) && !is_opening_mark(r, next));
        if (!bracket && !may_close)
            return;
        snprintf(msg, sizeof msg, "space before closing '%s'", mark);
        tqc_span span = tqc_span_make(a->span.end, p->span.end);
        emit_fix(ctx, TQC_SEV_WARNING, span, span, mark, ml, msg);
    }
}

/* The letter under a code point's diacritics (`è` -> `e`), lower-cased. */
static int32_t plain_lower(int32_t cp)
{
    utf8proc_int32_t parts[4];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, parts, 4, UTF8PROC_DECOMPOSE, &boundclass);
    return utf8proc_tolower(n > 0 && n <= 4 ? parts[0] : cp);
}

/* Whether word token t begins as a word an elided article or preposition stands before:
 * a vowel of the profile's `vowels` (accents aside) or a mute h. */
static bool opens_with_vowel(const tqc_ctx *ctx, const tqc_token *t)
{
    int32_t cp = plain_lower(cp_at(ctx->doc, t->span.start));
    if (cp == 'h')
        return true;
    for (const char *v = tqc_lang_setting(ctx->lang, "vowels", ""); *v; v++)
        if (cp == (unsigned char)*v)
            return true;
    return false;
}

/* Whether the text of token t, lower-cased, is an entry of profile list `list`. */
static bool token_listed(const tqc_ctx *ctx, const tqc_token *t, const char *list)
{
    char lower[SPACING_MAX_LISTED * 4];
    size_t len = tqc_span_len(t->span);
    if (len > SPACING_MAX_LISTED)
        return false;
    size_t n = tqc_text_case(tqc_doc_at(ctx->doc, t->span), len, TQC_CASE_LOWER, lower,
                             sizeof lower);
    return n && tqc_lang_in(ctx->lang, list, lower, n);
}

/* Whether token j is an apostrophe written flush after token j - 1: a quotation opened
 * with one closes so (`'accord'`, `'s'`). */
static bool apostrophe_closes(const tqc_doc *doc, size_t j)
{
    if (j >= doc->token_count || (doc->tokens[j].flags & TQC_TF_SPACE_BEFORE))
        return false;
    int32_t m = mark_of(doc, &doc->tokens[j]);
    return m >= 0 && tqc_text_is_apostrophe(m);
}

/* `l' accord`, `dell' Unione`, `don' t`, `company 's`: a space on either side of the
 * apostrophe that joins two parts of one written word: an elided article or preposition
 * of the profile list `elisions` before a word opening with a vowel or an h (elision
 * happens only there), or a word before a clitic of `apostrophe-clitics` (`t`, `s`, `re`:
 * the rest of a contraction, which stands alone nowhere). A quotation opened with an
 * apostrophe (`de 'historique'`, the letter `'s'`) closes with one after its word, and is
 * left alone. Removing the space is safe. */
static void check_elision_space(const tqc_ctx *ctx, size_t k, int32_t m)
{
    const tqc_doc *doc = ctx->doc;
    if (!tqc_text_is_apostrophe(m) || k == 0 || k + 1 >= doc->token_count)
        return;
    const tqc_token *w = &doc->tokens[k - 1], *a = &doc->tokens[k], *b = &doc->tokens[k + 1];
    bool space_before = (a->flags & TQC_TF_SPACE_BEFORE) != 0;
    bool space_after = (b->flags & TQC_TF_SPACE_BEFORE) != 0;
    if (w->kind != TQC_TOK_WORD || b->kind != TQC_TOK_WORD || space_before == space_after ||
        !same_line_gap(doc, space_before ? k - 1 : k, space_before ? k : k + 1) ||
        w->sentence != b->sentence || apostrophe_closes(doc, k + 2))
        return;
    bool elided = opens_with_vowel(ctx, b) && token_listed(ctx, w, "elisions");
    bool clitic = !elided && token_listed(ctx, b, "apostrophe-clitics") &&
                  (k + 2 >= doc->token_count || doc->tokens[k + 2].kind != TQC_TOK_WORD ||
                   (doc->tokens[k + 2].flags & TQC_TF_SPACE_BEFORE));
    if (!elided && !clitic)
        return;
    tqc_span gap = space_before ? tqc_span_make(w->span.end, a->span.start)
                                : tqc_span_make(a->span.end, b->span.start);
    if (code_in_gap(doc, gap.start, gap.end))
        return;
    char msg[128];
    snprintf(msg, sizeof msg, "space inside '%.*s%.*s%.*s', %s", (int)tqc_span_len(w->span),
             tqc_doc_at(doc, w->span), (int)tqc_span_len(a->span), tqc_doc_at(doc, a->span),
             (int)tqc_span_len(b->span), tqc_doc_at(doc, b->span),
             elided ? "an elision written as one word" : "a contraction written as one word");
    emit_fix(ctx, TQC_SEV_WARNING, gap, gap, "", 0, msg);
}

static void run(const tqc_ctx *ctx)
{
    const spacing_rules *r = ctx->state;
    const tqc_doc *doc = ctx->doc;
    if (!r)
        return;
    for (size_t k = 0; k < doc->token_count; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (k > 0)
            check_double_space(ctx, k);
        if (k > 0)
            check_need_before(ctx, r, k);
        int32_t m = mark_of(doc, t);
        if (m < 0)
            continue;
        if (k > 0) {
            check_space_before(ctx, r, k, m);
            check_space_after(ctx, r, k, m);
        }
        check_inside(ctx, r, k, m);
        check_tight_after(ctx, r, k, m);
        check_spaced_inside(ctx, r, k, m);
        check_elision_space(ctx, k, m);
    }
}

const tqc_pass tqc_pass_spacing = {
    .id = "spacing",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_ERROR) | TQC_SEV_BIT(TQC_SEV_WARNING) |
                  TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "spaces around punctuation: doubled, before a comma, missing after one, inside brackets",
    .good = "Turnout was 61.2% (1,204,000 voters) at 11:43, the U.S. envoy said: “It is done.”",
    .bad = "Turnout was high ,the envoy said  after the vote ( in the capital ).",
    .details = "Spaces around punctuation: a space before a comma (an error), before other marks "
               "where the language wants none, doubled spaces, a missing space after `, ; :`, "
               "spaces inside brackets (warnings); a missing space in a run that reads as code, a "
               "path or a list of options (`rw,user,noauto`, `udf,iso9660`) is a hint (info). The "
               "language's rules (French spaces before `; : ! ?`) come from rules/<lang>/.",
    .init = init,
    .run = run,
    .fini = fini,
};
