/* json: the few helpers tqc adds to jansson, its one JSON library (reading and writing).
 * jansson refuses strings that are not valid UTF-8; tqc's texts may hold invalid bytes
 * (a mis-encoded article), which are written as U+FFFD instead, as before.
 * Never prints; the caller owns (json_decref) what it gets. */
#ifndef TQC_JSON_H
#define TQC_JSON_H

#include <jansson.h>
#include <stddef.h>

/* A JSON string of the len bytes at s (NUL bytes kept), each invalid UTF-8 byte becoming
 * U+FFFD; NULL only when out of memory. */
json_t *tqc_json_stringn(const char *s, size_t len);
/* As tqc_json_stringn for a NUL-terminated s. */
json_t *tqc_json_string(const char *s);

#endif
