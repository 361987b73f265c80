// The minimum macOS version of a darwin target. The table names it in the
// row's triple (arm64-apple-macos11: the oldest macOS the target's binaries
// start on); the driver passes it as -mmacos-version-min with an unversioned
// triple, so that a user's own -mmacos-version-min (which comes later) wins
// instead of being overridden by the triple, and verify holds binaries to it.
#pragma once

#include <string>

#include "xstatic/target/target.hpp"

namespace xstatic::target {

// "11.0" for arm64-apple-macos11; "" for a target that is not macOS.
std::string macos_min_version(const Target& t);

// The row's triple without its OS version: "arm64-apple-macos".
std::string unversioned_triple(const Target& t);

}  // namespace xstatic::target
