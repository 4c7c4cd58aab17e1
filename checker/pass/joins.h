/* joins: missing-space's run-ons of a word with what is not a word of letters: a number
 * (`in2019`, `300people`) or an acronym (`NATOsummit`). Kept apart from missing_space.c,
 * whose readings split letters into dictionary words: these tokens split where the kind
 * of character changes, and the question is only whether both sides stand alone. */
#ifndef TQC_PASS_JOINS_H
#define TQC_PASS_JOINS_H

#include "pass/pass.h"

/* Judges word or number token k when it joins letters and digits, reporting a run-on;
 * true for every word or number token with a digit, which needs no other check. */
bool tqc_join_number(const tqc_ctx *ctx, size_t k);
/* Judges word token k when it is an acronym in capitals run into a word in lower case
 * (`NATOsummit`, `FMIdans`); true when the token has that shape. */
bool tqc_join_acronym(const tqc_ctx *ctx, size_t k);

#endif
