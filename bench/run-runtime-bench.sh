#!/usr/bin/env bash
# Runs the runtime benchmark: builds janus-runtime-bench if needed (in
# build/, Release), writes the shared LeNet inputs and weights, runs the
# PyTorch eager side (bench/runtime_bench.py) and the Janus C API side
# (bench/runtime_bench.cpp) one after the other in this one invocation, and
# prints a table: case, Janus time, PyTorch time, ratio (Janus / PyTorch;
# below 1 means Janus is faster), thread count. Exits non-zero if a case
# failed on either side or the build failed.
#
#   bash bench/run-runtime-bench.sh [--quick] [--cpu-time] [--threads N]
#
# --quick runs a tenth of the iterations (and ~6 s of the memory case).
# --cpu-time times each side's thread CPU time instead of wall time (with
# one thread the libraries compute on that thread), for a loaded machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${JANUS_BUILD_DIR:-$ROOT/build}"
ARGS=()
THREADS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) ARGS+=(--quick) ;;
    --cpu-time) ARGS+=(--cpu-time) ;;
    --threads) THREADS="$2"; shift ;;
    *) echo "usage: $0 [--quick] [--cpu-time] [--threads N]" >&2; exit 2 ;;
  esac
  shift
done

# The interpreter that can import torch, and the tools (bench/common.sh).
. "$ROOT/bench/common.sh"
bench_find_oracle "torch, numpy"
bench_build janus-runtime-bench

# One thread everywhere: the libraries' own pools must not compete.
export OMP_NUM_THREADS="$THREADS" OPENBLAS_NUM_THREADS="$THREADS" \
  MKL_NUM_THREADS="$THREADS" JANUS_NUM_THREADS="$THREADS"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DATA="$WORK/lenet-init.bin"

status=0
echo "== PyTorch eager ($PY)"
"$PY" "$ROOT/bench/runtime_bench.py" --write-data --data "$DATA" \
  --threads "$THREADS" "${ARGS[@]}" | tee "$WORK/torch.txt" || status=1
[ -f "$DATA" ] || { echo "error: $PY did not write $DATA" >&2; exit 1; }
echo "== Janus runtime (C API)"
"$BUILD/bench/janus-runtime-bench" --data "$DATA" --threads "$THREADS" \
  "${ARGS[@]}" | tee "$WORK/janus.txt" || status=1

echo
"$PY" - "$WORK/janus.txt" "$WORK/torch.txt" "$THREADS" <<'PYEOF' || status=1
import sys

def parse(path):
    res, err = {}, {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "RESULT":
            res[parts[1]] = dict(kv.split("=", 1) for kv in parts[2:])
        elif len(parts) >= 2 and parts[0] == "ERROR":
            err[parts[1]] = line.split(None, 2)[2].strip()
    return res, err

(jr, je), (tr, te) = parse(sys.argv[1]), parse(sys.argv[2])
threads = sys.argv[3]
cases = [("tiny_add", "a. torch.add 1x150, per op", "us", 1e6, "<= 0.33"),
         ("lstm_b1", "b. LSTM cell fwd+bwd, batch 1", "ms", 1e3, ""),
         ("lstm_b64", "b. LSTM cell fwd+bwd, batch 64", "ms", 1e3, ""),
         ("sgemm1024", "c. sgemm 1024^3", "ms", 1e3, "<= 1.11"),
         ("conv1", "d. conv2d [64,1,28,28]x[6,1,5,5] f+b", "ms", 1e3, ""),
         ("conv2", "d. conv2d [64,6,12,12]x[16,6,5,5] f+b", "ms", 1e3, ""),
         ("lenet_step", "e. LeNet SGD step, batch 64", "ms", 1e3, "")]
fmt = "{:<40} {:>12} {:>12} {:>7} {:>8} {:>7}"
print(fmt.format("case", "Janus", "PyTorch", "ratio", "target", "threads"))
failed = False
for key, label, unit, scale, target in cases:
    j, t = jr.get(key), tr.get(key)
    js = f"{float(j['sec']) * scale:.3f} {unit}" if j else "not run"
    ts = f"{float(t['sec']) * scale:.3f} {unit}" if t else "not run"
    ratio = f"{float(j['sec']) / float(t['sec']):.2f}" if j and t else "-"
    print(fmt.format(label, js, ts, ratio, target, threads))
    failed |= not (j and t)
if "sgemm1024" in jr and "sgemm1024" in tr:
    print(f"   sgemm GFLOP/s: Janus {jr['sgemm1024']['gflops']}, "
          f"PyTorch {tr['sgemm1024']['gflops']} "
          f"(Janus/PyTorch {float(jr['sgemm1024']['gflops']) / float(tr['sgemm1024']['gflops']):.2f}, target >= 0.9)")
if "lenet_step" in jr and "lenet_step" in tr:
    jl, tl = float(jr["lenet_step"]["loss"]), float(tr["lenet_step"]["loss"])
    print(f"   LeNet loss after {jr['lenet_step']['steps']} steps: Janus {jl:.6f}, "
          f"PyTorch {tl:.6f}, |diff| {abs(jl - tl):.2e}")
m = jr.get("memory")
if m:
    print(f"f. memory over {m['steps']} LeNet steps: RSS {m['rss100_kib']} KiB at "
          f"step 100 -> {m['rss_end_kib']} KiB at the end "
          f"({int(m['rss_end_kib']) - int(m['rss100_kib']):+d} KiB); live objects "
          f"{m['objects100']} -> {m['objects_end']}, live tensors "
          f"{m['tensors100']} -> {m['tensors_end']}")
else:
    print("f. memory: not run")
    failed = True
for side, errs in (("Janus", je), ("PyTorch", te)):
    for key, msg in errs.items():
        print(f"   {side} could not run {key}: {msg}")
sys.exit(1 if failed else 0)
PYEOF
exit $status
