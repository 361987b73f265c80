/* LZ4: a block round trip and the frame format's version. */
#include <lz4.h>
#include <lz4frame.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  char text[8192], packed[LZ4_COMPRESSBOUND(8192)], back[8192];
  for (size_t i = 0; i < sizeof text; ++i) text[i] = "one static file "[i % 16];
  int n = LZ4_compress_default(text, packed, (int)sizeof text, (int)sizeof packed);
  if (n <= 0) return 1;
  int m = LZ4_decompress_safe(packed, back, n, (int)sizeof back);
  if (m != (int)sizeof text || memcmp(text, back, sizeof text) != 0) return 2;
  printf("lz4 %s ok: %zu -> %d bytes, frame version %u\n", LZ4_versionString(), sizeof text, n, LZ4F_getVersion());
  return 0;
}
