/* cancel: a time limit (and an optional stop flag) for one unit of work, such as a
 * server request or an audited file. Its owner makes it on its stack and lends it to a
 * checker (tqc_checker_set_cancel); the checker only reads it, between documents and
 * between passes, so a running pass finishes before a check gives up (TQC_ETIME). */
#ifndef TQC_CANCEL_H
#define TQC_CANCEL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <time.h>

typedef struct tqc_cancel {
    struct timespec deadline;   /* CLOCK_MONOTONIC; {0, 0}: none */
    const atomic_int *stop;     /* non-zero: give up now (a signal, a shutdown); may be NULL */
} tqc_cancel;

/* A limit seconds from now (seconds <= 0: no time limit), with stop (may be NULL). */
tqc_cancel tqc_cancel_after(double seconds, const atomic_int *stop);

/* Whether c's time is up or its stop flag is set; false for NULL. */
bool tqc_cancelled(const tqc_cancel *c);

#endif
