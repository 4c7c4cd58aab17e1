/* rdjsonl: reviewdog's Diagnostic Format as JSON lines (`reviewdog -f=rdjsonl`), one
 * diagnostic a line. Positions follow reviewdog's rules, not tqc's: columns count UTF-8
 * bytes from 1 and ranges end exclusively. A finding with a fix carries it as a
 * reviewdog suggestion, which reviewdog posts as a one-click suggested change. */
#include "report.h"

#include <string.h>

static void put_str(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    tqc_json_write_string(out, s, len);
    fputc('"', out);
}

static void put_cstr(FILE *out, const char *s) { put_str(out, s, strlen(s)); }

/* {"line":L,"column":C} of offset, the column in bytes from the line's start in the
 * file: on the file's first line that includes what precedes the document (a BOM). */
static void put_position(FILE *out, const tqc_doc *doc, size_t offset)
{
    size_t line, col;
    tqc_doc_locate(doc, offset, &line, &col);
    size_t start = tqc_doc_line_span(doc, offset).start;
    size_t byte_col = offset - start + 1;
    if (line == 1 && start == 0)
        byte_col += doc->base_offset;
    fprintf(out, "{\"line\":%zu,\"column\":%zu}", line, byte_col);
}

static void put_range(FILE *out, const tqc_doc *doc, tqc_span s)
{
    fputs("{\"start\":", out);
    put_position(out, doc, s.start);
    fputs(",\"end\":", out);
    put_position(out, doc, s.end);
    fputc('}', out);
}

static const char *severity(tqc_severity sev)
{
    return sev == TQC_SEV_ERROR ? "ERROR" : sev == TQC_SEV_WARNING ? "WARNING" : "INFO";
}

static void rdjsonl_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    FILE *o = r->out;
    fputs("{\"message\":", o);
    put_cstr(o, f->message);
    fputs(",\"location\":{\"path\":", o);
    put_cstr(o, tqc_report_path(r, doc->name));
    fputs(",\"range\":", o);
    put_range(o, doc, f->span);
    fprintf(o, "},\"severity\":\"%s\",\"source\":{\"name\":\"tqc\"},\"code\":{\"value\":",
            severity(f->severity));
    put_cstr(o, f->rule);
    fputc('}', o);
    if (f->has_fix) {
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
