# A project with real dependencies (examples/https-client: libcurl with
# OpenSSL, SQLite, zlib from `xstatic pkg`) built for linux/arm64 three
# ways, each without a path to the packages: CMake's find_package(CURL),
# find_package(SQLite3), find_package(ZLIB) through xstatic's toolchain
# file; Meson's dependency('libcurl') through `xstatic toolchain meson`;
# make + pkg-config through `xstatic env`. Each result is verified static
# and run under qemu-user; the CMake one fetches from a local `openssl
# s_server` on 127.0.0.1.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
. "$SRC/tests/integration/lib/pkg.sh"
need make
need cmake
need openssl
need qemu-aarch64-static
t=linux/arm64
pkg_need "$t" curl sqlite3 zlib

# CMake: find_package, the libraries by path, their closure added by xstatic.
XSTATIC=$XSTATIC cmake -S "$EXAMPLES/https-client" -B cm -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAINS/linux-arm64.cmake" \
  >cm.log 2>&1 || fail "CMake configure failed: $(cat cm.log)"
for var in CURL_LIBRARY_RELEASE SQLite3_LIBRARY ZLIB_LIBRARY_RELEASE; do
  grep -q "^$var:FILEPATH=$XSTATIC_HOME/pkg/arm64-musl/" cm/CMakeCache.txt ||
    fail "CMake's $var is not the package's: $(grep "^$var" cm/CMakeCache.txt)"
done
cmake --build cm >cmb.log 2>&1 || fail "CMake build failed: $(cat cmb.log)"
check_static cm/https-client "$t"
check_runs "OpenSSL" cm/https-client

# Meson: dependency() through the target's pkg-config.
if command -v meson >/dev/null; then
  "$XSTATIC" toolchain meson "$t" -o arm64.ini || fail "toolchain meson failed"
  meson setup mb "$EXAMPLES/https-client" --cross-file arm64.ini >mb.log 2>&1 || fail "meson setup failed: $(cat mb.log)"
  ninja -C mb >mbb.log 2>&1 || fail "meson build failed: $(cat mbb.log)"
  check_static mb/https-client "$t"
  check_runs "sqlite" mb/https-client
else
  echo "note: meson is not installed; the Meson build was not run"
fi

# make + pkg-config from `xstatic env` (what ./configure sees).
cp -r "$EXAMPLES/https-client" mk
(eval "$("$XSTATIC" env "$t")" && make -C mk) >mk.log 2>&1 || fail "make failed: $(cat mk.log)"
check_static mk/https-client "$t"
check_runs "zlib" mk/https-client

# The CMake build against a real HTTPS server on loopback.
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1 || fail "cannot make a certificate"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
setsid timeout 300 openssl s_server -accept "127.0.0.1:$port" -cert cert.pem -key key.pem -www -quiet >srv.log 2>&1 &
daemons+=("$!")
trap stop_daemons EXIT
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
out=$(qemu-aarch64-static cm/https-client "https://127.0.0.1:$port/" cert.pem 2>&1) || fail "the fetch failed: $out"
expect_contains "$out" "status 200"
expect_contains "$out" "stored in 1 row(s)"
echo "ok: CMake, Meson and make found curl, SQLite and zlib for $t: $out"
