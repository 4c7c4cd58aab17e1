#include "run/pool.h"

#include <pthread.h>
#include <stdlib.h>

#include "core/alloc.h"

/* Checkers a worker clones (one per language a file mixes, rarely more than one). */
#define POOL_MAX_CLONES 8

enum { JOB_QUEUED, JOB_DONE };

typedef struct job {
    tqc_checker *proto;
    tqc_doc *doc;
    tqc_findings found;
    tqc_status st;
    int state;
} job;

typedef struct worker {
    struct tqc_pool *pool;
    pthread_t thread;
    tqc_checker *proto[POOL_MAX_CLONES], *clone[POOL_MAX_CLONES];
    size_t clones;
} worker;

/* Jobs are numbered in submission order; job n lives in ring[n % cap] from its
 * submission until it is taken back, so at most cap are in flight. */
struct tqc_pool {
    pthread_mutex_t mu;
    pthread_cond_t work;    /* workers: a job was queued, or stop */
    pthread_cond_t done;    /* the submitter: a job is done */
    pthread_cond_t room;    /* the submitter: a job was taken back */
    job *ring;
    size_t cap;
    size_t submitted, claimed, returned;
    bool stopping;
    worker *workers;
    unsigned nworkers;
};

static tqc_checker *clone_for(worker *w, tqc_checker *proto)
{
    for (size_t i = 0; i < w->clones; i++)
        if (w->proto[i] == proto)
            return w->clone[i];
    if (w->clones == POOL_MAX_CLONES) {
        for (size_t i = 0; i < w->clones; i++)
            tqc_checker_free(w->clone[i]);
        w->clones = 0;
    }
    char err[256];
    tqc_checker *ck;
    if (tqc_checker_clone(proto, &ck, err, sizeof err) != TQC_OK)
        return NULL;
    w->proto[w->clones] = proto;
    w->clone[w->clones++] = ck;
    return ck;
}

static void *work(void *arg)
{
    worker *w = arg;
    tqc_pool *p = w->pool;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->stopping && p->claimed == p->submitted)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->stopping) {
            pthread_mutex_unlock(&p->mu);
            break;
        }
        job *j = &p->ring[p->claimed++ % p->cap];
        pthread_mutex_unlock(&p->mu);

        tqc_findings_init(&j->found, j->doc);
        tqc_checker *ck = clone_for(w, j->proto);
        j->st = ck ? tqc_check_doc(ck, j->doc, &j->found) : TQC_ENOMEM;

        pthread_mutex_lock(&p->mu);
        j->state = JOB_DONE;
        pthread_cond_signal(&p->done);
        pthread_mutex_unlock(&p->mu);
    }
    for (size_t i = 0; i < w->clones; i++)
        tqc_checker_free(w->clone[i]);
    return NULL;
}

tqc_pool *tqc_pool_new(unsigned workers)
{
    if (workers == 0)
        workers = 1;
    tqc_pool *p = tqc_calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->cap = (size_t)workers + 1;
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
    /* Workers finish the jobs they claimed before they stop; the rest never started. */
    for (size_t n = p->returned; n < p->submitted; n++) {
        job *j = &p->ring[n % p->cap];
        if (n < p->claimed)
            tqc_findings_release(&j->found);
        tqc_doc_free(j->doc);
    }
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_cond_destroy(&p->room);
    pthread_mutex_destroy(&p->mu);
    free(p->ring);
    free(p->workers);
    free(p);
}

size_t tqc_pool_pending(const tqc_pool *p)
{
    /* Only the submitting thread changes submitted and returned. */
    return p->submitted - p->returned;
}

bool tqc_pool_has_room(const tqc_pool *p)
{
    return tqc_pool_pending(p) < p->cap;
}

tqc_status tqc_pool_submit(tqc_pool *p, tqc_checker *ck, tqc_doc *doc)
{
    pthread_mutex_lock(&p->mu);
    while (p->submitted - p->returned == p->cap)
        pthread_cond_wait(&p->room, &p->mu);
    p->ring[p->submitted++ % p->cap] = (job){.proto = ck, .doc = doc, .state = JOB_QUEUED};
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    return TQC_OK;
}

bool tqc_pool_next(tqc_pool *p, tqc_doc **doc, tqc_findings *found, tqc_status *st)
{
    pthread_mutex_lock(&p->mu);
    if (p->returned == p->submitted) {
        pthread_mutex_unlock(&p->mu);
        return false;
    }
    job *j = &p->ring[p->returned % p->cap];
    while (j->state != JOB_DONE)
        pthread_cond_wait(&p->done, &p->mu);
    *doc = j->doc;
    *found = j->found;
    *st = j->st;
    p->returned++;
    pthread_cond_signal(&p->room);
    pthread_mutex_unlock(&p->mu);
    return true;
}
