/* strlen for aarch64 musl targets, linked ahead of musl's libc.a
 * (docs/libc.md).
 *
 * musl's strlen is portable C, eight bytes at a time; glibc's is NEON
 * assembly. This one compares 32 bytes per step with NEON (every aarch64
 * CPU has Advanced SIMD, so no run-time choice is needed): the lowest byte
 * of the two vectors' lane-wise minimum is zero exactly when one of the 32
 * bytes is NUL.
 *
 * Why reading past the NUL is safe: every load is 16 bytes aligned to 16,
 * and the loop's pairs are aligned to 32, so a load never reaches into a
 * page (4 KB or larger) the string does not touch. Bytes read before the
 * start or after the NUL are masked out or never looked at.
 *
 * Written for xstatic; part of xstatic and under its licence. */
#include <arm_neon.h>
#include <stddef.h>
#include <stdint.h>

#include "note.h"

XSTATIC_LIBC_NOTE(strlen);

size_t strlen(const char *s);

/* Four bits per byte of v, set where the byte is NUL (byte i: bits 4i..4i+3). */
static inline uint64_t nul_nibbles(uint8x16_t v) {
  uint8x8_t narrowed = vshrn_n_u16(vreinterpretq_u16_u8(vceqzq_u8(v)), 4);
  return vget_lane_u64(vreinterpret_u64_u8(narrowed), 0);
}

static inline uint8x16_t load16(const char *p) { return vld1q_u8((const uint8_t *)p); }

size_t strlen(const char *s) {
  const char *p = (const char *)((uintptr_t)s & ~(uintptr_t)15);
  uint64_t m = nul_nibbles(load16(p)) >> (4 * ((uintptr_t)s & 15));
  if (m) return (size_t)__builtin_ctzll(m) / 4;
  p += 16;
  if ((uintptr_t)p & 16) { /* one more 16 bytes, so that the loop's 32-byte pairs are aligned */
    m = nul_nibbles(load16(p));
    if (m) return (size_t)(p - s) + (size_t)__builtin_ctzll(m) / 4;
    p += 16;
  }
  for (;; p += 32)
    if (vminvq_u8(vminq_u8(load16(p), load16(p + 16))) == 0) break;
  m = nul_nibbles(load16(p));
  if (m) return (size_t)(p - s) + (size_t)__builtin_ctzll(m) / 4;
  return (size_t)(p + 16 - s) + (size_t)__builtin_ctzll(nul_nibbles(load16(p + 16))) / 4;
}
