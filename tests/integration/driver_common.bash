# Shared by the driver_*.sh suites (sourced after lib.sh; not a test itself).
#
# driver_sysroot TARGET LIBC: makes sure the test store has the sysroot.
# With the sysroot module built in, `xstatic sysroot install` does it. Until
# then the suites lay one out by hand, as design.md describes: a private apt
# state fetches the Debian packages for the architecture (the host's dpkg
# state is never touched) and dpkg-deb extracts them. Test setup only.

driver_has_sysroot_cmd() {
  case "$("$XSTATIC" --help)" in *$'\n  sysroot '*) return 0 ;; *) return 1 ;; esac
}

driver_sysroot() { # target libc
  local target=$1 libc=$2 arch
  if driver_has_sysroot_cmd; then need_sysroot "$target" "$libc"; return; fi
  case $target in
    linux/amd64) arch=amd64 ;; linux/arm64) arch=arm64 ;;
    *) skip "no hand-made sysroot recipe for $target" ;;
  esac
  local dest="$XSTATIC_HOME/sysroots/$arch-$libc"
  [ -f "$dest/manifest.json" ] && return
  need dpkg-deb; need apt-get
  mkdir -p "$XSTATIC_HOME/locks" "$XSTATIC_HOME/sysroots"
  (
    flock 9
    [ -f "$dest/manifest.json" ] && exit 0
    driver_build_sysroot "$arch" "$libc" "$dest"
  ) 9>"$XSTATIC_HOME/locks/driver-test-$arch-$libc"
}

driver_apt() { # arch apt-args...
  local arch=$1; shift
  local state="$XSTATIC_HOME/apt/driver-test-$arch"
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
  apt-get -qq -o APT::Architecture="$arch" -o APT::Architectures="$arch" \
    -o Dir::State::Lists="$state/lists" -o Dir::Cache="$state/cache" \
    -o Dir::State::status=/dev/null -o Debug::NoLocking=1 -o APT::Sandbox::User=root "$@"
}

driver_build_sysroot() { # arch libc dest
  local arch=$1 libc=$2 dest=$3 gnu
  case $arch in amd64) gnu=x86_64-linux-gnu ;; arm64) gnu=aarch64-linux-gnu ;; esac
  local tmp; tmp=$(mktemp -d "$XSTATIC_HOME/sysroots/.tmp-driver-XXXXXX")
  local debs="$tmp/debs" raw="$tmp/raw"
  mkdir -p "$debs" "$raw"
  local pkgs=(linux-libc-dev libgcc-12-dev)
  if [ "$libc" = musl ]; then pkgs+=(musl-dev); else pkgs+=(libc6-dev libc6 libstdc++-12-dev libcrypt-dev); fi
  [ -d "$XSTATIC_HOME/apt/driver-test-$arch/lists" ] && ls "$XSTATIC_HOME/apt/driver-test-$arch/lists/"*Packages* >/dev/null 2>&1 \
    || driver_apt "$arch" update >/dev/null || skip "apt cannot fetch $arch package lists"
  (cd "$debs" && driver_apt "$arch" download "${pkgs[@]/%/:$arch}") >/dev/null || skip "apt cannot download ${pkgs[*]}"
  for d in "$debs"/*.deb; do dpkg-deb -x "$d" "$raw"; done
  local root="$tmp/root"
  if [ "$libc" = musl ]; then
    local musl=${gnu%-gnu}-musl
    mkdir -p "$root/usr/include" "$root/usr/lib"
    cp -a "$raw/usr/include/$musl/." "$root/usr/include/"
    cp -a "$raw/usr/include/linux" "$raw/usr/include/asm-generic" "$root/usr/include/"
    cp -a "$raw/usr/include/$gnu/asm" "$root/usr/include/asm"
    cp -a "$raw/usr/lib/$musl/." "$root/usr/lib/"
    for f in libgcc.a libgcc_eh.a crtbeginT.o crtend.o crtbegin.o crtbeginS.o crtendS.o; do
      [ -f "$raw/usr/lib/gcc/$gnu/12/$f" ] && cp "$raw/usr/lib/gcc/$gnu/12/$f" "$root/usr/lib/"
    done
  else
    # glibc: Debian's multiarch layout, which clang understands as it is.
    mv "$raw" "$root"
  fi
  printf '{"target":"linux/%s","libc":"%s","made_by":"tests/integration/driver_common.bash"}\n' "$arch" "$libc" >"$root/manifest.json"
  rm -rf "$dest"
  mv "$root" "$dest"
  rm -rf "$tmp"
}

# Runs a binary of `target`: natively, or under its qemu-user.
driver_run() { # target binary args...
  local target=$1; shift
  case $target in
    linux/amd64*) "$@" ;;
    linux/arm64) need qemu-aarch64-static; qemu-aarch64-static "$@" ;;
    *) fail "driver_run: no runner for $target" ;;
  esac
}
