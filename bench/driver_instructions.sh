#!/usr/bin/env bash
# The wrapper's own cost per compile as a count of instructions, which the
# machine's load does not change (bench/driver.sh times it, and needs a quiet
# machine): callgrind counts what `xstatic cc -c` runs from its start to its
# exec of clang (the dump is taken before execv), for a plain command line
# and for one read from an @file. Give two binaries to compare them, say a
# build of main and one of a branch. The targets' sysroots must be installed
# ($XSTATIC_HOME's store, as for any compile).
#
#   bench/driver_instructions.sh [XSTATIC...]        (default: build/src/xstatic)
#   TARGETS="linux/amd64 windows/amd64" bench/driver_instructions.sh old/xstatic new/xstatic
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "bench/driver_instructions.sh needs valgrind (apt-get install valgrind)"; exit 1; }
[ $# -gt 0 ] || set -- build/src/xstatic
binaries=()
for b in "$@"; do binaries+=("$(realpath "$b")"); done
TARGETS=${TARGETS:-linux/amd64}
work=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-instructions.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
printf '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n' >hello.c
printf -- '-O2 -Wall -DX=1 hello.c\n' >args.rsp

count() { # xstatic target args...: instructions up to the exec of clang
  local x=$1 t=$2
  shift 2
  rm -f cg.*
  valgrind --tool=callgrind --dump-before='execv*' --callgrind-out-file="$work/cg.%p" \
    "$x" cc --target "$t" "$@" >/dev/null 2>&1
  local n
  n=$(grep -h '^summary' cg.*.1 | awk '{print $2}')
  [ -n "$n" ] || { echo "no callgrind dump for $x cc --target $t $* (is the sysroot installed?)" >&2; exit 1; }
  echo "$n"
}

for t in $TARGETS; do
  for form in "-c hello.c -o hello.o -O2 -Wall -g" "-c @args.rsp -o hello.o"; do
    line=$(printf '%-14s cc %-34s' "$t" "$form")
    for x in "${binaries[@]}"; do
      # shellcheck disable=SC2086 # the form is words
      line+=$(printf '  %12s' "$(count "$x" "$t" $form)")
    done
    echo "$line"
  done
done
echo "(instructions from exec to clang's exec; columns: ${*})"
