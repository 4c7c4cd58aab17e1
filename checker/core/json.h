/* json: the few helpers tqc adds to jansson, its one JSON library (reading and writing).
 * jansson refuses strings that are not valid UTF-8; tqc's texts may hold invalid bytes
 * (a mis-encoded article), which are written as U+FFFD instead, as before.
 * Never prints; the caller owns (json_decref) what it gets. */
#ifndef TQC_JSON_H
#define TQC_JSON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A JSON string of the len bytes at s (NUL bytes kept), each invalid UTF-8 byte becoming
 * U+FFFD; NULL only when out of memory. */
json_t *tqc_json_stringn(const char *s, size_t len);
/* As tqc_json_stringn for a NUL-terminated s. */
json_t *tqc_json_string(const char *s);

/* Sets obj's key to v, or appends v to arr. v is consumed either way, and may be NULL
 * (a failed allocation): then, or when obj/arr is NULL or out of memory, false. So a
 * whole object is built as one chain of calls joined by &&. */
bool tqc_json_set(json_t *obj, const char *key, json_t *v);
bool tqc_json_append(json_t *arr, json_t *v);
/* As tqc_json_set for a key known to be valid UTF-8 (a literal of tqc's): jansson does not
 * check it again. */
bool tqc_json_set_literal(json_t *obj, const char *key, json_t *v);
/* v when ok; otherwise v is released and NULL returned: the end of such a chain. */
json_t *tqc_json_done(json_t *v, bool ok);

/* Writing: reals with at most 15 significant digits (round them first to the decimals
 * wanted). Both consume v (NULL: false, nothing written) and return false when out of
 * memory; a write error also shows in ferror(out). */
/* v compact on one line, then a line break (a JSON Lines record). */
bool tqc_json_write_line(FILE *out, json_t *v);
/* The object obj one member a line (`  "key": value`), an array of objects one
 * element a line, everything else compact: readable, and diff-able line by line. */
bool tqc_json_write_members(FILE *out, json_t *obj);

#endif
