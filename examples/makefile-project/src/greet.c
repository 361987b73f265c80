#include <stdio.h>
#include "greet.h"

int greet(char *buf, unsigned size, const char *name) { return snprintf(buf, size, "hello, %s", name); }
