#!/bin/sh
# tqc serve over loopback: every endpoint and error path with curl, LanguageTool's
# offsets in UTF-16 units, concurrent answers equal to sequential ones, a graceful
# SIGTERM, and a LanguageTool client someone else wrote (npm language-grammar-api,
# installed under build/npm; skipped with a note without npm or the registry).
set -u
TQC=${TQC:-./tqc}
here=$(dirname "$0")
npm_dir=${TQC_NPM_DIR:-$here/../build/npm}
if ! command -v curl >/dev/null 2>&1; then
    echo "# SKIP e2e_serve: no curl (apt-get install curl); nothing was tested"
    exit 0
fi
. "$(dirname "$0")/e2e_lib.sh"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM
# json FILE EXPR: evaluates a Python expression over the JSON in FILE (as j).
json() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1" 2>&1; }

# start ARGS...: runs the server on a free port, sets $pid and $url.
start() {
    # The last server's address must not be read before this one's shell has opened
    # (and emptied) the file: a busy machine gave curl a closed port (status 000).
    : >"$tmp/serve.out"
    "$TQC" serve --port 0 "$@" >"$tmp/serve.out" 2>"$tmp/serve.err" &
    pid=$!
    for _ in $(seq 1 100); do
        url=$(sed -n 's/^tqc serve: listening on \(http:[^ ]*\)$/\1/p' "$tmp/serve.out")
        [ -n "$url" ] && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    return 1
}

start --threads 4 --max-bytes 65536
check "serve starts on a free loopback port" $? "$(cat "$tmp/serve.err")"
case $url in http://127.0.0.1:*) ok "binds 127.0.0.1 by default";; *) not_ok "binds 127.0.0.1 by default" "$url";; esac
[ -n "$url" ] || { echo "# the server did not start"; exit 1; }

# status URL ARGS...: the HTTP status of a curl request; the body goes to $tmp/body.
status() { u=$1; shift; curl -s -o "$tmp/body" -w '%{http_code}' "$@" "$u"; }

s=$(status "${url}v2/languages")
check "GET /v2/languages is 200" "$([ "$s" = 200 ]; echo $?)" "$s"
r=$(json "$tmp/body" "sorted(l['code'] for l in j)")
check "languages list the six" "$([ "$r" = "['de', 'en', 'es', 'fr', 'it', 'pt']" ]; echo $?)" "$r"

# An astral character (two UTF-16 units, four bytes) before a doubled word.
s=$(status "${url}v2/check" --data-urlencode 'text=🎉 Kim said the the talks ended.' -d language=en-US)
check "POST /v2/check is 200" "$([ "$s" = 200 ]; echo $?)" "$s $(cat "$tmp/body")"
r=$(json "$tmp/body" "[(m['rule']['id'], m['offset'], m['length'], m['replacements'][0]['value']) for m in j['matches']]")
check "offsets count UTF-16 units after an emoji" \
    "$([ "$r" = "[('repeated-word', 12, 7, 'the')]" ]; echo $?)" "$r"
r=$(json "$tmp/body" "(j['software']['name'], j['language']['code'], j['language']['detectedLanguage']['code'], sorted(j['matches'][0]['rule']), j['matches'][0]['context']['text'].encode('utf-16-le')[2*j['matches'][0]['context']['offset']:][:14].decode('utf-16-le'))")
check "LanguageTool's fields" \
    "$([ "$r" = "('tqc', 'en-US', 'en-US', ['category', 'description', 'id', 'issueType'], 'the the')" ]; echo $?)" "$r"

# language=auto tells Portuguese from the text.
s=$(status "${url}v2/check" --data-urlencode 'text=O ministro disse que as negociações seriam retomadas na segunda-feira, depois de uma semana difícil.' -d language=auto)
r=$(json "$tmp/body" "j['language']['detectedLanguage']['code']")
check "language=auto detects the language" "$([ "$r" = pt ]; echo $?)" "$s $r"

# Annotated text: markup is skipped but counts in the offsets; interpretAs is read.
cat >"$tmp/data.json" <<'EOF'
{"annotation":[{"markup":"<p>"},{"text":"Kim said "},{"markup":"<b>","interpretAs":""},{"text":"the the"},{"markup":"</b>"},{"text":" talks ended."},{"markup":"</p>","interpretAs":"\n\n"}]}
EOF
s=$(status "${url}v2/check" --data-urlencode "data@$tmp/data.json" -d language=en)
r=$(json "$tmp/body" "[(m['offset'], m['length']) for m in j['matches']]")
check "annotated data: offsets in the text with its markup" "$([ "$r" = "[(15, 7)]" ]; echo $?)" "$s $r"

s=$(status "${url}v2/check" --data-urlencode 'text=Kim said the the talks ended.' -d language=en -d disabledRules=repeated-word)
r=$(json "$tmp/body" "len(j['matches'])")
check "disabledRules drops the rule" "$([ "$r" = 0 ]; echo $?)" "$s $r"
s=$(status "${url}v2/check" --data-urlencode 'text=Kim sayd the the talks ended .' -d language=en -d enabledRules=spacing -d enabledOnly=true)
r=$(json "$tmp/body" "sorted(set(m['rule']['id'] for m in j['matches']))")
check "enabledOnly keeps only enabledRules" "$([ "$r" = "['spacing']" ]; echo $?)" "$s $r"
s=$(status "${url}v2/check?language=en&text=Kim%20said%20the%20the%20talks." -X POST)
r=$(json "$tmp/body" "len(j['matches'])")
check "fields in the query string" "$([ "$s" = 200 ] && [ "$r" = 1 ]; echo $?)" "$s $r"

# Error paths: a status and one line.
err_case() {   # NAME WANT-STATUS CURL-ARGS...
    name=$1 want=$2; shift 2
    s=$(status "$@")
    lines=$(wc -l <"$tmp/body")
    check "$name: $want, one line" "$([ "$s" = "$want" ] && [ "$lines" -le 1 ] && grep -q '^Error: ' "$tmp/body"; echo $?)" "$s $(head -c 300 "$tmp/body")"
}
err_case "no text" 400 "${url}v2/check" -d language=en
err_case "malformed data JSON" 400 "${url}v2/check" --data-urlencode 'data={"annotation":[' -d language=en
err_case "unknown language" 400 "${url}v2/check" -d text=hello -d language=xx
err_case "unknown rule" 400 "${url}v2/check" -d text=hello -d disabledRules=nope
err_case "invalid UTF-8" 400 "${url}v2/check" -d "text=%FF%FE"
err_case "a body that is not a form" 400 "${url}v2/check" -H 'Content-Type: application/json' -d '{}'
head -c 70000 /dev/zero | tr '\0' a >"$tmp/big.txt"
err_case "over --max-bytes" 413 "${url}api/check" -H 'Content-Type: text/plain' --data-binary "@$tmp/big.txt"
err_case "unknown endpoint" 404 "${url}etc/passwd"
err_case "GET /v2/check" 405 "${url}v2/check"
printf '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff version="1.2"><file source-language="en" target-language="en"><body><trans-unit id="1"><source>&e;</source><target>&e;</target></trans-unit></body></file></xliff>\n' >"$tmp/xxe.xlf"
err_case "external entity refused" 400 "${url}api/check" -H 'Content-Type: application/xliff+xml' --data-binary "@$tmp/xxe.xlf"
grep -q root "$tmp/body" && not_ok "no file content leaks" "$(cat "$tmp/body")" || ok "no file content leaks"
printf '<html><body><p>Broken &' >"$tmp/bad.xlf"
err_case "malformed XML" 400 "${url}api/check" -H 'Content-Type: application/xliff+xml' --data-binary "@$tmp/bad.xlf"

# /api/check: tqc's JSONL objects, and the fixed text equal to `tqc fix`.
printf 'The minister said the the talks would resume on Monday .\n\nKim  arrived.\n' >"$tmp/a.txt"
s=$(status "${url}api/check?lang=en" -H 'Content-Type: text/plain' --data-binary "@$tmp/a.txt")
"$TQC" check --lang en --format jsonl "$tmp/a.txt" | python3 -c "import json,sys; print([(o['rule'],o['offset'],o['length']) for o in map(json.loads,sys.stdin)])" >"$tmp/want" 2>&1
json "$tmp/body" "[(o['rule'],o['offset'],o['length']) for o in j['findings']]" >"$tmp/got"
check "/api/check findings are tqc check's" "$(cmp -s "$tmp/want" "$tmp/got"; echo $?)" "$s got $(cat "$tmp/got") want $(cat "$tmp/want")"
"$TQC" fix --lang en -o "$tmp/fixed.txt" "$tmp/a.txt"
python3 -c "import json,sys; sys.stdout.write(json.load(open(sys.argv[1]))['fixed'])" "$tmp/body" >"$tmp/got.txt"
check "/api/check fixed text is tqc fix's" "$(cmp -s "$tmp/fixed.txt" "$tmp/got.txt"; echo $?)"
python3 - "$tmp/body" "$tmp/a.txt" >"$tmp/applied.txt" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1])); b = open(sys.argv[2], 'rb').read(); out = b''; at = 0
for f in j['fixes']:
    out += b[at:f['offset']] + f['replacement'].encode(); at = f['offset'] + f['length']
sys.stdout.buffer.write(out + b[at:])
EOF
check "applying every fix gives the fixed text" "$(cmp -s "$tmp/fixed.txt" "$tmp/applied.txt"; echo $?)"
printf '<html><body><article><p>Kim said the the talks ended.</p></article></body></html>\n' >"$tmp/a.html"
s=$(status "${url}api/check?lang=en" -H 'Content-Type: text/html' --data-binary "@$tmp/a.html")
r=$(json "$tmp/body" "(j['format'], [(o['rule'], o['offset']) for o in j['findings']])")
check "/api/check reads HTML" "$([ "$r" = "('html', [('repeated-word', 33)])" ]; echo $?)" "$s $r"
printf '{"id":"a1","text":"Kim said the the talks ended."}\n' >"$tmp/a.jsonl"
s=$(status "${url}api/check?lang=en" -H 'Content-Type: application/jsonl' --data-binary "@$tmp/a.jsonl")
r=$(json "$tmp/body" "(j['format'], [o['rule'] for o in j['findings']])")
check "/api/check reads JSONL" "$([ "$r" = "('jsonl', ['repeated-word'])" ]; echo $?)" "$s $r"
# A bilingual record: the source is compared (number changed in translation).
printf '{"id":"b1","text":"The council approved a plan of 310 million euros on Thursday.","lang":"en","source":"A câmara aprovou na quinta-feira um plano de 410 milhões de euros.","source_lang":"pt"}\n' >"$tmp/b.jsonl"
s=$(status "${url}api/check?lang=en" -H 'Content-Type: application/jsonl' --data-binary "@$tmp/b.jsonl")
r=$(json "$tmp/body" "[(o['rule'], o['line']) for o in j['findings']]")
check "/api/check compares a bilingual record with its source" "$([ "$r" = "[('number', 1)]" ]; echo $?)" "$s $r"
s=$(status "${url}api/rules")
r=$(json "$tmp/body" "'repeated-word' in [r['id'] for r in j]")
check "GET /api/rules" "$([ "$r" = True ]; echo $?)" "$s $r"
s=$(curl -s -D "$tmp/headers" -o "$tmp/body" -w '%{http_code}' "$url")
check "GET / serves the page with a CSP" "$([ "$s" = 200 ] && grep -qi "^content-security-policy: default-src 'none'" "$tmp/headers"; echo $?)" "$s"

# Concurrent requests give the answers sequential ones do.
for lang in en fr de; do
    case $lang in
    en) t='The minister said the the talks would resume on Monday , officials said.' ;;
    fr) t='Le ministre a dit que les les négociations reprendraient lundi , selon des responsables.' ;;
    de) t='Der Minister sagte, die die Gespräche würden am Montag fortgesetzt , hieß es.' ;;
    esac
    printf '%s' "$t" >"$tmp/c-$lang.txt"
    curl -s "${url}v2/check" --data-urlencode "text@$tmp/c-$lang.txt" -d language=auto >"$tmp/seq-$lang"
done
i=0 curls=
while [ $i -lt 24 ]; do
    for lang in en fr de; do
        curl -s "${url}v2/check" --data-urlencode "text@$tmp/c-$lang.txt" -d language=auto >"$tmp/par-$lang-$i" &
        curls="$curls $!"
    done
    i=$((i + 1))
done
for j in $curls; do wait "$j"; done
same=0
for f in "$tmp"/par-*; do
    lang=$(basename "$f" | cut -d- -f2)
    cmp -s "$f" "$tmp/seq-$lang" || { same=1; echo "# differs: $f"; }
done
check "72 concurrent requests answer as sequential ones" $same

# A bounded load test: 4 keep-alive clients for 3 seconds, articles in three languages;
# no error, every answer the same as alone, memory flat, one article <= 20 ms median.
python3 "$here/bench_serve.py" "$url" "$pid" 3 4 "$TQC" "$here/../corpus/en/demo.txt" \
    "$here/../corpus/fr/01-retraites-assemblee.txt" "$here/../corpus/de/01-landtag-haushalt.txt" \
    >"$tmp/load" 2>&1
load=$(tr '\n' ' ' <"$tmp/load")
echo "# load: $load"
# AddressSanitizer holds freed memory in quarantine: memory is judged without it.
case $TQC in *build-san*) san=1; echo "# memory not judged under AddressSanitizer (its quarantine grows)";; *) san=0;; esac
python3 - "$tmp/load" "$san" <<'EOF2'
import sys
v = dict(l.strip().split('=', 1) for l in open(sys.argv[1]) if '=' in l)
ok = (int(v['requests']) > 0 and v['errors'] == '0' and v['mismatches'] == '0'
      and (sys.argv[2] == '1' or int(v['rss_end_kb']) <= int(v['rss_warm_kb']) * 1.1 + 4096)
      and float(v['median_ms']) <= 20)
sys.exit(0 if ok else 1)
EOF2
check "load: no error, same answers, flat memory, median <= 20 ms" $? "$load"

# The LanguageTool client someone else wrote, pointed at the server.
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "# SKIP language-grammar-api client: no npm/node (apt-get install npm)"
else
    if [ ! -d "$npm_dir/node_modules/language-grammar-api" ]; then
        mkdir -p "$npm_dir"
        (cd "$npm_dir" && timeout 180 npm install --no-audit --no-fund --silent language-grammar-api@1 >npm.log 2>&1)
    fi
    if [ ! -d "$npm_dir/node_modules/language-grammar-api" ]; then
        echo "# SKIP language-grammar-api client: npm could not install it (offline?), see $npm_dir/npm.log"
    else
        NODE_PATH="$npm_dir/node_modules" timeout 60 node - "${url}v2" >"$tmp/client.out" 2>&1 <<'EOF'
const LanguageToolApi = require('language-grammar-api');
const client = new LanguageToolApi({ endpoint: process.argv[2] });
(async () => {
  const langs = await client.languages();
  const res = await client.check({ text: '🎉 Kim said the the talks ended.', language: 'en-US' });
  const body = typeof res === 'string' ? JSON.parse(res) : res;
  const m = body.matches.map(m => [m.rule.id, m.offset, m.length].join(':'));
  console.log('languages=' + langs.length + ' matches=' + m.join(','));
})().catch(e => { console.log('error ' + e); process.exit(1); });
EOF
        r=$(cat "$tmp/client.out")
        check "language-grammar-api gets tqc's matches" \
            "$([ "$r" = "languages=6 matches=repeated-word:12:7" ]; echo $?)" "$r"
    fi
fi

# SIGTERM: the request in flight (a slow upload) is answered, then it stops, exit 0.
for _ in $(seq 1 300); do cat "$tmp/a.txt"; done >"$tmp/slow.txt"
curl -s -o "$tmp/slow.out" -w '%{http_code}' --limit-rate 20k -H 'Content-Type: text/plain' \
    --data-binary "@$tmp/slow.txt" "${url}api/check?lang=en" >"$tmp/slow.code" &
slow=$!
sleep 0.5
kill -TERM "$pid"
wait "$slow"
check "a request in flight at SIGTERM is answered" "$([ "$(cat "$tmp/slow.code")" = 200 ]; echo $?)" "$(cat "$tmp/slow.code")"
rc=0
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
wait "$pid"; rc=$?
pid=
check "SIGTERM stops it gracefully (exit 0)" "$([ "$rc" = 0 ] && grep -q 'stopped (SIGTERM)' "$tmp/serve.out"; echo $?)" "exit $rc"
# --timeout bounds a check too: a large body with a tiny limit is cut short between
# passes and answered 503 with one line; the server goes on answering. (Each sentence
# differs, and the body is near --max-bytes: a warm server checked 20,000 copies of one
# sentence within 0.05 s.)
start --timeout 0.01 --max-bytes 2000000
check "serve starts with a fractional --timeout" $? "$(cat "$tmp/serve.err")"
python3 -c "import sys; sys.stdout.write(' '.join('The minister said talk %d ended on Monday.' % i for i in range(40000)))" >"$tmp/big.txt"
for ep in api/check v2/check; do
    if [ "$ep" = api/check ]; then
        s=$(status "${url}$ep?lang=en" -H 'Content-Type: text/plain' --data-binary "@$tmp/big.txt")
    else
        s=$(status "${url}$ep" --data-urlencode "text@$tmp/big.txt" -d language=en)
    fi
    check "$ep over --timeout is 503 with one line" \
        "$([ "$s" = 503 ] && [ "$(wc -l <"$tmp/body")" = 1 ] && grep -q 'longer than 0.01 seconds' "$tmp/body"; echo $?)" \
        "$s $(head -c 300 "$tmp/body")"
done
s=$(status "${url}v2/languages")
check "the server answers after a check timed out" "$([ "$s" = 200 ]; echo $?)" "$s"
kill -TERM "$pid"; wait "$pid"; pid=
"$TQC" serve --bind 10.255.255.1 --port 0 >/dev/null 2>"$tmp/err"; rc=$?
check "an address not of this machine: exit 2, one line" "$([ "$rc" = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ]; echo $?)" "$rc $(cat "$tmp/err")"

[ "$fail" -eq 0 ]
