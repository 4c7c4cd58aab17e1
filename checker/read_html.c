/* read_html: an HTML page as one doc holding the text of its article body, read as a
 * browser shows it.
 *
 * libxml2's HTML parser (recover mode, no network, quiet) reads the page through SAX
 * into a flat list of events. The body is then chosen: the element marked
 * itemprop=articleBody, else the `article`, else `main` (the one with most text when
 * there are several), else the element with most text in its `p` children, else the
 * whole `body`. Its text is laid out as a browser would: script, style, noscript,
 * template, comments and the chrome elements (nav, footer, aside, form, ...) are dropped;
 * block elements end paragraphs (a blank line), `br` ends a line; runs of white space
 * collapse to one space and vanish at block edges (except in `pre`); inline elements add
 * nothing, but where they begin and end is recorded (doc->inlines). Chrome that leaked
 * into the body's copy (a "Follow our live blog" line, a caption, a related headline)
 * stays in the text, so the passes report it as they do in plain text.
 * Every run of text maps back to the page's bytes (doc->map): 1:1 where the text is the
 * page's own bytes, else to the entity or white space it came from. */
#include "input_priv.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What an element does to the text. */
enum {
    EL_INLINE = 0,  /* adds nothing; its boundaries are recorded when it is a text element */
    EL_BLOCK,       /* ends a paragraph before and after */
    EL_BREAK,       /* br: ends a line */
    EL_DROP,        /* its whole content is not copy */
    EL_VOID         /* img, input...: no content, no boundary */
};

/* Elements whose content is never article text: code, styling, navigation and page
 * chrome, form controls, embedded media. */
static const char *const dropped[] = {
    "script", "style", "noscript", "template", "head", "title", "nav", "footer", "aside",
    "form", "button", "select", "textarea", "option", "iframe", "object", "embed", "svg",
    "math", "canvas", "video", "audio", "map", "dialog", "menu", "frameset", "noframes",
};
static const char *const blocks[] = {
    "html", "body", "address", "article", "blockquote", "center", "dd", "details", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "ul", "legend",
    "listing", "plaintext", "xmp",
};
static const char *const voids[] = {
    "img", "wbr", "input", "meta", "link", "base", "col", "area", "param", "source",
    "track", "keygen", "image",
};

static bool in_list(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(name, list[i]) == 0)
            return true;
    return false;
}

#define IN(name, list) in_list(name, list, sizeof list / sizeof list[0])

static int classify(const char *name)
{
    if (strcmp(name, "br") == 0)
        return EL_BREAK;
    if (IN(name, dropped))
        return EL_DROP;
    if (IN(name, blocks))
        return EL_BLOCK;
    if (IN(name, voids))
        return EL_VOID;
    return EL_INLINE;
}

/* Where an element ranks as the article body. */
enum { BODY_NONE = 0, BODY_MAIN, BODY_ARTICLE, BODY_ITEMPROP };

typedef struct node {
    char *name;
    size_t parent;          /* SIZE_MAX for a top element */
    size_t open_ev, close_ev;
    size_t text;            /* text bytes in its subtree, dropped elements excluded */
    size_t p_text;          /* text bytes in its `p` children */
    int kind;               /* EL_* */
    int rank;               /* BODY_* */
    bool is_p;
} node;

enum { EV_OPEN, EV_CLOSE, EV_TEXT };

typedef struct event {
    int type;
    size_t node;            /* EV_OPEN, EV_CLOSE */
    size_t pool, len;       /* EV_TEXT: bytes in the text pool */
    size_t src;             /* file offset: where the text begins, or just after the tag */
    bool exact;             /* EV_TEXT: the bytes are the file's, 1:1 */
} event;

typedef struct html {
    tqc_input *in;
    htmlParserCtxtPtr ctxt;
    const char *src;
    size_t src_len;
    node *nodes;
    size_t node_count, node_cap;
    event *events;
    size_t event_count, event_cap;
    char *pool;
    size_t pool_len, pool_cap;
    size_t *stack;          /* open nodes */
    size_t depth, stack_cap;
    size_t drop_depth;      /* open dropped elements */
    size_t last_end;        /* file offset just past the previous event */
    tqc_status st;
    char msg[256];
    size_t msg_line;
    bool done;
} html;

static bool grow(void **arr, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 64;
    if (ncap > SIZE_MAX / size)
        return false;
    void *p = realloc(*arr, ncap * size);
    if (!p)
        return false;
    *arr = p;
    *cap = ncap;
    return true;
}

static void stop(html *h, tqc_status st, const char *msg)
{
    if (h->st == TQC_OK) {
        h->st = st;
        snprintf(h->msg, sizeof h->msg, "%s", msg);
        h->msg_line = (size_t)xmlSAX2GetLineNumber(h->ctxt);
    }
    xmlStopParser(h->ctxt);
}

static size_t position(html *h)
{
    long pos = xmlByteConsumed(h->ctxt);
    if (pos < 0)
        return h->last_end;
    return (size_t)pos > h->src_len ? h->src_len : (size_t)pos;
}

static bool add_event(html *h, event ev)
{
    if (!grow((void **)&h->events, &h->event_cap, h->event_count, sizeof *h->events)) {
        stop(h, TQC_ENOMEM, "out of memory");
        return false;
    }
    h->events[h->event_count++] = ev;
    return true;
}

static bool has_token(const char *list, const char *token)
{
    size_t n = strlen(token);
    for (const char *p = list; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *e = p;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n')
            e++;
        if ((size_t)(e - p) == n && strncasecmp(p, token, n) == 0)
            return true;
        p = e;
    }
    return false;
}

static void on_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
    html *h = ((htmlParserCtxtPtr)ctx)->_private;
    if (h->st != TQC_OK)
        return;
    if (h->depth >= TQC_INPUT_MAX_DEPTH) {
        char msg[128];
        snprintf(msg, sizeof msg, "elements nested deeper than %d: refused",
                 TQC_INPUT_MAX_DEPTH);
        stop(h, TQC_ELIMIT, msg);
        return;
    }
    const char *name = (const char *)xname;
    if (!grow((void **)&h->nodes, &h->node_cap, h->node_count, sizeof *h->nodes)) {
        stop(h, TQC_ENOMEM, "out of memory");
        return;
    }
    size_t n = strlen(name) + 1;
    char *copy = malloc(n);
    if (!copy) {
        stop(h, TQC_ENOMEM, "out of memory");
        return;
    }
    memcpy(copy, name, n);
    node *nd = &h->nodes[h->node_count];
    *nd = (node){.name = copy, .parent = h->depth ? h->stack[h->depth - 1] : SIZE_MAX,
                 .open_ev = h->event_count, .close_ev = SIZE_MAX, .kind = classify(name),
                 .is_p = strcmp(name, "p") == 0};
    if (strcmp(name, "article") == 0)
        nd->rank = BODY_ARTICLE;
    else if (strcmp(name, "main") == 0)
        nd->rank = BODY_MAIN;
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (atts[i + 1] && strcasecmp((const char *)atts[i], "itemprop") == 0 &&
            has_token((const char *)atts[i + 1], "articleBody"))
            nd->rank = BODY_ITEMPROP;
    size_t idx = h->node_count++;
    size_t at = position(h);
    if (!add_event(h, (event){.type = EV_OPEN, .node = idx, .src = at}))
        return;
    h->last_end = at;
    if (nd->kind == EL_DROP)
        h->drop_depth++;
    if (nd->kind == EL_VOID || nd->kind == EL_BREAK) {
        /* Void elements have no end tag; close them now so the stack stays honest. */
        h->nodes[idx].close_ev = h->event_count;
        add_event(h, (event){.type = EV_CLOSE, .node = idx, .src = at});
        return;
    }
    if (!grow((void **)&h->stack, &h->stack_cap, h->depth, sizeof *h->stack)) {
        stop(h, TQC_ENOMEM, "out of memory");
        return;
    }
    h->stack[h->depth++] = idx;
}

static void on_end(void *ctx, const xmlChar *xname)
{
    html *h = ((htmlParserCtxtPtr)ctx)->_private;
    if (h->st != TQC_OK || h->depth == 0)
        return;
    const char *name = (const char *)xname;
    /* The parser closes elements in order; a name that does not match the top is a void
     * element's stray end tag (closed already) and is ignored. */
    size_t top = h->stack[h->depth - 1];
    if (strcmp(h->nodes[top].name, name) != 0)
        return;
    h->depth--;
    node *nd = &h->nodes[top];
    if (nd->kind == EL_DROP)
        h->drop_depth--;
    size_t at = position(h);
    nd->close_ev = h->event_count;
    if (!add_event(h, (event){.type = EV_CLOSE, .node = top, .src = at}))
        return;
    h->last_end = at;
    if (nd->parent != SIZE_MAX) {
        node *parent = &h->nodes[nd->parent];
        if (nd->kind != EL_DROP)
            parent->text += nd->text;
        if (nd->is_p)
            parent->p_text += nd->text;
    }
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
    html *h = ((htmlParserCtxtPtr)ctx)->_private;
    if (h->st != TQC_OK || len <= 0 || h->drop_depth)
        return;
    size_t n = (size_t)len;
    if (h->pool_len + n > TQC_INPUT_MAX_BYTES) {
        stop(h, TQC_ELIMIT, "text larger than the input limit");
        return;
    }
    while (h->pool_cap - h->pool_len < n) {
        size_t ncap = h->pool_cap ? h->pool_cap * 2 : 65536;
        char *p = realloc(h->pool, ncap);
        if (!p) {
            stop(h, TQC_ENOMEM, "out of memory");
            return;
        }
        h->pool = p;
        h->pool_cap = ncap;
    }
    memcpy(h->pool + h->pool_len, ch, n);
    /* The parser reports text either when it has read past it or before it moves on:
     * try both, and take the text as the page's own bytes only when they match. */
    size_t at = position(h), start = h->last_end;
    bool exact = false;
    if (at >= n && at - n >= h->last_end && memcmp(h->src + at - n, ch, n) == 0) {
        start = at - n;
        exact = true;
    } else if (at >= h->last_end && at + n <= h->src_len && memcmp(h->src + at, ch, n) == 0) {
        start = at;
        exact = true;
    }
    if (!add_event(h, (event){.type = EV_TEXT, .pool = h->pool_len, .len = n, .src = start,
                              .exact = exact}))
        return;
    h->pool_len += n;
    h->last_end = exact ? start + n : (at > h->last_end ? at : h->last_end);
    if (h->depth)
        h->nodes[h->stack[h->depth - 1]].text += n;
}

/* Errors are recovered from; this only keeps libxml2 from printing them. */
static void on_error(void *ctx, xmlErrorPtr error)
{
    (void)ctx;
    (void)error;
}

/* ---- choosing the body ---- */

static size_t choose_body(const html *h)
{
    size_t best = SIZE_MAX;
    for (int rank = BODY_ITEMPROP; rank >= BODY_MAIN && best == SIZE_MAX; rank--)
        for (size_t i = 0; i < h->node_count; i++)
            if (h->nodes[i].rank == rank && h->nodes[i].text > 0 &&
                (best == SIZE_MAX || h->nodes[i].text > h->nodes[best].text))
                best = i;
    if (best != SIZE_MAX)
        return best;
    for (size_t i = 0; i < h->node_count; i++)
        if (h->nodes[i].p_text > 0 && h->nodes[i].kind != EL_DROP &&
            (best == SIZE_MAX || h->nodes[i].p_text > h->nodes[best].p_text))
            best = i;
    if (best != SIZE_MAX)
        return best;
    for (size_t i = 0; i < h->node_count; i++)
        if (strcmp(h->nodes[i].name, "body") == 0)
            return i;
    return SIZE_MAX;   /* the whole page */
}

/* ---- laying out the text ---- */

typedef struct layout {
    const html *h;
    tqc_tb tb;
    tqc_srcpos cursor;      /* a known position, moved forward as the text goes */
    int brk;                /* pending break: 0 none, 1 line, 2 paragraph */
    bool space;             /* pending space */
    tqc_srcpos space_at;    /* where that white space began */
    bool space_exact;       /* it was one ' ' of the page: the space maps 1:1, so a fix
                               across it (`the the`) can edit the page */
    size_t pre;             /* open `pre` elements */
    size_t opens_from;      /* inline opens recorded while a space or break was pending
                               (tb.inl[opens_from...]): they belong after it */
} layout;

/* The position of file offset off (moves the cursor; restarts when asked to go back). */
static tqc_srcpos pos_at(layout *l, size_t off)
{
    if (off < l->cursor.off)
        l->cursor = (tqc_srcpos){0, 0, 0, 0};
    tqc_srcpos_advance(&l->cursor, l->h->src + l->cursor.off, off - l->cursor.off);
    return l->cursor;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Emits what is pending before text that begins at at. */
static void flush(layout *l, tqc_srcpos at)
{
    size_t before = l->tb.len;
    if (l->tb.len == 0) {
        l->brk = 0;
        l->space = false;
    } else if (l->brk) {
        tqc_tb_append(&l->tb, "\n\n", (size_t)l->brk, at, false);
        l->brk = 0;
        l->space = false;
    } else if (l->space) {
        if (tqc_tb_last(&l->tb) != '\n')
            tqc_tb_append(&l->tb, " ", 1, l->space_at, l->space_exact);
        l->space = false;
    }
    /* An element opened before the space or break begins after it. */
    for (size_t i = l->opens_from; i < l->tb.inl_count; i++)
        if (l->tb.inl[i].kind == TQC_INLINE_OPEN && l->tb.inl[i].offset == before)
            l->tb.inl[i].offset = l->tb.len;
    l->opens_from = l->tb.inl_count;
}

static void request_break(layout *l, int level)
{
    if (level > l->brk)
        l->brk = level;
}

static void lay_text(layout *l, const event *ev)
{
    const char *s = l->h->pool + ev->pool;
    size_t n = ev->len;
    tqc_srcpos base = pos_at(l, ev->src);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        if (!l->pre && is_ws(s[i])) {
            while (j < n && is_ws(s[j]))
                j++;
            if (!l->space) {
                l->space = true;
                l->space_at = ev->exact ? pos_at(l, ev->src + i) : base;
                l->space_exact = ev->exact && j - i == 1 && s[i] == ' ';
            }
            i = j;
            continue;
        }
        if (l->pre) {
            j = n;
        } else {
            while (j < n && !is_ws(s[j]))
                j++;
        }
        tqc_srcpos at = ev->exact ? pos_at(l, ev->src + i) : base;
        flush(l, at);
        tqc_tb_append(&l->tb, s + i, j - i, at, ev->exact);
        i = j;
    }
}

static void lay_out(layout *l, size_t first, size_t last)
{
    const html *h = l->h;
    size_t drop = 0;
    for (size_t e = first; e < last && e < h->event_count; e++) {
        const event *ev = &h->events[e];
        if (ev->type == EV_TEXT) {
            if (!drop)
                lay_text(l, ev);
            continue;
        }
        const node *nd = &h->nodes[ev->node];
        bool open = ev->type == EV_OPEN;
        if (nd->kind == EL_DROP) {
            drop += open ? 1 : (drop ? (size_t)-1 : 0);
            /* What was around a dropped element does not run together. */
            if (!drop && !open && !l->space && l->tb.len) {
                l->space = true;
                l->space_at = pos_at(l, ev->src);
                l->space_exact = false;
            }
            continue;
        }
        if (drop)
            continue;
        switch (nd->kind) {
        case EL_BLOCK:
            request_break(l, 2);
            if (strcmp(nd->name, "pre") == 0)
                l->pre += open ? 1 : (l->pre ? (size_t)-1 : 0);
            break;
        case EL_BREAK:
            if (open)
                request_break(l, 1);
            break;
        case EL_INLINE: {
            if (l->tb.len == 0)
                break;
            size_t line = pos_at(l, ev->src).line;
            if (!l->space && !l->brk)
                l->opens_from = l->tb.inl_count + 1;
            tqc_tb_inline(&l->tb, open ? TQC_INLINE_OPEN : TQC_INLINE_CLOSE, nd->name, NULL,
                          line);
            break;
        }
        default:
            break;
        }
    }
}

/* ---- the reader ---- */

static void html_free(html *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->node_count; i++)
        free(h->nodes[i].name);
    free(h->nodes);
    free(h->events);
    free(h->pool);
    free(h->stack);
    free((char *)h->src);
    free(h);
}

static tqc_status html_open(tqc_input *in, char *err, size_t errlen)
{
    html *h = calloc(1, sizeof *h);
    if (!h)
        return TQC_ENOMEM;
    h->in = in;
    in->state = h;
    char *buf;
    size_t len;
    tqc_status st = tqc_input_slurp(in, TQC_INPUT_MAX_BYTES, &buf, &len, err, errlen);
    if (st != TQC_OK)
        return st;
    h->src = buf;
    h->src_len = len;
    return TQC_OK;
}

/* libxml2 checks each attribute against the element's earlier ones, so one element's
 * attributes cost their count squared (a million took minutes): both are capped far
 * beyond any article's markup. */
#define HTML_MAX_ATTRS_PER_ELEMENT 1024
#define HTML_MAX_ATTRS 1000000

/* Counts attributes in the tags of s[0, n) as a lenient tokenizer would; true when a
 * cap is exceeded, *at then the offset of the tag that did it. */
static bool too_many_attrs(const char *s, size_t n, size_t *at, bool *per_element)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '<')
            continue;
        if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            size_t k = i + 4;
            while (k + 3 <= n && memcmp(s + k, "-->", 3) != 0)
                k++;
            if (k + 3 > n)
                return false;
            i = k + 2;
            continue;
        }
        if (i + 1 >= n || !((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'))
            continue;
        size_t tag = i, count = 0;
        char quote = 0;
        bool space = false;
        for (i++; i < n; i++) {
            char c = s[i];
            if (quote) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                space = true;
            } else {
                if (space && c != '/' && c != '=')
                    count++;
                space = false;
            }
        }
        total += count;
        if (count > HTML_MAX_ATTRS_PER_ELEMENT || total > HTML_MAX_ATTRS) {
            *at = tag;
            *per_element = count > HTML_MAX_ATTRS_PER_ELEMENT;
            return true;
        }
    }
    return false;
}

static tqc_status parse(html *h, char *err, size_t errlen)
{
    tqc_xml_harden();
    if (h->src_len == 0)
        return TQC_OK;  /* libxml2 makes no parser for nothing; the page is empty */
    if (h->src_len > INT32_MAX) {
        tqc_input_error(h->in, err, errlen, 0, 0, "too large for the HTML parser");
        return TQC_ELIMIT;
    }
    size_t at;
    bool per_element;
    if (too_many_attrs(h->src, h->src_len, &at, &per_element)) {
        size_t line = 1;
        for (size_t i = 0; i < at; i++)
            line += h->src[i] == '\n';
        if (per_element)
            tqc_input_error(h->in, err, errlen, line, 0, "an element with more than %d "
                            "attributes: refused", HTML_MAX_ATTRS_PER_ELEMENT);
        else
            tqc_input_error(h->in, err, errlen, line, 0, "more than %d attributes in the "
                            "page: refused", HTML_MAX_ATTRS);
        return TQC_ELIMIT;
    }
    h->ctxt = htmlCreateMemoryParserCtxt(h->src, (int)h->src_len);
    if (!h->ctxt)
        return TQC_ENOMEM;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.ignorableWhitespace = on_text;
    sax.cdataBlock = on_text;
    sax.serror = on_error;
    sax.initialized = XML_SAX2_MAGIC;
    memcpy(h->ctxt->sax, &sax, sizeof sax);
    h->ctxt->_private = h;
    h->ctxt->userData = h->ctxt;
    htmlCtxtUseOptions(h->ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                    HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
    h->ctxt->sax->serror = on_error;
    htmlParseDocument(h->ctxt);
    /* Close what the page left open, so every element has its end. */
    while (h->st == TQC_OK && h->depth)
        on_end(h->ctxt, (const xmlChar *)h->nodes[h->stack[h->depth - 1]].name);
    if (h->ctxt->myDoc)     /* none is built without tree callbacks; just in case */
        xmlFreeDoc(h->ctxt->myDoc);
    htmlFreeParserCtxt(h->ctxt);
    h->ctxt = NULL;
    if (h->st != TQC_OK) {
        tqc_input_error(h->in, err, errlen, h->msg_line, 0, "%s", h->msg);
        return h->st;
    }
    return TQC_OK;
}

static tqc_status html_next(tqc_input *in, tqc_doc **out, char *err, size_t errlen)
{
    html *h = in->state;
    *out = NULL;
    if (h->done)
        return TQC_OK;
    h->done = true;
    tqc_status st = parse(h, err, errlen);
    if (st != TQC_OK)
        return st;
    size_t body = choose_body(h);
    layout l = {.h = h};
    tqc_tb_init(&l.tb, TQC_INPUT_MAX_BYTES);
    if (body == SIZE_MAX)
        lay_out(&l, 0, h->event_count);
    else
        lay_out(&l, h->nodes[body].open_ev, h->nodes[body].close_ev);
    /* Inline boundaries after the last text are of no use. */
    while (l.tb.inl_count && l.tb.inl[l.tb.inl_count - 1].offset >= l.tb.len &&
           l.tb.len > 0 && l.tb.inl[l.tb.inl_count - 1].kind == TQC_INLINE_OPEN)
        l.tb.inl_count--;
    tqc_srcpos start = {0, 0, 0, 0};
    st = tqc_tb_finish(&l.tb, in->name, in->lang, NULL, start, out);
    tqc_tb_free(&l.tb);
    if (st == TQC_ELIMIT)
        tqc_input_error(in, err, errlen, 0, 0, "article text larger than %zu MiB",
                        TQC_INPUT_MAX_BYTES >> 20);
    return st;
}

static void html_close(tqc_input *in)
{
    html_free(in->state);
}

const tqc_input_reader tqc_read_html = {html_open, html_next, html_close};
