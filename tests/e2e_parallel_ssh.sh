#!/bin/sh
# The README's GNU parallel --sshlogin recipe, end to end (issue 14): an sshd of the
# test's own on 127.0.0.1 (its own host key and port, a throwaway user key), two "hosts"
# as two logins to it, each working in a folder of its own; `tqc merge` of their partial
# audits must equal a single-machine audit of the same corpus. Skipped cleanly where
# sshd, ssh or parallel is missing or sshd cannot run. (Hadoop Streaming stays tested
# as a local mapper and reducer in e2e_audit.sh.)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
TQC_DATA_DIR=${TQC_DATA_DIR:-$root}
export TQC_DATA_DIR
. "$here/e2e_lib.sh"
sshd_pid=
cleanup() { [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM
skip_all() { echo "ok 1 - parallel --sshlogin # SKIP $1"; echo "e2e_parallel_ssh: 1 passed, 0 failed"; exit 0; }

sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$sshd" ] || skip_all "no sshd (Debian openssh-server)"
for c in ssh ssh-keygen parallel; do command -v $c >/dev/null 2>&1 || skip_all "no $c"; done

# ---- an sshd of our own -----------------------------------------------------------
ssh-keygen -q -t ed25519 -N '' -f "$tmp/host_key" || skip_all "ssh-keygen failed"
ssh-keygen -q -t ed25519 -N '' -f "$tmp/user_key" || skip_all "ssh-keygen failed"
cp "$tmp/user_key.pub" "$tmp/authorized_keys"
chmod 600 "$tmp/authorized_keys"
port=$((20000 + $$ % 20000))
user=$(id -un)
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd 2>/dev/null
cat >"$tmp/sshd_config" <<CFG
Port $port
ListenAddress 127.0.0.1
HostKey $tmp/host_key
PidFile $tmp/sshd.pid
AuthorizedKeysFile $tmp/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
AllowUsers $user
MaxStartups 20
CFG
"$sshd" -f "$tmp/sshd_config" -E "$tmp/sshd.log" 2>"$tmp/sshd.err" || skip_all "sshd cannot run here: $(head -c 200 "$tmp/sshd.err")"
i=0
while [ ! -s "$tmp/sshd.pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
sshd_pid=$(cat "$tmp/sshd.pid" 2>/dev/null)
[ -n "$sshd_pid" ] || skip_all "sshd did not start: $(tail -3 "$tmp/sshd.log")"
# Two hosts, two logins to the same loopback sshd.
cat >"$tmp/ssh_config" <<CFG
Host news1 news2
  HostName 127.0.0.1
  Port $port
  User $user
  IdentityFile $tmp/user_key
  IdentitiesOnly yes
  StrictHostKeyChecking no
  UserKnownHostsFile $tmp/known_hosts
  BatchMode yes
  LogLevel ERROR
CFG
ssh -F "$tmp/ssh_config" news1 true 2>"$tmp/ssh.err" || skip_all "cannot log in to the test sshd: $(head -c 200 "$tmp/ssh.err")"
ok "an sshd of the test's own answers on 127.0.0.1:$port"

# ---- the corpus and the single-machine audit --------------------------------------
jl=$tmp/corpus.jsonl
i=0
while [ "$i" -lt 40 ]; do
    printf '{"id":"r%d","text":"Report %d: the the council met on Monday.The vote was close and and long."}\n' "$i" "$i"
    printf '{"id":"c%d","text":"Report %d: the council met on Monday and the vote was close."}\n' "$i" "$i"
    i=$((i + 1))
done >"$jl"
"$TQC" audit -q -j 1 --input jsonl --summary-json "$tmp/whole.json" "$jl" >/dev/null 2>&1
keys() { for k in '^  "articles"' '^  "words"' '^  "bytes"' '^  "findings"' '"rule":' '"bins"'; do grep "$k" "$1"; done; }
keys "$tmp/whole.json" >"$tmp/a"

# ---- the README's recipe: blocks to both hosts, summaries back on standard output -----
# Each host works in a folder of its own (PARALLEL_SSHHOST names the host a job ran on)
# and leaves there what it audited, so the test can see both hosts took part.
cmd="mkdir -p '$tmp'/wd-\$PARALLEL_SSHHOST && cd '$tmp'/wd-\$PARALLEL_SSHHOST && tee -a blocks.jsonl | TQC_DATA_DIR='$TQC_DATA_DIR' '$TQC' audit -q -j 1 --input jsonl --summary-json - /dev/stdin"
parallel --will-cite --pipe --block 1k --ssh "ssh -F $tmp/ssh_config" --sshlogin 2/news1,2/news2 \
    "$cmd" <"$jl" 2>"$tmp/par.err" | "$TQC" merge -q -o "$tmp/merged.json" - 2>"$tmp/merge.err"
rc=$?
[ $rc -eq 0 ] && ok "parallel --sshlogin | tqc merge - runs" || not_ok "parallel --sshlogin | tqc merge - runs" "$(head -c 300 "$tmp/par.err") $(head -c 300 "$tmp/merge.err")"
keys "$tmp/merged.json" >"$tmp/b"
if cmp -s "$tmp/a" "$tmp/b"; then ok "the merged partial audits equal the single-machine audit"
else not_ok "the merged partial audits equal the single-machine audit" "$(diff "$tmp/a" "$tmp/b" | head -5 | tr '\n' '|')"; fi
[ -s "$tmp/wd-news1/blocks.jsonl" ] && [ -s "$tmp/wd-news2/blocks.jsonl" ] &&
    ok "both hosts audited blocks, each in its own folder" ||
    not_ok "both hosts audited blocks, each in its own folder" "$(ls "$tmp" | tr '\n' ' ')"
got=$(cat "$tmp"/wd-news*/blocks.jsonl 2>/dev/null | sort | cksum)
[ "$got" = "$(sort "$jl" | cksum)" ] && ok "every record went to exactly one host" || not_ok "every record went to exactly one host"

echo "e2e_parallel_ssh: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
