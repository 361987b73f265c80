#!/usr/bin/env bash
# How the target is chosen: install-links names (argv[0]), GOOS/GOARCH, the
# Go form and the triple form (same clang command), and what a missing
# sysroot says.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19
need make
driver_sysroot linux/arm64 musl
driver_sysroot linux/amd64 musl

printf '#include <stdio.h>\nint main(void) { puts("dispatched"); return 0; }\n' >hi.c

# The SBOM note's object and the folder of xstatic's link files are temporary
# paths of their own per link (xstatic/driver/sbom.hpp, link_files.hpp).
cmd_of() { "$XSTATIC" "$@" --print-command 2>&1 >/dev/null | tail -1 | sed -E 's#xstatic-(sbom|link|why)-[A-Za-z0-9]*#xstatic-\1-X#g'; }

# Go form and triple form: one command line.
go=$(cmd_of cc --target linux/arm64 -O2 hi.c -o a)
triple=$(cmd_of cc --target=aarch64-linux-musl -O2 hi.c -o a)
legacy=$(cmd_of cc -target aarch64-unknown-linux-musl -O2 hi.c -o a)
[ "$go" = "$triple" ] || fail "Go form and triple form differ:\n$go\n$triple"
[ "$go" = "$legacy" ] || fail "-target differs:\n$go\n$legacy"
expect_contains "$go" "--target=aarch64-linux-musl --sysroot=$XSTATIC_HOME/sysroots/arm64-musl -ffile-prefix-map=$XSTATIC_HOME=/xstatic -fuse-ld=lld"
echo "ok: Go form = triple form: $go"

# XSTATIC_VERBOSE=1 prints the same line.
verbose=$(XSTATIC_VERBOSE=1 "$XSTATIC" cc --target linux/arm64 -O2 hi.c -o a 2>&1 >/dev/null | tail -1 |
  sed -E 's#xstatic-(sbom|link|why)-[A-Za-z0-9]*#xstatic-\1-X#g')
[ "$verbose" = "$go" ] || fail "XSTATIC_VERBOSE=1 printed: $verbose"

# Compile-only calls exec clang (it is our shell's child, not xstatic's);
# links run it as a child of xstatic. A stand-in clang reports its parent.
mkdir fake
printf '#!/bin/sh\necho "$PPID" >"%s/parent.$$"\n' "$WORK" >fake/clang-19
chmod +x fake/clang-19
XSTATIC_CLANG="$WORK/fake/clang-19" "$XSTATIC" cc --target linux/amd64 -c hi.c
[ "$(cat parent.*)" = "$$" ] || fail "-c did not exec clang (its parent is $(cat parent.*), the shell is $$)"
rm parent.*
XSTATIC_CLANG="$WORK/fake/clang-19" "$XSTATIC" cc --target linux/amd64 hi.c -o never --no-verify
[ "$(cat parent.*)" != "$$" ] || fail "a link was exec'd: nothing would have verified it"
echo "ok: -c execs clang; a link runs it"

# A clang whose name does not tell its version is asked once; the answer is
# cached in the store (keyed by path and mtime), not asked again.
mkdir fake2
printf '#!/bin/sh\necho "$*" >>"%s/asked"\nexec clang-19 "$@"\n' "$WORK" >fake2/myclang
chmod +x fake2/myclang
for _ in 1 2 3; do
  XSTATIC_HOME="$WORK/cache-store" XSTATIC_CLANG="$WORK/fake2/myclang" "$XSTATIC" cc --version >/dev/null
done
[ "$(grep -c '^--version$' asked)" = 1 ] || fail "expected one version probe: $(cat asked)"
[ "$(grep -c -- '^--target=x86_64-linux-musl .*--version$' asked)" = 3 ] || fail "expected 3 runs: $(cat asked)"
grep -q ' 19$' "$WORK"/cache-store/cache/clang/* || fail "no clang version cache in the store"
echo "ok: clang's version learned once, cached"

# GOOS/GOARCH from the environment, and the command line winning over it.
env_cmd=$(GOOS=linux GOARCH=arm64 cmd_of cc -O2 hi.c -o a)
[ "$env_cmd" = "$go" ] || fail "GOOS/GOARCH gave: $env_cmd"
GOOS=linux GOARCH=arm64 "$XSTATIC" cc hi.c -o env-app
[ "$(qemu-aarch64-static ./env-app)" = dispatched ] || fail "GOOS/GOARCH build did not run"
file -b env-app | grep -q aarch64 || fail "GOOS/GOARCH built $(file -b env-app)"
v3=$(GOOS=linux GOARCH=amd64 GOAMD64=v3 cmd_of cc -c hi.c)
expect_contains "$v3" "--target=x86_64-linux-musl"
expect_contains "$v3" "-march=x86-64-v3"
over=$(GOOS=linux GOARCH=arm64 cmd_of cc --target linux/amd64 -c hi.c)
expect_contains "$over" "--target=x86_64-linux-musl"
echo "ok: GOOS/GOARCH/GOAMD64"

# install-links, then the names a build system would call.
"$XSTATIC" -q install-links bin linux/arm64 linux/amd64
# A target in the program name outranks GOARCH left in the environment.
named=$(GOOS=linux GOARCH=amd64 bin/aarch64-linux-musl-cc --print-command -c hi.c -o named.o 2>&1)
expect_contains "$named" "--target=aarch64-linux-musl"
for n in aarch64-linux-musl-cc aarch64-linux-musl-c++ aarch64-linux-musl-gcc linux-arm64-cc \
         aarch64-linux-musl-ar aarch64-linux-musl-ranlib aarch64-linux-musl-strip aarch64-linux-musl-ld \
         x86_64-linux-musl-cc linux-amd64-cc; do
  [ -L "bin/$n" ] || fail "install-links did not make $n"
done
PATH="$WORK/bin:$PATH" aarch64-linux-musl-cc -c hi.c -o hi.o
file -b hi.o | grep -q "ARM aarch64" || fail "aarch64-linux-musl-cc made $(file -b hi.o)"
PATH="$WORK/bin:$PATH" aarch64-linux-musl-ar rcs libhi.a hi.o
PATH="$WORK/bin:$PATH" aarch64-linux-musl-nm libhi.a | grep -q " T main" || fail "-ar/-nm did not make a usable archive"
PATH="$WORK/bin:$PATH" linux-arm64-cc hi.c -o named-app
[ "$(qemu-aarch64-static ./named-app)" = dispatched ] || fail "linux-arm64-cc build did not run"
PATH="$WORK/bin:$PATH" x86_64-linux-musl-cc hi.c -o named-amd64
[ "$(./named-amd64)" = dispatched ] || fail "x86_64-linux-musl-cc build did not run"
PATH="$WORK/bin:$PATH" aarch64-linux-musl-strip named-app -o named-app.stripped
named=$(bin/aarch64-linux-musl-cc --print-command -c hi.c 2>&1 >/dev/null)
expect_contains "$named" "--target=aarch64-linux-musl"
# A Makefile that knows nothing of xstatic: CROSS_COMPILE as the kernel spells it.
printf 'all: hi\nhi: hi.o\n\t$(CROSS_COMPILE)cc -o $@ $^\nhi.o: hi.c\n\t$(CROSS_COMPILE)cc -c -o $@ $<\n' >Makefile
rm -f hi.o
PATH="$WORK/bin:$PATH" make -s CROSS_COMPILE=aarch64-linux-musl- >/dev/null
[ "$(qemu-aarch64-static ./hi)" = dispatched ] || fail "make with CROSS_COMPILE"
echo "ok: install-links names dispatch on argv[0]"

# A missing sysroot: exit 3 and the command that installs it.
rc=0
XSTATIC_HOME="$WORK/empty-store" "$XSTATIC" cc --target linux/arm64 hi.c -o x 2>err || rc=$?
[ "$rc" = 3 ] || fail "missing sysroot exited $rc, not 3"
expect_contains "$(cat err)" "linux/arm64 (musl) is not installed"
expect_contains "$(cat err)" "xstatic sysroot install linux/arm64"
rc=0
XSTATIC_HOME="$WORK/empty-store" "$XSTATIC" cc --target linux/arm64 --libc glibc -c hi.c 2>err || rc=$?
[ "$rc" = 3 ] || fail "missing glibc sysroot exited $rc"
expect_contains "$(cat err)" "xstatic sysroot install linux/arm64 --libc glibc"
# ...but probing the compiler needs none (build systems do it first).
XSTATIC_HOME="$WORK/empty-store" "$XSTATIC" cc --target linux/arm64 --version | grep -q "clang version" ||
  fail "--version needs a sysroot"
echo "ok: missing sysroot"

# --auto-install (and XSTATIC_AUTO_INSTALL=1) installs it on the spot instead.
XSTATIC_HOME="$WORK/auto-store" "$XSTATIC" cc --target linux/amd64 --auto-install hi.c -o auto 2>err ||
  fail "--auto-install: $(cat err)"
expect_contains "$(cat err)" "installing the sysroot for linux/amd64 (musl)"
[ "$(./auto)" = dispatched ] || fail "--auto-install build did not run"
[ -f "$WORK/auto-store/sysroots/amd64-musl/manifest.json" ] || fail "--auto-install left no sysroot"
echo "ok: --auto-install"

# An unknown target: usage error with suggestions.
rc=0
"$XSTATIC" cc --target linux/amr64 -c hi.c 2>err || rc=$?
[ "$rc" = 2 ] || fail "unknown target exited $rc"
expect_contains "$(cat err)" "did you mean linux/arm64"
echo "ok: unknown target"
