/* pool: checks the docs of a large input on worker threads and hands them back in the
 * order they were submitted, so output is the same whatever the number of workers.
 * Each worker checks with its own clone of the submitter's checker (run/checker.h); the
 * clones share the dictionaries. The submitting thread keeps reading and reporting
 * while the workers check. */
#ifndef TQC_POOL_H
#define TQC_POOL_H

#include <stdbool.h>
#include <stddef.h>

#include "run/checker.h"

typedef struct tqc_pool tqc_pool;

/* Starts workers threads (at least 1). NULL when out of memory or threads. */
tqc_pool *tqc_pool_new(unsigned workers);
/* Waits for the workers to finish what they have and frees everything, including
 * docs submitted but not taken back. Accepts NULL. */
void tqc_pool_free(tqc_pool *pool);

/* Docs submitted and not yet taken back. */
size_t tqc_pool_pending(const tqc_pool *pool);
/* Whether another doc may be submitted without waiting (one more in flight than there
 * are workers: the submitter reads the next while they check). */
bool tqc_pool_has_room(const tqc_pool *pool);

/* Queues doc (the pool owns it until tqc_pool_next returns it) to be checked like
 * tqc_check_doc(ck, doc, ...) would; ck must outlive the pool. Blocks while the pool
 * has no room. */
tqc_status tqc_pool_submit(tqc_pool *pool, tqc_checker *ck, tqc_doc *doc);

/* Waits for the oldest pending doc: *doc (the caller owns it again), its findings
 * (initialised on it) and the status tqc_check_doc returned. false when none pending. */
bool tqc_pool_next(tqc_pool *pool, tqc_doc **doc, tqc_findings *found, tqc_status *st);

#endif
