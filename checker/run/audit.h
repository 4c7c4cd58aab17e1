/* audit: checks a whole corpus with every core. One walker thread lists the files
 * (directories walked recursively in sorted order by run/walk.h, hidden files and
 * include/exclude globs applied, `-` read as a list of paths) and hands each to the one
 * worker pool (run/pool.h) as a task; a worker checks the file whole through the
 * pipeline (run/pipeline.h: input, language, check, suppress), reading it through the
 * input layer (format detected per file), on a tqc_checker of its own. The calling
 * thread releases the results strictly in walk order (a ring slot per file, partial
 * release of the file at the head), so findings reach the hooks (a reporter, a
 * database) from one thread, in the same order whatever the number of workers. It
 * counts everything into a tqc_audit_summary.
 * With a project (run/project.h) each file is checked as `tqc check` would: with its
 * settings (the nearest .tqc.ini or the one named, then the command line), each worker
 * keeping a checker for each of the few settings it meets, and its inline suppressions
 * (run/suppress_file.h); a drop hook filters findings in order (a baseline).
 * Memory is bounded whatever the corpus size: the walk runs at most TQC_AUDIT_WINDOW
 * files ahead of the release (the pool's window, the ring's size), and workers pause
 * while more than TQC_AUDIT_HELD_BYTES of checked text waits behind a slower file.
 * Nothing here prints, exits or installs signal handlers: the caller passes a stop flag
 * (set it from a SIGINT handler) and hooks. */
#ifndef TQC_AUDIT_H
#define TQC_AUDIT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "run/audit_summary.h"
#include "run/checker.h"
#include "read/input.h"
#include "run/project.h"

/* More threads than this is a typo, not a machine. */
#define TQC_AUDIT_MAX_JOBS 256
/* Files that may be walked and checked ahead of the one being released (the ring's
 * size, and the pool's window). */
#define TQC_AUDIT_WINDOW 4096
/* Checked text held for release behind a slower file before workers wait: enough for
 * thousands of articles, small next to a worker's dictionary. */
#define TQC_AUDIT_HELD_BYTES ((size_t)16 << 20)
/* Bytes read at a time for the binary probe and the checksum. */
#define TQC_AUDIT_READ_BLOCK 65536

/* What became of a file. */
typedef enum tqc_audit_state {
    TQC_AUDIT_CHECKED,      /* checked to its end */
    TQC_AUDIT_FAILED,       /* could not be read (error says why); earlier docs were released */
    TQC_AUDIT_UNCHANGED,    /* --incremental: its checksum is the one recorded */
    TQC_AUDIT_BINARY,       /* skipped: a NUL in its first TQC_BINARY_PROBE bytes */
    TQC_AUDIT_INTERRUPTED   /* stopped partway (the stop flag); earlier docs were released */
} tqc_audit_state;

/* A file as the hooks see it; valid during the hook call. Counts cover what was
 * released so far (all of the file in the file hook). */
typedef struct tqc_audit_file {
    size_t seq;             /* 0-based position in walk order */
    const char *path;       /* as it is named in findings */
    const char *folder;     /* the folder it is counted under */
    const char *lang;       /* the language it was checked as */
    tqc_severity fail_on;   /* its fail-on setting (warning without a project) */
    tqc_input_format format;
    tqc_audit_state state;
    const char *error;      /* FAILED: "PATH: cause" */
    /* A JSON Lines file's bad records (bad_records, each "PATH:LINE:COL: cause") and
     * warnings ("warning: PATH:LINE: what"), a line each; NULL when none. The valid
     * records around a bad one are checked all the same. */
    const char *notes;
    uint64_t bad_records;
    bool has_checksum;
    uint64_t checksum;      /* of the file's bytes (tqc_audit_checksum) */
    uint64_t size;          /* bytes in the file */
    uint64_t articles;      /* 1, or its records for JSON Lines */
    uint64_t words, bytes;  /* words and text bytes checked */
    uint64_t findings[3];
} tqc_audit_file;

typedef struct tqc_audit_progress {
    uint64_t files_done, files_total; /* total grows until walk_done */
    bool walk_done;
    uint64_t bytes_done, bytes_total; /* bytes_total: sizes of the files walked */
    uint64_t findings;
    double seconds;
} tqc_audit_progress;

typedef struct tqc_audit_hooks {
    void *ctx;
    /* A doc checked, in order, from the calling thread; findings sorted. Return TQC_OK
     * to go on; anything else stops the audit with that status. NULL: docs are freed
     * in the worker as soon as they are counted. */
    tqc_status (*doc)(void *ctx, const tqc_audit_file *file, const tqc_doc *doc,
                      const tqc_findings *found);
    /* A file done (any state), in order, from the calling thread. */
    tqc_status (*file)(void *ctx, const tqc_audit_file *file);
    /* Every progress_ms from the calling thread while the audit runs. */
    void (*progress)(void *ctx, const tqc_audit_progress *p);
    /* From worker threads, so it must only read: true when path with this checksum
     * needs no check (--incremental). Only asked when checksums are on. */
    bool (*unchanged)(void *ctx, const char *path, uint64_t checksum);
    /* From the calling thread, in order, for each finding before anything counts it:
     * true drops it (a baseline's known finding). fingerprint is
     * tqc_finding_fingerprint's. NULL: every finding counts. */
    bool (*drop)(void *ctx, const tqc_audit_file *file, const char *rule, uint64_t fingerprint);
} tqc_audit_hooks;

typedef struct tqc_audit_options {
    tqc_check_options check;    /* each worker makes its own checker from these */
    tqc_project *project;       /* each file's settings and suppressions; check then only
                                   gives data_dir (NULL: every file is checked with check,
                                   and no suppression applies). A settings or checker
                                   error stops the audit with that error. */
    tqc_input_format format;    /* TQC_INPUT_AUTO: detected per file */
    bool detect;                /* tell each text or HTML file's language from its content
                                   (tqc_checker_for_text), the configured one the fallback;
                                   bilingual docs are checked in the language they carry */
    unsigned jobs;              /* worker threads; 0: the online CPUs */
    const char *const *include; /* globs (see tqc_audit_glob_match); none: every file */
    size_t include_count;
    const char *const *exclude;
    size_t exclude_count;
    bool hidden;                /* walk hidden files and folders too */
    bool follow_links;          /* follow links to files outside the folder walked (by
                                   default such a link is skipped: its text would end up
                                   in findings, the database and the report) */
    const char *root;           /* folders are counted one level below it (NULL: below each
                                   directory argument; a named file: its directory) */
    FILE *paths_in;             /* where "-" reads its list of paths (NULL: stdin) */
    bool paths_null;            /* they end with NUL (find -print0), not a line break */
    bool checksums;             /* compute each file's checksum (for a database) */
    const atomic_int *stop;     /* set (non-zero) to stop early; may be NULL */
    double file_timeout;        /* seconds one file's check may take (0: no limit); a file
                                   over it is TQC_AUDIT_FAILED, its error saying skipped, and
                                   the audit goes on (core/cancel.h: checked between passes) */
    unsigned progress_ms;       /* 0: 200 */
    tqc_audit_hooks hooks;
} tqc_audit_options;

/* Audits paths[0, count) as described above into sum (initialised by the call; free it
 * with tqc_audit_summary_free even on failure). Files that cannot be read are counted
 * (sum->failed) and passed to the file hook, not returned as errors. Returns TQC_OK
 * when the audit ran (stopped early or not: see sum->interrupted); otherwise err says
 * why (a checker that cannot load, a hook that failed, no memory). */
tqc_status tqc_audit_run(const tqc_audit_options *opts, const char *const *paths,
                         size_t count, tqc_audit_summary *sum, char *err, size_t errlen);

/* Matches a glob against a path as .tqc.ini sections do (tqc_glob_match): a glob
 * without '/' against the file's name, one with '/' against its path below the walked
 * folder; a leading `./` on either is ignored. */
bool tqc_audit_glob_match(const char *glob, const char *path);

/* The folder a file at path is counted under (malloc'd; NULL when out of memory): the
 * folder one level below root when path is under root ("./" prefixes ignored; "." holds
 * every relative path), root itself for a file right in it; otherwise, or with root
 * NULL, the file's own folder ("." for a bare name). Trailing slashes are dropped. */
char *tqc_audit_folder(const char *path, const char *root);

/* The checksum the audit records: 64-bit FNV-1a of the bytes, as 16 hex digits when
 * printed. Continue a checksum by passing the previous value (start with
 * TQC_AUDIT_CHECKSUM_INIT). */
#define TQC_AUDIT_CHECKSUM_INIT 0xcbf29ce484222325ull
uint64_t tqc_audit_checksum(uint64_t h, const void *data, size_t len);

/* The number of online CPUs (at least 1). */
unsigned tqc_audit_cpus(void);

#endif
