/* capitalization: capital letters where English has none and none where it has one.
 *  (a) a common word capitalised mid-sentence (`asked ships to Be careful`). Names are
 *      capitalised mid-sentence all the time, so a word is reported only with evidence
 *      that it is not one: it stands alone between lower-case words (a name or title
 *      runs with its neighbours: `Joint Chiefs of Staff`), the dictionary knows it in lower
 *      case, the text around it does not capitalise it again after a lower-case word, and
 *      it is a closed-class word (`function-words`), or it follows an auxiliary (`auxiliaries`:
 *      must, was), or it follows `verb-markers` (to) and precedes a `determiners` word, as
 *      a verb with its object does. Words the profile lists in `title-words` (President,
 *      Congress, March), quoted text and title-case paragraphs are left alone. In a
 *      language that capitalises its nouns (`capitalised-nouns = yes`: German) only
 *      function words are questioned.
 *  (b) a lower-case word after a full stop (`undermines peace. and the stability`): a
 *      sentence broken in two (a number and a stop are an ordinal where the profile
 *      says `ordinal-period = yes`: German `am 3. ordentlichen Parteitag`). Only a stop
 *      after a dictionary word counts: words with inner periods (`e.g. the`, `p.m. on`),
 *      single letters, units after a number, short capitalised words (`Gen.`, `Corp.`)
 *      and the entries of `abbreviations` and `abbreviations-lower` (`etc. and`) are
 *      abbreviations.
 *  (c) a multi-word proper name in lower case: a `name-prefixes` word before a word the
 *      dictionary knows only capitalised (`north korean`), or a name of `proper-names`
 *      (`united nations`). The whole phrase is reported with its capitalised form.
 *  (d) a word the language writes in lower case though English capitalises it
 *      (`lower-case-words`: the months and days of Spanish or Portuguese) capitalised
 *      mid-sentence right after a function word or a number (`el 5 de Marzo`), unless
 *      a capitalised word stands just before those (`Plaza de Mayo`, `Avenida 9 de
 *      Julio`): then it is part of a name. */
#include "pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Words longer than this are not words; buffers for one word hold this much. */
#define CAP_MAX_WORD 128
/* A paragraph whose longer words are mostly capitalised is a title: `Leaders Meet In
 * Moscow`. Counted over words of at least this many bytes (short function words are
 * lower case even in many title styles). */
#define CAP_TITLE_MIN_BYTES 4
#define CAP_TITLE_PERCENT 60
/* How far around a word to look for the same word capitalised again: about one news
 * article either way, so that in a file of many articles other stories do not count. */
#define CAP_NEARBY_BYTES 8000
/* Longest name in `proper-names`, in words. */
#define CAP_MAX_NAME_WORDS 8

typedef struct proper_name {
    const char *text;   /* as written in the profile (borrowed) */
    size_t len;
    size_t words;
} proper_name;

typedef struct cap_state {
    proper_name *names;
    size_t name_count;
    /* The lists asked of nearly every word, found once. */
    const tqc_strmap *name_prefixes, *lower_case_words;
} cap_state;

static bool is_word(const tqc_token *t) { return t->kind == TQC_TOK_WORD; }

static const char *tok_text(const tqc_doc *doc, const tqc_token *t)
{
    return tqc_doc_at(doc, t->span);
}

/* The token in lower case into buf (CAP_MAX_WORD bytes); 0 when it does not fit. */
static size_t lower_tok(const tqc_doc *doc, const tqc_token *t, char *buf)
{
    return tqc_text_case(tok_text(doc, t), tqc_span_len(t->span), TQC_CASE_LOWER, buf,
                         CAP_MAX_WORD);
}

static bool tok_in_list(const tqc_ctx *ctx, const tqc_strmap *list, const tqc_token *t)
{
    /* A word all in lower case is its own lower-case form. */
    if (list && (t->flags & TQC_TF_LOWER))
        return tqc_strmap_get(list, tok_text(ctx->doc, t), tqc_span_len(t->span), NULL);
    char buf[CAP_MAX_WORD];
    size_t n = list ? lower_tok(ctx->doc, t, buf) : 0;
    return n && tqc_strmap_get(list, buf, n, NULL);
}

static bool tok_in(const tqc_ctx *ctx, const char *list, const tqc_token *t)
{
    return tok_in_list(ctx, tqc_lang_list(ctx->lang, list), t);
}

static bool punct_is(const tqc_doc *doc, const tqc_token *t, const char *s)
{
    return t->kind == TQC_TOK_PUNCT && tqc_span_len(t->span) == strlen(s) &&
           memcmp(tok_text(doc, t), s, strlen(s)) == 0;
}

/* First token of paragraph p and one past its last. */
static void para_tokens(const tqc_doc *doc, size_t p, size_t *first, size_t *end)
{
    const tqc_paragraph *para = &doc->paragraphs[p];
    *first = *end = 0;
    if (para->sent_count == 0)
        return;
    const tqc_sentence *a = &doc->sentences[para->sent_first];
    const tqc_sentence *b = &doc->sentences[para->sent_first + para->sent_count - 1];
    *first = a->tok_first;
    *end = b->tok_first + b->tok_count;
}

static bool title_case_paragraph(const tqc_doc *doc, size_t p)
{
    size_t first, end, long_words = 0, capitalised = 0;
    para_tokens(doc, p, &first, &end);
    for (size_t k = first; k < end; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (!is_word(t) || tqc_span_len(t->span) < CAP_TITLE_MIN_BYTES)
            continue;
        long_words++;
        capitalised += (t->flags & TQC_TF_CAP) != 0;
    }
    return long_words > 0 && capitalised * 100 >= long_words * CAP_TITLE_PERCENT;
}

/* Whether token j repeats the word of token t capitalised after a lower-case word. */
static bool same_word_after_lower(const tqc_doc *doc, size_t j, const tqc_token *t)
{
    const tqc_token *u = &doc->tokens[j], *before = &doc->tokens[j - 1];
    size_t len = tqc_span_len(t->span);
    return tqc_span_len(u->span) == len && memcmp(tok_text(doc, u), tok_text(doc, t), len) == 0 &&
           is_word(before) && (before->flags & TQC_TF_LOWER) && before->sentence == u->sentence;
}

/* true when the text around token k capitalises its word again after a lower-case word:
 * a name the author uses consistently, not a slip. */
static bool capitalised_nearby(const tqc_doc *doc, size_t k)
{
    const tqc_token *t = &doc->tokens[k];
    size_t lo = t->span.start > CAP_NEARBY_BYTES ? t->span.start - CAP_NEARBY_BYTES : 0;
    size_t hi = t->span.end + CAP_NEARBY_BYTES;
    for (size_t j = k; j > 1 && doc->tokens[j - 1].span.start >= lo; j--)
        if (same_word_after_lower(doc, j - 1, t))
            return true;
    for (size_t j = k + 1; j < doc->token_count && doc->tokens[j].span.start <= hi; j++)
        if (same_word_after_lower(doc, j, t))
            return true;
    return false;
}

/* Quotation depth after token t, given the depth before it: straight double quotes
 * toggle, typographic ones open and close. */
static int quote_depth_after(const tqc_doc *doc, const tqc_token *t, int depth)
{
    if (t->kind != TQC_TOK_PUNCT)
        return depth;
    int32_t cp;
    tqc_text_decode(tok_text(doc, t), tqc_span_len(t->span), &cp);
    if (cp == '"')
        return depth > 0 ? depth - 1 : depth + 1;
    /* “ opens in English and closes German „…“: inside a quotation it closes. */
    if (cp == 0x201C && depth > 0)
        return depth - 1;
    if (cp == 0x201C || cp == 0x201E || cp == 0xAB)
        return depth + 1;
    if ((cp == 0x201D || cp == 0xBB) && depth > 0)
        return depth - 1;
    return depth;
}

/* Whether the language capitalises every noun (profile `capitalised-nouns = yes`). */
static bool capitalised_nouns(const tqc_ctx *ctx)
{
    return strcmp(tqc_lang_setting(ctx->lang, "capitalised-nouns", "no"), "yes") == 0;
}

/* (a) a common word capitalised between lower-case words. */
static void common_word_capitalised(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    /* Possessives (`Molly's`) are names: common words rarely take 's. */
    const uint32_t not_common = TQC_TF_ALLCAPS | TQC_TF_INNER_CAP | TQC_TF_DIGIT |
                                TQC_TF_PERIOD | TQC_TF_APOS | TQC_TF_SENT_START |
                                TQC_TF_PARA_START;
    if (!is_word(t) || !(t->flags & TQC_TF_CAP) || (t->flags & not_common) ||
        !(t->flags & TQC_TF_SPACE_BEFORE) || k == 0 || k + 1 >= doc->token_count)
        return;
    const tqc_token *prev = &doc->tokens[k - 1], *next = &doc->tokens[k + 1];
    /* A neighbour that is not a lower-case word (a capital, a quote, a colon, a bracket)
     * makes a name, a title or a new start possible. Where every noun is capitalised, a
     * preposition or conjunction is followed by one as a rule (`schrumpft In Deutschland`);
     * an article or determiner may open a name (`Den Haag`, `Die Zeit`). */
    bool next_ok = is_word(next) && (next->flags & TQC_TF_LOWER);
    if (!next_ok && is_word(next) && (next->flags & TQC_TF_CAP) &&
        !(next->flags & TQC_TF_ALLCAPS) && capitalised_nouns(ctx))
        next_ok = !tok_in(ctx, "articles", t) && !tok_in(ctx, "determiners", t);
    if (!is_word(prev) || !(prev->flags & TQC_TF_LOWER) || prev->sentence != t->sentence ||
        !next_ok || next->sentence != t->sentence || !(next->flags & TQC_TF_SPACE_BEFORE))
        return;
    char lower[CAP_MAX_WORD];
    size_t n = lower_tok(doc, t, lower);
    if (n < 2 || !tqc_dict_known(ctx->dict, lower, n) ||
        tqc_lang_in(ctx->lang, "title-words", lower, n))
        return;
    /* After an auxiliary a verb form follows; after "to" a name is common too (`went to
     * Geneva and`), so there the word must also be followed by its object. */
    bool closed = tqc_lang_in(ctx->lang, "function-words", lower, n);
    bool after_verb_marker =
        tok_in(ctx, "auxiliaries", prev) ||
        (tok_in(ctx, "verb-markers", prev) && tok_in(ctx, "determiners", next));
    /* A language that capitalises its nouns (German: `hat Zeit`, `wird Essen geben`)
     * capitalises content words after an auxiliary all the time. */
    if (!closed && (!after_verb_marker || capitalised_nouns(ctx)))
        return;
    /* German titles are written like sentences, and its nouns would make any paragraph
     * look title-cased. */
    size_t para = doc->sentences[t->sentence].paragraph;
    if ((!capitalised_nouns(ctx) && title_case_paragraph(doc, para)) || capitalised_nearby(doc, k))
        return;
    const char *w = tok_text(doc, t), *pw = tok_text(doc, prev);
    int wl = (int)tqc_span_len(t->span), pl = (int)tqc_span_len(prev->span);
    tqc_finding *f = closed
        ? TQC_EMIT(ctx, t->span, "'%.*s' is capitalised mid-sentence, but it is a common "
                   "function word here (after '%.*s'): write '%s'", wl, w, pl, pw, lower)
        : TQC_EMIT(ctx, t->span, "'%.*s' is capitalised mid-sentence after '%.*s', where a "
                   "verb form is expected, not a name: write '%s'", wl, w, pl, pw, lower);
    tqc_finding_suggest(ctx->out, f, lower, n);
    tqc_finding_fix(ctx->out, f, t->span, lower, n, false);
}

/* Whether the full stop after token k (a word) surely ends a sentence: the word is a
 * dictionary word and nothing suggests an abbreviation. Unknown words (`Messrs`, `nw`)
 * are not judged. */
static bool sentence_end_word(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *w = &ctx->doc->tokens[k];
    size_t len = tqc_span_len(w->span);
    const char *s = tok_text(ctx->doc, w);
    int32_t cp;
    char lower[CAP_MAX_WORD];
    size_t ll = lower_tok(ctx->doc, w, lower);
    /* Inner periods (e.g., a.m.) and single letters (initials) are abbreviations, and so
     * are units joined to a number (24-in., 3-hp.). */
    if (w->flags & (TQC_TF_PERIOD | TQC_TF_DIGIT) || tqc_text_decode(s, len, &cp) == len ||
        ll == 0 || !tqc_dict_known(ctx->dict, lower, ll))
        return false;
    if (tqc_lang_in(ctx->lang, "abbreviations", s, len) ||
        tqc_lang_in(ctx->lang, "abbreviations", lower, ll) ||
        tqc_lang_in(ctx->lang, "abbreviations-lower", lower, ll))
        return false;
    /* Capitalised short words before a period are titles, companies and states (Gen.,
     * Corp., Miss.); a capitalised word ends a sentence only when it is long. */
    if (w->flags & TQC_TF_CAP && len < 6)
        return false;
    /* A short word after a number is a unit (60 mm. mortar); a word glued to the token
     * before it is the tail of a compound (24-in., lb./cu. ft.). */
    if (len <= 3 && k > 0 && ctx->doc->tokens[k - 1].kind == TQC_TOK_NUMBER)
        return false;
    if (!(w->flags & TQC_TF_SPACE_BEFORE) && !(w->flags & TQC_TF_PARA_START))
        return false;
    return true;
}

/* Function words and numbers looked through before a lower-case word (d): `de` in
 * `Plaza de Mayo`, `9 de` in `Avenida 9 de Julio`. */
#define CAP_NAME_LOOKBACK 3

/* (d) `el 5 de Marzo`: a word of `lower-case-words` capitalised mid-sentence. */
static void lower_case_word_capitalised(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    if (!is_word(t) || !(t->flags & TQC_TF_CAP) || k == 0 ||
        (t->flags & (TQC_TF_ALLCAPS | TQC_TF_SENT_START | TQC_TF_PARA_START)) ||
        !(t->flags & TQC_TF_SPACE_BEFORE))
        return;
    char lower[CAP_MAX_WORD];
    size_t n = lower_tok(doc, t, lower);
    const cap_state *st = ctx->state;
    if (!n || !tqc_strmap_get(st->lower_case_words, lower, n, NULL))
        return;
    /* Back over function words and numbers; a capital there begins a name, except a
     * function word that opens the sentence (`El 5 de Marzo`). */
    size_t j = k, steps = 0;
    while (j > 0 && steps < CAP_NAME_LOOKBACK) {
        const tqc_token *p = &doc->tokens[j - 1];
        if (p->sentence != t->sentence)
            break;
        bool number = p->kind == TQC_TOK_NUMBER;
        bool function = is_word(p) && tok_in(ctx, "function-words", p);
        if (!number && !function) {
            if (j == k || (p->flags & TQC_TF_CAP))
                return;
            break;
        }
        if (function && (p->flags & TQC_TF_CAP) && !(p->flags & TQC_TF_SENT_START))
            return;
        j--;
        steps++;
    }
    if (title_case_paragraph(doc, doc->sentences[t->sentence].paragraph))
        return;
    tqc_finding *f = TQC_EMIT(ctx, t->span, "'%.*s' is capitalised mid-sentence, but this "
                              "language writes it in lower case: write '%s'",
                              (int)tqc_span_len(t->span), tok_text(doc, t), lower);
    tqc_finding_suggest(ctx->out, f, lower, n);
    tqc_finding_fix(ctx->out, f, t->span, lower, n, false);
}

/* (b) `word. lower`: token k is the full stop. */
static void lower_after_full_stop(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (k == 0 || k + 1 >= doc->token_count || !punct_is(doc, &doc->tokens[k], "."))
        return;
    const tqc_token *w = &doc->tokens[k - 1], *dot = &doc->tokens[k], *next = &doc->tokens[k + 1];
    if ((w->kind != TQC_TOK_WORD && w->kind != TQC_TOK_NUMBER) ||
        (dot->flags & TQC_TF_SPACE_BEFORE) || !is_word(next) || !(next->flags & TQC_TF_LOWER) ||
        !(next->flags & TQC_TF_SPACE_BEFORE) || (next->flags & TQC_TF_PARA_START) ||
        (next->flags & TQC_TF_NEWLINE_BEFORE))
        return;
    if (w->kind == TQC_TOK_WORD && !sentence_end_word(ctx, k - 1))
        return;
    /* German writes ordinals with a period (`am 3. ordentlichen Parteitag`). */
    if (w->kind == TQC_TOK_NUMBER &&
        strcmp(tqc_lang_setting(ctx->lang, "ordinal-period", "no"), "yes") == 0)
        return;
    tqc_span span = tqc_span_make(w->span.start, next->span.end);
    const char *ws = tok_text(doc, w), *ns = tok_text(doc, next);
    int wl = (int)tqc_span_len(w->span), nl = (int)tqc_span_len(next->span);
    tqc_finding *f = TQC_EMIT(ctx, span, "a sentence starts in lower case after a full stop "
                              "('. %.*s'): probably one sentence wrongly broken in two",
                              nl, ns);
    char joined[2 * CAP_MAX_WORD + 2], capital[CAP_MAX_WORD];
    size_t cl = tqc_text_case(ns, (size_t)nl, TQC_CASE_TITLE, capital, sizeof capital);
    if ((size_t)wl + (size_t)nl + 3 >= sizeof joined || cl == 0)
        return;
    int jl = snprintf(joined, sizeof joined, "%.*s %.*s", wl, ws, nl, ns);
    tqc_finding_suggest(ctx->out, f, joined, (size_t)jl);
    tqc_finding_fix(ctx->out, f, span, joined, (size_t)jl, false);
    jl = snprintf(joined, sizeof joined, "%.*s. %s", wl, ws, capital);
    tqc_finding_suggest(ctx->out, f, joined, (size_t)jl);
}

/* (c) `north korean`: a name prefix before a word known only capitalised. Returns the
 * number of tokens consumed (0: nothing reported). */
static size_t lower_case_name_pair(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (k + 1 >= doc->token_count)
        return 0;
    const tqc_token *a = &doc->tokens[k], *b = &doc->tokens[k + 1];
    if (!is_word(a) || !is_word(b) || !(a->flags & TQC_TF_LOWER) || !(b->flags & TQC_TF_LOWER) ||
        !(b->flags & TQC_TF_SPACE_BEFORE) || a->sentence != b->sentence ||
        !tok_in_list(ctx, ((const cap_state *)ctx->state)->name_prefixes, a))
        return 0;
    char fixed[CAP_MAX_WORD], first[CAP_MAX_WORD];
    size_t al = tqc_span_len(a->span);
    if (!tqc_dict_case_variant(ctx->dict, tok_text(doc, b), tqc_span_len(b->span), fixed,
                               sizeof fixed) ||
        tqc_text_case(tok_text(doc, a), al, TQC_CASE_TITLE, first, sizeof first) == 0)
        return 0;
    char phrase[2 * CAP_MAX_WORD + 2];
    int n = snprintf(phrase, sizeof phrase, "%s %s", first, fixed);
    if (n <= 0 || (size_t)n >= sizeof phrase)
        return 0;
    tqc_span span = tqc_span_make(a->span.start, b->span.end);
    tqc_finding *f = TQC_EMIT(ctx, span, "proper name in lower case: '%.*s' is written '%s' "
                              "(the dictionary knows '%s' only with a capital)",
                              (int)tqc_span_len(span), tqc_doc_at(doc, span), phrase, fixed);
    tqc_finding_suggest(ctx->out, f, phrase, (size_t)n);
    tqc_finding_fix(ctx->out, f, span, phrase, (size_t)n, false);
    return 2;
}

/* The next word of a proper name (bytes [*pos, len) of name) into *w, *wl. */
static bool next_name_word(const char *name, size_t len, size_t *pos, const char **w, size_t *wl)
{
    while (*pos < len && name[*pos] == ' ')
        (*pos)++;
    if (*pos >= len)
        return false;
    size_t s = *pos;
    while (*pos < len && name[*pos] != ' ')
        (*pos)++;
    *w = name + s;
    *wl = *pos - s;
    return true;
}

/* (c) a name of `proper-names` written with a lower-case word. Returns tokens consumed. */
static size_t lower_case_proper_name(const tqc_ctx *ctx, const cap_state *st, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *first = &doc->tokens[k];
    /* Only a wholly lower-case name is reported (below), so it starts with a lower-case
     * word; and its first byte must match, cheaply, before the whole name is compared. */
    if (!st || !is_word(first) || !(first->flags & TQC_TF_LOWER))
        return 0;
    unsigned char c0 = (unsigned char)tok_text(doc, first)[0];
    for (size_t i = 0; i < st->name_count; i++) {
        const proper_name *pn = &st->names[i];
        unsigned char n0 = (unsigned char)pn->text[0];
        if (k + pn->words > doc->token_count ||
            (c0 < 0x80 && n0 < 0x80 && (c0 | 0x20) != (n0 | 0x20)))
            continue;
        size_t pos = 0, j = 0;
        bool match = true, all_lower = true;
        const char *w;
        size_t wl;
        for (; match && next_name_word(pn->text, pn->len, &pos, &w, &wl); j++) {
            const tqc_token *t = &doc->tokens[k + j];
            size_t tl = tqc_span_len(t->span);
            match = is_word(t) && t->sentence == doc->tokens[k].sentence &&
                    (j == 0 || (t->flags & TQC_TF_SPACE_BEFORE)) &&
                    tqc_text_equal_fold(tok_text(doc, t), tl, w, wl);
            all_lower = all_lower && (t->flags & TQC_TF_LOWER);
        }
        /* Only a wholly lower-case name is sure: `European union` may be a union of
         * Europe, not the institution. */
        if (!match || !all_lower || j != pn->words)
            continue;
        const tqc_token *last = &doc->tokens[k + pn->words - 1];
        tqc_span span = tqc_span_make(doc->tokens[k].span.start, last->span.end);
        tqc_finding *f = TQC_EMIT(ctx, span, "proper name in lower case: '%.*s' is written "
                                  "'%.*s'", (int)tqc_span_len(span), tqc_doc_at(doc, span),
                                  (int)pn->len, pn->text);
        tqc_finding_suggest(ctx->out, f, pn->text, pn->len);
        tqc_finding_fix(ctx->out, f, span, pn->text, pn->len, false);
        return pn->words;
    }
    return 0;
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    int quoted = 0;
    for (size_t k = 0; k < doc->token_count; k++) {
        if (doc->tokens[k].flags & TQC_TF_PARA_START)
            quoted = 0;
        /* Quoted text keeps its own capitals: titles, verse, slogans. */
        if (quoted == 0) {
            common_word_capitalised(ctx, k);
            lower_case_word_capitalised(ctx, k);
        }
        quoted = quote_depth_after(doc, &doc->tokens[k], quoted);
        lower_after_full_stop(ctx, k);
        size_t used = lower_case_proper_name(ctx, ctx->state, k);
        if (!used)
            used = lower_case_name_pair(ctx, k);
        if (used)
            k += used - 1;
    }
}

static void fini(void *state)
{
    cap_state *st = state;
    if (st)
        free(st->names);
    free(st);
}

static tqc_status init(const tqc_lang *lang, void **state, char *err, size_t errlen)
{
    const tqc_strmap *list = tqc_lang_list(lang, "proper-names");
    size_t n = tqc_strmap_count(list);
    cap_state *st = calloc(1, sizeof *st);
    if (!st || (n && !(st->names = calloc(n, sizeof *st->names)))) {
        fini(st);
        return TQC_ENOMEM;
    }
    st->name_prefixes = tqc_lang_list(lang, "name-prefixes");
    st->lower_case_words = tqc_lang_list(lang, "lower-case-words");
    for (size_t i = 0; i < n; i++) {
        size_t len, pos = 0;
        proper_name pn = {.text = tqc_strmap_key(list, i, &len)};
        pn.len = len;
        const char *w;
        size_t wl;
        while (next_name_word(pn.text, pn.len, &pos, &w, &wl))
            pn.words++;
        if (pn.words >= 1 && pn.words <= CAP_MAX_NAME_WORDS)
            st->names[st->name_count++] = pn;
    }
    *state = st;
    return TQC_OK;
}

const tqc_pass tqc_pass_capitalization = {
    .id = "capitalization",
    .severity = TQC_SEV_WARNING,
    .summary = "common word capitalised mid-sentence, lower case after a full stop, "
               "proper name in lower case",
    .good = "The Coast Guard told the Ministry of Foreign Affairs that ships had to be "
            "careful, e.g. near the port, until 9 p.m. on Monday.",
    .bad = "The Coast Guard asked ships to Be careful near the port. and the harbour.",
    .details = "A common word capitalised mid-sentence (`to Be careful`), a sentence starting in "
               "lower case after a full stop (`peace. and the`), a proper name written in lower "
               "case (`north korean`). Abbreviations and titles the language lists are left alone.",
    .init = init,
    .run = run,
    .fini = fini,
    .needs_dict = true,
};
