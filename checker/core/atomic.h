/* atomic: replaces a file's contents so that a reader sees either the old bytes or the
 * new ones, never a mix, even after a crash: the bytes go to a temporary file in the
 * same directory, are fsync'd, and the temporary file is renamed over the target (then
 * the directory is fsync'd). An existing target keeps its permission bits, its extended
 * attributes (and its owner when we may set it); a symbolic link is resolved once, so
 * the file it named is replaced and the link stays. A file with several hard links is
 * refused: a rename would give it a new inode and silently split the links.
 *
 * For `tqc fix`, tqc_atomic_file_open records the file before it is read and
 * tqc_atomic_file_replace writes only if it is still that file, holding exactly the
 * bytes that were read: an editor's save or a repointed link during the fix is a
 * one-line error, and both the file and the result are left untouched. (A save in the
 * microseconds between the last check and the rename cannot be told; POSIX has no
 * compare-and-rename.) The write goes through a descriptor of the directory opened at
 * read time (openat/renameat), never through the path again.
 *
 * Never prints; on failure no temporary file is left behind, and
 * tqc_atomic_signal_cleanup removes the one being written when a signal ends the
 * process. */
#ifndef TQC_ATOMIC_H
#define TQC_ATOMIC_H

#include <limits.h>
#include <stddef.h>
#include <sys/stat.h>

#include "core/status.h"

/* Tries for a free temporary name before giving up (names carry the pid and a counter). */
#define TQC_ATOMIC_TRIES 100
/* Extended attributes copied from the old file: names and one value at a time. */
#define TQC_ATOMIC_XATTR_BYTES 65536

/* A file resolved once, as it was when opened. */
typedef struct tqc_atomic_file {
    int dirfd;                  /* its directory, -1 when closed */
    char name[NAME_MAX + 1];    /* its name in that directory */
    char path[PATH_MAX];        /* the resolved path, to read it by */
    struct stat st;             /* its identity: device, inode, size, mtime, links */
} tqc_atomic_file;

/* Resolves path (following links, once) to a regular file and records what it is now.
 * On failure err names path and the cause (TQC_EIO; TQC_EINPUT for a non-regular file);
 * af is closed either way on failure. */
tqc_status tqc_atomic_file_open(const char *path, tqc_atomic_file *af, char *err, size_t errlen);

/* Replaces af's file with the len bytes at data when it is still the same file (device,
 * inode, size, mtime) holding exactly old[0, old_len), and has one link. Otherwise
 * TQC_EINPUT with err saying what changed, and nothing is written. display names the
 * file in err. */
tqc_status tqc_atomic_file_replace(const tqc_atomic_file *af, const char *display,
                                   const void *old, size_t old_len, const void *data,
                                   size_t len, char *err, size_t errlen);

/* Closes the directory; accepts a closed or zeroed af (dirfd 0 is never ours: set -1). */
void tqc_atomic_file_close(tqc_atomic_file *af);

/* Writes the len bytes at data to path atomically as described above (no check of what
 * was there). A new file gets mode 0666 less the umask. On failure err names the file
 * and the cause (TQC_EIO, or TQC_EINPUT for a hard-linked or non-regular file). */
tqc_status tqc_atomic_write(const char *path, const void *data, size_t len,
                            char *err, size_t errlen);

/* Removes the temporary file being written, if any. Async-signal-safe: for a SIGINT or
 * SIGTERM handler, which then ends the process. Covers one write at a time (fix and
 * report write one file at a time). */
void tqc_atomic_signal_cleanup(void);

#endif
