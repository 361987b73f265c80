// The lock-and-rename protocol shared by install, import and remove (see
// xstatic/sysroot/install.hpp).
#pragma once

#include <filesystem>
#include <string>

#include "xstatic/store/store.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::sysroot {

namespace fs = std::filesystem;

class Transaction {
 public:
  // Takes the sysroot's lock (reporting a wait on `progress`) and removes the
  // leftovers of killed runs. `parent` is the folder the result goes into
  // (default: the store's sysroots folder; imported macOS SDKs use sdks/).
  Transaction(const store::Store& store, const std::string& name, util::Progress& progress,
              const fs::path& parent = {});
  ~Transaction();  // removes the work folder unless committed
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  const fs::path& final_path() const { return final_; }
  // A new, empty folder beside the final place to build into.
  const fs::path& work_dir();
  // Moves the work folder into place, replacing what was there.
  void commit();
  // Moves the installed sysroot aside and deletes it.
  void remove_installed();

 private:
  fs::path aside(const char* why) const;
  fs::path final_;
  fs::path work_;
  bool committed_ = false;
  util::FileLock lock_;
};

}  // namespace xstatic::sysroot
