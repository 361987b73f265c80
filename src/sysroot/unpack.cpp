#include "unpack.hpp"

#include "xstatic/util/error.hpp"
#include "xstatic/util/files.hpp"

namespace xstatic::sysroot {

std::vector<PackageInfo> unpack_debs(const std::vector<std::filesystem::path>& debs,
                                     const std::vector<std::string>& names, const std::string& arch,
                                     const std::filesystem::path& work, const Recipe& recipe,
                                     const std::function<std::string(std::size_t)>& label,
                                     util::Progress& progress) {
  auto place = [&](const std::string& member) { return recipe.place(member); };
  std::vector<PackageInfo> out;
  std::uintmax_t unpacked = 0;  // dpkg's estimate of the packages' installed sizes, for a full disk
  for (std::size_t i = 0; i < debs.size(); ++i) {
    progress.step(label(i));
    PackageInfo info;
    try {
      info = extract_deb(debs[i], work, place);
    } catch (const util::NoSpace&) {
      for (std::size_t j = i; j < debs.size(); ++j) unpacked += read_deb_control(debs[j]).installed_size;
      throw util::no_space_error(work, unpacked);
    }
    unpacked += info.installed_size;
    if (info.name != names[i] || (info.architecture != arch && info.architecture != "all"))
      throw Error(debs[i].string() + " holds " + info.name + " (" + info.architecture + "), not " + names[i] +
                      " (" + arch + ")",
                  "remove the file and download the right package", Exit::usage);
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace xstatic::sysroot
