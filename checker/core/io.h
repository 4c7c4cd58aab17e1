/* io: the one copy of the small things every module needs: reading a whole file or
 * stream under a size limit, duplicating strings and bytes, and growing an array.
 * All memory comes from core/alloc.h (so allocation-failure tests reach it) and is
 * the caller's to free(). Never prints; errors are one line naming the file. */
#ifndef TQC_IO_H
#define TQC_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/status.h"

/* Reads the rest of f into *buf (NUL-terminated, caller frees) and its length into *len,
 * failing with TQC_ELIMIT past max bytes. name is what err calls the file. The caller
 * keeps f open and closes it. On failure *buf is NULL and err says why:
 * TQC_ENOMEM, TQC_ELIMIT or TQC_EIO. */
tqc_status tqc_io_read_stream(FILE *f, const char *name, size_t max, char **buf, size_t *len,
                              char *err, size_t errlen);

/* Reads the whole file at path, which must be a regular file of at most max bytes
 * (core/regfile.h: a device or FIFO is refused; max 0 means TQC_REGFILE_MAX_BYTES).
 * Otherwise as tqc_io_read_stream. */
tqc_status tqc_io_read_file(const char *path, size_t max, char **buf, size_t *len,
                            char *err, size_t errlen);

/* What tqc_io_parse_file hands a file's bytes to; out is the caller's result. */
typedef tqc_status (*tqc_io_parser)(const char *path, const char *text, size_t len, void *out,
                                    char *err, size_t errlen);
/* Reads path as tqc_io_read_file does and parses its bytes with parse (a config, a
 * baseline: small files of one kind). A file over max is refused as "PATH: larger than
 * MAX bytes; not a WHAT". */
tqc_status tqc_io_parse_file(const char *path, size_t max, const char *what,
                             tqc_io_parser parse, void *out, char *err, size_t errlen);

/* A malloc'd copy of s (NULL for NULL, or when out of memory). */
char *tqc_strdup(const char *s);
/* As tqc_strdup, and sets *failed (never clears it) when s is not NULL and the copy
 * failed: for filling several fields and checking once. */
char *tqc_strdup_opt(const char *s, bool *failed);
/* A malloc'd NUL-terminated copy of the n bytes at s (NULL when out of memory). */
char *tqc_strndup(const char *s, size_t n);
/* A malloc'd copy of the n bytes at p (NULL when out of memory; n = 0 gives 1 byte). */
void *tqc_memdup(const void *p, size_t n);

/* Makes room for more items of size bytes after the count already in *arr (capacity
 * *cap items), doubling from 16; *arr and *cap change only on success. false when out of
 * memory or the size would overflow; the old array is then still valid and owned. */
bool tqc_grow(void **arr, size_t *cap, size_t count, size_t more, size_t size);

#endif
