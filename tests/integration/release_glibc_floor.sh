#!/usr/bin/env bash
# `xstatic release` with a glibc floor and --link=libc-dynamic (docs/glibc.md,
# docs/release.md): the Make example released for linux/amd64 at floor 2.31
# libc-dynamic and at the default glibc (static) side by side: two archive
# names, the floor and link mode in artifacts.json, the summary and the SBOM
# (bullseye's libc6-dev), the 2.31 binary needs only libc.so.6 with no symbol
# version above 2.31 and runs on bullseye's own loader and libc; the [image]
# holds only the static target's app (a note says why); a build that
# links against a newer glibc than the floor (a script that ignores $CC)
# stops the release naming the symbol; a floor on musl, a floor Debian has
# no release for and libc-dynamic on musl are usage errors, in the release
# file and in --targets.
#
# Cost: linux/amd64 only (the floor's arm64 side is driver_glibc_floor's);
# the 2.31 sysroot is shared with driver_glibc_floor through the test store.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need clang-19
need apt-get
need make
need git

exit_of() { local rc=0; "$@" >/dev/null 2>"$WORK/err" || rc=$?; echo "$rc"; }

# --- Bad input: usage errors (exit 2) before any build or install.
release_bad() { # targets-toml expected-message
  rm -rf "$WORK/bad"
  release_project make "$WORK/bad" "$1"
  [ "$(exit_of "$XSTATIC" release -f "$WORK/bad/xstatic-release.toml" --version 1.0.0)" = 2 ] ||
    fail "targets = [$1] was not a usage error: $(cat "$WORK/err")"
  expect_contains "$(cat "$WORK/err")" "$2"
}
release_bad '{ target = "linux/amd64", libc = "musl", glibc = "2.31" }' \
  "xstatic-release.toml:2: a glibc floor (2.31) is for glibc targets; linux/amd64 (musl) uses musl"
release_bad '{ target = "linux/amd64", glibc = "2.17" }' "no Debian release has glibc 2.17 for linux/amd64"
expect_contains "$(cat "$WORK/err")" "2.31 (bullseye), 2.36 (bookworm), 2.41 (trixie)"
release_bad '{ target = "linux/amd64", link = "libc-dynamic" }' \
  "libc-dynamic keeps glibc dynamic; linux/amd64 (musl) links musl statically only"
release_bad '{ target = "linux/amd64", libc = "glibc", link = "dynamic" }' "unknown link mode 'dynamic'"
release_bad '{ target = "linux/amd64", glibc = "2.31" }, "x86_64-linux-gnu.2.31"' \
  "linux/amd64 (glibc 2.31) is listed twice"
release_project make "$WORK/good" '"linux/amd64"'
for bad in linux/amd64:musl2.31 linux/amd64:glibc2.28 linux/amd64:libc-dynamic; do
  [ "$(exit_of "$XSTATIC" release -f "$WORK/good/xstatic-release.toml" --version 1.0.0 --targets "$bad")" = 2 ] ||
    fail "--targets $bad was not a usage error: $(cat "$WORK/err")"
done
expect_contains "$(cat "$WORK/err")" "libc-dynamic keeps glibc dynamic"
echo "ok: bad floors and link modes refused (exit 2)"

"$XSTATIC" -q sysroot install linux/amd64 --glibc 2.31 >/dev/null || fail "cannot install the 2.31 sysroot"
need_sysroot linux/amd64 glibc
floor_sysroot=$XSTATIC_HOME/sysroots/amd64-glibc-2.31

# --- Two floors of linux/amd64 in one release: 2.31 libc-dynamic, the default glibc static.
release_project make "$WORK/mk" \
  '{ target = "linux/amd64", glibc = "2.31", link = "libc-dynamic" }, { target = "linux/amd64", libc = "glibc" }'
# With an image: the static target's binaries only (a libc-dynamic one needs the system's glibc).
printf '\n[image]\nrepository = "example.org/greet"\n' >>"$WORK/mk/xstatic-release.toml"
git_commit_tag "$WORK/mk" v1.0.0
start=$SECONDS
(cd "$WORK/mk" && "$XSTATIC" release -j 2 --json >"$WORK/summary.json" 2>"$WORK/progress") ||
  fail "the release failed: $(cat "$WORK/progress")"
echo "release of two glibc floors: $((SECONDS - start)) s"
cat "$WORK/progress"
expect_contains "$(cat "$WORK/progress")" "[1/2] linux/amd64 (glibc 2.31, libc-dynamic): ok in"
expect_contains "$(cat "$WORK/progress")" "verified: glibc 2.31 or newer, amd64, stripped"
expect_contains "$(cat "$WORK/progress")" "[2/2] linux/amd64 (glibc): ok in"
expect_contains "$(cat "$WORK/progress")" \
  "image: no container image for linux/amd64 (glibc 2.31, libc-dynamic) (its binaries need the system's glibc"
dist=$WORK/mk/dist
floor=$dist/greet_1.0.0_linux_amd64_glibc2.31
plain=$dist/greet_1.0.0_linux_amd64_glibc
for f in "$floor.tar.gz" "$floor.debug.tar.gz" "$floor.sbom.spdx.json" "$plain.tar.gz" "$plain.sbom.spdx.json"; do
  [ -f "$f" ] || fail "no $(basename "$f") in $(ls "$dist")"
done
(cd "$dist" && sha256sum -c --quiet greet_1.0.0_checksums.txt) || fail "checksums do not match"
check_artifacts_json "$dist"

# The floor's binary: glibc dynamic, nothing else, no symbol version above 2.31.
mkdir -p "$WORK/x-floor" "$WORK/x-plain"
tar xzf "$floor.tar.gz" -C "$WORK/x-floor"
tar xzf "$plain.tar.gz" -C "$WORK/x-plain"
app=$WORK/x-floor/app
python3 - "$("$XSTATIC" inspect --json "$app")" <<'PY' || fail "the 2.31 app is not libc-dynamic at 2.31"
import json, sys
r = json.loads(sys.argv[1])[0]
assert r["linkage"] == "dynamic", r["linkage"]
assert r["interpreter"] == "/lib64/ld-linux-x86-64.so.2", r["interpreter"]
assert r["needed"] == ["libc.so.6"], r["needed"]
# bookworm's libc would give __libc_start_main@GLIBC_2.34 to every program.
assert [int(x) for x in r["glibc_max"].split(".")] <= [2, 31], r["glibc_max"]
PY
"$XSTATIC" verify --max-glibc 2.31 --stripped "$app" >/dev/null || fail "the 2.31 app fails verify --max-glibc 2.31"
"$XSTATIC" verify --static --target linux/amd64 "$WORK/x-plain/app" >/dev/null ||
  fail "the default glibc target's app is not static"
# It runs here (a newer glibc) and on bullseye's own loader and libc (from the floor sysroot).
[ "$("$app" here)" = "hello, here (greet 1.0)" ] || fail "the 2.31 app printed: $("$app" here)"
got=$("$floor_sysroot/lib64/ld-linux-x86-64.so.2" --library-path "$floor_sysroot/lib/x86_64-linux-gnu" "$app" bullseye)
[ "$got" = "hello, bullseye (greet 1.0)" ] || fail "on bullseye's glibc the app printed: $got"
echo "ok: the 2.31 archive's app needs only libc.so.6 and runs on glibc 2.31: $got"

# The floor is recorded where targets are: artifacts.json, the summary, the SBOM.
python3 - "$dist/artifacts.json" "$WORK/summary.json" <<'PY' || fail "artifacts.json or the summary lacks the floor"
import json, sys
arts = {a["name"]: a for a in json.load(open(sys.argv[1]))["artifacts"]}
f = arts["greet_1.0.0_linux_amd64_glibc2.31.tar.gz"]
assert (f["libc"], f["glibc"], f["link"]) == ("glibc", "2.31", "libc-dynamic"), f
p = arts["greet_1.0.0_linux_amd64_glibc.tar.gz"]
assert (p["libc"], p["glibc"], p["link"]) == ("glibc", "2.36", "static"), p
c = arts["greet_1.0.0_checksums.txt"]
assert c["glibc"] is None and c["link"] is None, c
targets = json.load(open(sys.argv[2]))["targets"]
assert [(t["target"], t["glibc"], t["link"]) for t in targets] == [
    ("linux/amd64", "2.31", "libc-dynamic"), ("linux/amd64", "2.36", "static")], targets
PY
python3 - "$dist/greet_1.0.0.oci.tar" "$WORK/x-plain/app" <<'PY' || fail "the image does not hold exactly the static target's app"
import json, tarfile, sys
layout = tarfile.open(sys.argv[1])
files = {m.name: layout.extractfile(m).read() for m in layout.getmembers() if m.isfile()}
blob = lambda d: files["blobs/sha256/" + d["digest"].split(":")[1]]
index = json.loads(blob(json.loads(files["index.json"])["manifests"][0]))
assert len(index["manifests"]) == 1, index  # one linux/amd64 image, not two
manifest = json.loads(blob(index["manifests"][0]))
layer = tarfile.open(fileobj=__import__("io").BytesIO(blob(manifest["layers"][0])))
app = layer.extractfile("app").read()
assert app == open(sys.argv[2], "rb").read(), "the image's app is not the static target's"
PY
check_sbom "$floor.sbom.spdx.json" "$floor_sysroot/manifest.json"
python3 - "$floor.sbom.spdx.json" <<'PY' || fail "the 2.31 SBOM does not name the floor or bullseye's libc6-dev"
import json, sys
sbom = json.load(open(sys.argv[1]))
comment = sbom["creationInfo"]["comment"]
assert "linux/amd64 (glibc 2.31), libc-dynamic" in comment, comment
libc6 = [p for p in sbom["packages"] if p["name"] == "libc6-dev"]
assert libc6 and libc6[0]["versionInfo"].startswith("2.31-"), libc6
PY
echo "ok: the floor and link mode are in artifacts.json, the summary and the SBOM"

# --- A build that ignores $CC and links against bookworm's glibc (2.36):
# the release's own verification stops it, naming the symbol above 2.31.
# (--targets picks the floor; the link mode comes from its spelling.)
mkdir -p "$WORK/cmd"
cat >"$WORK/cmd/cr.c" <<'C'
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
int main(void) { printf("%d\n", close_range(100, 200, 0)); return 0; }
C
cat >"$WORK/cmd/build.sh" <<SH
set -e
# \$CC is $XSTATIC's launcher for the floor; this script uses bookworm's sysroot instead.
"$XSTATIC" cc --target linux/amd64 --libc glibc "\$XSTATIC_SOURCE_DIR/cr.c" -o "\$XSTATIC_BUILD_DIR/cr"
SH
cat >"$WORK/cmd/xstatic-release.toml" <<TOML
name = "cr"
version = "1.0.0"
targets = ["linux/amd64"]
binaries = ["cr"]

[command]
run = ["sh", "$WORK/cmd/build.sh"]
TOML
rc=0
"$XSTATIC" release -f "$WORK/cmd/xstatic-release.toml" --targets linux/amd64:glibc2.31:libc-dynamic \
  >/dev/null 2>"$WORK/err" || rc=$?
[ "$rc" = 1 ] || fail "a release needing glibc 2.34 at floor 2.31 exited $rc: $(cat "$WORK/err")"
expect_contains "$(cat "$WORK/err")" "release stopped: cr for linux/amd64 (glibc 2.31, libc-dynamic) failed verification"
expect_contains "$(cat "$WORK/err")" "close_range@GLIBC_2.34"
[ ! -e "$WORK/cmd/dist" ] || fail "the stopped release left a dist folder"
# The same script's link was libc-dynamic (XSTATIC_LINK from the release), not static.
python3 - "$("$XSTATIC" inspect --json "$WORK/cmd/.xstatic/release/linux_amd64_glibc2.31/cr")" <<'PY' ||
import json, sys
r = json.loads(sys.argv[1])[0]
assert r["linkage"] == "dynamic" and r["needed"] == ["libc.so.6"], r
PY
  fail "the script's link did not take the release's link mode"
echo "ok: a binary needing glibc 2.34 stops a 2.31 release, naming close_range@GLIBC_2.34"
