// A scratch folder for the fuzzers that write files (.deb extraction,
// sysroot import): one per process, made once, emptied after every input.
// contain() is the fuzzers' own oracle for the safe-extraction promise: after
// an input, nothing may exist in the scratch folder beside the input file and
// the extraction root, the canary file beside the root must be untouched and
// have no second hard link, and every symlink under the root must resolve
// (lexically, from its own folder) inside the root. A breach aborts, which
// libFuzzer records as a crash.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace xstatic::fuzz {

namespace fs = std::filesystem;

inline constexpr std::string_view kCanaryText = "outside the root: must stay as it is\n";

[[noreturn]] inline void breach(const std::string& what) {
  std::fprintf(stderr, "SAFE-EXTRACTION BREACH: %s\n", what.c_str());
  std::abort();
}

class Scratch {
 public:
  explicit Scratch(const char* name) {
    const char* base = std::getenv("XSTATIC_FUZZ_TMP");
    if (!base) base = fs::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
    std::string templ = std::string(base) + "/xstatic-" + name + "-XXXXXX";
    if (!::mkdtemp(templ.data())) breach("cannot make a scratch folder under " + std::string(base));
    dir = templ;
    root = dir / "root";
    input = dir / "input";
    std::ofstream(dir / "canary") << kCanaryText;
  }
  ~Scratch() { empty_root(), fs::remove_all(dir); }

  void write_input(const std::uint8_t* data, std::size_t size) const {
    std::ofstream out(input, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }

  // An empty root, as the extraction finds it.
  void fresh_root() const {
    empty_root();
    fs::create_directory(root);
  }

  void contain() const {
    for (const auto& e : fs::directory_iterator(dir)) {
      auto name = e.path().filename().string();
      if (name != "root" && name != "input" && name != "canary") breach("wrote " + e.path().string());
    }
    struct stat st{};
    if (::lstat((dir / "canary").c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1)
      breach("the canary was replaced or hard-linked");
    std::ifstream in(dir / "canary");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text != kCanaryText) breach("the canary was written to");
    if (!fs::exists(fs::symlink_status(root))) return;
    if (fs::is_symlink(fs::symlink_status(root))) breach("the root became a symlink");
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (!it->is_symlink()) continue;
      fs::path target = fs::read_symlink(it->path(), ec);
      if (ec) continue;
      if (target.is_absolute()) breach("absolute symlink " + it->path().string() + " -> " + target.string());
      fs::path resolved = (it->path().parent_path() / target).lexically_normal();
      auto rel = resolved.lexically_relative(root);
      if (rel.empty() || *rel.begin() == "..")
        breach("symlink " + it->path().string() + " -> " + target.string() + " leaves the root");
    }
  }

  void empty_root() const {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(root))) return;
    // Members may come with mode 000 folders: open them up before removing.
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_directory() && !it->is_symlink()) ::chmod(it->path().c_str(), 0700);
    fs::remove_all(root, ec);
  }

  fs::path dir, root, input;
};

}  // namespace xstatic::fuzz
