/* markup: inline codes, links and delimiters that do not survive translation, and
 * markup left in the text.
 * Bilingual (doc->source): the inline codes of the source (doc->inlines: XLIFF g x bx ex
 * bpt ept ph it pc sc ec..., TMX bpt ept ph it hi) must all be in the target, and no
 * other: a code is its tag, id and kind, so `<g id="1">` stays `<g id="1">`; a code that
 * closes before it opens is broken nesting; paired codes in another order than the
 * source's are reported as a hint (word order may move them). URLs, e-mail addresses
 * and @handles of the source must be in the target unchanged. Brackets balanced in the
 * source must be balanced in the target.
 * Monolingual: HTML tags and character entities that show as text (`</a>`, `&nbsp;`,
 * `&#8220;`), which double escaping in a scraper or a CMS leaves behind; a `<name>` that
 * is no HTML element is a placeholder (`<host>`), not a tag; a bare opening tag nothing
 * closes, standing alone, is one a text names (`the <title> element`): a hint. */
#include "pass/pass.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Codes compared per segment; more are checked up to here. */
#define MK_MAX_CODES 128

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Paired codes close by a different tag (bpt/ept, bx/ex, sc/ec, sm/em) or by the same
 * one (g, pc, mrk, hi, HTML). */
static bool same_code(const tqc_doc_inline *a, const tqc_doc_inline *b)
{
    return a->kind == b->kind && strcmp(a->tag, b->tag) == 0 && same_str(tqc_doc_inline_id(a), tqc_doc_inline_id(b));
}

static void describe(const tqc_doc_inline *c, char *out, size_t cap)
{
    const char *id = tqc_doc_inline_id(c);
    snprintf(out, cap, "<%s%s%s%s%s>", c->kind == TQC_INLINE_CLOSE && !id ? "/" : "",
             c->tag, id ? " id=\"" : "", id ? id : "", id ? "\"" : "");
}

/* A span to show a code at: the word after it, else the one before, else the point. */
static tqc_span code_span(const tqc_doc *doc, size_t offset)
{
    for (size_t k = 0; k < doc->token_count; k++) {
        if (doc->tokens[k].span.start >= offset)
            return doc->tokens[k].span;
    }
    if (doc->token_count)
        return doc->tokens[doc->token_count - 1].span;
    return tqc_span_make(offset, offset);
}

static void compare_codes(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc, *src = doc->source;
    size_t nt = doc->inline_count < MK_MAX_CODES ? doc->inline_count : MK_MAX_CODES;
    size_t ns = src->inline_count < MK_MAX_CODES ? src->inline_count : MK_MAX_CODES;
    bool t_used[MK_MAX_CODES] = {false}, s_used[MK_MAX_CODES] = {false};
    size_t t_match[MK_MAX_CODES];
    char what[160];
    for (size_t i = 0; i < nt; i++) {
        t_match[i] = SIZE_MAX;
        for (size_t j = 0; j < ns; j++)
            if (!s_used[j] && same_code(&doc->inlines[i], &src->inlines[j])) {
                s_used[j] = t_used[i] = true;
                t_match[i] = j;
                break;
            }
    }
    /* The end of a paired code (no id of its own) goes with its start. */
    for (size_t j = 0; j < ns; j++)
        if (!s_used[j] && !(src->inlines[j].kind == TQC_INLINE_CLOSE && !tqc_doc_inline_id(&src->inlines[j]))) {
            describe(&src->inlines[j], what, sizeof what);
            TQC_EMIT(ctx, tqc_doc_sentences_span(doc), "inline code %s of the source is missing", what);
        }
    for (size_t i = 0; i < nt; i++)
        if (!t_used[i] && !(doc->inlines[i].kind == TQC_INLINE_CLOSE && !tqc_doc_inline_id(&doc->inlines[i]))) {
            describe(&doc->inlines[i], what, sizeof what);
            TQC_EMIT(ctx, code_span(doc, doc->inlines[i].offset),
                     "inline code %s is not in the source", what);
        }
    /* A close before its open: the codes of one id must nest as they do in the source. */
    for (size_t i = 0; i < nt; i++) {
        const tqc_doc_inline *c = &doc->inlines[i];
        const char *id = tqc_doc_inline_id(c);
        if (c->kind != TQC_INLINE_CLOSE || !id)
            continue;
        bool opened = false;
        for (size_t k = 0; k < i && !opened; k++)
            opened = doc->inlines[k].kind == TQC_INLINE_OPEN && same_str(tqc_doc_inline_id(&doc->inlines[k]), id);
        bool has_open = false;
        for (size_t k = i + 1; k < nt && !has_open; k++)
            has_open = doc->inlines[k].kind == TQC_INLINE_OPEN && same_str(tqc_doc_inline_id(&doc->inlines[k]), id);
        if (!opened && has_open) {
            describe(c, what, sizeof what);
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_ERROR, code_span(doc, c->offset),
                     "inline code %s closes before it opens", what);
        }
    }
    /* Matched codes in another order than the source's: a hint only. */
    size_t prev = SIZE_MAX;
    for (size_t i = 0; i < nt; i++) {
        if (t_match[i] == SIZE_MAX)
            continue;
        if (prev != SIZE_MAX && t_match[i] < prev) {
            describe(&doc->inlines[i], what, sizeof what);
            tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, code_span(doc, doc->inlines[i].offset),
                     "inline code %s moved before a code it follows in the source", what);
            break;
        }
        prev = t_match[i];
    }
}

static bool doc_has_token(const tqc_doc *doc, const char *s, size_t n)
{
    for (size_t k = 0; k < doc->token_count; k++)
        if (tqc_span_len(doc->tokens[k].span) == n &&
            memcmp(tqc_doc_at(doc, doc->tokens[k].span), s, n) == 0)
            return true;
    return false;
}

static void compare_links(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc, *src = doc->source;
    for (size_t k = 0; k < src->token_count; k++) {
        const tqc_token *t = &src->tokens[k];
        if (t->kind != TQC_TOK_URL && t->kind != TQC_TOK_EMAIL && t->kind != TQC_TOK_HANDLE)
            continue;
        const char *s = tqc_doc_at(src, t->span);
        size_t n = tqc_span_len(t->span);
        if (!doc_has_token(doc, s, n))
            TQC_EMIT(ctx, tqc_doc_sentences_span(doc), "%s '%.*s' of the source is not in the translation",
                     t->kind == TQC_TOK_URL ? "link" : t->kind == TQC_TOK_EMAIL ? "address"
                                                                                : "handle",
                     (int)n, s);
    }
}

static void compare_brackets(const tqc_ctx *ctx)
{
    static const char pairs[][2] = {{'(', ')'}, {'[', ']'}, {'{', '}'}};
    const tqc_doc *doc = ctx->doc, *src = doc->source;
    for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
        long sd = 0, td = 0;
        for (size_t i = 0; i < src->len; i++)
            sd += src->text[i] == pairs[p][0] ? 1 : src->text[i] == pairs[p][1] ? -1 : 0;
        if (sd != 0)
            continue;   /* unbalanced already in the source: not the translation's doing */
        size_t last = SIZE_MAX;
        for (size_t i = 0; i < doc->len; i++)
            if (doc->text[i] == pairs[p][0] || doc->text[i] == pairs[p][1]) {
                td += doc->text[i] == pairs[p][0] ? 1 : -1;
                last = i;
            }
        if (td != 0 && last != SIZE_MAX)
            TQC_EMIT(ctx, tqc_span_make(last, last + 1), "'%c' and '%c' do not pair up here, "
                     "but do in the source", pairs[p][0], pairs[p][1]);
    }
}

/* The elements of HTML (and the obsolete ones old pages still hold): a web convention,
 * not a language's words. A <name> that is none of them (`<storage_root>`, `<host>`,
 * `<noun>`) is a placeholder an author wrote, not a tag left by double escaping. */
static const char *const html_elements[] = {
    "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "base",
    "basefont", "bdi", "bdo", "big", "blink", "blockquote", "body", "br", "button", "canvas",
    "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del",
    "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset",
    "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
    "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input",
    "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "marquee", "menu",
    "meta", "meter", "nav", "nobr", "noscript", "object", "ol", "optgroup", "option",
    "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s",
    "samp", "script", "section", "select", "small", "source", "span", "strike", "strong",
    "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea",
    "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video",
    "wbr",
};

static bool html_element(const char *s, size_t n)
{
    char name[16];
    if (n == 0 || n >= sizeof name)
        return false;
    for (size_t i = 0; i < n; i++)
        name[i] = (char)tolower((unsigned char)s[i]);
    name[n] = '\0';
    for (size_t i = 0; i < sizeof html_elements / sizeof html_elements[0]; i++)
        if (strcmp(name, html_elements[i]) == 0)
            return true;
    return false;
}

/* Whether the tag t[at, end] (its name t[name, name_end)) is one a text names rather
 * than markup left in it (`the title comes from the <title> element`): an opening tag
 * with no attributes, standing alone between spaces or brackets, that no closing tag of
 * its name follows in its paragraph. Double escaping leaves tags glued to the words they
 * wrapped, with their attributes, and closed (`<b>Note</b>`, `wreck</font>`). */
static bool named_in_prose(const char *t, size_t len, size_t at, size_t name, size_t name_end,
                           size_t end)
{
    if (t[at + 1] == '/' || name_end != end)
        return false;
    char before = at > 0 ? t[at - 1] : ' ', after = end + 1 < len ? t[end + 1] : ' ';
    if (!strchr(" \t\n(\"'", before) || !strchr(" \t\n)\"',.;:", after))
        return false;
    size_t n = name_end - name;
    for (size_t k = end + 1; k + n + 2 < len; k++) {
        if (t[k] == '\n' && t[k + 1] == '\n')
            break;
        if (t[k] == '<' && t[k + 1] == '/' && strncasecmp(t + k + 2, t + name, n) == 0)
            return false;
    }
    return true;
}

/* Monolingual: a tag or a character entity showing as text. */
static void leftovers(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    const char *t = doc->text;
    for (size_t i = 0; i < doc->len; i++) {
        size_t j = i + 1;
        if (t[i] == '&') {
            if (j < doc->len && t[j] == '#') {
                j++;
                if (j < doc->len && (t[j] == 'x' || t[j] == 'X'))
                    j++;
                size_t d = j;
                while (j < doc->len && j - d < 8 && isxdigit((unsigned char)t[j]))
                    j++;
                if (j == d)
                    continue;
            } else {
                size_t d = j;
                while (j < doc->len && j - d < 12 && isalnum((unsigned char)t[j]))
                    j++;
                if (j - d < 2)
                    continue;
            }
            if (j >= doc->len || t[j] != ';')
                continue;
            TQC_EMIT(ctx, tqc_span_make(i, j + 1), "character entity '%.*s' shows as text: "
                     "escaped twice?", (int)(j + 1 - i), t + i);
            i = j;
        } else if (t[i] == '<') {
            if (j < doc->len && t[j] == '/')
                j++;
            size_t d = j;
            while (j < doc->len && j - d < 12 && isalnum((unsigned char)t[j]))
                j++;
            /* The name ends the tag or is followed by its attributes or `/>`. */
            if (j < doc->len && t[j] != '>' && t[j] != '/' && t[j] != ' ' && t[j] != '\t')
                continue;
            if (!html_element(t + d, j - d))
                continue;
            size_t name_end = j;
            /* Attributes, up to the closing '>' on the same line. */
            while (j < doc->len && j - i < 200 && t[j] != '>' && t[j] != '<' && t[j] != '\n')
                j++;
            if (j >= doc->len || t[j] != '>')
                continue;
            /* The message names the tag, not its attributes, which other fixes may touch. */
            if (named_in_prose(t, doc->len, i, d, name_end, j))
                tqc_emit(ctx->out, ctx->pass->id, TQC_SEV_INFO, tqc_span_make(i, j + 1),
                         "HTML tag '%.*s>' shows as text: perhaps written about, as it "
                         "stands alone and nothing closes it", (int)(name_end - i), t + i);
            else
                TQC_EMIT(ctx, tqc_span_make(i, j + 1), "HTML tag '%.*s%s>' shows as text",
                         (int)(name_end - i), t + i, name_end < j ? " ..." : "");
            i = j;
        }
    }
}

static void run(const tqc_ctx *ctx)
{
    leftovers(ctx);
    if (!ctx->doc->source)
        return;
    /* An empty target (`<target/>`) is a unit not translated yet (omission reports it
     * when its source is long enough): each of its source's codes is not "missing". */
    if (ctx->doc->token_count == 0 && ctx->doc->inline_count == 0)
        return;
    compare_codes(ctx);
    compare_links(ctx);
    compare_brackets(ctx);
}

const tqc_pass tqc_pass_markup = {
    .id = "markup",
    .severity = TQC_SEV_WARNING,
    .severities = TQC_SEV_BIT(TQC_SEV_ERROR) | TQC_SEV_BIT(TQC_SEV_WARNING) |
                  TQC_SEV_BIT(TQC_SEV_INFO),
    .summary = "inline codes, links or brackets of the source lost or changed, or markup "
               "showing as text (`&nbsp;`, `</a>`)",
    .good = "The minister said the talks would resume (on Monday) in Seoul.",
    .bad = "The minister said&nbsp;the talks would resume on Monday.",
    .details = "Inline codes, links, URLs, e-mail addresses or brackets of the source lost or "
               "changed in the translation, and markup showing as text (`&nbsp;`, `</a>`): a "
               "tag of an HTML element; a placeholder an author wrote in angle brackets "
               "(`<district>`, `<first_name>`) is none, and a bare opening tag nothing closes, "
               "standing alone as a text names it (`the <title> element`), is a hint.",
    .run = run,
};
