/* read_jsonl: JSON Lines, one doc a record: {"id", "text", "lang"?, "source"?,
 * "source_lang"?}. `id` (a string or a number) becomes doc->segment; `source` becomes
 * doc->source in source_lang. `target` is taken for `text` when there is no `text`
 * (the field name of MT evaluation sets). Other fields are skipped.
 * Each line is parsed by jansson (json_loadb), tqc's one JSON library: it decides
 * whether the record is valid JSON (RFC 8259; a bad line is its own error, with its
 * line and column) and gives the short fields. jansson gives no byte offsets, and a
 * finding must point into the line, so a small scan (find_members below) walks the
 * record jansson accepted to find the raw bytes of the "text" and "source" strings (and
 * of a numeric id, kept as written), and decode_string decodes them with the map: each
 * unescaped run of a string at its exact column, each escape at its backslash. The file
 * streams a record at a time (bounded by TQC_INPUT_MAX_RECORD). */
#include "read/input_priv.h"

#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/strmap.h"
#include "core/text.h"

/* Short string fields (id, languages) longer than this are not what they claim. */
#define JSONL_MAX_FIELD 256
/* Bytes read from the file at a time. */
#define JSONL_BLOCK 65536

typedef struct jsonl {
    FILE *f;
    char *buf;              /* buf[start, len) is read but not yet parsed */
    size_t start, len, cap;
    bool eof;
    size_t off;             /* file offset of buf[start] */
    size_t line;            /* 0-based line of buf[start] */
    tqc_tb text, source;
    tqc_strmap *ids;        /* id -> 1-based line of its first record */
} jsonl;

/* A member's value in the record's bytes: s[start, end) (a string: inside its quotes). */
typedef struct member {
    size_t start, end;
    bool found;
} member;

/* One record being read. */
typedef struct rec {
    const char *s;
    size_t len;
    size_t line_off, line; /* the record's file offset and 0-based line */
    tqc_srcpos cur;        /* position of s[cur.off - line_off], moved forward */
    char err[256];
    size_t err_at;         /* byte in s where the error is */
    /* Fields read. */
    char id[JSONL_MAX_FIELD], lang[JSONL_MAX_FIELD], source_lang[JSONL_MAX_FIELD];
    bool has_id, has_lang, has_source_lang, has_source;
    member text, target, source, id_raw;
    bool text_is_target;
    tqc_srcpos text_at, source_at;
} rec;

static tqc_srcpos pos_at(rec *r, size_t i)
{
    size_t off = r->line_off + i;
    if (off < r->cur.off)
        r->cur = (tqc_srcpos){r->line_off, r->line, 0, r->line ? r->line_off : 0};
    tqc_srcpos_advance(&r->cur, r->s + (r->cur.off - r->line_off), off - r->cur.off);
    return r->cur;
}

static bool fail(rec *r, size_t at, const char *msg)
{
    snprintf(r->err, sizeof r->err, "%s", msg);
    r->err_at = at;
    return false;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
}

static uint32_t hex4(const char *p)
{
    return (uint32_t)(hexval(p[0]) << 12 | hexval(p[1]) << 8 | hexval(p[2]) << 4 | hexval(p[3]));
}

/* Decodes the string s[start, end) (inside its quotes) of a record jansson accepted: to
 * tb with the map when tb is not NULL, else to small[cap] (NUL-terminated; false when
 * it does not fit). */
static bool decode_string(rec *r, size_t start, size_t end, tqc_tb *tb, char *small, size_t cap)
{
    size_t i = start, run = start, n_small = 0;
    for (;;) {
        const char *bs = memchr(r->s + i, '\\', end - i);
        i = bs ? (size_t)(bs - r->s) : end;
        if (i > run) {  /* a raw run */
            if (tb) {
                tqc_tb_append(tb, r->s + run, i - run, pos_at(r, run), true);
            } else {
                if (n_small + (i - run) >= cap)
                    return false;
                memcpy(small + n_small, r->s + run, i - run);
                n_small += i - run;
            }
        }
        if (i >= end)
            break;
        size_t esc = i;
        char out[8];
        size_t n = 1;
        switch (r->s[i + 1]) {
        case 'b': out[0] = '\b'; break;
        case 'f': out[0] = '\f'; break;
        case 'n': out[0] = '\n'; break;
        case 'r': out[0] = '\r'; break;
        case 't': out[0] = '\t'; break;
        case 'u': {
            uint32_t cp = hex4(r->s + i + 2);
            i += 4;
            /* jansson refuses a lone surrogate: a high one is followed by its low one. */
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(r->s + i + 4) - 0xDC00);
                i += 6;
            } else if (cp == 0) {
                cp = 0xFFFD;    /* NUL would end C strings */
            }
            n = tqc_text_encode((int32_t)cp, out);
            break;
        }
        default: out[0] = r->s[i + 1]; break;   /* '"', '\\', '/' */
        }
        i += 2;
        if (tb) {
            tqc_tb_append(tb, out, n, pos_at(r, esc), false);
        } else {
            if (n_small + n >= cap)
                return false;
            memcpy(small + n_small, out, n);
            n_small += n;
        }
        run = i;
    }
    if (!tb)
        small[n_small] = '\0';
    return true;
}

static size_t skip_ws(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i;
}

/* The end of the string whose opening quote is s[i]: the index of its closing quote.
 * jansson accepted the record, so a quote ends the string unless an odd run of
 * backslashes comes before it: memchr jumps from quote to quote (a text holds few). */
static size_t string_end(const char *s, size_t len, size_t i)
{
    for (i++; i < len;) {
        const char *q = memchr(s + i, '"', len - i);
        if (!q)
            return len;
        size_t at = (size_t)(q - s), k = at;
        while (k > i && s[k - 1] == '\\')
            k--;
        if ((at - k) % 2 == 0)
            return at;
        i = at + 1;
    }
    return len;
}

/* The end of the value at s[i] (valid JSON), or SIZE_MAX when it nests deeper than
 * TQC_INPUT_MAX_DEPTH. */
static size_t value_end(const char *s, size_t len, size_t i)
{
    size_t depth = 0;
    do {
        if (s[i] == '"') {
            i = string_end(s, len, i) + 1;
            continue;
        }
        if (s[i] == '{' || s[i] == '[') {
            if (++depth > TQC_INPUT_MAX_DEPTH)
                return SIZE_MAX;
        } else if (s[i] == '}' || s[i] == ']') {
            depth--;
        } else if (depth == 0) {    /* a number or a literal */
            while (i < len && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
                   s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
                i++;
            return i;
        }
        i++;
    } while (depth > 0 && i < len);
    return i;
}

/* Walks the top-level object jansson accepted and notes where the members tqc needs
 * the bytes of are (the last of a repeated key, as jansson keeps it). */
static bool find_members(rec *r)
{
    const char *s = r->s;
    size_t i = skip_ws(s, r->len, 0) + 1;   /* past '{' */
    for (;;) {
        i = skip_ws(s, r->len, i);
        if (i >= r->len || s[i] != '"')
            return true;    /* '}' */
        size_t key_end = string_end(s, r->len, i);
        char key[16];
        /* A key with an escape is compared decoded, as jansson does. */
        if (!decode_string(r, i + 1, key_end, NULL, key, sizeof key))
            key[0] = '\0';
        i = skip_ws(s, r->len, skip_ws(s, r->len, key_end + 1) + 1);   /* past ':' */
        size_t end = value_end(s, r->len, i);
        if (end == SIZE_MAX)
            return fail(r, i, "nested too deep");
        member m = {i, end, true};
        if (s[i] == '"')
            m = (member){i + 1, end - 1, true};
        if (strcmp(key, "text") == 0)
            r->text = m;
        else if (strcmp(key, "target") == 0)
            r->target = m;
        else if (strcmp(key, "source") == 0)
            r->source = m;
        else if (strcmp(key, "id") == 0)
            r->id_raw = m;
        i = skip_ws(s, r->len, end);
        if (i < r->len && s[i] == ',')
            i++;
    }
}

/* A short string field into out[JSONL_MAX_FIELD]; false when too long. */
static bool short_field(rec *r, json_t *v, char *out, size_t at)
{
    size_t n = json_string_length(v);
    if (n >= JSONL_MAX_FIELD)
        return fail(r, at, "string field too long");
    memcpy(out, json_string_value(v), n + 1);
    return true;
}

/* The record in r->s: parsed by jansson, its text and source found and decoded into
 * j->text and j->source. */
static bool parse_record(rec *r, jsonl *j)
{
    json_error_t e;
    /* Any value, so that an array gets the clear message below; a \u0000 is taken (it
     * becomes U+FFFD, as NUL would end C strings). */
    json_t *root = json_loadb(r->s, r->len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
    if (!root)
        return fail(r, e.position > 0 && (size_t)e.position <= r->len ? (size_t)e.position - 1 : 0,
                    e.text);
    bool ok = false;
    if (!json_is_object(root)) {
        fail(r, skip_ws(r->s, r->len, 0), "a record must be a JSON object");
        goto out;
    }
    if (!find_members(r))
        goto out;
    json_t *text = json_object_get(root, "text"), *source = json_object_get(root, "source");
    if (text && !json_is_string(text) && !json_is_null(text)) {
        fail(r, r->text.start, "\"text\" must be a string");
        goto out;
    }
    if (source && !json_is_string(source) && !json_is_null(source)) {
        fail(r, r->source.start, "\"source\" must be a string");
        goto out;
    }
    r->text_is_target = !json_is_string(text);
    if (r->text_is_target && !json_is_string(json_object_get(root, "target"))) {
        fail(r, 0, "record without \"text\"");
        goto out;
    }
    json_t *id = json_object_get(root, "id"), *lang = json_object_get(root, "lang"),
           *source_lang = json_object_get(root, "source_lang");
    if (json_is_string(id)) {
        if (!(r->has_id = short_field(r, id, r->id, r->id_raw.start)))
            goto out;
    } else if (json_is_number(id)) {   /* as written: 7, 1e3 */
        size_t n = r->id_raw.end - r->id_raw.start;
        if (n >= JSONL_MAX_FIELD) {
            fail(r, r->id_raw.start, "number too long");
            goto out;
        }
        memcpy(r->id, r->s + r->id_raw.start, n);
        r->id[n] = '\0';
        r->has_id = true;
    }
    if (json_is_string(lang) && !(r->has_lang = short_field(r, lang, r->lang, 0)))
        goto out;
    if (json_is_string(source_lang) &&
        !(r->has_source_lang = short_field(r, source_lang, r->source_lang, 0)))
        goto out;
    member t = r->text_is_target ? r->target : r->text;
    r->text_at = pos_at(r, t.start);
    decode_string(r, t.start, t.end, &j->text, NULL, 0);
    if ((r->has_source = json_is_string(source))) {
        r->source_at = pos_at(r, r->source.start);
        decode_string(r, r->source.start, r->source.end, &j->source, NULL, 0);
    }
    ok = true;
out:
    json_decref(root);
    return ok;
}

/* ---- the reader ---- */

static tqc_status jsonl_open(tqc_input *in, char *err, size_t errlen)
{
    jsonl *j = tqc_calloc(1, sizeof *j);
    if (!j)
        return TQC_ENOMEM;
    in->state = j;
    tqc_tb_init(&j->text, 0);
    tqc_tb_init(&j->source, 0);
    if (!(j->ids = tqc_strmap_new()))
        return TQC_ENOMEM;
    j->f = tqc_input_fopen(in, err, errlen);
    return j->f ? TQC_OK : TQC_EIO;
}

/* The next line in *line (without its '\n'), *n its length; false at the end. */
static tqc_status next_line(tqc_input *in, jsonl *j, const char **line, size_t *n,
                            char *err, size_t errlen)
{
    for (;;) {
        char *nl = j->len > j->start ? memchr(j->buf + j->start, '\n', j->len - j->start)
                                     : NULL;
        if (nl || (j->eof && j->len > j->start)) {
            *line = j->buf + j->start;
            *n = nl ? (size_t)(nl - *line) : j->len - j->start;
            return TQC_OK;
        }
        if (j->eof) {
            *line = NULL;
            return TQC_OK;
        }
        if (j->len - j->start > TQC_INPUT_MAX_RECORD) {
            tqc_input_error(in, err, errlen, j->line + 1, 0, "record longer than %zu MiB",
                            TQC_INPUT_MAX_RECORD >> 20);
            return TQC_ELIMIT;
        }
        if (j->start) {
            memmove(j->buf, j->buf + j->start, j->len - j->start);
            j->len -= j->start;
            j->start = 0;
        }
        if (j->cap - j->len < JSONL_BLOCK) {
            size_t ncap = j->cap ? j->cap * 2 : JSONL_BLOCK * 2;
            char *b = tqc_realloc(j->buf, ncap);
            if (!b)
                return TQC_ENOMEM;
            j->buf = b;
            j->cap = ncap;
        }
        size_t got = fread(j->buf + j->len, 1, j->cap - j->len, j->f);
        j->len += got;
        if (got == 0) {
            if (ferror(j->f)) {
                tqc_input_error(in, err, errlen, 0, 0, "read error: %s", strerror(errno));
                return TQC_EIO;
            }
            j->eof = true;
        }
    }
}

static tqc_status make_docs(tqc_input *in, jsonl *j, rec *r, tqc_doc **out, char *err,
                            size_t errlen)
{
    if (r->has_lang && r->lang[0] && !tqc_input_same_lang(r->lang, in->lang)) {
        tqc_input_error(in, err, errlen, r->line + 1, 0,
                        "record in language '%s', but the check is for '%s' (--lang)",
                        r->lang, in->lang);
        return TQC_EINPUT;
    }
    const char *seg = r->has_id ? r->id : NULL;
    /* Two records with one id cannot both be the segment a finding names. */
    uint64_t first;
    if (seg && tqc_strmap_get(j->ids, seg, strlen(seg), &first))
        tqc_input_error(in, in->warning, sizeof in->warning, r->line + 1, 0,
                        "duplicate id '%s' (first on line %llu)", seg, (unsigned long long)first);
    else if (seg && !tqc_strmap_put(j->ids, seg, strlen(seg), r->line + 1))
        return TQC_ENOMEM;
    const char *lang = r->has_lang && r->lang[0] ? r->lang : in->lang;
    tqc_doc *doc;
    tqc_status st = tqc_tb_finish(&j->text, in->name, lang, seg, r->text_at, &doc);
    if (st == TQC_OK && r->has_source) {
        st = tqc_tb_finish(&j->source, in->name, r->has_source_lang ? r->source_lang : "",
                           seg, r->source_at, &doc->source);
        if (st != TQC_OK)
            tqc_doc_free(doc);
    }
    tqc_tb_reset(&j->source);
    if (st == TQC_OK)
        *out = doc;
    else if (st == TQC_ELIMIT)
        tqc_input_error(in, err, errlen, r->line + 1, 0, "text longer than %zu MiB",
                        TQC_INPUT_MAX_RECORD >> 20);
    return st;
}

static tqc_status jsonl_next(tqc_input *in, tqc_doc **out, char *err, size_t errlen)
{
    jsonl *j = in->state;
    *out = NULL;
    for (;;) {
        const char *line;
        size_t n;
        tqc_status st = next_line(in, j, &line, &n, err, errlen);
        if (st != TQC_OK || !line)
            return st;
        size_t line_off = j->off, line_no = j->line;
        bool had_nl = j->start + n < j->len;
        j->start += n + had_nl;
        j->off += n + had_nl;
        j->line++;
        /* A UTF-8 byte order mark before the first record is not part of it. */
        size_t skip = line_off == 0 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        size_t k = skip;
        while (k < n && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
            k++;
        if (k == n)
            continue;   /* blank lines separate nothing; skip them */
        rec *r = tqc_calloc(1, sizeof *r);
        if (!r)
            return TQC_ENOMEM;
        *r = (rec){.s = line + skip, .len = n - skip, .line_off = line_off + skip,
                   .line = line_no};
        r->cur = (tqc_srcpos){r->line_off, line_no, 0, line_no ? r->line_off : 0};
        tqc_tb_reset(&j->text);
        tqc_tb_reset(&j->source);
        if (!parse_record(r, j)) {
            tqc_srcpos at = pos_at(r, r->err_at);
            tqc_input_error(in, err, errlen, at.line + 1, at.col + 1, "invalid JSON record: %s",
                            r->err);
            free(r);
            in->resumable = true;   /* the line is consumed: the next record follows */
            return TQC_EINPUT;
        }
        st = make_docs(in, j, r, out, err, errlen);
        free(r);
        return st;
    }
}

static void jsonl_close(tqc_input *in)
{
    jsonl *j = in->state;
    if (!j)
        return;
    tqc_input_fclose(in, j->f);
    free(j->buf);
    tqc_tb_free(&j->text);
    tqc_tb_free(&j->source);
    tqc_strmap_free(j->ids);
    free(j);
}

const tqc_input_reader tqc_read_jsonl = {jsonl_open, jsonl_next, jsonl_close};
