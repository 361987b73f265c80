#!/usr/bin/env bash
# Every usage error CLI11 finds (a bad value, a missing value, an unknown
# subcommand or option, a folder where a file is expected) exits 2 with
# xstatic's one error format and a hint naming the help to read, not
# CLI11's own exit codes 104-114 (issue 23, item 4). Help, version and the
# exit status of verify stay as they were.
. "$(dirname "$0")/lib/common.sh"
need cc
mkdir -p "$WORK/dir"
usage_error() { # args... (stderr must be xstatic's format, exit 2)
  local rc=0
  "$XSTATIC" "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
  [ "$rc" = 2 ] || fail "xstatic $*: exit $rc, expected 2 ($(cat "$WORK/err"))"
  head -1 "$WORK/err" | grep -q '^xstatic: error: ' || fail "xstatic $*: stderr is not xstatic's format: $(cat "$WORK/err")"
  grep -q "hint: run 'xstatic.* --help'" "$WORK/err" || fail "xstatic $*: no hint to the help: $(cat "$WORK/err")"
}
usage_error runtimes build linux/arm64 --runtime bogus     # CLI11 105 (validation)
usage_error release -j abc                                 # 104 (conversion)
usage_error env --launcher                                 # 114 (argument mismatch)
usage_error toolchain bogus linux/arm64                    # 106 (required subcommand)
usage_error sysroot import "$WORK/dir"                     # 105 (ExistingFile check)
usage_error --bogus-option                                 # 109 (extras)
usage_error                                                # 106 (no subcommand)
usage_error verify                                         # 106 (required positional)
expect_contains "$(cat "$WORK/err")" "hint: run 'xstatic verify --help'"

# Not errors: help and version exit 0 on stdout; verify's "no" is still 1.
"$XSTATIC" --help | grep -q "Exit codes" || fail "--help"
"$XSTATIC" sysroot import --help | grep -q "import" || fail "sysroot import --help"
"$XSTATIC" --version | grep -q '^xstatic ' || fail "--version"
printf 'int main(void){return 0;}\n' > m.c
cc m.c -o dyn || fail "the host's cc cannot build a dynamic program to verify"
rc=0
"$XSTATIC" verify dyn --static >/dev/null 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "verify of a dynamic binary exited $rc, expected 1"
echo "ok"
