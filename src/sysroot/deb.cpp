// .deb reading: the outer ar archive is read from memory (the whole file is
// hashed anyway), and each inner control.tar.* / data.tar.* is a second
// libarchive reader fed straight from the ar member through a callback, so
// nothing is decompressed to disk and no shell or dpkg is involved.
#include "xstatic/sysroot/deb.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/SHA256.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract.hpp"
#include "safe_tree.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/files.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_read_free)>;

[[noreturn]] void broken(const fs::path& deb, const std::string& why) {
  throw Error(deb.string() + ": not a readable Debian package (" + why + ")",
              "download it again, or remove it from the folder given to --debs", Exit::usage);
}

std::string archive_message(archive* a) {
  const char* s = archive_error_string(a);
  return s ? s : "unknown libarchive error";
}

std::unique_ptr<llvm::MemoryBuffer> read_file(const fs::path& file) {
  auto buffer =
      llvm::MemoryBuffer::getFile(file.string(), /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer)
    throw Error("cannot read " + file.string() + ": " + buffer.getError().message(),
                "check that the file exists and is readable", Exit::usage);
  return std::move(*buffer);
}

// Feeds an inner tar reader from the current member of the outer ar reader.
struct Nested {
  archive* outer;
  std::vector<char> buffer = std::vector<char>(1 << 16);
};

la_ssize_t read_nested(archive*, void* data, const void** block) {
  auto* n = static_cast<Nested*>(data);
  *block = n->buffer.data();
  return archive_read_data(n->outer, n->buffer.data(), n->buffer.size());
}

ArchivePtr open_inner(Nested& nested, const fs::path& deb) {
  ArchivePtr inner(archive_read_new(), archive_read_free);
  archive_read_support_format_tar(inner.get());
  archive_read_support_format_gnutar(inner.get());
  archive_read_support_filter_all(inner.get());
  if (archive_read_open(inner.get(), &nested, nullptr, read_nested, nullptr) != ARCHIVE_OK)
    broken(deb, archive_message(inner.get()));
  return inner;
}

// The fields of a control file we keep.
void parse_control(std::string_view text, PackageInfo& info) {
  for (auto line : util::split(text, '\n')) {
    auto colon = line.find(':');
    if (colon == std::string_view::npos || line.empty() || std::isspace(static_cast<unsigned char>(line[0])))
      continue;
    std::string_view key = line.substr(0, colon), value = line.substr(colon + 1);
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.remove_prefix(1);
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.remove_suffix(1);
    if (key == "Package")
      info.name = value;
    else if (key == "Version")
      info.version = value;
    else if (key == "Architecture")
      info.architecture = value;
    else if (key == "Installed-Size" && !value.empty() && value.size() < 12 &&
             value.find_first_not_of("0123456789") == std::string_view::npos)
      info.installed_size = std::stoull(std::string(value)) * 1024;
  }
}

// dpkg's control files are a few kilobytes; a megabyte is generous.
constexpr la_int64_t kMaxControlSize = 1 << 20;

void read_control_tar(Nested& nested, const fs::path& deb, PackageInfo& info) {
  auto inner = open_inner(nested, deb);
  archive_entry* entry = nullptr;
  while (archive_read_next_header(inner.get(), &entry) == ARCHIVE_OK) {
    if (clean_member(archive_entry_pathname(entry)).value_or("") != "control") continue;
    // The size is the header's claim: a hostile one must not become the allocation.
    la_int64_t declared = archive_entry_size(entry);
    if (declared < 0 || declared > kMaxControlSize)
      broken(deb, "a control file of " + std::to_string(declared) + " bytes");
    std::string text(static_cast<std::size_t>(declared), '\0');
    la_ssize_t got = archive_read_data(inner.get(), text.data(), text.size());
    if (got < 0) broken(deb, archive_message(inner.get()));
    text.resize(static_cast<std::size_t>(got));
    parse_control(text, info);
    return;
  }
  broken(deb, "no control file");
}

// Writes one data member into the tree; throws with the reason on refusal.
void write_member(archive* in, archive_entry* entry, const std::string& member, const std::string& dest,
                  SafeTree& tree, const PlaceFn& place) {
  auto mode = archive_entry_perm(entry);
  if (const char* hard = archive_entry_hardlink(entry)) {
    std::optional<std::string> existing;
    try {
      existing = clean_member(hard);
    } catch (const Error& e) {
      throw e.with_context(std::string("hard link outside the sysroot (") + hard + "): ");
    }
    if (!existing) throw Error("hard link to the root folder", {}, Exit::usage);
    if (auto placed = place(*existing)) tree.make_hardlink(dest, *placed);
    return;
  }
  switch (archive_entry_filetype(entry)) {
    case AE_IFDIR:
      tree.make_dir(dest, mode);
      return;
    case AE_IFLNK: {
      std::string resolved =
          resolve_link(member, archive_entry_symlink(entry) ? archive_entry_symlink(entry) : "");
      tree.make_symlink(dest, relative_target(dest, place(resolved).value_or(resolved)));
      return;
    }
    case AE_IFREG: {
      int fd = tree.create_file(dest, mode);
      const void* block = nullptr;
      size_t size = 0;
      la_int64_t offset = 0;
      int rc;
      while ((rc = archive_read_data_block(in, &block, &size, &offset)) == ARCHIVE_OK) {
        ssize_t n = ::pwrite(fd, block, size, offset);
        if (n != static_cast<ssize_t>(size)) {
          int err = n < 0 ? errno : ENOSPC;  // a short write: the file system is full
          ::close(fd);
          if (util::is_no_space(err)) throw util::no_space_error(tree.root() / dest);
          throw Error("cannot write " + dest + ": " + std::strerror(err), {}, Exit::internal);
        }
      }
      ::close(fd);
      if (rc != ARCHIVE_EOF) throw Error("truncated data: " + archive_message(in), {}, Exit::usage);
      tree.set_mtime(dest, archive_entry_mtime(entry));
      return;
    }
    default:
      throw Error("device, fifo or socket member", {}, Exit::usage);
  }
}

}  // namespace

void extract_entries(archive* in, const std::string& label, SafeTree& tree, const PlaceFn& place) {
  archive_entry* entry = nullptr;
  int rc;
  while ((rc = archive_read_next_header(in, &entry)) == ARCHIVE_OK) {
    std::string name = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
    try {
      auto member = clean_member(name);
      if (!member) continue;
      auto dest = place(*member);
      if (!dest || dest->empty()) continue;
      write_member(in, entry, *member, *dest, tree, place);
    } catch (const util::NoSpace&) {
      throw;  // not the member's fault
    } catch (const Error& e) {
      throw Error(
          label + ": refused member '" + name + "': " + e.what(),
          e.code() == Exit::usage ? "the file is damaged or hostile: check where it came from" : e.hint(),
          e.code());
    }
  }
  if (rc != ARCHIVE_EOF)
    throw Error(label + ": damaged archive (" + archive_message(in) + ")",
                "download it again; a broken .deb can be removed from the --debs folder", Exit::usage);
}

namespace {

void extract_data_tar(Nested& nested, const fs::path& deb, SafeTree& tree, const PlaceFn& place) {
  auto inner = open_inner(nested, deb);
  extract_entries(inner.get(), deb.filename().string(), tree, place);
}

// Walks the ar members; `on_member` returns false to stop early.
template <typename F>
void walk_deb(const llvm::MemoryBuffer& bytes, const fs::path& deb, F&& on_member) {
  ArchivePtr outer(archive_read_new(), archive_read_free);
  archive_read_support_format_ar(outer.get());
  if (archive_read_open_memory(outer.get(), bytes.getBufferStart(), bytes.getBufferSize()) != ARCHIVE_OK)
    broken(deb, archive_message(outer.get()));
  archive_entry* entry = nullptr;
  int rc;
  bool seen_binary = false;
  while ((rc = archive_read_next_header(outer.get(), &entry)) == ARCHIVE_OK) {
    std::string name = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
    if (name == "debian-binary") {
      seen_binary = true;
      continue;
    }
    if (!seen_binary) broken(deb, "no debian-binary member first");
    Nested nested{outer.get()};
    if (!on_member(name, nested)) return;
  }
  if (rc != ARCHIVE_EOF) broken(deb, archive_message(outer.get()));
  if (!seen_binary) broken(deb, "empty archive");
}

}  // namespace

PackageInfo read_deb_control(const fs::path& deb) {
  auto bytes = read_file(deb);
  PackageInfo info;
  bool found = false;
  walk_deb(*bytes, deb, [&](const std::string& name, Nested& nested) {
    if (!util::starts_with(name, "control.tar")) return true;
    read_control_tar(nested, deb, info);
    found = true;
    return false;
  });
  if (!found || info.name.empty()) broken(deb, "no control.tar member");
  return info;
}

PackageInfo extract_deb(const fs::path& deb, const fs::path& root, const PlaceFn& place) {
  auto bytes = read_file(deb);
  PackageInfo info;
  bool data = false;
  SafeTree tree(root);
  walk_deb(*bytes, deb, [&](const std::string& name, Nested& nested) {
    if (util::starts_with(name, "control.tar")) read_control_tar(nested, deb, info);
    if (util::starts_with(name, "data.tar")) {
      extract_data_tar(nested, deb, tree, place);
      data = true;
    }
    return true;
  });
  if (!data || info.name.empty()) broken(deb, "no control.tar or data.tar member");
  info.sha256 =
      llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(bytes->getBuffer())), /*LowerCase=*/true);
  return info;
}

// deb-version(7): compare alternating non-digit and digit runs; in non-digit
// runs '~' sorts before everything, letters before other characters.
namespace {
int order(char c) {
  if (std::isdigit(static_cast<unsigned char>(c))) return 0;
  if (std::isalpha(static_cast<unsigned char>(c))) return c;
  if (c == '~') return -1;
  return c ? c + 256 : 0;
}

int compare_fragment(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    int first_diff = 0;
    while ((i < a.size() && !std::isdigit(static_cast<unsigned char>(a[i]))) ||
           (j < b.size() && !std::isdigit(static_cast<unsigned char>(b[j])))) {
      int ac = i < a.size() ? order(a[i]) : 0, bc = j < b.size() ? order(b[j]) : 0;
      if (ac != bc) return ac - bc;
      ++i, ++j;
    }
    while (i < a.size() && a[i] == '0') ++i;
    while (j < b.size() && b[j] == '0') ++j;
    while (i < a.size() && j < b.size() && std::isdigit(static_cast<unsigned char>(a[i])) &&
           std::isdigit(static_cast<unsigned char>(b[j]))) {
      if (!first_diff) first_diff = a[i] - b[j];
      ++i, ++j;
    }
    if (i < a.size() && std::isdigit(static_cast<unsigned char>(a[i]))) return 1;
    if (j < b.size() && std::isdigit(static_cast<unsigned char>(b[j]))) return -1;
    if (first_diff) return first_diff;
  }
  return 0;
}

struct Version {
  long epoch = 0;
  std::string_view upstream, revision;
};

Version split_version(std::string_view v) {
  Version out;
  if (auto colon = v.find(':'); colon != std::string_view::npos) {
    out.epoch = std::strtol(std::string(v.substr(0, colon)).c_str(), nullptr, 10);
    v.remove_prefix(colon + 1);
  }
  if (auto dash = v.rfind('-'); dash != std::string_view::npos) {
    out.revision = v.substr(dash + 1);
    v = v.substr(0, dash);
  }
  out.upstream = v;
  return out;
}
}  // namespace

int compare_versions(std::string_view a, std::string_view b) {
  auto va = split_version(a), vb = split_version(b);
  if (va.epoch != vb.epoch) return va.epoch < vb.epoch ? -1 : 1;
  if (int c = compare_fragment(va.upstream, vb.upstream)) return c < 0 ? -1 : 1;
  int c = compare_fragment(va.revision, vb.revision);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace xstatic::sysroot
