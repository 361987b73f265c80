/* PCRE2 (8-bit): a pattern with named groups matched, and the POSIX wrapper. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pcre2posix.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  int err;
  PCRE2_SIZE at;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR) "(?<os>\\w+)/(?<arch>\\w+)", PCRE2_ZERO_TERMINATED, 0, &err, &at, NULL);
  if (!re) return 1;
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
  const char *subject = "target linux/arm64 static";
  if (pcre2_match(re, (PCRE2_SPTR)subject, strlen(subject), 0, 0, md, NULL) != 3) return 2;
  PCRE2_UCHAR arch[16];
  PCRE2_SIZE len = sizeof arch;
  if (pcre2_substring_copy_byname(md, (PCRE2_SPTR) "arch", arch, &len) != 0) return 3;
  if (strcmp((char *)arch, "arm64") != 0) return 4;
  pcre2_match_data_free(md);
  pcre2_code_free(re);
  regex_t posix;
  if (pcre2_regcomp(&posix, "^[a-z]+/[a-z0-9]+$", REG_EXTENDED) != 0) return 5;
  if (pcre2_regexec(&posix, "linux/amd64", 0, NULL, 0) != 0) return 6;
  if (pcre2_regexec(&posix, "not a target", 0, NULL, 0) == 0) return 7;
  pcre2_regfree(&posix);
  char version[32];
  pcre2_config(PCRE2_CONFIG_VERSION, version);
  printf("pcre2 %s ok: named group arch=%s, POSIX wrapper\n", version, (char *)arch);
  return 0;
}
