#!/usr/bin/python3
"""Writes test/Unit/Runtime/PrintVectors.inc: repr() of tensors as PyTorch
1.13 prints them, replayed by PrintTest.cpp through formatTensor.

Each case is a tensor's dtype, shape and row-major values (floats as
hexadecimal literals, NAN/INFINITY for non-finite, in the first list; int64
and bool as integer literals in the second),
whether PrintTest.cpp must print its transpose (a non-contiguous view), the
autograd suffix (requires_grad / grad_fn name) and torch's repr text. Cases
cover fixed edge values (integral floats, -0., nan/inf, every scientific
mode trigger and its neighbours), seeded random tensors of many magnitudes
and ranks 0-4, line wrapping, summarisation of tensors over 1000 elements,
empty tensors, every dtype and the suffix wrapping rule.

Regenerate with
  /usr/bin/python3 scripts/gen-print-vectors.py > test/Unit/Runtime/PrintVectors.inc
"""

import torch

from vectorlib import c_double

torch.set_default_dtype(torch.float32)
torch.manual_seed(1234)

DTYPES = {torch.float32: "Float32", torch.float64: "Float64",
          torch.int64: "Int64", torch.bool: "Bool"}
CASES = []  # (tensor as built, transposed?, requires_grad, grad_fn, repr)


def add(t, transpose=False, requires_grad=False, grad_fn=None, shown=None):
    """Records tensor t (printed as t.t() when transpose)."""
    shown = t.t() if transpose else t
    if requires_grad:
        shown = shown.detach().requires_grad_(True)
    text = repr(shown)
    if grad_fn is not None:
        # A real autograd result, e.g. x + 1 for a leaf x: torch's text.
        leaf = shown.detach().requires_grad_(True)
        out = grad_fn(leaf)
        assert torch.equal(out.detach(), out.detach())
        t = out.detach().t() if transpose else out.detach()
        text = repr(out)
        CASES.append((t.contiguous(), transpose, False,
                      type(out.grad_fn).__name__, text))
        return
    CASES.append((t, transpose, requires_grad, "", text))


def floats(values, dtype=torch.float32):
    add(torch.tensor(values, dtype=dtype))


# Fixed values: int mode, fixed mode, scientific mode and their switches.
FIXED = [
    [1.5, -0.0], [0.0, float("nan"), float("inf"), -0.0], [1.0, 2.0, 3.0],
    [-1.0, -2.0], [0.1, 0.2], [1e-5, 1.0], [1e9, 1.0], [1e8, 1.0],
    [1e8 + 8, 1.0], [123456789.0], [1e-4, 1.0], [1e-4, 0.1], [0.00011],
    [0.99e-4], [1e10, float("nan")], [-float("inf"), 1.5], [float("nan")],
    [0.0], [-0.0], [0.0, 0.0], [1.0, 1000.0], [1.0, 1001.0], [0.5, 500.0],
    [0.5, 501.0], [1.0, -1000.5], [3.14159, -2.71828, 100.0], [12345.678],
    [0.00012345, 0.5], [1e-30, 1e30], [-1e-30], [65504.0, -65504.0],
    [2.0 ** 24, 1.0], [0.00005, 0.00015, 0.00025], [0.12345, 0.12355],
    [1.00005, 2.00015], [9.99995, 99.99995], [float("inf"), -float("inf")],
    [float("nan"), 1e-5], [float("nan"), 2.0], [1e38, 3e38], [1.4e-45, 1.0],
    [1e300, 1.0], [5e-324, 1.0], [0.1, float("inf"), -3.0],
]
for values in FIXED:
    floats(values)
    floats(values, torch.float64)
for v in [3.5, 3.0, -0.0, float("nan"), float("inf"), 1e-10, 12345678.9,
          1e20, -2.5, 0.0, 1e8, 123456.0]:
    add(torch.tensor(v))
    add(torch.tensor(v, dtype=torch.float64))

# int64 and bool.
for values in [[1, -2, 10], [0], [2 ** 62, -(2 ** 63), 2 ** 63 - 1],
               [-1, -22, -333], list(range(40)), [7] * 5]:
    add(torch.tensor(values, dtype=torch.int64))
for v in [5, -7, 0, 2 ** 63 - 1]:
    add(torch.tensor(v, dtype=torch.int64))
add(torch.tensor([True, False]))
add(torch.tensor([True, True]))
add(torch.tensor([False]))
add(torch.tensor(True))
add(torch.tensor(False))
add(torch.arange(24).reshape(2, 3, 4) % 3 == 0)
add(torch.arange(30).reshape(1, 30) % 4 == 1)

# Empty tensors.
for shape in [(0,), (0, 3), (2, 0), (2, 0, 3), (0, 0)]:
    for dtype in DTYPES:
        add(torch.zeros(shape, dtype=dtype))

# Random tensors of many magnitudes and shapes.
SHAPES = [(), (1,), (5,), (7,), (2, 3), (3, 1), (1, 4), (4, 5), (2, 3, 4),
          (3, 1, 2), (2, 2, 2, 3), (1, 2, 1, 2), (6, 7), (13,)]
for dtype in [torch.float32, torch.float64]:
    for exp in [-9, -6, -5, -4, -3, -1, 0, 1, 2, 3, 4, 5, 7, 8, 9, 12]:
        for shape in SHAPES[:: 2 if exp % 2 else 1]:
            add((torch.randn(shape, dtype=dtype) * 10.0 ** exp))
        add(torch.randint(-1000, 1000, (3, 4)).to(dtype) * 10.0 ** exp)
        add(torch.rand(2, 5, dtype=dtype) * 10.0 ** exp)
for shape in SHAPES:
    add(torch.randint(-10 ** 6, 10 ** 6, shape))
    add(torch.rand(shape) > 0.5)

# Line wrapping: long rows, nested rows, wide elements.
add(torch.randn(30))
add(torch.randn(3, 40))
add(torch.randn(2, 2, 2, 30, dtype=torch.float64))
add(torch.arange(100))
add(torch.arange(-50, 50).reshape(2, 50) * 10 ** 12)
add(torch.randn(25) * 1e-7)
add(torch.rand(70) > 0.3)
add(torch.arange(60.0).reshape(3, 20))
add(torch.randn(2, 1, 2, 1, 40))

# Summarised tensors (more than 1000 elements).
add(torch.randn(1001))
add(torch.randn(40, 40))
add(torch.randint(-99, 99, (10, 10, 11)))
add(torch.rand(2000) > 0.5)
add(torch.randn(1, 1, 1001))
add(torch.randn(7, 200, dtype=torch.float64))
add(torch.randn(3, 400))
add(torch.randn(8, 8, 8, 8))
add(torch.arange(1001.0))
add(torch.arange(2000.0).reshape(2, 1000) * 1e-6)
add(torch.cat([torch.zeros(600), torch.full((600,), 1e9)]))
add(torch.randn(1200) * 1e5)
add(torch.randn(1000))
add(torch.randn(2, 3, 200))

# Non-contiguous (a transpose) and autograd suffixes.
add(torch.randn(3, 4), transpose=True)
add(torch.arange(12).reshape(3, 4), transpose=True)
add(torch.randn(3), requires_grad=True)
add(torch.randn(8), requires_grad=True)
add(torch.randn(8, 8), requires_grad=True)
add(torch.randn(9), requires_grad=True)
add(torch.randn(9, dtype=torch.float64), requires_grad=True)
add(torch.randn(2), grad_fn=lambda x: x + 1)
add(torch.randn(8), grad_fn=lambda x: x * 2)
add(torch.randn(7, dtype=torch.float64), grad_fn=lambda x: x.sum())
add(torch.randn(3, 3, dtype=torch.float64), grad_fn=lambda x: x.exp())
add(torch.tensor(2.0), grad_fn=lambda x: x * x)
add(torch.tensor(2.0), requires_grad=True)


def lit(v, dtype):
    if dtype in (torch.int64, torch.bool):
        v = int(v)
        return "INT64_MIN" if v == -(2 ** 63) else str(v)
    return c_double(v)


def main():
    print("// Generated by scripts/gen-print-vectors.py; do not edit. Regenerate with")
    print("//   /usr/bin/python3 scripts/gen-print-vectors.py > test/Unit/Runtime/PrintVectors.inc")
    print("// repr() of PyTorch %s. Included by PrintTest.cpp, which defines"
          % torch.__version__)
    print("// PrintCase.")
    print()
    print("static const PrintCase PrintCases[] = {")
    for t, transpose, requires_grad, grad_fn, text in CASES:
        flat = t.reshape(-1).tolist()
        vals = ", ".join(lit(v, t.dtype) for v in flat)
        shape = ", ".join(str(s) for s in t.shape)
        assert ")janus\"" not in text
        ints = t.dtype in (torch.int64, torch.bool)
        print('    {DType::%s, {%s}, {%s}, {%s}, %s, %s, "%s",\n     R"janus(%s)janus"},'
              % (DTYPES[t.dtype], shape, "" if ints else vals, vals if ints else "",
                 "true" if transpose else "false",
                 "true" if requires_grad else "false", grad_fn, text))
    print("};")


main()
