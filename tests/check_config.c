#include <time.h>
/* config: .tqc.ini parsing, discovery, glob sections and merging (issue 7). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run/config.h"
#include "run/suppress.h"
#include "tqc_test.h"

static char dir[64];

/* A fresh folder under /tmp with words/a.txt, words/pt.txt and dicts/. */
static void make_tree(void)
{
    snprintf(dir, sizeof dir, "/tmp/tqc-config-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char p[256];
    snprintf(p, sizeof p, "%s/words", dir);
    ck_assert_int_eq(mkdir(p, 0777), 0);
    snprintf(p, sizeof p, "%s/dicts", dir);
    ck_assert_int_eq(mkdir(p, 0777), 0);
    const char *files[] = {"words/a.txt", "words/pt.txt", "words/br.txt"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        FILE *f = fopen(p, "w");
        ck_assert_ptr_nonnull(f);
        fputs("word\n", f);
        fclose(f);
    }
}

static void remove_tree(void)
{
    char cmd[128];
    if (dir[0] && snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir) < (int)sizeof cmd)
        ck_assert_int_eq(system(cmd), 0);
    dir[0] = '\0';
}

static void write_file(const char *rel, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, rel);
    FILE *f = fopen(p, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

/* Parses text as dir/.tqc.ini; returns the status, err the message. */
static tqc_status parse(const char *text, tqc_config **cfg, char *err, size_t errlen)
{
    char path[256];
    snprintf(path, sizeof path, "%s/.tqc.ini", dir);
    return tqc_config_parse(path, text, strlen(text), cfg, err, errlen);
}

static tqc_config *parse_ok(const char *text)
{
    tqc_config *cfg;
    char err[512];
    tqc_status st = parse(text, &cfg, err, sizeof err);
    ck_assert_msg(st == TQC_OK, "parse failed: %s", err);
    return cfg;
}

/* The settings of dir/rel under cfg. */
static tqc_settings *resolve(const tqc_config *cfg, const char *rel, const tqc_config_overrides *cli)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    tqc_settings *s;
    ck_assert_int_eq(tqc_settings_resolve(cfg, rel ? path : NULL, cli, &s), TQC_OK);
    return s;
}

START_TEST(test_issue_7_glob_double_star_crosses_folders)
{
    ck_assert(tqc_glob_match("content/pt/**.html", "content/pt/a.html"));
    ck_assert(tqc_glob_match("content/pt/**.html", "content/pt/2024/05/a.html"));
    ck_assert(!tqc_glob_match("content/pt/**.html", "content/en/a.html"));
    ck_assert(!tqc_glob_match("content/pt/**.html", "content/pt/a.htm"));
    ck_assert(tqc_glob_match("a/**/b.txt", "a/b.txt"));
    ck_assert(tqc_glob_match("a/**/b.txt", "a/x/y/b.txt"));
    ck_assert(!tqc_glob_match("a/**/b.txt", "ab.txt"));
    ck_assert(tqc_glob_match("/content/**", "content/x/y"));
}
END_TEST

START_TEST(test_issue_7_glob_single_star_stays_in_folder)
{
    ck_assert(tqc_glob_match("content/*.html", "content/a.html"));
    ck_assert(!tqc_glob_match("content/*.html", "content/pt/a.html"));
    ck_assert(tqc_glob_match("content/?.txt", "content/é.txt")); /* ? is one character */
    ck_assert(!tqc_glob_match("content/?.txt", "content/ab.txt"));
    ck_assert(!tqc_glob_match("a?b", "a/b"));
}
END_TEST

START_TEST(test_issue_7_glob_without_slash_matches_any_folder)
{
    ck_assert(tqc_glob_match("*.md", "README.md"));
    ck_assert(tqc_glob_match("*.md", "docs/deep/guide.md"));
    ck_assert(!tqc_glob_match("*.md", "docs/guide.mdx"));
}
END_TEST

START_TEST(test_issue_7_glob_classes_braces_escapes)
{
    ck_assert(tqc_glob_match("*.{html,htm}", "a/b.htm"));
    ck_assert(tqc_glob_match("*.{html,htm}", "b.html"));
    ck_assert(!tqc_glob_match("*.{html,htm}", "b.xml"));
    ck_assert(tqc_glob_match("{en,pt/{br,pt}}/*.txt", "pt/br/a.txt"));
    ck_assert(!tqc_glob_match("{en,pt/{br,pt}}/*.txt", "pt/es/a.txt"));
    ck_assert(tqc_glob_match("[ab].txt", "a.txt"));
    ck_assert(!tqc_glob_match("[ab].txt", "c.txt"));
    ck_assert(tqc_glob_match("[!ab].txt", "c.txt"));
    ck_assert(tqc_glob_match("[a-c]x.txt", "bx.txt"));
    ck_assert(tqc_glob_match("\\*.txt", "*.txt"));
    ck_assert(!tqc_glob_match("\\*.txt", "a.txt"));
}
END_TEST

START_TEST(test_issue_7_glob_check)
{
    ck_assert_ptr_null(tqc_glob_check("content/pt/**.{html,htm}"));
    ck_assert_ptr_nonnull(tqc_glob_check(""));
    ck_assert_ptr_nonnull(tqc_glob_check("a[b"));
    ck_assert_ptr_nonnull(tqc_glob_check("a{b"));
    ck_assert_ptr_nonnull(tqc_glob_check("a}b"));
    ck_assert_ptr_nonnull(tqc_glob_check("a\\"));
}
END_TEST

START_TEST(test_issue_7_abspath_is_lexical)
{
    char out[256];
    ck_assert(tqc_config_abspath("/a/./b//c/../d", out, sizeof out));
    ck_assert_str_eq(out, "/a/b/d");
    ck_assert(tqc_config_abspath("/..", out, sizeof out));
    ck_assert_str_eq(out, "/");
    char cwd[256];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert(tqc_config_abspath("x/y", out, sizeof out));
    ck_assert_int_eq(strncmp(out, cwd, strlen(cwd)), 0);
    ck_assert_str_eq(out + strlen(cwd), "/x/y");
    ck_assert(!tqc_config_abspath("/abc", out, 3));
}
END_TEST

/* Every bad line names the file and the line, and says what is wrong. */
static void expect_error(const char *text, const char *where, const char *what)
{
    tqc_config *cfg = (tqc_config *)1;
    char err[512];
    ck_assert_int_eq(parse(text, &cfg, err, sizeof err), TQC_EINPUT);
    ck_assert_ptr_null(cfg);
    char want[320];
    snprintf(want, sizeof want, "%s/.tqc.ini:%s", dir, where);
    ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "'%s' does not start with '%s'", err, want);
    ck_assert_msg(strstr(err, what) != NULL, "'%s' does not say '%s'", err, what);
}

START_TEST(test_issue_7_errors_name_file_and_line)
{
    make_tree();
    expect_error("lang = en\ncolour = red\n", "2: ", "unknown key 'colour'");
    expect_error("fail-on = fatal\n", "1: ", "fail-on takes error, warning or info, not 'fatal'");
    expect_error("# c\n\nlang = english\n", "3: ", "not a language code");
    expect_error("disable = quotes, nosuch\n", "1: ", "unknown rule 'nosuch'");
    expect_error("severity.nosuch = info\n", "1: ", "unknown rule 'nosuch'");
    expect_error("severity.quotes = loud\n", "1: ", "not 'loud'");
    expect_error("lang = en\nlang = pt\n", "2: ", "duplicate key 'lang' (first set on line 1)");
    expect_error("[content/pt\nlang = pt\n", "1: ", "without ']'");
    expect_error("[a{b]\n", "1: ", "bad glob");
    expect_error("words = words/none.txt\n", "1: ", "cannot read 'words/none.txt'");
    expect_error("words = words\n", "1: ", "a folder, not a word list");
    expect_error("dict-dir = words/a.txt\n", "1: ", "not a folder");
    expect_error("words.portuguese = words/pt.txt\n", "1: ", "not a language code");
    expect_error("just words\n", "1: ", "expected 'key = value'");
    expect_error("[*.txt]\nlang = pt\nbogus = 1\n", "3: ", "unknown key 'bogus'");
}
END_TEST

START_TEST(test_issue_7_comments_and_continuation_lines)
{
    make_tree();
    tqc_config *cfg = parse_ok("; a comment\n"
                               "# another\n"
                               "words =                 # the newsroom's lists\n"
                               "    words/a.txt         # staff names\n"
                               "    # a comment line inside the list\n"
                               "    words/br.txt\n"
                               "  fail-on = error       ; an indented key is a key\n");
    tqc_settings *s = resolve(cfg, "x.txt", NULL);
    ck_assert_uint_eq(s->word_count, 2);
    ck_assert(strstr(s->words[0].path, "/words/a.txt") != NULL);
    ck_assert(strstr(s->words[1].path, "/words/br.txt") != NULL);
    ck_assert_uint_eq(s->words[1].from.line, 3); /* where the key is */
    ck_assert_int_eq(s->fail_on, TQC_SEV_ERROR);
    ck_assert_uint_eq(s->fail_on_from.line, 7);
    tqc_settings_free(s);
    tqc_config_free(cfg);
}
END_TEST

START_TEST(test_issue_7_defaults_without_config)
{
    tqc_settings *s;
    ck_assert_int_eq(tqc_settings_resolve(NULL, "a.txt", NULL, &s), TQC_OK);
    ck_assert_str_eq(s->lang, "en");
    ck_assert_int_eq(s->lang_from.kind, TQC_FROM_DEFAULT);
    ck_assert_int_eq(s->fail_on, TQC_SEV_WARNING);
    ck_assert_ptr_null(s->dict_dir);
    ck_assert_uint_eq(s->word_count, 0);
    ck_assert_uint_eq(s->rule_count, tqc_pass_count + 1);
    const tqc_rule_setting *r = tqc_settings_rule(s, TQC_SUPPRESS_RULE);
    ck_assert_ptr_nonnull(r);
    ck_assert(r->enabled);
    ck_assert_int_eq(r->severity, TQC_SEV_INFO);
    r = tqc_settings_rule(s, "repeated-word");
    ck_assert(r->enabled && !r->severity_set);
    ck_assert_int_eq(r->severity, tqc_pass_find("repeated-word")->severity);
    ck_assert_ptr_null(tqc_settings_rule(s, "nosuch"));
    tqc_settings_free(s);
}
END_TEST

START_TEST(test_issue_7_sections_override_top_level)
{
    make_tree();
    tqc_config *cfg = parse_ok("lang = en\n"
                               "fail-on = warning\n"
                               "words = words/a.txt\n"
                               "words.pt = words/pt.txt\n"
                               "words.pt-BR = words/br.txt\n"
                               "disable = boilerplate, fragment\n"
                               "severity.capitalization = info\n"
                               "\n"
                               "[content/pt/**.html]\n"
                               "lang = pt-BR\n"
                               "enable = fragment\n"
                               "[*.html]\n"
                               "fail-on = error\n"
                               "disable = all\n"
                               "enable = repeated-word\n");
    tqc_settings *en = resolve(cfg, "content/en/a.txt", NULL);
    ck_assert_str_eq(en->lang, "en");
    ck_assert_uint_eq(en->lang_from.line, 1);
    ck_assert_ptr_null(en->lang_from.section);
    ck_assert_uint_eq(en->word_count, 1); /* words.pt does not apply to English */
    ck_assert(!tqc_settings_rule(en, "boilerplate")->enabled);
    ck_assert(!tqc_settings_rule(en, "fragment")->enabled);
    ck_assert_uint_eq(tqc_settings_rule(en, "fragment")->enabled_from.line, 6);
    const tqc_rule_setting *cap = tqc_settings_rule(en, "capitalization");
    ck_assert(cap->severity_set);
    ck_assert_int_eq(cap->severity, TQC_SEV_INFO);
    ck_assert_uint_eq(cap->severity_from.line, 7);

    tqc_settings *pt = resolve(cfg, "content/pt/2024/a.html", NULL);
    ck_assert_str_eq(pt->lang, "pt-BR");
    ck_assert_str_eq(pt->lang_from.section, "content/pt/**.html");
    ck_assert_uint_eq(pt->lang_from.line, 10);
    ck_assert_uint_eq(pt->word_count, 3); /* words, words.pt (the base), words.pt-BR */
    ck_assert_str_eq(pt->words[1].key, "words.pt");
    ck_assert_str_eq(pt->words[2].key, "words.pt-BR");
    /* Later sections win: [*.html] disables all but repeated-word, after the enable. */
    ck_assert_int_eq(pt->fail_on, TQC_SEV_ERROR);
    ck_assert(!tqc_settings_rule(pt, "fragment")->enabled);
    ck_assert(tqc_settings_rule(pt, "repeated-word")->enabled);
    ck_assert(!tqc_settings_rule(pt, TQC_SUPPRESS_RULE)->enabled);
    ck_assert_str_eq(tqc_settings_rule(pt, "quotes")->enabled_from.section, "*.html");
    ck_assert(!tqc_settings_same_checker(en, pt));

    /* Standard input: the top level only. */
    tqc_settings *in = resolve(cfg, NULL, NULL);
    ck_assert_str_eq(in->lang, "en");
    ck_assert(tqc_settings_same_checker(en, in));
    tqc_settings_free(en);
    tqc_settings_free(pt);
    tqc_settings_free(in);
    tqc_config_free(cfg);
}
END_TEST

START_TEST(test_issue_7_command_line_wins)
{
    make_tree();
    tqc_config *cfg = parse_ok("lang = pt\nfail-on = info\ndict-dir = dicts\nwords = words/a.txt\n");
    const char *words[] = {"extra.txt"};
    const char *disabled[] = {"quotes"};
    tqc_config_overrides cli = {.lang = "en-GB", .fail_on_set = true, .fail_on = TQC_SEV_ERROR,
                                .words = words, .word_count = 1, .disabled = disabled,
                                .disabled_count = 1};
    tqc_settings *s = resolve(cfg, "a.txt", &cli);
    ck_assert_str_eq(s->lang, "en-GB");
    ck_assert_int_eq(s->lang_from.kind, TQC_FROM_CLI);
    ck_assert_int_eq(s->fail_on, TQC_SEV_ERROR);
    ck_assert(strstr(s->dict_dir, "/dicts") != NULL);
    ck_assert_int_eq(s->dict_dir_from.kind, TQC_FROM_CONFIG);
    ck_assert_uint_eq(s->word_count, 2); /* the config's list, then --words */
    ck_assert_str_eq(s->words[1].path, "extra.txt");
    ck_assert_int_eq(s->words[1].from.kind, TQC_FROM_CLI);
    ck_assert(!tqc_settings_rule(s, "quotes")->enabled);
    tqc_settings_free(s);
    tqc_config_free(cfg);
}
END_TEST

START_TEST(test_issue_7_find_walks_up_to_the_repository_root)
{
    make_tree();
    char p[256], found[512];
    snprintf(p, sizeof p, "%s/repo/content/pt", dir);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "mkdir -p %s %s/repo/.git", p, dir);
    ck_assert_int_eq(system(cmd), 0);
    /* Nothing in the repository: the walk stops at the root, not at dir above it. */
    write_file(".tqc.ini", "lang = en\n");
    ck_assert_int_eq(tqc_config_find(p, found, sizeof found), TQC_ENOTFOUND);
    write_file("repo/.tqc.ini", "lang = en\n");
    ck_assert_int_eq(tqc_config_find(p, found, sizeof found), TQC_OK);
    char want[512];
    snprintf(want, sizeof want, "%s/repo/.tqc.ini", dir);
    ck_assert_str_eq(found, want);
    /* The nearest one wins. */
    write_file("repo/content/.tqc.ini", "lang = pt\n");
    ck_assert_int_eq(tqc_config_find(p, found, sizeof found), TQC_OK);
    snprintf(want, sizeof want, "%s/repo/content/.tqc.ini", dir);
    ck_assert_str_eq(found, want);
}
END_TEST

START_TEST(test_issue_7_load_reads_files)
{
    make_tree();
    write_file("cfg.ini", "\xEF\xBB\xBFlang = pt # with a BOM\n");
    char p[256], err[512];
    snprintf(p, sizeof p, "%s/cfg.ini", dir);
    tqc_config *cfg;
    ck_assert_int_eq(tqc_config_load(p, &cfg, err, sizeof err), TQC_OK);
    ck_assert_str_eq(tqc_config_path(cfg), p);
    ck_assert_str_eq(tqc_config_dir(cfg), dir);
    tqc_settings *s = resolve(cfg, "a.txt", NULL);
    ck_assert_str_eq(s->lang, "pt");
    tqc_settings_free(s);
    tqc_config_free(cfg);
    snprintf(p, sizeof p, "%s/none.ini", dir);
    ck_assert_int_eq(tqc_config_load(p, &cfg, err, sizeof err), TQC_EIO);
    ck_assert(strstr(err, "none.ini") != NULL);
}
END_TEST

START_TEST(test_issue_7_files_outside_the_config_folder)
{
    make_tree();
    tqc_config *cfg = parse_ok("[sub/*.txt]\nlang = pt\n[*.txt]\nfail-on = error\n");
    tqc_settings *s;
    ck_assert_int_eq(tqc_settings_resolve(cfg, "/elsewhere/sub/a.txt", NULL, &s), TQC_OK);
    ck_assert_str_eq(s->lang, "en");              /* anchored globs need the folder */
    ck_assert_int_eq(s->fail_on, TQC_SEV_ERROR);  /* a file-name glob still matches */
    tqc_settings_free(s);
    tqc_config_free(cfg);
}
END_TEST

/* CPU seconds taken by reps rounds of globs of many stars against a name of as `a`s and
 * `c.txt`, each nearly matched; the answers checked. */
static double glob_stars_cpu(size_t as, int reps)
{
    char name[128];
    ck_assert_uint_lt(as + sizeof "c.txt", sizeof name);
    memset(name, 'a', as);
    memcpy(name + as, "c.txt", sizeof "c.txt");
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0); /* CPU time: the machine may be busy */
    for (int r = 0; r < reps; r++) {
        ck_assert(!tqc_glob_match("*a*a*a*a*a*a*a*b", name));
        ck_assert(!tqc_glob_match("**a**a**a**a**a**a**a**b", name));
        ck_assert(!tqc_glob_match("*a*a*a*a*a*a*a*{b,d}*", name));
        ck_assert(tqc_glob_match("*a*a*a*a*a*a*a*c.txt", name));
        ck_assert(tqc_glob_match("*a*a*a*a*a*a*a*{b,c}.txt", name));
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    return (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* Issue 18: a glob of many stars against a long name that nearly matches took 25 s per
 * file (every way to split the name among the stars was tried). Timed as a ratio against
 * a name half as long in the same run (the machine may be busy): a matcher polynomial in
 * the name's length takes at most a few times as long, one trying every split (about
 * 60-choose-7 against 30-choose-7 ways) a hundred times and more. */
START_TEST(test_issue_18_glob_many_stars_is_fast)
{
    double half = glob_stars_cpu(30, 200);
    double full = glob_stars_cpu(60, 200);
    ck_assert_msg(full < 8 * half + 0.02, "60 characters took %.4f s of CPU, 30 %.4f s", full,
                  half);
}
END_TEST

Suite *config_suite(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("glob");
    tcase_add_test(tc, test_issue_7_glob_double_star_crosses_folders);
    tcase_add_test(tc, test_issue_7_glob_single_star_stays_in_folder);
    tcase_add_test(tc, test_issue_7_glob_without_slash_matches_any_folder);
    tcase_add_test(tc, test_issue_7_glob_classes_braces_escapes);
    tcase_add_test(tc, test_issue_7_glob_check);
    tcase_add_test(tc, test_issue_18_glob_many_stars_is_fast);
    tcase_add_test(tc, test_issue_7_abspath_is_lexical);
    suite_add_tcase(s, tc);
    tc = tcase_create("parse");
    tcase_add_checked_fixture(tc, NULL, remove_tree);
    tcase_add_test(tc, test_issue_7_errors_name_file_and_line);
    tcase_add_test(tc, test_issue_7_comments_and_continuation_lines);
    tcase_add_test(tc, test_issue_7_load_reads_files);
    suite_add_tcase(s, tc);
    tc = tcase_create("resolve");
    tcase_add_checked_fixture(tc, NULL, remove_tree);
    tcase_add_test(tc, test_issue_7_defaults_without_config);
    tcase_add_test(tc, test_issue_7_sections_override_top_level);
    tcase_add_test(tc, test_issue_7_command_line_wins);
    tcase_add_test(tc, test_issue_7_find_walks_up_to_the_repository_root);
    tcase_add_test(tc, test_issue_7_files_outside_the_config_folder);
    suite_add_tcase(s, tc);
    return s;
}
