/* spelling: words the dictionary does not know.
 *  - a word known only in another case (`brazilian` for `Brazilian`): a proper adjective or
 *    name written in lower case, with the known form as a fix to review; in a language that
 *    capitalises its nouns, a word known only with a capital first letter is a hint
 *    (info, no safe fix): `hochdrehen` is a verb though the dictionary knows only the
 *    noun `Hochdrehen`;
 *  - an unknown lower-case word: a warning with Hunspell's suggestions;
 *  - an unknown capitalised or mixed-case word: most probably a name the dictionary
 *    lacks (`Seaton`), so a hint (info) without suggestions. At the start of a sentence
 *    a capitalised word is treated the same way: in news a sentence opens with a name
 *    far more often than with a misspelling.
 * Tokens that are not words (URLs, e-mail addresses, handles, hashtags, numbers) and
 * words with digits, inner periods (`U.S`) or all in capitals (acronyms) are left alone,
 * and so is a word missing-space or untranslated reported (those passes run first).
 * Regional varieties: in a document whose language has no region (`en`, not `en-GB`),
 * a word unknown to its dictionary that another variety's dictionary knows (the
 * profile's `varieties`, `programme` in en_GB) is that variety's, not a misspelling.
 * When the document also uses words only the default variety knows (`program`), the
 * mixture is reported once, as info, naming which variety most of the text is in. A
 * document whose region is configured (`--lang en-GB`) gets that variety's dictionary
 * and no such leniency. A lower-case word unknown to the document's dictionary that a
 * language of the profile's `loan-languages` knows (English `kernel` in Portuguese) is a
 * hint that names it: a loanword as often as a word left untranslated. Suggestions cost
 * about a millisecond a word (lang/dict.h), so each distinct word is looked up once per
 * document and at most SPELL_MAX_SUGGESTED distinct words get them. */
#include "pass/pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "lang/langid.h"
#include "core/strmap.h"
#include "core/text.h"

/* Suggestions asked for and kept per word. */
#define SPELL_SUGGESTIONS 5
/* Distinct words per document that get suggestions (about a millisecond each, cached per
 * dictionary): a huge document of unknown words must not take minutes. */
#define SPELL_MAX_SUGGESTED 256
#define SPELL_MAX_WORD 256
/* Regional varieties of a language weighed against its default one. */
#define SPELL_MAX_VARIETIES 4

/* The suggestions made for one distinct word of the document. */
typedef struct spell_entry {
    char *list[SPELL_SUGGESTIONS];
    size_t count;
} spell_entry;

/* Another regional variety of the document's language, and the words only it knows. */
typedef struct spell_variety {
    const char *code;         /* `en-GB`, in the profile's `varieties` value */
    size_t code_len;
    tqc_dict *dict;           /* borrowed from ctx->langs */
    size_t words;             /* tokens only this variety knows */
    size_t first;             /* the first of them */
} spell_variety;

typedef struct spell_run {
    const tqc_ctx *ctx;
    tqc_span_index run_ons;   /* what missing-space reported: not reported again */
    tqc_span_index foreign;   /* clauses untranslated reported: their words are not ours */
    spell_variety varieties[SPELL_MAX_VARIETIES];
    size_t variety_count;
    const char *default_code; /* the variety the document's dictionary is */
    size_t default_len;
    struct {
        tqc_dict *dict;       /* borrowed from ctx->langs */
        const char *name;     /* `English` */
    } loans[SPELL_MAX_VARIETIES];
    size_t loan_count;
    tqc_strmap *seen;         /* word -> index into entries */
    spell_entry *entries;
    size_t count, cap;
} spell_run;

static void run_free(spell_run *r)
{
    for (size_t i = 0; i < r->count; i++)
        tqc_dict_free_suggestions(r->entries[i].list, r->entries[i].count);
    free(r->entries);
    tqc_strmap_free(r->seen);
}

/* The suggestions for word, asked of Hunspell on its first occurrence; NULL when out
 * of memory or past the per-document budget. */
static const spell_entry *suggestions(spell_run *r, const char *word, size_t len)
{
    uint64_t index;
    if (r->seen && tqc_strmap_get(r->seen, word, len, &index))
        return &r->entries[index];
    if (r->count == SPELL_MAX_SUGGESTED)
        return NULL;
    if (!r->seen && !(r->seen = tqc_strmap_new()))
        return NULL;
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        spell_entry *grown = tqc_realloc(r->entries, cap * sizeof *grown);
        if (!grown)
            return NULL;
        r->entries = grown;
        r->cap = cap;
    }
    spell_entry *e = &r->entries[r->count];
    e->count = tqc_dict_suggest(r->ctx->dict, word, len, e->list, SPELL_SUGGESTIONS);
    if (!tqc_strmap_put(r->seen, word, len, r->count)) {
        tqc_dict_free_suggestions(e->list, e->count);
        return NULL;
    }
    return &r->entries[r->count++];
}

/* In a language that capitalises its nouns (profile `capitalised-nouns = yes`), whether
 * fixed is word (lower case) with only its first letter capitalised: a noun, whose
 * lower-case twin is as often a verb or adjective the dictionary lacks as a noun
 * written wrong (MQM evaluation, issue 5: every such warning on German TED talks
 * rated error-free was a verb, an adjective or an interjection). */
static bool noun_form(const tqc_ctx *ctx, const char *word, size_t len, const char *fixed,
                      size_t fl)
{
    if (strcmp(tqc_lang_setting(ctx->lang, "capitalised-nouns", "no"), "yes") != 0)
        return false;
    int32_t a, b;
    size_t na = tqc_text_decode(word, len, &a), nb = tqc_text_decode(fixed, fl, &b);
    return na && nb && len - na == fl - nb && memcmp(word + na, fixed + nb, len - na) == 0 &&
           tqc_text_is_upper(b);
}

static void check_token(spell_run *r, const tqc_token *t)
{
    const tqc_ctx *ctx = r->ctx;
    size_t k = (size_t)(t - ctx->doc->tokens);
    if (t->kind != TQC_TOK_WORD || (t->flags & (TQC_TF_DIGIT | TQC_TF_PERIOD | TQC_TF_ALLCAPS)))
        return;
    const char *s = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span);
    if (len < 2 || len > SPELL_MAX_WORD || tqc_ctx_token_known(ctx, k) ||
        tqc_ctx_abbreviation_at(ctx, k) || tqc_span_index_overlaps(&r->run_ons, t->span) ||
        tqc_span_index_overlaps(&r->foreign, t->span))
        return;
    for (size_t v = 0; v < r->variety_count; v++) {
        if (tqc_dict_known(r->varieties[v].dict, s, len)) {
            if (r->varieties[v].words++ == 0)
                r->varieties[v].first = k;
            return;
        }
    }
    char fixed[SPELL_MAX_WORD * 2 + 1];
    if (tqc_dict_case_variant(ctx->dict, s, len, fixed, sizeof fixed)) {
        size_t fl = strlen(fixed);
        if (noun_form(ctx, s, len, fixed, fl)) {
            /* German `hochdrehen`, `ding`: the dictionary knows the noun made from a verb
             * or another word, not the word itself; a lower-case noun is still worth a
             * look, but capitalising it unattended would break every such verb. */
            tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span,
                                      "'%.*s' is known only as the noun '%s'", (int)len, s,
                                      fixed);
            tqc_finding_suggest(ctx->out, f, fixed, fl);
            tqc_finding_fix(ctx->out, f, t->span, fixed, fl, false);
            return;
        }
        tqc_finding *f = TQC_EMIT(ctx, t->span,
                                  "proper adjective or name written in lower case: '%.*s' is "
                                  "written '%s'", (int)len, s, fixed);
        tqc_finding_suggest(ctx->out, f, fixed, fl);
        /* Never safe: changing a word's case changes correct text as often as not. */
        tqc_finding_fix(ctx->out, f, t->span, fixed, fl, false);
        return;
    }
    if (!(t->flags & TQC_TF_LOWER)) {
        /* Capitalised or mixed case: a name the dictionary lacks, most probably. */
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span,
                 "'%.*s' is not in the dictionary (a name?)", (int)len, s);
        return;
    }
    for (size_t i = 0; i < r->loan_count; i++) {
        if (tqc_dict_known(r->loans[i].dict, s, len)) {
            /* `kernel`, `firewall` in a Portuguese article: a loanword as often as a
             * word left untranslated, and no misspelling either way. */
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "'%.*s' is %s: a "
                     "loanword, or left untranslated?", (int)len, s, r->loans[i].name);
            return;
        }
    }
    const spell_entry *e = suggestions(r, s, len);
    tqc_finding *f;
    if (e && e->count > 0)
        f = TQC_EMIT(ctx, t->span, "unknown word '%.*s'; did you mean '%s'?", (int)len, s,
                     e->list[0]);
    else
        f = TQC_EMIT(ctx, t->span, "unknown word '%.*s'", (int)len, s);
    for (size_t i = 0; e && i < e->count; i++)
        tqc_finding_suggest(ctx->out, f, e->list[i], strlen(e->list[i]));
    if (e && e->count > 0)
        tqc_finding_fix(ctx->out, f, t->span, e->list[0], strlen(e->list[0]), false);
}

/* The other regional varieties of a document in a language without a region: the
 * profile's `varieties` after the first (the default, which its dictionary is) whose
 * dictionaries are installed. */
static void open_varieties(spell_run *r)
{
    tqc_ctx_variety v[SPELL_MAX_VARIETIES + 1];
    size_t n = tqc_ctx_varieties(r->ctx, v, SPELL_MAX_VARIETIES + 1);
    if (n == 0)
        return;
    r->default_code = v[0].code;
    r->default_len = v[0].code_len;
    for (size_t i = 1; i < n; i++)
        r->varieties[r->variety_count++] = (spell_variety){v[i].code, v[i].code_len, v[i].dict, 0, 0};
}

/* The languages the profile's `loan-languages` names (`en`), whose words a lower-case
 * unknown word may be borrowed from. */
static void open_loans(spell_run *r)
{
    const tqc_ctx *ctx = r->ctx;
    const char *list = tqc_lang_setting(ctx->lang, "loan-languages", NULL);
    if (!list || !ctx->langs)
        return;
    for (const char *p = list; *p && r->loan_count < SPELL_MAX_VARIETIES;) {
        p += strspn(p, " ");
        size_t n = strcspn(p, " ");
        char code[32];
        if (n == 0 || n >= sizeof code)
            break;
        memcpy(code, p, n);
        code[n] = '\0';
        size_t i = tqc_langid_find(ctx->langs, code);
        tqc_dict *d = i != SIZE_MAX ? tqc_langid_dict(ctx->langs, i) : NULL;
        if (d) {
            r->loans[r->loan_count].dict = d;
            r->loans[r->loan_count++].name = tqc_langid_name(ctx->langs, i);
        }
        p += n;
    }
}

/* The name of variety code in messages (`British`): the profile's `variety-name.CODE`. */
static const char *variety_name(const tqc_lang *lang, const char *code, size_t n)
{
    char key[64];
    snprintf(key, sizeof key, "variety-name.%.*s", (int)n, code);
    const char *name = tqc_lang_setting(lang, key, NULL);
    return name ? name : "another variety's";
}

/* Once per document: the words of another variety beside words only the default one
 * knows. The text's variety is the one most of these words are in. */
static void report_mixture(spell_run *r)
{
    const tqc_ctx *ctx = r->ctx;
    const tqc_doc *doc = ctx->doc;
    for (size_t v = 0; v < r->variety_count; v++) {
        spell_variety *var = &r->varieties[v];
        if (!var->words)
            continue;
        size_t own = 0, own_first = 0;
        for (size_t k = 0; k < doc->token_count; k++) {
            const tqc_token *t = &doc->tokens[k];
            if (t->kind != TQC_TOK_WORD || !(t->flags & TQC_TF_LOWER) ||
                (t->flags & (TQC_TF_DIGIT | TQC_TF_PERIOD)) || tqc_span_len(t->span) < 2 ||
                !tqc_ctx_token_known(ctx, k) ||
                tqc_dict_known(var->dict, tqc_doc_at(doc, t->span), tqc_span_len(t->span)))
                continue;
            if (own++ == 0)
                own_first = k;
        }
        if (!own)
            continue;
        bool mostly_other = var->words >= own;
        size_t odd = mostly_other ? own_first : var->first;
        const tqc_token *t = &doc->tokens[odd];
        const char *ours = variety_name(ctx->lang, r->default_code, r->default_len);
        const char *theirs = variety_name(ctx->lang, var->code, var->code_len);
        const tqc_token *o = &doc->tokens[mostly_other ? var->first : own_first];
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span, "%s and %s spellings mixed: "
                 "'%.*s' is %s, but most of the text is %s (%zu word%s such as '%.*s'; %zu "
                 "%s)", ours, theirs, (int)tqc_span_len(t->span), tqc_doc_at(doc, t->span),
                 mostly_other ? ours : theirs, mostly_other ? theirs : ours,
                 mostly_other ? var->words : own, (mostly_other ? var->words : own) == 1 ? "" : "s",
                 (int)tqc_span_len(o->span), tqc_doc_at(doc, o->span),
                 mostly_other ? own : var->words, mostly_other ? ours : theirs);
    }
}

static void run(const tqc_ctx *ctx)
{
    spell_run r = {.ctx = ctx};
    if (!tqc_span_index_build(&r.run_ons, ctx->out, "missing-space") ||
        !tqc_span_index_build(&r.foreign, ctx->out, "untranslated")) {
        tqc_span_index_free(&r.run_ons);
        ctx->out->failed = true;
        return;
    }
    open_varieties(&r);
    open_loans(&r);
    for (size_t k = 0; k < ctx->doc->token_count; k++)
        check_token(&r, &ctx->doc->tokens[k]);
    report_mixture(&r);
    run_free(&r);
    tqc_span_index_free(&r.run_ons);
    tqc_span_index_free(&r.foreign);
}

const tqc_pass tqc_pass_spelling = {
    .id = "spelling",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_WARNING) | TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "words the dictionary does not know, and names written in lower case",
    .good = "The Brazilian military said the launch was detected on Wednesday.",
    .bad = "The brazilian military said the lauch was detected on Wednesday.",
    .details = "Words the language's Hunspell dictionary does not know, with suggestions (one-edit"
               " corrections ranked by frequency, then Hunspell's), and names written in lower "
               "case. An unknown lower-case word is a warning; an unknown capitalised word is "
               "probably a name and only a hint (info). Accept your own words with --words FILE or"
               " a `tqc: words` comment.",
    .run = run,
    .needs_dict = true,
};
