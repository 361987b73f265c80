// The bundle suites' C++ program (bundle_chroot, scripts/bundle-check.sh): libc++'s map, an exception.
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
int main() {
  std::map<std::string, int> m{{"libc++", 19}};
  try { throw std::runtime_error("caught"); } catch (const std::exception& e) { std::cout << e.what() << ' '; }
  std::cout << "libc++ " << m["libc++"] << '\n';
}
