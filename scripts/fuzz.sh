#!/usr/bin/env bash
# Builds the front-end fuzzer (clang-22, libFuzzer, ASan+UBSan) in build-fuzz/
# and runs it, seeded with the examples and the front-end lit tests.
#   scripts/fuzz.sh --brief      ~60 s, as CI runs it
#   scripts/fuzz.sh --runs=N     N executions (docs/testing.md records 1M+)
# Extra arguments are passed to libFuzzer. Exits non-zero on any finding.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$ROOT/build-fuzz"
MODE_ARGS=(-max_total_time=60)
EXTRA=()
for a in "$@"; do
  case "$a" in
    --brief) MODE_ARGS=(-max_total_time=60) ;;
    --runs=*) MODE_ARGS=(-runs="${a#--runs=}") ;;
    *) EXTRA+=("$a") ;;
  esac
done

if [ ! -f "$BUILD/build.ninja" ]; then
  CC=clang-22 CXX=clang++-22 cmake -S "$ROOT" -B "$BUILD" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJANUS_ENABLE_FUZZER=ON > "$BUILD.log" \
    || { cat "$BUILD.log"; exit 1; }
fi
cmake --build "$BUILD" --target janus-fuzz-frontend

CORPUS="$(mktemp -d)"
trap 'rm -rf "$CORPUS"' EXIT
cp "$ROOT"/examples/*.py "$CORPUS"/ 2>/dev/null || true
i=0
for f in "$ROOT"/test/Frontend/*.py; do
  cp "$f" "$CORPUS/lit-$i.py"; i=$((i + 1))
done

ARTIFACTS="$BUILD/artifacts"
mkdir -p "$ARTIFACTS"
echo "fuzz: seeds=$(ls "$CORPUS" | wc -l) args=${MODE_ARGS[*]} ${EXTRA[*]:-}"
"$BUILD/tools/janus-fuzz-frontend/janus-fuzz-frontend" \
  -dict="$ROOT/tools/janus-fuzz-frontend/python.dict" \
  -max_len=4096 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$ARTIFACTS/" "${MODE_ARGS[@]}" "${EXTRA[@]}" "$CORPUS"
