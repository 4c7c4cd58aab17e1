# Sourced by the e2e scripts: a temporary folder removed on exit, and TAP-style lines
# (`ok N - name`, `not ok N - name` with up to 20 lines of detail, `# SKIP`) counted in n and fail.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 fail=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | head -20 | sed 's/^/#   /'
    return 0
}
# check NAME STATUS [DETAIL]: ok when STATUS is 0.
check() { if [ "$2" = 0 ]; then ok "$1"; else not_ok "$1" "${3:-}"; fi; }
# skip NAME WHY: a test that cannot run here (a missing tool), counted as passed.
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
