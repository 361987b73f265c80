#include "greet.h"

const char *greet_version(void) { return "greet 1.0"; }
