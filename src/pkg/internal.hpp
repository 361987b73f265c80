// Pieces of the pkg module shared between its files (not a public API).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/pkg/pkg.hpp"
#include "xstatic/pkg/recipe.hpp"

namespace xstatic::pkg::detail {

namespace fs = std::filesystem;

// Debian's version order (deb-version(7)): epoch, then upstream and revision
// compared as alternating non-digit and digit runs, '~' sorting before all.
int compare_debian_versions(std::string_view a, std::string_view b);

// A downloaded source package: the folder holding its .dsc and files.
struct SourcePackage {
  fs::path dir;         // <store>/src/pkg/<source>_<version>/
  fs::path dsc;         // its .dsc
  std::string version;  // "7.88.1-10+deb12u15"
};

// Downloads Debian's source package `source` once into the store (the
// newest version whose files the archive really serves: a security suite's
// index may name files its mirror does not have yet). Locked; apt's output
// goes to `log`. Throws Error(missing) when no version can be fetched.
SourcePackage fetch_source(const store::Store& store, const std::string& source, const fs::path& log,
                           util::Progress& progress);

// Unpacks the source package into `dest` with Debian's patches applied,
// except those the recipe skips. Throws Error(failed) when a patch fails.
void unpack_source(const SourcePackage& source, const Recipe& recipe, const fs::path& dest,
                   const fs::path& log);

// SOURCE_DATE_EPOCH for a build: the date of the package's newest changelog entry.
std::string changelog_epoch(const fs::path& tree);

// The manifest of a built package (what `pkg list` and the driver read).
struct Manifest {
  std::string name, source, version, target, triple, sysroot, license, clang_version;
  int revision = 0, clang_major = 0;
  double build_seconds = 0;
  std::vector<std::string> libs, requires_, system_libs;
  std::vector<std::pair<std::string, std::string>> files;  // relative path, sha256
};
void write_manifest(const fs::path& file, const Manifest& m);
std::optional<Manifest> read_manifest(const fs::path& file);

// The install tree's checks and rewrites (install_tree.cpp):
// every archive member is an object for `t`'s machine (Error(failed) naming it);
void check_archives(const fs::path& lib_dir, const target::Target& t);
// one .pc line installed for prefix /usr, made relocatable;
std::string relocated_pc_line(std::string line);
// every .pc under lib/pkgconfig and share/pkgconfig rewritten so;
void relocate_pc_files(const fs::path& root);
// the recipe's macros defined at the top of its installed headers (Error(failed)
// when a header is missing);
void define_in_headers(const fs::path& root, const Recipe::HeaderDefines& defines);
// programs, manuals, libtool archives and shared objects dropped;
void prune(const fs::path& root);
// every regular file's path relative to `root` and SHA-256, sorted.
std::vector<std::pair<std::string, std::string>> file_digests(const fs::path& root);

// Lowercase hex SHA-256 of a file's bytes.
std::string sha256_file(const fs::path& file);

}  // namespace xstatic::pkg::detail
