#include <stdio.h>
#include "greet.h"

int main(int argc, char **argv) {
  char line[128];
  greet(line, sizeof line, argc > 1 ? argv[1] : "make");
  printf("%s (%s)\n", line, greet_version());
  return 0;
}
