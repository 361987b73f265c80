/* McIlroy's "A killer adversary for quicksort" (1999): comparisons decided
 * lazily so that any deterministic quicksort goes quadratic. Prints the
 * number of comparisons for n elements. */
#include <stdio.h>
#include <stdlib.h>
static int *val, gas, nsolid, candidate;
static long ncmp;
#define freeze(x) (val[x] = nsolid++)
static int cmp(const void *px, const void *py) {
  const int x = *(const int *)px, y = *(const int *)py;
  ncmp++;
  if (val[x] == gas && val[y] == gas) { if (x == candidate) freeze(x); else freeze(y); }
  if (val[x] == gas) candidate = x; else if (val[y] == gas) candidate = y;
  return val[x] - val[y];
}
int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100000;
  int *ptr = malloc(n * sizeof *ptr);
  val = malloc(n * sizeof *val);
  gas = n - 1; nsolid = 0;
  for (int i = 0; i < n; i++) { ptr[i] = i; val[i] = gas; }
  qsort(ptr, n, sizeof *ptr, cmp);
  printf("n=%d comparisons=%ld (n log2 n = %.0f)\n", n, ncmp, n * __builtin_log2(n));
  return 0;
}
