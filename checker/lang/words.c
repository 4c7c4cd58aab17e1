#include "lang/words.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/strmap.h"

/* About 7 MB of records, slots and text at the cap: a run over text that does not repeat
 * empties the table now and then rather than grow (issue 15: peak memory flat). */
#define WORDS_DEFAULT_MAX (1u << 17)
/* Longer forms (a URL, a run of letters) are asked directly: they rarely repeat. */
#define WORDS_MAX_FORM 255
#define WORDS_FIRST_SLOTS 1024

/* What the table keeps of a form besides its record. */
typedef struct word_key {
    uint64_t hash;            /* tqc_strmap_hash of the form */
    uint32_t off;             /* where the form starts in text */
    uint32_t first, first_doc; /* its first token in document first_doc */
    uint8_t len;              /* its bytes */
} word_key;

struct tqc_words {
    size_t max;
    size_t count;
    tqc_word *rec;            /* per id */
    word_key *key;            /* per id */
    size_t cap;               /* ids rec and key hold */
    /* Open addressing: the hash's high half << 32 | id + 1, 0 empty; the half spares a
     * probe the form's own cache line. */
    uint64_t *slot;
    size_t slot_count;        /* a power of two, at least twice count */
    char *text;
    size_t text_len, text_cap;
    uint32_t doc;             /* the current document's number, from 1 */
    const void *lists[TQC_WORDS_LISTS];  /* the lists that have a bit, by bit */
    size_t list_count;
};

tqc_words *tqc_words_new(size_t max_words)
{
    tqc_words *w = tqc_calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->max = max_words ? max_words : WORDS_DEFAULT_MAX;
    return w;
}

void tqc_words_free(tqc_words *w)
{
    if (!w)
        return;
    free(w->rec);
    free(w->key);
    free(w->slot);
    free(w->text);
    free(w);
}

static void words_empty(tqc_words *w)
{
    w->count = 0;
    w->list_count = 0;
    w->text_len = 0;
    if (w->slot)
        memset(w->slot, 0, w->slot_count * sizeof *w->slot);
}

void tqc_words_begin_doc(tqc_words *w, size_t token_count)
{
    size_t room = token_count < w->max / 2 ? token_count : w->max / 2;
    if (w->count + room > w->max)
        words_empty(w);
    /* A new stamp makes every record's first token stale; at the wrap, clear them. */
    if (++w->doc == 0) {
        for (size_t id = 0; id < w->count; id++)
            w->key[id].first_doc = 0;
        w->doc = 1;
    }
}

static bool grow_ids(tqc_words *w)
{
    size_t cap = w->cap ? w->cap * 2 : 512;
    if (cap > w->max)
        cap = w->max;
    tqc_word *rec = tqc_realloc(w->rec, cap * sizeof *rec);
    if (rec)
        w->rec = rec;
    word_key *key = rec ? tqc_realloc(w->key, cap * sizeof *key) : NULL;
    if (!key)
        return false;
    w->key = key;
    w->cap = cap;
    return true;
}

static bool grow_slots(tqc_words *w)
{
    size_t n = w->slot_count ? w->slot_count * 2 : WORDS_FIRST_SLOTS;
    uint64_t *slot = tqc_calloc(n, sizeof *slot);
    if (!slot)
        return false;
    for (size_t id = 0; id < w->count; id++) {
        size_t i = w->key[id].hash & (n - 1);
        while (slot[i])
            i = (i + 1) & (n - 1);
        slot[i] = (w->key[id].hash >> 32 << 32) | (id + 1);
    }
    free(w->slot);
    w->slot = slot;
    w->slot_count = n;
    return true;
}

/* The id of s (hash h), or TQC_WORD_NONE with *at the empty slot it would take. */
static uint32_t find(const tqc_words *w, const char *s, size_t len, uint64_t h, size_t *at)
{
    size_t i = 0;
    if (w->slot) {
        for (i = h & (w->slot_count - 1); w->slot[i]; i = (i + 1) & (w->slot_count - 1)) {
            if (w->slot[i] >> 32 != h >> 32)
                continue;
            uint32_t id = (uint32_t)w->slot[i] - 1;
            if (w->key[id].len == len && memcmp(w->text + w->key[id].off, s, len) == 0)
                return id;
        }
    }
    *at = i;
    return TQC_WORD_NONE;
}

uint32_t tqc_words_find(const tqc_words *w, const char *s, size_t len)
{
    size_t at;
    if (len == 0 || len > WORDS_MAX_FORM)
        return TQC_WORD_NONE;
    return find(w, s, len, tqc_strmap_hash(s, len), &at);
}

bool tqc_words_in_doc(const tqc_words *w, uint32_t id, uint32_t *k)
{
    if (id == TQC_WORD_NONE || w->key[id].first_doc != w->doc)
        return false;
    *k = w->key[id].first;
    return true;
}

uint32_t tqc_words_id(tqc_words *w, const char *s, size_t len)
{
    if (len == 0 || len > WORDS_MAX_FORM)
        return TQC_WORD_NONE;
    uint64_t h = tqc_strmap_hash(s, len);
    size_t i = 0;
    uint32_t found = find(w, s, len, h, &i);
    if (found != TQC_WORD_NONE)
        return found;
    if (w->count == w->max || w->count >= UINT32_MAX - 1)
        return TQC_WORD_NONE;
    if (w->count == w->cap && !grow_ids(w))
        return TQC_WORD_NONE;
    if (w->text_len + len > w->text_cap) {
        size_t cap = w->text_cap ? w->text_cap * 2 : 8192;
        while (cap < w->text_len + len)
            cap *= 2;
        if (cap > UINT32_MAX)
            return TQC_WORD_NONE;
        char *text = tqc_realloc(w->text, cap);
        if (!text)
            return TQC_WORD_NONE;
        w->text = text;
        w->text_cap = cap;
    }
    if (2 * (w->count + 1) > w->slot_count) {
        if (!grow_slots(w))
            return TQC_WORD_NONE;
        for (i = h & (w->slot_count - 1); w->slot[i]; i = (i + 1) & (w->slot_count - 1))
            ;
    }
    uint32_t id = (uint32_t)w->count++;
    memcpy(w->text + w->text_len, s, len);
    w->key[id] = (word_key){.hash = h, .off = (uint32_t)w->text_len, .len = (uint8_t)len};
    w->text_len += len;
    w->rec[id] = (tqc_word){0};
    w->slot[i] = (h >> 32 << 32) | (id + 1);
    return id;
}

tqc_word *tqc_words_at(tqc_words *w, uint32_t id) { return &w->rec[id]; }

uint32_t tqc_words_first(tqc_words *w, uint32_t id, uint32_t k)
{
    word_key *key = &w->key[id];
    if (key->first_doc != w->doc) {
        key->first_doc = w->doc;
        key->first = k;
    }
    return key->first;
}

int tqc_words_list_bit(tqc_words *w, const void *list)
{
    for (size_t i = 0; i < w->list_count; i++)
        if (w->lists[i] == list)
            return (int)i;
    if (w->list_count == TQC_WORDS_LISTS)
        return -1;
    w->lists[w->list_count] = list;
    return (int)w->list_count++;
}

size_t tqc_words_count(const tqc_words *w) { return w->count; }
