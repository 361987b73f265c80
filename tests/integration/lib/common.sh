# The ground of every integration suite (sourced first, not run): strict
# mode, SRC (the source tree), the shared test store (XSTATIC_HOME), a
# scratch folder WORK removed on exit (the suite runs in it), skip/fail/need,
# must_fail, expect_exit, expect_contains, count_matches, expect_no_leftovers,
# need_sysroot, daemons/stop_daemons, and wine.
# Each suite starts with
#   . "$(dirname "$0")/lib/common.sh"
# then sources the other helpers of this folder it needs as
#   . "$SRC/tests/integration/lib/NAME.sh"
# XSTATIC, XSTATIC_SOURCE_DIR and XSTATIC_BUILD_DIR come from CTest.
set -euo pipefail
: "${XSTATIC:?run through ctest (XSTATIC is the xstatic binary)}"
: "${XSTATIC_BUILD_DIR:?run through ctest}"
SRC=${XSTATIC_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}

# One store shared by all suites of a build, so sysroots and runtimes are
# provisioned once per CI run (xstatic's own locks make parallel suites safe).
export XSTATIC_HOME=${XSTATIC_TEST_STORE:-$XSTATIC_BUILD_DIR/test-store}

# A scratch directory per suite, removed on exit.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-test.XXXXXX")

# Meson puts sccache, when installed, in front of the native compilers it
# finds, and sccache then starts a server. Each suite's is its own (port,
# folder), on loopback, quits after 30 idle seconds and is stopped at exit.
export SCCACHE_DIR=$WORK/sccache SCCACHE_SERVER_PORT=$((20000 + $$ % 20000)) SCCACHE_IDLE_TIMEOUT=30
# (Clean-up after the verdict: no sccache, or no server of this suite's running, is fine.)
stop_suite_sccache() { command -v sccache >/dev/null 2>&1 && sccache --stop-server >/dev/null 2>&1 || true; }
trap 'stop_suite_sccache; rm -rf "$WORK"' EXIT
# Servers a suite starts (distccd, iceccd...), each the leader of a process
# group of its own (setsid): `daemons+=("$pid")`, and `trap stop_daemons
# EXIT`, which ends every group, waits for it, then removes WORK.
daemons=()
stop_daemons() { # clean-up after the verdict: a daemon may have exited already
  local pid
  for pid in "${daemons[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  for pid in "${daemons[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
cd "$WORK"

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || skip "$1 is not installed"; }

# Runs a command that must fail; its stderr goes to $WORK/err.
must_fail() { if "$@" 2>"$WORK/err"; then fail "expected failure: $*"; fi; }

expect_contains() { # haystack needle
  case "$1" in *"$2"*) ;; *) fail "expected to find '$2' in: $1" ;; esac
}
expect_not_contains() { # haystack needle
  case "$1" in *"$2"*) fail "expected no '$2' in: $1" ;; esac
}

# Runs a command whose exit status must be N; its stdout and stderr go to
# $WORK/out. For a command that is meant to fail in one way (a refusal: 1, a
# usage error: 2), where `cmd || true` would also let a crash through.
expect_exit() { # N command...
  local want=$1 rc=0
  shift
  "$@" >"$WORK/out" 2>&1 || rc=$?
  [ "$rc" = "$want" ] || fail "exit $rc, expected $want: $* ($(tail -5 "$WORK/out"))"
}

# How many lines of FILE (or stdin) match PATTERN (grep's): 0 when none
# (grep -c then exits 1); a file grep cannot read fails the suite, where
# `grep -c ... || true` counted it as none.
count_matches() { # pattern [file]
  local n
  n=$(grep -c -- "$1" "${2:--}") || [ $? = 1 ] || fail "count_matches '$1': cannot read ${2:-stdin}"
  echo "$n"
}

# No name in DIR matches REGEX (bash's =~): the temporary folders a failed or
# killed operation must not leave. A DIR that does not exist has none; one
# that cannot be listed fails the suite.
expect_no_leftovers() { # dir regex what
  local names name left=()
  [ -e "$1" ] || return 0
  names=$(ls -A "$1") || fail "$3: cannot list $1"
  while IFS= read -r name; do
    if [[ -n $name && $name =~ $2 ]]; then left+=("$name"); fi
  done <<<"$names"
  [ ${#left[@]} = 0 ] || fail "$3: ${left[*]} left in $1"
}

# Installs the sysroot for a target into the test store (once; concurrent-safe).
# The store's current libc++ build for a sysroot ("arm64-musl"): the newest
# recipe revision's folder (runtimes/llvm-19-r2/arm64-musl rather than llvm-19/...).
libcxx_dir() { # sysroot-name
  local d rev best="" best_rev=-1
  for d in "$XSTATIC_HOME"/runtimes/llvm-*/"$1"; do
    [ -d "$d" ] || continue
    rev=$(basename "$(dirname "$d")")
    rev=${rev##*-r}
    [[ $rev =~ ^[0-9]+$ ]] || rev=0
    if [ "$rev" -gt "$best_rev" ]; then best=$d best_rev=$rev; fi
  done
  echo "$best"
}
need_sysroot() { # target [libc]
  "$XSTATIC" -q sysroot install "$1" --libc "${2:-musl}" >/dev/null
}

# Wine for Windows programs: a prefix of the suite's own (xstatic makes it on
# first use, about 10 s), whose wineserver is stopped when the suite ends.
use_wine() {
  export WINEPREFIX=$WORK/wine WINEDEBUG=-all
  # (clean-up after the verdict; no wineserver left to stop is fine: it exits 3 s after its last program)
  trap 'WINEPREFIX=$WORK/wine timeout 20 wineserver -k >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
}

# True when wine can run programs of a Windows target here (windows/386
# needs Debian's wine32:i386 beside wine64).
wine_runs() { # windows/amd64|windows/386
  case $1 in
    windows/386) [ -x /usr/lib/wine/wine ] || { ! [ -d /usr/lib/wine ] && command -v wine >/dev/null; } ;;
    *) [ -x /usr/lib/wine/wine64 ] || command -v wine64 >/dev/null ;;
  esac
}
