/* cli_audit: `tqc audit` and `tqc merge` (see cli/audit.h). The engine runs the workers
 * and calls back here, always from this (the main) thread: the reporter, the database
 * and the progress line are only ever touched from it. */
#include "cli/audit.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/atomic.h"
#include "core/io.h"
#include "run/audit.h"
#include "report/audit_db.h"
#include "report/audit_html.h"
#include "run/audit_summary.h"
#include "run/baseline.h"
#include "cli/common.h"
#include "cli/config.h"
#include "cli/help.h"
#include "core/alloc.h"
#include "run/fix.h"
#include "pass/pass.h"
#include "run/project.h"
#include "report/report.h"
#include "run/rules.h"
#include "report/fixes.h"
#include "run/suppress.h"

enum { EXIT_DONE = 0, EXIT_TROUBLE = 2 };
#define MAX_LIST_ARGS 64
#define MAX_RULES 64
#define DEFAULT_FILE_TIMEOUT 60.0  /* seconds: minutes for one article means a stall */
/* Rows per table in the text summary; the JSON summary has them all. */
#define TEXT_MAX_ROWS 25
/* A forced progress display off a terminal prints a line this often (seconds). */
#define PROGRESS_LOG_EVERY 1.0

typedef struct options {
    const char *lang, *format, *dict_dir, *color, *summary_json, *db, *html, *root;
    const char *config, *baseline;
    bool lang_set;              /* --lang was given: it wins over every config */
    bool detect;                /* --lang auto (the default) */
    const char *words[MAX_LIST_ARGS], *disabled[MAX_LIST_ARGS];
    const char *include[MAX_LIST_ARGS], *exclude[MAX_LIST_ARGS];
    size_t word_count, disabled_count, include_count, exclude_count;
    unsigned jobs;
    double file_timeout;        /* --file-timeout seconds; 0: none */
    bool hidden, null_sep, incremental, quiet, follow_links;
    int progress;               /* -1 auto (a terminal), 0 never, 1 always */
    tqc_input_format input;
    char data_dir[PATH_MAX];
} options;

/* The help texts are cli/help.c's, the one source of --help and the man page. */
static void audit_usage(FILE *out) { tqc_cli_help_print("audit", out); }
static void merge_usage(FILE *out) { tqc_cli_help_print("merge", out); }

static bool add_arg(const char **list, size_t *count, const char *arg, const char *name)
{
    if (*count == MAX_LIST_ARGS) {
        fprintf(stderr, "tqc: at most %d --%s options\n", MAX_LIST_ARGS, name);
        return false;
    }
    list[(*count)++] = arg;
    return true;
}

/* -1 when the options make sense, else the exit status. */
static int parse_audit(int argc, char **argv, options *o)
{
    static const struct option longopts[] = {
        {"jobs", required_argument, NULL, 'j'},
        {"file-timeout", required_argument, NULL, 'T'},
        {"format", required_argument, NULL, 'f'},
        {"input", required_argument, NULL, 'I'},
        {"include", required_argument, NULL, 'i'},
        {"exclude", required_argument, NULL, 'x'},
        {"hidden", no_argument, NULL, 'a'},
        {"follow-links", no_argument, NULL, 'L'},
        {"root", required_argument, NULL, 'r'},
        {"null", no_argument, NULL, '0'},
        {"summary-json", required_argument, NULL, 'S'},
        {"db", required_argument, NULL, 'B'},
        {"incremental", no_argument, NULL, 'N'},
        {"html", required_argument, NULL, 'H'},
        {"progress", no_argument, NULL, 'P'},
        {"no-progress", no_argument, NULL, 'Q'},
        {"quiet", no_argument, NULL, 'q'},
        {"lang", required_argument, NULL, 'l'},
        {"words", required_argument, NULL, 'w'},
        {"dict-dir", required_argument, NULL, 'D'},
        {"disable", required_argument, NULL, 'd'},
        {"color", required_argument, NULL, 'C'},
        {"colour", required_argument, NULL, 'C'},
        {"no-color", no_argument, NULL, 'n'},
        {"config", required_argument, NULL, 'c'},
        {"baseline", required_argument, NULL, 'b'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "j:f:l:w:0qh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'j': {
            char *end;
            errno = 0;
            unsigned long n = strtoul(optarg, &end, 10);
            if (errno || *end || n < 1 || n > TQC_AUDIT_MAX_JOBS || optarg[0] == '-') {
                fprintf(stderr, "tqc: --jobs takes 1 to %d, not '%s'\n", TQC_AUDIT_MAX_JOBS,
                        optarg);
                return EXIT_TROUBLE;
            }
            o->jobs = (unsigned)n;
            break;
        }
        case 'T': {
            char *end;
            double n = strtod(optarg, &end);
            if (!*optarg || *end || !(n >= 0 && n <= 86400)) {
                fprintf(stderr, "tqc: --file-timeout takes seconds from 0 (no limit) to 86400, "
                        "not '%s'\n", optarg);
                return EXIT_TROUBLE;
            }
            o->file_timeout = n;
            break;
        }
        case 'f': o->format = optarg; break;
        case 'I':
            if (!tqc_input_format_parse(optarg, &o->input)) {
                fprintf(stderr, "tqc: --input takes auto, text, html, xliff, tmx or jsonl, "
                        "not '%s'\n", optarg);
                return EXIT_TROUBLE;
            }
            break;
        case 'i':
            if (!add_arg(o->include, &o->include_count, optarg, "include"))
                return EXIT_TROUBLE;
            break;
        case 'x':
            if (!add_arg(o->exclude, &o->exclude_count, optarg, "exclude"))
                return EXIT_TROUBLE;
            break;
        case 'a': o->hidden = true; break;
        case 'L': o->follow_links = true; break;
        case 'r': o->root = optarg; break;
        case '0': o->null_sep = true; break;
        case 'S': o->summary_json = optarg; break;
        case 'B': o->db = optarg; break;
        case 'N': o->incremental = true; break;
        case 'H': o->html = optarg; break;
        case 'P': o->progress = 1; break;
        case 'Q': o->progress = 0; break;
        case 'q': o->quiet = true; break;
        case 'l':
            /* auto (the default): each article's language is told from its content. */
            o->detect = strcmp(optarg, "auto") == 0;
            if (!o->detect) {
                o->lang = optarg;
                o->lang_set = true;
            }
            break;
        case 'c': o->config = optarg; break;
        case 'b': o->baseline = optarg; break;
        case 'w':
            if (!add_arg(o->words, &o->word_count, optarg, "words"))
                return EXIT_TROUBLE;
            break;
        case 'D': o->dict_dir = optarg; break;
        case 'd':
            if (!tqc_pass_find(optarg) && strcmp(optarg, TQC_SUPPRESS_RULE) != 0) {
                fprintf(stderr, "tqc: unknown rule '%s' (see 'tqc rules')\n", optarg);
                return EXIT_TROUBLE;
            }
            if (!add_arg(o->disabled, &o->disabled_count, optarg, "disable"))
                return EXIT_TROUBLE;
            break;
        case 'C': o->color = optarg; break;
        case 'n': o->color = "never"; break;
        case 'h': audit_usage(stdout); return EXIT_DONE;
        default:
            fputs("Try 'tqc audit --help'.\n", stderr);
            return EXIT_TROUBLE;
        }
    }
    const char *bad = NULL;
    if (strcmp(o->color, "auto") && strcmp(o->color, "always") && strcmp(o->color, "never"))
        bad = "--color takes auto, always or never";
    else if (o->incremental && !o->db)
        bad = "--incremental needs --db (the checksums are kept there)";
    else if (o->format && o->summary_json && strcmp(o->summary_json, "-") == 0)
        bad = "--summary-json - and --format both want standard output";
    else if (optind >= argc)
        bad = "no paths to audit (use - to read them from standard input)";
    if (bad) {
        fprintf(stderr, "tqc: %s\n", bad);
        return EXIT_TROUBLE;
    }
    return -1;
}

/* ---- the hooks ---- */

typedef struct run {
    options *o;
    tqc_reporter rep;
    bool have_rep;
    tqc_audit_db *db;
    tqc_run_stats stats;
    bool progress_on, progress_tty, progress_shown;
    double progress_logged;
    uint64_t bad_records;       /* JSON Lines records refused, across files */
    bool db_failed;
    tqc_baseline *baseline;     /* --baseline */
    char base_dir[PATH_MAX];    /* its paths are relative to this folder */
    char *key;                  /* the baseline's name for the file being released */
    size_t key_seq;
} run;

static void clear_progress(run *r)
{
    if (r->progress_shown && r->progress_tty) {
        fflush(stderr);
        fputs("\r\033[K", tqc_cli_tty_stderr());  /* our own control codes: raw */
        fflush(tqc_cli_tty_stderr());
    }
    r->progress_shown = false;
}

/* What writing the audit database st says: a failure is said once and stops the run. */
static tqc_status db_said(run *r, tqc_status st)
{
    if (st != TQC_OK) {
        clear_progress(r);
        fprintf(stderr, "tqc: %s: %s\n", r->o->db, tqc_audit_db_error(r->db));
        r->db_failed = true;
    }
    return st;
}

static tqc_status on_doc(void *ctx, const tqc_audit_file *file, const tqc_doc *doc,
                         const tqc_findings *found)
{
    run *r = ctx;
    if (r->have_rep) {
        r->rep.fail_on = file->fail_on;     /* JUnit's failures are the file's */
        if (r->rep.begin)
            r->rep.begin(&r->rep, doc);
        for (size_t i = 0; i < found->count; i++)
            r->rep.finding(&r->rep, doc, &found->items[i]);
        if (r->rep.end_doc)
            r->rep.end_doc(&r->rep, doc);
    }
    for (size_t i = 0; i < found->count; i++)
        r->stats.findings[found->items[i].severity]++;
    r->stats.bytes += doc->len;
    return r->db ? db_said(r, tqc_audit_db_doc(r->db, file, doc, found)) : TQC_OK;
}

static tqc_status on_file(void *ctx, const tqc_audit_file *file)
{
    run *r = ctx;
    if (file->state == TQC_AUDIT_CHECKED || file->state == TQC_AUDIT_FAILED)
        r->stats.files++;
    if (file->state == TQC_AUDIT_FAILED) {
        r->stats.files_failed++;
        clear_progress(r);
        fflush(stdout);
        fprintf(stderr, "tqc: %s\n", file->error ? file->error : file->path);
    }
    for (const char *p = file->notes, *nl; p && *p; p = nl + 1) {
        if (!(nl = strchr(p, '\n')))
            break;
        clear_progress(r);
        fflush(stdout);
        fprintf(stderr, "tqc: %.*s\n", (int)(nl - p), p);
    }
    r->bad_records += file->bad_records;
    r->stats.words += file->words;
    return r->db ? db_said(r, tqc_audit_db_file(r->db, file)) : TQC_OK;
}

/* --baseline: findings it holds are not counted; entries are matched in walk order,
 * each accepting one finding, as tqc check matches them. */
static bool on_drop(void *ctx, const tqc_audit_file *file, const char *rule, uint64_t fingerprint)
{
    run *r = ctx;
    if (!r->key || r->key_seq != file->seq) {
        free(r->key);
        r->key = tqc_cli_baseline_key(r->base_dir, file->path);
        r->key_seq = file->seq;
    }
    return r->key && tqc_baseline_match(r->baseline, r->key, rule, fingerprint);
}

/* From worker threads: the database's checksums are read-only during the audit. */
static bool on_unchanged(void *ctx, const char *path, uint64_t checksum)
{
    run *r = ctx;
    return tqc_audit_db_unchanged(r->db, path, checksum);
}

static void duration(char *out, size_t cap, double s)
{
    long t = (long)(s + 0.5);
    if (t >= 3600)
        snprintf(out, cap, "%ldh%02ldm", t / 3600, t / 60 % 60);
    else
        snprintf(out, cap, "%ldm%02lds", t / 60, t % 60);
}

static void on_progress(void *ctx, const tqc_audit_progress *p)
{
    run *r = ctx;
    if (!r->progress_on)
        return;
    bool last = p->walk_done && p->files_done == p->files_total;
    if (!r->progress_tty && !last && p->seconds - r->progress_logged < PROGRESS_LOG_EVERY)
        return;
    r->progress_logged = p->seconds;
    char done[32], total[32], found[32], eta[32] = "?";
    double mbs = p->seconds > 0 ? (double)p->bytes_done / 1e6 / p->seconds : 0;
    if (p->walk_done && p->bytes_done > 0 && p->bytes_total >= p->bytes_done)
        duration(eta, sizeof eta, (double)(p->bytes_total - p->bytes_done) / (double)p->bytes_done *
                                      p->seconds);
    char line[256];
    snprintf(line, sizeof line, "audit: %s/%s%s files  %.1f MB/s  %s findings  ETA %s",
             tqc_audit_format_count(done, sizeof done, p->files_done),
             tqc_audit_format_count(total, sizeof total, p->files_total),
             p->walk_done ? "" : "+", mbs, tqc_audit_format_count(found, sizeof found, p->findings),
             eta);
    if (r->progress_tty) {
        fflush(stderr);
        fprintf(tqc_cli_tty_stderr(), "\r%s\033[K", line);   /* counts only: raw */
        fflush(tqc_cli_tty_stderr());
    } else
        fprintf(stderr, "%s\n", line);
    fflush(stderr);
    r->progress_shown = true;
}

/* ---- outputs ---- */

/* Writes what fill writes to path atomically, or to standard output for "-". fill
 * returns false when out of memory. */
static bool write_out(const char *path, bool (*fill)(FILE *, void *), void *arg)
{
    char err[1024];
    if (strcmp(path, "-") == 0) {
        if (fill(stdout, arg) || ferror(stdout))
            return true;    /* a write error is told when standard output is flushed */
        fputs("tqc: out of memory\n", stderr);
        return false;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) {
        fprintf(stderr, "tqc: %s: out of memory\n", path);
        return false;
    }
    bool filled = fill(mem, arg);
    bool ok = fclose(mem) == 0 && buf && filled;
    if (!ok)
        fprintf(stderr, "tqc: %s: out of memory\n", path);
    else if (tqc_atomic_write(path, buf, len, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "tqc: %s\n", err);
        ok = false;
    }
    free(buf);
    return ok;
}

static bool fill_json(FILE *out, void *arg)
{
    return tqc_audit_summary_write_json(out, arg);
}

typedef struct page {
    tqc_audit_summary *sum;
    const char *title;
    const char *const *links;
} page;

static bool fill_html(FILE *out, void *arg)
{
    page *p = arg;
    tqc_audit_html_write(out, p->sum, p->title, p->links);
    return true;
}

static bool fill_annotated(FILE *out, void *arg)
{
    return tqc_html_write(arg, out) == TQC_OK;
}

/* The folder for the worst articles' annotated views: the dashboard's path without
 * ".html", plus "-articles". */
static void views_dir(const char *html, char *dir, size_t cap)
{
    size_t n = strlen(html);
    if (n > 5 && strcmp(html + n - 5, ".html") == 0)
        n -= 5;
    snprintf(dir, cap, "%.*s-articles", (int)n, html);
}

/* Makes the editors' annotated view (tqc report) of each worst article that is a plain
 * text file, with its settings; links[i] gets its href relative to the dashboard, or
 * NULL. */
static void annotated_views(const options *o, tqc_audit_summary *sum, tqc_project *project,
                            const tqc_rule_info *rules, size_t rule_count,
                            char links[][PATH_MAX], const char **hrefs)
{
    char dir[PATH_MAX];
    views_dir(o->html, dir, sizeof dir);
    const char *base = strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir;
    tqc_checker *ck = NULL;
    tqc_settings *ck_settings = NULL;   /* what ck was made for: kept while files agree */
    char err[1024];
    for (size_t i = 0; i < sum->worst_count; i++) {
        hrefs[i] = NULL;
        const char *path = sum->worst[i].name;
        char head[4096];
        FILE *f = fopen(path, "rb");
        if (!f)
            continue; /* a JSON Lines record, or a file gone since */
        size_t n = fread(head, 1, sizeof head, f);
        fclose(f);
        if (tqc_input_detect(path, head, n) != TQC_INPUT_TEXT)
            continue; /* the editors' report reads plain text */
        tqc_settings *s;
        if (tqc_project_settings(project, path, &s, err, sizeof err) != TQC_OK)
            break;
        if (ck && tqc_settings_same_checker(ck_settings, s)) {
            tqc_settings_free(s);
        } else {
            tqc_checker_free(ck);
            tqc_settings_free(ck_settings);
            ck_settings = s;
            if (tqc_project_checker(s, o->data_dir, false, &ck, err, sizeof err) != TQC_OK)
                break;
        }
        if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "tqc: %s: %s\n", dir, strerror(errno));
            break;
        }
        /* The pipeline's language stage, as the audit's check (run/fix.h). */
        tqc_fix_options fo = {.lang = ck_settings->lang, .lang_from_file = o->detect};
        tqc_fix_result *res = NULL;
        tqc_html *h = NULL;
        char file[PATH_MAX + 32];
        int fl = snprintf(file, sizeof file, "%s/%02zu.html", dir, i + 1);
        if (fl > 0 && (size_t)fl < sizeof file &&
            tqc_fix_file(ck, path, &fo, &res, err, sizeof err) == TQC_OK &&
            (h = tqc_html_new(rules, rule_count)) && tqc_html_add(h, res) == TQC_OK &&
            write_out(file, fill_annotated, h)) {
            int k = snprintf(links[i], PATH_MAX, "%s/%02zu.html", base, i + 1);
            if (k > 0 && k < PATH_MAX)
                hrefs[i] = links[i];
        }
        tqc_html_free(h);
        tqc_fix_result_free(res);
    }
    tqc_checker_free(ck);
    tqc_settings_free(ck_settings);
}

/* The paths audited, as one line (for the database and the dashboard's title). */
static char *joined(char **paths, int n)
{
    size_t len = 1;
    for (int i = 0; i < n; i++)
        len += strlen(paths[i]) + 1;
    char *s = tqc_calloc(1, len);
    for (int i = 0; s && i < n; i++) {
        if (i)
            strncat(s, " ", len - strlen(s) - 1);
        strncat(s, paths[i], len - strlen(s) - 1);
    }
    return s;
}

int tqc_cli_audit(int argc, char **argv)
{
    options o = {.lang = "en", .color = "auto", .progress = -1, .detect = true,
                 .file_timeout = DEFAULT_FILE_TIMEOUT};
    int rc = parse_audit(argc, argv, &o);
    if (rc >= 0)
        return rc;
    char **paths = argv + optind;
    int npaths = argc - optind;
    run r = {.o = &o};
    if (o.format) {
        if (!tqc_reporter_init(&r.rep, o.format, stdout, tqc_cli_use_color(o.color))) {
            fprintf(stderr, "tqc: unknown format '%s' (text, jsonl, sarif, github, junit, "
                    "checkstyle, rdjsonl)\n", o.format);
            return EXIT_TROUBLE;
        }
        r.have_rep = true;
    }
    tqc_rule_info rules[MAX_RULES];
    size_t rule_count = tqc_rules_catalogue(rules, MAX_RULES);  /* run/rules.h */
    if (rule_count > MAX_RULES)
        rule_count = MAX_RULES;
    r.rep.rules = rules;
    r.rep.rule_count = rule_count;
    tqc_cli_data_dir(o.data_dir, sizeof o.data_dir);
    /* Each file's settings as tqc check makes them: its .tqc.ini (or --config), then
     * these options. */
    tqc_config_overrides over = {
        .lang = o.lang_set ? o.lang : NULL, .dict_dir = o.dict_dir, .words = o.words,
        .word_count = o.word_count, .disabled = o.disabled, .disabled_count = o.disabled_count,
    };
    tqc_project *project = tqc_project_new(o.config, &over);
    if (!project) {
        fputs("tqc: out of memory\n", stderr);
        return EXIT_TROUBLE;
    }
    tqc_audit_options ao = {
        .check = {.data_dir = o.data_dir, .lang = o.lang},
        .project = project,
        .format = o.input, .detect = o.detect, .jobs = o.jobs,
        .include = o.include, .include_count = o.include_count,
        .exclude = o.exclude, .exclude_count = o.exclude_count,
        .hidden = o.hidden, .follow_links = o.follow_links, .root = o.root, .paths_null = o.null_sep,
        .checksums = o.db != NULL, .stop = tqc_cli_stop_flag(), .file_timeout = o.file_timeout,
        .hooks = {.ctx = &r, .file = on_file, .progress = on_progress},
    };
    /* Docs are kept for release only when something prints or stores their findings. */
    if (r.have_rep || o.db)
        ao.hooks.doc = on_doc;
    char *title = joined(paths, npaths);
    char err[1024];
    bool ok = title != NULL;
    if (!ok)
        fputs("tqc: out of memory\n", stderr);
    /* The configs above the paths named (or --config) are read now, so that a bad one
     * stops the audit before it starts; those of subfolders are read as the walk meets
     * them. */
    for (int i = 0; ok && i < npaths; i++) {
        const tqc_config *cfg;
        if (strcmp(paths[i], "-") != 0 &&
            tqc_project_config(project, paths[i], &cfg, err, sizeof err) != TQC_OK) {
            fprintf(stderr, "tqc: %s\n", err);
            ok = false;
        }
    }
    if (ok && o.baseline) {
        tqc_status bst = tqc_baseline_load(o.baseline, &r.baseline, err, sizeof err);
        if (bst != TQC_OK)
            fprintf(stderr, "tqc: %s\n", bst == TQC_ENOMEM ? "out of memory" : err);
        else if (!tqc_cli_baseline_dir(o.baseline, r.base_dir, sizeof r.base_dir))
            fprintf(stderr, "tqc: %s: path too long\n", o.baseline);
        else
            ao.hooks.drop = on_drop;
        ok = ao.hooks.drop != NULL;
    }
    if (ok && o.db) {
        tqc_audit_db_run dr = {o.lang, title, o.jobs ? o.jobs : tqc_audit_cpus(), o.incremental};
        if (tqc_audit_db_open(o.db, &dr, &r.db, err, sizeof err) != TQC_OK) {
            fprintf(stderr, "tqc: %s\n", err);
            ok = false;
        }
        if (o.incremental)
            ao.hooks.unchanged = on_unchanged;
    }
    if (!ok) {
        tqc_baseline_free(r.baseline);
        tqc_project_free(project);
        free(title);
        return EXIT_TROUBLE;
    }
    r.progress_tty = isatty(STDERR_FILENO);
    r.progress_on = o.progress == 1 || (o.progress == -1 && r.progress_tty);
    /* SIGINT, SIGTERM: the workers stop between passes; one stuck in a pass on a huge
     * article is not waited for beyond a grace period (cli/common.h). */
    tqc_cli_stop_install(TQC_CLI_AUDIT_STOP_GRACE_MS);

    tqc_audit_summary sum;
    tqc_status st = tqc_audit_run(&ao, (const char *const *)paths, (size_t)npaths, &sum, err,
                                  sizeof err);
    tqc_cli_stop_disarm();
    clear_progress(&r);
    int exit_rc = EXIT_DONE;
    /* An audit that could not start (no dictionary) has nothing to summarise. */
    bool ran = st == TQC_OK || sum.files || sum.failed || sum.unchanged || sum.binary;
    if (st != TQC_OK) {
        if (!r.db_failed)
            fprintf(stderr, "tqc: %s\n", err);
        exit_rc = EXIT_TROUBLE;
    }
    if (r.have_rep && r.rep.finish)
        r.rep.finish(&r.rep, &r.stats);
    if (r.have_rep && r.rep.failed) {
        fputs("tqc: out of memory writing the report\n", stderr);
        exit_rc = EXIT_TROUBLE;
    }
    if (r.db) {
        /* --incremental: the unchanged files count, with the findings stored for them. */
        if (!r.db_failed && o.incremental && ran &&
            tqc_audit_db_add_unchanged(r.db, &sum, err, sizeof err) != TQC_OK) {
            fprintf(stderr, "tqc: %s: %s\n", o.db, err);
            exit_rc = EXIT_TROUBLE;
        }
        if (!r.db_failed && tqc_audit_db_finish(r.db, &sum, err, sizeof err) != TQC_OK) {
            fprintf(stderr, "tqc: %s: %s\n", o.db, err);
            exit_rc = EXIT_TROUBLE;
        }
        tqc_audit_db_close(r.db);
    }
    if (ran && o.summary_json && !write_out(o.summary_json, fill_json, &sum))
        exit_rc = EXIT_TROUBLE;
    if (ran && o.html) {
        char (*links)[PATH_MAX] = tqc_calloc(TQC_AUDIT_WORST, PATH_MAX);
        const char *hrefs[TQC_AUDIT_WORST] = {0};
        if (links && !sum.interrupted)
            annotated_views(&o, &sum, project, rules, rule_count, links, hrefs);
        page pg = {&sum, title, hrefs};
        if (!write_out(o.html, fill_html, &pg))
            exit_rc = EXIT_TROUBLE;
        free(links);
    }
    if (ran && !o.quiet) {
        bool json_on_stdout = o.summary_json && strcmp(o.summary_json, "-") == 0;
        FILE *to = !o.format && !json_on_stdout ? stdout : isatty(STDERR_FILENO) ? stderr : NULL;
        if (to == stdout)
            fflush(stdout);
        if (to)
            tqc_audit_summary_write_text(to, &sum, TEXT_MAX_ROWS);
    }
    if (sum.failed || r.bad_records)
        exit_rc = EXIT_TROUBLE;
    if (sum.interrupted) {
        fputs("tqc: interrupted; the summary covers what was checked\n", stderr);
        if (exit_rc == EXIT_DONE)
            exit_rc = TQC_EXIT_INTERRUPTED;
    }
    tqc_audit_summary_free(&sum);
    free(title);
    free(r.key);
    tqc_baseline_free(r.baseline);
    tqc_project_free(project);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "tqc: error writing output: %s\n", strerror(errno));
        return EXIT_TROUBLE;
    }
    return exit_rc;
}

/* ---- merge ---- */

static char *read_all(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    char *buf;
    tqc_io_read_stream(f, path, SIZE_MAX, &buf, len, err, errlen);
    if (f != stdin)
        fclose(f);
    return buf;
}

/* Merges every summary in the file at path into total. */
static bool merge_file(const char *path, tqc_audit_summary *total, size_t *count)
{
    char err[1024];
    size_t len;
    char *text = read_all(path, &len, err, sizeof err);
    if (!text) {
        fprintf(stderr, "tqc: %s\n", err);
        return false;
    }
    size_t at = 0;
    bool ok = true;
    while (ok) {
        while (at < len && strchr(" \t\r\n", text[at]))
            at++;
        if (at >= len)
            break;
        tqc_audit_summary part;
        size_t used;
        if (tqc_audit_summary_read_json(text + at, len - at, &used, &part, err, sizeof err) !=
            TQC_OK) {
            fprintf(stderr, "tqc: %s: %s\n", path, err);
            ok = false;
            break;
        }
        tqc_audit_summary_merge(total, &part);
        tqc_audit_summary_free(&part);
        at += used;
        (*count)++;
    }
    free(text);
    return ok;
}

int tqc_cli_merge(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"html", required_argument, NULL, 'H'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *output = NULL, *html = NULL;
    bool quiet = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o': output = optarg; break;
        case 'H': html = optarg; break;
        case 'q': quiet = true; break;
        case 'h': merge_usage(stdout); return EXIT_DONE;
        default:
            fputs("Try 'tqc merge --help'.\n", stderr);
            return EXIT_TROUBLE;
        }
    }
    if (optind >= argc) {
        fputs("tqc: merge needs the summaries or databases to merge\n", stderr);
        return EXIT_TROUBLE;
    }
    char **in = argv + optind;
    int n = argc - optind;
    size_t dbs = 0;
    for (int i = 0; i < n; i++)
        dbs += strcmp(in[i], "-") != 0 && tqc_audit_db_is_sqlite(in[i]);
    if (dbs && dbs != (size_t)n) {
        fputs("tqc: merge takes summaries or databases, not both\n", stderr);
        return EXIT_TROUBLE;
    }
    char err[1024];
    if (dbs) {
        if (!output || html) {
            fputs("tqc: merging databases needs -o OUT.sqlite (and makes no --html)\n", stderr);
            return EXIT_TROUBLE;
        }
        if (tqc_audit_db_merge(output, (const char *const *)in, (size_t)n, err, sizeof err) !=
            TQC_OK) {
            fprintf(stderr, "tqc: %s\n", err);
            return EXIT_TROUBLE;
        }
        return EXIT_DONE;
    }
    tqc_audit_summary total;
    if (!tqc_audit_summary_init(&total)) {
        fputs("tqc: out of memory\n", stderr);
        return EXIT_TROUBLE;
    }
    /* A merge of N parts counts N, not N + the empty start. */
    total.parts = 0;
    size_t count = 0;
    bool ok = true;
    for (int i = 0; ok && i < n; i++)
        ok = merge_file(in[i], &total, &count);
    if (ok && count == 0) {
        fputs("tqc: no summary found to merge\n", stderr);
        ok = false;
    }
    if (ok && !write_out(output ? output : "-", fill_json, &total))
        ok = false;
    if (ok && html) {
        char *title = joined(in, n);
        page pg = {&total, title ? title : "", NULL};
        ok = write_out(html, fill_html, &pg);
        free(title);
    }
    if (ok && !quiet && output && strcmp(output, "-") != 0)
        tqc_audit_summary_write_text(stdout, &total, TEXT_MAX_ROWS);
    tqc_audit_summary_free(&total);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "tqc: error writing output: %s\n", strerror(errno));
        return EXIT_TROUBLE;
    }
    return ok ? EXIT_DONE : EXIT_TROUBLE;
}
