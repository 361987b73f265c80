#!/usr/bin/env bash
# A release killed while it builds leaves its staging folder beside dist
# (.dist.tmp-<pid>-XXXXXX); the next release removes those of processes that
# are gone and keeps a running one's (issue 23, item 3).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need make
need setsid
need_sysroot linux/arm64
release_project make "$WORK/p" '"linux/arm64"'
cd "$WORK/p"
# The staging folders beside dist; grep exits 1 when there is none, which is an answer here.
staging() { ls -A "$WORK/p" | { grep '^\.dist\.tmp-' || [ $? = 1 ]; }; }

# Kill a real release (its whole process group) once its staging folder exists.
setsid "$XSTATIC" -q release --snapshot >/dev/null 2>&1 &
pid=$!
for _ in $(seq 200); do
  [ -n "$(staging)" ] && break
  sleep 0.05
done
[ -n "$(staging)" ] || fail "the release made no staging folder beside dist"
kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid"
wait "$pid" 2>/dev/null || [ $? = 137 ] || fail "the killed release ended otherwise"
[ -n "$(staging)" ] || fail "the killed release left no staging folder (was it killed too late?)"

# Two more a killed run may leave: another dead pid's folder and its "-old" aside.
sh -c 'exit 0' &
dead=$!
wait "$dead"
mkdir ".dist.tmp-$dead-AbCdEf" ".dist.tmp-$dead-AbCdEf-old"
# A running release's folder (this shell's sleep stands for it) is kept.
sleep 600 &
live=$!
trap 'kill "$live" 2>/dev/null || true; rm -rf "$WORK"' EXIT # clean-up after the verdict
mkdir ".dist.tmp-$live-XyZxYz"

"$XSTATIC" -q release --snapshot >/dev/null
[ -f dist/artifacts.json ] || fail "the release after the kill wrote no dist folder"
left=$(staging)
[ "$left" = ".dist.tmp-$live-XyZxYz" ] || fail "staging folders after the release: ${left:-none} (expected only the live one's)"
echo "ok"
