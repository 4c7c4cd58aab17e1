/* missing-space: words run together with the space lost, as when a link or a line
 * break is dropped in scraping: `talksended`, `dayson`, a case change inside a token
 * (`cityLagos`), a proper noun glued to a function word (`Berlinon`), and a sentence
 * end without its space (`report.The`).
 *
 * Only tokens the dictionary rejects and the frequency corpus never saw are examined;
 * their readings as two or three dictionary words (four with two function words) are
 * ranked by word frequency (lang/split.h), a content word the frequency list lacks
 * counting as seen once when the language's lexicon holds it (the list is small). Whether the best reading is a run-on or the token is a word the dictionary
 * lacks (a name, a closed compound) weighs the evidence, and the message names it:
 *   - glue: a function word as one part is the common shape of a run-on (`hours on`);
 *     function words that also form closed compounds at that end (`-less`, `over-`,
 *     marked so in the profile list `function-words`) do not count as glue;
 *   - two content words run together are reported only when the parts are long: closed
 *     compounds the dictionary lacks (`cowbarn`) have short parts; shorter ones when
 *     their parts of speech make no compound, or when a noun and a verb form that is also
 *     a participle stand where no compound adjective can (after an article, no noun
 *     after them: `the pilotssaid that`); two words of the loan language, one a loan,
 *     are a hint (a compound borrowed whole: Italian `media` and `check`);
 *   - a capitalised token inside a sentence is a name unless it reads as a word and a
 *     function word that the next word continues (`Berlinon Monday`) and the first part
 *     is a common word or stands alone elsewhere in the article; names recur in an
 *     article and run-ons seldom do, so a token seen twice is left alone;
 *   - one case change inside a token (`cityLagos`) splits it when the first part is a
 *     word and, for two content words, the token is not written so again in the
 *     article at least half as often as its capitalised part alone (`remoteStorage`
 *     is a term, `packageDebian` among many `Debian` is not); brand-like forms
 *     (`iPhone`, `McDonald`, `JPMorgan`) have a short first part or several capitals;
 *   - a token one typist's slip from a frequent word (`metodo`, `allso`) is that word
 *     misspelt, spelling's, unless the join is the likelier reading (`ofa`).
 * Two profile settings adapt this to languages unlike English: `solid-compounds = yes`
 * (German writes its compounds solid, and Hunspell lacks many: `hineinfällt`,
 * `Basenpaaren`) reports only readings glued by a function word; `capitalised-nouns =
 * yes` (German capitalises every noun) takes a capitalised first part the dictionary
 * knows for a common word, not a name (`Regierungam Montag`, `Kommissionhat`), when a
 * function word of three letters or more follows it or the part is attested.
 * Acronyms and tokens with hyphens or inner periods are left alone; a word run into a number
 * or an acronym (`in2019`, `NATOsummit`) is joins.c's. */
#include "pass/pass.h"
#include "pass/joins.h"

#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "lang/langid.h"
#include "lang/lex.h"
#include "lang/morph.h"
#include "lang/split.h"
#include "core/strmap.h"
#include "core/text.h"

/* Shorter unknown tokens are abbreviations and names far more often than run-ons. */
#define MS_MIN_CHARS 3
/* Readings kept per token: the best and a few close alternatives. */
#define MS_MAX_READINGS 4
/* An alternative reading is suggested only when at least this likely relative to the
 * best one; a fix is safe only when the best is this many times likelier than the next. */
#define MS_ALT_RATIO 0.01
#define MS_SAFE_RATIO 20.0
/* ... and when its content words are this long: short words make chance readings of
 * words the dictionary lacks (`forbad`: `for bad`). */
#define MS_SAFE_MIN_CHARS 4
/* A content word the corpus never saw counts as a part only from this length: short
 * unattested dictionary entries are mostly abbreviations and syllables. */
#define MS_RARE_CHARS 5
/* Two content words without glue: closed compounds the dictionary lacks have short
 * parts (`cow barn`, `fire pit`); run-ons of longer words are rarely compounds. */
#define MS_CONTENT_MIN_CHARS 5
#define MS_CONTENT_TOTAL_CHARS 12
/* ... and when the corpus never saw one of them, both must be longer still: a rare
 * first part is often a learned prefix (`hydro`, `pseudo`). */
#define MS_RARE_PAIR_CHARS 6
#define MS_SHAPE_ADV_CHARS 4
/* Tokens in capitals shorter than this are acronyms (`SEATO`, `NASDAQ`) unless they read
 * as function words and common words of MS_CAPS_SHORT_PART letters or more; none is
 * shorter than MS_CAPS_ANY_CHARS. */
#define MS_CAPS_MIN_CHARS 8
#define MS_CAPS_SHORT_PART 4
#define MS_CAPS_ANY_CHARS 4
/* Content words around one function word in a three-word reading have at least this many
 * characters. */
#define MS_LINKED_CHARS 5
/* A three-word reading with at most one function word: each content word has at least
 * this many characters and is this common in the corpus (higher without glue), or is
 * attested and MS_LINKED_CHARS long (MS_GLUED3_CHARS beside a function word), so that
 * long words the dictionary lacks are not read as three words by chance. */
#define MS_COMMON3_CHARS 3
#define MS_GLUED3_CHARS 4
#define MS_COMMON3_GLUED 20
#define MS_COMMON3 100
/* Each part of a lower-case name run-on (`newyork`) has at least this many characters. */
#define MS_NAME_PART_CHARS 3
/* The first part of a capitalised run-on must be at least this common in the corpus
 * unless the article uses it alone: names read as words have rare first parts (`Hass
 * on`), and so do names the dictionary knows. */
#define MS_PROPER_COMMON 5
/* Two-letter function words end many names (`Seaton`, `Bergin`, `Hasson`): before one of
 * them the first part must be a word the corpus knows well. */
#define MS_NAME_END_COMMON 50
/* After a one-letter function word (`A few`) the other part must be this common:
 * `A ton` is more often the name Aton. */
#define MS_AFTER_LETTER_COMMON 20
/* A word this long before a final one-letter function word (`designateda`) is no chance
 * reading of a word ending in that letter, attested however rarely. */
#define MS_LONG_BEFORE_LETTER 8
/* Capitalised tokens shorter than this are names (`Ona`, `Ida`) far more often. */
#define MS_MIN_CAP_CHARS 4
/* A word this common in the corpus is a word even when short (`said`). */
#define MS_FREQUENT 100
#define MS_MAX_WORD 256
/* Function words are short; longer parts are not looked up as compound affixes. */
#define MS_MAX_KEY 64
/* Count given to a content word the frequency corpus never saw but the lexicon knows as
 * a form of the language (find_readings): seen once, as the corpus keeps counts from 2.
 * It lets a part stand in a reading glued by a function word, of three words or in
 * capitals; two content words alone, a name's parts and a safe fix want the corpus. */
#define MS_LEXICON_COUNT 1
/* ... for content words of this many characters or more: shorter lexicon forms are
 * abbreviations and syllables as often (`comp at ability`, `mung us`); in a headline in
 * capitals, where check_allcaps holds short tokens to function words and these, one less
 * (`GISTOF`). */
#define MS_LEXICON_CHARS 5
#define MS_LEXICON_CAPS_CHARS 4

typedef struct ms_run {
    const tqc_ctx *ctx;
    tqc_strmap *counts;       /* word token text -> occurrences, built on first need */
    bool counted;
} ms_run;

/* ---- small helpers ---------------------------------------------------------------- */

/* A word of one capital and then only lower-case letters (`Lagos`). */
static bool title_shaped(const char *s, size_t len)
{
    bool first = true;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
        if (!tqc_text_is_letter(cp) || (first ? !tqc_text_is_upper(cp) : !tqc_text_is_lower(cp)))
            return false;
        first = false;
    }
    return !first;
}

/* A word of capital letters only (`VA`, `NATO`). */
static bool all_capitals(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
        if (!tqc_text_is_upper(cp))
            return false;
    }
    return len > 0;
}

/* len bytes of a possessive (`Berlin's`, `Berlin’s`) without the 's, else len. */
static size_t strip_possessive(const char *s, size_t len)
{
    if (len > 2 && (s[len - 1] == 's' || s[len - 1] == 'S')) {
        if (s[len - 2] == '\'')
            return len - 2;
        if (len > 4 && memcmp(s + len - 4, "\xE2\x80\x99", 3) == 0)
            return len - 4;
    }
    return len;
}

/* How often this exact word occurs in the document as a token of its own (possessives
 * count for their stem: a name recurs as `Seaton's`); an abbreviation written with its
 * period is no use of the word alone (`Conn.` is no `Conn` beside `Connall`). */
static uint64_t occurrences(ms_run *r, const char *s, size_t len)
{
    if (!r->counted) {
        r->counted = true;
        r->counts = tqc_strmap_new();
        const tqc_doc *doc = r->ctx->doc;
        for (size_t k = 0; r->counts && k < doc->token_count; k++) {
            const tqc_token *t = &doc->tokens[k];
            if (t->kind != TQC_TOK_WORD || tqc_ctx_abbreviation_at(r->ctx, k))
                continue;
            const char *ts = tqc_doc_at(doc, t->span);
            size_t tl = strip_possessive(ts, tqc_span_len(t->span));
            uint64_t n = 0;
            tqc_strmap_get(r->counts, ts, tl, &n);
            tqc_strmap_put(r->counts, ts, tl, n + 1);
        }
    }
    uint64_t n = 0;
    tqc_strmap_get(r->counts, s, len, &n);
    return n;
}

static int32_t first_cp(const tqc_doc *doc, const tqc_token *t)
{
    int32_t cp;
    tqc_text_decode(doc->text + t->span.start, tqc_span_len(t->span), &cp);
    return cp;
}

/* true when token k opens its sentence, past any opening quotes or brackets. */
static bool sentence_initial(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    for (size_t j = k; j-- > 0;) {
        const tqc_token *t = &doc->tokens[j];
        if (t->sentence != doc->tokens[k].sentence)
            return true;
        if (t->kind != TQC_TOK_PUNCT)
            return false;
        int32_t cp = first_cp(doc, t);
        if (cp == '.' || cp == '!' || cp == '?' || cp == ':')
            return true;
        if (!((tqc_ctx_mark(ctx, j, TQC_QUOTE_ROLES_QUOTES | TQC_QUOTE_ROLE(TQC_QUOTE_BRACKET)) &
               TQC_MARK_OPENS) || tqc_text_is_dash(cp)))
            return false;
    }
    return true;
}

/* true when a word follows token k in its sentence with a space between, and not a
 * lone letter other than a function word (an initial: `Gaynor B.`): a run-on ending in
 * a function word is continued by the phrase it opens, while a name is mostly followed
 * by punctuation. */
static bool phrase_follows(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (k + 1 >= doc->token_count)
        return false;
    const tqc_token *t = &doc->tokens[k], *n = &doc->tokens[k + 1];
    const char *ns = tqc_doc_at(doc, n->span);
    size_t nl = tqc_span_len(n->span);
    return n->kind == TQC_TOK_WORD && n->sentence == t->sentence &&
           (n->flags & TQC_TF_SPACE_BEFORE) &&
           (tqc_text_chars(ns, nl) >= 2 || tqc_split_is_function_word(ctx->lang, ns, nl));
}

/* true when the next token, in the same sentence, is a capitalised word. */
static bool next_capitalised(const tqc_doc *doc, size_t k)
{
    if (k + 1 >= doc->token_count)
        return false;
    const tqc_token *n = &doc->tokens[k + 1];
    return n->kind == TQC_TOK_WORD && n->sentence == doc->tokens[k].sentence &&
           (n->flags & TQC_TF_CAP);
}

/* true when the profile marks the function word p (in word) as also forming closed
 * compounds at this end: `-less` (`fenceless`) when it ends the token, `over-`
 * (`overtoasted`) when it begins it. */
static bool compound_affix(const tqc_ctx *ctx, const char *word, const tqc_split_part *p,
                           bool at_start)
{
    char key[MS_MAX_KEY + 2], lower[MS_MAX_KEY];
    size_t len = p->end - p->start;
    if (len >= MS_MAX_KEY)
        return false;
    size_t n = tqc_text_case(word + p->start, len, TQC_CASE_LOWER, lower, sizeof lower);
    if (n == 0)
        return false;
    if (at_start) {
        memcpy(key, lower, n);
        key[n] = '-';
    } else {
        key[0] = '-';
        memcpy(key + 1, lower, n);
    }
    return tqc_lang_in(ctx->lang, "function-words", key, n + 1);
}

static uint32_t part_pos(const tqc_ctx *ctx, const char *word, const tqc_split_part *p);

/* Shorter content words are not judged by their parts of speech: the lexicon knows
 * many two-letter forms (abbreviations, syllables). */
#define MS_SHAPE_MIN_CHARS 3

/* Whether the lexicon knows part p of word only as verb forms (`installé`, `took`), or as
 * a participle and the adjective made of it (`pointed`): no noun, base adjective or
 * infinitive's base a suffix could make a word of (`blackout` is formed on `black`,
 * `workout` on `work`; no compound is formed on a participle, which stays a phrase:
 * `pointed out`, `worn out`). */
static bool verb_form_only(const tqc_ctx *ctx, const char *word, const tqc_split_part *p)
{
    uint32_t pos = p->chars >= MS_SHAPE_MIN_CHARS ? part_pos(ctx, word, p) : 0;
    uint32_t verbal = TQC_POS_VERB | ((pos & TQC_POS_VPART) ? TQC_POS_ADJ : 0);
    return (pos & TQC_POS_VERB) && !(pos & ~verbal);
}

/* Whether part p of word is one of the language's enclitic pronouns (the profile list
 * `enclitics`: Spanish `-te`, `-lo`), which attach to verb forms. */
static bool enclitic_part(const tqc_ctx *ctx, const char *word, const tqc_split_part *p)
{
    char lower[MS_MAX_KEY];
    size_t len = p->end - p->start;
    size_t n = len < MS_MAX_KEY ? tqc_text_case(word + p->start, len, TQC_CASE_LOWER, lower,
                                                sizeof lower) : 0;
    return n && tqc_lang_in(ctx->lang, "enclitics", lower, n);
}

/* Whether part i of the reading is a function word that glues the run-on together. A
 * prefix that forms compounds still glues before a frequent word (`inpublic`): the
 * dictionary knows the compounds of frequent words, and those it lacks are formed on
 * rarer ones (`inboxed`). Suffixes are productive on frequent words too (`fenceless`),
 * but on stems: after a word the lexicon knows only as verb forms the function word is
 * glue (`installé` + `et`, `conserver` + `un`, `took` + `out`), unless it is an enclitic
 * pronoun, which verb forms take (`sonrojan` + `te` is `sonrojante`). */
static bool glue_at(const tqc_ctx *ctx, const char *word, const tqc_split *sp, size_t i)
{
    const tqc_split_part *p = &sp->part[i];
    if (!p->function)
        return false;
    if (i == 0 && compound_affix(ctx, word, p, true) &&
        !(sp->count == 2 && sp->part[1].freq >= MS_FREQUENT))
        return false;
    if (i > 0 && i + 1 == sp->count && compound_affix(ctx, word, p, false) &&
        (!verb_form_only(ctx, word, &sp->part[i - 1]) || enclitic_part(ctx, word, p)))
        return false;
    return true;
}

/* true when the dictionary knows the word only capitalised (`Ohio`, not `china`). */
static bool proper_only(tqc_dict *dict, const char *s, size_t len)
{
    char lower[MS_MAX_WORD];
    size_t n = tqc_text_case(s, len, TQC_CASE_LOWER, lower, sizeof lower);
    return n && !tqc_dict_known(dict, lower, n) && tqc_dict_known(dict, s, len);
}

static void part_text(const char *word, const tqc_split_part *p, char *out, size_t cap)
{
    snprintf(out, cap, "%.*s", (int)(p->end - p->start), word + p->start);
}

/* ---- reporting ----------------------------------------------------------------------- */

/* "'dayson' is not a word; 'days on' is (why)", the readings as suggestions. */
static void report(const tqc_ctx *ctx, tqc_span span, const tqc_split *best, size_t n,
                   tqc_severity sev, bool safe, const char *why)
{
    const char *word = tqc_doc_at(ctx->doc, span);
    size_t len = tqc_span_len(span);
    char text[MS_MAX_WORD + 4];
    size_t tl = tqc_split_format(word, &best[0], text, sizeof text);
    if (tl == 0)
        return;
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, sev, span,
                              "'%.*s' is not a word; '%s' is (%s)", (int)len, word, text, why);
    tqc_finding_suggest(ctx->out, f, text, tl);
    for (size_t i = 1; i < n && i < MS_MAX_READINGS; i++) {
        if (best[i].score < best[0].score * MS_ALT_RATIO)
            break;
        char alt[MS_MAX_WORD + 4];
        size_t al = tqc_split_format(word, &best[i], alt, sizeof alt);
        if (al)
            tqc_finding_suggest(ctx->out, f, alt, al);
    }
    tqc_finding_fix(ctx->out, f, span, text, tl, safe);
}

/* "'on' is a function word" for the first glue part of the reading. */
static void glue_why(const tqc_ctx *ctx, const char *word, const tqc_split *sp, char *out,
                     size_t cap)
{
    for (size_t i = 0; i < sp->count; i++)
        if (glue_at(ctx, word, sp, i)) {
            char w[MS_MAX_WORD];
            part_text(word, &sp->part[i], w, sizeof w);
            snprintf(out, cap, "'%s' is a function word", w);
            return;
        }
    snprintf(out, cap, "two common words");
}

static bool clear_winner(const tqc_split *best, size_t n)
{
    return n == 1 || best[0].score >= best[1].score * MS_SAFE_RATIO;
}

/* Whether the frequency corpus itself saw part p (not the lexicon alone). */
static bool corpus_seen(const tqc_split_part *p)
{
    return p->freq > MS_LEXICON_COUNT;
}

static bool all_attested(const tqc_split *sp)
{
    for (size_t i = 0; i < sp->count; i++)
        if (!sp->part[i].function && sp->part[i].freq == 0)
            return false;
    return true;
}

/* Whether the split may be applied unattended (issue 13: a safe fix never changes
 * correct text): a reading of two words, not both function words (`de mon` is `demon`),
 * far likelier than the next, no dictionary word one edit away; every content part is
 * attested and of MS_SAFE_MIN_CHARS or more (`for bad` is `forbad`), no part is a single
 * letter (`form a` is Latin `forma`, `me a` is `mea`), and no function word sits where
 * it also forms words (`out state` is `outstate`). */
static bool safe_split(const tqc_ctx *ctx, const char *word, const tqc_split *best, size_t n)
{
    const tqc_split *b = &best[0];
    if (b->count != 2 || !clear_winner(best, n) ||
        (b->part[0].function && b->part[1].function))
        return false;
    for (size_t i = 0; i < b->count; i++) {
        const tqc_split_part *p = &b->part[i];
        bool affix = p->function && ((i == 0 && compound_affix(ctx, word, p, true)) ||
                                     (i + 1 == b->count && compound_affix(ctx, word, p, false)));
        if (p->chars < 2 || (!p->function && (p->chars < MS_SAFE_MIN_CHARS || !corpus_seen(p))) ||
            affix)
            return false;
    }
    /* A word one edit away is as likely as the split (`diposizione` is `disposizione`
     * mistyped, not `di posizione`). */
    char *sugg[1];
    size_t ns = tqc_dict_suggest(ctx->dict, word, b->part[1].end, sugg, 1);
    tqc_dict_free_suggestions(sugg, ns);
    return ns == 0;
}

/* ---- the shapes ---------------------------------------------------------------------- */

/* Parts of speech of part p of word in the language's lexicon, lower-cased; 0 when
 * unknown. */
static uint32_t part_pos(const tqc_ctx *ctx, const char *word, const tqc_split_part *p)
{
    char lower[MS_MAX_WORD];
    size_t n = tqc_text_case(word + p->start, p->end - p->start, TQC_CASE_LOWER, lower,
                             sizeof lower);
    return n ? tqc_lex_pos(tqc_lang_lexicon(ctx->lang), lower, n) : 0;
}

/* tqc_split_find looks for three words from 7 characters on; shorter tokens are tried
 * by short_three, up to this length. */
#define MS_SHORT_THREE_CHARS 6

/* Readings searched before the lexicon re-ranks them (find_readings): more than are kept,
 * so that a reading it lifts is not lost. */
#define MS_SEARCH_READINGS 8
/* Whether the lexicon knows part p of word, lower-cased, as a common word of the
 * language (any part of speech but proper noun): a morphological dictionary lists real
 * forms (`sledding`, `taunted`), where Hunspell also takes abbreviations and syllables. */
static bool lexicon_word(const tqc_ctx *ctx, const char *word, const tqc_split_part *p)
{
    uint32_t pos = part_pos(ctx, word, p);
    return pos & ~(uint32_t)TQC_POS_PROPN;
}

/* Content words of a phrase-shaped reading (phrase_shaped) count as attested by the
 * lexicon from this length: the phrase's shape is the evidence a chance reading lacks
 * (`della nuova diga`, `não quis`). */
#define MS_PHRASE_CHARS 4

/* Whether a reading has the shape of a phrase by the lexicon: an article of the profile
 * list `articles` (articulated prepositions too: `della`), then two content words known
 * only as nouns and adjectives, one of them a noun (`della nuova diga`, `les routes
 * neuves`); or a pronoun or an adverb among the function words (a clitic, a negation),
 * then a word known only as a finite verb (`não quis`, `se fue`). */
static bool phrase_shaped(const tqc_ctx *ctx, const char *word, const tqc_split *sp)
{
    const tqc_split_part *a = &sp->part[0];
    char lower[MS_MAX_KEY];
    size_t al = a->end - a->start;
    size_t n = a->function && al < MS_MAX_KEY
                   ? tqc_text_case(word + a->start, al, TQC_CASE_LOWER, lower, sizeof lower)
                   : 0;
    if (n && sp->count == 2 && !sp->part[1].function &&
        (part_pos(ctx, word, a) & (TQC_POS_PRON | TQC_POS_ADV))) {
        const uint32_t finite = TQC_POS_VFIN | TQC_POS_AUX;
        uint32_t pos = part_pos(ctx, word, &sp->part[1]);
        return (pos & finite) && !(pos & ~finite);
    }
    if (!n || sp->count != 3 || !tqc_lang_in(ctx->lang, "articles", lower, n))
        return false;
    const uint32_t nominal = TQC_POS_NOUN | TQC_POS_ADJ;
    uint32_t any = 0;
    for (size_t i = 1; i < 3; i++) {
        uint32_t pos = sp->part[i].function ? 0 : part_pos(ctx, word, &sp->part[i]);
        if (!(pos & nominal) || (pos & ~nominal))
            return false;
        any |= pos;
    }
    return (any & TQC_POS_NOUN) != 0;
}

/* The readings of word[0..len) best first (tqc_split_find); with lexicon_chars, every
 * content part of that many characters or more that the corpus never saw but the lexicon
 * knows counts as seen once (MS_LEXICON_COUNT), rescored and re-ranked: the frequency
 * list is small, and a form the lexicon holds is a word, not a chance string. Returns how many (at most
 * MS_MAX_READINGS). */
static size_t find_readings(const tqc_ctx *ctx, const char *word, size_t len,
                            tqc_split *best, size_t lexicon_chars)
{
    tqc_split all[MS_SEARCH_READINGS];
    size_t n = tqc_split_find(ctx->dict, ctx->lang, word, len, all, MS_SEARCH_READINGS);
    uint64_t total = lexicon_chars ? tqc_dict_freq_total(ctx->dict) : 0;
    for (size_t j = 0; total > 0 && j < n; j++)
        for (size_t i = 0; i < all[j].count; i++) {
            tqc_split_part *p = &all[j].part[i];
            size_t least = phrase_shaped(ctx, word, &all[j]) ? MS_PHRASE_CHARS : lexicon_chars;
            if (p->freq || p->function || p->chars < least || !lexicon_word(ctx, word, p))
                continue;
            /* The unseen word's floor probability becomes that of a count of one. */
            double floor = tqc_split_word_score(ctx->dict, word + p->start, p->end - p->start);
            all[j].score *= (double)MS_LEXICON_COUNT / (double)total / floor;
            p->freq = MS_LEXICON_COUNT;
        }
    /* Insertion sort, best first; stable for equal scores. */
    for (size_t j = 1; j < n; j++)
        for (size_t i = j; i > 0 && all[i - 1].score < all[i].score; i--) {
            tqc_split t = all[i];
            all[i] = all[i - 1];
            all[i - 1] = t;
        }
    if (n > MS_MAX_READINGS)
        n = MS_MAX_READINGS;
    memcpy(best, all, n * sizeof *best);
    return n;
}

/* Three words in a token too short for tqc_split_find to look for them (`hesawa`, `onanda`):
 * readings with two function words or more (plausible() holds fewer to long parts), best
 * first into best. Returns how many. */
static size_t short_three(const tqc_ctx *ctx, const char *word, size_t len, tqc_split *best)
{
    size_t offs[MS_SHORT_THREE_CHARS + 1];
    size_t chars = tqc_text_char_offsets(word, len, offs, MS_SHORT_THREE_CHARS);
    size_t n = 0;
    for (size_t i = 1; i + 1 < chars; i++)
        for (size_t j = i + 1; j < chars; j++) {
            size_t cuts[2] = {offs[i], offs[j]};
            tqc_split sp;
            if (!tqc_split_at(ctx->dict, ctx->lang, word, len, cuts, 3, &sp) ||
                sp.part[0].function + sp.part[1].function + sp.part[2].function < 2)
                continue;
            n = tqc_split_keep_best(best, n, MS_MAX_READINGS, &sp);
        }
    return n;
}

/* Four words are looked for in tokens this long that read as no fewer. */
#define MS_FOUR_MIN_CHARS 8

/* Four words lost their spaces (`thatwewillappeal`, `quenousallonsfaire`): a function word
 * then a three-word reading of the rest, or a three-word reading then a function word;
 * best first into best (at most MS_MAX_READINGS), plausible() judges them as it does
 * three. Returns how many. */
static size_t four_readings(const tqc_ctx *ctx, const char *word, size_t len, tqc_split *best)
{
    size_t n = 0;
    for (size_t cut = 0; cut < len;) {
        int32_t cp;
        cut += tqc_text_decode(word + cut, len - cut, &cp);
        if (cut >= len)
            break;
        for (int side = 0; side < 2; side++) {
            /* side 0: the function word first; side 1: last. */
            const char *fw = side ? word + cut : word;
            size_t fl = side ? len - cut : cut;
            if (!tqc_split_is_function_word(ctx->lang, fw, fl))
                continue;
            tqc_split three[MS_MAX_READINGS];
            size_t off = side ? 0 : cut;
            size_t m = find_readings(ctx, word + off, side ? cut : len - cut, three,
                                     MS_LEXICON_CHARS);
            for (size_t j = 0; j < m; j++) {
                if (three[j].count != 3)
                    continue;
                size_t cuts[3], c = 0;
                if (!side)
                    cuts[c++] = cut;
                for (size_t i = 0; i < 2; i++)
                    cuts[c++] = off + three[j].part[i].end;
                if (side)
                    cuts[c++] = cut;
                tqc_split sp;
                if (!tqc_split_at(ctx->dict, ctx->lang, word, len, cuts, 4, &sp))
                    continue;
                /* The lexicon's attestations of the three-word reading carry over. */
                for (size_t i = 0; i < 3; i++) {
                    tqc_split_part *p = &sp.part[i + !side];
                    if (p->freq == 0 && three[j].part[i].freq) {
                        double floor = tqc_split_word_score(ctx->dict, word + p->start,
                                                            p->end - p->start);
                        sp.score *= (double)MS_LEXICON_COUNT /
                                    (double)tqc_dict_freq_total(ctx->dict) / floor;
                        p->freq = three[j].part[i].freq;
                    }
                }
                n = tqc_split_keep_best(best, n, MS_MAX_READINGS, &sp);
            }
        }
    }
    return n;
}

/* Drops the readings no run-on has, keeping the order: a three-word reading needs two
 * function words (`ofthepeople`): with fewer, three dictionary words are found in long
 * words by chance (`car pet ed`); a one-letter word opens a phrase, so it
 * comes first before a common word (`Asmall`) or a noun or adjective of the lexicon, or
 * after another word (`ofa`, `tooka`),
 * the last unless that word is a function word (`cart i an`). Returns how many are
 * left. */
static size_t plausible(const tqc_ctx *ctx, const char *word, tqc_split *best, size_t n)
{
    size_t kept = 0;
    for (size_t j = 0; j < n; j++) {
        const tqc_split *sp = &best[j];
        size_t functions = 0;
        bool ok = true;
        /* Two long attested content words around one short function word (below), or a
         * long one and a frequent one (`lawapossibility`). */
        bool around = sp->count == 3 && sp->part[1].function && !sp->part[0].function &&
                      !sp->part[2].function && sp->part[0].freq > 0 && sp->part[2].freq > 0 &&
                      ((sp->part[0].chars >= MS_LINKED_CHARS && sp->part[2].chars >= MS_LINKED_CHARS) ||
                       (sp->part[0].chars >= MS_LINKED_CHARS && sp->part[2].freq >= MS_FREQUENT &&
                        sp->part[2].chars >= MS_COMMON3_CHARS) ||
                       (sp->part[2].chars >= MS_LINKED_CHARS && sp->part[0].freq >= MS_FREQUENT &&
                        sp->part[0].chars >= MS_COMMON3_CHARS));
        for (size_t i = 0; i < sp->count; i++) {
            const tqc_split_part *p = &sp->part[i];
            functions += p->function;
            if (p->chars == 1 && i == 0) {
                const tqc_split_part *next = &sp->part[1];
                /* ... or a noun or adjective the lexicon knows, rare as it may be
                 * (`aquota`); after a one-letter verb or preposition (Portuguese `é`,
                 * French `à`), a participle, an infinitive or an adverb too (`énegado`). */
                uint32_t letter = part_pos(ctx, word, p);
                uint32_t follows = TQC_POS_NOUN | TQC_POS_ADJ;
                if (letter & (TQC_POS_VFIN | TQC_POS_AUX | TQC_POS_PREP))
                    follows |= TQC_POS_VPART | TQC_POS_VINF | TQC_POS_ADV;
                ok &= next->function || next->freq >= MS_AFTER_LETTER_COMMON ||
                      (next->chars >= MS_RARE_CHARS && (part_pos(ctx, word, next) & follows));
            } else if (p->chars == 1) {
                /* A one-letter word follows a longer one, or a one-letter function word
                 * after a long first word (`instalaçãoéa`); between two long attested
                 * words it links them (`somenteéatualizada`). */
                const tqc_split_part *prev = &sp->part[i - 1];
                ok &= (around && p->function) ||
                      ((prev->chars > 1 || (prev->function && p->function && i == 2 &&
                                            sp->part[0].chars >= MS_LINKED_CHARS)) &&
                       (prev->function ||
                        (i + 1 == sp->count && (prev->freq >= MS_AFTER_LETTER_COMMON ||
                                                (prev->chars >= MS_LONG_BEFORE_LETTER &&
                                                 prev->freq > 0)))));
            }
        }
        /* ... or one function word between two attested content words long enough not
         * to be found by chance (`wantedtoleave`, `seriedeperguntas`), or anywhere beside
         * two common ones (`theyoungmusicians`, `saleofproperty`); or three common
         * content words (`qualifiedyoungpeople`). */
        bool linked = sp->count == 3 && functions == 1 && sp->part[1].function &&
                      sp->part[0].chars >= MS_LINKED_CHARS && sp->part[2].chars >= MS_LINKED_CHARS &&
                      sp->part[0].freq > 0 && sp->part[2].freq > 0;
        if (sp->count == 3 && functions <= 1 && !linked) {
            linked = true;
            for (size_t i = 0; i < sp->count; i++)
                linked &= sp->part[i].function ||
                          (sp->part[i].chars >= MS_COMMON3_CHARS &&
                           sp->part[i].freq >= (functions ? MS_COMMON3_GLUED : MS_COMMON3)) ||
                          (sp->part[i].chars >= (functions ? MS_GLUED3_CHARS : MS_LINKED_CHARS) &&
                           sp->part[i].freq >= 1);
        }
        if (ok && (sp->count == 2 || functions >= 2 || linked))
            best[kept++] = *sp;
    }
    return kept;
}

/* Whether a reading of token k that ends in an article (`ofa`, `forma`) is continued as
 * an article must be: by a dictionary word (or a hyphenated compound) in the same
 * sentence that is no function word (`pro forma as`, `mea culpas` are words of their
 * own). */
static bool article_continued(const tqc_ctx *ctx, size_t k, const char *word,
                              const tqc_split *sp)
{
    const tqc_split_part *last = &sp->part[sp->count - 1];
    size_t ll = last->end - last->start;
    char lower[MS_MAX_KEY];
    size_t n = ll < MS_MAX_KEY ? tqc_text_case(word + last->start, ll, TQC_CASE_LOWER, lower,
                                               sizeof lower) : 0;
    if (!n || !tqc_lang_in(ctx->lang, "articles", lower, n))
        return true;
    const tqc_doc *doc = ctx->doc;
    size_t j = k + 1;
    if (j >= doc->token_count)
        return false;
    /* An article may open a quotation whose first word it goes with (`zur "Hot-Swap"-
     * Eigenschaft`, `the "smart" meter`). */
    bool quoted = j + 1 < doc->token_count && doc->tokens[j].kind == TQC_TOK_PUNCT &&
                  (doc->tokens[j].flags & TQC_TF_SPACE_BEFORE) &&
                  !(doc->tokens[j + 1].flags & TQC_TF_SPACE_BEFORE) &&
                  (tqc_ctx_mark(ctx, j, TQC_QUOTE_ROLES_QUOTES) & TQC_MARK_OPENS);
    if (quoted)
        j++;
    const tqc_token *next = &doc->tokens[j];
    const char *ns = tqc_doc_at(doc, next->span);
    size_t nl = tqc_span_len(next->span);
    if (next->kind != TQC_TOK_WORD || next->sentence != doc->tokens[k].sentence ||
        !(quoted || (next->flags & TQC_TF_SPACE_BEFORE)) ||
        ((next->flags & TQC_TF_LOWER) && !(next->flags & TQC_TF_HYPHEN) &&
         !tqc_ctx_token_known(ctx, j)))
        return false;
    /* The lexicon knows more: a preposition, conjunction, pronoun or auxiliary that is
     * no noun, adjective, number or determiner (`as`, `and`) follows no article, and one
     * that is also a noun or an adjective may (`the near future`). Unknown words are not
     * judged. */
    uint32_t pos = tqc_ctx_pos_lower(ctx, j);
    const uint32_t closed = TQC_POS_PREP | TQC_POS_CONJ | TQC_POS_PRON | TQC_POS_AUX;
    const uint32_t nominal = TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_NUM |
                             TQC_POS_DET;
    if (pos & (TQC_POS_NOUN | TQC_POS_ADJ))
        return true;
    /* Where an article opens an extended attribute, a preposition may follow it (`das von
     * Servern genutzte Protokoll`, `die im Mai gebaute Brücke`). */
    if (tqc_lang_yes(ctx->lang, "extended-attributes") &&
        (tqc_lang_in(ctx->lang, "prepositions", ns, nl) ||
         tqc_lang_in(ctx->lang, "articles", ns, nl) || (pos & TQC_POS_PREP)))
        return true;
    if (tqc_lang_in(ctx->lang, "prepositions", ns, nl) ||
        tqc_lang_in(ctx->lang, "articles", ns, nl) || tqc_lang_in(ctx->lang, "auxiliaries", ns, nl))
        return false;
    return !(pos & closed) || (pos & nominal);
}

/* Whether both parts of a two-word reading are attested as content words long enough to
 * judge: by the corpus, or by the lexicon when as long as a rare part of a pair must be
 * (MS_RARE_PAIR_CHARS: `anguishedlife`; a short one is a learned prefix as often), and
 * then no word one edit away (a rare part reads a misspelling as often: `thresh hold`,
 * `see kingly`). */
static bool pair_attested(const tqc_ctx *ctx, const char *word, const tqc_split *sp)
{
    if (sp->count != 2)
        return false;
    const tqc_split_part *a = &sp->part[0], *b = &sp->part[1];
    for (size_t i = 0; i < 2; i++)
        if (sp->part[i].chars < MS_SHAPE_MIN_CHARS ||
            !(corpus_seen(&sp->part[i]) ||
              (sp->part[i].freq > 0 && sp->part[i].chars >= MS_RARE_PAIR_CHARS)))
            return false;
    if (!corpus_seen(a) || !corpus_seen(b)) {
        char *sugg[1];
        size_t ns = tqc_dict_suggest(ctx->dict, word, b->end, sugg, 1);
        tqc_dict_free_suggestions(sugg, ns);
        if (ns)
            return false;
    }
    return true;
}

/* Two content words whose parts of speech no closed compound has, by the lexicon: a
 * first part that is no noun (a verb, an adverb, an adjective: `lastyear`, `gavefalse`,
 * `nearlyhalf`) or a second part that is only a finite verb (`rangerssaid`). Compounds
 * the dictionary lacks are nouns made of nouns (`cowbarn`, `storylines`). Each part is
 * attested: by the corpus, or by the lexicon that gives its parts of speech when it is as
 * long as a rare part of a pair must be (MS_RARE_PAIR_CHARS: `anguishedlife`; a short
 * one is a learned prefix as often) and no word is one edit away (check_lower makes that
 * a hint). Fills why; false when a part is unknown. */
static bool content_run_on(const tqc_ctx *ctx, const char *word, const tqc_split *sp,
                           char *why, size_t cap)
{
    if (!pair_attested(ctx, word, sp))
        return false;
    const tqc_split_part *a = &sp->part[0], *b = &sp->part[1];
    uint32_t pa = part_pos(ctx, word, a), pb = part_pos(ctx, word, b);
    if (!pa || !pb)
        return false;
    const uint32_t nominal = TQC_POS_NOUN | TQC_POS_PROPN;
    char w[MS_MAX_WORD];
    /* Adjectival compounds end in a participle (`coolheaded`, `wellknown`); short
     * adverbs are prefixes (`nonmusical`). */
    bool participle = pb & (TQC_POS_VPART | TQC_POS_VGER);
    bool prefix = (pa & TQC_POS_ADV) && !(pa & ~TQC_POS_ADV) && a->chars < MS_SHAPE_ADV_CHARS;
    if (!(pa & nominal) && (pa & (TQC_POS_VERB | TQC_POS_ADV | TQC_POS_ADJ | TQC_POS_DET)) &&
        !participle && !prefix) {
        part_text(word, a, w, sizeof w);
        snprintf(why, cap, "'%s' is no noun, and begins no compound", w);
        return true;
    }
    const uint32_t not_finite = nominal | TQC_POS_ADJ | TQC_POS_VPART | TQC_POS_VGER;
    if ((pa & nominal) && (pb & TQC_POS_VFIN) && !(pb & not_finite)) {
        part_text(word, b, w, sizeof w);
        snprintf(why, cap, "'%s' is a finite verb, which ends no compound", w);
        return true;
    }
    return false;
}

static bool check_lower_name(ms_run *r, tqc_span span);
static bool determiner_before(const tqc_ctx *ctx, size_t k);

/* Whether a reading of token k as a noun and a finite verb that content_run_on cannot
 * rule a compound out of (the verb form is also a participle or an adjective: `heard`,
 * French `dit`) is a subject and its verb by the token's place. Read as one word it would
 * end in a participle or an adjective and be an adjective (`handmade`, `sunbaked`), which
 * after an article or a determiner qualifies a noun after it; when the word after the
 * token is one the lexicon knows as no noun, adjective, participle, name or number (`that`,
 * `to`; a participle may qualify the noun too: `the rockstrewn hanging valleys`), no noun
 * follows, and the token is a subject and its verb run together. Fills why. */
static bool subject_and_verb(const tqc_ctx *ctx, size_t k, const char *word, const tqc_split *sp,
                             char *why, size_t cap)
{
    const tqc_doc *doc = ctx->doc;
    if (!pair_attested(ctx, word, sp) || !determiner_before(ctx, k) ||
        k + 1 >= doc->token_count || doc->tokens[k + 1].kind != TQC_TOK_WORD ||
        doc->tokens[k + 1].sentence != doc->tokens[k].sentence ||
        !(doc->tokens[k + 1].flags & TQC_TF_SPACE_BEFORE))
        return false;
    const tqc_split_part *a = &sp->part[0], *b = &sp->part[1];
    uint32_t pa = part_pos(ctx, word, a), pb = part_pos(ctx, word, b);
    const uint32_t nominal = TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_NUM |
                             TQC_POS_VPART | TQC_POS_VGER;
    uint32_t next = tqc_ctx_pos_lower(ctx, k + 1);
    if (!(pa & TQC_POS_NOUN) || !(pb & TQC_POS_VFIN) || (pb & (TQC_POS_NOUN | TQC_POS_PROPN)) ||
        !next || (next & nominal))
        return false;
    snprintf(why, cap, "'%.*s' is the verb of '%.*s': no noun follows that a compound "
             "adjective would qualify", (int)(b->end - b->start), word + b->start,
             (int)(a->end - a->start), word + a->start);
    return true;
}

/* Where compounds are solid, why two attested content words of a reading make no compound
 * by their parts of speech (tqc_morph_compound_pair: `bietetjedoch`, `lernenoft`,
 * `Anwohnerbereits`), as the message's reason; NULL when they may. Each part is seen by
 * the corpus, or by the lexicon when as long as a rare part of a pair must be. The first
 * part is read as written (a capitalised noun), the second lower-cased. */
static const char *no_compound_why(const tqc_ctx *ctx, const char *word, const tqc_split *sp)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    if (sp->count != 2 || !lex)
        return NULL;
    const tqc_split_part *a = &sp->part[0], *b = &sp->part[1];
    char tail[MS_MAX_WORD];
    size_t tn = tqc_text_case(word + b->start, b->end - b->start, TQC_CASE_LOWER, tail,
                              sizeof tail);
    for (size_t i = 0; i < 2; i++) {
        const tqc_split_part *p = &sp->part[i];
        bool listed = p->freq > 0 || part_pos(ctx, word, p) ||
                      tqc_lex_pos(lex, word + p->start, p->end - p->start);
        if (p->function || p->chars < MS_SHAPE_MIN_CHARS ||
            !(corpus_seen(p) || (listed && p->chars >= MS_RARE_PAIR_CHARS)))
            return NULL;
    }
    /* A headline in capitals is read in lower case (check_allcaps). */
    char head[MS_MAX_WORD];
    size_t hn = all_capitals(word, a->end)
                    ? tqc_text_case(word, a->end, TQC_CASE_LOWER, head, sizeof head)
                    : 0;
    if (!tn || (all_capitals(word, a->end) && !hn))
        return NULL;
    switch (tqc_morph_compound_pair(ctx->lang, hn ? head : word, hn ? hn : a->end, tail, tn)) {
    case TQC_MORPH_PAIR_FINITE_HEAD:
        return "a finite verb, which begins no compound";
    case TQC_MORPH_PAIR_ADVERB_TAIL:
        return "an adverb, which ends no compound after a noun or a verb";
    case TQC_MORPH_PAIR_INFINITIVE_HEAD:
        return "an infinitive, which begins no compound before a word that is no full verb";
    case TQC_MORPH_PAIR_OK:
        break;
    }
    return NULL;
}

/* Whether a two-word reading opened by a function word that also begins compounds (the
 * profile's `zu-`, `in-`) is a run-on all the same. Where compounds are solid the lexicon
 * lists them, particle verbs and their forms too (`zumachen`, `anzutreiben`); a particle
 * glued to a word of MS_LEXICON_CHARS or more that the lexicon knows, in a token that
 * neither the lexicon nor the dictionary knows, makes no compound when that word is no
 * verb form (`inseparaten`), or an infinitive after the infinitive's own particle
 * (`infinitive-links`: `zusorgen`, where a particle verb puts it inside, `anzutreiben`).
 * A particle before another verb form is a separable verb the lexicon may lack
 * (`mitzählt`); elsewhere the lexicon lists too few compounds to tell (`overtoasted`). */
static bool unlisted_particle_compound(const tqc_ctx *ctx, const char *word, size_t len,
                                       const tqc_split *sp)
{
    const tqc_split_part *a = &sp->part[0], *b = &sp->part[1];
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    char lower[MS_MAX_WORD];
    size_t n = tqc_text_case(word, len, TQC_CASE_LOWER, lower, sizeof lower);
    if (!lex || !n || !tqc_lang_yes(ctx->lang, "solid-compounds") || sp->count != 2 || !a->function ||
        b->function || !compound_affix(ctx, word, a, true) || b->chars < MS_LEXICON_CHARS ||
        b->freq == 0 || !lexicon_word(ctx, word, b) || tqc_lex_pos(lex, lower, n))
        return false;
    uint32_t pos = part_pos(ctx, word, b);
    if (!(pos & TQC_POS_VERB))
        return true;
    char particle[MS_MAX_KEY];
    size_t pn = tqc_text_case(word + a->start, a->end - a->start, TQC_CASE_LOWER, particle,
                              sizeof particle);
    return !(pos & ~(uint32_t)(TQC_POS_VINF | TQC_POS_VFIN)) && (pos & TQC_POS_VINF) && pn &&
           tqc_lang_in(ctx->lang, "infinitive-links", particle, pn);
}

/* A reading of a token in capitals: acronyms are short and read as chance words (`SEATO`
 * as `sea to`), so a token shorter than MS_CAPS_MIN_CHARS reads only as function words
 * (`OFTHE`) or as function words and attested words of four letters or more (`YEARSOF`,
 * `GISTOF`); no part is a single letter. */
static bool caps_reading(const tqc_split *b, size_t chars)
{
    for (size_t i = 0; i < b->count; i++) {
        const tqc_split_part *p = &b->part[i];
        if (p->chars < 2 || (!p->function && p->freq == 0))
            return false;
        if (chars < MS_CAPS_MIN_CHARS && !p->function &&
            p->chars < MS_CAPS_SHORT_PART)
            return false;
    }
    return true;
}

/* Content words of a four-word reading have at least this many characters: four short
 * words fit a misspelt long one by chance (`in dig at ion`). */
#define MS_FOUR_CONTENT_CHARS 4

/* The plausible four-word readings of word (four_readings, plausible()), each content word
 * attested and of MS_FOUR_CONTENT_CHARS or more, and none when a dictionary word is one
 * edit away: a long misspelling splits into short words more often than four words lose
 * their spaces. */
static size_t four_plausible(const tqc_ctx *ctx, const char *word, size_t len, tqc_split *best)
{
    size_t n = plausible(ctx, word, best, four_readings(ctx, word, len, best)), kept = 0;
    for (size_t j = 0; j < n; j++) {
        bool ok = true;
        for (size_t i = 0; i < best[j].count; i++)
            ok &= best[j].part[i].function ||
                  (best[j].part[i].chars >= MS_FOUR_CONTENT_CHARS && best[j].part[i].freq > 0);
        if (ok)
            best[kept++] = best[j];
    }
    if (kept == 0)
        return 0;
    char *sugg[1];
    size_t ns = tqc_dict_suggest(ctx->dict, word, len, sugg, 1);
    tqc_dict_free_suggestions(sugg, ns);
    return ns ? 0 : kept;
}

/* A language's regional varieties (en-US, en-GB...) and loan languages looked at. */
#define MS_MAX_VARIETIES 4

/* Whether a loan language's dictionary knows the word as written. */
static bool loan_word(const tqc_ctx *ctx, const char *s, size_t len)
{
    tqc_ctx_loan loans[MS_MAX_VARIETIES];
    size_t n = tqc_ctx_loans(ctx, loans, MS_MAX_VARIETIES);
    for (size_t i = 0; i < n; i++)
        if (tqc_dict_known(loans[i].dict, s, len))
            return true;
    return false;
}

/* Whether a loan language's dictionary knows part p of word, lower-cased (`media`,
 * `check` in Italian); *own tells whether the language's lexicon has a reading of it too
 * (`media`: only `check` is a loan). Without a lexicon, no. */
static bool loan_part(const tqc_ctx *ctx, const char *word, const tqc_split_part *p, bool *own)
{
    char lower[MS_MAX_WORD];
    size_t n = tqc_text_case(word + p->start, p->end - p->start, TQC_CASE_LOWER, lower,
                             sizeof lower);
    *own = part_pos(ctx, word, p) != 0;
    return n && !p->function && tqc_lang_lexicon(ctx->lang) && loan_word(ctx, lower, n);
}

/* ---- a slip against a join ---------------------------------------------------------- */

/* The letter under a code point's diacritics (`é` -> `e`), the code point itself when it
 * has none. */
static int32_t base_letter(int32_t cp)
{
    utf8proc_int32_t parts[4];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, parts, 4, UTF8PROC_DECOMPOSE, &boundclass);
    return n > 0 && n <= 4 ? parts[0] : cp;
}

/* Whether written (the token, wn code points) is word (cn code points) with one of the
 * slips a typist makes: two neighbours swapped, a letter dropped, a letter doubled, or a
 * diacritic left off or put on the wrong letter. A letter typed in another's place is
 * not among them: joins of real words are such a substitution of some word far too often
 * (`ona`, `one`). */
static bool one_slip(const int32_t *w, size_t wn, const int32_t *c, size_t cn)
{
    size_t i = 0;
    while (i < wn && i < cn && w[i] == c[i])
        i++;
    if (cn == wn + 1) /* dropped: the rest of the word follows one letter on */
        return !memcmp(w + i, c + i + 1, (wn - i) * sizeof *w);
    if (wn == cn + 1) /* doubled: the extra letter repeats its neighbour */
        return i < wn && ((i > 0 && w[i] == w[i - 1]) || (i + 1 < wn && w[i] == w[i + 1])) &&
               !memcmp(w + i + 1, c + i, (cn - i) * sizeof *w);
    if (wn != cn || i == wn)
        return false;
    if (i + 1 < wn && w[i] == c[i + 1] && w[i + 1] == c[i] &&
        !memcmp(w + i + 2, c + i + 2, (wn - i - 2) * sizeof *w))
        return true;
    return base_letter(w[i]) == base_letter(c[i]) &&
           !memcmp(w + i + 1, c + i + 1, (wn - i - 1) * sizeof *w);
}

static size_t code_points(const char *s, size_t len, int32_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < max;) {
        size_t step = tqc_text_decode(s + i, len - i, &out[n]);
        if (step == 0)
            return 0;
        i += step;
        n++;
    }
    return n;
}

/* The unigram probability of the likeliest word one slip from the token (one_slip), 0
 * when there is none: a misspelling of a frequent word is read as two words as often
 * (`metodo` -> `me todo`, `histry` -> `his try`), and the two readings are weighed. */
static double slip_reading(const tqc_ctx *ctx, const char *s, size_t len)
{
    uint64_t total = tqc_dict_freq_total(ctx->dict);
    int32_t w[MS_MAX_WORD], c[MS_MAX_WORD];
    size_t wn = code_points(s, len, w, MS_MAX_WORD);
    if (total == 0 || wn == 0)
        return 0;
    char *sug[TQC_DICT_MAX_SUGGESTIONS];
    size_t n = tqc_dict_suggest(ctx->dict, s, len, sug, TQC_DICT_MAX_SUGGESTIONS);
    uint64_t best = 0;
    for (size_t i = 0; i < n; i++) {
        size_t sl = strlen(sug[i]);
        size_t cn = code_points(sug[i], sl, c, MS_MAX_WORD);
        uint64_t f = tqc_dict_freq(ctx->dict, sug[i], sl);
        if (cn && f > best && one_slip(w, wn, c, cn))
            best = f;
    }
    tqc_dict_free_suggestions(sug, n);
    return (double)best / (double)total;
}

/* `dayson`, `ofa`, `talksended`; with functions_only, only readings made of function
 * words. With caps (`WEWILLAPPEAL`, a token in capitals) no fix is safe and no name is
 * looked for. */
static void check_lower(ms_run *r, size_t k, tqc_span span, bool functions_only, bool caps)
{
    const tqc_ctx *ctx = r->ctx;
    const char *s = tqc_doc_at(ctx->doc, span);
    size_t len = tqc_span_len(span);
    tqc_split best[MS_MAX_READINGS];
    size_t n = plausible(ctx, s, best, find_readings(ctx, s, len, best,
                                                     caps ? MS_LEXICON_CAPS_CHARS : MS_LEXICON_CHARS));
    if (n == 0 && tqc_text_chars(s, len) >= MS_FOUR_MIN_CHARS)
        n = four_plausible(ctx, s, len, best);
    if (n == 0)
        n = plausible(ctx, s, best, short_three(ctx, s, len, best));
    /* A slip of a frequent word at least as likely as the best join is spelling's: the
     * join must be the likelier reading, and a name in lower case (no reading as words)
     * is rarer than a slip (`commme`: `Com Mme`). Not a word of a loan language, which
     * spelling takes for a loan (`sea` in Portuguese: `se a` or `seja`). */
    double slip = caps || loan_word(ctx, s, len) ? 0 : slip_reading(ctx, s, len);
    if (slip > 0 && (n == 0 || best[0].score <= slip))
        return;
    if (n == 0 && !functions_only && !caps) {
        check_lower_name(r, span);
        return;
    }
    if (n == 0 || !article_continued(ctx, k, s, &best[0]))
        return;
    const tqc_split *b = &best[0];
    for (size_t i = 0; functions_only && i < b->count; i++)
        if (!b->part[i].function)
            return;
    bool glue = false, rare = false, affix = false;
    size_t min_chars = SIZE_MAX, total = 0, functions = 0;
    for (size_t i = 0; i < b->count; i++)
        functions += b->part[i].function;
    for (size_t i = 0; i < b->count; i++) {
        const tqc_split_part *p = &b->part[i];
        total += p->chars;
        if (p->chars < min_chars)
            min_chars = p->chars;
        /* A word the corpus never saw stands in a three-word reading only beside two
         * function words, and long (`escapadesofthe`). */
        if (!p->function && p->freq == 0 &&
            (p->chars < MS_RARE_CHARS ||
             (b->count > 2 && (functions < 2 || p->chars < MS_RARE_PAIR_CHARS))))
            return;
        rare |= !p->function && !corpus_seen(p);
        bool g = glue_at(ctx, s, b, i);
        glue |= g;
        affix |= p->function && !g;
    }
    char why[MS_MAX_WORD + 64];
    if (caps && !caps_reading(b, tqc_text_chars(s, len)))
        return;
    if (glue) {
        bool sure = !caps && safe_split(ctx, s, best, n);
        glue_why(ctx, s, b, why, sizeof why);
        report(ctx, span, best, n, sure ? TQC_SEV_ERROR : TQC_SEV_WARNING, sure, why);
        return;
    }
    /* Content words only: long parts, and not the writer's own compound used twice; a
     * function word that forms compounds makes one (`overtoasted`). Where compounds are
     * written solid, two content words are one. */
    if (occurrences(r, s, len) > 1)
        return;
    if (affix && b->count == 2) {
        if (unlisted_particle_compound(ctx, s, len, b)) {
            char w0[MS_MAX_KEY];
            part_text(s, &b->part[0], w0, sizeof w0);
            snprintf(why, sizeof why,
                     "'%s' is a function word, and no compound the dictionary or the lexicon "
                     "knows", w0);
            report(ctx, span, best, n, TQC_SEV_WARNING, false, why);
        }
        return;
    }
    if (tqc_lang_yes(ctx->lang, "solid-compounds")) {
        /* Where compounds are solid, two content words are one, unless their parts of
         * speech make none (`bietetjedoch`, `lernenoft`). */
        const char *reason = no_compound_why(ctx, s, b);
        if (reason)
            report(ctx, span, best, n, TQC_SEV_WARNING, false, reason);
        return;
    }
    if (b->count == 3) {
        /* Three common content words (plausible() held them to MS_COMMON3). */
        report(ctx, span, best, n, TQC_SEV_WARNING, false, "three common words");
        return;
    }
    if ((min_chars < MS_CONTENT_MIN_CHARS && total < MS_CONTENT_TOTAL_CHARS) ||
        (rare && min_chars < MS_RARE_PAIR_CHARS)) {
        /* Short parts: only a pair of parts of speech no compound has. In a headline in
         * capitals (caps_reading held the parts to attested words) a hint: a compound
         * the dictionary lacks reads so too. */
        if (content_run_on(ctx, s, b, why, sizeof why))
            /* A part the lexicon alone attests is weaker evidence (an identifier reads
             * so too): a hint. */
            report(ctx, span, best, n,
                   corpus_seen(&b->part[0]) && corpus_seen(&b->part[1]) ? TQC_SEV_WARNING
                                                                        : TQC_SEV_INFO,
                   false, why);
        else if (!caps && subject_and_verb(ctx, k, s, b, why, sizeof why))
            /* The place of the token is the second witness an identifier lacks. */
            report(ctx, span, best, n, TQC_SEV_WARNING, false, why);
        else if (caps)
            report(ctx, span, best, n, TQC_SEV_INFO, false, "two words, or a compound");
        return;
    }
    /* Words of a loan language, one of them the language has only as a loan (the
     * lexicon has no reading of it: Italian `check` beside `media`), may be a compound
     * borrowed whole, which the borrowing language writes solid as often as the lending
     * one writes it open: a hint. */
    bool borrowed = true, loan = false;
    for (size_t i = 0; i < b->count; i++) {
        bool own = false;
        borrowed &= loan_part(ctx, s, &b->part[i], &own);
        loan |= !own;
    }
    report(ctx, span, best, n, borrowed && loan ? TQC_SEV_INFO : TQC_SEV_WARNING, false,
           borrowed && loan ? "two common words, or a compound of loanwords"
                            : "two common words");
}

/* A reading of a capitalised token as a word the article uses alone and a function
 * word or a common word (`Kowalczykowahas` when `Kowalczykowa` occurs
 * elsewhere): names the dictionary lacks. */
static bool doc_reading(ms_run *r, const char *s, size_t len, tqc_split *out)
{
    const tqc_ctx *ctx = r->ctx;
    size_t chars = 0;
    for (size_t i = 0; i < len; chars++) {
        int32_t cp;
        size_t cut = i;
        i += tqc_text_decode(s + i, len - i, &cp);
        if (chars < 4 || occurrences(r, s, cut) == 0)
            continue;
        const char *rs = s + cut;
        size_t rl = len - cut, rchars = tqc_text_chars(rs, rl);
        bool fn = tqc_split_is_function_word(ctx->lang, rs, rl);
        uint64_t freq = tqc_dict_freq(ctx->dict, rs, rl);
        if (rchars < 2 || !tqc_dict_known(ctx->dict, rs, rl) ||
            !(fn || rchars >= MS_CONTENT_MIN_CHARS || freq >= MS_FREQUENT))
            continue;
        out->count = 2;
        out->part[0] = (tqc_split_part){0, cut, chars, tqc_dict_freq(ctx->dict, s, cut), false};
        out->part[1] = (tqc_split_part){cut, len, rchars, freq, fn};
        out->score = 0;
        return true;
    }
    return false;
}

/* Whether a three-word reading of capitalised token k reads as a phrase, not a name
 * (`Color am a`, `Per as so`): every part attested and of two letters or more, a content
 * word of content_chars or more that is no name the dictionary knows, an article at the
 * end continued as one must be,
 * and a function word at the end followed by the phrase it opens. */
static bool three_glued(const tqc_ctx *ctx, size_t k, const char *s, const tqc_split *sp,
                        size_t content_chars)
{
    bool content = false;
    for (size_t i = 0; i < sp->count; i++) {
        if (sp->part[i].chars < 2)
            return false; /* names end in a letter an article reads (`Colorama`) */
        content |= !sp->part[i].function && sp->part[i].chars >= content_chars;
    }
    return content && all_attested(sp) && !proper_only(ctx->dict, s, sp->part[0].end) &&
           article_continued(ctx, k, s, sp) &&
           (!sp->part[2].function || phrase_follows(ctx, k));
}

/* Whether a two-word reading opens with a pronoun the language writes capitalised (English
 * `I`: the lexicon knows it as written as a pronoun, and lower-cased as none), so that its
 * capital is no sign of a name or of a sentence's start, followed by what a subject is: a
 * verb or an adverb of the lexicon (`I think`; not `I one`, the name Ione). */
static bool capital_pronoun(const tqc_ctx *ctx, const char *word, const tqc_split *sp)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    const tqc_split_part *p = &sp->part[0];
    return lex && sp->count == 2 && p->function &&
           (tqc_lex_pos(lex, word + p->start, p->end - p->start) & TQC_POS_PRON) &&
           !(part_pos(ctx, word, p) & TQC_POS_PRON) &&
           (part_pos(ctx, word, &sp->part[1]) & (TQC_POS_VERB | TQC_POS_ADV));
}

/* Whether the lexicon knows word[0..len), as written, as a proper adjective (`German`,
 * `Andean`: a name and an adjective), which the dictionary may also know in lower case
 * (`german`, a dance). */
static bool proper_adjective(const tqc_ctx *ctx, const char *word, size_t len)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    uint32_t pos = lex ? tqc_lex_pos(lex, word, len) : 0;
    return (pos & TQC_POS_PROPN) && (pos & TQC_POS_ADJ);
}

static bool formed_or_loan(const tqc_ctx *ctx, const char *s, size_t len);

/* Whether the word right before token k in its sentence is an article or a determiner
 * (the profile lists `articles`, `determiners`, or the lexicon's DET). */
static bool determiner_before(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (k == 0)
        return false;
    const tqc_token *p = &doc->tokens[k - 1];
    const char *ps = tqc_doc_at(doc, p->span);
    size_t pl = tqc_span_len(p->span);
    char lower[MS_MAX_KEY];
    size_t n = pl < MS_MAX_KEY ? tqc_text_case(ps, pl, TQC_CASE_LOWER, lower, sizeof lower) : 0;
    return n && p->kind == TQC_TOK_WORD && p->sentence == doc->tokens[k].sentence &&
           (tqc_lang_in(ctx->lang, "articles", lower, n) ||
            tqc_lang_in(ctx->lang, "determiners", lower, n) ||
            (tqc_ctx_pos_lower(ctx, k - 1) & TQC_POS_DET));
}

/* Where nouns are capitalised and compounds solid, whether capitalised token k, inside its
 * sentence, reads as a noun and a finite verb (`Regierungplant`, `Stadtwill`): a compound
 * takes its class from its last part, and one ending in a finite verb is a verb, which
 * such a language writes in lower case; only a capitalised noun stands there. Both parts
 * attested, the noun by the lexicon as written, the verb a finite form alone and no
 * noun capitalised; an article or a determiner before the token makes it a common noun's
 * phrase, where a name (`Vogelsang`, `sagte Vogelsang`) stands without one. */
static bool capitalised_finite_end(const tqc_ctx *ctx, size_t k, const char *word,
                                   const tqc_split *sp)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    if (!lex || sp->count != 2 || !tqc_lang_yes(ctx->lang, "capitalised-nouns") ||
        !tqc_lang_yes(ctx->lang, "solid-compounds") || sentence_initial(ctx, k))
        return false;
    const tqc_split_part *a = &sp->part[0], *b = &sp->part[1];
    if (a->function || b->function || a->chars < MS_SHAPE_MIN_CHARS ||
        b->chars < MS_SHAPE_MIN_CHARS || !corpus_seen(b) ||
        !(tqc_lex_pos(lex, word, a->end) & TQC_POS_NOUN) || !determiner_before(ctx, k))
        return false;
    char title[MS_MAX_WORD];
    size_t tn = tqc_text_case(word + b->start, b->end - b->start, TQC_CASE_TITLE, title,
                              sizeof title);
    const uint32_t finite = TQC_POS_VFIN | TQC_POS_AUX;
    uint32_t pos = part_pos(ctx, word, b);
    return tn && (pos & finite) && !(pos & ~finite) &&
           !(tqc_lex_pos(lex, title, tn) & TQC_POS_NOUN);
}

static void check_capitalised_readings(ms_run *r, size_t k);

/* A capitalised token inside a sentence whose reading opens with a function word carries
 * its capital on that word, where a run-on of lower-case words has none: it is a name
 * built on particles (`Delarosa`, `Dasilva`, `Zumwinkel`) as often, so its readings are
 * hints (info) with no safe fix. */
static void check_capitalised(ms_run *r, size_t k)
{
    const tqc_ctx *ctx = r->ctx;
    size_t before = ctx->out->count;
    check_capitalised_readings(r, k);
    if (ctx->out->count == before || sentence_initial(ctx, k))
        return;
    for (size_t i = before; i < ctx->out->count; i++) {
        tqc_finding *f = &ctx->out->items[i];
        const char *sug = f->suggestion_count ? f->suggestions[0] : NULL;
        const char *sp = sug ? strchr(sug, ' ') : NULL;
        if (sp && tqc_split_is_function_word(ctx->lang, sug, (size_t)(sp - sug))) {
            f->severity = TQC_SEV_INFO;
            f->fix.safe = false;
        }
    }
}

/* `Berlinon`, `Thereport`, `Kowalczykowahas`, `Canadianfarmers`; quiet on `Seaton`. */
static void check_capitalised_readings(ms_run *r, size_t k)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    const char *s = tqc_doc_at(doc, t->span);
    size_t len = tqc_span_len(t->span);
    if (tqc_text_chars(s, len) < MS_MIN_CAP_CHARS || occurrences(r, s, len) > 1)
        return; /* short names (`Ona`), and names recur */
    tqc_split best[MS_MAX_READINGS];
    size_t n = plausible(ctx, s, best, find_readings(ctx, s, len, best, 0));
    char why[MS_MAX_WORD * 2 + 96], w0[MS_MAX_WORD], w1[MS_MAX_WORD];
    bool opens = n > 0 && sentence_initial(ctx, k);
    if (n > 0 && best[0].count == 2 && (opens || capital_pronoun(ctx, s, &best[0])) &&
        glue_at(ctx, s, &best[0], 0)) {
        /* `Thenormal`: a sentence opened by a function word glued to the next word; or a
         * pronoun the language writes capitalised anywhere, before a verb (`Ithink`). */
        const tqc_split_part *a = &best[0].part[0], *b = &best[0].part[1];
        if (!b->function && (b->freq == 0 || (b->chars < 4 && b->freq < MS_FREQUENT) ||
                             next_capitalised(doc, k)))
            return; /* `Thereza Smith`: a name goes on with a capital */
        bool sure = safe_split(ctx, s, best, n);
        part_text(s, a, w0, sizeof w0);
        snprintf(why, sizeof why, opens ? "'%s' is a function word opening the sentence"
                                        : "'%s' is a pronoun written with a capital", w0);
        report(ctx, t->span, best, n, sure ? TQC_SEV_ERROR : TQC_SEV_WARNING, sure, why);
        return;
    }
    /* `Tostartthe`, `Presidentinthe`: three words glued by a function word. */
    if (n > 0 && best[0].count == 3 && three_glued(ctx, k, s, &best[0], MS_GLUED3_CHARS)) {
        for (size_t i = 0; i < 3; i++)
            if (glue_at(ctx, s, &best[0], i)) {
                glue_why(ctx, s, &best[0], why, sizeof why);
                report(ctx, t->span, best, n, TQC_SEV_WARNING, false, why);
                return;
            }
    }
    /* `Toccataforthe`: the same with a content word the lexicon alone attests, or a short
     * one (`Codforthe`), when two function words glue it: a name ends in no two of them. */
    {
        tqc_split lx[MS_MAX_READINGS];
        size_t nl = plausible(ctx, s, lx, find_readings(ctx, s, len, lx, MS_LEXICON_CHARS));
        size_t glued = 0;
        for (size_t i = 0; nl > 0 && lx[0].count == 3 && i < 3; i++)
            glued += glue_at(ctx, s, &lx[0], i);
        if (glued >= 2 && three_glued(ctx, k, s, &lx[0], MS_COMMON3_CHARS)) {
            glue_why(ctx, s, &lx[0], why, sizeof why);
            report(ctx, t->span, lx, nl, TQC_SEV_WARNING, false, why);
            return;
        }
    }
    /* `Individualhelp`: a sentence opened by two content words whose parts of speech no
     * compound has, and not a name going on with a capital. */
    if (n > 0 && sentence_initial(ctx, k) && !next_capitalised(doc, k) &&
        !proper_only(ctx->dict, s, best[0].part[0].end) &&
        content_run_on(ctx, s, &best[0], why, sizeof why)) {
        report(ctx, t->span, best, n, TQC_SEV_WARNING, false, why);
        return;
    }
    /* Where compounds are solid, a capitalised noun glued to a word that ends no compound
     * after it (`Anwohnerbereits`), unless a formation of the language reads it. */
    const char *reason = n > 0 && tqc_lang_yes(ctx->lang, "solid-compounds")
                             ? no_compound_why(ctx, s, &best[0]) : NULL;
    if (reason && !formed_or_loan(ctx, s, len)) {
        report(ctx, t->span, best, n, TQC_SEV_WARNING, false, reason);
        return;
    }
    if (n > 0 && capitalised_finite_end(ctx, k, s, &best[0])) {
        report(ctx, t->span, best, n, TQC_SEV_WARNING, false,
               "a noun, then a finite verb, which ends no capitalised word");
        return;
    }
    /* A word, then a function word or another word. */
    tqc_split from_doc;
    const tqc_split *reading = NULL;
    if (n > 0 && best[0].count == 2 && !best[0].part[0].function)
        reading = &best[0];
    if ((!reading || !glue_at(ctx, s, reading, 1)) && doc_reading(r, s, len, &from_doc))
        reading = &from_doc;
    if (!reading)
        return;
    const tqc_split_part *a = &reading->part[0], *b = &reading->part[1];
    if (a->chars < 3)
        return;
    uint64_t alone = occurrences(r, s, a->end);
    part_text(s, a, w0, sizeof w0);
    part_text(s, b, w1, sizeof w1);
    if (glue_at(ctx, s, reading, 1)) {
        /* `Berlinon Monday`: continued by the phrase the function word opens, and the
         * first part a common word or one the article uses alone. */
        uint64_t common = b->chars == 2 ? MS_NAME_END_COMMON : MS_PROPER_COMMON;
        /* Where every noun is capitalised, a dictionary word is a noun as often as a
         * name: attested, or before a longer function word, it is a common word. */
        if (tqc_lang_yes(ctx->lang, "capitalised-nouns") && tqc_dict_known(ctx->dict, s, a->end))
            common = b->chars == 2 ? MS_PROPER_COMMON : 0;
        if (b->chars < 2 || !phrase_follows(ctx, k) || (a->freq < common && alone == 0))
            return;
        if (alone > 0)
            snprintf(why, sizeof why,
                     "'%s' occurs alone in the article and '%s' is a function word", w0, w1);
        else
            snprintf(why, sizeof why, "'%s' is a function word", w1);
    } else {
        /* `Canadianfarmers`: a name, then a common word of five letters or more (names
         * end in short ones: `Hallman`, `Jorgenson`). The article's use of the first
         * part alone counts for a word the dictionary lacks, or before a long word: a
         * common word stands alone in the article anyway (`Lake` in one on Lakeview). */
        bool proper = a->chars >= 4 && (proper_only(ctx->dict, s, a->end) ||
                                         proper_adjective(ctx, s, a->end));
        bool named = alone > 0 && (proper || b->chars >= 5 || !tqc_dict_known(ctx->dict, s, a->end));
        /* A first part of three letters is a name particle as often as a word (`Val`,
         * `Van`, `San`, `Del`: Valsecchi, Vanderbilt), as in check_camel. */
        if (b->function || b->freq == 0 || tqc_lang_yes(ctx->lang, "solid-compounds") || a->chars < 4 ||
            !(b->chars >= 5 || (b->chars == 4 && b->freq >= MS_FREQUENT)) ||
            !(proper || named))
            return;
        if (named)
            snprintf(why, sizeof why, "'%s' occurs alone in the article", w0);
        else
            snprintf(why, sizeof why, "'%s' is a name and '%s' a common word", w0, w1);
    }
    report(ctx, t->span, reading, 1, TQC_SEV_WARNING, false, why);
}

/* `chargedbyFulton`, `ontheBible`: a lower-case run-on before a capitalised word, all in
 * one token. The left side reads as two attested words glued by a function word (as a
 * lower-case token would, check_lower), and the right side is a capitalised word or an
 * acronym (`careatNATO`). */
static void camel_left_run_on(ms_run *r, const tqc_token *t, size_t cut)
{
    const tqc_ctx *ctx = r->ctx;
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span), rchars = tqc_text_chars(s + cut, len - cut);
    tqc_split best[MS_MAX_READINGS];
    size_t n = plausible(ctx, s, best, find_readings(ctx, s, cut, best, MS_LEXICON_CHARS));
    if (n == 0 || best[0].count != 2 || !all_attested(&best[0]) || rchars < 2 ||
        !(title_shaped(s + cut, len - cut) || all_capitals(s + cut, len - cut)))
        return;
    bool glue = false;
    for (size_t i = 0; i < 2; i++) {
        if (best[0].part[i].chars < 2)
            return;
        glue |= glue_at(ctx, s, &best[0], i);
    }
    /* Without glue, two long words (`recentlydemolishedSalem`): the capital inside is the
     * evidence of a join, and long parts are no chance reading; where compounds are
     * written solid they are one word. */
    bool long_pair = best[0].part[0].chars >= MS_CONTENT_MIN_CHARS &&
                     best[0].part[1].chars >= MS_CONTENT_MIN_CHARS &&
                     !tqc_lang_yes(ctx->lang, "solid-compounds");
    if (!glue && !long_pair)
        return;
    tqc_split sp = best[0];
    sp.count = 3;
    bool known = tqc_dict_known(ctx->dict, s + cut, len - cut);
    sp.part[2] = (tqc_split_part){cut, len, rchars,
                                  known ? tqc_dict_freq(ctx->dict, s + cut, len - cut) : 0,
                                  tqc_split_is_function_word(ctx->lang, s + cut, len - cut)};
    report(ctx, t->span, &sp, 1, TQC_SEV_WARNING, false, "a capital letter inside the word");
}

/* Whether the capitalised right side of token t, from byte cut, is a name the article
 * uses alone or a word the corpus knows (MS_PROPER_COMMON), then a function word of two letters or more that the next
 * phrase continues (`ArthurGoldbergwill speak`, `AuntieMameon Broadway`); if so, sp (two
 * parts, the left one filled) becomes the three-word reading. */
static bool name_then_glue(ms_run *r, const tqc_token *t, size_t cut, tqc_split *sp)
{
    const tqc_ctx *ctx = r->ctx;
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span), chars = 0;
    if (!phrase_follows(ctx, (size_t)(t - ctx->doc->tokens)))
        return false;
    for (size_t c = cut; c < len; chars++) {
        int32_t cp;
        c += tqc_text_decode(s + c, len - c, &cp);
        size_t fchars = tqc_text_chars(s + c, len - c);
        if (c >= len || chars + 1 < MS_NAME_PART_CHARS || fchars < 2 ||
            !tqc_split_is_function_word(ctx->lang, s + c, len - c) ||
            !(occurrences(r, s + cut, c - cut) ||
              (tqc_dict_known(ctx->dict, s + cut, c - cut) &&
               tqc_dict_freq(ctx->dict, s + cut, c - cut) >= MS_PROPER_COMMON)))
            continue;
        sp->count = 3;
        sp->part[1] = (tqc_split_part){cut, c, chars + 1, tqc_dict_freq(ctx->dict, s + cut, c - cut),
                                       false};
        sp->part[2] = (tqc_split_part){c, len, fchars, tqc_dict_freq(ctx->dict, s + c, len - c),
                                       true};
        return true;
    }
    return false;
}

/* The least length of a name after a one-letter function word (`aWashington`): brands
 * begin with a lower-case letter before a short word (`iPad`, `eBay`). */
#define MS_LETTER_NAME_CHARS 5

/* `ofNYU`, `andMcNair`, `aWashington`: a lower-case function word glued to an acronym, to a
 * name with capitals inside, or, when it is one letter, to a name the dictionary knows of
 * MS_LETTER_NAME_CHARS or more. Brands and terms cased so begin with a letter or a word
 * that is no function word (`iOS`, `macOS`, `eCommerce` outside the languages where `e` is
 * one), and capitalised tokens are names (`DeSoto`). */
static void function_word_before_name(ms_run *r, const tqc_token *t, size_t cut,
                                      size_t lchars)
{
    const tqc_ctx *ctx = r->ctx;
    const char *s = tqc_doc_at(ctx->doc, t->span), *right = s + cut;
    size_t len = tqc_span_len(t->span), rlen = len - cut, rchars = tqc_text_chars(right, rlen);
    if (!tqc_split_is_function_word(ctx->lang, s, cut) || rchars < 2)
        return;
    for (size_t i = 0; i < rlen;) {
        int32_t cp;
        i += tqc_text_decode(right + i, rlen - i, &cp);
        if (!tqc_text_is_letter(cp))
            return;
    }
    /* A one-letter article before an acronym (`oFMI`): brands and units put a letter
     * that is no article there (`eSIM`, `mRNA`). */
    bool article_acronym = lchars == 1 && all_capitals(right, rlen) &&
                           tqc_lang_in(ctx->lang, "articles", s, cut);
    if (lchars == 1 && !article_acronym &&
        !(title_shaped(right, rlen) && rchars >= MS_LETTER_NAME_CHARS &&
          tqc_dict_known(ctx->dict, right, rlen)))
        return;
    tqc_split sp = {.count = 2, .score = 0};
    sp.part[0] = (tqc_split_part){0, cut, lchars, tqc_dict_freq(ctx->dict, s, cut), true};
    sp.part[1] = (tqc_split_part){cut, len, rchars, tqc_dict_freq(ctx->dict, right, rlen),
                                  false};
    report(ctx, t->span, &sp, 1, TQC_SEV_WARNING, false,
           "a function word next to a capital letter");
}

/* Common words and acronyms before which a common word is read as glued to an acronym
 * (`membersNATO`): shorter ones make brands and system names (`macOS`, `watchOS`). */
#define MS_ACRONYM_WORD_CHARS 4
#define MS_ACRONYM_CHARS 3

static bool common_as_written(const tqc_ctx *ctx, const char *s, size_t len);

/* `membersNATO`: a common word in lower case (the lexicon's, or the dictionary's: it lacks
 * inflections such as superlatives) glued to an acronym of three capitals or more, a
 * warning; true when reported. */
static bool word_before_acronym(ms_run *r, const tqc_token *t, size_t cut, size_t lchars)
{
    const tqc_ctx *ctx = r->ctx;
    const char *s = tqc_doc_at(ctx->doc, t->span), *right = s + cut;
    size_t len = tqc_span_len(t->span), rlen = len - cut, rchars = tqc_text_chars(right, rlen);
    if (lchars < MS_ACRONYM_WORD_CHARS || rchars < MS_ACRONYM_CHARS ||
        !all_capitals(right, rlen) || tqc_split_is_function_word(ctx->lang, s, cut) ||
        !(common_as_written(ctx, s, cut) || tqc_dict_known(ctx->dict, s, cut)) ||
        occurrences(r, s, len) > 1)
        return false;
    tqc_split sp = {.count = 2, .score = 0};
    sp.part[0] = (tqc_split_part){0, cut, lchars, tqc_dict_freq(ctx->dict, s, cut), false};
    sp.part[1] = (tqc_split_part){cut, len, rchars, tqc_dict_freq(ctx->dict, right, rlen),
                                  false};
    report(ctx, t->span, &sp, 1, TQC_SEV_WARNING, false, "a word run into an acronym");
    return true;
}

/* Whether the lexicon knows s[0..len) as written or lower-cased as a common word (any part
 * of speech but a proper noun): a German noun is listed capitalised, an English one in
 * lower case. */
static bool common_as_written(const tqc_ctx *ctx, const char *s, size_t len)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    char lower[MS_MAX_WORD];
    size_t n = tqc_text_case(s, len, TQC_CASE_LOWER, lower, sizeof lower);
    uint32_t as_written = lex ? tqc_lex_pos(lex, s, len) : 0;
    uint32_t lowered = lex && n ? tqc_lex_pos(lex, lower, n) : 0;
    return !(as_written & TQC_POS_PROPN) && ((as_written | lowered) & ~(uint32_t)TQC_POS_PROPN);
}

/* Whether the lexicon knows s[0..len), as written, as a proper noun (`John`, which the
 * dictionary also knows in lower case). */
static bool proper_noun(const tqc_ctx *ctx, const char *s, size_t len)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    return lex && (tqc_lex_pos(lex, s, len) & TQC_POS_PROPN);
}

/* Whether a capitalised word follows token k in its sentence after a space that the
 * article writes more than once (a surname, used alone after a person's first mention). */
static bool surname_follows(ms_run *r, size_t k)
{
    const tqc_doc *doc = r->ctx->doc;
    if (k + 1 >= doc->token_count)
        return false;
    const tqc_token *n = &doc->tokens[k + 1];
    const char *ns = tqc_doc_at(doc, n->span);
    size_t nl = tqc_span_len(n->span);
    return n->kind == TQC_TOK_WORD && n->sentence == doc->tokens[k].sentence &&
           (n->flags & TQC_TF_SPACE_BEFORE) && title_shaped(ns, nl) &&
           tqc_text_chars(ns, nl) >= MS_NAME_PART_CHARS && occurrences(r, ns, nl) > 1;
}

/* `cityLagos`, `fromGhana`, `JohnSmithers`: one case change inside
 * the token, each side a word (the right side may be a name the dictionary lacks). */
static void check_camel(ms_run *r, const tqc_token *t)
{
    const tqc_ctx *ctx = r->ctx;
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span), cut = 0, uppers_inside = 0;
    bool prev_lower = false;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        if (i > 0 && tqc_text_is_upper(cp)) {
            uppers_inside++;
            if (prev_lower && cut == 0)
                cut = i;
        }
        prev_lower = tqc_text_is_lower(cp);
        i += n;
    }
    if (cut == 0)
        return;
    size_t lchars = tqc_text_chars(s, cut);
    if ((uppers_inside != 1 || lchars == 1) && !(t->flags & TQC_TF_CAP)) {
        /* Before an acronym or a name with capitals inside: a function word, or a
         * run-on of lower-case words (`careatNATO`). */
        if (lchars > 1 && !tqc_dict_known(ctx->dict, s, cut))
            camel_left_run_on(r, t, cut);
        else if (!word_before_acronym(r, t, cut, lchars))
            function_word_before_name(r, t, cut, lchars);
        return;
    }
    /* More than one inner capital is a brand or an acronym (`GlaxoSmithKline`, `iOS`). */
    if (uppers_inside != 1)
        return;
    const char *right = s + cut;
    size_t rlen = len - cut, rchars = tqc_text_chars(right, rlen);
    if (!title_shaped(right, rlen) || lchars < 2)
        return;
    tqc_dict *dict = ctx->dict;
    bool left_fn = tqc_split_is_function_word(ctx->lang, s, cut);
    bool right_fn = tqc_split_is_function_word(ctx->lang, right, rlen);
    /* The left side is a word; two-letter ones are name particles and brands (`McDonald`,
     * `DeSoto`, `PhD`) unless a function word (`ofEngland`) or common. */
    uint64_t lfreq = tqc_dict_freq(dict, s, cut);
    if (!tqc_dict_known(dict, s, cut)) {
        if (!(t->flags & TQC_TF_CAP))
            camel_left_run_on(r, t, cut);
        return;
    }
    if (lchars == 2 && !left_fn && lfreq < MS_FREQUENT)
        return;
    /* The right side is a word, a name the dictionary lacks, or a middle initial after a
     * word (`RichardM`, `andW`). */
    bool right_known = rchars > 1 && tqc_dict_known(dict, right, rlen);
    if (rchars == 1 ? (lchars < 3 && !left_fn) : (!right_known && rchars < 3))
        return;
    /* A word and one capital written the same way again in the article is a term of its
     * own (`domU`), not an initial run into a word twice over. */
    if (rchars == 1 && occurrences(r, s, len) > 1)
        return;
    tqc_split sp = {.count = 2, .score = 0};
    sp.part[0] = (tqc_split_part){0, cut, lchars, lfreq, left_fn};
    sp.part[1] = (tqc_split_part){cut, len, rchars,
                                  right_known ? tqc_dict_freq(dict, right, rlen) : 0, right_fn};
    if (!right_known && name_then_glue(r, t, cut, &sp)) {
        report(ctx, t->span, &sp, 1, TQC_SEV_WARNING, false,
               "a capital letter inside the word, and a function word at its end");
        return;
    }
    if (!(t->flags & TQC_TF_CAP)) {
        /* `cityLagos`: a lower-case word, then a capitalised one. A word the corpus never
         * saw counts from MS_RARE_CHARS on before a known word, as in split readings
         * (`villeBordeaux` with a frequency list drawn from manuals). */
        /* A shorter one the lexicon knows as a common word, before a name the dictionary
         * knows only capitalised (`bogWashington`), with no safe fix. */
        bool short_unseen = !left_fn && lfreq == 0 && lchars < MS_RARE_CHARS;
        if (!left_fn && lfreq == 0 && (short_unseen || !right_known) &&
            !(lchars >= MS_SHAPE_MIN_CHARS && lexicon_word(ctx, s, &sp.part[0]) &&
              right_known && proper_only(dict, right, rlen)))
            return;
        /* Written the same way again in the article, two content words are a term of
         * their own (a product, a protocol: `remoteStorage` in every page header), as a
         * recurring capitalised token is a name; a function word glued to a name
         * (`deDebian`) is a run-on however often, and so is a word glued to a name the
         * article mostly writes on its own (`packageDebian` twice beside `Debian` ten
         * times): a term is the usual spelling, a slip the exception. */
        uint64_t glued = occurrences(r, s, len);
        if (!left_fn && glued > 1 && glued * 2 > occurrences(r, right, rlen))
            return;
        /* A short function word before a capitalised common word is also how brands are
         * made (`myCommerce`, `inDesign`): a run-on before a name only (`ofEngland`) is
         * sure; this one a warning to review, and a hint where the article writes it so
         * again more often than the word alone (`deSamba` beside `Samba` is a run-on). */
        if (left_fn && lchars <= 2 && right_known && !proper_only(dict, right, rlen)) {
            bool brand = glued > 1 && glued > occurrences(r, right, rlen);
            report(ctx, t->span, &sp, 1, brand ? TQC_SEV_INFO : TQC_SEV_WARNING, false,
                   "a capital letter inside the word, or a brand's casing");
            return;
        }
        bool sure = right_known && !short_unseen;
        report(ctx, t->span, &sp, 1, sure ? TQC_SEV_ERROR : TQC_SEV_WARNING, sure,
               "a capital letter inside the word");
        return;
    }
    /* Two capitalised words: a brand looks the same (`BlackRock`), and a name that recurs
     * in the article is one; a short first part is a name particle (`MacPhail`) unless
     * the dictionary knows it only as a name (`SanFrancisco`). */
    if (occurrences(r, s, len) > 1)
        return;
    const char *why = "a function word next to a capital letter";
    tqc_severity sev = TQC_SEV_WARNING;
    if (!left_fn && !right_fn) {
        bool left_proper = proper_only(dict, s, cut);
        bool proper = left_proper || !right_known || proper_only(dict, right, rlen);
        if ((lchars < 4 && !left_proper) || (!proper && !(lfreq > 0 && sp.part[1].freq > 0)))
            return;
        why = proper ? "a name next to another word" : "two capitalised words";
        /* Two capitalised content words are how brands and programming names are cased
         * (`ServiceWorker`, `FormData`, `SoundCloud`) as often as a lost space: with no
         * function word on either side there is no evidence of a join (a sentence end
         * run into the next, `agreement.The`, is reported by the punctuation check)... */
        sev = TQC_SEV_INFO;
        /* ... unless a common noun (a title, a trade) is glued to a given name and the
         * name goes on with a surname the article writes again alone: how news copy
         * introduces a person (`ChemikerinMarta Kühn`, later `Kühn`). A German noun is
         * known only capitalised, as a name is: the lexicon tells them apart. */
        size_t k = (size_t)(t - ctx->doc->tokens);
        bool common_left = lchars >= MS_SHAPE_MIN_CHARS && common_as_written(ctx, s, cut);
        if (common_left &&
            (!right_known || proper_only(dict, right, rlen) || proper_noun(ctx, right, rlen)) &&
            surname_follows(r, k)) {
            why = "a common noun next to a name, and the name goes on";
            sev = TQC_SEV_WARNING;
        } else if (common_left && right_known && rchars >= MS_NAME_PART_CHARS &&
                   tqc_lang_yes(ctx->lang, "capitalised-nouns") &&
                   (proper_only(dict, right, rlen) || proper_noun(ctx, right, rlen)) &&
                   !common_as_written(ctx, right, rlen)) {
            /* ... or, where nouns are capitalised and so a capital inside a token is no
             * noun's, a common noun (a title, an office) before a word known only as a
             * name (`KanzlerinMerkel`); brands are made so too (`BahnCard`): a warning.
             * Elsewhere a capitalised common word glued to a name is a brand's casing
             * (`StarOffice`). */
            why = "a common noun next to a name";
            sev = TQC_SEV_WARNING;
        }
    }
    report(ctx, t->span, &sp, 1, sev, false, why);
}

/* Whether word token j reads as text in capitals: a word in capitals, or a one-letter
 * function word in capital inside its sentence (`with A CHRONICDISEASE`), where running
 * text writes it in lower case. */
static bool caps_word(const tqc_ctx *ctx, size_t j)
{
    const tqc_token *u = &ctx->doc->tokens[j];
    if (u->flags & TQC_TF_ALLCAPS)
        return true;
    const char *us = tqc_doc_at(ctx->doc, u->span);
    size_t ul = tqc_span_len(u->span);
    return tqc_text_chars(us, ul) == 1 && tqc_text_is_upper(first_cp(ctx->doc, u)) &&
           tqc_split_is_function_word(ctx->lang, us, ul) && !sentence_initial(ctx, j);
}

/* Whether the nearest word on either side of token k in its sentence (past punctuation:
 * `WE WILL APPEAL, SAYS LAWYER`) is in capitals too: a headline or a slogan set in
 * capitals, not an acronym in running text; or no word is beside it in its sentence, a
 * heading of one word, as long as check_allcaps asks. */
static bool in_caps_text(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    bool alone = true;
    for (size_t j = k; j-- > 0;) {
        const tqc_token *u = &doc->tokens[j];
        if (u->sentence != doc->tokens[k].sentence)
            break;
        if (u->kind == TQC_TOK_NUMBER) {
            alone = false;
            break;
        }
        if (u->kind == TQC_TOK_WORD) {
            if (caps_word(ctx, j))
                return true;
            alone = false;
            break;
        }
    }
    for (size_t j = k + 1; j < doc->token_count; j++) {
        const tqc_token *u = &doc->tokens[j];
        if (u->sentence != doc->tokens[k].sentence)
            break;
        if (u->kind == TQC_TOK_NUMBER)
            return false;
        if (u->kind == TQC_TOK_WORD)
            return caps_word(ctx, j);
    }
    return alone && tqc_text_chars(tqc_doc_at(doc, doc->tokens[k].span),
                                   tqc_span_len(doc->tokens[k].span)) >= MS_CAPS_MIN_CHARS;
}

/* `WEWILLAPPEAL` in a headline in capitals: read as a lower-case token is (check_lower),
 * with every part attested; acronyms are short (caps_reading) and stand
 * among lower-case words. */
static void check_allcaps(ms_run *r, size_t k)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_token *t = &ctx->doc->tokens[k];
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span);
    char lower[MS_MAX_WORD];
    size_t ll = tqc_text_case(s, len, TQC_CASE_LOWER, lower, sizeof lower);
    if (tqc_text_chars(s, len) < MS_CAPS_ANY_CHARS || !in_caps_text(ctx, k) || ll == 0 ||
        tqc_dict_known(ctx->dict, lower, ll))
        return;
    /* Split as written: the dictionary takes a name in capitals (`CALIFORNIAIS`), and the
     * frequency list and the profile lists are looked up in lower case anyway. */
    check_lower(r, k, t->span, false, true);
}

/* The least length of a name after a function word in a lower-case run-on: short names
 * end many words (`demon`: `de Mon`). */
#define MS_FN_NAME_CHARS 4

/* `northkorea`: a frequent word and a name the dictionary knows only capitalised (or the
 * lexicon only as a proper noun), run together in lower case; the lexicon, when the
 * language has one, must know the name as a proper noun. Suggests the name capitalised,
 * and the frequent word too (`North Korea`), but not a function word before it
 * (`inberlin`: `in Berlin`; one letter only before a name of MS_LETTER_NAME_CHARS or more:
 * `abarcelona`). Returns whether it reported. */
static bool check_lower_name(ms_run *r, tqc_span span)
{
    const tqc_ctx *ctx = r->ctx;
    const char *s = tqc_doc_at(ctx->doc, span);
    size_t len = tqc_span_len(span), chars = 0;
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    for (size_t cut = 0; cut < len; chars++) {
        int32_t cp;
        cut += tqc_text_decode(s + cut, len - cut, &cp);
        size_t rchars = tqc_text_chars(s + cut, len - cut);
        bool left_fn = cut < len && tqc_split_is_function_word(ctx->lang, s, cut);
        if ((chars + 1 < MS_NAME_PART_CHARS && !left_fn) || rchars < MS_NAME_PART_CHARS ||
            (left_fn && rchars < MS_FN_NAME_CHARS) ||
            (chars == 0 && rchars < MS_LETTER_NAME_CHARS))
            continue;
        char part[2][MS_MAX_WORD + 1];
        const char *ps[2] = {s, s + cut};
        size_t pl[2] = {cut, len - cut};
        int names = 0;
        bool ok = true;
        for (int i = 0; ok && i < 2; i++) {
            if (i == 0 && left_fn) {
                snprintf(part[0], sizeof part[0], "%.*s", (int)cut, s);
                continue;
            }
            if (tqc_dict_case_variant(ctx->dict, ps[i], pl[i], part[i], sizeof part[i])) {
                names++;
                ok = !lex || (tqc_lex_pos(lex, part[i], strlen(part[i])) & TQC_POS_PROPN);
            } else {
                size_t tn = tqc_text_case(ps[i], pl[i], TQC_CASE_TITLE, part[i],
                                          sizeof part[i] - 1);
                part[i][tn] = '\0';
                /* A word the lexicon knows only as a proper noun is a name too, whatever
                 * the dictionary accepts in lower case (`york`). */
                if (tn > 0 && lex && !tqc_lex_pos(lex, ps[i], pl[i]) &&
                    (tqc_lex_pos(lex, part[i], tn) & TQC_POS_PROPN)) {
                    names++;
                    continue;
                }
                ok = tn > 0 && tqc_dict_known(ctx->dict, ps[i], pl[i]) &&
                     tqc_dict_freq(ctx->dict, ps[i], pl[i]) >= MS_FREQUENT;
            }
        }
        /* One name and one frequent word: two names in a word the dictionary lacks are
         * most often a foreign word (`lustre`, `maitre`). */
        if (!ok || names != 1)
            continue;
        char text[2 * MS_MAX_WORD + 4];
        int tl = snprintf(text, sizeof text, "%s %s", part[0], part[1]);
        if (tl <= 0 || (size_t)tl >= sizeof text)
            return false;
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, span,
                                  "'%.*s' is not a word; '%s' is (a name in lower case run "
                                  "together with another word)", (int)len, s, text);
        tqc_finding_suggest(ctx->out, f, text, (size_t)tl);
        tqc_finding_fix(ctx->out, f, span, text, (size_t)tl, false);
        return true;
    }
    return false;
}

/* Whether another regional variety of the language knows the word (the profile's
 * `varieties` after the first, in a document without a region): `programme`,
 * `cancelled` in en-GB are words, not run-ons, in a plain `en` article. */
static bool other_variety_knows(const tqc_ctx *ctx, const char *s, size_t len)
{
    tqc_ctx_variety v[MS_MAX_VARIETIES];
    size_t n = tqc_ctx_varieties(ctx, v, MS_MAX_VARIETIES);
    for (size_t i = 1; i < n; i++)
        if (tqc_dict_known(v[i].dict, s, len))
            return true;
    return false;
}

/* The shortest word of a loan language taken for a loanword rather than two words. */
#define MS_MIN_LOAN_CHARS 6


/* Whether word token k stands alone between quotation marks (`"mydraftnotes"`, a
 * French `« mot »`), a comma or stop inside the closing mark allowed. */
static bool alone_quoted(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (k == 0 || k + 1 >= doc->token_count ||
        !(tqc_ctx_mark(ctx, k - 1, TQC_QUOTE_ROLES_QUOTES) & TQC_MARK_OPENS))
        return false;
    size_t c = k + 1;
    if (doc->tokens[c].kind == TQC_TOK_PUNCT && !tqc_ctx_quote_mark(ctx, c) &&
        c + 1 < doc->token_count)
        c++;
    return (tqc_ctx_mark(ctx, c, TQC_QUOTE_ROLES_QUOTES) & TQC_MARK_CLOSES) != 0;
}
/* A regular formation of the language's words (lang/morph.h: `desinstalación`,
 * `anzutreiben`) or a word of a loan language (`certificate` in Portuguese): a word,
 * not two run together. */
static bool formed_or_loan(const tqc_ctx *ctx, const char *s, size_t len)
{
    if (tqc_morph_parse(ctx->dict, ctx->lang, s, len, TQC_MORPH_STRICT) != TQC_MORPH_NONE)
        return true;
    /* Two short words joined make a short word of another language as often (`se` + `a`:
     * English `sea`). */
    if (tqc_text_chars(s, len) < MS_MIN_LOAN_CHARS)
        return false;
    return loan_word(ctx, s, len);
}

/* The byte length of the apostrophe at s[i] (`'` or U+2019), 0 when there is none. */
static size_t apostrophe_at(const char *s, size_t len, size_t i)
{
    if (s[i] == '\'')
        return 1;
    return i + 2 < len && memcmp(s + i, "\xE2\x80\x99", 3) == 0 ? 3 : 0;
}

/* Whether s[0..len) is a lower-case run of letters the dictionary and the frequency list
 * lack, and no formation, loanword or other variety's word: what a run-on inside a token
 * with an apostrophe must be before it is split. */
static bool unknown_letters(const tqc_ctx *ctx, const char *s, size_t len)
{
    bool first = true;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
        if (!tqc_text_is_letter(cp) || (first && !tqc_text_is_lower(cp)))
            return false;
        first = false;
    }
    return !first && tqc_text_chars(s, len) >= MS_MIN_CHARS &&
           !tqc_dict_known(ctx->dict, s, len) && tqc_dict_freq(ctx->dict, s, len) == 0 &&
           !other_variety_knows(ctx, s, len) && !formed_or_loan(ctx, s, len);
}

/* Whether s[0..len) with one of the profile's `vowels` after it is a word of the dictionary:
 * elision drops a word's final vowel, so then it is that word elided (`neanch'essi`:
 * `neanche`), not two words. */
static bool elided_word(const tqc_ctx *ctx, const char *s, size_t len)
{
    const char *vowels = tqc_lang_setting(ctx->lang, "vowels", "");
    char w[MS_MAX_WORD + 2];
    if (len >= MS_MAX_WORD)
        return false;
    memcpy(w, s, len);
    for (const char *v = vowels; *v; v++) {
        w[len] = *v;
        if (tqc_dict_known(ctx->dict, w, len + 1))
            return true;
    }
    return false;
}

/* A word glued before an elided article or preposition of the profile's `elisions`
 * (`progettodell'accordo`, `projetd'aménagement`): the left part a word of the dictionary
 * (a function word, or one the corpus saw of three letters or more), the elided word and
 * what follows it a word the dictionary knows; the longest elision is tried first. The
 * dictionary knows a word with its elided article, so the word before it is told apart. */
static bool glued_before_elision(ms_run *r, size_t k, size_t apos)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_token *t = &ctx->doc->tokens[k];
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span), chars = 0;
    char lower[MS_MAX_KEY];
    if (elided_word(ctx, s, apos))
        return false;
    for (size_t j = 0; j < apos; chars++) {
        int32_t cp;
        j += tqc_text_decode(s + j, apos - j, &cp);
        if (j >= apos || apos - j >= MS_MAX_KEY)
            continue;
        size_t n = tqc_text_case(s + j, apos - j, TQC_CASE_LOWER, lower, sizeof lower);
        if (!n || !tqc_lang_in(ctx->lang, "elisions", lower, n) ||
            !tqc_dict_known(ctx->dict, s + j, len - j) || !tqc_dict_known(ctx->dict, s, j))
            continue;
        bool fn = tqc_split_is_function_word(ctx->lang, s, j);
        uint64_t freq = tqc_dict_freq(ctx->dict, s, j);
        if (!fn && (chars + 1 < MS_COMMON3_CHARS || freq <= MS_LEXICON_COUNT))
            return false;
        tqc_split sp = {.count = 2, .score = 0};
        sp.part[0] = (tqc_split_part){0, j, chars + 1, freq, fn};
        sp.part[1] = (tqc_split_part){j, len, tqc_text_chars(s + j, len - j), 0, false};
        report(ctx, t->span, &sp, 1, TQC_SEV_WARNING, false,
               fn ? "a function word before an elided article or preposition"
                  : "a word before an elided article or preposition");
        return true;
    }
    return false;
}

/* A token with an apostrophe: a run-on after an elided article or preposition
 * (`nell'ambitodel`, `l'accordoè`: the word after it is judged as a token alone), a word
 * glued before one (glued_before_elision), or a run-on with a possessive (`ofthemayor's`:
 * its stem judged alone). */
static void check_apostrophe_word(ms_run *r, size_t k)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_token *t = &ctx->doc->tokens[k];
    const char *s = tqc_doc_at(ctx->doc, t->span), *rest;
    size_t len = tqc_span_len(t->span), rest_len;
    if (t->flags & (TQC_TF_DIGIT | TQC_TF_PERIOD | TQC_TF_HYPHEN) || len > MS_MAX_WORD ||
        tqc_ctx_token_known(ctx, k))
        return;
    size_t apos = 0, width = 0;
    while (apos < len && !(width = apostrophe_at(s, len, apos)))
        apos++;
    if (apos == 0 || apos + width >= len)
        return;
    if (tqc_ctx_after_elision(ctx, s, len, &rest, &rest_len)) {
        size_t at = (size_t)(rest - s);
        /* One apostrophe only: `dell'un'altra` is no run-on of letters. */
        if (unknown_letters(ctx, rest, rest_len))
            check_lower(r, k, tqc_span_make(t->span.start + at, t->span.end), false, false);
        return;
    }
    size_t stem = strip_possessive(s, len);
    if (stem < len && stem == apos) {
        if (unknown_letters(ctx, s, stem))
            check_lower(r, k, tqc_span_make(t->span.start, t->span.start + stem), false, false);
        return;
    }
    if (tqc_text_is_lower(first_cp(ctx->doc, t)))
        glued_before_elision(r, k, apos);
}

static void check_word(ms_run *r, size_t k)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    /* Letters and digits in one token (`in2019`, `300people`): joins.c. */
    if (tqc_join_number(ctx, k))
        return;
    if (t->kind == TQC_TOK_WORD && (t->flags & TQC_TF_APOS)) {
        check_apostrophe_word(r, k);
        return;
    }
    if (t->kind != TQC_TOK_WORD ||
        (t->flags & (TQC_TF_DIGIT | TQC_TF_PERIOD | TQC_TF_HYPHEN)))
        return;
    const char *s = tqc_doc_at(doc, t->span);
    size_t len = tqc_span_len(t->span);
    if (len > MS_MAX_WORD || tqc_ctx_token_known(ctx, k))
        return;
    if (t->flags & TQC_TF_ALLCAPS) {
        check_allcaps(r, k);
        return;
    }
    if (tqc_join_acronym(ctx, k))
        return;
    if (tqc_text_chars(s, len) < MS_MIN_CHARS || tqc_dict_freq(ctx->dict, s, len) > 0 ||
        tqc_ctx_abbreviation_at(ctx, k) || other_variety_knows(ctx, s, len))
        return;
    /* `meetin'`: an apostrophe right after the word marks a dropped letter. */
    if (k + 1 < doc->token_count && doc->tokens[k + 1].kind == TQC_TOK_PUNCT &&
        !(doc->tokens[k + 1].flags & TQC_TF_SPACE_BEFORE) &&
        tqc_text_is_apostrophe(first_cp(doc, &doc->tokens[k + 1])))
        return;
    char variant[MS_MAX_WORD + 1];
    /* A word the dictionary knows capitalised is a case error (`brazilian`), for the
     * spelling pass, unless it reads as function words only (`ina`, `ona`: the names Ina
     * and Ona are rarer in running text than `in a`, `on a`). */
    bool name = tqc_ctx_case_variant(ctx, k, variant, sizeof variant);
    /* A capital inside the word is no case error: a dictionary that forms compounds
     * accepts the run-on lowered (`mitLichtgeschwindigkeit` as `Mitlichtgeschwindigkeit`). */
    if (name && !(t->flags & (TQC_TF_LOWER | TQC_TF_INNER_CAP)))
        return;
    if (t->flags & TQC_TF_INNER_CAP)
        check_camel(r, t);
    else if ((t->flags & TQC_TF_LOWER) && !formed_or_loan(ctx, s, len) &&
             !tqc_ctx_compound_variant(ctx, s, len, variant, sizeof variant) &&
             !(tqc_lex_pos(tqc_lang_rare(ctx->lang), s, len) & ~(uint32_t)TQC_POS_WORD)) {
        /* (`longsuffering`: a compound the lexicon writes with a hyphen, `forbad`: a word
         * of the language's list of rarer words with a part of speech; both for spelling.
         * A word list's word without one is judged all the same: such lists hold run-ons
         * too, `inone`, `upwith`.) */
        size_t before = ctx->out->count;
        check_lower(r, k, t->span, name, false);
        /* `the "mydraftnotes" scope`: a word alone in quotation marks is mentioned as
         * written, an identifier as often as a run-on: a hint, with no safe fix. */
        if (alone_quoted(ctx, k))
            for (size_t i = before; i < ctx->out->count; i++) {
                ctx->out->items[i].severity = TQC_SEV_INFO;
                ctx->out->items[i].fix.safe = false;
            }
    } else if (title_shaped(s, len))
        check_capitalised(r, k);
}

/* `report.The`: a sentence end with no space before the next sentence. */
static void check_sentence_join(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *a = &doc->tokens[k - 1], *p = &doc->tokens[k], *b = &doc->tokens[k + 1];
    if (p->kind != TQC_TOK_PUNCT || tqc_span_len(p->span) != 1 ||
        (p->flags & TQC_TF_SPACE_BEFORE) || (b->flags & TQC_TF_SPACE_BEFORE) ||
        (a->kind != TQC_TOK_WORD && a->kind != TQC_TOK_NUMBER) || b->kind != TQC_TOK_WORD)
        return;
    char mark = doc->text[p->span.start];
    if (mark != '.' && mark != '!' && mark != '?')
        return;
    const char *as = tqc_doc_at(doc, a->span), *bs = tqc_doc_at(doc, b->span);
    size_t al = tqc_span_len(a->span), bl = tqc_span_len(b->span);
    size_t start;
    int32_t last = tqc_text_prev(as, al, &start);
    if (!(tqc_text_is_lower(last) || tqc_text_is_digit(last)) || tqc_text_chars(as, al) < 2)
        return;
    /* The next sentence opens with a capitalised word the dictionary knows, or one with
     * an elided article or a clitic (`L'inconvénient`, `Nell'ultimo`, `Tornar-se`) that
     * the dictionary or the lexicon knows. */
    int32_t b0 = 0;
    tqc_text_decode(bs, bl, &b0);
    bool joined_word = (b->flags & (TQC_TF_APOS | TQC_TF_HYPHEN)) && tqc_text_is_upper(b0) &&
                       !(b->flags & (TQC_TF_ALLCAPS | TQC_TF_DIGIT | TQC_TF_PERIOD)) &&
                       (tqc_ctx_token_known(ctx, k + 1) || tqc_ctx_pos(ctx, k + 1));
    if (!joined_word && (!title_shaped(bs, bl) || !tqc_dict_known(ctx->dict, bs, bl)))
        return;
    tqc_span span = tqc_span_make(a->span.start, b->span.end);
    char fixed[2 * MS_MAX_WORD + 4];
    if (al + bl + 3 > sizeof fixed)
        return;
    memcpy(fixed, as, al);
    fixed[al] = mark;
    fixed[al + 1] = ' ';
    memcpy(fixed + al + 2, bs, bl);
    size_t fl = al + bl + 2;
    bool safe = a->kind == TQC_TOK_WORD && tqc_dict_known(ctx->dict, as, al) &&
                (tqc_split_is_function_word(ctx->lang, bs, bl) ||
                 tqc_dict_freq(ctx->dict, bs, bl) > 0);
    tqc_finding *f = TQC_EMIT(ctx, span, "no space after '%c' between '%.*s' and '%.*s'", mark,
                              (int)al, as, (int)bl, bs);
    tqc_finding_suggest(ctx->out, f, fixed, fl);
    tqc_finding_fix(ctx->out, f, span, fixed, fl, safe);
}

static void run(const tqc_ctx *ctx)
{
    ms_run r = {ctx, NULL, false};
    const tqc_doc *doc = ctx->doc;
    for (size_t k = 0; k < doc->token_count; k++) {
        check_word(&r, k);
        if (k > 0 && k + 1 < doc->token_count)
            check_sentence_join(ctx, k);
    }
    tqc_strmap_free(r.counts);
}

const tqc_pass tqc_pass_missing_space = {
    .id = "missing-space",
    .severity = TQC_SEV_ERROR,
    .severities = TQC_SEV_BIT(TQC_SEV_ERROR) | TQC_SEV_BIT(TQC_SEV_WARNING) |
                  TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "words run together without a space (`talksended`, `report.The`)",
    .good = "The talks ended while the delegates met in Berlin on Monday.",
    .bad = "The talksended while the delegates met in Berlin on Monday.",
    .details = "Two words run together, as happens when a scraper drops the space where a link or "
               "tag ended (`meetingwhere`, `report.The`). The split is ranked by word frequencies;"
               " the message says what evidence it rests on. A split of two function words or "
               "known words is an error with a safe fix; a weaker one is a warning that needs a "
               "human.",
    .run = run,
    .needs_dict = true,
};
