// See xstatic/sysroot/archive.hpp.
#include "xstatic/sysroot/archive.hpp"

#include <archive_entry.h>
#include <fcntl.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/SHA256.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "extract.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/files.hpp"
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
    if (archive_write_data(a, buf.data(), static_cast<size_t>(n)) < 0) {
      ::close(fd);
      throw Error("cannot write " + name + ": " + message(a), {}, Exit::internal);
    }
  ::close(fd);
}

Reader open_reader(const fs::path& file, const std::string& what, const std::string& make_hint) {
  util::require_regular_file(file, what);  // a fifo would block the open forever
  Reader r(archive_read_new(), archive_read_free);
  archive_read_support_format_tar(r.get());
  archive_read_support_format_gnutar(r.get());
  archive_read_support_filter_all(r.get());
  if (archive_read_open_filename(r.get(), file.c_str(), 1 << 16) != ARCHIVE_OK)
    throw Error(file.string() + ": not a readable " + what + " (" + message(r.get()) + ")", make_hint,
                Exit::usage);
  return r;
}

std::string sha256_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  llvm::SHA256 h;
  std::vector<char> buf(1 << 16);
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0)
    h.update(llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t*>(buf.data()),
                                     static_cast<size_t>(in.gcount())));
  if (in.bad()) throw Error("cannot read " + file.string(), {}, Exit::usage);
  return "sha256:" + llvm::toHex(h.final(), true);
}

std::string member_name(archive_entry* e, const fs::path& file) {
  try {
    return clean_member(archive_entry_pathname(e)).value_or("");
  } catch (const Error& err) {
    throw Error(file.string() + ": refused member '" + archive_entry_pathname(e) + "': " + err.what(),
                "the file is damaged or hostile: check where it came from", Exit::usage);
  }
}

}  // namespace

// .tmp-<pid>-<name> files beside `out` whose process is gone: leftovers of killed exports.
void remove_stale_temps(const fs::path& out) {
  std::error_code ec;
  std::string suffix = "-" + out.filename().string();
  for (const auto& e : fs::directory_iterator(out.parent_path().empty() ? "." : out.parent_path(), ec)) {
    std::string f = e.path().filename().string();
    if (!f.starts_with(".tmp-") || !f.ends_with(suffix)) continue;
    std::string pid_text = f.substr(5, f.size() - 5 - suffix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    pid_t pid = static_cast<pid_t>(std::atol(pid_text.c_str()));
    if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove(e.path(), ec);
  }
}

ArchiveWriter::ArchiveWriter(const fs::path& out)
    : out_(out),
      tmp_(out.parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" + out.filename().string())),
      w_(archive_write_new(), archive_write_free) {
  std::error_code ec;
  if (fs::is_directory(out, ec))
    throw Error(out.string() + " is a folder", "name the archive file: -o " + (out / "NAME.tar.zst").string(),
                Exit::usage);
  add_filter(w_.get(), out);
  archive_write_set_format_pax_restricted(w_.get());
  remove_stale_temps(out);
  if (archive_write_open_filename(w_.get(), tmp_.c_str()) != ARCHIVE_OK)
    throw Error("cannot write " + out.string() + ": " + message(w_.get()),
                "check the folder exists and is writable", Exit::usage);
}

ArchiveWriter::~ArchiveWriter() {
  if (closed_) return;
  std::error_code ec;
  fs::remove(tmp_, ec);
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
  std::error_code ec;
  fs::rename(tmp_, out_, ec);
  if (ec) throw Error("cannot write " + out_.string() + ": " + ec.message(), {}, Exit::usage);
  closed_ = true;
}

void extract_archive(const fs::path& file, const fs::path& dest, const PlaceFn& place,
                     const std::string& what, const std::string& make_hint) {
  auto r = open_reader(file, what, make_hint);
  SafeTree tree(dest);
  extract_entries(r.get(), file.string(), tree, place);
}

ArchiveHead read_head(const fs::path& file, const std::string& index_name, const std::string& what,
                      const std::string& make_hint) {
  constexpr la_int64_t kMaxIndex = la_int64_t{64} << 20;
  auto r = open_reader(file, what, make_hint);
  archive_entry* e = nullptr;
  auto next = [&] {
    if (archive_read_next_header(r.get(), &e) != ARCHIVE_OK)
      throw Error(file.string() + ": empty or damaged " + what, make_hint, Exit::usage);
    return member_name(e, file);
  };
  ArchiveHead head;
  head.first_member = next();
  if (head.first_member != index_name) return head;
  la_int64_t size = archive_entry_size(e);
  if (archive_entry_filetype(e) != AE_IFREG || size < 0 || size > kMaxIndex)
    throw Error(file.string() + ": its " + index_name + " is not a file of at most 64 MiB", make_hint,
                Exit::usage);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  for (std::size_t got = 0; got < bytes.size();) {
    la_ssize_t n = archive_read_data(r.get(), bytes.data() + got, bytes.size() - got);
    if (n <= 0)
      throw Error(file.string() + ": damaged " + what + " (" + message(r.get()) + ")", make_hint,
                  Exit::usage);
    got += static_cast<std::size_t>(n);
  }
  head.index = std::move(bytes);
  head.first_member = next();
  return head;
}

FileDigests tree_digests(const fs::path& root, const std::string& label) {
  FileDigests out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    auto st = it->symlink_status();
    std::string rel = it->path().lexically_relative(root).string();
    if (fs::is_symlink(st))
      out[rel] = "link:" + fs::read_symlink(it->path()).string();
    else if (fs::is_regular_file(st))
      out[rel] = sha256_of(it->path());
    else if (!fs::is_directory(st))
      throw Error(label + ": " + rel + " is not a file, folder or symlink", {}, Exit::usage);
  }
  return out;
}

std::optional<std::string> digest_mismatch(const FileDigests& got, const FileDigests& want) {
  for (const auto& [path, digest] : got) {
    auto it = want.find(path);
    if (it == want.end()) return path + " is not in the index";
    if (it->second != digest) return path + " does not match its digest (damaged or altered)";
  }
  for (const auto& [path, digest] : want)
    if (!got.count(path)) return path + " is indexed but missing";
  return std::nullopt;
}

}  // namespace xstatic::sysroot
