// Threaded, allocation-heavy C++: each of N threads builds and destroys a
// std::map<int, std::string> of 20,000 entries, 40 times (the workload of
// issue 10's table). Usage: alloc_threads THREADS
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  int threads = argc > 1 ? std::atoi(argv[1]) : 2;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([] {
      for (int round = 0; round < 40; ++round) {
        std::map<int, std::string> m;
        for (int i = 0; i < 20000; ++i) m[i] = std::string(24, static_cast<char>('a' + i % 26));
      }
    });
  for (auto& t : pool) t.join();
  std::puts("alloc_threads done");
}
