#include "lang/lex.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/io.h"
#include "core/strmap.h"
#include "lang/verdicts.h"

/* A word form longer than this is no word: the file is corrupt. */
#define LEX_MAX_FORM 256

/* Letter trigrams over a-z and a word edge (LEX_EDGE): 27^3 of them, one bit each. */
#define LEX_EDGE 26
#define LEX_TRIGRAMS (27 * 27 * 27)

struct tqc_lex {
    const char *map;     /* the whole file, mapped; NULL when empty */
    size_t size;
    size_t body;         /* offset of the first entry line */
    size_t count;
    /* The hash index (see build_index), opened at the LEX_INDEX_AFTER-th lookup: until
     * then (NULL) lookups are binary searches. */
    _Atomic(const uint64_t *) index;
    atomic_size_t asked;
    size_t index_slots;  /* a power of two */
    void *index_map;     /* the index file, mapped, when index points into it */
    size_t index_map_size;
    char *index_src;     /* the lexicon's path, for naming the index file; NULL: none */
    uint64_t index_key;  /* tqc_verdicts_hash of the stamp's text */
    /* In the registry of open lexicons (under registry_mu): the same file opened again
     * (each profile of a language, each worker's) is this one. */
    struct tqc_lex *next;
    char *reg_path;
    dev_t dev;
    ino_t ino;
    off_t reg_size;
    struct timespec mtime;
    size_t refs;
    /* The trigrams some form has (tqc_lex_odd_trigrams), built on first use: most runs
     * never ask, and a scan of every form would cost each start. */
    pthread_mutex_t shape_lock;
    bool shape_built;
    unsigned char shape[LEX_TRIGRAMS / 8 + 1];
    /* Lookups as another language's lexicon (tqc_lex_pos_foreign): a Bloom filter of
     * the forms, built at the LEX_FOREIGN_FILTER_AFTER-th, and the binary searches
     * made since the searched pages were last handed back. */
    _Atomic(const uint64_t *) filter;
    size_t filter_bits;  /* a power of two */
    atomic_size_t foreign_asked, foreign_searched;
    /* Built with the filter: every LEX_SAMPLE_EVERY-th line's offset and the start of its
     * form, so that a search past the filter touches the one stretch of the file that can
     * hold the form, not a page at each step of a binary search (NULL: none). */
    struct lex_sample *samples;
    size_t sample_count;
};

/* Lines between two samples: a stretch of a kilobyte or two, a page or two to map. */
#define LEX_SAMPLE_EVERY 64
#define LEX_SAMPLE_PREFIX 12

typedef struct lex_sample {
    uint32_t offset;                   /* the line's first byte */
    uint8_t len;                       /* its form's length; 255: that or more (read it) */
    char prefix[LEX_SAMPLE_PREFIX];    /* the form's first bytes (fewer: the whole form) */
} lex_sample;

/* In bit order: tag i names bit 1 << i. */
static const char *const tag_names[] = {
    "VFIN", "VINF", "VPART", "VGER", "AUX", "NOUN", "PROPN", "ADJ",
    "ADV", "DET", "PRON", "PREP", "CONJ", "NUM", "INTJ", "WORD",
};

uint32_t tqc_lex_tag(const char *tag, size_t len)
{
    for (size_t i = 0; i < sizeof tag_names / sizeof tag_names[0]; i++)
        if (strlen(tag_names[i]) == len && memcmp(tag_names[i], tag, len) == 0)
            return 1u << i;
    return 0;
}

/* The tag set s..e (comma-separated); 0 when empty or any tag is unknown. */
static uint32_t parse_tags(const char *s, const char *e)
{
    uint32_t pos = 0;
    for (;;) {
        const char *c = memchr(s, ',', (size_t)(e - s));
        uint32_t bit = tqc_lex_tag(s, (size_t)((c ? c : e) - s));
        if (!bit)
            return 0;   /* unknown or empty (`NOUN,`) */
        pos |= bit;
        if (!c)
            return pos;
        s = c + 1;
    }
}

/* Byte order, as `LC_ALL=C sort` writes the lines (a tab sorts before any letter). */
static int cmp_form(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    return c ? c : (alen > blen) - (alen < blen);
}

/* A scan of every line (validation, building the index or the trigram table) hands the
 * pages it has passed back every LEX_SCAN_WINDOW bytes: they stay in the page cache, and a
 * later lookup maps the one it needs again, but the run's peak memory no longer holds the
 * whole file (up to 7 MB a language, for a few hundred lookups). *done is the offset up to
 * which pages were handed back; p the scan's position. */
#define LEX_SCAN_WINDOW (1u << 20)

static void scan_release(const tqc_lex *lex, const char *p, size_t *done)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE), at = (size_t)(p - lex->map);
    if (at < *done + LEX_SCAN_WINDOW)
        return;
    size_t upto = at / page * page;   /* the page p is in stays */
    if (upto > *done)
        madvise((void *)(lex->map + *done), upto - *done, MADV_DONTNEED);
    *done = upto;
}

/* Checks every entry line once, so a lookup can trust the order and the tags. */
static bool validate(tqc_lex *lex, const char *path, char *err, size_t errlen)
{
    const char *p = lex->map, *end = lex->map + lex->size;
    size_t line = 0;
    while (p < end && *p == '#') {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
        line++;
    }
    lex->body = (size_t)(p - lex->map);
    const char *prev = NULL;
    size_t prev_len = 0, released = 0;
    while (p < end) {
        line++;
        scan_release(lex, p, &released);
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            snprintf(err, errlen, "%s:%zu: the last line has no newline", path, line);
            return false;
        }
        const char *tab = memchr(p, '\t', (size_t)(nl - p));
        if (!tab || tab == p || tab - p > LEX_MAX_FORM || !parse_tags(tab + 1, nl)) {
            snprintf(err, errlen, "%s:%zu: expected 'form<TAB>TAGS' with known tags", path,
                     line);
            return false;
        }
        size_t len = (size_t)(tab - p);
        if (prev && cmp_form(prev, prev_len, p, len) >= 0) {
            snprintf(err, errlen, "%s:%zu: forms are not in byte order or repeat "
                     "(sort with LC_ALL=C)", path, line);
            return false;
        }
        prev = p;
        prev_len = len;
        lex->count++;
        p = nl + 1;
    }
    return true;
}

/* A lexicon validated once is not scanned again: validation reads every page of a file
 * of several megabytes (most of a cold start, and as much resident memory), where a
 * lookup touches a few dozen. A stamp in the cache folder (lang/verdicts.h) records the
 * file that passed: path, size, modification time, inode, entry count. A file changed in
 * any of these is validated again; lookups stay bounded on any bytes regardless. */
#define LEX_STAMP "tqc-lexicon 1"

/* The cache file <folder>/lexicon-<hash of path><ext>: in the user's cache folder
 * (installed false), or in the one `make install` fills (installed true). */
static bool cache_path(const char *path, bool installed, const char *ext, char *out, size_t cap)
{
    char dir[4096];
    if (!(installed ? tqc_cache_installed_dir(path, dir, sizeof dir)
                    : tqc_cache_dir(dir, sizeof dir)))
        return false;
    int n = snprintf(out, cap, "%s/lexicon-%016llx%s", dir,
                     (unsigned long long)tqc_verdicts_hash(0, path, strlen(path)), ext);
    return n > 0 && (size_t)n < cap;
}

static bool stamp_path(const char *path, char *out, size_t cap)
{
    return cache_path(path, false, ".ok", out, cap);
}

static int stamp_text(const char *path, const struct stat *sb, size_t count, char *out,
                      size_t cap)
{
    return snprintf(out, cap, "%s %lld %lld %ld %llu %zu %s\n", LEX_STAMP,
                    (long long)sb->st_size, (long long)sb->st_mtim.tv_sec,
                    (long)sb->st_mtim.tv_nsec, (unsigned long long)sb->st_ino, count, path);
}

/* The entry count the stamp for path records (the user's, else the installed one),
 * when it matches sb; else SIZE_MAX. */
static size_t stamped_count(const char *path, const struct stat *sb)
{
    char sp[4200], have[4400], want[4400];
    FILE *f = stamp_path(path, sp, sizeof sp) ? fopen(sp, "r") : NULL;
    if (!f && cache_path(path, true, ".ok", sp, sizeof sp))
        f = fopen(sp, "r");
    if (!f)
        return SIZE_MAX;
    bool got = fgets(have, sizeof have, f) != NULL;
    fclose(f);
    size_t count;
    const char *tail = got ? strchr(have, '/') : NULL;
    if (!got || sscanf(have, LEX_STAMP " %*d %*d %*d %*u %zu", &count) != 1 || !tail)
        return SIZE_MAX;
    int n = stamp_text(path, sb, count, want, sizeof want);
    return n > 0 && (size_t)n < sizeof want && strcmp(have, want) == 0 ? count : SIZE_MAX;
}

static void write_stamp(const char *path, const struct stat *sb, size_t count)
{
    char sp[4200], text[4400];
    int n = stamp_text(path, sb, count, text, sizeof text);
    if (path[0] == '/' && stamp_path(path, sp, sizeof sp) && n > 0 && (size_t)n < sizeof text)
        tqc_cache_write(sp, text, (size_t)n);
}

/* A hash index of the forms, so that a lookup is one probe instead of a binary search of
 * ~18 steps that each find a line's start and end (the top self-time of a long run). A
 * slot is the form's hash tag (high 32 bits) and its line's offset + 1 (low 32; 0 =
 * empty): linear probing at a load under 1/2, and a probe compares the form itself with
 * the line, so an index answers only what the lexicon says. It is kept in the cache
 * folder beside the stamp, keyed by the stamp's text, and mapped by the next run that
 * needs it. A run needs it from its LEX_INDEX_AFTER-th lookup on: random probes make
 * most of a mapped index resident (the kernel maps pages around each), megabytes that
 * one article's few hundred lookups do not repay. */
#define LEX_INDEX_AFTER 4096
#define LEX_INDEX_MAGIC "TQCLXI01"

typedef struct index_header {
    char magic[8];
    uint64_t key;        /* tqc_verdicts_hash of the stamp's text */
    uint64_t slots;
    uint64_t count;
} index_header;

static uint64_t tag_of(uint64_t h) { return h & 0xFFFFFFFF00000000ull; }

/* At least half again as many slots as forms (a load of 1/3 to 2/3): a probe run stays
 * within a cache line or two of tagged slots, and the index, whose pages random probes
 * make resident, takes half what twice as many would (4 MB for English's lexicon). */
static size_t index_slots_for(size_t count)
{
    size_t slots = 16;
    while (slots < count + count / 2)
        slots *= 2;
    return slots;
}

/* Fills slot (index_slots_for(count) zeroed entries) from the lexicon's lines. */
static void fill_index(const tqc_lex *lex, uint64_t *slot, size_t slots)
{
    const char *p = lex->map + lex->body, *end = lex->map + lex->size;
    size_t mask = slots - 1, released = 0;
    while (p < end) {
        scan_release(lex, p, &released);
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *tab = memchr(p, '\t', (size_t)(nl - p));
        uint64_t h = tqc_strmap_hash(p, (size_t)(tab - p));
        size_t at = h & mask;
        while (slot[at])
            at = (at + 1) & mask;
        slot[at] = tag_of(h) | ((uint64_t)(p - lex->map) + 1);
        p = nl + 1;
    }
}

/* Maps the index file for lex when it was written for key and has the right size. */
static bool map_index(tqc_lex *lex, const char *ipath, uint64_t key)
{
    int fd = open(ipath, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat sb;
    index_header h;
    size_t slots = index_slots_for(lex->count);
    size_t want = sizeof h + slots * sizeof(uint64_t);
    bool ok = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && (size_t)sb.st_size == want;
    void *m = ok ? mmap(NULL, want, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    close(fd);
    if (m == MAP_FAILED)
        return false;
    memcpy(&h, m, sizeof h);
    if (memcmp(h.magic, LEX_INDEX_MAGIC, 8) != 0 || h.key != key || h.slots != slots ||
        h.count != lex->count) {
        munmap(m, want);
        return false;
    }
    /* Probes land anywhere: no read-around, which would make a run of a few hundred
     * lookups resident in megabytes of the file. */
    madvise(m, want, MADV_RANDOM);
    lex->index_map = m;
    lex->index_map_size = want;
    lex->index_slots = slots;
    return true;
}

/* Builds the index in memory and, when ipath is not NULL, writes it there for key.
 * Without memory the lookups stay binary searches: slower, the same answers. */
static void build_index(tqc_lex *lex, const char *ipath, uint64_t key)
{
    size_t slots = index_slots_for(lex->count);
    if (lex->size >= UINT32_MAX || slots > SIZE_MAX / sizeof(uint64_t) - 1)
        return;
    index_header *buf = tqc_calloc(1, sizeof(index_header) + slots * sizeof(uint64_t));
    if (!buf)
        return;
    uint64_t *slot = (uint64_t *)(buf + 1);
    fill_index(lex, slot, slots);
    memcpy(buf->magic, LEX_INDEX_MAGIC, 8);
    buf->key = key;
    buf->slots = slots;
    buf->count = lex->count;
    /* Written, the file is mapped rather than the copy kept: a run touches a few pages. */
    if (ipath && tqc_cache_write(ipath, buf, sizeof *buf + slots * sizeof(uint64_t)) == TQC_OK &&
        map_index(lex, ipath, key)) {
        free(buf);
        return;
    }
    lex->index_map = buf;   /* owned, freed (not unmapped): index_map_size stays 0 */
    lex->index_slots = slots;
}

/* Notes what naming and keying lex's index takes (it is opened later, by open_index). */
static void plan_index(tqc_lex *lex, const char *path, const struct stat *sb)
{
    char text[4400];
    int n = stamp_text(path, sb, lex->count, text, sizeof text);
    if (!lex->count || n <= 0 || (size_t)n >= sizeof text)
        return;
    lex->index_key = tqc_verdicts_hash(0, text, (size_t)n);
    lex->index_src = tqc_strdup(path);   /* none without memory: binary searches */
}

/* Gives lex its index: the installed cache's or the user's file when it matches the
 * stamp, else a new one (written to the user's cache folder). One thread calls it, once;
 * the others see the index when it is published. */
static void open_index(tqc_lex *lex)
{
    char installed[4200], ipath[4200];
    const char *path = lex->index_src;
    bool abs = path[0] == '/';
    if (!(abs && cache_path(path, true, ".idx", installed, sizeof installed) &&
          map_index(lex, installed, lex->index_key))) {
        bool cached = abs && cache_path(path, false, ".idx", ipath, sizeof ipath);
        if (!(cached && map_index(lex, ipath, lex->index_key)))
            build_index(lex, cached ? ipath : NULL, lex->index_key);
    }
    if (lex->index_map) {
        const uint64_t *slot = (const uint64_t *)((const char *)lex->index_map +
                                                  sizeof(index_header));
        atomic_store_explicit(&lex->index, slot, memory_order_release);
    }
}

/* The lexicons open in this process. A language's lexicon is opened by each of its
 * profiles (the checker's, language identification's, a variety's, each audit worker's):
 * one mapping, validated once, instead of one each (each of which the validation scan
 * made resident: 2-7 MB a time). */
static pthread_mutex_t registry_mu = PTHREAD_MUTEX_INITIALIZER;
static tqc_lex *registry;

static bool same_file(const tqc_lex *lex, const char *path, const struct stat *sb)
{
    return lex->dev == sb->st_dev && lex->ino == sb->st_ino && lex->reg_size == sb->st_size &&
           lex->mtime.tv_sec == sb->st_mtim.tv_sec && lex->mtime.tv_nsec == sb->st_mtim.tv_nsec &&
           strcmp(lex->reg_path, path) == 0;
}

static tqc_status lex_load(const char *path, int fd, const struct stat *sb, tqc_lex **out,
                           char *err, size_t errlen);
static void lex_unload(tqc_lex *lex);

tqc_status tqc_lex_open(const char *path, tqc_lex **out, char *err, size_t errlen)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return errno == ENOENT ? TQC_ENOTFOUND : TQC_EIO;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        close(fd);
        return TQC_EIO;
    }
    pthread_mutex_lock(&registry_mu);
    tqc_lex *lex = registry;
    while (lex && !same_file(lex, path, &sb))
        lex = lex->next;
    tqc_status st = TQC_OK;
    if (lex) {
        close(fd);
    } else if ((st = lex_load(path, fd, &sb, &lex, err, errlen)) == TQC_OK) {
        if (!(lex->reg_path = tqc_strdup(path))) {
            lex->refs = 1;
            pthread_mutex_unlock(&registry_mu);
            tqc_lex_free(lex);
            return TQC_ENOMEM;
        }
        lex->dev = sb.st_dev;
        lex->ino = sb.st_ino;
        lex->reg_size = sb.st_size;
        lex->mtime = sb.st_mtim;
        lex->next = registry;
        registry = lex;
    }
    if (st == TQC_OK) {
        lex->refs++;
        *out = lex;
    }
    pthread_mutex_unlock(&registry_mu);
    return st;
}

/* Maps and checks the lexicon open on fd (closed here) into a new *out. */
static tqc_status lex_load(const char *path, int fd, const struct stat *sbp, tqc_lex **out,
                           char *err, size_t errlen)
{
    struct stat sb = *sbp;
    tqc_lex *lex = tqc_calloc(1, sizeof *lex);
    if (!lex) {
        close(fd);
        return TQC_ENOMEM;
    }
    pthread_mutex_init(&lex->shape_lock, NULL);
    lex->size = (size_t)sb.st_size;
    if (lex->size) {
        void *m = mmap(NULL, lex->size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED) {
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
            close(fd);
            pthread_mutex_destroy(&lex->shape_lock);
            free(lex);
            return TQC_EIO;
        }
        lex->map = m;
    }
    close(fd);
    size_t stamped = lex->size && lex->map[lex->size - 1] == '\n' ? stamped_count(path, &sb)
                                                                   : SIZE_MAX;
    if (stamped != SIZE_MAX) {
        /* Passed before: only the header is skipped. */
        const char *p = lex->map, *end = lex->map + lex->size;
        while (p < end && *p == '#') {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            p = nl ? nl + 1 : end;
        }
        lex->body = (size_t)(p - lex->map);
        lex->count = stamped;
    } else if (!validate(lex, path, err, errlen)) {
        lex_unload(lex);
        return TQC_EINPUT;
    } else if (lex->size) {
        write_stamp(path, &sb, lex->count);
    }
    plan_index(lex, path, &sb);
    *out = lex;
    return TQC_OK;
}

void tqc_lex_free(tqc_lex *lex)
{
    if (!lex)
        return;
    pthread_mutex_lock(&registry_mu);
    bool last = --lex->refs == 0;
    if (last) {
        tqc_lex **at = &registry;
        while (*at && *at != lex)
            at = &(*at)->next;
        if (*at)
            *at = lex->next;
    }
    pthread_mutex_unlock(&registry_mu);
    if (last)
        lex_unload(lex);
}

static void lex_unload(tqc_lex *lex)
{
    if (lex->map)
        munmap((void *)lex->map, lex->size);
    if (lex->index_map_size)
        munmap(lex->index_map, lex->index_map_size);
    else
        free(lex->index_map);
    free((void *)atomic_load(&lex->filter));
    free(lex->samples);
    free(lex->index_src);
    free(lex->reg_path);
    pthread_mutex_destroy(&lex->shape_lock);
    free(lex);
}

size_t tqc_lex_count(const tqc_lex *lex) { return lex ? lex->count : 0; }

/* The index's answer: the probes end at an empty slot; every slot is checked against
 * the mapped lexicon before its line is read (a damaged file can hide a form, no more). */
static uint32_t index_pos(const tqc_lex *lex, const uint64_t *index, const char *form,
                          size_t len)
{
    uint64_t h = tqc_strmap_hash(form, len), tag = tag_of(h);
    size_t mask = lex->index_slots - 1;
    for (size_t i = 0, at = h & mask; i < lex->index_slots; i++, at = (at + 1) & mask) {
        uint64_t s = index[at];
        if (s == 0)
            return 0;
        size_t off = (uint32_t)s - 1;
        if (tag_of(s) != tag || off < lex->body || off + len >= lex->size)
            continue;
        const char *line = lex->map + off;
        if (line[len] != '\t' || memcmp(line, form, len) != 0 || (off && line[-1] != '\n'))
            continue;
        const char *nl = memchr(line + len, '\n', lex->size - off - len);
        return nl ? parse_tags(line + len + 1, nl) : 0;
    }
    return 0;
}

/* The binary search over bytes: [lo, hi) always starts and ends on line boundaries. */
static uint32_t search_pos(const tqc_lex *lex, const char *form, size_t len)
{
    const char *base = lex->map;
    size_t lo = lex->body, hi = lex->size;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, ls = mid;
        while (ls > lo && base[ls - 1] != '\n')
            ls--;
        const char *line = base + ls;
        const char *nl = memchr(line, '\n', hi - ls);
        const char *tab = nl ? memchr(line, '\t', (size_t)(nl - line)) : NULL;
        if (!tab)
            return 0;   /* not a lexicon's line: the file changed under its stamp */
        int c = cmp_form(form, len, line, (size_t)(tab - line));
        if (c == 0)
            return parse_tags(tab + 1, nl);
        if (c < 0)
            hi = ls;
        else
            lo = (size_t)(nl - base) + 1;
    }
    return 0;
}

uint32_t tqc_lex_pos(const tqc_lex *lex, const char *form, size_t len)
{
    if (!lex || !lex->map || len == 0 || len > LEX_MAX_FORM)
        return 0;
    const uint64_t *index = atomic_load_explicit(&((tqc_lex *)lex)->index, memory_order_acquire);
    if (index)
        return index_pos(lex, index, form, len);
    /* The lexicon's own state, made once: the one thread that counts to the mark. */
    if (lex->index_src &&
        atomic_fetch_add_explicit(&((tqc_lex *)lex)->asked, 1, memory_order_relaxed) ==
            LEX_INDEX_AFTER)
        open_index((tqc_lex *)lex);
    return search_pos(lex, form, len);
}

/* Another language's lexicon is asked about most unknown words of a long text (spelling's
 * foreign phrases), nearly always about a word it lacks. Its hash index (8 MB for 400,000
 * forms) and the pages binary searches touch made five such lexicons cost more memory
 * than the document's own language. A Bloom filter of the forms (12 bits a form, 4 probes:
 * about 1% false hits) answers most of those questions in about 1 MB; the rest are
 * searches (through the samples, a page or two each, once the filter is built), whose
 * pages are handed back every LEX_FOREIGN_RELEASE searches: each page faulted in maps the
 * 64 KB around it, and five lexicons' last sixteen searches were 7 MB of Brown's peak. */
#define LEX_FOREIGN_FILTER_AFTER 4096
#define LEX_FOREIGN_RELEASE 4
#define LEX_FILTER_PROBES 4

static bool filter_has(const uint64_t *filter, size_t bits, uint64_t h)
{
    uint64_t a = h, b = (h >> 32 | h << 32) | 1;
    for (int i = 0; i < LEX_FILTER_PROBES; i++, a += b) {
        size_t at = (size_t)(a & (bits - 1));
        if (!(filter[at / 64] & (1ull << (at % 64))))
            return false;
    }
    return true;
}

/* Builds lex's filter (one thread, once); without memory lookups stay binary searches. */
static void build_filter(tqc_lex *lex)
{
    size_t bits = 64;
    while (bits < 12 * lex->count && bits < ((size_t)1 << 40))
        bits *= 2;
    uint64_t *filter = tqc_calloc(bits / 64, sizeof *filter);
    if (!filter)
        return;
    /* Offsets fit 32 bits (a lexicon's file is far smaller); else, and without memory,
     * the searches stay binary. */
    lex_sample *samples = lex->size <= UINT32_MAX
        ? tqc_calloc(lex->count / LEX_SAMPLE_EVERY + 1, sizeof *samples) : NULL;
    size_t nsamples = 0, line = 0, max_samples = lex->count / LEX_SAMPLE_EVERY + 1;
    const char *p = lex->map + lex->body, *end = lex->map + lex->size;
    size_t released = 0;
    while (p < end) {
        scan_release(lex, p, &released);
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *tab = nl ? memchr(p, '\t', (size_t)(nl - p)) : NULL;
        if (!tab)
            break;
        size_t flen = (size_t)(tab - p);
        if (samples && line++ % LEX_SAMPLE_EVERY == 0 && nsamples < max_samples) {
            lex_sample *sm = &samples[nsamples++];
            sm->offset = (uint32_t)(p - lex->map);
            sm->len = (uint8_t)(flen < UINT8_MAX ? flen : UINT8_MAX);
            memcpy(sm->prefix, p, flen < LEX_SAMPLE_PREFIX ? flen : LEX_SAMPLE_PREFIX);
        }
        uint64_t h = tqc_strmap_hash(p, (size_t)(tab - p)), a = h, b = (h >> 32 | h << 32) | 1;
        for (int i = 0; i < LEX_FILTER_PROBES; i++, a += b) {
            size_t at = (size_t)(a & (bits - 1));
            filter[at / 64] |= 1ull << (at % 64);
        }
        p = nl + 1;
    }
    if (released)
        madvise((void *)(lex->map + released), lex->size - released, MADV_DONTNEED);
    lex->filter_bits = bits;
    lex->samples = samples;
    lex->sample_count = samples ? nsamples : 0;
    atomic_store_explicit(&lex->filter, filter, memory_order_release);
}

/* cmp_form of form against sample sm's form, reading the line only when the prefix
 * cannot tell. */
static int sample_cmp(const tqc_lex *lex, const lex_sample *sm, const char *form, size_t len)
{
    size_t kept = sm->len < LEX_SAMPLE_PREFIX ? sm->len : LEX_SAMPLE_PREFIX;
    int c = memcmp(form, sm->prefix, len < kept ? len : kept);
    if (c)
        return c;
    if (len < kept || (len == kept && kept == sm->len))
        return (len > sm->len) - (len < sm->len);
    if (kept == sm->len)
        return 1;   /* sm's whole form is a proper prefix of form */
    if (len <= kept)
        return -1;  /* form is a proper prefix of sm's */
    const char *line = lex->map + sm->offset;
    const char *tab = memchr(line, '\t', lex->size - sm->offset);
    return cmp_form(form, len, line, (size_t)(tab - line));
}

/* search_pos through the samples: the last sample not after form, then its stretch of
 * lines, in order, up to the next sample. */
static uint32_t sampled_pos(const tqc_lex *lex, const char *form, size_t len)
{
    size_t lo = 0, hi = lex->sample_count;
    while (lo < hi) {   /* the first sample after form */
        size_t mid = lo + (hi - lo) / 2;
        if (sample_cmp(lex, &lex->samples[mid], form, len) < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (lo == 0)
        return 0;       /* before the first form */
    size_t at = lex->samples[lo - 1].offset;
    size_t stop = lo < lex->sample_count ? lex->samples[lo].offset : lex->size;
    while (at < stop) {
        const char *line = lex->map + at;
        const char *nl = memchr(line, '\n', lex->size - at);
        const char *tab = nl ? memchr(line, '\t', (size_t)(nl - line)) : NULL;
        if (!tab)
            return 0;
        int c = cmp_form(form, len, line, (size_t)(tab - line));
        if (c == 0)
            return parse_tags(tab + 1, nl);
        if (c < 0)
            return 0;
        at = (size_t)(nl + 1 - lex->map);
    }
    return 0;
}

uint32_t tqc_lex_pos_foreign(const tqc_lex *clex, const char *form, size_t len)
{
    tqc_lex *lex = (tqc_lex *)clex;
    if (!lex || !lex->map || len == 0 || len > LEX_MAX_FORM)
        return 0;
    /* A lexicon some document uses as its own has its index: the same answer. */
    const uint64_t *index = atomic_load_explicit(&lex->index, memory_order_acquire);
    if (index)
        return index_pos(lex, index, form, len);
    const uint64_t *filter = atomic_load_explicit(&lex->filter, memory_order_acquire);
    if (filter && !filter_has(filter, lex->filter_bits, tqc_strmap_hash(form, len)))
        return 0;
    if (!filter && atomic_fetch_add_explicit(&lex->foreign_asked, 1, memory_order_relaxed) ==
                       LEX_FOREIGN_FILTER_AFTER)
        build_filter(lex);
    /* Handing pages back is only a cost to a thread reading them at the time: they come
     * back from the page cache, the same bytes. */
    if (atomic_fetch_add_explicit(&lex->foreign_searched, 1, memory_order_relaxed) %
            LEX_FOREIGN_RELEASE == LEX_FOREIGN_RELEASE - 1)
        madvise((void *)lex->map, lex->size, MADV_DONTNEED);
    return filter && lex->samples ? sampled_pos(lex, form, len) : search_pos(lex, form, len);
}

/* The symbol of byte c in a trigram: a letter a-z (either case), LEX_EDGE for what ends a
 * word part (an ASCII non-letter: a hyphen, an apostrophe; a trigram across one is not
 * counted), -1 for a byte of a non-ASCII
 * character, about which the table says nothing. */
static int shape_symbol(unsigned char c)
{
    if (c >= 'a' && c <= 'z')
        return c - 'a';
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    return c < 0x80 ? LEX_EDGE : -1;
}

/* Calls visit for each trigram of s[0, len) framed by word edges whose three symbols are
 * letters or edges; returns how many visit counted, and the byte offsets of the first
 * and the last counted in *first and *last (when some was). */
static size_t shape_walk(const char *s, size_t len, size_t (*visit)(struct tqc_lex *, int),
                         struct tqc_lex *lex, size_t *first, size_t *last)
{
    int a = LEX_EDGE, b = -2;
    size_t n = 0;
    for (size_t i = 0; i <= len; i++) {
        int c = i < len ? shape_symbol((unsigned char)s[i]) : LEX_EDGE;
        if (b == -2) {
            b = c;
            continue;
        }
        if (a >= 0 && b >= 0 && c >= 0 && b != LEX_EDGE &&
            visit(lex, (a * 27 + b) * 27 + c)) {
            if (n++ == 0)
                *first = i;
            *last = i;
        }
        a = b;
        b = c;
    }
    return n;
}

static size_t shape_mark(struct tqc_lex *lex, int t)
{
    lex->shape[t / 8] |= (unsigned char)(1u << (t % 8));
    return 0;   /* nothing counted */
}

static size_t shape_odd(struct tqc_lex *lex, int t)
{
    return !(lex->shape[t / 8] & (1u << (t % 8)));
}

/* The trigram table is kept in the cache folder beside the index, keyed by the stamp's
 * text and checksummed: building it scans every line of the lexicon (5.8 MB for German,
 * a third of a cold article that asks), reading it is 2.5 KB. The magic is the table's
 * version: change it when what the table holds changes (shape_walk, which forms count). */
#define LEX_SHAPE_MAGIC "TQCLXS01"

typedef struct shape_file {
    char magic[8];
    uint64_t key;        /* tqc_verdicts_hash of the stamp's text */
    uint64_t sum;        /* tqc_verdicts_hash of table */
    unsigned char table[LEX_TRIGRAMS / 8 + 1];
} shape_file;

/* Fills lex->shape from the file at spath when it was written for lex's stamp, whole. */
static bool read_shape(tqc_lex *lex, const char *spath)
{
    shape_file f;
    int fd = open(spath, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, &f, sizeof f);
    char extra;
    bool ok = n == (ssize_t)sizeof f && read(fd, &extra, 1) == 0 &&
              memcmp(f.magic, LEX_SHAPE_MAGIC, 8) == 0 && f.key == lex->index_key &&
              f.sum == tqc_verdicts_hash(0, f.table, sizeof f.table);
    close(fd);
    if (ok)
        memcpy(lex->shape, f.table, sizeof lex->shape);
    return ok;
}

static void build_shape(tqc_lex *lex)
{
    const char *p = lex->map + lex->body, *end = lex->map + lex->size;
    size_t released = 0;
    while (p < end) {
        scan_release(lex, p, &released);
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *tab = memchr(p, '\t', (size_t)(nl - p));
        /* Names come from every language (`Chapdelaine`): only the words count. */
        size_t f, l;
        if (parse_tags(tab + 1, nl) != TQC_POS_PROPN)
            shape_walk(p, (size_t)(tab - p), shape_mark, lex, &f, &l);
        p = nl + 1;
    }
}

/* Gives lex its trigram table: the installed cache's or the user's file, else built
 * (and written to the user's cache folder when the lexicon has a stamp). */
static void open_shape(tqc_lex *lex)
{
    char installed[4200], spath[4200];
    const char *path = lex->index_src;
    bool keyed = path && path[0] == '/';
    if (keyed && cache_path(path, true, ".shp", installed, sizeof installed) &&
        read_shape(lex, installed))
        return;
    bool cached = keyed && cache_path(path, false, ".shp", spath, sizeof spath);
    if (cached && read_shape(lex, spath))
        return;
    build_shape(lex);
    if (cached) {
        shape_file f;
        memset(&f, 0, sizeof f);
        f.key = lex->index_key;
        memcpy(f.magic, LEX_SHAPE_MAGIC, 8);
        memcpy(f.table, lex->shape, sizeof f.table);
        f.sum = tqc_verdicts_hash(0, f.table, sizeof f.table);
        tqc_cache_write(spath, &f, sizeof f);
    }
}

size_t tqc_lex_odd_trigrams(const tqc_lex *clex, const char *word, size_t len, size_t *spread)
{
    *spread = 0;
    if (!clex || !clex->map || len == 0)
        return 0;
    /* The table is the lexicon's own cache: made once under the lock, read-only after. */
    struct tqc_lex *lex = (struct tqc_lex *)clex;
    pthread_mutex_lock(&lex->shape_lock);
    if (!lex->shape_built) {
        open_shape(lex);
        lex->shape_built = true;
    }
    pthread_mutex_unlock(&lex->shape_lock);
    size_t first = 0, last = 0, n = shape_walk(word, len, shape_odd, lex, &first, &last);
    *spread = last - first;
    return n;
}
