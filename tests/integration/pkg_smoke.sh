# Every package recipe, built for linux/amd64 and linux/arm64 (musl) from
# Debian's source, and its smoke program (programs/pkg/<recipe>.c, or .cpp
# for a C++ library, linked with libc++) linked with nothing but
# -l<its first library> (nothing for a header-only one), verified static,
# and run (arm64 under qemu-user). Then zlib on s390x, a big-endian machine (the other
# compression libraries and SQLite there too in the full matrix). Adding a
# recipe without a smoke program fails here.
#
# CI builds every recipe for linux/arm64 (cross-compiled, run under qemu:
# the harder path) but the eight whose autoreconf and configure scripts take
# minutes ($full_only below), and for linux/amd64 the ones that build in seconds
# ($ci_amd64); XSTATIC_PKG_MATRIX=full (scripts/pkg-matrix.sh) builds every
# recipe for both (OpenSSL and curl included) and adds linux/arm/v7.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/pkg.sh"
need make
need cmake
need perl
need qemu-aarch64-static

mapfile -t recipes < <("$XSTATIC" pkg recipes --json | python3 -c '
import json, sys
for r in json.load(sys.stdin): print(r["name"], r["libs"][0] if r["libs"] else "-")')
[ "${#recipes[@]}" -ge 5 ] || fail "only ${#recipes[@]} recipes listed"

smoke() { # target recipe lib ("-": a header-only library, nothing to link)
  local t=$1 name=$2 lib=$3 out
  [ -f "$PKG_PROGRAMS/$name.c" ] || [ -f "$PKG_PROGRAMS/$name.cpp" ] ||
    fail "the $name recipe has no smoke program ($PKG_PROGRAMS/$name.c or .cpp)"
  local flags=()
  [ "$lib" = - ] || flags=("-l$lib")
  pkg_build "$t" "$name" "$name-$(echo "$t" | tr / -)" "${flags[@]}"
  out=$(pkg_run "$t" "./$name-$(echo "$t" | tr / -)") || fail "$name's smoke program failed on $t: $out"
  expect_contains "$out" " ok"
  echo "$t: $out"
}

# The recipes that need OpenSSL (itself included), from each recipe's requirements.
mapfile -t with_ssl < <("$XSTATIC" pkg recipes --json | python3 -c '
import json, sys
rs = {r["name"]: r for r in json.load(sys.stdin)}
def needs(n): return n == "openssl" or any(needs(d) for d in rs[n]["requires"])
for n in rs:
    if needs(n): print(n)')
# Seconds each on 2 cores (the others take one to four minutes: configure
# scripts, autoreconf, libsodium's many files).
ci_amd64=(zlib bzip2 xz zstd lz4 sqlite3 nghttp2 pcre2 fmt nlohmann-json googletest)
# One to four minutes each on 2 cores (autoreconf and long configure scripts,
# libsodium's many files): ten minutes of CI's 45 together. libxml2, libffi
# and libuv (autoreconf, about a minute each under CI's load) too: xz and
# sqlite3 keep the autotools path in CI, and no other suite needs those three.
full_only=(expat libyaml libsodium libevent spdlog libxml2 libffi libuv)
targets=(linux/arm64 linux/amd64)
[ "${XSTATIC_PKG_MATRIX:-}" = full ] && targets+=(linux/arm/v7)
for t in "${targets[@]}"; do
  names=()
  for r in "${recipes[@]}"; do
    name=${r%% *}
    if [ "${XSTATIC_PKG_MATRIX:-}" != full ] && printf '%s\n' "${full_only[@]}" | grep -qx "$name"; then
      echo "note: $name is left to XSTATIC_PKG_MATRIX=full (scripts/pkg-matrix.sh)"
      continue
    fi
    if [ "$t" != linux/arm64 ] && [ "${XSTATIC_PKG_MATRIX:-}" != full ] &&
      { printf '%s\n' "${with_ssl[@]}" | grep -qx "$name" || ! printf '%s\n' "${ci_amd64[@]}" | grep -qx "$name"; }; then
      echo "note: $name on $t is left to XSTATIC_PKG_MATRIX=full (scripts/pkg-matrix.sh)"
      continue
    fi
    names+=("$name")
  done
  need_sysroot "$t" || fail "cannot install the sysroot for $t"
  pkg_need "$t" "${names[@]}"
  for r in "${recipes[@]}"; do
    printf '%s\n' "${names[@]}" | grep -qx "${r%% *}" && smoke "$t" "${r%% *}" "${r##* }"
  done
  # Reproducible from any store: no archive or .pc names the store (the
  # driver maps it to /xstatic in debug info, the build's source folder is
  # /usr/src/<source>; OpenSSL's `version -f` string is written without paths).
  store=$(cd "$XSTATIC_HOME" && pwd -P)
  for name in "${names[@]}"; do
    dir=$("$XSTATIC" pkg list --json | python3 -c '
import json, sys
for p in json.load(sys.stdin):
    if p["name"] == sys.argv[1] and p["target"] == sys.argv[2] and p["sysroot"].endswith("-musl"):
        print(p["path"])
        break' "$name" "$t")
    [ -d "$dir" ] || fail "pkg list --json has no path for $name on $t"
    # grep -l exits 1 when no file names the path: the answer wanted; 2 (unreadable) fails.
    leaks=$(grep -rlF --exclude=build.log --exclude=manifest.json "$store" "$dir") || [ $? = 1 ] ||
      fail "cannot read $dir"
    [ -z "$leaks" ] || fail "$name for $t names the store's path ($store) in: $leaks"
  done
done

# Big-endian: zlib in CI; the other compression libraries and SQLite too
# with XSTATIC_PKG_MATRIX=full (SQLite's amalgamation alone takes minutes).
if command -v qemu-s390x-static >/dev/null; then
  need_sysroot linux/s390x || fail "cannot install the sysroot for linux/s390x"
  pkg_need linux/s390x zlib
  smoke linux/s390x zlib z
  if [ "${XSTATIC_PKG_MATRIX:-}" = full ]; then
    pkg_need linux/s390x bzip2 xz zstd lz4 sqlite3
    for r in bzip2:bz2 xz:lzma zstd:zstd lz4:lz4 sqlite3:sqlite3; do smoke linux/s390x "${r%%:*}" "${r##*:}"; done
  else
    echo "note: bzip2, xz, zstd, lz4 and sqlite3 on linux/s390x are left to XSTATIC_PKG_MATRIX=full (scripts/pkg-matrix.sh)"
  fi
else
  echo "note: qemu-s390x-static is not installed; the s390x part was not run"
fi

# What went in is recorded: each package's manifest names its Debian
# version, licence and every file's digest, and `pkg list --json` shows it.
list=$("$XSTATIC" pkg list linux/arm64 --json)
built=0
for r in "${recipes[@]}"; do
  name=${r%% *}
  if [ "${XSTATIC_PKG_MATRIX:-}" != full ] && printf '%s\n' "${full_only[@]}" | grep -qx "$name"; then continue; fi
  expect_contains "$list" "\"name\": \"$name\""
  built=$((built + 1))
done
expect_contains "$list" '"license": "Apache-2.0"'
echo "ok: $built of ${#recipes[@]} recipes built and run on ${targets[*]}"
