/* cli_lsp: `tqc lsp`, a Language Server Protocol server on standard input and output
 * (cli/serve.h). One thread: it reads JSON-RPC messages, checks a document when it is
 * opened or saved and LSP_DEBOUNCE_MS after the last change, and publishes the findings
 * as diagnostics. Each document is checked with the settings of its file (.tqc.ini,
 * run/project.h) under what workspace/didChangeConfiguration says, through the fix loop
 * (run/fix.h), so the code actions offer the fixes `tqc fix` would make. Positions count
 * UTF-16 code units, LSP's default. Logs go to standard error, never to standard output,
 * which carries the protocol. */
#include "cli/serve.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "run/checker.h"
#include "cli/common.h"
#include "cli/help.h"
#include "core/alloc.h"
#include "core/io.h"
#include "run/fix.h"
#include "lang/langid.h"
#include "pass/pass.h"
#include "run/project.h"
#include "report/api.h"
#include "run/suppress.h"

#define LSP_DEBOUNCE_MS 300     /* typing pauses shorter than this do not re-check */
#define LSP_MAX_MESSAGE ((size_t)64 << 20)
#define LSP_MAX_LIST 64         /* words and disable in the configuration */
#ifndef TQC_VERSION
#define TQC_VERSION "0.1.0"
#endif
#define SUPPRESS_FMT "<!-- tqc-disable-next-line %s -->\n"

typedef struct document {
    char *uri, *path, *text, *language;
    size_t len;
    long long due;              /* when to check it (ms, monotonic); 0: checked */
    tqc_fix_result *res;        /* the last check, for code actions */
    bool *hidden;               /* res's findings an inline directive suppresses */
    char *words_file;           /* the word list its settings name, or NULL */
} document;

typedef struct lsp {
    document *docs;
    size_t doc_count;
    char data_dir[PATH_MAX];
    /* workspace/didChangeConfiguration's settings: the command line's place. */
    json_t *config;
    const char *words[LSP_MAX_LIST], *disabled[LSP_MAX_LIST];
    tqc_config_overrides over;
    tqc_project *project;
    tqc_settings **settings;    /* one checker per distinct settings */
    tqc_checker **checkers;
    size_t checker_count;
    bool shutdown;
    char *in;                   /* bytes read and not yet parsed */
    size_t in_len, in_cap;
} lsp;

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void send(json_t *msg)
{
    json_object_set_new(msg, "jsonrpc", json_string("2.0"));
    char *s = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    if (!s)
        return;
    printf("Content-Length: %zu\r\n\r\n%s", strlen(s), s);
    fflush(stdout);
    free(s);
}

static void reply(json_t *id, json_t *result)
{
    send(json_pack("{s:O,s:o}", "id", id, "result", result ? result : json_null()));
}

static void reply_error(json_t *id, int code, const char *msg)
{
    send(json_pack("{s:O,s:{s:i,s:s}}", "id", id, "error", "code", code, "message", msg));
}

static void log_message(int type, const char *msg)
{
    send(json_pack("{s:s,s:{s:i,s:s}}", "method", "window/logMessage", "params", "type", type,
                   "message", msg));
}

/* file:// URIs to paths: percent-escapes decoded. Other schemes have no file. */
static char *uri_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    char *out = tqc_malloc(strlen(p) + 1), *o = out;
    if (!out)
        return NULL;
    for (; *p; p++) {
        unsigned v;
        if (*p == '%' && sscanf(p + 1, "%2x", &v) == 1) {
            *o++ = (char)v;
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}

/* ---- positions -------------------------------------------------------------------- */

static json_t *position(const char *text, size_t len, size_t off)
{
    size_t line = 0, start = 0;
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++)
        if (text[i] == '\n') {
            line++;
            start = i + 1;
        }
    return json_pack("{s:I,s:I}", "line", (json_int_t)line, "character",
                     (json_int_t)tqc_serve_utf16_len(text + start, off - start));
}

static json_t *range(const char *text, size_t len, size_t a, size_t b)
{
    return json_pack("{s:o,s:o}", "start", position(text, len, a), "end", position(text, len, b));
}

/* The byte offset of an LSP position (clamped to its line and the text). */
static size_t offset_of(const char *text, size_t len, json_t *pos)
{
    json_int_t line = json_integer_value(json_object_get(pos, "line"));
    json_int_t ch = json_integer_value(json_object_get(pos, "character"));
    size_t i = 0;
    for (json_int_t l = 0; l < line && i < len; i++)
        if (text[i] == '\n')
            l++;
    for (json_int_t u = 0; u < ch && i < len && text[i] != '\n';) {
        unsigned char c = (unsigned char)text[i];
        u += c >= 0xF0 ? 2 : 1;
        i++;
        while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* ---- settings and checkers -------------------------------------------------------- */

static void drop_checkers(lsp *s)
{
    for (size_t i = 0; i < s->checker_count; i++) {
        tqc_checker_free(s->checkers[i]);
        tqc_settings_free(s->settings[i]);
    }
    free(s->checkers);
    free(s->settings);
    s->checkers = NULL;
    s->settings = NULL;
    s->checker_count = 0;
    tqc_project_free(s->project);
    s->project = NULL;
}

/* Reads {"tqc": {"lang", "disable": [], "words": []}} (or the same without "tqc"). */
static void configure(lsp *s, json_t *settings)
{
    json_t *t = json_object_get(settings, "tqc");
    if (!t)
        t = settings;
    drop_checkers(s);
    json_decref(s->config);
    s->config = json_incref(t);
    memset(&s->over, 0, sizeof s->over);
    const char *lang = json_string_value(json_object_get(t, "lang"));
    s->over.lang = lang && strcmp(lang, "auto") != 0 ? lang : NULL;
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(t, "disable"), i, v) {
        if (json_is_string(v) && tqc_pass_find(json_string_value(v)) &&
            s->over.disabled_count < LSP_MAX_LIST)
            s->disabled[s->over.disabled_count++] = json_string_value(v);
    }
    json_array_foreach(json_object_get(t, "words"), i, v) {
        if (json_is_string(v) && s->over.word_count < LSP_MAX_LIST)
            s->words[s->over.word_count++] = json_string_value(v);
    }
    s->over.disabled = s->disabled;
    s->over.words = s->words;
}

/* The checker for the document's language and settings; NULL (logged) when it cannot
 * be made. d->words_file gets the word list its settings name first. */
static tqc_checker *checker_for(lsp *s, document *d)
{
    char err[1024];
    if (!s->project && !(s->project = tqc_project_new(NULL, &s->over)))
        return NULL;
    tqc_settings *st;
    if (tqc_project_settings(s->project, d->path, &st, err, sizeof err) != TQC_OK) {
        log_message(1, err);
        return NULL;
    }
    free(d->words_file);
    d->words_file = NULL;
    for (size_t i = 0; i < st->word_count && !d->words_file; i++)
        if (st->words[i].from.kind == TQC_FROM_CONFIG)
            d->words_file = tqc_strdup(st->words[i].path);
    bool detect = st->lang_from.kind == TQC_FROM_DEFAULT;
    tqc_checker *ck = NULL;
    for (size_t i = 0; i < s->checker_count && !ck; i++)
        if (tqc_settings_same_checker(s->settings[i], st))
            ck = s->checkers[i];
    if (ck) {
        tqc_settings_free(st);
    } else {
        tqc_checker **cks = tqc_realloc(s->checkers, (s->checker_count + 1) * sizeof *cks);
        if (cks)
            s->checkers = cks;
        tqc_settings **sts = cks ? tqc_realloc(s->settings, (s->checker_count + 1) * sizeof *sts) : NULL;
        if (sts)
            s->settings = sts;
        if (!cks || !sts || tqc_project_checker(st, s->data_dir, false, &ck, err, sizeof err) != TQC_OK) {
            log_message(1, cks && sts ? err : "out of memory");
            tqc_settings_free(st);
            return NULL;
        }
        s->checkers[s->checker_count] = ck;
        s->settings[s->checker_count++] = st;
    }
    if (detect) {   /* as tqc check --lang auto: told from the text */
        tqc_checker *told = NULL;
        char why[256];
        tqc_langid_guess guess;
        if (tqc_checker_for_text(ck, d->text, d->len, &told, &guess, why, sizeof why) == TQC_OK)
            ck = told;
    }
    return ck;
}

/* ---- checking --------------------------------------------------------------------- */

static tqc_input_format format_of(const document *d)
{
    const char *dot = d->path ? strrchr(d->path, '.') : NULL;
    if (d->language && (strcmp(d->language, "html") == 0))
        return TQC_INPUT_HTML;
    if (d->language && strcmp(d->language, "xml") != 0 && strcmp(d->language, "xliff") != 0 &&
        !(dot && (strcmp(dot, ".xlf") == 0 || strcmp(dot, ".xliff") == 0)))
        return TQC_INPUT_TEXT;   /* plaintext, markdown, and anything else: text */
    if (dot && (strcmp(dot, ".xlf") == 0 || strcmp(dot, ".xliff") == 0))
        return TQC_INPUT_XLIFF;
    return d->language && strcmp(d->language, "xliff") == 0 ? TQC_INPUT_XLIFF : TQC_INPUT_TEXT;
}

/* Inline suppressions (run/suppress.h), as tqc check honours them: d->hidden[i] for each
 * finding of d->res a directive covers. */
static void hide_suppressed(document *d)
{
    free(d->hidden);
    d->hidden = d->res ? tqc_calloc(d->res->finding_count + 1, sizeof *d->hidden) : NULL;
    if (!d->hidden) {
        tqc_fix_result_free(d->res);    /* out of memory: nothing rather than too much */
        d->res = NULL;
        return;
    }
    tqc_suppress *sp = tqc_suppress_new();
    tqc_suppress_pos at = {0, 1, 0};
    if (!sp || tqc_suppress_scan(sp, d->text, d->len, at, format_of(d) != TQC_INPUT_TEXT) != TQC_OK) {
        tqc_suppress_free(sp);
        return;
    }
    size_t line = 1, upto = 0;
    for (size_t i = 0; i < d->res->finding_count; i++) {
        const tqc_finding *f = &d->res->findings[i];
        for (; upto < f->span.start && upto < d->len; upto++)
            line += d->text[upto] == '\n';
        d->hidden[i] = tqc_suppress_covers(sp, f->rule, f->also, f->span.start, line);
    }
    tqc_suppress_free(sp);
}

static void check(lsp *s, document *d)
{
    d->due = 0;
    tqc_fix_result_free(d->res);
    d->res = NULL;
    json_t *diags = json_array();
    tqc_checker *ck = checker_for(s, d);
    char err[1024];
    if (ck) {
        tqc_fix_options fo = {.name = d->path ? d->path : d->uri, .format = format_of(d),
                              .lang = tqc_lang_code(tqc_checker_lang(ck))};
        if (tqc_fix_buffer(ck, d->text, d->len, &fo, &d->res, err, sizeof err) != TQC_OK) {
            d->res = NULL;
            /* Malformed markup: one diagnostic at the top, saying why. */
            json_array_append_new(diags, json_pack("{s:o,s:i,s:s,s:s}", "range",
                                                   range(d->text, d->len, 0, 0), "severity", 1,
                                                   "source", "tqc", "message", err));
        }
    }
    hide_suppressed(d);
    static const int sev[] = {3, 2, 1};   /* info, warning, error as LSP numbers them */
    for (size_t i = 0; d->res && i < d->res->finding_count; i++) {
        const tqc_finding *f = &d->res->findings[i];
        if (d->hidden[i])
            continue;
        json_t *diag = json_pack("{s:o,s:i,s:s,s:s,s:s}", "range",
                                 range(d->text, d->len, f->span.start, f->span.end), "severity",
                                 sev[f->severity], "code", f->rule, "source", "tqc", "message",
                                 f->message);
        if (diag)
            json_array_append_new(diags, diag);
    }
    send(json_pack("{s:s,s:{s:s,s:o}}", "method", "textDocument/publishDiagnostics", "params",
                   "uri", d->uri, "diagnostics", diags));
}

static document *find_doc(lsp *s, json_t *params)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    for (size_t i = 0; uri && i < s->doc_count; i++)
        if (strcmp(s->docs[i].uri, uri) == 0)
            return &s->docs[i];
    return NULL;
}

static void doc_free(document *d)
{
    free(d->uri);
    free(d->path);
    free(d->text);
    free(d->language);
    free(d->words_file);
    free(d->hidden);
    tqc_fix_result_free(d->res);
}

static bool set_text(document *d, json_t *text)
{
    if (!json_is_string(text))
        return false;
    char *t = tqc_malloc(json_string_length(text) + 1);
    if (!t)
        return false;
    memcpy(t, json_string_value(text), json_string_length(text) + 1);
    free(d->text);
    d->text = t;
    d->len = json_string_length(text);
    return true;
}

static void did_open(lsp *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    const char *language = json_string_value(json_object_get(td, "languageId"));
    if (!uri)
        return;
    document *d = find_doc(s, params);
    if (!d) {
        document *docs = tqc_realloc(s->docs, (s->doc_count + 1) * sizeof *docs);
        if (!docs)
            return;
        s->docs = docs;
        d = &s->docs[s->doc_count++];
        memset(d, 0, sizeof *d);
        d->uri = tqc_strdup(uri);
        d->path = uri_path(uri);
        d->language = tqc_strdup(language ? language : "plaintext");
    }
    if (set_text(d, json_object_get(td, "text")))
        check(s, d);
}

/* ---- code actions ----------------------------------------------------------------- */

static json_t *edit_action(const document *d, const char *title, size_t a, size_t b,
                           const char *text, bool preferred, json_t *diag)
{
    json_t *edit = json_pack("{s:o,s:s}", "range", range(d->text, d->len, a, b), "newText", text);
    json_t *act = json_pack("{s:s,s:s,s:{s:{s:[o]}}}", "title", title, "kind", "quickfix", "edit",
                            "changes", d->uri, edit);
    if (act && preferred)
        json_object_set_new(act, "isPreferred", json_true());
    if (act && diag)
        json_object_set_new(act, "diagnostics", json_pack("[O]", diag));
    return act;
}

static void code_action(lsp *s, json_t *id, json_t *params)
{
    document *d = find_doc(s, params);
    json_t *out = json_array();
    if (d && d->due)
        check(s, d);   /* answer for the text as it is now */
    json_t *rg = json_object_get(params, "range");
    size_t a = d ? offset_of(d->text, d->len, json_object_get(rg, "start")) : 0;
    size_t b = d ? offset_of(d->text, d->len, json_object_get(rg, "end")) : 0;
    for (size_t i = 0; d && d->res && i < d->res->finding_count; i++) {
        const tqc_finding *f = &d->res->findings[i];
        if (f->span.end < a || f->span.start > b || d->hidden[i])
            continue;
        char title[512];
        size_t shown = tqc_span_len(f->span) > 60 ? 60 : tqc_span_len(f->span);
        if (f->has_fix && f->fix.span.end <= d->len) {
            snprintf(title, sizeof title, "tqc: %s → '%s'%s", f->message, f->fix.replacement,
                     f->fix.safe ? "" : " (check it)");
            json_array_append_new(out, edit_action(d, title, f->fix.span.start, f->fix.span.end,
                                                   f->fix.replacement, f->fix.safe, NULL));
        }
        for (size_t k = 0; k < f->suggestion_count; k++) {
            if (f->has_fix && f->fix.span.start == f->span.start && f->fix.span.end == f->span.end &&
                strcmp(f->fix.replacement, f->suggestions[k]) == 0)
                continue;
            snprintf(title, sizeof title, "tqc: replace '%.*s' with '%s'", (int)shown,
                     d->text + f->span.start, f->suggestions[k]);
            json_array_append_new(out, edit_action(d, title, f->span.start, f->span.end,
                                                   f->suggestions[k], false, NULL));
        }
        if (strcmp(f->rule, "spelling") == 0 && d->words_file && shown > 0) {
            char word[256];
            snprintf(word, sizeof word, "%.*s", (int)shown, d->text + f->span.start);
            snprintf(title, sizeof title, "tqc: add '%s' to the word list %s", word, d->words_file);
            json_array_append_new(out, json_pack("{s:s,s:s,s:{s:s,s:s,s:[s,s]}}", "title", title,
                                                 "kind", "quickfix", "command", "title", title,
                                                 "command", "tqc.addWord", "arguments", word,
                                                 d->words_file));
        }
        /* The directive goes on a line of its own above the finding's line. */
        size_t line = f->span.start;
        while (line > 0 && d->text[line - 1] != '\n')
            line--;
        char directive[128];
        snprintf(directive, sizeof directive, SUPPRESS_FMT, f->rule);
        snprintf(title, sizeof title, "tqc: suppress %s on this line", f->rule);
        json_array_append_new(out, edit_action(d, title, line, line, directive, false, NULL));
    }
    reply(id, out);
}

/* tqc.addWord WORD FILE: appends WORD to FILE, a word list the document's settings
 * name (and no other file), then checks every document again with it. */
static void add_word(lsp *s, json_t *id, json_t *args)
{
    const char *word = json_string_value(json_array_get(args, 0));
    const char *file = json_string_value(json_array_get(args, 1));
    bool named = false;
    for (size_t i = 0; file && i < s->doc_count; i++)
        named = named || (s->docs[i].words_file && strcmp(s->docs[i].words_file, file) == 0);
    if (!word || !named || strpbrk(word, "\n\r")) {
        reply_error(id, -32602, "tqc.addWord takes a word and a word list the project names");
        return;
    }
    FILE *f = fopen(file, "a");
    bool ok = f && fprintf(f, "%s\n", word) > 0;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok) {
        char msg[PATH_MAX + 64];
        snprintf(msg, sizeof msg, "%s: %s", file, strerror(errno));
        reply_error(id, -32603, msg);
        return;
    }
    drop_checkers(s);   /* the word lists are read when a checker is made */
    reply(id, NULL);
    for (size_t i = 0; i < s->doc_count; i++)
        check(s, &s->docs[i]);
}

/* ---- the protocol ----------------------------------------------------------------- */

static json_t *capabilities(void)
{
    return json_pack("{s:{s:{s:b,s:i,s:{s:b}},s:{s:[s]},s:{s:[s]}},s:{s:s,s:s}}",
                     "capabilities", "textDocumentSync", "openClose", 1, "change", 1, "save",
                     "includeText", 1, "codeActionProvider", "codeActionKinds", "quickfix",
                     "executeCommandProvider", "commands", "tqc.addWord", "serverInfo", "name",
                     "tqc", "version", TQC_VERSION);
}

static bool handle(lsp *s, json_t *msg)
{
    const char *method = json_string_value(json_object_get(msg, "method"));
    json_t *id = json_object_get(msg, "id"), *params = json_object_get(msg, "params");
    if (!method)
        return true;    /* a response to something we never ask */
    if (strcmp(method, "initialize") == 0) {
        json_t *opts = json_object_get(params, "initializationOptions");
        if (opts)
            configure(s, opts);
        reply(id, capabilities());
    } else if (strcmp(method, "shutdown") == 0) {
        s->shutdown = true;
        reply(id, NULL);
    } else if (strcmp(method, "exit") == 0) {
        return false;
    } else if (strcmp(method, "textDocument/didOpen") == 0) {
        did_open(s, params);
    } else if (strcmp(method, "textDocument/didChange") == 0) {
        document *d = find_doc(s, params);
        json_t *changes = json_object_get(params, "contentChanges");
        json_t *last = json_array_get(changes, json_array_size(changes) - 1);
        if (d && set_text(d, json_object_get(last, "text")))
            d->due = now_ms() + LSP_DEBOUNCE_MS;
    } else if (strcmp(method, "textDocument/didSave") == 0) {
        document *d = find_doc(s, params);
        if (d && json_object_get(params, "text"))
            set_text(d, json_object_get(params, "text"));
        if (d)
            check(s, d);
    } else if (strcmp(method, "textDocument/didClose") == 0) {
        document *d = find_doc(s, params);
        if (d) {
            send(json_pack("{s:s,s:{s:s,s:[]}}", "method", "textDocument/publishDiagnostics",
                           "params", "uri", d->uri, "diagnostics"));
            doc_free(d);
            *d = s->docs[--s->doc_count];
        }
    } else if (strcmp(method, "workspace/didChangeConfiguration") == 0) {
        configure(s, json_object_get(params, "settings"));
        for (size_t i = 0; i < s->doc_count; i++)
            check(s, &s->docs[i]);
    } else if (strcmp(method, "textDocument/codeAction") == 0) {
        code_action(s, id, params);
    } else if (strcmp(method, "workspace/executeCommand") == 0) {
        const char *cmd = json_string_value(json_object_get(params, "command"));
        if (cmd && strcmp(cmd, "tqc.addWord") == 0)
            add_word(s, id, json_object_get(params, "arguments"));
        else
            reply_error(id, -32601, "unknown command");
    } else if (id) {
        reply_error(id, -32601, "method not supported");
    }
    return true;
}

/* The next whole message in s->in, parsed; NULL when more bytes are needed. *bad is
 * set when the framing is broken beyond repair. */
static json_t *next_message(lsp *s, bool *bad)
{
    char *end = NULL;
    for (size_t i = 0; !end && i + 4 <= s->in_len; i++)
        if (memcmp(s->in + i, "\r\n\r\n", 4) == 0)
            end = s->in + i;
    if (!end)
        return NULL;
    size_t head = (size_t)(end - s->in) + 4, body = SIZE_MAX;
    for (char *p = s->in; p < end; p++)
        if ((p == s->in || p[-1] == '\n') && strncasecmp(p, "Content-Length:", 15) == 0)
            body = strtoul(p + 15, NULL, 10);
    if (body == SIZE_MAX || body > LSP_MAX_MESSAGE) {
        *bad = true;
        return NULL;
    }
    if (s->in_len - head < body)
        return NULL;
    json_error_t je;
    json_t *msg = json_loadb(s->in + head, body, 0, &je);
    memmove(s->in, s->in + head + body, s->in_len - head - body);
    s->in_len -= head + body;
    if (!msg) {
        fprintf(stderr, "tqc lsp: malformed JSON message: %s\n", je.text);
        send(json_pack("{s:n,s:{s:i,s:s}}", "id", "error", "code", -32700, "message", je.text));
    }
    return msg;
}

int tqc_cli_lsp(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            tqc_cli_help_print("lsp", stdout);
            return 0;
        }
        if (strcmp(argv[i], "--stdio") != 0) {   /* what some clients add */
            fprintf(stderr, "tqc lsp: unknown option '%s' (see tqc lsp --help)\n", argv[i]);
            return 2;
        }
    }
    lsp s;
    memset(&s, 0, sizeof s);
    tqc_cli_data_dir(s.data_dir, sizeof s.data_dir);
    configure(&s, NULL);
    bool running = true, bad = false;
    int rc = 1;
    while (running) {
        json_t *msg;
        while (running && (msg = next_message(&s, &bad))) {
            running = handle(&s, msg);
            json_decref(msg);
        }
        if (!running) {
            rc = s.shutdown ? 0 : 1;
            break;
        }
        if (bad) {
            fputs("tqc lsp: a message without a valid Content-Length; stopping\n", stderr);
            break;
        }
        /* Wait for input, or for the next document due to be checked. */
        long long due = 0, now = now_ms();
        for (size_t i = 0; i < s.doc_count; i++)
            if (s.docs[i].due && (!due || s.docs[i].due < due))
                due = s.docs[i].due;
        struct pollfd pfd = {.fd = 0, .events = POLLIN};
        int wait = due ? (due > now ? (int)(due - now) : 0) : -1;
        int r = poll(&pfd, 1, wait);
        if (r < 0 && errno != EINTR)
            break;
        if (r == 0 || (r < 0 && errno == EINTR)) {
            now = now_ms();
            for (size_t i = 0; i < s.doc_count; i++)
                if (s.docs[i].due && s.docs[i].due <= now)
                    check(&s, &s.docs[i]);
            continue;
        }
        if (s.in_cap - s.in_len < 65536) {
            size_t cap = s.in_cap ? s.in_cap * 2 : 131072;
            char *b = cap <= LSP_MAX_MESSAGE * 2 ? tqc_realloc(s.in, cap) : NULL;
            if (!b) {
                fputs("tqc lsp: out of memory, or a message too large\n", stderr);
                break;
            }
            s.in = b;
            s.in_cap = cap;
        }
        ssize_t n = read(0, s.in + s.in_len, s.in_cap - s.in_len);
        if (n <= 0)
            break;   /* the client went away */
        s.in_len += (size_t)n;
    }
    for (size_t i = 0; i < s.doc_count; i++)
        doc_free(&s.docs[i]);
    free(s.docs);
    free(s.in);
    drop_checkers(&s);
    json_decref(s.config);
    return rc;
}
