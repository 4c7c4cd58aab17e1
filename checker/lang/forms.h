/* forms: a Hunspell dictionary compiled into the set of word forms it accepts (issue 15),
 * so that a new article's words are answered without loading Hunspell (tens to hundreds
 * of milliseconds a dictionary).
 *
 * Building expands every .dic stem through the .aff's prefixes and suffixes (cross
 * products and continuation classes), adds the word lists' words, and keeps only the
 * forms Hunspell accepts: the caller's verifier (Hunspell_spell) is asked about every form
 * but those a stem's plain affixes make, which Hunspell's own affix check accepts (see
 * forms.c's plain_path); the file never holds as a word a form Hunspell refuses (a
 * compound part it refuses alone is held for its roles). The file says whether the set is complete for the dictionary (no
 * compounding that can make a word of letters but by COMPOUNDBEGIN/MIDDLE/END flags, no
 * IGNORE, no complex prefixes): then a word of letters absent from it, in any
 * capitalisation, is unknown without asking Hunspell, or, where the .aff compounds by
 * those flags (de_DE), is decided by the compound roles the file gives each form, as
 * Hunspell's compound_check would. Any other word shape (digits, hyphens, apostrophes,
 * dots, the aff's ICONV characters) is left to Hunspell but where the file says so.
 *
 * The file is mapped read-only; its body is checksummed in 4 KiB blocks, each checked
 * the first time a lookup touches it, so a start reads a few pages, not the whole file.
 * A file whose header, key or a touched block does not match is not trusted: from that
 * lookup on it answers nothing (TQC_FORMS_UNDECIDED) and tqc_forms_damaged says so. */
#ifndef TQC_FORMS_H
#define TQC_FORMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/status.h"

typedef struct tqc_forms tqc_forms;

typedef enum {
    TQC_FORMS_UNDECIDED = 0,   /* ask Hunspell */
    TQC_FORMS_YES = 1,
    TQC_FORMS_NO = 2,
} tqc_forms_answer;

/* What a dictionary is built from: the .aff and .dic files and the texts of the word
 * lists Hunspell is given (one word a line, `#` comments). */
typedef struct tqc_forms_source {
    const char *aff, *dic;
    const char *const *texts;
    const size_t *lens;
    size_t ntexts;
} tqc_forms_source;

/* Calls each with every word of a word list's text, as Hunspell_add is given them: one
 * word a line (the first 1,023 bytes of a longer one), cut at `#` or a carriage return,
 * with the blanks around it dropped. lang/dict.c adds them; a build expands them. */
void tqc_word_list_each(const char *text, size_t len,
                        void (*each)(void *ctx, const char *word, size_t n), void *ctx);

/* Whether Hunspell accepts word (UTF-8, len bytes) as written. */
typedef bool (*tqc_forms_accept_fn)(void *ctx, const char *word, size_t len);

/* What a build did, for the caller's report. */
typedef struct tqc_forms_stats {
    size_t candidates;   /* distinct forms generated */
    size_t forms;        /* of them, accepted and stored */
    bool complete;
} tqc_forms_stats;

/* Compiles src into a new file at path for key (written whole or not at all, see
 * tqc_cache_write). accept verifies each form the expansion cannot vouch for. On failure
 * err says why. */
tqc_status tqc_forms_build(const char *path, uint64_t key, const tqc_forms_source *src,
                           tqc_forms_accept_fn accept, void *ctx, tqc_forms_stats *stats,
                           char *err, size_t errlen);

/* Maps the file at path if its header is whole and was written for key; NULL
 * otherwise (absent, stale, corrupt, or out of memory). */
tqc_forms *tqc_forms_open(const char *path, uint64_t key);
void tqc_forms_free(tqc_forms *f);   /* accepts NULL */

/* Whether the set is complete for words of letters (see above). */
bool tqc_forms_complete(const tqc_forms *f);
/* How many forms the file holds. */
size_t tqc_forms_count(const tqc_forms *f);
/* True once a lookup found a block whose checksum does not match. */
bool tqc_forms_damaged(const tqc_forms *f);

/* True when tqc_forms_spell answers TQC_FORMS_NO for word from memory alone: every
 * lookup its answer needs is of a form the file's filter lacks (built once a run has
 * asked enough words); false when it would read the file or decide otherwise. Cheap for
 * the absent words a spell checker's one-edit walk asks by the thousand. Thread-safe. */
bool tqc_forms_lacks(tqc_forms *f, const char *word, size_t len);

/* Whether Hunspell_spell accepts word as written; undecided for a shape the file cannot
 * vouch for. f may be NULL (undecided). Thread-safe. */
tqc_forms_answer tqc_forms_spell(tqc_forms *f, const char *word, size_t len);
/* Whether Hunspell stems word to an entry written with a capital (lang/dict.h,
 * tqc_dict_name_entry); undecided as above. */
tqc_forms_answer tqc_forms_name(tqc_forms *f, const char *word, size_t len);

#endif
