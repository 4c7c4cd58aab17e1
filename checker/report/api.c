/* api: LanguageTool's and tqc's JSON answers for a request's text (api.h). */
#include "report/api.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "run/fix.h"
#include "lang/langid.h"
#include "pass/pass.h"
#include "report/report.h"
#include "run/suppress.h"

#ifndef TQC_VERSION
#define TQC_VERSION "0.1.0"
#endif

/* Characters of context LanguageTool shows either side of a match. */
#define LT_CONTEXT_CHARS 40
/* Rule ids one request may list (disabledRules, enabledRules). */
#define MAX_RULE_ARGS 64

/* LanguageTool's issue type and category for each rule: what clients colour by (a
 * misspelling red, style blue). Rule ids, not language facts. */
static const struct lt_kind {
    const char *rule, *issue, *category, *category_name;
} LT_KINDS[] = {
    {"spelling", "misspelling", "TYPOS", "Possible Typo"},
    {"missing-space", "misspelling", "TYPOS", "Possible Typo"},
    {"repeated-word", "duplication", "REDUNDANCY", "Redundant Phrases"},
    {"capitalization", "typographical", "CASING", "Capitalization"},
    {"quotes", "typographical", "PUNCTUATION", "Punctuation"},
    {"spacing", "whitespace", "TYPOGRAPHY", "Typography"},
    {"encoding", "characters", "TYPOGRAPHY", "Typography"},
    {"number", "locale-violation", "TYPOGRAPHY", "Typography"},
    {"fragment", "grammar", "GRAMMAR", "Grammar"},
    {"boilerplate", "non-conformance", "MISC", "Miscellaneous"},
    {"stray-heading", "non-conformance", "MISC", "Miscellaneous"},
    {"untranslated", "untranslated", "MISC", "Miscellaneous"},
    {"omission", "omission", "MISC", "Miscellaneous"},
    {"addition", "addition", "MISC", "Miscellaneous"},
    {"markup", "markup", "MISC", "Miscellaneous"},
};

static const struct lt_kind *lt_kind(const char *rule)
{
    static const struct lt_kind other = {NULL, "uncategorized", "MISC", "Miscellaneous"};
    for (size_t i = 0; i < sizeof LT_KINDS / sizeof *LT_KINDS; i++)
        if (strcmp(LT_KINDS[i].rule, rule) == 0)
            return &LT_KINDS[i];
    return &other;
}

size_t tqc_serve_utf16_len(const char *s, size_t n)
{
    size_t units = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80)
            units += c >= 0xF0 ? 2 : 1;   /* astral characters take a surrogate pair */
    }
    return units;
}

/* Steps back from byte i to the start of its character. */
static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Valid UTF-8 without NUL bytes: what JSON strings can carry unchanged. */
static bool valid_text(const char *s, size_t n)
{
    json_t *j = memchr(s, '\0', n) ? NULL : json_stringn(s, n);
    json_decref(j);
    return j != NULL;
}

/* The next item of a comma-separated list, spaces around it trimmed: its start, and its
 * length in *len; NULL at the end. *p moves past it. */
static const char *next_item(const char **p, size_t *len)
{
    while (*p && (**p == ' ' || **p == ','))
        (*p)++;
    if (!*p || !**p)
        return NULL;
    const char *item = *p;
    size_t k = strcspn(item, ","), e = k;
    while (e > 0 && item[e - 1] == ' ')
        e--;
    *p += k;
    *len = e;
    return item;
}

/* true when id is in the comma-separated list. */
static bool in_list(const char *list, const char *id)
{
    size_t n = strlen(id), e;
    for (const char *p = list, *item; (item = next_item(&p, &e));)
        if (e == n && strncmp(item, id, n) == 0)
            return true;
    return false;
}

/* Every id in the list is a rule; err names the first that is not. */
static bool known_rules(const char *list, char *err, size_t errlen)
{
    size_t e;
    for (const char *p = list, *item; (item = next_item(&p, &e));) {
        char id[64];
        snprintf(id, sizeof id, "%.*s", (int)(e < sizeof id ? e : sizeof id - 1), item);
        if (e >= sizeof id || (!tqc_pass_find(id) && strcmp(id, TQC_SUPPRESS_RULE) != 0)) {
            snprintf(err, errlen, "unknown rule '%s' (GET /api/rules lists them)", id);
            return false;
        }
    }
    return true;
}

/* Annotated text: the checked text, and for each run where it sits in the original
 * (text and markup strings one after another, as LanguageTool counts offsets). */
typedef struct run {
    size_t plain, plain_len, orig, orig_len;
    bool text;
} run;

typedef struct annotated {
    char *plain, *orig;
    size_t plain_len, orig_len;
    run *runs;
    size_t run_count;
} annotated;

static void annotated_free(annotated *a)
{
    free(a->plain);
    free(a->orig);
    free(a->runs);
}

static bool append(char **buf, size_t *len, const char *s, size_t n)
{
    char *b = tqc_realloc(*buf, *len + n + 1);
    if (!b)
        return false;
    memcpy(b + *len, s, n);
    *len += n;
    b[*len] = '\0';
    *buf = b;
    return true;
}

static tqc_status parse_annotated(const char *data, size_t len, annotated *a, char *err,
                                  size_t errlen)
{
    memset(a, 0, sizeof *a);
    json_error_t je;
    json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
    json_t *list = root ? json_object_get(root, "annotation") : NULL;
    if (!root) {
        snprintf(err, errlen, "data: malformed JSON at line %d, column %d: %s", je.line,
                 je.column, je.text);
        return TQC_EINPUT;
    }
    tqc_status st = TQC_OK;
    if (!json_is_array(list)) {
        snprintf(err, errlen, "data: no \"annotation\" array");
        st = TQC_EINPUT;
    }
    size_t n = st == TQC_OK ? json_array_size(list) : 0;
    if (n && !(a->runs = tqc_calloc(n, sizeof *a->runs)))
        st = TQC_ENOMEM;
    if (st == TQC_OK && !append(&a->plain, &a->plain_len, "", 0))
        st = TQC_ENOMEM;
    if (st == TQC_OK && !append(&a->orig, &a->orig_len, "", 0))
        st = TQC_ENOMEM;
    for (size_t i = 0; st == TQC_OK && i < n; i++) {
        json_t *item = json_array_get(list, i);
        json_t *text = json_object_get(item, "text"), *markup = json_object_get(item, "markup");
        json_t *as = json_object_get(item, "interpretAs");
        json_t *shown = json_is_string(text) ? text : as;
        json_t *src = json_is_string(text) ? text : markup;
        if ((!json_is_string(text) && !json_is_string(markup)) || (shown && !json_is_string(shown))) {
            snprintf(err, errlen, "data: annotation %zu has neither a \"text\" nor a \"markup\" string",
                     i);
            st = TQC_EINPUT;
            break;
        }
        run *r = &a->runs[a->run_count++];
        *r = (run){a->plain_len, shown ? json_string_length(shown) : 0, a->orig_len,
                   json_string_length(src), json_is_string(text)};
        if ((shown && !append(&a->plain, &a->plain_len, json_string_value(shown), r->plain_len)) ||
            !append(&a->orig, &a->orig_len, json_string_value(src), r->orig_len))
            st = TQC_ENOMEM;
    }
    json_decref(root);
    if (st != TQC_OK)
        annotated_free(a);
    return st;
}

/* Where plain offset p (a match's start, or its end when end) lies in the original. */
static size_t orig_offset(const annotated *a, size_t p, bool end)
{
    for (size_t i = 0; i < a->run_count; i++) {
        const run *r = &a->runs[i];
        bool inside = end ? p > r->plain && p <= r->plain + r->plain_len
                          : p >= r->plain && p < r->plain + r->plain_len;
        if (inside)
            return r->text ? r->orig + (p - r->plain) : end ? r->orig + r->orig_len : r->orig;
    }
    return end || p > 0 ? a->orig_len : 0;
}

/* The replacement a finding offers for its whole span: its fix applied to the span's
 * text when the fix lies inside it, else nothing. */
static json_t *fix_value(const tqc_doc *doc, const tqc_finding *f)
{
    if (!f->has_fix || f->fix.span.start < f->span.start || f->fix.span.end > f->span.end)
        return NULL;
    char *v = NULL;
    size_t n = 0;
    json_t *out = NULL;
    if (append(&v, &n, doc->text + f->span.start, f->fix.span.start - f->span.start) &&
        append(&v, &n, f->fix.replacement, strlen(f->fix.replacement)) &&
        append(&v, &n, doc->text + f->fix.span.end, f->span.end - f->fix.span.end))
        out = json_stringn(v, n);
    free(v);
    return out;
}

static int add(json_t *obj, const char *key, json_t *value)
{
    return json_object_set_new(obj, key, value);
}

/* One LanguageTool match for f; offsets in the original (a) in UTF-16 units. */
static json_t *lt_match(const tqc_doc *doc, const tqc_finding *f, const annotated *a)
{
    const tqc_pass *p = tqc_pass_find(f->rule);
    const struct lt_kind *k = lt_kind(f->rule);
    json_t *m = json_object(), *reps = json_array(), *ctx = json_object();
    json_t *rule = json_object(), *cat = json_object(), *type = json_object();
    if (!m || !reps || !ctx || !rule || !cat || !type) {
        json_decref(m), json_decref(reps), json_decref(ctx);
        json_decref(rule), json_decref(cat), json_decref(type);
        return NULL;
    }
    json_t *fixv = fix_value(doc, f);
    if (fixv)
        json_array_append_new(reps, json_pack("{s:o}", "value", fixv));
    for (size_t i = 0; i < f->suggestion_count; i++) {
        const char *s = f->suggestions[i];
        if (fixv && strcmp(s, json_string_value(fixv)) == 0)
            continue;
        json_array_append_new(reps, json_pack("{s:s}", "value", s));
    }
    size_t o0 = orig_offset(a, f->span.start, false);
    size_t o1 = f->span.end > f->span.start ? orig_offset(a, f->span.end, true) : o0;
    size_t off = tqc_serve_utf16_len(a->orig, o0), len = tqc_serve_utf16_len(a->orig + o0, o1 - o0);
    /* Context: up to LT_CONTEXT_CHARS characters either side, from the checked text. */
    size_t c0 = f->span.start, c1 = f->span.end;
    for (int i = 0; i < LT_CONTEXT_CHARS && c0 > 0; i++)
        c0 = char_start(doc->text, c0 - 1);
    for (int i = 0; i < LT_CONTEXT_CHARS && c1 < doc->len; i++) {
        c1++;
        while (c1 < doc->len && ((unsigned char)doc->text[c1] & 0xC0) == 0x80)
            c1++;
    }
    tqc_span s = tqc_report_sentence_span(doc, f);
    add(ctx, "text", json_stringn(doc->text + c0, c1 - c0));
    add(ctx, "offset", json_integer((json_int_t)tqc_serve_utf16_len(doc->text + c0, f->span.start - c0)));
    add(ctx, "length", json_integer((json_int_t)tqc_serve_utf16_len(doc->text + f->span.start,
                                                                     tqc_span_len(f->span))));
    add(cat, "id", json_string(k->category));
    add(cat, "name", json_string(k->category_name));
    add(rule, "id", json_string(f->rule));
    add(rule, "description", json_string(p ? p->summary : f->rule));
    add(rule, "issueType", json_string(k->issue));
    add(rule, "category", cat);
    add(type, "typeName", json_string("Other"));
    add(m, "message", json_string(f->message));
    add(m, "shortMessage", json_string(""));
    add(m, "replacements", reps);
    add(m, "offset", json_integer((json_int_t)off));
    add(m, "length", json_integer((json_int_t)len));
    add(m, "context", ctx);
    add(m, "sentence", json_stringn(doc->text + s.start, tqc_span_len(s)));
    add(m, "type", type);
    add(m, "rule", rule);
    add(m, "ignoreForIncompleteSentence", json_false());
    add(m, "contextForSureMatch", json_integer(0));
    /* Not LanguageTool's, ignored by its clients: tqc's own severity. */
    add(m, "tqcSeverity", json_string(tqc_severity_name(f->severity)));
    return m;
}

static json_t *lt_language(tqc_langid *ids, const char *code)
{
    size_t i = ids ? tqc_langid_find(ids, code) : SIZE_MAX;
    return json_pack("{s:s,s:s}", "name", i == SIZE_MAX ? code : tqc_langid_name(ids, i), "code",
                     code);
}

static tqc_status dump(json_t *root, char **out)
{
    *out = root ? json_dumps(root, JSON_COMPACT) : NULL;
    json_decref(root);
    return *out ? TQC_OK : TQC_ENOMEM;
}

/* The checker for a request's language: "auto" tells it from text; a code must be one
 * tqc has a profile for. */
static tqc_status checker_for(tqc_checker *ck, const char *language, const char *text,
                              size_t len, tqc_checker **out, double *confidence, char *err,
                              size_t errlen)
{
    *confidence = 1.0;
    if (!language || !*language || strcmp(language, "auto") == 0) {
        tqc_langid_guess g;
        char why[256];
        tqc_status st = tqc_checker_for_text(ck, text, len, out, &g, why, sizeof why);
        if (st == TQC_OK && g.code)
            *confidence = g.coverage;
        else if (st == TQC_OK)
            *confidence = 0.0;
        return st;
    }
    tqc_langid *ids = tqc_checker_langid(ck);
    if (!ids)
        return TQC_ENOMEM;
    if (tqc_langid_find(ids, language) == SIZE_MAX) {
        snprintf(err, errlen, "language '%.32s' is not one tqc checks (GET /v2/languages)",
                 language);
        return TQC_EUSAGE;
    }
    tqc_status st = tqc_checker_for_lang(ck, language, out, err, errlen);
    if (st != TQC_OK && st != TQC_ENOMEM) {
        char why[256];
        snprintf(why, sizeof why, "%s", err);
        snprintf(err, errlen, "language '%.32s': %s", language, why);
        st = TQC_EUSAGE;
    }
    return st;
}

tqc_status tqc_serve_lt_check(tqc_checker *ck, const tqc_serve_lt_request *rq, char **out,
                              char *err, size_t errlen)
{
    *out = NULL;
    annotated a = {0};
    tqc_status st = TQC_OK;
    if (rq->data) {
        st = parse_annotated(rq->data, rq->data_len, &a, err, errlen);
    } else if (!rq->text) {
        snprintf(err, errlen, "missing form field 'text' or 'data'");
        return TQC_EUSAGE;
    } else if (!valid_text(rq->text, rq->text_len)) {
        snprintf(err, errlen, "text: not valid UTF-8 (or holds a NUL byte)");
        return TQC_EINPUT;
    } else {
        /* Plain text is its own original: one text run. */
        run *r = tqc_malloc(sizeof *r);
        a.plain = tqc_malloc(rq->text_len + 1);
        a.orig = tqc_malloc(rq->text_len + 1);
        if (!r || !a.plain || !a.orig) {
            free(r);
            annotated_free(&a);
            return TQC_ENOMEM;
        }
        memcpy(a.plain, rq->text, rq->text_len);
        memcpy(a.orig, rq->text, rq->text_len);
        a.plain[rq->text_len] = a.orig[rq->text_len] = '\0';
        a.plain_len = a.orig_len = rq->text_len;
        *r = (run){0, rq->text_len, 0, rq->text_len, true};
        a.runs = r;
        a.run_count = 1;
    }
    if (st != TQC_OK)
        return st;
    if (rq->data && !valid_text(a.plain, a.plain_len)) {
        snprintf(err, errlen, "data: holds a NUL character");
        annotated_free(&a);
        return TQC_EINPUT;
    }
    if (!known_rules(rq->disabled_rules, err, errlen) || !known_rules(rq->enabled_rules, err, errlen)) {
        annotated_free(&a);
        return TQC_EUSAGE;
    }
    if (rq->level && strcmp(rq->level, "default") != 0 && strcmp(rq->level, "picky") != 0) {
        snprintf(err, errlen, "level takes default or picky, not '%.32s'", rq->level);
        annotated_free(&a);
        return TQC_EUSAGE;
    }
    tqc_checker *doc_ck;
    double confidence;
    st = checker_for(ck, rq->language, a.plain, a.plain_len, &doc_ck, &confidence, err, errlen);
    const char *code = st == TQC_OK ? tqc_lang_code(tqc_checker_lang(doc_ck)) : NULL;
    tqc_doc *doc = st == TQC_OK ? tqc_doc_new("<request>", a.plain, a.plain_len, code) : NULL;
    if (st == TQC_OK && !doc)
        st = TQC_ENOMEM;
    tqc_findings found;
    tqc_findings_init(&found, doc);
    if (st == TQC_OK)
        st = tqc_check_doc(doc_ck, doc, &found);
    json_t *root = NULL, *matches = NULL;
    if (st == TQC_OK) {
        tqc_langid *ids = tqc_checker_langid(ck);
        json_t *lang = lt_language(ids, code);
        json_t *detected = lt_language(ids, code);
        json_object_set_new(detected, "confidence", json_real(confidence));
        json_object_set_new(lang, "detectedLanguage", detected);
        matches = json_array();
        root = json_pack("{s:{s:s,s:s,s:n,s:i,s:b,s:s},s:{s:b},s:o,s:o}", "software", "name", "tqc",
                         "version", TQC_VERSION, "buildDate", "apiVersion", 1, "premium", 0,
                         "status", "", "warnings", "incompleteResults", 0, "language", lang,
                         "matches", matches);
        if (!root)
            st = TQC_ENOMEM;
    }
    for (size_t i = 0; st == TQC_OK && i < found.count; i++) {
        const tqc_finding *f = &found.items[i];
        if (in_list(rq->disabled_rules, f->rule) ||
            (rq->enabled_only && !in_list(rq->enabled_rules, f->rule)))
            continue;
        json_t *m = lt_match(doc, f, &a);
        if (!m || json_array_append_new(matches, m) != 0)
            st = TQC_ENOMEM;
    }
    tqc_findings_release(&found);
    tqc_doc_free(doc);
    annotated_free(&a);
    if (st != TQC_OK) {
        json_decref(root);
        if (st == TQC_ENOMEM)
            snprintf(err, errlen, "out of memory");
        return st;
    }
    return dump(root, out);
}

tqc_status tqc_serve_lt_languages(tqc_checker *ck, char **out)
{
    tqc_langid *ids = tqc_checker_langid(ck);
    json_t *list = json_array();
    if (!ids || !list) {
        json_decref(list);
        return TQC_ENOMEM;
    }
    for (size_t i = 0; i < tqc_langid_count(ids); i++) {
        const char *code = tqc_langid_code(ids, i);
        json_array_append_new(list, json_pack("{s:s,s:s,s:s}", "name", tqc_langid_name(ids, i),
                                              "code", code, "longCode", code));
    }
    return dump(list, out);
}

tqc_status tqc_serve_rules(char **out)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < tqc_pass_count; i++) {
        const tqc_pass *p = tqc_passes[i];
        json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:s,s:s}", "id", p->id, "severity",
                                              tqc_severity_name(p->severity), "summary", p->summary,
                                              "good", p->good, "bad", p->bad));
    }
    return dump(list, out);
}

/* The findings as `tqc check --format jsonl` writes them, parsed back: one writer of
 * the format. */
static tqc_status jsonl_findings(const tqc_fix_result *res, json_t *list)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        return TQC_ENOMEM;
    tqc_reporter rep;
    memset(&rep, 0, sizeof rep);
    tqc_reporter_init(&rep, "jsonl", mem, false);
    for (size_t i = 0; i < res->finding_count; i++)
        rep.finding(&rep, res->doc, &res->findings[i]);
    bool failed = ferror(mem) != 0;
    if (fclose(mem) != 0 || failed || !buf) {
        free(buf);
        return TQC_ENOMEM;
    }
    tqc_status st = TQC_OK;
    size_t i = 0;
    for (char *line = buf; st == TQC_OK && *line; i++) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        json_t *obj = json_loadb(line, n, 0, NULL);
        if (!obj) {
            st = TQC_ENOMEM;
            break;
        }
        static const char *const state[] = {"none", "manual", "conflict", "applied"};
        json_object_set_new(obj, "fixState", json_string(state[res->states[i]]));
        json_array_append_new(list, obj);
        line += n + (nl != NULL);
    }
    free(buf);
    return st;
}

static json_t *api_fixes(const tqc_fix_result *res)
{
    json_t *list = json_array();
    for (size_t r = 0; list && r < res->region_count; r++) {
        const tqc_fix_region *g = &res->regions[r];
        json_t *rules = json_array(), *msgs = json_array();
        bool safe = true;
        for (size_t k = g->note_first; k < g->note_first + g->note_count; k++) {
            json_array_append_new(rules, json_string(res->notes[k].rule));
            json_array_append_new(msgs, json_string(res->notes[k].message));
            safe = safe && res->notes[k].safe;
        }
        json_array_append_new(list, json_pack("{s:I,s:I,s:s%,s:o,s:o,s:b}", "offset",
                                              (json_int_t)g->old.start, "length",
                                              (json_int_t)tqc_span_len(g->old), "replacement",
                                              res->text + g->fixed.start, tqc_span_len(g->fixed),
                                              "rules", rules, "messages", msgs, "safe", safe));
    }
    return list;
}

tqc_status tqc_serve_api_check(tqc_checker *ck, const char *body, size_t len,
                               tqc_input_format format, const char *lang, bool all_fixes,
                               char **out, char *err, size_t errlen)
{
    *out = NULL;
    if (format == TQC_INPUT_AUTO)
        format = tqc_input_detect("", body, len < 4096 ? len : 4096);
    if (!valid_text(body, len)) {   /* what the answer's JSON strings can carry */
        snprintf(err, errlen, "body: not valid UTF-8 (or holds a NUL byte)");
        return TQC_EINPUT;
    }
    tqc_checker *doc_ck;
    double confidence;
    tqc_status st = checker_for(ck, lang, body, len, &doc_ck, &confidence, err, errlen);
    if (st != TQC_OK)
        return st;
    const char *code = tqc_lang_code(tqc_checker_lang(doc_ck));
    tqc_fix_options fo = {.name = "<request>", .format = format, .lang = code,
                          .all_fixes = all_fixes};
    tqc_fix_result *res;
    if ((st = tqc_fix_buffer(doc_ck, body, len, &fo, &res, err, errlen)) != TQC_OK)
        return st == TQC_ENOMEM || st == TQC_ETIME ? st : TQC_EINPUT;
    json_t *findings = json_array();
    json_t *root = json_pack("{s:s,s:s,s:o,s:s%,s:o}", "lang", code, "format",
                             tqc_input_format_name(format), "findings", findings, "fixed",
                             res->text, res->len, "fixes", api_fixes(res));
    st = root ? jsonl_findings(res, findings) : TQC_ENOMEM;
    tqc_fix_result_free(res);
    if (st != TQC_OK) {
        json_decref(root);
        snprintf(err, errlen, "out of memory");
        return st;
    }
    return dump(root, out);
}
