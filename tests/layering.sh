#!/bin/sh
# The tree is the pipeline: checker/<stage>/ may include headers of its own stage and of
# the stages below it, never above. Arguments: the stages, bottom to top (the Makefile's
# STAGES). Prints every upward include and fails if there is one.
rank() {
    i=0
    for s in $STAGES; do
        [ "$s" = "$1" ] && { echo $i; return; }
        i=$((i + 1))
    done
    echo -1
}
STAGES="$*"
cd "$(dirname "$0")/../checker" || exit 2
bad=0
for stage in $STAGES; do
    mine=$(rank "$stage")
    for f in "$stage"/*.c "$stage"/*.h; do
        [ -e "$f" ] || continue
        for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
            case $inc in
            */*) theirs=$(rank "${inc%%/*}") ;;
            *) echo "checker/$f: #include \"$inc\" names no stage folder"; bad=1; continue ;;
            esac
            if [ "$theirs" -lt 0 ]; then
                echo "checker/$f: #include \"$inc\": no such stage"; bad=1
            elif [ "$theirs" -gt "$mine" ]; then
                echo "checker/$f: includes $inc from a stage above $stage"; bad=1
            fi
        done
    done
done
exit $bad
