#!/usr/bin/env bash
# The allocator of musl links (--malloc): mimalloc built per target, memory
# crossing between musl and the program on one heap with every choice (C and
# C++, linux/amd64 natively and linux/arm64 under qemu), what `inspect`
# reports, what auto costs a program that never allocates (nothing), a
# program that brings its own malloc, the errors, XSTATIC_AUTO_BUILD=0, a
# failed build, and concurrent builds of one target building once.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/runtimes.sh"
need qemu-aarch64-static
P=$SRC/tests/integration/programs

runtimes_need_sysroot linux/amd64
runtimes_need_sysroot linux/arm64
"$XSTATIC" runtimes build linux/amd64 linux/arm64 >build.out 2>build.err || fail "runtimes build: $(cat build.err)"
expect_contains "$(cat build.out)" "linux/arm64 mimalloc"
expect_contains "$(cat build.out)" "linux/arm64 libc++"

allocator_of() { # binary -> the allocator field of inspect --json
  "$XSTATIC" inspect --json "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["allocator"])'
}

# Every choice, both languages, both targets: the programs check their own
# heap and print "... ok"; MIMALLOC_VERBOSE=1 makes mimalloc say it runs.
for target in linux/amd64 linux/arm64; do
  for m in musl auto mimalloc; do
    name=$(echo "$target-$m" | tr / -)
    "$XSTATIC" cc --target "$target" -O2 --malloc=$m "$P/malloc_mix.c" -o "c-$name" || fail "$name: C link failed"
    "$XSTATIC" c++ --target "$target" -O2 --malloc=$m "$P/malloc_mix.cpp" -o "cxx-$name" || fail "$name: C++ link failed"
    out=$(MIMALLOC_VERBOSE=1 "$XSTATIC" run -- "./c-$name" 2>&1) || fail "$name: C program failed: $out"
    expect_contains "$out" "malloc_mix ok"
    out_cxx=$(MIMALLOC_VERBOSE=1 "$XSTATIC" run -- "./cxx-$name" 2>&1) || fail "$name: C++ program failed: $out_cxx"
    expect_contains "$out_cxx" "malloc_mix_cxx ok"
    for bin in "c-$name" "cxx-$name"; do
      got=$(allocator_of "$bin")
      case $m in
        musl)
          [ "$got" = musl ] || fail "$bin: allocator '$got', expected musl"
          case $out$out_cxx in *"mimalloc:"*) fail "$bin: mimalloc ran in a --malloc=musl binary" ;; esac ;;
        *)
          case $got in "mimalloc 2."*) ;; *) fail "$bin: allocator '$got', expected mimalloc <version>" ;; esac
          expect_contains "$out" "mimalloc: "
          expect_contains "$out_cxx" "mimalloc: " ;;
      esac
    done
  done
done
expect_contains "$("$XSTATIC" inspect c-linux-arm64-auto)" "allocator     mimalloc 2."

# -static-pie links mimalloc the same way.
"$XSTATIC" c++ --target linux/arm64 --pie -O2 "$P/malloc_mix.cpp" -o pie-auto
expect_contains "$("$XSTATIC" run -- ./pie-auto)" "malloc_mix_cxx ok"
case $(allocator_of pie-auto) in "mimalloc 2."*) ;; *) fail "static-pie: allocator $(allocator_of pie-auto)" ;; esac

# targets --json says what auto links per target: mimalloc, or musl's where it cannot be built.
"$XSTATIC" targets --json | python3 -c '
import json, sys
rows = {(r["name"], r["libc"]): r
        for r in json.load(sys.stdin)}
assert rows[("linux/arm64", "musl")]["allocator"].startswith("mimalloc 2."), rows[("linux/arm64", "musl")]
assert rows[("linux/arm/v5", "musl")]["allocator"] == "musl", rows[("linux/arm/v5", "musl")]
assert rows[("linux/arm64", "glibc")]["allocator"] == "glibc", rows[("linux/arm64", "glibc")]
' || fail "targets --json: allocator"

# XSTATIC_MALLOC is the default of --malloc; --malloc wins.
XSTATIC_MALLOC=musl "$XSTATIC" cc --target linux/arm64 "$P/malloc_mix.c" -o env-musl
[ "$(allocator_of env-musl)" = musl ] || fail "XSTATIC_MALLOC=musl ignored"
XSTATIC_MALLOC=musl "$XSTATIC" cc --target linux/arm64 --malloc=mimalloc "$P/malloc_mix.c" -o env-flag
[ "$(allocator_of env-flag)" != musl ] || fail "--malloc did not win over XSTATIC_MALLOC"

# The build-system outputs carry --malloc: a CMake toolchain and `xstatic env`.
mkdir -p cm
printf 'cmake_minimum_required(VERSION 3.16)\nproject(m C)\nadd_executable(mix mix.c)\n' >cm/CMakeLists.txt
cp "$P/malloc_mix.c" cm/mix.c
"$XSTATIC" toolchain cmake linux/arm64 --malloc musl -o musl.cmake
cmake -S cm -B cm-build -G Ninja -DCMAKE_TOOLCHAIN_FILE="$WORK/musl.cmake" >/dev/null || fail "cmake configure with --malloc musl"
cmake --build cm-build >/dev/null || fail "cmake build with --malloc musl"
[ "$(allocator_of cm-build/mix)" = musl ] || fail "toolchain --malloc musl: allocator $(allocator_of cm-build/mix)"
(
  eval "$("$XSTATIC" env linux/arm64 --malloc musl)"
  [ "$XSTATIC_MALLOC" = musl ] || fail "env --malloc musl: XSTATIC_MALLOC=$XSTATIC_MALLOC"
  "$CC" -O2 "$P/malloc_mix.c" -o env-mix
)
[ "$(allocator_of env-mix)" = musl ] || fail "env --malloc musl: allocator $(allocator_of env-mix)"

# A program that never allocates costs nothing with auto: the same bytes as with musl
# (without the SBOM note, which records what the link was given: mimalloc's
# archive; inspect shows a runtime only when the runtime's own note is there).
printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' >hello.c
for target in linux/amd64 linux/arm64; do
  "$XSTATIC" cc --target "$target" --no-sbom hello.c -o hello-auto
  "$XSTATIC" cc --target "$target" --no-sbom --malloc=musl hello.c -o hello-musl
  a=$(stat -c %s hello-auto) b=$(stat -c %s hello-musl)
  [ "$a" = "$b" ] || fail "$target: puts hello is $a bytes with auto, $b with musl"
  "$XSTATIC" cc --target "$target" hello.c -o hello-sbom
  case $("$XSTATIC" inspect hello-sbom) in *"runtime     mimalloc"*) fail "$target: inspect's SBOM names mimalloc in a program without it" ;; esac
  cmp -s hello-auto hello-musl || fail "$target: puts hello differs between auto and musl"
done

# A program with its own malloc keeps it with auto; --malloc=mimalloc insists (duplicate symbols).
cat >own.c <<'EOF'
#include <stddef.h>
#include <stdio.h>
#include <string.h>
static unsigned char heap[1 << 20];
static size_t used;
void *malloc(size_t n) { void *p = heap + used; used += (n + 15) & ~(size_t)15; return p; }
void free(void *p) { (void)p; }
void *calloc(size_t n, size_t m) { void *p = malloc(n * m); memset(p, 0, n * m); return p; }
void *realloc(void *p, size_t n) { void *q = malloc(n); if (p) memcpy(q, p, n); return q; }
int main(void) { char *s = strdup("own allocator"); puts(s); printf("used %zu\n", used); return used == 0; }
EOF
"$XSTATIC" cc --target linux/arm64 own.c -o own-auto 2>own.err || fail "own malloc with auto: $(cat own.err)"
expect_contains "$("$XSTATIC" run -- ./own-auto)" "used 16"
case $(allocator_of own-auto) in mimalloc*) fail "auto linked mimalloc over the program's own malloc" ;; esac
must_fail "$XSTATIC" cc --target linux/arm64 --malloc=mimalloc own.c -o own-forced
expect_contains "$(cat "$WORK/err")" "duplicate symbol"

# Errors: an unknown allocator (exit 2), mimalloc for a glibc target (exit 2).
set +e
"$XSTATIC" cc --target linux/arm64 --malloc=tcmalloc hello.c -o x 2>"$WORK/err"; rc=$?
[ "$rc" = 2 ] || fail "--malloc=tcmalloc: exit $rc, expected 2"
expect_contains "$(cat "$WORK/err")" "--malloc=auto, --malloc=musl or --malloc=mimalloc"
XSTATIC_MALLOC=bogus "$XSTATIC" cc --target linux/arm64 hello.c -o x 2>"$WORK/err"; rc=$?
[ "$rc" = 2 ] || fail "XSTATIC_MALLOC=bogus: exit $rc, expected 2"
"$XSTATIC" cc --target linux/amd64 --libc glibc --malloc=mimalloc hello.c -o x 2>"$WORK/err"; rc=$?
[ "$rc" = 2 ] || fail "glibc + --malloc=mimalloc: exit $rc, expected 2"
expect_contains "$(cat "$WORK/err")" "Linux musl targets"
set -e
if need_sysroot linux/amd64 glibc 2>/dev/null; then  # glibc keeps its own allocator with auto
  "$XSTATIC" cc --target linux/amd64 --libc glibc "$P/malloc_mix.c" -o glibc-auto 2>/dev/null
  [ "$(allocator_of glibc-auto)" = glibc ] || fail "glibc auto: allocator $(allocator_of glibc-auto)"
fi

# A store where mimalloc is not built, with XSTATIC_AUTO_BUILD=0: auto links
# musl's malloc and says how to build mimalloc; --malloc=mimalloc is exit 3.
store=$WORK/store
mkdir -p "$store/sysroots"
ln -s "$XSTATIC_HOME/sysroots/arm64-musl" "$store/sysroots/arm64-musl"
XSTATIC_HOME=$store XSTATIC_AUTO_BUILD=0 "$XSTATIC" cc --target linux/arm64 "$P/malloc_mix.c" -o nobuild 2>"$WORK/err"
expect_contains "$(cat "$WORK/err")" "xstatic runtimes build linux/arm64 --runtime mimalloc"
[ "$(allocator_of nobuild)" = musl ] || fail "AUTO_BUILD=0 auto link: allocator $(allocator_of nobuild)"
set +e
XSTATIC_HOME=$store XSTATIC_AUTO_BUILD=0 "$XSTATIC" cc --target linux/arm64 --malloc=mimalloc hello.c -o x 2>"$WORK/err"
rc=$?
set -e
[ "$rc" = 3 ] || fail "AUTO_BUILD=0 --malloc=mimalloc: exit $rc, expected 3"

# A source that does not compile: the build fails naming its log, nothing is installed.
src=$(ls -d "$XSTATIC_HOME"/src/mimalloc-2.* | head -1)
[ -f "$src/src/static.c" ] || fail "no mimalloc source in the test store"
cp -r "$src" "$WORK/broken"
echo 'this is not C;' >>"$WORK/broken/src/static.c"
XSTATIC_HOME=$store must_fail "$XSTATIC" runtimes build linux/arm64 --runtime mimalloc --mimalloc-src "$WORK/broken"
expect_contains "$(cat "$WORK/err")" "build log: $store/logs/mimalloc-llvm$CLANG_MAJOR-arm64-musl.log"
grep -q "this is not C" "$store/logs/mimalloc-llvm$CLANG_MAJOR-arm64-musl.log" || fail "the log lacks clang's error"
[ -z "$(find "$store/runtimes" -mindepth 1 -maxdepth 1 -name 'mimalloc-*' 2>/dev/null)" ] || fail "a failed build left files"

# After a failed build, auto links do not retry it on every link (offline,
# each retry would wait for apt): musl's malloc, and a note with the log.
XSTATIC_HOME=$store "$XSTATIC" cc --target linux/arm64 "$P/malloc_mix.c" -o after-fail 2>"$WORK/err"
expect_contains "$(cat "$WORK/err")" "failed within the hour (log: $store/logs/mimalloc-llvm$CLANG_MAJOR-arm64-musl.log)"
[ "$(allocator_of after-fail)" = musl ] || fail "after a failed build: allocator $(allocator_of after-fail)"
[ -z "$(find "$store/runtimes" -mindepth 1 -maxdepth 1 -name 'mimalloc-*' 2>/dev/null)" ] || fail "auto retried the build"

# Two builds at once build once: one says built, the other waits and finds it.
XSTATIC_HOME=$store "$XSTATIC" runtimes build linux/arm64 --runtime mimalloc --mimalloc-src "$src" >o1 2>e1 &
XSTATIC_HOME=$store "$XSTATIC" runtimes build linux/arm64 --runtime mimalloc --mimalloc-src "$src" >o2 2>e2 &
wait %1 || fail "first concurrent build: $(cat e1)"
wait %2 || fail "second concurrent build: $(cat e2)"
both=$(cat o1 o2)
expect_contains "$both" "linux/arm64 mimalloc built:"
expect_contains "$both" "linux/arm64 mimalloc already built:"
[ "$(find "$store/runtimes" -name libmimalloc.a | wc -l)" = 1 ] || fail "not exactly one libmimalloc.a"
[ ! -e "$store/logs/mimalloc-llvm$CLANG_MAJOR-arm64-musl.log" ] || fail "a successful build kept the old failure's log"
XSTATIC_HOME=$store "$XSTATIC" cc --target linux/arm64 "$P/malloc_mix.c" -o built-now
case $(allocator_of built-now) in "mimalloc 2."*) ;; *) fail "auto did not use the new build" ;; esac

# runtimes list: mimalloc beside libc++, as text and JSON.
json=$(XSTATIC_HOME=$store "$XSTATIC" runtimes list --json)
python3 - "$json" <<'PY' || fail "runtimes list --json: $json"
import json, sys
entries = json.loads(sys.argv[1])
# the link built xstatic's libc routines (docs/libc.md) as well
assert sorted(x["runtime"] for x in entries) == ["libc-routines", "mimalloc"], entries
e = [x for x in entries if x["runtime"] == "mimalloc"]
assert e[0]["version"].startswith("2."), e
assert e[0]["target"] == "linux/arm64" and "/runtimes/mimalloc-" in e[0]["path"], e
PY
expect_contains "$(XSTATIC_HOME=$store "$XSTATIC" runtimes list)" "mimalloc"
echo "ok"
