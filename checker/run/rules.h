/* rules: the one rule catalogue. Every pass of the registry, then the rules the pipeline
 * reports itself (unused-suppression), with what `tqc rules`, `tqc explain`, SARIF, the
 * HTML report and docs/rules/ say of them. The strings are static; nothing here prints. */
#ifndef TQC_RULES_H
#define TQC_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/finding.h"

/* Where docs/rules/RULE.md is published (SARIF helpUri, the HTML report's links); a
 * build from a fork sets DOCS_URL in the Makefile. */
#ifndef TQC_DOCS_URL
#define TQC_DOCS_URL "https://github.com/OWNER/tqc/blob/main/docs/rules"
#endif

/* What the catalogue says of one rule (SARIF's rules array, tqc explain). */
typedef struct tqc_rule_info {
    const char *id;
    tqc_severity severity;   /* default severity */
    const char *summary, *good, *bad;
    unsigned severities;     /* every severity it can emit (TQC_SEV_BIT), default included */
    const char *details;     /* what it finds and why (the pass descriptor) */
} tqc_rule_info;

/* Fills out[0, cap) with the catalogue, in run order; returns how many rules there are
 * (more than cap when it did not fit). */
size_t tqc_rules_catalogue(tqc_rule_info *out, size_t cap);
/* The rule with this id (a pass or unused-suppression) into *out; false if none. */
bool tqc_rules_find(const char *id, tqc_rule_info *out);
/* The severities of set, highest first and separated by sep ("error, warning"), into
 * buf (cap bytes, truncated). Returns buf. */
const char *tqc_rules_severities(unsigned set, const char *sep, char *buf, size_t cap);
/* The documentation page of rule id (TQC_DOCS_URL/ID.md) into buf; returns buf. */
const char *tqc_rules_doc_url(const char *id, char *buf, size_t cap);

#endif
