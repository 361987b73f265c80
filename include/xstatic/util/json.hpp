// The one way to write a JSON text: LLVM's streaming writer into a string.
#pragma once

#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <string>

namespace xstatic::util {

// The text `body` writes through the writer it is given: indented by 2 for
// what people and pipelines read (every --json, manifests), `indent` 0 for
// compact documents that are hashed (OCI blobs). No trailing newline.
template <class Body>
std::string json_text(Body&& body, unsigned indent = 2) {
  std::string text;
  llvm::raw_string_ostream os(text);
  {
    llvm::json::OStream j(os, indent);
    body(j);
  }
  os.flush();
  return text;
}

}  // namespace xstatic::util
