/* rdjsonl: reviewdog's Diagnostic Format as JSON lines (`reviewdog -f=rdjsonl`), one
 * diagnostic a line. Positions follow reviewdog's rules, not tqc's: columns count UTF-8
 * bytes from 1 and ranges end exclusively. A finding with a fix carries it as a
 * reviewdog suggestion, which reviewdog posts as a one-click suggested change (where the
 * text is the file's bytes 1:1). Positions in a markup file are the file's. */
#include "report/report.h"

#include <string.h>

static void put_str(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    tqc_json_write_string(out, s, len);
    fputc('"', out);
}

static void put_cstr(FILE *out, const char *s) { put_str(out, s, strlen(s)); }

/* {"line":L,"column":C} of offset, the column in bytes from the line's start in the
 * file (core/doc.h: of a markup file, the file's line and bytes). */
static void put_position(FILE *out, const tqc_doc *doc, size_t offset)
{
    size_t line, col;
    tqc_doc_locate(doc, offset, &line, &col);
    fprintf(out, "{\"line\":%zu,\"column\":%zu}", line, tqc_doc_byte_column(doc, offset));
}

/* The end of a range: just past its last byte (before a tag that follows it). */
static void put_end(FILE *out, const tqc_doc *doc, tqc_span s)
{
    size_t line, col, byte_col;
    tqc_doc_locate_end(doc, s, &line, &col, &byte_col);
    fprintf(out, "{\"line\":%zu,\"column\":%zu}", line, byte_col);
}

static void put_range(FILE *out, const tqc_doc *doc, tqc_span s)
{
    fputs("{\"start\":", out);
    put_position(out, doc, s.start);
    fputs(",\"end\":", out);
    put_end(out, doc, s);
    fputc('}', out);
}

/* The message; a finding in a segment of a translation file or JSONL record names it
 * at the end ("... (segment t2)"): the format has no field of its own for it. */
static void put_message(FILE *out, const tqc_doc *doc, const tqc_finding *f)
{
    fputc('"', out);
    tqc_json_write_string(out, f->message, strlen(f->message));
    if (doc->segment) {
        fputs(" (segment ", out);
        tqc_json_write_string(out, doc->segment, strlen(doc->segment));
        fputc(')', out);
    }
    fputc('"', out);
}

static const char *severity(tqc_severity sev)
{
    return sev == TQC_SEV_ERROR ? "ERROR" : sev == TQC_SEV_WARNING ? "WARNING" : "INFO";
}

static void rdjsonl_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    FILE *o = r->out;
    fputs("{\"message\":", o);
    put_message(o, doc, f);
    fputs(",\"location\":{\"path\":", o);
    put_cstr(o, tqc_report_path(r, doc->name));
    fputs(",\"range\":", o);
    put_range(o, doc, f->span);
    fprintf(o, "},\"severity\":\"%s\",\"source\":{\"name\":\"tqc\"},\"code\":{\"value\":",
            severity(f->severity));
    put_cstr(o, f->rule);
    fputc('}', o);
    /* A suggestion edits the file: only where the text is its bytes 1:1. */
    if (f->has_fix && tqc_doc_span_exact(doc, f->fix.span)) {
        fputs(",\"suggestions\":[{\"range\":", o);
        put_range(o, doc, f->fix.span);
        fputs(",\"text\":", o);
        put_cstr(o, f->fix.replacement);
        fputs("}]", o);
    }
    fputs("}\n", o);
}

void tqc_report_rdjsonl_init(tqc_reporter *r)
{
    r->finding = rdjsonl_finding;
}
