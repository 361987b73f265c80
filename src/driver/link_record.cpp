// Link records for the release's SBOM (see xstatic/driver/link_record.hpp).
#include "xstatic/driver/link_record.hpp"

#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <tuple>

#include "xstatic/util/json.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::driver {
namespace fs = std::filesystem;

std::optional<fs::path> link_record_dir() {
  auto v = util::getenv_nonempty(kLinkRecordVar);
  if (!v) return std::nullopt;
  return fs::path(*v);
}

namespace {

constexpr std::string_view kReportHeader = "reference\textracted\tsymbol";

// "path/libfoo.a(member.o)" -> "path/libfoo.a"; nullopt for another column
// value (an object, "<internal>", "--entry"). The member's name may itself
// hold '(' (never a path's end).
std::optional<std::string_view> archive_of_member(std::string_view column) {
  if (column.empty() || column.back() != ')') return std::nullopt;
  auto open = column.rfind(".a(");
  if (open == std::string_view::npos) open = column.rfind(".lib(");
  if (open == std::string_view::npos) return std::nullopt;
  return column.substr(0, column.find('(', open));
}

// The archives of the report's lines, columns `first` to `last` (0: reference,
// 1: extracted), absolute. A report names a few archives on hundreds of lines:
// the texts are made unique before any becomes a path.
std::vector<fs::path> archives_in_columns(std::string_view report, const fs::path& cwd, std::size_t first,
                                          std::size_t last) {
  std::vector<std::string_view> names;
  std::size_t at = report.find('\n');  // past the header line, "reference\textracted\tsymbol"
  while (at != std::string_view::npos && at < report.size()) {
    std::size_t end = report.find('\n', at + 1);
    std::string_view line = report.substr(at + 1, end == std::string_view::npos ? end : end - at - 1);
    at = end;
    // No vector per line: a link's report has hundreds of lines (two columns are read).
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::size_t tab2 = line.find('\t', tab + 1);
    std::string_view columns[2] = {
        line.substr(0, tab),
        line.substr(tab + 1, tab2 == std::string_view::npos ? std::string_view::npos : tab2 - tab - 1)};
    for (std::size_t i = first; i <= last; ++i)
      if (auto archive = archive_of_member(columns[i]);
          archive && (names.empty() || names.back() != *archive))
        names.push_back(*archive);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<fs::path> out;
  for (auto name : names) {
    fs::path archive(name);
    if (archive.is_relative()) archive = cwd / archive;
    out.push_back(archive.lexically_normal());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<fs::path> extracted_archives(std::string_view report, const fs::path& cwd) {
  return archives_in_columns(report, cwd, 1, 1);
}

std::optional<std::vector<fs::path>> linked_archives(std::string_view report, const fs::path& cwd) {
  auto first_line = report.substr(0, report.find('\n'));
  if (!first_line.empty() && first_line.back() == '\r') first_line.remove_suffix(1);
  if (first_line != kReportHeader) return std::nullopt;
  return archives_in_columns(report, cwd, 0, 1);
}

void write_link_record(const fs::path& dir, const LinkRecord& record) {
  static std::atomic<unsigned> counter{0};
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string base = "link-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  fs::path tmp = dir / ("." + base + ".tmp"), final_path = dir / (base + ".json");
  {
    std::string text = util::json_text([&](llvm::json::OStream& j) {
      j.object([&] {
        j.attribute("output", record.output.string());
        j.attributeArray("archives", [&] {
          for (const auto& a : record.archives) j.value(a.string());
        });
      });
    });
    std::ofstream out(tmp, std::ios::trunc);
    out << text << "\n";
    if (!out) return;
  }
  fs::rename(tmp, final_path, ec);
  if (ec) fs::remove(tmp, ec);
}

std::vector<LinkRecord> read_link_records(const fs::path& dir) {
  struct Found {
    fs::file_time_type time;
    std::string file;
    LinkRecord record;
  };
  std::vector<Found> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    auto parsed = llvm::json::parse(ss.str());
    if (!parsed) {
      llvm::toString(parsed.takeError());  // the reason is not needed: not a record
      continue;
    }
    const auto* obj = parsed->getAsObject();
    if (!obj) continue;
    LinkRecord r;
    if (auto o = obj->getString("output")) r.output = o->str();
    if (const auto* list = obj->getArray("archives"))
      for (const auto& v : *list)
        if (auto s = v.getAsString()) r.archives.emplace_back(s->str());
    if (r.output.empty()) continue;
    found.push_back({e.last_write_time(ec), e.path().filename().string(), std::move(r)});
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return std::tie(a.time, a.file) < std::tie(b.time, b.file); });
  std::vector<LinkRecord> out;
  for (auto& f : found) out.push_back(std::move(f.record));
  return out;
}

}  // namespace xstatic::driver
