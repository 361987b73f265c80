// The SBOM note's description: written by the driver, read by inspect (see
// xstatic/inspect/sbom.hpp). The reader takes bytes from any binary, so it
// bounds everything before LLVM's JSON parser sees them: the size, the
// nesting (the parser recurses: a note of 60,000 '[' must not exhaust the
// stack), and afterwards every field's type; control characters are refused
// so that a hostile name cannot rewrite the terminal `inspect` prints to.
#include "xstatic/inspect/sbom.hpp"

#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

namespace xstatic::inspect {
namespace {

constexpr std::size_t kMaxDepth = 3;          // object > array > array
constexpr std::size_t kMaxComponents = 4096;  // per list

struct Key {
  const char* json;
  std::vector<SbomComponent> EmbeddedSbom::* list;
  bool has_license;
};
constexpr Key kLists[] = {
    {"deb", &EmbeddedSbom::packages, false},
    {"rt", &EmbeddedSbom::runtimes, false},
    {"pkg", &EmbeddedSbom::libraries, true},
    {"ar", &EmbeddedSbom::archives, false},
};

// The deepest nesting of [ and { outside strings, stopping early past `limit`.
std::size_t nesting(std::string_view text, std::size_t limit) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool printable(llvm::StringRef s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

std::optional<std::string> text(const llvm::json::Value& v) {
  auto s = v.getAsString();
  if (!s || !printable(*s)) return std::nullopt;
  return s->str();
}

bool read_list(const llvm::json::Array& arr, const Key& key, EmbeddedSbom& out, std::string& problem) {
  if (arr.size() > kMaxComponents) {
    problem = std::string("'") + key.json + "' has more than " + std::to_string(kMaxComponents) + " entries";
    return false;
  }
  auto& list = out.*key.list;
  for (const auto& entry : arr) {
    const auto* fields = entry.getAsArray();
    std::size_t want = key.has_license ? 3 : 2;
    if (!fields || fields->size() != want) {
      problem =
          std::string("an entry of '") + key.json + "' is not a list of " + std::to_string(want) + " strings";
      return false;
    }
    SbomComponent c;
    auto name = text((*fields)[0]), version = text((*fields)[1]);
    auto license = key.has_license ? text((*fields)[2]) : std::optional<std::string>("");
    if (!name || !version || !license || name->empty()) {
      problem = std::string("an entry of '") + key.json +
                "' holds a non-string, an empty name or a control character";
      return false;
    }
    list.push_back({std::move(*name), std::move(*version), std::move(*license)});
  }
  return true;
}

}  // namespace

std::string encode_sbom(const EmbeddedSbom& sbom) {
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::json::OStream j(os);
  j.object([&] {
    j.attribute("v", sbom.format);
    j.attribute("target", sbom.target);
    j.attribute("libc", sbom.libc);
    j.attribute("xstatic", sbom.xstatic);
    for (const auto& key : kLists) {
      const auto& list = sbom.*key.list;
      if (list.empty()) continue;
      j.attributeArray(key.json, [&] {
        for (const auto& c : list)
          j.array([&] {
            j.value(c.name);
            j.value(c.version);
            if (key.has_license) j.value(c.license);
          });
      });
    }
  });
  os.flush();
  return out;
}

std::optional<EmbeddedSbom> decode_sbom(std::string_view desc, std::string& problem) {
  // The driver writes no NUL; a writer that pads the description may.
  while (!desc.empty() && desc.back() == '\0') desc.remove_suffix(1);
  if (desc.size() > kSbomMaxSize) {
    problem = "larger than " + std::to_string(kSbomMaxSize) + " bytes";
    return std::nullopt;
  }
  if (nesting(desc, kMaxDepth) > kMaxDepth) {
    problem = "nested deeper than a record is";
    return std::nullopt;
  }
  auto parsed = llvm::json::parse(desc);
  if (!parsed) {
    problem = "not JSON: " + llvm::toString(parsed.takeError());
    return std::nullopt;
  }
  const auto* obj = parsed->getAsObject();
  if (!obj) {
    problem = "not a JSON object";
    return std::nullopt;
  }
  EmbeddedSbom out;
  auto v = obj->getInteger("v");
  if (!v) {
    problem = "no format number 'v'";
    return std::nullopt;
  }
  if (*v != kSbomFormat) {
    problem = "format " + std::to_string(*v) + " is not one this xstatic reads (" +
              std::to_string(kSbomFormat) + "): a newer xstatic wrote it";
    return std::nullopt;
  }
  for (auto [field, into] :
       {std::pair{"target", &out.target}, std::pair{"libc", &out.libc}, std::pair{"xstatic", &out.xstatic}}) {
    const auto* value = obj->get(field);
    auto s = value ? text(*value) : std::nullopt;
    if (!s) {
      problem = std::string("'") + field + "' is missing, not a string or holds a control character";
      return std::nullopt;
    }
    *into = std::move(*s);
  }
  for (const auto& key : kLists) {
    const auto* value = obj->get(key.json);
    if (!value) continue;
    const auto* arr = value->getAsArray();
    if (!arr) {
      problem = std::string("'") + key.json + "' is not a list";
      return std::nullopt;
    }
    if (!read_list(*arr, key, out, problem)) return std::nullopt;
  }
  return out;
}

}  // namespace xstatic::inspect
