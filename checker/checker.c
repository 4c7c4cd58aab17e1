#include "checker.h"

#include <stdlib.h>
#include <string.h>

#include "seg.h"

/* A source language loaded for bilingual docs. */
typedef struct source_lang {
    char *code;
    tqc_lang *lang;   /* NULL when it could not be loaded */
    tqc_dict *dict;   /* NULL when no dictionary is installed */
} source_lang;

struct tqc_checker {
    tqc_lang *lang;
    tqc_dict *dict;
    bool enabled[64];
    int severity[64];   /* an override (tqc_severity), or -1 */
    void *state[64];
    char *data_dir, *dict_path;  /* for loading source languages on demand */
    source_lang sources[TQC_CHECKER_MAX_SOURCES];
    size_t source_count;
};

static char *dup_opt(const char *s, bool *failed)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    else
        *failed = true;
    return p;
}

tqc_status tqc_checker_new(const tqc_check_options *opts, tqc_checker **out,
                           char *err, size_t errlen)
{
    *out = NULL;
    if (tqc_pass_count > 64)
        return TQC_ELIMIT;
    tqc_checker *ck = calloc(1, sizeof *ck);
    if (!ck)
        return TQC_ENOMEM;
    bool nomem = false;
    ck->data_dir = dup_opt(opts->data_dir, &nomem);
    ck->dict_path = dup_opt(opts->dict.dict_path, &nomem);
    if (nomem) {
        tqc_checker_free(ck);
        return TQC_ENOMEM;
    }
    tqc_status st = tqc_lang_load(opts->data_dir, opts->lang, &ck->lang, err, errlen);
    if (st == TQC_OK)
        st = tqc_dict_open(ck->lang, opts->data_dir, &opts->dict, &ck->dict, err, errlen);
    for (size_t i = 0; st == TQC_OK && i < tqc_pass_count; i++) {
        const tqc_pass *p = tqc_passes[i];
        ck->enabled[i] = true;
        for (size_t d = 0; d < opts->disabled_count; d++)
            if (strcmp(opts->disabled[d], p->id) == 0)
                ck->enabled[i] = false;
        ck->severity[i] = -1;
        for (size_t d = 0; d < opts->severity_count; d++)
            if (strcmp(opts->severities[d].rule, p->id) == 0)
                ck->severity[i] = (int)opts->severities[d].severity;
        if (ck->enabled[i] && p->init)
            st = p->init(ck->lang, &ck->state[i], err, errlen);
    }
    if (st != TQC_OK) {
        tqc_checker_free(ck);
        return st;
    }
    *out = ck;
    return TQC_OK;
}

void tqc_checker_free(tqc_checker *ck)
{
    if (!ck)
        return;
    for (size_t i = 0; i < tqc_pass_count; i++)
        if (ck->state[i] && tqc_passes[i]->fini)
            tqc_passes[i]->fini(ck->state[i]);
    tqc_dict_free(ck->dict);
    tqc_lang_free(ck->lang);
    for (size_t i = 0; i < ck->source_count; i++) {
        tqc_dict_free(ck->sources[i].dict);
        tqc_lang_free(ck->sources[i].lang);
        free(ck->sources[i].code);
    }
    free(ck->data_dir);
    free(ck->dict_path);
    free(ck);
}

const tqc_lang *tqc_checker_lang(const tqc_checker *ck) { return ck->lang; }
tqc_dict *tqc_checker_dict(tqc_checker *ck) { return ck->dict; }

tqc_status tqc_checker_source(tqc_checker *ck, const char *code, const tqc_lang **lang,
                              tqc_dict **dict)
{
    *lang = NULL;
    *dict = NULL;
    if (!code || !*code)
        return TQC_OK;
    for (size_t i = 0; i < ck->source_count; i++)
        if (strcmp(ck->sources[i].code, code) == 0) {
            *lang = ck->sources[i].lang;
            *dict = ck->sources[i].dict;
            return TQC_OK;
        }
    if (ck->source_count == TQC_CHECKER_MAX_SOURCES)
        return TQC_OK;  /* a file of many languages: the rest go without */
    bool nomem = false;
    source_lang *s = &ck->sources[ck->source_count];
    *s = (source_lang){.code = dup_opt(code, &nomem)};
    if (nomem)
        return TQC_ENOMEM;
    ck->source_count++;
    /* A missing profile or dictionary is not an error: the source is still compared. */
    char err[256];
    if (tqc_lang_load(ck->data_dir, code, &s->lang, err, sizeof err) == TQC_OK) {
        tqc_dict_options o = {.dict_path = ck->dict_path};
        if (tqc_dict_open(s->lang, ck->data_dir, &o, &s->dict, err, sizeof err) != TQC_OK)
            s->dict = NULL;
    } else {
        s->lang = NULL;
    }
    *lang = s->lang;
    *dict = s->dict;
    return TQC_OK;
}

tqc_status tqc_check_doc(tqc_checker *ck, tqc_doc *doc, tqc_findings *out)
{
    tqc_status st = tqc_segment(doc, ck->lang);
    if (st != TQC_OK)
        return st;
    if (doc->source) {
        const tqc_lang *sl;
        tqc_dict *sd;
        if ((st = tqc_checker_source(ck, doc->source->lang, &sl, &sd)) != TQC_OK ||
            (st = tqc_segment(doc->source, sl)) != TQC_OK)
            return st;
        doc->source->profile = sl;
        doc->source->dict = sd;
    }
    for (size_t i = 0; i < tqc_pass_count; i++) {
        if (!ck->enabled[i])
            continue;
        tqc_ctx ctx = {doc, ck->lang, ck->dict, ck->state[i], tqc_passes[i], out};
        tqc_passes[i]->run(&ctx);
    }
    for (size_t i = 0; i < tqc_pass_count; i++)
        for (size_t k = 0; ck->severity[i] >= 0 && k < out->count; k++)
            if (strcmp(out->items[k].rule, tqc_passes[i]->id) == 0)
                out->items[k].severity = (tqc_severity)ck->severity[i];
    tqc_findings_finish(out);
    return out->failed ? TQC_ENOMEM : TQC_OK;
}
