/* untranslated: text left in the source language.
 * Bilingual (doc->source): a target identical to its source (three words or more:
 * shorter ones are names and titles kept on purpose); and a target sentence whose
 * ordinary words are mostly known to the source language's dictionary and not to the
 * target's (when the source language has no dictionary here, mostly unknown to the
 * target's is enough).
 * Monolingual: a sentence whose ordinary words are nearly all unknown to the
 * dictionary, as a quote or paragraph left in the original language is.
 * Ordinary words are the lower-case ones: capitalised words are names, which no
 * dictionary knows in either language. */
#include "pass.h"

#include <string.h>

#include "text.h"

/* A sentence needs this many ordinary words to be judged. */
#define UT_MIN_WORDS 4
/* Shares of them that make a sentence foreign: with a source dictionary to confirm
 * the language, and without one (any misspelt or rare words make less). */
#define UT_SOURCE_SHARE 0.5
#define UT_UNKNOWN_SHARE 0.75
/* A target identical to its source is reported from this many words. */
#define UT_IDENTICAL_WORDS 3

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

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc, *src = doc->source;
    if (src && word_count(doc) >= UT_IDENTICAL_WORDS && same_text(doc, src)) {
        size_t a = doc->sentence_count ? doc->sentences[0].span.start : 0;
        size_t b = doc->sentence_count ? doc->sentences[doc->sentence_count - 1].span.end : doc->len;
        TQC_EMIT(ctx, tqc_span_make(a, b), "the translation is the source text, untranslated");
        return;
    }
    if (!ctx->dict)
        return;
    tqc_dict *src_dict = src ? src->dict : NULL;
    for (size_t si = 0; si < doc->sentence_count; si++) {
        const tqc_sentence *s = &doc->sentences[si];
        size_t words = 0, unknown = 0, foreign = 0;
        for (size_t k = s->tok_first; k < s->tok_first + s->tok_count; k++) {
            const tqc_token *t = &doc->tokens[k];
            if (t->kind != TQC_TOK_WORD || !(t->flags & TQC_TF_LOWER) ||
                tqc_span_len(t->span) < 2)
                continue;
            words++;
            const char *w = tqc_doc_at(doc, t->span);
            size_t n = tqc_span_len(t->span);
            if (tqc_dict_known(ctx->dict, w, n))
                continue;
            unknown++;
            if (src_dict && tqc_dict_known(src_dict, w, n))
                foreign++;
        }
        if (words < UT_MIN_WORDS)
            continue;
        if (src_dict && foreign >= UT_MIN_WORDS - 1 && (double)foreign >= UT_SOURCE_SHARE * words)
            TQC_EMIT(ctx, s->span, "%zu of its %zu words are %s words unknown in %s: "
                     "left untranslated?", foreign, words, src->lang, doc->lang);
        else if (!src_dict && unknown >= UT_MIN_WORDS &&
                 (double)unknown >= UT_UNKNOWN_SHARE * words)
            TQC_EMIT(ctx, s->span, "%zu of its %zu words are not %s words: left untranslated?",
                     unknown, words, tqc_dict_name(ctx->dict));
    }
}

const tqc_pass tqc_pass_untranslated = {
    .id = "untranslated",
    .severity = TQC_SEV_WARNING,
    .summary = "text left in the source language: a target equal to its source, or a "
               "sentence of foreign words",
    .good = "The schools will remain closed until Monday, the ministry said.",
    .bad = "The ministry said so. As escolas vão permanecer fechadas até segunda-feira.",
    .run = run,
};
