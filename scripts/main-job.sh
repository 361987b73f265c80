#!/usr/bin/env bash
# The main job that scripts/setup.sh runs after building xstatic: each step is
# one command, appended in pipeline order (provision, build, verify, run).
# XSTATIC is the xstatic binary (setup.sh sets it).
set -euo pipefail
: "${XSTATIC:?set XSTATIC to the xstatic binary}"
say() { printf '\n==> %s\n' "$*"; }

say "provisioning sysroots for linux/amd64 and linux/arm64"
"$XSTATIC" sysroot install linux/amd64 linux/arm64
