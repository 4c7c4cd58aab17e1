/* atomic: replaces a file's contents so that a reader sees either the old bytes or the
 * new ones, never a mix, even after a crash: the bytes go to a temporary file in the
 * same directory, are fsync'd, and the temporary file is renamed over the target (then
 * the directory is fsync'd). An existing target keeps its permission bits (and its
 * owner when we may set it); a symbolic link is followed, so its target is replaced and
 * the link stays. Hard links to the old file keep the old bytes (rename makes a new
 * inode). Never prints; on failure no temporary file is left behind. */
#ifndef TQC_ATOMIC_H
#define TQC_ATOMIC_H

#include <stddef.h>

#include "status.h"

/* Tries for a free temporary name before giving up (names carry the pid and a counter). */
#define TQC_ATOMIC_TRIES 100

/* Writes the len bytes at data to path atomically as described above. A new file gets
 * mode 0666 less the umask. On failure err names the file and the cause (TQC_EIO). */
tqc_status tqc_atomic_write(const char *path, const void *data, size_t len,
                            char *err, size_t errlen);

#endif
