/* eval_golden: measures the sentence segmenter on Golden Rules files (JSON Lines, one
 * object a line with "id", "text" and a "sentences" array, as in
 * shared/corpus/external/). Each text is segmented with the library and its sentences,
 * stripped of surrounding white space, must equal the expected list exactly.
 *
 *   build/eval_golden [--lang CODE] [--verbose] FILE.jsonl...
 *
 * The language comes from the file name (golden-rules-XX, pysbd-more-XX) unless --lang
 * gives it; a language without a profile in rules/ segments with no abbreviations.
 * Prints one line per file and exits 0: this is a measurement, not a test. It exits 1
 * only when it cannot run (bad usage, unreadable file, malformed JSON, no memory). */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "lang/lang.h"
#include "seg/seg.h"
#include "core/text.h"

/* Expected sentences per case; the Golden Rules have at most a dozen. */
#define EVAL_MAX_SENTENCES 256
#define EVAL_MAX_CODE 32

/* A decoded JSON string: malloc'd bytes, NUL-terminated (may hold inner NULs from \u0000). */
typedef struct jstr {
    char *s;
    size_t len;
} jstr;

typedef struct gcase {
    jstr id, text;
    jstr sentences[EVAL_MAX_SENTENCES];
    size_t sentence_count;
} gcase;

/* A cursor over one line of JSON. */
typedef struct jparser {
    const char *p, *end;
    const char *error;
} jparser;

static void skip_ws(jparser *jp)
{
    while (jp->p < jp->end && (*jp->p == ' ' || *jp->p == '\t' || *jp->p == '\r' || *jp->p == '\n'))
        jp->p++;
}

static bool fail(jparser *jp, const char *msg)
{
    if (!jp->error)
        jp->error = msg;
    return false;
}

static bool expect(jparser *jp, char c)
{
    skip_ws(jp);
    if (jp->p >= jp->end || *jp->p != c)
        return fail(jp, "unexpected character");
    jp->p++;
    return true;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Four hex digits after "\u"; -1 when malformed. */
static int32_t read_hex4(jparser *jp)
{
    if (jp->end - jp->p < 4)
        return -1;
    int32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value(jp->p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    jp->p += 4;
    return v;
}

/* Parses a JSON string at the cursor. With out NULL it is only skipped. The decoded
 * form is never longer than the escaped one (a \uXXXX escape is 6 bytes for at most 3,
 * a surrogate pair 12 for 4), so one allocation of the raw length suffices. */
static bool parse_string(jparser *jp, jstr *out)
{
    skip_ws(jp);
    if (jp->p >= jp->end || *jp->p != '"')
        return fail(jp, "expected a string");
    jp->p++;
    const char *close = jp->p;
    while (close < jp->end && *close != '"')
        close += *close == '\\' ? 2 : 1;
    if (close >= jp->end)
        return fail(jp, "unterminated string");
    char *buf = NULL;
    if (out && !(buf = malloc((size_t)(close - jp->p) + 1)))
        return fail(jp, "out of memory");
    size_t n = 0;
    while (jp->p < close) {
        char c = *jp->p++;
        if ((unsigned char)c < 0x20) {
            free(buf);
            return fail(jp, "control character in string");
        }
        if (c != '\\') {
            if (buf)
                buf[n++] = c;
            continue;
        }
        char e = *jp->p++;
        int32_t cp;
        switch (e) {
        case '"': case '\\': case '/': cp = e; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
            cp = read_hex4(jp);
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                /* A high surrogate must be followed by an escaped low one. */
                int32_t lo = -1;
                if (close - jp->p >= 6 && jp->p[0] == '\\' && jp->p[1] == 'u') {
                    jp->p += 2;
                    lo = read_hex4(jp);
                }
                cp = lo >= 0xDC00 && lo <= 0xDFFF ? 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                                                  : -1;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                cp = -1;
            }
            break;
        default: cp = -1; break;
        }
        if (cp < 0 || jp->p > close) {
            free(buf);
            return fail(jp, "bad escape in string");
        }
        if (buf)
            n += tqc_text_encode(cp, buf + n);
    }
    jp->p = close + 1;
    if (buf) {
        buf[n] = '\0';
        *out = (jstr){buf, n};
    }
    return true;
}

static bool skip_value(jparser *jp, int depth);

/* Skips an array or object (the opener at the cursor), nesting at most depth levels. */
static bool skip_container(jparser *jp, int depth)
{
    char close = *jp->p == '[' ? ']' : '}';
    bool object = close == '}';
    jp->p++;
    skip_ws(jp);
    if (jp->p < jp->end && *jp->p == close) {
        jp->p++;
        return true;
    }
    for (;;) {
        if (object && !(parse_string(jp, NULL) && expect(jp, ':')))
            return false;
        if (!skip_value(jp, depth - 1))
            return false;
        skip_ws(jp);
        if (jp->p < jp->end && *jp->p == ',') {
            jp->p++;
            continue;
        }
        return expect(jp, close);
    }
}

static bool skip_value(jparser *jp, int depth)
{
    skip_ws(jp);
    if (depth <= 0)
        return fail(jp, "nested too deeply");
    if (jp->p >= jp->end)
        return fail(jp, "expected a value");
    char c = *jp->p;
    if (c == '"')
        return parse_string(jp, NULL);
    if (c == '[' || c == '{')
        return skip_container(jp, depth);
    /* A number or a literal: the characters they may hold. */
    const char *start = jp->p;
    while (jp->p < jp->end && strchr("0123456789+-.eEtruefalsn", *jp->p))
        jp->p++;
    return jp->p > start ? true : fail(jp, "expected a value");
}

static void case_free(gcase *gc)
{
    free(gc->id.s);
    free(gc->text.s);
    for (size_t i = 0; i < gc->sentence_count; i++)
        free(gc->sentences[i].s);
    memset(gc, 0, sizeof *gc);
}

static bool parse_sentences(jparser *jp, gcase *gc)
{
    if (!expect(jp, '['))
        return false;
    skip_ws(jp);
    if (jp->p < jp->end && *jp->p == ']') {
        jp->p++;
        return true;
    }
    for (;;) {
        if (gc->sentence_count == EVAL_MAX_SENTENCES)
            return fail(jp, "too many sentences");
        if (!parse_string(jp, &gc->sentences[gc->sentence_count]))
            return false;
        gc->sentence_count++;
        skip_ws(jp);
        if (jp->p < jp->end && *jp->p == ',') {
            jp->p++;
            continue;
        }
        return expect(jp, ']');
    }
}

/* Parses one line holding a case object; other keys are skipped. */
static bool parse_case(jparser *jp, gcase *gc)
{
    if (!expect(jp, '{'))
        return false;
    bool has_sentences = false;
    skip_ws(jp);
    if (jp->p < jp->end && *jp->p == '}')
        return fail(jp, "empty object");
    for (;;) {
        jstr key;
        if (!parse_string(jp, &key) || !expect(jp, ':'))
            return false;
        bool ok;
        jstr *slot = strcmp(key.s, "id") == 0 ? &gc->id : strcmp(key.s, "text") == 0 ? &gc->text : NULL;
        if (slot) {
            free(slot->s);
            slot->s = NULL;
            ok = parse_string(jp, slot);
        } else if (strcmp(key.s, "sentences") == 0 && !has_sentences) {
            has_sentences = true;
            ok = parse_sentences(jp, gc);
        } else {
            ok = skip_value(jp, 16);
        }
        free(key.s);
        if (!ok)
            return false;
        skip_ws(jp);
        if (jp->p < jp->end && *jp->p == ',') {
            jp->p++;
            continue;
        }
        if (!expect(jp, '}'))
            return false;
        skip_ws(jp);
        if (jp->p != jp->end)
            return fail(jp, "text after the object");
        if (!gc->id.s || !gc->text.s || !has_sentences)
            return fail(jp, "object lacks id, text or sentences");
        return true;
    }
}

/* The span of s without leading and trailing white space (as Python's str.strip). */
static tqc_span strip_span(const char *s, size_t len)
{
    size_t a = 0, b = len;
    while (a < b) {
        int32_t cp;
        size_t n = tqc_text_decode(s + a, b - a, &cp);
        if (!tqc_text_is_space(cp))
            break;
        a += n;
    }
    while (b > a) {
        size_t start;
        int32_t cp = tqc_text_prev(s, b, &start);
        if (!tqc_text_is_space(cp))
            break;
        b = start;
    }
    return tqc_span_make(a, b);
}

static void print_quoted(const char *s, size_t len)
{
    fputs("«", stdout);
    fwrite(s, 1, len, stdout);
    fputs("»", stdout);
}

/* Segments the case's text; true when its sentences equal the expected ones. */
static bool run_case(const gcase *gc, const tqc_lang *lang, const char *code, bool verbose,
                     bool *oom)
{
    tqc_doc *doc = tqc_doc_new(gc->id.s, gc->text.s, gc->text.len, code);
    if (!doc || tqc_segment(doc, lang) != TQC_OK) {
        tqc_doc_free(doc);
        *oom = true;
        return false;
    }
    bool pass = doc->sentence_count == gc->sentence_count;
    for (size_t i = 0; pass && i < doc->sentence_count; i++) {
        tqc_span got = doc->sentences[i].span;
        const jstr *want = &gc->sentences[i];
        tqc_span w = strip_span(want->s, want->len);
        tqc_span g = strip_span(doc->text + got.start, tqc_span_len(got));
        pass = tqc_span_len(w) == tqc_span_len(g) &&
               memcmp(want->s + w.start, doc->text + got.start + g.start, tqc_span_len(w)) == 0;
    }
    if (!pass && verbose) {
        printf("  %s\n    text: ", gc->id.s);
        print_quoted(gc->text.s, gc->text.len);
        printf("\n    want:");
        for (size_t i = 0; i < gc->sentence_count; i++) {
            tqc_span w = strip_span(gc->sentences[i].s, gc->sentences[i].len);
            putchar(' ');
            print_quoted(gc->sentences[i].s + w.start, tqc_span_len(w));
        }
        printf("\n    got: ");
        for (size_t i = 0; i < doc->sentence_count; i++) {
            putchar(' ');
            print_quoted(doc->text + doc->sentences[i].span.start,
                         tqc_span_len(doc->sentences[i].span));
        }
        putchar('\n');
    }
    tqc_doc_free(doc);
    return pass;
}

/* The language code in a file name golden-rules-XX.jsonl or pysbd-more-XX.jsonl. */
static bool lang_from_name(const char *path, char *code, size_t cap)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    static const char *const prefixes[] = {"golden-rules-", "pysbd-more-"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t pl = strlen(prefixes[i]);
        if (strncmp(base, prefixes[i], pl) != 0)
            continue;
        const char *dot = strchr(base + pl, '.');
        size_t n = dot ? (size_t)(dot - base - pl) : strlen(base + pl);
        if (n == 0 || n >= cap)
            return false;
        memcpy(code, base + pl, n);
        code[n] = '\0';
        return true;
    }
    return false;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *p = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
        if (!p) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = p;
        cap *= 2;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* The display name: the file name without folder and extension. */
static void print_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    printf("%.*s", (int)(dot ? (size_t)(dot - base) : strlen(base)), base);
}

/* Evaluates one file; false when it cannot be read or parsed. */
static bool eval_file(const char *path, const char *forced_lang, bool verbose)
{
    char code[EVAL_MAX_CODE], err[512];
    if (forced_lang) {
        snprintf(code, sizeof code, "%s", forced_lang);
    } else if (!lang_from_name(path, code, sizeof code)) {
        fprintf(stderr, "eval_golden: %s: cannot tell the language from the name; use --lang\n", path);
        return false;
    }
    tqc_lang *lang = NULL;
    if (tqc_lang_load(TQC_SOURCE_DIR, code, &lang, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "eval_golden: language %s: %s\n", code, err);
        return false;
    }
    size_t len;
    char *data = read_all(path, &len);
    if (!data) {
        fprintf(stderr, "eval_golden: %s: %s\n", path, strerror(errno));
        tqc_lang_free(lang);
        return false;
    }
    size_t total = 0, passed = 0, lineno = 0;
    /* Failing ids, printed after the score line (verbose details come first). */
    char failed[4096];
    size_t flen = 0;
    bool ok = true;
    for (const char *line = data, *end = data + len; ok && line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *stop = nl ? nl : end;
        lineno++;
        jparser jp = {line, stop, NULL};
        skip_ws(&jp);
        if (jp.p < jp.end) {
            gcase gc;
            memset(&gc, 0, sizeof gc);
            if (!parse_case(&jp, &gc)) {
                fprintf(stderr, "eval_golden: %s:%zu: %s\n", path, lineno, jp.error);
                ok = false;
            } else {
                bool oom = false;
                total++;
                if (run_case(&gc, lang, code, verbose, &oom)) {
                    passed++;
                } else if (oom) {
                    fprintf(stderr, "eval_golden: out of memory\n");
                    ok = false;
                } else {
                    int n = snprintf(failed + flen, sizeof failed - flen, " %s", gc.id.s);
                    if (n > 0 && (size_t)n < sizeof failed - flen)
                        flen += (size_t)n;
                }
            }
            case_free(&gc);
        }
        line = stop + 1;
    }
    if (ok) {
        print_name(path);
        printf(": %zu/%zu passed%s", passed, total, tqc_lang_dir(lang) ? "" : " (no profile)");
        if (flen)
            printf("; failing:%.*s", (int)flen, failed);
        putchar('\n');
    }
    free(data);
    tqc_lang_free(lang);
    return ok;
}

int main(int argc, char **argv)
{
    const char *forced_lang = NULL;
    bool verbose = false;
    int files = 0, status = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0) {
            verbose = true;
        } else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            forced_lang = argv[++i];
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: %s [--lang CODE] [--verbose] FILE.jsonl...\n", argv[0]);
            return 1;
        }
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0) {
            i++;
            continue;
        }
        if (argv[i][0] == '-')
            continue;
        files++;
        if (!eval_file(argv[i], forced_lang, verbose))
            status = 1;
    }
    if (!files) {
        fprintf(stderr, "usage: %s [--lang CODE] [--verbose] FILE.jsonl...\n", argv[0]);
        return 1;
    }
    if (fflush(stdout) != 0 || ferror(stdout))
        return 1;
    return status;
}
