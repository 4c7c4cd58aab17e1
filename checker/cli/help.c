/* Each command's help and the rule documentation (cli/help.h). The help texts are data:
 * --help prints them, the man page is made from them, so the two cannot disagree. */
#include "cli/help.h"

#include <getopt.h>
#include <string.h>

#include "run/rules.h"

#ifndef TQC_VERSION
#define TQC_VERSION "0.1.0"
#endif

enum { EXIT_CLEAN = 0, EXIT_TROUBLE = 2 };
#define MAX_CATALOGUE 64
#define WRAP_COLUMNS 78     /* tqc explain's paragraphs fit a terminal */

/* The options check, diff, fix, report, baseline and config share. */
#define FILE_OPTIONS \
    "  -l, --lang=CODE       language of the articles; auto (the default) tells\n" \
    "                        each file's from its content, falling back to the\n" \
    "                        configured one (en unless .tqc.ini says otherwise)\n" \
    "  -w, --words=FILE      accept the words in FILE (one a line); repeatable\n" \
    "      --dict-dir=DIR    look for Hunspell dictionaries in DIR first\n" \
    "                        (also $TQC_DICT_PATH, colon-separated)\n" \
    "      --disable=RULE    do not run RULE; repeatable\n" \
    "      --config=FILE     use FILE, not the nearest .tqc.ini (looked for from\n" \
    "                        each file's folder up to the repository root)\n" \
    "      --input=FORMAT    read the files as auto (default: by extension, then\n" \
    "                        content), text, html, xliff, tmx or jsonl\n" \
    "      --color=WHEN      auto (default), always or never\n" \
    "      --no-color        same as --color=never (NO_COLOR is honoured too)\n" \
    "  -h, --help            show this help\n"
#define FILE_NOTE \
    "FILE may be - for standard input, or a folder (the article files in it).\n" \
    "Settings come from .tqc.ini (see tqc config --show).\n"

typedef struct command_help {
    const char *name;
    const char *summary;    /* one line: the overview and the man page list it */
    const char *text;       /* Usage lines, what it does, its options, exit status */
} command_help;

static const command_help commands[] = {
    {"check", "check translated articles and report the findings",
     "Usage: tqc check [OPTIONS] FILE...\n"
     "Checks each article and prints its findings, FILE:LINE:COL: SEVERITY: MESSAGE [RULE]\n"
     "in the text format (COL counts bytes, as editors read it).\n"
     "\n"
     "  -f, --format=FORMAT   text (default), jsonl, sarif, github, junit,\n"
     "                        checkstyle or rdjsonl; diff (unified) or wdiff (word\n"
     "                        diff) show the safe fixes\n"
     "      --fail-on=LEVEL   exit 1 on findings at or above error|warning|info\n"
     "                        (default: warning)\n"
     "      --min-severity=LEVEL  report only findings at or above LEVEL; the\n"
     "                        others are neither shown nor counted (default: info)\n"
     "  -q, --quiet           no summary line after the findings\n"
     "      --stdin-filename=PATH  check standard input (-) as if it were PATH: its\n"
     "                        name, its .tqc.ini sections, its baseline entries\n"
     FILE_OPTIONS
     "      --source=SRC      SRC is the source-language text FILE (one, plain\n"
     "                        text) translates; paragraphs pair in order, or by\n"
     "                        length when their counts differ, so number,\n"
     "                        untranslated, omission, addition and markup compare them\n"
     "      --source-lang=CODE  the language of SRC (default: told from its text)\n"
     "      --baseline=FILE   report only findings not in FILE (tqc baseline create)\n"
     "      --baseline-prune  drop fixed findings from the baseline\n"
     "      --changed-since=REV  check only the files changed since git REV\n"
     "                        (FILE arguments, if any, filter them)\n"
     "  -j, --jobs=N          threads checking a large file's parts or a JSON Lines\n"
     "                        file's records (default: 2, or 1 on one CPU; each\n"
     "                        costs ~30 MB); the output is the same for any N\n"
     "\n"
     FILE_NOTE
     "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, config or\n"
     "input error, 130 stopped by Ctrl-C or SIGTERM.\n"},
    {"diff", "show the safe fixes as a unified diff",
     "Usage: tqc diff [OPTIONS] FILE...\n"
     "Shows what tqc fix would change: a unified diff, or a word diff on a terminal.\n"
     "\n"
     "  -f, --format=FORMAT   diff (unified) or wdiff (word diff)\n"
     "      --all-fixes       also apply fixes and first suggestions that need a\n"
     "                        human (spelling, capitalisation...)\n"
     "      --baseline=FILE   leave the findings FILE holds as they are\n"
     FILE_OPTIONS
     "\n"
     FILE_NOTE
     "Exit status: 0 nothing to fix, 1 something to fix, 2 usage or input error.\n"},
    {"fix", "apply the safe fixes in place",
     "Usage: tqc fix [OPTIONS] FILE...\n"
     "Applies the safe fixes (never a change of meaning or of a word's case) to each\n"
     "file, atomically, and says what it did.\n"
     "\n"
     "  -o, --output=FILE     write the corrected text to FILE (- for standard\n"
     "                        output) instead of in place\n"
     "  -n, --dry-run         print the diff, change nothing\n"
     "  -q, --quiet           do not say how many findings were fixed\n"
     "  -f, --format=FORMAT   with --dry-run: diff (unified) or wdiff (word diff)\n"
     "      --all-fixes       also apply fixes and first suggestions that need a\n"
     "                        human (spelling, capitalisation...)\n"
     "      --baseline=FILE   leave the findings FILE holds as they are\n"
     FILE_OPTIONS
     "\n"
     FILE_NOTE
     "Exit status: 0 done, 2 usage or input error.\n"},
    {"report", "write one HTML page for editors",
     "Usage: tqc report --html=OUT.html [OPTIONS] FILE...\n"
     "Writes one self-contained HTML page: each article with its findings highlighted,\n"
     "counts per rule (linked to each rule's documentation), and the corrected text.\n"
     "\n"
     "      --html=FILE       write the HTML report to FILE (- for standard output)\n"
     "      --all-fixes       also apply fixes that need a human in the corrected text\n"
     "      --baseline=FILE   leave out the findings FILE holds\n"
     FILE_OPTIONS
     "\n"
     FILE_NOTE
     "Exit status: 0 done, 2 usage or input error.\n"},
    {"config", "show each file's settings and where they come from",
     "Usage: tqc config --show [OPTIONS] FILE...\n"
     "Prints each effective setting of each FILE and its origin (a .tqc.ini line, the\n"
     "command line or the default).\n"
     "\n"
     "      --show            required: show the settings\n"
     FILE_OPTIONS
     "\n"
     "Exit status: 0 done, 2 usage or config error.\n"},
    {"segment", "print one sentence a line",
     "Usage: tqc segment [OPTIONS] FILE...\n"
     "Prints the sentences tqc sees, one a line (line breaks inside a sentence become\n"
     "spaces).\n"
     "\n"
     "  -f, --format=FORMAT   text (default) or jsonl ({\"offset\", \"length\", \"text\"},\n"
     "                        in bytes of the input)\n"
     "  -l, --lang=CODE       language of the articles (default: auto)\n"
     "      --input=FORMAT    auto, text, html, xliff, tmx or jsonl\n"
     "      --config=FILE     use FILE, not the nearest .tqc.ini\n"
     "  -h, --help            show this help\n"
     "\n"
     "Exit status: 0 done, 2 usage or input error.\n"},
    {"rules", "list the rules, or document one",
     "Usage: tqc rules [--ids] [RULE...]\n"
     "Lists every rule with the severities it can emit (default first) and what it\n"
     "finds; with RULE, prints that rule's documentation (as tqc explain does).\n"
     "\n"
     "      --ids             only the rule ids, one a line\n"
     "  -h, --help            show this help\n"
     "\n"
     "Exit status: 0 done, 2 an unknown rule or option.\n"},
    {"explain", "document a rule: what it finds, why, examples, how to silence it",
     "Usage: tqc explain [--markdown] RULE...\n"
     "Prints what RULE finds and why, the severities it can emit, an example it fires\n"
     "on and one it stays silent on, and how to silence it. The pages of docs/rules/\n"
     "are this output with --markdown.\n"
     "\n"
     "      --markdown        print the page as Markdown\n"
     "  -h, --help            show this help\n"
     "\n"
     "Exit status: 0 done, 2 an unknown rule or option.\n"},
    {"baseline", "accept the current findings, so only new ones fail",
     "Usage: tqc baseline create [-o FILE] [OPTIONS] FILE...\n"
     "Records the findings FILE... have today; tqc check --baseline FILE then reports\n"
     "and fails only on new ones. Fingerprints hash the rule, the flagged text and a\n"
     "little context, so they survive edits elsewhere in the file.\n"
     "\n"
     "  -o, --output=FILE     the baseline to write (default: standard output)\n"
     "  -q, --quiet           do not say how many findings were accepted\n"
     "      --stdin-filename=PATH  standard input (-) is PATH's text\n"
     FILE_OPTIONS
     "\n"
     FILE_NOTE
     "Exit status: 0 written, 2 usage or input error (nothing is written).\n"},
    {"init", "write a commented .tqc.ini",
     "Usage: tqc init [--force] [DIR]\n"
     "Writes DIR/.tqc.ini (default: the working folder) with every setting tqc reads,\n"
     "commented, at its default.\n"
     "\n"
     "      --force           overwrite an existing .tqc.ini\n"
     "  -h, --help            show this help\n"
     "\n"
     "Exit status: 0 written, 2 it exists (without --force) or cannot be written.\n"},
    {"audit", "check a whole corpus on every core",
     "Usage: tqc audit [OPTIONS] PATH...\n"
     "Checks every article under PATH (files, folders walked recursively, or - for a\n"
     "list of paths on standard input, one a line) with all cores, and summarises.\n"
     "\n"
     "  -j, --jobs=N          worker threads (default: the online CPUs)\n"
     "      --file-timeout=S  a file whose check takes longer than S seconds (default\n"
     "                        60; 0: no limit) is reported as skipped, and the audit\n"
     "                        goes on (exit status 2, as for a file that cannot be read)\n"
     "  -f, --format=FORMAT   also print every finding: text, jsonl, sarif, github,\n"
     "                        junit, checkstyle or rdjsonl (default: summary only);\n"
     "                        the order is the walk's whatever -j is\n"
     "      --input=FORMAT    auto (default: per file), text, html, xliff, tmx, jsonl\n"
     "      --include=GLOB    audit only files matching GLOB; repeatable\n"
     "      --exclude=GLOB    skip files and folders matching GLOB; repeatable\n"
     "                        (a GLOB without '/' matches names, one with '/' the\n"
     "                        path below the folder walked; ** spans folders)\n"
     "      --hidden          walk hidden files and folders too\n"
     "      --follow-links    follow links to files outside the folder walked\n"
     "      --root=DIR        count folders one level below DIR (default: below each\n"
     "                        folder walked; a named file: its folder)\n"
     "  -0, --null            paths read from - end with NUL (find -print0)\n"
     "      --summary-json=FILE  write the summary as JSON (- for standard output)\n"
     "      --db=FILE         write files, findings and the run to SQLite FILE\n"
     "      --incremental     with --db: skip files whose checksum is unchanged\n"
     "      --html=FILE       write the dashboard (worst articles' annotated views\n"
     "                        go to FILE's name without .html, plus -articles/)\n"
     "      --progress        show progress on standard error even off a terminal\n"
     "      --no-progress     never show progress\n"
     "  -q, --quiet           no text summary\n"
     "      --config=FILE     use FILE, not each file's nearest .tqc.ini\n"
     "      --baseline=FILE   leave out the findings FILE holds (tqc baseline create)\n"
     "  -l, --lang=CODE, -w, --words=FILE, --dict-dir=DIR, --disable=RULE,\n"
     "      --color=WHEN, --no-color   as for tqc check\n"
     "  -h, --help            show this help\n"
     "\n"
     "Settings come from .tqc.ini as for tqc check, and inline suppressions apply;\n"
     "as there, each article's language is told from its content (--lang auto, the\n"
     "default), the configured one (default en) the fallback.\n"
     "The text summary goes to standard output, or with --format to standard error\n"
     "when it is a terminal. Ctrl-C stops cleanly and still writes every summary.\n"
     "Exit status: 0 done, 2 usage error or a file or output that failed, 130\n"
     "interrupted.\n"},
    {"merge", "combine partial audits into one",
     "Usage: tqc merge [-o OUT] [--html OUT.html] SUMMARY.json...\n"
     "       tqc merge -o OUT.sqlite AUDIT.sqlite...\n"
     "Combines the summaries (--summary-json; a file may hold several, and - reads\n"
     "standard input) or the databases (--db) of partial audits into one, equal to\n"
     "the audit of the whole. The merged summary goes to OUT or standard output.\n"
     "\n"
     "  -o, --output=FILE     where the merged summary or database goes\n"
     "      --html=FILE       summaries: also write the dashboard\n"
     "  -q, --quiet           no text summary\n"
     "  -h, --help            show this help\n"
     "\n"
     "Exit status: 0 done, 2 usage or input error.\n"},
    {"serve", "LanguageTool's HTTP API and a page for editors",
     "Usage: tqc serve [OPTIONS]\n"
     "Checks text over HTTP: LanguageTool's API (POST /v2/check, GET /v2/languages),\n"
     "tqc's own (POST /api/check) and a page for editors at /.\n"
     "\n"
     "      --bind=ADDR       address to listen on (default 127.0.0.1; ::1 for IPv6)\n"
     "  -p, --port=N          port (default 8081; 0 picks a free one)\n"
     "  -j, --threads=N       threads answering requests (default 2)\n"
     "      --max-bytes=N     largest request body (default 1048576): larger is 413\n"
     "      --timeout=S       seconds a connection may stay idle, and one request's\n"
     "                        check may take (default 10; fractions allowed): longer\n"
     "                        is 503\n"
     "  -l, --lang=CODE       language when a request says auto and it cannot be told\n"
     "                        (default en)\n"
     "  -w, --words=FILE      accept the words in FILE (one a line); repeatable\n"
     "      --dict-dir=DIR    look for Hunspell dictionaries in DIR first\n"
     "      --disable=RULE    do not run RULE; repeatable\n"
     "  -h, --help            show this help\n"
     "\n"
     "It prints the address it listens on, and stops on SIGINT or SIGTERM once the\n"
     "requests in flight are answered.\n"},
    {"lsp", "a language server on standard input and output",
     "Usage: tqc lsp\n"
     "A language server (LSP) on standard input and output for plain text, Markdown,\n"
     "HTML and XLIFF: diagnostics on open, change and save; code actions with the\n"
     "fixes, \"add to the word list\" and \"suppress here\". Settings come from each\n"
     "file's .tqc.ini and workspace/didChangeConfiguration {\"tqc\": {\"lang\",\n"
     "\"disable\": [...], \"words\": [...]}}.\n"},
    {"help", "show a command's help, or the man page",
     "Usage: tqc help [COMMAND]\n"
     "       tqc help --man | --commands\n"
     "Prints COMMAND's help (the same as tqc COMMAND --help), or the overview.\n"
     "\n"
     "      --man             print the manual page (roff), as installed by make install\n"
     "      --commands        only the command names, one a line (for completion)\n"},
};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const command_help *find_command(const char *name)
{
    for (size_t i = 0; name && i < COMMAND_COUNT; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

bool tqc_cli_is_command(const char *name) { return find_command(name) != NULL; }

static void overview(FILE *out)
{
    fputs("Usage: tqc COMMAND [OPTIONS] [FILE...]\n"
          "tqc checks machine-translated and scraped news copy.\n\n"
          "Commands:\n", out);
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "  -h, --help            show this help (tqc COMMAND --help: that command's)\n"
          "  -V, --version         show the version\n"
          "\n"
          "Run 'tqc COMMAND --help' or 'tqc help COMMAND' for a command's options, and\n"
          "'tqc explain RULE' for a rule's documentation.\n", out);
}

bool tqc_cli_help_print(const char *command, FILE *out)
{
    if (!command) {
        overview(out);
        return true;
    }
    const command_help *c = find_command(command);
    if (c)
        fputs(c->text, out);
    return c != NULL;
}

bool tqc_cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    return false;
}

/* Text for roff: a backslash is \e, a minus sign \-, a line starting with . or ' is
 * protected with \&. */
static void roff_text(FILE *out, const char *s)
{
    bool line_start = true;
    for (; *s; s++) {
        if (line_start && (*s == '.' || *s == '\''))
            fputs("\\&", out);
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
        line_start = *s == '\n';
    }
}

/* The man page: each command's help as it prints, preformatted. */
static void man_page(FILE *out)
{
    fputs(".TH TQC 1 \"\" \"tqc " TQC_VERSION "\" \"User Commands\"\n"
          ".SH NAME\ntqc \\- translation\\-quality checker for news\n"
          ".SH SYNOPSIS\n.B tqc\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIFILE\\fR...]\n"
          ".SH DESCRIPTION\n"
          "tqc checks machine\\-translated and scraped news copy in English, Portuguese,\n"
          "Spanish, French, German and Italian for the defects they carry: words run\n"
          "together, misspellings, unpaired quotes, mojibake, leftover web chrome,\n"
          "untranslated text and more.\n"
          ".SH COMMANDS\n", out);
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        fprintf(out, ".SS %s\n", commands[i].name);
        roff_text(out, commands[i].summary);
        fputs(".\n.PP\n.nf\n", out);
        roff_text(out, commands[i].text);
        fputs(".fi\n", out);
    }
    fputs(".SH RULES\nEach rule is documented by\n.BR \"tqc explain\" \" RULE\";\n"
          ".B tqc rules\nlists them.\n"
          ".SH FILES\n.TP\n.I .tqc.ini\nthe settings of the files below it (tqc init writes one)\n"
          ".SH SEE ALSO\n.BR hunspell (1)\n", out);
}

int tqc_cli_help(int argc, char **argv)
{
    if (argc < 2) {
        overview(stdout);
        return EXIT_CLEAN;
    }
    if (argc > 2) {
        fputs("tqc: help takes one COMMAND\nTry 'tqc help help'.\n", stderr);
        return EXIT_TROUBLE;
    }
    const char *a = argv[1];
    if (strcmp(a, "--man") == 0) {
        man_page(stdout);
    } else if (strcmp(a, "--commands") == 0) {
        for (size_t i = 0; i < COMMAND_COUNT; i++)
            puts(commands[i].name);
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
        tqc_cli_help_print("help", stdout);
    } else if (!tqc_cli_help_print(a, stdout)) {
        fprintf(stderr, "tqc: no command '%s'\nTry 'tqc --help'.\n", a);
        return EXIT_TROUBLE;
    }
    return EXIT_CLEAN;
}

/* ---- rules and explain ------------------------------------------------------------ */

/* s wrapped at WRAP_COLUMNS, each line after indent. */
static void wrap(FILE *out, const char *s, const char *indent)
{
    size_t col = 0;
    while (*s) {
        size_t n = strcspn(s, " ");
        if (col && col + 1 + n > WRAP_COLUMNS) {
            fputc('\n', out);
            col = 0;
        }
        if (col == 0)
            col = (size_t)fprintf(out, "%s", indent);
        else
            col += (size_t)fprintf(out, " ");
        col += fwrite(s, 1, n, out);
        s += n;
        s += strspn(s, " ");
    }
    fputc('\n', out);
}

/* An example as quoted lines (an example may span paragraphs). */
static void example(FILE *out, const char *text, const char *prefix)
{
    while (*text) {
        size_t n = strcspn(text, "\n");
        fprintf(out, "%s%.*s\n", prefix, (int)n, text);
        text += n + (text[n] == '\n');
    }
}

static void explain_text(FILE *out, const tqc_rule_info *r)
{
    char sevs[64], url[512];
    fprintf(out, "%s: %s\n\n", r->id, r->summary);
    fprintf(out, "Severity: %s (default %s)\n\n",
            tqc_rules_severities(r->severities, ", ", sevs, sizeof sevs),
            tqc_severity_name(r->severity));
    wrap(out, r->details, "");
    fputs("\nFires on:\n", out);
    example(out, r->bad, "    ");
    fputs("Stays silent on:\n", out);
    example(out, r->good, "    ");
    fprintf(out, "\nSilence it:\n"
            "  one line     <!-- tqc-disable-next-line %s --> on the line before\n"
            "  a passage    <!-- tqc-disable %s --> ... <!-- tqc-enable %s -->\n"
            "  one run      tqc check --disable=%s\n"
            "  a repository disable = %s, or severity.%s = info, in .tqc.ini\n"
            "\nDocumentation: %s\n", r->id, r->id, r->id, r->id, r->id, r->id,
            tqc_rules_doc_url(r->id, url, sizeof url));
}

static void explain_markdown(FILE *out, const tqc_rule_info *r)
{
    char sevs[64];
    fprintf(out, "<!-- Generated by `tqc explain --markdown %s` (make docs); edit the rule's "
            "descriptor, not this page. -->\n", r->id);
    fprintf(out, "# `%s`\n\n%s.\n\n", r->id, r->summary);
    fprintf(out, "**Severity:** %s (default %s)\n\n",
            tqc_rules_severities(r->severities, ", ", sevs, sizeof sevs),
            tqc_severity_name(r->severity));
    fprintf(out, "## What it finds, and why\n\n%s\n\n", r->details);
    fputs("## Examples\n\nFires on:\n\n", out);
    example(out, r->bad, "    ");
    fputs("\nStays silent on:\n\n", out);
    example(out, r->good, "    ");
    fprintf(out, "\n## How to silence it\n\n"
            "- one line: `<!-- tqc-disable-next-line %s -->` on the line before\n"
            "- a passage: `<!-- tqc-disable %s -->` ... `<!-- tqc-enable %s -->`\n"
            "- one run: `tqc check --disable=%s`\n"
            "- a repository: `disable = %s`, or `severity.%s = info`, in `.tqc.ini`\n",
            r->id, r->id, r->id, r->id, r->id, r->id);
}

int tqc_cli_rules(int argc, char **argv, bool explain)
{
    static const struct option longopts[] = {
        {"ids", no_argument, NULL, 'i'},
        {"markdown", no_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *name = explain ? "explain" : "rules";
    bool ids = false, markdown = false;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (opt == 'h') {
            tqc_cli_help_print(name, stdout);
            return EXIT_CLEAN;
        } else if (opt == 'i' && !explain) {
            ids = true;
        } else if (opt == 'm' && explain) {
            markdown = true;
        } else {
            if (opt != '?')
                fprintf(stderr, "tqc: %s does not take %s\n", name, argv[optind - 1]);
            fprintf(stderr, "Try 'tqc %s --help'.\n", name);
            return EXIT_TROUBLE;
        }
    }
    if (explain && optind >= argc) {
        fputs("tqc: explain needs a RULE (see 'tqc rules')\n", stderr);
        return EXIT_TROUBLE;
    }
    tqc_rule_info r;
    for (int i = optind; i < argc; i++) {
        if (!tqc_rules_find(argv[i], &r)) {
            fprintf(stderr, "tqc: unknown rule '%s' (see 'tqc rules')\n", argv[i]);
            return EXIT_TROUBLE;
        }
    }
    for (int i = optind; i < argc; i++) {
        tqc_rules_find(argv[i], &r);
        if (i > optind)
            fputs(markdown ? "\n" : "\n\n", stdout);
        (markdown ? explain_markdown : explain_text)(stdout, &r);
    }
    if (optind < argc)
        return EXIT_CLEAN;
    tqc_rule_info all[MAX_CATALOGUE];
    size_t n = tqc_rules_catalogue(all, MAX_CATALOGUE);
    for (size_t i = 0; i < n && i < MAX_CATALOGUE; i++) {
        char sevs[64];
        if (ids) {
            puts(all[i].id);
            continue;
        }
        /* The default first, then the others it can emit. */
        int n_def = snprintf(sevs, sizeof sevs, "%s", tqc_severity_name(all[i].severity));
        unsigned others = all[i].severities & ~TQC_SEV_BIT(all[i].severity);
        if (others && n_def > 0 && (size_t)n_def + 1 < sizeof sevs) {
            sevs[n_def] = ',';
            tqc_rules_severities(others, ",", sevs + n_def + 1, sizeof sevs - (size_t)n_def - 1);
        }
        printf("%-18s %-22s %s\n", all[i].id, sevs, all[i].summary);
    }
    return EXIT_CLEAN;
}
