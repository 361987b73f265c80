// libFuzzer target over `sysroot import`: the input is an archive (any
// compression libarchive reads) imported into an empty store, and also
// read as a manifest.json. Only
// xstatic::Error may come out, nothing may be written outside the store
// (scratch.hpp's check: the store is the extraction root), and a successful
// import must leave exactly one installed sysroot, which is then removed.
// Seeds: tests/fuzz/seeds.sh import (exported-style archives, valid and hostile).
#include <cstdint>

#include "scratch.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/sysroot/install.hpp"
#include "xstatic/sysroot/manifest.hpp"
#include "xstatic/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const xstatic::fuzz::Scratch scratch("fuzz-import");
  scratch.write_input(data, size);
  scratch.fresh_root();
  xstatic::store::Store store(scratch.root);
  xstatic::sysroot::InstallOptions options;
  options.quiet = true;
  try {
    auto dir = xstatic::sysroot::import_sysroot(store, scratch.input, options);
    if (!std::filesystem::is_directory(dir) || dir.lexically_relative(scratch.root).begin()->string() == "..")
      xstatic::fuzz::breach("import returned " + dir.string());
  } catch (const xstatic::Error&) {
  }
  // The manifest parser alone too: an imported archive's manifest.json is untrusted text.
  try {
    (void)xstatic::sysroot::parse_manifest(std::string_view(reinterpret_cast<const char*>(data), size),
                                           "fuzz");
  } catch (const xstatic::Error&) {
  }
  scratch.contain();
  scratch.empty_root();
  return 0;
}
