// Every row of the target table agrees with llvm::Triple and with itself.
#include <doctest/doctest.h>
#include <llvm/TargetParser/Triple.h>

#include <set>

#include "xstatic/target/libc.hpp"
#include "xstatic/target/os.hpp"
#include "xstatic/target/target.hpp"

using namespace xstatic::target;

namespace {

llvm::Triple::ArchType expected_arch(std::string_view goarch) {
  if (goarch == "amd64") return llvm::Triple::x86_64;
  if (goarch == "386") return llvm::Triple::x86;
  if (goarch == "arm64") return llvm::Triple::aarch64;
  if (goarch == "arm") return llvm::Triple::arm;
  if (goarch == "mips64le") return llvm::Triple::mips64el;
  if (goarch == "mipsle") return llvm::Triple::mipsel;
  if (goarch == "ppc64le") return llvm::Triple::ppc64le;
  if (goarch == "s390x") return llvm::Triple::systemz;
  if (goarch == "wasm") return llvm::Triple::wasm32;
  return llvm::Triple::UnknownArch;
}

}  // namespace

TEST_CASE("every row's triples normalise and agree with the row") {
  for (const auto& row : table()) {
    for (auto [triple, libc] :
         {std::pair{row.triple_musl, Libc::musl}, std::pair{row.triple_gnu, Libc::glibc}}) {
      if (triple.empty()) continue;
      CAPTURE(triple);
      llvm::Triple t(llvm::Triple::normalize(std::string(triple)));
      CHECK(t.getArch() == expected_arch(row.goarch));
      CHECK(t.isArch64Bit() == row.is_64bit);
      CHECK(t.isLittleEndian() == row.little_endian);
      if (row.goos == "linux") {
        CHECK(t.isOSLinux());
        if (libc == Libc::musl) CHECK(t.isMusl());
        if (libc == Libc::glibc) CHECK(t.isGNUEnvironment());
      }
      if (row.goos == "windows") CHECK(t.isWindowsGNUEnvironment());
      if (row.goos == "darwin") CHECK(t.isMacOSX());
      if (row.goos == "wasip1") CHECK(t.isOSWASI());
    }
  }
}

TEST_CASE("every row parses back from its own Go name and triples") {
  for (const auto& row : table()) {
    for (Libc libc : {Libc::musl, Libc::glibc, Libc::mingw, Libc::darwin, Libc::wasi}) {
      if (!(row.libcs & libc_bit(libc))) continue;
      Target t{&row, libc};
      CAPTURE(t.go_name());
      CAPTURE(t.libc_name());
      CHECK(parse(t.go_name(), libc) == t);
      // The triple names the libc by itself, and finds the same row unless
      // variants share a triple (amd64 v1-v4 and armel v5/v6 map to their default).
      Target from_triple = parse(t.triple());
      CHECK(from_triple.libc == libc);
      CHECK(from_triple.row->goarch == row.goarch);
      CHECK(from_triple.row->goos == row.goos);
    }
  }
}

TEST_CASE("the table is consistent") {
  std::set<std::string> names;
  for (const auto& row : table()) {
    CAPTURE(row.goarch);
    Target t{&row, default_libc(row)};
    CHECK(names.insert(t.go_name()).second);  // no duplicate names
    CHECK(row.libcs != 0);
    CHECK((row.languages & kC) != 0);
    if (row.format == ObjectFormat::elf) {
      CHECK(row.elf_machine != 0);
      CHECK(!row.debian_arch.empty());
      CHECK(!row.qemu.empty());
      CHECK((row.libcs & kMusl) != 0);
    } else {
      CHECK(row.elf_machine == 0);
    }
  }
  // Exactly one default row per GOOS/GOARCH.
  for (const auto& row : table()) {
    int defaults = 0;
    for (const auto& other : table())
      if (other.goos == row.goos && other.goarch == row.goarch && other.default_variant) ++defaults;
    CHECK(defaults == 1);
  }
}

TEST_CASE("ELF headers map back to their rows") {
  CHECK(find_by_elf(183, true, true)->goarch == "arm64");
  CHECK(find_by_elf(62, true, true)->variant == "v1");
  CHECK(find_by_elf(40, false, true)->variant == "v7");
  CHECK(find_by_elf(22, true, false)->goarch == "s390x");
  CHECK(find_by_elf(8, false, true)->goarch == "mipsle");
  CHECK(find_by_elf(8, true, true)->goarch == "mips64le");
  CHECK(find_by_elf(183, true, false) == nullptr);
}

TEST_CASE("every libc has its row, in enumeration order, and its name parses back") {
  REQUIRE(libcs().size() == 5);
  for (std::size_t i = 0; i < libcs().size(); ++i) {
    auto libc = static_cast<Libc>(i);
    const LibcInfo& info = libc_info(libc);
    CAPTURE(info.name);
    CHECK(info.libc == libc);
    CHECK(&libcs()[i] == &info);
    CHECK(libc_name(libc) == info.name);
    CHECK(parse_libc(info.name) == libc);
    CHECK_FALSE(info.linker.empty());
    CHECK_FALSE(info.default_output.empty());
    CHECK_FALSE(info.link.gc.empty());
    CHECK(info.link.strip_all.empty() == info.link.strip_debug.empty());
  }
  CHECK(libc_info(Libc::musl).name == "musl");
  CHECK(libc_info(Libc::wasi).name == "wasi");
  CHECK(parse_libc("gnu") == Libc::glibc);
  CHECK_FALSE(parse_libc("uclibc"));
}

TEST_CASE("the table's libc bits are the libc rows' bits, and every libc has a target") {
  CHECK(libc_bit(Libc::musl) == kMusl);
  CHECK(libc_bit(Libc::glibc) == kGlibc);
  CHECK(libc_bit(Libc::mingw) == kMingw);
  CHECK(libc_bit(Libc::darwin) == kDarwin);
  CHECK(libc_bit(Libc::wasi) == kWasi);
  std::uint8_t known = 0, used = 0;
  for (const auto& info : libcs()) known |= libc_bit(info.libc);
  for (const auto& row : table()) used |= row.libcs;
  CHECK(used == known);
}

TEST_CASE("the libc facts the sysroot, runtimes and inspect code rely on") {
  const auto &musl = libc_info(Libc::musl), &glibc = libc_info(Libc::glibc), &mingw = libc_info(Libc::mingw),
             &darwin = libc_info(Libc::darwin), &wasi = libc_info(Libc::wasi);
  // Sysroots from recipes: sysroots/musl.json, glibc.json, wasi.json; mingw's is Debian's, darwin's the
  // user's SDK.
  CHECK(musl.sysroot == SysrootSource::recipe);
  CHECK(glibc.sysroot == SysrootSource::recipe);
  CHECK(wasi.sysroot == SysrootSource::recipe);
  CHECK(mingw.sysroot == SysrootSource::system);
  CHECK(darwin.sysroot == SysrootSource::sdk);
  // A recipe's install command is made from the target; the others' is the row's.
  for (const auto& info : libcs())
    CHECK(info.install_hint.empty() == (info.sysroot == SysrootSource::recipe));
  // musl's triples are the table's musl column; every other libc's is the gnu (or only) one.
  for (const auto& info : libcs()) CHECK(info.musl_triple == (info.libc == Libc::musl));
  // 'sysroot add' explains musl's refusal and names glibc; xstatic's routines replace musl's alone.
  for (const auto& info : libcs()) {
    CHECK(info.glibc_twin == (info.libc == Libc::musl));
    CHECK(info.libc_routines == (info.libc == Libc::musl));
  }
  // --max-glibc and --glibc floors: glibc alone.
  for (const auto& info : libcs()) CHECK(info.release_floors == (info.libc == Libc::glibc));
  // Only glibc sysroots take Debian's library packages ('sysroot add').
  for (const auto& info : libcs()) CHECK(info.adds_debian_packages == (info.libc == Libc::glibc));
  // libc++ and mimalloc are built by xstatic for musl alone.
  for (const auto& info : libcs()) {
    CHECK(info.builds_cxx_runtimes == (info.libc == Libc::musl));
    CHECK(info.mimalloc == (info.libc == Libc::musl));
  }
  CHECK(glibc.cxx_runtime == "libstdc++");
  // What inspect calls each libc's own malloc, and how it tells a dynamic ELF program's libc.
  CHECK(musl.malloc == "musl");
  CHECK(glibc.malloc == "glibc");
  CHECK(mingw.malloc.empty());
  CHECK(musl.interpreter == "ld-musl");
  CHECK(glibc.interpreter == "ld-linux");
  CHECK(glibc.shared_libc == "libc.so.6");
  CHECK(musl.shared_libc.empty());
  // Static glibc may pull in NSS and dlopen; the driver asks lld why only there.
  for (const auto& info : libcs()) CHECK(info.static_hazards == (info.libc == Libc::glibc));
  // WASI: no exceptions in its libc++, no threads; every other libc has both.
  CHECK_FALSE(wasi.cxx_exceptions);
  CHECK_FALSE(wasi.threads);
  for (const auto& info : libcs())
    if (info.libc != Libc::wasi) CHECK((info.cxx_exceptions && info.threads));
}

TEST_CASE("the libc facts the link line relies on") {
  const auto &musl = libc_info(Libc::musl), &glibc = libc_info(Libc::glibc), &mingw = libc_info(Libc::mingw),
             &darwin = libc_info(Libc::darwin), &wasi = libc_info(Libc::wasi);
  // -static-pie only where static linking is an ELF executable's choice.
  for (const auto& info : libcs())
    CHECK(info.link.static_pie == (info.libc == Libc::musl || info.libc == Libc::glibc));
  CHECK(mingw.link.static_flag);
  CHECK(mingw.link.static_dll);
  CHECK_FALSE(darwin.link.static_flag);  // macOS cannot link statically
  CHECK_FALSE(wasi.link.static_flag);    // always static
  CHECK_FALSE(wasi.link.fuse_lld);       // clang already runs wasm-ld
  CHECK(darwin.link.gc == "-Wl,-dead_strip");
  CHECK(darwin.link.strip_all == "-Wl,-S,-x");  // ld64 has no -s
  CHECK(musl.link.strip_all == "-s");
  CHECK(musl.linker == "ld.lld");
  CHECK(glibc.linker == "ld.lld");
  CHECK(mingw.linker == "ld.lld");
  CHECK(darwin.linker == "ld64.lld");
  CHECK(wasi.linker == "wasm-ld");
  CHECK(mingw.default_output == "a.exe");
  CHECK(wasi.default_output == "a.wasm");
  CHECK(musl.default_output == "a.out");
  // The lld a link finds and names with --ld-path: ld64.lld for Mach-O (always named), ld.lld else.
  for (const auto& info : libcs()) {
    CAPTURE(info.name);
    CHECK(info.link.lld == (info.libc == Libc::darwin ? "ld64.lld" : "ld.lld"));
    CHECK(info.link.ld_path_always == (info.libc == Libc::darwin));
    // An SDK's sysroot (-isysroot) and the -mmacos-version-min flag go together.
    CHECK(info.min_os_flag == (info.sysroot == SysrootSource::sdk));
  }
  // WASI links name their output and default libraries; mingw's use the posix gcc folder and drop
  // GNU ld's flags; only WASI's failed check has a hint of its own.
  for (const auto& info : libcs()) {
    CAPTURE(info.name);
    CHECK(info.names_output == (info.libc == Libc::wasi));
    CHECK(info.names_default_libs == (info.libc == Libc::wasi));
    CHECK(info.verify_hint.empty() == (info.libc != Libc::wasi));
    CHECK(info.gcc_posix_dir == (info.libc == Libc::mingw));
    CHECK(info.drops_gnu_ld_flags == (info.libc == Libc::mingw));
  }
}

TEST_CASE("every row's operating system has one row of facts, and the facts hold together") {
  for (const auto& row : xstatic::target::table()) {
    const auto& os = xstatic::target::os_info(row);
    CHECK(os.goos == row.goos);
    // Only Linux rows have Debian sysroots and qemu-user runners; Windows rows alone run under wine.
    if (os.debian_multiarch) CHECK_FALSE(row.debian_arch.empty());
    if (!row.qemu.empty()) CHECK(os.linux_kernel);
    CHECK((os.runner == xstatic::target::Runner::wine) == (row.libcs == xstatic::target::kMingw));
    CHECK((os.runner == xstatic::target::Runner::wasi) == (row.libcs == xstatic::target::kWasi));
    CHECK(os.windows_tools == (os.runner == xstatic::target::Runner::wine));
    CHECK(os.cmake_executable_suffix.empty() == (row.libcs != xstatic::target::kWasi));
    CHECK(os.zip_archives == (row.format == xstatic::target::ObjectFormat::coff));
    CHECK(os.linux_kernel == (row.format == xstatic::target::ObjectFormat::elf));
  }
  for (const auto& os : xstatic::target::oses()) {
    bool used = false;
    for (const auto& row : xstatic::target::table()) used = used || row.goos == os.goos;
    CHECK_MESSAGE(used, os.goos << " has a row but no target");
  }
  CHECK(xstatic::target::os_info(*xstatic::target::parse("wasip1/wasm").row).cmake_system == "WASI");
  CHECK(xstatic::target::os_info(*xstatic::target::parse("linux/arm64").row).static_only);
}
