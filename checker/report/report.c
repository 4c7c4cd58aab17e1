#include "report/report.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/text.h"

static const struct {
    const char *name;
    void (*init)(tqc_reporter *r);
} formats[] = {
    {"text", tqc_report_text_init},
    {"jsonl", tqc_report_jsonl_init},
    {"sarif", tqc_report_sarif_init},
    {"github", tqc_report_github_init},
    {"junit", tqc_report_junit_init},
    {"checkstyle", tqc_report_checkstyle_init},
    {"rdjsonl", tqc_report_rdjsonl_init},
};

const char *const tqc_report_formats[] = {"text", "jsonl", "sarif", "github", "junit",
                                          "checkstyle", "rdjsonl", NULL};

bool tqc_reporter_init(tqc_reporter *r, const char *format, FILE *out, bool color)
{
    memset(r, 0, sizeof *r);
    r->out = out;
    r->color = color;
    r->fail_on = TQC_SEV_WARNING;
    /* Without a working directory every path is printed as given. */
    if (!getcwd(r->cwd, sizeof r->cwd))
        r->cwd[0] = '\0';
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(format, formats[i].name) == 0) {
            formats[i].init(r);
            return true;
        }
    return false;
}

/* Moves off back to the start of a code point, not below lo. */
static size_t char_start(const char *t, size_t lo, size_t off)
{
    while (off > lo && ((unsigned char)t[off] & 0xC0) == 0x80)
        off--;
    return off;
}

tqc_span tqc_report_sentence_span(const tqc_doc *doc, const tqc_finding *f)
{
    size_t s = tqc_doc_sentence_at(doc, f->span.start);
    tqc_span span = s == SIZE_MAX ? tqc_doc_line_span(doc, f->span.start) : doc->sentences[s].span;
    if (f->span.start < span.start)
        span.start = f->span.start;
    if (f->span.end > span.end)
        span.end = f->span.end;
    /* A "sentence" of megabytes (a file without punctuation) is clipped around the span. */
    if (span.start + TQC_SENTENCE_MAX < f->span.start)
        span.start = char_start(doc->text, 0, f->span.start - TQC_SENTENCE_MAX / 2);
    if (f->span.end + TQC_SENTENCE_MAX < span.end)
        span.end = char_start(doc->text, f->span.end, f->span.end + TQC_SENTENCE_MAX / 2);
    return span;
}


const char *tqc_report_path(const tqc_reporter *r, const char *name)
{
    size_t n = strlen(r->cwd);
    if (n && strncmp(name, r->cwd, n) == 0) {
        if (n == 1 && r->cwd[0] == '/')
            name += 1;
        else if (name[n] == '/')
            name += n + 1;
    }
    while (name[0] == '.' && name[1] == '/' && name[2])
        for (name += 2; *name == '/';)
            name++;
    return name;
}


bool tqc_report_new_file(tqc_reporter *r, tqc_report_files *t, const tqc_doc *doc)
{
    size_t begin = tqc_doc_file_offset(doc, 0);
    size_t end = tqc_doc_file_span(doc, tqc_span_make(0, doc->len)).end;
    if (t->name && strcmp(t->name, doc->name) == 0 && begin >= t->end) {
        t->end = end;
        return false;
    }
    free(t->name);
    size_t n = strlen(doc->name) + 1;
    t->name = tqc_malloc(n);
    if (t->name)
        memcpy(t->name, doc->name, n);
    else
        r->failed = true;
    t->end = end;
    return true;
}

void tqc_report_files_free(tqc_report_files *t)
{
    free(t->name);
    t->name = NULL;
    t->end = 0;
}

void tqc_report_json_line(tqc_reporter *r, json_t *o)
{
    if (!o) {
        r->failed = true;
        return;
    }
    /* A write error shows in ferror(r->out), which the caller checks. */
    if (!tqc_json_write_line(r->out, o) && !ferror(r->out))
        r->failed = true;
}
