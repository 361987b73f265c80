/* libffi: a call whose signature is built at run time (double f(int, double, long)). */
#include <ffi.h>
#include <stdio.h>

static double mix(int a, double b, long c) { return a * b + (double)c; }

int main(void) {
  ffi_cif cif;
  ffi_type *args[3] = {&ffi_type_sint, &ffi_type_double, &ffi_type_slong};
  if (ffi_prep_cif(&cif, FFI_DEFAULT_ABI, 3, &ffi_type_double, args) != FFI_OK) return 1;
  int a = 6;
  double b = 7.5, result = 0;
  long c = 1000;
  void *values[3] = {&a, &b, &c};
  ffi_call(&cif, FFI_FN(mix), &result, values);
  if (result != 1045.0) return 2;
  printf("libffi ok: mix(6, 7.5, 1000) = %.1f through ffi_call\n", result);
  return 0;
}
