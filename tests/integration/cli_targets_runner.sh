#!/usr/bin/env bash
# `xstatic targets` names what runs each target's programs: the Windows rows
# name wine's loader when `xstatic run` can use it, and "-" only when it
# cannot (issue 23, item 16). A Linux row of another machine names qemu.
. "$(dirname "$0")/lib/common.sh"
need python3
need qemu-aarch64-static
"$XSTATIC" targets --json >targets.json
runner() { python3 -c 'import json,sys; print(next(r["runner"] for r in json.load(open("targets.json")) if r["name"] == sys.argv[1] and r["libc"] == sys.argv[2]))' "$1" "$2"; }
if wine_runs windows/amd64; then want=wine64; else want=-; fi
[ "$(runner windows/amd64 mingw)" = "$want" ] || fail "windows/amd64 runner: $(runner windows/amd64 mingw), expected $want"
if wine_runs windows/386; then want=wine; else want=-; fi
[ "$(runner windows/386 mingw)" = "$want" ] || fail "windows/386 runner: $(runner windows/386 mingw), expected $want"
[ "$(runner linux/arm64 musl)" = qemu-aarch64-static ] || fail "linux/arm64 runner: $(runner linux/arm64 musl)"
# The table shows the same.
line=$("$XSTATIC" targets | grep '^windows/amd64 ')
if wine_runs windows/amd64; then expect_contains "$line" " wine64 "; fi
echo "ok"
