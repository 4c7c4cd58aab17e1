/* tqc: the command-line front end. Maps statuses to exit codes (0 clean, 1 findings at
 * or above --fail-on, 2 usage or input error); the library never prints or exits. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/atomic.h"
#include "core/json.h"
#include "run/checker.h"
#include "cli/audit.h"
#include "cli/common.h"
#include "cli/config.h"
#include "cli/help.h"
#include "cli/init.h"
#include "cli/serve.h"
#include "core/alloc.h"
#include "run/fix.h"
#include "read/input.h"
#include "run/pool.h"
#include "lang/langid.h"
#include "report/report.h"
#include "report/fixes.h"
#include "run/rules.h"
#include "seg/seg.h"
#include "run/suppress.h"

#ifndef TQC_VERSION
#define TQC_VERSION "0.1.0"
#endif

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2, EXIT_INTERRUPTED = 130 };
enum { OPT_SOURCE = 256, OPT_SOURCE_LANG, OPT_MIN_SEVERITY, OPT_STDIN_FILENAME };
/* (long options without a letter) */
#define MAX_LIST_ARGS 64
#define MAX_RULES 64 /* tqc_checker_new refuses more passes */
#define MAX_JOBS 256
/* Default threads for one file: each costs ~30 MB (its docs, its view of the
 * dictionaries), so by default no more than this, whatever the machine. */
#define DEFAULT_MAX_JOBS 2
#define MALLOC_TRIM_BYTES (4 << 20)

/* What a file command does with each file: its sink (see the command table in main). */
typedef enum run_kind {
    RUN_CHECK,      /* check: report the findings */
    RUN_DIFF,       /* diff: the safe fixes as a diff */
    RUN_FIX,        /* fix: apply them */
    RUN_REPORT,     /* report: the HTML page */
    RUN_SEGMENT,    /* segment: the sentences */
    RUN_BASELINE,   /* baseline create: record the findings */
    RUN_CONFIG      /* config --show: the settings */
} run_kind;

typedef struct cli {
    const char *cmd;            /* the command, whose help -h prints */
    run_kind kind;
    bool fixing;                /* each file goes through the fix loop (run/fix.h): diff,
                                   fix, report, check --format diff|wdiff */
    const char *lang, *format, *dict_dir, *color;
    tqc_severity fail_on;
    const char *words[MAX_LIST_ARGS];
    size_t word_count;
    const char *disabled[MAX_LIST_ARGS];
    size_t disabled_count;
    char data_dir[PATH_MAX];
    bool all_fixes, dry_run;    /* diff, fix */
    const char *output, *html;  /* fix -o, report --html */
    tqc_input_format input;     /* --input: how to read the files (read/input.h) */
    tqc_ci_options ci;          /* config, baselines, --changed-since (cli/config.h) */
    bool detect;                /* --lang auto (the default): each file's language is
                                   told from its content; lang is then the fallback */
    const char *source, *source_lang; /* check --source: parallel plain text (read/input.h) */
    unsigned jobs;              /* threads checking the docs of one file (run/pool.h) */
    bool quiet;                 /* -q: no summary line; fix and baseline say nothing */
} cli;

static int parse_options(int argc, char **argv, cli *c)
{
    static const struct option longopts[] = {
        {"lang", required_argument, NULL, 'l'},
        {"format", required_argument, NULL, 'f'},
        {"fail-on", required_argument, NULL, 'F'},
        {"words", required_argument, NULL, 'w'},
        {"dict-dir", required_argument, NULL, 'D'},
        {"disable", required_argument, NULL, 'd'},
        {"color", required_argument, NULL, 'C'},
        {"colour", required_argument, NULL, 'C'},
        {"no-color", no_argument, NULL, 'N'},
        {"all-fixes", no_argument, NULL, 'A'},
        {"output", required_argument, NULL, 'o'},
        {"dry-run", no_argument, NULL, 'n'},
        {"html", required_argument, NULL, 'H'},
        {"input", required_argument, NULL, 'I'},
        {"config", required_argument, NULL, 'c'},
        {"baseline", required_argument, NULL, 'B'},
        {"baseline-prune", no_argument, NULL, 'P'},
        {"changed-since", required_argument, NULL, 'G'},
        {"show", no_argument, NULL, 'S'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"source", required_argument, NULL, OPT_SOURCE},
        {"source-lang", required_argument, NULL, OPT_SOURCE_LANG},
        {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"min-severity", required_argument, NULL, OPT_MIN_SEVERITY},
        {"stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME},
        {NULL, 0, NULL, 0},
    };
    int opt;
    while ((opt = getopt_long(argc, argv, "l:f:w:o:j:nqhV", longopts, NULL)) != -1) {
        switch (opt) {
        case 'l':
            c->detect = strcmp(optarg, "auto") == 0;
            if (!c->detect) {
                c->lang = optarg;
                c->ci.lang_set = true;
            }
            break;
        case 'f': c->format = optarg; break;
        case 'D': c->dict_dir = optarg; break;
        case 'C': c->color = optarg; break;
        case 'N': c->color = "never"; break;
        case 'A': c->all_fixes = true; break;
        case 'o': c->output = optarg; break;
        case 'n': c->dry_run = true; break;
        case 'H': c->html = optarg; break;
        case 'c': c->ci.config = optarg; break;
        case 'B': c->ci.baseline = optarg; break;
        case 'P': c->ci.baseline_prune = true; break;
        case 'G': c->ci.changed_since = optarg; break;
        case 'S': c->ci.show = true; break;
        case OPT_SOURCE: c->source = optarg; break;
        case 'q': c->quiet = c->ci.quiet = true; break;
        case OPT_STDIN_FILENAME: c->ci.stdin_filename = optarg; break;
        case OPT_MIN_SEVERITY:
            if (!tqc_severity_parse(optarg, &c->ci.min_severity)) {
                fprintf(stderr, "tqc: --min-severity takes error, warning or info, not '%s'\n",
                        optarg);
                return EXIT_TROUBLE;
            }
            break;
        case 'j': {
            char *end;
            unsigned long n = strtoul(optarg, &end, 10);
            if (*end || n == 0 || n > MAX_JOBS) {
                fprintf(stderr, "tqc: --jobs takes a number from 1 to %d, not '%s'\n", MAX_JOBS,
                        optarg);
                return EXIT_TROUBLE;
            }
            c->jobs = (unsigned)n;
            break;
        }
        case OPT_SOURCE_LANG: c->source_lang = optarg; break;
        case 'I':
            if (!tqc_input_format_parse(optarg, &c->input)) {
                fprintf(stderr, "tqc: --input takes auto, text, html, xliff, tmx or jsonl, "
                        "not '%s'\n", optarg);
                return EXIT_TROUBLE;
            }
            break;
        case 'F':
            if (!tqc_severity_parse(optarg, &c->fail_on)) {
                fprintf(stderr, "tqc: --fail-on takes error, warning or info, not '%s'\n", optarg);
                return EXIT_TROUBLE;
            }
            c->ci.fail_on_set = true;
            break;
        case 'w':
        case 'd': {
            const char **list = opt == 'w' ? c->words : c->disabled;
            size_t *count = opt == 'w' ? &c->word_count : &c->disabled_count;
            if (*count == MAX_LIST_ARGS) {
                fprintf(stderr, "tqc: at most %d --%s options\n", MAX_LIST_ARGS,
                        opt == 'w' ? "words" : "disable");
                return EXIT_TROUBLE;
            }
            if (opt == 'd' && !tqc_pass_find(optarg) && strcmp(optarg, TQC_SUPPRESS_RULE) != 0) {
                fprintf(stderr, "tqc: unknown rule '%s' (see 'tqc rules')\n", optarg);
                return EXIT_TROUBLE;
            }
            list[(*count)++] = optarg;
            break;
        }
        case 'h': tqc_cli_help_print(c->cmd, stdout); exit(EXIT_CLEAN);
        case 'V': printf("tqc %s\n", TQC_VERSION); exit(EXIT_CLEAN);
        default:
            fprintf(stderr, "Try 'tqc %s --help'.\n", c->cmd);
            return EXIT_TROUBLE;
        }
    }
    if (strcmp(c->color, "auto") && strcmp(c->color, "always") && strcmp(c->color, "never")) {
        fprintf(stderr, "tqc: --color takes auto, always or never, not '%s'\n", c->color);
        return EXIT_TROUBLE;
    }
    if (c->kind == RUN_SEGMENT && strcmp(c->format, "text") && strcmp(c->format, "jsonl")) {
        fprintf(stderr, "tqc: segment --format takes text or jsonl, not '%s'\n", c->format);
        return EXIT_TROUBLE;
    }
    if (optind >= argc && !c->ci.changed_since) {
        fputs("tqc: no input files (use - for standard input)\n", stderr);
        return EXIT_TROUBLE;
    }
    return -1;
}

/* One sentence a line, or a JSON Lines record each; false when out of memory. */
static bool print_sentences(const tqc_doc *doc, bool jsonl)
{
    for (size_t i = 0; i < doc->sentence_count; i++) {
        tqc_span s = doc->sentences[i].span;
        if (jsonl) {
            json_t *o = json_object();
            bool ok = tqc_json_set(o, "offset",
                                   json_integer((json_int_t)tqc_doc_file_offset(doc, s.start))) &&
                      tqc_json_set(o, "length", json_integer((json_int_t)tqc_span_len(s))) &&
                      tqc_json_set(o, "text", tqc_json_stringn(tqc_doc_at(doc, s), tqc_span_len(s)));
            if (!tqc_json_write_line(stdout, tqc_json_done(o, ok)) && !ferror(stdout))
                return false;
        } else {
            /* Line breaks inside a sentence become spaces. */
            for (size_t k = s.start; k < s.end; k++)
                putchar(doc->text[k] == '\n' || doc->text[k] == '\r' ? ' ' : doc->text[k]);
            putchar('\n');
        }
    }
    return true;
}

/* --lang auto: says what the language stage (run/pipeline.h) concluded when it told the
 * language of file name: a file whose language cannot be told gets a note on stderr;
 * one told to be another gets a note in the text format (note_other). */
static void note_lang(const tqc_pipe_lang *pl, const char *name, bool note_other)
{
    const tqc_langid_guess *g = &pl->guess;
    tqc_langid *ids = tqc_checker_langid(pl->ck);
    const char *fallback = tqc_lang_code(tqc_checker_lang(pl->ck));
    if (!g->code) {
        if (g->letters == 0)
            return;  /* nothing to tell it from, nor to check */
        fflush(stdout);
        if (g->textcat[0] && tqc_langid_find(ids, g->textcat) == SIZE_MAX)
            fprintf(stderr, "tqc: note: %s: cannot tell its language (it looks like '%s', which "
                    "tqc has no profile for); checking it as %s\n", name, g->textcat, fallback);
        else
            fprintf(stderr, "tqc: note: %s: cannot tell its language%s; checking it as %s\n",
                    name, g->short_text ? " from so little text" : "", fallback);
    } else if (pl->why[0]) {
        fflush(stdout);
        fprintf(stderr, "tqc: note: %s: looks %s, but %s; checking it as %s\n", name,
                tqc_langid_name(ids, tqc_langid_find(ids, g->code)), pl->why, fallback);
    } else if (pl->file_ck != pl->ck && note_other) {
        printf("%s: note: checked as %s (%s), told from its content\n", name,
               tqc_langid_name(ids, tqc_langid_find(ids, g->code)), g->code);
    }
}

/* --lang auto for parallel text, which comes a paragraph at a time: the checker for the
 * language of its first bytes. Standard input cannot be read twice: ck. NULL when out
 * of memory. */
static tqc_checker *checker_for_file(tqc_checker *ck, const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? NULL : fopen(path, "rb");
    if (!f)
        return ck;  /* the fix loop reports what is wrong with it */
    char *buf = tqc_malloc(TQC_LANGID_SAMPLE_BYTES);
    size_t n = buf ? fread(buf, 1, TQC_LANGID_SAMPLE_BYTES, f) : 0;
    fclose(f);
    if (!buf)
        return NULL;
    /* A bilingual file declares its languages, unit by unit (tqc_fix_options). */
    tqc_pipe_lang pl;
    tqc_pipe_lang_init(&pl, ck, true, tqc_input_detect(path, buf, n));
    tqc_status st = pl.told ? TQC_OK : tqc_pipe_lang_tell(&pl, buf, n);
    free(buf);
    if (st != TQC_OK)
        return NULL;
    if (!pl.file_ck)
        return ck;
    note_lang(&pl, path, false);
    return pl.file_ck;
}

/* --source: the source file's language, into out (cap bytes): --source-lang, else told
 * from its first bytes (lang/langid.h). "" when it cannot be told, with a note: the source
 * then serves the passes that need no profile or dictionary of its language. */
static void source_lang_of(tqc_checker *ck, const cli *c, char *out, size_t cap)
{
    snprintf(out, cap, "%s", c->source_lang ? c->source_lang : "");
    if (c->source_lang)
        return;
    FILE *f = strcmp(c->source, "-") == 0 ? NULL : fopen(c->source, "rb");
    char *buf = f ? tqc_malloc(TQC_LANGID_SAMPLE_BYTES) : NULL;
    size_t n = buf ? fread(buf, 1, TQC_LANGID_SAMPLE_BYTES, f) : 0;
    if (f)
        fclose(f);
    tqc_langid *ids = buf ? tqc_checker_langid(ck) : NULL;
    tqc_langid_guess g;
    if (ids && tqc_langid_detect(ids, buf, n, NULL, &g) == TQC_OK && g.code)
        snprintf(out, cap, "%s", g.code);
    else if (f) {
        fflush(stdout);
        fprintf(stderr, "tqc: note: %s: cannot tell the source's language; it is compared "
                "without its dictionary (name it with --source-lang)\n", c->source);
    }
    free(buf);
}

/* One file of check (or segment, or baseline create) as the pipeline's hooks see it. */
typedef struct file_sink {
    const cli *c;
    tqc_ci *ci;
    tqc_reporter *rep;
    tqc_run_stats *stats;
    size_t bad_records;
    bool noted_no_dict;
} file_sink;

static tqc_status sink_bad_record(void *ctx, const char *err)
{
    /* Said as it comes; the file still counts as one that failed (exit 2). */
    fflush(stdout);
    fprintf(stderr, "tqc: %s\n", err);
    ((file_sink *)ctx)->bad_records++;
    return TQC_OK;
}

static tqc_status sink_warning(void *ctx, const char *msg)
{
    fflush(stdout);
    fprintf(stderr, "tqc: warning: %s\n", msg);
    return TQC_OK;
}

static tqc_status sink_lang(void *ctx, const tqc_pipe_lang *pl, const tqc_doc *doc,
                            tqc_checker *ck, bool told)
{
    file_sink *fs = ctx;
    if (told)
        note_lang(pl, doc->name, fs->c->kind != RUN_SEGMENT && strcmp(fs->c->format, "text") == 0);
    if (!tqc_checker_has_dict(ck) && !fs->noted_no_dict) {
        fs->noted_no_dict = true;
        fflush(stdout);
        fprintf(stderr, "tqc: note: %s: no dictionary for '%s' here; checked by the rules "
                "that need none\n", doc->name, tqc_lang_code(tqc_checker_lang(ck)));
    }
    return TQC_OK;
}

/* segment: the sentences instead of the check. */
static tqc_status sink_segment(void *ctx, tqc_checker *ck, tqc_doc *doc, tqc_findings *found)
{
    tqc_status st = tqc_segment(doc, tqc_checker_lang(ck));
    if (st == TQC_OK && !print_sentences(doc, strcmp(((file_sink *)ctx)->c->format, "jsonl") == 0))
        st = TQC_ENOMEM;
    return st;
}

static tqc_status sink_segment_doc(void *ctx, tqc_doc **doc, tqc_findings *found)
{
    return TQC_OK;
}

/* Suppressions and the baseline filter, then the reporter (cli/config.h); the doc may
 * be kept a while (*doc is then NULL). */
static tqc_status sink_doc(void *ctx, tqc_doc **doc, tqc_findings *found)
{
    file_sink *fs = ctx;
    return tqc_ci_doc(fs->ci, fs->rep, doc, found, fs->stats);
}

/* Checks (or segments) one file through the pipeline (run/pipeline.h); returns false
 * when it could not be read. pool (made on first need when c->jobs > 1) checks the docs
 * of files of more than one. */
static bool run_file(tqc_checker *ck, tqc_ci *ci, size_t file, const cli *c,
                     tqc_reporter *rep, tqc_run_stats *stats, tqc_pool **pool)
{
    bool segment_mode = c->kind == RUN_SEGMENT;
    char err[1024];
    const char *path = tqc_ci_file(ci, file);
    tqc_input *in;
    tqc_input_options io = {.format = c->input, .lang = tqc_ci_lang(ci, file),
                            .lang_from_file = c->detect};
    if (strcmp(path, "-") == 0 && c->ci.stdin_filename)
        io.name = c->ci.stdin_filename;     /* --stdin-filename */
    char src_lang[32];
    if (c->source) {    /* parallel plain text, paired paragraph by paragraph */
        source_lang_of(ck, c, src_lang, sizeof src_lang);
        io.source = c->source;
        io.source_lang = src_lang;
    }
    if (!segment_mode)
        tqc_ci_file_begin(ci, file, rep);
    tqc_status st = tqc_input_open(path, &io, &in, err, sizeof err);
    if (st == TQC_OK && tqc_input_note(in)) {
        fflush(stdout);
        fprintf(stderr, "tqc: note: %s\n", tqc_input_note(in));
    }
    /* The language stage (run/pipeline.h). */
    tqc_pipe_lang pl;
    tqc_pipe_lang_init(&pl, ck, c->detect, st == TQC_OK ? tqc_input_format_of(in) : TQC_INPUT_TEXT);
    if (!pl.told && c->source && st == TQC_OK) {
        /* Parallel text comes a paragraph at a time: the article is told whole. */
        pl.told = true;
        if (!(pl.file_ck = checker_for_file(ck, path)))
            st = TQC_ENOMEM;
    }
    file_sink fs = {.c = c, .ci = ci, .rep = rep, .stats = stats};
    /* Ctrl-C ends the check of a doc (its cancel: ETIME), then the loop. */
    tqc_pipe_hooks h = {.ctx = &fs, .bad_record = sink_bad_record,
                        .warning = sink_warning, .lang = sink_lang,
                        .check = segment_mode ? sink_segment : NULL,
                        .doc = segment_mode ? sink_segment_doc : sink_doc};
    if (st == TQC_OK)
        st = tqc_pipe_file(in, &pl, pool, c->jobs, &h, err, sizeof err);
    tqc_input_close(in);
    if (st == TQC_OK && fs.bad_records) {
        /* Reported as they came; the file still counts as one that failed (exit 2). */
        if (!segment_mode)
            (void)tqc_ci_file_end(ci, rep, stats, false);
        tqc_ci_file_failed(ci, file);
        return false;
    }
    if (!segment_mode && !tqc_ci_file_end(ci, rep, stats, st == TQC_OK) && st == TQC_OK) {
        tqc_ci_file_failed(ci, file);
        return false;
    }
    if (st == TQC_ETIME && tqc_cli_stopped())
        return false;   /* Ctrl-C: said once, by the caller */
    if (st != TQC_OK) {
        tqc_ci_file_failed(ci, file);
        if (st == TQC_ENOMEM)
            snprintf(err, sizeof err, "%s: out of memory", path);
        fflush(stdout);
        fprintf(stderr, "tqc: %s\n", err);
        return false;
    }
    return true;
}

/* --source pairs one plain-text file with its source, for check (and baseline create);
 * -1 when the options make sense. */
static int check_source_options(bool other_command, const cli *c, int nfiles)
{
    const char *bad = NULL;
    if (!c->source && c->source_lang)
        bad = "--source-lang names the language of --source";
    else if (c->source && other_command)
        bad = "--source is for check";
    else if (c->source && nfiles != 1)
        bad = "--source pairs one target file with its source: give one FILE";
    else if (c->source && c->input != TQC_INPUT_AUTO && c->input != TQC_INPUT_TEXT)
        bad = "--source pairs plain text (a bilingual file holds its own source)";
    if (!bad)
        return -1;
    fprintf(stderr, "tqc: %s\n", bad);
    return EXIT_TROUBLE;
}

/* diff, fix and report, and check --format diff|wdiff, run the fix loop (run/fix.h) over
 * each file; these are the options they take. -1 when the options make sense. */
static int check_fix_options(const cli *c, int nfiles)
{
    bool fix = c->kind == RUN_FIX, report = c->kind == RUN_REPORT, fix_mode = c->fixing;
    const char *bad = NULL;
    if (!fix_mode && (c->all_fixes || c->output || c->dry_run || c->html))
        bad = "--all-fixes, --output, --dry-run and --html are for diff, fix and report";
    else if (!fix && (c->output || c->dry_run))
        bad = "--output and --dry-run are for fix";
    else if (!report && c->html)
        bad = "--html is for report";
    else if (report && !c->html)
        bad = "report needs --html=OUT.html";
    else if (fix && c->output && c->dry_run)
        bad = "--dry-run writes nothing; leave out --output";
    else if (fix && c->output && strcmp(c->output, "-") != 0 && nfiles > 1)
        bad = "--output takes one input file (or - for standard output)";
    else if (fix_mode && !report && strcmp(c->format, "text") && strcmp(c->format, "diff") &&
             strcmp(c->format, "wdiff"))
        bad = "diff and fix --dry-run take --format diff or wdiff";
    if (!bad)
        return -1;
    fprintf(stderr, "tqc: %s\n", bad);
    return EXIT_TROUBLE;
}

/* fix: the corrected bytes go to standard output, to --output, or over the file
 * (atomically, and only when something changed, so a second run touches nothing). */
static tqc_status write_fixed(const char *path, const tqc_atomic_file *af, const char *output,
                              const tqc_fix_result *res, char *err, size_t errlen)
{
    const char *to = output ? output : path;
    if (strcmp(to, "-") == 0) {
        fwrite(res->text, 1, res->len, stdout);
        return TQC_OK;
    }
    if (!output && !tqc_fix_changed(res))
        return TQC_OK;
    if (output)
        return tqc_atomic_write(to, res->text, res->len, err, errlen);
    /* In place: only over the file that was read, still holding what was read. */
    return tqc_atomic_file_replace(af, path, res->doc->text, res->doc->len, res->text, res->len,
                                   err, errlen);
}

/* A signal while fix writes must not leave a temporary copy of the article behind. */
static void on_fatal_signal(int sig)
{
    tqc_atomic_signal_cleanup();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* report: the page is made in memory and written atomically (or to standard output). */
static tqc_status write_html(tqc_html *html, const char *to, char *err, size_t errlen)
{
    if (strcmp(to, "-") == 0)
        return tqc_html_write(html, stdout);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    tqc_status st = mem ? tqc_html_write(html, mem) : TQC_ENOMEM;
    if (mem && (fclose(mem) != 0 || !buf) && st == TQC_OK)
        st = TQC_ENOMEM;
    if (st == TQC_OK)
        st = tqc_atomic_write(to, buf, len, err, errlen);
    else
        snprintf(err, errlen, "%s: out of memory", to);
    free(buf);
    return st;
}

/* The fix loop's sink (diff, fix, report, check --format diff|wdiff): what it wrote and
 * counted over the files. */
typedef struct fix_sink {
    bool writing, wdiff, color;
    tqc_html *html;             /* report */
    size_t changed, failing, fixed, fixed_files;
} fix_sink;

static bool fix_sink_init(fix_sink *fx, const cli *c, const tqc_rule_info *rules,
                          size_t rule_count)
{
    *fx = (fix_sink){.writing = c->kind == RUN_FIX && !c->dry_run,
                     /* A word diff for people, a unified diff for tools. */
                     .wdiff = strcmp(c->format, "wdiff") == 0 ||
                              (strcmp(c->format, "text") == 0 && isatty(fileno(stdout))),
                     .color = tqc_cli_use_color(c->color)};
    if (c->kind == RUN_REPORT && !(fx->html = tqc_html_new(rules, rule_count))) {
        fputs("tqc: out of memory\n", stderr);
        return false;
    }
    if (fx->writing || fx->html) {
        struct sigaction sa = {.sa_handler = on_fatal_signal};
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);
    }
    return true;
}

/* The fix loop's language stage: the note check gives when a file's language cannot be
 * told (the text format's "checked as" line would be in the diff). */
static tqc_status fix_lang(void *ctx, const tqc_pipe_lang *pl, const tqc_doc *doc,
                           tqc_checker *ck, bool told)
{
    if (told)
        note_lang(pl, doc->name, false);
    return TQC_OK;
}

/* Fixes file i of ci with ck (its settings' checker) into the sink; false after printing
 * why it failed. */
static bool fix_file(tqc_checker *ck, tqc_ci *ci, size_t i, const cli *c, fix_sink *fx)
{
    const char *file = tqc_ci_file(ci, i);
    char err[1024];
    /* The same pipeline as check (run/pipeline.h): its language stage, suppressions,
     * baseline and --min-severity. */
    tqc_pipe_filter pf;
    tqc_ci_filter(ci, i, &pf);
    /* A markup file is fixed in its own bytes where the text maps 1:1 (run/fix.h). */
    tqc_fix_options fo = {.lang = tqc_ci_lang(ci, i), .all_fixes = c->all_fixes,
                          .format = c->input, .lang_from_file = c->detect, .filter = &pf,
                          .on_lang = fix_lang,
                          .text_only = fx->writing};   /* memory: the two texts (run/fix.h) */
    tqc_fix_result *res = NULL;
    /* Fixing in place: resolve the file once, before it is read, and read it by
     * that resolved path (core/atomic.h). */
    bool in_place = fx->writing && !c->output && strcmp(file, "-") != 0;
    tqc_atomic_file af = {.dirfd = -1};
    tqc_status st = in_place ? tqc_atomic_file_open(file, &af, err, sizeof err) : TQC_OK;
    if (in_place)
        fo.name = file;
    if (st == TQC_OK)
        st = tqc_fix_file(ck, in_place ? af.path : file, &fo, &res, err, sizeof err);
    if (st == TQC_OK) {
        for (size_t k = 0; k < res->finding_count; k++)
            fx->failing += res->findings[k].severity >= tqc_ci_fail_on(ci, i);
        fx->changed += tqc_fix_changed(res);
        if (fx->html) {
            if ((st = tqc_html_add(fx->html, res)) != TQC_OK)
                snprintf(err, sizeof err, "%s: out of memory", file);
        } else if (fx->writing) {
            st = write_fixed(file, &af, c->output, res, err, sizeof err);
            size_t n = res->applied;
            fx->fixed += st == TQC_OK ? n : 0;
            fx->fixed_files += st == TQC_OK && n > 0;
        } else if (fx->wdiff) {
            tqc_wdiff_write(stdout, res, fx->color);
        } else {
            tqc_diff_write(stdout, res, res->doc->name);
        }
    }
    tqc_fix_result_free(res);
    tqc_atomic_file_close(&af);
    if (st != TQC_OK) {
        fflush(stdout);
        fprintf(stderr, "tqc: %s\n", err);
        return false;
    }
    return true;
}

/* Writes the report and says what fix did; false after printing why it failed. */
static bool fix_sink_finish(fix_sink *fx, const cli *c)
{
    char err[1024];
    bool ok = true;
    if (fx->html && write_html(fx->html, c->html, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "tqc: %s\n", err);
        ok = false;
    }
    tqc_html_free(fx->html);
    fx->html = NULL;
    /* fix says what it did (standard error: the text may be on standard output). */
    if (fx->writing && !c->quiet)
        fprintf(stderr, "tqc: fixed %zu finding%s in %zu file%s\n", fx->fixed,
                fx->fixed == 1 ? "" : "s", fx->fixed_files, fx->fixed_files == 1 ? "" : "s");
    return ok;
}

/* The commands that check files (check, diff, fix, report, segment, baseline create,
 * config --show): one loop takes every file through the pipeline (cli/config.h for its
 * settings, suppressions and baseline) into the command's sink. */
static int run_files(run_kind kind, int argc, char **argv)
{
    const char *cmd = argv[0];
    if (kind == RUN_BASELINE && (argc < 2 || strcmp(argv[1], "create") != 0)) {
        fputs("tqc: baseline takes 'create': tqc baseline create [-o FILE] FILE...\n", stderr);
        return EXIT_TROUBLE;
    }
    int shift = kind == RUN_BASELINE ? 1 : 0;
    cli c = {.cmd = cmd, .kind = kind, .lang = "en", .format = "text", .color = "auto",
             .fail_on = TQC_SEV_WARNING, .detect = true};
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    c.jobs = cpus < 1 ? 1 : cpus > DEFAULT_MAX_JOBS ? DEFAULT_MAX_JOBS : (unsigned)cpus;
    int rc = parse_options(argc - shift, argv + shift, &c);
    if (rc >= 0)
        return rc;
    int first_file = optind + shift;
    if ((kind == RUN_CONFIG) != c.ci.show) {
        fputs("tqc: config takes --show, and --show is for config: tqc config --show FILE...\n",
              stderr);
        return EXIT_TROUBLE;
    }
    if (kind == RUN_BASELINE) {    /* -o names the baseline to write; nothing is reported */
        c.ci.output = c.output;
        c.output = NULL;
        c.format = "text";
    }
    c.fixing = kind == RUN_DIFF || kind == RUN_FIX || kind == RUN_REPORT ||
               (kind == RUN_CHECK && (strcmp(c.format, "diff") == 0 ||
                                      strcmp(c.format, "wdiff") == 0));
    if ((rc = check_fix_options(&c, argc - first_file)) >= 0)
        return rc;
    if ((rc = check_source_options(kind == RUN_SEGMENT || kind == RUN_CONFIG || c.fixing, &c,
                                   argc - first_file)) >= 0)
        return rc;
    bool reporting = kind != RUN_SEGMENT && !c.fixing;

    tqc_reporter rep = {.out = stdout};
    if (reporting && !tqc_reporter_init(&rep, c.format, stdout, tqc_cli_use_color(c.color))) {
        fprintf(stderr, "tqc: unknown format '%s' (text, jsonl, sarif, github, junit, "
                "checkstyle, rdjsonl)\n", c.format);
        return EXIT_TROUBLE;
    }
    /* What reporters may know of the rules and the run (SARIF's rules, JUnit's failures). */
    tqc_rule_info rules[MAX_RULES];
    rep.rule_count = tqc_rules_catalogue(rules, MAX_RULES);  /* run/rules.h */
    if (rep.rule_count > MAX_RULES)
        rep.rule_count = MAX_RULES;
    rep.rules = rules;
    rep.fail_on = c.fail_on;
    /* SARIF names the machine's working directory only when asked (README). */
    const char *srcroot = getenv("TQC_SARIF_SRCROOT");
    rep.sarif_srcroot = srcroot && *srcroot && strcmp(srcroot, "0") != 0;
    tqc_cli_data_dir(c.data_dir, sizeof c.data_dir);
    /* Each file's settings: its .tqc.ini (or --config), then these options. */
    tqc_config_overrides over = {
        .lang = c.ci.lang_set ? c.lang : NULL, .fail_on_set = c.ci.fail_on_set,
        .fail_on = c.fail_on, .dict_dir = c.dict_dir, .words = c.words,
        .word_count = c.word_count, .disabled = c.disabled, .disabled_count = c.disabled_count,
    };
    tqc_ci_mode mode = kind == RUN_CONFIG ? TQC_CI_SHOW : kind == RUN_BASELINE ? TQC_CI_BASELINE
                     : kind == RUN_SEGMENT ? TQC_CI_OTHER : c.fixing ? TQC_CI_FIX : TQC_CI_CHECK;
    tqc_ci *ci;
    if ((rc = tqc_ci_open(mode, &c.ci, c.data_dir, &over, argv + first_file,
                          (size_t)(argc - first_file), &ci)) >= 0)
        return rc;
    if (kind == RUN_CONFIG) {
        rc = tqc_ci_show(ci);
        tqc_ci_free(ci);
        return rc;
    }
    tqc_run_stats stats = {0};
    tqc_pool *pool = NULL;
    fix_sink fx = {0};
    bool sink_ok = !c.fixing || fix_sink_init(&fx, &c, rules, rep.rule_count);
    /* Ctrl-C: the checks give up between docs and passes (cli/common.h); fix has its
     * own handlers, which remove its temporary file. */
    tqc_cancel stop = tqc_cancel_after(0, tqc_cli_stop_flag());
    if (!c.fixing)
        tqc_cli_stop_install(TQC_CLI_STOP_GRACE_MS);
    for (size_t i = 0; sink_ok && i < tqc_ci_file_count(ci) && !tqc_cli_stopped(); i++) {
        stats.files++;
        tqc_checker *ck = tqc_ci_checker(ci, i);
        if (ck && !c.fixing)
            tqc_checker_set_cancel(ck, &stop);
        bool ok = ck && (c.fixing ? fix_file(ck, ci, i, &c, &fx)
                                  : run_file(ck, ci, i, &c, &rep, &stats, &pool));
        if (!ok)
            stats.files_failed++;
    }
    tqc_pool_free(pool);
    if (!c.fixing) {
        tqc_cli_stop_disarm();
        if (tqc_cli_stopped()) {
            /* Partial: no summary and no baseline written from it. */
            tqc_ci_free(ci);
            fflush(stdout);
            fputs("tqc: interrupted\n", stderr);
            return EXIT_INTERRUPTED;
        }
    }
    if (c.fixing && sink_ok)
        sink_ok = fix_sink_finish(&fx, &c);
    /* A baseline is written only from a complete run; a pruned one keeps what it could not check. */
    bool finished = !reporting || (kind == RUN_BASELINE && stats.files_failed) ||
                    tqc_ci_finish(ci);
    /* -q: the text format's finish is its summary line, left out. */
    if (reporting && kind != RUN_BASELINE && rep.finish &&
        !(c.quiet && strcmp(c.format, "text") == 0))
        rep.finish(&rep, &stats);
    bool report_failed = reporting && rep.failed;
    if (report_failed)
        fputs("tqc: out of memory writing the report\n", stderr);
    bool failing = c.fixing ? fx.failing > 0 : tqc_ci_failing(ci);
    tqc_ci_free(ci);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "tqc: error writing output: %s\n", strerror(errno));
        return EXIT_TROUBLE;
    }
    if (!sink_ok || stats.files_failed || report_failed || !finished)
        return EXIT_TROUBLE;
    /* diff: 1 when there is something to fix; fix and report: 0; check (whatever its
     * format): 1 when a finding is at or above its file's fail-on. */
    if (c.fixing && kind != RUN_CHECK)
        return kind == RUN_DIFF && fx.changed ? EXIT_FINDINGS : EXIT_CLEAN;
    return failing && kind != RUN_BASELINE ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int cmd_check(int argc, char **argv) { return run_files(RUN_CHECK, argc, argv); }
static int cmd_diff(int argc, char **argv) { return run_files(RUN_DIFF, argc, argv); }
static int cmd_fix(int argc, char **argv) { return run_files(RUN_FIX, argc, argv); }
static int cmd_report(int argc, char **argv) { return run_files(RUN_REPORT, argc, argv); }
static int cmd_segment(int argc, char **argv) { return run_files(RUN_SEGMENT, argc, argv); }
static int cmd_baseline(int argc, char **argv) { return run_files(RUN_BASELINE, argc, argv); }
static int cmd_config(int argc, char **argv) { return run_files(RUN_CONFIG, argc, argv); }
static int cmd_rules(int argc, char **argv) { return tqc_cli_rules(argc, argv, false); }
static int cmd_explain(int argc, char **argv) { return tqc_cli_rules(argc, argv, true); }

/* The command table: each command's name and handler (argv[0] is the command); its help
 * entry is cli/help.c's of the same name (tqc_cli_help_print). own_help: the handler
 * reads -h itself. */
typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    bool own_help;
} command;

static const command commands[] = {
    {"check", cmd_check, false},
    {"diff", cmd_diff, false},
    {"fix", cmd_fix, false},
    {"report", cmd_report, false},
    {"segment", cmd_segment, false},
    {"baseline", cmd_baseline, false},
    {"config", cmd_config, false},
    {"audit", tqc_cli_audit, false},     /* cli/audit.h */
    {"merge", tqc_cli_merge, false},
    {"serve", tqc_cli_serve, false},     /* cli/serve.h */
    {"lsp", tqc_cli_lsp, false},
    {"init", tqc_cli_init, true},        /* cli/init.h */
    {"help", tqc_cli_help, true},        /* cli/help.h */
    {"rules", cmd_rules, true},
    {"explain", cmd_explain, true},
};

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    /* Each doc's token and finding arrays are freed before the next doc's are made;
     * glibc's adaptive threshold would keep tens of megabytes of them from the system
     * per thread. A fixed one returns them: peak memory stays that of the docs in
     * flight. */
    mallopt(M_TRIM_THRESHOLD, MALLOC_TRIM_BYTES);
#endif
    tqc_cli_safe_stderr();
    if (argc < 2) {
        tqc_cli_help_print(NULL, stderr);
        return EXIT_TROUBLE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        tqc_cli_help_print(NULL, stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("tqc %s\n", TQC_VERSION);
        return EXIT_CLEAN;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        const command *k = &commands[i];
        if (strcmp(cmd, k->name) != 0)
            continue;
        if (!k->own_help && tqc_cli_wants_help(argc - 1, argv + 1))
            return tqc_cli_help_print(cmd, stdout) ? EXIT_CLEAN : EXIT_TROUBLE;
        return k->run(argc - 1, argv + 1);
    }
    fprintf(stderr, "tqc: unknown command '%s'\nTry 'tqc --help'.\n", cmd);
    return EXIT_TROUBLE;
}
