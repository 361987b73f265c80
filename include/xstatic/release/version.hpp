// The version and time of a release, read from git: `git describe --tags`
// (a leading "v" dropped, as goreleaser does) and the commit's time as
// SOURCE_DATE_EPOCH, so that two checkouts of one commit agree.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace xstatic::release {

// `explicit_version` (--version) wins, then the release file's, then git.
// With `snapshot`, untagged work gets "<last tag or 0.0.0>-SNAPSHOT-<short commit>".
// Throws xstatic::Error (usage) when nothing gives a version.
std::string resolve_version(const std::filesystem::path& project_dir,
                            const std::optional<std::string>& explicit_version,
                            const std::optional<std::string>& file_version, bool snapshot);

// $SOURCE_DATE_EPOCH when set, else the time of the commit checked out in
// `project_dir`, else 315532800 (1980-01-01, the earliest time a zip holds).
std::int64_t resolve_source_date_epoch(const std::filesystem::path& project_dir);

// A tag as a version: "v1.2.0" -> "1.2.0"; other strings unchanged.
std::string version_from_tag(const std::string& tag);

}  // namespace xstatic::release
