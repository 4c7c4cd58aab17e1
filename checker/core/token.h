/* token: splits text into word, number, punctuation and space tokens by Unicode
 * category (utf8proc). Below the segmenter so language identification can count words
 * without segmenting. */
#ifndef TQC_TOKEN_H
#define TQC_TOKEN_H

#include "core/doc.h"

/* Tokens only, over text[span): appends to *toks (a malloc'd array the caller owns,
 * *count entries, *cap allocated). Used by tqc_segment and langid. */
tqc_status tqc_tokenize(const char *text, tqc_span span, tqc_token **toks,
                        size_t *count, size_t *cap);

#endif
