# A small Debian archive on 127.0.0.1 for the fetcher's suites (sourced
# after common.sh): a throwaway gpg key (never in Debian's keyring; the
# suite trusts it through XSTATIC_ARCHIVE_KEYRING), make_mirror DIR SUITE
# DEBS... (dists/SUITE/InRelease signed by that key, main/binary-ARCH's
# Packages and Packages.xz, pool/), and serve_mirrors DIR (python3's
# http.server on a free port, bounded by timeout, stopped by stop_daemons).

# new_gpg_key NAME: a key in $WORK/gnupg-NAME; prints nothing.
new_gpg_key() {
  mkdir -m 700 "$WORK/gnupg-$1"
  GNUPGHOME="$WORK/gnupg-$1" gpg --batch -q --passphrase '' \
    --quick-gen-key "xstatic test $1 <$1@test.invalid>" ed25519 sign never 2>/dev/null
}

# sign_release NAME RELEASE INRELEASE
sign_release() {
  GNUPGHOME="$WORK/gnupg-$1" gpg --batch -q --yes --digest-algo SHA256 --clearsign -o "$3" "$2"
}

# make_mirror DIR SUITE ARCH KEY [DEB...]: one suite with main/binary-ARCH.
make_mirror() {
  local dir=$1 suite=$2 arch=$3 key=$4 deb
  shift 4
  local bin="$dir/dists/$suite/main/binary-$arch"
  mkdir -p "$bin" "$dir/pool/main"
  : >"$bin/Packages"
  for deb in "$@"; do
    cp "$deb" "$dir/pool/main/"
    {
      dpkg-deb -f "$deb" Package Version Architecture
      echo "Filename: pool/main/$(basename "$deb")"
      echo "Size: $(stat -c %s "$deb")"
      echo "SHA256: $(sha256sum "$deb" | cut -d' ' -f1)"
      echo
    } >>"$bin/Packages"
  done
  sign_suite "$dir" "$suite" "$arch" "$key"
}

# sign_suite DIR SUITE ARCH KEY: Packages.xz, Release and InRelease again
# from main/binary-ARCH/Packages (after a suite edited it).
sign_suite() {
  local dir=$1 suite=$2 arch=$3 key=$4 f
  local bin="$dir/dists/$suite/main/binary-$arch"
  xz -k -f "$bin/Packages"
  {
    echo "Origin: xstatic test"
    echo "Suite: $suite"
    echo "Codename: $suite"
    echo "Date: $(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S UTC')"
    echo "Architectures: $arch"
    echo "Components: main"
    echo "SHA256:"
    for f in Packages Packages.xz; do
      echo " $(sha256sum "$bin/$f" | cut -d' ' -f1) $(stat -c %s "$bin/$f") main/binary-$arch/$f"
    done
  } >"$dir/dists/$suite/Release"
  sign_release "$key" "$dir/dists/$suite/Release" "$dir/dists/$suite/InRelease"
}

# serve_mirrors DIR: sets PORT (the server binds port 0 and says which it
# got); the server stops with the suite (trap stop_daemons EXIT). No python
# call beyond the server's own: pyenv's shim costs a second per call.
serve_mirrors() {
  setsid timeout 600 python3 -u -m http.server --bind 127.0.0.1 --directory "$1" 0 >"$WORK/http.log" 2>&1 &
  daemons+=("$!")
  local i
  PORT=
  for i in $(seq 100); do
    PORT=$(sed -n 's/.* port \([0-9][0-9]*\).*/\1/p' "$WORK/http.log" | head -1)
    [ -n "$PORT" ] && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return 0
    sleep 0.1
  done
  fail "the test mirror did not start: $(cat "$WORK/http.log")"
}

# A port on 127.0.0.1 where nothing listens.
closed_port() {
  local port
  for port in $(seq $((20000 + $$ % 20000)) 65000); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  fail "no closed port on 127.0.0.1"
}

# stop_gpg_agents: the agents gpg started for the keys of new_gpg_key.
stop_gpg_agents() {
  local home
  for home in "$WORK"/gnupg-*; do
    [ -d "$home" ] || continue
    GNUPGHOME="$home" gpgconf --kill gpg-agent 2>/dev/null || echo "note: the gpg-agent of $home did not stop"
  done
}
