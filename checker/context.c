/* context: what several passes ask about a document in the same way (pass.h). */
#include "pass.h"

#include "text.h"

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
