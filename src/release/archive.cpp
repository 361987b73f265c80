// libarchive writers for the release archives. Reproducibility rules are in
// archive.hpp; the gzip filter's "timestamp" option is off so that the gzip
// header's MTIME is zero, and libarchive's gzip writes no file name.
#include "xstatic/release/archive.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/SHA256.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <set>

#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/target/os.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/files.hpp"

namespace xstatic::release {
namespace {

struct ArchiveCloser {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryCloser {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

[[noreturn]] void fail(archive* a, const fs::path& out, const std::string& step) {
  throw Error("cannot write the archive " + out.string() + " (" + step +
                  "): " + (a && archive_error_string(a) ? archive_error_string(a) : "unknown error"),
              "check the free space and permissions of the dist folder", Exit::internal);
}

void check(int rc, archive* a, const fs::path& out, const std::string& step) {
  if (rc != ARCHIVE_OK) fail(a, out, step);
}

void write_header(archive* a, const fs::path& out, const std::string& name, bool dir, std::int64_t size,
                  bool executable, std::int64_t mtime) {
  std::unique_ptr<archive_entry, EntryCloser> e(archive_entry_new());
  archive_entry_set_pathname(e.get(), name.c_str());
  archive_entry_set_filetype(e.get(), dir ? AE_IFDIR : AE_IFREG);
  archive_entry_set_perm(e.get(), dir || executable ? 0755 : 0644);
  archive_entry_set_size(e.get(), dir ? 0 : size);
  archive_entry_set_mtime(e.get(), mtime, 0);
  archive_entry_set_uid(e.get(), 0);
  archive_entry_set_gid(e.get(), 0);
  check(archive_write_header(a, e.get()), a, out, "header of " + name);
}

void copy_data(archive* a, const fs::path& out, const ArchiveEntry& entry) {
  std::ifstream in(entry.source, std::ios::binary);
  if (!in)
    throw Error("cannot read " + entry.source.string() + " for " + out.filename().string(), {},
                Exit::internal);
  std::array<char, 1 << 16> buf{};
  while (in) {
    in.read(buf.data(), buf.size());
    auto n = in.gcount();
    if (n > 0 && archive_write_data(a, buf.data(), static_cast<size_t>(n)) != n)
      fail(a, out, "data of " + entry.name);
  }
}

}  // namespace

void write_archive(const fs::path& out, ArchiveFormat format, std::vector<ArchiveEntry> entries,
                   std::int64_t mtime) {
  std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
  std::unique_ptr<archive, ArchiveCloser> a(archive_write_new());
  if (format == ArchiveFormat::tar_gz) {
    check(archive_write_set_format_pax_restricted(a.get()), a.get(), out, "tar format");
    check(archive_write_add_filter_gzip(a.get()), a.get(), out, "gzip");
    check(archive_write_set_filter_option(a.get(), "gzip", "timestamp", nullptr), a.get(), out,
          "gzip timestamp");
    check(archive_write_set_filter_option(a.get(), "gzip", "compression-level", "9"), a.get(), out,
          "gzip level");
  } else if (format == ArchiveFormat::tar) {
    check(archive_write_set_format_pax_restricted(a.get()), a.get(), out, "tar format");
  } else {
    check(archive_write_set_format_zip(a.get()), a.get(), out, "zip format");
    check(archive_write_set_format_option(a.get(), "zip", "compression", "deflate"), a.get(), out,
          "zip deflate");
  }
  check(archive_write_open_filename(a.get(), out.c_str()), a.get(), out, "open");
  std::set<std::string> dirs_written;
  for (const auto& entry : entries) {
    // Parent folders first, once each, so that extractors create them with fixed modes.
    for (auto pos = entry.name.find('/'); pos != std::string::npos; pos = entry.name.find('/', pos + 1)) {
      std::string dir = entry.name.substr(0, pos + 1);
      if (dirs_written.insert(dir).second) write_header(a.get(), out, dir, true, 0, false, mtime);
    }
    std::error_code ec;
    auto size = fs::file_size(entry.source, ec);
    if (ec) throw Error("cannot read " + entry.source.string() + ": " + ec.message(), {}, Exit::internal);
    write_header(a.get(), out, entry.name, false, static_cast<std::int64_t>(size), entry.executable, mtime);
    copy_data(a.get(), out, entry);
  }
  check(archive_write_close(a.get()), a.get(), out, "close");
}

void gzip_file(const fs::path& in, const fs::path& out) {
  std::unique_ptr<archive, ArchiveCloser> a(archive_write_new());
  check(archive_write_set_format_raw(a.get()), a.get(), out, "raw format");
  check(archive_write_add_filter_gzip(a.get()), a.get(), out, "gzip");
  check(archive_write_set_filter_option(a.get(), "gzip", "timestamp", nullptr), a.get(), out,
        "gzip timestamp");
  check(archive_write_set_filter_option(a.get(), "gzip", "compression-level", "9"), a.get(), out,
        "gzip level");
  check(archive_write_open_filename(a.get(), out.c_str()), a.get(), out, "open");
  std::error_code ec;
  auto size = fs::file_size(in, ec);
  if (ec) throw Error("cannot read " + in.string() + ": " + ec.message(), {}, Exit::internal);
  write_header(a.get(), out, in.filename().string(), false, static_cast<std::int64_t>(size), false, 0);
  copy_data(a.get(), out, {in.filename().string(), in, false});
  check(archive_write_close(a.get()), a.get(), out, "close");
}

std::string sha256_file(const fs::path& file) {
  auto hex = util::sha256_of_file(file);
  if (!hex) throw Error("cannot read " + file.string() + " to checksum it", {}, Exit::internal);
  return *hex;
}

std::string sha256_hex(std::string_view bytes) {
  return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(bytes)), /*LowerCase=*/true);
}

std::string archive_base(const std::string& name, const std::string& version, const target::Target& t) {
  std::string arch(t.row->goarch);
  std::string_view variant = t.row->variant;
  if (!variant.empty()) {
    if (variant != "v1") arch += std::string(variant);  // "armv7", "amd64v3"; amd64's v1 is the default
  }
  std::string out = name + "_" + version + "_" + std::string(t.row->goos) + "_" + arch;
  if (t.libc != target::default_libc(*t.row)) out += "_" + std::string(t.libc_name());
  if (t.glibc) out += std::string(t.glibc->version);  // "_glibc2.31": two floors, two names
  return out;
}

ArchiveFormat archive_format(const target::Target& t) {
  return target::os_info(*t.row).zip_archives ? ArchiveFormat::zip : ArchiveFormat::tar_gz;
}

std::string archive_extension(ArchiveFormat format) {
  return format == ArchiveFormat::zip ? ".zip" : ".tar.gz";
}

}  // namespace xstatic::release
