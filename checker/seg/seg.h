/* seg: splits a document into paragraphs, sentences and tokens (fills doc->paragraphs,
 * doc->sentences, doc->tokens). Language knowledge (abbreviations, sentence starters)
 * comes from the profile's lists; the C code names no language's words.
 * Allocates the doc's arrays (the doc owns them). */
#ifndef TQC_SEG_H
#define TQC_SEG_H

#include "core/doc.h"
#include "lang/lang.h"

/* Segments doc in place. lang may be NULL (no abbreviations known). */
tqc_status tqc_segment(tqc_doc *doc, const tqc_lang *lang);

#endif
