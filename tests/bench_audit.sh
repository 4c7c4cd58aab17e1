#!/bin/sh
# make bench, tqc audit (issue 8): three measurements, reported as ratios of runs made in
# the same invocation (these machines are shared and noisy: compare ratios, not seconds;
# the small runs are the best of BENCH_AUDIT_TRIES, default 2).
#   scaling:  -j 2 against -j 1 on many small articles: the Brown corpus (its press text
#             and the rest), one file per 20 paragraphs, five times over with the groups
#             starting at other paragraphs and the years changed: ~4,400 articles, ~30 MB,
#             so that each worker's one-time costs (its checker, exttextcat's models,
#             warming its own dictionary caches) weigh as little as in a real archive.
#             Also the CPU time of each, which a busy machine does not distort.
#                                                                    target >= 1.8x
#   size:     a >= 1 GB corpus (BENCH_AUDIT_GB), made by repeating Brown with variation
#             into JSON Lines shards, audited with -j 2: MB/s, articles/s, and peak memory
#             next to the same audit of an eighth of it                target: flat
#             BENCH_AUDIT_LARGE_ARGS adds options to that audit (default none: every rule)
#   tiny:     10,000 one-sentence files: articles/s, next to the start-up of an empty audit
# Everything is generated in a temporary folder and deleted at the end.
set -eu
BUILD=${BUILD:-build}
TQC=${TQC:-./tqc}
run="$BUILD/bench_run"
ext=${TQC_SHARED:-../shared/corpus}/external
TRIES=${BENCH_AUDIT_TRIES:-2}
GB=${BENCH_AUDIT_GB:-1}
LARGE_ARGS=${BENCH_AUDIT_LARGE_ARGS:-}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tqc-bench-audit.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

src="$ext/brown-news.txt"
all="$ext/brown-all.txt"
if [ ! -f "$src" ]; then
    echo "bench audit: $src not found; using corpus/en"
    src="$tmp/seed.txt"
    cat corpus/en/*.txt >"$src"
    all="$src"
fi
[ -f "$all" ] || all="$src"
src=$(cd "$(dirname "$src")" && pwd)/$(basename "$src")

. tests/bench_lib.sh

# CPU seconds (user + system) used so far by this shell's finished children: the
# difference around a run is what it cost, however busy the machine was.
# (times must run in this shell, not in a command substitution's subshell.)
cpu_now() {
    times >"$tmp/times"
    awk 'function s(x, a) { split(x, a, "m"); return a[1] * 60 + a[2] }
         NR == 2 { sub(/s$/, "", $1); sub(/s$/, "", $2); printf "%.3f", s($1) + s($2) }' \
        "$tmp/times"
}

# ---- scaling: many small articles ----
small="$tmp/small"
mkdir -p "$small"
awk -v dir="$small" '{ para[n++] = $0 }
    END {
        for (v = 0; v < 5; v++) {
            system("mkdir -p " dir "/v" v)
            for (i = v * 4; i + 20 <= n; i += 20) {
                f = sprintf("%s/v%d/brown-%04d.txt", dir, v, i / 20)
                for (k = 0; k < 20; k++) {
                    p = para[i + k]
                    if (v) gsub(/19[0-9][0-9]/, 1960 + v * 11, p)
                    print p > f
                }
                close(f)
            }
        }
    }' "$all"
small_files=$(find "$small" -type f | wc -l)
small_mb=$(du -sb "$small" | awk '{ printf "%.2f", $1 / 1e6 }')
cpu_now >"$tmp/c0"
set -- $(best "$TQC" audit -j 1 -q "$small"); j1_s=$1 j1_kb=$2
cpu_now >"$tmp/c1"
set -- $(best "$TQC" audit -j 2 -q "$small"); j2_s=$1 j2_kb=$2
cpu_now >"$tmp/c2"
c0=$(cat "$tmp/c0") c1=$(cat "$tmp/c1") c2=$(cat "$tmp/c2")
j1_cpu=$(awk -v a="$c0" -v b="$c1" -v n="$TRIES" 'BEGIN { printf "%.2f", (b - a) / n }')
j2_cpu=$(awk -v a="$c1" -v b="$c2" -v n="$TRIES" 'BEGIN { printf "%.2f", (b - a) / n }')

# ---- size: >= 1 GB of JSON Lines, and an eighth of it ----
# Each record is 20 Brown paragraphs; every pass over the corpus starts the groups at
# another paragraph and varies the text (a dateline, numbers, and a few run-together or
# doubled words, so there is something to find). Shards keep both workers busy.
big="$tmp/big"
mkdir -p "$big"
target=$(awk -v g="$GB" 'BEGIN { printf "%.0f", g * 1e9 }')
shards=16
awk -v target="$target" -v shards="$shards" -v dir="$big" '
    function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s); return s }
    { para[n++] = $0 }
    END {
        srand(8); bytes = 0; rec = 0; pass = 0
        split("Lisbon Seoul Nairobi Lima Oslo Hanoi Quito Accra", city, " ")
        while (bytes < target) {
            start = (pass * 7) % 20
            for (i = start; i + 20 <= n && bytes < target; i += 20) {
                text = city[1 + rec % 8] ", " (1 + rec % 28) " May (Agency) -"
                for (k = 0; k < 20; k++) {
                    p = para[i + k]
                    if (rand() < 0.05) sub(/ the /, " the the ", p)
                    if (rand() < 0.05) sub(/ of /, "of ", p)
                    gsub(/19[0-9][0-9]/, 1990 + pass % 30, p)
                    text = text (k ? "\\n\\n" : " ") esc(p)
                }
                line = "{\"id\":\"r" rec "\",\"text\":\"" text "\"}"
                print line > (dir "/shard-" sprintf("%02d", rec % shards) ".jsonl")
                bytes += length(line) + 1; rec++
            }
            pass++
        }
        print rec > (dir "/../records")
    }' "$all"
records=$(cat "$tmp/records")
big_mb=$(du -sb "$big" | awk '{ printf "%.0f", $1 / 1e6 }')
# The eighth: every shard's first eighth of lines.
eighth="$tmp/eighth"
mkdir -p "$eighth"
for f in "$big"/*.jsonl; do
    lines=$(wc -l <"$f")
    head -n $((lines / 8)) "$f" >"$eighth/$(basename "$f")"
done
eighth_mb=$(du -sb "$eighth" | awk '{ printf "%.0f", $1 / 1e6 }')
eighth_records=$(cat "$eighth"/*.jsonl | wc -l)
set -- $("$run" "$TQC" audit -j 2 -q $LARGE_ARGS "$eighth"); e_s=$1 e_kb=$2
set -- $("$run" "$TQC" audit -j 2 -q $LARGE_ARGS "$big"); b_s=$1 b_kb=$2
rm -rf "$big" "$eighth"

# ---- tiny: 10,000 one-sentence files (ordinary words, so the time is tqc's per-article
# cost, not Hunspell's suggestions) ----
tiny="$tmp/tiny"
i=0
while [ "$i" -lt 50 ]; do mkdir -p "$tiny/$(printf 'd%02d' "$i")"; i=$((i + 1)); done
awk -v dir="$tiny" 'BEGIN {
    split("Lisbon Seoul Nairobi Lima Oslo Hanoi Quito Accra Dakar Riga", city, " ")
    split("Monday Tuesday Wednesday Thursday Friday", day, " ")
    split("council court union ministry committee", body, " ")
    for (n = 1; n <= 10000; n++) {
        f = sprintf("%s/d%02d/a%05d.txt", dir, n % 50, n)
        printf "The %s in %s met on %s and voted %d to %d on the new budget.\n",
            body[1 + n % 5], city[1 + n % 10], day[1 + n % 5], 10 + n % 40, n % 9 > f
        close(f)
    }
}'
tiny_files=$(find "$tiny" -type f | wc -l)
tiny_mb=$(du -sb "$tiny" | awk '{ printf "%.2f", $1 / 1e6 }')
mkdir -p "$tmp/empty"
set -- $(best "$TQC" audit -j 2 -q "$tmp/empty"); z_s=$1 z_kb=$2
set -- $(best "$TQC" audit -j 2 -q "$tiny"); t_s=$1 t_kb=$2
set -- $(best "$TQC" audit -j 1 -q "$tiny"); t1_s=$1 t1_kb=$2

echo "bench audit: $small_files small articles ($small_mb MB); $records records in $shards" \
    "JSONL shards ($big_mb MB) and an eighth ($eighth_records records, $eighth_mb MB);" \
    "$tiny_files tiny files ($tiny_mb MB); $(nproc) CPUs; best of $TRIES runs;" \
    "large corpus with: ${LARGE_ARGS:-every rule}"
awk -v sm="$small_mb" -v sf="$small_files" -v j1="$j1_s" -v j1kb="$j1_kb" -v j2="$j2_s" \
    -v j2kb="$j2_kb" -v bm="$big_mb" -v br="$records" -v bs="$b_s" -v bkb="$b_kb" \
    -v em="$eighth_mb" -v er="$eighth_records" -v es="$e_s" -v ekb="$e_kb" \
    -v tm="$tiny_mb" -v tf="$tiny_files" -v ts="$t_s" -v tkb="$t_kb" -v t1="$t1_s" \
    -v zs="$z_s" -v zkb="$z_kb" -v t1kb="$t1_kb" -v c1="$j1_cpu" -v c2="$j2_cpu" 'BEGIN {
    f = "%-40s %9.2f %9.2f %12.0f %10.1f\n"
    printf "%-40s %9s %9s %12s %10s\n", "tqc audit", "seconds", "MB/s", "articles/s", "peak MB"
    printf f, "small articles, -j 1", j1, sm / j1, sf / j1, j1kb / 1024
    printf f, "small articles, -j 2", j2, sm / j2, sf / j2, j2kb / 1024
    printf f, "1/8 of the large corpus, -j 2", es, em / es, er / es, ekb / 1024
    printf f, "large corpus, -j 2", bs, bm / bs, br / bs, bkb / 1024
    printf f, "10,000 tiny files, -j 1", t1, tm / t1, tf / t1, t1kb / 1024
    printf f, "10,000 tiny files, -j 2", ts, tm / ts, tf / ts, tkb / 1024
    printf f, "empty folder (start-up), -j 2", zs, 0, 0, zkb / 1024
    printf "\nratios (same run):\n"
    printf "  -j 2 / -j 1 throughput, small articles: %.2fx   (target >= 1.8x)\n", j1 / j2
    if (c1 > 0) printf "  CPU time -j 2 / -j 1, small articles: %.2fx (%.1f s, %.1f s): an idle machine would give %.2fx\n", c2 / c1, c2, c1, 2 * c1 / c2
    printf "  peak memory, large corpus / its eighth: %.2fx (%.0f MB at %.0f MB, %.0f MB at %.0f MB)   (target: flat, ~1x)\n", bkb / ekb, bkb / 1024, bm, ekb / 1024, em
    printf "  start-up share of the 10,000 tiny files: %.1f%%   (%.0f articles/s)\n", 100 * zs / ts, tf / ts
}'
