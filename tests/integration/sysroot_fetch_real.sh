#!/usr/bin/env bash
# xstatic's own fetcher against the real Debian mirror that apt's sources
# name (no address of ours): XSTATIC_FETCH=builtin sysroot install
# linux/arm64 into an empty store verifies the InRelease of bookworm,
# -updates and -security against the Debian keyring compiled in, their
# Packages indexes and each .deb; the sysroot holds the same packages (name,
# version, SHA-256) and the same files as the one apt's path installed, and
# a hello built with it runs under qemu, with mimalloc built from the
# Debian source package the builtin fetcher took.
# SKIP: apt's sources name no http:// Debian mirror (the fetcher reads them).
. "$(dirname "$0")/lib/common.sh"
need qemu-aarch64-static
need python3
grep -Eqs '^[[:space:]]*(URIs:[[:space:]]*|deb[[:space:]]+(\[[^]]*\][[:space:]]+)?)http://' \
  /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources ||
  skip "apt's sources name no http:// mirror"
need_sysroot linux/arm64 musl # apt's path, in the shared store
apt_sysroot=$("$XSTATIC" -q sysroot install linux/arm64)

start=$(date +%s)
sysroot=$(XSTATIC_FETCH=builtin "$XSTATIC" --store "$WORK/store" sysroot install linux/arm64 2>"$WORK/err") ||
  fail "builtin install: $(cat "$WORK/err")"
echo "builtin install: $(($(date +%s) - start)) s"
[ ! -e "$WORK/store/apt" ] || fail "the builtin fetcher used apt"
[ -n "$(ls "$WORK/store/archive/debs")" ] || fail "no .deb in the builtin fetcher's cache"

packages() { # manifest -> "name version sha256" lines
  python3 -c 'import json,sys
for p in sorted(json.load(open(sys.argv[1]))["packages"], key=lambda p: p["name"]):
    print(p["name"], p["version"], p["sha256"])' "$1"
}
a=$(packages "$apt_sysroot/manifest.json")
b=$(packages "$sysroot/manifest.json")
[ "$a" = "$b" ] || fail "apt's and the builtin fetcher's packages differ:
$a
---
$b"
tree() { (cd "$1" && find . ! -name manifest.json \( -type f -o -type l \) -printf '%p %s %l\n' | sort); }
[ "$(tree "$apt_sysroot")" = "$(tree "$sysroot")" ] || fail "the two sysroots hold different files"
echo "ok: same packages and files as apt's path: $(echo "$b" | cut -d' ' -f1,2 | tr '\n' ' ')"

# The hello allocates, so its link builds mimalloc, whose Debian source
# package the builtin fetcher takes too (main/source/Sources, verified);
# musl's own routines keep it short.
printf '#include <stdio.h>\n#include <stdlib.h>\nint main(void){char *p = malloc(20); if (!p) return 1;\nsnprintf(p, 20, "from the archive"); puts(p); free(p); return 0;}\n' >hi.c
XSTATIC_FETCH=builtin XSTATIC_HOME="$WORK/store" "$XSTATIC" cc --target linux/arm64 --libc-routines=musl hi.c -o hi
[ "$(qemu-aarch64-static ./hi)" = "from the archive" ] || fail "the hello does not run under qemu"
ls "$WORK/store/src/"mimalloc_*.orig.tar.* >/dev/null || fail "mimalloc's source was not fetched into the store"
[ ! -e "$WORK/store/apt" ] || fail "the builtin fetcher used apt for mimalloc's source"
echo "ok: a hello linking mimalloc built from the source the builtin fetcher took"
echo "PASS: sysroot_fetch_real"
