/* repeated-word: the same word twice in a row (`the the`), across line breaks too.
 * Doubles that grammar allows (`had had`, `that that`) come from the profile's
 * `legitimate-doubles` list and are left alone. */
#include "pass.h"

#include "text.h"

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    for (size_t k = 1; k < doc->token_count; k++) {
        const tqc_token *a = &doc->tokens[k - 1], *b = &doc->tokens[k];
        if (a->kind != TQC_TOK_WORD || b->kind != TQC_TOK_WORD || a->sentence != b->sentence ||
            !(b->flags & TQC_TF_SPACE_BEFORE))
            continue;
        const char *sa = tqc_doc_at(doc, a->span), *sb = tqc_doc_at(doc, b->span);
        size_t la = tqc_span_len(a->span), lb = tqc_span_len(b->span);
        if (!tqc_text_equal_fold(sa, la, sb, lb))
            continue;
        char lower[256];
        size_t n = tqc_text_case(sa, la, TQC_CASE_LOWER, lower, sizeof lower);
        if (n && tqc_lang_in(ctx->lang, "legitimate-doubles", lower, n))
            continue;
        /* Remove the second word and the space before it. */
        tqc_span span = tqc_span_make(a->span.start, b->span.end);
        tqc_finding *f = TQC_EMIT(ctx, span, "word repeated: '%.*s'", (int)la, sa);
        tqc_finding_suggest(ctx->out, f, sa, la);
        tqc_finding_fix(ctx->out, f, span, sa, la, true);
    }
}

const tqc_pass tqc_pass_repeated_word = {
    .id = "repeated-word",
    .severity = TQC_SEV_ERROR,
    .summary = "the same word twice in a row",
    .good = "He said that that was what he had had in mind.",
    .bad = "The minister said the the talks would resume.",
    .details = "A word written twice in a row, across a line break too: the trace of an edit or a "
               "machine translation that stuttered. Pairs a language allows (`had had`, `that "
               "that`, listed in rules/<lang>/) are left alone. The safe fix drops the second "
               "word.",
    .run = run,
};
