/* memchr for aarch64 musl targets, linked ahead of musl's libc.a
 * (docs/libc.md).
 *
 * musl's memchr is portable C, eight bytes at a time; glibc's is NEON
 * assembly. This one compares 32 bytes per step with NEON (every aarch64
 * CPU has Advanced SIMD, so no run-time choice is needed).
 *
 * Why reading past the range is safe: every load is 16 bytes aligned to 16
 * and starts inside [s, s + n), so it lies in a page the range touches.
 * Bytes before s are masked out; a match at or after s + n is not
 * returned. The distance from s is what is compared with n, never s + n, so
 * a huge n (memchr(s, 0, SIZE_MAX)) cannot overflow.
 *
 * Written for xstatic; part of xstatic and under its licence. */
#include <arm_neon.h>
#include <stddef.h>
#include <stdint.h>

#include "note.h"

XSTATIC_LIBC_NOTE(memchr);

void *memchr(const void *src, int c, size_t n);

/* Four bits per byte of the aligned 16 bytes at p, set where the byte is
 * `vc`'s (byte i: bits 4i..4i+3). */
static inline uint64_t match_nibbles(const unsigned char *p, uint8x16_t vc) {
  uint8x8_t narrowed = vshrn_n_u16(vreinterpretq_u16_u8(vceqq_u8(vld1q_u8(p), vc)), 4);
  return vget_lane_u64(vreinterpret_u64_u8(narrowed), 0);
}

/* The match at nibble mask m of the block at p, if it lies in the range. */
static inline void *found(const unsigned char *s, size_t n, const unsigned char *p, uint64_t m) {
  const unsigned char *r = p + __builtin_ctzll(m) / 4;
  return (size_t)(r - s) < n ? (void *)r : NULL;
}

void *memchr(const void *src, int c, size_t n) {
  if (n == 0) return NULL;
  const unsigned char *s = (const unsigned char *)src;
  const uint8x16_t vc = vdupq_n_u8((uint8_t)c);
  uintptr_t off = (uintptr_t)s & 15;
  const unsigned char *p = s - off;
  uint64_t m = match_nibbles(p, vc) >> (4 * off) << (4 * off);
  if (m) return found(s, n, p, m);
  p += 16;
  /* Two blocks per step while both start inside the range. */
  while ((size_t)(p - s) + 16 < n) {
    uint8x16_t a = vceqq_u8(vld1q_u8(p), vc), b = vceqq_u8(vld1q_u8(p + 16), vc);
    if (vmaxvq_u8(vorrq_u8(a, b))) {
      m = match_nibbles(p, vc);
      return m ? found(s, n, p, m) : found(s, n, p + 16, match_nibbles(p + 16, vc));
    }
    p += 32;
  }
  if ((size_t)(p - s) < n && (m = match_nibbles(p, vc))) return found(s, n, p, m);
  return NULL;
}
