/* arena: a bump allocator for data that lives exactly as long as one document
 * (findings, messages, suggestions). Everything allocated from an arena is freed
 * at once by tqc_arena_free; nothing in it is freed one by one. */
#ifndef TQC_ARENA_H
#define TQC_ARENA_H

#include <stddef.h>

typedef struct tqc_arena tqc_arena;

/* A new empty arena, or NULL when out of memory. */
tqc_arena *tqc_arena_new(void);
/* Frees the arena and everything allocated from it; accepts NULL. */
void tqc_arena_free(tqc_arena *arena);
/* Forgets every allocation but keeps the first block for reuse. */
void tqc_arena_reset(tqc_arena *arena);
/* size bytes aligned for any type, or NULL when out of memory. */
void *tqc_arena_alloc(tqc_arena *arena, size_t size);
/* A NUL-terminated copy of the len bytes at s, or NULL when out of memory. */
char *tqc_arena_strndup(tqc_arena *arena, const char *s, size_t len);

#endif
