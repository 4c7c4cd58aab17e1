/* reader: streams a plain-text file as chunks that end at paragraph boundaries, so a
 * corpus of any size is checked in bounded memory while an article (smaller than a
 * chunk) is always checked whole. The reader owns each chunk until the next call. */
#ifndef TQC_READER_H
#define TQC_READER_H

#include <stdio.h>
#include <stddef.h>

#include "core/status.h"

/* Chunks aim for this size: big enough for any article, small enough to keep memory
 * flat on a multi-gigabyte corpus. */
#define TQC_CHUNK_BYTES (1u << 18)
/* Bytes examined for NUL to tell a binary file (as grep does). */
#define TQC_BINARY_PROBE 8192

typedef struct tqc_reader tqc_reader;

typedef struct tqc_chunk {
    const char *text;   /* owned by the reader, valid until the next call */
    size_t len;         /* 0 at the end of the input */
    size_t base_offset; /* byte offset of text[0] in the file */
    size_t base_line;   /* 0-based line of text[0] in the file */
    size_t base_column; /* characters before text[0] on its line (a chunk cut mid-line) */
} tqc_chunk;

/* Opens path ("-" for standard input). On failure err names the file and the cause. */
tqc_status tqc_reader_open(const char *path, tqc_reader **out, char *err, size_t errlen);
/* Reads the open file f (named path, which must outlive the reader); the reader closes f
 * only once this succeeded. */
tqc_status tqc_reader_adopt(FILE *f, const char *path, tqc_reader **out);
/* The next chunk, or one with len 0 at the end. A binary file fails on the first call. */
tqc_status tqc_reader_next(tqc_reader *r, tqc_chunk *chunk, char *err, size_t errlen);
void tqc_reader_close(tqc_reader *r);

#endif
