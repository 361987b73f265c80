/* The smallest useful static program: prints where it runs. */
#include <stdio.h>
#include <sys/utsname.h>

int main(void) {
  struct utsname u;
  if (uname(&u) != 0) return 1;
  printf("hello from a static C program on %s\n", u.machine);
  return 0;
}
