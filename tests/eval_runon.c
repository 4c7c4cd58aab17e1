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
 * --joins is the second protocol (issue 12), seeded apart from make eval's: RUNON_PAIRS
 * joins of five kinds taken in turn, a fifth each: two words (`parkinglot`), three words
 * (`wewillappeal`), a sentence end (`agreement.The`), two words in a headline in capitals
 * (the words beside them in capitals too), and a word before a capitalised one
 * (`capitalPyongyang`); recall, right first split and Hunspell's first suggestion are
 * reported per kind and overall.
 *
 * usage: eval_runon [--joins] [--verbose] [--context] [--data DIR] FILE
 *   --context   with --verbose, each join missed or split wrongly in its text
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
/* --joins: another seed, so the two protocols join different places. */
#define RUNON_JOINS_SEED 20261206u
#define RUNON_CHUNK_LINES 50
#define RUNON_MAX_FILE (64u << 20)
/* --context: bytes of the text shown on each side of a join tqc missed or split wrongly. */
#define RUNON_CONTEXT 40

typedef struct join {
    size_t a, b;          /* token indices in the original text */
    size_t start, end;    /* span of the joined token in the modified text */
    char *original;       /* `a b` */
    int shape;
    int kind;
    bool flagged, right, hunspell_right;
    char *first;          /* tqc's first suggestion, or NULL */
    const char *message;  /* the finding's message, or NULL */
} join;

/* The kinds of join of --joins, taken in turn: two words, three words, a sentence end
 * (`agreement.The`), two words in a headline in capitals, and a word then a capitalised
 * one (`capitalPyongyang`). The default protocol joins pairs only. */
enum { KIND_PAIR, KIND_TRIPLE, KIND_SENTENCE, KIND_CAPS, KIND_CASE, KIND_COUNT };
static const char *const kind_names[KIND_COUNT] = {"pair", "triple", "sentence", "caps", "case"};

static size_t kind_tokens(int kind)
{
    return kind == KIND_PAIR || kind == KIND_CAPS || kind == KIND_CASE ? 2 : 3;
}

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

static bool ascii_lower(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return false;
    return len > 0;
}

/* Whether the place at token i (shuffled candidate) fits a join of this kind: unused
 * alphabetic words one space apart whose join the dictionary rejects, and the kind's own
 * shape. */
static bool fits(const char *text, const tqc_token *toks, size_t ntok, const bool *used,
                 size_t i, int kind, tqc_dict *dict)
{
    size_t n = kind_tokens(kind);
    if (i + n > ntok)
        return false;
    char joined[512];
    size_t jl = 0;
    for (size_t x = i; x < i + n; x++) {
        const tqc_token *t = &toks[x];
        const char *ts = text + t->span.start;
        size_t tl = tqc_span_len(t->span);
        if (used[x])
            return false;
        if (kind == KIND_SENTENCE && x == i + 1) {
            if (t->kind != TQC_TOK_PUNCT || tl != 1 || *ts != '.' ||
                t->span.start != toks[i].span.end)
                return false;
            continue;
        }
        if (t->kind != TQC_TOK_WORD || !alphabetic(ts, tl))
            return false;
        if (x > i && kind != KIND_SENTENCE &&
            (t->span.start != toks[x - 1].span.end + 1 || text[toks[x - 1].span.end] != ' '))
            return false;
        if (jl + tl >= sizeof joined)
            return false;
        memcpy(joined + jl, ts, tl);
        jl += tl;
    }
    const tqc_token *a = &toks[i], *b = &toks[i + n - 1];
    const char *as = text + a->span.start, *bs = text + b->span.start;
    size_t al = tqc_span_len(a->span), bl = tqc_span_len(b->span);
    switch (kind) {
    case KIND_SENTENCE:
        /* A full stop after a lower-case word (not an abbreviation), one space, a capital. */
        return al >= 2 && ascii_lower(as, al) && b->span.start == toks[i + 1].span.end + 1 &&
               text[toks[i + 1].span.end] == ' ' && capitalised(bs, bl);
    case KIND_CAPS: {
        /* ASCII only, so capitals keep every length; the neighbours become capitals too. */
        for (size_t x = 0; x < jl; x++) {
            if ((unsigned char)joined[x] >= 0x80)
                return false;
            joined[x] = (char)(joined[x] >= 'A' && joined[x] <= 'Z' ? joined[x] - 'A' + 'a' : joined[x]);
        }
        if ((i > 0 && used[i - 1]) || (i + n < ntok && used[i + n]) || al < 2 || bl < 2)
            return false;
        /* Text in capitals has a word beside the join: a lone token in capitals is an
         * acronym as often. */
        if (!(i > 0 && toks[i - 1].kind == TQC_TOK_WORD) &&
            !(i + n < ntok && toks[i + n].kind == TQC_TOK_WORD))
            return false;
        break;
    }
    case KIND_CASE:
        if (capitalised(as, al) || !capitalised(bs, bl))
            return false;
        break;
    default:
        break;
    }
    return !tqc_dict_known(dict, joined, jl);
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
    bool verbose = false, all = false, joins_mode = false, context = false;
    const char *path = NULL, *data_dir = TQC_SOURCE_DIR;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data_dir = argv[++i];
        else if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0)
            verbose = true;
        else if (strcmp(argv[i], "--joins") == 0)
            joins_mode = true;
        else if (strcmp(argv[i], "--all") == 0)
            verbose = all = true;
        else if (strcmp(argv[i], "--context") == 0)
            verbose = context = true;
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: eval_runon [--joins] [--verbose] [--data DIR] brown-news.txt\n");
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

    /* Every eligible place, shuffled; the first RUNON_PAIRS that share no token win. In
     * --joins mode the kinds are taken in turn and a place serves the kind it fits. */
    size_t *cand = malloc((ntok + 1) * sizeof *cand), ncand = 0;
    for (size_t i = 0; cand && i + 1 < ntok; i++) {
        const tqc_token *a = &toks[i], *b = &toks[i + 1];
        if (a->kind != TQC_TOK_WORD)
            continue;
        /* The pair protocol shuffles only pairs of words one space apart (as it always
         * has, so its figures stay comparable). */
        if (!joins_mode && (b->kind != TQC_TOK_WORD || b->span.start != a->span.end + 1 ||
                            text[a->span.end] != ' ' ||
                            !alphabetic(text + a->span.start, tqc_span_len(a->span)) ||
                            !alphabetic(text + b->span.start, tqc_span_len(b->span))))
            continue;
        cand[ncand++] = i;
    }
    uint64_t rng = joins_mode ? RUNON_JOINS_SEED : RUNON_SEED;
    for (size_t i = ncand; i > 1; i--) {
        size_t j = (size_t)(next_random(&rng) % i);
        size_t t = cand[i - 1];
        cand[i - 1] = cand[j];
        cand[j] = t;
    }
    bool *used = calloc(ntok + 1, 1);
    join *joins = calloc(RUNON_PAIRS, sizeof *joins);
    /* Per byte of text: the space is deleted, the letter is put in capitals. */
    bool *drop = calloc(len + 1, 1), *upper = calloc(len + 1, 1);
    size_t nj = 0;
    if (!used || !joins || !drop || !upper) {
        fprintf(stderr, "eval_runon: out of memory\n");
        return 2;
    }
    size_t tried[KIND_COUNT] = {0};
    for (size_t c = 0; nj < RUNON_PAIRS; c++) {
        int kind = joins_mode ? (int)(nj % KIND_COUNT) : KIND_PAIR;
        /* Each kind walks the shuffled list on its own, so a kind that fits few places
         * does not use up the others' candidates. */
        size_t at = tried[kind];
        for (; at < ncand; at++)
            if (fits(text, toks, ntok, used, cand[at], kind, dict))
                break;
        if (at >= ncand) {
            if (!joins_mode)
                break;
            fprintf(stderr, "eval_runon: too few places for %s joins\n", kind_names[kind]);
            return 2;
        }
        tried[kind] = at + 1;
        size_t i = cand[at], last = i + kind_tokens(kind) - 1;
        join *j = &joins[nj++];
        j->a = i;
        j->b = last;
        j->kind = kind;
        for (size_t x = i; x <= last; x++)
            used[x] = true;
        for (size_t x = i; x < last; x++)
            for (size_t b = toks[x].span.end; b < toks[x + 1].span.start; b++)
                drop[b] = true;
        if (kind == KIND_CAPS) {
            /* A headline in capitals: the words on either side are in capitals too. */
            size_t from = i > 0 && toks[i - 1].kind == TQC_TOK_WORD ? i - 1 : i;
            size_t to = last + 1 < ntok && toks[last + 1].kind == TQC_TOK_WORD ? last + 1 : last;
            for (size_t x = from; x <= to; x++) {
                used[x] = true;
                for (size_t b = toks[x].span.start; b < toks[x].span.end; b++)
                    upper[b] = true;
            }
        }
        size_t ol = toks[last].span.end - toks[i].span.start;
        j->original = malloc(ol + 1);
        for (size_t b = 0; b < ol; b++) {
            char ch = text[toks[i].span.start + b];
            j->original[b] = upper[toks[i].span.start + b] && ch >= 'a' && ch <= 'z'
                                 ? (char)(ch - 'a' + 'A') : ch;
        }
        j->original[ol] = '\0';
        bool ca = capitalised(text + toks[i].span.start, tqc_span_len(toks[i].span));
        bool cb = capitalised(text + toks[last].span.start, tqc_span_len(toks[last].span));
        j->shape = ca ? (cb ? SHAPE_CAP_CAP : SHAPE_CAP_LOWER) : (cb ? SHAPE_LOWER_CAP : SHAPE_LOWER);
    }

    /* The modified text: the chosen spaces deleted, the chosen letters in capitals;
     * map[b] is the offset in it of byte b of the text. */
    char *mod = malloc(len + 1);
    size_t *map = malloc((len + 1) * sizeof *map), mlen = 0;
    if (!mod || !map) {
        fprintf(stderr, "eval_runon: out of memory\n");
        return 2;
    }
    for (size_t b = 0; b <= len; b++) {
        map[b] = mlen;
        if (b < len && !drop[b])
            mod[mlen++] = upper[b] && text[b] >= 'a' && text[b] <= 'z'
                              ? (char)(text[b] - 'a' + 'A') : text[b];
    }
    mod[mlen] = '\0';
    /* Joins sorted by position make the matching one pass. */
    for (size_t x = 1; x < nj; x++)
        for (size_t y = x; y > 0 && joins[y - 1].a > joins[y].a; y--) {
            join t = joins[y];
            joins[y] = joins[y - 1];
            joins[y - 1] = t;
        }
    for (size_t x = 0; x < nj; x++) {
        joins[x].start = map[toks[joins[x].a].span.start];
        joins[x].end = map[toks[joins[x].b].span.end];
    }

    found_list hits = {0}, alarms = {0};
    check_text(ck, mod, mlen, &hits);
    check_text(ck, text, len, &alarms);

    size_t flagged = 0, right = 0, hun_right = 0;
    size_t by_shape[SHAPE_COUNT][3] = {{0}}, by_kind[KIND_COUNT][4] = {{0}};
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
        if (context && !j->right) {
            /* The join in its sentence, to see why a miss was missed. */
            size_t from = j->start > RUNON_CONTEXT ? j->start - RUNON_CONTEXT : 0;
            size_t to = j->end + RUNON_CONTEXT < mlen ? j->end + RUNON_CONTEXT : mlen;
            printf("    ");
            for (size_t b = from; b < to; b++)
                putchar(mod[b] == '\n' ? ' ' : mod[b]);
            putchar('\n');
        }
        tqc_dict_free_suggestions(sug, ns);
        flagged += j->flagged;
        right += j->right;
        hun_right += j->hunspell_right;
        by_shape[j->shape][0]++;
        by_shape[j->shape][1] += j->flagged;
        by_shape[j->shape][2] += j->right;
        by_kind[j->kind][0]++;
        by_kind[j->kind][1] += j->flagged;
        by_kind[j->kind][2] += j->right;
        by_kind[j->kind][3] += j->hunspell_right;
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
    for (int k = 0; joins_mode && k < KIND_COUNT; k++)
        printf("kind %-8s: %3zu joins, recall %.2f, first split %.2f (hunspell %.2f)\n",
               kind_names[k], by_kind[k][0], by_kind[k][1] / (double)(by_kind[k][0] ? by_kind[k][0] : 1),
               by_kind[k][2] / (double)(by_kind[k][0] ? by_kind[k][0] : 1),
               by_kind[k][3] / (double)(by_kind[k][0] ? by_kind[k][0] : 1));
    double n = nj ? (double)nj : 1.0;
    printf("%s: recall %.2f (%zu/%zu), first suggestion %.2f (%zu, tqc) vs %.2f (%zu, hunspell), "
           "false alarms %.1f per 10k words (%zu in %zu words)\n",
           joins_mode ? "joins" : "runon", flagged / n, flagged, nj, right / n, right, hun_right / n, hun_right,
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
    free(drop);
    free(upper);
    free(map);
    free(mod);
    free(toks);
    free(text);
    tqc_checker_free(ck);
    return 0;
}
