/* bzip2: a round trip through BZ2_bzBuffToBuffCompress/Decompress. */
#include <bzlib.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  char text[4096], packed[8192], back[4096];
  for (size_t i = 0; i < sizeof text; ++i) text[i] = "static binaries "[i % 16];
  unsigned n = sizeof packed, m = sizeof back;
  if (BZ2_bzBuffToBuffCompress(packed, &n, text, sizeof text, 9, 0, 0) != BZ_OK) return 1;
  if (BZ2_bzBuffToBuffDecompress(back, &m, packed, n, 0, 0) != BZ_OK) return 2;
  if (m != sizeof text || memcmp(text, back, m) != 0) return 3;
  printf("bzip2 %s ok: %zu -> %u bytes\n", BZ2_bzlibVersion(), sizeof text, n);
  return 0;
}
