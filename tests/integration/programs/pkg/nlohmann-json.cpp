// nlohmann::json (header-only): a document parsed, changed and dumped; a
// broken one refused.
#include <cstdio>
#include <nlohmann/json.hpp>

int main() {
  auto j = nlohmann::json::parse(R"({"targets": ["linux/arm64", "linux/amd64"], "static": true})");
  j["targets"].push_back("windows/amd64");
  if (j["targets"].size() != 3 || !j["static"].get<bool>()) return 1;
  std::string out = j.dump();
  if (out != R"({"static":true,"targets":["linux/arm64","linux/amd64","windows/amd64"]})") return 2;
  if (!nlohmann::json::parse("{\"a\": ", nullptr, false).is_discarded()) return 3;
  std::printf("nlohmann-json %d.%d.%d ok: %s\n", NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
              NLOHMANN_JSON_VERSION_PATCH, out.c_str());
  return 0;
}
