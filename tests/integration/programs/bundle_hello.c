// The bundle suites' C program (bundle_chroot, scripts/bundle-check.sh): malloc, snprintf, puts.
#include <stdio.h>
#include <stdlib.h>
int main(void) {
  char *p = malloc(32);
  if (!p) return 1;
  snprintf(p, 32, "hello from the bundle");
  puts(p);
  free(p);
  return 0;
}
