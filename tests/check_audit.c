/* Tests of the audit engine (run/audit.h), its summary (run/audit_summary.h) and its database
 * (report/audit_db.h): globs, walk order, the same findings in the same order for any number of
 * workers, the counts of skipped files, the stop flag, the summary's arithmetic, its
 * JSON round trip, merges that equal the audit of the whole, and a project's settings,
 * suppressions and drop hook (looked up from many threads at once). */
#include <dirent.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run/audit.h"
#include "report/audit_db.h"
#include "run/audit_summary.h"
#include "run/project.h"
#include "tqc_test.h"

/* ---- helpers ---- */

static void put_file(const char *dir, const char *rel, const char *text, size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    /* Make the folders on the way. */
    for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')) != NULL; p++) {
        *p = '\0';
        mkdir(path, 0777);
        *p = '/';
    }
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, len, f), len);
    fclose(f);
}

static void put_text(const char *dir, const char *rel, const char *text)
{
    put_file(dir, rel, text, strlen(text));
}

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            char sub[4096];
            snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
            remove_tree(sub);
        }
        closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static char *temp_dir(void)
{
    char tmpl[] = "/tmp/tqc-audit-test-XXXXXX";
    char *d = mkdtemp(tmpl);
    ck_assert_ptr_nonnull(d);
    return strdup(d);
}

/* Records what the hooks see, one line each, in release order. */
typedef struct record {
    FILE *out;
    char *buf;
    size_t len;
    size_t files, failed;
} record;

static tqc_status rec_doc(void *ctx, const tqc_audit_file *file, const tqc_doc *doc,
                          const tqc_findings *found)
{
    record *r = ctx;
    for (size_t i = 0; i < found->count; i++) {
        size_t line, col;
        tqc_doc_locate(doc, found->items[i].span.start, &line, &col);
        fprintf(r->out, "%s:%zu:%zu %s\n", file->path, line, col, found->items[i].rule);
    }
    return TQC_OK;
}

static tqc_status rec_file(void *ctx, const tqc_audit_file *file)
{
    record *r = ctx;
    r->files++;
    r->failed += file->state == TQC_AUDIT_FAILED;
    fprintf(r->out, "file %s state %d words %llu\n", file->path, (int)file->state,
            (unsigned long long)file->words);
    return TQC_OK;
}

static tqc_audit_options base_options(record *r, unsigned jobs)
{
    tqc_audit_options o = {
        .check = {.data_dir = TQC_SOURCE_DIR, .lang = "en"},
        .jobs = jobs,
        .hooks = {.ctx = r, .doc = rec_doc, .file = rec_file},
    };
    return o;
}

/* Runs an audit of one path; the caller frees *out and sum. */
static void run_audit(tqc_audit_options *o, const char *path, record *r, tqc_audit_summary *sum)
{
    memset(r, 0, sizeof *r);
    r->out = open_memstream(&r->buf, &r->len);
    ck_assert_ptr_nonnull(r->out);
    o->hooks.ctx = r;
    char err[512];
    const char *paths[] = {path};
    ck_assert_int_eq(tqc_audit_run(o, paths, 1, sum, err, sizeof err), TQC_OK);
    fclose(r->out);
}

static const char *const doubled = "The minister said the the talks would resume.\n";
static const char *const clean = "The minister said the talks would resume on Monday.\n";

/* A small tree: findings in several files and folders, a hidden file, a binary file. */
static char *make_tree(void)
{
    char *dir = temp_dir();
    put_text(dir, "a/one.txt", doubled);
    put_text(dir, "a/two.txt", clean);
    put_text(dir, "a-b/three.txt", "Kim said the the talks ended. Then then they left.\n");
    put_text(dir, "b/deep/four.txt", "A storm hit the the coast.\n\nThe the roads closed.\n");
    put_text(dir, "top.txt", doubled);
    put_text(dir, ".hidden/five.txt", doubled);
    put_text(dir, "b/.six.txt", doubled);
    put_file(dir, "b/bin.txt", "text\0with NUL", 13);
    return dir;
}

/* ---- globs ---- */

START_TEST(test_issue_8_glob_names_and_paths)
{
    ck_assert(tqc_audit_glob_match("*.txt", "feed/a/x.txt"));
    ck_assert(!tqc_audit_glob_match("*.txt", "feed/a/x.html"));
    ck_assert(tqc_audit_glob_match("x.???", "dir/x.xlf"));
    ck_assert(tqc_audit_glob_match("feed/*.txt", "feed/x.txt"));
    ck_assert(!tqc_audit_glob_match("feed/*.txt", "feed/a/x.txt"));
    ck_assert(tqc_audit_glob_match("feed/**/*.txt", "feed/a/b/x.txt"));
    ck_assert(tqc_audit_glob_match("feed/**/*.txt", "feed/x.txt"));
    ck_assert(tqc_audit_glob_match("**/drafts/*", "a/drafts/x.txt"));
    ck_assert(tqc_audit_glob_match("**/drafts/*", "drafts/x.txt"));
    ck_assert(!tqc_audit_glob_match("**/drafts/*", "a/drafts2/x.txt"));
    ck_assert(tqc_audit_glob_match("[a-c]*.txt", "b1.txt"));
    ck_assert(!tqc_audit_glob_match("[!a-c]*.txt", "b1.txt"));
    ck_assert(tqc_audit_glob_match("\\*.txt", "*.txt"));
    ck_assert(!tqc_audit_glob_match("\\*.txt", "a.txt"));
    ck_assert(tqc_audit_glob_match("./feed/*.txt", "./feed/x.txt"));
    ck_assert(tqc_audit_glob_match("[", "["));
}
END_TEST

static void folder_is(const char *path, const char *root, const char *want)
{
    char *got = tqc_audit_folder(path, root);
    ck_assert_ptr_nonnull(got);
    ck_assert_msg(strcmp(got, want) == 0, "folder of %s under %s: %s, not %s", path,
                  root ? root : "(none)", got, want);
    free(got);
}

START_TEST(test_issue_8_folders)
{
    folder_is("archive/feedA/2024/x.txt", "archive", "archive/feedA");
    folder_is("archive/feedA/2024/x.txt", "archive/", "archive/feedA");
    folder_is("./archive/feedA/x.txt", "archive", "archive/feedA");
    folder_is("archive/x.txt", "archive", "archive");
    folder_is("feedA/x.txt", ".", "feedA");
    folder_is("./feedA/x.txt", "./", "feedA");
    folder_is("x.txt", ".", ".");
    folder_is("/data/feedA/x.txt", "/", "/data");
    folder_is("/data/feedA/x.txt", "/data", "/data/feedA");
    /* Not under the root, or no root: the file's own folder. */
    folder_is("other/feedA/x.txt", "archive", "other/feedA");
    folder_is("archive2/feedA/x.txt", "archive", "archive2/feedA");
    folder_is("/data/feedA/x.txt", ".", "/data/feedA");
    folder_is("x.txt", NULL, ".");
    folder_is("/x.txt", NULL, "/");
}
END_TEST

/* ---- the engine ---- */

START_TEST(test_issue_8_same_order_for_any_jobs)
{
    char *dir = make_tree();
    record r1, r3;
    tqc_audit_summary s1, s3;
    tqc_audit_options o = base_options(&r1, 1);
    run_audit(&o, dir, &r1, &s1);
    o.jobs = 3;
    run_audit(&o, dir, &r3, &s3);
    ck_assert_str_eq(r1.buf, r3.buf);
    /* Walk order is byte order of the paths: a-b/ before a/ ('-' < '/'). */
    char *ab = strstr(r1.buf, "a-b/three.txt"), *a1 = strstr(r1.buf, "a/one.txt");
    char *b4 = strstr(r1.buf, "b/deep/four.txt"), *top = strstr(r1.buf, "top.txt");
    ck_assert(ab && a1 && b4 && top);
    ck_assert(ab < a1 && a1 < b4 && b4 < top);
    ck_assert(!strstr(r1.buf, "five.txt") && !strstr(r1.buf, "six.txt"));
    ck_assert_uint_eq(s1.files, 5);
    ck_assert_uint_eq(s1.hidden, 2);
    ck_assert_uint_eq(s1.binary, 1);
    ck_assert_uint_eq(tqc_audit_total(s1.findings), tqc_audit_total(s3.findings));
    ck_assert_uint_ge(s1.findings[TQC_SEV_ERROR], 5);
    tqc_audit_summary_free(&s1);
    tqc_audit_summary_free(&s3);
    free(r1.buf);
    free(r3.buf);
    remove_tree(dir);
    free(dir);
}
END_TEST

START_TEST(test_issue_8_globs_hidden_and_failed_files)
{
    char *dir = make_tree();
    record r;
    tqc_audit_summary s;
    tqc_audit_options o = base_options(&r, 2);
    const char *exclude[] = {"deep"};
    const char *include[] = {"*.txt"};
    o.exclude = exclude;
    o.exclude_count = 1;
    o.include = include;
    o.include_count = 1;
    o.hidden = true;
    run_audit(&o, dir, &r, &s);
    ck_assert(!strstr(r.buf, "four.txt"));
    ck_assert(strstr(r.buf, "five.txt") && strstr(r.buf, "six.txt"));
    ck_assert_uint_eq(s.hidden, 0);
    tqc_audit_summary_free(&s);
    free(r.buf);

    /* A path that does not exist is a failed file, reported in its place. */
    char missing[4200];
    snprintf(missing, sizeof missing, "%s/nope.txt", dir);
    memset(&r, 0, sizeof r);
    r.out = open_memstream(&r.buf, &r.len);
    o = base_options(&r, 2);
    char err[512];
    char one[4200];
    snprintf(one, sizeof one, "%s/top.txt", dir);
    const char *paths[] = {missing, one};
    ck_assert_int_eq(tqc_audit_run(&o, paths, 2, &s, err, sizeof err), TQC_OK);
    fclose(r.out);
    ck_assert_uint_eq(s.failed, 1);
    ck_assert_uint_eq(r.failed, 1);
    ck_assert(strstr(r.buf, "nope.txt") < strstr(r.buf, "top.txt"));
    ck_assert_uint_eq(s.files, 1);
    tqc_audit_summary_free(&s);
    free(r.buf);
    remove_tree(dir);
    free(dir);
}
END_TEST

START_TEST(test_issue_8_stop_flag_stops_cleanly)
{
    char *dir = make_tree();
    record r;
    tqc_audit_summary s;
    tqc_audit_options o = base_options(&r, 2);
    atomic_int stop = 1;
    o.stop = &stop;
    run_audit(&o, dir, &r, &s);
    ck_assert(s.interrupted);
    ck_assert_uint_eq(s.files, 0);
    tqc_audit_summary_free(&s);
    free(r.buf);
    remove_tree(dir);
    free(dir);
}
END_TEST

/* Many files, with workers and release far apart: the same output as one worker,
 * nothing lost. */
START_TEST(test_issue_8_more_files_than_the_queue)
{
    char *dir = temp_dir();
    size_t n = 1224;
    for (size_t i = 0; i < n; i++) {
        char rel[64];
        snprintf(rel, sizeof rel, "f%02zu/x%05zu.txt", i % 7, i);
        put_text(dir, rel, i % 3 ? clean : doubled);
    }
    record r1, r2;
    tqc_audit_summary s1, s2;
    tqc_audit_options o = base_options(&r1, 1);
    run_audit(&o, dir, &r1, &s1);
    o.jobs = 2;
    run_audit(&o, dir, &r2, &s2);
    ck_assert_uint_eq(r1.files, n);
    ck_assert_uint_eq(s2.files, n);
    ck_assert_str_eq(r1.buf, r2.buf);
    ck_assert_uint_eq(s1.findings[TQC_SEV_ERROR], (n + 2) / 3);
    ck_assert_uint_eq(s1.folder_count, 7);
    tqc_audit_summary_free(&s1);
    tqc_audit_summary_free(&s2);
    free(r1.buf);
    free(r2.buf);
    remove_tree(dir);
    free(dir);
}
END_TEST

/* ---- the summary ---- */

static tqc_audit_article article(const char *name, const char *folder, uint64_t words,
                                 uint64_t errors, uint64_t warnings)
{
    tqc_audit_article a = {.name = (char *)name, .folder = (char *)folder, .lang = (char *)"en",
                           .words = words, .findings = {0, warnings, errors}};
    return a;
}

START_TEST(test_issue_8_summary_math)
{
    tqc_audit_summary s;
    ck_assert(tqc_audit_summary_init(&s));
    tqc_audit_article arts[] = {
        article("a.txt", "f1", 1000, 3, 2),  /* 5 per 1,000 */
        article("b.txt", "f1", 200, 1, 0),   /* 5 per 1,000: ties broken by findings */
        article("c.txt", "f2", 20, 2, 0),    /* 100, but too short to rank */
        article("d.txt", "f2", 400, 0, 0),   /* clean */
        article("e.txt", "f2", 0, 0, 0),     /* empty */
    };
    for (size_t i = 0; i < 5; i++) {
        tqc_audit_summary_add_file(&s, arts[i].folder, "en", 100);
        tqc_audit_summary_add_article(&s, &arts[i]);
    }
    tqc_audit_summary_add_finding(&s, "spelling", TQC_SEV_ERROR);
    tqc_audit_summary_add_finding(&s, "spelling", TQC_SEV_WARNING);
    ck_assert_uint_eq(s.files, 5);
    ck_assert_uint_eq(s.bytes, 500);
    ck_assert_uint_eq(s.articles, 5);
    ck_assert_uint_eq(s.words, 1620);
    ck_assert_uint_eq(s.findings[TQC_SEV_ERROR], 6);
    ck_assert_uint_eq(s.findings[TQC_SEV_WARNING], 2);
    ck_assert_uint_eq(s.empty, 1);
    ck_assert_uint_eq(s.clean, 1);
    ck_assert_double_eq_tol(tqc_audit_density(8, 1620), 8000.0 / 1620, 1e-9);
    ck_assert_double_eq(tqc_audit_density(3, 0), 0);
    ck_assert_uint_eq(s.bins[0], 1);                      /* d: 0 */
    ck_assert_uint_eq(s.bins[tqc_audit_bin(5.0)], 2);     /* a, b */
    ck_assert_uint_eq(s.bins[TQC_AUDIT_HIST_BINS - 1], 1); /* c: 100 is past the last edge */
    ck_assert_uint_eq(tqc_audit_bin(1e9), TQC_AUDIT_HIST_BINS - 1);
    ck_assert_uint_eq(s.worst_count, 2);
    ck_assert_str_eq(s.worst[0].name, "a.txt");
    ck_assert_str_eq(s.worst[1].name, "b.txt");
    ck_assert_uint_eq(s.folder_count, 2);
    tqc_audit_summary_sort(&s);
    ck_assert_str_eq(s.folders[0].key, "f1");
    ck_assert_uint_eq(s.folders[0].words, 1200);
    ck_assert_uint_eq(s.folders[1].files, 3);
    ck_assert_uint_eq(s.folders[1].findings[TQC_SEV_ERROR], 2);
    ck_assert_uint_eq(s.rules[0].findings[TQC_SEV_ERROR], 1);
    /* The median is the upper edge of the bin holding the middle article. */
    ck_assert_double_eq(tqc_audit_summary_median(&s),
                        (tqc_audit_bin(5.0) + 1) * TQC_AUDIT_HIST_WIDTH);
    tqc_audit_summary_free(&s);
}
END_TEST

START_TEST(test_issue_8_worst_list_is_bounded)
{
    tqc_audit_summary s;
    ck_assert(tqc_audit_summary_init(&s));
    for (unsigned i = 0; i < 3 * TQC_AUDIT_WORST; i++) {
        char name[32];
        snprintf(name, sizeof name, "n%03u.txt", i);
        tqc_audit_article a = article(name, "f", 1000, i, 0);
        tqc_audit_summary_add_article(&s, &a);
    }
    ck_assert_uint_eq(s.worst_count, TQC_AUDIT_WORST);
    ck_assert_str_eq(s.worst[0].name, "n059.txt");
    for (size_t i = 1; i < s.worst_count; i++)
        ck_assert_uint_gt(s.worst[i - 1].findings[TQC_SEV_ERROR],
                          s.worst[i].findings[TQC_SEV_ERROR]);
    tqc_audit_summary_free(&s);
}
END_TEST

/* The JSON of a summary without its time-dependent lines. */
static char *json_counts(tqc_audit_summary *s)
{
    char *buf = NULL, *out = NULL;
    size_t len = 0, olen = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert(tqc_audit_summary_write_json(f, s));
    fclose(f);
    FILE *o = open_memstream(&out, &olen);
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (!strstr(line, "\"seconds\"") && !strstr(line, "\"throughput\"") &&
            !strstr(line, "\"jobs\"") && !strstr(line, "\"parts\""))
            fprintf(o, "%s\n", line);
        line = nl ? nl + 1 : NULL;
    }
    fclose(o);
    free(buf);
    return out;
}

START_TEST(test_issue_8_merge_of_parts_equals_whole)
{
    tqc_audit_summary whole, p1, p2, merged;
    ck_assert(tqc_audit_summary_init(&whole));
    ck_assert(tqc_audit_summary_init(&p1));
    ck_assert(tqc_audit_summary_init(&p2));
    ck_assert(tqc_audit_summary_init(&merged));
    merged.parts = 0;
    const char *rules[] = {"spelling", "quotes", "missing-space"};
    for (unsigned i = 0; i < 100; i++) {
        char name[32], folder[8];
        snprintf(name, sizeof name, "x%03u.txt", i);
        snprintf(folder, sizeof folder, "f%u", i % 4);
        tqc_audit_article a = article(name, folder, 150 + i * 7, i % 5, i % 3);
        tqc_audit_summary *part = i % 3 == 0 ? &p1 : &p2;
        for (tqc_audit_summary *t = &whole;; t = part) {
            tqc_audit_summary_add_file(t, folder, "en", 1000 + i);
            tqc_audit_summary_add_article(t, &a);
            for (unsigned k = 0; k < i % 5; k++)
                tqc_audit_summary_add_finding(t, rules[k % 3], TQC_SEV_ERROR);
            if (t == part)
                break;
        }
    }
    p2.hidden = 3;
    whole.hidden = 3;
    tqc_audit_summary_merge(&merged, &p1);
    tqc_audit_summary_merge(&merged, &p2);
    char *a = json_counts(&whole), *b = json_counts(&merged);
    ck_assert_str_eq(a, b);
    ck_assert_uint_eq(merged.parts, 2);
    free(a);
    free(b);
    tqc_audit_summary_free(&whole);
    tqc_audit_summary_free(&p1);
    tqc_audit_summary_free(&p2);
    tqc_audit_summary_free(&merged);
}
END_TEST

START_TEST(test_issue_8_json_round_trip)
{
    tqc_audit_summary s, back;
    ck_assert(tqc_audit_summary_init(&s));
    tqc_audit_article a = article("dir/\"quoted\" \xc3\xa9.txt", "dir", 500, 4, 1);
    tqc_audit_summary_add_file(&s, "dir", "en", 3000);
    tqc_audit_summary_add_article(&s, &a);
    tqc_audit_summary_add_finding(&s, "spelling", TQC_SEV_ERROR);
    s.seconds = 1.5;
    s.unchanged = 2;
    s.interrupted = true;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert(tqc_audit_summary_write_json(f, &s));
    fclose(f);
    char err[256];
    ck_assert_int_eq(tqc_audit_summary_read_json(buf, len, NULL, &back, err, sizeof err), TQC_OK);
    char *x = json_counts(&s), *y = json_counts(&back);
    ck_assert_str_eq(x, y);
    ck_assert(back.interrupted);
    ck_assert_str_eq(back.worst[0].name, "dir/\"quoted\" \xc3\xa9.txt");
    /* Two summaries back to back read one at a time. */
    size_t used;
    char *two = malloc(2 * len + 2);
    memcpy(two, buf, len);
    memcpy(two + len, buf, len);
    tqc_audit_summary_free(&back);
    ck_assert_int_eq(tqc_audit_summary_read_json(two, 2 * len, &used, &back, err, sizeof err),
                     TQC_OK);
    ck_assert_uint_eq(used, len);
    tqc_audit_summary_free(&back);
    ck_assert_int_eq(tqc_audit_summary_read_json(two, 2 * len, NULL, &back, err, sizeof err),
                     TQC_EINPUT);
    free(two);
    free(x);
    free(y);
    free(buf);
    tqc_audit_summary_free(&s);
}
END_TEST

START_TEST(test_issue_14_worst_articles_keep_counts_per_rule)
{
    /* The dashboard filters the worst articles by rule: each keeps its counts per rule,
     * sorted, through merge and JSON, and a summary written before them still reads. */
    tqc_audit_summary s, part, back;
    ck_assert(tqc_audit_summary_init(&s));
    ck_assert(tqc_audit_summary_init(&part));
    tqc_audit_rule_count rc[TQC_AUDIT_ARTICLE_RULES];
    size_t n = 0;
    char quotes[] = "quotes";   /* not the same pointer as a later "quotes" */
    tqc_audit_rule_count_add(rc, &n, TQC_AUDIT_ARTICLE_RULES, "spelling", 1);
    tqc_audit_rule_count_add(rc, &n, TQC_AUDIT_ARTICLE_RULES, quotes, 2);
    tqc_audit_rule_count_add(rc, &n, TQC_AUDIT_ARTICLE_RULES, "quotes", 1);
    tqc_audit_rule_count_add(rc, &n, TQC_AUDIT_ARTICLE_RULES, NULL, 1);   /* out of memory */
    ck_assert_uint_eq(n, 2);
    tqc_audit_article a = article("a.txt", "f", 500, 3, 1);
    a.rules = rc;
    a.rule_count = n;
    tqc_audit_summary_add_article(&part, &a);
    a.rules[0].rule = NULL;     /* the summary holds copies */
    tqc_audit_summary_merge(&s, &part);
    ck_assert_uint_eq(s.worst_count, 1);
    ck_assert_uint_eq(s.worst[0].rule_count, 2);
    ck_assert_str_eq(s.worst[0].rules[0].rule, "quotes");   /* the most first */
    ck_assert_uint_eq(s.worst[0].rules[0].count, 3);
    ck_assert_str_eq(s.worst[0].rules[1].rule, "spelling");
    char *buf = NULL, err[256];
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert(tqc_audit_summary_write_json(f, &s));
    fclose(f);
    ck_assert_ptr_nonnull(strstr(buf, "\"rules\":{\"quotes\":3,\"spelling\":1}"));
    ck_assert_int_eq(tqc_audit_summary_read_json(buf, len, NULL, &back, err, sizeof err), TQC_OK);
    ck_assert_uint_eq(back.worst[0].rule_count, 2);
    ck_assert_uint_eq(back.worst[0].rules[1].count, 1);
    tqc_audit_summary_free(&back);
    char *old = strstr(buf, ",\"rules\":{");
    memmove(old, strchr(old, '}') + 1, strlen(strchr(old, '}') + 1) + 1);
    ck_assert_int_eq(tqc_audit_summary_read_json(buf, strlen(buf), NULL, &back, err, sizeof err),
                     TQC_OK);
    ck_assert_uint_eq(back.worst_count, 1);
    ck_assert_uint_eq(back.worst[0].rule_count, 0);
    tqc_audit_summary_free(&back);
    free(buf);
    tqc_audit_summary_free(&s);
    tqc_audit_summary_free(&part);
}
END_TEST

START_TEST(test_issue_8_json_errors)
{
    tqc_audit_summary s;
    char err[256];
    const char *bad[] = {
        "",
        "{",
        "[1, 2]",
        "{\"tqc_audit_summary\": 99}",
        "{\"tqc_audit_summary\": 1, \"files\": -1}",
        "{\"tqc_audit_summary\": 1, \"files\": \"3\"}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(tqc_audit_summary_read_json(bad[i], strlen(bad[i]), NULL, &s, err,
                                                     sizeof err), TQC_EINPUT);
        ck_assert(err[0]);
    }
}
END_TEST

/* ---- the database ---- */

static long long query_int(const char *db, const char *sql)
{
    sqlite3 *h;
    ck_assert_int_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *q;
    ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &q, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
    long long v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(h);
    return v;
}

typedef struct dbrec {
    tqc_audit_db *db;
} dbrec;

static tqc_status db_doc(void *ctx, const tqc_audit_file *file, const tqc_doc *doc,
                         const tqc_findings *found)
{
    return tqc_audit_db_doc(((dbrec *)ctx)->db, file, doc, found);
}

static tqc_status db_file(void *ctx, const tqc_audit_file *file)
{
    return tqc_audit_db_file(((dbrec *)ctx)->db, file);
}

static bool db_unchanged(void *ctx, const char *path, uint64_t sum)
{
    return tqc_audit_db_unchanged(((dbrec *)ctx)->db, path, sum);
}

static void audit_into_db(const char *db, const char *const *paths, size_t n, bool incremental,
                          tqc_audit_summary *sum)
{
    dbrec r;
    char err[512];
    tqc_audit_db_run run = {"en", "test", 2, incremental};
    ck_assert_int_eq(tqc_audit_db_open(db, &run, &r.db, err, sizeof err), TQC_OK);
    tqc_audit_options o = {
        .check = {.data_dir = TQC_SOURCE_DIR, .lang = "en"},
        .jobs = 2, .checksums = true,
        .hooks = {.ctx = &r, .doc = db_doc, .file = db_file,
                  .unchanged = incremental ? db_unchanged : NULL},
    };
    ck_assert_int_eq(tqc_audit_run(&o, paths, n, sum, err, sizeof err), TQC_OK);
    ck_assert_int_eq(tqc_audit_db_finish(r.db, sum, err, sizeof err), TQC_OK);
    tqc_audit_db_close(r.db);
}

START_TEST(test_issue_8_database_incremental_and_merge)
{
    char *dir = make_tree();
    char whole[4200], part1[4200], part2[4200], merged[4200], a[4200], b[4200];
    snprintf(whole, sizeof whole, "%s/whole.sqlite", dir);
    snprintf(part1, sizeof part1, "%s/p1.sqlite", dir);
    snprintf(part2, sizeof part2, "%s/p2.sqlite", dir);
    snprintf(merged, sizeof merged, "%s/merged.sqlite", dir);
    snprintf(a, sizeof a, "%s/a", dir);
    snprintf(b, sizeof b, "%s/b", dir);
    tqc_audit_summary s;
    const char *both[] = {a, b};
    audit_into_db(whole, both, 2, false, &s);
    long long findings = query_int(whole, "SELECT count(*) FROM findings");
    ck_assert_int_eq(findings, (long long)tqc_audit_total(s.findings));
    ck_assert_int_gt(findings, 2);
    ck_assert_int_eq(query_int(whole, "SELECT count(*) FROM files"), 3);
    ck_assert_int_eq(query_int(whole, "SELECT findings FROM runs WHERE id = 1"), findings);
    ck_assert_int_eq(query_int(whole, "SELECT sum(findings) FROM run_rules WHERE run = 1"),
                     findings);
    tqc_audit_summary_free(&s);

    /* Nothing changed: every file is skipped, the run still sees them all. */
    audit_into_db(whole, both, 2, true, &s);
    ck_assert_uint_eq(s.unchanged, 3);
    ck_assert_uint_eq(s.files, 0);
    ck_assert_int_eq(query_int(whole, "SELECT findings FROM runs WHERE id = 2"), findings);
    ck_assert_int_eq(query_int(whole, "SELECT count(*) FROM files WHERE seen = 2"), 3);
    tqc_audit_summary_free(&s);
    /* One file changed: only it is checked again. */
    put_text(dir, "a/two.txt", doubled);
    audit_into_db(whole, both, 2, true, &s);
    ck_assert_uint_eq(s.unchanged, 2);
    ck_assert_uint_eq(s.files, 1);
    ck_assert_int_eq(query_int(whole, "SELECT findings FROM runs WHERE id = 3"), findings + 1);
    tqc_audit_summary_free(&s);

    /* Parts audited apart and merged equal the whole (as of its last run). */
    const char *pa[] = {a}, *pb[] = {b};
    audit_into_db(part1, pa, 1, false, &s);
    tqc_audit_summary_free(&s);
    audit_into_db(part2, pb, 1, false, &s);
    tqc_audit_summary_free(&s);
    char err[512];
    const char *parts[] = {part1, part2};
    ck_assert_int_eq(tqc_audit_db_merge(merged, parts, 2, err, sizeof err), TQC_OK);
    ck_assert_int_eq(query_int(merged, "SELECT count(*) FROM findings"), findings + 1);
    ck_assert_int_eq(query_int(merged, "SELECT findings FROM runs ORDER BY id DESC LIMIT 1"),
                     findings + 1);
    ck_assert_int_eq(query_int(merged, "SELECT count(*) FROM runs"), 3);
    /* A file that is no database is refused, and nothing is written. */
    const char *notdb[] = {a};
    unlink(merged);
    ck_assert_int_ne(tqc_audit_db_merge(merged, notdb, 1, err, sizeof err), TQC_OK);
    ck_assert_int_ne(access(merged, F_OK), 0);
    remove_tree(dir);
    free(dir);
}
END_TEST

/* ---- a project: settings per folder, suppressions, a drop hook ---- */

/* Drops every finding of the file named "drop.txt". */
static bool drop_named(void *ctx, const tqc_audit_file *file, const char *rule,
                       uint64_t fingerprint)
{
    (void)rule;
    (void)fingerprint;
    size_t *dropped = ctx;
    const char *slash = strrchr(file->path, '/');
    bool drop = strcmp(slash ? slash + 1 : file->path, "drop.txt") == 0;
    *dropped += drop;
    return drop;
}

typedef struct drop_rec {
    record rec;
    size_t dropped;
} drop_rec;

static bool drop_rec_hook(void *ctx, const tqc_audit_file *file, const char *rule,
                          uint64_t fingerprint)
{
    return drop_named(&((drop_rec *)ctx)->dropped, file, rule, fingerprint);
}

START_TEST(test_issue_8_project_settings_suppressions_and_drop)
{
    char *dir = temp_dir();
    char git[4200];
    snprintf(git, sizeof git, "%s/.git", dir);
    mkdir(git, 0777); /* the config search stops here */
    /* Many files in two folders, so every worker meets both settings. */
    for (int i = 0; i < 24; i++) {
        char rel[64];
        snprintf(rel, sizeof rel, "%s/f%02d.txt", i % 2 ? "wire" : "own", i);
        put_text(dir, rel, doubled);
    }
    put_text(dir, "wire/.tqc.ini", "disable = repeated-word\n");
    put_text(dir, "own/sup.txt", "<!-- tqc-disable-next-line repeated-word -->\n"
                                 "The the vote was close.\n\n<!-- tqc-disable quotes -->\n");
    put_text(dir, "own/drop.txt", doubled);
    tqc_config_overrides cli = {0};
    tqc_project *project = tqc_project_new(NULL, &cli);
    ck_assert_ptr_nonnull(project);
    drop_rec r1, r3;
    tqc_audit_summary s1, s3;
    tqc_audit_options o = base_options(&r1.rec, 1);
    o.project = project;
    o.hooks.drop = drop_rec_hook;
    r1.dropped = 0;
    /* run_audit points the hooks at the record, which leads drop_rec. */
    run_audit(&o, dir, &r1.rec, &s1);
    o.jobs = 3;
    r3.dropped = 0;
    run_audit(&o, dir, &r3.rec, &s3);
    ck_assert_str_eq(r1.rec.buf, r3.rec.buf);
    /* 12 files with a doubled word in own/, none counted in wire/, sup.txt's suppressed
     * and its unused directive reported, drop.txt's dropped. */
    ck_assert_ptr_null(strstr(r1.rec.buf, "/wire/f01.txt:1"));
    ck_assert_ptr_nonnull(strstr(r1.rec.buf, "/own/f00.txt:1:19 repeated-word"));
    ck_assert_ptr_null(strstr(r1.rec.buf, "sup.txt:2:"));
    ck_assert_ptr_nonnull(strstr(r1.rec.buf, "sup.txt:4:1 unused-suppression"));
    ck_assert_ptr_null(strstr(r1.rec.buf, "drop.txt:"));
    ck_assert_uint_eq(r1.dropped, 1);
    ck_assert_uint_eq(r3.dropped, 1);
    ck_assert_uint_eq(s1.findings[TQC_SEV_ERROR], 12);
    ck_assert_uint_eq(s1.findings[TQC_SEV_INFO], 1);
    ck_assert_uint_eq(s1.files, 26);
    free(r1.rec.buf);
    free(r3.rec.buf);
    tqc_audit_summary_free(&s1);
    tqc_audit_summary_free(&s3);

    /* A bad config met on the way stops the audit with its FILE:LINE. */
    put_text(dir, "wire/.tqc.ini", "disable = repeated-word\nbogus = 1\n");
    tqc_project_free(project);
    project = tqc_project_new(NULL, &cli);
    o.project = project;
    record r;
    memset(&r, 0, sizeof r);
    r.out = open_memstream(&r.buf, &r.len);
    o.hooks.ctx = &r;
    o.hooks.drop = NULL;
    char err[512];
    const char *paths[] = {dir};
    tqc_audit_summary s;
    ck_assert_int_eq(tqc_audit_run(&o, paths, 1, &s, err, sizeof err), TQC_EINPUT);
    ck_assert_ptr_nonnull(strstr(err, "wire/.tqc.ini:2: unknown key 'bogus'"));
    fclose(r.out);
    free(r.buf);
    tqc_audit_summary_free(&s);
    tqc_project_free(project);
    remove_tree(dir);
    free(dir);
}
END_TEST

/* Threads asking for the settings of files in the same folders at once get what one
 * thread gets, and each config is parsed once. */
typedef struct settings_job {
    tqc_project *project;
    const char *dir;
    int failures;
} settings_job;

static void *resolve_many(void *arg)
{
    settings_job *j = arg;
    for (int i = 0; i < 200; i++) {
        char path[4200], err[512];
        snprintf(path, sizeof path, "%s/d%d/x%d.txt", j->dir, i % 8, i);
        tqc_settings *s;
        if (tqc_project_settings(j->project, path, &s, err, sizeof err) != TQC_OK) {
            j->failures++;
            continue;
        }
        /* Folders d0..d3 have a config that disables spacing; d4..d7 have none. */
        const tqc_rule_setting *rs = tqc_settings_rule(s, "spacing");
        bool want_off = i % 8 < 4;
        j->failures += !rs || rs->enabled == want_off || (want_off != (s->config != NULL));
        tqc_settings_free(s);
    }
    return NULL;
}

START_TEST(test_issue_8_project_settings_from_threads)
{
    char *dir = temp_dir();
    char git[4200];
    snprintf(git, sizeof git, "%s/.git", dir);
    mkdir(git, 0777);
    for (int d = 0; d < 8; d++) {
        char rel[64];
        snprintf(rel, sizeof rel, "d%d/keep.txt", d);
        put_text(dir, rel, clean);
        if (d < 4) {
            snprintf(rel, sizeof rel, "d%d/.tqc.ini", d);
            put_text(dir, rel, "disable = spacing\n");
        }
    }
    tqc_project *project = tqc_project_new(NULL, NULL);
    ck_assert_ptr_nonnull(project);
    settings_job jobs[4];
    pthread_t threads[4];
    for (int t = 0; t < 4; t++) {
        jobs[t] = (settings_job){project, dir, 0};
        ck_assert_int_eq(pthread_create(&threads[t], NULL, resolve_many, &jobs[t]), 0);
    }
    for (int t = 0; t < 4; t++) {
        pthread_join(threads[t], NULL);
        ck_assert_int_eq(jobs[t].failures, 0);
    }
    /* Two files of one folder share the one parsed config. */
    char a[4200], b[4200], err[512];
    snprintf(a, sizeof a, "%s/d1/a.txt", dir);
    snprintf(b, sizeof b, "%s/d1/b.txt", dir);
    const tqc_config *ca, *cb;
    ck_assert_int_eq(tqc_project_config(project, a, &ca, err, sizeof err), TQC_OK);
    ck_assert_int_eq(tqc_project_config(project, b, &cb, err, sizeof err), TQC_OK);
    ck_assert_ptr_nonnull(ca);
    ck_assert_ptr_eq(ca, cb);
    tqc_project_free(project);
    remove_tree(dir);
    free(dir);
}
END_TEST

Suite *audit_suite(void)
{
    Suite *s = suite_create("audit");
    TCase *tc = tcase_create("audit");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_issue_8_glob_names_and_paths);
    tcase_add_test(tc, test_issue_8_folders);
    tcase_add_test(tc, test_issue_8_same_order_for_any_jobs);
    tcase_add_test(tc, test_issue_8_globs_hidden_and_failed_files);
    tcase_add_test(tc, test_issue_8_stop_flag_stops_cleanly);
    tcase_add_test(tc, test_issue_8_more_files_than_the_queue);
    tcase_add_test(tc, test_issue_8_summary_math);
    tcase_add_test(tc, test_issue_8_worst_list_is_bounded);
    tcase_add_test(tc, test_issue_8_merge_of_parts_equals_whole);
    tcase_add_test(tc, test_issue_8_json_round_trip);
    tcase_add_test(tc, test_issue_8_json_errors);
    tcase_add_test(tc, test_issue_8_database_incremental_and_merge);
    tcase_add_test(tc, test_issue_14_worst_articles_keep_counts_per_rule);
    tcase_add_test(tc, test_issue_8_project_settings_suppressions_and_drop);
    tcase_add_test(tc, test_issue_8_project_settings_from_threads);
    suite_add_tcase(s, tc);
    return s;
}
