// Extracting a subset of a release tarball with libarchive. LLVM's tarballs
// hold one top folder (llvm-toolchain-19_19.1.7/ or llvm-project-19.1.7.src/)
// and 1.6 GB of files; the runtimes build needs a few per cent of them.
//
// Decompressing all of the xz stream costs ~20 s of CPU. But tar (and git
// archive, which makes LLVM's release tarballs) writes each folder's entries
// together, and in Debian's tarball every folder we want sits in the first
// 14% of the stream. So each wanted prefix is tracked as unseen, inside or
// left behind, and reading stops once all have been left behind. A tarball
// in another order is simply read further; one missing a folder, to its end.
#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include "internal.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/files.hpp"

namespace xstatic::runtimes::detail {
namespace {

using ReadPtr = std::unique_ptr<archive, decltype(&archive_read_free)>;
using WritePtr = std::unique_ptr<archive, decltype(&archive_write_free)>;

// "top/libcxx/src/x.cpp" -> "libcxx/src/x.cpp"; "" for the top folder itself.
std::string_view below_top(std::string_view path) {
  auto slash = path.find('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
}

enum class Seen : unsigned char { unseen, inside, passed };

// Updates what has been passed for this entry; true once every prefix has
// been entered and then left.
bool all_passed(std::string_view rel, const std::vector<std::string>& keep, std::vector<Seen>& seen) {
  bool all = true;
  for (std::size_t i = 0; i < keep.size(); ++i) {
    bool in = rel.starts_with(keep[i]);
    if (in)
      seen[i] = Seen::inside;
    else if (seen[i] == Seen::inside)
      seen[i] = Seen::passed;
    all = all && seen[i] == Seen::passed;
  }
  return all;
}

bool wanted(std::string_view rel, const std::vector<std::string>& keep,
            const std::vector<std::string>& skip) {
  if (rel.empty()) return false;
  bool in = false;
  for (const auto& k : keep) in = in || rel.starts_with(k);
  if (!in) return false;
  for (const auto& s : skip)
    if (rel.starts_with(s)) return false;
  return true;
}

// `dest`: the folder being written, when `a` is the writer.
[[noreturn]] void fail(archive* a, const fs::path& tarball, const fs::path& dest = {}) {
  // A write that ran out of space: the tarball is intact, the disk is full.
  if (!dest.empty() && util::is_no_space(archive_errno(a))) throw util::no_space_error(dest);
  throw Error(
      "cannot extract " + tarball.string() + ": " + (archive_error_string(a) ? archive_error_string(a) : "?"),
      "delete it so that it is fetched again, or pass another with --llvm-src", Exit::usage);
}

void copy_data(archive* in, archive* out, const fs::path& tarball, const fs::path& dest) {
  const void* buf = nullptr;
  size_t size = 0;
  la_int64_t offset = 0;
  for (;;) {
    int r = archive_read_data_block(in, &buf, &size, &offset);
    if (r == ARCHIVE_EOF) return;
    if (r != ARCHIVE_OK) fail(in, tarball);
    if (archive_write_data_block(out, buf, size, offset) != ARCHIVE_OK) fail(out, tarball, dest);
  }
}

}  // namespace

std::size_t extract_subset(const fs::path& tarball, const fs::path& dest,
                           const std::vector<std::string>& keep, const std::vector<std::string>& skip) {
  fs::create_directories(dest);
  ReadPtr in(archive_read_new(), archive_read_free);
  archive_read_support_filter_all(in.get());
  archive_read_support_format_tar(in.get());  // not _all: xar needs libxml2
  if (archive_read_open_filename(in.get(), tarball.c_str(), 1 << 16) != ARCHIVE_OK) fail(in.get(), tarball);
  WritePtr out(archive_write_disk_new(), archive_write_free);
  archive_write_disk_set_options(out.get(), ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM |
                                                ARCHIVE_EXTRACT_SECURE_NODOTDOT |
                                                ARCHIVE_EXTRACT_SECURE_SYMLINKS);
  std::size_t written = 0;
  std::vector<Seen> seen(keep.size(), Seen::unseen);
  archive_entry* entry = nullptr;
  for (;;) {
    int r = archive_read_next_header(in.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) fail(in.get(), tarball);
    std::string rel(below_top(archive_entry_pathname(entry)));
    if (all_passed(rel, keep, seen)) break;
    if (!wanted(rel, keep, skip)) continue;
    archive_entry_set_pathname(entry, (dest / rel).c_str());
    if (const char* link = archive_entry_hardlink(entry)) {
      std::string target(below_top(link));
      archive_entry_set_hardlink(entry, (dest / target).c_str());
    }
    if (archive_write_header(out.get(), entry) != ARCHIVE_OK) fail(out.get(), tarball, dest);
    if (archive_entry_size(entry) > 0) copy_data(in.get(), out.get(), tarball, dest);
    if (archive_write_finish_entry(out.get()) != ARCHIVE_OK) fail(out.get(), tarball, dest);
    ++written;
  }
  return written;
}

}  // namespace xstatic::runtimes::detail
