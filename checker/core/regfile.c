/* regfile: a settings file is a regular file of bounded size, checked on its descriptor. */
#include "core/regfile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

tqc_status tqc_regfile_check_fd(int fd, const char *path, long long max, char *err, size_t errlen)
{
    if (max <= 0)
        max = TQC_REGFILE_MAX_BYTES;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return TQC_EIO;
    }
    /* /dev/null reads as empty: `--config /dev/null` is how one says "no config". */
    struct stat null;
    if (S_ISCHR(st.st_mode) && stat("/dev/null", &null) == 0 && S_ISCHR(null.st_mode) &&
        st.st_rdev == null.st_rdev)
        return TQC_OK;
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        return TQC_EINPUT;
    }
    if ((long long)st.st_size > max) {
        snprintf(err, errlen, "%s: larger than %lld MiB, the most tqc reads here", path,
                 max >> 20);
        return TQC_ELIMIT;
    }
    return TQC_OK;
}

tqc_status tqc_regfile_open(const char *path, long long max, FILE **out, char *err, size_t errlen)
{
    *out = NULL;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return TQC_EIO;
    }
    tqc_status st = tqc_regfile_check_fd(fd, path, max, err, errlen);
    int flags = fcntl(fd, F_GETFL);
    if (st == TQC_OK && (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0)) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        st = TQC_EIO;
    }
    FILE *f = st == TQC_OK ? fdopen(fd, "rb") : NULL;
    if (st == TQC_OK && !f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        st = TQC_EIO;
    }
    if (st != TQC_OK) {
        close(fd);
        return st;
    }
    *out = f;
    return TQC_OK;
}
