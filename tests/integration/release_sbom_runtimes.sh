#!/usr/bin/env bash
# The release SPDX names the runtime builds a binary linked, each once, from
# its embedded SBOM note and link record, not every build the store holds for
# the target. A store of the suite's own (hard links into the shared one) holds
# three builds of libc++ 19 for amd64-musl: an old recipe revision (llvm-19),
# the standard build and a size build (llvm-19-r2-size, the standard bytes
# relabelled: -size only names a folder, and this suite does not pay the size
# build's 90 s); mimalloc likewise. A release with XSTATIC_RUNTIMES_OPT=standard
# lists libc++ once (SPDXRef-Runtime-libcxx, the standard build's version), one
# with =size the size build alone (SPDXRef-Runtime-libcxx-size, 19.1.7+size);
# every SPDX ID of the document is unique.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need python3
need_sysroot linux/amd64

# The shared store's standard runtimes for amd64-musl, built once (libc++, mimalloc, the libc routines).
printf '#include <iostream>\n#include <string>\nint main() { std::string s = "hello"; std::cout << s << "\\n"; }\n' >hello.cpp
XSTATIC_RUNTIMES_OPT=standard "$XSTATIC" c++ --target linux/amd64 hello.cpp -o warm
libcxx=$(libcxx_dir amd64-musl)
[ -n "$libcxx" ] || fail "no libc++ build for amd64-musl in $XSTATIC_HOME"

priv=$WORK/store
mkdir -p "$priv/sysroots" "$priv/runtimes"
cp -al "$XSTATIC_HOME/sysroots/amd64-musl" "$priv/sysroots/"
for d in "$XSTATIC_HOME"/runtimes/*/amd64-musl; do
  group=$(basename "$(dirname "$d")")
  case $group in *-size) continue ;; esac  # the size builds of this store are made below
  mkdir -p "$priv/runtimes/$group" && cp -al "$d" "$priv/runtimes/$group/"
done
relabel() { # from-folder to-folder variant: a copy of a build under another folder and variant
  mkdir -p "$(dirname "$2")" && cp -al "$1" "$2"
  rm "$2/manifest.json"  # a file of its own: the shared store's stays as it is
  python3 - "$1/manifest.json" "$2/manifest.json" "$3" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m["variant"] = sys.argv[3]
open(sys.argv[2], "w").write(json.dumps(m, indent=2) + "\n")
PY
}
rev=$(basename "$(dirname "$libcxx")")
relabel "$libcxx" "$priv/runtimes/$rev-size/amd64-musl" size
[ "$rev" = llvm-19 ] || [ -d "$priv/runtimes/llvm-19/amd64-musl" ] ||
  relabel "$libcxx" "$priv/runtimes/llvm-19/amd64-musl" standard
for d in "$priv"/runtimes/mimalloc-*/amd64-musl; do
  relabel "$d" "$priv/runtimes/$(basename "$(dirname "$d")")-size/amd64-musl" size
done
[ "$(XSTATIC_HOME=$priv "$XSTATIC" runtimes list | grep -c 'linux/amd64.*libc++')" -ge 3 ] ||
  fail "the suite's store does not hold three builds of libc++: $(XSTATIC_HOME=$priv "$XSTATIC" runtimes list)"

mkdir -p proj
cp hello.cpp proj/
release_cxx_hello proj
check_runtimes() { # variant libc++-id libc++-version
  python3 - proj/dist/hello_1.0.0_linux_amd64.sbom.spdx.json "$@" <<'PY'
import collections, json, sys
doc, variant, want_id, want_version = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3], sys.argv[4]
ids = [p["SPDXID"] for p in doc["packages"]] + [f["SPDXID"] for f in doc["files"]]
dup = [i for i, n in collections.Counter(ids).items() if n > 1]
assert not dup, "SPDX IDs listed more than once: %s" % dup
cxx = [p for p in doc["packages"] if p["name"] == "libc++"]
assert [(p["SPDXID"], p["versionInfo"]) for p in cxx] == [(want_id, want_version)], cxx
runtimes = {p["SPDXID"] for p in doc["packages"] if p["SPDXID"].startswith("SPDXRef-Runtime-")}
links = {r["relatedSpdxElement"] for r in doc["relationships"]
         if r["spdxElementId"] == "SPDXRef-File-hello" and r["relationshipType"] == "STATIC_LINK"}
assert want_id in links and runtimes <= links, (runtimes, links)
if variant == "size":
    assert all(i.endswith("-size") for i in runtimes if "mimalloc" in i), runtimes
print("ok: %s: %s" % (variant, sorted(runtimes)))
PY
}
version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$libcxx/manifest.json")
(cd proj && XSTATIC_HOME=$priv XSTATIC_RUNTIMES_OPT=standard "$XSTATIC" -q release --version 1.0.0 -j 2 >/dev/null)
check_runtimes standard SPDXRef-Runtime-libcxx "$version"
(cd proj && XSTATIC_HOME=$priv XSTATIC_RUNTIMES_OPT=size "$XSTATIC" -q release --version 1.0.0 -j 2 >/dev/null)
check_runtimes size SPDXRef-Runtime-libcxx-size "$version+size"
