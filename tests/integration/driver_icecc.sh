# icecream as the inner launcher (`xstatic env --launcher icecc`) on the
# generated 13-file project for linux/arm64, with `make -j8` through an
# icecream scheduler and two iceccd daemons that this suite starts.
#
# iceccd announces itself by UDP broadcast on every interface, even when
# told where the scheduler is (-s): so everything here, the client build
# included, runs in network namespaces of the suite's own that hold nothing
# but loopback and one veth pair between them (10.77.0.1 and 10.77.0.2,
# no route anywhere else). Namespace A runs the scheduler, the client's
# daemon (nodea, -m 0: it compiles nothing itself) and make; namespace B
# runs the worker daemon (nodeb), which compiles in a chroot of the
# environment tarball made by Debian's `icecc-create-env --clang`. The
# scheduler's log must show every compile, and nodeb as the server of the
# compiles, the objects must equal a local build's byte for byte, and the
# binary must be static and run under qemu. Every daemon runs under
# `timeout` and is killed on exit; the namespaces die with their processes.
if [ -z "${XSTATIC_ICECC_NETNS:-}" ]; then
  unshare -n true 2>/dev/null || { echo "SKIP: unshare -n is not permitted here (needs root or CAP_SYS_ADMIN)"; exit 77; }
  [ "$(id -u)" = 0 ] || { echo "SKIP: iceccd must run as root to compile in a chroot of the environment"; exit 77; }
  # The whole suite again, inside a new network namespace, bounded.
  XSTATIC_ICECC_NETNS=1 exec timeout -k 10 1500 unshare -n bash "$0" "$@"
fi
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
. "$SRC/tests/integration/lib/cache.sh"
for tool in icecc iceccd icecc-scheduler icecc-create-env ip make timeout setsid qemu-aarch64-static; do need "$tool"; done
getent passwd icecc >/dev/null || skip "the icecc user is missing (Debian's icecc package makes it)"
ip link set lo up
ip link add ice-probe type veth peer name ice-probe2 2>/dev/null || skip "veth links cannot be made here"
ip link del ice-probe

# The environment tarball (clang and the libraries it loads, about 90 MB,
# one to two minutes to make): once per clang, kept in the build folder.
clang=$(readlink -f "$(command -v clang-19)")
key=$(stat -L -c '%n %s %Y' "$clang" /usr/lib/llvm-19/lib/libclang-cpp.so* 2>/dev/null | md5sum | cut -c1-12)
envdir=$XSTATIC_BUILD_DIR/icecc-env/$key
mkdir -p "$envdir"
(
  flock 9
  if ! ls "$envdir"/*.tar.gz >/dev/null 2>&1; then
    (cd "$envdir" && nice icecc-create-env --clang "$clang" >create.log 2>&1) ||
      fail "icecc-create-env --clang $clang failed: $(tail -n 5 "$envdir/create.log")"
  fi
) 9>"$envdir.lock"
tarball=$(ls "$envdir"/*.tar.gz)

private_store
gen_project proj 8 4  # 13 files (enough for every hit/miss count; bench/cache.sh builds the 111-file one)
n=$(project_files proj)
expected="cache project: $((n - 1)) files"

# The daemons drop to the icecc user: their logs, sockets and environment
# folders must be its own.
chmod 711 "$WORK"
for d in run envs-a envs-b; do install -d -o icecc -g icecc "$WORK/$d"; done
trap stop_daemons EXIT
port=18765
# setsid: a process group of its own, so that the trap ends its children too.
# (setsid and timeout fork: the namespace's shell says its own pid.)
setsid timeout 900 unshare -n bash -c "
  echo \$\$ >$WORK/run/b.pid
  for _ in \$(seq 100); do ip link show ice-b >/dev/null 2>&1 && break; sleep 0.1; done
  ip link set lo up && ip addr add 10.77.0.2/24 dev ice-b && ip link set ice-b up || exit 1
  ICECC_TEST_SOCKET=$WORK/run/b.socket exec iceccd -n xstatic-test -s 10.77.0.1:$port -m 2 -N nodeb \
    -b $WORK/envs-b -l $WORK/run/b.log -vvv" &
daemons+=($!)
for _ in $(seq 50); do [ -s "$WORK/run/b.pid" ] && break; sleep 0.1; done
ip link add ice-a type veth peer name ice-b netns "$(cat "$WORK/run/b.pid")" || fail "cannot link the worker's namespace"
ip addr add 10.77.0.1/24 dev ice-a
ip link set ice-a up
setsid timeout 900 icecc-scheduler -n xstatic-test -p "$port" -l "$WORK/run/scheduler.log" -vvv &
daemons+=($!)
export ICECC_TEST_SOCKET=$WORK/run/a.socket
setsid timeout 900 iceccd -n xstatic-test -s "10.77.0.1:$port" -m 0 -N nodea -b "$WORK/envs-a" -l "$WORK/run/a.log" -vvv &
daemons+=($!)
links=$(ip -o link | awk -F': ' '{print $2}' | sed 's/@.*//' | sort | tr '\n' ' ')
[ "$links" = "ice-a lo " ] || fail "the suite's namespace should hold only lo and ice-a, holds: $links"
# nodeb logs in a few seconds after nodea: a job sent before would be
# compiled by the submitter.
for _ in $(seq 150); do
  [ "$(grep -c '^.*login node[ab] ' "$WORK/run/scheduler.log" 2>/dev/null)" = 2 ] && break
  sleep 0.2
done
[ "$(grep -c 'login node[ab] ' "$WORK/run/scheduler.log")" = 2 ] ||
  fail "both daemons should have logged in to the scheduler: $(tail -n 5 "$WORK"/run/*.log)"

# The icecream build first, while the worker's load figure is fresh: the
# scheduler gives no job to a daemon that reports a load of 1000 (a busy
# CPU), and a build of our own just before makes the next figure just that.
export ICECC_VERSION=$tarball
sched=$WORK/run/scheduler.log
(eval "$("$XSTATIC" -q env linux/arm64 --launcher icecc)" && [ "$XSTATIC_LAUNCHER" = icecc ] &&
  timeout 600 make -C proj -j8 BUILD="$WORK/ice") >ice.log 2>&1 || {
  rc=$?
  if ! grep -q ' server=nodeb$' "$sched" && grep -q "No suitable host found, delaying" "$sched"; then
    skip "icecream's scheduler placed no job in 600 s: the worker reports the machine's CPU as busy (load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores) and icecream sends no job to a busy host; rerun on a quieter machine"
  fi
  fail "icecream build failed ($rc): $(tail -20 ice.log)"
}
(eval "$("$XSTATIC" -q env linux/arm64)" && make -C proj -j4 BUILD="$WORK/local") >local.log 2>&1 ||
  fail "local build failed: $(tail -20 local.log)"

jobs=$(count_matches ' END [0-9]* status=0 ' "$sched")
remote=$(count_matches ' END [0-9]* status=0 .* server=nodeb$' "$sched")
compiled=$(count_matches 'Remote compilation completed with exit code 0' "$WORK/run/b.log")
echo "icecream: $jobs jobs, $remote compiled by nodeb (its log: $compiled remote compiles), of $n files"
[ "$jobs" = "$n" ] || fail "the scheduler saw $jobs of $n compiles: $(tail -n 5 "$sched")"
[ "$remote" = "$n" ] && [ "$compiled" = "$n" ] ||
  fail "every compile should have run on nodeb: $remote by the scheduler, $compiled by nodeb's log; $(grep -v broadcast "$sched" | tail -n 5)"
grep -q "remote compile arguments: --target=aarch64-linux-musl" "$WORK/run/b.log" ||
  fail "nodeb was not sent the arm64 target: $(grep 'remote compile arguments' "$WORK/run/b.log" | head -2)"
same_objects local ice "icecream and local objects"
check_static ice/app linux/arm64
check_runs "$expected" ice/app

# An environment that is not there: xstatic says so before icecream would
# quietly compile here.
echo 'int f(void) { return 1; }' >f.c
must_fail env ICECC_VERSION="$WORK/missing.tar.gz" XSTATIC_LAUNCHER=icecc "$XSTATIC" cc --target linux/arm64 -c f.c
expect_contains "$(cat "$WORK/err")" "icecc-create-env --clang"
echo "PASS: driver_icecc"
