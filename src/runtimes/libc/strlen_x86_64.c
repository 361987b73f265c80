/* strlen for x86_64 musl targets, linked ahead of musl's libc.a
 * (docs/libc.md).
 *
 * musl's strlen is portable C, eight bytes at a time; glibc's picks an AVX2
 * (or EVEX) version at run time and was 4x faster on long strings. This one
 * compares 64 bytes per step with SSE2 (every x86_64 CPU has it), or 128
 * with AVX2 when the CPU and the kernel support it.
 *
 * Why reading past the NUL is safe: every load is aligned to its own size
 * (16 or 32 bytes) and lies within an aligned block (16 bytes for SSE2, 64
 * for AVX2's loop, 32 before it) that holds a byte of the string. Pages are 4096 bytes, a
 * multiple of those, so such a block never reaches into a page the string
 * does not touch: no load can fault. The bytes read before the string's
 * start or after its NUL are masked out or never looked at.
 *
 * The choice: static binaries have no IFUNC in musl, so the first call asks
 * cpuid (and xgetbv: the kernel must save the YMM registers) once and keeps
 * the answer in a flag. A flag, not a function pointer: writable memory that
 * an attacker could point elsewhere holds no code address here, and either
 * value of the flag runs a correct strlen.
 *
 * Written for xstatic; part of xstatic and under its licence. */
#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_x86_64.h"
#include "note.h"

XSTATIC_LIBC_NOTE(strlen);

size_t strlen(const char *s);

/* The version for CPUs without AVX2 (before 2013): 16 bytes per step. */
static size_t strlen_sse2(const char *s) {
  const __m128i zero = _mm_setzero_si128();
  const char *p = (const char *)((uintptr_t)s & ~(uintptr_t)15);
  unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_load_si128((const __m128i *)p), zero));
  m >>= (uintptr_t)s & 15;
  if (m) return (size_t)__builtin_ctz(m);
  for (;;) {
    p += 16;
    m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_load_si128((const __m128i *)p), zero));
    if (m) return (size_t)(p - s) + (size_t)__builtin_ctz(m);
  }
}

/* Bit i set when byte i of the aligned 32 bytes at p is NUL. */
__attribute__((target("avx2"))) static inline uint32_t nul_mask_avx2(const char *p) {
  const __m256i zero = _mm256_setzero_si256();
  return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_load_si256((const __m256i *)p), zero));
}

/* 64 bytes per step: two aligned loads whose lane-wise minimum has a zero
 * byte exactly when one of the 64 bytes is NUL. */
__attribute__((target("avx2"))) static size_t strlen_avx2(const char *s) {
  const char *p = (const char *)((uintptr_t)s & ~(uintptr_t)31);
  uint32_t m = nul_mask_avx2(p) >> ((uintptr_t)s & 31);
  if (m) return (size_t)__builtin_ctz(m);
  p += 32;
  if ((uintptr_t)p & 32) { /* one more 32 bytes, so that the loop's 64-byte blocks are aligned */
    m = nul_mask_avx2(p);
    if (m) return (size_t)(p - s) + (size_t)__builtin_ctz(m);
    p += 32;
  }
  const __m256i zero = _mm256_setzero_si256();
  for (;; p += 64) {
    const __m256i *v = (const __m256i *)p;
    __m256i least = _mm256_min_epu8(_mm256_load_si256(v), _mm256_load_si256(v + 1));
    if (_mm256_movemask_epi8(_mm256_cmpeq_epi8(least, zero))) break;
  }
  m = nul_mask_avx2(p);
  if (m) return (size_t)(p - s) + (size_t)__builtin_ctz(m);
  return (size_t)(p + 32 - s) + (size_t)__builtin_ctz(nul_mask_avx2(p + 32));
}

/* 0: not asked yet; 1: yes; -1: no. Its name is reserved (two underscores) and
 * visible, so that a test can read which version ran. */
int __xstatic_strlen_avx2;

size_t strlen(const char *s) {
  int avx2 = __atomic_load_n(&__xstatic_strlen_avx2, __ATOMIC_RELAXED);
  if (avx2 == 0) {
    avx2 = cpu_has_avx2() ? 1 : -1;
    __atomic_store_n(&__xstatic_strlen_avx2, avx2, __ATOMIC_RELAXED);
  }
  return avx2 > 0 ? strlen_avx2(s) : strlen_sse2(s);
}
