/* github: GitHub Actions workflow commands, one a line, which the runner turns into
 * annotations on the pull request:
 *   ::error file=F,line=L,endLine=L,col=C,endColumn=C,title=tqc%3A RULE::MESSAGE
 * (title `tqc: RULE in segment ID` for a segment of a translation file or JSONL record);
 * info findings become ::notice. Columns are characters, endColumn exclusive; they are
 * left out when a span crosses lines (GitHub ignores them then). Escaping is GitHub's:
 * %, CR and LF in the message, and also : and , in properties. */
#include "report.h"

#include <string.h>

#include "text.h"

static const char *command(tqc_severity sev)
{
    return sev == TQC_SEV_ERROR ? "error" : sev == TQC_SEV_WARNING ? "warning" : "notice";
}

/* Writes len bytes at s escaped for a workflow command; property values also escape
 * ':' and ','. Other control characters and invalid UTF-8 become U+FFFD: a stray
 * escape byte must not reach the log as a colour code. */
static void put_escaped(FILE *out, const char *s, size_t len, bool property)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        if (cp == '%')
            fputs("%25", out);
        else if (cp == '\r')
            fputs("%0D", out);
        else if (cp == '\n')
            fputs("%0A", out);
        else if (property && cp == ':')
            fputs("%3A", out);
        else if (property && cp == ',')
            fputs("%2C", out);
        else if (cp < 0 || (cp != '\t' && (cp < 0x20 || cp == 0x7F)))
            fputs("\xEF\xBF\xBD", out);
        else
            fwrite(s + i, 1, n, out);
        i += n;
    }
}

static void put_cstr(FILE *out, const char *s, bool property)
{
    put_escaped(out, s, strlen(s), property);
}

static void github_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    FILE *o = r->out;
    size_t l1, c1, l2, c2;
    tqc_doc_locate(doc, f->span.start, &l1, &c1);
    tqc_doc_locate_end(doc, f->span, &l2, &c2, NULL);
    fprintf(o, "::%s ", command(f->severity));
    /* Standard input has no file to annotate: the line stays, for the log. */
    if (strcmp(doc->name, "<stdin>") != 0) {
        fputs("file=", o);
        put_cstr(o, tqc_report_path(r, doc->name), true);
        fputc(',', o);
    }
    fprintf(o, "line=%zu,endLine=%zu,", l1, l2);
    if (l1 == l2)
        fprintf(o, "col=%zu,endColumn=%zu,", c1, c2 > c1 ? c2 : c1 + 1);
    fputs("title=", o);
    put_cstr(o, "tqc: ", true);
    put_cstr(o, f->rule, true);
    if (doc->segment) {
        put_cstr(o, " in segment ", true);
        put_cstr(o, doc->segment, true);
    }
    fputs("::", o);
    put_cstr(o, f->message, false);
    if (f->suggestion_count) {
        put_cstr(o, "\nSuggestions: ", false);
        for (size_t i = 0; i < f->suggestion_count; i++) {
            if (i)
                put_cstr(o, ", ", false);
            put_cstr(o, f->suggestions[i], false);
        }
    }
    fputc('\n', o);
}

void tqc_report_github_init(tqc_reporter *r)
{
    r->finding = github_finding;
}
