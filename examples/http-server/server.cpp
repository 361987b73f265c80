// A small HTTP server that answers every request with "ok", like the Go
// example `http.HandleFunc("/", ...)`: one thread per connection.
//
//   server [--port N]     N = 0 (the default) lets the kernel pick a free port;
//                         the first line on stdout says which one.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {
    if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  }
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  Socket(Socket&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

Socket listen_on(std::uint16_t port) {
  Socket s(::socket(AF_INET, SOCK_STREAM, 0));
  int yes = 1;
  ::setsockopt(s.fd(), SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(s.fd(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(s.fd(), 64) != 0)
    throw std::runtime_error("cannot listen on port " + std::to_string(port) + ": " + std::strerror(errno));
  return s;
}

std::uint16_t port_of(const Socket& s) {
  sockaddr_in addr{};
  socklen_t len = sizeof addr;
  ::getsockname(s.fd(), reinterpret_cast<sockaddr*>(&addr), &len);
  return ntohs(addr.sin_port);
}

void serve(Socket client) {
  std::string request;
  char buf[4096];
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
    ssize_t n = ::read(client.fd(), buf, sizeof buf);
    if (n <= 0) return;
    request.append(buf, static_cast<std::size_t>(n));
  }
  static const std::string reply =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n";
  ::write(client.fd(), reply.data(), reply.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  std::uint16_t port = 0;
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--port" && i + 1 < argc) port = static_cast<std::uint16_t>(std::stoi(argv[++i]));
  try {
    Socket server = listen_on(port);
    std::cout << "listening on 127.0.0.1:" << port_of(server) << std::endl;
    for (;;) {
      int fd = ::accept(server.fd(), nullptr, nullptr);
      if (fd < 0) continue;
      std::thread(serve, Socket(fd)).detach();
    }
  } catch (const std::exception& e) {
    std::cerr << "server: " << e.what() << "\n";
    return 1;
  }
}
