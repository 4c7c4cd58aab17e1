/* suppress_file: one file's inline suppressions (run/suppress.h) across the docs its reader
 * gives, as check and audit apply them: each doc's findings are filtered as it comes;
 * the directives are read from each plain doc's text, or once from the raw file when
 * the docs are markup (their text holds no comments). A directive that suppressed
 * nothing is reported as an unused-suppression finding in the file's last doc, placed
 * where the comment is (or in a doc of the comment alone when the file gave none), so
 * each doc is handed on one behind: the last is kept until the file's end.
 * Nothing here prints; one file is one thread's. */
#ifndef TQC_SUPPRESS_FILE_H
#define TQC_SUPPRESS_FILE_H

#include <stdbool.h>

#include "run/config.h"
#include "core/doc.h"
#include "core/finding.h"
#include "core/status.h"

typedef struct tqc_suppress_file tqc_suppress_file;

/* Gets each doc with its filtered findings, in file order. It may keep them: it then
 * sets *doc to NULL and leaves *found empty (tqc_findings_init); whatever it leaves is
 * freed after the call. Anything but TQC_OK stops the file with that status. */
typedef tqc_status (*tqc_suppress_file_emit)(void *ctx, tqc_doc **doc, tqc_findings *found);

/* A file's suppressions. path (borrowed) is read again for markup docs (not "-", which
 * cannot be) and names a doc made for a note; s (borrowed) gives that doc's language and
 * whether and how unused-suppression is reported. NULL when out of memory. */
tqc_suppress_file *tqc_suppress_file_new(const char *path, const tqc_settings *s,
                                         tqc_suppress_file_emit emit, void *ctx);
/* Frees it and a doc still kept (after a failure). */
void tqc_suppress_file_free(tqc_suppress_file *sf);

/* Takes a checked doc and its findings (*doc is then NULL, *found empty), drops what the
 * directives cover, and hands on the doc before it. Fails when out of memory (the caller
 * then still owns the doc; no unused directive is reported for the file) or with what
 * emit returned. */
tqc_status tqc_suppress_file_doc(tqc_suppress_file *sf, tqc_doc **doc, tqc_findings *found);
/* After the file's last doc: reports the unused directives when the file was read to its
 * end (complete), and hands on what is left. */
tqc_status tqc_suppress_file_end(tqc_suppress_file *sf, bool complete);

#endif
