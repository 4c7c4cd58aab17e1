/* eval_mqm: how tqc's findings meet expert MQM annotations of real machine translation
 * (WMT21 TED talks, ../shared/corpus/external/mqm-sample-*.jsonl; see that folder's
 * README, section 2). A measurement, not a test: there is no threshold.
 *
 *   eval_mqm --lang CODE --source-lang CODE [--label NAME] [--verbose] FILE.jsonl
 *
 * Each record's target is checked in language --lang as a bilingual unit with its source
 * (in --source-lang: a language tqc has no profile or dictionary for still serves the
 * passes that need none). Two numbers, as issue 5 asks:
 *  - per MQM category, the share of the errors the raters marked in the target (not the
 *    source-side ones: omissions marked in the source) that a tqc finding overlaps, at
 *    any severity and at warning or above;
 *  - the share of tqc's findings at warning or above that fall on segments the raters
 *    marked error-free (false alarms), and per rule how many there are.
 * --verbose lists the false alarms. Exit status: 0, or 2 when the file cannot be read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/checker.h"
#include "pass/pass.h"

#define MAX_ERRORS 64       /* a record has at most a dozen or so */
#define MAX_CATEGORIES 64
#define MAX_RULES 64
#define NAME_MAX_LEN 96

/* ---- a small JSON reader: just what the records need ---- */

typedef struct json {
    const char *s;
    size_t len, i;
    bool bad;
} json;

static void ws(json *j)
{
    while (j->i < j->len && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' ||
                             j->s[j->i] == '\r'))
        j->i++;
}

static bool eat(json *j, char c)
{
    ws(j);
    if (j->i < j->len && j->s[j->i] == c) {
        j->i++;
        return true;
    }
    return false;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static unsigned hex4(json *j)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++, j->i++) {
        int h = j->i < j->len ? hexval(j->s[j->i]) : -1;
        if (h < 0) {
            j->bad = true;
            return 0;
        }
        v = v * 16 + (unsigned)h;
    }
    return v;
}

static size_t put_utf8(char *out, unsigned cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A string, decoded into a malloc'd buffer (*n bytes, NUL-terminated). */
static char *str(json *j, size_t *n)
{
    if (!eat(j, '"')) {
        j->bad = true;
        return NULL;
    }
    char *out = malloc(j->len - j->i + 1), *o = out;
    if (!out) {
        j->bad = true;
        return NULL;
    }
    while (j->i < j->len && j->s[j->i] != '"') {
        char c = j->s[j->i++];
        if (c != '\\') {
            *o++ = c;
            continue;
        }
        char e = j->i < j->len ? j->s[j->i++] : '\0';
        switch (e) {
        case 'n': *o++ = '\n'; break;
        case 't': *o++ = '\t'; break;
        case 'r': *o++ = '\r'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'u': {
            unsigned cp = hex4(j);
            if (cp >= 0xD800 && cp < 0xDC00 && j->i + 1 < j->len && j->s[j->i] == '\\' &&
                j->s[j->i + 1] == 'u') {
                j->i += 2;
                unsigned lo = hex4(j);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            o += put_utf8(o, cp);
            break;
        }
        default: *o++ = e; break;   /* \" \\ \/ */
        }
    }
    if (!eat(j, '"'))
        j->bad = true;
    *o = '\0';
    if (n)
        *n = (size_t)(o - out);
    return out;
}

/* A string into buf (cap bytes, cut if longer). */
static void str_to(json *j, char *buf, size_t cap)
{
    char *s = str(j, NULL);
    snprintf(buf, cap, "%s", s ? s : "");
    free(s);
}

/* A number, or null (-1). */
static double num(json *j)
{
    ws(j);
    if (j->i + 4 <= j->len && memcmp(j->s + j->i, "null", 4) == 0) {
        j->i += 4;
        return -1;
    }
    char *end;
    double v = strtod(j->s + j->i, &end);
    if (end == j->s + j->i)
        j->bad = true;
    j->i = (size_t)(end - j->s);
    return v;
}

static void skip(json *j)
{
    ws(j);
    if (j->i >= j->len) {
        j->bad = true;
        return;
    }
    char c = j->s[j->i];
    if (c == '"') {
        free(str(j, NULL));
    } else if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        j->i++;
        if (eat(j, close))
            return;
        do {
            if (c == '{') {
                free(str(j, NULL));
                if (!eat(j, ':'))
                    j->bad = true;
            }
            skip(j);
        } while (!j->bad && eat(j, ','));
        if (!eat(j, close))
            j->bad = true;
    } else if (c == 't' || c == 'f' || c == 'n') {
        while (j->i < j->len && j->s[j->i] >= 'a' && j->s[j->i] <= 'z')
            j->i++;
    } else {
        num(j);
    }
}

/* ---- the records ---- */

typedef struct mqm_error {
    char category[NAME_MAX_LEN], severity[16];
    bool in_target;         /* span_in == target: start/end are target bytes */
    size_t start, end;
} mqm_error;

typedef struct record {
    char *target, *source;
    size_t target_len, source_len;
    char system[NAME_MAX_LEN];
    long seg_id;
    mqm_error errors[MAX_ERRORS];
    size_t error_count;
} record;

static void parse_error(json *j, mqm_error *e)
{
    memset(e, 0, sizeof *e);
    double start = -1, end = -1;
    if (!eat(j, '{')) {
        j->bad = true;
        return;
    }
    if (eat(j, '}'))
        return;
    do {
        char key[32];
        str_to(j, key, sizeof key);
        if (!eat(j, ':'))
            j->bad = true;
        if (strcmp(key, "category") == 0)
            str_to(j, e->category, sizeof e->category);
        else if (strcmp(key, "severity") == 0)
            str_to(j, e->severity, sizeof e->severity);
        else if (strcmp(key, "span_in") == 0) {
            char where[16];
            str_to(j, where, sizeof where);
            e->in_target = strcmp(where, "target") == 0;
        } else if (strcmp(key, "start_byte") == 0)
            start = num(j);
        else if (strcmp(key, "end_byte") == 0)
            end = num(j);
        else
            skip(j);
    } while (!j->bad && eat(j, ','));
    if (!eat(j, '}'))
        j->bad = true;
    if (e->in_target && (start < 0 || end < start))
        e->in_target = false;   /* no usable span */
    e->start = e->in_target ? (size_t)start : 0;
    e->end = e->in_target ? (size_t)end : 0;
}

static bool parse_record(const char *line, size_t len, record *r)
{
    memset(r, 0, sizeof *r);
    json j = {line, len, 0, false};
    if (!eat(&j, '{'))
        return false;
    do {
        char key[32];
        str_to(&j, key, sizeof key);
        if (!eat(&j, ':'))
            j.bad = true;
        if (strcmp(key, "target") == 0 && !r->target)
            r->target = str(&j, &r->target_len);
        else if (strcmp(key, "source") == 0 && !r->source)
            r->source = str(&j, &r->source_len);
        else if (strcmp(key, "system") == 0)
            str_to(&j, r->system, sizeof r->system);
        else if (strcmp(key, "seg_id") == 0)
            r->seg_id = (long)num(&j);
        else if (strcmp(key, "errors") == 0) {
            if (!eat(&j, '['))
                j.bad = true;
            else if (!eat(&j, ']')) {
                do {
                    mqm_error e;
                    parse_error(&j, &e);
                    if (r->error_count < MAX_ERRORS)
                        r->errors[r->error_count++] = e;
                } while (!j.bad && eat(&j, ','));
                if (!eat(&j, ']'))
                    j.bad = true;
            }
        } else
            skip(&j);
    } while (!j.bad && eat(&j, ','));
    if (!eat(&j, '}'))
        j.bad = true;
    return !j.bad && r->target && r->source;
}

static void record_free(record *r)
{
    free(r->target);
    free(r->source);
}

/* ---- counting ---- */

typedef struct category {
    char name[NAME_MAX_LEN];
    size_t errors, major, caught, caught_warn;
    size_t by_rule[MAX_RULES];   /* caught at any severity, per rule (registry order) */
} category;

typedef struct rule_count {
    size_t findings, on_clean, hits;  /* at warning or above; hits overlap a marked error */
} rule_count;

static category cats[MAX_CATEGORIES];
static size_t cat_count;
static rule_count rules[MAX_RULES];
static size_t segments, clean_segments, findings_warn, findings_clean, findings_any;

static category *category_of(const char *name)
{
    for (size_t i = 0; i < cat_count; i++)
        if (strcmp(cats[i].name, name) == 0)
            return &cats[i];
    if (cat_count == MAX_CATEGORIES)
        return &cats[MAX_CATEGORIES - 1];
    category *c = &cats[cat_count++];
    snprintf(c->name, sizeof c->name, "%s", name);
    return c;
}

static size_t rule_index(const char *id)
{
    for (size_t i = 0; i < tqc_pass_count && i < MAX_RULES; i++)
        if (strcmp(tqc_passes[i]->id, id) == 0)
            return i;
    return SIZE_MAX;
}

/* Calls fn for the finding's rule and each rule merged into it. */
static void each_rule(const tqc_finding *f, void (*fn)(size_t rule, void *arg), void *arg)
{
    size_t r = rule_index(f->rule);
    if (r != SIZE_MAX)
        fn(r, arg);
    for (const char *p = f->also; p && *p;) {
        size_t n = strcspn(p, ",");
        char id[64];
        snprintf(id, sizeof id, "%.*s", (int)n, p);
        if ((r = rule_index(id)) != SIZE_MAX)
            fn(r, arg);
        p += n + (p[n] == ',');
    }
}

static bool overlaps(tqc_span f, size_t start, size_t end)
{
    if (f.start == f.end)
        return start <= f.start && f.start <= end;
    return f.start < end && start < f.end;
}

static void count_caught(size_t rule, void *arg) { ((category *)arg)->by_rule[rule]++; }
static void count_finding(size_t rule, void *arg)
{
    const int *kind = arg;  /* 0: on an error segment, 1: on a clean one, 2: a hit too */
    rules[rule].findings++;
    rules[rule].on_clean += *kind == 1;
    rules[rule].hits += *kind == 2;
}

/* Prints the text of span, on one line, at most max bytes. */
static void put_clipped(const char *text, tqc_span s, size_t max)
{
    size_t n = tqc_span_len(s) > max ? max : tqc_span_len(s);
    for (size_t i = 0; i < n; i++)
        putchar(text[s.start + i] == '\n' ? ' ' : text[s.start + i]);
    if (n < tqc_span_len(s))
        fputs("...", stdout);
}

static bool verbose;

static void eval_record(tqc_checker *ck, const record *r, const char *lang, const char *src_lang)
{
    char name[160];
    snprintf(name, sizeof name, "seg %ld %s", r->seg_id, r->system);
    tqc_doc *doc = tqc_doc_new(name, r->target, r->target_len, lang);
    if (!doc || !(doc->source = tqc_doc_new(name, r->source, r->source_len, src_lang))) {
        fputs("eval_mqm: out of memory\n", stderr);
        exit(2);
    }
    tqc_findings found;
    tqc_findings_init(&found, doc);
    if (tqc_check_doc(ck, doc, &found) != TQC_OK) {
        fputs("eval_mqm: check failed (out of memory)\n", stderr);
        exit(2);
    }
    segments++;
    bool clean = r->error_count == 0;
    clean_segments += clean;
    for (size_t k = 0; k < r->error_count; k++) {
        const mqm_error *e = &r->errors[k];
        if (!e->in_target)
            continue;
        category *c = category_of(e->category);
        c->errors++;
        c->major += strcmp(e->severity, "Major") == 0;
        bool any = false, warn = false;
        for (size_t i = 0; i < found.count; i++) {
            const tqc_finding *f = &found.items[i];
            if (!overlaps(f->span, e->start, e->end))
                continue;
            if (!any)
                each_rule(f, count_caught, c);
            any = true;
            warn = warn || f->severity >= TQC_SEV_WARNING;
        }
        c->caught += any;
        c->caught_warn += warn;
    }
    for (size_t i = 0; i < found.count; i++) {
        const tqc_finding *f = &found.items[i];
        findings_any++;
        if (f->severity < TQC_SEV_WARNING)
            continue;
        findings_warn++;
        findings_clean += clean;
        int kind = clean ? 1 : 0;
        for (size_t k = 0; !clean && k < r->error_count; k++)
            if (r->errors[k].in_target && overlaps(f->span, r->errors[k].start, r->errors[k].end))
                kind = 2;
        each_rule(f, count_finding, &kind);
        if (clean && verbose) {
            printf("  false alarm: seg %ld %s: %s %s: %s\n    at \"", r->seg_id, r->system,
                   f->rule, tqc_severity_name(f->severity), f->message);
            put_clipped(doc->text, f->span, 80);
            fputs("\" in: ", stdout);
            put_clipped(doc->text, tqc_span_make(0, doc->len), 160);
            putchar('\n');
        }
    }
    tqc_findings_release(&found);
    tqc_doc_free(doc);
}

static double pct(size_t a, size_t b) { return b ? 100.0 * (double)a / (double)b : 0; }

static int cmp_cat(const void *pa, const void *pb)
{
    const category *a = pa, *b = pb;
    if (a->errors != b->errors)
        return a->errors > b->errors ? -1 : 1;
    return strcmp(a->name, b->name);
}

/* The rules that caught most of c's errors: "spelling 12, number 3". */
static void put_by(const category *c)
{
    bool used[MAX_RULES] = {false};
    for (int k = 0; k < 3; k++) {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < tqc_pass_count && i < MAX_RULES; i++)
            if (!used[i] && c->by_rule[i] && (best == SIZE_MAX || c->by_rule[i] > c->by_rule[best]))
                best = i;
        if (best == SIZE_MAX)
            break;
        used[best] = true;
        printf("%s%s %zu", k ? ", " : "  ", tqc_passes[best]->id, c->by_rule[best]);
    }
}

static void report(const char *label, const char *lang, const char *src_lang)
{
    printf("== MQM %s: %zu segments (%zu marked error-free), checked as %s with %s sources\n",
           label, segments, clean_segments, lang, src_lang);
    qsort(cats, cat_count, sizeof cats[0], cmp_cat);
    printf("  marked target errors a finding overlaps\n");
    printf("  %-44s %6s %5s %6s %6s %6s %6s  %s\n", "category", "errors", "major", "any", "%",
           ">=warn", "%", "caught by");
    size_t te = 0, tm = 0, tc = 0, tw = 0;
    for (size_t i = 0; i < cat_count; i++) {
        const category *c = &cats[i];
        printf("  %-44.44s %6zu %5zu %6zu %5.1f%% %6zu %5.1f%%", c->name, c->errors, c->major,
               c->caught, pct(c->caught, c->errors), c->caught_warn,
               pct(c->caught_warn, c->errors));
        put_by(c);
        putchar('\n');
        te += c->errors;
        tm += c->major;
        tc += c->caught;
        tw += c->caught_warn;
    }
    printf("  %-44s %6zu %5zu %6zu %5.1f%% %6zu %5.1f%%\n", "all", te, tm, tc, pct(tc, te), tw,
           pct(tw, te));
    printf("  findings at warning or above: %zu (of %zu in all); on error-free segments: %zu "
           "(%.1f%%), %.1f per 100 error-free segments\n", findings_warn, findings_any,
           findings_clean, pct(findings_clean, findings_warn),
           clean_segments ? 100.0 * (double)findings_clean / (double)clean_segments : 0);
    printf("  %-18s %8s %14s %6s %16s\n", "rule", ">=warn", "on error-free", "%", "on a marked error");
    for (size_t i = 0; i < tqc_pass_count && i < MAX_RULES; i++) {
        const rule_count *rc = &rules[i];
        if (!rc->findings)
            continue;
        printf("  %-18s %8zu %14zu %5.1f%% %16zu\n", tqc_passes[i]->id, rc->findings,
               rc->on_clean, pct(rc->on_clean, rc->findings), rc->hits);
    }
}

int main(int argc, char **argv)
{
    const char *lang = NULL, *src_lang = NULL, *label = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--verbose") == 0)
            verbose = true;
        else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            lang = argv[++i];
        else if (strcmp(argv[i], "--source-lang") == 0 && i + 1 < argc)
            src_lang = argv[++i];
        else if (strcmp(argv[i], "--label") == 0 && i + 1 < argc)
            label = argv[++i];
        else if (argv[i][0] != '-' && !path)
            path = argv[i];
        else {
            fprintf(stderr, "usage: eval_mqm --lang CODE --source-lang CODE [--label NAME] "
                    "[--verbose] FILE.jsonl\n");
            return 2;
        }
    }
    if (!lang || !src_lang || !path) {
        fprintf(stderr, "usage: eval_mqm --lang CODE --source-lang CODE [--label NAME] "
                "[--verbose] FILE.jsonl\n");
        return 2;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 2;
    }
    char err[512];
    tqc_check_options opts = {.data_dir = TQC_SOURCE_DIR, .lang = lang};
    tqc_checker *ck;
    if (tqc_checker_new(&opts, &ck, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "eval_mqm: %s\n", err);
        return 2;
    }
    if (verbose)
        printf("== false alarms (findings at warning or above on error-free segments)\n");
    char *line = NULL;
    size_t cap = 0, lineno = 0, bad = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        record r;
        if (parse_record(line, (size_t)n, &r))
            eval_record(ck, &r, lang, src_lang);
        else if (n > 1)
            bad++;
        record_free(&r);
    }
    free(line);
    fclose(f);
    if (bad)
        fprintf(stderr, "eval_mqm: %s: %zu of %zu lines are not records\n", path, bad, lineno);
    report(label ? label : path, lang, src_lang);
    tqc_checker_free(ck);
    return 0;
}
