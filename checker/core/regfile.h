/* regfile: opens a settings file (word list, config, baseline, rule list) that must be a
 * regular file of bounded size. A device (/dev/zero spins, /dev/urandom grows without
 * end), a FIFO (blocks forever) or a folder is refused with one line naming the file.
 * The file is opened with O_NONBLOCK and checked with fstat on the opened descriptor,
 * never on the path, so a file swapped after a check cannot slip through. /dev/null is
 * accepted as an empty file.
 * Never prints; the caller owns and fcloses the FILE it gets. */
#ifndef TQC_REGFILE_H
#define TQC_REGFILE_H

#include <stdio.h>

#include "core/status.h"

/* Word lists, configs and baselines are written by people or by tqc for one project;
 * 64 MiB is far beyond any of them and still bounds what a hostile one costs. */
#define TQC_REGFILE_MAX_BYTES ((long long)64 << 20)

/* Opens path for reading ("rb") when it is a regular file of at most max bytes
 * (max <= 0: TQC_REGFILE_MAX_BYTES). On failure *out is NULL and err names the file and
 * the cause: TQC_EIO (cannot open), TQC_EINPUT (not a regular file), TQC_ELIMIT (too
 * large). A read through *out still stops at EOF of the size checked here only if the
 * caller bounds it; tqc_io_read_file (core/io.h) does. */
tqc_status tqc_regfile_open(const char *path, long long max, FILE **out, char *err, size_t errlen);

/* Checks an already open descriptor the same way (fstat). */
tqc_status tqc_regfile_check_fd(int fd, const char *path, long long max, char *err, size_t errlen);

#endif
