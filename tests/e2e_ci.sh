#!/bin/sh
# End-to-end tests of tqc in CI (issue 7): a git repository fixture with a .tqc.ini, a
# per-glob override, word lists, inline suppressions and a baseline; tqc must report
# exactly the new findings and exit accordingly. Every exit status is exercised: 0 (clean
# or all accepted), 1 (new findings at or above the file's fail-on), 2 (bad config,
# bad baseline, bad revision, usage). Also --changed-since, --baseline-prune,
# config --show, folder arguments, and the commands action.yml and
# .pre-commit-hooks.yaml run. The git tests say SKIP where git is missing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
. "$here/e2e_lib.sh"

# run CMD...: output in $tmp/out and $tmp/err, status in $rc.
run() { "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
# expect CODE NAME CMD...
expect() {
    want=$1 name=$2; shift 2
    run "$@"
    if [ "$rc" = "$want" ]; then ok "$name"; else not_ok "$name" "exit $rc, expected $want: $(head -c 400 "$tmp/err")"; fi
}
expect_grep() { if grep -q -- "$1" "$2"; then ok "$3"; else not_ok "$3" "no '$1' in: $(head -c 500 "$2")"; fi; }
expect_no_grep() { if grep -q -- "$1" "$2"; then not_ok "$3" "'$1' in: $(head -c 500 "$2")"; else ok "$3"; fi; }
# expect_lines FILE COUNT NAME
expect_lines() {
    got=$(wc -l <"$1" | tr -d ' ')
    if [ "$got" = "$2" ]; then ok "$3"; else not_ok "$3" "$got lines, expected $2: $(head -c 600 "$1")"; fi
}

have_git() { command -v git >/dev/null 2>&1; }
git_q() { git -c user.name=tqc -c user.email=tqc@example.invalid -c commit.gpgsign=false "$@" >/dev/null 2>&1; }

# ---- the fixture -----------------------------------------------------------------
repo="$tmp/news room"
mkdir -p "$repo/content/en" "$repo/content/pt/2024" "$repo/words"
cd "$repo" || exit 1
cat >.tqc.ini <<'EOF'
# The newsroom's tqc settings.
fail-on = warning
words = words/newsroom.txt      # staff and place names
disable = boilerplate

[content/pt/**.txt]
# Portuguese desk: only errors fail the build, doubled words are warnings here.
fail-on = error
severity.repeated-word = warning
EOF
printf '# one word a line\ntalksended\n' >words/newsroom.txt
cat >content/en/a.txt <<'EOF'
The minister said the the talks would resume on Monday.

Officials confirmed the talksended late.

<!-- tqc-disable-next-line repeated-word -->
The mayor put it it away.
EOF
printf 'The desk said the the vote was close.\n' >content/pt/2024/b.txt
printf 'Everything here is clean.\n' >content/en/clean.txt

# ---- config ----------------------------------------------------------------------
expect 1 "a finding exits 1" "$TQC" check --format jsonl content/en/a.txt
expect_lines "$tmp/out" 1 "exactly one finding: the suppressed line and the listed word are silent"
expect_grep '"line":1,.*"rule":"repeated-word"' "$tmp/out" "the unsuppressed doubled word is reported"
expect 1 "without the config's word list the joined word is reported" \
    "$TQC" check --format jsonl --config /dev/null content/en/a.txt
expect_grep '"rule":"missing-space"' "$tmp/out" "--config replaces the found .tqc.ini"
expect 0 "per-glob fail-on and severity: a warning under fail-on = error exits 0" \
    "$TQC" check --format jsonl content/pt/2024/b.txt
expect_grep '"rule":"repeated-word","severity":"warning"' "$tmp/out" "the per-glob severity override is applied"
expect 1 "--fail-on on the command line beats the config" "$TQC" check --fail-on=warning content/pt/2024/b.txt
expect 0 "clean file exits 0" "$TQC" check content/en/clean.txt
expect 1 "a folder argument checks the article files under it" "$TQC" check --format jsonl content
expect_lines "$tmp/out" 2 "folder: a.txt and b.txt findings, words/ not under content"
expect_grep '"file":"content/en/a.txt"' "$tmp/out" "folder: files are named by their paths"

expect 0 "config --show" "$TQC" config --show content/pt/2024/b.txt
expect_grep '^fail-on = error  *# \.tqc\.ini:8 \[content/pt/\*\*\.txt\]$' "$tmp/out" "config --show: fail-on from the glob section, with file:line"
expect_grep '^rule\.repeated-word = warning  *# \.tqc\.ini:9 \[content/pt/\*\*\.txt\]$' "$tmp/out" "config --show: severity override origin"
expect_grep '^rule\.boilerplate = off  *# \.tqc\.ini:4$' "$tmp/out" "config --show: disabled rule origin"
expect_grep '^words = words/newsroom\.txt  *# \.tqc\.ini:3$' "$tmp/out" "config --show: word list path and origin"
expect_grep '^lang = en  *# default$' "$tmp/out" "config --show: defaults say so"
expect 0 "config --show with options" "$TQC" config --show --lang en-GB content/en/a.txt
expect_grep '^lang = en-GB  *# command line$' "$tmp/out" "config --show: the command line wins"
(cd content/pt && "$TQC" config --show 2024/b.txt >"$tmp/sub" 2>&1)
expect_grep '^fail-on = error' "$tmp/sub" "the config is found walking up from the file's folder"

# Bad configs: exit 2, one line naming the file and the line, nothing checked.
cp .tqc.ini good.ini
printf 'fail-on = warning\n[content/**]\ncolour = red\n' >.tqc.ini
expect 2 "unknown key exits 2" "$TQC" check content/en/a.txt
expect_grep "^tqc: \.tqc\.ini:3: unknown key 'colour'" "$tmp/err" "unknown key: file:line in the message"
[ ! -s "$tmp/out" ] && ok "bad config: no output" || not_ok "bad config: no output" "$(cat "$tmp/out")"
printf 'fail-on = fatal\n' >.tqc.ini
expect 2 "bad value exits 2" "$TQC" check --format sarif content/en/a.txt
expect_grep "^tqc: \.tqc\.ini:1: fail-on takes error, warning or info, not 'fatal'" "$tmp/err" "bad value: file:line and the accepted values"
[ ! -s "$tmp/out" ] && ok "bad config: no half-written SARIF" || not_ok "bad config: no half-written SARIF"
printf 'disable = no-such-rule\n' >.tqc.ini
expect 2 "unknown rule exits 2" "$TQC" check content/en/a.txt
expect_grep "\.tqc\.ini:1: unknown rule 'no-such-rule'" "$tmp/err" "unknown rule named"
printf 'words = words/missing.txt\n' >.tqc.ini
expect 2 "missing word list exits 2" "$TQC" check content/en/a.txt
expect_grep "\.tqc\.ini:1: words: cannot read 'words/missing.txt'" "$tmp/err" "missing word list named with its line"
expect 2 "config --show fails on a bad config too" "$TQC" config --show content/en/a.txt
expect 2 "missing --config file" "$TQC" check --config nowhere.ini content/en/a.txt
expect_grep "nowhere.ini: No such file or directory" "$tmp/err" "missing --config named"
mv good.ini .tqc.ini
expect 2 "config without --show" "$TQC" config content/en/a.txt
expect 2 "baseline without create" "$TQC" baseline content/en/a.txt

# ---- baseline --------------------------------------------------------------------
expect 0 "baseline create exits 0 despite findings" "$TQC" baseline create -o .tqc-baseline content/en/a.txt content/pt/2024/b.txt content/en/clean.txt
[ ! -s "$tmp/out" ] && ok "baseline create -o prints nothing" || not_ok "baseline create -o prints nothing" "$(cat "$tmp/out")"
head -n 1 .tqc-baseline >"$tmp/head"
expect_grep '^# tqc baseline 1$' "$tmp/head" "baseline header"
grep -v '^#' .tqc-baseline >"$tmp/entries"
expect_lines "$tmp/entries" 2 "baseline: one entry per finding"
expect_grep "$(printf '^[0-9a-f]\\{16\\}\trepeated-word\tcontent/en/a.txt\tthe the$')" "$tmp/entries" "baseline entry: fingerprint, rule, path relative to the baseline, text"
if LC_ALL=C sort -c "$tmp/entries" 2>/dev/null; then ok "baseline entries are sorted"; else not_ok "baseline entries are sorted" "$(cat "$tmp/entries")"; fi
expect 0 "baseline create to standard output" "$TQC" baseline create content/en/a.txt
expect_grep "$(printf '\tcontent/en/a.txt\t')" "$tmp/out" "baseline on standard output, paths relative to the working directory"
expect 0 "everything accepted: exit 0" "$TQC" check --baseline .tqc-baseline content/en/a.txt content/pt/2024/b.txt
[ ! -s "$tmp/out" ] && ok "everything accepted: no output" || not_ok "everything accepted: no output" "$(cat "$tmp/out")"
(cd content && "$TQC" check --baseline ../.tqc-baseline en/a.txt >"$tmp/sub" 2>&1); rc=$?
[ "$rc" = 0 ] && ok "baseline paths work from another folder" || not_ok "baseline paths work from another folder" "exit $rc: $(cat "$tmp/sub")"

# Edits: a paragraph above (every line shifts), a new doubled word, an unused suppression.
cat >content/en/a.txt <<'EOF'
A new first paragraph moves everything down.

The minister said the the talks would resume on Monday.

Officials confirmed the talksended late.

<!-- tqc-disable-next-line repeated-word -->
The mayor put it it away.

<!-- tqc-disable-next-line quotes -->
A reporter wrote it it down.
EOF
expect 1 "a new finding exits 1" "$TQC" check --format jsonl --baseline .tqc-baseline content/en/a.txt content/pt/2024/b.txt
expect_lines "$tmp/out" 2 "exactly the new findings: the new doubled word and the unused suppression"
expect_grep '"line":11,"column":18,.*"rule":"repeated-word"' "$tmp/out" "the new doubled word, at its line"
expect_grep '"line":10,"column":1,.*"rule":"unused-suppression","severity":"info","message":"tqc-disable-next-line .quotes. suppressed nothing on line 11"' "$tmp/out" "the unused suppression, reported as info"
expect_no_grep '"line":3,' "$tmp/out" "the moved, accepted finding stays accepted"
expect 1 "github format with a baseline" "$TQC" check --format github --baseline .tqc-baseline content/en/a.txt
expect_lines "$tmp/out" 2 "github: only the new findings are annotated"
expect 0 "info findings alone do not fail" "$TQC" check --baseline .tqc-baseline --disable repeated-word content/en/a.txt
expect 1 "--fail-on info fails on the unused suppression" "$TQC" check --fail-on info --baseline .tqc-baseline --disable repeated-word content/en/a.txt
expect 0 "unused-suppression can be disabled" "$TQC" check --fail-on info --baseline .tqc-baseline --disable repeated-word --disable unused-suppression content/en/a.txt

cp .tqc-baseline "$tmp/base.keep"
printf 'The desk said the vote was close.\n' >content/pt/2024/b.txt
expect 0 "--baseline-prune exits 0 when nothing is new" "$TQC" check --baseline .tqc-baseline --baseline-prune content/pt/2024/b.txt
expect_grep "pruned 1 fixed finding" "$tmp/err" "--baseline-prune says what it dropped"
grep -v '^#' .tqc-baseline >"$tmp/entries"
expect_lines "$tmp/entries" 1 "--baseline-prune dropped the fixed finding, kept the other file's"
expect_grep "$(printf '\tcontent/en/a.txt\t')" "$tmp/entries" "entries of files not checked are kept"
cp .tqc-baseline "$tmp/base.pruned"
expect 0 "--baseline-prune twice" "$TQC" check --baseline .tqc-baseline --baseline-prune content/pt/2024/b.txt
cmp -s .tqc-baseline "$tmp/base.pruned" && ok "a second prune changes nothing" || not_ok "a second prune changes nothing"
cp "$tmp/base.keep" .tqc-baseline

printf 'not a baseline\n' >"$tmp/bad-base"
expect 2 "a file that is not a baseline exits 2" "$TQC" check --baseline "$tmp/bad-base" content/en/a.txt
expect_grep "bad-base:1: not a tqc baseline" "$tmp/err" "bad baseline: file:line"
expect 2 "missing baseline exits 2" "$TQC" check --baseline "$tmp/none" content/en/a.txt
expect 2 "--baseline-prune without --baseline" "$TQC" check --baseline-prune content/en/a.txt
expect 2 "--baseline is for check" "$TQC" segment --baseline .tqc-baseline content/en/a.txt

# ---- markup suppressions -----------------------------------------------------------
cat >content/en/page.html <<'EOF'
<!DOCTYPE html>
<html><head><title>Talks</title></head>
<body><article>
<p>The minister said the the talks ended.</p>
<!-- tqc-disable-next-line repeated-word -->
<p>Officials put it it away.</p>
<!-- tqc-disable repeated-word, quotes -->
<p>Nobody said a a thing.</p>
<!-- tqc-enable -->
<p>Later it it rained.</p>
<!-- tqc-disabel -->
</article></body></html>
EOF
expect 1 "HTML: comments suppress" "$TQC" check --format jsonl content/en/page.html
expect_grep '"line":4,.*"rule":"repeated-word"' "$tmp/out" "HTML: unsuppressed line 4 reported"
expect_grep '"line":10,.*"rule":"repeated-word"' "$tmp/out" "HTML: after tqc-enable, reported again"
expect_no_grep '"line":6,' "$tmp/out" "HTML: tqc-disable-next-line"
expect_no_grep '"line":8,' "$tmp/out" "HTML: tqc-disable ... tqc-enable"
expect_grep "\"line\":7,\"column\":1,.*\"rule\":\"unused-suppression\".*'quotes' suppressed nothing" "$tmp/out" "HTML: the unused half of a directive"
expect_grep "\"line\":11,.*unknown directive 'tqc-disabel'" "$tmp/out" "HTML: a misspelt directive is reported"
expect_lines "$tmp/out" 4 "HTML: exactly those four"
expect 1 "HTML: checkstyle keeps one file element" "$TQC" check --format checkstyle content/en/page.html
got=$(grep -c '<file ' "$tmp/out")
[ "$got" = 1 ] && ok "checkstyle: unused suppressions in the page's file element" || not_ok "checkstyle: one file element" "$got: $(cat "$tmp/out")"

# ---- --changed-since -------------------------------------------------------------
if have_git; then
    git_q init -q . && git_q add -A && git_q commit -q -m fixture
    expect 0 "--changed-since HEAD with nothing changed" "$TQC" check --changed-since HEAD
    [ ! -s "$tmp/out" ] && ok "nothing changed: no output" || not_ok "nothing changed: no output" "$(cat "$tmp/out")"
    printf 'The new desk said the the vote.\n' >content/pt/2024/new.txt        # untracked
    printf 'Sports said the the score.\n' >content/en/clean.txt               # modified
    printf 'int main(void) { return 0; }\n' >tool.c                           # not an article
    expect 1 "--changed-since HEAD checks modified and untracked files" "$TQC" check --format jsonl --fail-on warning --changed-since HEAD
    expect_grep '"file":"content/en/clean.txt"' "$tmp/out" "changed: the modified file"
    expect_grep '"file":"content/pt/2024/new.txt"' "$tmp/out" "changed: the untracked file"
    expect_no_grep '"file":"content/en/a.txt"' "$tmp/out" "changed: unchanged files are skipped"
    expect_no_grep 'tool.c' "$tmp/out" "changed: files tqc does not read are skipped"
    expect 0 "--changed-since filtered by a folder" "$TQC" check --format jsonl --changed-since HEAD content/pt
    expect_grep '"file":"content/pt/2024/new.txt"' "$tmp/out" "changed under content/pt only (a warning there: exit 0)"
    expect_no_grep 'clean.txt' "$tmp/out" "the folder filter leaves out content/en"
    expect 0 "--changed-since filtered by an unchanged file" "$TQC" check --changed-since HEAD content/en/a.txt
    git_q add -A && git_q commit -q -m second
    expect 1 "--changed-since HEAD~1 sees committed changes" "$TQC" check --format jsonl --changed-since HEAD~1 content/en
    expect_grep '"file":"content/en/clean.txt"' "$tmp/out" "committed change since HEAD~1"
    expect 2 "--changed-since a bad revision exits 2" "$TQC" check --changed-since no-such-rev
    expect_grep "tqc: --changed-since no-such-rev: " "$tmp/err" "bad revision: a clear message"
    expect 2 "--changed-since a revision that looks like an option" "$TQC" check --changed-since=--output=x
    (cd "$tmp" && mkdir -p plain && cd plain && "$TQC" check --changed-since HEAD >"$tmp/out" 2>"$tmp/err"); rc=$?
    [ "$rc" = 2 ] && ok "--changed-since outside a repository exits 2" || not_ok "--changed-since outside a repository exits 2" "exit $rc"
    expect_grep "is this a git repository" "$tmp/err" "outside a repository: a clear message"
    expect 2 "--changed-since without git exits 2" env PATH=/nonexistent "$TQC" check --changed-since HEAD
    expect_grep "cannot run git" "$tmp/err" "without git: a clear message"
else
    skip "--changed-since" "git is not installed"
fi

# ---- the commands action.yml and .pre-commit-hooks.yaml run ---------------------------
# action.yml installs the Makefile's Debian packages (make deps: one list, issue 14),
# runs `make -C ACTION_PATH tqc`, then tqc with the inputs. tests/action_debian.sh runs
# its steps in a fresh Debian root (make action-test).
if [ -f "$root/action.yml" ]; then
    grep -q 'make -C "$GITHUB_ACTION_PATH" deps' "$root/action.yml" && ! grep -q 'apt-get install.*libhunspell\|TQC_DEB_PACKAGES' "$root/action.yml" &&
        ok "action.yml: installs the Makefile's packages (make deps), no list of its own" ||
        not_ok "action.yml: installs the Makefile's packages (make deps), no list of its own"
    known=$(sed -n '/^DEB_PACKAGES *=/,/^$/p' "$root/Makefile" | sed -n '/^[A-Z]/!p;/^DEB_PACKAGES/p' | tr -d '\\' | sed 's/^DEB_PACKAGES *=//' | grep -v '^PKGS' | tr -s ' \n' ' ')
    missing=""
    building=$(sed -n '/^## Building/,/^## /p' "$root/README.md")
    for p in $known; do case $building in *"\`$p\`"*) ;; *) missing="$missing $p" ;; esac; done
    [ -n "$known" ] && [ -z "$missing" ] && ok "README's Building section names every Debian package" ||
        not_ok "README's Building section names every Debian package" "missing:$missing"
    if make -n -C "$root" tqc >/dev/null 2>&1; then ok "action.yml: make tqc is a target"; else not_ok "action.yml: make tqc is a target"; fi
    for fmt in github sarif; do
        expect 1 "action.yml: tqc check --format $fmt --fail-on warning PATHS" "$TQC" check --format "$fmt" --fail-on warning content
    done
    "$TQC" check --format sarif --fail-on warning content >"$tmp/tqc.sarif" 2>/dev/null
    expect_grep '"version": "2.1.0"' "$tmp/tqc.sarif" "action.yml: the SARIF file it uploads"
    expect_grep '"ruleId": "unused-suppression"' "$tmp/tqc.sarif" "SARIF carries unused suppressions"
else
    not_ok "action.yml exists at the repository root"
fi
if [ -f "$root/.pre-commit-hooks.yaml" ]; then
    entry=$(sed -n 's/^ *entry: *//p' "$root/.pre-commit-hooks.yaml" | head -n 1)
    pattern=$(sed -n "s/^ *files: *'\(.*\)'$/\1/p" "$root/.pre-commit-hooks.yaml" | head -n 1)
    # pre-commit runs ENTRY FILE... with the staged files its pattern matches.
    files=$(printf '%s\n' content/en/a.txt content/en/page.html tool.c | grep -E "$pattern")
    [ "$(echo "$files" | wc -l)" = 2 ] && ok "pre-commit: files pattern takes articles, not code" ||
        not_ok "pre-commit: files pattern" "'$pattern' took: $files"
    bin=$(dirname "$TQC")
    (PATH="$bin:$PATH"; cd "$repo" && $entry $files >"$tmp/out" 2>"$tmp/err"); rc=$?
    [ "$rc" = 1 ] && ok "pre-commit: '$entry FILE...' runs and fails on findings" ||
        not_ok "pre-commit: '$entry FILE...'" "exit $rc: $(cat "$tmp/err")"
    # issue 14: a .pre-commit-config.yaml as the README shows it, with rev: a commit (this
    # repository's HEAD, cloned by pre-commit from a local path), runs the hook.
    if command -v pre-commit >/dev/null 2>&1 && git -C "$root" rev-parse HEAD >/dev/null 2>&1; then
        sha=$(git -C "$root" rev-parse HEAD)
        git -C "$root" cat-file -e "HEAD:.pre-commit-hooks.yaml" 2>/dev/null || sha=
        sed -n '/^# \.pre-commit-config\.yaml/,/^```/p' "$root/README.md" | grep -v '^```' |
            sed -e "s|https://github.com/OWNER/tqc|$root|" -e "s|rev: .*|rev: $sha|" >"$repo/.pre-commit-config.yaml"
        if [ -n "$sha" ] && grep -q "rev: $sha" "$repo/.pre-commit-config.yaml"; then
            (cd "$repo" && git add .pre-commit-config.yaml content/en/a.txt >/dev/null 2>&1 &&
             PATH="$bin:$PATH" PRE_COMMIT_HOME="$tmp/pre-commit-home" pre-commit run --files content/en/a.txt \
                >"$tmp/out" 2>"$tmp/err"); rc=$?
            [ "$rc" = 1 ] && grep -q 'tqc translation-quality check.*Failed' "$tmp/out" &&
                ok "pre-commit: the README's config (rev: a commit) runs the hook, which fails on findings" ||
                not_ok "pre-commit: the README's config runs the hook" "exit $rc: $(head -c 600 "$tmp/out") $(head -c 300 "$tmp/err")"
        else
            n=$((n + 1)); echo "ok $n - pre-commit run # SKIP HEAD has no .pre-commit-hooks.yaml or README has no config"
        fi
    else
        n=$((n + 1)); echo "ok $n - pre-commit run # SKIP no pre-commit or not a git checkout"
    fi
else
    not_ok ".pre-commit-hooks.yaml exists at the repository root"
fi

echo "e2e_ci: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
