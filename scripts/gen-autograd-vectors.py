#!/usr/bin/python3
"""Writes test/Unit/Runtime/AutogradVectors.inc: forward values and input
gradients of PyTorch 1.13 (CPU) autograd, replayed by AutogradTest.cpp.

Every case runs one op (or a small composite: an MLP with a log_softmax
loss, a tensor used twice, shared subexpressions, in-place updates of
non-leaves) on fixed float32 inputs that require grad, then calls
out.backward(G) with a fixed gradient G of the output's shape. The file
holds the output, the name of out.grad_fn and the .grad of every input
(None where the input got no gradient). OPS below and runOp() in
AutogradTest.cpp implement the same names. It also holds the exact text of
the autograd error messages the runtime reproduces.

Regenerate with
  /usr/bin/python3 scripts/gen-autograd-vectors.py > test/Unit/Runtime/AutogradVectors.inc
"""

import torch

from vectorlib import (c_double, c_named_tensors, c_shape, c_string, c_values,
                       run_backward)

torch.set_default_dtype(torch.float32)

INPUTS = {
    # No ties and no zeros, so every op is differentiable at these points.
    "a": torch.arange(12.0).reshape(3, 4) * 0.37 - 2.1,
    "b": torch.tensor([0.5, -1.25, 2.0, 0.75]),
    "c": torch.tensor([[1.5], [-0.5], [2.5]]),
    "p": torch.arange(1.0, 13.0).reshape(3, 4) / 4 + 0.1,  # positive
    "q": torch.tensor([[0.9, 1.3, 0.7, 1.1]]),  # positive, 1x4
    "s": torch.tensor(1.7),  # 0-dim tensor (not a wrapped number)
    "m": torch.arange(24.0).reshape(2, 3, 4) * 0.11 - 1.2,
    "w": torch.arange(20.0).reshape(4, 5) * 0.13 - 1.05,
    "n": torch.arange(40.0).reshape(2, 4, 5) * 0.05 - 0.93,
    "nb": torch.arange(20.0).reshape(1, 4, 5) * 0.09 - 0.8,
    "v": torch.tensor([0.3, -0.7, 1.1, 0.2]),
    "u": torch.tensor([0.6, -0.4, 1.3]),
    "tie": torch.tensor([[1.0, 3.0, 3.0, 2.0], [0.5, -1.0, 3.0, 0.0]]),
    "x": torch.tensor([[0.2, -0.4, 0.9], [1.1, 0.3, -0.6]]),  # MLP batch 2x3
    "w1": torch.arange(12.0).reshape(3, 4) * 0.09 - 0.5,
    "b1": torch.tensor([0.1, -0.2, 0.05, 0.3]),
    "w2": torch.arange(8.0).reshape(4, 2) * 0.15 - 0.6,
    "b2": torch.tensor([0.02, -0.03]),
}
NAMES = list(INPUTS)
# Constant (non-differentiable) tensors.
COND = (torch.arange(12).reshape(3, 4) % 3) == 0
ONEHOT = torch.tensor([[0.0, 1.0], [1.0, 0.0]])


def inplace_on_copy(fn):
    def run(a, *rest):
        y = a * 1.0
        fn(y, *rest)
        return y
    return run


def mlp(x, w1, b1, w2, b2):
    h = torch.relu(x @ w1 + b1)
    logp = torch.log_softmax(h @ w2 + b2, 1)
    return -(logp * ONEHOT).sum() / 2


def buffer_rows(a, b):
    # Rows of a buffer that does not require grad, written in place.
    buf = torch.zeros(2, 4)
    buf[0].copy_(a[0] * b)
    buf[1].copy_(b)
    buf[1].mul_(a[2])
    return buf


# Name -> function of (inputs..., params...).
OPS = {
    "add": lambda a, b: a + b,
    "add_alpha": lambda a, b, al: torch.add(a, b, alpha=al),
    "sub": lambda a, b: a - b,
    "sub_alpha": lambda a, b, al: torch.sub(a, b, alpha=al),
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "pow": lambda a, b: torch.pow(a, b),
    "maximum": torch.maximum,
    "minimum": torch.minimum,
    "add_sf": lambda a, s: a + s,
    "mul_sf": lambda a, s: a * s,
    "rsub_sf": lambda a, s: s - a,
    "div_sf": lambda a, s: a / s,
    "pow_sf": lambda a, s: a ** s,
    "pow_si": lambda a, s: a ** int(s),
    "rpow_sf": lambda a, s: s ** a,
    "mul_int": lambda a: a * torch.tensor([1, 2, -1, 3]),
    "where": lambda a, b: torch.where(COND, a, b),
    "clamp": lambda a, lo, hi: a.clamp(lo, hi),
    "clamp_min": lambda a, lo: a.clamp(min=lo),
    "clamp_max": lambda a, hi: a.clamp(max=hi),
    "exp": torch.exp, "log": torch.log, "sqrt": torch.sqrt, "abs": torch.abs,
    "neg": torch.neg, "tanh": torch.tanh, "sigmoid": torch.sigmoid,
    "relu": torch.relu,
    "sum": torch.sum,
    "sum_d1": lambda a: a.sum(1),
    "sum_d0k": lambda a: a.sum(0, keepdim=True),
    "sum_dm1m3": lambda a: a.sum([-1, -3]),
    "mean": torch.mean,
    "mean_d1": lambda a: a.mean(1),
    "mean_d02k": lambda a: a.mean([0, 2], keepdim=True),
    "max": torch.max, "min": torch.min,
    "max_d1": lambda a: a.max(1)[0],
    "min_d0k": lambda a: a.min(0, keepdim=True)[0],
    "var": torch.var,
    "var_d1": lambda a: a.var(1),
    "var_d0_biased": lambda a: a.var(0, unbiased=False),
    "std": torch.std,
    "std_d1k": lambda a: a.std(1, keepdim=True),
    "norm": torch.norm,
    "norm_d1": lambda a: a.norm(dim=[1]),
    "norm_d02k": lambda a: a.norm(dim=[0, 2], keepdim=True),
    "cumsum_d0": lambda a: a.cumsum(0),
    "cumsum_d1": lambda a: a.cumsum(1),
    "softmax_d1": lambda a: a.softmax(1),
    "softmax_d0": lambda a: a.softmax(0),
    "log_softmax_d1": lambda a: a.log_softmax(1),
    "log_softmax_dm1": lambda a: a.log_softmax(-1),
    "mm": torch.mm, "bmm": torch.bmm, "matmul": torch.matmul,
    "view_62": lambda a: a.view(6, 2),
    "reshape_26": lambda a: a.reshape(2, -1),
    "reshape_copy": lambda a: a.t().reshape(12),
    "flatten": torch.flatten,
    "transpose": lambda a: a.transpose(0, 2),
    "t": lambda a: a.t(),
    "permute_201": lambda a: a.permute(2, 0, 1),
    "squeeze": torch.squeeze,
    "squeeze_d1": lambda a: a.squeeze(1),
    "unsqueeze_m1": lambda a: a.unsqueeze(-1),
    "expand_234": lambda a: a.expand(2, 3, 4),
    "narrow": lambda a: a.narrow(1, 1, 2),
    "slice_step": lambda a: a[:, 0:4:2],
    "select": lambda a: a.select(0, -1),
    "contiguous_t": lambda a: a.t().contiguous(),
    "clone": torch.clone,
    "to_double": lambda a: a.to(torch.float64),
    # Composites.
    "mlp": mlp,
    "twice": lambda a: a * a + a,
    "shared": lambda a: (lambda y: y * y + y.sum())(torch.exp(a)),
    "broadcast_chain": lambda a, b, c: (a * b - c) / (c * c + 1),
    "scalar_ops": lambda a, s: (a * 2.5 + s) ** 2 / 3,
    "iadd": inplace_on_copy(lambda y, b: y.add_(b)),
    "isub_alpha": inplace_on_copy(lambda y, b: y.sub_(b, alpha=2)),
    "imul": inplace_on_copy(lambda y, b: y.mul_(b)),
    "idiv": inplace_on_copy(lambda y, b: y.div_(b)),
    "icopy": inplace_on_copy(lambda y, b: y.copy_(b)),
    "ipow": inplace_on_copy(lambda y, b: y.pow_(b)),
    "ipow_sf": lambda a, e: inplace_on_copy(lambda y: y.pow_(e))(a),
    "iremainder": inplace_on_copy(lambda y, b: y.remainder_(b)),
    "iremainder_sf": lambda a, d: inplace_on_copy(lambda y: y.remainder_(d))(a),
    "izero_add": lambda a, b: inplace_on_copy(lambda y: y.zero_())(a) + b,
    "ifill_mul": lambda a, b: inplace_on_copy(lambda y: y.fill_(0.5))(a) * b,
    "view_imul": lambda a, b: inplace_on_copy(lambda y: y[1].mul_(b))(a),
    "view_slice_iadd": lambda a, b: inplace_on_copy(
        lambda y: y.t()[1:3].add_(b[:2].unsqueeze(1), alpha=2))(a),
    "buffer_rows": buffer_rows,
    "inplace_chain": lambda a, b: inplace_on_copy(
        lambda y, b: y.mul_(b).add_(b, alpha=0.5))(a.exp(), b),
}

CASES = [
    ("add", ["a", "b"]), ("add", ["a", "c"]), ("add", ["b", "c"]),
    ("add", ["a", "s"]), ("add_alpha", ["a", "c", 2.5]),
    ("sub", ["c", "a"]), ("sub_alpha", ["a", "b", -0.5]),
    ("mul", ["a", "b"]), ("mul", ["c", "a"]), ("mul", ["a", "s"]),
    ("div", ["a", "p"]), ("div", ["b", "c"]), ("div", ["s", "a"]),
    ("pow", ["p", "b"]), ("pow", ["q", "a"]), ("pow", ["p", "s"]),
    ("maximum", ["a", "b"]), ("minimum", ["a", "c"]),
    ("maximum", ["tie", "s"]),
    ("add_sf", ["a", 0.25]), ("mul_sf", ["a", -3.0]), ("rsub_sf", ["a", 2.0]),
    ("div_sf", ["a", 4.0]), ("pow_sf", ["p", 2.5]), ("pow_sf", ["a", 2.0]),
    ("pow_sf", ["a", 0.0]), ("pow_si", ["a", 3]), ("rpow_sf", ["a", 1.5]),
    ("mul_int", ["a"]),
    ("where", ["a", "b"]), ("where", ["a", "s"]),
    ("clamp", ["a", -1.0, 1.0]), ("clamp_min", ["a", 0.0]),
    ("clamp_max", ["a", 0.5]),
] + [(u, ["a"]) for u in ["exp", "abs", "neg", "tanh", "sigmoid", "relu"]] + [
    ("log", ["p"]), ("sqrt", ["p"]), ("exp", ["s"]),
] + [(r, ["a"]) for r in ["sum", "sum_d1", "sum_d0k", "mean", "mean_d1", "max",
                          "min", "max_d1", "min_d0k", "var", "var_d1",
                          "var_d0_biased", "std", "std_d1k", "norm",
                          "norm_d1", "cumsum_d0", "cumsum_d1", "softmax_d1",
                          "softmax_d0", "log_softmax_d1"]] + [
    ("sum_dm1m3", ["m"]), ("mean_d02k", ["m"]), ("norm_d02k", ["m"]),
    ("log_softmax_dm1", ["m"]), ("max", ["tie"]), ("min", ["tie"]),
    ("max_d1", ["tie"]), ("sum", ["s"]), ("mean", ["s"]),
    ("mm", ["a", "w"]), ("bmm", ["m", "n"]),
    ("matmul", ["v", "v"]), ("matmul", ["a", "v"]), ("matmul", ["u", "a"]),
    ("matmul", ["a", "w"]), ("matmul", ["m", "w"]), ("matmul", ["m", "v"]),
    ("matmul", ["u", "m"]), ("matmul", ["a", "n"]), ("matmul", ["m", "n"]),
    ("matmul", ["m", "nb"]),
    ("view_62", ["a"]), ("reshape_26", ["a"]), ("reshape_copy", ["a"]),
    ("flatten", ["m"]), ("transpose", ["m"]), ("t", ["a"]),
    ("permute_201", ["m"]), ("squeeze", ["c"]), ("squeeze_d1", ["c"]),
    ("unsqueeze_m1", ["a"]), ("expand_234", ["b"]), ("expand_234", ["c"]),
    ("narrow", ["a"]), ("slice_step", ["a"]), ("select", ["m"]),
    ("contiguous_t", ["a"]), ("clone", ["a"]), ("to_double", ["a"]),
    ("mlp", ["x", "w1", "b1", "w2", "b2"]), ("twice", ["a"]),
    ("shared", ["a"]), ("broadcast_chain", ["a", "b", "c"]),
    ("scalar_ops", ["a", "s"]),
    ("iadd", ["a", "b"]), ("isub_alpha", ["a", "c"]), ("imul", ["a", "b"]),
    ("idiv", ["a", "p"]), ("icopy", ["a", "c"]), ("izero_add", ["a", "b"]),
    ("ipow", ["p", "b"]), ("ipow", ["p", "s"]), ("ipow_sf", ["a", 3.0]),
    ("ipow_sf", ["p", -1.5]), ("iremainder", ["a", "q"]),
    ("iremainder", ["p", "c"]), ("iremainder_sf", ["a", -0.75]),
    ("ifill_mul", ["a", "b"]), ("inplace_chain", ["a", "b"]),
    ("view_imul", ["a", "b"]), ("view_slice_iadd", ["a", "b"]),
    ("buffer_rows", ["a", "b"]),
]


def error_text(fn):
    try:
        fn()
    except RuntimeError as e:
        return str(e)
    raise AssertionError("no error")


def messages():
    x = torch.ones(3, 4, requires_grad=True)
    w = torch.ones(3, requires_grad=True)

    def modified_output():
        y = x.exp()
        z = y.sum() * y.sigmoid().sum()
        y.add_(1)
        z.backward()

    def modified_rebased_input():
        y = x * 2
        z = y * y
        y.add_(1)
        z.sum().backward()

    def modified_leaf():
        z = w * w
        with torch.no_grad():
            w.mul_(2)
        z.sum().backward()

    def twice():
        y = (x * x).sum()
        y.backward()
        y.backward()

    return [
        ("modified_output", error_text(modified_output)),
        ("modified_rebased_input", error_text(modified_rebased_input)),
        ("modified_leaf", error_text(modified_leaf)),
        ("backward_twice", error_text(twice)),
        ("implicit_scalar", error_text(lambda: (x * 2).backward())),
        ("no_grad_fn", error_text(lambda: torch.ones(2).sum().backward())),
        ("shape_mismatch",
         error_text(lambda: (x * 2).backward(torch.ones(4)))),
        ("int_requires_grad", error_text(
            lambda: torch.ones(2, dtype=torch.long).requires_grad_())),
        ("non_leaf_requires_grad",
         error_text(lambda: (x * 2).requires_grad_(False))),
        ("leaf_inplace", error_text(lambda: x.add_(1))),
    ]


def main():
    print("// Generated by scripts/gen-autograd-vectors.py; do not edit. Regenerate with")
    print("//   /usr/bin/python3 scripts/gen-autograd-vectors.py > test/Unit/Runtime/AutogradVectors.inc")
    print("// Results of PyTorch %s (CPU) autograd. Included by AutogradTest.cpp," % torch.__version__)
    print("// which defines AgInput and AgCase.")
    print()
    print("static const AgInput Inputs[] = {")
    print(c_named_tensors(NAMES, INPUTS))
    print("};")
    print()
    print("static const AgCase Cases[] = {")
    for op, args in CASES:
        idx = [NAMES.index(a) for a in args if isinstance(a, str)]
        params = [a for a in args if not isinstance(a, str)]
        ins = [INPUTS[NAMES[i]].clone().requires_grad_() for i in idx]
        out = OPS[op](*ins, *params)
        g, name, grads = run_backward(out, ins)
        print('    {"%s", {%s}, {%s}, "%s", %s, %s, %s, {%s}},' % (
            op, ", ".join(map(str, idx)), ", ".join(c_double(p) for p in params),
            name, c_shape(out), c_values(out), c_values(g), grads))
    print("};")
    print()
    print("static const char *const Messages[][2] = {")
    for key, text in messages():
        print('    {"%s", %s},' % (key, c_string(text)))
    print("};")


if __name__ == "__main__":
    main()
