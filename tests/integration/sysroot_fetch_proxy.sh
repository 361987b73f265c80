#!/usr/bin/env bash
# xstatic's own fetcher (XSTATIC_FETCH=builtin) through a real HTTP proxy:
# tinyproxy from Debian on 127.0.0.1 in front of lib/mirror.sh's small
# signed archive. The install goes through the proxy (its log lists the
# InRelease, the indexes and the .debs), no_proxy bypasses it, a proxy that
# asks for credentials gets them from http_proxy's user:password@ (and
# without them the error says how to give them), a proxy that is down and a
# malformed http_proxy are refused with the variable named, and nothing is
# installed by a refused fetch. apt honours the same variables itself.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/mirror.sh"
need tinyproxy
need gpg
need python3
need xz
need dpkg-deb
need_sysroot linux/amd64 musl # fills the shared store's .deb cache for amd64
trap 'stop_gpg_agents; stop_daemons' EXIT

cache="$XSTATIC_HOME/apt/amd64/debs"
debs=()
for p in linux-libc-dev libgcc-12-dev musl-dev; do
  debs+=("$(ls "$cache/${p}_"*_amd64.deb | sort -V | tail -1)")
done
new_gpg_key archive
GNUPGHOME="$WORK/gnupg-archive" gpg --batch -q --export >"$WORK/trusted.gpg"
for suite in bookworm bookworm-updates bookworm-security; do
  if [ "$suite" = bookworm ]; then
    make_mirror "$WORK/www" "$suite" amd64 archive "${debs[@]}"
  else
    make_mirror "$WORK/www" "$suite" amd64 archive
  fi
done
serve_mirrors "$WORK/www"
mirror="http://127.0.0.1:$PORT"

# start_proxy NAME [CONFIG LINE...]: tinyproxy on a free port of 127.0.0.1,
# bounded by timeout, stopped with the suite; sets PROXY_PORT.
start_proxy() {
  local name=$1 i
  shift
  PROXY_PORT=$(closed_port)
  {
    echo "Port $PROXY_PORT"
    echo "Listen 127.0.0.1"
    echo "Allow 127.0.0.1"
    echo "Timeout 60"
    echo "MaxClients 8"
    echo "LogLevel Info"
    echo "LogFile \"$WORK/$name.log\""
    printf '%s\n' "$@"
  } >"$WORK/$name.conf"
  : >"$WORK/$name.log"
  setsid timeout 300 tinyproxy -d -c "$WORK/$name.conf" >"$WORK/$name.out" 2>&1 &
  daemons+=("$!")
  for i in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PROXY_PORT") 2>/dev/null && return 0
    sleep 0.1
  done
  fail "tinyproxy did not start: $(cat "$WORK/$name.out" "$WORK/$name.log")"
}

# install_via STORE [VAR=VALUE...]: sysroot install linux/amd64 with the builtin fetcher.
install_via() {
  local store=$1
  shift
  env -u http_proxy -u HTTP_PROXY -u no_proxy -u NO_PROXY "$@" \
    XSTATIC_FETCH=builtin XSTATIC_MIRROR="$mirror" XSTATIC_SECURITY_MIRROR="$mirror" \
    XSTATIC_ARCHIVE_KEYRING="$WORK/trusted.gpg" "$XSTATIC" --store "$store" sysroot install linux/amd64
}
nothing_installed() { # STORE CASE
  [ -z "$(ls -A "$1/sysroots" 2>/dev/null)" ] || fail "$2 left a sysroot: $(ls -A "$1/sysroots")"
}

start_proxy open
open_port=$PROXY_PORT
sysroot=$(install_via "$WORK/s1" http_proxy="http://127.0.0.1:$open_port" 2>"$WORK/err") ||
  fail "install through the proxy: $(cat "$WORK/err")"
[ -f "$sysroot/manifest.json" ] || fail "the install through the proxy made no sysroot"
for f in dists/bookworm/InRelease dists/bookworm/main/binary-amd64/Packages.xz "pool/main/$(basename "${debs[2]}")"; do
  grep -q "GET $mirror/$f" "$WORK/open.log" || fail "the proxy did not carry $f: $(grep -c GET "$WORK/open.log") requests logged"
done
echo "ok: installed through tinyproxy ($(grep -c "GET $mirror/" "$WORK/open.log") requests went through it)"

# no_proxy naming the mirror's host (with a port and a leading dot, as users
# write it): straight to the mirror; the proxy sees nothing more.
before=$(grep -c "GET " "$WORK/open.log")
install_via "$WORK/s2" HTTP_PROXY="127.0.0.1:$open_port" NO_PROXY="localhost, .127.0.0.1:$PORT" \
  >/dev/null 2>"$WORK/err" || fail "install with no_proxy: $(cat "$WORK/err")"
[ "$(grep -c "GET " "$WORK/open.log")" = "$before" ] || fail "no_proxy named the mirror, yet the proxy carried requests"
echo "ok: no_proxy bypasses the proxy"

# A proxy that asks for credentials: refused without them (with how to give
# them), fine with them (one %-escaped in the URL: %33 is 3).
start_proxy auth "BasicAuth build s3cr3t"
must_fail install_via "$WORK/s3" http_proxy="http://127.0.0.1:$PROXY_PORT"
expect_contains "$(cat "$WORK/err")" "the proxy asks for credentials (407"
expect_contains "$(cat "$WORK/err")" "hint: give them in http_proxy: http://USER:PASSWORD@HOST:PORT"
nothing_installed "$WORK/s3" "a 407"
install_via "$WORK/s4" http_proxy="http://build:s3cr%33t@127.0.0.1:$PROXY_PORT" >/dev/null 2>"$WORK/err" ||
  fail "install with the proxy's credentials: $(cat "$WORK/err")"
if grep -q "s3cr" "$WORK/err"; then fail "the proxy's password was printed"; fi
echo "ok: a proxy's credentials from http_proxy (and a 407 explained)"

# refused CASE EXIT TEXT HINT http_proxy=VALUE: exits EXIT saying TEXT and
# HINT, and installs nothing.
refused() {
  local case=$1 want=$2 text=$3 hint=$4 rc=0
  shift 4
  install_via "$WORK/refused" "$@" >/dev/null 2>"$WORK/err" || rc=$?
  [ "$rc" = "$want" ] || fail "$case: exit $rc, expected $want: $(cat "$WORK/err")"
  expect_contains "$(cat "$WORK/err")" "$text"
  expect_contains "$(cat "$WORK/err")" "hint: $hint"
  nothing_installed "$WORK/refused" "$case"
}
# A proxy that is down: exit 3, the proxy and its variable named.
refused "a proxy that is down" 3 "cannot connect to the proxy (http_proxy) 127.0.0.1 port" \
  "check that the proxy named by http_proxy is up" http_proxy="http://127.0.0.1:$(closed_port)"
# Malformed or another scheme: a usage error (2), never a silent direct fetch.
for bad in "https://127.0.0.1:$open_port" "http://127.0.0.1:99999"; do
  refused "http_proxy=$bad" 2 "http_proxy is not a usable proxy" "set it to http://HOST:PORT" http_proxy="$bad"
done
echo "ok: a proxy that is down and malformed http_proxy values are refused"
echo "PASS: sysroot_fetch_proxy"
