/* The tokenizer: words, numbers, URLs, e-mail addresses, handles, hashtags and
 * punctuation. Every Unicode question goes through core/text.h (utf8proc). */
#include "core/token.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"

static bool starts_with_ci(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != prefix[i])
            return false;
    }
    return true;
}

/* The tokenizer asks these of every code point, and nearly all are ASCII: an ASCII one is
 * classed here without a call, by the same rules as core/text.c; any other goes there. */
static inline bool is_ascii(int32_t cp) { return (uint32_t)cp < 0x80; }

static inline bool is_letter(int32_t cp)
{
    return is_ascii(cp) ? (uint32_t)((cp | 0x20) - 'a') < 26 : tqc_text_is_letter(cp);
}

static inline bool is_digit(int32_t cp)
{
    return is_ascii(cp) ? (uint32_t)(cp - '0') < 10 : tqc_text_is_digit(cp);
}

static inline bool is_space(int32_t cp)
{
    /* ASCII: the space, \t, \n, \v, \f and \r */
    return is_ascii(cp) ? cp == ' ' || (cp >= '\t' && cp <= '\r') : tqc_text_is_space(cp);
}

static inline int32_t peek(const char *t, size_t i, size_t end, size_t *n)
{
    if (i < end && (unsigned char)t[i] < 0x80) {
        *n = 1;
        return (unsigned char)t[i];
    }
    int32_t cp;
    *n = i < end ? tqc_text_decode(t + i, end - i, &cp) : 0;
    return *n ? cp : -1;
}

static inline bool is_word_char(int32_t cp)
{
    /* no ASCII code point is a mark */
    return is_ascii(cp) ? is_letter(cp) || is_digit(cp)
                        : tqc_text_is_letter(cp) || tqc_text_is_mark(cp) || tqc_text_is_digit(cp);
}

/* Closing punctuation that ends a URL or address in running text rather than being part of it. */
static bool is_trailing_punct(int32_t cp)
{
    return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' ||
           cp == ')' || cp == ']' || cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 ||
           cp == 0xBB;
}

/* End of a run of non-space, non-quote characters from i. */
static size_t scan_nonspace(const char *t, size_t i, size_t end)
{
    while (i < end) {
        size_t n;
        int32_t cp = peek(t, i, end, &n);
        if (is_space(cp) || cp == '"' || cp == 0x201C || cp == 0x201D || cp == '<' ||
            cp == '>' || cp == 0xAB || cp == 0xBB || cp < 0)
            break;
        i += n;
    }
    return i;
}

static size_t trim_trailing(const char *t, size_t start, size_t end)
{
    while (end > start) {
        size_t s;
        int32_t cp = tqc_text_prev(t, end, &s);
        /* Keep a closing bracket that has its opener inside: wikipedia.org/X_(Y) */
        if (cp == ')' && memchr(t + start, '(', end - start))
            break;
        if (!is_trailing_punct(cp))
            break;
        end = s;
    }
    return end;
}

enum { HINT_AT = 1, HINT_CODE = 2, HINTS_UNKNOWN = 4 };

/* What the bytes from i up to the next ASCII space, quote or angle bracket hold that an
 * e-mail address (an '@': HINT_AT) or code (a '/', or a '_' or '.' before a letter, digit
 * or non-ASCII byte, as scan_code asks: HINT_CODE) needs. scan_nonspace stops at each of
 * these bytes too (and at more), so a scan these hints rule out would have found
 * nothing: only the time changes. */
static unsigned scan_hints(const char *t, size_t i, size_t end)
{
    unsigned hints = 0;
    for (; i < end; i++) {
        switch (t[i]) {
        case ' ': case '\n': case '\t': case '\r': case '"': case '<': case '>':
            return hints;
        case '@':
            hints |= HINT_AT;
            break;
        case '/':
            hints |= HINT_CODE;
            break;
        case '_': case '.':
            if (i + 1 < end && (isalnum((unsigned char)t[i + 1]) || t[i + 1] & 0x80))
                hints |= HINT_CODE;
            break;
        default:
            break;
        }
    }
    return hints;
}

/* An e-mail address at i (local@domain.tld), returning its end or 0. Asked only where
 * scan_hints found an '@'. */
static size_t scan_email(const char *t, size_t i, size_t end)
{
    size_t stop = trim_trailing(t, i, scan_nonspace(t, i, end));
    const char *at = memchr(t + i, '@', stop - i);
    if (!at || at == t + i)
        return 0;
    size_t a = (size_t)(at - t);
    const char *dot = memchr(t + a + 1, '.', stop - a - 1);
    if (!dot || dot == t + a + 1 || (size_t)(dot - t) + 1 >= stop)
        return 0;
    for (size_t k = i; k < stop; k++) {
        unsigned char c = (unsigned char)t[k];
        if (!(c >= 0x80 || (c | 0x20) - 'a' < 26 || c - '0' < 10 || strchr("@._%+-", c)))
            return 0;
    }
    return stop;
}

/* The endings of host and file names that no word of a language ends a sentence with
 * glued to the next: a web and file-system convention (example.org, app.js). */
static const char *const host_suffixes[] = {
    "com", "org", "net", "edu", "gov", "io", "uk", "info",
};
static const char *const file_suffixes[] = {
    "js", "json", "py", "php", "html", "htm", "txt", "pdf", "xml", "css", "csv", "zip",
};

static bool in_suffixes(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (strlen(list[k]) == n && memcmp(s, list[k], n) == 0)
            return true;
    return false;
}

#define SUFFIX(s, n, list) in_suffixes(s, n, list, sizeof list / sizeof list[0])

/* The character before i (i > 0). */
static int32_t prev_cp(const char *t, size_t i)
{
    size_t start;
    return tqc_text_prev(t, i, &start);
}

/* Code-like text at i that a translation keeps as it is, returning its end or 0: an
 * identifier (client_id), a path (/public/docs/), a file name (app.js), a host name
 * (example.org, cdn.example.io:8080: *kind TQC_TOK_URL, else TQC_TOK_CODE). Asked only
 * where scan_hints found HINT_CODE. */
static size_t scan_code(const char *t, size_t i, size_t end, tqc_tok_kind *kind)
{
    *kind = TQC_TOK_CODE;
    size_t stop = trim_trailing(t, i, scan_nonspace(t, i, end));
    bool slash_start = t[i] == '/', code = false;
    size_t slashes = 0;
    for (size_t k = i; k < stop && !code; k++) {
        unsigned char c = (unsigned char)t[k];
        bool word_before = k > i && (isalnum((unsigned char)t[k - 1]) || t[k - 1] & 0x80);
        bool word_after = k + 1 < stop && (isalnum((unsigned char)t[k + 1]) || t[k + 1] & 0x80);
        if (c == '_' && word_before && word_after)
            code = true;
        else if (c == '/' && ++slashes >= 2 && slash_start)
            code = true;
        else if (c == '.' && word_before && word_after) {
            size_t e = k + 1;
            while (e < stop && t[e] >= 'a' && t[e] <= 'z')
                e++;
            bool ends = e == stop || t[e] == '/' || t[e] == ':' || t[e] == '?' ||
                        t[e] == '#' || t[e] == '.';
            if (ends && SUFFIX(t + k + 1, e - k - 1, host_suffixes)) {
                code = true;
                *kind = TQC_TOK_URL;
            } else {
                code = ends && SUFFIX(t + k + 1, e - k - 1, file_suffixes);
            }
        }
    }
    return code ? stop : 0;
}

static uint32_t word_flags(const char *t, tqc_span s)
{
    uint32_t flags = 0;
    size_t letters = 0, upper = 0, lower = 0;
    bool prev_lower = false, first_letter = true;
    for (size_t i = s.start; i < s.end;) {
        size_t n;
        int32_t cp = peek(t, i, s.end, &n);
        if ((unsigned char)t[i] >= 0x80)
            flags |= TQC_TF_NONASCII;
        if (is_letter(cp)) {
            letters++;
            bool up = is_ascii(cp) ? cp >= 'A' && cp <= 'Z' : tqc_text_is_upper(cp);
            bool low = is_ascii(cp) ? cp >= 'a' && cp <= 'z' : tqc_text_is_lower(cp);
            if (first_letter && up)
                flags |= TQC_TF_CAP;
            if (up && prev_lower)
                flags |= TQC_TF_INNER_CAP;
            upper += up;
            lower += low;
            prev_lower = low;
            first_letter = false;
        } else if (is_digit(cp)) {
            flags |= TQC_TF_DIGIT;
            prev_lower = false;
        } else if (i > s.start && tqc_text_is_hyphen(cp)) {
            flags |= TQC_TF_HYPHEN;
            prev_lower = false;
        } else if (i > s.start && tqc_text_is_apostrophe(cp)) {
            flags |= TQC_TF_APOS;
        } else if (cp == '.') {
            flags |= TQC_TF_PERIOD;
            prev_lower = false;
        }
        i += n;
    }
    if (letters >= 2 && upper == letters)
        flags |= TQC_TF_ALLCAPS;
    if (letters > 0 && lower == letters)
        flags |= TQC_TF_LOWER;
    return flags;
}

/* A word from i: letters, marks and digits, joined by an inner apostrophe or hyphen
 * followed by a word character, and by inner periods between single letters (U.S, a.m). */
static size_t scan_word(const char *t, size_t i, size_t end)
{
    size_t seg_start = i;
    while (i < end) {
        size_t n;
        int32_t cp = peek(t, i, end, &n);
        if (is_word_char(cp)) {
            i += n;
            continue;
        }
        size_t m;
        int32_t next = peek(t, i + n, end, &m);
        if ((tqc_text_is_apostrophe(cp) || tqc_text_is_hyphen(cp)) && is_word_char(next)) {
            i += n;
            seg_start = i;
            continue;
        }
        if (cp == '.' && is_letter(next)) {
            /* Single letters on both sides of the period: U.S., e.g., a.m. */
            int32_t first, after;
            size_t fl = tqc_text_decode(t + seg_start, end - seg_start, &first), k;
            after = peek(t, i + n + m, end, &k);
            if (seg_start + fl == i && is_letter(first) && !is_word_char(after)) {
                seg_start = i + n;
                i += n + m;
                continue;
            }
        }
        break;
    }
    return i;
}

static size_t scan_number(const char *t, size_t i, size_t end)
{
    while (i < end) {
        size_t n;
        int32_t cp = peek(t, i, end, &n);
        if (is_digit(cp) || is_letter(cp)) {
            i += n;
            continue;
        }
        size_t m;
        int32_t next = peek(t, i + n, end, &m);
        if ((cp == '.' || cp == ',' || cp == ':' || cp == '/' || tqc_text_is_hyphen(cp)) &&
            is_digit(next)) {
            i += n;
            continue;
        }
        break;
    }
    return i;
}

static tqc_status push(tqc_token **toks, size_t *count, size_t *cap, tqc_token tok)
{
    if (*count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 256;
        if (ncap > SIZE_MAX / sizeof **toks)
            return TQC_ENOMEM;
        tqc_token *p = tqc_realloc(*toks, ncap * sizeof *p);
        if (!p)
            return TQC_ENOMEM;
        *toks = p;
        *cap = ncap;
    }
    (*toks)[(*count)++] = tok;
    return TQC_OK;
}

tqc_status tqc_tokenize(const char *t, tqc_span span, tqc_token **toks, size_t *count,
                        size_t *cap)
{
    uint32_t pending = 0;
    size_t i = span.start, end = span.end;
    while (i < end) {
        size_t n;
        int32_t cp = peek(t, i, end, &n);
        if (is_space(cp)) {
            pending |= TQC_TF_SPACE_BEFORE;
            if (cp == '\n' || cp == 0x2028 || cp == 0x2029)
                pending |= TQC_TF_NEWLINE_BEFORE;
            i += n;
            continue;
        }
        size_t stop = i + n;
        tqc_tok_kind kind = TQC_TOK_SYMBOL;
        size_t m;
        int32_t next = peek(t, i + n, end, &m);
        size_t e;
        unsigned hints = HINTS_UNKNOWN;
        if (cp < 0 || tqc_text_is_control(cp)) {
            kind = TQC_TOK_INVALID;
        } else if (((cp | 0x20) == 'h' && (starts_with_ci(t + i, end - i, "http://") ||
                                           starts_with_ci(t + i, end - i, "https://"))) ||
                   ((cp | 0x20) == 'w' && starts_with_ci(t + i, end - i, "www."))) {
            kind = TQC_TOK_URL;
            stop = trim_trailing(t, i, scan_nonspace(t, i, end));
        } else if ((cp == '@' || cp == '#') && is_word_char(next)) {
            kind = cp == '@' ? TQC_TOK_HANDLE : TQC_TOK_HASHTAG;
            stop = i + n;
            while (stop < end) {
                int32_t c = peek(t, stop, end, &m);
                if (!is_word_char(c) && c != '_')
                    break;
                stop += m;
            }
        } else if (is_word_char(cp) && ((hints = scan_hints(t, i, end)) & HINT_AT) &&
                   (e = scan_email(t, i, end)) != 0) {
            kind = TQC_TOK_EMAIL;
            stop = e;
        } else if ((is_word_char(cp) || (cp == '/' && is_word_char(next) &&
                                         (i == span.start || !is_word_char(prev_cp(t, i))))) &&
                   ((hints == HINTS_UNKNOWN ? scan_hints(t, i, end) : hints) & HINT_CODE) &&
                   (e = scan_code(t, i, end, &kind)) != 0) {
            stop = e;
        } else if (is_digit(cp)) {
            kind = TQC_TOK_NUMBER;
            stop = scan_number(t, i, end);
        } else if (is_letter(cp) || tqc_text_is_mark(cp)) {
            kind = TQC_TOK_WORD;
            stop = scan_word(t, i, end);
        } else if (tqc_text_is_punct(cp)) {
            kind = TQC_TOK_PUNCT;
            /* An ellipsis of periods, or a dash written as two hyphens, is one mark. */
            if ((cp == '.' || cp == '-') && next == cp) {
                while (stop < end && t[stop] == (char)cp)
                    stop++;
            }
        } else if (tqc_text_is_format(cp)) {
            kind = TQC_TOK_INVALID;
        }
        tqc_token tok = {tqc_span_make(i, stop), (uint32_t)kind, pending, 0};
        if (kind == TQC_TOK_WORD || kind == TQC_TOK_NUMBER)
            tok.flags |= word_flags(t, tok.span);
        tqc_status st = push(toks, count, cap, tok);
        if (st != TQC_OK)
            return st;
        pending = 0;
        i = stop;
    }
    return TQC_OK;
}
