#include "lang/forms.h"

#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "core/alloc.h"
#include "core/io.h"
#include "core/strmap.h"
#include "core/text.h"
#include "lang/verdicts.h"

/* Bump when the layout, the bits or the expansion change: older files are then stale. */
#define FORMS_MAGIC "TQCFRM13"
#define FORMS_BLOCK 4096
/* Hunspell's own limit on a word (MAXWORDLEN) and the record's length byte. */
#define FORMS_MAX_WORD 100
/* Heads of elided forms (below) a file holds at most, and groups (a record names one in
 * a byte); elided forms generated at most (Italian makes over 4 million, of which
 * Hunspell accepts 0.7 million: 1.5 GB while building): beyond any of
 * these, none are kept and such words are left to Hunspell. */
#define FORMS_MAX_HEADS 1024
#define FORMS_MAX_GROUPS 255
#define FORMS_MAX_PAIRS 16000000
/* Forms with hyphens or apostrophes that affixes make from stems of letters (French
 * imperatives `allez-y`, English possessives) a file keeps whole, at most: beyond, none
 * are kept and such words are left to Hunspell (Portuguese enclitics are millions). */
#define FORMS_MAX_MARKED 300000
/* Hyphenated forms that suffixes make beyond FORMS_MAX_MARKED (Portuguese enclitics,
 * `disse-lhe`, `dir-se-ia`: millions whole) are kept as their base (up to the suffix's
 * first hyphen, `disse`) and the tails it takes (`-lhe`): at most this many distinct
 * tails, and FORMS_MAX_PAIRS base and tail pairs, else none are kept. */
#define FORMS_MAX_TAILS 4096
/* Code points of a stem or affixed form while expanding. */
#define FORMS_MAX_CPS 128
/* Fields of one .aff line that matter (the rest is morphology). */
#define AFF_MAX_FIELDS 8
#define AFF_MAX_LINE 4096

/* A form's bits: accepted as written; a form of a stem written with a capital; of a
 * stem without KEEPCASE (homonyms may differ: one without is enough); a form of the
 * initial-capital twin Hunspell makes of a mixed-case or all-capitals stem (`DeKalb` ->
 * `Dekalb`, `ABC` -> `Abc`), which it accepts only for a word in capitals and which its
 * stemmer finds as any form. */
enum { FORM_KNOWN = 1, FORM_NAME = 2, FORM_ANYCASE = 4, FORM_HIDDEN = 8, FORM_KEEPCASE = 16,
       FORM_ELIDED = 32, FORM_FORBIDDEN = 64, FORM_CLITIC = 128 };
/* FORM_FORBIDDEN: a stem (or its capital twin) with the FORBIDDENWORD flag. Hunspell
 * refuses it and stops there, not trying its other cases (`KM` is not `km`): a lookup
 * that meets one is left to Hunspell. */
/* An elided form (French `l'emploi`, Italian `dell'anno`) is made by a prefix whose text
 * ends in an apostrophe: kept whole, they would be tens of millions. The file keeps the
 * part after the apostrophe (the tail, `emploi`) with FORM_ELIDED, and after the
 * record's word a count byte and, for each group of prefixes the tail takes, the
 * group's number and the elided form's bits. A group is the prefixes of one class that
 * differ only in their head (the text up to the apostrophe: `dell'`, `Dell'`, `DELL'`):
 * Hunspell accepts a head and a tail for all of them or for none, so one form a group
 * is verified with Hunspell. The header's heads table gives each head its groups. */
/* A base of hyphenated forms (FORM_CLITIC, see FORMS_MAX_TAILS): after the record's
 * word (and its elided forms), a two-byte count and, for each tail it takes, the tail's
 * number in the header's tails table (two bytes, the table sorted) and the form's bits. */
/* Homonyms with and without KEEPCASE: Hunspell's answer in another case depends on which
 * one it meets first, so the file does not decide it. */
#define CASE_MIXED(b) (((b) & (FORM_ANYCASE | FORM_KEEPCASE)) == (FORM_ANYCASE | FORM_KEEPCASE))
enum { FLAGS_CHAR, FLAGS_UTF8, FLAGS_LONG, FLAGS_NUM };
/* Header flags: the set is complete for words of letters; Hunspell breaks words at
 * hyphens; it holds every form with inner dots too (no affix adds a dot, no BREAK at
 * one), so that such a word (`p.m`) absent from it is unknown; likewise every form with
 * hyphens (no affix adds one, Hunspell's default BREAK), so that a hyphenated word
 * neither held nor made of known parts can be decided; and every form with inner
 * apostrophes, whole or elided (no BREAK pattern can cut at an inner apostrophe or a
 * letter, at most FORMS_MAX_HEADS heads). */
enum { HEAD_COMPLETE = 1, HEAD_HYPHEN_BREAK = 2, HEAD_DOTS_COMPLETE = 4,
       HEAD_HYPHENS_COMPLETE = 8, HEAD_APOSTROPHES_COMPLETE = 16, HEAD_ANCHORED_BREAKS = 32,
       HEAD_COMPOUNDS = 64, HEAD_CHECKSHARPS = 128, HEAD_STEM_PARTS = 256,
       HEAD_DEFAULT_BREAKS = 512, HEAD_DIGITS_COMPLETE = 1024 };
/* HEAD_DEFAULT_BREAKS: the .aff has no BREAK line, so Hunspell breaks at `-`, `^-` and
 * `-$` (by_default_breaks). HEAD_DIGITS_COMPLETE: besides, no affix adds or strips a
 * digit and every stem a COMPOUNDRULE flag marks opens with one (en_US's `1st/p`), so
 * the set holds every form with a digit and a word opening with a letter is no rule's
 * compound (by_digits). A file without them (an older one) leaves those words to
 * Hunspell, as before: the bits add answers, they change none. */
/* HEAD_COMPOUNDS: the .aff compounds by COMPOUNDBEGIN, COMPOUNDMIDDLE and COMPOUNDEND
 * flags (de_DE) and by nothing else: the set is complete for words of letters with
 * compounding modelled. Each record then has a role byte after its word (ROLE_*, what
 * Hunspell's compound_check may take the form for), forms that are only compound parts
 * (ONLYINCOMPOUND, NEEDAFFIX stems) are kept with no other bit, and the header's cpdmin
 * is COMPOUNDMIN. HEAD_CHECKSHARPS: the .aff has CHECKSHARPS, which makes Hunspell read
 * SS in a word in capitals as ß and accept a KEEPCASE form with ß with an initial
 * capital: such words are left to Hunspell. HEAD_STEM_PARTS: some stem is a first or
 * middle part by its own flag, not by an affix's (not so in de_DE): Hunspell's stemmer
 * then gives a compound a stem (`Boothaus` of Boot/x), which the set does not model. */
/* A form's compound roles: first part of a compound, a later part but the last, the last
 * part (as a stem with the flag, or made by affixes Hunspell allows there); ROLE_RISK:
 * some analysis is one the model does not follow (a FORBIDDENWORD or capital-twin stem
 * with a compound flag, twofold affixes, a lone circumfix), so a compound that meets the
 * form is left to Hunspell; ROLE_KEEPCASE: a first-part analysis has a KEEPCASE stem;
 * ROLE_FORBIDDEN: a form of a FORBIDDENWORD stem, which Hunspell refuses before trying
 * compounds. */
enum { ROLE_BEGIN = 1, ROLE_MIDDLE = 2, ROLE_END = 4, ROLE_RISK = 8, ROLE_KEEPCASE = 16,
       ROLE_FORBIDDEN = 32 };
/* HEAD_ANCHORED_BREAKS: the set is complete, holds every hyphenated form (whole, elided
 * or as a base and a tail), and every BREAK pattern is anchored (`^ex-`, `-chave$`,
 * pt_BR's): a hyphenated word is then decided as Hunspell breaks it (by_breaks), with the
 * patterns kept after the tails table. */

typedef struct header {
    char magic[8];
    uint64_t key;
    uint32_t flags;
    uint32_t slots;          /* count + a third: linear probing stays short */
    uint32_t count;
    uint32_t extra_len;      /* NUL-separated ICONV patterns after the records */
    uint32_t heads_len;      /* NUL-separated heads of elided forms after those */
    uint32_t heads_count;
    uint32_t tails_len;      /* NUL-separated tails (FORM_CLITIC) after the heads, sorted */
    uint32_t tails_count;
    uint32_t breaks_len;     /* NUL-separated anchored BREAK patterns after those */
    uint32_t cpdmin;         /* COMPOUNDMIN, with HEAD_COMPOUNDS */
    uint64_t data_len;       /* bytes of records */
    uint64_t nblocks;        /* FORMS_BLOCK blocks of the body (slots, records, extra) */
    uint64_t filter_len;     /* bytes of the forms' filter ending the body, 0: none */
    uint64_t head_sum;       /* of the fields above and the block sums */
} header;

struct tqc_forms {
    const unsigned char *map;
    size_t size;
    const unsigned char *body;
    uint64_t body_len;
    const uint32_t *slot;
    const unsigned char *data;
    const char *extra;
    const char *heads[FORMS_MAX_HEADS];
    size_t head_len[FORMS_MAX_HEADS];
    unsigned char head_group[FORMS_MAX_HEADS];
    const char **tails;          /* tails_count of them, sorted */
    unsigned char *tail_len;
    const char *breaks;          /* breaks_len bytes */
    header h;
    tqc_cache_blocks blocks;
    atomic_size_t lookups;       /* lookups that read the file (past the filter) */
    atomic_size_t asked;         /* lookups before the filter was built */
    _Atomic(const uint64_t *) filter;   /* see build_filter; NULL until built */
    size_t filter_bits;          /* a power of two */
    uint64_t serial;             /* this opening's number: keys the lookup memo */
    int fd;                      /* the file, for read_body; -1 when it could not be kept */
    uint64_t body_at;            /* the body's offset in the file */
    uint64_t filter_at;          /* the stored filter's offset in the body */
};

/* ---------------------------------------------------------------- reading */

static bool trusted(tqc_forms *f, uint64_t off, uint64_t len);

/* Reads the tails table and the BREAK patterns that follow the heads (at p): a damaged
 * or short table (or no memory) leaves no tail and no pattern trusted. */
static void read_tails(tqc_forms *f, const char *p)
{
    const header *h = &f->h;
    const char *end = p + h->tails_len;
    uint32_t n = 0;
    bool ok = (h->tails_len + h->breaks_len == 0 ||
               trusted(f, (uint64_t)(p - (const char *)f->body), h->tails_len + h->breaks_len)) &&
              (h->tails_count == 0 ||
               ((f->tails = tqc_calloc(h->tails_count, sizeof *f->tails)) &&
                (f->tail_len = tqc_calloc(h->tails_count, 1))));
    for (; ok && n < h->tails_count && p < end; n++) {
        size_t tl = strnlen(p, (size_t)(end - p));
        if (tl == (size_t)(end - p) || tl > FORMS_MAX_WORD)
            break;
        f->tails[n] = p;
        f->tail_len[n] = (unsigned char)tl;
        p += tl + 1;
    }
    f->breaks = end;
    if (!ok || n != h->tails_count || p != end ||
        (h->breaks_len && f->breaks[h->breaks_len - 1] != '\0')) {
        f->h.tails_count = 0;
        f->h.breaks_len = 0;
        f->h.flags &= ~(uint32_t)HEAD_ANCHORED_BREAKS;
    }
}

static size_t filter_bits_for(size_t count);
static uint64_t filter_offset(uint64_t before);
static void read_filter(tqc_forms *f);

tqc_forms *tqc_forms_open(const char *path, uint64_t key)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat sb;
    tqc_forms *f = NULL;
    header h;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || (size_t)sb.st_size < sizeof h)
        goto out;
    size_t size = (size_t)sb.st_size;
    void *m = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED)
        goto out;
    memcpy(&h, m, sizeof h);
    uint64_t body_len = size - sizeof h;
    bool ok = memcmp(h.magic, FORMS_MAGIC, 8) == 0 && h.key == key && h.slots >= 16 &&
              h.count < h.slots && h.nblocks < size / 8 &&
              body_len >= h.nblocks * 8;
    uint64_t filter_at = 0;
    if (ok) {
        body_len -= h.nblocks * 8;
        uint64_t before = (uint64_t)h.slots * 4 + h.data_len + h.extra_len + h.heads_len +
                          h.tails_len + h.breaks_len;
        filter_at = h.filter_len ? filter_offset(before) : before;
        ok = (body_len + FORMS_BLOCK - 1) / FORMS_BLOCK == h.nblocks &&
             before <= body_len && filter_at + h.filter_len == body_len &&
             (h.filter_len == 0 || h.filter_len == filter_bits_for(h.count) / 8) &&
             h.heads_count <= FORMS_MAX_HEADS && h.tails_count <= FORMS_MAX_TAILS &&
             (h.extra_len == 0 ||
              ((const char *)m)[size - (body_len - before) - h.breaks_len - h.tails_len -
                                h.heads_len - 1] == '\0');
    }
    /* The header and the block sums are checked now; each block when first read. */
    if (ok) {
        header z = h;
        z.head_sum = 0;
        uint64_t s = tqc_verdicts_hash(key, &z, sizeof z);
        ok = tqc_verdicts_hash(s, (const unsigned char *)m + sizeof h, h.nblocks * 8) == h.head_sum;
    }
    const unsigned char *sums = (const unsigned char *)m + sizeof h;
    if (ok && (!(f = tqc_calloc(1, sizeof *f)) ||
               !tqc_cache_blocks_init(&f->blocks, sums + h.nblocks * 8, body_len,
                                      (const uint64_t *)sums, h.nblocks, FORMS_BLOCK))) {
        free(f);
        f = NULL;
        ok = false;
    }
    if (!ok) {
        munmap(m, size);
        goto out;
    }
    /* Lookups probe a few scattered pages: without this the kernel maps the pages around
     * each one too, and a large file (pt, it: 60 MB) fills the resident set. */
    madvise(m, size, MADV_RANDOM);
    static atomic_uint_fast64_t opened;
    f->serial = atomic_fetch_add_explicit(&opened, 1, memory_order_relaxed) + 1;
    f->map = m;
    f->size = size;
    f->h = h;
    f->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    f->body_at = sizeof h + h.nblocks * 8;
    f->body = f->map + sizeof h + h.nblocks * 8;
    f->body_len = body_len;
    f->slot = (const uint32_t *)f->body;
    f->data = f->body + (size_t)h.slots * 4;
    f->extra = (const char *)f->data + h.data_len;
    /* The heads table is read now (a few hundred bytes), its blocks checked first. */
    const char *hp = f->extra + h.extra_len, *hend = hp + h.heads_len;
    uint32_t nh = 0;
    if (h.heads_len && !trusted(f, (uint64_t)(hp - (const char *)f->body), h.heads_len))
        nh = UINT32_MAX;
    for (; nh < h.heads_count && hp < hend; nh++) {
        size_t hl = strnlen(hp, (size_t)(hend - hp));
        if (hl == (size_t)(hend - hp))
            break;
        f->heads[nh] = hp;
        f->head_len[nh] = hl;
        hp += hl + 1;
    }
    /* Then each head's group, a byte each. */
    if (nh == h.heads_count && (size_t)(hend - hp) == nh)
        for (uint32_t k = 0; k < nh; k++)
            f->head_group[k] = (unsigned char)hp[k];
    else if (h.heads_count)
        nh = UINT32_MAX;
    if (nh != h.heads_count) {   /* damaged: no elided form is trusted */
        f->h.heads_count = 0;
        f->h.flags &= ~(uint32_t)(HEAD_APOSTROPHES_COMPLETE | HEAD_ANCHORED_BREAKS);
    }
    read_tails(f, hend);
    f->filter_at = filter_at;
out:
    close(fd);
    return f;
}

void tqc_forms_free(tqc_forms *f)
{
    if (!f)
        return;
    munmap((void *)f->map, f->size);
    if (f->fd >= 0)
        close(f->fd);
    tqc_cache_blocks_free(&f->blocks);
    free(f->tails);
    free(f->tail_len);
    free((void *)atomic_load(&f->filter));
    free(f);
}

bool tqc_forms_complete(const tqc_forms *f) { return f && (f->h.flags & HEAD_COMPLETE); }
size_t tqc_forms_count(const tqc_forms *f) { return f ? f->h.count : 0; }
bool tqc_forms_damaged(const tqc_forms *f) { return f && tqc_cache_blocks_damaged(&f->blocks); }

/* Whether the body bytes [off, off + len) lie in blocks whose checksums match. */
static bool trusted(tqc_forms *f, uint64_t off, uint64_t len)
{
    return tqc_cache_blocks_trusted(&f->blocks, off, len);
}

/* A run's first lookups read the slots and records they probe with pread instead of
 * through the mapping: a lookup through the mapping faults in the 64 KiB around each of
 * its two pages, which the releases below handed back every few lookups, and those faults
 * and releases were half of a cold German article's CPU time (2,201 lookups, 550 releases).
 * A read costs a system call and maps nothing, and a block is checked from a read of its
 * own bytes; past FORMS_READ_LOOKUPS, a long run's resident pages answer faster.
 * FORMS_READ_SLOTS slots are read at once: linear probing walks a few neighbours. */
#define FORMS_READ_LOOKUPS 4096
#define FORMS_READ_SLOTS 16
/* Records lie in slot order: the records of neighbouring slots are read at once. */
#define FORMS_READ_WINDOW 1024

/* trusted, a block not yet checked being read from the file rather than the mapping. */
static bool trusted_read(tqc_forms *f, uint64_t off, uint64_t len)
{
    return tqc_cache_blocks_trusted_read(&f->blocks, f->fd, f->body_at, off, len);
}

/* Reads the body bytes [off, off + n) into buf (off and n already checked in bounds). */
static bool read_body(const tqc_forms *f, void *buf, uint64_t off, size_t n)
{
    return pread(f->fd, buf, n, (off_t)(f->body_at + off)) == (ssize_t)n;
}

/* The body bytes [off, off + need) (in bounds) in win, which holds [*win_at, *win_at +
 * *win_n) and is read anew from off when they are not there; NULL when unreadable. */
static const unsigned char *window_at(const tqc_forms *f, unsigned char *win, uint64_t *win_at,
                                      size_t *win_n, uint64_t off, size_t need)
{
    if (off < *win_at || off + need > *win_at + *win_n) {
        uint64_t n = f->body_len - off;
        if (n > FORMS_READ_WINDOW)
            n = FORMS_READ_WINDOW;
        if (n < need || !read_body(f, win, off, (size_t)n))
            return NULL;
        *win_at = off;
        *win_n = (size_t)n;
    }
    return win + (off - *win_at);
}

/* A lookup reads two scattered pages, and the kernel maps the cached pages around each
 * (fault-around, 64 KiB, which MADV_RANDOM does not stop): a few thousand lookups made
 * a whole file of 10-60 MB resident. The pages of a file larger than FORMS_RESIDENT_MAX
 * are handed back every FORMS_RELEASE lookups; they come back from the page cache, the
 * same bytes (a file is replaced by rename, never changed in place, so a block checked
 * stays checked). A smaller file (en, de) stays mapped after FORMS_RESIDENT_AFTER
 * lookups (a long text): its resident pages are bounded by its size, and handing them
 * back cost half a long run's CPU in page faults and unmapping (Brown once: 1.5 s of
 * system time, 16,000 madvise calls). A run's first FORMS_READ_LOOKUPS lookups do not
 * use the mapping (above). */
#define FORMS_RELEASE 16
/* 12 MiB: en_US 2.8, en_GB 4.6, de_DE 9.5 MB with its compound parts. */
#define FORMS_RESIDENT_MAX ((size_t)12 << 20)
#define FORMS_RESIDENT_AFTER 4096
/* Most words a long text asks are absent (the spelling pass's one-edit variants of its
 * unknown words: a thousand a word), and each absent lookup faulted two pages in that
 * the next release handed back. A Bloom filter of the forms (8-16 bits a form, 4
 * probes in one cache line: a few percent false hits) answers those from memory. It is built once the lookups
 * reach a sixteenth of the forms (at least FORMS_FILTER_AFTER), so its cost (reading
 * and checking the whole file once) stays below what the lookups before it cost, and a
 * short text never pays it. */
#define FORMS_FILTER_AFTER 4096
#define FORMS_FILTER_PROBES 4
#define FORMS_FILTER_BITS 8
/* A file of up to 4 million forms stores its filter (built with the file), read whole
 * at the FORMS_STORED_FILTER_AFTER-th lookup that reaches the file: a German article's
 * compound splits and one-edit variants, mostly absent forms, made 4,912 such lookups
 * that read 2,007 of de_DE's 2,370 blocks, one pread at a time, where the filter is
 * 0.5 MB read once. A short article's few hundred lookups do not pay for it. A larger
 * file's filter is built as above, when a long run has paid for it. */
#define FORMS_STORED_FILTER_MAX ((size_t)4 << 20)
#define FORMS_STORED_FILTER_AFTER 1024
/* Slots walked between two hand-backs of the pages a build has read. */
#define FORMS_FILTER_RELEASE 65536

/* The filter is blocked: the probes of one word fall in one 64-byte line (h picks the
 * line, the other half of h the bits), one cache miss a lookup instead of one a probe. */
static size_t filter_line(size_t bits, uint64_t h)
{
    return (size_t)(h & (bits / 512 - 1)) * 8;
}

static bool filter_has(const uint64_t *filter, size_t bits, uint64_t h)
{
    const uint64_t *line = filter + filter_line(bits, h);
    uint64_t x = h >> 32 | h << 32;
    for (int i = 0; i < FORMS_FILTER_PROBES; i++, x >>= 9)
        if (!(line[(x >> 6) & 7] & (1ull << (x & 63))))
            return false;
    return true;
}

static void filter_add(uint64_t *filter, size_t bits, uint64_t h)
{
    uint64_t *line = filter + filter_line(bits, h);
    uint64_t x = h >> 32 | h << 32;
    for (int i = 0; i < FORMS_FILTER_PROBES; i++, x >>= 9)
        line[(x >> 6) & 7] |= 1ull << (x & 63);
}

/* The bits of a filter of count forms (a power of two, 8 or more a form). */
static size_t filter_bits_for(size_t count)
{
    size_t bits = 64 * 64;
    while (bits < (size_t)FORMS_FILTER_BITS * count && bits < ((size_t)1 << 40))
        bits *= 2;
    return bits;
}

/* Where a stored filter starts after the body's other parts (before bytes): at a block of
 * its own, so that reading it checks no other part's bytes. */
static uint64_t filter_offset(uint64_t before)
{
    return (before + FORMS_BLOCK - 1) / FORMS_BLOCK * FORMS_BLOCK;
}

/* Reads the file's stored filter into memory, its blocks checked (one thread, once). A
 * filter that cannot be read or checked is not used (a damaged block makes the file
 * answer nothing, as ever). */
static void read_filter(tqc_forms *f)
{
    size_t len = (size_t)f->h.filter_len;
    uint64_t *filter = f->fd >= 0 ? tqc_malloc(len) : NULL;
    if (filter &&
        tqc_cache_blocks_trusted_read(&f->blocks, f->fd, f->body_at, f->filter_at, len) &&
        pread(f->fd, filter, len, (off_t)(f->body_at + f->filter_at)) == (ssize_t)len) {
        f->filter_bits = len * 8;
        atomic_store_explicit(&f->filter, filter, memory_order_release);
        return;
    }
    free(filter);
}

/* Builds f's filter from every record (one thread, once). Each block the build reads is
 * checked: a filter made of a file any block of which does not match is not kept, so
 * that a word the filter lacks is exactly one get_rec would find absent in a trusted
 * file. Without the filter (no memory, a damaged file) lookups read the file as before. */
static void build_filter(tqc_forms *f)
{
    size_t bits = filter_bits_for(f->h.count);
    uint64_t *filter = tqc_calloc(bits / 64, sizeof *filter);
    if (!filter)
        return;
    uint64_t data_at = (uint64_t)f->h.slots * 4, data_end = data_at + f->h.data_len;
    bool ok = true;
    for (uint32_t at = 0; ok && at < f->h.slots; at++) {
        if (at % FORMS_FILTER_RELEASE == FORMS_FILTER_RELEASE - 1)
            madvise((void *)f->map, f->size, MADV_DONTNEED);
        ok = trusted(f, (uint64_t)at * 4, 4);
        uint32_t s = ok ? f->slot[at] : 0;
        if (s == 0)
            continue;
        uint64_t off = data_at + s - 1;
        ok = off + 2 <= data_end && trusted(f, off, 2) && off + 2 + f->body[off] <= data_end &&
             trusted(f, off, 2 + (uint64_t)f->body[off]);
        if (!ok)
            break;
        filter_add(filter, bits, tqc_strmap_hash((const char *)f->body + off + 2, f->body[off]));
    }
    madvise((void *)f->map, f->size, MADV_DONTNEED);
    if (!ok) {
        free(filter);
        return;
    }
    f->filter_bits = bits;
    atomic_store_explicit(&f->filter, filter, memory_order_release);
}

/* Set while tqc_forms_lacks asks: a lookup the filter cannot answer makes the answer
 * undecided (*ok false) instead of reading the file. */
static _Thread_local bool memory_only;

/* A run asks the same forms many times (a German compound's parts for each compound
 * that holds them, a word's case variants): each lookup that reads the file faults in
 * pages that the next release hands back (a cold German article: 2,458 lookups of 1,413
 * forms). Each thread keeps the answers it read, keyed by the file's opening and what was
 * asked; the file never changes while mapped, so an answer kept is the one a lookup would
 * read, and the pointers it holds stay in the mapping. */
#define FORMS_MEMO 1024          /* entries, a power of two */
#define FORMS_MEMO_WORD 30       /* longer forms are not kept */

typedef struct memo_entry {
    uint64_t serial;             /* tqc_forms.serial; 0: empty */
    uint64_t h;
    const unsigned char *pairs, *clitics;
    uint8_t len, asked, bits, role;
    char word[FORMS_MEMO_WORD];
} memo_entry;

static _Thread_local memo_entry read_memo[FORMS_MEMO];

static uint8_t read_rec(tqc_forms *f, const char *word, size_t len, uint64_t h, bool *ok,
                        const unsigned char **pairs, const unsigned char **clitics,
                        uint8_t *role);

/* The bits of word as written; 0 when absent. *ok false when the file cannot be trusted,
 * or (without role) at a FORM_FORBIDDEN form. With pairs, *pairs gets the record's elided
 * forms (a count, then head and bits pairs) when it has FORM_ELIDED, else NULL; with
 * role, *role its compound roles (0 without HEAD_COMPOUNDS). */
static uint8_t get_rec(tqc_forms *f, const char *word, size_t len, bool *ok,
                       const unsigned char **pairs, const unsigned char **clitics,
                       uint8_t *role)
{
    if (pairs)
        *pairs = NULL;
    if (clitics)
        *clitics = NULL;
    if (role)
        *role = 0;
    if (len == 0 || len > FORMS_MAX_WORD)
        return 0;
    uint64_t h = tqc_strmap_hash(word, len);
    const uint64_t *filter = atomic_load_explicit(&f->filter, memory_order_acquire);
    if (filter && !filter_has(filter, f->filter_bits, h))
        return 0;
    if (memory_only) {
        *ok = false;
        return 0;
    }
    uint8_t asked = (uint8_t)((pairs != NULL) | (clitics != NULL) << 1 | (role != NULL) << 2);
    memo_entry *m = &read_memo[(h ^ f->serial * 0x9E3779B97F4A7C15ull) & (FORMS_MEMO - 1)];
    if (m->serial == f->serial && m->h == h && m->len == len && m->asked == asked &&
        memcmp(m->word, word, len) == 0) {
        /* A damaged block found since makes the file answer nothing, as a read would. */
        if (tqc_forms_damaged(f)) {
            *ok = false;
            return 0;
        }
        if (pairs)
            *pairs = m->pairs;
        if (clitics)
            *clitics = m->clitics;
        if (role)
            *role = m->role;
        return m->bits;
    }
    bool read_ok = true;
    uint8_t bits = read_rec(f, word, len, h, &read_ok, pairs, clitics, role);
    if (!read_ok) {
        *ok = false;
        return bits;
    }
    if (len <= FORMS_MEMO_WORD) {
        *m = (memo_entry){.serial = f->serial, .h = h, .pairs = pairs ? *pairs : NULL,
                          .clitics = clitics ? *clitics : NULL, .len = (uint8_t)len,
                          .asked = asked, .bits = bits, .role = role ? *role : 0};
        memcpy(m->word, word, len);
    }
    return bits;
}

/* get_rec's read of the file (past the filter and the memo). */
static uint8_t read_rec(tqc_forms *f, const char *word, size_t len, uint64_t h, bool *ok,
                        const unsigned char **pairs, const unsigned char **clitics,
                        uint8_t *role)
{
    const uint64_t *filter = atomic_load_explicit(&f->filter, memory_order_acquire);
    if (!filter) {
        size_t after = f->h.count / 16 > FORMS_FILTER_AFTER ? f->h.count / 16 : FORMS_FILTER_AFTER;
        size_t asked = atomic_fetch_add_explicit(&f->asked, 1, memory_order_relaxed);
        if (f->h.filter_len ? asked == FORMS_STORED_FILTER_AFTER : asked == after)
            (f->h.filter_len ? read_filter : build_filter)(f);
    }
    size_t n = atomic_fetch_add_explicit(&f->lookups, 1, memory_order_relaxed);
    /* A run's first lookups read the file (see FORMS_READ_LOOKUPS); the rest the mapping. */
    bool cold = n < FORMS_READ_LOOKUPS && f->fd >= 0;
    if (cold && n + 1 == FORMS_READ_LOOKUPS)
        madvise((void *)f->map, f->size, MADV_DONTNEED);   /* what elided forms touched */
    if (!cold && n % FORMS_RELEASE == FORMS_RELEASE - 1 &&
        (f->size > FORMS_RESIDENT_MAX || n < FORMS_RESIDENT_AFTER))
        madvise((void *)f->map, f->size, MADV_DONTNEED);
    uint32_t slots = f->h.slots;
    uint32_t chunk[FORMS_READ_SLOTS];
    uint32_t chunk_at = 0, chunk_n = 0;   /* chunk holds slots [chunk_at, chunk_at + chunk_n) */
    unsigned char win[FORMS_READ_WINDOW];
    uint64_t win_at = 0;
    size_t win_n = 0;                     /* win holds the body bytes [win_at, win_at + win_n) */
    for (uint32_t i = 0, at = (uint32_t)(h % slots); i < slots;
         i++, at = at + 1 == slots ? 0 : at + 1) {
        if (!(cold ? trusted_read(f, (uint64_t)at * 4, 4) : trusted(f, (uint64_t)at * 4, 4))) {
            *ok = false;
            return 0;
        }
        uint32_t s;
        if (!cold) {
            s = f->slot[at];
        } else {
            if (at < chunk_at || at >= chunk_at + chunk_n) {
                chunk_n = slots - at < FORMS_READ_SLOTS ? slots - at : FORMS_READ_SLOTS;
                chunk_at = at;
                if (!read_body(f, chunk, (uint64_t)at * 4, (size_t)chunk_n * 4)) {
                    *ok = false;
                    return 0;
                }
            }
            s = chunk[at - chunk_at];
        }
        if (s == 0)
            return 0;
        uint64_t off = (uint64_t)f->h.slots * 4 + s - 1;
        uint64_t roles = (f->h.flags & HEAD_COMPOUNDS) != 0;
        const unsigned char *r = f->body + off;
        if (cold ? !trusted_read(f, off, 2) || !(r = window_at(f, win, &win_at, &win_n, off, 2)) ||
                       !trusted_read(f, off, 2 + (uint64_t)r[0] + roles) ||
                       !(r = window_at(f, win, &win_at, &win_n, off, 2 + (size_t)r[0] + roles))
                 : !trusted(f, off, 2) || !trusted(f, off, 2 + (uint64_t)r[0] + roles)) {
            *ok = false;
            return 0;
        }
        if (r[0] == len && memcmp(r + 2, word, len) == 0) {
            uint8_t b = r[1];
            if ((b & FORM_FORBIDDEN) && !role)
                *ok = false;
            uint64_t po = off + 2 + len;
            if (role && roles)
                *role = r[2 + len];
            po += roles;
            if ((pairs || clitics) && (b & FORM_ELIDED)) {
                if (!trusted(f, po, 1) || !trusted(f, po, 1 + 2 * (uint64_t)f->body[po])) {
                    *ok = false;
                    return 0;
                }
                if (pairs)
                    *pairs = f->body + po;
                po += 1 + 2 * (uint64_t)f->body[po];
            }
            if (clitics && (b & FORM_CLITIC)) {
                if (!trusted(f, po, 2) ||
                    !trusted(f, po, 2 + 3 * ((uint64_t)f->body[po] | (uint64_t)f->body[po + 1] << 8))) {
                    *ok = false;
                    return 0;
                }
                *clitics = f->body + po;
            }
            return b;
        }
    }
    return 0;
}

static uint8_t get(tqc_forms *f, const char *word, size_t len, bool *ok)
{
    return get_rec(f, word, len, ok, NULL, NULL, NULL);
}

/* The compound roles of word as written (ROLE_*); 0 when absent. */
static uint8_t get_role(tqc_forms *f, const char *word, size_t len, bool *ok)
{
    uint8_t role;
    get_rec(f, word, len, ok, NULL, NULL, &role);
    return role;
}

/* The bits of a hyphenated form kept as a base and a tail (FORM_CLITIC): the base is the
 * word up to a hyphen, the tail the rest from it; 0 when none. */
static uint8_t get_clitic(tqc_forms *f, const char *word, size_t len, bool *ok)
{
    uint8_t b = 0;
    for (size_t i = 1; f->h.tails_count && i + 1 < len; i++) {
        if (word[i] != '-')
            continue;
        /* The tail's number: a binary search of the sorted table. */
        size_t lo = 0, hi = f->h.tails_count, tl = len - i;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2, ml = f->tail_len[mid];
            int c = memcmp(f->tails[mid], word + i, ml < tl ? ml : tl);
            if (c == 0)
                c = ml < tl ? -1 : ml > tl;
            if (c == 0) {
                lo = mid;
                break;
            }
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo >= f->h.tails_count || f->tail_len[lo] != tl ||
            memcmp(f->tails[lo], word + i, tl) != 0)
            continue;
        const unsigned char *cl = NULL;
        get_rec(f, word, i, ok, NULL, &cl, NULL);
        size_t n = cl ? (size_t)cl[0] | (size_t)cl[1] << 8 : 0;
        for (size_t k = 0; k < n; k++)
            if (((size_t)cl[2 + 3 * k] | (size_t)cl[3 + 3 * k] << 8) == lo)
                b |= cl[4 + 3 * k];
    }
    return b;
}

/* The bits of word as written, whole or as a base and a tail (not elided). */
static uint8_t get_whole(tqc_forms *f, const char *word, size_t len, bool *ok)
{
    uint8_t b = get(f, word, len, ok);
    if (f->h.tails_count && memchr(word, '-', len))
        b |= get_clitic(f, word, len, ok);
    return (uint8_t)(b & ~(FORM_ELIDED | FORM_CLITIC));
}

/* Whether heads table entry k is the head word opens with, up to its apostrophe at i. */
static bool head_is(const tqc_forms *f, uint32_t k, const char *word, size_t i)
{
    return f->head_len[k] == i + 1 && memcmp(f->heads[k], word, i + 1) == 0;
}

/* The bits of word as written, whole or as an elided form: a head, then a tail that
 * takes it (any inner apostrophe may end the head). */
static uint8_t get_any(tqc_forms *f, const char *word, size_t len, bool *ok)
{
    uint8_t b = get(f, word, len, ok);
    for (size_t i = 1; f->h.heads_count && i + 1 < len; i++) {
        if (word[i] != '\'')
            continue;
        const unsigned char *pairs = NULL;
        bool looked = false;
        for (uint32_t k = 0; k < f->h.heads_count; k++) {
            if (!head_is(f, k, word, i))
                continue;
            if (!looked) {
                looked = true;
                if (!(get_rec(f, word + i + 1, len - i - 1, ok, &pairs, NULL, NULL) & FORM_ELIDED))
                    pairs = NULL;
            }
            for (unsigned j = 0; pairs && j < pairs[0]; j++)
                if (pairs[1 + 2 * j] == f->head_group[k])
                    b |= pairs[2 + 2 * j];
        }
    }
    if (f->h.tails_count && memchr(word, '-', len))
        b |= get_clitic(f, word, len, ok);
    return (uint8_t)(b & ~(FORM_ELIDED | FORM_CLITIC));
}

/* Whether some inner apostrophe of word ends a head of the file. */
static bool has_head(const tqc_forms *f, const char *word, size_t len)
{
    for (size_t i = 1; i + 1 < len; i++)
        for (uint32_t k = 0; word[i] == '\'' && k < f->h.heads_count; k++)
            if (head_is(f, k, word, i))
                return true;
    return false;
}

/* Whether s (len bytes, no NUL needed) holds a byte of set. */
static bool has_byte_of(const char *s, size_t len, const char *set)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] && strchr(set, s[i]))
            return true;
    return false;
}

static bool contains(const char *s, size_t len, const char *pat, size_t plen)
{
    for (size_t i = 0; i + plen <= len; i++)
        if (memcmp(s + i, pat, plen) == 0)
            return true;
    return false;
}

typedef enum { CAP_NO, CAP_INIT, CAP_ALL, CAP_HUH } captype;

static bool marked_shape(const tqc_forms *f, const char *word, size_t len, const char *marks,
                         captype *cap);

/* The shape of a word Hunspell's case rules see, or false when it is not all letters
 * or holds one of the aff's ICONV patterns (Hunspell converts those first). */
static bool letters_shape(const tqc_forms *f, const char *word, size_t len, const char *marks,
                          captype *cap)
{
    /* Marks inside only: Hunspell reads a final dot as an abbreviation's, and breaks a
     * word at a hyphen that opens or ends it. */
    if (*marks && (strchr(marks, word[0]) || strchr(marks, word[len - 1])))
        return false;
    return marked_shape(f, word, len, marks, cap);
}

/* letters_shape with marks at the ends too (by_default_breaks follows those). */
static bool marked_shape(const tqc_forms *f, const char *word, size_t len, const char *marks,
                         captype *cap)
{
    size_t upper = 0, n = 0;
    bool first_upper = false;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = tqc_text_decode(word + i, len - i, &cp);
        if (*marks && cp > 0 && cp < 0x80 && strchr(marks, (int)cp)) {
            i++;
            continue;
        }
        if (cp < 0 || !tqc_text_is_letter(cp))
            return false;
        if (tqc_text_is_upper(cp)) {
            upper++;
            first_upper |= i == 0;
        }
        n++;
        i += k;
    }
    for (const char *p = f->extra; p < f->extra + f->h.extra_len; p += strlen(p) + 1)
        if (*p && contains(word, len, p, strlen(p)))
            return false;
    *cap = upper == 0 ? CAP_NO : upper == n ? CAP_ALL
         : upper == 1 && first_upper ? CAP_INIT : CAP_HUH;
    return true;
}

/* Whether a case variant of word (as written, lower case, initial capital) is in the
 * set with the bits wanted, in the order Hunspell tries them: spelling accepts a form
 * as written, a lower-case form for an initial-capital or all-capitals word and an
 * initial-capital one for an all-capitals word (none of a KEEPCASE form), and the
 * capital twins only for a word in capitals; its stemmer (a name) looks at the same
 * variants without those conditions. */
static bool matched(tqc_forms *f, const char *word, size_t len, captype cap, bool name,
                    bool *ok)
{
    /* The stemmer (a name) is asked about whole forms only: see answer. */
    uint8_t (*look)(tqc_forms *, const char *, size_t, bool *) = name ? get_whole : get_any;
    uint8_t b = look(f, word, len, ok);
    if (name ? (b & (FORM_NAME | FORM_HIDDEN)) != 0 : (b & FORM_KNOWN) != 0)
        return true;
    if (cap == CAP_NO || cap == CAP_HUH)
        return false;
    char buf[FORMS_MAX_WORD * 2 + 8];
    size_t n = tqc_text_case(word, len, TQC_CASE_LOWER, buf, sizeof buf);
    b = n ? look(f, buf, n, ok) : 0;
    if (!name && CASE_MIXED(b))
        *ok = false;
    if (name ? (b & FORM_NAME) != 0 : (b & FORM_KNOWN) && (b & FORM_ANYCASE))
        return true;
    if (cap != CAP_ALL || !(n = tqc_text_case(word, len, TQC_CASE_TITLE, buf, sizeof buf)))
        return false;
    b = look(f, buf, n, ok);
    if (name)
        return (b & (FORM_NAME | FORM_HIDDEN)) != 0;
    if (CASE_MIXED(b))
        *ok = false;
    return (b & (FORM_KNOWN | FORM_HIDDEN)) && (b & FORM_ANYCASE);
}

/* Whether Hunspell accepts a word in capitals with an apostrophe (`L'AMOUR`): as written;
 * then in lower case with the part after the first apostrophe given an initial capital
 * (`l'Amour`), and that with the first part's too (`L'Amour`); then as any word in
 * capitals, with an initial capital and in lower case (a KEEPCASE form refused). */
static bool caps_apostrophe(tqc_forms *f, const char *word, size_t len, bool *ok)
{
    uint8_t b = get_any(f, word, len, ok);
    if (b & (FORM_KNOWN | FORM_HIDDEN))
        return true;
    char low[FORMS_MAX_WORD * 2 + 8], v[FORMS_MAX_WORD * 4 + 16], t1[FORMS_MAX_WORD * 2 + 8];
    size_t n = tqc_text_case(word, len, TQC_CASE_LOWER, low, sizeof low);
    const char *ap = n ? memchr(low, '\'', n) : NULL;
    const char *orig = memchr(word, '\'', len);
    /* Hunspell cuts the lower-case word where the apostrophe was before lowering it. */
    if (!n || !ap || !orig || ap - low != orig - word) {
        *ok = false;
        return false;
    }
    size_t a = (size_t)(ap - low) + 1;
    if (a < n) {
        size_t m2 = tqc_text_case(low + a, n - a, TQC_CASE_TITLE, v + a, sizeof v - a);
        size_t m1 = tqc_text_case(low, a, TQC_CASE_TITLE, t1, sizeof t1);
        if (!m2 || m1 != a) {
            *ok = false;
            return false;
        }
        memcpy(v, low, a);
        if (get_any(f, v, a + m2, ok) & (FORM_KNOWN | FORM_HIDDEN))
            return true;
        memcpy(v, t1, a);
        if (get_any(f, v, a + m2, ok) & (FORM_KNOWN | FORM_HIDDEN))
            return true;
    }
    size_t m = tqc_text_case(word, len, TQC_CASE_TITLE, v, sizeof v);
    b = m ? get_any(f, v, m, ok) : 0;
    if (CASE_MIXED(b))
        *ok = false;
    if ((b & (FORM_KNOWN | FORM_HIDDEN)) && (b & FORM_ANYCASE))
        return true;
    b = get_any(f, low, n, ok);
    if (CASE_MIXED(b))
        *ok = false;
    return (b & FORM_KNOWN) && (b & FORM_ANYCASE);
}

/* Hunspell breaks a word at its hyphens (BREAK, its default) when the whole is not a
 * word: a word whose every part it accepts, it accepts. At most this many parts, as
 * Hunspell's own recursion limit. */
#define FORMS_MAX_BREAKS 10

static tqc_forms_answer answer(tqc_forms *f, const char *word, size_t len, bool name);

/* A hyphenated word that is not a form as it stands: yes when every part is accepted
 * (Hunspell accepts it broken there). No when a part is refused and, the set holding
 * every hyphenated form, no run of parts around it is a form either: every way Hunspell
 * may break the word leaves that part, or a run holding it, to be accepted alone.
 * Undecided otherwise. */
static tqc_forms_answer by_parts(tqc_forms *f, const char *word, size_t len)
{
    size_t parts = 1, upper = 0, lower = 0;
    size_t at[FORMS_MAX_BREAKS + 1];   /* where each part starts */
    at[0] = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        if (word[i] == '-' && parts <= FORMS_MAX_BREAKS)
            at[parts] = i + 1;
        parts += word[i] == '-';
        i += tqc_text_decode(word + i, len - i, &cp);
        upper += tqc_text_is_upper(cp);
        lower += tqc_text_is_lower(cp);
    }
    /* A word in capitals is lower-cased before Hunspell breaks it (AFRO-ASIAN is not
     * Afro + Asian to it): left to Hunspell. */
    if (upper && !lower)
        return TQC_FORMS_UNDECIDED;
    if (!(f->h.flags & HEAD_HYPHEN_BREAK) || parts < 2 || parts >= FORMS_MAX_BREAKS ||
        word[0] == '-' || word[len - 1] == '-')
        return TQC_FORMS_UNDECIDED;
    size_t refused = parts;
    for (size_t k = 0; k < parts; k++) {
        size_t end = k + 1 < parts ? at[k + 1] - 1 : len;
        tqc_forms_answer a = end > at[k] ? answer(f, word + at[k], end - at[k], false)
                                         : TQC_FORMS_UNDECIDED;
        if (a == TQC_FORMS_UNDECIDED)
            return a;
        if (a == TQC_FORMS_NO && refused == parts)
            refused = k;
    }
    if (refused == parts)
        return TQC_FORMS_YES;
    /* A compound may hold the refused part (hyphened_compound). */
    if (!(f->h.flags & HEAD_HYPHENS_COMPLETE) || (f->h.flags & HEAD_COMPOUNDS))
        return TQC_FORMS_UNDECIDED;
    for (size_t first = 0; first <= refused; first++)
        for (size_t last = refused; last < parts; last++) {
            if (last == first || (first == 0 && last == parts - 1))
                continue;   /* one part (refused), or the whole (not a form) */
            size_t end = last + 1 < parts ? at[last + 1] - 1 : len;
            captype cap;
            bool ok = true;
            if (!letters_shape(f, word + at[first], end - at[first], "-", &cap) ||
                matched(f, word + at[first], end - at[first], cap, false, &ok) || !ok)
                return TQC_FORMS_UNDECIDED;
        }
    return TQC_FORMS_NO;
}

/* A hyphenated word of a file with HEAD_ANCHORED_BREAKS, as Hunspell's spell decides it:
 * a form (whole or a base and a tail) in a case its rules try; else, for each BREAK
 * pattern in turn, `^P` opening the word or `P$` ending it (and shorter than it), the word
 * without it (the anchors never occur in a word, so Hunspell's unanchored pass and its
 * count of break points find nothing). No when no pattern leaves an accepted word. A word
 * in capitals is broken as Hunspell leaves it after trying its cases: with an initial
 * capital only (`EX-MINISTRO` as `Ex-ministro`); one opening with a dotted capital I,
 * which Hunspell keeps, is left to it. */
static tqc_forms_answer by_breaks(tqc_forms *f, const char *word, size_t len, captype cap)
{
    bool ok = true;
    bool yes = matched(f, word, len, cap, false, &ok);
    if (!ok || yes)
        return ok ? TQC_FORMS_YES : TQC_FORMS_UNDECIDED;
    /* Capitals and uncased letters only (`º-AL`): Hunspell reads the word as in capitals,
     * letters_shape as of mixed case. */
    bool lower = false;
    for (size_t i = 0; i < len && cap == CAP_HUH;) {
        int32_t cp;
        i += tqc_text_decode(word + i, len - i, &cp);
        lower |= tqc_text_is_lower(cp);
    }
    if (cap == CAP_HUH && !lower)
        return TQC_FORMS_UNDECIDED;
    char title[FORMS_MAX_WORD * 2 + 8];
    if (cap == CAP_ALL) {
        if (len >= 2 && (unsigned char)word[0] == 0xC4 && (unsigned char)word[1] == 0xB0)
            return TQC_FORMS_UNDECIDED;
        size_t n = tqc_text_case(word, len, TQC_CASE_TITLE, title, sizeof title);
        if (n == 0)
            return TQC_FORMS_UNDECIDED;
        word = title;
        len = n;
    }
    tqc_forms_answer out = TQC_FORMS_NO;
    for (const char *p = f->breaks; p < f->breaks + f->h.breaks_len; p += strlen(p) + 1) {
        size_t pl = strlen(p);
        if (pl <= 1 || pl > len)
            continue;
        tqc_forms_answer a[2] = {TQC_FORMS_NO, TQC_FORMS_NO};
        if (p[0] == '^' && memcmp(word, p + 1, pl - 1) == 0)
            a[0] = answer(f, word + pl - 1, len - pl + 1, false);
        if (p[pl - 1] == '$' && memcmp(word + len - pl + 1, p, pl - 1) == 0)
            a[1] = answer(f, word, len - pl + 1, false);
        if (a[0] == TQC_FORMS_YES || a[1] == TQC_FORMS_YES)
            return TQC_FORMS_YES;
        if (a[0] == TQC_FORMS_UNDECIDED || a[1] == TQC_FORMS_UNDECIDED)
            out = TQC_FORMS_UNDECIDED;
    }
    return out;
}

/* Hunspell's compound_check (COMPOUNDBEGIN, COMPOUNDMIDDLE and COMPOUNDEND flags only) on
 * the part of s from byte from: split after at least cpdmin characters, before the last
 * cpdmin, in order; a first part that takes the first role (ROLE_BEGIN for the word's
 * first, ROLE_MIDDLE after it) and a rest that takes ROLE_END, or is itself such a
 * compound, make the first compound Hunspell finds. A part it may read otherwise
 * (ROLE_RISK), or a whole word of a FORBIDDENWORD stem, which Hunspell checks after a
 * compound rest, makes the answer undecided. memo holds the answers for a rest (1 + the
 * answer; 0: not asked): they do not depend on the parts before it. *first gets the
 * roles of the first part of the compound found. */
static tqc_forms_answer compound_from(tqc_forms *f, const char *s, size_t len, size_t from,
                                      bool later, unsigned char *memo, uint8_t *first)
{
    if (later && memo[from])
        return (tqc_forms_answer)(memo[from] - 1);
    const char *w = s + from;
    size_t n = len - from, cmin = 0, cmax = n;
    for (uint32_t k = 0; k < f->h.cpdmin && cmin < n; k++)
        for (cmin++; cmin < n && ((unsigned char)w[cmin] & 0xC0) == 0x80; cmin++)
            ;
    for (uint32_t k = 0; k + 1 < f->h.cpdmin && cmax > 0; k++)
        for (cmax--; cmax > 0 && ((unsigned char)w[cmax] & 0xC0) == 0x80; cmax--)
            ;
    tqc_forms_answer out = TQC_FORMS_NO;
    for (size_t i = cmin; i < cmax; i++) {
        if (((unsigned char)w[i] & 0xC0) == 0x80)
            continue;
        bool ok = true;
        uint8_t r1 = get_role(f, w, i, &ok);
        if (!ok || (r1 & ROLE_RISK)) {
            out = TQC_FORMS_UNDECIDED;
            break;
        }
        if (!(r1 & (later ? ROLE_MIDDLE : ROLE_BEGIN)))
            continue;
        uint8_t r2 = get_role(f, w + i, n - i, &ok), sub_first;
        if (!ok || (r2 & ROLE_RISK)) {
            out = TQC_FORMS_UNDECIDED;
            break;
        }
        tqc_forms_answer a = (r2 & ROLE_END) ? TQC_FORMS_YES
                           : compound_from(f, s, len, from + i, true, memo, &sub_first);
        /* Hunspell refuses a compound rest of a word of a FORBIDDENWORD stem. */
        if (a == TQC_FORMS_YES && !(r2 & ROLE_END) &&
            ((get_role(f, w, n, &ok) & ROLE_FORBIDDEN) || !ok))
            a = TQC_FORMS_UNDECIDED;
        if (a != TQC_FORMS_NO) {
            *first = r1;
            out = a;
            break;
        }
    }
    if (later)
        memo[from] = (unsigned char)(out + 1);
    return out;
}

/* Hunspell's checkword on v (vl bytes) when the set holds no form of it (a capital twin
 * counting when twins): its compound_check. The answer of a form held is matched's: NO
 * here. A word of a FORBIDDENWORD stem is left to Hunspell (it refuses it before trying
 * compounds), and so is a compound whose first part may be KEEPCASE when keepcase
 * refuses one. */
static tqc_forms_answer compound_word(tqc_forms *f, const char *v, size_t vl, bool twins,
                                      bool keepcase, bool *ok)
{
    if (vl == 0 || vl > FORMS_MAX_WORD)
        return TQC_FORMS_UNDECIDED;
    uint8_t b = get(f, v, vl, ok);
    if (!*ok)
        return TQC_FORMS_UNDECIDED;
    if (b & (twins ? FORM_KNOWN | FORM_HIDDEN : FORM_KNOWN))
        return TQC_FORMS_NO;
    if ((get_role(f, v, vl, ok) & ROLE_FORBIDDEN) || !*ok)
        return TQC_FORMS_UNDECIDED;
    unsigned char memo[FORMS_MAX_WORD + 1] = {0};
    uint8_t first = 0;
    tqc_forms_answer a = compound_from(f, v, vl, 0, false, memo, &first);
    return a == TQC_FORMS_YES && keepcase && (first & ROLE_KEEPCASE) ? TQC_FORMS_UNDECIDED : a;
}

/* Hunspell's spellsharps (CHECKSHARPS) on base, a word in capitals lowered or with an
 * initial capital: each way of writing ß for the first five `ss` from byte from, ß
 * first, at least one; accepted when checkword accepts one (a form, even KEEPCASE, or
 * a compound). */
static tqc_forms_answer sharps_from(tqc_forms *f, char *base, size_t len, size_t from,
                                    int n, int reps, bool *ok)
{
    size_t pos = from;
    while (pos + 1 < len && !(base[pos] == 's' && base[pos + 1] == 's'))
        pos++;
    if (pos + 1 < len && n < 5) {
        base[pos] = (char)0xC3;
        base[pos + 1] = (char)0x9F;
        tqc_forms_answer a = sharps_from(f, base, len, pos + 2, n + 1, reps + 1, ok);
        base[pos] = base[pos + 1] = 's';
        return a != TQC_FORMS_NO ? a : sharps_from(f, base, len, pos + 2, n + 1, reps, ok);
    }
    if (reps == 0)
        return TQC_FORMS_NO;
    uint8_t b = get(f, base, len, ok);
    if (!*ok)
        return TQC_FORMS_UNDECIDED;
    return (b & (FORM_KNOWN | FORM_HIDDEN)) ? TQC_FORMS_YES
                                            : compound_word(f, base, len, true, false, ok);
}

/* Whether Hunspell accepts word (of shape cap) as a compound in one of the cases its
 * spell tries, matched having found no form: the word as written; in capitals with SS
 * (CHECKSHARPS), with ß for ss; then (initial capital, capitals) with an initial capital
 * and in lower case, where a KEEPCASE stem is refused. *ok false: undecided. */
static bool compound_cases(tqc_forms *f, const char *word, size_t len, captype cap, bool *ok)
{
    char title[FORMS_MAX_WORD * 2 + 8], low[FORMS_MAX_WORD * 2 + 8];
    size_t tl = cap == CAP_ALL ? tqc_text_case(word, len, TQC_CASE_TITLE, title, sizeof title) : 0;
    size_t ll = cap == CAP_ALL || cap == CAP_INIT
              ? tqc_text_case(word, len, TQC_CASE_LOWER, low, sizeof low) : 0;
    if ((cap == CAP_ALL && !tl) || ((cap == CAP_ALL || cap == CAP_INIT) && !ll)) {
        *ok = false;
        return false;
    }
    /* Hunspell skips capital twins for a word with an initial capital as written. */
    tqc_forms_answer a = compound_word(f, word, len, cap != CAP_INIT, false, ok);
    if (a == TQC_FORMS_NO && cap == CAP_ALL && (f->h.flags & HEAD_CHECKSHARPS) &&
        contains(word, len, "SS", 2)) {
        char base[FORMS_MAX_WORD * 2 + 8];
        memcpy(base, low, ll);
        a = sharps_from(f, base, ll, 0, 0, 0, ok);
        if (a == TQC_FORMS_NO && tl == ll) {
            memcpy(base, title, tl);
            a = sharps_from(f, base, tl, 0, 0, 0, ok);
        } else if (a == TQC_FORMS_NO) {
            a = TQC_FORMS_UNDECIDED;
        }
    }
    if (a == TQC_FORMS_NO && tl)
        a = compound_word(f, title, tl, true, true, ok);
    if (a == TQC_FORMS_NO && ll)
        a = compound_word(f, low, ll, true, true, ok);
    if (a == TQC_FORMS_UNDECIDED)
        *ok = false;
    return a == TQC_FORMS_YES && *ok;
}

/* What compounding adds to matched's no (a word of a HEAD_COMPOUNDS file): for spelling,
 * compound_cases; for a name, nothing when Hunspell's stemmer gives a compound no stem
 * (its analysis has no st: field where every first part is made by an affix, as in
 * de_DE), else undecided for a word that may be a compound. */
static bool compound_name(tqc_forms *f, const char *word, size_t len, captype cap, bool name,
                          bool *ok)
{
    if (!name)
        return compound_cases(f, word, len, cap, ok);
    if ((f->h.flags & HEAD_STEM_PARTS) && (compound_cases(f, word, len, cap, ok) || !*ok))
        *ok = false;
    return false;
}

/* Whether a case of word Hunspell's stemmer reads (as written, lower case, initial
 * capital) is a form of a FORBIDDENWORD stem: the stemmer does not refuse those. */
static bool forbidden_case(tqc_forms *f, const char *word, size_t len, bool *ok)
{
    char buf[FORMS_MAX_WORD * 2 + 8];
    if (get_role(f, word, len, ok) & ROLE_FORBIDDEN)
        return true;
    for (int k = 0; k < 2; k++) {
        size_t n = tqc_text_case(word, len, k ? TQC_CASE_TITLE : TQC_CASE_LOWER, buf, sizeof buf);
        if (!n || (get_role(f, buf, n, ok) & ROLE_FORBIDDEN))
            return true;
    }
    return false;
}

/* Whether CHECKSHARPS may make Hunspell read word otherwise than the set: SS in a word in
 * capitals (which it tries as ß: compound_cases follows it for spelling, not for a name),
 * or an initial-capital word with ß whose lower case is a KEEPCASE form (accepted then). */
static bool sharps_unsure(tqc_forms *f, const char *word, size_t len, captype cap, bool name,
                          bool *ok)
{
    if (!(f->h.flags & HEAD_CHECKSHARPS))
        return false;
    if (cap == CAP_ALL)
        return (name || !(f->h.flags & HEAD_COMPOUNDS)) && contains(word, len, "SS", 2);
    if (cap != CAP_INIT || !contains(word, len, "\xC3\x9F", 2))
        return false;
    char low[FORMS_MAX_WORD * 2 + 8];
    size_t n = tqc_text_case(word, len, TQC_CASE_LOWER, low, sizeof low);
    return !n || (get(f, low, n, ok) & FORM_KEEPCASE);
}

/* Whether word is letters and hyphens, with one at least and letters inside (`Arbeits-`,
 * `-Arbeits`, `Nordsee-Windpark`), and its shape as Hunspell's captype reads it: a word
 * opening with a hyphen has no initial capital (one capital is a mixed case); one in
 * capitals opening so is not followed (Hunspell's initial capital of it is its lower
 * case), false. */
static bool hyphened_shape(const tqc_forms *f, const char *word, size_t len, captype *cap)
{
    size_t a = 0, b = len;
    while (a < b && word[a] == '-')
        a++;
    while (b > a && word[b - 1] == '-')
        b--;
    if (a == b || (a == 0 && b == len && !memchr(word, '-', len)) ||
        !letters_shape(f, word + a, b - a, "-", cap))
        return false;
    if (a > 0 && *cap == CAP_INIT)
        *cap = CAP_HUH;
    return !(a > 0 && *cap == CAP_ALL);
}

/* A word of letters and hyphens of a file with HEAD_COMPOUNDS and HEAD_HYPHENS_COMPLETE,
 * as Hunspell's spell reads it: a form or a compound (whose parts may hold hyphens:
 * `-Arbeits`) in a case it tries; else, fewer than ten hyphens, broken at the first one
 * and accepted when the rest and then the first part are; a word in capitals is broken
 * as Hunspell leaves it after trying its cases, with an initial capital. Its stemmer
 * never breaks a word: a name is a form's, or a compound's (compound_name). */
static tqc_forms_answer hyphened_compound(tqc_forms *f, const char *word, size_t len,
                                          captype cap, bool name)
{
    bool ok = true;
    if (sharps_unsure(f, word, len, cap, name, &ok) || (name && forbidden_case(f, word, len, &ok)))
        return TQC_FORMS_UNDECIDED;
    bool yes = matched(f, word, len, cap, name, &ok);
    if (ok && !yes)
        yes = compound_name(f, word, len, cap, name, &ok);
    if (!ok)
        return TQC_FORMS_UNDECIDED;
    if (yes || name)
        return yes ? TQC_FORMS_YES : TQC_FORMS_NO;
    size_t hyphens = 0;
    for (size_t i = 0; i < len; i++)
        hyphens += word[i] == '-';
    if (hyphens >= 10)
        return TQC_FORMS_NO;
    char title[FORMS_MAX_WORD * 2 + 8];
    if (cap == CAP_ALL) {
        /* A dotted capital I Hunspell keeps: left to it. */
        if (len >= 2 && (unsigned char)word[0] == 0xC4 && (unsigned char)word[1] == 0xB0)
            return TQC_FORMS_UNDECIDED;
        if (!(len = tqc_text_case(word, len, TQC_CASE_TITLE, title, sizeof title)))
            return TQC_FORMS_UNDECIDED;
        word = title;
    }
    /* Hunspell breaks at the first hyphen only, and not one opening or ending the word. */
    const char *h = memchr(word, '-', len);
    if (!h)
        return TQC_FORMS_UNDECIDED;
    if (h == word || (size_t)(h - word) + 1 >= len)
        return TQC_FORMS_NO;
    size_t at = (size_t)(h - word);
    tqc_forms_answer rest = answer(f, word + at + 1, len - at - 1, false);
    return rest == TQC_FORMS_YES ? answer(f, word, at, false) : rest;
}

/* Hunspell's spell on a word of letters, hyphens and apostrophes (at least one mark, at
 * an end too: `'tis`, `ever-`, `AVANT-GARDE`, `drunk'-and`) of a file that holds every
 * form with either mark, has no compounding, no elided or hyphen-tail forms and Hunspell's
 * default BREAK patterns: the word in the cases its spell tries (matched; in capitals
 * with an apostrophe, caps_apostrophe); else, fewer than ten hyphens, the word as the
 * case rules leave it (in capitals: lower case with an initial capital) broken as
 * Hunspell's spell breaks it: without a hyphen opening it, without one ending it, then
 * at its second inner hyphen (when one more comes before the last character) and at its
 * first, the part after and then the part before accepted. Undecided where any
 * step is: a word in capitals opening with a mark (Hunspell capitalises the mark, not
 * the first letter), a letter of no case, a form the model leaves to Hunspell. */
static tqc_forms_answer by_default_breaks(tqc_forms *f, const char *word, size_t len)
{
    captype cap;
    if (len == 0 || len > FORMS_MAX_WORD || !marked_shape(f, word, len, "-'", &cap))
        return TQC_FORMS_UNDECIDED;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += tqc_text_decode(word + i, len - i, &cp);
        if (cp != '-' && cp != '\'' && !tqc_text_is_upper(cp) && !tqc_text_is_lower(cp))
            return TQC_FORMS_UNDECIDED;
    }
    bool opens_marked = word[0] == '-' || word[0] == '\'';
    if (cap == CAP_ALL && opens_marked)
        return TQC_FORMS_UNDECIDED;
    bool ok = true;
    bool yes = cap == CAP_ALL && memchr(word, '\'', len)
             ? caps_apostrophe(f, word, len, &ok)
             : matched(f, word, len, cap, false, &ok);
    if (!ok || yes)
        return ok ? TQC_FORMS_YES : TQC_FORMS_UNDECIDED;
    char title[FORMS_MAX_WORD * 2 + 8];
    if (cap == CAP_ALL) {
        if (len >= 2 && (unsigned char)word[0] == 0xC4 && (unsigned char)word[1] == 0xB0)
            return TQC_FORMS_UNDECIDED;   /* a dotted capital I, which Hunspell keeps */
        size_t n = tqc_text_case(word, len, TQC_CASE_TITLE, title, sizeof title);
        if (n == 0 || n > FORMS_MAX_WORD)
            return TQC_FORMS_UNDECIDED;
        word = title;
        len = n;
    }
    size_t hyphens = 0;
    for (size_t i = 0; i < len; i++)
        hyphens += word[i] == '-';
    if (hyphens == 0 || hyphens >= FORMS_MAX_BREAKS)
        return TQC_FORMS_NO;
    tqc_forms_answer out = TQC_FORMS_NO, a;
    /* `^-`, then `-$`: the word without that hyphen. */
    if (len >= 2 && word[0] == '-') {
        if ((a = by_default_breaks(f, word + 1, len - 1)) == TQC_FORMS_YES)
            return a;
        if (a == TQC_FORMS_UNDECIDED)
            out = a;
    }
    if (len >= 2 && word[len - 1] == '-') {
        if ((a = by_default_breaks(f, word, len - 1)) == TQC_FORMS_YES)
            return a;
        if (a == TQC_FORMS_UNDECIDED)
            out = a;
    }
    /* `-` inside, at the second hyphen when one more follows before the last character,
     * then at the first: both sides accepted, the part after first. */
    size_t first = (size_t)((const char *)memchr(word, '-', len) - word);
    if (first == 0 || first + 1 >= len)
        return out;
    const char *h2 = memchr(word + first + 1, '-', len - first - 1);
    size_t second = h2 && (size_t)(h2 - word) + 1 < len ? (size_t)(h2 - word) : first;
    for (int k = 0; k < 2; k++) {
        size_t at = k == 0 ? second : first;
        if (k == 1 && at == second)
            break;   /* the same split again */
        a = by_default_breaks(f, word + at + 1, len - at - 1);
        if (a != TQC_FORMS_NO) {
            tqc_forms_answer b = by_default_breaks(f, word, at);
            a = b == TQC_FORMS_NO ? b : a == TQC_FORMS_YES ? b : TQC_FORMS_UNDECIDED;
        }
        if (a == TQC_FORMS_YES)
            return a;
        if (a == TQC_FORMS_UNDECIDED)
            out = a;
    }
    return out;
}

/* Hunspell's spell on a word of letters and digits opening with a letter (`A135`,
 * `mp3`) of a HEAD_DIGITS_COMPLETE file: no number (it has letters), no rule's compound
 * (it opens with a letter), no break (no hyphen): a form in a case its spell tries, the
 * digits neither upper nor lower case, as Hunspell counts them. */
static tqc_forms_answer by_digits(tqc_forms *f, const char *word, size_t len)
{
    captype cap;
    bool digit = false;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += tqc_text_decode(word + i, len - i, &cp);
        digit |= cp >= '0' && cp <= '9';
        if (!(cp >= '0' && cp <= '9') && !tqc_text_is_upper(cp) && !tqc_text_is_lower(cp))
            return TQC_FORMS_UNDECIDED;
    }
    if (!digit || (word[0] >= '0' && word[0] <= '9') ||
        !marked_shape(f, word, len, "0123456789", &cap))
        return TQC_FORMS_UNDECIDED;
    bool ok = true;
    bool yes = matched(f, word, len, cap, false, &ok);
    return !ok ? TQC_FORMS_UNDECIDED : yes ? TQC_FORMS_YES : TQC_FORMS_NO;
}

static tqc_forms_answer answer_modelled(tqc_forms *f, const char *word, size_t len, bool name);

/* answer_modelled's; where it is undecided on a word with marks at its ends or in
 * capitals with hyphens, by_default_breaks' (a file it applies to), and on a word with
 * digits, by_digits'. */
static tqc_forms_answer answer(tqc_forms *f, const char *word, size_t len, bool name)
{
    tqc_forms_answer a = answer_modelled(f, word, len, name);
    uint32_t want = HEAD_COMPLETE | HEAD_DEFAULT_BREAKS | HEAD_HYPHENS_COMPLETE |
                    HEAD_APOSTROPHES_COMPLETE;
    if (a != TQC_FORMS_UNDECIDED || name || !f || (f->h.flags & want) != want ||
        (f->h.flags & (HEAD_COMPOUNDS | HEAD_CHECKSHARPS)) || f->h.heads_count ||
        f->h.tails_count)
        return a;
    if ((f->h.flags & HEAD_DIGITS_COMPLETE) && len <= FORMS_MAX_WORD &&
        has_byte_of(word, len, "0123456789"))
        return by_digits(f, word, len);
    return by_default_breaks(f, word, len);
}

static tqc_forms_answer answer_modelled(tqc_forms *f, const char *word, size_t len, bool name)
{
    captype cap;
    if (!f || len == 0 || len > FORMS_MAX_WORD)
        return TQC_FORMS_UNDECIDED;
    bool ok = true;
    if (!letters_shape(f, word, len, "", &cap)) {
        uint32_t hc = HEAD_COMPOUNDS | HEAD_HYPHENS_COMPLETE;
        if ((f->h.flags & hc) == hc && hyphened_shape(f, word, len, &cap))
            return hyphened_compound(f, word, len, cap, name);
        /* Another shape: a form the file holds as written (`p.m.`), a word with inner
         * dots or hyphens when the set has them all, or one made of known parts. */
        bool dots = (f->h.flags & HEAD_DOTS_COMPLETE) && letters_shape(f, word, len, ".", &cap);
        bool hyphens = !dots && (f->h.flags & HEAD_HYPHENS_COMPLETE) &&
                       letters_shape(f, word, len, "-", &cap);
        /* A word with inner apostrophes when the set has them all, whole or elided. */
        bool apostrophes = !dots && !hyphens && (f->h.flags & HEAD_APOSTROPHES_COMPLETE) &&
                           letters_shape(f, word, len, "'", &cap);
        /* A hyphenated word where every BREAK pattern is anchored (pt_BR). The stemmer
         * never breaks a word: a name is a form's, whole or as base and tail. */
        bool breaks = !dots && !hyphens && !apostrophes &&
                      (f->h.flags & HEAD_ANCHORED_BREAKS) && letters_shape(f, word, len, "-", &cap);
        if (breaks && name) {
            bool yes = matched(f, word, len, cap, true, &ok);
            return !ok ? TQC_FORMS_UNDECIDED : yes ? TQC_FORMS_YES : TQC_FORMS_NO;
        }
        if (breaks)
            return by_breaks(f, word, len, cap);
        if (apostrophes && name) {
            /* The stemmer: whole forms, of a word not in capitals (Hunspell reads those
             * its own way); the stem of an elided form is not modelled. */
            if (cap == CAP_ALL)
                return TQC_FORMS_UNDECIDED;
            bool yes = matched(f, word, len, cap, true, &ok);
            return !ok ? TQC_FORMS_UNDECIDED : yes ? TQC_FORMS_YES
                 : has_head(f, word, len) ? TQC_FORMS_UNDECIDED : TQC_FORMS_NO;
        }
        if (apostrophes) {
            bool yes = cap == CAP_ALL ? caps_apostrophe(f, word, len, &ok)
                                      : matched(f, word, len, cap, false, &ok);
            return !ok ? TQC_FORMS_UNDECIDED : yes ? TQC_FORMS_YES : TQC_FORMS_NO;
        }
        if (dots || (hyphens && name)) {
            /* Hunspell's stemmer never breaks a word: the whole is a form or none. */
            bool yes = matched(f, word, len, cap, name, &ok);
            return !ok ? TQC_FORMS_UNDECIDED : yes ? TQC_FORMS_YES : TQC_FORMS_NO;
        }
        if (name)
            return TQC_FORMS_UNDECIDED;
        if (hyphens && cap != CAP_ALL) {
            bool yes = matched(f, word, len, cap, false, &ok);
            if (!ok || yes)
                return ok ? TQC_FORMS_YES : TQC_FORMS_UNDECIDED;
        } else {
            uint8_t b = get(f, word, len, &ok);
            if (ok && (b & FORM_KNOWN))
                return TQC_FORMS_YES;
        }
        return ok && tqc_forms_complete(f) ? by_parts(f, word, len) : TQC_FORMS_UNDECIDED;
    }
    if (!tqc_forms_complete(f)) {
        /* A partial set vouches only for a form it holds, as written. */
        bool yes = !name && (get(f, word, len, &ok) & FORM_KNOWN);
        return ok && yes ? TQC_FORMS_YES : TQC_FORMS_UNDECIDED;
    }
    if (sharps_unsure(f, word, len, cap, name, &ok) ||
        (name && (f->h.flags & HEAD_COMPOUNDS) && forbidden_case(f, word, len, &ok)))
        return TQC_FORMS_UNDECIDED;
    bool yes = matched(f, word, len, cap, name, &ok);
    if (ok && !yes && (f->h.flags & HEAD_COMPOUNDS))
        yes = compound_name(f, word, len, cap, name, &ok);
    if (!ok)
        return TQC_FORMS_UNDECIDED;
    return yes ? TQC_FORMS_YES : TQC_FORMS_NO;
}

bool tqc_forms_lacks(tqc_forms *f, const char *word, size_t len)
{
    if (!f || !atomic_load_explicit(&f->filter, memory_order_acquire))
        return false;
    memory_only = true;
    tqc_forms_answer a = answer(f, word, len, false);
    memory_only = false;
    return a == TQC_FORMS_NO;
}

tqc_forms_answer tqc_forms_spell(tqc_forms *f, const char *word, size_t len)
{
    return answer(f, word, len, false);
}

tqc_forms_answer tqc_forms_name(tqc_forms *f, const char *word, size_t len)
{
    return answer(f, word, len, true);
}

/* ---------------------------------------------------------------- building */

/* One element of an affix condition: a code point set ('.' is any). */
typedef struct cond_elem {
    bool any, neg;
    size_t first, count;        /* into the affix table's cps pool */
} cond_elem;

typedef struct affix_entry {
    int32_t strip[FORMS_MAX_CPS / 4], add[FORMS_MAX_CPS / 4];
    size_t nstrip, nadd;
    size_t cond_first, ncond;   /* into elems */
    size_t cont_first, ncont;   /* into flag pool */
    size_t head;                /* a prefix's code points up to its last apostrophe, or 0 */
    unsigned group;             /* with a head: its group (see FORM_ELIDED) */
} affix_entry;

typedef struct affix_class {
    uint32_t flag;
    bool prefix, cross;
    size_t first, count;        /* entries */
} affix_class;

typedef struct aff {
    int flag_type;
    affix_class *classes;
    size_t nclasses, cap_classes;
    affix_entry *entries;
    size_t nentries, cap_entries;
    cond_elem *elems;
    size_t nelems, cap_elems;
    int32_t *cps;
    size_t ncps, cap_cps;
    uint32_t *flags;            /* continuation classes and AF aliases */
    size_t nflags, cap_flags;
    size_t *alias_first, *alias_count;   /* AF n (1-based) */
    size_t naliases, cap_aliases;
    uint32_t keepcase, forbidden;
    bool has_keepcase, has_forbidden, complete;
    /* Compounding by flags (HEAD_COMPOUNDS; 0: no such flag), and what it depends on. */
    uint32_t cpd_begin, cpd_middle, cpd_end, cpd_permit, onlyincompound, needaffix, circumfix;
    unsigned cpdmin;
    bool compound_other;        /* another compound directive: not modelled */
    bool compounds;             /* compounding by those flags alone (HEAD_COMPOUNDS) */
    bool stem_parts;            /* HEAD_STEM_PARTS */
    bool checksharps;
    bool breaks_seen, hyphen_break;   /* BREAK lines; one of them (or the default) is - */
    bool dot_break, affix_dots;       /* a BREAK pattern or an affix has a dot */
    bool affix_digits;                /* an affix adds or strips a digit */
    uint32_t rule_all[64];            /* every flag a COMPOUNDRULE names */
    size_t nrule_all;
    bool rule_stem_letter;            /* a stem with one of them opens with no digit */
    bool other_break;                 /* a BREAK pattern not Hunspell's default that may cut
                                       * a word of letters and hyphens */
    bool apostrophe_break;            /* a BREAK pattern may cut at a letter or an inner ' */
    uint32_t rule_flags[64];    /* flags a COMPOUNDRULE requires */
    size_t nrule_flags;
    char *iconv;                /* NUL-separated patterns */
    size_t iconv_len;
    char *breaks;               /* the BREAK patterns, NUL-separated */
    size_t breaks_len;
    bool unanchored_break;      /* one is not `^P` or `P$` (one anchor, at an end) */
    bool utf8;                  /* SET UTF-8 */
    /* A directive by which Hunspell may refuse or rewrite a word whose affix analysis
     * holds (SUBSTANDARD, FORBIDWARN, IGNORE, COMPLEXPREFIXES): every form is then
     * verified (see plain_path). */
    bool other_refusal;
    bool nomem;
} aff;

static bool grow(aff *a, void **p, size_t *cap, size_t n, size_t size)
{
    if (!tqc_grow(p, cap, n, 1, size))
        a->nomem = true;
    return !a->nomem;
}

/* Decodes s into cps (at most cap); returns how many, or SIZE_MAX when invalid. */
static size_t decode_cps(const char *s, size_t len, int32_t *cps, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = tqc_text_decode(s + i, len - i, &cp);
        if (cp < 0 || n == cap)
            return SIZE_MAX;
        cps[n++] = cp;
        i += k;
    }
    return n;
}

/* Parses a flag string into the flag pool; returns how many were added. */
static size_t parse_flags(aff *a, const char *s, size_t len)
{
    size_t added = 0;
    for (size_t i = 0; i < len;) {
        uint32_t fl;
        if (a->flag_type == FLAGS_LONG) {
            fl = (uint32_t)(unsigned char)s[i] << 8 | (i + 1 < len ? (unsigned char)s[i + 1] : 0);
            i += 2;
        } else if (a->flag_type == FLAGS_NUM) {
            fl = (uint32_t)strtoul(s + i, NULL, 10);
            while (i < len && s[i] != ',')
                i++;
            i++;
        } else if (a->flag_type == FLAGS_UTF8) {
            int32_t cp;
            i += tqc_text_decode(s + i, len - i, &cp);
            fl = (uint32_t)cp;
        } else {
            fl = (unsigned char)s[i++];
        }
        if (!grow(a, (void **)&a->flags, &a->cap_flags, a->nflags, sizeof *a->flags))
            return added;
        a->flags[a->nflags++] = fl;
        added++;
    }
    return added;
}

/* The flags of a .dic entry or an affix's continuation: an AF alias number or flags. */
static size_t flags_of(aff *a, const char *s, size_t len, size_t *first)
{
    if (a->naliases && len > 0 && s[0] >= '0' && s[0] <= '9') {
        unsigned long k = strtoul(s, NULL, 10);
        if (k >= 1 && k <= a->naliases) {
            *first = a->alias_first[k - 1];
            return a->alias_count[k - 1];
        }
        *first = 0;
        return 0;
    }
    *first = a->nflags;
    return parse_flags(a, s, len);
}

static affix_class *find_class(aff *a, uint32_t flag)
{
    for (size_t i = 0; i < a->nclasses; i++)
        if (a->classes[i].flag == flag)
            return &a->classes[i];
    return NULL;
}

/* Parses a condition (`[^aeiou]y`, `.`) into elements; false when malformed. */
static bool parse_cond(aff *a, const char *s, affix_entry *e)
{
    int32_t cps[FORMS_MAX_CPS];
    size_t n = decode_cps(s, strlen(s), cps, FORMS_MAX_CPS);
    if (n == SIZE_MAX)
        return false;
    e->cond_first = a->nelems;
    e->ncond = 0;
    if (n == 1 && cps[0] == '.')
        return true;
    for (size_t i = 0; i < n;) {
        if (!grow(a, (void **)&a->elems, &a->cap_elems, a->nelems, sizeof *a->elems))
            return false;
        cond_elem *c = &a->elems[a->nelems];
        *c = (cond_elem){.first = a->ncps};
        if (cps[i] == '.') {
            c->any = true;
            i++;
        } else if (cps[i] == '[') {
            i++;
            if (i < n && cps[i] == '^') {
                c->neg = true;
                i++;
            }
            for (; i < n && cps[i] != ']'; i++) {
                if (!grow(a, (void **)&a->cps, &a->cap_cps, a->ncps, sizeof *a->cps))
                    return false;
                a->cps[a->ncps++] = cps[i];
                c->count++;
            }
            if (i == n)
                return false;
            i++;
        } else {
            if (!grow(a, (void **)&a->cps, &a->cap_cps, a->ncps, sizeof *a->cps))
                return false;
            a->cps[a->ncps++] = cps[i++];
            c->count = 1;
        }
        a->nelems++;
        e->ncond++;
    }
    return true;
}

static size_t split_fields(char *line, char **field, size_t max)
{
    size_t n = 0;
    for (char *p = line; *p && n < max;) {
        p += strspn(p, " \t\r\n");
        if (!*p)
            break;
        field[n++] = p;
        p += strcspn(p, " \t\r\n");
        if (*p)
            *p++ = '\0';
    }
    return n;
}

static bool set_cps(const char *s, int32_t *out, size_t cap, size_t *n)
{
    if (strcmp(s, "0") == 0) {
        *n = 0;
        return true;
    }
    *n = decode_cps(s, strlen(s), out, cap);
    return *n != SIZE_MAX;
}

/* Reads what expansion needs from the .aff (UTF-8 only); false with err on failure. */
static bool parse_aff(aff *a, const char *path, char *err, size_t errlen)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errlen, "%s: cannot read", path);
        return false;
    }
    char line[AFF_MAX_LINE];
    char *field[AFF_MAX_FIELDS];
    bool utf8 = false, af_counted = false, rules_counted = false;
    size_t pending = 0;          /* entries still to read for the last class */
    affix_class *cur = NULL;
    a->complete = true;
    while (!a->nomem && fgets(line, sizeof line, fp)) {
        if (memcmp(line, "\xEF\xBB\xBF", 3) == 0)   /* a byte order mark */
            memmove(line, line + 3, strlen(line + 3) + 1);
        size_t nf = split_fields(line, field, AFF_MAX_FIELDS);
        if (nf == 0 || field[0][0] == '#')
            continue;
        const char *k = field[0];
        if (strcmp(k, "SET") == 0 && nf > 1) {
            utf8 = strcmp(field[1], "UTF-8") == 0;
            a->utf8 = utf8;
        } else if (strcmp(k, "FLAG") == 0 && nf > 1) {
            a->flag_type = strcmp(field[1], "long") == 0 ? FLAGS_LONG
                         : strcmp(field[1], "num") == 0 ? FLAGS_NUM
                         : strcmp(field[1], "UTF-8") == 0 ? FLAGS_UTF8 : FLAGS_CHAR;
        } else if (strcmp(k, "AF") == 0 && nf > 1) {
            if (!af_counted) {
                af_counted = true;   /* the count line */
                continue;
            }
            size_t cap2 = a->cap_aliases;
            if (!grow(a, (void **)&a->alias_first, &a->cap_aliases, a->naliases,
                      sizeof *a->alias_first) ||
                !grow(a, (void **)&a->alias_count, &cap2, a->naliases, sizeof *a->alias_count))
                break;
            a->alias_first[a->naliases] = a->nflags;
            a->alias_count[a->naliases++] = parse_flags(a, field[1], strlen(field[1]));
        } else if (strcmp(k, "BREAK") == 0 && nf > 1) {
            if (!a->breaks_seen) {
                a->breaks_seen = true;   /* the count line: the defaults are replaced */
                continue;
            }
            const char *pat = field[1];
            size_t pl = strlen(pat);
            bool anchored = pat[0] == '^' || pat[pl - 1] == '$', letters = false;
            for (size_t i = 0; i < pl;) {
                int32_t cp;
                i += tqc_text_decode(pat + i, pl - i, &cp);
                letters |= cp < 0 || tqc_text_is_letter(cp);
                /* A pattern that may cut a word of letters at an inner apostrophe. */
                a->apostrophe_break |= cp < 0 || tqc_text_is_letter(cp) ||
                                       (!anchored && (cp == '\'' || cp == 0x2019));
            }
            a->hyphen_break |= strcmp(pat, "-") == 0;
            size_t anchors = 0;
            for (size_t i = 0; i < pl; i++)
                anchors += pat[i] == '^' || pat[i] == '$';
            a->unanchored_break |= pl < 2 || anchors != 1 || !anchored;
            size_t bcap = a->breaks_len;
            if (tqc_grow((void **)&a->breaks, &bcap, a->breaks_len, pl + 1, 1)) {
                memcpy(a->breaks + a->breaks_len, pat, pl + 1);
                a->breaks_len += pl + 1;
            } else {
                a->nomem = true;
            }
            a->dot_break |= strchr(pat, '.') != NULL;
            /* One that may cut a word of letters and hyphens otherwise than Hunspell's
             * default (a dot, a middle dot, an apostrophe is in no such word). */
            a->other_break |= strcmp(pat, "-") != 0 && strcmp(pat, "^-") != 0 &&
                              strcmp(pat, "-$") != 0 && (letters || strchr(pat, '-'));
        } else if (strcmp(k, "FORBIDDENWORD") == 0 && nf > 1) {
            size_t at = a->nflags;
            if (parse_flags(a, field[1], strlen(field[1]))) {
                a->forbidden = a->flags[at];
                a->has_forbidden = true;
            }
        } else if (strcmp(k, "KEEPCASE") == 0 && nf > 1) {
            size_t at = a->nflags;
            if (parse_flags(a, field[1], strlen(field[1]))) {
                a->keepcase = a->flags[at];
                a->has_keepcase = true;
            }
        } else if (strcmp(k, "COMPOUNDRULE") == 0 && nf > 1) {
            /* A rule's mandatory flags (not followed by * or ?): the rule can make a
             * word of letters only if each has a stem of letters (checked later). */
            if (!rules_counted) {
                rules_counted = true;   /* the count line */
                continue;
            }
            const char *r = field[1];
            for (size_t i = 0; r[i]; i++) {
                if (r[i] == '*' || r[i] == '?' || r[i] == '(' || r[i] == ')')
                    continue;
                bool optional = r[i + 1] == '*' || r[i + 1] == '?';
                if (a->flag_type != FLAGS_CHAR || r[i] == '(' || a->nrule_flags == 64 ||
                    a->nrule_all == 64) {
                    a->complete = false;   /* rules of long flags: not worked out */
                    break;
                }
                a->rule_all[a->nrule_all++] = (unsigned char)r[i];
                if (!optional)
                    a->rule_flags[a->nrule_flags++] = (unsigned char)r[i];
            }
        } else if (strcmp(k, "COMPOUNDMIN") == 0 && nf > 1) {
            long m = strtol(field[1], NULL, 10);
            a->cpdmin = m < 1 ? 1 : m > 50 ? 50 : (unsigned)m;
        } else if (nf > 1 && (strcmp(k, "COMPOUNDBEGIN") == 0 || strcmp(k, "COMPOUNDMIDDLE") == 0 ||
                              strcmp(k, "COMPOUNDEND") == 0 ||
                              strcmp(k, "COMPOUNDPERMITFLAG") == 0 ||
                              strcmp(k, "ONLYINCOMPOUND") == 0 || strcmp(k, "NEEDAFFIX") == 0 ||
                              strcmp(k, "PSEUDOROOT") == 0 || strcmp(k, "CIRCUMFIX") == 0)) {
            /* The flags the compound model follows: where a part may stand, and which
             * stems and affixes may make one. */
            size_t at = a->nflags;
            uint32_t fl = parse_flags(a, field[1], strlen(field[1])) ? a->flags[at] : 0;
            a->nflags = at;
            uint32_t *to = strcmp(k, "COMPOUNDBEGIN") == 0 ? &a->cpd_begin
                         : strcmp(k, "COMPOUNDMIDDLE") == 0 ? &a->cpd_middle
                         : strcmp(k, "COMPOUNDEND") == 0 ? &a->cpd_end
                         : strcmp(k, "COMPOUNDPERMITFLAG") == 0 ? &a->cpd_permit
                         : strcmp(k, "ONLYINCOMPOUND") == 0 ? &a->onlyincompound
                         : strcmp(k, "CIRCUMFIX") == 0 ? &a->circumfix : &a->needaffix;
            *to = fl;
        } else if ((strncmp(k, "COMPOUND", 8) == 0 && strcmp(k, "COMPOUNDRULE") != 0) ||
                   strncmp(k, "CHECKCOMPOUND", 13) == 0 || strcmp(k, "SIMPLIFIEDTRIPLE") == 0 ||
                   strcmp(k, "SYLLABLENUM") == 0 || strcmp(k, "FORCEUCASE") == 0) {
            /* Compounding by another directive: words the set cannot hold. */
            a->compound_other = true;
            a->complete = false;
        } else if (strcmp(k, "CHECKSHARPS") == 0) {
            a->checksharps = true;
        } else if (strcmp(k, "IGNORE") == 0 || strcmp(k, "COMPLEXPREFIXES") == 0) {
            a->complete = false;
            a->other_refusal = true;
        } else if (strcmp(k, "SUBSTANDARD") == 0 || strcmp(k, "FORBIDWARN") == 0) {
            a->other_refusal = true;
        } else if ((strcmp(k, "ICONV") == 0 || strcmp(k, "OCONV") == 0) && nf > 2) {
            if (strcmp(k, "OCONV") == 0)
                continue;
            size_t n = strlen(field[1]);
            const char *p = field[1];
            while (n && *p == '_') {
                p++;
                n--;
            }
            while (n && p[n - 1] == '_')
                n--;
            size_t cap = a->iconv_len;
            if (n && tqc_grow((void **)&a->iconv, &cap, a->iconv_len, n + 1, 1)) {
                memcpy(a->iconv + a->iconv_len, p, n);
                a->iconv[a->iconv_len + n] = '\0';
                a->iconv_len += n + 1;
            }
        } else if ((strcmp(k, "PFX") == 0 || strcmp(k, "SFX") == 0) && nf >= 4) {
            size_t at = a->nflags;
            if (!parse_flags(a, field[1], strlen(field[1])))
                continue;
            uint32_t flag = a->flags[at];
            a->nflags = at;
            if (pending == 0 || !cur || cur->flag != flag) {
                /* A class header: SFX A Y n */
                if (!grow(a, (void **)&a->classes, &a->cap_classes, a->nclasses,
                          sizeof *a->classes))
                    break;
                cur = &a->classes[a->nclasses++];
                *cur = (affix_class){.flag = flag, .prefix = k[0] == 'P',
                                     .cross = field[2][0] == 'Y', .first = a->nentries};
                pending = strtoul(field[3], NULL, 10);
                continue;
            }
            pending--;
            if (!grow(a, (void **)&a->entries, &a->cap_entries, a->nentries, sizeof *a->entries))
                break;
            affix_entry *e = &a->entries[a->nentries];
            *e = (affix_entry){0};
            char *slash = strchr(field[3], '/');
            a->affix_dots |= (slash ? (size_t)(slash - field[3]) : strlen(field[3])) >
                             strcspn(field[3], "./") || strchr(field[2], '.') != NULL;
            a->affix_digits |= (slash ? (size_t)(slash - field[3]) : strlen(field[3])) >
                               strcspn(field[3], "0123456789/") ||
                               (strcmp(field[2], "0") != 0 &&   /* "0": strips nothing */
                                strpbrk(field[2], "0123456789") != NULL);
            /* Escaped slashes are not handled: such an entry is only skipped. */
            if (slash) {
                *slash = '\0';
                e->ncont = flags_of(a, slash + 1, strlen(slash + 1), &e->cont_first);
            }
            if (!set_cps(field[2], e->strip, FORMS_MAX_CPS / 4, &e->nstrip) ||
                !set_cps(field[3], e->add, FORMS_MAX_CPS / 4, &e->nadd) ||
                !parse_cond(a, nf > 4 ? field[4] : ".", e))
                continue;
            for (size_t i = 0; cur->prefix && i < e->nadd; i++)
                if (e->add[i] == '\'')
                    e->head = i + 1;
            a->nentries++;
            cur->count++;
        }
    }
    fclose(fp);
    a->compounds = !a->compound_other && (a->cpd_begin || a->cpd_middle || a->cpd_end);
    if (a->compounds && rules_counted)
        a->complete = false;   /* COMPOUNDRULE besides: not modelled */
    if (a->cpdmin == 0)
        a->cpdmin = 3;         /* Hunspell's default */
    if (a->nomem) {
        snprintf(err, errlen, "%s: out of memory", path);
        return false;
    }
    if (!utf8) {
        snprintf(err, errlen, "%s: not a UTF-8 dictionary", path);
        return false;
    }
    return true;
}

/* Numbers the groups of eliding prefixes (see FORM_ELIDED): entries of one class with
 * the same strip, text after the apostrophe, condition and continuation classes. */
static bool assign_groups(aff *a)
{
    tqc_strmap *sigs = tqc_strmap_new();
    if (!sigs)
        return false;
    bool ok = true;
    for (size_t c = 0; ok && c < a->nclasses; c++) {
        const affix_class *cl = &a->classes[c];
        for (size_t j = 0; ok && cl->prefix && j < cl->count; j++) {
            affix_entry *e = &a->entries[cl->first + j];
            if (!e->head)
                continue;
            uint32_t sig[512];
            size_t n = 0, cap = sizeof sig / sizeof sig[0] - 1;
            sig[n++] = cl->flag;
            sig[n++] = cl->cross;
            sig[n++] = (uint32_t)e->nstrip;
            for (size_t i = 0; i < e->nstrip; i++)
                sig[n++] = (uint32_t)e->strip[i];
            sig[n++] = (uint32_t)(e->nadd - e->head);
            for (size_t i = e->head; i < e->nadd; i++)
                sig[n++] = (uint32_t)e->add[i];
            sig[n++] = (uint32_t)e->ncond;
            for (size_t i = 0; i < e->ncond && n + 3 < cap; i++) {
                const cond_elem *ce = &a->elems[e->cond_first + i];
                sig[n++] = (uint32_t)ce->any | (uint32_t)ce->neg << 1;
                sig[n++] = (uint32_t)ce->count;
                for (size_t k = 0; k < ce->count && n < cap; k++)
                    sig[n++] = (uint32_t)a->cps[ce->first + k];
            }
            sig[n++] = (uint32_t)e->ncont;
            for (size_t i = 0; i < e->ncont && n < cap; i++)
                sig[n++] = a->flags[e->cont_first + i];
            if (n >= cap) {   /* too long to compare: a group of its own */
                sig[0] = UINT32_MAX;
                sig[1] = (uint32_t)(cl->first + j);
                n = 2;
            }
            uint64_t g;
            if (!tqc_strmap_get(sigs, (const char *)sig, n * sizeof sig[0], &g)) {
                g = tqc_strmap_count(sigs);
                ok = tqc_strmap_put(sigs, (const char *)sig, n * sizeof sig[0], g);
            }
            e->group = (unsigned)(g < FORMS_MAX_GROUPS ? g : FORMS_MAX_GROUPS);
        }
    }
    tqc_strmap_free(sigs);
    return ok;
}

static bool cond_matches(const aff *a, const affix_entry *e, const int32_t *w, size_t n,
                         bool prefix)
{
    if (e->ncond > n)
        return false;
    for (size_t i = 0; i < e->ncond; i++) {
        const cond_elem *c = &a->elems[e->cond_first + i];
        int32_t cp = prefix ? w[i] : w[n - e->ncond + i];
        if (c->any)
            continue;
        bool in = false;
        for (size_t j = 0; j < c->count && !in; j++)
            in = a->cps[c->first + j] == cp;
        if (in == c->neg)
            return false;
    }
    return true;
}

/* Applies e to w (n code points) into out; returns the new length or SIZE_MAX. */
static size_t apply(const aff *a, const affix_entry *e, bool prefix, const int32_t *w,
                    size_t n, int32_t *out)
{
    if (e->nstrip > n || n - e->nstrip + e->nadd > FORMS_MAX_CPS ||
        !cond_matches(a, e, w, n, prefix))
        return SIZE_MAX;
    size_t m = 0;
    if (prefix) {
        if (memcmp(w, e->strip, e->nstrip * sizeof *w) != 0)
            return SIZE_MAX;
        memcpy(out, e->add, e->nadd * sizeof *w);
        memcpy(out + e->nadd, w + e->nstrip, (n - e->nstrip) * sizeof *w);
        m = e->nadd + n - e->nstrip;
    } else {
        if (memcmp(w + n - e->nstrip, e->strip, e->nstrip * sizeof *w) != 0)
            return SIZE_MAX;
        memcpy(out, w, (n - e->nstrip) * sizeof *w);
        memcpy(out + n - e->nstrip, e->add, e->nadd * sizeof *w);
        m = n - e->nstrip + e->nadd;
    }
    return m;
}

/* While building only, beside a form's bits (never written): some path that made the
 * form is one Hunspell's checkword takes as it is written (PATH_PLAIN), or some path is
 * one whose verdict the expansion does not follow (PATH_RISK). A form made plain and at
 * no risk is kept without asking Hunspell (see plain_path); every other is verified. */
enum { PATH_PLAIN = 1, PATH_RISK = 2 };
#define PATH_SHIFT 16
#define PATH_BITS ((uint64_t)(PATH_PLAIN | PATH_RISK) << PATH_SHIFT)

/* One hyphenated form as a base and a tail (their numbers in a clitic_set), its bits and
 * its PATH_* marks (in what was padding). */
typedef struct clitic_pair {
    uint32_t base;
    uint16_t tail;
    uint8_t bits;
    uint8_t path;
} clitic_pair;

/* Hyphenated forms as bases and tails: pt_BR makes 8 million, which a map of whole forms
 * held at ~75 bytes each while building; a pair is 8 bytes, a base and a tail kept once. */
typedef struct clitic_set {
    tqc_strmap *bases, *tails;  /* text -> number */
    clitic_pair *pairs;
    size_t count, cap;
} clitic_set;

typedef struct expansion {
    aff *a;
    tqc_strmap *forms;          /* form -> bits */
    tqc_strmap *pairs;          /* elided forms: tail, NUL, group -> bits */
    tqc_strmap *heads;          /* head, NUL, group -> its number in the heads table */
    size_t group_head[FORMS_MAX_GROUPS + 1];   /* a head of each group, 1 + its number */
    bool heads_full;            /* too many heads, groups or pairs: elided forms not kept */
    unsigned group;             /* of the prefix that made the form */
    tqc_strmap *marked;         /* whole forms with - or ' made by affixes -> bits */
    size_t nhyphened;           /* of them, with a hyphen */
    bool hyphens_full, apostrophes_full;   /* more than FORMS_MAX_MARKED: those not kept */
    /* The hyphenated forms again, for when they are too many whole (FORMS_MAX_TAILS):
     * those a suffix made as base and tail pairs (see clitic_set); those with a prefix's
     * hyphen only, whole. */
    clitic_set clitics;
    tqc_strmap *pmarked;
    bool clitics_full, pmarked_full;
    size_t pfx;                 /* code points the prefix that made the form put first */
    uint8_t bits;               /* of the stem being expanded */
    bool marks;                 /* it has other characters than letters */
    size_t head;                /* the form's head (code points), made by a prefix */
    /* With compounds (HEAD_COMPOUNDS): each form of letters' roles (form -> ROLE_*), from
     * the stem's flags and the affixes that made the form (role_of). */
    tqc_strmap *roles;
    const uint32_t *root_flags;
    size_t nroot;
    bool root_forbidden, twin;
    const affix_entry *rpfx, *rsfx;
    bool rdeep;                 /* made otherwise than by a prefix, a suffix or both */
    bool listed;                /* a word list's word (Hunspell_add), not a stem */
    /* The stem's .dic word ended otherwise than at its flags, a tab or the line's end
     * (a few es_ES and pt_PT lines end in blanks): Hunspell keeps them as part of it. */
    bool loose_end;
    uint8_t path;               /* PATH_* of the form being kept: RISK but within emit */
    bool nomem;
} expansion;

static void add_pair(expansion *x, const char *form, size_t cut, size_t len)
{
    char key[FORMS_MAX_WORD + 2];
    uint64_t id;
    if (x->heads_full || x->group >= FORMS_MAX_GROUPS ||
        tqc_strmap_count(x->pairs) >= FORMS_MAX_PAIRS) {
        x->heads_full = true;
        return;
    }
    memcpy(key, form, cut);
    key[cut] = '\0';
    key[cut + 1] = (char)x->group;
    if (!tqc_strmap_get(x->heads, key, cut + 2, &id)) {
        id = tqc_strmap_count(x->heads);
        if (id >= FORMS_MAX_HEADS) {
            x->heads_full = true;
            return;
        }
        x->nomem |= !tqc_strmap_put(x->heads, key, cut + 2, id);
        if (!x->group_head[x->group])
            x->group_head[x->group] = id + 1;
    }
    size_t tl = len - cut;
    memcpy(key, form + cut, tl);
    key[tl] = '\0';
    key[tl + 1] = (char)x->group;
    uint64_t have = 0, add = x->bits | (uint64_t)x->path << PATH_SHIFT;
    tqc_strmap_get(x->pairs, key, tl + 2, &have);
    if ((have | add) != have || have == 0)
        x->nomem |= !tqc_strmap_put(x->pairs, key, tl + 2, have | add);
}

static void put_bits(expansion *x, tqc_strmap *map, const char *form, size_t len)
{
    uint64_t have = 0, add = x->bits | (uint64_t)x->path << PATH_SHIFT;
    tqc_strmap_get(map, form, len, &have);
    if ((have | add) != have || have == 0)
        x->nomem |= !tqc_strmap_put(map, form, len, have | add);
}

/* A hyphenated form made by affixes from a stem of letters, kept again for the tails
 * (FORMS_MAX_TAILS): split at the first hyphen after the prefix's text (at, bytes; none:
 * SIZE_MAX), else whole. */
static void add_hyphened(expansion *x, const char *form, size_t len, size_t at)
{
    if (at == SIZE_MAX) {
        if (!x->pmarked_full && !tqc_strmap_get(x->pmarked, form, len, &(uint64_t){0}) &&
            tqc_strmap_count(x->pmarked) >= FORMS_MAX_MARKED)
            x->pmarked_full = true;
        if (!x->pmarked_full)
            put_bits(x, x->pmarked, form, len);
        return;
    }
    clitic_set *c = &x->clitics;
    uint64_t b, t;
    if (x->clitics_full)
        return;
    if (!tqc_strmap_get(c->tails, form + at, len - at, &t)) {
        t = tqc_strmap_count(c->tails);
        if (t >= FORMS_MAX_TAILS) {
            x->clitics_full = true;
            return;
        }
        x->nomem |= !tqc_strmap_put(c->tails, form + at, len - at, t);
    }
    if (!tqc_strmap_get(c->bases, form, at, &b)) {
        b = tqc_strmap_count(c->bases);
        x->nomem |= !tqc_strmap_put(c->bases, form, at, b);
    }
    /* Repeats (homonym stems, twofold paths) are merged after the expansion. */
    if (c->count >= FORMS_MAX_PAIRS) {
        x->clitics_full = true;
        return;
    }
    if (c->count == c->cap && !tqc_grow((void **)&c->pairs, &c->cap, c->count, 1, sizeof *c->pairs)) {
        x->nomem = true;
        return;
    }
    c->pairs[c->count++] = (clitic_pair){(uint32_t)b, (uint16_t)t, x->bits, x->path};
}

static int cmp_clitic_pair(const void *pa, const void *pb)
{
    const clitic_pair *x = pa, *y = pb;
    if (x->base != y->base)
        return x->base < y->base ? -1 : 1;
    return (x->tail > y->tail) - (x->tail < y->tail);
}

/* Sorts c's pairs by base and tail, merging repeats (their bits or'ed) and dropping
 * those whose bits are 0. */
static void clitics_merge(clitic_set *c)
{
    if (c->count)
        qsort(c->pairs, c->count, sizeof *c->pairs, cmp_clitic_pair);
    size_t n = 0;
    for (size_t i = 0; i < c->count; i++) {
        if (!c->pairs[i].bits)
            continue;
        if (n && c->pairs[n - 1].base == c->pairs[i].base && c->pairs[n - 1].tail == c->pairs[i].tail) {
            c->pairs[n - 1].bits |= c->pairs[i].bits;
            c->pairs[n - 1].path |= c->pairs[i].path;
        } else
            c->pairs[n++] = c->pairs[i];
    }
    c->count = n;
}

static void clitics_free(clitic_set *c)
{
    tqc_strmap_free(c->bases);
    tqc_strmap_free(c->tails);
    free(c->pairs);
}

static bool has_flag(const uint32_t *flags, size_t n, uint32_t f);

/* The roles Hunspell's compound_check may give a form of letters (n code points) that
 * x's stem and affixes made, as its affix_check, prefix_check and suffix_check decide
 * them for a part: a stem alone with the role's flag and without NEEDAFFIX; a prefix
 * anywhere but last unless its continuation has COMPOUNDPERMITFLAG; a suffix last only
 * unless its continuation has it; the role's flag on the stem or (a prefix alone) the
 * prefix's or (with a suffix) the suffix's continuation; CIRCUMFIX on both affixes or
 * neither when there is a suffix. What the model does not follow is ROLE_RISK. */
static uint8_t role_of(const expansion *x, size_t n)
{
    const aff *a = x->a;
    const affix_entry *p = x->rpfx, *s = x->rsfx;
    const uint32_t *rf = x->root_flags, *pc = p ? a->flags + p->cont_first : NULL,
                   *sc = s ? a->flags + s->cont_first : NULL;
    size_t nr = x->nroot, np = p ? p->ncont : 0, ns = s ? s->ncont : 0;
    const uint32_t need[3] = {a->cpd_begin, a->cpd_middle, a->cpd_end};
    const uint8_t bit[3] = {ROLE_BEGIN, ROLE_MIDDLE, ROLE_END};
    uint8_t forbidden = x->root_forbidden ? ROLE_FORBIDDEN : 0, role = 0;
    bool any = false;
    for (int k = 0; k < 3; k++)
        any |= need[k] && (has_flag(rf, nr, need[k]) || has_flag(pc, np, need[k]) ||
                           has_flag(sc, ns, need[k]));
    if (!any)
        return forbidden;
    bool pneed = a->needaffix && has_flag(pc, np, a->needaffix),
         sneed = a->needaffix && has_flag(sc, ns, a->needaffix),
         pcirc = a->circumfix && has_flag(pc, np, a->circumfix),
         scirc = a->circumfix && has_flag(sc, ns, a->circumfix);
    if (x->rdeep || x->twin || x->root_forbidden || pneed || sneed)
        return forbidden | ROLE_RISK;
    /* Only suffix_check tests CIRCUMFIX: a prefix with it alone is taken (`-Arbeits` of
     * Bundes-Arbeitsminister). */
    if (s && pcirc != scirc)
        return 0;
    /* Hunspell wants letters left once an affix's text is taken off. */
    if (p && n <= p->nadd)
        return 0;
    if (s && (p ? n - p->nadd + p->nstrip : n) <= s->nadd)
        return 0;
    bool root_ok = !(a->needaffix && has_flag(rf, nr, a->needaffix));
    bool ppermit = a->cpd_permit && has_flag(pc, np, a->cpd_permit),
         spermit = a->cpd_permit && has_flag(sc, ns, a->cpd_permit);
    for (int k = 0; k < 3; k++) {
        uint32_t fl = need[k];
        if (!fl)
            continue;
        bool last = k == 2, on_root = has_flag(rf, nr, fl);
        bool ok = !p && !s ? on_root && root_ok
                : !s       ? (!last || ppermit) && (on_root || has_flag(pc, np, fl))
                           : (last ? !p || ppermit : spermit) &&
                                 (on_root || has_flag(sc, ns, fl));
        role |= ok ? bit[k] : 0;
    }
    if ((role & ROLE_BEGIN) && a->has_keepcase && has_flag(rf, nr, a->keepcase))
        role |= ROLE_KEEPCASE;
    return role | forbidden;
}

/* Whether Hunspell's stemmer refuses the analysis x is emitting (see emit). */
static bool stem_refused(const expansion *x)
{
    const aff *a = x->a;
    const affix_entry *p = x->rpfx, *s = x->rsfx;
    uint32_t o = a->onlyincompound;
    return (a->needaffix && !p && !s && has_flag(x->root_flags, x->nroot, a->needaffix)) ||
           (o && (has_flag(x->root_flags, x->nroot, o) ||
                  (p && has_flag(a->flags + p->cont_first, p->ncont, o)) ||
                  (s && has_flag(a->flags + s->cont_first, s->ncont, o))));
}

static void emit_kept(expansion *x, char *buf, size_t len, size_t cut, size_t split,
                      bool marks, bool other, bool tail_marks, size_t n);

/* Whether flags hold one by which Hunspell refuses an analysis the expansion makes
 * (FORBIDDENWORD, NEEDAFFIX and PSEUDOROOT, ONLYINCOMPOUND, CIRCUMFIX) or answers by
 * case (KEEPCASE). A stem's NEEDAFFIX refuses it alone only (need_affix false: the
 * stem has an affix, as fr.dic's verbs all do). */
static bool refusing_flag(const aff *a, const uint32_t *flags, size_t n, bool need_affix)
{
    const uint32_t refusing[] = {a->has_forbidden ? a->forbidden : 0,
                                 need_affix ? a->needaffix : 0, a->onlyincompound,
                                 a->circumfix, a->has_keepcase ? a->keepcase : 0};
    for (size_t k = 0; k < sizeof refusing / sizeof refusing[0]; k++)
        if (refusing[k] && has_flag(flags, n, refusing[k]))
            return true;
    return false;
}

/* Whether Hunspell's spell asks checkword about the word w (n code points) as it is
 * written and nothing else: letters with hyphens or apostrophes between them, in lower
 * case or with one capital, the first (get_captype's NOCAP and INITCAP; a capital is a
 * letter whose lower case differs). Latin letters only, whose case Hunspell's own
 * tables map as utf8proc does. */
static bool plain_shape(const int32_t *w, size_t n)
{
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        bool letter = w[i] < 0x250 && tqc_text_is_letter(w[i]);
        if (!letter && (i == 0 || i + 1 == n || (w[i] != '-' && w[i] != '\'')))
            return false;
        caps += letter && utf8proc_tolower(w[i]) != w[i];
    }
    return caps == 0 || (caps == 1 && utf8proc_tolower(w[0]) != w[0]);
}

static bool plain_shape_utf8(const char *s, size_t len)
{
    int32_t w[FORMS_MAX_CPS];
    size_t n = decode_cps(s, len, w, FORMS_MAX_CPS);
    return n != SIZE_MAX && n > 0 && plain_shape(w, n);
}

/* The PATH_* mark of the form w (n code points) x is emitting. Plain: a stem of letters
 * from the .dic (not a word list's, not a capital twin) alone, with a prefix, a suffix
 * or both as a cross product, each leaving some of the stem (FULLSTRIP), neither the
 * stem nor the affixes' continuation classes with a refusing_flag, the form of
 * plain_shape, in a UTF-8 .aff without other_refusal (and holding no ICONV pattern:
 * confirmed). Hunspell's affix_check then finds the analysis that made it, as it tests
 * the same conditions, strips and flags; what could still refuse it is another analysis
 * met first whose stem is forbidden or only a compound part, or the form being a
 * forbidden stem itself, and those paths mark the same form PATH_RISK when the
 * expansion makes them. */
static uint8_t plain_path(const expansion *x, const int32_t *w, size_t n)
{
    const aff *a = x->a;
    const affix_entry *p = x->rpfx, *s = x->rsfx;
    if (!a->utf8 || a->other_refusal || x->root_forbidden || x->twin ||
        x->rdeep || x->marks || x->listed || x->loose_end ||
        (x->bits & (FORM_HIDDEN | FORM_FORBIDDEN | FORM_KEEPCASE)) ||
        refusing_flag(a, x->root_flags, x->nroot, !p && !s) ||
        (p && refusing_flag(a, a->flags + p->cont_first, p->ncont, true)) ||
        (s && refusing_flag(a, a->flags + s->cont_first, s->ncont, true)) ||
        n <= (p ? p->nadd : 0) + (s ? s->nadd : 0))
        return PATH_RISK;
    return plain_shape(w, n) ? PATH_PLAIN : PATH_RISK;
}

static void emit(expansion *x, const int32_t *w, size_t n)
{
    char buf[FORMS_MAX_CPS * 4 + 1];
    size_t len = 0, cut = 0, split = SIZE_MAX;
    bool other = false, marks = false, tail_marks = false, apostrophe = false;
    for (size_t i = 0; i < n; i++) {
        if (i == x->head)
            cut = len;
        if (w[i] == '-' && i >= x->pfx && i > 0 && split == SIZE_MAX)
            split = len;
        if (!tqc_text_is_letter(w[i])) {
            other |= w[i] != '\'' && w[i] != '-';
            apostrophe |= w[i] == '\'';
            marks = true;
            tail_marks |= i >= x->head;
        }
        len += tqc_text_encode(w[i], buf + len);
    }
    if (len == 0 || len > FORMS_MAX_WORD)
        return;
    /* Compound parts are of letters and hyphens (`-Arbeits`, `Arbeits-`). */
    uint8_t role = x->roles && !other && !apostrophe ? role_of(x, n) : 0;
    if ((role & (ROLE_BEGIN | ROLE_MIDDLE)) && !x->rpfx && !x->rsfx)
        x->a->stem_parts = true;
    if (role) {
        uint64_t have = 0;
        tqc_strmap_get(x->roles, buf, len, &have);
        if ((have | role) != have || have == 0)
            x->nomem |= !tqc_strmap_put(x->roles, buf, len, have | role);
    }
    /* Hunspell's stemmer skips a NEEDAFFIX stem alone, an ONLYINCOMPOUND one and an affix
     * whose continuation has ONLYINCOMPOUND: such an analysis names nothing (`Mit`, of
     * the compound part Mit/hij, is no name). */
    uint8_t bits = x->bits;
    x->path = plain_path(x, w, n);
    if (x->roles && stem_refused(x))
        x->bits &= (uint8_t)~FORM_NAME;
    emit_kept(x, buf, len, cut, split, marks, other, tail_marks, n);
    x->bits = bits;
    x->path = PATH_RISK;   /* forms kept outside emit (forbidden stems) */
}

/* emit's second half: keeps the form buf (len bytes, n code points) in its map. */
static void emit_kept(expansion *x, char *buf, size_t len, size_t cut, size_t split,
                      bool marks, bool other, bool tail_marks, size_t n)
{
    if (x->marks || !marks) {   /* a stem with marks (`p.m.`, `O'Neill`) keeps all */
        put_bits(x, x->forms, buf, len);
        return;
    }
    /* Made by affixes from a stem of letters: one elided by a prefix as its head and
     * tail; with hyphens or apostrophes whole, up to FORMS_MAX_MARKED; with another
     * character (a dot) none: left to Hunspell. */
    if (other)
        return;
    if (x->head && x->head < n && !tail_marks) {
        add_pair(x, buf, cut, len);
        return;
    }
    bool hyphen = memchr(buf, '-', len) != NULL;
    if (hyphen)
        add_hyphened(x, buf, len, memchr(buf, '\'', len) ? SIZE_MAX : split);
    size_t kind = hyphen ? x->nhyphened : tqc_strmap_count(x->marked) - x->nhyphened;
    bool *full = hyphen ? &x->hyphens_full : &x->apostrophes_full;
    uint64_t have;
    if (*full)
        return;
    if (!tqc_strmap_get(x->marked, buf, len, &have)) {
        if (kind >= FORMS_MAX_MARKED) {
            *full = true;
            return;
        }
        x->nhyphened += hyphen;
    }
    put_bits(x, x->marked, buf, len);
}

/* emit for a form a prefix entry (e; NULL: none) made last: its head, if it elides. */
static void emit_by(expansion *x, const affix_entry *e, const int32_t *w, size_t n)
{
    x->rpfx = e;
    x->head = e ? e->head : 0;
    x->group = e ? e->group : 0;
    x->pfx = e ? e->nadd : 0;
    emit(x, w, n);
    x->head = 0;
    x->pfx = 0;
}

/* Prefixes of the classes among flags (cross products only when cross) applied to w. */
static void add_prefixes(expansion *x, const uint32_t *flags, size_t nflags, const int32_t *w,
                         size_t n, bool cross_only)
{
    int32_t out[FORMS_MAX_CPS];
    for (size_t i = 0; i < nflags; i++) {
        const affix_class *c = find_class(x->a, flags[i]);
        if (!c || !c->prefix || (cross_only && !c->cross))
            continue;
        for (size_t j = 0; j < c->count; j++) {
            size_t m = apply(x->a, &x->a->entries[c->first + j], true, w, n, out);
            if (m != SIZE_MAX)
                emit_by(x, &x->a->entries[c->first + j], out, m);
        }
    }
}

/* Every form of one stem: the stem, its suffixes and their twofold suffixes, its
 * prefixes, and the cross products of prefixes with suffixes. Over-generating is
 * harmless: each form is verified before it is kept. */
static void expand(expansion *x, const int32_t *w, size_t n, const uint32_t *flags,
                   size_t nflags)
{
    aff *a = x->a;
    int32_t s1[FORMS_MAX_CPS], s2[FORMS_MAX_CPS], p1[FORMS_MAX_CPS];
    x->rsfx = NULL;
    x->rdeep = false;
    emit_by(x, NULL, w, n);
    for (size_t i = 0; i < nflags; i++) {
        const affix_class *c = find_class(a, flags[i]);
        if (!c)
            continue;
        for (size_t j = 0; j < c->count; j++) {
            const affix_entry *e = &a->entries[c->first + j];
            size_t m = apply(a, e, c->prefix, w, n, s1);
            if (m == SIZE_MAX)
                continue;
            x->rsfx = c->prefix ? NULL : e;
            x->rdeep = false;
            emit_by(x, c->prefix ? e : NULL, s1, m);
            const uint32_t *cont = a->flags + e->cont_first;
            /* Past this point a form is made by continuation classes (twofold), but for
             * the cross products of the suffix e at the end. */
            x->rdeep = true;
            if (c->prefix) {
                /* A prefix's continuation classes: suffixes on the stem under it. */
                for (size_t k = 0; k < e->ncont; k++) {
                    const affix_class *d = find_class(a, cont[k]);
                    for (size_t l = 0; d && !d->prefix && l < d->count; l++) {
                        size_t m2 = apply(a, &a->entries[d->first + l], false, w, n, s2);
                        size_t m3 = m2 == SIZE_MAX ? SIZE_MAX : apply(a, e, true, s2, m2, p1);
                        if (m3 != SIZE_MAX)
                            emit_by(x, e, p1, m3);
                    }
                }
                continue;
            }
            /* A suffix's continuation classes: twofold suffixes, and prefixes. */
            for (size_t k = 0; k < e->ncont; k++) {
                const affix_class *d = find_class(a, cont[k]);
                if (!d)
                    continue;
                for (size_t l = 0; l < d->count; l++) {
                    size_t m2 = apply(a, &a->entries[d->first + l], d->prefix, s1, m, s2);
                    if (m2 == SIZE_MAX)
                        continue;
                    emit_by(x, d->prefix ? &a->entries[d->first + l] : NULL, s2, m2);
                    if (!d->prefix && c->cross)
                        add_prefixes(x, flags, nflags, s2, m2, true);
                }
            }
            x->rdeep = false;
            if (c->cross)
                add_prefixes(x, flags, nflags, s1, m, true);
        }
    }
}

/* w as lower case with an initial capital (code point by code point, as Hunspell's
 * mkallsmall and mkinitcap); false when a case mapping changes the length. */
static bool initcap_twin(int32_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int32_t c = i == 0 ? utf8proc_totitle(w[i]) : utf8proc_tolower(w[i]);
        if (c < 0)
            return false;
        w[i] = c;
    }
    return true;
}

static bool has_flag(const uint32_t *flags, size_t n, uint32_t f)
{
    for (size_t i = 0; i < n; i++)
        if (flags[i] == f)
            return true;
    return false;
}

static bool all_letters(const int32_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!tqc_text_is_letter(w[i]))
            return false;
    return true;
}

/* Expands every stem of the .dic; clears a->complete when a COMPOUNDRULE can join
 * stems of letters. */
static bool expand_dic(expansion *x, const char *path, char *err, size_t errlen)
{
    char *text = NULL;
    size_t len = 0;
    if (tqc_io_read_file(path, 0, &text, &len, err, errlen) != TQC_OK)
        return false;
    aff *a = x->a;
    bool rule_letters[64] = {false};
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    p = memchr(p, '\n', (size_t)(end - p));   /* the count line */
    p = p ? p + 1 : end;
    while (p < end && !x->nomem && !a->nomem) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        const char *q = p;
        size_t wl = 0;
        /* The word ends at an unescaped '/', a tab, or a space before a morphological
         * field (`po:noun`); a space otherwise belongs to it (`Porto Rico`). */
        char word[FORMS_MAX_CPS * 4 + 1];
        bool too_long = false;
        while (q < eol && *q != '/' && *q != '\t' && *q != '\r' &&
               !(*q == ' ' && (eol - q < 4 || q[3] == ':' || q[1] == ' '))) {
            if (*q == '\\' && q + 1 < eol && q[1] == '/')
                q++;
            if (wl < sizeof word - 1)
                word[wl++] = *q;
            else
                too_long = true;
            q++;
        }
        x->loose_end = q < eol && *q != '/' && *q != '\t';
        size_t ffirst = 0, nflags = 0;
        if (q < eol && *q == '/') {
            const char *fs = ++q;
            while (q < eol && *q != '\t' && *q != ' ' && *q != '\r')
                q++;
            nflags = flags_of(a, fs, (size_t)(q - fs), &ffirst);
        }
        int32_t w[FORMS_MAX_CPS];
        size_t n = wl && !too_long ? decode_cps(word, wl, w, FORMS_MAX_CPS) : SIZE_MAX;
        if (n != SIZE_MAX && n > 0) {
            const uint32_t *flags = a->flags + ffirst;
            for (size_t r = 0; r < a->nrule_flags; r++)
                if (has_flag(flags, nflags, a->rule_flags[r]) && all_letters(w, n))
                    rule_letters[r] = true;
            for (size_t r = 0; r < a->nrule_all; r++)
                if (has_flag(flags, nflags, a->rule_all[r]) && !(w[0] >= '0' && w[0] <= '9'))
                    a->rule_stem_letter = true;
            x->bits = FORM_KNOWN;
            x->marks = !all_letters(w, n);
            if (tqc_text_is_upper(w[0]))
                x->bits |= FORM_NAME;
            if (!a->has_keepcase || !has_flag(flags, nflags, a->keepcase))
                x->bits |= FORM_ANYCASE;
            else
                x->bits |= FORM_KEEPCASE;
            /* The flags are copied: expanding appends nothing, but stay safe. */
            uint32_t copy[256];
            size_t nc = nflags < 256 ? nflags : 256;
            memcpy(copy, flags, nc * sizeof *copy);
            bool forbidden = a->has_forbidden && has_flag(flags, nflags, a->forbidden);
            x->root_flags = copy;
            x->nroot = nc;
            x->listed = false;
            x->root_forbidden = forbidden;
            x->twin = false;
            expand(x, w, n, copy, nc);
            uint8_t stem_bits = x->bits;
            if (forbidden && wl <= FORMS_MAX_WORD) {
                x->bits = FORM_FORBIDDEN;
                put_bits(x, x->forms, word, wl);
                x->bits = stem_bits;
            }
            /* Hunspell's capital twin of a mixed-case or all-capitals stem. */
            size_t up = 0, low = 0;
            for (size_t i = 0; i < n; i++) {
                up += tqc_text_is_upper(w[i]);
                low += tqc_text_is_lower(w[i]);
            }
            bool mixed = up && low && !(up == 1 && tqc_text_is_upper(w[0]));
            if ((mixed || (up && !low && n > 1 && nflags > 0)) && initcap_twin(w, n)) {
                x->bits = FORM_HIDDEN | (x->bits & (FORM_ANYCASE | FORM_KEEPCASE));
                x->twin = true;
                expand(x, w, n, copy, nc);
                x->twin = false;
                char twin[FORMS_MAX_CPS * 4 + 1];
                size_t tl = 0;
                for (size_t i = 0; forbidden && i < n; i++)
                    tl += tqc_text_encode(w[i], twin + tl);
                if (forbidden && tl <= FORMS_MAX_WORD) {
                    x->bits = FORM_FORBIDDEN;
                    put_bits(x, x->forms, twin, tl);
                }
            }
        }
        p = nl ? nl + 1 : end;
    }
    free(text);
    /* A rule whose every mandatory flag has a stem of letters could join letters. */
    if (a->nrule_flags) {
        bool all = true;
        for (size_t r = 0; r < a->nrule_flags; r++)
            all &= rule_letters[r];
        if (all)
            a->complete = false;
    }
    return !x->nomem && !a->nomem;
}

void tqc_word_list_each(const char *text, size_t len,
                        void (*each)(void *ctx, const char *word, size_t n), void *ctx)
{
    for (const char *p = text, *end = text + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t line = nl ? (size_t)(nl - p) : (size_t)(end - p);
        size_t take = line < 1023 ? line : 1023;
        size_t n = 0;
        while (n < take && p[n] != '\r' && p[n] != '#')
            n++;
        while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        size_t skip = 0;
        while (skip < n && (p[skip] == ' ' || p[skip] == '\t'))
            skip++;
        if (skip < n)
            each(ctx, p + skip, n - skip);
        p += take < line ? take : line + 1;
    }
}

/* One word of a list, as Hunspell_add makes it a form. */
static void add_list_word(void *ctx, const char *word, size_t n)
{
    expansion *x = ctx;
    if (x->nomem)
        return;
    int32_t w[FORMS_MAX_CPS];
    size_t m = decode_cps(word, n, w, FORMS_MAX_CPS);
    if (m != SIZE_MAX && m > 0) {
        x->bits = FORM_KNOWN | FORM_ANYCASE | (tqc_text_is_upper(w[0]) ? FORM_NAME : 0);
        x->marks = true;
        x->root_flags = NULL;   /* no flags: no compound role */
        x->nroot = 0;
        x->listed = true;
        x->root_forbidden = x->twin = x->rdeep = false;
        x->rpfx = x->rsfx = NULL;
        emit(x, w, m);
        /* Hunspell_add makes the capital twin of a mixed-case word too. */
        size_t up = 0, low = 0;
        for (size_t i = 0; i < m; i++) {
            up += tqc_text_is_upper(w[i]);
            low += tqc_text_is_lower(w[i]);
        }
        if (up && low && !(up == 1 && tqc_text_is_upper(w[0])) && initcap_twin(w, m)) {
            x->bits = FORM_HIDDEN | FORM_ANYCASE;
            emit(x, w, m);
        }
    }
}

static void aff_free(aff *a)
{
    free(a->classes);
    free(a->entries);
    free(a->elems);
    free(a->cps);
    free(a->flags);
    free(a->alias_first);
    free(a->alias_count);
    free(a->iconv);
    free(a->breaks);
}

/* One elided form kept: its tail, its head's number and its bits. */
typedef struct pair_rec {
    const char *tail;
    size_t tlen;
    uint8_t id, bits;
} pair_rec;

static int cmp_pair(const void *pa, const void *pb)
{
    const pair_rec *x = pa, *y = pb;
    int c = memcmp(x->tail, y->tail, x->tlen < y->tlen ? x->tlen : y->tlen);
    if (c || x->tlen != y->tlen)
        return c ? c : x->tlen < y->tlen ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* Gives each tail of kept_pairs a record in kept (FORM_ELIDED) and its pairs, sorted by
 * tail, into *out; groups maps a tail to its first pair * 256 + its count. */
static tqc_status group_pairs(tqc_strmap *kept, const tqc_strmap *kept_pairs, tqc_strmap *groups,
                              pair_rec **out)
{
    size_t np = tqc_strmap_count(kept_pairs);
    pair_rec *pr = np ? tqc_calloc(np, sizeof *pr) : NULL;
    *out = pr;
    if (np && !pr)
        return TQC_ENOMEM;
    for (size_t i = 0; i < np; i++) {
        size_t kl;
        const char *k = tqc_strmap_key(kept_pairs, i, &kl);
        pr[i] = (pair_rec){k, kl - 2, (uint8_t)k[kl - 1], (uint8_t)tqc_strmap_value(kept_pairs, i)};
    }
    if (np)
        qsort(pr, np, sizeof *pr, cmp_pair);
    for (size_t i = 0; i < np;) {
        size_t j = i;
        while (j < np && pr[j].tlen == pr[i].tlen && memcmp(pr[j].tail, pr[i].tail, pr[i].tlen) == 0)
            j++;
        uint64_t have = 0;
        tqc_strmap_get(kept, pr[i].tail, pr[i].tlen, &have);
        if (!tqc_strmap_put(kept, pr[i].tail, pr[i].tlen, have | FORM_ELIDED) ||
            !tqc_strmap_put(groups, pr[i].tail, pr[i].tlen, (uint64_t)i * 256 + (j - i)))
            return TQC_ENOMEM;
        i = j;
    }
    return TQC_OK;
}

static int cmp_str(const void *pa, const void *pb)
{
    const char *const *x = pa, *const *y = pb;
    return strcmp(*x, *y);
}

/* The tails table of c (sorted, NUL-separated, into *table; its pairs renumbered to it
 * and sorted by base again), and each base with pairs a record in kept with FORM_CLITIC
 * and in groups its first pair * 65536 + its count. c's pairs are merged (no repeat, no
 * 0 bits). False with nothing kept when a base has more pairs than a record holds, or
 * on a failed allocation (*nomem). */
static bool group_clitics(tqc_strmap *kept, clitic_set *c, tqc_strmap *groups, char **table,
                          size_t *table_len, size_t *ntails, bool *nomem)
{
    size_t nt = tqc_strmap_count(c->tails), tl = 0;
    const char **tails = nt ? tqc_calloc(nt, sizeof *tails) : NULL;
    uint16_t *renum = nt ? tqc_calloc(nt, sizeof *renum) : NULL;
    *table = NULL;
    *table_len = *ntails = 0;
    *nomem = false;
    if (nt && (!tails || !renum))
        goto nomem;
    for (size_t i = 0; i < nt; i++) {
        size_t n;
        tails[i] = tqc_strmap_key(c->tails, i, &n);   /* NUL-terminated */
        tl += n + 1;
    }
    if (nt)
        qsort(tails, nt, sizeof *tails, cmp_str);
    if (tl && !(*table = tqc_malloc(tl)))
        goto nomem;
    for (size_t i = 0, at = 0; i < nt; i++) {
        size_t n = strlen(tails[i]);
        uint64_t old = 0;
        tqc_strmap_get(c->tails, tails[i], n, &old);
        renum[old] = (uint16_t)i;
        memcpy(*table + at, tails[i], n + 1);
        at += n + 1;
    }
    for (size_t i = 0; i < c->count; i++)
        c->pairs[i].tail = renum[c->pairs[i].tail];
    clitics_merge(c);
    for (size_t i = 0, j; i < c->count; i = j) {
        for (j = i; j < c->count && c->pairs[j].base == c->pairs[i].base;)
            j++;
        if (j - i > 65535) {
            free(tails);
            free(renum);
            free(*table);
            *table = NULL;
            return false;
        }
    }
    for (size_t i = 0, j; i < c->count; i = j) {
        for (j = i; j < c->count && c->pairs[j].base == c->pairs[i].base;)
            j++;
        size_t bl;
        const char *base = tqc_strmap_key(c->bases, c->pairs[i].base, &bl);
        uint64_t have = 0;
        tqc_strmap_get(kept, base, bl, &have);
        if (!tqc_strmap_put(kept, base, bl, have | FORM_CLITIC) ||
            !tqc_strmap_put(groups, base, bl, (uint64_t)i * 65536 + (j - i)))
            goto nomem;
    }
    free(tails);
    free(renum);
    *table_len = tl;
    *ntails = nt;
    return true;
nomem:
    *nomem = true;
    free(tails);
    free(renum);
    free(*table);
    *table = NULL;
    return false;
}

static tqc_status write_file(const char *path, uint64_t key, tqc_strmap *kept,
                             const tqc_strmap *kept_pairs, const tqc_strmap *heads,
                             clitic_set *clitics, const aff *a, bool complete,
                             bool elisions, bool all_hyphened, bool tails_held,
                             bool all_apostrophed)
{
    tqc_strmap *groups = tqc_strmap_new(), *cgroups = tqc_strmap_new();
    pair_rec *pr = NULL;
    char *tails = NULL;
    size_t tails_len = 0, ntails = 0;
    bool nomem = false, clitics_kept = false;
    if (!groups || !cgroups || group_pairs(kept, kept_pairs, groups, &pr) != TQC_OK ||
        (!(clitics_kept = group_clitics(kept, clitics, cgroups, &tails, &tails_len, &ntails,
                                        &nomem)) &&
         nomem)) {
        tqc_strmap_free(groups);
        tqc_strmap_free(cgroups);
        free(pr);
        return TQC_ENOMEM;
    }
    /* A role byte a record when compounding is modelled (HEAD_COMPOUNDS). Then words of
     * letters only are decided: a compound may hold marks. */
    bool roles = complete && a->compounds;
    bool plain = complete && !a->compounds;
    /* Every hyphenated form held (whole, or as bases and tails within the limits), every
     * BREAK anchored. */
    bool anchored = plain && elisions && a->breaks_len && !a->unanchored_break &&
                    (all_hyphened || (tails_held && clitics_kept));
    size_t count = tqc_strmap_count(kept), data_len = 0, heads_len = 0;
    size_t nheads = tqc_strmap_count(heads);
    for (size_t i = 0; i < nheads; i++) {
        size_t hl;
        tqc_strmap_key(heads, i, &hl);
        heads_len += hl;   /* the head, its NUL, later its group byte */
    }
    tqc_status st = TQC_ENOMEM;
    unsigned char *buf = NULL;
    if (count > (1u << 30))
        goto out;
    uint32_t slots = (uint32_t)(count + count / 3 + 16);
    for (size_t i = 0; i < count; i++) {
        size_t len;
        tqc_strmap_key(kept, i, &len);
        data_len += 2 + len + roles;
    }
    /* The pairs' bytes: a count byte per tail and two a pair; two bytes a base and three
     * a tail. */
    data_len += tqc_strmap_count(groups) + 2 * tqc_strmap_count(kept_pairs);
    if (clitics_kept)
        data_len += 2 * tqc_strmap_count(cgroups) + 3 * clitics->count;
    if (count >= slots || data_len >= UINT32_MAX - (uint64_t)slots * 4)
        goto out;
    size_t breaks_len = anchored ? a->breaks_len : 0;
    uint64_t before = (uint64_t)slots * 4 + data_len + a->iconv_len + heads_len + tails_len +
                      breaks_len;
    size_t filter_len = filter_bits_for(count) / 8;
    if (filter_len > FORMS_STORED_FILTER_MAX)
        filter_len = 0;
    uint64_t filter_at = filter_len ? filter_offset(before) : before;
    uint64_t body_len = filter_at + filter_len;
    uint64_t nblocks = (body_len + FORMS_BLOCK - 1) / FORMS_BLOCK;
    size_t total = sizeof(header) + nblocks * 8 + body_len;
    if (!(buf = tqc_calloc(1, total)))
        goto out;
    uint64_t *sums = (uint64_t *)(buf + sizeof(header));
    unsigned char *body = buf + sizeof(header) + nblocks * 8;
    uint32_t *slot = (uint32_t *)body;
    unsigned char *data = body + (size_t)slots * 4;
    /* Slots first (each holds 1 + the word's index), then the records in slot order: a
     * lookup's probes of neighbouring slots read neighbouring records, one page or two,
     * not a page of the file for each probe (the resident set of a cold run). */
    for (size_t i = 0; i < count; i++) {
        size_t len;
        const char *w = tqc_strmap_key(kept, i, &len);
        uint32_t at = (uint32_t)(tqc_strmap_hash(w, len) % slots);
        while (slot[at])
            at = at + 1 == slots ? 0 : at + 1;
        slot[at] = (uint32_t)i + 1;
    }
    size_t off = 0;
    for (uint32_t at = 0; at < slots; at++) {
        if (!slot[at])
            continue;
        size_t i = slot[at] - 1, len;
        const char *w = tqc_strmap_key(kept, i, &len);
        uint64_t bits = tqc_strmap_value(kept, i);
        slot[at] = (uint32_t)off + 1;
        data[off] = (unsigned char)len;
        data[off + 1] = (unsigned char)bits;
        memcpy(data + off + 2, w, len);
        off += 2 + len;
        if (roles)
            data[off++] = (unsigned char)(bits >> 8);
        uint64_t g;
        if ((bits & FORM_ELIDED) && tqc_strmap_get(groups, w, len, &g)) {
            size_t first = (size_t)(g / 256), n = (size_t)(g % 256);
            data[off++] = (unsigned char)n;
            for (size_t k = 0; k < n; k++) {
                data[off++] = pr[first + k].id;
                data[off++] = pr[first + k].bits;
            }
        }
        if (clitics_kept && (bits & FORM_CLITIC) && tqc_strmap_get(cgroups, w, len, &g)) {
            size_t first = (size_t)(g / 65536), n = (size_t)(g % 65536);
            data[off++] = (unsigned char)(n & 255);
            data[off++] = (unsigned char)(n >> 8);
            for (size_t k = 0; k < n; k++) {
                const clitic_pair *cp = &clitics->pairs[first + k];
                data[off++] = (unsigned char)(cp->tail & 255);
                data[off++] = (unsigned char)(cp->tail >> 8);
                data[off++] = cp->bits;
            }
        }
    }
    if (a->iconv_len)
        memcpy(data + data_len, a->iconv, a->iconv_len);
    for (size_t i = 0, at = data_len + a->iconv_len; i < nheads; i++) {
        size_t hl;
        const char *hw = tqc_strmap_key(heads, i, &hl);   /* head, NUL, group */
        memcpy(data + at, hw, hl - 1);
        data[data_len + a->iconv_len + heads_len - nheads + i] = (unsigned char)hw[hl - 1];
        at += hl - 1;
    }
    if (tails_len)
        memcpy(data + data_len + a->iconv_len + heads_len, tails, tails_len);
    if (breaks_len)
        memcpy(data + data_len + a->iconv_len + heads_len + tails_len, a->breaks, breaks_len);
    for (size_t i = 0; filter_len && i < count; i++) {
        size_t len;
        const char *w = tqc_strmap_key(kept, i, &len);
        filter_add((uint64_t *)(body + filter_at), filter_len * 8, tqc_strmap_hash(w, len));
    }
    for (uint64_t b = 0; b < nblocks; b++) {
        uint64_t start = b * FORMS_BLOCK, n = body_len - start;
        sums[b] = tqc_verdicts_hash(b, body + start, n > FORMS_BLOCK ? FORMS_BLOCK : n);
    }
    bool hyphen = !a->breaks_seen || a->hyphen_break;
    bool dots = plain && !a->dot_break && !a->affix_dots;
    /* With compounds it says only that the set holds every hyphenated form (see
     * hyphened_compound). */
    bool hyphens = complete && hyphen && !a->other_break &&
                   (all_hyphened || (tails_held && elisions && clitics_kept));
    bool apostrophes = plain && elisions && all_apostrophed && !a->apostrophe_break;
    header h = {.key = key,
                .flags = (complete ? HEAD_COMPLETE : 0) | (hyphen ? HEAD_HYPHEN_BREAK : 0) |
                         (dots ? HEAD_DOTS_COMPLETE : 0) | (hyphens ? HEAD_HYPHENS_COMPLETE : 0) |
                         (apostrophes ? HEAD_APOSTROPHES_COMPLETE : 0) |
                         (anchored ? HEAD_ANCHORED_BREAKS : 0) |
                         (roles ? HEAD_COMPOUNDS : 0) |
                         (a->checksharps ? HEAD_CHECKSHARPS : 0) |
                         (roles && a->stem_parts ? HEAD_STEM_PARTS : 0) |
                         (a->breaks_seen ? 0 : HEAD_DEFAULT_BREAKS) |
                         (plain && !a->breaks_seen && !a->affix_digits && !a->rule_stem_letter
                              ? HEAD_DIGITS_COMPLETE : 0),
                .slots = slots,
                .count = (uint32_t)count, .extra_len = (uint32_t)a->iconv_len,
                .heads_len = (uint32_t)heads_len, .heads_count = (uint32_t)nheads,
                .tails_len = (uint32_t)tails_len, .tails_count = (uint32_t)ntails,
                .breaks_len = (uint32_t)breaks_len,
                .cpdmin = roles ? a->cpdmin : 0,
                .data_len = data_len, .nblocks = nblocks, .filter_len = filter_len};
    memcpy(h.magic, FORMS_MAGIC, 8);
    h.head_sum = tqc_verdicts_hash(tqc_verdicts_hash(key, &h, sizeof h), sums, nblocks * 8);
    memcpy(buf, &h, sizeof h);
    st = tqc_cache_write(path, buf, total);
out:
    free(buf);
    free(pr);
    free(tails);
    tqc_strmap_free(groups);
    tqc_strmap_free(cgroups);
    return st;
}

/* The bits Hunspell confirms of a form (w, len) generated with bits: a form as written,
 * a capital twin's form in capitals (Hunspell accepts DEKALB for DeKalb). */
static uint64_t verified(tqc_forms_accept_fn accept, void *ctx, const char *w, size_t len,
                         uint64_t bits)
{
    char up[FORMS_MAX_WORD * 2 + 8];
    size_t ul;
    if ((bits & FORM_KNOWN) && !accept(ctx, w, len))
        bits &= ~(uint64_t)(FORM_KNOWN | FORM_NAME);   /* ANYCASE may be a twin's */
    /* A twin's affixed form Hunspell accepts as written, whatever its case (its
     * affixes do not test the twin's capitals-only flag): `d'Ieee` for IEEE. */
    if ((bits & FORM_HIDDEN) && !(bits & FORM_KNOWN) && accept(ctx, w, len))
        bits |= FORM_KNOWN;
    /* A KEEPCASE twin is refused in capitals too: its stemmer still finds it. */
    if ((bits & FORM_HIDDEN) && (bits & FORM_ANYCASE) &&
        !((ul = tqc_text_case(w, len, TQC_CASE_UPPER, up, sizeof up)) && accept(ctx, up, ul)))
        bits &= ~(uint64_t)FORM_HIDDEN;
    return bits;
}

/* Whether w holds one of a's ICONV patterns, which Hunspell converts before it checks
 * a word (fr.aff's typographic apostrophe and decomposed accents). */
static bool holds_iconv(const aff *a, const char *w, size_t len)
{
    for (const char *p = a->iconv; p && p < a->iconv + a->iconv_len; p += strlen(p) + 1)
        if (*p && contains(w, len, p, strlen(p)))
            return true;
    return false;
}

/* The bits of a form made with v (bits and PATH_* marks): as made when every path that
 * made it is plain (plain_path) and so is its shape as asked, else as Hunspell
 * confirms them. Asking is most of a build's time (pt_BR: 11 million forms). */
static uint64_t confirmed(expansion *x, tqc_forms_accept_fn accept, void *ctx, const char *w,
                          size_t len, uint64_t v)
{
    uint64_t bits = v & ~PATH_BITS;
    if ((v & PATH_BITS) == (uint64_t)PATH_PLAIN << PATH_SHIFT && plain_shape_utf8(w, len) &&
        !holds_iconv(x->a, w, len))
        return bits;
    return verified(accept, ctx, w, len, bits);
}

typedef struct confirming {
    expansion *x;
    tqc_forms_accept_fn accept;
    void *ctx;
} confirming;

/* tqc_strmap_retain's test of a form: its confirmed bits, kept when Hunspell has it. */
static bool keep_confirmed(void *cp, const char *w, size_t len, uint64_t *value)
{
    const confirming *c = cp;
    *value = confirmed(c->x, c->accept, c->ctx, w, len, *value);
    return (*value & (FORM_KNOWN | FORM_HIDDEN | FORM_FORBIDDEN)) != 0;
}

tqc_status tqc_forms_build(const char *path, uint64_t key, const tqc_forms_source *src,
                           tqc_forms_accept_fn accept, void *ctx, tqc_forms_stats *stats,
                           char *err, size_t errlen)
{
    aff a = {0};
    expansion x = {.a = &a, .path = PATH_RISK};
    tqc_strmap *kept = NULL, *kept_pairs = NULL;
    tqc_status st = TQC_OK;
    *stats = (tqc_forms_stats){0};
    if (!parse_aff(&a, src->aff, err, errlen)) {
        st = a.nomem ? TQC_ENOMEM : TQC_EINPUT;
        goto out;
    }
    if (!assign_groups(&a)) {
        st = TQC_ENOMEM;
        goto out;
    }
    if (!(x.forms = tqc_strmap_new()) ||
        !(x.pairs = tqc_strmap_new()) || !(x.heads = tqc_strmap_new()) ||
        !(x.marked = tqc_strmap_new()) || !(x.clitics.bases = tqc_strmap_new()) ||
        !(x.clitics.tails = tqc_strmap_new()) ||
        !(x.pmarked = tqc_strmap_new()) ||
        !(kept_pairs = tqc_strmap_new()) ||
        (a.compounds && a.complete && !(x.roles = tqc_strmap_new()))) {
        st = TQC_ENOMEM;
        goto out;
    }
    if (!expand_dic(&x, src->dic, err, errlen)) {
        st = x.nomem || a.nomem ? TQC_ENOMEM : TQC_EIO;
        goto out;
    }
    for (size_t i = 0; i < src->ntexts; i++)
        tqc_word_list_each(src->texts[i], src->lens[i], add_list_word, &x);
    if (x.nomem) {
        st = TQC_ENOMEM;
        goto out;
    }
    /* Only what Hunspell accepts is kept: a form as written, a capital twin's form in
     * capitals (Hunspell accepts DEKALB for DeKalb). The forms are filtered where they
     * are, not copied: a copy doubled the build's peak (it_IT: 1.5 GB). */
    stats->candidates = tqc_strmap_count(x.forms);
    confirming c = {&x, accept, ctx};
    tqc_strmap_retain(x.forms, keep_confirmed, &c);
    kept = x.forms;
    x.forms = NULL;
    /* Hyphenated forms as bases and tails (FORMS_MAX_TAILS): when they are too many to
     * keep whole, and always where every BREAK is anchored (by_breaks reads them so),
     * for a complete set whose hyphenated words the file then decides (write_file). */
    bool anchored = a.breaks_len && !a.unanchored_break;
    bool tails = (x.hyphens_full || anchored) && !x.clitics_full && !x.pmarked_full &&
                 a.complete && !x.heads_full &&
                 (anchored || ((!a.breaks_seen || a.hyphen_break) && !a.other_break));
    size_t nm = tqc_strmap_count(x.marked);
    stats->candidates += nm;
    for (size_t i = 0; i < nm && st == TQC_OK; i++) {
        size_t len;
        const char *w = tqc_strmap_key(x.marked, i, &len);
        if (memchr(w, '-', len) ? x.hyphens_full || tails : x.apostrophes_full)
            continue;   /* not all of their kind: useless; or kept as tails below */
        uint64_t have = 0, bits = confirmed(&x, accept, ctx, w, len, tqc_strmap_value(x.marked, i));
        tqc_strmap_get(kept, w, len, &have);
        if ((bits & (FORM_KNOWN | FORM_HIDDEN)) && !tqc_strmap_put(kept, w, len, have | bits))
            st = TQC_ENOMEM;
    }
    /* Those with a prefix's hyphen only whole, the others as bases and tails, each
     * verified whole. */
    size_t npm = tails ? tqc_strmap_count(x.pmarked) : 0;
    if (tails)
        clitics_merge(&x.clitics);   /* each form verified once */
    size_t ncl = tails ? x.clitics.count : 0, nclitics = 0;
    stats->candidates += npm + ncl;
    for (size_t i = 0; i < npm && st == TQC_OK; i++) {
        size_t len;
        const char *w = tqc_strmap_key(x.pmarked, i, &len);
        uint64_t have = 0, bits = confirmed(&x, accept, ctx, w, len, tqc_strmap_value(x.pmarked, i));
        tqc_strmap_get(kept, w, len, &have);
        if ((bits & (FORM_KNOWN | FORM_HIDDEN)) && !tqc_strmap_put(kept, w, len, have | bits))
            st = TQC_ENOMEM;
    }
    for (size_t i = 0; i < ncl; i++) {
        clitic_pair *cp = &x.clitics.pairs[i];
        size_t bl, tl;
        const char *base = tqc_strmap_key(x.clitics.bases, cp->base, &bl);
        const char *tail = tqc_strmap_key(x.clitics.tails, cp->tail, &tl);
        char form[FORMS_MAX_WORD * 2 + 2];
        memcpy(form, base, bl);
        memcpy(form + bl, tail, tl);
        /* A refused form's bits are 0, which group_clitics drops. */
        uint64_t bits = confirmed(&x, accept, ctx, form, bl + tl,
                                  cp->bits | (uint64_t)cp->path << PATH_SHIFT);
        cp->bits = (bits & (FORM_KNOWN | FORM_HIDDEN)) ? (uint8_t)bits : 0;
        nclitics += cp->bits != 0;
    }
    /* The elided forms, each verified as the head and the tail written together. */
    size_t np = x.heads_full ? 0 : tqc_strmap_count(x.pairs);
    stats->candidates += np;
    for (size_t i = 0; i < np && st == TQC_OK; i++) {
        size_t kl, hl;
        const char *k = tqc_strmap_key(x.pairs, i, &kl);
        const char *hw = tqc_strmap_key(x.heads, x.group_head[(unsigned char)k[kl - 1]] - 1, &hl);
        char form[FORMS_MAX_WORD * 2 + 8];
        hl -= 2;   /* the head of the group's first form */
        if (hl + kl - 2 > FORMS_MAX_WORD)
            continue;
        memcpy(form, hw, hl);
        memcpy(form + hl, k, kl - 2);
        uint64_t bits = confirmed(&x, accept, ctx, form, hl + kl - 2, tqc_strmap_value(x.pairs, i));
        if ((bits & (FORM_KNOWN | FORM_HIDDEN)) && !tqc_strmap_put(kept_pairs, k, kl, bits))
            st = TQC_ENOMEM;
    }
    /* Each form's compound roles, in the bits' second byte; a form Hunspell refuses alone
     * (ONLYINCOMPOUND, NEEDAFFIX) is kept for its roles with no other bit. */
    size_t nr = x.roles ? tqc_strmap_count(x.roles) : 0;
    for (size_t i = 0; i < nr && st == TQC_OK; i++) {
        size_t len;
        const char *w = tqc_strmap_key(x.roles, i, &len);
        uint64_t have = 0;
        tqc_strmap_get(kept, w, len, &have);
        if (!tqc_strmap_put(kept, w, len, have | tqc_strmap_value(x.roles, i) << 8))
            st = TQC_ENOMEM;
    }
    if (st != TQC_OK)
        goto out;
    stats->forms = tqc_strmap_count(kept) + tqc_strmap_count(kept_pairs) + nclitics;
    stats->complete = a.complete;
    {
        tqc_strmap *no_heads = tqc_strmap_new();
        clitic_set none = {0};
        if (!no_heads) {
            st = TQC_ENOMEM;
            goto out;
        }
        /* Too many heads: no elided form is kept, and their words are left to Hunspell. */
        st = write_file(path, key, kept, x.heads_full ? no_heads : kept_pairs,
                        x.heads_full ? no_heads : x.heads, tails ? &x.clitics : &none, &a,
                        a.complete,
                        !x.heads_full, !x.hyphens_full && !tails, tails, !x.apostrophes_full);
        tqc_strmap_free(no_heads);
    }
    if (st != TQC_OK)
        snprintf(err, errlen, "%s: cannot write", path);
out:
    tqc_strmap_free(x.forms);
    tqc_strmap_free(x.pairs);
    tqc_strmap_free(x.marked);
    clitics_free(&x.clitics);
    tqc_strmap_free(x.pmarked);
    tqc_strmap_free(x.roles);
    tqc_strmap_free(x.heads);
    tqc_strmap_free(kept);
    tqc_strmap_free(kept_pairs);
    aff_free(&a);
    return st;
}
