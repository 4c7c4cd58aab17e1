/* stray-heading: a photo caption or a related-article headline stranded between two
 * paragraphs of the body (`Images of X as he leaves for Y`, `X says visit to Y shows
 * "strategic importance" of ties`). News has real headings too: the article's own title
 * (its first paragraph), datelines, and short subheadings (`Merger proposed`); and a file
 * may hold several articles, each opening with its headline. So a paragraph is reported
 * only when it reads as a title in the middle of ONE story:
 *  - it is one sentence of 6 to 20 words, starting with a capital, with a lower-case word
 *    or in title case (datelines are neither), with its quotations closed, ending without
 *    sentence punctuation and not on a function word (a cut-off line);
 *  - the paragraphs on both sides are body text (8 words or more, ending with . ! or ?),
 *    boilerplate the boilerplate pass found being skipped;
 *  - and the story runs across it: it repeats a name (a capitalised word) from the
 *    paragraphs just above it. A headline that opens a new article repeats nothing of the
 *    article before it; short subheadings stay under the length floor; section headings
 *    of reports rarely name anyone.
 * In a page (HTML), a paragraph that is one link and nothing else, between two body
 * paragraphs, is a related-article link the scraper kept, whatever its words.
 * A title-like line that repeats no name is still a headline of another story when it
 * shares no word with the paragraphs below it (warning); when it does, it may be a
 * subheading or the next article's headline announcing them (info).
 * A paragraph with a photo credit (`Photo: ...`, `(File)`, `/ AFP`, `EFE/Ana Ruiz`, `©`)
 * that describes something (a verb, lower-case words: not a dateline) is a caption,
 * whatever its length.
 * A short line (a section label, `Politics`, or another story's title) that shares no word
 * with the story around it is a warning in title case, else a hint: subheadings share
 * none either (`Merger proposed`). */
#include "pass/pass.h"

#include <stdio.h>
#include <string.h>

#include "core/text.h"

#define SH_MAX_WORD 128
/* Captions and headlines are full descriptions; subheadings are one to five words. */
#define SH_MIN_WORDS 6
#define SH_MAX_WORDS 20
/* A body paragraph is at least a sentence long. */
#define SH_BODY_MIN_WORDS 8
/* How many paragraphs above the heading count as "the story so far" (a short news
 * article). A headline opening the next article of a file shares no name with them. */
#define SH_CONTEXT 12
/* A link paragraph shorter than this is a `More` or `Video` button, not a headline. */
#define SH_LINK_MIN_WORDS 3
/* Shared names quoted in the message. */
#define SH_SHOWN 3

static void para_tokens(const tqc_doc *doc, size_t p, size_t *first, size_t *end)
{
    const tqc_paragraph *para = &doc->paragraphs[p];
    *first = *end = 0;
    if (para->sent_count == 0)
        return;
    const tqc_sentence *b = &doc->sentences[para->sent_first + para->sent_count - 1];
    *first = doc->sentences[para->sent_first].tok_first;
    *end = b->tok_first + b->tok_count;
}

static int32_t first_cp(const tqc_doc *doc, const tqc_token *t)
{
    int32_t cp;
    tqc_text_decode(tqc_doc_at(doc, t->span), tqc_span_len(t->span), &cp);
    return cp;
}

/* A closing quotation mark or bracket of the language (or an apostrophe, which may
 * close a quotation). */
static bool is_closer(const tqc_ctx *ctx, size_t k)
{
    return tqc_ctx_mark(ctx, k, TQC_QUOTE_ROLES_QUOTES | TQC_QUOTE_ROLE(TQC_QUOTE_BRACKET)) &
           (TQC_MARK_CLOSES | TQC_MARK_APOSTROPHE);
}

/* The last token of [first, end) that is not a closing quote or bracket. */
static const tqc_token *last_meaningful(const tqc_ctx *ctx, size_t first, size_t end)
{
    while (end > first && is_closer(ctx, end - 1))
        end--;
    return end > first ? &ctx->doc->tokens[end - 1] : NULL;
}

/* Whether word token t opens with an elided word of the profile list `elisions` (`l'`,
 * `d'`), a word of its own written onto the next (`d'accéder` is two words). */
static bool opens_with_elision(const tqc_ctx *ctx, const tqc_token *t)
{
    if (!(t->flags & TQC_TF_APOS))
        return false;
    const char *text = tqc_doc_at(ctx->doc, t->span);
    size_t len = tqc_span_len(t->span);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t m = tqc_text_decode(text + i, len - i, &cp);
        if (tqc_text_is_apostrophe(cp)) {
            char lower[SH_MAX_WORD];
            size_t n = i < SH_MAX_WORD ? tqc_text_case(text, i, TQC_CASE_LOWER, lower,
                                                       sizeof lower) : 0;
            return n && i + m < len && tqc_lang_in(ctx->lang, "elisions", lower, n);
        }
        i += m;
    }
    return false;
}

/* Words and numbers of tokens [first, end), an elided word counting as a word. */
static size_t count_words(const tqc_ctx *ctx, size_t first, size_t end)
{
    const tqc_doc *doc = ctx->doc;
    size_t n = 0;
    for (size_t k = first; k < end; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (t->kind == TQC_TOK_NUMBER)
            n++;
        else if (t->kind == TQC_TOK_WORD)
            n += 1 + opens_with_elision(ctx, t);
    }
    return n;
}

/* Body text: long enough and ending with sentence punctuation, or with a colon after
 * more than one sentence (a paragraph introducing a quotation or a list). */
static bool body_paragraph(const tqc_ctx *ctx, size_t p)
{
    const tqc_doc *doc = ctx->doc;
    size_t first, end;
    para_tokens(doc, p, &first, &end);
    const tqc_token *last = last_meaningful(ctx, first, end);
    if (!last || last->kind != TQC_TOK_PUNCT || count_words(ctx, first, end) < SH_BODY_MIN_WORDS)
        return false;
    int32_t cp = first_cp(doc, last);
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
           (cp == ':' && doc->paragraphs[p].sent_count > 1);
}

/* A paragraph the boilerplate pass already reported is not part of the story. */
static bool chrome(const tqc_ctx *ctx, const tqc_span_index *boilerplate, size_t p)
{
    return tqc_span_index_overlaps(boilerplate, ctx->doc->paragraphs[p].span);
}

/* Lower case, cut before an inner apostrophe (`Kim's` and `Kim` are one name), or
 * after it when what stands before is an elided word of the profile list `elisions`
 * (French and Italian `l’Élysée` and `Élysée` are one name). *cap (may be NULL) tells
 * whether the word so keyed is capitalised. */
static size_t key_of(const tqc_ctx *ctx, const tqc_token *t, char *out, bool *cap)
{
    const tqc_doc *doc = ctx->doc;
    const char *text = tqc_doc_at(doc, t->span);
    size_t n = tqc_text_case(text, tqc_span_len(t->span), TQC_CASE_LOWER, out, SH_MAX_WORD);
    if (cap)
        *cap = (t->flags & TQC_TF_CAP) != 0;
    for (size_t i = 1; i < n;) {
        int32_t cp;
        size_t m = tqc_text_decode(out + i, n - i, &cp);
        if (tqc_text_is_apostrophe(cp)) {
            int32_t first;
            /* Lower-casing keeps these letters' byte lengths, so offsets carry over. */
            if (i + m < n && n == tqc_span_len(t->span) &&
                tqc_lang_in(ctx->lang, "elisions", out, i)) {
                if (cap) {
                    tqc_text_decode(text + i + m, n - i - m, &first);
                    *cap = tqc_text_is_upper(first);
                }
                memmove(out, out + i + m, n - i - m);
                out[n - i - m] = '\0';
                return n - i - m;
            }
            out[i] = '\0';
            return i;
        }
        i += m;
    }
    return n;
}

/* Whether a word with key (len bytes) occurs in paragraphs [from, to). */
static bool occurs_in(const tqc_ctx *ctx, size_t from, size_t to, const char *key, size_t len)
{
    const tqc_doc *doc = ctx->doc;
    for (size_t p = from; p < to; p++) {
        size_t first, end;
        para_tokens(doc, p, &first, &end);
        for (size_t k = first; k < end; k++) {
            char other[SH_MAX_WORD];
            if (doc->tokens[k].kind == TQC_TOK_WORD &&
                key_of(ctx, &doc->tokens[k], other, NULL) == len && memcmp(other, key, len) == 0)
                return true;
        }
    }
    return false;
}

/* How many leading bytes two words must share to count as one (`party`, `parties`). */
#define SH_STEM 5
/* Paragraphs below a subheading that it announces. */
#define SH_BELOW 2

/* Whether a content word of tokens [first, end) (not a function word, four bytes or
 * more) begins a word of the paragraphs from `below` on, up to SH_BELOW of them. */
/* A word seen once in this many words of the frequency list or more is common: shared
 * with the text below by chance as often as by topic (`pourquoi`, `things`). */
#define SH_COMMON_PER 5000

static bool common_word(const tqc_ctx *ctx, const char *key, size_t n)
{
    uint64_t total = tqc_dict_freq_total(ctx->dict);
    return total && tqc_dict_freq(ctx->dict, key, n) * SH_COMMON_PER >= total;
}

/* A title of this many words or more announces the text below when it shares two of its
 * words with it: a new article's headline sums up its lead, while a headline of another
 * story shares a word with any paragraph now and then. */
#define SH_LONG_TITLE 8

/* How many content words of tokens [first, end) (not a function word, four bytes or more;
 * with skip_common, not a common word either) begin a word of paragraphs [from, to), or
 * are begun by one (`party`, `parties`); each counts once, and counting stops at need. */
static size_t shared_words(const tqc_ctx *ctx, size_t first, size_t end, size_t from,
                           size_t to, bool skip_common, size_t need)
{
    const tqc_doc *doc = ctx->doc;
    size_t shared = 0;
    for (size_t k = first; k < end && shared < need; k++) {
        char key[SH_MAX_WORD];
        size_t n = doc->tokens[k].kind == TQC_TOK_WORD ? key_of(ctx, &doc->tokens[k], key, NULL)
                                                       : 0;
        if (n < 4 || tqc_lang_in(ctx->lang, "function-words", key, n) ||
            (skip_common && common_word(ctx, key, n)))
            continue;
        bool found = false;
        for (size_t p = from; p < to && !found; p++) {
            size_t a, b;
            para_tokens(doc, p, &a, &b);
            for (size_t j = a; j < b && !found; j++) {
                char other[SH_MAX_WORD];
                size_t m = doc->tokens[j].kind == TQC_TOK_WORD
                               ? key_of(ctx, &doc->tokens[j], other, NULL)
                               : 0;
                size_t stem = n < m ? n : m;
                stem = stem < SH_STEM ? stem : SH_STEM;
                found = m >= 4 && memcmp(key, other, stem) == 0;
            }
        }
        shared += found;
    }
    return shared;
}

static bool announces_below(const tqc_ctx *ctx, size_t first, size_t end, size_t below)
{
    const tqc_doc *doc = ctx->doc;
    size_t to = below + SH_BELOW < doc->paragraph_count ? below + SH_BELOW : doc->paragraph_count;
    size_t need = count_words(ctx, first, end) >= SH_LONG_TITLE ? 2 : 1;
    return shared_words(ctx, first, end, below, to, true, need) >= need;
}

/* Capitalised content words that make a line a title in title case. */
#define SH_TITLE_CAPS 3

/* Whether tokens [first, end) are set in title case, as headlines in English are: no
 * content word in lower case (function words may be), and at least SH_TITLE_CAPS words the
 * dictionary knows in lower case written with a capital (not a name of the lexicon; where
 * nouns take one anyway, not nouns), more than half of its content words: `Ferry Fares
 * Rise Again For Commuters`. A dateline's capitals are names. */
static bool title_case(const tqc_ctx *ctx, size_t first, size_t end)
{
    const tqc_doc *doc = ctx->doc;
    bool nouns_capitalised = tqc_lang_yes(ctx->lang, "capitalised-nouns");
    size_t caps = 0, content = 0;
    for (size_t k = first; k < end; k++) {
        const tqc_token *t = &doc->tokens[k];
        char key[SH_MAX_WORD];
        size_t n = t->kind == TQC_TOK_WORD ? key_of(ctx, t, key, NULL) : 0;
        if (!n || tqc_lang_in(ctx->lang, "function-words", key, n))
            continue;
        if (!(t->flags & TQC_TF_CAP))
            return false;
        content++;
        uint32_t pos = tqc_ctx_pos(ctx, k);
        caps += n >= 4 && tqc_dict_known(ctx->dict, key, n) && !(pos & TQC_POS_PROPN) &&
                !(nouns_capitalised && (pos & TQC_POS_NOUN));
    }
    /* Most of a headline's words are common words; most of a dateline's are names. */
    return caps >= SH_TITLE_CAPS && caps * 2 > content;
}

static bool title_shaped(const tqc_ctx *ctx, size_t first, size_t end)
{
    const tqc_doc *doc = ctx->doc;
    size_t words = count_words(ctx, first, end);
    const tqc_token *head = &doc->tokens[first], *last = last_meaningful(ctx, first, end);
    if (words < SH_MIN_WORDS || words > SH_MAX_WORDS || head->kind != TQC_TOK_WORD ||
        !(head->flags & TQC_TF_CAP) || !last ||
        (last->kind != TQC_TOK_WORD && last->kind != TQC_TOK_NUMBER))
        return false;
    /* Captions and headlines have lower-case words, or are in title case; datelines
     * (`Dallas, Tex., May 1`) are neither. A quotation left open continues in the next
     * paragraph: not a title. */
    bool lower = false;
    int marks = 0;
    for (size_t k = first; k < end; k++) {
        const tqc_token *t = &doc->tokens[k];
        lower = lower || (t->kind == TQC_TOK_WORD && (t->flags & TQC_TF_LOWER));
        /* Parity, not direction: German pairs „ with “ and » with «. Apostrophes
         * (Workers’) are no quotation. */
        unsigned m = tqc_ctx_mark(ctx, k, TQC_QUOTE_ROLES_QUOTES);
        marks += (m & (TQC_MARK_OPENS | TQC_MARK_CLOSES)) && !(m & TQC_MARK_APOSTROPHE);
    }
    if (marks % 2 != 0)
        return false;
    char key[SH_MAX_WORD];
    size_t n = tqc_text_case(tqc_doc_at(doc, last->span), tqc_span_len(last->span),
                             TQC_CASE_LOWER, key, sizeof key);
    /* A line cut off in mid-phrase ends on an article, a conjunction or a determiner;
     * not on a function word that can end a phrase: a preposition where the language
     * detaches verb particles (`kündigt neue Regeln an`), a pronoun (`verändert sich`,
     * `für alle`), an adverb. */
    size_t at = (size_t)(last - doc->tokens);
    uint32_t pos = tqc_ctx_pos_lower(ctx, at);
    /* An article right after a noun opens no phrase there: it is a verb's particle
     * (`trifft in der Hauptstadt ein`). */
    uint32_t before = at > first ? tqc_ctx_pos(ctx, at - 1) | tqc_ctx_pos_lower(ctx, at - 1) : 0;
    /* (Where nouns are capitalised, a capitalised word inside the line is one, known to
     * the lexicon or not: `Hafenstadt`.) */
    if (at > first + 1 && !before && (doc->tokens[at - 1].flags & TQC_TF_CAP) &&
        tqc_lang_yes(ctx->lang, "capitalised-nouns"))
        before = TQC_POS_NOUN;
    bool particle = before && !(before & ~(TQC_POS_NOUN | TQC_POS_PROPN));
    bool cut = tqc_lang_in(ctx->lang, "articles", key, n) ||
               tqc_lang_in(ctx->lang, "subordinators", key, n) ||
               ((tqc_lang_in(ctx->lang, "function-words", key, n) ||
                 tqc_lang_in(ctx->lang, "determiners", key, n)) &&
                !(pos & (TQC_POS_PREP | TQC_POS_ADV | TQC_POS_PRON | TQC_POS_NOUN |
                         TQC_POS_ADJ | TQC_POS_VERB)));
    return (lower || title_case(ctx, first, end)) && n && (!cut || particle);
}

static void check_paragraph(const tqc_ctx *ctx, size_t p, size_t before)
{
    const tqc_doc *doc = ctx->doc;
    size_t first, end;
    para_tokens(doc, p, &first, &end);
    size_t from = before + 1 > SH_CONTEXT ? before + 1 - SH_CONTEXT : 0;
    size_t names = 0;
    /* A page's own heading (h1 to h6): its author set it as one, so a title-like line there
     * is most likely a subheading, and the finding a guess (info). */
    bool marked = tqc_ctx_paragraph_is_heading(ctx, p);
    /* In title case every word is capitalised: only a word the dictionary does not know
     * in lower case is a name. */
    bool titled = title_case(ctx, first, end);
    char shown[SH_SHOWN * (SH_MAX_WORD + 4)] = "";
    size_t shown_len = 0, shown_count = 0;
    for (size_t k = first; k < end; k++) {
        const tqc_token *t = &doc->tokens[k];
        char key[SH_MAX_WORD];
        bool cap = false;
        size_t n = t->kind == TQC_TOK_WORD ? key_of(ctx, t, key, &cap) : 0;
        if (n < 3 || tqc_lang_in(ctx->lang, "function-words", key, n))
            continue;
        /* A capital inside the line is a name; on its first word only if the dictionary
         * does not know the word in lower case. Only names count as evidence. */
        if (!cap || ((k == first || titled) && tqc_dict_known(ctx->dict, key, n)))
            continue;
        /* Count each name once. */
        bool seen = false;
        for (size_t j = first; j < k && !seen; j++) {
            char other[SH_MAX_WORD];
            seen = doc->tokens[j].kind == TQC_TOK_WORD &&
                   key_of(ctx, &doc->tokens[j], other, NULL) == n && memcmp(other, key, n) == 0;
        }
        if (seen || !occurs_in(ctx, from, before + 1, key, n))
            continue;
        names++;
        if (shown_count < SH_SHOWN) {
            int w = snprintf(shown + shown_len, sizeof shown - shown_len, "%s'%.*s'",
                             shown_count ? ", " : "", (int)tqc_span_len(t->span),
                             tqc_doc_at(doc, t->span));
            if (w > 0 && (size_t)w < sizeof shown - shown_len) {
                shown_len += (size_t)w;
                shown_count++;
            }
        }
    }
    if (names == 0) {
        /* Sharing no name with the story above, it is a headline of another story, or a
         * subheading or the next article's headline, which announce the text below it:
         * a word of it there makes it a guess. */
        bool announces = announces_below(ctx, first, end, p + 1);
        tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id,
                                  announces || marked ? TQC_SEV_INFO : TQC_SEV_WARNING,
                                  doc->paragraphs[p].span,
                                  "a title-like line (%zu words, no final punctuation) between two "
                                  "body paragraphs%s: probably a photo caption or related-article "
                                  "headline left by the scraper; remove it",
                                  count_words(ctx, first, end),
                                  announces ? " (or a subheading: the paragraph after it shares "
                                              "a word with it)"
                                            : ", sharing no word with the paragraphs around it");
        tqc_finding_fix(ctx->out, f, doc->paragraphs[p].span, "", 0, false);
        return;
    }
    tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id, marked ? TQC_SEV_INFO : TQC_SEV_WARNING,
                              doc->paragraphs[p].span,
                              "a title-like line (%zu words, no final punctuation) between two "
                              "body paragraphs that continue one story (it repeats %s from "
                              "above): probably a photo caption or related-article headline "
                              "left by the scraper%s; remove it",
                              count_words(ctx, first, end), shown,
                              marked ? " (or a subheading: the page marks it as a heading)" : "");
    tqc_finding_fix(ctx->out, f, doc->paragraphs[p].span, "", 0, false);
}

/* Whether a content word of tokens [first, end) begins a word of paragraphs [from, to),
 * or one of them begins it. */
static bool shares_word(const tqc_ctx *ctx, size_t first, size_t end, size_t from, size_t to)
{
    return shared_words(ctx, first, end, from, to, false, 1) > 0;
}

/* A short line (up to SH_MIN_WORDS - 1 words) shaped as a label or a title: capitalised,
 * no punctuation inside or at its end, a content word, and no name (a capitalised word
 * the dictionary does not know in lower case: bylines, datelines and speakers' names are
 * names). `Politics`, `Science and health`, `Rates Held Steady`. */
static bool label_shaped(const tqc_ctx *ctx, size_t first, size_t end)
{
    const tqc_doc *doc = ctx->doc;
    size_t words = count_words(ctx, first, end), content = 0;
    if (words == 0 || words >= SH_MIN_WORDS || doc->tokens[first].kind != TQC_TOK_WORD ||
        !(doc->tokens[first].flags & TQC_TF_CAP))
        return false;
    for (size_t k = first; k < end; k++) {
        const tqc_token *t = &doc->tokens[k];
        if (t->kind != TQC_TOK_WORD)
            return false;
        char key[SH_MAX_WORD];
        size_t n = key_of(ctx, t, key, NULL);
        /* Where nouns are capitalised, a noun is known only so (`Meinung`). */
        bool known = tqc_dict_known(ctx->dict, key, n) ||
                     (tqc_lang_yes(ctx->lang, "capitalised-nouns") &&
                      tqc_ctx_pos(ctx, k) & TQC_POS_NOUN && !(tqc_ctx_pos(ctx, k) & TQC_POS_PROPN));
        if (n != tqc_span_len(t->span) || !known)
            return false;   /* a name, an elision or a word the dictionary lacks */
        content += n >= 3 && !tqc_lang_in(ctx->lang, "function-words", key, n);
    }
    return content > 0;
}

/* A caption is at most a few sentences. */
#define SH_CAPTION_MAX_WORDS 40

static bool token_in(const tqc_ctx *ctx, size_t k, const char *list)
{
    const tqc_token *t = &ctx->doc->tokens[k];
    char key[SH_MAX_WORD];
    size_t n = t->kind == TQC_TOK_WORD ? key_of(ctx, t, key, NULL) : 0;
    return n && tqc_lang_in(ctx->lang, list, key, n);
}

/* How many words an agency of the profile list `agencies` at token k (before end) takes:
 * two (`Getty Images`), one (`Reuters`) or none. */
static size_t agency_words(const tqc_ctx *ctx, size_t k, size_t end)
{
    const tqc_doc *doc = ctx->doc;
    if (k + 1 < end && doc->tokens[k].kind == TQC_TOK_WORD &&
        doc->tokens[k + 1].kind == TQC_TOK_WORD) {
        char two[2 * SH_MAX_WORD + 1];
        size_t a = key_of(ctx, &doc->tokens[k], two, NULL);
        if (a && a + 1 < SH_MAX_WORD) {
            two[a] = ' ';
            size_t b = key_of(ctx, &doc->tokens[k + 1], two + a + 1, NULL);
            if (b && tqc_lang_in(ctx->lang, "agencies", two, a + 1 + b))
                return 2;
        }
    }
    return token_in(ctx, k, "agencies") ? 1 : 0;
}

/* Whether tokens k and k+1 (before end) name an agency of the profile list `agencies`:
 * one word (`Reuters`) or two (`Getty Images`). */
static bool agency_at(const tqc_ctx *ctx, size_t k, size_t end)
{
    return agency_words(ctx, k, end) > 0;
}

/* The credit of a photo caption in tokens [first, end): a copyright sign, a credit word
 * before a colon or slash (`Photo: ...`, `Foto/...`), a credit word or an agency alone in
 * brackets (`(File)`, `(Reuters)`), or an agency after a separating mark (`/ AFP`,
 * `- EFE`). Writes the token that shows it to *at. */
/* How much tokens [first, end) describe: a lower-case content word counts 1, a verb 2.
 * A verb describes at once (in German, where nouns are capitalised, the verb is what a
 * caption has and a dateline lacks). */
static size_t described_words(const tqc_ctx *ctx, size_t first, size_t end)
{
    const tqc_doc *doc = ctx->doc;
    size_t described = 0;
    for (size_t k = first; k < end; k++) {
        if (doc->tokens[k].kind != TQC_TOK_WORD || !(doc->tokens[k].flags & TQC_TF_LOWER) ||
            token_in(ctx, k, "function-words"))
            continue;
        described += tqc_ctx_pos_lower(ctx, k) & TQC_POS_VERB ? 2 : 1;
    }
    return described;
}

/* Whether the token before k ends a sentence (`.`, `!`, `?`). */
static bool sentence_end_before(const tqc_ctx *ctx, size_t k)
{
    const tqc_token *p = &ctx->doc->tokens[k - 1];
    if (p->kind != TQC_TOK_PUNCT)
        return false;
    int32_t cp = first_cp(ctx->doc, p);
    return cp == '.' || cp == '!' || cp == '?';
}

/* Words of a photographer's name after an agency's slash. */
#define SH_CREDIT_NAME_WORDS 4

/* Whether an agency of the profile list `agencies` (one word or two) at token k is followed
 * by a slash and capitalised words that end the line: a photographer's name (`EFE/Ana
 * Ruiz`) or the agency's archive. */
static bool agency_slash_name(const tqc_ctx *ctx, size_t k, size_t end)
{
    const tqc_doc *doc = ctx->doc;
    size_t words = agency_words(ctx, k, end), slash = k + words;
    if (!words || slash + 1 >= end || doc->tokens[slash].kind != TQC_TOK_PUNCT ||
        first_cp(doc, &doc->tokens[slash]) != '/')
        return false;
    /* The name ends the line: `Reuters/Ipsos polls show ...` opens a sentence. */
    for (size_t k2 = slash + 1; k2 < end; k2++)
        if (doc->tokens[k2].kind != TQC_TOK_WORD || !(doc->tokens[k2].flags & TQC_TF_CAP) ||
            k2 > slash + SH_CREDIT_NAME_WORDS)
            return false;
    return true;
}

static bool caption_credit(const tqc_ctx *ctx, size_t first, size_t end, size_t *at)
{
    const tqc_doc *doc = ctx->doc;
    /* A credit in brackets or after a dash also ends a dateline (`Salem (AP)`); a caption
     * describes, so it has a verb or lower-case content words, and a dateline one at most
     * (the month: `Lisboa, 3 de março (Lusa)`). */
    size_t described = SIZE_MAX;    /* counted when a bracket or a dash first asks it */
    for (size_t k = first; k < end; k++) {
        const tqc_token *t = &doc->tokens[k];
        int32_t cp = t->kind == TQC_TOK_PUNCT || t->kind == TQC_TOK_SYMBOL ? first_cp(doc, t) : 0;
        int32_t next = k + 1 < end && (doc->tokens[k + 1].kind == TQC_TOK_PUNCT ||
                                       doc->tokens[k + 1].kind == TQC_TOK_SYMBOL)
                           ? first_cp(doc, &doc->tokens[k + 1])
                           : 0;
        *at = k;
        if (cp == 0xA9)
            return true;
        /* A credit label opens the caption or a part of it and has the credit after it:
         * `Photo: AFP`, not `add it to your test file:`. */
        if (t->kind == TQC_TOK_WORD && (next == ':' || next == '/') && k + 2 < end &&
            (k == first || (t->flags & TQC_TF_CAP)) && token_in(ctx, k, "credits"))
            return true;
        /* An agency before a slash and the photographer's name opens a credit too
         * (`EFE/Ana Ruiz`), at the caption's start or after its sentence. */
        if (t->kind == TQC_TOK_WORD && (k == first || sentence_end_before(ctx, k)) &&
            agency_slash_name(ctx, k, end)) {
            if (described == SIZE_MAX)
                described = described_words(ctx, first, end);
            if (described >= 2)
                return true;
        }
        if (cp == 0 || (cp != '(' && cp != '/' && cp != ':' && !tqc_text_is_dash(cp) &&
                        !tqc_ctx_separator(ctx, k)))
            continue;
        if (described == SIZE_MAX)
            described = described_words(ctx, first, end);
        if (described < 2)
            continue;
        if (cp == '(' && k + 2 < end && (token_in(ctx, k + 1, "credits") || agency_at(ctx, k + 1, end))) {
            size_t close = k + 2 + (k + 3 < end && !token_in(ctx, k + 1, "credits") &&
                                    doc->tokens[k + 2].kind == TQC_TOK_WORD);
            if (close < end && doc->tokens[close].kind == TQC_TOK_PUNCT &&
                first_cp(doc, &doc->tokens[close]) == ')')
                return true;
        }
        if ((cp == '/' || cp == ':' || tqc_text_is_dash(cp) || tqc_ctx_separator(ctx, k)) &&
            k + 1 < end && agency_at(ctx, k + 1, end)) {
            *at = k + 1;
            return true;
        }
    }
    return false;
}

/* Whether paragraph p of a page is one link and nothing else: a link opens where it
 * begins and closes where it ends, and no other link boundary lies between. */
static bool link_paragraph(const tqc_doc *doc, size_t p)
{
    tqc_span sp = doc->paragraphs[p].span;
    bool opens = false, closes = false;
    /* The boundaries from the paragraph's start on (they are sorted by offset): a scan
     * of all of them for each paragraph was quadratic on a page of many. None at its
     * start: no link opens there. */
    const tqc_doc_inline *from = tqc_doc_inline_boundary_at(doc, sp.start, NULL);
    if (!from)
        return false;
    for (size_t i = (size_t)(from - doc->inlines); i < doc->inline_count; i++) {
        const tqc_doc_inline *in = &doc->inlines[i];
        if (in->offset > sp.end)
            break;
        if (strcmp(in->tag, "a") != 0)
            continue;
        if (in->offset == sp.start && in->kind == TQC_INLINE_OPEN && !opens)
            opens = true;
        else if (in->offset == sp.end && in->kind == TQC_INLINE_CLOSE && !closes)
            closes = true;
        else
            return false;
    }
    return opens && closes;
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    tqc_span_index boilerplate;
    if (!tqc_span_index_build(&boilerplate, ctx->out, "boilerplate")) {
        ctx->out->failed = true;
        return;
    }
    const tqc_span_index *bp = &boilerplate;
    for (size_t p = 1; p + 1 < doc->paragraph_count; p++) {
        const tqc_paragraph *para = &doc->paragraphs[p];
        /* The page's own caption, set as one (figcaption), is in its place; a line that
         * leads into code or ends on it (`run the command` before an example) is prose cut
         * short by the code left out. */
        if (tqc_ctx_paragraph_is(ctx, p, "figcaption") || tqc_ctx_paragraph_ends_in_code(ctx, p))
            continue;
        size_t first, end;
        para_tokens(doc, p, &first, &end);
        bool link = doc->inline_count && link_paragraph(doc, p) &&
                    count_words(ctx, first, end) >= SH_LINK_MIN_WORDS;
        size_t credit = 0;
        if (!chrome(ctx, bp, p) && count_words(ctx, first, end) <= SH_CAPTION_MAX_WORDS &&
            caption_credit(ctx, first, end, &credit) &&
            (body_paragraph(ctx, p - 1) || body_paragraph(ctx, p + 1))) {
            tqc_span sp = doc->tokens[credit].span;
            tqc_finding *f = TQC_EMIT(ctx, para->span,
                                      "a photo caption with its credit ('%.*s') between "
                                      "paragraphs of the body: left by the scraper; remove it",
                                      (int)tqc_span_len(sp), tqc_doc_at(doc, sp));
            tqc_finding_fix(ctx->out, f, para->span, "", 0, false);
            continue;
        }
        /* An item of the page's own list or a term it defines (li, dt) is its structure,
         * not a line left between paragraphs; as a bare link it is still residue. */
        bool own = !link && (tqc_ctx_paragraph_is(ctx, p, "li") || tqc_ctx_paragraph_is(ctx, p, "dt"));
        bool label = !link && !own && para->sent_count == 1 && label_shaped(ctx, first, end);
        if (para->sent_count > (link ? 2 : 1) || chrome(ctx, bp, p) || own ||
            (!link && !label && !title_shaped(ctx, first, end)))
            continue;
        /* The nearest paragraphs on each side that are not chrome must be body text. */
        size_t before = p - 1, after = p + 1;
        while (before > 0 && chrome(ctx, bp, before))
            before--;
        while (after + 1 < doc->paragraph_count && chrome(ctx, bp, after))
            after++;
        if (chrome(ctx, bp, before) || chrome(ctx, bp, after) || !body_paragraph(ctx, before) ||
            !body_paragraph(ctx, after))
            continue;
        if (link) {
            tqc_finding *f = TQC_EMIT(ctx, para->span, "a paragraph that is one link and "
                                      "nothing else, between two body paragraphs: probably a "
                                      "related-article link left by the scraper; remove it");
            tqc_finding_fix(ctx->out, f, para->span, "", 0, false);
            continue;
        }
        if (label) {
            /* A subheading announces the text under it, or sums up the text above; a label
             * of the site's sections or another story's title shares no word with either. */
            size_t from = before + 1 > SH_CONTEXT ? before + 1 - SH_CONTEXT : 0;
            size_t to = after + SH_BELOW < doc->paragraph_count ? after + SH_BELOW
                                                                : doc->paragraph_count;
            if (shares_word(ctx, first, end, from, before + 1) ||
                shares_word(ctx, first, end, after, to))
                continue;
            /* Subheadings are short and share no word either (`Merger proposed`): only a
             * line in title case, each content word capitalised though the dictionary
             * writes it in lower case, reads as a headline set by another page. */
            size_t caps = 0, lower = 0;
            for (size_t k = first; k < end; k++) {
                char key[SH_MAX_WORD];
                size_t n = key_of(ctx, &doc->tokens[k], key, NULL);
                if (n < 4 || tqc_lang_in(ctx->lang, "function-words", key, n))
                    continue;
                caps += (doc->tokens[k].flags & TQC_TF_CAP) != 0;
                lower += (doc->tokens[k].flags & TQC_TF_CAP) == 0;
            }
            /* (Two words are a subheading's length: `Graphical Representation`; and a
             * page's own heading, h1-h6, is its author's.) */
            bool title_case = caps >= SH_TITLE_CAPS && lower == 0 &&
                              !tqc_ctx_paragraph_is_heading(ctx, p);
            tqc_finding *f = tqc_emit(ctx->out, ctx->pass->id,
                                      title_case ? TQC_SEV_WARNING : TQC_SEV_INFO, para->span,
                                      "a short line (%zu words, no final punctuation%s) between "
                                      "two body paragraphs, sharing no word with them: %s left "
                                      "by the scraper; remove it",
                                      count_words(ctx, first, end),
                                      title_case ? ", in title case" : "",
                                      title_case ? "probably another story's title"
                                                 : "a section label or another story's title, "
                                                   "or a subheading");
            tqc_finding_fix(ctx->out, f, para->span, "", 0, false);
            continue;
        }
        check_paragraph(ctx, p, before);
    }
    tqc_span_index_free(&boilerplate);
}

const tqc_pass tqc_pass_stray_heading = {
    .id = "stray-heading",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_WARNING) | TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "a photo caption or related-article headline stranded between body paragraphs",
    .good = "Council approves Lisbon harbour budget\n\n"
            "The Lisbon council approved the harbour budget on Tuesday after a long debate.\n\n"
            "Members said the money would repair the old harbour wall before winter.\n",
    .bad = "The Lisbon council approved the harbour budget on Tuesday after a long debate.\n\n"
           "Workers repair the harbour wall in Lisbon before the council vote\n\n"
           "Members said the money would repair the wall before winter storms arrive.\n",
    .details = "A photo caption or a related-article headline stranded between body paragraphs. "
               "A caption is told by its credit: a copyright sign, a credit word of "
               "rules/<lang>/credits before a colon (`Photo: ...`), or in brackets (`(File)`), or "
               "an agency of rules/<lang>/agencies after a separating mark (`/ AFP`, `(Reuters)`) "
               "or before a slash and the photographer's name ending the line (`EFE/Ana Ruiz`); "
               "a dateline (`Salem (AP)`) has no verb and no lower-case words and is left alone. "
               "A headline is a title-like line (6 to 20 words, capitalised, with a lower-case "
               "word or in title case, no final "
               "punctuation, not cut off on an article or conjunction) between two paragraphs of "
               "prose: a warning when it repeats a name of the story above or shares no word with "
               "the text around it; info when the paragraph below shares a word with it, as the "
               "lead of a new article or the text under a subheading does (two words for a title "
               "of eight words or more). A short line (up to five words) sharing no word with "
               "the story is a warning in title case (another page's headline), else a hint: a "
               "section label and a subheading look alike. Short lines that share a word, the "
               "first paragraph and a web page's own captions (figcaption) are left alone.",
    .run = run,
    .needs_dict = true,
};
