# sccache as the inner launcher (`xstatic env --launcher sccache` exports
# XSTATIC_LAUNCHER=sccache) on the generated 13-file project for
# linux/arm64: the first build misses, a rebuild after deleting the build
# folder hits every compile with the same objects (sccache --show-stats),
# another target misses; binaries static, verified, run under qemu.
# The suite starts its own sccache server (own SCCACHE_DIR, a port of its
# own on 127.0.0.1, idle timeout and `timeout` as bounds) and stops it on
# exit, also on failure.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
. "$SRC/tests/integration/lib/cache.sh"
need sccache
need make
need qemu-aarch64-static
need ss
private_store
gen_project proj 8 4  # 13 files (enough for every hit/miss count; bench/cache.sh builds the 111-file one)
n=$(project_files proj)
expected="cache project: $((n - 1)) files"

for v in $(compgen -v SCCACHE_); do unset "$v"; done
export SCCACHE_DIR=$WORK/sccache SCCACHE_CONF=$WORK/sccache.toml SCCACHE_IDLE_TIMEOUT=300
export SCCACHE_SERVER_PORT=$((20000 + $$ % 20000))
: >"$SCCACHE_CONF"
server=
# The EXIT trap's clean-up, after the verdict: each step may find its server gone already.
stop_server() {
  sccache --stop-server >/dev/null 2>&1 || true
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap stop_server EXIT
# `sccache` with no argument and these two set is the server itself, in the
# foreground (`--start-server` would detach it from `timeout`).
SCCACHE_NO_DAEMON=1 SCCACHE_START_SERVER=1 timeout 900 sccache >sccache-server.log 2>&1 &
server=$!
for _ in $(seq 50); do sccache --show-stats >/dev/null 2>&1 && break; sleep 0.2; done
sccache --show-stats >/dev/null 2>&1 || fail "sccache server did not start: $(cat sccache-server.log)"
pgrep -P "$server" -x sccache >/dev/null || fail "the sccache server is not the one under timeout (detached?)"
listen=$(ss -ltnH "sport = :$SCCACHE_SERVER_PORT" | awk '{print $4}')
[ "$listen" = "127.0.0.1:$SCCACHE_SERVER_PORT" ] || fail "sccache listens on '$listen', not on loopback only"

stat_of() { # hits|misses: C/C++ counts since the last --zero-stats
  sccache --show-stats --stats-format json |
    python3 -c 'import json,sys; s=json.load(sys.stdin)["stats"]; print(s["cache_'"$1"'"]["counts"].get("C/C++", 0))'
}
expect_sccache() { # hits misses what
  local h m
  h=$(stat_of hits) m=$(stat_of misses)
  [ "$h" = "$1" ] && [ "$m" = "$2" ] ||
    fail "$3: expected $1 hits and $2 misses, sccache counted $h and $m: $(sccache --show-stats)"
}
build() { # folder env-args...
  local folder=$1
  shift
  (eval "$("$XSTATIC" -q env "$@" --launcher sccache)" && [ "$XSTATIC_LAUNCHER" = sccache ] &&
    make -C proj -j4 BUILD="$WORK/$folder") >"$WORK/$folder.log" 2>&1 ||
    fail "make $folder failed: $(tail -20 "$WORK/$folder.log")"
}

sccache --zero-stats >/dev/null
build arm64 linux/arm64
expect_sccache 0 "$n" "first build"
check_static arm64/app linux/arm64
check_runs "$expected" arm64/app
cp -r arm64 arm64-first

rm -rf arm64
sccache --zero-stats >/dev/null
build arm64 linux/arm64
expect_sccache "$n" 0 "rebuild after deleting the build folder"
same_objects arm64-first arm64 "rebuild from sccache"
check_static arm64/app linux/arm64
check_runs "$expected" arm64/app

sccache --zero-stats >/dev/null
build amd64 linux/amd64
expect_sccache 0 "$n" "linux/amd64 after linux/arm64"
check_static amd64/app linux/amd64
check_runs "$expected" amd64/app

sccache --stop-server >/dev/null
wait "$server" 2>/dev/null || echo "the sccache server exited with status $?" # its status is not what this suite checks
server=

# `xstatic env --launcher` with the engine missing: exit 3 and the install command.
mkdir nobin
set +e
env PATH="$WORK/nobin" "$XSTATIC" -q env linux/arm64 --launcher sccache >/dev/null 2>err
rc=$?
set -e
[ "$rc" = 3 ] || fail "env --launcher sccache without sccache: exit $rc, expected 3"
expect_contains "$(cat err)" "apt-get install sccache"
echo "PASS: driver_sccache"
