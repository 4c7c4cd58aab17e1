#include "core/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

/* Keys live in large blocks, not one allocation each: the maps hold hundreds of
 * thousands of short words, and a malloc per word costs both time and memory. */
#define KEY_BLOCK_SIZE (64 * 1024)
#define KEY_FIRST_BLOCK 256

typedef struct entry {
    const char *key;
    size_t len;
    uint64_t hash;
    uint64_t value;
} entry;

typedef struct key_block {
    struct key_block *next;
    size_t used, cap;
    char bytes[];
} key_block;

struct tqc_strmap {
    entry *entries;     /* insertion order */
    size_t count, cap;
    /* Open addressing. A slot is the key's hash tag (high 32 bits) and its entry's
     * index + 1 (low 32 bits; 0 = empty), so a probe that meets another key rejects
     * it without touching the entry or its bytes. */
    uint64_t *slots;
    size_t nslots;      /* power of two */
    key_block *keys;
};

uint64_t tqc_strmap_hash(const char *s, size_t len)
{
    /* FNV-1a: short words dominate, and it is fast and good enough for them. */
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t tag_of(uint64_t hash) { return hash & 0xFFFFFFFF00000000ULL; }

tqc_strmap *tqc_strmap_new(void)
{
    return tqc_calloc(1, sizeof(tqc_strmap));
}

void tqc_strmap_free(tqc_strmap *map)
{
    if (!map)
        return;
    for (key_block *b = map->keys, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(map->entries);
    free(map->slots);
    free(map);
}

static size_t find_slot(const tqc_strmap *map, const char *key, size_t len, uint64_t h)
{
    size_t mask = map->nslots - 1;
    uint64_t tag = tag_of(h);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint64_t s = map->slots[i];
        if (s == 0)
            return i;
        if ((s & 0xFFFFFFFF00000000ULL) == tag) {
            const entry *e = &map->entries[(uint32_t)s - 1];
            if (e->len == len && memcmp(e->key, key, len) == 0)
                return i;
        }
    }
}

/* Indexes the map's entries in slots (n of them, zeroed, a power of two). */
static void index_entries(tqc_strmap *map, uint64_t *slots, size_t n)
{
    map->slots = slots;
    map->nslots = n;
    for (size_t i = 0; i < map->count; i++) {
        size_t mask = n - 1, j = map->entries[i].hash & mask;
        while (slots[j])
            j = (j + 1) & mask;
        slots[j] = tag_of(map->entries[i].hash) | (uint64_t)(i + 1);
    }
}

static bool grow_slots(tqc_strmap *map)
{
    size_t n = map->nslots ? map->nslots * 2 : 64;
    if (map->count >= UINT32_MAX)
        return false;
    uint64_t *slots = tqc_calloc(n, sizeof *slots);
    if (!slots)
        return false;
    free(map->slots);
    index_entries(map, slots, n);
    return true;
}

/* A NUL-terminated copy of key in the map's key blocks, or NULL. */
static const char *store_key(tqc_strmap *map, const char *key, size_t len)
{
    key_block *b = map->keys;
    if (!b || b->cap - b->used < len + 1) {
        /* Blocks double from KEY_FIRST_BLOCK up to KEY_BLOCK_SIZE: most maps are short
         * word lists (issue 15: a full first block each made the six languages' lists
         * 11 MB for 180 KB of words). */
        size_t want = !b ? KEY_FIRST_BLOCK
                    : b->cap >= KEY_BLOCK_SIZE / 2 ? KEY_BLOCK_SIZE : b->cap * 2;
        size_t cap = len + 1 > want ? len + 1 : want;
        key_block *nb = tqc_malloc(sizeof *nb + cap);
        if (!nb)
            return NULL;
        nb->used = 0;
        nb->cap = cap;
        /* An oversized key gets a block of its own behind the current one, so the
         * current block's free room is not wasted. */
        if (b && cap > want) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            map->keys = nb;
        }
        b = nb;
    }
    char *copy = b->bytes + b->used;
    memcpy(copy, key, len);
    copy[len] = '\0';
    b->used += len + 1;
    return copy;
}

bool tqc_strmap_put(tqc_strmap *map, const char *key, size_t len, uint64_t value)
{
    uint64_t h = tqc_strmap_hash(key, len);
    if (map->nslots) {
        size_t i = find_slot(map, key, len, h);
        if (map->slots[i]) {
            map->entries[(uint32_t)map->slots[i] - 1].value = value;
            return true;
        }
    }
    /* Keep the load factor under 1/2 so probes stay short. */
    if ((map->count + 1) * 2 > map->nslots && !grow_slots(map))
        return false;
    if (map->count == map->cap) {
        size_t cap = map->cap ? map->cap * 2 : 32;
        entry *e = tqc_realloc(map->entries, cap * sizeof *e);
        if (!e)
            return false;
        map->entries = e;
        map->cap = cap;
    }
    const char *copy = store_key(map, key, len);
    if (!copy)
        return false;
    map->entries[map->count] = (entry){copy, len, h, value};
    map->slots[find_slot(map, key, len, h)] = tag_of(h) | (uint64_t)(map->count + 1);
    map->count++;
    return true;
}

bool tqc_strmap_get(const tqc_strmap *map, const char *key, size_t len, uint64_t *value)
{
    return tqc_strmap_get_hashed(map, key, len, tqc_strmap_hash(key, len), value);
}

bool tqc_strmap_get_hashed(const tqc_strmap *map, const char *key, size_t len, uint64_t hash,
                           uint64_t *value)
{
    if (!map || !map->nslots)
        return false;
    size_t i = find_slot(map, key, len, hash);
    if (!map->slots[i])
        return false;
    if (value)
        *value = map->entries[(uint32_t)map->slots[i] - 1].value;
    return true;
}

size_t tqc_strmap_count(const tqc_strmap *map)
{
    return map ? map->count : 0;
}

const char *tqc_strmap_key(const tqc_strmap *map, size_t i, size_t *len)
{
    if (len)
        *len = map->entries[i].len;
    return map->entries[i].key;
}

uint64_t tqc_strmap_value(const tqc_strmap *map, size_t i)
{
    return map->entries[i].value;
}

void tqc_strmap_retain(tqc_strmap *map,
                       bool (*keep)(void *ctx, const char *key, size_t len, uint64_t *value),
                       void *ctx)
{
    size_t kept = 0;
    for (size_t i = 0; i < map->count; i++) {
        entry e = map->entries[i];
        if (keep(ctx, e.key, e.len, &e.value))
            map->entries[kept++] = e;
    }
    if (kept == map->count)
        return;
    map->count = kept;
    /* A smaller index when one can be had; else the old one, rebuilt. */
    size_t n = 64;
    while (n < 2 * (kept + 1))
        n *= 2;
    uint64_t *slots = n < map->nslots ? tqc_calloc(n, sizeof *slots) : NULL;
    if (slots) {
        free(map->slots);
    } else {
        slots = map->slots;
        n = map->nslots;
        memset(slots, 0, n * sizeof *slots);
    }
    index_entries(map, slots, n);
    entry *e = kept ? tqc_realloc(map->entries, kept * sizeof *e) : NULL;
    if (e) {
        map->entries = e;
        map->cap = kept;
    }
}
