/* capitalization: capital letters where English has none and none where it has one.
 *  (a) a common word capitalised mid-sentence (`asked ships to Be careful`). Names are
 *      capitalised mid-sentence all the time, so a word is reported only with evidence
 *      that it is not one: it stands alone between lower-case words (a name or title
 *      runs with its neighbours: `Joint Chiefs of Staff`), the dictionary knows it in lower
 *      case, the text around it does not capitalise it again after a lower-case word, and
 *      it is a closed-class word (`function-words`), or it follows an auxiliary (`auxiliaries`:
 *      must, was), or it follows `verb-markers` (to) and precedes a `determiners` word, as
 *      a verb with its object does, or it is a finite verb after a word of
 *      `preverbal-pronouns` (`he Tells of`, quoted speech too). Where nouns are
 *      capitalised, a finite verb in the second place of its clause before a word of
 *      `subject-openers` is one too (`Seit Montag Gelten die Regeln`). Words the profile
 *      lists in `title-words` (President, Congress, March), quoted text and title-case
 *      paragraphs are left alone; an item of a
 *      list whose neighbouring item is a capitalised common word too (`Fast, Cheap,
 *      or Good`, `Sights and Sounds:`) is a hint only, and so, where the profile has
 *      `institution-adjectives = yes`, is an adjective made of a noun of `title-words` or
 *      one the text capitalises nearby (`Presidential` beside `President`). In a
 *      language that capitalises its nouns (`capitalised-nouns = yes`: German) only
 *      function words are questioned.
 *  (b) a lower-case word after a full stop (`undermines peace. and the stability`): a
 *      sentence broken in two (a number and a stop are an ordinal where the profile
 *      says `ordinal-period = yes`: German `am 3. ordentlichen Parteitag`). Only a stop
 *      after a dictionary word counts: words with inner periods (`e.g. the`, `p.m. on`),
 *      single letters, units after a number, short capitalised words (`Gen.`, `Corp.`)
 *      and the entries of `abbreviations` and `abbreviations-lower` (`etc. and`) are
 *      abbreviations.
 *  (c) a multi-word proper name in lower case: a `name-prefixes` word before a word the
 *      dictionary knows only capitalised (`north korean`), or a name of `proper-names`
 *      (`united nations`). The whole phrase is reported with its capitalised form. One
 *      word weighed as a name (the lexicon's proper noun or the dictionary's capital-only
 *      form against a common reading of the same spelling) is reported glued to an
 *      elided article (`sull'etna`) or right after a word capitalised inside its
 *      sentence (`São paulo`), a common word there only where the article writes the
 *      pair capitalised elsewhere.
 *  (d) a word the language writes in lower case though English capitalises it
 *      (`lower-case-words`: the months and days of Spanish or Portuguese) capitalised
 *      mid-sentence right after a function word or a number (`el 5 de Marzo`), unless
 *      a capitalised word stands just before those (`Plaza de Mayo`, `Avenida 9 de
 *      Julio`): then it is part of a name. */
#include "pass/pass.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"
#include "lang/langid.h"

/* Words longer than this are not words; buffers for one word hold this much. */
#define CAP_MAX_WORD 128
/* A paragraph whose longer words are mostly capitalised is a title: `Leaders Meet In
 * Moscow`. Counted over words of at least this many bytes (short function words are
 * lower case even in many title styles). */
#define CAP_TITLE_MIN_BYTES 4
#define CAP_TITLE_PERCENT 60
/* ... and fewer than this many of them are in lower case (`with`, `from`). */
#define CAP_TITLE_MAX_LOWER 3
/* How far around a word to look for the same word capitalised again: about one news
 * article either way, so that in a file of many articles other stories do not count. */
#define CAP_NEARBY_BYTES 8000
/* An auxiliary is common from one in this many words of the frequency corpus; rarer
 * forms (English `wert`) are names as often. */
#define CAP_COMMON_PER 100000
/* A lower-case word the dictionary lacks this long is a word, not an abbreviation. */
#define CAP_UNKNOWN_END_BYTES 6
/* A word without a vowel this short or shorter is an abbreviation (`bbl`, `mph`). */
#define CAP_ABBREV_BYTES 4

/* Longest name in `proper-names`, in words. */
#define CAP_MAX_NAME_WORDS 8

typedef struct proper_name {
    const char *text;   /* as written in the profile (borrowed) */
    size_t len;
    size_t words;
} proper_name;

/* Word lists of the profile a token is tested against, found once by name in init. */
typedef enum cap_list {
    CAP_ARTICLES,
    CAP_AUXILIARIES,
    CAP_DEFINITE_ARTICLES,
    CAP_DETERMINERS,
    CAP_FUNCTION_WORDS,
    CAP_NOMINALISERS,
    CAP_PLURAL_ARTICLES,
    CAP_PREPOSITIONS,
    CAP_PREVERBAL_PRONOUNS,
    CAP_SUBJECT_OPENERS,
    CAP_SUBORDINATORS,
    CAP_VERB_MARKERS,
    CAP_TITLE_WORDS,
    CAP_NAME_HEADS,
    CAP_LIST_COUNT
} cap_list;

static const char *const cap_list_names[CAP_LIST_COUNT] = {
    [CAP_ARTICLES] = "articles",
    [CAP_AUXILIARIES] = "auxiliaries",
    [CAP_DEFINITE_ARTICLES] = "definite-articles",
    [CAP_DETERMINERS] = "determiners",
    [CAP_FUNCTION_WORDS] = "function-words",
    [CAP_NOMINALISERS] = "nominalisers",
    [CAP_PLURAL_ARTICLES] = "plural-articles",
    [CAP_PREPOSITIONS] = "prepositions",
    [CAP_PREVERBAL_PRONOUNS] = "preverbal-pronouns",
    [CAP_SUBJECT_OPENERS] = "subject-openers",
    [CAP_SUBORDINATORS] = "subordinators",
    [CAP_VERB_MARKERS] = "verb-markers",
    [CAP_TITLE_WORDS] = "title-words",
    [CAP_NAME_HEADS] = "name-heads",
};

typedef struct cap_state {
    proper_name *names;
    size_t name_count;
    /* The lists asked of nearly every word, found once. */
    const tqc_strmap *name_prefixes, *lower_case_words, *nationalities;
    const tqc_strmap *lists[CAP_LIST_COUNT];
    bool capitalised_nouns;
} cap_state;

enum { CAP_QUOTE_OPENS = 1, CAP_QUOTE_CLOSES = 2 };

static bool is_word(const tqc_token *t) { return t->kind == TQC_TOK_WORD; }

static const char *tok_text(const tqc_doc *doc, const tqc_token *t)
{
    return tqc_doc_at(doc, t->span);
}

/* The token in lower case into buf (CAP_MAX_WORD bytes); 0 when it does not fit. */
static size_t lower_tok(const tqc_doc *doc, const tqc_token *t, char *buf)
{
    return tqc_text_case(tok_text(doc, t), tqc_span_len(t->span), TQC_CASE_LOWER, buf,
                         CAP_MAX_WORD);
}

static bool tok_in_list(const tqc_ctx *ctx, const tqc_strmap *list, const tqc_token *t)
{
    if (t >= ctx->doc->tokens && t < ctx->doc->tokens + ctx->doc->token_count)
        return tqc_ctx_in_list(ctx, (size_t)(t - ctx->doc->tokens), list, CAP_MAX_WORD);
    /* A word all in lower case is its own lower-case form. */
    if (list && (t->flags & TQC_TF_LOWER))
        return tqc_strmap_get(list, tok_text(ctx->doc, t), tqc_span_len(t->span), NULL);
    char buf[CAP_MAX_WORD];
    size_t n = list ? lower_tok(ctx->doc, t, buf) : 0;
    return n && tqc_strmap_get(list, buf, n, NULL);
}

static bool tok_in(const tqc_ctx *ctx, cap_list list, const tqc_token *t)
{
    return tok_in_list(ctx, ((const cap_state *)ctx->state)->lists[list], t);
}

/* Word (len bytes) is an entry of list. */
static bool word_in(const tqc_ctx *ctx, cap_list list, const char *word, size_t len)
{
    return tqc_strmap_get(((const cap_state *)ctx->state)->lists[list], word, len, NULL);
}

static bool punct_is(const tqc_doc *doc, const tqc_token *t, const char *s)
{
    return t->kind == TQC_TOK_PUNCT && tqc_span_len(t->span) == strlen(s) &&
           memcmp(tok_text(doc, t), s, strlen(s)) == 0;
}

/* First token of paragraph p and one past its last. */
static void para_tokens(const tqc_doc *doc, size_t p, size_t *first, size_t *end)
{
    const tqc_paragraph *para = &doc->paragraphs[p];
    *first = *end = 0;
    if (para->sent_count == 0)
        return;
    const tqc_sentence *a = &doc->sentences[para->sent_first];
    const tqc_sentence *b = &doc->sentences[para->sent_first + para->sent_count - 1];
    *first = a->tok_first;
    *end = b->tok_first + b->tok_count;
}

static bool title_case_paragraph(const tqc_doc *doc, size_t p)
{
    size_t first, end, long_words = 0, capitalised = 0, lower = 0;
    para_tokens(doc, p, &first, &end);
    for (size_t k = first; k < end; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (!is_word(t) || tqc_span_len(t->span) < CAP_TITLE_MIN_BYTES)
            continue;
        long_words++;
        capitalised += (t->flags & TQC_TF_CAP) != 0;
        lower += (t->flags & TQC_TF_LOWER) != 0;
    }
    /* A sentence full of names (`daughter of Mr. and Mrs. Charles Ervin Glison of
     * Pampa, has attended Texas Woman's University`) writes its own words in lower
     * case; a title leaves only a few short ones so. */
    return long_words > 0 && capitalised * 100 >= long_words * CAP_TITLE_PERCENT &&
           lower < CAP_TITLE_MAX_LOWER;
}

/* The last paragraph's title-case verdict: run asks it for many words of one paragraph,
 * and counting the paragraph each time was quadratic in its length. */
typedef struct title_memo {
    size_t para;
    bool known, title;
} title_memo;

static bool title_case_para_memo(const tqc_doc *doc, title_memo *m, size_t p)
{
    if (!m->known || m->para != p) {
        m->title = title_case_paragraph(doc, p);
        m->para = p;
        m->known = true;
    }
    return m->title;
}

/* Whether token j repeats the word of token t capitalised after a lower-case word. */
static bool same_word_after_lower(const tqc_doc *doc, size_t j, const tqc_token *t)
{
    const tqc_token *u = &doc->tokens[j], *before = &doc->tokens[j - 1];
    size_t len = tqc_span_len(t->span);
    return tqc_span_len(u->span) == len && memcmp(tok_text(doc, u), tok_text(doc, t), len) == 0 &&
           is_word(before) && (before->flags & TQC_TF_LOWER) && before->sentence == u->sentence;
}

/* Whether token j repeats the word of token t inside a capitalised name: next to another
 * capitalised word of its sentence (`Fountain Square`). */
static bool same_word_in_name(const tqc_doc *doc, size_t j, const tqc_token *t)
{
    const tqc_token *u = &doc->tokens[j];
    size_t len = tqc_span_len(t->span);
    /* A sentence's first word is capitalised anyway (`Como Debian no gasta`). */
    if (tqc_span_len(u->span) != len || memcmp(tok_text(doc, u), tok_text(doc, t), len) != 0 ||
        (u->flags & (TQC_TF_SENT_START | TQC_TF_PARA_START)))
        return false;
    const tqc_token *near[2] = {j > 0 ? &doc->tokens[j - 1] : NULL,
                                j + 1 < doc->token_count ? &doc->tokens[j + 1] : NULL};
    for (int i = 0; i < 2; i++) {
        const tqc_token *v = near[i];
        if (v && is_word(v) && v->sentence == u->sentence && (v->flags & TQC_TF_CAP) &&
            !(v->flags & TQC_TF_ALLCAPS) && !(i == 0 && (v->flags & TQC_TF_SENT_START)))
            return true;
    }
    return false;
}

/* true when the text around token k uses its word as a name: capitalised again after a
 * lower-case word, or inside a multiword capitalised name. A name the author uses
 * consistently, not a slip. */
static bool capitalised_nearby(const tqc_doc *doc, size_t k, bool names_only)
{
    const tqc_token *t = &doc->tokens[k];
    size_t lo = t->span.start > CAP_NEARBY_BYTES ? t->span.start - CAP_NEARBY_BYTES : 0;
    size_t hi = t->span.end + CAP_NEARBY_BYTES;
    for (size_t j = k; j > 1 && doc->tokens[j - 1].span.start >= lo; j--)
        if ((!names_only && same_word_after_lower(doc, j - 1, t)) || same_word_in_name(doc, j - 1, t))
            return true;
    for (size_t j = k + 1; j < doc->token_count && doc->tokens[j].span.start <= hi; j++)
        if ((!names_only && same_word_after_lower(doc, j, t)) || same_word_in_name(doc, j, t))
            return true;
    return false;
}

/* The roles of token t as a quotation mark of the profile (CAP_QUOTE_ bits), 0 when it
 * is none. Marks that are also apostrophes (’ ') are left out everywhere, since they
 * close words (`players’`) more often than quotes. */
static uint64_t quote_role(const tqc_ctx *ctx, const tqc_token *t)
{
    unsigned m = tqc_ctx_mark(ctx, (size_t)(t - ctx->doc->tokens), TQC_QUOTE_ROLES_QUOTES);
    if (m & TQC_MARK_APOSTROPHE)
        return 0;
    return ((m & TQC_MARK_OPENS) ? CAP_QUOTE_OPENS : 0) | ((m & TQC_MARK_CLOSES) ? CAP_QUOTE_CLOSES : 0);
}

/* Quotation depth after token t, given the depth before it: a mark that both opens and
 * closes (straight `"`, or English “ that closes German „…“) closes inside a quotation
 * and opens outside one. */
static int quote_depth_after(const tqc_ctx *ctx, const tqc_token *t, int depth)
{
    uint64_t role = quote_role(ctx, t);
    if ((role & CAP_QUOTE_CLOSES) && depth > 0)
        return depth - 1;
    return role & CAP_QUOTE_OPENS ? depth + 1 : depth;
}

/* Whether the language capitalises every noun (profile `capitalised-nouns = yes`). */
static bool capitalised_nouns(const tqc_ctx *ctx)
{
    return ((const cap_state *)ctx->state)->capitalised_nouns;
}

/* What the lexicon and the dictionary say of a lower-case word (n bytes) as a name: its
 * capitalised form, whether that form is a name (the lexicon's proper noun, or the
 * dictionary knows the word only so) and whether the word is a common word as written
 * too (`rosa`, `rico`). A lower-case form the lexicon holds with no reading its
 * capitalised form lacks is that name lower-cased by the lexicon's source, no common
 * word. Where every noun is capitalised, a noun's capitalised form is no name. */
typedef struct name_reading {
    char fixed[CAP_MAX_WORD];
    size_t len;
    bool name, common;
    bool only_capitalised;  /* the dictionary knows the word only capitalised */
} name_reading;

static bool read_as_name(const tqc_ctx *ctx, const char *w, size_t n, name_reading *r)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    *r = (name_reading){0};
    size_t fl = tqc_text_case(w, n, TQC_CASE_TITLE, r->fixed, sizeof r->fixed);
    if (!fl || fl >= sizeof r->fixed || (fl == n && memcmp(w, r->fixed, n) == 0))
        return false;
    r->fixed[fl] = '\0';
    r->len = fl;
    uint32_t low = lex ? tqc_lex_pos(lex, w, n) : 0, cap = lex ? tqc_lex_pos(lex, r->fixed, fl) : 0;
    uint32_t cap_readings = cap | (cap & TQC_POS_PROPN ? TQC_POS_NOUN : 0);
    char variant[CAP_MAX_WORD];
    bool known = tqc_dict_known(ctx->dict, w, n);
    bool only_capitalised = !known && tqc_dict_case_variant(ctx->dict, w, n, variant, sizeof variant) &&
                            strcmp(variant, r->fixed) == 0;
    /* The lexicon's proper noun with no lower-case reading outweighs the dictionary's
     * lower-case form (Hunspell's affixes accept `paulo`). */
    r->common = (low & ~cap_readings) || (known && !(cap & TQC_POS_PROPN && !low));
    r->only_capitalised = only_capitalised;
    if (capitalised_nouns(ctx))
        r->name = (cap & TQC_POS_PROPN) && !(cap & TQC_POS_NOUN);
    else
        r->name = (cap & TQC_POS_PROPN) || only_capitalised;
    return r->name;
}

/* Whether the word after k is a name in lower case and no common word (`São paulo`):
 * word k begins that name, whatever it is alone; the name's lost capital is the slip. */
static bool name_goes_on_lower(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (k + 1 >= doc->token_count)
        return false;
    const tqc_token *t = &doc->tokens[k], *next = &doc->tokens[k + 1];
    name_reading r;
    return is_word(next) && (next->flags & TQC_TF_LOWER) && (next->flags & TQC_TF_SPACE_BEFORE) &&
           !(next->flags & (TQC_TF_APOS | TQC_TF_HYPHEN | TQC_TF_DIGIT)) &&
           next->sentence == t->sentence && tqc_span_len(next->span) >= 3 &&
           read_as_name(ctx, tok_text(doc, next), tqc_span_len(next->span), &r) && !r.common;
}

/* The part of speech named in a message: the first of the lexicon's that explains a
 * lower-case word. */
static const char *pos_name(uint32_t pos)
{
    if (pos & (TQC_POS_VFIN | TQC_POS_AUX))
        return "a verb";
    if (pos & (TQC_POS_VINF | TQC_POS_VPART | TQC_POS_VGER))
        return "a verb form";
    if (pos & TQC_POS_ADV)
        return "an adverb";
    if (pos & TQC_POS_ADJ)
        return "an adjective";
    if (pos & TQC_POS_NOUN)
        return "a common noun";
    return "a function word";
}

/* Whether token k ends with one of the profile's `noun-adjective-endings` (German `-es`
 * in `Ganzes`): the endings an adjective made a noun carries. */
static bool noun_ending(const tqc_ctx *ctx, size_t k)
{
    return tqc_ctx_ends_with_setting(ctx, k, "noun-adjective-endings");
}

/* Whether token k is a word of the lexicon's parts of speech stem inflected: less one of
 * the profile's `noun-adjective-endings` its lower-case form is such a word of the
 * lexicon (`Bestimmten`: `bestimmt`); a noun that only looks like one is not (`Weise`). */
static bool inflected_stem(const tqc_ctx *ctx, size_t k, uint32_t stem)
{
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    char lower[CAP_MAX_WORD];
    size_t n = lex ? lower_tok(ctx->doc, &ctx->doc->tokens[k], lower) : 0;
    const char *list = tqc_lang_setting(ctx->lang, "noun-adjective-endings", "");
    while (n && *list) {
        size_t el = strcspn(list, " ");
        if (el && el < n && memcmp(lower + n - el, list, el) == 0 &&
            (tqc_lex_pos(lex, lower, n - el) & stem))
            return true;
        list += el;
        list += strspn(list, " ");
    }
    return false;
}

static bool inflected_adjective(const tqc_ctx *ctx, size_t k)
{
    return inflected_stem(ctx, k, TQC_POS_ADJ);
}

/* Whether token k carries an ending a noun made of an adjective or a participle takes
 * (`als Ganzes`, `als Angestellter`): the ending is one of `noun-adjective-endings` and
 * what it leaves inflects so. A word that only ends alike is no such noun: an adverb
 * (`die Immer den`) or an adjective that takes no ending (`nicht Vorhanden ist`). */
static bool nominal_ending(const tqc_ctx *ctx, size_t k)
{
    return noun_ending(ctx, k) && inflected_stem(ctx, k, TQC_POS_ADJ | TQC_POS_VPART);
}

/* Whether token j is a conjunction before a capitalised word of its sentence: a
 * word before it coordinated with that one is a noun like it (`wie Arabisch und
 * Spanisch`, languages' names). */
static bool coordinated_capital(const tqc_ctx *ctx, size_t j)
{
    const tqc_doc *doc = ctx->doc;
    if (j + 1 >= doc->token_count || !(tqc_ctx_pos_lower(ctx, j) & TQC_POS_CONJ))
        return false;
    const tqc_token *u = &doc->tokens[j + 1];
    return is_word(u) && (u->flags & TQC_TF_CAP) && u->sentence == doc->tokens[j].sentence;
}

/* Token flags of a word that is no common word capitalised: capitals throughout or
 * inside, digits, inner periods, a possessive (`Molly's`: common words rarely take 's),
 * a sentence's or a paragraph's first word. */
#define CAP_NOT_COMMON (TQC_TF_ALLCAPS | TQC_TF_INNER_CAP | TQC_TF_DIGIT | TQC_TF_PERIOD | \
                        TQC_TF_APOS | TQC_TF_SENT_START | TQC_TF_PARA_START)

/* No finding: above every severity. */
#define CAP_QUIET ((tqc_severity)(TQC_SEV_ERROR + 1))

/* Lower-case adjectives looked through between an adjective and its noun. */
#define CAP_ATTRIBUTIVE_CHAIN 2

/* Whether capitalised token k stands before a common noun of its sentence (the
 * lexicon's), as an attributive adjective does, and not in a name: see below. Inflected
 * adjectives in lower case may stand between them (`von Verschiedenen beteiligten
 * Personen`): the noun is still the word's. */
static bool attributive_before_noun(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    size_t h = k + 1;
    while (h < doc->token_count - 1 && h - k <= CAP_ATTRIBUTIVE_CHAIN &&
           is_word(&doc->tokens[h]) && (doc->tokens[h].flags & TQC_TF_LOWER) &&
           (doc->tokens[h].flags & TQC_TF_SPACE_BEFORE) &&
           doc->tokens[h].sentence == doc->tokens[k].sentence &&
           !(tqc_ctx_pos_lower(ctx, h) & (TQC_POS_NOUN | TQC_POS_PROPN)) &&
           inflected_stem(ctx, h, TQC_POS_ADJ | TQC_POS_VPART))
        h++;
    const tqc_token *t = &doc->tokens[k], *next = &doc->tokens[h], *prev = &doc->tokens[k - 1];
    /* After an article the word may be the noun and the adjectives the next noun's (`ins
     * Deutsche übersetzte Anleitung`). */
    if (h > k + 1 && (tok_in(ctx, CAP_ARTICLES, prev) || tok_in(ctx, CAP_DETERMINERS, prev) ||
                      tok_in(ctx, CAP_DEFINITE_ARTICLES, prev)))
        return false;
    if (!is_word(next) || next->sentence != t->sentence || !(next->flags & TQC_TF_CAP) ||
        !(next->flags & TQC_TF_SPACE_BEFORE) || (next->flags & TQC_TF_ALLCAPS))
        return false;
    /* A noun by the lexicon, or a word it lacks that the dictionary knows only
     * capitalised (a compound: `Konfigurationsschnittstelle`). */
    uint32_t pos = tqc_ctx_pos(ctx, h);
    char lower[CAP_MAX_WORD];
    size_t ln;
    if (!pos && tqc_ctx_pos_lower(ctx, h) == 0 && tqc_ctx_token_known(ctx, h) &&
        (ln = lower_tok(doc, next, lower)) > 0 && !tqc_ctx_token_known_lower(ctx, h))
        pos = TQC_POS_NOUN;
    if (!(pos & TQC_POS_NOUN) || (pos & TQC_POS_PROPN))
        return false;
    if (h + 1 < doc->token_count && is_word(&doc->tokens[h + 1]) &&
        doc->tokens[h + 1].sentence == t->sentence && (doc->tokens[h + 1].flags & TQC_TF_CAP))
        return false;
    char pair[2 * CAP_MAX_WORD + 1];
    int n = snprintf(pair, sizeof pair, "%.*s %.*s", (int)tqc_span_len(t->span),
                     tok_text(doc, t), (int)tqc_span_len(next->span), tok_text(doc, next));
    return n > 0 && (size_t)n < sizeof pair && !tqc_lang_in(ctx->lang, "proper-names", pair, (size_t)n) &&
           !tqc_lang_in(ctx->lang, "fixed-terms", pair, (size_t)n);
}

/* (a) by the lexicon: the severity of capitalised token k, a common word in lower case,
 * or CAP_QUIET. The lexicon writes names, proper adjectives and, where the language
 * capitalises them, months as they are written: a capitalised form it holds is no
 * slip. A verb or an adverb is a slip (warning); a noun or an adjective is
 * capitalised for emphasis or as part of a title (`the Committee`) often enough to say
 * less (info). Where every noun is capitalised, only a finite verb, an auxiliary or an
 * adverb counts, and not after an article or a preposition, where adjectives and verbs
 * are nouns (`das Neue`, `beim Laufen`). Unknown words are not judged. */
static tqc_severity lexicon_severity(const tqc_ctx *ctx, size_t k)
{
    uint32_t lower = tqc_ctx_pos_lower(ctx, k), cap = tqc_ctx_pos(ctx, k);
    const uint32_t content = TQC_POS_VERB | TQC_POS_ADJ | TQC_POS_ADV | TQC_POS_NOUN;
    const tqc_token *prev = &ctx->doc->tokens[k - 1], *next = &ctx->doc->tokens[k + 1];
    const tqc_token *after_next = k + 2 < ctx->doc->token_count ? &ctx->doc->tokens[k + 2] : NULL;
    bool before_conj = is_word(next) && (next->flags & TQC_TF_LOWER) &&
                       (tqc_ctx_pos_lower(ctx, k + 1) & TQC_POS_CONJ) &&
                       !(tqc_ctx_pos_lower(ctx, k + 1) & ~(TQC_POS_CONJ | TQC_POS_ADV)) &&
                       after_next && is_word(after_next) && (after_next->flags & TQC_TF_LOWER);
    /* Where every noun is capitalised, an infinitive is a noun too (`das Erreichen`);
     * after its particle and ending a clause it is the verb (`das Ziel zu Erreichen,`),
     * whereas the noun takes an article (`zum Erreichen`); so it is before a conjunction
     * the clause goes on from in lower case (`weiter zu Gehen und sich`; `zu Essen und
     * Trinken` may be two nouns). */
    if (capitalised_nouns(ctx) && !(cap & ~TQC_POS_NOUN) && (lower & TQC_POS_VINF) &&
        !(lower & (TQC_POS_NOUN | TQC_POS_ADJ | TQC_POS_PROPN)) &&
        tok_in(ctx, CAP_VERB_MARKERS, prev) && (!is_word(next) || before_conj))
        return TQC_SEV_WARNING;
    /* A verb form coordinated with the same form in lower case is a verb like it
     * (`filtern oder Umleiten kann`), not the noun made of it. */
    if (capitalised_nouns(ctx) && !(cap & ~TQC_POS_NOUN) && (lower & TQC_POS_VERB) &&
        !(lower & (TQC_POS_NOUN | TQC_POS_ADJ | TQC_POS_PROPN)) && k >= 2 &&
        (tqc_ctx_pos_lower(ctx, k - 1) & TQC_POS_CONJ) && (prev->flags & TQC_TF_LOWER) &&
        is_word(&ctx->doc->tokens[k - 2]) && (ctx->doc->tokens[k - 2].flags & TQC_TF_LOWER) &&
        ctx->doc->tokens[k - 2].sentence == ctx->doc->tokens[k].sentence &&
        (tqc_ctx_pos_lower(ctx, k - 2) & lower & (TQC_POS_VINF | TQC_POS_VFIN)) &&
        !(tqc_ctx_pos_lower(ctx, k - 2) & (TQC_POS_NOUN | TQC_POS_ADJ)))
        return TQC_SEV_WARNING;
    /* An adjective before its noun is written in lower case (`einen Lokalen Server`).
     * One that names a thing with its noun is a name of `proper-names` (`Roten Kreuz`),
     * one the article writes so again (capitalised_nearby), or one of three capitalised
     * words (`Neue Zürcher Zeitung`, `Personal Information Manager`). */
    bool after_det = tok_in(ctx, CAP_ARTICLES, prev) || tok_in(ctx, CAP_DETERMINERS, prev);
    /* A finite reading (`wir bestimmten`) is none after an article, a determiner or a
     * preposition (`für Bestimmte Aufgaben`). */
    bool no_finite = after_det || tok_in(ctx, CAP_PREPOSITIONS, prev);
    if (capitalised_nouns(ctx) && (lower & TQC_POS_ADJ) && !(cap & ~TQC_POS_NOUN) &&
        !(lower & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_AUX)) &&
        (!(lower & TQC_POS_VFIN) || no_finite) && attributive_before_noun(ctx, k))
        /* A name takes the definite article (`die Vereinten Nationen`); after an
         * indefinite article or another determiner (`einen Bestimmten Rechner`) an
         * inflected adjective describes (a noun may stand there: `diese Weise`), unless the pair is a fixed term of `proper-names`
         * (`ein Schwarzes Loch`), which attributive_before_noun has left out. */
        return !tok_in(ctx, CAP_DEFINITE_ARTICLES, prev) && (!after_det || inflected_adjective(ctx, k))
            ? TQC_SEV_WARNING : TQC_SEV_INFO;
    /* A verb's noun (`das Können`, `das Bewegen`) is no subject's verb: after a
     * pronoun alone (`sie Bewegen sich`), or an auxiliary after the verb it closes
     * (`übertragen Können,`), the form is the verb. */
    if (capitalised_nouns(ctx) && cap == TQC_POS_NOUN && !(lower & (TQC_POS_NOUN | TQC_POS_PROPN))) {
        uint32_t before = tqc_ctx_pos_lower(ctx, k - 1);
        bool next_cap = is_word(next) && (next->flags & TQC_TF_CAP);
        if (((lower & TQC_POS_VFIN) && (before & TQC_POS_PRON) && !next_cap &&
             !(before & (TQC_POS_DET | TQC_POS_PREP | TQC_POS_ADJ | TQC_POS_NOUN)) &&
             !tok_in(ctx, CAP_ARTICLES, prev) && !tok_in(ctx, CAP_DETERMINERS, prev)) ||
            ((lower & TQC_POS_AUX) && (before & (TQC_POS_VINF | TQC_POS_VPART)) &&
             !(before & (TQC_POS_NOUN | TQC_POS_DET | TQC_POS_PREP)) && !is_word(next)))
            return TQC_SEV_WARNING;
    }
    /* A capitalised form the lexicon holds only as a name the dictionary lacks (`Albero`,
     * `Bloc`), a common noun in lower case, names no one after an indefinite article or
     * a determiner, which a name does not take, before a lower-case word (`un Albero è`,
     * `chaque Bloc existe`): the evidence below decides. */
    bool name_after_determiner =
        cap == TQC_POS_PROPN && !capitalised_nouns(ctx) && (lower & TQC_POS_NOUN) &&
        is_word(next) && (next->flags & TQC_TF_LOWER) &&
        (tok_in(ctx, CAP_ARTICLES, prev) || tok_in(ctx, CAP_DETERMINERS, prev)) &&
        !tok_in(ctx, CAP_DEFINITE_ARTICLES, prev) &&
        !tqc_dict_name_entry(ctx->dict, tok_text(ctx->doc, &ctx->doc->tokens[k]),
                             tqc_span_len(ctx->doc->tokens[k].span));
    if (!(lower & content) || (lower & TQC_POS_PROPN) || (cap != 0 && !name_after_determiner))
        return CAP_QUIET;
    if (name_after_determiner)
        return TQC_SEV_INFO;
    const uint32_t verbal = TQC_POS_VFIN | TQC_POS_AUX | TQC_POS_ADV;
    if (capitalised_nouns(ctx)) {
        /* A form that is both finite verb and infinitive (`müssen`, `bauen`) is the verb
         * after its subject or an adverb (`wir Müssen`, `hier Bauen wir`); the noun made
         * of it follows an article, a preposition or an adjective (`beim Bauen`). */
        uint32_t before = tqc_ctx_pos_lower(ctx, k - 1);
        /* The lexicon holds the nouns made of adjectives and verbs (`das Mögliche`,
         * `das Können`, `Deutsch`): an adjective, adverb or verb whose capitalised form
         * it lacks is no noun (`ist es Wünschenswert`, `ausgewählt Werden.`), unless
         * an article, a determiner, a preposition or a `nominalisers` word makes one
         * of it (`im Voraus`, `etwas Neues`), or a capitalised word follows (an
         * uninflected adjective there names a place: `Groß Gerau`). */
        bool next_cap = is_word(next) && (next->flags & TQC_TF_CAP) &&
                        next->sentence == ctx->doc->tokens[k].sentence;
        /* An inflected adjective takes its noun next (`einen raschen Abriss`, `den
         * schrittweisen Ausstieg`): a verb's form capitalised there is a noun the lexicon
         * lacks, not the verb, which an attributive adjective never comes before. */
        bool noun_slot = (lower & TQC_POS_VERB) && (prev->flags & TQC_TF_LOWER) &&
                         (before & TQC_POS_ADJ) &&
                         !(before & (TQC_POS_VERB | TQC_POS_ADV | TQC_POS_PRON | TQC_POS_DET |
                                     TQC_POS_NOUN)) &&
                         inflected_adjective(ctx, k - 1);
        bool no_noun = !(lower & (TQC_POS_NOUN | TQC_POS_DET | TQC_POS_PRON)) && !next_cap &&
                       !noun_slot &&
                       !tok_in(ctx, CAP_ARTICLES, prev) && !tok_in(ctx, CAP_DETERMINERS, prev) &&
                       !tok_in(ctx, CAP_PREPOSITIONS, prev) && !tok_in(ctx, CAP_NOMINALISERS, prev) &&
                       !(before & (TQC_POS_DET | TQC_POS_PREP));
        /* An adjective with a noun's ending (profile `noun-adjective-endings`: `als
         * Angestellter`, `als Ganzes`) or after an adjective or a conjunction (`wie
         * Arabisch`, a language's name) may be a noun the lexicon lacks: only the
         * uninflected form after a verb, a pronoun or an adverb is judged (`ist
         * Möglich`, `dann Wiederhergestellt`). */
        if (no_noun && (lower & TQC_POS_VERB))
            return TQC_SEV_WARNING;
        /* An adjective or adverb made a noun takes an ending (`das Gute`, `etwas Neues`):
         * one without, whose capitalised form neither the lexicon nor the dictionary
         * holds, before a lower-case word of its sentence, is no noun even after an
         * article or determiner (`mit diesen Hilfreich gemalten Kurven`, `wenn Möglich
         * mit`). */
        if ((lower & (TQC_POS_ADJ | TQC_POS_ADV)) &&
            !(lower & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_DET | TQC_POS_PRON)) &&
            is_word(next) && (next->flags & TQC_TF_LOWER) &&
            next->sentence == ctx->doc->tokens[k].sentence && !nominal_ending(ctx, k) &&
            !tok_in(ctx, CAP_NOMINALISERS, prev) && !coordinated_capital(ctx, k + 1) &&
            !tqc_dict_name_entry(ctx->dict, tok_text(ctx->doc, &ctx->doc->tokens[k]),
                                 tqc_span_len(ctx->doc->tokens[k].span)))
            return TQC_SEV_WARNING;
        if (no_noun && (lower & (TQC_POS_ADJ | TQC_POS_ADV)) &&
            (before & (TQC_POS_VERB | TQC_POS_PRON | TQC_POS_ADV)) &&
            !(before & (TQC_POS_ADJ | TQC_POS_CONJ)) && !nominal_ending(ctx, k))
            return TQC_SEV_WARNING;
        bool finite = (lower & TQC_POS_VFIN) && (before & (TQC_POS_PRON | TQC_POS_ADV)) &&
                      !(before & (TQC_POS_DET | TQC_POS_PREP | TQC_POS_ADJ | TQC_POS_NOUN));
        if (!(lower & verbal) || (lower & (TQC_POS_NOUN | TQC_POS_ADJ)) || noun_slot ||
            ((lower & TQC_POS_VINF) && !finite) ||
            tok_in(ctx, CAP_ARTICLES, prev) || tok_in(ctx, CAP_DETERMINERS, prev) ||
            tok_in(ctx, CAP_PREPOSITIONS, prev))
            return CAP_QUIET;
        return TQC_SEV_WARNING;
    }
    /* A participle read as an adjective is a verb form all the same (`Decided`); a
     * gerund or participle alone is one where it ends a clause (`still Raining,`), and
     * may open a run-in heading elsewhere (`more muscle Taking precedence`). Between a
     * determiner and its noun a past form is an attributive participle, an adjective
     * (`his Reformed faith`): the evidence below decides. */
    bool attributive = (lower & TQC_POS_VPART) && !(lower & (TQC_POS_AUX | TQC_POS_ADV)) &&
                       (tok_in(ctx, CAP_ARTICLES, prev) || tok_in(ctx, CAP_DETERMINERS, prev)) &&
                       is_word(next) && (next->flags & TQC_TF_LOWER) &&
                       (tqc_ctx_pos_lower(ctx, k + 1) & TQC_POS_NOUN);
    /* A preposition takes a noun, a name or an infinitive, never a finite verb: a form
     * the lexicon knows only as finite after one is a place or a name spelt alike (`em
     * Andaram`, `a Cantarono`). */
    if ((lower & (TQC_POS_VFIN | TQC_POS_AUX)) &&
        !(lower & (TQC_POS_VINF | TQC_POS_VGER | TQC_POS_NOUN | TQC_POS_ADJ | TQC_POS_ADV)) &&
        tok_in(ctx, CAP_PREPOSITIONS, prev) && !tok_in(ctx, CAP_VERB_MARKERS, prev))
        return CAP_QUIET;
    if ((lower & (verbal | TQC_POS_VINF)) && !(lower & TQC_POS_NOUN) && !attributive)
        return TQC_SEV_WARNING;
    /* After a preposition it is a place or a title (`in Flushing.`, `on Laying,`). */
    if ((lower & TQC_POS_VERB) && !(lower & (TQC_POS_NOUN | TQC_POS_ADJ)) && !is_word(next) &&
        !(tqc_ctx_pos_lower(ctx, k - 1) & TQC_POS_PREP) && !tok_in(ctx, CAP_PREPOSITIONS, prev))
        return TQC_SEV_WARNING;
    return TQC_SEV_INFO;
}

/* Moves *j one token towards dir (+1 or -1); false at the text's ends or when the token
 * reached is outside token k's sentence. */
static bool step_in_sentence(const tqc_doc *doc, size_t k, int dir, size_t *j)
{
    if (dir < 0 ? *j == 0 : *j + 1 >= doc->token_count)
        return false;
    *j = dir < 0 ? *j - 1 : *j + 1;
    return doc->tokens[*j].sentence == doc->tokens[k].sentence;
}

/* Whether the lexicon's reading of token k's lower-case form leaves it a word of a
 * name: a noun, an adjective, a name, or nothing known; a form that is only a verb or an
 * adverb is none (`im Krankenhaus und Wurde dort`). */
static bool nominal_reading(const tqc_ctx *ctx, size_t k)
{
    uint32_t reading = tqc_ctx_pos_lower(ctx, k);
    return (reading & (TQC_POS_NOUN | TQC_POS_ADJ | TQC_POS_PROPN | TQC_POS_NUM)) ||
           !(reading & (TQC_POS_VERB | TQC_POS_ADV));
}

/* Shortest head looked for at the end of a compound, in bytes: shorter ones end common
 * compounds (`Eisberg`, `Rückweg`). */
#define CAP_HEAD_COMPOUND_MIN 6

/* Whether token u's lower-case form ends with a word of heads that leaves a stem before
 * it (`Landesinstitut`: `institut`). */
static bool head_compound(const tqc_ctx *ctx, const tqc_strmap *heads, const tqc_token *u)
{
    char lower[CAP_MAX_WORD];
    size_t n = lower_tok(ctx->doc, u, lower);
    for (size_t c = 1; c + CAP_HEAD_COMPOUND_MIN <= n; c++)
        if (((unsigned char)lower[c] & 0xC0) != 0x80 &&
            tqc_strmap_get(heads, lower + c, n - c, NULL))
            return true;
    return false;
}

/* Tokens looked through from a word for the head of its name, and linking function
 * words in a row among them (`Avenida 25 de Abril`, `Institut für Höhere Studien`). */
#define CAP_HEAD_TOKENS 6
#define CAP_HEAD_LINKS 2

/* Whether word k stands in a name headed by a word of `name-heads` (a street's, a
 * place's, a body's type: `Rua`, `calle`, `rue`, `Institut`): a run of capitalised
 * words, numbers and at most CAP_HEAD_LINKS function words in a row leads back from it
 * to the head, which may be written in lower case where the language writes the type so
 * (`la calle 25 de Mayo`, `rue du 8 Mai`); or, when look_ahead, capitalised words lead on
 * to a capitalised head (`Baker Street`). Where nouns are capitalised, only function
 * words and numbers lead back to the head, which may end a compound (`Landesinstitut
 * für Nordische Philologie`). */
static bool in_headed_name(const tqc_ctx *ctx, size_t k, bool look_ahead)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_strmap *heads = ((const cap_state *)ctx->state)->lists[CAP_NAME_HEADS];
    if (!heads || !tqc_strmap_count(heads))
        return false;
    /* Where every noun is capitalised, any adjective before a head noun looks so
     * (`den Lokalen Verein`): the head after it says nothing there. */
    if (capitalised_nouns(ctx))
        look_ahead = false;
    for (int dir = -1; dir <= (look_ahead ? 1 : -1); dir += 2) {
        size_t j = k;
        int links = 0;
        for (int n = 0; n < CAP_HEAD_TOKENS && step_in_sentence(doc, k, dir, &j); n++) {
            const tqc_token *u = &doc->tokens[j];
            if (u->kind == TQC_TOK_NUMBER || punct_is(doc, u, ".")) {
                links = 0;
                continue;
            }
            if (!is_word(u))
                break;
            /* After the name only a capitalised head closes it (`Baker Street`): a
             * lower-case type opens the next name (`el 25 de Mayo en la plaza`). */
            if ((dir < 0 || (u->flags & TQC_TF_CAP)) &&
                (tok_in_list(ctx, heads, u) || (capitalised_nouns(ctx) && (u->flags & TQC_TF_CAP) &&
                                                 head_compound(ctx, heads, u))))
                return true;
            if ((u->flags & TQC_TF_LOWER) && dir > 0)
                break;
            if (u->flags & TQC_TF_LOWER) {
                if (!tok_in(ctx, CAP_FUNCTION_WORDS, u) || ++links > CAP_HEAD_LINKS)
                    break;
                continue;
            }
            /* Where every noun is capitalised, a capital is no name's word by itself:
             * only function words and numbers lead to the head (`Institut für`). */
            if (!(u->flags & TQC_TF_CAP) || capitalised_nouns(ctx))
                break;
            links = 0;
        }
    }
    return false;
}

/* Whether capitalised token k is a verb before its prepositional complement: the
 * lexicon knows its lower-case form only as a verb, and a preposition that is no
 * conjunction follows. A name's words linked by a preposition are nouns and adjectives
 * (`University of Texas`); after a verb the capital is the complement's (`the panel
 * Adjourned on Friday`), whereas a conjunction coordinates like with like (`Rebs and
 * Yanks`). */
static bool verb_before_complement(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    uint32_t reading = tqc_ctx_pos_lower(ctx, k);
    if (!(reading & TQC_POS_VERB) ||
        (reading & ~(TQC_POS_VERB | TQC_POS_AUX)) || k + 1 >= doc->token_count)
        return false;
    const tqc_token *link = &doc->tokens[k + 1];
    return is_word(link) && (link->flags & TQC_TF_LOWER) && tok_in(ctx, CAP_PREPOSITIONS, link) &&
           !(tqc_ctx_pos_lower(ctx, k + 1) & TQC_POS_CONJ);
}

/* Function words looked through for the rest of a name (`Department of the Interior`). */
#define CAP_NAME_LINKS 2

/* Whether capitalised token k belongs to a name whose other words are linked to it by
 * lower-case function words (`University of Texas`, `Secretary of the Interior`), before
 * it or, when look_ahead, after it too. A
 * determiner that is no article (a possessive, a quantifier) determines a common noun and
 * links no name (`to Britain for several Years under`). */
static bool linked_to_name(const tqc_ctx *ctx, size_t k, bool look_ahead)
{
    const tqc_doc *doc = ctx->doc;
    for (int dir = -1; dir <= (look_ahead ? 1 : -1); dir += 2) {
        size_t j = k;
        for (int links = 0; links <= CAP_NAME_LINKS; links++) {
            if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= doc->token_count))
                break;
            j = dir < 0 ? j - 1 : j + 1;
            const tqc_token *u = &doc->tokens[j];
            if (!is_word(u) || u->sentence != doc->tokens[k].sentence)
                break;
            if ((u->flags & TQC_TF_CAP) && links > 0) {
                if (!(u->flags & TQC_TF_SENT_START))
                    return true;
                break;
            }
            if (!(u->flags & TQC_TF_LOWER) || !tok_in(ctx, CAP_FUNCTION_WORDS, u) ||
                (tok_in(ctx, CAP_DETERMINERS, u) && !tok_in(ctx, CAP_ARTICLES, u)))
                break;
        }
    }
    return false;
}

/* Where each distinct token text stands in the document, for "is this word written so
 * nearby?". The first questions of a document scan the window around the token; one that
 * asks many (a long text of words nothing knows) gets this index, so the pass stays
 * linear in the length of the text. */
#define CAP_NEARBY_SCANS 64
typedef struct word_index {
    const tqc_ctx *ctx;
    const tqc_doc *doc;
    size_t scans;       /* window scans so far */
    bool built;         /* tried to build: the index is there unless first is NULL */
    /* token text -> its group: the run's word table when it holds every token's form
     * (by_first: the group of each form's first token), else a map of the doc's own */
    tqc_strmap *texts;
    size_t *by_first;
    size_t *first;      /* group g's tokens are token[first[g]] .. token[first[g + 1] - 1] */
    size_t *token;      /* token indices, ascending within each group */
} word_index;

static void word_index_free(word_index *ix)
{
    tqc_strmap_free(ix->texts);
    free(ix->by_first);
    free(ix->first);
    free(ix->token);
    ix->texts = NULL;
    ix->by_first = ix->first = ix->token = NULL;
}

/* The group of the tokens written w (n bytes); false when the document has none. */
static bool word_group(const word_index *ix, const char *w, size_t n, uint64_t *g)
{
    if (!ix->by_first)
        return tqc_strmap_get(ix->texts, w, n, g);
    uint32_t k;
    if (!tqc_words_in_doc(ix->ctx->words, tqc_words_find(ix->ctx->words, w, n), &k))
        return false;
    *g = ix->by_first[k];
    return true;
}

/* Builds ix; on a failed allocation it stays without one (the window scans go on). */
static void word_index_build(word_index *ix)
{
    const tqc_doc *doc = ix->doc;
    size_t n = doc->token_count;
    ix->built = true;
    size_t *group = tqc_malloc((n ? n : 1) * sizeof *group);
    const tqc_ctx *ctx = ix->ctx;
    bool table = ctx->token_word && ctx->token_same;
    for (size_t k = 0; table && k < n; k++)
        table = ctx->token_word[k] != TQC_WORD_NONE;
    size_t groups = 0;
    bool ok = group != NULL;
    if (table) {
        /* Each form's first token opens its group: no text is hashed again. */
        for (size_t k = 0; ok && k < n; k++)
            group[k] = ctx->token_same[k] == k ? groups++ : group[ctx->token_same[k]];
        ix->by_first = ok ? group : NULL;
    } else {
        ok = ok && (ix->texts = tqc_strmap_new()) != NULL;
        for (size_t k = 0; ok && k < n; k++) {
            const tqc_token *t = &doc->tokens[k];
            uint64_t g;
            if (!tqc_strmap_get(ix->texts, tok_text(doc, t), tqc_span_len(t->span), &g)) {
                g = groups++;
                ok = tqc_strmap_put(ix->texts, tok_text(doc, t), tqc_span_len(t->span), g);
            }
            group[k] = (size_t)g;
        }
    }
    ok = ok && (ix->first = tqc_calloc(groups + 1, sizeof *ix->first)) &&
         (ix->token = tqc_malloc((n ? n : 1) * sizeof *ix->token));
    if (ok) {
        for (size_t k = 0; k < n; k++)
            ix->first[group[k] + 1]++;
        for (size_t g = 0; g < groups; g++)
            ix->first[g + 1] += ix->first[g];
        /* group[] becomes each group's next free place, filled in token order. */
        size_t *next = tqc_malloc((groups ? groups : 1) * sizeof *next);
        if ((ok = next != NULL)) {
            memcpy(next, ix->first, groups * sizeof *next);
            for (size_t k = 0; k < n; k++)
                ix->token[next[group[k]]++] = k;
            free(next);
        }
    }
    if (!ix->by_first)
        free(group);
    if (!ok)
        word_index_free(ix);
}

/* Whether the text around token k (CAP_NEARBY_BYTES either side) writes w (n bytes) with
 * flags and without not_flags, in a token other than k when not_k. */
static bool written_nearby(word_index *ix, size_t k, const char *w, size_t n, uint32_t flags,
                           uint32_t not_flags, bool not_k)
{
    const tqc_doc *doc = ix->doc;
    const tqc_token *t = &doc->tokens[k];
    size_t lo = t->span.start > CAP_NEARBY_BYTES ? t->span.start - CAP_NEARBY_BYTES : 0;
    size_t hi = t->span.end + CAP_NEARBY_BYTES;
    if (!ix->built && ++ix->scans > CAP_NEARBY_SCANS)
        word_index_build(ix);
    if (ix->first) {
        uint64_t g;
        if (!word_group(ix, w, n, &g))
            return false;
        size_t a = ix->first[g], b = ix->first[g + 1];
        while (a < b) {     /* the group's first token at or after lo */
            size_t mid = a + (b - a) / 2;
            if (doc->tokens[ix->token[mid]].span.start < lo)
                a = mid + 1;
            else
                b = mid;
        }
        for (; a < ix->first[g + 1] && doc->tokens[ix->token[a]].span.start <= hi; a++) {
            const tqc_token *u = &doc->tokens[ix->token[a]];
            if ((u->flags & flags) == flags && !(u->flags & not_flags) && !(not_k && ix->token[a] == k))
                return true;
        }
        return false;
    }
    size_t j = k;
    while (j > 0 && doc->tokens[j - 1].span.start >= lo)
        j--;
    for (; j < doc->token_count && doc->tokens[j].span.start <= hi; j++) {
        const tqc_token *u = &doc->tokens[j];
        if ((u->flags & flags) == flags && !(u->flags & not_flags) && !(not_k && j == k) &&
            tqc_span_len(u->span) == n && memcmp(tok_text(doc, u), w, n) == 0)
            return true;
    }
    return false;
}

/* Whether the whole document uses capitalised token k's word as a name: written so after a
 * lower-case word of its sentence (token k aside) at least CAP_NAME_USES times, and at
 * least as often as in lower case (lower, n bytes), as in a text that writes `Internet`
 * and, now and then, `internet`. Both forms are then the author's, neither a slip. */
#define CAP_NAME_USES 2
static bool name_in_document(word_index *ix, size_t k, const char *lower, size_t n)
{
    const tqc_doc *doc = ix->doc;
    const tqc_token *t = &doc->tokens[k];
    if (!ix->built)
        word_index_build(ix);
    uint64_t g, gl;
    if (!ix->first || !word_group(ix, tok_text(doc, t), tqc_span_len(t->span), &g))
        return false;
    size_t need = CAP_NAME_USES, cap = 0;
    if (word_group(ix, lower, n, &gl) && ix->first[gl + 1] - ix->first[gl] > need)
        need = ix->first[gl + 1] - ix->first[gl];
    /* stops at the count needed: a word written thousands of times is asked as often */
    for (size_t a = ix->first[g]; a < ix->first[g + 1] && cap < need; a++)
        cap += ix->token[a] != k && ix->token[a] > 0 && same_word_after_lower(doc, ix->token[a], t);
    return cap >= need;
}

/* The shortest noun institution_adjective looks for, and the longest suffix it allows
 * after it (`President` + `ial`, `Constitution` + `al`, `Southwest` + `ern`), in bytes. */
#define CAP_INSTITUTION_MIN 5
#define CAP_INSTITUTION_SUFFIX 5

/* Whether capitalised adjective k (lower: its lower-case form, n bytes) is made of a noun
 * the profile's `title-words` list or the text nearby capitalises mid-sentence
 * (`Presidential` beside `President Kennedy`, `Constitutional` beside `the Constitution`):
 * where the profile has `institution-adjectives = yes` (English), an older or a house
 * style capitalises such adjectives, a choice rather than a slip. */
static bool institution_adjective(const tqc_ctx *ctx, word_index *words, size_t k,
                                  const char *lower, size_t n)
{
    if (!tqc_lang_yes(ctx->lang, "institution-adjectives"))
        return false;
    char cap[CAP_MAX_WORD];
    size_t low = n > CAP_INSTITUTION_SUFFIX + CAP_INSTITUTION_MIN ? n - CAP_INSTITUTION_SUFFIX
                                                                 : CAP_INSTITUTION_MIN;
    for (size_t c = n - 1; c >= low && c > 0; c--) {
        if (((unsigned char)lower[c] & 0xC0) == 0x80)
            continue; /* inside a character */
        if (word_in(ctx, CAP_TITLE_WORDS, lower, c))
            return true;
        size_t cn = tqc_text_case(lower, c, TQC_CASE_TITLE, cap, sizeof cap);
        if (cn && written_nearby(words, k, cap, cn, TQC_TF_CAP, TQC_TF_SENT_START, true))
            return true;
    }
    return false;
}

/* Tokens looked through from a word to the next item of its list: a comma, a
 * conjunction (`, or`); and inside an aside in brackets between them. */
#define CAP_LIST_LINK 3
#define CAP_LIST_ASIDE 6

/* Whether capitalised word k is an item of a list whose next or previous item is a
 * capitalised common word too (`Fast, Cheap, or Good`, `Sights and Sounds:`):
 * a list or a run-in heading title-cased on purpose; a slip capitalises one word alone.
 * The other item is a word the dictionary knows in lower case and holds no name of; a
 * sentence's first word is capitalised anyway, so it counts only before a heading's
 * colon. */
static bool capitalised_coordinate(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    bool lead_in = k + 1 < doc->token_count && punct_is(doc, &doc->tokens[k + 1], ":");
    for (int dir = -1; dir <= 1; dir += 2) {
        size_t j = k;
        bool linked = false;
        for (int steps = 0; steps < CAP_LIST_LINK; steps++) {
            if (dir < 0 ? j == 0 : j + 1 >= doc->token_count)
                break;
            j = dir < 0 ? j - 1 : j + 1;
            const tqc_token *u = &doc->tokens[j];
            if (u->sentence != t->sentence)
                break;
            /* An aside in brackets is looked through (`Correct (Hit), Incorrect`). */
            if (punct_is(doc, u, dir > 0 ? "(" : ")")) {
                bool closed_aside = false;
                for (int a = 0; a < CAP_LIST_ASIDE && !closed_aside &&
                                (dir > 0 ? j + 1 < doc->token_count : j > 0); a++) {
                    j = dir > 0 ? j + 1 : j - 1;
                    closed_aside = punct_is(doc, &doc->tokens[j], dir > 0 ? ")" : "(");
                }
                if (!closed_aside)
                    break;
                steps--;
                continue;
            }
            if (punct_is(doc, u, ",") ||
                (is_word(u) && (u->flags & TQC_TF_LOWER) &&
                 (tqc_ctx_pos(ctx, j) & TQC_POS_CONJ))) {
                linked = true;
                continue;
            }
            if (!linked || !is_word(u) || !(u->flags & TQC_TF_CAP) ||
                (u->flags & (TQC_TF_ALLCAPS | TQC_TF_INNER_CAP | TQC_TF_DIGIT)) ||
                ((u->flags & TQC_TF_SENT_START) && !lead_in))
                break;
            char lower[CAP_MAX_WORD];
            size_t n = lower_tok(doc, u, lower);
            return n >= 2 && tqc_ctx_token_known_lower(ctx, j) &&
                   !tqc_dict_name_entry(ctx->dict, tok_text(doc, u), tqc_span_len(u->span));
        }
    }
    return false;
}

/* Inline boundaries (HTML elements, codes) in the gap [from, to] between two tokens: a
 * code the page left out (a standalone `code`, `kbd`, `samp` or `var` mark), whether an
 * element opens there that is still open at to (`see <a>Adopting a package</a>`), and
 * whether one opened before from closes there (`see <a>Uploads.</a> should`). */
static void gap_marks(const tqc_doc *doc, size_t from, size_t to, bool *code, bool *opens,
                      bool *closes)
{
    static const char *const codes[] = {"code", "kbd", "samp", "var"};
    size_t open = 0;
    *code = *closes = false;
    for (size_t off = from; doc->inline_count && off <= to; off++) {
        size_t n;
        const tqc_doc_inline *in = tqc_doc_inline_boundary_at(doc, off, &n);
        for (size_t i = 0; i < n; i++) {
            if (in[i].kind == TQC_INLINE_OPEN)
                open++;
            else if (in[i].kind == TQC_INLINE_CLOSE && open > 0)
                open--;
            else if (in[i].kind == TQC_INLINE_CLOSE)
                *closes = true;
            else
                for (size_t c = 0; in[i].tag && c < sizeof codes / sizeof *codes; c++)
                    *code = *code || strcmp(in[i].tag, codes[c]) == 0;
        }
    }
    *opens = open > 0;
}

/* Whether the byte at offset from on lies inside an element that opened after from and
 * before offset on a capital (`see <a>Applying to Become a Member</a>`): a title or a
 * label quoted as written. Asked only of a word about to be reported. */
static bool inside_title_element(const tqc_doc *doc, size_t from, size_t offset)
{
    size_t depth = 0;
    for (size_t off = offset; doc->inline_count && off-- > from + 1;) {
        size_t n;
        const tqc_doc_inline *in = tqc_doc_inline_boundary_at(doc, off, &n);
        for (size_t i = n; i-- > 0;) {
            if (in[i].kind == TQC_INLINE_CLOSE) {
                depth++;
            } else if (in[i].kind == TQC_INLINE_OPEN && depth > 0) {
                depth--;
            } else if (in[i].kind == TQC_INLINE_OPEN) {
                int32_t cp = 0;
                tqc_text_decode(doc->text + off, doc->len - off, &cp);
                return tqc_text_is_upper(cp);
            }
        }
    }
    return false;
}

/* Longest acronym spelt out, in letters. */
#define CAP_ACRONYM_MAX 8

/* Whether capitalised word k opens the words an acronym of its sentence spells out
 * (`FTBFS means Fails to build from source`, `the Open and free technology community
 * (OFTC)`): each word's first letter is the acronym's next, function words aside. */
static bool spells_acronym(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_sentence *s = &doc->sentences[doc->tokens[k].sentence];
    for (size_t a = s->tok_first; a < s->tok_first + s->tok_count; a++) {
        const tqc_token *acr = &doc->tokens[a];
        size_t al = tqc_span_len(acr->span);
        if (a == k || !is_word(acr) || !(acr->flags & TQC_TF_ALLCAPS) ||
            (acr->flags & (TQC_TF_DIGIT | TQC_TF_NONASCII)) || al < 2 || al > CAP_ACRONYM_MAX)
            continue;
        const char *letters = tok_text(doc, acr);
        size_t i = 0;
        for (size_t j = k; i < al && j < s->tok_first + s->tok_count; j++) {
            const tqc_token *u = &doc->tokens[j];
            if (!is_word(u))
                break;
            char c = tok_text(doc, u)[0];
            if ((c | 0x20) == (letters[i] | 0x20))
                i++;
            else if (!tok_in(ctx, CAP_FUNCTION_WORDS, u))
                break;
        }
        if (i == al)
            return true;
    }
    return false;
}

/* Whether capitalised token k, an adjective and no noun by the lexicon, is coordinated
 * with a lower-case adjective after it (`una versión Nueva y estable`): an adjective
 * like that one, whatever names the dictionary holds. (A noun may be a name coordinated
 * with a common noun: `le réseau Internet et la plupart`.) */
static bool coordinated_with_lower(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (k + 2 >= doc->token_count)
        return false;
    const tqc_token *conj = &doc->tokens[k + 1], *other = &doc->tokens[k + 2];
    uint32_t mine = tqc_ctx_pos_lower(ctx, k), theirs = tqc_ctx_pos_lower(ctx, k + 2);
    /* only a conjunction and nothing else by the lexicon coordinates (not `when`) */
    return is_word(conj) && (conj->flags & TQC_TF_LOWER) &&
           tqc_ctx_pos_lower(ctx, k + 1) == TQC_POS_CONJ && (mine & TQC_POS_ADJ) &&
           !(mine & (TQC_POS_NOUN | TQC_POS_PROPN)) && is_word(other) &&
           (other->flags & TQC_TF_LOWER) && other->sentence == doc->tokens[k].sentence &&
           (theirs & TQC_POS_ADJ) && !(theirs & TQC_POS_PROPN) &&
           !tok_in(ctx, CAP_FUNCTION_WORDS, other);
}

/* Whether the frequency list holds w (n bytes) at least once in CAP_COMMON_PER words. */
static bool frequent_word(const tqc_ctx *ctx, const char *w, size_t n)
{
    return tqc_dict_freq(ctx->dict, w, n) * CAP_COMMON_PER >= tqc_dict_freq_total(ctx->dict);
}

/* Whether token j opens a complement in lower case: a lower-case preposition, then
 * lower-case articles or determiners, then a lower-case word the lexicon knows as a noun,
 * an adjective or a verb, in the same sentence (`dei pacchetti installati`, `a dicho
 * riesgo`; not `del DVD`, `de España`). */
static bool lower_complement(const tqc_ctx *ctx, size_t j)
{
    const tqc_doc *doc = ctx->doc;
    size_t first = j;
    if (j >= doc->token_count || !is_word(&doc->tokens[j]) ||
        !(doc->tokens[j].flags & TQC_TF_LOWER) || !tok_in(ctx, CAP_PREPOSITIONS, &doc->tokens[j]))
        return false;
    for (j++; j < doc->token_count && j <= first + 3; j++) {
        const tqc_token *u = &doc->tokens[j];
        if (!is_word(u) || !(u->flags & TQC_TF_LOWER) ||
            u->sentence != doc->tokens[first].sentence)
            return false;
        if (tok_in(ctx, CAP_ARTICLES, u) || tok_in(ctx, CAP_DETERMINERS, u))
            continue;
        return (tqc_ctx_pos_lower(ctx, j) & (TQC_POS_NOUN | TQC_POS_ADJ | TQC_POS_VERB)) != 0;
    }
    return false;
}

/* (a) a common word capitalised between lower-case words; inside a quotation (quoted)
 * only where the words before it call for a verb or a function word. */
static void common_word_capitalised(const tqc_ctx *ctx, title_memo *memo, word_index *words,
                                    size_t k, bool quoted)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    if (!is_word(t) || !(t->flags & TQC_TF_CAP) || (t->flags & CAP_NOT_COMMON) ||
        !(t->flags & TQC_TF_SPACE_BEFORE) || k == 0 || k + 1 >= doc->token_count)
        return;
    const tqc_token *prev = &doc->tokens[k - 1], *next = &doc->tokens[k + 1];
    /* A neighbour that is not a lower-case word (a capital, a quote, a colon, a bracket)
     * makes a name, a title or a new start possible. Where every noun is capitalised, a
     * preposition or conjunction is followed by one as a rule (`schrumpft In Deutschland`);
     * an article or determiner may open a name (`Den Haag`, `Die Zeit`). */
    bool next_ok = is_word(next) && (next->flags & TQC_TF_LOWER);
    /* A bracket or a quotation opening after a space starts an aside or a quoted label:
     * the word ends its phrase as before a lower-case word (`ordinateurs Différents
     * (voire`, `la Tâche « Environnement`). */
    bool aside_next = !is_word(next) && (next->flags & TQC_TF_SPACE_BEFORE) &&
                      (punct_is(doc, next, "(") || (quote_role(ctx, next) & CAP_QUOTE_OPENS)) &&
                      !capitalised_nouns(ctx);
    if (!next_ok && is_word(next) && (next->flags & TQC_TF_CAP) &&
        !(next->flags & TQC_TF_ALLCAPS) && capitalised_nouns(ctx))
        next_ok = (!tok_in(ctx, CAP_ARTICLES, t) && !tok_in(ctx, CAP_DETERMINERS, t)) ||
                  /* a name opens with a definite article (`Den Haag`), not `Eine` */
                  (tok_in(ctx, CAP_ARTICLES, t) && !tok_in(ctx, CAP_DEFINITE_ARTICLES, t)) ||
                  /* nor with a possessive or a quantifier (`von Einigen Personen`), but
                   * the polite address is written capitalised (`second-person`: `Ihre`) */
                  (!tok_in(ctx, CAP_ARTICLES, t) &&
                   !tqc_lang_in(ctx->lang, "second-person", tok_text(doc, t),
                                tqc_span_len(t->span)));
    /* Where every noun is capitalised, two capitalised words the dictionary holds with a
     * capital, the second no noun of the lexicon, are a name (`Albert Einstein`; `albert`
     * is also a verb form). */
    if (next_ok && capitalised_nouns(ctx) && (next->flags & TQC_TF_CAP) &&
        !(tqc_ctx_pos(ctx, k + 1) & TQC_POS_NOUN) &&
        tqc_dict_name_entry(ctx->dict, tok_text(doc, next), tqc_span_len(next->span)) &&
        tqc_dict_name_entry(ctx->dict, tok_text(doc, t), tqc_span_len(t->span)))
        return;
    /* A clause may end on the word (`abgespielt Wird:`, `decided to Leave.`): then only a
     * verb or an adverb by the lexicon is judged, below. */
    int32_t ncp = 0;
    if (next->kind == TQC_TOK_PUNCT)
        tqc_text_decode(tok_text(doc, next), tqc_span_len(next->span), &ncp);
    bool clause_end = !next_ok && next->kind == TQC_TOK_PUNCT && !quote_role(ctx, next) &&
                      !(next->flags & TQC_TF_SPACE_BEFORE) && !tqc_text_is_apostrophe(ncp) &&
                      !tqc_ctx_abbreviation_at(ctx, k) &&
                      /* where nouns are capitalised, one ends a clause after its article */
                      !(capitalised_nouns(ctx) && (tok_in(ctx, CAP_ARTICLES, prev) ||
                                                   tok_in(ctx, CAP_DETERMINERS, prev))) &&
                      /* `the Times.` names a paper; a plural article names no one
                       * thing (`ao longo dos Anos,`: see plural_noun below) */
                      (!tok_in(ctx, CAP_DEFINITE_ARTICLES, prev) ||
                       tok_in(ctx, CAP_PLURAL_ARTICLES, prev)) &&
                      /* `No. 7`: an abbreviation before a number */
                      !(ncp == '.' && k + 2 < doc->token_count &&
                        doc->tokens[k + 2].kind == TQC_TOK_NUMBER);
    /* Before an aside a name is often explained (`known as Gimpy (`, `be Gar-Dene (`):
     * only a noun or an adjective by the lexicon is judged there, by the evidence below. */
    aside_next = aside_next && next->sentence == t->sentence &&
                 (tqc_ctx_pos_lower(ctx, k) & (TQC_POS_NOUN | TQC_POS_ADJ));
    if (aside_next)
        next_ok = true;
    /* Where every noun is capitalised, a common noun before the word is no name's
     * neighbour: a word the lexicon reads as no noun and no adjective (a verb, an adverb,
     * a function word), capitalised after one, is judged as after a lower-case word (`im
     * nächsten Jahr Wieder zurück`). An adjective is a surname as often after a noun
     * naming a person (`Bürgermeister Lang`), and a title (`title-words`) or a proper
     * noun before the word may open a name. */
    uint32_t own = tqc_ctx_pos_lower(ctx, k), before = tqc_ctx_pos(ctx, k - 1);
    bool noun_before = capitalised_nouns(ctx) && is_word(prev) && (prev->flags & TQC_TF_CAP) &&
                       !(prev->flags & TQC_TF_ALLCAPS) && (before & TQC_POS_NOUN) &&
                       !(before & TQC_POS_PROPN) && own &&
                       !(own & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_NUM | TQC_POS_ADJ)) &&
                       !tok_in(ctx, CAP_TITLE_WORDS, prev);
    /* A subordinator after a comma opens its clause in lower case in every language
     * (`verschoben, Weil der Minister`, `closed, Because the`). */
    bool after_comma = punct_is(doc, prev, ",") && next_ok && is_word(next) &&
                       (next->flags & TQC_TF_LOWER) && k >= 2 && is_word(&doc->tokens[k - 2]) &&
                       (doc->tokens[k - 2].flags & TQC_TF_LOWER);
    bool clause_opener = after_comma && tok_in(ctx, CAP_SUBORDINATORS, t);
    /* A form the lexicon knows only as a finite verb, and not capitalised, is a clause's
     * verb after a comma (`iniziati a maggio, Finiranno entro`), where a list of names
     * has a name before the comma; a conjunction after it may join a list's last two
     * names (`Aubenas, Privas et Annonay`: a place spelt as a verb's form). */
    bool finite_only = (own & (TQC_POS_VFIN | TQC_POS_AUX)) &&
                       !(own & ~(TQC_POS_VFIN | TQC_POS_AUX)) && tqc_ctx_pos(ctx, k) == 0 &&
                       !tqc_dict_name_entry(ctx->dict, tok_text(doc, t), tqc_span_len(t->span));
    bool verb_after_comma = after_comma && finite_only &&
                            !(tqc_ctx_pos_lower(ctx, k + 1) & TQC_POS_CONJ);
    /* A subject pronoun opening the sentence is capitalised as the first word, and its
     * verb follows it as anywhere (`Ele Prometeu que`, `Elle Affirme que`). */
    uint32_t opener = is_word(prev) && (prev->flags & TQC_TF_SENT_START) &&
                      !(prev->flags & TQC_TF_ALLCAPS) ? tqc_ctx_pos_lower(ctx, k - 1) : 0;
    bool pronoun_opens = opener == TQC_POS_PRON && finite_only && next_ok;
    if (!((is_word(prev) && (prev->flags & TQC_TF_LOWER)) || noun_before || clause_opener ||
          verb_after_comma || pronoun_opens) ||
        prev->sentence != t->sentence || !(next_ok || clause_end) ||
        (next_ok && (next->sentence != t->sentence || !(next->flags & TQC_TF_SPACE_BEFORE))))
        return;
    char lower[CAP_MAX_WORD];
    size_t n = lower_tok(doc, t, lower);
    /* A title word that names a thing and is also a determiner (Spanish `este`: `el
     * Este`, the east) is the determiner before a lower-case noun after no article
     * (`utilizar Este nombre`); one that is only a determiner keeps its capital (`His`). */
    bool determiner_use = (tqc_ctx_pos_lower(ctx, k) & TQC_POS_DET) &&
                          (tqc_ctx_pos_lower(ctx, k) & TQC_POS_NOUN) && is_word(next) &&
                          (next->flags & TQC_TF_LOWER) &&
                          (tqc_ctx_pos_lower(ctx, k + 1) & TQC_POS_NOUN) &&
                          !tok_in(ctx, CAP_ARTICLES, prev) && !tok_in(ctx, CAP_DETERMINERS, prev) &&
                          word_in(ctx, CAP_FUNCTION_WORDS, lower, n);
    /* A subject pronoun, or an object pronoun that is no article (`preverbal-pronouns`:
     * `he`, `il`, `se`), is followed by its verb, never by a noun or a name: a form the
     * lexicon knows as a finite verb is the verb there (`he Tells of`, `il nous Donne`),
     * whatever name or title is spelt so (`Tell`, `Will`). */
    bool verb_after_pronoun = (tok_in(ctx, CAP_PREVERBAL_PRONOUNS, prev) &&
                               (tqc_ctx_pos_lower(ctx, k) & (TQC_POS_VFIN | TQC_POS_AUX))) ||
                              verb_after_comma || pronoun_opens;
    if (n < 2 || !tqc_ctx_token_known_lower(ctx, k) ||
        (word_in(ctx, CAP_TITLE_WORDS, lower, n) && !determiner_use && !verb_after_pronoun))
        return;
    /* After an auxiliary a verb form follows; after "to" a name is common too (`went to
     * Geneva and`), so there the word must also be followed by its object. */
    bool closed = word_in(ctx, CAP_FUNCTION_WORDS, lower, n);
    bool after_verb_marker =
        tok_in(ctx, CAP_AUXILIARIES, prev) ||
        (tok_in(ctx, CAP_VERB_MARKERS, prev) && tok_in(ctx, CAP_DETERMINERS, next));
    /* A language that capitalises its nouns (German: `hat Zeit`, `wird Essen geben`)
     * capitalises content words after an auxiliary all the time. */
    bool listed = verb_after_pronoun ||
                  (!clause_end && !aside_next &&
                   (closed || (after_verb_marker && !capitalised_nouns(ctx))));
    /* Quoted text keeps its own capitals (titles, slogans, verse run into one line,
     * whose lines open capitalised after any word), but none of them puts a noun or a
     * name after a subject pronoun: there quoted speech slips as prose does (`"for they
     * Know not"`). */
    if (quoted && !verb_after_pronoun)
        return;
    tqc_severity sev = ctx->pass->severity;
    bool style = false; /* an adjective of an institution (institution_adjective) */
    if (!listed) {
        sev = lexicon_severity(ctx, k);
        if (aside_next && sev == TQC_SEV_WARNING)
            sev = TQC_SEV_INFO;
        /* Where every noun is capitalised, function words link nouns, not names. */
        bool complement = verb_before_complement(ctx, k);
        if (sev > TQC_SEV_ERROR ||
            (!capitalised_nouns(ctx) && linked_to_name(ctx, k, !complement)) ||
            (nominal_reading(ctx, k) && in_headed_name(ctx, k, !complement)) ||
            (clause_end && capitalised_nouns(ctx) &&
             (sev != TQC_SEV_WARNING ||
              !(tqc_ctx_pos_lower(ctx, k) & (TQC_POS_VERB | TQC_POS_ADV | TQC_POS_ADJ)))))
            return;
        /* A noun or an adjective is capitalised in names of things and institutions
         * (`the Pentagon`, `the Times`, `Republicans`): a word the dictionary holds with a
         * capital is left alone, and after a definite article (`definite-articles`) a word
         * is a slip only when the article writes it in lower case elsewhere. Standing
         * alone after any other lower-case word (`su Contraseña`), and capitalised nowhere
         * else nearby but at a sentence start, it is a slip (`his special Care.`); a
         * gerund may open a run-in heading (`more muscle Taking precedence`), after a
         * preposition a place, a subject or a work is named (`professor de Matemática`),
         * and a rarer word names a thing as often as a frequent one slips (`Bluebird`):
         * only words of one in CAP_COMMON_PER of the frequency list count. */
        if (sev == TQC_SEV_INFO) {
            /* Where every noun is capitalised, the dictionary's capitals say nothing, and
             * after any article an adjective may open a name (`einen Runden Tisch`). */
            bool nouns = capitalised_nouns(ctx);
            bool after_article = nouns ? tok_in(ctx, CAP_ARTICLES, prev) ||
                                         tok_in(ctx, CAP_DETERMINERS, prev)
                                       : tok_in(ctx, CAP_DEFINITE_ARTICLES, prev);
            bool coordinated = !nouns && coordinated_with_lower(ctx, k);
            uint32_t lp = tqc_ctx_pos_lower(ctx, k);
            /* A possessive or a quantifier (a determiner of the lexicon and the profile
             * that is no article: `his`, `their`, `several`) takes a common noun, not a
             * name: a frequent one before a lower-case word is a slip (`for several Years
             * under`). A rarer one, or one ending its clause, may be a work's title (`his
             * Confessions,`) or a section's (`in this Section.`), and where the dictionary
             * holds the word capitalised too a brand or a name may be meant (`my Ford`):
             * those are hints. */
            bool determined_noun = !nouns && (lp & TQC_POS_NOUN) && !(lp & TQC_POS_PROPN) &&
                                   (tqc_ctx_pos_lower(ctx, k - 1) & TQC_POS_DET) &&
                                   tok_in(ctx, CAP_DETERMINERS, prev) &&
                                   !tok_in(ctx, CAP_ARTICLES, prev);
            bool name_entry = !nouns &&
                tqc_dict_name_entry(ctx->dict, tok_text(doc, t), tqc_span_len(t->span));
            if (name_entry && !coordinated &&
                (!determined_noun || name_in_document(words, k, lower, n)))
                return;
            /* A name's adjective runs on with its capitalised noun (`the Royal Navy`);
             * a word that is only an adjective, capitalised before a lower-case word
             * after a word that is no article or determiner (`mais Fluida e`, `un
             * atacante Tenaz inclusive`), opens no name, however rare the word. After
             * one, an older style capitalises adjectives of offices and regions (`the
             * Presidential campaign`, `his Inaugural wardrobe`): that is left to the
             * tests below. */
            /* A participle is an adjective there too (`cópias Atualizadas da`). */
            bool lone_adjective = !nouns && next_ok &&
                                  (!aside_next || (tqc_ctx_pos_lower(ctx, k - 1) & TQC_POS_NOUN)) &&
                                  (lp & (TQC_POS_ADJ | TQC_POS_VPART)) &&
                                  !(lp & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_VFIN |
                                          TQC_POS_AUX | TQC_POS_VINF | TQC_POS_VGER)) &&
                                  !tok_in(ctx, CAP_ARTICLES, prev) &&
                                  !tok_in(ctx, CAP_DETERMINERS, prev) &&
                                  !(tqc_ctx_pos_lower(ctx, k - 1) & (TQC_POS_DET | TQC_POS_PRON));
            /* A name or a title names one thing: a common noun that is no adjective (a
             * party's name may be one: `os Verdes`), capitalised after a plural article
             * (`plural-articles`: `os Registros de tempo`, `i Danni causati`), is a slip,
             * unless the article capitalises it again (capitalised_nearby, below). A
             * cardinal above one (the lexicon's numeral that is no article or pronoun:
             * `two Daughters,`) counts as a plural article. */
            bool plural_noun = !nouns && (lp & TQC_POS_NOUN) &&
                               !(lp & (TQC_POS_ADJ | TQC_POS_PROPN)) &&
                               (tok_in(ctx, CAP_PLURAL_ARTICLES, prev) ||
                                tqc_ctx_pos_lower(ctx, k - 1) == TQC_POS_NUM);
            /* An adjective and nothing else after a plural article before a lower-case
             * noun is that noun's (`os Últimos desenvolvimentos`): a name's adjective runs
             * on with its capitalised noun. */
            bool plural_adjective = !nouns && (lp & TQC_POS_ADJ) &&
                                    !(lp & ~(TQC_POS_ADJ | TQC_POS_VPART)) &&
                                    tok_in(ctx, CAP_PLURAL_ARTICLES, prev) && is_word(next) &&
                                    (next->flags & TQC_TF_LOWER) &&
                                    (tqc_ctx_pos_lower(ctx, k + 1) & TQC_POS_NOUN);
            /* A gerund before an article or a determiner is a verb with its object
             * (`a statement Showing the date`), no run-in heading. */
            bool gerund_with_object = !nouns && (lp & TQC_POS_VGER) && next_ok &&
                                      (tok_in(ctx, CAP_ARTICLES, next) ||
                                       tok_in(ctx, CAP_DETERMINERS, next));
            /* An adjective between a definite article and its noun, capitalised, may
             * open a name (`die Vereinten Nationen`) or be a slip (`das Offizielle
             * Archiv`): a hint, as the noun's own capital hides which. */
            bool attributive_name = nouns && (lp & TQC_POS_ADJ) &&
                                    tok_in(ctx, CAP_DEFINITE_ARTICLES, prev) &&
                                    attributive_before_noun(ctx, k);
            bool determined_slip = determined_noun && next_ok && !aside_next &&
                                   frequent_word(ctx, lower, n);
            /* A name of an institution, a place or an event after a definite article
             * capitalises its complement too (`el Banco de España`); a frequent common
             * noun whose complement after a preposition is in lower case heads a common
             * phrase (`la Lista dei pacchetti`, `la Respuesta a dicho riesgo`). */
            bool common_complement = !nouns && after_article && next_ok && !aside_next &&
                                     (lp & TQC_POS_NOUN) && !(lp & TQC_POS_PROPN) &&
                                     !tok_in(ctx, CAP_NAME_HEADS, t) &&
                                     frequent_word(ctx, lower, n) &&
                                     lower_complement(ctx, k + 1);
            if (name_entry && !coordinated) {
                /* a determined noun the dictionary also capitalises: a hint */
            }
            else if (lone_adjective && institution_adjective(ctx, words, k, lower, n))
                style = true; /* `Presidential appointments`: a hint */
            else if (determined_slip || lone_adjective || plural_noun || plural_adjective ||
                     gerund_with_object || coordinated || common_complement ||
                     (written_nearby(words, k, lower, n, TQC_TF_LOWER, 0, false) &&
                      !name_in_document(words, k, lower, n)))
                sev = TQC_SEV_WARNING;
            else if ((after_article && !attributive_name) || name_in_document(words, k, lower, n))
                return;
            else if (!nouns && !(tqc_ctx_pos_lower(ctx, k) & TQC_POS_VGER) &&
                     !tok_in(ctx, CAP_PREPOSITIONS, prev) && frequent_word(ctx, lower, n) &&
                     !written_nearby(words, k, tok_text(doc, t), tqc_span_len(t->span),
                                     TQC_TF_CAP, TQC_TF_SENT_START, true))
                sev = TQC_SEV_WARNING;
            else if ((clause_end || aside_next) && !determined_noun)
                return;
        }
    }
    /* German titles are written like sentences, and its nouns would make any paragraph
     * look title-cased. An auxiliary names nothing: written capitalised again after
     * lower-case words it is the same slip again, if it is a common word and no name
     * holds it; other verbs are capitalised again in menu labels and titles (`choisir
     * Configurer le RAID`), and other function words in the author's own terms (`the In
     * and Out system`, `Sushi was Out`). */
    size_t para = doc->sentences[t->sentence].paragraph;
    uint32_t lower_pos = tqc_ctx_pos_lower(ctx, k);
    bool verb_only = (lower_pos & TQC_POS_AUX) && tqc_ctx_pos(ctx, k) == 0 &&
                     !(lower_pos & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ)) &&
                     tqc_dict_freq(ctx->dict, lower, n) * CAP_COMMON_PER >=
                         tqc_dict_freq_total(ctx->dict);
    /* Where every noun is capitalised, a function word's capitalised neighbour is its
     * noun, no name (`enthält Eine Reihe`): nothing nearby makes it one. */
    if ((!capitalised_nouns(ctx) && title_case_para_memo(doc, memo, para)) ||
        (!(closed && capitalised_nouns(ctx)) && capitalised_nearby(doc, k, verb_only)) ||
        name_goes_on_lower(ctx, k))
        return;
    /* An item of a title-cased list with its aside (`as Correct (Hit), Incorrect`) says
     * nothing more than the list does. */
    if (aside_next && !capitalised_nouns(ctx) && capitalised_coordinate(ctx, k))
        return;
    /* Where nouns are capitalised, so are the items of a list of them. A word that opens
     * a link or other inline element (`see <a>Adopting a package</a>`, `<em>Enable
     * this</em>`) starts a title, a label or an example quoted as written, and so does
     * one inside such an element opened on a capital; a content word glued to a bracket,
     * a slash or a label's colon (`Packages(.gz)`, `Desktop/server`, `Version: 2`) names a
     * file, a field or one of a pair; a word that opens what an acronym spells out is
     * capitalised as the acronym is (`FTBFS: Fails to build from source`). */
    bool code_gap, opens, closes;
    gap_marks(doc, prev->span.end, t->span.start, &code_gap, &opens, &closes);
    if ((!capitalised_nouns(ctx) && capitalised_coordinate(ctx, k)) || opens ||
        (!closed && !listed && next->kind == TQC_TOK_PUNCT &&
         !(next->flags & TQC_TF_SPACE_BEFORE) &&
         (punct_is(doc, next, "(") || punct_is(doc, next, ":") || punct_is(doc, next, "/"))) ||
        inside_title_element(doc, doc->sentences[t->sentence].span.start, t->span.start) ||
        spells_acronym(ctx, k))
        sev = TQC_SEV_INFO;
    const char *w = tok_text(doc, t), *pw = tok_text(doc, prev);
    int wl = (int)tqc_span_len(t->span), pl = (int)tqc_span_len(prev->span);
    const char *id = ctx->pass->id;
    if (style)
        sev = TQC_SEV_INFO;
    tqc_finding *f = style
        ? tqc_emit(ctx->out, id, sev, t->span, "'%.*s' is capitalised mid-sentence: an "
                   "adjective of an office or institution, which an older or a house style "
                   "capitalises; modern style writes '%s'", wl, w, lower)
        : closed
        ? tqc_emit(ctx->out, id, sev, t->span, "'%.*s' is capitalised mid-sentence, but it "
                   "is a common function word here (after '%.*s'): write '%s'", wl, w, pl, pw,
                   lower)
        : listed
        ? tqc_emit(ctx->out, id, sev, t->span, "'%.*s' is capitalised mid-sentence after "
                   "'%.*s', where a verb form is expected, not a name: write '%s'", wl, w, pl,
                   pw, lower)
        : tqc_emit(ctx->out, id, sev, t->span, "'%.*s' is capitalised mid-sentence, but '%s' "
                   "is a common word (%s) and the article never uses it as a name: write '%s'",
                   wl, w, lower, pos_name(tqc_ctx_pos_lower(ctx, k)), lower);
    tqc_finding_suggest(ctx->out, f, lower, n);
    tqc_finding_fix(ctx->out, f, t->span, lower, n, false);
}

/* Words an opening prepositional phrase may have before its noun (`Nach dem langen`). */
#define CAP_PHRASE_WORDS 4

/* Whether the tokens before word k, from its sentence's start, are one phrase, the
 * clause's first part: a preposition (or one fused with its article: `Im`, `Am`), an
 * article or a determiner (`Die Polizei`, the subject or an object), then articles,
 * determiners or lower-case adjectives, then the noun at k - 1. */
static bool opening_phrase_before(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    size_t start = doc->sentences[doc->tokens[k].sentence].tok_first;
    if (k < start + 2 || k - start > CAP_PHRASE_WORDS + 1)
        return false;
    const tqc_token *first = &doc->tokens[start];
    if (!is_word(first) || !(tok_in(ctx, CAP_PREPOSITIONS, first) ||
                             tok_in(ctx, CAP_ARTICLES, first) ||
                             tok_in(ctx, CAP_DETERMINERS, first)))
        return false;
    for (size_t j = start + 1; j + 1 < k; j++) {
        const tqc_token *u = &doc->tokens[j];
        if (!is_word(u) || !(tok_in(ctx, CAP_ARTICLES, u) || tok_in(ctx, CAP_DETERMINERS, u) ||
                             ((u->flags & TQC_TF_LOWER) && (tqc_ctx_pos_lower(ctx, j) & TQC_POS_ADJ))))
            return false;
    }
    return true;
}

/* (a) where every noun is capitalised (German), a verb capitalised in the second place of
 * its clause: after a noun or a name that opens the clause and before the subject (a
 * word of `subject-openers`: `Seit Montag Gelten die Regeln`, `Im Sommer Gehen wir`).
 * The noun made of a verb's infinitive takes an article or a preposition before it
 * (`beim Schwimmen`), which the word after a noun has not; a form the lexicon knows in
 * lower case as anything but a verb (a noun, an adjective) is left alone, and so is a
 * pair of `proper-names` or `fixed-terms`. A capitalised word the lexicon lacks and the
 * dictionary knows is a noun there (a compound: `Sommerferien`). */
static void verb_second_capitalised(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (!capitalised_nouns(ctx) || k == 0 || k + 2 >= doc->token_count)
        return;
    const tqc_token *t = &doc->tokens[k], *prev = &doc->tokens[k - 1], *next = &doc->tokens[k + 1];
    if (!is_word(t) || !(t->flags & TQC_TF_CAP) || (t->flags & CAP_NOT_COMMON) ||
        !(t->flags & TQC_TF_SPACE_BEFORE) || !is_word(prev) || !(prev->flags & TQC_TF_CAP) ||
        (prev->flags & TQC_TF_ALLCAPS) || prev->sentence != t->sentence || !is_word(next) ||
        !(next->flags & (TQC_TF_LOWER | TQC_TF_CAP)) || !(next->flags & TQC_TF_SPACE_BEFORE) ||
        next->sentence != t->sentence)
        return;
    uint32_t lower = tqc_ctx_pos_lower(ctx, k), cap = tqc_ctx_pos(ctx, k);
    uint32_t before = tqc_ctx_pos(ctx, k - 1);
    if (!before && tqc_ctx_pos_lower(ctx, k - 1) == 0 && tqc_ctx_token_known(ctx, k - 1))
        before = TQC_POS_NOUN;
    if (!(lower & TQC_POS_VFIN) || (lower & ~(TQC_POS_VFIN | TQC_POS_VINF | TQC_POS_AUX)) ||
        (cap & ~TQC_POS_NOUN) || !(before & (TQC_POS_NOUN | TQC_POS_PROPN)))
        return;
    /* After a phrase that opens the sentence the verb comes second whatever its subject
     * (`Am Abend Sprach Weber vor dem Rat`, `Die Polizei Nahm`), when the form is only
     * finite (no infinitive to make a noun of) and nothing knows it capitalised. */
    bool after_phrase = !(lower & TQC_POS_VINF) && cap == 0 && opening_phrase_before(ctx, k) &&
                        !tqc_dict_name_entry(ctx->dict, tok_text(doc, t), tqc_span_len(t->span));
    /* After a noun phrase that opens the sentence (an article or a determiner first, no
     * preposition), the noun made of an infinitive has no place: it would take an article
     * of its own (`Die Anwohner Fordern seit Jahren`), so a finite form is the verb. */
    const tqc_token *opener = &doc->tokens[doc->sentences[t->sentence].tok_first];
    /* (its verb already there, or a genitive's article after it, the word is a noun in
     * apposition: `Der Begriff Quelle wird`, `Das Thema Wohnen der Zukunft`; a
     * conjunction may join two nouns made of verbs) */
    uint32_t after = tqc_ctx_pos_lower(ctx, k + 1);
    bool verb_noun = !after_phrase && cap == TQC_POS_NOUN && !(lower & TQC_POS_NOUN) &&
                     (next->flags & TQC_TF_LOWER) && !(after & (TQC_POS_VFIN | TQC_POS_AUX)) &&
                     !tok_in(ctx, CAP_ARTICLES, next) &&
                     (!(after & TQC_POS_CONJ) || (after & TQC_POS_PREP)) &&
                     !tok_in(ctx, CAP_PREPOSITIONS, opener) && opening_phrase_before(ctx, k);
    after_phrase = after_phrase || verb_noun;
    if (!after_phrase && (!(next->flags & TQC_TF_LOWER) || !tok_in(ctx, CAP_SUBJECT_OPENERS, next)))
        return;
    char pair[2 * CAP_MAX_WORD + 1];
    int pn = snprintf(pair, sizeof pair, "%.*s %.*s", (int)tqc_span_len(prev->span),
                      tok_text(doc, prev), (int)tqc_span_len(t->span), tok_text(doc, t));
    if (pn <= 0 || (size_t)pn >= sizeof pair ||
        tqc_lang_in(ctx->lang, "proper-names", pair, (size_t)pn) ||
        tqc_lang_in(ctx->lang, "fixed-terms", pair, (size_t)pn))
        return;
    char lw[CAP_MAX_WORD];
    size_t n = lower_tok(doc, t, lw);
    if (!n)
        return;
    int wl = (int)tqc_span_len(t->span);
    tqc_finding *f = verb_noun
        ? tqc_emit(ctx->out, ctx->pass->id, ctx->pass->severity, t->span,
                   "'%.*s' is capitalised in the second place of its clause, after the "
                   "phrase that opens it, where the verb stands (the noun made of it takes "
                   "an article): write '%s'", wl, tok_text(doc, t), lw)
        : tqc_emit(ctx->out, ctx->pass->id, ctx->pass->severity, t->span,
                   "'%.*s' is capitalised in the second place of its clause, "
                   "before its subject '%.*s', where the verb stands (the noun "
                   "made of it takes an article): write '%s'",
                   wl, tok_text(doc, t), (int)tqc_span_len(next->span),
                   tok_text(doc, next), lw);
    tqc_finding_suggest(ctx->out, f, lw, n);
    tqc_finding_fix(ctx->out, f, t->span, lw, n, false);
}

/* Whether the full stop after token k (a word) surely ends a sentence: the word is a
 * dictionary word and nothing suggests an abbreviation. Unknown words (`Messrs`, `nw`)
 * are not judged. */
static bool sentence_end_word(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *w = &ctx->doc->tokens[k];
    size_t len = tqc_span_len(w->span);
    const char *s = tok_text(ctx->doc, w);
    int32_t cp;
    char lower[CAP_MAX_WORD];
    size_t ll = lower_tok(ctx->doc, w, lower);
    /* Inner periods (e.g., a.m.) and single letters (initials) are abbreviations, and so
     * are units joined to a number (24-in., 3-hp.). */
    if (w->flags & (TQC_TF_PERIOD | TQC_TF_DIGIT) || tqc_text_decode(s, len, &cp) == len ||
        ll == 0)
        return false;
    /* A word the dictionary lacks ends a sentence too when the lexicon knows it
     * (`hardware`, a name as written: `June`) or it is long and in lower case
     * (`recompilando`, `spammers`): abbreviations are short, or listed below. Where nouns
     * are capitalised, the dictionary knows them only so (`Sommer`, never `sommer`): such
     * a noun ends sentences whatever its length. */
    bool name = (tqc_ctx_pos(ctx, k) & TQC_POS_PROPN) != 0;
    bool capital_noun = (w->flags & TQC_TF_CAP) && tqc_lang_yes(ctx->lang, "capitalised-nouns") &&
                        !tqc_ctx_token_known_lower(ctx, k) && tqc_ctx_token_known(ctx, k);
    if (!capital_noun && !tqc_ctx_token_known_lower(ctx, k) && !tqc_ctx_pos_lower(ctx, k) &&
        !name &&
        !((w->flags & TQC_TF_LOWER) && len >= CAP_UNKNOWN_END_BYTES))
        return false;
    if (tqc_lang_in(ctx->lang, "abbreviations", s, len) ||
        tqc_lang_in(ctx->lang, "abbreviations", lower, ll) ||
        tqc_lang_in(ctx->lang, "abbreviations-lower", lower, ll))
        return false;
    /* A short lower-case word without a vowel of the profile's `vowels` is a unit or an
     * abbreviation (`bbl. of`, `pkg. and`), as spelling takes such words for codes. */
    const char *vowels = tqc_lang_setting(ctx->lang, "vowels", NULL);
    char bare[CAP_MAX_WORD];
    size_t bn = vowels && (w->flags & TQC_TF_LOWER) && len <= CAP_ABBREV_BYTES
                    ? tqc_text_drop_mark(s, len, -1, bare, sizeof bare)
                    : 0;
    bool vowel = bn == 0;
    for (size_t i = 0; i < bn && !vowel; i++)
        vowel = strchr(vowels, bare[i]) != NULL;
    if (!vowel)
        return false;
    /* Capitalised short words before a period are titles, companies and states (Gen.,
     * Corp., Miss.); a capitalised word ends a sentence only when it is long, a noun
     * known only capitalised, or a name the lexicon holds that no abbreviation list has (a
     * month, a place, a person: `moved to June. the`). */
    if (w->flags & TQC_TF_CAP && len < 6 && !name && !capital_noun)
        return false;
    /* A short word after a number is a unit (60 mm. mortar); a word glued to the token
     * before it is the tail of a compound (24-in., lb./cu. ft.). */
    if (len <= 3 && k > 0 && ctx->doc->tokens[k - 1].kind == TQC_TOK_NUMBER)
        return false;
    if (!(w->flags & TQC_TF_SPACE_BEFORE) && !(w->flags & TQC_TF_PARA_START))
        return false;
    return true;
}

/* Function words and numbers looked through before a lower-case word (d): `de` in
 * `Plaza de Mayo`, `9 de` in `Avenida 9 de Julio`. */
#define CAP_NAME_LOOKBACK 3

/* Tokens looked through on each side of a word for another item of its list. */
#define CAP_LIST_ITEM_TOKENS 4

/* Whether an item of the list nationality word k stands in, past a comma, is a
 * nationality in lower case (`l'espagnol, le Japonais, le bokmål`): a list of
 * languages, not of peoples. */
static bool lower_nationality_listed(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_strmap *list = ((const cap_state *)ctx->state)->nationalities;
    for (int dir = -1; dir <= 1; dir += 2) {
        bool comma = false;
        size_t j = k;
        for (int n = 0; n < CAP_LIST_ITEM_TOKENS && step_in_sentence(doc, k, dir, &j); n++) {
            const tqc_token *u = &doc->tokens[j];
            if (punct_is(doc, u, ","))
                comma = true;
            else if (comma && is_word(u) && (u->flags & TQC_TF_LOWER) && tok_in_list(ctx, list, u))
                return true;
        }
    }
    return false;
}

/* (d) `el 5 de Marzo`: a word of `lower-case-words` capitalised mid-sentence. */
static void lower_case_word_capitalised(const tqc_ctx *ctx, title_memo *memo, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    if (!is_word(t) || !(t->flags & TQC_TF_CAP) || k == 0 ||
        (t->flags & (TQC_TF_ALLCAPS | TQC_TF_SENT_START | TQC_TF_PARA_START)) ||
        !(t->flags & TQC_TF_SPACE_BEFORE))
        return;
    char lower[CAP_MAX_WORD];
    size_t n = lower_tok(doc, t, lower);
    const cap_state *st = ctx->state;
    bool listed = n && tqc_strmap_get(st->lower_case_words, lower, n, NULL);
    bool nationality = n && !listed && tqc_strmap_get(st->nationalities, lower, n, NULL);
    if ((!listed && !nationality) || in_headed_name(ctx, k, true))
        return;
    /* A capitalised word after it makes a name of both (`Mardi Gras`, `Français Libres`). */
    if (k + 1 < doc->token_count && is_word(&doc->tokens[k + 1]) &&
        doc->tokens[k + 1].sentence == t->sentence && (doc->tokens[k + 1].flags & TQC_TF_CAP))
        return;
    const tqc_token *prev = &doc->tokens[k - 1];
    if (nationality) {
        /* After a lower-case word a nationality is an adjective (`le gouvernement
         * Français`) or the language (`in Inglese`); after an article or a determiner it
         * may be the people, which some languages capitalise (profile
         * `capitalised-demonyms`: French `les Français`). */
        if (!is_word(prev) || !(prev->flags & TQC_TF_LOWER) || prev->sentence != t->sentence ||
            (tqc_lang_yes(ctx->lang, "capitalised-demonyms") &&
             (tok_in(ctx, CAP_ARTICLES, prev) || tok_in(ctx, CAP_DETERMINERS, prev)) &&
             !lower_nationality_listed(ctx, k)))
            return;
    } else {
        /* Back over function words and numbers; a capital there begins a name, except a
         * function word that opens the sentence (`El 5 de Marzo`). Right after another
         * lower-case word it is a date or a day in running text (`partirons Mardi`). */
        size_t j = k, steps = 0;
        while (j > 0 && steps < CAP_NAME_LOOKBACK) {
            const tqc_token *p = &doc->tokens[j - 1];
            if (p->sentence != t->sentence)
                break;
            bool number = p->kind == TQC_TOK_NUMBER;
            bool function = is_word(p) && tok_in(ctx, CAP_FUNCTION_WORDS, p);
            if (!number && !function) {
                /* A sentence's first word is capitalised anyway: a verb there opens no
                 * name (`Llegaremos el Lunes`); anything else may (`Plaza de Mayo`). */
                uint32_t pos = (p->flags & TQC_TF_SENT_START) ? tqc_ctx_pos_lower(ctx, j - 1) : 0;
                bool verb_start = (pos & (TQC_POS_VFIN | TQC_POS_AUX)) &&
                                  !(pos & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ));
                if ((p->flags & TQC_TF_CAP) && !verb_start)
                    return;
                if (j == k && !(is_word(p) && ((p->flags & TQC_TF_LOWER) || verb_start)))
                    return;
                break;
            }
            if (function && (p->flags & TQC_TF_CAP) && !(p->flags & TQC_TF_SENT_START))
                return;
            j--;
            steps++;
        }
    }
    if (title_case_para_memo(doc, memo, doc->sentences[t->sentence].paragraph))
        return;
    /* An item of a list whose neighbouring item is capitalised too (`como Árabe,
     * Português Brasileiro, Alemão`) is title-cased on purpose, as in a menu: a hint. */
    tqc_severity sev = capitalised_coordinate(ctx, k) ? TQC_SEV_INFO : ctx->pass->severity;
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, sev, t->span,
                              "'%.*s' is capitalised mid-sentence, but this "
                              "language writes %s in lower case: write '%s'",
                              (int)tqc_span_len(t->span), tok_text(doc, t),
                              nationality ? "nationality adjectives" : "it", lower);
    tqc_finding_suggest(ctx->out, f, lower, n);
    tqc_finding_fix(ctx->out, f, t->span, lower, n, false);
}

/* What a piece of a sentence holds by the lexicon: a finite verb (or an auxiliary) that
 * is no article, preposition or conjunction as well; else, whether a lower-case word
 * the lexicon lacks leaves it open. */
typedef enum { PIECE_NO_VERB, PIECE_UNKNOWN, PIECE_VERB } piece_verb;

/* Tokens looked at on each side of a full stop: a sentence is seldom longer. */
#define CAP_PIECE_TOKENS 60

/* The verb of word tokens [from, to), read towards dir (+1 or -1) from `from`, stopping at
 * a sentence's end (a full stop, ! or ?), a paragraph's start or CAP_PIECE_TOKENS. */
static piece_verb piece_has_verb(const tqc_ctx *ctx, size_t from, int dir)
{
    const tqc_doc *doc = ctx->doc;
    const uint32_t closed = TQC_POS_DET | TQC_POS_PREP | TQC_POS_CONJ;
    piece_verb v = PIECE_NO_VERB;
    size_t k = from;
    for (int n = 0; n < CAP_PIECE_TOKENS && k < doc->token_count; n++) {
        const tqc_token *t = &doc->tokens[k];
        if (t->kind == TQC_TOK_PUNCT &&
            (punct_is(doc, t, ".") || punct_is(doc, t, "!") || punct_is(doc, t, "?")))
            break;
        if (is_word(t)) {
            uint32_t pos = tqc_ctx_pos_lower(ctx, k) | tqc_ctx_pos(ctx, k);
            /* A form that is also a noun or adjective is that after an article, a
             * preposition or an adjective (`des machines`, `the lights`). */
            const tqc_token *b = k > 0 ? &doc->tokens[k - 1] : NULL;
            uint32_t before = b && is_word(b) && b->sentence == t->sentence
                                  ? tqc_ctx_pos_lower(ctx, k - 1) : 0;
            bool nominal = (pos & (TQC_POS_NOUN | TQC_POS_ADJ)) &&
                           (before & (TQC_POS_DET | TQC_POS_PREP | TQC_POS_ADJ)) &&
                           !(before & (TQC_POS_VERB | TQC_POS_PRON));
            if ((pos & (TQC_POS_VFIN | TQC_POS_AUX)) && !(pos & closed) && !nominal)
                return PIECE_VERB;
            if (!pos && (t->flags & TQC_TF_LOWER))
                v = PIECE_UNKNOWN;
        }
        if (dir < 0 ? (t->flags & (TQC_TF_PARA_START | TQC_TF_SENT_START)) || k == 0
                    : k + 1 >= doc->token_count ||
                          (doc->tokens[k + 1].flags & TQC_TF_PARA_START))
            break;
        k = dir < 0 ? k - 1 : k + 1;
    }
    return v;
}

/* Tokens looked back through for an open bracket before a `?` or `!`. */
#define CAP_BRACKET_LOOKBACK 40

/* Whether a bracket opened before token k in its sentence is still open: an aside in
 * brackets goes on in lower case after its question (`(why? because …)`). */
static bool inside_brackets(const tqc_doc *doc, size_t k)
{
    int depth = 0;
    for (size_t j = k, n = 0; j > 0 && n < CAP_BRACKET_LOOKBACK; j--, n++) {
        const tqc_token *u = &doc->tokens[j - 1];
        if (u->sentence != doc->tokens[k].sentence && !(u->flags & TQC_TF_PARA_START) &&
            u->kind == TQC_TOK_WORD)
            break;
        if (punct_is(doc, u, ")"))
            depth--;
        else if (punct_is(doc, u, "(") && ++depth > 0)
            return true;
        if (u->flags & TQC_TF_PARA_START)
            break;
    }
    return false;
}

/* Whether token j is a pronoun that is no determiner or noun, read as written (`I`). */
static bool subject_pronoun(const tqc_ctx *ctx, size_t j)
{
    if (j >= ctx->doc->token_count || !is_word(&ctx->doc->tokens[j]))
        return false;
    uint32_t pos = (ctx->doc->tokens[j].flags & TQC_TF_LOWER) ? tqc_ctx_pos_lower(ctx, j)
                                                              : tqc_ctx_pos(ctx, j);
    return (pos & TQC_POS_PRON) && !(pos & (TQC_POS_DET | TQC_POS_NOUN));
}

/* Tokens looked at on each side of a mark for another run-on. */
#define CAP_RUN_ON_TOKENS 200

static bool is_question_mark(const tqc_doc *doc, size_t j)
{
    return punct_is(doc, &doc->tokens[j], "?") || punct_is(doc, &doc->tokens[j], "!");
}

/* Whether the word after the mark at token j runs on the way the one after the mark at k
 * does: in lower case, or the same word again (`But how? You will not … your door? you
 * will not`: the questions of one figure). */
static bool runs_on_alike(const tqc_doc *doc, size_t j, size_t k)
{
    const tqc_token *u = &doc->tokens[j + 1], *v = &doc->tokens[k + 1];
    if (!is_word(u))
        return false;
    return (u->flags & TQC_TF_LOWER) ||
           (is_word(v) && tqc_text_equal_fold(tok_text(doc, u), tqc_span_len(u->span),
                                              tok_text(doc, v), tqc_span_len(v->span)));
}

/* Whether the nearest `?` or `!` on either side of the mark at token k, in its paragraph
 * and within CAP_RUN_ON_TOKENS, runs on alike. Each side stops at the first mark, so a
 * paragraph of many stays linear. */
static bool question_run_on_again(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    size_t first, end;
    para_tokens(doc, doc->sentences[doc->tokens[k].sentence].paragraph, &first, &end);
    for (size_t j = k, n = 0; j > first && n < CAP_RUN_ON_TOKENS; n++)
        if (is_question_mark(doc, --j)) {
            if (runs_on_alike(doc, j, k))
                return true;
            break;
        }
    for (size_t j = k + 1, n = 0; j + 1 < end && n < CAP_RUN_ON_TOKENS; j++, n++)
        if (is_question_mark(doc, j))
            return runs_on_alike(doc, j, k);
    return false;
}

/* (b) `industry? this was`: a lower-case word after a question or exclamation mark
 * that ends a sentence (after a word the dictionary knows as written, which a brand
 * with its mark is not: `Yahoo!`; outside brackets). A question asked in
 * passing and then answered goes on in lower case nowhere in running prose, so the
 * capital is the fix; an opening quotation mark may stand between. */
static void lower_after_question(const tqc_ctx *ctx, size_t k, bool in_quote)
{
    const tqc_doc *doc = ctx->doc;
    if (k == 0 || k + 2 >= doc->token_count ||
        !(punct_is(doc, &doc->tokens[k], "?") || punct_is(doc, &doc->tokens[k], "!")))
        return;
    const tqc_token *mark = &doc->tokens[k], *next = &doc->tokens[k + 1];
    const tqc_token *gap = next;
    uint64_t role = quote_role(ctx, next);
    if ((role & CAP_QUOTE_OPENS) && (next->flags & TQC_TF_SPACE_BEFORE) &&
        !(doc->tokens[k + 2].flags & TQC_TF_SPACE_BEFORE))
        next = &doc->tokens[k + 2];
    /* French sets a space before the mark (`facture ?`). */
    if (!is_word(&doc->tokens[k - 1]) || (mark->flags & TQC_TF_NEWLINE_BEFORE) ||
        !is_word(next) || !(next->flags & TQC_TF_LOWER) ||
        !(gap->flags & TQC_TF_SPACE_BEFORE) ||
        (gap->flags & (TQC_TF_PARA_START | TQC_TF_NEWLINE_BEFORE)) ||
        !tqc_ctx_token_known(ctx, k - 1) || inside_brackets(doc, k) ||
        tqc_ctx_abbreviation_at(ctx, (size_t)(next - doc->tokens)))
        return;
    /* A capitalised word before the mark may be a title's (`Oklahoma! and`), unless
     * every noun is capitalised and it is one; a word alone before it is an interjection,
     * which may run on in lower case (`Attention ! tous`). */
    const tqc_token *before = &doc->tokens[k - 1];
    if ((!(before->flags & TQC_TF_LOWER) &&
         !(capitalised_nouns(ctx) && (tqc_ctx_pos(ctx, k - 1) & TQC_POS_NOUN) &&
           !(tqc_ctx_pos(ctx, k - 1) & TQC_POS_PROPN))) ||
        (before->flags & (TQC_TF_SENT_START | TQC_TF_PARA_START)))
        return;
    const char *ns = tok_text(doc, next);
    size_t nl = tqc_span_len(next->span);
    char capital[CAP_MAX_WORD];
    size_t cl = tqc_text_case(ns, nl, TQC_CASE_TITLE, capital, sizeof capital);
    /* Older prose goes on in lower case after a question or a cry (`What shall I do?
     * what ought I to do?`, `Dead letters! does it`, `Will you take it? or`): a
     * coordinating conjunction or a word only a verb after the mark, a word the
     * dictionary lacks (`zlib`), quoted speech (`"Why, how now? what next?"`), or the
     * paragraph running on so again is that style, a hint only. */
    size_t nk = (size_t)(next - doc->tokens);
    uint32_t npos = tqc_ctx_pos_lower(ctx, nk);
    bool style = in_quote || ((npos & TQC_POS_CONJ) && !tok_in(ctx, CAP_SUBORDINATORS, next)) || !npos ||
                 !tqc_ctx_token_known(ctx, nk) ||
                 ((npos & TQC_POS_VERB) && !(npos & (TQC_POS_DET | TQC_POS_PRON | TQC_POS_NOUN))) ||
                 /* a verb and its subject inverted: the quotation's tag (`thought I`) */
                 ((npos & TQC_POS_VERB) && subject_pronoun(ctx, nk + 1)) ||
                 question_run_on_again(ctx, k);
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, style ? TQC_SEV_INFO : ctx->pass->severity,
                              next->span, "a sentence starts in lower case after '%.*s': "
                              "write '%s'", (int)tqc_span_len(mark->span), tok_text(doc, mark),
                              cl ? capital : "a capital");
    if (cl) {
        tqc_finding_suggest(ctx->out, f, capital, cl);
        tqc_finding_fix(ctx->out, f, next->span, capital, cl, false);
    }
}

/* Words a paragraph needs before its lower-case start is read as prose broken off, not
 * a label, a code line or a list item. */
#define CAP_PROSE_MIN_WORDS 6

/* How the paragraph before a lower-case start ends. */
typedef enum { BEFORE_STOP, BEFORE_HEADING, BEFORE_RUNS_ON } para_before;

/* How the paragraph before p ends: on a comma, a colon, a semicolon or a dash (an item of
 * a list, a paragraph the scraper cut where the sentence runs on), on a bracket (an item's
 * label: `(2)`), or on a word after a finite verb (a sentence cut, a line of verse), p may
 * go on its sentence; on a word after no verb it is a heading or a label, after which
 * some corpora write the first word in lower case (the Brown corpus); else a sentence
 * ended. */
static para_before paragraph_before(const tqc_ctx *ctx, size_t p)
{
    const tqc_doc *doc = ctx->doc;
    size_t first, end;
    if (p == 0)
        return BEFORE_STOP;
    para_tokens(doc, p - 1, &first, &end);
    if (end == first)
        return BEFORE_STOP;
    const tqc_token *last = &doc->tokens[end - 1];
    if (last->kind != TQC_TOK_PUNCT)
        return piece_has_verb(ctx, end - 1, -1) != PIECE_NO_VERB ? BEFORE_RUNS_ON : BEFORE_HEADING;
    return punct_is(doc, last, ",") || punct_is(doc, last, ":") || punct_is(doc, last, ";") ||
                   punct_is(doc, last, "-") || punct_is(doc, last, "\xe2\x80\x93") ||
                   punct_is(doc, last, ")") || punct_is(doc, last, "]")
               ? BEFORE_RUNS_ON
               : BEFORE_STOP;
}

/* Whether paragraph p reads as prose: CAP_PROSE_MIN_WORDS words or more, and its last
 * token a sentence's end (a stop, `?`, `!`, or a closing quotation mark after one). */
static bool prose_paragraph(const tqc_ctx *ctx, size_t p)
{
    const tqc_doc *doc = ctx->doc;
    size_t first, end, words = 0;
    para_tokens(doc, p, &first, &end);
    for (size_t j = first; j < end && words < CAP_PROSE_MIN_WORDS; j++)
        words += is_word(&doc->tokens[j]);
    if (words < CAP_PROSE_MIN_WORDS)
        return false;
    size_t last = end - 1;
    if (last > first && (quote_role(ctx, &doc->tokens[last]) & CAP_QUOTE_CLOSES))
        last--;
    return punct_is(doc, &doc->tokens[last], ".") || punct_is(doc, &doc->tokens[last], "?") ||
           punct_is(doc, &doc->tokens[last], "!");
}

/* (b) a paragraph, or the quoted sentence that opens it, starting in lower case (`les
 * habitants ont protesté …`, `“nos quedamos …”`): the first letter of a sentence is a
 * capital in every language. Only a word the lexicon knows as a common word counts
 * (a program's or a brand's name keeps its lower case: `iPhone`, `npm`), in a paragraph
 * of prose that does not go on the one before it (a list after a colon, a sentence the
 * scraper cut in two: that is another fault, and its own first letter is right). */
static void lower_paragraph_start(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k], *opening = NULL;
    if (!(t->flags & TQC_TF_PARA_START))
        return;
    if ((quote_role(ctx, t) & CAP_QUOTE_OPENS) && k + 1 < doc->token_count &&
        !(doc->tokens[k + 1].flags & TQC_TF_SPACE_BEFORE)) {
        opening = t;
        t = &doc->tokens[k + 1];
        k++;
    }
    size_t para = doc->sentences[t->sentence].paragraph;
    if (!is_word(t) || !(t->flags & TQC_TF_LOWER) ||
        (t->flags & (TQC_TF_DIGIT | TQC_TF_PERIOD | TQC_TF_APOS)) ||
        (opening && doc->sentences[t->sentence].paragraph != para) ||
        !tqc_ctx_pos_lower(ctx, k) || !tqc_ctx_token_known(ctx, k) ||
        tqc_ctx_abbreviation_at(ctx, k) || !prose_paragraph(ctx, para) ||
        tqc_ctx_paragraph_is_heading(ctx, para))
        return;
    /* A label before a colon (`note: we have`) is no sentence. */
    if (k + 1 < doc->token_count && punct_is(doc, &doc->tokens[k + 1], ":"))
        return;
    const char *ns = tok_text(doc, t);
    char capital[CAP_MAX_WORD];
    size_t cl = tqc_text_case(ns, tqc_span_len(t->span), TQC_CASE_TITLE, capital, sizeof capital);
    if (!cl)
        return;
    /* A quoted sentence with its finite verb, opened by a function word (an article, a
     * pronoun, a preposition), after a sentence's end is one whose capital was lost;
     * after a heading, a verbless piece, or one
     * opened by a content word, may be an item of a list whose label the reader dropped
     * (`tension presser--consisting of …`), and a conjunction may go on a sentence cut
     * at a line break (`und in der Zeit …`): hints. */
    uint32_t pos = tqc_ctx_pos_lower(ctx, k);
    para_before before = paragraph_before(ctx, para);
    if (before == BEFORE_RUNS_ON)
        return;
    /* A quotation opening the paragraph is speech, whose first word is a sentence's; a
     * bare lower-case start after a stop is also what some corpora make of a paragraph
     * after a heading they dropped (the Brown corpus: `the Army, Navy and Air Force …`),
     * so it is a hint there. */
    bool sentence = opening && before == BEFORE_STOP && piece_has_verb(ctx, k, +1) == PIECE_VERB &&
                    tok_in(ctx, CAP_FUNCTION_WORDS, t) &&
                    !((pos & TQC_POS_CONJ) && !(pos & ~(TQC_POS_CONJ | TQC_POS_ADV)));
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, sentence ? ctx->pass->severity : TQC_SEV_INFO,
                              t->span, "a paragraph starts in lower case%s: write '%s'",
                              opening ? ", after its opening quotation mark" : "", capital);
    tqc_finding_suggest(ctx->out, f, capital, cl);
    tqc_finding_fix(ctx->out, f, t->span, capital, cl, false);
}

/* (b) `word. lower`: token k is the full stop. */
static void lower_after_full_stop(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (k == 0 || k + 1 >= doc->token_count || !punct_is(doc, &doc->tokens[k], "."))
        return;
    const tqc_token *w = &doc->tokens[k - 1], *dot = &doc->tokens[k], *next = &doc->tokens[k + 1];
    /* An opening quotation mark may stand between (`peace. “and the`): the sentence it
     * opens starts with a capital all the same. */
    const tqc_token *opening = NULL;
    uint64_t role = quote_role(ctx, next);
    /* A mark that also closes opens only when glued to the word after it; one that only
     * opens may be spaced (French `« nous`). */
    if ((role & CAP_QUOTE_OPENS) && k + 2 < doc->token_count &&
        (next->flags & TQC_TF_SPACE_BEFORE) && !(next->flags & TQC_TF_NEWLINE_BEFORE) &&
        (!(role & CAP_QUOTE_CLOSES) || !(doc->tokens[k + 2].flags & TQC_TF_SPACE_BEFORE))) {
        opening = next;
        next = &doc->tokens[k + 2];
    }
    const tqc_token *gap = opening ? opening : next;
    if ((w->kind != TQC_TOK_WORD && w->kind != TQC_TOK_NUMBER) ||
        (dot->flags & TQC_TF_SPACE_BEFORE) || !is_word(next) || !(next->flags & TQC_TF_LOWER) ||
        !(gap->flags & TQC_TF_SPACE_BEFORE) || (gap->flags & TQC_TF_PARA_START) ||
        (gap->flags & TQC_TF_NEWLINE_BEFORE))
        return;
    if (w->kind == TQC_TOK_WORD && !sentence_end_word(ctx, k - 1))
        return;
    /* German writes ordinals with a period (`am 3. ordentlichen Parteitag`); a number
     * and a stop opening a paragraph number a section or an item (`8.1.1. dpkg`). */
    if (w->kind == TQC_TOK_NUMBER &&
        (tqc_lang_yes(ctx->lang, "ordinal-period") ||
         (w->flags & TQC_TF_PARA_START)))
        return;
    /* A sentence may open with code the page left out (`main. <code>ekiga</code> is`):
     * its first word is then no sentence start. A word that opens an element (a
     * command's name in bold: `<b>dpkg</b> can`) and a stop that ends a linked or
     * quoted title (`see <a>Uploads.</a> should`) are hints only. */
    bool code_gap, marked, title_end;
    gap_marks(doc, dot->span.end, (opening ? opening : next)->span.start, &code_gap, &marked,
              &title_end);
    if (code_gap)
        return;
    marked = marked || title_end;
    const char *ws = tok_text(doc, w), *ns = tok_text(doc, next);
    int wl = (int)tqc_span_len(w->span), nl = (int)tqc_span_len(next->span);
    if (opening) {
        /* The quotation may be a sentence of its own: its first letter is the fault. */
        char capital[CAP_MAX_WORD];
        size_t cl = tqc_text_case(ns, (size_t)nl, TQC_CASE_TITLE, capital, sizeof capital);
        tqc_finding *f = TQC_EMIT(ctx, next->span, "a sentence starts in lower case after a "
                                  "full stop and an opening quotation mark: write '%s'",
                                  cl ? capital : "a capital");
        if (cl) {
            tqc_finding_suggest(ctx->out, f, capital, cl);
            tqc_finding_fix(ctx->out, f, next->span, capital, cl, false);
        }
        return;
    }
    tqc_span span = tqc_span_make(w->span.start, next->span.end);
    /* Two sentences each have a finite verb; a sentence broken in two leaves a piece
     * without one (`Dabei behält. es den Überblick`), or a word before the stop that ends
     * no sentence (`für. die`), or a noun or adjective going on after it (`vacation.
     * trips`): the join is the fix. A determiner or a pronoun opens a sentence (`. the`,
     * `. he`) when both pieces have their verb: the capital is. Anything else (a
     * preposition, conjunction, adverb or verb after the stop: `. but`, `. over 400`,
     * `. to pass`) opens sentences and goes on with them alike, and the lexicon cannot
     * tell which: both are named, and no fix is offered. */
    uint32_t pos = tqc_ctx_pos_lower(ctx, (size_t)(next - doc->tokens));
    uint32_t before = w->kind == TQC_TOK_WORD ? tqc_ctx_pos_lower(ctx, k - 1) : 0;
    const uint32_t ends = TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_ADV |
                          TQC_POS_PRON | TQC_POS_VERB | TQC_POS_NUM;
    const uint32_t opener = TQC_POS_DET | TQC_POS_PRON | TQC_POS_ADV | TQC_POS_PREP |
                            TQC_POS_CONJ | TQC_POS_VERB;
    piece_verb left = piece_has_verb(ctx, k - 1, -1);
    piece_verb right = piece_has_verb(ctx, (size_t)(next - doc->tokens), +1);
    bool join = left == PIECE_NO_VERB || right == PIECE_NO_VERB || (before && !(before & ends)) ||
                ((pos & (TQC_POS_NOUN | TQC_POS_ADJ)) && !(pos & opener));
    bool opens = !join && (pos & (TQC_POS_DET | TQC_POS_PRON)) &&
                 !(pos & (TQC_POS_PREP | TQC_POS_CONJ | TQC_POS_NOUN | TQC_POS_VERB)) &&
                 left == PIECE_VERB && right == PIECE_VERB;
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id,
                              marked ? TQC_SEV_INFO : ctx->pass->severity, span,
                              "a sentence starts in lower case after a full stop "
                              "('. %.*s'): %s", nl, ns,
                              join    ? "probably one sentence wrongly broken in two"
                              : opens ? "capitalise it, or join the two if it is one sentence "
                                        "broken in two"
                                      : "either one sentence wrongly broken in two, or a new "
                                        "one to capitalise");
    char joined[2 * CAP_MAX_WORD + 2], capital[CAP_MAX_WORD];
    size_t cl = tqc_text_case(ns, (size_t)nl, TQC_CASE_TITLE, capital, sizeof capital);
    if (!(join || opens) || (size_t)wl + (size_t)nl + 3 >= sizeof joined || cl == 0)
        return;
    char started[2 * CAP_MAX_WORD + 4];
    int jl = snprintf(joined, sizeof joined, "%.*s %.*s", wl, ws, nl, ns);
    int sl = snprintf(started, sizeof started, "%.*s. %s", wl, ws, capital);
    if (jl <= 0 || sl <= 0 || (size_t)sl >= sizeof started)
        return;
    const char *first = opens ? started : joined, *second = opens ? joined : started;
    size_t fl = (size_t)(opens ? sl : jl), sl2 = (size_t)(opens ? jl : sl);
    tqc_finding_suggest(ctx->out, f, first, fl);
    tqc_finding_fix(ctx->out, f, span, first, fl, false);
    tqc_finding_suggest(ctx->out, f, second, sl2);
}

/* (c) `north korean`: a name prefix before a word known only capitalised. Returns the
 * number of tokens consumed (0: nothing reported). */
static size_t lower_case_name_pair(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (k + 1 >= doc->token_count)
        return 0;
    const tqc_token *a = &doc->tokens[k], *b = &doc->tokens[k + 1];
    if (!is_word(a) || !is_word(b) || !(a->flags & TQC_TF_LOWER) || !(b->flags & TQC_TF_LOWER) ||
        !(b->flags & TQC_TF_SPACE_BEFORE) || a->sentence != b->sentence ||
        !tok_in_list(ctx, ((const cap_state *)ctx->state)->name_prefixes, a))
        return 0;
    char fixed[CAP_MAX_WORD], first[CAP_MAX_WORD];
    size_t al = tqc_span_len(a->span);
    if (!tqc_ctx_case_variant(ctx, k + 1, fixed, sizeof fixed) ||
        tqc_text_case(tok_text(doc, a), al, TQC_CASE_TITLE, first, sizeof first) == 0)
        return 0;
    char phrase[2 * CAP_MAX_WORD + 2];
    int n = snprintf(phrase, sizeof phrase, "%s %s", first, fixed);
    if (n <= 0 || (size_t)n >= sizeof phrase)
        return 0;
    tqc_span span = tqc_span_make(a->span.start, b->span.end);
    tqc_finding *f = TQC_EMIT(ctx, span, "proper name in lower case: '%.*s' is written '%s' "
                              "(the dictionary knows '%s' only with a capital)",
                              (int)tqc_span_len(span), tqc_doc_at(doc, span), phrase, fixed);
    tqc_finding_suggest(ctx->out, f, phrase, (size_t)n);
    tqc_finding_fix(ctx->out, f, span, phrase, (size_t)n, false);
    return 2;
}

/* The spans of the findings an earlier pass (missing-space) made, sorted by start, with
 * the largest end up to each: asking tqc_findings_overlap for every word scanned every
 * finding, quadratic on a long text with many of them. ok false: ask it after all. */
typedef struct span_index {
    tqc_span *spans;
    size_t *max_end;
    size_t n;
    bool ok;
} span_index;

static int cmp_span_start(const void *pa, const void *pb)
{
    const tqc_span *a = pa, *b = pb;
    return a->start < b->start ? -1 : a->start > b->start;
}

static void span_index_build(span_index *ix, const tqc_findings *list, const char *rule)
{
    *ix = (span_index){0};
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++)
        n += strcmp(list->items[i].rule, rule) == 0;
    ix->spans = n ? tqc_malloc(n * sizeof *ix->spans) : NULL;
    ix->max_end = n ? tqc_malloc(n * sizeof *ix->max_end) : NULL;
    if (n && (!ix->spans || !ix->max_end)) {
        free(ix->spans);
        free(ix->max_end);
        *ix = (span_index){0};
        return;
    }
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i].rule, rule) == 0)
            ix->spans[ix->n++] = list->items[i].span;
    if (ix->n)
        qsort(ix->spans, ix->n, sizeof *ix->spans, cmp_span_start);
    for (size_t i = 0; i < ix->n; i++)
        ix->max_end[i] = i && ix->max_end[i - 1] > ix->spans[i].end ? ix->max_end[i - 1]
                                                                     : ix->spans[i].end;
    ix->ok = true;
}

/* Whether a span of the index overlaps span (a non-empty token's). */
static bool span_index_overlaps(const span_index *ix, tqc_span span)
{
    size_t lo = 0, hi = ix->n;     /* the spans starting before span ends: [0, lo) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->spans[mid].start < span.end)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && ix->max_end[lo - 1] > span.start;
}

/* The dictionary of the next language of the profile's `loan-languages` at *list
 * (advanced past it), skipping those not loaded; NULL at the list's end. */
static tqc_dict *next_loan_dict(const tqc_ctx *ctx, const char **list)
{
    while (ctx->langs && *list && **list) {
        *list += strspn(*list, " ");
        size_t cl = strcspn(*list, " ");
        const char *at = *list;
        char code[16];
        if (cl == 0)
            break;
        *list += cl;
        if (cl < sizeof code) {
            memcpy(code, at, cl);
            code[cl] = '\0';
            size_t i = tqc_langid_find(ctx->langs, code);
            if (i < tqc_langid_count(ctx->langs) && tqc_langid_dict(ctx->langs, i))
                return tqc_langid_dict(ctx->langs, i);
        }
    }
    return NULL;
}

/* Whether a language of the profile's `loan-languages` knows the word w (n bytes) as
 * written: an English loanword in lower case (`firewall`) is the spelling pass's hint. */
static bool loanword(const tqc_ctx *ctx, const char *w, size_t n)
{
    const char *list = tqc_lang_setting(ctx->lang, "loan-languages", NULL);
    for (tqc_dict *d; (d = next_loan_dict(ctx, &list)) != NULL;)
        if (tqc_dict_known(d, w, n))
            return true;
    return false;
}

/* Whether a loan language's dictionary (profile `loan-languages`) knows w (n bytes, in
 * lower case) only with its first letter capitalised (`unix`: English `Unix`): a name in
 * the language it comes from too. */
static bool loan_name_only(const tqc_ctx *ctx, const char *w, size_t n)
{
    const char *list = tqc_lang_setting(ctx->lang, "loan-languages", NULL);
    char title[CAP_MAX_WORD], fixed[CAP_MAX_WORD];
    size_t tl = tqc_text_case(w, n, TQC_CASE_TITLE, title, sizeof title);
    if (!tl || tl >= sizeof title)
        return false;
    for (tqc_dict *d; (d = next_loan_dict(ctx, &list)) != NULL;)
        if (tqc_dict_case_variant(d, w, n, fixed, sizeof fixed) && strlen(fixed) == tl &&
            memcmp(fixed, title, tl) == 0)
            return true;
    return false;
}

/* Where every noun is capitalised, whether lower-case token k, which the dictionary
 * knows and the lexicon as a finite verb's form alone (`ernte`; an infinitive closes a
 * clause after a particle spelt as a preposition, `mit einschließen`) and whose
 * capitalised form (title, tl bytes) the lexicon holds as a common noun only, stands
 * where a noun does: after a determiner that is no definite article (a definite article
 * is a relative pronoun as often: `die ernten`) or a preposition that is no conjunction
 * too (`seit`), never after `zu`, and not before an object (`Sie alle folgen dem`):
 * `ihre ernte verloren`. */
static bool known_verb_in_noun_place(const tqc_ctx *ctx, size_t k, const char *title, size_t tl)
{
    const tqc_doc *doc = ctx->doc;
    if (k + 1 >= doc->token_count)
        return false;
    const tqc_token *prev = &doc->tokens[k - 1], *next = &doc->tokens[k + 1];
    uint32_t low = tqc_ctx_pos(ctx, k), before = tqc_ctx_pos_lower(ctx, k - 1);
    return capitalised_nouns(ctx) && tqc_ctx_token_known(ctx, k) && low == TQC_POS_VFIN &&
           !(is_word(next) && !(tqc_ctx_pos_lower(ctx, k + 1) & TQC_POS_PREP) &&
             (tok_in(ctx, CAP_ARTICLES, next) || tok_in(ctx, CAP_DETERMINERS, next) ||
              (tqc_ctx_pos_lower(ctx, k + 1) & TQC_POS_PRON))) &&
           tqc_lex_pos(tqc_lang_lexicon(ctx->lang), title, tl) == TQC_POS_NOUN &&
           is_word(prev) && (prev->flags & TQC_TF_LOWER) &&
           prev->sentence == doc->tokens[k].sentence && !tok_in(ctx, CAP_VERB_MARKERS, prev) &&
           ((tok_in(ctx, CAP_DETERMINERS, prev) && !tok_in(ctx, CAP_DEFINITE_ARTICLES, prev)) ||
            (tok_in(ctx, CAP_PREPOSITIONS, prev) && !(before & TQC_POS_CONJ)));
}

/* (c) `sunday`, `boston`: one word of a name in lower case. The evidence is the
 * lexicon's: it writes the word only capitalised (`Sunday`, `Boston`) and knows no
 * lower-case form, and the dictionary agrees. A word the lexicon knows in lower case is a
 * common word as well (`grey`, `march`, `may`): nothing is said. Where every noun is
 * capitalised, the capitalised form must be a proper noun and no common noun. Returns
 * whether it reported. */
static bool lower_case_single_name(const tqc_ctx *ctx, const span_index *glued,
                                   word_index *words, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    size_t len = tqc_span_len(t->span);
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    if (!lex || k == 0 || !is_word(t) || !(t->flags & TQC_TF_LOWER) || len < 3 || len >= CAP_MAX_WORD ||
        (t->flags & (TQC_TF_SENT_START | TQC_TF_PARA_START | TQC_TF_PERIOD | TQC_TF_DIGIT)))
        return false;
    const char *w = tok_text(doc, t);
    /* A word quoted alone is mentioned as written (`set it to 'italian'`), not used. */
    if (k + 1 < doc->token_count && !(t->flags & TQC_TF_SPACE_BEFORE) &&
        !(doc->tokens[k + 1].flags & TQC_TF_SPACE_BEFORE) &&
        (tqc_ctx_mark(ctx, k - 1, TQC_QUOTE_ROLES_QUOTES) & (TQC_MARK_OPENS | TQC_MARK_APOSTROPHE)) &&
        (tqc_ctx_mark(ctx, k + 1, TQC_QUOTE_ROLES_QUOTES) & (TQC_MARK_CLOSES | TQC_MARK_APOSTROPHE)))
        return false;
    /* `klomatix.org`, `debian/rules`, `/debian`, `comp.os.linux.*`: a piece of a host,
     * a path or a file name keeps its own lower case. */
    const char *host = w + len, *text_end = doc->text + doc->len;
    if ((host + 1 < text_end && host[0] == '.' &&
         ((host[1] >= 'a' && host[1] <= 'z') || host[1] == '*')) ||
        (host < text_end && host[0] == '/') ||
        (w > doc->text && (w[-1] == '/' || w[-1] == '.')))
        return false;
    char fixed[CAP_MAX_WORD];
    /* A name the dictionary lacks in every case (`microsoft` in Italian) has the
     * lexicon's proper noun alone, which a word of a loan language's dictionary
     * (`windows`) or of the article's own lower-case usage may also be: only the
     * article's capitalised use makes it a warning (below). */
    bool lexicon_only = false, loan_name = false;
    if (!tqc_ctx_case_variant(ctx, k, fixed, sizeof fixed)) {
        size_t tl = tqc_text_case(w, len, TQC_CASE_TITLE, fixed, sizeof fixed);
        bool verb_noun = tl && tl < sizeof fixed && known_verb_in_noun_place(ctx, k, fixed, tl);
        if (!verb_noun && (!tl || tl >= sizeof fixed || tqc_ctx_pos(ctx, k) != 0 ||
                           tqc_ctx_token_known(ctx, k) ||
                           !(tqc_lex_pos(lex, fixed, tl) & TQC_POS_PROPN)))
            return false;
        fixed[tl] = '\0';
        if (!verb_noun) {
            /* A name the loan language's dictionary knows only capitalised (`unix`:
             * English `Unix`) has the dictionary's evidence all the same. */
            lexicon_only = !loan_name_only(ctx, w, len);
            /* A loan language's common word (`windows`) is this language's name only
             * where the article writes the name capitalised inside a sentence and never
             * this word in lower case again (below). */
            loan_name = loanword(ctx, w, len);
            if (loan_name && capitalised_nouns(ctx))
                return false;
        }
    }
    size_t fl = strlen(fixed);
    uint32_t cap = tqc_lex_pos(lex, fixed, fl), low = tqc_ctx_pos(ctx, k);
    /* A lower-case form the lexicon holds with no reading its capitalised form lacks (a
     * proper noun's being a noun) is that name lower-cased by the lexicon's source
     * (`sunday`, `turkish`), when the dictionary knows the word only capitalised; one
     * with a reading of its own is a common word as well. */
    uint32_t cap_readings = cap | (cap & TQC_POS_PROPN ? TQC_POS_NOUN : 0);
    /* Where every noun is capitalised, a verb's form after an article, a determiner or a
     * preposition is a noun, the verb's or another's (`von winkeln`: `Winkeln`). */
    const tqc_token *before_word = &doc->tokens[k - 1];
    bool verb_in_noun_place =
        capitalised_nouns(ctx) && low && (cap & TQC_POS_NOUN) &&
        !(low & ~(TQC_POS_VINF | TQC_POS_VFIN)) && is_word(before_word) &&
        before_word->sentence == t->sentence && !tok_in(ctx, CAP_VERB_MARKERS, before_word) &&
        (tok_in(ctx, CAP_ARTICLES, before_word) || tok_in(ctx, CAP_DETERMINERS, before_word) ||
         tok_in(ctx, CAP_PREPOSITIONS, before_word));
    if (low && (!cap || (low & ~cap_readings)) && !verb_in_noun_place)
        return false;
    /* The lexicon's lower-case form may be a common word all the same (`letterman`):
     * only the article's own capitalised use makes it a warning. An acronym (`BOT`) is
     * no name lower-cased. */
    int32_t c1 = 0, c2 = 0;
    size_t l1 = tqc_text_decode(fixed, fl, &c1);
    if ((low || !cap) && l1 && l1 < fl && tqc_text_decode(fixed + l1, fl - l1, &c2) &&
        tqc_text_is_upper(c2))
        return false;
    /* With the dictionary's word alone (`diem`: `Diem`), a name needs the article's own
     * capitalised use as well; a noun where every noun is capitalised needs its place
     * (below). */
    bool used = written_nearby(words, k, fixed, fl, TQC_TF_CAP, 0, false);
    if (!cap && !low && !used && !capitalised_nouns(ctx))
        return false;
    if (loan_name && (!written_nearby(words, k, fixed, fl, TQC_TF_CAP,
                                      TQC_TF_SENT_START | TQC_TF_PARA_START, false) ||
                      written_nearby(words, k, w, len, 0, 0, true)))
        return false;
    /* A name's other word capitalised after it makes the name plain (`microsoft
     * Office`, `microsoft Windows`). */
    const tqc_token *after_name = k + 1 < doc->token_count ? &doc->tokens[k + 1] : NULL;
    bool name_goes_on = after_name && is_word(after_name) && after_name->sentence == t->sentence &&
                        (after_name->flags & TQC_TF_CAP) && (after_name->flags & TQC_TF_SPACE_BEFORE) &&
                        !(after_name->flags & (TQC_TF_ALLCAPS | TQC_TF_DIGIT)) && cap &&
                        !(cap & TQC_POS_NOUN) && !capitalised_nouns(ctx);
    /* Written in lower case again inside a sentence, the word is the document's own
     * term as it writes it (a program, a code name: `sid`, `perl`): a hint only. */
    bool lower_again = written_nearby(words, k, w, len, TQC_TF_LOWER,
                                      TQC_TF_SENT_START | TQC_TF_PARA_START, true);
    tqc_severity sev = ((!low && !lexicon_only) || used || name_goes_on || verb_in_noun_place) &&
                               !lower_again
                           ? TQC_SEV_WARNING
                           : TQC_SEV_INFO;
    /* Where every noun is capitalised, a common noun counts too, in a noun's place: after
     * an article, a determiner or a preposition (`dem ausgang`, `jedes werkzeug`); the
     * lower-case twin of a noun is as often a verb or an adjective the lexicon lacks. */
    /* The lexicon may lack both forms (a compound, a loanword: `selbstreplikation`,
     * `router`, `linux`): the dictionary's knowing the word only capitalised is the
     * evidence then, and where every noun is capitalised it is a noun's, in a noun's
     * place. */
    bool noun = false;
    if (capitalised_nouns(ctx) && (!cap || ((cap & TQC_POS_NOUN) && !(cap & TQC_POS_PROPN)))) {
        const tqc_token *prev = &doc->tokens[k - 1];
        /* An adjective before it makes a noun's place too (`die beschriebene
         * konfiguration`), when the lexicon knows it only as an adjective and the word as
         * a noun (an adverb's reading is a verb's: `das wirklich hochskalieren`); so
         * does a determiner by the lexicon (`seiner vergangenheit`). */
        uint32_t before = is_word(prev) ? tqc_ctx_pos_lower(ctx, k - 1) : 0;
        /* Known to the dictionary alone, it is no noun before a capitalised one (an
         * adjective the dictionary lacks: `ein supermassives Schwarzes`) or after the
         * particle of an infinitive (`zu hochskalieren`). */
        const tqc_token *after = &doc->tokens[k + 1 < doc->token_count ? k + 1 : k];
        if (!cap && ((k + 1 < doc->token_count && is_word(after) && (after->flags & TQC_TF_CAP) &&
                      after->sentence == t->sentence) ||
                     tok_in(ctx, CAP_VERB_MARKERS, prev)))
            return false;
        bool adj_before = (prev->flags & TQC_TF_LOWER) && (before & TQC_POS_ADJ) &&
                          !(before & ~(TQC_POS_ADJ | TQC_POS_VFIN | TQC_POS_VINF | TQC_POS_DET));
        /* A loan language's word (`switch`) is no slip in lower case, unless an
         * adjective of this language (by the lexicon, or a known word with an
         * adjective's ending), itself no loan word, comes before it:
         * the phrase is this language's (`die ältere distribution`). */
        bool adj_like = adj_before || ((prev->flags & TQC_TF_LOWER) && !before &&
                                       tqc_ctx_token_known(ctx, k - 1) && noun_ending(ctx, k - 1));
        bool loan = loanword(ctx, w, len) &&
                    !(adj_like && !loanword(ctx, tok_text(doc, prev), tqc_span_len(prev->span)));
        noun = is_word(prev) && prev->sentence == t->sentence &&
               (tok_in(ctx, CAP_ARTICLES, prev) || tok_in(ctx, CAP_DETERMINERS, prev) ||
                tok_in(ctx, CAP_PREPOSITIONS, prev) ||
                ((prev->flags & TQC_TF_LOWER) && (before & TQC_POS_DET) &&
                 !(before & (TQC_POS_VERB | TQC_POS_NOUN))) ||
                (cap && (prev->flags & TQC_TF_LOWER) && !loan &&
                 (adj_before ||
                  /* an inflected adjective the lexicon lacks (`die üblichste lösung`) */
                  (!before && tqc_ctx_token_known(ctx, k - 1)))) ||
                /* unknown to the lexicon, the dictionary's word written only capitalised
                 * after a word with an adjective's ending, an adjective of the lexicon
                 * (`spezieller skripte`; not `das wirklich hochskalieren`) or a word it
                 * lacks (`grafische arbeitsfläche`) */
                (!cap && !low && !loan &&
                 (prev->flags & TQC_TF_LOWER) && noun_ending(ctx, k - 1) &&
                 (adj_before || (!before && tqc_ctx_token_known(ctx, k - 1)))));
        if (!noun)
            return false;
    }
    /* Words run together read as a name (`ina`: `in a`) are missing-space's. */
    if (glued->ok ? span_index_overlaps(glued, t->span)
                  : tqc_findings_overlap(ctx->out, "missing-space", t->span))
        return false;
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, sev, t->span,
                              "%s in lower case: '%.*s' is written '%s'",
                              noun ? "noun" : "proper name", (int)len, w, fixed);
    tqc_finding_suggest(ctx->out, f, fixed, fl);
    tqc_finding_fix(ctx->out, f, t->span, fixed, fl, false);
    return true;
}

/* (c) `unix`, `montpellier`: a word neither the dictionary nor the lexicon knows, which
 * the article writes capitalised inside its sentences nearby (`Unix`): the name it uses,
 * written in lower case. Returns whether it reported. */
static bool lower_case_used_name(const tqc_ctx *ctx, const span_index *glued, word_index *words,
                                 size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    size_t len = tqc_span_len(t->span);
    if (k == 0 || !is_word(t) || !(t->flags & TQC_TF_LOWER) || len < 3 || len >= CAP_MAX_WORD ||
        (t->flags & (TQC_TF_SENT_START | TQC_TF_PARA_START | TQC_TF_PERIOD | TQC_TF_DIGIT |
                     TQC_TF_APOS)) ||
        tqc_ctx_pos(ctx, k) != 0 || tqc_ctx_token_known(ctx, k))
        return false;
    const char *w = tok_text(doc, t);
    char fixed[CAP_MAX_WORD];
    size_t fl = tqc_text_case(w, len, TQC_CASE_TITLE, fixed, sizeof fixed);
    /* Written in lower case elsewhere too, both are the article's usage (a package
     * and its program, `postfix`), not a slip. */
    if (!fl || !written_nearby(words, k, fixed, fl, TQC_TF_CAP,
                               TQC_TF_SENT_START | TQC_TF_PARA_START, false) ||
        written_nearby(words, k, w, len, 0, 0, true) ||
        (glued->ok ? span_index_overlaps(glued, t->span)
                   : tqc_findings_overlap(ctx->out, "missing-space", t->span)))
        return false;
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, t->span,
                              "proper name in lower case? '%.*s' is written '%.*s' elsewhere "
                              "in the article", (int)len, w, (int)fl, fixed);
    tqc_finding_suggest(ctx->out, f, fixed, fl);
    tqc_finding_fix(ctx->out, f, t->span, fixed, fl, false);
    return true;
}

/* (c) `die linzer Polizei`: an adjective made of a place's name with an ending of
 * the profile's `place-adjective-endings` (German `-er`), which is written capitalised
 * however it is used, in lower case before its noun. The place is a name the dictionary
 * or the lexicon knows (`Linz`); a word the dictionary or the lexicon knows in lower case
 * is a common word of the same spelling (`kinder`, `leider`) and is left alone. Returns
 * whether it reported. */
static bool lower_place_adjective(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    size_t len = tqc_span_len(t->span);
    if (k == 0 || k + 1 >= doc->token_count || !is_word(t) ||
        !(t->flags & TQC_TF_LOWER) || len < 5 || len >= CAP_MAX_WORD ||
        (t->flags & (TQC_TF_SENT_START | TQC_TF_PARA_START | TQC_TF_HYPHEN)))
        return false;
    /* (looked up after the token's own tests: a setting is a map lookup per call) */
    const char *endings = tqc_lang_setting(ctx->lang, "place-adjective-endings", NULL);
    if (!endings)
        return false;
    const tqc_token *noun = &doc->tokens[k + 1];
    const char *w = tok_text(doc, t);
    if (!is_word(noun) || !(noun->flags & TQC_TF_CAP) || (noun->flags & TQC_TF_ALLCAPS) ||
        noun->sentence != t->sentence || tqc_ctx_pos_lower(ctx, k) || tqc_ctx_pos(ctx, k) ||
        tqc_dict_known(ctx->dict, w, len))
        return false;
    char fixed[CAP_MAX_WORD];
    size_t fl = tqc_text_case(w, len, TQC_CASE_TITLE, fixed, sizeof fixed);
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    while (fl && *endings) {
        size_t el = strcspn(endings, " ");
        if (el && el + 3 <= fl && memcmp(fixed + fl - el, endings, el) == 0 &&
            (tqc_dict_name_entry(ctx->dict, fixed, fl - el) ||
             (lex && (tqc_lex_pos(lex, fixed, fl - el) & TQC_POS_PROPN)))) {
            tqc_finding *f = TQC_EMIT(ctx, t->span, "proper adjective in lower case: '%.*s', "
                                      "made of the place '%.*s', is written '%.*s'", (int)len,
                                      w, (int)(fl - el), fixed, (int)fl, fixed);
            tqc_finding_suggest(ctx->out, f, fixed, fl);
            tqc_finding_fix(ctx->out, f, t->span, fixed, fl, false);
            return true;
        }
        endings += el;
        endings += strspn(endings, " ");
    }
    return false;
}

/* (c) `sull'etna`: the word after an elided article or preposition of `elisions`, glued
 * to it by the apostrophe, in lower case though it is a name. The token as a whole is no
 * dictionary word, so the rest is weighed alone: a name and no common word, or a common
 * word the article writes capitalised elsewhere inside a sentence. Returns whether it
 * reported. */
static bool lower_name_after_elision(const tqc_ctx *ctx, word_index *words, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    size_t len = tqc_span_len(t->span);
    if (!is_word(t) || !(t->flags & TQC_TF_APOS) || !(t->flags & TQC_TF_LOWER) ||
        (t->flags & (TQC_TF_HYPHEN | TQC_TF_DIGIT)) || len >= CAP_MAX_WORD)
        return false;
    const char *w = tok_text(doc, t);
    size_t a = 0, apos = 0;
    for (; a < len; a++) {
        if (w[a] == '\'') {
            apos = 1;
            break;
        }
        if (a + 3 <= len && memcmp(w + a, "\xE2\x80\x99", 3) == 0) {
            apos = 3;
            break;
        }
    }
    const char *rest = w + a + apos;
    size_t rl = apos ? len - a - apos : 0;
    name_reading r;
    if (rl < 3 || !tqc_lang_in(ctx->lang, "elisions", w, a) || !read_as_name(ctx, rest, rl, &r) ||
        (r.common && !written_nearby(words, k, r.fixed, r.len, TQC_TF_CAP,
                                     TQC_TF_SENT_START | TQC_TF_PARA_START, false)))
        return false;
    char fixed[2 * CAP_MAX_WORD];
    int n = snprintf(fixed, sizeof fixed, "%.*s%s", (int)(a + apos), w, r.fixed);
    if (n <= 0 || (size_t)n >= sizeof fixed)
        return false;
    tqc_finding *f = TQC_EMIT(ctx, t->span, "proper name in lower case after an elided "
                              "article: '%.*s' is written '%s'", (int)len, w, fixed);
    tqc_finding_suggest(ctx->out, f, fixed, (size_t)n);
    tqc_finding_fix(ctx->out, f, t->span, fixed, (size_t)n, false);
    return true;
}

/* Whether token u is a word capitalised inside its sentence (not an acronym). */
static bool capitalised_inside(const tqc_token *u, const tqc_token *t)
{
    return is_word(u) && (u->flags & TQC_TF_CAP) && u->sentence == t->sentence &&
           !(u->flags & (TQC_TF_ALLCAPS | TQC_TF_DIGIT | TQC_TF_SENT_START | TQC_TF_PARA_START));
}

/* Whether the text within CAP_NEARBY_BYTES of span writes the two words a (al bytes)
 * and b (bl bytes) as one phrase, a space between them, b ending a word. */
static bool phrase_nearby(const tqc_doc *doc, tqc_span span, const char *a, size_t al,
                          const char *b, size_t bl)
{
    size_t lo = span.start > CAP_NEARBY_BYTES ? span.start - CAP_NEARBY_BYTES : 0;
    size_t hi = span.end + CAP_NEARBY_BYTES < doc->len ? span.end + CAP_NEARBY_BYTES : doc->len;
    size_t n = al + 1 + bl;
    for (size_t i = lo; i + n <= hi; i++) {
        const char *at = doc->text + i;
        int32_t after = 0;
        if (at[0] == a[0] && memcmp(at, a, al) == 0 && at[al] == ' ' &&
            memcmp(at + al + 1, b, bl) == 0 &&
            (i + n == doc->len || !tqc_text_decode(at + n, doc->len - i - n, &after) ||
             !tqc_text_is_letter(after)) &&
            (i == 0 || !(isalnum((unsigned char)at[-1]) || (unsigned char)at[-1] >= 0x80)))
            return true;
    }
    return false;
}

/* Whether lower-case word k stands between two capitalised words of its sentence: a
 * name's own particle or linking word, kept in lower case (`Ludwig van Beethoven`). */
static bool links_capitalised(const tqc_doc *doc, size_t k)
{
    const tqc_token *t = &doc->tokens[k];
    return k + 1 < doc->token_count && capitalised_inside(&doc->tokens[k + 1], t) &&
           (doc->tokens[k + 1].flags & TQC_TF_SPACE_BEFORE);
}

/* (c) `Ciudad real`, `São paulo`: a name in lower case right after a word capitalised
 * inside its sentence, the name that word begins going on. A name the lexicon and the
 * dictionary know as no common word is reported, unless the article writes it in lower
 * case again. A common word of the same spelling after a capitalised word is most often
 * that word (`the Boston house`, `the Labour party`): it is reported only where the
 * article writes the same two words capitalised elsewhere (`Santa Rosa`). A word
 * between two capitalised ones is the name's particle. Where every noun is capitalised
 * the word before must be no noun. Returns whether it reported. */
static bool lower_name_in_run(const tqc_ctx *ctx, const span_index *glued, word_index *words,
                              size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    size_t len = tqc_span_len(t->span);
    if (k == 0 || !is_word(t) || !(t->flags & TQC_TF_LOWER) || !(t->flags & TQC_TF_SPACE_BEFORE) ||
        len < 3 || len >= CAP_MAX_WORD ||
        (t->flags & (TQC_TF_SENT_START | TQC_TF_PARA_START | TQC_TF_PERIOD | TQC_TF_DIGIT |
                     TQC_TF_APOS | TQC_TF_HYPHEN)))
        return false;
    const tqc_token *prev = &doc->tokens[k - 1];
    const char *w = tok_text(doc, t);
    size_t pl = tqc_span_len(prev->span);
    name_reading r;
    if (!capitalised_inside(prev, t) || prev->span.end + 1 != t->span.start ||
        (capitalised_nouns(ctx) && (tqc_ctx_pos(ctx, k - 1) & TQC_POS_NOUN)) ||
        links_capitalised(doc, k))
        return false;
    /* Where every noun is capitalised, a word the dictionary knows only capitalised
     * after a capitalised word the lexicon has as no noun (`Angela`, `Sankt`: a name)
     * is the name's next word, or a noun: in lower case either way (a loan language's
     * word is neither: `exports`). */
    if (!read_as_name(ctx, w, len, &r) &&
        !(capitalised_nouns(ctx) && r.only_capitalised && !r.common && !loanword(ctx, w, len)))
        return false;
    /* A capitalised function word begins a name only as a name's first word does
     * (`São paulo`): before a name that is no common word. */
    if ((r.common && tok_in(ctx, CAP_FUNCTION_WORDS, prev)) ||
        (r.common && !phrase_nearby(doc, t->span, tok_text(doc, prev), pl, r.fixed, r.len)) ||
        written_nearby(words, k, w, len, TQC_TF_LOWER, TQC_TF_SENT_START | TQC_TF_PARA_START,
                       true) ||
        (glued->ok ? span_index_overlaps(glued, t->span)
                   : tqc_findings_overlap(ctx->out, "missing-space", t->span)))
        return false;
    tqc_finding *f = TQC_EMIT(ctx, t->span, "proper name in lower case: '%.*s %.*s' is written "
                              "'%.*s %s'", (int)pl, tok_text(doc, prev), (int)len, w, (int)pl,
                              tok_text(doc, prev), r.fixed);
    tqc_finding_suggest(ctx->out, f, r.fixed, r.len);
    tqc_finding_fix(ctx->out, f, t->span, r.fixed, r.len, false);
    return true;
}

/* The next word of a proper name (bytes [*pos, len) of name) into *w, *wl. */
static bool next_name_word(const char *name, size_t len, size_t *pos, const char **w, size_t *wl)
{
    while (*pos < len && name[*pos] == ' ')
        (*pos)++;
    if (*pos >= len)
        return false;
    size_t s = *pos;
    while (*pos < len && name[*pos] != ' ')
        (*pos)++;
    *w = name + s;
    *wl = *pos - s;
    return true;
}

/* (c) a name of `proper-names` written with a lower-case word. Returns tokens consumed. */
static size_t lower_case_proper_name(const tqc_ctx *ctx, const cap_state *st, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *first = &doc->tokens[k];
    /* Only a wholly lower-case name is reported (below), so it starts with a lower-case
     * word; and its first byte must match, cheaply, before the whole name is compared. */
    if (!st || !is_word(first) || !(first->flags & TQC_TF_LOWER))
        return 0;
    unsigned char c0 = (unsigned char)tok_text(doc, first)[0];
    for (size_t i = 0; i < st->name_count; i++) {
        const proper_name *pn = &st->names[i];
        unsigned char n0 = (unsigned char)pn->text[0];
        if (k + pn->words > doc->token_count ||
            (c0 < 0x80 && n0 < 0x80 && (c0 | 0x20) != (n0 | 0x20)))
            continue;
        size_t pos = 0, j = 0;
        bool match = true, all_lower = true;
        const char *w;
        size_t wl;
        for (; match && next_name_word(pn->text, pn->len, &pos, &w, &wl); j++) {
            const tqc_token *t = &doc->tokens[k + j];
            size_t tl = tqc_span_len(t->span);
            match = is_word(t) && t->sentence == doc->tokens[k].sentence &&
                    (j == 0 || (t->flags & TQC_TF_SPACE_BEFORE)) &&
                    tqc_text_equal_fold(tok_text(doc, t), tl, w, wl);
            all_lower = all_lower && (t->flags & TQC_TF_LOWER);
        }
        /* Only a wholly lower-case name is sure: `European union` may be a union of
         * Europe, not the institution. */
        if (!match || !all_lower || j != pn->words)
            continue;
        const tqc_token *last = &doc->tokens[k + pn->words - 1];
        tqc_span span = tqc_span_make(doc->tokens[k].span.start, last->span.end);
        tqc_finding *f = TQC_EMIT(ctx, span, "proper name in lower case: '%.*s' is written "
                                  "'%.*s'", (int)tqc_span_len(span), tqc_doc_at(doc, span),
                                  (int)pn->len, pn->text);
        tqc_finding_suggest(ctx->out, f, pn->text, pn->len);
        tqc_finding_fix(ctx->out, f, span, pn->text, pn->len, false);
        return pn->words;
    }
    return 0;
}

/* The weights of the evidence weighed for a lower-case word that may be a name
 * (lower_name_weighed). */
enum {
    NAME_BY_LEXICON = 2,   /* the lexicon holds the capitalised form as a proper noun */
    NAME_ONLY_LEXICON = 1, /* ... and has no reading of the lower-case form */
    NAME_BY_USE = 2,       /* the article writes it capitalised inside a sentence, and the
                            * lexicon has no common reading of it */
    NAME_BY_SLOT = 1,      /* its common reading cannot stand here (below) */
    NAME_BY_PLACE = 1,     /* right after a preposition, where a place is named */
    NAME_BY_PARTNER = 1,   /* coordinated with a capitalised word of its sentence */
    COMMON_BY_LEXICON = 3, /* a reading of the lower-case form that may stand here */
    COMMON_BY_DICT = 2,    /* the dictionary knows the lower-case form the lexicon lacks */
    COMMON_AGAIN = 3,      /* the article writes it in lower case again */
    COMMON_BY_LOAN = 2,    /* a loan language's word (`windows`) */
    NAME_MARGIN = 3,       /* what the name's evidence must outweigh the common word's by */
    NAME_HINT_MARGIN = 2   /* ... for a hint (info) */
};

/* Whether the finite-verb reading of token k (its only one: pos) cannot stand where it
 * is: right after a preposition, which takes a noun or a name (`de paris`: `parir`'s
 * form). Not after an article: the lexicon lacks many a noun spelt as a verb's form (`as
 * bordas`), which stands there far more often than a name. */
static bool finite_out_of_place(const tqc_ctx *ctx, size_t k, uint32_t pos)
{
    const tqc_token *prev = &ctx->doc->tokens[k - 1];
    return (pos & (TQC_POS_VFIN | TQC_POS_AUX)) && !(pos & ~(TQC_POS_VFIN | TQC_POS_AUX)) &&
           is_word(prev) && prev->sentence == ctx->doc->tokens[k].sentence &&
           !tok_in(ctx, CAP_VERB_MARKERS, prev) &&
           !tok_in(ctx, CAP_ARTICLES, prev) && tok_in(ctx, CAP_PREPOSITIONS, prev);
}

/* (c) `llegó a parís`, `viajou de lisboa`: a lower-case word the dictionary knows, a
 * name's by one weighing, the same in every language, of the evidence for a name (the
 * lexicon's proper noun, and no lower-case reading; the article's capitalised use of a
 * word with no common reading; a common reading that cannot stand where the word stands;
 * a preposition before it, as places have; a capitalised word it is coordinated with)
 * against the evidence for a common word of the same spelling (a reading of the lexicon
 * that may stand there, the dictionary's lower-case form, the article's lower-case use
 * again, a loan language's word). A warning where the name outweighs the common word by
 * NAME_MARGIN, a hint by NAME_HINT_MARGIN, else nothing: the checks before it have said
 * what weaker evidence allows. A word the dictionary lacks is spelling's (`korean`).
 * Returns whether it reported. */
static bool lower_name_weighed(const tqc_ctx *ctx, const span_index *glued, word_index *words,
                               size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *t = &doc->tokens[k];
    size_t len = tqc_span_len(t->span);
    const tqc_lex *lex = tqc_lang_lexicon(ctx->lang);
    if (!lex || k == 0 || k + 1 >= doc->token_count || !is_word(t) ||
        !(t->flags & TQC_TF_LOWER) || !(t->flags & TQC_TF_SPACE_BEFORE) || len < 3 ||
        len >= CAP_MAX_WORD ||
        (t->flags & (TQC_TF_SENT_START | TQC_TF_PARA_START | TQC_TF_PERIOD | TQC_TF_DIGIT |
                     TQC_TF_APOS | TQC_TF_HYPHEN)) ||
        !tqc_ctx_token_known(ctx, k))
        return false;
    const tqc_token *prev = &doc->tokens[k - 1], *next = &doc->tokens[k + 1];
    /* A piece of a host, a path or a file name (`paris.fr`, `/lisboa`) keeps its case;
     * so does a word glued to a mark on either side. */
    if (!is_word(prev) || prev->sentence != t->sentence ||
        (!(next->flags & TQC_TF_SPACE_BEFORE) && is_word(next)) ||
        (next->kind == TQC_TOK_PUNCT && !(next->flags & TQC_TF_SPACE_BEFORE) &&
         (punct_is(doc, next, "/") || punct_is(doc, next, "@") ||
          (punct_is(doc, next, ".") && k + 2 < doc->token_count &&
           !(doc->tokens[k + 2].flags & TQC_TF_SPACE_BEFORE)))))
        return false;
    const char *w = tok_text(doc, t);
    char title[CAP_MAX_WORD];
    size_t tl = tqc_text_case(w, len, TQC_CASE_TITLE, title, sizeof title);
    if (!tl || tl >= sizeof title)
        return false;
    title[tl] = '\0';
    uint32_t cap = tqc_lex_pos(lex, title, tl), low = tqc_ctx_pos(ctx, k);
    int name = 0, common = 0;
    if (cap & TQC_POS_PROPN)
        name += NAME_BY_LEXICON;
    if ((cap & TQC_POS_PROPN) && !low)
        name += NAME_ONLY_LEXICON;
    /* No evidence of the word's own for a name: nothing to weigh. */
    if (name == 0)
        return false;
    if (!low)
        common += COMMON_BY_DICT; /* (with readings of the lexicon, those are weighed) */
    /* A common word is capitalised in names of many words (`Hudson River`): only a word
     * with no common reading is named by the article's capitalised use. */
    if (!low && written_nearby(words, k, title, tl, TQC_TF_CAP,
                               TQC_TF_SENT_START | TQC_TF_PARA_START, false))
        name += NAME_BY_USE;
    if (low) {
        if (finite_out_of_place(ctx, k, low))
            name += NAME_BY_SLOT;
        else
            common += COMMON_BY_LEXICON;
    }
    if (tok_in(ctx, CAP_PREPOSITIONS, prev))
        name += NAME_BY_PLACE;
    /* A conjunction between it and a capitalised word of its sentence. */
    const tqc_token *after = k + 2 < doc->token_count ? &doc->tokens[k + 2] : NULL;
    bool partner_after = after && is_word(next) &&
                         (tqc_ctx_pos_lower(ctx, k + 1) & TQC_POS_CONJ) &&
                         (next->flags & TQC_TF_LOWER) && is_word(after) &&
                         after->sentence == t->sentence && (after->flags & TQC_TF_CAP) &&
                         !(after->flags & TQC_TF_ALLCAPS);
    bool partner_before = k >= 2 && (tqc_ctx_pos_lower(ctx, k - 1) & TQC_POS_CONJ) &&
                          (prev->flags & TQC_TF_LOWER) && is_word(&doc->tokens[k - 2]) &&
                          doc->tokens[k - 2].sentence == t->sentence &&
                          (doc->tokens[k - 2].flags & TQC_TF_CAP) &&
                          !(doc->tokens[k - 2].flags & (TQC_TF_ALLCAPS | TQC_TF_SENT_START));
    if (partner_after || partner_before)
        name += NAME_BY_PARTNER;
    if (written_nearby(words, k, w, len, TQC_TF_LOWER, 0, true))
        common += COMMON_AGAIN;
    if (loanword(ctx, w, len))
        common += COMMON_BY_LOAN;
    if (name - common < NAME_HINT_MARGIN)
        return false;
    /* Words run together read as a name are missing-space's. */
    if (glued->ok ? span_index_overlaps(glued, t->span)
                  : tqc_findings_overlap(ctx->out, "missing-space", t->span))
        return false;
    tqc_severity sev = name - common >= NAME_MARGIN ? ctx->pass->severity : TQC_SEV_INFO;
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, sev, t->span,
                              "proper name in lower case: '%.*s' is written '%s' (%s)",
                              (int)len, w, title,
                              low ? "the lexicon's name, its common reading out of place"
                                  : "the lexicon knows it only as a name");
    tqc_finding_suggest(ctx->out, f, title, tl);
    tqc_finding_fix(ctx->out, f, t->span, title, tl, false);
    return true;
}

/* Whether word k is the first part of a compound whose rest another word shares, cut at
 * a hyphen before a space (`Sprach- und Schriftsysteme`, `pre- and post-war`): its case is
 * the compound's, which the part alone cannot tell. */
static bool suspended_part(const tqc_doc *doc, size_t k)
{
    if (k + 2 >= doc->token_count || !is_word(&doc->tokens[k]))
        return false;
    const tqc_token *dash = &doc->tokens[k + 1], *after = &doc->tokens[k + 2];
    return punct_is(doc, dash, "-") && !(dash->flags & TQC_TF_SPACE_BEFORE) &&
           (after->flags & TQC_TF_SPACE_BEFORE) && dash->sentence == after->sentence;
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    int quoted = 0;
    title_memo memo = {0};
    word_index words = {.ctx = ctx, .doc = doc};
    /* This pass emits no missing-space finding: the index stays true while it runs. */
    span_index glued;
    span_index_build(&glued, ctx->out, "missing-space");
    for (size_t k = 0; k < doc->token_count; k++) {
        if (doc->tokens[k].flags & TQC_TF_PARA_START)
            quoted = 0;
        /* Quoted text keeps its own capitals: titles, verse, slogans (but see
         * common_word_capitalised). */
        bool part = suspended_part(doc, k);
        if (!part)
            common_word_capitalised(ctx, &memo, &words, k, quoted > 0);
        if (quoted == 0 && !part) {
            lower_case_word_capitalised(ctx, &memo, k);
            verb_second_capitalised(ctx, k);
        }
        quoted = quote_depth_after(ctx, &doc->tokens[k], quoted);
        lower_paragraph_start(ctx, k);
        lower_after_full_stop(ctx, k);
        lower_after_question(ctx, k, quoted > 0);
        size_t used = lower_case_proper_name(ctx, ctx->state, k);
        if (!used)
            used = lower_case_name_pair(ctx, k);
        if (!used && quoted == 0 && !part)
            used = lower_case_single_name(ctx, &glued, &words, k) ||
                   lower_case_used_name(ctx, &glued, &words, k) ||
                   lower_place_adjective(ctx, k) || lower_name_after_elision(ctx, &words, k) ||
                   lower_name_in_run(ctx, &glued, &words, k) ||
                   lower_name_weighed(ctx, &glued, &words, k);
        if (used)
            k += used - 1;
    }
    free(glued.spans);
    free(glued.max_end);
    word_index_free(&words);
}

static void fini(void *state)
{
    cap_state *st = state;
    if (st) {
        free(st->names);
    }
    free(st);
}

static tqc_status init(const tqc_lang *lang, void **state, char *err, size_t errlen)
{
    const tqc_strmap *list = tqc_lang_list(lang, "proper-names");
    size_t n = tqc_strmap_count(list);
    cap_state *st = tqc_calloc(1, sizeof *st);
    if (!st || (n && !(st->names = tqc_calloc(n, sizeof *st->names)))) {
        fini(st);
        return TQC_ENOMEM;
    }
    st->name_prefixes = tqc_lang_list(lang, "name-prefixes");
    st->lower_case_words = tqc_lang_list(lang, "lower-case-words");
    st->nationalities = tqc_lang_list(lang, "nationalities");
    for (size_t i = 0; i < CAP_LIST_COUNT; i++)
        st->lists[i] = tqc_lang_list(lang, cap_list_names[i]);
    st->capitalised_nouns = tqc_lang_yes(lang, "capitalised-nouns");
    for (size_t i = 0; i < n; i++) {
        size_t len, pos = 0;
        proper_name pn = {.text = tqc_strmap_key(list, i, &len)};
        pn.len = len;
        const char *w;
        size_t wl;
        while (next_name_word(pn.text, pn.len, &pos, &w, &wl))
            pn.words++;
        if (pn.words >= 1 && pn.words <= CAP_MAX_NAME_WORDS)
            st->names[st->name_count++] = pn;
    }
    *state = st;
    return TQC_OK;
}

const tqc_pass tqc_pass_capitalization = {
    .id = "capitalization",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_WARNING) | TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "common word capitalised mid-sentence, lower case after a full stop, "
               "proper name in lower case",
    .good = "The Coast Guard told the Ministry of Foreign Affairs that ships had to be "
            "careful, e.g. near the port, until 9 p.m. on Monday.",
    .bad = "The Coast Guard asked ships to Be careful near the port. and the harbour.",
    .details = "A common word capitalised mid-sentence (`to Be careful`), a sentence starting in "
               "lower case after a full stop (`peace. and the`), a proper name written in lower "
               "case (`north korean`). Abbreviations and titles the language lists are left alone.",
    .init = init,
    .run = run,
    .fini = fini,
    .needs_dict = true,
};
