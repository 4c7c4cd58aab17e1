/* eval_runon: the run-on injection test for missing-space.
 *
 * Reads a text (one paragraph a line; the Brown press section), picks RUNON_PAIRS
 * random pairs of adjacent alphabetic words separated by one space whose join the
 * dictionary rejects (fixed seed, so every run picks the same pairs), deletes those
 * spaces, checks the modified text with missing-space alone, and reports:
 *   recall            the joined token is flagged by missing-space
 *   first suggestion  tqc's first suggestion is the original `a b` (over all pairs)
 *   hunspell          Hunspell's own first suggestion is `a b` (the baseline)
 *   false alarms      missing-space findings on the unmodified text, per 10,000 words
 * The text is checked in chunks of RUNON_CHUNK_LINES paragraphs, about one Brown text
 * each, so evidence that spans a document (a name recurring) is as in an article.
 *
 * usage: eval_runon [--verbose] [--data DIR] FILE
 *   --data DIR  rules/ and dictionaries/ from DIR instead of the source tree (to measure
 *               on a development text against a frequency list that holds it out) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/checker.h"
#include "core/token.h"
#include "pass/pass.h"
#include "seg/seg.h"
#include "core/text.h"

#define RUNON_PAIRS 1000
#define RUNON_SEED 20260123u
#define RUNON_CHUNK_LINES 50
#define RUNON_MAX_FILE (64u << 20)

typedef struct join {
    size_t a, b;          /* token indices in the original text */
    size_t start, end;    /* span of the joined token in the modified text */
    char *original;       /* `a b` */
    int shape;
    bool flagged, right, hunspell_right;
    char *first;          /* tqc's first suggestion, or NULL */
    const char *message;  /* the finding's message, or NULL */
} join;

enum { SHAPE_LOWER, SHAPE_CAP_LOWER, SHAPE_LOWER_CAP, SHAPE_CAP_CAP, SHAPE_COUNT };
static const char *const shape_names[SHAPE_COUNT] = {"ab", "Ab", "aB", "AB"};

/* splitmix64: a small, well-mixed PRNG with a fixed seed. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(RUNON_MAX_FILE + 1);
    size_t n = buf ? fread(buf, 1, RUNON_MAX_FILE, f) : 0;
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    *len = n;
    return buf;
}

static bool alphabetic(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
        if (!tqc_text_is_letter(cp))
            return false;
    }
    return len > 0;
}

static bool capitalised(const char *s, size_t len)
{
    int32_t cp;
    tqc_text_decode(s, len, &cp);
    return tqc_text_is_upper(cp);
}

typedef struct found {
    size_t start, end;
    char *first;
    char *message;
} found;

typedef struct found_list {
    found *items;
    size_t count, cap;
} found_list;

static void add_found(found_list *fl, size_t start, size_t end, const char *first,
                      const char *message)
{
    if (fl->count == fl->cap) {
        fl->cap = fl->cap ? fl->cap * 2 : 256;
        fl->items = realloc(fl->items, fl->cap * sizeof *fl->items);
        if (!fl->items) {
            fprintf(stderr, "eval_runon: out of memory\n");
            exit(2);
        }
    }
    fl->items[fl->count++] = (found){start, end, first ? strdup(first) : NULL, strdup(message)};
}

/* Checks text in chunks of RUNON_CHUNK_LINES lines; collects missing-space findings
 * with offsets into text. */
static void check_text(tqc_checker *ck, const char *text, size_t len, found_list *out)
{
    size_t pos = 0;
    while (pos < len) {
        size_t end = pos;
        for (int lines = 0; end < len && lines < RUNON_CHUNK_LINES; lines++) {
            const char *nl = memchr(text + end, '\n', len - end);
            end = nl ? (size_t)(nl - text) + 1 : len;
        }
        tqc_doc *doc = tqc_doc_new("eval", text + pos, end - pos, "en");
        tqc_findings fs;
        tqc_findings_init(&fs, doc);
        if (!doc || tqc_check_doc(ck, doc, &fs) != TQC_OK) {
            fprintf(stderr, "eval_runon: check failed\n");
            exit(2);
        }
        for (size_t i = 0; i < fs.count; i++) {
            const tqc_finding *f = &fs.items[i];
            if (strcmp(f->rule, "missing-space") == 0 || (f->also && strstr(f->also, "missing-space")))
                add_found(out, pos + f->span.start, pos + f->span.end,
                          f->suggestion_count ? f->suggestions[0] : NULL, f->message);
        }
        tqc_findings_release(&fs);
        tqc_doc_free(doc);
        pos = end;
    }
}

int main(int argc, char **argv)
{
    bool verbose = false, all = false;
    const char *path = NULL, *data_dir = TQC_SOURCE_DIR;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data_dir = argv[++i];
        else if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0)
            verbose = true;
        else if (strcmp(argv[i], "--all") == 0)
            verbose = all = true;
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: eval_runon [--verbose] [--data DIR] brown-news.txt\n");
        return 2;
    }
    size_t len = 0;
    char *text = read_file(path, &len);
    if (!text) {
        fprintf(stderr, "eval_runon: cannot read %s\n", path);
        return 2;
    }

    /* Only missing-space runs: the others neither help nor hinder it. */
    const char *disabled[64];
    size_t nd = 0;
    for (size_t i = 0; i < tqc_pass_count && nd < 64; i++)
        if (strcmp(tqc_passes[i]->id, "missing-space") != 0)
            disabled[nd++] = tqc_passes[i]->id;
    tqc_check_options opts = {.data_dir = data_dir, .lang = "en", .disabled = disabled,
                              .disabled_count = nd};
    tqc_checker *ck;
    char err[512];
    if (tqc_checker_new(&opts, &ck, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "eval_runon: %s\n", err);
        return 2;
    }
    tqc_dict *dict = tqc_checker_dict(ck);

    tqc_token *toks = NULL;
    size_t ntok = 0, captok = 0, words = 0;
    if (tqc_tokenize(text, tqc_span_make(0, len), &toks, &ntok, &captok) != TQC_OK) {
        fprintf(stderr, "eval_runon: out of memory\n");
        return 2;
    }
    for (size_t i = 0; i < ntok; i++)
        words += toks[i].kind == TQC_TOK_WORD;

    /* Every eligible pair, shuffled; the first RUNON_PAIRS that share no token win. */
    size_t *cand = malloc((ntok + 1) * sizeof *cand), ncand = 0;
    for (size_t i = 0; cand && i + 1 < ntok; i++) {
        const tqc_token *a = &toks[i], *b = &toks[i + 1];
        if (a->kind != TQC_TOK_WORD || b->kind != TQC_TOK_WORD ||
            b->span.start != a->span.end + 1 || text[a->span.end] != ' ')
            continue;
        if (alphabetic(text + a->span.start, tqc_span_len(a->span)) &&
            alphabetic(text + b->span.start, tqc_span_len(b->span)))
            cand[ncand++] = i;
    }
    uint64_t rng = RUNON_SEED;
    for (size_t i = ncand; i > 1; i--) {
        size_t j = (size_t)(next_random(&rng) % i);
        size_t t = cand[i - 1];
        cand[i - 1] = cand[j];
        cand[j] = t;
    }
    bool *used = calloc(ntok + 1, 1);
    join *joins = calloc(RUNON_PAIRS, sizeof *joins);
    size_t nj = 0;
    for (size_t c = 0; c < ncand && nj < RUNON_PAIRS; c++) {
        size_t i = cand[c];
        if (used[i] || used[i + 1])
            continue;
        const tqc_token *a = &toks[i], *b = &toks[i + 1];
        size_t al = tqc_span_len(a->span), bl = tqc_span_len(b->span);
        char joined[512];
        if (al + bl >= sizeof joined)
            continue;
        memcpy(joined, text + a->span.start, al);
        memcpy(joined + al, text + b->span.start, bl);
        if (tqc_dict_known(dict, joined, al + bl))
            continue;
        used[i] = used[i + 1] = true;
        join *j = &joins[nj++];
        j->a = i;
        j->b = i + 1;
        j->original = malloc(al + bl + 2);
        memcpy(j->original, text + a->span.start, al + 1);
        memcpy(j->original + al + 1, text + b->span.start, bl);
        j->original[al + bl + 1] = '\0';
        bool ca = capitalised(text + a->span.start, al), cb = capitalised(text + b->span.start, bl);
        j->shape = ca ? (cb ? SHAPE_CAP_CAP : SHAPE_CAP_LOWER) : (cb ? SHAPE_LOWER_CAP : SHAPE_LOWER);
    }

    /* The modified text: the chosen spaces deleted, joins located in it. */
    char *mod = malloc(len + 1);
    size_t mlen = 0, prev = 0, shift = 0;
    /* Joins sorted by position make the copy one pass. */
    for (size_t x = 1; x < nj; x++)
        for (size_t y = x; y > 0 && joins[y - 1].a > joins[y].a; y--) {
            join t = joins[y];
            joins[y] = joins[y - 1];
            joins[y - 1] = t;
        }
    for (size_t x = 0; x < nj; x++) {
        size_t space = toks[joins[x].a].span.end;
        memcpy(mod + mlen, text + prev, space - prev);
        mlen += space - prev;
        prev = space + 1;
        joins[x].start = toks[joins[x].a].span.start - shift;
        shift++;
        joins[x].end = toks[joins[x].b].span.end - shift;
    }
    memcpy(mod + mlen, text + prev, len - prev);
    mlen += len - prev;
    mod[mlen] = '\0';

    found_list hits = {0}, alarms = {0};
    check_text(ck, mod, mlen, &hits);
    check_text(ck, text, len, &alarms);

    size_t flagged = 0, right = 0, hun_right = 0;
    size_t by_shape[SHAPE_COUNT][3] = {{0}};
    for (size_t x = 0, h = 0; x < nj; x++) {
        join *j = &joins[x];
        while (h < hits.count && hits.items[h].end <= j->start)
            h++;
        for (size_t y = h; y < hits.count && hits.items[y].start < j->end; y++) {
            j->flagged = true;
            j->first = hits.items[y].first;
            j->message = hits.items[y].message;
            j->right = j->first && strcmp(j->first, j->original) == 0;
            break;
        }
        char *sug[1];
        size_t ns = tqc_dict_hunspell_suggest(dict, mod + j->start, j->end - j->start, sug, 1);
        j->hunspell_right = ns > 0 && strcmp(sug[0], j->original) == 0;
        if (verbose && (all || !j->right))
            printf("%s: %-28.*s want '%s', tqc %s%s%s, hunspell '%s'%s%s%s\n",
                   j->right ? "right" : j->flagged ? "wrong" : "miss ", (int)(j->end - j->start), mod + j->start,
                   j->original, j->first ? "'" : "", j->first ? j->first : "-",
                   j->first ? "'" : "", ns ? sug[0] : "-", all && j->message ? "  (" : "",
                   all && j->message ? j->message : "", all && j->message ? ")" : "");
        tqc_dict_free_suggestions(sug, ns);
        flagged += j->flagged;
        right += j->right;
        hun_right += j->hunspell_right;
        by_shape[j->shape][0]++;
        by_shape[j->shape][1] += j->flagged;
        by_shape[j->shape][2] += j->right;
    }
    if (verbose) {
        for (size_t i = 0; i < alarms.count; i++) {
            const found *f = &alarms.items[i];
            printf("false alarm: %.*s  (%s)\n", (int)(f->end - f->start), text + f->start,
                   f->message);
        }
        for (int s = 0; s < SHAPE_COUNT; s++)
            printf("shape %s: %zu pairs, %zu flagged, %zu right first\n", shape_names[s],
                   by_shape[s][0], by_shape[s][1], by_shape[s][2]);
    }
    double n = nj ? (double)nj : 1.0;
    printf("runon: recall %.2f (%zu/%zu), first suggestion %.2f (%zu, tqc) vs %.2f (%zu, hunspell), "
           "false alarms %.1f per 10k words (%zu in %zu words)\n",
           flagged / n, flagged, nj, right / n, right, hun_right / n, hun_right,
           words ? alarms.count * 10000.0 / (double)words : 0.0, alarms.count, words);

    for (size_t i = 0; i < hits.count; i++) {
        free(hits.items[i].first);
        free(hits.items[i].message);
    }
    for (size_t i = 0; i < alarms.count; i++) {
        free(alarms.items[i].first);
        free(alarms.items[i].message);
    }
    free(hits.items);
    free(alarms.items);
    for (size_t x = 0; x < nj; x++)
        free(joins[x].original);
    free(joins);
    free(used);
    free(cand);
    free(mod);
    free(toks);
    free(text);
    tqc_checker_free(ck);
    return 0;
}
