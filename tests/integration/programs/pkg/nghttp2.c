/* nghttp2: a client session that queues the connection preface and SETTINGS. */
#include <nghttp2/nghttp2.h>
#include <stdio.h>

int main(void) {
  nghttp2_session_callbacks *cb;
  nghttp2_session *session;
  if (nghttp2_session_callbacks_new(&cb) != 0) return 1;
  if (nghttp2_session_client_new(&session, cb, NULL) != 0) return 2;
  nghttp2_settings_entry iv[] = {{NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, 100}};
  if (nghttp2_submit_settings(session, NGHTTP2_FLAG_NONE, iv, 1) != 0) return 3;
  const uint8_t *data;
  ssize_t n = nghttp2_session_mem_send(session, &data);
  if (n < 24) return 4; /* the 24-byte preface, then the SETTINGS frame */
  nghttp2_session_del(session);
  nghttp2_session_callbacks_del(cb);
  printf("nghttp2 %s ok: %zd bytes to send\n", nghttp2_version(0)->version_str, n);
  return 0;
}
