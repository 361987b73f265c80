# Packages for glibc targets: the same recipes built against the glibc
# sysroot (pkg/<arch>-glibc, beside and apart from the musl ones), each smoke
# program linked static with glibc, verified and run (arm64 under qemu-user).
# The musl and glibc builds of a package never mix: a glibc link sees only
# the glibc folder.
#
# CI builds zlib, bzip2, zstd, lz4 and SQLite (with -lm from its manifest,
# which glibc keeps apart from libc) for linux/amd64 and zlib for
# linux/arm64; XSTATIC_PKG_MATRIX=full (scripts/pkg-matrix.sh) adds xz (its
# configure alone takes two minutes), OpenSSL and curl for both, every other
# recipe for amd64 (C++ ones linked with libstdc++), and the compression
# libraries for arm64.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/pkg.sh"
need make
need cmake
need perl
need qemu-aarch64-static
export PKG_LIBC=glibc

run_smoke() { # target name lib
  local t=$1 name=$2 lib=$3 out bin
  bin=$name-$(echo "$t" | tr / -)-glibc
  local flags=()
  [ "$lib" = - ] || flags=("-l$lib")  # "-": header-only (nlohmann-json)
  case $name in curl | libevent | googletest) export PKG_ALLOW_HAZARDS=1 ;; *) export PKG_ALLOW_HAZARDS=0 ;; esac
  pkg_build "$t" "$name" "$bin" "${flags[@]}"
  "$XSTATIC" inspect "$bin" --json | grep -q '"libc": "glibc"' || fail "$bin is not a glibc binary"
  out=$(pkg_run "$t" "./$bin" 2>&1) || fail "$name's smoke program failed on $t (glibc): $out"
  expect_contains "$out" " ok"
  echo "$t glibc: $out"
}

small=(zlib:z bzip2:bz2 zstd:zstd lz4:lz4 sqlite3:sqlite3)
declare -A plan=([linux/amd64]="${small[*]}" [linux/arm64]="zlib:z")
if [ "${XSTATIC_PKG_MATRIX:-}" = full ]; then
  plan[linux/amd64]+=" xz:lzma curl:curl expat:expat libxml2:xml2 libyaml:yaml libffi:ffi libsodium:sodium"
  plan[linux/amd64]+=" pcre2:pcre2-posix libuv:uv libevent:event fmt:fmt spdlog:spdlog googletest:gtest"
  plan[linux/amd64]+=" nlohmann-json:-"
  plan[linux/arm64]="${small[*]} xz:lzma curl:curl"
else
  echo "note: xz, OpenSSL and curl (both targets), the other recipes on linux/amd64 and the other compression libraries on linux/arm64 (glibc) are left to XSTATIC_PKG_MATRIX=full (scripts/pkg-matrix.sh)"
fi
for t in linux/amd64 linux/arm64; do
  read -r -a entries <<<"${plan[$t]}"
  names=()
  for e in "${entries[@]}"; do names+=("${e%%:*}"); done
  pkg_need "$t" "${names[@]}"
  for e in "${entries[@]}"; do run_smoke "$t" "${e%%:*}" "${e##*:}"; done
  # Apart from musl's: the glibc folder, with glibc's sysroot in each manifest.
  list=$("$XSTATIC" pkg list "$t" --libc glibc --json)
  expect_contains "$list" "/pkg/${t#linux/}-glibc/"
done
echo "ok: packages built for glibc on linux/amd64 and linux/arm64"
