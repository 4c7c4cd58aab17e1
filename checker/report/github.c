/* github: GitHub Actions workflow commands, one a line, which the runner turns into
 * annotations on the pull request:
 *   ::error file=F,line=L,endLine=L,col=C,endColumn=C,title=tqc%3A RULE::MESSAGE
 * (title `tqc: RULE in segment ID` for a segment of a translation file or JSONL record);
 * info findings become ::notice. Columns are characters, endColumn exclusive; they are
 * left out when a span crosses lines (GitHub ignores them then). Escaping is GitHub's:
 * %, CR and LF in the message, and also : and , in properties.
 *
 * GitHub shows only about ten annotations of each type per step, so errors come first,
 * then warnings, then notices, GITHUB_PER_TYPE of each (a notice less, for the summary);
 * the others are written at once as plain log lines (FILE:LINE:COL: SEVERITY: MESSAGE
 * [RULE]), and one closing notice says how many were not annotated. The annotations are
 * kept until finish: at most GITHUB_PER_TYPE lines a type. */
#include "report/report.h"

#include <stdio.h> /* open_memstream: POSIX.1-2008 */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"

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

/* Annotations of one type GitHub shows in a step. */
#define GITHUB_PER_TYPE 10

typedef struct github {
    char *kept[3][GITHUB_PER_TYPE];   /* by severity: the workflow commands to print */
    size_t kept_n[3], over[3];        /* kept, and written as plain lines */
} github;

static void annotate(FILE *o, const tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
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

static size_t room(tqc_severity sev)
{
    return sev == TQC_SEV_INFO ? GITHUB_PER_TYPE - 1 : GITHUB_PER_TYPE;
}

static void github_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    if (!r->state && !r->failed && !(r->state = tqc_calloc(1, sizeof(github))))
        r->failed = true;
    github *g = r->state;
    if (!g)
        return;
    if (g->kept_n[f->severity] < room(f->severity)) {
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        if (m)
            annotate(m, r, doc, f);
        if (!m || fclose(m) != 0 || !buf) {
            free(buf);
            r->failed = true;
            return;
        }
        g->kept[f->severity][g->kept_n[f->severity]++] = buf;
        return;
    }
    /* Past what GitHub shows: a plain line in the log, as the text format heads one. */
    size_t line, col;
    tqc_doc_locate(doc, f->span.start, &line, &col);
    fprintf(r->out, "%s:%zu:%zu: %s: ", tqc_report_path(r, doc->name), line, col,
            tqc_severity_name(f->severity));
    put_cstr(r->out, f->message, false);
    fprintf(r->out, " [%s]\n", f->rule);
    g->over[f->severity]++;
}

static void github_finish(tqc_reporter *r, const tqc_run_stats *stats)
{
    github *g = r->state;
    if (!g)
        return;
    for (int s = TQC_SEV_ERROR; s >= TQC_SEV_INFO; s--)
        for (size_t i = 0; i < g->kept_n[s]; i++) {
            fputs(g->kept[s][i], r->out);
            free(g->kept[s][i]);
        }
    size_t over = g->over[0] + g->over[1] + g->over[2];
    if (over)
        fprintf(r->out, "::notice title=tqc::%zu more finding%s (%zu error%s, %zu warning%s, "
                "%zu info) are in the log above, not annotated: GitHub shows about %d "
                "annotations of each type per step\n", over, over == 1 ? "" : "s",
                g->over[TQC_SEV_ERROR], g->over[TQC_SEV_ERROR] == 1 ? "" : "s",
                g->over[TQC_SEV_WARNING], g->over[TQC_SEV_WARNING] == 1 ? "" : "s",
                g->over[TQC_SEV_INFO], GITHUB_PER_TYPE);
    free(g);
    r->state = NULL;
}

void tqc_report_github_init(tqc_reporter *r)
{
    r->finding = github_finding;
    r->finish = github_finish;
}
