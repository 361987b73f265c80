#!/usr/bin/env bash
# After a CTest run: prints every suite that skipped, with the reason it gave
# (the SKIP: line of tests/integration/lib/common.sh's skip), and fails when
# one of them is not in tests/may-skip.txt. CI runs it after the tests, so a
# suite that quietly stops testing something fails the submission.
#   scripts/check-skips.sh [BUILD_DIR]     (default: build)
set -euo pipefail
case ${1:-} in -h | --help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
cd "$(dirname "$0")/.."
log=${1:-build}/Testing/Temporary/LastTest.log
[ -f "$log" ] || { echo "check-skips: no CTest log at $log (run the tests first)" >&2; exit 2; }
allowed=$(grep -v '^#' tests/may-skip.txt | awk 'NF {print $1}')
skipped=$(awk '/^[0-9]+\/[0-9]+ Test: / {name = $3} /^SKIP: / {sub(/^SKIP: /, ""); print name "\t" $0}' "$log")
status=0
if [ -z "$skipped" ]; then
  echo "check-skips: no suite skipped"
  exit 0
fi
while IFS=$'\t' read -r name reason; do
  if printf '%s\n' "$allowed" | grep -qx "$name"; then
    echo "skipped (allowed): $name: $reason"
  else
    echo "skipped, NOT allowed in CI: $name: $reason" >&2
    echo "  fix the runner's set-up (scripts/setup.sh), or list $name in tests/may-skip.txt with why" >&2
    status=1
  fi
done <<<"$skipped"
exit $status
