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

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/io.h"
#include "core/json.h"
#include "core/strmap.h"
#include "run/rules.h"

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
/* Values are built and escaped by jansson and written two spaces an indent, a member or
 * element a line; the frame around the results (the document, the run, the results
 * array) is written as it goes, so findings stream. Depth of the results' elements. */
#define RESULT_DEPTH 4

/* Writes v (consumed) as the value of a member or element at depth: jansson's indented
 * form, each line shifted by depth levels (strings hold no raw line break). false when v
 * is NULL (out of memory). */
static bool put_value(FILE *out, json_t *v, int depth)
{
    char *text = v ? json_dumps(v, JSON_INDENT(2)) : NULL;
    json_decref(v);
    if (!text)
        return false;
    for (const char *p = text; *p; p++) {
        fputc(*p, out);
        if (*p == '\n')
            for (int i = 0; i < depth; i++)
                fputs("  ", out);
    }
    free(text);
    return true;
}

/* {"text": the len bytes at s}: SARIF's message and multiformatMessageString. */
static json_t *text_obj(const char *s, size_t len)
{
    json_t *o = json_object();
    if (!tqc_json_set(o, "text", tqc_json_stringn(s, len))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* {"text": the concatenation of the n strings in parts}. */
static json_t *text_of(const char *const *parts, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(parts[i]);
    char *buf = tqc_malloc(len + 1), *o = buf;
    if (!buf)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(parts[i]);
        memcpy(o, parts[i], k);
        o += k;
    }
    json_t *v = text_obj(buf, len);
    free(buf);
    return v;
}

/* prefix, then path percent-encoded as a URI path (RFC 3986): unreserved characters and
 * '/' as they are, every other byte as %XX, so spaces, quotes, '%', ':' and non-ASCII
 * letters all survive; then suffix. */
static json_t *uri(const char *prefix, const char *path, const char *suffix)
{
    size_t pl = strlen(prefix), n = strlen(path), sl = strlen(suffix);
    char *buf = tqc_malloc(pl + 3 * n + sl + 1);
    if (!buf)
        return NULL;
    memcpy(buf, prefix, pl);
    size_t o = pl;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~' || *p == '/')
            buf[o++] = (char)*p;
        else
            o += (size_t)snprintf(buf + o, 4, "%%%02X", *p);
    }
    memcpy(buf + o, suffix, sl + 1);
    json_t *v = json_string(buf);
    free(buf);
    return v;
}

static json_t *uint_v(size_t n)
{
    return json_integer((json_int_t)n);
}

typedef struct sarif {
    FILE *out;
    size_t results;           /* written so far */
    tqc_report_files files;
    tqc_strmap *seen;         /* fingerprints of the current file -> times seen */
} sarif;

static const char *level(tqc_severity sev)
{
    return sev == TQC_SEV_ERROR ? "error" : sev == TQC_SEV_WARNING ? "warning" : "note";
}

static bool is_stdin(const tqc_doc *doc) { return strcmp(doc->name, "<stdin>") == 0; }

static json_t *rule_json(const tqc_rule_info *rule)
{
    const char *good = rule->good ? rule->good : "", *bad = rule->bad ? rule->bad : "";
    char url[512];
    const char *full[] = {rule->summary, ". Flagged: ", bad, " Accepted: ", good};
    const char *help[] = {rule->summary, ".\n\nFlagged:\n  ", bad, "\nAccepted:\n  ", good};
    json_t *o = json_object(), *conf = json_object();
    bool ok = tqc_json_set(o, "id", tqc_json_string(rule->id)) &&
              tqc_json_set(o, "shortDescription", text_obj(rule->summary, strlen(rule->summary))) &&
              tqc_json_set(o, "fullDescription", text_of(full, 5)) &&
              tqc_json_set(o, "helpUri",
                           tqc_json_string(tqc_rules_doc_url(rule->id, url, sizeof url))) &&
              tqc_json_set(conf, "level", json_string(level(rule->severity))) &&
              tqc_json_set(o, "defaultConfiguration", json_incref(conf)) &&
              tqc_json_set(o, "help", text_of(help, 5));
    json_decref(conf);
    return tqc_json_done(o, ok);
}

static json_t *tool_json(const tqc_reporter *r)
{
    json_t *tool = json_object(), *driver = json_object(), *rules = json_array();
    bool ok = tqc_json_set(driver, "name", json_string("tqc")) &&
              tqc_json_set(driver, "version", json_string(TQC_VERSION)) &&
              tqc_json_set(driver, "semanticVersion", json_string(TQC_VERSION));
    if (ok && *TQC_HOMEPAGE)
        ok = tqc_json_set(driver, "informationUri", json_string(TQC_HOMEPAGE));
    for (size_t i = 0; ok && i < r->rule_count; i++)
        ok = tqc_json_append(rules, rule_json(&r->rules[i]));
    ok = ok && tqc_json_set(driver, "rules", json_incref(rules)) &&
         tqc_json_set(tool, "driver", json_incref(driver));
    json_decref(rules);
    json_decref(driver);
    return tqc_json_done(tool, ok);
}

/* Everything up to the opening of the results array. */
static bool write_head(tqc_reporter *r, FILE *out)
{
    fputs("{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n  \"version\": \"2.1.0\",\n"
          "  \"runs\": [\n    {\n      \"tool\": ", out);
    if (!put_value(out, tool_json(r), 3))
        return false;
    if (r->sarif_srcroot && r->cwd[0] == '/') {
        json_t *ids = json_object(), *root = json_object();
        bool ok = tqc_json_set(root, "uri", uri("file://", r->cwd, r->cwd[1] ? "/" : "")) &&
                  tqc_json_set(ids, SRCROOT, json_incref(root));
        json_decref(root);
        fputs(",\n      \"originalUriBaseIds\": ", out);
        if (!ok) {
            json_decref(ids);
            return false;
        }
        if (!put_value(out, ids, 3))
            return false;
    }
    fputs(",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [", out);
    return true;
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
        s->out = r->out;
        r->state = s;
        if (!write_head(r, s->out))
            r->failed = true;
    }
    return r->state;
}

static json_t *location_json(const tqc_reporter *r, const tqc_doc *doc)
{
    json_t *o = json_object();
    const char *path = tqc_report_path(r, doc->name);
    bool ok;
    if (is_stdin(doc))
        ok = tqc_json_set(o, "description", text_obj("standard input", strlen("standard input")));
    else if (path[0] == '/')
        ok = tqc_json_set(o, "uri", uri("file://", path, ""));
    else
        ok = tqc_json_set(o, "uri", uri("", path, "")) &&
             (r->cwd[0] != '/' || tqc_json_set(o, "uriBaseId", json_string(SRCROOT)));
    return tqc_json_done(o, ok);
}

static json_t *region_json(const tqc_doc *doc, tqc_span s, bool snippet)
{
    size_t l1, c1, l2, c2;
    tqc_doc_locate(doc, s.start, &l1, &c1);
    tqc_doc_locate_end(doc, s, &l2, &c2, NULL);
    /* The file's bytes: a markup file's region covers its tags and entities too. */
    tqc_span fs = tqc_doc_file_span(doc, s);
    json_t *o = json_object();
    bool ok = tqc_json_set(o, "startLine", uint_v(l1)) &&
              tqc_json_set(o, "startColumn", uint_v(c1)) &&
              tqc_json_set(o, "endLine", uint_v(l2)) && tqc_json_set(o, "endColumn", uint_v(c2)) &&
              tqc_json_set(o, "byteOffset", uint_v(fs.start)) &&
              tqc_json_set(o, "byteLength", uint_v(tqc_span_len(fs)));
    /* A snippet is the artifact's own bytes: only where the text is them 1:1. */
    if (ok && snippet && tqc_doc_span_exact(doc, s))
        ok = tqc_json_set(o, "snippet", text_obj(tqc_doc_at(doc, s), tqc_span_len(s)));
    return tqc_json_done(o, ok);
}

/* "Replace 'old' with 'new'", "Delete 'old'" or "Insert 'new'". */
static json_t *fix_description(const tqc_doc *doc, const tqc_fix *fix)
{
    size_t olen = tqc_span_len(fix->span), nlen = strlen(fix->replacement);
    char *old = tqc_strndup(tqc_doc_at(doc, fix->span), olen);
    if (!old)
        return NULL;
    const char *parts[] = {olen == 0 ? "Insert '" : nlen == 0 ? "Delete '" : "Replace '", old,
                           olen && nlen ? "' with '" : "", fix->replacement, "'"};
    json_t *v = text_of(parts, 5);
    free(old);
    return v;
}

static json_t *fixes_json(const tqc_reporter *r, const tqc_doc *doc, const tqc_fix *fix)
{
    json_t *fixes = json_array(), *f = json_object(), *changes = json_array();
    json_t *change = json_object(), *reps = json_array(), *rep = json_object();
    json_t *props = json_object();
    bool ok = tqc_json_set(rep, "deletedRegion", region_json(doc, fix->span, false)) &&
              tqc_json_set(rep, "insertedContent",
                           text_obj(fix->replacement, strlen(fix->replacement))) &&
              tqc_json_append(reps, json_incref(rep)) &&
              tqc_json_set(change, "artifactLocation", location_json(r, doc)) &&
              tqc_json_set(change, "replacements", json_incref(reps)) &&
              tqc_json_append(changes, json_incref(change)) &&
              tqc_json_set(f, "description", fix_description(doc, fix)) &&
              tqc_json_set(f, "artifactChanges", json_incref(changes)) &&
              /* SARIF has no word for "safe to apply unattended"; tqc fix needs it. */
              tqc_json_set(props, "safe", json_boolean(fix->safe)) &&
              tqc_json_set(f, "properties", json_incref(props)) &&
              tqc_json_append(fixes, json_incref(f));
    json_decref(props);
    json_decref(rep);
    json_decref(reps);
    json_decref(change);
    json_decref(changes);
    json_decref(f);
    return tqc_json_done(fixes, ok);
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

/* Sets result's properties (when there are any); false when out of memory. */
static bool set_properties(json_t *result, const tqc_doc *doc, const tqc_finding *f)
{
    if (!f->also && !f->suggestion_count && !doc->segment && !doc->lang[0])
        return true;
    json_t *o = json_object();
    bool ok = o != NULL;
    /* The language the text was checked as (told from its content by default), as the
     * jsonl format names it. */
    if (ok && doc->lang[0])
        ok = tqc_json_set(o, "lang", tqc_json_string(doc->lang));
    /* The XLIFF unit, TMX unit or JSONL record id, as the jsonl format names it. */
    if (ok && doc->segment)
        ok = tqc_json_set(o, "segment", tqc_json_string(doc->segment));
    if (ok && f->also) {
        /* Rules merged into this finding, "a,b" as an array. */
        json_t *also = json_array();
        for (const char *p = f->also; ok && *p;) {
            size_t n = strcspn(p, ",");
            ok = tqc_json_append(also, tqc_json_stringn(p, n));
            p += n + (p[n] == ',');
        }
        ok = ok && tqc_json_set(o, "also", json_incref(also));
        json_decref(also);
    }
    if (ok && f->suggestion_count) {
        json_t *sug = json_array();
        for (size_t i = 0; ok && i < f->suggestion_count; i++)
            ok = tqc_json_append(sug, tqc_json_string(f->suggestions[i]));
        ok = ok && tqc_json_set(o, "suggestions", json_incref(sug));
        json_decref(sug);
    }
    ok = ok && tqc_json_set(result, "properties", json_incref(o));
    json_decref(o);
    return ok;
}

static void sarif_begin(tqc_reporter *r, const tqc_doc *doc)
{
    sarif *s = state(r);
    if (s && tqc_report_new_file(r, &s->files, doc)) {
        tqc_strmap_free(s->seen);
        s->seen = NULL;
    }
}

static json_t *result_json(tqc_reporter *r, sarif *s, const tqc_doc *doc, const tqc_finding *f)
{
    json_t *o = json_object(), *locs = json_array(), *loc = json_object();
    json_t *phys = json_object(), *fp = json_object();
    size_t idx = rule_index(r, f->rule);
    /* The sentence around it, for viewers that show context; it must contain the region. */
    tqc_span ctx = tqc_report_sentence_span(doc, f);
    if (ctx.start > f->span.start)
        ctx.start = f->span.start;
    if (ctx.end < f->span.end)
        ctx.end = f->span.end;
    uint64_t hash = tqc_finding_fingerprint(doc, f);
    char print[64];
    snprintf(print, sizeof print, "%016" PRIx64 ":%zu", hash, occurrence(r, s, hash));
    bool ok = tqc_json_set(o, "ruleId", tqc_json_string(f->rule)) &&
              (idx == SIZE_MAX || tqc_json_set(o, "ruleIndex", uint_v(idx))) &&
              tqc_json_set(o, "level", json_string(level(f->severity))) &&
              tqc_json_set(o, "message", text_obj(f->message, strlen(f->message))) &&
              tqc_json_set(phys, "artifactLocation", location_json(r, doc)) &&
              tqc_json_set(phys, "region", region_json(doc, f->span, true)) &&
              tqc_json_set(phys, "contextRegion", region_json(doc, ctx, true)) &&
              tqc_json_set(loc, "physicalLocation", json_incref(phys));
    if (ok && doc->segment) {
        /* The segment is where the finding is in the translation file's own terms. */
        json_t *logical = json_array(), *name = json_object();
        ok = tqc_json_set(name, "name", tqc_json_string(doc->segment)) &&
             tqc_json_append(logical, json_incref(name)) &&
             tqc_json_set(loc, "logicalLocations", json_incref(logical));
        json_decref(name);
        json_decref(logical);
    }
    ok = ok && tqc_json_append(locs, json_incref(loc)) &&
         tqc_json_set(o, "locations", json_incref(locs)) &&
         tqc_json_set(fp, FINGERPRINT_KEY, json_string(print)) &&
         tqc_json_set(o, "partialFingerprints", json_incref(fp));
    /* A fix edits the file: only where the text is its bytes 1:1 (as jsonl). */
    if (ok && f->has_fix && tqc_doc_span_exact(doc, f->fix.span))
        ok = tqc_json_set(o, "fixes", fixes_json(r, doc, &f->fix));
    ok = ok && set_properties(o, doc, f);
    json_decref(fp);
    json_decref(phys);
    json_decref(loc);
    json_decref(locs);
    return tqc_json_done(o, ok);
}

static void sarif_finding(tqc_reporter *r, const tqc_doc *doc, const tqc_finding *f)
{
    sarif *s = state(r);
    if (!s || r->failed)
        return;
    json_t *v = result_json(r, s, doc, f);
    if (!v) {
        r->failed = true;
        return;
    }
    fputs(s->results++ ? ",\n        " : "\n        ", s->out);
    put_value(s->out, v, RESULT_DEPTH);
}

static void sarif_finish(tqc_reporter *r, const tqc_run_stats *stats)
{
    sarif *s = state(r);
    if (!s)
        return;
    fputs(s->results ? "\n      ]" : "]", s->out);
    json_t *inv = json_array(), *one = json_object();
    bool ok = tqc_json_set(one, "executionSuccessful", json_boolean(stats->files_failed == 0)) &&
              tqc_json_append(inv, json_incref(one));
    json_decref(one);
    fputs(",\n      \"invocations\": ", s->out);
    if (!ok) {
        json_decref(inv);
        r->failed = true;
    } else if (!put_value(s->out, inv, 3)) {
        r->failed = true;
    }
    fputs("\n    }\n  ]\n}\n", s->out);
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
