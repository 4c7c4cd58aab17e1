/* report: a reporter is a sink for findings: begin(doc), finding(f) for each,
 * end_doc(doc), then finish(stats) once. Reporters see documents and findings only,
 * never a pass's internals. Each output format is one report_<format>.c file. */
#ifndef TQC_REPORT_H
#define TQC_REPORT_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/doc.h"
#include "core/escape.h"
#include "core/finding.h"
#include "core/fingerprint.h"
#include "core/json.h"
#include "run/rules.h"

typedef struct tqc_run_stats {
    size_t files, files_failed;
    size_t findings[3];      /* by severity */
    size_t bytes, words;
} tqc_run_stats;

typedef struct tqc_reporter tqc_reporter;

struct tqc_reporter {
    FILE *out;
    bool color;              /* ANSI colour allowed (the CLI decides) */
    /* Set by the caller after tqc_reporter_init, before the first begin: */
    const tqc_rule_info *rules;  /* borrowed, outlives the reporter */
    size_t rule_count;
    tqc_severity fail_on;    /* junit: findings at or above it are failures (default warning) */
    /* sarif: name the working directory (an absolute, machine-specific path) in
     * originalUriBaseIds; off, URIs stay relative to %SRCROOT%, the viewer's checkout. */
    bool sarif_srcroot;
    /* Set by tqc_reporter_init: paths under it are printed relative to it. */
    char cwd[PATH_MAX];
    bool failed;             /* out of memory: the output is incomplete (the caller checks) */
    void *state;             /* the format's own, freed by finish */
    void (*begin)(tqc_reporter *r, const tqc_doc *doc);
    void (*finding)(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f);
    void (*end_doc)(tqc_reporter *r, const tqc_doc *doc);
    void (*finish)(tqc_reporter *r, const tqc_run_stats *stats);
};

/* Sets up r for format (see tqc_report_formats); false when the format is unknown. */
bool tqc_reporter_init(tqc_reporter *r, const char *format, FILE *out, bool color);
/* Writes o (consumed) compact on one line of r->out, for the JSON Lines formats; NULL (out
 * of memory) marks the output incomplete (r->failed). */
void tqc_report_json_line(tqc_reporter *r, json_t *o);
/* The formats tqc_reporter_init knows, for --help. */
extern const char *const tqc_report_formats[];

/* Context longer than this on either side of a finding is clipped in `sentence`. */
#define TQC_SENTENCE_MAX 1024

/* The sentence around f: the whole sentence containing f's start (the line, outside any
 * sentence), clipped to TQC_SENTENCE_MAX bytes either side of f's span. */
tqc_span tqc_report_sentence_span(const tqc_doc *doc, const tqc_finding *f);

/* The name of doc as machine formats print it: relative to r->cwd when under it, and
 * without a leading "./". Points into name. */
const char *tqc_report_path(const tqc_reporter *r, const char *name);

/* Tells when a document starts a new file: a file may arrive as several chunk
 * documents, with the same name and growing offsets. Free with tqc_report_files_free. */
typedef struct tqc_report_files {
    char *name;              /* the current file's name (owned) */
    size_t end;              /* file offset just past the last document seen */
} tqc_report_files;
/* true when doc begins a file other than the previous document's; false when it
 * continues it. Sets r->failed (and returns true) when out of memory. */
bool tqc_report_new_file(tqc_reporter *r, tqc_report_files *t, const tqc_doc *doc);
void tqc_report_files_free(tqc_report_files *t);

/* The format initialisers, one per report_<format>.c. */
void tqc_report_text_init(tqc_reporter *r);
void tqc_report_jsonl_init(tqc_reporter *r);
void tqc_report_sarif_init(tqc_reporter *r);
void tqc_report_github_init(tqc_reporter *r);
void tqc_report_junit_init(tqc_reporter *r);
void tqc_report_checkstyle_init(tqc_reporter *r);
void tqc_report_rdjsonl_init(tqc_reporter *r);

#endif
