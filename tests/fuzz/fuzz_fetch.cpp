// libFuzzer target over the text readers of xstatic's own fetcher: the input
// is fed to the HTTP response reader (in pieces whose size its first byte
// picks, then the connection closes), read as a URL and a redirect location,
// as http_proxy and no_proxy values (split at the input's middle), and as apt
// sources in both formats (whose entries then choose suites) and an os-release.
// Only xstatic::Error may come out.
// Seeds: tests/fuzz/seeds.sh fetch.
#include <cstdint>
#include <string_view>

#include "xstatic/sysroot/apt.hpp"
#include "xstatic/sysroot/mirror.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/http.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xstatic;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    std::size_t step = size ? data[0] % 17 + 1 : 1;
    util::HttpResponseReader reader("fuzz", 4096);
    bool done = false;
    for (std::size_t i = 1; i < size && !done; i += step) done = reader.feed(text.substr(i, step));
    if (!done) reader.finish();
    (void)reader.take();
  } catch (const Error&) {
  }
  if (auto url = util::parse_http_url(text)) {
    (void)url->str();
    (void)util::resolve_location(*url, text.substr(text.size() / 2));
  }
  try {
    util::Url mirror{"deb.example.test", "80", "/debian/"};
    (void)util::choose_proxy(mirror, text.substr(0, size / 2), text.substr(size / 2));
    (void)util::choose_proxy(mirror, text, "");
  } catch (const Error&) {
  }
  (void)sysroot::sources_release("", text);
  auto host = sysroot::parse_sources_list(text);
  auto stanzas = sysroot::parse_sources_stanzas(text);
  host.insert(host.end(), stanzas.begin(), stanzas.end());
  try {
    (void)sysroot::archive_suites("", host, {});
    (void)sysroot::archive_suites("bullseye", host, {std::string("http://m"), std::nullopt});
  } catch (const Error&) {
  }
  return 0;
}
