/* doc: the document model every pass reads. The text bytes are kept exactly as read
 * (invalid UTF-8 included); paragraphs, sentences and tokens are byte spans into them.
 * A doc may be one chunk of a larger file: base_offset and base_line place it there,
 * so every offset and line a reporter prints is the file's own. A doc read from markup
 * (HTML, XLIFF, TMX, JSONL; see read/input.h) carries a map back to the file instead, and may
 * carry where inline elements or codes were, a segment id and its source-language text.
 * The doc owns its text copy, its structure arrays and its arena; everything borrowed
 * from it is valid until tqc_doc_free. */
#ifndef TQC_DOC_H
#define TQC_DOC_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/status.h"

/* Two byte offsets into doc->text, start <= end (checked when made). */
typedef struct tqc_span {
    size_t start, end;
} tqc_span;

static inline tqc_span tqc_span_make(size_t start, size_t end)
{
    assert(start <= end);
    return (tqc_span){start, end};
}

static inline size_t tqc_span_len(tqc_span s) { return s.end - s.start; }

static inline bool tqc_span_overlaps(tqc_span a, tqc_span b)
{
    return a.start < b.end && b.start < a.end;
}

typedef enum tqc_tok_kind {
    TQC_TOK_WORD,      /* letters, with inner apostrophes, hyphens, periods (U.S.) or digits */
    TQC_TOK_NUMBER,    /* digits with separators: 3.5, 1,000, 11:43, 10th, 19h30 */
    TQC_TOK_PUNCT,     /* one punctuation mark (an ellipsis "..." is one token) */
    TQC_TOK_SYMBOL,    /* anything else printable: currency, math, emoji */
    TQC_TOK_URL,       /* a URL, or a host name written bare: example.org */
    TQC_TOK_EMAIL,
    TQC_TOK_HANDLE,    /* @name */
    TQC_TOK_HASHTAG,   /* #name */
    TQC_TOK_INVALID,   /* bytes that are not valid UTF-8, or control characters */
    TQC_TOK_CODE       /* a file name, a path or an identifier (app.js, /a/b/, client_id):
                        * kept as is, not words */
} tqc_tok_kind;

/* Token flags: what passes ask most often, computed once by the tokenizer. */
enum {
    TQC_TF_SPACE_BEFORE = 1 << 0, /* whitespace immediately precedes the token */
    TQC_TF_NEWLINE_BEFORE = 1 << 1, /* that whitespace contains a line break */
    TQC_TF_CAP = 1 << 2,          /* first letter is upper or title case */
    TQC_TF_ALLCAPS = 1 << 3,      /* two or more letters, all upper case */
    TQC_TF_LOWER = 1 << 4,        /* every letter is lower case */
    TQC_TF_INNER_CAP = 1 << 5,    /* an upper-case letter follows a lower-case one */
    TQC_TF_DIGIT = 1 << 6,        /* contains a digit */
    TQC_TF_HYPHEN = 1 << 7,       /* contains an inner hyphen */
    TQC_TF_APOS = 1 << 8,         /* contains an inner apostrophe (' or U+2019) */
    TQC_TF_NONASCII = 1 << 9,     /* contains a byte >= 0x80 */
    TQC_TF_PERIOD = 1 << 10,      /* contains an inner period (U.S, e.g) */
    TQC_TF_PARA_START = 1 << 11,  /* first token of its paragraph */
    TQC_TF_SENT_START = 1 << 12   /* first token of its sentence */
};

typedef struct tqc_token {
    tqc_span span;
    uint32_t kind;      /* tqc_tok_kind */
    uint32_t flags;     /* TQC_TF_* */
    size_t sentence;    /* index into doc->sentences */
} tqc_token;

typedef struct tqc_sentence {
    tqc_span span;      /* from its first to its last non-space byte */
    size_t tok_first, tok_count;
    size_t paragraph;   /* index into doc->paragraphs */
} tqc_sentence;

typedef struct tqc_paragraph {
    tqc_span span;      /* from its first to its last non-space byte */
    size_t sent_first, sent_count;
} tqc_paragraph;

/* A run of doc text and where it came from in the file (docs read from markup). Runs
 * are sorted by text offset; run i covers text [map[i].text, map[i+1].text). An exact
 * run's bytes are the file's bytes at src (no entity, escape, tag or collapsed space in
 * it), so lines, columns and offsets inside it are exact; every byte of an inexact run is
 * placed at the run's start (the entity, escape or white space it came from).
 * 24 bytes: a page of inline tags has a run for every few bytes of text. Make one with
 * tqc_doc_map_run, which keeps the 32-bit fields within their limits. */
typedef struct tqc_doc_map {
    uint64_t src;       /* byte offset in the file */
    uint32_t text;      /* offset in doc->text where the run begins (at most
                           TQC_DOC_MAP_MAX_TEXT) */
    uint32_t line;      /* 0-based file line of src (lines past UINT32_MAX read as it) */
    uint32_t column;    /* characters before src on its line (as many, the same) */
    uint32_t back : 31; /* bytes from the start of src's line to src;
                           TQC_DOC_MAP_BACK_UNKNOWN when unknown (tqc_doc_map_line_start) */
    uint32_t exact : 1;
} tqc_doc_map;

/* A doc with a map holds at most this many bytes of text (the readers' own limits,
 * TQC_INPUT_MAX_BYTES, keep them far below). */
#define TQC_DOC_MAP_MAX_TEXT ((size_t)UINT32_MAX)
#define TQC_DOC_MAP_BACK_UNKNOWN ((uint32_t)0x7FFFFFFF)

/* A run: text offset (at most TQC_DOC_MAP_MAX_TEXT, asserted), file offset, 0-based
 * line, column in characters, and line_start, the file offset where src's line begins
 * (0 on line 0; 0 on a later line, or a line longer than 2 GiB, means unknown). */
static inline tqc_doc_map tqc_doc_map_run(size_t text, size_t src, size_t line, size_t column,
                                          bool exact, size_t line_start)
{
    assert(text <= TQC_DOC_MAP_MAX_TEXT);
    size_t back = src - line_start;
    bool known = (line == 0 || line_start) && line_start <= src &&
                 back < TQC_DOC_MAP_BACK_UNKNOWN;
    return (tqc_doc_map){.src = src, .text = (uint32_t)text,
                         .line = line < UINT32_MAX ? (uint32_t)line : UINT32_MAX,
                         .column = column < UINT32_MAX ? (uint32_t)column : UINT32_MAX,
                         .back = known ? (uint32_t)back : TQC_DOC_MAP_BACK_UNKNOWN,
                         .exact = exact};
}

_Static_assert(sizeof(tqc_doc_map) <= 24, "a map run stays small");

/* The file offset where run r's src line begins, into *line_start; false when unknown. */
static inline bool tqc_doc_map_line_start(const tqc_doc_map *r, size_t *line_start)
{
    if (r->back == TQC_DOC_MAP_BACK_UNKNOWN)
        return false;
    *line_start = r->src - r->back;
    return true;
}

/* Where an inline element (HTML `a`, `em`, `span`...) or an inline code of a bilingual
 * file (XLIFF `g x bx ex bpt ept ph it mrk pc sc ec sm em`, TMX `bpt ept ph it hi ut`)
 * begins or ends in the text. Inline codes add no text: a code is a position plus its
 * identity (tag and id), so the words read as they would on the page. */
typedef enum tqc_inline_kind {
    TQC_INLINE_OPEN,        /* an element or paired code begins here */
    TQC_INLINE_CLOSE,       /* it ends here */
    TQC_INLINE_STANDALONE   /* a code that stands alone (`ph`, `x`, `bx`, `sc`...) */
} tqc_inline_kind;

/* 16 bytes (a page of inline tags has one every few bytes of text): the offset is
 * within a mapped doc's text (TQC_DOC_MAP_MAX_TEXT), the line within 30 bits
 * (TQC_DOC_INLINE_MAX_LINE; lines past it read as it), and the names are shared: the
 * tag's bytes are followed by its id's (tqc_doc_inline_id), one copy a pair. */
typedef struct tqc_doc_inline {
    const char *tag;    /* element name, lower case; in the doc's arena, one copy a name */
    uint32_t offset;    /* offset in doc->text */
    uint32_t line : 30; /* 1-based file line of the tag */
    uint32_t kind : 2;  /* tqc_inline_kind */
} tqc_doc_inline;

/* Marks an id after a tag's terminating NUL: "g\0\1" "12"; a tag without one ends in
 * two NULs. */
#define TQC_DOC_INLINE_ID_MARK '\1'

/* The code identity of in (XLIFF id/rid, TMX i/x), or NULL; as long-lived as in->tag. */
static inline const char *tqc_doc_inline_id(const tqc_doc_inline *in)
{
    if (!in->tag)
        return NULL;
    const char *p = in->tag + strlen(in->tag) + 1;
    return *p == TQC_DOC_INLINE_ID_MARK ? p + 1 : NULL;
}

#define TQC_DOC_INLINE_MAX_LINE ((size_t)0x3FFFFFFF)

typedef struct tqc_doc {
    const char *name;   /* display name (a path, or "<stdin>"); owned */
    const char *text;   /* len bytes plus a NUL; owned */
    size_t len;
    size_t base_offset; /* byte offset of text[0] in the file */
    size_t base_line;   /* 0-based line of text[0] in the file */
    size_t base_column; /* characters before text[0] on its line (a chunk cut mid-line) */
    const char *lang;   /* language code the doc is checked as; owned */

    size_t *line_starts; /* offsets where each line begins; line_starts[0] == 0 */
    size_t line_count;
    /* Counts every TQC_DOC_MARK_STEP bytes when a line is longer than that, so a
     * position is found from the nearest mark, not from the line's start (linear time
     * on a megabyte line); none otherwise. Owned. */
    struct tqc_doc_mark *marks;
    size_t mark_count;
    /* Spans of the text that are no prose for the passes (in plain text, the lines of
     * tqc suppression directives): the segmenter gives them no tokens and ends a
     * paragraph at each. Sorted, disjoint; owned; none unless set before segmenting. */
    tqc_span *hidden;
    size_t hidden_count;

    tqc_paragraph *paragraphs;
    size_t paragraph_count;
    tqc_sentence *sentences;
    size_t sentence_count;
    tqc_token *tokens;
    size_t token_count;

    tqc_arena *arena;   /* per-document allocations (findings, messages) */

    /* Set by the readers of markup (read/input.h); all empty for plain text. Owned. */
    tqc_doc_map *map;   /* map_count runs back to the file; none: base_* place the text */
    size_t map_count;
    bool map_decoded;   /* the map's offsets are those of the file decoded to UTF-8 (a
                           legacy charset): lines and columns hold, no edit maps */
    tqc_doc_inline *inlines; /* sorted by offset (ties in document order) */
    size_t inline_count;
    const char *segment; /* the record, unit or segment id (JSONL, XLIFF, TMX), or NULL */
    /* What the reader found wrong with the unit's structure (XLIFF: a duplicate id, a
     * target in another language than the file's, a target without a source), one
     * message each, reported by the `xliff` pass; in the arena. */
    const char **problems;
    size_t problem_count;
    struct tqc_doc *source; /* the source-language text of a bilingual unit (its lang is
                               the source language), or NULL; checked docs segment it too */
} tqc_doc;

/* Bytes between two position marks of a long line: finding a position scans at most
 * this much, at 32 bytes of marks per step (6% of the text, and only for long lines). */
#define TQC_DOC_MARK_STEP 512

/* What lies before a character boundary at offset, counted from text[0] as
 * tqc_doc_locate counts: characters, line breaks, and characters before the last break. */
typedef struct tqc_doc_mark {
    size_t offset, chars, breaks, chars_at_line;
} tqc_doc_mark;

/* A doc holding a copy of the len bytes at text, not yet segmented (no paragraphs,
 * sentences or tokens; see seg/seg.h). name and lang are copied. NULL when out of memory. */
tqc_doc *tqc_doc_new(const char *name, const char *text, size_t len, const char *lang);
/* The same, taking text (malloc'd, len bytes plus a NUL) instead of copying it: the
 * doc owns it, also when NULL is returned (it is then freed). */
tqc_doc *tqc_doc_take(const char *name, char *text, size_t len, const char *lang);
/* Frees the doc and everything it owns; accepts NULL. */
void tqc_doc_free(tqc_doc *doc);
/* Replaces doc->lang with a copy of lang (its language told from its content); the old
 * string is freed. Fails only when out of memory, leaving doc->lang as it was. */
tqc_status tqc_doc_set_lang(tqc_doc *doc, const char *lang);

/* Line (1-based, in the file) and column (1-based, in characters: each UTF-8 sequence
 * counts one, each invalid byte one) of the byte at offset (0 <= offset <= len).
 * With a map, the file is the markup file: inside an exact run the column is exact,
 * elsewhere it is the column of the run's start.
 * Every reporter uses this one function so they all agree. */
void tqc_doc_locate(const tqc_doc *doc, size_t offset, size_t *line, size_t *column);
/* Line and column (as tqc_doc_locate) just past the last byte of span, and, when
 * byte_column is not NULL, that column in bytes (as tqc_doc_byte_column): where a span
 * of a markup file ends before a tag, its end is before the tag, not after it where the
 * next text begins. An empty span ends where it starts. */
void tqc_doc_locate_end(const tqc_doc *doc, tqc_span span, size_t *line, size_t *column,
                        size_t *byte_column);
/* The byte offset in the file of the byte at offset (0 <= offset <= len), by the same
 * rules as tqc_doc_locate: base_offset + offset for plain text. */
size_t tqc_doc_file_offset(const tqc_doc *doc, size_t offset);
/* The bytes of the file that span came from: from the file offset of its start to just
 * past its last byte (the start of the next run when that byte is an entity, escape or
 * collapsed space). An exact span maps to exactly its own length. */
tqc_span tqc_doc_file_span(const tqc_doc *doc, tqc_span span);
/* The column of the byte at offset counted in bytes from the start of its file line
 * (1-based), for formats that count bytes (reviewdog). Where a map does not know its
 * lines' starts, or a plain-text chunk begins mid-line, the bytes are counted from where
 * the doc's own line begins (a UTF-8 BOM on the file's first line is counted). */
size_t tqc_doc_byte_column(const tqc_doc *doc, size_t offset);
/* true when the bytes of span are the file's bytes 1:1 (plain text, or inside one exact
 * run of a map of the file's own bytes, not of its decoded copy): only then may a fix edit the file at tqc_doc_file_offset. */
bool tqc_doc_span_exact(const tqc_doc *doc, tqc_span span);

/* The inline boundaries at exactly offset: a pointer to the first and *count of them
 * (NULL and 0 when there is none). `<a>Japan</a>at` has a close of `a` at the offset
 * between "Japan" and "at". */
const tqc_doc_inline *tqc_doc_inline_boundary_at(const tqc_doc *doc, size_t offset,
                                                 size_t *count);
/* The first inline boundary strictly inside span (span.start < offset < span.end), or
 * NULL: a word that straddles one was joined across an element or code. */
const tqc_doc_inline *tqc_doc_inline_within(const tqc_doc *doc, tqc_span span);
/* The span of the line containing offset, without its line break. */
tqc_span tqc_doc_line_span(const tqc_doc *doc, size_t offset);
/* Pointer to the bytes of span in the doc's text. */
/* From the first sentence's start to the last one's end (the whole text when the doc
 * has no sentences): what a finding about the document as a whole points at. */
tqc_span tqc_doc_sentences_span(const tqc_doc *doc);

static inline const char *tqc_doc_at(const tqc_doc *doc, tqc_span s) { return doc->text + s.start; }

/* Sentence index containing the byte at offset, or SIZE_MAX outside any sentence. */
size_t tqc_doc_sentence_at(const tqc_doc *doc, size_t offset);

#endif
