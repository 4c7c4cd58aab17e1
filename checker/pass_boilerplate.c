/* boilerplate: web-page chrome left in the copy by the scraper (`Leave a Reply`,
 * `Read more: ...`, `Photo: Reuters`, cookie notices). The phrases are the profile's
 * `boilerplate` patterns (syntax documented at the top of rules/en/boilerplate): each is
 * matched case-insensitively against a whole paragraph, and `*` stands for any words.
 * The finding covers the paragraph and offers to remove it; never safe, since a human
 * should see what goes. */
#include "pass.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Chrome is short; a longer paragraph is body text that happens to quote a phrase. */
#define BOILER_MAX_WORDS 80
/* Room for a normalised paragraph of BOILER_MAX_WORDS words (case mapping may grow it). */
#define BOILER_MAX_BYTES 2048

typedef struct patterns {
    size_t count;
    char **items;   /* normalised patterns */
    const char **shown; /* as written in the list, for messages (borrowed from the profile) */
} patterns;

/* Normalises len bytes of text into out (cap bytes, NUL-terminated): lower case, white
 * space runs as one space, typographic quotes as ASCII, and (when trim_end) final
 * sentence punctuation and spaces dropped. Returns the length, or 0 when it does not fit. */
static size_t normalise(const char *text, size_t len, char *out, size_t cap, bool trim_end)
{
    char lower[BOILER_MAX_BYTES];
    size_t n = tqc_text_case(text, len, TQC_CASE_LOWER, lower, sizeof lower);
    if (n == 0)
        return 0;
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t m = tqc_text_decode(lower + i, n - i, &cp);
        if (tqc_text_is_space(cp)) {
            space = o > 0;
            i += m;
            continue;
        }
        if (space) {
            if (o + 1 >= cap)
                return 0;
            out[o++] = ' ';
            space = false;
        }
        if (cp == 0x2018 || cp == 0x2019) {
            cp = '\'';
        } else if (cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB) {
            cp = '"';
        }
        char enc[4];
        size_t el = cp >= 0 ? tqc_text_encode(cp, enc) : 1;
        if (cp < 0)
            enc[0] = lower[i];
        if (o + el >= cap)
            return 0;
        memcpy(out + o, enc, el);
        o += el;
        i += m;
    }
    while (trim_end && o > 0 && strchr(".!:;, ", out[o - 1]))
        o--;
    out[o] = '\0';
    return o;
}

/* Glob match of the whole string s against p, where '*' matches one or more bytes.
 * Literal bytes of a UTF-8 pattern cannot match inside a character, so bytes suffice. */
static bool glob(const char *p, const char *s)
{
    const char *star = NULL, *from = NULL;
    size_t taken = 0;
    for (;;) {
        if (*p == '*') {
            if (!*s)
                return false;
            star = p++;
            from = s;
            taken = 1;
            s = from + taken;
            continue;
        }
        if (!*p && !*s)
            return true;
        if (*p && *p == *s) {
            p++;
            s++;
            continue;
        }
        if (star && from[taken]) {
            taken++;
            s = from + taken;
            p = star + 1;
            continue;
        }
        return false;
    }
}

static void fini(void *state)
{
    patterns *ps = state;
    if (!ps)
        return;
    for (size_t i = 0; i < ps->count; i++)
        free(ps->items[i]);
    free(ps->items);
    free(ps->shown);
    free(ps);
}

static tqc_status init(const tqc_lang *lang, void **state, char *err, size_t errlen)
{
    const tqc_strmap *list = tqc_lang_list(lang, "boilerplate");
    size_t n = tqc_strmap_count(list);
    patterns *ps = calloc(1, sizeof *ps);
    if (!ps || (n && (!(ps->items = calloc(n, sizeof *ps->items)) ||
                      !(ps->shown = calloc(n, sizeof *ps->shown))))) {
        fini(ps);
        return TQC_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *key = tqc_strmap_key(list, i, &len);
        char buf[BOILER_MAX_BYTES];
        size_t bl = normalise(key, len, buf, sizeof buf, false);
        if (bl == 0)
            continue;
        if (!(ps->items[ps->count] = malloc(bl + 1))) {
            fini(ps);
            return TQC_ENOMEM;
        }
        memcpy(ps->items[ps->count], buf, bl + 1);
        ps->shown[ps->count++] = key;
    }
    *state = ps;
    return TQC_OK;
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    const patterns *ps = ctx->state;
    if (!ps || ps->count == 0)
        return;
    for (size_t p = 0; p < doc->paragraph_count; p++) {
        const tqc_paragraph *para = &doc->paragraphs[p];
        if (para->sent_count == 0)
            continue;
        const tqc_sentence *first = &doc->sentences[para->sent_first];
        const tqc_sentence *last = &doc->sentences[para->sent_first + para->sent_count - 1];
        size_t words = 0;
        for (size_t k = first->tok_first; k < last->tok_first + last->tok_count; k++)
            words += doc->tokens[k].kind == TQC_TOK_WORD || doc->tokens[k].kind == TQC_TOK_NUMBER;
        if (words == 0 || words > BOILER_MAX_WORDS)
            continue;
        char norm[BOILER_MAX_BYTES];
        if (normalise(tqc_doc_at(doc, para->span), tqc_span_len(para->span), norm,
                      sizeof norm, true) == 0)
            continue;
        for (size_t i = 0; i < ps->count; i++) {
            if (!glob(ps->items[i], norm))
                continue;
            tqc_finding *f = TQC_EMIT(ctx, para->span,
                                      "web-page boilerplate left in the article (matches "
                                      "'%s'): remove this paragraph", ps->shown[i]);
            tqc_finding_fix(ctx->out, f, para->span, "", 0, false);
            break;
        }
    }
}

const tqc_pass tqc_pass_boilerplate = {
    .id = "boilerplate",
    .severity = TQC_SEV_WARNING,
    .summary = "web-page chrome left in the article (share bars, related links, credits)",
    .good = "Readers can share their views at a public meeting on Friday.\n\n"
            "The council will read more than 200 letters before it votes.",
    .bad = "The council will vote on Friday.\n\nRead more: Council delays budget vote\n\n"
           "Leave a Reply",
    .details = "Web-page chrome left in the copy by a scraper: `Leave a Reply`, share bars, `Read "
               "also: ...` links, photo credits. The patterns are per language, in "
               "rules/<lang>/boilerplate.",
    .init = init,
    .run = run,
    .fini = fini,
};
