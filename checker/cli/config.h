/* cli_config: the command line's side of project configuration (issue 7): each file's
 * settings from `.tqc.ini` and the options, one checker per distinct settings, inline
 * suppressions, baselines, `--changed-since`, and the `config --show` and
 * `baseline create` commands. This is CLI code: it prints its errors to stderr (as
 * "tqc: ...") and never exits; the library modules it drives (run/config.h, run/suppress.h,
 * run/baseline.h) do neither. */
#ifndef TQC_CLI_CONFIG_H
#define TQC_CLI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "run/checker.h"
#include "run/config.h"
#include "core/finding.h"
#include "report/report.h"
#include "run/pipeline.h"

/* The options this module adds to the command line. */
typedef struct tqc_ci_options {
    const char *config;         /* --config FILE: instead of finding .tqc.ini */
    const char *baseline;       /* --baseline FILE */
    bool baseline_prune;        /* --baseline-prune */
    const char *changed_since;  /* --changed-since REV */
    bool show;                  /* config --show */
    const char *output;         /* baseline create -o FILE */
    bool lang_set, fail_on_set; /* --lang, --fail-on were given */
    tqc_severity min_severity;  /* --min-severity: findings below it are not reported */
    const char *stdin_filename; /* --stdin-filename: standard input is checked as this
                                   path (its name, .tqc.ini sections, baseline key) */
    bool quiet;                 /* -q: baseline create and prune say nothing */
} tqc_ci_options;

typedef enum tqc_ci_mode {
    TQC_CI_CHECK,       /* check: suppressions, baseline, per-file fail-on */
    TQC_CI_FIX,         /* diff, fix, report, check --format diff: as check, but the
                           caller counts failing findings (tqc_ci_filter) */
    TQC_CI_OTHER,       /* segment: settings and checkers only */
    TQC_CI_BASELINE,    /* baseline create */
    TQC_CI_SHOW         /* config --show */
} tqc_ci_mode;

typedef struct tqc_ci tqc_ci;

/* Resolves the files (files[0, nfiles), filtered by --changed-since) and each one's
 * settings. cli holds what the command line says (it must outlive the tqc_ci). Returns
 * -1 when all is well, else the exit status after printing why. */
int tqc_ci_open(tqc_ci_mode mode, const tqc_ci_options *opts, const char *data_dir,
                const tqc_config_overrides *cli, char **files, size_t nfiles, tqc_ci **out);
void tqc_ci_free(tqc_ci *ci);

size_t tqc_ci_file_count(const tqc_ci *ci);
const char *tqc_ci_file(const tqc_ci *ci, size_t i);
/* The path file i is checked as: --stdin-filename's for standard input, else its own. */
const char *tqc_ci_file_as(const tqc_ci *ci, size_t i);
/* The language file i is checked as. */
const char *tqc_ci_lang(const tqc_ci *ci, size_t i);
/* file i's fail-on level. */
tqc_severity tqc_ci_fail_on(const tqc_ci *ci, size_t i);
/* The checker for file i's settings (shared by files whose settings agree), or NULL
 * after printing why it could not be made. */
tqc_checker *tqc_ci_checker(tqc_ci *ci, size_t i);

/* check and baseline create, around each file's docs: file_begin before the first doc
 * (sets rep->fail_on to the file's); doc for each checked doc, which filters its
 * findings (suppressions, baseline) and reports them, and may keep *doc and *found for
 * a while (it then sets *doc to NULL and empties *found; the caller frees what is
 * left; it fails only when out of memory, and prints nothing); file_end after the last
 * (complete: the whole file was read), which reports what was kept and the unused
 * suppressions (false after printing an error). */
void tqc_ci_file_begin(tqc_ci *ci, size_t i, tqc_reporter *rep);
tqc_status tqc_ci_doc(tqc_ci *ci, tqc_reporter *rep, tqc_doc **doc, tqc_findings *found,
                      tqc_run_stats *stats);
bool tqc_ci_file_end(tqc_ci *ci, tqc_reporter *rep, tqc_run_stats *stats, bool complete);
/* Marks file i as not checked (it could not be read): --baseline-prune keeps its entries. */
void tqc_ci_file_failed(tqc_ci *ci, size_t i);

/* file i's baseline stage (run/pipeline.h): --baseline and --min-severity. */
void tqc_ci_filter(const tqc_ci *ci, size_t i, tqc_pipe_filter *out);

/* true when a reported finding was at or above its file's fail-on. */
bool tqc_ci_failing(const tqc_ci *ci);
/* Writes the baseline (baseline create, --baseline-prune). false after printing why. */
bool tqc_ci_finish(tqc_ci *ci);

/* config --show: prints every file's effective settings and where each came from. */
int tqc_ci_show(tqc_ci *ci);


#endif
