// A fresh directory under /tmp for one test case, removed with everything in
// it: a test that writes files runs in a scratch directory of its own.
#pragma once

#include <stdlib.h>

#include <filesystem>

namespace xstatic::testing {

struct ScratchDir {
  std::filesystem::path path;
  ScratchDir() {
    char tmpl[] = "/tmp/xstatic-unit-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
};

}  // namespace xstatic::testing
