/* config: parsing `.tqc.ini`, finding it, matching section globs and merging the
 * levels into a file's effective settings (see run/config.h for the format). */
#include "run/config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/io.h"
#include "pass/pass.h"
#include "run/suppress.h"

typedef enum key_kind {
    K_LANG, K_FAIL_ON, K_DICT_DIR, K_WORDS, K_DISABLE, K_ENABLE, K_SEVERITY
} key_kind;

/* One `key = value` line (with its continuation lines). */
typedef struct entry {
    key_kind kind;
    size_t line;
    char *key;              /* as written: `words.pt`, `severity.quotes` */
    const char *arg;        /* the part after the dot (points into key), or NULL */
    char *value;            /* lang */
    tqc_severity sev;       /* fail-on, severity.RULE */
    size_t rule;            /* severity.RULE */
    char **items;           /* words, dict-dir: absolute paths; disable, enable: rule ids */
    size_t item_count, item_cap;
} entry;

/* The top level (glob NULL) or one [glob] section. */
typedef struct scope {
    char *glob;
    size_t line;
    entry *entries;
    size_t count, cap;
} scope;

struct tqc_config {
    char *path;             /* absolute */
    char *dir;              /* absolute, the folder of path */
    scope *scopes;          /* scopes[0] is the top level */
    size_t count, cap;
};

/* ---- paths --------------------------------------------------------------------- */

bool tqc_config_abspath(const char *path, char *out, size_t cap)
{
    char buf[TQC_CONFIG_MAX_PATH * 2];
    size_t n = 0;
    if (path[0] != '/') {
        if (!getcwd(buf, TQC_CONFIG_MAX_PATH))
            return false;
        n = strlen(buf);
    }
    int w = snprintf(buf + n, sizeof buf - n, "/%s", path);
    if (w < 0 || (size_t)w >= sizeof buf - n)
        return false;
    /* Rebuild component by component: "", "." and ".." are resolved as text. */
    size_t len = 0;
    for (char *p = buf; *p;) {
        while (*p == '/')
            p++;
        size_t k = strcspn(p, "/");
        if (k == 0)
            break;
        if (k == 1 && p[0] == '.') {
            /* nothing */
        } else if (k == 2 && p[0] == '.' && p[1] == '.') {
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0)
                len--;
        } else {
            if (len + 1 + k + 1 > cap)
                return false;
            out[len++] = '/';
            memcpy(out + len, p, k);
            len += k;
        }
        p += k;
    }
    if (len == 0) {
        if (cap < 2)
            return false;
        out[len++] = '/';
    }
    out[len] = '\0';
    return true;
}

static bool path_exists(const char *dir, const char *name, bool *is_dir)
{
    char p[TQC_CONFIG_MAX_PATH + 16];
    int n = snprintf(p, sizeof p, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, name);
    struct stat st;
    if (n < 0 || (size_t)n >= sizeof p || stat(p, &st) != 0)
        return false;
    if (is_dir)
        *is_dir = S_ISDIR(st.st_mode);
    return true;
}

tqc_status tqc_config_find(const char *dir, char *out, size_t cap)
{
    char cur[TQC_CONFIG_MAX_PATH];
    if (!tqc_config_abspath(dir, cur, sizeof cur))
        return TQC_ELIMIT;
    for (;;) {
        bool is_dir = false;
        if (path_exists(cur, TQC_CONFIG_NAME, &is_dir) && !is_dir) {
            int n = snprintf(out, cap, "%s/%s", strcmp(cur, "/") == 0 ? "" : cur,
                             TQC_CONFIG_NAME);
            return n < 0 || (size_t)n >= cap ? TQC_ELIMIT : TQC_OK;
        }
        /* .git is a folder, or a file in worktrees and submodules: either marks the root. */
        if (path_exists(cur, ".git", NULL) || strcmp(cur, "/") == 0)
            return TQC_ENOTFOUND;
        char *slash = strrchr(cur, '/');
        if (slash == cur)
            cur[1] = '\0';
        else
            *slash = '\0';
    }
}

/* ---- globs --------------------------------------------------------------------- */

/* Where the bracket expression at p ('[') ends (at its ']'), or NULL when it does not. */
static const char *class_end(const char *p)
{
    const char *q = p + 1;
    if (*q == '!' || *q == '^')
        q++;
    if (*q == ']')
        q++;
    for (; *q && *q != ']'; q++)
        if (*q == '/')
            return NULL;
    return *q == ']' ? q : NULL;
}

/* Where the brace group at p ('{') ends (at its '}'), or NULL. */
static const char *brace_end(const char *p)
{
    int depth = 0;
    for (const char *q = p; *q; q++) {
        if (*q == '\\') {
            if (!*++q)
                return NULL;
        } else if (*q == '[') {
            const char *e = class_end(q);
            if (!e)
                return NULL;
            q = e;
        } else if (*q == '{') {
            depth++;
        } else if (*q == '}' && --depth == 0) {
            return q;
        }
    }
    return NULL;
}

const char *tqc_glob_check(const char *glob)
{
    if (!*glob)
        return "empty glob";
    if (strlen(glob) >= TQC_CONFIG_MAX_PATH)
        return "glob too long";
    for (const char *p = glob; *p; p++) {
        switch (*p) {
        case '\\':
            if (!p[1])
                return "'\\' at the end of the glob";
            p++;
            break;
        case '[':
            if (!(p = class_end(p)))
                return "'[' without ']'";
            break;
        case '{':
            if (!brace_end(p))
                return "'{' without '}'";
            break;
        case '}': {
            /* Only a '}' that closes an earlier '{' is allowed. */
            int depth = 0;
            for (const char *q = glob; q < p; q++) {
                if (*q == '\\' && q[1])
                    q++;
                else if (*q == '{')
                    depth++;
                else if (*q == '}')
                    depth--;
            }
            if (depth <= 0)
                return "'}' without '{'";
            break;
        }
        default:
            break;
        }
    }
    return NULL;
}

static size_t utf8_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return i;
    return n;
}

static bool class_has(const char *p, const char *end, unsigned char c)
{
    bool neg = *p == '!' || *p == '^';
    if (neg)
        p++;
    bool hit = false;
    for (const char *q = p; q < end; q++) {
        if (q + 2 < end && q[1] == '-') {
            hit |= c >= (unsigned char)q[0] && c <= (unsigned char)q[2];
            q += 2;
        } else {
            hit |= c == (unsigned char)*q;
        }
    }
    return hit != neg;
}

/* One glob (or one brace alternative of it) against one path. fail remembers each
 * (glob position, path position) already known not to match, so every pair is tried at
 * most once: time is bounded by the product of the two lengths, where trying every way
 * the stars could split the path was exponential (`*a*a*a*a*a*a*a*b` on a 60-letter
 * name took 25 s). Without the memory (out of memory) the answer is the same. */
typedef struct glob_ctx {
    const char *p0, *s0;
    size_t plen, slen;
    unsigned char *fail;    /* bit (p - p0) * (slen + 1) + (s - s0) */
} glob_ctx;

static bool glob_here(glob_ctx *c, const char *p, const char *s);

static bool glob_run(const char *p, const char *s, const char *s0)
{
    glob_ctx c = {p, s0, strlen(p), strlen(s0), NULL};
    size_t bits = (c.plen + 1) * (c.slen + 1);
    c.fail = tqc_calloc(bits / 8 + 1, 1);
    bool hit = glob_here(&c, p, s);
    free(c.fail);
    return hit;
}

/* p is at '{': tries each alternative followed by the rest of the glob. */
static bool glob_braces(glob_ctx *c, const char *p, const char *s)
{
    const char *end = brace_end(p);
    if (!end)
        return *s == '{' && glob_here(c, p + 1, s + 1);
    size_t rest = strlen(end + 1);
    char *buf = tqc_malloc((size_t)(end - p) + rest + 1);
    if (!buf)
        return false;
    bool hit = false;
    const char *alt = p + 1;
    while (!hit && alt <= end) {
        /* The alternative runs to the next ',' or '}' at this depth. */
        const char *q = alt;
        int depth = 0;
        for (; q < end; q++) {
            if (*q == '\\' && q + 1 < end)
                q++;
            else if (*q == '{')
                depth++;
            else if (*q == '}')
                depth--;
            else if (*q == ',' && depth == 0)
                break;
        }
        size_t n = (size_t)(q - alt);
        memcpy(buf, alt, n);
        memcpy(buf + n, end + 1, rest + 1);
        hit = glob_run(buf, s, c->s0);
        alt = q + 1;
    }
    free(buf);
    return hit;
}

static bool glob_match_here(glob_ctx *c, const char *p, const char *s);

static bool glob_here(glob_ctx *c, const char *p, const char *s)
{
    size_t bit = (size_t)(p - c->p0) * (c->slen + 1) + (size_t)(s - c->s0);
    if (c->fail && (c->fail[bit / 8] >> (bit % 8) & 1))
        return false;
    bool hit = glob_match_here(c, p, s);
    if (!hit && c->fail)
        c->fail[bit / 8] |= (unsigned char)(1u << (bit % 8));
    return hit;
}

static bool glob_match_here(glob_ctx *c, const char *p, const char *s)
{
    for (;;) {
        switch (*p) {
        case '\0':
            return *s == '\0';
        case '*':
            if (p[1] == '*') {
                const char *rest = p + 2;
                while (*rest == '*')
                    rest++;
                /* `**` + `/` may match no folder at all. */
                if (*rest == '/' && glob_here(c, rest + 1, s))
                    return true;
                for (const char *t = s;; t++) {
                    if (glob_here(c, rest, t))
                        return true;
                    if (!*t)
                        return false;
                }
            }
            for (const char *t = s;; t++) {
                if (glob_here(c, p + 1, t))
                    return true;
                if (!*t || *t == '/')
                    return false;
            }
        case '?':
            if (!*s || *s == '/')
                return false;
            s += utf8_len(s);
            p++;
            break;
        case '[': {
            const char *end = class_end(p);
            if (!end) {
                if (*s != '[')
                    return false;
                s++;
                p++;
                break;
            }
            if (!*s || *s == '/' || !class_has(p + 1, end, (unsigned char)*s))
                return false;
            s++;
            p = end + 1;
            break;
        }
        case '{':
            return glob_braces(c, p, s);
        case '\\':
            if (p[1])
                p++;
            /* fall through */
        default:
            if (*p != *s)
                return false;
            p++;
            s++;
            break;
        }
    }
}

bool tqc_glob_match(const char *glob, const char *path)
{
    /* A glob without a slash names files in any folder, as in .editorconfig. */
    bool anchored = false;
    for (const char *p = glob; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        else if (*p == '/')
            anchored = true;
    }
    if (!anchored) {
        const char *base = strrchr(path, '/');
        return glob_run(glob, base ? base + 1 : path, base ? base + 1 : path);
    }
    while (*glob == '/')
        glob++;
    return glob_run(glob, path, path);
}

/* ---- rules --------------------------------------------------------------------- */

size_t tqc_config_rule_count(void) { return tqc_pass_count + 1; }

const char *tqc_config_rule_id(size_t i)
{
    return i < tqc_pass_count ? tqc_passes[i]->id : TQC_SUPPRESS_RULE;
}

tqc_severity tqc_config_rule_default(size_t i)
{
    return i < tqc_pass_count ? tqc_passes[i]->severity : TQC_SEV_INFO;
}

size_t tqc_config_rule_index(const char *id)
{
    for (size_t i = 0; i < tqc_config_rule_count(); i++)
        if (strcmp(tqc_config_rule_id(i), id) == 0)
            return i;
    return SIZE_MAX;
}

/* ---- parsing ------------------------------------------------------------------- */

typedef struct parser {
    tqc_config *cfg;
    const char *name;       /* the path as given, for messages */
    size_t line;
    char *err;
    size_t errlen;
    entry *list;            /* the list entry continuation lines extend, or NULL */
} parser;

static tqc_status fail(parser *ps, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static tqc_status fail(parser *ps, const char *fmt, ...)
{
    int n = snprintf(ps->err, ps->errlen, "%s:%zu: ", ps->name, ps->line);
    if (n >= 0 && (size_t)n < ps->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ps->err + n, ps->errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return TQC_EINPUT;
}

static void trim(const char **s, size_t *n)
{
    while (*n && isspace((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

/* A value ends at a '#' or ';' that follows white space (so `a#b` keeps its '#'). */
static size_t strip_comment(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((s[i] == '#' || s[i] == ';') && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t'))
            return i;
    return n;
}

static bool lang_code_ok(const char *s)
{
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    if (n < 2 || n > 3)
        return false;
    while (s[n] == '-' || s[n] == '_') {
        size_t k = 0;
        while (isalnum((unsigned char)s[n + 1 + k]))
            k++;
        if (k == 0 || k > 8)
            return false;
        n += 1 + k;
    }
    return s[n] == '\0';
}

static scope *add_scope(tqc_config *cfg, char *glob, size_t line)
{
    if (cfg->count == cfg->cap) {
        size_t cap = cfg->cap ? cfg->cap * 2 : 4;
        scope *s = tqc_realloc(cfg->scopes, cap * sizeof *s);
        if (!s)
            return NULL;
        cfg->scopes = s;
        cfg->cap = cap;
    }
    scope *sc = &cfg->scopes[cfg->count++];
    *sc = (scope){.glob = glob, .line = line};
    return sc;
}

static entry *add_entry(scope *sc)
{
    if (sc->count == sc->cap) {
        size_t cap = sc->cap ? sc->cap * 2 : 8;
        entry *e = tqc_realloc(sc->entries, cap * sizeof *e);
        if (!e)
            return NULL;
        sc->entries = e;
        sc->cap = cap;
    }
    entry *e = &sc->entries[sc->count++];
    memset(e, 0, sizeof *e);
    return e;
}

static bool add_item(entry *e, char *item)
{
    if (!item)
        return false;
    if (e->item_count == e->item_cap) {
        size_t cap = e->item_cap ? e->item_cap * 2 : 4;
        char **items = tqc_realloc(e->items, cap * sizeof *items);
        if (!items) {
            free(item);
            return false;
        }
        e->items = items;
        e->item_cap = cap;
    }
    e->items[e->item_count++] = item;
    return true;
}

/* Adds the comma-separated items of value[0, n) to list entry e, checking each. */
static tqc_status add_items(parser *ps, entry *e, const char *value, size_t n)
{
    while (n > 0) {
        size_t k = 0;
        while (k < n && value[k] != ',')
            k++;
        const char *item = value;
        size_t len = k;
        trim(&item, &len);
        value += k < n ? k + 1 : k;
        n -= k < n ? k + 1 : k;
        if (len == 0)
            continue;
        char *s = tqc_strndup(item, len);
        if (!s)
            return TQC_ENOMEM;
        if (e->kind == K_DISABLE || e->kind == K_ENABLE) {
            if (strcmp(s, "all") != 0 && tqc_config_rule_index(s) == SIZE_MAX) {
                tqc_status st = fail(ps, "unknown rule '%s' in %s (see 'tqc rules')", s, e->key);
                free(s);
                return st;
            }
            if (!add_item(e, s))
                return TQC_ENOMEM;
            continue;
        }
        /* words and dict-dir: paths relative to the config's folder. */
        char joined[TQC_CONFIG_MAX_PATH * 2], abs[TQC_CONFIG_MAX_PATH];
        int w = s[0] == '/' ? snprintf(joined, sizeof joined, "%s", s)
                            : snprintf(joined, sizeof joined, "%s/%s", ps->cfg->dir, s);
        if (w < 0 || (size_t)w >= sizeof joined || !tqc_config_abspath(joined, abs, sizeof abs)) {
            free(s);
            return fail(ps, "path too long in %s", e->key);
        }
        struct stat st;
        bool want_dir = e->kind == K_DICT_DIR;
        if (stat(abs, &st) != 0 || access(abs, R_OK) != 0) {
            tqc_status r = fail(ps, "%s: cannot read '%s': %s", e->key, s, strerror(errno));
            free(s);
            return r;
        }
        if (want_dir != (bool)S_ISDIR(st.st_mode)) {
            tqc_status r = fail(ps, "%s: '%s' is %s", e->key, s,
                                want_dir ? "not a folder" : "a folder, not a word list");
            free(s);
            return r;
        }
        free(s);
        if (!add_item(e, tqc_strndup(abs, strlen(abs))))
            return TQC_ENOMEM;
    }
    return TQC_OK;
}

static bool is_list(key_kind k)
{
    return k == K_WORDS || k == K_DISABLE || k == K_ENABLE || k == K_DICT_DIR;
}

/* Which key `key` is; arg gets the part after a dot. false when unknown. */
static bool key_lookup(const char *key, key_kind *kind, const char **arg)
{
    static const struct {
        const char *name;
        key_kind kind;
        bool dotted;
    } keys[] = {
        {"lang", K_LANG, false},         {"fail-on", K_FAIL_ON, false},
        {"dict-dir", K_DICT_DIR, false}, {"words", K_WORDS, false},
        {"words", K_WORDS, true},        {"disable", K_DISABLE, false},
        {"enable", K_ENABLE, false},     {"severity", K_SEVERITY, true},
    };
    const char *dot = strchr(key, '.');
    size_t n = dot ? (size_t)(dot - key) : strlen(key);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strlen(keys[i].name) == n && strncmp(key, keys[i].name, n) == 0 &&
            keys[i].dotted == (dot != NULL)) {
            *kind = keys[i].kind;
            *arg = dot ? dot + 1 : NULL;
            return true;
        }
    return false;
}

static tqc_status parse_assignment(parser *ps, scope *sc, const char *key, size_t klen,
                                   const char *value, size_t vlen)
{
    char *k = tqc_strndup(key, klen);
    if (!k)
        return TQC_ENOMEM;
    key_kind kind;
    const char *arg;
    if (!key_lookup(k, &kind, &arg)) {
        tqc_status st = fail(ps, "unknown key '%s' (lang, fail-on, dict-dir, words, words.LANG, "
                             "disable, enable, severity.RULE)", k);
        free(k);
        return st;
    }
    entry *e = add_entry(sc);
    if (!e) {
        free(k);
        return TQC_ENOMEM;
    }
    e->kind = kind;
    e->line = ps->line;
    e->key = k;
    e->arg = arg;
    e->rule = SIZE_MAX;
    ps->list = NULL;
    /* A scalar, or severity for one rule, may be set once per level. */
    for (size_t i = 0; !is_list(kind) && i + 1 < sc->count; i++)
        if (strcmp(sc->entries[i].key, k) == 0)
            return fail(ps, "duplicate key '%s' (first set on line %zu)", k, sc->entries[i].line);
    if (kind == K_WORDS && arg && !lang_code_ok(arg))
        return fail(ps, "'%s': '%s' is not a language code (en, pt, pt-BR...)", k, arg);
    if (kind == K_SEVERITY && (e->rule = tqc_config_rule_index(arg)) == SIZE_MAX)
        return fail(ps, "unknown rule '%s' in %s (see 'tqc rules')", arg, k);
    if (is_list(kind)) {
        ps->list = e;
        return add_items(ps, e, value, vlen);
    }
    char *v = tqc_strndup(value, vlen);
    if (!v)
        return TQC_ENOMEM;
    e->value = v;
    switch (kind) {
    case K_LANG:
        if (!lang_code_ok(v))
            return fail(ps, "lang: '%s' is not a language code (en, pt, pt-BR...)", v);
        break;
    case K_FAIL_ON:
    case K_SEVERITY:
        if (!tqc_severity_parse(v, &e->sev))
            return fail(ps, "%s takes error, warning or info, not '%s'", k, v);
        break;
    default:
        break;
    }
    return TQC_OK;
}

static tqc_status parse_line(parser *ps, const char *s, size_t n)
{
    bool indented = n > 0 && (s[0] == ' ' || s[0] == '\t');
    trim(&s, &n);
    if (n == 0 || s[0] == '#' || s[0] == ';')
        return TQC_OK;
    tqc_config *cfg = ps->cfg;
    if (s[0] == '[') {
        if (s[n - 1] != ']')
            return fail(ps, "section header without ']'");
        const char *g = s + 1;
        size_t gl = n - 2;
        trim(&g, &gl);
        char *glob = tqc_strndup(g, gl);
        if (!glob)
            return TQC_ENOMEM;
        const char *bad = tqc_glob_check(glob);
        if (bad) {
            tqc_status st = fail(ps, "bad glob '%s': %s", glob, bad);
            free(glob);
            return st;
        }
        if (!add_scope(cfg, glob, ps->line)) {
            free(glob);
            return TQC_ENOMEM;
        }
        ps->list = NULL;
        return TQC_OK;
    }
    n = strip_comment(s, n);
    trim(&s, &n);
    const char *eq = memchr(s, '=', n);
    /* An indented line after a list key continues it, unless it is a key of its own. */
    if (indented && ps->list) {
        key_kind kind;
        const char *arg;
        char key[64];
        size_t kl = eq ? (size_t)(eq - s) : 0;
        while (kl && isspace((unsigned char)s[kl - 1]))
            kl--;
        bool own = false;
        if (eq && kl < sizeof key) {
            memcpy(key, s, kl);
            key[kl] = '\0';
            own = key_lookup(key, &kind, &arg);
        }
        if (!own)
            return add_items(ps, ps->list, s, n);
    }
    if (!eq)
        return fail(ps, "expected 'key = value' or '[glob]'");
    const char *key = s, *value = eq + 1;
    size_t klen = (size_t)(eq - s), vlen = n - klen - 1;
    trim(&key, &klen);
    trim(&value, &vlen);
    if (klen == 0)
        return fail(ps, "missing key before '='");
    return parse_assignment(ps, &cfg->scopes[cfg->count - 1], key, klen, value, vlen);
}

tqc_status tqc_config_parse(const char *path, const char *text, size_t len, tqc_config **out,
                            char *err, size_t errlen)
{
    *out = NULL;
    err[0] = '\0';
    tqc_config *cfg = tqc_calloc(1, sizeof *cfg);
    if (!cfg)
        return TQC_ENOMEM;
    char abs[TQC_CONFIG_MAX_PATH];
    if (!tqc_config_abspath(path, abs, sizeof abs)) {
        free(cfg);
        snprintf(err, errlen, "%s: path too long", path);
        return TQC_ELIMIT;
    }
    cfg->path = tqc_strndup(abs, strlen(abs));
    char *slash = strrchr(abs, '/');
    cfg->dir = slash == abs ? tqc_strndup("/", 1) : tqc_strndup(abs, (size_t)(slash - abs));
    tqc_status st = cfg->path && cfg->dir && add_scope(cfg, NULL, 0) ? TQC_OK : TQC_ENOMEM;
    parser ps = {.cfg = cfg, .name = path, .err = err, .errlen = errlen};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    for (size_t i = 0; st == TQC_OK && i < len;) {
        size_t k = i;
        while (k < len && text[k] != '\n')
            k++;
        ps.line++;
        if (memchr(text + i, '\0', k - i))
            st = fail(&ps, "NUL byte (not a text file)");
        else
            st = parse_line(&ps, text + i, k - i);
        i = k + 1;
    }
    if (st == TQC_ENOMEM)
        snprintf(err, errlen, "%s: out of memory", path);
    if (st != TQC_OK) {
        tqc_config_free(cfg);
        return st;
    }
    *out = cfg;
    return TQC_OK;
}

static tqc_status parse_config(const char *path, const char *text, size_t len, void *out,
                               char *err, size_t errlen)
{
    return tqc_config_parse(path, text, len, out, err, errlen);
}

tqc_status tqc_config_load(const char *path, tqc_config **out, char *err, size_t errlen)
{
    *out = NULL;
    return tqc_io_parse_file(path, TQC_CONFIG_MAX_BYTES, "config", parse_config, out, err,
                             errlen);
}

void tqc_config_free(tqc_config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < cfg->count; i++) {
        scope *sc = &cfg->scopes[i];
        for (size_t j = 0; j < sc->count; j++) {
            entry *e = &sc->entries[j];
            for (size_t k = 0; k < e->item_count; k++)
                free(e->items[k]);
            free(e->items);
            free(e->key);
            free(e->value);
        }
        free(sc->entries);
        free(sc->glob);
    }
    free(cfg->scopes);
    free(cfg->path);
    free(cfg->dir);
    free(cfg);
}

const char *tqc_config_path(const tqc_config *cfg) { return cfg->path; }
const char *tqc_config_dir(const tqc_config *cfg) { return cfg->dir; }

/* ---- resolving ----------------------------------------------------------------- */

/* true when a `words.LANG` list applies to a file checked as lang: the same code, or
 * LANG is the base of lang (`words.pt` for pt-BR). '_' and '-' are the same. */
static bool lang_applies(const char *list_lang, const char *lang)
{
    size_t i = 0;
    for (; list_lang[i] && lang[i]; i++) {
        char a = list_lang[i] == '_' ? '-' : (char)tolower((unsigned char)list_lang[i]);
        char b = lang[i] == '_' ? '-' : (char)tolower((unsigned char)lang[i]);
        if (a != b)
            return false;
    }
    return list_lang[i] == '\0' && (lang[i] == '\0' || lang[i] == '-' || lang[i] == '_');
}

static bool scope_matches(const tqc_config *cfg, const scope *sc, const char *abs)
{
    if (!sc->glob)
        return true;
    if (!abs)
        return false;
    size_t n = strlen(cfg->dir);
    const char *rel = NULL;
    if (strcmp(cfg->dir, "/") == 0)
        rel = abs + 1;
    else if (strncmp(abs, cfg->dir, n) == 0 && abs[n] == '/')
        rel = abs + n + 1;
    if (rel)
        return tqc_glob_match(sc->glob, rel);
    /* A file outside the config's folder: only globs on the file name can match it. */
    return !strchr(sc->glob, '/') && tqc_glob_match(sc->glob, abs);
}

static tqc_origin from_entry(const tqc_config *cfg, const scope *sc, const entry *e)
{
    return (tqc_origin){TQC_FROM_CONFIG, cfg->path, e->line, sc->glob};
}

static bool add_word(tqc_settings *s, size_t *cap, const char *path, const char *key,
                     tqc_origin from)
{
    if (s->word_count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        tqc_word_setting *w = tqc_realloc(s->words, ncap * sizeof *w);
        if (!w)
            return false;
        s->words = w;
        *cap = ncap;
    }
    s->words[s->word_count++] = (tqc_word_setting){path, key, from};
    return true;
}

static void set_enabled(tqc_settings *s, const char *id, bool on, tqc_origin from)
{
    for (size_t r = 0; r < s->rule_count; r++)
        if (strcmp(id, "all") == 0 || strcmp(id, s->rules[r].id) == 0) {
            s->rules[r].enabled = on;
            s->rules[r].enabled_from = from;
        }
}

tqc_status tqc_settings_resolve(const tqc_config *cfg, const char *path,
                                const tqc_config_overrides *cli, tqc_settings **out)
{
    *out = NULL;
    tqc_settings *s = tqc_calloc(1, sizeof *s);
    if (!s)
        return TQC_ENOMEM;
    s->config = cfg;
    s->rule_count = tqc_config_rule_count();
    s->rules = tqc_calloc(s->rule_count, sizeof *s->rules);
    if (!s->rules) {
        tqc_settings_free(s);
        return TQC_ENOMEM;
    }
    const tqc_origin dflt = {TQC_FROM_DEFAULT, NULL, 0, NULL}, from_cli = {TQC_FROM_CLI, NULL, 0, NULL};
    s->lang = "en";
    s->fail_on = TQC_SEV_WARNING;
    s->lang_from = s->fail_on_from = s->dict_dir_from = dflt;
    for (size_t r = 0; r < s->rule_count; r++)
        s->rules[r] = (tqc_rule_setting){tqc_config_rule_id(r), true, dflt,
                                         tqc_config_rule_default(r), false, dflt};
    char abs[TQC_CONFIG_MAX_PATH];
    const char *file = path && tqc_config_abspath(path, abs, sizeof abs) ? abs : NULL;
    const entry *dict = NULL;
    tqc_origin dict_from = dflt;
    for (size_t i = 0; cfg && i < cfg->count; i++) {
        const scope *sc = &cfg->scopes[i];
        if (!scope_matches(cfg, sc, file))
            continue;
        for (size_t j = 0; j < sc->count; j++) {
            const entry *e = &sc->entries[j];
            tqc_origin from = from_entry(cfg, sc, e);
            switch (e->kind) {
            case K_LANG: s->lang = e->value; s->lang_from = from; break;
            case K_FAIL_ON: s->fail_on = e->sev; s->fail_on_from = from; break;
            case K_DICT_DIR: dict = e; dict_from = from; break;
            case K_SEVERITY:
                s->rules[e->rule].severity = e->sev;
                s->rules[e->rule].severity_set = true;
                s->rules[e->rule].severity_from = from;
                break;
            case K_DISABLE:
            case K_ENABLE:
                for (size_t k = 0; k < e->item_count; k++)
                    set_enabled(s, e->items[k], e->kind == K_ENABLE, from);
                break;
            case K_WORDS: break; /* below, once the language is known */
            }
        }
    }
    if (cli && cli->lang) {
        s->lang = cli->lang;
        s->lang_from = from_cli;
    }
    if (cli && cli->fail_on_set) {
        s->fail_on = cli->fail_on;
        s->fail_on_from = from_cli;
    }
    for (size_t i = 0; cli && i < cli->disabled_count; i++)
        set_enabled(s, cli->disabled[i], false, from_cli);
    if (cli && cli->dict_dir) {
        s->dict_dir = cli->dict_dir;
        s->dict_dir_from = from_cli;
    } else if (dict) {
        size_t n = 0;
        for (size_t k = 0; k < dict->item_count; k++)
            n += strlen(dict->items[k]) + 1;
        if (!(s->dict_buf = tqc_malloc(n + 1))) {
            tqc_settings_free(s);
            return TQC_ENOMEM;
        }
        s->dict_buf[0] = '\0';
        for (size_t k = 0, at = 0; k < dict->item_count; k++) {
            size_t len = strlen(dict->items[k]);
            if (k)
                s->dict_buf[at++] = ':';
            memcpy(s->dict_buf + at, dict->items[k], len + 1);
            at += len;
        }
        s->dict_dir = s->dict_buf;
        s->dict_dir_from = dict_from;
    }
    size_t cap = 0;
    for (size_t i = 0; cfg && i < cfg->count; i++) {
        const scope *sc = &cfg->scopes[i];
        if (!scope_matches(cfg, sc, file))
            continue;
        for (size_t j = 0; j < sc->count; j++) {
            const entry *e = &sc->entries[j];
            if (e->kind != K_WORDS || (e->arg && !lang_applies(e->arg, s->lang)))
                continue;
            for (size_t k = 0; k < e->item_count; k++)
                if (!add_word(s, &cap, e->items[k], e->key, from_entry(cfg, sc, e))) {
                    tqc_settings_free(s);
                    return TQC_ENOMEM;
                }
        }
    }
    for (size_t i = 0; cli && i < cli->word_count; i++)
        if (!add_word(s, &cap, cli->words[i], "--words", from_cli)) {
            tqc_settings_free(s);
            return TQC_ENOMEM;
        }
    *out = s;
    return TQC_OK;
}

void tqc_settings_free(tqc_settings *s)
{
    if (!s)
        return;
    free(s->words);
    free(s->rules);
    free(s->dict_buf);
    free(s);
}

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

bool tqc_settings_same_checker(const tqc_settings *a, const tqc_settings *b)
{
    if (strcasecmp(a->lang, b->lang) != 0 || !same_str(a->dict_dir, b->dict_dir) ||
        a->word_count != b->word_count || a->rule_count != b->rule_count)
        return false;
    for (size_t i = 0; i < a->word_count; i++)
        if (strcmp(a->words[i].path, b->words[i].path) != 0)
            return false;
    for (size_t r = 0; r < a->rule_count; r++)
        if (a->rules[r].enabled != b->rules[r].enabled ||
            a->rules[r].severity != b->rules[r].severity)
            return false;
    return true;
}

const tqc_rule_setting *tqc_settings_rule(const tqc_settings *s, const char *id)
{
    for (size_t r = 0; r < s->rule_count; r++)
        if (strcmp(s->rules[r].id, id) == 0)
            return &s->rules[r];
    return NULL;
}
