# Packages on every musl architecture of the table beyond amd64 and arm64
# (pkg_smoke has those and s390x): zlib built from Debian's source for each
# (32-bit x86, ARM v5 and v7, MIPS little-endian 32 and 64, POWER little
# endian), every archive member checked for the target's machine,
# its smoke program linked with -lz, verified static and run under the
# target's qemu-user through `xstatic run`.
#
# CI builds zlib (seconds per architecture); XSTATIC_PKG_MATRIX=full
# (scripts/pkg-matrix.sh) adds bzip2, xz, zstd, lz4 and SQLite on each.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/pkg.sh"
need make
need cmake

arches=(linux/386 linux/arm/v5 linux/arm/v7 linux/mips64le linux/mipsle linux/ppc64le)
libs=(zlib:z)
if [ "${XSTATIC_PKG_MATRIX:-}" = full ]; then
  libs+=(bzip2:bz2 xz:lzma zstd:zstd lz4:lz4 sqlite3:sqlite3)
else
  echo "note: bzip2, xz, zstd, lz4 and SQLite on these are left to XSTATIC_PKG_MATRIX=full (scripts/pkg-matrix.sh)"
fi
ran=0
for t in "${arches[@]}"; do
  runner=$("$XSTATIC" targets --json | python3 -c "
import json, sys
print(next(r['runner'] for r in json.load(sys.stdin) if r['name'] == '$t'))")
  if [ "$runner" != native ] && ! command -v "$runner" >/dev/null; then
    echo "note: $runner is not installed: $t was not run"
    continue
  fi
  names=()
  for l in "${libs[@]}"; do names+=("${l%%:*}"); done
  pkg_need "$t" "${names[@]}"
  for l in "${libs[@]}"; do
    bin=${l%%:*}-${t//\//-}
    pkg_build "$t" "${l%%:*}" "$bin" "-l${l##*:}"
    out=$("$XSTATIC" run --target "$t" "./$bin" 2>&1) || fail "${l%%:*}'s smoke program failed on $t: $out"
    expect_contains "$out" " ok"
    echo "$t: $out"
  done
  ran=$((ran + 1))
done
[ "$ran" -ge 5 ] || fail "only $ran of ${#arches[@]} architectures could run (qemu-user-static is in scripts/setup.sh)"
echo "ok: ${names[*]} on $ran architectures"
