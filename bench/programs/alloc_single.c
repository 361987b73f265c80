/* Single-threaded allocation churn: a pool of 10,000 live blocks of random
 * sizes (mostly 8..264 B, one in 64 of 4 KB), replaced or resized 10 million
 * times.
 * Usage: alloc_single */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  enum { kLive = 10000, kSteps = 10000000 };
  static char *live[kLive];
  unsigned seed = 42;
  size_t checksum = 0;
  for (int i = 0; i < kSteps; i++) {
    seed = seed * 1103515245u + 12345u;
    int slot = (int)((seed >> 8) % kLive);
    size_t n = (seed >> 20) % 64 == 0 ? 4096 : 8 + (seed >> 4) % 257;
    if (live[slot] && (seed & 3) == 0) {
      live[slot] = realloc(live[slot], n);
    } else {
      free(live[slot]);
      live[slot] = malloc(n);
    }
    live[slot][0] = (char)i;
    checksum += (unsigned char)live[slot][0];
  }
  for (int i = 0; i < kLive; i++) free(live[i]);
  printf("alloc_single done: %zu\n", checksum);
  return 0;
}
