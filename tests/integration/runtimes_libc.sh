#!/usr/bin/env bash
# xstatic's libc routines for musl links (--libc-routines, docs/libc.md):
# strlen, memchr, strchr, memcmp and qsort checked against references and against musl's own
# (tests/integration/programs/libc_routines.c: every alignment and length,
# a NUL before a PROT_NONE page, every input shape and element size,
# McIlroy's adversary, comparators that are no order), on linux/amd64
# natively (AVX2 when the CPU has it) and under qemu without AVX2 (SSE2),
# and on linux/arm64 under qemu; qsort again with malloc failing (the
# in-place fallback) and with no malloc linked (its buffer from mmap, and no
# allocator pulled in for its sake), also -static-pie; what `inspect` reports; that a program which reaches
# neither routine gets the same bytes; that a program's own qsort wins; the
# opt-out and its errors; glibc targets untouched.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/runtimes.sh"
need qemu-aarch64-static
need qemu-x86_64-static
need timeout
P=$SRC/tests/integration/programs

runtimes_need_sysroot linux/amd64
runtimes_need_sysroot linux/arm64
"$XSTATIC" runtimes build linux/amd64 linux/arm64 --runtime libc >build.out 2>build.err ||
  fail "runtimes build --runtime libc: $(cat build.err)"
expect_contains "$(cat build.out)" "linux/arm64 libc-routines"
expect_contains "$("$XSTATIC" runtimes list)" "libc-routines"

allocator_of() { # binary -> the allocator field of inspect --json
  "$XSTATIC" inspect --json "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["allocator"])'
}
routines_of() { # binary -> the libc_routines field of inspect --json, sorted, comma-separated
  "$XSTATIC" inspect --json "$1" | python3 -c 'import json,sys; print(",".join(sorted(json.load(sys.stdin)[0]["libc_routines"])))'
}
run_checked() { # name command... -> its output; fails unless it ends "libc_routines ok" within 10 minutes
  local name=$1 out
  shift
  out=$(timeout 600 "$@" 2>&1) || fail "$name: exit $? (124: did not finish in 10 minutes): $out"
  expect_contains "$out" "libc_routines ok"
  printf '%s\n' "$out"
}
digests() { grep digest <<<"$1"; }

for target in linux/amd64 linux/arm64; do
  name=$(echo "$target" | tr / -)
  "$XSTATIC" cc --target "$target" -O2 "$P/libc_routines.c" -o "ours-$name" || fail "$name: link failed"
  "$XSTATIC" cc --target "$target" -O2 --libc-routines=musl "$P/libc_routines.c" -o "musl-$name" ||
    fail "$name: link with --libc-routines=musl failed"
  "$XSTATIC" cc --target "$target" -O2 -DFAIL_MALLOC "$P/libc_routines.c" -o "nomalloc-$name" ||
    fail "$name: link of the failing-malloc build failed"
  "$XSTATIC" cc --target "$target" -O2 -DNO_MALLOC "$P/libc_routines.c" -o "mmap-$name" ||
    fail "$name: link of the build without malloc failed"
  [ "$(allocator_of "ours-$name")" != unknown ] || fail "$name: the default build has no malloc"
  [ "$(allocator_of "mmap-$name")" = unknown ] || fail "$name: qsort pulled in an allocator ($(allocator_of "mmap-$name"))"
  [ "$(routines_of "ours-$name")" = "memchr,memcmp,qsort,strchr,strlen" ] || fail "$name: inspect says '$(routines_of "ours-$name")'"
  [ "$(routines_of "musl-$name")" = "" ] || fail "$name: --libc-routines=musl still has $(routines_of "musl-$name")"
  [ "$(routines_of "nomalloc-$name")" = "memchr,memcmp,qsort,strchr,strlen" ] || fail "$name: the failing-malloc build lacks a routine"

  ours=$(run_checked "$name xstatic" "$XSTATIC" run -- "./ours-$name")
  musl=$(run_checked "$name musl" "$XSTATIC" run -- "./musl-$name" unstable)  # smoothsort is not stable
  nomalloc=$(run_checked "$name malloc failing" "$XSTATIC" run -- "./nomalloc-$name")
  mmapped=$(run_checked "$name without malloc" "$XSTATIC" run -- "./mmap-$name")
  [ "$(digests "$ours")" = "$(digests "$mmapped")" ] || fail "$name: qsort with an mmap buffer differs: $mmapped"
  # The same answers as musl's own routines, and as with malloc failing.
  [ "$(digests "$ours")" = "$(digests "$musl")" ] || fail "$name: xstatic's and musl's routines differ: $ours / $musl"
  [ "$(digests "$ours")" = "$(digests "$nomalloc")" ] || fail "$name: the in-place qsort differs: $nomalloc"
  expect_contains "$nomalloc" "malloc failed"
done
expect_contains "$("$XSTATIC" inspect ours-linux-arm64)" "libc routines xstatic qsort, strlen"

# amd64: the AVX2 strlen where the CPU has it, the SSE2 one where it has not
# (qemu's Nehalem: SSE4.2, no AVX); both pass the same checks.
if grep -qw avx2 /proc/cpuinfo; then
  expect_contains "$(./ours-linux-amd64)" "strlen version avx2"
  expect_contains "$(./ours-linux-amd64)" "memchr version avx2"
  expect_contains "$(./ours-linux-amd64)" "strchr version avx2"
  expect_contains "$(./ours-linux-amd64)" "memcmp version avx2"
fi
sse2=$(run_checked "amd64 without AVX2" qemu-x86_64-static -cpu Nehalem ./ours-linux-amd64)
expect_contains "$sse2" "strlen version sse2"
expect_contains "$sse2" "memchr version sse2"
expect_contains "$sse2" "strchr version sse2"
expect_contains "$sse2" "memcmp version sse2"
[ "$(digests "$sse2")" = "$(digests "$ours")" ] || fail "an SSE2 routine differs from the AVX2 one"

# -static-pie: the same archive; qsort's weak malloc resolves to nothing there too.
"$XSTATIC" cc --target linux/arm64 --pie -O2 -DNO_MALLOC "$P/libc_routines.c" -o pie-nomalloc
[ "$(routines_of pie-nomalloc)" = "memchr,memcmp,qsort,strchr,strlen" ] || fail "static-pie: inspect says '$(routines_of pie-nomalloc)'"
pie=$(run_checked "static-pie without malloc" "$XSTATIC" run -- ./pie-nomalloc)
[ "$(digests "$pie")" = "$(digests "$ours")" ] || fail "static-pie: results differ: $pie"

# McIlroy's adversary cannot make qsort quadratic (LLVM libc's went to 10^8
# comparisons at 20,000 elements and overflowed its stack at 200,000).
for target in linux/amd64 linux/arm64; do
  "$XSTATIC" cc --target "$target" -O2 "$SRC/bench/programs/qsort_adversary.c" -o adversary
  out=$(timeout 300 "$XSTATIC" run -- ./adversary 200000) || fail "$target: qsort_adversary 200000 failed: $out"
  python3 -c '
import re, sys
n, c = map(int, re.search(r"n=(\d+) comparisons=(\d+)", sys.argv[1]).groups())
assert c <= n * 18, sys.argv[1]   # merge sort: at most n ceil(log2 n); 3,337,857 here (musl: 3,708,983)
' "$out" || fail "$target: adversary: $out"
done

# A program that reaches no routine gets the same bytes; one whose puts
# reaches strlen carries strlen only; printf reaches memchr (musl's
# vfprintf finds the end of a %s with it).
cat >write.c <<'EOF'
#include <unistd.h>
int main(void) { return write(1, "42\n", 3) != 3; }
EOF
cat >printf.c <<'EOF'
#include <stdio.h>
int main(void) { printf("%d\n", 42); return 0; }
EOF
cat >puts.c <<'EOF'
#include <stdio.h>
int main(void) { puts("hello"); return 0; }
EOF
for target in linux/amd64 linux/arm64; do
  # Without the SBOM note, which records what the link was given (the routines'
  # archive); inspect names the routines only when their own note is there.
  "$XSTATIC" cc --target "$target" -O2 --no-sbom write.c -o write-ours
  "$XSTATIC" cc --target "$target" -O2 --no-sbom --libc-routines=musl write.c -o write-musl
  cmp -s write-ours write-musl || fail "$target: a program that calls no routine changed"
  "$XSTATIC" cc --target "$target" -O2 write.c -o write-sbom
  case $("$XSTATIC" inspect write-sbom) in *"runtime     xstatic-libc"*) fail "$target: inspect's SBOM names xstatic's routines in a program without them" ;; esac
  "$XSTATIC" cc --target "$target" -O2 printf.c -o printf-ours
  [ "$(routines_of printf-ours)" = memchr ] || fail "$target: printf has '$(routines_of printf-ours)'"
  expect_contains "$("$XSTATIC" run -- ./printf-ours)" 42
  "$XSTATIC" cc --target "$target" -O2 puts.c -o puts-ours
  [ "$(routines_of puts-ours)" = strlen ] || fail "$target: puts hello has '$(routines_of puts-ours)'"
  expect_contains "$("$XSTATIC" run -- ./puts-ours)" hello
done

# A program's own qsort is the one lld takes (its object comes first).
cat >ownsort.c <<'EOF'
#include <stdio.h>
#include <stdlib.h>
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  (void)base, (void)n, (void)size, (void)cmp;
  puts("own qsort");
}
static int by_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int main(void) { int v[2] = {2, 1}; qsort(v, 2, sizeof *v, by_int); return 0; }
EOF
"$XSTATIC" cc --target linux/amd64 -O2 ownsort.c -o ownsort || fail "a program with its own qsort does not link"
expect_contains "$(./ownsort)" "own qsort"
case ,$(routines_of ownsort), in *,qsort,*) fail "a program's own qsort was replaced" ;; esac

# XSTATIC_LIBC_ROUTINES is the default of --libc-routines; the flag wins; bad values are usage errors.
XSTATIC_LIBC_ROUTINES=musl "$XSTATIC" cc --target linux/arm64 "$P/libc_routines.c" -o env-musl
[ "$(routines_of env-musl)" = "" ] || fail "XSTATIC_LIBC_ROUTINES=musl ignored"
XSTATIC_LIBC_ROUTINES=musl "$XSTATIC" cc --target linux/arm64 --libc-routines=xstatic "$P/libc_routines.c" -o env-flag
[ "$(routines_of env-flag)" = "memchr,memcmp,qsort,strchr,strlen" ] || fail "--libc-routines did not win over XSTATIC_LIBC_ROUTINES"
must_fail "$XSTATIC" cc --target linux/arm64 --libc-routines=fast puts.c -o bad
expect_contains "$(cat "$WORK/err")" "--libc-routines=musl"
set +e
XSTATIC_LIBC_ROUTINES=fast "$XSTATIC" cc --target linux/arm64 puts.c -o bad 2>err2
code=$?
set -e
[ "$code" = 2 ] || fail "a bad XSTATIC_LIBC_ROUTINES exits $code, not 2"
expect_contains "$(cat err2)" "XSTATIC_LIBC_ROUTINES"

# glibc targets keep glibc's routines; so do musl targets the routines are not built for.
if need_sysroot linux/amd64 glibc 2>/dev/null; then
  "$XSTATIC" cc --target linux/amd64 --libc glibc -O2 "$P/libc_routines.c" -o glibc 2>/dev/null
  [ "$(routines_of glibc)" = "" ] || fail "a glibc link got xstatic's routines"
  expect_contains "$(./glibc)" "libc_routines ok"
fi
must_fail "$XSTATIC" runtimes build linux/s390x --runtime libc
expect_contains "$(cat "$WORK/err")" "amd64 and arm64"
echo "runtimes_libc: ok"
