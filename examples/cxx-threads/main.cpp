// Threads, exceptions and iostream in one static binary: the three things a
// C++ runtime must get right (libc++ on musl, libstdc++ on glibc).
#include <atomic>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

int checked_square(int n) {
  if (n < 0) throw std::invalid_argument("negative: " + std::to_string(n));
  return n * n;
}

}  // namespace

int main() {
  std::atomic<long> sum{0};
  std::atomic<int> caught{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back([t, &sum, &caught] {
      for (int i = -1; i < 1000; ++i) {
        try {
          sum += checked_square(i % 10) + t;
        } catch (const std::invalid_argument&) {
          ++caught;  // thrown and caught on this thread
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  try {
    throw std::runtime_error("across frames");
  } catch (const std::exception& e) {
    std::cout << "main caught: " << e.what() << "\n";
  }
  std::cout << "threads: 4, sum: " << sum << ", caught: " << caught << "\n";
  return sum == 4 * 28500 + 6000 && caught == 4 ? 0 : 1;
}
