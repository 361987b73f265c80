// One program that exercises what a static C++ runtime must get right: each
// line it prints is checked by tests/integration/runtimes_cxx.sh.
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <typeinfo>
#include <vector>

namespace {

struct Parse : std::runtime_error {
  using std::runtime_error::runtime_error;
};

int depth(int n) {
  if (n == 0) throw Parse("thrown 3 frames down");
  return depth(n - 1) + 1;
}

struct Shape {
  virtual ~Shape() = default;
};
struct Circle : Shape {
  int radius = 7;
};

// Its destructor runs at exit, after main returns.
struct Goodbye {
  ~Goodbye() { std::cout << "static destructor ran" << std::endl; }
} goodbye;

thread_local int tls_counter = 0;

}  // namespace

int main() {
  try {
    depth(3);
  } catch (const std::runtime_error& e) {
    std::cout << "exception: " << e.what() << "\n";
  }

  std::unique_ptr<Shape> s = std::make_unique<Circle>();
  if (auto* c = dynamic_cast<Circle*>(s.get())) std::cout << "dynamic_cast: radius " << c->radius << "\n";
  const Shape& shape = *s;
  std::cout << "typeid: " << (typeid(shape) == typeid(Circle) ? "Circle" : "?") << "\n";

  std::ostringstream os;
  os << "iostream " << 42 << ' ' << 2.5;
  std::cout << os.str() << "\n";

  std::mutex m;
  std::condition_variable cv;
  int done = 0;
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([&] {
      tls_counter += 10;  // each thread has its own copy
      std::lock_guard lock(m);
      done += tls_counter;
      cv.notify_one();
    });
  {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return done == 40; });
  }
  for (auto& w : workers) w.join();
  std::cout << "threads: " << done << ", main thread_local " << tls_counter << "\n";

  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("xstatic-rt-" + std::to_string(::getpid()));
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "sub" / "f.txt") << "hello";
  std::cout << "filesystem: " << fs::file_size(dir / "sub" / "f.txt") << " bytes\n";
  fs::remove_all(dir);

  auto t0 = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "chrono: slept " << (ms >= 20 ? "at least" : "less than") << " 20 ms\n";
  return 0;
}
