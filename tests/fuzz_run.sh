#!/bin/sh
# Runs one built libFuzzer target (make fuzz starts FUZZ_JOBS of these at once): its
# corpus in build-fuzz/corpus-NAME, seeded from tests/data/inputs and
# tests/data/fuzz-regressions. Prints one line; on a crash or hang, the log's tail, and
# exits 255 so that xargs starts no further target.
# usage: fuzz_run.sh SECONDS NAME
seconds=$1 t=$2
mkdir -p build-fuzz/corpus-"$t"
if build-fuzz/fuzz_"$t" -max_total_time="$seconds" -max_len=65536 -timeout=30 \
    -rss_limit_mb=2048 -artifact_prefix=build-fuzz/"$t"- build-fuzz/corpus-"$t" \
    tests/data/inputs tests/data/fuzz-regressions >build-fuzz/"$t".log 2>&1; then
    echo "fuzz: $t: $(grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs)' build-fuzz/"$t".log | tail -1)"
else
    echo "fuzz: $t FAILED"
    tail -40 build-fuzz/"$t".log
    exit 255
fi
