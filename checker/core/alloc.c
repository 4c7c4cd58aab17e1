/* alloc: malloc with a test switch that fails one chosen call. */
#include "core/alloc.h"

#include <stdatomic.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Calls since the switch was set, and the call that fails (0: none). Atomic because
 * the worker pool allocates from several threads. */
static atomic_ulong calls;
static atomic_ulong fail_at;
static atomic_int failed;

static int should_fail(void)
{
    if (atomic_load_explicit(&fail_at, memory_order_relaxed) == 0)
        return 0;
    unsigned long n = atomic_fetch_add_explicit(&calls, 1, memory_order_relaxed) + 1;
    if (n != atomic_load_explicit(&fail_at, memory_order_relaxed))
        return 0;
    atomic_store(&failed, 1);
    return 1;
}

void *tqc_malloc(size_t size)
{
    return should_fail() ? NULL : malloc(size);
}

void *tqc_calloc(size_t count, size_t size)
{
    return should_fail() ? NULL : calloc(count, size);
}

void *tqc_realloc(void *p, size_t size)
{
    return should_fail() ? NULL : realloc(p, size);
}

void tqc_alloc_trim(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

void tqc_alloc_fail_at(unsigned long n)
{
    atomic_store(&calls, 0);
    atomic_store(&failed, 0);
    atomic_store(&fail_at, n);
}

int tqc_alloc_failed(void)
{
    return atomic_load(&failed);
}

unsigned long tqc_alloc_count(void)
{
    return atomic_load(&calls);
}
