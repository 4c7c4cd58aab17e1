#!/bin/sh
# The GitHub Action's shell steps in a fresh Debian root (issue 14): its install and
# build steps (taken from action.yml itself) run as root in a chroot made by
# debootstrap, with only what a minimal Debian has; tqc must then build, answer
# --version and find a doubled word. Slow (a Debian root and the packages: minutes) and
# needs root and the network, so `make action-test` runs it, not `make check`.
#   sh tests/action_debian.sh [ROOT]   ROOT: an existing debootstrapped folder to reuse
#                                      (a copy of it is used; default: a new one)
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
[ "$(id -u)" = 0 ] || { echo "action_debian: SKIP (needs root for chroot)"; exit 0; }
command -v debootstrap >/dev/null || { echo "action_debian: SKIP (no debootstrap: apt-get install debootstrap)"; exit 0; }
work=$(mktemp -d)
cleanup() { umount "$work/root/proc" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM
if [ -n "${1:-}" ]; then
    cp -a "$1" "$work/root" || exit 1
else
    debootstrap --variant=minbase bookworm "$work/root" http://deb.debian.org/debian >"$work/deboot.log" 2>&1 \
        || { tail -5 "$work/deboot.log"; echo "action_debian: FAIL (debootstrap)"; exit 1; }
fi
root=$work/root
# The repository as the Action checks it out: the tracked files, nothing built.
mkdir -p "$root/action"
(cd "$repo" && git ls-files -z | xargs -0 tar cf - ) | tar xf - -C "$root/action"
# The steps, as action.yml has them: every step with a run: up to the first that runs tqc.
python3 - "$repo/action.yml" >"$root/steps.sh" <<'PY' || exit 1
import sys, yaml
steps = yaml.safe_load(open(sys.argv[1]))["runs"]["steps"]
print("set -e")
for s in steps:
    if "run" not in s:
        continue
    if "tqc\" check" in s["run"] or "/tqc\" check" in s["run"]:
        break
    print("echo '::group::%s'" % s["name"].replace("'", ""))
    print("(\n%s\n)" % s["run"])
PY
grep -q 'make -C "$GITHUB_ACTION_PATH" deps' "$root/steps.sh" || { echo "action_debian: FAIL (the Action does not run make deps)"; exit 1; }
mount -t proc proc "$root/proc" 2>/dev/null
printf 'The minister said the the talks would resume.\n' >"$root/doubled.txt"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root GITHUB_ACTION_PATH=/action \
    bash -c 'bash /steps.sh && /action/tqc --version && { /action/tqc check --lang en /doubled.txt; test $? -eq 1; }' \
    >"$work/run.log" 2>&1
rc=$?
grep -E '^tqc [0-9]|repeated-word' "$work/run.log"
if [ $rc -ne 0 ]; then
    tail -30 "$work/run.log"
    echo "action_debian: FAIL (exit $rc)"
    exit 1
fi
echo "action_debian: the Action's steps built and ran tqc in a fresh Debian root"
