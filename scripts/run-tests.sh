#!/usr/bin/env bash
# Installs dependencies, builds Janus, runs the front-end fuzzer briefly and
# the unit and front-end tests under ASan+UBSan, then runs every test suite
# through CTest (lit/FileCheck suites, doctest unit tests, the examples under
# the oracle interpreter). CTest's summary is the last thing printed. Exits
# non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/install-deps.sh"
bash "$ROOT/scripts/build.sh"
if [ "${JANUS_SKIP_FUZZ:-0}" != "1" ]; then
  bash "$ROOT/scripts/fuzz.sh" --brief
fi
if [ "${JANUS_SKIP_SANITIZERS:-0}" != "1" ]; then
  bash "$ROOT/scripts/sanitize.sh"
fi
cd "$ROOT/build"
ctest --output-on-failure -j2
