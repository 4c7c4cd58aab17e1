/* untranslated: text left in the source language.
 * Bilingual (doc->source): a target identical to its source (three words or more:
 * shorter ones are names and titles kept on purpose); and a target sentence whose
 * ordinary words are mostly known to the source language's dictionary and not to the
 * target's.
 * Monolingual (or a source language without a dictionary here): a sentence, or a clause
 * between punctuation marks, whose ordinary words the document's dictionary mostly
 * rejects and another language's dictionary (lang/langid.h: every language tqc has a
 * profile for) mostly knows; the message names that language. exttextcat's guess on
 * the clause only orders the languages tried: on a few words it is no witness. Inside a
 * clause, a stretch of such words with no punctuation at its ends (issue 12: `…said that
 * los vecinos no tenían agua and…`) is judged the same way; one no language of tqc's
 * claims is "another language" when exttextcat names one tqc has no profile for and its
 * words are no slips of the document's.
 * Ordinary words are the lower-case ones: capitalised words are names, which no
 * dictionary knows in either language. So proper names never count, and a loanword or
 * two (`status quo`, `coup d'état`) cannot make four words foreign; a quoted clause
 * (a title, a motto) needs more words still. */
#include "pass/pass.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "lang/langid.h"
#include "core/text.h"

/* A sentence needs this many ordinary words to be judged. */
#define UT_MIN_WORDS 4
/* Shares of them that make a sentence foreign, with a source dictionary to confirm the
 * language (bilingual). */
#define UT_SOURCE_SHARE 0.5
/* A target identical to its source is reported from this many words. */
#define UT_IDENTICAL_WORDS 3
/* Monolingual: a clause between quotation marks is a title or a motto as often as a
 * quote left untranslated: it needs this many ordinary words. */
#define UT_QUOTED_MIN_WORDS 6
/* ...at least this share of them unknown to the document's dictionary ("mostly
 * rejects"), ... */
#define UT_REJECTED_SHARE 0.5
/* ...and this share known to the other language's, ... */
#define UT_OTHER_SHARE 0.75
/* ...which must know this share more of them than the document's does: close
 * languages share short words (`a`, `no`, `as`), which prove nothing. */
#define UT_CONTRAST 0.4
/* exttextcat's first choice knowing this share ends the search early. */
#define UT_SURE 0.9
/* exttextcat's first choices (besides the document's language) weighed by dictionary. */
#define UT_CANDIDATES 2
/* Close languages (Spanish and Portuguese) share so many words that the document's
 * dictionary may know most of a foreign sentence. Then the other language must know
 * nearly all of it, this many words and this share only it knows, none that only the
 * document's language knows, and exttextcat must name it first. */
#define UT_CLOSE_SHARE 0.9
#define UT_CLOSE_ONLY 3
#define UT_CLOSE_ONLY_SHARE 0.3
/* This share of the words must be among the other language's commonest. */
#define UT_COMMON_SHARE 0.2
/* The language's quotation marks: its own pairs (primary, secondary, also; brackets
 * and apostrophes are not quotes). */
#define UT_QUOTE_ROLES                                                                       \
    (TQC_QUOTE_ROLE(TQC_QUOTE_PRIMARY) | TQC_QUOTE_ROLE(TQC_QUOTE_SECONDARY) |               \
     TQC_QUOTE_ROLE(TQC_QUOTE_ALSO))

typedef struct ut_state {
    const tqc_quotes *quotes; /* the profile's, valid while it is loaded */
} ut_state;

static tqc_status init(const tqc_lang *lang, void **state, char *err, size_t errlen)
{
    ut_state *st = tqc_calloc(1, sizeof *st);
    if (!st)
        return TQC_ENOMEM;
    st->quotes = tqc_lang_quotes(lang);
    *state = st;
    return TQC_OK;
}

static void fini(void *state)
{
    free(state);
}

/* true when the two texts are the same but for white space. */
static bool same_text(const tqc_doc *a, const tqc_doc *b)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < a->len && (a->text[i] == ' ' || a->text[i] == '\n' || a->text[i] == '\t' ||
                              a->text[i] == '\r'))
            i++;
        while (j < b->len && (b->text[j] == ' ' || b->text[j] == '\n' || b->text[j] == '\t' ||
                              b->text[j] == '\r'))
            j++;
        if (i == a->len || j == b->len)
            return i == a->len && j == b->len;
        if (a->text[i++] != b->text[j++])
            return false;
    }
}

static size_t word_count(const tqc_doc *doc)
{
    size_t n = 0;
    for (size_t k = 0; k < doc->token_count; k++)
        n += doc->tokens[k].kind == TQC_TOK_WORD;
    return n;
}

static bool ordinary(const tqc_doc *doc, const tqc_token *t)
{
    return t->kind == TQC_TOK_WORD && (t->flags & TQC_TF_LOWER) && !(t->flags & TQC_TF_DIGIT) &&
           tqc_span_len(t->span) >= 2;
}

/* Bilingual: a sentence of the source language's words, unknown in the target's. */
static void run_bilingual(const tqc_ctx *ctx, tqc_dict *src_dict)
{
    const tqc_doc *doc = ctx->doc, *src = doc->source;
    for (size_t si = 0; si < doc->sentence_count; si++) {
        const tqc_sentence *s = &doc->sentences[si];
        size_t words = 0, foreign = 0;
        for (size_t k = s->tok_first; k < s->tok_first + s->tok_count; k++) {
            const tqc_token *t = &doc->tokens[k];
            if (!ordinary(doc, t))
                continue;
            words++;
            const char *w = tqc_doc_at(doc, t->span);
            size_t n = tqc_span_len(t->span);
            if (!tqc_dict_known(ctx->dict, w, n) && tqc_dict_known(src_dict, w, n))
                foreign++;
        }
        if (words >= UT_MIN_WORDS && foreign >= UT_MIN_WORDS - 1 &&
            (double)foreign >= UT_SOURCE_SHARE * words)
            TQC_EMIT(ctx, s->span, "%zu of its %zu words are %s words unknown in %s: "
                     "left untranslated?", foreign, words, src->lang, doc->lang);
    }
}

/* The ordinary words of one sentence, in token order. */
typedef struct words {
    const char **w;
    size_t *len, *tok;
    bool *own;          /* known to the document's dictionary */
    size_t n;
    bool stretch;       /* judging a stretch inside a clause (witnessed()) */
} words;

/* How the words [a, b) fare in the dictionary of candidate lang. */
typedef struct tally {
    size_t known;       /* known there */
    size_t only;        /* known there, not in the document's language */
    size_t own_only;    /* known in the document's language, not there */
} tally;

/* A cheap witness for lang: the words [a, b) the document's dictionary rejects must be
 * words of lang's frequency list. Without it lang is ruled out before its dictionary
 * (tens of megabytes) is opened. */
static bool witnessed(const tqc_ctx *ctx, const words *ws, size_t a, size_t b, size_t lang)
{
    size_t witnesses = 0, rejected = 0;
    for (size_t k = a; k < b; k++) {
        rejected += !ws->own[k];
        witnesses += !ws->own[k] && tqc_langid_common(ctx->langs, lang, ws->w[k], ws->len[k]);
    }
    /* A stretch was chosen for its rejected words: the share is of them (the shared
     * short words prove nothing either way, and a language's list of common words is
     * short: `irritou` is not on Portuguese's). */
    size_t of = ws->stretch ? rejected : b - a;
    return witnesses > 0 && (double)witnesses >= UT_COMMON_SHARE * (double)of;
}

/* Whether lex has the word, or its two parts around an apostrophe (`d'` and `entretenir`
 * of `d'entretenir`, `dell'` and `anno`): elided forms are made, not listed. lex is a
 * candidate language's, asked as another language's (its searched pages handed back,
 * not kept resident to the end of the run). */
static bool lex_knows(const tqc_lex *lex, const char *w, size_t n)
{
    if (!lex)
        return false;
    if (tqc_lex_pos_foreign(lex, w, n))
        return true;
    for (size_t i = 1; i + 1 < n; i++) {
        size_t alen = (unsigned char)w[i] == '\'' ? 1
                    : i + 3 <= n && memcmp(w + i, "\xE2\x80\x99", 3) == 0 ? 3 : 0;
        if (alen && i + alen < n)
            return tqc_lex_pos_foreign(lex, w, i + alen) &&
                   tqc_lex_pos_foreign(lex, w + i + alen, n - i - alen);
    }
    return false;
}

/* How a candidate language's verdicts are had. Its Hunspell dictionary costs tens of
 * megabytes for a clause or two in a whole article, so its lexicon (a mapped file) and
 * frequency list are asked first, and a word they cannot settle is counted once as
 * unknown (LOW) and once as known (HIGH). Only when the two answers differ does the
 * dictionary decide (EXACT). */
typedef enum { UT_LOW, UT_HIGH, UT_EXACT } ut_mode;

/* Whether candidate lang has word k by its lexicon and frequency list: 1 yes, 0 no, -1
 * cannot tell. gaps is how many of the words the document's language knows its lexicon
 * lacks. by_freq: a word the document's language lacks is the candidate's when its
 * frequency list has it (as in witnessed(): the list also holds words its sources quote
 * from other languages, so never for the document language's words); a clause of a
 * word or two turns on each word, and there the list does not settle it. */
static int cheap_verdict(const tqc_ctx *ctx, const words *ws, size_t k, size_t lang,
                         const tqc_lex *lex, size_t gaps, bool by_freq)
{
    if (lex_knows(lex, ws->w[k], ws->len[k]))
        return 1;
    if (ws->own[k])
        /* One gap may be the lexicon's (`suite` in Spanish); two or more words of the
         * document's language the candidate's lexicon lacks are a sentence in the
         * document's language (`the`, `with`). */
        return gaps >= 2 ? 0 : -1;
    if (by_freq && tqc_langid_common(ctx->langs, lang, ws->w[k], ws->len[k]))
        return 1;
    return -1;
}

static tally count_in(const tqc_ctx *ctx, const words *ws, size_t a, size_t b, size_t lang,
                      ut_mode mode, bool by_freq, bool *unsure)
{
    tally t = {0};
    if (!witnessed(ctx, ws, a, b, lang))
        return t;
    tqc_dict *d = NULL;
    const tqc_lex *lex = NULL;
    size_t gaps = 0;
    if (mode == UT_EXACT) {
        if (!(d = tqc_langid_dict(ctx->langs, lang)))
            return t;
    } else {
        lex = tqc_lang_lexicon(tqc_langid_profile(ctx->langs, lang));
        for (size_t k = a; lex && k < b; k++)
            gaps += ws->own[k] && !lex_knows(lex, ws->w[k], ws->len[k]);
    }
    for (size_t k = a; k < b; k++) {
        bool there;
        if (d) {
            there = tqc_dict_known(d, ws->w[k], ws->len[k]);
        } else {
            int v = lex ? cheap_verdict(ctx, ws, k, lang, lex, gaps, by_freq) : -1;
            there = v == 1 || (v < 0 && mode == UT_HIGH);
            if (v < 0 && unsure)
                *unsure = true;
        }
        t.known += there;
        t.only += there && !ws->own[k];
        t.own_only += !there && ws->own[k];
    }
    /* Done with that language's dictionary for this stretch: two or three of them held
     * at once through a long document of odd words added up (issue 15). Only when its
     * verdict file remembers what it was asked: without one, each stretch of the
     * document would load it again. */
    if (d && tqc_dict_remembers(d))
        tqc_langid_release_one(ctx->langs, lang);
    return t;
}

/* The other language the words [a, b) are in, or SIZE_MAX: the document's dictionary
 * must mostly reject them and that language's mostly know them, or (close languages)
 * that language must know them all but for a word or so, several of them its own and
 * none the document language's own, and exttextcat must agree. text is the stretch they
 * come from (exttextcat reads it to order the languages). */
static size_t judge_in(const tqc_ctx *ctx, const words *ws, size_t a, size_t b, size_t min,
                       tqc_span text, ut_mode mode, bool *unsure)
{
    size_t n = b - a, own = 0;
    if (n < min)
        return SIZE_MAX;
    for (size_t k = a; k < b; k++)
        own += ws->own[k];
    double dn = (double)n;
    bool rejected = (double)(n - own) >= UT_REJECTED_SHARE * dn;
    if (!rejected && (double)(n - own) < UT_CLOSE_ONLY_SHARE * dn)
        return SIZE_MAX;
    tqc_langid *ids = ctx->langs;
    size_t self = tqc_langid_find(ids, ctx->doc->lang), count = tqc_langid_count(ids);
    /* No language witnessed: nothing for exttextcat to order (it costs more than this). */
    bool any = false;
    for (size_t i = 0; i < count && !any; i++)
        any = i != self && witnessed(ctx, ws, a, b, i);
    if (!any)
        return SIZE_MAX;
    size_t order[TQC_LANGID_MAX_LANGS];
    size_t ranked = tqc_langid_textcat(ids, tqc_doc_at(ctx->doc, text), tqc_span_len(text), order,
                                       TQC_LANGID_MAX_LANGS, NULL);
    /* A stretch of a few words may be too short for exttextcat, or closer to a language
     * tqc has no profile for (`rm` for a Spanish clause): then the languages whose common
     * words it has are weighed, as many as exttextcat's would be. */
    size_t witnesses = 0;
    if (ranked == 0 && rejected && ws->stretch) {
        for (size_t i = 0; i < count && witnesses < UT_CANDIDATES; i++)
            if (i != self && witnessed(ctx, ws, a, b, i))
                order[witnesses++] = i;
    }
    if (!rejected) {
        /* Close languages: exttextcat's first choice only. */
        if (ranked == 0 || order[0] == self)
            return SIZE_MAX;
        tally t = count_in(ctx, ws, a, b, order[0], mode, true, unsure);
        bool close = (double)t.known >= UT_CLOSE_SHARE * dn && t.only >= UT_CLOSE_ONLY &&
                     (double)t.only >= UT_CLOSE_ONLY_SHARE * dn && t.own_only == 0;
        return close ? order[0] : SIZE_MAX;
    }
    /* Only exttextcat's likeliest languages are weighed: each one asked for opens its
     * dictionary, and opening them all for every stretch of odd words (lists, names)
     * would hold every language's dictionary in memory. */
    size_t norder = ranked ? (ranked < UT_CANDIDATES ? ranked : UT_CANDIDATES) : witnesses;
    size_t best = SIZE_MAX, best_known = 0;
    for (size_t k = 0; k < norder; k++) {
        size_t i = order[k];
        if (i == self)
            continue;
        size_t known = count_in(ctx, ws, a, b, i, mode, true, unsure).known;
        if (known > best_known) {
            best = i;
            best_known = known;
        }
        if (k == 0 && ranked > 0 && (double)known >= UT_SURE * dn)
            break;  /* exttextcat's choice, confirmed: the others need not be opened */
    }
    if (best == SIZE_MAX || (double)best_known < UT_OTHER_SHARE * dn ||
        (double)best_known - (double)own < UT_CONTRAST * dn)
        return SIZE_MAX;
    return best;
}

/* judge_in from the lexicons when they settle it (the same answer whether the forms they
 * lack are words there or not), else from the dictionaries. */
static size_t judge(const tqc_ctx *ctx, const words *ws, size_t a, size_t b, size_t min,
                    tqc_span text)
{
    bool unsure = false;
    size_t low = judge_in(ctx, ws, a, b, min, text, UT_LOW, &unsure);
    if (!unsure)
        return low;
    if (low == judge_in(ctx, ws, a, b, min, text, UT_HIGH, NULL))
        return low;
    return judge_in(ctx, ws, a, b, min, text, UT_EXACT, NULL);
}

static bool is_quote(const ut_state *st, const tqc_doc *doc, const tqc_token *t)
{
    if (!st || t->kind != TQC_TOK_PUNCT)
        return false;
    int32_t cp;
    tqc_text_decode(tqc_doc_at(doc, t->span), tqc_span_len(t->span), &cp);
    return tqc_quotes_mark(st->quotes, cp, UT_QUOTE_ROLES) & (TQC_MARK_OPENS | TQC_MARK_CLOSES);
}

static void emit(const tqc_ctx *ctx, tqc_span span, size_t lang)
{
    const char *name = tqc_langid_name(ctx->langs, lang);
    const char *own = tqc_lang_setting(ctx->lang, "name", ctx->doc->lang);
    /* The message is English whatever the document's language: "an English". */
    bool an = own[0] && strchr("AEIOU", own[0]);
    TQC_EMIT(ctx, span, "%s text in a%s %s article: left untranslated?", name, an ? "n" : "",
             own);
}

/* A foreign stretch inside a clause (`…, the minister said that los vecinos no tenían agua
 * and …`): a run of words the document's dictionary rejects, with no more than UT_RUN_GAP
 * words it knows in a row between them (the short words two languages share: `no`, `el`,
 * `die`), holding UT_RUN_REJECTED of them or more. It is then judged as a clause is. */
#define UT_RUN_GAP 2
#define UT_RUN_REJECTED 3
/* A stretch no language of tqc's claims is in another language when exttextcat names one
 * other than the document's and the document's dictionary rejects this many of its words,
 * and this share, and this many are no slip of its words (slip(): garbled text is one edit
 * from the document's words, a foreign word mostly is not, short ones aside). */
#define UT_OTHER_REJECTED 4
#define UT_OTHER_REJECTED_SHARE 0.6
#define UT_OTHER_FAR 3
/* ...and is named at warning only with this many far words: fewer, it says less (info). */
#define UT_OTHER_SURE_FAR 5

static tqc_span words_span(const tqc_doc *doc, const words *ws, size_t a, size_t b)
{
    return tqc_span_make(doc->tokens[ws->tok[a]].span.start, doc->tokens[ws->tok[b - 1]].span.end);
}

/* A word shorter than this is one edit from some common word of any language by chance
 * (`om`: `on`, `zal`: `val`): its neighbour is no sign of a slip. */
#define UT_SLIP_MIN_CHARS 5

/* Whether word k is a slip of a word of the document's: one edit from a word its
 * dictionary has, and long enough for that to be more than chance. */
static bool slip(const tqc_ctx *ctx, const words *ws, size_t k)
{
    size_t offs[UT_SLIP_MIN_CHARS];
    if (tqc_text_char_offsets(ws->w[k], ws->len[k], offs, UT_SLIP_MIN_CHARS - 1) > 0)
        return false;   /* shorter than UT_SLIP_MIN_CHARS */
    char *sugg[1];
    size_t n = tqc_dict_suggest(ctx->dict, ws->w[k], ws->len[k], sugg, 1);
    tqc_dict_free_suggestions(sugg, n);
    return n > 0;
}

/* Reports the stretch [a, b) when it is in a language tqc has no profile for: said as
 * "another language", with exttextcat's code as a guess. */
static void report_other(const tqc_ctx *ctx, const words *ws, size_t a, size_t b)
{
    size_t rejected = 0, far = 0;
    for (size_t k = a; k < b; k++)
        rejected += !ws->own[k];
    if (rejected < UT_OTHER_REJECTED || (double)rejected < UT_OTHER_REJECTED_SHARE * (double)(b - a))
        return;
    for (size_t k = a; k < b; k++)
        far += !ws->own[k] && !slip(ctx, ws, k);
    if (far < UT_OTHER_FAR)
        return;
    tqc_span span = words_span(ctx->doc, ws, a, b);
    size_t order[TQC_LANGID_MAX_LANGS];
    char code[16];
    tqc_langid_textcat(ctx->langs, tqc_doc_at(ctx->doc, span), tqc_span_len(span), order,
                       TQC_LANGID_MAX_LANGS, code);
    char own[16];
    tqc_lang_canonical(ctx->doc->lang, own, sizeof own);
    size_t base = strcspn(own, "-_");
    /* exttextcat naming the document's language, or one of tqc's whose dictionary did
     * not confirm it (judge()), is no witness of another language. */
    if (!code[0] || (strlen(code) == base && strncmp(code, own, base) == 0) ||
        tqc_langid_find(ctx->langs, code) != SIZE_MAX)
        return;
    const char *name = tqc_lang_setting(ctx->lang, "name", ctx->doc->lang);
    bool an = name[0] && strchr("AEIOU", name[0]);
    tqc_emit(ctx->out, ctx->pass->id, far >= UT_OTHER_SURE_FAR ? TQC_SEV_WARNING : TQC_SEV_INFO,
             span, "Text in another language (%s?) in a%s %s article: left untranslated?", code,
             an ? "n" : "", name);
}

/* The next foreign stretch among the words [*k, b) of one clause in a language of tqc's:
 * true with its words [*first, *end) and language; *k moves past it. One in a language
 * tqc has no profile for is reported here (it joins no other). */
static bool next_stretch(const tqc_ctx *ctx, const words *clause_words, size_t *k, size_t b,
                         size_t *first_out, size_t *end_out, size_t *lang_out)
{
    words in_stretch = *clause_words;
    in_stretch.stretch = true;
    const words *ws = &in_stretch;
    while (*k < b) {
        while (*k < b && ws->own[*k])
            (*k)++;
        if (*k == b)
            return false;
        size_t first = *k, last = *k, rejected = 0, gap = 0;
        for (; *k < b && gap <= UT_RUN_GAP; (*k)++) {
            if (ws->own[*k]) {
                gap++;
                continue;
            }
            gap = 0;
            last = *k;
            rejected++;
        }
        *k = last + 1;
        if (rejected < UT_RUN_REJECTED)
            continue;
        size_t lang = judge(ctx, ws, first, last + 1, UT_MIN_WORDS,
                            words_span(ctx->doc, ws, first, last + 1));
        if (lang != SIZE_MAX) {
            *first_out = first;
            *end_out = last + 1;
            *lang_out = lang;
            return true;
        }
        report_other(ctx, ws, first, last + 1);
    }
    return false;
}

/* Foreign text of one language across clauses (`las escuelas no abrirán, según informó el
 * ministerio`) is one finding: a group grows while the clauses, or stretches that reach
 * the comma between them, are in its language. */
typedef struct group {
    size_t start, end, lang;   /* bytes; lang SIZE_MAX: none open */
} group;

static void group_flush(const tqc_ctx *ctx, group *g)
{
    if (g->lang != SIZE_MAX)
        emit(ctx, tqc_span_make(g->start, g->end), g->lang);
    g->lang = SIZE_MAX;
}

static void group_add(const tqc_ctx *ctx, group *g, tqc_span span, size_t lang)
{
    if (g->lang != lang)
        group_flush(ctx, g);
    if (g->lang == SIZE_MAX) {
        g->start = span.start;
        g->lang = lang;
    }
    g->end = span.end;
}

/* A clause: the tokens between two punctuation marks, as a range of ws. */
typedef struct clause {
    size_t tok_first, tok_last;     /* its first and last token */
    size_t a, b;                    /* its words: ws [a, b) */
    bool quoted;
} clause;

/* The clauses of sentence s, at most cap. */
static size_t clauses_of(const ut_state *st, const tqc_doc *doc, const tqc_sentence *s,
                         const words *ws, clause *out, size_t cap)
{
    size_t n = 0, w = 0, end = s->tok_first + s->tok_count;
    for (size_t k = s->tok_first; k < end && n < cap;) {
        if (doc->tokens[k].kind == TQC_TOK_PUNCT) {
            k++;
            continue;
        }
        clause *c = &out[n++];
        c->tok_first = k;
        c->quoted = k > s->tok_first && is_quote(st, doc, &doc->tokens[k - 1]);
        while (k < end && doc->tokens[k].kind != TQC_TOK_PUNCT)
            k++;
        c->tok_last = k - 1;
        c->quoted |= k < end && is_quote(st, doc, &doc->tokens[k]);
        c->a = w;
        while (w < ws->n && ws->tok[w] <= c->tok_last)
            w++;
        c->b = w;
    }
    return n;
}

static tqc_span clause_span(const tqc_doc *doc, const clause *c)
{
    return tqc_span_make(doc->tokens[c->tok_first].span.start, doc->tokens[c->tok_last].span.end);
}

/* Whether clause c leans to language lang: more of its words known there than in the
 * document's language. */
static bool leans(const tqc_ctx *ctx, const words *ws, const clause *c, size_t lang)
{
    size_t own = 0;
    for (size_t k = c->a; k < c->b; k++)
        own += ws->own[k];
    bool unsure = false;
    bool low = count_in(ctx, ws, c->a, c->b, lang, UT_LOW, false, &unsure).known > own;
    if (low || !unsure || count_in(ctx, ws, c->a, c->b, lang, UT_HIGH, false, NULL).known <= own)
        return low;
    return count_in(ctx, ws, c->a, c->b, lang, UT_EXACT, false, NULL).known > own;
}

static void judge_sentence(const tqc_ctx *ctx, const tqc_sentence *s, const words *ws,
                           clause *cl, size_t cap)
{
    const tqc_doc *doc = ctx->doc;
    const ut_state *st = ctx->state;
    size_t nc = clauses_of(st, doc, s, ws, cl, cap);
    size_t lang = judge(ctx, ws, 0, ws->n, UT_MIN_WORDS, s->span);
    if (lang != SIZE_MAX) {
        /* The whole sentence is foreign: report from its first to its last clause that
         * leans that way, so an introduction in the document's language stays out. */
        size_t first = SIZE_MAX, last = 0;
        for (size_t i = 0; i < nc; i++)
            if (cl[i].b > cl[i].a && leans(ctx, ws, &cl[i], lang)) {
                first = first == SIZE_MAX ? i : first;
                last = i;
            }
        tqc_span span = s->span;
        if (first != SIZE_MAX)
            span = tqc_span_make(clause_span(doc, &cl[first]).start, clause_span(doc, &cl[last]).end);
        emit(ctx, span, lang);
        return;
    }
    /* Otherwise a foreign clause, or a stretch of one, inside a sentence in the
     * document's language; clauses next to each other in the same language are one
     * finding. */
    group g = {.lang = SIZE_MAX};
    for (size_t i = 0; i < nc; i++) {
        size_t l = SIZE_MAX;
        if (cl[i].b > cl[i].a)
            l = judge(ctx, ws, cl[i].a, cl[i].b, cl[i].quoted ? UT_QUOTED_MIN_WORDS : UT_MIN_WORDS,
                      clause_span(doc, &cl[i]));
        if (l != SIZE_MAX) {
            group_add(ctx, &g, clause_span(doc, &cl[i]), l);
            continue;
        }
        /* Not foreign as a whole: a stretch of it may be (not in quotes: a title or a
         * motto as often). Only one at the clause's start joins the group before it, and
         * only one at its end stays open for the next clause. */
        bool open_at_end = false;
        size_t k = cl[i].a, first, end, in_lang;
        while (!cl[i].quoted && next_stretch(ctx, ws, &k, cl[i].b, &first, &end, &in_lang)) {
            if (first != cl[i].a)
                group_flush(ctx, &g);
            group_add(ctx, &g, words_span(doc, ws, first, end), in_lang);
            open_at_end = end == cl[i].b;
        }
        if (!open_at_end)
            group_flush(ctx, &g);
    }
    group_flush(ctx, &g);
}

/* Monolingual: sentences and clauses in another language tqc knows. */
static void run_monolingual(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    if (!ctx->langs || !ctx->dict)
        return;
    size_t longest = 0;
    for (size_t si = 0; si < doc->sentence_count; si++)
        if (doc->sentences[si].tok_count > longest)
            longest = doc->sentences[si].tok_count;
    if (longest == 0)
        return;
    words ws = {
        .w = tqc_malloc(longest * sizeof *ws.w), .len = tqc_malloc(longest * sizeof *ws.len),
        .tok = tqc_malloc(longest * sizeof *ws.tok), .own = tqc_malloc(longest * sizeof *ws.own),
    };
    clause *cl = tqc_malloc(longest * sizeof *cl);
    if (!ws.w || !ws.len || !ws.tok || !ws.own || !cl) {
        ctx->out->failed = true;
        goto out;
    }
    for (size_t si = 0; si < doc->sentence_count; si++) {
        const tqc_sentence *s = &doc->sentences[si];
        size_t unknown = 0;
        ws.n = 0;
        for (size_t k = s->tok_first; k < s->tok_first + s->tok_count; k++) {
            const tqc_token *t = &doc->tokens[k];
            if (!ordinary(doc, t))
                continue;
            ws.w[ws.n] = tqc_doc_at(doc, t->span);
            ws.len[ws.n] = tqc_span_len(t->span);
            ws.tok[ws.n] = k;
            ws.own[ws.n] = tqc_ctx_token_known(ctx, k);
            unknown += !ws.own[ws.n];
            ws.n++;
        }
        /* The common case, a sentence in the document's language, costs no more. */
        if ((double)unknown >= UT_REJECTED_SHARE * UT_MIN_WORDS)
            judge_sentence(ctx, s, &ws, cl, longest);
    }
out:
    free(ws.w);
    free(ws.len);
    free(ws.tok);
    free(ws.own);
    free(cl);
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc, *src = doc->source;
    if (src && word_count(doc) >= UT_IDENTICAL_WORDS && same_text(doc, src)) {
        TQC_EMIT(ctx, tqc_doc_sentences_span(doc), "the translation is the source text, untranslated");
        return;
    }
    if (!ctx->dict)
        return;
    if (src && ctx->source_dict)
        run_bilingual(ctx, ctx->source_dict);
    else
        run_monolingual(ctx);
}

const tqc_pass tqc_pass_untranslated = {
    .id = "untranslated",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_WARNING) | TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "text left in another language: a target equal to its source, or a "
               "sentence or clause another language's dictionary knows and this one's not",
    .good = "The schools will remain closed until Monday, the ministry said.",
    .bad = "The ministry said so. As escolas vão permanecer fechadas até segunda-feira.",
    .details = "Text left in another language: a target equal to its source, or a sentence or "
               "clause, or a stretch of three words or more inside a clause, that another "
               "language's dictionary knows and the article's does not, naming that language. A "
               "stretch no language tqc has a profile for claims, whose words the article's "
               "dictionary rejects and are no slips of its words, is text in another language "
               "(exttextcat's guess in the message): info, warning from five such words.",
    .init = init,
    .run = run,
    .fini = fini,
    .needs_dict = true,
};
