/* lang: a language profile, the rule data in rules/<lang>/ loaded by one generic
 * mechanism. Every file in that folder is a list (one entry a line, surrounding
 * spaces trimmed, lines starting with '#' and blank lines skipped), named by its file
 * name; the file `profile` holds `key = value` settings instead.
 * A profile is read-only once loaded, so threads may share it. */
#ifndef TQC_LANG_H
#define TQC_LANG_H

#include <stdbool.h>
#include <stddef.h>

#include "lang/lex.h"
#include "lang/quotes.h"
#include "core/status.h"
#include "core/strmap.h"

typedef struct tqc_lang tqc_lang;

/* Loads the profile for code (`en`, `en-GB`, `pt-BR`: the part before '-' names the
 * folder) from data_dir/rules/. A code without a folder gets an empty profile (every
 * language with a Hunspell dictionary still works). On failure err says why.
 * A process reads each profile once: loading the same code (in any spelling) from the
 * same data_dir again shares it; each load is undone by one tqc_lang_free. */
tqc_status tqc_lang_load(const char *data_dir, const char *code, tqc_lang **out,
                         char *err, size_t errlen);
void tqc_lang_free(tqc_lang *lang);

/* A BCP 47 code as tqc names profiles and dictionaries, case and separator ignored:
 * `FR-FR` -> `fr-FR`, `pt_BR` -> `pt-BR`, `zh-hans` -> `zh-Hans`, `ES-419` -> `es-419`
 * (primary language lower case, a script title case, a region upper case). Writes at most
 * cap bytes to out; a code too long for out is cut at a subtag boundary. */
void tqc_lang_canonical(const char *code, char *out, size_t cap);
/* Whether two codes are the same once canonical (`FR_fr` and `fr-FR`). */
bool tqc_lang_same_code(const char *a, const char *b);

/* The full code as asked for (`en-GB`) and its base (`en`). Valid until tqc_lang_free. */
const char *tqc_lang_code(const tqc_lang *lang);
const char *tqc_lang_base(const tqc_lang *lang);
/* The folder the profile was read from, or NULL when it has none. */
const char *tqc_lang_dir(const tqc_lang *lang);

/* The list in file `name`, or NULL when the language has none (tqc_strmap_get accepts
 * NULL, so callers need not check). Values are the 1-based line numbers. */
const tqc_strmap *tqc_lang_list(const tqc_lang *lang, const char *name);
/* true when word (len bytes) is an entry of list `name`. */
bool tqc_lang_in(const tqc_lang *lang, const char *name, const char *word, size_t len);
/* The profile setting key, or fallback when unset. Keys may carry a region suffix
 * (`hunspell.en-GB`), which wins over the plain key for that region. */
const char *tqc_lang_setting(const tqc_lang *lang, const char *key, const char *fallback);
/* Whether the profile sets key to `yes` (a switch off unless set). */
bool tqc_lang_yes(const tqc_lang *lang, const char *key);
/* The language's lexicon (data_dir/dictionaries/<base>/lexicon.tsv, opened by
 * tqc_lang_load when present), or NULL when it has none. Valid until tqc_lang_free. */
const tqc_lex *tqc_lang_lexicon(const tqc_lang *lang);
/* The language's words and phrases that its Hunspell dictionaries lack but a larger word
 * list has (data_dir/dictionaries/<base>/rare.tsv, the lexicon's format: variant
 * spellings, rarer words, phrases of other languages it uses: `glamor`, `nolo
 * contendere`), or NULL when it has none. Valid until tqc_lang_free. */
const tqc_lex *tqc_lang_rare(const tqc_lang *lang);
/* The language's quotation marks, brackets and apostrophes with their roles (its
 * `quotes` list, parsed once by tqc_lang_load; a malformed line fails the load). Empty
 * for a language without the list; NULL when lang is NULL (tqc_quotes_mark accepts it).
 * Valid until tqc_lang_free. */
const tqc_quotes *tqc_lang_quotes(const tqc_lang *lang);

#endif
