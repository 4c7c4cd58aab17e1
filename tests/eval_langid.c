/* eval_langid: how often language detection (lang/langid.h) names the expected language.
 * Usage: eval_langid [--fallback CODE] [--show] EXPECTED FILE...
 * Each FILE is read as tqc check reads it (a JSONL file gives one doc a record, its
 * `text` or `target`); every doc is one trial. Prints the share told right, the share
 * not told, and the confusions. --show prints each miss. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/input.h"
#include "lang/langid.h"

#define MAX_CONFUSIONS 32

int main(int argc, char **argv)
{
    const char *fallback = NULL;
    bool show = false;
    int a = 1;
    for (; a < argc && argv[a][0] == '-' && argv[a][1] == '-'; a++) {
        if (strcmp(argv[a], "--fallback") == 0 && a + 1 < argc)
            fallback = argv[++a];
        else if (strcmp(argv[a], "--show") == 0)
            show = true;
        else
            break;
    }
    if (argc - a < 2) {
        fputs("usage: eval_langid [--fallback CODE] [--show] EXPECTED FILE...\n", stderr);
        return 2;
    }
    const char *want = argv[a++];
    tqc_langid *id;
    tqc_langid_options lo = {.data_dir = TQC_SOURCE_DIR};
    if (tqc_langid_new(&lo, &id) != TQC_OK)
        return 2;
    size_t trials = 0, right = 0, untold = 0;
    struct { char code[16]; size_t n; } conf[MAX_CONFUSIONS];
    size_t nconf = 0;
    for (; a < argc; a++) {
        char err[512];
        tqc_input *in;
        tqc_input_options io = {.lang = want};
        tqc_status st = tqc_input_open(argv[a], &io, &in, err, sizeof err);
        while (st == TQC_OK) {
            tqc_doc *doc;
            if ((st = tqc_input_next(in, &doc, err, sizeof err)) != TQC_OK || !doc)
                break;
            tqc_langid_guess g;
            if (tqc_langid_detect(id, doc->text, doc->len, fallback, &g) == TQC_OK) {
                trials++;
                const char *got = g.code ? g.code : "-";
                if (g.code && strcmp(g.code, want) == 0) {
                    right++;
                } else {
                    untold += !g.code;
                    size_t k = 0;
                    while (k < nconf && strcmp(conf[k].code, got) != 0)
                        k++;
                    if (k == nconf && nconf < MAX_CONFUSIONS) {
                        snprintf(conf[k].code, sizeof conf[k].code, "%s", got);
                        conf[nconf++].n = 0;
                    }
                    if (k < nconf)
                        conf[k].n++;
                    if (show)
                        printf("miss: %s (coverage %.2f, %zu words, exttextcat %s): %.*s\n", got,
                               g.coverage, g.words, g.textcat[0] ? g.textcat : "-",
                               (int)(doc->len < 160 ? doc->len : 160), doc->text);
                }
            }
            tqc_doc_free(doc);
        }
        tqc_input_close(in);
        if (st != TQC_OK) {
            fprintf(stderr, "eval_langid: %s\n", err);
            tqc_langid_free(id);
            return 2;
        }
    }
    printf("%s: %zu of %zu told right (%.1f%%), %zu not told", want, right, trials,
           trials ? 100.0 * (double)right / (double)trials : 0.0, untold);
    for (size_t k = 0; k < nconf; k++)
        if (strcmp(conf[k].code, "-") != 0)
            printf(", %zu as %s", conf[k].n, conf[k].code);
    if (fallback)
        printf(" (fallback %s)", fallback);
    putchar('\n');
    tqc_langid_free(id);
    return 0;
}
