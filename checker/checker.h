/* check: the pipeline for one language: segment a doc, run every enabled pass over it,
 * and leave sorted, merged findings. A checker owns its language profile, dictionary and
 * pass states; it is not thread-safe (its dictionary caches), so use one per thread. */
#ifndef TQC_CHECKER_H
#define TQC_CHECKER_H

#include "dict.h"
#include "doc.h"
#include "finding.h"
#include "lang.h"
#include "pass.h"

typedef struct tqc_checker tqc_checker;

typedef struct tqc_check_options {
    const char *data_dir;       /* holds rules/ and dictionaries/ */
    const char *lang;           /* language code */
    tqc_dict_options dict;
    const char *const *disabled; /* pass ids not to run */
    size_t disabled_count;
} tqc_check_options;

tqc_status tqc_checker_new(const tqc_check_options *opts, tqc_checker **out,
                           char *err, size_t errlen);
void tqc_checker_free(tqc_checker *checker);

const tqc_lang *tqc_checker_lang(const tqc_checker *checker);
tqc_dict *tqc_checker_dict(tqc_checker *checker);

/* Segments doc and runs the passes; out (initialised on doc) gets the findings,
 * sorted by position and merged. */
tqc_status tqc_check_doc(tqc_checker *checker, tqc_doc *doc, tqc_findings *out);

#endif
