/* junit: JUnit XML as Jenkins, GitLab, Azure and most CI servers read it. One
 * <testsuite name="tqc">, one <testcase> per checked file (name and file: its path),
 * one <failure> per finding at or above --fail-on (type: the rule, message: the
 * message, body: location, segment (of a translation file or JSONL record), text,
 * sentence, suggestions); findings below it go to the test case's <system-out>, so
 * they are visible without failing it. The suite's
 * counts come first in the XML, so the test cases are kept in memory until finish;
 * only findings are kept, not the documents. No timestamps or durations: the output
 * is the same on every run. */
#include "report.h"

#include <stdio.h> /* open_memstream: POSIX.1-2008 */
#include <stdlib.h>
#include <string.h>

typedef struct junit {
    tqc_report_files files;
    FILE *body;               /* the test cases written so far */
    char *body_buf;
    size_t body_len;
    FILE *sysout;             /* the current test case's findings below --fail-on */
    char *sysout_buf;
    size_t sysout_len;
    bool in_case, case_failed;
    size_t tests, failures;
} junit;

static void put_xml(FILE *out, const char *s, bool attr)
{
    tqc_xml_write_string(out, s, strlen(s), attr);
}

static junit *state(tqc_reporter *r)
{
    if (!r->state && !r->failed) {
        junit *j = calloc(1, sizeof *j);
        if (j && !(j->body = open_memstream(&j->body_buf, &j->body_len))) {
            free(j);
            j = NULL;
        }
        if (!j)
            r->failed = true;
        r->state = j;
    }
    return r->state;
}

static void close_case(tqc_reporter *r, junit *j)
{
    if (!j->in_case)
        return;
    if (j->sysout) {
        if (fclose(j->sysout) != 0)
            r->failed = true;
        j->sysout = NULL;
        fputs("      <system-out>", j->body);
        tqc_xml_write_string(j->body, j->sysout_buf, j->sysout_len, false);
        fputs("</system-out>\n", j->body);
        free(j->sysout_buf);
        j->sysout_buf = NULL;
    }
    fputs("    </testcase>\n", j->body);
    j->failures += j->case_failed;
    j->in_case = j->case_failed = false;
}

static void junit_begin(tqc_reporter *r, const tqc_doc *doc)
{
    junit *j = state(r);
    if (!j || !tqc_report_new_file(r, &j->files, doc))
        return;
    close_case(r, j);
    const char *path = tqc_report_path(r, doc->name);
    fputs("    <testcase classname=\"tqc\" name=\"", j->body);
    put_xml(j->body, path, true);
    fputs("\" file=\"", j->body);
    put_xml(j->body, path, true);
    fputs("\">\n", j->body);
    j->in_case = true;
    j->tests++;
}

/* FILE:LINE:COL: SEVERITY: MESSAGE [RULE], as the text format prints it (raw: the
 * caller's stream is escaped when it is copied into the XML). */
static void put_summary(FILE *o, const tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    size_t line, col;
    tqc_doc_locate(doc, f->span.start, &line, &col);
    fprintf(o, "%s:%zu:%zu: %s: %s [%s%s%s]%s%s%s\n", tqc_report_path(r, doc->name), line, col,
            tqc_severity_name(f->severity), f->message, f->rule, f->also ? "," : "",
            f->also ? f->also : "", doc->segment ? " (segment " : "",
            doc->segment ? doc->segment : "", doc->segment ? ")" : "");
}

static void junit_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    junit *j = state(r);
    if (!j || !j->in_case)
        return;
    if (f->severity < r->fail_on) {
        if (!j->sysout && !(j->sysout = open_memstream(&j->sysout_buf, &j->sysout_len))) {
            r->failed = true;
            return;
        }
        put_summary(j->sysout, r, doc, f);
        return;
    }
    FILE *o = j->body;
    j->case_failed = true;
    fputs("      <failure type=\"", o);
    put_xml(o, f->rule, true);
    fputs("\" message=\"", o);
    put_xml(o, f->message, true);
    fputs("\">", o);
    /* The body is character data: newlines stay newlines. */
    size_t line, col;
    tqc_doc_locate(doc, f->span.start, &line, &col);
    put_xml(o, tqc_report_path(r, doc->name), false);
    fprintf(o, ":%zu:%zu: %s: ", line, col, tqc_severity_name(f->severity));
    put_xml(o, f->message, false);
    fputs(" [", o);
    put_xml(o, f->rule, false);
    if (f->also) {
        fputc(',', o);
        put_xml(o, f->also, false);
    }
    fputs("]\n", o);
    if (doc->segment) {
        fputs("Segment: ", o);
        put_xml(o, doc->segment, false);
        fputc('\n', o);
    }
    fputs("Text: ", o);
    tqc_xml_write_string(o, tqc_doc_at(doc, f->span), tqc_span_len(f->span), false);
    tqc_span s = tqc_report_sentence_span(doc, f);
    fputs("\nSentence: ", o);
    tqc_xml_write_string(o, tqc_doc_at(doc, s), tqc_span_len(s), false);
    if (f->suggestion_count) {
        fputs("\nSuggestions: ", o);
        for (size_t i = 0; i < f->suggestion_count; i++) {
            if (i)
                fputs(", ", o);
            put_xml(o, f->suggestions[i], false);
        }
    }
    fputs("</failure>\n", o);
}

static void junit_finish(tqc_reporter *r, const tqc_run_stats *stats)
{
    junit *j = state(r);
    if (!j)
        return;
    close_case(r, j);
    if (fclose(j->body) != 0)
        r->failed = true;
    FILE *o = r->out;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", o);
    fprintf(o, "<testsuites name=\"tqc\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
            j->tests, j->failures);
    fprintf(o, "  <testsuite name=\"tqc\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
               "skipped=\"0\">\n", j->tests, j->failures);
    fwrite(j->body_buf, 1, j->body_len, o);
    fputs("  </testsuite>\n</testsuites>\n", o);
    free(j->body_buf);
    tqc_report_files_free(&j->files);
    free(j);
    r->state = NULL;
}

void tqc_report_junit_init(tqc_reporter *r)
{
    r->begin = junit_begin;
    r->finding = junit_finding;
    r->finish = junit_finish;
}
