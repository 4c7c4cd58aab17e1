/* omission: content of the source missing from the translation.
 * Bilingual (doc->source): a target far shorter than its source for the language pair
 * (lang/bitext.h: letters and digits, scaled by the profiles' `length-factor`), or with
 * fewer sentences and noticeably shorter.
 * Monolingual: a sentence that ends on an article (the profile's `articles` list:
 * `... talks with the.`; a word of its own in lower case, not a label `picture A.`),
 * where the translation or the scraper dropped its last words;
 * a hint (info) when the lexicon also makes the article a pronoun or a numeral, which
 * may end a sentence (`um por um.`).
 * Short segments are left alone: their lengths vary too much to mean anything. */
#include "pass/pass.h"

#include "lang/bitext.h"
#include "lang/lex.h"
#include "core/text.h"

/* A source needs this much text (letters and digits) to be compared. */
#define OM_MIN_SOURCE 30
/* Far shorter: under this share of the expected length. */
#define OM_SHORT 0.5
/* Fewer sentences count with a target under this share of the expected length. */
#define OM_FEWER 0.8

static void bilingual(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc, *src = doc->source;
    tqc_bitext_lengths n;
    if (!tqc_bitext_compare(doc, ctx->lang, ctx->source_lang, OM_MIN_SOURCE, &n))
        return;
    if ((double)n.target < OM_SHORT * n.expected)
        TQC_EMIT(ctx, tqc_doc_sentences_span(doc), "the translation is far shorter than its "
                 "source (%zu letters for %zu, about %.0f expected): something was left out",
                 n.target, n.source, n.expected);
    else if (doc->sentence_count < src->sentence_count && (double)n.target < OM_FEWER * n.expected)
        TQC_EMIT(ctx, tqc_doc_sentences_span(doc), "the source has %zu sentences, the translation %zu and "
                 "is shorter: a sentence was left out", src->sentence_count,
                 doc->sentence_count);
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    if (doc->source)
        bilingual(ctx);
    for (size_t si = 0; si < doc->sentence_count; si++) {
        const tqc_sentence *s = &doc->sentences[si];
        if (s->tok_count < 3)
            continue;
        const tqc_token *last = &doc->tokens[s->tok_first + s->tok_count - 1];
        const tqc_token *word = last - 1;
        if (last->kind != TQC_TOK_PUNCT || tqc_span_len(last->span) != 1 ||
            doc->text[last->span.start] != '.' || word->kind != TQC_TOK_WORD)
            continue;
        /* An article is a word of its own, in lower case inside its sentence: a capital
         * letter there is a label (`picture A.`, `sectors: A.`), and a letter glued to the
         * token before is part of a code (`Class 1-a.`). */
        if (!(word->flags & TQC_TF_SENT_START) &&
            ((word->flags & TQC_TF_CAP) || !(word->flags & TQC_TF_SPACE_BEFORE)))
            continue;
        char lower[16];
        size_t n = tqc_text_case(tqc_doc_at(doc, word->span), tqc_span_len(word->span),
                                 TQC_CASE_LOWER, lower, sizeof lower);
        if (!n || !tqc_lang_in(ctx->lang, "articles", lower, n))
            continue;
        /* An article that is also a pronoun or a numeral may end a sentence (`um por um.`,
         * `il en a une.`): by the lexicon, only a hint. */
        bool alone = (tqc_ctx_pos_lower(ctx, (size_t)(word - doc->tokens)) &
                      (TQC_POS_PRON | TQC_POS_NUM)) != 0;
        tqc_emit(ctx->out, ctx->pass->id, alone ? TQC_SEV_INFO : ctx->pass->severity,
                 tqc_span_make(word->span.start, last->span.end),
                 alone ? "the sentence ends on '%.*s': its last words are missing, unless it "
                         "stands for a noun"
                       : "the sentence ends on '%.*s': its last words are missing",
                 (int)tqc_span_len(word->span), tqc_doc_at(doc, word->span));
    }
}

const tqc_pass tqc_pass_omission = {
    .id = "omission",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_WARNING) | TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "source content missing: a translation far shorter than its source, or a "
               "sentence cut off after an article",
    .good = "The minister said the talks would resume with the unions.",
    .bad = "The minister said the talks would resume with the.",
    .details = "Source content missing from the translation: a translation far shorter than its "
               "source, or a sentence cut off after an article (`with the.`).",
    .run = run,
};
