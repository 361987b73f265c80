#include "transaction.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cctype>
#include <system_error>

#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

// Holding the lock means no live process works on `name`: every
// .tmp-<name>-<pid>[-why] folder is a leftover of a killed run.
void remove_leftovers(const fs::path& sysroots, const std::string& name) {
  std::error_code ec;
  std::string prefix = store::Store::temp_prefix(name);
  for (const auto& e : fs::directory_iterator(sysroots, ec)) {
    std::string f = e.path().filename().string();
    if (util::starts_with(f, prefix) && f.size() > prefix.size() &&
        std::isdigit(static_cast<unsigned char>(f[prefix.size()])))
      fs::remove_all(e.path(), ec);
  }
}

fs::path prepare(const store::Store& store, const fs::path& parent, const std::string& name) {
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec)
    throw Error("cannot create " + parent.string() + ": " + ec.message(),
                "choose a writable store with --store DIR or XSTATIC_HOME", Exit::usage);
  return store.locks_dir() / (name + ".lock");
}

}  // namespace

Transaction::Transaction(const store::Store& store, const std::string& name, util::Progress& progress,
                         const fs::path& parent)
    : final_((parent.empty() ? store.sysroots_dir() : parent) / name),
      lock_(prepare(store, final_.parent_path(), name),
            [&] { progress.step("waiting for another install of " + name); }) {
  remove_leftovers(final_.parent_path(), name);
}

fs::path Transaction::aside(const char* why) const {
  return final_.parent_path() / (store::Store::temp_name(final_.filename().string()) + why);
}

const fs::path& Transaction::work_dir() {
  if (work_.empty()) {
    work_ = aside("");
    std::error_code ec;
    fs::create_directories(work_, ec);
    if (ec)
      throw Error("cannot write to " + final_.parent_path().string() + ": " + ec.message(),
                  "choose a writable store with --store DIR or XSTATIC_HOME", Exit::usage);
  }
  return work_;
}

void Transaction::commit() {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(final_, ec))) {
    // Swap the two folders in one step (Linux 3.15+, renameat2(2)), so that
    // compilers using the old sysroot never see it missing; then delete the old one.
    if (::renameat2(AT_FDCWD, work_.c_str(), AT_FDCWD, final_.c_str(), RENAME_EXCHANGE) == 0) {
      committed_ = true;
      fs::remove_all(work_, ec);
      return;
    }
    fs::path old = aside("-old");  // a file system without RENAME_EXCHANGE: two renames
    fs::rename(final_, old);
    fs::rename(work_, final_);
    fs::remove_all(old, ec);
  } else {
    fs::rename(work_, final_);
  }
  committed_ = true;
}

void Transaction::remove_installed() {
  fs::path old = aside("-remove");
  fs::rename(final_, old);
  std::error_code ec;
  fs::remove_all(old, ec);
}

Transaction::~Transaction() {
  if (committed_ || work_.empty()) return;
  std::error_code ec;
  fs::remove_all(work_, ec);
}

}  // namespace xstatic::sysroot
