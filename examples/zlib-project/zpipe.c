/* Compresses a text with zlib, decompresses it, and checks the round trip. */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

int main(void) {
  const char text[] = "static binaries, static binaries, static binaries, compile is delivery";
  unsigned char packed[256], unpacked[256];
  uLongf packed_len = sizeof packed, unpacked_len = sizeof unpacked;
  if (compress2(packed, &packed_len, (const Bytef *)text, sizeof text, Z_BEST_COMPRESSION) != Z_OK) return 1;
  if (uncompress(unpacked, &unpacked_len, packed, packed_len) != Z_OK) return 1;
  if (unpacked_len != sizeof text || memcmp(text, unpacked, sizeof text) != 0) return 1;
  printf("zlib %s: %lu bytes -> %lu bytes -> round trip ok\n", zlibVersion(), (unsigned long)sizeof text,
         (unsigned long)packed_len);
  return 0;
}
