/* baseline: the findings a project has accepted for now, so that a check reports and
 * fails only on new ones. An entry is a finding's fingerprint (tqc_finding_fingerprint:
 * rule, span text and its context, no line numbers, so moving text does not matter),
 * its rule, its file's path and its span text. The file is UTF-8 text:
 *
 *     # tqc baseline 1
 *     # fingerprint<TAB>rule<TAB>path<TAB>text; sorted; made by `tqc baseline create`
 *     0c5e9d1b22a4f6e7<TAB>repeated-word<TAB>content/a.txt<TAB>the the
 *
 * The first line is the header; other lines starting with '#' and blank lines are
 * ignored. The fingerprint is 16 lower-case hex digits; path and text escape '\' tab,
 * line feed and carriage return as \\ \t \n \r; text has its white space folded and is
 * cut to TQC_BASELINE_TEXT_MAX bytes (it is for people: matching ignores it). Entries
 * are sorted bytewise (as `LC_ALL=C sort`), so the file diffs well. Paths are whatever
 * the caller chose (the CLI writes them relative to the baseline's folder).
 * The same finding twice in a file is two entries: a third occurrence is new.
 * Nothing here prints or exits. */
#ifndef TQC_BASELINE_H
#define TQC_BASELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/status.h"

#define TQC_BASELINE_HEADER "# tqc baseline 1"
/* Span text kept per entry: enough to recognise the finding in a review. */
#define TQC_BASELINE_TEXT_MAX 80
/* A baseline larger than this is not one (a project with a million accepted findings
 * should fix its config instead). */
#define TQC_BASELINE_MAX_BYTES ((size_t)256 << 20)

typedef struct tqc_baseline tqc_baseline;

/* An empty baseline, or NULL when out of memory. */
tqc_baseline *tqc_baseline_new(void);
void tqc_baseline_free(tqc_baseline *b);
/* Parses the len bytes at text (name is for messages). On failure err reads
 * "NAME:LINE: what is wrong" (TQC_EINPUT). */
tqc_status tqc_baseline_parse(const char *name, const char *text, size_t len,
                              tqc_baseline **out, char *err, size_t errlen);
/* Reads and parses the file at path. */
tqc_status tqc_baseline_load(const char *path, tqc_baseline **out, char *err, size_t errlen);

/* Adds an entry; the len bytes at text are folded and cut as described above. */
tqc_status tqc_baseline_add(tqc_baseline *b, uint64_t fingerprint, const char *rule,
                            const char *path, const char *text, size_t len);
size_t tqc_baseline_count(const tqc_baseline *b);

/* true when an entry for (path, rule, fingerprint) not yet matched exists; it is then
 * marked matched, so each entry accepts one finding. */
bool tqc_baseline_match(tqc_baseline *b, const char *path, const char *rule,
                        uint64_t fingerprint);
/* true when an entry for (path, rule, fingerprint) exists, matched or not; marks
 * nothing. For a finding seen again after fixing (run/fix.h), whose entry its first
 * sighting already matched. */
bool tqc_baseline_holds(tqc_baseline *b, const char *path, const char *rule,
                        uint64_t fingerprint);
/* Drops the entries never matched whose path keep() refuses (keep(path, ctx) false:
 * that file was checked, or is gone, so its finding was fixed). Returns how many. */
size_t tqc_baseline_prune(tqc_baseline *b, bool (*keep)(const char *path, void *ctx), void *ctx);

/* The baseline as a file: *out (malloc'd, NUL-terminated, the caller frees it) gets the
 * header and the sorted entries, *len its length. */
tqc_status tqc_baseline_format(const tqc_baseline *b, char **out, size_t *len);

#endif
