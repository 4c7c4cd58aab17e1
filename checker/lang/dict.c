#include "lang/dict.h"

#include <dirent.h>
#include <errno.h>
#include <hunspell.h>
#include <iconv.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "core/alloc.h"
#include "core/io.h"
#include "core/text.h"
#include "lang/forms.h"
#include "lang/verdicts.h"

/* Suggestions are costly (milliseconds a word): each distinct word is asked once per
 * dict, up to this many words, so memory stays bounded on any corpus. */
#define DICT_MAX_CACHED_SUGGESTIONS 100000
/* Letters tried when generating one-edit corrections: the lower-case part of the aff's
 * TRY line, most frequent first. */
#define DICT_MAX_TRY 48
/* One-edit corrections kept for ranking, ... */
#define DICT_MAX_CANDIDATES 32
/* ...of at most this many the frequency list knows. */
#define DICT_MAX_GATHERED 256
/* Longer "words" are not words; Hunspell would only waste time on them. */
#define DICT_MAX_WORD 100
#define DICT_MAX_PATH 4096
#define DICT_MAX_LINE 1024

enum { VERDICT_KNOWN = 1, VERDICT_UNKNOWN = 2 };
/* In the verdict file (lang/verdicts.h): lookup's verdict in bits 0-1, a correction
 * candidate's (raw) in bits 2-3. Change VERDICT_LOGIC when what decides a verdict in this
 * file changes (ask_speller's normalisations): files of the old logic are then stale. */
#define VERDICT_RAW_SHIFT 2
/* Bits 4-5: whether Hunspell stems the word to an entry written with a capital
 * (tqc_dict_name_entry), so that an article checked before opens no Hunspell for it. */
#define VERDICT_NAME_SHIFT 4
#define VERDICT_LOGIC 1
/* A verdict file stops growing here (about 13 MB): a run reads only the blocks it probes
 * (lang/verdicts.c), and one long text asks hundreds of thousands of words (the spelling
 * pass's one-edit variants of each unknown word), which a smaller file cannot keep. */
#define VERDICT_FILE_MAX_WORDS 600000
/* Files kept per dictionary for other word lists (projects of their own), besides the
 * current one: a bound on the cache folder, generous enough that a few projects checked
 * in turn do not evict each other's. */
#define VERDICT_FILES_OTHER_LISTS 3
/* The compiled forms (lang/forms.h): bump when what decides their content in this file
 * changes (the word lists given, the verifier). */
#define FORMS_LOGIC 1

/* Verdicts a view's own map (below) holds at most: past the bound it starts afresh, and a
 * word asked again is answered by the core's map under its lock, the same answer. */
#define DICT_MAP_MAX_WORDS 65536

/* The core's verdicts, word -> verdict. A long text asks hundreds of thousands of
 * distinct words (the spelling pass's one-edit variants: 710,000 for Brown, of en_US and
 * en_GB), and at ~75 bytes a word in a tqc_strmap they were half of a run's memory
 * (Brown -j 1: 106 MB). Here a word is a record appended to one block (its length, its
 * verdict, its bytes) and a slot (its offset and its hash's tag): ~20 bytes. */
typedef struct vmap {
    uint64_t *slots;            /* tag (high 32 bits) | offset + 1 (low 32); 0: empty */
    size_t nslots, count;       /* nslots: a power of two, at most 3/4 full */
    unsigned char *recs;
    size_t used, cap;
} vmap;

/* Whether m holds word (hash h); *slot gets its slot, or the empty one it would take. */
static bool vmap_find(const vmap *m, const char *word, size_t len, uint64_t h, size_t *slot)
{
    size_t mask = m->nslots - 1;
    uint64_t tag = h & 0xFFFFFFFF00000000ULL;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint64_t s = m->slots[i];
        *slot = i;
        if (s == 0)
            return false;
        const unsigned char *r = m->recs + (uint32_t)s - 1;
        if ((s & 0xFFFFFFFF00000000ULL) == tag && r[0] == len && memcmp(r + 2, word, len) == 0)
            return true;
    }
}

static bool vmap_get(const vmap *m, const char *word, size_t len, uint64_t h, uint64_t *verdict)
{
    size_t i;
    if (!m->nslots || !vmap_find(m, word, len, h, &i))
        return false;
    *verdict = m->recs[(uint32_t)m->slots[i] - 1 + 1];
    return true;
}

/* Doubles m's slots (the records are hashed again); false without memory. */
static bool vmap_grow(vmap *m)
{
    size_t n = m->nslots ? m->nslots * 2 : 1024;
    uint64_t *slots = tqc_calloc(n, sizeof *slots);
    if (!slots)
        return false;
    for (size_t off = 0; off < m->used; off += 2 + (size_t)m->recs[off]) {
        uint64_t h = tqc_strmap_hash((const char *)m->recs + off + 2, m->recs[off]);
        size_t i = h & (n - 1);
        while (slots[i])
            i = (i + 1) & (n - 1);
        slots[i] = (h & 0xFFFFFFFF00000000ULL) | (off + 1);
    }
    free(m->slots);
    m->slots = slots;
    m->nslots = n;
    return true;
}

/* Puts word's verdict in m (a word it cannot hold, without memory, is not kept: it is
 * asked again). */
static void vmap_put(vmap *m, const char *word, size_t len, uint64_t h, uint8_t verdict)
{
    size_t i;
    if (len == 0 || len > 255 || ((m->count + 1) * 4 > m->nslots * 3 && !vmap_grow(m)))
        return;
    if (vmap_find(m, word, len, h, &i)) {
        m->recs[(uint32_t)m->slots[i] - 1 + 1] = verdict;
        return;
    }
    if (m->used + 2 + len >= UINT32_MAX)
        return;
    if (m->used + 2 + len > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 65536;
        unsigned char *recs = tqc_realloc(m->recs, cap);
        if (!recs)
            return;
        m->recs = recs;
        m->cap = cap;
    }
    unsigned char *r = m->recs + m->used;
    r[0] = (unsigned char)len;
    r[1] = verdict;
    memcpy(r + 2, word, len);
    m->slots[i] = (h & 0xFFFFFFFF00000000ULL) | (m->used + 1);
    m->used += 2 + len;
    m->count++;
}

static void vmap_free(vmap *m)
{
    free(m->slots);
    free(m->recs);
}

/* tqc_verdicts_part's each for a vmap: its words in the order they came. */
static bool vmap_each(const void *src, tqc_verdicts_visit_fn visit, void *ctx)
{
    const vmap *m = src;
    for (size_t off = 0; off < m->used; off += 2 + (size_t)m->recs[off])
        if (!visit(ctx, (const char *)m->recs + off + 2, m->recs[off], m->recs[off + 1]))
            return false;
    return true;
}

/* A small direct-mapped cache of verdicts in front of the verdict map. Word frequencies
 * are Zipfian, so a few thousand slots answer most tokens from memory the processor
 * keeps close, where the map (every distinct word seen) costs cache misses. */
#define HOT_SLOTS 32768
/* A view starts with HOT_FIRST_SLOTS and grows fourfold each time its misses reach
 * HOT_GROW_AFTER times its slots: a dictionary asked a few words (a loan language's, a
 * candidate language of the untranslated pass) keeps a few pages instead of a megabyte
 * a thread. */
#define HOT_FIRST_SLOTS 1024
#define HOT_GROW_AFTER 4
#define HOT_KEY 26
typedef struct hot_verdict {
    uint32_t tag;
    uint8_t len;        /* 0: empty */
    uint8_t verdict;
    char key[HOT_KEY];
} hot_verdict;

/* A Hunspell handle with the supplements and word lists added, and the converters
 * to and from its encoding. Not thread-safe. */
typedef struct speller {
    Hunhandle *hun;
    iconv_t to_dic, from_dic;   /* (iconv_t)-1 when the dictionary is UTF-8 */
} speller;

/* The text of one word list (a supplement or the user's), added to each speller. */
typedef struct word_text {
    char *text;
    size_t len;
} word_text;

/* What every thread checking in one language shares: the Hunspell handle, verdicts,
 * frequencies and suggestions, behind one lock. Hunspell answers each distinct word
 * once per process, and a process holds each dictionary once however many threads
 * check. */
typedef struct dict_core {
    /* Readers of cache, raw and the suggestions share it; Hunspell, the iconv handles and
     * every insertion take it alone. */
    pthread_mutex_t lock;
    char *key;                  /* what was opened (registry key) */
    atomic_size_t refs;         /* views; changed under registry_mu */
    struct dict_core *next;     /* in the registry */
    /* Opened at the first word the verdict file cannot answer (core_speller), not with
     * the core: loading one costs tens to hundreds of milliseconds, more than checking
     * an article, and a run opens several (the configured language's, the detected
     * one's, a regional variety's, a loanword language's) that may answer every word
     * from their verdict files. */
    speller sp;                 /* used under the lock */
    bool sp_failed;             /* opening it failed: every word is unknown */
    char name[64];
    /* What opens another speller like sp (tqc_dict_options.own_speller). */
    char *aff, *dic, *dir;
    char **word_files;
    size_t word_file_count;
    word_text *texts;           /* the supplements, then the word files, read at open */
    size_t text_count, text_cap;
    vmap cache;                 /* word -> verdict */
    /* The verdicts of earlier runs (lang/verdicts.h), asked before Hunspell; NULL when
     * there is none or it cannot be trusted. Rewritten at the end when this run asked
     * Hunspell something it lacked. */
    tqc_verdicts *file;
    char *file_path;            /* NULL: no cache folder */
    uint64_t file_key;
    bool file_dirty;
    tqc_strmap *raw;            /* correction candidate -> Hunspell's own verdict */
    /* Every form the dictionary accepts (lang/forms.h), asked after the verdict file and
     * before Hunspell; NULL when there is none (not built, or not trusted). */
    /* Atomic: read without the lock (core_verdict, lookup); it goes from NULL to a file
     * at most once (compile_forms), and is freed with the core. */
    tqc_forms *_Atomic forms;
    char *forms_path;           /* NULL: no cache folder */
    uint64_t forms_key;
    bool forms_tried;           /* a build was attempted by this process */
    bool forms_installed;       /* forms is make install's file (never deleted) */
    tqc_strmap *names;          /* word -> name entry (VERDICT_KNOWN) or not (UNKNOWN) */
    /* lower-cased word -> count; read-only once open, shared with the other cores of its
     * folder */
    struct freq_list *freq;
    char try_chars[DICT_MAX_TRY][5]; /* the letters typos are made of (the aff's TRY) */
    size_t try_count;
    tqc_strmap *suggested;      /* word -> index into suggestions */
    char **suggestions;         /* per cached word: NUL-separated list, empty string ends it */
    size_t suggestion_count, suggestion_cap;
    uint64_t freq_total;
    atomic_size_t lookups;      /* questions to Hunspell, by every speller */
} dict_core;

/* One thread's view of a core: its own hot verdicts, so the common case takes no lock. */
struct tqc_dict {
    dict_core *core;
    speller *own;               /* asked without the lock; NULL: the core's */
    bool want_own;              /* own is opened at its first question (own_speller) */
    hot_verdict *hot;           /* NULL until the first lookup */
    size_t hot_slots;           /* a power of two, at most HOT_SLOTS */
    size_t hot_misses;          /* lookups hot did not answer since it last grew */
    /* Every verdict this view has had, once another view shares the core: the core's
     * lock is then taken once per distinct word a thread meets, not for every word its
     * hot cache has forgotten. Alone, the core's map is as good and costs no copy. */
    tqc_strmap *local;
};

/* Every open core, so a second open of the same dictionary shares it. Opening and
 * freeing happen under this lock, which also serialises Hunspell_create and
 * Hunspell_destroy: Hunspell counts its global UTF-8 table without a lock. */
static pthread_mutex_t registry_mu = PTHREAD_MUTEX_INITIALIZER;
static dict_core *registry;

static bool file_exists(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f)
        fclose(f);
    return f != NULL;
}

/* Looks for name.aff and name.dic in the colon-separated folders of path. */
static bool find_dictionary(const char *path, const char *name, char *aff, char *dic)
{
    while (path && *path) {
        size_t n = strcspn(path, ":");
        if (n > 0 && n < DICT_MAX_PATH - 80 && strlen(name) < 64) {
            snprintf(aff, DICT_MAX_PATH, "%.*s/%s.aff", (int)n, path, name);
            snprintf(dic, DICT_MAX_PATH, "%.*s/%s.dic", (int)n, path, name);
            if (file_exists(aff) && file_exists(dic))
                return true;
        }
        path += n;
        if (*path == ':')
            path++;
    }
    return false;
}

/* Converts between UTF-8 and the dictionary's encoding; returns out or NULL. */
static char *convert(iconv_t cd, const char *in, size_t len, char *out, size_t cap)
{
    if (cd == (iconv_t)-1) {
        if (len >= cap)
            return NULL;
        memcpy(out, in, len);
        out[len] = '\0';
        return out;
    }
    char *src = (char *)in, *dst = out;
    size_t left = len, room = cap - 1;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &src, &left, &dst, &room) == (size_t)-1)
        return NULL;
    *dst = '\0';
    return out;
}

/* Adds one word of a list to Hunspell, in the dictionary's encoding. */
static void add_word(void *ctx, const char *word, size_t n)
{
    speller *dict = ctx;
    char conv[DICT_MAX_LINE * 2];
    if (convert(dict->to_dic, word, n, conv, sizeof conv))
        Hunspell_add(dict->hun, conv);
}

/* Adds the words of one list (the text of a file: one word a line, `#` comments). */
static void add_words(speller *dict, const char *text, size_t len)
{
    tqc_word_list_each(text, len, add_word, dict);
}

/* Reads one word list into the core's texts, to be added when Hunspell opens. */
static tqc_status read_word_file(dict_core *dict, const char *path, char *err, size_t errlen)
{
    if (!tqc_grow((void **)&dict->texts, &dict->text_cap, dict->text_count, 1,
                  sizeof *dict->texts))
        return TQC_ENOMEM;
    word_text *t = &dict->texts[dict->text_count];
    tqc_status st = tqc_io_read_file(path, 0, &t->text, &t->len, err, errlen);
    if (st == TQC_OK)
        dict->text_count++;
    return st;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads every .txt file of dictionaries/<base>/, in name order. */
static tqc_status read_supplements(dict_core *dict, const char *dir, char *err, size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d)
        return TQC_OK;
    char *names[256];
    size_t count = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL && count < 256;) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0 && e->d_name[0] != '.') {
            if (!(names[count] = tqc_malloc(n + 1)))
                break;
            memcpy(names[count++], e->d_name, n + 1);
        }
    }
    closedir(d);
    qsort(names, count, sizeof *names, cmp_str);
    tqc_status st = TQC_OK;
    for (size_t i = 0; i < count; i++) {
        char path[DICT_MAX_PATH];
        if (st == TQC_OK && (size_t)snprintf(path, sizeof path, "%s/%s", dir, names[i]) < sizeof path)
            st = read_word_file(dict, path, err, errlen);
        free(names[i]);
    }
    return st;
}

/* A frequency list, shared by the cores of one dictionaries/<lang> folder (de_DE and
 * de_CH read the same freq.tsv: one copy of its map, 2 MB, in a cold German run). */
typedef struct freq_list {
    char *text;                 /* the file's bytes, NUL-terminated */
    size_t len;
    /* An open-addressing index of its lines: the word's hash tag (high 32 bits) and the
     * line's offset + 1 (low 32; 0 = empty), at a load under 1/2. Built by one pass over
     * the text without a copy of each word: a map of 47,000 German words cost a fifth of
     * a cold article. */
    uint64_t *slots;
    size_t nslots;              /* a power of two */
    uint64_t total;
    size_t refs;                /* cores holding it; changed under registry_mu */
} freq_list;

static tqc_status load_freq(dict_core *dict, const char *path);
static void free_freq(freq_list *list);

/* Gives dict the frequency list of its folder dir: another open core's, else read from
 * dir/freq.tsv (none there: none). The caller holds registry_mu. */
static tqc_status open_freq(dict_core *dict, const char *dir)
{
    for (dict_core *c = registry; c; c = c->next)
        if (c->freq && strcmp(c->dir, dir) == 0) {
            dict->freq = c->freq;
            dict->freq->refs++;
            dict->freq_total = dict->freq->total;
            return TQC_OK;
        }
    char path[DICT_MAX_PATH + 16];
    snprintf(path, sizeof path, "%s/freq.tsv", dir);
    return load_freq(dict, path);
}

/* Lets go of dict's frequency list, freed with its last core. The caller holds
 * registry_mu. */
static void close_freq(dict_core *dict)
{
    if (dict->freq && --dict->freq->refs == 0)
        free_freq(dict->freq);
}

static void free_freq(freq_list *list)
{
    free(list->text);
    free(list->slots);
    free(list);
}

/* The line of word in list (its offset), or SIZE_MAX. */
static size_t freq_find(const freq_list *list, const char *word, size_t len)
{
    uint64_t h = tqc_strmap_hash(word, len), tag = h & 0xFFFFFFFF00000000ull;
    size_t mask = list->nslots - 1;
    for (size_t at = h & mask;; at = (at + 1) & mask) {
        uint64_t s = list->slots[at];
        if (s == 0)
            return SIZE_MAX;
        size_t off = (uint32_t)s - 1;
        if ((s & 0xFFFFFFFF00000000ull) == tag && off + len < list->len &&
            list->text[off + len] == '\t' && memcmp(list->text + off, word, len) == 0)
            return off;
    }
}

/* The count a line's field [p, end) says, read as a line of its own: strtoull skips
 * white space, and must not skip the newline into the next line. */
static uint64_t field_count(const char *p, const char *end)
{
    char buf[64];
    size_t n = (size_t)(end - p) < sizeof buf - 1 ? (size_t)(end - p) : sizeof buf - 1;
    memcpy(buf, p, n);
    buf[n] = '\0';
    return strtoull(buf, NULL, 10);
}

/* The count of word (len bytes) in list, 0 when it has none. */
static uint64_t freq_get(const freq_list *list, const char *word, size_t len)
{
    size_t off = freq_find(list, word, len);
    if (off == SIZE_MAX)
        return 0;
    const char *field = list->text + off + len + 1, *end = list->text + list->len;
    const char *nl = memchr(field, '\n', (size_t)(end - field));
    return field_count(field, nl ? nl : end);
}

static tqc_status load_freq(dict_core *dict, const char *path)
{
    char err[256];
    freq_list *list = tqc_calloc(1, sizeof *list);
    if (!list)
        return TQC_ENOMEM;
    tqc_status st = tqc_io_read_file(path, 0, &list->text, &list->len, err, sizeof err);
    if (st != TQC_OK || list->len >= UINT32_MAX) {
        free_freq(list);
        /* optional: without it, splits rank by dictionary alone */
        return st == TQC_ENOMEM ? st : TQC_OK;
    }
    size_t lines = 0;
    for (const char *p = list->text; (p = memchr(p, '\n', list->len - (size_t)(p - list->text)));
         p++)
        lines++;
    list->nslots = 64;
    while (list->nslots < 2 * (lines + 1))
        list->nslots *= 2;
    if (!(list->slots = tqc_calloc(list->nslots, sizeof *list->slots))) {
        free_freq(list);
        return TQC_ENOMEM;
    }
    const char *text = list->text, *end = text + list->len;
    for (const char *p = text; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        const char *tab = *p == '#' ? NULL : memchr(p, '\t', (size_t)(eol - p));
        if (tab) {
            size_t len = (size_t)(tab - p);
            uint64_t h = tqc_strmap_hash(p, len), tag = h & 0xFFFFFFFF00000000ull;
            size_t mask = list->nslots - 1, at = h & mask;
            /* A word listed twice counts as its last line says. */
            for (uint64_t s; (s = list->slots[at]) != 0; at = (at + 1) & mask)
                if ((s & 0xFFFFFFFF00000000ull) == tag &&
                    memcmp(text + (uint32_t)s - 1, p, len + 1) == 0)
                    break;
            list->slots[at] = tag | (uint64_t)(p - text + 1);
            list->total += field_count(tab + 1, eol);
        }
        p = eol + 1;
    }
    list->refs = 1;
    dict->freq = list;
    dict->freq_total = list->total;
    return TQC_OK;
}

/* The encoding the aff file declares (`SET UTF-8`), Hunspell's default when none. */
static void aff_encoding(FILE *f, char *enc, size_t cap)
{
    char line[DICT_MAX_LINE];
    snprintf(enc, cap, "ISO8859-1");
    for (bool first = true; fgets(line, sizeof line, f); first = false) {
        /* A byte order mark before the first line, as Hunspell skips it (pt_BR's `SET`
         * follows one: read as Latin-1, its accented TRY letters were garbled). */
        const char *l = first && !strncmp(line, "\xEF\xBB\xBF", 3) ? line + 3 : line;
        if (strncmp(l, "SET", 3) != 0 || (l[3] != ' ' && l[3] != '\t'))
            continue;
        const char *v = l + 3 + strspn(l + 3, " \t");
        size_t n = strcspn(v, "\r\n \t");
        if (n > 0 && n < cap)
            snprintf(enc, cap, "%.*s", (int)n, v);
        break;
    }
    rewind(f);
}

/* Reads the lower-case letters of the aff file's TRY line (ASCII a-z when it has none):
 * the alphabet of one-edit corrections. Read from the file, in the encoding it declares,
 * so the Hunspell handle need not be open. An encoding iconv cannot convert fails the
 * open, as Hunspell's handle would later. */
static tqc_status load_try(dict_core *dict, const char *aff, char *err, size_t errlen)
{
    FILE *f = fopen(aff, "r");
    char line[DICT_MAX_LINE], conv[DICT_MAX_LINE * 2], enc[64] = "UTF-8";
    if (f)
        aff_encoding(f, enc, sizeof enc);
    iconv_t from = (iconv_t)-1;
    if (strcasecmp(enc, "UTF-8") != 0 && strcasecmp(enc, "UTF8") != 0) {
        iconv_t to = iconv_open(enc, "UTF-8");
        from = iconv_open("UTF-8", enc);
        if (to != (iconv_t)-1)
            iconv_close(to);
        if (to == (iconv_t)-1 || from == (iconv_t)-1) {
            if (from != (iconv_t)-1)
                iconv_close(from);
            if (f)
                fclose(f);
            snprintf(err, errlen, "%s: unsupported dictionary encoding %s", dict->dic, enc);
            return TQC_EINPUT;
        }
    }
    const char *letters = "abcdefghijklmnopqrstuvwxyz";
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "TRY ", 4) != 0)
            continue;
        size_t n = strcspn(line + 4, "\r\n \t");
        if (convert(from, line + 4, n, conv, sizeof conv))
            letters = conv;
        break;
    }
    size_t len = strlen(letters);
    for (size_t i = 0; i < len && dict->try_count < DICT_MAX_TRY;) {
        int32_t cp;
        size_t n = tqc_text_decode(letters + i, len - i, &cp);
        /* Letters and the apostrophe: a hyphen or period "correction" is a new word. */
        if ((tqc_text_is_lower(cp) || tqc_text_is_apostrophe(cp)) && n < 5) {
            memcpy(dict->try_chars[dict->try_count], letters + i, n);
            dict->try_chars[dict->try_count++][n] = '\0';
        }
        i += n;
    }
    if (from != (iconv_t)-1)
        iconv_close(from);
    if (f)
        fclose(f);
    return TQC_OK;
}

/* Leaves *sp closed, so a second close (the core's, after a failed open) does nothing. */
static void speller_close(speller *sp)
{
    if (sp->hun)
        Hunspell_destroy(sp->hun);
    if (sp->to_dic != (iconv_t)-1)
        iconv_close(sp->to_dic);
    if (sp->from_dic != (iconv_t)-1)
        iconv_close(sp->from_dic);
    *sp = (speller){.to_dic = (iconv_t)-1, .from_dic = (iconv_t)-1};
}

/* Opens aff/dic with the core's word lists into *sp; the caller holds registry_mu
 * (Hunspell_create is not thread-safe). On failure *sp is closed. */
static tqc_status speller_open(speller *sp, const dict_core *core, char *err, size_t errlen)
{
    *sp = (speller){.to_dic = (iconv_t)-1, .from_dic = (iconv_t)-1};
    if (!(sp->hun = Hunspell_create(core->aff, core->dic)))
        return TQC_ENOMEM;
    tqc_status st = TQC_OK;
    const char *enc = Hunspell_get_dic_encoding(sp->hun);
    if (enc && strcasecmp(enc, "UTF-8") != 0 && strcasecmp(enc, "UTF8") != 0) {
        sp->to_dic = iconv_open(enc, "UTF-8");
        sp->from_dic = iconv_open("UTF-8", enc);
        if (sp->to_dic == (iconv_t)-1 || sp->from_dic == (iconv_t)-1) {
            snprintf(err, errlen, "%s: unsupported dictionary encoding %s", core->dic, enc);
            st = TQC_EINPUT;
        }
    }
    for (size_t i = 0; st == TQC_OK && i < core->text_count; i++)
        add_words(sp, core->texts[i].text, core->texts[i].len);
    if (st != TQC_OK)
        speller_close(sp);
    return st;
}

/* The verifier of compiled forms: Hunspell's verdict as written. */
static bool forms_accept(void *ctx, const char *word, size_t len)
{
    speller *sp = ctx;
    char conv[DICT_MAX_WORD * 4 + 1];
    return len <= DICT_MAX_WORD && convert(sp->to_dic, word, len, conv, sizeof conv) &&
           Hunspell_spell(sp->hun, conv) != 0;
}

/* Compiles the core's forms file with sp and maps it; the caller holds the core's lock. */
static tqc_status compile_forms(dict_core *dict, speller *sp, tqc_forms_stats *stats,
                                char *err, size_t errlen)
{
    dict->forms_tried = true;
    if (!dict->forms_path) {
        snprintf(err, errlen, "no cache folder for %s's compiled forms", dict->name);
        return TQC_ENOTFOUND;
    }
    const char **texts = tqc_calloc(dict->text_count + 1, sizeof *texts);
    size_t *lens = tqc_calloc(dict->text_count + 1, sizeof *lens);
    tqc_status st = texts && lens ? TQC_OK : TQC_ENOMEM;
    for (size_t i = 0; st == TQC_OK && i < dict->text_count; i++) {
        texts[i] = dict->texts[i].text;
        lens[i] = dict->texts[i].len;
    }
    tqc_forms_source src = {dict->aff, dict->dic, texts, lens, dict->text_count};
    if (st == TQC_OK)
        st = tqc_forms_build(dict->forms_path, dict->forms_key, &src, forms_accept, sp, stats,
                             err, errlen);
    free(texts);
    free(lens);
    if (st == TQC_OK) {
        tqc_forms_free(dict->forms);
        dict->forms = tqc_forms_open(dict->forms_path, dict->forms_key);
        tqc_verdicts_prune(dict->forms_path, VERDICT_FILES_OTHER_LISTS);
    }
    return st;
}

/* Whether a run reads forms files (unless TQC_FORMS is "0"), and whether it builds a
 * dictionary's the first time it loads Hunspell (only when TQC_FORMS is "build": a build
 * takes seconds of CPU, it_IT and fr half a minute, and pt and it 0.7 and 1.5 GB, which a
 * user waiting for one article should not pay unasked; `make install` builds them for the
 * installed languages). */
static bool forms_enabled(void)
{
    const char *env = getenv("TQC_FORMS");
    return !env || strcmp(env, "0") != 0;
}

static bool forms_build_on_use(void)
{
    const char *env = getenv("TQC_FORMS");
    return env && strcmp(env, "build") == 0;
}

/* The core's speller, opened the first time it is needed; NULL when that failed (every
 * word is then unknown). With TQC_FORMS=build, the first time a dictionary without a
 * forms file loads Hunspell, the file is built (once per dictionary and word lists), so
 * that later runs need not load it. The caller holds the core's lock. */
static speller *core_speller(dict_core *dict)
{
    if (!dict->sp.hun && !dict->sp_failed) {
        char err[256];
        pthread_mutex_lock(&registry_mu);
        dict->sp_failed = speller_open(&dict->sp, dict, err, sizeof err) != TQC_OK;
        pthread_mutex_unlock(&registry_mu);
        tqc_forms_stats stats;
        if (dict->sp.hun && !dict->forms && !dict->forms_tried && dict->forms_path &&
            forms_build_on_use())
            compile_forms(dict, &dict->sp, &stats, err, sizeof err);   /* best effort */
    }
    return dict->sp.hun ? &dict->sp : NULL;
}

/* Hashes what identifies file path (its name, size, modification time and inode) into h:
 * a dictionary file installed anew gives another key. */
static uint64_t hash_file_identity(uint64_t h, const char *path)
{
    struct stat sb;
    uint64_t id[4] = {0};
    if (stat(path, &sb) == 0) {
        id[0] = (uint64_t)sb.st_size;
        id[1] = (uint64_t)sb.st_mtim.tv_sec;
        id[2] = (uint64_t)sb.st_mtim.tv_nsec;
        id[3] = (uint64_t)sb.st_ino;
    }
    h = tqc_verdicts_hash(h, path, strlen(path));
    return tqc_verdicts_hash(h, id, sizeof id);
}

/* The keys a cache file of the core is named by: the group (returned) hashes the logic's
 * version and the dictionary files' identity, the key (into *key) adds the text of every
 * word list. */
static uint64_t cache_keys(const dict_core *dict, uint64_t logic, uint64_t *key)
{
    uint64_t group = tqc_verdicts_hash(logic, dict->name, strlen(dict->name));
    group = hash_file_identity(group, dict->aff);
    group = hash_file_identity(group, dict->dic);
    *key = group;
    for (size_t i = 0; i < dict->text_count; i++)
        *key = tqc_verdicts_hash(*key, dict->texts[i].text, dict->texts[i].len);
    return group;
}

/* Finds and maps the core's compiled forms, keyed like the verdict file: the user's
 * cache folder dir first, then the one `make install` built. */
static void open_forms(dict_core *dict, const char *dir)
{
    if (!forms_enabled())
        return;
    char path[DICT_MAX_PATH + 128], installed[DICT_MAX_PATH];
    uint64_t key, group = cache_keys(dict, FORMS_LOGIC, &key);
    int n = snprintf(path, sizeof path, "%s/forms-%s-%016llx-%016llx.bin", dir, dict->name,
                     (unsigned long long)group, (unsigned long long)key);
    if (n <= 0 || (size_t)n >= sizeof path)
        return;
    dict->forms_key = key;
    dict->forms_path = tqc_strdup(path);
    tqc_forms *forms = tqc_forms_open(path, key);
    if (!forms && tqc_cache_installed_dir(dict->dir, installed, sizeof installed) &&
        (n = snprintf(path, sizeof path, "%s/forms-%s-%016llx-%016llx.bin", installed,
                      dict->name, (unsigned long long)group, (unsigned long long)key)) > 0 &&
        (size_t)n < sizeof path && (forms = tqc_forms_open(path, key)))
        dict->forms_installed = true;
    dict->forms = forms;
}

/* Finds and maps the core's verdict file, keyed by everything that decides a verdict:
 * the logic's version, the .aff and .dic files, the text of every word list. */
static void open_verdicts(dict_core *dict)
{
    char dir[DICT_MAX_PATH], path[DICT_MAX_PATH + 128];
    if (!tqc_cache_dir(dir, sizeof dir))
        return;
    uint64_t key, group = cache_keys(dict, VERDICT_LOGIC, &key);
    /* Named by both: a file of another group is stale (tqc_verdicts_prune). */
    int n = snprintf(path, sizeof path, "%s/verdicts-%s-%016llx-%016llx.bin", dir, dict->name,
                     (unsigned long long)group, (unsigned long long)key);
    if (n <= 0 || (size_t)n >= sizeof path || strchr(dict->name, '/'))
        return;
    dict->file_key = key;
    dict->file_path = tqc_strdup(path);
    dict->file = tqc_verdicts_open(path, key);
    open_forms(dict, dir);
    if (dict->file) {   /* the file in use is current: what it replaced can go */
        tqc_verdicts_prune(path, VERDICT_FILES_OTHER_LISTS);
        return;
    }
    /* The file `make install` built, read only: this run's new words go to the user's. */
    char installed[DICT_MAX_PATH];
    if (tqc_cache_installed_dir(dict->dir, installed, sizeof installed) &&
        (n = snprintf(path, sizeof path, "%s/verdicts-%s-%016llx-%016llx.bin", installed,
                      dict->name, (unsigned long long)group, (unsigned long long)key)) > 0 &&
        (size_t)n < sizeof path)
        dict->file = tqc_verdicts_open(path, key);
}

/* Keeps this run's verdicts for the next (best effort: a cache that cannot be written
 * only costs the next run its time). */
static void write_verdicts(dict_core *dict)
{
    if (!dict->file_dirty || !dict->file_path)
        return;
    tqc_verdicts_part parts[] = {
        {NULL, 0, vmap_each, &dict->cache},
        {dict->raw, VERDICT_RAW_SHIFT, NULL, NULL},
        {dict->names, VERDICT_NAME_SHIFT, NULL, NULL},
    };
    if (tqc_verdicts_write(dict->file_path, dict->file_key, dict->file, parts,
                           sizeof parts / sizeof parts[0], VERDICT_FILE_MAX_WORDS) == TQC_OK)
        tqc_verdicts_prune(dict->file_path, VERDICT_FILES_OTHER_LISTS);
}

/* Frees a core no view uses; the caller holds registry_mu. */
static void core_free(dict_core *dict)
{
    if (!dict)
        return;
    write_verdicts(dict);
    tqc_verdicts_free(dict->file);
    /* A damaged forms file is deleted, so the next run builds it again. */
    if (tqc_forms_damaged(dict->forms) && !dict->forms_installed && dict->forms_path)
        unlink(dict->forms_path);
    tqc_forms_free(dict->forms);
    free(dict->forms_path);
    free(dict->file_path);
    speller_close(&dict->sp);
    vmap_free(&dict->cache);
    tqc_strmap_free(dict->raw);
    tqc_strmap_free(dict->names);
    close_freq(dict);
    tqc_strmap_free(dict->suggested);
    for (size_t i = 0; i < dict->suggestion_count; i++)
        free(dict->suggestions[i]);
    free(dict->suggestions);
    for (size_t i = 0; i < dict->word_file_count; i++)
        free(dict->word_files[i]);
    free(dict->word_files);
    for (size_t i = 0; i < dict->text_count; i++)
        free(dict->texts[i].text);
    free(dict->texts);
    free(dict->aff);
    free(dict->dic);
    free(dict->dir);
    pthread_mutex_destroy(&dict->lock);
    free(dict->key);
    free(dict);
}

/* Opens a new core for the dictionary aff/dic named name, with the supplements of
 * dir and the user's word lists; the caller holds registry_mu. */
static tqc_status core_open(const char *key, const char *name, const char *aff, const char *dic,
                            const char *dir, const tqc_dict_options *opts, dict_core **out,
                            char *err, size_t errlen)
{
    dict_core *dict = tqc_calloc(1, sizeof *dict);
    if (!dict)
        return TQC_ENOMEM;
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ADAPTIVE_NP);
    pthread_mutex_init(&dict->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    dict->sp = (speller){.to_dic = (iconv_t)-1, .from_dic = (iconv_t)-1};
    snprintf(dict->name, sizeof dict->name, "%s", name);
    size_t nwords = opts ? opts->word_file_count : 0;
    bool nomem = !(dict->key = tqc_strdup(key)) || !(dict->aff = tqc_strdup(aff)) ||
                 !(dict->dic = tqc_strdup(dic)) || !(dict->dir = tqc_strdup(dir)) ||
                 !(dict->word_files = tqc_calloc(nwords + 1, sizeof *dict->word_files)) ||
                 !(dict->raw = tqc_strmap_new()) ||
                 !(dict->names = tqc_strmap_new());
    for (size_t i = 0; !nomem && i < nwords; i++)
        nomem = !(dict->word_files[dict->word_file_count++] = tqc_strdup(opts->word_files[i]));
    if (nomem) {
        core_free(dict);
        return TQC_ENOMEM;
    }
    /* The word lists are read now, so a missing or unreadable one fails the open; the
     * Hunspell handle waits for its first question (core_speller). */
    tqc_status st = read_supplements(dict, dir, err, errlen);
    for (size_t i = 0; st == TQC_OK && i < dict->word_file_count; i++)
        st = read_word_file(dict, dict->word_files[i], err, errlen);
    if (st == TQC_OK)
        st = load_try(dict, aff, err, errlen);
    if (st == TQC_OK)
        open_verdicts(dict);
    if (st == TQC_OK)
        st = open_freq(dict, dir);
    if (st != TQC_OK) {
        core_free(dict);
        return st;
    }
    *out = dict;
    return TQC_OK;
}

tqc_status tqc_dict_open(const tqc_lang *lang, const char *data_dir,
                         const tqc_dict_options *opts, tqc_dict **out,
                         char *err, size_t errlen)
{
    *out = NULL;
    /* Candidates: the profile's list, else ll_RR from the code, else the base code. */
    char candidates[256], code[64];
    snprintf(code, sizeof code, "%s", tqc_lang_code(lang));
    for (char *p = code; *p; p++)
        if (*p == '-')
            *p = '_';
    snprintf(candidates, sizeof candidates, "%s %s %s",
             tqc_lang_setting(lang, "hunspell", ""), code, tqc_lang_base(lang));

    char search[DICT_MAX_PATH * 2];
    const char *env = getenv("TQC_DICT_PATH");
    snprintf(search, sizeof search, "%s:%s:%s", opts && opts->dict_path ? opts->dict_path : "",
             env ? env : "", TQC_DICT_SYSTEM_PATH);

    char aff[DICT_MAX_PATH], dic[DICT_MAX_PATH];
    const char *name = NULL;
    for (char *save = NULL, *tok = strtok_r(candidates, " ,", &save); tok && !name;
         tok = strtok_r(NULL, " ,", &save))
        if (find_dictionary(search, tok, aff, dic))
            name = tok;
    if (!name) {
        snprintf(err, errlen, "no Hunspell dictionary for '%s' (searched %s; "
                 "install hunspell-%s or set --dict-dir)", tqc_lang_code(lang),
                 search, tqc_lang_base(lang));
        return TQC_ENOTFOUND;
    }
    char dir[DICT_MAX_PATH];
    snprintf(dir, sizeof dir, "%s/dictionaries/%s", data_dir, tqc_lang_base(lang));

    /* Cores are shared when everything that decides a verdict is the same: the
     * dictionary, the supplements and the word lists. */
    size_t key_cap = strlen(aff) + strlen(dir) + 3;
    for (size_t i = 0; opts && i < opts->word_file_count; i++)
        key_cap += strlen(opts->word_files[i]) + 1;
    char *key = tqc_malloc(key_cap);
    tqc_dict *view = tqc_calloc(1, sizeof *view);
    if (!key || !view) {
        free(key);
        free(view);
        return TQC_ENOMEM;
    }
    size_t used = (size_t)snprintf(key, key_cap, "%s\n%s\n", aff, dir);
    for (size_t i = 0; opts && i < opts->word_file_count; i++)
        used += (size_t)snprintf(key + used, key_cap - used, "%s\n", opts->word_files[i]);

    tqc_status st = TQC_OK;
    pthread_mutex_lock(&registry_mu);
    dict_core *core = registry;
    while (core && strcmp(core->key, key) != 0)
        core = core->next;
    if (!core && (st = core_open(key, name, aff, dic, dir, opts, &core, err, errlen)) == TQC_OK) {
        core->next = registry;
        registry = core;
    }
    /* A thread that asks its own Hunspell does not wait for the others: worth a second
     * copy of the dictionary only when another view exists to wait for. */
    if (st == TQC_OK && opts && opts->own_speller && core->refs > 0)
        view->want_own = true;
    if (st == TQC_OK)
        core->refs++;
    pthread_mutex_unlock(&registry_mu);
    free(key);
    if (st != TQC_OK) {
        free(view);
        return st;
    }
    view->core = core;
    *out = view;
    return TQC_OK;
}

void tqc_dict_free(tqc_dict *view)
{
    if (!view)
        return;
    pthread_mutex_lock(&registry_mu);
    dict_core *core = view->core;
    if (view->own) {
        speller_close(view->own);
        free(view->own);
    }
    if (--core->refs == 0) {
        dict_core **at = &registry;
        while (*at != core)
            at = &(*at)->next;
        *at = core->next;
        core_free(core);
    }
    pthread_mutex_unlock(&registry_mu);
    free(view->hot);
    tqc_strmap_free(view->local);
    free(view);
}

bool tqc_dict_load(tqc_dict *view)
{
    pthread_mutex_lock(&view->core->lock);
    bool ok = core_speller(view->core) != NULL;
    pthread_mutex_unlock(&view->core->lock);
    return ok;
}

bool tqc_dict_loaded(tqc_dict *view)
{
    pthread_mutex_lock(&view->core->lock);
    bool loaded = view->core->sp.hun != NULL || view->own != NULL;
    pthread_mutex_unlock(&view->core->lock);
    return loaded;
}

bool tqc_dict_remembers(const tqc_dict *view) { return view->core->file_path != NULL; }

tqc_status tqc_dict_compile(tqc_dict *view, size_t *forms, bool *complete, char *err,
                            size_t errlen)
{
    dict_core *core = view->core;
    tqc_status st = TQC_OK;
    pthread_mutex_lock(&core->lock);
    speller *sp = core->forms ? NULL : core_speller(core);   /* may build them */
    if (!core->forms && !sp) {
        snprintf(err, errlen, "%s: cannot load the Hunspell dictionary", core->dic);
        st = TQC_EINPUT;
    } else if (!core->forms) {
        tqc_forms_stats stats;
        st = compile_forms(core, sp, &stats, err, errlen);
    }
    *forms = tqc_forms_count(core->forms);
    *complete = tqc_forms_complete(core->forms);
    pthread_mutex_unlock(&core->lock);
    return st;
}

const char *tqc_dict_name(const tqc_dict *dict) { return dict->core->name; }

/* Hunspell knows ' but not always U+2019; normalise the typographic apostrophe. */
static size_t normalise_apostrophes(const char *word, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (i + 2 < len && (unsigned char)word[i] == 0xE2 && (unsigned char)word[i + 1] == 0x80 &&
            (unsigned char)word[i + 2] == 0x99) {
            out[o++] = '\'';
            i += 2;
        } else {
            out[o++] = word[i];
        }
    }
    return o;
}

/* sp NULL (it could not be opened): unknown. */
static bool hunspell_accepts(dict_core *core, speller *sp, const char *word, size_t len)
{
    char conv[DICT_MAX_WORD * 4 + 1];
    atomic_fetch_add_explicit(&core->lookups, 1, memory_order_relaxed);
    return sp && convert(sp->to_dic, word, len, conv, sizeof conv) &&
           Hunspell_spell(sp->hun, conv) != 0;
}

/* Hunspell's verdict on word as lookup means it: the typographic apostrophe as ', and a
 * possessive of a known word known, whether or not the dictionary has the affix. */
static uint8_t ask_speller(dict_core *core, speller *sp, const char *word, size_t len)
{
    char norm[DICT_MAX_WORD + 1];
    size_t n = normalise_apostrophes(word, len, norm);
    bool known = hunspell_accepts(core, sp, norm, n);
    if (!known && n > 2 && norm[n - 2] == '\'' && (norm[n - 1] == 's' || norm[n - 1] == 'S'))
        known = hunspell_accepts(core, sp, norm, n - 2);
    return known ? VERDICT_KNOWN : VERDICT_UNKNOWN;
}

/* The compiled forms' verdict on word as lookup means it (ask_speller), 0 when they
 * cannot say: the typographic apostrophe and the possessive are not letters, so a word
 * they decide is one ask_speller would pass to Hunspell as it is. */
static uint8_t forms_verdict(dict_core *core, const char *word, size_t len)
{
    char norm[DICT_MAX_WORD + 1];
    if (!core->forms || len > DICT_MAX_WORD)
        return 0;
    size_t n = normalise_apostrophes(word, len, norm);
    tqc_forms_answer a = tqc_forms_spell(core->forms, norm, n);
    /* A possessive is known when it or its word is (ask_speller). */
    if (a != TQC_FORMS_YES && n > 2 && norm[n - 2] == '\'' &&
        (norm[n - 1] == 's' || norm[n - 1] == 'S')) {
        tqc_forms_answer w = tqc_forms_spell(core->forms, norm, n - 2);
        a = w == TQC_FORMS_YES ? TQC_FORMS_YES
          : w == TQC_FORMS_NO && a == TQC_FORMS_NO ? TQC_FORMS_NO : TQC_FORMS_UNDECIDED;
    }
    return a == TQC_FORMS_YES ? VERDICT_KNOWN : a == TQC_FORMS_NO ? VERDICT_UNKNOWN : 0;
}

/* Whether forms_verdict would answer unknown, decided from memory alone (see
 * tqc_forms_lacks): a word and, for a possessive, its word both lacking. */
static bool forms_lack(dict_core *core, const char *word, size_t len)
{
    char norm[DICT_MAX_WORD + 1];
    if (!core->forms || len > DICT_MAX_WORD)
        return false;
    size_t n = normalise_apostrophes(word, len, norm);
    if (!tqc_forms_lacks(core->forms, norm, n))
        return false;
    return !(n > 2 && norm[n - 2] == '\'' && (norm[n - 1] == 's' || norm[n - 1] == 'S')) ||
           tqc_forms_lacks(core->forms, norm, n - 2);
}

/* The compiled forms' answer on a correction candidate as written (no normalisation). */
static uint8_t forms_raw(dict_core *core, const char *word, size_t len)
{
    tqc_forms_answer a = tqc_forms_spell(core->forms, word, len);
    return a == TQC_FORMS_YES ? VERDICT_KNOWN : a == TQC_FORMS_NO ? VERDICT_UNKNOWN : 0;
}

/* Puts word's verdict in a view's *map, first emptying a map of DICT_MAP_MAX_WORDS words
 * (a new map that cannot be had: the old one grows). */
static void remember(tqc_strmap **map, const char *word, size_t len, uint64_t verdict)
{
    tqc_strmap *fresh;
    if (tqc_strmap_count(*map) >= DICT_MAP_MAX_WORDS && (fresh = tqc_strmap_new())) {
        tqc_strmap_free(*map);
        *map = fresh;
    }
    tqc_strmap_put(*map, word, len, verdict);
}

static hot_verdict remember_hot(const char *word, size_t len, uint64_t h, uint8_t verdict)
{
    hot_verdict e = {.tag = (uint32_t)(h >> 32), .len = (uint8_t)len, .verdict = verdict};
    memcpy(e.key, word, len);
    return e;
}

/* The view's own speller, opened at its first question: with the compiled forms most
 * runs never ask Hunspell, and a second copy costs a load (0.1 s, 20 MB for en_US). NULL
 * when the view has none or it cannot be opened: then the core's, under its lock. */
static speller *own_speller(tqc_dict *view)
{
    if (view->own || !view->want_own)
        return view->own;
    view->want_own = false;
    char err[256];
    speller *sp = tqc_malloc(sizeof *sp);
    pthread_mutex_lock(&registry_mu);   /* Hunspell_create is not thread-safe */
    if (sp && speller_open(sp, view->core, err, sizeof err) != TQC_OK) {
        free(sp);
        sp = NULL;
    }
    pthread_mutex_unlock(&registry_mu);
    return view->own = sp;
}

/* The core's verdict on word (hash h), asking Hunspell the first time: the view's own
 * speller without the lock, else the core's under it. The mapped files are read without
 * the lock (their block checks are atomic): a lookup that faults a page in, or thousands
 * of a long text's, no longer hold up the other threads. */
static uint8_t core_verdict(tqc_dict *view, const char *word, size_t len, uint64_t h)
{
    dict_core *dict = view->core;
    uint64_t verdict;
    pthread_mutex_lock(&dict->lock);
    bool have = vmap_get(&dict->cache, word, len, h, &verdict);
    pthread_mutex_unlock(&dict->lock);
    if (have)
        return (uint8_t)verdict;
    /* A mapped file's answer is not copied into the map: asked again, the file answers
     * as fast, and a long text asks hundreds of thousands of words only once (the
     * spelling pass's one-edit variants), which the map would hold to the end. */
    if ((verdict = tqc_verdicts_get(dict->file, word, len) & 3) != 0 ||
        (verdict = forms_verdict(dict, word, len)) != 0)
        return (uint8_t)verdict;
    speller *own = own_speller(view);
    if (own) {
        verdict = ask_speller(dict, own, word, len);
        /* Another thread may have asked meanwhile: the same answer, put twice. */
        pthread_mutex_lock(&dict->lock);
        vmap_put(&dict->cache, word, len, h, (uint8_t)verdict);
        dict->file_dirty = true;
        pthread_mutex_unlock(&dict->lock);
        return (uint8_t)verdict;
    }
    pthread_mutex_lock(&dict->lock);
    /* Another thread may have asked it since. */
    if (!vmap_get(&dict->cache, word, len, h, &verdict)) {
        verdict = ask_speller(dict, core_speller(dict), word, len);
        vmap_put(&dict->cache, word, len, h, (uint8_t)verdict);
        dict->file_dirty = true;
    }
    pthread_mutex_unlock(&dict->lock);
    return (uint8_t)verdict;
}

/* The view's verdict on word (hash h): its own map's, else the core's. */
static uint8_t view_verdict(tqc_dict *view, const char *word, size_t len, uint64_t h)
{
    uint64_t verdict;
    /* With compiled forms the core answers nearly every word from its mapped files,
     * outside its lock: a copy of each verdict would cost a map insert a word and the
     * memory of the text's vocabulary in each thread, and save little. */
    if (!view->local && !view->core->forms &&
        atomic_load_explicit(&view->core->refs, memory_order_relaxed) > 1)
        view->local = tqc_strmap_new();
    if (!view->local)
        return core_verdict(view, word, len, h);
    if (tqc_strmap_get_hashed(view->local, word, len, h, &verdict))
        return (uint8_t)verdict;
    verdict = core_verdict(view, word, len, h);
    remember(&view->local, word, len, verdict);
    return (uint8_t)verdict;
}

/* Makes view's hot cache (larger when it has one), its entries placed again; false when
 * out of memory (the old one, if any, stays). */
static bool hot_grow(tqc_dict *view)
{
    size_t n = view->hot ? view->hot_slots * 4 : HOT_FIRST_SLOTS;
    if (n > HOT_SLOTS)
        n = HOT_SLOTS;
    hot_verdict *hot = tqc_calloc(n, sizeof *hot);
    if (!hot)
        return false;
    for (size_t i = 0; view->hot && i < view->hot_slots; i++) {
        const hot_verdict *e = &view->hot[i];
        if (e->len)
            hot[tqc_strmap_hash(e->key, e->len) & (n - 1)] = *e;
    }
    free(view->hot);
    view->hot = hot;
    view->hot_slots = n;
    view->hot_misses = 0;
    return true;
}

static bool lookup(tqc_dict *view, const char *word, size_t len)
{
    if (len == 0 || len > DICT_MAX_WORD)
        return false;
    uint64_t h = tqc_strmap_hash(word, len);
    if (len > HOT_KEY || (!view->hot && !hot_grow(view)))
        return view_verdict(view, word, len, h) == VERDICT_KNOWN;
    hot_verdict *hot = &view->hot[h & (view->hot_slots - 1)];
    if (hot->len == len && hot->tag == (uint32_t)(h >> 32) && memcmp(hot->key, word, len) == 0)
        return hot->verdict == VERDICT_KNOWN;
    if (++view->hot_misses >= HOT_GROW_AFTER * view->hot_slots && view->hot_slots < HOT_SLOTS &&
        hot_grow(view))
        hot = &view->hot[h & (view->hot_slots - 1)];
    /* The one-edit walk's variants are nearly all absent: the compiled forms' filter
     * says so without the lock or the maps (the same verdict they would find). */
    uint8_t verdict = forms_lack(view->core, word, len) ? VERDICT_UNKNOWN
                                                        : view_verdict(view, word, len, h);
    /* A known word is not pushed out by an unknown one: the spelling pass's one-edit
     * walk asks a thousand unknown variants of each unknown word, once each, and they
     * evicted the text's own words. */
    if (hot->len == 0 || verdict == VERDICT_KNOWN || hot->verdict != VERDICT_KNOWN)
        *hot = remember_hot(word, len, h, verdict);
    return verdict == VERDICT_KNOWN;
}

bool tqc_dict_known(tqc_dict *dict, const char *word, size_t len)
{
    return lookup(dict, word, len);
}

bool tqc_dict_case_variant(tqc_dict *dict, const char *word, size_t len, char *fixed, size_t cap)
{
    if (len == 0 || len > DICT_MAX_WORD || lookup(dict, word, len))
        return false;
    char buf[DICT_MAX_WORD * 4 + 1];
    size_t n = tqc_text_case(word, len, TQC_CASE_TITLE, buf, sizeof buf);
    if (n && (n != len || memcmp(buf, word, len) != 0) && lookup(dict, buf, n) && n < cap) {
        memcpy(fixed, buf, n + 1);
        return true;
    }
    n = tqc_text_case(word, len, TQC_CASE_UPPER, buf, sizeof buf);
    if (n && (n != len || memcmp(buf, word, len) != 0) && lookup(dict, buf, n) && n < cap) {
        memcpy(fixed, buf, n + 1);
        return true;
    }
    return false;
}

/* Asks Hunspell for up to max suggestions, each copied into out (caller frees); none
 * when dict is NULL (it could not be opened). */
static size_t hunspell_suggest(speller *dict, const char *word, size_t len, char **out, size_t max)
{
    char conv[DICT_MAX_WORD * 4 + 1];
    if (!dict || !convert(dict->to_dic, word, len, conv, sizeof conv))
        return 0;
    char **list = NULL;
    int n = Hunspell_suggest(dict->hun, &list, conv);
    size_t kept = 0;
    for (int i = 0; i < n && kept < max; i++) {
        char back[DICT_MAX_WORD * 4 + 1];
        if (!convert(dict->from_dic, list[i], strlen(list[i]), back, sizeof back))
            continue;
        size_t bl = strlen(back) + 1;
        if (!(out[kept] = tqc_malloc(bl)))
            break;
        memcpy(out[kept++], back, bl);
    }
    if (list)
        Hunspell_free_list(dict->hun, &list, n);
    return kept;
}

/* No lock: the frequency list is read-only once the core is open. */
static uint64_t core_freq(const dict_core *dict, const char *word, size_t len)
{
    char buf[DICT_MAX_WORD * 4 + 1];
    if (!dict->freq || len == 0 || len > DICT_MAX_WORD)
        return 0;
    /* Most words asked (correction candidates above all) are lower-case ASCII already:
     * looked up as they are, without the copies below. */
    bool as_is = true;
    for (size_t i = 0; i < len && as_is; i++)
        as_is = (unsigned char)word[i] < 0x80 && (word[i] < 'A' || word[i] > 'Z');
    if (as_is)
        return freq_get(dict->freq, word, len);
    size_t n = tqc_text_case(word, len, TQC_CASE_LOWER, buf, sizeof buf);
    char norm[DICT_MAX_WORD * 4 + 1];
    n = normalise_apostrophes(buf, n, norm);
    return freq_get(dict->freq, norm, n);
}

/* Whether Hunspell accepts a correction candidate as it is (none of lookup's
 * normalisations: a suggestion must be a word as written); takes the lock. */
typedef struct candidate {
    char text[DICT_MAX_WORD + 8];
    uint64_t score;
} candidate;

static int cmp_candidates(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(a->text, b->text);
}

/* Gathers one candidate: kept for asking when the frequency list knows it and it is
 * new. Only words the frequency list has seen are asked of Hunspell: its answer costs
 * tens of microseconds, and an unseen word is a poor correction anyway. */
static void try_candidate(dict_core *dict, const char *text, size_t len, uint64_t bonus,
                          candidate *c, size_t *count)
{
    if (len == 0 || len > DICT_MAX_WORD || *count == DICT_MAX_GATHERED)
        return;
    uint64_t freq = core_freq(dict, text, len);
    if (freq == 0)
        return;
    for (size_t i = 0; i < *count; i++)
        if (strlen(c[i].text) == len && memcmp(c[i].text, text, len) == 0)
            return;
    memcpy(c[*count].text, text, len);
    c[*count].text[len] = '\0';
    /* Frequent words are the likelier intended ones; +1 keeps unseen words rankable. */
    c[*count].score = (freq + 1) * 4 + bonus;
    (*count)++;
}

/* Keeps the first DICT_MAX_CANDIDATES of the n gathered candidates that Hunspell
 * accepts as written (none of lookup's normalisations: a suggestion must be a word as
 * it stands); returns how many. Answers are kept (the frequency list bounds how many),
 * and the lock is taken once for them all. */
static size_t accepted_candidates(tqc_dict *view, candidate *c, size_t n)
{
    dict_core *dict = view->core;
    size_t kept = 0;
    /* the shared speller: one lock for them all */
    bool locked = !view->own && !view->want_own;
    if (locked)
        pthread_mutex_lock(&dict->lock);
    for (size_t i = 0; i < n && kept < DICT_MAX_CANDIDATES; i++) {
        size_t len = strlen(c[i].text);
        uint64_t verdict;
        if (!locked)
            pthread_mutex_lock(&dict->lock);
        bool have = tqc_strmap_get(dict->raw, c[i].text, len, &verdict);
        if (!have && (verdict = (tqc_verdicts_get(dict->file, c[i].text, len) >>
                                 VERDICT_RAW_SHIFT) & 3) != 0) {
            tqc_strmap_put(dict->raw, c[i].text, len, verdict);
            have = true;
        }
        if (!have && (verdict = forms_raw(dict, c[i].text, len)) != 0) {
            tqc_strmap_put(dict->raw, c[i].text, len, verdict);
            have = true;
        }
        if (!have)
            dict->file_dirty = true;
        if (!have && locked) {
            verdict = hunspell_accepts(dict, core_speller(dict), c[i].text, len) ? VERDICT_KNOWN
                                                                         : VERDICT_UNKNOWN;
            tqc_strmap_put(dict->raw, c[i].text, len, verdict);
        }
        if (!locked)
            pthread_mutex_unlock(&dict->lock);
        if (!have && !locked) {
            /* The view's own speller, without the lock (else the core's, with it). */
            speller *own = own_speller(view);
            if (own)
                verdict = hunspell_accepts(dict, own, c[i].text, len) ? VERDICT_KNOWN
                                                                      : VERDICT_UNKNOWN;
            pthread_mutex_lock(&dict->lock);
            if (!own)
                verdict = hunspell_accepts(dict, core_speller(dict), c[i].text, len)
                        ? VERDICT_KNOWN : VERDICT_UNKNOWN;
            tqc_strmap_put(dict->raw, c[i].text, len, verdict);
            pthread_mutex_unlock(&dict->lock);
        }
        if (verdict == VERDICT_KNOWN)
            c[kept++] = c[i];
    }
    if (locked)
        pthread_mutex_unlock(&dict->lock);
    return kept;
}

bool tqc_dict_each_edit(const tqc_dict *view, const char *word, size_t len,
                        tqc_dict_edit_fn visit, void *ctx)
{
    const dict_core *dict = view->core;
    if (len > DICT_MAX_WORD)
        return false;
    size_t at[DICT_MAX_WORD + 1], n = 0; /* byte offset of each code point */
    for (size_t i = 0; i < len;) {
        int32_t cp;
        at[n++] = i;
        i += tqc_text_decode(word + i, len - i, &cp);
        if (cp < 0)
            return false;
    }
    at[n] = len;
    char buf[DICT_MAX_WORD + 8];
    for (size_t k = 0; k < n; k++) {
        size_t a = at[k], b = at[k + 1];
        /* deletion of code point k */
        memcpy(buf, word, a);
        memcpy(buf + a, word + b, len - b);
        if (visit(ctx, buf, len - (b - a), false))
            return true;
        /* swap of k and k+1 */
        if (k + 1 < n) {
            size_t c2 = at[k + 2];
            memcpy(buf, word, a);
            memcpy(buf + a, word + b, c2 - b);
            memcpy(buf + a + (c2 - b), word + a, b - a);
            memcpy(buf + c2, word + c2, len - c2);
            if (visit(ctx, buf, len, true))
                return true;
        }
    }
    for (size_t k = 0; k <= n; k++) {
        for (size_t t = 0; t < dict->try_count; t++) {
            const char *ch = dict->try_chars[t];
            size_t cl = strlen(ch);
            if (len + cl > DICT_MAX_WORD)
                continue;
            /* insertion before code point k */
            memcpy(buf, word, at[k]);
            memcpy(buf + at[k], ch, cl);
            memcpy(buf + at[k] + cl, word + at[k], len - at[k]);
            if (visit(ctx, buf, len + cl, false))
                return true;
            /* replacement of code point k */
            if (k < n) {
                size_t a = at[k], b = at[k + 1];
                if (b - a == cl && memcmp(word + a, ch, cl) == 0)
                    continue;
                memcpy(buf, word, a);
                memcpy(buf + a, ch, cl);
                memcpy(buf + a + cl, word + b, len - b);
                if (visit(ctx, buf, len - (b - a) + cl, false))
                    return true;
            }
        }
    }
    return false;
}

typedef struct gathered {
    dict_core *dict;
    candidate cand[DICT_MAX_GATHERED];
    size_t count;
} gathered;

/* A swap, the commonest slip of all, ranks first among equals. */
static bool gather_candidate(void *ctx, const char *word, size_t len, bool swap)
{
    gathered *g = ctx;
    try_candidate(g->dict, word, len, swap ? 1 : 0, g->cand, &g->count);
    return false;
}

/* Corrections one edit away (a letter deleted, inserted, replaced, or two swapped),
 * ranked by frequency: most typos are one edit, and this asks Hunspell only yes/no
 * questions about words the frequency list knows, a hundred times cheaper than
 * Hunspell_suggest. */
static size_t one_edit_suggest(tqc_dict *view, const char *word, size_t len, char **out,
                               size_t max)
{
    gathered g = {.dict = view->core};
    tqc_dict_each_edit(view, word, len, gather_candidate, &g);
    candidate *cand = g.cand;
    size_t count = g.count;
    count = accepted_candidates(view, cand, count);
    qsort(cand, count, sizeof *cand, cmp_candidates);
    size_t kept = 0;
    for (size_t i = 0; i < count && kept < max; i++) {
        size_t l = strlen(cand[i].text) + 1;
        if (!(out[kept] = tqc_malloc(l)))
            break;
        memcpy(out[kept++], cand[i].text, l);
    }
    return kept;
}

/* Remembers the n suggestions for word as one block "a\0b\0\0". */
static void remember_suggestions(dict_core *dict, const char *word, size_t len,
                                 char *const *list, size_t n)
{
    if (dict->suggestion_count == DICT_MAX_CACHED_SUGGESTIONS)
        return;
    if (!dict->suggested && !(dict->suggested = tqc_strmap_new()))
        return;
    if (dict->suggestion_count == dict->suggestion_cap) {
        size_t cap = dict->suggestion_cap ? dict->suggestion_cap * 2 : 64;
        char **grown = tqc_realloc(dict->suggestions, cap * sizeof *grown);
        if (!grown)
            return;
        dict->suggestions = grown;
        dict->suggestion_cap = cap;
    }
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total += strlen(list[i]) + 1;
    char *block = tqc_malloc(total), *p = block;
    if (!block)
        return;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(list[i]) + 1;
        memcpy(p, list[i], l);
        p += l;
    }
    *p = '\0';
    if (!tqc_strmap_put(dict->suggested, word, len, dict->suggestion_count)) {
        free(block);
        return;
    }
    dict->suggestions[dict->suggestion_count++] = block;
}

/* Copies up to max of the cached suggestions for word into out; false when none are
 * cached. The caller holds the core's lock (to read). */
static bool cached_suggestions(dict_core *dict, const char *word, size_t len, char **out,
                               size_t max, size_t *kept)
{
    uint64_t index;
    *kept = 0;
    if (!tqc_strmap_get(dict->suggested, word, len, &index))
        return false;
    for (const char *p = dict->suggestions[index]; *p && *kept < max; p += strlen(p) + 1) {
        size_t l = strlen(p) + 1;
        if (!(out[*kept] = tqc_malloc(l)))
            break;
        memcpy(out[(*kept)++], p, l);
    }
    return true;
}

size_t tqc_dict_suggest(tqc_dict *view, const char *word, size_t len, char **out, size_t max)
{
    if (len == 0 || len > DICT_MAX_WORD || max == 0)
        return 0;
    dict_core *core = view->core;
    size_t kept;
    pthread_mutex_lock(&core->lock);
    bool cached = cached_suggestions(core, word, len, out, max, &kept);
    pthread_mutex_unlock(&core->lock);
    if (cached)
        return kept;
    /* Cache the longest list anyone asks for, so a later caller wanting more is served.
     * Two threads may work out the same word at once: the second list replaces the
     * first, which is the same. */
    char *full[TQC_DICT_MAX_SUGGESTIONS];
    size_t n;
    if (core->freq) {
        n = one_edit_suggest(view, word, len, full, TQC_DICT_MAX_SUGGESTIONS);
    } else {
        /* Without a frequency list, Hunspell's own search (tens of milliseconds a word). */
        pthread_mutex_lock(&core->lock);
        n = hunspell_suggest(core_speller(core), word, len, full, TQC_DICT_MAX_SUGGESTIONS);
        pthread_mutex_unlock(&core->lock);
    }
    pthread_mutex_lock(&core->lock);
    remember_suggestions(core, word, len, full, n);
    pthread_mutex_unlock(&core->lock);
    kept = n < max ? n : max;
    for (size_t i = 0; i < n; i++) {
        if (i < kept)
            out[i] = full[i];
        else
            free(full[i]);
    }
    return kept;
}

size_t tqc_dict_hunspell_suggest(tqc_dict *view, const char *word, size_t len, char **out,
                                 size_t max)
{
    if (len == 0 || len > DICT_MAX_WORD || max == 0)
        return 0;
    speller *own = own_speller(view);
    if (own)
        return hunspell_suggest(own, word, len, out, max);
    pthread_mutex_lock(&view->core->lock);
    size_t n = hunspell_suggest(core_speller(view->core), word, len, out, max);
    pthread_mutex_unlock(&view->core->lock);
    return n;
}

/* Whether Hunspell stems word to an entry written with a capital (see dict.h). */
static bool hunspell_name_stem(speller *sp, const char *word, size_t len)
{
    char conv[DICT_MAX_WORD * 4 + 1];
    if (!convert(sp->to_dic, word, len, conv, sizeof conv))
        return false;
    char **list = NULL;
    int n = Hunspell_stem(sp->hun, &list, conv);
    bool name = false;
    for (int i = 0; i < n && !name; i++) {
        char back[DICT_MAX_WORD * 4 + 1];
        int32_t c;
        name = convert(sp->from_dic, list[i], strlen(list[i]), back, sizeof back) &&
               tqc_text_decode(back, strlen(back), &c) && tqc_text_is_upper(c);
    }
    if (list)
        Hunspell_free_list(sp->hun, &list, n);
    return name;
}

bool tqc_dict_name_entry(tqc_dict *view, const char *word, size_t len)
{
    if (len == 0 || len > DICT_MAX_WORD)
        return false;
    dict_core *core = view->core;
    uint64_t v = 0;
    pthread_mutex_lock(&core->lock);
    bool have = tqc_strmap_get(core->names, word, len, &v);
    if (!have && (v = (tqc_verdicts_get(core->file, word, len) >> VERDICT_NAME_SHIFT) & 3)) {
        tqc_strmap_put(core->names, word, len, v);
        have = true;
    }
    tqc_forms_answer fa;
    if (!have && (fa = tqc_forms_name(core->forms, word, len)) != TQC_FORMS_UNDECIDED) {
        v = fa == TQC_FORMS_YES ? VERDICT_KNOWN : VERDICT_UNKNOWN;
        tqc_strmap_put(core->names, word, len, v);
        have = true;
    }
    if (!have && !own_speller(view)) {
        speller *sp = core_speller(core);    /* opened at its first question */
        atomic_fetch_add_explicit(&core->lookups, 1, memory_order_relaxed);
        v = sp && hunspell_name_stem(sp, word, len) ? VERDICT_KNOWN : VERDICT_UNKNOWN;
        /* Without a speller the answer is no answer: not kept. */
        if (sp && tqc_strmap_put(core->names, word, len, v))
            core->file_dirty = true;
        have = true;
    }
    pthread_mutex_unlock(&core->lock);
    if (have)
        return v == VERDICT_KNOWN;
    atomic_fetch_add_explicit(&core->lookups, 1, memory_order_relaxed);
    v = hunspell_name_stem(view->own, word, len) ? VERDICT_KNOWN : VERDICT_UNKNOWN;
    pthread_mutex_lock(&core->lock);
    if (tqc_strmap_put(core->names, word, len, v))
        core->file_dirty = true;
    pthread_mutex_unlock(&core->lock);
    return v == VERDICT_KNOWN;
}

void tqc_dict_free_suggestions(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
}

uint64_t tqc_dict_freq(const tqc_dict *view, const char *word, size_t len)
{
    return core_freq(view->core, word, len);
}

uint64_t tqc_dict_freq_total(const tqc_dict *view) { return view->core->freq_total; }

void tqc_dict_stats(const tqc_dict *view, size_t *cached, size_t *lookups)
{
    pthread_mutex_lock(&view->core->lock);
    *cached = view->core->cache.count;
    *lookups = atomic_load(&view->core->lookups);
    pthread_mutex_unlock(&view->core->lock);
}
