// The C++ hello of the size benchmark (iostream + std::thread): README's and
// docs/runtimes.md's size rows, driver_size, runtimes_cxx and bench/runtimes.sh.
#include <iostream>
#include <thread>
int main() {
  std::thread t([] { std::cout << "hello from a thread\n"; });
  t.join();
  std::cout << "hello, world" << std::endl;
}
