/* fragment: a verbless piece split off the sentence before it and left standing as a
 * sentence of its own (`... linked to the space program. North Korean.`). English has
 * legitimate short sentences (`He declined.`, `Not yet.`, `Thank you.`), so a sentence is
 * reported only when everything points to a broken clause:
 *  - it follows, in the same paragraph, a complete sentence (six words or more) that ends
 *    with a full stop after a dictionary word, so no abbreviation was cut;
 *  - it ends with a full stop and holds words only: no number, comma, quote or bracket;
 *  - it is outside any quotation, where speech fragments (`No roof. Nothing.`) are normal;
 *  - none of its words is in `clause-words` (pronouns, replies, negation, interjections)
 *    or `auxiliaries`, which make a short sentence complete;
 *  - it does not end on an abbreviation (`Cf.`, `Pp.`), which the segmenter may cut at;
 *  - and it has one of two shapes: (A) at most four words, every one capitalised: a name
 *    or proper adjective that lost its noun (`North Korean.`), or, at the paragraph's end
 *    only, a capitalised common word (`Automotive.`; inside a paragraph such one-word
 *    sentences are a narrator's style: `Locked.`); or (B) at most eight words
 *    opening with a preposition (`prepositions`), the rest names and function words, so
 *    there is no room for a verb (`According to the Commission.`). In a language that
 *    capitalises its nouns (profile `capitalised-nouns = yes`: German) shape A says
 *    nothing and is not used. */
#include "pass.h"

#include <string.h>

#include "text.h"

#define FRAG_MAX_WORD 128
/* Shape A: names that lost their noun are one to four words long. */
#define FRAG_MAX_NAME_WORDS 4
/* Shape B: a prepositional phrase with a name (`Of the Clinical Research Unit of X.`). */
#define FRAG_MAX_PHRASE_WORDS 8
/* Shorter last words (`Af.`, `Co.`) are more likely abbreviations than cut-off names. */
#define FRAG_MIN_LAST_BYTES 3
/* A capitalised word ending the sentence before counts as a noun from this length
 * (shorter ones are abbreviations: `Dr.`, `Co.`, `Nr.`). */
#define FRAG_MIN_NOUN_BYTES 4
/* The sentence before must be long enough to have been a full clause. */
#define FRAG_MIN_PREV_WORDS 6

static const char *tok_text(const tqc_doc *doc, const tqc_token *t)
{
    return tqc_doc_at(doc, t->span);
}

static bool tok_in(const tqc_ctx *ctx, const char *list, const tqc_token *t)
{
    char buf[FRAG_MAX_WORD];
    size_t n = tqc_text_case(tok_text(ctx->doc, t), tqc_span_len(t->span), TQC_CASE_LOWER,
                             buf, sizeof buf);
    return n && tqc_lang_in(ctx->lang, list, buf, n);
}

static bool is_full_stop(const tqc_doc *doc, const tqc_token *t)
{
    return t->kind == TQC_TOK_PUNCT && tqc_span_len(t->span) == 1 && tok_text(doc, t)[0] == '.';
}

static int32_t first_cp(const tqc_doc *doc, const tqc_token *t)
{
    int32_t cp;
    tqc_text_decode(tok_text(doc, t), tqc_span_len(t->span), &cp);
    return cp;
}

static bool is_closer(const tqc_doc *doc, const tqc_token *t)
{
    int32_t cp = first_cp(doc, t);
    return cp == '"' || cp == ')' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

/* Whether the language capitalises every noun (profile `capitalised-nouns = yes`). */
static bool capitalised_nouns(const tqc_ctx *ctx)
{
    return strcmp(tqc_lang_setting(ctx->lang, "capitalised-nouns", "no"), "yes") == 0;
}

/* Whether the sentence before (index s) is a complete one ending in a real full stop. */
static bool complete_sentence_before(const tqc_ctx *ctx, size_t s)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_sentence *prev = &doc->sentences[s];
    if (prev->tok_count < 2)
        return false;
    size_t last = prev->tok_first + prev->tok_count - 1, words = 0;
    /* A quotation or bracket may close after the stop: `than we expected.”` */
    while (last > prev->tok_first + 1 && doc->tokens[last].kind == TQC_TOK_PUNCT &&
           !(doc->tokens[last].flags & TQC_TF_SPACE_BEFORE) && is_closer(doc, &doc->tokens[last]))
        last--;
    const tqc_token *w = &doc->tokens[last - 1];
    if (!is_full_stop(doc, &doc->tokens[last]) || w->kind != TQC_TOK_WORD ||
        (doc->tokens[last].flags & TQC_TF_SPACE_BEFORE) || (w->flags & TQC_TF_PERIOD))
        return false;
    for (size_t k = prev->tok_first; k < last; k++)
        words += doc->tokens[k].kind == TQC_TOK_WORD;
    if (words < FRAG_MIN_PREV_WORDS)
        return false;
    /* The word before the stop must be a dictionary word in lower case and not an
     * abbreviation (Gen., Corp.), or the stop may not end the sentence at all. */
    char lower[FRAG_MAX_WORD];
    size_t n = tqc_text_case(tok_text(doc, w), tqc_span_len(w->span), TQC_CASE_LOWER, lower,
                             sizeof lower);
    /* German sentences end on capitalised nouns (`der Standorte.`): a noun the dictionary
     * knows as written is no abbreviation either. */
    bool word = (w->flags & TQC_TF_LOWER) ? tqc_dict_known(ctx->dict, lower, n)
                : capitalised_nouns(ctx) && n >= FRAG_MIN_NOUN_BYTES && (w->flags & TQC_TF_CAP) &&
                      !(w->flags & TQC_TF_ALLCAPS) &&
                      tqc_dict_known(ctx->dict, tok_text(doc, w), tqc_span_len(w->span));
    return n > 1 && word && !tqc_lang_in(ctx->lang, "abbreviations", tok_text(doc, w),
                                         tqc_span_len(w->span)) &&
           !tqc_lang_in(ctx->lang, "abbreviations", lower, n) &&
           !tqc_lang_in(ctx->lang, "abbreviations-lower", lower, n);
}

/* Whether token k of paragraph tokens [first, k) lies inside a quotation. Straight
 * double quotes toggle; typographic ones open and close. */
static bool inside_quotation(const tqc_doc *doc, size_t first, size_t k)
{
    int depth = 0;
    bool straight = false;
    for (size_t j = first; j < k; j++) {
        const tqc_token *t = &doc->tokens[j];
        if (t->kind != TQC_TOK_PUNCT)
            continue;
        int32_t cp = first_cp(doc, t);
        if (cp == '"')
            straight = !straight;
        else if (cp == 0x201C && depth > 0)
            depth--; /* “ closes German „…“ */
        else if (cp == 0x201C || cp == 0xAB || cp == 0x201E)
            depth++;
        else if ((cp == 0x201D || cp == 0xBB) && depth > 0)
            depth--;
    }
    return straight || depth > 0;
}

/* Whether t is an elided article or preposition and a capitalised word (French and
 * Italian `l’Insee`, `dell’Unione`): capitalised for the shapes below. The elided part
 * must be in the profile list `elisions`. */
static bool elided_capital(const tqc_ctx *ctx, const tqc_token *t)
{
    if (!(t->flags & TQC_TF_APOS))
        return false;
    const char *s = tok_text(ctx->doc, t);
    size_t len = tqc_span_len(t->span);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        if (tqc_text_is_apostrophe(cp)) {
            char buf[FRAG_MAX_WORD];
            size_t bl = tqc_text_case(s, i, TQC_CASE_LOWER, buf, sizeof buf);
            int32_t next;
            return bl && i + n < len && tqc_lang_in(ctx->lang, "elisions", buf, bl) &&
                   tqc_text_decode(s + i + n, len - i - n, &next) && tqc_text_is_upper(next);
        }
        i += n;
    }
    return false;
}

/* Whether the dictionary knows the word in lower case: a common word, not a name. */
static bool common_word(const tqc_ctx *ctx, const tqc_token *t)
{
    char buf[FRAG_MAX_WORD];
    size_t n = tqc_text_case(tok_text(ctx->doc, t), tqc_span_len(t->span), TQC_CASE_LOWER,
                             buf, sizeof buf);
    return n && tqc_dict_known(ctx->dict, buf, n);
}

/* Whether token t, followed by a full stop, is an abbreviation (`Cf.`, `Pp.`, `Mr.`). */
static bool abbreviation(const tqc_ctx *ctx, const tqc_token *t)
{
    return tqc_lang_in(ctx->lang, "abbreviations", tok_text(ctx->doc, t), tqc_span_len(t->span)) ||
           tok_in(ctx, "abbreviations", t) || tok_in(ctx, "abbreviations-lower", t);
}

static void check_sentence(const tqc_ctx *ctx, size_t s, size_t para_first_tok, bool para_last)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_sentence *sent = &doc->sentences[s];
    if (sent->tok_count < 2)
        return;
    size_t first = sent->tok_first, last = first + sent->tok_count - 1;
    if (!is_full_stop(doc, &doc->tokens[last]))
        return;
    size_t words = 0, capitalised = 0, names_after_first = 0;
    bool phrase = true;   /* after the first word: only names and function words */
    bool common = true;   /* every word known in lower case: no name among them */
    for (size_t k = first; k < last; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (t->kind != TQC_TOK_WORD || tok_in(ctx, "clause-words", t) ||
            tok_in(ctx, "auxiliaries", t))
            return;
        words++;
        bool cap = (t->flags & TQC_TF_CAP) != 0 || elided_capital(ctx, t);
        capitalised += cap;
        common = common && common_word(ctx, t);
        if (k > first) {
            names_after_first += cap;
            if (!cap && !tok_in(ctx, "function-words", t))
                phrase = false;
        }
    }
    if (words == 0 || abbreviation(ctx, &doc->tokens[last - 1]) ||
        tqc_span_len(doc->tokens[last - 1].span) < FRAG_MIN_LAST_BYTES)
        return;
    const tqc_token *opener = &doc->tokens[first];
    /* Capitalised common words alone (`Locked.`, `Mines.`) are a narrator's style inside a
     * paragraph; a piece cut off a sentence is left at the paragraph's end (`Automotive.`).
     * A name (`Faleolo.`, `North Korean.`) is never a sentence by itself. In a language
     * that capitalises its nouns (German) capitals are no sign of a name: `Ein Erfolg.` */
    bool name_shape = !capitalised_nouns(ctx) && words <= FRAG_MAX_NAME_WORDS &&
                      capitalised == words && (!common || para_last);
    bool phrase_shape = words <= FRAG_MAX_PHRASE_WORDS && phrase && names_after_first > 0 &&
                        (opener->flags & TQC_TF_CAP) && tok_in(ctx, "prepositions", opener);
    if (!name_shape && !phrase_shape)
        return;
    if (!complete_sentence_before(ctx, s - 1) || inside_quotation(doc, para_first_tok, first))
        return;
    int len = (int)tqc_span_len(sent->span);
    const char *text = tqc_doc_at(doc, sent->span);
    if (name_shape)
        TQC_EMIT(ctx, sent->span, "'%.*s' stands as a sentence but is only capitalised "
                 "words with no verb, right after a complete sentence: probably a piece of "
                 "that sentence split off by the translation", len, text);
    else
        TQC_EMIT(ctx, sent->span, "'%.*s' stands as a sentence but is a prepositional "
                 "phrase with no verb, right after a complete sentence: probably split off "
                 "the sentence before it", len, text);
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    for (size_t p = 0; p < doc->paragraph_count; p++) {
        const tqc_paragraph *para = &doc->paragraphs[p];
        if (para->sent_count < 2)
            continue;
        size_t para_first_tok = doc->sentences[para->sent_first].tok_first;
        for (size_t s = para->sent_first + 1; s < para->sent_first + para->sent_count; s++)
            check_sentence(ctx, s, para_first_tok, s + 1 == para->sent_first + para->sent_count);
    }
}

const tqc_pass tqc_pass_fragment = {
    .id = "fragment",
    .severity = TQC_SEV_WARNING,
    .summary = "a verbless piece split off the sentence before it",
    .good = "The minister was asked whether the talks had failed. He declined. "
            "Asked again on Friday, she said only this. Not yet.",
    .bad = "The engineers were linked to the national space program. North Korean.",
    .details = "A verbless piece split off the sentence before it (`space program. North "
               "Korean.`), as when a translation engine or a scraper breaks a sentence at the "
               "wrong full stop.",
    .run = run,
    .needs_dict = true,
};
