#!/bin/sh
# End-to-end tests of a newcomer's first hour (issue 14): honest `tqc rules` (the
# severities each rule can emit, unused-suppression listed, a rule's documentation,
# exit 2 on unknown names and options), `tqc explain`, docs/rules/ in step with the
# descriptors, every command's own --help and `tqc help CMD`, the man page made from the
# same texts, and the bash completion reading tqc itself.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
. "$here/e2e_lib.sh"

run() { "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
expect() {
    want=$1 name=$2; shift 2
    run "$@"
    if [ "$rc" = "$want" ]; then ok "$name"; else not_ok "$name" "exit $rc, expected $want: $(head -c 400 "$tmp/err")"; fi
}
has() { if grep -q -- "$1" "$tmp/out"; then ok "$2"; else not_ok "$2" "no '$1' in: $(head -c 400 "$tmp/out")"; fi; }

# ---- tqc rules: the severities a rule can emit --------------------------------------
expect 0 "tqc rules lists the rules" "$TQC" rules
cp "$tmp/out" "$tmp/rules"
line_of() { grep "^$1 " "$tmp/rules"; }
case $(line_of spacing) in *error*) ok "spacing is listed with error" ;; *) not_ok "spacing is listed with error" "$(line_of spacing)" ;; esac
case $(line_of spelling) in *info*) ok "spelling is listed with info" ;; *) not_ok "spelling is listed with info" "$(line_of spelling)" ;; esac
case $(line_of unused-suppression) in *info*) ok "unused-suppression is listed" ;; *) not_ok "unused-suppression is listed" ;; esac
# What is listed is what comes out: a space before ',' is an error of spacing.
printf 'Turnout was high , the envoy said.\n' >"$tmp/comma.txt"
run "$TQC" check --format jsonl --lang en "$tmp/comma.txt"
sev=$(grep '"rule":"spacing"' "$tmp/out" | head -1 | sed 's/.*"severity":"\([a-z]*\)".*/\1/')
case $(line_of spacing) in *"$sev"*) ok "spacing's emitted severity ($sev) is listed" ;; *) not_ok "spacing's emitted severity ($sev) is listed" ;; esac
# README's rules table says what tqc rules says.
bad=
while read -r id sevs _; do
    row=$(grep "^| \`$id\`" "$root/README.md" | head -1)
    [ -z "$row" ] && row=$(grep "^| \`[a-z-]*\`, \`$id\`" "$root/README.md" | head -1)
    case $row in *"| $(echo "$sevs" | sed 's/,/, /g') |"*) ;; *) bad="$bad $id" ;; esac
done <"$tmp/rules"
[ -z "$bad" ] && ok "README's rules table gives each rule's severities as tqc rules does" || not_ok "README's rules table disagrees on:$bad"
expect 0 "tqc rules RULE documents it" "$TQC" rules missing-space
has "Silence it" "tqc rules RULE says how to silence it"
has "Fires on" "tqc rules RULE gives a bad example"
has "Stays silent on" "tqc rules RULE gives a good example"
expect 2 "tqc rules --bogus exits 2" "$TQC" rules --bogus
[ -s "$tmp/out" ] && not_ok "tqc rules --bogus prints no list" || ok "tqc rules --bogus prints no list"
expect 2 "tqc rules NOSUCHRULE exits 2" "$TQC" rules no-such-rule
grep -q "unknown rule 'no-such-rule'" "$tmp/err" && ok "an unknown rule is named" || not_ok "an unknown rule is named"
expect 0 "tqc rules --help" "$TQC" rules --help
has "^Usage: tqc rules" "tqc rules --help prints its usage"
expect 0 "tqc explain RULE" "$TQC" explain spelling
has "Severity: warning, info" "tqc explain gives the severities"
has "docs/rules/spelling.md" "tqc explain links the page"
expect 2 "tqc explain with no rule exits 2" "$TQC" explain
expect 2 "tqc explain NOSUCHRULE exits 2" "$TQC" explain nope

# ---- docs/rules: one page per rule, as tqc explain --markdown makes it ----------------
stale=
for r in $("$TQC" rules --ids); do
    "$TQC" explain --markdown "$r" >"$tmp/page.md"
    cmp -s "$tmp/page.md" "$root/docs/rules/$r.md" || stale="$stale $r"
done
[ -z "$stale" ] && ok "docs/rules/ has every rule's page, current (make docs)" || not_ok "docs/rules/ pages missing or stale:$stale (run make docs)"
extra=
for f in "$root"/docs/rules/*.md; do
    r=$(basename "$f" .md); "$TQC" rules --ids | grep -qx "$r" || extra="$extra $r"
done
[ -z "$extra" ] && ok "docs/rules/ has no page of a rule that is gone" || not_ok "pages of unknown rules:$extra"

# ---- every command's own help --------------------------------------------------------
for cmd in check diff fix report config segment rules audit merge baseline init explain help; do
    expect 0 "tqc $cmd --help exits 0" "$TQC" "$cmd" --help
    has "^Usage: tqc $cmd" "tqc $cmd --help is $cmd's own usage"
    cp "$tmp/out" "$tmp/own"
    expect 0 "tqc help $cmd exits 0" "$TQC" help "$cmd"
    cmp -s "$tmp/out" "$tmp/own" && ok "tqc help $cmd is tqc $cmd --help" || not_ok "tqc help $cmd is tqc $cmd --help"
done
expect 0 "tqc baseline create --help" "$TQC" baseline create --help
has "^Usage: tqc baseline create" "tqc baseline create --help is baseline's"
expect 0 "tqc check -h" "$TQC" check -h
has "^Usage: tqc check" "tqc check -h is check's"
expect 2 "tqc help NOSUCHCOMMAND exits 2" "$TQC" help nope
expect 0 "tqc --help" "$TQC" --help
for cmd in $("$TQC" help --commands); do
    grep -q "^  $cmd " "$tmp/out" || not_ok "tqc --help lists $cmd"
done
ok "tqc --help lists every command"
expect 2 "an unknown command exits 2" "$TQC" frobnicate

# ---- tqc init: a commented .tqc.ini that changes nothing until edited ----------------
mkdir -p "$tmp/proj/.git"
printf 'The minister said the the talks would resume.\n' >"$tmp/proj/a.txt"
expect 0 "tqc init writes .tqc.ini" "$TQC" init "$tmp/proj"
[ -f "$tmp/proj/.tqc.ini" ] && grep -q '^# ' "$tmp/proj/.tqc.ini" && ok "the .tqc.ini is commented" || not_ok "the .tqc.ini is commented"
has "wrote .*\.tqc\.ini" "tqc init says what it wrote"
expect 0 "tqc config --show reads it" "$TQC" config --show "$tmp/proj/a.txt"
has "\.tqc\.ini:" "its settings come from it"
expect 1 "tqc check with it" "$TQC" check "$tmp/proj/a.txt"
expect 2 "tqc init does not overwrite" "$TQC" init "$tmp/proj"
expect 0 "tqc init --force does" "$TQC" init --force "$tmp/proj"
# Every setting it shows, uncommented (the section too), is one tqc accepts.
mkdir -p "$tmp/proj/words" "$tmp/proj/dictionaries"
for w in newsroom places pt-names; do printf 'Suzuno\n' >"$tmp/proj/words/$w.txt"; done
sed -e 's/^# \([a-z][a-z.-]* = \)/\1/' -e 's/^# \(\[.*\]\)$/\1/' "$tmp/proj/.tqc.ini" >"$tmp/proj/x.ini"
expect 0 "its commented settings are valid when uncommented" "$TQC" config --show --config "$tmp/proj/x.ini" "$tmp/proj/a.txt"

# ---- the man page, from the same texts ----------------------------------------------
expect 0 "tqc help --man" "$TQC" help --man
cp "$tmp/out" "$tmp/tqc.1"
for cmd in $("$TQC" help --commands); do
    grep -q "^\.SS $cmd\$" "$tmp/tqc.1" || not_ok "the man page has $cmd"
done
ok "the man page has a section per command"
if command -v groff >/dev/null 2>&1; then
    groff -man -Tutf8 -ww -z "$tmp/tqc.1" 2>"$tmp/groff.err"
    [ -s "$tmp/groff.err" ] && not_ok "groff reads the man page without warnings" "$(head -5 "$tmp/groff.err")" || ok "groff reads the man page without warnings"
    groff -man -Tascii "$tmp/tqc.1" 2>/dev/null | col -b 2>/dev/null | grep -q -- "--min-severity=LEVEL\|--fail-on=LEVEL" \
        && ok "the man page shows the options as --help does" || not_ok "the man page shows the options as --help does"
else
    skip "groff reads the man page" "no groff"
fi
# make install puts it where man finds it.
if make -s -C "$root" install DESTDIR="$tmp/inst" PREFIX=/usr >"$tmp/inst.log" 2>&1; then
    [ -f "$tmp/inst/usr/share/man/man1/tqc.1" ] && ok "make install installs the man page" || not_ok "make install installs the man page"
    [ -f "$tmp/inst/usr/share/bash-completion/completions/tqc" ] && [ -f "$tmp/inst/usr/share/zsh/site-functions/_tqc" ] \
        && ok "make install installs bash and zsh completion" || not_ok "make install installs bash and zsh completion"
    if command -v man >/dev/null 2>&1 && MANPATH="$tmp/inst/usr/share/man" man -P cat tqc 2>/dev/null | grep -q "tqc explain"; then
        ok "man tqc shows the page"
    else
        skip "man tqc shows the page" "man cannot format here"
    fi
else
    not_ok "make install DESTDIR=..." "$(tail -5 "$tmp/inst.log")"
fi

# ---- bash completion: commands, options and rule ids from tqc itself --------------------
if command -v bash >/dev/null 2>&1; then
    mkdir -p "$tmp/bin" && ln -sf "$TQC" "$tmp/bin/tqc"
    out=$(PATH="$tmp/bin:$PATH" bash -c '. "$1"; COMP_WORDS=(tqc ex); COMP_CWORD=1; _tqc; echo "${COMPREPLY[*]}";
        COMP_WORDS=(tqc check --disable mis); COMP_CWORD=3; _tqc; echo "${COMPREPLY[*]}";
        COMP_WORDS=(tqc check --fail); COMP_CWORD=2; _tqc; echo "${COMPREPLY[*]}"' _ "$root/completions/tqc.bash" 2>&1)
    case $out in *explain*missing-space*--fail-on*) ok "bash completes commands, rule ids and options" ;;
        *) not_ok "bash completes commands, rule ids and options" "$out" ;; esac
else
    skip "bash completion" "no bash"
fi
if command -v zsh >/dev/null 2>&1; then
    zsh -n "$root/completions/_tqc" && ok "zsh completion parses" || not_ok "zsh completion parses"
else
    skip "zsh completion parses" "no zsh"
fi

echo "e2e_help: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
