#!/bin/sh
# End-to-end tests of the editor settings README.md gives (issue 14): the text format's
# column is in bytes, so vim's quickfix lands on the finding on a line with accented
# letters; the context lines and the summary are no quickfix entries; Emacs'
# compile-mode and the VS Code problem matcher read the finding lines and nothing else.
# The settings are taken from README.md itself, so the README is what is tested.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
. "$here/e2e_lib.sh"

cd "$tmp" || exit 1
# 'Café ' is 5 characters and 6 bytes: the repeated word starts at byte 7 (character 6).
printf 'Café the the end.\nA plain line, with the the same fault.\n' >cafe.txt
"$TQC" check --lang en --no-color cafe.txt >out.txt
grep -q '^cafe.txt:1:7: error: .*\[repeated-word\]$' out.txt && ok "the text format's column counts bytes" \
    || not_ok "the text format's column counts bytes" "$(head -3 out.txt)"
grep -q '^cafe.txt:2:20: error: ' out.txt && ok "an ASCII line's column is unchanged" || not_ok "an ASCII line's column is unchanged"
findings=$(grep -c '^cafe.txt:' out.txt)

# ---- vim: README's errorformat, :cfile ------------------------------------------------
efm=$(sed -n 's/^set errorformat=//p' "$root/README.md" | head -1)
if [ -z "$efm" ]; then
    not_ok "README gives a vim errorformat"
elif command -v vim >/dev/null 2>&1; then
    cat >qf.vim <<VIM
set errorformat=$efm
cfile out.txt
let qf = getqflist()
call writefile(map(copy(qf), 'v:val.valid . ":" . v:val.lnum . ":" . v:val.col . ":" . v:val.type . ":" . bufname(v:val.bufnr)'), 'qf.out')
qa!
VIM
    timeout 30 vim -es -N -u NONE -i NONE -S qf.vim </dev/null >/dev/null 2>&1
    if [ -f qf.out ]; then
        [ "$(wc -l <qf.out)" -eq "$findings" ] && ok "vim: one quickfix entry a finding, none for context lines" \
            || not_ok "vim: one quickfix entry a finding, none for context lines" "$(cat qf.out)"
        grep -q '^1:1:7:e:cafe.txt$' qf.out && ok "vim: the entry is at the finding's byte (after é)" \
            || not_ok "vim: the entry is at the finding's byte (after é)" "$(cat qf.out)"
        # Where vim puts the cursor is the repeated word's first byte.
        cat >at.vim <<VIM
set errorformat=$efm
cfile out.txt
cfirst
cnext
call writefile([strpart(getline('.'), col('.') - 1, 7)], 'at.out')
qa!
VIM
        timeout 30 vim -es -N -u NONE -i NONE -S at.vim </dev/null >/dev/null 2>&1
        [ "$(cat at.out 2>/dev/null)" = "the the" ] && ok "vim: :cnext puts the cursor on 'the the'" \
            || not_ok "vim: :cnext puts the cursor on 'the the'" "$(cat at.out 2>/dev/null)"
    else
        not_ok "vim reads the quickfix file"
    fi
else
    skip "vim quickfix" "no vim"
fi

# ---- Emacs: compile-mode's own patterns ---------------------------------------------
if command -v emacs >/dev/null 2>&1; then
    cat >em.el <<'EL'
(require 'compile)
(with-temp-buffer
  (insert "tqc check\n\n")
  (insert-file-contents "out.txt")
  (compilation-mode)
  (compilation--ensure-parse (point-max))
  (let ((pos (point-min)))
    (while (setq pos (next-single-property-change pos 'compilation-message))
      (let ((msg (get-text-property pos 'compilation-message)))
        (when msg
          (let ((loc (compilation--message->loc msg)))
            (princ (format "%s:%s:%s\n" (caar (compilation--loc->file-struct loc))
                           (compilation--loc->line loc)
                           (compilation--message->type msg)))))))))
EL
    timeout 60 emacs -Q --batch -l em.el >em.out 2>/dev/null
    [ "$(wc -l <em.out)" -eq "$findings" ] && ok "Emacs: one compilation error a finding, none for context lines" \
        || not_ok "Emacs: one compilation error a finding, none for context lines" "$(cat em.out)"
    grep -q '^cafe.txt:1:2$' em.out && ok "Emacs: the error line and type" || not_ok "Emacs: the error line and type" "$(cat em.out)"
else
    skip "Emacs compile-mode" "no emacs"
fi

# ---- VS Code: README's problem matcher, its regexp applied line by line ----------------
py=$(command -v python3)
if [ -n "$py" ]; then
    "$py" - "$root/README.md" out.txt "$findings" >vs.out 2>&1 <<'PY'
import json, re, sys
readme = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"```json\n(\{\"version\": \"2\.0\.0\".*?)\n```", readme, re.S).group(1)
task = json.loads(block)["tasks"][0]
pat = task["problemMatcher"]["pattern"]
rx = re.compile(pat["regexp"])   # the JavaScript syntax used is Python's too
hits = []
for line in open(sys.argv[2], encoding="utf-8").read().splitlines():
    m = rx.match(line)
    if m:
        hits.append((m.group(pat["file"]), m.group(pat["line"]), m.group(pat["column"]),
                     m.group(pat["severity"]), m.group(pat["code"])))
assert len(hits) == int(sys.argv[3]), hits
assert ("cafe.txt", "1", "7", "error", "repeated-word") in hits, hits
print("ok")
PY
    [ "$(cat vs.out)" = ok ] && ok "VS Code: the problem matcher reads each finding, no context line" \
        || not_ok "VS Code: the problem matcher reads each finding, no context line" "$(cat vs.out)"
else
    skip "VS Code problem matcher" "no python3"
fi

echo "e2e_editors: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
