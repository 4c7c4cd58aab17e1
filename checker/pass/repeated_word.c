/* repeated-word: the same word twice in a row (`the the`), across line breaks too.
 * A double is judged by what the grammar allows:
 *  - quiet: a word of the profile's `legitimate-doubles` list (`had had`, `that that`,
 *    French `nous nous`, reduplication such as `very very`, names
 *    listed as written such as German `Baden`), a German relative pronoun opening its
 *    clause before an article of its form (`relative-doubles`: `die Frau, die die
 *    Zeitung liest`), a copula of `cleft-doubles` after a word
 *    of `free-relatives` (`what it is is`), and two capitalised words in
 *    mid-sentence that are no common word in lower case (`Sirhan Sirhan`, double
 *    surnames);
 *  - one hint for a run of three or more of a word with an open-class reading, or none
 *    known (`no no no`): emphasis or a sound;
 *  - a hint (info, no safe fix): a double the grammar allows by the parts of speech
 *    around it, for the classes the profile lists in `legitimate-double-classes`
 *    (English `PRON AUX`): an auxiliary that is also another word (`can can`), a
 *    pronoun or determiner after a verb whose second copy begins the next phrase
 *    (`gave her her book`, `told you you were`; not `wrote it it down`, `in many many
 *    cases`); and, where the profile says `stranded-prepositions = yes`, a particle or
 *    an infinitive's `to` after a verb or adverb that is no noun (`came in in June`), or
 *    a particle after its verb's object pronoun (`let them in in`); a finite verb that is
 *    also a function word after its subject, before its complement (`o ônibus para para
 *    embarcar`), in every language with a lexicon; a form with two readings that can
 *    follow each other (a noun then a preposition or verb, `el sobre sobre la mesa`; a
 *    null-subject verb and a function word, `escribo como como:`; a conjunction then a
 *    clitic, `Se se ne`), a causative before its infinitive (`faire faire`), and a
 *    noun or adjective set against itself (`un pan pan, no uno de molde`);
 *    and, where nouns are not all capitalised, a capitalised double in mid-sentence
 *    that the document writes twice or more (`Estável Antiga Antiga`: a slip is not
 *    repeated word for word, a name is);
 *  - an error with a safe fix (remove one): every other double of a word the lexicon or
 *    the closed-class lists know (`the the`, `and and`, `le le`, `are are`);
 *  - a warning with the fix to review: a word nothing knows (unknown is unknown), a
 *    capitalised pair of a common word (`Kappa Kappa Gamma` is a name, `Tribune
 *    Tribune` a slip), and, in a language without a
 *    lexicon, a double of those classes or a stranded preposition: nothing to judge by. */
#include "pass/pass.h"

#include <string.h>

#include "lang/lex.h"
#include "core/strmap.h"
#include "core/text.h"

#define RW_MAX_WORD 256

/* The parts of speech of word token k, lower-cased: the lexicon's, else what the closed-
 * class lists say (articles are determiners; the `determiners` lists hold pronoun forms
 * too: `her`, `ihr`, `leur`); 0 when nothing knows it. */
static uint32_t word_pos(const tqc_ctx *ctx, size_t k, const char *lower, size_t n)
{
    uint32_t p = tqc_ctx_pos_lower(ctx, k) | tqc_ctx_pos(ctx, k);   /* German nouns as written */
    if (p)
        return p;
    if (tqc_lang_in(ctx->lang, "articles", lower, n))
        p |= TQC_POS_DET;
    else if (tqc_lang_in(ctx->lang, "determiners", lower, n))
        p |= TQC_POS_DET | TQC_POS_PRON;
    if (tqc_lang_in(ctx->lang, "prepositions", lower, n))
        p |= TQC_POS_PREP;
    if (tqc_lang_in(ctx->lang, "auxiliaries", lower, n))
        p |= TQC_POS_AUX;
    return p;
}

/* The TQC_POS_ bits named in the profile setting key (space-separated tag names). */
static uint32_t setting_tags(const tqc_lang *lang, const char *key)
{
    uint32_t mask = 0;
    for (const char *s = tqc_lang_setting(lang, key, ""); *s;) {
        size_t n = strcspn(s, " ,");
        mask |= tqc_lex_tag(s, n);
        s += n;
        s += strspn(s, " ,");
    }
    return mask;
}

/* Whether token k opens its sentence (only punctuation, such as a quote, before it). */
static bool sentence_initial(const tqc_doc *doc, size_t k)
{
    for (size_t i = k + 1; i-- > 0;) {
        const tqc_token *t = &doc->tokens[i];
        if (t->sentence != doc->tokens[k].sentence)
            return true;
        if (t->flags & TQC_TF_SENT_START)
            return true;
        if (i != k && t->kind != TQC_TOK_PUNCT)
            return false;
    }
    return true;
}

/* Whether word token k is its sentence's first word: only punctuation, such as a quote,
 * before it. (sentence_initial also says so of the word after the first.) */
static bool first_word(const tqc_doc *doc, size_t k)
{
    for (size_t i = k; i-- > 0 && doc->tokens[i].sentence == doc->tokens[k].sentence;)
        if (doc->tokens[i].kind != TQC_TOK_PUNCT)
            return false;
    return true;
}

/* Whether the second copy of a pronoun or determiner double (pos) can begin a phrase
 * before a word of parts of speech next: a determiner before a noun (`gave her her
 * book`), a subject pronoun before a verb that is no adverb or preposition as well
 * (`when you press it it breaks`; `wrote it it down` reads as a particle). Not before
 * anything else; an unknown next word decides nothing. */
static bool second_begins(uint32_t pos, uint32_t next)
{
    if (!next)
        return true;
    if ((pos & TQC_POS_DET) &&
        (next & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_NUM | TQC_POS_ADV)))
        return true;
    return (pos & TQC_POS_PRON) && (next & (TQC_POS_VFIN | TQC_POS_AUX)) &&
           !(next & (TQC_POS_ADV | TQC_POS_PREP));
}

/* Whether the word before token k is a pronoun (`you press`): then a noun/verb
 * homograph at k is the verb. */
static bool after_pronoun(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    return k > 0 && doc->tokens[k - 1].kind == TQC_TOK_WORD &&
           doc->tokens[k - 1].sentence == doc->tokens[k].sentence &&
           (tqc_ctx_pos_lower(ctx, k - 1) & TQC_POS_PRON);
}

/* Whether word token k (lower-cased: lower, n bytes) can be said over for emphasis or
 * as a sound: a reading of an open class or an interjection, or none known. */
static bool emphasis_word(const tqc_ctx *ctx, size_t k, const char *lower, size_t n)
{
    uint32_t pos = word_pos(ctx, k, lower, n);
    return !pos || (pos & (TQC_POS_NOUN | TQC_POS_PROPN | TQC_POS_ADJ | TQC_POS_ADV |
                           TQC_POS_INTJ | TQC_POS_VFIN | TQC_POS_VINF | TQC_POS_VPART |
                           TQC_POS_VGER));
}

/* Whether token k is a word whose lower case is an entry of the profile's list `name`. */
static bool word_listed(const tqc_ctx *ctx, size_t k, const char *name)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    char lower[RW_MAX_WORD];
    size_t n = t->kind == TQC_TOK_WORD
                   ? tqc_text_case(tqc_doc_at(ctx->doc, t->span), tqc_span_len(t->span),
                                   TQC_CASE_LOWER, lower, sizeof lower)
                   : 0;
    return n && tqc_lang_in(ctx->lang, name, lower, n);
}

/* Whether a word of the profile's `free-relatives` list (`what`, `all`) comes before
 * token k in its sentence. */
static bool after_free_relative(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    for (size_t i = k; i-- > 0 && doc->tokens[i].sentence == doc->tokens[k].sentence;)
        if (word_listed(ctx, i, "free-relatives"))
            return true;
    return false;
}

/* Whether the word before token k is a determiner or an article: token k heads a noun
 * phrase, and a word the lexicon lacks there is a noun (`o` before one). */
static bool after_determiner(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    return k > 0 && doc->tokens[k - 1].kind == TQC_TOK_WORD &&
           doc->tokens[k - 1].sentence == doc->tokens[k].sentence &&
           (tqc_ctx_pos_lower(ctx, k - 1) & TQC_POS_DET);
}

/* Whether token k (a relative-pronoun form) can open a relative clause: a comma before it
 * (`die Frau, die die Zeitung liest`; the clause may stand after the verb, away from its
 * noun: `eine Karte zu erstellen, die die Standorte zeigt`), or a preposition after a comma
 * or a coordinator (`die Eltern, für die die Schule`, `und bei der der Host`). Not after a
 * verb of saying's comma, which opens reported speech (`sagte, die die Gespräche`). */
static bool opens_relative(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    size_t i = k;
    bool prep = i >= 1 && doc->tokens[i - 1].kind == TQC_TOK_WORD &&
                doc->tokens[i - 1].sentence == doc->tokens[k].sentence &&
                (tqc_ctx_pos_lower(ctx, i - 1) & TQC_POS_PREP);
    if (prep && i >= 2 && doc->tokens[i - 2].kind == TQC_TOK_WORD &&
        (tqc_ctx_pos_lower(ctx, i - 2) & TQC_POS_CONJ))
        return true;
    i -= prep;
    if (i < 2 || doc->tokens[i - 1].kind != TQC_TOK_PUNCT ||
        tqc_span_len(doc->tokens[i - 1].span) != 1 ||
        doc->text[doc->tokens[i - 1].span.start] != ',')
        return false;
    return !word_listed(ctx, i - 2, "speech-verbs");
}

/* Whether a clause ends right after token k: punctuation follows it, or its sentence ends. */
static bool clause_ends(const tqc_doc *doc, size_t k)
{
    return k + 1 >= doc->token_count || doc->tokens[k + 1].sentence != doc->tokens[k].sentence ||
           doc->tokens[k + 1].kind == TQC_TOK_PUNCT;
}

/* Whether a negation of the profile's `negations` list follows the double ending at token k
 * within a few words after a comma (`un pan pan, no uno de molde`): the double is set
 * against another kind of the thing, a contrastive reduplication. */
#define RW_CONTRAST_REACH 3
static bool contrast_follows(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    if (k + 2 >= doc->token_count || doc->tokens[k + 1].kind != TQC_TOK_PUNCT ||
        doc->text[doc->tokens[k + 1].span.start] != ',')
        return false;
    for (size_t i = k + 2; i < doc->token_count && i <= k + 1 + RW_CONTRAST_REACH &&
                           doc->tokens[i].sentence == doc->tokens[k].sentence;
         i++)
        if (word_listed(ctx, i, "negations"))
            return true;
    return false;
}

/* Whether the word of token k - 1 and k, doubled, is set against itself: the plain word
 * and a negation of the profile's `negations` list (not the word itself) before it in its
 * sentence (`It is not a salad, it is a salad salad`): a reduplication said on purpose. A
 * word merely written again nearby is no contrast: news repeats its nouns. */
static bool contrasted(const tqc_ctx *ctx, size_t k)
{
    const tqc_doc *doc = ctx->doc;
    const tqc_token *b = &doc->tokens[k];
    bool plain = false, negated = false;
    for (size_t i = k - 1; i-- > 0 && doc->tokens[i].sentence == b->sentence;) {
        const tqc_token *t = &doc->tokens[i];
        if (t->kind != TQC_TOK_WORD)
            continue;
        if (tqc_text_equal_fold(tqc_doc_at(doc, t->span), tqc_span_len(t->span),
                                tqc_doc_at(doc, b->span), tqc_span_len(b->span))) {
            plain = true;
            continue;
        }
        negated = negated || word_listed(ctx, i, "negations");
    }
    return plain && negated;
}

static bool capitalised(const tqc_doc *doc, const tqc_token *t)
{
    int32_t cp;
    return !(t->flags & TQC_TF_ALLCAPS) &&
           tqc_text_decode(doc->text + t->span.start, tqc_span_len(t->span), &cp) &&
           tqc_text_is_upper(cp);
}

/* Whether token pair (k - 1, k) is a word doubled: the same word, next to each other in
 * one sentence. */
static bool doubled(const tqc_doc *doc, size_t k)
{
    const tqc_token *a = &doc->tokens[k - 1], *b = &doc->tokens[k];
    return a->kind == TQC_TOK_WORD && b->kind == TQC_TOK_WORD && a->sentence == b->sentence &&
           (b->flags & TQC_TF_SPACE_BEFORE) &&
           tqc_text_equal_fold(tqc_doc_at(doc, a->span), tqc_span_len(a->span),
                               tqc_doc_at(doc, b->span), tqc_span_len(b->span));
}

/* How often the document writes each capitalised double, as written (`Antiga`: 2), built
 * on the first capitalised double asked about; NULL when out of memory. */
static tqc_strmap *capitalised_doubles(const tqc_doc *doc)
{
    tqc_strmap *m = tqc_strmap_new();
    for (size_t k = 1; m && k < doc->token_count; k++) {
        const tqc_token *b = &doc->tokens[k];
        if (!doubled(doc, k) || !capitalised(doc, b))
            continue;
        uint64_t c = 0;
        tqc_strmap_get(m, tqc_doc_at(doc, b->span), tqc_span_len(b->span), &c);
        if (!tqc_strmap_put(m, tqc_doc_at(doc, b->span), tqc_span_len(b->span), c + 1)) {
            tqc_strmap_free(m);
            m = NULL;
        }
    }
    return m;
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    uint32_t legit = 0;
    bool asked = false, stranding = false;
    bool nouns_capitalised =
        tqc_lang_yes(ctx->lang, "capitalised-nouns");
    bool lexicon = tqc_lang_lexicon(ctx->lang) != NULL;
    tqc_strmap *cap_doubles = NULL;
    bool counted = false;
    for (size_t k = 1; k < doc->token_count; k++) {
        const tqc_token *a = &doc->tokens[k - 1], *b = &doc->tokens[k];
        if (a->kind != TQC_TOK_WORD || b->kind != TQC_TOK_WORD || a->sentence != b->sentence ||
            !(b->flags & TQC_TF_SPACE_BEFORE))
            continue;
        const char *sa = tqc_doc_at(doc, a->span), *sb = tqc_doc_at(doc, b->span);
        size_t la = tqc_span_len(a->span), lb = tqc_span_len(b->span);
        if (!tqc_text_equal_fold(sa, la, sb, lb))
            continue;
        char lower[RW_MAX_WORD];
        size_t n = tqc_text_case(sa, la, TQC_CASE_LOWER, lower, sizeof lower);
        if ((n && tqc_lang_in(ctx->lang, "legitimate-doubles", lower, n)) ||
            tqc_lang_in(ctx->lang, "legitimate-doubles", sa, la))
            continue;
        /* A copula doubled where a free relative clause ends on the first copy (`what it
         * is is a trick`): only after a word of `free-relatives` in its sentence. */
        if (n && tqc_lang_in(ctx->lang, "cleft-doubles", lower, n) &&
            after_free_relative(ctx, k - 1))
            continue;
        /* A relative pronoun opening its clause before an article of the same form
         * (German `die Frau, die die Zeitung liest`): profile list relative-doubles. */
        if (n && tqc_lang_in(ctx->lang, "relative-doubles", lower, n) &&
            opens_relative(ctx, k - 1))
            continue;
        /* Three copies or more of a word with an open-class reading (or none known) are
         * said on purpose (`no no no`, `knock knock knock`): one hint for
         * the run, not a slip's safe fix. A function word alone (`the the the`) is
         * judged pair by pair. */
        bool emphatic = !n || emphasis_word(ctx, k - 1, lower, n);
        if (emphatic && k >= 2 && doubled(doc, k - 1))
            continue;
        if (emphatic && k + 1 < doc->token_count && doubled(doc, k + 1)) {
            size_t end = k + 1;
            while (end + 1 < doc->token_count && doubled(doc, end + 1))
                end++;
            tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO,
                                      tqc_span_make(a->span.start, doc->tokens[end].span.end),
                                      "word repeated %zu times: '%.*s' (may be right: a word "
                                      "said three times or more is emphasis or a sound)",
                                      end - k + 2, (int)la, sa);
            tqc_finding_suggest(ctx->out, f, sa, la);
            continue;
        }
        /* Two capitalised words in mid-sentence that are no common word in lower case
         * (where nouns are capitalised: that the dictionary lacks or the lexicon knows
         * only as a name): a name (`Sirhan Sirhan`, `Walla Walla`, double surnames). A name made of a
         * common word (`Baden Baden`) is listed in legitimate-doubles: Hunspell accepts
         * any known word hyphenated to itself, so `Baden-Baden` being known proves
         * nothing. A common word capitalised (`Tribune Tribune`, German `Crash Crash`)
         * is judged as any other word. */
        bool name_pair = capitalised(doc, a) && capitalised(doc, b) &&
                         !sentence_initial(doc, k - 1);
        if (name_pair && (nouns_capitalised
                              ? !tqc_ctx_token_known(ctx, k - 1) ||
                                    tqc_ctx_pos(ctx, k - 1) == TQC_POS_PROPN
                              : !(n && tqc_dict_known(ctx->dict, lower, n))))
            continue;
        if (!asked) {
            legit = setting_tags(ctx->lang, "legitimate-double-classes");
            stranding = strcmp(tqc_lang_setting(ctx->lang, "stranded-prepositions", "no"),
                               "yes") == 0;
            asked = true;
        }
        uint32_t pos = n ? word_pos(ctx, k - 1, lower, n) : 0;
        bool has_before = k >= 2 && doc->tokens[k - 2].kind == TQC_TOK_WORD &&
                          doc->tokens[k - 2].sentence == a->sentence;
        bool has_after = k + 1 < doc->token_count && doc->tokens[k + 1].kind == TQC_TOK_WORD &&
                         doc->tokens[k + 1].sentence == b->sentence;
        uint32_t before = has_before ? tqc_ctx_pos_lower(ctx, k - 2) : 0;
        uint32_t after = has_after ? tqc_ctx_pos_lower(ctx, k + 1) : 0;
        uint32_t classes = pos & legit;
        bool may = false, uncertain = false;
        if ((classes & TQC_POS_AUX) && (pos & ~TQC_POS_VERB)) {
            /* An auxiliary doubles legitimately as a homograph (`can can`, `will will`);
             * `are are` is a slip (the pseudo-cleft `is is` is listed). */
            may = true;
        } else if (classes & (TQC_POS_PRON | TQC_POS_DET)) {
            /* The first copy the object of a verb before it (a noun/verb homograph
             * counts after a pronoun: `you press it it`), the second beginning the next
             * phrase: `gave her her book`, `told you you were`; not `in many many
             * cases` or `the man we we elected`. An unknown word decides nothing. */
            if (!lexicon)
                uncertain = true;   /* no parts of speech around it to judge by */
            else
                may = has_before && has_after && second_begins(pos, after) &&
                  (!before || ((before & TQC_POS_VERB) &&
                               (!(before & TQC_POS_NOUN) || after_pronoun(ctx, k - 2))));
        } else if (stranding && (pos & TQC_POS_PREP) && has_before && !lexicon) {
            uncertain = true;
        } else if (stranding && (pos & TQC_POS_PREP) && has_before) {
            /* A preposition stranded after a verb or an adverb (not a noun: `the rise in
             * in`), the second copy a particle's preposition or an infinitive's `to`:
             * `came in in June`, `what it belongs to to be`. */
            may = (before & (TQC_POS_VERB | TQC_POS_ADV)) && !(before & TQC_POS_NOUN) &&
                  ((pos & TQC_POS_ADV) || (after & TQC_POS_VINF));
            /* A particle after its verb's object pronoun (`let them in in the morning`). */
            may = may || ((pos & TQC_POS_ADV) && (before & TQC_POS_PRON) &&
                          !(before & (TQC_POS_DET | TQC_POS_NOUN)) && k >= 3 &&
                          doc->tokens[k - 3].kind == TQC_TOK_WORD &&
                          doc->tokens[k - 3].sentence == a->sentence &&
                          (tqc_ctx_pos_lower(ctx, k - 3) & TQC_POS_VERB));
        }
        /* A pronoun before the double that can only be a subject (`yo`, `il`). */
        bool subject_pronoun = (before & TQC_POS_PRON) &&
                               !(before & (TQC_POS_NOUN | TQC_POS_DET | TQC_POS_PREP));
        /* A finite verb whose form is also a function word, after a word that can be its
         * subject (a name, a pronoun, a noun after its determiner), the second copy that
         * function word opening the verb's complement: an
         * infinitive after a noun phrase (`o ônibus para para embarcar`, `el tren para
         * para cargar`), any phrase after a subject pronoun (`il entre entre les murs`).
         * Every language; a noun after the second copy (`criteri di di selezione`) reads
         * as a slip, the verb reading (`di`, say) being rare there; a word the lexicon
         * lacks there decides nothing. */
        if (!may && lexicon && (pos & TQC_POS_VFIN) &&
            (pos & (TQC_POS_PREP | TQC_POS_CONJ | TQC_POS_DET)) && has_before && has_after) {
            bool subject_np = (before & (TQC_POS_PROPN | TQC_POS_PRON)) ||
                              ((!before || (before & TQC_POS_NOUN)) &&
                               after_determiner(ctx, k - 2));
            /* A preposition after the verb needs a whole noun phrase after it (`le cortège
             * entre entre deux rangées`): a bare noun there (`criteri di di selezione`)
             * reads as a slip, the verb reading rare there. */
            may = (subject_np && (!after || (after & TQC_POS_VINF))) ||
                  (subject_np && (pos & TQC_POS_PREP) &&
                   (after & (TQC_POS_DET | TQC_POS_NUM)) && !(after & TQC_POS_NOUN)) ||
                  (subject_pronoun && (after & (TQC_POS_DET | TQC_POS_NOUN | TQC_POS_PROPN)));
        }
        /* Two readings of one form, the first ending the phrase before it, the second
         * beginning the next: a noun after its determiner, then the same form as a
         * preposition before a noun phrase or as a verb before its object (`el sobre sobre
         * la mesa`, `la ferme ferme ses portes`); a verb after its subject pronoun, then a
         * word of another class opening what follows (`yo como como puedo`). */
        if (!may && lexicon && has_before && has_after && after) {
            bool noun_first = (pos & TQC_POS_NOUN) && after_determiner(ctx, k - 1);
            may = (noun_first && (pos & TQC_POS_PREP) &&
                   (after & (TQC_POS_DET | TQC_POS_NUM | TQC_POS_PROPN))) ||
                  (noun_first && (pos & TQC_POS_VFIN) && (after & TQC_POS_DET) &&
                   !(after & (TQC_POS_NOUN | TQC_POS_VERB | TQC_POS_CONJ))) ||
                  (subject_pronoun && (pos & TQC_POS_VFIN) &&
                   (pos & (TQC_POS_PREP | TQC_POS_CONJ | TQC_POS_ADV)));
        }
        /* A conjunction opening its clause, then the same form as a clitic pronoun before
         * another clitic (Italian `Se se ne andrà`); not a relative pronoun before its verb
         * (`, che che era presente`). */
        if (!may && lexicon && has_after && (pos & TQC_POS_CONJ) && (pos & TQC_POS_PRON) &&
            word_listed(ctx, k + 1, "proclitics") &&
            (first_word(doc, k - 1) ||
             (doc->tokens[k - 2].kind == TQC_TOK_PUNCT &&
              doc->text[doc->tokens[k - 2].span.start] == ',')))
            may = true;
        /* Where a finite verb needs no subject (profile `null-subject`), a function word
         * then the same form as a verb ending its clause (Spanish `escribo como como`: I
         * write as I eat), or the verb opening the sentence, then the function word (Italian
         * `Entro entro le nove`: I go in by nine). */
        if (!may && lexicon && (pos & TQC_POS_VFIN) &&
            (pos & (TQC_POS_CONJ | TQC_POS_PREP | TQC_POS_ADV)) &&
            (clause_ends(doc, k) || first_word(doc, k - 1)) &&
            tqc_lang_yes(ctx->lang, "null-subject"))
            may = true;
        /* A verb that has an act done, before its own infinitive, the act (`faire faire
         * des travaux`): profile list causative-verbs. */
        bool causative = !may && n && tqc_lang_in(ctx->lang, "causative-verbs", lower, n);
        /* A noun or adjective doubled and set against the plain word or another kind of
         * the thing (`not a salad, a salad salad`, `a coffee coffee, not instant`):
         * contrastive reduplication, said on purpose. */
        bool contrastive = !may && !causative && (pos & (TQC_POS_NOUN | TQC_POS_ADJ)) &&
                           !(pos & ~(TQC_POS_NOUN | TQC_POS_ADJ | TQC_POS_VERB | TQC_POS_ADV)) &&
                           (contrasted(ctx, k) || contrast_follows(ctx, k));
        /* A capitalised pair in mid-sentence may still be a name (`Kappa Kappa Gamma`,
         * `Sing Sing`): a warning with the fix to review, never a safe one; a hint where
         * the document writes the same double again (`Estável Antiga Antiga`, twice): a
         * slip does not repeat itself word for word, a name does. Where every noun is
         * capitalised, the capital shows no name: a known noun doubled (`die Regierung
         * Regierung`) is judged as any other word, and doubled again is as likely again. */
        bool name_only = name_pair && !nouns_capitalised;
        if (name_pair && !nouns_capitalised && !counted) {
            cap_doubles = capitalised_doubles(doc);
            counted = true;
        }
        uint64_t times = 0;
        if (name_pair && !nouns_capitalised && cap_doubles)
            tqc_strmap_get(cap_doubles, sb, lb, &times);
        if (times >= 2) {
            may = true;
            name_only = true;
        }
        /* Remove the second word and the space before it. */
        tqc_span span = tqc_span_make(a->span.start, b->span.end);
        tqc_finding *f;
        if (may && times >= 2)
            f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, span, "word repeated: '%.*s' "
                         "(may be right: the document writes it so %u times, as in a name)",
                         (int)la, sa, (unsigned)times);
        else if (causative)
            f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, span, "word repeated: '%.*s' "
                         "(may be right: a causative verb before its own infinitive)",
                         (int)la, sa);
        else if (contrastive)
            f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, span, "word repeated: '%.*s' "
                         "(may be right: a contrast with the plain word or another kind)",
                         (int)la, sa);
        else if (may)
            f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, span, "word repeated: '%.*s' "
                         "(may be right: one can end a phrase and the other begin the next)",
                         (int)la, sa);
        else if (!pos || name_only || uncertain)
            f = tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_WARNING, span,
                         "word repeated: '%.*s'", (int)la, sa);
        else
            f = TQC_EMIT(ctx, span, "word repeated: '%.*s'", (int)la, sa);
        tqc_finding_suggest(ctx->out, f, sa, la);
        tqc_finding_fix(ctx->out, f, span, sa, la,
                        pos && !may && !causative && !contrastive && !name_only && !uncertain);
    }
    tqc_strmap_free(cap_doubles);
}

const tqc_pass tqc_pass_repeated_word = {
    .id = "repeated-word",
    .severity = TQC_SEV_ERROR,
    .severities = TQC_SEV_BIT(TQC_SEV_ERROR) | TQC_SEV_BIT(TQC_SEV_WARNING) |
                  TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "the same word twice in a row",
    .good = "He said that that was what he had had in mind.",
    .bad = "The minister said the the talks would resume.",
    .details = "A word written twice in a row, across a line break too: the trace of an edit or a "
               "machine translation that stuttered. Pairs a language allows (`had had`, `that "
               "that`, listed in rules/<lang>/) are left alone; a form with two readings that can "
               "follow each other (`el sobre sobre la mesa`, `faire faire`, German `die Frau, die "
               "die Zeitung liest`, `un pan pan, no uno de molde`) is a hint. The safe fix "
               "drops the second word.",
    .run = run,
};
