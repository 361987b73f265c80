#!/usr/bin/env bash
# Container images from `xstatic release` ([image] in the release file), no
# Dockerfile: the Make example released for linux/amd64 and linux/arm64
# gives one oci-archive with a multi-platform index; each platform's image
# has one layer holding exactly the binary (root-owned, 0755) and the
# image's extra file; every blob matches its digest; the config has the
# entrypoint, the user and the platform; a second checkout gives the same
# bytes; podman (Debian's, with a storage of the suite's own, no network)
# loads the archive and runs the amd64 image. The arm64 image is run only
# where a qemu-aarch64 binfmt handler is registered (said at the start).
# Bad [image] sections are refused before any build (exit 2).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need make
need git
need python3
need podman
need runc
need_sysroot linux/amd64
need_sysroot linux/arm64
[ "$(id -u)" = 0 ] || skip "podman runs images here as root; run the suite as root"
if [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then run_arm64=1; else
  run_arm64=0
  echo "note: no qemu-aarch64 binfmt handler registered: the arm64 image is checked but not run"
fi

release_project make "$WORK/mk" "$REL_TARGETS_LINUX"
echo "listen: 8080" >"$WORK/mk/greet.yaml"
cat >>"$WORK/mk/xstatic-release.toml" <<'TOML'

[image]
repository = "example.org/greet"
tags = ["{version}", "latest"]
entrypoint = ["/app", "image"]
extra_files = ["greet.yaml"]
TOML
git_commit_tag "$WORK/mk" v1.4.0
git clone -q "$WORK/mk" "$WORK/mk2"
(cd "$WORK/mk" && "$XSTATIC" release --json >"$WORK/summary.json" 2>"$WORK/progress") ||
  fail "the release failed: $(cat "$WORK/progress")"
oci=$WORK/mk/dist/greet_1.4.0.oci.tar
[ -f "$oci" ] || fail "no oci-archive in $(ls "$WORK/mk/dist")"
(cd "$WORK/mk/dist" && sha256sum -c greet_1.4.0_checksums.txt >/dev/null) || fail "checksums do not cover the image"
check_artifacts_json "$WORK/mk/dist"

python3 - "$oci" "$WORK/summary.json" <<'PY' || fail "the image layout is not what it should be"
import gzip, hashlib, io, json, sys, tarfile
layout = tarfile.open(sys.argv[1])
files = {m.name: layout.extractfile(m).read() for m in layout.getmembers() if m.isfile()}
assert json.loads(files["oci-layout"]) == {"imageLayoutVersion": "1.0.0"}
def blob(d):
    data = files["blobs/sha256/" + d["digest"].split(":")[1]]
    assert hashlib.sha256(data).hexdigest() == d["digest"].split(":")[1] and len(data) == d["size"], d
    return data
for name, data in files.items():
    if name.startswith("blobs/sha256/"):
        assert hashlib.sha256(data).hexdigest() == name.rsplit("/", 1)[1], name
top = json.loads(files["index.json"])
assert len(top["manifests"]) == 1, top
entry = top["manifests"][0]
assert entry["annotations"]["org.opencontainers.image.ref.name"] == "example.org/greet:1.4.0", entry
index = json.loads(blob(entry))
assert index["mediaType"] == "application/vnd.oci.image.index.v1+json"
platforms = sorted(m["platform"]["architecture"] for m in index["manifests"])
assert platforms == ["amd64", "arm64"], platforms
for m in index["manifests"]:
    manifest = json.loads(blob(m))
    config = json.loads(blob(manifest["config"]))
    assert config["architecture"] == m["platform"]["architecture"] and config["os"] == "linux", config
    assert config["config"]["Entrypoint"] == ["/app", "image"], config
    assert config["config"]["User"] == "65534:65534", config
    assert len(manifest["layers"]) == 1, manifest
    raw = gzip.decompress(blob(manifest["layers"][0]))
    assert config["rootfs"]["diff_ids"] == ["sha256:" + hashlib.sha256(raw).hexdigest()], config["rootfs"]
    layer = tarfile.open(fileobj=io.BytesIO(raw))
    entries = {t.name: t for t in layer.getmembers()}
    assert sorted(entries) == ["app", "greet.yaml"], sorted(entries)
    assert entries["app"].mode == 0o755 and entries["app"].uid == 0 and entries["greet.yaml"].mode == 0o644
    head = layer.extractfile("app").read(20)
    machine = int.from_bytes(head[18:20], "little")
    assert machine == {"amd64": 62, "arm64": 183}[config["architecture"]], machine
summary = json.load(open(sys.argv[2]))["image"]
assert summary["refs"] == ["example.org/greet:1.4.0", "example.org/greet:latest"], summary
assert summary["digest"] == entry["digest"], (summary, entry)
print("image ok:", entry["digest"], platforms)
PY

# The same commit from another checkout: the same image, byte for byte.
(cd "$WORK/mk2" && "$XSTATIC" -q release >/dev/null 2>"$WORK/progress2") || fail "second release: $(cat "$WORK/progress2")"
cmp "$oci" "$WORK/mk2/dist/greet_1.4.0.oci.tar" || fail "two checkouts gave different images"
echo "ok: the image is reproducible"

# podman, with a storage of this suite's own (nothing of the machine's is touched).
pod=(podman --runtime runc --cgroup-manager cgroupfs --root "$WORK/containers" --runroot "$WORK/run"
  --storage-driver vfs)
cleanup_podman() { timeout 60 "${pod[@]}" rmi -a -f >/dev/null 2>&1 || true; } # clean-up after the verdict
trap 'cleanup_podman; stop_suite_sccache; rm -rf "$WORK"' EXIT
out=$(timeout 300 "${pod[@]}" load -i "$oci" 2>&1) || fail "podman load failed: $out"
expect_contains "$out" "example.org/greet:1.4.0"
run_opts=(--rm --network=none --ulimit nofile=4096:4096 --ulimit nproc=4096:4096)
out=$(timeout 120 "${pod[@]}" run "${run_opts[@]}" example.org/greet:1.4.0 2>&1) || fail "podman run failed: $out"
[ "$out" = "hello, image (greet 1.0)" ] || fail "the amd64 image printed: $out"
layers=$(timeout 60 "${pod[@]}" image inspect example.org/greet:1.4.0 --format '{{len .RootFS.Layers}} {{.Config.User}}')
[ "$layers" = "1 65534:65534" ] || fail "podman sees: $layers"
if [ "$run_arm64" = 1 ]; then
  out=$(timeout 300 "${pod[@]}" --override-arch arm64 load -i "$oci" 2>&1) || fail "podman load (arm64) failed: $out"
  out=$(timeout 120 "${pod[@]}" run "${run_opts[@]}" --arch arm64 example.org/greet:1.4.0 2>&1) || fail "arm64 run: $out"
  [ "$out" = "hello, image (greet 1.0)" ] || fail "the arm64 image printed: $out"
fi
echo "ok: podman loads and runs the image"

# Bad [image] sections: exit 2 before any build, naming the line.
bad() { # expected-message toml-lines...
  local want=$1 rc=0
  shift
  mkdir -p "$WORK/bad" && cp "$WORK/mk/xstatic-release.toml" "$WORK/bad/" && cp -r "$SRC/examples/makefile-project/src" "$WORK/bad/" 2>/dev/null
  sed -i '/^\[image\]/,$d' "$WORK/bad/xstatic-release.toml"
  sed -i '/^extra_files/d' "$WORK/bad/xstatic-release.toml"
  printf '%s\n' "[image]" "$@" >>"$WORK/bad/xstatic-release.toml"
  (cd "$WORK/bad" && "$XSTATIC" release --snapshot >/dev/null 2>"$WORK/bad.err") || rc=$?
  [ "$rc" = 2 ] || fail "[image] $* exited $rc: $(cat "$WORK/bad.err")"
  expect_contains "$(cat "$WORK/bad.err")" "$want"
  [ ! -d "$WORK/bad/dist" ] || fail "a refused release wrote dist/"
}
bad "not an image name" 'repository = "Example.org/Greet"'
bad "has no 'repository'" 'tags = ["x"]'
bad "is not one of 'binaries'" 'repository = "example.org/greet"' 'binaries = ["nope"]'
bad "not an image tag" 'repository = "example.org/greet"' 'tags = ["bad tag"]'
bad "unknown key 'entrypiont'" 'repository = "example.org/greet"' 'entrypiont = ["/app"]'
echo "ok: bad [image] sections refused"
