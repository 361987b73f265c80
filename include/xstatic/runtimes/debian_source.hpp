// The private apt state that fetches Debian's source packages (LLVM's,
// mimalloc's, and every `xstatic pkg` recipe's): <store>/apt/source/, whose
// deb-src entries mirror the host's own apt sources (same archive, suites,
// components and keyring), so the host's apt is never touched.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "xstatic/store/store.hpp"

namespace xstatic::runtimes {

// Writes the private sources (again: the host's may have changed) and
// returns apt-get's options for that state. The caller holds
// <locks>/apt-source.lock (source_apt_lock) while it runs apt with them.
std::vector<std::string> source_apt_options(const store::Store& store);
std::filesystem::path source_apt_lock(const store::Store& store);

}  // namespace xstatic::runtimes
