/* checkstyle: Checkstyle's XML report, which reviewdog (`-f=checkstyle`), Jenkins and
 * most CI dashboards read. One <file> per checked file (clean ones too, as Checkstyle
 * does), one <error> per finding with line, column (characters, from 1), severity
 * (error, warning, info), message (ending in "(segment ID)" for a segment of a
 * translation file or JSONL record) and source ("tqc.RULE"). Streamed: each file's
 * element is closed when the next file begins. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

/* The Checkstyle report version the layout follows. */
#define CHECKSTYLE_VERSION "4.3"

typedef struct checkstyle {
    tqc_report_files files;
    bool in_file;             /* a <file> element is open */
} checkstyle;

static void put_attr(FILE *out, const char *name, const char *value)
{
    fprintf(out, " %s=\"", name);
    tqc_xml_write_string(out, value, strlen(value), true);
    fputc('"', out);
}

/* The state, made (and the document begun) on first use. NULL when out of memory. */
static checkstyle *state(tqc_reporter *r)
{
    if (!r->state && !r->failed) {
        if (!(r->state = tqc_calloc(1, sizeof(checkstyle)))) {
            r->failed = true;
            return NULL;
        }
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<checkstyle version=\"" CHECKSTYLE_VERSION "\">\n", r->out);
    }
    return r->state;
}

static void checkstyle_begin(tqc_reporter *r, const tqc_doc *doc)
{
    checkstyle *s = state(r);
    if (!s || !tqc_report_new_file(r, &s->files, doc))
        return;
    if (s->in_file)
        fputs("  </file>\n", r->out);
    fputs("  <file", r->out);
    put_attr(r->out, "name", tqc_report_path(r, doc->name));
    fputs(">\n", r->out);
    s->in_file = true;
}

static void checkstyle_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    FILE *o = r->out;
    size_t line, col;
    tqc_doc_locate(doc, f->span.start, &line, &col);
    fprintf(o, "    <error line=\"%zu\" column=\"%zu\" severity=\"%s\"", line, col,
            tqc_severity_name(f->severity));
    fputs(" message=\"", o);
    tqc_xml_write_string(o, f->message, strlen(f->message), true);
    if (doc->segment) {
        /* Checkstyle has no place of its own for it. */
        fputs(" (segment ", o);
        tqc_xml_write_string(o, doc->segment, strlen(doc->segment), true);
        fputc(')', o);
    }
    fputc('"', o);
    fputs(" source=\"tqc.", o);
    tqc_xml_write_string(o, f->rule, strlen(f->rule), true);
    fputs("\"/>\n", o);
}

static void checkstyle_finish(tqc_reporter *r, const tqc_run_stats *stats)
{
    checkstyle *s = state(r);
    if (!s)
        return;
    if (s->in_file)
        fputs("  </file>\n", r->out);
    fputs("</checkstyle>\n", r->out);
    tqc_report_files_free(&s->files);
    free(s);
    r->state = NULL;
}

void tqc_report_checkstyle_init(tqc_reporter *r)
{
    r->begin = checkstyle_begin;
    r->finding = checkstyle_finding;
    r->finish = checkstyle_finish;
}
