# Every package recipe, built for linux/amd64 and linux/arm64 (musl) from
# Debian's source, and its smoke program (programs/pkg/<recipe>.c) linked
# with nothing but -l<its first library>, verified static, and run (arm64
# under qemu-user). Then the compression libraries and SQLite on s390x, a
# big-endian machine. Adding a recipe without a smoke program fails here.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/pkg.sh"
need make
need cmake
need perl
need qemu-aarch64-static

mapfile -t recipes < <("$XSTATIC" pkg recipes --json | python3 -c '
import json, sys
for r in json.load(sys.stdin): print(r["name"], r["libs"][0])')
[ "${#recipes[@]}" -ge 5 ] || fail "only ${#recipes[@]} recipes listed"

smoke() { # target recipe lib
  local t=$1 name=$2 lib=$3 out
  [ -f "$PKG_PROGRAMS/$name.c" ] || fail "the $name recipe has no smoke program ($PKG_PROGRAMS/$name.c)"
  pkg_build "$t" "$name" "$name-$(echo "$t" | tr / -)" "-l$lib"
  out=$(pkg_run "$t" "./$name-$(echo "$t" | tr / -)") || fail "$name's smoke program failed on $t: $out"
  expect_contains "$out" " ok"
  echo "$t: $out"
}

for t in linux/amd64 linux/arm64; do
  names=()
  for r in "${recipes[@]}"; do names+=("${r%% *}"); done
  pkg_need "$t" "${names[@]}"
  for r in "${recipes[@]}"; do smoke "$t" "${r%% *}" "${r##* }"; done
done

# Big-endian: the compression libraries and SQLite.
if command -v qemu-s390x-static >/dev/null; then
  pkg_need linux/s390x zlib sqlite3
  smoke linux/s390x zlib z
  smoke linux/s390x sqlite3 sqlite3
else
  echo "note: qemu-s390x-static is not installed; the s390x part was not run"
fi

# What went in is recorded: each package's manifest names its Debian
# version, licence and every file's digest, and `pkg list --json` shows it.
list=$("$XSTATIC" pkg list linux/arm64 --json)
for r in "${recipes[@]}"; do expect_contains "$list" "\"name\": \"${r%% *}\""; done
expect_contains "$list" '"license": "Apache-2.0"'
echo "ok: ${#recipes[@]} recipes built and run on amd64 and arm64"
