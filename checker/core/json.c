/* json: jansson strings from bytes that may not be valid UTF-8. */
#include "core/json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"

json_t *tqc_json_stringn(const char *s, size_t len)
{
    json_t *v = json_stringn(s, len);
    if (v || len > (SIZE_MAX - 1) / 3)
        return v;
    /* Invalid UTF-8 (or no memory): a copy with U+FFFD (3 bytes) for each bad byte. */
    char *fixed = tqc_malloc(len * 3 + 1);
    if (!fixed)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        if (cp < 0) {
            memcpy(fixed + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(fixed + o, s + i, n);
            o += n;
        }
        i += n;
    }
    v = json_stringn(fixed, o);
    free(fixed);
    return v;
}

json_t *tqc_json_string(const char *s)
{
    return tqc_json_stringn(s, strlen(s));
}

bool tqc_json_set(json_t *obj, const char *key, json_t *v)
{
    if (!obj || !v) {
        json_decref(v);
        return false;
    }
    return json_object_set_new(obj, key, v) == 0;
}

bool tqc_json_append(json_t *arr, json_t *v)
{
    if (!arr || !v) {
        json_decref(v);
        return false;
    }
    return json_array_append_new(arr, v) == 0;
}

json_t *tqc_json_done(json_t *v, bool ok)
{
    if (ok)
        return v;
    json_decref(v);
    return NULL;
}

/* Reals as the writers round them (a few decimals), without jansson's 17 digits. */
#define WRITE_FLAGS (JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15))

/* A line short enough for this is written in one fwrite: json_dumpf writes each token
 * on its own, and the stream's lock and bookkeeping a call cost a third of writing a
 * file of 200,000 findings. */
#define WRITE_LINE_BUF 4096
/* Nesting line_value writes; deeper goes to jansson. */
#define WRITE_LINE_DEPTH 32

typedef struct line_buf {
    char *p;
    size_t len, cap;
} line_buf;

static bool line_put(line_buf *b, const char *s, size_t n)
{
    if (n > b->cap - b->len)
        return false;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return true;
}

/* A string as jansson writes it without JSON_ENSURE_ASCII: `"`, `\` and controls
 * escaped, the rest as is (jansson's strings are valid UTF-8 when made). */
static bool line_string(line_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    if (!line_put(b, "\"", 1))
        return false;
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        char esc[6] = {'\\', (char)c, 0, 0, 0, 0};
        size_t el = 2;
        switch (c) {
        case '"': case '\\': break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            el = 6;
        }
        if (!line_put(b, s + from, i - from) || !line_put(b, esc, el))
            return false;
        from = i + 1;
    }
    return line_put(b, s + from, n - from) && line_put(b, "\"", 1);
}

/* v written into b as json_dumpb writes it with WRITE_FLAGS; false when it does not fit
 * or holds what is left to jansson (reals, deep nesting). jansson's own writer calls back
 * for each token and formats integers with snprintf: half the cost of a finding's line. */
static bool line_value(line_buf *b, json_t *v, int depth)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        if (depth >= WRITE_LINE_DEPTH || !line_put(b, "{", 1))
            return false;
        const char *key;
        json_t *m;
        bool first = true;
        json_object_foreach(v, key, m) {
            if ((!first && !line_put(b, ",", 1)) || !line_string(b, key, strlen(key)) ||
                !line_put(b, ":", 1) || !line_value(b, m, depth + 1))
                return false;
            first = false;
        }
        return line_put(b, "}", 1);
    }
    case JSON_ARRAY:
        if (depth >= WRITE_LINE_DEPTH || !line_put(b, "[", 1))
            return false;
        for (size_t i = 0; i < json_array_size(v); i++)
            if ((i && !line_put(b, ",", 1)) || !line_value(b, json_array_get(v, i), depth + 1))
                return false;
        return line_put(b, "]", 1);
    case JSON_STRING:
        return line_string(b, json_string_value(v), json_string_length(v));
    case JSON_INTEGER: {
        json_int_t i = json_integer_value(v);
        unsigned long long u = i < 0 ? 0ULL - (unsigned long long)i : (unsigned long long)i;
        char digits[24];
        size_t at = sizeof digits;
        do
            digits[--at] = (char)('0' + u % 10);
        while ((u /= 10) > 0);
        if (i < 0)
            digits[--at] = '-';
        return line_put(b, digits + at, sizeof digits - at);
    }
    case JSON_TRUE:
        return line_put(b, "true", 4);
    case JSON_FALSE:
        return line_put(b, "false", 5);
    case JSON_NULL:
        return line_put(b, "null", 4);
    default:
        return false;
    }
}

bool tqc_json_write_line(FILE *out, json_t *v)
{
    char buf[WRITE_LINE_BUF];
    line_buf lb = {buf, 0, sizeof buf - 1};
    size_t n = 0;
    if (v && line_value(&lb, v, 0))
        n = lb.len;
    else if (v)
        n = json_dumpb(v, buf, sizeof buf - 1, WRITE_FLAGS);
    bool ok;
    if (n > 0 && n < sizeof buf - 1) {
        buf[n++] = '\n';
        ok = fwrite(buf, 1, n, out) == n;
    } else {
        ok = v && json_dumpf(v, out, WRITE_FLAGS) == 0 && fputc('\n', out) != EOF;
    }
    json_decref(v);
    return ok;
}

/* A non-empty array of objects: written one element a line. */
static bool is_table(const json_t *v)
{
    return json_is_array(v) && json_array_size(v) > 0 && json_is_object(json_array_get(v, 0));
}

bool tqc_json_write_members(FILE *out, json_t *obj)
{
    bool ok = json_is_object(obj) && fputs("{\n", out) != EOF;
    const char *key;
    json_t *v;
    size_t i = 0, n = ok ? json_object_size(obj) : 0;
    json_object_foreach(obj, key, v) {
        if (!ok)
            break;
        json_t *k = json_string(key);
        ok = k && fputs("  ", out) != EOF && json_dumpf(k, out, WRITE_FLAGS) == 0 &&
             fputs(": ", out) != EOF;
        json_decref(k);
        if (ok && is_table(v)) {
            for (size_t e = 0; ok && e < json_array_size(v); e++)
                ok = fputs(e ? ",\n    " : "[\n    ", out) != EOF &&
                     json_dumpf(json_array_get(v, e), out, WRITE_FLAGS) == 0;
            ok = ok && fputs("\n  ]", out) != EOF;
        } else if (ok) {
            ok = json_dumpf(v, out, WRITE_FLAGS) == 0;
        }
        ok = ok && fputs(++i < n ? ",\n" : "\n", out) != EOF;
    }
    ok = ok && fputs("}\n", out) != EOF;
    json_decref(obj);
    return ok;
}
