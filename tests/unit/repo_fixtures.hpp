// What the repo tests share: their fixtures (tests/unit/data/repo/README.md),
// and the message of the xstatic::Error a call throws.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "xstatic/repo/openpgp.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::repo::testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string fixture(const std::string& name) {
  return read_file(std::filesystem::path(XSTATIC_UNIT_DATA) / "repo" / name);
}

inline ByteView bytes(const std::string& s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

inline const Keyring& test_keyring() {
  static const std::string data = fixture("test-keyring.gpg");
  static const Keyring ring = parse_keyring(bytes(data), "test-keyring.gpg");
  return ring;
}

// The error's message, or "" when `f` did not throw.
template <typename F>
std::string refusal(F&& f) {
  try {
    f();
  } catch (const xstatic::Error& e) {
    return e.what();
  }
  return {};
}

inline bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

}  // namespace xstatic::repo::testing
