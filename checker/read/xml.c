/* read_xml: libxml2 hardened, and a streaming SAX2 reader for the XML formats (XLIFF,
 * TMX) that reports each event with its position in the file.
 *
 * Hardening: no network (XML_PARSE_NONET), no entity substitution (no XML_PARSE_NOENT),
 * no DTD loading or defaulted attributes (no XML_PARSE_DTDLOAD/DTDATTR), no XInclude,
 * no XML_PARSE_HUGE; an external entity loader that refuses everything, whoever asks;
 * and any entity declaration refuses the document at once, since translation files never
 * need one and every entity attack (billion laughs, external entities) starts with one.
 * Nesting deeper than TQC_INPUT_MAX_DEPTH is refused too.
 *
 * Positions: the push parser is fed one block at a time, and a window keeps the file's
 * bytes from the last event on, so the text of each characters() call can be compared
 * with the bytes it came from: equal means exact (1:1), otherwise (an entity, a
 * character reference, a CR LF made LF) the text is placed where it began. */
#include "read/input_priv.h"

#include <errno.h>
#include <iconv.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/alloc.h"

/* Bytes fed to the parser at a time. */
#define XML_BLOCK 65536
/* Attributes kept per element (XLIFF and TMX elements have a handful). */
#define XML_MAX_ATTRS 32

static xmlParserInputPtr refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

/* libxml2 reports some errors (encoding conversion, I/O) outside any parser context,
 * through its generic handler, which prints; the library must not. Parse errors come
 * through each context's structured handler instead. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* The entity loader is process-wide: set once, not raced by audit workers. */
static void harden_process(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_entity);
}

void tqc_xml_harden(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, harden_process);
    /* The generic error handler is per thread in libxml2, so every thread sets it. */
    xmlSetGenericErrorFunc(NULL, quiet);
}

struct tqc_xml {
    tqc_input *in;
    tqc_xml_events ev;
    FILE *f;
    xmlParserCtxtPtr ctxt;
    char *win;              /* file bytes from win_pos.off on */
    size_t win_len, win_cap;
    tqc_srcpos win_pos;     /* position of win[0] */
    tqc_srcpos cursor;      /* a known position at or after win_pos, moved forward */
    size_t fed;             /* file bytes fed to the parser */
    size_t last_end;        /* file offset just past the previous event */
    size_t depth;
    struct {
        char name[48];
        size_t line;
    } open[TQC_INPUT_MAX_DEPTH]; /* the open elements, for "file ends inside <x>" */
    tqc_status st;
    char msg[256];
    size_t msg_line, msg_col;
    bool eof;
    /* A file in another encoding than UTF-8 is decoded to UTF-8 block by block before
     * libxml2 sees it (see settle_encoding); positions are then the decoded file's. */
    iconv_t cd;             /* (iconv_t)-1: the bytes go to libxml2 as they are */
    bool decoded;
    char raw[XML_BLOCK + 8];    /* undecoded bytes: a sequence cut by the block's end */
    size_t raw_len;
};

bool tqc_xml_decoded(const tqc_xml *x) { return x->decoded; }

size_t tqc_xml_line(const tqc_xml *x)
{
    return x->ctxt ? (size_t)xmlSAX2GetLineNumber(x->ctxt) : 0;
}

void tqc_xml_fail(tqc_xml *x, tqc_status st, const char *fmt, ...)
{
    if (x->st == TQC_OK) {
        x->st = st;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(x->msg, sizeof x->msg, fmt, ap);
        va_end(ap);
        x->msg_line = tqc_xml_line(x);
        x->msg_col = x->ctxt ? (size_t)xmlSAX2GetColumnNumber(x->ctxt) : 0;
    }
    if (x->ctxt)
        xmlStopParser(x->ctxt);
}

bool tqc_xml_root(tqc_xml *x, bool *seen, const char *name, const char *root)
{
    if (*seen)
        return true;
    *seen = true;
    if (strcmp(name, root) == 0)
        return true;
    tqc_xml_fail(x, TQC_EINPUT, "not a format tqc reads: XML whose root element is <%s>, "
                 "not <%s>", name, root);
    return false;
}

/* The position of file offset off (off within the window). */
static tqc_srcpos pos_at(tqc_xml *x, size_t off)
{
    if (off < x->cursor.off)
        x->cursor = x->win_pos;
    if (off < x->cursor.off)
        return x->cursor;   /* before the window: only in broken input */
    size_t end = x->win_pos.off + x->win_len;
    if (off > end)
        off = end;
    tqc_srcpos_advance(&x->cursor, x->win + (x->cursor.off - x->win_pos.off),
                       off - x->cursor.off);
    return x->cursor;
}

static size_t position(tqc_xml *x)
{
    long pos = xmlByteConsumed(x->ctxt);
    if (pos < 0 || (size_t)pos > x->fed)
        return x->last_end;
    return (size_t)pos;
}

/* true when the window holds the n bytes at file offset off and they equal s. */
static bool window_has(const tqc_xml *x, size_t off, const char *s, size_t n)
{
    return off >= x->win_pos.off && off + n <= x->win_pos.off + x->win_len &&
           memcmp(x->win + (off - x->win_pos.off), s, n) == 0;
}

static const char *local_name(const xmlChar *name)
{
    const char *colon = strrchr((const char *)name, ':');
    return colon ? colon + 1 : (const char *)name;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    (void)prefix;
    (void)uri;
    (void)nb_namespaces;
    (void)namespaces;
    (void)nb_defaulted;
    tqc_xml *x = ((xmlParserCtxtPtr)ctx)->_private;
    if (x->st != TQC_OK)
        return;
    if (++x->depth > TQC_INPUT_MAX_DEPTH) {
        tqc_xml_fail(x, TQC_ELIMIT, "elements nested deeper than %d: refused",
                     TQC_INPUT_MAX_DEPTH);
        return;
    }
    snprintf(x->open[x->depth - 1].name, sizeof x->open[0].name, "%s",
             local_name(localname));
    x->open[x->depth - 1].line = tqc_xml_line(x);
    /* SAX2 gives attribute values as [start, end) pointers; NUL-terminated copies go in
     * one buffer for the handler. */
    const char *attrs[2 * XML_MAX_ATTRS + 1];
    char buf[4096];
    size_t used = 0, na = 0;
    for (int i = 0; i < nb_attributes && na < XML_MAX_ATTRS; i++) {
        const xmlChar **a = attributes + 5 * i;
        const char *name = (const char *)a[0];
        size_t vlen = (size_t)(a[4] - a[3]);
        size_t prefix_len = a[1] ? strlen((const char *)a[1]) + 1 : 0;
        size_t nlen = strlen(name);
        if (used + prefix_len + nlen + vlen + 2 > sizeof buf)
            break;
        /* xml:lang keeps its prefix: it is the one prefixed attribute the formats use. */
        char *n = buf + used;
        if (a[1]) {
            memcpy(n, a[1], prefix_len - 1);
            n[prefix_len - 1] = ':';
        }
        memcpy(n + prefix_len, name, nlen + 1);
        used += prefix_len + nlen + 1;
        char *v = buf + used;
        memcpy(v, a[3], vlen);
        v[vlen] = '\0';
        used += vlen + 1;
        attrs[2 * na] = n;
        attrs[2 * na + 1] = v;
        na++;
    }
    attrs[2 * na] = NULL;
    size_t at = position(x);
    x->last_end = at;
    if (x->ev.start)
        x->ev.start(x->ev.user, local_name(localname), attrs, pos_at(x, at));
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
    (void)prefix;
    (void)uri;
    tqc_xml *x = ((xmlParserCtxtPtr)ctx)->_private;
    if (x->st != TQC_OK)
        return;
    if (x->depth)
        x->depth--;
    size_t at = position(x);
    x->last_end = at;
    if (x->ev.end)
        x->ev.end(x->ev.user, local_name(localname), pos_at(x, at));
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
    tqc_xml *x = ((xmlParserCtxtPtr)ctx)->_private;
    if (x->st != TQC_OK || len <= 0)
        return;
    size_t n = (size_t)len, at = position(x), start = x->last_end;
    xmlParserInputPtr input = x->ctxt->input;
    bool exact = false;
    /* The parser reports text before or after moving past it: try both. */
    if (input && !input->buf->encoder && at >= n && at - n >= x->last_end &&
        window_has(x, at - n, (const char *)ch, n)) {
        start = at - n;
        exact = true;
    } else if (input && !input->buf->encoder && at >= x->last_end &&
               window_has(x, at, (const char *)ch, n)) {
        start = at;
        exact = true;
    }
    tqc_srcpos p = pos_at(x, start);
    x->last_end = exact ? start + n : (at > x->last_end ? at : x->last_end);
    if (x->ev.text)
        x->ev.text(x->ev.user, (const char *)ch, n, p, exact);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
    (void)type;
    (void)public_id;
    (void)system_id;
    (void)content;
    tqc_xml *x = ((xmlParserCtxtPtr)ctx)->_private;
    tqc_xml_fail(x, TQC_EINPUT,
                 "entity declaration '%s' refused (translation files need none; "
                 "entities are how billion-laughs and external-entity attacks work)",
                 (const char *)name);
}

static xmlEntityPtr on_get_entity(void *ctx, const xmlChar *name)
{
    (void)ctx;
    /* Only the five predefined entities exist (libxml2 answers those itself). */
    return xmlGetPredefinedEntity(name);
}

static void on_error(void *ctx, xmlErrorPtr error)
{
    /* libxml2 hands structured-error handlers the parser context's user data. */
    tqc_xml *x = ((xmlParserCtxtPtr)ctx)->_private;
    if (!error || error->level < XML_ERR_FATAL || x->st != TQC_OK)
        return;
    x->st = TQC_EINPUT;
    snprintf(x->msg, sizeof x->msg, "malformed XML: %s", error->message ? error->message : "?");
    /* One line per problem: libxml2's messages end with a line break, and some add a
     * second line (`Bytes: 0xE9 0x20 ...`). */
    x->msg[strcspn(x->msg, "\n")] = '\0';
    size_t n = strlen(x->msg);
    while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' '))
        x->msg[--n] = '\0';
    x->msg_line = error->line > 0 ? (size_t)error->line : 0;
    x->msg_col = error->int2 > 0 ? (size_t)error->int2 : 0;
}

static void use_options(tqc_xml *x, int more)
{
    xmlCtxtUseOptions(x->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                   XML_PARSE_NOCDATA | more);
    x->ctxt->sax->serror = on_error;
}

/* The encoding the first block's byte order mark or XML declaration names, when it is
 * not UTF-8, into enc (empty otherwise); *bom: bytes of a UTF-16 byte order mark. */
static void declared_encoding(const char *b, size_t n, char *enc, size_t cap, size_t *bom)
{
    enc[0] = '\0';
    *bom = 0;
    if (n >= 2 && (memcmp(b, "\xFF\xFE", 2) == 0 || memcmp(b, "\xFE\xFF", 2) == 0)) {
        snprintf(enc, cap, "%s", b[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
        *bom = 2;
        return;
    }
    if (n < 6 || memcmp(b, "<?xml", 5) != 0 || !memchr(" \t\r\n", b[5], 4))
        return;
    const char *end = memchr(b, '>', n), *p = b + 5;
    if (!end)
        return;
    /* encoding = "NAME" or 'NAME', among the declaration's pseudo-attributes */
    for (; p + 8 < end; p++) {
        if (memcmp(p, "encoding", 8) != 0 || !memchr(" \t\r\n", p[-1], 4))
            continue;
        const char *q = p + 8;
        while (q < end && memchr(" \t\r\n", *q, 4))
            q++;
        if (q >= end || *q++ != '=')
            return;
        while (q < end && memchr(" \t\r\n", *q, 4))
            q++;
        if (q >= end || (*q != '"' && *q != '\''))
            return;
        const char *close = memchr(q + 1, *q, (size_t)(end - q - 1));
        size_t len = close ? (size_t)(close - q - 1) : 0;
        if (len == 0 || len >= cap)
            return;
        memcpy(enc, q + 1, len);
        enc[len] = '\0';
        if (strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0 ||
            strncasecmp(enc, "UTF-16", 6) == 0)   /* UTF-16 without a BOM: libxml2's */
            enc[0] = '\0';
        return;
    }
}

/* Before the first block: a file that declares a legacy encoding (or has a UTF-16 byte
 * order mark) is decoded here, and libxml2 told to ignore the declaration. Given the
 * encoding itself, libxml2 decodes too, but then each position it reports
 * (xmlByteConsumed) re-encodes the rest of its buffer: quadratic (a 5 MB ISO-8859-1
 * XLIFF took 6.4 s, its UTF-8 copy 0.6 s). An encoding iconv does not know is left
 * to libxml2, which reports it. Returns the bytes of the block to skip (a BOM). */
static size_t settle_encoding(tqc_xml *x, const char *b, size_t n)
{
    char enc[64];
    size_t bom;
    declared_encoding(b, n, enc, sizeof enc, &bom);
    if (!enc[0] || (x->cd = iconv_open("UTF-8", enc)) == (iconv_t)-1)
        return 0;
    x->decoded = true;
    use_options(x, XML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(x->ctxt, XML_CHAR_ENCODING_UTF8);
    return bom;
}

/* Decodes x->raw to UTF-8 at out (room bytes: 4 a raw byte); keeps a sequence the block
 * cut for the next call (all of it at the end: last). A sequence the encoding does not
 * have becomes U+FFFD. Returns the bytes written. */
static size_t decode_block(tqc_xml *x, char *out, size_t room, bool last)
{
    char *in = x->raw, *dst = out;
    size_t left = x->raw_len;
    tqc_iconv_utf8(x->cd, &in, &left, &dst, &room, last);
    memmove(x->raw, in, left);
    x->raw_len = left;
    return (size_t)(dst - out);
}

void tqc_iconv_utf8(iconv_t cd, char **in, size_t *left, char **dst, size_t *room, bool last)
{
    while (*left) {
        if (iconv(cd, in, left, dst, room) != (size_t)-1)
            break;
        if (errno == E2BIG || (errno == EINVAL && !last))
            break;  /* E2BIG cannot happen at 4 bytes a byte; EINVAL: cut, wait for more */
        memcpy(*dst, "\xEF\xBF\xBD", 3);
        *dst += 3;
        *room -= 3;
        (*in)++;
        (*left)--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
}

tqc_status tqc_xml_open(tqc_input *in, const tqc_xml_events *ev, tqc_xml **out,
                        char *err, size_t errlen)
{
    *out = NULL;
    tqc_xml_harden();
    tqc_xml *x = tqc_calloc(1, sizeof *x);
    if (!x)
        return TQC_ENOMEM;
    x->in = in;
    x->ev = *ev;
    x->cd = (iconv_t)-1;
    if (!(x->f = tqc_input_fopen(in, err, errlen))) {
        free(x);
        return TQC_EIO;
    }
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    /* White space between elements is text of its element in XLIFF and TMX. */
    sax.ignorableWhitespace = on_text;
    sax.entityDecl = on_entity_decl;
    sax.getEntity = on_get_entity;
    sax.getParameterEntity = on_get_entity;
    sax.serror = on_error;
    /* Everything else (external subset, entity resolution, processing instructions,
     * comments) stays NULL: nothing is loaded and nothing is kept. */
    x->ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, in->name);
    if (!x->ctxt) {
        tqc_xml_close(x);
        return TQC_ENOMEM;
    }
    x->ctxt->_private = x;
    x->ctxt->userData = x->ctxt;
    use_options(x, 0);
    *out = x;
    return TQC_OK;
}

/* Drops window bytes no event can need any more (before the earliest known position). */
static void trim_window(tqc_xml *x)
{
    size_t keep = x->cursor.off < x->last_end ? x->cursor.off : x->last_end;
    if (keep <= x->win_pos.off)
        return;
    size_t drop = keep - x->win_pos.off;
    if (drop > x->win_len)
        drop = x->win_len;
    tqc_srcpos_advance(&x->win_pos, x->win, drop);
    memmove(x->win, x->win + drop, x->win_len - drop);
    x->win_len -= drop;
    if (x->cursor.off < x->win_pos.off)
        x->cursor = x->win_pos;
}

tqc_status tqc_xml_step(tqc_xml *x, bool *done, char *err, size_t errlen)
{
    *done = false;
    if (x->eof) {
        *done = true;
        return TQC_OK;
    }
    trim_window(x);
    if (x->win_len > TQC_INPUT_MAX_RECORD + XML_BLOCK) {
        tqc_input_error(x->in, err, errlen, tqc_xml_line(x), 0,
                        "text node larger than %zu MiB", TQC_INPUT_MAX_RECORD >> 20);
        return TQC_ELIMIT;
    }
    /* Room for a block, or for a decoded one (4 bytes of UTF-8 a byte at most). */
    size_t need = XML_BLOCK * 4 + 16;
    if (x->win_cap - x->win_len < need) {
        size_t ncap = x->win_cap ? x->win_cap * 2 : need * 2;
        while (ncap - x->win_len < need)
            ncap *= 2;
        char *w = tqc_realloc(x->win, ncap);
        if (!w)
            return TQC_ENOMEM;
        x->win = w;
        x->win_cap = ncap;
    }
    char *block = x->win + x->win_len;
    size_t got = x->cd == (iconv_t)-1 ? fread(block, 1, XML_BLOCK, x->f)
                 : fread(x->raw + x->raw_len, 1, XML_BLOCK - x->raw_len, x->f);
    if (got == 0 && ferror(x->f)) {
        tqc_input_error(x->in, err, errlen, 0, 0, "read error: %s", strerror(errno));
        return TQC_EIO;
    }
    bool last = got == 0;
    if (x->fed == 0 && x->cd == (iconv_t)-1 && got) {
        size_t skip = settle_encoding(x, block, got);
        if (x->cd != (iconv_t)-1) {
            memcpy(x->raw, block + skip, got - skip);
            x->raw_len = got - skip;
        }
    } else if (x->cd != (iconv_t)-1) {
        x->raw_len += got;
    }
    if (x->cd != (iconv_t)-1)
        got = decode_block(x, block, x->win_cap - x->win_len, last);
    x->win_len += got;
    x->fed += got;
    if (last && x->fed == 0) {
        /* libxml2 words this "Extra content at the end of the document". */
        tqc_input_error(x->in, err, errlen, 0, 0, "empty file: nothing to check");
        return TQC_EINPUT;
    }
    int rc = xmlParseChunk(x->ctxt, block, (int)got, last);
    if (x->st != TQC_OK && last && x->depth && x->st == TQC_EINPUT && !x->eof) {
        /* libxml2's push parser words a truncated file as "extra content": say what
         * happened. */
        snprintf(x->msg, sizeof x->msg, "file ends inside <%s> opened at line %zu (truncated?)",
                 x->open[x->depth - 1].name, x->open[x->depth - 1].line);
        x->msg_col = 0;
    }
    if (x->st == TQC_OK && rc != 0 && rc != XML_ERR_USER_STOP) {
        const xmlError *e = xmlCtxtGetLastError(x->ctxt);
        x->st = TQC_EINPUT;
        snprintf(x->msg, sizeof x->msg, "malformed XML: %s",
                 e && e->message ? e->message : "parse error");
        x->msg[strcspn(x->msg, "\n")] = '\0';
        size_t n = strlen(x->msg);
        while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' '))
            x->msg[--n] = '\0';
        x->msg_line = e && e->line > 0 ? (size_t)e->line : tqc_xml_line(x);
        x->msg_col = e && e->int2 > 0 ? (size_t)e->int2 : 0;
    }
    if (x->st != TQC_OK) {
        tqc_input_error(x->in, err, errlen, x->msg_line, x->msg_col, "%s", x->msg);
        return x->st;
    }
    if (last) {
        x->eof = true;
        *done = true;
    }
    return TQC_OK;
}

void tqc_xml_close(tqc_xml *x)
{
    if (!x)
        return;
    if (x->ctxt) {
        /* libxml2 makes a document of its own in SAX mode when it meets an entity
         * declaration (for expat compatibility) and leaves it to the caller. */
        if (x->ctxt->myDoc)
            xmlFreeDoc(x->ctxt->myDoc);
        xmlFreeParserCtxt(x->ctxt);
    }
    tqc_input_fclose(x->in, x->f);
    if (x->cd != (iconv_t)-1)
        iconv_close(x->cd);
    free(x->win);
    free(x);
}

/* ---- the unit queue of XLIFF and TMX ---- */

void tqc_xml_queue_push(tqc_xml_queue *q, tqc_xml *x, tqc_doc *doc)
{
    /* Offsets of a file decoded to UTF-8 are the decoded copy's: no fix may edit. */
    doc->map_decoded = tqc_xml_decoded(x);
    if (doc->source)
        doc->source->map_decoded = doc->map_decoded;
    if (q->len == q->cap) {
        size_t ncap = q->cap ? q->cap * 2 : 8;
        tqc_doc **grown = tqc_realloc(q->docs, ncap * sizeof *grown);
        if (!grown) {
            tqc_doc_free(doc);
            tqc_xml_fail(x, TQC_ENOMEM, "out of memory");
            return;
        }
        q->docs = grown;
        q->cap = ncap;
    }
    q->docs[q->len++] = doc;
}

tqc_status tqc_xml_queue_next(tqc_xml_queue *q, tqc_xml *x, tqc_doc **out, char *err,
                              size_t errlen)
{
    *out = NULL;
    while (q->head == q->len && !q->done && !q->failed) {
        q->head = q->len = 0;
        q->failed = tqc_xml_step(x, &q->done, q->err, sizeof q->err);
    }
    /* The units read before an error are checked; the error comes after them. */
    if (q->head == q->len && q->failed) {
        snprintf(err, errlen, "%s", q->err);
        return q->failed;
    }
    if (q->head < q->len)
        *out = q->docs[q->head++];
    return TQC_OK;
}

void tqc_xml_queue_free(tqc_xml_queue *q)
{
    for (size_t i = q->head; i < q->len; i++)
        tqc_doc_free(q->docs[i]);
    free(q->docs);
    memset(q, 0, sizeof *q);
}
