/* libxml2: a document written gzip-compressed (zlib, through libxml2's own
   writer), read back, queried with XPath and checked; a broken document is
   refused. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  const char *text = "<release><binary target=\"linux/arm64\">app</binary><binary target=\"linux/amd64\">app</binary>"
                     "<binary target=\"linux/s390x\">tool</binary></release>";
  xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "release.xml", NULL, XML_PARSE_NONET);
  if (!doc) return 1;
  xmlSetDocCompressMode(doc, 9);
  if (xmlSaveFile("release.xml.gz", doc) < 0) return 2;
  xmlFreeDoc(doc);

  /* gzip magic: the file really is compressed (zlib was linked in). */
  FILE *f = fopen("release.xml.gz", "rb");
  unsigned char magic[2] = {0};
  if (!f || fread(magic, 1, 2, f) != 2 || magic[0] != 0x1f || magic[1] != 0x8b) return 3;
  fclose(f);

  doc = xmlReadFile("release.xml.gz", NULL, XML_PARSE_NONET);
  if (!doc) return 4;
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathObjectPtr all = xmlXPathEvalExpression((const xmlChar *)"//binary[text()='app']", ctx);
  xmlXPathObjectPtr sum = xmlXPathEvalExpression((const xmlChar *)"count(//binary) * 2.5", ctx);
  if (!all || !all->nodesetval || all->nodesetval->nodeNr != 2) return 5;
  if (!sum || sum->floatval != 7.5) return 6;
  xmlChar *target = xmlGetProp(all->nodesetval->nodeTab[1], (const xmlChar *)"target");
  if (!target || strcmp((const char *)target, "linux/amd64") != 0) return 7;
  xmlFree(target);
  xmlXPathFreeObject(all);
  xmlXPathFreeObject(sum);
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
  remove("release.xml.gz");

  xmlSetGenericErrorFunc(NULL, NULL);
  xmlDocPtr bad = xmlReadMemory("<a><b></a>", 10, "bad.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  if (bad) return 8;
  xmlCleanupParser();
  printf("libxml2 %s ok: gzip round trip, XPath 2 of 3 nodes, count 7.5, a broken document refused\n",
         LIBXML_DOTTED_VERSION);
  return 0;
}
