/* https-client: fetches a URL with libcurl (OpenSSL, HTTP/2), keeps the
 * response in an SQLite table and reports how well zlib compresses it.
 * Without arguments it prints the libraries it was built with.
 *
 *   https-client [URL [CAFILE]]
 */
#include <curl/curl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct buffer {
  char *data;
  size_t size;
};

static size_t collect(char *data, size_t size, size_t n, void *user) {
  struct buffer *b = user;
  char *grown = realloc(b->data, b->size + size * n + 1);
  if (!grown) return 0;
  memcpy(grown + b->size, data, size * n);
  b->data = grown;
  b->size += size * n;
  b->data[b->size] = 0;
  return size * n;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    printf("https-client: %s, sqlite %s, zlib %s\n", curl_version(), sqlite3_libversion(), zlibVersion());
    return 0;
  }
  struct buffer body = {0};
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURL *c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, argv[1]);
  if (argc > 2) curl_easy_setopt(c, CURLOPT_CAINFO, argv[2]);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
  CURLcode rc = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(c);
  if (rc != CURLE_OK) return fprintf(stderr, "https-client: %s\n", curl_easy_strerror(rc)), 1;

  sqlite3 *db;
  sqlite3_stmt *st;
  sqlite3_open(":memory:", &db);
  sqlite3_exec(db, "CREATE TABLE fetch(url TEXT, status INTEGER, body BLOB)", NULL, NULL, NULL);
  sqlite3_prepare_v2(db, "INSERT INTO fetch VALUES(?, ?, ?)", -1, &st, NULL);
  sqlite3_bind_text(st, 1, argv[1], -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, status);
  sqlite3_bind_blob(st, 3, body.data, (int)body.size, SQLITE_STATIC);
  sqlite3_step(st);
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "SELECT count(*), sum(length(body)) FROM fetch", -1, &st, NULL);
  sqlite3_step(st);
  long rows = (long)sqlite3_column_int64(st, 0), stored = (long)sqlite3_column_int64(st, 1);
  sqlite3_finalize(st);
  sqlite3_close(db);

  uLongf packed_size = compressBound(body.size);
  unsigned char *packed = malloc(packed_size);
  compress(packed, &packed_size, (const unsigned char *)body.data, body.size);
  printf("status %ld: %zu bytes, %ld stored in %ld row(s), %lu compressed\n", status, body.size, stored, rows,
         (unsigned long)packed_size);
  free(packed);
  free(body.data);
  curl_global_cleanup();
  return status == 200 ? 0 : 1;
}
