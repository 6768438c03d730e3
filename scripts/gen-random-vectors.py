#!/usr/bin/python3
"""Writes test/Unit/Runtime/RandomVectors.inc: expected outputs of PyTorch
1.13's CPU generator and CPython's `random` for RandomTest.cpp.

Run it with Debian's interpreter, which has torch:

    /usr/bin/python3 scripts/gen-random-vectors.py > test/Unit/Runtime/RandomVectors.inc

Each case is a seed followed by a sequence of steps (one torch or `random`
call each); the expected output of every step is recorded as raw bits
(float32 bits, float64 bits, or int64 values, each widened to uint64), so
the C++ test can compare exactly. Torch cases run once under ATen's AVX2
kernels (what PyTorch 1.13 picks on any AVX2 CPU) and a subset again under
the baseline kernels (ATEN_CPU_CAPABILITY=default), each in a child process
because ATen reads the variable once.
"""

import json
import math
import os
import random
import struct
import subprocess
import sys

# ----------------------------------------------------------------- cases --
# A step is (op, dtype, n, a, b, ints, input); the C++ side has the same
# enums. `ints` holds op-specific integers (bounds, shapes, flags), `input`
# op-specific doubles (probabilities).

F32, F64, I64 = "F32", "F64", "I64"
SIZES = [1, 2, 3, 15, 16, 17, 31, 32, 33, 100, 1000]


def step(op, dtype=F32, n=0, a=0.0, b=0.0, ints=(), inp=()):
    return [op, dtype, n, a, b, list(ints), list(inp)]


def probs(k, salt):
    """Exactly representable float32 weights, some zero."""
    return [((i * 7 + salt) % 11) / 8.0 for i in range(k)]


def torch_cases():
    cases = []

    def add(name, seed, steps, kernels=("Avx2",)):
        for k in kernels:
            cases.append({"name": name, "seed": seed, "steps": steps, "kernel": k})

    both = ("Avx2", "Default")
    for seed in (0, 42):
        for n in SIZES if seed == 0 else SIZES[:-1]:
            add(f"rand f32 n={n}", seed, [step("Rand", F32, n)])
            add(f"rand f64 n={n}", seed, [step("Rand", F64, n)])
            add(f"randn f32 n={n}", seed, [step("Normal", F32, n, 0.0, 1.0)], both)
            add(f"randn f64 n={n}", seed, [step("Normal", F64, n, 0.0, 1.0)], both)
    for seed in (1, 2**32 + 5):
        for n in (1, 7, 15, 16, 17, 40, 100):
            add(f"uniform f32 n={n}", seed, [step("Uniform", F32, n, -0.3, 0.7)], both)
            add(f"uniform f64 n={n}", seed, [step("Uniform", F64, n, 1.5, 2.25)], both)
            add(f"normal f32 n={n}", seed, [step("Normal", F32, n, 0.5, 3.3)], both)
            add(f"normal f64 n={n}", seed, [step("Normal", F64, n, -2.0, 0.1)], both)
    for seed in (0, 7):
        for lo, hi in ((0, 10), (-5, 5), (3, 4), (0, 2**31), (0, 2**32),
                       (-2**40, 2**40), (-2**62, 2**62)):
            add(f"randint [{lo},{hi})", seed, [step("Randint", I64, 50, ints=(lo, hi))])
        for n in (0, 1, 2, 10, 100, 1000) if seed == 0 else (0, 1, 2, 10, 100):
            add(f"randperm n={n}", seed, [step("Randperm", I64, n)])
        for p in (0.0, 0.3, 0.5, 1.0):
            add(f"bernoulli_(p={p}) f32", seed, [step("BernoulliScalar", F32, 40, p)])
            add(f"bernoulli_(p={p}) f64", seed, [step("BernoulliScalar", F64, 40, p)])
        pr = [i / 40.0 for i in range(41)]
        add("bernoulli(probs) f32", seed, [step("BernoulliTensor", F32, len(pr), inp=pr)])
        add("bernoulli(probs) f64", seed, [step("BernoulliTensor", F64, len(pr), inp=pr)])
        for lam in (1.0, 2.5):
            add(f"exponential_({lam}) f32", seed, [step("Exponential", F32, 30, lam)])
            add(f"exponential_({lam}) f64", seed, [step("Exponential", F64, 30, lam)])
        for dt in (F32, F64):
            for rows, cats in ((1, 5), (1, 30), (3, 8)):
                rank = 1 if rows == 1 else 2
                w = probs(rows * cats, seed + cats)
                for ns, rep in ((1, 0), (1, 1), (4, 0), (4, 1), (50, 1)):
                    if not rep and ns > min(sum(1 for x in w[r * cats:(r + 1) * cats] if x) for r in range(rows)):
                        continue
                    add(f"multinomial {dt} {rows}x{cats} n={ns} repl={rep}", seed,
                        [step("Multinomial", dt, ns, ints=(rows, cats, rep, rank), inp=w)])
        for p in (0.0, 0.1, 0.5, 1.0):
            for n in (5, 64):
                add(f"dropout p={p} n={n}", seed,
                    [step("Dropout", F32, n, p), step("Rand", F32, 2)])
    # nn.init and the layers' reset_parameters.
    for seed in (0,):
        for shape in ((8, 4), (4, 3, 3, 3), (4, 1, 3, 3), (10, 20)):
            add(f"kaiming_uniform_ a=sqrt5 {shape}", seed,
                [step("KaimingUniform", F32, 0, math.sqrt(5), ints=shape)])
            add(f"kaiming_uniform_ a=0 {shape}", seed,
                [step("KaimingUniform", F32, 0, 0.0, ints=shape)])
            add(f"kaiming_normal_ {shape}", seed, [step("KaimingNormal", F32, 0, 0.0, ints=shape)])
            add(f"xavier_uniform_ {shape}", seed, [step("XavierUniform", F32, 0, 1.0, ints=shape)])
            add(f"xavier_normal_ gain=2 {shape}", seed, [step("XavierNormal", F32, 0, 2.0, ints=shape)])
    for seed in (0, 3):
        for shape in ((8, 4), (6, 3, 5, 5), (10, 20)):
            add(f"Linear/Conv reset {shape}", seed, [step("LinearInit", F32, 0, ints=shape)])
    add("Linear(0, 3) still draws its bias", 0, [
        step("LinearInit", F32, 0, ints=(3, 0)), step("Rand", F32, 2)])
    # Mixed sequences: the state (and the cached normal) carries across calls.
    add("mixed rand/randn/randint", 0, [
        step("Rand", F32, 5), step("Normal", F32, 3, 0.0, 1.0),
        step("Randint", I64, 7, ints=(0, 100)), step("Normal", F32, 1, 0.0, 1.0),
        step("Normal", F64, 20, 0.0, 1.0), step("Randperm", I64, 10),
        step("Rand", F64, 3), step("Normal", F64, 1, 0.0, 1.0),
        step("Normal", F32, 17, 0.0, 1.0), step("Normal", F32, 1, 0.0, 1.0)], both)
    add("normal cache across calls", 5, [
        step("Normal", F32, 1, 0.0, 1.0), step("Normal", F32, 1, 0.0, 1.0),
        step("Normal", F32, 1, 0.0, 1.0), step("Normal", F64, 2, 1.0, 2.0),
        step("Normal", F32, 16, 0.0, 1.0), step("Normal", F32, 1, 0.0, 1.0),
        step("Rand", F32, 2)])
    add("manual_seed drops the cached normal", 9, [
        step("Normal", F64, 1, 0.0, 1.0), step("Seed", I64, 0, ints=(9,)),
        step("Normal", F64, 1, 0.0, 1.0), step("Normal", F64, 1, 0.0, 1.0)])
    add("model construction", 1, [
        step("LinearInit", F32, 0, ints=(8, 4)),
        step("LinearInit", F32, 0, ints=(6, 3, 5, 5)),
        step("Normal", F32, 4 * 3 * 8 * 8, 0.0, 1.0),
        step("Dropout", F32, 48, 0.5), step("Randperm", I64, 60),
        step("Multinomial", F32, 3, ints=(1, 6, 0, 1), inp=probs(6, 2)),
        step("BernoulliScalar", F32, 10, 0.5), step("Rand", F32, 4)])
    return cases


def py_cases():
    cases = []
    for seed in (0, 1, 42, -5, 2**32 + 7, 2**63 - 1, -2**63):
        cases.append({"name": "random()", "seed": seed, "steps": [step("Random", F64, 20)]})
    for seed in (0, 12345):
        for k in (1, 7, 31, 32, 33, 53, 64):
            cases.append({"name": f"getrandbits({k})", "seed": seed,
                          "steps": [step("GetRandBits", I64, 20, ints=(k,))]})
        for n in (1, 2, 3, 10, 2**31, 2**32 + 1, 10**15):
            cases.append({"name": f"_randbelow({n})", "seed": seed,
                          "steps": [step("RandBelow", I64, 20, ints=(n,))]})
        for a, b, s in ((0, 10, 1), (5, 100, 7), (100, 5, -3), (-50, 50, 1)):
            cases.append({"name": f"randrange({a},{b},{s})", "seed": seed,
                          "steps": [step("RandRange", I64, 20, ints=(a, b, s))]})
        for a, b in ((1, 6), (-10**12, 10**12), (0, 0)):
            cases.append({"name": f"randint({a},{b})", "seed": seed,
                          "steps": [step("RandInt", I64, 20, ints=(a, b))]})
        cases.append({"name": "uniform(-2,3)", "seed": seed,
                      "steps": [step("Uniform", F64, 20, -2.0, 3.0)]})
        cases.append({"name": "choice", "seed": seed,
                      "steps": [step("Choice", I64, 20, ints=(13,))]})
        for n in (1, 2, 10, 52, 100):
            cases.append({"name": f"shuffle({n})", "seed": seed,
                          "steps": [step("Shuffle", I64, n)]})
        cases.append({"name": "gauss", "seed": seed,
                      "steps": [step("Gauss", F64, 21, 0.0, 1.0), step("Gauss", F64, 5, 3.0, 0.5)]})
        cases.append({"name": "normalvariate", "seed": seed,
                      "steps": [step("NormalVariate", F64, 20, 1.0, 2.0)]})
    cases.append({"name": "mixed", "seed": 2024, "steps": [
        step("Random", F64, 3), step("Gauss", F64, 1, 0.0, 1.0),
        step("RandInt", I64, 5, ints=(1, 6)), step("Gauss", F64, 1, 0.0, 1.0),
        step("Shuffle", I64, 8), step("Uniform", F64, 2, 0.0, 10.0),
        step("Gauss", F64, 1, 0.0, 1.0), step("Seed", I64, 0, ints=(2024,)),
        step("Gauss", F64, 1, 0.0, 1.0), step("Choice", I64, 4, ints=(3,)),
        step("GetRandBits", I64, 2, ints=(40,)), step("Random", F64, 2)]})
    return cases


# --------------------------------------------------------------- oracles --

def f32bits(x):
    return struct.unpack("<I", struct.pack("<f", x))[0]


def f64bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def tensor_bits(t):
    import torch
    if t.dtype == torch.float32:
        return [f32bits(x) for x in t.reshape(-1).tolist()]
    if t.dtype == torch.float64:
        return [f64bits(x) for x in t.reshape(-1).tolist()]
    return [x & (2**64 - 1) for x in t.reshape(-1).tolist()]


def run_torch_step(s):
    import warnings
    warnings.simplefilter("ignore")  # init's zero-element warning
    import torch
    import torch.nn.functional as F
    from torch import nn
    from torch.nn import init
    op, dt, n, a, b, ints, inp = s
    dtype = {F32: torch.float32, F64: torch.float64, I64: torch.int64}[dt]
    if op == "Seed":
        torch.manual_seed(ints[0])
        return []
    if op == "Rand":
        return tensor_bits(torch.rand(n, dtype=dtype))
    if op == "Uniform":
        return tensor_bits(torch.empty(n, dtype=dtype).uniform_(a, b))
    if op == "Normal":
        if (a, b) == (0.0, 1.0):
            return tensor_bits(torch.randn(n, dtype=dtype))
        return tensor_bits(torch.empty(n, dtype=dtype).normal_(a, b))
    if op == "Randint":
        return tensor_bits(torch.randint(ints[0], ints[1], (n,)))
    if op == "Randperm":
        return tensor_bits(torch.randperm(n))
    if op == "BernoulliScalar":
        return tensor_bits(torch.empty(n, dtype=dtype).bernoulli_(a))
    if op == "BernoulliTensor":
        return tensor_bits(torch.bernoulli(torch.tensor(inp, dtype=dtype)))
    if op == "Exponential":
        return tensor_bits(torch.empty(n, dtype=dtype).exponential_(a))
    if op == "Multinomial":
        rows, cats, rep, rank = ints
        p = torch.tensor(inp, dtype=dtype)
        if rank == 2:
            p = p.reshape(rows, cats)
        return tensor_bits(torch.multinomial(p, n, replacement=bool(rep)))
    if op == "Dropout":
        return tensor_bits(F.dropout(torch.ones(n), a, training=True))
    w = torch.empty(*ints)
    if op == "KaimingUniform":
        init.kaiming_uniform_(w, a=a)
    elif op == "KaimingNormal":
        init.kaiming_normal_(w, a=a)
    elif op == "XavierUniform":
        init.xavier_uniform_(w, gain=a)
    elif op == "XavierNormal":
        init.xavier_normal_(w, gain=a)
    elif op == "LinearInit":
        if len(ints) == 2:
            m = nn.Linear(ints[1], ints[0])
        else:
            m = nn.Conv2d(ints[1], ints[0], tuple(ints[2:]))
        return tensor_bits(m.weight.detach()) + tensor_bits(m.bias.detach())
    else:
        raise ValueError(op)
    return tensor_bits(w)


def run_py_step(r, s):
    op, dt, n, a, b, ints, inp = s
    if op == "Seed":
        r.seed(ints[0])
        return []
    if op == "Shuffle":
        x = list(range(n))
        r.shuffle(x)
        return x
    draw = {
        "Random": lambda: f64bits(r.random()),
        "GetRandBits": lambda: r.getrandbits(ints[0]),
        "RandBelow": lambda: r._randbelow(ints[0]),
        "RandRange": lambda: r.randrange(*ints),
        "RandInt": lambda: r.randint(*ints),
        "Uniform": lambda: f64bits(r.uniform(a, b)),
        "Choice": lambda: r.choice(range(ints[0])),
        "Gauss": lambda: f64bits(r.gauss(a, b)),
        "NormalVariate": lambda: f64bits(r.normalvariate(a, b)),
    }[op]
    return [draw() & (2**64 - 1) for _ in range(n)]


def worker(kernel):
    """Runs the torch cases for one ATen kernel build; prints JSON."""
    import torch
    torch.set_num_threads(1)
    out = []
    for c in torch_cases():
        if c["kernel"] != kernel:
            continue
        torch.manual_seed(c["seed"])
        c["expected"] = [run_torch_step(s) for s in c["steps"]]
        out.append(c)
    json.dump(out, sys.stdout)


# ---------------------------------------------------------------- output --

def cxx_double(x):
    return "0.0" if x == 0 else float(x).hex()


def emit(torch_results, py_results):
    lines = [
        "// Generated by scripts/gen-random-vectors.py; do not edit. Regenerate with",
        "//   /usr/bin/python3 scripts/gen-random-vectors.py > test/Unit/Runtime/RandomVectors.inc",
        "// Expected outputs of PyTorch 1.13 (CPU) and CPython 3.11's `random`, as",
        "// raw bits: float32/float64 bit patterns and int64 values, widened to",
        "// uint64. Included by RandomTest.cpp, which defines the types used here.",
        "",
    ]
    counter = [0]

    def emit_cases(kind, cases):
        table = []
        for c in cases:
            i = counter[0]
            counter[0] += 1
            steps = []
            flat = []
            for s, exp in zip(c["steps"], c["expected"]):
                op, dt, n, a, b, ints, inp = s
                in_name = "nullptr"
                if inp:
                    in_name = f"In{i}_{len(steps)}"
                    lines.append(f"static const double {in_name}[] = {{"
                                 + ", ".join(cxx_double(x) for x in inp) + "};")
                ints4 = (list(ints) + [0, 0, 0, 0])[:4]
                steps.append(
                    f"{{{kind}Op::{op}, DType::{dt}, {n}, {cxx_double(a)}, {cxx_double(b)}, "
                    f"{{{', '.join(str(v) + 'LL' for v in ints4)}}}, {len(ints)}, {in_name}, "
                    f"{len(inp)}, {len(exp)}}}")
                flat += exp
            lines.append(f"static const {kind}Step Steps{i}[] = {{\n    "
                         + ",\n    ".join(steps) + "};")
            out_name = "nullptr"
            if flat:
                out_name = f"Out{i}"
                lines.append(f"static const uint64_t {out_name}[] = {{")
                words = [f"0x{v:x}," for v in flat]
                row = "   "
                for w in words:
                    if len(row) + 1 + len(w) > 80:
                        lines.append(row)
                        row = "   "
                    row += " " + w
                lines.append(row)
                lines.append("};")
            seed = c["seed"]
            seed_lit = f"{seed}LL" if -2**63 < seed < 2**63 else "INT64_MIN"
            if kind == "Torch":
                seed_lit = f"{seed}ULL"
                table.append(f'{{"{c["name"]}", TorchCpuKernel::{c["kernel"]}, {seed_lit}, '
                             f'Steps{i}, {len(steps)}, {out_name}, {len(flat)}}}')
            else:
                table.append(f'{{"{c["name"]}", {seed_lit}, Steps{i}, {len(steps)}, '
                             f'{out_name}, {len(flat)}}}')
        lines.append(f"static const {kind}Case {kind}Cases[] = {{\n    "
                     + ",\n    ".join(table) + "};")

    emit_cases("Torch", torch_results)
    emit_cases("Py", py_results)
    print("\n".join(lines))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        worker(sys.argv[2])
        return
    torch_results = []
    for kernel, cap in (("Avx2", "avx2"), ("Default", "default")):
        env = dict(os.environ, ATEN_CPU_CAPABILITY=cap, OMP_NUM_THREADS="1")
        res = subprocess.run([sys.executable, os.path.abspath(__file__), "--worker", kernel],
                             env=env, check=True, capture_output=True, text=True)
        torch_results += json.loads(res.stdout)
    py_results = []
    for c in py_cases():
        r = random.Random(c["seed"])
        c["expected"] = [run_py_step(r, s) for s in c["steps"]]
        py_results.append(c)
    emit(torch_results, py_results)


if __name__ == "__main__":
    main()
