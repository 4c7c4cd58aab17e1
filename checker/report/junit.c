/* junit: JUnit XML as Jenkins, GitLab, Azure and most CI servers read it. One
 * <testsuite name="tqc">, one <testcase> per checked file (name and file: its path),
 * and a failing file's one <failure> (JUnit's model: a test fails once, so failures
 * counts the <failure> elements and dashboards agree) holding its findings at or above
 * --fail-on (type: their rules, comma-separated; message: the finding's, or how many;
 * body: each finding's location, segment (of a translation file or JSONL record),
 * text, sentence, suggestions). Findings below it go to the test case's <system-out>,
 * so they are visible without failing it. The suite's counts come first in the XML, so
 * the test cases are kept in memory until finish; only findings are kept, not the
 * documents. No timestamps, and time="0" (durations are not measured): the output is
 * the same on every run. */
#include "report/report.h"

#include <stdio.h> /* open_memstream: POSIX.1-2008 */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/io.h"

/* A failure's type names at most this many rules, then "...". */
#define JUNIT_MAX_RULES 16

typedef struct junit {
    tqc_report_files files;
    FILE *body;               /* the test cases written so far */
    char *body_buf;
    size_t body_len;
    FILE *sysout;             /* the current test case's findings below --fail-on */
    char *sysout_buf;
    size_t sysout_len;
    FILE *fail;               /* the current test case's failure body */
    char *fail_buf;
    size_t fail_len;
    size_t case_findings;     /* in fail */
    const char *case_rules[JUNIT_MAX_RULES];  /* their distinct rules (static strings) */
    size_t case_rule_count;
    const char *first_message;                /* the first one's (valid while its doc is) */
    char *message;            /* a copy of it, made when the doc ends */
    bool in_case;
    size_t tests, failures;
} junit;

static void put_xml(FILE *out, const char *s, bool attr)
{
    tqc_xml_write_string(out, s, strlen(s), attr);
}

static junit *state(tqc_reporter *r)
{
    if (!r->state && !r->failed) {
        junit *j = tqc_calloc(1, sizeof *j);
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

/* The failure element of the current case: one for all its findings at --fail-on. */
static void write_failure(tqc_reporter *r, junit *j)
{
    if (fclose(j->fail) != 0)
        r->failed = true;
    j->fail = NULL;
    fputs("      <failure type=\"", j->body);
    for (size_t i = 0; i < j->case_rule_count; i++) {
        if (i)
            fputc(',', j->body);
        put_xml(j->body, j->case_rules[i], true);
    }
    if (j->case_rule_count == JUNIT_MAX_RULES)
        fputs(",...", j->body);
    fputs("\" message=\"", j->body);
    if (j->case_findings == 1 && j->message)
        put_xml(j->body, j->message, true);
    else
        fprintf(j->body, "%zu findings at or above %s", j->case_findings,
                tqc_severity_name(r->fail_on));
    fputs("\">", j->body);
    tqc_xml_write_string(j->body, j->fail_buf, j->fail_len, false);
    fputs("</failure>\n", j->body);
    free(j->fail_buf);
    free(j->message);
    j->fail_buf = j->message = NULL;
    j->failures++;
}

static void close_case(tqc_reporter *r, junit *j)
{
    if (!j->in_case)
        return;
    if (j->fail)
        write_failure(r, j);
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
    j->in_case = false;
    j->case_findings = j->case_rule_count = 0;
}

/* A finding's message lives in its doc's arena: the first is copied when the doc ends,
 * as a file of several docs (a large article) is still one test case. */
static void junit_end_doc(tqc_reporter *r, const tqc_doc *doc)
{
    junit *j = state(r);
    if (j && j->first_message && !j->message && !(j->message = tqc_strdup(j->first_message)))
        r->failed = true;
    if (j)
        j->first_message = NULL;
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
    fputs("\" time=\"0\">\n", j->body);
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
    if (!j->fail && !(j->fail = open_memstream(&j->fail_buf, &j->fail_len))) {
        r->failed = true;
        return;
    }
    FILE *o = j->fail;   /* raw text: escaped when it is copied into the XML */
    if (j->case_findings++ == 0)
        j->first_message = f->message;
    else
        fputs("\n\n", o);
    size_t k = 0;
    while (k < j->case_rule_count && strcmp(j->case_rules[k], f->rule) != 0)
        k++;
    if (k == j->case_rule_count && k < JUNIT_MAX_RULES)
        j->case_rules[j->case_rule_count++] = f->rule;
    size_t line, col;
    tqc_doc_locate(doc, f->span.start, &line, &col);
    fputs(tqc_report_path(r, doc->name), o);
    fprintf(o, ":%zu:%zu: %s: ", line, col, tqc_severity_name(f->severity));
    fputs(f->message, o);
    fputs(" [", o);
    fputs(f->rule, o);
    if (f->also) {
        fputc(',', o);
        fputs(f->also, o);
    }
    fputs("]\n", o);
    if (doc->segment) {
        fputs("Segment: ", o);
        fputs(doc->segment, o);
        fputc('\n', o);
    }
    fputs("Text: ", o);
    fwrite(tqc_doc_at(doc, f->span), tqc_span_len(f->span), 1, o);
    tqc_span s = tqc_report_sentence_span(doc, f);
    fputs("\nSentence: ", o);
    fwrite(tqc_doc_at(doc, s), tqc_span_len(s), 1, o);
    if (f->suggestion_count) {
        fputs("\nSuggestions: ", o);
        for (size_t i = 0; i < f->suggestion_count; i++) {
            if (i)
                fputs(", ", o);
            fputs(f->suggestions[i], o);
        }
    }
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
    fprintf(o, "<testsuites name=\"tqc\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
               "time=\"0\">\n", j->tests, j->failures);
    fprintf(o, "  <testsuite name=\"tqc\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
               "skipped=\"0\" time=\"0\">\n", j->tests, j->failures);
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
    r->end_doc = junit_end_doc;
    r->finish = junit_finish;
}
