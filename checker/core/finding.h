/* finding: the whole contract between passes and reporters. Passes emit findings
 * into a tqc_findings list; the pipeline sorts and merges them; reporters print them.
 * Strings of a finding live in the document's arena: valid until tqc_doc_free. */
#ifndef TQC_FINDING_H
#define TQC_FINDING_H

#include <stdbool.h>
#include <stddef.h>

#include "core/doc.h"

typedef enum tqc_severity {
    TQC_SEV_INFO = 0,
    TQC_SEV_WARNING = 1,
    TQC_SEV_ERROR = 2
} tqc_severity;

/* A set of severities as a bit mask. */
#define TQC_SEV_BIT(sev) (1u << (sev))

const char *tqc_severity_name(tqc_severity sev);
/* Parses "error", "warning" or "info"; false otherwise. */
bool tqc_severity_parse(const char *name, tqc_severity *out);

typedef struct tqc_fix {
    tqc_span span;            /* the bytes to replace */
    const char *replacement;  /* NUL-terminated */
    bool safe;                /* may be applied without a human looking at it */
} tqc_fix;

#define TQC_MAX_SUGGESTIONS 5

typedef struct tqc_finding {
    const char *rule;         /* the pass id (static) */
    tqc_severity severity;
    tqc_span span;            /* offsets into doc->text */
    const char *message;
    const char *suggestions[TQC_MAX_SUGGESTIONS]; /* best first */
    size_t suggestion_count;
    bool has_fix;
    tqc_fix fix;
    const char *also;         /* other rules merged into this finding ("a,b"), or NULL */
} tqc_finding;

typedef struct tqc_findings {
    tqc_finding *items;
    size_t count, cap;
    tqc_doc *doc;             /* strings go to its arena */
    bool failed;              /* an allocation failed; the list is incomplete */
} tqc_findings;

void tqc_findings_init(tqc_findings *list, tqc_doc *doc);
void tqc_findings_release(tqc_findings *list);  /* frees items, not the doc */

/* Adds a finding with a printf-style message. Returns it for adding suggestions, or
 * NULL when out of memory (list->failed is then set). The pointer is valid until the
 * next tqc_emit on the same list. */
tqc_finding *tqc_emit(tqc_findings *list, const char *rule, tqc_severity sev,
                      tqc_span span, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Appends a suggestion (len bytes); ignored beyond TQC_MAX_SUGGESTIONS. */
void tqc_finding_suggest(tqc_findings *list, tqc_finding *f, const char *text, size_t len);
/* Attaches a fix replacing span with the len bytes at text. */
void tqc_finding_fix(tqc_findings *list, tqc_finding *f, tqc_span span,
                     const char *text, size_t len, bool safe);

/* true when a finding of rule (NULL: any rule) overlaps span. */
bool tqc_findings_overlap(const tqc_findings *list, const char *rule, tqc_span span);

/* The spans of one rule's findings, indexed for overlap tests: passes that ask per token
 * what an earlier pass found use this instead of tqc_findings_overlap, which scans. */
typedef struct tqc_span_index {
    tqc_span *spans;    /* sorted by start */
    size_t *max_end;    /* max_end[i]: the largest end among spans[0..i] */
    size_t count;
} tqc_span_index;

/* Indexes the findings of rule emitted so far. false when out of memory. */
bool tqc_span_index_build(tqc_span_index *index, const tqc_findings *list, const char *rule);
/* true when some indexed span overlaps span. */
bool tqc_span_index_overlaps(const tqc_span_index *index, tqc_span span);
void tqc_span_index_free(tqc_span_index *index);

/* Sorts by position (then rule) and merges findings of different rules with the same
 * span into the one of highest severity, naming the others in `also`. */
void tqc_findings_finish(tqc_findings *list);

#endif
