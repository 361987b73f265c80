/* libcurl: its features (TLS, HTTP/2, zlib) and a transfer from a file: URL. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

static size_t sink(char *data, size_t size, size_t n, void *user) {
  *(size_t *)user += size * n;
  (void)data;
  return size * n;
}

int main(int argc, char **argv) {
  curl_version_info_data *v = curl_version_info(CURLVERSION_NOW);
  if (!(v->features & CURL_VERSION_SSL) || !(v->features & CURL_VERSION_HTTP2) || !(v->features & CURL_VERSION_LIBZ))
    return fprintf(stderr, "missing features: %s\n", curl_version()), 1;
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return 2;
  CURL *c = curl_easy_init();
  char url[4096];
  size_t got = 0;
  snprintf(url, sizeof url, "file://%s", argc > 1 ? argv[1] : "/proc/self/exe");
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &got);
  CURLcode rc = curl_easy_perform(c);
  curl_easy_cleanup(c);
  curl_global_cleanup();
  if (rc != CURLE_OK || got == 0) return fprintf(stderr, "file transfer: %s\n", curl_easy_strerror(rc)), 3;
  printf("%s ok: ssl %s, file transfer %zu bytes\n", curl_version(), v->ssl_version, got);
  return 0;
}
