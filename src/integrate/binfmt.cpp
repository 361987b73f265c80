// Registering qemu-user with binfmt_misc (see xstatic/integrate/binfmt.hpp).
#include "xstatic/integrate/binfmt.hpp"

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "xstatic/integrate/toolset.hpp"
#include "xstatic/target/os.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::integrate {
namespace {

namespace fs = std::filesystem;

// "qemu-aarch64-static" -> "qemu-aarch64"
std::string emulator_name(std::string_view qemu) {
  std::string name(qemu);
  if (name.ends_with("-static")) name.resize(name.size() - 7);
  return name;
}

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) (out += digits[c >> 4]) += digits[c & 15];
  return out;
}

// x86 hosts run i386 code natively: a handler for it would send every
// 32-bit program on the machine through qemu.
bool host_runs(const target::Target& t) {
  if (runs_natively(t)) return true;
  auto host = target::host();
  return host.row->goarch == "amd64" && t.row->goarch == "386";
}

std::string errno_text() {
  return std::strerror(errno);
}

// One write(2) of the whole text: binfmt_misc parses each write as one request.
bool write_proc(const fs::path& file, const std::string& text) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  ssize_t n = ::write(fd, text.data(), text.size());
  int saved = errno;
  ::close(fd);
  errno = saved;
  return n == static_cast<ssize_t>(text.size());
}

std::optional<BinfmtEntry> read_entry(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return parse_binfmt_entry(text.str());
}

bool mounted(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "register", ec);
}

void need_root(std::string_view what) {
  if (::geteuid() == 0) return;
  throw Error("binfmt " + std::string(what) + " needs root: it writes to the kernel's binfmt_misc",
              "run it as root: sudo xstatic binfmt " + std::string(what) + " ...", Exit::usage);
}

void ensure_mounted(const fs::path& dir) {
  if (mounted(dir)) return;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (::mount("binfmt_misc", dir.c_str(), "binfmt_misc", 0, nullptr) != 0)
    throw Error("cannot mount binfmt_misc on " + dir.string() + ": " + errno_text() +
                    " (a container without CAP_SYS_ADMIN, or a kernel without CONFIG_BINFMT_MISC)",
                "run the container with --privileged, or run 'sudo xstatic binfmt install' on the host, "
                "whose handlers (registered with the F flag) containers share",
                Exit::missing);
  if (!mounted(dir))
    throw Error("binfmt_misc mounted on " + dir.string() + " but it has no register file", {}, Exit::missing);
}

std::vector<BinfmtHandler> handlers_for(const std::vector<target::Target>& targets) {
  std::vector<BinfmtHandler> out;
  for (const auto& t : targets) {
    std::string qemu(t.row->qemu);
    auto path = qemu.empty() ? std::nullopt : util::find_program(qemu);
    auto h = binfmt_handler(t, path.value_or("/usr/bin/" + qemu));
    bool seen = false;
    for (const auto& o : out) seen = seen || o.name == h.name;
    if (!seen) out.push_back(std::move(h));
  }
  return out;
}

}  // namespace

BinfmtHandler binfmt_handler(const target::Target& t, std::string interpreter) {
  if (t.row->format != target::ObjectFormat::elf || t.row->qemu.empty())
    throw Error("no qemu-user emulator runs " + t.go_name() + " binaries",
                "binfmt handlers exist for Linux targets", Exit::usage);
  if (host_runs(t))
    throw Error(t.go_name() + " binaries run natively on this host: no handler needed", {}, Exit::usage);
  BinfmtHandler h;
  h.target = t;
  h.name = "xstatic-" + emulator_name(t.row->qemu);
  h.interpreter = std::move(interpreter);
  bool le = t.row->little_endian;
  auto half = [le](unsigned v) {
    std::string two{static_cast<char>(v & 0xff), static_cast<char>(v >> 8)};
    if (!le) std::swap(two[0], two[1]);
    return two;
  };
  // e_ident: magic, class, data, version, OS ABI (any), padding; then e_type, e_machine.
  const std::string elf_magic = {'\x7f', 'E', 'L', 'F'};
  h.magic = elf_magic + static_cast<char>(t.row->is_64bit ? 2 : 1) + static_cast<char>(le ? 1 : 2) + '\x01' +
            std::string(9, '\0') + half(2) + half(t.row->elf_machine);
  h.mask = std::string(7, '\xff') + '\0' + std::string(8, '\xff') + half(0xfffe) + std::string(2, '\xff');
  return h;
}

std::string binfmt_register_line(const BinfmtHandler& h) {
  auto escaped = [](const std::string& bytes) {
    std::string out;
    for (char c : bytes) out += "\\x" + hex(std::string(1, c));
    return out;
  };
  return ":" + h.name + ":M:0:" + escaped(h.magic) + ":" + escaped(h.mask) + ":" + h.interpreter + ":" +
         h.flags;
}

std::optional<BinfmtEntry> parse_binfmt_entry(std::string_view text) {
  BinfmtEntry e;
  bool magic = false;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    auto value = [&](std::string_view key) { return line.substr(key.size()); };
    if (line == "enabled")
      e.enabled = true;
    else if (line.starts_with("interpreter "))
      e.interpreter = value("interpreter ");
    else if (line.starts_with("flags: "))
      e.flags = value("flags: ");
    else if (line.starts_with("flags:"))
      e.flags = value("flags:");
    else if (line.starts_with("magic "))
      e.magic_hex = value("magic "), magic = true;
    else if (line.starts_with("mask "))
      e.mask_hex = value("mask ");
  }
  if (!magic) return std::nullopt;
  return e;
}

bool binfmt_same_magic(const BinfmtEntry& entry, const BinfmtHandler& h) {
  return entry.magic_hex == hex(h.magic);
}

bool binfmt_matches(const BinfmtEntry& entry, const BinfmtHandler& h) {
  return entry.enabled && binfmt_same_magic(entry, h) && entry.mask_hex == hex(h.mask) &&
         entry.interpreter == h.interpreter && entry.flags == h.flags;
}

std::vector<target::Target> binfmt_default_targets() {
  std::vector<target::Target> out;
  std::vector<std::string_view> seen;
  for (const auto& row : target::table()) {
    if (!target::os_info(row).linux_kernel || row.qemu.empty() || !row.default_variant) continue;
    target::Target t{&row, target::default_libc(row)};
    if (host_runs(t) || std::find(seen.begin(), seen.end(), row.qemu) != seen.end()) continue;
    seen.push_back(row.qemu);
    out.push_back(t);
  }
  return out;
}

std::vector<std::string> binfmt_install(const std::vector<target::Target>& targets, const fs::path& dir) {
  auto handlers = handlers_for(targets);
  need_root("install");
  for (const auto& h : handlers)
    if (::access(h.interpreter.c_str(), X_OK) != 0)
      throw Error(h.interpreter + " (the emulator for " + h.target.go_name() + ") is not installed",
                  "sudo apt-get install qemu-user-static", Exit::missing);
  ensure_mounted(dir);
  std::vector<std::string> done;
  for (const auto& h : handlers) {
    auto current = read_entry(dir / h.name);
    if (current && binfmt_matches(*current, h)) {
      done.push_back(h.target.go_name() + ": " + h.name + " already registered (" + h.interpreter + ")");
      continue;
    }
    if (current && !write_proc(dir / h.name, "-1"))  // stale (another qemu path, other flags): replace it
      throw Error("cannot remove the stale binfmt handler " + (dir / h.name).string() + ": " + errno_text(),
                  {}, Exit::failed);
    if (!write_proc(dir / "register", binfmt_register_line(h)))
      throw Error(
          "the kernel refused the binfmt handler for " + h.target.go_name() + " (" +
              (dir / "register").string() + "): " + errno_text(),
          errno == EPERM || errno == EACCES || errno == EROFS
              ? "this container may not change binfmt_misc: run 'sudo xstatic binfmt install' on the host"
              : "check 'dmesg' for the kernel's reason",
          Exit::failed);
    done.push_back(h.target.go_name() + ": registered " + h.name + " -> " + h.interpreter + " (flags " +
                   h.flags + ")");
  }
  return done;
}

std::vector<std::string> binfmt_remove(const std::vector<target::Target>& targets, const fs::path& dir) {
  std::vector<std::string> names;
  if (targets.empty()) {
    std::error_code ec;
    if (mounted(dir))
      for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().filename().string().starts_with("xstatic-"))
          names.push_back(e.path().filename().string());
  } else {
    for (const auto& h : handlers_for(targets)) names.push_back(h.name);
  }
  std::vector<std::string> done;
  for (const auto& name : names) {
    std::error_code ec;
    if (!fs::exists(dir / name, ec)) {
      done.push_back(name + ": not registered");
      continue;
    }
    need_root("remove");
    if (!write_proc(dir / name, "-1"))
      throw Error("cannot remove the binfmt handler " + (dir / name).string() + ": " + errno_text(), {},
                  Exit::failed);
    done.push_back(name + ": removed");
  }
  if (names.empty()) done.push_back("no handler of xstatic is registered");
  return done;
}

std::vector<std::string> binfmt_status(const std::vector<target::Target>& targets, const fs::path& dir) {
  if (!mounted(dir))
    return {"binfmt_misc is not mounted on " + dir.string() +
            ": nothing is registered ('sudo xstatic binfmt "
            "install' mounts it)"};
  std::vector<std::pair<std::string, BinfmtEntry>> entries;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (auto entry = read_entry(e.path())) entries.emplace_back(e.path().filename().string(), *entry);
  std::vector<std::string> lines;
  for (const auto& h : handlers_for(targets)) {
    std::string line = h.target.go_name() + ": ";
    std::string found;
    for (const auto& [name, entry] : entries) {
      if (!binfmt_same_magic(entry, h)) continue;
      if (!found.empty()) found += "; ";
      found += name + " -> " + entry.interpreter + " (flags " + (entry.flags.empty() ? "none" : entry.flags) +
               (entry.enabled ? "" : ", disabled") + ")";
    }
    lines.push_back(line + (found.empty() ? "not registered" : found));
  }
  return lines;
}

}  // namespace xstatic::integrate
