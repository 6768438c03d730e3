#!/usr/bin/env bash
# The main job: installs dependencies, builds janusc, and compiles the example
# model suite through janusc's front end, printing what it found in each
# model. (Later stages turn this into training a model through Janus.)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/install-deps.sh"
bash "$ROOT/scripts/build.sh"
JANUSC="$ROOT/build/tools/janusc/janusc"
status=0
for f in "$ROOT"/examples/*.py; do
  start=$(date +%s%N)
  if "$JANUSC" --emit=summary "$f"; then
    end=$(date +%s%N)
    echo "  front end: $(( (end - start) / 1000000 )) ms"
  else
    status=1
  fi
done
exit $status
