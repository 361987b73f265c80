/* Checks the libc routines a musl link may replace (strlen, memchr, strchr, memcmp, qsort, qsort_r;
 * docs/libc.md) against references written here, whichever library
 * provides them: the suite builds it with --libc-routines=xstatic and with
 * musl's own, and compares the digests the two print.
 *
 *   libc_routines            every check; prints "libc_routines ok", digests,
 *                            and on x86_64 which strlen ran (avx2, sse2)
 *   built with -DFAIL_MALLOC malloc always fails: qsort must fall back to
 *                            sorting in place, still correctly
 *   built with -DNO_MALLOC   no malloc linked at all: xstatic's qsort takes
 *                            its buffer from mmap (the default build calls
 *                            malloc once, so that qsort uses it)
 *
 * strlen: every alignment 0-63 x every length 0-300, long strings, strings
 * whose NUL is the last byte before a PROT_NONE page, random bytes around.
 * memchr: every alignment 0-63 x every length 0-300 x the byte absent, at
 * the start, at the end, in the middle, just past the range and before the
 * start; long ranges; ranges ending at the last byte before a PROT_NONE page
 * and starting at the first byte after one; memchr(s, c, SIZE_MAX).
 * strchr: every alignment 0-63 x every length 0-300 x bytes 'x', 0x80, 0xff
 * (and 'x' + 256, which C converts to 'x') absent, at the start, the end,
 * the middle, only after the NUL; strchr(s, 0); long strings; strings whose
 * NUL is the last byte before a PROT_NONE page.
 * memcmp: alignments 0-31 of each side (a sample of pairs) x every length
 * 0-300 x equal, or one difference (0x80 against 0x7f, both ways: the bytes
 * compare unsigned) at the start, the end, the middle, a random place; long
 * ranges; both ranges ending at the last byte before a PROT_NONE page.
 * Usage: libc_routines [unstable]  ("unstable": skip the stability check,
 * for a qsort that does not promise it, such as musl's).
 * qsort: random, sorted, reversed, all-equal, organ-pipe and McIlroy's
 * adversary inputs, element sizes 1, 4, 8, 12, 24 and 100, at aligned and
 * unaligned bases; sorted by key, a permutation of the input with every
 * element's bytes intact, stable when malloc works, within a bounded number
 * of comparisons (8 n log2 n: a quadratic sort of 20,000 elements would need
 * 25 times that); and comparators that are no order (random answers, always
 * less, always greater) get a permutation back without a crash or a read
 * outside the array. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int failures;
#define CHECK(cond, ...)                                               \
  do {                                                                 \
    if (!(cond)) {                                                     \
      if (failures++ < 20) {                                           \
        fprintf(stderr, "libc_routines: %s:%d: ", __FILE__, __LINE__); \
        fprintf(stderr, __VA_ARGS__);                                  \
        fputc('\n', stderr);                                           \
      }                                                                \
    }                                                                  \
  } while (0)

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint32_t next_random(void) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  return (uint32_t)(rng >> 16);
}

static uint64_t digest = 1469598103934665603u; /* FNV-1a over every result */
static void mix(uint64_t v) {
  for (int i = 0; i < 8; i++) digest = (digest ^ ((v >> (8 * i)) & 0xff)) * 1099511628211u;
}

/* Memory straight from the kernel: the FAIL_MALLOC build has no malloc. */
static void *pages(size_t bytes) {
  void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    perror("mmap");
    exit(2);
  }
  return p;
}

/* `bytes` of memory between two PROT_NONE pages, starting right after the
 * first (at_end 0) or ending right before the second (at_end 1): a read
 * outside them faults. */
static unsigned char *guarded(size_t bytes, int at_end) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE), span = (bytes + page - 1) / page * page;
  unsigned char *p = pages(span + 2 * page);
  if (mprotect(p, page, PROT_NONE) != 0 || mprotect(p + page + span, page, PROT_NONE) != 0) {
    perror("mprotect");
    exit(2);
  }
  return at_end ? p + page + span - bytes : p + page;
}

#ifdef FAIL_MALLOC
static int malloc_calls;
void *malloc(size_t n) {
  (void)n;
  malloc_calls++;
  return NULL;
}
void free(void *p) { (void)p; }
void *calloc(size_t n, size_t m) {
  (void)n, (void)m;
  return NULL;
}
void *realloc(void *p, size_t n) {
  (void)p, (void)n;
  return NULL;
}
#endif

/* ---- strlen ---- */

__attribute__((noinline)) static size_t reference_strlen(const char *s) {
  const volatile char *p = s;
  size_t n = 0;
  while (p[n]) n++;
  return n;
}

static size_t checked_strlen(const char *s, size_t expected, const char *what) {
  size_t got = strlen(s);
  CHECK(got == expected && reference_strlen(s) == expected, "strlen %s: %zu, expected %zu", what, got,
        expected);
  mix(got);
  return got;
}

static void fill_nonzero(char *p, size_t n) {
  for (size_t i = 0; i < n; i++) p[i] = (char)(1 + next_random() % 255);
}

static void check_strlen(void) {
  enum { SPAN = 64 + 300 + 1 + 64 };
  char *buf = pages(1 << 16);
  /* every alignment x every short length, zeros before the start and random bytes after the NUL */
  for (size_t align = 0; align < 64; align++) {
    for (size_t len = 0; len <= 300; len++) {
      char *base = buf + 4096 - 64; /* crosses a page boundary for some lengths */
      for (size_t i = 0; i < SPAN; i++) base[i] = (char)(next_random() % 4 == 0 ? 0 : next_random());
      fill_nonzero(base + align, len);
      base[align + len] = 0;
      checked_strlen(base + align, len, "short");
    }
  }
  /* long strings, at every alignment of a few lengths around multiples of 64 */
  size_t longs[] = {4095, 4096, 4097, 12345, 65536 - 200, 1 << 20};
  char *big = pages((1 << 20) + 4096);
  for (size_t k = 0; k < sizeof longs / sizeof *longs; k++) {
    for (size_t align = 0; align < 64; align += (longs[k] > 65536 ? 7 : 1)) {
      memset(big + align, 'x', longs[k]);
      big[align + longs[k]] = 0;
      big[align + longs[k] + 1] = 0;
      checked_strlen(big + align, longs[k], "long");
    }
  }
  /* the NUL is the last readable byte: the next page is PROT_NONE */
  long page = sysconf(_SC_PAGESIZE);
  char *two = pages(2 * (size_t)page);
  CHECK(mprotect(two + page, (size_t)page, PROT_NONE) == 0, "mprotect");
  for (size_t len = 0; len <= 300; len++) {
    char *end = two + page - 1;
    fill_nonzero(end - len, len);
    *end = 0;
    checked_strlen(end - len, len, "before a PROT_NONE page");
  }
  for (size_t len = 301; len < (size_t)page; len += 61) {
    char *end = two + page - 1;
    fill_nonzero(end - len, len);
    *end = 0;
    checked_strlen(end - len, len, "before a PROT_NONE page (long)");
  }
  munmap(two, 2 * (size_t)page);
  munmap(big, (1 << 20) + 4096);
  munmap(buf, 1 << 16);
}

/* ---- memchr ---- */

__attribute__((noinline)) static const void *reference_memchr(const void *s, int c, size_t n) {
  const volatile unsigned char *p = s;
  for (size_t i = 0; i < n; i++)
    if (p[i] == (unsigned char)c) return (const void *)(p + i);
  return NULL;
}

static void checked_memchr(const unsigned char *s, int c, size_t n, const char *what) {
  const void *got = memchr(s, c, n), *want = reference_memchr(s, c, n);
  CHECK(got == want, "memchr %s (n %zu, c %d, align %zu): %s %td, expected %s %td", what, n, c,
        (size_t)((uintptr_t)s & 63), got ? "at" : "NULL", got ? (const unsigned char *)got - s : 0,
        want ? "at" : "NULL", want ? (const unsigned char *)want - s : 0);
  mix(got ? (uint64_t)((const unsigned char *)got - s) : UINT64_MAX);
}

/* `n` bytes at p none of which is c. */
static void fill_without(unsigned char *p, size_t n, int c) {
  for (size_t i = 0; i < n; i++) {
    unsigned char b = (unsigned char)next_random();
    p[i] = b == (unsigned char)c ? (unsigned char)(b + 1) : b;
  }
}

static void check_memchr(void) {
  unsigned char *buf = pages(1 << 16);
  const int cs[] = {0, 'x', 0xff, 0x80};
  for (size_t k = 0; k < sizeof cs / sizeof *cs; k++) {
    int c = cs[k];
    for (size_t align = 0; align < 64; align++) {
      for (size_t n = 0; n <= 300; n++) {
        unsigned char *base = buf + 4096 - 64, *s = base + align; /* crosses a page boundary for some */
        fill_without(base, 64 + 300 + 64, c);
        checked_memchr(s, c, n, "absent");
        s[n] = (unsigned char)c; /* just past the range: must not be found */
        checked_memchr(s, c, n, "just past the range");
        if (align) s[-1] = (unsigned char)c; /* before the start: must not be found */
        checked_memchr(s, c, n, "before the start");
        if (n) {
          size_t at[] = {0, n - 1, n / 2, next_random() % n};
          for (size_t j = 0; j < 4; j++) {
            unsigned char old = s[at[j]];
            s[at[j]] = (unsigned char)c;
            checked_memchr(s, c, n, "present");
            s[at[j]] = old;
          }
        }
      }
    }
  }
  /* long ranges, the byte absent or near the end */
  unsigned char *big = pages((1 << 20) + 4096);
  size_t longs[] = {4095, 4096, 4097, 12345, 1 << 20};
  for (size_t k = 0; k < sizeof longs / sizeof *longs; k++)
    for (size_t align = 0; align < 64; align += 7) {
      memset(big + align, 'y', longs[k]);
      checked_memchr(big + align, 'x', longs[k], "long, absent");
      big[align + longs[k] - 3] = 'x';
      checked_memchr(big + align, 'x', longs[k], "long, near the end");
    }
  /* ranges ending right before a PROT_NONE page, and starting right after one */
  for (size_t n = 0; n <= 300; n++) {
    unsigned char *at_end = guarded(n ? n : 1, 1) + (n ? 0 : 1), *at_start = guarded(n ? n : 1, 0);
    fill_without(at_end, n, 'x');
    checked_memchr(at_end, 'x', n, "before a PROT_NONE page");
    if (n) {
      at_end[n - 1] = 'x';
      checked_memchr(at_end, 'x', n, "last byte before a PROT_NONE page");
    }
    fill_without(at_start, n, 'x');
    checked_memchr(at_start, 'x', n, "after a PROT_NONE page");
  }
  /* "find it, however far": n = SIZE_MAX with the byte present */
  memset(buf, 'y', 5000);
  buf[4321] = 'x';
  const void *far = memchr(buf + 3, 'x', SIZE_MAX);
  CHECK(far == buf + 4321, "memchr with n = SIZE_MAX: %p, expected %p", far, (void *)(buf + 4321));
  munmap(big, (1 << 20) + 4096);
  munmap(buf, 1 << 16);
}

/* ---- strchr ---- */

__attribute__((noinline)) static const char *reference_strchr(const char *s, int c) {
  const volatile char *p = s;
  for (;; p++) {
    if (*p == (char)c) return (const char *)p;
    if (!*p) return NULL;
  }
}

static void checked_strchr(const char *s, int c, const char *what) {
  const char *got = strchr(s, c), *want = reference_strchr(s, c);
  CHECK(got == want, "strchr %s (c %d, align %zu): %s %td, expected %s %td", what, c,
        (size_t)((uintptr_t)s & 63), got ? "at" : "NULL", got ? got - s : 0, want ? "at" : "NULL",
        want ? want - s : 0);
  mix(got ? (uint64_t)(got - s) : UINT64_MAX);
}

/* A string of `len` bytes at p, none of them c or NUL, then its NUL. */
static void fill_string_without(char *p, size_t len, char c) {
  for (size_t i = 0; i < len; i++) {
    char b = (char)(1 + next_random() % 255);
    p[i] = b == c ? (char)(b == 1 ? 2 : 1) : b;
  }
  p[len] = 0;
}

static void check_strchr(void) {
  char *buf = pages(1 << 16);
  const int cs[] = {'x', 0x80, 0xff, 'x' + 256};
  for (size_t k = 0; k < sizeof cs / sizeof *cs; k++) {
    int c = cs[k];
    for (size_t align = 0; align < 64; align++) {
      for (size_t len = 0; len <= 300; len++) {
        char *base = buf + 4096 - 64, *s = base + align; /* crosses a page boundary for some */
        fill_string_without(base, 64 + 300 + 64, (char)c);
        fill_string_without(s, len, (char)c);
        if (align) base[align - 1] = (char)c; /* before the start: must not be found */
        s[len + 1] = (char)c;                 /* after the NUL: must not be found */
        checked_strchr(s, c, "absent");
        checked_strchr(s, 0, "NUL");
        if (len) {
          size_t at[] = {0, len - 1, len / 2, next_random() % len};
          for (size_t j = 0; j < 4; j++) {
            char old = s[at[j]];
            s[at[j]] = (char)c;
            checked_strchr(s, c, "present");
            s[at[j]] = old;
          }
        }
      }
    }
  }
  /* long strings */
  char *big = pages((1 << 20) + 4096);
  size_t longs[] = {4095, 4096, 4097, 12345, 1 << 20};
  for (size_t k = 0; k < sizeof longs / sizeof *longs; k++)
    for (size_t align = 0; align < 64; align += 7) {
      memset(big + align, 'y', longs[k]);
      big[align + longs[k]] = 0;
      checked_strchr(big + align, 'x', "long, absent");
      big[align + longs[k] - 3] = 'x';
      checked_strchr(big + align, 'x', "long, near the end");
    }
  /* the NUL is the last readable byte: the next page is PROT_NONE */
  for (size_t len = 0; len <= 300; len++) {
    char *s = (char *)guarded(len + 1, 1);
    fill_string_without(s, len, 'x');
    checked_strchr(s, 'x', "before a PROT_NONE page");
    checked_strchr(s, 0, "NUL before a PROT_NONE page");
  }
  munmap(big, (1 << 20) + 4096);
  munmap(buf, 1 << 16);
}

/* ---- memcmp ---- */

static int sign(int v) { return (v > 0) - (v < 0); }

__attribute__((noinline)) static int reference_memcmp(const void *x, const void *y, size_t n) {
  const volatile unsigned char *a = x, *b = y;
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

static void checked_memcmp(const unsigned char *a, const unsigned char *b, size_t n, const char *what) {
  int got = sign(memcmp(a, b, n)), want = reference_memcmp(a, b, n);
  CHECK(got == want, "memcmp %s (n %zu, align %zu/%zu): %d, expected %d", what, n,
        (size_t)((uintptr_t)a & 63), (size_t)((uintptr_t)b & 63), got, want);
  mix((uint64_t)(got + 1));
}

static void check_memcmp(void) {
  unsigned char *abuf = pages(1 << 16), *bbuf = pages(1 << 16);
  for (size_t pair = 0; pair < 64; pair++) {
    size_t aa = pair < 32 ? pair : next_random() % 32, ba = pair < 32 ? (pair * 7) % 32 : next_random() % 32;
    for (size_t n = 0; n <= 300; n++) {
      unsigned char *a = abuf + 4096 - 32 + aa, *b = bbuf + 4096 - 32 + ba; /* across a page boundary */
      for (size_t i = 0; i < n + 32; i++) a[i] = b[i] = (unsigned char)next_random();
      checked_memcmp(a, b, n, "equal");
      a[n] ^= 1; /* just past the range: no difference */
      checked_memcmp(a, b, n, "equal, differing after");
      if (n) {
        size_t at[] = {0, n - 1, n / 2, next_random() % n};
        for (size_t j = 0; j < 4; j++) {
          unsigned char oa = a[at[j]], ob = b[at[j]];
          a[at[j]] = 0x80, b[at[j]] = 0x7f;
          checked_memcmp(a, b, n, "greater");
          checked_memcmp(b, a, n, "less");
          a[at[j]] = oa, b[at[j]] = ob;
        }
      }
    }
  }
  /* long ranges, equal or differing near the end */
  unsigned char *x = pages((1 << 20) + 4096), *y = pages((1 << 20) + 4096);
  size_t longs[] = {4095, 4096, 4097, 12345, 1 << 20};
  for (size_t k = 0; k < sizeof longs / sizeof *longs; k++)
    for (size_t align = 0; align < 32; align += 5) {
      memset(x + align, 'q', longs[k]);
      memset(y, 'q', longs[k]);
      checked_memcmp(x + align, y, longs[k], "long, equal");
      y[longs[k] - 2] = 'r';
      checked_memcmp(x + align, y, longs[k], "long, near the end");
    }
  /* both ranges end at the last byte before a PROT_NONE page */
  for (size_t n = 0; n <= 300; n++) {
    unsigned char *a = guarded(n ? n : 1, 1) + (n ? 0 : 1), *b = guarded(n ? n : 1, 1) + (n ? 0 : 1);
    for (size_t i = 0; i < n; i++) a[i] = b[i] = (unsigned char)next_random();
    checked_memcmp(a, b, n, "before PROT_NONE pages");
    if (n) {
      a[n - 1] ^= 0x40;
      checked_memcmp(a, b, n, "last byte before PROT_NONE pages");
    }
  }
  munmap(x, (1 << 20) + 4096);
  munmap(y, (1 << 20) + 4096);
  munmap(abuf, 1 << 16);
  munmap(bbuf, 1 << 16);
}

/* ---- qsort ---- */

/* An element: the key (a byte when size is 1, else a uint32_t at offset 0),
 * then when size >= 8 its original index (uint32_t at offset 4), then bytes
 * derived from the index, which must survive the sort. */
static size_t esize;
static long comparisons;
static int *adversary_val, adversary_gas, adversary_solid, adversary_candidate;

static uint32_t key_of(const unsigned char *e) {
  if (esize == 1) return e[0];
  uint32_t k;
  memcpy(&k, e, 4);
  return k;
}
static uint32_t index_of(const unsigned char *e) {
  uint32_t i;
  memcpy(&i, e + 4, 4);
  return i;
}
static unsigned char pattern(uint32_t index, size_t byte) {
  return (unsigned char)(index * 31 + byte * 7 + 1);
}

static int by_key(const void *a, const void *b) {
  comparisons++;
  uint32_t x = key_of(a), y = key_of(b);
  return (x > y) - (x < y);
}
static int by_key_r(const void *a, const void *b, void *arg) {
  (*(long *)arg)++;
  return by_key(a, b);
}
/* Its own generator: how often a sort calls it must not change the data
 * the next checks get (their digests are compared between sorts). */
static uint64_t coin = 88172645463325252u;
static int at_random(const void *a, const void *b) {
  (void)a, (void)b;
  comparisons++;
  coin ^= coin << 13, coin ^= coin >> 7, coin ^= coin << 17;
  return (int)((coin >> 16) % 3) - 1;
}
/* Each element less (greater) than every other, itself included: what
 * drives a scan without bounds off the array's ends. */
static int always_less(const void *a, const void *b) {
  (void)a, (void)b;
  comparisons++;
  return -1;
}
static int always_greater(const void *a, const void *b) {
  (void)a, (void)b;
  comparisons++;
  return 1;
}
/* McIlroy, "A killer adversary for quicksort" (1999): bench/programs/qsort_adversary.c. */
static int adversary(const void *px, const void *py) {
  comparisons++;
  int x = (int)key_of(px), y = (int)key_of(py);
  int *val = adversary_val;
  if (val[x] == adversary_gas && val[y] == adversary_gas) {
    if (x == adversary_candidate)
      val[x] = adversary_solid++;
    else
      val[y] = adversary_solid++;
  }
  if (val[x] == adversary_gas)
    adversary_candidate = x;
  else if (val[y] == adversary_gas)
    adversary_candidate = y;
  return val[x] - val[y];
}

enum shape { RANDOM, FEW_KEYS, SORTED, REVERSED, ALL_EQUAL, ORGAN_PIPE, ADVERSARY, SHAPES };
static const char *const shape_names[] = {"random",    "few keys",   "sorted",   "reversed",
                                          "all equal", "organ pipe", "adversary"};

static uint32_t key_for(enum shape shape, size_t i, size_t n) {
  uint32_t max = esize == 1 ? 255 : UINT32_MAX;
  uint32_t k;
  switch (shape) {
    case RANDOM:
      return next_random() % (max == 255 ? 256u : 0x7fffffffu);
    case FEW_KEYS:
      return next_random() % 4;
    case SORTED:
      k = (uint32_t)i;
      break;
    case REVERSED:
      k = (uint32_t)(n - i);
      break;
    case ALL_EQUAL:
      return 7;
    case ORGAN_PIPE:
      k = (uint32_t)(i < n / 2 ? i : n - i);
      break;
    default: /* ADVERSARY: the key is the element's number, val[] decides */
      return (uint32_t)i;
  }
  return esize == 1 ? k % 256 : k;
}

static void fill(unsigned char *a, size_t n, enum shape shape, uint32_t *keys) {
  for (size_t i = 0; i < n; i++) {
    unsigned char *e = a + i * esize;
    uint32_t k = key_for(shape, i, n);
    keys[i] = k;
    if (esize == 1) {
      e[0] = (unsigned char)k;
      continue;
    }
    memcpy(e, &k, 4);
    if (esize < 8) continue;
    uint32_t idx = (uint32_t)i;
    memcpy(e + 4, &idx, 4);
    for (size_t b = 8; b < esize; b++) e[b] = pattern(idx, b);
  }
}

static double log2_of(size_t n) {
  double l = 0;
  while (n > 1) n >>= 1, l++;
  return l + 1;
}

/* Sorted keys in order, the same multiset of keys, elements intact and
 * (when `stable`) equal keys in their original order. `sorted_keys`: the
 * input keys sorted by a counting pass (see reference_sort). */
static void verify(const unsigned char *a, size_t n, const uint32_t *keys, const uint32_t *sorted_keys,
                   int check_order, int stable, unsigned char *seen, const char *what) {
  memset(seen, 0, n);
  for (size_t i = 0; i < n; i++) {
    const unsigned char *e = a + i * esize;
    uint32_t k = key_of(e);
    if (check_order) mix(k); /* a correct sort's keys, whichever sort */
    if (check_order) CHECK(k == sorted_keys[i], "%s: key %u at %zu, expected %u", what, k, i, sorted_keys[i]);
    if (esize < 8) continue;
    uint32_t idx = index_of(e);
    if (idx >= n || seen[idx]) {
      CHECK(0, "%s: element %zu has index %u (duplicate or out of range)", what, i, idx);
      return;
    }
    seen[idx] = 1;
    CHECK(keys[idx] == k, "%s: element %u's key changed", what, idx);
    for (size_t b = 8; b < esize; b++)
      if (e[b] != pattern(idx, b)) {
        CHECK(0, "%s: element %u's byte %zu changed", what, idx, b);
        break;
      }
    if (stable && i > 0 && key_of(e - esize) == k)
      CHECK(index_of(e - esize) < idx, "%s: not stable at %zu", what, i);
  }
  if (!check_order && esize < 8) { /* the multiset of keys, for the random comparator */
    uint64_t sum_in = 0, sum_out = 0, sq_in = 0, sq_out = 0;
    for (size_t i = 0; i < n; i++) {
      uint64_t k = key_of(a + i * esize);
      sum_in += keys[i], sq_in += (uint64_t)keys[i] * keys[i] % 1000003;
      sum_out += k, sq_out += k * k % 1000003;
    }
    CHECK(sum_in == sum_out && sq_in == sq_out, "%s: not a permutation", what);
  }
}

/* keys sorted without qsort: a bottom-up merge sort into `tmp`. */
static void reference_sort(uint32_t *keys, uint32_t *tmp, size_t n) {
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
      size_t i = lo, j = mid, o = lo;
      while (i < mid && j < hi) tmp[o++] = keys[j] < keys[i] ? keys[j++] : keys[i++];
      while (i < mid) tmp[o++] = keys[i++];
      while (j < hi) tmp[o++] = keys[j++];
    }
    memcpy(keys, tmp, n * sizeof *keys);
  }
}

static void check_qsort(int stable) {
  static const size_t sizes[] = {1, 4, 8, 12, 24, 100};
  static const size_t counts[] = {0, 1, 2, 3, 7, 16, 17, 100, 1000, 20000};
  size_t max_n = 20000, max_bytes = max_n * 100 + 64;
  unsigned char *area = pages(max_bytes), *seen = pages(max_n);
  uint32_t *keys = pages(max_n * 4), *sorted = pages(max_n * 4), *tmp = pages(max_n * 4);
  adversary_val = pages(max_n * sizeof(int));
  for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++) {
    esize = sizes[si];
    for (size_t ci = 0; ci < sizeof counts / sizeof *counts; ci++) {
      size_t n = counts[ci];
      if (esize == 1 && n > 1000) continue;
      if (esize == 100 && n > 1000 && n != 20000) continue;
      for (int shape = 0; shape < SHAPES; shape++) {
        if (shape == ADVERSARY && esize == 1 && n > 256) continue;            /* keys are element numbers */
        for (size_t offset = 0; offset <= 4; offset += (esize % 4 ? 1 : 4)) { /* aligned and not */
          unsigned char *a = area + offset;
          char what[96];
          snprintf(what, sizeof what, "qsort size %zu n %zu %s base+%zu", esize, n, shape_names[shape],
                   offset);
          fill(a, n, (enum shape)shape, keys);
          comparisons = 0;
          if (shape == ADVERSARY) {
            adversary_gas = (int)n - 1, adversary_solid = 0, adversary_candidate = 0;
            for (size_t i = 0; i < n; i++) adversary_val[i] = adversary_gas;
            qsort(a, n, esize, adversary);
            /* the order the adversary settled on: val[] of each element's number */
            for (size_t i = 0; i < n; i++) sorted[i] = (uint32_t)i;
            int order_ok = 1;
            for (size_t i = 1; i < n; i++)
              if (adversary_val[key_of(a + (i - 1) * esize)] > adversary_val[key_of(a + i * esize)])
                order_ok = 0;
            CHECK(order_ok, "%s: not in the adversary's order", what);
            verify(a, n, keys, sorted, 0, 0, seen, what);
          } else {
            long counted = 0;
            if (offset == 0 && n % 2)
              qsort_r(a, n, esize, by_key_r, &counted); /* qsort_r on some: the same sort */
            else
              qsort(a, n, esize, by_key);
            comparisons += counted;
            memcpy(sorted, keys, n * 4);
            reference_sort(sorted, tmp, n);
            verify(a, n, keys, sorted, 1, stable, seen, what);
          }
          double bound = 8.0 * (double)n * log2_of(n) + 64;
          CHECK((double)comparisons <= bound, "%s: %ld comparisons (bound %.0f)", what, comparisons, bound);
        }
      }
      /* comparators that are no order: a permutation back, no crash, no
       * read outside the array (PROT_NONE pages on both sides) */
      static int (*const no_order[])(const void *, const void *) = {at_random, always_less, always_greater};
      for (int at_end = 0; at_end <= 1; at_end++)
        for (size_t c = 0; c < 3; c++) {
          unsigned char *a = guarded(n * esize, at_end);
          fill(a, n, RANDOM, keys);
          if (esize == 4)
            for (size_t i = 0; i < n; i++)
              memcpy(a + 4 * i, &(uint32_t){(uint32_t)i}, 4), keys[i] = (uint32_t)i;
          comparisons = 0;
          qsort(a, n, esize, no_order[c]);
          verify(a, n, keys, NULL, 0, 0, seen, "qsort with a comparator that is no order");
          CHECK((double)comparisons <= 8.0 * (double)n * log2_of(n) + 64,
                "comparator that is no order: %ld comparisons", comparisons);
        }
    }
  }
}

#if defined(__x86_64__)
/* Which version of an x86_64 routine ran: its flag (NULL: musl's routine, no flag linked). */
static void print_version(const char *routine, const int *flag) {
  printf("%s version %s\n", routine, !flag ? "musl" : *flag > 0 ? "avx2" : *flag < 0 ? "sse2" : "unknown");
}
#endif

int main(int argc, char **argv) {
  /* "unstable": the qsort under test does not promise stability (musl's) */
  int stable = !(argc > 1 && strcmp(argv[1], "unstable") == 0);
  uint64_t strlen_digest, memchr_digest, strchr_digest, memcmp_digest, qsort_digest;
#if !defined(FAIL_MALLOC) && !defined(NO_MALLOC)
  void *volatile some = malloc(16); /* links the program's malloc, which qsort then uses */
  free(some);
#endif
  check_strlen();
  strlen_digest = digest;
  digest = 1469598103934665603u;
  check_memchr();
  memchr_digest = digest;
  digest = 1469598103934665603u;
  check_strchr();
  strchr_digest = digest;
  digest = 1469598103934665603u;
  check_memcmp();
  memcmp_digest = digest;
  digest = 1469598103934665603u;
#ifdef FAIL_MALLOC
  rng = 0x9e3779b97f4a7c15u;
  (void)stable;
  check_qsort(0);
  CHECK(malloc_calls > 0, "qsort never asked malloc for a buffer");
  printf("malloc failed %d times\n", malloc_calls);
#else
  rng = 0x9e3779b97f4a7c15u;
  check_qsort(stable);
#endif
  qsort_digest = digest;
  /* Only what every correct implementation returns goes into the digests
   * (not what the adversary or the random comparator got). */
  printf("strlen digest %016llx\n", (unsigned long long)strlen_digest);
  printf("memchr digest %016llx\n", (unsigned long long)memchr_digest);
  printf("strchr digest %016llx\n", (unsigned long long)strchr_digest);
  printf("memcmp digest %016llx\n", (unsigned long long)memcmp_digest);
  printf("qsort digest %016llx\n", (unsigned long long)qsort_digest);
#if defined(__x86_64__)
  extern int __xstatic_strlen_avx2 __attribute__((weak)), __xstatic_memchr_avx2 __attribute__((weak)),
      __xstatic_strchr_avx2 __attribute__((weak)), __xstatic_memcmp_avx2 __attribute__((weak));
  print_version("strlen", &__xstatic_strlen_avx2);
  print_version("memchr", &__xstatic_memchr_avx2);
  print_version("strchr", &__xstatic_strchr_avx2);
  print_version("memcmp", &__xstatic_memcmp_avx2);
#endif
  if (failures) {
    printf("libc_routines: %d failures\n", failures);
    return 1;
  }
  printf("libc_routines ok\n");
  return 0;
}
