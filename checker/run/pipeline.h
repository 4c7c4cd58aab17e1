/* pipeline: the stages every command (check, diff, fix, report, audit) takes a file's
 * findings through, in this order: input -> language -> check -> suppress -> baseline
 * -> sink. The stages around the check are here, so each command does them alike:
 *   language  which checker checks each doc (tqc_pipe_lang below);
 *   suppress  the file's tqc-disable comments (run/suppress.h, run/suppress_file.h);
 *   baseline  the findings a baseline holds and those below --min-severity, which are
 *             neither reported, counted nor fixed (tqc_pipe_filter below).
 * Nothing here prints or exits. */
#ifndef TQC_PIPELINE_H
#define TQC_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/doc.h"
#include "core/finding.h"
#include "lang/langid.h"
#include "read/input.h"
#include "run/baseline.h"
#include "run/checker.h"
#include "run/pool.h"

/* The language stage for one file: which checker checks each of its docs. With detect
 * (--lang auto) an article (text, HTML) is told once, from its first doc, and so is a
 * bilingual file that declares no target language, from its first unit; a bilingual
 * file's units are checked in the language they declare (a region counts: `pt-PT`
 * picks its dictionary); ck, the file's configured checker, is the fallback. */
typedef struct tqc_pipe_lang {
    tqc_checker *ck;            /* the file's checker (its settings) */
    bool detect;                /* --lang auto */
    bool told;                  /* the file's language was told, or is not to be */
    tqc_checker *file_ck;       /* the checker of the language told (NULL: none yet) */
    /* What langid concluded when it was told, for the caller's note: guess.code NULL
     * when it could not tell; why set when the language told cannot be loaded here. */
    tqc_langid_guess guess;
    char why[256];
} tqc_pipe_lang;

/* Starts the stage for a file read as format. */
void tqc_pipe_lang_init(tqc_pipe_lang *pl, tqc_checker *ck, bool detect,
                        tqc_input_format format);
/* Tells the file's language from text[0, len) (its start). Fails only when out of
 * memory. */
tqc_status tqc_pipe_lang_tell(tqc_pipe_lang *pl, const char *text, size_t len);
/* The checker for doc into *out; doc's language becomes the one it is checked as.
 * *told: this doc told the file's language (see guess and why). On failure err says
 * why (a declared language that cannot be loaded). */
tqc_status tqc_pipe_lang_doc(tqc_pipe_lang *pl, tqc_doc *doc, tqc_checker **out, bool *told,
                             char *err, size_t errlen);

/* The baseline stage for one file. */
typedef struct tqc_pipe_filter {
    tqc_baseline *baseline;     /* known findings (NULL: none) */
    const char *key;            /* the file's path in the baseline */
    tqc_severity min_severity;  /* findings below it are left out */
} tqc_pipe_filter;

/* true when f (a finding of doc that passed the suppressions) is left out. Each
 * baseline entry accepts one finding; again: f is seen again after fixing (a later
 * round of run/fix.h), and an entry accepts it even when its first sighting was
 * accepted already. pf NULL: nothing is left out. */
bool tqc_pipe_drops(const tqc_pipe_filter *pf, const tqc_doc *doc, const tqc_finding *f,
                    bool again);
/* Removes from found what tqc_pipe_drops leaves out; returns how many. */
size_t tqc_pipe_filter_findings(const tqc_pipe_filter *pf, tqc_findings *found, bool again);

/* ---- the file loop ---- */

/* What a command does at each stage of tqc_pipe_file; ctx is passed to each. */
typedef struct tqc_pipe_hooks {
    void *ctx;
    /* true to stop before the next doc (Ctrl-C, an audit stopping). NULL: never. */
    bool (*stop)(void *ctx);
    /* A bad record of an input that goes on after one (JSON Lines): err says where and
     * why. Anything but TQC_OK ends the file with it. NULL: the record ends the file. */
    tqc_status (*bad_record)(void *ctx, const char *err);
    /* The reader's warning about the doc it just read. NULL: none said. */
    tqc_status (*warning)(void *ctx, const char *msg);
    /* After the language stage: doc is checked with ck; told, this doc told the file's
     * language (the stage's guess and why). NULL: nothing to say. */
    tqc_status (*lang)(void *ctx, const tqc_pipe_lang *pl, const tqc_doc *doc,
                       tqc_checker *ck, bool told);
    /* Instead of the check (segment): what is done with doc. NULL: tqc_check_doc. */
    tqc_status (*check)(void *ctx, tqc_checker *ck, tqc_doc *doc, tqc_findings *found);
    /* The sink, in file order: a checked doc and its findings, through the suppress and
     * baseline stages the command keeps (run/suppress_file.h, tqc_pipe_filter). It may
     * keep the doc and its findings (setting *doc to NULL and re-initialising found). */
    tqc_status (*doc)(void *ctx, tqc_doc **doc, tqc_findings *found);
} tqc_pipe_hooks;

/* The one file loop, for every command: each doc of in (input) through the language
 * stage pl (language), the check (check), then the hooks' doc (suppress, baseline,
 * sink). With pool not NULL and jobs > 1, the docs after a file's first are checked on
 * the pool (made on first need, run/pool.h; the caller frees it) while this thread reads
 * on, and come back to the sink in order. Returns the first failure (err says why: a
 * reader's error, or the doc's name and why its language cannot be checked); the docs
 * before it went to the sink. */
tqc_status tqc_pipe_file(tqc_input *in, tqc_pipe_lang *pl, tqc_pool **pool,
                         unsigned jobs, const tqc_pipe_hooks *h, char *err, size_t errlen);

#endif
