#include "greet.h"

#include <stdio.h>

int greet(const char* who, char* out, unsigned size) {
  return snprintf(out, size, "hello, %s", who);
}
