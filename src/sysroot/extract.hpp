// Shared by .deb extraction and `sysroot import`: writes every entry of an
// open libarchive reader into a SafeTree, placing each member with `place`.
// Errors name `label` (the package or archive) and the refused member.
#pragma once

#include <string>

#include "safe_tree.hpp"
#include "xstatic/sysroot/deb.hpp"

struct archive;

namespace xstatic::sysroot {

void extract_entries(archive* in, const std::string& label, SafeTree& tree, const PlaceFn& place);

}  // namespace xstatic::sysroot
