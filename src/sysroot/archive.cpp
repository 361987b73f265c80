// See xstatic/sysroot/archive.hpp.
#include "xstatic/sysroot/archive.hpp"

#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

#include "extract.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

using Reader = std::unique_ptr<archive, decltype(&archive_read_free)>;
using EntryPtr = std::unique_ptr<archive_entry, decltype(&archive_entry_free)>;

std::string message(archive* a) {
  const char* s = archive_error_string(a);
  return s ? s : "unknown libarchive error";
}

void add_filter(archive* a, const fs::path& out) {
  std::string name = out.filename().string();
  if (util::ends_with(name, ".zst"))
    archive_write_add_filter_zstd(a);
  else if (util::ends_with(name, ".xz"))
    archive_write_add_filter_xz(a);
  else if (util::ends_with(name, ".gz"))
    archive_write_add_filter_gzip(a);
  else if (!util::ends_with(name, ".tar"))
    throw Error("cannot tell the compression of " + out.string(), "name it FILE.tar.zst", Exit::usage);
}

std::vector<fs::path> sorted_tree(const fs::path& root) {
  std::vector<fs::path> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it)
    out.push_back(it->path().lexically_relative(root));
  std::sort(out.begin(), out.end());
  return out;
}

void write_header(archive* a, archive_entry* e, const std::string& name) {
  archive_entry_set_pathname(e, name.c_str());
  archive_entry_set_uid(e, 0);
  archive_entry_set_gid(e, 0);
  if (archive_write_header(a, e) != ARCHIVE_OK)
    throw Error("cannot write " + name + ": " + message(a), {}, Exit::internal);
}

void write_entry(archive* a, const fs::path& file, const std::string& name) {
  struct stat st{};
  if (::lstat(file.c_str(), &st) != 0) throw Error("cannot read " + file.string(), {}, Exit::internal);
  EntryPtr e(archive_entry_new(), archive_entry_free);
  archive_entry_copy_stat(e.get(), &st);
  archive_entry_set_nlink(e.get(), 1);  // hard links inside a tree are stored as copies
  if (S_ISLNK(st.st_mode)) archive_entry_set_symlink(e.get(), fs::read_symlink(file).c_str());
  if (!S_ISREG(st.st_mode)) archive_entry_set_size(e.get(), 0);
  write_header(a, e.get(), name);
  if (!S_ISREG(st.st_mode)) return;
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error("cannot read " + file.string(), {}, Exit::internal);
  std::vector<char> buf(1 << 16);
  ssize_t n;
  while ((n = ::read(fd, buf.data(), buf.size())) > 0)
    archive_write_data(a, buf.data(), static_cast<size_t>(n));
  ::close(fd);
}

Reader open_reader(const fs::path& file, const std::string& what, const std::string& make_hint) {
  Reader r(archive_read_new(), archive_read_free);
  archive_read_support_format_tar(r.get());
  archive_read_support_format_gnutar(r.get());
  archive_read_support_filter_all(r.get());
  if (archive_read_open_filename(r.get(), file.c_str(), 1 << 16) != ARCHIVE_OK)
    throw Error(file.string() + ": not a readable " + what + " (" + message(r.get()) + ")", make_hint,
                Exit::usage);
  return r;
}

}  // namespace

ArchiveWriter::ArchiveWriter(const fs::path& out) : out_(out), w_(archive_write_new(), archive_write_free) {
  add_filter(w_.get(), out);
  archive_write_set_format_pax_restricted(w_.get());
  if (archive_write_open_filename(w_.get(), out.c_str()) != ARCHIVE_OK)
    throw Error("cannot write " + out.string() + ": " + message(w_.get()),
                "check the folder exists and is writable", Exit::usage);
}

void ArchiveWriter::add_tree(const fs::path& dir, const std::string& name) {
  write_entry(w_.get(), dir, name);
  for (const auto& rel : sorted_tree(dir)) write_entry(w_.get(), dir / rel, name + "/" + rel.string());
}

void ArchiveWriter::add_bytes(const std::string& name, const std::string& bytes) {
  EntryPtr e(archive_entry_new(), archive_entry_free);
  archive_entry_set_filetype(e.get(), AE_IFREG);
  archive_entry_set_perm(e.get(), 0644);
  archive_entry_set_size(e.get(), static_cast<la_int64_t>(bytes.size()));
  write_header(w_.get(), e.get(), name);
  archive_write_data(w_.get(), bytes.data(), bytes.size());
}

void ArchiveWriter::close() {
  if (archive_write_close(w_.get()) != ARCHIVE_OK)
    throw Error("cannot write " + out_.string() + ": " + message(w_.get()), {}, Exit::internal);
}

void extract_archive(const fs::path& file, const fs::path& dest, const PlaceFn& place,
                     const std::string& what, const std::string& make_hint) {
  auto r = open_reader(file, what, make_hint);
  SafeTree tree(dest);
  extract_entries(r.get(), file.string(), tree, place);
}

std::string first_member(const fs::path& file, const std::string& what, const std::string& make_hint) {
  auto r = open_reader(file, what, make_hint);
  archive_entry* e = nullptr;
  if (archive_read_next_header(r.get(), &e) != ARCHIVE_OK)
    throw Error(file.string() + ": empty or damaged " + what, make_hint, Exit::usage);
  try {
    return clean_member(archive_entry_pathname(e)).value_or("");
  } catch (const Error& err) {
    throw Error(file.string() + ": refused member '" + archive_entry_pathname(e) + "': " + err.what(),
                "the file is damaged or hostile: check where it came from", Exit::usage);
  }
}

}  // namespace xstatic::sysroot
