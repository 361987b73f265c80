#include "post_link.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "xstatic/driver/link_files.hpp"
#include "xstatic/driver/link_record.hpp"
#include "xstatic/inspect/verify.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/sysroot/install.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/progress.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::driver {
namespace {

// --link=libc-dynamic: the policy of `verify --max-glibc FLOOR` (NEEDED only
// glibc's own libraries, PT_INTERP the standard loader, no symbol version
// above the floor), in place of "static". Hazards do not apply: NSS and
// dlopen are the system glibc's own business in a dynamic program.
bool verify_libc_dynamic(const std::string& output, const target::Target& t) {
  auto floor = target::glibc_floor_of(t);
  inspect::Policy policy;
  policy.target = t;
  policy.require_static = false;
  policy.allow_hazards = true;
  policy.max_glibc = std::string(*floor);
  auto verdict = inspect::verify_file(output, policy);
  if (verdict.ok) return false;
  std::error_code ec;
  std::filesystem::remove(output, ec);  // leave no wrong file for make to find up to date next time
  throw Error(output + " does not run on glibc " + std::string(*floor) + " (" + t.describe() +
                  ", --link=libc-dynamic): " + util::join(verdict.failures, "; ") + " (the file was removed)",
              "build against that floor's sysroot (--glibc " + std::string(*floor) +
                  ": its headers lack what is newer), link the other libraries statically, or pass "
                  "--no-verify to keep such a file",
              Exit::failed);
}

}  // namespace

bool may_have_static_hazards(const Invocation& inv, const target::Target& t) {
  return target::libc_info(t.libc).static_hazards && !libc_dynamic(inv);
}

// Static glibc's other hazard notes (every static glibc program carries
// gconv and _dl_open) are not repeated on each link: `xstatic inspect` shows them.
bool verify_output(const Invocation& inv, const target::Target& t) {
  std::string output = output_of(inv, t);
  // Build systems probe whether a link works with -o /dev/null: nothing to check there.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(output, ec)) return false;
  if (libc_dynamic(inv) && inv.mode == Mode::link) return verify_libc_dynamic(output, t);
  inspect::Policy policy;
  policy.target = t;
  policy.require_static = inv.mode == Mode::link;  // PE: only Windows DLLs; Mach-O: only libSystem
  policy.allow_hazards = true;  // static glibc's NSS use is a warning here (warn_glibc_hazards)
  auto verdict = inspect::verify_file(output, policy);
  if (verdict.ok) {
    return std::any_of(verdict.hazards.begin(), verdict.hazards.end(),
                       [](const inspect::Hazard& h) { return h.kind == inspect::HazardKind::nss; });
  }
  std::filesystem::remove(output, ec);  // leave no wrong file for make to find up to date next time
  throw Error(
      output + " is not a " + std::string(inv.mode == Mode::link ? "static " : "") + t.describe() +
          " binary: " + util::join(verdict.failures, "; ") + " (the file was removed)",
      !target::libc_info(t.libc).verify_hint.empty()
          ? std::string(target::libc_info(t.libc).verify_hint)
          : "remove what makes the link dynamic (-Wl,-Bdynamic, shared libraries), or pass --no-verify "
            "to keep such a file",
      Exit::failed);
}

std::optional<std::string> why_extract_file(const Invocation& inv, const target::Target& t, bool for_sbom) {
  if (inv.other_linker) return std::nullopt;
  bool link = inv.mode == Mode::link;
  bool record = link && t.row->format == target::ObjectFormat::elf && link_record_dir();
  bool sbom = for_sbom && (link || inv.mode == Mode::shared);
  if (!(link && may_have_static_hazards(inv, t)) && !record && !sbom) return std::nullopt;
  std::string tmpl = util::getenv_nonempty("TMPDIR").value_or("/tmp") + "/xstatic-why-XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return std::nullopt;  // only the warning is lost
  ::close(fd);
  return tmpl;
}

std::string take_why_extract(const Plan& plan) {
  if (!plan.why_extract) return {};
  std::stringstream text;
  text << std::ifstream(*plan.why_extract).rdbuf();
  return text.str();
}

void record_link(const Invocation& inv, const Plan& plan, std::string_view report) {
  namespace fs = std::filesystem;
  auto dir = link_record_dir();
  if (!dir || !plan.why_extract) return;
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path output = fs::path(output_of(inv, plan.target));
  if (!fs::is_regular_file(output, ec)) return;  // -o /dev/null: a probe
  write_link_record(*dir, {fs::absolute(output, ec).lexically_normal(), extracted_archives(report, cwd)});
}

// After a failed link only (never on the compile path): a sysroot made by an
// older recipe may lack files the link needs (musl's crtbeginS.o for -shared
// and -pie), which clang reports as "cannot open ..." with no reason given.
void note_outdated_sysroot(const Plan& plan, util::Progress& progress) {
  if (!plan.sysroot || !sysroot::is_provisioned_by_xstatic(plan.target)) return;
  auto m = sysroot::try_read_manifest(*plan.sysroot / store::kManifestName);
  if (!m || sysroot::is_current(*m)) return;
  progress.note("the sysroot for " + plan.target.describe() +
                " was installed from an older recipe and may lack files this link needs; update it: " +
                sysroot::upgrade_command(*m, plan.target));
}

// WASI lacks two things C++ programs reach for (docs/wasm.md): exceptions
// (Debian's libc++ for wasm32 is built without them) and threads
// (wasm32-wasip1 has none). Said once per call, only when the user asks for them.
void warn_wasi_limits(const Invocation& inv, const target::Target& t, util::Progress& progress) {
  const auto& libc = target::libc_info(t.libc);
  if (libc.cxx_exceptions && libc.threads) return;
  if (!libc.cxx_exceptions && inv.exceptions)
    progress.warning(t.go_name() +
                     " has no C++ exceptions (WASI's libc++ is built without them): a program that throws "
                     "fails to link (undefined __cxa_throw); drop -fexceptions");
  if (!libc.threads && inv.threads)
    progress.warning(t.go_name() +
                     " has no threads (wasm32-wasip1): std::thread and pthread_create are not there");
}

// After a failed WASI link: the usual cause is code built with exceptions.
void note_wasi_exceptions(const Plan& plan, const std::string& linker_errors, util::Progress& progress) {
  if (target::libc_info(plan.target.libc).cxx_exceptions || linker_errors.find("__cxa_") == std::string::npos)
    return;
  progress.note(plan.target.go_name() +
                " has no C++ exceptions (WASI's libc++ is built without them): build every object with "
                "-fno-exceptions (xstatic adds it) and do not throw");
}

}  // namespace xstatic::driver
