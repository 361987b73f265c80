/* qsort, qsort_r and __qsort_r for musl targets, linked ahead of musl's
 * libc.a (docs/libc.md).
 *
 * musl 1.2.3 sorts with smoothsort: O(n log n) in the worst case, but about
 * 6x slower than glibc on random data, because it compares more and moves
 * elements through a generic byte loop. glibc (2.36) sorts with a merge sort
 * into a buffer it allocates, and falls back to an in-place quicksort when
 * the buffer would be too large or cannot be had. This file does the same,
 * in its own way:
 *
 *  - merge sort (stable: equal elements keep their order, which is what
 *    glibc users observe) into a buffer on the stack for at most 1 KB, else
 *    from malloc when the array is at most a quarter of the machine's RAM;
 *    about n log2 n - n comparisons, whatever the input. malloc only when
 *    the program has one linked anyway: the reference is weak, and without
 *    it the buffer comes from mmap. A program that sorts but never
 *    allocates then does not carry an allocator (mimalloc is ~90 KB) for
 *    qsort's sake, and sorts the same way.
 *  - otherwise, or when malloc fails, an in-place introsort: quicksort with
 *    a median-of-3 (ninther above 128 elements) pivot, recursion only into
 *    the smaller side (depth at most log2 n), and heapsort for a range once
 *    2 log2 n partitions have not finished it, so McIlroy's adversary
 *    (bench/programs/qsort_adversary.c) cannot make it quadratic.
 *
 * Every index is bounded by the range it scans, not by what the comparator
 * says: a comparator that is not a total preorder (one that answers at
 * random) gets a permutation of its input back, in bounded time, and no
 * access outside the array. The merge sort moves elements with fixed-size
 * copies when they are 4 or 8 bytes (or a multiple of 8) and aligned for
 * that.
 *
 * musl's own qsort_nr.o defines qsort and its qsort.o defines __qsort_r and
 * qsort_r: this object defines all three, so lld never takes either.
 *
 * Written for xstatic; part of xstatic and under its licence. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysinfo.h>

#include "note.h"

XSTATIC_LIBC_NOTE(qsort);

typedef int (*cmp_fn)(const void *, const void *);
typedef int (*cmp_r_fn)(const void *, const void *, void *);

void qsort(void *base, size_t n, size_t size, cmp_fn cmp);
/* Weak: they resolve to the program's malloc when something else links it,
 * else to null (see above). */
extern void *malloc(size_t) __attribute__((weak));
extern void free(void *) __attribute__((weak));
void __qsort_r(void *base, size_t n, size_t size, cmp_r_fn cmp, void *arg);

enum copy_kind { COPY_BYTES, COPY_4, COPY_8, COPY_WORDS };

struct sorter {
  size_t size;
  cmp_fn cmp;     /* qsort's comparator, or NULL */
  cmp_r_fn cmp_r; /* qsort_r's */
  void *arg;
};

static inline int compare(const struct sorter *s, const void *a, const void *b) {
  return s->cmp ? s->cmp(a, b) : s->cmp_r(a, b, s->arg);
}

/* Copies one element; `kind` is a constant where this is inlined. */
static inline __attribute__((always_inline)) void copy_one(char *dst, const char *src, size_t size,
                                                           enum copy_kind kind) {
  switch (kind) {
    case COPY_4:
      memcpy(dst, src, 4);
      break;
    case COPY_8:
      memcpy(dst, src, 8);
      break;
    case COPY_WORDS:
      for (size_t i = 0; i < size; i += 8) memcpy(dst + i, src + i, 8);
      break;
    default:
      memcpy(dst, src, size);
  }
}

/* The in-place fallback's swap: one function, not inlined per element
 * size, so that the rarely used path stays small (it was 6 KB inlined). */
static __attribute__((noinline)) void swap_elements(char *a, char *b, size_t size) {
#pragma clang loop vectorize(disable) unroll(disable)
  for (; size >= 8; size -= 8, a += 8, b += 8) {
    uint64_t t;
    memcpy(&t, a, 8), memcpy(a, b, 8), memcpy(b, &t, 8);
  }
#pragma clang loop vectorize(disable) unroll(disable)
  for (; size > 0; size--, a++, b++) {
    char t = *a;
    *a = *b;
    *b = t;
  }
}

/* ---- merge sort: b[0, n) sorted through tmp (room for n elements) ---- */

/* Merges the sorted runs b[0, n1) and b[n1, n1 + n2) into b. */
static inline __attribute__((always_inline)) void merge_runs(const struct sorter *s, char *b, size_t n1,
                                                             size_t n2, char *tmp, enum copy_kind kind) {
  const size_t size = s->size, n = n1 + n2;
  char *b1 = b, *b2 = b + n1 * size, *out = tmp;
  /* Without a branch on the comparison (selects, not jumps): on random data
   * its outcome is a coin toss, which a branch predictor gets wrong half the
   * time. `> 0` takes the left run's element first on ties: stable. */
  while (n1 > 0 && n2 > 0) {
    size_t right = compare(s, b1, b2) > 0;
    copy_one(out, right ? b2 : b1, size, kind);
    b1 += right ? 0 : size;
    b2 += right ? size : 0;
    n1 -= 1 - right;
    n2 -= right;
    out += size;
  }
  if (n1 > 0) memcpy(out, b1, n1 * size);
  memcpy(b, tmp, (n - n2) * size); /* what is left of the right run is in place already */
}

/* One recursive function per way of copying, so that the copies inline. */
#define DEFINE_MERGE_SORT(name, kind)                                      \
  static void name(const struct sorter *s, char *b, size_t n, char *tmp) { \
    if (n <= 1) return;                                                    \
    size_t n1 = n / 2;                                                     \
    name(s, b, n1, tmp);                                                   \
    name(s, b + n1 * s->size, n - n1, tmp);                                \
    merge_runs(s, b, n1, n - n1, tmp, kind);                               \
  }
DEFINE_MERGE_SORT(merge_sort_4, COPY_4)
DEFINE_MERGE_SORT(merge_sort_8, COPY_8)
DEFINE_MERGE_SORT(merge_sort_words, COPY_WORDS)
DEFINE_MERGE_SORT(merge_sort_bytes, COPY_BYTES)

static void merge_sort(const struct sorter *s, char *b, size_t n, char *tmp, enum copy_kind kind) {
  switch (kind) {
    case COPY_4:
      merge_sort_4(s, b, n, tmp);
      break;
    case COPY_8:
      merge_sort_8(s, b, n, tmp);
      break;
    case COPY_WORDS:
      merge_sort_words(s, b, n, tmp);
      break;
    default:
      merge_sort_bytes(s, b, n, tmp);
  }
}

/* ---- introsort, in place: the fallback ---- */

#define AT(i) (a + (i) * size)

static void insertion_sort(const struct sorter *s, char *a, size_t n) {
  const size_t size = s->size;
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && compare(s, AT(j - 1), AT(j)) > 0; j--) swap_elements(AT(j - 1), AT(j), size);
}

static void sift_down(const struct sorter *s, char *a, size_t root, size_t n) {
  const size_t size = s->size;
  for (;;) {
    size_t child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && compare(s, AT(child), AT(child + 1)) < 0) child++;
    if (compare(s, AT(root), AT(child)) >= 0) return;
    swap_elements(AT(root), AT(child), size);
    root = child;
  }
}

static void heap_sort(const struct sorter *s, char *a, size_t n) {
  const size_t size = s->size;
  for (size_t i = n / 2; i-- > 0;) sift_down(s, a, i, n);
  for (size_t end = n; end-- > 1;) {
    swap_elements(a, AT(end), size);
    sift_down(s, a, 0, end);
  }
}

static char *median3(const struct sorter *s, char *x, char *y, char *z) {
  if (compare(s, x, y) < 0) {
    if (compare(s, y, z) < 0) return y;
    return compare(s, x, z) < 0 ? z : x;
  }
  if (compare(s, x, z) < 0) return x;
  return compare(s, y, z) < 0 ? z : y;
}

static void intro_sort(const struct sorter *s, char *a, size_t n, unsigned depth) {
  const size_t size = s->size;
  while (n > 16) {
    if (depth == 0) {
      heap_sort(s, a, n);
      return;
    }
    depth--;
    char *mid = AT(n / 2), *last = AT(n - 1), *pivot;
    if (n > 128) {
      size_t e = (n / 8) * size;
      pivot = median3(s, median3(s, a, a + e, a + 2 * e), median3(s, mid - e, mid, mid + e),
                      median3(s, last - 2 * e, last - e, last));
    } else {
      pivot = median3(s, a, mid, last);
    }
    swap_elements(a, pivot, size);
    /* Hoare's partition around a[0], which stays put until the end. Both
     * scans stop on equal elements (so all-equal input splits in halves)
     * and at the range's ends whatever the comparator says. */
    size_t i = 0, j = n;
    for (;;) {
      do i++;
      while (i < n && compare(s, AT(i), a) < 0);
      do j--;
      while (j > 0 && compare(s, a, AT(j)) < 0);
      if (i >= j) break;
      swap_elements(AT(i), AT(j), size);
    }
    swap_elements(a, AT(j), size);
    /* a[0, j) <= a[j] <= a[j + 1, n): recurse into the smaller side only. */
    size_t left = j, right = n - j - 1;
    if (left < right) {
      intro_sort(s, a, left, depth);
      a = AT(j + 1);
      n = right;
    } else {
      intro_sort(s, AT(j + 1), right, depth);
      n = left;
    }
  }
  insertion_sort(s, a, n);
}

#undef AT

/* ---- the entry points ---- */

/* A quarter of the machine's RAM, in bytes (asked once): above it the merge
 * sort's buffer is not worth the risk of paging, as glibc judges too. */
static size_t quarter_of_ram(void) {
  static size_t cached; /* 0: not asked yet */
  size_t q = __atomic_load_n(&cached, __ATOMIC_RELAXED);
  if (q != 0) return q;
  struct sysinfo si;
  uint64_t bytes = sysinfo(&si) == 0 ? (uint64_t)si.totalram * (si.mem_unit ? si.mem_unit : 1) : 0;
  q = bytes == 0 || bytes / 4 > SIZE_MAX ? SIZE_MAX : (size_t)(bytes / 4);
  __atomic_store_n(&cached, q, __ATOMIC_RELAXED);
  return q;
}

static enum copy_kind copy_kind_of(const void *base, size_t size) {
  uintptr_t at = (uintptr_t)base;
  if (size == 4 && at % 4 == 0) return COPY_4;
  if (size == 8 && at % 8 == 0) return COPY_8;
  if (size % 8 == 0 && at % 8 == 0) return COPY_WORDS;
  return COPY_BYTES;
}

static unsigned depth_limit(size_t n) {
  unsigned log2n = 0;
  while (n >>= 1) log2n++;
  return 2 * log2n;
}

static void sort(const struct sorter *s, char *base, size_t n) {
  if (n < 2 || s->size == 0) return;
  enum copy_kind kind = copy_kind_of(base, s->size);
  if (n <= SIZE_MAX / s->size) {
    size_t bytes = n * s->size;
    if (bytes <= 1024) {
      _Alignas(16) char tmp[1024];
      merge_sort(s, base, n, tmp, kind);
      return;
    }
    if (bytes <= quarter_of_ram()) {
      /* Either is aligned for any object: the copies' alignment holds. */
      if (malloc && free) {
        char *tmp = malloc(bytes);
        if (tmp) {
          merge_sort(s, base, n, tmp, kind);
          free(tmp);
          return;
        }
      } else {
        void *tmp = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (tmp != MAP_FAILED) {
          merge_sort(s, base, n, tmp, kind);
          munmap(tmp, bytes);
          return;
        }
      }
    }
  }
  intro_sort(s, base, n, depth_limit(n));
}

void qsort(void *base, size_t n, size_t size, cmp_fn cmp) {
  struct sorter s = {size, cmp, NULL, NULL};
  sort(&s, base, n);
}

void __qsort_r(void *base, size_t n, size_t size, cmp_r_fn cmp, void *arg) {
  struct sorter s = {size, NULL, cmp, arg};
  sort(&s, base, n);
}

extern __typeof(__qsort_r) qsort_r __attribute__((weak, alias("__qsort_r")));
