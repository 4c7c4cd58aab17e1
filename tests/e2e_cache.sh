#!/bin/sh
# End-to-end tests of the verdict files (issue 15, lang/verdicts.h): findings are the
# same with and without them, and a file that is corrupt or stale (written for other
# dictionaries) is never trusted but replaced. The tampering flips every verdict, so a
# file trusted when it should not be changes the findings; a control tampering that keeps
# the file valid shows the files are read at all.
# Prints `ok N - name` / `not ok N - name`; exits 1 on failure.
set -u
TQC=${TQC:-./tqc}
. "$(dirname "$0")/e2e_lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
    echo "# e2e_cache: skipped (no python3)"
    exit 0
fi

# English: its regional variety (en-GB) gets a file of its own too.
files=corpus/en/demo.txt
check() { TQC_CACHE_DIR=$1 "$TQC" check --format jsonl $files >"$2" 2>&1; }

check "" "$tmp/none"
check "$tmp/c" "$tmp/first"
check "$tmp/c" "$tmp/second"
count=$(ls "$tmp/c"/verdicts-*.bin 2>/dev/null | wc -l)
if [ "$count" -ge 2 ] && cmp -s "$tmp/none" "$tmp/first" && cmp -s "$tmp/none" "$tmp/second"; then
    ok "findings without, while writing, and with verdict files are identical ($count files)"
else
    not_ok "findings identical with verdict files" "$(ls "$tmp/c"; diff "$tmp/none" "$tmp/second" | head)"
fi

# tamper MODE FILE: flips every verdict of FILE; MODE valid recomputes the checksum,
# corrupt leaves it, stale recomputes it for another key.
tamper() {
    python3 - "$1" "$2" <<'EOF'
import struct, sys
mode, path = sys.argv[1], sys.argv[2]
b = bytearray(open(path, 'rb').read())
magic, key, _, slots, count, dlen, nblocks = struct.unpack_from('<8sQQIIQQ', b, 0)
M = (1 << 64) - 1
def vhash(seed, data):
    h = (seed ^ 0x9E3779B97F4A7C15 ^ len(data)) & M
    i = 0
    while len(data) - i >= 8:
        h = ((h ^ struct.unpack_from('<Q', data, i)[0]) * 0x100000001B3) & M
        h ^= h >> 29
        i += 8
    for c in data[i:]:
        h = ((h ^ c) * 0x100000001B3) & M
    return h ^ (h >> 32)
body = 48 + nblocks * 8
off = body + slots * 4
while off < len(b):
    v = b[off + 1]
    # lookup verdict in bits 0-1, a correction candidate's in bits 2-3: 1 <-> 2 in each
    for s in (0, 2):
        f = (v >> s) & 3
        if f in (1, 2):
            v = (v & ~(3 << s)) | ((3 - f) << s)
    b[off + 1] = v
    off += 2 + b[off]
if mode == 'stale':
    key ^= 1
if mode != 'corrupt':
    # The body's block sums (4 KiB blocks), then the header's sum over them.
    for k in range(nblocks):
        struct.pack_into('<Q', b, 48 + 8 * k, vhash(k, bytes(b[body + 4096 * k:body + 4096 * (k + 1)])))
    struct.pack_into('<Q', b, 8, key)
    struct.pack_into('<Q', b, 16, 0)
    struct.pack_into('<Q', b, 16, vhash(vhash(key, bytes(b[:48])), bytes(b[48:body])))
open(path, 'wb').write(b)
EOF
}

for mode in corrupt stale valid; do
    rm -rf "$tmp/$mode"
    cp -r "$tmp/c" "$tmp/$mode"
    for f in "$tmp/$mode"/verdicts-*.bin; do tamper "$mode" "$f"; done
    cp -r "$tmp/$mode" "$tmp/$mode.tampered"
    check "$tmp/$mode" "$tmp/$mode.out"
    case $mode in
    valid)
        if cmp -s "$tmp/none" "$tmp/$mode.out"; then
            not_ok "a valid file's verdicts are used (flipped, the findings change)"
        else
            ok "a valid file's verdicts are used (flipped, the findings change)"
        fi ;;
    *)
        rewritten=0
        for f in "$tmp/$mode"/verdicts-*.bin; do
            cmp -s "$f" "$tmp/$mode.tampered/$(basename "$f")" || rewritten=$((rewritten + 1))
        done
        if cmp -s "$tmp/none" "$tmp/$mode.out" && [ "$rewritten" = "$count" ]; then
            ok "a $mode file is not trusted, and is rewritten"
        else
            not_ok "a $mode file is not trusted, and is rewritten ($rewritten of $count)" \
                "$(diff "$tmp/none" "$tmp/$mode.out" | head)"
        fi
        # ...and the rewritten file is whole: the next run gives the same findings.
        check "$tmp/$mode" "$tmp/$mode.again"
        if cmp -s "$tmp/none" "$tmp/$mode.again"; then
            ok "the $mode file's replacement serves the next run"
        else
            not_ok "the $mode file's replacement serves the next run"
        fi ;;
    esac
done

# A file cut short (a full disk, a crash mid-write of an older tool) is ignored too.
rm -rf "$tmp/short"
cp -r "$tmp/c" "$tmp/short"
for f in "$tmp/short"/verdicts-*.bin; do
    head -c 100 "$f" >"$f.cut" && mv "$f.cut" "$f"
done
check "$tmp/short" "$tmp/short.out"
if cmp -s "$tmp/none" "$tmp/short.out"; then
    ok "a truncated file is ignored"
else
    not_ok "a truncated file is ignored"
fi

# Stale files go: a run that writes its verdict file deletes the files of the same
# dictionary written for other dictionary files (another group: the first key of the
# name), keeps the newest 3 of the same group with other word lists (other projects'),
# and leaves every other file alone (another dictionary, a temporary file).
rm -rf "$tmp/prune"
mkdir -p "$tmp/prune"
f=$(ls "$tmp/c"/verdicts-en_US-*.bin | head -1)
b=$(basename "$f" .bin)
group=${b#verdicts-en_US-}; group=${group%-*}
for k in 1 2 3 4 5; do
    cp "$f" "$tmp/prune/verdicts-en_US-$group-000000000000000$k.bin"
    touch -d "2026-01-0$k" "$tmp/prune/verdicts-en_US-$group-000000000000000$k.bin"
done
cp "$f" "$tmp/prune/verdicts-en_US-0123456789abcdef-0000000000000009.bin"
cp "$f" "$tmp/prune/verdicts-en_US-0123456789abcdef.bin"   # the older naming
cp "$f" "$tmp/prune/verdicts-en_US-$group-0000000000000009.bin.Ab12Cd"
cp "$f" "$tmp/prune/verdicts-en_US-x-0123456789abcdef-0000000000000009.bin"
check "$tmp/prune" "$tmp/prune.out"
left=$(cd "$tmp/prune" && ls verdicts-en_US-* | LC_ALL=C sort | tr '\n' ' ')
want=$(printf '%s\n' "verdicts-en_US-$group-0000000000000003.bin" \
    "verdicts-en_US-$group-0000000000000004.bin" "verdicts-en_US-$group-0000000000000005.bin" \
    "$(basename "$f")" "verdicts-en_US-$group-0000000000000009.bin.Ab12Cd" \
    "verdicts-en_US-x-0123456789abcdef-0000000000000009.bin" | LC_ALL=C sort | tr '\n' ' ')
if cmp -s "$tmp/none" "$tmp/prune.out" && [ "$left" = "$want" ]; then
    ok "stale verdict files are deleted, other projects' newest kept, other files left"
else
    not_ok "stale verdict files are deleted" "left: $left
want: $want"
fi

# The cache `make install` builds (<data>/cache, filled there by a run with
# TQC_CACHE_DIR pointing at it) is read before the user's: a run whose words it all
# holds writes nothing of its own, and finds the same.
mkdir -p "$tmp/data"
ln -s "$(pwd)/rules" "$tmp/data/rules"
ln -s "$(pwd)/dictionaries" "$tmp/data/dictionaries"
TQC_DATA_DIR=$tmp/data TQC_CACHE_DIR=$tmp/data/cache "$TQC" check --format jsonl $files \
    >/dev/null 2>&1
TQC_DATA_DIR=$tmp/data TQC_CACHE_DIR=$tmp/user "$TQC" check --format jsonl $files \
    >"$tmp/installed.out" 2>&1
sed "s|$tmp/data/||" "$tmp/installed.out" >"$tmp/installed.rel"
if ls "$tmp/data/cache"/verdicts-en_US-*.bin >/dev/null 2>&1 &&
    [ -z "$(ls "$tmp/user" 2>/dev/null)" ] && cmp -s "$tmp/none" "$tmp/installed.rel"; then
    ok "the installed cache answers: the user's folder gets nothing, findings the same"
else
    not_ok "the installed cache answers" "$(ls "$tmp/user" 2>&1; diff "$tmp/none" "$tmp/installed.rel" | head -5)"
fi

echo "# e2e_cache: $n tests, $fail failed"
[ "$fail" = 0 ]
