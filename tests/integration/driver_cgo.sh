#!/usr/bin/env bash
# Go's cgo through xstatic (Debian's golang-go, a local module, no network):
# a Go program calling C and libm, cross-built with CGO_ENABLED=1 CC="xstatic
# cc" for linux/amd64, linux/arm64, linux/arm/v7 (GOARM=7), windows/amd64
# (Go exports GOAMD64=v1 to the compiler) and windows/386 (through the
# single-word install-links name), each static, verified and run (qemu-user,
# wine). A cgo package with a C++ file links with CXX="xstatic c++".
. "$(dirname "$0")/lib/common.sh"
need go; need clang-19; need qemu-aarch64-static; need qemu-arm-static
need wine; need wineserver
wine_runs windows/amd64 || skip "wine64 is not installed (sudo apt-get install wine wine64)"
use_wine

# Go's caches in the scratch folder; modules from the local tree only.
export GOCACHE=$WORK/gocache GOPATH=$WORK/gopath GOFLAGS=-mod=mod GOPROXY=off GO111MODULE=on GOTOOLCHAIN=local
unset GOOS GOARCH GOARM GOAMD64 GO386 CC CXX CGO_CFLAGS CGO_LDFLAGS
cp -r "$SRC/tests/integration/programs/cgo" mod
cd mod

for t in linux/amd64 linux/arm64 linux/arm/v7; do need_sysroot "$t"; done

# A program's output, without wine's CRs. The first wine run of a loader
# makes its prefix (15-20 s here, minutes on a loaded CI machine): one retry
# after a failure, and a failure says why instead of ending the suite silently.
run_prog() { # file
  local out rc=0
  out=$(timeout 300 "$XSTATIC" run "$1" 2>"$WORK/run.err") || rc=$?
  if [ "$rc" != 0 ]; then
    echo "note: $1 exited $rc under 'xstatic run' ($(tail -3 "$WORK/run.err" | tr '\n' ' ')); once more" >&2
    rc=0
    out=$(timeout 300 "$XSTATIC" run "$1" 2>"$WORK/run.err") || rc=$?
    [ "$rc" = 0 ] || fail "$1 exited $rc under 'xstatic run': $(tail -5 "$WORK/run.err")"
  fi
  printf '%s\n' "$out" | tr -d '\r'
}

build() { # target goos goarch [NAME=VALUE...]: builds app-<goos>-<goarch>, verifies and runs it
  local t=$1 goos=$2 goarch=$3 out start end
  shift 3
  out=app-$goos-$goarch
  [ "$goos" = windows ] && out=$out.exe
  start=$(date +%s.%N)
  env CGO_ENABLED=1 GOOS="$goos" GOARCH="$goarch" "$@" go build -o "$out" . >"build-$goos-$goarch.log" 2>&1 ||
    fail "go build for $t failed: $(cat "build-$goos-$goarch.log")"
  end=$(date +%s.%N)
  # Go passes -rdynamic on every external link; in a static link it means nothing and must not warn.
  if grep -q "argument unused" "build-$goos-$goarch.log"; then fail "$t: $(grep "argument unused" "build-$goos-$goarch.log")"; fi
  "$XSTATIC" verify "$out" --target "$t" --static || fail "$out ($t) does not verify static"
  if [ "$t" = windows/386 ] && ! wine_runs "$t"; then
    echo "ok: $t built and verified ($(stat -c %s "$out") bytes); not run: windows/386 needs wine32:i386"
    return
  fi
  got=$(run_prog "$out")
  [ "$got" = "$(printf 'hello from C\nhypot 5.0')" ] || fail "$out ($t) printed: $got"
  echo "ok: $t: static, verified, ran ($(stat -c %s "$out") bytes, go build $(printf '%.1f' "$(echo "$end - $start" | bc)") s)"
}

build linux/amd64 linux amd64 CC="$XSTATIC cc"
build linux/arm64 linux arm64 CC="$XSTATIC cc"
build linux/arm/v7 linux arm GOARM=7 CC="$XSTATIC cc"
build windows/amd64 windows amd64 CC="$XSTATIC cc"
# The single-word name, as build systems and Go's CC want it.
"$XSTATIC" install-links links windows/386 >/dev/null
build windows/386 windows 386 CC="$PWD/links/i686-w64-mingw32-cc"

# C++ in a cgo package: compiled and linked by CXX.
cd cxx
for t in linux/amd64 windows/amd64; do
  goos=${t%/*}
  out=cxx-$goos
  [ "$goos" = windows ] && out=$out.exe
  env CGO_ENABLED=1 GOOS="$goos" GOARCH=amd64 CC="$XSTATIC cc" CXX="$XSTATIC c++" go build -o "$out" . \
    >"build-cxx-$goos.log" 2>&1 || fail "go build of the C++ package for $t failed: $(cat "build-cxx-$goos.log")"
  "$XSTATIC" verify "$out" --target "$t" --static || fail "$out ($t) does not verify static"
  got=$(run_prog "$out")
  [ "$got" = "twice 42" ] || fail "$out ($t) printed: $got"
  echo "ok: $t: cgo with C++ (exceptions) static, verified, ran"
done
echo "PASS: driver_cgo"
