# A release that names its packages: examples/https-client released for
# linux/arm64 with `packages = ["curl", "sqlite3"]` in its release file. The
# packages are installed before the build; the SPDX SBOM of the archive
# lists curl, openssl, nghttp2, zlib and sqlite3 with their Debian versions,
# licences and purls; the summary shows the licences; a release file that
# refuses a licence one of them carries stops before building (exit 1).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
. "$SRC/tests/integration/lib/pkg.sh"
need git
need cmake
need make
need perl
t=linux/arm64
pkg_need "$t" curl sqlite3

cp -r "$SRC/examples/https-client" proj
echo "MIT License" >proj/LICENSE
cat >proj/xstatic-release.toml <<'TOML'
name = "https-client"
targets = ["linux/arm64"]
binaries = ["https-client"]
extra_files = ["LICENSE"]
packages = ["curl", "sqlite3"]

[cmake]
targets = ["https-client"]
TOML
git_commit_tag proj v1.0.0
(cd proj && "$XSTATIC" release --json >../summary.json 2>../release.err) ||
  fail "the release failed: $(cat release.err)"
sbom=proj/dist/https-client_1.0.0_linux_arm64.sbom.spdx.json
[ -f "$sbom" ] || fail "no SBOM: $(ls proj/dist)"
python3 - "$sbom" summary.json <<'PY' || fail "the SBOM or the summary does not list the packages"
import json, sys
sbom = json.load(open(sys.argv[1]))
pkgs = {p["name"]: p for p in sbom["packages"] if p["SPDXID"].startswith("SPDXRef-Pkg-")}
want = {"curl": "curl", "openssl": "Apache-2.0", "nghttp2": "MIT", "zlib": "Zlib", "sqlite3": "blessing"}
for name, lic in want.items():
    p = pkgs.get(name)
    assert p, f"{name} is not in the SBOM: {sorted(pkgs)}"
    assert p["licenseDeclared"] == lic, (name, p["licenseDeclared"])
    assert p["versionInfo"], name
    refs = [r["referenceLocator"] for r in p.get("externalRefs", [])]
    assert any(r.startswith(f"pkg:deb/debian/{name}@" + p["versionInfo"]) for r in refs), (name, refs)
rels = {(r["spdxElementId"], r["relationshipType"], r["relatedSpdxElement"]) for r in sbom["relationships"]}
assert any(t == "DEPENDS_ON" and o == "SPDXRef-Pkg-curl" for _, t, o in rels), rels
# What the link itself took (lld --why-extract): the binary links each package.
for name in want:
    assert ("SPDXRef-File-https-client", "STATIC_LINK", f"SPDXRef-Pkg-{name}") in rels, (name, rels)
summary = json.load(open(sys.argv[2]))
names = {p["name"]: p["license"] for p in summary["targets"][0]["packages"]}
assert names == want, names
PY
# The binary in the archive is static and runs.
mkdir x && tar -xzf proj/dist/https-client_1.0.0_linux_arm64.tar.gz -C x
check_static_bin() { "$XSTATIC" verify "$1" --target "$t" --static >/dev/null || fail "$1 is not static"; }
check_static_bin x/https-client
out=$(pkg_run "$t" x/https-client) || fail "the released binary does not run: $out"
expect_contains "$out" "OpenSSL"

# Refused licences stop the release before anything is built.
sed -i 's/^packages = .*/&\nrefuse_licenses = ["Apache-2.0"]/' proj/xstatic-release.toml
rc=0
(cd proj && "$XSTATIC" release --snapshot --dist ../dist2 >/dev/null 2>../refused.err) || rc=$?
[ "$rc" = 1 ] || fail "a refused licence exited $rc, not 1: $(cat refused.err)"
expect_contains "$(cat refused.err)" "openssl is licensed Apache-2.0"
[ ! -e dist2 ] || fail "a refused release wrote a dist folder"
echo "ok: the release's SBOM and summary name every package with its licence"
