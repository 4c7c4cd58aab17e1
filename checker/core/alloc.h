/* alloc: the allocator every tqc library function calls instead of malloc, calloc,
 * realloc and strdup, so that tests can make the N-th allocation fail and check that
 * each failure ends in a clean TQC_ENOMEM (no crash, no leak). Failing is off unless a
 * test turns it on; then each call costs one atomic increment. Allocations made inside
 * hunspell, libxml2, sqlite3 or jansson are theirs and never fail on purpose.
 * Memory from these functions is released with free(). */
#ifndef TQC_ALLOC_H
#define TQC_ALLOC_H

#include <stddef.h>

/* As malloc, calloc and realloc, but may fail on purpose (see tqc_alloc_fail_at). */
void *tqc_malloc(size_t size);
void *tqc_calloc(size_t count, size_t size);
void *tqc_realloc(void *p, size_t size);

/* Hands the pages of freed memory back to the system (glibc's malloc_trim; a no-op
 * elsewhere): after a large structure of many small blocks is freed (a Hunspell
 * dictionary), its pages would otherwise stay in the peak, and in another thread's
 * arena no later allocation of this thread could reuse them. */
void tqc_alloc_trim(void);

/* Test hook: the n-th allocation from now fails (n >= 1), and every later one succeeds
 * again; n = 0 turns failing off. Not for concurrent use with running checks. */
void tqc_alloc_fail_at(unsigned long n);
/* Test hook: true once the planned failure has happened (since tqc_alloc_fail_at). */
int tqc_alloc_failed(void);
/* Test hook: allocations counted since the last tqc_alloc_fail_at call. */
unsigned long tqc_alloc_count(void);

#endif
