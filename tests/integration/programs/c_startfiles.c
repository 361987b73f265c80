// What gcc's crtbeginT.o/crtend.o could have done for a C program, which
// xstatic's C start files leave to musl and lld (include/xstatic/driver/link_files.hpp):
// constructors in priority order, destructors after atexit handlers,
// thread_local, and __dso_handle for objects of C++ code. (Unwinding is not
// here: Debian's libgcc_eh.a is built for glibc and needs _dl_find_object,
// so no musl C link can take its unwinder, with gcc's crtbeginT.o or without.)
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

extern void* __dso_handle;

static _Thread_local int tls_value = 40;
static char order[8];
static int steps;

__attribute__((constructor(101))) static void first(void) { order[steps++] = 'a'; }
__attribute__((constructor)) static void second(void) { order[steps++] = 'b'; }
__attribute__((destructor)) static void last(void) { puts("destructor"); }
static void exit_one(void) { puts("atexit one"); }
static void exit_two(void) { puts("atexit two"); }

static void* in_thread(void* arg) {
  (void)arg;
  tls_value += 2;
  return (void*)(long)tls_value;
}

int main(void) {
  printf("constructors %.*s\n", steps, order);
  pthread_t t;
  void* seen;
  if (pthread_create(&t, 0, in_thread, 0) || pthread_join(t, &seen)) return 1;
  printf("thread_local %d %ld\n", tls_value, (long)seen);
  void* volatile dso = &__dso_handle;
  printf("dso_handle %s\n", dso != NULL ? "defined" : "missing");
  atexit(exit_one);
  atexit(exit_two);
  return 0;
}
