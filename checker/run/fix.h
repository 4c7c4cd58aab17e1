/* fix: turns findings into corrected text. Three layers, each usable alone:
 *   tqc_fix_select  chooses which fixes of one doc to apply (safe ones, or with all_fixes
 *                   also first suggestions) and resolves overlaps deterministically;
 *   tqc_fix_apply   produces the corrected bytes, touching nothing outside the edits;
 *   tqc_fix_file    runs the whole loop on a file: check, select, apply, check again
 *                   until no fix is left (so a second run changes nothing), and keeps
 *                   what the reporters need (report/fixes.h): the original and corrected
 *                   bytes, the changed regions with the fixes that made them, and the
 *                   findings of the original text.
 * fix/diff keep a whole file (up to TQC_FIX_MAX_BYTES) because a diff needs context lines
 * across chunk boundaries and an in-place fix writes the whole file at once; the file
 * still goes through the one file loop of every command (tqc_pipe_file, run/pipeline.h:
 * input, language, check, suppress, baseline), a plain file chunk by chunk, so the
 * findings agree with `tqc check`'s. The loop's check hook checks a doc and drops what
 * the suppressions and the baseline leave out; its sink runs the fix rounds on it.
 * Nothing here prints, exits or writes files (see core/atomic.h for that). */
#ifndef TQC_FIX_H
#define TQC_FIX_H

#include <stdbool.h>
#include <stddef.h>

#include "run/checker.h"
#include "core/doc.h"
#include "core/finding.h"
#include "read/input.h"
#include "run/pipeline.h"

/* fix/diff hold a file and its corrected copy in memory (about 3 times its size with
 * the line index); news articles are kilobytes, corpora are for `tqc check`. */
#define TQC_FIX_MAX_BYTES ((size_t)64 << 20)
/* Check-and-fix rounds per chunk. A second round catches what one fix uncovers or what
 * an overlapping fix deferred (`the the the` needs two); more means a pass keeps
 * undoing another's work, and then we stop rather than loop. */
#define TQC_FIX_MAX_ROUNDS 4

/* What became of a finding's fix. */
typedef enum tqc_fix_state {
    TQC_FIX_NONE = 0,  /* no fix and nothing usable to replace the span with */
    TQC_FIX_MANUAL,    /* a fix or suggestion that needs a human (not taken without all_fixes) */
    TQC_FIX_CONFLICT,  /* its fix overlaps one that was preferred to it */
    TQC_FIX_APPLIED    /* applied (possibly as the same edit as another finding's) */
} tqc_fix_state;

/* One replacement: the bytes of span become the len bytes at text (borrowed from the
 * finding it came from). */
typedef struct tqc_edit {
    tqc_span span;
    const char *text;
    size_t len;
    size_t finding;     /* index of the (first) finding that asked for it */
} tqc_edit;

/* Chooses the edits for doc's findings items[0, count):
 *  - a finding's fix when it is safe, or any fix when all_fixes;
 *  - with all_fixes, a finding without a fix but with suggestions replaces its span with
 *    the first suggestion (suggestions are replacements of the span by contract);
 *  - no-op edits (replacement equal to the bytes) and spans outside the doc are ignored.
 * Overlaps (an insertion touching another edit counts as one) are resolved by priority:
 * safe before unsafe, higher severity, earlier start, shorter span, rule id, replacement,
 * finding index; the same edit asked for by two findings is applied once for both.
 * edits (room for count) gets the chosen ones sorted by position, *edit_count their
 * number; states[i] (room for count) what became of items[i]; edit_of[i] (may be NULL)
 * the index of the edit that applied items[i], or SIZE_MAX. */
tqc_status tqc_fix_select(const tqc_doc *doc, const tqc_finding *items, size_t count,
                          bool all_fixes, tqc_edit *edits, size_t *edit_count,
                          tqc_fix_state *states, size_t *edit_of);

/* Applies n sorted, non-overlapping edits to text[0, len): *out (malloc'd, NUL-terminated,
 * the caller frees it) gets the corrected bytes, *out_len their number. Bytes outside the
 * edits are copied unchanged. new_spans (may be NULL) gets where each edit's replacement
 * lies in *out. TQC_EUSAGE when the edits are unsorted or overlap. */
tqc_status tqc_fix_apply(const char *text, size_t len, const tqc_edit *edits, size_t n,
                         char **out, size_t *out_len, tqc_span *new_spans);

/* A fix that was applied, for annotating what changed. */
typedef struct tqc_fix_note {
    const char *rule;       /* the pass id (static) */
    const char *also;       /* other rules merged into the finding, or NULL */
    const char *message;
    tqc_severity severity;
    bool safe;              /* false for a fix or suggestion only all_fixes takes */
    unsigned round;         /* 0: a finding of the original text; 1+: found after fixing */
    size_t finding;         /* index into tqc_fix_result.findings (round 0), else SIZE_MAX */
} tqc_fix_note;

/* A changed region: the bytes old (in doc->text) became the bytes fixed (in text).
 * Regions are sorted and separated by at least one unchanged byte; outside them the two
 * texts are the same bytes. notes[note_first, note_first + note_count) made it. */
typedef struct tqc_fix_region {
    tqc_span old, fixed;
    size_t note_first, note_count;
} tqc_fix_region;

typedef struct tqc_fix_options {
    const char *name;       /* display name (NULL: the path, or "<stdin>" for "-") */
    /* How to read the file (read/input.h); TQC_INPUT_AUTO: as tqc check would. A markup file
     * is checked doc by doc through its reader and fixed in its own bytes, where a doc's
     * map places the edit 1:1 (tqc_doc_span_exact: no entity, tag or collapsed space
     * inside it, and a replacement that needs no escaping); other fixes stay
     * suggestions (TQC_FIX_MANUAL). Findings, sentences and regions of the result are
     * in the file's bytes. */
    tqc_input_format format;
    const char *lang;       /* doc language code */
    /* --lang auto: the pipeline's language stage (run/pipeline.h) tells an article's
     * language from its first doc (tqc_fix_file; a buffer is in ck's), and a bilingual
     * file's units are checked in the languages it declares (read/input.h), each by the
     * checker's sibling for it (tqc_checker_for_lang). */
    bool lang_from_file;
    /* The language stage's hook (tqc_pipe_hooks.lang), called with ctx in the first
     * round: what it told, for the caller's note. NULL: nothing said. */
    tqc_status (*on_lang)(void *ctx, const tqc_pipe_lang *pl, const tqc_doc *doc,
                          tqc_checker *ck, bool told);
    void *ctx;
    bool all_fixes;
    /* The pipeline's baseline stage (run/pipeline.h): what it leaves out is neither
     * fixed nor in the result, as tqc check would not report it. NULL: nothing. */
    const tqc_pipe_filter *filter;
    unsigned max_rounds;    /* 0: TQC_FIX_MAX_ROUNDS */
    size_t max_bytes;       /* 0: TQC_FIX_MAX_BYTES */
    /* Keep only what writing the file needs (tqc fix): the original and corrected bytes
     * and the counts. The findings, notes, regions and sentences of a plain file are
     * dropped chunk by chunk, so memory is the two texts and one chunk's work, however
     * many findings there are. */
    bool text_only;
} tqc_fix_options;

typedef struct tqc_fix_result {
    /* The whole original file, byte for byte (a UTF-8 BOM included). It carries the
     * sentences and paragraphs found while checking (tokens are not kept: tok_first and
     * tok_count are 0), so tqc_doc_sentence_at and tqc_doc_locate work on it.
     * Strings of findings and notes live in its arena. */
    tqc_doc *doc;
    char *text;             /* the corrected bytes, NUL-terminated */
    size_t len;
    /* With text_only, findings, states, regions and notes are NULL and their counts 0,
     * and doc has no sentences or paragraphs. */
    tqc_finding *findings;  /* of the original text, sorted; spans are offsets in doc->text */
    tqc_fix_state *states;  /* what became of each finding's fix, after every round */
    size_t finding_count;
    tqc_fix_region *regions;
    size_t region_count;
    tqc_fix_note *notes;
    size_t note_count;
    unsigned rounds;        /* most rounds any chunk needed */
    size_t found, applied;  /* findings of the original, and those whose fix was applied */
    bool all_fixes;
} tqc_fix_result;

/* Checks path ("-": standard input) through the pipeline with ck (or the checker of the
 * language told, opts->lang_from_file) and fixes it as described above. On failure err
 * names the file and the cause; TQC_ELIMIT beyond max_bytes; a UTF-16 text is refused
 * (check reads it decoded; fix would write it back as UTF-8). */
tqc_status tqc_fix_file(tqc_checker *ck, const char *path, const tqc_fix_options *opts,
                        tqc_fix_result **out, char *err, size_t errlen);
/* The same for text[0, len) in memory, checked as one chunk (plain text). */
tqc_status tqc_fix_text(tqc_checker *ck, const char *text, size_t len,
                        const tqc_fix_options *opts, tqc_fix_result **out);
/* The same for a file's bytes in memory (a request body): plain text as one chunk (for
 * TQC_INPUT_AUTO or TEXT), a markup format (opts->format) as tqc_fix_file reads it. On
 * failure err says why (malformed markup names opts->name and the position). */
tqc_status tqc_fix_buffer(tqc_checker *ck, const char *text, size_t len,
                          const tqc_fix_options *opts, tqc_fix_result **out, char *err,
                          size_t errlen);
void tqc_fix_result_free(tqc_fix_result *res);

/* true when the corrected text differs from the original. */
bool tqc_fix_changed(const tqc_fix_result *res);
/* How many findings of the original ended in state. */
size_t tqc_fix_count(const tqc_fix_result *res, tqc_fix_state state);

#endif
