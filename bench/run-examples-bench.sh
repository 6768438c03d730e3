#!/usr/bin/env bash
# Benchmarks every example model (examples/*.py) on the accurate path
# (`janus run -O2`, its run time from --time-report, compile excluded)
# against PyTorch eager (the same program under CPython, timed from after
# `import torch` to its end), one thread on both sides, in this one
# invocation; also the Janus compile time per model (the four compile
# stages of `janus run -O2`, and `janusc -O2 -o x.so` wall time). Prints a
# table: example, Janus ms, PyTorch ms, ratio (Janus / PyTorch), target,
# compile ms, janusc ms (bench/examples_bench.py). The times are those of
# each whole example program (data, training, evaluation), not of one
# training step. Exits non-zero if the build or a side failed or the two
# outputs differ in shape.
#
#   bash bench/run-examples-bench.sh [--quick] [--repeats N] [--only a,b]
#
# Default 3 repeats (median); --quick runs each side once.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${JANUS_BUILD_DIR:-$ROOT/build}"
REPEATS=3
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) REPEATS=1 ;;
    --repeats) REPEATS="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    *) echo "usage: $0 [--quick] [--repeats N] [--only a,b]" >&2; exit 2 ;;
  esac
  shift
done

# The interpreter that can import torch, and the tools (bench/common.sh).
. "$ROOT/bench/common.sh"
bench_find_oracle "torch"
bench_build janus janusc

# One thread everywhere: the libraries' own pools must not compete.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
  JANUS_NUM_THREADS=1
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), commit" \
  "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)," \
  "PyTorch $("$PY" -c 'import torch; print(torch.__version__)') ($PY)"
echo "== load:$(uptime | sed 's/.*load average//')"
status=0
"$PY" "$ROOT/bench/examples_bench.py" --janus "$BUILD/tools/janus/janus" \
  --janusc "$BUILD/tools/janusc/janusc" --examples "$ROOT/examples" \
  --repeats "$REPEATS" ${ONLY:+--only "$ONLY"} || status=1
echo "== load after:$(uptime | sed 's/.*load average//')"
exit $status
