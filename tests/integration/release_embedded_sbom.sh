#!/usr/bin/env bash
# The SBOM inside released binaries: a shipped (stripped) C++ binary names
# musl-dev and libc++ with their versions; the Make example's names its own
# libgreet.a with the SHA-256 of the archive it linked; `embed_sbom = false`
# in the release file leaves none.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need make
need python3
need_sysroot linux/amd64

sbom_of() { # archive binary -> the "sbom" object of inspect --json on the shipped binary, as JSON
  rm -rf "$WORK/x" && mkdir -p "$WORK/x" && tar xzf "$1" -C "$WORK/x"
  "$XSTATIC" inspect --json "$WORK/x/$2" | python3 -c '
import json, sys
r = json.load(sys.stdin)[0]
assert r["stripped"], "the shipped binary is not stripped"
print(json.dumps(r["sbom"]))'
}
version_in() { # manifest package
  python3 -c '
import json, sys
print([p["version"] for p in json.load(open(sys.argv[1]))["packages"] if p["name"] == sys.argv[2]][0])' "$@"
}

# C++ (a [command] build of one file: the CMake example would triple the
# suite's time): musl-dev and libc++ with versions, in the stripped binary.
mkdir -p "$WORK/cxx"
printf '#include <iostream>\nint main() { std::cout << "hello\\n"; }\n' >"$WORK/cxx/hello.cpp"
release_cxx_hello "$WORK/cxx"
(cd "$WORK/cxx" && "$XSTATIC" -q release --version 1.0.0 -j 2 >/dev/null)
sbom=$(sbom_of "$WORK/cxx/dist/hello_1.0.0_linux_amd64.tar.gz" hello)
musl=$(version_in "$XSTATIC_HOME/sysroots/amd64-musl/manifest.json" musl-dev)
libcxx=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' \
  "$(libcxx_dir amd64-musl)/manifest.json")
python3 - "$sbom" "$musl" "$libcxx" <<'PY'
import json, sys
s, musl, libcxx = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
assert s and s["target"] == "linux/amd64" and s["libc"] == "musl", s
assert {"name": "musl-dev", "version": musl} in s["packages"], s["packages"]
assert {"name": "libc++", "version": libcxx} in s["runtimes"], s["runtimes"]
PY
text=$("$XSTATIC" inspect "$WORK/x/hello")
expect_contains "$text" "package     musl-dev $musl (Debian)"
expect_contains "$text" "runtime     libc++ $libcxx"
echo "ok: released C++ binary: musl-dev $musl, libc++ $libcxx"

# C (Make): the project's own libgreet.a, by its path in the build folder and its digest.
release_project make "$WORK/c" '"linux/amd64"'
(cd "$WORK/c" && "$XSTATIC" -q release --version 1.0.0 -j 2 >/dev/null)
digest=$(sha256sum "$WORK/c/.xstatic/release/linux_amd64/libgreet.a" | cut -d' ' -f1)
sbom=$(sbom_of "$WORK/c/dist/greet_1.0.0_linux_amd64.tar.gz" app)
python3 - "$sbom" "$digest" <<'PY'
import json, sys
s, digest = json.loads(sys.argv[1]), sys.argv[2]
assert s["archives"] == [{"path": "libgreet.a", "sha256": digest}], s["archives"]
PY
echo "ok: released C binary lists libgreet.a $digest"

# embed_sbom = false: none.
sed -i '1i embed_sbom = false' "$WORK/c/xstatic-release.toml"
(cd "$WORK/c" && "$XSTATIC" -q release --version 1.0.0 -j 2 >/dev/null)
[ "$(sbom_of "$WORK/c/dist/greet_1.0.0_linux_amd64.tar.gz" app)" = null ] || fail "embed_sbom = false left an SBOM"
echo "ok: embed_sbom = false leaves none"
