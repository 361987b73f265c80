// See link_files.hpp.
#include "link_files.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "xstatic/driver/link_record.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::driver {

std::optional<std::string> why_extract_file(const Invocation& inv, const target::Target& t) {
  if (inv.mode != Mode::link || inv.other_linker) return std::nullopt;
  bool record = t.row->format == target::ObjectFormat::elf && link_record_dir();
  if (!target::libc_info(t.libc).static_hazards && !record) return std::nullopt;
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
  ::unlink(plan.why_extract->c_str());
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

void remove_link_temporaries(const Plan& plan) {
  if (plan.why_extract) ::unlink(plan.why_extract->c_str());
  if (plan.sbom_object) ::unlink(plan.sbom_object->c_str());
}

}  // namespace xstatic::driver
