// What a finished build's install tree goes through before it is a package
// (see build.cpp): pruned to what a static library needs, its archives
// checked for the target's machine, its .pc files made relocatable, and
// every file digested for the manifest.

// GCC 12 -O3 reports a null dereference inside llvm::Error's moves once the
// archive walk is inlined (a false positive, as in runtimes/list.cpp).
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <llvm/Object/Archive.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/TargetParser/Triple.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "internal.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::pkg::detail {

// Every member of every archive is an object for the target's machine:
// nothing of the host's slipped in (a build that ignored $CC).
void check_archives(const fs::path& lib_dir, const target::Target& t) {
  auto want = llvm::Triple(std::string(t.triple())).getArch();
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(lib_dir, ec)) {
    if (e.path().extension() != ".a") continue;
    auto buffer = llvm::MemoryBuffer::getFile(e.path().string());
    if (!buffer) throw Error("cannot read " + e.path().string(), {}, Exit::failed);
    auto archive = llvm::object::Archive::create((*buffer)->getMemBufferRef());
    if (!archive) {
      llvm::consumeError(archive.takeError());
      throw Error(e.path().filename().string() + " is not an archive", {}, Exit::failed);
    }
    llvm::Error err = llvm::Error::success();
    for (const auto& child : (*archive)->children(err)) {
      auto ref = child.getMemoryBufferRef();
      if (!ref) {
        llvm::consumeError(ref.takeError());
        continue;
      }
      auto obj = llvm::object::ObjectFile::createObjectFile(*ref);
      if (!obj) {
        llvm::consumeError(obj.takeError());
        continue;  // not an object (a symbol table, a text member)
      }
      if ((*obj)->getArch() != want) {
        auto name = child.getName();
        throw Error(e.path().filename().string() + " holds " +
                        (name ? name->str() : std::string("a member")) + ", an object for " +
                        llvm::Triple::getArchTypeName((*obj)->getArch()).str() + ", not " +
                        std::string(t.triple()),
                    {}, Exit::failed);
      }
    }
    if (err) llvm::consumeError(std::move(err));
  }
}

// Rewrites one line of a .pc file installed with prefix /usr so that the
// package can move (an import into another store) and pkg-config still
// finds its files: "prefix=/usr" -> "prefix=${pcfiledir}/../..", any other
// "/usr/..." a line spells out (zlib writes "libdir=/usr/lib") -> "${prefix}/...".
// A -L or -I of another absolute path in a Libs or Cflags line is where a
// dependency sat during the build (libxml2's configure copies zlib's
// "-L<store>/pkg/.../zlib/lib" from pkg-config): dropped, since the driver
// and the pkg-config wrapper find every package of the target without it.
std::string relocated_pc_line(std::string line) {
  if (line == "prefix=/usr" || line == "prefix=/usr/") return "prefix=${pcfiledir}/../..";
  if (line.starts_with("Libs") || line.starts_with("Cflags")) {
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string kept = line.substr(0, colon + 1), words = line.substr(colon + 1);
      for (auto word : util::split(words, ' ')) {
        bool build_path = (word.starts_with("-L/") || word.starts_with("-I/")) &&
                          !word.starts_with("-L/usr") && !word.starts_with("-I/usr");
        if (!word.empty() && !build_path) kept += " " + std::string(word);
      }
      line = kept;
    }
  }
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    bool starts_path =
        line.compare(i, 4, "/usr") == 0 && (i + 4 == line.size() || line[i + 4] == '/') &&
        (i == 0 || line[i - 1] == '=' || line[i - 1] == ' ' || line[i - 1] == 'I' || line[i - 1] == 'L');
    if (starts_path) {
      out += "${prefix}";
      i += 4;
    } else {
      out += line[i++];
    }
  }
  return out;
}

void relocate_pc_files(const fs::path& root) {
  for (const char* sub : {"lib/pkgconfig", "share/pkgconfig"}) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root / sub, ec)) {
      if (e.path().extension() != ".pc") continue;
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      std::string text = ss.str(), out;
      for (auto line : util::split(text, '\n')) out += relocated_pc_line(std::string(line)) + "\n";
      while (out.size() > 1 && out.ends_with("\n\n")) out.pop_back();
      std::ofstream(e.path(), std::ios::trunc) << out;
    }
  }
}

// A static library's users must often define a macro that says so (curl.h
// declares its functions __declspec(dllimport) on Windows unless
// CURL_STATICLIB is defined, and lld cannot link that against an archive):
// defined in the header itself, as vcpkg does, so that no build needs a flag.
void define_in_headers(const fs::path& root, const Recipe::HeaderDefines& defines) {
  for (const auto& [header, macros] : defines) {
    fs::path file = root / header;
    std::ifstream in(file, std::ios::binary);
    if (!in)
      throw Error("cannot define " + util::join(macros, ", ") + " in " + header + ": not installed", {},
                  Exit::failed);
    std::stringstream text;
    text << "/* xstatic pkg: a static library */\n";
    for (const auto& m : macros) text << "#ifndef " << m << "\n#define " << m << " 1\n#endif\n";
    text << in.rdbuf();
    in.close();
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text.str();
  }
}

// What a static library package has no use for: programs, manuals, libtool
// archives (absolute paths), shared objects.
void prune(const fs::path& root) {
  std::error_code ec;
  for (const char* sub : {"bin", "sbin", "share/man", "share/doc", "share/info", "libexec"})
    fs::remove_all(root / sub, ec);
  std::vector<fs::path> drop;
  for (const auto& e : fs::recursive_directory_iterator(root / "lib", ec)) {
    std::string n = e.path().filename().string();
    if (n.ends_with(".la") || n.ends_with(".so") || n.find(".so.") != std::string::npos)
      drop.push_back(e.path());
  }
  for (const auto& p : drop) fs::remove(p, ec);
  for (const char* sub : {"share/pkgconfig", "share", "lib/pkgconfig"})  // left empty
    if (fs::is_empty(root / sub, ec)) fs::remove(root / sub, ec);
}

std::vector<std::pair<std::string, std::string>> file_digests(const fs::path& root) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && !e.is_symlink())
      out.emplace_back(fs::relative(e.path(), root).generic_string(), detail::sha256_file(e.path()));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace xstatic::pkg::detail
