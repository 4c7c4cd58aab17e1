#include "checker.h"

#include <stdlib.h>
#include <string.h>

#include "seg.h"

struct tqc_checker {
    tqc_lang *lang;
    tqc_dict *dict;
    bool enabled[64];
    void *state[64];
};

tqc_status tqc_checker_new(const tqc_check_options *opts, tqc_checker **out,
                           char *err, size_t errlen)
{
    *out = NULL;
    if (tqc_pass_count > 64)
        return TQC_ELIMIT;
    tqc_checker *ck = calloc(1, sizeof *ck);
    if (!ck)
        return TQC_ENOMEM;
    tqc_status st = tqc_lang_load(opts->data_dir, opts->lang, &ck->lang, err, errlen);
    if (st == TQC_OK)
        st = tqc_dict_open(ck->lang, opts->data_dir, &opts->dict, &ck->dict, err, errlen);
    for (size_t i = 0; st == TQC_OK && i < tqc_pass_count; i++) {
        const tqc_pass *p = tqc_passes[i];
        ck->enabled[i] = true;
        for (size_t d = 0; d < opts->disabled_count; d++)
            if (strcmp(opts->disabled[d], p->id) == 0)
                ck->enabled[i] = false;
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
    free(ck);
}

const tqc_lang *tqc_checker_lang(const tqc_checker *ck) { return ck->lang; }
tqc_dict *tqc_checker_dict(tqc_checker *ck) { return ck->dict; }

tqc_status tqc_check_doc(tqc_checker *ck, tqc_doc *doc, tqc_findings *out)
{
    tqc_status st = tqc_segment(doc, ck->lang);
    if (st != TQC_OK)
        return st;
    for (size_t i = 0; i < tqc_pass_count; i++) {
        if (!ck->enabled[i])
            continue;
        tqc_ctx ctx = {doc, ck->lang, ck->dict, ck->state[i], tqc_passes[i], out};
        tqc_passes[i]->run(&ctx);
    }
    tqc_findings_finish(out);
    return out->failed ? TQC_ENOMEM : TQC_OK;
}
