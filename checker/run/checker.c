#include "run/checker.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/io.h"
#include "core/strmap.h"
#include "lang/langid.h"
#include "lang/words.h"
#include "run/suppress.h"
#include "seg/seg.h"

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
    /* The options again, for siblings in other languages (tqc_checker_for_lang). */
    char **words, **disabled;
    size_t word_count, disabled_count;
    tqc_rule_severity *severities;
    size_t severity_count;
    tqc_checker *siblings[TQC_CHECKER_MAX_LANGS];
    size_t sibling_count;
    tqc_langid *langid;     /* made on first use; a sibling borrows its maker's */
    bool own_langid;
    bool dict_borrowed;     /* a sibling's may be its langid's */
    const tqc_cancel *cancel;   /* borrowed (tqc_checker_set_cancel); NULL: none */
    /* The run's distinct word forms and what was asked about them (lang/words.h): made
     * at the first document; NULL then or when out of memory. */
    tqc_words *word_table;
};

/* tqc_checker_new, using dict (borrowed: it must outlive the checker) when not NULL. */
static tqc_status checker_make(const tqc_check_options *opts, tqc_dict *dict, tqc_checker **out,
                               char *err, size_t errlen)
{
    *out = NULL;
    if (tqc_pass_count > 64)
        return TQC_ELIMIT;
    tqc_checker *ck = tqc_calloc(1, sizeof *ck);
    if (!ck)
        return TQC_ENOMEM;
    bool nomem = false;
    ck->data_dir = tqc_strdup_opt(opts->data_dir, &nomem);
    ck->dict_path = tqc_strdup_opt(opts->dict.dict_path, &nomem);
    ck->words = tqc_calloc(opts->dict.word_file_count + 1, sizeof *ck->words);
    ck->disabled = tqc_calloc(opts->disabled_count + 1, sizeof *ck->disabled);
    ck->severities = tqc_calloc(opts->severity_count + 1, sizeof *ck->severities);
    nomem |= !ck->words || !ck->disabled || !ck->severities;
    for (size_t i = 0; !nomem && i < opts->dict.word_file_count; i++)
        ck->words[ck->word_count++] = tqc_strdup_opt(opts->dict.word_files[i], &nomem);
    for (size_t i = 0; !nomem && i < opts->disabled_count; i++)
        ck->disabled[ck->disabled_count++] = tqc_strdup_opt(opts->disabled[i], &nomem);
    for (size_t i = 0; !nomem && i < opts->severity_count; i++)
        ck->severities[ck->severity_count++] = (tqc_rule_severity){
            tqc_strdup_opt(opts->severities[i].rule, &nomem), opts->severities[i].severity};
    if (nomem) {
        tqc_checker_free(ck);
        return TQC_ENOMEM;
    }
    tqc_status st = tqc_lang_load(opts->data_dir, opts->lang, &ck->lang, err, errlen);
    ck->dict_borrowed = dict != NULL;
    if (st == TQC_OK && dict)
        ck->dict = dict;
    else if (st == TQC_OK)
        st = tqc_dict_open(ck->lang, opts->data_dir, &opts->dict, &ck->dict, err, errlen);
    /* A language a file declares may have no dictionary here: the passes that need
     * none still run (tqc_checker_has_dict says so to the caller). */
    if (st == TQC_ENOTFOUND && opts->dict_optional && ck->lang)
        st = TQC_OK;
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

tqc_status tqc_checker_new(const tqc_check_options *opts, tqc_checker **out,
                           char *err, size_t errlen)
{
    return checker_make(opts, NULL, out, err, errlen);
}

/* ck's options, for a checker of language code. */
static tqc_check_options options_of(const tqc_checker *ck, const char *code)
{
    return (tqc_check_options){
        .data_dir = ck->data_dir, .lang = code,
        .dict = {.dict_path = ck->dict_path, .word_files = (const char *const *)ck->words,
                 .word_file_count = ck->word_count},
        .disabled = (const char *const *)ck->disabled, .disabled_count = ck->disabled_count,
        .severities = ck->severities, .severity_count = ck->severity_count,
    };
}

tqc_status tqc_checker_clone(const tqc_checker *ck, tqc_checker **out, char *err, size_t errlen)
{
    tqc_check_options o = options_of(ck, tqc_lang_code(ck->lang));
    o.dict_optional = !ck->dict;
    tqc_status st = checker_make(&o, NULL, out, err, errlen);
    if (st == TQC_OK)   /* a pool's clone stops when its original would */
        (*out)->cancel = ck->cancel;
    return st;
}

void tqc_checker_free(tqc_checker *ck)
{
    if (!ck)
        return;
    for (size_t i = 0; i < ck->sibling_count; i++)
        tqc_checker_free(ck->siblings[i]);
    if (ck->own_langid)
        tqc_langid_free(ck->langid);
    for (size_t i = 0; i < ck->word_count; i++)
        free(ck->words[i]);
    for (size_t i = 0; i < ck->disabled_count; i++)
        free(ck->disabled[i]);
    for (size_t i = 0; i < ck->severity_count; i++)
        free((char *)ck->severities[i].rule);
    free(ck->words);
    free(ck->disabled);
    free(ck->severities);
    for (size_t i = 0; i < tqc_pass_count; i++)
        if (ck->state[i] && tqc_passes[i]->fini)
            tqc_passes[i]->fini(ck->state[i]);
    if (!ck->dict_borrowed)
        tqc_dict_free(ck->dict);
    tqc_lang_free(ck->lang);
    for (size_t i = 0; i < ck->source_count; i++) {
        tqc_dict_free(ck->sources[i].dict);
        tqc_lang_free(ck->sources[i].lang);
        free(ck->sources[i].code);
    }
    tqc_words_free(ck->word_table);
    free(ck->data_dir);
    free(ck->dict_path);
    free(ck);
}

const tqc_lang *tqc_checker_lang(const tqc_checker *ck) { return ck->lang; }
tqc_dict *tqc_checker_dict(tqc_checker *ck) { return ck->dict; }
bool tqc_checker_has_dict(const tqc_checker *ck) { return ck->dict != NULL; }

tqc_langid *tqc_checker_langid(tqc_checker *ck)
{
    if (!ck->langid) {
        tqc_langid_options o = {.data_dir = ck->data_dir, .dict_path = ck->dict_path};
        if (tqc_langid_new(&o, &ck->langid) != TQC_OK)
            return NULL;
        ck->own_langid = true;
        /* Its own language is this checker's: no second copy of the dictionary. */
        tqc_langid_lend(ck->langid, tqc_lang_code(ck->lang), ck->lang, ck->dict);
    }
    return ck->langid;
}

tqc_status tqc_checker_for_lang(tqc_checker *ck, const char *code, tqc_checker **out,
                                char *err, size_t errlen)
{
    *out = NULL;
    char canon[64];
    tqc_lang_canonical(code, canon, sizeof canon);
    code = canon;
    if (strcmp(code, tqc_lang_code(ck->lang)) == 0) {
        *out = ck;
        return TQC_OK;
    }
    for (size_t i = 0; i < ck->sibling_count; i++)
        if (strcmp(code, tqc_lang_code(ck->siblings[i]->lang)) == 0) {
            *out = ck->siblings[i];
            return TQC_OK;
        }
    if (ck->sibling_count == TQC_CHECKER_MAX_LANGS) {
        snprintf(err, errlen, "more than %d languages in one run", TQC_CHECKER_MAX_LANGS);
        return TQC_ELIMIT;
    }
    tqc_langid *shared = tqc_checker_langid(ck);
    if (!shared)
        return TQC_ENOMEM;
    tqc_check_options o = options_of(ck, code);
    o.dict_optional = true;
    /* The dictionary telling the language opened is the one this language needs, unless
     * the user's word lists extend it: not loaded twice. */
    size_t i = tqc_langid_find(shared, code);
    tqc_dict *have = NULL;
    if (ck->word_count == 0 && i != SIZE_MAX && strcmp(tqc_langid_code(shared, i), code) == 0) {
        have = tqc_langid_dict(shared, i);
        tqc_langid_pin(shared, i);   /* the sibling borrows it */
    }
    tqc_checker *sib;
    tqc_status st = checker_make(&o, have, &sib, err, errlen);
    if (st != TQC_OK)
        return st;
    sib->langid = shared;
    tqc_langid_lend(shared, code, sib->lang, sib->dict);
    sib->cancel = ck->cancel;
    ck->siblings[ck->sibling_count++] = sib;
    *out = sib;
    return TQC_OK;
}

bool tqc_lang_same_base(const char *a, const char *b)
{
    size_t i = 0;
    for (;; i++) {
        bool enda = a[i] == '\0' || a[i] == '-' || a[i] == '_';
        bool endb = b[i] == '\0' || b[i] == '-' || b[i] == '_';
        if (enda || endb)
            return enda && endb;
        if ((a[i] | 0x20) != (b[i] | 0x20))
            return false;
    }
}

tqc_status tqc_checker_for_text(tqc_checker *ck, const char *text, size_t len, tqc_checker **out,
                                tqc_langid_guess *guess, char *err, size_t errlen)
{
    *out = ck;
    err[0] = '\0';
    tqc_langid *ids = tqc_checker_langid(ck);
    const char *fallback = tqc_lang_code(ck->lang);
    if (!ids || tqc_langid_detect(ids, text, len, fallback, guess) != TQC_OK)
        return TQC_ENOMEM;
    if (!guess->code || tqc_lang_same_base(guess->code, fallback))
        return TQC_OK;
    tqc_status st = tqc_checker_for_lang(ck, guess->code, out, err, errlen);
    if (st != TQC_OK)
        *out = ck;
    return st == TQC_ENOMEM ? st : TQC_OK;
}

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
    *s = (source_lang){.code = tqc_strdup_opt(code, &nomem)};
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

void tqc_checker_set_cancel(tqc_checker *ck, const tqc_cancel *cancel)
{
    ck->cancel = cancel;
    for (size_t i = 0; i < ck->sibling_count; i++)
        tqc_checker_set_cancel(ck->siblings[i], cancel);
}

/* For each token of doc, the first with the same text (tqc_ctx.token_same); NULL when
 * out of memory (the passes then ask for each token) or the doc has too many. With the
 * run's word table, *word gets each token's record id (tqc_ctx.token_word) and the table
 * finds the first of each form; else a map of the doc's own forms does. */
static uint32_t *same_text(const tqc_doc *doc, tqc_words *table, uint32_t **word)
{
    *word = NULL;
    if (!doc->token_count || doc->token_count > UINT32_MAX)
        return NULL;
    uint32_t *same = tqc_malloc(doc->token_count * sizeof *same);
    if (same && table) {
        uint32_t *ids = tqc_malloc(doc->token_count * sizeof *ids);
        if (ids) {
            tqc_words_begin_doc(table, doc->token_count);
            for (size_t k = 0; k < doc->token_count; k++) {
                tqc_span sp = doc->tokens[k].span;
                ids[k] = tqc_words_id(table, tqc_doc_at(doc, sp), tqc_span_len(sp));
                same[k] = ids[k] == TQC_WORD_NONE ? (uint32_t)k
                                                  : tqc_words_first(table, ids[k], (uint32_t)k);
            }
            *word = ids;
            return same;
        }
    }
    tqc_strmap *first = tqc_strmap_new();
    for (size_t k = 0; same && first && k < doc->token_count; k++) {
        tqc_span sp = doc->tokens[k].span;
        uint64_t v;
        if (!tqc_strmap_get(first, tqc_doc_at(doc, sp), tqc_span_len(sp), &v)) {
            v = k;
            if (!tqc_strmap_put(first, tqc_doc_at(doc, sp), tqc_span_len(sp), v))
                break;
        }
        same[k] = (uint32_t)v;
        if (k + 1 == doc->token_count) {
            tqc_strmap_free(first);
            return same;
        }
    }
    tqc_strmap_free(first);
    free(same);
    return NULL;
}

tqc_status tqc_check_doc(tqc_checker *ck, tqc_doc *doc, tqc_findings *out)
{
    if (tqc_cancelled(ck->cancel))
        return TQC_ETIME;
    tqc_status st = tqc_suppress_hide(doc);
    if (st == TQC_OK)
        st = tqc_segment(doc, ck->lang);
    if (st != TQC_OK)
        return st;
    const tqc_lang *sl = NULL;
    tqc_dict *sd = NULL;
    if (doc->source && ((st = tqc_checker_source(ck, doc->source->lang, &sl, &sd)) != TQC_OK ||
                        (st = tqc_segment(doc->source, sl)) != TQC_OK))
        return st;
    /* Without it the passes still work, asking the dictionary each time. */
    uint8_t *token_known = tqc_calloc(doc->token_count ? doc->token_count : 1, 1);
    uint32_t *token_pos = tqc_calloc(doc->token_count ? 2 * doc->token_count : 1, sizeof *token_pos);
    if (!ck->word_table)
        ck->word_table = tqc_words_new(0);
    uint32_t *token_word;
    uint32_t *token_same = same_text(doc, ck->word_table, &token_word);
    bool timed_out = false;
    for (size_t i = 0; i < tqc_pass_count && !timed_out; i++) {
        if (!ck->enabled[i] || (tqc_passes[i]->needs_dict && !ck->dict))
            continue;
        if ((timed_out = tqc_cancelled(ck->cancel)))
            break;
        tqc_ctx ctx = {.doc = doc, .lang = ck->lang, .dict = ck->dict, .state = ck->state[i],
                       .pass = tqc_passes[i], .out = out, .langs = tqc_checker_langid(ck),
                       .token_known = token_known, .token_pos = token_pos,
                       .token_same = token_same, .words = ck->word_table,
                       .token_word = token_word, .source_lang = sl, .source_dict = sd};
        tqc_passes[i]->run(&ctx);
    }
    free(token_known);
    free(token_pos);
    free(token_same);
    free(token_word);
    /* Another language's dictionary opened for this document (a foreign clause) is not
     * kept for the next: on a long run of varied text they added up (fr, it and pt_BR,
     * 40 MB, on 21 MB of English prose). */
    if (ck->langid)
        tqc_langid_release(ck->langid);
    if (timed_out) {
        /* A partial check would pass for a clean one: nothing of it is kept. */
        out->count = 0;
        return TQC_ETIME;
    }
    for (size_t i = 0; i < tqc_pass_count; i++)
        for (size_t k = 0; ck->severity[i] >= 0 && k < out->count; k++)
            if (strcmp(out->items[k].rule, tqc_passes[i]->id) == 0)
                out->items[k].severity = (tqc_severity)ck->severity[i];
    tqc_findings_finish(out);
    return out->failed ? TQC_ENOMEM : TQC_OK;
}
