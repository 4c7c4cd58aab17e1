/* rdjsonl: reviewdog's Diagnostic Format as JSON lines (`reviewdog -f=rdjsonl`), one
 * diagnostic a line. Positions follow reviewdog's rules, not tqc's: columns count UTF-8
 * bytes from 1 and ranges end exclusively. A finding with a fix carries it as a
 * reviewdog suggestion, which reviewdog posts as a one-click suggested change (where the
 * text is the file's bytes 1:1). Positions in a markup file are the file's. */
#include "report/report.h"

#include <string.h>

#include "core/alloc.h"
#include "core/json.h"

/* {"line":L,"column":C}, the column in bytes from the line's start in the file
 * (core/doc.h: of a markup file, the file's line and bytes). */
static json_t *position(size_t line, size_t byte_col)
{
    json_t *o = json_object();
    if (!tqc_json_set(o, "line", json_integer((json_int_t)line)) ||
        !tqc_json_set(o, "column", json_integer((json_int_t)byte_col))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The start, and the end just past the last byte (before a tag that follows it). */
static json_t *range(const tqc_doc *doc, tqc_span s)
{
    size_t line, col, end_line, byte_col;
    tqc_doc_locate(doc, s.start, &line, &col);
    tqc_doc_locate_end(doc, s, &end_line, &col, &byte_col);
    json_t *o = json_object();
    if (!tqc_json_set(o, "start", position(line, tqc_doc_byte_column(doc, s.start))) ||
        !tqc_json_set(o, "end", position(end_line, byte_col))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The message; a finding in a segment of a translation file or JSONL record names it
 * at the end ("... (segment t2)"): the format has no field of its own for it. */
static json_t *message(const tqc_doc *doc, const tqc_finding *f)
{
    if (!doc->segment)
        return tqc_json_string(f->message);
    size_t n = strlen(f->message) + strlen(doc->segment) + sizeof " (segment )";
    char *buf = tqc_malloc(n);
    if (!buf)
        return NULL;
    snprintf(buf, n, "%s (segment %s)", f->message, doc->segment);
    json_t *v = tqc_json_string(buf);
    free(buf);
    return v;
}

static const char *severity(tqc_severity sev)
{
    return sev == TQC_SEV_ERROR ? "ERROR" : sev == TQC_SEV_WARNING ? "WARNING" : "INFO";
}

static json_t *diagnostic(const tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    json_t *o = json_object(), *loc = json_object(), *src = json_object(), *code = json_object();
    bool ok = tqc_json_set(o, "message", message(doc, f)) &&
              tqc_json_set(loc, "path", tqc_json_string(tqc_report_path(r, doc->name))) &&
              tqc_json_set(loc, "range", range(doc, f->span)) &&
              tqc_json_set(o, "location", json_incref(loc)) &&
              tqc_json_set(o, "severity", json_string(severity(f->severity))) &&
              tqc_json_set(src, "name", json_string("tqc")) &&
              tqc_json_set(o, "source", json_incref(src)) &&
              tqc_json_set(code, "value", tqc_json_string(f->rule)) &&
              tqc_json_set(o, "code", json_incref(code));
    /* A suggestion edits the file: only where the text is its bytes 1:1. */
    if (ok && f->has_fix && tqc_doc_span_exact(doc, f->fix.span)) {
        json_t *sugs = json_array(), *sug = json_object();
        ok = tqc_json_set(sug, "range", range(doc, f->fix.span)) &&
             tqc_json_set(sug, "text", tqc_json_string(f->fix.replacement)) &&
             tqc_json_append(sugs, json_incref(sug)) &&
             tqc_json_set(o, "suggestions", json_incref(sugs));
        json_decref(sug);
        json_decref(sugs);
    }
    json_decref(loc);
    json_decref(src);
    json_decref(code);
    return tqc_json_done(o, ok);
}

static void rdjsonl_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    tqc_report_json_line(r, diagnostic(r, doc, f));
}

void tqc_report_rdjsonl_init(tqc_reporter *r)
{
    r->finding = rdjsonl_finding;
}
