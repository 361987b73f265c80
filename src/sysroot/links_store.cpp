// The store a links folder belongs to (see xstatic/sysroot/links_store.hpp).
#include "xstatic/sysroot/links_store.hpp"

#include <unistd.h>

#include <fstream>
#include <string>

#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::sysroot {
namespace {

// Two spellings of one store (a symlink, a trailing slash) are the same store.
bool same_store(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::equivalent(a, b, ec)) return true;
  return fs::absolute(a, ec).lexically_normal() == fs::absolute(b, ec).lexically_normal();
}

}  // namespace

void write_links_store(const fs::path& dir, const store::Store& store) {
  auto current = read_links_store(dir);
  if (current && *current == store.root()) return;
  fs::path file = dir / kLinksStoreFile;
  fs::path tmp = file;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << store.root().string() << "\n";
    if (!out) throw Error("cannot write " + tmp.string(), {}, Exit::internal);
  }
  std::error_code ec;
  fs::rename(tmp, file, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw Error("cannot write " + file.string(), {}, Exit::internal);
  }
}

std::optional<fs::path> read_links_store(const fs::path& dir) {
  std::ifstream in(dir / kLinksStoreFile);
  std::string line;
  if (!in || !std::getline(in, line) || line.empty()) return std::nullopt;
  return fs::path(line);
}

std::optional<fs::path> program_dir(std::string_view argv0) {
  std::string name(argv0);
  if (name.find('/') != std::string::npos) return fs::path(name).parent_path();
  // Found on PATH the way execvp found it (a link is followed only to check it runs).
  if (auto found = util::find_program(name)) return fs::path(*found).parent_path();
  return std::nullopt;
}

store::Store store_of_program(std::string_view argv0) {
  auto dir = program_dir(argv0);
  auto recorded = dir ? read_links_store(*dir) : std::nullopt;
  if (!recorded) return store::Store::locate();
  auto home = util::getenv_nonempty("XSTATIC_HOME");
  if (home && !same_store(*home, *recorded))
    throw Error(std::string(argv0) + " belongs to the store " + recorded->string() + " (recorded in " +
                    (*dir / kLinksStoreFile).string() + "), but XSTATIC_HOME names the store " + *home +
                    "; not switching stores silently",
                "unset XSTATIC_HOME (or set it to " + recorded->string() +
                    "), or use that store's own names: " +
                    "regenerate the toolchain file or 'xstatic env' output with XSTATIC_HOME=" + *home,
                Exit::usage);
  return store::Store(*recorded);
}

}  // namespace xstatic::sysroot
