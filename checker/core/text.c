#include "core/text.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

size_t tqc_text_decode(const char *s, size_t len, int32_t *cp)
{
    if (len == 0) {
        *cp = -1;
        return 0;
    }
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    utf8proc_int32_t out;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          len > 4 ? 4 : (utf8proc_ssize_t)len, &out);
    if (n <= 0) {
        *cp = -1;
        return 1;
    }
    *cp = out;
    return (size_t)n;
}

size_t tqc_text_chars(const char *s, size_t len)
{
    size_t chars = 0;
    for (size_t i = 0; i < len; chars++) {
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
    }
    return chars;
}

size_t tqc_text_char_offsets(const char *s, size_t len, size_t *offs, size_t max)
{
    size_t chars = 0;
    for (size_t i = 0; i < len; chars++) {
        if (chars == max)
            return 0;
        offs[chars] = i;
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
    }
    offs[chars] = len;
    return chars;
}

size_t tqc_text_encode(int32_t cp, char *out)
{
    utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
    return n > 0 ? (size_t)n : 0;
}

int32_t tqc_text_prev(const char *s, size_t end, size_t *start)
{
    size_t i = end;
    /* Step back over at most three continuation bytes to the lead byte. */
    while (i > 0 && end - i < 4) {
        i--;
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            break;
    }
    int32_t cp;
    size_t n = tqc_text_decode(s + i, end - i, &cp);
    if (i + n != end) {
        *start = end - 1;
        return -1;
    }
    *start = i;
    return cp;
}

static utf8proc_category_t category(int32_t cp)
{
    return cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
}

bool tqc_text_is_letter(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    utf8proc_category_t c = category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool tqc_text_is_upper(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool tqc_text_is_lower(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return category(cp) == UTF8PROC_CATEGORY_LL;
}

bool tqc_text_is_digit(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return cp >= '0' && cp <= '9';
    return category(cp) == UTF8PROC_CATEGORY_ND;
}

bool tqc_text_is_space(int32_t cp)
{
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
        return true;
    if (cp < 0x80)
        return false;
    utf8proc_category_t c = category(cp);
    return cp == 0x85 || c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
           c == UTF8PROC_CATEGORY_ZP;
}

bool tqc_text_is_punct(int32_t cp)
{
    /* ASCII fast path: the ASCII code points utf8proc puts in P* (the others are
     * symbols: $ + < = > ^ ` | ~). */
    if (cp >= 0 && cp < 0x80)
        return cp != 0 && strchr("!\"#%&'()*,-./:;?@[\\]_{}", cp) != NULL;
    utf8proc_category_t c = category(cp);
    return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

bool tqc_text_is_mark(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return false;
    utf8proc_category_t c = category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

bool tqc_text_is_format(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return false;
    return category(cp) == UTF8PROC_CATEGORY_CF;
}

bool tqc_text_is_control(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return (cp < 0x20 || cp == 0x7F) && cp != '\t' && cp != '\n' && cp != '\r';
    return category(cp) == UTF8PROC_CATEGORY_CC && cp != '\t' && cp != '\n' && cp != '\r';
}

bool tqc_text_is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

bool tqc_text_is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

bool tqc_text_is_dash(int32_t cp) { return category(cp) == UTF8PROC_CATEGORY_PD; }
bool tqc_text_is_open_punct(int32_t cp) { return category(cp) == UTF8PROC_CATEGORY_PS; }
bool tqc_text_is_close_punct(int32_t cp) { return category(cp) == UTF8PROC_CATEGORY_PE; }

bool tqc_text_is_quote_punct(int32_t cp)
{
    utf8proc_category_t c = category(cp);
    return c == UTF8PROC_CATEGORY_PI || c == UTF8PROC_CATEGORY_PF;
}

size_t tqc_text_case(const char *word, size_t len, tqc_case mode, char *out, size_t cap)
{
    size_t o = 0;
    bool first = true;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)word[i];
        if (c < 0x80) {
            /* ASCII fast path, the same answers utf8proc gives: most words are ASCII. */
            bool letter = (unsigned)((c | 0x20) - 'a') < 26;
            if (letter)
                c = mode == TQC_CASE_UPPER || (mode == TQC_CASE_TITLE && first)
                        ? (unsigned char)(c & ~0x20)
                        : (unsigned char)(c | 0x20);
            first = first && !letter;
            if (o + 1 >= cap)
                return 0;
            out[o++] = (char)c;
            i++;
            continue;
        }
        int32_t cp;
        size_t n = tqc_text_decode(word + i, len - i, &cp);
        if (cp >= 0) {
            if (mode == TQC_CASE_UPPER || (mode == TQC_CASE_TITLE && first))
                cp = mode == TQC_CASE_TITLE ? utf8proc_totitle(cp) : utf8proc_toupper(cp);
            else
                cp = utf8proc_tolower(cp);
            if (tqc_text_is_letter(cp))
                first = false;
        }
        char enc[4];
        size_t m = cp >= 0 ? tqc_text_encode(cp, enc) : 1;
        if (cp < 0)
            enc[0] = word[i];
        if (o + m >= cap)
            return 0;
        memcpy(out + o, enc, m);
        o += m;
        i += n;
    }
    if (o >= cap)
        return 0;
    out[o] = '\0';
    return o;
}

bool tqc_text_equal_fold(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;
    while (i < alen && j < blen) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[j];
        if (x < 0x80 && y < 0x80) {
            /* ASCII fast path: most words of most news are ASCII. */
            if (x != y && ((x | 0x20) != (y | 0x20) || (unsigned)((x | 0x20) - 'a') > 25))
                return false;
            i++;
            j++;
            continue;
        }
        int32_t ca, cb;
        i += tqc_text_decode(a + i, alen - i, &ca);
        j += tqc_text_decode(b + j, blen - j, &cb);
        if (ca != cb && (ca < 0 || cb < 0 || utf8proc_tolower(ca) != utf8proc_tolower(cb)))
            return false;
    }
    return i == alen && j == blen;
}

bool tqc_text_is_bidi_control(int32_t cp)
{
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

static bool unsafe_cp(int32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0) ||
           tqc_text_is_bidi_control(cp);
}

bool tqc_text_is_safe(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        if (cp < 0 || unsafe_cp(cp))
            return false;
        i += n;
    }
    return true;
}

size_t tqc_text_unsafe_at(const char *s, size_t len)
{
    int32_t cp;
    size_t n = tqc_text_decode(s, len, &cp);
    return cp >= 0 && unsafe_cp(cp) ? n : 0;
}

bool tqc_text_fputs_safe(const char *s, FILE *out)
{
    size_t len = strlen(s), run = 0; /* safe bytes since run, written at once */
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        int w = 0;
        bool raw = cp < 0, control = (cp >= 0 && cp < 0x20 && cp != '\t' && cp != '\n') ||
                                     (cp >= 0x7F && cp < 0xA0);
        if (raw || control || tqc_text_is_bidi_control(cp)) {
            if (fwrite(s + run, 1, i - run, out) != i - run)
                return false;
            if (raw)
                w = fprintf(out, "\\x%02X", (unsigned)(unsigned char)s[i]);
            else if (control)
                w = fprintf(out, "\\x%02X", (unsigned)cp);
            else
                w = fprintf(out, "\\u{%04X}", (unsigned)cp);
            run = i + n;
        }
        if (w < 0)
            return false;
        i += n;
    }
    return fwrite(s + run, 1, len - run, out) == len - run;
}

/* Code points one letter decomposes to at most (utf8proc's longest canonical
 * decomposition is 4; Hangul syllables 3). */
#define TEXT_MAX_DECOMPOSED 8

size_t tqc_text_drop_mark(const char *word, size_t len, int32_t mark, char *out, size_t cap)
{
    int32_t cps[256];
    size_t n = 0;
    /* ASCII has no marks and composes to itself: the same answer without utf8proc (the
     * spelling pass's accent walk asks it of every variant of an unknown word). */
    size_t ascii = 0;
    while (ascii < len && (unsigned char)word[ascii] < 0x80)
        ascii++;
    if (ascii == len) {
        if (len > sizeof cps / sizeof *cps || len >= cap)
            return 0;
        memcpy(out, word, len);
        out[len] = '\0';
        return len;
    }
    for (size_t i = 0; i < len;) {
        int32_t cp, parts[TEXT_MAX_DECOMPOSED];
        size_t used = tqc_text_decode(word + i, len - i, &cp);
        if (cp < 0)
            return 0;
        int last;
        utf8proc_ssize_t m = utf8proc_decompose_char(cp, parts, TEXT_MAX_DECOMPOSED,
                                                     UTF8PROC_DECOMPOSE, &last);
        if (m < 0 || m > TEXT_MAX_DECOMPOSED)
            return 0;
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            if (mark == -1 ? tqc_text_is_mark(parts[j]) : parts[j] == mark)
                continue;
            if (n == sizeof cps / sizeof *cps)
                return 0;
            cps[n++] = parts[j];
        }
        i += used;
    }
    utf8proc_ssize_t m = utf8proc_normalize_utf32(cps, (utf8proc_ssize_t)n, UTF8PROC_COMPOSE);
    if (m < 0)
        return 0;
    size_t o = 0;
    for (utf8proc_ssize_t j = 0; j < m; j++) {
        char enc[4];
        size_t k = tqc_text_encode(cps[j], enc);
        if (o + k >= cap)
            return 0;
        memcpy(out + o, enc, k);
        o += k;
    }
    if (o >= cap)
        return 0;
    out[o] = '\0';
    return o;
}
