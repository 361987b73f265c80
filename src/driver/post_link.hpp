// Around a link: WASI's limits, the check of the linked file (the inspector's verify policy
// for the target and link mode), lld's --why-extract report, which feeds
// static glibc's hazard warning and the release's link record, and the
// link's temporary files (that report, the SBOM note's object).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "xstatic/driver/args.hpp"
#include "xstatic/driver/command.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::driver {

// Checks the linked file; throws Error (failed) when it is not what the
// target needs: static, or with --link=libc-dynamic the floor's policy
// (verify --max-glibc). Returns true when the inspector saw static glibc's
// NSS machinery.
bool verify_output(const Invocation& inv, const target::Target& t);

// A temporary file for lld's --why-extract report, on static glibc links
// made by lld (see xstatic/driver/glibc.hpp), on every ELF link when a
// link record is asked for (xstatic/driver/link_record.hpp), and on links
// (executables and shared objects) whose SBOM note lists what lld may leave
// out (`for_sbom`: xstatic/driver/sbom.hpp).
std::optional<std::string> why_extract_file(const Invocation& inv, const target::Target& t, bool for_sbom);

// lld's report (empty when none was asked for); its file is the caller's
// util::TempPath (driver.cpp).
std::string take_why_extract(const Plan& plan);

// The release's record of what this link took from archives (link_record.hpp).
void record_link(const Invocation& inv, const Plan& plan, std::string_view report);

// Whether static glibc's hazards (NSS, dlopen) can apply to this link: not
// with --link=libc-dynamic, where glibc is the system's own.
bool may_have_static_hazards(const Invocation& inv, const target::Target& t);

// After a failed link: a sysroot made by an older recipe may lack files
// the link needs; WASI's usual cause is code built with exceptions.
void note_outdated_sysroot(const Plan& plan, util::Progress& progress);
// Before a WASI compile or link: what the user asks for that WASI lacks
// (exceptions, threads), said once per call.
void warn_wasi_limits(const Invocation& inv, const target::Target& t, util::Progress& progress);
void note_wasi_exceptions(const Plan& plan, const std::string& linker_errors, util::Progress& progress);

}  // namespace xstatic::driver
