#!/usr/bin/python3
"""Writes test/Unit/Runtime/NNVectors.inc: forward results and gradients of
PyTorch 1.13 (CPU) for the neural-network kernels (runtime/lib/NN), replayed
by NNTest.cpp.

Each case names an op that NNTest.cpp runs with the runtime the same way
OPS below runs it with torch, its input tensors (seeded torch.rand, written
out so the test needs no RNG), numeric parameters, and the expected tensors:
the forward outputs followed by the gradients of the differentiable inputs,
computed with torch.autograd for a fixed grad_output (the last input). A
case's tolerance is relative, scaled by max(|expected|, 1); 0 means exact.
Values are hexadecimal floats (exact for float32/float64 and int64 indices).

Regenerate with
  /usr/bin/python3 scripts/gen-nn-vectors.py > test/Unit/Runtime/NNVectors.inc
"""

import math

import torch
import torch.nn.functional as F

from vectorlib import c_double

torch.set_num_threads(1)

# Tolerances. float32 convolutions sum up to a few hundred products in
# OpenBLAS's order, PyTorch in oneDNN's or its own im2col order: relative
# error ~1e-6 of the magnitude; 1e-4 leaves margin. Other float32 kernels
# differ by a few ulps (double vs float accumulation). float64 agrees to
# ~1e-15; 1e-10 is a safe bound.
TOL = {"conv": (1e-4, 1e-10), "other": (2e-5, 1e-10), "exact": (0, 0)}

REDUCTIONS = ["none", "mean", "sum"]
PAD_MODES = ["reflect", "replicate", "circular"]


def rand(shape, dtype=torch.float32, lo=-1.0, hi=1.0):
    return (torch.rand(shape, dtype=torch.float64) * (hi - lo) + lo).to(dtype)


def conv2d(p, x, w, b=None):
    p = [int(v) for v in p]
    return F.conv2d(x, w, b, stride=p[0:2], padding=p[2:4], dilation=p[4:6],
                    groups=int(p[6]))


def conv_t(p, x, w, b=None):
    p = [int(v) for v in p]
    return F.conv_transpose2d(x, w, b, stride=p[0:2], padding=p[2:4],
                              output_padding=p[4:6], groups=int(p[6]),
                              dilation=p[7:9])


def max_pool(p, x):
    p = [int(v) for v in p]
    stride = None if p[2] == 0 else p[2:4]
    return F.max_pool2d(x, p[0:2], stride, p[4:6], p[6:8], bool(p[8]), return_indices=True)


def avg_pool(p, x):
    p = [int(v) for v in p]
    stride = None if p[2] == 0 else p[2:4]
    div = None if p[8] == 0 else int(p[8])
    return F.avg_pool2d(x, p[0:2], stride, p[4:6], bool(p[6]), bool(p[7]),
                        div)


def batch_norm(p, x, w, b, rm, rv):
    rm, rv = rm.detach().clone(), rv.detach().clone()
    y = F.batch_norm(x, rm, rv, w if p[3] else None, b if p[3] else None,
                     bool(p[0]), p[1], p[2])
    return y, rm, rv


def nll(p, x, t, w=None):
    return F.nll_loss(x, t, w, ignore_index=int(p[1]),
                      reduction=REDUCTIONS[int(p[0])])


def ce(p, x, t, w=None):
    return F.cross_entropy(x, t, w, ignore_index=int(p[1]),
                           reduction=REDUCTIONS[int(p[0])],
                           label_smoothing=p[2])


def embedding_renorm(p, w, i):
    # F.embedding renormalises the leaf w in place (under no_grad) before
    # the lookup; the outputs are the lookup and the renormalised weight.
    y = F.embedding(i, w, None if p[2] == -1000 else int(p[2]),
                    max_norm=p[0], norm_type=p[1])
    return y, w.detach().clone()


def dropout(p, x):
    torch.manual_seed(int(p[0]))
    return F.dropout(x, p[1], bool(p[2]))


# name -> (function of (params, inputs...), tolerance class)
OPS = {
    "conv2d": (conv2d, "conv"),
    "conv_transpose2d": (conv_t, "conv"),
    "max_pool2d": (max_pool, "other"),
    "avg_pool2d": (avg_pool, "other"),
    "adaptive_avg_pool2d": (lambda p, x: F.adaptive_avg_pool2d(
        x, (int(p[0]), int(p[1]))), "other"),
    "embedding": (lambda p, w, i: F.embedding(
        i, w, None if p[0] == -1000 else int(p[0])), "exact"),
    "batch_norm": (batch_norm, "other"),
    "dropout": (dropout, "exact"),
    "nll_loss": (nll, "other"),
    "cross_entropy": (ce, "other"),
    "mse_loss": (lambda p, x, y: F.mse_loss(
        x, y, reduction=REDUCTIONS[int(p[0])]), "other"),
    "binary_cross_entropy": (lambda p, x, y, w=None: F.binary_cross_entropy(
        x, y, w, reduction=REDUCTIONS[int(p[0])]), "other"),
    "leaky_relu": (lambda p, x: F.leaky_relu(x, p[0]), "other"),
    "pad": (lambda p, x: F.pad(x, [int(v) for v in p[1:]], value=p[0]),
            "exact"),
    # Probability targets (target of the input's shape): params reduction,
    # label_smoothing; gradients of input and target.
    "cross_entropy_prob": (lambda p, x, t, w=None: F.cross_entropy(
        x, t, w, reduction=REDUCTIONS[int(p[0])], label_smoothing=p[1]),
        "other"),
    # params: max_norm, norm_type, padding_idx (-1000 = None).
    "embedding_renorm": (embedding_renorm, "other"),
    # params: mode (PAD_MODES index), pads. Gradients sum repeated reads.
    "pad_mode": (lambda p, x: F.pad(x, [int(v) for v in p[1:]],
                                    mode=PAD_MODES[int(p[0])]), "other"),
}

CASES = []


def case(op, inputs, params, diff):
    """inputs: tensors; diff: indices of the differentiable inputs."""
    CASES.append((op, inputs, [float(v) for v in params], diff))


def build_cases():
    torch.manual_seed(0)
    for dt in (torch.float32, torch.float64):
        # conv2d: (input shape, weight shape, stride, pad, dil, groups, bias)
        for xs, ws, s, pd, d, g, b in [
            ((2, 3, 7, 6), (4, 3, 3, 3), (1, 1), (0, 0), (1, 1), 1, True),
            ((2, 3, 7, 6), (4, 3, 3, 2), (2, 1), (1, 2), (1, 1), 1, False),
            ((1, 4, 9, 9), (6, 2, 3, 3), (2, 2), (1, 1), (2, 1), 2, True),
            ((3, 4, 5, 5), (4, 1, 3, 3), (1, 1), (1, 1), (1, 1), 4, True),
            ((3, 5, 5), (2, 3, 2, 3), (1, 2), (0, 1), (1, 1), 1, True),
            ((2, 1, 8, 8), (3, 1, 5, 5), (1, 1), (0, 0), (1, 1), 1, True),
            ((2, 2, 4, 4), (3, 2, 1, 1), (1, 1), (0, 0), (1, 1), 1, True),
            ((1, 2, 6, 7), (2, 2, 3, 3), (3, 2), (2, 0), (2, 3), 1, True),
            # 8 or 16 output channels per group (and input channels, for
            # the input gradient) take the channel-major float path.
            ((2, 3, 7, 6), (16, 3, 3, 3), (1, 1), (1, 1), (1, 1), 1, True),
            ((2, 8, 6, 5), (16, 8, 3, 2), (1, 1), (0, 1), (1, 2), 1, True),
            ((1, 16, 5, 5), (16, 8, 3, 3), (1, 1), (1, 1), (1, 1), 2, False),
        ]:
            ins = [rand(xs, dt), rand(ws, dt)] + ([rand(ws[0], dt)] if b else [])
            case("conv2d", ins, list(s) + list(pd) + list(d) + [g, int(b)],
                 list(range(len(ins))))
        # conv_transpose2d: weight [Cin, Cout/g, kH, kW]
        for xs, ws, s, pd, op, g, d, b in [
            ((2, 3, 4, 5), (3, 2, 3, 3), (1, 1), (0, 0), (0, 0), 1, (1, 1), True),
            ((2, 3, 4, 5), (3, 2, 3, 2), (2, 3), (1, 0), (1, 2), 1, (1, 1), False),
            ((1, 4, 3, 3), (4, 3, 3, 3), (2, 2), (1, 1), (0, 1), 2, (2, 1), True),
            ((4, 3, 3), (4, 2, 2, 2), (2, 2), (0, 0), (0, 0), 1, (1, 1), True),
        ]:
            ins = [rand(xs, dt), rand(ws, dt)] + (
                [rand(ws[1] * g, dt)] if b else [])
            case("conv_transpose2d", ins,
                 list(s) + list(pd) + list(op) + [g] + list(d) + [int(b)],
                 list(range(len(ins))))
        # max_pool2d: kernel, stride (0 = None), padding, dilation, ceil
        for xs, p in [
            ((2, 3, 6, 6), (2, 2, 0, 0, 0, 0, 1, 1, 0)),
            ((2, 2, 7, 5), (3, 2, 2, 1, 1, 1, 1, 1, 0)),
            ((2, 2, 7, 5), (3, 3, 2, 2, 1, 0, 1, 1, 1)),
            ((1, 2, 9, 8), (3, 2, 2, 2, 1, 1, 2, 3, 1)),
            ((3, 5, 5), (2, 2, 2, 2, 1, 1, 1, 1, 0)),
        ]:
            case("max_pool2d", [rand(xs, dt)], p, [0])
        # avg_pool2d: kernel, stride (0 = None), padding, ceil,
        # count_include_pad, divisor_override (0 = None)
        for xs, p in [
            ((2, 3, 6, 6), (2, 2, 0, 0, 0, 0, 0, 1, 0)),
            ((2, 2, 7, 5), (3, 3, 2, 2, 1, 1, 0, 1, 0)),
            ((2, 2, 7, 5), (3, 3, 2, 2, 1, 1, 0, 0, 0)),
            ((2, 2, 7, 5), (3, 2, 2, 2, 1, 1, 1, 1, 0)),
            ((2, 2, 7, 5), (3, 2, 2, 2, 1, 1, 1, 0, 0)),
            ((1, 2, 6, 6), (3, 3, 2, 1, 1, 0, 0, 1, 5)),
            ((3, 5, 5), (2, 2, 1, 1, 0, 0, 1, 1, 0)),
        ]:
            case("avg_pool2d", [rand(xs, dt)], p, [0])
        case("adaptive_avg_pool2d", [rand((2, 3, 7, 5), dt)], (3, 2), [0])
        case("adaptive_avg_pool2d", [rand((3, 6, 6), dt)], (1, 1), [0])
        # embedding (padding_idx -1000 = None)
        idx = torch.tensor([[1, 4, 0], [4, 2, 1]])
        for pad in (-1000, 1, -1):
            case("embedding", [rand((5, 3), dt), idx], [pad], [0])
        case("embedding", [rand((4, 2), dt), torch.tensor(3)], [-1000], [0])
        # batch_norm: training, momentum, eps, affine
        for xs, p in [((4, 3), (1, 0.1, 1e-5, 1)),
                      ((3, 2, 4, 3), (1, 0.3, 1e-3, 1)),
                      ((2, 3, 5), (1, 0.1, 1e-5, 0)),
                      ((4, 3), (0, 0.1, 1e-5, 1)),
                      ((2, 3, 2, 2), (0, 0.1, 1e-5, 1))]:
            c = xs[1]
            ins = [rand(xs, dt) * 3 + 1, rand(c, dt), rand(c, dt),
                   rand(c, dt), rand(c, dt, 0.5, 2.0)]
            case("batch_norm", ins, p, [0, 1, 2] if p[3] else [0])
        # dropout: seed, p, training (bit-exact)
        for xs, p in [((4, 5), (0, 0.5, 1)), ((3, 7), (42, 0.2, 1)),
                      ((100,), (7, 0.9, 1)), ((2, 3), (3, 0.0, 1)),
                      ((2, 3), (3, 1.0, 1)), ((2, 3), (3, 0.5, 0))]:
            case("dropout", [rand(xs, dt)], p, [0])
        # nll_loss / cross_entropy: reduction, ignore_index, (smoothing)
        t1 = torch.tensor([1, 0, 4, 2])
        t2 = torch.tensor([[[0, 2], [1, 1]], [[2, 0], [1, 2]]])  # [2, 2, 2]
        t3 = torch.tensor([[0, 2, 1], [2, 2, 0]])  # [2, 3]
        # Every combination in float32; float64 checks the dtype path only.
        full = dt == torch.float32
        for r in range(3):
            for ig in ((-100, 2) if full else (2,)):
                for wt in ((False, True) if full else (True,)):
                    for op in ("nll_loss", "cross_entropy"):
                        extra = [] if op == "nll_loss" else [0.0]
                        for x, t in [(rand((4, 5), dt), t1),
                                     (rand((2, 3, 2, 2), dt), t2),
                                     (rand((2, 3, 3), dt), t3)]:
                            ins = [x, t] + ([rand(x.shape[1], dt, 0.1, 1)]
                                            if wt else [])
                            case(op, ins, [r, ig] + extra, [0])
                        if op == "cross_entropy":
                            for ls in (0.1, 0.35):
                                ins = [rand((4, 5), dt), t1] + (
                                    [rand(5, dt, 0.1, 1)] if wt else [])
                                case(op, ins, [r, ig, ls], [0])
                                ins = [rand((2, 3, 2, 2), dt), t2] + (
                                    [rand(3, dt, 0.1, 1)] if wt else [])
                                case(op, ins, [r, ig, ls], [0])
            case("nll_loss", [rand(5, dt), torch.tensor(3)], [r, -100], [0])
            case("cross_entropy", [rand(5, dt), torch.tensor(3)],
                 [r, -100, 0.2], [0])
            case("mse_loss", [rand((3, 4), dt), rand((3, 4), dt)], [r], [0, 1])
            case("binary_cross_entropy",
                 [rand((3, 4), dt, 0.01, 0.99), rand((3, 4), dt, 0, 1)],
                 [r], [0, 1])
            bx = torch.tensor([0.0, 1.0, 0.5, 1e-3, 0.999], dtype=dt)
            case("binary_cross_entropy",
                 [bx, torch.tensor([1.0, 0.0, 0.3, 0.0, 1.0], dtype=dt),
                  rand(5, dt, 0.1, 2)], [r], [0])
        case("leaky_relu", [rand((3, 4), dt)], [0.01], [0])
        case("leaky_relu", [rand((2, 5), dt)], [0.2], [0])
        x = rand((2, 3, 4), dt)
        for pads in ([1, 2], [0, 1, 2, 0], [-1, 2, 1, -2], [1, 1, 0, 0, 2, 1],
                     [-1, -1]):
            case("pad", [x], [1.5] + pads, [0])
    for dt in (torch.float32, torch.float64):
        # Non-constant modes: 1-d on 2-d/3-d inputs, 2-d on 3-d/4-d, 3-d on
        # 4-d/5-d (circular only batched), negative pads, pads as wide as
        # the dimension (replicate and circular) and the circular
        # quirk of a negative pad on the other side.
        for mode, shape, pads in [
            (0, (2, 3, 5), [2, 1]), (0, (2, 3, 5), [-1, 3]),
            (0, (2, 3, 5), [0, 0]), (0, (3, 5), [4, 2]),
            (0, (2, 2, 4, 5), [1, 2, 3, 1]), (0, (2, 4, 5), [-1, 2, 1, -2]),
            (0, (1, 2, 3, 4, 5), [1, 2, 2, 1, 1, 2]),
            (0, (2, 3, 4, 5), [1, 1, 1, 2, 2, -1]),
            (1, (2, 3, 5), [2, 1]), (1, (2, 3, 5), [7, -2]),
            (1, (3, 5), [1, 6]), (1, (2, 2, 4, 5), [1, 2, 5, 1]),
            (1, (2, 4, 5), [-1, 2, 1, -2]),
            (1, (1, 2, 3, 4, 5), [1, 2, 4, 1, 1, 3]),
            (1, (2, 3, 4, 5), [1, 1, -1, 2, 2, 1]),
            (2, (2, 3, 5), [2, 3]), (2, (2, 3, 5), [-1, 3]),
            (2, (2, 3, 5), [5, 0]), (2, (2, 3, 5), [-2, -1]),
            (2, (1, 2, 4, 5), [1, 2, 3, 1]), (2, (1, 2, 4, 5), [-1, 2, 2, -1]),
            (2, (1, 1, 3, 4, 5), [1, 2, 2, 1, 3, 0]),
        ]:
            case("pad_mode", [rand(shape, dt)], [mode] + pads, [0])
    for dt in (torch.float32, torch.float64):
        # cross_entropy with class probabilities: [N, C], unbatched [C],
        # [N, C, d] and [N, C, h, w]; every reduction, with and without
        # class weights and label smoothing (negative: none).
        for shape in ((4, 5), (5,), (2, 3, 4), (2, 3, 2, 2)):
            c = shape[1] if len(shape) > 1 else shape[0]
            for r in range(3):
                for wt in (False, True):
                    for ls in (0.0, 0.25):
                        ins = [rand(shape, dt, -2, 2), rand(shape, dt, 0, 1)]
                        if wt:
                            ins.append(rand(c, dt, 0.1, 1))
                        case("cross_entropy_prob", ins, [r, ls], [0, 1])
        case("cross_entropy_prob", [rand((3, 4), dt), rand((3, 4), dt, 0, 1)],
             [1, -0.5], [0, 1])
    for dt in (torch.float32, torch.float64):
        # embedding's max_norm: repeated and negative-free indices, p = 2,
        # 1, inf, 3, a max_norm no row reaches, padding_idx.
        idx = torch.tensor([[1, 4, 1], [0, 5, 4]])
        for p in ([1.0, 2.0, -1000], [1.5, 1.0, -1000],
                  [0.5, float("inf"), -1000], [0.8, 3.0, 2], [100.0, 2.0, -1]):
            case("embedding_renorm", [rand((6, 4), dt, -2, 2), idx], p, [0])
    # A float64 target promotes a float32 input's loss to float64.
    case("cross_entropy_prob", [rand((3, 4)), rand((3, 4), torch.float64, 0, 1)],
         [1, 0.1], [0, 1])


def value_strs(t):
    t = t.detach()
    if t.dtype == torch.int64:
        return [str(v) for v in t.flatten().tolist()]
    return [c_double(v, short=True) for v in t.double().flatten().tolist()]


DTYPES = {torch.float32: "DType::Float32", torch.float64: "DType::Float64",
          torch.int64: "DType::Int64"}


def run_case(op, inputs, params, diff):
    fn, tol_class = OPS[op]
    ins = [t.clone().requires_grad_(i in diff) for i, t in enumerate(inputs)]
    out = fn(params, *ins)
    outs = list(out) if isinstance(out, tuple) else [out]
    # The first output is the differentiable one.
    gout = rand(outs[0].shape, outs[0].dtype)
    if outs[0].requires_grad:
        outs[0].backward(gout)
        grads = [ins[i].grad if ins[i].grad is not None
                 else torch.zeros_like(ins[i]) for i in diff]
    else:
        grads = [gout for _ in diff]  # Dropout in eval mode: identity.
    floating = [t for t in inputs if t.dtype.is_floating_point]
    tol = TOL[tol_class][1 if floating[0].dtype == torch.float64 else 0]
    return inputs + [gout], outs + grads, tol


def main():
    build_cases()
    # Plain arrays of numbers (not nested std::vector initialisers), which
    # compilers digest quickly even in sanitizer builds.
    values, tensors, params, cases = [], [], [], []

    def add_tensor(t):
        assert t.dim() <= 6
        sizes = list(t.shape) + [0] * (6 - t.dim())
        tensors.append("    {%s, %d, {%s}, %d}," % (
            DTYPES[t.dtype], t.dim(), ", ".join(map(str, sizes)), len(values)))
        values.extend(value_strs(t))

    torch.manual_seed(1)
    for op, inputs, prm, diff in CASES:
        ins, exp, tol = run_case(op, inputs, prm, diff)
        first_in = len(tensors)
        for t in ins:
            add_tensor(t)
        first_exp = len(tensors)
        for t in exp:
            add_tensor(t)
        cases.append('    {"%s", %d, %d, %d, %d, %d, %d, %r},' % (
            op, first_in, len(ins), first_exp, len(exp), len(params),
            len(prm), tol))
        params.extend(repr(p) if math.isfinite(p) else c_double(p)
                      for p in prm)

    print("// Generated by scripts/gen-nn-vectors.py; do not edit. Regenerate with")
    print("//   /usr/bin/python3 scripts/gen-nn-vectors.py > "
          "test/Unit/Runtime/NNVectors.inc")
    print("// Expected results of PyTorch %s (CPU). Included by NNTest.cpp, "
          "which" % torch.__version__)
    print("// defines TensorRef and NNCase.")
    print()
    print("static const double Values[] = {")
    for i in range(0, len(values), 8):
        print("    " + ", ".join(values[i:i + 8]) + ",")
    print("};")
    print()
    print("static const double ParamValues[] = {")
    for i in range(0, len(params), 12):
        print("    " + ", ".join(params[i:i + 12]) + ",")
    print("};")
    print()
    print("static const TensorRef TensorRefs[] = {")
    print("\n".join(tensors))
    print("};")
    print()
    print("// Op, first input, inputs (grad_output last), first expected, "
          "expected,")
    print("// first parameter, parameters, tolerance.")
    print("static const NNCase Cases[] = {")
    print("\n".join(cases))
    print("};")


if __name__ == "__main__":
    main()
