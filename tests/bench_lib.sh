# Sourced by tests/bench.sh and tests/bench_audit.sh, which set $run (bench_run) and
# $TRIES. A shared machine's hiccups slow a run, never speed one up: the best of a few
# runs is the fair figure.

# best CMD...: the best wall time (and its peak KiB) of TRIES runs, as "seconds kib".
best() {
    b_s="" b_kb=""
    i=0
    while [ "$i" -lt "$TRIES" ]; do
        set -- $("$run" "$@") "$@"
        s=$1 kb=$2
        shift 2
        if [ -z "$b_s" ] || awk -v a="$s" -v b="$b_s" 'BEGIN { exit !(a < b) }'; then
            b_s=$s b_kb=$kb
        fi
        i=$((i + 1))
    done
    echo "$b_s $b_kb"
}
