/* pass: one rule pass is one file exporting one tqc_pass descriptor, listed in the
 * registry (passes.c). Passes are pure: they read the document, the language profile
 * and the dictionary, and emit findings into ctx->out. They never print, exit, or keep
 * mutable globals; per-language state made by init is read-only during run, so
 * documents can be checked in parallel. */
#ifndef TQC_PASS_H
#define TQC_PASS_H

#include "dict.h"
#include "doc.h"
#include "finding.h"
#include "lang.h"

typedef struct tqc_pass tqc_pass;

typedef struct tqc_ctx {
    const tqc_doc *doc;
    const tqc_lang *lang;
    tqc_dict *dict;           /* this thread's dictionary */
    const void *state;        /* what the pass's init made for this language */
    const tqc_pass *pass;
    tqc_findings *out;        /* findings of earlier passes are visible here */
    /* The other languages tqc knows (langid.h: their profiles and dictionaries, opened
     * on first use), this thread's like dict; NULL when there are none. */
    struct tqc_langid *langs;
} tqc_ctx;

struct tqc_pass {
    const char *id;           /* stable rule id: `missing-space` */
    tqc_severity severity;    /* default severity */
    const char *summary;      /* one line for --list-rules and SARIF */
    const char *good;         /* an example it must stay silent on (English) */
    const char *bad;          /* an example it must fire on (English) */
    /* Optional: builds per-language state from the profile. */
    tqc_status (*init)(const tqc_lang *lang, void **state, char *err, size_t errlen);
    void (*run)(const tqc_ctx *ctx);
    void (*fini)(void *state); /* optional */
};

/* The registry, in run order (later passes see earlier passes' findings). */
extern const tqc_pass *const tqc_passes[];
extern const size_t tqc_pass_count;
/* The pass with this id, or NULL. */
const tqc_pass *tqc_pass_find(const char *id);

/* Emits a finding of the running pass at its default severity. */
#define TQC_EMIT(ctx, span, ...) tqc_emit((ctx)->out, (ctx)->pass->id, (ctx)->pass->severity, (span), __VA_ARGS__)

#endif
