# HTTPS end to end: libcurl with OpenSSL, nghttp2 and zlib built by
# `xstatic pkg` for linux/arm64 (musl, run under qemu-user) and linux/amd64
# (natively); a client linked with nothing but -lcurl fetches
# https://127.0.0.1:PORT/ from Debian's `openssl s_server`, bound to loopback,
# with a CA this suite makes. The certificate is checked: the same client
# without the CA must fail. The target's pkg-config gives the whole static
# closure of libcurl.
#
# CI runs the arm64 half (one OpenSSL + curl target, as CI's time allows);
# XSTATIC_PKG_MATRIX=full (scripts/pkg-matrix.sh) adds linux/amd64, and
# windows/amd64 under wine (curl has no CA path there: the client is given
# the CA file, as a Windows program would be).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/pkg.sh"
need openssl
need make
need perl
need timeout

# A CA, and a server certificate for 127.0.0.1 signed by it.
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=xstatic-test-ca \
  >/dev/null 2>&1 || fail "cannot make the CA"
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1 >/dev/null 2>&1 ||
  fail "cannot make the server key"
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' >server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 \
  -extfile server.ext >/dev/null 2>&1 || fail "cannot sign the server certificate"

targets=(linux/arm64)
if [ "${XSTATIC_PKG_MATRIX:-}" = full ]; then
  targets+=(linux/amd64)
  if wine_runs windows/amd64; then
    use_wine
    targets+=(windows/amd64)
  else
    echo "note: wine64 is not installed: windows/amd64 was not run"
  fi
else
  echo "note: linux/amd64 and windows/amd64 are left to XSTATIC_PKG_MATRIX=full (scripts/pkg-matrix.sh): one OpenSSL build in CI"
fi
client_of() { # target: the client's file name (Windows programs end in .exe)
  case $1 in windows/*) echo "https-${1//\//-}.exe" ;; *) echo "https-${1//\//-}" ;; esac
}
# The packages and the clients first (minutes on a first run), then the server.
for t in "${targets[@]}"; do
  pkg_need "$t" curl
  pkg_build "$t" https_get "$(client_of "$t")" -lcurl
done

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
setsid timeout 300 openssl s_server -accept "127.0.0.1:$port" -cert server.crt -key server.key -www -quiet \
  >server.log 2>&1 &
daemons+=("$!")
# Clean-up after the verdict (no wineserver left to stop is fine).
trap '[ -z "${WINEPREFIX:-}" ] || timeout 20 wineserver -k >/dev/null 2>&1 || true; stop_daemons' EXIT
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "openssl s_server did not listen: $(cat server.log)"

for t in "${targets[@]}"; do
  bin=$(client_of "$t")
  out=$(pkg_run "$t" "./$bin" "https://127.0.0.1:$port/" ca.crt 2>&1) || fail "$t: the HTTPS GET failed: $out"
  expect_contains "$out" "status 200"
  expect_contains "$out" "<HTML><BODY"
  echo "$t: $out ($(stat -c %s "$bin") bytes)"
  # Without the CA the server is not trusted: the check is real.
  if out=$(pkg_run "$t" "./$bin" "https://127.0.0.1:$port/" 2>&1); then
    fail "$t: the client trusted a certificate of an unknown CA: $out"
  fi
  expect_contains "$out" "certificate"

  # The target's pkg-config: libcurl's whole static closure, paths in the store.
  pc=$(eval "$("$XSTATIC" env "$t")" && "$PKG_CONFIG" --libs libcurl) || fail "$t: pkg-config --libs libcurl failed"
  for lib in -lcurl -lssl -lcrypto -lnghttp2 -lz; do expect_contains "$pc" "$lib"; done
  expect_contains "$pc" "-L$XSTATIC_HOME/pkg/"
  cflags=$(eval "$("$XSTATIC" env "$t")" && "$PKG_CONFIG" --cflags libcurl)
  for dir in $cflags; do
    case $dir in -I*) [ -d "${dir#-I}" ] || fail "$t: pkg-config names a folder that does not exist: $dir" ;; esac
  done
done
echo "ok: HTTPS through libcurl + OpenSSL on ${targets[*]}"
