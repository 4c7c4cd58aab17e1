/* api: the answers of `tqc serve` and `tqc lsp`, apart from any transport. Each call
 * takes a request's text and options, runs the one pipeline (tqc_check_doc, or the fix
 * loop of run/fix.h), and returns the response body as a malloc'd JSON string the caller
 * frees. Requests never name files: everything comes in memory, and markup is read with
 * read/input.h's hardened readers (no DTD, no external entity, no network).
 * Offsets in LanguageTool answers count UTF-16 code units, as LanguageTool's do (a
 * JavaScript client slices its strings with them); tqc's own API counts bytes, as
 * `tqc check --format jsonl` does. Nothing here prints or exits. JSON is read and
 * written with jansson. */
#ifndef TQC_API_H
#define TQC_API_H

#include <stdbool.h>
#include <stddef.h>

#include "run/checker.h"
#include "read/input.h"

/* A LanguageTool /v2/check request: the fields of its form. */
typedef struct tqc_serve_lt_request {
    const char *text;           /* plain text, or NULL when data is given */
    size_t text_len;
    const char *data;           /* annotated text: {"annotation":[{"text":..},{"markup":..,
                                   "interpretAs":..}]}; markup is skipped, interpretAs read */
    size_t data_len;
    const char *language;       /* "auto" (or NULL) or a code (`en-US`, `pt`) */
    const char *disabled_rules; /* comma-separated rule ids, or NULL */
    const char *enabled_rules;
    bool enabled_only;          /* only enabled_rules */
    const char *level;          /* "default" or "picky" (tqc has no picky-only rules) */
} tqc_serve_lt_request;

/* Answers a /v2/check request with ck (its siblings serve other languages) in
 * LanguageTool's JSON into *out. TQC_EINPUT or TQC_EUSAGE (err says why in one line)
 * for a request that cannot be answered: malformed data, text that is not UTF-8, an
 * unknown language or rule. */
tqc_status tqc_serve_lt_check(tqc_checker *ck, const tqc_serve_lt_request *rq, char **out,
                              char *err, size_t errlen);

/* /v2/languages: [{name, code, longCode}] for each language ck can check. */
tqc_status tqc_serve_lt_languages(tqc_checker *ck, char **out);

/* /api/check: body[0, len) read as format (TQC_INPUT_AUTO: told from its first bytes),
 * in language lang ("auto" or NULL: told from the text), checked and fixed as `tqc fix`
 * would: {"lang", "format", "findings": [the objects of --format jsonl], "fixed": the
 * text with the safe fixes (all fixes and first suggestions with all_fixes), "fixes":
 * [{offset, length, replacement, rules, messages, safe}] (the changed regions, in
 * bytes; applying all of them gives "fixed")}. TQC_EINPUT (err: one line) for a body
 * its reader refuses. */
tqc_status tqc_serve_api_check(tqc_checker *ck, const char *body, size_t len,
                               tqc_input_format format, const char *lang, bool all_fixes,
                               char **out, char *err, size_t errlen);

/* /api/rules: [{id, severity, summary, good, bad}] for each rule, for the page. */
tqc_status tqc_serve_rules(char **out);

/* The number of UTF-16 code units the UTF-8 bytes s[0, n) make (valid UTF-8). */
size_t tqc_serve_utf16_len(const char *s, size_t n);

#endif
