#include "xstatic/toolchain/clang.hpp"

#include <llvm/Support/xxhash.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::toolchain {
namespace {

constexpr const char* kInstallHint = "sudo apt-get install clang-19 lld-19 llvm-19";

int leading_number(std::string_view s) {
  int n = 0;
  std::size_t i = 0;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) n = n * 10 + (s[i] - '0');
  return i == 0 || i > 3 ? 0 : n;
}

std::string real_path_of(const std::string& path) {
  char* r = ::realpath(path.c_str(), nullptr);
  if (!r) return path;
  std::string out(r);
  std::free(r);
  return out;
}

bool is_executable(const std::string& path) {
  return ::access(path.c_str(), X_OK) == 0;
}

std::string dirname_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// <store>/cache/clang/<hash of path>: "<mtime ns> <major>". One small file per
// clang binary ever used: bounded, and written by rename so readers never see half.
std::filesystem::path cache_file(const store::Store& store, const std::string& real_path) {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx",
                static_cast<unsigned long long>(llvm::xxh3_64bits(llvm::StringRef(real_path))));
  return store.clang_cache_dir() / name;
}

long long mtime_ns(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) return -1;
  return static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

int cached_major(const std::filesystem::path& file, long long mtime) {
  std::ifstream in(file);
  long long stored = 0;
  int major = 0;
  if (in >> stored >> major && stored == mtime) return major;
  return 0;
}

void store_major(const std::filesystem::path& file, long long mtime, int major) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  auto tmp = file;
  tmp += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp);
    out << mtime << ' ' << major << '\n';
    if (!out) return;  // a cache we cannot write only costs time
  }
  std::filesystem::rename(tmp, file, ec);
  if (ec) std::filesystem::remove(tmp, ec);
}

int learn_major(const Clang& clang, const store::Store& store) {
  long long mtime = mtime_ns(clang.real_path);
  auto file = cache_file(store, clang.real_path);
  if (int m = cached_major(file, mtime)) return m;
  util::RunOptions capture;
  capture.capture_stdout = capture.capture_stderr = true;
  int m = major_from_version_output(util::run({clang.path, "--version"}, capture).out);
  if (m) store_major(file, mtime, m);
  return m;
}

}  // namespace

int major_from_name(std::string_view path) {
  // "/usr/lib/llvm-19/bin/clang": Debian's and apt.llvm.org's layout.
  if (auto pos = path.rfind("/llvm-"); pos != std::string_view::npos) {
    auto rest = path.substr(pos + 6);
    if (int n = leading_number(rest); n && rest.find('/') == std::to_string(n).size()) return n;
  }
  auto slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::string_view prefix : {"clang++-", "clang-"})
    if (base.starts_with(prefix)) {
      auto rest = base.substr(prefix.size());
      if (int n = leading_number(rest); n && rest.size() == std::to_string(n).size()) return n;
    }
  return 0;
}

int major_from_version_output(std::string_view text) {
  auto pos = text.find("clang version ");
  if (pos == std::string_view::npos) return 0;
  return leading_number(text.substr(pos + 14));
}

namespace {

// Set once, by the bundle's main(), before anything reads it.
struct Bundled {
  std::string clang;  // <bin>/clang
  int major = 0;
};
std::optional<Bundled>& bundled_clang() {
  static std::optional<Bundled> bundled;
  return bundled;
}

// The search of find_clang and try_find_clang: the clang, else nullopt with
// `why` holding the Error find_clang throws.
std::optional<Clang> search_clang(const store::Store& store, const std::string& name,
                                  std::optional<Error>& why) {
  Clang clang;
  auto chosen = name.empty() ? util::getenv_nonempty("XSTATIC_CLANG") : std::optional(name);
  if (chosen) {
    auto found = util::find_program(*chosen);
    if (!found) {
      why.emplace(
          (name.empty() ? "XSTATIC_CLANG names '" : "the clang '") + *chosen + "' is not an executable",
          "unset XSTATIC_CLANG or point it at clang", Exit::missing);
      return std::nullopt;
    }
    clang.path = *found;
  } else if (const auto& bundled = bundled_clang()) {
    if (!is_executable(bundled->clang)) {
      why.emplace("this xstatic bundle has no " + bundled->clang +
                      " (a link to bin/xstatic, which the bundle's clang runs as)",
                  "unpack the whole xstatic-*-linux-amd64.tar.zst, not bin/xstatic alone", Exit::missing);
      return std::nullopt;
    }
    clang.path = bundled->clang;
    clang.real_path = real_path_of(clang.path);
    clang.major = bundled->major;
    return clang;
  } else if (auto c19 = util::find_program("clang-19")) {
    clang.path = *c19;
  } else if (auto c = util::find_program("clang")) {
    clang.path = *c;
  } else {
    why.emplace(
        "clang not found on PATH (xstatic drives clang " + std::to_string(kMinClangMajor) + " or newer)",
        kInstallHint, Exit::missing);
    return std::nullopt;
  }
  clang.real_path = real_path_of(clang.path);
  clang.major = major_from_name(clang.path);
  if (!clang.major) clang.major = major_from_name(clang.real_path);
  if (!clang.major) clang.major = learn_major(clang, store);
  if (clang.major < kMinClangMajor) {
    why.emplace(clang.path + " is clang " +
                    (clang.major ? std::to_string(clang.major) : "of unknown version") +
                    "; xstatic needs clang " + std::to_string(kMinClangMajor) + " or newer",
                std::string(kInstallHint) + ", or set XSTATIC_CLANG", Exit::missing);
    return std::nullopt;
  }
  return clang;
}

}  // namespace

void use_bundled_clang(std::string bin_dir, int major) {
  bundled_clang() = Bundled{std::move(bin_dir) + "/clang", major};
}

std::optional<Clang> try_find_clang(const store::Store& store, const std::string& name) {
  std::optional<Error> why;
  return search_clang(store, name, why);
}

Clang find_clang(const store::Store& store, const std::string& name) {
  std::optional<Error> why;
  if (auto clang = search_clang(store, name, why)) return *clang;
  throw *why;
}

std::optional<std::string> cxx_driver(const Clang& clang) {
  auto slash = clang.path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : clang.path.substr(0, slash + 1);
  std::string base = clang.path.substr(dir.size());
  if (!base.starts_with("clang") || base.starts_with("clang++")) return std::nullopt;
  std::string candidate = dir + "clang++" + base.substr(5);
  if (is_executable(candidate)) return candidate;
  return std::nullopt;
}

std::optional<std::string> ld_path_for(const Clang& clang, const std::string& lld) {
  if (lld == dirname_of(clang.real_path) + "/ld.lld") return std::nullopt;
  return lld;
}

std::optional<std::string> find_lld(const Clang& clang, std::string_view name) {
  std::string base(name);
  if (std::string beside = dirname_of(clang.real_path) + "/" + base; is_executable(beside)) return beside;
  for (std::string candidate : {base + "-" + std::to_string(clang.major), base})
    if (auto found = util::find_program(candidate)) return found;
  return std::nullopt;
}

std::optional<std::string> find_llvm_tool(std::string_view name) {
  std::string base(name);
  // The bundle's own tools (ld.lld and the other lld names) before the host's.
  if (const auto& bundled = bundled_clang())
    if (std::string beside = dirname_of(bundled->clang) + "/" + base; is_executable(beside)) return beside;
  if (auto found = util::find_program(base + "-" + std::to_string(kPreferredClangMajor))) return found;
  return util::find_program(base);
}

}  // namespace xstatic::toolchain
