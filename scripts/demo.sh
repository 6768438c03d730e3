#!/usr/bin/env bash
# The main job: installs dependencies, builds Janus, and trains the LeNet
# example through Janus (`janus run`: the accurate path, compiled to native
# code through MLIR and LLVM) and through PyTorch eager, one thread each,
# printing both runs' last lines and their wall-clock times (each includes
# process start-up; Janus's includes compiling the program) and Janus's own
# split into compile and run time (--time-report). The Janus run records a
# profile (--profile-out: types, shapes, branch outcomes, trip counts, call
# targets), the input of speculation, and prints the model's input shapes,
# its loops' trip counts and its branch outcomes from it. Then it
# runs the front end over the whole example suite. Speculation (the fast
# path and its statistics) is not built yet: every call runs on the
# accurate path.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/install-deps.sh"
bash "$ROOT/scripts/build.sh"
JANUSC="$ROOT/build/tools/janusc/janusc"
JANUS="$ROOT/build/tools/janus/janus"
ORACLE=/usr/bin/python3
MODEL="$ROOT/examples/lenet.py"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

PROFILE_DIR=$(mktemp -d)
trap 'rm -rf "$PROFILE_DIR"' EXIT
PROFILE="$PROFILE_DIR/lenet.profile.json"

echo "== Training $(basename "$MODEL") through Janus (janus run, 1 thread)"
start=$(now_ms)
JANUS_NUM_THREADS=1 "$JANUS" run --time-report --profile-out="$PROFILE" \
  "$MODEL" 2>"$PROFILE_DIR/time.txt" | tail -n 3
janus_ms=$(( $(now_ms) - start ))
grep -E "compile total|  run " "$PROFILE_DIR/time.txt" | sed 's/^ */   janus: /'
echo "== The same program under PyTorch eager ($ORACLE, 1 thread)"
start=$(now_ms)
OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 "$ORACLE" "$MODEL" | tail -n 3
torch_ms=$(( $(now_ms) - start ))
echo "== Wall time: Janus ${janus_ms} ms (compile + run), PyTorch ${torch_ms} ms" \
     "(interpreter start-up + run)"
echo "== Profile of the Janus run (janus profile; what speculation will use)"
"$JANUS" profile "$PROFILE" > "$PROFILE_DIR/summary.txt"
head -n 1 "$PROFILE_DIR/summary.txt" | sed 's/^/   /'
echo "   the model's input shapes, loop trip counts and branches seen:"
awk 'BEGIN { RS = ""; ORS = "\n" } /\[loop\]|\[branch\]|arg x  \[value\] in LeNet.forward/' \
  "$PROFILE_DIR/summary.txt" | sed 's/^/   /'
echo "   fast path: 0 calls (speculation is the next stage); every call ran on the accurate path"

echo "== Front end over the example suite"
status=0
for f in "$ROOT"/examples/*.py; do
  start=$(now_ms)
  if "$JANUSC" --emit=summary "$f"; then
    echo "  front end: $(( $(now_ms) - start )) ms"
  else
    status=1
  fi
done
exit $status
