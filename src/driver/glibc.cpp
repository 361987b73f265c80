#include "xstatic/driver/glibc.hpp"

#include <algorithm>

#include "xstatic/util/strings.hpp"

namespace xstatic::driver {
namespace {

// From glibc's link_warning() uses (nss/, inet/, dlfcn/): the public entry
// points whose static use loads libnss_*.so or other shared objects.
constexpr std::string_view kHazards[] = {
    "dlmopen",        "dlopen",           "endgrent",        "endpwent",         "getaddrinfo",
    "getgrent",       "getgrent_r",       "getgrgid",        "getgrgid_r",       "getgrnam",
    "getgrnam_r",     "getgrouplist",     "gethostbyaddr",   "gethostbyaddr_r",  "gethostbyname",
    "gethostbyname2", "gethostbyname2_r", "gethostbyname_r", "gethostent",       "getnameinfo",
    "getnetbyaddr",   "getnetbyname",     "getprotobyname",  "getprotobynumber", "getpwent",
    "getpwent_r",     "getpwnam",         "getpwnam_r",      "getpwuid",         "getpwuid_r",
    "getservbyname",  "getservbyname_r",  "getservbyport",   "getservbyport_r",  "getspnam",
    "getspnam_r",     "initgroups",       "setgrent",        "setpwent",
};

bool is_hazard(std::string_view symbol) {
  return std::binary_search(std::begin(kHazards), std::end(kHazards), symbol);
}

}  // namespace

std::span<const std::string_view> glibc_hazard_functions() {
  return kHazards;
}

std::vector<std::string> glibc_hazards_in_why_extract(std::string_view report) {
  std::vector<std::string> found;
  for (auto line : util::split(report, '\n')) {
    auto fields = util::split(line, '\t');
    if (fields.size() < 3) continue;
    std::string_view symbol = fields[2];
    if (!symbol.empty() && symbol.back() == '\r') symbol.remove_suffix(1);
    if (is_hazard(symbol) && std::find(found.begin(), found.end(), symbol) == found.end())
      found.emplace_back(symbol);
  }
  return found;
}

bool has_glibc_link_warning(std::string_view linker_stderr) {
  return linker_stderr.find("in statically linked applications requires at runtime") !=
         std::string_view::npos;
}

std::string glibc_hazard_warning(const std::string& target_name, const std::vector<std::string>& functions) {
  std::string calls =
      functions.empty() ? "glibc functions that glibc warns about" : util::join(functions, ", ");
  return "this static glibc program for " + target_name + " calls " + calls +
         "; in a static program glibc still loads its shared libraries (libnss_*.so and others) at run time: "
         "it needs the same glibc "
         "version installed where it runs, and is not self-contained. musl has no such dependency: build "
         "with "
         "--libc musl (the default) for a binary that runs anywhere.";
}

}  // namespace xstatic::driver
