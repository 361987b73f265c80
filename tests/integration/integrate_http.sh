# examples/http-server: built for linux/amd64 and linux/arm64, verified
# static, started (arm64 under qemu-user through `xstatic run`) on a free
# loopback port, asked over HTTP, and stopped. Every wait is bounded.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
need qemu-aarch64-static
need curl

server_pid=
# Clean-up (between cases and in the EXIT trap): the server may have ended by itself.
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; server_pid=; }
trap 'stop_server; rm -rf "$WORK"' EXIT

for t in "${TARGETS[@]}"; do
  a=$(arch_of "$t")
  need_target "$t"
  need_cxx "$t"
  "$XSTATIC" c++ --target "$t" -O2 "$EXAMPLES/http-server/server.cpp" -o "server-$a" ||
    fail "http-server did not build for $t"
  check_static "server-$a" "$t"

  # Port 0: the server picks a free port and prints it (no collisions between parallel suites).
  : >"server-$a.out"  # exists before the background job opens it, or the first sed fails under load
  "$XSTATIC" run -- "./server-$a" >"server-$a.out" 2>&1 &
  server_pid=$!
  port=
  for _ in $(seq 100); do  # up to 10 s for qemu to start it
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "server-$a.out")
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || fail "server for $t exited: $(cat "server-$a.out")"
    sleep 0.1
  done
  [ -n "$port" ] || fail "server for $t printed no port in 10 s: $(cat "server-$a.out")"
  body=$(curl -fsS --max-time 10 "http://127.0.0.1:$port/") || fail "no HTTP answer from the $t server on port $port"
  [ "$body" = ok ] || fail "the $t server answered '$body', not 'ok'"
  stop_server
  echo "$t: answered ok on 127.0.0.1:$port"
done
echo "PASS: integrate_http"
