/* input_priv: what the format readers (read_<format>.c) share behind read/input.h: the
 * reader interface, a text builder that makes a doc with its map back to the file, and
 * the hardened libxml2 set-up. Not for use outside the input layer. */
#ifndef TQC_INPUT_PRIV_H
#define TQC_INPUT_PRIV_H

#include <iconv.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/doc.h"
#include "core/io.h"
#include "read/input.h"

/* A position in the file: byte offset, 0-based line, characters before it on its line,
 * and the byte offset where that line begins. */
typedef struct tqc_srcpos {
    size_t off, line, col, line_start;
} tqc_srcpos;

/* Moves pos over the n bytes at s (which start at pos->off), counting lines and
 * characters as tqc_doc_locate does. */
void tqc_srcpos_advance(tqc_srcpos *pos, const char *s, size_t n);

/* One format's reader. open may read ahead; next gives one doc or NULL at the end. */
typedef struct tqc_input_reader {
    tqc_status (*open)(tqc_input *in, char *err, size_t errlen);
    tqc_status (*next)(tqc_input *in, tqc_doc **out, char *err, size_t errlen);
    void (*close)(tqc_input *in);
} tqc_input_reader;

extern const tqc_input_reader tqc_read_text, tqc_read_html, tqc_read_xliff, tqc_read_tmx,
    tqc_read_jsonl, tqc_read_parallel;

struct tqc_input {
    char *path;         /* as given ("-" for standard input) */
    char *name;         /* display name */
    char *lang;         /* the checker's language */
    bool lang_from_file; /* tqc_input_options' */
    bool regular_only;   /* tqc_input_options' */
    tqc_input_format format;
    const tqc_input_reader *reader;
    void *state;        /* the reader's own */
    FILE *stream;       /* tqc_input_open_stream's (the caller's), or NULL */
    char *source;       /* parallel text: the source file's path, or NULL */
    char *source_lang;  /* its language code ("" when unknown) */
    char *note;         /* tqc_input_note's (malloc'd), or NULL */
    bool resumable;     /* the last error concerned one record only (tqc_input_resumable) */
    char warning[1024]; /* tqc_input_warning's: about the last doc read ("" none) */
    char *utf8;         /* a UTF-16 text file decoded (malloc'd), read instead of the file */
    size_t utf8_len;
};

/* Writes "name:line:col: message" (or "name:line: ", or "name: " when line is 0) to err. */
void tqc_input_error(const tqc_input *in, char *err, size_t errlen, size_t line, size_t col,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Opens in->path for reading (standard input for "-", the stream when there is one);
 * close it with tqc_input_fclose. */
FILE *tqc_input_fopen(const tqc_input *in, char *err, size_t errlen);
void tqc_input_fclose(const tqc_input *in, FILE *f);
/* Reads the whole input into *buf (malloc'd, NUL-terminated), refusing more than max. */
tqc_status tqc_input_slurp(const tqc_input *in, size_t max, char **buf, size_t *len,
                           char *err, size_t errlen);
/* true when two language codes name the same language (`en` and `en-GB`, `pt_BR` and
 * `pt-pt`): the base codes are equal, case ignored. */
bool tqc_input_same_lang(const char *a, const char *b);

/* Whether the NUL-terminated names a and b are equal: inline, not a call to strcmp, for
 * the element names a page of inline tags compares a million times (`b`, `i`). */
static inline bool tqc_same_name(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* The slot of pointer p in a cache of n slots, by all of its bits: names a parser or a
 * map packs a few bytes apart (`b`, `i`) share a slot by their upper bits alone, and a
 * direct-mapped cache then evicts one for the other at every tag. */
static inline size_t tqc_pointer_slot(const void *p, size_t n)
{
    return (size_t)(((uint64_t)(uintptr_t)p * UINT64_C(0x9E3779B97F4A7C15)) >> 32) % n;
}

/* Text builder: the text of one doc as it is read, with its map runs and inline
 * boundaries. Reusable: tqc_tb_finish leaves it empty for the next doc. */
#define TQC_TB_RECENT 16

typedef struct tqc_tb {
    char *text;
    size_t len, cap;
    tqc_doc_map *map;
    size_t map_count, map_cap;
    /* Inline boundaries as the doc holds them (line 1-based), their tags and ids
     * pointing into names: a page of half a million inline elements keeps one copy of
     * `b`, not one an element. The arrays are handed to the doc when it is made. */
    tqc_doc_inline *inl;
    size_t inl_count, inl_cap;
    struct tqc_strmap *names;
    const char *recent[TQC_TB_RECENT]; /* names' keys handed out last, by first byte */
    size_t limit;        /* most text bytes (TQC_INPUT_MAX_RECORD unless set) */
    tqc_status failed;   /* TQC_ENOMEM or TQC_ELIMIT once an append failed */
} tqc_tb;

void tqc_tb_init(tqc_tb *tb, size_t limit);
void tqc_tb_free(tqc_tb *tb);
void tqc_tb_reset(tqc_tb *tb);
/* Appends n bytes that came from the file at at; exact when they are the file's bytes
 * there. Runs that continue each other merge. */
void tqc_tb_append(tqc_tb *tb, const char *s, size_t n, tqc_srcpos at, bool exact);
/* Records an inline boundary at the current end of the text. */
void tqc_tb_inline(tqc_tb *tb, tqc_inline_kind kind, const char *tag, const char *id,
                   size_t line);
/* The last byte appended, or -1 when the text is empty. */
int tqc_tb_last(const tqc_tb *tb);
/* Makes the doc (name, lang and segment copied; segment may be NULL) and empties tb.
 * empty_at places an empty text in the file. */
tqc_status tqc_tb_finish(tqc_tb *tb, const char *name, const char *lang, const char *segment,
                         tqc_srcpos empty_at, tqc_doc **out);

/* Converts (*in)[0, *left) with cd (iconv to UTF-8) at *dst, *room bytes (4 an input
 * byte is always enough); a sequence the encoding does not have becomes U+FFFD, and so
 * does one cut by the end when last (otherwise it is left for the next call). Advances
 * *in, *left, *dst and *room. For the legacy pages and files HTML and XML read. */
void tqc_iconv_utf8(iconv_t cd, char **in, size_t *left, char **dst, size_t *room, bool last);

/* libxml2, hardened: initialised once, with an external entity loader that refuses
 * everything (so no DTD, entity or XInclude is ever read from disk or network). */
void tqc_xml_harden(void);

/* A streaming XML reader over libxml2's SAX2 push parser: the file is fed in blocks, so
 * memory stays bounded by the largest text node, and every event comes with its file
 * position. Documents that declare entities or nest beyond TQC_INPUT_MAX_DEPTH are
 * refused. Element and attribute names are local names (namespaces dropped). */
typedef struct tqc_xml tqc_xml;
typedef struct tqc_xml_events {
    void *user;
    /* attrs: name/value pairs, NULL-terminated; at: just after the start tag. */
    void (*start)(void *user, const char *name, const char *const *attrs, tqc_srcpos at);
    void (*end)(void *user, const char *name, tqc_srcpos at);
    /* Character data; at is where it begins, exact when the bytes are the file's. */
    void (*text)(void *user, const char *s, size_t n, tqc_srcpos at, bool exact);
} tqc_xml_events;

tqc_status tqc_xml_open(tqc_input *in, const tqc_xml_events *ev, tqc_xml **out,
                        char *err, size_t errlen);
/* Feeds the next block; *done at the end of the file. Events fire during the call. */
tqc_status tqc_xml_step(tqc_xml *x, bool *done, char *err, size_t errlen);
/* Stops parsing with an error (from an event handler): tqc_xml_step returns it. */
void tqc_xml_fail(tqc_xml *x, tqc_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The first element of the file (*seen false until then) must be root: otherwise the
 * file is well-formed XML of a format tqc does not read, and x fails saying so. True when
 * the reader goes on. */
bool tqc_xml_root(tqc_xml *x, bool *seen, const char *name, const char *root);
/* The current file line (1-based), for messages. */
size_t tqc_xml_line(const tqc_xml *x);
/* true when the file was decoded to UTF-8 before parsing (a legacy encoding or UTF-16):
 * the positions of its events are those of the decoded bytes. */
bool tqc_xml_decoded(const tqc_xml *x);
void tqc_xml_close(tqc_xml *x);

/* The docs an XML reader (XLIFF, TMX) made from one block's events, handed out one at a
 * time; a parse error comes after the docs read before it. */
typedef struct tqc_xml_queue {
    tqc_doc **docs;
    size_t head, len, cap;
    bool done;
    tqc_status failed;      /* the error after the queued docs */
    char err[512];
} tqc_xml_queue;

/* Queues doc, a unit x's events just completed (its maps marked decoded when the file
 * was, tqc_xml_decoded); when out of memory frees it and stops the parse. */
void tqc_xml_queue_push(tqc_xml_queue *q, tqc_xml *x, tqc_doc *doc);
/* The next queued doc in *out (the caller's), feeding x the next blocks while there is
 * none; NULL at the end of the file. */
tqc_status tqc_xml_queue_next(tqc_xml_queue *q, tqc_xml *x, tqc_doc **out, char *err,
                              size_t errlen);
/* Frees the docs not handed out. */
void tqc_xml_queue_free(tqc_xml_queue *q);

#endif
