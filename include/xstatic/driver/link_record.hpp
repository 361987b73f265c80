// What a link took from static archives, for `xstatic release`'s SBOM.
// When XSTATIC_LINK_RECORD names a folder (the release sets it for its
// builds), every ELF link the driver makes with lld asks lld which archive
// members it extracted (--why-extract, as the static glibc check does) and
// writes one record there: the output's path and the archives members were
// taken from. The release reads the records back to say, per binary, which
// `xstatic pkg` packages and which of the user's own archives went in.
// Nothing of this runs on a link without the variable.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xstatic::driver {

inline constexpr const char* kLinkRecordVar = "XSTATIC_LINK_RECORD";

struct LinkRecord {
  std::filesystem::path output;                 // absolute
  std::vector<std::filesystem::path> archives;  // absolute, sorted, each once
};

// The folder records go to, when the variable is set.
std::optional<std::filesystem::path> link_record_dir();

// The archives lld extracted members from, from its --why-extract report
// ("reference<TAB>archive(member)<TAB>symbol" lines; a member named by
// --whole-archive or a lazy object is an "extracted" column too). Relative
// paths are made absolute against cwd.
std::vector<std::filesystem::path> extracted_archives(std::string_view report,
                                                      const std::filesystem::path& cwd);

// The archives whose members are in the link: those of both columns (the
// member that referred to a symbol is in the link too, extracted or named by
// --whole-archive; a whole-archive member that referred to nothing extracted
// is in neither). nullopt when `report` does not start with lld's header
// line: lld wrote no report there (a --why-extract of the user's came later).
std::optional<std::vector<std::filesystem::path>> linked_archives(std::string_view report,
                                                                  const std::filesystem::path& cwd);

// Writes a record (a file of its own per link, renamed into place, so that
// parallel links never mix). Errors are not fatal: the caller only loses the record.
void write_link_record(const std::filesystem::path& dir, const LinkRecord& record);

// Every record in the folder (unreadable ones skipped), later links last.
std::vector<LinkRecord> read_link_records(const std::filesystem::path& dir);

}  // namespace xstatic::driver
