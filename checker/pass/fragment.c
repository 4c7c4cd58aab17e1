/* fragment: a verbless piece split off the sentence before it and left standing as a
 * sentence of its own (`... linked to the space program. North Korean.`, `Twice in one
 * week.`, `Vor allem im Norden des Landes.`). The language's lexicon (lang/lex.h) tells the
 * verbs, so the rule is the same in every language. A sentence is reported when:
 *  - it follows, in the same paragraph, a complete sentence: three words or more (two:
 *    a subject and the finite verb ending it), a finite verb, and a full stop after a
 *    number, a bracket closing on an abbreviation, or a word that is no abbreviation
 *    (before a relative or subordinate clause any word no abbreviation list holds, or a
 *    host name: `the package lxc. Which`);
 *  - it ends with a full stop, opens with a word, and none of its words is a finite verb
 *    or an auxiliary (TQC_POS_VFIN, TQC_POS_AUX) as written or in lower case, read in
 *    context where the form has other readings (see finite_verb: `of historic weight`);
 *  - it has content: a number, or a noun, name, adjective, preposition or non-finite verb
 *    that cannot be read as an adverb, pronoun or interjection. Sentences of those and
 *    conjunctions alone are complete replies (`Not yet.`, `Nothing.`, `Absolutely not.`,
 *    `But no.`), and so are adverbs with a participle (`Roughly speaking.`),
 *    as are the set phrases of the profile list `verbless-sentences` (`Thank you.`, `No
 *    way.`, `Of course.`);
 *  - it is not speech: no quotation mark in it but around a short quoted name after a
 *    word, with no verb (`According to the "Financial Times".`), not inside a quotation;
 *  - it is not a credit, list item or handle: no URL, handle, colon, semicolon (items
 *    of a list: `First, bread; second, milk.`), slash or ©, its
 *    first word not in the profile list `credits` (`Photo`, `Source`), its paragraph
 *    opening with a word, a quotation or a dash against a word (see dash_lead); not
 *    names and numbers alone (`Luke 23:34.`; a preposition opening them makes a phrase
 *    of them, `Since March 2020.`); and
 *    not cut at a capitalised abbreviation (`Cf.`).
 * A sentence opening with a word of the profile list `relative-openers` (`Who`, `Which`,
 * `Dont`, `Donde`), or of `subordinators` (`Because`, `Weil`, `Aunque`) with no comma
 * after which a main clause could follow, or a German relative clause whose first finite
 * verb ends it (verb_final_relative), and ending with a full stop is a subordinate clause
 * with no main clause, reported the same way, unless its main clause follows (see
 * second_verb).
 * A word the lexicon lacks may be a verb when it is written in lower case, or opens the
 * sentence and the dictionary knows it in lower case, unless no verb can stand there
 * (nominal_slot, name_opening); such a sentence is reported at info only, since the verb
 * may be the word the lexicon lacks; so may a word the encoding pass
 * (run before this one) found garbled (`Ãˆ` for `È`). Capitalised words inside the
 * sentence (names; German nouns), all-capital words and words with digits are no verbs.
 * Verbless pieces one right after another are the writer's manner: a hint only (see
 * run). Datelines, bylines and headlines are paragraphs of their own or open one, so no
 * complete sentence precedes them. A quotation whose closing mark was lost before its
 * attribution ends there (inside_quotation); a subordinate clause that may run on into
 * its main clause with no comma is a hint (main_clause_may_follow). */
#include "pass/pass.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"
#include "lang/split.h"

#define FRAG_MAX_WORD 128
/* The sentence before must be long enough to have been a full clause. */
#define FRAG_MIN_PREV_WORDS 3
/* Longer verbless sentences are lists, tables or titles cut by the segmenter, and each
 * word more is one more chance that the lexicon lacks the verb reading of a word. */
#define FRAG_MAX_WORDS 20
/* A word ending the sentence before counts as a word from this length when capitalised,
 * and past it when unknown in lower case (shorter ones may be abbreviations: `Dr.`,
 * `Nr.`, `dott.`). */
#define FRAG_MIN_NOUN_BYTES 4
/* Shorter unknown last words (`Af.`, `Co.`) are more likely abbreviations. */
#define FRAG_MIN_LAST_BYTES 3
/* A set phrase of the profile list `verbless-sentences`, words joined by spaces. */
#define FRAG_MAX_PHRASE 256
/* Words between a conjunction and the verb it joins to the one before (`came and then
 * left`); a verb further on is more likely a clause's of its own. */
#define FRAG_LINKED_WORDS 1

#define FINITE (TQC_POS_VFIN | TQC_POS_AUX)
/* What a fragment split off a clause carries; replies are made of the other classes. */
#define REPLY (TQC_POS_ADV | TQC_POS_PRON | TQC_POS_INTJ | TQC_POS_CONJ)
#define CONTENT (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_NUM | TQC_POS_PREP | \
                 TQC_POS_VINF | TQC_POS_VPART | TQC_POS_VGER)

static const char *tok_text(const tqc_doc *doc, const tqc_token *t)
{
    return tqc_doc_at(doc, t->span);
}

static bool tok_in(const tqc_ctx *ctx, const char *list, const tqc_token *t)
{
    /* the per-form answer of the word table, asked once per form and list */
    return tqc_ctx_in_list(ctx, (size_t)(t - ctx->doc->tokens), tqc_lang_list(ctx->lang, list),
                           FRAG_MAX_WORD);
}

static bool is_full_stop(const tqc_doc *doc, const tqc_token *t)
{
    return t->kind == TQC_TOK_PUNCT && tqc_span_len(t->span) == 1 && tok_text(doc, t)[0] == '.';
}

static int32_t first_cp(const tqc_doc *doc, const tqc_token *t)
{
    int32_t cp = 0;
    tqc_text_decode(tok_text(doc, t), tqc_span_len(t->span), &cp);
    return cp;
}

/* Neighbours are read only through these, never at an index computed by hand: such
 * reads went before the token array's start twice. Each answers a token index, or NONE
 * when the neighbour lies outside [lo, end) or the document. */
#define NONE SIZE_MAX

/* The token right before token k, when it is at lo or after. */
static size_t tok_before(size_t k, size_t lo)
{
    return k > lo && k != NONE ? k - 1 : NONE;
}

/* The token right after token k, when it is before end and inside the document. */
static size_t tok_after(const tqc_doc *doc, size_t k, size_t end)
{
    if (end > doc->token_count)
        end = doc->token_count;
    return k != NONE && k + 1 < end ? k + 1 : NONE;
}

/* The word token right before token k (from lo on), NONE when that token is no word. */
static size_t word_before(const tqc_doc *doc, size_t k, size_t lo)
{
    size_t j = tok_before(k, lo);
    return j != NONE && doc->tokens[j].kind == TQC_TOK_WORD ? j : NONE;
}

/* The word token right after token k (before end), NONE when that token is no word. */
static size_t word_after(const tqc_doc *doc, size_t k, size_t end)
{
    size_t j = tok_after(doc, k, end);
    return j != NONE && doc->tokens[j].kind == TQC_TOK_WORD ? j : NONE;
}

/* The first character of token j, 0 for NONE. */
static int32_t cp_of(const tqc_doc *doc, size_t j)
{
    return j == NONE ? 0 : first_cp(doc, &doc->tokens[j]);
}

/* Whether token j is one of that kind; false for NONE. */
static bool kind_is(const tqc_doc *doc, size_t j, tqc_tok_kind kind)
{
    return j != NONE && doc->tokens[j].kind == kind;
}

/* A closing quotation mark or bracket of the language. */
static bool is_closer(const tqc_ctx *ctx, size_t k)
{
    return tqc_ctx_mark(ctx, k, TQC_QUOTE_ROLES_QUOTES | TQC_QUOTE_ROLE(TQC_QUOTE_BRACKET)) &
           TQC_MARK_CLOSES;
}

/* Whether the language puts object pronouns before finite verbs (profile
 * `proclitic-pronouns = yes`: `la vende`, `le dijo`), so a pronoun may precede a verb;
 * `after-subject` where a subject must come first (French: `il les note`, never `Les
 * notes` as a clause). */
static bool proclitics(const tqc_ctx *ctx, bool sentence_start)
{
    const char *v = tqc_lang_setting(ctx->lang, "proclitic-pronouns", "no");
    return strcmp(v, "yes") == 0 || (!sentence_start && strcmp(v, "after-subject") == 0);
}

/* Whether word token k may be an object pronoun before its verb: one of the profile's
 * `proclitics` (`la vende`; an article the lexicon also calls a pronoun, `il porto`, is
 * none), or any pronoun where the profile has no such list. */
static bool proclitic_pronoun(const tqc_ctx *ctx, size_t k)
{
    return !tqc_lang_list(ctx->lang, "proclitics") ||
           tok_in(ctx, "proclitics", &ctx->doc->tokens[k]);
}

/* Parts of speech of word token k: as written, else in lower case; a sentence's first
 * word is both (`May`: a month and a modal). Inside a sentence, a capitalised word the
 * lexicon knows only in lower case is part of a name or title (`the Research Unit`), so
 * none of its verb readings count. */
/* A hyphenated word the lexicon lacks: a verb when its first part may be one (a verb and
 * its pronoun, `Refere-se`, `dit-il`), else the classes of its last part when that part
 * has no finite reading (`pinch-hitter`: a noun); else unknown. */
static uint32_t compound_pos(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    const char *s = tok_text(ctx->doc, t);
    size_t n = tqc_span_len(t->span), dash = n, first = 0;
    while (dash > 1 && s[dash - 1] != '-')
        dash--;
    while (first < n && s[first] != '-')
        first++;
    if (dash <= 1 || dash >= n)
        return 0;
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    char buf[FRAG_MAX_WORD];
    size_t bn = tqc_text_case(s, first, TQC_CASE_LOWER, buf, sizeof buf);
    uint32_t head = bn ? tqc_lex_pos(lex, buf, bn) : 0;
    if (head & FINITE)
        return head;
    uint32_t pos = tqc_lex_pos(lex, s + dash, n - dash);
    return pos & FINITE ? 0 : pos;
}

/* Whether word token k opens a preposition of two words of the profile list
 * `fixed-prepositions` (Spanish `pese a`, Portuguese `apesar de`): the first word is
 * the preposition's, whatever verb form (`pese`) the lexicon knows it as. */
static bool fixed_preposition(const tqc_ctx *ctx, size_t k)
{
    const tqc_strmap *list = tqc_lang_list(ctx->lang, "fixed-prepositions");
    const tqc_doc *doc = ctx->doc;
    size_t next = word_after(doc, k, doc->token_count), prev = word_before(doc, k, 0);
    if (!list || next == NONE)
        return false;
    const tqc_token *t = &doc->tokens[k], *n = &doc->tokens[next];
    /* An object pronoun before it makes it the verb (`lo pese a mano`). */
    if (prev != NONE && !(t->flags & TQC_TF_SENT_START) &&
        tok_in(ctx, "proclitics", &doc->tokens[prev]))
        return false;
    char buf[FRAG_MAX_PHRASE];
    size_t len = tqc_text_case(tok_text(doc, t), tqc_span_len(t->span), TQC_CASE_LOWER, buf,
                               sizeof buf);
    size_t nlen = tqc_span_len(n->span);
    if (!len || len + 1 + nlen >= sizeof buf)
        return false;
    buf[len++] = ' ';
    memcpy(buf + len, tok_text(doc, n), nlen);
    return tqc_strmap_get(list, buf, len + nlen, NULL);
}

static uint32_t word_pos(const tqc_ctx *ctx, size_t k, bool first)
{
    if (fixed_preposition(ctx, k))
        return TQC_POS_PREP;
    uint32_t pos = tqc_ctx_pos(ctx, k);
    if (first)
        pos |= tqc_ctx_pos_lower(ctx, k);
    else if (!pos && !(ctx->doc->tokens[k].flags & TQC_TF_LOWER)) {
        uint32_t lower = tqc_ctx_pos_lower(ctx, k);
        return lower ? (lower & ~TQC_POS_VERB) | TQC_POS_PROPN : 0;
    }
    return pos ? pos : compound_pos(ctx, k);
}

/* Determiners, adjectives and numbers looked through back to a preposition. */
#define FRAG_MAX_GOVERNED 4

/* Whether the noun at word token k is the object of a preposition before it, over
 * determiners, adjectives and numbers (`a vantaggio`, `con gli altri tipi`): then it is
 * no subject for a verb after it. */
static bool governed(const tqc_ctx *ctx, size_t k, size_t first)
{
    for (size_t j = k, steps = 0; steps < FRAG_MAX_GOVERNED; steps++) {
        if ((j = word_before(ctx->doc, j, first)) == NONE)
            return false;
        uint32_t pos = word_pos(ctx, j, j == first);
        if ((pos & TQC_POS_PREP) &&
            !(pos & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_VERB | TQC_POS_PRON)))
            return true;
        if (!pos || (pos & ~(TQC_POS_DET | TQC_POS_ADJ | TQC_POS_NUM | TQC_POS_PRON)) ||
            ((pos & TQC_POS_PRON) && !(pos & TQC_POS_DET)))
            return false;
    }
    return false;
}

/* Whether the noun at word token k is the object of an infinitive that is nothing else
 * before it, over determiners, adjectives and numbers (`di ritrovare i due escursionisti`):
 * no subject either, and a participle after it qualifies it (`de retrouver les
 * randonneurs disparus`). (A preposition's object may end a subject, `News of the
 * project reached ...`, and a verb may follow a fronted phrase, `In den Fällen bedeutet`.) */
static bool object_of_infinitive(const tqc_ctx *ctx, size_t k, size_t first)
{
    for (size_t j = k, steps = 0; steps < FRAG_MAX_GOVERNED; steps++) {
        if ((j = word_before(ctx->doc, j, first)) == NONE)
            return false;
        uint32_t pos = word_pos(ctx, j, j == first);
        if ((pos & TQC_POS_VINF) && !(pos & ~(TQC_POS_VINF | TQC_POS_NOUN)))
            return true;
        if (!pos || (pos & ~(TQC_POS_DET | TQC_POS_ADJ | TQC_POS_NUM | TQC_POS_PRON)) ||
            ((pos & TQC_POS_PRON) && !(pos & TQC_POS_DET)))
            return false;
    }
    return false;
}

/* Whether word token k is in the language's list of prepositions or articles: a word
 * of the grammar's closed classes, whose verb reading the lexicon may add as a rare
 * homograph (Italian `di`, the imperative of `dire`; French `entre`; German `einen`). */
static bool closed_listed(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    return t->kind == TQC_TOK_WORD &&
           (tok_in(ctx, "prepositions", t) || tok_in(ctx, "articles", t));
}

/* Whether word token k, a listed preposition or article (closed_listed), stands before
 * an article, a determiner, a number (past an adverb qualifying it) or a name: its
 * closed reading then (`entre les deux`, `di un anno`, `near the coast`, `di Napoli`,
 * `di quasi il 15%`), whatever word comes before it. A verb there has a preposition or
 * an adverb after it, or its object without a determiner. */
static bool listed_closed_before_det(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    size_t nk = tok_after(doc, k, doc->token_count);
    if (!closed_listed(ctx, k) || nk == NONE)
        return false;
    const tqc_token *n = &doc->tokens[nk];
    if (n->kind == TQC_TOK_NUMBER)
        return true;
    /* ... also past an adverb that is nothing else and qualifies a number, after it or
     * after an article (`di quasi il 15%`, `de presque 15 %`, `of almost 40 percent`) */
    size_t qk = tok_after(doc, nk, doc->token_count);
    if (n->kind == TQC_TOK_WORD && (n->flags & TQC_TF_LOWER) && qk != NONE &&
        word_pos(ctx, nk, false) == TQC_POS_ADV) {
        const tqc_token *q = &doc->tokens[qk];
        if (q->kind == TQC_TOK_NUMBER)
            return true;
        if (q->kind == TQC_TOK_WORD && tok_in(ctx, "articles", q) &&
            kind_is(doc, tok_after(doc, qk, doc->token_count), TQC_TOK_NUMBER))
            return true;
    }
    /* ... or a name, a capitalised word the lexicon reads as no verb (`la città di
     * Napoli`) */
    if (n->kind == TQC_TOK_WORD && (n->flags & TQC_TF_CAP) && !(n->flags & TQC_TF_SENT_START))
        return !(word_pos(ctx, nk, false) & TQC_POS_VERB);
    if (n->kind != TQC_TOK_WORD || !(n->flags & TQC_TF_LOWER))
        return false;
    uint32_t after = word_pos(ctx, nk, false);
    /* ... or an infinitive with no finite reading, which a preposition governs (`di
     * ritrovare`, `de retrouver`) and no verb takes bare after it */
    if (tok_in(ctx, "prepositions", &doc->tokens[k]) && (after & TQC_POS_VINF) &&
        !(after & (FINITE | TQC_POS_NOUN | TQC_POS_PRON | TQC_POS_DET)))
        return true;
    /* ... or a bare noun with no finite reading, which a preposition governs and a
     * verb rarely takes without its article (`inizio di stagione`, `entre semana`) */
    if (tok_in(ctx, "prepositions", &doc->tokens[k]) && (after & TQC_POS_NOUN) &&
        !(after & (FINITE | TQC_POS_PRON | TQC_POS_DET | TQC_POS_PREP | TQC_POS_ADV)))
        return true;
    return (tok_in(ctx, "articles", n) || tok_in(ctx, "determiners", n) ||
            (after & (TQC_POS_DET | TQC_POS_NUM))) &&
           !(after & (TQC_POS_VERB | TQC_POS_PREP));
}

/* Whether word token k takes its finite reading only from a clitic after an apostrophe
 * (English `'s`: `is`, `has`) and a noun phrase follows it: a name, a noun, or an
 * adjective and another word (`Maryland's Secretary`, `the state's new budget`); the
 * clitic is a possessive there, since no verb of the clitic's comes before a noun
 * phrase alone (`the state's been`, `it's a`, `the door's open.` keep the verb). */
static bool possessive_clitic(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    const char *s = tok_text(doc, t);
    size_t n = tqc_span_len(t->span), head = n;
    while (head > 0 && s[head - 1] != '\'' &&
           !(head >= 3 && (unsigned char)s[head - 3] == 0xE2 &&
             (unsigned char)s[head - 2] == 0x80 && (unsigned char)s[head - 1] == 0x99))
        head--;
    size_t next = word_after(doc, k, doc->token_count);
    if (head == 0 || next == NONE)
        return false;
    head -= s[head - 1] == '\'' ? 1 : 3;
    if (head == 0)
        return false;
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    char buf[FRAG_MAX_WORD];
    size_t bn = tqc_text_case(s, head, TQC_CASE_LOWER, buf, sizeof buf);
    uint32_t hp = tqc_lex_pos(lex, s, head) | (bn ? tqc_lex_pos(lex, buf, bn) : 0);
    /* The head is a noun or a name (`he's`, `that's`: a pronoun's clitic is its verb;
     * `wasn't`, `c'est`: no noun of three letters or more before the apostrophe). */
    if ((hp & TQC_POS_PRON) || ((hp & FINITE) && !(hp & (TQC_POS_NOUN | TQC_POS_PROPN))) ||
        head < FRAG_MIN_LAST_BYTES || (!hp && !(t->flags & TQC_TF_CAP)) ||
        (hp && !(hp & (TQC_POS_NOUN | TQC_POS_PROPN))))
        return false;
    const tqc_token *nt = &doc->tokens[next];
    if (!(nt->flags & TQC_TF_LOWER))
        return (nt->flags & TQC_TF_CAP) != 0;
    uint32_t after = word_pos(ctx, next, false);
    /* An adjective (an ordinal, `first`, may be an adverb too) before another that is no
     * adverb or verb, or before such a noun, runs on into a noun phrase (`the world's
     * first atomic submarine`; `the door's open wide` keeps the verb). */
    size_t then_k = word_after(doc, next, doc->token_count);
    if ((after & TQC_POS_ADJ) && !(after & (TQC_POS_VERB | TQC_POS_AUX | TQC_POS_PRON)) &&
        then_k != NONE && (doc->tokens[then_k].flags & TQC_TF_LOWER)) {
        uint32_t then = word_pos(ctx, then_k, false);
        if ((then & (TQC_POS_ADJ | TQC_POS_NOUN)) &&
            !(then & (TQC_POS_VERB | TQC_POS_AUX | TQC_POS_ADV)))
            return true;
    }
    if (after & (TQC_POS_DET | TQC_POS_PRON | TQC_POS_ADV | TQC_POS_PREP | TQC_POS_VPART |
                 TQC_POS_VGER | TQC_POS_VINF | TQC_POS_AUX))
        return false;
    if (after & TQC_POS_NOUN)
        return true;
    return (after & TQC_POS_ADJ) && then_k != NONE;
}

/* Whether an object opens right after token k: a number, also after a currency sign
 * (`$251`), or a word of the language's `articles` or `determiners` that is no noun or
 * verb. */
static bool object_follows(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    size_t nk = tok_after(doc, k, doc->token_count);
    if (nk == NONE)
        return false;
    const tqc_token *n = &doc->tokens[nk];
    if (n->kind == TQC_TOK_NUMBER)
        return true;
    if (n->kind == TQC_TOK_SYMBOL)
        return kind_is(doc, tok_after(doc, nk, doc->token_count), TQC_TOK_NUMBER);
    if (n->kind != TQC_TOK_WORD || !(n->flags & TQC_TF_LOWER) ||
        !(tok_in(ctx, "articles", n) || tok_in(ctx, "determiners", n)))
        return false;
    return !(word_pos(ctx, nk, false) & (TQC_POS_NOUN | TQC_POS_VERB));
}

/* The parts of speech of the word that an elided word of the profile's `elisions`
 * (`l’`, `d’`, `dell’`) is joined to in word token k (`L’investissement`: a noun), else 0:
 * what follows the token follows that word, not the article. */
static uint32_t elided_host_pos(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    const char *s = tok_text(ctx->doc, t);
    size_t n = tqc_span_len(t->span), i = 1;
    if (t->kind != TQC_TOK_WORD || !tqc_lang_list(ctx->lang, "elisions"))
        return 0;
    while (i < n && s[i] != '\'' && !(i + 2 < n && !memcmp(s + i, "\xE2\x80\x99", 3)))
        i++;
    if (i >= n)
        return 0;
    size_t rest = i + (s[i] == '\'' ? 1 : 3);
    char buf[FRAG_MAX_WORD];
    size_t bn = tqc_text_case(s, i, TQC_CASE_LOWER, buf, sizeof buf);
    if (!bn || rest >= n || !tqc_lang_in(ctx->lang, "elisions", buf, bn))
        return 0;
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    size_t ln = tqc_text_case(s + rest, n - rest, TQC_CASE_LOWER, buf, sizeof buf);
    return tqc_lex_pos(lex, s + rest, n - rest) | (ln ? tqc_lex_pos(lex, buf, ln) : 0);
}

/* Words looked past between a verb of `ago-verbs` and its unit of time. */
#define FRAG_AGO_WORDS 3

/* Whether word token k is a verb of the language's `ago-verbs` that makes an adverbial of
 * time with a measure (`hace casi tres años`, `tre anni fa`): after a preposition, or a
 * word of `time-units` right before it, or one after it past at most FRAG_AGO_WORDS
 * numbers, numerals, determiners and adverbs, and no clause after the measure. Such a
 * verb is no predicate: `Desde hace tres años.` has no main clause. */
static bool time_adverbial(const tqc_ctx *ctx, size_t k, size_t first)
{
    const tqc_doc *doc = ctx->doc;
    if (!tok_in(ctx, "ago-verbs", &doc->tokens[k]))
        return false;
    /* (a preposition governs no finite verb: `desde hace generaciones`) */
    size_t b = word_before(doc, k, first);
    uint32_t before = b != NONE ? word_pos(ctx, b, b == first) : 0;
    if (b != NONE && (tok_in(ctx, "time-units", &doc->tokens[b]) ||
                      ((before & TQC_POS_PREP) &&
                       !(before & (TQC_POS_NOUN | TQC_POS_PRON | TQC_POS_VERB | TQC_POS_CONJ)))))
        return true;
    for (size_t j = k, n = 0; n <= FRAG_AGO_WORDS; n++) {
        if ((j = tok_after(doc, j, doc->token_count)) == NONE)
            return false;
        const tqc_token *t = &doc->tokens[j];
        if (t->kind == TQC_TOK_NUMBER)
            continue;
        if (t->kind != TQC_TOK_WORD)
            return false;
        if (tok_in(ctx, "time-units", t)) {
            /* ... unless a clause follows the measure: then the verb is its predicate
             * (`Hace tres años que cerró.`) */
            size_t then = word_after(doc, j, doc->token_count);
            return then == NONE || !tok_in(ctx, "relative-openers", &doc->tokens[then]);
        }
        uint32_t pos = word_pos(ctx, j, false);
        if (!(pos & (TQC_POS_NUM | TQC_POS_DET | TQC_POS_ADV)) || (pos & TQC_POS_VERB))
            return false;
    }
    return false;
}

/* Whether word token k (of a sentence opening at token first) is a finite verb. A form
 * that is also an article, preposition or conjunction (`una`, `para`, `like`) is one only
 * after a word that may be its subject (a noun, a name, a pronoun that is no article):
 * the closed class is the likelier reading. A form that is also a noun or adjective is
 * none right after a word that may be a determiner, preposition or adjective and no verb
 * (`of historic weight`, `his acts`), unless that word may be a noun too and is neither a
 * determiner nor a preposition's object (`the Miller family remains`), or the language
 * puts pronouns before verbs (see proclitics: `la vende`) and that word may be one. An
 * infinitive right after a preposition (`to go`, `zu verwenden`) is none. Auxiliaries
 * always count. */
static bool finite_verb(const tqc_ctx *ctx, size_t k, size_t first)
{
    uint32_t pos = word_pos(ctx, k, k == first);
    if (!(pos & FINITE) || possessive_clitic(ctx, k) || time_adverbial(ctx, k, first))
        return false;
    const tqc_doc *doc = ctx->doc;
    const tqc_token *toks = doc->tokens;
    /* the tokens one and two before the form in its sentence, and the word after it */
    size_t left = tok_before(k, first), left2 = tok_before(left, first);
    size_t prev = word_before(doc, k, first), next = word_after(doc, k, doc->token_count);
    /* A past tense that is also the participle, opening the sentence where a subject
     * comes before its verb (not profile `null-subject`), is the participle (`Founded in
     * 1990 by two engineers.`); one that is also the base form may be an imperative
     * (`Put it there.`), and so may a verb-second language's present form before its
     * object (`Begleitet ihn.`), not before a preposition (`Begleitet vom Gouverneur.`). */
    if (k == first && (pos & TQC_POS_VPART) && !(pos & (TQC_POS_VINF | TQC_POS_AUX)) &&
        !tqc_lang_yes(ctx->lang, "null-subject")) {
        bool v2 = tqc_lang_yes(ctx->lang, "verb-final-subordinate");
        uint32_t then = next != NONE ? word_pos(ctx, next, false) : 0;
        if (!v2 || ((then & TQC_POS_PREP) &&
                    !(then & (TQC_POS_DET | TQC_POS_PRON | TQC_POS_NOUN | TQC_POS_VERB))))
            return false;
    }
    /* Adjectives in a row, a comma between them, before a noun or a gerund (`a nice, long
     * booking`): the second is one too. */
    if ((pos & TQC_POS_ADJ) && !(pos & TQC_POS_AUX) && cp_of(doc, left) == ',' &&
        kind_is(doc, left2, TQC_TOK_WORD) && next != NONE && (toks[next].flags & TQC_TF_LOWER)) {
        uint32_t adjective = word_pos(ctx, left2, left2 == first);
        if ((adjective & TQC_POS_ADJ) && !(adjective & TQC_POS_VERB) &&
            (word_pos(ctx, next, false) & (TQC_POS_NOUN | TQC_POS_VGER)))
            return false;
    }
    /* A noun-or-verb form after an article of the language's list, before a word that is
     * finite by every reading, is that verb's subject (`que la tempête soit passée`,
     * `the talks are`): two finite verbs do not stand side by side after an article. */
    if ((pos & TQC_POS_NOUN) && prev != NONE && tok_in(ctx, "articles", &toks[prev]) &&
        next != NONE && (toks[next].flags & TQC_TF_LOWER)) {
        uint32_t after = word_pos(ctx, next, false);
        if (after && !(after & ~FINITE))
            return false;
    }
    bool has_before = prev != NONE;
    uint32_t before = has_before ? word_pos(ctx, prev, prev == first) : 0;
    uint32_t host = has_before ? elided_host_pos(ctx, prev) : 0;
    if (host)
        before = host;
    /* Digits before the form (`15% respecto`, `20 times`) are a numeral. */
    if (kind_is(doc, left, TQC_TOK_NUMBER) ||
        (kind_is(doc, left2, TQC_TOK_NUMBER) && cp_of(doc, left) == '%')) {
        has_before = true;
        before = TQC_POS_NUM;
    }
    /* An infinitive after its particle (`to go`, `zu verwenden`) is no finite verb. */
    if ((pos & TQC_POS_VINF) && !(pos & TQC_POS_AUX) && (before & TQC_POS_PREP) &&
        !(before & (TQC_POS_PRON | TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_VERB)))
        return false;
    bool closed = pos & (TQC_POS_DET | TQC_POS_PREP | TQC_POS_CONJ);
    /* A preposition governs no finite verb: an auxiliary form that is also an adverb,
     * an adjective or a participle is that there (`de fora`, Portuguese `fora` also
     * `had been`; `degli aventi diritto`), and so is a past form that is also the
     * participle (`of registered voters`). */
    bool after_prep = (before & TQC_POS_PREP) &&
                      !(before & (TQC_POS_PRON | TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_VERB |
                                  TQC_POS_CONJ | TQC_POS_ADV));
    if (after_prep && (pos & (TQC_POS_ADV | TQC_POS_ADJ | TQC_POS_VPART)))
        return false;
    if (pos & TQC_POS_AUX)
        return true;
    if ((pos & TQC_POS_VPART) && (before & TQC_POS_NOUN) &&
        !(before & (TQC_POS_PRON | TQC_POS_PROPN)) && object_of_infinitive(ctx, prev, first))
        return false;
    if (!closed && !(pos & (TQC_POS_NOUN | TQC_POS_ADJ | TQC_POS_AUX)))
        return true;
    if (closed)
        return !listed_closed_before_det(ctx, k) &&
               (((before & (TQC_POS_NOUN | TQC_POS_PROPN)) && !governed(ctx, prev, first)) ||
                ((before & TQC_POS_PRON) && !(before & TQC_POS_DET)));
    /* After an infinitive a noun form is its object (`per evitare di sprecare
     * risorse`); a gerund may be the subject (`his playing strikes me`). */
    if ((before & TQC_POS_VINF) && !(before & (TQC_POS_VFIN | TQC_POS_AUX | TQC_POS_VGER)) &&
        (pos & TQC_POS_NOUN))
        return false;
    /* A demonstrative opening the sentence with a noun-or-verb form and a determiner
     * after it (`This cuts the rate.`) is the subject: a noun phrase does not run on into
     * another determiner. */
    if ((pos & TQC_POS_VFIN) && prev == first && (before & TQC_POS_DET) &&
        (before & TQC_POS_PRON) && next != NONE && (toks[next].flags & TQC_TF_LOWER)) {
        uint32_t after = word_pos(ctx, next, false);
        if ((after & TQC_POS_DET) &&
            !(after & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_VERB | TQC_POS_PREP)))
            return true;
    }
    /* Where attributive adjectives are inflected (profile `noun-adjective-endings`), a
     * form with no such ending after a pronoun-or-determiner opening the sentence is no
     * attributive adjective but the verb (`Dies erfordert Speicherplatz.`; `Diese
     * bekannte Straße` has its adjective). */
    if ((pos & TQC_POS_VFIN) && !(pos & TQC_POS_NOUN) && prev == first &&
        (before & TQC_POS_PRON) && (before & TQC_POS_DET) &&
        *tqc_lang_setting(ctx->lang, "noun-adjective-endings", "") &&
        !tqc_ctx_ends_with_setting(ctx, k, "noun-adjective-endings") && next != NONE &&
        !(word_pos(ctx, next, false) & (TQC_POS_VERB | TQC_POS_CONJ)))
        return true;   /* (a participle joined to another, `Die installiert und
                        * konfiguriert werden.`, ends a relative clause) */
    /* No noun or adjective runs on into an adverb that is nothing else (`logiciels
     * identiques divergent rapidement`): a finite reading is the verb there, unless a
     * preposition governs the form (`of the bridge again`) or a numeral counts it, a
     * measure before its adverb (`four strokes ahead`, `two years ago`). */
    bool counted = (before & TQC_POS_NUM) && !(before & (TQC_POS_PRON | TQC_POS_NOUN));
    if ((pos & TQC_POS_VFIN) && !counted && next != NONE && (toks[next].flags & TQC_TF_LOWER) &&
        word_pos(ctx, next, false) == TQC_POS_ADV && !governed(ctx, k, first))
        return true;
    /* A pronoun before a verb (see proclitics) is no numeral: `um programa`, `una
     * subida` are an article and its noun. */
    uint32_t keeps_verb = TQC_POS_VERB;
    /* ... nor is a pronoun after a preposition: it is an article there (`de la
     * rencontre`; a preposition governs no finite verb). */
    uint32_t gov = kind_is(doc, left2, TQC_TOK_WORD) ? word_pos(ctx, left2, left2 == first) : 0;
    bool article = (gov & TQC_POS_PREP) &&
                   !(gov & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_VERB | TQC_POS_PRON));
    /* Where a subject must come first (see proclitics), a subject or another pronoun
     * stands before the pronoun (`il en veut`; `Surtout en seconde période` is none). */
    bool subject = (gov & (TQC_POS_PRON | TQC_POS_NOUN | TQC_POS_PROPN)) ||
                   tqc_lang_yes(ctx->lang, "proclitic-pronouns");
    /* An article of the language's list opening the sentence, also after an adverb
     * opening it, before a form that may be a noun or an adjective, is the article (`La
     * prima in dieci anni.`, `Quase o triplo da estimativa.`): a pronoun there needs a verb
     * that is nothing else (`La vende.`, `Quase o perdi.`), or a name after the form, its
     * subject or object (`Lo denuncia Carla Neri.`): a noun runs on into a name through a
     * preposition, and one in apposition (`il porto Said`) is rarely also a verb. */
    bool after_opening_adverb = left2 == first && toks[first].kind == TQC_TOK_WORD &&
                                word_pos(ctx, first, true) == TQC_POS_ADV;
    bool name_after = next != NONE && (toks[next].flags & TQC_TF_CAP) &&
                      !(toks[next].flags & TQC_TF_ALLCAPS) &&
                      !(word_pos(ctx, next, false) & TQC_POS_VERB);
    bool opening_article = has_before && (pos & (TQC_POS_NOUN | TQC_POS_ADJ)) &&
                           tok_in(ctx, "articles", &toks[left]) &&
                           (left == first || after_opening_adverb) && !name_after;
    if (has_before && proclitics(ctx, left == first) && !(before & TQC_POS_NUM) && !article &&
        subject && !opening_article && proclitic_pronoun(ctx, left))
        keeps_verb |= TQC_POS_PRON;
    /* A subject pronoun (`I felt`) or an adverb (`just stop`) before the form, when it
     * can be no determiner or preposition, leaves it a verb. */
    if ((before & (TQC_POS_PRON | TQC_POS_ADV)) && !(before & (TQC_POS_DET | TQC_POS_PREP)))
        keeps_verb |= TQC_POS_PRON | TQC_POS_ADV;
    /* A preposition or an article, then a word that may be an adjective: a noun phrase
     * (`with long experience`, `en seconde période`), whatever other readings the
     * adjective has. */
    if ((pos & TQC_POS_NOUN) && (before & TQC_POS_ADJ) && left2 != NONE) {
        /* past more adjectives and the commas and conjunctions between them (`a long
         * and cold winter`) */
        size_t j = left2;
        while (j > first && (toks[j].kind == TQC_TOK_WORD || cp_of(doc, j) == ',')) {
            uint32_t p = toks[j].kind == TQC_TOK_WORD ? word_pos(ctx, j, false) : 0;
            bool link = !p || ((p & TQC_POS_CONJ) &&
                               !(p & (TQC_POS_NOUN | TQC_POS_VERB | TQC_POS_ADJ | TQC_POS_PRON)));
            bool adjective = (p & TQC_POS_ADJ) && !(p & (TQC_POS_DET | TQC_POS_PREP));
            if (!link && !adjective)
                break;
            j = tok_before(j, first);
        }
        uint32_t two = toks[j].kind == TQC_TOK_WORD ? word_pos(ctx, j, j == first) : 0;
        if ((two & (TQC_POS_PREP | TQC_POS_DET)) &&
            !(two & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_VERB)))
            return false;
    }
    /* A numeral after an article heads its noun phrase (`The three pay $251 a month.`):
     * a form after it is the verb before its object, a number or a determiner, which no
     * noun runs on into. */
    if ((before & TQC_POS_NUM) && (pos & TQC_POS_VFIN) && kind_is(doc, left2, TQC_TOK_WORD) &&
        tok_in(ctx, "articles", &toks[left2]) && object_follows(ctx, k))
        return true;
    /* A numeral is a determiner here (`five times the deaths`, `two thirds`) unless it
     * may be a pronoun or noun itself (`one`). */
    uint32_t det = TQC_POS_DET | TQC_POS_PREP | TQC_POS_ADJ;
    if (!(before & (TQC_POS_PRON | TQC_POS_NOUN | TQC_POS_PROPN)))
        det |= TQC_POS_NUM;
    /* A preposition or article of the language's lists is one before this form, not
     * the verb its homograph may be (`di parte`, `einen bestimmten Satz`): its verb
     * reading keeps no verb after it. */
    if ((before & (TQC_POS_DET | TQC_POS_PREP)) && closed_listed(ctx, left))
        keeps_verb &= ~TQC_POS_VERB;
    return !has_before || !(before & det) ||
           ((before & TQC_POS_NOUN) && !(before & (TQC_POS_DET | TQC_POS_PREP)) &&
            !governed(ctx, left, first) && !object_of_infinitive(ctx, left, first)) ||
           (before & keeps_verb);
}

/* Whether word token k is the infinitive of an instruction, where the language gives
 * instructions so (profile `infinitive-instructions = yes`: Italian `Quindi digitare il
 * nome.`, French `Cliquer sur le bouton.`): an infinitive that is nothing else,
 * opening the sentence or after an adverb that opens it (`Quindi`, also a conjunction),
 * and followed by its object or a preposition. After a preposition it is governed (`Per
 * costruire un ponte.`). */
static bool instruction_infinitive(const tqc_ctx *ctx, size_t k, size_t first)
{
    const tqc_doc *doc = ctx->doc;
    size_t nk = word_after(doc, k, doc->token_count);
    if (k > first + 1 || tok_after(doc, k, doc->token_count) == NONE ||
        !tqc_lang_yes(ctx->lang, "infinitive-instructions"))
        return false;
    uint32_t pos = word_pos(ctx, k, k == first);
    if (!(pos & TQC_POS_VINF) || (pos & ~(TQC_POS_VINF | TQC_POS_VFIN)))
        return false;
    uint32_t opener = k > first ? word_pos(ctx, first, true) : 0;
    if (k > first && (doc->tokens[first].kind != TQC_TOK_WORD || !(opener & TQC_POS_ADV) ||
                      (opener & ~(TQC_POS_ADV | TQC_POS_CONJ))))
        return false;
    if (nk == NONE || !(doc->tokens[nk].flags & TQC_TF_LOWER))
        return false;
    uint32_t after = word_pos(ctx, nk, false);
    return (after & (TQC_POS_DET | TQC_POS_PREP)) && !(after & (TQC_POS_NOUN | TQC_POS_VERB));
}

/* Whether word token k, which the lexicon lacks, is an attributive adjective: a
 * lower-case word with an inflected adjective's ending (profile
 * `noun-adjective-endings`) between an article of the language's list and a noun that is
 * no verb (German `Der höchste Stand`). */
static bool inflected_adjective(const tqc_ctx *ctx, size_t k, size_t first, size_t last)
{
    const tqc_token *toks = ctx->doc->tokens;
    size_t article = word_before(ctx->doc, k, first), noun = word_after(ctx->doc, k, last);
    if (article == NONE || noun == NONE || !(toks[k].flags & TQC_TF_LOWER) ||
        !tok_in(ctx, "articles", &toks[article]) ||
        !tqc_ctx_ends_with_setting(ctx, k, "noun-adjective-endings"))
        return false;
    uint32_t head = word_pos(ctx, noun, false);
    return (head & TQC_POS_NOUN) && !(head & TQC_POS_VERB);
}

/* Parts of a closed compound: shorter ones split too many words by chance (`bed` +
 * `evils`). */
#define FRAG_MIN_COMPOUND_PART 4
/* Readings of a compound tried, best first. */
#define FRAG_MAX_COMPOUND_READINGS 4

/* Whether word token k, a lower-case word the lexicon lacks, is a closed compound whose
 * head is a noun or an adjective with no verb reading, where the language writes
 * compounds solid (profile `closed-compounds` or `solid-compounds`): such a compound is
 * its head's class (`lobster` + `woman`, `wald` + `reich`). Its parts are words of the
 * dictionary of FRAG_MIN_COMPOUND_PART characters or more, no function words, the first
 * a noun or an adjective of the lexicon; the head is the last. */
static bool noun_compound(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    if (!ctx->dict || !(t->flags & TQC_TF_LOWER) ||
        !(tqc_lang_yes(ctx->lang, "closed-compounds") ||
          tqc_lang_yes(ctx->lang, "solid-compounds")))
        return false;
    const char *w = tok_text(ctx->doc, t);
    tqc_split sp[FRAG_MAX_COMPOUND_READINGS];
    size_t n = tqc_split_find(ctx->dict, ctx->lang, w, tqc_span_len(t->span), sp,
                              FRAG_MAX_COMPOUND_READINGS);
    for (size_t i = 0; i < n; i++) {
        const tqc_split_part *a = &sp[i].part[0], *b = &sp[i].part[1];
        if (sp[i].count != 2 || a->chars < FRAG_MIN_COMPOUND_PART ||
            b->chars < FRAG_MIN_COMPOUND_PART || a->function || b->function)
            continue;
        const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
        uint32_t modifier = tqc_lex_pos(lex, w + a->start, a->end - a->start);
        uint32_t head = tqc_lex_pos(lex, w + b->start, b->end - b->start);
        if ((modifier & (TQC_POS_NOUN | TQC_POS_ADJ)) &&
            (head & (TQC_POS_NOUN | TQC_POS_ADJ)) && !(head & TQC_POS_VERB))
            return true;
    }
    return false;
}

/* Whether word token k, which the lexicon lacks, may be a verb: see the header. */
static bool may_be_verb(const tqc_ctx *ctx, size_t k, bool first)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    if (t->flags & (TQC_TF_ALLCAPS | TQC_TF_DIGIT | TQC_TF_INNER_CAP))
        return false;
    if (t->flags & TQC_TF_LOWER)
        return true;
    if (!first || !ctx->dict)
        return false;
    char buf[FRAG_MAX_WORD];
    size_t n = tqc_text_case(tok_text(ctx->doc, t), tqc_span_len(t->span), TQC_CASE_LOWER,
                             buf, sizeof buf);
    return n && tqc_dict_known(ctx->dict, buf, n);
}

/* Whether word token j is a preposition that governs the word after it: one the lexicon
 * knows as no noun, pronoun (`en`, `a`: also clitics before a verb) or conjunction
 * (`como dijo`), and as no verb unless the language's `prepositions` list has it (`di`,
 * whatever imperative the lexicon adds). */
static bool governing_preposition(const tqc_ctx *ctx, size_t j, size_t first)
{
    uint32_t pos = word_pos(ctx, j, j == first);
    return (pos & TQC_POS_PREP) &&
           !(pos & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_PRON | TQC_POS_CONJ)) &&
           (!(pos & TQC_POS_VERB) || tok_in(ctx, "prepositions", &ctx->doc->tokens[j]));
}

/* Whether word token k, which the lexicon lacks, stands where no finite verb can, so it
 * is no verb the lexicon missed: a preposition governs it, right before it or past
 * determiners, adjectives and numbers (`with two flurbish boats`, `di orogenesi`), or
 * an article of the language's list that is no object pronoun comes right before it
 * (`una`, `the`, whatever verb the lexicon adds; not `la`, `le`, which may stand before
 * a verb). */
static bool nominal_slot(const tqc_ctx *ctx, size_t k, size_t first)
{
    const tqc_doc *doc = ctx->doc;
    size_t j = word_before(doc, k, first);
    if (j != NONE && tok_in(ctx, "articles", &doc->tokens[j])) {
        uint32_t pos = word_pos(ctx, j, j == first);
        bool clitic = tqc_lang_list(ctx->lang, "proclitics")
                          ? tok_in(ctx, "proclitics", &doc->tokens[j])
                          : (pos & TQC_POS_PRON) != 0;
        if (!clitic && !(pos & (TQC_POS_NOUN | TQC_POS_PROPN)))
            return true;
    }
    for (size_t steps = 0; j != NONE && steps < FRAG_MAX_GOVERNED; steps++) {
        if (governing_preposition(ctx, j, first))
            return true;
        uint32_t pos = word_pos(ctx, j, j == first);
        if (!pos || (pos & ~(TQC_POS_DET | TQC_POS_ADJ | TQC_POS_NUM | TQC_POS_PRON)) ||
            ((pos & TQC_POS_PRON) && !(pos & TQC_POS_DET)))
            return false;
        j = word_before(doc, j, first);
    }
    return false;
}

/* Whether word token k, which the lexicon lacks, opens the sentence before a capitalised
 * word that is no verb, where only names are capitalised (not profile
 * `capitalised-nouns`): the two are one name, cut off the sentence before (`Villaseca
 * Ortúzar.`); a verb opening a sentence before its subject's name is one the lexicon
 * knows. */
static bool name_opening(const tqc_ctx *ctx, size_t k, size_t first, size_t last)
{
    const tqc_doc *doc = ctx->doc;
    size_t n = word_after(doc, k, last);
    return k == first && n != NONE && !(doc->tokens[k].flags & TQC_TF_LOWER) &&
           (doc->tokens[n].flags & TQC_TF_CAP) && !(doc->tokens[n].flags & TQC_TF_ALLCAPS) &&
           !tqc_lang_yes(ctx->lang, "capitalised-nouns") &&
           !(word_pos(ctx, n, false) & TQC_POS_VERB);
}

static bool abbreviation(const tqc_ctx *ctx, const tqc_token *t)
{
    return tqc_lang_in(ctx->lang, "abbreviations", tok_text(ctx->doc, t), tqc_span_len(t->span)) ||
           tok_in(ctx, "abbreviations", t) || tok_in(ctx, "abbreviations-lower", t);
}

/* Whether sentence s is a complete one: long enough, with a finite verb (unless
 * any_clause: before a relative clause the head noun alone was cut off, `Patrolman
 * Nunes. Who investigated, said...`), and ending in a
 * full stop after a number or a word that is no abbreviation (none of the profile's
 * lists): a lower-case word the dictionary or lexicon knows or longer than
 * FRAG_MIN_NOUN_BYTES, a capitalised or all-capital one the lexicon knows (`New.`), or
 * any of FRAG_MIN_NOUN_BYTES or more (a name: `Pope.`, `GRUB.`). two_words: the piece
 * after it is long enough to follow a sentence of two words. */
static bool complete_sentence(const tqc_ctx *ctx, size_t s, bool any_clause, bool two_words)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_sentence *prev = &doc->sentences[s];
    if (prev->tok_count < 2)
        return false;
    size_t last = prev->tok_first + prev->tok_count - 1, words = 0;
    /* A quotation or bracket may close after the stop: `than we expected.”` */
    while (last > prev->tok_first + 1 && doc->tokens[last].kind == TQC_TOK_PUNCT &&
           !(doc->tokens[last].flags & TQC_TF_SPACE_BEFORE) && is_closer(ctx, last))
        last--;
    size_t wk = tok_before(last, prev->tok_first);
    if (!is_full_stop(doc, &doc->tokens[last]) || (doc->tokens[last].flags & TQC_TF_SPACE_BEFORE))
        return false;
    /* ... or close before it: `(in the lxc package).`, `« touche Compose ».`; the word
     * inside ends the clause. A mark after a space closes only if it cannot open. */
    while (wk > prev->tok_first + 1 && doc->tokens[wk].kind == TQC_TOK_PUNCT &&
           is_closer(ctx, wk) &&
           (!(doc->tokens[wk].flags & TQC_TF_SPACE_BEFORE) ||
            !(tqc_ctx_mark(ctx, wk, TQC_QUOTE_ROLES_QUOTES) & TQC_MARK_OPENS)))
        wk--;
    /* An abbreviation's period inside the mark that closes (`(socket, pipe, etc.).`): the
     * stop after the mark is the sentence's own. */
    size_t abbr = word_before(doc, wk, prev->tok_first);
    bool closed_abbreviation = wk + 1 < last && wk > prev->tok_first + 1 &&
                               is_full_stop(doc, &doc->tokens[wk]) &&
                               !(doc->tokens[wk].flags & TQC_TF_SPACE_BEFORE) &&
                               abbr != NONE && abbreviation(ctx, &doc->tokens[abbr]);
    if (closed_abbreviation)
        wk = abbr;
    const tqc_token *w = &doc->tokens[wk];
    /* Before a relative clause a host name ends the sentence (`OpenOffice.org. Which`). */
    if (any_clause && w->kind == TQC_TOK_URL)
        return true;
    if (w->kind != TQC_TOK_NUMBER && !closed_abbreviation &&
        (w->kind != TQC_TOK_WORD || (w->flags & TQC_TF_PERIOD) || abbreviation(ctx, w)))
        return false;
    bool finite = false;
    for (size_t k = prev->tok_first; k < last; k++) {
        if (doc->tokens[k].kind != TQC_TOK_WORD)
            continue;
        words++;
        finite = finite || finite_verb(ctx, k, prev->tok_first);
    }
    /* Two words are a clause when a subject, a pronoun or a lower-case noun, comes before
     * the finite verb that ends it (`Esto contribuye.`, `Prices rose.`), if two_words: a
     * piece of one or two words after it may be a dateline or a reply (`It rained.
     * London.`). */
    if (!any_clause && two_words && words == FRAG_MIN_PREV_WORDS - 1 &&
        wk == prev->tok_first + 1 &&
        doc->tokens[prev->tok_first].kind == TQC_TOK_WORD && w->kind == TQC_TOK_WORD &&
        (w->flags & TQC_TF_LOWER) && finite_verb(ctx, wk, prev->tok_first) &&
        !(word_pos(ctx, wk, false) & (TQC_POS_NOUN | TQC_POS_ADJ | TQC_POS_ADV)) &&
        (word_pos(ctx, prev->tok_first, true) & (TQC_POS_PRON | TQC_POS_NOUN)))
        words = FRAG_MIN_PREV_WORDS;
    if (!any_clause && (words < FRAG_MIN_PREV_WORDS || !finite))
        return false;
    if (w->kind == TQC_TOK_NUMBER || closed_abbreviation)
        return true;
    size_t n = tqc_span_len(w->span);
    if (n < 2)
        return false;
    /* A relative pronoun opens no sentence of its own, so the stop before one ends a
     * sentence after any word no abbreviation list holds (`the package lxc. Which`). */
    if (any_clause)
        return true;
    if (w->flags & TQC_TF_LOWER)
        return n > FRAG_MIN_NOUN_BYTES || tqc_ctx_pos(ctx, wk) ||
               (ctx->dict && tqc_dict_known(ctx->dict, tok_text(doc, w), n));
    if (!(w->flags & TQC_TF_CAP))
        return n >= FRAG_MIN_NOUN_BYTES;   /* mixed case, no abbreviation: `d'APT`, `iPhone` */
    return n >= FRAG_MIN_NOUN_BYTES || (w->flags & TQC_TF_ALLCAPS) || tqc_ctx_pos(ctx, wk) ||
           tqc_ctx_pos_lower(ctx, wk);
}

/* Words between the comma and the verb of saying of an attribution (`, said Lorna
 * Beckett`, `, ha spiegato l'assessora`, `, sagt Vogt`). */
#define FRAG_ATTRIBUTION_WORDS 3

/* Whether the comma at token k opens an attribution: only words up to a verb of the
 * profile's `speech-verbs` within FRAG_ATTRIBUTION_WORDS words (a quotation mark between,
 * `appeal," he said`, closes the quotation there itself). */
static bool attribution_at(const tqc_ctx *ctx, size_t k, size_t end)
{
    const tqc_doc *doc = ctx->doc;
    if (doc->tokens[k].kind != TQC_TOK_PUNCT || first_cp(doc, &doc->tokens[k]) != ',')
        return false;
    for (size_t j = k + 1; j < end && j <= k + FRAG_ATTRIBUTION_WORDS; j++) {
        if (doc->tokens[j].kind != TQC_TOK_WORD)
            return false;
        if (tok_in(ctx, "speech-verbs", &doc->tokens[j]))
            return true;
    }
    return false;
}

/* Whether token k of paragraph tokens [first, end) lies inside a quotation, by the
 * language's quotation marks. A quotation still open at an attribution, with no mark
 * closing it later in the paragraph, lost its closing mark before the attribution
 * (`"The channel is shallow, said the mayor. ...`): it ends there, and what follows is
 * the writer's, not the speaker's. One that closes later was interrupted by the
 * attribution (`«Non so, dice, cosa fare. Forse domani.»`). */
static bool inside_quotation(const tqc_ctx *ctx, size_t first, size_t k, size_t end)
{
    int depth = 0;
    for (size_t j = first; j < k; j++) {
        unsigned m = tqc_ctx_mark(ctx, j, TQC_QUOTE_ROLES_QUOTES);
        if (depth > 0 && !m && attribution_at(ctx, j, k)) {
            bool closes_later = false;
            for (size_t c = j + 1; c < end && !closes_later; c++) {
                unsigned cm = tqc_ctx_mark(ctx, c, TQC_QUOTE_ROLES_QUOTES);
                closes_later = (cm & TQC_MARK_CLOSES) && !(cm & TQC_MARK_APOSTROPHE);
            }
            if (!closes_later)
                depth = 0;
            continue;
        }
        if (m & TQC_MARK_APOSTROPHE)
            continue;  /* l’homme, rock 'n' roll: no quotation */
        /* A mark that both opens and closes (", or “ that closes „ in German) closes
         * what is open, else opens. */
        if ((m & TQC_MARK_CLOSES) && depth > 0)
            depth--;
        else if (m & TQC_MARK_OPENS)
            depth++;
    }
    return depth > 0;
}

/* Words looked through after a German relative pronoun before the clause shows itself. */
#define FRAG_MAX_MODIFIERS 3

/* Whether the verb at token v follows an adjective and its noun: the end of a main
 * clause's subject with an extended attribute (`Das 2000 gegründete Unternehmen
 * wächst.`). */
static bool extended_attribute(const tqc_ctx *ctx, size_t first, size_t v)
{
    size_t noun = word_before(ctx->doc, v, first), adj = word_before(ctx->doc, noun, first);
    if (v < first + 3 || noun == NONE || adj == NONE)
        return false;
    /* A noun a preposition governs is no head of the subject (`Die ... nur von
     * begrenztem Nutzen sind.`); the attribute's adjective is inflected, no adverb (`Die
     * häufig Probleme lösen.`). */
    uint32_t attribute = word_pos(ctx, adj, false);
    if (!(word_pos(ctx, noun, false) & TQC_POS_NOUN) ||
        !(attribute & (TQC_POS_ADJ | TQC_POS_VPART)) || (attribute & TQC_POS_ADV) ||
        governed(ctx, noun, first))
        return false;
    /* Each article inside an attribute has its own noun before the verb (`Die den Kindern
     * gegebenen Bücher verschwanden.`); one article more than nouns leaves the first
     * word without one: a pronoun (`Der den öffentlichen Schlüssel kennt.`, `Das in ein
     * schweres Loch fällt.`). Nouns are capitalised here. */
    size_t articles = 0, nouns = 0;
    for (size_t j = first; j < v; j++) {
        if (ctx->doc->tokens[j].kind != TQC_TOK_WORD)
            continue;
        uint32_t pos = word_pos(ctx, j, j == first);
        if ((pos & TQC_POS_DET) && !(pos & (TQC_POS_NOUN | TQC_POS_PROPN)))
            articles++;
        else if (j > first && (ctx->doc->tokens[j].flags & TQC_TF_CAP) &&
                 (!pos || (pos & (TQC_POS_NOUN | TQC_POS_PROPN))))
            nouns++;
    }
    return nouns >= articles;
}

/* Whether tokens [first, last) end on a cluster of verbs whose last is a finite
 * auxiliary and whose first is no auxiliary, with no finite verb before it (`Die Erde
 * immer sehen können.`, `Dessen Festplatte versagt hat.`), and no comma: the verb comes last, as in a
 * subordinate clause; a main clause puts its finite verb second (`Die Erde kann man
 * sehen.`, `Die Preise werden steigen.`). */
static bool verb_final_cluster(const tqc_ctx *ctx, size_t first, size_t last)
{
    const tqc_doc *doc = ctx->doc;
    size_t c = last, v;
    while ((v = word_before(doc, c, first + 1)) != NONE && (doc->tokens[v].flags & TQC_TF_LOWER) &&
           (word_pos(ctx, v, false) & TQC_POS_VERB))
        c = v;
    if (last - c < 2 || !(word_pos(ctx, tok_before(last, c), false) & TQC_POS_AUX) ||
        (word_pos(ctx, c, false) & TQC_POS_AUX))
        return false;
    for (size_t k = first + 1; k < c; k++) {
        /* after a comma the cluster may end a clause inside the sentence (`Diese bestimmt
         * die Rollen, die er bestätigen kann.`) */
        if (doc->tokens[k].kind != TQC_TOK_WORD) {
            if (first_cp(doc, &doc->tokens[k]) == ',')
                return false;
            continue;
        }
        /* a lower-case word the lexicon lacks may be the verb */
        if (finite_verb(ctx, k, first) ||
            (!word_pos(ctx, k, false) && (doc->tokens[k].flags & TQC_TF_LOWER)))
            return false;
    }
    return true;
}

/* Whether tokens [first, last) open with a main clause's subject and its verb: the opener
 * read as an article, a genitive article (`Einige der`), adverbs and adjectives
 * (`fast perfekte`, `zu verwendende`), a capitalised noun, and right after it a finite verb
 * (`Diese fast perfekte Harmonie rührt ... her, der ... erstellen.`), not a relative
 * clause ending on its verb (`Die keinem Paket gehören.`). */
static bool main_clause_subject(const tqc_ctx *ctx, size_t first, size_t last)
{
    const tqc_doc *doc = ctx->doc;
    size_t k = first + 1;
    /* Two determiners: the first a quantifier (also an adjective: `Einige der Nutzer`)
     * before a partitive genitive, else a relative pronoun (`Die keinem Paket gehören.`). */
    if (k < last && doc->tokens[k].kind == TQC_TOK_WORD && (doc->tokens[k].flags & TQC_TF_LOWER) &&
        (word_pos(ctx, k, false) & TQC_POS_DET)) {
        if (!(word_pos(ctx, first, true) & TQC_POS_ADJ))
            return false;
        k++;
    }
    uint32_t modifier = 0;
    for (size_t steps = 0; k < last && steps <= FRAG_MAX_MODIFIERS &&
                           doc->tokens[k].kind == TQC_TOK_WORD &&
                           (doc->tokens[k].flags & TQC_TF_LOWER) &&
                           ((modifier = word_pos(ctx, k, false)) & (TQC_POS_ADJ | TQC_POS_ADV));
         steps++)
        k++;
    /* An attributive adjective is inflected, and no inflected form is an adverb: a noun
     * right after an adverb or a preposition is not the article's (`Die häufig Probleme
     * lösen.`, `Die oft zu Problemen führen.`). */
    if (k > first + 1 && (modifier & (TQC_POS_ADJ | TQC_POS_ADV)) &&
        (modifier & (TQC_POS_ADV | TQC_POS_PREP)))
        return false;
    size_t verb = word_after(doc, k, last);
    if (verb == NONE || doc->tokens[k].kind != TQC_TOK_WORD ||
        !(doc->tokens[k].flags & TQC_TF_CAP))
        return false;
    uint32_t noun = word_pos(ctx, k, false);
    return (!noun || (noun & (TQC_POS_NOUN | TQC_POS_PROPN))) && finite_verb(ctx, verb, first);
}

/* Whether tokens [first, last) open with a relative clause in a language whose
 * subordinate clauses end on their finite verb (profile `verb-final-subordinate = yes`:
 * German). It opens with a word that may be an article or a pronoun (`Die`, `Der`), read
 * as the pronoun because what follows it, past adverbs and adjectives, is no noun (an
 * article would have one) and no finite verb (a main clause's, after a demonstrative:
 * `Die sind gut.`); and the first finite verb ends a clause, before a comma or the full
 * stop (`Die implizit die Länge festlegt.`, `Der meist in Form einer Datei bereitgestellt
 * wird.`), not after an adjective and its noun, the end of an extended attribute of a
 * main clause's subject (`Das 2000 gegründete Unternehmen wächst.`). */
static bool verb_final_relative(const tqc_ctx *ctx, size_t first, size_t last)
{
    const tqc_doc *doc = ctx->doc;
    size_t second = word_after(doc, first, last);
    if (last < first + 3 || second == NONE || !tqc_lang_yes(ctx->lang, "verb-final-subordinate"))
        return false;
    uint32_t opener = word_pos(ctx, first, true), next = word_pos(ctx, second, false);
    /* A pronoun that is no article yet stands before a noun is a genitive one (`Deren
     * Entwicklung ... gesichert ist.`): after its noun a main clause's verb comes
     * (`Deren Zahl steigt.`), a relative clause's ends it. */
    bool genitive = (opener & TQC_POS_PRON) && !(opener & TQC_POS_DET) &&
                    (next & TQC_POS_NOUN) && (doc->tokens[second].flags & TQC_TF_CAP);
    if ((opener & TQC_POS_PRON) && verb_final_cluster(ctx, first, last))
        return true;
    if (genitive) {
        size_t third = word_after(doc, second, last);
        if (third == NONE || finite_verb(ctx, third, first))
            return false;
    } else if (!(opener & TQC_POS_DET) || !(opener & TQC_POS_PRON) ||
               main_clause_subject(ctx, first, last))
        return false;
    /* What can neither follow an article nor be a main clause's verb, and the verb at
     * the end (`Die es benötigt.`), with no comma between: a clause inside may end there
     * and the main clause's verb follow it (`Einige der Personen, die ... arbeiten,
     * haben sich ...`; the loop below reads that). */
    bool comma = false;
    for (size_t j = first + 1; j < last && !comma; j++)
        comma = doc->tokens[j].kind == TQC_TOK_PUNCT && first_cp(doc, &doc->tokens[j]) == ',';
    size_t final = word_before(doc, last, first);
    if (!genitive && !comma && next &&
        !(next & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_VERB)) &&
        final != NONE && (word_pos(ctx, final, false) & FINITE))
        return !extended_attribute(ctx, first, final);
    size_t k = genitive ? first + 2 : first + 1;
    while (!genitive && k < last && k <= first + FRAG_MAX_MODIFIERS &&
           doc->tokens[k].kind == TQC_TOK_WORD) {
        /* Nouns are capitalised here: a lower-case word the lexicon lacks is none. */
        uint32_t pos = word_pos(ctx, k, false);
        if (pos ? (pos & ~(TQC_POS_ADJ | TQC_POS_ADV)) != 0
                : !(doc->tokens[k].flags & TQC_TF_LOWER))
            break;
        k++;
    }
    if (k >= last || doc->tokens[k].kind != TQC_TOK_WORD)
        return false;
    uint32_t w = word_pos(ctx, k, false);
    /* ... unless an adverb stands before it: an article's noun takes inflected adjectives,
     * none of them an adverb (`Die häufig Probleme lösen.`). */
    size_t modifier = word_before(doc, k, first + 1);
    bool adverb_before = modifier != NONE && (word_pos(ctx, modifier, false) & TQC_POS_ADV);
    if (!genitive && !adverb_before && (!w || (w & (TQC_POS_NOUN | TQC_POS_PROPN))))
        return false;
    /* An article, then a determiner with the verb right after it: the determiner is a
     * pronoun and the two the main clause's subject (`Die einen kommen, die anderen
     * gehen.`); a relative pronoun's determiner has its noun (`Die einen Satz ...`). */
    size_t after = word_after(doc, k, last);
    if (!genitive && k == first + 1 && (w & TQC_POS_DET) && after != NONE &&
        finite_verb(ctx, after, first))
        return false;
    /* A verb right after the pronoun is a main clause's (`Die sind gut.`); after its
     * modifiers, ending the sentence, the relative clause's (`Die sonst gleich
     * erscheinen.`). */
    if (!genitive && finite_verb(ctx, k, first))
        return k > first + 1 && k + 1 == last;
    for (size_t v = genitive ? k : k + 1; v < last; v++) {
        if (doc->tokens[v].kind != TQC_TOK_WORD) {
            if (first_cp(doc, &doc->tokens[v]) != '-')
                return false;   /* no finite verb before the first mark */
            continue;
        }
        size_t mark = tok_after(doc, v, last);
        bool clause_end = mark == NONE || cp_of(doc, mark) == ',';
        /* A lower-case word the lexicon lacks ending the clause is its verb
         * (`festlegt`: separable verbs are often missing). */
        if (!finite_verb(ctx, v, first) &&
            !(clause_end && !word_pos(ctx, v, false) && (doc->tokens[v].flags & TQC_TF_LOWER)))
            continue;
        /* The clause may end on a cluster of verbs (`gelöscht worden sind`, `benutzt
         * werden kann`). */
        for (size_t e = word_after(doc, v, last);
             !clause_end && e != NONE && (word_pos(ctx, e, false) & TQC_POS_VERB);
             e = word_after(doc, e, last)) {
            mark = tok_after(doc, e, last);
            clause_end = mark == NONE || cp_of(doc, mark) == ',';
        }
        return clause_end && !extended_attribute(ctx, first, v);
    }
    return false;
}

/* Whether the words of tokens [first, last), lower-cased and joined by spaces (a
 * typographic apostrophe read as '), are a set phrase of `verbless-sentences`. */
static bool set_phrase(const tqc_ctx *ctx, size_t first, size_t last)
{
    char phrase[FRAG_MAX_PHRASE];
    size_t n = 0;
    for (size_t k = first; k < last; k++) {
        const tqc_token *t = &ctx->doc->tokens[k];
        if (t->kind != TQC_TOK_WORD)
            continue;
        if (n && n < sizeof phrase)
            phrase[n++] = ' ';
        size_t w = tqc_text_case(tok_text(ctx->doc, t), tqc_span_len(t->span), TQC_CASE_LOWER,
                                 phrase + n, sizeof phrase - n);
        if (!w)
            return false;
        n += w;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n && !memcmp(phrase + i, "\xE2\x80\x99", 3)) {
            phrase[o++] = '\'';
            i += 2;
        } else {
            phrase[o++] = phrase[i];
        }
    }
    n = o;
    return n && tqc_lang_in(ctx->lang, "verbless-sentences", phrase, n);
}

/* Whether a main clause follows the subordinate clause opening tokens [first, last)
 * (after a comma when after_comma: `Where ... affected ..., Menshikov went abroad.`,
 * `Che sia hardware o software, un sistema ... può rimanere`): a second finite verb, not of the first one's cluster and
 * with no conjunction or relative word between them and no other reading (`Quem é a
 * favor afirma ...`,
 * `Poiché ... possono essere estratte dalla rete rimangono vulnerabili.`). */
static bool second_verb(const tqc_ctx *ctx, size_t first, size_t last, bool after_comma)
{
    const tqc_doc *doc = ctx->doc;
    bool seen = false, linked = false, comma = false;
    for (size_t k = first + 1; k < last; k++) {
        if (doc->tokens[k].kind != TQC_TOK_WORD) {
            /* a comma ends what a conjunction joined (`grande o piccolo, un archivio`) */
            if (first_cp(doc, &doc->tokens[k]) == ',') {
                comma = true;
                linked = false;
            }
            continue;
        }
        /* Right after the opener a finite reading is the clause's own verb (`Che sia`). */
        if (k == first + 1 && (word_pos(ctx, k, false) & FINITE)) {
            seen = true;
            continue;
        }
        if ((word_pos(ctx, k, false) & TQC_POS_CONJ) ||
            tok_in(ctx, "relative-openers", &doc->tokens[k])) {
            linked = linked || seen;
            continue;
        }
        if (!finite_verb(ctx, k, first))
            continue;
        /* A verb right after the comma has no subject of its own: the relative
         * clause's head was cut off (`Nunes. Who investigated the case, said ...`);
         * unless the language needs no subject before a verb (profile `null-subject`:
         * `Che si tratti di ..., è stato utilizzato ...`) or puts the main clause's verb
         * right after a subordinate clause (`verb-final-subordinate`: `Was er sagte, war
         * falsch.`). */
        size_t prev = word_before(doc, k, first);
        if (seen && after_comma && comma && prev == NONE &&
            !tqc_lang_yes(ctx->lang, "null-subject") &&
            !tqc_lang_yes(ctx->lang, "verb-final-subordinate"))
            return false;
        /* Both verbs must be finite ones by every reading: `lo scopo` may be an
         * article and its noun, `dominated by` a participle, `meine` a possessive. */
        if (word_pos(ctx, k, false) & ~(FINITE | TQC_POS_VINF)) {
            /* ... though such a form after an object pronoun opening the clause is its
             * own verb (`Che si tratti di ..., Debian fornisce ...`: `tratti` also a
             * noun; see proclitics). */
            seen = seen || (k == first + 2 && proclitics(ctx, false) && prev != NONE &&
                            (word_pos(ctx, prev, false) & TQC_POS_PRON));
            continue;
        }
        uint32_t before = prev != NONE ? word_pos(ctx, prev, prev == first) : 0;
        /* A cluster has an auxiliary or a non-finite form in it (`gelöscht worden
         * sind`, `can be`); two finite verbs side by side meet at a clause's end
         * (`Quando vi si accede viene aperto`). */
        bool cluster = (before & TQC_POS_VERB) &&
                       !(before & (TQC_POS_NOUN | TQC_POS_ADJ | TQC_POS_PRON | TQC_POS_DET)) &&
                       ((before & (TQC_POS_AUX | TQC_POS_VINF | TQC_POS_VPART | TQC_POS_VGER)) ||
                        (word_pos(ctx, k, false) & (TQC_POS_AUX | TQC_POS_VINF)));
        if (seen && !cluster && !linked && (!after_comma || comma))
            return true;
        seen = true;
    }
    return false;
}

/* Whether the subordinate or relative clause opening tokens [first, last) may run on
 * into its main clause (`While he was in custody his wife divorced him.`): after the
 * clause's first finite verb, a word that may be a finite verb in context, with no
 * conjunction or relative word right before it, after a subject of its own (past
 * adverbs: a noun, name or pronoun that is no determiner; a noun a preposition governs
 * may end the subject, `the name of an executive was`); after a comma when after_comma
 * (a relative clause holds clauses of its own, `Which the firm says it will appeal.`,
 * and sets off a main clause after it). second_verb asks for a verb finite by every
 * reading; this one asks for any such reading, so the sentence may be complete: a hint,
 * not a warning. */
static bool main_clause_may_follow(const tqc_ctx *ctx, size_t first, size_t last,
                                   bool after_comma)
{
    const tqc_doc *doc = ctx->doc;
    /* Where subordinate clauses end on their verb, a comma closes them before the main
     * clause (`Wo ich ... sah, ...`): none follows without one. */
    if (tqc_lang_yes(ctx->lang, "verb-final-subordinate"))
        return false;
    /* A clause reduced to a participle, gerund or adjective has no finite verb (`While
     * working there`, `Where possible,`): the first finite one may be the main clause's. */
    size_t second = word_after(doc, first, last);
    uint32_t opens = second != NONE ? word_pos(ctx, second, false) : 0;
    bool seen = (opens & (TQC_POS_VGER | TQC_POS_VPART | TQC_POS_ADJ)) &&
                !(opens & (FINITE | TQC_POS_ADV));   /* `Que solo admite`: an adverb */
    bool linked = false, comma = false;
    for (size_t k = first + 1; k < last; k++) {
        if (doc->tokens[k].kind != TQC_TOK_WORD) {
            comma = comma || first_cp(doc, &doc->tokens[k]) == ',';
            linked = linked && first_cp(doc, &doc->tokens[k]) != ',';
            continue;
        }
        /* (a conjunction that may be a preposition links no clause: `as usual`) */
        uint32_t pos = word_pos(ctx, k, false);
        if (seen && (((pos & TQC_POS_CONJ) && !(pos & TQC_POS_PREP)) ||
                     tok_in(ctx, "relative-openers", &doc->tokens[k]))) {
            linked = true;
            continue;
        }
        if (!finite_verb(ctx, k, first))
            continue;
        if (!seen || linked || (after_comma && !comma)) {
            seen = true;
            linked = false;   /* a conjunction links one verb, not the clause after it */
            continue;
        }
        size_t j = tok_before(k, first);
        while (j > first + 1 && doc->tokens[j].kind == TQC_TOK_WORD &&
               word_pos(ctx, j, false) == TQC_POS_ADV)
            j = tok_before(j, first);
        /* A verb right after the comma is the predicate of a head cut off before the
         * clause (`Nunes. Who investigated the case, said ...`), and the clauses after it
         * are its own, unless it may be an imperative, a base form (`Where a permit is
         * needed, find out ...`), or holds its subject (`..., I'm a total loss.`); a
         * verb after a verb is of the same cluster. */
        if (doc->tokens[j].kind != TQC_TOK_WORD) {
            uint32_t own = word_pos(ctx, k, false);
            return (own & TQC_POS_VINF) || ((own & TQC_POS_PRON) && (own & FINITE));
        }
        uint32_t subject = word_pos(ctx, j, j == first);
        if ((subject & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_PRON)) &&
            !(subject & (TQC_POS_DET | TQC_POS_PREP)))
            return true;
        if (!(subject & TQC_POS_VERB))
            return false;
    }
    return false;
}

/* Whether the subordinator opening tokens [first, last), where subordinate clauses end
 * on their finite verb (profile `verb-final-subordinate`), is a preposition too and its
 * first finite verb, before any mark, has more of its clause after it that is no verb
 * (`Während der Ferien bleibt die Halle bis zum Abend offen.`): the verb second of a main
 * clause after a prepositional phrase, not the end of a subordinate clause (`Während der
 * Vater schlief.`). */
static bool verb_second_after_preposition(const tqc_ctx *ctx, size_t first, size_t last)
{
    const tqc_doc *doc = ctx->doc;
    if (!tqc_lang_yes(ctx->lang, "verb-final-subordinate") ||
        !(word_pos(ctx, first, true) & TQC_POS_PREP))
        return false;
    for (size_t k = first + 1; k < last; k++) {
        if (doc->tokens[k].kind != TQC_TOK_WORD)
            return false;
        if (finite_verb(ctx, k, first)) {
            size_t rest = word_after(doc, k, last);
            return k > first + 1 && rest != NONE && !(word_pos(ctx, rest, false) & TQC_POS_VERB);
        }
    }
    return false;
}

/* Whether the subordinator opening tokens [first, last) is part of a preposition: a word
 * that is only a preposition follows it (`Because of this ...`), or a number does and
 * the lexicon has the subordinator as a preposition too (`Until 1958 ...`). */
static bool subordinator_as_preposition(const tqc_ctx *ctx, size_t first, size_t last)
{
    size_t nk = tok_after(ctx->doc, first, last);
    if (nk == NONE)
        return false;
    const tqc_token *next = &ctx->doc->tokens[nk];
    if (next->kind == TQC_TOK_NUMBER)
        return (word_pos(ctx, first, true) & TQC_POS_PREP) != 0;
    return next->kind == TQC_TOK_WORD && word_pos(ctx, nk, false) == TQC_POS_PREP;
}

/* The token of the relative pronoun when tokens [first, last) open with a preposition and
 * a pronoun that is nothing else, where subordinate clauses end on their verb (profile
 * `verb-final-subordinate`: German), and the clause ends on its one finite verb with no
 * comma (`Von denen viele leer stehen.`; a demonstrative's main clause puts the verb
 * second: `Von denen habe ich gehört.`), else SIZE_MAX. (In other languages a verbless
 * one is a fragment anyway, `Of which two in the old town.`; one with a verb may be a
 * connective, `Por lo que recomendamos ...`.) */
static size_t relative_after_preposition(const tqc_ctx *ctx, size_t first, size_t last)
{
    const tqc_doc *doc = ctx->doc;
    uint32_t pos = word_pos(ctx, first, true);
    size_t k = word_after(doc, first, last), final = word_before(doc, last, first);
    if (!(pos & TQC_POS_PREP) ||
        (pos & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_PRON | TQC_POS_DET | TQC_POS_CONJ)) ||
        k == NONE || tok_after(doc, k, last) == NONE || word_pos(ctx, k, false) != TQC_POS_PRON ||
        !tqc_lang_yes(ctx->lang, "verb-final-subordinate") ||
        final == NONE || !(word_pos(ctx, final, false) & FINITE))
        return SIZE_MAX;
    for (size_t v = k + 1; v + 1 < last; v++)
        if (doc->tokens[v].kind != TQC_TOK_WORD || finite_verb(ctx, v, first))
            return SIZE_MAX;
    return k;
}

/* The finite verbs of the clause a relative word or subordinator at token `at` opens,
 * up to token last: a finite reading right after the opener is its clause's verb (`the
 * spirit which lives here`: `which` may be a determiner elsewhere), and a form that may be
 * non-finite right after a finite auxiliary is of its cluster (`whom had worked`), not a
 * verb of its own. */
static size_t clause_verbs(const tqc_ctx *ctx, size_t at, size_t first, size_t last)
{
    const tqc_doc *doc = ctx->doc;
    size_t verbs = 0;
    bool after_aux = false;
    for (size_t k = at + 1; k < last; k++) {
        if (doc->tokens[k].kind != TQC_TOK_WORD) {
            after_aux = false;
            continue;
        }
        uint32_t pos = word_pos(ctx, k, false);
        bool finite = finite_verb(ctx, k, first) || (k == at + 1 && (pos & FINITE));
        bool cluster = after_aux && (pos & (TQC_POS_VPART | TQC_POS_VINF | TQC_POS_VGER));
        verbs += finite && !cluster;
        after_aux = finite && (pos & TQC_POS_AUX) && !cluster;
    }
    return verbs;
}

/* Whether a relative word after words of the classes prev and prev2 is one a
 * preposition governs, past a pronoun (`hasta que`, `à ce que`): a preposition that is
 * no conjunction too where a pronoun stands between (`But those who ...` is a main
 * clause's subject). */
static bool governed_relative(uint32_t prev, uint32_t prev2)
{
    return (prev & TQC_POS_PREP) ||
           ((prev & TQC_POS_PRON) && (prev2 & TQC_POS_PREP) && !(prev2 & TQC_POS_CONJ));
}

/* Whether word token k is a presentative of the language's list (`ecco`, `voici`): a
 * predicate by itself, so a sentence holding one has its main clause (`Ecco i numeri.`). */
static bool presentative(const tqc_ctx *ctx, size_t k)
{
    return tok_in(ctx, "presentatives", &ctx->doc->tokens[k]);
}

/* Whether a comma or semicolon comes in tokens [from, last): a main clause may follow
 * the subordinate clause there. */
static bool clause_break(const tqc_doc *doc, size_t from, size_t last)
{
    for (size_t k = from; k < last; k++)
        if (first_cp(doc, &doc->tokens[k]) == ',' || first_cp(doc, &doc->tokens[k]) == ';')
            return true;
    return false;
}

/* Words of a lead-in before a subordinate clause's opener (`At least until`, `Al menos
 * hasta que`, `Au moins jusqu'à ce que`). */
#define FRAG_LEAD_WORDS 3

/* Whether word token k opens an adverbial clause: a word of `subordinators` that is no
 * preposition there (see subordinator_as_preposition and verb_second_after_preposition),
 * or of `conditionals` (`if`, `se`, `wenn`) that is no other word there. */
static bool opens_clause(const tqc_ctx *ctx, size_t k, size_t last)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    if (tok_in(ctx, "subordinators", t))
        return !subordinator_as_preposition(ctx, k, last) &&
               !verb_second_after_preposition(ctx, k, last);
    if (!tok_in(ctx, "conditionals", t))
        return false;
    /* A conditional's homographs: a pronoun before its verb (`se tornou`) or after a
     * preposition (`ao se focar`), an adverb before an adjective or adverb (`si grand`). */
    size_t next = word_after(ctx->doc, k, last), prev = word_before(ctx->doc, k, 0);
    uint32_t pos = next != NONE ? word_pos(ctx, next, false) : 0;
    uint32_t before = prev != NONE ? word_pos(ctx, prev, false) : 0;
    if ((before & TQC_POS_PREP) && !(before & (TQC_POS_CONJ | TQC_POS_ADV)))
        return false;
    return next != NONE && !finite_verb(ctx, next, k) &&
           !((pos & (TQC_POS_ADJ | TQC_POS_ADV)) && !(pos & (TQC_POS_NOUN | TQC_POS_DET |
                                                             TQC_POS_PRON | TQC_POS_PROPN)));
}

/* The token of the word opening the sentence's only clause after a lead-in (else NONE):
 * at most FRAG_LEAD_WORDS adverbs and prepositions with no finite reading (`At least
 * until the storm has passed.`, `Almeno finché ...`) before a clause's opener (see
 * opens_clause) or a relative word a preposition governs, past a pronoun (`hasta que`,
 * `jusqu'à ce que`: the preposition's clause; an adverb before a relative word is not
 * enough, `Claro que vendrá.` is a main clause); or any verbless words and a comma
 * before a clause's opener (`A partir das dez, se o vento deixar.`). */
static size_t led_subordinator(const tqc_ctx *ctx, size_t first, size_t last)
{
    const tqc_doc *doc = ctx->doc;
    uint32_t prev = 0, prev2 = 0;
    /* Prepositions alone before a relative word open a main clause as a connective
     * (`Upon which ...`, `Por lo que ...`, `Dopo di che ...`); an adverb qualifies a
     * clause (`Al menos hasta que ...`). */
    bool adverb = false, lead = true;
    /* before a comma, no word may be a finite verb by any reading (`Dies bedeutet, dass
     * ...`: a reading the context set aside may be the main clause's verb) */
    bool verbless = true;
    for (size_t k = first, words = 0; k < last; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (t->kind != TQC_TOK_WORD) {
            /* a verbless phrase and a comma before the clause (`From ten, if the wind
             * allows.`) */
            if (first_cp(doc, t) == ',') {
                size_t next = word_after(doc, k, last);
                return next != NONE && verbless && opens_clause(ctx, next, last) ? next : NONE;
            }
            if (t->kind != TQC_TOK_NUMBER)
                return NONE;
            lead = false;
            continue;
        }
        if (k > first && lead &&
            (opens_clause(ctx, k, last) ||
             (tok_in(ctx, "relative-openers", t) && adverb && governed_relative(prev, prev2))))
            return k;
        /* (an elided preposition's word reads as the word after it: `jusqu'à`) */
        uint32_t pos = word_pos(ctx, k, k == first), host = elided_host_pos(ctx, k);
        if (host)
            pos = host;
        if (words++ > FRAG_MAX_WORDS || finite_verb(ctx, k, first) || presentative(ctx, k))
            return NONE;
        verbless = verbless && !(pos & FINITE);
        /* a pronoun may stand between a preposition and its relative word (`à ce que`) */
        lead = lead && words <= FRAG_LEAD_WORDS &&
               ((pos & (TQC_POS_ADV | TQC_POS_PREP)) ||
                ((pos & TQC_POS_PRON) && (prev & TQC_POS_PREP)));
        adverb = adverb || ((pos & TQC_POS_ADV) && !(pos & TQC_POS_PREP));
        prev2 = prev;
        prev = pos;
    }
    return NONE;
}

/* A verbless piece this short after a sentence this long may be the writer's
 * emphasis (`Total ruin.`, `Not this year.`), which grammar cannot tell from a cut. */
#define FRAG_EMPHATIC_WORDS 3
/* (a word alone is more often a name's or a list's piece: `Pharmaceutical.`) */
#define FRAG_EMPHATIC_MIN_WORDS 2
#define FRAG_EMPHATIC_PREV_WORDS 12

/* Whether the verbless sentence s (tokens [first, last)) is a short noun phrase or reply
 * after a long sentence: FRAG_EMPHATIC_MIN_WORDS to FRAG_EMPHATIC_WORDS words, none a
 * preposition, conjunction, non-finite verb, possible name or number (a piece of a name,
 * a place, a measure is a cut: `North Korean.`, `In Lisbon.`, `Barely 41 percent.`),
 * after FRAG_EMPHATIC_PREV_WORDS words or more. */
static bool emphatic(const tqc_ctx *ctx, size_t s, size_t first, size_t last)
{
    const tqc_doc *doc = ctx->doc;
    bool nouns_capitalised = tqc_lang_yes(ctx->lang, "capitalised-nouns");
    size_t words = 0;
    for (size_t k = first; k < last; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (t->kind != TQC_TOK_WORD)
            return false;
        uint32_t pos = word_pos(ctx, k, k == first);
        /* (where nouns are capitalised, a common noun is no name: `Totaler Ruin.`) */
        bool name = k > first && !(t->flags & TQC_TF_LOWER) &&
                    !(nouns_capitalised && (pos & TQC_POS_NOUN) && !(pos & TQC_POS_PROPN));
        /* a word that may be a name, or that the lexicon lacks, is a name's piece (`Pugh.`,
         * `Korean.`, `Marrowdale.`) */
        bool proper = !pos || (pos & TQC_POS_PROPN);
        /* a conjunction ties it to what it was cut from (`And the rest.`, `Rather than
         * that.`), a non-finite verb makes a clause's remnant (`Den Code auszuführen.`) */
        bool tied = (pos & (TQC_POS_PREP | TQC_POS_CONJ)) ||
                    ((pos & (TQC_POS_VINF | TQC_POS_VGER | TQC_POS_VPART)) &&
                     !(pos & (TQC_POS_NOUN | TQC_POS_ADJ)));
        if (++words > FRAG_EMPHATIC_WORDS || name || proper || tied)
            return false;
    }
    if (words < FRAG_EMPHATIC_MIN_WORDS)
        return false;
    const tqc_sentence *before = &doc->sentences[s - 1];
    size_t prev_words = 0;
    for (size_t k = before->tok_first; k < before->tok_first + before->tok_count; k++)
        prev_words += doc->tokens[k].kind == TQC_TOK_WORD;
    return prev_words >= FRAG_EMPHATIC_PREV_WORDS;
}

/* Per token of the doc, whether an earlier pass found its text garbled (encoding:
 * `Ãˆ` for `È`): the lexicon cannot read such a word, so it may be the verb. NULL when
 * no word is (or no memory was had: the words are then unknown as before). */
static uint8_t *garbled_tokens(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    uint8_t *marks = NULL;
    for (size_t i = 0; i < ctx->out->count; i++) {
        const tqc_finding *f = &ctx->out->items[i];
        if (strcmp(f->rule, "encoding") != 0 && !(f->also && strstr(f->also, "encoding")))
            continue;
        if (!marks && !(marks = tqc_calloc(doc->token_count ? doc->token_count : 1, 1)))
            return NULL;
        /* the first token ending after the damage starts, then all it overlaps */
        size_t lo = 0, hi = doc->token_count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (doc->tokens[mid].span.end <= f->span.start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < doc->token_count && doc->tokens[k].span.start < f->span.end; k++)
            marks[k] = 1;
    }
    return marks;
}

/* Words a quoted name or term may have (`"Financial Times"`, « Le Monde »): longer
 * quotations are speech. */
#define FRAG_MAX_QUOTED_WORDS 5

/* When token k opens a quotation after a word of the sentence [first, last) that closes
 * before its end, holding one to FRAG_MAX_QUOTED_WORDS words, a capitalised one among
 * them (a name or title: «la Repubblica»; a lower-case term may be a mention in a reply,
 * `No need to add "literally" here.`) and no verb (`Le paquet « reste dans Stable ».`
 * quotes its predicate): the token of its closing mark, else SIZE_MAX. */
static size_t quoted_term(const tqc_ctx *ctx, size_t k, size_t first, size_t last)
{
    const tqc_doc *doc = ctx->doc;
    if (word_before(doc, k, first) == NONE || !(doc->tokens[k].flags & TQC_TF_SPACE_BEFORE) ||
        !(tqc_ctx_mark(ctx, k, TQC_QUOTE_ROLES_QUOTES) & TQC_MARK_OPENS))
        return SIZE_MAX;
    size_t words = 0;
    bool named = false;
    for (size_t j = k + 1; j < last; j++) {
        if (doc->tokens[j].kind == TQC_TOK_WORD) {
            if (++words > FRAG_MAX_QUOTED_WORDS || finite_verb(ctx, j, k + 1) ||
                (!word_pos(ctx, j, j == k + 1) && may_be_verb(ctx, j, j == k + 1)))
                return SIZE_MAX;
            named = named || (doc->tokens[j].flags & (TQC_TF_CAP | TQC_TF_ALLCAPS));
            continue;
        }
        if (doc->tokens[j].kind != TQC_TOK_PUNCT)
            return SIZE_MAX;
        if (tqc_ctx_quote_mark(ctx, j))
            return named && (tqc_ctx_mark(ctx, j, TQC_QUOTE_ROLES_QUOTES) & TQC_MARK_CLOSES)
                       ? j : SIZE_MAX;
        int32_t cp = first_cp(doc, &doc->tokens[j]);
        if (cp != '-' && cp != '&' && cp != '.' && cp != '\'')
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Checks sentence s; whether it emitted a verbless piece at warning (see run). probe:
 * emits nothing, and tells whether s is such a piece whatever the sentence before it. */
static bool check_sentence(const tqc_ctx *ctx, size_t s, size_t para_first_tok,
                           size_t para_end_tok, const uint8_t *garbled, bool probe)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_sentence *sent = &doc->sentences[s];
    if (sent->tok_count < 2)
        return false;
    size_t first = sent->tok_first, last = first + sent->tok_count - 1;
    /* A number phrase may open with digits before a lower-case word (`27 miles from
     * here.`); before anything else they are a list's number, an address, a score. */
    size_t second = word_after(doc, first, last);
    bool number_opens = doc->tokens[first].kind == TQC_TOK_NUMBER && second != NONE &&
                        (doc->tokens[second].flags & TQC_TF_LOWER);
    if (!is_full_stop(doc, &doc->tokens[last]) ||
        (doc->tokens[first].kind != TQC_TOK_WORD && !number_opens))
        return false;
    /* An abbreviation with its period, then a comma, opens no sentence: the segmenter cut
     * a name before it (`... of St. Augustine. Fla., and ...`). */
    if (tqc_ctx_abbreviation_at(ctx, first) &&
        cp_of(doc, tok_after(doc, tok_after(doc, first, last), last)) == ',')
        return false;
    size_t words = 0, unknown_verbs = 0;
    bool content = false, lower = false, number = false;
    /* Adverbs and a participle alone (`Roughly speaking.`, `Frankly put.`), or the
     * participle by itself (`Locked.`), comment on the sentence before, as a reply does. */
    bool gerund = false, comment = true;
    /* A relative or adverbial clause has its verb but no main clause: `Who lives in
     * Paris.`, `Because the road was closed.`; an adverbial one may open a sentence whose
     * main clause follows a comma, and a word that is also an adverb is one when a finite
     * verb follows it (`Da kam er.`). */
    size_t pronoun = relative_after_preposition(ctx, first, last);
    /* (with no finite reading at all, a relative word opens a verbless piece, judged as
     * one below: `Who else.` is a reply) */
    bool any_finite = false;
    for (size_t k = first + 1; k < last && !any_finite; k++)
        any_finite = doc->tokens[k].kind == TQC_TOK_WORD && finite_verb(ctx, k, first);
    /* (a free relative clause may be the subject, its main clause's verb right after it:
     * `Quienes llegaron tarde perdieron el tren.`) */
    bool free_relative = tok_in(ctx, "free-relatives", &doc->tokens[first]);
    bool relative = (tok_in(ctx, "relative-openers", &doc->tokens[first]) && any_finite &&
                     !second_verb(ctx, first, last, !free_relative)) ||
                    (verb_final_relative(ctx, first, last) &&
                     !second_verb(ctx, first, last, true)) ||
                    (pronoun != SIZE_MAX && !second_verb(ctx, pronoun, last, true));
    /* A pronoun or article opening the sentence before a relative word heads a free or
     * sentential relative clause (`Ce qui a surpris ses collègues.`, `Lo que sorprendió a
     * muchos.`, `Il che ha sorpreso ...`): one with the finite verb of one clause, no
     * main clause's after it (`Lo que más preocupa es el precio.`, `Ce qui compte,
     * c'est ...`), stands alone as the relative word's own would. */
    uint32_t opener = word_pos(ctx, first, true);
    if (!relative && second != NONE && tok_after(doc, second, last) != NONE &&
        tok_in(ctx, "relative-openers", &doc->tokens[second]) &&
        (opener & (TQC_POS_DET | TQC_POS_PRON)) &&
        !(opener & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_VERB | TQC_POS_PREP))) {
        /* finite verbs of clauses of their own: the first may be any finite reading
         * right after the relative word (`That which remains`); a later one counts
         * unless a relative word opens its clause or a conjunction comes at most
         * FRAG_LINKED_WORDS words before it (a clause inside, `came and then left`), or
         * it comes right after a verb (of its cluster, or its object: `a surpris nombre
         * de ...`), though an auxiliary after a verb that is none meets it at a clause's
         * end (`Lo que más preocupa es ...`) */
        size_t verbs = 0, linked = 0;
        bool after_verb = false, after_aux = false;
        for (size_t k = first + 2; k < last; k++) {
            if (doc->tokens[k].kind != TQC_TOK_WORD) {
                if (first_cp(doc, &doc->tokens[k]) == ',')
                    linked = 0;
                after_verb = after_aux = false;
                continue;
            }
            uint32_t pos = word_pos(ctx, k, false);
            if (tok_in(ctx, "relative-openers", &doc->tokens[k])) {
                linked = SIZE_MAX;   /* to its clause's verb */
                after_verb = after_aux = false;
                continue;
            }
            if ((pos & TQC_POS_CONJ) && !(pos & (TQC_POS_PREP | TQC_POS_PRON))) {
                linked = FRAG_LINKED_WORDS + 1;   /* a verb it joins comes soon */
                after_verb = after_aux = false;
                continue;
            }
            uint32_t host = elided_host_pos(ctx, k), own = host ? host : pos;
            bool finite = finite_verb(ctx, k, first + 1) || (k == first + 2 && (pos & FINITE));
            if (finite && !linked && (!after_verb || ((own & TQC_POS_AUX) && !after_aux)))
                verbs++;
            linked = finite || !linked ? 0 : linked - 1;
            after_verb = finite || ((pos & TQC_POS_VERB) &&
                                    !(pos & (TQC_POS_NOUN | TQC_POS_PRON | TQC_POS_DET)));
            after_aux = finite && (own & TQC_POS_AUX);
        }
        relative = verbs == 1;
    }
    if (!relative && tok_in(ctx, "subordinators", &doc->tokens[first]) &&
        !subordinator_as_preposition(ctx, first, last) &&
        !verb_second_after_preposition(ctx, first, last) &&
        !(second != NONE && finite_verb(ctx, second, first))) {
        /* With no finite reading at all it is a verbless piece, judged as one below
         * (`Until recently.`, a reply; `Until the end of the year.`). */
        relative = any_finite && !second_verb(ctx, first, last, false) &&
                   !clause_break(doc, first, last);
    }
    /* The same after a lead-in of adverbs and prepositions (`At least until the storm has
     * passed.`, `Al menos hasta que pase.`): the clause from its opener on, with its one
     * finite verb (a second may be the main clause's the context misread). */
    size_t led = relative ? NONE : led_subordinator(ctx, first, last);
    if (led != NONE && clause_verbs(ctx, led, first, last) == 1 &&
        !second_verb(ctx, led, last, false))
        relative = !clause_break(doc, led, last);
    /* A noun phrase whose only verb is a relative clause's, no main clause after it
     * (`Almost two thirds of those who voted.`, `Dos en la capital, donde ...`): no word
     * that is a verb in context before the relative word, which follows a comma or a
     * word that may head a noun phrase (not a complementizer after a verb: `Notare che
     * ...`; not a connective opening the sentence: `Por lo que ...`), and one finite verb
     * after it; a second is the main clause's (`The man who came left.`). */
    size_t rel_at = SIZE_MAX;
    bool rel_only = false;
    for (size_t k = first; !relative && k < last && rel_at == SIZE_MAX; k++) {
        if (doc->tokens[k].kind != TQC_TOK_WORD)
            continue;
        uint32_t pos = word_pos(ctx, k, k == first);
        if (k > first && tok_in(ctx, "relative-openers", &doc->tokens[k]))
            rel_at = k;
        else if (finite_verb(ctx, k, first) ||
                 ((pos & (TQC_POS_VINF | TQC_POS_VGER | TQC_POS_VPART)) &&
                  !(pos & (TQC_POS_NOUN | TQC_POS_ADJ))))
            break;   /* (a noun-or-verb form after its article is the noun: `Un
                      * proyecto que costó ...`) */
    }
    if (rel_at != SIZE_MAX) {
        size_t bk = tok_before(rel_at, first);
        const tqc_token *b = &doc->tokens[bk];
        uint32_t head = b->kind == TQC_TOK_WORD ? word_pos(ctx, bk, bk == first) : 0;
        /* ... or a preposition governed by such a head (`most of whom`, `muitos dos
         * quais`): the relative word is the preposition's object, the head the clause's. */
        uint32_t heads = TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_PRON | TQC_POS_DET | TQC_POS_NUM;
        size_t bb = word_before(doc, bk, first);
        if ((head & TQC_POS_PREP) && !(head & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_VERB)) &&
            bb != NONE)   /* (a quantifier the lexicon calls an adjective heads it too) */
            head = word_pos(ctx, bb, bb == first) & (heads | TQC_POS_ADJ) ? heads : 0;
        bool headed = b->kind == TQC_TOK_WORD ? (head & heads) != 0 : first_cp(doc, b) == ',';
        bool connective = (word_pos(ctx, first, true) & TQC_POS_PREP) && rel_at <= first + 2;
        rel_only = headed && !connective && clause_verbs(ctx, rel_at, first, last) == 1;
    }
    for (size_t k = first; k < last; k++) {
        const tqc_token *t = &doc->tokens[k];
        int32_t cp = first_cp(doc, t);
        switch (t->kind) {
        case TQC_TOK_WORD: {
            words++;
            lower = lower || (t->flags & TQC_TF_LOWER);
            if (rel_only && k > rel_at)
                break;  /* the relative clause's words: its verb makes no main clause */
            if (!relative && (finite_verb(ctx, k, first) || instruction_infinitive(ctx, k, first) ||
                              presentative(ctx, k)))
                return false;
            uint32_t pos = word_pos(ctx, k, k == first);
            /* A preposition opening it is no name (`Since March 2020.`, `Seit März 2020.`) */
            lower = lower || (k == first && (pos & TQC_POS_PREP) &&
                              !(pos & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_VERB)));
            if ((garbled && garbled[k]) ||
                (!pos && may_be_verb(ctx, k, k == first) &&
                 !inflected_adjective(ctx, k, first, last) && !noun_compound(ctx, k) &&
                 !nominal_slot(ctx, k, first) && !name_opening(ctx, k, first, last)))
                unknown_verbs++;
            /* An adverb, pronoun or interjection reading makes a reply (`Pas encore.`:
             * `pas` is also a noun). */
            content = content || !pos || ((pos & CONTENT) && !(pos & REPLY));
            gerund = gerund || (pos & (TQC_POS_VGER | TQC_POS_VPART));
            comment = comment && (pos & (TQC_POS_ADV | TQC_POS_VGER | TQC_POS_VPART)) &&
                      !(pos & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_PREP | TQC_POS_DET));
            break;
        }
        case TQC_TOK_NUMBER:
            content = number = true;
            comment = false;
            break;
        case TQC_TOK_PUNCT:
        case TQC_TOK_SYMBOL: {
            /* A short quoted name after a word is one word of the sentence (`According
             * to the "Financial Times".`; see quoted_term). */
            size_t close = quoted_term(ctx, k, first, last);
            if (close != SIZE_MAX) {
                words++;
                content = true;
                comment = false;
                k = close;
                break;
            }
            /* Speech; a credit (`AFP/Getty`, `© Reuters`); a list or citation after a
             * colon (`For example: 1.`). A clause with its verb may quote a term
             * (`Que permite quatro partições «primárias».`). */
            if ((tqc_ctx_quote_mark(ctx, k) && !relative) || cp == '/' || cp == '|' ||
                cp == 0xA9 || cp == ':' || cp == ';')
                return false;
            break;
        }
        default:
            return false;   /* URLs, handles, hashtags: credits and links, not prose */
        }
    }
    size_t end_k = tok_before(last, first);
    const tqc_token *end = &doc->tokens[end_k];
    /* Names and numbers alone are a reference or a credit (`Luke 23:34.`). */
    if (words == 0 ||
        (!relative && (words > FRAG_MAX_WORDS || !content || (number && !lower) ||
                       (comment && gerund))) ||
        set_phrase(ctx, first, last) || tok_in(ctx, "credits", &doc->tokens[first]))
        return false;
    /* A capitalised abbreviation (`Cf.`, `Dr.`) may have been cut from what follows it,
     * unless the paragraph ends there (`A farmer of Hartselle, Ala.`); a lower-case one
     * the segmenter let end the sentence closes a list (`etc.`, `usw.`). */
    bool para_ends = last + 1 >= para_end_tok;
    if (end->kind == TQC_TOK_WORD &&
        ((abbreviation(ctx, end) && !(end->flags & TQC_TF_LOWER) && !para_ends) ||
         (tqc_span_len(end->span) < FRAG_MIN_LAST_BYTES && !word_pos(ctx, end_k, false))))
        return false;
    if ((!probe && !complete_sentence(ctx, s - 1, relative, words >= FRAG_MIN_PREV_WORDS)) ||
        inside_quotation(ctx, para_first_tok, first, para_end_tok))
        return false;
    if (probe)
        return !relative && !unknown_verbs;
    int len = (int)tqc_span_len(sent->span);
    const char *text = tqc_doc_at(doc, sent->span);
    /* (after a lead-in the clause is adverbial, as a subordinator's: its main clause may
     * follow with no comma) */
    bool led_clause = relative && led != NONE;
    if (relative &&
        main_clause_may_follow(ctx, led_clause ? led : first, last,
                               !led_clause && !tok_in(ctx, "subordinators", &doc->tokens[first])))
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, sent->span,
                 "'%.*s' may be a subordinate clause standing as a sentence, with no main "
                 "clause; probably the end of the sentence before it (a word after it may be "
                 "the main clause's verb)", len, text);
    else if (relative)
        TQC_EMIT(ctx, sent->span, "'%.*s' is a subordinate clause standing as a sentence, "
                 "with no main clause; probably the end of the sentence before it", len, text);
    else if (rel_only && !unknown_verbs)
        return TQC_EMIT(ctx, sent->span, "'%.*s' has no main verb, only its relative "
                        "clause's; probably the end of the sentence before it", len, text);
    else if (unknown_verbs)
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, sent->span,
                 "'%.*s' may have no verb; probably the end of the sentence before it (the "
                 "lexicon does not know every word, one may be the verb)", len, text);
    else if (emphatic(ctx, s, first, last))
        tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, sent->span,
                 "'%.*s' has no verb; the end of the sentence before it, or written short for "
                 "emphasis", len, text);
    else
        return TQC_EMIT(ctx, sent->span, "'%.*s' has no verb; probably the end of the "
                        "sentence before it", len, text);
    return false;
}

/* Dashes of a paragraph's lead: a dash written against the word after it (`--Rep.
 * Smith said ...`, a news column's item) leads prose, where a list's bullet stands apart
 * from its item (`- bread`), unless the language opens dialogue lines so (profile
 * `dialogue-dash = yes`: `—Sí. Mañana.`, speech). Returns the token after them, else k. */
#define FRAG_MAX_DASHES 2
static size_t dash_lead(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (tqc_lang_yes(ctx->lang, "dialogue-dash"))
        return k;
    size_t j = k;
    while (j < doc->token_count && j - k < FRAG_MAX_DASHES &&
           doc->tokens[j].kind == TQC_TOK_PUNCT && tqc_span_len(doc->tokens[j].span) <= 3) {
        int32_t cp = first_cp(doc, &doc->tokens[j]);
        if (cp != '-' && cp != 0x2013 && cp != 0x2014)
            break;
        j++;
    }
    if (j == k || j >= doc->token_count || doc->tokens[j].kind != TQC_TOK_WORD ||
        (doc->tokens[j].flags & TQC_TF_SPACE_BEFORE))
        return k;
    return j;
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    if (!tqc_lang_lexicon(ctx->lang))
        return;   /* without parts of speech there is no telling a verb */
    uint8_t *garbled = garbled_tokens(ctx);
    for (size_t p = 0; p < doc->paragraph_count; p++) {
        const tqc_paragraph *para = &doc->paragraphs[p];
        if (para->sent_count < 2)
            continue;
        size_t para_first_tok = doc->sentences[para->sent_first].tok_first;
        const tqc_sentence *para_last = &doc->sentences[para->sent_first + para->sent_count - 1];
        size_t para_end_tok = para_last->tok_first + para_last->tok_count;
        /* A list item opens with a bullet, dash or number, not a word; prose may open
         * with a quotation (`"We will appeal," said ...`). */
        size_t w = para_first_tok;
        if (w + 1 < doc->token_count &&
            (tqc_ctx_mark(ctx, w, TQC_QUOTE_ROLES_QUOTES) & TQC_MARK_OPENS))
            w++;
        else
            w = dash_lead(ctx, w);
        if (w >= doc->token_count || doc->tokens[w].kind != TQC_TOK_WORD)
            continue;
        /* A wrong stop leaves one verbless piece between two clauses; verbless pieces
         * in a row are the writer's manner (narration, notes: `A grey morning. Twenty
         * minutes of silence.`), which grammar cannot tell from a cut, so the first is a
         * hint only (the next follows no complete sentence). Pieces apart in one
         * paragraph stay warnings: a cut there looks the same as the writer's. */
        size_t end = para->sent_first + para->sent_count;
        for (size_t s = para->sent_first + 1; s < end; s++) {
            size_t at = ctx->out->count;
            if (check_sentence(ctx, s, para_first_tok, para_end_tok, garbled, false) &&
                at < ctx->out->count && s + 1 < end &&
                check_sentence(ctx, s + 1, para_first_tok, para_end_tok, garbled, true))
                ctx->out->items[at].severity = TQC_SEV_INFO;
        }
    }
    free(garbled);
}

const tqc_pass tqc_pass_fragment = {
    .id = "fragment",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_WARNING) | TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "a verbless piece split off the sentence before it",
    .good = "The minister was asked whether the talks had failed. He declined. "
            "Asked again on Friday, she said only this. Not yet.",
    .bad = "The engineers were linked to the national space program. North Korean.",
    .details = "A verbless piece split off the sentence before it (`space program. North "
               "Korean.`), as when a translation engine or a scraper breaks a sentence at the "
               "wrong full stop.",
    .run = run,
    .needs_dict = true,
};
