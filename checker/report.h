/* report: a reporter is a sink for findings: begin(doc), finding(f) for each,
 * end_doc(doc), then finish(stats) once. Reporters see documents and findings only,
 * never a pass's internals. Each output format is one report_<format>.c file. */
#ifndef TQC_REPORT_H
#define TQC_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "doc.h"
#include "finding.h"

typedef struct tqc_run_stats {
    size_t files, files_failed;
    size_t findings[3];      /* by severity */
    size_t bytes, words;
} tqc_run_stats;

typedef struct tqc_reporter tqc_reporter;

struct tqc_reporter {
    FILE *out;
    bool color;              /* ANSI colour allowed (the CLI decides) */
    void *state;             /* the format's own, freed by finish */
    void (*begin)(tqc_reporter *r, const tqc_doc *doc);
    void (*finding)(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f);
    void (*end_doc)(tqc_reporter *r, const tqc_doc *doc);
    void (*finish)(tqc_reporter *r, const tqc_run_stats *stats);
};

/* Sets up r for format ("text", "jsonl"); false when the format is unknown. */
bool tqc_reporter_init(tqc_reporter *r, const char *format, FILE *out, bool color);
/* The formats tqc_reporter_init knows, for --help. */
extern const char *const tqc_report_formats[];

/* The text of the sentence around f (the whole sentence containing f's start). */
tqc_span tqc_report_sentence_span(const tqc_doc *doc, const tqc_finding *f);

/* Writes the len bytes at s as the contents of a JSON string (no quotes), escaping
 * as RFC 8259 requires; invalid UTF-8 bytes become U+FFFD. */
void tqc_json_write_string(FILE *out, const char *s, size_t len);

/* The format initialisers, one per report_<format>.c. */
void tqc_report_text_init(tqc_reporter *r);
void tqc_report_jsonl_init(tqc_reporter *r);

#endif
