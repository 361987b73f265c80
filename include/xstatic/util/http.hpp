// A plain HTTP/1.1 GET client over sockets, enough to fetch a Debian archive:
// http:// URLs only (trust comes from the signed InRelease, as for apt, not
// from the transport), directly or through an HTTP proxy (http_proxy, as
// curl, wget and apt's http method read it), one request per connection (Connection: close),
// Content-Length, chunked and close-delimited bodies, a bounded number of
// redirects, connect and read timeouts, and a cap on the body's size.
//
// The response parser is separate from the socket code (HttpResponseReader:
// bytes in, a response or an Error out) so that unit tests and the fuzzer
// feed it any bytes (RFC 9112 §6 for the framing).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xstatic::util {

struct Url {
  std::string host;
  std::string port = "80";
  std::string path = "/";   // with its query, never empty
  std::string str() const;  // "http://host[:port]/path"
};

// An http:// URL; nullopt for another scheme or a malformed one.
std::optional<Url> parse_http_url(std::string_view text);
// `location` (a Location header: absolute, or a path) read against `base`.
std::optional<Url> resolve_location(const Url& base, std::string_view location);

struct HttpResponse {
  int status = 0;
  std::string reason;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;                                          // de-chunked
  // The first header named `name` (lower case), or nullptr.
  const std::string* header(std::string_view name) const;
};

// Reads one response from the bytes of a connection, in as many pieces as
// they arrive. Throws xstatic::Error (Exit::failed) about `what` on a
// malformed status line, header or chunk, a body larger than `max_body`
// (kMaxOtherBody when the status is not 2xx: an error page is not the file
// whose size was promised), or (at finish()) a body cut short.
inline constexpr std::uint64_t kMaxOtherBody = 1 << 20;
class HttpResponseReader {
 public:
  HttpResponseReader(std::string what, std::uint64_t max_body)
      : what_(std::move(what)), max_body_(max_body) {}
  // Adds bytes; returns true once the response is complete (bytes after it are ignored).
  bool feed(std::string_view bytes);
  bool complete() const { return state_ == State::done; }
  // The connection was closed: completes a close-delimited body, refuses a truncated one.
  void finish();
  // The response, once complete().
  HttpResponse take();
  // Body bytes received so far, and the Content-Length (0 when unknown).
  std::uint64_t received() const { return response_.body.size(); }
  std::uint64_t expected() const { return expected_; }

 private:
  enum class State : std::uint8_t {
    head,
    length,
    chunk_size,
    chunk_data,
    chunk_end,
    trailers,
    until_close,
    done
  };
  void parse_head(std::string_view head);
  void advance();
  [[noreturn]] void fail(const std::string& why) const;

  std::string what_;
  std::uint64_t max_body_;
  State state_ = State::head;
  std::string buf_;         // bytes not consumed yet
  std::uint64_t left_ = 0;  // bytes of the body (length) or chunk still expected
  std::uint64_t expected_ = 0;
  HttpResponse response_;
};

// An HTTP proxy: where to connect, and the Basic credentials it was given
// (user:password@ in http_proxy), never printed.
struct Proxy {
  Url at;
  std::string credentials;  // "user:password", percent-decoded; empty for none
  std::string source;       // the variable it came from ("http_proxy"), for messages
};

// The proxy for `url` given the values of http_proxy and no_proxy (curl's
// rules): none when `http_proxy` is empty or `no_proxy` is "*" or names the
// URL's host or a domain it is in (a comma-separated list; a leading dot,
// surrounding blanks and a :port are ignored; case-insensitive). The proxy is
// "http://host[:port][/]" or "host[:port]" (port 1080 when absent, as curl),
// with an optional "user:password@". Throws Error (Exit::usage) naming
// `source` when it is malformed or names another scheme.
std::optional<Proxy> choose_proxy(const Url& url, std::string_view http_proxy, std::string_view no_proxy,
                                  std::string_view source = "http_proxy");
// choose_proxy with $http_proxy (else $HTTP_PROXY) and $no_proxy (else $NO_PROXY).
std::optional<Proxy> environment_proxy(const Url& url);

struct HttpOptions {
  int connect_timeout_ms = 15000;
  int read_timeout_ms = 60000;  // without a byte received
  int max_redirects = 5;
  std::uint64_t max_body = std::uint64_t{1} << 31;
  // Called as the body arrives: bytes so far, and the total when known (0 otherwise).
  std::function<void(std::uint64_t, std::uint64_t)> on_progress;
  // Read the proxy from the environment (environment_proxy) for each URL,
  // redirects included; false: always connect directly.
  bool proxy_from_environment = true;
};

// GETs `url`, following up to max_redirects redirects (301, 302, 303, 307,
// 308) to http:// URLs, each through its proxy when there is one (the
// request then names the whole URL, RFC 9112 §3.2.2). Returns the final
// response whatever its status (a proxy's own 407 or 502 included).
// Throws xstatic::Error (Exit::missing) when the host cannot be resolved or
// reached (or its proxy), a timeout passes or the connection breaks, and (Exit::failed) on
// a malformed response or too many redirects; the message names the URL.
HttpResponse http_get(const std::string& url, const HttpOptions& options = {});

}  // namespace xstatic::util
