// Gathering a target's toolset and creating its launcher folder
// (see include/xstatic/integrate/toolset.hpp for why launchers exist).
#include "xstatic/integrate/toolset.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "xstatic/driver/driver.hpp"
#include "xstatic/integrate/generate.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/sysroot/links_store.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/target/os.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::integrate {

namespace {

Error no_launcher_prefix(const target::Target& t) {
  return Error(
      "no program name carries " + t.go_name() + " with " + std::string(t.libc_name()) + " (the triple " +
          std::string(t.triple()) + " means the default variant)",
      "use the default variant and add its flags yourself: CFLAGS='" + std::string(t.row->cflags) + "'");
}

}  // namespace

std::optional<std::string> try_launcher_prefix(const target::Target& t) {
  if (t.row->default_variant) return target::floored_triple(t);  // "x86_64-linux-gnu.2.31" for a floor
  // A variant shares its triple with the default row (x86_64-linux-musl is
  // amd64/v1); only the Go form names it, and the Go form means musl.
  if (t.libc == target::default_libc(*t.row)) {
    std::string name = t.go_name();
    std::replace(name.begin(), name.end(), '/', '-');
    return name;
  }
  return std::nullopt;
}

std::string launcher_prefix(const target::Target& t) {
  if (auto prefix = try_launcher_prefix(t)) return *prefix;
  throw no_launcher_prefix(t);
}

std::string debian_multiarch(const target::Row& row) {
  if (row.goarch == "386") return "i386-linux-gnu";  // Debian's name, not the i686 triple
  return std::string(row.triple_gnu);
}

bool runs_natively(const target::Target& t) {
  auto host = target::host();
  return t.row->goos == host.row->goos && t.row->goarch == host.row->goarch;
}

std::optional<std::vector<std::string>> emulator_for(const target::Target& t) {
  if (runs_natively(t)) return std::vector<std::string>{};
  if (t.row->qemu.empty()) return std::nullopt;
  std::string qemu(t.row->qemu);
  return std::vector<std::string>{util::find_program(qemu).value_or(qemu)};
}

std::optional<Toolset> try_describe(const store::Store& store, const target::Target& t,
                                    const fs::path& xstatic_exe) {
  auto prefix = try_launcher_prefix(t);
  if (!prefix) return std::nullopt;
  Toolset tools;
  tools.target = t;
  tools.prefix = *prefix;
  tools.xstatic = xstatic_exe;
  tools.store = store.root();
  tools.bin_dir = store.bin_dir();
  auto in_bin = [&](std::string_view tool) {
    return tools.bin_dir / (tools.prefix + "-" + std::string(tool));
  };
  tools.cc = in_bin("cc");
  tools.cxx = in_bin("c++");
  tools.ar = in_bin("ar");
  tools.ranlib = in_bin("ranlib");
  tools.nm = in_bin("nm");
  tools.strip = in_bin("strip");
  tools.objcopy = in_bin("objcopy");
  tools.objdump = in_bin("objdump");
  tools.readelf = in_bin("readelf");
  tools.ld = in_bin("ld");
  tools.pkg_config = in_bin("pkg-config");
  const target::OsInfo& os = target::os_info(*t.row);
  if (os.windows_tools) tools.windres = in_bin("windres");
  auto found = sysroot::find(store, t);
  tools.sysroot_installed = found.has_value();
  tools.sysroot = found.value_or(sysroot::is_provisioned_by_xstatic(t) ? store.sysroot_path(t) : fs::path());
  if (!tools.sysroot.empty()) {
    if (os.debian_multiarch)
      tools.pkg_config_dirs.push_back(tools.sysroot / "usr/lib" / debian_multiarch(*t.row) / "pkgconfig");
    tools.pkg_config_dirs.push_back(tools.sysroot / "usr/lib/pkgconfig");
    tools.pkg_config_dirs.push_back(tools.sysroot / "usr/share/pkgconfig");
  }
  tools.packages = store.packages_path(t);
  auto emulator = emulator_for(t);
  tools.runnable = emulator.has_value();
  if (emulator) tools.emulator = *emulator;
  if (os.runner != target::Runner::emulator) {
    // `xstatic run` finds wine (and sets its prefix) or a WASI runtime, and
    // says what to install when there is none.
    tools.runnable = true;
    tools.emulator = {xstatic_exe.string(), "run", "--"};
  }
  return tools;
}

Toolset describe(const store::Store& store, const target::Target& t, const fs::path& xstatic_exe) {
  if (auto tools = try_describe(store, t, xstatic_exe)) return std::move(*tools);
  throw no_launcher_prefix(t);
}

namespace {

// Both helpers write beside the final name, then rename over it: readers
// see the old or the new file, never half of one, and racing writers agree.
std::string temp_name(const fs::path& final_path) {
  return final_path.string() + ".tmp-" + std::to_string(::getpid());
}

void place_script(const fs::path& file, const std::string& text) {
  std::ifstream old(file);
  std::stringstream current;
  current << old.rdbuf();
  if (old && current.str() == text) return;
  fs::path tmp = temp_name(file);
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text;
    if (!out) throw Error("cannot write " + tmp.string(), {}, Exit::internal);
  }
  ::chmod(tmp.c_str(), 0755);
  std::error_code ec;
  fs::rename(tmp, file, ec);
  if (ec) throw Error("cannot create " + file.string() + ": " + ec.message(), {}, Exit::internal);
}

}  // namespace

Toolset with_bin_dir(Toolset tools, const fs::path& bin) {
  for (fs::path* p :
       {&tools.cc, &tools.cxx, &tools.ar, &tools.ranlib, &tools.nm, &tools.strip, &tools.objcopy,
        &tools.objdump, &tools.readelf, &tools.ld, &tools.pkg_config, &tools.windres})
    if (!p->empty()) *p = bin / p->filename();
  tools.bin_dir = bin;
  return tools;
}

std::optional<fs::path> user_links_dir(const fs::path& store_root) {
  fs::path cache;
  if (auto xdg = util::getenv_nonempty("XDG_CACHE_HOME"))
    cache = *xdg;
  else if (auto home = util::getenv_nonempty("HOME"))
    cache = fs::path(*home) / ".cache";
  else
    return std::nullopt;
  std::uint64_t h = util::Fnv1a().add(store_root.string()).value();  // a stable name per store path
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return cache / "xstatic" / ("links-" + std::string(hex));
}

namespace {

// Whether `dir` (or the folder that would hold it) may be written.
bool writable(const fs::path& dir) {
  fs::path p = dir;
  std::error_code ec;
  while (!p.empty() && !fs::exists(p, ec) && p != p.parent_path()) p = p.parent_path();
  return !p.empty() && ::access(p.c_str(), W_OK) == 0;
}

// The host's pkg-config, which the <prefix>-pkg-config script runs.
std::string host_pkg_config() {
  return util::find_program("pkg-config").value_or(util::find_program("pkgconf").value_or("pkg-config"));
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

void ensure_launchers(Toolset& tools, const std::function<void(const std::string&)>& note) {
  // The names are the driver's (`xstatic install-links`): compilers and
  // binutils under the triple and the Go form, all links to xstatic.
  auto names = driver::link_names(tools.target);
  const std::string host = host_pkg_config();
  auto in_place = [&] {
    std::error_code ec;
    return std::all_of(names.begin(), names.end(), [&](const std::string& n) {
      return fs::read_symlink(tools.bin_dir / n, ec) == tools.xstatic;
    });
  };
  auto complete = [&] {
    return in_place() && sysroot::read_links_store(tools.bin_dir) == tools.store &&
           read_file(tools.pkg_config) == pkg_config_script(tools, host);
  };
  // Commands that only read work in a store the user cannot write: what
  // <store>/bin lacks goes into a folder of the user's.
  if (!writable(tools.bin_dir) && !complete()) {
    auto mine = user_links_dir(tools.store);
    if (!mine)
      throw Error("cannot write the links folder " + tools.bin_dir.string() + " and HOME is not set",
                  "set XDG_CACHE_HOME or HOME, or choose a store you can write with --store DIR",
                  Exit::usage);
    tools = with_bin_dir(std::move(tools), *mine);
    if (note) note(tools.store.string() + "/bin cannot be written: the launchers are in " + mine->string());
  }
  // A parallel call (another configure) may make the same links meanwhile:
  // install_links renames a link of its own over each name, so both succeed.
  if (!in_place()) driver::install_links(tools.bin_dir, tools.xstatic, {tools.target});
  sysroot::write_links_store(tools.bin_dir, store::Store(tools.store));
  place_script(tools.pkg_config, pkg_config_script(tools, host));
}

void write_pkg_config(const Toolset& tools, const fs::path& file) {
  place_script(file, pkg_config_script(tools, host_pkg_config()));
}

fs::path self_executable() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw Error("cannot find the xstatic binary (/proc/self/exe): " + ec.message(), {}, Exit::internal);
  return self;
}

}  // namespace xstatic::integrate
