#include "unpack.hpp"

#include "xstatic/util/error.hpp"

namespace xstatic::sysroot {

std::vector<PackageInfo> unpack_debs(const std::vector<std::filesystem::path>& debs,
                                     const std::vector<std::string>& names, const std::string& arch,
                                     const std::filesystem::path& work, const Recipe& recipe,
                                     const std::function<std::string(std::size_t)>& label,
                                     util::Progress& progress) {
  auto place = [&](const std::string& member) { return recipe.place(member); };
  std::vector<PackageInfo> out;
  for (std::size_t i = 0; i < debs.size(); ++i) {
    progress.step(label(i));
    PackageInfo info = extract_deb(debs[i], work, place);
    if (info.name != names[i] || (info.architecture != arch && info.architecture != "all"))
      throw Error(debs[i].string() + " holds " + info.name + " (" + info.architecture + "), not " + names[i] +
                      " (" + arch + ")",
                  "remove the file and download the right package", Exit::usage);
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace xstatic::sysroot
