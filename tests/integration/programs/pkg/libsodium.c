/* libsodium: a secret box sealed and opened, a forged one refused, a hash. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  if (sodium_init() < 0) return 1;
  unsigned char key[crypto_secretbox_KEYBYTES], nonce[crypto_secretbox_NONCEBYTES];
  const unsigned char msg[] = "compile is delivery";
  unsigned char boxed[crypto_secretbox_MACBYTES + sizeof msg], opened[sizeof msg];
  crypto_secretbox_keygen(key);
  randombytes_buf(nonce, sizeof nonce);
  crypto_secretbox_easy(boxed, msg, sizeof msg, nonce, key);
  if (crypto_secretbox_open_easy(opened, boxed, sizeof boxed, nonce, key) != 0) return 2;
  if (memcmp(opened, msg, sizeof msg) != 0) return 3;
  boxed[0] ^= 1;
  if (crypto_secretbox_open_easy(opened, boxed, sizeof boxed, nonce, key) == 0) return 4;
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, msg, sizeof msg - 1, NULL, 0);
  printf("libsodium %s ok: secretbox round trip, forgery refused, blake2b %02x%02x...\n", sodium_version_string(),
         hash[0], hash[1]);
  return 0;
}
