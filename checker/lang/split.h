/* split: the readings of a run-together token as two or three words (`dayson` ->
 * `hours on`), ranked best first. A reading's score is the log10 probability of its
 * words under a unigram model of the language's frequency list (tqc_dict_freq), so
 * `hours on` beats `hour son`; words the dictionary knows but the corpus never saw
 * count as rare. Every part must be a word the dictionary accepts as written.
 * Function words (the profile list `function-words`) are reported, not scored apart:
 * the caller decides what the shape of a join means. Nothing here allocates. */
#ifndef TQC_SPLIT_H
#define TQC_SPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lang/dict.h"
#include "lang/lang.h"

/* tqc_split_find searches two and three parts; a caller may build four (`que nous allons
 * faire`) with tqc_split_at. */
#define TQC_SPLIT_MAX_PARTS 4

typedef struct tqc_split_part {
    size_t start, end;      /* byte offsets in the word */
    size_t chars;           /* characters in the part */
    uint64_t freq;          /* corpus count (tqc_dict_freq), 0 if never seen */
    bool function;          /* a function word of the language */
} tqc_split_part;

typedef struct tqc_split {
    size_t count;           /* parts: 2 to TQC_SPLIT_MAX_PARTS */
    tqc_split_part part[TQC_SPLIT_MAX_PARTS];
    double score;           /* log10 probability of the reading; higher is better */
} tqc_split;

/* true when word (len bytes, any case) is in the profile list `function-words`. */
bool tqc_split_is_function_word(const tqc_lang *lang, const char *word, size_t len);

/* The unigram log10 probability of one word (any case): its corpus count over the
 * corpus total, with a floor for words the corpus never saw. */
double tqc_split_word_score(const tqc_dict *dict, const char *word, size_t len);

/* Inserts s into the best-first list out (n readings, at most max); returns the new
 * count. */
size_t tqc_split_keep_best(tqc_split *out, size_t n, size_t max, const tqc_split *s);

/* Scores the reading of word with spaces at the count-1 byte offsets in cuts
 * (increasing, inside the word, on character boundaries) into *out. false when a
 * part is not a dictionary word, or a one-letter part is not a function word. */
bool tqc_split_at(tqc_dict *dict, const tqc_lang *lang, const char *word, size_t len,
                  const size_t *cuts, size_t count, tqc_split *out);

/* Up to max readings of word (len bytes) as two words, and as three when it is long
 * enough, best first; returns how many were written to out. Words longer than
 * TQC_SPLIT_MAX_CHARS characters are not searched. */
#define TQC_SPLIT_MAX_CHARS 30
size_t tqc_split_find(tqc_dict *dict, const tqc_lang *lang, const char *word, size_t len,
                      tqc_split *out, size_t max);

/* Writes the reading's words separated by single spaces to out (NUL-terminated);
 * returns the length, or 0 when it does not fit in cap. */
size_t tqc_split_format(const char *word, const tqc_split *s, char *out, size_t cap);

#endif
