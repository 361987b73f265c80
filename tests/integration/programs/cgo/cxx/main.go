// cgo with a C++ file: built with CXX="xstatic c++" (and linked by it).
package main

// int twice(int);
import "C"

import "fmt"

func main() {
	fmt.Printf("twice %d\n", int(C.twice(21)))
}
