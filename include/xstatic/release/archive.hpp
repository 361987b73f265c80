// Reproducible archives, written with libarchive: entries sorted by name,
// every mtime SOURCE_DATE_EPOCH, uid/gid 0 and no user or group names,
// fixed modes (0755 programs, 0644 other files), gzip without a file name or
// time stamp. The same inputs give the same bytes on any machine.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/target/target.hpp"

namespace xstatic::release {

namespace fs = std::filesystem;

enum class ArchiveFormat { tar_gz, zip, tar };  // tar: uncompressed (an image layer before gzip)

struct ArchiveEntry {
  std::string name;  // path inside the archive ("app", ".build-id/ab/cdef.debug")
  fs::path source;   // the file on disk
  bool executable = false;
};

// Writes `entries` (sorted here; parent folders added as entries) to `out`.
// Throws xstatic::Error naming the file on any failure.
void write_archive(const fs::path& out, ArchiveFormat format, std::vector<ArchiveEntry> entries,
                   std::int64_t mtime);

// gzip `in` into `out` (one stream, no file name, no time stamp, level 9):
// the same bytes on any machine.
void gzip_file(const fs::path& in, const fs::path& out);

// Lowercase hex SHA-256 of a file's bytes.
std::string sha256_file(const fs::path& file);
// ... and of bytes in memory.
std::string sha256_hex(std::string_view bytes);

// goreleaser's default archive name: NAME_VERSION_OS_ARCH, with GOARM as
// "v7" and GOAMD64 other than v1 as "v3" appended to the arch
// ("app_1.0_linux_armv7"), "_glibc" when the libc is not the OS default, and
// a glibc floor's version after it ("_glibc2.31", docs/glibc.md).
std::string archive_base(const std::string& name, const std::string& version, const target::Target& t);

// tar.gz, or zip for Windows.
ArchiveFormat archive_format(const target::Target& t);
std::string archive_extension(ArchiveFormat format);

}  // namespace xstatic::release
