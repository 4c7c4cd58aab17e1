/* atomic: temporary file beside the target, fsync, rename, fsync the directory. */
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The directory part of path ("." when it has none) into dir. */
static void dir_of(const char *path, char *dir, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, cap, ".");
    else if (slash == path)
        snprintf(dir, cap, "/");
    else
        snprintf(dir, cap, "%.*s", (int)(slash - path), path);
}

static tqc_status fail(char *err, size_t errlen, const char *what, const char *path)
{
    snprintf(err, errlen, "%s: %s: %s", path, what, strerror(errno));
    return TQC_EIO;
}

tqc_status tqc_atomic_write(const char *path, const void *data, size_t len,
                            char *err, size_t errlen)
{
    /* Follow a symbolic link so that the file it names is replaced, not the link. */
    char real[PATH_MAX];
    struct stat lst, st;
    const char *target = path;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        if (!realpath(path, real))
            return fail(err, errlen, "cannot follow the link", path);
        target = real;
    }
    bool exists = stat(target, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        return TQC_EIO;
    }
    char dir[PATH_MAX], tmp[PATH_MAX];
    dir_of(target, dir, sizeof dir);
    const char *base = strrchr(target, '/') ? strrchr(target, '/') + 1 : target;
    int fd = -1;
    unsigned seed = (unsigned)getpid() ^ (unsigned)time(NULL);
    for (unsigned i = 0; i < TQC_ATOMIC_TRIES && fd < 0; i++) {
        int n = snprintf(tmp, sizeof tmp, "%s/.%s.tqc-%ld-%u", dir, base, (long)getpid(),
                         seed + i);
        if (n < 0 || (size_t)n >= sizeof tmp) {
            snprintf(err, errlen, "%s: path too long", path);
            return TQC_EIO;
        }
        /* O_EXCL: never reuse someone else's file; 0666 lets the umask decide. */
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            return fail(err, errlen, "cannot create a temporary file", path);
    }
    if (fd < 0)
        return fail(err, errlen, "cannot create a temporary file", path);
    const char *what = NULL;
    if (exists) {
        /* Only root may give a file away, so a failed fchown is no error; without
         * the old owner, set-id bits would mean something else, so they go. */
        mode_t mode = st.st_mode & 07777;
        if (fchown(fd, st.st_uid, st.st_gid) != 0)
            mode &= 01777;
        if (fchmod(fd, mode) != 0)
            what = "cannot set the mode";
    }
    const char *p = data;
    for (size_t left = len; !what && left > 0;) {
        ssize_t n = write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            what = "write error";
            break;
        }
        p += n;
        left -= (size_t)n;
    }
    if (!what && fsync(fd) != 0)
        what = "fsync failed";
    if (close(fd) != 0 && !what)
        what = "close failed";
    if (!what && rename(tmp, target) != 0)
        what = "cannot rename the temporary file over it";
    if (what) {
        int saved = errno;
        unlink(tmp);
        errno = saved;
        return fail(err, errlen, what, path);
    }
    /* Make the rename itself durable. Some file systems refuse fsync on a directory;
     * the data is safe by then, so that is not an error. */
    int dfd = open(dir, O_RDONLY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    return TQC_OK;
}
