/* eval_gold: per-rule precision and recall of tqc against gold defect lists, and
 * false alarms per 10,000 words on clean text. A measurement, not a test.
 *
 *   eval_gold [--lang CODE] [--verbose] [--label NAME] ARTICLE.txt...   (gold: ARTICLE.gold.tsv)
 *   eval_gold [--lang CODE] --clean [--verbose] FILE...   (every finding is a false alarm)
 *
 * --lang names the language the files are checked in (default en). A gold file may
 * name its article's own regional variant in a comment line `# lang: pt-PT`.
 *
 * Gold rows: rules (a|b) TAB exact span TAB occurrence TAB level TAB note. A row is
 * caught when a finding of one of its rules, at warning or error, overlaps its span.
 * A finding at warning or error that overlaps no gold row naming its rule is a false
 * alarm. Articles named *-clean-* are controls: they must have no finding at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/checker.h"
#include "read/reader.h"

#define MAX_RULES 64
#define MAX_GOLD 512
#define MAX_TEXT (8u << 20)

typedef struct rule_stats {
    char id[48];
    size_t gold_required, caught_required, gold_stretch, caught_stretch;
    size_t findings, correct, clean_findings;
} rule_stats;

static rule_stats rules[MAX_RULES];
static size_t rule_count;
static bool verbose;
static const char *lang_code = "en";

static rule_stats *stats_for(const char *id, size_t len)
{
    for (size_t i = 0; i < rule_count; i++)
        if (strlen(rules[i].id) == len && memcmp(rules[i].id, id, len) == 0)
            return &rules[i];
    if (rule_count == MAX_RULES || len >= sizeof rules[0].id)
        return NULL;
    rule_stats *r = &rules[rule_count++];
    memcpy(r->id, id, len);
    r->id[len] = '\0';
    return r;
}

typedef struct gold_row {
    char rules[128];
    size_t start, end;
    bool required, caught;
    char note[160];
} gold_row;

static size_t rows_required, rows_caught;

static const char *find_bytes(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
    for (size_t i = 0; nlen && i + nlen <= hlen; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, nlen) == 0)
            return hay + i;
    return NULL;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(MAX_TEXT + 1);
    *len = buf ? fread(buf, 1, MAX_TEXT, f) : 0;
    fclose(f);
    if (buf)
        buf[*len] = '\0';
    return buf;
}

static bool names_rule(const char *list, const char *rule)
{
    size_t n = strlen(rule);
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, "|");
        if (len == n && memcmp(p, rule, n) == 0)
            return true;
        p += len;
        if (*p == '|')
            p++;
    }
    return false;
}

static size_t load_gold(const char *path, const char *text, size_t len, gold_row *rows)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char line[4096];
    size_t n = 0;
    while (n < MAX_GOLD && fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *field[5] = {0};
        char *p = line;
        for (int i = 0; i < 5 && p; i++) {
            field[i] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        if (!field[3])
            continue;
        long occurrence = strtol(field[2], NULL, 10);
        const char *hit = NULL, *from = text;
        size_t slen = strlen(field[1]);
        for (long k = 0; k < occurrence; k++) {
            hit = find_bytes(from, len - (size_t)(from - text), field[1], slen);
            if (!hit)
                break;
            from = hit + 1;
        }
        if (!hit) {
            fprintf(stderr, "eval_gold: %s: span not found: %s\n", path, field[1]);
            continue;
        }
        gold_row *r = &rows[n++];
        snprintf(r->rules, sizeof r->rules, "%s", field[0]);
        r->start = (size_t)(hit - text);
        r->end = r->start + slen;
        r->required = strcmp(field[3], "required") == 0;
        r->caught = false;
        snprintf(r->note, sizeof r->note, "%s", field[1]);
    }
    fclose(f);
    return n;
}

static size_t count_words(const tqc_doc *doc)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->token_count; i++)
        n += doc->tokens[i].kind == TQC_TOK_WORD;
    return n;
}

/* Each rule a finding speaks for: its own and the ones merged into it. */
static bool finding_has_rule(const tqc_finding *f, const char *rule)
{
    if (strcmp(f->rule, rule) == 0)
        return true;
    if (!f->also)
        return false;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", f->also);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save))
        if (strcmp(t, rule) == 0)
            return true;
    return false;
}

/* The code in a `# lang: CODE` line of the gold file, into code; false when none. */
static bool gold_lang(const char *gold_path, char *code, size_t cap)
{
    FILE *f = fopen(gold_path, "r");
    if (!f)
        return false;
    char line[4096];
    bool found = false;
    while (!found && fgets(line, sizeof line, f)) {
        if (strncmp(line, "# lang:", 7) != 0)
            continue;
        const char *p = line + 7;
        p += strspn(p, " \t");
        size_t n = strcspn(p, " \t\r\n");
        if (n > 0 && n < cap) {
            memcpy(code, p, n);
            code[n] = '\0';
            found = true;
        }
    }
    fclose(f);
    return found;
}

static void eval_article(tqc_checker *ck, const char *path)
{
    size_t len;
    char *text = read_all(path, &len);
    if (!text) {
        fprintf(stderr, "eval_gold: cannot read %s\n", path);
        return;
    }
    char gold_path[4096];
    snprintf(gold_path, sizeof gold_path, "%.*s.gold.tsv", (int)(strlen(path) - 4), path);
    static gold_row rows[MAX_GOLD];
    size_t nrows = load_gold(gold_path, text, len, rows);
    bool control = strstr(path, "-clean-") != NULL;
    /* An article in a regional variant gets a checker of its own. */
    char code[32];
    const char *article_lang = lang_code;
    tqc_checker *own = NULL;
    if (gold_lang(gold_path, code, sizeof code) && strcmp(code, lang_code) != 0) {
        char err[512];
        tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = code};
        if (tqc_checker_new(&opts, &own, err, sizeof err) != TQC_OK) {
            fprintf(stderr, "eval_gold: %s: language %s: %s\n", path, code, err);
            exit(2);
        }
        ck = own;
        article_lang = code;
    }
    tqc_doc *doc = tqc_doc_new(path, text, len, article_lang);
    tqc_findings out;
    tqc_findings_init(&out, doc);
    if (!doc || tqc_check_doc(ck, doc, &out) != TQC_OK) {
        fprintf(stderr, "eval_gold: cannot check %s\n", path);
        exit(2);
    }
    for (size_t i = 0; i < nrows; i++) {
        for (const char *p = rows[i].rules; *p;) {
            size_t l = strcspn(p, "|");
            rule_stats *st = stats_for(p, l);
            if (st) {
                st->gold_required += rows[i].required;
                st->gold_stretch += !rows[i].required;
            }
            p += l + (p[l] == '|');
        }
    }
    for (size_t k = 0; k < out.count; k++) {
        const tqc_finding *f = &out.items[k];
        if (f->severity < TQC_SEV_WARNING)
            continue;
        rule_stats *st = stats_for(f->rule, strlen(f->rule));
        if (!st)
            continue;
        st->findings++;
        if (control)
            st->clean_findings++;
        bool correct = false;
        for (size_t i = 0; i < nrows; i++) {
            if (f->span.start >= rows[i].end || rows[i].start >= f->span.end)
                continue;
            bool any = false;
            for (size_t r = 0; r < rule_count; r++)
                if (names_rule(rows[i].rules, rules[r].id) && finding_has_rule(f, rules[r].id))
                    any = true;
            if (any) {
                correct = true;
                rows[i].caught = true;
            }
        }
        st->correct += correct;
        if (!correct && verbose) {
            size_t line, col;
            tqc_doc_locate(doc, f->span.start, &line, &col);
            printf("  false alarm %s:%zu:%zu [%s] %.*s — %s\n", path, line, col, f->rule,
                   (int)tqc_span_len(f->span), doc->text + f->span.start, f->message);
        }
    }
    for (size_t i = 0; i < nrows; i++) {
        rows_required += rows[i].required;
        rows_caught += rows[i].required && rows[i].caught;
        if (!rows[i].caught && verbose)
            printf("  missed %s (%s) [%s] %s\n", path, rows[i].required ? "required" : "stretch",
                   rows[i].rules, rows[i].note);
        /* Credit the row to each rule it names, once. */
        for (const char *p = rows[i].rules; *p;) {
            size_t l = strcspn(p, "|");
            rule_stats *st = stats_for(p, l);
            if (st && rows[i].caught) {
                st->caught_required += rows[i].required;
                st->caught_stretch += !rows[i].required;
            }
            p += l + (p[l] == '|');
        }
    }
    tqc_findings_release(&out);
    tqc_doc_free(doc);
    free(text);
    tqc_checker_free(own);
}

static void eval_clean(tqc_checker *ck, const char *path)
{
    char err[512];
    tqc_reader *rd;
    size_t words = 0;
    if (tqc_reader_open(path, &rd, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "eval_gold: %s\n", err);
        return;
    }
    for (;;) {
        tqc_chunk chunk;
        if (tqc_reader_next(rd, &chunk, err, sizeof err) != TQC_OK || chunk.len == 0)
            break;
        tqc_doc *doc = tqc_doc_new(path, chunk.text, chunk.len, lang_code);
        doc->base_line = chunk.base_line;
        tqc_findings out;
        tqc_findings_init(&out, doc);
        tqc_check_doc(ck, doc, &out);
        words += count_words(doc);
        for (size_t k = 0; k < out.count; k++) {
            const tqc_finding *f = &out.items[k];
            if (f->severity < TQC_SEV_WARNING)
                continue;
            rule_stats *st = stats_for(f->rule, strlen(f->rule));
            if (st)
                st->clean_findings++;
            if (verbose) {
                size_t line, col;
                tqc_doc_locate(doc, f->span.start, &line, &col);
                printf("  %s:%zu:%zu [%s] %.*s — %s\n", path, line, col, f->rule,
                       (int)(tqc_span_len(f->span) > 80 ? 80 : tqc_span_len(f->span)),
                       doc->text + f->span.start, f->message);
            }
        }
        tqc_findings_release(&out);
        tqc_doc_free(doc);
    }
    tqc_reader_close(rd);
    size_t total = 0;
    printf("%-16s %8s %10s\n", "rule", "alarms", "per 10k w");
    for (size_t r = 0; r < rule_count; r++) {
        total += rules[r].clean_findings;
        if (rules[r].clean_findings)
            printf("%-16s %8zu %10.2f\n", rules[r].id, rules[r].clean_findings,
                   1e4 * (double)rules[r].clean_findings / (double)(words ? words : 1));
    }
    printf("%-16s %8zu %10.2f   (%zu words, warning and error findings)\n", "all", total,
           1e4 * (double)total / (double)(words ? words : 1), words);
}

int main(int argc, char **argv)
{
    bool clean = false;
    const char *label = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (strcmp(argv[i], "--verbose") == 0)
            verbose = true;
        else if (strcmp(argv[i], "--clean") == 0)
            clean = true;
        else if (strcmp(argv[i], "--label") == 0 && i + 1 < argc)
            label = argv[++i];
        else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            lang_code = argv[++i];
    }
    if (i >= argc) {
        fputs("usage: eval_gold [--lang CODE] [--verbose] [--clean] [--label NAME] FILE...\n", stderr);
        return 2;
    }
    char err[512];
    tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = lang_code};
    tqc_checker *ck;
    if (tqc_checker_new(&opts, &ck, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "eval_gold: %s\n", err);
        return 2;
    }
    if (clean) {
        for (; i < argc; i++)
            eval_clean(ck, argv[i]);
        tqc_checker_free(ck);
        return 0;
    }
    int files = argc - i;
    for (; i < argc; i++)
        eval_article(ck, argv[i]);
    printf("%s (%d article%s): recall counts required rows; precision counts warning+ findings\n",
           label ? label : "gold", files, files == 1 ? "" : "s");
    printf("%-16s %9s %9s %9s %7s\n", "rule", "recall", "precision", "stretch", "control");
    size_t all_find = 0, all_correct = 0, all_clean = 0;
    for (size_t r = 0; r < rule_count; r++) {
        rule_stats *st = &rules[r];
        char rec[32] = "-", prec[32] = "-", str[32] = "-";
        if (st->gold_required)
            snprintf(rec, sizeof rec, "%zu/%zu", st->caught_required, st->gold_required);
        if (st->findings)
            snprintf(prec, sizeof prec, "%zu/%zu", st->correct, st->findings);
        if (st->gold_stretch)
            snprintf(str, sizeof str, "%zu/%zu", st->caught_stretch, st->gold_stretch);
        printf("%-16s %9s %9s %9s %7zu\n", st->id, rec, prec, str, st->clean_findings);
        all_find += st->findings;
        all_correct += st->correct;
        all_clean += st->clean_findings;
    }
    /* Overall recall counts rows, not rules, so a row naming two rules counts once. */
    printf("%-16s %9.2f %9.2f %9s %7zu   (%zu/%zu required rows, %zu/%zu findings right)\n",
           "all", rows_required ? (double)rows_caught / (double)rows_required : 1.0,
           all_find ? (double)all_correct / (double)all_find : 1.0, "", all_clean,
           rows_caught, rows_required, all_correct, all_find);
    tqc_checker_free(ck);
    return 0;
}
