/* audit_db: the SQLite schema, the writer behind the audit's hooks, and the merge. */
#include "report/audit_db.h"

#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/strmap.h"

#ifndef TQC_VERSION
#define TQC_VERSION "0.1.0"
#endif

/* Another process holding the database (a reader mid-query) is waited for this long. */
#define DB_BUSY_MS 10000

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS runs (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  started TEXT NOT NULL,            -- UTC, ISO 8601\n"
    "  finished TEXT,\n"
    "  version TEXT NOT NULL,            -- of tqc\n"
    "  lang TEXT,\n"
    "  paths TEXT,\n"
    "  jobs INTEGER,\n"
    "  incremental INTEGER NOT NULL DEFAULT 0,\n"
    "  merged_from TEXT,                 -- a merge: the databases merged\n"
    "  interrupted INTEGER NOT NULL DEFAULT 0,\n"
    "  seconds REAL,\n"
    "  checked INTEGER, unchanged INTEGER, failed INTEGER,\n"
    "  binary INTEGER, hidden INTEGER, excluded INTEGER,\n"
    "  files INTEGER, articles INTEGER, words INTEGER, bytes INTEGER,\n"
    "  findings INTEGER, errors INTEGER, warnings INTEGER, infos INTEGER\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS files (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  path TEXT NOT NULL UNIQUE,\n"
    "  folder TEXT NOT NULL,\n"
    "  language TEXT NOT NULL,\n"
    "  format TEXT NOT NULL,\n"
    "  status TEXT NOT NULL,             -- checked, failed or interrupted\n"
    "  error TEXT,\n"
    "  articles INTEGER NOT NULL DEFAULT 0,\n"
    "  words INTEGER NOT NULL DEFAULT 0,\n"
    "  bytes INTEGER NOT NULL DEFAULT 0,\n"
    "  checksum TEXT,                    -- 64-bit FNV-1a of the file, hex\n"
    "  findings INTEGER NOT NULL DEFAULT 0,\n"
    "  errors INTEGER NOT NULL DEFAULT 0,\n"
    "  warnings INTEGER NOT NULL DEFAULT 0,\n"
    "  infos INTEGER NOT NULL DEFAULT 0,\n"
    "  run INTEGER NOT NULL REFERENCES runs(id),  -- last checked by\n"
    "  seen INTEGER NOT NULL REFERENCES runs(id)  -- last audited by\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS files_folder ON files(folder);\n"
    "CREATE INDEX IF NOT EXISTS files_language ON files(language);\n"
    "CREATE INDEX IF NOT EXISTS files_seen ON files(seen);\n"
    "CREATE TABLE IF NOT EXISTS findings (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  file INTEGER NOT NULL REFERENCES files(id),\n"
    "  run INTEGER NOT NULL REFERENCES runs(id),\n"
    "  article TEXT,                     -- the record id of a JSONL article\n"
    "  rule TEXT NOT NULL,\n"
    "  severity TEXT NOT NULL,           -- error, warning or info\n"
    "  line INTEGER NOT NULL,            -- 1-based\n"
    "  column INTEGER NOT NULL,          -- 1-based, in characters\n"
    "  offset INTEGER NOT NULL,          -- bytes into the file\n"
    "  length INTEGER NOT NULL,          -- bytes\n"
    "  text TEXT NOT NULL,\n"
    "  suggestion TEXT,                  -- the best one\n"
    "  message TEXT NOT NULL,\n"
    "  also TEXT                         -- other rules that found the same span\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS findings_file ON findings(file);\n"
    "CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule, severity);\n"
    "CREATE TABLE IF NOT EXISTS run_rules (\n"
    "  run INTEGER NOT NULL REFERENCES runs(id),\n"
    "  rule TEXT NOT NULL,\n"
    "  severity TEXT NOT NULL,\n"
    "  language TEXT NOT NULL,\n"
    "  findings INTEGER NOT NULL,\n"
    "  PRIMARY KEY (run, rule, severity, language)\n"
    ");\n";

enum {
    ST_UPSERT, ST_CLEAR, ST_FINDING, ST_UPDATE, ST_SEEN, ST_COUNT
};

static const char *const statements[ST_COUNT] = {
    "INSERT INTO files(path, folder, language, format, status, run, seen) "
    "VALUES(?1, ?2, ?3, ?4, 'checked', ?5, ?5) ON CONFLICT(path) DO UPDATE SET "
    "folder = excluded.folder, language = excluded.language, format = excluded.format, "
    "status = 'checked', error = NULL, run = excluded.run, seen = excluded.seen RETURNING id",
    "DELETE FROM findings WHERE file = ?1",
    "INSERT INTO findings(file, run, article, rule, severity, line, column, offset, length, "
    "text, suggestion, message, also) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12, ?13)",
    "UPDATE files SET status = ?2, error = ?3, articles = ?4, words = ?5, bytes = ?6, "
    "checksum = ?7, findings = ?8, errors = ?9, warnings = ?10, infos = ?11, language = ?12, "
    "format = ?13 WHERE id = ?1",
    "UPDATE files SET seen = ?2 WHERE path = ?1",
};

struct tqc_audit_db {
    sqlite3 *db;
    sqlite3_stmt *st[ST_COUNT];
    int64_t run;
    char lang[64];
    bool in_tx;
    size_t batch;               /* rows in the open transaction */
    size_t cur_seq;             /* the file whose row is file_id */
    bool have_file;
    int64_t file_id;
    tqc_strmap *checksums;      /* --incremental: path -> checksum of the last check */
    char err[512];
};

static tqc_status db_fail(sqlite3 *db, const char *what, char *err, size_t errlen)
{
    snprintf(err, errlen, "%s: %s", what, db ? sqlite3_errmsg(db) : "cannot open");
    return TQC_EIO;
}

static tqc_status exec(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return TQC_OK;
    snprintf(err, errlen, "%s", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    return TQC_EIO;
}

static void utc_now(char *out, size_t cap)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Creates the schema, or checks that an existing database has ours. */
static tqc_status prepare_schema(sqlite3 *db, const char *path, char *err, size_t errlen)
{
    sqlite3_busy_timeout(db, DB_BUSY_MS);
    sqlite3_stmt *q;
    int version = 0;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL) != SQLITE_OK)
        return db_fail(db, path, err, errlen);
    if (sqlite3_step(q) == SQLITE_ROW)
        version = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    if (version > TQC_AUDIT_DB_VERSION) {
        snprintf(err, errlen, "%s: written by a newer tqc (schema %d)", path, version);
        return TQC_EINPUT;
    }
    /* Someone else's database would silently get our tables: refuse one that holds
     * anything but them (ours, from a run cut before its version was set, is fine). */
    if (version == 0) {
        int foreign = 0;
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE tbl_name NOT IN "
                               "('runs', 'files', 'findings', 'run_rules')", -1, &q,
                               NULL) != SQLITE_OK)
            return db_fail(db, path, err, errlen);
        if (sqlite3_step(q) == SQLITE_ROW)
            foreign = sqlite3_column_int(q, 0);
        sqlite3_finalize(q);
        if (foreign) {
            snprintf(err, errlen, "%s: not a tqc database (it holds other tables); give --db "
                     "a new or empty file", path);
            return TQC_EINPUT;
        }
    }
    /* WAL lets people query while an audit writes; NORMAL syncs at checkpoints only,
     * which is safe with WAL (a crash loses at most the last transactions). */
    char msg[512];
    if (exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", msg,
             sizeof msg) != TQC_OK ||
        exec(db, schema, msg, sizeof msg) != TQC_OK ||
        exec(db, "PRAGMA user_version = 1", msg, sizeof msg) != TQC_OK) {
        snprintf(err, errlen, "%s: %s", path, msg);
        return TQC_EIO;
    }
    return TQC_OK;
}

static tqc_status open_db(const char *path, sqlite3 **out, char *err, size_t errlen)
{
    *out = NULL;
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        tqc_status st = db_fail(db, path, err, errlen);
        sqlite3_close(db);
        return st;
    }
    tqc_status st = prepare_schema(db, path, err, errlen);
    if (st != TQC_OK) {
        sqlite3_close(db);
        return st;
    }
    *out = db;
    return TQC_OK;
}

static uint64_t parse_hex(const char *s)
{
    return s ? strtoull(s, NULL, 16) : 0;
}

/* Loads the checksums of files last checked to their end in this language. */
static tqc_status load_checksums(tqc_audit_db *d, char *err, size_t errlen)
{
    if (!(d->checksums = tqc_strmap_new()))
        return TQC_ENOMEM;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(d->db, "SELECT path, checksum FROM files WHERE status = 'checked' "
                           "AND checksum IS NOT NULL AND language = ?1", -1, &q,
                           NULL) != SQLITE_OK)
        return db_fail(d->db, "reading checksums", err, errlen);
    sqlite3_bind_text(q, 1, d->lang, -1, SQLITE_STATIC);
    tqc_status st = TQC_OK;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *p = (const char *)sqlite3_column_text(q, 0);
        const char *c = (const char *)sqlite3_column_text(q, 1);
        if (p && c && !tqc_strmap_put(d->checksums, p, strlen(p), parse_hex(c))) {
            st = TQC_ENOMEM;
            break;
        }
    }
    if (st == TQC_OK && rc != SQLITE_DONE)
        st = db_fail(d->db, "reading checksums", err, errlen);
    sqlite3_finalize(q);
    return st;
}

static tqc_status begin_tx(tqc_audit_db *d)
{
    if (d->in_tx)
        return TQC_OK;
    if (exec(d->db, "BEGIN", d->err, sizeof d->err) != TQC_OK)
        return TQC_EIO;
    d->in_tx = true;
    d->batch = 0;
    return TQC_OK;
}

static tqc_status commit_tx(tqc_audit_db *d)
{
    if (!d->in_tx)
        return TQC_OK;
    d->in_tx = false;
    return exec(d->db, "COMMIT", d->err, sizeof d->err);
}

/* Counts rows; commits and begins anew when the batch is full. */
static tqc_status count_rows(tqc_audit_db *d, size_t n)
{
    d->batch += n;
    if (d->batch < TQC_AUDIT_DB_BATCH)
        return TQC_OK;
    tqc_status st = commit_tx(d);
    return st == TQC_OK ? begin_tx(d) : st;
}

tqc_status tqc_audit_db_open(const char *path, const tqc_audit_db_run *run,
                             tqc_audit_db **out, char *err, size_t errlen)
{
    *out = NULL;
    tqc_audit_db *d = tqc_calloc(1, sizeof *d);
    if (!d)
        return TQC_ENOMEM;
    snprintf(d->lang, sizeof d->lang, "%s", run->lang ? run->lang : "");
    tqc_status st = open_db(path, &d->db, err, errlen);
    for (int i = 0; st == TQC_OK && i < ST_COUNT; i++)
        if (sqlite3_prepare_v3(d->db, statements[i], -1, SQLITE_PREPARE_PERSISTENT, &d->st[i],
                               NULL) != SQLITE_OK)
            st = db_fail(d->db, path, err, errlen);
    if (st == TQC_OK && run->incremental)
        st = load_checksums(d, err, errlen);
    if (st == TQC_OK) {
        char now[32];
        utc_now(now, sizeof now);
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(d->db, "INSERT INTO runs(started, version, lang, paths, jobs, "
                               "incremental) VALUES(?1, ?2, ?3, ?4, ?5, ?6)", -1, &q,
                               NULL) != SQLITE_OK)
            st = db_fail(d->db, path, err, errlen);
        else {
            sqlite3_bind_text(q, 1, now, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(q, 2, TQC_VERSION, -1, SQLITE_STATIC);
            sqlite3_bind_text(q, 3, d->lang, -1, SQLITE_STATIC);
            sqlite3_bind_text(q, 4, run->paths ? run->paths : "", -1, SQLITE_STATIC);
            sqlite3_bind_int(q, 5, (int)run->jobs);
            sqlite3_bind_int(q, 6, run->incremental);
            if (sqlite3_step(q) != SQLITE_DONE)
                st = db_fail(d->db, path, err, errlen);
            d->run = sqlite3_last_insert_rowid(d->db);
            sqlite3_finalize(q);
        }
    }
    if (st == TQC_OK && (st = begin_tx(d)) != TQC_OK)
        snprintf(err, errlen, "%s: %s", path, d->err);
    if (st != TQC_OK) {
        if (st == TQC_ENOMEM)
            snprintf(err, errlen, "%s: out of memory", path);
        tqc_audit_db_close(d);
        return st;
    }
    *out = d;
    return TQC_OK;
}

bool tqc_audit_db_unchanged(void *db, const char *path, uint64_t checksum)
{
    tqc_audit_db *d = db;
    uint64_t old;
    return d->checksums && tqc_strmap_get(d->checksums, path, strlen(path), &old) &&
           old == checksum;
}

static tqc_status step_fail(tqc_audit_db *d, sqlite3_stmt *q)
{
    snprintf(d->err, sizeof d->err, "%s", sqlite3_errmsg(d->db));
    sqlite3_reset(q);
    return TQC_EIO;
}

/* Makes (or takes over) the file's row and clears its old findings. */
static tqc_status start_file(tqc_audit_db *d, const tqc_audit_file *file)
{
    if (d->have_file && d->cur_seq == file->seq)
        return TQC_OK;
    sqlite3_stmt *q = d->st[ST_UPSERT];
    sqlite3_bind_text(q, 1, file->path, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, file->folder, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, file->lang, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, tqc_input_format_name(file->format), -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 5, d->run);
    if (sqlite3_step(q) != SQLITE_ROW)
        return step_fail(d, q);
    d->file_id = sqlite3_column_int64(q, 0);
    /* RETURNING rows are all produced by the first step; finish it. */
    while (sqlite3_step(q) == SQLITE_ROW)
        ;
    sqlite3_reset(q);
    q = d->st[ST_CLEAR];
    sqlite3_bind_int64(q, 1, d->file_id);
    if (sqlite3_step(q) != SQLITE_DONE)
        return step_fail(d, q);
    sqlite3_reset(q);
    d->have_file = true;
    d->cur_seq = file->seq;
    return count_rows(d, 1);
}

tqc_status tqc_audit_db_doc(void *db, const tqc_audit_file *file, const tqc_doc *doc,
                            const tqc_findings *found)
{
    tqc_audit_db *d = db;
    tqc_status st = start_file(d, file);
    if (st != TQC_OK)
        return st;
    sqlite3_stmt *q = d->st[ST_FINDING];
    for (size_t i = 0; i < found->count; i++) {
        const tqc_finding *f = &found->items[i];
        size_t line, col;
        tqc_doc_locate(doc, f->span.start, &line, &col);
        sqlite3_bind_int64(q, 1, d->file_id);
        sqlite3_bind_int64(q, 2, d->run);
        if (doc->segment)
            sqlite3_bind_text(q, 3, doc->segment, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(q, 3);
        sqlite3_bind_text(q, 4, f->rule, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 5, tqc_severity_name(f->severity), -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 6, (sqlite3_int64)line);
        sqlite3_bind_int64(q, 7, (sqlite3_int64)col);
        sqlite3_bind_int64(q, 8, (sqlite3_int64)tqc_doc_file_offset(doc, f->span.start));
        sqlite3_bind_int64(q, 9, (sqlite3_int64)tqc_span_len(f->span));
        sqlite3_bind_text(q, 10, tqc_doc_at(doc, f->span), (int)tqc_span_len(f->span),
                          SQLITE_STATIC);
        if (f->suggestion_count)
            sqlite3_bind_text(q, 11, f->suggestions[0], -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(q, 11);
        sqlite3_bind_text(q, 12, f->message, -1, SQLITE_STATIC);
        if (f->also)
            sqlite3_bind_text(q, 13, f->also, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(q, 13);
        if (sqlite3_step(q) != SQLITE_DONE)
            return step_fail(d, q);
        sqlite3_reset(q);
        if ((st = count_rows(d, 1)) != TQC_OK)
            return st;
    }
    return TQC_OK;
}

tqc_status tqc_audit_db_file(void *db, const tqc_audit_file *file)
{
    tqc_audit_db *d = db;
    tqc_status st;
    bool started = d->have_file && d->cur_seq == file->seq;
    /* A file skipped, or stopped before its first doc, keeps the row it had. */
    if (file->state == TQC_AUDIT_BINARY || (file->state == TQC_AUDIT_INTERRUPTED && !started))
        return TQC_OK;
    if (file->state == TQC_AUDIT_UNCHANGED) {
        sqlite3_stmt *q = d->st[ST_SEEN];
        sqlite3_bind_text(q, 1, file->path, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 2, d->run);
        if (sqlite3_step(q) != SQLITE_DONE)
            return step_fail(d, q);
        sqlite3_reset(q);
        return count_rows(d, 1);
    }
    if ((st = start_file(d, file)) != TQC_OK)
        return st;
    sqlite3_stmt *q = d->st[ST_UPDATE];
    const char *status = file->state == TQC_AUDIT_FAILED ? "failed"
                       : file->state == TQC_AUDIT_INTERRUPTED ? "interrupted" : "checked";
    char sum[32];
    snprintf(sum, sizeof sum, "%016" PRIx64, file->checksum);
    sqlite3_bind_int64(q, 1, d->file_id);
    sqlite3_bind_text(q, 2, status, -1, SQLITE_STATIC);
    if (file->error)
        sqlite3_bind_text(q, 3, file->error, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(q, 3);
    sqlite3_bind_int64(q, 4, (sqlite3_int64)file->articles);
    sqlite3_bind_int64(q, 5, (sqlite3_int64)file->words);
    sqlite3_bind_int64(q, 6, (sqlite3_int64)file->bytes);
    if (file->has_checksum)
        sqlite3_bind_text(q, 7, sum, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(q, 7);
    sqlite3_bind_int64(q, 8, (sqlite3_int64)tqc_audit_total(file->findings));
    sqlite3_bind_int64(q, 9, (sqlite3_int64)file->findings[TQC_SEV_ERROR]);
    sqlite3_bind_int64(q, 10, (sqlite3_int64)file->findings[TQC_SEV_WARNING]);
    sqlite3_bind_int64(q, 11, (sqlite3_int64)file->findings[TQC_SEV_INFO]);
    sqlite3_bind_text(q, 12, file->lang, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 13, tqc_input_format_name(file->format), -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_DONE)
        return step_fail(d, q);
    sqlite3_reset(q);
    d->have_file = false;
    return count_rows(d, 1);
}

/* Fills run's totals and run_rules from the files it saw. */
static tqc_status snapshot(sqlite3 *db, int64_t run, char *err, size_t errlen)
{
    sqlite3_stmt *q;
    static const char *const sql[] = {
        "UPDATE runs SET files = t.files, articles = t.articles, words = t.words, "
        "bytes = t.bytes, findings = t.findings, errors = t.errors, warnings = t.warnings, "
        "infos = t.infos FROM (SELECT count(*) AS files, coalesce(sum(articles), 0) AS "
        "articles, coalesce(sum(words), 0) AS words, coalesce(sum(bytes), 0) AS bytes, "
        "coalesce(sum(findings), 0) AS findings, coalesce(sum(errors), 0) AS errors, "
        "coalesce(sum(warnings), 0) AS warnings, coalesce(sum(infos), 0) AS infos "
        "FROM files WHERE seen = ?1) AS t WHERE runs.id = ?1",
        "DELETE FROM run_rules WHERE run = ?1",
        "INSERT INTO run_rules(run, rule, severity, language, findings) "
        "SELECT ?1, f.rule, f.severity, fi.language, count(*) FROM findings f "
        "JOIN files fi ON fi.id = f.file WHERE fi.seen = ?1 "
        "GROUP BY f.rule, f.severity, fi.language",
    };
    for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
        if (sqlite3_prepare_v2(db, sql[i], -1, &q, NULL) != SQLITE_OK)
            return db_fail(db, "run totals", err, errlen);
        sqlite3_bind_int64(q, 1, run);
        int rc = sqlite3_step(q);
        sqlite3_finalize(q);
        if (rc != SQLITE_DONE)
            return db_fail(db, "run totals", err, errlen);
    }
    return TQC_OK;
}

tqc_status tqc_audit_db_add_unchanged(tqc_audit_db *d, tqc_audit_summary *sum, char *err,
                                      size_t errlen)
{
    /* Unchanged: seen by this run, last checked by an earlier one. */
    static const char files_sql[] =
        "SELECT path, folder, language, bytes, words, articles, errors, warnings, infos, id "
        "FROM files WHERE seen = ?1 AND run <> ?1 AND status = 'checked' ORDER BY path";
    static const char findings_sql[] =
        "SELECT f.rule, f.severity, count(*) FROM findings f JOIN files fi ON fi.id = f.file "
        "WHERE fi.seen = ?1 AND fi.run <> ?1 AND fi.status = 'checked' "
        "GROUP BY f.rule, f.severity ORDER BY f.rule";
    /* An article's counts per rule, for the worst list's rule filter. */
    static const char rules_sql[] =
        "SELECT rule, count(*) FROM findings WHERE file = ?1 GROUP BY rule";
    sqlite3_stmt *q, *rq;
    if (sqlite3_prepare_v2(d->db, rules_sql, -1, &rq, NULL) != SQLITE_OK)
        return db_fail(d->db, "unchanged files", err, errlen);
    if (sqlite3_prepare_v2(d->db, files_sql, -1, &q, NULL) != SQLITE_OK) {
        sqlite3_finalize(rq);
        return db_fail(d->db, "unchanged files", err, errlen);
    }
    sqlite3_bind_int64(q, 1, d->run);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *path = (const char *)sqlite3_column_text(q, 0);
        const char *folder = (const char *)sqlite3_column_text(q, 1);
        const char *lang = (const char *)sqlite3_column_text(q, 2);
        tqc_audit_summary_add_file(sum, folder, lang, (uint64_t)sqlite3_column_int64(q, 3));
        tqc_audit_article a = {(char *)path, (char *)folder, (char *)lang,
                               (uint64_t)sqlite3_column_int64(q, 4),
                               {(uint64_t)sqlite3_column_int64(q, 8),
                                (uint64_t)sqlite3_column_int64(q, 7),
                                (uint64_t)sqlite3_column_int64(q, 6)},
                               NULL, 0};
        /* Read only for an article that may rank: the rest never show them. */
        tqc_audit_rule_count rules[TQC_AUDIT_ARTICLE_RULES];
        bool may_rank = a.words >= TQC_AUDIT_WORST_MIN_WORDS &&
                        a.findings[TQC_SEV_ERROR] + a.findings[TQC_SEV_WARNING] > 0;
        if (may_rank) {
            sqlite3_reset(rq);
            sqlite3_bind_int64(rq, 1, sqlite3_column_int64(q, 9));
            while (sqlite3_step(rq) == SQLITE_ROW)
                /* The summary's copy: a column's text lasts only until the next step. */
                tqc_audit_rule_count_add(rules, &a.rule_count, TQC_AUDIT_ARTICLE_RULES,
                                         tqc_audit_summary_rule_key(
                                             sum, (const char *)sqlite3_column_text(rq, 0)),
                                         (uint64_t)sqlite3_column_int64(rq, 1));
            a.rules = rules;
        }
        int64_t articles = sqlite3_column_int64(q, 5);
        if (articles > 0)
            tqc_audit_summary_add_article(sum, &a);
        if (articles > 1)
            sum->articles += (uint64_t)articles - 1;
    }
    sqlite3_finalize(q);
    sqlite3_finalize(rq);
    if (rc != SQLITE_DONE)
        return db_fail(d->db, "unchanged files", err, errlen);
    if (sqlite3_prepare_v2(d->db, findings_sql, -1, &q, NULL) != SQLITE_OK)
        return db_fail(d->db, "unchanged findings", err, errlen);
    sqlite3_bind_int64(q, 1, d->run);
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        tqc_severity sev;
        if (!tqc_severity_parse((const char *)sqlite3_column_text(q, 1), &sev))
            continue;
        const char *rule = (const char *)sqlite3_column_text(q, 0);
        for (int64_t n = sqlite3_column_int64(q, 2); n > 0; n--)
            tqc_audit_summary_add_finding(sum, rule, sev);
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE)
        return db_fail(d->db, "unchanged findings", err, errlen);
    return TQC_OK;
}

tqc_status tqc_audit_db_finish(tqc_audit_db *d, const tqc_audit_summary *sum, char *err,
                               size_t errlen)
{
    tqc_status st = snapshot(d->db, d->run, err, errlen);
    if (st != TQC_OK)
        return st;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(d->db, "UPDATE runs SET finished = ?2, seconds = ?3, "
                           "interrupted = ?4, checked = ?5, unchanged = ?6, failed = ?7, "
                           "binary = ?8, hidden = ?9, excluded = ?10, jobs = ?11 WHERE id = ?1",
                           -1, &q, NULL) != SQLITE_OK)
        return db_fail(d->db, "run", err, errlen);
    char now[32];
    utc_now(now, sizeof now);
    sqlite3_bind_int64(q, 1, d->run);
    sqlite3_bind_text(q, 2, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(q, 3, sum->seconds);
    sqlite3_bind_int(q, 4, sum->interrupted);
    /* The summary counts unchanged files among its files (tqc_audit_db_add_unchanged). */
    sqlite3_bind_int64(q, 5, (sqlite3_int64)(sum->files - sum->unchanged));
    sqlite3_bind_int64(q, 6, (sqlite3_int64)sum->unchanged);
    sqlite3_bind_int64(q, 7, (sqlite3_int64)sum->failed);
    sqlite3_bind_int64(q, 8, (sqlite3_int64)sum->binary);
    sqlite3_bind_int64(q, 9, (sqlite3_int64)sum->hidden);
    sqlite3_bind_int64(q, 10, (sqlite3_int64)sum->excluded);
    sqlite3_bind_int(q, 11, (int)sum->jobs);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE)
        return db_fail(d->db, "run", err, errlen);
    if ((st = commit_tx(d)) != TQC_OK)
        snprintf(err, errlen, "%s", d->err);
    return st;
}

const char *tqc_audit_db_error(const tqc_audit_db *d)
{
    return d->err;
}

void tqc_audit_db_close(tqc_audit_db *d)
{
    if (!d)
        return;
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(d->st[i]);
    if (d->in_tx)
        sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(d->db);
    tqc_strmap_free(d->checksums);
    free(d);
}

bool tqc_audit_db_is_sqlite(const char *path)
{
    char head[16];
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return n == sizeof head && memcmp(head, "SQLite format 3", 16) == 0;
}

/* ---- merge ---- */

/* Copies the database attached as src into main, shifting its ids past main's. */
static tqc_status merge_one(sqlite3 *db, const char *path, char *err, size_t errlen)
{
    static const char *const sql[] = {
        "CREATE TEMP TABLE shift AS SELECT "
        "(SELECT coalesce(max(id), 0) FROM main.runs) AS run_shift, "
        "(SELECT coalesce(max(id), 0) FROM main.files) AS file_shift",
        /* A path in several inputs: the last input's state wins. */
        "DELETE FROM main.findings WHERE file IN (SELECT f.id FROM main.files f "
        "JOIN src.files s ON s.path = f.path)",
        "DELETE FROM main.files WHERE path IN (SELECT path FROM src.files)",
        "INSERT INTO main.runs SELECT r.id + shift.run_shift, started, finished, version, lang, "
        "paths, jobs, incremental, merged_from, interrupted, seconds, checked, unchanged, "
        "failed, binary, hidden, excluded, files, articles, words, bytes, findings, errors, "
        "warnings, infos FROM src.runs r, shift ORDER BY r.id",
        "INSERT INTO main.files SELECT f.id + shift.file_shift, path, folder, language, format, "
        "status, error, articles, words, bytes, checksum, findings, errors, warnings, infos, "
        "run + shift.run_shift, seen + shift.run_shift FROM src.files f, shift ORDER BY f.id",
        "INSERT INTO main.findings(file, run, article, rule, severity, line, column, offset, "
        "length, text, suggestion, message, also) SELECT file + shift.file_shift, "
        "run + shift.run_shift, "
        "article, rule, severity, line, column, offset, length, text, suggestion, message, "
        "also FROM src.findings, shift ORDER BY src.findings.id",
        "INSERT INTO main.run_rules SELECT run + shift.run_shift, rule, severity, language, "
        "findings FROM src.run_rules, shift",
        "DROP TABLE temp.shift",
    };
    char msg[512];
    for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
        if (exec(db, sql[i], msg, sizeof msg) != TQC_OK) {
            snprintf(err, errlen, "%s: %s", path, msg);
            return TQC_EIO;
        }
    return TQC_OK;
}

/* Checks that the file at path is an audit database of a schema we read. */
static tqc_status check_input(const char *path, char *err, size_t errlen)
{
    if (access(path, R_OK) != 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return TQC_EIO;
    }
    if (!tqc_audit_db_is_sqlite(path)) {
        snprintf(err, errlen, "%s: not an SQLite database", path);
        return TQC_EINPUT;
    }
    sqlite3 *db = NULL;
    tqc_status st = TQC_OK;
    sqlite3_stmt *q = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version), "
                           "(SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name "
                           "IN ('runs', 'files', 'findings', 'run_rules'))", -1, &q,
                           NULL) != SQLITE_OK ||
        sqlite3_step(q) != SQLITE_ROW) {
        st = db_fail(db, path, err, errlen);
    } else if (sqlite3_column_int(q, 0) != TQC_AUDIT_DB_VERSION ||
               sqlite3_column_int(q, 1) != 4) {
        snprintf(err, errlen, "%s: not a tqc audit database (schema %d)", path,
                 sqlite3_column_int(q, 0));
        st = TQC_EINPUT;
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return st;
}

tqc_status tqc_audit_db_merge(const char *out, const char *const *inputs, size_t n,
                              char *err, size_t errlen)
{
    for (size_t i = 0; i < n; i++) {
        tqc_status st = check_input(inputs[i], err, errlen);
        if (st != TQC_OK)
            return st;
    }
    /* Built beside the target and renamed over it, so a failed merge leaves no half. */
    char tmp[4096];
    int len = snprintf(tmp, sizeof tmp, "%s.tmp-%ld", out, (long)getpid());
    if (len < 0 || (size_t)len >= sizeof tmp) {
        snprintf(err, errlen, "%s: name too long", out);
        return TQC_EUSAGE;
    }
    unlink(tmp);
    sqlite3 *db;
    tqc_status st = open_db(tmp, &db, err, errlen);
    if (st != TQC_OK)
        return st;
    char msg[512];
    /* A database built in one go needs no journal. */
    exec(db, "PRAGMA journal_mode = DELETE", msg, sizeof msg);
    size_t listlen = 1;
    for (size_t i = 0; i < n; i++)
        listlen += strlen(inputs[i]) + 1;
    char *list = tqc_calloc(1, listlen);
    if (!list)
        st = TQC_ENOMEM;
    for (size_t i = 0; st == TQC_OK && i < n; i++) {
        if (i)
            strncat(list, " ", listlen - strlen(list) - 1);
        strncat(list, inputs[i], listlen - strlen(list) - 1);
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(db, "ATTACH DATABASE ?1 AS src", -1, &q, NULL) != SQLITE_OK) {
            st = db_fail(db, inputs[i], err, errlen);
            break;
        }
        sqlite3_bind_text(q, 1, inputs[i], -1, SQLITE_STATIC);
        int rc = sqlite3_step(q);
        sqlite3_finalize(q);
        if (rc != SQLITE_DONE) {
            st = db_fail(db, inputs[i], err, errlen);
            break;
        }
        if ((st = exec(db, "BEGIN", msg, sizeof msg)) == TQC_OK &&
            (st = merge_one(db, inputs[i], err, errlen)) == TQC_OK)
            st = exec(db, "COMMIT", msg, sizeof msg);
        else
            exec(db, "ROLLBACK", msg, sizeof msg);
        if (st != TQC_OK && !err[0])
            snprintf(err, errlen, "%s: %s", inputs[i], msg);
        exec(db, "DETACH DATABASE src", msg, sizeof msg);
    }
    if (st == TQC_OK) {
        /* The merge run: it has seen every file. */
        char now[32];
        utc_now(now, sizeof now);
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(db, "INSERT INTO runs(started, finished, version, merged_from, "
                               "lang, seconds, checked, unchanged, failed, binary, hidden, "
                               "excluded) SELECT ?1, ?1, ?2, ?3, (SELECT group_concat(DISTINCT "
                               "language) FROM files), NULL, NULL, NULL, (SELECT count(*) FROM "
                               "files WHERE status = 'failed'), NULL, NULL, NULL", -1, &q,
                               NULL) != SQLITE_OK) {
            st = db_fail(db, out, err, errlen);
        } else {
            sqlite3_bind_text(q, 1, now, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(q, 2, TQC_VERSION, -1, SQLITE_STATIC);
            sqlite3_bind_text(q, 3, list, -1, SQLITE_STATIC);
            if (sqlite3_step(q) != SQLITE_DONE)
                st = db_fail(db, out, err, errlen);
            sqlite3_finalize(q);
        }
        int64_t run = sqlite3_last_insert_rowid(db);
        char sql[128];
        snprintf(sql, sizeof sql, "UPDATE files SET seen = %lld", (long long)run);
        if (st == TQC_OK && (st = exec(db, sql, msg, sizeof msg)) != TQC_OK)
            snprintf(err, errlen, "%s: %s", out, msg);
        if (st == TQC_OK)
            st = snapshot(db, run, err, errlen);
    }
    free(list);
    if (sqlite3_close(db) != SQLITE_OK && st == TQC_OK)
        st = db_fail(db, out, err, errlen);
    if (st == TQC_OK && rename(tmp, out) != 0) {
        snprintf(err, errlen, "%s: %s", out, strerror(errno));
        st = TQC_EIO;
    }
    if (st != TQC_OK)
        unlink(tmp);
    return st;
}
