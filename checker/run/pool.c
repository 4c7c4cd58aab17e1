/* pool: worker threads, a ring of tasks in submission order (see run/pool.h). */
#include "run/pool.h"

#include <pthread.h>
#include <stdlib.h>

#include "core/alloc.h"

enum { TASK_QUEUED, TASK_DONE };

typedef struct task {
    tqc_pool_fn fn;
    tqc_pool_drop drop;
    void *arg;
    int state;
} task;

typedef struct worker {
    struct tqc_pool *pool;
    pthread_t thread;
    void *local;
} worker;

/* Tasks are numbered in submission order; task n lives in ring[n % cap] from its
 * submission until it is taken back, so at most cap are in flight. */
struct tqc_pool {
    pthread_mutex_t mu;
    pthread_cond_t work;    /* workers: a task was queued, or stop */
    pthread_cond_t done;    /* the taker: a task is done */
    pthread_cond_t room;    /* the submitter: a task was taken back */
    task *ring;
    size_t cap;
    size_t submitted, claimed, returned;
    bool stopping;
    /* Waiters, so that nobody is signalled for nothing: with tiny tasks the hand-overs
     * are many. */
    unsigned work_waiters;
    bool taker_waiting, submitter_waiting;
    void (*free_local)(void *local);
    worker *workers;
    unsigned nworkers;
};

static void *work(void *arg)
{
    worker *w = arg;
    tqc_pool *p = w->pool;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stopping && p->claimed == p->submitted) {
            p->work_waiters++;
            pthread_cond_wait(&p->work, &p->mu);
            p->work_waiters--;
        }
        if (p->stopping)
            break;
        task *t = &p->ring[p->claimed++ % p->cap];
        pthread_mutex_unlock(&p->mu);
        t->fn(t->arg, &w->local);
        pthread_mutex_lock(&p->mu);
        t->state = TASK_DONE;
        if (p->taker_waiting)
            pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    /* Freed here, in parallel: a checker's dictionaries take a while to free too. */
    if (p->free_local && w->local)
        p->free_local(w->local);
    return NULL;
}

tqc_pool *tqc_pool_new_tasks(unsigned workers, size_t window, void (*free_local)(void *local))
{
    if (workers == 0)
        workers = 1;
    tqc_pool *p = tqc_calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->cap = window ? window : 1;
    p->free_local = free_local;
    p->ring = tqc_calloc(p->cap, sizeof *p->ring);
    p->workers = tqc_calloc(workers, sizeof *p->workers);
    if (!p->ring || !p->workers) {
        free(p->ring);
        free(p->workers);
        free(p);
        return NULL;
    }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    pthread_cond_init(&p->room, NULL);
    for (unsigned i = 0; i < workers; i++) {
        p->workers[i].pool = p;
        if (pthread_create(&p->workers[i].thread, NULL, work, &p->workers[i]) != 0)
            break;
        p->nworkers++;
    }
    if (p->nworkers == 0) {
        tqc_pool_free(p);
        return NULL;
    }
    return p;
}

void tqc_pool_free(tqc_pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stopping = true;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (unsigned i = 0; i < p->nworkers; i++)
        pthread_join(p->workers[i].thread, NULL);
    /* Workers finish the tasks they claimed before they stop; the rest never ran. */
    for (size_t n = p->returned; n < p->submitted; n++) {
        task *t = &p->ring[n % p->cap];
        if (t->drop)
            t->drop(t->arg, n < p->claimed);
    }
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_cond_destroy(&p->room);
    pthread_mutex_destroy(&p->mu);
    free(p->ring);
    free(p->workers);
    free(p);
}

size_t tqc_pool_pending(tqc_pool *p)
{
    pthread_mutex_lock(&p->mu);
    size_t n = p->submitted - p->returned;
    pthread_mutex_unlock(&p->mu);
    return n;
}

bool tqc_pool_has_room(tqc_pool *p)
{
    return tqc_pool_pending(p) < p->cap;
}

/* Waits for room (the lock is held). */
static void wait_room(tqc_pool *p)
{
    while (p->submitted - p->returned == p->cap) {
        p->submitter_waiting = true;
        pthread_cond_wait(&p->room, &p->mu);
        p->submitter_waiting = false;
    }
}

void tqc_pool_wait_room(tqc_pool *p)
{
    pthread_mutex_lock(&p->mu);
    wait_room(p);
    pthread_mutex_unlock(&p->mu);
}

void tqc_pool_run(tqc_pool *p, tqc_pool_fn fn, tqc_pool_drop drop, void *arg)
{
    pthread_mutex_lock(&p->mu);
    wait_room(p);
    p->ring[p->submitted++ % p->cap] = (task){fn, drop, arg, TASK_QUEUED};
    if (p->work_waiters)
        pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
}

bool tqc_pool_take(tqc_pool *p, void **arg)
{
    pthread_mutex_lock(&p->mu);
    if (p->returned == p->submitted) {
        pthread_mutex_unlock(&p->mu);
        return false;
    }
    task *t = &p->ring[p->returned % p->cap];
    while (t->state != TASK_DONE) {
        p->taker_waiting = true;
        pthread_cond_wait(&p->done, &p->mu);
        p->taker_waiting = false;
    }
    *arg = t->arg;
    p->returned++;
    if (p->submitter_waiting)
        pthread_cond_signal(&p->room);
    pthread_mutex_unlock(&p->mu);
    return true;
}

/* ---- docs ---- */

/* Checkers a worker clones (one per language a file mixes, rarely more than one). */
#define POOL_MAX_CLONES 8

typedef struct doc_task {
    tqc_checker *proto;
    tqc_doc *doc;
    tqc_findings found;
    tqc_status st;
} doc_task;

/* A doc worker's clones of the checkers it was handed. */
typedef struct clones {
    tqc_checker *proto[POOL_MAX_CLONES], *clone[POOL_MAX_CLONES];
    size_t count;
} clones;

static void free_clones(void *local)
{
    clones *c = local;
    for (size_t i = 0; i < c->count; i++)
        tqc_checker_free(c->clone[i]);
    free(c);
}

static tqc_checker *clone_for(void **local, tqc_checker *proto)
{
    clones *c = *local;
    if (!c && !(c = *local = tqc_calloc(1, sizeof *c)))
        return NULL;
    for (size_t i = 0; i < c->count; i++)
        if (c->proto[i] == proto)
            return c->clone[i];
    if (c->count == POOL_MAX_CLONES) {
        for (size_t i = 0; i < c->count; i++)
            tqc_checker_free(c->clone[i]);
        c->count = 0;
    }
    char err[256];
    tqc_checker *ck;
    if (tqc_checker_clone(proto, &ck, err, sizeof err) != TQC_OK)
        return NULL;
    c->proto[c->count] = proto;
    c->clone[c->count++] = ck;
    return ck;
}

static void check_task(void *arg, void **local)
{
    doc_task *t = arg;
    tqc_findings_init(&t->found, t->doc);
    tqc_checker *ck = clone_for(local, t->proto);
    t->st = ck ? tqc_check_doc(ck, t->doc, &t->found) : TQC_ENOMEM;
}

static void drop_doc(void *arg, bool ran)
{
    doc_task *t = arg;
    if (ran)
        tqc_findings_release(&t->found);
    tqc_doc_free(t->doc);
    free(t);
}

tqc_pool *tqc_pool_new(unsigned workers)
{
    return tqc_pool_new_tasks(workers, (size_t)(workers ? workers : 1) + 1, free_clones);
}

tqc_status tqc_pool_submit(tqc_pool *p, tqc_checker *ck, tqc_doc *doc)
{
    doc_task *t = tqc_calloc(1, sizeof *t);
    if (!t) {
        tqc_doc_free(doc);
        return TQC_ENOMEM;
    }
    *t = (doc_task){.proto = ck, .doc = doc};
    tqc_pool_run(p, check_task, drop_doc, t);
    return TQC_OK;
}

bool tqc_pool_next(tqc_pool *p, tqc_doc **doc, tqc_findings *found, tqc_status *st)
{
    void *arg;
    if (!tqc_pool_take(p, &arg))
        return false;
    doc_task *t = arg;
    *doc = t->doc;
    *found = t->found;
    *st = t->st;
    free(t);
    return true;
}
