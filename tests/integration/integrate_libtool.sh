#!/usr/bin/env bash
# An autotools + libtool project (a convenience library linked into a program)
# cross-built with `xstatic env`: autoreconf -i, ./configure --host, make, with
# the links folder not on PATH. libtool learns its linker from LD, or from
# `cc -print-prog-name=ld`: lld either way, never the host's ld.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
need autoreconf
need libtoolize
need automake
need make
need qemu-aarch64-static
need_target linux/arm64
cp -r "$SRC/tests/integration/projects/libtool-app" src
(cd src && autoreconf -i) >autoreconf.log 2>&1 || fail "autoreconf -i failed: $(cat autoreconf.log)"
env_file=$WORK/arm64.env
"$XSTATIC" -q env linux/arm64 >"$env_file"
grep -q '^export LD=.*/aarch64-linux-musl-ld$' "$env_file" || fail "xstatic env exports no LD: $(cat "$env_file")"

build() { # dir [unset-LD]
  cp -r src "$1"
  (
    eval "$(cat "$env_file")"
    [ -z "${2:-}" ] || unset LD
    export PATH=/usr/bin:/bin
    cd "$1" && ./configure --host="$XSTATIC_HOST" && make
  ) >"$1.log" 2>&1 || fail "configure/make in $1 failed: $(tail -40 "$1.log")"
  check_static "$1/hello" linux/arm64
  [ "$(qemu-aarch64-static "$1/hello" libtool)" = "hello, libtool" ] || fail "$1/hello does not run"
}

build with-env
grep -q "^LD=.*aarch64-linux-musl-ld\"" with-env/libtool || fail "libtool's LD: $(grep '^LD=' with-env/libtool)"
grep -q "^with_gnu_ld=\"\?yes" with-env/libtool || fail "libtool did not take lld as a GNU-compatible ld"
build asked-cc unset-LD
grep -q '^LD=".*ld\.lld' asked-cc/libtool || fail "libtool asked cc and got: $(grep '^LD=' asked-cc/libtool)"
echo "PASS: integrate_libtool"
