#!/usr/bin/env bash
# xstatic's own fetcher of Debian's archive (XSTATIC_FETCH=builtin, what a
# host without apt uses) against a small archive on 127.0.0.1 signed by a
# throwaway key (lib/mirror.sh): a good install of linux/amd64's musl
# sysroot that builds a working hello; then a tampered InRelease, a
# signature by a key not trusted, the Debian keyring (which does not hold the
# test key), a Packages index longer than its Release says and one of the
# same size whose SHA-256 differs, a .deb
# whose SHA-256 does not match its Packages entry, and an unreachable mirror
# (a closed port): each refused with its reason, and nothing installed. A
# version listed in -security whose file the pool lacks falls back to the
# newest one there, with a note.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/mirror.sh"
need gpg
need python3
need xz
need dpkg-deb
need clang-19
need_sysroot linux/amd64 musl # fills the shared store's .deb cache for amd64
trap 'stop_gpg_agents; stop_daemons' EXIT

cache="$XSTATIC_HOME/apt/amd64/debs"
debs=()
for p in linux-libc-dev libgcc-12-dev musl-dev; do
  f=$(ls "$cache/${p}_"*_amd64.deb | sort -V | tail -1)
  debs+=("$f")
done
new_gpg_key archive
new_gpg_key stranger
GNUPGHOME="$WORK/gnupg-archive" gpg --batch -q --export >"$WORK/trusted.gpg"

# good/: bookworm holds the packages; -updates and -security are empty.
make_mirror "$WORK/www/good" bookworm amd64 archive "${debs[@]}"
make_mirror "$WORK/www/good" bookworm-updates amd64 archive
make_mirror "$WORK/www/good" bookworm-security amd64 archive
variant() { cp -a "$WORK/www/good" "$WORK/www/$1"; }

# A tampered InRelease: one letter of the signed text changed.
variant tampered
sed -i 's/^Origin: xstatic test$/Origin: xstatic tesT/' "$WORK/www/tampered/dists/bookworm/InRelease"
grep -q '^Origin: xstatic tesT$' "$WORK/www/tampered/dists/bookworm/InRelease" || fail "the InRelease was not tampered with"
# Signed by a key that is not trusted.
variant stranger
sign_release stranger "$WORK/www/stranger/dists/bookworm/Release" "$WORK/www/stranger/dists/bookworm/InRelease"
# A Packages index that is not the one the Release lists (one more stanza).
variant index
bin="$WORK/www/index/dists/bookworm/main/binary-amd64"
printf 'Package: extra\nVersion: 1\nArchitecture: amd64\nFilename: pool/x.deb\nSize: 1\nSHA256: %064d\n\n' 0 >>"$bin/Packages"
xz -k -f "$bin/Packages"
# The same size, one byte changed: the SHA-256 differs.
variant index-hash
printf 'X' | dd of="$WORK/www/index-hash/dists/bookworm/main/binary-amd64/Packages.xz" bs=1 seek=20 conv=notrunc status=none
# A .deb with one byte changed (same size).
variant deb
musl=$(ls "$WORK/www/deb/pool/main/musl-dev_"*)
printf 'X' | dd of="$musl" bs=1 seek=2000 conv=notrunc status=none

# lacking/: bookworm-security lists a newer musl-dev whose file the pool
# lacks (as bullseye-security's arm64 libc6 is listed and absent on the
# real mirror): the install takes the newest version that is there.
variant lacking
printf 'Package: musl-dev\nVersion: 1.2.3-1+deb12u9\nArchitecture: amd64\nFilename: pool/main/musl-dev_1.2.3-1+deb12u9_amd64.deb\nSize: 10\nSHA256: %064d\n\n' 0 \
  >>"$WORK/www/lacking/dists/bookworm-security/main/binary-amd64/Packages"
sign_suite "$WORK/www/lacking" bookworm-security amd64 archive

serve_mirrors "$WORK/www"
url="http://127.0.0.1:$PORT"
printf '#include <stdio.h>\nint main(void){puts("fetched");return 0;}\n' >hi.c

# fetch_into STORE MIRROR [KEYRING]: sysroot install linux/amd64 with the builtin fetcher.
fetch_into() {
  XSTATIC_FETCH=builtin XSTATIC_MIRROR="$2" XSTATIC_SECURITY_MIRROR="$2" \
    XSTATIC_ARCHIVE_KEYRING="${3-$WORK/trusted.gpg}" \
    "$XSTATIC" --store "$1" sysroot install linux/amd64
}

# The good install: the same packages (name, version, SHA-256) as the .debs served.
sysroot=$(fetch_into "$WORK/good" "$url/good" 2>"$WORK/err") || fail "good install: $(cat "$WORK/err")"
[ -f "$sysroot/manifest.json" ] || fail "the good install made no sysroot"
[ ! -e "$WORK/good/apt" ] || fail "the builtin fetcher used apt"
for deb in "${debs[@]}"; do
  expect_contains "$(cat "$sysroot/manifest.json")" "$(sha256sum "$deb" | cut -d' ' -f1)"
done
# musl's own malloc and routines: the fresh store builds no runtimes.
XSTATIC_HOME="$WORK/good" "$XSTATIC" cc --target linux/amd64 --malloc=musl --libc-routines=musl hi.c -o hi
[ "$(./hi)" = fetched ] || fail "the fetched sysroot does not build a working hello"
echo "ok: good install from the local mirror"

sysroot=$(fetch_into "$WORK/lacking" "$url/lacking" 2>"$WORK/err") || fail "lacking: $(cat "$WORK/err")"
expect_contains "$(cat "$WORK/err")" "note: the archive lacks pool/main/musl-dev_1.2.3-1+deb12u9_amd64.deb: took musl-dev_1.2.3-1_amd64.deb"
expect_contains "$(cat "$sysroot/manifest.json")" "$(sha256sum "${debs[2]}" | cut -d' ' -f1)"
echo "ok: a version listed but absent from the pool: the newest one there is taken"

# refused CASE MIRROR EXIT TEXT [KEYRING]: refused with TEXT, nothing installed or cached.
refused() {
  local store="$WORK/store-$1" rc=0
  fetch_into "$store" "$2" "${5-$WORK/trusted.gpg}" >/dev/null 2>"$WORK/err" || rc=$?
  [ "$rc" = "$3" ] || fail "$1: exit $rc (want $3): $(cat "$WORK/err")"
  expect_contains "$(cat "$WORK/err")" "$4"
  [ -z "$(ls -A "$store/sysroots" 2>/dev/null)" ] || fail "$1 left a sysroot: $(ls -A "$store/sysroots")"
  [ -z "$(ls -A "$store/archive/debs" 2>/dev/null | grep -v -e '^linux-libc-dev_' -e '^libgcc-12-dev_')" ] ||
    fail "$1 kept a .deb it refused: $(ls -A "$store/archive/debs")"
  echo "ok: $1: $(grep error: "$WORK/err" | cut -c1-220)"
}
refused tampered "$url/tampered" 1 "no good signature"
refused stranger "$url/stranger" 1 "not in the keyring"
refused debian-keyring "$url/good" 1 "not in the keyring" ""
refused index "$url/index" 1 "Packages.xz: bad HTTP response: its body of"
refused index-hash "$url/index-hash" 1 "Packages.xz: SHA-256 "
refused deb "$url/deb" 1 "$(basename "$musl")"
refused unreachable "http://127.0.0.1:$(closed_port)" 3 "Connection refused"
expect_contains "$(cat "$WORK/err")" "hint: check the network, or set XSTATIC_MIRROR"
echo "PASS: sysroot_fetch_builtin"
