/* memcmp for x86_64 musl targets, linked ahead of musl's libc.a
 * (docs/libc.md).
 *
 * musl's memcmp is portable C, one byte at a time; glibc's picks an AVX2
 * (or EVEX) version at run time. This one compares 16 bytes per step with
 * SSE2 (every x86_64 CPU has it), or 64 with AVX2 when the CPU and the
 * kernel support it (the same check as strlen_x86_64.c, its own flag).
 *
 * Why it reads nothing outside the two ranges: every load is unaligned and
 * lies inside [a, a + n) and [b, b + n): full blocks while they fit, then
 * one block ending exactly at n (it overlaps bytes already compared equal,
 * which changes nothing). Ranges shorter than a block are compared a byte
 * at a time.
 *
 * Written for xstatic; part of xstatic and under its licence. */
#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_x86_64.h"
#include "note.h"

XSTATIC_LIBC_NOTE(memcmp);

int memcmp(const void *a, const void *b, size_t n);

static inline int differ_at(const unsigned char *a, const unsigned char *b, size_t i) { return a[i] - b[i]; }

/* Bit i set where the 16 bytes at a and b differ. */
static inline unsigned diff16(const unsigned char *a, const unsigned char *b) {
  __m128i x = _mm_loadu_si128((const __m128i *)a), y = _mm_loadu_si128((const __m128i *)b);
  return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) ^ 0xffffu;
}

static int memcmp_small(const unsigned char *a, const unsigned char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return differ_at(a, b, i);
  return 0;
}

static int memcmp_sse2(const unsigned char *a, const unsigned char *b, size_t n) {
  if (n < 16) return memcmp_small(a, b, n);
  size_t i = 0;
  unsigned m;
  for (; i + 16 <= n; i += 16)
    if ((m = diff16(a + i, b + i))) return differ_at(a, b, i + (size_t)__builtin_ctz(m));
  if (i < n && (m = diff16(a + n - 16, b + n - 16)))
    return differ_at(a, b, n - 16 + (size_t)__builtin_ctz(m));
  return 0;
}

/* Bit i set where the 32 bytes at a and b differ. */
__attribute__((target("avx2"))) static inline uint32_t diff32(const unsigned char *a,
                                                              const unsigned char *b) {
  __m256i x = _mm256_loadu_si256((const __m256i *)a), y = _mm256_loadu_si256((const __m256i *)b);
  return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, y));
}

__attribute__((target("avx2"))) static int memcmp_avx2(const unsigned char *a, const unsigned char *b,
                                                       size_t n) {
  if (n < 32) return memcmp_sse2(a, b, n);
  size_t i = 0;
  uint32_t m;
  /* Two blocks per step: one test of both (AND of the equal masks). */
  for (; i + 64 <= n; i += 64) {
    __m256i e0 = _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(a + i)),
                                   _mm256_loadu_si256((const __m256i *)(b + i)));
    __m256i e1 = _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(a + i + 32)),
                                   _mm256_loadu_si256((const __m256i *)(b + i + 32)));
    if ((uint32_t)_mm256_movemask_epi8(_mm256_and_si256(e0, e1)) != 0xffffffffu) {
      if ((m = diff32(a + i, b + i))) return differ_at(a, b, i + (size_t)__builtin_ctz(m));
      m = diff32(a + i + 32, b + i + 32);
      return differ_at(a, b, i + 32 + (size_t)__builtin_ctz(m));
    }
  }
  for (; i + 32 <= n; i += 32)
    if ((m = diff32(a + i, b + i))) return differ_at(a, b, i + (size_t)__builtin_ctz(m));
  if (i < n && (m = diff32(a + n - 32, b + n - 32)))
    return differ_at(a, b, n - 32 + (size_t)__builtin_ctz(m));
  return 0;
}

/* 0: not asked yet; 1: yes; -1: no (visible, for the tests). */
int __xstatic_memcmp_avx2;

int memcmp(const void *a, const void *b, size_t n) {
  int avx2 = __atomic_load_n(&__xstatic_memcmp_avx2, __ATOMIC_RELAXED);
  if (avx2 == 0) {
    avx2 = cpu_has_avx2() ? 1 : -1;
    __atomic_store_n(&__xstatic_memcmp_avx2, avx2, __ATOMIC_RELAXED);
  }
  return avx2 > 0 ? memcmp_avx2(a, b, n) : memcmp_sse2(a, b, n);
}
