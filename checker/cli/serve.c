/* serve: `tqc serve`, an HTTP server on libmicrohttpd (see cli/serve.h, report/api.h).
 * libmicrohttpd runs a pool of threads, each answering its connections; each thread
 * checks with its own clone of one checker made at start, so the dictionaries are
 * loaded once and stay warm. Requests never name files: the page's files are read once
 * at start from the data folder, and bodies are checked in memory. */
#include "cli/serve.h"

#include <arpa/inet.h>
#include <dlfcn.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "run/checker.h"
#include "cli/common.h"
#include "cli/help.h"
#include "core/alloc.h"
#include "core/io.h"
#include "pass/pass.h"
#include "report/fixes.h"
#include "report/api.h"
#include "run/suppress.h"

/* libmicrohttpd is loaded by tqc serve alone: linked, it and the TLS libraries it needs
 * cost every run 2-3 ms of loading and 3 MB of memory (a cold article is 20-40 ms).
 * Its functions are called through these pointers, filled by load_microhttpd. */
#define MHD_FUNCTIONS(X)                                                                   \
    X(MHD_add_response_header) X(MHD_create_post_processor)                               \
    X(MHD_create_response_from_buffer) X(MHD_destroy_post_processor)                      \
    X(MHD_destroy_response) X(MHD_get_connection_values) X(MHD_get_daemon_info)           \
    X(MHD_lookup_connection_value) X(MHD_post_process) X(MHD_queue_response)              \
    X(MHD_quiesce_daemon) X(MHD_start_daemon) X(MHD_stop_daemon)
#define MHD_POINTER(name) __typeof__(name) *name;
static struct { MHD_FUNCTIONS(MHD_POINTER) } mhd;

/* The library's file name as the build found it (the Makefile reads its SONAME). */
#ifndef TQC_MHD_SONAME
#define TQC_MHD_SONAME "libmicrohttpd.so.12"
#endif

/* Fills mhd; false (and says why on stderr) when the library or a function is missing.
 * The handle stays open for the process's life. */
static bool load_microhttpd(void)
{
    void *lib = dlopen(TQC_MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        fprintf(stderr, "tqc serve: cannot load %s (install libmicrohttpd): %s\n",
                TQC_MHD_SONAME, dlerror());
        return false;
    }
    bool ok = true;
#define MHD_LOAD(name)                                                                     \
    if (ok) {                                                                              \
        void *sym = dlsym(lib, #name);                                                     \
        memcpy(&mhd.name, &sym, sizeof sym);                                               \
        if (!sym) {                                                                        \
            fprintf(stderr, "tqc serve: %s lacks %s\n", TQC_MHD_SONAME, #name);             \
            ok = false;                                                                    \
        }                                                                                  \
    }
    MHD_FUNCTIONS(MHD_LOAD)
#undef MHD_LOAD
    return ok;
}

/* From here on the calls go through mhd. */
#define MHD_add_response_header (*mhd.MHD_add_response_header)
#define MHD_create_post_processor (*mhd.MHD_create_post_processor)
#define MHD_create_response_from_buffer (*mhd.MHD_create_response_from_buffer)
#define MHD_destroy_post_processor (*mhd.MHD_destroy_post_processor)
#define MHD_destroy_response (*mhd.MHD_destroy_response)
#define MHD_get_connection_values (*mhd.MHD_get_connection_values)
#define MHD_get_daemon_info (*mhd.MHD_get_daemon_info)
#define MHD_lookup_connection_value (*mhd.MHD_lookup_connection_value)
#define MHD_post_process (*mhd.MHD_post_process)
#define MHD_queue_response (*mhd.MHD_queue_response)
#define MHD_quiesce_daemon (*mhd.MHD_quiesce_daemon)
#define MHD_start_daemon (*mhd.MHD_start_daemon)
#define MHD_stop_daemon (*mhd.MHD_stop_daemon)

enum { EXIT_DONE = 0, EXIT_TROUBLE = 2 };
#define MAX_LIST_ARGS 64
#define DEFAULT_PORT 8081           /* LanguageTool's own, so clients' defaults fit */
#define DEFAULT_MAX_BYTES (1u << 20) /* a news article is kilobytes */
/* Seconds a connection may stay silent beyond --timeout. */
#define IDLE_MARGIN 10
#define DEFAULT_TIMEOUT 10          /* seconds a check may run */
#define MAX_THREADS 64
#define MAX_FIELD_BYTES (64u << 20)

typedef struct web_file {
    const char *url, *name, *type;
    char *body;
    size_t len;
} web_file;

typedef struct server {
    tqc_checker *base;
    pthread_mutex_t lock;       /* guards clones and cloning from base */
    tqc_checker *clones[MAX_THREADS + 1];
    size_t clone_count;
    size_t max_bytes;
    web_file files[4];
    size_t file_count;
    char *style;                /* the report's look (report/html.c) */
    double timeout;             /* --timeout: seconds one request's check may take */
} server;

/* Each server thread's checker, cloned from the base on its first request. */
static _Thread_local tqc_checker *thread_ck;

static tqc_checker *checker_of_thread(server *s)
{
    if (thread_ck)
        return thread_ck;
    pthread_mutex_lock(&s->lock);
    char err[256];
    tqc_checker *ck = NULL;
    if (s->clone_count < sizeof s->clones / sizeof *s->clones &&
        tqc_checker_clone(s->base, &ck, err, sizeof err) == TQC_OK)
        s->clones[s->clone_count++] = ck;
    pthread_mutex_unlock(&s->lock);
    return thread_ck = ck;
}

/* A request's body, gathered as it arrives. */
typedef struct request {
    char *body;
    size_t len, cap;
    bool too_big;
} request;

static enum MHD_Result respond(struct MHD_Connection *conn, unsigned status, const char *type,
                               char *body, size_t len, bool cors)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (cors)   /* LanguageTool's browser add-ons call from their own origin */
        MHD_add_response_header(r, "Access-Control-Allow-Origin", "*");
    enum MHD_Result ret = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return ret;
}

/* An error: one line of plain text, as LanguageTool answers them. */
static enum MHD_Result fail(struct MHD_Connection *conn, unsigned status, const char *msg)
{
    char *body = NULL;
    size_t n = (size_t)snprintf(NULL, 0, "Error: %s\n", msg);
    if ((body = tqc_malloc(n + 1)))
        snprintf(body, n + 1, "Error: %s\n", msg);
    return body ? respond(conn, status, "text/plain; charset=utf-8", body, n, true) : MHD_NO;
}

static enum MHD_Result static_file(struct MHD_Connection *conn, const server *s, const web_file *f)
{
    char *copy = tqc_malloc(f->len ? f->len : 1);
    if (!copy)
        return MHD_NO;
    memcpy(copy, f->body, f->len);
    struct MHD_Response *r = MHD_create_response_from_buffer(f->len, copy, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(copy);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", f->type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    /* The page loads nothing but its own script and styles and talks only to us. */
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; style-src 'self'; "
                            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
                            "form-action 'none'; frame-ancestors 'none'");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}

/* The fields of a /v2/check form (query string and body). */
typedef struct form {
    char *value[8];
    size_t len[8];
    bool failed;
} form;

static const char *const FIELDS[] = {"text", "data", "language", "disabledRules",
                                     "enabledRules", "enabledOnly", "level", NULL};

static int field_index(const char *key)
{
    for (int i = 0; key && FIELDS[i]; i++)
        if (strcmp(key, FIELDS[i]) == 0)
            return i;
    return -1;
}

static bool field_append(form *f, int i, const char *data, size_t size)
{
    if (size > MAX_FIELD_BYTES - f->len[i])
        return false;
    char *v = tqc_realloc(f->value[i], f->len[i] + size + 1);
    if (!v)
        return false;
    memcpy(v + f->len[i], data, size);
    f->len[i] += size;
    v[f->len[i]] = '\0';
    f->value[i] = v;
    return true;
}

static enum MHD_Result post_field(void *cls, enum MHD_ValueKind kind, const char *key,
                                  const char *filename, const char *type, const char *enc,
                                  const char *data, uint64_t off, size_t size)
{
    form *f = cls;
    int i = field_index(key);
    if (i >= 0 && !field_append(f, i, data, size)) {
        f->failed = true;
        return MHD_NO;
    }
    return MHD_YES;
}

static enum MHD_Result query_field(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
    form *f = cls;
    int i = field_index(key);
    if (i >= 0 && !f->value[i] && value && !field_append(f, i, value, strlen(value)))
        f->failed = true;
    return MHD_YES;
}

static void form_free(form *f)
{
    for (size_t i = 0; i < sizeof f->value / sizeof *f->value; i++)
        free(f->value[i]);
}

static enum MHD_Result answer(struct MHD_Connection *conn, tqc_status st, char *json,
                              const char *err, bool cors)
{
    if (st == TQC_OK)
        return respond(conn, MHD_HTTP_OK, "application/json", json, strlen(json), cors);
    free(json);
    if (st == TQC_ENOMEM)
        return fail(conn, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory");
    if (st == TQC_ELIMIT)
        return fail(conn, MHD_HTTP_CONTENT_TOO_LARGE, err);
    if (st == TQC_ETIME)   /* LanguageTool answers a check over its time limit so too */
        return fail(conn, MHD_HTTP_SERVICE_UNAVAILABLE, err);
    return fail(conn, MHD_HTTP_BAD_REQUEST, err);
}

/* A check cut short by --timeout: err says so in one line. */
static void timed_out(const server *s, tqc_status st, char *err, size_t errlen)
{
    if (st == TQC_ETIME)
        snprintf(err, errlen, "checking took longer than %g seconds, this server's limit "
                 "(--timeout)", s->timeout);
}

static bool has_type(struct MHD_Connection *conn, const char *type)
{
    const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
    return ct && strncasecmp(ct, type, strlen(type)) == 0;
}

static enum MHD_Result lt_check(struct MHD_Connection *conn, server *s, request *rq)
{
    form f = {0};
    bool is_form = has_type(conn, "application/x-www-form-urlencoded") ||
                   has_type(conn, "multipart/form-data");
    if (rq->len && is_form) {
        struct MHD_PostProcessor *pp = MHD_create_post_processor(conn, 64 * 1024, post_field, &f);
        if (!pp || MHD_post_process(pp, rq->body, rq->len) != MHD_YES)
            f.failed = true;
        if (pp && MHD_destroy_post_processor(pp) != MHD_YES)
            f.failed = true;
        if (f.failed) {
            form_free(&f);
            return fail(conn, MHD_HTTP_BAD_REQUEST, "malformed form data");
        }
    } else if (rq->len) {
        return fail(conn, MHD_HTTP_BAD_REQUEST,
                    "send the fields as application/x-www-form-urlencoded or multipart/form-data");
    }
    /* Clients such as language-grammar-api send them in the query string. */
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, query_field, &f);
    if (f.failed) {
        form_free(&f);
        return fail(conn, MHD_HTTP_CONTENT_TOO_LARGE, "a field is too large");
    }
    tqc_serve_lt_request q = {
        .text = f.value[0], .text_len = f.len[0], .data = f.value[1], .data_len = f.len[1],
        .language = f.value[2], .disabled_rules = f.value[3], .enabled_rules = f.value[4],
        .enabled_only = f.value[5] && strcmp(f.value[5], "true") == 0, .level = f.value[6]};
    char *json = NULL, err[512] = "";
    tqc_checker *ck = checker_of_thread(s);
    tqc_cancel limit = tqc_cancel_after(s->timeout, NULL);
    if (ck)
        tqc_checker_set_cancel(ck, &limit);
    tqc_status st = ck ? tqc_serve_lt_check(ck, &q, &json, err, sizeof err) : TQC_ENOMEM;
    if (ck)
        tqc_checker_set_cancel(ck, NULL);
    timed_out(s, st, err, sizeof err);
    form_free(&f);
    return answer(conn, st, json, err, true);
}

/* /api/check's format: ?format=, else the Content-Type, else told from the body. */
static bool api_format(struct MHD_Connection *conn, tqc_input_format *out)
{
    const char *name = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "format");
    if (name)
        return tqc_input_format_parse(name, out) && *out != TQC_INPUT_TMX;
    static const struct { const char *type; tqc_input_format format; } TYPES[] = {
        {"text/plain", TQC_INPUT_TEXT}, {"text/markdown", TQC_INPUT_TEXT},
        {"text/html", TQC_INPUT_HTML}, {"application/xhtml+xml", TQC_INPUT_HTML},
        {"application/xliff+xml", TQC_INPUT_XLIFF}, {"application/x-xliff+xml", TQC_INPUT_XLIFF},
        {"application/jsonl", TQC_INPUT_JSONL}, {"application/x-ndjson", TQC_INPUT_JSONL},
        {"application/jsonlines", TQC_INPUT_JSONL}, {"application/x-jsonlines", TQC_INPUT_JSONL},
    };
    *out = TQC_INPUT_AUTO;
    for (size_t i = 0; i < sizeof TYPES / sizeof *TYPES; i++)
        if (has_type(conn, TYPES[i].type))
            *out = TYPES[i].format;
    return true;
}

static enum MHD_Result api_check(struct MHD_Connection *conn, server *s, request *rq)
{
    tqc_input_format format;
    if (!api_format(conn, &format))
        return fail(conn, MHD_HTTP_BAD_REQUEST, "format takes text, html, xliff or jsonl");
    const char *lang = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "lang");
    const char *all = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "all_fixes");
    char *json = NULL, err[512] = "";
    tqc_checker *ck = checker_of_thread(s);
    tqc_cancel limit = tqc_cancel_after(s->timeout, NULL);
    if (ck)
        tqc_checker_set_cancel(ck, &limit);
    tqc_status st = ck ? tqc_serve_api_check(ck, rq->body ? rq->body : "", rq->len, format, lang,
                                             all && strcmp(all, "true") == 0, &json, err,
                                             sizeof err)
                       : TQC_ENOMEM;
    if (ck)
        tqc_checker_set_cancel(ck, NULL);
    timed_out(s, st, err, sizeof err);
    return answer(conn, st, json, err, false);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    server *s = cls;
    request *rq = *con_cls;
    if (!rq) {
        if (!(rq = tqc_calloc(1, sizeof *rq)))
            return MHD_NO;
        *con_cls = rq;
        /* Refused before it is read when it says it is too large. */
        const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
        if (cl && strtoull(cl, NULL, 10) > s->max_bytes)
            rq->too_big = true;
        return MHD_YES;
    }
    if (*upload_size) {
        size_t n = *upload_size;
        *upload_size = 0;
        if (rq->too_big || n > s->max_bytes - rq->len) {
            rq->too_big = true;
            return MHD_YES;
        }
        if (rq->len + n + 1 > rq->cap) {
            size_t cap = rq->cap ? rq->cap : 4096;
            while (cap < rq->len + n + 1)
                cap *= 2;
            char *b = tqc_realloc(rq->body, cap);
            if (!b)
                return MHD_NO;
            rq->body = b;
            rq->cap = cap;
        }
        memcpy(rq->body + rq->len, upload, n);
        rq->len += n;
        rq->body[rq->len] = '\0';
        return MHD_YES;
    }
    if (rq->too_big) {
        char msg[96];
        snprintf(msg, sizeof msg, "the request is larger than %zu bytes, the most tqc serve takes",
                 s->max_bytes);
        return fail(conn, MHD_HTTP_CONTENT_TOO_LARGE, msg);
    }
    bool get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    bool post = strcmp(method, "POST") == 0;
    for (size_t i = 0; i < s->file_count; i++)
        if (strcmp(url, s->files[i].url) == 0)
            return get ? static_file(conn, s, &s->files[i])
                       : fail(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    if (strcmp(url, "/report.css") == 0) {
        web_file f = {url, NULL, "text/css; charset=utf-8", s->style, strlen(s->style)};
        return get ? static_file(conn, s, &f) : fail(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
    }
    bool lt = strcmp(url, "/v2/check") == 0 || strcmp(url, "/v2/languages") == 0;
    if (strcmp(method, "OPTIONS") == 0 && lt) {   /* a browser's CORS preflight */
        struct MHD_Response *r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
        if (!r)
            return MHD_NO;
        MHD_add_response_header(r, "Access-Control-Allow-Origin", "*");
        MHD_add_response_header(r, "Access-Control-Allow-Methods", "GET, POST");
        MHD_add_response_header(r, "Access-Control-Allow-Headers", "Content-Type");
        enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_NO_CONTENT, r);
        MHD_destroy_response(r);
        return ret;
    }
    char *json = NULL;
    if (strcmp(url, "/v2/check") == 0)
        return post ? lt_check(conn, s, rq) : fail(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST");
    if (strcmp(url, "/api/check") == 0)
        return post ? api_check(conn, s, rq) : fail(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST");
    if (strcmp(url, "/v2/languages") == 0 && get) {
        tqc_checker *ck = checker_of_thread(s);
        tqc_status st = ck ? tqc_serve_lt_languages(ck, &json) : TQC_ENOMEM;
        return answer(conn, st, json, "", true);
    }
    if (strcmp(url, "/api/rules") == 0 && get) {
        tqc_status st = tqc_serve_rules(&json);
        return answer(conn, st, json, "", false);
    }
    return fail(conn, MHD_HTTP_NOT_FOUND, "no such endpoint (POST /v2/check, GET /v2/languages, "
                "POST /api/check, GET /api/rules, GET /)");
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                      enum MHD_RequestTerminationCode code)
{
    request *rq = *con_cls;
    if (rq) {
        free(rq->body);
        free(rq);
    }
    *con_cls = NULL;
}

/* Reads the page's files from data_dir/web once. */
static bool load_web(server *s, const char *data_dir)
{
    static const struct { const char *url, *name, *type; } FILES[] = {
        {"/", "index.html", "text/html; charset=utf-8"},
        {"/app.js", "app.js", "text/javascript; charset=utf-8"},
        {"/app.css", "app.css", "text/css; charset=utf-8"},
    };
    for (size_t i = 0; i < sizeof FILES / sizeof *FILES; i++) {
        char path[PATH_MAX + 32];
        snprintf(path, sizeof path, "%s/web/%s", data_dir, FILES[i].name);
        web_file *w = &s->files[s->file_count];
        *w = (web_file){FILES[i].url, FILES[i].name, FILES[i].type, NULL, 0};
        char *buf, err[PATH_MAX + 128];
        size_t len;
        if (tqc_io_read_file(path, 0, &buf, &len, err, sizeof err) != TQC_OK) {
            fprintf(stderr, "tqc serve: cannot read the page's files: %s\n", err);
            return false;
        }
        w->body = buf;
        w->len = len;
        s->file_count++;
    }
    return true;
}

/* Seconds, fractions allowed (0.5), in (0, max]. */
static bool parse_seconds(const char *arg, double max, double *out)
{
    char *end;
    double n = strtod(arg, &end);
    if (!*arg || *end || !(n > 0 && n <= max))
        return false;
    *out = n;
    return true;
}

static bool parse_number(const char *arg, unsigned long max, unsigned long *out)
{
    char *end;
    unsigned long n = strtoul(arg, &end, 10);
    if (!*arg || *end || n > max)
        return false;
    *out = n;
    return true;
}

int tqc_cli_serve(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"bind", required_argument, NULL, 'b'}, {"port", required_argument, NULL, 'p'},
        {"threads", required_argument, NULL, 'j'}, {"max-bytes", required_argument, NULL, 'm'},
        {"timeout", required_argument, NULL, 't'}, {"lang", required_argument, NULL, 'l'},
        {"words", required_argument, NULL, 'w'}, {"dict-dir", required_argument, NULL, 'D'},
        {"disable", required_argument, NULL, 'd'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *bind = "127.0.0.1", *lang = "en", *dict_dir = NULL;
    const char *words[MAX_LIST_ARGS], *disabled[MAX_LIST_ARGS];
    size_t word_count = 0, disabled_count = 0;
    unsigned long port = DEFAULT_PORT, threads = 2, max_bytes = DEFAULT_MAX_BYTES;
    double timeout = DEFAULT_TIMEOUT;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "p:j:l:w:h", longopts, NULL)) != -1) {
        bool ok = true;
        switch (opt) {
        case 'b': bind = optarg; break;
        case 'p': ok = parse_number(optarg, 65535, &port); break;
        case 'j': ok = parse_number(optarg, MAX_THREADS, &threads) && threads > 0; break;
        case 'm': ok = parse_number(optarg, 1ul << 30, &max_bytes) && max_bytes > 0; break;
        case 't': ok = parse_seconds(optarg, 3600, &timeout); break;
        case 'l': lang = optarg; break;
        case 'D': dict_dir = optarg; break;
        case 'w':
        case 'd':
            if ((opt == 'w' ? word_count : disabled_count) == MAX_LIST_ARGS) {
                fprintf(stderr, "tqc serve: at most %d --words and --disable options each\n",
                        MAX_LIST_ARGS);
                return EXIT_TROUBLE;
            }
            if (opt == 'd' && !tqc_pass_find(optarg)) {
                fprintf(stderr, "tqc serve: unknown rule '%s' (see 'tqc rules')\n", optarg);
                return EXIT_TROUBLE;
            }
            if (opt == 'w')
                words[word_count++] = optarg;
            else
                disabled[disabled_count++] = optarg;
            break;
        case 'h': tqc_cli_help_print("serve", stdout); return EXIT_DONE;
        default: fputs("Try 'tqc serve --help'.\n", stderr); return EXIT_TROUBLE;
        }
        if (!ok) {
            fprintf(stderr, "tqc serve: --%s: bad number '%s' (see tqc serve --help)\n",
                    opt == 'p' ? "port" : opt == 'j' ? "threads" : opt == 'm' ? "max-bytes"
                                                                         : "timeout", optarg);
            return EXIT_TROUBLE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "tqc serve: takes no files ('%s'); requests bring the text\n", argv[optind]);
        return EXIT_TROUBLE;
    }
    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    bool v6 = strchr(bind, ':') != NULL;
    struct sockaddr_in *a4 = (struct sockaddr_in *)&addr;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&addr;
    if (v6 ? inet_pton(AF_INET6, bind, &a6->sin6_addr) != 1
           : inet_pton(AF_INET, bind, &a4->sin_addr) != 1) {
        fprintf(stderr, "tqc serve: --bind takes an IP address, not '%s'\n", bind);
        return EXIT_TROUBLE;
    }
    if (v6) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)port);
    } else {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)port);
    }

    server s = {.max_bytes = max_bytes, .timeout = timeout};
    /* libmicrohttpd counts whole seconds, and counts the time a handler runs as idle: a
     * check is cut between passes, so it may overrun --timeout by a pass, and a
     * connection waiting on it must not be closed unanswered (curl saw status 000 under
     * load). IDLE_MARGIN still closes a client that sends nothing. */
    unsigned idle = (unsigned)timeout + ((double)(unsigned)timeout < timeout) + IDLE_MARGIN;
    pthread_mutex_init(&s.lock, NULL);
    char data_dir[PATH_MAX], err[1024];
    tqc_cli_data_dir(data_dir, sizeof data_dir);
    tqc_check_options co = {.data_dir = data_dir, .lang = lang,
                            .dict = {.dict_path = dict_dir, .word_files = words,
                                     .word_file_count = word_count},
                            .disabled = disabled, .disabled_count = disabled_count};
    int rc = EXIT_TROUBLE;
    struct MHD_Daemon *d = NULL;
    if (!load_microhttpd())
        goto out;
    if (tqc_checker_new(&co, &s.base, err, sizeof err) != TQC_OK) {
        fprintf(stderr, "tqc serve: %s\n", err);
        goto out;
    }
    if (!load_web(&s, data_dir))
        goto out;
    if (!(s.style = tqc_strdup(tqc_html_style()))) {
        fputs("tqc serve: out of memory\n", stderr);
        goto out;
    }
    /* SIGINT and SIGTERM are taken by sigwait below; the server's threads, started
     * after this, inherit the mask and never see them. */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ITC |
                     (v6 ? MHD_USE_IPv6 : 0);
    d = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, handle, &s,
                         MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                         MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
                         MHD_OPTION_CONNECTION_TIMEOUT, idle,
                         MHD_OPTION_CONNECTION_LIMIT, (unsigned)(threads * 64),
                         MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
                         MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "tqc serve: cannot listen on %s port %lu (in use, or not an address of "
                "this machine)\n", bind, port);
        goto out;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("tqc serve: listening on http://%s%s%s:%u/\n", v6 ? "[" : "", bind, v6 ? "]" : "",
           info ? (unsigned)info->port : (unsigned)port);
    fflush(stdout);
    int sig = 0;
    sigwait(&sigs, &sig);
    /* Stops accepting, gives the connections open up to --timeout to finish (idle
     * keep-alive ones are closed by then too), and joins the threads. */
    MHD_socket listener = MHD_quiesce_daemon(d);
    if (listener != MHD_INVALID_SOCKET)
        close(listener);
    for (unsigned long waited = 0; waited < idle * 10ul; waited++) {
        const union MHD_DaemonInfo *open =
            MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (!open || open->num_connections == 0)
            break;
        usleep(100 * 1000);
    }
    MHD_stop_daemon(d);
    printf("tqc serve: stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    rc = EXIT_DONE;
out:
    for (size_t i = 0; i < s.clone_count; i++)
        tqc_checker_free(s.clones[i]);
    tqc_checker_free(s.base);
    for (size_t i = 0; i < s.file_count; i++)
        free(s.files[i].body);
    free(s.style);
    pthread_mutex_destroy(&s.lock);
    return rc;
}
