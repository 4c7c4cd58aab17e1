/* read_xliff: XLIFF 1.2 and 2.x, one doc a segment: the target text, with the source
 * text as doc->source. A 1.2 segment is a <trans-unit> (its <source> and <target>;
 * <seg-source>, <alt-trans> and notes are skipped); a 2.x segment is a <segment> of a
 * <unit>. Units without a <target> are not translated yet and give no doc.
 * Languages come from the file (1.2 <file source-language target-language>, 2.x
 * <xliff srcLang trgLang>); a target language other than the check's is an error.
 * doc->segment is the unit id (2.x: "unit/segment" when the segment has an id).
 * Inline codes add no text; each becomes an inline boundary (doc.h) with its tag and id,
 * so the markup pass can compare source and target: paired codes (1.2 g, mrk; 2.x pc,
 * mrk) open and close around their text; the others stand alone, and the native code
 * inside bpt, ept, ph and it is not text. Streams through read_xml.c. */
#include "input_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The id that is kept of a segment: "unit/segment" fits easily. */
#define XLIFF_MAX_ID 256

enum { IN_NONE, IN_SOURCE, IN_TARGET };

typedef struct xliff {
    tqc_input *in;
    tqc_xml *xml;
    tqc_tb source, target;
    int where;              /* IN_* */
    size_t hide;            /* open elements whose content is not text */
    size_t skip;            /* open elements skipped whole (notes, alt-trans...) */
    bool has_target, in_unit, v2;
    char unit_id[XLIFF_MAX_ID], seg_id[XLIFF_MAX_ID];
    char src_lang[64], trg_lang[64];
    tqc_srcpos source_at, target_at;
    tqc_doc **queue;        /* docs made, not yet handed out */
    size_t q_head, q_len, q_cap;
    bool done;
    tqc_status failed;      /* the error after the queued docs */
    char err[512];
} xliff;

static const char *attr(const char *const *attrs, const char *name)
{
    for (size_t i = 0; attrs[i]; i += 2)
        if (strcmp(attrs[i], name) == 0)
            return attrs[i + 1];
    return NULL;
}

static void copy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

/* Elements skipped with everything inside them. */
static bool skipped(const char *name)
{
    static const char *const names[] = {
        "note", "notes", "alt-trans", "seg-source", "header", "originalData", "context-group",
        "count-group", "prop-group", "phase-group", "ignorable", "bin-unit", "metadata",
        "matches", "glossary", "validation", "changeTracking",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}

/* An inline code: how it shows in the text. */
typedef struct code {
    const char *name;
    tqc_inline_kind kind;   /* for the start tag; paired codes close at their end tag */
    bool paired;            /* content is text, closed by the end tag */
    bool hide;              /* content is native code, not text */
    const char *id_attr;    /* the attribute that names it */
} code;

static const code codes[] = {
    /* XLIFF 1.2 */
    {"g", TQC_INLINE_OPEN, true, false, "id"},
    {"mrk", TQC_INLINE_OPEN, true, false, "mid"},
    {"x", TQC_INLINE_STANDALONE, false, false, "id"},
    {"bx", TQC_INLINE_OPEN, false, false, "rid"},
    {"ex", TQC_INLINE_CLOSE, false, false, "rid"},
    {"bpt", TQC_INLINE_OPEN, false, true, "rid"},
    {"ept", TQC_INLINE_CLOSE, false, true, "rid"},
    {"ph", TQC_INLINE_STANDALONE, false, true, "id"},
    {"it", TQC_INLINE_STANDALONE, false, true, "id"},
    /* XLIFF 2.x */
    {"pc", TQC_INLINE_OPEN, true, false, "id"},
    {"sc", TQC_INLINE_OPEN, false, false, "id"},
    {"ec", TQC_INLINE_CLOSE, false, false, "startRef"},
    {"sm", TQC_INLINE_OPEN, false, false, "id"},
    {"em", TQC_INLINE_CLOSE, false, false, "startRef"},
    {"cp", TQC_INLINE_STANDALONE, false, false, "hex"},
};

static const code *find_code(const char *name)
{
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (strcmp(codes[i].name, name) == 0)
            return &codes[i];
    return NULL;
}

static tqc_tb *current(xliff *x)
{
    return x->where == IN_SOURCE ? &x->source : x->where == IN_TARGET ? &x->target : NULL;
}

static void on_start(void *user, const char *name, const char *const *attrs, tqc_srcpos at)
{
    xliff *x = user;
    if (x->skip || x->hide) {
        x->skip += x->skip ? 1 : 0;
        x->hide += x->hide ? 1 : 0;
        return;
    }
    if (strcmp(name, "xliff") == 0) {
        const char *v = attr(attrs, "version");
        x->v2 = v && v[0] >= '2';
        if (attr(attrs, "srcLang"))
            copy(x->src_lang, sizeof x->src_lang, attr(attrs, "srcLang"));
        if (attr(attrs, "trgLang"))
            copy(x->trg_lang, sizeof x->trg_lang, attr(attrs, "trgLang"));
    } else if (strcmp(name, "file") == 0) {
        if (attr(attrs, "source-language"))
            copy(x->src_lang, sizeof x->src_lang, attr(attrs, "source-language"));
        if (attr(attrs, "target-language"))
            copy(x->trg_lang, sizeof x->trg_lang, attr(attrs, "target-language"));
        if (x->trg_lang[0] && !tqc_input_same_lang(x->trg_lang, x->in->lang))
            tqc_xml_fail(x->xml, TQC_EINPUT,
                         "target language '%s', but the check is for '%s' (--lang)",
                         x->trg_lang, x->in->lang);
    } else if (skipped(name) && x->where == IN_NONE) {
        x->skip = 1;
    } else if (strcmp(name, "trans-unit") == 0 || strcmp(name, "unit") == 0) {
        copy(x->unit_id, sizeof x->unit_id, attr(attrs, "id"));
        x->in_unit = true;
        x->has_target = false;
        x->seg_id[0] = '\0';
        tqc_tb_reset(&x->source);
        tqc_tb_reset(&x->target);
    } else if (strcmp(name, "segment") == 0 && x->in_unit) {
        copy(x->seg_id, sizeof x->seg_id, attr(attrs, "id"));
        x->has_target = false;
        tqc_tb_reset(&x->source);
        tqc_tb_reset(&x->target);
    } else if (x->in_unit && x->where == IN_NONE &&
               (strcmp(name, "source") == 0 || strcmp(name, "target") == 0)) {
        bool src = name[0] == 's';
        x->where = src ? IN_SOURCE : IN_TARGET;
        tqc_tb_reset(current(x));
        if (src)
            x->source_at = at;
        else {
            x->target_at = at;
            x->has_target = true;
        }
    } else if (x->where != IN_NONE) {
        const code *c = find_code(name);
        if (!c) {
            if (strcmp(name, "sub") == 0)
                x->hide = 1;
            return;     /* an unknown element's text is text */
        }
        const char *id = attr(attrs, c->id_attr);
        tqc_tb_inline(current(x), c->kind, c->name, id ? id : attr(attrs, "id"), at.line);
        if (c->hide)
            x->hide = 1;
    }
}

static void queue_doc(xliff *x, tqc_doc *doc)
{
    if (x->q_len == x->q_cap) {
        size_t ncap = x->q_cap ? x->q_cap * 2 : 8;
        tqc_doc **q = realloc(x->queue, ncap * sizeof *q);
        if (!q) {
            tqc_doc_free(doc);
            tqc_xml_fail(x->xml, TQC_ENOMEM, "out of memory");
            return;
        }
        x->queue = q;
        x->q_cap = ncap;
    }
    x->queue[x->q_len++] = doc;
}

/* A segment is complete: its target (if any) becomes a doc with its source. */
static void emit(xliff *x)
{
    if (!x->has_target)
        return;
    x->has_target = false;
    char id[2 * XLIFF_MAX_ID + 2];
    if (x->v2 && x->seg_id[0])
        snprintf(id, sizeof id, "%s/%s", x->unit_id, x->seg_id);
    else
        snprintf(id, sizeof id, "%s", x->unit_id);
    tqc_doc *doc;
    const char *lang = x->trg_lang[0] ? x->trg_lang : x->in->lang;
    tqc_status st = tqc_tb_finish(&x->target, x->in->name, lang, id[0] ? id : NULL,
                                  x->target_at, &doc);
    if (st == TQC_OK) {
        st = tqc_tb_finish(&x->source, x->in->name, x->src_lang, id[0] ? id : NULL,
                           x->source_at, &doc->source);
        if (st != TQC_OK)
            tqc_doc_free(doc);
    }
    if (st != TQC_OK) {
        tqc_xml_fail(x->xml, st, st == TQC_ELIMIT ? "segment larger than the input limit"
                                                  : "out of memory");
        return;
    }
    queue_doc(x, doc);
}

static void on_end(void *user, const char *name, tqc_srcpos at)
{
    xliff *x = user;
    if (x->skip) {
        x->skip--;
        return;
    }
    if (x->hide) {
        if (--x->hide)
            return;
        /* The end tag of the hiding element itself: fall through for the code. */
    }
    if (x->where != IN_NONE && (strcmp(name, "source") == 0 || strcmp(name, "target") == 0)) {
        x->where = IN_NONE;
    } else if (x->where != IN_NONE) {
        const code *c = find_code(name);
        if (c && c->paired)
            tqc_tb_inline(current(x), TQC_INLINE_CLOSE, c->name, NULL, at.line);
    } else if (strcmp(name, "segment") == 0) {
        emit(x);
    } else if (strcmp(name, "unit") == 0 || strcmp(name, "trans-unit") == 0) {
        if (strcmp(name, "trans-unit") == 0)
            emit(x);
        x->in_unit = false;
    }
}

static void on_text(void *user, const char *s, size_t n, tqc_srcpos at, bool exact)
{
    xliff *x = user;
    if (x->skip || x->hide || x->where == IN_NONE)
        return;
    tqc_tb_append(current(x), s, n, at, exact);
}

static tqc_status xliff_open(tqc_input *in, char *err, size_t errlen)
{
    xliff *x = calloc(1, sizeof *x);
    if (!x)
        return TQC_ENOMEM;
    in->state = x;
    x->in = in;
    tqc_tb_init(&x->source, 0);
    tqc_tb_init(&x->target, 0);
    tqc_xml_events ev = {x, on_start, on_end, on_text};
    return tqc_xml_open(in, &ev, &x->xml, err, errlen);
}

static tqc_status xliff_next(tqc_input *in, tqc_doc **out, char *err, size_t errlen)
{
    xliff *x = in->state;
    *out = NULL;
    while (x->q_head == x->q_len && !x->done && !x->failed) {
        x->q_head = x->q_len = 0;
        x->failed = tqc_xml_step(x->xml, &x->done, x->err, sizeof x->err);
    }
    /* The units read before an error are checked; the error comes after them. */
    if (x->q_head == x->q_len && x->failed) {
        snprintf(err, errlen, "%s", x->err);
        return x->failed;
    }
    if (x->q_head < x->q_len)
        *out = x->queue[x->q_head++];
    return TQC_OK;
}

static void xliff_close(tqc_input *in)
{
    xliff *x = in->state;
    if (!x)
        return;
    tqc_xml_close(x->xml);
    for (size_t i = x->q_head; i < x->q_len; i++)
        tqc_doc_free(x->queue[i]);
    free(x->queue);
    tqc_tb_free(&x->source);
    tqc_tb_free(&x->target);
    free(x);
}

const tqc_input_reader tqc_read_xliff = {xliff_open, xliff_next, xliff_close};
