/* baseline: reading, matching, pruning and writing baseline files (see run/baseline.h). */
#include "run/baseline.h"
#include "core/alloc.h"
#include "core/io.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct bentry {
    uint64_t fp;
    char *rule, *path, *text;
    bool matched;
} bentry;

struct tqc_baseline {
    bentry *e;
    size_t count, cap;
    bool sorted;            /* by (path, fp, rule), for tqc_baseline_match */
};

tqc_baseline *tqc_baseline_new(void) { return tqc_calloc(1, sizeof(tqc_baseline)); }

void tqc_baseline_free(tqc_baseline *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->count; i++) {
        free(b->e[i].rule);
        free(b->e[i].path);
        free(b->e[i].text);
    }
    free(b->e);
    free(b);
}

size_t tqc_baseline_count(const tqc_baseline *b) { return b->count; }

static tqc_status push(tqc_baseline *b, uint64_t fp, char *rule, char *path, char *text)
{
    if (!rule || !path || !text || (b->count == b->cap && b->cap > SIZE_MAX / 2 / sizeof *b->e))
        goto fail;
    if (b->count == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        bentry *e = tqc_realloc(b->e, cap * sizeof *e);
        if (!e)
            goto fail;
        b->e = e;
        b->cap = cap;
    }
    b->e[b->count++] = (bentry){fp, rule, path, text, false};
    b->sorted = false;
    return TQC_OK;
fail:
    free(rule);
    free(path);
    free(text);
    return TQC_ENOMEM;
}

/* Folds white space and control characters to single spaces, trims, and cuts at
 * TQC_BASELINE_TEXT_MAX bytes on a character boundary. */
static char *fold_text(const char *s, size_t n)
{
    char *out = tqc_malloc(TQC_BASELINE_TEXT_MAX + 4);
    if (!out)
        return NULL;
    size_t len = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == ' ' || c == 0x7F) {
            space = len > 0;
            continue;
        }
        if (space) {
            if (len >= TQC_BASELINE_TEXT_MAX)
                break;
            out[len++] = ' ';
            space = false;
        }
        if (len >= TQC_BASELINE_TEXT_MAX) {
            if ((c & 0xC0) == 0x80) { /* mid-character: drop its first bytes too */
                while (len > 0 && ((unsigned char)out[len - 1] & 0xC0) == 0x80)
                    len--;
                if (len > 0)
                    len--;
            }
            memcpy(out + len, "...", 3);
            len += 3;
            break;
        }
        out[len++] = (char)c;
    }
    out[len] = '\0';
    return out;
}

tqc_status tqc_baseline_add(tqc_baseline *b, uint64_t fingerprint, const char *rule,
                            const char *path, const char *text, size_t len)
{
    return push(b, fingerprint, tqc_strndup(rule, strlen(rule)), tqc_strndup(path, strlen(path)),
                fold_text(text, len));
}

/* ---- the file ------------------------------------------------------------------ */

/* Unescapes s[0, n) into a new string; NULL with *bad set on a bad escape. */
static char *unescape(const char *s, size_t n, bool *bad)
{
    char *out = tqc_malloc(n + 1);
    if (!out)
        return NULL;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\') {
            out[len++] = s[i];
            continue;
        }
        char c = ++i < n ? s[i] : '\0';
        switch (c) {
        case '\\': out[len++] = '\\'; break;
        case 't': out[len++] = '\t'; break;
        case 'n': out[len++] = '\n'; break;
        case 'r': out[len++] = '\r'; break;
        default:
            free(out);
            *bad = true;
            return NULL;
        }
    }
    out[len] = '\0';
    return out;
}

static tqc_status bad_line(const char *name, size_t line, const char *what, char *err,
                           size_t errlen)
{
    snprintf(err, errlen, "%s:%zu: %s", name, line, what);
    return TQC_EINPUT;
}

static tqc_status parse_entry(tqc_baseline *b, const char *name, size_t lineno, const char *s,
                              size_t n, char *err, size_t errlen)
{
    const char *field[4];
    size_t flen[4], nf = 0;
    for (size_t i = 0, start = 0; i <= n && nf < 4; i++)
        if (i == n || (s[i] == '\t' && nf < 3)) {
            field[nf] = s + start;
            flen[nf++] = i - start;
            start = i + 1;
        }
    if (nf != 4)
        return bad_line(name, lineno, "expected fingerprint<TAB>rule<TAB>path<TAB>text", err,
                        errlen);
    uint64_t fp = 0;
    bool hex_ok = flen[0] == 16;
    for (size_t i = 0; hex_ok && i < 16; i++) {
        char c = field[0][i];
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        hex_ok = v >= 0;
        fp = fp << 4 | (uint64_t)(v & 0xF);
    }
    if (!hex_ok)
        return bad_line(name, lineno, "the fingerprint is not 16 lower-case hex digits", err,
                        errlen);
    if (flen[1] == 0 || flen[2] == 0)
        return bad_line(name, lineno, "empty rule or path", err, errlen);
    bool bad = false;
    char *path = unescape(field[2], flen[2], &bad);
    char *text = path ? unescape(field[3], flen[3], &bad) : NULL;
    if (bad) {
        free(path);
        free(text);
        return bad_line(name, lineno, "unknown escape (\\\\ \\t \\n \\r only)", err, errlen);
    }
    tqc_status st = push(b, fp, tqc_strndup(field[1], flen[1]), path, text);
    if (st != TQC_OK)
        snprintf(err, errlen, "%s: out of memory", name);
    return st;
}

tqc_status tqc_baseline_parse(const char *name, const char *text, size_t len,
                              tqc_baseline **out, char *err, size_t errlen)
{
    *out = NULL;
    tqc_baseline *b = tqc_baseline_new();
    if (!b) {
        snprintf(err, errlen, "%s: out of memory", name);
        return TQC_ENOMEM;
    }
    tqc_status st = TQC_OK;
    size_t lineno = 0;
    for (size_t i = 0; st == TQC_OK && i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        const char *s = text + i;
        i += n + 1;
        lineno++;
        if (n && s[n - 1] == '\r')
            n--;
        size_t hl = strlen(TQC_BASELINE_HEADER);
        if (lineno == 1) {
            if (n < hl || memcmp(s, TQC_BASELINE_HEADER, hl) != 0)
                st = bad_line(name, 1, "not a tqc baseline (the first line must be '"
                              TQC_BASELINE_HEADER "')", err, errlen);
            continue;
        }
        if (n == 0 || s[0] == '#')
            continue;
        if (memchr(s, '\0', n))
            st = bad_line(name, lineno, "NUL byte", err, errlen);
        else
            st = parse_entry(b, name, lineno, s, n, err, errlen);
    }
    if (st == TQC_OK && lineno == 0)
        st = bad_line(name, 1, "empty file, not a tqc baseline", err, errlen);
    if (st != TQC_OK) {
        tqc_baseline_free(b);
        return st;
    }
    *out = b;
    return TQC_OK;
}

static tqc_status parse_baseline(const char *path, const char *text, size_t len, void *out,
                                 char *err, size_t errlen)
{
    return tqc_baseline_parse(path, text, len, out, err, errlen);
}

tqc_status tqc_baseline_load(const char *path, tqc_baseline **out, char *err, size_t errlen)
{
    *out = NULL;
    return tqc_io_parse_file(path, TQC_BASELINE_MAX_BYTES, "baseline", parse_baseline, out,
                             err, errlen);
}

/* ---- matching ------------------------------------------------------------------ */

static int cmp_key(const char *path, uint64_t fp, const char *rule, const bentry *e)
{
    int c = strcmp(path, e->path);
    if (c)
        return c;
    if (fp != e->fp)
        return fp < e->fp ? -1 : 1;
    return strcmp(rule, e->rule);
}

static int cmp_entry(const void *a, const void *b)
{
    const bentry *x = a;
    return cmp_key(x->path, x->fp, x->rule, b);
}

/* The index of the first entry for (path, rule, fingerprint), or of where it would be. */
static size_t first_entry(tqc_baseline *b, const char *path, const char *rule,
                          uint64_t fingerprint)
{
    if (!b->sorted) {
        if (b->count)
            qsort(b->e, b->count, sizeof *b->e, cmp_entry);
        b->sorted = true;
    }
    size_t lo = 0, hi = b->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_key(path, fingerprint, rule, &b->e[mid]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool tqc_baseline_match(tqc_baseline *b, const char *path, const char *rule,
                        uint64_t fingerprint)
{
    for (size_t i = first_entry(b, path, rule, fingerprint);
         i < b->count && cmp_key(path, fingerprint, rule, &b->e[i]) == 0; i++)
        if (!b->e[i].matched) {
            b->e[i].matched = true;
            return true;
        }
    return false;
}

bool tqc_baseline_holds(tqc_baseline *b, const char *path, const char *rule,
                        uint64_t fingerprint)
{
    size_t i = first_entry(b, path, rule, fingerprint);
    return i < b->count && cmp_key(path, fingerprint, rule, &b->e[i]) == 0;
}

size_t tqc_baseline_prune(tqc_baseline *b, bool (*keep)(const char *path, void *ctx), void *ctx)
{
    size_t kept = 0, dropped = 0;
    for (size_t i = 0; i < b->count; i++) {
        bentry *e = &b->e[i];
        if (!e->matched && !keep(e->path, ctx)) {
            free(e->rule);
            free(e->path);
            free(e->text);
            dropped++;
            continue;
        }
        b->e[kept++] = *e;
    }
    b->count = kept;
    return dropped;
}

/* ---- writing ------------------------------------------------------------------- */

static void put_escaped(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\\': fputs("\\\\", out); break;
        case '\t': fputs("\\t", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        default: fputc(*s, out); break;
        }
    }
}

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

tqc_status tqc_baseline_format(const tqc_baseline *b, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    /* Each entry is formatted alone, then the lines are sorted bytewise. */
    char **lines = tqc_calloc(b->count ? b->count : 1, sizeof *lines);
    if (!lines)
        return TQC_ENOMEM;
    tqc_status st = TQC_OK;
    for (size_t i = 0; st == TQC_OK && i < b->count; i++) {
        size_t n = 0;
        FILE *m = open_memstream(&lines[i], &n);
        if (!m) {
            st = TQC_ENOMEM;
            break;
        }
        const bentry *e = &b->e[i];
        fprintf(m, "%016" PRIx64 "\t", e->fp);
        put_escaped(m, e->rule);
        fputc('\t', m);
        put_escaped(m, e->path);
        fputc('\t', m);
        put_escaped(m, e->text);
        if (fclose(m) != 0 || !lines[i])
            st = TQC_ENOMEM;
    }
    if (st == TQC_OK && b->count)
        qsort(lines, b->count, sizeof *lines, cmp_line);
    char *buf = NULL;
    size_t n = 0;
    FILE *m = st == TQC_OK ? open_memstream(&buf, &n) : NULL;
    if (m) {
        fputs(TQC_BASELINE_HEADER "\n"
              "# fingerprint<TAB>rule<TAB>path<TAB>text, sorted; made by `tqc baseline create`,\n"
              "# read by `tqc check --baseline`. Paths are relative to this file's folder.\n", m);
        for (size_t i = 0; i < b->count; i++) {
            fputs(lines[i], m);
            fputc('\n', m);
        }
        if (fclose(m) != 0 || !buf)
            st = TQC_ENOMEM;
    } else {
        st = TQC_ENOMEM;
    }
    for (size_t i = 0; i < b->count; i++)
        free(lines[i]);
    free(lines);
    if (st != TQC_OK) {
        free(buf);
        return st;
    }
    *out = buf;
    *len = n;
    return TQC_OK;
}
