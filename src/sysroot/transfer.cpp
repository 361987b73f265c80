// `sysroot export` / `import`: a sysroot as one tar archive (zstd by
// default) whose single top folder is the sysroot's name, so that a CI cache
// or a Docker layer can carry it. Import reads the archive twice: a first
// look at the top folder's name tells which lock to take, then the members
// are written through SafeTree exactly like package members.
#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <vector>

#include "extract.hpp"
#include "transaction.hpp"
#include "xstatic/sysroot/install.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/progress.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

using Reader = std::unique_ptr<archive, decltype(&archive_read_free)>;
using Writer = std::unique_ptr<archive, decltype(&archive_write_free)>;

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

// Files sorted by path, so that one sysroot always gives the same archive.
std::vector<fs::path> sorted_tree(const fs::path& root) {
  std::vector<fs::path> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it)
    out.push_back(it->path().lexically_relative(root));
  std::sort(out.begin(), out.end());
  return out;
}

void write_entry(archive* a, const fs::path& file, const std::string& name) {
  struct stat st{};
  if (::lstat(file.c_str(), &st) != 0) throw Error("cannot read " + file.string(), {}, Exit::internal);
  std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(), archive_entry_free);
  archive_entry_copy_stat(e.get(), &st);
  archive_entry_set_pathname(e.get(), name.c_str());
  archive_entry_set_uid(e.get(), 0);
  archive_entry_set_gid(e.get(), 0);
  archive_entry_set_nlink(e.get(), 1);  // hard links inside a sysroot are stored as copies
  if (S_ISLNK(st.st_mode)) {
    auto target = fs::read_symlink(file);
    archive_entry_set_symlink(e.get(), target.c_str());
  }
  if (!S_ISREG(st.st_mode)) archive_entry_set_size(e.get(), 0);
  if (archive_write_header(a, e.get()) != ARCHIVE_OK)
    throw Error("cannot write " + name + ": " + message(a), {}, Exit::internal);
  if (!S_ISREG(st.st_mode)) return;
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  std::vector<char> buf(1 << 16);
  ssize_t n;
  while ((n = ::read(fd, buf.data(), buf.size())) > 0)
    archive_write_data(a, buf.data(), static_cast<size_t>(n));
  ::close(fd);
}

Reader open_reader(const fs::path& file) {
  Reader r(archive_read_new(), archive_read_free);
  archive_read_support_format_tar(r.get());
  archive_read_support_format_gnutar(r.get());
  archive_read_support_filter_all(r.get());
  if (archive_read_open_filename(r.get(), file.c_str(), 1 << 16) != ARCHIVE_OK)
    throw Error(file.string() + ": not a readable sysroot archive (" + message(r.get()) + ")",
                "make it with 'xstatic sysroot export TARGET -o FILE.tar.zst'", Exit::usage);
  return r;
}

// The sysroot name: the top folder of the archive's first member.
std::string top_folder(const fs::path& file) {
  auto r = open_reader(file);
  archive_entry* e = nullptr;
  if (archive_read_next_header(r.get(), &e) != ARCHIVE_OK)
    throw Error(file.string() + ": empty or damaged sysroot archive", {}, Exit::usage);
  std::string top;
  try {
    top = clean_member(archive_entry_pathname(e)).value_or("");
  } catch (const Error& err) {
    throw Error(file.string() + ": refused member '" + archive_entry_pathname(e) + "': " + err.what(), {},
                Exit::usage);
  }
  top = top.substr(0, top.find('/'));
  if (top.empty() || top.starts_with("."))
    throw Error(file.string() + ": no sysroot folder at the top of the archive", {}, Exit::usage);
  return top;
}

// The target a manifest names, checked against the folder it came in.
target::Target check_manifest(const Manifest& m, const std::string& top, const fs::path& file) {
  auto libc = target::parse_libc(m.libc);
  auto t = target::try_parse(m.target, libc);
  if (!t || !libc || sysroot_name(*t) != m.name || m.name != top || m.debian_arch != t->row->debian_arch)
    throw Error(
        file.string() + ": its manifest (" + m.name + ", " + m.target + ") does not match a known target",
        "export the sysroot again with this xstatic", Exit::usage);
  return *t;
}

}  // namespace

void export_sysroot(const Store& store, const target::Target& t, const fs::path& out) {
  auto dir = store.find(t);
  if (!dir)
    throw Error("sysroot for " + t.go_name() + " (" + std::string(t.libc_name()) + ") is not installed",
                install_command(t), Exit::missing);
  Writer w(archive_write_new(), archive_write_free);
  add_filter(w.get(), out);
  archive_write_set_format_pax_restricted(w.get());
  if (archive_write_open_filename(w.get(), out.c_str()) != ARCHIVE_OK)
    throw Error("cannot write " + out.string() + ": " + message(w.get()),
                "check the folder exists and is writable", Exit::usage);
  std::string name = dir->filename().string();
  write_entry(w.get(), *dir, name);
  for (const auto& rel : sorted_tree(*dir)) write_entry(w.get(), *dir / rel, name + "/" + rel.string());
  if (archive_write_close(w.get()) != ARCHIVE_OK)
    throw Error("cannot write " + out.string() + ": " + message(w.get()), {}, Exit::internal);
}

fs::path import_sysroot(const Store& store, const fs::path& file, const InstallOptions& options) {
  std::string top = top_folder(file);
  util::Progress progress(options.quiet);
  Transaction tx(store, top, progress);
  progress.step("importing " + top + " from " + file.string());
  const fs::path& work = tx.work_dir();
  {
    auto r = open_reader(file);
    SafeTree tree(work);
    auto place = [&](const std::string& member) -> std::optional<std::string> {
      if (member == top) return std::nullopt;
      if (!member.starts_with(top + "/"))
        throw Error("outside the archive's sysroot folder " + top, {}, Exit::usage);
      return member.substr(top.size() + 1);
    };
    extract_entries(r.get(), file.string(), tree, place);
  }
  if (!fs::exists(work / kManifestName))
    throw Error(file.string() + ": no " + std::string(kManifestName) + " in " + top,
                "export the sysroot again", Exit::usage);
  Manifest m = read_manifest(work / kManifestName);
  check_manifest(m, top, file);
  tx.commit();
  progress.done("imported " + top + ": " + tx.final_path().string());
  return tx.final_path();
}

}  // namespace xstatic::sysroot
