/* morph: whether a word the dictionary lacks is a regular formation of words it knows,
 * by the profile's lists, so that productive word formation Hunspell's lists miss is not
 * taken for a misspelling:
 *  - a productive prefix (`prefixes`): `re` + `configurar`, `pré` + `configuration`,
 *    also with a hyphen (`semi-automatizados`);
 *  - enclitic pronouns after a verb (`enclitics`): `configurar` + `lo`, up to two
 *    (`dá` + `me` + `lo`); the verb as the lexicon lists it, with the written stress
 *    mark dropped (`quitándolo`: `quitando`) or the profile's `enclitic-stem-restore`
 *    added back (Italian `comprender` + `lo`: `comprendere`);
 *  - where the profile has `solid-compounds = yes`, a compound of two words, the first
 *    also as a capitalised noun of the lexicon, with a linking element of
 *    `compound-links` after a noun (`Sicherheit` + `s` + `bezogen`) or of
 *    `infinitive-links` between a particle and an infinitive (`zurück` + `zu` + `weisen`),
 *    whose parts of speech allow one (tqc_morph_compound_pair);
 *  - a derivation of a verb by a suffix of `derivations` (`entregar`: `entregables`,
 *    `router`: `routable`), the verb an infinitive of the lexicon.
 * The parts must be long enough that a misspelling rarely falls apart into words
 * (MORPH_MIN_* in morph.c), and a function word is at an end only where the profile's
 * `function-words` marks it as one that begins (`sobre-`) or ends (`-lo`) words: a run-on
 * (`undwenn`, `paraservidores`) is no formation. Pure; nothing allocates. */
#ifndef TQC_MORPH_H
#define TQC_MORPH_H

#include <stddef.h>

#include "lang/dict.h"
#include "lang/lang.h"

typedef enum {
    TQC_MORPH_NONE,      /* no regular formation of known words */
    TQC_MORPH_PREFIX,
    TQC_MORPH_ENCLITIC,
    TQC_MORPH_COMPOUND,
    TQC_MORPH_DERIVED,
} tqc_morph_kind;

/* TQC_MORPH_STRICT: no function word at either end of a prefix or a compound, marked or
 * not (`sous` + `forme` is a run-on as often as a formation): for missing-space, which has
 * no other check; spelling also asks whether a frequent word is one edit away. */
#define TQC_MORPH_STRICT 1u

/* How word (len bytes, as written) is formed from words dict knows, or TQC_MORPH_NONE.
 * Only the formations the profile lists are tried: a profile with none of the lists
 * answers NONE for every word. flags: 0 or TQC_MORPH_STRICT. */
tqc_morph_kind tqc_morph_parse(tqc_dict *dict, const tqc_lang *lang, const char *word,
                               size_t len, unsigned flags);

/* Whether word (len bytes, as written) is a base word and a suffix of the profile's
 * `suffixes` list (`ers - VINF`: the suffix, the ending of the base it replaces or `-`,
 * the parts of speech the lexicon must give the base, as lex.h names them): `school` +
 * `ers`, `bashing` + `s`. The base, which the dictionary knows, is written to base (at
 * most cap bytes, NUL-terminated); returns its length, 0 when no entry applies. Apart
 * from tqc_morph_parse: a word one letter from its base is its slip as often (spelling
 * weighs the other words near it). */
size_t tqc_morph_suffixed(tqc_dict *dict, const tqc_lang *lang, const char *word, size_t len,
                          char *base, size_t cap);

/* Why the parts of speech of two words, by the lexicon, let no compound open with head
 * and end with tail, where compounds are written solid: an inflected verb opens none
 * (`bietet` + `jedoch`); an adverb ends one only after a particle or an adverb (`haben` +
 * `bereits`, `Mus` + `s` + `sofort`); an infinitive opens one only before a full verb
 * (`lernen` + `oft`, `steigen` + `weiter`, `machen` + `sollen`). A word the lexicon lacks
 * is not judged. */
typedef enum {
    TQC_MORPH_PAIR_OK,
    TQC_MORPH_PAIR_FINITE_HEAD,
    TQC_MORPH_PAIR_ADVERB_TAIL,
    TQC_MORPH_PAIR_INFINITIVE_HEAD,
} tqc_morph_pair;
tqc_morph_pair tqc_morph_compound_pair(const tqc_lang *lang, const char *head, size_t hn,
                                       const char *tail, size_t tn);

#endif
