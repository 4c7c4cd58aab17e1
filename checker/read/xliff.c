/* read_xliff: XLIFF 1.2 and 2.x, one doc a segment: the target text, with the source
 * text as doc->source. A 1.2 segment is a <trans-unit> (its <source> and <target>;
 * <alt-trans> and notes are skipped, <seg-source> gives segments only, below); a 2.x segment is a <segment> of a
 * <unit>. Units without a <target> are not translated yet and give no doc.
 * Languages come from the file (1.2 <file source-language target-language>, 2.x
 * <xliff srcLang trgLang>). Under lang_from_file (--lang auto) each doc carries the
 * file's target language ("" when it declares none); otherwise a target language other
 * than the check's is an error.
 * doc->segment is the unit id (2.x: "unit/segment" when the segment has an id).
 * Segmented 1.2 units (`<mrk mtype="seg">` in <seg-source> and <target>, as CAT tools
 * write them) give one doc a segment, "unit/mid", checked against the source segment
 * of the same mid; the segment markers are structure, not inline codes. When the
 * segments do not pair, the unit is checked whole.
 * Integrity problems (duplicate unit ids in a file, a target whose xml:lang differs
 * from the file's target language, a target without a source) ride on the next doc
 * (doc->problems) for the `xliff` pass. A root element other than <xliff> is refused.
 * Inline codes add no text; each becomes an inline boundary (core/doc.h) with its tag and id,
 * so the markup pass can compare source and target: paired codes (1.2 g, mrk; 2.x pc,
 * mrk) open and close around their text; the others stand alone, and the native code
 * inside bpt, ept, ph and it is not text. Streams through read/xml.c. */
#include "read/input_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "lang/lang.h"
#include "core/strmap.h"

/* The id that is kept of a segment: "unit/segment" fits easily. */
#define XLIFF_MAX_ID 256

/* Problems kept for one doc; more in one unit are one mistake repeated. */
#define XLIFF_MAX_PROBLEMS 4

enum { IN_NONE, IN_SOURCE, IN_TARGET, IN_SEGSRC };

/* One `<mrk mtype="seg">` segment of a 1.2 unit, made a doc when it closes. */
typedef struct seg {
    char mid[64];
    tqc_doc *doc;
} seg;

typedef struct seg_list {
    seg *v;
    size_t n, cap;
} seg_list;

typedef struct xliff {
    tqc_input *in;
    tqc_xml *xml;
    tqc_tb source, target;
    int where;              /* IN_* */
    size_t hide;            /* open elements whose content is not text */
    size_t skip;            /* open elements skipped whole (notes, alt-trans...) */
    bool has_target, has_source, in_unit, v2, root_seen;
    char unit_id[XLIFF_MAX_ID], seg_id[XLIFF_MAX_ID];
    char src_lang[64], trg_lang[64];
    tqc_strmap *ids;        /* unit ids of the current <file> */
    /* xml:lang in force at each open element (inherited, as XML has it): a <source>
     * must be in the file's source language. */
    size_t depth;
    char (*lang_at)[32];    /* TQC_INPUT_MAX_DEPTH + 1 entries */
    char problems[XLIFF_MAX_PROBLEMS][192];
    size_t problem_count;   /* waiting for the next doc */
    /* Segmented 1.2 units: the open seg marker (mrk_depth when it opened, 0 none), its
     * text, and the segments of the unit's seg-source and target. */
    size_t mrk_depth, seg_open;
    char seg_mid[64];
    tqc_tb segtb;
    tqc_srcpos seg_at;
    seg_list seg_src, seg_trg;
    tqc_srcpos source_at, target_at;
    tqc_xml_queue queue;    /* docs made, not yet handed out */
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

static void problem(xliff *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(xliff *x, const char *fmt, ...)
{
    if (x->problem_count == XLIFF_MAX_PROBLEMS)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->problems[x->problem_count++], sizeof x->problems[0], fmt, ap);
    va_end(ap);
}

static void segs_clear(seg_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        tqc_doc_free(l->v[i].doc);
    l->n = 0;
}

static bool segs_add(seg_list *l, const char *mid, tqc_doc *doc)
{
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 8;
        seg *v = tqc_realloc(l->v, ncap * sizeof *v);
        if (!v)
            return false;
        l->v = v;
        l->cap = ncap;
    }
    snprintf(l->v[l->n].mid, sizeof l->v[0].mid, "%s", mid);
    l->v[l->n++].doc = doc;
    return true;
}

/* The segment doc of mid in l, taken out of it, or NULL. */
static tqc_doc *segs_take(seg_list *l, const char *mid)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].doc && strcmp(l->v[i].mid, mid) == 0) {
            tqc_doc *d = l->v[i].doc;
            l->v[i].doc = NULL;
            return d;
        }
    return NULL;
}

/* The language a target doc is checked as. */
static const char *target_lang(const xliff *x)
{
    return x->trg_lang[0] ? x->trg_lang : x->in->lang_from_file ? "" : x->in->lang;
}

/* A new <file>: ids are unique within it. */
static void new_file(xliff *x)
{
    tqc_strmap_free(x->ids);
    if (!(x->ids = tqc_strmap_new()))
        tqc_xml_fail(x->xml, TQC_ENOMEM, "out of memory");
}

/* The text between the start and end of a seg marker goes to segtb too. */
static bool in_seg(const xliff *x)
{
    return x->seg_open != 0;
}

static void on_start(void *user, const char *name, const char *const *attrs, tqc_srcpos at)
{
    xliff *x = user;
    /* read/xml.c refuses deeper nesting before it calls here. */
    if (x->depth < TQC_INPUT_MAX_DEPTH) {
        const char *xl = attr(attrs, "xml:lang");
        x->depth++;
        copy(x->lang_at[x->depth], sizeof x->lang_at[0], xl ? xl : x->lang_at[x->depth - 1]);
    }
    if (x->skip || x->hide) {
        x->skip += x->skip ? 1 : 0;
        x->hide += x->hide ? 1 : 0;
        return;
    }
    if (!tqc_xml_root(x->xml, &x->root_seen, name, "xliff"))
        return;
    if (strcmp(name, "xliff") == 0) {
        const char *v = attr(attrs, "version");
        x->v2 = v && v[0] >= '2';
        if (attr(attrs, "srcLang"))
            copy(x->src_lang, sizeof x->src_lang, attr(attrs, "srcLang"));
        if (attr(attrs, "trgLang"))
            copy(x->trg_lang, sizeof x->trg_lang, attr(attrs, "trgLang"));
    } else if (strcmp(name, "file") == 0) {
        new_file(x);
        if (attr(attrs, "source-language"))
            copy(x->src_lang, sizeof x->src_lang, attr(attrs, "source-language"));
        if (attr(attrs, "target-language"))
            copy(x->trg_lang, sizeof x->trg_lang, attr(attrs, "target-language"));
        if (x->trg_lang[0] && !x->in->lang_from_file &&
            !tqc_input_same_lang(x->trg_lang, x->in->lang))
            tqc_xml_fail(x->xml, TQC_EINPUT,
                         "target language '%s', but the check is for '%s' (--lang)",
                         x->trg_lang, x->in->lang);
    } else if (strcmp(name, "seg-source") == 0 && x->in_unit && x->where == IN_NONE) {
        x->where = IN_SEGSRC;   /* its seg markers give the source segments */
    } else if (skipped(name) && x->where == IN_NONE) {
        x->skip = 1;
    } else if (strcmp(name, "trans-unit") == 0 || strcmp(name, "unit") == 0) {
        copy(x->unit_id, sizeof x->unit_id, attr(attrs, "id"));
        if (!x->ids)
            new_file(x);
        uint64_t seen;
        size_t idlen = strlen(x->unit_id);
        if (x->ids && idlen && tqc_strmap_get(x->ids, x->unit_id, idlen, &seen))
            problem(x, "unit id '%s' is used twice in one <file> (first at line %llu)",
                    x->unit_id, (unsigned long long)seen);
        else if (x->ids && idlen && !tqc_strmap_put(x->ids, x->unit_id, idlen, at.line + 1))
            tqc_xml_fail(x->xml, TQC_ENOMEM, "out of memory");
        x->in_unit = true;
        x->has_target = x->has_source = false;
        x->seg_id[0] = '\0';
        tqc_tb_reset(&x->source);
        tqc_tb_reset(&x->target);
        segs_clear(&x->seg_src);
        segs_clear(&x->seg_trg);
    } else if (strcmp(name, "segment") == 0 && x->in_unit) {
        copy(x->seg_id, sizeof x->seg_id, attr(attrs, "id"));
        x->has_target = x->has_source = false;
        tqc_tb_reset(&x->source);
        tqc_tb_reset(&x->target);
    } else if (x->in_unit && x->where == IN_NONE &&
               (strcmp(name, "source") == 0 || strcmp(name, "target") == 0)) {
        bool src = name[0] == 's';
        x->where = src ? IN_SOURCE : IN_TARGET;
        tqc_tb_reset(current(x));
        /* A source's language may be inherited; a target's is the file's unless it
         * says otherwise. */
        const char *decl = src ? x->lang_at[x->depth] : attr(attrs, "xml:lang");
        const char *file_lang = src ? x->src_lang : x->trg_lang;
        if (decl && *decl && *file_lang && !tqc_lang_same_code(decl, file_lang))
            problem(x, "<%s> in '%s' (xml:lang) differs from the file's %s language '%s'",
                    name, decl, src ? "source" : "target", file_lang);
        if (src) {
            x->source_at = at;
            x->has_source = true;
        } else {
            if (!x->has_source)
                problem(x, "<target> without a <source> before it in unit '%s'", x->unit_id);
            if (x->v2 && !x->trg_lang[0])
                problem(x, "<target> in a file that declares no trgLang");
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
        if (strcmp(name, "mrk") == 0) {
            x->mrk_depth++;
            const char *mt = attr(attrs, "mtype");
            if (!x->v2 && !in_seg(x) && mt && strcmp(mt, "seg") == 0) {
                /* A segment marker: structure, not an inline code. */
                x->seg_open = x->mrk_depth;
                copy(x->seg_mid, sizeof x->seg_mid, attr(attrs, "mid"));
                tqc_tb_reset(&x->segtb);
                x->seg_at = at;
                return;
            }
        }
        const char *id = attr(attrs, c->id_attr);
        if (!id)
            id = attr(attrs, "id");
        if (current(x))
            tqc_tb_inline(current(x), c->kind, c->name, id, at.line);
        if (in_seg(x))
            tqc_tb_inline(&x->segtb, c->kind, c->name, id, at.line);
        if (c->hide)
            x->hide = 1;
    }
}

static void queue_doc(xliff *x, tqc_doc *doc)
{
    if (x->problem_count) {
        doc->problems = tqc_arena_alloc(doc->arena, x->problem_count * sizeof *doc->problems);
        for (size_t i = 0; doc->problems && i < x->problem_count; i++)
            if ((doc->problems[i] = tqc_arena_strndup(doc->arena, x->problems[i],
                                                      strlen(x->problems[i]))))
                doc->problem_count++;
        x->problem_count = 0;
    }
    tqc_xml_queue_push(&x->queue, x->xml, doc);
}

/* A segment is complete: its target (if any) becomes a doc with its source. */
static void emit(xliff *x)
{
    if (!x->has_target)
        return;
    x->has_target = false;
    /* Segment against segment, when every target segment has its source. */
    bool paired = x->seg_trg.n > 0;
    for (size_t i = 0; paired && i < x->seg_trg.n; i++) {
        paired = false;
        for (size_t j = 0; j < x->seg_src.n && !paired; j++)
            paired = strcmp(x->seg_src.v[j].mid, x->seg_trg.v[i].mid) == 0;
    }
    if (paired) {
        for (size_t i = 0; i < x->seg_trg.n; i++) {
            tqc_doc *doc = x->seg_trg.v[i].doc;
            x->seg_trg.v[i].doc = NULL;
            doc->source = segs_take(&x->seg_src, x->seg_trg.v[i].mid);
            queue_doc(x, doc);
        }
        segs_clear(&x->seg_src);
        segs_clear(&x->seg_trg);
        return;
    }
    segs_clear(&x->seg_src);
    segs_clear(&x->seg_trg);
    char id[2 * XLIFF_MAX_ID + 2];
    if (x->v2 && x->seg_id[0])
        snprintf(id, sizeof id, "%s/%s", x->unit_id, x->seg_id);
    else
        snprintf(id, sizeof id, "%s", x->unit_id);
    tqc_doc *doc;
    const char *lang = target_lang(x);
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

/* A seg marker closed: its text becomes a segment doc of the source or the target. */
static void end_segment(xliff *x)
{
    if (x->where != IN_SEGSRC && x->where != IN_TARGET)
        return;     /* a seg marker in <source>: the seg-source has the segments */
    bool src = x->where == IN_SEGSRC;
    char id[XLIFF_MAX_ID + 66];
    snprintf(id, sizeof id, "%s/%s", x->unit_id, x->seg_mid);
    tqc_doc *doc;
    tqc_status st = tqc_tb_finish(&x->segtb, x->in->name, src ? x->src_lang : target_lang(x),
                                  id, x->seg_at, &doc);
    if (st == TQC_OK && !segs_add(src ? &x->seg_src : &x->seg_trg, x->seg_mid, doc)) {
        tqc_doc_free(doc);
        st = TQC_ENOMEM;
    }
    if (st != TQC_OK)
        tqc_xml_fail(x->xml, st, st == TQC_ELIMIT ? "segment larger than the input limit"
                                                  : "out of memory");
}

static void on_end(void *user, const char *name, tqc_srcpos at)
{
    xliff *x = user;
    if (x->depth)
        x->depth--;
    if (x->skip) {
        x->skip--;
        return;
    }
    if (x->hide) {
        if (--x->hide)
            return;
        /* The end tag of the hiding element itself: fall through for the code. */
    }
    if (x->where != IN_NONE && (strcmp(name, "source") == 0 || strcmp(name, "target") == 0 ||
                                strcmp(name, "seg-source") == 0)) {
        x->where = IN_NONE;
        x->seg_open = x->mrk_depth = 0;
    } else if (x->where != IN_NONE && strcmp(name, "mrk") == 0 && in_seg(x) &&
               x->mrk_depth == x->seg_open) {
        x->mrk_depth--;
        x->seg_open = 0;
        end_segment(x);
    } else if (x->where != IN_NONE) {
        const code *c = find_code(name);
        if (c && strcmp(name, "mrk") == 0 && x->mrk_depth)
            x->mrk_depth--;
        if (c && c->paired && current(x))
            tqc_tb_inline(current(x), TQC_INLINE_CLOSE, c->name, NULL, at.line);
        if (c && c->paired && in_seg(x))
            tqc_tb_inline(&x->segtb, TQC_INLINE_CLOSE, c->name, NULL, at.line);
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
    if (current(x))
        tqc_tb_append(current(x), s, n, at, exact);
    if (in_seg(x))
        tqc_tb_append(&x->segtb, s, n, at, exact);
}

static tqc_status xliff_open(tqc_input *in, char *err, size_t errlen)
{
    xliff *x = tqc_calloc(1, sizeof *x);
    if (!x)
        return TQC_ENOMEM;
    in->state = x;
    x->in = in;
    tqc_tb_init(&x->source, 0);
    tqc_tb_init(&x->target, 0);
    tqc_tb_init(&x->segtb, 0);
    if (!(x->lang_at = tqc_calloc(TQC_INPUT_MAX_DEPTH + 1, sizeof *x->lang_at)))
        return TQC_ENOMEM;
    tqc_xml_events ev = {x, on_start, on_end, on_text};
    return tqc_xml_open(in, &ev, &x->xml, err, errlen);
}

static tqc_status xliff_next(tqc_input *in, tqc_doc **out, char *err, size_t errlen)
{
    xliff *x = in->state;
    *out = NULL;
    return tqc_xml_queue_next(&x->queue, x->xml, out, err, errlen);
}

static void xliff_close(tqc_input *in)
{
    xliff *x = in->state;
    if (!x)
        return;
    tqc_xml_close(x->xml);
    tqc_xml_queue_free(&x->queue);
    tqc_tb_free(&x->source);
    tqc_tb_free(&x->target);
    tqc_tb_free(&x->segtb);
    segs_clear(&x->seg_src);
    segs_clear(&x->seg_trg);
    free(x->seg_src.v);
    free(x->seg_trg.v);
    tqc_strmap_free(x->ids);
    free(x->lang_at);
    free(x);
}

const tqc_input_reader tqc_read_xliff = {xliff_open, xliff_next, xliff_close};
