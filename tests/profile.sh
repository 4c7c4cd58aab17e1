#!/bin/sh
# make profile: where tqc spends its time on the 6 MB Brown corpus with every pass on and
# one thread (issue 15), as the ten symbols with the most self time, so a before/after
# comparison is one command. perf record -g (linux-perf) samples the run; where perf
# cannot record (no permission, no perf events), valgrind's callgrind counts the
# instructions of a 1 MB slice instead. The data stays in $BUILD/profile for perf report
# or callgrind_annotate. PROFILE_INPUT overrides the input.
set -eu
BUILD=${BUILD:-build}
# Without verdict files (lang/verdicts.h): a file written by an earlier run of the same
# text would spare this one its dictionary work.
TQC_CACHE_DIR=
export TQC_CACHE_DIR
ext=${TQC_SHARED:-../shared/corpus}/external
in=${PROFILE_INPUT:-$ext/brown-all.txt}
out="$BUILD/profile"
mkdir -p "$out"
if [ ! -f "$in" ]; then
    echo "profile: $in not found" >&2
    exit 1
fi

# tqc check exits 1 when it finds something: only 2 and above are failures.
perf_ok=0
if command -v perf >/dev/null; then
    rc=0
    perf record -g -o "$out/perf.data" -- ./tqc check --format jsonl -j 1 "$in" \
        >/dev/null 2>"$out/perf.err" || rc=$?
    [ "$rc" -lt 2 ] && [ -s "$out/perf.data" ] && perf_ok=1
fi
if [ "$perf_ok" = 1 ]; then
    echo "profile: perf record -g ./tqc check --format jsonl -j 1 $in"
    echo "top ten symbols by self time (perf report --no-children; data in $out/perf.data):"
    perf report -i "$out/perf.data" --no-children --stdio -g none -F overhead,dso,sym \
        >"$out/report.txt" 2>/dev/null
    sed -n 's/^# \(Samples: .*\)/  \1/p' "$out/report.txt" | head -n 1
    grep -E "^ +[0-9.]+%" "$out/report.txt" | sed "s/ *$//" | head -n 10
elif command -v valgrind >/dev/null; then
    [ -s "$out/perf.err" ] && echo "profile: perf cannot record here ($(tail -n 1 "$out/perf.err")); using callgrind"
    slice="$out/slice-1mb.txt"
    awk '{ print; n += length($0) + 1; if (n >= 1000000) exit }' "$in" >"$slice"
    valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
        ./tqc check --format jsonl -j 1 "$slice" >/dev/null 2>"$out/callgrind.err" || true
    echo "profile: valgrind --tool=callgrind ./tqc check --format jsonl -j 1 (1 MB of $in)"
    echo "top ten functions by instructions, self (callgrind_annotate; data in $out/callgrind.out):"
    callgrind_annotate --inclusive=no "$out/callgrind.out" 2>/dev/null |
        grep -E '^ *[0-9,]+ \([ 0-9.]+%\)' | grep -v 'PROGRAM TOTALS' | head -n 10
else
    echo "profile: neither perf nor valgrind is installed (make deps-bench)" >&2
    exit 1
fi
