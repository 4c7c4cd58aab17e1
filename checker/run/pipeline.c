/* pipeline: the stages after the check, shared by every command (see run/pipeline.h). */
#include "run/pipeline.h"

#include <stdio.h>
#include <string.h>

#include "core/fingerprint.h"
#include "lang/lang.h"
#include "run/pool.h"

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

/* Takes the oldest doc back from the pool into the sink. */
static tqc_status take_back(tqc_pool *pool, const tqc_pipe_hooks *h)
{
    tqc_doc *doc;
    tqc_findings found;
    tqc_status st;
    if (!tqc_pool_next(pool, &doc, &found, &st))
        return TQC_OK;
    if (st == TQC_OK)
        st = h->doc(h->ctx, &doc, &found);
    tqc_findings_release(&found);
    tqc_doc_free(doc);
    return st;
}

/* Checks doc with ck on this thread and hands it to the sink; frees doc. */
static tqc_status check_here(tqc_checker *ck, tqc_doc *doc, const tqc_pipe_hooks *h)
{
    tqc_findings found;
    tqc_findings_init(&found, doc);
    tqc_status st = h->check ? h->check(h->ctx, ck, doc, &found) : tqc_check_doc(ck, doc, &found);
    if (st == TQC_OK)
        st = h->doc(h->ctx, &doc, &found);
    tqc_findings_release(&found);
    tqc_doc_free(doc);
    return st;
}

/* Queues doc on the pool, first taking docs back until it has room; frees doc when the
 * queue cannot be reached. */
static tqc_status submit(tqc_pool *pool, tqc_checker *ck, tqc_doc *doc, const tqc_pipe_hooks *h)
{
    tqc_status st = TQC_OK;
    while (st == TQC_OK && !tqc_pool_has_room(pool))
        st = take_back(pool, h);
    if (st == TQC_OK)
        return tqc_pool_submit(pool, ck, doc);
    tqc_doc_free(doc);
    return st;
}

tqc_status tqc_pipe_file(tqc_input *in, tqc_pipe_lang *pl, tqc_pool **pool, unsigned jobs,
                         const tqc_pipe_hooks *h, char *err, size_t errlen)
{
    tqc_status st = TQC_OK;
    bool parallel = pool && jobs > 1 && !h->check;
    /* A file of more than one doc (a large article, JSONL records) is checked on the
     * pool's threads while this one reads on, its first doc too: that doc is held until
     * a second shows there is more than one (a one-doc file starts no thread). Checked
     * here, it kept the threads idle while it was (and while the dictionaries loaded). */
    tqc_doc *held = NULL;
    tqc_checker *held_ck = NULL;
    while (st == TQC_OK && !(h->stop && h->stop(h->ctx))) {
        tqc_doc *doc;
        st = tqc_input_next(in, &doc, err, errlen);
        if (st == TQC_EINPUT && h->bad_record && tqc_input_resumable(in)) {
            /* One bad record: its own error, and the records after it are checked. */
            st = h->bad_record(h->ctx, err);
            err[0] = '\0';
            continue;
        }
        if (st != TQC_OK || !doc)
            break;
        if (tqc_input_warning(in) && h->warning)
            st = h->warning(h->ctx, tqc_input_warning(in));
        tqc_checker *ck = pl->ck;
        bool told = false;
        char why[512] = "";
        if (st == TQC_OK &&
            (st = tqc_pipe_lang_doc(pl, doc, &ck, &told, why, sizeof why)) != TQC_OK && why[0])
            snprintf(err, errlen, "%s: %s", doc->name, why);
        if (st == TQC_OK && h->lang)
            st = h->lang(h->ctx, pl, doc, ck, told);
        if (st == TQC_OK && parallel && !held && !*pool) {
            held = doc;
            held_ck = ck;
            continue;
        }
        if (st == TQC_OK && parallel && (*pool || (*pool = tqc_pool_new(jobs)))) {
            if (held) {
                st = submit(*pool, held_ck, held, h);
                held = NULL;
            }
            if (st == TQC_OK)
                st = submit(*pool, ck, doc, h);
            else
                tqc_doc_free(doc);
            continue;
        }
        /* No pool to be had: what is held goes first, here. */
        if (held) {
            tqc_status first = check_here(held_ck, held, h);
            held = NULL;
            if (st == TQC_OK)
                st = first;
        }
        if (st == TQC_OK)
            st = check_here(ck, doc, h);
        else
            tqc_doc_free(doc);
    }
    /* What the pool still has precedes any failure: to the sink, in order; then the
     * first doc of a file that had no second. */
    while (parallel && *pool && tqc_pool_pending(*pool)) {
        tqc_status taken = take_back(*pool, h);
        if (st == TQC_OK)
            st = taken;
    }
    if (held) {
        tqc_status first = check_here(held_ck, held, h);
        if (st == TQC_OK)
            st = first;
    }
    return st;
}
