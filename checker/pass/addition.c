/* addition: content in the translation that is not in the source.
 * Bilingual (doc->source): a target far longer than its source for the language pair
 * (lang/bitext.h), or with more sentences and noticeably longer.
 * Monolingual: a phrase of two to four words said twice in a row (`in the capital in
 * the capital`), as machine translation does when it loops; single words are the
 * repeated-word pass's, and a word repeated across a conjunction is reduplication
 * (`shorter and shorter and`). */
#include "pass/pass.h"

#include "lang/bitext.h"
#include "core/text.h"

/* A source needs this much text (letters and digits) to be compared. */
#define AD_MIN_SOURCE 30
/* Far longer: over this multiple of the expected length, by at least AD_MIN_EXTRA. */
#define AD_LONG 2.0
#define AD_MIN_EXTRA 20
/* More sentences count with a target over this multiple of the expected length. */
#define AD_MORE 1.4
/* Longest phrase looked for twice in a row, in words. */
#define AD_MAX_PHRASE 4
/* Longest word compared with a list, in bytes. */
#define AD_MAX_WORD 64

static void bilingual(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc, *src = doc->source;
    tqc_bitext_lengths n;
    if (!tqc_bitext_compare(doc, ctx->lang, ctx->source_lang, AD_MIN_SOURCE, &n))
        return;
    if ((double)n.target > AD_LONG * n.expected && (double)n.target - n.expected >= AD_MIN_EXTRA)
        TQC_EMIT(ctx, tqc_doc_sentences_span(doc), "the translation is far longer than its "
                 "source (%zu letters for %zu, about %.0f expected): something was added",
                 n.target, n.source, n.expected);
    else if (doc->sentence_count > src->sentence_count + 1 && (double)n.target > AD_MORE * n.expected)
        TQC_EMIT(ctx, tqc_doc_sentences_span(doc), "the translation has %zu sentences for the source's %zu "
                 "and is longer: something was added", doc->sentence_count,
                 src->sentence_count);
}

static bool same_word(const tqc_doc *doc, const tqc_token *a, const tqc_token *b)
{
    return a->kind == TQC_TOK_WORD && b->kind == TQC_TOK_WORD &&
           tqc_text_equal_fold(tqc_doc_at(doc, a->span), tqc_span_len(a->span),
                               tqc_doc_at(doc, b->span), tqc_span_len(b->span));
}

/* The n words at a are the n words at b. */
static bool same_phrase(const tqc_doc *doc, const tqc_token *a, const tqc_token *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!same_word(doc, &a[i], &b[i]))
            return false;
    return true;
}

/* Whether the two words at t, said again after them, are a word and a coordinating
 * conjunction of the profile's `coordinators` (`shorter and shorter and`, `and look and
 * look`): reduplication, which says repetition or growth on purpose in every language. */
static bool reduplication(const tqc_ctx *ctx, const tqc_token *t)
{
    for (size_t i = 0; i < 2; i++) {
        char buf[AD_MAX_WORD];
        size_t n = tqc_text_case(tqc_doc_at(ctx->doc, t[i].span), tqc_span_len(t[i].span),
                                 TQC_CASE_LOWER, buf, sizeof buf);
        if (n && tqc_lang_in(ctx->lang, "coordinators", buf, n))
            return true;
    }
    return false;
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    if (doc->source)
        bilingual(ctx);
    for (size_t k = 0; k < doc->token_count; k++) {
        /* The shortest phrase first: a loop's period, not a multiple of it. */
        for (size_t n = 2; n <= AD_MAX_PHRASE; n++) {
            if (k + 2 * n > doc->token_count)
                continue;
            const tqc_token *t = &doc->tokens[k];
            if (doc->tokens[k + 2 * n - 1].sentence != t->sentence ||
                !same_phrase(doc, t, t + n, n) || (n == 2 && reduplication(ctx, t)))
                continue;
            /* A loop said many times over is one defect, with one fix, not one finding a
             * pair: a scraped page that repeats a phrase 100,000 times stays readable. */
            size_t times = 2;
            while (k + (times + 1) * n <= doc->token_count &&
                   doc->tokens[k + (times + 1) * n - 1].sentence == t->sentence &&
                   same_phrase(doc, t, t + times * n, n))
                times++;
            tqc_span first = tqc_span_make(t[0].span.start, t[n - 1].span.end);
            tqc_span span = tqc_span_make(t[0].span.start, t[times * n - 1].span.end);
            tqc_finding *f = times == 2
                ? TQC_EMIT(ctx, span, "phrase repeated: '%.*s'", (int)tqc_span_len(first),
                           tqc_doc_at(doc, first))
                : TQC_EMIT(ctx, span, "phrase said %zu times in a row: '%.*s'", times,
                           (int)tqc_span_len(first), tqc_doc_at(doc, first));
            tqc_finding_suggest(ctx->out, f, tqc_doc_at(doc, first), tqc_span_len(first));
            tqc_finding_fix(ctx->out, f, span, tqc_doc_at(doc, first), tqc_span_len(first),
                            false);
            k += times * n - 1;
            break;
        }
    }
}

const tqc_pass tqc_pass_addition = {
    .id = "addition",
    .severity = TQC_SEV_WARNING,
    .summary = "content not in the source: a translation far longer than its source, or a "
               "phrase said twice in a row",
    .good = "The talks will resume in the capital on Monday.",
    .bad = "The talks will resume in the capital in the capital on Monday.",
    .details = "Content that is not in the source: a translation far longer than its source, or a "
               "phrase said twice in a row (`in the capital in the capital`).",
    .run = run,
};
