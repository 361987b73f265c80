// Files from the repository compiled into the binary (cmake/EmbedFiles.cmake).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace xstatic {

struct EmbeddedFile {
  const char* name;     // file name without its folder, e.g. "musl.json"
  const char* content;  // whole text
};

// Looks a name up in one embedded set; nullopt when absent.
inline std::optional<std::string_view> find_embedded(std::span<const EmbeddedFile> files,
                                                     std::string_view name) {
  for (const auto& f : files)
    if (name == f.name) return std::string_view(f.content);
  return std::nullopt;
}

}  // namespace xstatic
