/* libFuzzer target for pathological sizes (issue 18): the other targets' inputs stay
 * under a few kilobytes, where a quadratic step costs nothing. Here the input is a
 * recipe, not the text: byte 0 picks a shape, bytes 1-2 a repeat count, the rest a unit
 * that is repeated up to FUZZ_LARGE_BYTES. Shapes: one long line of text, one JSONL
 * record holding it, one HTML element carrying the unit as attributes, the unit between
 * inline tags, and suppression directive pairs around it. Each is read and checked as
 * tqc check does (suppressions, positions of every finding), so a step that is not
 * linear shows as a libFuzzer timeout (-timeout). */
#include <stdlib.h>

#include "run/checker.h"
#include "fuzz_common.h"
#include "run/suppress.h"

/* Large enough that n log n and n^2 differ by minutes, small enough for ASan. */
#define FUZZ_LARGE_BYTES ((size_t)2 << 20)

static tqc_checker *checker(void)
{
    static tqc_checker *ck;
    if (!ck) {
        char err[512];
        tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = "en"};
        if (tqc_checker_new(&opts, &ck, err, sizeof err) != TQC_OK) {
            fprintf(stderr, "fuzz_large: %s\n", err);
            abort();
        }
    }
    return ck;
}

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = realloc(b->p, cap);
        if (!p)
            abort();
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

/* The unit with what would end the shape's syntax taken out. */
static void unit_of(const uint8_t *data, size_t size, const char *drop, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < size && n + 1 < cap; i++)
        if (data[i] && !strchr(drop, data[i]))
            out[n++] = (char)data[i];
    if (n == 0)
        out[n++] = 'a';
    out[n] = '\0';
}

static void check_all(const char *text, size_t len, tqc_input_format format)
{
    FILE *f = fmemopen((void *)text, len, "rb");
    if (!f)
        return;
    tqc_input_options opts = {.format = format, .lang = "en", .name = "large"};
    tqc_input *in;
    char err[512];
    tqc_suppress *sup = tqc_suppress_new();
    if (sup && tqc_suppress_scan(sup, text, len, (tqc_suppress_pos){0, 1, 0},
                                 format != TQC_INPUT_TEXT) == TQC_OK &&
        tqc_input_open_stream(f, &opts, &in, err, sizeof err) == TQC_OK) {
        tqc_doc *doc;
        while (tqc_input_next(in, &doc, err, sizeof err) == TQC_OK && doc) {
            tqc_findings out;
            tqc_findings_init(&out, doc);
            if (tqc_check_doc(checker(), doc, &out) == TQC_OK)
                tqc_suppress_apply(sup, &out);
            for (size_t i = 0; i < out.count; i++) {
                size_t line, col, bcol;
                tqc_doc_locate_end(doc, out.items[i].span, &line, &col, &bcol);
            }
            tqc_findings_release(&out);
            tqc_doc_free(doc);
        }
        tqc_input_close(in);
    }
    tqc_suppress_free(sup);
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    unsigned shape = data[0] % 5;
    size_t reps = ((size_t)data[1] << 8 | data[2]) * 64 + 1;
    char unit[256];
    unit_of(data + 3, size - 3, shape == 0 ? "" : "\"\\<>&\n\r", unit, sizeof unit);
    size_t ulen = strlen(unit);
    if (reps * (ulen + 16) > FUZZ_LARGE_BYTES)
        reps = FUZZ_LARGE_BYTES / (ulen + 16);
    buf b = {0};
    tqc_input_format format = TQC_INPUT_TEXT;
    switch (shape) {
    case 0:     /* one long line */
        for (size_t i = 0; i < reps; i++)
            put(&b, unit, ulen);
        break;
    case 1:     /* one JSONL record holding it */
        puts_(&b, "{\"id\":\"1\",\"text\":\"");
        for (size_t i = 0; i < reps; i++)
            put(&b, unit, ulen);
        puts_(&b, "\"}\n");
        format = TQC_INPUT_JSONL;
        break;
    case 2:     /* one element with many attributes */
        puts_(&b, "<html><body><p");
        for (size_t i = 0; i < reps; i++) {
            char attr[32];
            snprintf(attr, sizeof attr, " a%zu=\"", i);
            puts_(&b, attr);
            put(&b, unit, ulen < 16 ? ulen : 16);
            puts_(&b, "\"");
        }
        puts_(&b, ">text</p></body></html>\n");
        format = TQC_INPUT_HTML;
        break;
    case 3:     /* the unit between inline tags */
        puts_(&b, "<html><body><p>");
        for (size_t i = 0; i < reps; i++) {
            puts_(&b, i % 2 ? "<i>" : "<b>");
            put(&b, unit, ulen);
            puts_(&b, i % 2 ? "</i> " : "</b> ");
        }
        puts_(&b, "</p></body></html>\n");
        format = TQC_INPUT_HTML;
        break;
    default:    /* suppression pairs */
        for (size_t i = 0; i < reps; i++) {
            puts_(&b, "<!-- tqc-disable spelling -->\n");
            put(&b, unit, ulen);
            puts_(&b, "\n<!-- tqc-enable spelling -->\n");
        }
        break;
    }
    if (b.p)
        check_all(b.p, b.len, format);
    free(b.p);
    return 0;
}
