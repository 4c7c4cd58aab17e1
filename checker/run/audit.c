/* audit: the walker, the file tasks and the in-order release (see run/audit.h).
 * The walker thread hands each file to the pool (run/pool.h, the one worker pool) as a
 * task on its ring slot; the pool's window is the ring's size, so a slot is free again
 * once the file TQC_AUDIT_WINDOW before it was released and taken back. One mutex guards
 * the slots; two condition variables wake the workers (room in the held budget) and the
 * releaser (a result). Workers check a file outside the lock and take it only to hand
 * over each checked doc. */
#include "run/audit.h"

#include <errno.h>
#include <limits.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/io.h"
#include "run/config.h"
#include "lang/langid.h"
#include "read/reader.h"
#include "core/fingerprint.h"
#include "run/pipeline.h"
#include "run/pool.h"
#include "run/suppress_file.h"
#include "run/walk.h"
#include "core/regfile.h"

/* Checkers a worker keeps, one for each settings it met: each holds a dictionary, and a
 * project has a few distinct settings at most, so the least recently used goes. */
#define WORKER_CHECKERS 4

/* A path to check, in walk order. */
typedef struct job {
    size_t seq;
    char *path;             /* opened and named in findings */
    char *folder;
    uint64_t size;
    bool regular;           /* a regular file: probed and checksummed before reading */
    char *error;            /* the walk could not read it: reported as a failed file */
} job;

/* A (rule, severity) pair: what is counted of a finding whose doc is not kept. */
typedef struct mark {
    const char *rule;       /* static: the pass id */
    tqc_severity sev;
} mark;

/* One checked doc waiting for release. */
typedef struct item {
    struct item *next;
    tqc_doc *doc;           /* kept only when there is a doc hook */
    tqc_findings found;     /* with doc */
    mark *marks;            /* without doc */
    size_t mark_count;
    uint64_t *fps;          /* with a drop hook: each finding's (or mark's) fingerprint */
    uint64_t words, bytes;
    char *article;          /* set when the doc is an article of its own (a JSONL record) */
    size_t held;            /* bytes counted against TQC_AUDIT_HELD_BYTES */
} item;

/* What a worker learns of a file before its first doc: published to the slot once,
 * under the lock, and never changed after, so the releaser may read it unlocked once it
 * has an item or the file is done. */
typedef struct file_info {
    bool has_checksum;
    uint64_t checksum;
    tqc_input_format format;
    tqc_severity fail_on;
    char *lang;             /* owned (by the slot once published) */
    bool per_doc_articles;  /* JSON Lines: each record is an article */
} file_info;

/* A file between its worker and its release. */
typedef struct slot {
    struct audit *a;
    bool used, done, published;
    bool skipped;           /* never checked: the audit was stopping */
    job job;
    item *head, *tail;
    tqc_audit_state state;
    char *error;
    char *notes;            /* bad records and warnings, a line each (tqc_audit_file's) */
    uint64_t bad_records;
    file_info info;
} slot;

typedef struct audit {
    const tqc_audit_options *opts;
    /* With several workers, each asks Hunspell itself instead of waiting its turn for
     * the one every thread shares (lang/dict.h): more memory, no queue. */
    bool own_spellers;
    const char *const *paths;
    size_t path_count;
    tqc_pool *pool;         /* checks the files, a task each */
    pthread_mutex_t mu;
    /* Each wait has its own condition and waiter count, so that nobody is woken for
     * nothing: with tiny files the hand-overs are many. */
    pthread_cond_t space;   /* workers: room in the held budget */
    pthread_cond_t ready;   /* the releaser: the file at the head moved */
    unsigned space_waiters;
    bool releaser_waiting;
    size_t emitted;         /* files the walker handed to the pool (the next seq) */
    uint64_t bytes_walked;
    bool walk_done;
    uint64_t hidden, excluded;
    /* the ring of files being checked or waiting for release */
    slot *ring;
    size_t next_release;
    size_t held;
    /* stopping */
    atomic_int halt;        /* internal: a worker or a hook failed */
    tqc_status halt_status;
    char halt_err[512];
} audit;

/* Wakes every thread that waits, so that each sees a stop (the lock is held). */
static void wake_all(audit *a)
{
    pthread_cond_broadcast(&a->space);
    pthread_cond_signal(&a->ready);
}

/* Tells the releaser when the file at the head moved (the lock is held). */
static void head_moved(audit *a, const slot *s)
{
    if (a->releaser_waiting && s->job.seq == a->next_release)
        pthread_cond_signal(&a->ready);
}

static bool stopping(audit *a)
{
    return atomic_load(&a->halt) || (a->opts->stop && atomic_load(a->opts->stop));
}

static void halt(audit *a, tqc_status st, const char *msg)
{
    pthread_mutex_lock(&a->mu);
    if (!atomic_load(&a->halt)) {
        a->halt_status = st;
        snprintf(a->halt_err, sizeof a->halt_err, "%s", msg);
        atomic_store(&a->halt, 1);
    }
    wake_all(a);
    pthread_mutex_unlock(&a->mu);
}

/* ---- globs ---- */

bool tqc_audit_glob_match(const char *glob, const char *path)
{
    /* The config's matcher (run/config.h), with `./` in front of either ignored. */
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    while (glob[0] == '.' && glob[1] == '/')
        glob += 2;
    return tqc_glob_match(glob, path);
}

static bool any_match(const char *const *globs, size_t n, const char *rel)
{
    for (size_t i = 0; i < n; i++)
        if (tqc_audit_glob_match(globs[i], rel))
            return true;
    return false;
}

/* Whether a file at rel (below its walked folder) is audited by the globs. */
static bool wanted(const tqc_audit_options *o, const char *rel)
{
    if (o->include_count && !any_match(o->include, o->include_count, rel))
        return false;
    return !any_match(o->exclude, o->exclude_count, rel);
}

uint64_t tqc_audit_checksum(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

unsigned tqc_audit_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > TQC_AUDIT_MAX_JOBS ? TQC_AUDIT_MAX_JOBS : (unsigned)n;
}

/* ---- the walker ---- */

/* path without trailing slashes (but "/" stays), and without a leading "./" (but "."
 * stays); malloc'd. */
static char *folder_name(const char *path, size_t len)
{
    while (len > 1 && path[len - 1] == '/')
        len--;
    while (len > 2 && path[0] == '.' && path[1] == '/') {
        path += 2;
        len -= 2;
        while (len > 1 && path[0] == '/')
            path++, len--;
    }
    char *p = tqc_malloc(len + 1);
    if (p) {
        memcpy(p, path, len);
        p[len] = '\0';
    }
    return p;
}

char *tqc_audit_folder(const char *path, const char *root)
{
    if (root) {
        /* "./a" and "a" name the same place; "." (or "./") holds every relative path. */
        while (root[0] == '.' && root[1] == '/')
            root += 2;
        while (path[0] == '.' && path[1] == '/')
            path += 2;
        size_t rl = strlen(root);
        while (rl > 1 && root[rl - 1] == '/')
            rl--;
        bool here = rl == 0 || (rl == 1 && root[0] == '.');
        const char *rest = NULL;
        if (here && path[0] != '/')
            rest = path;
        else if (!here && strncmp(path, root, rl) == 0 &&
                 (path[rl] == '/' || (rl == 1 && root[0] == '/')))
            rest = path + rl;
        if (rest) {
            while (*rest == '/')
                rest++;
            const char *slash = strchr(rest, '/');
            if (!slash)
                return here ? tqc_strdup(".") : folder_name(root, rl);
            return folder_name(path, (size_t)(slash - path));
        }
    }
    const char *slash = strrchr(path, '/');
    if (!slash)
        return tqc_strdup(".");
    return folder_name(path, slash == path ? 1 : (size_t)(slash - path));
}

static void check_task(void *arg, void **local);

/* Hands a file to the pool on its ring slot; waits while the window is full. false
 * when stopping. */
static bool emit(audit *a, job *j)
{
    if (stopping(a)) {
        free(j->path);
        free(j->folder);
        free(j->error);
        return false;
    }
    /* Room in the pool's window: the file TQC_AUDIT_WINDOW before this one, which had
     * its slot, was released and taken back. */
    tqc_pool_wait_room(a->pool);
    pthread_mutex_lock(&a->mu);
    j->seq = a->emitted;
    slot *s = &a->ring[j->seq % TQC_AUDIT_WINDOW];
    memset(s, 0, sizeof *s);
    s->a = a;
    s->used = true;
    s->job = *j;
    a->emitted++;
    a->bytes_walked += j->size;
    pthread_mutex_unlock(&a->mu);
    tqc_pool_run(a->pool, check_task, NULL, s);
    return true;
}

static bool emit_message(audit *a, const char *path, const char *what)
{
    job j = {0};
    char msg[PATH_MAX + 128];
    snprintf(msg, sizeof msg, "%s: %s", path, what);
    j.path = tqc_strdup(path);
    j.folder = tqc_audit_folder(path, a->opts->root);
    j.error = tqc_strdup(msg);
    if (!j.path || !j.folder || !j.error) {
        free(j.path);
        free(j.folder);
        free(j.error);
        halt(a, TQC_ENOMEM, "out of memory");
        return false;
    }
    return emit(a, &j);
}

static bool emit_error(audit *a, const char *path, int err)
{
    return emit_message(a, path, strerror(err));
}

static bool emit_file(audit *a, const char *path, const struct stat *st, char *folder)
{
    job j = {.path = tqc_strdup(path), .folder = folder, .size = (uint64_t)st->st_size,
             .regular = S_ISREG(st->st_mode)};
    if (!j.regular)
        j.size = 0;
    if (!j.path || !j.folder) {
        free(j.path);
        free(j.folder);
        halt(a, TQC_ENOMEM, "out of memory");
        return false;
    }
    return emit(a, &j);
}

/* The walk's hooks (run/walk.h) for one folder argument. */
typedef struct walk_ctx {
    audit *a;
    const char *root;   /* the folder walked, as named */
} walk_ctx;

static bool walk_want_dir(void *ctx, const char *rel)
{
    const tqc_audit_options *o = ((walk_ctx *)ctx)->a->opts;
    return !any_match(o->exclude, o->exclude_count, rel);
}

static bool walk_want_file(void *ctx, const char *rel)
{
    return wanted(((walk_ctx *)ctx)->a->opts, rel);
}

static bool walk_error(void *ctx, const char *path, int err)
{
    return emit_error(((walk_ctx *)ctx)->a, path, err);
}

static bool walk_stop(void *ctx)
{
    return stopping(((walk_ctx *)ctx)->a);
}

/* A regular file of the walk: counted one level below the walked folder, unless --root
 * says otherwise. */
static bool walk_file(void *ctx, const char *full, const char *r, const struct stat *st)
{
    walk_ctx *wc = ctx;
    audit *a = wc->a;
    const char *root = wc->root;
    char *folder;
    if (a->opts->root) {
        folder = tqc_audit_folder(full, a->opts->root);
    } else {
        const char *slash = strchr(r, '/');
        if (!slash) {
            folder = folder_name(root, strlen(root));
        } else {
            char *top = tqc_malloc((size_t)(slash - r) + 1);
            if (top) {
                memcpy(top, r, (size_t)(slash - r));
                top[slash - r] = '\0';
            }
            char *rootname = folder_name(root, strlen(root));
            folder = !top || !rootname        ? NULL
                     : strcmp(rootname, ".") == 0 ? tqc_strdup(top)
                                                  : tqc_walk_join(rootname, top);
            free(top);
            free(rootname);
        }
    }
    return emit_file(a, full, st, folder);
}

/* Walks the folder at path (run/walk.h); false when the audit stops. */
static bool walk_dir(audit *a, const char *path)
{
    const tqc_audit_options *o = a->opts;
    walk_ctx wc = {a, path};
    tqc_walk w = {.hidden = o->hidden, .follow_links = o->follow_links, .ctx = &wc,
                  .want_dir = walk_want_dir, .want_file = walk_want_file, .file = walk_file,
                  .error = walk_error, .stop = walk_stop};
    tqc_status st = tqc_walk_dir(&w, path);
    a->hidden += w.hidden_count;
    a->excluded += w.excluded_count;
    if (st != TQC_OK)
        halt(a, st, "out of memory");
    return st == TQC_OK && !stopping(a);
}

/* Whether path names one of this process's open descriptors. */
static bool own_descriptor(const char *path)
{
    return strcmp(path, "/dev/stdin") == 0 || strncmp(path, "/dev/fd/", 8) == 0 ||
           strncmp(path, "/proc/self/fd/", 14) == 0;
}

/* One path from the command line (named) or from a `-` list. */
static bool walk_path(audit *a, const char *path, bool named)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return emit_error(a, path, errno);
    if (S_ISDIR(st.st_mode)) {
        size_t before = a->emitted;
        bool ok = walk_dir(a, path);
        /* A folder that gave nothing to check is said so, not passed over in silence. */
        if (ok && named && a->emitted == before && !stopping(a))
            ok = emit_message(a, path, "no file to check in this folder");
        return ok;
    }
    if (!named && !wanted(a->opts, path)) {
        a->excluded++;
        return true;
    }
    /* A FIFO or device could wait for a writer forever (deaf to Ctrl-C) or never end
     * (/dev/zero): audit reads regular files only, and, named on the command line, a pipe
     * it was handed as a descriptor of its own (/dev/stdin, `<(cmd)`), whose writer is
     * the caller's pipeline. */
    if (!S_ISREG(st.st_mode) && !(named && S_ISFIFO(st.st_mode) && own_descriptor(path)))
        return emit_message(a, path, "not a regular file");
    return emit_file(a, path, &st, tqc_audit_folder(path, a->opts->root));
}

static void *walker_main(void *arg)
{
    audit *a = arg;
    const tqc_audit_options *o = a->opts;
    char sep = o->paths_null ? '\0' : '\n';
    for (size_t i = 0; i < a->path_count && !stopping(a); i++) {
        if (strcmp(a->paths[i], "-") != 0) {
            if (!walk_path(a, a->paths[i], true))
                break;
            continue;
        }
        FILE *in = o->paths_in ? o->paths_in : stdin;
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while (!stopping(a) && (n = getdelim(&line, &cap, sep, in)) > 0) {
            if (line[n - 1] == sep)
                line[--n] = '\0';
            if (n > 0 && line[n - 1] == '\r' && sep == '\n')
                line[--n] = '\0';
            if (n > 0 && !walk_path(a, line, false))
                break;
        }
        free(line);
    }
    pthread_mutex_lock(&a->mu);
    a->walk_done = true;
    pthread_cond_signal(&a->ready);
    pthread_mutex_unlock(&a->mu);
    return NULL;
}

/* ---- the workers ---- */

static void free_item(item *it)
{
    if (it->doc) {
        tqc_findings_release(&it->found);
        tqc_doc_free(it->doc);
    }
    free(it->marks);
    free(it->fps);
    free(it->article);
    free(it);
}

/* Publishes what the worker knows of the file (the lock is held). */
static void publish(slot *s, file_info *fi)
{
    if (s->published) {
        free(fi->lang);
    } else {
        s->info = *fi;
        s->published = true;
    }
    fi->lang = NULL;
}

/* Hands a checked doc to the releaser; waits while too much waits behind a slower file
 * (never for the file being released, so the head always moves). */
static void hand_over(audit *a, slot *s, file_info *fi, item *it)
{
    pthread_mutex_lock(&a->mu);
    publish(s, fi);
    if (s->tail)
        s->tail->next = it;
    else
        s->head = it;
    s->tail = it;
    a->held += it->held;
    head_moved(a, s);
    while (a->held > TQC_AUDIT_HELD_BYTES && s->job.seq != a->next_release && !stopping(a)) {
        a->space_waiters++;
        pthread_cond_wait(&a->space, &a->mu);
        a->space_waiters--;
    }
    pthread_mutex_unlock(&a->mu);
}

static size_t count_words(const tqc_doc *doc)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->token_count; i++)
        n += doc->tokens[i].kind == TQC_TOK_WORD;
    return n;
}

/* Reads a regular file once before checking it: a NUL in the first TQC_BINARY_PROBE bytes
 * of a file read as text makes it binary (as grep decides; markup may be UTF-16), and
 * with checksums on, all its bytes are hashed into fi. false (err says why) when it
 * cannot be read. */
static bool probe(audit *a, slot *s, file_info *fi, bool *binary, char *err, size_t errlen)
{
    *binary = false;
    /* Opened without blocking and checked on the descriptor: a file swapped for a FIFO
     * after the walk listed it would otherwise hang the audit, deaf to Ctrl-C. */
    FILE *f;
    if (tqc_regfile_open(s->job.path, LLONG_MAX, &f, err, errlen) != TQC_OK)
        return false;
    char *buf = tqc_malloc(TQC_AUDIT_READ_BLOCK);
    if (!buf) {
        fclose(f);
        snprintf(err, errlen, "%s: out of memory", s->job.path);
        return false;
    }
    uint64_t h = TQC_AUDIT_CHECKSUM_INIT;
    bool first = true, ok = true;
    for (;;) {
        size_t n = fread(buf, 1, TQC_AUDIT_READ_BLOCK, f);
        if (first) {
            size_t probe_len = n < TQC_BINARY_PROBE ? n : TQC_BINARY_PROBE;
            /* UTF-16 with a byte order mark is text, decoded when read. */
            if (memchr(buf, '\0', probe_len) && !tqc_input_utf16_bom(buf, n) &&
                (a->opts->format == TQC_INPUT_TEXT ||
                 (a->opts->format == TQC_INPUT_AUTO &&
                  tqc_input_detect(s->job.path, buf, n) == TQC_INPUT_TEXT))) {
                *binary = true;
                break;
            }
            first = false;
            if (!a->opts->checksums)
                break;
        }
        h = tqc_audit_checksum(h, buf, n);
        if (n < TQC_AUDIT_READ_BLOCK) {
            if (ferror(f)) {
                snprintf(err, errlen, "%s: read error: %s", s->job.path, strerror(errno));
                ok = false;
            }
            break;
        }
    }
    free(buf);
    fclose(f);
    if (ok && a->opts->checksums && !*binary) {
        fi->has_checksum = true;
        fi->checksum = h;
    }
    return ok;
}

/* A file's bad records and warnings, kept to a bounded size: a file of a million bad
 * lines must not hold a million messages. */
#define NOTES_MAX_BYTES 65536

typedef struct notes {
    char *buf;
    size_t len;
    uint64_t left_out;
} notes;

/* The file a worker is checking, as the pipeline's hooks need it. */
typedef struct file_run {
    audit *a;
    slot *s;
    file_info *fi;
    tqc_suppress_file *sf;  /* its suppressions (a project), which then deliver */
    notes nt;
    uint64_t bad_records;
    bool have_lang;         /* fi->lang was set (it then moves to the slot) */
    bool interrupted;       /* the audit stopped before the file's end */
} file_run;

/* Counts a checked doc and hands it to the releaser, keeping the doc only when a hook
 * wants it (takes *docp and *found then). Its findings passed the suppressions. */
static tqc_status deliver(void *ctx, tqc_doc **docp, tqc_findings *found)
{
    file_run *fr = ctx;
    const tqc_audit_options *o = fr->a->opts;
    tqc_doc *doc = *docp;
    item *it = tqc_calloc(1, sizeof *it);
    if (!it)
        return TQC_ENOMEM;
    it->words = count_words(doc);
    it->bytes = doc->len;
    tqc_status st = TQC_OK;
    if (fr->fi->per_doc_articles) {
        char name[PATH_MAX + 300];
        if (doc->segment)
            snprintf(name, sizeof name, "%s#%s", doc->name, doc->segment);
        else
            snprintf(name, sizeof name, "%s:%zu", doc->name, doc->base_line + 1);
        if (!(it->article = tqc_strdup(name)))
            st = TQC_ENOMEM;
    }
    /* Fingerprints need the doc, which the releaser may not get. */
    if (st == TQC_OK && o->hooks.drop && found->count) {
        if (!(it->fps = tqc_malloc(found->count * sizeof *it->fps)))
            st = TQC_ENOMEM;
        for (size_t i = 0; it->fps && i < found->count; i++)
            it->fps[i] = tqc_finding_fingerprint(doc, &found->items[i]);
    }
    if (st == TQC_OK && !o->hooks.doc && found->count) {
        if (!(it->marks = tqc_malloc(found->count * sizeof *it->marks)))
            st = TQC_ENOMEM;
        for (size_t i = 0; it->marks && i < found->count; i++)
            it->marks[i] = (mark){found->items[i].rule, found->items[i].severity};
        it->mark_count = found->count;
    }
    if (st != TQC_OK) {
        free_item(it);
        return st;
    }
    if (o->hooks.doc) {
        it->doc = doc;
        it->found = *found;
        *docp = NULL;
        tqc_findings_init(found, NULL);
        /* The doc's text and its structure (tokens weigh most): a rough measure. */
        it->held = sizeof *it + doc->len + doc->token_count * sizeof(tqc_token) +
                   it->found.count * sizeof(tqc_finding);
    } else {
        it->held = sizeof *it + it->mark_count * sizeof(mark);
    }
    hand_over(fr->a, fr->s, fr->fi, it);
    return TQC_OK;
}

typedef struct ck_entry {
    tqc_settings *settings;
    tqc_checker *ck;
    uint64_t used;          /* the worker's clock when last used */
} ck_entry;

/* A pool worker's own state (its local: run/pool.h). */
typedef struct worker {
    audit *a;
    tqc_checker *ck;        /* without a project: the one checker */
    ck_entry cache[WORKER_CHECKERS];
    uint64_t clock;
} worker;

/* The worker's checker for settings *s (a project's file): one it has, or a new one,
 * which then keeps *s (set to NULL; the caller frees what is left after the file, and
 * may use the settings until then). NULL with err set when it cannot be made. */
static tqc_checker *checker_for(worker *w, tqc_settings **s, tqc_status *st, char *err,
                                size_t errlen)
{
    ck_entry *lru = &w->cache[0];
    w->clock++;
    for (size_t i = 0; i < WORKER_CHECKERS; i++) {
        ck_entry *e = &w->cache[i];
        if (e->ck && tqc_settings_same_checker(e->settings, *s)) {
            e->used = w->clock;
            return e->ck;
        }
        if (!e->ck || (lru->ck && e->used < lru->used))
            lru = e;
    }
    tqc_checker_free(lru->ck);
    tqc_settings_free(lru->settings);
    *lru = (ck_entry){0};
    tqc_checker *ck;
    *st = tqc_project_checker(*s, w->a->opts->check.data_dir, w->a->own_spellers, &ck, err,
                              errlen);
    if (*st != TQC_OK)
        return NULL;
    *lru = (ck_entry){*s, ck, w->clock};
    *s = NULL;
    return ck;
}

static tqc_status add_note(notes *n, const char *prefix, const char *msg)
{
    size_t need = strlen(prefix) + strlen(msg) + 2;
    if (n->len + need > NOTES_MAX_BYTES) {
        n->left_out++;
        return TQC_OK;
    }
    char *b = tqc_realloc(n->buf, n->len + need);
    if (!b)
        return TQC_ENOMEM;
    n->buf = b;
    n->len += (size_t)snprintf(b + n->len, need, "%s%s\n", prefix, msg);
    return TQC_OK;
}

/* ---- the pipeline's hooks (run/pipeline.h) for a file of the audit ---- */

static bool file_stop(void *ctx)
{
    file_run *fr = ctx;
    if (stopping(fr->a))
        fr->interrupted = true;
    return fr->interrupted;
}

static tqc_status file_bad_record(void *ctx, const char *err)
{
    file_run *fr = ctx;
    fr->bad_records++;
    return add_note(&fr->nt, "", err);
}

static tqc_status file_warning(void *ctx, const char *msg)
{
    return add_note(&((file_run *)ctx)->nt, "warning: ", msg);
}

static tqc_status file_lang(void *ctx, const tqc_pipe_lang *pl, const tqc_doc *doc,
                            tqc_checker *ck, bool told)
{
    file_run *fr = ctx;
    /* The language the file is counted under: its first doc's. */
    if (fr->have_lang)
        return TQC_OK;
    fr->have_lang = true;
    return (fr->fi->lang = tqc_strdup(doc->lang)) ? TQC_OK : TQC_ENOMEM;
}

static tqc_status file_doc(void *ctx, tqc_doc **doc, tqc_findings *found)
{
    file_run *fr = ctx;
    return fr->sf ? tqc_suppress_file_doc(fr->sf, doc, found) : deliver(fr, doc, found);
}

/* Checks one file into its slot. */
static void check_file(audit *a, worker *w, slot *s)
{
    const tqc_audit_options *o = a->opts;
    char err[1024] = "";
    tqc_audit_state state = TQC_AUDIT_CHECKED;
    tqc_input *in = NULL;
    tqc_settings *settings = NULL;  /* the file's (project), unless a new checker took them */
    const tqc_settings *set = NULL; /* the file's settings either way */
    file_info fi = {.format = o->format, .fail_on = TQC_SEV_WARNING};
    file_run fr = {.a = a, .s = s, .fi = &fi};
    tqc_checker *ck = w->ck;
    tqc_status st = TQC_OK;
    if (s->job.error) {
        snprintf(err, sizeof err, "%s", s->job.error);
        state = TQC_AUDIT_FAILED;
        goto done;
    }
    if (s->job.regular) {
        bool binary;
        if (!probe(a, s, &fi, &binary, err, sizeof err)) {
            state = TQC_AUDIT_FAILED;
            goto done;
        }
        if (binary) {
            state = TQC_AUDIT_BINARY;
            goto done;
        }
        if (fi.has_checksum && o->hooks.unchanged &&
            o->hooks.unchanged(o->hooks.ctx, s->job.path, fi.checksum)) {
            state = TQC_AUDIT_UNCHANGED;
            goto done;
        }
    }
    if (o->project) {
        /* A bad config or a checker that cannot load is the project's fault, not the
         * file's: the audit stops with it once, not once a file. */
        st = tqc_project_settings(o->project, s->job.path, &settings, err, sizeof err);
        if (st == TQC_OK) {
            set = settings;     /* ours, or the cache's for as long as this file runs */
            ck = checker_for(w, &settings, &st, err, sizeof err);
        }
        if (st != TQC_OK) {
            halt(a, st, err);
            state = TQC_AUDIT_INTERRUPTED;
            goto done;
        }
        fi.fail_on = set->fail_on;
        if (!(fr.sf = tqc_suppress_file_new(s->job.path, set, deliver, &fr))) {
            st = TQC_ENOMEM;
            snprintf(err, sizeof err, "%s: %s", s->job.path, tqc_strerror(st));
            state = TQC_AUDIT_FAILED;
            goto done;
        }
    }
    /* The one seam to the input layer: a file in, docs out. */
    tqc_input_options io = {.format = o->format, .lang = set ? set->lang : o->check.lang,
                            .name = s->job.path, .lang_from_file = o->detect,
                            .regular_only = s->job.regular};
    st = tqc_input_open(s->job.path, &io, &in, err, sizeof err);
    if (st == TQC_OK) {
        fi.format = tqc_input_format_of(in);
        fi.per_doc_articles = fi.format == TQC_INPUT_JSONL;
    }
    /* The limit is consulted between passes and docs; the stop flag ends a check too. */
    tqc_cancel limit = tqc_cancel_after(o->file_timeout, o->stop);
    if (st == TQC_OK) {
        /* The pipeline, as check's (run/pipeline.h); the file is one task of the pool
         * already, so its docs are checked here, one after the other. */
        tqc_pipe_lang pl;
        tqc_pipe_lang_init(&pl, ck, o->detect, fi.format);
        tqc_pipe_hooks h = {.ctx = &fr, .stop = file_stop, .bad_record = file_bad_record,
                            .warning = file_warning, .lang = file_lang, .doc = file_doc};
        tqc_checker_set_cancel(ck, &limit);
        st = tqc_pipe_file(in, &pl, NULL, 1, &h, err, sizeof err);
        tqc_checker_set_cancel(ck, NULL);
    }
    if (st == TQC_ETIME && stopping(a)) {
        st = TQC_OK;
        fr.interrupted = true;
    } else if (st == TQC_ETIME) {
        snprintf(err, sizeof err, "%s: skipped: checking took longer than %g seconds "
                 "(--file-timeout)", s->job.path, o->file_timeout);
    } else if (st != TQC_OK && !err[0]) {
        snprintf(err, sizeof err, "%s: %s", s->job.path, tqc_strerror(st));
    }
    if (fr.interrupted)
        state = TQC_AUDIT_INTERRUPTED;
    /* What the suppressions still hold goes out, with the unused directives of a file
     * read to its end. */
    if (fr.sf) {
        tqc_status end = tqc_suppress_file_end(fr.sf, st == TQC_OK && state == TQC_AUDIT_CHECKED);
        if (end != TQC_OK && st == TQC_OK) {
            st = end;
            snprintf(err, sizeof err, "%s: %s", s->job.path, tqc_strerror(st));
        }
    }
    if (st != TQC_OK)
        state = TQC_AUDIT_FAILED;
done:
    tqc_suppress_file_free(fr.sf);
    tqc_settings_free(settings);
    tqc_input_close(in);
    pthread_mutex_lock(&a->mu);
    publish(s, &fi);
    s->state = state;
    if (state == TQC_AUDIT_FAILED && !(s->error = tqc_strdup(err[0] ? err : "read error")))
        atomic_store(&a->halt, 1);
    if (fr.nt.left_out) {
        char more[64];
        snprintf(more, sizeof more, "%llu more messages left out",
                 (unsigned long long)fr.nt.left_out);
        fr.nt.left_out = 0;
        (void)add_note(&fr.nt, "", more);
    }
    s->notes = fr.nt.buf;
    s->bad_records = fr.bad_records;
    s->done = true;
    head_moved(a, s);
    pthread_mutex_unlock(&a->mu);
}

static void free_worker(void *local)
{
    worker *w = local;
    tqc_checker_free(w->ck);
    for (size_t i = 0; i < WORKER_CHECKERS; i++) {
        tqc_checker_free(w->cache[i].ck);
        tqc_settings_free(w->cache[i].settings);
    }
    free(w);
}

/* The pool's task for a file: checks it on the worker's checkers, made on its first
 * file (in the worker's thread, so the workers load theirs at once: loading one takes
 * a good part of a second). A file the audit stops before is passed over. */
static void check_task(void *arg, void **local)
{
    slot *s = arg;
    audit *a = s->a;
    worker *w = *local;
    if (!w && !stopping(a)) {
        if (!(w = *local = tqc_calloc(1, sizeof *w))) {
            halt(a, TQC_ENOMEM, "out of memory");
        } else if (!a->opts->project) {
            w->a = a;
            char err[512];
            tqc_check_options o = a->opts->check;
            o.dict.own_speller = a->own_spellers;
            tqc_status st = tqc_checker_new(&o, &w->ck, err, sizeof err);
            if (st != TQC_OK)
                halt(a, st, st == TQC_ENOMEM ? "out of memory" : err);
        } else {
            w->a = a;
        }
    }
    if (!stopping(a) && w && (w->ck || a->opts->project)) {
        check_file(a, w, s);
        return;
    }
    pthread_mutex_lock(&a->mu);
    s->skipped = true;
    s->done = true;
    head_moved(a, s);
    pthread_mutex_unlock(&a->mu);
}

/* ---- the release ---- */

/* What the releaser keeps of the file at the head while its docs go out. */
typedef struct head_file {
    tqc_audit_file view;
    tqc_audit_article article;   /* the file as one article (unless per-doc) */
    /* Its findings per rule; the rule ids are the summary's copies (they live as long). */
    tqc_audit_rule_count rules[TQC_AUDIT_ARTICLE_RULES];
    size_t docs;
} head_file;

static void start_view(head_file *h, slot *s, const char *default_lang)
{
    memset(h, 0, sizeof *h);
    h->view.seq = s->job.seq;
    h->view.path = s->job.path;
    h->view.folder = s->job.folder;
    h->view.lang = s->info.lang ? s->info.lang : default_lang;
    h->view.fail_on = s->info.fail_on;
    h->view.format = s->info.format;
    h->view.size = s->job.size;
    h->view.has_checksum = s->info.has_checksum;
    h->view.checksum = s->info.checksum;
    h->view.state = TQC_AUDIT_CHECKED;
}

/* Drops the findings the drop hook refuses, before anything counts them. */
static void drop_findings(const tqc_audit_options *o, const tqc_audit_file *view, item *it)
{
    size_t n = it->doc ? it->found.count : it->mark_count, kept = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rule = it->doc ? it->found.items[i].rule : it->marks[i].rule;
        if (o->hooks.drop(o->hooks.ctx, view, rule, it->fps[i]))
            continue;
        if (it->doc)
            it->found.items[kept] = it->found.items[i];
        else
            it->marks[kept] = it->marks[i];
        kept++;
    }
    if (it->doc)
        it->found.count = kept;
    else
        it->mark_count = kept;
}

static tqc_status release_item(audit *a, head_file *h, slot *s, item *it,
                               tqc_audit_summary *sum, uint64_t *findings_seen, bool hooks)
{
    const tqc_audit_options *o = a->opts;
    if (s->info.lang)
        h->view.lang = s->info.lang;
    h->view.fail_on = s->info.fail_on;
    h->view.format = s->info.format;
    if (o->hooks.drop && it->fps)
        drop_findings(o, &h->view, it);
    h->view.words += it->words;
    h->view.bytes += it->bytes;
    h->docs++;
    uint64_t f[3] = {0};
    /* Per rule: into this record's article, or the file's. */
    tqc_audit_rule_count doc_rules[TQC_AUDIT_ARTICLE_RULES];
    size_t doc_rule_count = 0;
    tqc_audit_rule_count *rules = it->article ? doc_rules : h->rules;
    size_t *rule_count = it->article ? &doc_rule_count : &h->article.rule_count;
    size_t n = it->doc ? it->found.count : it->mark_count;
    for (size_t i = 0; i < n; i++) {
        const char *rule = it->doc ? it->found.items[i].rule : it->marks[i].rule;
        tqc_severity sev = it->doc ? it->found.items[i].severity : it->marks[i].sev;
        f[sev]++;
        tqc_audit_rule_count_add(rules, rule_count, TQC_AUDIT_ARTICLE_RULES,
                                 tqc_audit_summary_add_finding(sum, rule, sev), 1);
    }
    for (int k = 0; k < 3; k++) {
        h->view.findings[k] += f[k];
        *findings_seen += f[k];
    }
    if (it->article) {
        h->view.articles++;
        tqc_audit_article art = {it->article, (char *)h->view.folder, (char *)h->view.lang,
                                 it->words, {f[0], f[1], f[2]}, doc_rules, doc_rule_count};
        tqc_audit_summary_add_article(sum, &art);
    } else {
        h->article.words += it->words;
        for (int k = 0; k < 3; k++)
            h->article.findings[k] += f[k];
    }
    if (hooks && it->doc && o->hooks.doc)
        return o->hooks.doc(o->hooks.ctx, &h->view, it->doc, &it->found);
    return TQC_OK;
}

static tqc_status release_file(audit *a, head_file *h, slot *s, tqc_audit_summary *sum,
                               bool hooks)
{
    const tqc_audit_options *o = a->opts;
    h->view.state = s->state;
    h->view.error = s->error;
    h->view.notes = s->notes;
    h->view.bad_records = s->bad_records;
    h->view.has_checksum = s->info.has_checksum;
    h->view.checksum = s->info.checksum;
    h->view.format = s->info.format;
    h->view.fail_on = s->info.fail_on;
    if (s->info.lang)
        h->view.lang = s->info.lang;
    bool counted = s->state == TQC_AUDIT_CHECKED || h->docs > 0;
    if (counted) {
        tqc_audit_summary_add_file(sum, h->view.folder, h->view.lang, h->view.bytes);
        if (!s->info.per_doc_articles) {
            h->view.articles = 1;
            tqc_audit_article art = {(char *)h->view.path, (char *)h->view.folder,
                                     (char *)h->view.lang, h->article.words,
                                     {h->article.findings[0], h->article.findings[1],
                                      h->article.findings[2]},
                                     h->rules, h->article.rule_count};
            tqc_audit_summary_add_article(sum, &art);
        }
    }
    switch (s->state) {
    case TQC_AUDIT_FAILED: sum->failed++; break;
    case TQC_AUDIT_UNCHANGED: sum->unchanged++; break;
    case TQC_AUDIT_BINARY: sum->binary++; break;
    case TQC_AUDIT_INTERRUPTED: sum->not_done += !counted; break;
    case TQC_AUDIT_CHECKED: break;
    }
    return hooks && o->hooks.file ? o->hooks.file(o->hooks.ctx, &h->view) : TQC_OK;
}

static void free_slot(slot *s)
{
    for (item *it = s->head, *next; it; it = next) {
        next = it->next;
        free_item(it);
    }
    free(s->job.path);
    free(s->job.folder);
    free(s->job.error);
    free(s->error);
    free(s->notes);
    free(s->info.lang);
    memset(s, 0, sizeof *s);
}

static double since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The release loop: in seq order, each file's docs as they come, then the file. */
static void release_all(audit *a, tqc_audit_summary *sum, const struct timespec *t0)
{
    const tqc_audit_options *o = a->opts;
    unsigned tick_ms = o->progress_ms ? o->progress_ms : 200;
    uint64_t findings_seen = 0, bytes_done = 0;
    head_file h;
    bool h_open = false;
    bool hooks = true;      /* false once a hook failed: the rest is counted, not passed on */
    struct timespec next_tick;
    clock_gettime(CLOCK_REALTIME, &next_tick);
    pthread_mutex_lock(&a->mu);
    for (;;) {
        slot *s = &a->ring[a->next_release % TQC_AUDIT_WINDOW];
        bool at_head = s->used && s->job.seq == a->next_release;
        if (at_head && !h_open) {
            start_view(&h, s, o->check.lang);
            h_open = true;
        }
        tqc_status st = TQC_OK;
        if (at_head && s->head) {
            item *it = s->head;
            s->head = it->next;
            if (!s->head)
                s->tail = NULL;
            a->held -= it->held;
            if (a->space_waiters)
                pthread_cond_broadcast(&a->space);
            pthread_mutex_unlock(&a->mu);
            st = release_item(a, &h, s, it, sum, &findings_seen, hooks);
            free_item(it);
            pthread_mutex_lock(&a->mu);
        } else if (at_head && s->done) {
            pthread_mutex_unlock(&a->mu);
            if (s->skipped)
                sum->not_done++;    /* never checked */
            else
                st = release_file(a, &h, s, sum, hooks);
            bytes_done += s->job.size;
            free_slot(s);
            h_open = false;
            /* Its slot is free: the pool may take the file TQC_AUDIT_WINDOW after it. */
            void *done_slot;
            (void)tqc_pool_take(a->pool, &done_slot);
            pthread_mutex_lock(&a->mu);
            a->next_release++;
            if (a->space_waiters)
                pthread_cond_broadcast(&a->space);
        } else if (a->walk_done && a->next_release >= a->emitted) {
            break;      /* every file handed to the pool was released */
        } else {
            /* Wait for the head to move; wake at the next tick at the latest (and every
             * 100 ms, to see the stop flag a signal handler set). */
            struct timespec until = next_tick, cap;
            clock_gettime(CLOCK_REALTIME, &cap);
            cap.tv_nsec += 100 * 1000000L;
            cap.tv_sec += cap.tv_nsec / 1000000000L;
            cap.tv_nsec %= 1000000000L;
            if (!o->hooks.progress || cap.tv_sec < until.tv_sec ||
                (cap.tv_sec == until.tv_sec && cap.tv_nsec < until.tv_nsec))
                until = cap;
            a->releaser_waiting = true;
            pthread_cond_timedwait(&a->ready, &a->mu, &until);
            a->releaser_waiting = false;
            if (stopping(a))
                wake_all(a);
        }
        if (o->hooks.progress) {
            struct timespec now;
            clock_gettime(CLOCK_REALTIME, &now);
            if (now.tv_sec > next_tick.tv_sec ||
                (now.tv_sec == next_tick.tv_sec && now.tv_nsec >= next_tick.tv_nsec)) {
                tqc_audit_progress p = {a->next_release, a->emitted, a->walk_done, bytes_done,
                                        a->bytes_walked, findings_seen, since(t0)};
                pthread_mutex_unlock(&a->mu);
                o->hooks.progress(o->hooks.ctx, &p);
                pthread_mutex_lock(&a->mu);
                next_tick = now;
                next_tick.tv_nsec += (long)tick_ms * 1000000L;
                next_tick.tv_sec += next_tick.tv_nsec / 1000000000L;
                next_tick.tv_nsec %= 1000000000L;
            }
        }
        if (st != TQC_OK) {
            hooks = false;
            pthread_mutex_unlock(&a->mu);
            halt(a, st, "a hook failed");
            pthread_mutex_lock(&a->mu);
        }
    }
    pthread_mutex_unlock(&a->mu);
    if (o->hooks.progress) {
        tqc_audit_progress p = {a->next_release, a->emitted, true, bytes_done, a->bytes_walked,
                                findings_seen, since(t0)};
        o->hooks.progress(o->hooks.ctx, &p);
    }
}

tqc_status tqc_audit_run(const tqc_audit_options *opts, const char *const *paths,
                         size_t count, tqc_audit_summary *sum, char *err, size_t errlen)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (!tqc_audit_summary_init(sum)) {
        snprintf(err, errlen, "out of memory");
        return TQC_ENOMEM;
    }
    unsigned jobs = opts->jobs ? opts->jobs : tqc_audit_cpus();
    if (jobs > TQC_AUDIT_MAX_JOBS) {
        snprintf(err, errlen, "at most %d jobs", TQC_AUDIT_MAX_JOBS);
        return TQC_EUSAGE;
    }
    sum->jobs = jobs;
    audit *a = tqc_calloc(1, sizeof *a);
    if (a)
        a->ring = tqc_calloc(TQC_AUDIT_WINDOW, sizeof *a->ring);
    if (!a || !a->ring) {
        if (a)
            free(a->ring);
        free(a);
        snprintf(err, errlen, "out of memory");
        return TQC_ENOMEM;
    }
    a->opts = opts;
    a->own_spellers = jobs > 1;
    a->paths = paths;
    a->path_count = count;
    pthread_mutex_init(&a->mu, NULL);
    pthread_cond_init(&a->space, NULL);
    pthread_cond_init(&a->ready, NULL);
    /* libxml2 wants its globals set up once, before threads parse. */
    xmlInitParser();
    /* The workers: the one pool, its window the ring's size. */
    tqc_status st = TQC_OK;
    a->pool = tqc_pool_new_tasks(jobs, TQC_AUDIT_WINDOW, free_worker);
    pthread_t walker;
    bool walker_started = a->pool && pthread_create(&walker, NULL, walker_main, a) == 0;
    if (!walker_started) {
        st = TQC_ENOMEM;
        snprintf(err, errlen, "cannot start a thread");
    }
    if (walker_started) {
        release_all(a, sum, &t0);
        pthread_join(walker, NULL);
    }
    /* Every task was taken back; the workers free their checkers in parallel. */
    tqc_pool_free(a->pool);
    for (size_t i = 0; i < TQC_AUDIT_WINDOW; i++)
        if (a->ring[i].used)
            free_slot(&a->ring[i]);
    sum->hidden += a->hidden;
    sum->excluded += a->excluded;
    sum->interrupted = opts->stop && atomic_load(opts->stop);
    sum->seconds = since(&t0);
    if (st == TQC_OK && atomic_load(&a->halt) && a->halt_status != TQC_OK) {
        st = a->halt_status;
        snprintf(err, errlen, "%s", a->halt_err);
    } else if (st == TQC_OK && atomic_load(&a->halt)) {
        st = TQC_ENOMEM;
        snprintf(err, errlen, "out of memory");
    }
    if (st == TQC_OK && sum->failed_alloc) {
        st = TQC_ENOMEM;
        snprintf(err, errlen, "out of memory while counting");
    }
    pthread_cond_destroy(&a->space);
    pthread_cond_destroy(&a->ready);
    pthread_mutex_destroy(&a->mu);
    free(a->ring);
    free(a);
    return st;
}
