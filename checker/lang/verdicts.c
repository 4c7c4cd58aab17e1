#include "lang/verdicts.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"

/* Bump when the layout or the meaning of the bits changes: older files are then stale. */
#define VERDICTS_MAGIC "TQCVRD02"
#define VERDICTS_MAX_WORD 255
/* The body (slots and records) is checksummed in blocks of this many bytes, each checked
 * when a lookup first reads it: a start reads the header and the block sums only, so a
 * file of a million words costs a one-article run the few pages it probes, not its size. */
#define VERDICTS_BLOCK 4096

typedef struct header {
    char magic[8];
    uint64_t key;
    uint64_t head_sum;   /* tqc_verdicts_hash of this header (head_sum 0) and the block sums */
    uint32_t slots;      /* a power of two */
    uint32_t count;
    uint64_t data_len;   /* bytes of records after the slots */
    uint64_t nblocks;    /* VERDICTS_BLOCK blocks of the body; their sums follow the header */
} header;

struct tqc_verdicts {
    const unsigned char *map;
    size_t size;
    const unsigned char *body;   /* the slots, then the records */
    uint64_t body_len;
    const uint32_t *slot;        /* 0: empty; else 1 + the record's offset in data */
    const unsigned char *data;
    uint32_t slots, count;
    uint64_t data_len;
    tqc_cache_blocks blocks;     /* a block that does not match: the file answers nothing */
};

uint64_t tqc_verdicts_hash(uint64_t seed, const void *data, size_t len)
{
    /* Eight bytes a step: checking a few megabytes at every start must stay cheap. */
    const unsigned char *p = data;
    uint64_t h = seed ^ 0x9E3779B97F4A7C15ull ^ len;
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0x100000001B3ull;
        h ^= h >> 29;
        p += 8;
        len -= 8;
    }
    while (len--)
        h = (h ^ *p++) * 0x100000001B3ull;
    h ^= h >> 32;
    return h;
}

tqc_verdicts *tqc_verdicts_open(const char *path, uint64_t key)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat sb;
    header h;
    tqc_verdicts *v = NULL;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || (size_t)sb.st_size < sizeof h)
        goto out;
    void *m = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED)
        goto out;
    memcpy(&h, m, sizeof h);
    size_t size = (size_t)sb.st_size;
    uint64_t body_len = size - sizeof h;
    /* Everything the header says must agree with the file before a byte is trusted. */
    bool ok = memcmp(h.magic, VERDICTS_MAGIC, 8) == 0 && h.key == key && h.slots >= 16 &&
              (h.slots & (h.slots - 1)) == 0 && h.count < h.slots &&
              h.nblocks <= body_len / 8;
    if (ok) {
        body_len -= h.nblocks * 8;
        ok = (body_len + VERDICTS_BLOCK - 1) / VERDICTS_BLOCK == h.nblocks &&
             (uint64_t)h.slots * 4 <= body_len && h.data_len == body_len - (uint64_t)h.slots * 4;
    }
    if (ok) {
        header z = h;
        z.head_sum = 0;
        uint64_t sum = tqc_verdicts_hash(key, &z, sizeof z);
        ok = tqc_verdicts_hash(sum, (const unsigned char *)m + sizeof h, h.nblocks * 8) ==
             h.head_sum;
    }
    const unsigned char *sums = (const unsigned char *)m + sizeof h;
    if (ok && (!(v = tqc_calloc(1, sizeof *v)) ||
               !tqc_cache_blocks_init(&v->blocks, sums + h.nblocks * 8, body_len,
                                      (const uint64_t *)sums, h.nblocks, VERDICTS_BLOCK))) {
        free(v);
        v = NULL;
        ok = false;
    }
    if (!ok) {
        munmap(m, size);
        goto out;
    }
    /* Lookups probe scattered pages: without this the kernel maps the pages around each
     * one too, and the resident set grows with the file. */
    madvise(m, size, MADV_RANDOM);
    v->map = m;
    v->size = size;
    v->body = v->map + sizeof h + h.nblocks * 8;
    v->body_len = body_len;
    v->slot = (const uint32_t *)v->body;
    v->data = v->body + (size_t)h.slots * 4;
    v->slots = h.slots;
    v->count = h.count;
    v->data_len = h.data_len;
out:
    close(fd);
    return v;
}

void tqc_verdicts_free(tqc_verdicts *v)
{
    if (!v)
        return;
    munmap((void *)v->map, v->size);
    tqc_cache_blocks_free(&v->blocks);
    free(v);
}

size_t tqc_verdicts_count(const tqc_verdicts *v) { return v ? v->count : 0; }

bool tqc_cache_blocks_init(tqc_cache_blocks *c, const unsigned char *body, uint64_t body_len,
                           const uint64_t *sums, uint64_t nblocks, uint64_t block)
{
    *c = (tqc_cache_blocks){.body = body, .body_len = body_len, .sums = sums,
                            .nblocks = nblocks, .block = block};
    c->checked = tqc_calloc(nblocks / 64 + 2, sizeof *c->checked);
    return c->checked != NULL;
}

void tqc_cache_blocks_free(tqc_cache_blocks *c)
{
    free(c->checked);
    c->checked = NULL;
}

bool tqc_cache_blocks_damaged(const tqc_cache_blocks *c)
{
    return atomic_load_explicit(&c->checked[c->nblocks / 64 + 1], memory_order_relaxed) != 0;
}

/* The blocks of [off, off + len) checked, each block not yet checked read from fd (at
 * body_at in the file) into a buffer when fd >= 0, else from the mapping. */
static bool check_blocks(const tqc_cache_blocks *c, int fd, uint64_t body_at, uint64_t off,
                         uint64_t len)
{
    if (len == 0 || off + len > c->body_len || tqc_cache_blocks_damaged(c))
        return false;
    unsigned char buf[4096];
    if (c->block > sizeof buf)
        fd = -1;
    for (uint64_t b = off / c->block; b <= (off + len - 1) / c->block; b++) {
        uint64_t bit = 1ull << (b % 64);
        if (atomic_load_explicit(&c->checked[b / 64], memory_order_acquire) & bit)
            continue;
        uint64_t start = b * c->block, n = c->body_len - start;
        if (n > c->block)
            n = c->block;
        const unsigned char *bytes = c->body + start;
        if (fd >= 0) {
            if (pread(fd, buf, (size_t)n, (off_t)(body_at + start)) != (ssize_t)n)
                return false;   /* unreadable now: not a damaged file */
            bytes = buf;
        }
        if (tqc_verdicts_hash(b, bytes, n) != c->sums[b]) {
            atomic_store(&c->checked[c->nblocks / 64 + 1], 1);
            return false;
        }
        atomic_fetch_or_explicit(&c->checked[b / 64], bit, memory_order_release);
    }
    return true;
}

bool tqc_cache_blocks_check(const tqc_cache_blocks *c, uint64_t off, uint64_t len)
{
    return check_blocks(c, -1, 0, off, len);
}

bool tqc_cache_blocks_check_read(const tqc_cache_blocks *c, int fd, uint64_t body_at,
                                 uint64_t off, uint64_t len)
{
    return check_blocks(c, fd, body_at, off, len);
}

static bool trusted(const tqc_verdicts *v, uint64_t off, uint64_t len)
{
    return tqc_cache_blocks_trusted(&v->blocks, off, len);
}

/* The record at data offset off (its bytes checked): its word's length, 0 if none. */
static size_t record_at(const tqc_verdicts *v, uint64_t off)
{
    uint64_t base = (uint64_t)v->slots * 4;
    if (off + 2 > v->data_len || !trusted(v, base + off, 2) || off + 2 + v->data[off] > v->data_len ||
        !trusted(v, base + off, 2 + (uint64_t)v->data[off]))
        return 0;
    return v->data[off];
}

uint8_t tqc_verdicts_get(const tqc_verdicts *v, const char *word, size_t len)
{
    if (!v || len == 0 || len > VERDICTS_MAX_WORD)
        return 0;
    uint64_t h = tqc_strmap_hash(word, len);
    for (uint32_t i = 0, at = (uint32_t)h & (v->slots - 1); i < v->slots;
         i++, at = (at + 1) & (v->slots - 1)) {
        if (!trusted(v, (uint64_t)at * 4, 4))
            return 0;
        uint32_t s = v->slot[at];
        if (s == 0)
            return 0;
        uint64_t off = (uint64_t)s - 1;
        size_t n = record_at(v, off);
        if (n == 0)
            return 0;
        if (n == len && memcmp(v->data + off + 2, word, len) == 0)
            return v->data[off + 1];
    }
    return 0;
}

bool tqc_cache_dir(char *out, size_t cap)
{
    const char *env = getenv("TQC_CACHE_DIR");
    int n;
    if (env)
        n = *env ? snprintf(out, cap, "%s", env) : -1;
    else if ((env = getenv("XDG_CACHE_HOME")) && *env == '/')
        n = snprintf(out, cap, "%s/tqc", env);
    else if ((env = getenv("HOME")) && *env == '/')
        n = snprintf(out, cap, "%s/.cache/tqc", env);
    else
        n = -1;
    return n > 0 && (size_t)n < cap;
}

bool tqc_cache_installed_dir(const char *data_file, char *out, size_t cap)
{
    const char *env = getenv("TQC_CACHE_DIR");
    if (env && !*env)
        return false;   /* no cache at all */
    const char *d = NULL;
    for (const char *p = strstr(data_file, "/dictionaries/"); p; p = strstr(p + 1, "/dictionaries/"))
        d = p;
    if (!d)
        return false;
    int n = snprintf(out, cap, "%.*s/cache", (int)(d - data_file), data_file);
    return n > 0 && (size_t)n < cap;
}

/* Creates the folders of path that are missing (mode 0755). */
static void make_parents(const char *path)
{
    char *buf = tqc_malloc(strlen(path) + 1);
    if (!buf)
        return;
    memcpy(buf, path, strlen(path) + 1);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(buf, 0755);
        *p = '/';
    }
    free(buf);
}

tqc_status tqc_cache_write(const char *path, const void *data, size_t len)
{
    const unsigned char *buf = data;
    make_parents(path);
    size_t n = strlen(path);
    char *tmp = tqc_malloc(n + 8);
    if (!tmp)
        return TQC_ENOMEM;
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".XXXXXX", 8);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return TQC_EIO;
    }
    bool ok = true;
    for (size_t done = 0; ok && done < len;) {
        /* Page by page: the page cache then holds the file in small folios, and a run
         * that maps it and reads a few slots has only those pages resident. */
        size_t chunk = len - done < 4096 ? len - done : 4096;
        ssize_t w = write(fd, buf + done, chunk);
        ok = w > 0;
        done += ok ? (size_t)w : 0;
    }
    ok = close(fd) == 0 && ok;
    ok = ok && fchmodat(AT_FDCWD, tmp, 0644, 0) == 0 && rename(tmp, path) == 0;
    if (!ok)
        unlink(tmp);
    free(tmp);
    return ok ? TQC_OK : TQC_EIO;
}

/* The data offset of word's record in v (every block checked), or UINT64_MAX. */
static uint64_t find_record(const tqc_verdicts *v, const char *word, size_t len)
{
    uint64_t h = tqc_strmap_hash(word, len);
    for (uint32_t i = 0, at = (uint32_t)h & (v->slots - 1); i < v->slots;
         i++, at = (at + 1) & (v->slots - 1)) {
        uint32_t s = v->slot[at];
        uint64_t off = (uint64_t)s - 1;
        if (s == 0 || off + 2 > v->data_len || off + 2 + v->data[off] > v->data_len)
            return UINT64_MAX;
        if (v->data[off] == len && memcmp(v->data + off + 2, word, len) == 0)
            return off;
    }
    return UINT64_MAX;
}

/* How many records v's data holds, walked end to end; 0 and false when they do not
 * tile it exactly or disagree with the header. */
static bool count_records(const tqc_verdicts *v, size_t *count)
{
    size_t n = 0;
    uint64_t off = 0;
    while (off < v->data_len) {
        if (off + 2 > v->data_len || v->data[off] == 0 || off + 2 + v->data[off] > v->data_len)
            return false;
        off += 2 + (uint64_t)v->data[off];
        n++;
    }
    *count = n;
    return n == v->count;
}

/* Calls visit with each word of the parts and its bits (value << shift), in order. */
typedef bool (*part_word_fn)(void *ctx, const char *w, size_t len, uint8_t bits);
typedef struct part_visit {
    part_word_fn visit;
    void *ctx;
    unsigned shift;
} part_visit;

static bool visit_part_word(void *ctx, const char *w, size_t len, uint64_t value)
{
    const part_visit *pv = ctx;
    uint64_t bits = (value << pv->shift) & 0xFF;
    return len == 0 || len > VERDICTS_MAX_WORD || bits == 0 ||
           pv->visit(pv->ctx, w, len, (uint8_t)bits);
}

static bool each_part_word(const tqc_verdicts_part *parts, size_t nparts, part_word_fn visit,
                           void *ctx)
{
    for (size_t p = 0; p < nparts; p++) {
        part_visit pv = {visit, ctx, parts[p].shift};
        if (!parts[p].map && parts[p].each && !parts[p].each(parts[p].src, visit_part_word, &pv))
            return false;
        for (size_t i = 0, n = tqc_strmap_count(parts[p].map); i < n; i++) {
            size_t len;
            const char *w = tqc_strmap_key(parts[p].map, i, &len);
            uint64_t bits = (tqc_strmap_value(parts[p].map, i) << parts[p].shift) & 0xFF;
            if (len == 0 || len > VERDICTS_MAX_WORD || bits == 0)
                continue;
            if (!visit(ctx, w, len, (uint8_t)bits))
                return false;
        }
    }
    return true;
}

typedef struct write_ctx {
    const tqc_verdicts *old;
    size_t old_count, max_words;
    tqc_strmap *added;       /* words old lacks -> their bits */
    unsigned char *data;     /* the new file's records: old's first, at the same offsets */
} write_ctx;

/* A word old lacks is added while the file has room (the words kept are the older). */
static bool add_word(void *ctx, const char *w, size_t len, uint8_t bits)
{
    write_ctx *c = ctx;
    uint64_t have = 0;
    if (c->old && find_record(c->old, w, len) != UINT64_MAX)
        return true;
    if (tqc_strmap_get(c->added, w, len, &have))
        return tqc_strmap_put(c->added, w, len, have | bits);
    if (c->old_count + tqc_strmap_count(c->added) >= c->max_words)
        return true;
    return tqc_strmap_put(c->added, w, len, bits);
}

/* A word old has gets the new bits in its copied record. */
static bool patch_word(void *ctx, const char *w, size_t len, uint8_t bits)
{
    write_ctx *c = ctx;
    uint64_t off = find_record(c->old, w, len);
    if (off != UINT64_MAX)
        c->data[off + 1] |= bits;
    return true;
}

static void put_slot(uint32_t *slot, uint32_t slots, const unsigned char *w, size_t len,
                     uint64_t off)
{
    uint32_t at = (uint32_t)tqc_strmap_hash((const char *)w, len) & (slots - 1);
    while (slot[at])
        at = (at + 1) & (slots - 1);
    slot[at] = (uint32_t)off + 1;
}

tqc_status tqc_verdicts_write(const char *path, uint64_t key, const tqc_verdicts *old,
                              const tqc_verdicts_part *parts, size_t nparts, size_t max_words)
{
    /* The old file's records are copied as they are and this run's bits patched into
     * them, so a write costs the file's bytes, not a map of all its words. A file with a
     * damaged block gives none (it is replaced whole). */
    write_ctx c = {.old = old, .max_words = max_words};
    if (old && (!trusted(old, 0, old->body_len) || !count_records(old, &c.old_count))) {
        c.old = NULL;
        c.old_count = 0;
    }
    if (!(c.added = tqc_strmap_new()))
        return TQC_ENOMEM;
    bool ok = each_part_word(parts, nparts, add_word, &c);
    size_t added = tqc_strmap_count(c.added), count = c.old_count + added;
    size_t old_len = c.old ? c.old->data_len : 0, data_len = old_len;
    for (size_t i = 0; i < added; i++) {
        size_t len;
        tqc_strmap_key(c.added, i, &len);
        data_len += 2 + len;
    }
    uint32_t slots = 16;
    while (ok && slots < 2 * count && slots < (1u << 30))
        slots *= 2;
    ok = ok && count < slots && data_len < UINT32_MAX;
    size_t body_len = (size_t)slots * 4 + data_len;
    size_t nblocks = (body_len + VERDICTS_BLOCK - 1) / VERDICTS_BLOCK;
    size_t total = sizeof(header) + nblocks * 8 + body_len;
    unsigned char *buf = ok ? tqc_calloc(1, total) : NULL;
    tqc_status st = ok && buf ? TQC_OK : TQC_ENOMEM;
    if (st == TQC_OK) {
        unsigned char *body = buf + sizeof(header) + nblocks * 8;
        uint32_t *slot = (uint32_t *)body;
        unsigned char *data = c.data = body + (size_t)slots * 4;
        if (c.old) {
            memcpy(data, c.old->data, old_len);
            each_part_word(parts, nparts, patch_word, &c);
            for (uint64_t off = 0; off < old_len; off += 2 + (uint64_t)data[off])
                put_slot(slot, slots, data + off + 2, data[off], off);
        }
        size_t off = old_len;
        for (size_t i = 0; i < added; i++) {
            size_t len;
            const char *w = tqc_strmap_key(c.added, i, &len);
            data[off] = (unsigned char)len;
            data[off + 1] = (unsigned char)tqc_strmap_value(c.added, i);
            memcpy(data + off + 2, w, len);
            put_slot(slot, slots, data + off + 2, len, off);
            off += 2 + len;
        }
        uint64_t *sums = (uint64_t *)(buf + sizeof(header));
        for (size_t b = 0; b < nblocks; b++) {
            size_t start = b * VERDICTS_BLOCK, n = body_len - start;
            sums[b] = tqc_verdicts_hash(b, body + start, n > VERDICTS_BLOCK ? VERDICTS_BLOCK : n);
        }
        header h = {.key = key, .slots = slots, .count = (uint32_t)count, .data_len = data_len,
                    .nblocks = nblocks};
        memcpy(h.magic, VERDICTS_MAGIC, 8);
        h.head_sum = tqc_verdicts_hash(tqc_verdicts_hash(key, &h, sizeof h), sums, nblocks * 8);
        memcpy(buf, &h, sizeof h);
        st = tqc_cache_write(path, buf, total);
    }
    free(buf);
    tqc_strmap_free(c.added);
    return st;
}

/* Whether s (n bytes) is 16 lower-case hex digits. */
static bool hex16(const char *s, size_t n)
{
    if (n != 16)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return true;
}

typedef struct kept_file {
    char name[256];
    struct timespec mtime;
} kept_file;

static int newer_first(const void *a, const void *b)
{
    const struct timespec *x = &((const kept_file *)a)->mtime, *y = &((const kept_file *)b)->mtime;
    if (x->tv_sec != y->tv_sec)
        return x->tv_sec < y->tv_sec ? 1 : -1;
    return (x->tv_nsec < y->tv_nsec) - (x->tv_nsec > y->tv_nsec);
}

/* Most files of one group looked at (a folder holding more is pruned in part). */
#define PRUNE_MAX_GROUP 64

void tqc_verdicts_prune(const char *keep_path, size_t max_same)
{
    const char *slash = strrchr(keep_path, '/');
    size_t blen = slash ? strlen(slash + 1) : 0;
    /* keep: <dir>/<prefix><group 16 hex>-<key 16 hex>.bin */
    if (!slash || blen <= 37 || strcmp(keep_path + strlen(keep_path) - 4, ".bin") != 0)
        return;
    const char *base = slash + 1;
    size_t plen = blen - 37, dlen = (size_t)(slash - keep_path);
    if (!hex16(base + plen, 16) || base[plen + 16] != '-' || !hex16(base + plen + 17, 16) ||
        dlen >= 4096)
        return;
    char dir[4096], path[4096 + 258];
    memcpy(dir, keep_path, dlen);
    dir[dlen] = '\0';
    DIR *d = opendir(dir);
    if (!d)
        return;
    kept_file *same = tqc_calloc(PRUNE_MAX_GROUP, sizeof *same);
    size_t n_same = 0;
    for (struct dirent *e; (e = readdir(d));) {
        const char *name = e->d_name;
        size_t len = strlen(name);
        /* A file of the older naming, one key (`<prefix><key>.bin`): stale. */
        if (len == plen + 20 && memcmp(name, base, plen) == 0 && hex16(name + plen, 16) &&
            strcmp(name + len - 4, ".bin") == 0) {
            int n = snprintf(path, sizeof path, "%s/%s", dir, name);
            if (n > 0 && (size_t)n < sizeof path)
                unlink(path);
            continue;
        }
        /* Only this dictionary's files: its prefix, then two keys exactly (`de-` is no
         * prefix of `de-AT-...`'s keys); never a temporary file being written. */
        if (len != blen || memcmp(name, base, plen) != 0 || strcmp(name, base) == 0 ||
            !hex16(name + plen, 16) || name[plen + 16] != '-' || !hex16(name + plen + 17, 16) ||
            strcmp(name + len - 4, ".bin") != 0)
            continue;
        int n = snprintf(path, sizeof path, "%s/%s", dir, name);
        if (n <= 0 || (size_t)n >= sizeof path)
            continue;
        struct stat sb;
        if (memcmp(name + plen, base + plen, 16) != 0) {
            unlink(path);   /* another dictionary file, or another logic: stale */
        } else if (same && n_same < PRUNE_MAX_GROUP && stat(path, &sb) == 0 &&
                   len < sizeof same->name) {
            memcpy(same[n_same].name, name, len + 1);
            same[n_same++].mtime = sb.st_mtim;
        }
    }
    closedir(d);
    /* The same dictionary with other word lists (another project's): the newest stay. */
    if (same && n_same > max_same) {
        qsort(same, n_same, sizeof *same, newer_first);
        for (size_t i = max_same; i < n_same; i++) {
            int n = snprintf(path, sizeof path, "%s/%s", dir, same[i].name);
            if (n > 0 && (size_t)n < sizeof path)
                unlink(path);
        }
    }
    free(same);
}
