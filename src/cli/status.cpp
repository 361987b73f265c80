#include "status.hpp"

#include "commands.hpp"
#include "options.hpp"
#include "xstatic/integrate/wasi.hpp"
#include "xstatic/integrate/wine.hpp"
#include "xstatic/runtimes/allocator.hpp"
#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/sysroot/install.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/target/os.hpp"
#include "xstatic/toolchain/clang.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::cli {

std::string runner_for(const target::Target& t) {
  auto host = target::host();
  if (t.row->goos == host.row->goos && t.row->goarch == host.row->goarch) return "native";
  switch (target::os_info(*t.row).runner) {
    case target::Runner::wasi: {
      auto runtime = integrate::find_wasi_runtime();
      return runtime ? runtime->name : "-";
    }
    case target::Runner::wine: {  // `xstatic run` uses wine (integrate/wine.hpp)
      auto wine = integrate::find_wine(t.row->is_64bit);
      return wine ? std::filesystem::path(*wine).filename().string() : "-";
    }
    case target::Runner::emulator:
      break;
  }
  if (t.row->qemu.empty()) return "-";
  return util::find_program(std::string(t.row->qemu)) ? std::string(t.row->qemu) : "-";
}

namespace {

// clang's major version, learnt once per call of `targets`/`doctor` (0 when no clang).
int clang_major(const store::Store& store) {
  static int major = [&] {
    auto clang = toolchain::try_find_clang(store);
    return clang ? clang->major : 0;
  }();
  return major;
}

std::string cxx_runtime_of(const store::Store& store, const target::Target& t) {
  if (!(t.row->languages & target::kCxx)) return "-";
  const auto& libc = target::libc_info(t.libc);
  if (!libc.builds_cxx_runtimes)  // from the sysroot or the toolchain (WASI's: docs/wasm.md)
    return std::string(libc.cxx_runtime) + (libc.cxx_exceptions ? "" : " (no exc.)");
  // Built on the first C++ link, so not "missing"; but say whether it is there.
  std::string libcxx(runtimes::kind_info(runtimes::Kind::libcxx).name);
  return runtimes::find(store, t, clang_major(store)) ? libcxx : libcxx + " (not built)";
}

// The allocator a link for `t` gets with --malloc=auto.
std::string allocator_of(const store::Store& store, const target::Target& t) {
  if (runtimes::mimalloc_supported(t)) {
    auto built = runtimes::find_mimalloc(store, t, clang_major(store));
    return built ? "mimalloc " + built->version : "mimalloc (not built)";  // built on the first link
  }
  auto own = target::libc_info(t.libc).malloc;
  return own.empty() ? "system" : std::string(own);
}

}  // namespace

TargetStatus target_status(const target::Target& t) {
  TargetStatus s{t, {}, "-", {}, runner_for(t), {}, {}, false};
  auto store = cli::store();
  s.sysroot = sysroot::find(store, t);
  s.cxx_runtime = cxx_runtime_of(store, t);
  s.allocator = allocator_of(store, t);
  if (!s.sysroot) {
    s.missing = "sysroot";
    s.fix = sysroot::install_command(t);
  } else if (auto inst = sysroot::installed(store, t); inst && !inst->current) {
    // Still usable (static links work), but files the current recipe adds
    // (musl's crtbeginS.o for -shared/-pie) are missing: say how to update.
    s.sysroot_outdated = true;
    s.fix = inst->fix;
  }
  return s;
}

std::vector<TargetStatus> all_target_status() {
  std::vector<TargetStatus> out;
  for (const auto& row : target::table()) {
    for (const auto& libc : target::libcs())
      if (row.libcs & target::libc_bit(libc.libc)) out.push_back(target_status({&row, libc.libc}));
  }
  return out;
}

}  // namespace xstatic::cli
