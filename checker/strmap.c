#include "strmap.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *key;
    size_t len;
    uint64_t hash;
    uint64_t value;
} entry;

struct tqc_strmap {
    entry *entries;     /* insertion order */
    size_t count, cap;
    uint32_t *slots;    /* open addressing: index + 1 into entries, 0 = empty */
    size_t nslots;      /* power of two */
};

static uint64_t hash_bytes(const char *s, size_t len)
{
    /* FNV-1a: short words dominate, and it is fast and good enough for them. */
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

tqc_strmap *tqc_strmap_new(void)
{
    return calloc(1, sizeof(tqc_strmap));
}

void tqc_strmap_free(tqc_strmap *map)
{
    if (!map)
        return;
    for (size_t i = 0; i < map->count; i++)
        free(map->entries[i].key);
    free(map->entries);
    free(map->slots);
    free(map);
}

static size_t find_slot(const tqc_strmap *map, const char *key, size_t len, uint64_t h)
{
    size_t mask = map->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t s = map->slots[i];
        if (s == 0)
            return i;
        const entry *e = &map->entries[s - 1];
        if (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0)
            return i;
    }
}

static bool grow_slots(tqc_strmap *map)
{
    size_t n = map->nslots ? map->nslots * 2 : 64;
    if (n > UINT32_MAX)
        return false;
    uint32_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return false;
    free(map->slots);
    map->slots = slots;
    map->nslots = n;
    for (size_t i = 0; i < map->count; i++) {
        size_t mask = n - 1, j = map->entries[i].hash & mask;
        while (slots[j])
            j = (j + 1) & mask;
        slots[j] = (uint32_t)(i + 1);
    }
    return true;
}

bool tqc_strmap_put(tqc_strmap *map, const char *key, size_t len, uint64_t value)
{
    uint64_t h = hash_bytes(key, len);
    if (map->nslots) {
        size_t i = find_slot(map, key, len, h);
        if (map->slots[i]) {
            map->entries[map->slots[i] - 1].value = value;
            return true;
        }
    }
    /* Keep the load factor under 1/2 so probes stay short. */
    if ((map->count + 1) * 2 > map->nslots && !grow_slots(map))
        return false;
    if (map->count == map->cap) {
        size_t cap = map->cap ? map->cap * 2 : 32;
        entry *e = realloc(map->entries, cap * sizeof *e);
        if (!e)
            return false;
        map->entries = e;
        map->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return false;
    memcpy(copy, key, len);
    copy[len] = '\0';
    map->entries[map->count] = (entry){copy, len, h, value};
    map->slots[find_slot(map, key, len, h)] = (uint32_t)(map->count + 1);
    map->count++;
    return true;
}

bool tqc_strmap_get(const tqc_strmap *map, const char *key, size_t len, uint64_t *value)
{
    if (!map || !map->nslots)
        return false;
    size_t i = find_slot(map, key, len, hash_bytes(key, len));
    if (!map->slots[i])
        return false;
    if (value)
        *value = map->entries[map->slots[i] - 1].value;
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
