/* langid: which language a text is in. Two witnesses: libexttextcat (the n-gram guesser
 * LibreOffice uses) ranks the text against its fingerprints, and each candidate
 * language's Hunspell dictionary says what share of the text's ordinary (lower-case)
 * words it knows. The candidates are the languages tqc has a profile for
 * (data_dir/rules/<code>/profile) whose dictionary is installed; the language named is
 * always one of them, or none.
 * A tqc_langid also serves passes that need other languages than the document's (the
 * untranslated pass): profiles and dictionaries are opened on first use and kept.
 * It is NOT thread-safe (the dictionaries and exttextcat mutate): one per thread.
 * Nothing here prints or exits. */
#ifndef TQC_LANGID_H
#define TQC_LANGID_H

#include <stdbool.h>
#include <stddef.h>

#include "lang/dict.h"
#include "lang/lang.h"
#include "core/status.h"

/* The fingerprints and their list (fpdb.conf) of Debian's libexttextcat-data. */
#define TQC_LANGID_TEXTCAT_DIR "/usr/share/libexttextcat"
/* A file's language is told from its first bytes: an article shows it in far less. */
#define TQC_LANGID_SAMPLE_BYTES ((size_t)64 << 10)
/* Most candidate languages (folders under rules/) considered. */
#define TQC_LANGID_MAX_LANGS 32

typedef struct tqc_langid tqc_langid;

typedef struct tqc_langid_options {
    const char *data_dir;     /* holds rules/<code>/profile and dictionaries/ */
    const char *dict_path;    /* as tqc_dict_options.dict_path (NULL: the default) */
    const char *textcat_dir;  /* holds fpdb.conf and the .lm files; NULL: the default;
                                 "" : no exttextcat (the dictionaries alone decide) */
} tqc_langid_options;

/* Lists the candidate languages (their profiles and dictionaries are opened on first
 * use). A missing exttextcat or rules/ folder is not an error: there are then fewer
 * witnesses or no candidates. Fails only when out of memory. */
tqc_status tqc_langid_new(const tqc_langid_options *opts, tqc_langid **out);
/* Frees it and every profile and dictionary it opened (not lent ones); accepts NULL. */
void tqc_langid_free(tqc_langid *id);

/* The candidate languages, sorted by code. Codes are base codes (`pt`). */
size_t tqc_langid_count(const tqc_langid *id);
const char *tqc_langid_code(const tqc_langid *id, size_t i);
/* The index of the candidate whose code is code's base (`pt-BR` finds `pt`), or
 * SIZE_MAX. */
size_t tqc_langid_find(const tqc_langid *id, const char *code);
/* The candidate's profile and dictionary, loaded on first use: NULL when it has none
 * (or out of memory). Borrowed: the profile is valid while id lives, the dictionary
 * until tqc_langid_release (a checker calls it at each document's end) unless pinned. */
const tqc_lang *tqc_langid_profile(tqc_langid *id, size_t i);
tqc_dict *tqc_langid_dict(tqc_langid *id, size_t i);
/* The dictionary of a regional variety (`en-GB`, `pt-PT`) named by its profile's
 * `hunspell.<code>` setting, opened on first use and kept (at most
 * TQC_LANGID_MAX_VARIETIES); NULL when that dictionary is not installed. Borrowed. */
#define TQC_LANGID_MAX_VARIETIES 8
tqc_dict *tqc_langid_variety_dict(tqc_langid *id, const char *code);
/* The language's name for messages: its profile's `name` setting (`Portuguese`), else
 * its code. Valid while id lives. */
const char *tqc_langid_name(tqc_langid *id, size_t i);
/* Makes candidate code use dict (and profile, may be NULL) instead of opening its own:
 * a checker lends its own so they are not loaded twice. Both stay the caller's and must
 * outlive id. Ignored when code is not a candidate or its own are already open. */
void tqc_langid_lend(tqc_langid *id, const char *code, const tqc_lang *profile,
                     tqc_dict *dict);
/* Keeps candidate i's dictionary open for the rest of id's life (a checker borrows it). */
void tqc_langid_pin(tqc_langid *id, size_t i);
/* Closes the dictionaries id opened itself that loaded Hunspell and are not pinned: a
 * foreign clause in one document need not hold tens of megabytes through the rest of a
 * long run (a later document that needs one opens it again; its verdict file, when
 * there is a cache folder, answers the words asked before). */
void tqc_langid_release(tqc_langid *id);
/* tqc_langid_release for candidate i alone. */
void tqc_langid_release_one(tqc_langid *id, size_t i);

/* exttextcat's guesses for text[0, len), best first, as candidate indices: the
 * candidates among its guesses within a few percent of its best (at most max). Returns
 * how many; 0 when it has none of ours, too little text, or no exttextcat. *best_code,
 * when not NULL, gets its very best guess's language code (`zh`, `nl`: maybe no
 * candidate), "" when none, in a buffer of at least 16 bytes. */
size_t tqc_langid_textcat(tqc_langid *id, const char *text, size_t len, size_t *out, size_t max,
                          char *best_code);

/* How many of the n words (each words[k] of lens[k] bytes) the dictionary of candidate
 * i knows; 0 when it has no dictionary. */
size_t tqc_langid_known(tqc_langid *id, size_t i, const char *const *words, const size_t *lens,
                        size_t n);

/* Whether word is in candidate i's frequency list (true when it has none). A cheap
 * witness: a language none of whose common words a text has need not have its
 * dictionary opened to be ruled out. */
bool tqc_langid_common(tqc_langid *id, size_t i, const char *word, size_t len);

/* What tqc_langid_detect concluded. */
typedef struct tqc_langid_guess {
    const char *code;       /* the language (a candidate's code, valid while id lives), or
                               NULL when it cannot be told */
    bool short_text;        /* too few words to tell: code is NULL, or the fallback when
                               its dictionary knows them all */
    double coverage;        /* the share of the sample's words code's dictionary knows */
    size_t words;           /* ordinary words in the sample */
    size_t letters;         /* letters in the sample (0: nothing to tell from) */
    char textcat[16];       /* exttextcat's best guess (`pt`, `zh`), "" when none */
} tqc_langid_guess;

/* Tells the language of text[0, len) (only its first TQC_LANGID_SAMPLE_BYTES are read).
 * fallback (may be NULL) is the language the caller would otherwise assume: it wins
 * ties, and a short text its dictionary knows entirely is taken to be in it. Fails only
 * when out of memory. */
tqc_status tqc_langid_detect(tqc_langid *id, const char *text, size_t len, const char *fallback,
                             tqc_langid_guess *out);

#endif
