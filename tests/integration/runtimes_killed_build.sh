#!/usr/bin/env bash
# A SIGKILLed `runtimes build` leaves no cmake, ninja or clang++ running: its
# build tools get SIGTERM when xstatic dies (PR_SET_PDEATHSIG), and ninja
# passes it on to its jobs (issue 23, item 13). The build runs in a store of
# its own (the test store's arm64 sysroot copied in) so that it always
# builds, whatever the other suites built.
. "$(dirname "$0")/lib/common.sh"
need clang-19
need cmake
need ninja
need pgrep
need_sysroot linux/arm64 musl
store=$WORK/store
mkdir -p "$store/sysroots"
cp -a "$XSTATIC_HOME/sysroots/arm64-musl" "$store/sysroots/"
src=()
# The test store's LLVM source (extracted by the runtimes suites), else apt's.
[ -d "$XSTATIC_HOME/src/llvm-19.1.7/runtimes" ] && src=(--llvm-src "$XSTATIC_HOME/src/llvm-19.1.7")
# Every build tool names the store's scratch folder. pgrep exits 1 when no
# process matches: none left is the answer this suite waits for.
left() { pgrep -f -- "$store/" || [ $? = 1 ]; }
cleanup() {
  local p
  # After the verdict; a process may end between pgrep and kill.
  for p in $(left); do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
# The build's own ninja, `ninja -C <scratch>/build -j 2 install`: only it
# names the install target. CMake runs short ninjas while it configures (its
# compiler checks, ninja's -t tools); in CI one matched "ninja -C $store/" and
# had ended a moment later, and this suite failed with "ninja never started".
building() { pgrep -af -- "ninja -C $store/.* install\$" | grep -q .; }

"$XSTATIC" -q --store "$store" runtimes build linux/arm64 --runtime libc++ -j 2 "${src[@]}" >/dev/null 2>"$WORK/build.err" &
pid=$!
started=no
for _ in $(seq 600); do # until ninja compiles (configure takes ~15 s; a source download longer)
  if building; then
    started=yes
    break
  fi
  kill -0 "$pid" 2>/dev/null || fail "the build ended before ninja started: $(tail -5 "$WORK/build.err")"
  sleep 0.5
done
[ "$started" = yes ] || fail "ninja never started in 300 s"
sleep 3 # its first compiles are running
kill -9 "$pid"
wait "$pid" 2>/dev/null || [ $? = 137 ] || fail "the killed build ended otherwise: $(tail -5 "$WORK/build.err")"
for _ in $(seq 40); do
  [ -z "$(left)" ] && break
  sleep 0.25
done
remaining=$(left)
if [ -n "$remaining" ]; then
  # What is still running, for the failure below (ps exits 1 when one of them ended meanwhile).
  ps -o pid,args -p "$(echo "$remaining" | paste -sd,)" | cut -c1-160 >&2 || true
  fail "a killed runtimes build left $(echo "$remaining" | wc -l) processes running 10 s later"
fi
[ ! -e "$store/runtimes/llvm-19-r2/arm64-musl/manifest.json" ] || fail "a killed build installed runtimes"
echo "ok"
