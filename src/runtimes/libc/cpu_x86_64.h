/* The run-time choice of xstatic's x86_64 libc routines (docs/libc.md):
 * whether AVX2 code may run. Each routine asks once and keeps the answer
 * in a flag of its own.
 *
 * Written for xstatic; part of xstatic and under its licence. */
#ifndef XSTATIC_CPU_X86_64_H
#define XSTATIC_CPU_X86_64_H

#include <cpuid.h>

/* AVX2 in the CPU (cpuid leaf 7), AVX and OSXSAVE (leaf 1), and the YMM
 * state enabled by the kernel (XCR0 bits 1 and 2). */
static inline int cpu_has_avx2(void) {
  unsigned a, b, c, d;
  if (__get_cpuid_max(0, 0) < 7) return 0;
  __cpuid(1, a, b, c, d);
  if (!(c & bit_OSXSAVE) || !(c & bit_AVX)) return 0;
  unsigned xcr0_low, xcr0_high;
  __asm__("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
  if ((xcr0_low & 6) != 6) return 0;
  __cpuid_count(7, 0, a, b, c, d);
  return (b & bit_AVX2) != 0;
}

#endif
