/* io: whole-file reads, copies and growing arrays, each written once. */
#include "core/io.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/regfile.h"

/* The first block read; a small file costs one allocation of it. */
#define IO_FIRST_BLOCK 65536

tqc_status tqc_io_read_stream(FILE *f, const char *name, size_t max, char **buf, size_t *len,
                              char *err, size_t errlen)
{
    *buf = NULL;
    *len = 0;
    size_t cap = 0, n = 0;
    char *b = NULL;
    tqc_status st = TQC_OK;
    for (;;) {
        /* Room for one more block, one byte past max (to see it is exceeded) and the NUL. */
        if (cap - n < IO_FIRST_BLOCK) {
            size_t ncap = cap ? (cap > SIZE_MAX / 2 ? SIZE_MAX : cap * 2) : IO_FIRST_BLOCK;
            if (max < SIZE_MAX - 2 && ncap > max + 2)
                ncap = max + 2;
            char *nb = ncap > cap ? tqc_realloc(b, ncap) : NULL;
            if (!nb) {
                st = ncap > cap ? TQC_ENOMEM : TQC_ELIMIT;
                break;
            }
            b = nb;
            cap = ncap;
        }
        size_t got = fread(b + n, 1, cap - n - 1, f);
        n += got;
        if (n > max) {
            st = TQC_ELIMIT;
            break;
        }
        if (got == 0) {
            if (ferror(f))
                st = TQC_EIO;
            break;
        }
    }
    if (st == TQC_ELIMIT)
        snprintf(err, errlen, "%s: larger than %zu MiB, the most tqc reads here", name,
                 max >> 20);
    else if (st == TQC_ENOMEM)
        snprintf(err, errlen, "%s: out of memory", name);
    else if (st == TQC_EIO)
        snprintf(err, errlen, "%s: read error: %s", name, strerror(errno));
    if (st != TQC_OK) {
        free(b);
        return st;
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return TQC_OK;
}

tqc_status tqc_io_read_file(const char *path, size_t max, char **buf, size_t *len,
                            char *err, size_t errlen)
{
    *buf = NULL;
    *len = 0;
    if (max == 0)
        max = (size_t)TQC_REGFILE_MAX_BYTES;
    FILE *f;
    long long lmax = max > (size_t)LLONG_MAX ? LLONG_MAX : (long long)max;
    tqc_status st = tqc_regfile_open(path, lmax, &f, err, errlen);
    if (st != TQC_OK)
        return st;
    st = tqc_io_read_stream(f, path, max, buf, len, err, errlen);
    fclose(f);
    return st;
}

tqc_status tqc_io_parse_file(const char *path, size_t max, const char *what,
                             tqc_io_parser parse, void *out, char *err, size_t errlen)
{
    char *buf;
    size_t len;
    tqc_status st = tqc_io_read_file(path, max, &buf, &len, err, errlen);
    if (st == TQC_OK)
        st = parse(path, buf, len, out, err, errlen);
    else if (st == TQC_ELIMIT)
        snprintf(err, errlen, "%s: larger than %zu bytes; not a %s", path, max, what);
    free(buf);
    return st;
}

char *tqc_strdup(const char *s)
{
    return s ? tqc_strndup(s, strlen(s)) : NULL;
}

char *tqc_strdup_opt(const char *s, bool *failed)
{
    char *d = tqc_strdup(s);
    if (s && !d)
        *failed = true;
    return d;
}

char *tqc_strndup(const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *d = tqc_malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

void *tqc_memdup(const void *p, size_t n)
{
    void *d = tqc_malloc(n ? n : 1);
    if (d && n)
        memcpy(d, p, n);
    return d;
}

bool tqc_grow(void **arr, size_t *cap, size_t count, size_t more, size_t size)
{
    if (more <= *cap - count)
        return true;
    if (size == 0 || more > SIZE_MAX / size - count)
        return false;
    size_t want = count + more;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < want)
        ncap = ncap > SIZE_MAX / size / 2 ? want : ncap * 2;
    void *p = tqc_realloc(*arr, ncap * size);
    if (!p)
        return false;
    *arr = p;
    *cap = ncap;
    return true;
}
