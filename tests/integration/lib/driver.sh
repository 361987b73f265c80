# Sysroots and runners for the driver_* suites (chroot, cxx, dispatch,
# doctor, flags, hello, linker, store, verify); sourced after common.sh:
# driver_sysroot, driver_run.

# The sysroot for a target in the test store, installed by xstatic itself.
driver_sysroot() { # target libc
  need apt-get
  need_sysroot "$1" "$2" || fail "cannot install the $2 sysroot for $1"
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
