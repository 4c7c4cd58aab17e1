#include "core/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

/* Large enough that a typical article needs one block. */
#define ARENA_BLOCK_SIZE (64 * 1024)

typedef struct block {
    struct block *next;
    size_t size, used;
    alignas(max_align_t) unsigned char data[];
} block;

struct tqc_arena {
    block *head;
};

tqc_arena *tqc_arena_new(void)
{
    return tqc_calloc(1, sizeof(tqc_arena));
}

void tqc_arena_free(tqc_arena *arena)
{
    if (!arena)
        return;
    for (block *b = arena->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(arena);
}

void tqc_arena_reset(tqc_arena *arena)
{
    if (!arena || !arena->head)
        return;
    block *last = arena->head;
    for (block *b = arena->head->next, *next; b; b = next) {
        next = b->next;
        free(last);
        last = b;
    }
    last->next = NULL;
    last->used = 0;
    arena->head = last;
}

void *tqc_arena_alloc(tqc_arena *arena, size_t size)
{
    const size_t align = alignof(max_align_t);
    if (size > SIZE_MAX - align)
        return NULL;
    size = (size + align - 1) & ~(align - 1);
    block *b = arena->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE;
        if (cap > SIZE_MAX - sizeof(block))
            return NULL;
        block *nb = tqc_malloc(sizeof(block) + cap);
        if (!nb)
            return NULL;
        nb->size = cap;
        nb->used = 0;
        /* Keep a partly used head in front when the new block is an oversize one-off. */
        if (b && cap > ARENA_BLOCK_SIZE) {
            nb->next = b->next;
            b->next = nb;
            nb->used = size;
            return nb->data;
        }
        nb->next = b;
        arena->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

char *tqc_arena_strndup(tqc_arena *arena, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = tqc_arena_alloc(arena, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
