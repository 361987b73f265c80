// An SPDX 2.3 JSON SBOM per archive: the project and its binaries, the
// Debian packages the target's sysroot was made from (name, version,
// sha256 of the .deb, from the sysroot's manifest.json), and the runtimes
// xstatic built and linked in (libc++ with libc++abi and libunwind, from
// LLVM's source; mimalloc), and the `xstatic pkg` packages of the release
// file (curl, openssl, ...: Debian source version, licence, purl). SBOM scanners see a static C/C++ binary as
// an opaque file; this says what is inside it. Deterministic: the creation time is SOURCE_DATE_EPOCH and the
// namespace is derived from the archive's hash. Spec: https://spdx.github.io/spdx-spec/v2.3/
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/driver/link_record.hpp"
#include "xstatic/inspect/sbom.hpp"
#include "xstatic/pkg/pkg.hpp"
#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/sysroot/manifest.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::release {

// A static archive of the user's own that a link took members from.
struct SbomArchive {
  std::string name;    // file name: libfoo.a
  std::string path;    // "build/sub/libfoo.a", "./vendor/libfoo.a" (inside the project), else the file name
  std::string sha256;  // of the archive as linked
};

struct SbomBinary {
  std::string name;    // file name in the archive
  std::string sha256;  // of the shipped (stripped) file
  // The runtimes the SBOM note the driver embedded names (as inspect shows
  // them: mimalloc and the libc routines only when their mark is in the
  // binary): "libc++" "19.1.7+size", ...; nullopt: the binary has no note.
  std::optional<std::vector<inspect::SbomComponent>> note_runtimes;
  // From the driver's link record (xstatic/driver/link_record.hpp), when the
  // link was recorded (ELF targets): what lld took members from.
  bool link_recorded = false;
  std::vector<std::string> packages;                    // `xstatic pkg` packages, by name
  std::vector<SbomArchive> archives;                    // the user's own archives
  std::vector<std::filesystem::path> runtime_archives;  // the store's runtimes' (libc++.a, ...)
  // add_store_facts: the roots of the runtime builds (SbomInput::runtimes) it linked.
  std::vector<std::filesystem::path> runtimes;
};

struct SbomInput {
  std::string project, version;
  target::Target target;
  bool libc_dynamic = false;  // linked --link=libc-dynamic: glibc is the system's, its floor or newer
  std::int64_t source_date_epoch = 0;
  std::string archive_name, archive_sha256;
  std::vector<SbomBinary> binaries;
  std::optional<sysroot::Manifest> sysroot;  // nullopt for sysroots xstatic did not make (mingw)
  std::vector<runtimes::Entry> runtimes;     // the runtime builds the binaries link, each once
  std::vector<pkg::Entry> packages;  // `xstatic pkg` packages the release file names, and what they need
};

std::string spdx_json(const SbomInput& in);

// What the SBOM says about a binary, read before it is stripped: the
// runtimes its embedded SBOM note names. (name and sha256 are left for the
// caller: they are the shipped file's.)
SbomBinary binary_facts(const std::filesystem::path& built);

// What the link that made `built` took from archives (the last record whose
// output is that file), sorted into `xstatic pkg` packages of the target and
// the user's own archives (paths shown relative to `build` or `source`);
// the sysroot's, the runtimes' and the toolchain's own are left to the rest
// of the SBOM. No record: facts unchanged (link_recorded stays false).
void add_link_facts(SbomBinary& facts, const std::filesystem::path& built,
                    const std::vector<driver::LinkRecord>& records, const store::Store& store,
                    const target::Target& t, const std::filesystem::path& source,
                    const std::filesystem::path& build);

// Fills in.sysroot from the target's sysroot manifest, and in.runtimes and
// each binary's `runtimes` with the store's runtime builds for the target
// that the binary linked: the kind and build its SBOM note names ("libc++
// 19.1.7+size" is the size build), in the folder its link record took
// archives from (which tells recipe revisions of one version apart); a
// binary with neither names none. Each build is listed once, and one SPDX
// ID is one build.
void add_store_facts(SbomInput& in, const store::Store& store);

// "2026-12-02T04:57:15Z"
std::string iso8601_utc(std::int64_t epoch);

// An SPDX identifier made of letters, digits, '.' and '-' only.
std::string spdx_id(const std::string& kind, const std::string& name);

}  // namespace xstatic::release
