/* pass: one rule pass is one file exporting one tqc_pass descriptor, listed in the
 * registry (pass/passes.c). Passes are pure: they read the document, the language profile
 * and the dictionary, and emit findings into ctx->out. They never print, exit, or keep
 * mutable globals; per-language state made by init is read-only during run, so
 * documents can be checked in parallel. */
#ifndef TQC_PASS_H
#define TQC_PASS_H

#include "lang/dict.h"
#include "core/doc.h"
#include "core/finding.h"
#include "lang/lang.h"
#include "lang/words.h"

typedef struct tqc_pass tqc_pass;

typedef struct tqc_ctx {
    const tqc_doc *doc;
    const tqc_lang *lang;
    tqc_dict *dict;           /* this thread's dictionary */
    const void *state;        /* what the pass's init made for this language */
    const tqc_pass *pass;
    tqc_findings *out;        /* findings of earlier passes are visible here */
    /* The other languages tqc knows (lang/langid.h: their profiles and dictionaries, opened
     * on first use), this thread's like dict; NULL when there are none. */
    struct tqc_langid *langs;
    /* Per token of doc: 0 not asked yet, else dict's verdict on its text (1 known, 2 not);
     * several passes ask about the same words. NULL: ask dict every time. */
    uint8_t *token_known;
    /* Per token of doc, two entries: [2k] its parts of speech as written, [2k+1] lower-cased
     * (lang/lex.h bits), each with TQC_CTX_POS_ASKED set once asked. NULL: ask every time. */
    uint32_t *token_pos;
    /* Per token of doc: the first token with the same text (itself when none comes
     * before), so each distinct word of a doc is looked up once, not once a token
     * (the lexicon's search was a fifth of a check). NULL: every token on its own. */
    const uint32_t *token_same;
    /* The run's word table (lang/words.h) and, per token of doc, the id of its form's
     * record there (TQC_WORD_NONE: none, ask directly): a word's answers are asked once
     * per run, not once per doc. NULL: the per-doc arrays above. */
    tqc_words *words;
    const uint32_t *token_word;
    /* A bilingual unit's source side (doc->source): its language's profile and this
     * thread's dictionary for it, each NULL when tqc has none. */
    const tqc_lang *source_lang;
    tqc_dict *source_dict;
} tqc_ctx;

/* Marks a token_pos entry as asked (no TQC_POS_ bit uses it). */
#define TQC_CTX_POS_ASKED TQC_WORD_ASKED

/* Whether token k is part of an abbreviation written with its period (pass/context.c): a
 * word of the profile's `abbreviations` lists with its period (Italian `psicol.`, German
 * `ca.`), or a word glued after such a period (`Sig.ra`, `Dott.ssa`). */
bool tqc_ctx_abbreviation_at(const tqc_ctx *ctx, size_t k);

/* The word after an elided article or preposition the lexicon lists with its apostrophe
 * (`l'`, `dell'`, `d'`) at the start of s: *rest and *rest_len get it; false when s opens
 * with none. A typographic apostrophe is read as `'`, a capital as its lower case
 * (`L'` opening a sentence). */
bool tqc_ctx_after_elision(const tqc_ctx *ctx, const char *s, size_t len, const char **rest,
                           size_t *rest_len);

/* Whether the lower-case word s (len bytes, unknown to the dictionary) is a compound the
 * language has, written another way: with its hyphens left out the dictionary knows it
 * (`teen-ager`: `teenager`), or with a hyphen put between two content words the lexicon
 * lists it (`longsuffering`: `long-suffering`; the lexicon, not Hunspell, which accepts
 * any two words joined by a hyphen; not `todo`: `to-do`, a function word's pair is a
 * run-on as often). The known form goes to fixed (NUL-terminated, at most cap bytes). */
bool tqc_ctx_compound_variant(const tqc_ctx *ctx, const char *s, size_t len, char *fixed,
                              size_t cap);

/* What punctuation token k is in the language's `quotes` list (lang/quotes.h): its
 * TQC_MARK_ bits among the pairs of roles (TQC_QUOTE_ROLE bits); 0 for any other token.
 * tqc_ctx_quote_mark asks with TQC_QUOTE_ROLES_QUOTES, and says whether the token is a
 * quotation mark at all (opening or closing). */
unsigned tqc_ctx_mark(const tqc_ctx *ctx, size_t k, unsigned roles);
bool tqc_ctx_quote_mark(const tqc_ctx *ctx, size_t k);
/* Whether token k is a mark of the profile list `separators`: what separates the items of
 * a page's bar or a credit line (`3 min read · 12 comments`, `Photo | Reuters`). */
bool tqc_ctx_separator(const tqc_ctx *ctx, size_t k);

/* Whether paragraph p is one element tag of a page and nothing else (the HTML reader
 * records headings and figcaption as inline boundaries): `figcaption`, the page's own
 * caption, is no caption left in the body by a scraper. */
bool tqc_ctx_paragraph_is(const tqc_ctx *ctx, size_t p, const char *tag);
/* The same for any heading, h1 to h6. */
bool tqc_ctx_paragraph_is_heading(const tqc_ctx *ctx, size_t p);
/* Whether paragraph p of a page ends where the reader left code out (inline `code`,
 * `kbd`, `samp`, `var`, or a block of code in `pre`): the line leads into code (`use the
 * command` before an example) or ends on it, and reads as cut off only for that. */
bool tqc_ctx_paragraph_ends_in_code(const tqc_ctx *ctx, size_t p);

/* One regional variety of the document's language (the profile's `varieties`). */
typedef struct tqc_ctx_variety {
    const char *code;         /* `en-GB`, inside the profile's value: not terminated */
    size_t code_len;
    tqc_dict *dict;           /* its dictionary, borrowed from ctx->langs; NULL for the
                               * first, the document's own */
} tqc_ctx_variety;
/* The varieties of a document whose language has no region (`en`, not `en-GB`): the
 * document's own first, then each other one whose dictionary is installed, at most max.
 * Returns how many were written; 0 when the profile names none or the region is fixed. */
size_t tqc_ctx_varieties(const tqc_ctx *ctx, tqc_ctx_variety *out, size_t max);
/* Whether variety v (one of tqc_ctx_varieties, not the first) knows the text of token k
 * as written, asked once per form and run: its code, inside the profile, keys the
 * answer in the word table (a bit as a word list's). */
bool tqc_ctx_variety_knows(const tqc_ctx *ctx, size_t k, const tqc_ctx_variety *v);
/* Whether token k can witness a spelling variety: a lower-case word of two letters or
 * more, without digits or a period (`colour`, not `Colour`, `a`, `4x4` or `e.g`). */
bool tqc_ctx_variety_witness(const tqc_ctx *ctx, size_t k);
/* Which of those varieties the document is spelt in: each lower-case word that some of
 * their dictionaries know and others not (`colour`, `color`) is a vote for each that
 * knows it. Writes the varieties to out, their votes to votes and the first voting token
 * of each to first (SIZE_MAX: none); returns how many varieties (0 as
 * tqc_ctx_varieties, or without a dictionary; at most 32). One lookup a word a variety:
 * ask only when a finding turns on it. */
size_t tqc_ctx_variety_votes(const tqc_ctx *ctx, tqc_ctx_variety *out, size_t *votes,
                             size_t *first, size_t max);

/* One language whose words the document's may borrow (the profile's `loan-languages`). */
typedef struct tqc_ctx_loan {
    tqc_dict *dict;           /* borrowed from ctx->langs */
    const char *name;         /* `English`, likewise */
} tqc_ctx_loan;
/* The loan languages whose dictionaries are installed, at most max, in the profile's
 * order; returns how many were written to out. */
size_t tqc_ctx_loans(const tqc_ctx *ctx, tqc_ctx_loan *out, size_t max);

/* Whether the dictionary knows the text of token k lower-cased (utf8proc), asked once per
 * form and run; false when the lower-case form is empty. */
bool tqc_ctx_token_known_lower(const tqc_ctx *ctx, size_t k);
/* Whether list (a word list of the profile or a pass's init: it must outlive the run)
 * has the word of token k in lower case, as written when it has no capital; asked once
 * per form, list and run. cap: the most bytes the lower-case form may take (more: no). */
bool tqc_ctx_in_list(const tqc_ctx *ctx, size_t k, const tqc_strmap *list, size_t cap);
/* tqc_dict_case_variant on the text of token k, asked once per form and run. */
bool tqc_ctx_case_variant(const tqc_ctx *ctx, size_t k, char *fixed, size_t cap);
/* Token k's parts of speech in the profile's lexicon (lang/lex.h), as written and lower-cased
 * (utf8proc); 0 when the lexicon lacks the form or the language has no lexicon: unknown,
 * neither a verb nor a non-verb. A typographic apostrophe is read as `'`, and an elided
 * word (`l'`, `qu'`) or a clitic (`'s`) the lexicon lists, joined to a word it knows,
 * answers for both (`n'est`: ADV|VFIN). Asked once per form and run with the word table
 * (ctx->token_word), else once per token per doc when ctx->token_pos is set. */
uint32_t tqc_ctx_pos(const tqc_ctx *ctx, size_t k);
uint32_t tqc_ctx_pos_lower(const tqc_ctx *ctx, size_t k);
/* Whether token k ends with one of the endings, separated by spaces, of the profile
 * setting key (German `noun-adjective-endings`), with a letter or more before it. */
bool tqc_ctx_ends_with_setting(const tqc_ctx *ctx, size_t k, const char *key);

/* The record of token k's form in the run's word table; NULL when it has none. */
static inline tqc_word *tqc_ctx_word(const tqc_ctx *ctx, size_t k)
{
    return ctx->token_word && ctx->token_word[k] != TQC_WORD_NONE
               ? tqc_words_at(ctx->words, ctx->token_word[k]) : NULL;
}

/* Whether dict knows the text of token k as written, asking it once per form and run
 * (ctx->token_word), else once per token. */
static inline bool tqc_ctx_token_known(const tqc_ctx *ctx, size_t k)
{
    tqc_word *w = tqc_ctx_word(ctx, k);
    if (w && w->known)
        return w->known == 1;
    if (!w && ctx->token_known && ctx->token_known[k])
        return ctx->token_known[k] == 1;
    if (!w && ctx->token_known && ctx->token_same && ctx->token_same[k] != k) {
        bool known = tqc_ctx_token_known(ctx, ctx->token_same[k]);
        ctx->token_known[k] = known ? 1 : 2;
        return known;
    }
    tqc_span sp = ctx->doc->tokens[k].span;
    bool known = tqc_dict_known(ctx->dict, tqc_doc_at(ctx->doc, sp), tqc_span_len(sp));
    if (w)
        w->known = known ? 1 : 2;
    else if (ctx->token_known)
        ctx->token_known[k] = known ? 1 : 2;
    return known;
}

struct tqc_pass {
    const char *id;           /* stable rule id: `missing-space` */
    tqc_severity severity;    /* default severity */
    /* Every severity the pass can emit, as TQC_SEV_BIT()s (its default is always one):
     * what `tqc rules`, SARIF and the docs list; check_passes.c holds passes to it. */
    unsigned severities;
    const char *summary;      /* one line for --list-rules and SARIF */
    const char *good;         /* an example it must stay silent on (English) */
    const char *bad;          /* an example it must fire on (English) */
    const char *details;      /* what it finds and why, for tqc explain and docs/rules/ */
    /* Optional: builds per-language state from the profile. */
    tqc_status (*init)(const tqc_lang *lang, void **state, char *err, size_t errlen);
    void (*run)(const tqc_ctx *ctx);
    void (*fini)(void *state); /* optional */
    /* It asks the dictionary: skipped for a language that has none installed. */
    bool needs_dict;
};

/* The registry, in run order (later passes see earlier passes' findings). */
extern const tqc_pass *const tqc_passes[];
extern const size_t tqc_pass_count;
/* The pass with this id, or NULL. */
const tqc_pass *tqc_pass_find(const char *id);

/* Emits a finding of the running pass at its default severity. */
#define TQC_EMIT(ctx, span, ...) tqc_emit((ctx)->out, (ctx)->pass->id, (ctx)->pass->severity, (span), __VA_ARGS__)

#endif
