#!/usr/bin/env bash
# Builds Janus with AddressSanitizer + UndefinedBehaviorSanitizer (and leak
# checking) in build-asan/ and runs the unit tests and the front-end and
# MLIRGen lit suites there. Any sanitizer report fails the run.
# run-tests.sh calls this before the main test run; it can also be run
# alone.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$ROOT/build-asan"
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DJANUS_ENABLE_SANITIZERS=ON
fi
cmake --build "$BUILD" --target janusc janus-opt janus-unittests janus-runtime-unittests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# ASan's frames are several times larger than a normal build's, and the
# runtime's recursion-limit test recurses 1000 Python calls deep through the
# runtime: give it the room a Release build has under the default 8 MiB.
ulimit -s 262144 2>/dev/null || ulimit -s unlimited 2>/dev/null || true
cd "$BUILD"
ctest --output-on-failure -j2 -R '^(unit-frontend|unit-runtime|lit-Frontend|lit-MLIRGen)$'
