#!/usr/bin/env bash
# `xstatic doctor`: finds clang and lld with their versions, lists the store's
# sysroots, and prints the command for what is missing.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19; need python3
driver_sysroot linux/amd64 musl

"$XSTATIC" doctor >out.txt
expect_contains "$(cat out.txt)" "clang version"
expect_contains "$(cat out.txt)" "$XSTATIC_HOME"
expect_contains "$(cat out.txt)" "amd64-musl"
# Which handler runs arm64 binaries exec'd by path (none, unless 'xstatic binfmt install' ran).
grep -q "^  linux/arm64: \|^  binfmt_misc is not mounted" out.txt || fail "doctor shows no binfmt status: $(cat out.txt)"
"$XSTATIC" doctor --json >out.json
python3 - out.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
tools = {t["name"]: t for t in d["tools"]}
assert d["ok"] is True, d
assert tools["clang"]["path"] and "clang version" in tools["clang"]["version"], tools["clang"]
assert tools["ld.lld"]["path"] and "LLD" in tools["ld.lld"]["version"], tools["ld.lld"]
assert "amd64-musl" in d["sysroots"], d["sysroots"]
assert "qemu-aarch64-static" in tools
assert d["binfmt"] and all(isinstance(line, str) for line in d["binfmt"]), d["binfmt"]
assert "wine64" in tools and "wine (32-bit)" in tools, tools
PY
echo "ok: doctor finds clang, lld and the sysroots"

# With an empty store and no clang on PATH: exit 3 and the apt command.
rc=0
env PATH=/nonexistent XSTATIC_HOME="$WORK/empty" "$XSTATIC" doctor --json >missing.json || rc=$?
[ "$rc" = 3 ] || fail "doctor without clang exited $rc"
python3 - missing.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["ok"] is False and "clang-19" in d["fix"] and "sysroot install" in d["fix"], d
PY
echo "ok: doctor without clang says what to install"
