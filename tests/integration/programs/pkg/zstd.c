/* Zstandard: a round trip at level 19 and the frame's recorded size. */
#include <stdio.h>
#include <string.h>
#include <zstd.h>

int main(void) {
  char text[16384], packed[ZSTD_COMPRESSBOUND(16384)], back[16384];
  for (size_t i = 0; i < sizeof text; ++i) text[i] = "no shared libraries "[i % 20];
  size_t n = ZSTD_compress(packed, sizeof packed, text, sizeof text, 19);
  if (ZSTD_isError(n)) return 1;
  if (ZSTD_getFrameContentSize(packed, n) != sizeof text) return 2;
  size_t m = ZSTD_decompress(back, sizeof back, packed, n);
  if (ZSTD_isError(m) || m != sizeof text || memcmp(text, back, m) != 0) return 3;
  printf("zstd %s ok: %zu -> %zu bytes\n", ZSTD_versionString(), sizeof text, n);
  return 0;
}
