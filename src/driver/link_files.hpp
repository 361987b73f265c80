// The temporary files a link hands lld and reads back (lld's --why-extract
// report, the SBOM note's object) and the release's link record. Internal to
// the driver module.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "xstatic/driver/args.hpp"
#include "xstatic/driver/command.hpp"

namespace xstatic::driver {

// A temporary file for lld's --why-extract report, on static glibc links
// made by lld (see xstatic/driver/glibc.hpp). Also on every ELF link when a
// link record is asked for (xstatic/driver/link_record.hpp).
std::optional<std::string> why_extract_file(const Invocation& inv, const target::Target& t);

// lld's report (empty when none was asked for); removes its file.
std::string take_why_extract(const Plan& plan);

// The release's record of what this link took from archives (link_record.hpp).
void record_link(const Invocation& inv, const Plan& plan, std::string_view report);

// Removes the link's temporary files that are still there.
void remove_link_temporaries(const Plan& plan);

}  // namespace xstatic::driver
