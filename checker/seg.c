/* Paragraphs and sentences over the token stream. */
#include "seg.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Lines longer than this mean "one paragraph per line" text, not hard-wrapped prose. */
#define SEG_WRAP_WIDTH 100

/* Longest line in bytes; lines longer than SEG_WRAP_WIDTH mean one paragraph a line. */
static size_t longest_line(const tqc_doc *doc)
{
    size_t max = 0;
    for (size_t l = 0; l < doc->line_count; l++) {
        size_t s = doc->line_starts[l];
        size_t e = l + 1 < doc->line_count ? doc->line_starts[l + 1] - 1 : doc->len;
        if (e - s > max)
            max = e - s;
    }
    return max;
}

static int32_t cp_at(const tqc_doc *doc, size_t off)
{
    int32_t cp;
    tqc_text_decode(doc->text + off, doc->len - off, &cp);
    return cp;
}

static bool is_terminator(const tqc_doc *doc, const tqc_token *tok)
{
    if (tok->kind != TQC_TOK_PUNCT)
        return false;
    int32_t cp = cp_at(doc, tok->span.start);
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x203C ||
           cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

static bool is_closer(const tqc_doc *doc, const tqc_token *tok)
{
    if (tok->kind != TQC_TOK_PUNCT)
        return false;
    int32_t cp = cp_at(doc, tok->span.start);
    return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == ')' ||
           cp == ']' || cp == 0xBB || cp == 0x203A;
}

static bool abbreviation_before(const tqc_doc *doc, const tqc_lang *lang, size_t k)
{
    if (k == 0)
        return false;
    const tqc_token *w = &doc->tokens[k - 1], *dot = &doc->tokens[k];
    if (w->kind != TQC_TOK_WORD || (dot->flags & TQC_TF_SPACE_BEFORE))
        return false;
    if (cp_at(doc, dot->span.start) != '.')
        return false;
    size_t len = tqc_span_len(w->span);
    const char *s = tqc_doc_at(doc, w->span);
    /* An initial (E. Smith) or an abbreviation with inner periods (U.S., e.g.). */
    int32_t first;
    if (tqc_text_decode(s, len, &first) == len && tqc_text_is_upper(first))
        return true;
    if (w->flags & TQC_TF_PERIOD)
        return true;
    return lang && tqc_lang_in(lang, "abbreviations", s, len);
}

static bool starts_sentence(const tqc_doc *doc, const tqc_token *tok)
{
    int32_t cp = cp_at(doc, tok->span.start);
    if (tqc_text_is_upper(cp) || tqc_text_is_digit(cp))
        return true;
    if (tok->kind == TQC_TOK_PUNCT || tok->kind == TQC_TOK_SYMBOL)
        return !is_terminator(doc, tok);
    return tok->kind != TQC_TOK_WORD;
}

/* In hard-wrapped text, whether the line break before token k ends a paragraph: a blank
 * line does, and so does a short line without final punctuation before a capital (a
 * title or a caption). */
static bool line_break_ends_paragraph(const tqc_doc *doc, size_t k, size_t wrap)
{
    const tqc_token *prev = &doc->tokens[k - 1], *tok = &doc->tokens[k];
    size_t gap = prev->span.end;
    const char *nl = memchr(doc->text + gap, '\n', tok->span.start - gap);
    if (nl && memchr(nl + 1, '\n', (size_t)(doc->text + tok->span.start - nl - 1)))
        return true;
    tqc_span line = tqc_doc_line_span(doc, prev->span.start);
    bool short_line = tqc_span_len(line) * 10 < wrap * 7;
    return short_line && !is_terminator(doc, prev) && !is_closer(doc, prev) &&
           tqc_text_is_upper(cp_at(doc, tok->span.start));
}

static tqc_status push_sentence(tqc_doc *doc, size_t *cap, size_t first, size_t end_tok,
                                size_t para)
{
    if (first >= end_tok)
        return TQC_OK;
    if (doc->sentence_count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        tqc_sentence *p = realloc(doc->sentences, ncap * sizeof *p);
        if (!p)
            return TQC_ENOMEM;
        doc->sentences = p;
        *cap = ncap;
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

static tqc_status split_sentences(tqc_doc *doc, const tqc_lang *lang, size_t para,
                                  size_t first, size_t end_tok, size_t *cap)
{
    size_t start = first;
    for (size_t k = first; k < end_tok; k++) {
        if (!is_terminator(doc, &doc->tokens[k]) || abbreviation_before(doc, lang, k))
            continue;
        size_t j = k + 1;
        while (j < end_tok && !(doc->tokens[j].flags & TQC_TF_SPACE_BEFORE) &&
               (is_closer(doc, &doc->tokens[j]) || is_terminator(doc, &doc->tokens[j])))
            j++;
        if (j < end_tok && (!(doc->tokens[j].flags & TQC_TF_SPACE_BEFORE) ||
                            !starts_sentence(doc, &doc->tokens[j])))
            continue;
        tqc_status st = push_sentence(doc, cap, start, j, para);
        if (st != TQC_OK)
            return st;
        start = j;
        k = j - 1;
    }
    return push_sentence(doc, cap, start, end_tok, para);
}

tqc_status tqc_segment(tqc_doc *doc, const tqc_lang *lang)
{
    size_t tok_cap = 0;
    doc->token_count = 0;
    tqc_status st = tqc_tokenize(doc->text, tqc_span_make(0, doc->len), &doc->tokens,
                                 &doc->token_count, &tok_cap);
    if (st != TQC_OK)
        return st;

    size_t wrap = longest_line(doc);
    bool per_line = wrap > SEG_WRAP_WIDTH;
    size_t para_cap = 0, sent_cap = 0;
    size_t k = 0;
    while (k < doc->token_count) {
        /* A paragraph runs until a token preceded by a blank line (or any line break). */
        size_t first = k++;
        for (; k < doc->token_count; k++) {
            const tqc_token *tok = &doc->tokens[k];
            if (!(tok->flags & TQC_TF_NEWLINE_BEFORE))
                continue;
            if (per_line || line_break_ends_paragraph(doc, k, wrap))
                break;
        }
        if (doc->paragraph_count == para_cap) {
            size_t ncap = para_cap ? para_cap * 2 : 32;
            tqc_paragraph *p = realloc(doc->paragraphs, ncap * sizeof *p);
            if (!p)
                return TQC_ENOMEM;
            doc->paragraphs = p;
            para_cap = ncap;
        }
        size_t para = doc->paragraph_count++;
        doc->tokens[first].flags |= TQC_TF_PARA_START;
        size_t sent_first = doc->sentence_count;
        st = split_sentences(doc, lang, para, first, k, &sent_cap);
        if (st != TQC_OK)
            return st;
        doc->paragraphs[para] = (tqc_paragraph){
            tqc_span_make(doc->tokens[first].span.start, doc->tokens[k - 1].span.end),
            sent_first, doc->sentence_count - sent_first};
    }
    return TQC_OK;
}
