/* libevent: a base with a repeating timer stopped after three ticks. */
#include <event2/event.h>
#include <stdio.h>

static int ticks;
static void tick(evutil_socket_t fd, short what, void *arg) {
  (void)fd, (void)what;
  if (++ticks == 3) event_del((struct event *)arg);
}

int main(void) {
  struct event_base *base = event_base_new();
  if (!base) return 1;
  struct event *ev = event_new(base, -1, EV_PERSIST, tick, event_self_cbarg());
  struct timeval ms = {0, 1000};
  if (!ev || event_add(ev, &ms) != 0) return 2;
  if (event_base_dispatch(base) != 1) return 3; /* 1: no events left */
  if (ticks != 3) return 4;
  printf("libevent %s ok: 3 ticks on %s\n", event_get_version(), event_base_get_method(base));
  event_free(ev);
  event_base_free(base);
  return 0;
}
