#!/usr/bin/env bash
# Two checkouts of one commit, in folders of different depth, released one
# after the other give byte-identical archives and checksums files; no
# absolute path of either checkout is in any shipped binary or debug file;
# archive entries carry the commit's time as mtime.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need cmake
need make
need git
need_sysroot linux/amd64
need_sysroot linux/arm64

# The C++ project gains an assert() and __FILE__ (absolute under CMake) and
# __DATE__ (SOURCE_DATE_EPOCH decides it).
release_project cmake "$WORK/origin" "$REL_TARGETS_LINUX"
cat >>"$WORK/origin/src/main.cpp" <<'CPP'
#include <cassert>
#include <cstdio>
[[maybe_unused]] static const char* kBuilt = __FILE__ " " __DATE__ " " __TIME__;
[[maybe_unused]] static int checked(int x) { assert(x >= 0 && "not negative"); return x; }
CPP
git_commit_tag "$WORK/origin" v3.0.0
commit_time=$(git -C "$WORK/origin" log -1 --format=%ct)

git clone -q "$WORK/origin" "$WORK/a"
mkdir -p "$WORK/much/deeper/folder"
git clone -q "$WORK/origin" "$WORK/much/deeper/folder/b"
(cd "$WORK/a" && "$XSTATIC" -q release -j 2 >/dev/null)
(cd "$WORK/much/deeper/folder/b" && "$XSTATIC" -q release -j 2 >/dev/null)

sums=wordstat_3.0.0_checksums.txt
cat "$WORK/a/dist/$sums"
cmp "$WORK/a/dist/$sums" "$WORK/much/deeper/folder/b/dist/$sums" ||
  { diff "$WORK/a/dist/$sums" "$WORK/much/deeper/folder/b/dist/$sums"; fail "checksums differ between checkouts"; }
cmp "$WORK/a/dist/artifacts.json" "$WORK/much/deeper/folder/b/dist/artifacts.json" || fail "artifacts.json differs"
[ "$(wc -l <"$WORK/a/dist/$sums")" = 6 ] || fail "expected 6 checksummed files"

# No checkout path in the binaries or their debug files.
mkdir -p "$WORK/x"
for f in "$WORK/a/dist/"*.tar.gz; do tar xzf "$f" -C "$WORK/x"; done
if grep -rlF "$WORK/a" "$WORK/x"; then fail "the checkout's path is in a shipped file"; fi

# Entries carry the commit's time; the gzip header has no time or name.
python3 - "$WORK/a/dist/wordstat_3.0.0_linux_arm64.tar.gz" "$commit_time" <<'PY'
import sys, tarfile
path, when = sys.argv[1], int(sys.argv[2])
raw = open(path, "rb").read(10)
assert raw[3] & 0x08 == 0 and raw[4:8] == b"\0\0\0\0", raw
with tarfile.open(path) as t:
    for m in t.getmembers():
        assert m.mtime == when, (m.name, m.mtime, when)
        assert m.uid == 0 and m.gid == 0 and m.uname == "" and m.gname == "", m.name
        assert m.mode == (0o755 if m.name == "wordstat-cli" else 0o644), (m.name, oct(m.mode))
print("entries ok")
PY

# SOURCE_DATE_EPOCH overrides the commit time, and changes the bytes.
(cd "$WORK/a" && SOURCE_DATE_EPOCH=1700000000 "$XSTATIC" -q release --targets linux/amd64 >/dev/null)
python3 - "$WORK/a/dist/wordstat_3.0.0_linux_amd64.tar.gz" <<'PY'
import sys, tarfile
with tarfile.open(sys.argv[1]) as t:
    assert {m.mtime for m in t.getmembers()} == {1700000000}
PY
echo "release_reproducible: ok"
