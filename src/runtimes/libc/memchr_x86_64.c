/* memchr for x86_64 musl targets, linked ahead of musl's libc.a
 * (docs/libc.md).
 *
 * musl's memchr is portable C, eight bytes at a time; glibc's picks an AVX2
 * (or EVEX) version at run time. This one compares 32 bytes per step with
 * SSE2 (every x86_64 CPU has it), or 64 with AVX2 when the CPU and the
 * kernel support it (the same check and flag as strlen_x86_64.c).
 *
 * Why reading past the range is safe: every load is aligned to its own size
 * (16 or 32 bytes) and starts inside [s, s + n): a block that holds a byte
 * of the range lies in a page the range touches, since pages (4096 bytes)
 * are a multiple of the block size. Bytes before s are masked out; a match
 * at or after s + n is not returned. The distance from s is what is
 * compared with n, never s + n, so a huge n (memchr(s, 0, SIZE_MAX), used
 * as "find it, however far") cannot overflow.
 *
 * Written for xstatic; part of xstatic and under its licence. */
#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_x86_64.h"
#include "note.h"

XSTATIC_LIBC_NOTE(memchr);

void *memchr(const void *src, int c, size_t n);

/* Bit i set when byte i of the aligned 16 bytes at p is `vc`'s byte. */
static inline unsigned match16(const unsigned char *p, __m128i vc) {
  return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_load_si128((const __m128i *)p), vc));
}

/* The match at bit `bit` of the block at p, if it lies in the range. */
static inline void *found(const unsigned char *s, size_t n, const unsigned char *p, unsigned bit) {
  const unsigned char *r = p + bit;
  return (size_t)(r - s) < n ? (void *)r : NULL;
}

static void *memchr_sse2(const unsigned char *s, int c, size_t n) {
  const __m128i vc = _mm_set1_epi8((char)c);
  uintptr_t off = (uintptr_t)s & 15;
  const unsigned char *p = s - off;
  unsigned m = match16(p, vc) >> off << off;
  if (m) return found(s, n, p, (unsigned)__builtin_ctz(m));
  p += 16;
  /* Two blocks per step while both start inside the range. */
  while ((size_t)(p - s) + 16 < n) {
    unsigned a = match16(p, vc), b = match16(p + 16, vc);
    if (a | b) return found(s, n, p, a ? (unsigned)__builtin_ctz(a) : 16 + (unsigned)__builtin_ctz(b));
    p += 32;
  }
  if ((size_t)(p - s) < n && (m = match16(p, vc))) return found(s, n, p, (unsigned)__builtin_ctz(m));
  return NULL;
}

__attribute__((target("avx2"))) static inline uint32_t match32(const unsigned char *p, __m256i vc) {
  return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_load_si256((const __m256i *)p), vc));
}

__attribute__((target("avx2"))) static void *memchr_avx2(const unsigned char *s, int c, size_t n) {
  const __m256i vc = _mm256_set1_epi8((char)c);
  uintptr_t off = (uintptr_t)s & 31;
  const unsigned char *p = s - off;
  uint32_t m = match32(p, vc) >> off << off;
  if (m) return found(s, n, p, (unsigned)__builtin_ctz(m));
  p += 32;
  /* Two blocks per step while both start inside the range. */
  while ((size_t)(p - s) + 32 < n) {
    __m256i a = _mm256_cmpeq_epi8(_mm256_load_si256((const __m256i *)p), vc);
    __m256i b = _mm256_cmpeq_epi8(_mm256_load_si256((const __m256i *)(p + 32)), vc);
    if (_mm256_movemask_epi8(_mm256_or_si256(a, b))) {
      uint32_t ma = (uint32_t)_mm256_movemask_epi8(a);
      return found(
          s, n, p,
          ma ? (unsigned)__builtin_ctz(ma) : 32 + (unsigned)__builtin_ctz((uint32_t)_mm256_movemask_epi8(b)));
    }
    p += 64;
  }
  if ((size_t)(p - s) < n && (m = match32(p, vc))) return found(s, n, p, (unsigned)__builtin_ctz(m));
  return NULL;
}

/* 0: not asked yet; 1: yes; -1: no (visible, for the tests). */
int __xstatic_memchr_avx2;

void *memchr(const void *src, int c, size_t n) {
  if (n == 0) return NULL;
  int avx2 = __atomic_load_n(&__xstatic_memchr_avx2, __ATOMIC_RELAXED);
  if (avx2 == 0) {
    avx2 = cpu_has_avx2() ? 1 : -1;
    __atomic_store_n(&__xstatic_memchr_avx2, avx2, __ATOMIC_RELAXED);
  }
  return avx2 > 0 ? memchr_avx2(src, c, n) : memchr_sse2(src, c, n);
}
