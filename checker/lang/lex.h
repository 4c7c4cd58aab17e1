/* lex: a language's lexicon (dictionaries/<lang>/lexicon.tsv), parts of speech per word form.
 * The file is mapped read-only and searched in place: opening costs one validation scan,
 * never a copy, and threads may share a lexicon. A file opened again while open (by each
 * profile of a language) is the same lexicon, counted: each tqc_lex_open has its
 * tqc_lex_free. Owned by the language profile (lang/lang.h).
 * A form the lexicon lacks is unknown (0): neither a verb nor a non-verb. */
#ifndef TQC_LEX_H
#define TQC_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "core/status.h"

enum { TQC_POS_VFIN = 1u<<0, TQC_POS_VINF = 1u<<1, TQC_POS_VPART = 1u<<2, TQC_POS_VGER = 1u<<3,
       TQC_POS_AUX = 1u<<4, TQC_POS_NOUN = 1u<<5, TQC_POS_PROPN = 1u<<6, TQC_POS_ADJ = 1u<<7,
       TQC_POS_ADV = 1u<<8, TQC_POS_DET = 1u<<9, TQC_POS_PRON = 1u<<10, TQC_POS_PREP = 1u<<11,
       TQC_POS_CONJ = 1u<<12, TQC_POS_NUM = 1u<<13, TQC_POS_INTJ = 1u<<14,
       /* WORD: a word whose source gives no part of speech (a word list's) */
       TQC_POS_WORD = 1u<<15 };
#define TQC_POS_VERB (TQC_POS_VFIN|TQC_POS_VINF|TQC_POS_VPART|TQC_POS_VGER|TQC_POS_AUX)

typedef struct tqc_lex tqc_lex;

/* Opens the lexicon at path: `#` header lines, then `form<TAB>TAGS` lines with distinct
 * forms in byte order and TAGS a comma-separated set of VFIN, VINF, ... INTJ (the names of
 * the TQC_POS_ bits). A file out of order, with an unknown tag or a malformed line is
 * refused (TQC_EINPUT, err names the file and line). */
tqc_status tqc_lex_open(const char *path, tqc_lex **out, char *err, size_t errlen);
void tqc_lex_free(tqc_lex *lex);                      /* accepts NULL */
/* Parts of speech of form (len bytes) exactly as written; 0 when the lexicon lacks it
 * (or lex is NULL). */
uint32_t tqc_lex_pos(const tqc_lex *lex, const char *form, size_t len);
/* tqc_lex_pos for another language's lexicon, asked about many words it mostly lacks
 * (spelling's foreign phrases): the same answer, from a Bloom filter and binary searches
 * whose pages are handed back, not from a hash index (megabytes a language). */
uint32_t tqc_lex_pos_foreign(const tqc_lex *lex, const char *form, size_t len);
/* How many letter trigrams of word (len bytes; a-z in either case, word edges, hyphens and
 * apostrophes as edges; trigrams with another character skipped) no form of lex but a name
 * has: a
 * word the language's spelling does not make (`slapd`: `apd`, `pd` at the end). 0 when
 * lex is NULL. *spread gets the distance in bytes between the ends of the first and the
 * last of them: one slip of the keyboard (a letter added, dropped, changed or two swapped)
 * makes odd trigrams within 2 of each other (`ribeirnhos`: `irn`, `rnh`), a foreign word
 * more often further apart (`slapd`: `^sl` ... `d$`). The table is built on the first
 * call (one scan of the forms). */
size_t tqc_lex_odd_trigrams(const tqc_lex *lex, const char *word, size_t len, size_t *spread);
/* How many forms lex holds. */
size_t tqc_lex_count(const tqc_lex *lex);
/* The TQC_POS_ bit named by tag (len bytes: `VFIN`), or 0 when it names none. */
uint32_t tqc_lex_tag(const char *tag, size_t len);

#endif
