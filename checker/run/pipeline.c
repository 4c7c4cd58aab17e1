/* pipeline: the stages after the check, shared by every command (see run/pipeline.h). */
#include "run/pipeline.h"

#include "core/fingerprint.h"

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
