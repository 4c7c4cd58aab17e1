/* dict: every dictionary question, behind one small interface. Hunspell answers with
 * the system dictionary of the language (found on the dictionary path), extended by
 * the supplements (the .txt files in dictionaries/<lang>/) and the user's word lists. Verdicts are
 * cached per distinct word, so each word reaches Hunspell once per dict.
 * Word frequencies (dictionaries/<lang>/freq.tsv) rank candidate splits.
 * A tqc_dict is one thread's view: its hot verdicts are its own. Opening the same
 * dictionary again (same files, same word lists) shares what is costly, the Hunspell
 * handle, verdicts, suggestions and frequencies, under a lock, so every thread of a
 * process benefits from every word any of them has looked up.
 * Opening reads the word lists but not the Hunspell dictionary: verdicts come first from
 * the dictionary's verdict file (lang/verdicts.h, what earlier runs asked), then from its
 * compiled forms (lang/forms.h, every form it accepts), and Hunspell is loaded only at a
 * word neither decides. The verdict file is rewritten when the last view of a dictionary
 * is freed, if this run asked Hunspell anything new; the compiled forms are read when
 * present and built only on request: by tqc_dict_compile, or the first time a run loads
 * Hunspell for a dictionary when TQC_FORMS is "build" ("0" neither reads nor builds). */
#ifndef TQC_DICT_H
#define TQC_DICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lang/lang.h"
#include "core/status.h"

typedef struct tqc_dict tqc_dict;

typedef struct tqc_dict_options {
    const char *dict_path;           /* colon-separated folders with .aff/.dic; NULL: default */
    const char *const *word_files;   /* user word lists, one word a line */
    size_t word_file_count;
    /* The view asks a Hunspell handle of its own when the dictionary is already open in
     * another view, instead of waiting for the shared one: for threads checking many
     * files side by side, at the cost of the dictionary's memory again. */
    bool own_speller;
} tqc_dict_options;

/* Default folders searched for Hunspell dictionaries after dict_path and $TQC_DICT_PATH. */
#define TQC_DICT_SYSTEM_PATH "/usr/share/hunspell:/usr/share/myspell/dicts:/usr/share/myspell"

/* Opens the dictionary of lang: its profile setting `hunspell` names candidates
 * (`en_US en_GB`), otherwise the code itself with '-' as '_' and then the base code.
 * data_dir holds dictionaries/<base>/. On failure err says why. */
tqc_status tqc_dict_open(const tqc_lang *lang, const char *data_dir,
                         const tqc_dict_options *opts, tqc_dict **out,
                         char *err, size_t errlen);
void tqc_dict_free(tqc_dict *dict);
/* Loads the Hunspell dictionary now rather than at the first word the verdict file
 * lacks: for a process about to fork children that would each load it again. false
 * when it cannot be loaded. */
bool tqc_dict_load(tqc_dict *dict);
/* Whether a Hunspell dictionary is loaded for dict (its core's or its own): what makes
 * keeping an occasionally used view worth tens of megabytes. */
bool tqc_dict_loaded(tqc_dict *dict);
/* Whether dict's verdicts outlive it (a cache folder's verdict file): a view opened
 * again then answers the words asked before without loading Hunspell. */
bool tqc_dict_remembers(const tqc_dict *dict);

/* The name of the Hunspell dictionary in use (`en_US`). */
const char *tqc_dict_name(const tqc_dict *dict);

/* true when the word (len UTF-8 bytes) is correct as written. */
bool tqc_dict_known(tqc_dict *dict, const char *word, size_t len);
/* true when the word is known in some capitalisation but not as written (`korean`),
 * and then the known form is copied into fixed (NUL-terminated, at most cap bytes). */
bool tqc_dict_case_variant(tqc_dict *dict, const char *word, size_t len, char *fixed, size_t cap);

/* Up to max suggestions for word (max <= TQC_DICT_MAX_SUGGESTIONS is all there are),
 * best first, as NUL-terminated strings in out. Returns how many; free them with
 * tqc_dict_free_suggestions. With a frequency list: the words one edit away (a letter
 * deleted, inserted, replaced, or two swapped) that the list has seen and the dictionary
 * accepts, most frequent first; without one, Hunspell's own suggestions. Each distinct
 * word is answered once per dict (cached). */
#define TQC_DICT_MAX_SUGGESTIONS 10
size_t tqc_dict_suggest(tqc_dict *dict, const char *word, size_t len, char **out, size_t max);
/* What tqc_dict_each_edit hands each word one edit away; swap tells a swap of two
 * neighbours (the commonest slip). True stops the walk. */
typedef bool (*tqc_dict_edit_fn)(void *ctx, const char *word, size_t len, bool swap);
/* Calls visit with each word one edit from word (UTF-8, len bytes): a code point
 * deleted, two neighbours swapped, a letter of the dictionary's TRY inserted before a
 * code point or put in its place. True when a visit stopped it; false when none did,
 * and for a word longer than the dictionary's longest or not valid UTF-8. */
bool tqc_dict_each_edit(const tqc_dict *dict, const char *word, size_t len,
                        tqc_dict_edit_fn visit, void *ctx);
void tqc_dict_free_suggestions(char **list, size_t n);
/* Hunspell's own suggestions, uncached (tens of milliseconds a word): the baseline the
 * evaluation compares tqc's ranking with. Same contract as tqc_dict_suggest. */
size_t tqc_dict_hunspell_suggest(tqc_dict *dict, const char *word, size_t len, char **out,
                                 size_t max);

/* true when Hunspell reads the word (as written) as a form of an entry with a capital:
 * the dictionary holds it as a name or a proper adjective (`Republicans`, `Creole`) besides
 * any common word (`creole`). Uncached; Hunspell's stemmer, about a lookup's cost. */
bool tqc_dict_name_entry(tqc_dict *dict, const char *word, size_t len);
/* How often the word was seen in the frequency corpus (lower-cased lookup), 0 if never. */
uint64_t tqc_dict_freq(const tqc_dict *dict, const char *word, size_t len);
/* The total count of the frequency corpus (0 when the language has no list). */
uint64_t tqc_dict_freq_total(const tqc_dict *dict);

/* Builds the dictionary's compiled forms file (lang/forms.h) now unless a trusted one is
 * mapped: what `make install-cache` and the first run that loads Hunspell do. *forms
 * gets how many forms it holds, *complete whether the set is complete. Loads Hunspell
 * (the verifier). On failure err says why. */
tqc_status tqc_dict_compile(tqc_dict *dict, size_t *forms, bool *complete, char *err,
                            size_t errlen);

/* Statistics for benchmarks: distinct words cached and Hunspell calls made. */
void tqc_dict_stats(const tqc_dict *dict, size_t *cached, size_t *lookups);

#endif
