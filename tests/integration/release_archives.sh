#!/usr/bin/env bash
# `xstatic release` on the examples' Make and CMake projects for linux/amd64,
# linux/arm64 and (when mingw-w64 is here) windows/amd64: the archives hold
# the expected files, sha256sum -c passes, every binary runs (arm64 under
# qemu), and artifacts.json matches the dist folder.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need qemu-aarch64-static
need cmake
need make
need cc
need sha256sum
need_sysroot linux/amd64
need_sysroot linux/arm64

targets=$REL_TARGETS_LINUX
if have_mingw; then targets="$targets, \"windows/amd64\""; else echo "note: mingw-w64 missing, windows/amd64 left out"; fi

# --- Make project, version from the git tag (v dropped).
release_project make "$WORK/mk" "$REL_TARGETS_LINUX"
git_commit_tag "$WORK/mk" v1.4.0
# A host build left in the source tree (objects and a dynamic app): the
# release builds from git's tracked files, so none of it is shipped.
make -C "$WORK/mk" CC=cc app >/dev/null
(cd "$WORK/mk" && "$XSTATIC" release -j 2 >"$WORK/table" 2>"$WORK/progress")
cat "$WORK/progress" "$WORK/table"
dist=$WORK/mk/dist
for arch in amd64 arm64; do
  [ -f "$dist/greet_1.4.0_linux_${arch}.tar.gz" ] || fail "no greet_1.4.0_linux_${arch}.tar.gz in $(ls "$dist")"
  [ -f "$dist/greet_1.4.0_linux_${arch}.debug.tar.gz" ] || fail "no debug archive for $arch"
  list=$(tar tzf "$dist/greet_1.4.0_linux_${arch}.tar.gz" | tr '\n' ' ')
  [ "$list" = "LICENSE README.md app " ] || fail "linux/$arch archive holds: $list"
  mkdir -p "$WORK/x-$arch"
  tar xzf "$dist/greet_1.4.0_linux_${arch}.tar.gz" -C "$WORK/x-$arch"
  out=$("$XSTATIC" run --target "linux/$arch" "$WORK/x-$arch/app" release)
  [ "$out" = "hello, release (greet 1.0)" ] || fail "linux/$arch app printed: $out"
  "$XSTATIC" verify --target "linux/$arch" --static --stripped "$WORK/x-$arch/app" >/dev/null
done
expect_contains "$(cat "$WORK/progress")" "[1/2] linux/amd64 (musl): building (make)"
expect_contains "$(cat "$WORK/progress")" "[2/2] linux/arm64 (musl): ok in"
expect_contains "$(cat "$WORK/table")" "greet_1.4.0_checksums.txt"
(cd "$dist" && sha256sum -c greet_1.4.0_checksums.txt)
[ "$(wc -l <"$dist/greet_1.4.0_checksums.txt")" = 6 ] || fail "checksums: $(cat "$dist/greet_1.4.0_checksums.txt")"
check_artifacts_json "$dist"
check_sbom "$dist/greet_1.4.0_linux_arm64.sbom.spdx.json" "$XSTATIC_HOME/sysroots/arm64-musl/manifest.json"
# The project's own static library, from the link itself (lld --why-extract):
# listed with the digest of the archive the link read, linked by app.
greet_a=$WORK/mk/.xstatic/release/linux_arm64/libgreet.a
[ -f "$greet_a" ] || fail "no libgreet.a in the release's build folder: $(ls "$WORK/mk/.xstatic/release/linux_arm64")"
python3 - "$dist/greet_1.4.0_linux_arm64.sbom.spdx.json" "$(sha256sum <"$greet_a" | cut -d' ' -f1)" <<'PY' ||
import json, sys
sbom = json.load(open(sys.argv[1]))
archives = [p for p in sbom["packages"] if p["SPDXID"].startswith("SPDXRef-Archive-")]
assert [a["packageFileName"] for a in archives] == ["build/libgreet.a"], archives
assert archives[0]["checksums"] == [{"algorithm": "SHA256", "checksumValue": sys.argv[2]}], archives[0]
rels = {(r["spdxElementId"], r["relationshipType"], r["relatedSpdxElement"]) for r in sbom["relationships"]}
assert ("SPDXRef-File-app", "STATIC_LINK", archives[0]["SPDXID"]) in rels, rels
PY
  fail "the SBOM does not list libgreet.a as linked into app"
[ "$(stat -c %a "$dist")" = 755 ] || fail "dist folder mode $(stat -c %a "$dist")"

# --- glibc through --targets: "_glibc" in the name, libc6-dev in the SBOM.
need_sysroot linux/arm64 glibc
# (-f from another folder, --dist and --build-dir elsewhere too)
(cd / && "$XSTATIC" -q release -f "$WORK/mk/xstatic-release.toml" --targets linux/arm64:glibc \
  --dist "$WORK/glibc-dist" --build-dir "$WORK/glibc-build" >/dev/null)
[ -f "$WORK/glibc-build/linux_arm64_glibc.log" ] || fail "no build log in --build-dir: $(ls "$WORK/glibc-build")"
g=$WORK/glibc-dist/greet_1.4.0_linux_arm64_glibc
[ -f "$g.tar.gz" ] || fail "no glibc archive in $(ls "$WORK/glibc-dist")"
mkdir -p "$WORK/xg" && tar xzf "$g.tar.gz" -C "$WORK/xg"
[ "$("$XSTATIC" run --target linux/arm64 "$WORK/xg/app" glibc)" = "hello, glibc (greet 1.0)" ] || fail "glibc app"
check_sbom "$g.sbom.spdx.json" "$XSTATIC_HOME/sysroots/arm64-glibc/manifest.json"
expect_contains "$(cat "$g.sbom.spdx.json")" '"name": "libc6-dev"'

# --- CMake project (C++ on musl and, when here, mingw): --version and --json.
release_project cmake "$WORK/cm" "$targets"
(cd "$WORK/cm" && "$XSTATIC" -q release --version 2.0.0-rc1 --json -j 2 >"$WORK/summary.json")
dist=$WORK/cm/dist
python3 - "$WORK/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["project"] == "wordstat" and s["version"] == "2.0.0-rc1", s
assert all(t["binaries"] for t in s["targets"]), s
assert any(a["kind"] == "checksums" for a in s["artifacts"]), s
PY
for arch in amd64 arm64; do
  a=$dist/wordstat_2.0.0-rc1_linux_${arch}.tar.gz
  [ "$(tar tzf "$a" | tr '\n' ' ')" = "LICENSE README.md wordstat-cli " ] || fail "$a holds $(tar tzf "$a")"
  mkdir -p "$WORK/c-$arch" && tar xzf "$a" -C "$WORK/c-$arch"
  out=$("$XSTATIC" run --target "linux/$arch" "$WORK/c-$arch/wordstat-cli" "$WORK/cm/tests/sample.txt")
  expect_contains "$out" "words: 8 lines: 3 longest: wordstat"
done
if have_mingw; then
  z=$dist/wordstat_2.0.0-rc1_windows_amd64.zip
  [ -f "$z" ] || fail "no windows zip in $(ls "$dist")"
  python3 - "$z" <<'PY'
import sys, zipfile
names = sorted(zipfile.ZipFile(sys.argv[1]).namelist())
assert names == ["LICENSE", "README.md", "wordstat-cli.exe"], names
PY
  mkdir -p "$WORK/w" && python3 -c "import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$z" "$WORK/w"
  "$XSTATIC" verify --target windows/amd64 --static "$WORK/w/wordstat-cli.exe" >/dev/null
fi
(cd "$dist" && sha256sum -c wordstat_2.0.0-rc1_checksums.txt)
# C++ on musl: the SBOM names libc++ (built by xstatic) besides the sysroot's packages.
check_sbom "$dist/wordstat_2.0.0-rc1_linux_arm64.sbom.spdx.json" "$XSTATIC_HOME/sysroots/arm64-musl/manifest.json" "libc++"
check_sbom "$dist/wordstat_2.0.0-rc1_linux_amd64.sbom.spdx.json" "$XSTATIC_HOME/sysroots/amd64-musl/manifest.json" "libc++"
check_artifacts_json "$dist"

# A second release replaces the dist folder of the first.
(cd "$WORK/cm" && "$XSTATIC" -q release --version 2.0.0 --targets linux/amd64 >/dev/null)
[ "$(ls "$dist" | tr '\n' ' ')" = "artifacts.json wordstat_2.0.0_checksums.txt wordstat_2.0.0_linux_amd64.debug.tar.gz wordstat_2.0.0_linux_amd64.sbom.spdx.json wordstat_2.0.0_linux_amd64.tar.gz " ] ||
  fail "dist after a second release: $(ls "$dist")"
if compgen -G "$WORK/cm/.dist.tmp-*" >/dev/null; then fail "a staging folder was left behind"; fi
echo "release_archives: ok"
