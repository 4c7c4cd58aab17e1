#!/bin/sh
# The page of tqc serve in headless Chromium, driven by npm playwright-core (installed
# under build/npm): paste an article, wait for the highlights, accept every fix with the
# keyboard, reject one, download the corrected text, which must equal `tqc fix` on the
# same text, and keep a screenshot (build/serve-page.png). Skipped with a note without
# Chromium, node/npm, or the npm registry.
set -u
TQC=${TQC:-./tqc}
here=$(dirname "$0")
root=$(cd "$here/.." && pwd)
npm_dir=${TQC_NPM_DIR:-$root/build/npm}
shot=${TQC_SCREENSHOT:-$root/build/serve-page.png}
if [ -n "${E2E_NO_EDITORS:-}" ]; then
    echo "# SKIP e2e_serve_page: E2E_NO_EDITORS is set (CI ran it in its gcc pass)"
    exit 0
fi
browser=
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
done
if [ -z "$browser" ]; then
    echo "# SKIP e2e_serve_page: no Chromium (apt-get install chromium); nothing was tested"
    exit 0
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "# SKIP e2e_serve_page: no node/npm (apt-get install npm); nothing was tested"
    exit 0
fi
if [ ! -d "$npm_dir/node_modules/playwright-core" ]; then
    mkdir -p "$npm_dir"
    (cd "$npm_dir" && timeout 300 npm install --no-audit --no-fund --silent playwright-core@1 >npm-pw.log 2>&1)
fi
if [ ! -d "$npm_dir/node_modules/playwright-core" ]; then
    echo "# SKIP e2e_serve_page: npm could not install playwright-core (offline?), see $npm_dir/npm-pw.log"
    exit 0
fi
. "$(dirname "$0")/e2e_lib.sh"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

"$TQC" serve --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
pid=$!
url=
for _ in $(seq 1 100); do
    url=$(sed -n 's/^tqc serve: listening on \(http:[^ ]*\)$/\1/p' "$tmp/serve.out")
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { not_ok "serve starts" "$(cat "$tmp/serve.err")"; exit 1; }

article=$root/corpus/en/demo.txt
"$TQC" fix --lang en -o "$tmp/want.txt" "$article"
mkdir -p "$(dirname "$shot")"
NODE_PATH="$npm_dir/node_modules" timeout 120 node - "$url" "$browser" "$article" "$tmp" "$shot" \
    >"$tmp/node.out" 2>&1 <<'EOF'
const { chromium } = require('playwright-core');
const fs = require('fs');
const [url, exe, article, tmp, shot] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 1100 } });
  const external = [];
  page.on('request', r => { if (!r.url().startsWith(url)) external.push(r.url()); });
  const csp = [];
  page.on('console', m => { if (/Content Security Policy/.test(m.text())) csp.push(m.text()); });
  await page.goto(url);
  await page.fill('#src', fs.readFileSync(article, 'utf8'));
  await page.selectOption('#lang', 'en');
  await page.click('#check');
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  const marks = await page.locator('#text mark.f').count();
  console.log('marks ' + marks);
  // Keyboard: the first highlight takes focus and shows its explanation.
  await page.locator('#text mark.f').first().focus();
  console.log('tip ' + await page.locator('#text mark.f').first().locator('.tip').isVisible());
  // Filters: unticking a severity hides its highlights.
  await page.uncheck('#sevs input[data-sev=warning]');
  console.log('filtered ' + await page.locator('#text mark.f.off').count());
  await page.check('#sevs input[data-sev=warning]');
  // Accept every fix, one by one, from the keyboard.
  const fixes = await page.locator('#fixes button.acc').count();
  for (let i = 0; i < fixes; i++) {
    await page.locator('#fixes button.acc').nth(i).focus();
    await page.keyboard.press('Enter');
  }
  console.log('fixes ' + fixes);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-text')]);
  await dl.saveAs(tmp + '/got.txt');
  const [dd] = await Promise.all([page.waitForEvent('download'), page.click('#dl-diff')]);
  await dd.saveAs(tmp + '/got.diff');
  // Rejecting one fix leaves its text as it was.
  await page.locator('#fixes button.rej').first().click();
  const [d2] = await Promise.all([page.waitForEvent('download'), page.click('#dl-text')]);
  await d2.saveAs(tmp + '/one-rejected.txt');
  await page.locator('#fixes button.acc').first().click();
  await page.screenshot({ path: shot, fullPage: true });
  // Upload: an HTML file is read as HTML (its format told from the name).
  fs.writeFileSync(tmp + '/up.html', '<html><body><article><p>Kim said the the talks ended.</p></article></body></html>\n');
  await page.setInputFiles('#file', tmp + '/up.html');
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  console.log('upload ' + await page.textContent('#status'));
  console.log('errors ' + (await page.getAttribute('body', 'data-errors') || 0));
  console.log('external ' + external.length + ' csp ' + csp.length);
  await browser.close();
})().catch(e => { console.log('error ' + e); process.exit(1); });
EOF
rc=$?
out=$(cat "$tmp/node.out")
check "Chromium drives the page" "$rc" "$out"
marks=$(sed -n 's/^marks //p' "$tmp/node.out")
check "the findings are highlighted" "$([ "${marks:-0}" -gt 0 ]; echo $?)" "$out"
check "a focused highlight shows its explanation" "$(grep -q '^tip true$' "$tmp/node.out"; echo $?)" "$out"
filtered=$(sed -n 's/^filtered //p' "$tmp/node.out")
check "the severity filter hides highlights" "$([ "${filtered:-0}" -gt 0 ]; echo $?)" "$out"
fixes=$(sed -n 's/^fixes //p' "$tmp/node.out")
check "the fixes are listed" "$([ "${fixes:-0}" -gt 0 ]; echo $?)" "$out"
check "accepting every fix downloads what tqc fix writes" "$(cmp -s "$tmp/want.txt" "$tmp/got.txt"; echo $?)" \
    "$(diff "$tmp/want.txt" "$tmp/got.txt" | head -10)"
check "rejecting a fix leaves it out" "$(! cmp -s "$tmp/want.txt" "$tmp/one-rejected.txt"; echo $?)"
(cd "$tmp" && cp "$article" a.txt && patch -s a.txt got.diff 2>/dev/null) && cmp -s "$tmp/a.txt" "$tmp/want.txt"
check "the downloaded diff patches the article into the corrected text" $?
check "an uploaded HTML file is checked as HTML" "$(grep -q '^upload 1 finding, 1 fix (en, html)' "$tmp/node.out"; echo $?)" "$out"
check "no script errors" "$(grep -q '^errors 0$' "$tmp/node.out"; echo $?)" "$out"
check "no request leaves the server, no CSP violation" "$(grep -q '^external 0 csp 0$' "$tmp/node.out"; echo $?)" "$out"
check "a screenshot is kept" "$([ -s "$shot" ]; echo $?)" "$shot"
[ "$fail" -eq 0 ]
