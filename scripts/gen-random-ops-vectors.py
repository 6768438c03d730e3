#!/usr/bin/python3
"""Writes test/Unit/Runtime/RandomOpsVectors.inc: seeded sequences of
PyTorch 1.13 random tensor calls (torch.rand/randn/randint/randperm/
multinomial/bernoulli, uniform_/normal_/bernoulli_ on contiguous and
transposed tensors, nn.init and Linear/Conv reset_parameters), replayed by
RandomOpsTest.cpp through Tensor/RandomOps.h and compared
bit for bit.

Each step is an op name, a dtype, a shape, numeric parameters, an input
(probabilities) and the output's values: floats as hexadecimal literals,
integers in a separate list. A step "seed" reseeds; the other steps run in
order so the cached Box-Muller value and the engine state carry over.
In-place steps on a transposed target fill base.t() for a fresh base of the
given shape and record base. Runs under ATEN_CPU_CAPABILITY=avx2, the build
the runtime reproduces by default.

Regenerate with
  ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 scripts/gen-random-ops-vectors.py > test/Unit/Runtime/RandomOpsVectors.inc
"""

import math
import os
import torch
import torch.nn as nn
import torch.nn.init as init

from vectorlib import c_double

assert os.environ.get("ATEN_CPU_CAPABILITY") == "avx2"
torch.set_default_dtype(torch.float32)

F32, F64, I64, BOOL = torch.float32, torch.float64, torch.int64, torch.bool
NAMES = {F32: "Float32", F64: "Float64", I64: "Int64", BOOL: "Bool"}
NLS = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]
STEPS = []  # (op, dtype, shape, params, input, output tensor)


def step(op, dtype, shape, params, inp, out):
    STEPS.append((op, dtype, list(shape), list(params), inp, out))


def seed(s):
    torch.manual_seed(s)
    step("seed", F32, [], [s], None, None)


def inplace(op, dtype, shape, params, transposed, fn):
    base = torch.zeros(shape, dtype=dtype)
    fn(base.t() if transposed else base)
    step(op + ("_t" if transposed else ""), dtype, shape, params, None, base)


def probs(shape, dtype, zeros=False):
    n = math.prod(shape)
    vals = [float((i * 7) % 5) + (0.0 if zeros else 0.25) for i in range(n)]
    return torch.tensor(vals, dtype=dtype).reshape(shape)


SIZES = [[1], [3], [15], [16], [17], [2, 3], [4, 5], [5, 8], [33]]

for s in [0, 42, 2 ** 40 + 7]:
    seed(s)
    for i, shape in enumerate(SIZES):
        for dt in (F32, F64):
            step("rand", dt, shape, [], None, torch.rand(shape, dtype=dt))
            step("randn", dt, shape, [], None, torch.randn(shape, dtype=dt))
        step("randint", I64, shape, [-5, 7 + i], None, torch.randint(-5, 7 + i, shape))
    step("randperm", I64, [], [10], None, torch.randperm(10))
    step("randperm", I64, [], [50], None, torch.randperm(50))
    step("randint", I64, [20], [0, 2 ** 40], None, torch.randint(0, 2 ** 40, (20,)))

seed(7)
for shape in ([2, 3], [4, 5], [6, 7], [1, 4]):
    for dt in (F32, F64):
        for tr in (False, True):
            inplace("uniform_", dt, shape, [-2.0, 3.5], tr, lambda x: x.uniform_(-2.0, 3.5))
            inplace("normal_", dt, shape, [1.5, 0.25], tr, lambda x: x.normal_(1.5, 0.25))
            inplace("bernoulli_", dt, shape, [0.3], tr, lambda x: x.bernoulli_(0.3))
    inplace("bernoulli_", I64, shape, [0.6], False, lambda x: x.bernoulli_(0.6))
    inplace("bernoulli_", BOOL, shape, [0.6], True, lambda x: x.bernoulli_(0.6))

seed(123)
for dt in (F32, F64):
    for shape in ([5], [3, 4], [2, 10], [40]):
        p = probs(shape, dt) / 5
        step("bernoulli", dt, shape, [], p, torch.bernoulli(p))
    for shape in ([5], [3, 6], [1, 20]):
        for zeros in (False, True):
            p = probs(shape, dt, zeros)
            n = shape[-1]
            for k, repl in ((1, False), (1, True), (min(3, n), False), (n, False),
                            (2 * n, True)):
                if zeros and not repl and k > n - (n + 4) // 5:
                    continue  # fewer nonzero weights than samples
                step("multinomial", dt, shape, [k, int(repl)], p,
                     torch.multinomial(p, k, repl))

seed(99)
for dt in (F32, F64):
    for shape in ([3, 4], [8, 3, 2, 2], [16, 5]):
        for a, mode, nl in ((0.0, 0, 4), (math.sqrt(5), 1, 4), (0.0, 0, 3),
                            (0.2, 1, 2)):
            m = "fan_in" if mode == 0 else "fan_out"
            inplace("kaiming_uniform_", dt, shape, [a, mode, nl],
                    False, lambda x: init.kaiming_uniform_(x, a, m, NLS[nl]))
            inplace("kaiming_normal_", dt, shape, [a, mode, nl], False,
                    lambda x: init.kaiming_normal_(x, a, m, NLS[nl]))
        for g in (1.0, 5.0 / 3):
            inplace("xavier_uniform_", dt, shape, [g], False,
                    lambda x: init.xavier_uniform_(x, g))
            inplace("xavier_normal_", dt, shape, [g], False,
                    lambda x: init.xavier_normal_(x, g))
    inplace("kaiming_normal_", dt, [4, 6], [0.0, 0, 3], True,
            lambda x: init.kaiming_normal_(x, 0.0, "fan_in", "relu"))
seed(5)
for shape, bias, make in (([3, 5], True, lambda: nn.Linear(5, 3)),
                          ([7, 20], False, lambda: nn.Linear(20, 7, bias=False)),
                          ([4, 2, 3, 3], True, lambda: nn.Conv2d(2, 4, 3)),
                          ([2, 3, 5], False, lambda: nn.Conv1d(3, 2, 5, bias=False))):
    m = make()
    out = m.weight.detach().reshape(-1)
    if bias:
        out = torch.cat([out, m.bias.detach()])
    step("reset", F32, shape, [int(bias)], None, out)
# Module construction (weight, then bias) is replayed as one "reset" step.
# The cached normal crosses calls and dtypes: small randn after small randn.
seed(2024)
step("randn", F32, [3], [], None, torch.randn(3))
step("randn", F64, [1], [], None, torch.randn(1, dtype=F64))
step("randn", F64, [20], [], None, torch.randn(20, dtype=F64))
step("randn", F32, [1], [], None, torch.randn(1))
step("randn", F32, [1], [], None, torch.randn(1))


def flist(t):
    return "" if t is None else ", ".join(c_double(v) for v in t.reshape(-1).tolist())


def main():
    print("// Generated by scripts/gen-random-ops-vectors.py; do not edit. Regenerate with")
    print("//   ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 scripts/gen-random-ops-vectors.py > test/Unit/Runtime/RandomOpsVectors.inc")
    print("// PyTorch %s (CPU). Included by RandomOpsTest.cpp, which defines RandomStep."
          % torch.__version__)
    print()
    print("static const RandomStep RandomSteps[] = {")
    for op, dt, shape, params, inp, out in STEPS:
        ints = out is not None and out.dtype in (I64, BOOL)
        ostr = flist(out) if out is not None else ""
        print('    {"%s", DType::%s, {%s}, {%s}, {%s}, {%s}, {%s}},'
              % (op, NAMES[dt], ", ".join(map(str, shape)),
                 ", ".join(c_double(p) for p in params), flist(inp),
                 "" if ints else ostr,
                 ", ".join(str(int(v)) for v in out.reshape(-1).tolist()) if ints else ""))
    print("};")


main()
