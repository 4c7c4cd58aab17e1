#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"

static const struct {
    const char *name;
    void (*init)(tqc_reporter *r);
} formats[] = {
    {"text", tqc_report_text_init},
    {"jsonl", tqc_report_jsonl_init},
    {"sarif", tqc_report_sarif_init},
    {"github", tqc_report_github_init},
    {"junit", tqc_report_junit_init},
    {"checkstyle", tqc_report_checkstyle_init},
    {"rdjsonl", tqc_report_rdjsonl_init},
};

const char *const tqc_report_formats[] = {"text", "jsonl", "sarif", "github", "junit",
                                          "checkstyle", "rdjsonl", NULL};

bool tqc_reporter_init(tqc_reporter *r, const char *format, FILE *out, bool color)
{
    memset(r, 0, sizeof *r);
    r->out = out;
    r->color = color;
    r->fail_on = TQC_SEV_WARNING;
    /* Without a working directory every path is printed as given. */
    if (!getcwd(r->cwd, sizeof r->cwd))
        r->cwd[0] = '\0';
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(format, formats[i].name) == 0) {
            formats[i].init(r);
            return true;
        }
    return false;
}

/* Moves off back to the start of a code point, not below lo. */
static size_t char_start(const char *t, size_t lo, size_t off)
{
    while (off > lo && ((unsigned char)t[off] & 0xC0) == 0x80)
        off--;
    return off;
}

tqc_span tqc_report_sentence_span(const tqc_doc *doc, const tqc_finding *f)
{
    size_t s = tqc_doc_sentence_at(doc, f->span.start);
    tqc_span span = s == SIZE_MAX ? tqc_doc_line_span(doc, f->span.start) : doc->sentences[s].span;
    if (f->span.start < span.start)
        span.start = f->span.start;
    if (f->span.end > span.end)
        span.end = f->span.end;
    /* A "sentence" of megabytes (a file without punctuation) is clipped around the span. */
    if (span.start + TQC_SENTENCE_MAX < f->span.start)
        span.start = char_start(doc->text, 0, f->span.start - TQC_SENTENCE_MAX / 2);
    if (f->span.end + TQC_SENTENCE_MAX < span.end)
        span.end = char_start(doc->text, f->span.end, f->span.end + TQC_SENTENCE_MAX / 2);
    return span;
}

void tqc_json_write_string(FILE *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            fputc('\\', out);
            fputc(c, out);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            switch (c) {
            case '\n': fputs("\\n", out); break;
            case '\r': fputs("\\r", out); break;
            case '\t': fputs("\\t", out); break;
            default: fprintf(out, "\\u%04x", c); break;
            }
            i++;
        } else if (c < 0x80) {
            fputc(c, out);
            i++;
        } else {
            int32_t cp;
            size_t n = tqc_text_decode(s + i, len - i, &cp);
            if (cp < 0)
                fputs("\xEF\xBF\xBD", out);
            else
                fwrite(s + i, 1, n, out);
            i += n;
        }
    }
}

void tqc_xml_write_string(FILE *out, const char *s, size_t len, bool attr)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = tqc_text_decode(s + i, len - i, &cp);
        switch (cp) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        case '\t': fputs(attr ? "&#9;" : "\t", out); break;
        case '\n': fputs(attr ? "&#10;" : "\n", out); break;
        case '\r': fputs("&#13;", out); break; /* a raw CR would be read as a line break */
        default:
            if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
                fputs("\xEF\xBF\xBD", out); /* not allowed in XML 1.0, even as &#n; */
            else
                fwrite(s + i, 1, n, out);
            break;
        }
        i += n;
    }
}

const char *tqc_report_path(const tqc_reporter *r, const char *name)
{
    size_t n = strlen(r->cwd);
    if (n && strncmp(name, r->cwd, n) == 0) {
        if (n == 1 && r->cwd[0] == '/')
            name += 1;
        else if (name[n] == '/')
            name += n + 1;
    }
    while (name[0] == '.' && name[1] == '/' && name[2])
        for (name += 2; *name == '/';)
            name++;
    return name;
}

/* FNV-1a: small, fast, and good enough once finished with a mixer below. */
#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static uint64_t hash_bytes(uint64_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* Hashes text[a, b) with each run of white space as one space, so re-wrapping a
 * paragraph does not change the fingerprint. */
static uint64_t hash_folded(uint64_t h, const char *t, size_t a, size_t b)
{
    bool space = false;
    for (size_t i = a; i < b;) {
        int32_t cp;
        size_t n = tqc_text_decode(t + i, b - i, &cp);
        if (cp >= 0 && tqc_text_is_space(cp)) {
            space = true;
        } else {
            if (space)
                h = hash_bytes(h, " ", 1);
            space = false;
            h = hash_bytes(h, t + i, n);
        }
        i += n;
    }
    return space ? hash_bytes(h, " ", 1) : h;
}

static bool space_at(const char *t, size_t i, size_t end, int32_t *cp)
{
    tqc_text_decode(t + i, end - i, cp);
    return *cp >= 0 && tqc_text_is_space(*cp);
}

/* Whether a white space run holding `breaks` line breaks, followed by the text at i,
 * ends the context: a blank line does, and so does one line break before a line that
 * does not go on in lower case (a new paragraph in one-paragraph-a-line copy, a heading,
 * a boilerplate line), so text added or changed on the next or previous line is no part
 * of it; a line re-wrapped mid-sentence goes on in lower case and stays inside. */
static bool context_ends(const char *t, size_t len, size_t i, int breaks)
{
    if (breaks >= 2)
        return true;
    if (breaks == 0)
        return false;
    int32_t cp = -1;
    if (i < len)
        tqc_text_decode(t + i, len - i, &cp);
    return cp < 0 || !tqc_text_is_lower(cp);
}

/* The start of the character or white space run that ends at i; i itself when that
 * run ends the context (context_ends). */
static size_t step_back(const char *t, size_t len, size_t i)
{
    size_t j = i;
    int breaks = 0;
    while (j > 0) {
        size_t start;
        int32_t cp = tqc_text_prev(t, j, &start);
        if (cp < 0 || !tqc_text_is_space(cp)) {
            if (j == i)
                j = start;
            break;
        }
        breaks += cp == '\n';
        j = start;
    }
    return context_ends(t, len, i, breaks) ? i : j;
}

/* The end of the character or white space run that starts at i (before len); i itself
 * when that run ends the context (context_ends). */
static size_t step_forward(const char *t, size_t len, size_t i)
{
    int32_t cp;
    if (i >= len)
        return len;
    if (!space_at(t, i, len, &cp))
        return i + tqc_text_decode(t + i, len - i, &cp);
    size_t j = i;
    int breaks = 0;
    while (j < len && space_at(t, j, len, &cp)) {
        breaks += cp == '\n';
        j += tqc_text_decode(t + j, len - j, &cp);
    }
    return context_ends(t, len, j, breaks) ? i : j;
}

uint64_t tqc_report_fingerprint(const tqc_doc *doc, const tqc_finding *f)
{
    /* Context: up to TQC_FINGERPRINT_CONTEXT characters either side, a run of white
     * space counting as one, not across a blank line or into another paragraph's line. The text decides where it stops,
     * not the segmenter: its sentence and paragraph ends are heuristics that re-wrapping
     * a line (or a better segmenter) may move. */
    size_t a = f->span.start;
    for (int k = 0; k < TQC_FINGERPRINT_CONTEXT; k++) {
        size_t prev = step_back(doc->text, doc->len, a);
        if (prev == a)
            break;
        a = prev;
    }
    size_t b = f->span.end;
    for (int k = 0; k < TQC_FINGERPRINT_CONTEXT; k++) {
        size_t next = step_forward(doc->text, doc->len, b);
        if (next == b)
            break;
        b = next;
    }
    /* White space at the window's outer ends says only what comes next (a blank line,
     * the end of the file), not what the finding is about. */
    int32_t cp;
    while (a < f->span.start && space_at(doc->text, a, f->span.start, &cp))
        a += tqc_text_decode(doc->text + a, f->span.start - a, &cp);
    size_t start;
    while (b > f->span.end && (cp = tqc_text_prev(doc->text, b, &start)) >= 0 &&
           tqc_text_is_space(cp))
        b = start < f->span.end ? f->span.end : start;
    uint64_t h = hash_bytes(FNV_OFFSET, f->rule, strlen(f->rule) + 1);
    h = hash_folded(h, doc->text, a, f->span.start);
    h = hash_bytes(h, "\x01", 1); /* separators: "ab|c" and "a|bc" must differ */
    h = hash_folded(h, doc->text, f->span.start, f->span.end);
    h = hash_bytes(h, "\x01", 1);
    h = hash_folded(h, doc->text, f->span.end, b);
    /* splitmix64's finaliser spreads FNV's weak high bits. */
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

bool tqc_report_new_file(tqc_reporter *r, tqc_report_files *t, const tqc_doc *doc)
{
    size_t begin = tqc_doc_file_offset(doc, 0);
    size_t end = tqc_doc_file_span(doc, tqc_span_make(0, doc->len)).end;
    if (t->name && strcmp(t->name, doc->name) == 0 && begin >= t->end) {
        t->end = end;
        return false;
    }
    free(t->name);
    size_t n = strlen(doc->name) + 1;
    t->name = malloc(n);
    if (t->name)
        memcpy(t->name, doc->name, n);
    else
        r->failed = true;
    t->end = end;
    return true;
}

void tqc_report_files_free(tqc_report_files *t)
{
    free(t->name);
    t->name = NULL;
    t->end = 0;
}
