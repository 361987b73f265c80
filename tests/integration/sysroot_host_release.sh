#!/usr/bin/env bash
# The apt path on a host of another Debian release: in a mount namespace of
# its own, /etc/os-release says trixie and apt's sources (the host's, read at
# test time, no address of ours) name trixie's suites. `sysroot install
# linux/amd64` with XSTATIC_FETCH=apt must still take bookworm's packages
# (the recipes name libgcc-12-dev, which trixie lacks; musl-dev 1.2.3, not
# trixie's 1.2.5): the private apt state names bookworm's suites. The shared
# store's apt lists and .debs are copied in, so apt revalidates rather than
# downloads (a few seconds).
. "$(dirname "$0")/lib/common.sh"
need apt-get
need unshare
[ "$(id -u)" = 0 ] || skip "needs root for a mount namespace (bind-mounting /etc/os-release and /etc/apt)"
unshare -m --propagation private true 2>/dev/null || skip "unshare -m is not permitted here"
grep -q '^VERSION_CODENAME=bookworm' /etc/os-release || skip "the host is not Debian bookworm (this suite turns a bookworm host into a trixie one)"
need_sysroot linux/amd64 musl # fills the shared store's apt lists and .deb cache for amd64

# The host's sources with trixie's suites, and a trixie os-release.
mkdir -p "$WORK/apt/sources.list.d"
[ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$WORK/apt/"
cp -a /etc/apt/sources.list.d/. "$WORK/apt/sources.list.d/"
find "$WORK/apt" -type f -exec sed -i -E '/^[[:space:]]*(deb|Suites:)/s/\bbookworm(-updates|-security)?\b/trixie\1/g' {} +
grep -rqw trixie "$WORK/apt" || skip "apt's sources here name no bookworm suite to turn into trixie's"
sed -e 's/bookworm/trixie/g' -e 's/^VERSION_ID=.*/VERSION_ID="13"/' /etc/os-release >"$WORK/os-release"

store=$WORK/store
mkdir -p "$store/apt/amd64"
cp -a "$XSTATIC_HOME/apt/amd64/lists" "$XSTATIC_HOME/apt/amd64/debs" "$store/apt/amd64/"

unshare -m --propagation private bash -c '
  set -euo pipefail
  work=$1
  shift
  mount --bind "$work/os-release" /etc/os-release
  [ ! -f /etc/apt/sources.list ] || mount --bind "$work/apt/sources.list" /etc/apt/sources.list
  mount --bind "$work/apt/sources.list.d" /etc/apt/sources.list.d
  grep -q "^VERSION_CODENAME=trixie" /etc/os-release
  exec "$@"' bash "$WORK" env XSTATIC_FETCH=apt "$XSTATIC" --store "$store" sysroot install linux/amd64 \
  >"$WORK/out" 2>"$WORK/err" || fail "install on a trixie host: $(tail -5 "$WORK/err")"
sysroot=$(tail -1 "$WORK/out")
manifest=$(cat "$sysroot/manifest.json")
expect_contains "$manifest" "libgcc-12-dev"
expect_contains "$manifest" '"1.2.3-1'
grep -rqw bookworm "$store/apt/amd64/etc" || fail "the private apt state names no bookworm suite: $(cat "$store"/apt/amd64/etc/sources.list.d/* 2>/dev/null | head -5)"
if grep -rqw trixie "$store/apt/amd64/etc"; then fail "the private apt state kept trixie's suites"; fi
echo "ok: a trixie host's apt path fetched bookworm's packages (musl-dev $(grep -o '"1\.2\.3-[^"]*"' <<<"$manifest" | head -1))"
echo "PASS: sysroot_host_release"
