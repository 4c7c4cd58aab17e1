/* JSONL: one finding a line, fields in a fixed order (documented in README.md). */
#include "report/report.h"

#include <string.h>

static void put_str(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    tqc_json_write_string(out, s, len);
    fputc('"', out);
}

static void jsonl_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    FILE *o = r->out;
    size_t line, col;
    tqc_doc_locate(doc, f->span.start, &line, &col);
    fputs("{\"file\":", o);
    put_str(o, doc->name, strlen(doc->name));
    fprintf(o, ",\"line\":%zu,\"column\":%zu,\"offset\":%zu,\"length\":%zu,\"rule\":",
            line, col, tqc_doc_file_offset(doc, f->span.start), tqc_span_len(f->span));
    put_str(o, f->rule, strlen(f->rule));
    fprintf(o, ",\"severity\":\"%s\",\"message\":", tqc_severity_name(f->severity));
    put_str(o, f->message, strlen(f->message));
    fputs(",\"text\":", o);
    put_str(o, tqc_doc_at(doc, f->span), tqc_span_len(f->span));
    fputs(",\"suggestions\":[", o);
    for (size_t i = 0; i < f->suggestion_count; i++) {
        if (i)
            fputc(',', o);
        put_str(o, f->suggestions[i], strlen(f->suggestions[i]));
    }
    fputs("],\"sentence\":", o);
    tqc_span s = tqc_report_sentence_span(doc, f);
    put_str(o, tqc_doc_at(doc, s), tqc_span_len(s));
    fputs(",\"lang\":", o);
    put_str(o, doc->lang, strlen(doc->lang));
    if (doc->segment) {
        fputs(",\"segment\":", o);
        put_str(o, doc->segment, strlen(doc->segment));
    }
    if (f->also) {
        fputs(",\"also\":", o);
        put_str(o, f->also, strlen(f->also));
    }
    /* A fix is an edit of the file: only where the text is the file's bytes 1:1 (not
     * across an entity, escape or tag of a markup file). */
    if (f->has_fix && tqc_doc_span_exact(doc, f->fix.span)) {
        fprintf(o, ",\"fix\":{\"offset\":%zu,\"length\":%zu,\"replacement\":",
                tqc_doc_file_offset(doc, f->fix.span.start), tqc_span_len(f->fix.span));
        put_str(o, f->fix.replacement, strlen(f->fix.replacement));
        fprintf(o, ",\"safe\":%s}", f->fix.safe ? "true" : "false");
    }
    fputs("}\n", o);
}

void tqc_report_jsonl_init(tqc_reporter *r)
{
    r->finding = jsonl_finding;
}
