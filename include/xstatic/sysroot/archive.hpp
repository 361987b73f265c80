// Folders of the store as one tar archive (zstd, xz or gzip by the file's
// name), and back: what `sysroot export/import` and `runtimes export/import`
// share. Members are written sorted with uid/gid 0, so one tree always gives
// the same archive; reading writes every member through SafeTree's rules
// (relative paths only, no '..', no write through a symlink, links that stay
// inside), so a hostile archive cannot write outside the folder it is given.
#pragma once

#include <archive.h>

#include <filesystem>
#include <memory>
#include <string>

#include "xstatic/sysroot/deb.hpp"

namespace xstatic::sysroot {

namespace fs = std::filesystem;

class ArchiveWriter {
 public:
  // Throws Error(usage) when the name has no known compression or cannot be written.
  explicit ArchiveWriter(const fs::path& out);
  // `dir` itself as `name`, then everything under it as `name/...`, sorted.
  void add_tree(const fs::path& dir, const std::string& name);
  // One regular file of the given bytes (an index written before the trees).
  void add_bytes(const std::string& name, const std::string& bytes);
  void close();

 private:
  fs::path out_;
  std::unique_ptr<archive, decltype(&archive_write_free)> w_;
};

// Extracts every member of `file` into `dest` (which must exist), each placed
// by `place` (nullopt skips it; it may throw Error to refuse one). `what`
// names the kind of archive in errors ("sysroot archive"), `make_hint` says
// how such an archive is made.
void extract_archive(const fs::path& file, const fs::path& dest, const PlaceFn& place,
                     const std::string& what, const std::string& make_hint);

// The name of the archive's first member (after "./"), for a first look.
std::string first_member(const fs::path& file, const std::string& what, const std::string& make_hint);

}  // namespace xstatic::sysroot
