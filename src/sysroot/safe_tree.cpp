#include "safe_tree.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "xstatic/util/error.hpp"
#include "xstatic/util/files.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

[[noreturn]] void refuse(const std::string& why) {
  throw Error(why, {}, Exit::usage);
}

// `root` is the tree's folder: a write that ran out of space says where.
[[noreturn]] void io_error(const std::filesystem::path& root, const std::string& what,
                           const std::string& rel) {
  if (util::is_no_space(errno)) throw util::no_space_error(root / rel);
  throw Error(what + " " + rel + ": " + std::strerror(errno), {}, Exit::internal);
}

// Components of a relative path, dropping empty and "." ones.
std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> out;
  for (auto c : util::split(path, '/'))
    if (!c.empty() && c != ".") out.push_back(c);
  return out;
}

std::string join_parts(const std::vector<std::string_view>& parts, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out += '/';
    out += parts[i];
  }
  return out;
}

}  // namespace

std::optional<std::string> clean_member(std::string_view name) {
  if (util::starts_with(name, "/")) refuse("absolute path");
  auto parts = components(name);
  for (auto c : parts)
    if (c == "..") refuse("path with a '..' component");
  if (parts.empty()) return std::nullopt;
  return join_parts(parts, parts.size());
}

std::string resolve_link(std::string_view link, std::string_view target) {
  if (target.empty()) refuse("symlink with an empty target");
  std::vector<std::string_view> base;
  if (!util::starts_with(target, "/")) {
    base = components(link);
    base.pop_back();  // the link's own folder
  }
  bool descending = false;
  for (auto c : components(target)) {
    if (c != "..") {
      descending = true;
      base.push_back(c);
      continue;
    }
    // '..' after a downward step could climb out through another symlink.
    if (descending || base.empty())
      refuse("symlink pointing outside the sysroot (" + std::string(target) + ")");
    base.pop_back();
  }
  return join_parts(base, base.size());
}

std::string relative_target(std::string_view link, std::string_view dest) {
  auto from = components(link);
  from.pop_back();
  auto to = components(dest);
  std::size_t common = 0;
  while (common < from.size() && common < to.size() && from[common] == to[common]) ++common;
  std::string out;
  for (std::size_t i = common; i < from.size(); ++i) out += "../";
  for (std::size_t i = common; i < to.size(); ++i) {
    out += to[i];
    if (i + 1 < to.size()) out += '/';
  }
  if (out.empty()) return ".";
  if (out.back() == '/') out.pop_back();
  return out;
}

SafeTree::SafeTree(const std::filesystem::path& root) : root_(root) {
  root_fd_ = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root_fd_ < 0) io_error(root_, "cannot open", root.string());
}

SafeTree::~SafeTree() {
  if (cached_fd_ >= 0) ::close(cached_fd_);
  if (root_fd_ >= 0) ::close(root_fd_);
}

// Walks `rel` (clean) from the root, never following a symlink. The returned
// fd is owned by the cache (valid until the next call).
int SafeTree::open_dir(const std::string& rel, bool create) {
  if (rel.empty()) return root_fd_;
  if (cached_fd_ >= 0 && rel == cached_rel_) return cached_fd_;
  int fd = ::dup(root_fd_);
  for (auto part : components(rel)) {
    std::string name(part);
    int next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0 && errno == ENOENT && create) {
      if (::mkdirat(fd, name.c_str(), 0755) != 0 && errno != EEXIST) {
        ::close(fd);
        io_error(root_, "cannot create folder", rel);
      }
      next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    int err = errno;
    ::close(fd);
    if (next < 0) {
      if (err == ELOOP || err == ENOTDIR) refuse("path through a symlink or file (" + rel + ")");
      errno = err;
      io_error(root_, "cannot open folder", rel);
    }
    fd = next;
  }
  if (cached_fd_ >= 0) ::close(cached_fd_);
  cached_fd_ = fd;
  cached_rel_ = rel;
  return fd;
}

int SafeTree::parent_dir(const std::string& rel, bool create, std::string* leaf) {
  auto slash = rel.rfind('/');
  *leaf = slash == std::string::npos ? rel : rel.substr(slash + 1);
  return open_dir(slash == std::string::npos ? std::string() : rel.substr(0, slash), create);
}

void SafeTree::make_dir(const std::string& rel, mode_t mode) {
  int fd = open_dir(rel, true);
  ::fchmod(fd, (mode & 0777) | 0700);
}

// Replaces a file or symlink of that name (a later package may overwrite an
// earlier one's file) but never a folder.
static void unlink_existing(int dir, const std::string& leaf, const std::string& rel) {
  if (::unlinkat(dir, leaf.c_str(), 0) == 0 || errno == ENOENT) return;
  if (errno == EISDIR) refuse("member would replace the folder " + rel);
  io_error({}, "cannot replace", rel);
}

int SafeTree::create_file(const std::string& rel, mode_t mode) {
  std::string leaf;
  int dir = parent_dir(rel, true, &leaf);
  unlink_existing(dir, leaf, rel);
  int fd =
      ::openat(dir, leaf.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, (mode & 0777) | 0600);
  if (fd < 0) io_error(root_, "cannot create", rel);
  return fd;
}

void SafeTree::make_symlink(const std::string& rel, const std::string& target) {
  std::string leaf;
  int dir = parent_dir(rel, true, &leaf);
  unlink_existing(dir, leaf, rel);
  if (::symlinkat(target.c_str(), dir, leaf.c_str()) != 0) io_error(root_, "cannot create symlink", rel);
}

void SafeTree::make_hardlink(const std::string& rel, const std::string& existing) {
  std::string src_leaf, leaf;
  int src_dir = parent_dir(existing, false, &src_leaf);
  // A hard link to a symlink is a second symlink with the same text in
  // another folder, where a relative target may lead elsewhere (outside the
  // root): make a symlink that points where the original does instead.
  struct stat st{};
  if (::fstatat(src_dir, src_leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
    std::string target(static_cast<std::size_t>(st.st_size) + 1, '\0');
    ssize_t n = ::readlinkat(src_dir, src_leaf.c_str(), target.data(), target.size());
    if (n < 0 || static_cast<std::size_t>(n) >= target.size())
      io_error(root_, "cannot read symlink", existing);
    target.resize(static_cast<std::size_t>(n));
    make_symlink(rel, relative_target(rel, resolve_link(existing, target)));
    return;
  }
  int src = ::dup(src_dir);
  int dir = parent_dir(rel, true, &leaf);
  unlink_existing(dir, leaf, rel);
  int rc = ::linkat(src, src_leaf.c_str(), dir, leaf.c_str(), 0);
  int err = errno;
  ::close(src);
  errno = err;
  if (rc != 0) io_error(root_, "cannot create hard link", rel);
}

void SafeTree::set_mtime(const std::string& rel, time_t mtime) {
  std::string leaf;
  int dir = parent_dir(rel, false, &leaf);
  struct timespec times[2] = {{mtime, 0}, {mtime, 0}};
  ::utimensat(dir, leaf.c_str(), times, AT_SYMLINK_NOFOLLOW);
}

}  // namespace xstatic::sysroot
