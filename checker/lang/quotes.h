/* quotes: a language's quotation marks, brackets and inverted marks with their roles,
 * parsed once from the profile's `quotes` list (rules/<lang>/quotes: `ROLE OPEN CLOSE`
 * a line, or `apostrophe MARK...`) into a typed list that every pass and the segmenter
 * ask. The list is owned by the profile and read-only once loaded. */
#ifndef TQC_LANG_QUOTES_H
#define TQC_LANG_QUOTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/status.h"
#include "core/strmap.h"

/* A language lists a handful of pairs; more than this is a broken rule file. */
#define TQC_QUOTES_MAX_PAIRS 24
#define TQC_QUOTES_MAX_APOSTROPHES 4

/* What a pair is in the language. */
typedef enum {
    TQC_QUOTE_PRIMARY,   /* the language's own quotation marks */
    TQC_QUOTE_SECONDARY, /* quotes inside quotes */
    TQC_QUOTE_ALSO,      /* other pairs met in its text, checked for balance only */
    TQC_QUOTE_FOREIGN,   /* another language's marks: a quotation opened with one is reported */
    TQC_QUOTE_BRACKET,   /* ( ) [ ] */
    TQC_QUOTE_INVERTED   /* Spanish ¿ ? and ¡ !: an opening mark and the mark that ends it */
} tqc_quote_role;

#define TQC_QUOTE_ROLE(r) (1u << (r))
/* The roles of quotation marks proper (no brackets, no inverted marks). */
#define TQC_QUOTE_ROLES_QUOTES                                                              \
    (TQC_QUOTE_ROLE(TQC_QUOTE_PRIMARY) | TQC_QUOTE_ROLE(TQC_QUOTE_SECONDARY) |               \
     TQC_QUOTE_ROLE(TQC_QUOTE_ALSO) | TQC_QUOTE_ROLE(TQC_QUOTE_FOREIGN))

typedef struct tqc_quote_pair {
    int32_t open, close;
    tqc_quote_role role;
} tqc_quote_pair;

typedef struct tqc_quotes {
    tqc_quote_pair pairs[TQC_QUOTES_MAX_PAIRS]; /* in the order the list gives them */
    size_t count;
    int32_t apostrophes[TQC_QUOTES_MAX_APOSTROPHES];
    size_t apostrophe_count;
} tqc_quotes;

/* What a mark may be, as bits of tqc_quotes_mark's answer. */
enum {
    TQC_MARK_OPENS = 1u << 0,     /* opens a pair of one of the roles asked */
    TQC_MARK_CLOSES = 1u << 1,    /* closes one */
    TQC_MARK_APOSTROPHE = 1u << 2 /* serves as an apostrophe too */
};

/* Parses list (the profile's `quotes` entries, values their line numbers) into q.
 * On a malformed line, err names the file and line. An empty or NULL list gives an
 * empty q. */
tqc_status tqc_quotes_parse(const tqc_strmap *list, const char *path, tqc_quotes *q,
                            char *err, size_t errlen);

/* The TQC_MARK_ bits of cp among the pairs whose role is in roles (TQC_QUOTE_ROLE bits);
 * TQC_MARK_APOSTROPHE whatever roles asks. 0 for a mark the language does not list, or
 * q NULL. */
unsigned tqc_quotes_mark(const tqc_quotes *q, int32_t cp, unsigned roles);

#endif
