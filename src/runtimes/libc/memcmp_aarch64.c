/* memcmp for aarch64 musl targets, linked ahead of musl's libc.a
 * (docs/libc.md).
 *
 * musl's memcmp is portable C, one byte at a time; glibc's is assembly.
 * This one compares 32 bytes per step with NEON (every aarch64 CPU has
 * Advanced SIMD).
 *
 * Why it reads nothing outside the two ranges: every load is unaligned and
 * lies inside [a, a + n) and [b, b + n): full blocks while they fit, then
 * one block ending exactly at n (it overlaps bytes already compared equal).
 * Ranges shorter than 16 bytes are compared a byte at a time.
 *
 * Written for xstatic; part of xstatic and under its licence. */
#include <arm_neon.h>
#include <stddef.h>
#include <stdint.h>

#include "note.h"

XSTATIC_LIBC_NOTE(memcmp);

int memcmp(const void *a, const void *b, size_t n);

/* Four bits per byte of the 16 bytes at a and b, set where they differ. */
static inline uint64_t diff_nibbles(const unsigned char *a, const unsigned char *b) {
  uint8x16_t ne = vmvnq_u8(vceqq_u8(vld1q_u8(a), vld1q_u8(b)));
  return vget_lane_u64(vreinterpret_u64_u8(vshrn_n_u16(vreinterpretq_u16_u8(ne), 4)), 0);
}

static inline int differ_at(const unsigned char *a, const unsigned char *b, size_t i) { return a[i] - b[i]; }

int memcmp(const void *va, const void *vb, size_t n) {
  const unsigned char *a = (const unsigned char *)va, *b = (const unsigned char *)vb;
  if (n < 16) {
    for (size_t i = 0; i < n; i++)
      if (a[i] != b[i]) return differ_at(a, b, i);
    return 0;
  }
  size_t i = 0;
  uint64_t m;
  for (; i + 32 <= n; i += 32) {
    uint8x16_t e = vandq_u8(vceqq_u8(vld1q_u8(a + i), vld1q_u8(b + i)),
                            vceqq_u8(vld1q_u8(a + i + 16), vld1q_u8(b + i + 16)));
    if (vminvq_u8(e) != 0xff) {
      if ((m = diff_nibbles(a + i, b + i))) return differ_at(a, b, i + (size_t)__builtin_ctzll(m) / 4);
      m = diff_nibbles(a + i + 16, b + i + 16);
      return differ_at(a, b, i + 16 + (size_t)__builtin_ctzll(m) / 4);
    }
  }
  for (; i + 16 <= n; i += 16)
    if ((m = diff_nibbles(a + i, b + i))) return differ_at(a, b, i + (size_t)__builtin_ctzll(m) / 4);
  if (i < n && (m = diff_nibbles(a + n - 16, b + n - 16)))
    return differ_at(a, b, n - 16 + (size_t)__builtin_ctzll(m) / 4);
  return 0;
}
