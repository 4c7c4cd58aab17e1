#include "read/reader.h"

#include "core/alloc.h"
#include "core/text.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tqc_reader {
    FILE *f;
    bool is_stdin, eof, started;
    char *buf;
    size_t len, cap;
    size_t consumed;    /* bytes of buf already handed out */
    size_t offset;      /* file offset of buf[0] */
    size_t line;        /* file line of buf[0] */
    size_t column;      /* characters before buf[0] on its line */
    const char *path;
};

tqc_status tqc_reader_open(const char *path, tqc_reader **out, char *err, size_t errlen)
{
    *out = NULL;
    tqc_reader *r = tqc_calloc(1, sizeof *r);
    if (!r)
        return TQC_ENOMEM;
    r->path = path;
    if (strcmp(path, "-") == 0) {
        r->f = stdin;
        r->is_stdin = true;
    } else if (!(r->f = fopen(path, "rb"))) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        free(r);
        return TQC_EIO;
    }
    *out = r;
    return TQC_OK;
}

tqc_status tqc_reader_adopt(FILE *f, const char *path, tqc_reader **out)
{
    tqc_reader *r = tqc_calloc(1, sizeof *r);
    *out = r;
    if (!r)
        return TQC_ENOMEM;
    r->path = path;
    r->f = f;
    return TQC_OK;
}

void tqc_reader_close(tqc_reader *r)
{
    if (!r)
        return;
    if (r->f && !r->is_stdin)
        fclose(r->f);
    free(r->buf);
    free(r);
}

/* Where to end a chunk within buf[0, len): after the last blank line, else after the last
 * line break, else after the last space, else at a code point boundary. */
static size_t cut_point(const char *buf, size_t len)
{
    size_t half = len / 2;
    for (size_t i = len; i > half + 1; i--)
        if (buf[i - 1] == '\n' && buf[i - 2] == '\n')
            return i;
    for (size_t i = len; i > half; i--)
        if (buf[i - 1] == '\n')
            return i;
    for (size_t i = len; i > half; i--)
        if (buf[i - 1] == ' ' || buf[i - 1] == '\t')
            return i;
    size_t i = len;
    while (i > half && ((unsigned char)buf[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Moves a (line, column) position over the len bytes at s; columns count characters
 * as tqc_doc_locate does. */
static void advance_position(const char *s, size_t len, size_t *line, size_t *column)
{
    size_t from = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n') {
            (*line)++;
            from = i + 1;
        }
    if (from)
        *column = 0;
    for (size_t i = from; i < len;) {
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
        (*column)++;
    }
}

static tqc_status fill(tqc_reader *r, char *err, size_t errlen)
{
    /* Drop what was handed out, keep the rest at the front. */
    if (r->consumed) {
        advance_position(r->buf, r->consumed, &r->line, &r->column);
        memmove(r->buf, r->buf + r->consumed, r->len - r->consumed);
        r->len -= r->consumed;
        r->offset += r->consumed;
        r->consumed = 0;
    }
    size_t want = TQC_CHUNK_BYTES + 1;
    if (r->cap < want + 1) {
        char *b = tqc_realloc(r->buf, want + 1);
        if (!b)
            return TQC_ENOMEM;
        r->buf = b;
        r->cap = want + 1;
    }
    while (!r->eof && r->len < want) {
        size_t n = fread(r->buf + r->len, 1, want - r->len, r->f);
        r->len += n;
        if (n == 0) {
            if (ferror(r->f)) {
                snprintf(err, errlen, "%s: read error: %s", r->path, strerror(errno));
                return TQC_EIO;
            }
            r->eof = true;
        }
    }
    return TQC_OK;
}

tqc_status tqc_reader_next(tqc_reader *r, tqc_chunk *chunk, char *err, size_t errlen)
{
    tqc_status st = fill(r, err, errlen);
    if (st != TQC_OK)
        return st;
    if (!r->started) {
        r->started = true;
        size_t probe = r->len < TQC_BINARY_PROBE ? r->len : TQC_BINARY_PROBE;
        const char *nul = memchr(r->buf, '\0', probe);
        if (nul) {
            snprintf(err, errlen, "%s: binary file (NUL byte at offset %zu), skipped",
                     r->path, (size_t)(nul - r->buf));
            return TQC_EINPUT;
        }
        if (r->len >= 2 && (((unsigned char)r->buf[0] == 0xFF && (unsigned char)r->buf[1] == 0xFE) ||
                            ((unsigned char)r->buf[0] == 0xFE && (unsigned char)r->buf[1] == 0xFF))) {
            snprintf(err, errlen, "%s: UTF-16 text is not supported; convert it to UTF-8 "
                     "(iconv -f UTF-16 -t UTF-8)", r->path);
            return TQC_EINPUT;
        }
        /* A UTF-8 byte order mark is not text. */
        if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0) {
            /* Skipped without counting a column: editors do not show it either. */
            memmove(r->buf, r->buf + 3, r->len - 3);
            r->len -= 3;
            r->offset = 3;
        }
    }
    size_t avail = r->len - r->consumed;
    size_t n = avail;
    if (avail > TQC_CHUNK_BYTES)
        n = cut_point(r->buf + r->consumed, TQC_CHUNK_BYTES);
    size_t line = r->line, column = r->column;
    advance_position(r->buf, r->consumed, &line, &column);
    *chunk = (tqc_chunk){r->buf + r->consumed, n, r->offset + r->consumed, line, column};
    r->consumed += n;
    return TQC_OK;
}
