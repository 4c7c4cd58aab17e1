/* The machine output formats (issue 7) and the helpers they share: escaping, paths,
 * fingerprints and telling files apart when a file arrives as several documents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "run/rules.h"
#include "seg/seg.h"
#include "tqc_test.h"

static const tqc_rule_info rules[] = {
    {"repeated-word", TQC_SEV_ERROR, "the same word twice in a row", "ok", "the the",
     TQC_SEV_BIT(TQC_SEV_ERROR), "A word twice."},
    {"style", TQC_SEV_INFO, "a hint", "fine", "not fine", TQC_SEV_BIT(TQC_SEV_INFO), "Style."},
};

/* A reporter writing into memory, with a fixed working directory and rule table. */
typedef struct capture {
    tqc_reporter r;
    FILE *f;
    char *buf;
    size_t len;
} capture;

static void capture_start(capture *c, const char *format)
{
    memset(c, 0, sizeof *c);
    c->f = open_memstream(&c->buf, &c->len);
    ck_assert_ptr_nonnull(c->f);
    ck_assert(tqc_reporter_init(&c->r, format, c->f, false));
    snprintf(c->r.cwd, sizeof c->r.cwd, "/news/desk");
    c->r.rules = rules;
    c->r.rule_count = sizeof rules / sizeof rules[0];
}

/* Finishes the run; c->buf then holds the whole output (free it with capture_free). */
static const char *capture_finish(capture *c)
{
    tqc_run_stats stats = {0};
    if (c->r.finish)
        c->r.finish(&c->r, &stats);
    ck_assert_ptr_null(c->r.state);
    ck_assert(!c->r.failed);
    ck_assert_int_eq(fclose(c->f), 0);
    return c->buf;
}

static void capture_free(capture *c) { free(c->buf); }

/* A segmented doc named name, placed at base_offset / base_line of its file. */
static tqc_doc *make_doc(const char *name, const char *text, size_t base_offset, size_t base_line)
{
    tqc_doc *doc = tqc_doc_new(name, text, strlen(text), "en");
    ck_assert_ptr_nonnull(doc);
    doc->base_offset = base_offset;
    doc->base_line = base_line;
    ck_assert_int_eq(tqc_segment(doc, tqc_checker_lang(tqc_test_checker())), TQC_OK);
    return doc;
}

/* The span of the first occurrence of needle in doc. */
static tqc_span find(const tqc_doc *doc, const char *needle)
{
    const char *p = strstr(doc->text, needle);
    ck_assert_msg(p != NULL, "no '%s' in the doc", needle);
    size_t start = (size_t)(p - doc->text);
    return tqc_span_make(start, start + strlen(needle));
}

/* Runs one doc through the reporter: begin, the given findings, end_doc. */
static void feed(capture *c, const tqc_doc *doc, const tqc_findings *list)
{
    if (c->r.begin)
        c->r.begin(&c->r, doc);
    for (size_t i = 0; i < list->count; i++)
        c->r.finding(&c->r, doc, &list->items[i]);
    if (c->r.end_doc)
        c->r.end_doc(&c->r, doc);
}

/* A finding of rule at needle, fixed to replacement when it is not NULL. */
static void add(tqc_findings *list, const char *rule, tqc_severity sev, const char *needle,
                const char *msg, const char *replacement)
{
    tqc_finding *f = tqc_emit(list, rule, sev, find(list->doc, needle), "%s", msg);
    ck_assert_ptr_nonnull(f);
    if (replacement) {
        tqc_finding_suggest(list, f, replacement, strlen(replacement));
        tqc_finding_fix(list, f, f->span, replacement, strlen(replacement), true);
    }
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

#define ASSERT_HAS(out, needle) \
    ck_assert_msg(strstr((out), (needle)) != NULL, "no\n%s\nin\n%s", (needle), (out))
#define ASSERT_LACKS(out, needle) \
    ck_assert_msg(strstr((out), (needle)) == NULL, "unexpected\n%s\nin\n%s", (needle), (out))

static char *xml(const char *s, bool attr)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    tqc_xml_write_string(f, s, strlen(s), attr);
    fclose(f);
    return buf;
}

START_TEST(test_issue_7_xml_escaping)
{
    char *out = xml("a<b>&\"c\" 'd'", false);
    ck_assert_str_eq(out, "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;");
    free(out);
    /* Newlines stay in character data, but not in attributes (they would become spaces). */
    out = xml("l1\nl2\tx\r", false);
    ck_assert_str_eq(out, "l1\nl2\tx&#13;");
    free(out);
    out = xml("l1\nl2\tx", true);
    ck_assert_str_eq(out, "l1&#10;l2&#9;x");
    free(out);
    /* XML 1.0 cannot carry C0 controls or U+FFFF at all; invalid UTF-8 is not text. */
    out = xml("a\x01" "b\x1b" "c\xEF\xBF\xBF" "d\xff" "e", true);
    ck_assert_str_eq(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD" "e");
    free(out);
    out = xml("Zürich “quoted” €", true);
    ck_assert_str_eq(out, "Zürich “quoted” €");
    free(out);
}
END_TEST

START_TEST(test_issue_7_paths_relative_to_cwd)
{
    tqc_reporter r;
    ck_assert(tqc_reporter_init(&r, "github", stdout, false));
    snprintf(r.cwd, sizeof r.cwd, "/news/desk");
    ck_assert_str_eq(tqc_report_path(&r, "/news/desk/a b.txt"), "a b.txt");
    ck_assert_str_eq(tqc_report_path(&r, "/news/desk/sub/x.txt"), "sub/x.txt");
    ck_assert_str_eq(tqc_report_path(&r, "/news/desktop/x.txt"), "/news/desktop/x.txt");
    ck_assert_str_eq(tqc_report_path(&r, "/other/x.txt"), "/other/x.txt");
    ck_assert_str_eq(tqc_report_path(&r, "./x.txt"), "x.txt");
    ck_assert_str_eq(tqc_report_path(&r, ".//./x.txt"), "x.txt");
    ck_assert_str_eq(tqc_report_path(&r, "../x.txt"), "../x.txt");
    ck_assert_str_eq(tqc_report_path(&r, "<stdin>"), "<stdin>");
    snprintf(r.cwd, sizeof r.cwd, "/");
    ck_assert_str_eq(tqc_report_path(&r, "/etc/x.txt"), "etc/x.txt");
}
END_TEST

START_TEST(test_issue_7_formats_are_known)
{
    const char *names[] = {"sarif", "github", "junit", "checkstyle", "rdjsonl"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        bool listed = false;
        for (size_t k = 0; tqc_report_formats[k]; k++)
            listed |= strcmp(tqc_report_formats[k], names[i]) == 0;
        ck_assert_msg(listed, "%s not in tqc_report_formats", names[i]);
        tqc_reporter r;
        ck_assert(tqc_reporter_init(&r, names[i], stdout, true));
        ck_assert_ptr_nonnull(r.finding);
        ck_assert_int_eq(r.fail_on, TQC_SEV_WARNING);
    }
    tqc_reporter r;
    ck_assert(!tqc_reporter_init(&r, "yaml", stdout, false));
}
END_TEST

START_TEST(test_issue_7_new_file_across_chunks)
{
    tqc_reporter r;
    ck_assert(tqc_reporter_init(&r, "junit", stdout, false));
    tqc_report_files t = {0};
    tqc_doc *a1 = make_doc("a.txt", "One.\n\n", 0, 0);
    tqc_doc *a2 = make_doc("a.txt", "Two.\n", 6, 2);
    tqc_doc *b = make_doc("b.txt", "Three.\n", 0, 0);
    ck_assert(tqc_report_new_file(&r, &t, a1));
    ck_assert(!tqc_report_new_file(&r, &t, a2)); /* the next chunk of a.txt */
    ck_assert(tqc_report_new_file(&r, &t, b));
    ck_assert(tqc_report_new_file(&r, &t, a1));  /* a.txt named twice: two files */
    ck_assert(tqc_report_new_file(&r, &t, a1));
    ck_assert(!r.failed);
    tqc_report_files_free(&t);
    tqc_doc_free(a1);
    tqc_doc_free(a2);
    tqc_doc_free(b);
}
END_TEST

/* The fingerprint of a finding of rule at needle in text. */
static uint64_t fingerprint(const char *rule, const char *text, const char *needle)
{
    tqc_doc *doc = make_doc("f.txt", text, 0, 0);
    tqc_findings list;
    tqc_findings_init(&list, doc);
    add(&list, rule, TQC_SEV_ERROR, needle, "m", NULL);
    uint64_t h = tqc_finding_fingerprint(doc, &list.items[0]);
    tqc_findings_release(&list);
    tqc_doc_free(doc);
    return h;
}

START_TEST(test_issue_7_fingerprint_survives_unrelated_edits)
{
    const char *rw = "repeated-word";
    const char *base = "Intro line.\n\nThe minister said the the talks would resume.\n";
    uint64_t h = fingerprint(rw, base, "the the");
    /* Moved down by new paragraphs; a neighbour edited; re-wrapped; CRLF and double spaces. */
    ck_assert_uint_eq(h, fingerprint(rw, "A new first paragraph.\n\nAnother one.\n\n"
                                         "The minister said the the talks would resume.\n",
                                     "the the"));
    ck_assert_uint_eq(h, fingerprint(rw, "Intro line, now longer.\n\nThe minister said the "
                                         "the talks would resume.\n", "the the"));
    ck_assert_uint_eq(h, fingerprint(rw, "Intro line.\n\nThe minister said the the\ntalks "
                                         "would resume.\n", "the the"));
    ck_assert_uint_eq(h, fingerprint(rw, "Intro line.\r\n\r\nThe minister  said the the "
                                         "talks would resume.\r\n", "the the"));
    /* A line break that moves the segmenter's sentence end (after a dateline). */
    const char *dated = "ZÜRICH — The minister said the the talks on Monday.\n";
    ck_assert_uint_eq(fingerprint(rw, dated, "the the"),
                      fingerprint(rw, "ZÜRICH — The minister said the the\ntalks on Monday.\n",
                                  "the the"));
    /* Context stops at a blank line: the previous paragraph is not part of it. */
    ck_assert_uint_eq(fingerprint(rw, "Intro.\n\nThe the talks resumed.\n", "The the"),
                      fingerprint(rw, "A changed intro.\r\n\r\nThe the talks resumed.\n",
                                  "The the"));
    ck_assert_uint_ne(fingerprint(rw, "Intro. The the talks resumed.\n", "The the"),
                      fingerprint(rw, "A changed intro. The the talks resumed.\n", "The the"));
    /* issue 14: a line added after a one-line paragraph (a boilerplate line at the end of
     * one-paragraph-a-line copy) or before it is no part of its context. */
    const char *reply = "The talks ended.\nLeave a Reply\n";
    ck_assert_uint_eq(fingerprint("boilerplate", reply, "Leave a Reply"),
                      fingerprint("boilerplate", "The talks ended.\nLeave a Reply\n"
                                  "The council will meet in May.\n", "Leave a Reply"));
    ck_assert_uint_eq(fingerprint("boilerplate", reply, "Leave a Reply"),
                      fingerprint("boilerplate", "The talks ended on Monday.\nLeave a Reply\n",
                                  "Leave a Reply"));
    ck_assert_uint_eq(fingerprint(rw, "He said the the\nMinister spoke.\n", "the the"),
                      fingerprint(rw, "He said the the\nMinister spoke again.\n", "the the"));
    /* What the finding is about changes it: the rule, the span, the words beside it. */
    ck_assert_uint_ne(h, fingerprint("other-rule", base, "the the"));
    ck_assert_uint_ne(h, fingerprint(rw, base, "the the talks"));
    ck_assert_uint_ne(h, fingerprint(rw, "Intro line.\n\nThe minister said the the deals "
                                         "would resume.\n", "the the"));
    ck_assert_uint_ne(h, fingerprint(rw, "Intro line.\n\nThe premier said the the talks "
                                         "would resume.\n", "the the"));
}
END_TEST

START_TEST(test_issue_7_sarif_document)
{
    capture c;
    capture_start(&c, "sarif");
    /* A later chunk of its file: offsets and lines are the file's. */
    tqc_doc *doc = make_doc("/news/desk/in depth/Zürich “a”.txt",
                            "Ünïcode said the the talks.\n\nA \"quoted\" hint here.\n", 1000, 9);
    tqc_findings list;
    tqc_findings_init(&list, doc);
    add(&list, "repeated-word", TQC_SEV_ERROR, "the the", "word repeated: 'the'", "the");
    add(&list, "style", TQC_SEV_INFO, "\"quoted\"", "a \"hint\"\nwith a line break", NULL);
    add(&list, "unlisted", TQC_SEV_WARNING, "hint", "no rule descriptor", NULL);
    feed(&c, doc, &list);
    const char *out = capture_finish(&c);
    ASSERT_HAS(out, "\"version\": \"2.1.0\"");
    ASSERT_HAS(out, "\"columnKind\": \"unicodeCodePoints\"");
    ASSERT_HAS(out, "\"name\": \"tqc\"");
    ASSERT_HAS(out, "\"version\": \"" TQC_VERSION "\"");
    /* The rules table, in order, with default levels. */
    ASSERT_HAS(out, "\"id\": \"repeated-word\",\n"
                    "              \"shortDescription\": {\n"
                    "                \"text\": \"the same word twice in a row\"");
    ASSERT_HAS(out, "\"defaultConfiguration\": {\n                \"level\": \"note\"");
    ASSERT_HAS(out, "\"help\": {\n                \"text\": \"a hint.\\n\\nFlagged:\\n  not fine");
    /* issue 14: each rule links its page; no machine path unless asked (below). */
    ASSERT_HAS(out, "\"helpUri\": \"" TQC_DOCS_URL "/repeated-word.md\"");
    ASSERT_LACKS(out, "originalUriBaseIds");
    ASSERT_LACKS(out, "file:///news/desk/");
    /* The path: relative, percent-encoded (space, non-ASCII, curly quotes). */
    ASSERT_HAS(out, "\"uri\": \"in%20depth/Z%C3%BCrich%20%E2%80%9Ca%E2%80%9D.txt\",\n"
                    "                  \"uriBaseId\": \"%SRCROOT%\"");
    /* Columns in code points (Ü and ï count one each), bytes as in the file. */
    ASSERT_HAS(out, "\"ruleId\": \"repeated-word\",\n          \"ruleIndex\": 0,\n"
                    "          \"level\": \"error\"");
    ASSERT_HAS(out, "\"startLine\": 10,\n                  \"startColumn\": 14,\n"
                    "                  \"endLine\": 10,\n                  \"endColumn\": 21,\n"
                    "                  \"byteOffset\": 1015,\n"
                    "                  \"byteLength\": 7,\n"
                    "                  \"snippet\": {\n                    \"text\": \"the the\"");
    ASSERT_HAS(out, "\"insertedContent\": {\n                        \"text\": \"the\"");
    ASSERT_HAS(out, "\"text\": \"Replace 'the the' with 'the'\"");
    ASSERT_HAS(out, "\"safe\": true");
    /* Only the finding with a fix has fixes; messages are escaped. */
    ck_assert_uint_eq(count(out, "\"fixes\""), 1);
    ASSERT_HAS(out, "\"level\": \"note\",\n          \"message\": {\n"
                    "            \"text\": \"a \\\"hint\\\"\\nwith a line break\"");
    ASSERT_HAS(out, "\"ruleIndex\": 1");
    /* A rule outside the table has a ruleId but no ruleIndex. */
    ASSERT_HAS(out, "\"ruleId\": \"unlisted\",\n          \"level\": \"warning\"");
    ck_assert_uint_eq(count(out, "\"tqc/v2\": \""), 3);
    ASSERT_HAS(out, "\"executionSuccessful\": true");
    /* One document, closed at the end. */
    ck_assert_uint_eq(count(out, "\"$schema\""), 1);
    ck_assert_str_eq(out + strlen(out) - 3, "\n}\n");
    capture_free(&c);
    /* Asked (TQC_SARIF_SRCROOT): %SRCROOT% is named as the working directory. */
    capture_start(&c, "sarif");
    c.r.sarif_srcroot = true;
    feed(&c, doc, &list);
    out = capture_finish(&c);
    ASSERT_HAS(out, "\"uri\": \"file:///news/desk/\"");
    capture_free(&c);
    tqc_findings_release(&list);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_issue_7_sarif_fingerprint_occurrences)
{
    capture c;
    capture_start(&c, "sarif");
    /* The same finding in the same words twice in one file, in two chunks, then in
     * another file: the second occurrence is told apart; a new file starts over. */
    tqc_doc *d1 = make_doc("a.txt", "He said the the end.\n\n", 0, 0);
    tqc_doc *d2 = make_doc("a.txt", "He said the the end.\n", 22, 2);
    tqc_doc *d3 = make_doc("b.txt", "He said the the end.\n", 0, 0);
    tqc_findings l1, l2, l3;
    tqc_findings_init(&l1, d1);
    tqc_findings_init(&l2, d2);
    tqc_findings_init(&l3, d3);
    add(&l1, "repeated-word", TQC_SEV_ERROR, "the the", "m", NULL);
    add(&l2, "repeated-word", TQC_SEV_ERROR, "the the", "m", NULL);
    add(&l3, "repeated-word", TQC_SEV_ERROR, "the the", "m", NULL);
    unsigned long long hash = tqc_finding_fingerprint(d1, &l1.items[0]);
    ck_assert_uint_eq(hash, tqc_finding_fingerprint(d2, &l2.items[0]));
    feed(&c, d1, &l1);
    feed(&c, d2, &l2);
    feed(&c, d3, &l3);
    const char *out = capture_finish(&c);
    char want[64];
    snprintf(want, sizeof want, "\"tqc/v2\": \"%016llx:1\"", hash);
    ck_assert_uint_eq(count(out, want), 2);
    snprintf(want, sizeof want, "\"tqc/v2\": \"%016llx:2\"", hash);
    ck_assert_uint_eq(count(out, want), 1);
    ASSERT_HAS(out, "\"startLine\": 3");
    ASSERT_HAS(out, "\"byteOffset\": 30");
    capture_free(&c);
    tqc_findings_release(&l1);
    tqc_findings_release(&l2);
    tqc_findings_release(&l3);
    tqc_doc_free(d1);
    tqc_doc_free(d2);
    tqc_doc_free(d3);
}
END_TEST

START_TEST(test_issue_7_sarif_empty_run_and_stdin)
{
    capture c;
    capture_start(&c, "sarif");
    const char *out = capture_finish(&c);
    ASSERT_HAS(out, "\"results\": [],");
    ASSERT_HAS(out, "\"rules\": [\n");
    capture_free(&c);

    capture_start(&c, "sarif");
    c.r.cwd[0] = '\0'; /* no working directory: no base id */
    tqc_doc *doc = make_doc("<stdin>", "He said the the end.\n", 0, 0);
    tqc_findings list;
    tqc_findings_init(&list, doc);
    add(&list, "repeated-word", TQC_SEV_ERROR, "the the", "m", NULL);
    feed(&c, doc, &list);
    out = capture_finish(&c);
    ASSERT_HAS(out, "\"artifactLocation\": {\n                  \"description\": {\n"
                    "                    \"text\": \"standard input\"");
    ASSERT_LACKS(out, "\"uri\"");
    ASSERT_LACKS(out, "originalUriBaseIds");
    capture_free(&c);
    tqc_findings_release(&list);
    tqc_doc_free(doc);
}
END_TEST

/* issue 14: GitHub shows about ten annotations a type per step: errors and warnings
 * first, ten of each (nine notices), the rest plain log lines and one closing notice. */
START_TEST(test_issue_14_github_annotation_limits)
{
    capture c;
    capture_start(&c, "github");
    tqc_doc *doc = make_doc("a.txt", "x x x x x x x x x x x x x x x x x x x x x x x x x\n", 0, 0);
    tqc_findings list;
    tqc_findings_init(&list, doc);
    /* 11 notices, then 12 errors, then 2 warnings, all at "x"s. */
    for (int i = 0; i < 25; i++) {
        tqc_severity sev = i < 11 ? TQC_SEV_INFO : i < 23 ? TQC_SEV_ERROR : TQC_SEV_WARNING;
        tqc_finding *f = tqc_emit(&list, "r", sev, tqc_span_make((size_t)i * 2, (size_t)i * 2 + 1),
                                  "m%d", i);
        ck_assert_ptr_nonnull(f);
    }
    feed(&c, doc, &list);
    const char *out = capture_finish(&c);
    ck_assert_uint_eq(count(out, "::error "), 10);
    ck_assert_uint_eq(count(out, "::warning "), 2);
    ck_assert_uint_eq(count(out, "::notice "), 10);   /* nine, and the summary */
    ASSERT_HAS(out, "::notice title=tqc::4 more findings (2 errors, 0 warnings, 2 info) are "
                    "in the log above, not annotated");
    ASSERT_HAS(out, "a.txt:1:45: error: m22 [r]\n");
    /* The first annotation is an error, though a notice came first. */
    ck_assert_ptr_eq(strstr(out, "::"), strstr(out, "::error "));
    ck_assert_ptr_nonnull(strstr(strstr(out, "::warning "), "::notice "));
    capture_free(&c);
    tqc_findings_release(&list);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_issue_7_github_commands)
{
    capture c;
    capture_start(&c, "github");
    tqc_doc *doc = make_doc("/news/desk/a, b: “c”.txt", "Ünïcode said the the\ntalks 50%.\n", 0, 0);
    tqc_findings list;
    tqc_findings_init(&list, doc);
    add(&list, "repeated-word", TQC_SEV_ERROR, "the the", "word repeated: 'the'", "the");
    add(&list, "style", TQC_SEV_INFO, "the\ntalks", "100% sure,\r\nreally: \x1b[31m", NULL);
    add(&list, "x", TQC_SEV_WARNING, "50%", "w", NULL);
    feed(&c, doc, &list);
    const char *out = capture_finish(&c);
    ck_assert_str_eq(out,
        "::error file=a%2C b%3A “c”.txt,line=1,endLine=1,col=14,endColumn=21,"
        "title=tqc%3A repeated-word::word repeated: 'the'%0ASuggestions: the\n"
        /* Errors, then warnings, then notices (issue 14). */
        "::warning file=a%2C b%3A “c”.txt,line=2,endLine=2,col=7,endColumn=10,"
        "title=tqc%3A x::w\n"
        /* Across lines: no columns. Data escapes %, CR and LF but keeps : and ,. */
        "::notice file=a%2C b%3A “c”.txt,line=1,endLine=2,title=tqc%3A style::"
        "100%25 sure,%0D%0Areally: \xEF\xBF\xBD[31m\n");
    capture_free(&c);
    tqc_findings_release(&list);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_issue_7_rdjsonl_byte_columns)
{
    capture c;
    capture_start(&c, "rdjsonl");
    tqc_doc *doc = make_doc("./d/a b.txt", "x\n\nÜnïcode said the the end.\n", 40, 3);
    tqc_findings list;
    tqc_findings_init(&list, doc);
    add(&list, "repeated-word", TQC_SEV_ERROR, "the the", "word repeated: \"the\"", "the");
    add(&list, "style", TQC_SEV_INFO, "end", "hint", NULL);
    feed(&c, doc, &list);
    const char *out = capture_finish(&c);
    /* reviewdog counts columns in UTF-8 bytes: Ü and ï are two each. */
    ck_assert_str_eq(out,
        "{\"message\":\"word repeated: \\\"the\\\"\",\"location\":{\"path\":\"d/a b.txt\","
        "\"range\":{\"start\":{\"line\":6,\"column\":16},\"end\":{\"line\":6,\"column\":23}}},"
        "\"severity\":\"ERROR\",\"source\":{\"name\":\"tqc\"},"
        "\"code\":{\"value\":\"repeated-word\"},"
        "\"suggestions\":[{\"range\":{\"start\":{\"line\":6,\"column\":16},\"end\":{\"line\":6,"
        "\"column\":23}},\"text\":\"the\"}]}\n"
        "{\"message\":\"hint\",\"location\":{\"path\":\"d/a b.txt\","
        "\"range\":{\"start\":{\"line\":6,\"column\":24},\"end\":{\"line\":6,\"column\":27}}},"
        "\"severity\":\"INFO\",\"source\":{\"name\":\"tqc\"},\"code\":{\"value\":\"style\"}}\n");
    capture_free(&c);
    tqc_findings_release(&list);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_issue_7_rdjsonl_first_line_counts_bom)
{
    capture c;
    capture_start(&c, "rdjsonl");
    /* The reader skipped a 3-byte BOM: the doc starts at file offset 3 on line 1. */
    tqc_doc *doc = make_doc("a.txt", "He said the the end.\n", 3, 0);
    tqc_findings list;
    tqc_findings_init(&list, doc);
    add(&list, "repeated-word", TQC_SEV_ERROR, "the the", "m", NULL);
    feed(&c, doc, &list);
    const char *out = capture_finish(&c);
    ASSERT_HAS(out, "\"start\":{\"line\":1,\"column\":12}");
    capture_free(&c);
    tqc_findings_release(&list);
    tqc_doc_free(doc);
}
END_TEST

START_TEST(test_issue_7_checkstyle_groups_by_file)
{
    capture c;
    capture_start(&c, "checkstyle");
    tqc_doc *a1 = make_doc("a&b.txt", "He said the the end.\n\n", 0, 0);
    tqc_doc *a2 = make_doc("a&b.txt", "Ünï the the end.\n", 22, 2);
    tqc_doc *clean = make_doc("clean.txt", "Fine.\n", 0, 0);
    tqc_findings l1, l2, l3;
    tqc_findings_init(&l1, a1);
    tqc_findings_init(&l2, a2);
    tqc_findings_init(&l3, clean);
    add(&l1, "repeated-word", TQC_SEV_ERROR, "the the", "word repeated: 'the'", NULL);
    add(&l2, "style", TQC_SEV_INFO, "the the", "a <b> & \"c\"\nd", NULL);
    feed(&c, a1, &l1);
    feed(&c, a2, &l2);
    feed(&c, clean, &l3);
    const char *out = capture_finish(&c);
    ck_assert_str_eq(out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<checkstyle version=\"4.3\">\n"
        "  <file name=\"a&amp;b.txt\">\n"
        "    <error line=\"1\" column=\"9\" severity=\"error\" message=\"word repeated: "
        "&apos;the&apos;\" source=\"tqc.repeated-word\"/>\n"
        "    <error line=\"3\" column=\"5\" severity=\"info\" message=\"a &lt;b&gt; &amp; "
        "&quot;c&quot;&#10;d\" source=\"tqc.style\"/>\n"
        "  </file>\n"
        "  <file name=\"clean.txt\">\n"
        "  </file>\n"
        "</checkstyle>\n");
    capture_free(&c);
    tqc_findings_release(&l1);
    tqc_findings_release(&l2);
    tqc_findings_release(&l3);
    tqc_doc_free(a1);
    tqc_doc_free(a2);
    tqc_doc_free(clean);
}
END_TEST

START_TEST(test_issue_7_junit_failures_at_fail_on)
{
    capture c;
    capture_start(&c, "junit");
    c.r.fail_on = TQC_SEV_WARNING;
    tqc_doc *a1 = make_doc("/news/desk/a.txt", "He said the the end.\n\n", 0, 0);
    tqc_doc *a2 = make_doc("/news/desk/a.txt", "Next “one” here.\n", 22, 2);
    tqc_doc *clean = make_doc("clean.txt", "Fine.\n", 0, 0);
    tqc_doc *hints = make_doc("hints.txt", "Only a hint.\n", 0, 0);
    tqc_findings l1, l2, l3, l4;
    tqc_findings_init(&l1, a1);
    tqc_findings_init(&l2, a2);
    tqc_findings_init(&l3, clean);
    tqc_findings_init(&l4, hints);
    add(&l1, "repeated-word", TQC_SEV_ERROR, "the the", "word repeated: 'the'", "the");
    add(&l2, "style", TQC_SEV_INFO, "“one”", "a <hint>", NULL);
    add(&l2, "w", TQC_SEV_WARNING, "here", "warned & \"quoted\"", NULL);
    add(&l4, "style", TQC_SEV_INFO, "hint", "just a hint", NULL);
    feed(&c, a1, &l1);
    feed(&c, a2, &l2);
    feed(&c, clean, &l3);
    feed(&c, hints, &l4);
    const char *out = capture_finish(&c);
    ck_assert_str_eq(out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"tqc\" tests=\"3\" failures=\"1\" errors=\"0\" time=\"0\">\n"
        "  <testsuite name=\"tqc\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"0\" "
        "time=\"0\">\n"
        "    <testcase classname=\"tqc\" name=\"a.txt\" file=\"a.txt\" time=\"0\">\n"
        /* issue 14: one failure a failing file, so failures counts <failure> elements. */
        "      <failure type=\"repeated-word,w\" message=\"2 findings at or above warning\">"
        "a.txt:1:9: error: word repeated: &apos;the&apos; [repeated-word]\n"
        "Text: the the\nSentence: He said the the end.\nSuggestions: the\n\n"
        "a.txt:3:12: warning: warned &amp; &quot;quoted&quot; [w]\n"
        "Text: here\nSentence: Next “one” here.</failure>\n"
        "      <system-out>a.txt:3:6: info: a &lt;hint&gt; [style]\n</system-out>\n"
        "    </testcase>\n"
        "    <testcase classname=\"tqc\" name=\"clean.txt\" file=\"clean.txt\" time=\"0\">\n"
        "    </testcase>\n"
        "    <testcase classname=\"tqc\" name=\"hints.txt\" file=\"hints.txt\" time=\"0\">\n"
        "      <system-out>hints.txt:1:8: info: just a hint [style]\n</system-out>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
    capture_free(&c);

    /* --fail-on=info: the hints fail too. */
    capture_start(&c, "junit");
    c.r.fail_on = TQC_SEV_INFO;
    feed(&c, hints, &l4);
    out = capture_finish(&c);
    ASSERT_HAS(out, "tests=\"1\" failures=\"1\"");
    ASSERT_HAS(out, "<failure type=\"style\" message=\"just a hint\">");
    ASSERT_LACKS(out, "<system-out>");
    capture_free(&c);
    tqc_findings_release(&l1);
    tqc_findings_release(&l2);
    tqc_findings_release(&l3);
    tqc_findings_release(&l4);
    tqc_doc_free(a1);
    tqc_doc_free(a2);
    tqc_doc_free(clean);
    tqc_doc_free(hints);
}
END_TEST

START_TEST(test_issue_7_no_colour_in_machine_formats)
{
    const char *names[] = {"sarif", "github", "junit", "checkstyle", "rdjsonl"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        capture c;
        capture_start(&c, names[i]);
        c.r.color = true; /* even when allowed */
        tqc_doc *doc = make_doc("a.txt", "He said the the end.\n", 0, 0);
        tqc_findings list;
        tqc_findings_init(&list, doc);
        add(&list, "repeated-word", TQC_SEV_ERROR, "the the", "m", "the");
        feed(&c, doc, &list);
        const char *out = capture_finish(&c);
        ck_assert_msg(strchr(out, '\033') == NULL, "%s prints escape codes", names[i]);
        ck_assert_msg(strstr(out, "repeated-word") != NULL, "%s: %s", names[i], out);
        capture_free(&c);
        tqc_findings_release(&list);
        tqc_doc_free(doc);
    }
}
END_TEST

Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("formats");
    tcase_add_test(tc, test_issue_7_xml_escaping);
    tcase_add_test(tc, test_issue_7_paths_relative_to_cwd);
    tcase_add_test(tc, test_issue_7_formats_are_known);
    tcase_add_test(tc, test_issue_7_new_file_across_chunks);
    tcase_add_test(tc, test_issue_7_fingerprint_survives_unrelated_edits);
    tcase_add_test(tc, test_issue_7_sarif_document);
    tcase_add_test(tc, test_issue_7_sarif_fingerprint_occurrences);
    tcase_add_test(tc, test_issue_7_sarif_empty_run_and_stdin);
    tcase_add_test(tc, test_issue_7_github_commands);
    tcase_add_test(tc, test_issue_14_github_annotation_limits);
    tcase_add_test(tc, test_issue_7_rdjsonl_byte_columns);
    tcase_add_test(tc, test_issue_7_rdjsonl_first_line_counts_bom);
    tcase_add_test(tc, test_issue_7_checkstyle_groups_by_file);
    tcase_add_test(tc, test_issue_7_junit_failures_at_fail_on);
    tcase_add_test(tc, test_issue_7_no_colour_in_machine_formats);
    suite_add_tcase(s, tc);
    return s;
}
