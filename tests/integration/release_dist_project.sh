#!/usr/bin/env bash
# A dist folder that holds the project (--dist ., --dist .., a symlink to the
# project, a trailing slash) is refused before anything is built, with exit
# 2, even when it already holds an artifacts.json; it used to build every
# target and then exit 70 "cannot rename: Invalid argument" (issue 23, item 8).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need make
need_sysroot linux/arm64
mkdir -p "$WORK/top"
release_project make "$WORK/top/p" '"linux/arm64"'
ln -s "$WORK/top/p" "$WORK/link"
# An artifacts.json where a dist folder would be, so the "foreign files" check does not hide this one.
echo '{}' >"$WORK/top/p/artifacts.json"
echo '{}' >"$WORK/top/artifacts.json"
cd "$WORK/top/p"
for dist in . .. ./ "$WORK/top/p/" "$WORK/link" "$WORK/top/p/src/.."; do
  rc=0
  "$XSTATIC" release --snapshot --dist "$dist" >/dev/null 2>"$WORK/err" || rc=$?
  [ "$rc" = 2 ] || fail "--dist $dist: exit $rc, expected 2: $(cat "$WORK/err")"
  expect_contains "$(cat "$WORK/err")" "contains the project"
  [ ! -e "$WORK/top/p/.xstatic" ] || fail "--dist $dist: something was built"
done
# A dist folder beside the project is fine.
"$XSTATIC" -q release --snapshot --dist "$WORK/top/out" >/dev/null
[ -f "$WORK/top/out/artifacts.json" ] || fail "a release beside the project wrote nothing"
echo "ok"
