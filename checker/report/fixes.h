/* report_fix: the reporters of a fix result (run/fix.h), which need a whole file and its
 * corrected bytes rather than a stream of findings:
 *   report/diff.c   a unified diff that `patch -p0` and `git apply -p0` accept, each
 *                   hunk annotated with the fixes that made it;
 *   report/wdiff.c  a word-level view for terminals: each changed sentence with
 *                   [-deleted-]{+inserted+} words, and the findings left for a human;
 *   report/html.c   one self-contained HTML page for editors.
 * They read the result only; they never see a pass. Output goes to a FILE the caller
 * owns and checks (ferror). */
#ifndef TQC_REPORT_FIX_H
#define TQC_REPORT_FIX_H

#include <stdbool.h>
#include <stdio.h>

#include "run/fix.h"
#include "report/report.h"

/* Unchanged lines shown around each change, as diff -u does. */
#define TQC_DIFF_CONTEXT 3
/* A hunk header's annotation is cut at this many bytes: patch tools read any length,
 * people do not. The full list is in the comment lines before the file's header. */
#define TQC_DIFF_NOTE_MAX 300

/* The unified diff of res, with path as the file name on the ---/+++ lines. Writes
 * nothing when nothing changed. Format:
 *   # tqc: PATH: N fixes applied, M findings left for a human     (comment lines,
 *   # tqc: LINE:COL RULE: MESSAGE                                  one per fix; tools
 *   --- PATH                                                       skip text before a
 *   +++ PATH                                                       file's header)
 *   @@ -L,N +L,N @@ RULE: MESSAGE | RULE: MESSAGE                 (the free text after
 *   ...                                                            the second @@)
 * Messages are made printable (control bytes become spaces, invalid UTF-8 '?'); a fix
 * that was not safe ends in " (suggestion)", one found only once another fix had been
 * applied (check-and-fix rounds, see run/fix.h) in " (after another fix)". */
void tqc_diff_write(FILE *out, const tqc_fix_result *res, const char *path);

/* The word-level view of res: for each sentence with a change or a finding left, a
 * `NAME:LINE:COL:` line, the sentence with changes as [-old-]{+new+} (coloured when
 * color), then one line per fix applied and per finding left, with rule and message. */
void tqc_wdiff_write(FILE *out, const tqc_fix_result *res, bool color);

/* The HTML report: add each file's result, then write the page. The page needs
 * nothing but itself (styles and script inline, no fonts, images or requests) and
 * escapes everything that comes from the input. rules (borrowed until tqc_html_free)
 * describe the rule ids for the legend; may be NULL. */
typedef struct tqc_html tqc_html;
tqc_html *tqc_html_new(const tqc_rule_info *rules, size_t rule_count);
/* Renders res into the page (res may be freed afterwards). */
tqc_status tqc_html_add(tqc_html *h, const tqc_fix_result *res);
tqc_status tqc_html_write(tqc_html *h, FILE *out);
void tqc_html_free(tqc_html *h);
/* The report page's style sheet (static), for pages that share its look (tqc serve). */
const char *tqc_html_style(void);

#endif
