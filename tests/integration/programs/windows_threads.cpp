// Windows C++ through xstatic: std::thread, mutex, condition_variable,
// exceptions, filesystem and iostreams, from the posix-thread libstdc++.
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

int main() {
  std::mutex m;
  std::condition_variable cv;
  int done = 0;
  long sum = 0;
  std::vector<std::thread> threads;
  for (int i = 1; i <= 4; ++i)
    threads.emplace_back([&, i] {
      std::lock_guard<std::mutex> lock(m);
      sum += i;
      ++done;
      cv.notify_one();
    });
  {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return done == 4; });
  }
  for (auto& t : threads) t.join();
  std::cout << "threads " << sum << "\n";
  try {
    throw std::runtime_error("boom");
  } catch (const std::exception& e) {
    std::cout << "caught " << e.what() << "\n";
  }
  std::filesystem::create_directories("fsdir/sub");
  std::cout << "filesystem " << std::filesystem::is_directory("fsdir/sub") << "\n";
  return 0;
}
