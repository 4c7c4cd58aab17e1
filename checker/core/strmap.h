/* strmap: a hash map from byte strings to 64-bit values, used for word lists,
 * frequency tables and verdict caches. The map owns copies of its keys.
 * Not thread-safe for writers; concurrent readers are fine. */
#ifndef TQC_STRMAP_H
#define TQC_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tqc_strmap tqc_strmap;

/* A new empty map, or NULL when out of memory. */
tqc_strmap *tqc_strmap_new(void);
/* Frees the map and its keys; accepts NULL. */
void tqc_strmap_free(tqc_strmap *map);
/* Sets key (len bytes) to value, adding it if absent. false when out of memory. */
bool tqc_strmap_put(tqc_strmap *map, const char *key, size_t len, uint64_t value);
/* true and *value (if value is not NULL) when key is present. map may be NULL. */
bool tqc_strmap_get(const tqc_strmap *map, const char *key, size_t len, uint64_t *value);
/* The hash the map uses for key; with tqc_strmap_get_hashed, a caller that needs the
 * hash for its own purposes (a cache in front of the map) computes it once. */
uint64_t tqc_strmap_hash(const char *key, size_t len);
/* tqc_strmap_get with hash = tqc_strmap_hash(key, len). */
bool tqc_strmap_get_hashed(const tqc_strmap *map, const char *key, size_t len, uint64_t hash,
                           uint64_t *value);
/* Number of keys. */
size_t tqc_strmap_count(const tqc_strmap *map);
/* The i-th key in insertion order (0 <= i < count), NUL-terminated; *len gets its
 * length when len is not NULL. Valid until the map is freed. */
const char *tqc_strmap_key(const tqc_strmap *map, size_t i, size_t *len);
/* The value of the i-th key in insertion order. */
uint64_t tqc_strmap_value(const tqc_strmap *map, size_t i);
/* Visits every key in insertion order; keep may change *value, and the keys it returns
 * false for are dropped, the others keeping their order. The map's index then fits what
 * is left (a large map filtered in place instead of copied: a compiled dictionary's
 * build holds millions of forms); the dropped keys' bytes stay until the map is freed. */
void tqc_strmap_retain(tqc_strmap *map,
                       bool (*keep)(void *ctx, const char *key, size_t len, uint64_t *value),
                       void *ctx);

#endif
