/* OpenSSL: a SHA-256 digest, random bytes, and a TLS client context with the default paths. */
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  unsigned char md[EVP_MAX_MD_SIZE], rnd[16];
  unsigned int len = 0;
  if (!EVP_Digest("abc", 3, md, &len, EVP_sha256(), NULL) || len != 32) return 1;
  /* SHA-256("abc") starts ba7816bf. */
  if (md[0] != 0xba || md[1] != 0x78 || md[2] != 0x16 || md[3] != 0xbf) return 2;
  if (RAND_bytes(rnd, sizeof rnd) != 1) return 3;
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  if (!ctx) return 4;
  SSL_CTX_free(ctx);
  printf("%s ok: sha256 ba7816bf..., random, TLS context\n", OpenSSL_version(OPENSSL_VERSION));
  return 0;
}
