// Folders of the store as one tar archive (zstd, xz or gzip by the file's
// name), and back: what `sysroot export/import` and `runtimes export/import`
// share. Members are written sorted with uid/gid 0, so one tree always gives
// the same archive; reading writes every member through SafeTree's rules
// (relative paths only, no '..', no write through a symlink, links that stay
// inside), so a hostile archive cannot write outside the folder it is given.
#pragma once

#include <archive.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "xstatic/sysroot/deb.hpp"

namespace xstatic::sysroot {

namespace fs = std::filesystem;

// Writes to a temporary file beside `out` (.tmp-<pid>-<name>), renamed to
// `out` by close(): a killed or failed export never leaves a partial file
// under the final name. The destructor removes the temporary file unless
// close() succeeded; the constructor removes those of dead processes.
class ArchiveWriter {
 public:
  // Throws Error(usage) when the name has no known compression or cannot be written.
  explicit ArchiveWriter(const fs::path& out);
  ~ArchiveWriter();
  ArchiveWriter(const ArchiveWriter&) = delete;
  ArchiveWriter& operator=(const ArchiveWriter&) = delete;
  // `dir` itself as `name`, then everything under it as `name/...`, sorted.
  void add_tree(const fs::path& dir, const std::string& name);
  // One regular file of the given bytes (an index written before the trees).
  void add_bytes(const std::string& name, const std::string& bytes);
  // Finishes the archive and renames it to `out`.
  void close();

 private:
  fs::path out_;
  fs::path tmp_;
  bool closed_ = false;
  std::unique_ptr<archive, decltype(&archive_write_free)> w_;
};

// Extracts every member of `file` into `dest` (which must exist), each placed
// by `place` (nullopt skips it; it may throw Error to refuse one). `what`
// names the kind of archive in errors ("sysroot archive"), `make_hint` says
// how such an archive is made.
void extract_archive(const fs::path& file, const fs::path& dest, const PlaceFn& place,
                     const std::string& what, const std::string& make_hint);

// A first look at an archive whose first member may be an index file: its
// bytes (at most 64 MiB) when the first member is named `index_name`, and the
// name (after "./") of the first member after it. Throws Error(usage) for a file that is
// not a regular file or not a readable archive, or that holds nothing else.
struct ArchiveHead {
  std::optional<std::string> index;
  std::string first_member;
};
ArchiveHead read_head(const fs::path& file, const std::string& index_name, const std::string& what,
                      const std::string& make_hint);

// Every file and symlink under a folder (folders are implied by them), as
// path relative to it -> "sha256:<hex>" for a file or "link:<target>" for a
// symlink: what an archive's index lists and an import checks. Throws
// Error(usage) naming `label` for anything else (a fifo, a device).
using FileDigests = std::map<std::string, std::string>;
FileDigests tree_digests(const fs::path& root, const std::string& label);

// The differences between what was extracted (`got`) and an index (`want`):
// empty when they match, else one reason ("usr/lib/crt1.o is indexed but missing").
std::optional<std::string> digest_mismatch(const FileDigests& got, const FileDigests& want);

}  // namespace xstatic::sysroot
