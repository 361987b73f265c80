/* strchr for x86_64 musl targets, linked ahead of musl's libc.a
 * (docs/libc.md).
 *
 * musl's strchr is portable C, eight bytes at a time (through
 * __strchrnul); glibc's picks an AVX2 (or EVEX) version at run time. This
 * one looks at 16 bytes per step with SSE2 (every x86_64 CPU has it), or
 * 64 with AVX2 when the CPU and the kernel support it (the same check as
 * strlen_x86_64.c, its own flag).
 *
 * Why reading past the NUL is safe: as in strlen_x86_64.c, every load is
 * aligned to its own size inside an aligned block that holds a byte of the
 * string, so no load reaches into a page the string does not touch. Bytes
 * before the start are masked out; the search stops at the first byte that
 * is c or NUL, so nothing after the NUL is ever returned.
 *
 * Written for xstatic; part of xstatic and under its licence. */
#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_x86_64.h"
#include "note.h"

XSTATIC_LIBC_NOTE(strchr);

char *strchr(const char *s, int c);

/* The first byte at or after p + bit that ended the search: c, or NUL (no match). */
static inline char *result(const char *p, unsigned bit, char c) {
  return p[bit] == c ? (char *)p + bit : NULL;
}

/* Bit i set when byte i of the aligned 16 bytes at p is c or NUL. */
static inline unsigned stop16(const char *p, __m128i vc) {
  __m128i v = _mm_load_si128((const __m128i *)p);
  return (unsigned)_mm_movemask_epi8(
      _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, _mm_setzero_si128())));
}

static char *strchr_sse2(const char *s, char c) {
  const __m128i vc = _mm_set1_epi8(c);
  const char *p = (const char *)((uintptr_t)s & ~(uintptr_t)15);
  unsigned m = stop16(p, vc) >> ((uintptr_t)s & 15) << ((uintptr_t)s & 15);
  while (!m) {
    p += 16;
    m = stop16(p, vc);
  }
  return result(p, (unsigned)__builtin_ctz(m), c);
}

/* Bit i set when byte i of the aligned 32 bytes at p is c or NUL. */
__attribute__((target("avx2"))) static inline uint32_t stop32(const char *p, __m256i vc) {
  __m256i v = _mm256_load_si256((const __m256i *)p);
  return (uint32_t)_mm256_movemask_epi8(
      _mm256_or_si256(_mm256_cmpeq_epi8(v, vc), _mm256_cmpeq_epi8(v, _mm256_setzero_si256())));
}

/* 64 bytes per step: the bytes that are c become zero under XOR, so the
 * lane-wise minimum of (v ^ c) and v has a zero byte exactly where a byte
 * is c or NUL; two aligned blocks per step. */
__attribute__((target("avx2"))) static char *strchr_avx2(const char *s, char c) {
  const __m256i vc = _mm256_set1_epi8(c), zero = _mm256_setzero_si256();
  const char *p = (const char *)((uintptr_t)s & ~(uintptr_t)31);
  uint32_t m = stop32(p, vc) >> ((uintptr_t)s & 31) << ((uintptr_t)s & 31);
  if (m) return result(p, (unsigned)__builtin_ctz(m), c);
  p += 32;
  if ((uintptr_t)p & 32) { /* one more 32 bytes, so that the loop's 64-byte blocks are aligned */
    m = stop32(p, vc);
    if (m) return result(p, (unsigned)__builtin_ctz(m), c);
    p += 32;
  }
  for (;; p += 64) {
    __m256i a = _mm256_load_si256((const __m256i *)p), b = _mm256_load_si256((const __m256i *)(p + 32));
    __m256i least = _mm256_min_epu8(_mm256_min_epu8(_mm256_xor_si256(a, vc), a),
                                    _mm256_min_epu8(_mm256_xor_si256(b, vc), b));
    if (_mm256_movemask_epi8(_mm256_cmpeq_epi8(least, zero))) break;
  }
  m = stop32(p, vc);
  if (m) return result(p, (unsigned)__builtin_ctz(m), c);
  return result(p + 32, (unsigned)__builtin_ctz(stop32(p + 32, vc)), c);
}

/* 0: not asked yet; 1: yes; -1: no (visible, for the tests). */
int __xstatic_strchr_avx2;

char *strchr(const char *s, int c) {
  int avx2 = __atomic_load_n(&__xstatic_strchr_avx2, __ATOMIC_RELAXED);
  if (avx2 == 0) {
    avx2 = cpu_has_avx2() ? 1 : -1;
    __atomic_store_n(&__xstatic_strchr_avx2, avx2, __ATOMIC_RELAXED);
  }
  return avx2 > 0 ? strchr_avx2(s, (char)c) : strchr_sse2(s, (char)c);
}
