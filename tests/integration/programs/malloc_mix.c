/* Memory crossing between the C library and the program, in both
 * directions, through every entry of the malloc family: whichever allocator
 * xstatic links (--malloc), musl's own functions and the program's must end
 * in one heap. A mix-up corrupts that heap, which these checks (and the
 * allocator's own) turn into a crash or a FAIL line. Prints "malloc_mix ok". */
#define _GNU_SOURCE
#include <malloc.h>
#include <netdb.h>
#include <pthread.h>
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;
#define CHECK(cond)                                                  \
  do {                                                               \
    if (!(cond)) {                                                   \
      fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                    \
    }                                                                \
  } while (0)

static void from_libc(void) {
  char *s = strdup("allocated by the C library");
  CHECK(s && malloc_usable_size(s) >= strlen(s) + 1);
  free(s);

  char *line = NULL;
  size_t cap = 0;
  FILE *f = fmemopen((char[]){"first line\nsecond line\n"}, 23, "r");
  CHECK(f && getline(&line, &cap, f) == 11 && strcmp(line, "first line\n") == 0);
  fclose(f);
  free(line);

  char *text = NULL;
  CHECK(asprintf(&text, "%d %s %.2f", 42, "asprintf", 2.5) > 0 && strcmp(text, "42 asprintf 2.50") == 0);
  free(text);

  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  for (int i = 0; i < 10000; i++) fprintf(m, "%d,", i);
  fclose(m);
  CHECK(buf && len > 40000 && strncmp(buf, "0,1,2,", 6) == 0);
  free(buf);
}

static void stdio_buffers(void) {
  char name[] = "/tmp/xstatic-malloc-XXXXXX";
  int fd = mkstemp(name);
  CHECK(fd >= 0);
  close(fd);
  for (int i = 0; i < 50; i++) {
    FILE *f = fopen(name, "w");
    char *mine = malloc(8192);
    CHECK(f && setvbuf(f, i % 2 ? mine : NULL, _IOFBF, 8192) == 0);
    fputs("buffered\n", f);
    fclose(f);
    free(mine);
  }
  unlink(name);
}

static void regex_and_resolver(void) {
  regex_t re;
  CHECK(regcomp(&re, "^([a-z]+)-([0-9]+)$", REG_EXTENDED) == 0);
  regmatch_t m[3];
  CHECK(regexec(&re, "musl-123", 3, m, 0) == 0 && m[2].rm_so == 5);
  regfree(&re);

  struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
  struct addrinfo *res = NULL;
  CHECK(getaddrinfo("localhost", "80", &hints, &res) == 0 && res != NULL);
  freeaddrinfo(res);
}

static void growth_and_alignment(void) {
  unsigned char *p = NULL;
  for (size_t n = 1; n <= (64u << 20); n *= 2) {
    unsigned char *q = realloc(p, n);
    CHECK(q != NULL);
    if (!q) break;
    q[n - 1] = (unsigned char)n;
    q[n / 2] = 7;
    p = q;
  }
  free(p);
  for (size_t a = 16; a <= 4096; a *= 2) {
    void *x = NULL;
    CHECK(posix_memalign(&x, a, 3 * a + 1) == 0 && ((uintptr_t)x % a) == 0);
    void *y = aligned_alloc(a, 2 * a);
    CHECK(y && ((uintptr_t)y % a) == 0);
    void *z = memalign(a, a + 5);
    CHECK(z && ((uintptr_t)z % a) == 0);
    CHECK(malloc_usable_size(x) >= 3 * a + 1);
    free(x);
    free(y);
    free(z);
  }
  int *zeroed = calloc(1000, sizeof(int));
  int sum = 0;
  for (int i = 0; i < 1000; i++) sum |= zeroed[i];
  CHECK(zeroed && sum == 0);
  free(zeroed);
}

/* Threads that allocate, hand memory to another thread, and exit. */
static void *worker(void *arg) {
  char **slots = arg;
  for (int i = 0; i < 2000; i++) {
    char *s = NULL;
    if (asprintf(&s, "thread memory %d", i) < 0) return NULL;
    free(slots[i % 64]);
    slots[i % 64] = s;
  }
  return NULL;
}

static void threads(void) {
  char *slots[4][64] = {{0}};
  pthread_t t[4];
  for (int i = 0; i < 4; i++) CHECK(pthread_create(&t[i], NULL, worker, slots[i]) == 0);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 64; j++) {
      CHECK(slots[i][j] && strncmp(slots[i][j], "thread memory", 13) == 0);
      free(slots[i][j]); /* freed by another thread than the one that allocated */
    }
}

/* fork in a threaded program, then allocate in the child. */
static void *spinner(void *arg) {
  for (int i = 0; i < 20000 && !*(volatile int *)arg; i++) free(malloc(64 + i % 512));
  return NULL;
}

static void fork_while_threaded(void) {
  int stop = 0;
  pthread_t t;
  CHECK(pthread_create(&t, NULL, spinner, &stop) == 0);
  pid_t pid = fork();
  if (pid == 0) {
    char *s = NULL;
    for (int i = 0; i < 1000; i++) {
      free(s);
      s = strdup("child");
    }
    _exit(s && strcmp(s, "child") == 0 ? 0 : 3);
  }
  int status = 0;
  CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
  stop = 1;
  pthread_join(t, NULL);
}

int main(void) {
  from_libc();
  stdio_buffers();
  regex_and_resolver();
  growth_and_alignment();
  threads();
  fork_while_threaded();
  if (failures) return 1;
  puts("malloc_mix ok");
  return 0;
}
