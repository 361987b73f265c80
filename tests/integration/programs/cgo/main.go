// A Go program calling C (and libm): built by the driver_cgo suite with
// CGO_ENABLED=1 CC="xstatic cc" for several GOOS/GOARCH pairs.
package main

/*
#cgo LDFLAGS: -lm
#include <math.h>
#include <stdio.h>

static double hypotenuse(double a, double b) { return sqrt(a * a + b * b); }
static void greet(void) { printf("hello from C\n"); fflush(stdout); }
*/
import "C"

import "fmt"

func main() {
	C.greet()
	fmt.Printf("hypot %.1f\n", float64(C.hypotenuse(3, 4)))
}
