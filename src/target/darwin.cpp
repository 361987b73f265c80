#include "xstatic/target/darwin.hpp"

#include <llvm/Support/VersionTuple.h>
#include <llvm/TargetParser/Triple.h>

namespace xstatic::target {

std::string macos_min_version(const Target& t) {
  llvm::Triple triple(std::string(t.triple()));
  llvm::VersionTuple v;
  if (!triple.isMacOSX() || !triple.getMacOSXVersion(v)) return "";
  return llvm::VersionTuple(v.getMajor(), v.getMinor().value_or(0)).getAsString();
}

std::string unversioned_triple(const Target& t) {
  llvm::Triple triple(std::string(t.triple()));
  if (!triple.isMacOSX()) return std::string(t.triple());
  // getOSName() is the OS as the table writes it ("macos11"): keep its spelling, drop the version.
  llvm::StringRef os = triple.getOSName().take_until([](char c) { return c >= '0' && c <= '9'; });
  return (triple.getArchName() + "-" + triple.getVendorName() + "-" + os).str();
}

}  // namespace xstatic::target
