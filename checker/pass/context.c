/* context: what several passes ask about a document in the same way (pass/pass.h). */
#include "pass/pass.h"

#include <string.h>

#include "lang/langid.h"
#include "lang/split.h"
#include "core/text.h"

/* Longer words are no abbreviation. */
#define CTX_MAX_ABBREVIATION 256

/* Whether word token w is a word of the profile lists `abbreviations` or
 * `abbreviations-lower` with a period (token dot) glued after it. */
static bool listed_abbreviation(const tqc_ctx *ctx, size_t w, size_t dot)
{
    const tqc_doc *doc = ctx->doc;
    if (dot >= doc->token_count)
        return false;
    const tqc_token *p = &doc->tokens[dot], *a = &doc->tokens[w];
    if (p->kind != TQC_TOK_PUNCT || tqc_span_len(p->span) != 1 ||
        doc->text[p->span.start] != '.' || (p->flags & TQC_TF_SPACE_BEFORE) ||
        a->kind != TQC_TOK_WORD)
        return false;
    const char *s = tqc_doc_at(doc, a->span);
    size_t len = tqc_span_len(a->span);
    char lower[CTX_MAX_ABBREVIATION];
    size_t n = tqc_text_case(s, len, TQC_CASE_LOWER, lower, sizeof lower);
    return n && (tqc_lang_in(ctx->lang, "abbreviations", s, len) ||
                 tqc_lang_in(ctx->lang, "abbreviations", lower, n) ||
                 tqc_lang_in(ctx->lang, "abbreviations-lower", lower, n));
}

bool tqc_ctx_abbreviation_at(const tqc_ctx *ctx, size_t k)
{
    return listed_abbreviation(ctx, k, k + 1) ||
           (k >= 2 && !(ctx->doc->tokens[k].flags & TQC_TF_SPACE_BEFORE) &&
            listed_abbreviation(ctx, k - 2, k - 1));
}

/* The shortest part, in letters, on either side of a hyphen tqc_ctx_compound_variant puts
 * in: a single letter splits slips too easily. */
#define CTX_HYPHEN_PART 2
/* Longer words are not varied. */
#define CTX_MAX_COMPOUND 128

bool tqc_ctx_compound_variant(const tqc_ctx *ctx, const char *s, size_t len, char *fixed,
                              size_t cap)
{
    char buf[CTX_MAX_COMPOUND + 2];
    if (len == 0 || len > CTX_MAX_COMPOUND || cap < len + 2)
        return false;
    size_t n = 0;
    if (memchr(s, '-', len)) {
        for (size_t i = 0; i < len; i++)
            if (s[i] != '-')
                buf[n++] = s[i];
        if (n == 0 || !tqc_dict_known(ctx->dict, buf, n))
            return false;
        memcpy(fixed, buf, n);
        fixed[n] = '\0';
        return true;
    }
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    if (!lex)
        return false;
    size_t total = 0, before = 0;
    for (size_t i = 0; i < len; i++)
        total += ((unsigned char)s[i] & 0xC0) != 0x80;
    for (size_t i = 1; i < len; i++) {
        before += ((unsigned char)s[i - 1] & 0xC0) != 0x80;
        if (((unsigned char)s[i] & 0xC0) == 0x80 || before < CTX_HYPHEN_PART ||
            total - before < CTX_HYPHEN_PART)
            continue;
        /* Two content words: the lexicon's pairs with a function word (`to-do`,
         * `would-be`, `up-with`) are as often two words run together. */
        if (tqc_split_is_function_word(ctx->lang, s, i) ||
            tqc_split_is_function_word(ctx->lang, s + i, len - i))
            continue;
        memcpy(buf, s, i);
        buf[i] = '-';
        memcpy(buf + i + 1, s + i, len - i);
        if (tqc_lex_pos(lex, buf, len + 1)) {
            memcpy(fixed, buf, len + 1);
            fixed[len + 1] = '\0';
            return true;
        }
    }
    return false;
}

/* Longer forms are in no lexicon (lang/lex.c refuses them). */
#define CTX_MAX_FORM 256

/* The lexicon's answer for s (len bytes), with fallbacks for forms joined by an
 * apostrophe: the typographic one (U+2019) read as ASCII; an elided word the lexicon
 * lists with its apostrophe (`l'`, `qu'`, `dell'`) before a word it knows, or a known word
 * before a clitic it lists (`'s`, `'ll`), answered for both (`n'est`: ADV and VFIN).
 * Anything else it lacks is unknown. */
static uint32_t lookup(const tqc_lex *lex, const char *s, size_t len)
{
    uint32_t pos = tqc_lex_pos(lex, s, len);
    if (pos || len >= CTX_MAX_FORM)
        return pos;
    char buf[CTX_MAX_FORM];
    size_t n = 0, apos = 0;
    for (size_t i = 0; i < len; i++) {
        if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            buf[n++] = '\'';
            i += 2;
        } else {
            buf[n++] = s[i];
        }
        if (buf[n - 1] == '\'' && !apos)
            apos = n;
    }
    if (!apos)
        return 0;
    if (n != len && (pos = tqc_lex_pos(lex, buf, n)) != 0)
        return pos;
    /* Elision (`l'` + `homme`), then a clitic the lexicon lists (`Kennedy` + `'s`). */
    uint32_t head = apos < n ? tqc_lex_pos(lex, buf, apos) : 0;
    uint32_t rest = head ? tqc_lex_pos(lex, buf + apos, n - apos) : 0;
    if (head && rest)
        return head | rest;
    head = apos > 1 ? tqc_lex_pos(lex, buf, apos - 1) : 0;
    rest = head ? tqc_lex_pos(lex, buf + apos - 1, n - apos + 1) : 0;
    return head && rest ? head | rest : 0;
}

static uint32_t token_pos(const tqc_ctx *ctx, size_t k, bool lower)
{
    tqc_word *w = tqc_ctx_word(ctx, k);
    uint32_t *slot = w ? (lower ? &w->pos_lower : &w->pos)
                       : ctx->token_pos ? &ctx->token_pos[2 * k + lower] : NULL;
    if (slot && *slot)
        return *slot & ~TQC_CTX_POS_ASKED;
    if (!w && slot && ctx->token_same && ctx->token_same[k] != k) {
        uint32_t pos = token_pos(ctx, ctx->token_same[k], lower);
        *slot = pos | TQC_CTX_POS_ASKED;
        return pos;
    }
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    uint32_t pos = 0;
    if (lex) {
        tqc_span sp = ctx->doc->tokens[k].span;
        const char *s = tqc_doc_at(ctx->doc, sp);
        size_t len = tqc_span_len(sp);
        if (!lower) {
            pos = lookup(lex, s, len);
        } else {
            char buf[CTX_MAX_FORM];
            size_t n = len < sizeof buf ? tqc_text_case(s, len, TQC_CASE_LOWER, buf, sizeof buf) : 0;
            pos = n ? lookup(lex, buf, n) : 0;
        }
    }
    if (slot)
        *slot = pos | TQC_CTX_POS_ASKED;
    return pos;
}

bool tqc_ctx_in_list(const tqc_ctx *ctx, size_t k, const tqc_strmap *list, size_t cap)
{
    if (!list)
        return false;
    tqc_word *w = tqc_ctx_word(ctx, k);
    int bit = w ? tqc_words_list_bit(ctx->words, list) : -1;
    if (bit >= 0 && (w->lists_asked >> bit & 1))
        return w->lists_in >> bit & 1;
    const tqc_token *t = &ctx->doc->tokens[k];
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span);
    bool in;
    /* A word all in lower case is its own lower-case form (TQC_TF_LOWER: a fact of its
     * text, the same for every token of the form). */
    if (t->flags & TQC_TF_LOWER) {
        in = tqc_strmap_get(list, s, len, NULL);
    } else {
        char lower[CTX_MAX_FORM * 4];
        size_t n = tqc_text_case(s, len, TQC_CASE_LOWER, lower, cap < sizeof lower ? cap : sizeof lower);
        in = n && tqc_strmap_get(list, lower, n, NULL);
    }
    if (bit >= 0) {
        w->lists_asked |= 1u << bit;
        w->lists_in |= (uint32_t)in << bit;
    }
    return in;
}

bool tqc_ctx_token_known_lower(const tqc_ctx *ctx, size_t k)
{
    tqc_word *w = tqc_ctx_word(ctx, k);
    if (w && w->known_lower)
        return w->known_lower == 1;
    tqc_span sp = ctx->doc->tokens[k].span;
    const char *s = tqc_doc_at(ctx->doc, sp);
    size_t len = tqc_span_len(sp);
    char lower[CTX_MAX_FORM * 4];
    size_t n = tqc_text_case(s, len, TQC_CASE_LOWER, lower, sizeof lower);
    /* A word in lower case already has its verdict as written. */
    bool known = n == len && memcmp(lower, s, len) == 0 ? tqc_ctx_token_known(ctx, k)
                                                        : n && tqc_dict_known(ctx->dict, lower, n);
    if (w)
        w->known_lower = known ? 1 : 2;
    return known;
}

bool tqc_ctx_case_variant(const tqc_ctx *ctx, size_t k, char *fixed, size_t cap)
{
    tqc_span sp = ctx->doc->tokens[k].span;
    const char *s = tqc_doc_at(ctx->doc, sp);
    size_t len = tqc_span_len(sp);
    tqc_word *w = tqc_ctx_word(ctx, k);
    if (!w)
        return tqc_dict_case_variant(ctx->dict, s, len, fixed, cap);
    if (w->variant == TQC_WORD_VARIANT_UNASKED) {
        /* The dictionary's known form is the word in title case or in capitals; which
         * one is kept, and written again for each asker. */
        char known[CTX_MAX_FORM * 4], title[CTX_MAX_FORM * 4];
        w->variant = TQC_WORD_VARIANT_NONE;
        if (!tqc_ctx_token_known(ctx, k) &&
            tqc_dict_case_variant(ctx->dict, s, len, known, sizeof known)) {
            size_t tn = tqc_text_case(s, len, TQC_CASE_TITLE, title, sizeof title);
            w->variant = tn && strcmp(known, title) == 0 ? TQC_WORD_VARIANT_TITLE
                                                         : TQC_WORD_VARIANT_UPPER;
        }
    }
    if (w->variant == TQC_WORD_VARIANT_NONE)
        return false;
    size_t n = tqc_text_case(s, len, w->variant == TQC_WORD_VARIANT_TITLE ? TQC_CASE_TITLE
                                                                         : TQC_CASE_UPPER,
                             fixed, cap);
    return n > 0 && n < cap;
}

uint32_t tqc_ctx_pos(const tqc_ctx *ctx, size_t k) { return token_pos(ctx, k, false); }
uint32_t tqc_ctx_pos_lower(const tqc_ctx *ctx, size_t k) { return token_pos(ctx, k, true); }

bool tqc_ctx_ends_with_setting(const tqc_ctx *ctx, size_t k, const char *key)
{
    const char *list = tqc_lang_setting(ctx->lang, key, "");
    const tqc_token *t = &ctx->doc->tokens[k];
    const char *w = tqc_doc_at(ctx->doc, t->span);
    size_t wl = tqc_span_len(t->span);
    while (*list) {
        size_t el = strcspn(list, " ");
        if (el && el < wl && memcmp(w + wl - el, list, el) == 0)
            return true;
        list += el;
        list += strspn(list, " ");
    }
    return false;
}

size_t tqc_ctx_varieties(const tqc_ctx *ctx, tqc_ctx_variety *out, size_t max)
{
    const char *list = tqc_lang_setting(ctx->lang, "varieties", NULL);
    if (!list || !ctx->langs || strchr(tqc_lang_code(ctx->lang), '-') || max == 0)
        return 0;
    size_t count = 0;
    for (const char *p = list; *p && count < max; p += strcspn(p, " ")) {
        p += strspn(p, " ");
        size_t n = strcspn(p, " ");
        char code[32];
        if (n == 0)
            break;
        if (count == 0) {       /* the first is the document's own dictionary */
            out[count++] = (tqc_ctx_variety){p, n, NULL};
            continue;
        }
        if (n >= sizeof code)
            continue;
        memcpy(code, p, n);
        code[n] = '\0';
        tqc_dict *d = tqc_langid_variety_dict(ctx->langs, code);
        if (d)
            out[count++] = (tqc_ctx_variety){p, n, d};
    }
    return count;
}

bool tqc_ctx_variety_knows(const tqc_ctx *ctx, size_t k, const tqc_ctx_variety *v)
{
    tqc_word *w = tqc_ctx_word(ctx, k);
    int bit = w ? tqc_words_list_bit(ctx->words, v->code) : -1;
    if (bit >= 0 && (w->lists_asked >> bit & 1))
        return w->lists_in >> bit & 1;
    tqc_span sp = ctx->doc->tokens[k].span;
    bool known = tqc_dict_known(v->dict, tqc_doc_at(ctx->doc, sp), tqc_span_len(sp));
    if (bit >= 0) {
        w->lists_asked |= 1u << bit;
        w->lists_in |= (uint32_t)known << bit;
    }
    return known;
}

bool tqc_ctx_variety_witness(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    return t->kind == TQC_TOK_WORD && (t->flags & TQC_TF_LOWER) &&
           !(t->flags & (TQC_TF_DIGIT | TQC_TF_PERIOD)) && tqc_span_len(t->span) >= 2;
}

size_t tqc_ctx_variety_votes(const tqc_ctx *ctx, tqc_ctx_variety *out, size_t *votes,
                             size_t *first, size_t max)
{
    if (max > 32)
        max = 32;       /* one bit a variety below */
    size_t n = ctx->dict ? tqc_ctx_varieties(ctx, out, max) : 0;
    if (n < 2)
        return 0;
    for (size_t i = 0; i < n; i++) {
        votes[i] = 0;
        first[i] = SIZE_MAX;
    }
    const tqc_doc *doc = ctx->doc;
    const uint32_t all = n == 32 ? UINT32_MAX : (UINT32_C(1) << n) - 1;
    for (size_t k = 0; k < doc->token_count; k++) {
        if (!tqc_ctx_variety_witness(ctx, k))
            continue;
        uint32_t known = 0;
        for (size_t i = 0; i < n; i++)
            if (i == 0 ? tqc_ctx_token_known(ctx, k) : tqc_ctx_variety_knows(ctx, k, &out[i]))
                known |= UINT32_C(1) << i;
        if (known == 0 || known == all)
            continue;
        for (size_t i = 0; i < n; i++)
            if (known & (UINT32_C(1) << i)) {
                votes[i]++;
                if (first[i] == SIZE_MAX)
                    first[i] = k;
            }
    }
    return n;
}

unsigned tqc_ctx_mark(const tqc_ctx *ctx, size_t k, unsigned roles)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    int32_t cp;
    if (t->kind != TQC_TOK_PUNCT ||
        tqc_text_decode(tqc_doc_at(ctx->doc, t->span), tqc_span_len(t->span), &cp) !=
            tqc_span_len(t->span))
        return 0;
    return tqc_quotes_mark(tqc_lang_quotes(ctx->lang), cp, roles);
}

bool tqc_ctx_quote_mark(const tqc_ctx *ctx, size_t k)
{
    return tqc_ctx_mark(ctx, k, TQC_QUOTE_ROLES_QUOTES) & (TQC_MARK_OPENS | TQC_MARK_CLOSES);
}

bool tqc_ctx_separator(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    return (t->kind == TQC_TOK_PUNCT || t->kind == TQC_TOK_SYMBOL) &&
           tqc_lang_in(ctx->lang, "separators", tqc_doc_at(ctx->doc, t->span),
                       tqc_span_len(t->span));
}

size_t tqc_ctx_loans(const tqc_ctx *ctx, tqc_ctx_loan *out, size_t max)
{
    const char *list = tqc_lang_setting(ctx->lang, "loan-languages", NULL);
    size_t count = 0;
    if (!list || !ctx->langs)
        return 0;
    for (const char *p = list; *p && count < max;) {
        p += strspn(p, " ");
        size_t n = strcspn(p, " ");
        char code[32];
        if (n == 0 || n >= sizeof code)
            break;
        memcpy(code, p, n);
        code[n] = '\0';
        size_t i = tqc_langid_find(ctx->langs, code);
        tqc_dict *d = i != SIZE_MAX ? tqc_langid_dict(ctx->langs, i) : NULL;
        if (d)
            out[count++] = (tqc_ctx_loan){d, tqc_langid_name(ctx->langs, i)};
        p += n;
    }
    return count;
}

/* Whether a mark of kind at offset has a tag match accepts (binary search of the marks). */
static bool mark_at(const tqc_doc *doc, size_t offset, tqc_inline_kind kind,
                    bool (*match)(const char *tag, const char *want), const char *want)
{
    size_t n;
    const tqc_doc_inline *in = tqc_doc_inline_boundary_at(doc, offset, &n);
    for (size_t i = 0; i < n; i++)
        if (in[i].kind == kind && in[i].tag && match(in[i].tag, want))
            return true;
    return false;
}

/* Paragraph p is one element match accepts: it opens at its first byte, closes at its end. */
static bool paragraph_wrapped(const tqc_ctx *ctx, size_t p,
                              bool (*match)(const char *tag, const char *want), const char *want)
{
    const tqc_doc *doc = ctx->doc;
    if (p >= doc->paragraph_count || !doc->inline_count)
        return false;
    tqc_span sp = doc->paragraphs[p].span;
    return mark_at(doc, sp.start, TQC_INLINE_OPEN, match, want) &&
           mark_at(doc, sp.end, TQC_INLINE_CLOSE, match, want);
}

static bool tag_is(const char *tag, const char *want) { return strcmp(tag, want) == 0; }

static bool tag_is_heading(const char *tag, const char *want)
{
    (void)want;
    return tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' && tag[2] == '\0';
}

bool tqc_ctx_paragraph_is(const tqc_ctx *ctx, size_t p, const char *tag)
{
    return paragraph_wrapped(ctx, p, tag_is, tag);
}

bool tqc_ctx_paragraph_is_heading(const tqc_ctx *ctx, size_t p)
{
    return paragraph_wrapped(ctx, p, tag_is_heading, NULL);
}

static bool tag_is_code(const char *tag, const char *want)
{
    (void)want;
    return strcmp(tag, "code") == 0 || strcmp(tag, "kbd") == 0 || strcmp(tag, "samp") == 0 ||
           strcmp(tag, "var") == 0 || strcmp(tag, "pre") == 0;
}

bool tqc_ctx_paragraph_ends_in_code(const tqc_ctx *ctx, size_t p)
{
    const tqc_doc *doc = ctx->doc;
    if (p >= doc->paragraph_count || !doc->inline_count)
        return false;
    return mark_at(doc, doc->paragraphs[p].span.end, TQC_INLINE_STANDALONE, tag_is_code, NULL);
}

/* Longer elided words are none. */
#define CTX_MAX_ELIDED 256

bool tqc_ctx_after_elision(const tqc_ctx *ctx, const char *s, size_t len, const char **rest,
                           size_t *rest_len)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    for (size_t i = 1; lex && i < len; i++) {
        size_t w = s[i] == '\'' ? 1
                   : (i + 2 < len && (unsigned char)s[i] == 0xE2 &&
                      (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) ? 3 : 0;
        if (!w)
            continue;
        if (i + w >= len)
            return false;
        /* `L'` opening a sentence is the lexicon's `l'`. */
        char head[CTX_MAX_ELIDED * 2 + 2];
        size_t hn = tqc_text_case(s, i, TQC_CASE_LOWER, head, sizeof head - 1);
        if (!hn)
            return false;
        head[hn] = '\'';
        if (!tqc_lex_pos(lex, head, hn + 1))
            return false;
        *rest = s + i + w;
        *rest_len = len - i - w;
        return true;
    }
    return false;
}
