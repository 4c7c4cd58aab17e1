/* read_jsonl: JSON Lines, one doc a record: {"id", "text", "lang"?, "source"?,
 * "source_lang"?}. `id` (a string or a number) becomes doc->segment; `source` becomes
 * doc->source in source_lang. `target` is taken for `text` when there is no `text`
 * (the field name of MT evaluation sets). Other fields are skipped.
 * The parser is small and strict (RFC 8259): a malformed record stops the file with
 * its line and column. The file streams a record at a time (bounded by
 * TQC_INPUT_MAX_RECORD); string escapes are decoded, and the map puts each unescaped
 * run of a string at its exact column, each escape at its backslash. */
#include "read/input_priv.h"

#include <errno.h>
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

/* One record being parsed. */
typedef struct rec {
    tqc_input *in;
    jsonl *j;
    const char *s;
    size_t len, i;
    size_t line_off, line; /* the record's file offset and 0-based line */
    tqc_srcpos cur;        /* position of s[cur.off - line_off], moved forward */
    char err[256];
    size_t err_at;         /* byte in s where the error is */
    bool failed;
    /* Fields seen. */
    char id[JSONL_MAX_FIELD], lang[JSONL_MAX_FIELD], source_lang[JSONL_MAX_FIELD];
    bool has_id, has_lang, has_source_lang, has_text, has_source, text_is_target;
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
    if (!r->failed) {
        r->failed = true;
        r->err_at = at;
        snprintf(r->err, sizeof r->err, "%s", msg);
    }
    return false;
}

static void skip_ws(rec *r)
{
    while (r->i < r->len && (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\r' ||
                             r->s[r->i] == '\n'))
        r->i++;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool hex4(rec *r, size_t at, uint32_t *out)
{
    if (at + 4 > r->len)
        return false;
    uint32_t v = 0;
    for (size_t k = 0; k < 4; k++) {
        int h = hexval(r->s[at + k]);
        if (h < 0)
            return false;
        v = v * 16 + (uint32_t)h;
    }
    *out = v;
    return true;
}

/* Parses the string at s[i] == '"'. Its decoded bytes go to tb (with the map) when tb
 * is not NULL, else to small[cap] (NUL-terminated) when small is not NULL. */
static bool parse_string(rec *r, tqc_tb *tb, char *small, size_t cap)
{
    size_t i = r->i + 1, run = i, n_small = 0;
    for (;;) {
        if (i >= r->len)
            return fail(r, r->i, "unterminated string");
        unsigned char c = (unsigned char)r->s[i];
        if (c != '"' && c != '\\' && c >= 0x20) {
            i++;
            continue;
        }
        /* End of a raw run. */
        if (i > run) {
            if (tb)
                tqc_tb_append(tb, r->s + run, i - run, pos_at(r, run), true);
            else if (small) {
                if (n_small + (i - run) >= cap)
                    return fail(r, run, "string field too long");
                memcpy(small + n_small, r->s + run, i - run);
                n_small += i - run;
            }
        }
        if (c == '"')
            break;
        if (c < 0x20)
            return fail(r, i, "control character in a string (escape it)");
        /* An escape. */
        size_t esc = i;
        if (i + 1 >= r->len)
            return fail(r, i, "unterminated string");
        char out[8];
        size_t n = 1;
        switch (r->s[i + 1]) {
        case '"': out[0] = '"'; break;
        case '\\': out[0] = '\\'; break;
        case '/': out[0] = '/'; break;
        case 'b': out[0] = '\b'; break;
        case 'f': out[0] = '\f'; break;
        case 'n': out[0] = '\n'; break;
        case 'r': out[0] = '\r'; break;
        case 't': out[0] = '\t'; break;
        case 'u': {
            uint32_t cp;
            if (!hex4(r, i + 2, &cp))
                return fail(r, i, "bad \\u escape");
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                uint32_t lo;
                if (i + 2 < r->len && r->s[i + 2] == '\\' && i + 3 < r->len &&
                    r->s[i + 3] == 'u' && hex4(r, i + 4, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                } else {
                    cp = 0xFFFD;   /* a lone surrogate is no character */
                }
            } else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp == 0) {
                cp = 0xFFFD;       /* a lone low surrogate; NUL would end C strings */
            }
            n = tqc_text_encode((int32_t)cp, out);
            break;
        }
        default:
            return fail(r, i, "unknown escape");
        }
        i += 2;
        if (tb)
            tqc_tb_append(tb, out, n, pos_at(r, esc), false);
        else if (small) {
            if (n_small + n >= cap)
                return fail(r, esc, "string field too long");
            memcpy(small + n_small, out, n);
            n_small += n;
        }
        run = i;
    }
    if (small)
        small[n_small] = '\0';
    r->i = i + 1;
    return true;
}

static bool parse_number(rec *r, char *small, size_t cap)
{
    size_t b = r->i, i = b;
    if (i < r->len && r->s[i] == '-')
        i++;
    if (i >= r->len || r->s[i] < '0' || r->s[i] > '9')
        return fail(r, b, "expected a value");
    if (r->s[i] == '0')
        i++;
    else
        while (i < r->len && r->s[i] >= '0' && r->s[i] <= '9')
            i++;
    if (i < r->len && r->s[i] == '.') {
        i++;
        if (i >= r->len || r->s[i] < '0' || r->s[i] > '9')
            return fail(r, i, "digit expected after '.'");
        while (i < r->len && r->s[i] >= '0' && r->s[i] <= '9')
            i++;
    }
    if (i < r->len && (r->s[i] == 'e' || r->s[i] == 'E')) {
        i++;
        if (i < r->len && (r->s[i] == '+' || r->s[i] == '-'))
            i++;
        if (i >= r->len || r->s[i] < '0' || r->s[i] > '9')
            return fail(r, i, "digit expected in exponent");
        while (i < r->len && r->s[i] >= '0' && r->s[i] <= '9')
            i++;
    }
    if (small) {
        if (i - b >= cap)
            return fail(r, b, "number too long");
        memcpy(small, r->s + b, i - b);
        small[i - b] = '\0';
    }
    r->i = i;
    return true;
}

static bool parse_value(rec *r, size_t depth);

static bool parse_container(rec *r, size_t depth)
{
    char open = r->s[r->i], close = open == '{' ? '}' : ']';
    if (depth >= TQC_INPUT_MAX_DEPTH)
        return fail(r, r->i, "nested too deep");
    r->i++;
    skip_ws(r);
    if (r->i < r->len && r->s[r->i] == close) {
        r->i++;
        return true;
    }
    for (;;) {
        skip_ws(r);
        if (open == '{') {
            if (r->i >= r->len || r->s[r->i] != '"')
                return fail(r, r->i, "expected a key");
            if (!parse_string(r, NULL, NULL, 0))
                return false;
            skip_ws(r);
            if (r->i >= r->len || r->s[r->i] != ':')
                return fail(r, r->i, "expected ':' after a key");
            r->i++;
            skip_ws(r);
        }
        if (!parse_value(r, depth + 1))
            return false;
        skip_ws(r);
        if (r->i < r->len && r->s[r->i] == ',') {
            r->i++;
            continue;
        }
        if (r->i < r->len && r->s[r->i] == close) {
            r->i++;
            return true;
        }
        return fail(r, r->i, open == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static bool parse_literal(rec *r, const char *word)
{
    size_t n = strlen(word);
    if (r->len - r->i < n || memcmp(r->s + r->i, word, n) != 0)
        return fail(r, r->i, "expected a value");
    r->i += n;
    return true;
}

static bool parse_value(rec *r, size_t depth)
{
    if (r->i >= r->len)
        return fail(r, r->i, "expected a value");
    switch (r->s[r->i]) {
    case '"': return parse_string(r, NULL, NULL, 0);
    case '{':
    case '[': return parse_container(r, depth);
    case 't': return parse_literal(r, "true");
    case 'f': return parse_literal(r, "false");
    case 'n': return parse_literal(r, "null");
    default: return parse_number(r, NULL, 0);
    }
}

/* The top-level object, keeping the fields tqc reads. */
static bool parse_record(rec *r)
{
    skip_ws(r);
    if (r->i >= r->len || r->s[r->i] != '{')
        return fail(r, r->i, "a record must be a JSON object");
    r->i++;
    skip_ws(r);
    if (r->i < r->len && r->s[r->i] == '}') {
        r->i++;
    } else {
        for (;;) {
            skip_ws(r);
            if (r->i >= r->len || r->s[r->i] != '"')
                return fail(r, r->i, "expected a key");
            char key[32];
            size_t key_at = r->i;
            if (!parse_string(r, NULL, key, sizeof key)) {
                if (strcmp(r->err, "string field too long") != 0)
                    return false;
                /* A long key is none of ours: parse it again as an ordinary string. */
                r->failed = false;
                r->i = key_at;
                key[0] = '\0';
                if (!parse_string(r, NULL, NULL, 0))
                    return false;
            }
            skip_ws(r);
            if (r->i >= r->len || r->s[r->i] != ':')
                return fail(r, r->i, "expected ':' after a key");
            r->i++;
            skip_ws(r);
            bool ok;
            bool is_str = r->i < r->len && r->s[r->i] == '"';
            bool text = strcmp(key, "text") == 0;
            bool target = strcmp(key, "target") == 0 && (!r->has_text || r->text_is_target);
            if ((text || target) && is_str) {
                tqc_tb_reset(&r->j->text);
                r->text_at = pos_at(r, r->i + 1);
                ok = parse_string(r, &r->j->text, NULL, 0);
                r->has_text = true;
                r->text_is_target = target;
            } else if (strcmp(key, "source") == 0 && is_str) {
                tqc_tb_reset(&r->j->source);
                r->source_at = pos_at(r, r->i + 1);
                ok = parse_string(r, &r->j->source, NULL, 0);
                r->has_source = true;
            } else if (strcmp(key, "id") == 0 && (is_str || (r->i < r->len &&
                       (r->s[r->i] == '-' || (r->s[r->i] >= '0' && r->s[r->i] <= '9'))))) {
                ok = is_str ? parse_string(r, NULL, r->id, sizeof r->id)
                            : parse_number(r, r->id, sizeof r->id);
                r->has_id = true;
            } else if (strcmp(key, "lang") == 0 && is_str) {
                ok = parse_string(r, NULL, r->lang, sizeof r->lang);
                r->has_lang = true;
            } else if (strcmp(key, "source_lang") == 0 && is_str) {
                ok = parse_string(r, NULL, r->source_lang, sizeof r->source_lang);
                r->has_source_lang = true;
            } else if ((text || strcmp(key, "source") == 0) && !is_str &&
                       !(r->i < r->len && r->s[r->i] == 'n')) {
                return fail(r, r->i, text ? "\"text\" must be a string"
                                          : "\"source\" must be a string");
            } else {
                ok = parse_value(r, 1);
            }
            if (!ok)
                return false;
            skip_ws(r);
            if (r->i < r->len && r->s[r->i] == ',') {
                r->i++;
                continue;
            }
            if (r->i < r->len && r->s[r->i] == '}') {
                r->i++;
                break;
            }
            return fail(r, r->i, "expected ',' or '}'");
        }
    }
    skip_ws(r);
    if (r->i < r->len)
        return fail(r, r->i, "text after the record (one record a line)");
    if (!r->has_text)
        return fail(r, 0, "record without \"text\"");
    return true;
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
        *r = (rec){.in = in, .j = j, .s = line + skip, .len = n - skip,
                   .line_off = line_off + skip, .line = line_no};
        r->cur = (tqc_srcpos){r->line_off, line_no, 0, line_no ? r->line_off : 0};
        tqc_tb_reset(&j->text);
        tqc_tb_reset(&j->source);
        if (!parse_record(r)) {
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
