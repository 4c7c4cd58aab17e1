#include "lang/quotes.h"

#include <stdio.h>
#include <string.h>

#include "core/text.h"

/* Reads one mark (a single code point) from s; false when s is not exactly one. */
static bool one_mark(const char *s, size_t len, int32_t *cp)
{
    return len > 0 && tqc_text_decode(s, len, cp) == len && *cp >= 0;
}

static const struct {
    const char *name;
    tqc_quote_role role;
} roles[] = {
    {"primary", TQC_QUOTE_PRIMARY}, {"secondary", TQC_QUOTE_SECONDARY},
    {"also", TQC_QUOTE_ALSO},       {"foreign", TQC_QUOTE_FOREIGN},
    {"bracket", TQC_QUOTE_BRACKET}, {"inverted", TQC_QUOTE_INVERTED},
};

static bool parse_entry(tqc_quotes *q, const char *entry)
{
    const char *fields[1 + TQC_QUOTES_MAX_APOSTROPHES];
    size_t lens[1 + TQC_QUOTES_MAX_APOSTROPHES], n = 0;
    const char *p = entry;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (n == sizeof fields / sizeof fields[0])
            return false;
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        fields[n] = s;
        lens[n++] = (size_t)(p - s);
    }
    if (n < 2)
        return false;
    if (lens[0] == 10 && memcmp(fields[0], "apostrophe", 10) == 0) {
        for (size_t i = 1; i < n; i++) {
            int32_t cp;
            if (q->apostrophe_count == TQC_QUOTES_MAX_APOSTROPHES ||
                !one_mark(fields[i], lens[i], &cp))
                return false;
            q->apostrophes[q->apostrophe_count++] = cp;
        }
        return true;
    }
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
        if (strlen(roles[i].name) != lens[0] || memcmp(roles[i].name, fields[0], lens[0]) != 0)
            continue;
        tqc_quote_pair pr = {0, 0, roles[i].role};
        if (n != 3 || q->count == TQC_QUOTES_MAX_PAIRS || !one_mark(fields[1], lens[1], &pr.open) ||
            !one_mark(fields[2], lens[2], &pr.close))
            return false;
        q->pairs[q->count++] = pr;
        return true;
    }
    return false;
}

tqc_status tqc_quotes_parse(const tqc_strmap *list, const char *path, tqc_quotes *q,
                            char *err, size_t errlen)
{
    memset(q, 0, sizeof *q);
    /* The map keeps entries in file order, so pair order is the file's. */
    for (size_t i = 0; i < tqc_strmap_count(list); i++) {
        const char *entry = tqc_strmap_key(list, i, NULL);
        if (!parse_entry(q, entry)) {
            snprintf(err, errlen, "%s:%zu: expected 'primary|secondary|also|foreign|bracket|"
                     "inverted OPEN CLOSE' or 'apostrophe MARK...' (at most %d pairs): %s",
                     path ? path : "quotes", (size_t)tqc_strmap_value(list, i),
                     TQC_QUOTES_MAX_PAIRS, entry);
            return TQC_EINPUT;
        }
    }
    return TQC_OK;
}

unsigned tqc_quotes_mark(const tqc_quotes *q, int32_t cp, unsigned roles_asked)
{
    if (!q)
        return 0;
    unsigned bits = 0;
    for (size_t i = 0; i < q->count; i++) {
        if (!(roles_asked & TQC_QUOTE_ROLE(q->pairs[i].role)))
            continue;
        if (q->pairs[i].open == cp)
            bits |= TQC_MARK_OPENS;
        if (q->pairs[i].close == cp)
            bits |= TQC_MARK_CLOSES;
    }
    for (size_t i = 0; i < q->apostrophe_count; i++)
        if (q->apostrophes[i] == cp)
            bits |= TQC_MARK_APOSTROPHE;
    return bits;
}
