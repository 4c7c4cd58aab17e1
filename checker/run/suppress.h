/* suppress: inline suppressions. Directives are comments in the source file:
 *
 *     <!-- tqc-disable RULE, RULE -->         findings after it are dropped...
 *     <!-- tqc-enable RULE -->                ...until here (or the end of the file)
 *     <!-- tqc-disable-next-line RULE -->     findings on the next line are dropped
 *
 *     <!-- tqc: words Brankovic, Suzuno -->  these words are known in this file
 *                                             (also `tqc-words`; as cspell:ignore)
 *
 * Without a rule they cover every rule; `tqc-enable` without a rule ends every open
 * tqc-disable, `tqc-enable RULE` ends those that name RULE. In markup (HTML, XML,
 * XLIFF...) a directive may stand anywhere a comment may; in plain text and Markdown it
 * must be a line of its own that starts with `<!--` (leading blanks allowed).
 * The scanner reads the raw source bytes, so it works for any input whose findings
 * can be placed in the file (tqc_doc_file_offset, tqc_doc_locate): a tqc-disable
 * region is a range of file offsets, a tqc-disable-next-line a line number.
 * A finding is dropped when every rule it carries (its own and the merged `also`) is
 * covered. Directives that dropped nothing, name an unknown rule or are misspelt are
 * listed by tqc_suppress_unused so they can be reported (TQC_SUPPRESS_RULE, info) and
 * do not rot. Nothing here prints; the caller owns the tqc_suppress. */
#ifndef TQC_SUPPRESS_H
#define TQC_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/doc.h"
#include "core/finding.h"
#include "core/status.h"

/* The rule id of the findings made from tqc_suppress_unused; info by default. */
#define TQC_SUPPRESS_RULE "unused-suppression"
/* The rule whose findings a `tqc: words` directive drops when their text is one of its
 * words (case as written), wherever they are in the file (in a file checked in parts,
 * from the part holding the directive on). */
#define TQC_WORDS_RULE "spelling"
/* A comment longer than this is prose, not a directive (and is not kept). */
#define TQC_SUPPRESS_MAX_COMMENT 1024

typedef struct tqc_suppress tqc_suppress;

/* Where the first byte of a piece of source is in its file. */
typedef struct tqc_suppress_pos {
    size_t offset;          /* byte offset */
    size_t line;            /* 1-based line */
    size_t column;          /* characters before it on its line */
} tqc_suppress_pos;

/* A new, empty set of directives, or NULL when out of memory. */
tqc_suppress *tqc_suppress_new(void);
void tqc_suppress_free(tqc_suppress *s);

/* Reads the directives in the len bytes at src, which sit at pos in the file. Pieces
 * must come in file order; in plain text (markup false) each piece must end at a line
 * end (reader chunks do), in markup the whole file should come at once (a comment cut
 * in two is not seen). */
tqc_status tqc_suppress_scan(tqc_suppress *s, const char *src, size_t len, tqc_suppress_pos pos,
                             bool markup);
/* Hides from the passes the lines of a plain doc (no map) that hold a directive (see
 * doc->hidden): they are comments, not prose, and a file of many directives spent most
 * of its time in the passes on them. Call it before segmenting; fails only when out of
 * memory. */
tqc_status tqc_suppress_hide(tqc_doc *doc);
/* Number of directives read so far (well formed or not). */
size_t tqc_suppress_count(const tqc_suppress *s);

/* true when a finding of rule (and also, a comma-separated list or NULL) starting at
 * file offset `offset` on line `line` is covered; the directives covering it count as
 * used. A finding inside a directive's own comment is covered without using it (it is
 * about the directive, not the prose). */
bool tqc_suppress_covers(tqc_suppress *s, const char *rule, const char *also, size_t offset,
                         size_t line);
/* Drops from list the findings tqc_suppress_covers covers, placing each with list's doc;
 * the others keep their order. Returns how many were dropped. */
size_t tqc_suppress_apply(tqc_suppress *s, tqc_findings *list);

/* A directive that did nothing. text points into the tqc_suppress (the whole comment). */
typedef struct tqc_suppress_note {
    size_t offset, len;     /* the comment's bytes in the file */
    size_t line, column;    /* 1-based, of the comment's first byte */
    size_t line_start;      /* file offset where that line begins (0 when unknown) */
    const char *text;
    const char *message;    /* what it did not do; in the same block as text */
} tqc_suppress_note;

/* The directives that dropped nothing so far, in file order, in *notes (malloc'd with
 * copies of their comments, the caller frees it; NULL when there are none). Call it once
 * every finding of the file has been through tqc_suppress_covers, once. Identical
 * directives that did nothing alike, one after another among the notes, are listed up
 * to ten; the last of a longer run stands for the rest, its message ending "; as did the
 * N identical directives before it, the first on line L". */
tqc_status tqc_suppress_unused(tqc_suppress *s, tqc_suppress_note **notes, size_t *count);
/* Once every finding before file offset `offset` and line `line` (1-based) has been
 * through tqc_suppress_covers, and none still to come lies before them: releases the
 * directives that can no longer change (ended regions, passed next-line rules, enables,
 * misspelt ones), with, when want_notes, the notes of those that did nothing (as
 * tqc_suppress_unused). A file of directives in plain text is read in chunks of any
 * number: this keeps only the directives still open. Looks only when the directives
 * have doubled since its last look (linear time). Fails only when out of memory,
 * leaving s as it was. */
tqc_status tqc_suppress_settle(tqc_suppress *s, size_t offset, size_t line, bool want_notes,
                               tqc_suppress_note **notes, size_t *count);

#endif
