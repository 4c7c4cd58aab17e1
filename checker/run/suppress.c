/* suppress: finds tqc-disable / tqc-enable / tqc-disable-next-line comments in raw source
 * bytes, answers whether a finding is covered, and lists the directives that did
 * nothing (see run/suppress.h). */
#include "run/suppress.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/io.h"
#include "pass/pass.h"
#include "core/strmap.h"

typedef enum dkind { D_DISABLE, D_ENABLE, D_NEXT_LINE, D_WORDS, D_BAD } dkind;

typedef struct directive {
    dkind kind;
    size_t offset, len;     /* the whole comment, `<!--` to `-->` */
    size_t line, column;    /* 1-based, of `<!--` */
    size_t line_start;      /* file offset where its line begins, 0 when unknown */
    char *text;             /* copy of the comment */
    const char *word;       /* the directive as written (`tqc-disable`...), NUL-terminated
                               in text's block (one allocation a directive) */
    size_t rule_first, rule_count;
} directive;

/* One rule a directive names (id NULL: every rule), or for tqc-words one word it
 * accepts. For tqc-disable, a region of file
 * offsets [start, end) (end SIZE_MAX while no tqc-enable ended it); for
 * tqc-disable-next-line, start is the line it covers. */
typedef struct drule {
    const char *id;         /* in s->ids */
    size_t id_index;        /* id's index in s->ids and s->per_id (id not NULL) */
    bool known;
    size_t start, end;
    bool used;              /* covered a finding (disable) or ended a region (enable) */
    size_t next_open;       /* tqc-disable: the region opened before it for the same id
                               (as index + 1; 0: none), for end_regions; tqc-words: the
                               rule before it of the same word, for word_accepted */
    size_t bucket, pos;     /* tqc-disable: its leaf in the bucket's tree (covered) */
} drule;

/* The tqc-disable regions and next-line rules of one id (or of every rule), so a finding
 * asks only those of its rule, and among them only the regions that can hold it: a
 * max-tree over the regions' ends, in file order, skips every subtree that ended before
 * the finding (a linear scan per finding took minutes on 200k directives). */
typedef struct bucket {
    size_t *leaf;           /* drule index of each region, in file (start) order */
    size_t *mx;             /* mx[1..2cap): the largest end below each node; leaves at cap */
    size_t n, cap;
    size_t *lines;          /* drule index of each next-line rule, in line order */
    size_t ln, lcap;
    bool unsorted;          /* a directive came out of file order: scan all */
} bucket;

/* Identical directives that did nothing alike, one after the other in the notes, are
 * listed one by one up to RUN_LISTED; the run's last stands for the rest, its note
 * (made when the run ends, so after the findings between) saying how many were before it
 * and where the first of them is. 200,000 unused pairs round sentences made 200,000
 * identical findings, half the time of checking that file, which say no more to a
 * person than the one. */
#define RUN_LISTED 10
/* A note's message, as describe writes it. */
#define NOTE_MESSAGE_MAX 256

typedef struct note_run {
    char *key;              /* the comment, NUL, its message up to a line number */
    size_t key_len, key_cap;
    size_t seen;            /* directives in the run so far */
    char *held;             /* the run's last past RUN_LISTED: its comment, NUL, its
                               message (NOTE_MESSAGE_MAX bytes; malloc'd, NULL while the
                               run is short) */
    tqc_suppress_note at;   /* where it is (text and message point into held) */
    size_t first_line;      /* the line of the first past RUN_LISTED */
} note_run;

struct tqc_suppress {
    directive *d;
    size_t dn, dcap;
    drule *r;
    size_t rn, rcap;
    /* Open tqc-disable regions, so an enable ends them without scanning every directive
     * (200k pairs took minutes): per id a chain through next_open (per_id's open_head:
     * index + 1, 0 when none), and all of them for an enable of every rule. Closed regions
     * met in a chain are skipped. */
    size_t *open_all, open_n, open_cap;
    /* bucket 0: rules naming every rule (id NULL); others by id through per_id. */
    bucket *b;
    size_t bn, bcap;
    bool d_unsorted;        /* directives came out of file order */
    /* tqc-words: word -> index + 1 of its last rule; earlier ones of the same word are
     * chained through next_open (a scan of every directive per finding was quadratic). */
    tqc_strmap *words_by;
    tqc_strmap *ids;        /* rule ids and words, one copy each: drule ids point here */
    /* What each id of ids has, by its index: two directives a line would otherwise ask
     * a map by name four times each. */
    struct id_state {
        size_t open_head;   /* index + 1 of its last open region, 0: none */
        size_t bucket;      /* its bucket, 0: none yet */
    } *per_id;
    size_t per_id_cap;
    size_t settle_at;       /* tqc_suppress_settle looks again once dn reaches this */
    note_run run;           /* carried across tqc_suppress_settle's batches */
};

tqc_suppress *tqc_suppress_new(void) { return tqc_calloc(1, sizeof(tqc_suppress)); }

void tqc_suppress_free(tqc_suppress *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->dn; i++)
        free(s->d[i].text);
    free(s->d);
    free(s->r);
    free(s->per_id);
    free(s->open_all);
    for (size_t i = 0; i < s->bn; i++) {
        free(s->b[i].leaf);
        free(s->b[i].mx);
        free(s->b[i].lines);
    }
    free(s->b);
    tqc_strmap_free(s->words_by);
    tqc_strmap_free(s->ids);
    free(s->run.key);
    free(s->run.held);
    free(s);
}

size_t tqc_suppress_count(const tqc_suppress *s) { return s->dn; }

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

static bool rule_known(const char *id)
{
    return tqc_pass_find(id) != NULL || strcmp(id, TQC_SUPPRESS_RULE) == 0;
}

static tqc_status add_rule(tqc_suppress *s, const char *id, size_t n, size_t start)
{
    if (s->rn == s->rcap) {
        size_t cap = s->rcap ? s->rcap * 2 : 8;
        drule *r = tqc_realloc(s->r, cap * sizeof *r);
        if (!r)
            return TQC_ENOMEM;
        s->r = r;
        s->rcap = cap;
    }
    drule *r = &s->r[s->rn];
    *r = (drule){.start = start, .end = SIZE_MAX, .known = true};
    if (id) {
        /* Interned (value: index * 2 + known): 200k directives naming `spelling` keep
         * one copy of it, and ask the registry once. */
        uint64_t v;
        if (!s->ids && !(s->ids = tqc_strmap_new()))
            return TQC_ENOMEM;
        if (!tqc_strmap_get(s->ids, id, n, &v)) {
            v = 2 * (uint64_t)tqc_strmap_count(s->ids);
            if (!tqc_grow((void **)&s->per_id, &s->per_id_cap, (size_t)(v / 2), 1,
                          sizeof *s->per_id) ||
                !tqc_strmap_put(s->ids, id, n, v))
                return TQC_ENOMEM;
            s->per_id[v / 2] = (struct id_state){0};
            v |= rule_known(tqc_strmap_key(s->ids, (size_t)(v / 2), NULL));
            (void)tqc_strmap_put(s->ids, id, n, v); /* present: cannot fail */
        }
        r->id = tqc_strmap_key(s->ids, (size_t)(v / 2), NULL);
        r->id_index = (size_t)(v / 2);
        r->known = v & 1;
    }
    s->rn++;
    return TQC_OK;
}

/* Sets the end of region pos of bucket b in its tree. */
static void tree_set(bucket *b, size_t pos, size_t end)
{
    size_t i = b->cap + pos;
    b->mx[i] = end;
    for (i /= 2; i >= 1; i /= 2)
        b->mx[i] = b->mx[2 * i] > b->mx[2 * i + 1] ? b->mx[2 * i] : b->mx[2 * i + 1];
}

/* The bucket of the id of index id_index in s->ids (SIZE_MAX: every rule), made when
 * make; SIZE_MAX when none. */
static size_t bucket_index(tqc_suppress *s, size_t id_index, bool make)
{
    bool every = id_index == SIZE_MAX;
    size_t v;
    if (s->bn == 0 && !make)
        return SIZE_MAX;
    if (every)
        v = 0;
    else if (s->per_id[id_index].bucket)
        v = s->per_id[id_index].bucket;
    else if (!make)
        return SIZE_MAX;
    else
        v = s->bn ? s->bn : 1;
    while (s->bn <= v) {
        if (s->bn == s->bcap) {
            size_t cap = s->bcap ? s->bcap * 2 : 8;
            bucket *nb = tqc_realloc(s->b, cap * sizeof *nb);
            if (!nb)
                return SIZE_MAX;
            s->b = nb;
            s->bcap = cap;
        }
        s->b[s->bn++] = (bucket){0};
    }
    if (!every)
        s->per_id[id_index].bucket = v;
    return v;
}

/* Files rule k (of a tqc-disable or next-line directive) in its id's bucket. */
static tqc_status file_rule(tqc_suppress *s, size_t k, dkind kind)
{
    drule *r = &s->r[k];
    size_t bi = bucket_index(s, r->id ? r->id_index : SIZE_MAX, true);
    if (bi == SIZE_MAX)
        return TQC_ENOMEM;
    bucket *b = &s->b[bi];
    if (kind == D_NEXT_LINE) {
        if (b->ln == b->lcap) {
            size_t cap = b->lcap ? b->lcap * 2 : 8;
            size_t *a = tqc_realloc(b->lines, cap * sizeof *a);
            if (!a)
                return TQC_ENOMEM;
            b->lines = a;
            b->lcap = cap;
        }
        if (b->ln && s->r[b->lines[b->ln - 1]].start > r->start)
            b->unsorted = true;
        b->lines[b->ln++] = k;
        return TQC_OK;
    }
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8;
        size_t *leaf = tqc_realloc(b->leaf, cap * sizeof *leaf);
        size_t *mx = leaf ? tqc_calloc(2 * cap, sizeof *mx) : NULL;
        if (leaf)
            b->leaf = leaf;
        if (!mx)
            return TQC_ENOMEM;
        free(b->mx);
        b->mx = mx;
        b->cap = cap;
        for (size_t i = 0; i < b->n; i++)
            mx[cap + i] = s->r[b->leaf[i]].end;
        for (size_t i = cap - 1; i >= 1; i--)
            mx[i] = mx[2 * i] > mx[2 * i + 1] ? mx[2 * i] : mx[2 * i + 1];
    }
    if (b->n && s->r[b->leaf[b->n - 1]].start > r->start)
        b->unsorted = true;
    r->bucket = bi;
    r->pos = b->n;
    b->leaf[b->n++] = k;
    tree_set(b, r->pos, r->end);
    return TQC_OK;
}

/* Ends the open tqc-disable regions the enable rule e (id NULL: every region) ends, at
 * offset. */
static bool end_regions(tqc_suppress *s, const drule *e, size_t offset)
{
    bool any = false;
    if (!e->id) {
        for (size_t i = 0; i < s->open_n; i++) {
            drule *r = &s->r[s->open_all[i]];
            if (r->end == SIZE_MAX) {
                r->end = offset;
                tree_set(&s->b[r->bucket], r->pos, offset);
                any = true;
            }
        }
        s->open_n = 0;
        return any;   /* the id chains now hold only closed regions, skipped when met */
    }
    size_t *head = &s->per_id[e->id_index].open_head;
    for (size_t k = *head; k; k = s->r[k - 1].next_open) {
        drule *r = &s->r[k - 1];
        if (r->end == SIZE_MAX) {
            r->end = offset;
            tree_set(&s->b[r->bucket], r->pos, offset);
            any = true;
        }
    }
    *head = 0;
    return any;
}

/* Files rule k of a tqc-words directive under its word. */
static tqc_status file_word(tqc_suppress *s, size_t k)
{
    drule *r = &s->r[k];
    r->known = true;
    if (!s->words_by && !(s->words_by = tqc_strmap_new()))
        return TQC_ENOMEM;
    uint64_t head = 0;
    size_t n = strlen(r->id);
    (void)tqc_strmap_get(s->words_by, r->id, n, &head);
    r->next_open = (size_t)head;
    return tqc_strmap_put(s->words_by, r->id, n, k + 1) ? TQC_OK : TQC_ENOMEM;
}

/* Records the region of the disable rule r (index k) as open. */
static tqc_status open_region(tqc_suppress *s, size_t k)
{
    drule *r = &s->r[k];
    if (s->open_n == s->open_cap) {
        size_t cap = s->open_cap ? s->open_cap * 2 : 8;
        size_t *a = tqc_realloc(s->open_all, cap * sizeof *a);
        if (!a)
            return TQC_ENOMEM;
        s->open_all = a;
        s->open_cap = cap;
    }
    s->open_all[s->open_n++] = k;
    if (!r->id)
        return TQC_OK;      /* only an enable of every rule ends it */
    r->next_open = s->per_id[r->id_index].open_head;
    s->per_id[r->id_index].open_head = k + 1;
    return TQC_OK;
}

/* The comment (clen bytes) and the directive's word (wl bytes), each NUL-terminated,
 * in one block; NULL when out of memory. */
static char *copy_text(const char *comment, size_t clen, const char *word, size_t wl)
{
    char *t = tqc_malloc(clen + wl + 2);
    if (!t)
        return NULL;
    memcpy(t, comment, clen);
    t[clen] = '\0';
    memcpy(t + clen + 1, word, wl);
    t[clen + 1 + wl] = '\0';
    return t;
}

/* Reads the comment body body[0, n) (between `<!--` and `-->`); adds a directive when it
 * is one. comment is the whole comment at file position (offset, line, column). */
static tqc_status add_directive(tqc_suppress *s, const char *body, size_t n, const char *comment,
                                size_t clen, size_t offset, size_t line, size_t column,
                                size_t line_start, size_t end_line)
{
    while (n && is_blank(*body)) {
        body++;
        n--;
    }
    if (n < 4 || (memcmp(body, "tqc-", 4) != 0 && memcmp(body, "tqc:", 4) != 0) ||
        clen > TQC_SUPPRESS_MAX_COMMENT)
        return TQC_OK;
    size_t wl = 0;
    while (wl < n && !is_blank(body[wl]) && body[wl] != ',')
        wl++;
    dkind kind = D_BAD;
    /* `tqc: words A, B` (as cspell:ignore) or `tqc-words A, B`: the rest are words. */
    size_t skip = wl;
    if (wl == 4 && memcmp(body, "tqc:", 4) == 0) {
        size_t k = wl;
        while (k < n && is_blank(body[k]))
            k++;
        if (n - k >= 5 && memcmp(body + k, "words", 5) == 0 &&
            (n - k == 5 || is_blank(body[k + 5]))) {
            kind = D_WORDS;
            skip = wl = k + 5;
        }
    }
    if (wl == 9 && memcmp(body, "tqc-words", 9) == 0)
        kind = D_WORDS;
    else if (wl == 11 && memcmp(body, "tqc-disable", 11) == 0)
        kind = D_DISABLE;
    else if (wl == 10 && memcmp(body, "tqc-enable", 10) == 0)
        kind = D_ENABLE;
    else if (wl == 21 && memcmp(body, "tqc-disable-next-line", 21) == 0)
        kind = D_NEXT_LINE;
    if (s->dn == s->dcap) {
        size_t cap = s->dcap ? s->dcap * 2 : 8;
        directive *d = tqc_realloc(s->d, cap * sizeof *d);
        if (!d)
            return TQC_ENOMEM;
        s->d = d;
        s->dcap = cap;
    }
    directive *d = &s->d[s->dn];
    *d = (directive){.kind = kind, .offset = offset, .len = clen, .line = line,
                     .column = column, .line_start = line_start, .rule_first = s->rn};
    if (!(d->text = copy_text(comment, clen, body, wl)))
        return TQC_ENOMEM;
    d->word = d->text + clen + 1;
    if (s->dn && s->d[s->dn - 1].offset > offset)
        s->d_unsorted = true;
    s->dn++;
    if (kind == D_BAD)
        return TQC_OK;
    size_t start = kind == D_NEXT_LINE ? end_line + 1 : offset + clen;
    tqc_status st = TQC_OK;
    for (size_t i = skip; st == TQC_OK && i < n;) {
        while (i < n && (is_blank(body[i]) || body[i] == ','))
            i++;
        size_t k = i;
        while (k < n && !is_blank(body[k]) && body[k] != ',')
            k++;
        if (k > i)
            st = add_rule(s, body + i, k - i, start);
        i = k;
    }
    if (st == TQC_OK && s->rn == d->rule_first && kind != D_WORDS)
        st = add_rule(s, NULL, 0, start);
    if (st != TQC_OK)
        return st;
    d->rule_count = s->rn - d->rule_first;
    if (kind == D_WORDS)        /* words, not rule ids */
        for (size_t k = d->rule_first; st == TQC_OK && k < s->rn; k++)
            st = file_word(s, k);
    if (kind == D_DISABLE || kind == D_NEXT_LINE)
        for (size_t k = d->rule_first; st == TQC_OK && k < s->rn; k++)
            st = file_rule(s, k, kind);
    if (kind == D_DISABLE)
        for (size_t k = d->rule_first; st == TQC_OK && k < s->rn; k++)
            st = open_region(s, k);
    if (kind == D_ENABLE)
        for (size_t k = d->rule_first; k < s->rn; k++)
            s->r[k].used = end_regions(s, &s->r[k], offset);
    return st;
}

/* Characters (tqc_doc_locate counts each UTF-8 sequence or stray byte as one) in p[0, n). */
static size_t count_chars(const char *p, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)p[i] & 0xC0) != 0x80;
    return c;
}

static const char *find(const char *p, const char *end, const char *needle)
{
    size_t n = strlen(needle);
    for (; p + n <= end; p++)
        if (*p == needle[0] && memcmp(p, needle, n) == 0)
            return p;
    return NULL;
}

/* Plain text: whether the line p[0, n) is a comment of its own (blanks, `<!-- ... -->`,
 * blanks; a BOM before it when bom): *lead and *end then bound the comment. */
static bool comment_line(const char *p, size_t n, bool bom, size_t *lead, size_t *end)
{
    size_t a = 0;
    if (bom && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        a = 3; /* a BOM before the first line */
    while (a < n && (p[a] == ' ' || p[a] == '\t'))
        a++;
    size_t e = n;
    while (e > a && is_blank(p[e - 1]))
        e--;
    if (e - a < 7 || memcmp(p + a, "<!--", 4) != 0 || memcmp(p + e - 3, "-->", 3) != 0 ||
        find(p + a + 4, p + e, "-->") != p + e - 3)
        return false;
    *lead = a;
    *end = e;
    return true;
}

/* Whether the comment body body[0, n) is a directive's (well formed or not). */
static bool directive_body(const char *body, size_t n)
{
    while (n && is_blank(*body)) {
        body++;
        n--;
    }
    return n >= 4 && (memcmp(body, "tqc-", 4) == 0 || memcmp(body, "tqc:", 4) == 0);
}

/* Plain text: a directive is a line of its own: blanks, `<!-- ... -->`, blanks. */
static tqc_status scan_text(tqc_suppress *s, const char *src, size_t len, tqc_suppress_pos pos)
{
    size_t line = pos.line;
    for (size_t i = 0; i < len; line++) {
        const char *p = src + i;
        const char *nl = memchr(p, '\n', len - i);
        size_t n = nl ? (size_t)(nl - p) : len - i;
        size_t lead, end;
        if (comment_line(p, n, pos.offset + i == 0, &lead, &end)) {
            const char *body = p + lead + 4;
            size_t col = (i == 0 ? pos.column : 0) + count_chars(p, lead) + 1;
            /* A piece starting mid-line (a chunk cut in a huge line) hides where it began. */
            size_t ls = i == 0 && pos.column ? 0 : pos.offset + i;
            tqc_status st = add_directive(s, body, end - lead - 7, p + lead, end - lead,
                                          pos.offset + i + lead, line, col, ls, line);
            if (st != TQC_OK)
                return st;
        }
        i += n + 1;
    }
    return TQC_OK;
}

tqc_status tqc_suppress_hide(tqc_doc *doc)
{
    if (doc->map_count || doc->hidden || !find(doc->text, doc->text + doc->len, "<!--"))
        return TQC_OK;
    size_t cap = 0;
    for (size_t i = 0; i < doc->len;) {
        const char *p = doc->text + i;
        const char *nl = memchr(p, '\n', doc->len - i);
        size_t n = nl ? (size_t)(nl - p) : doc->len - i;
        size_t lead, end;
        if (comment_line(p, n, doc->base_offset + i == 0, &lead, &end) &&
            end - lead <= TQC_SUPPRESS_MAX_COMMENT && directive_body(p + lead + 4, end - lead - 7)) {
            if (!tqc_grow((void **)&doc->hidden, &cap, doc->hidden_count, 1, sizeof *doc->hidden))
                return TQC_ENOMEM;
            doc->hidden[doc->hidden_count++] = tqc_span_make(i, i + n);
        }
        i += n + 1;
    }
    return TQC_OK;
}

/* Moves (line, column) over p[0, n); *line_start (when not NULL) follows the line's
 * first byte as an index into p's piece (p - base). */
static void advance(const char *p, size_t n, size_t *line, size_t *column, const char *base,
                    size_t *line_start)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n') {
            (*line)++;
            *column = 0;
            if (line_start)
                *line_start = (size_t)(p + i + 1 - base);
        } else if (((unsigned char)p[i] & 0xC0) != 0x80) {
            (*column)++;
        }
    }
}

/* Markup: every comment, wherever it is, except inside CDATA sections. */
static tqc_status scan_markup(tqc_suppress *s, const char *src, size_t len, tqc_suppress_pos pos)
{
    const char *end = src + len, *at = src;
    size_t line = pos.line, column = pos.column;
    size_t ls = 0;          /* index in src of the current line's start */
    bool ls_known = pos.column == 0;
    for (const char *p = src; p < end;) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt)
            break;
        if (find(lt, end < lt + 9 ? end : lt + 9, "<![CDATA[") == lt) {
            const char *close = find(lt + 9, end, "]]>");
            if (!close)
                break;
            p = close + 3;
            continue;
        }
        if (end - lt < 4 || memcmp(lt, "<!--", 4) != 0) {
            p = lt + 1;
            continue;
        }
        const char *close = find(lt + 4, end, "-->");
        if (!close)
            break;
        size_t before = line;
        advance(at, (size_t)(lt - at), &line, &column, src, &ls);
        ls_known |= line != before;
        at = lt;
        size_t end_line = line, end_col = column;
        advance(lt, (size_t)(close - lt), &end_line, &end_col, src, NULL);
        tqc_status st = add_directive(s, lt + 4, (size_t)(close - lt - 4), lt,
                                      (size_t)(close + 3 - lt), pos.offset + (size_t)(lt - src),
                                      line, column + 1, ls_known ? pos.offset + ls : 0, end_line);
        if (st != TQC_OK)
            return st;
        p = close + 3;
    }
    return TQC_OK;
}

tqc_status tqc_suppress_scan(tqc_suppress *s, const char *src, size_t len, tqc_suppress_pos pos,
                             bool markup)
{
    return markup ? scan_markup(s, src, len, pos) : scan_text(s, src, len, pos);
}

/* Regions in the subtree at node (leaves [lo, hi)) among the first last of b holding
 * offset; marks them used when mark, else stops at the first. */
static bool tree_hits(tqc_suppress *s, bucket *b, size_t node, size_t lo, size_t hi, size_t last,
                      size_t offset, bool mark)
{
    if (lo >= last || b->mx[node] <= offset)
        return false;
    if (hi - lo == 1) {
        drule *r = &s->r[b->leaf[lo]];
        if (r->start > offset || offset >= r->end)
            return false;
        r->used |= mark;
        return true;
    }
    size_t mid = lo + (hi - lo) / 2;
    bool hit = tree_hits(s, b, 2 * node, lo, mid, last, offset, mark);
    if (hit && !mark)
        return true;
    return tree_hits(s, b, 2 * node + 1, mid, hi, last, offset, mark) || hit;
}

/* The rules of bucket bi covering (offset, line); marks them used when mark. */
static bool bucket_covers(tqc_suppress *s, size_t bi, size_t offset, size_t line, bool mark)
{
    if (bi >= s->bn)
        return false;
    bucket *b = &s->b[bi];
    bool hit = false;
    /* Next-line rules: those of this line, found by bisection. */
    size_t lo = 0, hi = b->ln;
    if (!b->unsorted)
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (s->r[b->lines[mid]].start < line)
                lo = mid + 1;
            else
                hi = mid;
        }
    for (size_t i = b->unsorted ? 0 : lo; i < b->ln; i++) {
        drule *r = &s->r[b->lines[i]];
        if (r->start == line) {
            hit = true;
            r->used |= mark;
        } else if (!b->unsorted) {
            break;
        }
    }
    if (hit && !mark)
        return true;
    /* Regions: those starting at or before offset, pruned by the tree. */
    size_t last = b->n;
    if (!b->unsorted) {
        lo = 0, hi = b->n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (s->r[b->leaf[mid]].start <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        last = lo;
    }
    return (b->n && tree_hits(s, b, 1, 0, b->cap, last, offset, mark)) || hit;
}

/* The tqc-disable / next-line rules covering one rule name (n bytes) at (offset, line);
 * marks them used when mark. */
static bool covered(tqc_suppress *s, const char *rule, size_t n, size_t offset, size_t line,
                    bool mark)
{
    bool hit = bucket_covers(s, 0, offset, line, mark);
    if (hit && !mark)
        return true;
    uint64_t v;
    size_t bi = s->ids && tqc_strmap_get(s->ids, rule, n, &v)
                    ? bucket_index(s, (size_t)(v / 2), false) : SIZE_MAX;
    return bucket_covers(s, bi, offset, line, mark) || hit;
}

/* true when offset lies inside a directive comment. */
static bool in_directive(const tqc_suppress *s, size_t offset)
{
    size_t lo = 0, hi = s->dn;
    if (s->d_unsorted) {
        for (size_t i = 0; i < s->dn; i++)
            if (offset >= s->d[i].offset && offset < s->d[i].offset + s->d[i].len)
                return true;
        return false;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->d[mid].offset <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && offset < s->d[lo - 1].offset + s->d[lo - 1].len;
}

bool tqc_suppress_covers(tqc_suppress *s, const char *rule, const char *also, size_t offset,
                         size_t line)
{
    if (in_directive(s, offset))
        return true;
    /* Every rule the finding carries must be covered; only then are the directives used. */
    if (!covered(s, rule, strlen(rule), offset, line, false))
        return false;
    for (const char *a = also; a && *a;) {
        size_t n = strcspn(a, ",");
        if (n && !covered(s, a, n, offset, line, false))
            return false;
        a += n + (a[n] == ',');
    }
    covered(s, rule, strlen(rule), offset, line, true);
    for (const char *a = also; a && *a;) {
        size_t n = strcspn(a, ",");
        if (n)
            covered(s, a, n, offset, line, true);
        a += n + (a[n] == ',');
    }
    return true;
}

/* Whether a tqc-words directive accepts the n bytes at word (marking it used). */
static bool word_accepted(tqc_suppress *s, const char *word, size_t n)
{
    uint64_t head = 0;
    if (!s->words_by || !tqc_strmap_get(s->words_by, word, n, &head))
        return false;
    for (size_t k = (size_t)head; k; k = s->r[k - 1].next_open)
        s->r[k - 1].used = true;
    return head != 0;
}

size_t tqc_suppress_apply(tqc_suppress *s, tqc_findings *list)
{
    size_t kept = 0, dropped = 0;
    for (size_t i = 0; i < list->count; i++) {
        const tqc_finding *f = &list->items[i];
        size_t line, column;
        tqc_doc_locate(list->doc, f->span.start, &line, &column);
        /* Covered first: a word inside a directive's own comment uses nothing. */
        if (tqc_suppress_covers(s, f->rule, f->also, tqc_doc_file_offset(list->doc, f->span.start),
                                line)) {
            dropped++;
            continue;
        }
        if (strcmp(f->rule, TQC_WORDS_RULE) == 0 && !f->also &&
            word_accepted(s, tqc_doc_at(list->doc, f->span), tqc_span_len(f->span))) {
            dropped++;
            continue;
        }
        list->items[kept++] = *f;
    }
    list->count = kept;
    return dropped;
}

/* Appends to buf (NUL-terminated, cap bytes) what printf would. */
static void append(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void append(char *buf, size_t cap, const char *fmt, ...)
{
    size_t n = strlen(buf);
    if (n + 1 >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + n, cap - n, fmt, ap);
    va_end(ap);
}

/* Appends the strings of the NULL-terminated list to buf (NUL-terminated, cap bytes), as
 * much as fits: the messages of 200,000 unused directives spent more in printf than in
 * anything else of theirs. */
static void append_strs(char *buf, size_t cap, const char *const *strs)
{
    size_t n = strlen(buf);
    for (; *strs && n + 1 < cap; strs++) {
        size_t k = strlen(*strs);
        if (k > cap - 1 - n)
            k = cap - 1 - n;
        memcpy(buf + n, *strs, k);
        n += k;
    }
    buf[n] = '\0';
}

/* Appends "'a', 'b'" for the rules of d that are unknown (want_known false) or unused. */
static size_t list_rules(const tqc_suppress *s, const directive *d, bool want_known, char *buf,
                         size_t cap)
{
    size_t count = 0;
    for (size_t k = d->rule_first; k < d->rule_first + d->rule_count; k++) {
        const drule *r = &s->r[k];
        if (!r->id || r->known != want_known || (want_known && r->used))
            continue;
        append_strs(buf, cap, (const char *const[]){count++ ? ", '" : "'", r->id, "'", NULL});
    }
    return count;
}

/* Writes what is wrong with d into msg; false when nothing is. *stem is the length of
 * msg before the line number a next-line rule ends with (all of it for other kinds):
 * identical directives have the same stem. */
static bool describe(const tqc_suppress *s, const directive *d, char *msg, size_t cap,
                     size_t *stem)
{
    msg[0] = '\0';
    *stem = 0;
    if (d->kind == D_BAD) {
        append(msg, cap, "unknown directive '%s' (tqc-disable, tqc-enable, "
               "tqc-disable-next-line or tqc-words)", d->word);
        *stem = strlen(msg);
        return true;
    }
    if (d->kind == D_WORDS) {
        char unused[160] = "";
        if (d->rule_count == 0)
            append(msg, cap, "%s names no word", d->word);
        else if (list_rules(s, d, true, unused, sizeof unused))
            append(msg, cap, "%s %s accepted no flagged word", d->word, unused);
        *stem = strlen(msg);
        return msg[0] != '\0';
    }
    const drule *first = &s->r[d->rule_first];
    char unknown[160] = "", unused[160] = "";
    size_t n_unknown = list_rules(s, d, false, unknown, sizeof unknown);
    size_t n_unused = list_rules(s, d, true, unused, sizeof unused);
    bool all_unused = !first->id && !first->used;
    if (!n_unknown && !n_unused && !all_unused)
        return false;
    append_strs(msg, cap, (const char *const[]){d->word, NULL});
    if (n_unknown)
        append(msg, cap, " names unknown rule%s %s%s", n_unknown > 1 ? "s" : "", unknown,
               n_unused ? ";" : "");
    if (n_unused || all_unused) {
        if (n_unused)
            append_strs(msg, cap, (const char *const[]){" ", unused, NULL});
        if (d->kind == D_ENABLE)
            append_strs(msg, cap, (const char *const[]){" ends no tqc-disable", NULL});
        else if (d->kind == D_NEXT_LINE)
            append_strs(msg, cap, (const char *const[]){" suppressed nothing on line ", NULL});
        else
            append_strs(msg, cap, (const char *const[]){" suppressed nothing", NULL});
    }
    *stem = strlen(msg);
    if ((n_unused || all_unused) && d->kind == D_NEXT_LINE)
        append(msg, cap, "%zu", first->start);
    return true;
}

/* A note to be made: its place, and where its comment and message are in the notes'
 * scratch buffer (text SIZE_MAX: the comment is directive `index`'s). */
typedef struct note_src {
    tqc_suppress_note at;
    size_t index, text, msg;
} note_src;

typedef struct note_list {
    note_src *src;
    size_t n, cap;
    char *buf;              /* messages, and the comments of held notes, NUL-terminated */
    size_t len, buf_cap;
} note_list;

/* Copies the n bytes at p and a NUL into l's buffer; SIZE_MAX when out of memory. */
static size_t keep_bytes(note_list *l, const char *p, size_t n)
{
    if (!tqc_grow((void **)&l->buf, &l->buf_cap, l->len, n + 1, 1))
        return SIZE_MAX;
    size_t at = l->len;
    memcpy(l->buf + at, p, n);
    l->buf[at + n] = '\0';
    l->len += n + 1;
    return at;
}

/* Lists a note at `at`, message msg, comment that of directive index or (index
 * SIZE_MAX) at.text's, copied. false when out of memory. */
static bool list_note(note_list *l, tqc_suppress_note at, size_t index, const char *msg)
{
    size_t text = index == SIZE_MAX ? keep_bytes(l, at.text, at.len) : SIZE_MAX;
    size_t m = keep_bytes(l, msg, strlen(msg));
    if (m == SIZE_MAX || (index == SIZE_MAX && text == SIZE_MAX) ||
        !tqc_grow((void **)&l->src, &l->cap, l->n, 1, sizeof *l->src))
        return false;
    l->src[l->n++] = (note_src){at, index, text, m};
    return true;
}

/* Ends s's run: its held note, if any, is listed, saying how many were before it. */
static bool end_run(tqc_suppress *s, note_list *l)
{
    note_run *r = &s->run;
    bool ok = true;
    if (r->held) {
        char msg[NOTE_MESSAGE_MAX + 96];
        size_t before = r->seen - RUN_LISTED - 1;
        if (before)
            snprintf(msg, sizeof msg, "%s; as did the %zu identical directives before it, "
                     "the first on line %zu", r->at.message, before, r->first_line);
        else
            snprintf(msg, sizeof msg, "%s", r->at.message);
        ok = list_note(l, r->at, SIZE_MAX, msg);
        free(r->held);
        r->held = NULL;
    }
    r->seen = 0;
    return ok;
}

/* Whether directive d, described as msg (the first stem bytes alike for identical
 * directives that did nothing alike), goes on s's run; if not, the run ends and d starts
 * the next. false only when out of memory. */
static bool join_run(tqc_suppress *s, note_list *l, const directive *d, const char *msg,
                     size_t stem)
{
    note_run *r = &s->run;
    size_t kl = d->len + 1 + stem;
    if (r->seen && r->key_len == kl && memcmp(r->key, d->text, d->len) == 0 &&
        memcmp(r->key + d->len + 1, msg, stem) == 0)
        return true;
    if (!end_run(s, l) || !tqc_grow((void **)&r->key, &r->key_cap, 0, kl, 1))
        return false;
    memcpy(r->key, d->text, d->len);
    r->key[d->len] = '\0';
    memcpy(r->key + d->len + 1, msg, stem);
    r->key_len = kl;
    return true;
}

/* Holds directive d (described as msg), past RUN_LISTED in its run, as the note of the
 * run's rest: its last so far. */
static bool hold_note(tqc_suppress *s, const directive *d, const char *msg)
{
    note_run *r = &s->run;
    if (!r->held) {
        /* The comment is the same all along the run. */
        if (!(r->held = tqc_malloc(d->len + 1 + NOTE_MESSAGE_MAX)))
            return false;
        memcpy(r->held, d->text, d->len);
        r->held[d->len] = '\0';
        r->first_line = d->line;
    }
    char *m = r->held + d->len + 1;
    snprintf(m, NOTE_MESSAGE_MAX, "%s", msg);
    r->at = (tqc_suppress_note){.offset = d->offset, .len = d->len, .line = d->line,
                                .column = d->column, .line_start = d->line_start,
                                .text = r->held, .message = m};
    return true;
}

/* The notes of the directives of s that did nothing, among those with pick[i] (every one
 * when pick is NULL), in one malloc'd block that holds copies of their comments and
 * their messages too (each as long as it is: a file may end with 200k of them). A run
 * of identical ones (see RUN_LISTED) goes on into the next call; the last (final) ends
 * it. */
static tqc_status make_notes(tqc_suppress *s, const bool *pick, bool final,
                             tqc_suppress_note **notes, size_t *count)
{
    *notes = NULL;
    *count = 0;
    /* Each message is written once, into the list's buffer, then copied: describe's
     * printf calls, made twice a note, were a few per cent of a file of 200,000 unused
     * directives. */
    note_list l = {0};
    char msg[NOTE_MESSAGE_MAX];
    size_t stem;
    bool ok = true;
    for (size_t i = 0; ok && i < s->dn; i++) {
        const directive *d = &s->d[i];
        if ((pick && !pick[i]) || !describe(s, d, msg, sizeof msg, &stem))
            continue;
        if (!(ok = join_run(s, &l, d, msg, stem)))
            break;
        if (++s->run.seen > RUN_LISTED) {
            ok = hold_note(s, d, msg);
        } else {
            ok = list_note(&l, (tqc_suppress_note){.offset = d->offset, .len = d->len,
                                                   .line = d->line, .column = d->column,
                                                   .line_start = d->line_start},
                           i, msg);
        }
    }
    if (ok && final)
        ok = end_run(s, &l);
    size_t bytes = 0;
    for (size_t k = 0; ok && k < l.n; k++)
        bytes += l.src[k].at.len + 1 + strlen(l.buf + l.src[k].msg) + 1;
    tqc_suppress_note *out = ok && l.n ? tqc_malloc(l.n * sizeof *out + bytes) : NULL;
    if (!out) {
        free(l.buf);
        free(l.src);
        return ok && !l.n ? TQC_OK : TQC_ENOMEM;
    }
    char *text = (char *)(out + l.n);
    for (size_t n = 0; n < l.n; n++) {
        const note_src *ns = &l.src[n];
        tqc_suppress_note *note = &out[n];
        *note = ns->at;
        const char *comment = ns->text == SIZE_MAX ? s->d[ns->index].text : l.buf + ns->text;
        memcpy(text, comment, note->len);
        text[note->len] = '\0';
        note->text = text;
        text += note->len + 1;
        size_t ml = strlen(l.buf + ns->msg) + 1;
        memcpy(text, l.buf + ns->msg, ml);
        note->message = text;
        text += ml;
    }
    free(l.buf);
    free(l.src);
    *notes = out;
    *count = l.n;
    return TQC_OK;
}

tqc_status tqc_suppress_unused(tqc_suppress *s, tqc_suppress_note **notes, size_t *count)
{
    return make_notes(s, NULL, true, notes, count);
}

/* Whether directive d can no longer change: every finding still to come starts at file
 * offset `offset` or after, on line `line` or after. */
static bool settled(const tqc_suppress *s, const directive *d, size_t offset, size_t line)
{
    switch (d->kind) {
    case D_BAD:
    case D_ENABLE:
        return true;    /* an enable was judged when it was read */
    case D_WORDS:
        return false;   /* it accepts words to the end of the file */
    case D_NEXT_LINE:
        return d->rule_count && s->r[d->rule_first].start < line;
    case D_DISABLE:
        for (size_t k = d->rule_first; k < d->rule_first + d->rule_count; k++)
            if (s->r[k].end > offset)   /* SIZE_MAX while open */
                return false;
        return true;
    }
    return false;
}

/* Adds to t a copy of directive d of s and its rules, as they stand. */
static tqc_status keep_directive(tqc_suppress *t, const tqc_suppress *s, const directive *d)
{
    if (!tqc_grow((void **)&t->d, &t->dcap, t->dn, 1, sizeof *t->d))
        return TQC_ENOMEM;
    directive *c = &t->d[t->dn];
    *c = *d;
    c->rule_first = t->rn;
    if (!(c->text = copy_text(d->text, d->len, d->word, strlen(d->word))))
        return TQC_ENOMEM;
    c->word = c->text + d->len + 1;
    t->dn++;
    for (size_t k = d->rule_first; k < d->rule_first + d->rule_count; k++) {
        const drule *r = &s->r[k];
        tqc_status st = add_rule(t, r->id, r->id ? strlen(r->id) : 0, r->start);
        if (st != TQC_OK)
            return st;
        drule *nr = &t->r[t->rn - 1];
        nr->known = r->known;
        nr->end = r->end;
        nr->used = r->used;
        size_t nk = t->rn - 1;
        if (d->kind == D_DISABLE || d->kind == D_NEXT_LINE)
            st = file_rule(t, nk, d->kind);
        if (st == TQC_OK && d->kind == D_DISABLE && r->end == SIZE_MAX)
            st = open_region(t, nk);
        if (st == TQC_OK && d->kind == D_WORDS)
            st = file_word(t, nk);
        if (st != TQC_OK)
            return st;
    }
    return TQC_OK;
}

/* Smallest number of directives worth a look by tqc_suppress_settle. */
#define SETTLE_MIN 64

tqc_status tqc_suppress_settle(tqc_suppress *s, size_t offset, size_t line, bool want_notes,
                               tqc_suppress_note **notes, size_t *count)
{
    *notes = NULL;
    *count = 0;
    /* Looked at when the directives have doubled since: linear in all. */
    if (s->dn < SETTLE_MIN || s->dn < s->settle_at || s->d_unsorted)
        return TQC_OK;
    bool *pick = tqc_calloc(s->dn, sizeof *pick);
    if (!pick)
        return TQC_ENOMEM;
    size_t final = 0;
    for (size_t i = 0; i < s->dn; i++)
        final += pick[i] = settled(s, &s->d[i], offset, line);
    tqc_status st = TQC_OK;
    tqc_suppress *t = NULL;
    if (final && want_notes)
        st = make_notes(s, pick, false, notes, count);
    if (st == TQC_OK && final && !(t = tqc_suppress_new()))
        st = TQC_ENOMEM;
    for (size_t i = 0; st == TQC_OK && t && i < s->dn; i++)
        if (!pick[i])
            st = keep_directive(t, s, &s->d[i]);
    free(pick);
    if (st != TQC_OK) {
        tqc_suppress_free(t);
        free(*notes);
        *notes = NULL;
        *count = 0;
        return st;
    }
    if (t) {
        /* t replaces s's contents; s's old ones go with t's shell. */
        tqc_suppress old = *s;
        *s = *t;
        s->run = old.run;   /* the run of identical notes goes on */
        old.run = (note_run){0};
        *t = old;
        tqc_suppress_free(t);
    }
    s->settle_at = 2 * s->dn;
    return TQC_OK;
}
