// See xstatic/util/http.hpp.
#include "xstatic/util/http.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>

#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::util {
namespace {

bool http_token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A decimal (Content-Length) or hex (chunk size) number, nothing else.
std::optional<std::uint64_t> parse_number(std::string_view s, int base) {
  std::uint64_t v = 0;
  if (s.empty() || s.size() > 16) return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// Basic credentials (RFC 7617): base64 of "user:password".
std::string base64(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    std::uint32_t n = static_cast<std::uint8_t>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<std::uint8_t>(in[i + 1]) << 8;
    if (i + 2 < in.size()) n |= static_cast<std::uint8_t>(in[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

// %XX escapes of a proxy's user and password; nullopt for a bad escape.
std::optional<std::string> percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    auto v = parse_number(s.substr(i + 1, 2), 16);
    if (!v) return std::nullopt;
    out += static_cast<char>(*v);
    i += 2;
  }
  return out;
}

// no_proxy names the host, a domain it is in, or everything ("*").
bool bypasses_proxy(std::string_view host, std::string_view no_proxy) {
  std::string h = util::to_lower(host);
  for (std::string_view entry : util::split(no_proxy, ',')) {
    entry = trim_blanks(entry);
    if (entry == "*") return true;
    if (entry.starts_with('[')) {  // [v6]:port
      entry = entry.substr(1, entry.find(']') == std::string_view::npos ? entry.size() : entry.find(']') - 1);
    } else if (std::count(entry.begin(), entry.end(), ':') == 1) {
      entry = entry.substr(0, entry.find(':'));
    }
    while (entry.starts_with('.')) entry.remove_prefix(1);
    if (entry.empty()) continue;
    std::string e = util::to_lower(entry);
    if (h == e || (h.size() > e.size() && h.ends_with(e) && h[h.size() - e.size() - 1] == '.')) return true;
  }
  return false;
}

}  // namespace

std::optional<Proxy> choose_proxy(const Url& url, std::string_view http_proxy, std::string_view no_proxy,
                                  std::string_view source) {
  http_proxy = trim_blanks(http_proxy);
  if (http_proxy.empty() || bypasses_proxy(url.host, no_proxy)) return std::nullopt;
  auto bad = [&](const std::string& why) {
    return Error(std::string(source) + " is not a usable proxy: " + why,
                 "set it to http://HOST:PORT (an HTTP proxy; xstatic fetches http:// URLs only), or unset it",
                 Exit::usage);
  };
  std::string_view text = http_proxy;
  auto scheme = text.find("://");
  if (scheme != std::string_view::npos) {
    if (util::to_lower(text.substr(0, scheme)) != "http")
      throw bad("it names " + std::string(text.substr(0, scheme)) + "://, not http://");
    text.remove_prefix(scheme + 3);
  }
  Proxy p;
  p.source = std::string(source);
  // user:password@ (the last @ before the host: a password may hold one).
  auto end_of_authority = text.find_first_of("/?#");
  auto at = text.substr(0, end_of_authority).rfind('@');
  if (at != std::string_view::npos) {
    auto credentials = percent_decoded(text.substr(0, at));
    if (!credentials) throw bad("a bad %-escape in its user or password");
    p.credentials = *credentials;
    text.remove_prefix(at + 1);
  }
  std::string authority(text.substr(0, text.find_first_of("/?#")));
  bool has_port = authority.starts_with('[') ? authority.find("]:") != std::string::npos
                                             : authority.find(':') != std::string::npos;
  auto parsed = parse_http_url("http://" + authority + (has_port ? "" : ":1080") + "/");
  bool blank = std::any_of(authority.begin(), authority.end(), [](char c) { return c <= ' ' || c == 0x7f; });
  if (!parsed || blank) throw bad("'" + authority + "' is not HOST[:PORT]");
  p.at = *parsed;
  return p;
}

std::optional<Proxy> environment_proxy(const Url& url) {
  auto value = [](const char* lower, const char* upper) -> std::pair<std::string_view, const char*> {
    if (const char* v = std::getenv(lower); v && *v) return {v, lower};
    if (const char* v = std::getenv(upper); v && *v) return {v, upper};
    return {{}, lower};
  };
  auto [proxy, source] = value("http_proxy", "HTTP_PROXY");
  auto [no_proxy, unused] = value("no_proxy", "NO_PROXY");
  return choose_proxy(url, proxy, no_proxy, source);
}

std::string Url::str() const {
  return "http://" + host + (port == "80" ? "" : ":" + port) + path;
}

std::optional<Url> parse_http_url(std::string_view text) {
  if (!util::to_lower(text.substr(0, 7)).starts_with("http://")) return std::nullopt;
  text.remove_prefix(7);
  auto slash = text.find_first_of("/?#");
  std::string_view authority = text.substr(0, slash);
  Url url;
  if (slash != std::string_view::npos) {
    std::string_view rest = text.substr(slash);
    rest = rest.substr(0, rest.find('#'));
    url.path = rest.starts_with('/') ? std::string(rest) : "/" + std::string(rest);
  }
  if (authority.find('@') != std::string_view::npos) return std::nullopt;  // no user:password
  if (authority.starts_with('[')) {                                        // [v6 address]:port
    auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    url.host = std::string(authority.substr(1, close - 1));
    authority.remove_prefix(close + 1);
    if (!authority.empty() && !authority.starts_with(':')) return std::nullopt;
    if (!authority.empty()) url.port = std::string(authority.substr(1));
  } else {
    auto colon = authority.find(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) url.port = std::string(authority.substr(colon + 1));
  }
  auto port = parse_number(url.port, 10);
  if (url.host.empty() || !port || *port == 0 || *port > 65535) return std::nullopt;
  if (std::any_of(url.path.begin(), url.path.end(), [](char c) { return c <= ' ' || c == 0x7f; }))
    return std::nullopt;
  return url;
}

std::optional<Url> resolve_location(const Url& base, std::string_view location) {
  location = trim_blanks(location);
  if (location.starts_with('/') && !location.starts_with("//")) {
    Url u = base;
    u.path = std::string(location.substr(0, location.find('#')));
    if (std::any_of(u.path.begin(), u.path.end(), [](char c) { return c <= ' ' || c == 0x7f; }))
      return std::nullopt;
    return u;
  }
  return parse_http_url(location);
}

const std::string* HttpResponse::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return &v;
  return nullptr;
}

void HttpResponseReader::fail(const std::string& why) const {
  throw Error(what_ + ": bad HTTP response: " + why, {}, Exit::failed);
}

void HttpResponseReader::parse_head(std::string_view head) {
  auto lines = util::split(head, '\n');
  std::string_view status = trim_blanks(lines[0]);
  // HTTP/1.x SP 3DIGIT [SP reason]
  if (status.size() < 12 || !status.starts_with("HTTP/1.") || status[8] != ' ')
    fail("the status line is '" + std::string(status.substr(0, 80)) + "'");
  auto code = parse_number(status.substr(9, 3), 10);
  if (!code || *code < 100 || *code > 599 || (status.size() > 12 && status[12] != ' '))
    fail("the status line is '" + std::string(status.substr(0, 80)) + "'");
  response_.status = static_cast<int>(*code);
  // The cap is for the file asked for; an error page or redirect gets its own (small) one.
  if (response_.status < 200 || response_.status > 299) max_body_ = kMaxOtherBody;
  response_.reason = std::string(status.size() > 13 ? status.substr(13) : std::string_view());
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    auto colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos ||
        !std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon), http_token_char))
      fail("a header line is '" + std::string(line.substr(0, 80)) + "'");
    response_.headers.emplace_back(util::to_lower(line.substr(0, colon)),
                                   std::string(trim_blanks(line.substr(colon + 1))));
  }
  // RFC 9112 §6.3: no body for 1xx, 204 and 304; chunked wins over a length.
  const std::string* te = response_.header("transfer-encoding");
  const std::string* length = response_.header("content-length");
  if (response_.status < 200 || response_.status == 204 || response_.status == 304) {
    state_ = State::done;
  } else if (te) {
    if (util::to_lower(*te) != "chunked") fail("the transfer encoding '" + *te + "' is not supported");
    state_ = State::chunk_size;
  } else if (length) {
    for (const auto& [k, v] : response_.headers)
      if (k == "content-length" && v != *length) fail("two different Content-Length headers");
    auto n = parse_number(*length, 10);
    if (!n) fail("the Content-Length is '" + length->substr(0, 40) + "'");
    if (*n > max_body_)
      fail("its body of " + std::to_string(*n) + " bytes is larger than the " + std::to_string(max_body_) +
           " expected");
    left_ = expected_ = *n;
    response_.body.reserve(static_cast<std::size_t>(*n));
    state_ = left_ == 0 ? State::done : State::length;
  } else {
    state_ = State::until_close;
  }
}

void HttpResponseReader::advance() {
  for (;;) {
    switch (state_) {
      case State::head: {
        auto end = buf_.find("\r\n\r\n");
        std::size_t skip = 4;
        if (end == std::string::npos) {  // a bare-LF head, which RFC 9112 §2.2 lets a reader accept
          end = buf_.find("\n\n");
          skip = 2;
        }
        if (end == std::string::npos) {
          if (buf_.size() > 64 * 1024) fail("its header is longer than 64 KiB");
          return;
        }
        parse_head(std::string_view(buf_).substr(0, end));
        buf_.erase(0, end + skip);
        break;
      }
      case State::length:
      case State::chunk_data: {
        auto n = static_cast<std::size_t>(std::min<std::uint64_t>(left_, buf_.size()));
        response_.body.append(buf_, 0, n);
        buf_.erase(0, n);
        left_ -= n;
        if (left_ != 0) return;
        state_ = state_ == State::length ? State::done : State::chunk_end;
        break;
      }
      case State::chunk_size:
      case State::chunk_end:
      case State::trailers: {
        auto eol = buf_.find('\n');
        if (eol == std::string::npos) {
          if (buf_.size() > 4096) fail("a chunk line is longer than 4 KiB");
          return;
        }
        std::string_view line(buf_.data(), eol);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (state_ == State::chunk_end) {
          if (!line.empty()) fail("a chunk does not end where its size says");
          state_ = State::chunk_size;
        } else if (state_ == State::trailers) {
          if (line.empty()) state_ = State::done;
        } else {
          auto size = parse_number(trim_blanks(line.substr(0, line.find(';'))), 16);
          if (!size) fail("a chunk size is '" + std::string(line.substr(0, 40)) + "'");
          if (*size > max_body_ - std::min<std::uint64_t>(max_body_, response_.body.size()))
            fail("its body is larger than the " + std::to_string(max_body_) + " bytes expected");
          left_ = *size;
          state_ = left_ == 0 ? State::trailers : State::chunk_data;
        }
        buf_.erase(0, eol + 1);
        break;
      }
      case State::until_close:
        if (response_.body.size() + buf_.size() > max_body_)
          fail("its body is larger than the " + std::to_string(max_body_) + " bytes expected");
        response_.body += buf_;
        buf_.clear();
        return;
      case State::done:
        buf_.clear();
        return;
    }
  }
}

bool HttpResponseReader::feed(std::string_view bytes) {
  if (state_ == State::done) return true;
  buf_.append(bytes);
  advance();
  return state_ == State::done;
}

void HttpResponseReader::finish() {
  switch (state_) {
    case State::done:
      return;
    case State::until_close:
      state_ = State::done;
      return;
    case State::head:
      fail(buf_.empty() ? "the connection closed before any response"
                        : "the connection closed in its header");
    case State::length:
      fail("the body is cut short: " + std::to_string(response_.body.size()) + " of " +
           std::to_string(response_.body.size() + left_) + " bytes");
    default:
      fail("the chunked body is cut short after " + std::to_string(response_.body.size()) + " bytes");
  }
}

HttpResponse HttpResponseReader::take() {
  if (state_ != State::done) fail("taken before it was complete");
  return std::move(response_);
}

namespace {

// A socket closed on every way out.
struct Socket {
  int fd = -1;
  ~Socket() {
    if (fd >= 0) ::close(fd);
  }
};

Error unreachable(const Url& url, const std::string& why) {
  return Error("cannot fetch " + url.str() + ": " + why, {}, Exit::missing);
}

// Waits for `events` on `fd` at most `ms`; false on a timeout.
bool wait_for(int fd, short events, int ms) {
  pollfd p{fd, events, 0};
  for (;;) {
    int r = ::poll(&p, 1, ms);
    if (r < 0 && errno == EINTR) continue;
    return r > 0;
  }
}

// Connects to `to` (the URL's host, or its proxy: `role` says which in the
// messages, which name the URL asked for).
void connect_to(Socket& s, const Url& to, const Url& url, const std::string& role, int timeout_ms) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (int r = ::getaddrinfo(to.host.c_str(), to.port.c_str(), &hints, &found); r != 0)
    throw unreachable(url, "cannot resolve " + role + to.host + ": " + ::gai_strerror(r));
  std::string why = "no address";
  for (addrinfo* a = found; a; a = a->ai_next) {
    int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
    if (fd < 0) continue;
    if (s.fd >= 0) ::close(s.fd);
    s.fd = fd;
    if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) break;
    if (errno != EINPROGRESS) {
      why = std::strerror(errno);
      ::close(fd);
      s.fd = -1;
      continue;
    }
    if (!wait_for(fd, POLLOUT, timeout_ms)) {
      why = "no answer in " + std::to_string(timeout_ms / 1000) + " s";
      ::close(fd);
      s.fd = -1;
      continue;
    }
    int err = 0;
    socklen_t len = sizeof err;
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err == 0) break;
    why = std::strerror(err);
    ::close(fd);
    s.fd = -1;
  }
  ::freeaddrinfo(found);
  if (s.fd < 0)
    throw unreachable(url, "cannot connect to " + role + to.host + " port " + to.port + ": " + why);
}

void send_all(const Socket& s, const Url& url, std::string_view data, int timeout_ms) {
  while (!data.empty()) {
    ssize_t n = ::send(s.fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
      if (!wait_for(s.fd, POLLOUT, timeout_ms)) throw unreachable(url, "timed out sending the request");
      continue;
    }
    if (n < 0) throw unreachable(url, std::string("sending the request: ") + std::strerror(errno));
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

HttpResponse get_once(const Url& url, const std::optional<Proxy>& proxy, const HttpOptions& options) {
  Socket s;
  if (proxy)
    connect_to(s, proxy->at, url, "the proxy (" + proxy->source + ") ", options.connect_timeout_ms);
  else
    connect_to(s, url, url, "", options.connect_timeout_ms);
  std::string host = url.host.find(':') != std::string::npos ? "[" + url.host + "]" : url.host;
  if (url.port != "80") host += ":" + url.port;
  // Through a proxy the request names the whole URL (absolute-form).
  std::string target = proxy ? "http://" + host + url.path : url.path;
  std::string auth = proxy && !proxy->credentials.empty()
                         ? "Proxy-Authorization: Basic " + base64(proxy->credentials) + "\r\n"
                         : "";
  send_all(s, url,
           "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + auth +
               "User-Agent: xstatic\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n",
           options.read_timeout_ms);
  HttpResponseReader reader(url.str(), options.max_body);
  std::array<char, 1 << 16> buf{};
  for (;;) {
    if (!wait_for(s.fd, POLLIN, options.read_timeout_ms))
      throw unreachable(url, "no data for " + std::to_string(options.read_timeout_ms / 1000) + " s");
    ssize_t n = ::recv(s.fd, buf.data(), buf.size(), 0);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n < 0) throw unreachable(url, std::string("reading the response: ") + std::strerror(errno));
    if (n == 0) {
      reader.finish();
      break;
    }
    bool done = reader.feed(std::string_view(buf.data(), static_cast<std::size_t>(n)));
    if (options.on_progress) options.on_progress(reader.received(), reader.expected());
    if (done) break;
  }
  return reader.take();
}

}  // namespace

HttpResponse http_get(const std::string& text, const HttpOptions& options) {
  auto url = parse_http_url(text);
  if (!url)
    throw Error("cannot fetch " + text +
                    ": only http:// URLs are supported (the archive's signature, not the "
                    "transport, is what is trusted)",
                {}, Exit::usage);
  for (int redirects = 0;; ++redirects) {
    std::optional<Proxy> proxy = options.proxy_from_environment ? environment_proxy(*url) : std::nullopt;
    if (proxy)
      spdlog::debug("GET {} through the proxy {} port {} ({})", url->str(), proxy->at.host, proxy->at.port,
                    proxy->source);
    else
      spdlog::debug("GET {}", url->str());
    HttpResponse r = get_once(*url, proxy, options);
    bool redirect =
        r.status == 301 || r.status == 302 || r.status == 303 || r.status == 307 || r.status == 308;
    if (!redirect) return r;
    const std::string* location = r.header("location");
    if (!location)
      throw Error("cannot fetch " + url->str() + ": a redirect without a Location", {}, Exit::failed);
    if (redirects >= options.max_redirects)
      throw Error(
          "cannot fetch " + text + ": more than " + std::to_string(options.max_redirects) + " redirects", {},
          Exit::failed);
    auto next = resolve_location(*url, *location);
    if (!next)
      throw Error("cannot fetch " + url->str() + ": it redirects to '" + location->substr(0, 200) +
                      "', which is not an http:// URL",
                  {}, Exit::failed);
    url = next;
  }
}

}  // namespace xstatic::util
