/* check: the pipeline for one language: segment a doc, run every enabled pass over it,
 * and leave sorted, merged findings. A checker owns its language profile, its view of
 * the dictionary and its pass states; it is not thread-safe, so use one per thread
 * (tqc_checker_clone): clones share the dictionaries' costly parts (lang/dict.h). */
#ifndef TQC_CHECKER_H
#define TQC_CHECKER_H

#include "core/cancel.h"
#include "lang/dict.h"
#include "core/doc.h"
#include "core/finding.h"
#include "lang/lang.h"
#include "pass/pass.h"

typedef struct tqc_checker tqc_checker;
struct tqc_langid_guess;    /* lang/langid.h */

typedef struct tqc_check_options {
    const char *data_dir;       /* holds rules/ and dictionaries/ */
    const char *lang;           /* language code */
    tqc_dict_options dict;
    const char *const *disabled; /* pass ids not to run */
    size_t disabled_count;
    /* Severity overrides (a project's config): applied to each pass's findings before
     * same-span findings are merged, so the merged finding keeps the highest one. */
    const struct tqc_rule_severity *severities;
    size_t severity_count;
    /* A language without an installed dictionary is checked by the passes that need
     * none, instead of failing (the siblings made for languages files declare). */
    bool dict_optional;
} tqc_check_options;

typedef struct tqc_rule_severity {
    const char *rule;           /* pass id */
    tqc_severity severity;
} tqc_rule_severity;

tqc_status tqc_checker_new(const tqc_check_options *opts, tqc_checker **out,
                           char *err, size_t errlen);
void tqc_checker_free(tqc_checker *checker);
/* A new checker with checker's language, options and cancel, for another thread. */
tqc_status tqc_checker_clone(const tqc_checker *checker, tqc_checker **out, char *err,
                             size_t errlen);

const tqc_lang *tqc_checker_lang(const tqc_checker *checker);
/* NULL when the language has no dictionary here (dict_optional). */
tqc_dict *tqc_checker_dict(tqc_checker *checker);
/* false when the checker runs without a dictionary (only the passes that need none). */
bool tqc_checker_has_dict(const tqc_checker *checker);

/* Most source languages a checker keeps loaded for bilingual docs. */
#define TQC_CHECKER_MAX_SOURCES 8

/* The profile and dictionary of source language code (a bilingual doc's
 * doc->source->lang), loaded on first use and cached per language; each is NULL when the
 * language has none here (or code is empty), and the passes then do without. Borrowed:
 * valid while the checker lives. Fails only when out of memory. */
tqc_status tqc_checker_source(tqc_checker *checker, const char *code, const tqc_lang **lang,
                              tqc_dict **dict);

/* Most languages one checker makes siblings for (tqc_checker_for_lang). */
#define TQC_CHECKER_MAX_LANGS 8

/* The checker for language code with checker's options (data, dictionary path, word
 * lists, disabled rules, severities): checker itself when code is its language, else a
 * sibling made on first use, kept by checker and freed with it. On failure err says
 * why. The siblings share checker's langid, so use them in checker's thread only. */
tqc_status tqc_checker_for_lang(tqc_checker *checker, const char *code, tqc_checker **out,
                                char *err, size_t errlen);

/* true when the two language codes have the same base (`pt-BR` and `pt`). */
bool tqc_lang_same_base(const char *a, const char *b);

/* --lang auto: the checker for the language of text[0, len) (an article's start) into
 * *out: checker's sibling for the language told (tqc_checker_for_lang), or checker itself
 * when the text is in its language or cannot be told (guess->code NULL), or when the
 * language told cannot be loaded here (err then says why). guess gets what langid
 * concluded. Fails only when out of memory. */
tqc_status tqc_checker_for_text(tqc_checker *checker, const char *text, size_t len,
                                tqc_checker **out, struct tqc_langid_guess *guess, char *err,
                                size_t errlen);

/* The languages tqc knows (lang/langid.h), for telling a document's language and for the
 * passes; shared by a checker and its siblings, lent their profiles and dictionaries.
 * NULL only when out of memory. */
struct tqc_langid *tqc_checker_langid(tqc_checker *checker);

/* Lends checker (and its siblings, present and future) cancel, which must outlive the
 * lending; NULL ends it. tqc_check_doc then gives up with TQC_ETIME once cancel says so,
 * checking before it segments and between passes (a running pass is not interrupted). */
void tqc_checker_set_cancel(tqc_checker *checker, const tqc_cancel *cancel);

/* Segments doc (and doc->source, in the source language, setting its profile and dict)
 * and runs the passes; out (initialised on doc) gets the findings, sorted by position
 * and merged. TQC_ETIME when the checker's cancel says so (out then holds no findings). */
tqc_status tqc_check_doc(tqc_checker *checker, tqc_doc *doc, tqc_findings *out);

#endif
