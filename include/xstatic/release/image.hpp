// Container images without a Dockerfile, as ko does for Go: a static binary
// needs no base image, so each Linux target's image is one layer holding
// the binaries (0755) and the image's extra files (0644) at /, and a config
// with the entrypoint, the user, labels and the platform. The targets'
// images go into one multi-platform OCI index, written as an oci-archive
// (`NAME_VERSION.oci.tar`: an OCI image layout in a tar) that `podman load`
// reads and `skopeo copy --all oci-archive:...` pushes.
//
// Reproducible: layers are tar files with fixed modes, owners and times
// (SOURCE_DATE_EPOCH), gzip without name or time; JSON is written in a fixed
// order; so the same commit gives the same digests from any checkout.
// Spec: https://github.com/opencontainers/image-spec (image-layout, manifest,
// config, image-index).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "xstatic/release/archive.hpp"
#include "xstatic/release/config.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::release {

struct ImageDescriptor {
  std::string media_type, digest;  // "sha256:<hex>"
  std::uint64_t size = 0;
};

// The OCI platform of a target: {"linux", "arm", "v7"}; variant "" for none.
struct ImagePlatform {
  std::string os, architecture, variant;
};
ImagePlatform image_platform(const target::Target& t);

class ImageWriter {
 public:
  // Blobs are written under `work` (emptied first).
  ImageWriter(fs::path work, const ImageConfig& config, std::string project, std::string version,
              std::int64_t source_date_epoch);

  // One platform's image from the shipped files (binaries executable).
  // Throws xstatic::Error when two files would have the same name.
  void add(const target::Target& t, std::vector<ArchiveEntry> files);

  // The same from a target's shipped archive entries: the binaries [image]
  // names (all when it names none), and its extra files.
  void add_shipped(const target::Target& t, const std::vector<ArchiveEntry>& shipped);

  // The tags with {version} expanded ("1.4.0", "latest").
  std::vector<std::string> tags() const;

  // Writes the multi-platform index and the oci-archive at `out`; returns
  // the index's digest ("sha256:...", what `podman` and registries show).
  std::string write(const fs::path& out);

 private:
  ImageDescriptor blob(const std::string& media_type, const std::string& bytes);
  ImageDescriptor blob_file(const std::string& media_type, const fs::path& file);

  fs::path work_;
  const ImageConfig& config_;
  std::string project_, version_;
  std::int64_t epoch_;
  std::vector<std::pair<ImagePlatform, ImageDescriptor>> manifests_;
  std::vector<ArchiveEntry> blobs_;  // "blobs/sha256/<hex>" entries of the layout
};

}  // namespace xstatic::release
