// The HTTP/1.1 response reader and URL parsing of xstatic's own fetcher.
#include <doctest/doctest.h>

#include <string>

#include "xstatic/util/error.hpp"
#include "xstatic/util/http.hpp"

namespace {

// Feeds `raw` to a reader `step` bytes at a time, then closes the connection.
xstatic::util::HttpResponse read_http(const std::string& raw, std::size_t step = 1 << 20,
                                      std::uint64_t max_body = 1 << 20) {
  xstatic::util::HttpResponseReader reader("http://test/", max_body);
  bool done = false;
  for (std::size_t i = 0; i < raw.size() && !done; i += step)
    done = reader.feed(std::string_view(raw).substr(i, step));
  if (!done) reader.finish();
  return reader.take();
}

}  // namespace

TEST_CASE("an HTTP response with a Content-Length is read whole, in any pieces") {
  std::string raw = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A:  b \r\n\r\nhello";
  for (std::size_t step : {1, 3, 1000}) {
    auto r = read_http(raw, step);
    CHECK(r.status == 200);
    CHECK(r.reason == "OK");
    CHECK(r.body == "hello");
    REQUIRE(r.header("x-a"));
    CHECK(*r.header("x-a") == "b");
  }
  // Bytes after the body (a server that sent too much) are not part of it.
  xstatic::util::HttpResponseReader reader("http://test/", 100);
  CHECK(reader.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabcdef"));
  CHECK(reader.take().body == "ab");
}

TEST_CASE("a chunked HTTP body is de-chunked, with extensions and trailers") {
  std::string raw =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 99\r\n\r\n"
      "5;ext=1\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n";
  for (std::size_t step : {1, 7, 1000}) CHECK(read_http(raw, step).body == "hello 0123456789");
}

TEST_CASE("a body delimited by the connection's end, and responses without a body") {
  CHECK(read_http("HTTP/1.0 200 OK\r\n\r\nuntil close").body == "until close");
  CHECK(read_http("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n").body.empty());
  CHECK(read_http("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n").status == 404);
  // An error page larger than the file asked for is still read: its status is what counts.
  CHECK(read_http("HTTP/1.1 404 Not Found\r\nContent-Length: 20\r\n\r\n<html>not here</html>", 1 << 20, 10)
            .status == 404);
  CHECK(read_http("HTTP/1.1 200 OK\nContent-Length: 2\n\nok").body == "ok");  // bare LF
}

TEST_CASE("a truncated or malformed HTTP response is refused") {
  auto refused = [](const std::string& raw, const std::string& why, std::uint64_t max_body = 1 << 20) {
    CAPTURE(raw);
    try {
      read_http(raw, 1 << 20, max_body);
      FAIL("accepted");
    } catch (const xstatic::Error& e) {
      CHECK(std::string(e.what()).find(why) != std::string::npos);
      CHECK(e.code() == xstatic::Exit::failed);
    }
  };
  refused("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", "cut short: 5 of 10 bytes");
  refused("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", "chunked body is cut short");
  refused("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", "chunked body is cut short");
  refused("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size");
  refused("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", "does not end");
  refused("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "not supported");
  refused("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length");
  refused("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "two different");
  refused("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n", "larger than the 10", 10);
  refused("HTTP/1.1 200 OK\r\n\r\n0123456789a", "larger than the 10", 10);
  refused("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nb\r\n", "larger than the 10", 10);
  refused("HTTP/1.1 404 Not Found\r\nContent-Length: 2000000\r\n\r\n", "larger than the 1048576", 10);
  refused("ICY 200 OK\r\n\r\n", "status line");
  refused("HTTP/1.1 2000 OK\r\n\r\n", "status line");
  refused("HTTP/1.1 200 OK\r\nno colon\r\n\r\n", "header line");
  refused("HTTP/1.1 200 OK\r\nContent-Le", "in its header");
  refused("", "before any response");
}

TEST_CASE("http:// URLs and redirect locations") {
  using xstatic::util::parse_http_url;
  auto u = parse_http_url("http://mirror.example:8080/debian/dists?x=1#frag");
  REQUIRE(u);
  CHECK(u->host == "mirror.example");
  CHECK(u->port == "8080");
  CHECK(u->path == "/debian/dists?x=1");
  CHECK(parse_http_url("HTTP://h")->path == "/");
  CHECK(parse_http_url("http://[::1]:81/a")->host == "::1");
  CHECK(parse_http_url("http://h/a")->str() == "http://h/a");
  CHECK_FALSE(parse_http_url("https://h/"));
  CHECK_FALSE(parse_http_url("ftp://h/"));
  CHECK_FALSE(parse_http_url("http://user:pw@h/"));
  CHECK_FALSE(parse_http_url("http://h:0/"));
  CHECK_FALSE(parse_http_url("http://h:99999/"));
  CHECK_FALSE(parse_http_url("http:///path"));
  CHECK_FALSE(parse_http_url("http://h/a b"));
  auto base = *parse_http_url("http://h:81/a/b");
  CHECK(xstatic::util::resolve_location(base, "/c")->str() == "http://h:81/c");
  CHECK(xstatic::util::resolve_location(base, "http://other/d")->str() == "http://other/d");
  CHECK_FALSE(xstatic::util::resolve_location(base, "https://other/d"));
  CHECK_FALSE(xstatic::util::resolve_location(base, "//other/d"));
}

TEST_CASE("http_proxy: the forms curl accepts, credentials kept apart from the address") {
  using xstatic::util::choose_proxy;
  auto url = *xstatic::util::parse_http_url("http://deb.example.test/debian/dists/bookworm/InRelease");
  auto p = choose_proxy(url, "http://proxy.corp.test:3128", "");
  REQUIRE(p);
  CHECK(p->at.host == "proxy.corp.test");
  CHECK(p->at.port == "3128");
  CHECK(p->credentials.empty());
  CHECK(p->source == "http_proxy");
  p = choose_proxy(url, " proxy.corp.test:8080/ ", "", "HTTP_PROXY");
  REQUIRE(p);
  CHECK(p->at.port == "8080");
  CHECK(p->source == "HTTP_PROXY");
  p = choose_proxy(url, "HTTP://proxy.corp.test", "");  // no port: curl's 1080
  REQUIRE(p);
  CHECK(p->at.port == "1080");
  p = choose_proxy(url, "http://[::1]:3128", "");
  REQUIRE(p);
  CHECK(p->at.host == "::1");
  CHECK(p->at.port == "3128");
  // user:password@, %-escaped, the last @ ending them; never part of the address.
  p = choose_proxy(url, "http://build%40corp:p%3Ass@w@proxy.corp.test:3128", "");
  REQUIRE(p);
  CHECK(p->credentials == "build@corp:p:ss@w");
  CHECK(p->at.host == "proxy.corp.test");
  CHECK(p->at.str().find("build") == std::string::npos);
  CHECK_FALSE(choose_proxy(url, "", ""));
  CHECK_FALSE(choose_proxy(url, "   ", ""));
}

TEST_CASE("no_proxy: *, the host, a domain it is in; nothing else") {
  using xstatic::util::choose_proxy;
  auto url = *xstatic::util::parse_http_url("http://Deb.Example.TEST:8080/debian/");
  const char* proxy = "http://proxy.test:3128";
  CHECK_FALSE(choose_proxy(url, proxy, "*"));
  CHECK_FALSE(choose_proxy(url, proxy, "localhost, deb.example.test"));
  CHECK_FALSE(choose_proxy(url, proxy, "example.test"));
  CHECK_FALSE(choose_proxy(url, proxy, ".example.test"));
  CHECK_FALSE(choose_proxy(url, proxy, "EXAMPLE.test:80"));
  CHECK(choose_proxy(url, proxy, "ample.test"));  // a suffix that is not a domain
  CHECK(choose_proxy(url, proxy, "other.test,,localhost"));
  CHECK(choose_proxy(url, proxy, "deb.example.test.evil"));
  auto v6 = *xstatic::util::parse_http_url("http://[::1]:8080/");
  CHECK_FALSE(choose_proxy(v6, proxy, "[::1]:8080"));
  CHECK_FALSE(choose_proxy(v6, proxy, "::1"));
}

TEST_CASE("a malformed http_proxy is a usage error naming the variable, never a silent direct fetch") {
  using xstatic::util::choose_proxy;
  auto url = *xstatic::util::parse_http_url("http://deb.example.test/");
  for (const char* bad : {"https://proxy.test:3128", "socks5://proxy.test:1080", "http://proxy.test:99999",
                          "http://:3128", "http://u%zz@proxy.test:3128", "http://proxy test:3128"}) {
    CAPTURE(bad);
    try {
      choose_proxy(url, bad, "", "HTTP_PROXY");
      FAIL("accepted");
    } catch (const xstatic::Error& e) {
      CHECK(std::string(e.what()).starts_with("HTTP_PROXY is not a usable proxy"));
      CHECK(e.code() == xstatic::Exit::usage);
    }
  }
}
