#!/usr/bin/env bash
# `runtimes export` then `runtimes import` into a fresh store: a C++ link there
# uses the imported libc++ and mimalloc and builds nothing; importing again
# keeps them; a tampered, padded or hostile archive is refused and installs
# nothing, writes nothing outside the store.
. "$(dirname "$0")/lib/common.sh"
need clang-19
need python3
need zstd
need_sysroot linux/amd64
"$XSTATIC" -q runtimes build linux/amd64  # once per test store; a no-op when built

"$XSTATIC" runtimes export linux/amd64 -o rt.tar.zst >out
expect_contains "$(cat out)" "exported llvm-19-r2/amd64-musl"
expect_contains "$(cat out)" "exported mimalloc-"
[ "$(tar --zstd -tf rt.tar.zst | head -1)" = xstatic-runtimes.json ] || fail "the index is not the first member"
"$XSTATIC" -q sysroot export linux/amd64 -o sr.tar.zst

fresh=$WORK/fresh
"$XSTATIC" -q --store "$fresh" sysroot import sr.tar.zst >/dev/null
"$XSTATIC" --store "$fresh" runtimes import rt.tar.zst >out
expect_contains "$(cat out)" "imported llvm-19-r2/amd64-musl"
lib=$fresh/runtimes/llvm-19-r2/amd64-musl/lib/libc++.a
cmp "$lib" "$XSTATIC_HOME/runtimes/llvm-19-r2/amd64-musl/lib/libc++.a" || fail "imported libc++.a differs"
before=$(stat -c '%i %Y' "$fresh"/runtimes/*/amd64-musl "$lib")

# A C++ link in the fresh store: it uses the imported runtimes and builds
# nothing (a build would fetch its source into src/ and log under logs/).
printf '#include <iostream>\n#include <string>\nint main() { std::string s = "imported"; std::cout << s << "\\n"; }\n' >hello.cpp
XSTATIC_HOME=$fresh "$XSTATIC" c++ --target linux/amd64 -O2 hello.cpp -o hello --print-command 2>cmd
expect_contains "$(cat cmd)" "$fresh/runtimes/llvm-19-r2/amd64-musl"
expect_contains "$(cat cmd)" "$fresh/runtimes/mimalloc-"
[ "$(./hello)" = imported ] || fail "the C++ program did not run"
[ ! -e "$fresh/src" ] && [ ! -e "$fresh/logs" ] || fail "a runtime was built: $(ls "$fresh")"
[ "$(stat -c '%i %Y' "$fresh"/runtimes/*/amd64-musl "$lib")" = "$before" ] || fail "the imported runtimes were replaced"
echo "ok: C++ linked with the imported runtimes, nothing built"

# Importing again keeps what is there.
"$XSTATIC" --store "$fresh" runtimes import rt.tar.zst >out
expect_contains "$(cat out)" "already present, kept llvm-19-r2/amd64-musl"

# Tampered archives: one byte of libc++.a changed; a file the index lacks.
mkdir unpacked && tar --zstd -xf rt.tar.zst -C unpacked
repack() { # name
  (cd unpacked && tar --zstd -cf "../$1" xstatic-runtimes.json $(ls | grep -v '^xstatic-runtimes.json$'))
}
cp -a unpacked pristine
printf 'X' | dd of=unpacked/llvm-19-r2/amd64-musl/lib/libc++.a bs=1 seek=4096 conv=notrunc status=none
repack altered.tar.zst
rm -rf unpacked && cp -a pristine unpacked && echo extra >unpacked/llvm-19-r2/amd64-musl/lib/extra.a
repack padded.tar.zst
rm -rf unpacked && cp -a pristine unpacked && rm unpacked/llvm-19-r2/amd64-musl/lib/libunwind.a
repack short.tar.zst
# Hostile: a member climbing out, a symlink pointing out with a write through it.
python3 - "$WORK" <<'PY'
import io, sys, tarfile
work = sys.argv[1]
def add(t, name, data=b"x", link=None):
    i = tarfile.TarInfo(name)
    if link is not None:
        i.type, i.linkname = tarfile.SYMTYPE, link
        t.addfile(i)
    else:
        i.size = len(data)
        t.addfile(i, io.BytesIO(data))
index = b'{"format": "xstatic-runtimes/1", "runtimes": []}'
with tarfile.open(work + "/dotdot.tar", "w") as t:
    add(t, "xstatic-runtimes.json", index)
    add(t, "llvm-19-r2/../../../xstatic-escape")
with tarfile.open(work + "/symlink.tar", "w") as t:
    add(t, "xstatic-runtimes.json", index)
    add(t, "llvm-19-r2/amd64-musl/lib", link="../../../../../../" + work.lstrip("/") + "/outside")
    add(t, "llvm-19-r2/amd64-musl/lib/xstatic-escape")
with tarfile.open(work + "/stray.tar", "w") as t:
    add(t, "xstatic-runtimes.json", index)
    add(t, "bin/sh")
PY
mkdir outside
for case in altered.tar.zst:"does not match its digest" padded.tar.zst:"is not in the index" \
            short.tar.zst:"is indexed but missing" dotdot.tar:"refused member" symlink.tar:"refused member" \
            stray.tar:"not a runtime folder"; do
  file=${case%%:*} why=${case#*:}
  store=$WORK/store-${file%%.*}
  must_fail "$XSTATIC" --store "$store" runtimes import "$file"
  expect_contains "$(cat err)" "$file"
  expect_contains "$(cat err)" "$why"
  [ -z "$(ls -A "$store/runtimes" 2>/dev/null)" ] || fail "$file: left $(ls -A "$store/runtimes")"
  echo "ok: $file refused: $(head -1 err)"
done
[ -z "$(ls -A outside)" ] && [ ! -e "$WORK/xstatic-escape" ] && [ ! -e "$WORK/store-dotdot/xstatic-escape" ] ||
  fail "a hostile archive wrote outside the store"
echo "ok: tampered and hostile archives refused, nothing installed"
