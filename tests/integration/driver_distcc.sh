# distcc as the inner launcher (`xstatic env --launcher distcc` exports
# XSTATIC_LAUNCHER=distcc) on the generated 13-file project for
# linux/arm64, with `make -j8` against two distccd daemons that this suite
# starts on loopback only (127.0.0.1 and 127.0.0.2, two ports, --allow
# 127.0.0.0/8, each bounded by `timeout` and killed on exit, also on
# failure). The daemons' logs must show every compile ran on them, the
# objects must equal a local build's byte for byte, and the binary must be
# static and run under qemu. distcc preprocesses locally and sends the
# worker only clang's command and the preprocessed source: a worker needs
# the same clang, no sysroot (docs/cache.md).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
. "$SRC/tests/integration/lib/cache.sh"
need distcc
need distccd
need make
need timeout
need setsid
need qemu-aarch64-static
private_store
gen_project proj 8 4  # 13 files (enough for every hit/miss count; bench/cache.sh builds the 111-file one)
n=$(project_files proj)
expected="cache project: $((n - 1)) files"

# distccd started by root runs as its own user (distccd): it must be able
# to reach and write its log folder.
chmod 711 "$WORK"
mkdir -m 777 "$WORK/distccd"
trap stop_daemons EXIT
base=$((30000 + $$ % 20000))
start_daemon() { # address port
  # setsid: its own process group, so that the trap ends its workers too.
  setsid timeout 600 distccd --no-detach --daemon --listen "$1" --port "$2" --allow 127.0.0.0/8 --jobs 4 \
    --log-level info --log-file "$WORK/distccd/$1.log" &
  daemons+=($!)
}
start_daemon 127.0.0.1 "$base"
start_daemon 127.0.0.2 $((base + 1))
for _ in $(seq 50); do
  [ "$(ss -ltnH "( sport = :$base or sport = :$((base + 1)) )" | wc -l)" = 2 ] && break
  sleep 0.2
done
listening=$(ss -ltnH "( sport = :$base or sport = :$((base + 1)) )" | awk '{print $4}' | sort | tr '\n' ' ')
[ "$listening" = "127.0.0.1:$base 127.0.0.2:$((base + 1)) " ] ||
  fail "distccd should listen on 127.0.0.1:$base and 127.0.0.2:$((base + 1)) only, listens on: $listening"

# The local reference build, then the distributed one. DISTCC_FALLBACK=0:
# a compile that cannot be sent fails instead of quietly running here.
(eval "$("$XSTATIC" -q env linux/arm64)" && make -C proj -j4 BUILD="$WORK/local") >local.log 2>&1 ||
  fail "local build failed: $(tail -20 local.log)"
export DISTCC_HOSTS="127.0.0.1:$base/4 127.0.0.2:$((base + 1))/4" DISTCC_DIR=$WORK/distcc DISTCC_FALLBACK=0
mkdir -p "$DISTCC_DIR"
unset DISTCC_VERBOSE DISTCC_SAVE_TEMPS
(eval "$("$XSTATIC" -q env linux/arm64 --launcher distcc)" && [ "$XSTATIC_LAUNCHER" = distcc ] &&
  make -C proj -j8 BUILD="$WORK/dist") >dist.log 2>&1 || fail "distcc build failed: $(tail -20 dist.log)"

jobs1=$(count_matches COMPILE_OK "$WORK/distccd/127.0.0.1.log")
jobs2=$(count_matches COMPILE_OK "$WORK/distccd/127.0.0.2.log")
echo "distccd 127.0.0.1: $jobs1 compiles, 127.0.0.2: $jobs2 compiles (of $n)"
[ "$jobs1" -gt 0 ] && [ "$jobs2" -gt 0 ] ||
  fail "both daemons should have compiled: $jobs1 and $jobs2; $(tail -5 "$WORK"/distccd/*.log)"
[ $((jobs1 + jobs2)) = "$n" ] || fail "$((jobs1 + jobs2)) of $n compiles ran on the daemons"
grep -q "clang-19" "$WORK/distccd/127.0.0.1.log" || fail "the daemon did not run clang-19"
same_objects local dist "distcc and local objects"
check_static dist/app linux/arm64
check_runs "$expected" dist/app

# A daemon that cannot be reached: with DISTCC_FALLBACK=0 the compile fails
# loudly (never a wrong object); by default distcc says so once and compiles here.
echo 'int f(void) { return 1; }' >f.c
must_fail env DISTCC_HOSTS="127.0.0.1:$((base + 2))" XSTATIC_LAUNCHER=distcc "$XSTATIC" cc --target linux/arm64 -c f.c
out=$(env DISTCC_HOSTS="127.0.0.1:$((base + 2))" DISTCC_FALLBACK=1 XSTATIC_LAUNCHER=distcc \
  "$XSTATIC" cc --target linux/arm64 -c f.c -o f.o 2>&1) || fail "distcc's local fallback failed: $out"
expect_contains "$out" "running locally instead"
echo "PASS: driver_distcc"
