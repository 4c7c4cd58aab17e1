/* verdicts: a dictionary's word verdicts kept between runs, in a compiled file that is
 * mapped read-only (issue 15). Loading a Hunspell dictionary costs tens to hundreds of
 * milliseconds, more than checking an article; with every word an article asks already
 * decided in this file, the dictionary is never opened (lang/dict.c opens Hunspell only
 * for a word the file lacks).
 *
 * The file is an open-addressing hash table: a header (magic, format version, the key,
 * slot and record counts, a checksum of itself and of the block sums), a checksum of
 * each 4 KiB block of the body, then the body: 32-bit slots, then records (length,
 * verdict bits, the word's bytes). The key is the caller's hash of everything that
 * decides a verdict (the dictionary files' identity, the word lists' text); a file whose
 * key, size, layout or header checksum does not match is not trusted: it is ignored and
 * replaced by the next write. A block is checked when a lookup first reads it, so a run
 * reads the pages it probes, not the whole file; a block that does not match makes the
 * file answer nothing from then on, and the next write replaces it whole. */
#ifndef TQC_VERDICTS_H
#define TQC_VERDICTS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/status.h"
#include "core/strmap.h"

typedef struct tqc_verdicts tqc_verdicts;

/* Maps the file at path if it is whole and was written for key; NULL otherwise (absent,
 * stale, corrupt, or out of memory). */
tqc_verdicts *tqc_verdicts_open(const char *path, uint64_t key);
void tqc_verdicts_free(tqc_verdicts *v);   /* accepts NULL */

/* The verdict bits stored for word (len bytes); 0 when the file lacks it or v is NULL. */
uint8_t tqc_verdicts_get(const tqc_verdicts *v, const char *word, size_t len);
/* How many words v holds (0 for NULL). */
size_t tqc_verdicts_count(const tqc_verdicts *v);

/* One map of verdicts to write: a word's value v sets its bits v << shift. A part
 * without a map hands its words through each (src its first argument): each calls visit
 * with every word and value, stopping (and returning false) when visit returns false. */
typedef bool (*tqc_verdicts_visit_fn)(void *ctx, const char *word, size_t len, uint64_t value);
typedef struct tqc_verdicts_part {
    const tqc_strmap *map;
    unsigned shift;
    bool (*each)(const void *src, tqc_verdicts_visit_fn visit, void *ctx);
    const void *src;
} tqc_verdicts_part;

/* Writes a new file at path for key: the words of old (may be NULL) with the bits of
 * each part's words added (in order: when the file is full, at max_words words, the
 * words kept are the older ones). Written to a temporary file in the same folder and
 * renamed over path, so a reader sees the old file or the new one, whole. */
tqc_status tqc_verdicts_write(const char *path, uint64_t key, const tqc_verdicts *old,
                              const tqc_verdicts_part *parts, size_t nparts, size_t max_words);

/* Deletes the verdict files that keep_path's replaces. keep_path names
 * <dir>/<prefix><group>-<key>.bin, group and key 16 hex digits each (group: what the
 * dictionary files and the logic give; key: that with the word lists). In dir, a file
 * <prefix><other group>-<any key>.bin is stale and deleted, as is one of the older
 * naming with a single key (<prefix><key>.bin); of the files of the same
 * group with another key (other word lists: another project's) the max_same newest stay.
 * Files of other prefixes, temporary files and anything named otherwise are left alone.
 * Best effort: what cannot be read or deleted stays. */
void tqc_verdicts_prune(const char *keep_path, size_t max_same);

/* The folder of tqc's cache files: $TQC_CACHE_DIR (set but empty: none), else
 * $XDG_CACHE_HOME/tqc, else ~/.cache/tqc; into out. false when there is none. */
bool tqc_cache_dir(char *out, size_t cap);
/* The folder of cache files that `make install` builds beside the data: <data>/cache,
 * where data_file is a path inside <data>/dictionaries/ (the last such component); into
 * out. Read only (a run writes to tqc_cache_dir); false when data_file is not under
 * dictionaries/ or the cache is turned off (TQC_CACHE_DIR set empty). */
bool tqc_cache_installed_dir(const char *data_file, char *out, size_t cap);
/* Writes len bytes to path (a cache file) whole or not at all: a temporary file beside
 * it, renamed over it; missing folders of path are created. */
tqc_status tqc_cache_write(const char *path, const void *data, size_t len);

/* The 64-bit checksum the file uses, for callers building a key. */
uint64_t tqc_verdicts_hash(uint64_t seed, const void *data, size_t len);

/* The block check of a mapped cache file (this one and lang/forms.h's): its body is
 * checksummed in blocks of block bytes, block b's sum tqc_verdicts_hash(b, its bytes).
 * A block is hashed when a read first needs it; one that does not match makes the
 * whole file untrusted from then on. Threads share it. */
typedef struct tqc_cache_blocks {
    const unsigned char *body;
    uint64_t body_len;
    const uint64_t *sums;        /* one a block */
    uint64_t nblocks, block;
    _Atomic uint64_t *checked;   /* one bit a block whose sum matched; then a word, nonzero
                                  * once one did not */
} tqc_cache_blocks;

/* false when out of memory (then c holds nothing to free). */
bool tqc_cache_blocks_init(tqc_cache_blocks *c, const unsigned char *body, uint64_t body_len,
                           const uint64_t *sums, uint64_t nblocks, uint64_t block);
void tqc_cache_blocks_free(tqc_cache_blocks *c);
/* Whether a block did not match. */
bool tqc_cache_blocks_damaged(const tqc_cache_blocks *c);
/* tqc_cache_blocks_trusted's work past its first test. */
bool tqc_cache_blocks_check(const tqc_cache_blocks *c, uint64_t off, uint64_t len);
/* The test both trusted functions make first: the range lies in one block checked before
 * and no block did not match. Inline: a lookup asks it several times. */
static inline bool tqc_cache_blocks_seen(const tqc_cache_blocks *c, uint64_t off, uint64_t len)
{
    uint64_t b = off / c->block;
    return len != 0 && off + len <= c->body_len && b == (off + len - 1) / c->block &&
           (atomic_load_explicit(&c->checked[b / 64], memory_order_acquire) & (1ull << (b % 64))) &&
           !atomic_load_explicit(&c->checked[c->nblocks / 64 + 1], memory_order_relaxed);
}
/* Whether the body bytes [off, off + len) lie in blocks whose sums match (false for an
 * empty or out-of-bounds range, and once any block did not match). */
static inline bool tqc_cache_blocks_trusted(const tqc_cache_blocks *c, uint64_t off, uint64_t len)
{
    return tqc_cache_blocks_seen(c, off, len) || tqc_cache_blocks_check(c, off, len);
}

/* tqc_cache_blocks_trusted for a caller that reads the body with pread from fd (the
 * body starting at body_at in the file) instead of through the mapping: a block not yet
 * checked is read from the file to be checked, so the check maps no page. */
bool tqc_cache_blocks_check_read(const tqc_cache_blocks *c, int fd, uint64_t body_at,
                                 uint64_t off, uint64_t len);
static inline bool tqc_cache_blocks_trusted_read(const tqc_cache_blocks *c, int fd,
                                                 uint64_t body_at, uint64_t off, uint64_t len)
{
    return tqc_cache_blocks_seen(c, off, len) ||
           tqc_cache_blocks_check_read(c, fd, body_at, off, len);
}

#endif
