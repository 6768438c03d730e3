#!/usr/bin/env python3
"""Times every example model (examples/*.py) on the accurate path
(`janus run -O2`) and under PyTorch eager, one thread on both sides, and
prints a table: example, Janus run ms, PyTorch ms, ratio (Janus / PyTorch;
below 1 means Janus is faster), the same in process CPU time, target, Janus
compile ms (front end + MLIR lowering + LLVM optimisation + JIT code
generation, from --time-report; wall and CPU) and `janusc -O2 -o x.so` wall
ms. Run it through bench/run-examples-bench.sh,
which builds the tools and sets the thread variables.

What is timed. The examples are whole training programs (data generation,
training, evaluation, printing), not single steps, so both columns are the
whole program run: PyTorch = from after `import torch` (and
torch.set_num_threads(1)) to the end of runpy.run_path(example,
run_name="__main__") in a fresh interpreter; Janus = the `run` line of
`janus run --time-report` (the call of __janus_init_main, after compiling
and loading the compiled pylib). Each side runs REPEATS times (the two
sides interleaved, so a change in machine load hits both), the median is
reported. stdout goes to a file: the two outputs must have the same shape
(same number of lines, same first word and number of words per line);
numbers may drift (docs/compiler.md lists which examples drift and why).

Exit status 1 if a side failed (non-zero exit, no time) or the outputs
differ in shape, else 0.

  examples_bench.py --janus JANUS --janusc JANUSC --examples DIR
                    [--repeats N] [--only a,b] [--torch-side EXAMPLE OUT]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

# Target ratio per example: at most PyTorch eager's time everywhere, and
# strictly faster on the op-overhead-bound ones (tree models, RL).
FASTER = {"treernn", "treelstm", "actor_critic", "ppo"}
COMPILE_TARGET_MS = 2000.0


def torch_side(example, out_path):
    """Runs in a fresh interpreter: times the example after importing torch."""
    import runpy
    import torch
    torch.set_num_threads(1)
    sys.argv = [example]
    with open(out_path, "w") as out:
        saved = sys.stdout
        sys.stdout = out
        try:
            start, cpu = time.perf_counter(), time.process_time()
            runpy.run_path(example, run_name="__main__")
            elapsed = time.perf_counter() - start
            cpu = time.process_time() - cpu
        finally:
            sys.stdout = saved
    print(f"TIME {elapsed * 1e3:.3f} {cpu * 1e3:.3f}")


def run_torch(example, out_path):
    proc = subprocess.run([sys.executable, __file__, "--torch-side", example,
                           out_path], capture_output=True, text=True)
    m = re.search(r"^TIME ([0-9.]+) ([0-9.]+)$", proc.stdout, re.M)
    if proc.returncode != 0 or not m:
        return None, proc.stderr.strip().splitlines()[-1:] or ["no time"]
    return (float(m.group(1)), float(m.group(2))), None


REPORT_FIELDS = {"front end": "frontend", "MLIR lowering": "lowering",
                 "LLVM optimisation": "optimisation",
                 "JIT code generation": "codegen", "pylib loading": "pylib",
                 "run": "run"}


def run_janus(janus, example, out_path):
    with open(out_path, "w") as out:
        proc = subprocess.run([janus, "run", "-O2", "--time-report", example],
                              stdout=out, stderr=subprocess.PIPE, text=True)
    fields = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"^  (.+?) +([0-9.]+) ms  \(cpu ([0-9.]+) ms\)$", line)
        if m and m.group(1) in REPORT_FIELDS:
            key = REPORT_FIELDS[m.group(1)]
            fields[key] = float(m.group(2))
            fields[key + "_cpu"] = float(m.group(3))
    if proc.returncode != 0 or "run" not in fields:
        lines = [l for l in proc.stderr.splitlines() if "error" in l]
        return None, lines[:1] or [f"exit {proc.returncode}"]
    return fields, None


def time_janusc(janusc, example, work):
    out = os.path.join(work, "x.so")
    start = time.perf_counter()
    proc = subprocess.run([janusc, "-O2", example, "-o", out],
                          capture_output=True, text=True)
    elapsed = (time.perf_counter() - start) * 1e3
    return elapsed if proc.returncode == 0 else None


def shape(path):
    lines = open(path).read().splitlines()
    return [(l.split()[0] if l.split() else "", len(l.split())) for l in lines]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--torch-side", nargs=2)
    ap.add_argument("--janus")
    ap.add_argument("--janusc")
    ap.add_argument("--examples")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    if args.torch_side:
        torch_side(*args.torch_side)
        return 0

    names = sorted(f[:-3] for f in os.listdir(args.examples)
                   if f.endswith(".py"))
    if args.only:
        wanted = args.only.split(",")
        unknown = [n for n in wanted if n not in names]
        if unknown:
            print(f"error: no example {', '.join(unknown)}", file=sys.stderr)
            return 2
        names = [n for n in names if n in wanted]

    failed = False
    rows = []
    med = lambda xs: statistics.median(xs) if xs else None
    with tempfile.TemporaryDirectory() as work:
        for name in names:
            example = os.path.join(args.examples, name + ".py")
            torch_times, reports, errors = [], [], []
            jout = os.path.join(work, name + ".janus.txt")
            tout = os.path.join(work, name + ".torch.txt")
            for _ in range(args.repeats):
                t, err = run_torch(example, tout)
                if err:
                    errors.append("PyTorch: " + err[0])
                else:
                    torch_times.append(t)
                rep, err = run_janus(args.janus, example, jout)
                if err:
                    errors.append("Janus: " + err[0])
                else:
                    reports.append(rep)
            janusc_ms = [time_janusc(args.janusc, example, work)
                         for _ in range(args.repeats)]
            if None in janusc_ms:
                errors.append("janusc -O2 -o x.so failed")
            if not errors and shape(jout) != shape(tout):
                errors.append("outputs differ in shape (lines / words)")
            stages = ("frontend", "lowering", "optimisation", "codegen")
            row = {"name": name, "errors": errors,
                   "janus": med([r["run"] for r in reports]),
                   "janus_cpu": med([r["run_cpu"] for r in reports]),
                   "torch": med([t[0] for t in torch_times]),
                   "torch_cpu": med([t[1] for t in torch_times]),
                   "compile": med([sum(r[k] for k in stages)
                                   for r in reports]),
                   "compile_cpu": med([sum(r[k + "_cpu"] for k in stages)
                                       for r in reports]),
                   "janusc": med([m for m in janusc_ms if m is not None])}
            if reports:
                row["stages"] = {k: med([r[k] for r in reports])
                                 for k in REPORT_FIELDS.values()}
            rows.append(row)
            failed |= bool(errors)
            print(f"  {name}: janus {row['janus']} ms, torch {row['torch']} "
                  f"ms{'; ' + '; '.join(errors) if errors else ''}",
                  file=sys.stderr, flush=True)

    cols = [("example", 13, "<"), ("Janus ms", 9, ">"),
            ("PyTorch ms", 10, ">"), ("ratio", 5, ">"),
            ("Janus cpu", 9, ">"), ("PyTorch cpu", 11, ">"),
            ("cpu ratio", 9, ">"), ("target", 7, ">"),
            ("compile ms", 10, ">"), ("compile cpu", 11, ">"),
            ("janusc ms", 9, ">")]
    line = lambda cells: "| " + " | ".join(
        f"{c:{a}{w}}" for c, (_, w, a) in zip(cells, cols)) + " |"
    print(line([c[0] for c in cols]))
    print("|" + "|".join("-" * (w + 2) for _, w, _ in cols) + "|")
    missed = {"wall": [], "cpu": []}
    num = lambda v: f"{v:.0f}" if v is not None else "failed"
    for r in rows:
        faster = r["name"] in FASTER
        ratios = {}
        for kind, j, t in (("wall", "janus", "torch"),
                           ("cpu", "janus_cpu", "torch_cpu")):
            if r[j] is not None and r[t]:
                ratios[kind] = r[j] / r[t]
                if ratios[kind] >= 1.0 if faster else ratios[kind] > 1.0:
                    missed[kind].append(r["name"])
        print(line([r["name"], num(r["janus"]), num(r["torch"]),
                    f"{ratios['wall']:.2f}" if "wall" in ratios else "-",
                    num(r["janus_cpu"]), num(r["torch_cpu"]),
                    f"{ratios['cpu']:.2f}" if "cpu" in ratios else "-",
                    "< 1.00" if faster else "<= 1.00", num(r["compile"]),
                    num(r["compile_cpu"]), num(r["janusc"])]))
        for kind, key in (("wall", "compile"), ("cpu", "compile_cpu")):
            if r[key] is not None and r[key] >= COMPILE_TARGET_MS:
                missed[kind].append(r["name"] + " (compile)")
    print(f"\nmedian of {args.repeats} run(s); ratio = Janus / PyTorch over the "
          "whole program run; compile = front end + MLIR lowering + LLVM "
          "optimisation + JIT code generation of `janus run -O2` (target < "
          f"{COMPILE_TARGET_MS:.0f} ms); cpu = process CPU time")
    for r in rows:
        if "stages" in r:
            print(f"  {r['name']} stages (wall ms): " + ", ".join(
                f"{k} {v:.0f}" for k, v in r["stages"].items()))
    for kind in ("wall", "cpu"):
        print(f"targets missed ({kind}): " +
              (", ".join(missed[kind]) if missed[kind] else "none"))
    for r in rows:
        for e in r["errors"]:
            print(f"  {r['name']}: {e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
