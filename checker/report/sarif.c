/* SARIF 2.1.0: one JSON document for the whole run, for GitHub code scanning and other
 * SARIF viewers. It is streamed: the tool and its rules are written before the first
 * result, each finding is written as it arrives, and finish closes the document, so a
 * corpus of any size is reported in flat memory.
 *
 * Columns are Unicode code points (run.columnKind says so; SARIF's default would be
 * UTF-16 code units), the same columns every tqc reporter prints; endColumn is
 * exclusive. byteOffset and byteLength are offsets into the file as read (of a markup
 * file: the bytes the text came from, tags and entities included; a snippet and a fix
 * are given only where the text is the file's bytes 1:1). A finding in a segment of a
 * translation file or JSONL record names it in properties.segment and as a logical
 * location. URIs are
 * percent-encoded and relative to the working directory, %SRCROOT% (named in
 * run.originalUriBaseIds only when asked: it is a machine's absolute path); paths outside
 * it are absolute file: URIs. Each rule's helpUri is its docs/rules/ page (run/rules.h). */
#include "report/report.h"

#include <assert.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "run/rules.h"
#include "core/strmap.h"

#ifndef TQC_VERSION
#define TQC_VERSION "0.1.0"
#endif
/* The project's home page for tool.driver.informationUri; left out while it has none. */
#ifndef TQC_HOMEPAGE
#define TQC_HOMEPAGE ""
#endif

#define SARIF_SCHEMA \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define SRCROOT "%SRCROOT%"
/* The partialFingerprints key: bump the version when tqc_finding_fingerprint changes. */
#define FINGERPRINT_KEY "tqc/v2"
/* Deepest nesting written: root, runs, run, results, result, fixes, fix, changes,
 * change, replacements, replacement, region, snippet. */
#define JW_MAX_DEPTH 16

/* A small streaming JSON writer: indents two spaces, a member or element a line. */
typedef struct jw {
    FILE *out;
    int depth;
    bool first[JW_MAX_DEPTH]; /* nothing written yet at this depth */
    bool after_key;
} jw;

static void jw_newline(jw *w)
{
    fputc('\n', w->out);
    for (int i = 0; i < w->depth; i++)
        fputs("  ", w->out);
}

/* Before a value or key: the comma and line break it needs. */
static void jw_sep(jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    if (!w->first[w->depth])
        fputc(',', w->out);
    w->first[w->depth] = false;
    jw_newline(w);
}

static void jw_open(jw *w, char c)
{
    jw_sep(w);
    fputc(c, w->out);
    assert(w->depth + 1 < JW_MAX_DEPTH);
    w->first[++w->depth] = true;
}

static void jw_close(jw *w, char c)
{
    bool empty = w->first[w->depth];
    w->depth--;
    if (!empty)
        jw_newline(w);
    fputc(c, w->out);
}

/* key is a static ASCII name that needs no escaping. */
static void jw_key(jw *w, const char *key)
{
    jw_sep(w);
    fprintf(w->out, "\"%s\": ", key);
    w->after_key = true;
}

static void jw_str(jw *w, const char *s, size_t len)
{
    jw_sep(w);
    fputc('"', w->out);
    tqc_json_write_string(w->out, s, len);
    fputc('"', w->out);
}

static void jw_cstr(jw *w, const char *s) { jw_str(w, s, strlen(s)); }

static void jw_uint(jw *w, size_t n)
{
    jw_sep(w);
    fprintf(w->out, "%zu", n);
}

static void jw_bool(jw *w, bool b)
{
    jw_sep(w);
    fputs(b ? "true" : "false", w->out);
}

/* {"text": s}: SARIF's message and multiformatMessageString. */
static void jw_text(jw *w, const char *key, const char *s, size_t len)
{
    jw_key(w, key);
    jw_open(w, '{');
    jw_key(w, "text");
    jw_str(w, s, len);
    jw_close(w, '}');
}

/* Writes path percent-encoded as a URI path (RFC 3986): unreserved characters and '/'
 * as they are, every other byte as %XX, so spaces, quotes, '%', ':' and non-ASCII
 * letters all survive. */
static void put_uri_path(FILE *out, const char *path)
{
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~' || *p == '/')
            fputc(*p, out);
        else
            fprintf(out, "%%%02X", *p);
    }
}

static void jw_uri(jw *w, const char *prefix, const char *path, const char *suffix)
{
    jw_sep(w);
    fprintf(w->out, "\"%s", prefix);
    put_uri_path(w->out, path);
    fprintf(w->out, "%s\"", suffix);
}

typedef struct sarif {
    jw w;
    tqc_report_files files;
    tqc_strmap *seen;         /* fingerprints of the current file -> times seen */
} sarif;

static const char *level(tqc_severity sev)
{
    return sev == TQC_SEV_ERROR ? "error" : sev == TQC_SEV_WARNING ? "warning" : "note";
}

static bool is_stdin(const tqc_doc *doc) { return strcmp(doc->name, "<stdin>") == 0; }

static void write_rules(jw *w, const tqc_reporter *r)
{
    jw_key(w, "rules");
    jw_open(w, '[');
    for (size_t i = 0; i < r->rule_count; i++) {
        const tqc_rule_info *rule = &r->rules[i];
        const char *good = rule->good ? rule->good : "", *bad = rule->bad ? rule->bad : "";
        jw_open(w, '{');
        jw_key(w, "id");
        jw_cstr(w, rule->id);
        jw_text(w, "shortDescription", rule->summary, strlen(rule->summary));
        /* The descriptions and help are built in place: no buffer to size. */
        jw_key(w, "fullDescription");
        jw_open(w, '{');
        jw_key(w, "text");
        jw_sep(w);
        fputc('"', w->out);
        tqc_json_write_string(w->out, rule->summary, strlen(rule->summary));
        fputs(". Flagged: ", w->out);
        tqc_json_write_string(w->out, bad, strlen(bad));
        fputs(" Accepted: ", w->out);
        tqc_json_write_string(w->out, good, strlen(good));
        fputc('"', w->out);
        jw_close(w, '}');
        char url[512];
        jw_key(w, "helpUri");
        jw_cstr(w, tqc_rules_doc_url(rule->id, url, sizeof url));
        jw_key(w, "defaultConfiguration");
        jw_open(w, '{');
        jw_key(w, "level");
        jw_cstr(w, level(rule->severity));
        jw_close(w, '}');
        jw_key(w, "help");
        jw_open(w, '{');
        jw_key(w, "text");
        jw_sep(w);
        fputc('"', w->out);
        tqc_json_write_string(w->out, rule->summary, strlen(rule->summary));
        fputs(".\\n\\nFlagged:\\n  ", w->out);
        tqc_json_write_string(w->out, bad, strlen(bad));
        fputs("\\nAccepted:\\n  ", w->out);
        tqc_json_write_string(w->out, good, strlen(good));
        fputc('"', w->out);
        jw_close(w, '}');
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

/* Everything up to the opening of the results array. */
static void write_head(tqc_reporter *r, jw *w)
{
    jw_open(w, '{');
    jw_key(w, "$schema");
    jw_cstr(w, SARIF_SCHEMA);
    jw_key(w, "version");
    jw_cstr(w, "2.1.0");
    jw_key(w, "runs");
    jw_open(w, '[');
    jw_open(w, '{');
    jw_key(w, "tool");
    jw_open(w, '{');
    jw_key(w, "driver");
    jw_open(w, '{');
    jw_key(w, "name");
    jw_cstr(w, "tqc");
    jw_key(w, "version");
    jw_cstr(w, TQC_VERSION);
    jw_key(w, "semanticVersion");
    jw_cstr(w, TQC_VERSION);
    if (*TQC_HOMEPAGE) {
        jw_key(w, "informationUri");
        jw_cstr(w, TQC_HOMEPAGE);
    }
    write_rules(w, r);
    jw_close(w, '}');
    jw_close(w, '}');
    if (r->sarif_srcroot && r->cwd[0] == '/') {
        jw_key(w, "originalUriBaseIds");
        jw_open(w, '{');
        jw_key(w, SRCROOT);
        jw_open(w, '{');
        jw_key(w, "uri");
        jw_uri(w, "file://", r->cwd, r->cwd[1] ? "/" : "");
        jw_close(w, '}');
        jw_close(w, '}');
    }
    jw_key(w, "columnKind");
    jw_cstr(w, "unicodeCodePoints");
    jw_key(w, "results");
    jw_open(w, '[');
}

/* The state, made (and the document begun) on first use. NULL when out of memory. */
static sarif *state(tqc_reporter *r)
{
    if (!r->state && !r->failed) {
        sarif *s = tqc_calloc(1, sizeof *s);
        if (!s) {
            r->failed = true;
            return NULL;
        }
        s->w.out = r->out;
        r->state = s;
        write_head(r, &s->w);
    }
    return r->state;
}

static void write_location(jw *w, const tqc_reporter *r, const tqc_doc *doc)
{
    jw_key(w, "artifactLocation");
    jw_open(w, '{');
    const char *path = tqc_report_path(r, doc->name);
    if (is_stdin(doc)) {
        jw_text(w, "description", "standard input", strlen("standard input"));
    } else if (path[0] == '/') {
        jw_key(w, "uri");
        jw_uri(w, "file://", path, "");
    } else {
        jw_key(w, "uri");
        jw_uri(w, "", path, "");
        if (r->cwd[0] == '/') {
            jw_key(w, "uriBaseId");
            jw_cstr(w, SRCROOT);
        }
    }
    jw_close(w, '}');
}

static void write_region(jw *w, const char *key, const tqc_doc *doc, tqc_span s, bool snippet)
{
    size_t l1, c1, l2, c2;
    tqc_doc_locate(doc, s.start, &l1, &c1);
    tqc_doc_locate_end(doc, s, &l2, &c2, NULL);
    jw_key(w, key);
    jw_open(w, '{');
    jw_key(w, "startLine");
    jw_uint(w, l1);
    jw_key(w, "startColumn");
    jw_uint(w, c1);
    jw_key(w, "endLine");
    jw_uint(w, l2);
    jw_key(w, "endColumn");
    jw_uint(w, c2);
    /* The file's bytes: a markup file's region covers its tags and entities too. */
    tqc_span fs = tqc_doc_file_span(doc, s);
    jw_key(w, "byteOffset");
    jw_uint(w, fs.start);
    jw_key(w, "byteLength");
    jw_uint(w, tqc_span_len(fs));
    /* A snippet is the artifact's own bytes: only where the text is them 1:1. */
    if (snippet && tqc_doc_span_exact(doc, s))
        jw_text(w, "snippet", tqc_doc_at(doc, s), tqc_span_len(s));
    jw_close(w, '}');
}

/* "Replace 'old' with 'new'", "Delete 'old'" or "Insert 'new'". */
static void write_fix_description(jw *w, const tqc_doc *doc, const tqc_fix *fix)
{
    size_t olen = tqc_span_len(fix->span), nlen = strlen(fix->replacement);
    jw_key(w, "description");
    jw_open(w, '{');
    jw_key(w, "text");
    jw_sep(w);
    fputs(olen == 0 ? "\"Insert '" : nlen == 0 ? "\"Delete '" : "\"Replace '", w->out);
    if (olen)
        tqc_json_write_string(w->out, tqc_doc_at(doc, fix->span), olen);
    if (olen && nlen)
        fputs("' with '", w->out);
    if (nlen)
        tqc_json_write_string(w->out, fix->replacement, nlen);
    fputs("'\"", w->out);
    jw_close(w, '}');
}

static void write_fix(jw *w, const tqc_reporter *r, const tqc_doc *doc, const tqc_fix *fix)
{
    jw_key(w, "fixes");
    jw_open(w, '[');
    jw_open(w, '{');
    write_fix_description(w, doc, fix);
    jw_key(w, "artifactChanges");
    jw_open(w, '[');
    jw_open(w, '{');
    write_location(w, r, doc);
    jw_key(w, "replacements");
    jw_open(w, '[');
    jw_open(w, '{');
    write_region(w, "deletedRegion", doc, fix->span, false);
    jw_text(w, "insertedContent", fix->replacement, strlen(fix->replacement));
    jw_close(w, '}');
    jw_close(w, ']');
    jw_close(w, '}');
    jw_close(w, ']');
    /* SARIF has no word for "safe to apply unattended"; tqc fix needs it. */
    jw_key(w, "properties");
    jw_open(w, '{');
    jw_key(w, "safe");
    jw_bool(w, fix->safe);
    jw_close(w, '}');
    jw_close(w, '}');
    jw_close(w, ']');
}

/* The fingerprint with its occurrence in the file ("hash:2" for the second finding with
 * the same hash), so identical findings in identical contexts stay distinct. */
static size_t occurrence(tqc_reporter *r, sarif *s, uint64_t hash)
{
    char key[sizeof hash];
    memcpy(key, &hash, sizeof hash);
    if (!s->seen && !(s->seen = tqc_strmap_new())) {
        r->failed = true;
        return 1;
    }
    uint64_t n = 0;
    tqc_strmap_get(s->seen, key, sizeof key, &n);
    if (!tqc_strmap_put(s->seen, key, sizeof key, n + 1))
        r->failed = true;
    return (size_t)n + 1;
}

static size_t rule_index(const tqc_reporter *r, const char *id)
{
    for (size_t i = 0; i < r->rule_count; i++)
        if (strcmp(r->rules[i].id, id) == 0)
            return i;
    return SIZE_MAX;
}

static void write_properties(jw *w, const tqc_doc *doc, const tqc_finding *f)
{
    if (!f->also && !f->suggestion_count && !doc->segment && !doc->lang[0])
        return;
    jw_key(w, "properties");
    jw_open(w, '{');
    if (doc->lang[0]) {
        /* The language the text was checked as (told from its content by default), as
         * the jsonl format names it. */
        jw_key(w, "lang");
        jw_cstr(w, doc->lang);
    }
    if (doc->segment) {
        /* The XLIFF unit, TMX unit or JSONL record id, as the jsonl format names it. */
        jw_key(w, "segment");
        jw_cstr(w, doc->segment);
    }
    if (f->also) {
        /* Rules merged into this finding, "a,b" as an array. */
        jw_key(w, "also");
        jw_open(w, '[');
        for (const char *p = f->also; *p;) {
            size_t n = strcspn(p, ",");
            jw_str(w, p, n);
            p += n + (p[n] == ',');
        }
        jw_close(w, ']');
    }
    if (f->suggestion_count) {
        jw_key(w, "suggestions");
        jw_open(w, '[');
        for (size_t i = 0; i < f->suggestion_count; i++)
            jw_cstr(w, f->suggestions[i]);
        jw_close(w, ']');
    }
    jw_close(w, '}');
}

static void sarif_begin(tqc_reporter *r, const tqc_doc *doc)
{
    sarif *s = state(r);
    if (s && tqc_report_new_file(r, &s->files, doc)) {
        tqc_strmap_free(s->seen);
        s->seen = NULL;
    }
}

static void sarif_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    sarif *s = state(r);
    if (!s)
        return;
    jw *w = &s->w;
    jw_open(w, '{');
    jw_key(w, "ruleId");
    jw_cstr(w, f->rule);
    size_t idx = rule_index(r, f->rule);
    if (idx != SIZE_MAX) {
        jw_key(w, "ruleIndex");
        jw_uint(w, idx);
    }
    jw_key(w, "level");
    jw_cstr(w, level(f->severity));
    jw_text(w, "message", f->message, strlen(f->message));
    jw_key(w, "locations");
    jw_open(w, '[');
    jw_open(w, '{');
    jw_key(w, "physicalLocation");
    jw_open(w, '{');
    write_location(w, r, doc);
    write_region(w, "region", doc, f->span, true);
    /* The sentence around it, for viewers that show context; it must contain the region. */
    tqc_span ctx = tqc_report_sentence_span(doc, f);
    if (ctx.start > f->span.start)
        ctx.start = f->span.start;
    if (ctx.end < f->span.end)
        ctx.end = f->span.end;
    write_region(w, "contextRegion", doc, ctx, true);
    jw_close(w, '}');
    if (doc->segment) {
        /* The segment is where the finding is in the translation file's own terms. */
        jw_key(w, "logicalLocations");
        jw_open(w, '[');
        jw_open(w, '{');
        jw_key(w, "name");
        jw_cstr(w, doc->segment);
        jw_close(w, '}');
        jw_close(w, ']');
    }
    jw_close(w, '}');
    jw_close(w, ']');
    uint64_t hash = tqc_finding_fingerprint(doc, f);
    jw_key(w, "partialFingerprints");
    jw_open(w, '{');
    jw_key(w, FINGERPRINT_KEY);
    jw_sep(w);
    fprintf(w->out, "\"%016" PRIx64 ":%zu\"", hash, occurrence(r, s, hash));
    jw_close(w, '}');
    /* A fix edits the file: only where the text is its bytes 1:1 (as jsonl). */
    if (f->has_fix && tqc_doc_span_exact(doc, f->fix.span))
        write_fix(w, r, doc, &f->fix);
    write_properties(w, doc, f);
    jw_close(w, '}');
}

static void sarif_finish(tqc_reporter *r, const tqc_run_stats *stats)
{
    sarif *s = state(r);
    if (!s)
        return;
    jw *w = &s->w;
    jw_close(w, ']');
    jw_key(w, "invocations");
    jw_open(w, '[');
    jw_open(w, '{');
    jw_key(w, "executionSuccessful");
    jw_bool(w, stats->files_failed == 0);
    jw_close(w, '}');
    jw_close(w, ']');
    jw_close(w, '}');
    jw_close(w, ']');
    jw_close(w, '}');
    fputc('\n', w->out);
    tqc_strmap_free(s->seen);
    tqc_report_files_free(&s->files);
    free(s);
    r->state = NULL;
}

void tqc_report_sarif_init(tqc_reporter *r)
{
    r->begin = sarif_begin;
    r->finding = sarif_finding;
    r->finish = sarif_finish;
}
