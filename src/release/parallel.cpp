// See parallel.hpp. Each target's work is already independent: its own
// build folder, link records, log and work folder, and its archives are
// written into the staging folder under names of its own; what the release
// puts together afterwards (artifacts, the image index, checksums) is put in
// the targets' order by the caller, so a parallel run writes the same bytes
// as a serial one.
#include "parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace xstatic::release {

void for_each_parallel(std::size_t count, int width, const std::function<void(std::size_t)>& job) {
  if (width <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) job(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex m;
  std::vector<std::exception_ptr> errors(count);
  auto worker = [&] {
    for (;;) {
      if (failed) return;
      std::size_t i = next++;
      if (i >= count) return;
      try {
        job(i);
      } catch (...) {
        std::lock_guard lock(m);
        errors[i] = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> threads;
  auto n = std::min<std::size_t>(count, static_cast<std::size_t>(width));
  for (std::size_t k = 0; k < n; ++k) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace xstatic::release
