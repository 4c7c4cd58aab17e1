/* input: format detection, the reader interface, the text builder the readers share,
 * and the plain-text reader (chunks from read/reader.h, one doc each). */
#include "read/input.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "core/alloc.h"
#include "core/io.h"
#include "core/strmap.h"
#include "read/input_priv.h"
#include "read/reader.h"
#include "core/regfile.h"
#include "core/text.h"

/* Bytes read from the start of a file to tell its format. */
#define SNIFF_BYTES 4096

static const char *const format_names[] = {"auto", "text", "html", "xliff", "tmx", "jsonl"};

bool tqc_input_format_parse(const char *name, tqc_input_format *out)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (strcmp(name, format_names[i]) == 0) {
            *out = (tqc_input_format)i;
            return true;
        }
    return false;
}

const char *tqc_input_format_name(tqc_input_format format)
{
    return (size_t)format < sizeof format_names / sizeof format_names[0] ? format_names[format]
                                                                        : "?";
}

static bool ext_is(const char *path, const char *ext)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return false;
    return strcasecmp(dot + 1, ext) == 0;
}

/* true when the text at s (len bytes) starts with prefix, case ignored. */
static bool starts_ci(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && strncasecmp(s, prefix, n) == 0;
}

/* The first element name after the XML declaration, comments and DOCTYPE (or the
 * DOCTYPE's name), lower-cased into out. */
static void first_element(const char *s, size_t len, char *out, size_t cap)
{
    out[0] = '\0';
    size_t i = 0;
    while (i < len) {
        while (i < len && isspace((unsigned char)s[i]))
            i++;
        if (i >= len || s[i] != '<')
            return;
        if (starts_ci(s + i, len - i, "<?") || starts_ci(s + i, len - i, "<!--")) {
            const char *close = starts_ci(s + i, len - i, "<?") ? "?>" : "-->";
            const char *e = NULL;
            for (size_t k = i + 2; k + strlen(close) <= len; k++)
                if (memcmp(s + k, close, strlen(close)) == 0) {
                    e = s + k;
                    break;
                }
            if (!e)
                return;
            i = (size_t)(e - s) + strlen(close);
            continue;
        }
        i++;
        if (starts_ci(s + i, len - i, "!doctype"))
            for (i += 8; i < len && isspace((unsigned char)s[i]); i++)
                ;
        size_t n = 0;
        while (i < len && n + 1 < cap && (isalnum((unsigned char)s[i]) || s[i] == ':' ||
                                          s[i] == '-' || s[i] == '_'))
            out[n++] = (char)tolower((unsigned char)s[i++]);
        out[n] = '\0';
        return;
    }
}

tqc_input_format tqc_input_detect(const char *path, const char *head, size_t len)
{
    static const struct {
        const char *ext;
        tqc_input_format format;
    } exts[] = {
        {"txt", TQC_INPUT_TEXT},   {"text", TQC_INPUT_TEXT},   {"html", TQC_INPUT_HTML},
        {"htm", TQC_INPUT_HTML},   {"xhtml", TQC_INPUT_HTML},  {"xlf", TQC_INPUT_XLIFF},
        {"xliff", TQC_INPUT_XLIFF}, {"sdlxliff", TQC_INPUT_XLIFF}, {"tmx", TQC_INPUT_TMX},
        {"jsonl", TQC_INPUT_JSONL}, {"ndjson", TQC_INPUT_JSONL},
    };
    for (size_t i = 0; path && i < sizeof exts / sizeof exts[0]; i++)
        if (ext_is(path, exts[i].ext))
            return exts[i].format;
    if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
        head += 3;
        len -= 3;
    }
    size_t i = 0;
    while (i < len && isspace((unsigned char)head[i]))
        i++;
    if (i < len && head[i] == '{')
        return TQC_INPUT_JSONL;
    if (i < len && head[i] == '<') {
        char name[32];
        first_element(head + i, len - i, name, sizeof name);
        const char *local = strchr(name, ':') ? strchr(name, ':') + 1 : name;
        if (strcmp(local, "xliff") == 0)
            return TQC_INPUT_XLIFF;
        if (strcmp(local, "tmx") == 0)
            return TQC_INPUT_TMX;
        if (strcmp(local, "html") == 0 || strcmp(local, "head") == 0 ||
            strcmp(local, "body") == 0)
            return TQC_INPUT_HTML;
    }
    return TQC_INPUT_TEXT;
}

void tqc_input_error(const tqc_input *in, char *err, size_t errlen, size_t line, size_t col,
                     const char *fmt, ...)
{
    int n;
    if (line && col)
        n = snprintf(err, errlen, "%s:%zu:%zu: ", in->name, line, col);
    else if (line)
        n = snprintf(err, errlen, "%s:%zu: ", in->name, line);
    else
        n = snprintf(err, errlen, "%s: ", in->name);
    if (n < 0 || (size_t)n >= errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
    va_end(ap);
}

/* Every open of a named file goes through here, so regular_only holds for each reader. */
static FILE *open_file(const char *path, bool regular_only, char *err, size_t errlen)
{
    FILE *f = NULL;
    if (regular_only) {
        if (tqc_regfile_open(path, LLONG_MAX, &f, err, errlen) != TQC_OK)
            return NULL;
        return f;
    }
    if (!(f = fopen(path, "rb")))
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
    return f;
}

FILE *tqc_input_fopen(const tqc_input *in, char *err, size_t errlen)
{
    if (in->stream)
        return in->stream;
    if (in->utf8) {
        FILE *m = fmemopen(in->utf8, in->utf8_len, "rb");
        if (!m)
            snprintf(err, errlen, "%s: %s", in->name, strerror(errno));
        return m;
    }
    if (strcmp(in->path, "-") == 0)
        return stdin;
    return open_file(in->path, in->regular_only, err, errlen);
}

void tqc_input_fclose(const tqc_input *in, FILE *f)
{
    if (f && f != stdin && f != in->stream)
        fclose(f);
}

tqc_status tqc_input_slurp(const tqc_input *in, size_t max, char **buf, size_t *len,
                           char *err, size_t errlen)
{
    *buf = NULL;
    *len = 0;
    FILE *f = tqc_input_fopen(in, err, errlen);
    if (!f)
        return TQC_EIO;
    tqc_status st = tqc_io_read_stream(f, in->name, max, buf, len, err, errlen);
    tqc_input_fclose(in, f);
    if (st == TQC_ELIMIT)
        snprintf(err, errlen, "%s: larger than %zu MiB, the most tqc reads of a %s file",
                 in->name, max >> 20, tqc_input_format_name(in->format));
    return st;
}

bool tqc_input_same_lang(const char *a, const char *b)
{
    size_t i = 0;
    for (;; i++) {
        char ca = a[i] == '_' ? '-' : (char)tolower((unsigned char)a[i]);
        char cb = b[i] == '_' ? '-' : (char)tolower((unsigned char)b[i]);
        bool enda = ca == '\0' || ca == '-', endb = cb == '\0' || cb == '-';
        if (enda || endb)
            return enda && endb && i > 0;
        if (ca != cb)
            return false;
    }
}

void tqc_srcpos_advance(tqc_srcpos *pos, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        /* A run of ASCII is one column a byte: no decoding (most text is ASCII). */
        size_t a = i;
        while (a < n && (unsigned char)s[a] < 0x80 && s[a] != '\n')
            a++;
        pos->col += a - i;
        i = a;
        if (i >= n)
            break;
        if (s[i] == '\n') {
            pos->line++;
            pos->col = 0;
            pos->line_start = pos->off + i + 1;
            i++;
            continue;
        }
        int32_t cp;
        size_t k = tqc_text_decode(s + i, n - i, &cp);
        i += k ? k : 1;
        pos->col++;
    }
    pos->off += n;
}

/* ---- the text builder ---- */

void tqc_tb_init(tqc_tb *tb, size_t limit)
{
    memset(tb, 0, sizeof *tb);
    tb->limit = limit ? limit : TQC_INPUT_MAX_RECORD;
    if (tb->limit > TQC_DOC_MAP_MAX_TEXT) /* what a map run can place */
        tb->limit = TQC_DOC_MAP_MAX_TEXT;
}

void tqc_tb_free(tqc_tb *tb)
{
    free(tb->text);
    free(tb->map);
    free(tb->inl);
    tqc_strmap_free(tb->names);
    memset(tb, 0, sizeof *tb);
}

/* Interned tags and ids kept across docs (XLIFF units repeat theirs), up to this many. */
#define TB_MAX_NAMES 4096

void tqc_tb_reset(tqc_tb *tb)
{
    tb->len = tb->map_count = tb->inl_count = 0;
    tb->failed = TQC_OK;
    if (tb->names && tqc_strmap_count(tb->names) > TB_MAX_NAMES) {
        tqc_strmap_free(tb->names);
        tb->names = NULL;
        memset(tb->recent, 0, sizeof tb->recent);
    }
}

void tqc_tb_append(tqc_tb *tb, const char *s, size_t n, tqc_srcpos at, bool exact)
{
    if (tb->failed || n == 0)
        return;
    if (n > tb->limit - tb->len) {
        tb->failed = TQC_ELIMIT;
        return;
    }
    /* One byte more for the NUL tqc_doc_new does not need but debugging does. */
    if (!tqc_grow((void **)&tb->text, &tb->cap, tb->len, n + 1, 1)) {
        tb->failed = TQC_ENOMEM;
        return;
    }
    tqc_doc_map *last = tb->map_count ? &tb->map[tb->map_count - 1] : NULL;
    bool continues = last && exact && last->exact &&
                     last->src + (tb->len - last->text) == at.off;
    if (!continues) {
        if (!tqc_grow((void **)&tb->map, &tb->map_cap, tb->map_count, 1, sizeof *tb->map)) {
            tb->failed = TQC_ENOMEM;
            return;
        }
        tb->map[tb->map_count++] = tqc_doc_map_run(tb->len, at.off, at.line, at.col, exact,
                                                   at.line_start);
    }
    memcpy(tb->text + tb->len, s, n);
    tb->len += n;
}

/* The bytes of an inline mark's tag and id pair as interned (see tqc_doc_inline_id),
 * without the NUL the map adds. */
static size_t pair_len(const char *key)
{
    size_t tl = strlen(key);
    const char *id = key + tl + 1;
    return *id == TQC_DOC_INLINE_ID_MARK ? tl + 2 + strlen(id + 1) : tl + 1;
}

/* Bytes of a tag and id pair built on the stack; a longer one is allocated. */
#define TB_PAIR_STACK 256

/* The one copy of the pair tag, id (NULL: none) in tb->names, as tqc_doc_inline_id reads
 * it; NULL when out of memory (tb->failed is then set). */
static const char *intern(tqc_tb *tb, const char *tag, const char *id)
{
    /* A page of inline tags names the same few elements a million times: the last
     * tags without an id handed out, by first letter, are asked before the map. */
    size_t tl = strlen(tag);
    const char **recent = id ? NULL : &tb->recent[(unsigned char)tag[0] % TQC_TB_RECENT];
    if (recent && *recent && tqc_same_name(*recent, tag) && (*recent)[tl + 1] == '\0')
        return *recent;
    size_t il = id ? strlen(id) : 0, n = id ? tl + 2 + il : tl + 1;
    char stack[TB_PAIR_STACK], *key = n <= sizeof stack ? stack : tqc_malloc(n);
    if (!key) {
        tb->failed = TQC_ENOMEM;
        return NULL;
    }
    memcpy(key, tag, tl);
    key[tl] = '\0';
    if (id) {
        key[tl + 1] = TQC_DOC_INLINE_ID_MARK;
        memcpy(key + tl + 2, id, il);
    }
    uint64_t i;
    const char *got = NULL;
    if (tb->names && tqc_strmap_get(tb->names, key, n, &i)) {
        got = tqc_strmap_key(tb->names, (size_t)i, NULL);
    } else if (!tb->names && !(tb->names = tqc_strmap_new())) {
        tb->failed = TQC_ENOMEM;
    } else {
        i = tqc_strmap_count(tb->names);
        if (tqc_strmap_put(tb->names, key, n, i))
            got = tqc_strmap_key(tb->names, (size_t)i, NULL);
        else
            tb->failed = TQC_ENOMEM;
    }
    if (key != stack)
        free(key);
    if (got && recent)
        *recent = got;
    return got;
}

void tqc_tb_inline(tqc_tb *tb, tqc_inline_kind kind, const char *tag, const char *id,
                   size_t line)
{
    if (tb->failed)
        return;
    if (!tqc_grow((void **)&tb->inl, &tb->inl_cap, tb->inl_count, 1, sizeof *tb->inl)) {
        tb->failed = TQC_ENOMEM;
        return;
    }
    const char *t = intern(tb, tag, id);
    if (tb->failed)
        return;
    tb->inl[tb->inl_count++] = (tqc_doc_inline){
        .tag = t, .offset = (uint32_t)tb->len, /* tb->limit keeps it in 32 bits */
        .line = line < TQC_DOC_INLINE_MAX_LINE ? (uint32_t)line + 1 : TQC_DOC_INLINE_MAX_LINE,
        .kind = kind};
}

int tqc_tb_last(const tqc_tb *tb)
{
    return tb->len ? (unsigned char)tb->text[tb->len - 1] : -1;
}

tqc_status tqc_tb_finish(tqc_tb *tb, const char *name, const char *lang, const char *segment,
                         tqc_srcpos empty_at, tqc_doc **out)
{
    *out = NULL;
    if (tb->failed) {
        tqc_status st = tb->failed;
        tqc_tb_reset(tb);
        return st;
    }
    /* The text and the arrays are handed over, not copied: a page of inline elements has
     * a map run and two boundaries for every few bytes of text. */
    tqc_doc *doc;
    if (tb->text) {
        char *text = tqc_realloc(tb->text, tb->len + 1);
        if (text)
            tb->text = text;
        tb->text[tb->len] = '\0';
        doc = tqc_doc_take(name, tb->text, tb->len, lang);
        tb->text = NULL;
        tb->cap = 0;
    } else {
        doc = tqc_doc_new(name, "", 0, lang);
    }
    if (!doc)
        goto nomem;
    if (tb->map_count) {
        tqc_doc_map *m = tqc_realloc(tb->map, tb->map_count * sizeof *m);
        doc->map = m ? m : tb->map;
        doc->map_count = tb->map_count;
        tb->map = NULL;
        tb->map_count = tb->map_cap = 0;
    } else {
        if (!(doc->map = tqc_malloc(sizeof *doc->map)))
            goto nomem;
        doc->map[0] = tqc_doc_map_run(0, empty_at.off, empty_at.line, empty_at.col, false,
                                      empty_at.line_start);
        doc->map_count = 1;
    }
    doc->base_offset = doc->map[0].src;
    doc->base_line = doc->map[0].line;
    doc->base_column = doc->map[0].column;
    if (tb->inl_count) {
        tqc_doc_inline *in = tqc_realloc(tb->inl, tb->inl_count * sizeof *in);
        doc->inlines = in ? in : tb->inl;
        doc->inline_count = tb->inl_count;
        tb->inl = NULL;
        tb->inl_count = tb->inl_cap = 0;
        /* Tag and id pairs move to the doc's arena, one copy each (by interned index;
         * the last few moved, by address, are asked first). */
        size_t nn = tqc_strmap_count(tb->names);
        const char **copies = tqc_calloc(nn ? nn : 1, sizeof *copies);
        if (!copies)
            goto nomem;
        struct { const char *from, *to; } moved[TQC_TB_RECENT] = {{0}};
        for (size_t i = 0; i < doc->inline_count; i++) {
            const char **tag = &doc->inlines[i].tag;
            uint64_t v;
            size_t n;
            size_t slot = tqc_pointer_slot(*tag, TQC_TB_RECENT);
            if (*tag && moved[slot].from == *tag) {
                *tag = moved[slot].to;
                continue;
            }
            if (!*tag || !tqc_strmap_get(tb->names, *tag, pair_len(*tag), &v))
                continue;   /* every pair is there: interned */
            moved[slot].from = *tag;
            const char *key = tqc_strmap_key(tb->names, (size_t)v, &n);
            if (!copies[v] && !(copies[v] = tqc_arena_strndup(doc->arena, key, n))) {
                free(copies);
                goto nomem;
            }
            *tag = moved[slot].to = copies[v];
        }
        free(copies);
    }
    if (segment && !(doc->segment = tqc_strdup(segment)))
        goto nomem;
    tqc_tb_reset(tb);
    *out = doc;
    return TQC_OK;
nomem:
    tqc_doc_free(doc);
    tqc_tb_reset(tb);
    return TQC_ENOMEM;
}

/* ---- the plain-text reader: one doc a chunk ---- */

static tqc_status text_open(tqc_input *in, char *err, size_t errlen)
{
    if (!in->utf8 && (!in->regular_only || strcmp(in->path, "-") == 0))
        return tqc_reader_open(in->path, (tqc_reader **)&in->state, err, errlen);
    FILE *f = in->utf8 ? tqc_input_fopen(in, err, errlen) : open_file(in->path, true, err, errlen);
    if (!f)
        return TQC_EIO;
    tqc_status st = tqc_reader_adopt(f, in->path, (tqc_reader **)&in->state);
    if (st != TQC_OK)
        fclose(f);
    return st;
}

static tqc_status text_next(tqc_input *in, tqc_doc **out, char *err, size_t errlen)
{
    *out = NULL;
    tqc_chunk chunk;
    tqc_status st = tqc_reader_next(in->state, &chunk, err, errlen);
    if (st != TQC_OK || chunk.len == 0)
        return st;
    tqc_doc *doc = tqc_doc_new(in->name, chunk.text, chunk.len, in->lang);
    if (!doc)
        return TQC_ENOMEM;
    doc->base_offset = chunk.base_offset;
    doc->base_line = chunk.base_line;
    doc->base_column = chunk.base_column;
    *out = doc;
    return TQC_OK;
}

static void text_close(tqc_input *in)
{
    tqc_reader_close(in->state);
}

const tqc_input_reader tqc_read_text = {text_open, text_next, text_close};

/* ---- the interface ---- */

static const tqc_input_reader *reader_of(tqc_input_format f, bool parallel)
{
    if (parallel)
        return &tqc_read_parallel;
    switch (f) {
    case TQC_INPUT_HTML: return &tqc_read_html;
    case TQC_INPUT_XLIFF: return &tqc_read_xliff;
    case TQC_INPUT_TMX: return &tqc_read_tmx;
    case TQC_INPUT_JSONL: return &tqc_read_jsonl;
    default: return &tqc_read_text;
    }
}

/* Reads the first bytes of a regular file to tell its format (standard input cannot
 * be read twice, so it is text unless told otherwise). An XML document (`<?xml`) that
 * no extension claims and whose root is none tqc reads leaves that root in xml_root. */
static tqc_input_format sniff(const char *path, bool regular_only, char *xml_root, size_t cap)
{
    xml_root[0] = '\0';
    if (strcmp(path, "-") == 0)
        return tqc_input_detect(NULL, "", 0);
    char head[SNIFF_BYTES];
    size_t n = 0;
    char ignored[8];
    FILE *f = open_file(path, regular_only, ignored, sizeof ignored);
    if (f) {
        n = fread(head, 1, sizeof head, f);
        fclose(f);
    }
    tqc_input_format fmt = tqc_input_detect(path, head, n);
    size_t skip = n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (fmt == TQC_INPUT_TEXT && tqc_input_detect(path, "", 0) == TQC_INPUT_TEXT &&
        !ext_is(path, "txt") && !ext_is(path, "text") && starts_ci(head + skip, n - skip, "<?xml "))
        first_element(head + skip, n - skip, xml_root, cap);
    return fmt;
}

tqc_input_format tqc_input_detect_file(const char *path)
{
    char root[32];
    return sniff(path, false, root, sizeof root);
}

bool tqc_input_decoded(const tqc_input *in) { return in->utf8 != NULL; }

bool tqc_input_utf16_bom(const char *head, size_t n)
{
    return n >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') ||
                      (head[0] == '\xFE' && head[1] == '\xFF'));
}

/* A text file that starts with a UTF-16 byte order mark is decoded whole into in->utf8
 * (at most TQC_INPUT_MAX_BYTES of it); an unpaired surrogate or an odd last byte becomes
 * U+FFFD. Any other file is left alone. */
static tqc_status decode_utf16(tqc_input *in, char *err, size_t errlen)
{
    FILE *f = open_file(in->path, in->regular_only, err, errlen);
    if (!f)
        return TQC_EIO;
    /* A pipe cannot be read twice: its first bytes are the reader's. */
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return TQC_OK;
    }
    unsigned char bom[2];
    size_t got = fread(bom, 1, 2, f);
    if (!tqc_input_utf16_bom((const char *)bom, got)) {
        fclose(f);
        return TQC_OK;
    }
    /* The code units after the mark, read whole up to the limit. */
    char *units;
    size_t len;
    tqc_status rs = tqc_io_read_stream(f, in->name, TQC_INPUT_MAX_BYTES - 2, &units, &len, err,
                                       errlen);
    fclose(f);
    if (rs == TQC_ELIMIT)
        snprintf(err, errlen, "%s: UTF-16 text larger than %zu MiB", in->name,
                 TQC_INPUT_MAX_BYTES >> 20);
    if (rs != TQC_OK)
        return rs;
    const unsigned char *raw = (const unsigned char *)units;
    bool le = bom[0] == 0xFF;
    /* A code unit gives at most 3 bytes of UTF-8, a surrogate pair 4. */
    char *out = tqc_malloc(len / 2 * 3 + 4);
    if (!out) {
        free(units);
        return TQC_ENOMEM;
    }
    size_t o = 0;
    for (size_t i = 0; i < len; i += 2) {
        int32_t cp = 0xFFFD;
        if (i + 1 < len) {
            uint32_t u = le ? raw[i] | (uint32_t)raw[i + 1] << 8 : (uint32_t)raw[i] << 8 | raw[i + 1];
            cp = (int32_t)u;
            if (u >= 0xD800 && u < 0xDC00 && i + 3 < len) {
                uint32_t v = le ? raw[i + 2] | (uint32_t)raw[i + 3] << 8
                                : (uint32_t)raw[i + 2] << 8 | raw[i + 3];
                if (v >= 0xDC00 && v < 0xE000) {
                    cp = (int32_t)(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                    i += 2;
                } else {
                    cp = 0xFFFD;
                }
            } else if (u >= 0xD800 && u < 0xE000) {
                cp = 0xFFFD;
            }
        }
        o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + o);
    }
    free(units);
    in->utf8 = out;
    in->utf8_len = o;
    free(in->note);
    char note[512];
    snprintf(note, sizeof note, "%s: read as UTF-16%s; positions are those of its UTF-8 text",
             in->name, le ? "LE" : "BE");
    in->note = tqc_strdup(note);
    return TQC_OK;
}

static tqc_status open_input(const char *path, FILE *stream, const tqc_input_options *opts,
                             tqc_input **out, char *err, size_t errlen)
{
    *out = NULL;
    tqc_input *in = tqc_calloc(1, sizeof *in);
    if (!in)
        return TQC_ENOMEM;
    const char *name = opts->name ? opts->name : strcmp(path, "-") == 0 ? "<stdin>" : path;
    in->path = tqc_strdup(path);
    in->name = tqc_strdup(name);
    in->lang = tqc_strdup(opts->lang ? opts->lang : "en");
    in->source = tqc_strdup(opts->source);
    in->source_lang = tqc_strdup(opts->source_lang ? opts->source_lang : "");
    if (!in->path || !in->name || !in->lang || (opts->source && !in->source) ||
        !in->source_lang) {
        tqc_input_close(in);
        snprintf(err, errlen, "%s: out of memory", path);
        return TQC_ENOMEM;
    }
    in->stream = stream;
    in->lang_from_file = opts->lang_from_file;
    in->regular_only = opts->regular_only;
    if (opts->format != TQC_INPUT_AUTO) {
        in->format = opts->format;
    } else {
        char root[32] = "";
        in->format = stream ? tqc_input_detect(in->name, "", 0) : sniff(path, opts->regular_only, root, sizeof root);
        if (root[0]) {
            snprintf(err, errlen, "%s: not a format tqc reads (XML whose root element is <%s>; "
                     "tqc reads XLIFF, TMX, HTML, JSONL and text)", in->name, root);
            tqc_input_close(in);
            return TQC_EINPUT;
        }
    }
    if (!stream && in->format == TQC_INPUT_TEXT && !opts->source && strcmp(path, "-") != 0) {
        tqc_status dst = decode_utf16(in, err, errlen);
        if (dst != TQC_OK) {
            if (dst == TQC_ENOMEM)
                snprintf(err, errlen, "%s: out of memory", in->name);
            tqc_input_close(in);
            return dst;
        }
    }
    if (stream && in->format == TQC_INPUT_TEXT) {
        snprintf(err, errlen, "%s: plain text is read from files only", in->name);
        tqc_input_close(in);
        return TQC_EUSAGE;
    }
    if (in->source && in->format != TQC_INPUT_TEXT) {
        snprintf(err, errlen, "%s: a source file pairs with plain text, not %s (whose "
                 "source is in the file)", in->name, tqc_input_format_name(in->format));
        tqc_input_close(in);
        return TQC_EUSAGE;
    }
    in->reader = reader_of(in->format, in->source != NULL);
    tqc_status st = in->reader->open(in, err, errlen);
    if (st != TQC_OK) {
        if (st == TQC_ENOMEM)
            snprintf(err, errlen, "%s: out of memory", in->name);
        in->reader = NULL;
        tqc_input_close(in);
        return st;
    }
    *out = in;
    return TQC_OK;
}

tqc_status tqc_input_open(const char *path, const tqc_input_options *opts, tqc_input **out,
                          char *err, size_t errlen)
{
    return open_input(path, NULL, opts, out, err, errlen);
}

tqc_status tqc_input_open_stream(FILE *stream, const tqc_input_options *opts, tqc_input **out,
                                 char *err, size_t errlen)
{
    return open_input(opts->name ? opts->name : "<stream>", stream, opts, out, err, errlen);
}

tqc_status tqc_input_next(tqc_input *in, tqc_doc **doc, char *err, size_t errlen)
{
    *doc = NULL;
    in->resumable = false;
    in->warning[0] = '\0';
    tqc_status st = in->reader->next(in, doc, err, errlen);
    if (st == TQC_ENOMEM)
        snprintf(err, errlen, "%s: out of memory", in->name);
    return st;
}

bool tqc_input_resumable(const tqc_input *in)
{
    return in->resumable;
}

const char *tqc_input_warning(const tqc_input *in)
{
    return in->warning[0] ? in->warning : NULL;
}

const char *tqc_input_note(const tqc_input *in)
{
    return in->note;
}

tqc_input_format tqc_input_format_of(const tqc_input *in)
{
    return in->format;
}

void tqc_input_close(tqc_input *in)
{
    if (!in)
        return;
    if (in->reader)
        in->reader->close(in);
    free(in->path);
    free(in->name);
    free(in->lang);
    free(in->source);
    free(in->source_lang);
    free(in->note);
    free(in->utf8);
    free(in);
}
