/* The main job's example: one static executable per target, verified, run. */
#include <stdio.h>

int main(void) {
  puts("hello from xstatic");
  return 0;
}
