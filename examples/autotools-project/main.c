/* Prints what ./configure found, then uses it. */
#include <stdio.h>
#include <time.h>

#include "config.h"

int main(void) {
  printf("built for %s\n", HOST_TRIPLE);
#ifdef HAVE_CLOCK_GETTIME
  struct timespec ts;
  if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) return 1;
  printf("clock_gettime: yes\n");
#else
  printf("clock_gettime: no\n");
#endif
  return 0;
}
