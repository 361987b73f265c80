// This link's folder of files xstatic writes: the C start files and the
// script that drops .comment (the why and the measurements:
// include/xstatic/driver/link_files.hpp).
#include "xstatic/driver/link_files.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "xstatic/driver/sbom.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::driver {
namespace {

// Libraries that bring C++ code, whose objects may need more of gcc's
// crtbegin than __dso_handle: the link keeps gcc's files, as a C++ link does.
constexpr std::string_view kCxxRuntimeLibs[] = {"c++", "c++abi", "stdc++", "supc++", "unwind"};

// lld reads an INSERT script as additions to its default layout, which stays.
constexpr std::string_view kNoCommentText = "SECTIONS { /DISCARD/ : { *(.comment) } } INSERT AFTER .text;\n";

bool write_whole(const std::filesystem::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out.flush());
}

bool strips_all(const Invocation& inv) {
  return inv.own.strip == Strip::all || (inv.own.strip == Strip::automatic && !inv.debug_info);
}

}  // namespace

bool wants_c_startfiles(const Invocation& inv, const Plan& plan) {
  if (plan.language != Language::c || inv.mode != Mode::link || !plan.sysroot) return false;
  if (!target::libc_info(plan.target.libc).link.c_startfiles || libc_dynamic(inv)) return false;
  if (inv.inputs == 0 || inv.no_start_files || inv.other_linker) return false;
  return std::none_of(inv.libraries.begin(), inv.libraries.end(), [](const std::string& l) {
    return std::find(std::begin(kCxxRuntimeLibs), std::end(kCxxRuntimeLibs), l) != std::end(kCxxRuntimeLibs);
  });
}

bool wants_comment_dropped(const Invocation& inv, const Plan& plan) {
  if (inv.mode != Mode::link && inv.mode != Mode::shared) return false;
  if (!target::libc_info(plan.target.libc).link.drops_comment) return false;
  if (inv.inputs == 0 || inv.other_linker || inv.linker_script || !strips_all(inv)) return false;
  return output_of(inv, plan.target) != "/dev/null";
}

void write_link_files(const Invocation& inv, Plan& plan) {
  namespace fs = std::filesystem;
  bool startfiles = wants_c_startfiles(inv, plan), no_comment = wants_comment_dropped(inv, plan);
  if (!startfiles && !no_comment) return;
  std::string tmpl = util::getenv_nonempty("TMPDIR").value_or("/tmp") + "/xstatic-link-XXXXXX";
  if (!::mkdtemp(tmpl.data())) return;
  fs::path dir = tmpl;
  bool ok = true;
  if (startfiles) {
    const auto& row = *plan.target.row;
    std::uint32_t flags = sysroot_elf_flags(*plan.sysroot, row);
    std::string begin = startfile_object(row, flags, true), end = startfile_object(row, flags, false);
    // crtbeginT/crtend for -static, crtbeginS/crtendS for -static-pie.
    for (const char* name : {"crtbeginT.o", "crtbeginS.o"}) ok = ok && write_whole(dir / name, begin);
    for (const char* name : {"crtend.o", "crtendS.o"}) ok = ok && write_whole(dir / name, end);
  }
  if (no_comment) ok = ok && write_whole(dir / kNoCommentScript, kNoCommentText);
  if (!ok) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    return;
  }
  plan.link_files = dir.string();
  plan.c_startfiles = startfiles;
  plan.drops_comment = no_comment;
}

}  // namespace xstatic::driver
