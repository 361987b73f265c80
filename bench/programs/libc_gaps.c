/* Where else a static musl binary may be slower than glibc: one libc
 * routine per mode, long enough to time. Usage: libc_gaps MODE
 *   memcpy  copy a 32 MB buffer 100 times      strlen  a 1 MB string 4,000 times
 *   qsort   sort 4 million ints                printf  snprintf 2 million doubles (%.6g, %f)
 *   memchr  find the last byte of 1 MB 4,000 times  strchr  the same in a 1 MB string
 *   memcmp  two 1 MB buffers differing in the last bytes, 4,000 times
 *   handoff 200,000 items passed one at a time between two threads (mutex + condition variable) */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static long slot = -1;  /* -1: empty */

static void *taker(void *arg) {
  long *sum = arg;
  for (;;) {
    pthread_mutex_lock(&lock);
    while (slot < 0) pthread_cond_wait(&changed, &lock);
    long v = slot;
    slot = -1;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&lock);
    if (v == 0) return NULL;
    *sum += v;
  }
}

static size_t handoff(void) {
  long sum = 0;
  pthread_t t;
  pthread_create(&t, NULL, taker, &sum);
  for (long i = 200000; i >= 0; i--) {
    pthread_mutex_lock(&lock);
    while (slot >= 0) pthread_cond_wait(&changed, &lock);
    slot = i;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&lock);
  }
  pthread_join(t, NULL);
  return (size_t)sum;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "memcpy";
  size_t sink = 0;
  if (strcmp(mode, "memcpy") == 0) {
    size_t n = 32u << 20;
    char *a = malloc(n), *b = malloc(n);
    memset(a, 1, n);
    for (int i = 0; i < 100; i++) {
      memcpy(i % 2 ? a : b, i % 2 ? b : a, n);
      sink += (unsigned char)a[i];
    }
  } else if (strcmp(mode, "strlen") == 0) {
    size_t n = 1u << 20;
    char *s = malloc(n + 1);
    memset(s, 'a', n);
    s[n] = 0;
    for (int i = 0; i < 4000; i++) {
      s[n - 1 - (i % 7)] = (char)('a' + i % 3);
      sink += strlen(s + (i % 5));
    }
  } else if (strcmp(mode, "memchr") == 0) {
    size_t n = 1u << 20;
    char *s = malloc(n);
    memset(s, 'a', n);
    for (int i = 0; i < 4000; i++) {
      s[n - 1 - (i % 7)] = 'z';
      char *at = memchr(s + (i % 5), 'z', n - (i % 5));
      sink += (unsigned long)(at - s);
      s[n - 1 - (i % 7)] = 'a';
    }
  } else if (strcmp(mode, "strchr") == 0) {
    size_t n = 1u << 20;
    char *s = malloc(n + 1);
    memset(s, 'a', n);
    s[n] = 0;
    for (int i = 0; i < 4000; i++) {
      s[n - 1 - (i % 7)] = 'z';
      sink += (unsigned long)(strchr(s + (i % 5), 'z') - s);
      s[n - 1 - (i % 7)] = 'a';
    }
  } else if (strcmp(mode, "memcmp") == 0) {
    size_t n = 1u << 20;
    char *x = malloc(n), *y = malloc(n);
    memset(x, 'a', n);
    memset(y, 'a', n);
    for (int i = 0; i < 4000; i++) {
      y[n - 1 - (i % 7)] = 'b';
      sink += (unsigned long)(memcmp(x + (i % 5), y + (i % 5), n - (i % 5)) < 0);
      y[n - 1 - (i % 7)] = 'a';
    }
  } else if (strcmp(mode, "qsort") == 0) {
    int n = 4000000;
    int *v = malloc(sizeof *v * (size_t)n);
    unsigned seed = 7;
    for (int i = 0; i < n; i++) v[i] = (int)(seed = seed * 1103515245u + 12345u);
    int cmp(const void *x, const void *y);
    qsort(v, (size_t)n, sizeof *v, cmp);
    sink = (size_t)v[n / 2];
  } else if (strcmp(mode, "printf") == 0) {
    char buf[64];
    double x = 0.1;
    for (int i = 0; i < 2000000; i++) {
      x = x * 1.0000003 + 0.37;
      sink += (size_t)snprintf(buf, sizeof buf, i % 2 ? "%.6g" : "%f", x);
    }
  } else if (strcmp(mode, "handoff") == 0) {
    sink = handoff();
  } else {
    return 2;
  }
  printf("%s done: %zu\n", mode, sink);
  return 0;
}

int cmp(const void *x, const void *y) {
  int a = *(const int *)x, b = *(const int *)y;
  return (a > b) - (a < b);
}
