# Projects for the release_* suites (archives, debug, errors, reproducible);
# sourced after common.sh. A project with a release file, in a git
# repository with a tag, as a user would have them (release_project,
# git_commit_tag), and the checks of what `xstatic release` writes
# (check_artifacts_json, check_sbom).

REL_TARGETS_LINUX='"linux/amd64", "linux/arm64"'

have_mingw() {
  [ -f /usr/x86_64-w64-mingw32/include/stdio.h ] && ls /usr/lib/gcc/x86_64-w64-mingw32/*/libgcc.a >/dev/null 2>&1
}

git_commit_tag() { # dir tag
  git -C "$1" init -q
  git -C "$1" add -A
  git -C "$1" -c user.email=t@example.org -c user.name=test commit -qm "release test"
  git -C "$1" tag "$2"
}

# A copy of one of the examples' projects with a LICENSE and a release file:
# make, the Makefile project (C: greet + a static library), or cmake, the
# CMake project (C++ library, CLI and tests).
release_project() { # make|cmake dir targets-toml
  local example name binary extra build
  case $1 in
    make)
      example=makefile-project name=greet binary=app extra='"LICENSE", "README*"'
      build='[make]
args = ["app"]' ;;
    cmake)
      example=cmake-project name=wordstat binary=wordstat-cli extra='"LICENSE", "README.md"'
      build='[cmake]
targets = ["wordstat-cli"]' ;;
    *) fail "release_project: no example project of kind '$1' (make or cmake)" ;;
  esac
  cp -r "$SRC/examples/$example" "$2"
  echo "MIT License" >"$2/LICENSE"
  cat >"$2/xstatic-release.toml" <<TOML
name = "$name"
targets = [$3]
binaries = ["$binary"]
extra_files = [$extra]

$build
TOML
}

# artifacts.json lists exactly the files of the dist folder (but itself), with their sizes and sha256.
check_artifacts_json() { # dist
  python3 - "$1" <<'PY'
import hashlib, json, os, sys
dist = sys.argv[1]
doc = json.load(open(os.path.join(dist, "artifacts.json")))
listed = {a["name"]: a for a in doc["artifacts"]}
files = sorted(f for f in os.listdir(dist) if f != "artifacts.json")
assert sorted(listed) == files, (sorted(listed), files)
for name, a in listed.items():
    data = open(os.path.join(dist, name), "rb").read()
    assert a["size"] == len(data), name
    assert a["sha256"] == hashlib.sha256(data).hexdigest(), name
    assert a["kind"] in ("archive", "debug-archive", "sbom", "checksums", "image"), a
print("artifacts.json matches", len(files), "files")
PY
}

# The SBOM of an archive: valid SPDX 2.3 fields, the sysroot's Debian
# packages with the versions in its manifest.json, and the runtimes named.
check_sbom() { # sbom.json sysroot-manifest.json expected-runtime-or-empty
  python3 - "$@" <<'PY'
import json, sys
sbom = json.load(open(sys.argv[1]))
manifest = json.load(open(sys.argv[2]))
runtime = sys.argv[3] if len(sys.argv) > 3 else ""
for key in ("spdxVersion", "dataLicense", "SPDXID", "name", "documentNamespace", "creationInfo", "packages", "relationships"):
    assert key in sbom, key
assert sbom["spdxVersion"] == "SPDX-2.3" and sbom["SPDXID"] == "SPDXRef-DOCUMENT"
assert sbom["documentNamespace"].startswith("https://")
ids = {p["SPDXID"] for p in sbom["packages"]} | {f["SPDXID"] for f in sbom.get("files", [])} | {"SPDXRef-DOCUMENT"}
for r in sbom["relationships"]:
    assert r["spdxElementId"] in ids and r["relatedSpdxElement"] in ids, r
versions = {p["name"]: p.get("versionInfo") for p in sbom["packages"]}
for p in manifest["packages"]:
    assert versions.get(p["name"]) == p["version"], (p["name"], versions)
if runtime:
    assert runtime in versions, (runtime, versions)
    assert any(r["relationshipType"] == "STATIC_LINK" for r in sbom["relationships"])
print("sbom ok:", ", ".join(f"{k} {v or ''}".strip() for k, v in sorted(versions.items())))
PY
}

# A release file that builds DIR/hello.cpp (the caller writes it) for linux/amd64 with a
# [command] of one compile: a C++ release without a build system's cost.
release_cxx_hello() { # dir
  cat >"$1/xstatic-release.toml" <<'TOML'
name = "hello"
targets = ["linux/amd64"]
binaries = ["hello"]

[command]
run = ["sh", "-c", "$CXX $CXXFLAGS $LDFLAGS \"$XSTATIC_SOURCE_DIR/hello.cpp\" -o hello"]
TOML
}
