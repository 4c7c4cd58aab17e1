/* atomic: temporary file beside the target, fsync, rename, fsync the directory; for fix,
 * only over the very file that was read. */
#include "core/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

/* The temporary file being written, for tqc_atomic_signal_cleanup. live is set only
 * once dirfd and name are complete, and cleared before they change. */
static volatile sig_atomic_t tmp_live;
static int tmp_dirfd = -1;
static char tmp_name[NAME_MAX + 1];

void tqc_atomic_signal_cleanup(void)
{
    if (tmp_live)
        (void)unlinkat(tmp_dirfd, tmp_name, 0);   /* async-signal-safe */
}

static tqc_status fail(char *err, size_t errlen, const char *what, const char *path)
{
    snprintf(err, errlen, "%s: %s: %s", path, what, strerror(errno));
    return TQC_EIO;
}

/* Splits path into its directory (opened) and name. */
static tqc_status open_dir_of(const char *path, int *dirfd, char *name, char *err,
                              size_t errlen, const char *display)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char dir[PATH_MAX];
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    if (strlen(base) > NAME_MAX || !*base) {
        snprintf(err, errlen, "%s: not a file name", display);
        return TQC_EIO;
    }
    memcpy(name, base, strlen(base) + 1);
    *dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (*dirfd < 0)
        return fail(err, errlen, "cannot open its folder", display);
    return TQC_OK;
}

tqc_status tqc_atomic_file_open(const char *path, tqc_atomic_file *af, char *err, size_t errlen)
{
    memset(af, 0, sizeof *af);
    af->dirfd = -1;
    /* Resolve links once: later steps use the directory descriptor, not the path. */
    if (!realpath(path, af->path))
        return fail(err, errlen, "cannot resolve", path);
    tqc_status st = open_dir_of(af->path, &af->dirfd, af->name, err, errlen, path);
    if (st != TQC_OK)
        return st;
    int fd = openat(af->dirfd, af->name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &af->st) != 0) {
        st = fail(err, errlen, "cannot open", path);
    } else if (!S_ISREG(af->st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        st = TQC_EINPUT;
    }
    if (fd >= 0)
        close(fd);
    if (st != TQC_OK)
        tqc_atomic_file_close(af);
    return st;
}

void tqc_atomic_file_close(tqc_atomic_file *af)
{
    if (af && af->dirfd >= 0) {
        close(af->dirfd);
        af->dirfd = -1;
    }
}

static bool same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* true when fd holds exactly old[0, len), read in blocks (the file may be large). */
static bool holds(int fd, const char *old, size_t len)
{
    char buf[65536];
    size_t at = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            return at == len;
        if ((size_t)n > len - at || memcmp(buf, old + at, (size_t)n) != 0)
            return false;
        at += (size_t)n;
    }
}

/* Copies every extended attribute of from to to. An attribute only root may set
 * (trusted.*, security.*) that we may not set is left, as an owner we may not set is. */
static const char *copy_xattrs(int from, int to)
{
    char names[TQC_ATOMIC_XATTR_BYTES], value[TQC_ATOMIC_XATTR_BYTES];
    ssize_t n = flistxattr(from, names, sizeof names);
    if (n < 0)
        return errno == ENOTSUP ? NULL : "cannot list its extended attributes";
    for (ssize_t i = 0; i < n; i += (ssize_t)strlen(names + i) + 1) {
        ssize_t v = fgetxattr(from, names + i, value, sizeof value);
        if (v < 0)
            return "cannot read an extended attribute";
        if (fsetxattr(to, names + i, value, (size_t)v, 0) != 0 &&
            (strncmp(names + i, "user.", 5) == 0 || (errno != EPERM && errno != ENOTSUP)))
            return "cannot keep an extended attribute";
    }
    return NULL;
}

/* Writes data to a new temporary file in dirfd and renames it over name. old (NULL for a
 * new file) is the target as it is; src (may be -1) its open descriptor, for xattrs.
 * check (may be NULL): the identity the target must still have right before the rename. */
static tqc_status write_over(int dirfd, const char *name, const struct stat *old, int src,
                             const struct stat *check, const void *data, size_t len,
                             const char *display, char *err, size_t errlen)
{
    char tmp[NAME_MAX + 1];
    int fd = -1;
    unsigned seed = (unsigned)getpid() ^ (unsigned)time(NULL);
    for (unsigned i = 0; i < TQC_ATOMIC_TRIES && fd < 0; i++) {
        int n = snprintf(tmp, sizeof tmp, ".%s.tqc-%ld-%u", name, (long)getpid(), seed + i);
        if (n < 0 || (size_t)n >= sizeof tmp) {
            snprintf(err, errlen, "%s: name too long for a temporary file", display);
            return TQC_EIO;
        }
        /* Registered before it exists: a signal right after the create must find it.
         * (The name holds our pid, so it is not someone else's.) */
        tmp_live = 0;
        tmp_dirfd = dirfd;
        memcpy(tmp_name, tmp, sizeof tmp);
        tmp_live = 1;
        /* O_EXCL: never reuse someone else's file; 0666 lets the umask decide. */
        fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0)
            tmp_live = 0;
        if (fd < 0 && errno != EEXIST)
            return fail(err, errlen, "cannot create a temporary file", display);
    }
    if (fd < 0)
        return fail(err, errlen, "cannot create a temporary file", display);
    const char *what = NULL;
    if (old) {
        /* Only root may give a file away, so a failed fchown is no error; without
         * the old owner, set-id bits would mean something else, so they go. */
        mode_t mode = old->st_mode & 07777;
        if (fchown(fd, old->st_uid, old->st_gid) != 0)
            mode &= 01777;
        if (fchmod(fd, mode) != 0)
            what = "cannot set the mode";
        if (!what && src >= 0)
            what = copy_xattrs(src, fd);
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
    struct stat now;
    bool changed = false;
    if (!what && check) {
        changed = fstatat(dirfd, name, &now, AT_SYMLINK_NOFOLLOW) != 0 || !same_file(&now, check);
        if (changed)
            what = "changed while tqc wrote";
    }
    if (!what && renameat(dirfd, tmp, dirfd, name) != 0)
        what = "cannot rename the temporary file over it";
    if (what) {
        int saved = errno;
        unlinkat(dirfd, tmp, 0);
        tmp_live = 0;
        if (changed) {
            snprintf(err, errlen, "%s: changed while tqc fixed it; not written", display);
            return TQC_EINPUT;
        }
        errno = saved;
        return fail(err, errlen, what, display);
    }
    tmp_live = 0;
    /* Make the rename itself durable. Some file systems refuse fsync on a directory;
     * the data is safe by then, so that is not an error. */
    (void)fsync(dirfd);
    return TQC_OK;
}

static tqc_status refuse_links(const struct stat *st, const char *display, char *err, size_t errlen)
{
    if (st->st_nlink <= 1)
        return TQC_OK;
    snprintf(err, errlen, "%s: has %ju hard links, which a replaced file would no longer "
             "share; not written (use --output)", display, (uintmax_t)st->st_nlink);
    return TQC_EINPUT;
}

tqc_status tqc_atomic_file_replace(const tqc_atomic_file *af, const char *display,
                                   const void *old, size_t old_len, const void *data,
                                   size_t len, char *err, size_t errlen)
{
    int fd = openat(af->dirfd, af->name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat now;
    if (fd < 0 || fstat(fd, &now) != 0) {
        tqc_status st = fail(err, errlen, "cannot open it again", display);
        if (fd >= 0)
            close(fd);
        return st;
    }
    tqc_status st = TQC_OK;
    if (!same_file(&now, &af->st) || (size_t)now.st_size != old_len || !holds(fd, old, old_len)) {
        snprintf(err, errlen, "%s: changed since tqc read it; not written (run tqc fix again)",
                 display);
        st = TQC_EINPUT;
    }
    if (st == TQC_OK)
        st = refuse_links(&now, display, err, errlen);
    if (st == TQC_OK)
        st = write_over(af->dirfd, af->name, &now, fd, &now, data, len, display, err, errlen);
    close(fd);
    return st;
}

tqc_status tqc_atomic_write(const char *path, const void *data, size_t len,
                            char *err, size_t errlen)
{
    tqc_atomic_file af;
    char why[1024];
    tqc_status st = tqc_atomic_file_open(path, &af, why, sizeof why);
    if (st == TQC_OK) {
        int fd = openat(af.dirfd, af.name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        struct stat now;
        if (fd < 0 || fstat(fd, &now) != 0)
            st = fail(err, errlen, "cannot open", path);
        else if (!S_ISREG(now.st_mode)) {
            snprintf(err, errlen, "%s: not a regular file", path);
            st = TQC_EIO;
        } else
            st = refuse_links(&now, path, err, errlen);
        if (st == TQC_OK)
            st = write_over(af.dirfd, af.name, &now, fd, NULL, data, len, path, err, errlen);
        if (fd >= 0)
            close(fd);
        tqc_atomic_file_close(&af);
        return st;
    }
    if (st == TQC_EINPUT) {         /* exists, but not a regular file */
        snprintf(err, errlen, "%s", why);
        return TQC_EIO;
    }
    /* A new file: its folder must exist. (A dangling link is refused: realpath failed.) */
    struct stat lst;
    if (lstat(path, &lst) == 0) {
        snprintf(err, errlen, "%s", why);
        return TQC_EIO;
    }
    int dirfd;
    char name[NAME_MAX + 1];
    if ((st = open_dir_of(path, &dirfd, name, err, errlen, path)) != TQC_OK)
        return st;
    st = write_over(dirfd, name, NULL, -1, NULL, data, len, path, err, errlen);
    close(dirfd);
    return st;
}
