// OCI images of a release (see xstatic/release/image.hpp).
#include "xstatic/release/image.hpp"

#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "xstatic/release/sbom.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/json.hpp"

namespace xstatic::release {
namespace {

constexpr const char* kManifestType = "application/vnd.oci.image.manifest.v1+json";
constexpr const char* kIndexType = "application/vnd.oci.image.index.v1+json";
constexpr const char* kConfigType = "application/vnd.oci.image.config.v1+json";
constexpr const char* kLayerType = "application/vnd.oci.image.layer.v1.tar+gzip";

// Compact JSON (no spaces), as registries and other tools write it.
template <class F>
std::string json_text(F&& body) {
  return util::json_text(std::forward<F>(body), 0);
}

void descriptor(llvm::json::OStream& j, const ImageDescriptor& d) {
  j.attribute("mediaType", d.media_type);
  j.attribute("digest", d.digest);
  j.attribute("size", static_cast<std::int64_t>(d.size));
}

void platform_json(llvm::json::OStream& j, const ImagePlatform& p) {
  j.attributeObject("platform", [&] {
    j.attribute("architecture", p.architecture);
    j.attribute("os", p.os);
    if (!p.variant.empty()) j.attribute("variant", p.variant);
  });
}

}  // namespace

ImagePlatform image_platform(const target::Target& t) {
  ImagePlatform p{std::string(t.row->goos), std::string(t.row->goarch), ""};
  if (t.row->goarch == "arm" && !t.row->variant.empty()) p.variant = "v" + std::string(t.row->variant);
  return p;
}

ImageWriter::ImageWriter(fs::path work, const ImageConfig& config, std::string project, std::string version,
                         std::int64_t source_date_epoch)
    : work_(std::move(work)),
      config_(config),
      project_(std::move(project)),
      version_(std::move(version)),
      epoch_(source_date_epoch) {
  fs::remove_all(work_);
  fs::create_directories(work_ / "blobs");
}

void ImageWriter::add_shipped(const target::Target& t, const std::vector<ArchiveEntry>& shipped) {
  const auto& wanted = config_.binaries;
  std::vector<ArchiveEntry> files;
  for (const auto& e : shipped)
    if (e.executable && (wanted.empty() || std::find(wanted.begin(), wanted.end(), e.name) != wanted.end()))
      files.push_back(e);
  for (const auto& extra : config_.extra_files) files.push_back({extra.filename().string(), extra, false});
  add(t, std::move(files));
}

std::vector<std::string> ImageWriter::tags() const {
  std::vector<std::string> out;
  for (auto tag : config_.tags) {
    if (tag == "{version}") tag = version_;
    // A version may hold '+' (semver build metadata), which tags may not.
    std::replace(tag.begin(), tag.end(), '+', '_');
    if (std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(tag);
  }
  return out;
}

ImageDescriptor ImageWriter::blob(const std::string& media_type, const std::string& bytes) {
  std::string hex = sha256_hex(bytes);
  fs::path file = work_ / "blobs" / hex;
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  if (std::none_of(blobs_.begin(), blobs_.end(), [&](const auto& b) { return b.source == file; }))
    blobs_.push_back({"blobs/sha256/" + hex, file, false});
  return {media_type, "sha256:" + hex, bytes.size()};
}

ImageDescriptor ImageWriter::blob_file(const std::string& media_type, const fs::path& file) {
  std::string hex = sha256_file(file);
  fs::path dest = work_ / "blobs" / hex;
  std::error_code ec;
  fs::rename(file, dest, ec);
  if (ec)
    throw Error("cannot move " + file.string() + " to " + dest.string() + ": " + ec.message(), {},
                Exit::internal);
  if (std::none_of(blobs_.begin(), blobs_.end(), [&](const auto& b) { return b.source == dest; }))
    blobs_.push_back({"blobs/sha256/" + hex, dest, false});
  return {media_type, "sha256:" + hex, fs::file_size(dest)};
}

void ImageWriter::add(const target::Target& t, std::vector<ArchiveEntry> files) {
  std::set<std::string> names;
  for (const auto& f : files)
    if (!names.insert(f.name).second)
      throw Error("the image for " + t.describe() + " would hold two files called '" + f.name + "'",
                  "rename one of the binaries or [image] extra_files", Exit::usage);
  ImagePlatform platform = image_platform(t);
  std::string slug = platform.os + "-" + platform.architecture + platform.variant;
  fs::path tar = work_ / (slug + ".layer.tar"), gz = work_ / (slug + ".layer.tar.gz");
  write_archive(tar, ArchiveFormat::tar, files, epoch_);
  std::string diff_id = "sha256:" + sha256_file(tar);
  gzip_file(tar, gz);
  fs::remove(tar);
  auto layer = blob_file(kLayerType, gz);

  std::string created = iso8601_utc(epoch_);
  auto config = blob(kConfigType, json_text([&](llvm::json::OStream& j) {
                       j.object([&] {
                         j.attribute("created", created);
                         j.attribute("architecture", platform.architecture);
                         j.attribute("os", platform.os);
                         if (!platform.variant.empty()) j.attribute("variant", platform.variant);
                         j.attributeObject("config", [&] {
                           j.attribute("User", config_.user);
                           j.attributeArray("Entrypoint", [&] {
                             for (const auto& a : config_.entrypoint) j.value(a);
                           });
                           j.attributeObject("Labels", [&] {
                             j.attribute("org.opencontainers.image.created", created);
                             j.attribute("org.opencontainers.image.title", project_);
                             j.attribute("org.opencontainers.image.version", version_);
                           });
                         });
                         j.attributeObject("rootfs", [&] {
                           j.attribute("type", "layers");
                           j.attributeArray("diff_ids", [&] { j.value(diff_id); });
                         });
                         j.attributeArray("history", [&] {
                           j.object([&] {
                             j.attribute("created", created);
                             j.attribute("created_by", "xstatic release");
                           });
                         });
                       });
                     }));
  auto manifest = blob(kManifestType, json_text([&](llvm::json::OStream& j) {
                         j.object([&] {
                           j.attribute("schemaVersion", 2);
                           j.attribute("mediaType", kManifestType);
                           j.attributeObject("config", [&] { descriptor(j, config); });
                           j.attributeArray("layers", [&] { j.object([&] { descriptor(j, layer); }); });
                         });
                       }));
  manifests_.emplace_back(platform, manifest);
}

std::string ImageWriter::write(const fs::path& out) {
  auto index = blob(kIndexType, json_text([&](llvm::json::OStream& j) {
                      j.object([&] {
                        j.attribute("schemaVersion", 2);
                        j.attribute("mediaType", kIndexType);
                        j.attributeArray("manifests", [&] {
                          for (const auto& [platform, d] : manifests_)
                            j.object([&] {
                              descriptor(j, d);
                              platform_json(j, platform);
                            });
                        });
                      });
                    }));
  // The layout's own index.json: one entry (podman load takes one image per
  // archive), named repository:first-tag; the other tags are for `podman tag`.
  std::string ref = config_.repository + ":" + tags().front();
  fs::path layout_index = work_ / "index.json", layout_file = work_ / "oci-layout";
  std::ofstream(layout_index, std::ios::binary | std::ios::trunc) << json_text([&](llvm::json::OStream& j) {
    j.object([&] {
      j.attribute("schemaVersion", 2);
      j.attribute("mediaType", kIndexType);
      j.attributeArray("manifests", [&] {
        j.object([&] {
          descriptor(j, index);
          j.attributeObject("annotations", [&] { j.attribute("org.opencontainers.image.ref.name", ref); });
        });
      });
    });
  });
  std::ofstream(layout_file, std::ios::binary | std::ios::trunc) << R"({"imageLayoutVersion":"1.0.0"})";
  auto entries = blobs_;
  entries.push_back({"index.json", layout_index, false});
  entries.push_back({"oci-layout", layout_file, false});
  write_archive(out, ArchiveFormat::tar, entries, epoch_);
  return index.digest;
}

}  // namespace xstatic::release
