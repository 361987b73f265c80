#include <stdio.h>
#include <string.h>

#include "greet.h"

int main(int argc, char** argv) {
  char text[64];
  const char* who = argc > 1 ? argv[1] : "world";
  int n = greet(who, text, sizeof text);
  puts(text);
  return n == (int)strlen("hello, ") + (int)strlen(who) ? 0 : 1;
}
