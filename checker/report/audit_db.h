/* audit_db: an audit's results in SQLite, for people to query. Tables:
 *   runs       one row per audit (or merge): when, how, and the totals over the files
 *              it saw (checked, or unchanged under --incremental);
 *   files      one row per path, its latest state: folder, language, format, words,
 *              checksum, finding counts, the run that last checked it and the last
 *              run that saw it;
 *   findings   the findings of each file's latest check (file, rule, severity, line,
 *              column, offset, length, text, suggestion, message);
 *   run_rules  per run, rule, severity and language: the findings of the files that run
 *              saw, so trends between runs survive re-checks.
 * The audit's releasing thread is the one writer; rows go in batched transactions
 * (TQC_AUDIT_DB_BATCH findings or files each). A database is safe to read while an
 * audit writes it (WAL). Nothing here prints. */
#ifndef TQC_AUDIT_DB_H
#define TQC_AUDIT_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "run/audit.h"
#include "run/audit_summary.h"
#include "core/status.h"

/* Rows per transaction: large enough that commits cost nothing next to checking, small
 * enough that an interrupted audit keeps almost everything. */
#define TQC_AUDIT_DB_BATCH 20000
/* The schema this tqc writes (PRAGMA user_version). */
#define TQC_AUDIT_DB_VERSION 1

typedef struct tqc_audit_db tqc_audit_db;

typedef struct tqc_audit_db_run {
    const char *lang;
    const char *paths;      /* the audited paths, as one string */
    unsigned jobs;
    bool incremental;       /* load the checksums for tqc_audit_db_unchanged */
} tqc_audit_db_run;

/* Opens (creating when missing) the database at path and starts a run. */
tqc_status tqc_audit_db_open(const char *path, const tqc_audit_db_run *run,
                             tqc_audit_db **out, char *err, size_t errlen);
/* The audit's unchanged hook: true when path was last checked, in this language, with
 * this checksum. Read-only after open, so workers may call it at once. */
bool tqc_audit_db_unchanged(void *db, const char *path, uint64_t checksum);
/* The audit's doc and file hooks (ctx is the db). */
tqc_status tqc_audit_db_doc(void *db, const tqc_audit_file *file, const tqc_doc *doc,
                            const tqc_findings *found);
tqc_status tqc_audit_db_file(void *db, const tqc_audit_file *file);
/* Ends the run: commits, fills its totals and run_rules from the files it saw, and
 * records the summary's circumstances (time, interruption, skipped counts). */
/* --incremental: adds the files this run found unchanged to sum with what the database
 * holds of them (folder, language, bytes, words, articles, findings by rule and
 * severity), so the summary and dashboard report the corpus as it stands. Call before
 * tqc_audit_db_finish. A file of several articles (JSON Lines) counts its articles but
 * ranks among the worst as one. */
tqc_status tqc_audit_db_add_unchanged(tqc_audit_db *db, tqc_audit_summary *sum, char *err,
                                      size_t errlen);
tqc_status tqc_audit_db_finish(tqc_audit_db *db, const tqc_audit_summary *sum,
                               char *err, size_t errlen);
/* The last error of a hook, for the message. */
const char *tqc_audit_db_error(const tqc_audit_db *db);
/* Closes (rolling back what was not finished); accepts NULL. */
void tqc_audit_db_close(tqc_audit_db *db);

/* Merges the audit databases inputs[0, n) into a new database at out (replaced
 * atomically when it exists): every run, file and finding, a path found in several
 * inputs taken from the last; then one run of kind merge that has seen every file, so
 * its totals and run_rules are those of one audit of the whole. */
tqc_status tqc_audit_db_merge(const char *out, const char *const *inputs, size_t n,
                              char *err, size_t errlen);

/* true when the file at path starts as an SQLite database does. */
bool tqc_audit_db_is_sqlite(const char *path);

#endif
