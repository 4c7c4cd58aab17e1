/* walk: the one folder walker (see run/walk.h). */
#include "run/walk.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/io.h"

char *tqc_walk_join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    bool slash = la > 0 && a[la - 1] != '/';
    char *p = tqc_malloc(la + slash + lb + 1);
    if (!p)
        return NULL;
    memcpy(p, a, la);
    if (slash)
        p[la] = '/';
    memcpy(p + la + slash, b, lb + 1);
    return p;
}

typedef struct entry {
    char *name;
    size_t len;
    bool dir;
} entry;

/* The i-th byte of an entry's sort key: its name, and a '/' after a folder's. */
static int key_at(const entry *e, size_t i)
{
    return i < e->len ? (unsigned char)e->name[i] : i == e->len && e->dir ? '/' : 0;
}

/* Sibling order that makes a depth-first walk list paths in byte order (`LC_ALL=C sort`
 * of the full paths): a folder sorts as its name followed by '/'. */
static int entry_cmp(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    for (size_t i = 0;; i++) {
        int c = key_at(a, i), d = key_at(b, i);
        if (c != d || c == 0)
            return c - d;
    }
}

/* One walk: the hooks and the folder walked, resolved ("" when unknown). */
typedef struct walker {
    tqc_walk *w;
    char root_real[PATH_MAX];
    bool stopped, nomem;
} walker;

/* true when the link at full leads outside the folder being walked. */
static bool leads_outside(const walker *k, const char *full)
{
    char real[PATH_MAX];
    if (!k->root_real[0] || !realpath(full, real))
        return true;
    size_t n = strlen(k->root_real);
    return strncmp(real, k->root_real, n) != 0 ||
           (real[n] != '/' && real[n] != '\0' && strcmp(k->root_real, "/") != 0);
}

static bool going(walker *k)
{
    if (!k->stopped && !k->nomem && k->w->stop && k->w->stop(k->w->ctx))
        k->stopped = true;
    return !k->stopped && !k->nomem;
}

static void error(walker *k, const char *path, int err)
{
    if (k->w->error && !k->w->error(k->w->ctx, path, err))
        k->stopped = true;
}

/* Reads the folder at path into *list (sorted), skipping what is not walked. */
static size_t read_entries(walker *k, const char *path, entry **list)
{
    tqc_walk *w = k->w;
    *list = NULL;
    DIR *d = opendir(path);
    if (!d) {
        error(k, path, errno);
        return 0;
    }
    size_t n = 0, cap = 0;
    struct dirent *de;
    while (going(k) && (de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
            continue;
        if (name[0] == '.' && !w->hidden) {
            w->hidden_count++;
            continue;
        }
        bool dir = de->d_type == DT_DIR;
        if (de->d_type == DT_UNKNOWN || de->d_type == DT_LNK) {
            /* A link is followed to a file but never to a folder (no loops); a broken
             * link is no file. */
            char *full = tqc_walk_join(path, name);
            if (!full) {
                k->nomem = true;
                break;
            }
            struct stat st;
            bool keep = lstat(full, &st) == 0;
            if (keep && S_ISLNK(st.st_mode)) {
                keep = stat(full, &st) == 0 && !S_ISDIR(st.st_mode);
                /* A loop is reported, not skipped in silence; a link out of the tree
                 * is skipped unless follow_links. */
                if (!keep && errno == ELOOP)
                    error(k, full, ELOOP);
                if (keep && !w->follow_links && leads_outside(k, full)) {
                    keep = false;
                    w->excluded_count++;
                }
            }
            dir = keep && S_ISDIR(st.st_mode);
            free(full);
            if (!keep)
                continue;
        }
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            entry *nl = tqc_realloc(*list, ncap * sizeof *nl);
            if (!nl) {
                k->nomem = true;
                break;
            }
            *list = nl;
            cap = ncap;
        }
        entry *e = &(*list)[n];
        if (!(e->name = tqc_walk_join("", name))) {
            k->nomem = true;
            break;
        }
        e->len = strlen(name);
        e->dir = dir;
        n++;
    }
    closedir(d);
    if (n > 1)
        qsort(*list, n, sizeof **list, entry_cmp);
    return n;
}

/* Walks the folder at path (rel: its path below the folder walked, "" for that one). */
static void walk(walker *k, const char *path, const char *rel)
{
    tqc_walk *w = k->w;
    entry *list;
    size_t n = read_entries(k, path, &list);
    for (size_t i = 0; i < n && going(k); i++) {
        char *full = tqc_walk_join(path, list[i].name);
        char *r = *rel ? tqc_walk_join(rel, list[i].name) : tqc_walk_join("", list[i].name);
        if (!full || !r) {
            k->nomem = true;
        } else if (list[i].dir) {
            if (!w->want_dir || w->want_dir(w->ctx, r))
                walk(k, full, r);
        } else if (w->want_file && !w->want_file(w->ctx, r)) {
            w->excluded_count++;
        } else {
            struct stat st;
            if (stat(full, &st) != 0)
                error(k, full, errno);
            else if (S_ISREG(st.st_mode) && !w->file(w->ctx, full, r, &st))
                k->stopped = true;
        }
        free(full);
        free(r);
    }
    for (size_t i = 0; i < n; i++)
        free(list[i].name);
    free(list);
}

tqc_status tqc_walk_dir(tqc_walk *w, const char *root)
{
    walker k = {.w = w};
    if (!realpath(root, k.root_real))
        k.root_real[0] = '\0';
    walk(&k, root, "");
    return k.nomem ? TQC_ENOMEM : TQC_OK;
}
