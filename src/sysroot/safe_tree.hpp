// Writing untrusted archive members (from .deb files and imported sysroots)
// into one folder so that nothing lands outside it.
//
// The rules, checked before anything is written:
//   - a member path is relative, without '..' components ("./usr/x" -> "usr/x");
//   - every folder on the way is walked with openat(O_NOFOLLOW) from the root's
//     file descriptor, so a symlink planted by an earlier member cannot redirect
//     a later write (the classic tar escape), and the process's cwd is unused;
//   - a symlink target is either absolute (then read as relative to the root,
//     like in a chroot, and rewritten relative) or some '..' then a downward
//     path, never climbing above the root from the link's own folder. Since no
//     written folder is a symlink, such a target cannot leave the root;
//   - a hard link must name a member path that obeys the first rule.
// Violations throw xstatic::Error whose text is the reason; callers add the
// package and member names.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace xstatic::sysroot {

// "./usr/include/x.h" -> "usr/include/x.h"; nullopt for the root itself ("./").
// Throws for absolute paths and '..' components.
std::optional<std::string> clean_member(std::string_view name);

// The root-relative path a symlink at `link` (clean) pointing to `target`
// resolves to. Throws when it would leave the root.
std::string resolve_link(std::string_view link, std::string_view target);

// The relative target that makes a symlink at `link` point to `dest` (both root-relative).
std::string relative_target(std::string_view link, std::string_view dest);

class SafeTree {
 public:
  explicit SafeTree(const std::filesystem::path& root);
  ~SafeTree();
  SafeTree(const SafeTree&) = delete;
  SafeTree& operator=(const SafeTree&) = delete;

  void make_dir(const std::string& rel, mode_t mode);
  // Creates (replacing a file or link of that name) a file; returns a writable fd the caller closes.
  int create_file(const std::string& rel, mode_t mode);
  void make_symlink(const std::string& rel, const std::string& target);
  void make_hardlink(const std::string& rel, const std::string& existing);
  void set_mtime(const std::string& rel, time_t mtime);
  const std::filesystem::path& root() const { return root_; }

 private:
  int parent_dir(const std::string& rel, bool create, std::string* leaf);
  int open_dir(const std::string& rel, bool create);
  std::filesystem::path root_;
  int root_fd_ = -1;
  std::string cached_rel_;  // the last folder walked, whose fd is cached_fd_
  int cached_fd_ = -1;
};

}  // namespace xstatic::sysroot
