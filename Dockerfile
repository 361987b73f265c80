# xstatic in a container: the image is made by the same set-up command as
# README.md (scripts/setup.sh), so the two cannot drift apart.
#
#   docker build -t xstatic .
#   docker run --rm -v "$PWD:/src" -w /src xstatic xstatic cc --target linux/arm64 main.c -o app
FROM debian:12
COPY . /opt/xstatic
RUN /opt/xstatic/scripts/setup.sh \
 && cmake --install /opt/xstatic/build --prefix /usr/local \
 && rm -rf /var/lib/apt/lists/*
# Sysroots provisioned by setup.sh live in the store below; keep them in the image.
ENV XSTATIC_HOME=/root/.local/share/xstatic
WORKDIR /src
