/* json: jansson strings from bytes that may not be valid UTF-8. */
#include "core/json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"

json_t *tqc_json_stringn(const char *s, size_t len)
{
    /* ASCII is valid UTF-8: jansson's own check, a call a character, was a tenth of
     * writing 200,000 findings, and this loop is a fraction of it. */
    unsigned char high = 0;
    for (size_t i = 0; i < len; i++)
        high |= (unsigned char)s[i];
    if (high < 0x80)
        return json_stringn_nocheck(s, len);
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

bool tqc_json_set_literal(json_t *obj, const char *key, json_t *v)
{
    if (!obj || !v) {
        json_decref(v);
        return false;
    }
    return json_object_set_new_nocheck(obj, key, v) == 0;
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

/* A line is gathered in a buffer of this size and written in one fwrite when it fits:
 * json_dumpf writes each token on its own, and the stream's lock and bookkeeping a call
 * cost a third of writing a file of 200,000 findings. */
#define WRITE_LINE_BUF 4096

typedef struct line_buf {
    FILE *out;
    size_t len;
    bool failed;
    char buf[WRITE_LINE_BUF];
} line_buf;

static bool line_flush(line_buf *lb)
{
    if (lb->len && fwrite(lb->buf, 1, lb->len, lb->out) != lb->len)
        lb->failed = true;
    lb->len = 0;
    return !lb->failed;
}

/* jansson's callback: one pass over v whatever its size (json_dumpb into a short buffer
 * walked all of a longer line, a 4.5 MB finding's text twice, only to learn its size). */
static int line_put(const char *p, size_t n, void *data)
{
    line_buf *lb = data;
    if (lb->len + n > sizeof lb->buf && !line_flush(lb))
        return -1;
    if (n > sizeof lb->buf)
        return fwrite(p, 1, n, lb->out) == n ? 0 : (lb->failed = true, -1);
    memcpy(lb->buf + lb->len, p, n);
    lb->len += n;
    return 0;
}

bool tqc_json_write_line(FILE *out, json_t *v)
{
    line_buf lb;
    lb.out = out;
    lb.len = 0;
    lb.failed = false;
    bool ok = v && json_dump_callback(v, line_put, &lb, WRITE_FLAGS) == 0 &&
              line_put("\n", 1, &lb) == 0 && line_flush(&lb);
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
