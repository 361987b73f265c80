#!/usr/bin/env bash
# The full package matrix, beyond what CI builds: every recipe for
# linux/amd64, linux/arm64 and linux/arm/v7 (pkg_smoke), the compression
# libraries and SQLite on s390x, OpenSSL, curl and SQLite for windows/amd64
# under wine (pkg_windows) and for glibc (pkg_glibc), HTTPS on amd64, arm64
# and windows/amd64 (pkg_https), the projects (pkg_projects). CI builds
# OpenSSL for one target only (its time is bounded); run this before
# changing a recipe (about an hour on 2 cores from a cold store).
#   scripts/pkg-matrix.sh [ctest options...]
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in -h | --help) sed -n 2,9p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
XSTATIC_PKG_MATRIX=full ctest --test-dir build -R '^pkg_' --output-on-failure "$@"
