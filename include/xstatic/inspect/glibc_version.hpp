// glibc's symbol versions as numbers: "GLIBC_2.34" is 2.34, the floor a
// binary needs; GLIBC_ABI_DT_RELR (a binary with DT_RELR relocations) needs
// 2.36, the first glibc that reads them. Used by the inspector (the highest
// version a file needs) and by `verify --max-glibc`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xstatic::inspect {

// "2.34" for "GLIBC_2.34" (and "2.36" for GLIBC_ABI_DT_RELR); nullopt for
// any other version name (GLIBC_PRIVATE, GLIBCXX_3.4, GCC_3.0, ...).
std::optional<std::string> glibc_version_of(std::string_view version_name);

// A glibc release number as written by users and by glibc: "2.31", "2.3.4".
bool is_glibc_version(std::string_view v);

// <0, 0, >0 as a < b, a == b, a > b, number by number ("2.4" < "2.34").
int compare_glibc_versions(std::string_view a, std::string_view b);

}  // namespace xstatic::inspect
