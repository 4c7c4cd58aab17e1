/* eval_forms: builds a language's compiled forms file (lang/forms.h) and prints the
 * dictionary's answers for words read from stdin, one a line, so that a run with the
 * forms (TQC_FORMS unset) and one with Hunspell alone (TQC_FORMS=0) can be diffed: the
 * compiled answers must equal Hunspell's on every word (issue 15).
 *   build/eval_forms --lang L [--data DIR] [--build] < words
 * prints `word<TAB>known<TAB>name-entry` a line (1 or 0); --build reports the build's time
 * and size on stderr first, and the number of Hunspell lookups is reported last. The
 * forms file is in TQC_CACHE_DIR; delete its verdict-*.bin files between the two runs,
 * or the second run reads the first one's answers from them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lang/dict.h"
#include "lang/lang.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *code = "en", *data = ".";
    int build = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            code = argv[++i];
        else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--build") == 0)
            build = 1;
        else {
            fprintf(stderr, "usage: eval_forms --lang L [--data DIR] [--build] < words\n");
            return 2;
        }
    }
    char err[512];
    tqc_lang *lang = NULL;
    tqc_dict *dict = NULL;
    if (tqc_lang_load(data, code, &lang, err, sizeof err) != TQC_OK ||
        tqc_dict_open(lang, data, NULL, &dict, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "eval_forms: %s\n", err);
        tqc_lang_free(lang);
        return 1;
    }
    if (build) {
        size_t forms = 0;
        bool complete = false;
        double t = now();
        if (tqc_dict_compile(dict, &forms, &complete, err, sizeof err) != TQC_OK)
            fprintf(stderr, "eval_forms: %s\n", err);
        fprintf(stderr, "%s (%s): %zu forms, %s, %.2f s\n", code, tqc_dict_name(dict), forms,
                complete ? "complete" : "partial", now() - t);
    }
    char line[1024];
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        if (n == 0)
            continue;
        printf("%s\t%d\t%d\n", line, tqc_dict_known(dict, line, n),
               tqc_dict_name_entry(dict, line, n));
    }
    size_t cached, lookups;
    tqc_dict_stats(dict, &cached, &lookups);
    fprintf(stderr, "%s: %zu Hunspell lookups\n", code, lookups);
    tqc_dict_free(dict);
    tqc_lang_free(lang);
    return 0;
}
