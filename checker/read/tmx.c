/* read_tmx: TMX 1.4b, one doc a translation unit <tu>: the variant (<tuv>) in the check's
 * language is the target, and the variant in the header's srclang (or, when that is
 * `*all*` or missing, the first other variant) is its source. Units without a variant
 * in the check's language give no doc; a file with units but none in that language is
 * an error, so a wrong --lang does not pass silently. Under lang_from_file (--lang
 * auto) the file's languages decide instead: the source is the srclang variant (with
 * `*all*`, the first), the target the first variant in another language (else, in a
 * memory within one language, the next variant), each doc in its variant's language. A root element other than <tmx> is refused.
 * doc->segment is the unit's tuid, else its position ("3" for the third <tu>).
 * Inline codes add no text and become inline boundaries (core/doc.h): bpt/ept pair by their
 * `i`, ph, it and ut stand alone (their content is native code), hi opens and closes
 * around its text. Streams through read/xml.c, so memory stays bounded by one unit
 * whatever the size of the file. */
#include "read/input_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

#define TMX_MAX_ID 256

enum { TUV_SKIP, TUV_SOURCE, TUV_TARGET };

typedef struct tmx {
    tqc_input *in;
    tqc_xml *xml;
    tqc_tb source, target;
    char src_lang[64];      /* the header's srclang, "" for *all* */
    char tu_id[TMX_MAX_ID];
    char source_lang[64];   /* of the unit's source variant */
    char target_lang[64];
    bool source_lang_set;   /* the unit's source variant is known (lang_from_file) */
    bool target_same;       /* the target variant is in the source's language */
    size_t tu_count, doc_count;
    bool in_tu, has_source, has_target, in_seg, root_seen;
    int role;               /* TUV_* of the variant being read */
    size_t hide;            /* open code elements whose content is native code */
    tqc_srcpos source_at, target_at;
    tqc_xml_queue queue;    /* docs made, not yet handed out */
} tmx;

static const char *attr(const char *const *attrs, const char *name)
{
    for (size_t i = 0; attrs[i]; i += 2)
        if (strcmp(attrs[i], name) == 0)
            return attrs[i + 1];
    return NULL;
}

static tqc_tb *current(tmx *t)
{
    return t->role == TUV_SOURCE ? &t->source : t->role == TUV_TARGET ? &t->target : NULL;
}

static void on_start(void *user, const char *name, const char *const *attrs, tqc_srcpos at)
{
    tmx *t = user;
    if (t->hide) {
        t->hide++;
        return;
    }
    if (!tqc_xml_root(t->xml, &t->root_seen, name, "tmx"))
        return;
    if (strcmp(name, "header") == 0) {
        const char *s = attr(attrs, "srclang");
        snprintf(t->src_lang, sizeof t->src_lang, "%s",
                 s && strcmp(s, "*all*") != 0 ? s : "");
    } else if (strcmp(name, "tu") == 0) {
        t->tu_count++;
        const char *id = attr(attrs, "tuid");
        if (id && *id)
            snprintf(t->tu_id, sizeof t->tu_id, "%s", id);
        else
            snprintf(t->tu_id, sizeof t->tu_id, "%zu", t->tu_count);
        t->in_tu = true;
        t->has_source = t->has_target = t->source_lang_set = t->target_same = false;
        tqc_tb_reset(&t->source);
        tqc_tb_reset(&t->target);
    } else if (strcmp(name, "tuv") == 0 && t->in_tu) {
        const char *lang = attr(attrs, "xml:lang");
        if (!lang)
            lang = attr(attrs, "lang");    /* TMX 1.1 */
        lang = lang ? lang : "";
        t->role = TUV_SKIP;
        if (t->in->lang_from_file) {
            /* The file's languages: srclang's variant (or the first) is the source, the
             * first in another language the target. */
            bool is_src = t->src_lang[0] ? tqc_input_same_lang(lang, t->src_lang)
                                         : !t->has_source && !t->source_lang_set;
            bool other = !is_src &&
                         !(t->source_lang_set && tqc_input_same_lang(lang, t->source_lang));
            if (is_src && !t->has_source) {
                t->role = TUV_SOURCE;
                t->source_lang_set = true;
                snprintf(t->source_lang, sizeof t->source_lang, "%s", lang);
            } else if (!t->has_target || (t->target_same && other)) {
                /* A memory within one language (en-US to en-GB, a copy) has no variant in
                 * another: the next one in the source's language is the target until one
                 * in another language comes. */
                t->role = TUV_TARGET;
                t->target_same = !other;
                snprintf(t->target_lang, sizeof t->target_lang, "%s", lang);
            }
        } else if (!t->has_target && tqc_input_same_lang(lang, t->in->lang)) {
            t->role = TUV_TARGET;
            snprintf(t->target_lang, sizeof t->target_lang, "%s", lang);
        } else if (!t->has_source && (t->src_lang[0] ? tqc_input_same_lang(lang, t->src_lang)
                                                     : !tqc_input_same_lang(lang, t->in->lang))) {
            t->role = TUV_SOURCE;
            snprintf(t->source_lang, sizeof t->source_lang, "%s", lang);
        }
    } else if (strcmp(name, "seg") == 0 && t->in_tu && t->role != TUV_SKIP) {
        t->in_seg = true;
        tqc_tb_reset(current(t));
        if (t->role == TUV_SOURCE) {
            t->has_source = true;
            t->source_at = at;
        } else {
            t->has_target = true;
            t->target_at = at;
        }
    } else if (t->in_seg && current(t)) {
        tqc_inline_kind kind;
        const char *id;
        bool hide = true;
        if (strcmp(name, "bpt") == 0) {
            kind = TQC_INLINE_OPEN;
            id = attr(attrs, "i");
        } else if (strcmp(name, "ept") == 0) {
            kind = TQC_INLINE_CLOSE;
            id = attr(attrs, "i");
        } else if (strcmp(name, "ph") == 0 || strcmp(name, "it") == 0 ||
                   strcmp(name, "ut") == 0) {
            kind = TQC_INLINE_STANDALONE;
            id = attr(attrs, "x");
        } else if (strcmp(name, "hi") == 0) {
            kind = TQC_INLINE_OPEN;
            id = attr(attrs, "x");
            hide = false;
        } else {
            return;     /* an unknown element's text is text */
        }
        tqc_tb_inline(current(t), kind, name, id, at.line);
        if (hide)
            t->hide = 1;
    }
}

static void on_end(void *user, const char *name, tqc_srcpos at)
{
    tmx *t = user;
    if (t->hide) {
        t->hide--;
        return;
    }
    if (strcmp(name, "seg") == 0) {
        t->in_seg = false;
    } else if (t->in_seg && current(t) && strcmp(name, "hi") == 0) {
        tqc_tb_inline(current(t), TQC_INLINE_CLOSE, name, NULL, at.line);
    } else if (strcmp(name, "tuv") == 0) {
        t->role = TUV_SKIP;
        t->in_seg = false;
    } else if (strcmp(name, "tu") == 0 && t->in_tu) {
        t->in_tu = false;
        if (!t->has_target)
            return;
        tqc_doc *doc;
        tqc_status st = tqc_tb_finish(&t->target, t->in->name, t->target_lang, t->tu_id,
                                      t->target_at, &doc);
        if (st == TQC_OK && t->has_source) {
            st = tqc_tb_finish(&t->source, t->in->name, t->source_lang, t->tu_id, t->source_at,
                               &doc->source);
            if (st != TQC_OK)
                tqc_doc_free(doc);
        }
        if (st != TQC_OK) {
            tqc_xml_fail(t->xml, st, st == TQC_ELIMIT ? "unit larger than the input limit"
                                                      : "out of memory");
            return;
        }
        tqc_xml_queue_push(&t->queue, t->xml, doc);
        t->doc_count++;
    }
}

static void on_text(void *user, const char *s, size_t n, tqc_srcpos at, bool exact)
{
    tmx *t = user;
    if (t->hide || !t->in_seg || !current(t))
        return;
    tqc_tb_append(current(t), s, n, at, exact);
}

static tqc_status tmx_open(tqc_input *in, char *err, size_t errlen)
{
    tmx *t = tqc_calloc(1, sizeof *t);
    if (!t)
        return TQC_ENOMEM;
    in->state = t;
    t->in = in;
    tqc_tb_init(&t->source, 0);
    tqc_tb_init(&t->target, 0);
    tqc_xml_events ev = {t, on_start, on_end, on_text};
    return tqc_xml_open(in, &ev, &t->xml, err, errlen);
}

static tqc_status tmx_next(tqc_input *in, tqc_doc **out, char *err, size_t errlen)
{
    tmx *t = in->state;
    *out = NULL;
    tqc_status st = tqc_xml_queue_next(&t->queue, t->xml, out, err, errlen);
    if (st != TQC_OK || *out)
        return st;
    if (t->tu_count && !t->doc_count) {
        tqc_input_error(in, err, errlen, 0, 0,
                        "%zu translation units, none with a variant in '%s' (--lang)",
                        t->tu_count, in->lang);
        return TQC_EINPUT;
    }
    return TQC_OK;
}

static void tmx_close(tqc_input *in)
{
    tmx *t = in->state;
    if (!t)
        return;
    tqc_xml_close(t->xml);
    tqc_xml_queue_free(&t->queue);
    tqc_tb_free(&t->source);
    tqc_tb_free(&t->target);
    free(t);
}

const tqc_input_reader tqc_read_tmx = {tmx_open, tmx_next, tmx_close};
