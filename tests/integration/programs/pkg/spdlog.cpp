// spdlog: a logger writing to a string stream (through an ostream sink), the
// level filter, and the line checked.
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <memory>
#include <sstream>

int main() {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
  spdlog::logger log("xstatic", sink);
  log.set_pattern("%l %n: %v");
  log.set_level(spdlog::level::info);
  log.debug("filtered out");
  log.info("built {} for {}", "app", "linux/arm64");
  log.flush();
  if (out.str() != "info xstatic: built app for linux/arm64\n") {
    std::fprintf(stderr, "spdlog wrote: %s\n", out.str().c_str());
    return 1;
  }
  std::printf("spdlog %d.%d.%d ok: %s", SPDLOG_VER_MAJOR, SPDLOG_VER_MINOR, SPDLOG_VER_PATCH, out.str().c_str());
  return 0;
}
