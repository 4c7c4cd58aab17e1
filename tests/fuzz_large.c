/* libFuzzer target for pathological sizes (issue 18): the other targets' inputs stay
 * under a few kilobytes, where a quadratic step costs nothing. Here the input is a
 * recipe, not the text: byte 0 picks a shape, bytes 1-2 a repeat count, the rest a unit
 * that is repeated up to FUZZ_LARGE_BYTES. Shapes: one long line of text, one JSONL
 * record holding it, one HTML element carrying the unit as attributes, the unit between
 * inline tags, and suppression directive pairs around it. Each is read and checked as
 * tqc check does (suppressions, unused ones reported, positions of every finding), so
 * a step that is not linear shows as a libFuzzer timeout (-timeout). */
#include <stdlib.h>
#include <unistd.h>

#include "run/checker.h"
#include "fuzz_common.h"
#include "run/suppress.h"
#include "run/suppress_file.h"

/* Large enough that n log n and n^2 differ by minutes, small enough that a whole check
 * of every shape under ASan and UBSan stays a few seconds a unit (2 MiB took 15 s,
 * half of -timeout, once the text shapes were checked). */
#define FUZZ_LARGE_BYTES ((size_t)1 << 20)

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

/* What a reporter asks of each finding: its line and columns at both ends. */
static void locate_all(const tqc_doc *doc, const tqc_findings *found)
{
    for (size_t i = 0; i < found->count; i++) {
        size_t line, col, bcol;
        tqc_doc_locate_end(doc, found->items[i].span, &line, &col, &bcol);
        tqc_doc_locate(doc, found->items[i].span.start, &line, &col);
        (void)tqc_doc_byte_column(doc, found->items[i].span.start);
    }
}

static tqc_status deliver(void *ctx, tqc_doc **doc, tqc_findings *found)
{
    (void)ctx;
    locate_all(*doc, found);
    return TQC_OK;
}

/* Plain text as tqc check reads it, from a file (its chunk reader needs a path; a
 * stream is refused): the file's suppressions across its chunks, the unused directives
 * reported in the doc they are appended to (a finding's position there was once counted
 * from its chunk's start: quadratic). */
static void check_text(const char *text, size_t len)
{
    static tqc_settings *settings;
    static char path[64];
    if (!path[0]) {
        snprintf(path, sizeof path, "/tmp/tqc-fuzz-large-%ld.txt", (long)getpid());
        if (tqc_settings_resolve(NULL, path, NULL, &settings) != TQC_OK)
            abort();
    }
    FILE *w = fopen(path, "wb");
    if (!w)
        abort();
    if (fwrite(text, 1, len, w) != len || fclose(w) != 0)
        abort();
    tqc_input_options opts = {.format = TQC_INPUT_TEXT, .lang = "en"};
    tqc_input *in;
    char err[512];
    tqc_suppress_file *sf = tqc_suppress_file_new(path, settings, deliver, NULL);
    if (!sf || tqc_input_open(path, &opts, &in, err, sizeof err) != TQC_OK) {
        tqc_suppress_file_free(sf);
        remove(path);
        return;
    }
    tqc_doc *doc;
    tqc_status st = TQC_OK;
    while (st == TQC_OK && tqc_input_next(in, &doc, err, sizeof err) == TQC_OK && doc) {
        tqc_findings out;
        tqc_findings_init(&out, doc);
        st = tqc_check_doc(checker(), doc, &out);
        if (st == TQC_OK)
            st = tqc_suppress_file_doc(sf, &doc, &out);
        tqc_findings_release(&out);
        tqc_doc_free(doc);
    }
    if (st == TQC_OK)
        (void)tqc_suppress_file_end(sf, true);
    tqc_suppress_file_free(sf);
    tqc_input_close(in);
    remove(path);
}

static void check_all(const char *text, size_t len, tqc_input_format format)
{
    if (format == TQC_INPUT_TEXT) {
        check_text(text, len);
        return;
    }
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
            locate_all(doc, &out);
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
