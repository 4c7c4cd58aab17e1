/* cli_config: per-file settings and checkers, suppressions, baselines, --changed-since,
 * `config --show` and `baseline create` for the command line (see cli/config.h). */
#include "cli/config.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/io.h"
#include "core/atomic.h"
#include "run/baseline.h"
#include "cli/common.h"
#include "core/alloc.h"
#include "run/project.h"
#include "run/suppress.h"
#include "run/suppress_file.h"
#include "run/walk.h"

#define CI_PATH TQC_CONFIG_MAX_PATH
/* git's output for --changed-since: a repository with more changed paths than fit in
 * this is better checked whole. */
#define CI_GIT_MAX_BYTES ((size_t)64 << 20)

/* The file being checked: its suppressions (run/suppress_file.h), which hand its docs back
 * to be reported one behind, and where they are reported. */
typedef struct cur_file {
    size_t index;
    tqc_suppress_file *sf;
    tqc_reporter *rep;
    tqc_run_stats *stats;
} cur_file;

typedef struct ck_entry {
    const tqc_settings *settings;
    tqc_checker *ck;
    bool failed;                /* made once and failed: not tried again */
} ck_entry;

struct tqc_ci {
    tqc_ci_mode mode;
    const tqc_ci_options *opts;
    const char *data_dir;
    const tqc_config_overrides *cli;
    char **files;               /* owned copies */
    size_t nfiles;
    tqc_settings **settings;    /* per file */
    char **keys;                /* per file: its path in the baseline */
    bool *unchecked;            /* per file: could not be read */
    tqc_project *project;       /* configs, each loaded once (run/project.h) */
    ck_entry *checkers;
    size_t ncheckers;
    tqc_baseline *baseline;     /* --baseline, or the one being created */
    char base_dir[CI_PATH];     /* baseline paths are relative to it */
    size_t failing;
    cur_file cur;
};

/* ---- --changed-since ------------------------------------------------------------ */

/* Runs git with argv (no shell), its standard output into *out (malloc'd, *len bytes).
 * git's own messages go to our standard error. false after printing why. */
static bool run_git(const char *const argv[], char **out, size_t *len, const char *rev)
{
    *out = NULL;
    *len = 0;
    int fd[2];
    if (pipe(fd) != 0) {
        fprintf(stderr, "tqc: --changed-since: pipe: %s\n", strerror(errno));
        return false;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "tqc: --changed-since: fork: %s\n", strerror(errno));
        close(fd[0]);
        close(fd[1]);
        return false;
    }
    if (pid == 0) {
        dup2(fd[1], STDOUT_FILENO);
        close(fd[0]);
        close(fd[1]);
        /* execvp's prototype predates const; it does not write the strings. */
        execvp("git", (char *const *)argv);
        _exit(127); /* exec failed: git is not installed */
    }
    close(fd[1]);
    char *buf = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    for (;;) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 4096;
            char *nb = ncap <= CI_GIT_MAX_BYTES ? tqc_realloc(buf, ncap + 1) : NULL;
            if (!nb) {
                ok = false;
                break;
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t got = read(fd[0], buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    close(fd[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!ok) {
        fprintf(stderr, "tqc: --changed-since %s: git printed more than %zu bytes\n", rev,
                CI_GIT_MAX_BYTES);
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        fprintf(stderr, "tqc: --changed-since %s: cannot run git (is it installed?)\n", rev);
        ok = false;
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "tqc: --changed-since %s: 'git %s' failed (exit %d); is this a git "
                "repository, and is %s fetched (a shallow clone needs more history)?\n",
                rev, argv[1], WIFEXITED(status) ? WEXITSTATUS(status) : -1, rev);
        ok = false;
    }
    if (!ok) {
        free(buf);
        return false;
    }
    if (buf)
        buf[n] = '\0';
    *out = buf;
    *len = n;
    return true;
}

/* Files tqc reads, by extension: --changed-since skips the rest (code, images...)
 * unless a FILE argument names them. */
static bool article_file(const char *path)
{
    static const char *const exts[] = {"txt", "text", "md", "markdown", "html", "htm", "xhtml",
                                       "xlf", "xliff", "sdlxliff", "tmx", "jsonl", "ndjson"};
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return false;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strcasecmp(dot + 1, exts[i]) == 0)
            return true;
    return false;
}

/* true when changed (relative to the working directory) passes the FILE arguments: one
 * names it, or names a folder holding it (then only article files count). */
static bool wanted(const char *changed, char **filters, size_t nfilters)
{
    if (nfilters == 0)
        return article_file(changed);
    char abs[CI_PATH], fabs[CI_PATH];
    if (!tqc_config_abspath(changed, abs, sizeof abs))
        return false;
    for (size_t i = 0; i < nfilters; i++) {
        if (!tqc_config_abspath(filters[i], fabs, sizeof fabs))
            continue;
        if (strcmp(abs, fabs) == 0)
            return true;
        size_t n = strlen(fabs);
        bool under = strcmp(fabs, "/") == 0 || (strncmp(abs, fabs, n) == 0 && abs[n] == '/');
        if (under && article_file(changed))
            return true;
    }
    return false;
}

static bool append_file(tqc_ci *ci, size_t *cap, const char *path)
{
    if (!tqc_grow((void **)&ci->files, cap, ci->nfiles, 1, sizeof *ci->files))
        return false;
    return (ci->files[ci->nfiles] = tqc_strdup(path)) != NULL && ++ci->nfiles;
}

/* As append_file, unless the list has path already. */
static bool add_file(tqc_ci *ci, size_t *cap, const char *path)
{
    for (size_t i = 0; i < ci->nfiles; i++)
        if (strcmp(ci->files[i], path) == 0)
            return true;
    return append_file(ci, cap, path);
}

/* The folder walk's hooks (run/walk.h): article files are listed, in walk order. */
typedef struct tree_ctx {
    tqc_ci *ci;
    size_t *cap;
    bool nomem;
} tree_ctx;

static bool tree_want_file(void *ctx, const char *rel)
{
    (void)ctx;
    return article_file(rel);
}

static bool tree_file(void *ctx, const char *path, const char *rel, const struct stat *st)
{
    (void)rel;
    (void)st;
    tree_ctx *t = ctx;
    t->nomem = !append_file(t->ci, t->cap, path);
    return !t->nomem;
}

/* Adds the article files under folder dir, in byte order of their paths (run/walk.h:
 * hidden entries, links to folders and links out of dir are skipped). false when out
 * of memory; a folder that cannot be read is passed over like an empty one. */
static bool add_tree(tqc_ci *ci, size_t *cap, const char *dir)
{
    tree_ctx t = {ci, cap, false};
    tqc_walk w = {.ctx = &t, .want_file = tree_want_file, .file = tree_file};
    return tqc_walk_dir(&w, dir) == TQC_OK && !t.nomem;
}

/* The files changed against rev (committed since the merge base, staged, unstaged, and
 * untracked but not ignored) under the working directory, passing the filters, sorted. */
static bool changed_files(tqc_ci *ci, const char *rev, char **filters, size_t nfilters)
{
    if (rev[0] == '-' || rev[0] == '\0') {
        fprintf(stderr, "tqc: --changed-since: '%s' is not a revision\n", rev);
        return false;
    }
    char *base = NULL, *diff = NULL, *untracked = NULL;
    size_t blen, dlen, ulen, cap = 0;
    /* Against the merge base, so what changed on REV's branch meanwhile is not ours. */
    const char *mb[] = {"git", "merge-base", rev, "HEAD", NULL};
    bool ok = run_git(mb, &base, &blen, rev);
    if (ok) {
        while (blen && (base[blen - 1] == '\n' || base[blen - 1] == '\r'))
            base[--blen] = '\0';
        const char *dv[] = {"git", "diff", "--name-only", "-z", "--diff-filter=ACMR", "--relative",
                      "--no-renames", base, "--", NULL};
        const char *uv[] = {"git", "ls-files", "-z", "--others", "--exclude-standard", NULL};
        ok = run_git(dv, &diff, &dlen, rev) && run_git(uv, &untracked, &ulen, rev);
    }
    for (int k = 0; ok && k < 2; k++) {
        const char *buf = k ? untracked : diff;
        size_t len = k ? ulen : dlen;
        for (size_t i = 0; ok && i < len; i += strlen(buf + i) + 1)
            if (buf[i] && wanted(buf + i, filters, nfilters) && !add_file(ci, &cap, buf + i)) {
                fputs("tqc: out of memory\n", stderr);
                ok = false;
            }
    }
    free(base);
    free(diff);
    free(untracked);
    if (ok && ci->nfiles > 1) {
        /* Sorted, so output order does not depend on git's. */
        for (size_t i = 1; i < ci->nfiles; i++)
            for (size_t j = i; j > 0 && strcmp(ci->files[j - 1], ci->files[j]) > 0; j--) {
                char *t = ci->files[j];
                ci->files[j] = ci->files[j - 1];
                ci->files[j - 1] = t;
            }
    }
    return ok;
}

/* ---- opening -------------------------------------------------------------------- */

int tqc_ci_open(tqc_ci_mode mode, const tqc_ci_options *opts, const char *data_dir,
                const tqc_config_overrides *cli, char **files, size_t nfiles, tqc_ci **out)
{
    *out = NULL;
    tqc_ci *ci = tqc_calloc(1, sizeof *ci);
    if (!ci) {
        fputs("tqc: out of memory\n", stderr);
        return 2;
    }
    ci->mode = mode;
    ci->opts = opts;
    ci->data_dir = data_dir;
    ci->cli = cli;
    bool ok = true;
    if (opts->baseline_prune && !opts->baseline) {
        fputs("tqc: --baseline-prune needs --baseline FILE\n", stderr);
        ok = false;
    } else if (mode != TQC_CI_CHECK && opts->baseline_prune) {
        fputs("tqc: --baseline-prune is for check\n", stderr);
        ok = false;
    } else if (mode != TQC_CI_CHECK && mode != TQC_CI_FIX && opts->baseline) {
        fputs("tqc: --baseline is for check, diff, fix and report\n", stderr);
        ok = false;
    } else if (opts->changed_since && mode == TQC_CI_SHOW) {
        fputs("tqc: --changed-since is not for config --show\n", stderr);
        ok = false;
    }
    if (ok && opts->changed_since) {
        ok = changed_files(ci, opts->changed_since, files, nfiles);
    } else if (ok) {
        /* Without --changed-since every argument is checked, in order; a folder stands for
         * the article files under it. */
        size_t cap = 0;
        for (size_t i = 0; ok && i < nfiles; i++) {
            struct stat st;
            if (strcmp(files[i], "-") != 0 && stat(files[i], &st) == 0 && S_ISDIR(st.st_mode))
                ok = add_tree(ci, &cap, files[i]);
            else if (!append_file(ci, &cap, files[i]))
                ok = false;
        }
        if (!ok)
            fputs("tqc: out of memory\n", stderr);
    }
    size_t n = ci->nfiles;
    if (ok && n) {
        ci->settings = tqc_calloc(n, sizeof *ci->settings);
        ci->keys = tqc_calloc(n, sizeof *ci->keys);
        ci->unchecked = tqc_calloc(n, sizeof *ci->unchecked);
        if (!ci->settings || !ci->keys || !ci->unchecked) {
            fputs("tqc: out of memory\n", stderr);
            ok = false;
        }
    }
    /* Every file's settings before anything is checked: a bad config stops the run
     * before any output. */
    if (ok && !(ci->project = tqc_project_new(opts->config, cli))) {
        fputs("tqc: out of memory\n", stderr);
        ok = false;
    }
    for (size_t i = 0; ok && i < n; i++) {
        char err[1024];
        if (tqc_project_settings(ci->project, tqc_ci_file_as(ci, i), &ci->settings[i], err,
                                 sizeof err) != TQC_OK) {
            fprintf(stderr, "tqc: %s\n", err);
            ok = false;
        }
    }
    if (ok && (mode == TQC_CI_BASELINE || opts->baseline)) {
        const char *bfile = mode == TQC_CI_BASELINE ? opts->output : opts->baseline;
        if (!tqc_cli_baseline_dir(bfile, ci->base_dir, sizeof ci->base_dir)) {
            fprintf(stderr, "tqc: %s: path too long\n", bfile);
            ok = false;
        }
        char err[1024];
        tqc_status st = TQC_OK;
        if (ok && mode == TQC_CI_BASELINE)
            st = (ci->baseline = tqc_baseline_new()) ? TQC_OK : TQC_ENOMEM;
        else if (ok)
            st = tqc_baseline_load(opts->baseline, &ci->baseline, err, sizeof err);
        if (ok && st != TQC_OK) {
            fprintf(stderr, "tqc: %s\n", st == TQC_ENOMEM ? "out of memory" : err);
            ok = false;
        }
        for (size_t i = 0; ok && i < n; i++)
            if (!(ci->keys[i] = tqc_cli_baseline_key(ci->base_dir, tqc_ci_file_as(ci, i)))) {
                fputs("tqc: out of memory\n", stderr);
                ok = false;
            }
    }
    if (!ok) {
        tqc_ci_free(ci);
        return 2;
    }
    *out = ci;
    return -1;
}

static void release_cur(cur_file *c)
{
    tqc_suppress_file_free(c->sf);
    memset(c, 0, sizeof *c);
}

void tqc_ci_free(tqc_ci *ci)
{
    if (!ci)
        return;
    release_cur(&ci->cur);
    for (size_t i = 0; i < ci->nfiles; i++) {
        free(ci->files[i]);
        if (ci->settings)
            tqc_settings_free(ci->settings[i]);
        if (ci->keys)
            free(ci->keys[i]);
    }
    free(ci->files);
    free(ci->settings);
    free(ci->keys);
    free(ci->unchecked);
    for (size_t i = 0; i < ci->ncheckers; i++)
        tqc_checker_free(ci->checkers[i].ck);
    free(ci->checkers);
    tqc_project_free(ci->project);  /* after the settings, which borrow from its configs */
    tqc_baseline_free(ci->baseline);
    free(ci);
}

size_t tqc_ci_file_count(const tqc_ci *ci) { return ci->nfiles; }
const char *tqc_ci_file(const tqc_ci *ci, size_t i) { return ci->files[i]; }
const char *tqc_ci_file_as(const tqc_ci *ci, size_t i)
{
    bool named = ci->opts->stdin_filename && strcmp(ci->files[i], "-") == 0;
    return named ? ci->opts->stdin_filename : ci->files[i];
}
const char *tqc_ci_lang(const tqc_ci *ci, size_t i) { return ci->settings[i]->lang; }
tqc_severity tqc_ci_fail_on(const tqc_ci *ci, size_t i) { return ci->settings[i]->fail_on; }
bool tqc_ci_failing(const tqc_ci *ci) { return ci->failing > 0; }
void tqc_ci_filter(const tqc_ci *ci, size_t i, tqc_pipe_filter *out)
{
    *out = (tqc_pipe_filter){.baseline = ci->baseline, .key = ci->keys ? ci->keys[i] : NULL,
                             .min_severity = ci->opts->min_severity};
}
void tqc_ci_file_failed(tqc_ci *ci, size_t i) { ci->unchecked[i] = true; }

/* ---- checkers ------------------------------------------------------------------- */

tqc_checker *tqc_ci_checker(tqc_ci *ci, size_t i)
{
    const tqc_settings *s = ci->settings[i];
    for (size_t k = 0; k < ci->ncheckers; k++)
        if (tqc_settings_same_checker(ci->checkers[k].settings, s))
            return ci->checkers[k].ck;
    ck_entry *grown = tqc_realloc(ci->checkers, (ci->ncheckers + 1) * sizeof *grown);
    if (!grown) {
        fputs("tqc: out of memory\n", stderr);
        return NULL;
    }
    ci->checkers = grown;
    tqc_checker *ck;
    char err[1024];
    tqc_status st = tqc_project_checker(s, ci->data_dir, false, &ck, err, sizeof err);
    /* A failure is remembered too, so every file of those settings fails the same way. */
    ci->checkers[ci->ncheckers++] = (ck_entry){s, ck, st != TQC_OK};
    if (st != TQC_OK)
        fprintf(stderr, "tqc: %s\n", err);
    return ck;
}

/* ---- checking ------------------------------------------------------------------- */

void tqc_ci_file_begin(tqc_ci *ci, size_t i, tqc_reporter *rep)
{
    release_cur(&ci->cur);
    ci->cur.index = i;
    rep->fail_on = ci->settings[i]->fail_on;
}

/* Reports (or records in the baseline being made) the findings of doc. */
static bool emit(tqc_ci *ci, tqc_reporter *rep, tqc_doc *doc, tqc_findings *found,
                 tqc_run_stats *stats)
{
    size_t i = ci->cur.index;
    const tqc_settings *s = ci->settings[i];
    if (ci->mode == TQC_CI_BASELINE) {
        for (size_t k = 0; k < found->count; k++) {
            const tqc_finding *f = &found->items[k];
            if (tqc_baseline_add(ci->baseline, tqc_finding_fingerprint(doc, f), f->rule,
                                 ci->keys[i], tqc_doc_at(doc, f->span),
                                 tqc_span_len(f->span)) != TQC_OK)
                return false;
        }
        stats->bytes += doc->len;
        return true;
    }
    tqc_pipe_filter pf;
    tqc_ci_filter(ci, i, &pf);
    if (rep->begin)
        rep->begin(rep, doc);
    for (size_t k = 0; k < found->count; k++) {
        const tqc_finding *f = &found->items[k];
        if (tqc_pipe_drops(&pf, doc, f, false))
            continue;   /* --min-severity, --baseline: neither shown nor counted */
        rep->finding(rep, doc, f);
        stats->findings[f->severity]++;
        ci->failing += f->severity >= s->fail_on;
    }
    if (rep->end_doc)
        rep->end_doc(rep, doc);
    stats->bytes += doc->len;
    return true;
}

/* Reports a doc the file's suppressions handed back. */
static tqc_status emit_doc(void *ctx, tqc_doc **doc, tqc_findings *found)
{
    tqc_ci *ci = ctx;
    return emit(ci, ci->cur.rep, *doc, found, ci->cur.stats) ? TQC_OK : TQC_ENOMEM;
}

tqc_status tqc_ci_doc(tqc_ci *ci, tqc_reporter *rep, tqc_doc **docp, tqc_findings *found,
                      tqc_run_stats *stats)
{
    cur_file *c = &ci->cur;
    c->rep = rep;
    c->stats = stats;
    if (!c->sf && !(c->sf = tqc_suppress_file_new(ci->files[c->index], ci->settings[c->index],
                                                  emit_doc, ci)))
        return TQC_ENOMEM;
    return tqc_suppress_file_doc(c->sf, docp, found);
}

bool tqc_ci_file_end(tqc_ci *ci, tqc_reporter *rep, tqc_run_stats *stats, bool complete)
{
    cur_file *c = &ci->cur;
    c->rep = rep;
    c->stats = stats;
    bool ok = !c->sf || tqc_suppress_file_end(c->sf, complete) == TQC_OK;
    if (!ok)
        fputs("tqc: out of memory\n", stderr);
    release_cur(c);
    return ok;
}

/* ---- finishing: writing baselines ----------------------------------------------- */

typedef struct prune_ctx {
    tqc_ci *ci;
} prune_ctx;

/* --baseline-prune keeps the unmatched entries of files not checked in this run that
 * still exist; those of checked files, or of files gone, were fixed. */
static bool keep_entry(const char *path, void *arg)
{
    tqc_ci *ci = ((prune_ctx *)arg)->ci;
    for (size_t i = 0; i < ci->nfiles; i++)
        if (ci->keys[i] && strcmp(ci->keys[i], path) == 0)
            return ci->unchecked[i];
    if (strcmp(path, "<stdin>") == 0)
        return true;
    char full[CI_PATH * 2];
    if (path[0] == '/')
        snprintf(full, sizeof full, "%s", path);
    else
        snprintf(full, sizeof full, "%s/%s", ci->base_dir, path);
    struct stat st;
    return stat(full, &st) == 0;
}

bool tqc_ci_finish(tqc_ci *ci)
{
    bool create = ci->mode == TQC_CI_BASELINE;
    if (!create && !ci->opts->baseline_prune)
        return true;
    const char *to = create ? ci->opts->output : ci->opts->baseline;
    size_t pruned = 0;
    if (!create) {
        prune_ctx pc = {ci};
        pruned = tqc_baseline_prune(ci->baseline, keep_entry, &pc);
    }
    char *text;
    size_t len;
    char err[1024];
    if (tqc_baseline_format(ci->baseline, &text, &len) != TQC_OK) {
        fputs("tqc: out of memory\n", stderr);
        return false;
    }
    tqc_status st = TQC_OK;
    if (!to || strcmp(to, "-") == 0) {
        fwrite(text, 1, len, stdout);
    } else if (create || pruned) {
        /* Unchanged baselines are not rewritten, so their timestamps stay. */
        st = tqc_atomic_write(to, text, len, err, sizeof err);
    }
    free(text);
    if (st != TQC_OK) {
        fprintf(stderr, "tqc: %s\n", err);
        return false;
    }
    if (!create && pruned && !ci->opts->quiet)
        fprintf(stderr, "tqc: %s: pruned %zu fixed finding%s\n", to, pruned, pruned == 1 ? "" : "s");
    /* Say what was done (to standard error: the baseline may be on standard output). */
    size_t kept = tqc_baseline_count(ci->baseline);
    if (create && !ci->opts->quiet)
        fprintf(stderr, "tqc: baseline %s: %zu finding%s of %zu file%s accepted\n",
                !to || strcmp(to, "-") == 0 ? "written to standard output" : to, kept,
                kept == 1 ? "" : "s", ci->nfiles, ci->nfiles == 1 ? "" : "s");
    return true;
}

/* ---- config --show -------------------------------------------------------------- */

static void print_origin(const tqc_origin *o)
{
    char buf[CI_PATH];
    switch (o->kind) {
    case TQC_FROM_DEFAULT: fputs("default", stdout); break;
    case TQC_FROM_CLI: fputs("command line", stdout); break;
    case TQC_FROM_CONFIG:
        printf("%s:%zu", tqc_project_shown(o->file, buf, sizeof buf), o->line);
        if (o->section)
            printf(" [%s]", o->section);
        break;
    }
}

/* "key = value" padded to a column, then "# origin". */
static void show_line(const char *key, const char *value, const tqc_origin *o)
{
    int n = printf("%s = %s", key, value);
    printf("%*s # ", n < 40 ? 40 - n : 1, "");
    print_origin(o);
    putchar('\n');
}

int tqc_ci_show(tqc_ci *ci)
{
    char buf[CI_PATH];
    for (size_t i = 0; i < ci->nfiles; i++) {
        const tqc_settings *s = ci->settings[i];
        if (i)
            putchar('\n');
        printf("# %s\n", ci->files[i]);
        printf("# config: %s\n",
               s->config ? tqc_project_shown(tqc_config_path(s->config), buf, sizeof buf) : "none");
        show_line("lang", s->lang, &s->lang_from);
        show_line("fail-on", tqc_severity_name(s->fail_on), &s->fail_on_from);
        show_line("dict-dir", s->dict_dir ? s->dict_dir : "", &s->dict_dir_from);
        if (s->word_count == 0) {
            tqc_origin none = {TQC_FROM_DEFAULT, NULL, 0, NULL};
            show_line("words", "", &none);
        }
        for (size_t w = 0; w < s->word_count; w++)
            show_line(s->words[w].key, tqc_project_shown(s->words[w].path, buf, sizeof buf),
                      &s->words[w].from);
        for (size_t r = 0; r < s->rule_count; r++) {
            const tqc_rule_setting *rs = &s->rules[r];
            char key[96];
            snprintf(key, sizeof key, "rule.%s", rs->id);
            if (!rs->enabled)
                show_line(key, "off", &rs->enabled_from);
            else
                show_line(key, tqc_severity_name(rs->severity),
                          rs->severity_set ? &rs->severity_from : &rs->enabled_from);
        }
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "tqc: error writing output: %s\n", strerror(errno));
        return 2;
    }
    return 0;
}
