/* libFuzzer target: parallel plain text (--source) on arbitrary bytes: the bytes up to
 * the first 0x01 are the target file, the rest its source (both written to temporary
 * files, which the reader needs), read to the end; every pair is touched as reporters
 * touch docs (see fuzz_common.h). */
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_common.h"

/* Rewrites the file at path with n bytes. */
static int put(const char *path, const uint8_t *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(data, 1, n, f);
    return fclose(f) == 0 && w == n ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char target[] = "/tmp/tqc-fuzz-target-XXXXXX", source[] = "/tmp/tqc-fuzz-source-XXXXXX";
    static int made;
    if (!made) {
        int a = mkstemp(target), b = mkstemp(source);
        if (a < 0 || b < 0)
            abort();
        close(a);
        close(b);
        made = 1;
    }
    const uint8_t *cut = memchr(data, 0x01, size);
    size_t nt = cut ? (size_t)(cut - data) : size / 2;
    size_t skip = cut ? 1 : 0;
    if (put(target, data, nt) != 0 || put(source, data + nt + skip, size - nt - skip) != 0)
        return 0;
    tqc_input_options opts = {.lang = "en", .source = source, .source_lang = "fr"};
    tqc_input *in;
    char err[512];
    if (tqc_input_open(target, &opts, &in, err, sizeof err) == TQC_OK) {
        (void)tqc_input_note(in);
        tqc_doc *doc;
        while (tqc_input_next(in, &doc, err, sizeof err) == TQC_OK && doc) {
            fuzz_touch_doc(doc);
            if (doc->source)
                fuzz_touch_doc(doc->source);
            tqc_doc_free(doc);
        }
        tqc_input_close(in);
    }
    return 0;
}
