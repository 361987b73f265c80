// C++'s allocation functions and C's on one heap: every form of operator
// new/delete (plain, array, sized, aligned, nothrow), memory crossing
// between new/malloc users (strings from the C library kept in C++
// containers), and threads. Prints "malloc_mix_cxx ok".
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <thread>
#include <vector>

namespace {
int failures = 0;
void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "FAIL: %s\n", what);
    ++failures;
  }
}

struct alignas(256) Wide {
  unsigned char bytes[256];
};
}  // namespace

int main() {
  int* one = new int(7);
  int* many = new int[1000]();
  check(*one == 7 && many[999] == 0, "new / new[]");
  delete one;
  delete[] many;

  void* sized = ::operator new(100);
  ::operator delete(sized, 100);  // sized delete
  void* aligned = ::operator new(1000, std::align_val_t(4096));
  check(reinterpret_cast<std::uintptr_t>(aligned) % 4096 == 0, "aligned operator new");
  ::operator delete(aligned, 1000, std::align_val_t(4096));
  auto* wide = new Wide[3];
  check(reinterpret_cast<std::uintptr_t>(wide) % 256 == 0, "new[] of an over-aligned type");
  delete[] wide;
  void* nothrow = ::operator new(64, std::nothrow);
  check(nothrow != nullptr, "nothrow new");
  ::operator delete(nothrow, std::nothrow);

  // The C library allocates, C++ owns it (free as the deleter), and back.
  std::unique_ptr<char, decltype(&std::free)> dup(strdup("from strdup"), &std::free);
  check(std::string(dup.get()) == "from strdup", "strdup in a unique_ptr");
  char* c_copy = static_cast<char*>(std::malloc(32));
  std::strcpy(c_copy, "malloc'd");
  std::string s(c_copy);
  std::free(c_copy);

  std::vector<std::thread> threads;
  std::vector<std::map<int, std::string>> maps(4);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&maps, t] {
      for (int i = 0; i < 5000; ++i) maps[t][i] = std::string(40, static_cast<char>('a' + t));
    });
  for (auto& t : threads) t.join();
  maps.clear();  // nodes freed by another thread than the one that made them

  try {
    throw std::runtime_error(s);  // the exception object is allocated too
  } catch (const std::exception& e) {
    check(std::string(e.what()) == "malloc'd", "exception");
  }
  if (failures) return 1;
  std::puts("malloc_mix_cxx ok");
  return 0;
}
