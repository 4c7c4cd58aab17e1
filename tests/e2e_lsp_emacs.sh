#!/bin/sh
# tqc lsp with Emacs's eglot (issue 16): Emacs run in batch loads the README's eglot
# snippet as it stands, opens an article, and eglot starts `tqc lsp` (found on PATH, as
# the snippet names it), receives the diagnostics and hands them to Flymake. Skipped
# with a note without Emacs, eglot (Debian 12: elpa-eglot) or git (eglot wants a
# project; a git repository is one).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
. "$here/e2e_lib.sh"

if [ -n "${E2E_NO_EDITORS:-}" ]; then
    echo "# SKIP e2e_lsp_emacs: E2E_NO_EDITORS is set (CI ran it in its gcc pass)"
    exit 0
fi
if ! command -v emacs >/dev/null 2>&1; then
    echo "# SKIP e2e_lsp_emacs: no emacs (apt-get install emacs-nox elpa-eglot); nothing was tested"
    exit 0
fi
if ! emacs --batch --eval "(require 'eglot)" >/dev/null 2>&1; then
    echo "# SKIP e2e_lsp_emacs: Emacs has no eglot (apt-get install elpa-eglot); nothing was tested"
    exit 0
fi
if ! command -v git >/dev/null 2>&1; then
    echo "# SKIP e2e_lsp_emacs: no git (eglot wants a project); nothing was tested"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# The README's snippet: its first elisp block.
awk '/^```elisp$/ { on = 1; next } on && /^```$/ { exit } on { print }' "$root/README.md" >"$tmp/snippet.el"
check "the README has an eglot snippet" "$(grep -q 'eglot-server-programs' "$tmp/snippet.el"; echo $?)"
mkdir "$tmp/bin" "$tmp/project"
ln -s "$TQC" "$tmp/bin/tqc"
git init -q "$tmp/project"
printf '\360\237\216\211 Kim said the the talks ended on Monday.\n' >"$tmp/project/article.txt"
cat >"$tmp/test.el" <<'EL'
(require 'cl-lib)
(load (getenv "SNIPPET") nil t)
(require 'eglot)
(defvar tqc-got nil)
(cl-defmethod eglot-handle-notification :after
  (_server (_method (eql textDocument/publishDiagnostics)) &key diagnostics &allow-other-keys)
  (setq tqc-got (append diagnostics nil)))
(setq eglot-sync-connect 10)
(find-file (getenv "FILE"))
;; eglot-ensure connects after the command that opened the file: run that hook as the
;; command loop would.
(run-hooks 'post-command-hook)
(let ((deadline (+ (float-time) 20)))
  (while (and (not tqc-got) (< (float-time) deadline))
    (accept-process-output nil 0.1)))
(princ (format "managed %s\n" (if (eglot-managed-p) "yes" "no")))
(dolist (d tqc-got)
  (princ (format "diag %s %s:%s\n" (plist-get d :code)
                 (plist-get (plist-get (plist-get d :range) :start) :line)
                 (plist-get (plist-get (plist-get d :range) :start) :character))))
(flymake-start)
(let ((deadline (+ (float-time) 5)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.1)))
(princ (format "flymake %d\n" (length (flymake-diagnostics))))
(kill-emacs 0)
EL
PATH=$tmp/bin:$PATH SNIPPET=$tmp/snippet.el FILE=$tmp/project/article.txt \
    timeout 60 emacs --batch -l "$tmp/test.el" >"$tmp/out" 2>"$tmp/log"
rc=$?
check "Emacs runs eglot against tqc lsp" "$([ "$rc" = 0 ] && grep -qx 'managed yes' "$tmp/out"; echo $?)" \
    "exit $rc: $(cat "$tmp/out") $(grep -v '^Loading' "$tmp/log" | tail -5)"
check "eglot receives the diagnostic, at its UTF-16 position after an emoji" \
    "$(grep -qx 'diag repeated-word 0:12' "$tmp/out"; echo $?)" "$(cat "$tmp/out")"
check "Flymake shows it" "$(grep -qx 'flymake 1' "$tmp/out"; echo $?)" "$(cat "$tmp/out")"
[ "$fail" -eq 0 ]
