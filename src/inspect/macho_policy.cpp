#include "macho_policy.hpp"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/VersionTuple.h>

#include <optional>

#include "xstatic/target/darwin.hpp"

namespace xstatic::inspect::detail {
namespace {

std::optional<llvm::VersionTuple> parse_version(std::string_view text) {
  llvm::VersionTuple v;
  if (text.empty() || v.tryParse(llvm::StringRef(text.data(), text.size()))) return std::nullopt;
  return v;
}

}  // namespace

bool is_system_dylib(std::string_view name) {
  return name == "/usr/lib/libSystem.B.dylib" || name == "/usr/lib/libc++.1.dylib" ||
         name == "/usr/lib/libc++abi.dylib" || name.starts_with("/System/Library/Frameworks/");
}

std::string macos_version_of(std::string_view min_os) {
  constexpr std::string_view prefix = "macos ";
  if (!min_os.starts_with(prefix)) return "";
  return std::string(min_os.substr(prefix.size()));
}

void check_min_os(const Report& r, const target::Target& t, std::vector<std::string>& failures) {
  if (r.file_type == FileType::object) return;  // objects carry their own build version; the link decides
  auto want = parse_version(target::macos_min_version(t));
  if (!want) return;
  auto have_text = macos_version_of(r.min_os);
  auto have = parse_version(have_text);
  if (!have) return;  // no LC_BUILD_VERSION (hand-made files): nothing to hold to the row
  if (*want < *have)
    failures.push_back("min OS: is macos " + have_text + ", newer than the macos " + want->getAsString() +
                       " that " + t.go_name() +
                       " promises (drop -mmacos-version-min, or raise the target's minimum)");
}

}  // namespace xstatic::inspect::detail
