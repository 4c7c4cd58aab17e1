#!/bin/sh
# End-to-end tests of issue 18's limits: `tqc fix` holds a large file in bounded memory,
# Ctrl-C stops check and audit within a bounded time even inside a pass on one huge
# document, suppression directives cost linear time (200k pairs about twice 100k) and
# about what the prose around them costs (used, unused, round clean prose), a
# legacy-encoded XLIFF what its UTF-8 copy costs, and a page of inline tags a small
# multiple of its size in memory.
# Inputs are generated here; figures are measured with getrusage (CPU time and peak
# memory of the child), never wall time: the machine may be busy.
# Prints `ok N - name` / `not ok N - name`; exits 1 on failure.
set -u
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
. "$(dirname "$0")/e2e_lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
    echo "# e2e_limits: skipped (no python3)"
    exit 0
fi

# measure CMD...: runs CMD (stdout and stderr to $tmp/out, $tmp/err) and prints
# "STATUS PEAK_KB CPU_SECONDS" (user + system time of the child).
measure() {
    python3 - "$@" <<'EOF'
import os, resource, subprocess, sys
d = os.environ['TMPD']
with open(d + '/out', 'wb') as o, open(d + '/err', 'wb') as e:
    rc = subprocess.call(sys.argv[1:], stdout=o, stderr=e)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(rc, u.ru_maxrss, '%.3f' % (u.ru_utime + u.ru_stime))
EOF
}
export TMPD="$tmp"
# linear WHAT SMALL BIG: checks files SMALL and BIG (twice SMALL's size) and expects BIG's
# CPU time at most 2.6 times SMALL's (a quadratic cost makes it 4); WHAT names them.
linear() {
    set -- "$1" "$(measure "$TQC" check -j1 "$2")" "$(measure "$TQC" check -j1 "$3")"
    what=$1 small_cpu=${2##* } big_rc=${3%% *} big_cpu=${3##* }
    [ "$big_rc" -le 1 ] && python3 -c "import sys; sys.exit(float(sys.argv[1]) > 2.6 * float(sys.argv[2]) + 0.2)" "$big_cpu" "$small_cpu" \
        && ok "$what: twice as many take $big_cpu s of CPU, once $small_cpu s (linear: at most 2.6x)" \
        || not_ok "$what: twice as many take $big_cpu s of CPU, once $small_cpu s (linear: at most 2.6x)" "exit $big_rc"
}

# --- fix: memory is the file, its corrected copy and one chunk's work. ---------------
# An 8 MB article with a fix every ~100 bytes (80k fixes): the findings, notes and
# regions tqc fix used to keep for the whole file cost ~5 times the file (a 35 MB file
# peaked at 268 MB, 481 MB before that). Writing the file needs only the original bytes
# (to check that nobody saved meanwhile) and the corrected ones: 2 x the size, plus a
# 256 KiB chunk's tokens and findings, which stay far under 16 MiB.
python3 -c "
import sys
s = ['The minister said the the talks would resume on Monday in the capital.',
     'Officials confirmed that the agreement remains in force , as before.',
     'Growth reached 3.5 percent in the second quarter, the office said.',
     'She said that the plan would be presented to parliament next week.']
para = ' '.join(s) + '\n\n'
with open(sys.argv[1], 'w') as f:
    f.write(para * (8000000 // len(para)))
" "$tmp/big.txt"
printf 'The minister said the the talks would resume.\n' >"$tmp/small.txt"
size_kb=$(( $(wc -c <"$tmp/big.txt") / 1024 ))
set -- $(measure "$TQC" fix "$tmp/small.txt"); base_kb=$2
set -- $(measure "$TQC" fix "$tmp/big.txt"); rc=$1 big_kb=$2
bound_kb=$((2 * size_kb + 16384))
[ "$rc" = 0 ] && grep -q 'fixed [0-9]* findings in 1 file' "$tmp/err" && ! grep -q 'the the' "$tmp/big.txt" \
    && ok "fix of an 8 MB file with 80k fixes works" || not_ok "fix of an 8 MB file with 80k fixes works" "exit $rc: $(cat "$tmp/err")"
# AddressSanitizer keeps freed memory in quarantine: the bound is judged without it.
case $TQC in
*build-san*) echo "# fix memory not judged under AddressSanitizer ($((big_kb - base_kb)) KiB)" ;;
*) [ $((big_kb - base_kb)) -le "$bound_kb" ] \
    && ok "fix memory beyond start-up: $((big_kb - base_kb)) KiB <= 2 x ${size_kb} KiB + 16 MiB" \
    || not_ok "fix memory beyond start-up: $((big_kb - base_kb)) KiB <= 2 x ${size_kb} KiB + 16 MiB" ;;
esac
ls -a "$tmp" | grep -q '\.tqc-' && not_ok "fix leaves no temporary file" || ok "fix leaves no temporary file"

# --- Ctrl-C stops check and audit inside a long pass on one huge document. ----------
# One HTML article of ~20 MB is one document: some of its passes run for a second or
# more (a faster tqc checked the 10 MB of before in under the second the signal waited
# for), and the stop flag is read only between passes, so a grace period (cli/common.h:
# 1 s for check, 3 s for audit) bounds the wait.
python3 -c "
import sys
p = '<p>The minister said that the talks would resume on Monday, officials confirmed.</p>\n'
with open(sys.argv[1], 'w') as f:
    f.write('<html><body><article>\n' + p * (20000000 // len(p)) + '</article></body></html>\n')
" "$tmp/huge.html"
mkdir "$tmp/corpus" "$tmp/outdir"
cp "$tmp/huge.html" "$tmp/corpus/"
# interrupt NAME LIMIT SIGNAL CMD...: starts CMD, sends SIGNAL (INT, TERM) after 0.5 s,
# expects exit 130 within LIMIT seconds of it (the grace period, more for a busy machine).
interrupt() {
    name=$1 limit=$2; export SIG=$3; shift 3
    python3 - "$@" <<'EOF' >"$tmp/int" 2>&1
import os, signal, subprocess, sys, time
d = os.environ['TMPD']
with open(d + '/out', 'wb') as o, open(d + '/err', 'wb') as e:
    p = subprocess.Popen(sys.argv[1:], stdout=o, stderr=e)
    time.sleep(0.5)
    if p.poll() is not None:
        print('finished before the signal: exit', p.returncode); sys.exit(0)
    t0 = time.monotonic()
    p.send_signal(getattr(signal, 'SIG' + os.environ['SIG']))
    try:
        rc = p.wait(timeout=20)
    except subprocess.TimeoutExpired:
        p.kill(); print('still running 20 s after SIGINT'); sys.exit(0)
    print(rc, '%.2f' % (time.monotonic() - t0))
EOF
    set -- $(cat "$tmp/int")
    if [ "$1" = 130 ] && python3 -c "import sys; sys.exit(float(sys.argv[1]) > float(sys.argv[2]))" "$2" "$limit"; then
        ok "$name: SIG$SIG after 0.5 s stops it in $2 s with status 130"
    else
        not_ok "$name: SIG$SIG after 0.5 s stops it within $limit s with status 130" "$(cat "$tmp/int") $(head -c 300 "$tmp/err")"
    fi
}
interrupt "check" 2.5 INT "$TQC" check -j1 "$tmp/huge.html"
[ "$(grep -c . "$tmp/err")" = 1 ] && grep -q '^tqc: interrupted' "$tmp/err" \
    && ok "check says so in one line" || not_ok "check says so in one line" "$(cat "$tmp/err")"
interrupt "check -j2" 2.5 TERM "$TQC" check -j2 "$tmp/huge.html" "$tmp/big.txt"
interrupt "audit" 4.5 INT "$TQC" audit -j1 --db "$tmp/outdir/a.sqlite" --html "$tmp/outdir/a.html" "$tmp/corpus"
grep -q 'tqc: interrupted' "$tmp/err" && ok "audit says it was interrupted" || not_ok "audit says it was interrupted" "$(cat "$tmp/err")"
ls -a "$tmp/outdir" "$tmp/corpus" | grep -q '\.tqc-' && not_ok "no temporary file is left" "$(ls -a "$tmp/outdir")" || ok "no temporary file is left"

# --- Suppression directives cost linear time: 200k pairs about twice 100k. ----------
# (Compared with themselves: prose of other words would measure the passes, not the
# directives; a quadratic cost would make the ratio 4.)
python3 -c "
import sys
pair = '<!-- tqc-disable repeated-word -->\\nThe the talks resumed.\\n<!-- tqc-enable repeated-word -->\\n'
open(sys.argv[1], 'w').write(pair * 200000)
open(sys.argv[2], 'w').write(pair * 100000)
" "$tmp/directives.txt" "$tmp/half.txt"
set -- $(measure "$TQC" check -j1 "$tmp/half.txt"); half_cpu=$3
set -- $(measure "$TQC" check -j1 "$tmp/directives.txt"); rc=$1 dir_cpu=$3
[ "$rc" = 0 ] && [ ! -s "$tmp/out" ] && ok "200k tqc-disable regions suppress every finding" \
    || not_ok "200k tqc-disable regions suppress every finding" "exit $rc: $(head -c 300 "$tmp/out")"
python3 -c "import sys; sys.exit(float(sys.argv[1]) > 2.6 * float(sys.argv[2]) + 0.2)" "$dir_cpu" "$half_cpu" \
    && ok "200k pairs take $dir_cpu s of CPU, 100k pairs $half_cpu s (linear: at most 2.6x)" \
    || not_ok "200k pairs take $dir_cpu s of CPU, 100k pairs $half_cpu s (linear: at most 2.6x)"
# Against the same prose without them (its findings then printed, not hidden): the
# passes read the directives' lines as prose (3.1 s against 1.1 s), and every
# directive, with a copy of its comment, was held to the end of the file (154 MB
# against 46 MB). Now a directive's line is no prose, and the directives behind each
# chunk are let go once nothing to come can change them.
dir_kb=$2
python3 -c "
import sys
open(sys.argv[1], 'w').write('The the talks resumed.\n\n' * 200000)
" "$tmp/prose.txt"
set -- $(measure "$TQC" check -j1 "$tmp/prose.txt"); prose_kb=$2 prose_cpu=$3
python3 -c "import sys; sys.exit(float(sys.argv[1]) > 1.6 * float(sys.argv[2]) + 0.2)" "$dir_cpu" "$prose_cpu" \
    && ok "200k pairs take $dir_cpu s of CPU, the prose alone $prose_cpu s (at most 1.6x)" \
    || not_ok "200k pairs take $dir_cpu s of CPU, the prose alone $prose_cpu s (at most 1.6x)"
case $TQC in
*build-san*) echo "# directive memory not judged under AddressSanitizer" ;;
*) [ $((dir_kb - base_kb)) -le $((2 * (prose_kb - base_kb) + 16384)) ] \
    && ok "200k pairs: $((dir_kb - base_kb)) KiB beyond start-up, the prose alone $((prose_kb - base_kb)) KiB (at most 2x + 16 MiB)" \
    || not_ok "200k pairs: $((dir_kb - base_kb)) KiB beyond start-up, the prose alone $((prose_kb - base_kb)) KiB (at most 2x + 16 MiB)" ;;
esac

# --- Directives that suppress nothing, around prose that has findings. ---------------
# Unused directives are reported (identical ones in a row: ten, and the last for the
# rest); one from an earlier chunk is placed by a map run over the whole 256 KiB chunk,
# and every finding's line was counted from that run's start: 20k pairs took 4.1 s of
# CPU against 0.15 s for their prose alone (200k: 42 s).
python3 -c "
import sys
open(sys.argv[1], 'w').write('<!-- tqc-disable spelling -->\nThe the talks resumed.\n<!-- tqc-enable spelling -->\n' * 20000)
open(sys.argv[2], 'w').write('The the talks resumed.\n\n' * 20000)
" "$tmp/unused.txt" "$tmp/unused_prose.txt"
set -- $(measure "$TQC" check -j1 "$tmp/unused_prose.txt"); up_cpu=$3
set -- $(measure "$TQC" check -j1 "$tmp/unused.txt"); rc=$1 un_cpu=$3
[ "$rc" = 1 ] && [ "$(grep -c 'suppressed nothing' "$tmp/out")" = 11 ] \
    && grep -q "^[^ ]*unused.txt:59998:1: info: tqc-disable 'spelling' suppressed nothing; as did the 19989 identical directives before it, the first on line 31" "$tmp/out" \
    && [ "$(grep -c 'error: word repeated' "$tmp/out")" = 20000 ] \
    && grep -q '^[^ ]*unused.txt:59999:1: error: word repeated' "$tmp/out" \
    && ok "20k unused directives: ten reported and one for the rest, the findings between them at their lines" \
    || not_ok "20k unused directives: ten reported and one for the rest, the findings between them at their lines" "exit $rc: $(head -c 300 "$tmp/err")"
python3 -c "import sys; sys.exit(float(sys.argv[1]) > 3 * float(sys.argv[2]) + 0.2)" "$un_cpu" "$up_cpu" \
    && ok "20k unused directive pairs take $un_cpu s of CPU, their prose alone $up_cpu s (at most 3x)" \
    || not_ok "20k unused directive pairs take $un_cpu s of CPU, their prose alone $up_cpu s (at most 3x)"

# --- The issue's shape: unused pairs round clean prose cost next to nothing. ---------
# `tqc-disable repeated-word` / `tqc-enable repeated-word` round each sentence of clean
# prose: every disable is unused, no enable is; the identical disables in a row are ten
# findings and one for the rest (a finding each was half the time of 200k pairs). A
# directive's line ends a paragraph, so the peer is the same sentences as paragraphs of
# their own; against it the directives (scanned, hidden, settled, reported) cost about
# 1.3 times as much (1.6 times while each was a finding), and directive lines that went
# through the passes cost 3.8 times. Against the same sentences in one paragraph the
# ratio would measure the passes' work on short paragraphs, not the directives.
python3 -c "
import sys
s = 'The minister said the talks would resume on Monday.\n'
open(sys.argv[1], 'w').write(('<!-- tqc-disable repeated-word -->\n' + s + '<!-- tqc-enable repeated-word -->\n') * 30000)
open(sys.argv[2], 'w').write(('\n' + s + '\n') * 30000)
" "$tmp/round.txt" "$tmp/round_prose.txt"
set -- $(measure "$TQC" check -j1 "$tmp/round_prose.txt"); rp_cpu=$3
set -- $(measure "$TQC" check -j1 "$tmp/round.txt"); rc=$1 round_cpu=$3
[ "$rc" = 0 ] && [ "$(grep -c "tqc-disable 'repeated-word' suppressed nothing" "$tmp/out")" = 11 ] \
    && [ "$(grep -c '\[unused-suppression\]$' "$tmp/out")" = 11 ] \
    && grep -q "round.txt:89998:1: info: .* as did the 29989 identical directives before it, the first on line 31 \[" "$tmp/out" \
    && ! grep -q "tqc-enable 'repeated-word'" "$tmp/out" \
    && ok "30k pairs round clean prose: the disables reported unused in 11 findings, nothing else" \
    || not_ok "30k pairs round clean prose: the disables reported unused in 11 findings, nothing else" "exit $rc: $(head -c 300 "$tmp/out")"
python3 -c "import sys; sys.exit(float(sys.argv[1]) > 2.5 * float(sys.argv[2]) + 0.1)" "$round_cpu" "$rp_cpu" \
    && ok "30k pairs round clean prose take $round_cpu s of CPU, the prose alone $rp_cpu s (at most 2.5x)" \
    || not_ok "30k pairs round clean prose take $round_cpu s of CPU, the prose alone $rp_cpu s (at most 2.5x)"

# --- Directives held to the file's end: stored compactly. ---------------------------
# A `tqc-words` and an unclosed `tqc-disable` apply to the end of the file, so they are
# kept, and each is reported there as unused. A directive kept two copies of its word,
# of each rule id, and a 256-byte message per note, and the notes were sorted with a
# copy of every finding: 29 x the file (100k directives, 3.8 MB). Now one block per
# directive, interned ids, notes as long as their text, and a sort in place: 19 x.
python3 -c "
import sys
open(sys.argv[1], 'w').write(''.join('<!-- tqc-words Zorblax%d -->\nThe talks resumed.\n<!-- tqc-disable quotes -->\n' % i
                                     for i in range(50000)))
" "$tmp/held.txt"
held_size_kb=$(( $(wc -c <"$tmp/held.txt") / 1024 ))
set -- $(measure "$TQC" check -j1 "$tmp/held.txt"); rc=$1 held_kb=$2
[ "$rc" = 0 ] && [ "$(grep -c 'accepted no flagged word' "$tmp/out")" = 50000 ] \
    && [ "$(grep -c "tqc-disable 'quotes' suppressed nothing" "$tmp/out")" = 50000 ] \
    && ok "100k directives held to the end: each reported unused" \
    || not_ok "100k directives held to the end: each reported unused" "exit $rc: $(head -c 300 "$tmp/err")"
case $TQC in
*build-san*) echo "# held directive memory not judged under AddressSanitizer" ;;
*) [ $((held_kb - base_kb)) -le $((24 * held_size_kb)) ] \
    && ok "100k held directives: $((held_kb - base_kb)) KiB beyond start-up <= 24 x the ${held_size_kb} KiB file" \
    || not_ok "100k held directives: $((held_kb - base_kb)) KiB beyond start-up <= 24 x the ${held_size_kb} KiB file" ;;
esac

# --- An XML file in a legacy encoding costs what its UTF-8 copy costs. --------------
# libxml2 decoding ISO-8859-1 itself re-encoded the rest of its buffer at every position
# tqc asked for (a 5 MB XLIFF of 30k units took 6.4 s, its UTF-8 copy 0.6 s): the file
# is now decoded before parsing. Same findings at the same lines and columns; fix edits
# nothing in it (the offsets are the decoded copy's), it only suggests.
python3 -c "
import sys
u = ('<trans-unit id=\"u%d\"><source>The caf\u00e9 opened on Monday.</source>'
     '<target>Le caf\u00e9 a ouvert ouvert lundi.</target></trans-unit>\n')
def doc(enc):
    return ('<?xml version=\"1.0\" encoding=\"%s\"?>\n<xliff version=\"1.2\" '
            'xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file source-language=\"en\" '
            'target-language=\"fr\" datatype=\"plaintext\" original=\"x\"><body>\n' % enc
            + ''.join(u % i for i in range(15000)) + '</body></file></xliff>\n')
open(sys.argv[1], 'wb').write(doc('ISO-8859-1').encode('latin-1'))
open(sys.argv[2], 'wb').write(doc('UTF-8').encode('utf-8'))
" "$tmp/latin1.xlf" "$tmp/utf8.xlf"
set -- $(measure "$TQC" check -j1 --format jsonl "$tmp/utf8.xlf"); utf8_cpu=$3
sed 's/"offset":[0-9]*,//; s/"file":"[^"]*",//' "$tmp/out" | cut -c1-120 >"$tmp/utf8.found"
set -- $(measure "$TQC" check -j1 --format jsonl "$tmp/latin1.xlf"); lat_cpu=$3
sed 's/"offset":[0-9]*,//; s/"file":"[^"]*",//' "$tmp/out" | cut -c1-120 >"$tmp/latin1.found"
[ "$(wc -l <"$tmp/utf8.found")" -ge 15000 ] && cmp -s "$tmp/utf8.found" "$tmp/latin1.found" \
    && ok "ISO-8859-1 XLIFF: the findings of its UTF-8 copy, at the same lines and columns" \
    || not_ok "ISO-8859-1 XLIFF: the findings of its UTF-8 copy, at the same lines and columns" \
              "$(diff "$tmp/utf8.found" "$tmp/latin1.found" | head -5)"
python3 -c "import sys; sys.exit(float(sys.argv[1]) > 1.5 * float(sys.argv[2]) + 0.2)" "$lat_cpu" "$utf8_cpu" \
    && ok "ISO-8859-1 XLIFF of 15k units: $lat_cpu s of CPU, its UTF-8 copy $utf8_cpu s (at most 1.5x)" \
    || not_ok "ISO-8859-1 XLIFF of 15k units: $lat_cpu s of CPU, its UTF-8 copy $utf8_cpu s (at most 1.5x)"
cp "$tmp/latin1.xlf" "$tmp/latin1.orig"
"$TQC" fix "$tmp/latin1.xlf" 2>"$tmp/err"
cmp -s "$tmp/latin1.xlf" "$tmp/latin1.orig" && ok "fix leaves an ISO-8859-1 XLIFF's bytes alone" \
    || not_ok "fix leaves an ISO-8859-1 XLIFF's bytes alone" "$(cat "$tmp/err")"

# --- A page of inline tags: memory a small multiple of the page. -------------------
# 100k `<b>The</b> <i>plan</i>` (2.3 MB): the HTML reader kept a 150-byte record and a
# name copy per element, 48 bytes per event, and all of it (with the page) while the
# doc was checked: 59 x the page (500k: 761 MB). Then 16-byte events, 64-byte records
# with interned names, freed once the text is laid out, and the text builder's arrays
# handed to the doc, not copied (19 x). Now an inline element with nothing but its name
# to tell (no class, link, caption) keeps no record, events are 8 bytes and inline marks
# 16: 10.5 x. What stays is the doc's own: per word a token (32 bytes), two map runs
# (24 bytes each) and four inline marks (16 bytes each).
python3 -c "
import sys
open(sys.argv[1], 'w').write('<html><body><p>' + '<b>The</b> <i>plan</i> ' * 100000 + '</p></body></html>\n')
open(sys.argv[2], 'w').write('<html><body><p>' + '<b>The</b> <i>plan</i> ' * 200000 + '</p></body></html>\n')
" "$tmp/inline.html" "$tmp/inline2.html"
page_kb=$(( $(wc -c <"$tmp/inline.html") / 1024 ))
printf '<html><body><p>The plan.</p></body></html>\n' >"$tmp/tiny.html"
set -- $(measure "$TQC" check -j1 "$tmp/tiny.html"); tiny_kb=$2
set -- $(measure "$TQC" check -j1 "$tmp/inline2.html"); inline2_kb=$2 inline2_cpu=$3
set -- $(measure "$TQC" check -j1 "$tmp/inline.html"); rc=$1 inline_kb=$2 inline_cpu=$3
[ "$rc" -le 1 ] && grep -q "inline.html:1:" "$tmp/out" && ok "a page of 200k inline elements is checked" \
    || not_ok "a page of 200k inline elements is checked" "exit $rc: $(head -c 300 "$tmp/err")"
case $TQC in
*build-san*) echo "# inline-tag memory not judged under AddressSanitizer ($((inline_kb - tiny_kb)) KiB)" ;;
*) [ $((inline_kb - tiny_kb)) -le $((13 * page_kb)) ] \
    && ok "200k inline elements: $((inline_kb - tiny_kb)) KiB beyond start-up <= 13 x the ${page_kb} KiB page" \
    || not_ok "200k inline elements: $((inline_kb - tiny_kb)) KiB beyond start-up <= 13 x the ${page_kb} KiB page"
   # Flat as the page doubles (a cost per element that grew with the page would not be).
   [ $((inline2_kb - tiny_kb)) -le $((5 * (inline_kb - tiny_kb) / 2)) ] \
    && ok "twice the page: $((inline2_kb - tiny_kb)) KiB beyond start-up, at most 2.5 x $((inline_kb - tiny_kb)) KiB" \
    || not_ok "twice the page: $((inline2_kb - tiny_kb)) KiB beyond start-up, at most 2.5 x $((inline_kb - tiny_kb)) KiB" ;;
esac
# Linear time: title case was judged over the paragraph again at every word (500k
# elements took over 120 s); a quadratic cost would make the ratio 4.
python3 -c "import sys; sys.exit(float(sys.argv[1]) > 2.6 * float(sys.argv[2]) + 0.2)" "$inline2_cpu" "$inline_cpu" \
    && ok "400k inline elements take $inline2_cpu s of CPU, 200k $inline_cpu s (linear: at most 2.6x)" \
    || not_ok "400k inline elements take $inline2_cpu s of CPU, 200k $inline_cpu s (linear: at most 2.6x)"

# The same page repeats one phrase 100k times: one finding for the loop (it was one a
# pair, 50k of them, each printing its whole span), and a screen of output at most.
lines=$(wc -l <"$tmp/out"); bytes=$(wc -c <"$tmp/out")
[ "$(grep -c 'said 100000 times in a row' "$tmp/out")" = 1 ] && [ "$bytes" -le 2000 ] \
    && ok "a phrase looping 100k times is one finding, $lines lines of output" \
    || not_ok "a phrase looping 100k times is one finding, at most 2000 bytes of output" \
        "$lines lines, $bytes bytes: $(head -c 300 "$tmp/out")"

# Linear time in paragraphs too: whether a paragraph is one link alone scanned every
# inline boundary of the page for each paragraph (3,000 paragraphs of 25 element pairs
# took 0.6 s of CPU, twice as many 2.4 s, 10,000 33 s); a quadratic cost makes the ratio 4.
paras_page() {
    python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('<html lang=\"en\"><body>')
    f.write(('<p>' + '<b>The</b> <i>plan</i> ' * 25 + '</p>\n') * int(sys.argv[2]))
    f.write('</body></html>\n')
" "$1" "$2"
}
paras_page "$tmp/paras.html" 3000
paras_page "$tmp/paras2.html" 6000
linear "3,000 paragraphs of inline elements" "$tmp/paras.html" "$tmp/paras2.html"

# Linear time in a paragraph of quotation marks: whether an opening mark leaves enough
# closing marks after it counted them to the paragraph's end at every mark (10,000
# unclosed marks took 2 s of CPU); it may cost what as many stray brackets cost (a
# finding each too), a small multiple.
python3 -c "
import sys
open(sys.argv[1], 'w').write(' '.join(['The \u201cplan works'] * 10000) + '\n')
open(sys.argv[2], 'w').write(' '.join(['The plan) works'] * 10000) + '\n')
" "$tmp/quotes.txt" "$tmp/brackets.txt"
set -- $(measure "$TQC" check -j1 "$tmp/brackets.txt"); brackets_cpu=$3
set -- $(measure "$TQC" check -j1 "$tmp/quotes.txt"); rc=$1 quotes_cpu=$3
[ "$rc" -le 1 ] && python3 -c "import sys; sys.exit(float(sys.argv[1]) > 4 * float(sys.argv[2]) + 0.2)" "$quotes_cpu" "$brackets_cpu" \
    && ok "10,000 unclosed quotation marks take $quotes_cpu s of CPU, 10,000 stray brackets $brackets_cpu s (at most 4x)" \
    || not_ok "10,000 unclosed quotation marks take $quotes_cpu s of CPU, 10,000 stray brackets $brackets_cpu s (at most 4x)" "exit $rc"

# Linear time in a paragraph of unknown words: whether a word's paragraph holds code was
# asked by walking the whole paragraph for each distinct unknown word (4,000 in one line
# took 4.1 s of CPU, 8,000 15.7 s; fuzz_large's megabyte recipe 53 s); a quadratic cost
# makes the ratio 4.
unknown_para() {
    python3 -c "
import sys
def word(i):
    s = ''
    for _ in range(4):
        s += 'bcdfghjklmnpqrstvwxz'[i % 20]
        i //= 20
    return 'quo' + s + 'ent'
open(sys.argv[1], 'w').write(' '.join('the %s saw it.' % word(i) for i in range(int(sys.argv[2]))) + '\n')
" "$1" "$2"
}
unknown_para "$tmp/unknown.txt" 3000
unknown_para "$tmp/unknown2.txt" 6000
linear "3,000 unknown words in a paragraph" "$tmp/unknown.txt" "$tmp/unknown2.txt"

echo "# e2e_limits: $n tests, $fail failed"
[ "$fail" = 0 ]
