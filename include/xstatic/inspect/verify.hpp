// The contract between the inspector and its callers (the driver's post-link
// check and `xstatic verify`). The inspector's full report lives beside it in
// xstatic/inspect/.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/inspect/report.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::inspect {

struct Policy {
  std::optional<target::Target> target;  // the file must be of this target's format/machine/class/endianness
  bool check_libc = true;                // and its libc (off for a Go-style name: linux/amd64 names none)
  bool require_static = true;            // static or static-pie; no interpreter, no needed libraries
  bool require_stripped = false;         // no symbol table, no debug sections
  bool allow_hazards = false;            // when false, hazards (static glibc NSS/dlopen, execstack...) fail
  // A glibc floor ("2.31"): the file runs on that glibc and newer. ELF only;
  // NEEDED only glibc's own libraries, PT_INTERP a standard glibc loader, no
  // versioned glibc symbol above the floor (each offender is named), no
  // GLIBC_PRIVATE. A static file passes (it needs no glibc).
  std::optional<std::string> max_glibc;
};

struct Verdict {
  bool ok = true;
  std::vector<std::string>
      failures;  // one line each: "dynamic: needs libc.so.6 (interpreter /lib/ld-linux-aarch64.so.1)"
  std::vector<std::string> warnings;  // hazards that the policy allows, and notes
  std::vector<Hazard> hazards;        // every hazard of the checked file (or slice), allowed or not
};

// Reads `file` (memory-mapped, never wholly read) and applies the policy.
// Throws xstatic::Error (Exit::usage) when the file cannot be read or parsed.
Verdict verify_file(const std::filesystem::path& file, const Policy& policy);

}  // namespace xstatic::inspect
