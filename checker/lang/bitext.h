/* bitext: what the bilingual passes (number, untranslated, omission, addition, markup)
 * share about a target doc and its source (doc->source): whether a doc is bilingual,
 * how much text each side carries, the length ratio to expect for the language pair,
 * and numbers read as values whatever their locale's notation.
 * Pure functions over borrowed docs; nothing here allocates. */
#ifndef TQC_BITEXT_H
#define TQC_BITEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/doc.h"
#include "lang/lang.h"

/* Letters and digits in doc (what a translation carries over: spaces and punctuation
 * vary by language), and how many of them are ideographs or kana/hangul (scripts
 * that pack a word into one or two characters). */
size_t tqc_bitext_weight(const tqc_doc *doc, size_t *dense);

/* The target/source length ratio (in tqc_bitext_weight units) expected for the pair,
 * from each profile's `length-factor` (characters per English character); 1 when both
 * lack one but the two texts are in the same kind of script; 0 when unknown. */
double tqc_bitext_expected_ratio(const tqc_doc *target, const tqc_lang *target_lang,
                                 const tqc_lang *source_lang);

/* A bilingual unit's lengths, in tqc_bitext_weight units. */
typedef struct tqc_bitext_lengths {
    size_t target, source;
    double expected;          /* the target length the source's predicts */
} tqc_bitext_lengths;
/* Fills *out for target and its source; false when there is no source, the source has
 * fewer than min_source units, or the pair's ratio is unknown: nothing to compare. */
bool tqc_bitext_compare(const tqc_doc *target, const tqc_lang *target_lang,
                        const tqc_lang *source_lang, size_t min_source,
                        tqc_bitext_lengths *out);

/* The values a number token may stand for, whatever its notation: `3,5` and `3.5` are
 * 3.5; `1.000` and `1,000` are both 1000 and 1; times `11h43`, `11:43` and `23:43` are the
 * same time of day (modulo 12 hours, since `11:43 pm` is written without the pm digits);
 * `13/09/2023` is three numbers. */
#define TQC_NUM_MAX_ATOMS 4
#define TQC_NUM_MAX_READINGS 2
#define TQC_NUM_TEXT 32
typedef struct tqc_num_atom {
    char readings[TQC_NUM_MAX_READINGS][TQC_NUM_TEXT]; /* canonical forms */
    size_t reading_count;
    bool small;     /* an integer from 0 to 10: often written out as a word instead */
} tqc_num_atom;

/* Reads the number token at text[span] into atoms (room for TQC_NUM_MAX_ATOMS);
 * returns how many. */
size_t tqc_num_read(const char *text, tqc_span span, tqc_num_atom *atoms);
/* true when two atoms share a reading. */
bool tqc_num_match(const tqc_num_atom *a, const tqc_num_atom *b);

#endif
