/* Shared by the libFuzzer targets (tests/fuzz_<name>.c, built by `make fuzz`): reads
 * arbitrary bytes with one input reader to the end, and exercises what reporters do
 * with each doc (locating every byte, the inline boundaries, the source doc). A crash,
 * a leak or undefined behaviour is a bug; an input error is a fine answer. */
#ifndef TQC_FUZZ_COMMON_H
#define TQC_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "read/input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void fuzz_touch_doc(const tqc_doc *doc)
{
    size_t line, col;
    for (size_t off = 0; off <= doc->len; off += 1 + off / 16) {
        tqc_doc_locate(doc, off, &line, &col);
        (void)tqc_doc_file_offset(doc, off);
        size_t n;
        (void)tqc_doc_inline_boundary_at(doc, off, &n);
        (void)tqc_doc_byte_column(doc, off);
        if (off < doc->len) {
            tqc_span s = tqc_span_make(off, doc->len);
            (void)tqc_doc_span_exact(doc, s);
            tqc_span fs = tqc_doc_file_span(doc, s);
            if (fs.start > fs.end)
                __builtin_trap();
            tqc_doc_locate_end(doc, s, &line, &col, &n);
        }
    }
    (void)tqc_doc_inline_within(doc, tqc_span_make(0, doc->len));
    for (size_t i = 0; i < doc->inline_count; i++)
        if (doc->inlines[i].offset > doc->len || !doc->inlines[i].tag)
            __builtin_trap();
    for (size_t i = 0; i < doc->problem_count; i++)
        if (!doc->problems[i] || !doc->problems[i][0])
            __builtin_trap();
}

static inline int fuzz_read(const uint8_t *data, size_t size, tqc_input_format format, const char *name)
{
    if (size == 0)
        return 0;
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return 0;
    /* Both ways of naming the language: pinned (--lang en) and the file's own (auto). */
    tqc_input_options opts = {.format = format, .lang = "en", .name = name,
                              .lang_from_file = data[size - 1] & 1};
    tqc_input *in;
    char err[512];
    if (tqc_input_open_stream(f, &opts, &in, err, sizeof err) == TQC_OK) {
        tqc_doc *doc;
        while (tqc_input_next(in, &doc, err, sizeof err) == TQC_OK && doc) {
            fuzz_touch_doc(doc);
            if (doc->source)
                fuzz_touch_doc(doc->source);
            tqc_doc_free(doc);
        }
        tqc_input_close(in);
    }
    fclose(f);
    return 0;
}

#endif
