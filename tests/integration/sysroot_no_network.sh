#!/usr/bin/env bash
# No network (a network namespace of the suite's own, nothing but a down
# loopback): `sysroot install` and `cc --auto-install` into an empty store
# say that updating apt's package index failed and why (apt's first fetch
# error), not only apt's later "Unable to locate package"; exit 3, the hint
# names the network and --debs, and nothing is installed (issue 23, item 14).
# SKIP: without root or unshare -n no namespace can be made.
. "$(dirname "$0")/lib/common.sh"
need unshare
need apt-get
unshare -n true 2>/dev/null || skip "no network namespace can be made here (not root?)"
printf 'int main(void){return 0;}\n' >hi.c
for cmd in "sysroot install linux/arm64" "cc --target linux/arm64 --auto-install hi.c -o hi"; do
  rc=0
  # shellcheck disable=SC2086 # the command's words
  timeout 120 unshare -n "$XSTATIC" --store "$WORK/store" $cmd >out 2>err || rc=$?
  [ "$rc" = 3 ] || fail "$cmd without network: exit $rc (want 3): $(cat err)"
  expect_contains "$(cat err)" "updating apt's package index failed ("
  expect_contains "$(cat err)" "hint: check the network"
  expect_contains "$(cat err)" "--debs DIR"
  [ ! -e "$WORK/store/sysroots/arm64-musl" ] || fail "$cmd left a sysroot: $(ls "$WORK/store/sysroots")"
  [ ! -e hi ] || fail "$cmd made a program"
  echo "ok: $cmd: $(grep error: err | cut -c1-200)"
done
echo "PASS: sysroot_no_network"
