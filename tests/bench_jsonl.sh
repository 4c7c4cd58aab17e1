#!/bin/sh
# Measures how fast each Debian JSON library reads a large JSON Lines file the way tqc's
# JSONL reader does (parse a record, take id, source_lang, text and source), next to tqc's own
# reader (read/jsonl.c, jansson and its offset scan, through tqc_input_next). Not part of make check: it needs
# libjansson-dev, libjson-c-dev and libcjson-dev, and writes SIZE_MB of input to $TMP.
# Usage: sh tests/bench_jsonl.sh [SIZE_MB | FILE.jsonl]   (default 1024; run after make)
#
# Measured for issue 13 (1024 MiB, 2,047,444 records, Debian 12, a 2-core machine shared
# with other jobs, best of 2): tqc's hand-written reader 15.8 s (64.8 MiB/s, and it builds
# each doc with its source map), cJSON 1.7.15 20.8 s (49.2), json-c 0.16 40.1 s (25.6),
# jansson 2.14 96.2 s (10.6). On 20 MiB alone: tqc 0.30 s, cJSON 0.14, json-c 0.18,
# jansson 0.78.
# Since then the JSONL input is parsed by jansson too, tqc's one JSON library (issue 13:
# no second JSON parser), with a small scan for the byte offsets jansson does not give.
# On 208 MiB built from Brown (/tmp/a_brown200.jsonl, 39,978 records with text and
# source; 2026-12-07, user CPU, same machine): the hand-written reader 0.9 s; jansson's
# reader 3.35 s at first, of which jansson's own parsing 1.75 s (perf record -g: 51%), the
# offset scan 0.5 s (it stepped byte by byte to each closing quote) and the source
# positions 0.3 s (each character decoded to count columns); with memchr in the scan and
# ASCII runs counted without decoding, 2.53 s (jansson 68% of it, the doc and its map
# most of the rest), docs and maps unchanged byte for byte; `tqc segment -j 1 --format
# jsonl` 7.8 s -> 7.0 s. The libraries alone on that file: jansson 1.95 s, json-c 0.23 s
# (0.37 s with JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8, as below), cJSON 0.21 s.
# Why jansson all the same: json-c and cJSON read 5 to 9 times faster, but neither refuses
# all that RFC 8259 forbids (tested on one-line records): both take a raw tab inside a
# string; json-c takes a lone surrogate (\ud800) even in the strict mode above, and in its
# default mode invalid UTF-8, text after the record and a trailing comma; cJSON takes
# invalid UTF-8 and text after the record, and cuts a string at \u0000. tqc would have to
# check every record again itself, the parser by hand issue 13 removed. And the writers
# (SARIF, jsonl, rdjsonl, audit summaries, serve, lsp: about 500 calls through
# core/json.h) use jansson: reading with another library means two JSON libraries.
# Reading is a third of `tqc segment`, and on a 5 MiB slice of that file 0.06 s of
# `tqc check -j 1`'s 0.82 s.
set -eu
cd "$(dirname "$0")/.."
size_mb=${1:-1024}
dir=${TMPDIR:-/tmp}/tqc-bench-jsonl
mkdir -p "$dir"
big=$dir/input-$size_mb.jsonl
if [ -f "$size_mb" ]; then big=$size_mb; fi
cflags="-std=c11 -O2 -D_POSIX_C_SOURCE=200809L"

if [ ! -s "$big" ]; then
    # Records built from the repository's own articles, paragraph by paragraph, in every
    # language; every third record escapes its non-ASCII as \u, as some exporters do.
    python3 - "$big" "$size_mb" <<'PY'
import glob, json, sys
out, size = sys.argv[1], int(sys.argv[2]) << 20
paras = []
for p in sorted(glob.glob("corpus/*/*.txt")):
    lang = p.split("/")[1]
    text = open(p, encoding="utf-8").read()
    paras += [(lang, t) for t in text.split("\n\n") if t.strip()]
lines = []
for i, (lang, t) in enumerate(paras):
    rec = {"id": i, "source_lang": lang, "text": t, "source": t[::-1]}
    lines.append(json.dumps(rec, ensure_ascii=(i % 3 == 0)) + "\n")
block = "".join(lines).encode()
with open(out, "wb") as f:
    written = 0
    while written < size:
        f.write(block)
        written += len(block)
PY
fi

cat > "$dir/jansson.c" <<'C'
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
    FILE *f = fopen(argv[1], "rb");
    char *line = NULL; size_t cap = 0; ssize_t n; unsigned long recs = 0, bytes = 0;
    while (f && (n = getline(&line, &cap, f)) > 0) {
        json_error_t e;
        json_t *r = json_loadb(line, (size_t)n, 0, &e);
        if (!r) { fprintf(stderr, "%s\n", e.text); return 1; }
        const char *k[] = {"id", "source_lang", "text", "source"};
        for (int i = 0; i < 4; i++) {
            json_t *v = json_object_get(r, k[i]);
            if (json_is_string(v)) bytes += json_string_length(v);
        }
        json_decref(r);
        recs++;
    }
    printf("%lu records %lu bytes\n", recs, bytes);
    free(line);
    return 0;
}
C
cat > "$dir/jsonc.c" <<'C'
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
    FILE *f = fopen(argv[1], "rb");
    char *line = NULL; size_t cap = 0; ssize_t n; unsigned long recs = 0, bytes = 0;
    json_tokener *tok = json_tokener_new();
    /* What a reader must refuse: invalid UTF-8, trailing commas and text. */
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    while (f && (n = getline(&line, &cap, f)) > 0) {
        json_tokener_reset(tok);
        json_object *r = json_tokener_parse_ex(tok, line, (int)n);
        if (!r) { fprintf(stderr, "%s\n", json_tokener_error_desc(json_tokener_get_error(tok))); return 1; }
        const char *k[] = {"id", "source_lang", "text", "source"};
        for (int i = 0; i < 4; i++) {
            json_object *v;
            if (json_object_object_get_ex(r, k[i], &v) && json_object_is_type(v, json_type_string))
                bytes += (unsigned long)json_object_get_string_len(v);
        }
        json_object_put(r);
        recs++;
    }
    json_tokener_free(tok);
    printf("%lu records %lu bytes\n", recs, bytes);
    free(line);
    return 0;
}
C
cat > "$dir/cjson.c" <<'C'
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
    FILE *f = fopen(argv[1], "rb");
    char *line = NULL; size_t cap = 0; ssize_t n; unsigned long recs = 0, bytes = 0;
    while (f && (n = getline(&line, &cap, f)) > 0) {
        cJSON *r = cJSON_ParseWithLength(line, (size_t)n);
        if (!r) { fprintf(stderr, "parse error\n"); return 1; }
        const char *k[] = {"id", "source_lang", "text", "source"};
        for (int i = 0; i < 4; i++) {
            cJSON *v = cJSON_GetObjectItemCaseSensitive(r, k[i]);
            if (cJSON_IsString(v)) bytes += strlen(v->valuestring);
        }
        cJSON_Delete(r);
        recs++;
    }
    printf("%lu records %lu bytes\n", recs, bytes);
    free(line);
    return 0;
}
C
cat > "$dir/tqc.c" <<'C'
#include <stdio.h>
#include "core/doc.h"
#include "read/input.h"
int main(int argc, char **argv)
{
    tqc_input_options o = {.format = TQC_INPUT_JSONL, .lang = "en", .lang_from_file = 1};
    tqc_input *in; char err[512]; unsigned long recs = 0, bytes = 0;
    if (tqc_input_open(argv[1], &o, &in, err, sizeof err) != TQC_OK) { fprintf(stderr, "%s\n", err); return 1; }
    tqc_doc *d;
    tqc_status st;
    while ((st = tqc_input_next(in, &d, err, sizeof err)) == TQC_OK && d) {
        bytes += d->len; recs++; tqc_doc_free(d);
    }
    if (st != TQC_OK) { fprintf(stderr, "%s\n", err); return 1; }
    tqc_input_close(in);
    printf("%lu records %lu bytes\n", recs, bytes);
    return 0;
}
C
cc $cflags -o "$dir/jansson" "$dir/jansson.c" $(pkg-config --cflags --libs jansson)
cc $cflags -o "$dir/jsonc" "$dir/jsonc.c" $(pkg-config --cflags --libs json-c)
cc $cflags -o "$dir/cjson" "$dir/cjson.c" $(pkg-config --cflags --libs libcjson)
pk="hunspell libutf8proc libxml-2.0 sqlite3 libexttextcat jansson libmicrohttpd"
cc $cflags -Ichecker -o "$dir/tqc" "$dir/tqc.c" build/libtqc.a $(pkg-config --libs $pk) -lm -lpthread

mb=$(($(stat -c %s "$big") >> 20))
echo "input: $big ($mb MiB); best of 2 runs each"
for t in tqc jansson jsonc cjson; do
    best=
    for _ in 1 2; do
        s=$(date +%s.%N)
        "$dir/$t" "$big" >"$dir/$t.out"
        e=$(date +%s.%N)
        s=$(echo "$e - $s" | bc)
        if [ -z "$best" ] || [ "$(echo "$s < $best" | bc)" = 1 ]; then best=$s; fi
    done
    printf "%-8s %7.2f s %7.1f MiB/s  %s\n" "$t" "$best" "$(echo "$mb / $best" | bc -l)" "$(cat "$dir/$t.out")"
done
