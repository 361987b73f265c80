# xstatic in a container, in two stages:
#   build: Debian's build tools and LLVM development libraries compile xstatic,
#          then xstatic provisions the linux/amd64 and linux/arm64 sysroots and
#          builds their runtimes (libc++, mimalloc) into /opt/xstatic/store;
#   final: Debian's clang, lld and qemu-user plus /opt/xstatic (the program,
#          the CMake toolchain files and that store). No compiler toolchain
#          for building xstatic, no LLVM headers.
#
#   docker build -t xstatic .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/src" -w /src xstatic \
#     xstatic cc --target linux/arm64 main.c -o app
#
# The store is shared by every user of the image: what the image provisioned
# is read-only, the store's folders are writable by all (sticky, like /tmp) so
# a non-root user can still add a target ('xstatic sysroot install linux/386').
#
# A CI cache can skip the runtimes build (about a minute per target): put
# archives made by 'xstatic sysroot export' / 'xstatic runtimes export' in
# .preload/ of the build context; they are imported (checked) before anything
# is provisioned, and only what is missing is built. scripts/docker-test.sh
# builds this file from a base image made from Debian's archive (BASE).
ARG BASE=debian:12

FROM ${BASE} AS build
ARG JOBS=0
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      cmake ninja-build g++ pkg-config python3 \
      llvm-19-dev libclang-19-dev clang-19 lld-19 llvm-19 libclang-rt-19-dev \
      libarchive-dev liblzma-dev libzstd-dev zlib1g-dev libbz2-dev liblz4-dev libacl1-dev nettle-dev \
      libgmp-dev debian-archive-keyring \
      libcli11-dev libspdlog-dev libfmt-dev libtomlplusplus-dev \
 && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN cmake -S /src -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DXSTATIC_BUILD_TESTS=OFF \
 && cmake --build /build $( [ "$JOBS" = 0 ] || echo "-j$JOBS" ) \
 && cmake --install /build --prefix /opt/xstatic --strip
ENV XSTATIC_HOME=/opt/xstatic/store PATH=/opt/xstatic/bin:$PATH
RUN set -e; \
    for f in /src/.preload/sysroot-*.tar*; do if [ -e "$f" ]; then xstatic sysroot import "$f"; fi; done; \
    for f in /src/.preload/runtimes*.tar*; do if [ -e "$f" ]; then xstatic runtimes import "$f"; fi; done; \
    xstatic sysroot install linux/amd64 linux/arm64; \
    xstatic runtimes build linux/amd64 linux/arm64 $( [ "$JOBS" = 0 ] || echo "-j$JOBS" ); \
    cd "$XSTATIC_HOME" && rm -rf apt src logs locks/* \
 && find . -path ./locks -prune -o -type d -exec chmod 0755 {} + \
 && chmod -R a+rX . \
 && mkdir -p locks logs apt src && chmod 1777 . sysroots runtimes runtimes/* locks logs apt src

# The emulators the target table runs programs with, for the final stage.
RUN xstatic targets --json | grep -o '"qemu-[a-z0-9_]*-static"' | tr -d '"' | sort -u >/qemu-keep \
 && test -s /qemu-keep

FROM ${BASE}
# qemu-user-static ships emulators for 36 architectures (~380 MB): keep the
# ones in the target table, drop the rest (alpha, hppa, m68k, sparc, xtensa...)
# in the same layer as the install, or the image would still carry them.
COPY --from=build /qemu-keep /tmp/qemu-keep
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      clang-19 lld-19 llvm-19 qemu-user-static \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && for f in /usr/bin/qemu-*-static; do grep -qxF "${f##*/}" /tmp/qemu-keep || rm -f "$f"; done \
 && for q in $(cat /tmp/qemu-keep); do test -x "/usr/bin/$q"; done \
 && rm /tmp/qemu-keep
COPY --from=build /opt/xstatic /opt/xstatic
ENV XSTATIC_HOME=/opt/xstatic/store PATH=/opt/xstatic/bin:$PATH
WORKDIR /src
