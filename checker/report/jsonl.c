/* JSONL: one finding a line, fields in a fixed order (documented in README.md), written
 * by jansson (compact: the order the fields are set in, no spaces). */
#include "report/report.h"

#include <string.h>

#include "core/json.h"

static bool put_str(json_t *o, const char *key, const char *s, size_t len)
{
    return tqc_json_set_literal(o, key, tqc_json_stringn(s, len));
}

static bool put_uint(json_t *o, const char *key, size_t n)
{
    return tqc_json_set_literal(o, key, json_integer((json_int_t)n));
}

static json_t *finding_json(const tqc_doc *doc, const tqc_finding *f)
{
    size_t line, col;
    tqc_doc_locate(doc, f->span.start, &line, &col);
    json_t *o = json_object(), *sug = json_array();
    bool ok = o && sug;
    ok = ok && put_str(o, "file", doc->name, strlen(doc->name)) && put_uint(o, "line", line) &&
         put_uint(o, "column", col) &&
         put_uint(o, "offset", tqc_doc_file_offset(doc, f->span.start)) &&
         put_uint(o, "length", tqc_span_len(f->span)) &&
         put_str(o, "rule", f->rule, strlen(f->rule)) &&
         tqc_json_set_literal(o, "severity", json_string_nocheck(tqc_severity_name(f->severity))) &&
         put_str(o, "message", f->message, strlen(f->message)) &&
         put_str(o, "text", tqc_doc_at(doc, f->span), tqc_span_len(f->span));
    for (size_t i = 0; ok && i < f->suggestion_count; i++)
        ok = tqc_json_append(sug, tqc_json_string(f->suggestions[i]));
    ok = ok && tqc_json_set_literal(o, "suggestions", json_incref(sug));
    tqc_span s = tqc_report_sentence_span(doc, f);
    ok = ok && put_str(o, "sentence", tqc_doc_at(doc, s), tqc_span_len(s)) &&
         put_str(o, "lang", doc->lang, strlen(doc->lang));
    if (ok && doc->segment)
        ok = put_str(o, "segment", doc->segment, strlen(doc->segment));
    if (ok && f->also)
        ok = put_str(o, "also", f->also, strlen(f->also));
    /* A fix is an edit of the file: only where the text is the file's bytes 1:1 (not
     * across an entity, escape or tag of a markup file). */
    if (ok && f->has_fix && tqc_doc_span_exact(doc, f->fix.span)) {
        json_t *fix = json_object();
        ok = fix && put_uint(fix, "offset", tqc_doc_file_offset(doc, f->fix.span.start)) &&
             put_uint(fix, "length", tqc_span_len(f->fix.span)) &&
             put_str(fix, "replacement", f->fix.replacement, strlen(f->fix.replacement)) &&
             tqc_json_set_literal(fix, "safe", json_boolean(f->fix.safe)) &&
             tqc_json_set_literal(o, "fix", json_incref(fix));
        json_decref(fix);
    }
    json_decref(sug);
    return tqc_json_done(o, ok);
}

static void jsonl_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    tqc_report_json_line(r, finding_json(doc, f));
}

void tqc_report_jsonl_init(tqc_reporter *r)
{
    r->finding = jsonl_finding;
}
