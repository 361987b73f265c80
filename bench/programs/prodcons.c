/* Producer/consumer: N producers allocate messages of varied sizes and hand
 * them, 512 at a time, through a bounded queue to N consumers, which read and
 * free them: all memory is freed by another thread than the one that
 * allocated it. Batches keep the queue's mutex and condition variable out of
 * the measurement (libc_gaps' "handoff" mode times those on their own).
 * Usage: prodcons PAIRS */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kQueue = 16, kBatch = 512, kPerProducer = 1000000 };
static void *queue[kQueue];
static int head, tail, count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER, not_full = PTHREAD_COND_INITIALIZER;

static void push(void *p) {
  pthread_mutex_lock(&lock);
  while (count == kQueue) pthread_cond_wait(&not_full, &lock);
  queue[tail] = p;
  tail = (tail + 1) % kQueue;
  count++;
  pthread_cond_signal(&not_empty);
  pthread_mutex_unlock(&lock);
}

static void *pop(void) {
  pthread_mutex_lock(&lock);
  while (count == 0) pthread_cond_wait(&not_empty, &lock);
  void *p = queue[head];
  head = (head + 1) % kQueue;
  count--;
  pthread_cond_signal(&not_full);
  pthread_mutex_unlock(&lock);
  return p;
}

static void *producer(void *arg) {
  unsigned seed = (unsigned)(size_t)arg;
  for (int i = 0; i < kPerProducer / kBatch; i++) {
    char **batch = malloc(kBatch * sizeof *batch);
    for (int j = 0; j < kBatch; j++) {
      seed = seed * 1103515245u + 12345u;
      size_t n = 16 + (seed >> 16) % 500;
      batch[j] = malloc(n);
      memset(batch[j], 'x', n - 1);
      batch[j][n - 1] = 0;
    }
    push(batch);
  }
  push(NULL);
  return NULL;
}

static void *consumer(void *arg) {
  size_t *bytes = arg;
  for (char **batch; (batch = pop()) != NULL;) {
    for (int j = 0; j < kBatch; j++) {
      *bytes += (unsigned char)batch[j][0];  /* strlen would time musl's strlen (libc_gaps) */
      free(batch[j]);
    }
    free(batch);
  }
  return NULL;
}

int main(int argc, char **argv) {
  int pairs = argc > 1 ? atoi(argv[1]) : 2;
  pthread_t p[64], c[64];
  size_t bytes[64] = {0}, total = 0;
  if (pairs < 1 || pairs > 64) return 2;
  for (int i = 0; i < pairs; i++) {
    pthread_create(&p[i], NULL, producer, (void *)(size_t)(i + 1));
    pthread_create(&c[i], NULL, consumer, &bytes[i]);
  }
  for (int i = 0; i < pairs; i++) pthread_join(p[i], NULL);
  for (int i = 0; i < pairs; i++) pthread_join(c[i], NULL);
  for (int i = 0; i < pairs; i++) total += bytes[i];
  printf("prodcons done: %zu\n", total);
  return 0;
}
