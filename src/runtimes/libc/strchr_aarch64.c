/* strchr for aarch64 musl targets, linked ahead of musl's libc.a
 * (docs/libc.md).
 *
 * musl's strchr is portable C, eight bytes at a time (through
 * __strchrnul); glibc's is NEON assembly. This one looks at 32 bytes per
 * step with NEON (every aarch64 CPU has Advanced SIMD).
 *
 * Why reading past the NUL is safe: as in strlen_aarch64.c, every load is
 * 16 bytes aligned to 16 and the loop's pairs are aligned to 32, so no load
 * reaches into a page the string does not touch. Bytes before the start
 * are masked out; the search stops at the first byte that is c or NUL.
 *
 * Written for xstatic; part of xstatic and under its licence. */
#include <arm_neon.h>
#include <stddef.h>
#include <stdint.h>

#include "note.h"

XSTATIC_LIBC_NOTE(strchr);

char *strchr(const char *s, int c);

/* Lane-wise: 0 where the byte is c or NUL (the XOR with c is 0 at c). */
static inline uint8x16_t stops(uint8x16_t v, uint8x16_t vc) { return vminq_u8(veorq_u8(v, vc), v); }

/* Four bits per byte of the aligned 16 bytes at p, set where it is c or NUL. */
static inline uint64_t stop_nibbles(const char *p, uint8x16_t vc) {
  uint8x16_t zero_at_stop = stops(vld1q_u8((const uint8_t *)p), vc);
  uint8x8_t narrowed = vshrn_n_u16(vreinterpretq_u16_u8(vceqzq_u8(zero_at_stop)), 4);
  return vget_lane_u64(vreinterpret_u64_u8(narrowed), 0);
}

static inline char *result(const char *p, uint64_t m, char c) {
  const char *r = p + __builtin_ctzll(m) / 4;
  return *r == c ? (char *)r : NULL;
}

char *strchr(const char *s, int ci) {
  const char c = (char)ci;
  const uint8x16_t vc = vdupq_n_u8((uint8_t)c);
  const char *p = (const char *)((uintptr_t)s & ~(uintptr_t)15);
  uintptr_t off = (uintptr_t)s & 15;
  uint64_t m = stop_nibbles(p, vc) >> (4 * off) << (4 * off);
  if (m) return result(p, m, c);
  p += 16;
  if ((uintptr_t)p & 16) { /* one more 16 bytes, so that the loop's 32-byte pairs are aligned */
    m = stop_nibbles(p, vc);
    if (m) return result(p, m, c);
    p += 16;
  }
  for (;; p += 32) {
    uint8x16_t a = stops(vld1q_u8((const uint8_t *)p), vc),
               b = stops(vld1q_u8((const uint8_t *)(p + 16)), vc);
    if (vminvq_u8(vminq_u8(a, b)) == 0) break;
  }
  m = stop_nibbles(p, vc);
  if (m) return result(p, m, c);
  return result(p + 16, stop_nibbles(p + 16, vc), c);
}
