#!/usr/bin/env bash
# The Dockerfile, built for real (podman, base image from Debian's archive)
# and README's main job run in the image as a non-root user. This is CI's
# bounded form: the sysroots and runtimes come from the test store through
# `sysroot export` / `runtimes export` into the build context's .preload/
# (what a CI cache does), so the image build compiles xstatic but not libc++.
# The full form, everything built in the image: scripts/docker-test.sh.
# Labelled docker;slow (ctest -LE slow leaves it out).
. "$(dirname "$0")/lib.sh"
for target in linux/amd64 linux/arm64; do
  need_sysroot "$target"
  "$XSTATIC" -q runtimes build "$target"  # no-op when the test store has them
done
rc=0
bash "$SRC/scripts/docker-test.sh" --preload "$XSTATIC_HOME" || rc=$?
[ "$rc" = 77 ] && exit 77
[ "$rc" = 0 ] || fail "scripts/docker-test.sh --preload exited $rc"
