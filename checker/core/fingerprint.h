/* fingerprint: what identifies a finding across edits of the text around it. */
#ifndef TQC_FINGERPRINT_H
#define TQC_FINGERPRINT_H

#include <stdint.h>

#include "core/doc.h"
#include "core/finding.h"

/* A fingerprint of f that survives unrelated edits: a hash of the rule, the span text
 * and up to TQC_FINGERPRINT_CONTEXT characters either side (not across a blank line,
 * nor a line break before a line that does not go on in lower case: another paragraph),
 * with white space runs folded to one space. No line numbers, offsets or segmenter
 * boundaries go in, so moving the text, re-wrapping it or editing text further away
 * leaves it unchanged. */
#define TQC_FINGERPRINT_CONTEXT 20
uint64_t tqc_finding_fingerprint(const tqc_doc *doc, const tqc_finding *f);

#endif
