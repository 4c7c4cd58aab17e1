/* walk: the one folder walker, for the folder arguments of check (diff, fix, report...)
 * and for the audit. It lists the regular files under a folder depth first, in byte
 * order of their paths (as `LC_ALL=C sort` lists them). Hidden entries (a name starting
 * with '.') are skipped unless asked for. A symbolic link is followed to a file, never
 * to a folder, so the walk ends; a link loop is reported; a link leading outside the
 * folder walked is skipped unless follow_links (it could show /etc/passwd); a broken
 * link is no file. Anything else that is not a regular file (a FIFO, a device) is not
 * listed; whoever reads a listed file opens it without blocking and checks the opened
 * descriptor (core/regfile.h), since it may have been swapped since.
 * Nothing here prints. */
#ifndef TQC_WALK_H
#define TQC_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "core/status.h"

typedef struct tqc_walk {
    bool hidden;            /* walk hidden files and folders too */
    bool follow_links;      /* follow links to files outside the folder walked */
    void *ctx;              /* passed to the hooks */
    /* Whether to go into the folder, or list the file, at rel (its path below the
     * folder walked, '/'-separated). NULL: yes. A file refused counts as excluded. */
    bool (*want_dir)(void *ctx, const char *rel);
    bool (*want_file)(void *ctx, const char *rel);
    /* A regular file: path is the folder walked joined with rel; st its stat (links
     * followed). false stops the walk. */
    bool (*file)(void *ctx, const char *path, const char *rel, const struct stat *st);
    /* What cannot be walked: a folder that cannot be read, an entry that cannot be
     * stat'ed, a link loop (err: the errno). NULL: passed over. false stops the walk. */
    bool (*error)(void *ctx, const char *path, int err);
    /* true to stop before the next entry (an interrupted audit). NULL: never. */
    bool (*stop)(void *ctx);
    /* Counted by the walk, over every call: hidden entries skipped, files refused by
     * want_file and links out of the folder skipped. */
    uint64_t hidden_count, excluded_count;
} tqc_walk;

/* Walks the folder at root with w's hooks. TQC_OK when it went to its end or a hook
 * stopped it; TQC_ENOMEM when out of memory (the walk then stops). */
tqc_status tqc_walk_dir(tqc_walk *w, const char *root);

/* A malloc'd "a/b" ("a" + "b" when a ends in '/'); NULL when out of memory. */
char *tqc_walk_join(const char *a, const char *b);

#endif
