/* suppress: finds tqc-disable / tqc-enable / tqc-disable-next-line comments in raw source
 * bytes, answers whether a finding is covered, and lists the directives that did
 * nothing (see suppress.h). */
#include "suppress.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pass.h"

typedef enum dkind { D_DISABLE, D_ENABLE, D_NEXT_LINE, D_WORDS, D_BAD } dkind;

typedef struct directive {
    dkind kind;
    size_t offset, len;     /* the whole comment, `<!--` to `-->` */
    size_t line, column;    /* 1-based, of `<!--` */
    size_t line_start;      /* file offset where its line begins, 0 when unknown */
    char *text;             /* copy of the comment */
    char *word;             /* the directive as written (`tqc-disable`...) */
    size_t rule_first, rule_count;
} directive;

/* One rule a directive names (id NULL: every rule), or for tqc-words one word it
 * accepts. For tqc-disable, a region of file
 * offsets [start, end) (end SIZE_MAX while no tqc-enable ended it); for
 * tqc-disable-next-line, start is the line it covers. */
typedef struct drule {
    char *id;
    bool known;
    size_t start, end;
    bool used;              /* covered a finding (disable) or ended a region (enable) */
} drule;

struct tqc_suppress {
    directive *d;
    size_t dn, dcap;
    drule *r;
    size_t rn, rcap;
};

tqc_suppress *tqc_suppress_new(void) { return calloc(1, sizeof(tqc_suppress)); }

void tqc_suppress_free(tqc_suppress *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->dn; i++) {
        free(s->d[i].text);
        free(s->d[i].word);
    }
    for (size_t i = 0; i < s->rn; i++)
        free(s->r[i].id);
    free(s->d);
    free(s->r);
    free(s);
}

size_t tqc_suppress_count(const tqc_suppress *s) { return s->dn; }

static char *dup_n(const char *p, size_t n)
{
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, p, n);
        c[n] = '\0';
    }
    return c;
}

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

static bool rule_known(const char *id)
{
    return tqc_pass_find(id) != NULL || strcmp(id, TQC_SUPPRESS_RULE) == 0;
}

static tqc_status add_rule(tqc_suppress *s, const char *id, size_t n, size_t start)
{
    if (s->rn == s->rcap) {
        size_t cap = s->rcap ? s->rcap * 2 : 8;
        drule *r = realloc(s->r, cap * sizeof *r);
        if (!r)
            return TQC_ENOMEM;
        s->r = r;
        s->rcap = cap;
    }
    drule *r = &s->r[s->rn];
    *r = (drule){.start = start, .end = SIZE_MAX, .known = true};
    if (id && !(r->id = dup_n(id, n)))
        return TQC_ENOMEM;
    if (id)
        r->known = rule_known(r->id);
    s->rn++;
    return TQC_OK;
}

/* Ends the open tqc-disable regions an enable for id (NULL: every region) ends, at offset. */
static bool end_regions(tqc_suppress *s, const char *id, size_t offset)
{
    bool any = false;
    for (size_t i = 0; i < s->dn; i++) {
        const directive *d = &s->d[i];
        if (d->kind != D_DISABLE)
            continue;
        for (size_t k = d->rule_first; k < d->rule_first + d->rule_count; k++) {
            drule *r = &s->r[k];
            if (r->end == SIZE_MAX && (!id || (r->id && strcmp(r->id, id) == 0))) {
                r->end = offset;
                any = true;
            }
        }
    }
    return any;
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
        directive *d = realloc(s->d, cap * sizeof *d);
        if (!d)
            return TQC_ENOMEM;
        s->d = d;
        s->dcap = cap;
    }
    directive *d = &s->d[s->dn];
    *d = (directive){.kind = kind, .offset = offset, .len = clen, .line = line,
                     .column = column, .line_start = line_start, .text = dup_n(comment, clen),
                     .word = dup_n(body, wl), .rule_first = s->rn};
    if (!d->text || !d->word) {
        free(d->text);
        free(d->word);
        return TQC_ENOMEM;
    }
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
        for (size_t k = d->rule_first; k < s->rn; k++)
            s->r[k].known = true;
    if (kind == D_ENABLE)
        for (size_t k = d->rule_first; k < s->rn; k++)
            s->r[k].used = end_regions(s, s->r[k].id, offset);
    return TQC_OK;
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

/* Plain text: a directive is a line of its own: blanks, `<!-- ... -->`, blanks. */
static tqc_status scan_text(tqc_suppress *s, const char *src, size_t len, tqc_suppress_pos pos)
{
    size_t line = pos.line;
    for (size_t i = 0; i < len; line++) {
        const char *p = src + i;
        const char *nl = memchr(p, '\n', len - i);
        size_t n = nl ? (size_t)(nl - p) : len - i;
        size_t lead = 0;
        if (pos.offset + i == 0 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
            lead = 3; /* a BOM before the first line */
        while (lead < n && (p[lead] == ' ' || p[lead] == '\t'))
            lead++;
        size_t end = n;
        while (end > lead && is_blank(p[end - 1]))
            end--;
        if (end - lead >= 7 && memcmp(p + lead, "<!--", 4) == 0 &&
            memcmp(p + end - 3, "-->", 3) == 0) {
            const char *body = p + lead + 4;
            const char *close = find(body, p + end, "-->");
            if (close == p + end - 3) {
                size_t col = (i == 0 ? pos.column : 0) + count_chars(p, lead) + 1;
                /* A piece starting mid-line (a chunk cut in a huge line) hides where it began. */
                size_t ls = i == 0 && pos.column ? 0 : pos.offset + i;
                tqc_status st = add_directive(s, body, (size_t)(close - body), p + lead,
                                              end - lead, pos.offset + i + lead, line, col, ls,
                                              line);
                if (st != TQC_OK)
                    return st;
            }
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

/* The tqc-disable / next-line rules covering one rule name (n bytes) at (offset, line);
 * marks them used when mark. */
static bool covered(tqc_suppress *s, const char *rule, size_t n, size_t offset, size_t line,
                    bool mark)
{
    bool hit = false;
    for (size_t i = 0; i < s->dn; i++) {
        const directive *d = &s->d[i];
        if (d->kind != D_DISABLE && d->kind != D_NEXT_LINE)
            continue;
        for (size_t k = d->rule_first; k < d->rule_first + d->rule_count; k++) {
            drule *r = &s->r[k];
            if (r->id && (strlen(r->id) != n || memcmp(r->id, rule, n) != 0))
                continue;
            bool in = d->kind == D_DISABLE ? offset >= r->start && offset < r->end
                                           : line == r->start;
            if (in) {
                hit = true;
                r->used |= mark;
            }
        }
    }
    return hit;
}

bool tqc_suppress_covers(tqc_suppress *s, const char *rule, const char *also, size_t offset,
                         size_t line)
{
    for (size_t i = 0; i < s->dn; i++)
        if (offset >= s->d[i].offset && offset < s->d[i].offset + s->d[i].len)
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
    bool hit = false;
    for (size_t i = 0; i < s->dn; i++) {
        const directive *d = &s->d[i];
        for (size_t k = d->rule_first; d->kind == D_WORDS && k < d->rule_first + d->rule_count; k++)
            if (strlen(s->r[k].id) == n && memcmp(s->r[k].id, word, n) == 0)
                hit = s->r[k].used = true;
    }
    return hit;
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

/* Appends "'a', 'b'" for the rules of d that are unknown (want_known false) or unused. */
static size_t list_rules(const tqc_suppress *s, const directive *d, bool want_known, char *buf,
                         size_t cap)
{
    size_t count = 0;
    for (size_t k = d->rule_first; k < d->rule_first + d->rule_count; k++) {
        const drule *r = &s->r[k];
        if (!r->id || r->known != want_known || (want_known && r->used))
            continue;
        append(buf, cap, "%s'%s'", count++ ? ", " : "", r->id);
    }
    return count;
}

/* Writes what is wrong with d into msg; false when nothing is. */
static bool describe(const tqc_suppress *s, const directive *d, char *msg, size_t cap)
{
    msg[0] = '\0';
    if (d->kind == D_BAD) {
        append(msg, cap, "unknown directive '%s' (tqc-disable, tqc-enable, "
               "tqc-disable-next-line or tqc-words)", d->word);
        return true;
    }
    if (d->kind == D_WORDS) {
        char unused[160] = "";
        if (d->rule_count == 0)
            append(msg, cap, "%s names no word", d->word);
        else if (list_rules(s, d, true, unused, sizeof unused))
            append(msg, cap, "%s %s accepted no flagged word", d->word, unused);
        return msg[0] != '\0';
    }
    const drule *first = &s->r[d->rule_first];
    char unknown[160] = "", unused[160] = "";
    size_t n_unknown = list_rules(s, d, false, unknown, sizeof unknown);
    size_t n_unused = list_rules(s, d, true, unused, sizeof unused);
    bool all_unused = !first->id && !first->used;
    if (!n_unknown && !n_unused && !all_unused)
        return false;
    append(msg, cap, "%s", d->word);
    if (n_unknown)
        append(msg, cap, " names unknown rule%s %s%s", n_unknown > 1 ? "s" : "", unknown,
               n_unused ? ";" : "");
    if (n_unused || all_unused) {
        if (n_unused)
            append(msg, cap, " %s", unused);
        if (d->kind == D_ENABLE)
            append(msg, cap, " ends no tqc-disable");
        else if (d->kind == D_NEXT_LINE)
            append(msg, cap, " suppressed nothing on line %zu", first->start);
        else
            append(msg, cap, " suppressed nothing");
    }
    return true;
}

tqc_status tqc_suppress_unused(const tqc_suppress *s, tqc_suppress_note **notes, size_t *count)
{
    *notes = NULL;
    *count = 0;
    if (s->dn == 0)
        return TQC_OK;
    tqc_suppress_note *out = malloc(s->dn * sizeof *out);
    if (!out)
        return TQC_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < s->dn; i++) {
        const directive *d = &s->d[i];
        tqc_suppress_note *note = &out[n];
        if (!describe(s, d, note->message, sizeof note->message))
            continue;
        note->offset = d->offset;
        note->len = d->len;
        note->line = d->line;
        note->column = d->column;
        note->line_start = d->line_start;
        note->text = d->text;
        n++;
    }
    if (n == 0) {
        free(out);
        return TQC_OK;
    }
    *notes = out;
    *count = n;
    return TQC_OK;
}
