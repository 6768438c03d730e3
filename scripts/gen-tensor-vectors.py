#!/usr/bin/python3
"""Writes test/Unit/Runtime/TensorVectors.inc: expected results of PyTorch
1.13 (CPU) for the tensor core's ops, replayed by TensorTest.cpp.

Inputs are fixed arange-based tensors (no RNG). Each case names an op that
TensorTest.cpp implements with the runtime the same way OPS below does with
torch, the inputs it takes and numeric parameters, and the expected dtype,
shape and values. Values are written as hexadecimal floats (exact for every
float32/float64 and for the small integers used), NaN as NAN.

Regenerate with
  /usr/bin/python3 scripts/gen-tensor-vectors.py > test/Unit/Runtime/TensorVectors.inc
"""

import torch

from vectorlib import c_number, c_tensor_fields

torch.set_default_dtype(torch.float32)

INPUTS = {
    # float32 3x4 mixing signs and non-integers: -1.3 .. 1.45.
    "f0": (torch.arange(12.0).reshape(3, 4) * 0.25 - 1.3),
    "f1": torch.tensor([0.5, -2.0, 3.0, 0.125]),
    "f2": torch.tensor([[1.0], [-1.5], [2.0]]),
    # Strictly positive float32, for log/sqrt/pow.
    "p0": torch.arange(1.0, 13.0).reshape(3, 4) / 3,
    "d0": torch.arange(12.0, dtype=torch.float64).reshape(3, 4) * 0.3 - 1.1,
    "d1": torch.arange(20.0, dtype=torch.float64).reshape(4, 5) / 7 - 1,
    "i0": torch.arange(12).reshape(3, 4) - 5,
    "i1": torch.tensor([1, 2, 3, 4]),
    "i2": torch.arange(20).reshape(4, 5) % 7 - 3,
    "b0": (torch.arange(12).reshape(3, 4) % 3) == 0,
    "n0": torch.tensor([[1.0, float("nan"), 3.0], [2.0, 1.0, 0.0]]),
    "m0": torch.arange(24.0).reshape(2, 3, 4) / 5 - 2,
    "m1": torch.arange(40.0).reshape(2, 4, 5) / 9 - 2,
    "m2": torch.arange(20.0).reshape(4, 5) / 3 - 3,
    "v3": torch.tensor([1.5, -2.0, 0.25]),
    "v4": torch.tensor([0.5, 1.0, -1.0, 2.0]),
    "s0": torch.tensor(2.5),  # 0-dim float32 (not a wrapped number)
    "sd": torch.tensor(2.5, dtype=torch.float64),
}
NAMES = list(INPUTS)


def inplace(fn):
    def run(x, *rest):
        y = x.clone()
        fn(y, *rest)
        return y
    return run


def through_t(a):
    # Writes through a transposed view of a copy, returns the copy.
    y = a.clone()
    y.t().mul_(2).add_(1)
    return y


# Name -> function of (inputs..., params...). TensorTest.cpp implements the
# same names with the runtime.
OPS = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "pow": lambda a, b: torch.pow(a, b),
    "maximum": torch.maximum,
    "minimum": torch.minimum,
    "add_alpha": lambda a, b, al: torch.add(a, b, alpha=al),
    "sub_alpha": lambda a, b, al: torch.sub(a, b, alpha=al),
    "add_ialpha": lambda a, b, al: torch.add(a, b, alpha=int(al)),
    "add_sf": lambda a, s: a + s,
    "add_si": lambda a, s: a + int(s),
    "mul_sf": lambda a, s: a * s,
    "div_si": lambda a, s: a / int(s),
    "rsub_sf": lambda a, s: s - a,
    "pow_sf": lambda a, s: a ** s,
    "pow_si": lambda a, s: a ** int(s),
    "eq": torch.eq, "ne": torch.ne, "lt": torch.lt,
    "le": torch.le, "gt": torch.gt, "ge": torch.ge,
    "lt_sf": lambda a, s: a < s,
    "where": torch.where,
    "clamp_ff": lambda a, lo, hi: a.clamp(lo, hi),
    "clamp_ii": lambda a, lo, hi: a.clamp(int(lo), int(hi)),
    "clamp_min_f": lambda a, lo: a.clamp(min=lo),
    "exp": torch.exp, "log": torch.log, "sqrt": torch.sqrt,
    "abs": torch.abs, "neg": torch.neg, "tanh": torch.tanh,
    "sigmoid": torch.sigmoid, "relu": torch.relu,
    # Views, read back through contiguous().
    "t": lambda a: a.t(),
    "permute_201": lambda a: a.permute(2, 0, 1),
    "reshape_t": lambda a: a.t().reshape(-1, 2),
    "view_32": lambda a: a.view(-1, 2),
    "slice_step": lambda a: a[:, 1::2],
    "slice_neg": lambda a: a[-2:, :-1],
    "narrow": lambda a: a.narrow(1, 1, 2),
    "select_neg": lambda a: a[-1],
    "select_col": lambda a: a[:, -3],
    "expand": lambda a: a.expand(2, 3, 4),
    "unsqueeze_squeeze": lambda a: a.unsqueeze(1).unsqueeze(-1).squeeze(),
    "add_strided": lambda a, b: a.t() + b[:, 1:2].t().expand(4, 3),
    "exp_strided": lambda a: a[:, ::2].exp(),
    # In place (on a copy of the first input).
    "add_": inplace(lambda x, b: x.add_(b)),
    "sub_alpha_": inplace(lambda x, b, al: x.sub_(b, alpha=al)),
    "mul_": inplace(lambda x, b: x.mul_(b)),
    "div_": inplace(lambda x, b: x.div_(b)),
    "fill_": inplace(lambda x, v: x.fill_(v)),
    "zero_": inplace(lambda x: x.zero_()),
    "copy_": inplace(lambda x, b: x.copy_(b)),
    "through_t": through_t,
    # Reductions.
    "sum": torch.sum,
    "sum_d1": lambda a: a.sum(1),
    "sum_d0k": lambda a: a.sum(0, keepdim=True),
    "sum_dm1m2": lambda a: a.sum((-1, -2)),
    "mean": torch.mean,
    "mean_d1": lambda a: a.mean(1),
    "mean_d02k": lambda a: a.mean((0, 2), keepdim=True),
    "sum_d023k": lambda a: a.sum((0, 2, 3), keepdim=True),
    "mean_d023": lambda a: a.mean((0, 2, 3)),
    "max": torch.max, "min": torch.min,
    "max_d1_v": lambda a: a.max(1)[0],
    "max_d1_i": lambda a: a.max(1)[1],
    "min_d0k_v": lambda a: a.min(0, keepdim=True)[0],
    "min_d0k_i": lambda a: a.min(0, keepdim=True)[1],
    "argmax": torch.argmax,
    "argmax_d1": lambda a: a.argmax(1),
    "var": torch.var,
    "var_d1": lambda a: a.var(1),
    "var_d0_biased": lambda a: a.var(0, unbiased=False),
    "std": torch.std,
    "std_d1k": lambda a: a.std(1, keepdim=True),
    "norm": torch.norm,
    "norm_d1": lambda a: a.norm(dim=1),
    "cumsum_d0": lambda a: a.cumsum(0),
    "cumsum_d1": lambda a: a.cumsum(1),
    "softmax_d1": lambda a: a.softmax(1),
    "softmax_d0": lambda a: a.softmax(0),
    "log_softmax_d1": lambda a: a.log_softmax(1),
    "log_softmax_d0": lambda a: a.log_softmax(0),
    # Matrix products.
    "mm": torch.mm,
    "mm_tA": lambda a, b: a.t().mm(b),
    "mm_tB": lambda a, b: a.mm(b.t()),
    "mm_slice": lambda a, b: a[:, 1:].mm(b[1:, ::2]),
    "matmul": torch.matmul,
    "matmul_tB": lambda a, b: torch.matmul(a, b.transpose(-1, -2)),
    "bmm": torch.bmm,
    # Creation (no inputs).
    "arange_f": lambda: torch.arange(0, 1, 0.1),
    "arange_i": lambda: torch.arange(-3, 10, 4),
    "linspace7": lambda: torch.linspace(0, 1, 7),
    "linspace10": lambda: torch.linspace(-1, 2.5, 10),
    "linspace_d": lambda: torch.linspace(-1, 2.5, 10, dtype=torch.float64),
    "eye34": lambda: torch.eye(3, 4),
    "full_i": lambda: torch.full((2, 2), 7),
    "full_f": lambda: torch.full((2, 3), 0.1),
    "ones_b": lambda: torch.ones(3, dtype=torch.bool),
}

# Ops whose float results may differ from PyTorch in the last bits, and why.
# Relative tolerance (scaled by max(|expected|, 1)) per dtype.
INEXACT = {
    # libm vs SLEEF (both within ~1 ulp): up to a few float32 ulps.
    "pow", "pow_sf",
    # (sum, mean, var and std are exact: ATen's order, CascadeSum.cpp.)
    # norm accumulates in float64.
    "norm", "norm_d1",
    # OpenBLAS vs MKL summation order.
    "mm", "mm_tA", "mm_tB", "mm_slice", "matmul", "matmul_tB", "bmm",
    # ATen's vectorized linspace evaluates start + step * i differently.
    "linspace7", "linspace10", "linspace_d",
}
# Exact in float32 (VecMath.cpp reproduces SLEEF's float functions and
# ATen's sigmoid loop, SoftmaxRow.cpp ATen's softmax kernels), not
# in float64 (libm's double functions vs SLEEF's).
INEXACT_F64 = {"exp", "log", "tanh", "sigmoid", "exp_strided", "softmax_d0",
               "softmax_d1", "log_softmax_d0", "log_softmax_d1"}
TOL = {torch.float32: 2e-6, torch.float64: 1e-12}

CASES = [
    # Binary arithmetic and promotion.
    ("add", ["f0", "f1"]), ("add", ["f0", "f2"]), ("add", ["i0", "f1"]),
    ("add", ["i0", "i1"]), ("add", ["b0", "b0"]), ("add", ["b0", "i0"]),
    ("add", ["f0", "d0"]), ("add", ["i0", "s0"]), ("add", ["f0", "sd"]),
    ("add", ["i0", "sd"]),
    ("sub", ["f0", "f2"]), ("sub", ["i0", "i1"]), ("sub", ["d0", "f1"]),
    ("mul", ["f0", "f1"]), ("mul", ["b0", "b0"]), ("mul", ["i0", "b0"]),
    ("div", ["f0", "f1"]), ("div", ["i0", "i1"]), ("div", ["i1", "i0"]),
    ("div", ["d0", "f2"]),
    ("pow", ["p0", "f1"]), ("pow", ["i0", "i1"]),
    ("maximum", ["f0", "f2"]), ("minimum", ["i0", "i1"]),
    ("maximum", ["n0", "s0"]),
    ("add_alpha", ["f0", "f1", 2.0]), ("sub_alpha", ["d0", "f2", 0.5]),
    ("add_ialpha", ["i0", "i1", 3]),
    ("add_sf", ["i0", 2.5]), ("add_sf", ["f0", 0.1]), ("add_sf", ["d0", 0.1]),
    ("add_si", ["f0", 3]), ("add_si", ["b0", 3]), ("add_sf", ["b0", 0.5]),
    ("mul_sf", ["i0", 1.5]), ("div_si", ["i0", 4]), ("div_si", ["f0", 3]),
    ("rsub_sf", ["f0", 1.0]),
    ("pow_sf", ["f0", 2.0]), ("pow_sf", ["p0", 0.5]), ("pow_sf", ["p0", -1.0]),
    ("pow_sf", ["p0", 1.7]), ("pow_si", ["i0", 2]), ("pow_sf", ["i0", 2.0]),
    ("pow_si", ["f0", 3]),
    # Comparisons.
    ("eq", ["i0", "i1"]), ("ne", ["f0", "f2"]), ("lt", ["f0", "f1"]),
    ("le", ["i0", "f2"]), ("gt", ["d0", "f0"]), ("ge", ["b0", "i0"]),
    ("lt_sf", ["i0", 0.5]), ("eq", ["n0", "n0"]),
    ("where", ["b0", "f0", "i1"]), ("where", ["b0", "i0", "s0"]),
    ("where", ["b0", "d0", "f2"]),
    ("clamp_ff", ["f0", -0.5, 0.75]), ("clamp_ii", ["i0", -2, 3]),
    ("clamp_ff", ["i0", -2.5, 3.5]), ("clamp_min_f", ["n0", 1.5]),
    ("clamp_ff", ["f0", 1.0, -1.0]),
] + [(u, [x]) for u in ["exp", "tanh", "sigmoid", "abs", "neg", "relu"]
     for x in ["f0", "d0", "i0"]] + [
    ("log", ["p0"]), ("sqrt", ["p0"]), ("log", ["i1"]), ("sqrt", ["i1"]),
    ("relu", ["n0"]),
    # Views.
    ("t", ["f0"]), ("t", ["f1"]), ("permute_201", ["m0"]),
    ("reshape_t", ["i0"]), ("view_32", ["i0"]), ("slice_step", ["i0"]),
    ("slice_neg", ["i0"]), ("narrow", ["f0"]), ("select_neg", ["m0"]),
    ("select_col", ["i0"]), ("expand", ["f1"]), ("expand", ["f2"]),
    ("unsqueeze_squeeze", ["f0"]), ("add_strided", ["f0", "i0"]),
    ("exp_strided", ["f0"]),
    # In place.
    ("add_", ["f0", "f1"]), ("add_", ["i0", "i1"]), ("add_", ["d0", "f2"]),
    ("sub_alpha_", ["f0", "f2", 2.0]), ("mul_", ["f0", "i1"]),
    ("mul_", ["f0", "d0"]), ("div_", ["f0", "f1"]), ("fill_", ["i0", 2.75]),
    ("fill_", ["f0", 0.1]), ("zero_", ["d0"]), ("copy_", ["f0", "i1"]),
    ("copy_", ["i0", "f2"]), ("copy_", ["b0", "f0"]), ("through_t", ["f0"]),
] + [(r, [x]) for r in ["sum", "sum_d1", "sum_d0k", "max", "min", "max_d1_v",
                        "max_d1_i", "min_d0k_v", "min_d0k_i", "argmax",
                        "argmax_d1", "cumsum_d0", "cumsum_d1"]
     for x in ["f0", "d0", "i0"]] + [
    ("sum", ["b0"]), ("sum_d1", ["b0"]), ("cumsum_d1", ["b0"]),
    ("sum_dm1m2", ["m0"]), ("max_d1_v", ["n0"]), ("max_d1_i", ["n0"]),
    ("max", ["n0"]), ("argmax", ["n0"]), ("argmax_d1", ["n0"]),
    ("sum", ["s0"]),
] + [(r, [x]) for r in ["mean", "mean_d1", "var", "var_d1", "var_d0_biased",
                        "std", "std_d1k", "norm", "norm_d1", "softmax_d1",
                        "softmax_d0", "log_softmax_d1", "log_softmax_d0"]
     for x in ["f0", "d0", "m0"]] + [
    ("mean_d02k", ["m0"]),
    # BatchNorm's statistics: reduced dims around the kept one, inner rows
    # of 20 floats (not a multiple of the in-place sum's 8 partial sums).
    ("sum_d023k", ["m4"]), ("mean_d023", ["m4"]),
    # Matrix products.
    ("mm", ["f0", "m2"]), ("mm", ["d0", "d1"]), ("mm", ["i0", "i2"]),
    ("mm_tA", ["f0", "f0"]), ("mm_tB", ["f0", "f0"]), ("mm_tB", ["d0", "d0"]),
    ("mm_slice", ["f0", "m2"]),
    ("matmul", ["v4", "v4"]), ("matmul", ["f0", "v4"]), ("matmul", ["v3", "f0"]),
    ("matmul", ["f0", "m2"]), ("matmul", ["m0", "m2"]), ("matmul", ["m0", "m1"]),
    ("matmul", ["m0", "v4"]), ("matmul", ["v3", "m0"]),
    ("matmul_tB", ["m0", "m0"]), ("matmul_tB", ["m0", "f0"]),
    ("matmul", ["i0", "i1"]), ("bmm", ["m0", "m1"]),
    ("matmul", ["m0", "m1_b"]),
] + [(c, []) for c in ["arange_f", "arange_i", "linspace7", "linspace10",
                       "linspace_d", "eye34", "full_i", "full_f", "ones_b"]]

# A 1x4x5 batch, to test batch broadcasting against m0's batch of 2.
INPUTS["m1_b"] = torch.arange(20.0).reshape(1, 4, 5) / 4 - 2
# An NCHW float32 2x3x4x5, -8 .. 9.0 in steps of 1/7.
INPUTS["m4"] = torch.arange(120.0).reshape(2, 3, 4, 5) / 7 - 8
NAMES = list(INPUTS)

def main():
    print("// Generated by scripts/gen-tensor-vectors.py; do not edit. Regenerate with")
    print("//   /usr/bin/python3 scripts/gen-tensor-vectors.py > test/Unit/Runtime/TensorVectors.inc")
    print("// Expected results of PyTorch %s (CPU). Included by TensorTest.cpp," % torch.__version__)
    print("// which defines InputSpec and OpCase.")
    print()
    print("static const InputSpec Inputs[] = {")
    for n in NAMES:
        print('    {"%s", %s},' % (n, c_tensor_fields(INPUTS[n])))
    print("};")
    print()
    print("static const OpCase Cases[] = {")
    for op, args in CASES:
        ins = [a for a in args if isinstance(a, str)]
        params = [a for a in args if not isinstance(a, str)]
        out = OPS[op](*[INPUTS[i] for i in ins], *params)
        f64 = out.dtype == torch.float64
        inexact = op in INEXACT or (op in INEXACT_F64 and f64)
        tol = TOL.get(out.dtype, 0.0) if inexact else 0.0
        print('    {"%s", {%s}, {%s}, %s, %s},' % (
            op, ", ".join(str(NAMES.index(i)) for i in ins),
            ", ".join(c_number(p) for p in params), c_tensor_fields(out), c_number(tol)))
    print("};")


if __name__ == "__main__":
    main()
