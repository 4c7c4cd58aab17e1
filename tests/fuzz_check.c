/* libFuzzer target: the segmenter and every pass on arbitrary bytes, as plain text and as
 * a bilingual unit whose source is the other half of the bytes. The English checker is
 * made once from the source tree's rules and dictionaries. */
#include <stdlib.h>

#include "run/checker.h"
#include "fuzz_common.h"

static tqc_checker *checker(void)
{
    static tqc_checker *ck;
    if (!ck) {
        char err[512];
        tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = "en"};
        if (tqc_checker_new(&opts, &ck, err, sizeof err) != TQC_OK) {
            fprintf(stderr, "fuzz_check: %s\n", err);
            abort();
        }
    }
    return ck;
}

static void check(tqc_doc *doc)
{
    tqc_findings out;
    tqc_findings_init(&out, doc);
    if (tqc_check_doc(checker(), doc, &out) == TQC_OK)
        for (size_t i = 0; i < out.count; i++) {
            const tqc_finding *f = &out.items[i];
            if (f->span.start > f->span.end || f->span.end > doc->len ||
                (f->has_fix && f->fix.span.end > doc->len))
                __builtin_trap();
            size_t line, col;
            tqc_doc_locate(doc, f->span.start, &line, &col);
        }
    tqc_findings_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tqc_doc *doc = tqc_doc_new("fuzz.txt", (const char *)data, size, "en");
    if (!doc)
        return 0;
    check(doc);
    tqc_doc_free(doc);
    /* The same bytes as a bilingual unit: target and source halves. */
    size_t half = size / 2;
    doc = tqc_doc_new("fuzz.txt", (const char *)data, half, "en");
    if (doc && (doc->source = tqc_doc_new("fuzz.txt", (const char *)data + half, size - half,
                                          "fr")) != NULL)
        check(doc);
    tqc_doc_free(doc);
    return 0;
}
