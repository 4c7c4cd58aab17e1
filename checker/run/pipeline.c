/* pipeline: the stages after the check, shared by every command (see run/pipeline.h). */
#include "run/pipeline.h"

#include <string.h>

#include "core/fingerprint.h"
#include "lang/lang.h"

void tqc_pipe_lang_init(tqc_pipe_lang *pl, tqc_checker *ck, bool detect,
                        tqc_input_format format)
{
    memset(pl, 0, sizeof *pl);
    pl->ck = ck;
    pl->detect = detect;
    /* A bilingual file's docs carry the language their reader found. */
    pl->told = !detect || (format != TQC_INPUT_TEXT && format != TQC_INPUT_HTML);
}

tqc_status tqc_pipe_lang_tell(tqc_pipe_lang *pl, const char *text, size_t len)
{
    pl->told = true;
    pl->why[0] = '\0';
    return tqc_checker_for_text(pl->ck, text, len, &pl->file_ck, &pl->guess, pl->why,
                                sizeof pl->why);
}

tqc_status tqc_pipe_lang_doc(tqc_pipe_lang *pl, tqc_doc *doc, tqc_checker **out, bool *told,
                             char *err, size_t errlen)
{
    *out = pl->ck;
    *told = !pl->told || (!pl->file_ck && pl->detect && !doc->lang[0]);
    tqc_status st = *told ? tqc_pipe_lang_tell(pl, doc->text, doc->len) : TQC_OK;
    if (st != TQC_OK)
        return st;
    const char *code = tqc_lang_code(tqc_checker_lang(pl->ck));
    if (pl->file_ck) {
        *out = pl->file_ck;
        if (pl->file_ck != pl->ck)
            st = tqc_doc_set_lang(doc, tqc_lang_code(tqc_checker_lang(pl->file_ck)));
    } else if (doc->lang[0] && !tqc_lang_same_code(doc->lang, code)) {
        /* A region counts (`pt-PT`, `en-GB`): it picks the dictionary. */
        st = tqc_checker_for_lang(pl->ck, doc->lang, out, err, errlen);
        /* Reported as checked: `FR-FR` is `fr-FR`. */
        if (st == TQC_OK && strcmp(doc->lang, tqc_lang_code(tqc_checker_lang(*out))) != 0)
            st = tqc_doc_set_lang(doc, tqc_lang_code(tqc_checker_lang(*out)));
    }
    return st;
}

bool tqc_pipe_drops(const tqc_pipe_filter *pf, const tqc_doc *doc, const tqc_finding *f,
                    bool again)
{
    if (!pf)
        return false;
    if (f->severity < pf->min_severity)
        return true;
    if (!pf->baseline || !pf->key)
        return false;
    uint64_t fp = tqc_finding_fingerprint(doc, f);
    return again ? tqc_baseline_holds(pf->baseline, pf->key, f->rule, fp)
                 : tqc_baseline_match(pf->baseline, pf->key, f->rule, fp);
}

size_t tqc_pipe_filter_findings(const tqc_pipe_filter *pf, tqc_findings *found, bool again)
{
    size_t kept = 0, n = found->count;
    for (size_t i = 0; i < n; i++)
        if (!tqc_pipe_drops(pf, found->doc, &found->items[i], again))
            found->items[kept++] = found->items[i];
    found->count = kept;
    return n - kept;
}
