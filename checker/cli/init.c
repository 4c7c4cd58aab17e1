/* tqc init (cli/init.h): a starting .tqc.ini whose comments say what each setting does. */
#include "cli/init.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/atomic.h"
#include "cli/help.h"

enum { EXIT_DONE = 0, EXIT_TROUBLE = 2 };

/* Every key run/config.c reads, at its default; the active lines are the defaults, so the
 * file changes nothing until it is edited. */
static const char template_ini[] =
    "# .tqc.ini: tqc's settings for the files in this folder and below (the nearest\n"
    "# .tqc.ini above a file applies; the search stops at the folder holding .git).\n"
    "# tqc config --show FILE prints each file's settings and where they come from.\n"
    "\n"
    "# Exit 1 on findings at or above this severity: error, warning or info.\n"
    "fail-on = warning\n"
    "\n"
    "# The articles' language when it cannot be told from the text (en, en-GB, pt-BR,\n"
    "# pt-PT, es, fr, de, it); --lang on the command line wins.\n"
    "# lang = en\n"
    "\n"
    "# Word lists to accept (one word a line, # comments), relative to this file;\n"
    "# words.LANG applies only to files checked as LANG.\n"
    "# words = words/newsroom.txt, words/places.txt\n"
    "# words.pt = words/pt-names.txt\n"
    "\n"
    "# Folders with extra Hunspell dictionaries (.aff and .dic), comma-separated.\n"
    "# dict-dir = dictionaries\n"
    "\n"
    "# Rules not to run (tqc rules lists them; all for every rule), and a rule's\n"
    "# severity: error, warning or info.\n"
    "# disable = boilerplate\n"
    "# severity.capitalization = info\n"
    "\n"
    "# A section applies to the files its glob matches (relative to this folder; **\n"
    "# crosses folders; a glob without / matches names in any folder).\n"
    "# [content/pt/**.html]\n"
    "# lang = pt-BR\n"
    "# enable = boilerplate\n";

int tqc_cli_init(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"force", no_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    bool force = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "fh", longopts, NULL)) != -1) {
        if (opt == 'f') {
            force = true;
        } else if (opt == 'h') {
            tqc_cli_help_print("init", stdout);
            return EXIT_DONE;
        } else {
            fputs("Try 'tqc init --help'.\n", stderr);
            return EXIT_TROUBLE;
        }
    }
    if (argc - optind > 1) {
        fputs("tqc: init takes one folder\nTry 'tqc init --help'.\n", stderr);
        return EXIT_TROUBLE;
    }
    char path[PATH_MAX], err[PATH_MAX + 128];
    const char *dir = optind < argc ? argv[optind] : ".";
    if ((size_t)snprintf(path, sizeof path, "%s/.tqc.ini", dir) >= sizeof path) {
        fprintf(stderr, "tqc: %s: path too long\n", dir);
        return EXIT_TROUBLE;
    }
    if (!force && access(path, F_OK) == 0) {
        fprintf(stderr, "tqc: %s exists; tqc init --force replaces it\n", path);
        return EXIT_TROUBLE;
    }
    if (tqc_atomic_write(path, template_ini, sizeof template_ini - 1, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "tqc: %s\n", err);
        return EXIT_TROUBLE;
    }
    printf("wrote %s\n", path);
    return EXIT_DONE;
}
