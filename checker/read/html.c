/* read_html: an HTML page as one doc holding the text of its article body, read as a
 * browser shows it.
 *
 * libxml2's HTML parser (recover mode, no network, quiet) reads the page through SAX
 * into a flat list of events. The body is then chosen: the element marked
 * itemprop=articleBody, else the `article`, else `main` (the one with most text when
 * there are several) unless a block outside it that a reader view scores best has twice
 * its text (the article was a teaser), else that best-scored block (choose_body), else
 * the whole `body`; siblings that score near the chosen block join it. Its text is laid
 * out as a browser would: script, style, noscript, template, comments, the chrome
 * elements (nav, footer, aside, a form unless it holds the page, ...), blocks whose
 * class or id is a reader view's chrome (comments, related, share...), blocks inside
 * the body that are mostly links with few commas (a share bar, a related list) or a few
 * links and a label (tags), code
 * (code, kbd, samp, var, and pre unless it reads as prose), tables of figures and
 * hidden elements (hidden, aria-hidden, display:none, visibility:hidden, class hidden)
 * are dropped,
 * and so are the blocks inside the body that Readability's conditional cleaning takes
 * for widgets (clean_body);
 * block elements end paragraphs (a blank line), `br` ends a line (inside a sentence,
 * before a word in lower case, it is a space: the page wraps there; after a letter, before
 * a capital, in a block of such lines, it ends a paragraph: verse, an address); runs of
 * white space
 * collapse to one space and vanish at block edges (except in `pre`); inline elements add
 * nothing, but where they begin and end is recorded (doc->inlines). Chrome that leaked
 * into the body's copy (a "Follow our live blog" line, a caption, a related headline)
 * stays in the text, so the passes report it as they do in plain text.
 * Every run of text maps back to the page's bytes (doc->map): 1:1 where the text is the
 * page's own bytes, else to the entity or white space it came from.
 *
 * The character set is settled before parsing, as browsers do (the WHATWG encoding
 * sniffing algorithm): a byte order mark, else bytes that are valid UTF-8 (libxml2 2.9
 * would otherwise switch to Windows-1252 at the first non-ASCII byte and make mojibake
 * of its own), else the charset a <meta> in the first 1,024 bytes declares, else
 * Windows-1252. libxml2 is told it up front and ignores the page's own hints; a
 * declaration the bytes contradict gets a note (tqc_input_note). */
#include "read/input_priv.h"

#include "core/alloc.h"
#include "core/strmap.h"
#include "core/text.h"

#include <errno.h>
#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#include <ctype.h>
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
    "button", "select", "textarea", "option", "iframe", "object", "embed", "svg",
    "math", "canvas", "video", "audio", "map", "dialog", "menu", "frameset", "noframes",
    /* Code is not prose: program text, keyboard input, sample output, variables (`pre`
     * too, unless it reads as prose: see prose_pre). */
    "code", "kbd", "samp", "var", "listing", "xmp", "plaintext",
};
static const char *const blocks[] = {
    "html", "body", "address", "article", "blockquote", "center", "dd", "details", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5",
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

/* A `pre` is code unless it reads as prose (a plain-text document set in `pre`, as RFCs
 * are on the web): PRE_PROSE_MIN text bytes or more, no code element inside (its text is
 * not collected, so the rest stays short), and code's characters under one in
 * PRE_PROSE_SYMBOLS of its letters (program text has one in ten or more). */
#define PRE_PROSE_MIN 200
#define PRE_PROSE_SYMBOLS 20

/* Where an element ranks as the article body. */
enum { BODY_NONE = 0, BODY_MAIN, BODY_ARTICLE, BODY_ITEMPROP };

/* One record per element of the page (half a million on a page of inline tags): the
 * counts are of text bytes, which a page's size (TQC_INPUT_MAX_BYTES, INT32_MAX for
 * the parser) keeps within 32 bits, and the name is interned (h->names). */
typedef struct node {
    const char *name;       /* lower case; owned by h->names */
    uint32_t name_id;       /* its index in h->names */
    uint32_t up;            /* parent index + 1; 0 for a top element (see parent_of) */
    uint32_t open_ev, close_ev;
    uint32_t text;          /* text bytes in its subtree, dropped elements excluded */
    uint32_t p_text;        /* text bytes in its `p` children */
    uint32_t digits, letters; /* of its text: a table of mostly figures is not prose */
    uint32_t link_text;     /* text bytes inside links in its subtree */
    uint32_t link_ink;      /* of those, the bytes that are not white space */
    uint32_t links;         /* links with visible text in its subtree */
    uint32_t commas;        /* in its subtree's text */
    uint32_t ink;           /* of its text, bytes that are not white space */
    uint32_t symbols;       /* of its text, the characters code is made of: {}()[];=<>$|\` */
    int8_t hint;            /* class and id: +1 article-like, -1 chrome-like, 0 neither */
    bool unlikely;          /* class or id of chrome a reader view drops (comments...) */
    bool block_child;       /* has a block element child */
    bool is_p;
    bool caption;           /* class or id says caption or credit (`wp-caption-text`) */
    bool foreign;           /* inline, marked as another language than the page's */
    uint16_t br_upper, br_lower;    /* lines after a `br` in it beginning in upper case,
                                       in lower case: verse, or hard-wrapped prose */
    uint8_t kind;           /* EL_* */
    uint8_t rank;           /* BODY_* */
} node;

/* The parent's index, SIZE_MAX for a top element. */
static inline size_t parent_of(const node *nd) { return nd->up ? (size_t)nd->up - 1 : SIZE_MAX; }

static bool prose_pre(const node *nd)
{
    return nd->text >= PRE_PROSE_MIN && nd->symbols * PRE_PROSE_SYMBOLS < nd->letters;
}

/* EV_IOPEN and EV_ICLOSE are an inline element that kept no record: a leaf that is
 * nothing but an inline (no class a reader view reads, no link, no caption, no body
 * rank); its text counts as its parent's, and its name is all the layout needs. */
enum { EV_OPEN, EV_CLOSE, EV_TEXT, EV_IOPEN, EV_ICLOSE };

/* 8 bytes (four on every inline element of a page of inline tags). A text event's
 * length is the varint its bytes follow in the pool (most are one byte). The reference
 * and a file offset stay within their bits by the page's limit (TQC_INPUT_MAX_BYTES,
 * decoded at most 4 times as long) and the checks where events are made. */
typedef struct event {
    uint32_t ref : 28;      /* EV_OPEN, EV_CLOSE: the node; EV_TEXT: where its length and
                               bytes are in the pool; EV_IOPEN, EV_ICLOSE: the element
                               name's index in h->names */
    uint32_t type : 3;
    uint32_t exact : 1;     /* EV_TEXT: the bytes are the file's, 1:1 */
    uint32_t src;           /* file offset: where the text begins, or just after the tag */
} event;

#define EV_REF_MAX (((size_t)1 << 28) - 1)
_Static_assert(TQC_INPUT_MAX_BYTES < EV_REF_MAX, "a text's length and bytes fit the pool");

/* What the reader asks of an element's name, told once a name. */
enum { ROLE_OTHER, ROLE_A, ROLE_P, ROLE_ARTICLE, ROLE_MAIN, ROLE_TABLE, ROLE_PRE, ROLE_BODY };

typedef struct name_info {
    uint8_t kind;           /* classify() */
    uint8_t role;           /* ROLE_* */
} name_info;

static int role_of(const char *name)
{
    static const char *const roles[] = {"a", "p", "article", "main", "table", "pre", "body"};
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (strcmp(name, roles[i]) == 0)
            return (int)i + 1;
    return ROLE_OTHER;
}

#define HTML_SEEN 64

typedef struct html {
    tqc_input *in;
    htmlParserCtxtPtr ctxt;
    const char *src;
    size_t src_len;
    node *nodes;
    size_t node_count, node_cap;
    tqc_strmap *names;      /* element names, interned: nodes point into it */
    char page_lang[4];      /* primary subtag of <html lang>, lower case; "" when none */
    name_info *info;        /* of each interned name, by its index */
    size_t info_cap;
    /* libxml2's names are its dictionary's, one pointer a name while it parses: the
     * last pointers seen and their index in names, so a tag costs no hashing (a hit is
     * still compared, in case a name came from elsewhere). */
    struct { const xmlChar *x; uint32_t id; } seen[HTML_SEEN];
    event *events;
    size_t event_count, event_cap;
    char *pool;             /* each text event's length (a varint), then its bytes */
    size_t pool_len, pool_cap;
    size_t text_len;        /* text bytes in the pool, lengths aside */
    size_t *stack;          /* open nodes */
    size_t depth, stack_cap;
    size_t drop_depth;      /* open dropped elements */
    uint32_t br_block;      /* the block whose line a `br` just ended, + 1; 0 none */
    size_t link_depth;      /* open `a` elements */
    size_t last_end;        /* file offset just past the previous event */
    tqc_status st;
    char msg[256];
    size_t msg_line;
    bool done;
    char charset[64];       /* what the page is decoded as ("UTF-8" or a legacy name) */
    bool decoded;           /* src is the page decoded to UTF-8, not the file's bytes */
} html;

/* The bytes of text event ev, and their length in *len. */
static const char *ev_text(const html *h, const event *ev, size_t *len)
{
    const unsigned char *p = (const unsigned char *)h->pool + ev->ref;
    size_t n = 0;
    for (unsigned shift = 0;; shift += 7) {
        n |= (size_t)(*p & 0x7F) << shift;
        if (!(*p++ & 0x80))
            break;
    }
    *len = n;
    return (const char *)p;
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
    if (!tqc_grow((void **)&h->events, &h->event_cap, h->event_count, 1, sizeof *h->events)) {
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

/* Class and id words as reader views read them (Mozilla Readability's lists): web
 * page conventions, not words of a language. */
static const char *const hint_good[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post",
    "text", "blog", "story",
};
static const char *const hint_bad[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget",
};
/* Chrome a reader view leaves out wherever it is, unless a word of `maybe` says
 * otherwise (`article-header`, `main-column`). */
static const char *const unlikely_words[] = {
    "-ad-", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
    "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies",
    "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "kudos",
    /* a page's tool bar, the share widgets' own class prefixes (as disqus above), a
     * newsletter's sign-up box */
    "toolbar", "addthis", "sharethis", "signup", "newsletter",
};
static const char *const maybe_words[] = {
    "and", "article", "body", "column", "content", "main", "shadow",
};
/* An element a page sets as a caption without `figcaption` (a photo's or a video's
 * line, its credit). */
static const char *const caption_words[] = {"caption", "credit"};

/* Whether the lower-cased s contains a word of list. */
static bool mentions(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(s, list[i]))
            return true;
    return false;
}

#define MENTIONS(s, list) mentions(s, list, sizeof list / sizeof list[0])

/* The class and id of an element, lower-cased and joined, into out. */
static void class_and_id(const xmlChar **atts, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    /* Each value and its space fit, or the rest is left out (a second long value once
     * wrote past the end). */
    for (size_t i = 0; atts && atts[i] && n + 2 < cap; i += 2) {
        const char *name = (const char *)atts[i], *v = (const char *)atts[i + 1];
        if (!v || (strcasecmp(name, "class") != 0 && strcasecmp(name, "id") != 0))
            continue;
        for (const char *p = v; *p && n + 2 < cap; p++)
            out[n++] = (char)tolower((unsigned char)*p);
        out[n++] = ' ';
        out[n] = '\0';
    }
}

/* Whether a style declares property: value (`display : none`), spaces and case aside. */
static bool style_says(const char *style, const char *property, const char *value)
{
    char flat[512];
    size_t n = 0;
    for (const char *p = style; *p && n + 1 < sizeof flat; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            flat[n++] = (char)tolower((unsigned char)*p);
    flat[n] = '\0';
    char want[64];
    snprintf(want, sizeof want, "%s:%s", property, value);
    for (const char *p = flat; (p = strstr(p, want)) != NULL; p++) {
        /* The whole property (not `max-display:none`), its whole value. */
        char after = p[strlen(want)];
        if ((p == flat || p[-1] == ';') && (after == '\0' || after == ';' || after == '!'))
            return true;
    }
    return false;
}

/* Text a browser does not show: the `hidden` attribute, `aria-hidden="true"`, an
 * inline style of display:none or visibility:hidden, the class `hidden` (the style
 * sheets' convention for display:none: Bootstrap's, HTML5 Boilerplate's). */
static bool hidden(const xmlChar **atts)
{
    for (size_t i = 0; atts && atts[i]; i += 2) {
        const char *name = (const char *)atts[i], *v = (const char *)atts[i + 1];
        if (strcasecmp(name, "hidden") == 0)
            return true;
        if (v && strcasecmp(name, "class") == 0 && has_token(v, "hidden"))
            return true;
        if (v && strcasecmp(name, "aria-hidden") == 0 && strcasecmp(v, "true") == 0)
            return true;
        if (v && strcasecmp(name, "style") == 0 &&
            (style_says(v, "display", "none") || style_says(v, "visibility", "hidden")))
            return true;
    }
    return false;
}

static size_t seen_slot(const xmlChar *x) { return tqc_pointer_slot(x, HTML_SEEN); }

/* The index in h->names of libxml2's name x when it was seen lately, else UINT32_MAX. */
static uint32_t seen_id(const html *h, const xmlChar *x)
{
    size_t k = seen_slot(x);
    if (h->seen[k].x != x ||
        !tqc_same_name(tqc_strmap_key(h->names, h->seen[k].id, NULL), (const char *)x))
        return UINT32_MAX;
    return h->seen[k].id;
}

/* The one copy of an element name, owned by h->names, and its index in *id, told once a
 * name (a page of inline tags named the same elements a million times); NULL when out
 * of memory. */
static const char *intern(html *h, const xmlChar *xname, uint32_t *id)
{
    uint64_t i = seen_id(h, xname);
    if (i == UINT32_MAX) {
        const char *name = (const char *)xname;
        size_t n = strlen(name);
        if (!h->names && !(h->names = tqc_strmap_new()))
            return NULL;
        if (!tqc_strmap_get(h->names, name, n, &i)) {
            i = tqc_strmap_count(h->names);
            if (i >= UINT32_MAX ||
                !tqc_grow((void **)&h->info, &h->info_cap, (size_t)i, 1, sizeof *h->info) ||
                !tqc_strmap_put(h->names, name, n, i))
                return NULL;
            h->info[i] = (name_info){.kind = (uint8_t)classify(name),
                                     .role = (uint8_t)role_of(name)};
        }
        size_t k = seen_slot(xname);
        h->seen[k].x = xname;
        h->seen[k].id = (uint32_t)i;
    }
    *id = (uint32_t)i;
    return tqc_strmap_key(h->names, (size_t)i, NULL);
}

/* The primary subtag of an element's lang (or xml:lang) attribute, lower case, into out
 * (`ja` for `ja-Latn`); false when it has none or one longer than three letters. */
static bool lang_attribute(const xmlChar **atts, char out[4])
{
    for (size_t i = 0; atts && atts[i]; i += 2) {
        const char *name = (const char *)atts[i], *v = (const char *)atts[i + 1];
        if (!v || (strcasecmp(name, "lang") != 0 && strcasecmp(name, "xml:lang") != 0))
            continue;
        size_t n = 0;
        while (n < 4 && isalpha((unsigned char)v[n]))
            n++;
        if (n == 0 || n > 3 || (v[n] && v[n] != '-' && v[n] != '_'))
            return false;
        for (size_t k = 0; k < n; k++)
            out[k] = (char)tolower((unsigned char)v[k]);
        out[n] = '\0';
        return true;
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
    if (h->node_count >= EV_REF_MAX) {
        stop(h, TQC_ELIMIT, "more elements than the reader can place: refused");
        return;
    }
    if (!tqc_grow((void **)&h->nodes, &h->node_cap, h->node_count, 1, sizeof *h->nodes)) {
        stop(h, TQC_ENOMEM, "out of memory");
        return;
    }
    uint32_t name_id;
    const char *name = intern(h, xname, &name_id);
    if (!name) {
        stop(h, TQC_ENOMEM, "out of memory");
        return;
    }
    int role = h->info[name_id].role;
    node *nd = &h->nodes[h->node_count];
    *nd = (node){.name = name, .name_id = name_id,
                 .up = h->depth ? (uint32_t)h->stack[h->depth - 1] + 1 : 0,
                 .open_ev = (uint32_t)h->event_count, .close_ev = UINT32_MAX,
                 .kind = h->info[name_id].kind, .is_p = role == ROLE_P};
    if (role == ROLE_ARTICLE)
        nd->rank = BODY_ARTICLE;
    else if (role == ROLE_MAIN)
        nd->rank = BODY_MAIN;
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (atts[i + 1] && strcasecmp((const char *)atts[i], "itemprop") == 0 &&
            has_token((const char *)atts[i + 1], "articleBody"))
            nd->rank = BODY_ITEMPROP;
    if (nd->kind != EL_VOID && nd->kind != EL_BREAK && hidden(atts))
        nd->kind = EL_DROP;
    /* Words the author marked as another language (`<i lang="ja-Latn">utage</i>`) are
     * not the page's to check: left out as inline code is, a hole in the sentence. Only
     * inline elements: a block in another language may be the story itself under a
     * template's wrong <html lang>. */
    char lang[4];
    if (!h->depth && lang_attribute(atts, lang))
        memcpy(h->page_lang, lang, sizeof lang);
    else if (nd->kind == EL_INLINE && h->page_lang[0] && lang_attribute(atts, lang) &&
             strcmp(lang, h->page_lang) != 0) {
        nd->kind = EL_DROP;
        nd->foreign = true;
    }
    char cls[256];
    class_and_id(atts, cls, sizeof cls);
    if (cls[0]) {
        nd->hint = MENTIONS(cls, hint_good) ? 1 : 0;
        nd->hint -= MENTIONS(cls, hint_bad) ? 1 : 0;
        nd->unlikely = MENTIONS(cls, unlikely_words) && !MENTIONS(cls, maybe_words) &&
                       role != ROLE_BODY && role != ROLE_A;
        nd->caption = (nd->kind == EL_BLOCK || nd->kind == EL_INLINE) &&
                      MENTIONS(cls, caption_words);
    }
    if (nd->up && nd->kind == EL_BLOCK)
        h->nodes[parent_of(nd)].block_child = true;
    /* The block a line break is in: the text after it tells verse from wrapped prose. */
    h->br_block = 0;
    for (size_t d = h->depth; nd->kind == EL_BREAK && d-- > 0;)
        if (h->nodes[h->stack[d]].kind == EL_BLOCK) {
            h->br_block = (uint32_t)h->stack[d] + 1;
            break;
        }
    if (role == ROLE_A)
        h->link_depth++;
    size_t idx = h->node_count++;
    size_t at = position(h);
    if (!add_event(h, (event){.type = EV_OPEN, .ref = (uint32_t)idx, .src = (uint32_t)at}))
        return;
    h->last_end = at;
    if (nd->kind == EL_DROP)
        h->drop_depth++;
    if (nd->kind == EL_VOID || nd->kind == EL_BREAK) {
        /* Void elements have no end tag; close them now so the stack stays honest. */
        h->nodes[idx].close_ev = (uint32_t)h->event_count;
        add_event(h, (event){.type = EV_CLOSE, .ref = (uint32_t)idx, .src = (uint32_t)at});
        return;
    }
    if (!tqc_grow((void **)&h->stack, &h->stack_cap, h->depth, 1, sizeof *h->stack)) {
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
    /* The parser closes elements in order; a name that does not match the top is a void
     * element's stray end tag (closed already) and is ignored. */
    size_t top = h->stack[h->depth - 1];
    if (!tqc_same_name(h->nodes[top].name, (const char *)xname))
        return;
    h->depth--;
    node *nd = &h->nodes[top];
    int role = h->info[nd->name_id].role;
    if (nd->kind == EL_DROP)
        h->drop_depth--;
    if (nd->kind == EL_BLOCK)
        h->br_block = 0;
    if (role == ROLE_A && h->link_depth)
        h->link_depth--;
    size_t at = position(h);
    nd->close_ev = (uint32_t)h->event_count;
    if (!add_event(h, (event){.type = EV_CLOSE, .ref = (uint32_t)top, .src = (uint32_t)at}))
        return;
    h->last_end = at;
    /* A table of figures (more digits than letters) is data, not prose: dropped whole
     * (its open and close events both read the kind when the text is laid out). */
    if (role == ROLE_TABLE && nd->digits > 0 && nd->digits >= nd->letters)
        nd->kind = EL_DROP;
    if (role == ROLE_PRE && !prose_pre(nd))
        nd->kind = EL_DROP;
    if (role == ROLE_A && nd->link_ink > 0)
        nd->links++;
    if (nd->up) {
        node *parent = &h->nodes[parent_of(nd)];
        if (nd->kind != EL_DROP) {
            parent->digits += nd->digits;
            parent->letters += nd->letters;
            parent->link_text += nd->link_text;
            parent->link_ink += nd->link_ink;
            parent->links += nd->links;
            parent->commas += nd->commas;
            parent->ink += nd->ink;
            parent->symbols += nd->symbols;
        }
        if (nd->kind != EL_DROP)
            parent->text += nd->text;
        if (nd->is_p)
            parent->p_text += nd->text;
    }
    /* A leaf that is only an inline element (a page of inline tags has one every few
     * bytes) keeps no record: its counts are its parent's now, and what else a record
     * tells (a link, chrome, a caption, an article body) it does not have. Its events
     * keep its name for the layout. A top element is kept: its counts reach no parent. */
    if (nd->up && top + 1 == h->node_count && nd->kind == EL_INLINE && !nd->unlikely &&
        !nd->caption && nd->rank == BODY_NONE && role != ROLE_A) {
        event *open = &h->events[nd->open_ev];
        *open = (event){.type = EV_IOPEN, .ref = nd->name_id, .src = open->src};
        h->events[h->event_count - 1] = (event){.type = EV_ICLOSE, .ref = nd->name_id,
                                                .src = (uint32_t)at};
        h->node_count--;
    }
}

/* Whether s[0, n) holds a C1 control character (U+0080-U+009F, C2 80-9F in UTF-8). */
static bool has_c1(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9F)
            return true;
    return false;
}

/* A numeric reference to 128-159 (`&#151;`) is Windows-1252's character in HTML, as
 * browsers read it (WHATWG); libxml2 2.9 gives the C1 control (U+0097), which the
 * encoding pass rightly takes for mojibake that tqc would then have made itself.
 * Copies s[0, n) to out (room for n * 3 / 2 bytes) with those controls mapped; returns
 * its length. The five codes 1252 leaves unassigned stay as they are. */
static size_t c1_as_1252(const char *s, size_t n, char *out)
{
    static const uint16_t cp1252[32] = {
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    };
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9F) {
            k += tqc_text_encode(cp1252[(unsigned char)s[++i] - 0x80], out + k);
            continue;
        }
        out[k++] = (char)c;
    }
    return k;
}

/* Whether c is one of the characters code is made of ({}()[];=<>$|\`): a switch, not
 * a strchr a byte of the page's text. */
static bool code_symbol(unsigned char c)
{
    switch (c) {
    case '{': case '}': case '(': case ')': case '[': case ']': case ';': case '=':
    case '<': case '>': case '$': case '|': case '\\': case '`':
        return true;
    default:
        return false;
    }
}

static void on_text(void *ctx, const xmlChar *xch, int len)
{
    html *h = ((htmlParserCtxtPtr)ctx)->_private;
    if (h->st != TQC_OK || len <= 0 || h->drop_depth)
        return;
    size_t n = (size_t)len;
    const char *ch = (const char *)xch;
    char *mapped = NULL;
    for (size_t i = 0; h->br_block && i < n; i++) {
        int32_t cp;
        if (isspace((unsigned char)ch[i]) || tqc_text_decode(ch + i, n - i, &cp) == 0)
            continue;
        node *b = &h->nodes[h->br_block - 1];
        if (tqc_text_is_upper(cp) && b->br_upper < UINT16_MAX)
            b->br_upper++;
        else if (tqc_text_is_lower(cp) && b->br_lower < UINT16_MAX)
            b->br_lower++;
        h->br_block = 0;
    }
    /* A C1 control the page's bytes do not hold came from a numeric reference. */
    if (has_c1(ch, n)) {
        size_t at = position(h), from = h->last_end;
        size_t to = at + n < h->src_len ? at + n : h->src_len;
        if (from > to || !has_c1(h->src + from, to - from)) {
            if (!(mapped = tqc_malloc(n * 3 / 2 + 1))) {
                stop(h, TQC_ENOMEM, "out of memory");
                return;
            }
            n = c1_as_1252(ch, n, mapped);
            ch = mapped;
        }
    }
    if (h->text_len + n > TQC_INPUT_MAX_BYTES || h->pool_len + n + 5 > EV_REF_MAX) {
        stop(h, TQC_ELIMIT, "text larger than the input limit");
        free(mapped);
        return;
    }
    while (h->pool_cap - h->pool_len < n + 5) {
        size_t ncap = h->pool_cap ? h->pool_cap * 2 : 65536;
        char *p = tqc_realloc(h->pool, ncap);
        if (!p) {
            stop(h, TQC_ENOMEM, "out of memory");
            free(mapped);
            return;
        }
        h->pool = p;
        h->pool_cap = ncap;
    }
    size_t ref = h->pool_len, head = 0;
    for (size_t v = n; v >= 0x80; v >>= 7)
        h->pool[ref + head++] = (char)(0x80 | (v & 0x7F));
    h->pool[ref + head] = (char)(n >> (7 * head));
    head++;
    memcpy(h->pool + ref + head, ch, n);
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
    } else {
        /* The first piece of a long run is reported with the parser one character short
         * of its end: the piece ends up to 4 bytes (one UTF-8 character) past at. */
        for (size_t d = 1; d <= 4 && !exact; d++)
            if (at + d >= n && at + d - n >= h->last_end && at + d <= h->src_len &&
                memcmp(h->src + at + d - n, ch, n) == 0) {
                start = at + d - n;
                exact = true;
            }
    }
    if (!add_event(h, (event){.type = EV_TEXT, .ref = (uint32_t)ref, .src = (uint32_t)start,
                              .exact = exact})) {
        free(mapped);
        return;
    }
    h->pool_len += head + n;
    h->text_len += n;
    h->last_end = exact ? start + n : (at > h->last_end ? at : h->last_end);
    if (h->depth) {
        node *top = &h->nodes[h->stack[h->depth - 1]];
        top->text += n;
        if (h->link_depth)
            top->link_text += n;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)ch[i];
            top->commas += c == ',';
            top->ink += !isspace(c);
            top->link_ink += h->link_depth && !isspace(c);
            top->symbols += code_symbol(c);
            top->digits += c >= '0' && c <= '9';
            /* A letter is an ASCII letter or the lead byte of a non-ASCII character. */
            top->letters += isalpha(c) || c >= 0xC0;
        }
    }
    free(mapped);
}

/* Errors are recovered from; this only keeps libxml2 from printing them. */
static void on_error(void *ctx, xmlErrorPtr error)
{
    (void)ctx;
    (void)error;
}

/* ---- choosing the body ---- */

/* A reader view's choice (after Mozilla Readability): each paragraph of 25 bytes or
 * more scores 1 + its commas + a point a 100 bytes (at most 3) for its parent, half
 * that for its grandparent, a third of it a level for three more ancestors; a candidate
 * starts from its tag and its class and id, and its score is scaled by the share of its
 * text that is not links. The best block wins, and those of its siblings that score
 * near it join it (a story split over sibling sections). */
#define SCORE_MIN_PARAGRAPH 25
#define SCORE_LEVELS 5
/* A semantic body (article, main) gives way to a scored block outside it with this
 * many times its text: the first article was a teaser or a widget. */
#define SCORE_TEASER_RATIO 2
/* Most blocks one body is made of (the best and its siblings). */
#define BODY_MAX_PARTS 64

typedef struct body_choice {
    size_t part[BODY_MAX_PARTS];   /* node indices in document order */
    size_t count;
} body_choice;

static bool is_paragraph(const html *h, size_t i)
{
    const node *nd = &h->nodes[i];
    if (nd->kind == EL_DROP || nd->unlikely)
        return false;
    if (strcmp(nd->name, "p") == 0 || strcmp(nd->name, "td") == 0)
        return true;
    /* Text in a div without blocks inside is a paragraph, as reader views take it. */
    return !nd->block_child && (strcmp(nd->name, "div") == 0 || strcmp(nd->name, "section") == 0);
}

static double tag_score(const node *nd)
{
    static const char *const minus3[] = {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"};
    static const char *const minus5[] = {"h1", "h2", "h3", "h4", "h5", "h6", "th"};
    double s = 25.0 * nd->hint;
    if (strcmp(nd->name, "div") == 0)
        s += 5;
    else if (strcmp(nd->name, "pre") == 0 || strcmp(nd->name, "td") == 0 ||
             strcmp(nd->name, "blockquote") == 0)
        s += 3;
    else if (IN(nd->name, minus3))
        s -= 3;
    else if (IN(nd->name, minus5))
        s -= 5;
    return s;
}

/* Whether node a is node d or one of its ancestors. */
static bool contains(const html *h, size_t a, size_t d)
{
    for (size_t i = d; i != SIZE_MAX; i = parent_of(&h->nodes[i]))
        if (i == a)
            return true;
    return false;
}

/* Whether a node or one of its ancestors is dropped or chrome. */
static bool excluded(const html *h, size_t i)
{
    for (; i != SIZE_MAX; i = parent_of(&h->nodes[i]))
        if (h->nodes[i].kind == EL_DROP || h->nodes[i].unlikely)
            return true;
    return false;
}

/* Scores every candidate into score (NaN-free: 0 and scored false when none). */
static void score_blocks(const html *h, double *score, bool *scored)
{
    for (size_t i = 0; i < h->node_count; i++) {
        /* Its visible text: an empty div of indentation is no paragraph. */
        if (!is_paragraph(h, i) || h->nodes[i].ink < SCORE_MIN_PARAGRAPH || excluded(h, i))
            continue;
        const node *nd = &h->nodes[i];
        double cs = 1.0 + (double)nd->commas + (nd->text / 100 < 3 ? (double)(nd->text / 100) : 3);
        size_t a = parent_of(nd);
        for (int level = 0; level < SCORE_LEVELS && a != SIZE_MAX; level++, a = parent_of(&h->nodes[a])) {
            if (!scored[a]) {
                scored[a] = true;
                score[a] = tag_score(&h->nodes[a]);
            }
            score[a] += level == 0 ? cs : level == 1 ? cs / 2 : cs / (level * 3);
        }
    }
    for (size_t i = 0; i < h->node_count; i++)
        if (scored[i] && h->nodes[i].text)
            score[i] *= 1.0 - (double)h->nodes[i].link_text / (double)h->nodes[i].text;
}

/* Reader views' second look at the best block: when several other blocks score near it
 * (SCORE_ALT_SHARE of its score, SCORE_ALT_MIN of them among the SCORE_ALT_TOP best),
 * the story is split over them (one step or section a block) and the body is the
 * nearest ancestor of the best block that holds SCORE_ALT_MIN of them. */
#define SCORE_ALT_TOP 5
#define SCORE_ALT_SHARE 0.75
#define SCORE_ALT_MIN 3

static size_t widen_best(const html *h, size_t best, const double *score, const bool *scored)
{
    size_t top[SCORE_ALT_TOP];
    size_t n = 0;
    /* The best SCORE_ALT_TOP candidates after best, by insertion into a short list. */
    for (size_t i = 0; i < h->node_count; i++) {
        if (!scored[i] || i == best)
            continue;
        size_t k = n < SCORE_ALT_TOP ? n++ : SCORE_ALT_TOP;
        if (k == SCORE_ALT_TOP) {
            if (score[i] <= score[top[SCORE_ALT_TOP - 1]])
                continue;
            k = SCORE_ALT_TOP - 1;
        }
        while (k > 0 && score[top[k - 1]] < score[i]) {
            top[k] = top[k - 1];
            k--;
        }
        top[k] = i;
    }
    size_t alt[SCORE_ALT_TOP];
    size_t na = 0;
    for (size_t k = 0; k < n && k < SCORE_ALT_TOP - 1; k++)
        if (score[best] > 0 && score[top[k]] >= SCORE_ALT_SHARE * score[best])
            alt[na++] = top[k];
    if (na < SCORE_ALT_MIN)
        return best;
    for (size_t a = parent_of(&h->nodes[best]); a != SIZE_MAX; a = parent_of(&h->nodes[a])) {
        if (strcmp(h->nodes[a].name, "body") == 0)
            break;
        size_t held = 0;
        for (size_t k = 0; k < na; k++)
            held += contains(h, a, alt[k]);
        if (held >= SCORE_ALT_MIN)
            return a;
    }
    return best;
}

/* And its third: an ancestor that scores higher than the block below it on the way up
 * (scores not falling under a third of the best's meanwhile) holds more of the story:
 * the intro and the paragraphs after a "read more" wrapper. */
static size_t climb_best(const html *h, size_t best, const double *score, const bool *scored)
{
    double last = score[best], floor = score[best] / 3;
    for (size_t a = parent_of(&h->nodes[best]); a != SIZE_MAX; a = parent_of(&h->nodes[a])) {
        if (strcmp(h->nodes[a].name, "body") == 0)
            break;
        if (!scored[a])
            continue;
        if (score[a] < floor)
            break;
        if (score[a] > last)
            return a;
        last = score[a];
    }
    return best;
}

static size_t semantic_body(const html *h)
{
    size_t best = SIZE_MAX;
    for (int rank = BODY_ITEMPROP; rank >= BODY_MAIN && best == SIZE_MAX; rank--)
        for (size_t i = 0; i < h->node_count; i++)
            if (h->nodes[i].rank == rank && h->nodes[i].text > 0 &&
                (best == SIZE_MAX || h->nodes[i].text > h->nodes[best].text))
                best = i;
    return best;
}

/* Adds top's siblings that score near it, in document order, around top. */
static void merge_siblings(const html *h, size_t top, const double *score, const bool *scored,
                           body_choice *out)
{
    out->count = 0;
    size_t parent = parent_of(&h->nodes[top]);
    double threshold = scored[top] ? score[top] * 0.2 : 0;
    if (threshold < 10)
        threshold = 10;
    for (size_t i = 0; i < h->node_count && out->count < BODY_MAX_PARTS; i++) {
        if (i != top && (parent == SIZE_MAX || parent_of(&h->nodes[i]) != parent))
            continue;
        const node *nd = &h->nodes[i];
        bool join = i == top;
        if (!join && nd->kind != EL_DROP && !nd->unlikely && nd->rank != BODY_ARTICLE &&
            nd->text > 0) {
            double density = (double)nd->link_text / (double)nd->text;
            if (scored[i] && score[i] >= threshold)
                join = true;
            else if (strcmp(nd->name, "p") == 0 && nd->text > 80 && density < 0.25)
                join = true;
        }
        if (join)
            out->part[out->count++] = i;
    }
}

static void choose_body(const html *h, body_choice *out)
{
    out->count = 0;
    double *score = tqc_calloc(h->node_count ? h->node_count : 1, sizeof *score);
    bool *scored = tqc_calloc(h->node_count ? h->node_count : 1, sizeof *scored);
    size_t best = SIZE_MAX;
    if (score && scored) {
        score_blocks(h, score, scored);
        for (size_t i = 0; i < h->node_count; i++)
            if (scored[i] && (best == SIZE_MAX || score[i] > score[best]))
                best = i;
        if (best != SIZE_MAX)
            best = widen_best(h, best, score, scored);
        if (best != SIZE_MAX)
            best = climb_best(h, best, score, scored);
    }
    size_t sem = semantic_body(h);
    size_t top = sem;
    if (sem != SIZE_MAX && best != SIZE_MAX && h->nodes[sem].rank != BODY_ITEMPROP &&
        !contains(h, sem, best) && !contains(h, best, sem) &&
        h->nodes[best].text >= SCORE_TEASER_RATIO * h->nodes[sem].text)
        top = best;     /* the semantic body was a teaser */
    else if (sem == SIZE_MAX)
        top = best;
    if (top == SIZE_MAX) {
        for (size_t i = 0; i < h->node_count; i++)
            if (h->nodes[i].p_text > 0 && h->nodes[i].kind != EL_DROP &&
                (top == SIZE_MAX || h->nodes[i].p_text > h->nodes[top].p_text))
                top = i;
    }
    if (top == SIZE_MAX)
        for (size_t i = 0; i < h->node_count && top == SIZE_MAX; i++)
            if (strcmp(h->nodes[i].name, "body") == 0)
                top = i;
    if (top != SIZE_MAX && score && scored && h->nodes[top].rank != BODY_ITEMPROP)
        merge_siblings(h, top, score, scored, out);
    else if (top != SIZE_MAX)
        out->part[out->count++] = top;
    free(score);
    free(scored);
}

/* ---- cleaning the body ---- */

/* Reader views' last look, inside the chosen body (Mozilla Readability's conditional
 * cleaning): a `div`, `section`, `ul`, `table`, `form` or `fieldset` is dropped whole
 * when its class says chrome more than its score says story, or, with under
 * CLEAN_MAX_COMMAS commas, when its shape says it is no prose: images with few
 * paragraphs (a gallery), more list items than paragraphs, form fields, a short
 * link-bearing line (a "Read more"), links over a fifth of its text (over half when its
 * class says story). Text is measured without its white space, as a reader sees it (a
 * page's indentation would water its links down). Embeds count for nothing (Readability
 * keeps a block with a video and drops other embeds alone). Inner blocks are judged
 * first and what they drop does not count against the blocks around them. A figure's
 * parts and the lists of a list are spared the shape tests that would take them for a
 * gallery or a menu. */
#define CLEAN_MAX_COMMAS 10
#define CLEAN_MIN_TEXT 25       /* a shorter line with a link is a widget's label */
#define CLEAN_LIST_SHARE 0.9    /* of its text in lists: a block that is a list */
/* A body that cleaning would leave under this many visible bytes (some 500 characters
 * with their spaces) is left as it was (Readability retries without conditional
 * cleaning then): a short story is not a widget. */
#define CLEAN_MIN_BODY 420

typedef struct shape {
    uint32_t ink, link;     /* visible text bytes it keeps, and those inside links */
    uint32_t commas_off;    /* commas of dropped blocks inside it */
    uint32_t p, img, li, input;
    uint32_t heading;       /* visible bytes inside h1-h6 */
    uint32_t listed;        /* visible bytes inside ul or ol */
    uint32_t data;          /* th, thead, caption: a table of data, not of layout */
} shape;

static bool is_heading(const char *name)
{
    return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0';
}

/* Whether Readability's conditional cleaning drops node nd, whose shape s counts what it
 * holds after its inner blocks were judged; score is its reader-view score (0 when not
 * scored), in_figure whether it is inside a `figure`. */
static bool clean_drops(const node *nd, const shape *s, double score, bool in_figure)
{
    static const char *const cleaned[] = {"div", "section", "ul", "table", "form", "fieldset"};
    if (!IN(nd->name, cleaned) || (strcmp(nd->name, "table") == 0 && s->data))
        return false;
    double weight = 25.0 * nd->hint;
    if (weight + score < 0)
        return true;
    if (nd->commas - s->commas_off >= CLEAN_MAX_COMMAS)
        return false;
    double ink = s->ink;
    double links = ink > 0 ? s->link / ink : 0;
    double headings = ink > 0 ? s->heading / ink : 0;
    bool list = strcmp(nd->name, "ul") == 0 || (ink > 0 && s->listed > CLEAN_LIST_SHARE * ink);
    double li = (double)s->li - 100;    /* as Readability: lists are not judged by it */
    bool drop = (!in_figure && s->img > 1 && 2 * s->p < s->img) ||
                (!list && li > s->p) ||
                s->input > s->p / 3 ||
                (!list && !in_figure && headings < 0.9 && ink < CLEAN_MIN_TEXT &&
                 (s->img == 0 || s->img > 2) && links > 0) ||
                (!list && weight < 25 && links > 0.2) ||
                (weight >= 25 && links > 0.5);
    /* A list of images (one image an item) stays: it is the story's pictures. */
    if (drop && list && strcmp(nd->name, "ul") == 0 && s->img == s->li && s->img > 0)
        return false;
    return drop;
}

/* Marks EL_DROP the blocks inside body part `top` that conditional cleaning drops
 * (score and scored: the reader-view scores), innermost first; leaves the part as it
 * was when what would stay is under CLEAN_MIN_BODY visible bytes. */
static void clean_part(html *h, size_t top, const double *score, const bool *scored)
{
    size_t end = top + 1;
    while (end < h->node_count && h->nodes[end].open_ev < h->nodes[top].close_ev)
        end++;
    size_t n = end - top;
    shape *sh = tqc_calloc(n, sizeof *sh);
    bool *drop = tqc_calloc(n, sizeof *drop);
    bool *fig = tqc_calloc(n, sizeof *fig);
    if (!sh || !drop || !fig) {
        free(sh);
        free(drop);
        free(fig);
        return;
    }
    /* Inside a figure: parents come before their children. */
    for (size_t k = 1; k < n; k++) {
        size_t up = parent_of(&h->nodes[top + k]) - top;
        fig[k] = fig[up] || strcmp(h->nodes[top + up].name, "figure") == 0;
    }
    /* Each element's own visible text, and how much of it is in links: the innermost
     * element open at a text event holds it. */
    size_t cur = 0, links = 0;
    for (size_t e = h->nodes[top].open_ev + 1; e < h->nodes[top].close_ev && e < h->event_count;
         e++) {
        const event *ev = &h->events[e];
        if (ev->type == EV_TEXT) {
            uint32_t ink = 0;
            size_t len;
            const char *t = ev_text(h, ev, &len);
            for (size_t b = 0; b < len; b++)
                ink += !isspace((unsigned char)t[b]);
            sh[cur].ink += ink;
            sh[cur].link += links ? ink : 0;
            continue;
        }
        if (ev->type == EV_IOPEN || ev->type == EV_ICLOSE)
            continue;   /* its text is its parent's */
        const node *nd = &h->nodes[ev->ref];
        bool a = strcmp(nd->name, "a") == 0;
        if (ev->type == EV_OPEN && ev->ref > top && ev->ref < end) {
            cur = ev->ref - top;
            links += a;
        } else if (ev->type == EV_CLOSE && ev->ref > top && ev->ref < end) {
            cur = parent_of(nd) - top;
            links -= a && links;
        }
    }
    /* Children come after their parents: from the last node back, each is judged with
     * what it holds already summed, then passes its counts to its parent. */
    for (size_t k = n; k-- > 1;) {
        size_t i = top + k;
        const node *nd = &h->nodes[i];
        shape *s = &sh[k], *ps = &sh[parent_of(nd) - top];
        if (nd->kind == EL_DROP)
            continue;       /* none of its text was kept */
        if (!nd->unlikely)
            drop[k] = clean_drops(nd, s, scored[i] ? score[i] : 0, fig[k]);
        if (drop[k] || nd->unlikely) {
            ps->commas_off += nd->commas;   /* none of it reaches the blocks around it */
            continue;
        }
        ps->ink += s->ink;
        ps->link += s->link;
        ps->commas_off += s->commas_off;
        ps->p += s->p + nd->is_p;
        ps->img += s->img + (strcmp(nd->name, "img") == 0);
        ps->li += s->li + (strcmp(nd->name, "li") == 0);
        ps->input += s->input + (strcmp(nd->name, "input") == 0);
        ps->data += s->data + (strcmp(nd->name, "th") == 0 || strcmp(nd->name, "thead") == 0 ||
                               strcmp(nd->name, "caption") == 0);
        ps->heading += is_heading(nd->name) ? s->ink : s->heading;
        ps->listed += strcmp(nd->name, "ul") == 0 || strcmp(nd->name, "ol") == 0 ? s->ink
                                                                                 : s->listed;
    }
    if (sh[0].ink >= CLEAN_MIN_BODY)
        for (size_t k = 1; k < n; k++)
            if (drop[k])
                h->nodes[top + k].kind = EL_DROP;
    free(sh);
    free(drop);
    free(fig);
}

/* A form is page furniture (a search box, a sign-up, a comment form) and is dropped
 * with what it holds, as `nav` is, unless it holds half the page's text or more: some
 * sites wrap the whole page in one form (ASP.NET does), story and all. Its counts
 * leave its ancestors', as a form dropped while the page was read would have. */
static void drop_forms(html *h)
{
    uint32_t total = 0;
    for (size_t i = 0; i < h->node_count; i++)
        if (h->nodes[i].text > total)
            total = h->nodes[i].text;
    for (size_t i = 0; i < h->node_count; i++) {
        node *f = &h->nodes[i];
        if (strcmp(f->name, "form") != 0 || excluded(h, i) || 2 * (uint64_t)f->text >= total)
            continue;
        for (size_t a = parent_of(f); a != SIZE_MAX; a = parent_of(&h->nodes[a])) {
            node *up = &h->nodes[a];
            up->text -= f->text;
            up->digits -= f->digits;
            up->letters -= f->letters;
            up->link_text -= f->link_text;
            up->link_ink -= f->link_ink;
            up->links -= f->links;
            up->commas -= f->commas;
            up->ink -= f->ink;
            up->symbols -= f->symbols;
        }
        f->kind = EL_DROP;
    }
}

/* Visible text bytes of the body that chrome inside it (unlikely blocks) leaves. */
static size_t body_text(const html *h, const body_choice *body)
{
    size_t total = 0;
    for (size_t k = 0; k < body->count; k++) {
        size_t top = body->part[k], off = 0;
        uint32_t close = h->nodes[top].close_ev;
        for (size_t i = top + 1; i < h->node_count && h->nodes[i].open_ev < close; i++) {
            const node *nd = &h->nodes[i];
            if (!nd->unlikely || nd->kind == EL_DROP)
                continue;
            bool outer = true;  /* no unlikely block around it counted already */
            for (size_t a = parent_of(nd); a != top && a != SIZE_MAX;
                 a = parent_of(&h->nodes[a]))
                outer = outer && !h->nodes[a].unlikely && h->nodes[a].kind != EL_DROP;
            off += outer ? nd->ink : 0;
        }
        total += h->nodes[top].ink - (off < h->nodes[top].ink ? off : h->nodes[top].ink);
    }
    return total;
}

/* The body (choose_body); when chrome leaves it under CLEAN_MIN_BODY visible bytes, the
 * page's markup may have swallowed the story into a block that reads as chrome (a
 * header `div` never closed): as Readability does, the choice is made again with no
 * block taken for chrome by its class, and kept when it has more text and lies inside
 * such a block. */
static void choose_body_again(html *h, body_choice *body)
{
    choose_body(h, body);
    size_t kept = body_text(h, body);
    if (kept >= CLEAN_MIN_BODY)
        return;
    bool *was = tqc_calloc(h->node_count ? h->node_count : 1, sizeof *was);
    if (!was)
        return;
    bool any = false;
    for (size_t i = 0; i < h->node_count; i++) {
        was[i] = h->nodes[i].unlikely;
        any = any || was[i];
        h->nodes[i].unlikely = false;
    }
    body_choice again;
    if (any) {
        choose_body(h, &again);
        /* Only a story inside a block taken for chrome was lost to it; a wrapper of
         * the whole page that holds chrome is no better a body. */
        bool swallowed = false;
        for (size_t a = again.count ? again.part[0] : SIZE_MAX; a != SIZE_MAX && !swallowed;
             a = parent_of(&h->nodes[a]))
            swallowed = was[a];
        if (swallowed && body_text(h, &again) > kept) {
            *body = again;
            free(was);
            return;
        }
    }
    for (size_t i = 0; i < h->node_count; i++)
        h->nodes[i].unlikely = was[i];
    free(was);
}

static void clean_body(html *h, const body_choice *body)
{
    double *score = tqc_calloc(h->node_count ? h->node_count : 1, sizeof *score);
    bool *scored = tqc_calloc(h->node_count ? h->node_count : 1, sizeof *scored);
    if (score && scored) {
        score_blocks(h, score, scored);
        for (size_t i = 0; i < body->count; i++)
            clean_part(h, body->part[i], score, scored);
    }
    free(score);
    free(scored);
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
    bool *code;             /* per byte of the open `pre`'s text: in a paragraph of code */
    size_t code_len, code_at;   /* its length; the byte the next text event starts at */
    size_t opens_from;      /* inline opens recorded while a space or break was pending
                               (tb.inl[opens_from...]): they belong after it */
    size_t codes_from;      /* code marks recorded while a break was pending (SIZE_MAX:
                               none): the code opened the next paragraph (an `li`'s) */
    bool verse;             /* the pending line break is in a block of verse (see
                               line_of_its_own) */
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

/* Whether a line break (`br`) before the text next[0, n) falls inside a sentence: the
 * line before ends in a letter or a comma and the next begins in lower case. A browser
 * wraps the sentence there; it is one sentence, not a line of its own. */
static bool soft_break(const layout *l, const char *next, size_t n)
{
    int last = tqc_tb_last(&l->tb);
    int32_t cp;
    if (l->pre || l->brk != 1 || n == 0 || tqc_text_decode(next, n, &cp) == 0)
        return false;
    return (isalpha(last) || last >= 0x80 || last == ',') && tqc_text_is_lower(cp);
}

/* Whether a line break (`br`) before the text next[0, n) ends a line of its own: the
 * line before ends in a letter (no sentence punctuation), the next begins in upper case,
 * and so do most lines after a break in its block, as verse, lyrics and addresses are
 * set (prose wrapped by hand begins most of its lines in lower case, and a capital there
 * is a name, or a German noun, inside the sentence). It ends a paragraph: the segmenter
 * would join the two lines into one sentence with a capital inside it. */
static bool line_of_its_own(const layout *l, const char *next, size_t n)
{
    int last = tqc_tb_last(&l->tb);
    int32_t cp;
    if (!l->verse || l->pre || l->brk != 1 || n == 0 || tqc_text_decode(next, n, &cp) == 0)
        return false;
    return (isalpha(last) || last >= 0x80) && tqc_text_is_upper(cp);
}

/* Emits what is pending before the text next[0, n), which begins at at. */
static void flush(layout *l, tqc_srcpos at, const char *next, size_t n)
{
    size_t before = l->tb.len;
    if (l->tb.len == 0) {
        l->brk = 0;
        l->space = false;
    } else if (soft_break(l, next, n)) {
        tqc_tb_append(&l->tb, " ", 1, l->space ? l->space_at : at, false);
        l->brk = 0;
        l->space = false;
    } else if (l->brk) {
        if (line_of_its_own(l, next, n))
            l->brk = 2;
        tqc_tb_append(&l->tb, "\n\n", (size_t)l->brk, at, false);
        l->brk = 0;
        l->space = false;
    } else if (l->space) {
        if (tqc_tb_last(&l->tb) != '\n')
            tqc_tb_append(&l->tb, " ", 1, l->space_at, l->space_exact);
        l->space = false;
    }
    /* An element opened before the space or break begins after it, and so does code
     * left out after a break; every mark after a moved one moves too (the close of an
     * empty `<span id="x"></span>`), so the marks stay sorted by offset, as the passes'
     * binary searches need. */
    bool moving = false;
    for (size_t i = l->opens_from; i < l->tb.inl_count; i++)
        if (l->tb.inl[i].offset == before &&
            (moving || l->tb.inl[i].kind == TQC_INLINE_OPEN ||
             (i >= l->codes_from && l->tb.inl[i].kind == TQC_INLINE_STANDALONE))) {
            l->tb.inl[i].offset = l->tb.len;
            moving = true;
        }
    l->opens_from = l->tb.inl_count;
    l->codes_from = SIZE_MAX;
}

static void request_break(layout *l, int level)
{
    if (level > l->brk)
        l->brk = level;
}

/* Lays out bytes [from, n) of a text event. */
static void lay_span(layout *l, const event *ev, size_t from, size_t n)
{
    size_t len;
    const char *s = ev_text(l->h, ev, &len);
    /* Exact text finds its own positions; asking for the event's start again after a
     * first span would move the cursor back. */
    tqc_srcpos base = ev->exact ? (tqc_srcpos){0, 0, 0, 0} : pos_at(l, ev->src);
    for (size_t i = from; i < n;) {
        size_t j = i;
        if (is_ws(s[i])) {
            size_t newlines = 0;
            while (j < n && is_ws(s[j]))
                newlines += s[j++] == '\n';
            /* In prose set in `pre`, a blank line ends a paragraph; the rest of its
             * layout (hard-wrapped lines, indents) is white space as anywhere. */
            if (l->pre && newlines >= 2) {
                request_break(l, 2);
                i = j;
                continue;
            }
            if (!l->space) {
                l->space = true;
                l->space_at = ev->exact ? pos_at(l, ev->src + i) : base;
                l->space_exact = ev->exact && j - i == 1 && s[i] == ' ';
            }
            i = j;
            continue;
        }
        while (j < n && !is_ws(s[j]))
            j++;
        tqc_srcpos at = ev->exact ? pos_at(l, ev->src + i) : base;
        flush(l, at, s + i, j - i);
        tqc_tb_append(&l->tb, s + i, j - i, at, ev->exact);
        i = j;
    }
}

static bool in_code(const layout *l, size_t i)
{
    return l->code_at + i < l->code_len && l->code[l->code_at + i];
}

/* Lays out a text event, leaving out the paragraphs of code of a prose `pre`. */
static void lay_text(layout *l, const event *ev)
{
    size_t len;
    ev_text(l->h, ev, &len);
    if (!l->pre || !l->code) {
        lay_span(l, ev, 0, len);
        return;
    }
    for (size_t i = 0, j; i < len; i = j) {
        bool code = in_code(l, i);
        for (j = i + 1; j < len && in_code(l, j) == code; j++)
            ;
        if (code) {
            /* A standalone mark where the code was, at the end of the text before it:
             * the line that leads into it (`use the command`) is not cut off. */
            if (l->tb.len && !(l->tb.inl_count &&
                               l->tb.inl[l->tb.inl_count - 1].offset == l->tb.len &&
                               l->tb.inl[l->tb.inl_count - 1].kind == TQC_INLINE_STANDALONE))
                tqc_tb_inline(&l->tb, TQC_INLINE_STANDALONE, "pre", NULL,
                              pos_at(l, ev->src).line);
            request_break(l, 2);
        } else
            lay_span(l, ev, i, j);
    }
    l->code_at += len;
}

/* A block inside the body that is mostly links and says little (under
 * LINKS_MAX_COMMAS commas): a list of related stories, tags or share buttons, as reader
 * views clean it out. Or, commas or not, a block of LINKS_LIST_MIN links or more that
 * are over LINKS_LIST_SHARE of its visible text, whatever its element: a list of tags
 * or topics after a label ("Tags: a, b, c" set in a `p` or an `li`). Visible text, not
 * bytes: a page's indentation would water its links down. A paragraph of one or two
 * links is never one: a lone link between paragraphs stays, to be reported as scraping
 * residue. */
#define LINKS_MAX_COMMAS 10
#define LINKS_LIST_MIN 3
#define LINKS_LIST_SHARE (2.0 / 3.0)

static bool link_block(const node *nd)
{
    static const char *const lists[] = {"div", "section", "ul", "ol", "dl", "table", "header"};
    if (nd->kind != EL_BLOCK || nd->ink == 0)
        return false;
    if (nd->links >= LINKS_LIST_MIN && nd->link_ink > LINKS_LIST_SHARE * nd->ink)
        return true;
    return nd->commas < LINKS_MAX_COMMAS && 2 * nd->link_ink > nd->ink && IN(nd->name, lists);
}

/* Whether lay_out leaves node i out (with all it holds). */
static bool skipped(const html *h, size_t i, size_t top)
{
    const node *nd = &h->nodes[i];
    return nd->kind == EL_DROP || (i != top && (nd->unlikely || link_block(nd)));
}

/* A paragraph of code inside prose set in `pre` (an example request, a JSON body): a
 * run between blank lines where code's characters, with " : / @ & % too, are one in
 * PRE_CODE_SYMBOLS of its letters or more. */
#define PRE_CODE_SYMBOLS 10

/* Whether the line of a `pre` at text[i..end) has the shape of code, a command line or
 * a configuration file rather than of prose: it opens with a comment mark or a shell
 * prompt (`# swap was on /dev/sda5`, `$ date`), opens with a field's name (`Depends:`),
 * ends as a program's line does (`{ } ; \`), or lays out columns, two spaces or a tab
 * between two of its fields (`rw,user,noauto    0    0`), where prose set in `pre` (a
 * plain-text mail, a poem, an RFC) writes one space, or two only after a sentence's
 * mark or a list's bullet. i is the line's first byte that is no space. */
static bool code_line(const char *text, size_t i, size_t end)
{
    if (text[i] == '#' || ((text[i] == '$' || text[i] == '%') && i + 1 < end && text[i + 1] == ' '))
        return true;
    /* `Depends: perl`, `Host: example.org`: a field of a header or a control file. */
    size_t w = i;
    while (w < end && !strchr(" \t:", text[w]))
        w++;
    if (w > i && w + 2 < end && text[w] == ':' && text[w + 1] == ' ' &&
        !strchr(" \t\r", text[w + 2]))
        return true;
    /* `int main() {`, `return 0;`: a line of a program. */
    size_t last = end;
    while (last > i && strchr(" \t\r", text[last - 1]))
        last--;
    if (last > i && strchr("{};\\", text[last - 1]))
        return true;
    for (size_t k = i + 1; k + 1 < end; k++) {
        bool gap = text[k] == '\t' || (text[k] == ' ' && text[k + 1] == ' ');
        if (!gap || strchr(" \t", text[k - 1]))
            continue;
        size_t n = k;
        while (n < end && (text[n] == ' ' || text[n] == '\t'))
            n++;
        /* (`*  GET a folder`: the gap after a list's bullet is a list's.) */
        bool bullet = k - i <= 2 && !tqc_text_is_letter((unsigned char)text[i]);
        if (n < end && !strchr(".!?:;,", text[k - 1]) && !bullet)
            return true;
        k = n;
    }
    return false;
}

/* The first byte at or after i (up to end) that is no space or tab. */
static size_t first_field(const char *text, size_t i, size_t end)
{
    while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
        i++;
    return i;
}

/* A paragraph of a `pre` is code when at least half its lines (PRE_CODE_LINES of
 * PRE_CODE_LINES_OF) have code's shape (code_line). */
#define PRE_CODE_LINES 1
#define PRE_CODE_LINES_OF 2

/* Marks, per byte of the text the `pre` whose open event is first lays out, whether it
 * is in a paragraph of code (l->code; none marked when memory runs out). */
static void mark_code(layout *l, size_t first, size_t last, size_t top)
{
    const html *h = l->h;
    size_t n = 0, drop = 0;
    for (int pass = 0; pass < 2; pass++) {
        char *text = NULL;
        if (pass == 1) {
            free(l->code);
            l->code = tqc_calloc(n ? n : 1, sizeof *l->code);
            text = tqc_malloc(n ? n : 1);
            if (!l->code || !text) {
                free(text);
                free(l->code);
                l->code = NULL;
                return;
            }
            l->code_len = n;
            l->code_at = 0;
        }
        n = drop = 0;
        for (size_t e = first + 1; e < last && e < h->event_count; e++) {
            const event *ev = &h->events[e];
            if (ev->type == EV_IOPEN || ev->type == EV_ICLOSE)
                continue;   /* never skipped */
            if (ev->type != EV_TEXT) {
                if (skipped(h, ev->ref, top))
                    drop += ev->type == EV_OPEN ? 1 : (drop ? (size_t)-1 : 0);
                continue;
            }
            if (drop)
                continue;
            size_t len;
            const char *t = ev_text(h, ev, &len);
            if (text)
                memcpy(text + n, t, len);
            n += len;
        }
        if (!text)
            continue;
        /* Paragraphs: runs between blank lines (a newline, spaces, a newline). */
        for (size_t i = 0; i < n;) {
            size_t end = i, letters = 0, symbols = 0, lines = 0, code_lines = 0, line = i;
            while (end < n) {
                if (text[end] == '\n') {
                    line = first_field(text, line, end);
                    lines += line < end;
                    code_lines += line < end && code_line(text, line, end);
                    line = end + 1;
                    size_t k = end + 1;
                    while (k < n && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
                        k++;
                    if (k < n && text[k] == '\n')
                        break;
                }
                unsigned char c = (unsigned char)text[end++];
                letters += isalpha(c) || c >= 0xC0;
                symbols += c != '\0' && strchr("{}()[];=<>$|\\`\":/@&%", c) != NULL;
            }
            line = first_field(text, line, end);
            lines += line < end;
            code_lines += line < end && code_line(text, line, end);
            if (symbols * PRE_CODE_SYMBOLS >= letters ||
                (lines && code_lines * PRE_CODE_LINES_OF >= lines * PRE_CODE_LINES))
                memset(l->code + i, 1, end - i);
            i = end + 1;
        }
        free(text);
    }
}

/* Records where an inline element named name opens or closes (its tag at file offset
 * src). */
static void lay_inline(layout *l, bool open, const char *name, size_t src)
{
    /* An element inside a paragraph of code left out of a `pre` (a link in an example)
     * goes with it: its bounds would mark the prose beside the hole. */
    bool code = l->pre && l->code &&
                (in_code(l, 0) || (l->code_at > 0 && l->code_at - 1 < l->code_len &&
                                    l->code[l->code_at - 1]));
    if (l->tb.len == 0 || code)
        return;
    size_t line = pos_at(l, src).line;
    if (!l->space && !l->brk)
        l->opens_from = l->tb.inl_count + 1;
    tqc_tb_inline(&l->tb, open ? TQC_INLINE_OPEN : TQC_INLINE_CLOSE, name, NULL, line);
}

/* Lays out the events [first, last); top (the body part being laid out) is kept even
 * when its class looks like chrome. */
static void lay_out(layout *l, size_t first, size_t last, size_t top)
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
        if (ev->type == EV_IOPEN || ev->type == EV_ICLOSE) {
            if (!drop)
                lay_inline(l, ev->type == EV_IOPEN,
                           tqc_strmap_key(h->names, ev->ref, NULL), ev->src);
            continue;
        }
        const node *nd = &h->nodes[ev->ref];
        bool open = ev->type == EV_OPEN;
        if (skipped(h, ev->ref, top)) {
            drop += open ? 1 : (drop ? (size_t)-1 : 0);
            /* Code inside a sentence leaves a hole (`values are <code>x</code>, and`),
             * and so do words in another language: a standalone code marks it, as an
             * XLIFF placeholder does, so the passes read `are ,` as a gap in the text
             * rather than a slip. */
            static const char *const inline_code[] = {"code", "kbd", "samp", "var"};
            static const char *const code_blocks[] = {"pre", "listing", "xmp", "plaintext"};
            if (!drop && !open && l->tb.len && (IN(nd->name, inline_code) || nd->foreign)) {
                if (l->brk && l->codes_from == SIZE_MAX)
                    l->codes_from = l->tb.inl_count;
                tqc_tb_inline(&l->tb, TQC_INLINE_STANDALONE, nd->name, NULL,
                              pos_at(l, ev->src).line);
            } else if (!drop && !open && l->tb.len && IN(nd->name, code_blocks)) {
                /* A block of code left out is marked at the end of the text before it
                 * (not moved past the break): that line leads into the code. */
                tqc_tb_inline(&l->tb, TQC_INLINE_STANDALONE, "pre", NULL,
                              pos_at(l, ev->src).line);
            }
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
            /* Headings, captions, list items and the terms of a definition list are
             * recorded like inline elements (after the break they open, before the one
             * they close): the passes can tell a page's own heading, caption or list from
             * a headline, caption or line of chrome left in the body. */
            if (is_heading(nd->name) || strcmp(nd->name, "figcaption") == 0 ||
                strcmp(nd->name, "li") == 0 || strcmp(nd->name, "dt") == 0)
                tqc_tb_inline(&l->tb, open ? TQC_INLINE_OPEN : TQC_INLINE_CLOSE, nd->name,
                              NULL, pos_at(l, ev->src).line);
            /* A block the page classes as a caption is recorded as one. */
            else if (nd->caption)
                tqc_tb_inline(&l->tb, open ? TQC_INLINE_OPEN : TQC_INLINE_CLOSE, "figcaption",
                              NULL, pos_at(l, ev->src).line);
            if (strcmp(nd->name, "pre") == 0) {
                l->pre += open ? 1 : (l->pre ? (size_t)-1 : 0);
                if (open && l->pre == 1)
                    mark_code(l, e, nd->close_ev, top);
                if (!l->pre) {
                    free(l->code);
                    l->code = NULL;
                }
            }
            break;
        case EL_BREAK:
            if (open) {
                request_break(l, 1);
                size_t b = parent_of(nd);
                while (b != SIZE_MAX && h->nodes[b].kind != EL_BLOCK)
                    b = parent_of(&h->nodes[b]);
                l->verse = b != SIZE_MAX && h->nodes[b].br_upper > h->nodes[b].br_lower;
            }
            break;
        case EL_INLINE:
            /* A caption set in a `span` is recorded as one too. An element with no
             * text (an anchor target, `<a id="s2"></a>` before a heading) bounds no
             * words: recorded, it made the heading after it read as one link. */
            if (nd->ink > 0)
                lay_inline(l, open, nd->caption ? "figcaption" : nd->name, ev->src);
            break;
        default:
            break;
        }
    }
}

/* ---- the character set ---- */

/* Bytes of the page the <meta> prescan looks at (WHATWG: 1,024). */
#define HTML_PRESCAN_BYTES 1024

/* How many bytes of s[0, n) are not valid UTF-8, and whether any is non-ASCII. */
static size_t invalid_utf8(const char *s, size_t n, bool *non_ascii)
{
    size_t bad = 0;
    *non_ascii = false;
    for (size_t i = 0; i < n;) {
        if (!((unsigned char)s[i] & 0x80)) {
            i++;
            continue;
        }
        *non_ascii = true;
        int32_t cp;
        size_t k = tqc_text_decode(s + i, n - i, &cp);
        if (cp < 0)
            bad++;
        i += k ? k : 1;
    }
    return bad;
}

/* A charset label as WHATWG's Encoding Standard names it, in a spelling iconv knows:
 * legacy Latin labels are Windows-1252, GB2312 is GBK, a UTF-16 label in a <meta> is
 * UTF-8 (the bytes are ASCII-compatible if the meta could be read). */
static void charset_name(const char *label, char *out, size_t cap)
{
    static const struct {
        const char *label, *name;
    } aliases[] = {
        {"utf8", "UTF-8"}, {"utf-8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
        {"utf-16", "UTF-8"}, {"utf-16le", "UTF-8"}, {"utf-16be", "UTF-8"},
        {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
        {"latin1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
        {"us-ascii", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"}, {"x-cp1252", "WINDOWS-1252"},
        {"windows-1252", "WINDOWS-1252"}, {"x-user-defined", "WINDOWS-1252"},
        {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
        {"gb2312", "GBK"}, {"gbk", "GBK"}, {"x-gbk", "GBK"}, {"csgb2312", "GBK"},
        {"chinese", "GBK"}, {"gb_2312-80", "GBK"}, {"euc-kr", "CP949"},
        {"ks_c_5601-1987", "CP949"}, {"shift_jis", "CP932"}, {"sjis", "CP932"},
        {"x-sjis", "CP932"}, {"windows-31j", "CP932"}, {"tis-620", "CP874"},
        {"iso-8859-11", "CP874"},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcasecmp(label, aliases[i].label) == 0) {
            snprintf(out, cap, "%s", aliases[i].name);
            return;
        }
    snprintf(out, cap, "%s", label);
}

/* The charset named in a Content-Type value (`text/html; charset=gb2312`), or "". */
static void charset_in_content(const char *v, char *out, size_t cap)
{
    out[0] = '\0';
    for (const char *p = v; *p; p++) {
        if (strncasecmp(p, "charset", 7) != 0)
            continue;
        p += 7;
        while (is_ws(*p))
            p++;
        if (*p != '=') {
            if (!*p)
                break;
            continue;
        }
        p++;
        while (is_ws(*p))
            p++;
        char q = (*p == '"' || *p == '\'') ? *p++ : '\0';
        size_t n = 0;
        while (p[n] && n + 1 < cap && (q ? p[n] != q : !is_ws(p[n]) && p[n] != ';'))
            n++;
        memcpy(out, p, n);
        out[n] = '\0';
        return;
    }
}

/* One attribute of a tag at s[*i, n): name and value (lower-cased name; value as
 * written, cut to its buffer); false at the tag's end. */
static bool next_attr(const char *s, size_t n, size_t *i, char *name, size_t ncap, char *val,
                      size_t vcap)
{
    size_t k = *i;
    while (k < n && (is_ws(s[k]) || s[k] == '/'))
        k++;
    if (k >= n || s[k] == '>') {
        *i = k;
        return false;
    }
    size_t nl = 0, vl = 0;
    while (k < n && !is_ws(s[k]) && s[k] != '=' && s[k] != '>' && s[k] != '/') {
        if (nl + 1 < ncap)
            name[nl++] = (char)tolower((unsigned char)s[k]);
        k++;
    }
    while (k < n && is_ws(s[k]))
        k++;
    if (k < n && s[k] == '=') {
        k++;
        while (k < n && is_ws(s[k]))
            k++;
        char q = k < n && (s[k] == '"' || s[k] == '\'') ? s[k++] : '\0';
        while (k < n && (q ? s[k] != q : !is_ws(s[k]) && s[k] != '>')) {
            if (vl + 1 < vcap)
                val[vl++] = s[k];
            k++;
        }
        if (q && k < n)
            k++;
    }
    name[nl] = '\0';
    val[vl] = '\0';
    *i = k;
    return true;
}

/* The WHATWG <meta> prescan of s[0, n): the charset a meta declares, or "". */
static void prescan(const char *s, size_t n, char *out, size_t cap)
{
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '<')
            continue;
        if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
            const char *e = strstr(s + i + 4, "-->");
            if (!e || (size_t)(e - s) >= n)
                return;
            i = (size_t)(e - s) + 2;
            continue;
        }
        if (i + 6 <= n && strncasecmp(s + i, "<meta", 5) == 0 &&
            (is_ws(s[i + 5]) || s[i + 5] == '/')) {
            size_t k = i + 5;
            char name[32], val[256], charset[64] = "", content[64] = "";
            bool http_ct = false;
            while (next_attr(s, n, &k, name, sizeof name, val, sizeof val)) {
                if (strcmp(name, "charset") == 0 && !charset[0])
                    snprintf(charset, sizeof charset, "%.63s", val);
                else if (strcmp(name, "http-equiv") == 0)
                    http_ct = strcasecmp(val, "content-type") == 0;
                else if (strcmp(name, "content") == 0 && !content[0])
                    charset_in_content(val, content, sizeof content);
            }
            const char *got = charset[0] ? charset : http_ct ? content : "";
            if (*got) {
                size_t b = 0, e = strlen(got);
                while (b < e && is_ws(got[b]))
                    b++;
                while (e > b && is_ws(got[e - 1]))
                    e--;
                snprintf(out, cap, "%.*s", (int)(e - b), got + b);
                return;
            }
            i = k;
            continue;
        }
        /* Any other tag: skip to its end, quoted values included. */
        size_t k = i + 1;
        char name[32], val[8];
        if (k < n && isalpha((unsigned char)s[k])) {
            while (k < n && !is_ws(s[k]) && s[k] != '>')
                k++;
            while (next_attr(s, n, &k, name, sizeof name, val, sizeof val))
                ;
        } else {
            while (k < n && s[k] != '>')
                k++;
        }
        i = k;
    }
}

/* Decodes h->src from charset enc to UTF-8 in place, before parsing: libxml2 told a
 * legacy charset decodes it itself, but then each position it reports (xmlByteConsumed)
 * re-encodes the rest of the page, which is quadratic. A byte sequence enc does not
 * have becomes U+FFFD. Positions after this are those of the UTF-8 text, and the doc
 * says so (map_decoded): fix keeps every edit a suggestion, since a UTF-8 replacement at
 * a UTF-8 offset would damage the legacy file. */
static tqc_status decode_legacy(html *h, const char *enc)
{
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1 && (cd = iconv_open("UTF-8", "WINDOWS-1252")) == (iconv_t)-1)
        return TQC_OK;  /* no converter at all: libxml2's own decoding remains */
    /* A legacy byte gives at most 4 bytes of UTF-8, or 3 for U+FFFD. */
    size_t cap = h->src_len * 4 + 4;
    char *out = tqc_malloc(cap);
    if (!out) {
        iconv_close(cd);
        return TQC_ENOMEM;
    }
    char *in = (char *)h->src, *dst = out;
    size_t left = h->src_len, room = cap;
    if (strncmp(enc, "UTF-16", 6) == 0 && left >= 2) {  /* the byte order mark is no text */
        in += 2;
        left -= 2;
    }
    tqc_iconv_utf8(cd, &in, &left, &dst, &room, true);
    iconv_close(cd);
    size_t len = (size_t)(dst - out);
    char *fit = tqc_realloc(out, len + 1);
    free((char *)h->src);
    h->src = fit ? fit : out;
    h->src_len = len;
    h->decoded = true;
    snprintf(h->charset, sizeof h->charset, "UTF-8");
    return TQC_OK;
}

/* Settles the page's character set into h->charset, noting in in->note a declaration
 * the bytes contradict. Invalid bytes in a page that is otherwise UTF-8 become '?' (same
 * length, so offsets hold), and the note says where the first was. */
static tqc_status settle_charset(html *h)
{
    char *src = (char *)h->src;
    size_t n = h->src_len;
    char note[512] = "";
    char declared[64] = "", label[64] = "";
    const char *enc = NULL;
    if (n >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        enc = "UTF-8";
    else if (n >= 2 && memcmp(src, "\xFF\xFE", 2) == 0)
        enc = "UTF-16LE";
    else if (n >= 2 && memcmp(src, "\xFE\xFF", 2) == 0)
        enc = "UTF-16BE";
    if (!enc) {
        prescan(src, n < HTML_PRESCAN_BYTES ? n : HTML_PRESCAN_BYTES, label, sizeof label);
        if (label[0])
            charset_name(label, declared, sizeof declared);
        bool non_ascii;
        size_t bad = invalid_utf8(src, n, &non_ascii);
        size_t multi = 0;
        for (size_t i = 0; i < n; i++)
            multi += ((unsigned char)src[i] & 0xC0) == 0xC0;
        /* Valid UTF-8 beyond chance: a legacy text almost never is. A few bad bytes in
         * a page of many good sequences are damage to a UTF-8 page. */
        if (non_ascii && (bad == 0 || (multi >= 20 && bad * 20 <= multi))) {
            enc = "UTF-8";
            if (declared[0] && strcmp(declared, "UTF-8") != 0)
                snprintf(note, sizeof note, "%s: declares charset '%s', but its bytes are "
                         "UTF-8; read as UTF-8", h->in->name, label);
            if (bad) {
                size_t first = SIZE_MAX;
                for (size_t i = 0; i < n;) {
                    int32_t cp;
                    size_t k = tqc_text_decode(src + i, n - i, &cp);
                    if (cp < 0 && ((unsigned char)src[i] & 0x80)) {
                        if (first == SIZE_MAX)
                            first = i;
                        src[i] = '?';
                        i++;
                        continue;
                    }
                    i += k ? k : 1;
                }
                size_t used = strlen(note);
                snprintf(note + used, sizeof note - used, "%s%s: %zu bytes are not valid UTF-8 "
                         "(the first at byte %zu); each is read as '?'", used ? "; " : "",
                         used ? "and" : h->in->name, bad, first);
            }
        } else if (declared[0] && strcmp(declared, "UTF-8") != 0) {
            enc = declared;
        } else if (non_ascii) {
            enc = "WINDOWS-1252";
            if (declared[0])
                snprintf(note, sizeof note, "%s: declares charset '%s', but its bytes are not "
                         "UTF-8; read as Windows-1252", h->in->name, label);
        } else {
            enc = "UTF-8";  /* ASCII: any ASCII-compatible charset reads it alike */
        }
    }
    snprintf(h->charset, sizeof h->charset, "%s", enc);
    if (strcmp(enc, "UTF-8") != 0) {
        tqc_status st = decode_legacy(h, enc);
        if (st != TQC_OK)
            return st;
    }
    if (note[0]) {
        free(h->in->note);
        size_t len = strlen(note) + 1;
        if (!(h->in->note = tqc_malloc(len)))
            return TQC_ENOMEM;
        memcpy(h->in->note, note, len);
    }
    return TQC_OK;
}

/* ---- the reader ---- */

static void release_page(html *h);

static void html_free(html *h)
{
    if (!h)
        return;
    release_page(h);
    free(h);
}

static tqc_status html_open(tqc_input *in, char *err, size_t errlen)
{
    html *h = tqc_calloc(1, sizeof *h);
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
    return settle_charset(h);
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
                                    HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED |
                                    HTML_PARSE_IGNORE_ENC);
    /* The charset settled above, told up front: the page's own hints are ignored. */
    if (strcmp(h->charset, "UTF-8") == 0) {
        xmlSwitchEncoding(h->ctxt, XML_CHAR_ENCODING_UTF8);
    } else {
        xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(h->charset);
        if (!handler)
            handler = xmlFindCharEncodingHandler("WINDOWS-1252");
        if (handler)
            xmlSwitchToEncoding(h->ctxt, handler);
    }
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

/* Frees the page, its events and its element records. */
static void release_page(html *h)
{
    tqc_strmap_free(h->names);
    free(h->info);
    free(h->nodes);
    free(h->events);
    free(h->pool);
    free(h->stack);
    free((char *)h->src);
    h->names = NULL;
    h->info = NULL;
    h->info_cap = 0;
    memset(h->seen, 0, sizeof h->seen);
    h->nodes = NULL;
    h->events = NULL;
    h->pool = NULL;
    h->stack = NULL;
    h->src = NULL;
    h->node_count = h->node_cap = h->event_count = h->event_cap = 0;
    h->pool_len = h->pool_cap = h->text_len = h->depth = h->stack_cap = h->src_len = 0;
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
    body_choice body;
    drop_forms(h);
    choose_body_again(h, &body);
    clean_body(h, &body);
    layout l = {.h = h, .codes_from = SIZE_MAX};
    tqc_tb_init(&l.tb, TQC_INPUT_MAX_BYTES);
    if (body.count == 0)
        lay_out(&l, 0, h->event_count, SIZE_MAX);
    for (size_t i = 0; i < body.count; i++) {
        request_break(&l, 2);
        const node *part = &h->nodes[body.part[i]];
        lay_out(&l, part->open_ev, part->close_ev, body.part[i]);
    }
    /* The page and its events are laid out: what the doc is made of is in l.tb. A page
     * of half a million inline elements held ~300 MB of them while it was checked. */
    release_page(h);
    /* Inline boundaries after the last text are of no use. */
    while (l.tb.inl_count && l.tb.inl[l.tb.inl_count - 1].offset >= l.tb.len &&
           l.tb.len > 0 && l.tb.inl[l.tb.inl_count - 1].kind == TQC_INLINE_OPEN)
        l.tb.inl_count--;
    tqc_srcpos start = {0, 0, 0, 0};
    st = tqc_tb_finish(&l.tb, in->name, in->lang, NULL, start, out);
    if (st == TQC_OK && *out)
        (*out)->map_decoded = h->decoded;
    tqc_tb_free(&l.tb);
    free(l.code);
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
