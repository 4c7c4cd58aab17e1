/* boilerplate: web-page chrome left in the copy by the scraper (`Leave a Reply`,
 * `Read more: ...`, `Photo: Reuters`, cookie notices). Two ways to know it:
 *  - the profile's `boilerplate` patterns (syntax documented at the top of
 *    rules/en/boilerplate), each matched case-insensitively against a whole paragraph;
 *  - its shape: a short paragraph that is page furniture, not prose. The evidence is the
 *    language's vocabularies of the page (`ui-verbs` the page tells its reader with, first
 *    in the line or a sentence of it, or after an adverb; `ui-nouns`: comments,
 *    newsletter, audio, tags...; `second-person`), a count of page things (`12 comments`,
 *    `4 min read`), separators (`·`, `|`), a label colon (`Tags: ...`), and no final full
 *    stop. Two kinds of evidence together make a warning; one alone on a very short line
 *    without a full stop is an info guess. A paragraph with a full stop is chrome by what
 *    it does: it tells the reader to do something with the page (a page verb opening a
 *    sentence or clause, a page noun, the reader addressed or a second page noun), and
 *    reports no one's words. A trail of section labels (`Home › World`) is chrome too. A paragraph that is a bare link and nothing
 *    else is furniture too.
 * A line joined by the scraper to the end of a paragraph of prose (its last sentence,
 * without a stop) is judged alone, as a line. The finding covers the paragraph, or that
 * line, and offers to remove it; never safe, since a human should see what goes. */
#include "pass/pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"

/* Chrome is short; a longer paragraph is body text that happens to quote a phrase. */
#define BOILER_MAX_WORDS 80
/* Room for a normalised paragraph of BOILER_MAX_WORDS words (case mapping may grow it). */
#define BOILER_MAX_BYTES 2048

/* What any text a pattern matches has (glob below): at least min bytes, the pattern's
 * bytes before its first '*' (pre) at its start and those after its last '*' (suf) at
 * its end. Checked first, it spares glob's scan of most paragraphs for most patterns. */
typedef struct glob_shape {
    size_t len, min, pre, suf;
} glob_shape;

typedef struct patterns {
    size_t count;
    char **items;   /* normalised patterns */
    glob_shape *shapes; /* of each item */
    const char **shown; /* as written in the list, for messages (borrowed from the profile) */
    /* The items a text starting with byte b may match, in list order (the first match
     * names the finding): by_first[first[b]] to by_first[first[b + 1] - 1], those
     * starting with b and those starting with '*'. Most paragraphs start with a byte few
     * items do. */
    size_t first[257];
    size_t *by_first;
    /* The prefixes a verb form shares with a verb of `ui-verbs` (page_verb_form): a
     * lookup for each verb-form token, not a scan of the list. */
    tqc_strmap *verb_stems;
    /* The profile's lists and setting chrome_shape asks of each token, found once here
     * (borrowed from the profile): a lookup by name per token was a tenth of a check of
     * a file of one-line paragraphs. */
    const tqc_strmap *ui_verbs, *ui_nouns, *function_words, *second_person, *speech_verbs,
        *trail_separators;
    bool solid_compounds;
} patterns;

/* The ASCII form of a quotation mark or apostrophe in normalised text: an apostrophe of
 * the language, or a mark of a pair an apostrophe closes (‘ ’), as '; the language's
 * other quotation marks, and whatever Unicode calls a quotation mark, as ". */
static int32_t ascii_quote(const tqc_quotes *q, int32_t cp)
{
    if (cp < 0x80)
        return cp;
    if (tqc_quotes_mark(q, cp, 0) & TQC_MARK_APOSTROPHE)
        return '\'';
    bool quote = tqc_text_is_quote_punct(cp);
    for (size_t i = 0; q && i < q->count; i++) {
        const tqc_quote_pair *p = &q->pairs[i];
        if (!(TQC_QUOTE_ROLES_QUOTES & TQC_QUOTE_ROLE(p->role)) || (p->open != cp && p->close != cp))
            continue;
        if (tqc_quotes_mark(q, p->close, 0) & TQC_MARK_APOSTROPHE)
            return '\'';
        quote = true;
    }
    return quote ? '"' : cp;
}

/* Appends el bytes of enc to out (o bytes so far, cap in all), after the one space a
 * pending run of white space (*space) leaves; false when they do not fit. */
static bool put(char *out, size_t cap, size_t *o, bool *space, const char *enc, size_t el)
{
    if (*space) {
        if (*o + 1 >= cap)
            return false;
        out[(*o)++] = ' ';
        *space = false;
    }
    if (*o + el >= cap)
        return false;
    memcpy(out + *o, enc, el);
    *o += el;
    return true;
}

/* Ends normalised text of o bytes: without final sentence punctuation and spaces when
 * trim_end, NUL-terminated. Returns its length. */
static size_t finish(char *out, size_t o, bool trim_end)
{
    while (trim_end && o > 0 && strchr(".!:;, ", out[o - 1]))
        o--;
    out[o] = '\0';
    return o;
}

/* normalise for any text, by code points. */
static size_t normalise_unicode(const tqc_quotes *q, const char *text, size_t len, char *out,
                                size_t cap, bool trim_end)
{
    char lower[BOILER_MAX_BYTES];
    size_t n = tqc_text_case(text, len, TQC_CASE_LOWER, lower, sizeof lower);
    if (n == 0)
        return 0;
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t m = tqc_text_decode(lower + i, n - i, &cp);
        if (tqc_text_is_space(cp)) {
            space = o > 0;
            i += m;
            continue;
        }
        cp = ascii_quote(q, cp);
        char enc[4];
        size_t el = cp >= 0 ? tqc_text_encode(cp, enc) : 1;
        if (cp < 0)
            enc[0] = lower[i];
        if (!put(out, cap, &o, &space, enc, el))
            return 0;
        i += m;
    }
    return finish(out, o, trim_end);
}

/* Normalises len bytes of text into out (cap bytes, NUL-terminated): lower case, white
 * space runs as one space, typographic quotes as ASCII, and (when trim_end) final
 * sentence punctuation and spaces dropped. Returns the length, or 0 when it does not fit.
 * ASCII text is done byte by byte: no code point to decode, map or encode again (a file
 * of one-line paragraphs normalises each). Text with any other byte, or too long for
 * BOILER_MAX_BYTES (lower case may be shorter), goes to normalise_unicode whole. */
static size_t normalise(const tqc_quotes *q, const char *text, size_t len, char *out, size_t cap,
                        bool trim_end)
{
    if (len + 1 >= BOILER_MAX_BYTES)
        return normalise_unicode(q, text, len, out, cap, trim_end);
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x80)
            return normalise_unicode(q, text, len, out, cap, trim_end);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = o > 0;
            continue;
        }
        char lower = (char)((unsigned)((c | 0x20) - 'a') < 26 ? c | 0x20 : c);
        if (!put(out, cap, &o, &space, &lower, 1))
            return 0;
    }
    return len ? finish(out, o, trim_end) : 0;
}

/* Glob match of the whole string s against p, where '*' matches one or more bytes.
 * Literal bytes of a UTF-8 pattern cannot match inside a character, so bytes suffice. */
static bool glob(const char *p, const char *s)
{
    const char *star = NULL, *from = NULL;
    size_t taken = 0;
    for (;;) {
        if (*p == '*') {
            if (!*s)
                return false;
            star = p++;
            from = s;
            taken = 1;
            s = from + taken;
            continue;
        }
        if (!*p && !*s)
            return true;
        if (*p && *p == *s) {
            p++;
            s++;
            continue;
        }
        if (star && from[taken]) {
            taken++;
            s = from + taken;
            p = star + 1;
            continue;
        }
        return false;
    }
}

static glob_shape shape_of(const char *p, size_t len)
{
    glob_shape g = {.len = len, .min = len};
    const char *first = memchr(p, '*', len);
    if (!first) {
        g.pre = len;
        return g;
    }
    g.pre = (size_t)(first - p);
    size_t last = len;
    while (p[last - 1] != '*')
        last--;
    g.suf = len - last;
    return g;   /* a '*' matches at least one byte: min is the pattern's length */
}

/* Whether s (n bytes) may match pattern p of shape g: false when glob(p, s) is. */
static bool may_match(const glob_shape *g, const char *p, const char *s, size_t n)
{
    return n >= g->min && memcmp(s, p, g->pre) == 0 &&
           memcmp(s + n - g->suf, p + g->len - g->suf, g->suf) == 0;
}

static void fini(void *state)
{
    patterns *ps = state;
    if (!ps)
        return;
    for (size_t i = 0; i < ps->count; i++)
        free(ps->items[i]);
    free(ps->items);
    free(ps->shapes);
    free(ps->shown);
    free(ps->by_first);
    tqc_strmap_free(ps->verb_stems);
    free(ps);
}

static bool verb_stems_build(patterns *ps, const tqc_lang *lang);

/* Fills ps->first and ps->by_first from ps->items. */
static bool index_by_first(patterns *ps)
{
    size_t total = 0;
    for (size_t b = 0; b < 256; b++) {
        ps->first[b] = total;
        for (size_t i = 0; i < ps->count; i++)
            total += (unsigned char)ps->items[i][0] == b || ps->items[i][0] == '*';
    }
    ps->first[256] = total;
    if (total && !(ps->by_first = tqc_calloc(total, sizeof *ps->by_first)))
        return false;
    for (size_t b = 0, o = 0; b < 256; b++)
        for (size_t i = 0; i < ps->count; i++)
            if ((unsigned char)ps->items[i][0] == b || ps->items[i][0] == '*')
                ps->by_first[o++] = i;
    return true;
}

static tqc_status init(const tqc_lang *lang, void **state, char *err, size_t errlen)
{
    const tqc_strmap *list = tqc_lang_list(lang, "boilerplate");
    size_t n = tqc_strmap_count(list);
    patterns *ps = tqc_calloc(1, sizeof *ps);
    if (!ps || (n && (!(ps->items = tqc_calloc(n, sizeof *ps->items)) ||
                      !(ps->shown = tqc_calloc(n, sizeof *ps->shown)) ||
                      !(ps->shapes = tqc_calloc(n, sizeof *ps->shapes))))) {
        fini(ps);
        return TQC_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *key = tqc_strmap_key(list, i, &len);
        char buf[BOILER_MAX_BYTES];
        size_t bl = normalise(tqc_lang_quotes(lang), key, len, buf, sizeof buf, false);
        if (bl == 0)
            continue;
        if (!(ps->items[ps->count] = tqc_malloc(bl + 1))) {
            fini(ps);
            return TQC_ENOMEM;
        }
        memcpy(ps->items[ps->count], buf, bl + 1);
        ps->shapes[ps->count] = shape_of(buf, bl);
        ps->shown[ps->count++] = key;
    }
    if (!index_by_first(ps) || !verb_stems_build(ps, lang)) {
        fini(ps);
        return TQC_ENOMEM;
    }
    ps->ui_verbs = tqc_lang_list(lang, "ui-verbs");
    ps->ui_nouns = tqc_lang_list(lang, "ui-nouns");
    ps->function_words = tqc_lang_list(lang, "function-words");
    ps->second_person = tqc_lang_list(lang, "second-person");
    ps->speech_verbs = tqc_lang_list(lang, "speech-verbs");
    ps->trail_separators = tqc_lang_list(lang, "trail-separators");
    ps->solid_compounds = tqc_lang_yes(lang, "solid-compounds");
    *state = ps;
    return TQC_OK;
}

/* Chrome is a line of a page, not a paragraph: longer is prose. */
#define CHROME_MAX_WORDS 24
/* Ending with a full stop, it still is chrome only when this short (`Subscribe to our
 * newsletter.`), since a short imperative sentence is common prose in a handbook. */
#define CHROME_MAX_WORDS_STOP 10
/* An info guess on one kind of evidence only for lines this short. */
#define CHROME_MAX_WORDS_GUESS 8
/* A call to the reader with one word of the page and a full stop is this short at most
 * (`Get our stories in your inbox every morning.`); a longer one reads
 * as a handbook's instruction. */
#define CHROME_MAX_WORDS_CALL 16
#define CHROME_MAX_WORD 128

/* Token k lower-cased, the language's apostrophes as ASCII, in out; its length or 0. */
static size_t token_key(const tqc_ctx *ctx, size_t k, char *out)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    char lower[CHROME_MAX_WORD];
    size_t n = tqc_text_case(tqc_doc_at(doc, t->span), tqc_span_len(t->span), TQC_CASE_LOWER,
                             lower, sizeof lower);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if ((unsigned char)lower[i] < 0x80) {   /* no apostrophe to map */
            out[o++] = lower[i++];
            continue;
        }
        int32_t cp;
        size_t m = tqc_text_decode(lower + i, n - i, &cp);
        if (cp >= 0x80 && (tqc_quotes_mark(tqc_lang_quotes(ctx->lang), cp, 0) & TQC_MARK_APOSTROPHE)) {
            out[o++] = '\'';
        } else {
            memcpy(out + o, lower + i, m);
            o += m;
        }
        i += m;
    }
    out[o] = '\0';
    return o;
}

/* Whether word token k, keyed as token_key does, is in list (one of patterns'). */
static bool word_in(const tqc_ctx *ctx, size_t k, const tqc_strmap *list)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    if (t->kind != TQC_TOK_WORD)
        return false;
    char key[CHROME_MAX_WORD];
    size_t n = token_key(ctx, k, key);
    return n && tqc_strmap_get(list, key, n, NULL);
}

#define LIST(ctx, name) (((const patterns *)(ctx)->state)->name)

/* Whether token k addresses the reader: a word of `second-person` in lower case, or an
 * entry written there with its capital as the token is, not opening its sentence (German
 * `Sie`, `Ihre`: the polite address, where `sie`, `ihre` are she and her). */
static bool addresses_reader(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    if (word_in(ctx, k, LIST(ctx, second_person)))
        return true;
    return t->kind == TQC_TOK_WORD && (t->flags & TQC_TF_CAP) &&
           !(t->flags & TQC_TF_SENT_START) &&
           tqc_strmap_get(LIST(ctx, second_person), tqc_doc_at(ctx->doc, t->span),
                          tqc_span_len(t->span), NULL);
}

/* addresses_reader, asked once for each distinct word of the doc (ctx->token_same): the
 * two look-ups behind it depend on the token's text alone, its capital and place in the
 * sentence on the token. asked has an entry per token (READER_ bits), or is NULL. */
enum { READER_ASKED = 1, READER_LOWER = 2, READER_AS_WRITTEN = 4 };
static bool addresses_reader_cached(const tqc_ctx *ctx, size_t k, uint8_t *asked)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    if (!asked || !ctx->token_same || t->kind != TQC_TOK_WORD)
        return addresses_reader(ctx, k);
    uint8_t *a = &asked[ctx->token_same[k]];
    if (!*a)
        *a = READER_ASKED | (word_in(ctx, k, LIST(ctx, second_person)) ? READER_LOWER : 0) |
             (tqc_strmap_get(LIST(ctx, second_person), tqc_doc_at(ctx->doc, t->span),
                             tqc_span_len(t->span), NULL)
                  ? READER_AS_WRITTEN
                  : 0);
    return (*a & READER_LOWER) ||
           ((*a & READER_AS_WRITTEN) && (t->flags & TQC_TF_CAP) && !(t->flags & TQC_TF_SENT_START));
}

/* Parts of a compound shorter than this are not taken for words of the page. */
#define CHROME_MIN_PART 5

/* Whether token k is a word of the page, or a compound made with one: a hyphenated part
 * (`newsletter-abo`), or where the profile says the language writes compounds solid
 * (`solid-compounds = yes`), its head or its first part (`Datenschutzeinstellungen`,
 * `Kommentarfunktion`). */
static bool page_noun(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    if (t->kind != TQC_TOK_WORD)
        return false;
    char key[CHROME_MAX_WORD];
    size_t n = token_key(ctx, k, key);
    if (!n)
        return false;
    if (tqc_strmap_get(LIST(ctx, ui_nouns), key, n, NULL))
        return true;
    for (size_t a = 0, b = 0; b <= n; b++) {
        if (b < n && key[b] != '-')
            continue;
        if (b - a < n && b - a >= CHROME_MIN_PART &&
            tqc_strmap_get(LIST(ctx, ui_nouns), key + a, b - a, NULL))
            return true;
        a = b + 1;
    }
    if (!LIST(ctx, solid_compounds))
        return false;
    for (size_t i = CHROME_MIN_PART; i + CHROME_MIN_PART <= n; i++) {
        if (((unsigned char)key[i] & 0xC0) == 0x80)
            continue;
        if (tqc_strmap_get(LIST(ctx, ui_nouns), key + i, n - i, NULL) ||
            tqc_strmap_get(LIST(ctx, ui_nouns), key, i, NULL))
            return true;
    }
    return false;
}

/* A verb form of the page's verbs is one whose stem is a verb of `ui-verbs` but for at
 * most CHROME_VERB_END characters at either end (`viewed`, `partagé`, `compartido`), at
 * least CHROME_VERB_STEM shared. */
#define CHROME_VERB_END 3
#define CHROME_VERB_STEM 4

/* Whether token k is an inflected form of a verb the page tells its reader with, as the
 * lexicon reads it (a participle or a finite form): `Most viewed`, `Recently updated` label
 * a page's lists as its nouns do. */
static bool page_verb_form(const tqc_ctx *ctx, size_t k)
{
    if (!(tqc_ctx_pos_lower(ctx, k) & (TQC_POS_VFIN | TQC_POS_VPART | TQC_POS_VGER)) ||
        word_in(ctx, k, LIST(ctx, ui_verbs)))
        return false;
    char key[CHROME_MAX_WORD];
    size_t n = token_key(ctx, k, key);
    const patterns *ps = ctx->state;
    /* The stem shared is at least CHROME_VERB_STEM bytes and leaves at most
     * CHROME_VERB_END of the token: one of its prefixes that long is a stem of a verb. */
    for (size_t c = n > CHROME_VERB_STEM + CHROME_VERB_END ? n - CHROME_VERB_END
                                                          : CHROME_VERB_STEM;
         c <= n; c++)
        if (tqc_strmap_get(ps->verb_stems, key, c, NULL))
            return true;
    return false;
}

/* The stems of the verbs of `ui-verbs` page_verb_form accepts: each verb's prefixes of at
 * least CHROME_VERB_STEM bytes that leave at most CHROME_VERB_END of it. */
static bool verb_stems_build(patterns *ps, const tqc_lang *lang)
{
    const tqc_strmap *verbs = tqc_lang_list(lang, "ui-verbs");
    if (!(ps->verb_stems = tqc_strmap_new()))
        return false;
    for (size_t i = 0; i < tqc_strmap_count(verbs); i++) {
        size_t vn;
        const char *v = tqc_strmap_key(verbs, i, &vn);
        for (size_t c = vn > CHROME_VERB_STEM + CHROME_VERB_END ? vn - CHROME_VERB_END
                                                               : CHROME_VERB_STEM;
             c <= vn; c++)
            if (!tqc_strmap_put(ps->verb_stems, v, c, 0))
                return false;
    }
    return true;
}

/* Whether cp opens a clause after it as a sentence's start does: a colon or a dash (`Never
 * miss a story — sign up ...`). */
static bool clause_mark(int32_t cp)
{
    return cp == ':' || cp == 0x2014 || cp == 0x2013;
}

static int32_t punct_cp(const tqc_doc *doc, size_t k)
{
    const tqc_token *t = &doc->tokens[k];
    if (t->kind != TQC_TOK_PUNCT && t->kind != TQC_TOK_SYMBOL)
        return 0;
    int32_t cp;
    tqc_text_decode(tqc_doc_at(doc, t->span), tqc_span_len(t->span), &cp);
    return cp;
}


/* Whether token k (of a line from first) opens a sentence or a clause: first in its
 * sentence, after a colon or a dash (`Don't miss out: sign up`), or after an adverb opening
 * its sentence (`Then get ...`). */
static bool opens_clause(const tqc_ctx *ctx, size_t first, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (doc->tokens[k].flags & TQC_TF_SENT_START)
        return true;
    if (k <= first)
        return false;
    return clause_mark(punct_cp(doc, k - 1)) ||
           ((doc->tokens[k - 1].flags & TQC_TF_SENT_START) &&
            (tqc_ctx_pos_lower(ctx, k - 1) & TQC_POS_ADV));
}

typedef enum { CHROME_NONE, CHROME_GUESS, CHROME_STRONG } chrome_verdict;

/* A closing quotation mark or bracket of the language, which may follow a line's last
 * word or stop. */
static bool closing_mark(const tqc_ctx *ctx, size_t k)
{
    return tqc_ctx_mark(ctx, k, TQC_QUOTE_ROLES_QUOTES | TQC_QUOTE_ROLE(TQC_QUOTE_BRACKET)) &
           TQC_MARK_CLOSES;
}

/* Whether the period at token dot, ending tokens [first, dot], closes an abbreviation of
 * the profile in a bar of items parted by separators (`Drucken · Lesedauer 6 Min.`): no full
 * stop of a sentence. A sentence may end on an abbreviation too (`The vote took 40 min.`),
 * but its words are not parted so. */
static bool abbreviation_period(const tqc_ctx *ctx, size_t first, size_t dot)
{
    if (dot <= first || !tqc_ctx_abbreviation_at(ctx, dot - 1))
        return false;
    for (size_t k = first; k < dot; k++)
        if (tqc_ctx_separator(ctx, k))
            return true;
    return false;
}

/* Items of a trail of section labels (`Home › World › Europe`) are this short. */
#define TRAIL_MAX_ITEM_WORDS 3
#define TRAIL_MIN_ITEMS 3

/* Whether tokens [first, end) are a trail of section labels, a breadcrumb: at least
 * TRAIL_MIN_ITEMS items parted by one mark of the profile's `trail-separators`, each of a
 * few words opening with a capital, and nothing else (no stop, no other punctuation); two
 * items do when the mark is one prose never uses, a page bar's (`separators`: `Region |
 * Heritage`). Two places parted by a slash (`Paris / London`) are no trail. */
static bool section_trail(const tqc_ctx *ctx, size_t first, size_t end)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *mark = NULL;
    size_t items = 1, item_words = 0, bar_marks = 0;
    for (size_t k = first; k < end; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (t->kind == TQC_TOK_WORD || t->kind == TQC_TOK_NUMBER) {
            if (item_words == 0 && t->kind == TQC_TOK_WORD && !(t->flags & TQC_TF_CAP))
                return false;
            if (++item_words > TRAIL_MAX_ITEM_WORDS)
                return false;
            continue;
        }
        if ((t->kind != TQC_TOK_PUNCT && t->kind != TQC_TOK_SYMBOL) || item_words == 0 ||
            !tqc_strmap_get(LIST(ctx, trail_separators), tqc_doc_at(doc, t->span),
                            tqc_span_len(t->span), NULL))
            return false;
        if (mark && !tqc_text_equal_fold(tqc_doc_at(doc, mark->span), tqc_span_len(mark->span),
                                         tqc_doc_at(doc, t->span), tqc_span_len(t->span)))
            return false;
        mark = t;
        bar_marks += tqc_ctx_separator(ctx, k);
        items++;
        item_words = 0;
    }
    return item_words > 0 && (items >= TRAIL_MIN_ITEMS || (items == 2 && bar_marks));
}

/* Whether tokens [first, end) of one paragraph cannot read as page furniture on what
 * is known before any neighbour is looked at (chrome_shape's first tests): a file of
 * short paragraphs of prose (segments, records) asks this of each. */
static bool chrome_ruled_out(const tqc_ctx *ctx, size_t first, size_t end, uint8_t *reader_asked)
{
    const tqc_doc *doc = ctx->doc;
    /* What the length alone rules out is ruled out before any word is looked up. */
    size_t counted = 0, tail = end;
    for (size_t k = first; k < end; k++)
        counted += doc->tokens[k].kind == TQC_TOK_WORD || doc->tokens[k].kind == TQC_TOK_NUMBER;
    while (tail > first && closing_mark(ctx, tail - 1))
        tail--;
    int32_t tail_cp = tail > first ? punct_cp(doc, tail - 1) : 0;
    bool stop = (tail_cp == '.' && !abbreviation_period(ctx, first, tail - 1)) ||
                tail_cp == '?' || tail_cp == ';' || tail_cp == 0x2026;
    if (counted > CHROME_MAX_WORDS)
        return true;
    /* A line of words ending with a full stop is furniture only when it addresses the
     * reader, or tells the reader with a page verb opening a sentence (chrome_shape's test
     * after its loop): most such lines are prose, and this one look-up a word spares the
     * loop's others. */
    if (counted > 0 && stop) {
        /* Past CHROME_MAX_WORDS_STOP words only a page verb opening a clause can make one
         * (chrome_shape's `speaks`): the reader's look-ups are spared. */
        bool short_line = counted <= CHROME_MAX_WORDS_STOP;
        for (size_t k = first; k < end; k++)
            if ((short_line && addresses_reader_cached(ctx, k, reader_asked)) ||
                (opens_clause(ctx, first, k) && word_in(ctx, k, LIST(ctx, ui_verbs))))
                return false;
        return true;
    }
    return false;
}

/* Whether tokens [first, end) of one paragraph read as page furniture; what shows it is
 * written to why. */
static chrome_verdict chrome_shape(const tqc_ctx *ctx, size_t first, size_t end, bool isolated,
                                   char *why, size_t whylen)
{
    const tqc_doc *doc = ctx->doc;
    if (chrome_ruled_out(ctx, first, end, NULL))
        return CHROME_NONE;
    size_t tail = end;
    while (tail > first && closing_mark(ctx, tail - 1))
        tail--;
    /* The last token before any closing marks. */
    size_t last = tail > first ? tail - 1 : end;
    size_t words = 0, nouns = 0, content = 0, page = 0, forms = 0, adverbs = 0;
    bool verb = false, count = false, sep = false, label = false, reader = false;
    bool speech = false;
    for (size_t k = first; k < end; k++) {
        const tqc_token *t = &doc->tokens[k];
        int32_t cp = punct_cp(doc, k);
        if (t->kind == TQC_TOK_WORD || t->kind == TQC_TOK_NUMBER) {
            /* The verb that opens the line or a sentence of it (`Want more news?
             * Subscribe ...`), or follows an opening adverb (`Jetzt ...`). */
            if (words == 0 || opens_clause(ctx, first, k) ||
                (words == 1 && (tqc_ctx_pos_lower(ctx, k - 1) & TQC_POS_ADV) && !verb))
                verb = verb || word_in(ctx, k, LIST(ctx, ui_verbs));
            /* Someone's words reported: news about a call, not the call itself (a speech
             * verb after a determiner is a noun: `Have your say`). */
            speech = speech || (word_in(ctx, k, LIST(ctx, speech_verbs)) &&
                                !(k > first && (tqc_ctx_pos_lower(ctx, k - 1) & TQC_POS_DET)));
            words++;
        }
        bool verb_form = words > 1 && page_verb_form(ctx, k);
        forms += verb_form;
        if (t->kind == TQC_TOK_URL || t->kind == TQC_TOK_EMAIL || t->kind == TQC_TOK_HANDLE ||
            t->kind == TQC_TOK_HASHTAG || page_noun(ctx, k)) {
            nouns++;
            /* A count of page things: `12 comments`, `Comments (12)`. */
            size_t prev = k > first ? k - 1 : k;
            if (k > first && doc->tokens[prev].kind == TQC_TOK_NUMBER)
                count = true;
            if (k + 2 < end && punct_cp(doc, k + 1) == '(' &&
                doc->tokens[k + 2].kind == TQC_TOK_NUMBER)
                count = true;
        }
        bool addressed = addresses_reader(ctx, k);
        reader = reader || addressed;
        if (t->kind == TQC_TOK_WORD && !addressed && !word_in(ctx, k, LIST(ctx, function_words))) {
            content++;
            page += word_in(ctx, k, LIST(ctx, ui_verbs)) || page_noun(ctx, k) || verb_form;
            uint32_t pos = tqc_ctx_pos_lower(ctx, k);
            adverbs += pos == TQC_POS_ADV;
        }
        sep = sep || tqc_ctx_separator(ctx, k);
        /* `Tags: ...`, `Read also: ...`: a label of the page before a colon. */
        if (cp == ':' && k > first && k - first <= 3 && words <= 3 &&
            (page_noun(ctx, k - 1) || word_in(ctx, k - 1, LIST(ctx, ui_verbs)) ||
             (words == 2 && word_in(ctx, first, LIST(ctx, ui_verbs)))))
            label = true;
    }
    /* A paragraph of nothing but a link (`https://...`) is a related-article link the
     * scraper kept as text: page furniture between paragraphs of prose, a guess
     * elsewhere (a source list may close an article). */
    if (words == 0 && nouns > 0 && last != end) {
        snprintf(why, whylen, "%s", isolated ? ", a bare link between paragraphs of prose"
                                             : ", a bare link");
        return isolated ? CHROME_STRONG : CHROME_GUESS;
    }
    if (words == 0 || words > CHROME_MAX_WORDS || last == end)
        return CHROME_NONE;
    if (section_trail(ctx, first, tail)) {
        snprintf(why, whylen, ", a trail of section labels");
        return CHROME_STRONG;
    }
    /* A form of a page verb with no other content word but adverbs labels a list of the
     * page as its nouns do (`Most viewed`); beside a noun it is a headline's verb
     * (`Opposition reported`). */
    if (forms && forms + adverbs == content)
        nouns += forms;
    int32_t end_cp = punct_cp(doc, last);
    /* A label may put its verb last, as an infinitive (`Artikel teilen`); not a form the
     * lexicon also knows as a noun (`Fashion show`). */
    if (!verb && words <= CHROME_MAX_WORDS_GUESS && doc->tokens[last].kind == TQC_TOK_WORD &&
        !(tqc_ctx_pos_lower(ctx, last) & TQC_POS_NOUN))
        verb = word_in(ctx, last, LIST(ctx, ui_verbs));
    /* A line ending with a colon introduces what follows, as a sentence would. */
    bool stop = (end_cp == '.' && !abbreviation_period(ctx, first, last)) || end_cp == '?' ||
                end_cp == ';' || end_cp == 0x2026 || (end_cp == ':' && !label);
    /* Quoted speech is prose, however short. */
    unsigned open_mark = tqc_ctx_mark(ctx, first, TQC_QUOTE_ROLES_QUOTES);
    if ((open_mark & TQC_MARK_OPENS) && !(open_mark & TQC_MARK_APOSTROPHE))
        return CHROME_NONE;
    /* A short line without a full stop standing alone between paragraphs of prose is not
     * a sentence of the story: one more kind of evidence, when the page's words are at
     * least half its content words (a news subheading is about the story: `Commissioner
     * replies`). */
    bool between = isolated && !stop && words <= CHROME_MAX_WORDS_GUESS;
    isolated = between && page * 2 >= content;
    int kinds = verb + (nouns > 0) + (nouns > 1) + count + sep + label + reader + isolated;
    /* Sentences that tell the reader to do something with the page (`Get our stories in
     * your inbox every morning.`, `This content is for subscribers. Subscribe to keep
     * reading.`): a page verb opening a sentence or a clause, words of the page, and the
     * reader addressed or a second word of the page, with no one's words reported (`...,
     * the minister told residents`). The reader addressed without a page verb is a
     * handbook's or a speaker's (`You can find these settings in the browser.`). */
    bool speaks = stop && !speech && verb && nouns &&
                  ((reader && words <= CHROME_MAX_WORDS_CALL) || nouns > 1);
    if (stop && !speaks && (words > CHROME_MAX_WORDS_STOP || !verb || !nouns || !reader))
        return CHROME_NONE;
    snprintf(why, whylen, "%s%s%s%s%s%s%s", verb ? ", a call to the reader" : "",
             nouns ? ", words of the page" : "", count ? ", a count of page things" : "",
             sep ? ", separators" : "", label ? ", a page label" : "",
             reader ? ", the reader addressed" : "",
             isolated ? ", a short line between paragraphs of prose" : "");
    /* A word of the page and the reader addressed in a short line between paragraphs of
     * prose (`We use cookies to improve your experience`) is the page talking. */
    if (speaks || (verb && kinds >= 2) || (count && !stop) || (nouns && (sep || label || isolated)) ||
        (nouns > 1 && reader) || (nouns && reader && between))
        return CHROME_STRONG;
    if (!stop && words <= CHROME_MAX_WORDS_GUESS && (verb || nouns > 1))
        return CHROME_GUESS;
    return CHROME_NONE;
}

/* Body text: at least a sentence long, ending with sentence punctuation. */
#define CHROME_BODY_MIN_WORDS 8
/* Short lines without a stop (chrome, often several together) passed over to find the
 * prose on one side of a line. */
#define CHROME_SKIP_LINES 2

typedef enum { PARA_OTHER, PARA_BODY, PARA_LINE } para_kind;

/* Paragraph p as a neighbour of a line: body text, a short line without a stop (at most
 * CHROME_MAX_WORDS_GUESS words: page furniture or a heading), or other. */
static para_kind paragraph_kind(const tqc_ctx *ctx, size_t p)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_paragraph *para = &doc->paragraphs[p];
    if (para->sent_count == 0)
        return PARA_OTHER;
    const tqc_sentence *a = &doc->sentences[para->sent_first];
    const tqc_sentence *b = &doc->sentences[para->sent_first + para->sent_count - 1];
    size_t words = 0, end = b->tok_first + b->tok_count, last = end;
    for (size_t k = a->tok_first; k < end; k++) {
        const tqc_token *t = &doc->tokens[k];
        words += t->kind == TQC_TOK_WORD || t->kind == TQC_TOK_NUMBER;
        if (!closing_mark(ctx, k))
            last = k;
    }
    int32_t cp = last < end ? punct_cp(doc, last) : 0;
    bool stop = cp == '.' || cp == '!' || cp == '?';
    if (stop && words >= CHROME_BODY_MIN_WORDS)
        return PARA_BODY;
    return !stop && words <= CHROME_MAX_WORDS_GUESS ? PARA_LINE : PARA_OTHER;
}

/* Whether the prose nearest paragraph p on the side dir (-1, +1) is body text, passing over
 * up to CHROME_SKIP_LINES short lines (`Share this`, `Most viewed` one after the other). */
static bool body_beside(const tqc_ctx *ctx, size_t p, int dir)
{
    for (size_t step = 0; step <= CHROME_SKIP_LINES; step++) {
        if ((dir < 0 && p == 0) || (dir > 0 && p + 1 >= ctx->doc->paragraph_count))
            return false;
        p = dir < 0 ? p - 1 : p + 1;
        para_kind kind = paragraph_kind(ctx, p);
        if (kind != PARA_LINE)
            return kind == PARA_BODY;
    }
    return false;
}

/* Lines of a stanza: at least STANZA_MIN_LINES paragraphs in a row with no final stop
 * and at least STANZA_MIN_WORDS words each, at most half of them shaped as furniture.
 * Verse, lyrics and an address set line by line read so; a page's furniture comes in
 * short lines (`Share`, `Most viewed`), or as lines that are all calls to the reader. */
#define STANZA_MIN_LINES 4
#define STANZA_MIN_WORDS 4
/* Lines looked at on each side of a line. */
#define STANZA_REACH 4

/* Whether paragraph p is a stanza's line as above (no final stop, at least
 * STANZA_MIN_WORDS words, at most CHROME_MAX_WORDS); *chrome tells whether its shape
 * is furniture's. */
static bool stanza_line(const tqc_ctx *ctx, size_t p, bool *chrome)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_paragraph *para = &doc->paragraphs[p];
    if (para->sent_count == 0)
        return false;
    const tqc_sentence *a = &doc->sentences[para->sent_first];
    const tqc_sentence *b = &doc->sentences[para->sent_first + para->sent_count - 1];
    size_t words = 0, end = b->tok_first + b->tok_count, last = end;
    for (size_t k = a->tok_first; k < end; k++) {
        words += doc->tokens[k].kind == TQC_TOK_WORD || doc->tokens[k].kind == TQC_TOK_NUMBER;
        if (!closing_mark(ctx, k))
            last = k;
    }
    int32_t cp = last < end ? punct_cp(doc, last) : 0;
    if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || words < STANZA_MIN_WORDS ||
        words > CHROME_MAX_WORDS)
        return false;
    char why[160];
    *chrome = chrome_shape(ctx, a->tok_first, end, false, why, sizeof why) != CHROME_NONE;
    return true;
}

/* stanza_line through seen (NULL: no cache), one byte a paragraph: 0 not asked yet, else
 * 1 + is a line + 2 * chrome. in_stanza asks it of up to 2 * STANZA_REACH + 1 paragraphs
 * around each, so a file of lines asks chrome_shape of each once, not nine times. */
static bool stanza_line_seen(const tqc_ctx *ctx, unsigned char *seen, size_t p, bool *chrome)
{
    if (seen && seen[p]) {
        *chrome = seen[p] & 4;
        return seen[p] & 2;
    }
    *chrome = false;
    bool line = stanza_line(ctx, p, chrome);
    if (seen)
        seen[p] = (unsigned char)(1 | (line ? 2 : 0) | (line && *chrome ? 4 : 0));
    return line;
}

/* Whether paragraph p is a line of a stanza (stanza_line): among the stanza lines in a
 * row around it (STANZA_REACH a side), at least STANZA_MIN_LINES, at most half of them
 * shaped as furniture. */
static bool in_stanza(const tqc_ctx *ctx, unsigned char *seen, size_t p)
{
    bool chrome;
    if (!stanza_line_seen(ctx, seen, p, &chrome))
        return false;
    size_t lines = 1, furniture = chrome;
    for (size_t q = p; q > 0 && p - q < STANZA_REACH && stanza_line_seen(ctx, seen, q - 1, &chrome);
         q--) {
        lines++;
        furniture += chrome;
    }
    for (size_t q = p + 1; q < ctx->doc->paragraph_count && q - p <= STANZA_REACH &&
                           stanza_line_seen(ctx, seen, q, &chrome);
         q++) {
        lines++;
        furniture += chrome;
    }
    return lines >= STANZA_MIN_LINES && furniture * 2 <= lines;
}

/* The first pattern of the profile's list that text at span matches whole, or SIZE_MAX. */
static size_t matching_pattern(const tqc_ctx *ctx, tqc_span span)
{
    const patterns *ps = ctx->state;
    char norm[BOILER_MAX_BYTES];
    size_t nl = normalise(tqc_lang_quotes(ctx->lang), tqc_doc_at(ctx->doc, span),
                          tqc_span_len(span), norm, sizeof norm, true);
    size_t from = nl ? ps->first[(unsigned char)norm[0]] : 0;
    size_t to = nl ? ps->first[(unsigned char)norm[0] + 1] : 0;
    for (size_t j = from; j < to; j++) {
        size_t i = ps->by_first[j];
        if (may_match(&ps->shapes[i], ps->items[i], norm, nl) && glob(ps->items[i], norm))
            return i;
    }
    return SIZE_MAX;
}

/* Where paragraph p is prose with one more sentence joined to its end by the scraper
 * (`... before winter. Share this article`): the token its last sentence starts at, or 0.
 * The prose before it is a sentence or more (CHROME_BODY_MIN_WORDS words) ending with a
 * stop and not shaped as furniture itself; the last sentence has no stop of its own. */
static size_t joined_line_at(const tqc_ctx *ctx, size_t p, uint8_t *reader_asked)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_paragraph *para = &doc->paragraphs[p];
    if (para->sent_count < 2)
        return 0;
    const tqc_sentence *last = &doc->sentences[para->sent_first + para->sent_count - 1];
    size_t start = doc->sentences[para->sent_first].tok_first, a = last->tok_first;
    size_t end = a + last->tok_count, words = 0;
    if (last->tok_count == 0 || a == start)
        return 0;
    size_t stop = a - 1;
    while (stop > start && closing_mark(ctx, stop))
        stop--;
    int32_t cp = punct_cp(doc, stop);
    size_t tail = end;
    while (tail > a && closing_mark(ctx, tail - 1))
        tail--;
    int32_t end_cp = tail > a ? punct_cp(doc, tail - 1) : 0;
    if ((cp != '.' && cp != '!' && cp != '?') ||
        (end_cp == '.' && !abbreviation_period(ctx, a, tail - 1)) || end_cp == '!' ||
        end_cp == '?' || end_cp == ';' || end_cp == ':' || end_cp == 0x2026)
        return 0;
    for (size_t k = start; k < a; k++)
        words += doc->tokens[k].kind == TQC_TOK_WORD || doc->tokens[k].kind == TQC_TOK_NUMBER;
    /* A credit after a sentence (`... at dawn. Photo: AFP`) ends a photo caption, which
     * stray-heading removes whole. */
    char key[CHROME_MAX_WORD];
    size_t w = a + (punct_cp(doc, a) == '(' && a + 1 < end);    /* `(Photo by ...)` */
    size_t kn = doc->tokens[w].kind == TQC_TOK_WORD ? token_key(ctx, w, key) : 0;
    if (words < CHROME_BODY_MIN_WORDS || (kn && tqc_lang_in(ctx->lang, "credits", key, kn)))
        return 0;
    char why[160];
    if (!chrome_ruled_out(ctx, start, a, reader_asked) &&
        chrome_shape(ctx, start, a, false, why, sizeof why) != CHROME_NONE)
        return 0;
    return a;
}

/* The line joined to paragraph p at token a (joined_line_at), when it matches a pattern or
 * is shaped as furniture on two kinds of evidence: the finding covers it, and its fix
 * removes it with the space before it. */
static void check_joined_line(const tqc_ctx *ctx, size_t p, size_t a, uint8_t *reader_asked)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_paragraph *para = &doc->paragraphs[p];
    const tqc_sentence *last = &doc->sentences[para->sent_first + para->sent_count - 1];
    size_t end = last->tok_first + last->tok_count;
    tqc_span line = tqc_span_make(doc->tokens[a].span.start, para->span.end);
    tqc_span removed = tqc_span_make(doc->tokens[a - 1].span.end, para->span.end);
    size_t i = matching_pattern(ctx, line);
    char why[160];
    tqc_finding *f;
    if (i != SIZE_MAX)
        f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, line,
                     "web-page boilerplate joined to the end of a paragraph (matches '%s'): "
                     "remove it", ((const patterns *)ctx->state)->shown[i]);
    else if (!chrome_ruled_out(ctx, a, end, reader_asked) &&
             chrome_shape(ctx, a, end, false, why, sizeof why) == CHROME_STRONG)
        f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, line,
                     "a line of web-page furniture joined to the end of a paragraph (%s): "
                     "remove it", why + 2);
    else
        return;
    tqc_finding_fix(ctx->out, f, removed, "", 0, false);
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    const patterns *ps = ctx->state;
    if (!ps)
        return;
    /* in_stanza's cache, made at its first question; without memory it asks again. */
    unsigned char *seen = NULL;
    bool seen_tried = false;
    /* addresses_reader_cached's answers; without memory it asks every time. */
    uint8_t *reader_asked = ctx->token_same ? tqc_calloc(doc->token_count ? doc->token_count : 1, 1)
                                            : NULL;
    for (size_t p = 0; p < doc->paragraph_count; p++) {
        const tqc_paragraph *para = &doc->paragraphs[p];
        if (para->sent_count == 0)
            continue;
        const tqc_sentence *first = &doc->sentences[para->sent_first];
        const tqc_sentence *last = &doc->sentences[para->sent_first + para->sent_count - 1];
        size_t words = 0, links = 0;
        for (size_t k = first->tok_first; k < last->tok_first + last->tok_count; k++) {
            words += doc->tokens[k].kind == TQC_TOK_WORD || doc->tokens[k].kind == TQC_TOK_NUMBER;
            links += doc->tokens[k].kind == TQC_TOK_URL;
        }
        if ((words == 0 && links == 0) || words > BOILER_MAX_WORDS)
            continue;
        /* A page's own caption (figcaption), heading (h1-h6), list item (li) or term
         * (dt), set as
         * one by its author: a credit or a call to the reader there is the page's (`Manage
         * your downloads` in a list of what a program does), not a scraper's leftover, and
         * tqc's reader, not the text, put it in the copy: a hint at most. */
        bool own = tqc_ctx_paragraph_is(ctx, p, "figcaption") ||
                   tqc_ctx_paragraph_is(ctx, p, "li") || tqc_ctx_paragraph_is(ctx, p, "dt") ||
                   tqc_ctx_paragraph_is_heading(ctx, p);
        size_t i = matching_pattern(ctx, para->span);
        bool listed = i != SIZE_MAX;
        if (listed) {
            tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id,
                                      own ? TQC_SEV_INFO : TQC_SEV_WARNING, para->span,
                                      "web-page boilerplate left in the article (matches "
                                      "'%s'): remove this paragraph", ps->shown[i]);
            tqc_finding_fix(ctx->out, f, para->span, "", 0, false);
        }
        char why[160];
        /* A line that leads into code or ends on it (`use the command` before an
         * example) is prose cut short by the code left out, not furniture. */
        size_t tok_end = last->tok_first + last->tok_count;
        /* Prose with a line joined to its end is judged by that line alone. */
        size_t joined = listed || own ? 0 : joined_line_at(ctx, p, reader_asked);
        /* The neighbours are looked at only for a line not ruled out on its own. */
        chrome_verdict v = listed || joined || words > CHROME_MAX_WORDS ||
                                   tqc_ctx_paragraph_ends_in_code(ctx, p) ||
                                   chrome_ruled_out(ctx, first->tok_first, tok_end, reader_asked)
                               ? CHROME_NONE
                                  : chrome_shape(ctx, first->tok_first, tok_end,
                                                 body_beside(ctx, p, -1) &&
                                                     body_beside(ctx, p, +1),
                                                 why, sizeof why);
        if (v == CHROME_NONE) {
            if (joined)
                check_joined_line(ctx, p, joined, reader_asked);
            continue;
        }
        /* A line of verse addresses its `you` as furniture does: a hint at most. */
        if (v == CHROME_STRONG && !own && !seen_tried) {
            seen_tried = true;
            seen = tqc_calloc(doc->paragraph_count, 1);
        }
        if (v == CHROME_STRONG && !own && in_stanza(ctx, seen, p))
            own = true;
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id,
                                  v == CHROME_STRONG && !own ? TQC_SEV_WARNING : TQC_SEV_INFO,
                                  para->span,
                                  "%s (%s): remove this paragraph",
                                  v == CHROME_STRONG ? "a line of web-page furniture, not prose"
                                                     : "perhaps a line of web-page furniture",
                                  why + 2);
        tqc_finding_fix(ctx->out, f, para->span, "", 0, false);
    }
    free(seen);
    free(reader_asked);
}

const tqc_pass tqc_pass_boilerplate = {
    .id = "boilerplate",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_WARNING) | TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "web-page chrome left in the article (share bars, related links, credits)",
    .good = "Readers can share their views at a public meeting on Friday.\n\n"
            "The council will read more than 200 letters before it votes.",
    .bad = "The council will vote on Friday.\n\nRead more: Council delays budget vote\n\n"
           "Leave a Reply",
    .details = "Web-page chrome left in the copy by a scraper: `Leave a Reply`, share bars, `Read "
               "also: ...` links, photo credits: the patterns of rules/<lang>/boilerplate, or a short "
               "paragraph shaped as page furniture, not prose: the page's verbs and nouns "
               "(rules/<lang>/ui-verbs, ui-nouns), the reader addressed (second-person), a count "
               "of page things (`12 comments`), separators (`·`, `|`), a label colon, no final "
               "full stop. A sentence with a full stop is chrome when it tells the reader to do "
               "something with the page (a page verb opening it, a page noun, the reader addressed "
               "or a second page noun; no verb of saying), and so is a trail of section labels "
               "(`Home › World › Europe`, rules/<lang>/trail-separators). Two kinds of evidence "
               "make a warning; one alone on a very short line is an info guess, and so is a line of a stanza (four or more lines in a "
               "row without a final stop: verse, lyrics). Such a line joined to the end of a "
               "paragraph of prose, as its last sentence without a stop (`... on Monday. "
               "Share on WhatsApp`), is found alone, and its fix keeps the prose.",
    .init = init,
    .run = run,
    .fini = fini,
};
