/* words: one record per distinct word form of a run (issue 15). A checker (one thread,
 * one language) keeps one table; each token's text is found in it once, at segmentation,
 * and the passes read what the record already holds instead of asking the dictionary or
 * the lexicon again in every document. A record's answers are filled in on the first
 * question (tqc_ctx_* accessors, pass/pass.h) and depend only on the form, the
 * checker's dictionary and its language's lexicon, so they hold for the whole run.
 * Bounded: a table past its cap is emptied before a document (tqc_words_begin_doc), and
 * a form that finds it full gets TQC_WORD_NONE: the caller asks directly. */
#ifndef TQC_WORDS_H
#define TQC_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* No record: the table was full (or out of memory). */
#define TQC_WORD_NONE UINT32_MAX
/* Marks a pos or pos_lower answer as asked (no lexicon bit uses it). */
#define TQC_WORD_ASKED (1u << 31)

typedef struct tqc_word {
    uint32_t pos;        /* the lexicon's parts of speech as written | TQC_WORD_ASKED */
    uint32_t pos_lower;  /* the same for the lower-cased form */
    uint8_t known;       /* the dictionary's verdict: 0 not asked, 1 known, 2 unknown */
    uint8_t known_lower; /* the same for the lower-cased form */
    uint8_t variant;     /* the case the dictionary knows it in instead: TQC_WORD_VARIANT_ */
    /* The spelling pass's walk of the words one edit away (pass/spelling.c), the costly
     * part of an unknown word: whether one is a known word (0 not asked, 1 yes, 2 no). */
    uint8_t slip;
    /* Word lists (tqc_words_list_bit): which were asked about the form, and which have it. */
    uint32_t lists_asked, lists_in;
} tqc_word;

/* tqc_word.variant: not asked yet; known as written or in no other case; known only with
 * an initial capital (`korean`: `Korean`); only in capitals (`nato`: `NATO`). */
enum { TQC_WORD_VARIANT_UNASKED, TQC_WORD_VARIANT_NONE, TQC_WORD_VARIANT_TITLE,
       TQC_WORD_VARIANT_UPPER };

typedef struct tqc_words tqc_words;

/* A table of at most max_words forms (0: the default). NULL when out of memory. */
tqc_words *tqc_words_new(size_t max_words);
void tqc_words_free(tqc_words *words);
/* Starts a document of token_count tokens: empties the table when it could fill up
 * within the document, and forgets each record's first token (tqc_words_first). */
void tqc_words_begin_doc(tqc_words *words, size_t token_count);
/* The id of the form s (len bytes), added when new; TQC_WORD_NONE when the table is
 * full or memory ran out. */
uint32_t tqc_words_id(tqc_words *words, const char *s, size_t len);
/* The record of an id tqc_words_id returned since the last emptying. */
tqc_word *tqc_words_at(tqc_words *words, uint32_t id);
/* The first token of the current document with form id: token k if none came before
 * (then k is remembered as the first). */
uint32_t tqc_words_first(tqc_words *words, uint32_t id, uint32_t k);
/* The id of the form s when the table holds it, else TQC_WORD_NONE; adds nothing. */
uint32_t tqc_words_find(const tqc_words *words, const char *s, size_t len);
/* Whether the current document has a token of form id (its first then goes to *k): so
 * when tqc_words_first was asked for each of its tokens. */
bool tqc_words_in_doc(const tqc_words *words, uint32_t id, uint32_t *k);
/* The bit of tqc_word.lists_asked and lists_in that stands for list, a word list that
 * lives as long as the table (a profile's); -1 when TQC_WORDS_LISTS lists have bits. */
#define TQC_WORDS_LISTS 32
int tqc_words_list_bit(tqc_words *words, const void *list);
/* How many forms the table holds. */
size_t tqc_words_count(const tqc_words *words);

#endif
