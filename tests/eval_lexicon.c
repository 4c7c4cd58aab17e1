/* eval_lexicon: how much of a running text a language's lexicon knows.
 *
 * Segments each FILE with the profile of LANG (rules/ and dictionaries/ of the source
 * tree) and counts its word tokens: known as written, known as written or lower-cased
 * (tqc_ctx_pos, tqc_ctx_pos_lower), and how many of those are verbs (finite or auxiliary).
 * With --unknown N, also prints the N commonest unknown forms (to find gaps in the
 * lexicon's sources, not to add a corpus's words to it).
 *
 * usage: eval_lexicon [--unknown N] LANG FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "lang/lang.h"
#include "pass/pass.h"
#include "seg/seg.h"
#include "core/strmap.h"

#define LEXEVAL_MAX_FILE (256u << 20)

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(LEXEVAL_MAX_FILE + 1);
    size_t n = buf ? fread(buf, 1, LEXEVAL_MAX_FILE, f) : 0;
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

typedef struct counts {
    size_t words, known, known_any, verbs;
} counts;

static int cmp_desc(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    return (x[0] < y[0]) - (x[0] > y[0]);
}

int main(int argc, char **argv)
{
    int a = 1;
    long show = 0;
    if (a + 1 < argc && strcmp(argv[a], "--unknown") == 0) {
        show = strtol(argv[a + 1], NULL, 10);
        a += 2;
    }
    if (argc - a < 2) {
        fprintf(stderr, "usage: eval_lexicon [--unknown N] LANG FILE...\n");
        return 2;
    }
    const char *code = argv[a++];
    char err[512];
    tqc_lang *lang;
    if (tqc_lang_load(TQC_SOURCE_DIR, code, &lang, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "eval_lexicon: %s\n", err);
        return 1;
    }
    if (!tqc_lang_lexicon(lang)) {
        fprintf(stderr, "eval_lexicon: %s has no lexicon\n", code);
        tqc_lang_free(lang);
        return 1;
    }
    tqc_strmap *unknown = tqc_strmap_new();
    counts c = {0};
    for (; a < argc; a++) {
        size_t len;
        char *text = read_file(argv[a], &len);
        tqc_doc *doc = text ? tqc_doc_new(argv[a], text, len, code) : NULL;
        free(text);
        if (!doc || tqc_segment(doc, lang) != TQC_OK) {
            fprintf(stderr, "eval_lexicon: %s: cannot read or segment\n", argv[a]);
            tqc_doc_free(doc);
            continue;
        }
        tqc_ctx ctx = {.doc = doc, .lang = lang};
        for (size_t k = 0; k < doc->token_count; k++) {
            if (doc->tokens[k].kind != TQC_TOK_WORD)
                continue;
            c.words++;
            uint32_t pos = tqc_ctx_pos(&ctx, k);
            uint32_t any = pos ? pos : tqc_ctx_pos_lower(&ctx, k);
            c.known += pos != 0;
            c.known_any += any != 0;
            c.verbs += (any & (TQC_POS_VFIN | TQC_POS_AUX)) != 0;
            if (!any && unknown) {
                tqc_span sp = doc->tokens[k].span;
                uint64_t n = 0;
                tqc_strmap_get(unknown, tqc_doc_at(doc, sp), tqc_span_len(sp), &n);
                tqc_strmap_put(unknown, tqc_doc_at(doc, sp), tqc_span_len(sp), n + 1);
            }
        }
        tqc_doc_free(doc);
    }
    double w = c.words ? (double)c.words : 1.0;
    printf("%s: %zu forms; %zu word tokens; known as written %.3f, as written or lower-cased "
           "%.3f; finite verb or auxiliary %.3f\n", code, tqc_lex_count(tqc_lang_lexicon(lang)),
           c.words, c.known / w, c.known_any / w, c.verbs / w);
    size_t nu = tqc_strmap_count(unknown);
    uint64_t (*rank)[2] = show > 0 && nu ? calloc(nu, sizeof *rank) : NULL;
    if (rank) {
        for (size_t i = 0; i < nu; i++) {
            size_t klen;
            const char *key = tqc_strmap_key(unknown, i, &klen);
            tqc_strmap_get(unknown, key, klen, &rank[i][0]);
            rank[i][1] = i;
        }
        qsort(rank, nu, sizeof *rank, cmp_desc);
        for (size_t i = 0; i < nu && i < (size_t)show; i++)
            printf("%8llu %s\n", (unsigned long long)rank[i][0],
                   tqc_strmap_key(unknown, rank[i][1], NULL));
    }
    free(rank);
    tqc_strmap_free(unknown);
    tqc_lang_free(lang);
    return 0;
}
