// libFuzzer target over the OpenPGP readers of src/repo: the input is read
// as a cleartext-signed message (then its signatures are checked against
// the Debian archive keyring compiled in), as a binary keyring, and as a
// block of signature packets. Only xstatic::Error may come out, and a good
// signature may only cover a Release text (a seed is Debian's own InRelease:
// a mutation of its armor headers or blanks still verifies, rightly).
// Seeds: tests/fuzz/seeds.sh openpgp.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "xstatic/repo/openpgp.hpp"
#include "xstatic/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xstatic::repo;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ByteView bytes(data, size);
  try {
    ClearSigned message = parse_cleartext(text, "fuzz");
    for (const auto& check : check_signatures(message, debian_archive_keyring(), 1800000000)) {
      // A good signature by Debian's keys over text the fuzzer made would be a forgery
      // (or a seed that is Debian's own InRelease, whose text then equals what it signed).
      if (check.good && message.text.find("\nCodename: ") == std::string::npos) {
        std::fprintf(stderr, "FORGERY: a good signature over text no seed holds\n");
        std::abort();
      }
    }
  } catch (const xstatic::Error&) {
  }
  try {
    (void)parse_keyring(bytes, "fuzz");
  } catch (const xstatic::Error&) {
  }
  try {
    (void)parse_signatures(bytes, "fuzz");
  } catch (const xstatic::Error&) {
  }
  return 0;
}
