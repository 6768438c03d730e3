#!/usr/bin/env bash
# Configures and builds Janus in build/ (Release, Ninja, ccache when present).
# Used by demo.sh and run-tests.sh; safe to re-run (incremental).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$ROOT/build/build.ninja" ]; then
  cmake -S "$ROOT" -B "$ROOT/build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$ROOT/build"
