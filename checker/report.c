#include "report.h"

#include <string.h>

#include "text.h"

const char *const tqc_report_formats[] = {"text", "jsonl", NULL};

bool tqc_reporter_init(tqc_reporter *r, const char *format, FILE *out, bool color)
{
    memset(r, 0, sizeof *r);
    r->out = out;
    r->color = color;
    if (strcmp(format, "text") == 0)
        tqc_report_text_init(r);
    else if (strcmp(format, "jsonl") == 0)
        tqc_report_jsonl_init(r);
    else
        return false;
    return true;
}

tqc_span tqc_report_sentence_span(const tqc_doc *doc, const tqc_finding *f)
{
    size_t s = tqc_doc_sentence_at(doc, f->span.start);
    if (s == SIZE_MAX)
        return tqc_doc_line_span(doc, f->span.start);
    tqc_span span = doc->sentences[s].span;
    if (f->span.end > span.end)
        span.end = f->span.end;
    return span;
}

void tqc_json_write_string(FILE *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            fputc('\\', out);
            fputc(c, out);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            switch (c) {
            case '\n': fputs("\\n", out); break;
            case '\r': fputs("\\r", out); break;
            case '\t': fputs("\\t", out); break;
            default: fprintf(out, "\\u%04x", c); break;
            }
            i++;
        } else if (c < 0x80) {
            fputc(c, out);
            i++;
        } else {
            int32_t cp;
            size_t n = tqc_text_decode(s + i, len - i, &cp);
            if (cp < 0)
                fputs("\xEF\xBF\xBD", out);
            else
                fwrite(s + i, 1, n, out);
            i += n;
        }
    }
}
