/* The segmenter: paragraphs, then sentences within each paragraph, over the token
 * stream. One left-to-right pass with bounded look-around per token, so it stays linear
 * on any input, and no allocation but the doc's arrays.
 * Paragraphs: a blank line ends one. Text with a line over SEG_WRAP_WIDTH bytes is one
 * paragraph a line; otherwise it is hard-wrapped and a single line break is soft, except
 * before a list item (bullet, or 1. / a) continuing a list) and after a short line
 * without final punctuation (a title).
 * Sentences end at . ! ? and ellipses followed by a space and a word that is not lower
 * case (past closing quotes and brackets), at the full stops of scripts without spaces
 * (。 ።), and before list items: a bullet anywhere, or a marker (1. 2) a.) that opens the
 * paragraph, follows a bullet or continues the list before it.
 * Script knowledge (which marks end sentences, close quotes or mark list items) is
 * Unicode data here; word knowledge comes from the profile's lists:
 *   abbreviations                words that a period after does not end a sentence (Mr, Inc)
 *   abbreviations-before-number  the same, only when a number follows (No. 5, p. 55)
 *   sentence-starters            capitalised words that after an abbreviation still begin
 *                                a new sentence (the U.S. How about...)
 *   after-ordinal                capitalised words after an ordinal written with a period
 *                                (German am 12. Juni, im 19. Jahrhundert): no sentence end
 *   list-closers                 abbreviations that close a list (etc, usw): after one, a
 *                                capitalised word the lexicon knows as a common word
 *                                begins a sentence (..., etc. Unfortunately ...)
 * Decisions where text is ambiguous:
 *   - a lower-case word after a period continues the sentence ("peace. and the"): the
 *     capitalization pass reports it as a broken sentence;
 *   - a run-on "agreement.The" (word, period, capitalised word, no space) is split;
 *   - a single capital letter with a period is an initial (Jonas E. Smith), and so is a
 *     run of single letters with periods (U.S., e.g., a.m.);
 *   - a quotation is no barrier: its sentences end inside it like any others
 *     ("“We won. We always do,” he said." is two), so a capital after ". " is always a
 *     sentence start for the passes;
 *   - spaced dots: ". . ." stays inside the sentence, "word. . . ." ends it at the first
 *     dot, "word . . . ." after the last;
 *   - verse quoted with its lines divided by spaced slashes ("Ei fu. Siccome immobile /
 *     dato il mortal sospiro / ...") is one sentence: a stop followed, within a verse
 *     line, by a " / " ends none. */
#include "seg/seg.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"
#include "core/token.h"
#include "lang/lex.h"

/* Lines longer than this mean "one paragraph per line" text, not hard-wrapped prose. */
#define SEG_WRAP_WIDTH 100
/* How far back an abbreviation may reach (tokens and bytes): longer is no abbreviation,
 * and the bound keeps a run of periods without spaces from costing quadratic time. */
#define SEG_ABBREV_TOKENS 8
#define SEG_ABBREV_BYTES 32
/* How many quotes, brackets and dashes may stand between a sentence end and the word
 * that decides whether a new sentence begins. */
#define SEG_LOOKAHEAD 4
/* List items numbered up to this many digits (1. to 999.); longer is a year or amount. */
#define SEG_MARKER_DIGITS 3
/* A verse line, as far as a stop before a " / " divider may look for it (in tokens). */
#define SEG_VERSE_TOKENS 12
/* A work's title in CJK title marks (《摔跤吧！爸爸》) may hold ！ or ？; a mark left open
 * stops protecting after this many tokens. */
#define SEG_TITLE_TOKENS 32
/* Letter markers get values above every number so the two never continue each other. */
#define SEG_LETTER_BASE 1000
#define SEG_NO_MARKER (-1)

typedef struct seg {
    tqc_doc *doc;
    const tqc_strmap *abbrev, *abbrev_num, *starters, *after_ordinal, *list_closers;
    const tqc_lex *lex;  /* the profile's lexicon, or NULL */
    const tqc_quotes *quotes; /* the profile's marks, or NULL */
    size_t para_cap, sent_cap;
    long list_last;  /* value of the last list marker accepted in this paragraph */
    long line_last;  /* value of the last marker that began a line (paragraph scan) */
} seg;

/* ---- what a token is ------------------------------------------------------------- */

static int32_t first_cp(const tqc_doc *doc, size_t k)
{
    const tqc_token *t = &doc->tokens[k];
    int32_t cp;
    tqc_text_decode(doc->text + t->span.start, tqc_span_len(t->span), &cp);
    return cp;
}

/* The code point of a token that is exactly one character, else -1. */
static int32_t only_cp(const tqc_doc *doc, size_t k)
{
    const tqc_token *t = &doc->tokens[k];
    int32_t cp;
    size_t n = tqc_text_decode(doc->text + t->span.start, tqc_span_len(t->span), &cp);
    return n == tqc_span_len(t->span) ? cp : -1;
}

static bool space_before(const tqc_doc *doc, size_t k)
{
    return doc->tokens[k].flags & TQC_TF_SPACE_BEFORE;
}

typedef enum term_kind {
    TERM_NONE,
    TERM_PERIOD,   /* . : also ends abbreviations, initials and list numbers */
    TERM_ELLIPSIS, /* ... or U+2026 */
    TERM_MARK,     /* ! ? and their doubled forms: may stand inside a sentence (Yahoo!) */
    TERM_STRONG    /* full stops of scripts that use them only to end sentences (CJK,
                    * Devanagari, Ethiopic, Armenian, Arabic): no space needed after */
} term_kind;

static term_kind terminator(const tqc_doc *doc, size_t k)
{
    if (doc->tokens[k].kind != TQC_TOK_PUNCT)
        return TERM_NONE;
    int32_t cp = first_cp(doc, k);
    switch (cp) {
    case '.':
        return tqc_span_len(doc->tokens[k].span) == 1 ? TERM_PERIOD : TERM_ELLIPSIS;
    case 0x2026:
        return TERM_ELLIPSIS;
    case '!': case '?': case 0x203C: case 0x203D: case 0x2047: case 0x2048: case 0x2049:
        return TERM_MARK;
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61: /* 。！？｡ */
    case 0x0589:                                     /* Armenian full stop */
    case 0x061F: case 0x06D4:                        /* Arabic question mark, full stop */
    case 0x0964: case 0x0965:                        /* Devanagari danda, double danda */
    case 0x1362: case 0x1367: case 0x1368:           /* Ethiopic full stop, question */
    case 0x104B:                                     /* Myanmar section */
        return TERM_STRONG;
    default:
        return TERM_NONE;
    }
}

/* Marks that close a quotation or bracket right after a sentence end ("fine.” He): the
 * language's quotation marks and closing brackets, and any mark Unicode calls a quote or
 * a closing bracket (the opening forms of some styles, „…“ and »…«, close there too). */
static bool is_closer(const seg *s, size_t k)
{
    if (s->doc->tokens[k].kind != TQC_TOK_PUNCT)
        return false;
    int32_t cp = only_cp(s->doc, k);
    if (cp < 0)
        return false;
    unsigned m = tqc_quotes_mark(s->quotes, cp, TQC_QUOTE_ROLES_QUOTES);
    return (m & (TQC_MARK_OPENS | TQC_MARK_CLOSES)) ||
           (tqc_quotes_mark(s->quotes, cp, TQC_QUOTE_ROLE(TQC_QUOTE_BRACKET)) & TQC_MARK_CLOSES) ||
           tqc_text_is_close_punct(cp) || tqc_text_is_quote_punct(cp);
}

/* Marks that may stand before the first word of a sentence: quotes, brackets, dashes,
 * and the language's inverted marks (¿ ¡). */
static bool is_opener(const seg *s, size_t k)
{
    const tqc_doc *doc = s->doc;
    const tqc_token *t = &doc->tokens[k];
    if (t->kind != TQC_TOK_PUNCT)
        return false;
    if (tqc_text_is_dash(first_cp(doc, k)))
        return true;  /* dashes, also "--" */
    int32_t cp = only_cp(doc, k);
    if (cp < 0)
        return false;
    unsigned quote = tqc_quotes_mark(s->quotes, cp, TQC_QUOTE_ROLES_QUOTES);
    unsigned other = tqc_quotes_mark(s->quotes, cp, TQC_QUOTE_ROLE(TQC_QUOTE_BRACKET) |
                                                        TQC_QUOTE_ROLE(TQC_QUOTE_INVERTED));
    return (quote & (TQC_MARK_OPENS | TQC_MARK_CLOSES)) || (other & TQC_MARK_OPENS) ||
           tqc_text_is_open_punct(cp) || tqc_text_is_quote_punct(cp);
}

/* Bullets that mark a list item wherever they stand. */
static bool is_bullet_char(int32_t cp)
{
    switch (cp) {
    case 0x2022: case 0x2023: case 0x2043: case 0x2219: case 0x25E6: case 0x25AA:
    case 0x25AB: case 0x25CF: case 0x25CB: case 0x25A0: case 0x25A1: case 0x25B8:
    case 0x25BA: case 0x25B6: case 0x27A2: case 0x27A4: case 0x2714: case 0x2713:
    case 0x2756: case 0x25C6: case 0x25C7:
        return true;
    default:
        return false;
    }
}

/* Whether token k is a bullet that begins a list item: one of the bullets above before
 * more text, or '-' or '*' at the start of a line and followed by a space. */
static bool is_bullet(const tqc_doc *doc, size_t k, size_t end, size_t para_first)
{
    const tqc_token *t = &doc->tokens[k];
    if (k + 1 >= end || (t->kind != TQC_TOK_PUNCT && t->kind != TQC_TOK_SYMBOL))
        return false;
    if (k != para_first && !(t->flags & TQC_TF_SPACE_BEFORE))
        return false;
    int32_t cp = only_cp(doc, k);
    if (is_bullet_char(cp))
        return !is_bullet_char(only_cp(doc, k + 1));
    return (cp == '-' || cp == '*') && (k == para_first || (t->flags & TQC_TF_NEWLINE_BEFORE)) &&
           space_before(doc, k + 1);
}

/* A list marker at k: a number of at most SEG_MARKER_DIGITS digits or a single letter,
 * then "." or ")" or ".)", then a space and more text. Returns its value (letters above
 * SEG_LETTER_BASE) and sets *after to the token after it; SEG_NO_MARKER when k is none. */
static long marker_at(const tqc_doc *doc, size_t k, size_t end, size_t *after)
{
    const tqc_token *t = &doc->tokens[k];
    /* Most tokens fail here: a marker is followed, unspaced, by punctuation. */
    if (k + 1 >= end || space_before(doc, k + 1) || doc->tokens[k + 1].kind != TQC_TOK_PUNCT)
        return SEG_NO_MARKER;
    long value;
    if (t->kind == TQC_TOK_NUMBER) {
        size_t len = tqc_span_len(t->span);
        if (len > SEG_MARKER_DIGITS)
            return SEG_NO_MARKER;
        value = 0;
        for (size_t i = t->span.start; i < t->span.end; i++) {
            char c = doc->text[i];
            if (c < '0' || c > '9')
                return SEG_NO_MARKER;
            value = value * 10 + (c - '0');
        }
    } else if (t->kind == TQC_TOK_WORD) {
        int32_t cp = only_cp(doc, k);
        if (cp < 0 || !tqc_text_is_letter(cp))
            return SEG_NO_MARKER;
        value = SEG_LETTER_BASE + (long)cp;
    } else {
        return SEG_NO_MARKER;
    }
    size_t m = k + 1;
    if (m < end && !space_before(doc, m) && terminator(doc, m) == TERM_PERIOD)
        m++;
    if (m < end && !space_before(doc, m) && only_cp(doc, m) == ')')
        m++;
    if (m == k + 1 || m >= end || !space_before(doc, m))
        return SEG_NO_MARKER;
    *after = m;
    return value;
}

/* The first marker of a list: 1, a or A. */
static bool starts_list(long value)
{
    return value == 1 || value == SEG_LETTER_BASE + 'a' || value == SEG_LETTER_BASE + 'A';
}

static bool in_list(const tqc_strmap *list, const tqc_doc *doc, size_t start, size_t end)
{
    return tqc_strmap_get(list, doc->text + start, end - start, NULL);
}

/* Whether text[start, end) is single letters joined by periods (U.S, e.g, a.m): such a
 * word before a period is an abbreviation in every language that writes them. */
static bool is_initialism(const tqc_doc *doc, size_t start, size_t end)
{
    size_t letters = 0;
    for (size_t i = start; i < end;) {
        int32_t cp;
        i += tqc_text_decode(doc->text + i, end - i, &cp);
        if (!tqc_text_is_letter(cp))
            return false;
        letters++;
        if (i < end) {
            if (doc->text[i] != '.')
                return false;
            i++;
            if (i == end)
                return false;
        }
    }
    return letters >= 2;
}

/* Whether the period at k ends an abbreviation or an initial rather than a sentence.
 * next is the token that follows the sentence end (SIZE_MAX at the paragraph's end). */
static bool is_abbreviation(const seg *s, size_t k, size_t para_first, size_t next)
{
    const tqc_doc *doc = s->doc;
    if (k == para_first || space_before(doc, k))
        return false;
    /* The word before the period: back to the last space, without leading quotes or
     * brackets ("(approx." -> "approx", "N°." -> "N°"). */
    size_t first = k - 1, n = 1;
    while (first > para_first && !space_before(doc, first) && n < SEG_ABBREV_TOKENS) {
        first--;
        n++;
    }
    if (n == SEG_ABBREV_TOKENS && first > para_first && !space_before(doc, first))
        return false;
    while (first < k - 1 && is_opener(s, first))
        first++;
    size_t start = doc->tokens[first].span.start, end = doc->tokens[k - 1].span.end;
    if (end - start > SEG_ABBREV_BYTES)
        return false;
    const tqc_token *last = &doc->tokens[k - 1];
    if (last->kind != TQC_TOK_WORD && first == k - 1)
        return false;
    /* A single capital is an initial (Jonas E. Smith); single letters joined by periods
     * are an initialism (U.S., e.g.). */
    int32_t cp;
    if (first == k - 1 && tqc_text_decode(doc->text + start, end - start, &cp) == end - start &&
        tqc_text_is_upper(cp))
        return true;
    if (is_initialism(doc, start, end))
        return true;
    bool number_follows = next != SIZE_MAX && doc->tokens[next].kind == TQC_TOK_NUMBER;
    if (in_list(s->abbrev, doc, start, end) ||
        (number_follows && in_list(s->abbrev_num, doc, start, end)))
        return true;
    /* The last word alone, when something is glued before it (ex-Gov., end.Co.), or
     * an elided article is (French and Italian l'Ing., l’Av.). */
    if (last->kind != TQC_TOK_WORD)
        return false;
    start = last->span.start;
    for (size_t i = start; i < end;) {
        int32_t c;
        i += tqc_text_decode(doc->text + i, end - i, &c);
        if (tqc_text_is_apostrophe(c) && i < end)
            start = i;
    }
    if (first != k - 1 || start != last->span.start)
        return in_list(s->abbrev, doc, start, end) ||
               (number_follows && in_list(s->abbrev_num, doc, start, end));
    return false;
}

/* The token after the sentence end at j that decides whether a sentence begins there:
 * past quotes, brackets and dashes (at most SEG_LOOKAHEAD), or SIZE_MAX at the end. */
static size_t deciding_token(const seg *s, size_t j, size_t end)
{
    for (size_t n = 0; j < end && n < SEG_LOOKAHEAD && is_opener(s, j); n++)
        j++;
    return j < end ? j : SIZE_MAX;
}

static bool starts_lower(const tqc_doc *doc, size_t k)
{
    return doc->tokens[k].kind == TQC_TOK_WORD && tqc_text_is_lower(first_cp(doc, k));
}

/* Marks no sentence begins with: after "consuela. / [...]" (verse lines divided by
 * slashes) or "etc. , y" the text goes on. */
static bool continues_sentence(const tqc_doc *doc, size_t k)
{
    int32_t cp = only_cp(doc, k);
    return doc->tokens[k].kind == TQC_TOK_PUNCT &&
           (cp == ',' || cp == ';' || cp == ':' || cp == '/');
}

/* Whether the sentence that would begin at k is a verse line of a quotation whose lines
 * are divided by spaced slashes: a " / " follows within SEG_VERSE_TOKENS tokens and no
 * sentence mark comes before it. */
static bool verse_line_follows(const tqc_doc *doc, size_t k, size_t end)
{
    for (size_t j = k, n = 0; j < end && n < SEG_VERSE_TOKENS; j++, n++) {
        if (terminator(doc, j) != TERM_NONE)
            return false;
        if (only_cp(doc, j) == '/' && space_before(doc, j) && j + 1 < end &&
            space_before(doc, j + 1))
            return true;
    }
    return false;
}

/* Whether the period at k makes an ordinal of the number before it (German `am 12.
 * Juni`): a number glued to the period, and a word of `after-ordinal` next. */
static bool is_ordinal(const seg *s, size_t k, size_t para_first, size_t next)
{
    const tqc_doc *doc = s->doc;
    if (k == para_first || next == SIZE_MAX || space_before(doc, k) ||
        doc->tokens[k - 1].kind != TQC_TOK_NUMBER)
        return false;
    return in_list(s->after_ordinal, doc, doc->tokens[next].span.start,
                   doc->tokens[next].span.end);
}

/* After an abbreviation a new sentence begins only with a listed sentence starter;
 * one with a period glued to it is an initial ("Dr. A. Kumar", "Mr. I. Jones"). */
static bool is_starter(const seg *s, size_t k, size_t end)
{
    const tqc_token *t = &s->doc->tokens[k];
    if (t->kind != TQC_TOK_WORD || !(t->flags & TQC_TF_CAP) ||
        (k + 1 < end && !space_before(s->doc, k + 1) && terminator(s->doc, k + 1) == TERM_PERIOD))
        return false;
    return in_list(s->starters, s->doc, t->span.start, t->span.end);
}

/* Whether the period at k closes a list (`etc.`, `usw.`) before a sentence beginning at
 * next: a list ends its clause, so a capitalised word the lexicon knows as more than a
 * name (`Unfortunately`, German `Die`, `Obst`) begins one; a name, or a word the lexicon
 * lacks, may be the list's next item or the clause going on, and keeps it joined. */
static bool list_closed_before(const seg *s, size_t k, size_t para_first, size_t next,
                               size_t end)
{
    const tqc_doc *doc = s->doc;
    if (!s->list_closers || !s->lex || k == para_first || next == SIZE_MAX ||
        space_before(doc, k))
        return false;
    const tqc_token *w = &doc->tokens[k - 1], *t = &doc->tokens[next];
    if (w->kind != TQC_TOK_WORD || !in_list(s->list_closers, doc, w->span.start, w->span.end))
        return false;
    if (t->kind != TQC_TOK_WORD || !(t->flags & TQC_TF_CAP) ||
        (next + 1 < end && !space_before(doc, next + 1) &&
         terminator(doc, next + 1) == TERM_PERIOD))
        return false;
    char lower[SEG_ABBREV_BYTES * 2];
    size_t len = t->span.end - t->span.start;
    uint32_t pos = tqc_lex_pos(s->lex, doc->text + t->span.start, len);
    size_t n = tqc_text_case(doc->text + t->span.start, len, TQC_CASE_LOWER, lower,
                             sizeof lower);
    if (n)
        pos |= tqc_lex_pos(s->lex, lower, n);
    return (pos & ~(uint32_t)TQC_POS_PROPN) != 0;
}

/* A run-on sentence end without a space: a lower-case word of two letters or more, a
 * period, ! or ?, and a capitalised word of two letters or more that is not all
 * capitals ("agreement.The", but not "ASP.NET", "Ph.D" or "U.S.Army"). */
static bool is_run_on(const tqc_doc *doc, size_t k, size_t para_first)
{
    if (k == para_first || k + 1 >= doc->token_count)
        return false;
    const tqc_token *w = &doc->tokens[k - 1], *next = &doc->tokens[k + 1];
    if (w->kind != TQC_TOK_WORD || (w->flags & TQC_TF_PERIOD) || next->kind != TQC_TOK_WORD)
        return false;
    size_t start;
    int32_t lastc = tqc_text_prev(doc->text, w->span.end, &start);
    if (start == w->span.start || !tqc_text_is_lower(lastc))
        return false;
    return (next->flags & TQC_TF_CAP) && !(next->flags & TQC_TF_ALLCAPS) &&
           only_cp(doc, k + 1) < 0;
}

/* ---- building the arrays --------------------------------------------------------- */

static tqc_status push_sentence(seg *s, size_t first, size_t end_tok, size_t para)
{
    tqc_doc *doc = s->doc;
    if (first >= end_tok)
        return TQC_OK;
    if (doc->sentence_count == s->sent_cap) {
        size_t ncap = s->sent_cap ? s->sent_cap * 2 : 64;
        if (ncap > SIZE_MAX / sizeof(tqc_sentence))
            return TQC_ENOMEM;
        tqc_sentence *p = tqc_realloc(doc->sentences, ncap * sizeof *p);
        if (!p)
            return TQC_ENOMEM;
        doc->sentences = p;
        s->sent_cap = ncap;
    }
    size_t idx = doc->sentence_count++;
    doc->sentences[idx] = (tqc_sentence){
        tqc_span_make(doc->tokens[first].span.start, doc->tokens[end_tok - 1].span.end),
        first, end_tok - first, para};
    for (size_t k = first; k < end_tok; k++)
        doc->tokens[k].sentence = idx;
    doc->tokens[first].flags |= TQC_TF_SENT_START;
    return TQC_OK;
}

/* The end of the sentence whose final mark is token k: past closing quotes and brackets
 * and further marks written without a space ("Hello?!”"). */
static size_t past_closers(const seg *s, size_t k, size_t end)
{
    const tqc_doc *doc = s->doc;
    size_t j = k + 1;
    while (j < end && !space_before(doc, j) &&
           (is_closer(s, j) || terminator(doc, j) != TERM_NONE))
        j++;
    return j;
}

/* Where the sentence ending at the mark k ends: the token after it, or 0 when k does
 * not end a sentence. *resume gets the token to go on scanning from when that is past
 * the end returned (the rest of a run of spaced dots). */
static size_t sentence_end(const seg *s, size_t k, size_t para_first, size_t end,
                           size_t *resume)
{
    const tqc_doc *doc = s->doc;
    term_kind kind = terminator(doc, k);
    *resume = k + 1;
    /* An omission in brackets, "[...]" or "(!)", ends nothing. */
    if (k > para_first && !space_before(doc, k) && k + 1 < end && !space_before(doc, k + 1)) {
        int32_t open = only_cp(doc, k - 1), close = only_cp(doc, k + 1);
        if ((open == '[' && close == ']') || (open == '(' && close == ')'))
            return 0;
    }
    bool split_after_first = false;
    size_t period = k;
    if (kind == TERM_PERIOD) {
        /* Spaced dots: ". . ." is an ellipsis inside the sentence; "word. . . ." is a
         * period and then an ellipsis that begins the next sentence; "word . . . ." is
         * an ellipsis and then the period. */
        size_t run = k + 1;
        while (run < end && space_before(doc, run) && terminator(doc, run) == TERM_PERIOD)
            run++;
        size_t dots = run - k;
        if (dots > 1) {
            *resume = run;
            if (dots == 3)
                return 0;
            split_after_first = dots >= 4 && !space_before(doc, k);
            k = run - 1;
            kind = TERM_ELLIPSIS;
        }
    }
    size_t j = past_closers(s, k, end);
    if (j >= end)
        return split_after_first ? 0 : end;
    size_t next = deciding_token(s, j, end);
    if (kind == TERM_STRONG)
        return j;
    if (!space_before(doc, j)) {
        if (j == k + 1 && kind != TERM_ELLIPSIS && is_run_on(doc, k, para_first) &&
            !(kind == TERM_PERIOD && is_abbreviation(s, k, para_first, j)))
            return j;
        return 0;
    }
    if (next != SIZE_MAX && (starts_lower(doc, next) || continues_sentence(doc, next)))
        return 0;
    if (kind == TERM_PERIOD && next == j && is_ordinal(s, k, para_first, next))
        return 0;
    if (next != SIZE_MAX && verse_line_follows(doc, next, end))
        return 0;
    if (kind == TERM_PERIOD && is_abbreviation(s, k, para_first, next) &&
        (next == SIZE_MAX || !is_starter(s, next, end)) &&
        !list_closed_before(s, k, para_first, next, end))
        return 0;
    if (split_after_first)
        return period + 1;
    *resume = j;
    return j;
}

static tqc_status split_sentences(seg *s, size_t para, size_t first, size_t end)
{
    tqc_doc *doc = s->doc;
    size_t start = first;
    s->list_last = SEG_NO_MARKER;
    bool after_bullet = false;
    size_t title_open = SIZE_MAX;
    for (size_t k = first; k < end;) {
        /* A list item begins a sentence: a bullet, or a marker that is the first of its
         * paragraph, follows a bullet, or continues the list (2. after 1.). */
        if (is_bullet(doc, k, end, first)) {
            tqc_status st = push_sentence(s, start, k, para);
            if (st != TQC_OK)
                return st;
            start = k++;
            after_bullet = true;
            continue;
        }
        size_t after;
        long value = (k == first || space_before(doc, k) || after_bullet)
                         ? marker_at(doc, k, end, &after) : SEG_NO_MARKER;
        bool continues = s->list_last != SEG_NO_MARKER && value == s->list_last + 1;
        if (value != SEG_NO_MARKER &&
            (k == first || after_bullet || continues ||
             ((doc->tokens[k].flags & TQC_TF_NEWLINE_BEFORE) && starts_list(value)))) {
            if (!after_bullet) {
                tqc_status st = push_sentence(s, start, k, para);
                if (st != TQC_OK)
                    return st;
                start = k;
            }
            s->list_last = value;
            k = after;
            after_bullet = false;
            continue;
        }
        after_bullet = false;
        int32_t cp = only_cp(doc, k);
        if (cp == 0x300A || cp == 0x3008)
            title_open = k;
        else if (cp == 0x300B || cp == 0x3009)
            title_open = SIZE_MAX;
        if (terminator(doc, k) == TERM_NONE ||
            (title_open != SIZE_MAX && k - title_open <= SEG_TITLE_TOKENS)) {
            k++;
            continue;
        }
        size_t resume, stop = sentence_end(s, k, first, end, &resume);
        if (stop) {
            tqc_status st = push_sentence(s, start, stop, para);
            if (st != TQC_OK)
                return st;
            start = stop;
        }
        k = stop > resume ? stop : resume;
    }
    return push_sentence(s, start, end, para);
}

/* Longest line in bytes. */
static size_t longest_line(const tqc_doc *doc)
{
    size_t max = 0;
    for (size_t l = 0; l < doc->line_count; l++) {
        size_t a = doc->line_starts[l];
        size_t b = l + 1 < doc->line_count ? doc->line_starts[l + 1] - 1 : doc->len;
        if (b - a > max)
            max = b - a;
    }
    return max;
}

/* In hard-wrapped text, whether the line break before token k ends a paragraph: a blank
 * line does; so does a list item at the line start, and a short line without final
 * punctuation before a capital (a title or a caption). */
static bool line_break_ends_paragraph(seg *s, size_t k, size_t wrap)
{
    const tqc_doc *doc = s->doc;
    const tqc_token *prev = &doc->tokens[k - 1], *tok = &doc->tokens[k];
    size_t gap = prev->span.end;
    const char *nl = memchr(doc->text + gap, '\n', tok->span.start - gap);
    if (nl && memchr(nl + 1, '\n', (size_t)(doc->text + tok->span.start - nl - 1)))
        return true;
    if (is_bullet(doc, k, doc->token_count, k))
        return true;
    size_t after;
    long value = marker_at(doc, k, doc->token_count, &after);
    if (value != SEG_NO_MARKER &&
        (starts_list(value) || (s->line_last != SEG_NO_MARKER && value == s->line_last + 1))) {
        s->line_last = value;
        return true;
    }
    tqc_span line = tqc_doc_line_span(doc, prev->span.start);
    bool short_line = tqc_span_len(line) * 10 < wrap * 7;
    return short_line && terminator(doc, k - 1) == TERM_NONE && !is_closer(s, k - 1) &&
           tqc_text_is_upper(first_cp(doc, k));
}

static tqc_status push_paragraph(seg *s, size_t first, size_t end)
{
    tqc_doc *doc = s->doc;
    if (doc->paragraph_count == s->para_cap) {
        size_t ncap = s->para_cap ? s->para_cap * 2 : 32;
        if (ncap > SIZE_MAX / sizeof(tqc_paragraph))
            return TQC_ENOMEM;
        tqc_paragraph *p = tqc_realloc(doc->paragraphs, ncap * sizeof *p);
        if (!p)
            return TQC_ENOMEM;
        doc->paragraphs = p;
        s->para_cap = ncap;
    }
    size_t para = doc->paragraph_count++;
    doc->tokens[first].flags |= TQC_TF_PARA_START;
    size_t sent_first = doc->sentence_count;
    tqc_status st = split_sentences(s, para, first, end);
    if (st != TQC_OK)
        return st;
    doc->paragraphs[para] = (tqc_paragraph){
        tqc_span_make(doc->tokens[first].span.start, doc->tokens[end - 1].span.end),
        sent_first, doc->sentence_count - sent_first};
    return TQC_OK;
}

tqc_status tqc_segment(tqc_doc *doc, const tqc_lang *lang)
{
    seg s = {.doc = doc, .list_last = SEG_NO_MARKER, .line_last = SEG_NO_MARKER};
    if (lang) {
        s.abbrev = tqc_lang_list(lang, "abbreviations");
        s.abbrev_num = tqc_lang_list(lang, "abbreviations-before-number");
        s.starters = tqc_lang_list(lang, "sentence-starters");
        s.after_ordinal = tqc_lang_list(lang, "after-ordinal");
        s.list_closers = tqc_lang_list(lang, "list-closers");
        s.lex = tqc_lang_lexicon(lang);
        s.quotes = tqc_lang_quotes(lang);
    }
    size_t tok_cap = 0;
    doc->token_count = doc->sentence_count = doc->paragraph_count = 0;
    /* The text between hidden spans, piece by piece. */
    tqc_status st = TQC_OK;
    for (size_t h = 0, at = 0; st == TQC_OK && h <= doc->hidden_count; h++) {
        size_t end = h < doc->hidden_count ? doc->hidden[h].start : doc->len;
        if (end > at)
            st = tqc_tokenize(doc->text, tqc_span_make(at, end), &doc->tokens,
                              &doc->token_count, &tok_cap);
        if (h < doc->hidden_count && doc->hidden[h].end > at)
            at = doc->hidden[h].end;
    }
    if (st != TQC_OK)
        return st;

    size_t wrap = longest_line(doc);
    bool per_line = wrap > SEG_WRAP_WIDTH;
    size_t hid = 0;     /* the first hidden span not yet behind the paragraph's start */
    for (size_t k = 0; k < doc->token_count;) {
        size_t first = k++;
        size_t after;
        long value = marker_at(doc, first, doc->token_count, &after);
        s.line_last = value;
        while (hid < doc->hidden_count && doc->hidden[hid].end <= doc->tokens[first].span.start)
            hid++;
        for (; k < doc->token_count; k++) {
            if (hid < doc->hidden_count && doc->hidden[hid].start < doc->tokens[k].span.start)
                break;  /* a hidden span (a directive's line) between: a block of its own */
            if (!(doc->tokens[k].flags & TQC_TF_NEWLINE_BEFORE))
                continue;
            if (per_line || line_break_ends_paragraph(&s, k, wrap))
                break;
        }
        if ((st = push_paragraph(&s, first, k)) != TQC_OK)
            return st;
    }
    return TQC_OK;
}
