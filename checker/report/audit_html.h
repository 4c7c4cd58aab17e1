/* audit_html: the audit dashboard, one self-contained HTML page drawn from a summary:
 * totals, a bar chart of findings per rule (stacked by severity), a histogram of defect
 * density per article, the worst articles (each linking to its annotated view when the
 * caller made one, with its findings per rule and a filter by rule made of radio buttons
 * and styles), and tables per folder and language. The charts are inline SVG that
 * tqc draws itself; the page has no script and loads nothing (a Content-Security-Policy
 * forbids every request). Everything from the input is escaped. */
#ifndef TQC_AUDIT_HTML_H
#define TQC_AUDIT_HTML_H

#include <stdio.h>

#include "run/audit_summary.h"

/* Writes the page for s (sorted by the call) to out. title names what was audited;
 * links (may be NULL, as may any entry) gives for each of s->worst an href to its
 * annotated view, relative to the page. */
void tqc_audit_html_write(FILE *out, tqc_audit_summary *s, const char *title,
                          const char *const *links);

#endif
