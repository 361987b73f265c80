/* libyaml: a document parsed into events; the scalars are counted and checked. */
#include <stdio.h>
#include <string.h>
#include <yaml.h>

int main(void) {
  const char *doc = "targets:\n  - linux/arm64\n  - linux/amd64\nstatic: true\n";
  yaml_parser_t p;
  yaml_event_t e;
  int scalars = 0, seen_arm64 = 0;
  if (!yaml_parser_initialize(&p)) return 1;
  yaml_parser_set_input_string(&p, (const unsigned char *)doc, strlen(doc));
  for (;;) {
    if (!yaml_parser_parse(&p, &e)) return 2;
    if (e.type == YAML_SCALAR_EVENT) {
      scalars++;
      if (strcmp((const char *)e.data.scalar.value, "linux/arm64") == 0) seen_arm64 = 1;
    }
    int done = e.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&e);
    if (done) break;
  }
  yaml_parser_delete(&p);
  if (scalars != 5 || !seen_arm64) return 3;
  printf("libyaml %s ok: %d scalars\n", yaml_get_version_string(), scalars);
  return 0;
}
