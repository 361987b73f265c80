/* libuv: a loop with a repeating timer and work on the thread pool. */
#include <stdio.h>
#include <uv.h>

static int ticks, worked, after;
static void tick(uv_timer_t *t) {
  if (++ticks == 3) uv_timer_stop(t);
}
static void work(uv_work_t *w) { worked = *(int *)w->data * 2; }
static void done(uv_work_t *w, int status) {
  (void)w;
  after = status == 0;
}

int main(void) {
  uv_loop_t *loop = uv_default_loop();
  uv_timer_t timer;
  uv_timer_init(loop, &timer);
  uv_timer_start(&timer, tick, 1, 1);
  int input = 21;
  uv_work_t req = {.data = &input};
  if (uv_queue_work(loop, &req, work, done) != 0) return 1;
  uv_run(loop, UV_RUN_DEFAULT);
  if (ticks != 3 || worked != 42 || !after) return 2;
  uv_close((uv_handle_t *)&timer, NULL);
  uv_run(loop, UV_RUN_DEFAULT);
  if (uv_loop_close(loop) != 0) return 3;
  printf("libuv %s ok: 3 timer ticks, thread pool work 21 -> %d\n", uv_version_string(), worked);
  return 0;
}
