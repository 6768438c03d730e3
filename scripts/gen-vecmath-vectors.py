#!/usr/bin/env python3
"""Writes test/Unit/Runtime/VecMathVectors.inc: PyTorch 1.13's float32
exp, log, tanh, sigmoid, softmax and log_softmax (last dim and dim 0 of
2-d tensors), bit for bit,
for test/Unit/Runtime/VecMathVectorTest.cpp (runtime/lib/Tensor/VecMath.cpp
reproduces SLEEF's u10 functions and ATen's sigmoid loop, SoftmaxRow.cpp
ATen's softmax kernels).

The inputs are not stored: element i of a case's base tensor (contiguous,
float32) is (i * 7919 % 2003 - 1001) / 1001 * scale, or, for log,
(i * 7919 % 2003 + 1) / 1001 * scale, computed in float64 and rounded to
float32, which C++ computes identically. The case's layout then takes a
view of the base: "contiguous" (rows x n), "narrow" (base rows x (n + 3),
columns 1 .. n), "step2" (base rows x 2n, every other column) or
"transposed" (base n x rows, transposed). Lengths 1 to 40 (at the first
scale; 40 at the second) cover ATen's
tails: the partial last vector of exp/log/tanh (vec::map), sigmoid's
scalar formula after the last block of 16, softmax's lane reduction.
The special values (NaN, infinities, zeros, overflow, underflow,
denormal results) are listed inputs, and so are the "listed" sigmoid
cases' inputs: 48 values on which ATen's vector and scalar sigmoid
formulas differ (found here; about one input in twenty), in tensors of
lengths 1 to 48, so that a wrong split between the two formulas fails.

One intra-op thread (ATen splits sigmoid's loop between threads above
32768 elements, which moves its tails).

Run with the oracle interpreter (Debian's python3 with torch):
  /usr/bin/python3 scripts/gen-vecmath-vectors.py
"""
import math
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vectorlib import c_double, c_list  # noqa: E402

torch.set_num_threads(1)

OPS = {
    "exp": torch.exp, "log": torch.log, "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "softmax": lambda x: F.softmax(x, dim=-1),
    "log_softmax": lambda x: F.log_softmax(x, dim=-1),
    "softmax0": lambda x: F.softmax(x, dim=0),
    "log_softmax0": lambda x: F.log_softmax(x, dim=0),
}
# Scales: the typical range and one reaching overflow / underflow.
SCALES = {
    "exp": [8.0, 110.0], "log": [3.0, 1e-39], "tanh": [4.0, 12.0],
    "sigmoid": [8.0, 110.0], "softmax": [4.0, 60.0],
    "log_softmax": [4.0, 60.0],
}
# Softmax over dim 0 of rows x n (ATen's inner-dim kernel: n columns, the
# first n - n % 8 as vector lanes, the rest its scalar tail).
INNER_SHAPES = [(1, 5), (3, 1), (3, 8), (4, 11), (9, 17), (2, 21),
                (17, 7), (5, 40)]
SPECIALS = [
    math.nan, math.inf, -math.inf, 0.0, -0.0, 1e-45, -1e-45, 1e-30,
    -1e-30, 1.1754942e-38, 1.1754944e-38, 0.5, -0.5, 1.0, 2.0, 8.66,
    8.67, -8.67, 20.0, -20.0, 87.0, -87.0, 88.72, 88.73, -88.73, 89.0,
    -89.0, 100.0, 100.5, -100.0, -103.9, -104.0, -104.1, 3.4e38, -3.4e38,
]


def base(op, rows, cols, scale):
    vals = []
    for i in range(rows * cols):
        if op == "log":
            v = ((i * 7919) % 2003 + 1) / 1001.0 * scale
        else:
            v = ((i * 7919) % 2003 - 1001) / 1001.0 * scale
        vals.append(v)
    return torch.tensor(vals, dtype=torch.float64).float().reshape(rows, cols)


def view(op, layout, rows, n, scale):
    if layout == "listed":
        return torch.tensor(SPLIT[:n], dtype=torch.float32).reshape(1, n)
    if layout == "contiguous":
        return base(op, rows, n, scale)
    if layout == "narrow":
        return base(op, rows, n + 3, scale)[:, 1:n + 1]
    if layout == "step2":
        return base(op, rows, 2 * n, scale)[:, ::2]
    return base(op, n, rows, scale).t()


def split_inputs():
    """48 floats whose sigmoid differs between ATen's vector formula (in a
    long tensor) and its scalar one (alone)."""
    x = ((torch.arange(4096, dtype=torch.float64) * 7919 % 2003 - 1001)
         / 1001.0 * 8.0).float()
    vec = torch.sigmoid(x)
    found = []
    for i in range(4096):
        if torch.sigmoid(x[i:i + 1]).item() != vec[i].item():
            found.append(x[i].item())
        if len(found) == 48:
            return found
    raise SystemExit("too few inputs where the sigmoid formulas differ")


def cases():
    for n in range(1, 49):
        yield "sigmoid", "listed", 1, n, 0.0
    for op in ("softmax0", "log_softmax0"):
        for rows, n in INNER_SHAPES:
            yield op, "contiguous", rows, n, 4.0
    for op in SCALES:
        for k, scale in enumerate(SCALES[op]):
            for n in range(1, 41) if k == 0 else (40,):
                yield op, "contiguous", 1, n, scale
            for rows, n in ((3, 5), (3, 17)):
                for layout in ("contiguous", "narrow", "step2",
                               "transposed"):
                    yield op, layout, rows, n, scale


SPLIT = split_inputs()


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                       "test", "Unit", "Runtime", "VecMathVectors.inc")
    lines = ["// Generated by scripts/gen-vecmath-vectors.py from PyTorch " +
             torch.__version__.split("+")[0] + "; do not edit.", ""]
    lines.append("static const double vecMathSplitInputs[] = %s;" % c_list(
        [c_double(v, short=True) for v in SPLIT]))
    lines.append("")
    lines.append("static const VecMathCase vecMathCases[] = {")
    count = 0
    for op, layout, rows, n, scale in cases():
        y = OPS[op](view(op, layout, rows, n, scale))
        lines.append('    {"%s", "%s", %d, %d, %s, %s},' % (
            op, layout, rows, n, c_double(scale, short=True),
            c_list([c_double(v, short=True)
                    for v in y.reshape(-1).tolist()])))
        count += 1
    lines.append("};")
    lines.append("")
    lines.append("static const double vecMathSpecialInputs[] = %s;" % c_list(
        [c_double(v, short=True) for v in SPECIALS]))
    lines.append("")
    lines.append("static const VecMathSpecial vecMathSpecials[] = {")
    x = torch.tensor(SPECIALS, dtype=torch.float32)
    for op in ("exp", "log", "tanh", "sigmoid"):
        y = OPS[op](x)
        lines.append('    {"%s", %s},' % (op, c_list(
            [c_double(v, short=True) for v in y.tolist()])))
    lines.append("};")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{count} cases -> {os.path.relpath(out)}")


if __name__ == "__main__":
    main()
