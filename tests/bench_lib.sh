# Sourced by tests/bench.sh and tests/bench_audit.sh, which set $run (bench_run) and
# $TRIES. A shared machine's hiccups slow a run, never speed one up: the best of a few
# runs is the fair figure.

# best CMD...: the best wall time (and that run's peak KiB) of TRIES runs, and the least
# CPU time of any of them, as "seconds kib cpu-seconds".
best() {
    b_s="" b_kb="" b_cpu=""
    i=0
    while [ "$i" -lt "$TRIES" ]; do
        set -- $("$run" "$@") "$@"
        s=$1 kb=$2 cpu=$3
        shift 3
        if [ -z "$b_s" ] || awk -v a="$s" -v b="$b_s" 'BEGIN { exit !(a < b) }'; then
            b_s=$s b_kb=$kb
        fi
        if [ -z "$b_cpu" ] || awk -v a="$cpu" -v b="$b_cpu" 'BEGIN { exit !(a < b) }'; then
            b_cpu=$cpu
        fi
        i=$((i + 1))
    done
    echo "$b_s $b_kb $b_cpu"
}

# median CMD...: the medians of wall time, peak KiB and CPU time of TRIES runs (for short
# runs such as one cold article, where the spread matters more than the best case).
median() {
    m_i=0
    m_all=""
    while [ "$m_i" -lt "$TRIES" ]; do
        m_all="$m_all$("$run" "$@")
"
        m_i=$((m_i + 1))
    done
    for m_f in 1 2 3; do
        printf '%s' "$m_all" | awk -v f="$m_f" 'NF { print $f }' | sort -g |
            awk '{ v[NR] = $1 } END { printf "%s ", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
    done
    echo
}
