// llvm-ar and llvm-ranlib inside the bundle: what LLVM's llvm-ar tool
// (llvm/tools/llvm-ar/llvm-ar.cpp, not in Debian's libraries) does for the
// commands build systems run, on the same library call (llvm::writeArchive,
// libLLVMObject.a), so an archive is byte for byte the one llvm-ar-19 makes.
//
// Kept: the operations r (replace or insert), q (append), d (delete),
// t (list), x (extract), p (print) and s alone (symbol table), with the
// modifiers c, s, S, D (the default), U, u and v; `--format=gnu|bsd|darwin`;
// @response files. ranlib: -D, -U. That is what CMake (`qc`/`Dqc`, `q`,
// ranlib -D), autotools and libtool (`cr`, `cru`), and xstatic itself
// (`rcsD`) run. Refused with a message naming LLVM's llvm-ar: thin archives,
// m (move), the a/b/i position modifiers, N, O, P, T, L, -M scripts,
// llvm-lib and llvm-dlltool.
#include <llvm/Config/llvm-config.h>
#include <llvm/Object/Archive.h>
#include <llvm/Object/ArchiveWriter.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/StringSaver.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bundle/internal.hpp"

namespace xstatic::bundle {
namespace {

template <typename T>
T ar_take(llvm::Expected<T> value, const std::string& context) {
  if (!value) tool_fail(context + ": " + llvm::toString(value.takeError()));
  return std::move(*value);
}

// --format=NAME ("default": the host's, as llvm-ar picks it).
constexpr std::pair<llvm::StringLiteral, llvm::object::Archive::Kind> kFormats[] = {
    {"gnu", llvm::object::Archive::K_GNU},
    {"bsd", llvm::object::Archive::K_BSD},
    {"darwin", llvm::object::Archive::K_DARWIN},
};

std::optional<llvm::object::Archive::Kind> format_named(llvm::StringRef name) {
  for (const auto& [format, kind] : kFormats)
    if (name == format) return kind;
  if (name != "default") tool_fail("invalid format " + name.str());
  return std::nullopt;
}

enum class ArOp { none, replace, quick_append, remove, list, extract, print, symtab };

struct ArCall {
  ArOp op = ArOp::none;
  bool create = false;        // c: no warning when the archive is new
  bool deterministic = true;  // D (llvm-ar's default) / U
  bool only_update = false;   // u
  bool verbose = false;       // v
  llvm::SymtabWritingMode symtab = llvm::SymtabWritingMode::NormalSymtab;  // s / S
  std::optional<llvm::object::Archive::Kind> format;                       // --format
  std::string archive;
  std::vector<std::string> members;  // the files (or member names) after the archive
};

void set_op(ArCall& call, ArOp op) {
  if (call.op != ArOp::none && call.op != ArOp::symtab)
    tool_fail("only one operation may be given (r, q, d, t, x, p)");
  call.op = op;
}

void read_letters(ArCall& call, llvm::StringRef letters) {
  for (char c : letters) {
    switch (c) {
      case 'r':
        set_op(call, ArOp::replace);
        break;
      case 'q':
        set_op(call, ArOp::quick_append);
        break;
      case 'd':
        set_op(call, ArOp::remove);
        break;
      case 't':
        set_op(call, ArOp::list);
        break;
      case 'x':
        set_op(call, ArOp::extract);
        break;
      case 'p':
        set_op(call, ArOp::print);
        break;
      case 's':
        if (call.op == ArOp::none) call.op = ArOp::symtab;
        call.symtab = llvm::SymtabWritingMode::NormalSymtab;
        break;
      case 'S':
        call.symtab = llvm::SymtabWritingMode::NoSymtab;
        break;
      case 'c':
        call.create = true;
        break;
      case 'D':
        call.deterministic = true;
        break;
      case 'U':
        call.deterministic = false;
        break;
      case 'u':
        call.only_update = true;
        break;
      case 'v':
        call.verbose = true;
        break;
      default:
        tool_fail(std::string("the bundle's llvm-ar does not support '") + c +
                  "' (it keeps r, q, d, t, x, p, s and the modifiers c, D, U, u, v, S): use LLVM's llvm-ar");
    }
  }
}

ArCall parse_ar(llvm::ArrayRef<const char*> args) {
  ArCall call;
  bool letters_read = false;
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    llvm::StringRef arg(args[i]);
    if (arg == "--") {
      for (++i; i < args.size(); ++i) positional.emplace_back(args[i]);
      break;
    }
    if (arg.consume_front("--format=")) {
      call.format = format_named(arg);
      continue;
    }
    if (arg.starts_with("--plugin") || arg.starts_with("--rsp-quoting")) {
      if (!arg.contains('=')) ++i;  // its value is the next argument
      continue;
    }
    if (arg == "--thin" || arg == "-M")
      tool_fail(arg.str() + " is not supported by the bundle's llvm-ar: use LLVM's llvm-ar");
    if (!letters_read && (arg.starts_with("-") ? arg.size() > 1 : true)) {
      read_letters(call, arg.starts_with("-") ? arg.drop_front() : arg);
      letters_read = true;
      continue;
    }
    if (arg.starts_with("-") && arg.size() > 1) {
      read_letters(call, arg.drop_front());
      continue;
    }
    positional.emplace_back(arg);
  }
  if (call.op == ArOp::none) tool_fail("no operation given (r, q, d, t, x, p or s)");
  if (positional.empty()) tool_fail("an archive name must be given");
  call.archive = positional.front();
  call.members.assign(positional.begin() + 1, positional.end());
  return call;
}

// The archive as it is on disk, if there is one.
struct OldArchive {
  std::unique_ptr<llvm::MemoryBuffer> buffer;
  std::unique_ptr<llvm::object::Archive> archive;
};

std::optional<OldArchive> open_archive(const std::string& path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) {
    if (buffer.getError() == std::errc::no_such_file_or_directory) return std::nullopt;
    tool_fail("unable to open '" + path + "': " + buffer.getError().message());
  }
  OldArchive old;
  old.buffer = std::move(*buffer);
  old.archive =
      ar_take(llvm::object::Archive::create(old.buffer->getMemBufferRef()), "unable to load '" + path + "'");
  if (old.archive->isThin())
    tool_fail("'" + path +
              "' is a thin archive, which the bundle's llvm-ar does not edit: use LLVM's llvm-ar");
  return old;
}

// The archive an operation reads: it must exist.
OldArchive existing_archive(const std::string& path) {
  auto old = open_archive(path);
  if (!old) tool_fail("unable to load '" + path + "': no such file or directory");
  return std::move(*old);
}

llvm::NewArchiveMember new_member(const std::string& file, bool deterministic) {
  auto member = ar_take(llvm::NewArchiveMember::getFile(file, deterministic), file);
  member.MemberName = llvm::sys::path::filename(member.MemberName);
  return member;
}

// llvm-ar compares member names by their base name (path components dropped).
bool same_member(llvm::StringRef member_name, llvm::StringRef file) {
  return member_name == llvm::sys::path::filename(file);
}

// Whether `file` is newer than the member it would replace (u).
bool newer_than(const std::string& file, const llvm::object::Archive::Child& child) {
  llvm::sys::fs::file_status status;
  if (auto ec = llvm::sys::fs::status(file, status)) tool_fail(file + ": " + ec.message());
  auto member_time = ar_take(child.getLastModified(), file);
  return !(status.getLastModificationTime() < member_time);
}

std::vector<llvm::NewArchiveMember> new_members(const ArCall& call, const std::optional<OldArchive>& old) {
  std::vector<llvm::NewArchiveMember> out;
  std::vector<std::string> pending = call.members;
  if (old) {
    llvm::Error err = llvm::Error::success();
    for (const auto& child : old->archive->children(err)) {
      auto name = ar_take(child.getName(), call.archive);
      auto match = pending.end();
      if (call.op != ArOp::quick_append)
        for (auto it = pending.begin(); it != pending.end(); ++it)
          if (same_member(name, *it)) {
            match = it;
            break;
          }
      if (match == pending.end() ||
          (call.op == ArOp::replace && call.only_update && !newer_than(*match, child))) {
        out.push_back(ar_take(llvm::NewArchiveMember::getOldMember(child, call.deterministic), call.archive));
      } else if (call.op == ArOp::replace) {
        if (call.verbose) llvm::outs() << "r - " << *match << "\n";
        out.push_back(new_member(*match, call.deterministic));
      }  // else: d drops it
      if (match != pending.end()) pending.erase(match);
    }
    tool_check(std::move(err), call.archive);
  }
  if (call.op == ArOp::remove) return out;
  for (const auto& file : pending) {
    if (call.verbose) llvm::outs() << "a - " << file << "\n";
    out.push_back(new_member(file, call.deterministic));
  }
  return out;
}

llvm::object::Archive::Kind archive_kind(const ArCall& call, const std::optional<OldArchive>& old,
                                         const std::vector<llvm::NewArchiveMember>& members) {
  if (call.format) return *call.format;
  if (old) {
    auto kind = old->archive->kind();
    if (kind == llvm::object::Archive::K_BSD && !members.empty() &&
        members.front().detectKindFromObject() == llvm::object::Archive::K_DARWIN)
      return llvm::object::Archive::K_DARWIN;
    return kind;
  }
  return members.empty() ? llvm::object::Archive::getDefaultKind() : members.front().detectKindFromObject();
}

void ar_write(const ArCall& call, std::optional<OldArchive> old) {
  auto members = new_members(call, old);
  auto kind = archive_kind(call, old, members);
  std::unique_ptr<llvm::MemoryBuffer> old_buffer = old ? std::move(old->buffer) : nullptr;
  tool_check(llvm::writeArchive(call.archive, members, call.symtab, kind, call.deterministic, /*Thin=*/false,
                                std::move(old_buffer)),
             call.archive);
}

bool wanted(const ArCall& call, llvm::StringRef name) {
  if (call.members.empty()) return true;
  for (const auto& m : call.members)
    if (same_member(name, m)) return true;
  return false;
}

void ar_read(const ArCall& call, const OldArchive& old) {
  llvm::Error err = llvm::Error::success();
  for (const auto& child : old.archive->children(err)) {
    auto name = ar_take(child.getName(), call.archive);
    if (!wanted(call, name)) continue;
    if (call.op == ArOp::list) {
      llvm::outs() << name << "\n";
      continue;
    }
    auto data = ar_take(child.getBuffer(), call.archive);
    if (call.op == ArOp::print) {
      llvm::outs() << data;
      continue;
    }
    if (call.verbose) llvm::outs() << "x - " << name << "\n";
    auto mode = ar_take(child.getAccessMode(), call.archive);
    std::error_code ec;
    llvm::raw_fd_ostream out(name, ec, llvm::sys::fs::OF_None);
    if (ec) tool_fail("cannot write '" + name.str() + "': " + ec.message());
    out << data;
    out.close();
    llvm::sys::fs::setPermissions(name, static_cast<llvm::sys::fs::perms>(mode & 0777));
  }
  tool_check(std::move(err), call.archive);
}

// s and ranlib, as llvm-ar: an archive that has a symbol table keeps it.
void ensure_symtab(const ArCall& call, OldArchive old) {
  if (!old.archive->hasSymbolTable()) ar_write(call, std::move(old));
}

int run_ar(llvm::ArrayRef<const char*> args) {
  ArCall call = parse_ar(args);
  switch (call.op) {
    case ArOp::list:
    case ArOp::extract:
    case ArOp::print:
      ar_read(call, existing_archive(call.archive));
      return 0;
    case ArOp::symtab:
      ensure_symtab(call, existing_archive(call.archive));
      return 0;
    case ArOp::remove:
      ar_write(call, existing_archive(call.archive));
      return 0;
    default: {
      auto old = open_archive(call.archive);
      if (!old && !call.create) llvm::errs() << "warning: creating " << call.archive << "\n";
      ar_write(call, std::move(old));
      return 0;
    }
  }
}

int run_ranlib(llvm::ArrayRef<const char*> args) {
  ArCall call;
  call.op = ArOp::symtab;
  std::vector<std::string> archives;
  for (llvm::StringRef arg : args) {
    if (arg.consume_front("-")) {
      for (char c : arg) {
        if (c == 'D')
          call.deterministic = true;
        else if (c == 'U')
          call.deterministic = false;
        else
          tool_fail(std::string("invalid option: '-") + c + "'");
      }
      continue;
    }
    archives.emplace_back(arg);
  }
  if (archives.empty()) tool_fail("an archive name must be specified");
  for (const auto& a : archives) {
    call.archive = a;
    ensure_symtab(call, existing_archive(a));
  }
  return 0;
}

}  // namespace

int ar_main(int argc, char** argv, bool ranlib) {
  llvm::InitLLVM init(argc, argv);
  // The symbol table of a bitcode member (-flto objects) needs the targets.
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmParsers();
  const char* tool = ranlib ? "llvm-ranlib" : "llvm-ar";
  llvm::BumpPtrAllocator alloc;
  llvm::StringSaver saver(alloc);
  llvm::SmallVector<const char*, 0> args(argv + 1, argv + argc);
  if (!llvm::cl::ExpandResponseFiles(saver, llvm::cl::TokenizeGNUCommandLine, args)) {
    llvm::errs() << tool << ": error: cannot read a response file\n";
    return 1;
  }
  for (llvm::StringRef a : args)
    if (a == "--version" || (ranlib && a == "-v")) {
      llvm::outs() << tool << " (xstatic bundle), LLVM version " << LLVM_VERSION_STRING << "\n";
      return 0;
    }
  try {
    return ranlib ? run_ranlib(args) : run_ar(args);
  } catch (const ToolFailure& failure) {
    llvm::errs() << tool << ": error: " << failure.message << "\n";
    return 1;
  }
}

}  // namespace xstatic::bundle
