// Which allocator a binary carries, read from the binary alone (stripped
// ones included), in this order of evidence:
//
//  1. xstatic's allocator note (xstatic/target/notes.hpp): "mimalloc 2.0.9".
//     It sits in the same object as mimalloc's malloc, so lld keeps it
//     exactly when mimalloc is linked.
//  2. mimalloc's own message prefix "mimalloc: " in read-only data (a
//     mimalloc the user linked by hand): "mimalloc".
//  3. glibc's malloc, when the libc is glibc (static or dynamic): "glibc".
//  4. musl's mallocng, by its table of size classes (48 uint16_t values in
//     src/malloc/mallocng/malloc.c, in read-only data whenever malloc is
//     linked), or a dynamic musl program: "musl".
//  5. otherwise "unknown" (no malloc at all, or one we do not know).
#include <array>
#include <cstdint>

#include "detail.hpp"
#include "xstatic/target/libc.hpp"

namespace xstatic::inspect::detail {
namespace {

// musl 1.2.1+ mallocng's size_classes[] (units of 16 bytes).
constexpr std::array<std::uint16_t, 48> kMallocngSizeClasses = {
    1,   2,   3,   4,    5,    6,    7,    8,    9,    10,   12,   15,   18,   20,   25,   31,
    36,  42,  50,  63,   72,   84,   102,  127,  146,  170,  204,  255,  292,  340,  409,  511,
    584, 682, 818, 1023, 1169, 1364, 1637, 2047, 2340, 2730, 3276, 4095, 4680, 5460, 6552, 8191};

std::string table_bytes(bool little_endian) {
  std::string out;
  for (std::uint16_t v : kMallocngSizeClasses) {
    char lo = static_cast<char>(v & 0xff), hi = static_cast<char>(v >> 8);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

}  // namespace

std::string allocator_of(const std::string& note, std::optional<target::Libc> libc,
                         llvm::ArrayRef<llvm::StringRef> rodata, bool little_endian) {
  if (!note.empty()) return note;
  if (contains(rodata, "mimalloc: ")) return "mimalloc";
  if (libc && !target::libc_info(*libc).malloc.empty()) return std::string(target::libc_info(*libc).malloc);
  if (contains(rodata, table_bytes(little_endian))) return "musl";
  return "unknown";
}

}  // namespace xstatic::inspect::detail
