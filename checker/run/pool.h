/* pool: the one worker pool. Tasks run on worker threads and are taken back in the
 * order they were submitted, so output is the same whatever the number of workers.
 * Two kinds of task use it:
 *   docs   check puts the docs of a large input here (tqc_pool_submit): each worker
 *          checks with its own clone of the submitter's checker (run/checker.h); the
 *          clones share the dictionaries. The submitter reads and reports meanwhile.
 *   files  the audit (run/audit.h) puts each file here (tqc_pool_run): a worker checks
 *          it whole through the pipeline while the walker lists the next ones.
 * A worker keeps state of its own between tasks (its checkers): a task gets it as
 * *local, NULL at first, and the pool frees it with free_local when the worker ends. */
#ifndef TQC_POOL_H
#define TQC_POOL_H

#include <stdbool.h>
#include <stddef.h>

#include "run/checker.h"

typedef struct tqc_pool tqc_pool;

/* A task: runs fn(arg, local) on a worker. drop(arg, ran), when set, is called for a
 * task the pool is freed with (ran: fn has run). */
typedef void (*tqc_pool_fn)(void *arg, void **local);
typedef void (*tqc_pool_drop)(void *arg, bool ran);

/* Starts workers threads (at least 1) for at most window tasks in flight (submitted
 * and not taken back; at least 1). NULL when out of memory or threads. */
tqc_pool *tqc_pool_new_tasks(unsigned workers, size_t window, void (*free_local)(void *local));
/* Waits for the workers to finish what they have, drops the tasks not taken back and
 * frees everything. Accepts NULL. */
void tqc_pool_free(tqc_pool *pool);

/* Tasks submitted and not yet taken back. */
size_t tqc_pool_pending(tqc_pool *pool);
/* Whether another task may be submitted without waiting. */
bool tqc_pool_has_room(tqc_pool *pool);
/* Waits until another task may be submitted (one submitting thread: it then may). */
void tqc_pool_wait_room(tqc_pool *pool);

/* Queues a task; blocks while the window is full. Tasks are claimed in order. */
void tqc_pool_run(tqc_pool *pool, tqc_pool_fn fn, tqc_pool_drop drop, void *arg);
/* Waits for the oldest task not taken back to finish: its arg into *arg. false when
 * none is pending. Any thread may take back, one at a time. */
bool tqc_pool_take(tqc_pool *pool, void **arg);

/* ---- docs ---- */

/* A pool for docs: workers threads, one more doc in flight than there are workers (the
 * submitter reads the next while they check). */
tqc_pool *tqc_pool_new(unsigned workers);

/* Queues doc (the pool owns it until tqc_pool_next returns it) to be checked like
 * tqc_check_doc(ck, doc, ...) would; ck must outlive the pool. Blocks while the pool
 * has no room. TQC_ENOMEM (doc freed) when out of memory. */
tqc_status tqc_pool_submit(tqc_pool *pool, tqc_checker *ck, tqc_doc *doc);

/* Waits for the oldest pending doc: *doc (the caller owns it again), its findings
 * (initialised on it) and the status tqc_check_doc returned. false when none pending. */
bool tqc_pool_next(tqc_pool *pool, tqc_doc **doc, tqc_findings *found, tqc_status *st);

#endif
