/* pipeline: the stages every command (check, diff, fix, report, audit) takes a file's
 * findings through, in this order: input -> language -> check -> suppress -> baseline
 * -> sink. The stages after the check are here, so each command filters alike:
 *   suppress  the file's tqc-disable comments (run/suppress.h, run/suppress_file.h);
 *   baseline  the findings a baseline holds and those below --min-severity, which are
 *             neither reported, counted nor fixed (tqc_pipe_filter below).
 * Nothing here prints or exits. */
#ifndef TQC_PIPELINE_H
#define TQC_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/doc.h"
#include "core/finding.h"
#include "run/baseline.h"

/* The baseline stage for one file. */
typedef struct tqc_pipe_filter {
    tqc_baseline *baseline;     /* known findings (NULL: none) */
    const char *key;            /* the file's path in the baseline */
    tqc_severity min_severity;  /* findings below it are left out */
} tqc_pipe_filter;

/* true when f (a finding of doc that passed the suppressions) is left out. Each
 * baseline entry accepts one finding; again: f is seen again after fixing (a later
 * round of run/fix.h), and an entry accepts it even when its first sighting was
 * accepted already. pf NULL: nothing is left out. */
bool tqc_pipe_drops(const tqc_pipe_filter *pf, const tqc_doc *doc, const tqc_finding *f,
                    bool again);
/* Removes from found what tqc_pipe_drops leaves out; returns how many. */
size_t tqc_pipe_filter_findings(const tqc_pipe_filter *pf, tqc_findings *found, bool again);

#endif
