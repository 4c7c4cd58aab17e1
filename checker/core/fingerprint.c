/* fingerprint: a finding's identity across edits, for baselines and SARIF. */
#include "core/fingerprint.h"

#include <stdint.h>
#include <string.h>

#include "core/text.h"

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

uint64_t tqc_finding_fingerprint(const tqc_doc *doc, const tqc_finding *f)
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
