/* liblzma: an .xz round trip with the easy encoder and the stream decoder. */
#include <lzma.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  uint8_t text[8192], packed[16384], back[8192];
  for (size_t i = 0; i < sizeof text; ++i) text[i] = (uint8_t)"compile is delivery "[i % 20];
  size_t n = 0, in_pos = 0, m = 0;
  if (lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, NULL, text, sizeof text, packed, &n, sizeof packed) != LZMA_OK)
    return 1;
  uint64_t limit = UINT64_MAX;
  if (lzma_stream_buffer_decode(&limit, 0, NULL, packed, &in_pos, n, back, &m, sizeof back) != LZMA_OK) return 2;
  if (m != sizeof text || memcmp(text, back, m) != 0) return 3;
  printf("xz %s ok: %zu -> %zu bytes\n", lzma_version_string(), sizeof text, n);
  return 0;
}
