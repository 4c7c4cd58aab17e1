/* xliff: a bilingual file's own integrity rules, as the OASIS XLIFF suite defines them:
 * a unit id used twice in one <file>, a <target> whose xml:lang differs from the file's
 * target language, a <target> without a <source> (and, in 2.x, a target in a file that
 * declares no trgLang). The reader finds them as it reads (doc->problems, read/xliff.c);
 * this pass reports each at the start of the unit's text. Plain text has none. */
#include "pass/pass.h"

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    for (size_t i = 0; i < doc->problem_count; i++)
        TQC_EMIT(ctx, tqc_span_make(0, 0), "%s", doc->problems[i]);
}

const tqc_pass tqc_pass_xliff = {
    .id = "xliff",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_WARNING),
    .summary = "XLIFF integrity: duplicate unit ids, a target language other than the "
               "file's, a target without a source",
    .good = "<?xml version=\"1.0\"?><xliff version=\"1.2\"><file source-language=\"fr\" "
            "target-language=\"en\"><body><trans-unit id=\"1\"><source>Bonjour.</source>"
            "<target>Hello.</target></trans-unit><trans-unit id=\"2\"><source>Merci."
            "</source><target>Thanks.</target></trans-unit></body></file></xliff>",
    .bad = "<?xml version=\"1.0\"?><xliff version=\"1.2\"><file source-language=\"fr\" "
           "target-language=\"en\"><body><trans-unit id=\"1\"><source>Bonjour.</source>"
           "<target>Hello.</target></trans-unit><trans-unit id=\"1\"><source>Merci."
           "</source><target>Thanks.</target></trans-unit></body></file></xliff>",
    .details = "The integrity rules of XLIFF as the OASIS test suite defines them: a unit id "
               "used twice in one `<file>`, a target `xml:lang` other than the file's target "
               "language (inherited down the tree as XLIFF 2 defines it), a `<target>` without "
               "a `<source>`, and a 2.x target in a file that declares no `trgLang`. Such a "
               "file confuses the tools that merge the translation back.",
    .run = run,
};
