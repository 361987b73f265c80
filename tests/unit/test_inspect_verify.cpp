#include <doctest/doctest.h>
#include <llvm/Support/ErrorHandling.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <string>
#include <utility>

#include "inspect/guard.hpp"
#include "xstatic/inspect/report.hpp"
#include "xstatic/inspect/verify_report.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::inspect;

namespace {

Report elf(Linkage linkage, FileType file_type = FileType::executable) {
  Report r;
  r.path = "app";
  r.format = target::ObjectFormat::elf;
  r.format_name = "elf64-x86-64";
  r.arch = "x86_64";
  r.elf_machine = 62;  // EM_X86_64
  r.bits = 64;
  r.target = "linux/amd64";
  r.linkage = linkage;
  r.file_type = file_type;
  r.stripped = true;
  return r;
}

}  // namespace

TEST_CASE("verify names what a dynamic ELF file needs, in one line") {
  auto r = elf(Linkage::dynamic);
  r.needed = {"libc.so.6"};
  r.interpreter = "/lib/ld-linux-aarch64.so.1";
  auto v = verify_report(r, Policy{});
  CHECK_FALSE(v.ok);
  REQUIRE(v.failures.size() == 1);
  CHECK(v.failures[0] == "dynamic: needs libc.so.6 (interpreter /lib/ld-linux-aarch64.so.1)");
}

TEST_CASE("static and static-pie executables pass --static; objects and shared objects do not") {
  CHECK(verify_report(elf(Linkage::fully_static), Policy{}).ok);
  CHECK(verify_report(elf(Linkage::static_pie, FileType::static_pie), Policy{}).ok);
  CHECK_FALSE(verify_report(elf(Linkage::none, FileType::object), Policy{}).ok);
  CHECK_FALSE(verify_report(elf(Linkage::dynamic, FileType::shared_object), Policy{}).ok);
  Policy lax;
  lax.require_static = false;
  CHECK(verify_report(elf(Linkage::dynamic), lax).ok);
}

TEST_CASE("hazards fail the policy unless allowed, then they are warnings") {
  auto r = elf(Linkage::fully_static);
  r.hazards.push_back({HazardKind::nss, "static glibc carries NSS"});
  auto strict = verify_report(r, Policy{});
  CHECK_FALSE(strict.ok);
  CHECK(strict.failures.at(0) == "hazard: static glibc carries NSS");
  Policy allow;
  allow.allow_hazards = true;
  auto lax = verify_report(r, allow);
  CHECK(lax.ok);
  CHECK(lax.warnings.at(0) == "hazard: static glibc carries NSS");
  REQUIRE(lax.hazards.size() == 1);  // the driver reads the kind, never the prose
  CHECK(lax.hazards[0].kind == HazardKind::nss);
  CHECK(strict.hazards.size() == 1);
}

TEST_CASE("the target policy compares machine, class and endianness, and a known libc") {
  Policy p;
  p.target = target::parse("linux/arm64");
  auto v = verify_report(elf(Linkage::fully_static), p);
  CHECK_FALSE(v.ok);
  CHECK(v.failures.at(0) == "target: is linux/amd64 (elf64-x86-64), expected linux/arm64");
  p.target = target::parse("linux/amd64/v3");  // a GOAMD64 level is the same machine
  CHECK(verify_report(elf(Linkage::fully_static), p).ok);
  auto glibc = elf(Linkage::fully_static);
  glibc.libc = target::Libc::glibc;
  p.target = target::parse("linux/amd64");  // musl by default
  CHECK(verify_report(glibc, p).failures.at(0) == "libc: is glibc, expected musl");
}

TEST_CASE("a policy without check_libc (a Go-style target) accepts any libc of the right machine") {
  Policy p;
  p.target = target::parse("linux/amd64");
  p.check_libc = false;
  auto glibc = elf(Linkage::fully_static);
  glibc.libc = target::Libc::glibc;
  CHECK(verify_report(glibc, p).ok);
  p.target = target::parse("linux/arm64");  // the machine is still checked
  CHECK_FALSE(verify_report(glibc, p).ok);
}

TEST_CASE("stripped policy lists what is left") {
  auto r = elf(Linkage::fully_static);
  r.stripped = false;
  r.has_symtab = true;
  r.symbol_count = 12;
  Policy p;
  p.require_stripped = true;
  CHECK(verify_report(r, p).failures.at(0) == "not stripped: has a symbol table (12 symbols)");
}

TEST_CASE("a universal binary meets a target through its matching slice") {
  Report fat;
  fat.path = "app";
  fat.format = target::ObjectFormat::macho;
  fat.universal = true;
  for (auto [arch, tgt] : {std::pair{"x86_64", "darwin/amd64"}, std::pair{"aarch64", "darwin/arm64"}}) {
    Report s;
    s.format = target::ObjectFormat::macho;
    s.arch = arch;
    s.target = tgt;
    s.linkage = Linkage::fully_static;
    s.file_type = FileType::executable;
    s.stripped = true;
    fat.slices.push_back(s);
  }
  Policy p;
  p.target = target::parse("darwin/arm64");
  CHECK(verify_report(fat, p).ok);
  fat.slices[1].linkage = Linkage::dynamic;
  fat.slices[1].dylibs = {{"/usr/local/lib/libfoo.dylib", "load", false}};
  CHECK(verify_report(fat, p).failures.at(0) == "slice aarch64: dynamic: links /usr/local/lib/libfoo.dylib");
  p.target = target::parse("linux/arm64");
  CHECK(verify_report(fat, p).failures.at(0) == "target: no linux/arm64 slice in the universal binary");
}

// Runs fn in a child process; returns its exit status and what it wrote on stderr.
static std::pair<int, std::string> in_child(void (*fn)()) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(fds[1], 2);
    fn();
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string err;
  char buf[512];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) err.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), err};
}

TEST_CASE(
    "a fatal LLVM error while reading a file ends the process with one line naming it, never resuming") {
  auto [code, err] = in_child([] {
    std::string file = "app.macho";
    inspect::detail::FatalErrorScope scope(file);
    llvm::report_fatal_error("Malformed MachO file.");
  });
  CHECK(code == 2);
  CHECK(err == "xstatic: error: app.macho: malformed file: Malformed MachO file.\n");
}

TEST_CASE("nested fatal error scopes name the innermost file and remove the handler at the end") {
  auto [code, err] = in_child([] {
    std::string outer = "outer", inner = "inner";
    inspect::detail::FatalErrorScope a(outer);
    {
      inspect::detail::FatalErrorScope b(inner);
    }
    llvm::report_fatal_error("late");
  });
  CHECK(code == 2);
  CHECK(err.find("outer: malformed file: late") != std::string::npos);
  // Outside every scope LLVM's own handling applies again (it prints and exits 1).
  auto [code2, err2] = in_child([] {
    {
      std::string f = "f";
      inspect::detail::FatalErrorScope a(f);
    }
    llvm::report_fatal_error("unguarded", /*gen_crash_diag=*/false);
  });
  CHECK(code2 == 1);
  CHECK(err2.find("xstatic: error") == std::string::npos);
}

TEST_CASE("the inspector has no SIGSEGV or SIGBUS handler of its own while it reads") {
  struct sigaction before{}, during{};
  ::sigaction(SIGSEGV, nullptr, &before);
  std::string f = "f";
  {
    inspect::detail::FatalErrorScope scope(f);
    ::sigaction(SIGSEGV, nullptr, &during);
  }
  CHECK(reinterpret_cast<std::uintptr_t>(during.sa_handler) ==
        reinterpret_cast<std::uintptr_t>(before.sa_handler));
}

TEST_CASE("devices and directories are refused, not read forever") {
  CHECK_THROWS_WITH_AS(inspect_file("/dev/zero"), "/dev/zero: cannot read: not a regular file", Error);
  CHECK_THROWS_AS(inspect_file("/"), Error);
  CHECK_THROWS_WITH_AS(inspect_file("/nonexistent/app"), doctest::Contains("/nonexistent/app: cannot read:"),
                       Error);
}

TEST_CASE("garbage is an error for that file, never a crash") {
  for (std::string bytes : {std::string(),
                            std::string("\x7f"
                                        "ELF"),
                            std::string("\x7f"
                                        "ELF\x02\x01\x01",
                                        7) +
                                std::string(20, '\0'),
                            std::string("\xcf\xfa\xed\xfe", 4) + std::string(40, '\xff'),
                            std::string("MZ") + std::string(100, 'A'), std::string("not a binary at all")}) {
    try {
      inspect_bytes(bytes, "blob");
      FAIL("accepted garbage");
    } catch (const Error& e) {
      CHECK(std::string(e.what()).rfind("blob: ", 0) == 0);
      CHECK(e.code() == Exit::usage);
    }
  }
}

TEST_CASE("a bare ELF header (ET_NONE, no segments) is reported, not rejected") {
  auto r = inspect_bytes(std::string("\x7f"
                                     "ELF\x02\x01\x01",
                                     7) +
                             std::string(64, '\0'),
                         "bare");
  CHECK(r.format == target::ObjectFormat::elf);
  CHECK(r.file_type == FileType::other);
  CHECK(r.linkage == Linkage::none);
  CHECK_FALSE(verify_report(r, Policy{}).ok);
}

TEST_CASE("a report of an unknown machine never verifies ok, whatever the policy") {
  Report r = elf(Linkage::fully_static);
  r.arch = "unknown";
  r.target.reset();
  r.stripped = true;
  Policy none;
  auto v = verify_report(r, none);
  CHECK_FALSE(v.ok);
  CHECK(v.failures.at(0) == "machine: unknown");
  r.arch.clear();
  CHECK_FALSE(verify_report(r, none).ok);
  r.arch = "x86_64";
  CHECK(verify_report(r, none).ok);
}
