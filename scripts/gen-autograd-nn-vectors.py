#!/usr/bin/python3
"""Writes test/Unit/Runtime/AutogradNNVectors.inc: forward values, grad_fn
names and input gradients of PyTorch 1.13 (CPU) autograd through the
torch.nn.functional ops and the joining/indexing ops, replayed by
AutogradNNTest.cpp.

Each case runs OPS[name] on fixed float32 inputs that require grad (INPUTS)
and fixed constants (CONSTS: targets, indices, masks, running statistics,
class weights; float constants take the inputs' dtype on the runtime side),
then calls out.backward(G) with G = cos(0.7 i + 0.3) of the output's shape.
The file holds the output, the name of out.grad_fn ("" for none) and every
input's .grad (None where it got none). AutogradNNTest.cpp implements the
same names.

Regenerate with
  /usr/bin/python3 scripts/gen-autograd-nn-vectors.py > test/Unit/Runtime/AutogradNNVectors.inc
"""

import torch
import torch.nn.functional as F

from vectorlib import (c_named_tensors, c_shape, c_values, dtype_name,
                       run_backward)

torch.set_default_dtype(torch.float32)


def wave(shape, a, b):
    n = 1
    for s in shape:
        n *= s
    return (torch.sin(torch.arange(n, dtype=torch.float64) * a + b)
            .reshape(shape).to(torch.float32))


INPUTS = {
    "x": wave((2, 2, 5, 5), 1.3, 0.2),        # conv / pool input
    "w": wave((3, 2, 3, 3), 0.9, 0.5) * 0.5,  # conv weight
    "bc": torch.tensor([0.1, -0.2, 0.3]),     # conv bias
    "xg": wave((1, 4, 6, 6), 0.7, 0.1),
    "wg": wave((4, 2, 2, 2), 1.1, 0.4),
    "xu": wave((2, 5, 5), 1.7, 0.3),
    "wt": wave((2, 3, 3, 3), 0.8, 0.9) * 0.5,  # conv_transpose weight
    "bn_w": torch.tensor([1.2, 0.7]),
    "bn_b": torch.tensor([0.1, -0.3]),
    "l": wave((4, 5), 1.9, 0.1) * 2,          # logits [N, C]
    "l3": wave((2, 3, 4), 1.3, 0.6) * 2,      # logits [N, C, d]
    "l1": torch.tensor([0.3, -1.2, 0.8, 0.1, 0.5]),
    "tg": wave((4, 5), 0.6, 1.0),             # regression target
    "pr": torch.sigmoid(wave((4, 5), 1.4, 0.2) * 2),  # probabilities
    "pt": torch.sigmoid(wave((4, 5), 0.5, 1.2) * 3),  # soft targets
    "e": wave((6, 3), 1.2, 0.4),              # embedding table
    "W": wave((4, 3), 0.8, 0.2) * 0.7,        # linear weight [out, in]
    "b": torch.tensor([0.05, -0.1, 0.2, 0.0]),
    "x2": wave((2, 3), 1.6, 0.3),
    "x3": wave((2, 2, 3), 1.1, 0.9),
    "x4": wave((2, 1, 2, 3), 0.9, 0.1),
    "x1": torch.tensor([0.4, -0.8, 1.3]),
    "y": wave((4, 6), 1.37, 0.11),
    "z": wave((2, 6), 0.83, 0.7),
    "v": wave((6,), 1.9, 0.5),
    "s": torch.tensor(1.7),
    "fc": wave((5, 18), 0.45, 0.3) * 0.3,     # lenet linear weight
    "fb": wave((5,), 1.0, 0.0) * 0.1,
    "lw": wave((2, 1, 3, 3), 1.2, 0.8),       # lenet conv weight
    "lb": torch.tensor([0.05, -0.05]),
    "li": wave((3, 1, 8, 8), 0.77, 0.35),     # lenet images
    "p1": torch.sigmoid(wave((5,), 0.9, 0.4) * 2),      # soft targets
    "p3": torch.sigmoid(wave((2, 3, 4), 0.6, 0.8) * 2),
    "cwl": torch.tensor([0.6, 1.2, 0.9, 1.5, 0.4]),     # class weights
}
NAMES = list(INPUTS)

CONSTS = {
    "rm": torch.tensor([0.1, -0.2]),
    "rv": torch.tensor([0.9, 1.3]),
    "t4": torch.tensor([1, 0, 4, 2]),
    "t4i": torch.tensor([1, 2, 4, 2]),
    "t3": torch.tensor([[0, 2, 1, 1], [2, 0, 0, 1]]),
    "t0": torch.tensor(3),
    "t3l": torch.tensor([4, 0, 2]),
    "cw": torch.tensor([0.5, 1.0, 2.0, 1.5, 0.8]),
    "idx": torch.tensor([[1, 0, 5], [2, 1, 3]]),
    "gi": torch.tensor([[0, 5], [1, 1], [3, 2], [4, 0]]),
    "si": torch.tensor([2, 0, 2]),
    "ii": torch.tensor([3, 0, 3]),
    "jj": torch.tensor([1, 5, 1]),
    "ii2": torch.tensor([[0, 2], [5, 1]]),
    "mask": (torch.arange(24).reshape(4, 6) % 5) == 1,
    "mrow": torch.tensor([True, False, False, True, False, True]),
    "e0": torch.zeros(0),
}


def floor_div(a, b):
    return torch.div(a, b, rounding_mode="floor")


def dropout_case(a):
    torch.manual_seed(0)
    return F.dropout(a, 0.4)


def bn(x, w, b, training):
    rm, rv = CONSTS["rm"].clone(), CONSTS["rv"].clone()
    return F.batch_norm(x, rm, rv, w, b, training=training, momentum=0.2,
                        eps=1e-3)


def lenet(li, lw, lb, fc, fb):
    h = F.max_pool2d(F.relu(F.conv2d(li, lw, lb)), 2)
    logits = F.linear(h.flatten(1), fc, fb)
    return F.cross_entropy(logits, CONSTS["t3l"])


def setitem(fn):
    def run(y, *rest):
        z = y * 1
        fn(z, *rest)
        return z
    return run


def mf_inplace(z):
    z.masked_fill_(CONSTS["mask"], 1.5)


def mft_inplace(z, s):
    z.masked_fill_(CONSTS["mask"], s)


def si_basic(z, v):
    z[1] = v


def si_scalar(z):
    z[0, 1:3] = 2.0


def si_adv(z, v):
    z[CONSTS["ii"]] = v


def si_adv_rows(z, zz):
    z[torch.tensor([2, 0])] = zz


def si_mask(z):
    z[CONSTS["mask"]] = 0.5


def si_accumulate(z, v):
    z.index_put_((CONSTS["ii"],), v, accumulate=True)


OPS = {
    "conv": lambda x, w, bc: F.conv2d(x, w, bc),
    "conv_s2p1": lambda x, w: F.conv2d(x, w, stride=2, padding=1),
    "conv_g2d2": lambda x, w: F.conv2d(x, w, groups=2, dilation=2),
    "conv_unbatched": lambda x, w, bc: F.conv2d(x[0], w, bc,
                                                padding=1),
    "conv_t": lambda x, w, bc: F.conv_transpose2d(x, w, bc, stride=2,
                                                  padding=1, output_padding=1),
    "maxpool": lambda x: F.max_pool2d(x, 2),
    "maxpool_k3s1p1": lambda x: F.max_pool2d(x, 3, 1, 1),
    "avgpool": lambda x: F.avg_pool2d(x, 2),
    "avgpool_ceil": lambda x: F.avg_pool2d(x, 3, 2, 1, ceil_mode=True,
                                           count_include_pad=False),
    "adaptive": lambda x: F.adaptive_avg_pool2d(x, (2, 3)),
    "bn_train": lambda x, w, b: bn(x, w, b, True),
    "bn_eval": lambda x, w, b: bn(x, w, b, False),
    "bn_train_noaffine": lambda x: bn(x, None, None, True),
    "dropout": dropout_case,
    "dropout_eval": lambda a: F.dropout(a, 0.4, training=False),
    "embedding": lambda e: F.embedding(CONSTS["idx"], e),
    "embedding_pad": lambda e: F.embedding(CONSTS["idx"], e, padding_idx=1),
    "embedding_max_norm": lambda e: F.embedding(CONSTS["idx"], e,
                                                max_norm=1.0),
    "embedding_max_norm_p1_pad": lambda e: F.embedding(
        CONSTS["idx"], e, padding_idx=1, max_norm=0.8, norm_type=1.0),
    "embedding_linear": lambda e, W, b: F.linear(F.embedding(CONSTS["idx"], e),
                                                 W, b),
    "nll": lambda l: F.nll_loss(F.log_softmax(l, 1), CONSTS["t4"]),
    "nll_raw_sum": lambda l: F.nll_loss(l, CONSTS["t4"], reduction="sum"),
    "nll_weight_ignore": lambda l: F.nll_loss(l, CONSTS["t4i"],
                                              weight=CONSTS["cw"],
                                              ignore_index=2),
    "nll_none": lambda l: F.nll_loss(l, CONSTS["t4"], reduction="none"),
    "nll_3d": lambda l: F.nll_loss(l, CONSTS["t3"]),
    "ce": lambda l: F.cross_entropy(l, CONSTS["t4"]),
    "ce_none": lambda l: F.cross_entropy(l, CONSTS["t4"], reduction="none"),
    "ce_smooth": lambda l: F.cross_entropy(l, CONSTS["t4"],
                                           label_smoothing=0.1),
    "ce_smooth_wi": lambda l: F.cross_entropy(l, CONSTS["t4i"],
                                              weight=CONSTS["cw"],
                                              ignore_index=2,
                                              label_smoothing=0.2),
    "ce_smooth_i": lambda l: F.cross_entropy(l, CONSTS["t4i"], ignore_index=2,
                                             label_smoothing=0.2),
    "ce_smooth_none": lambda l: F.cross_entropy(l, CONSTS["t4i"],
                                                ignore_index=2,
                                                reduction="none",
                                                label_smoothing=0.3),
    "ce_smooth_sum_w": lambda l: F.cross_entropy(l, CONSTS["t4"],
                                                 weight=CONSTS["cw"],
                                                 reduction="sum",
                                                 label_smoothing=0.3),
    "ce_1d": lambda l: F.cross_entropy(l, CONSTS["t0"]),
    "ce_3d_smooth": lambda l: F.cross_entropy(l, CONSTS["t3"],
                                              label_smoothing=0.1),
    "ce_prob": lambda l, p: F.cross_entropy(l, p),
    "ce_prob_w_sum_smooth": lambda l, p: F.cross_entropy(
        l, p, weight=CONSTS["cw"], reduction="sum", label_smoothing=0.2),
    "ce_prob_none_w": lambda l, p, w: F.cross_entropy(l, p, weight=w,
                                                      reduction="none"),
    "ce_prob_mean_w_smooth": lambda l, p, w: F.cross_entropy(
        l, p, weight=w, label_smoothing=0.3),
    "mse": lambda a, b: F.mse_loss(a, b),
    "mse_sum": lambda a, b: F.mse_loss(a, b, reduction="sum"),
    "mse_none": lambda a, b: F.mse_loss(a, b, reduction="none"),
    "bce": lambda a, b: F.binary_cross_entropy(a, b),
    "bce_weight_sum": lambda a, b: F.binary_cross_entropy(
        a, b, weight=CONSTS["cw"], reduction="sum"),
    "leaky": lambda a: F.leaky_relu(a, 0.2),
    "leaky_default": lambda a: F.leaky_relu(a),
    "relu_": setitem(lambda z: F.relu(z, inplace=True)),
    "leaky_": setitem(lambda z: F.leaky_relu(z, 0.3, inplace=True)),
    "leaky_view_": setitem(lambda z: F.leaky_relu(z[1:3], 0.3, inplace=True)),
    "pad": lambda a: F.pad(a, (1, 2, 0, 1), value=0.5),
    "pad_crop": lambda a: F.pad(a, (-1, 1, 1, -1)),
    "pad_reflect1d": lambda a: F.pad(a, (2, 1), mode="reflect"),
    "pad_reflect2d": lambda a: F.pad(a, (1, 2, 2, -1), mode="reflect"),
    "pad_reflect3d": lambda a: F.pad(a, (1, 1, 1, 2, 1, 0), mode="reflect"),
    "pad_replicate2d": lambda a: F.pad(a, (3, -1, 0, 2), mode="replicate"),
    "pad_replicate3d": lambda a: F.pad(a, (1, 1, 2, 0, 1, 1),
                                       mode="replicate"),
    "pad_circular1d": lambda a: F.pad(a, (1, 3), mode="circular"),
    "pad_circular2d": lambda a: F.pad(a, (2, 1, -1, 3), mode="circular"),
    "linear": lambda x, W, b: F.linear(x, W, b),
    "linear_nobias": lambda x, W: F.linear(x, W),
    "lenet": lenet,
    # Joining and indexing.
    "cat": lambda y, z: torch.cat([y, z]),
    "cat_d1": lambda y, z: torch.cat([y.t(), z.t(), y.t()], 1),
    "cat_empty": lambda y, z: torch.cat([CONSTS["e0"], y, z]),
    "stack": lambda y, z: torch.stack([y[:2], z]),
    "stack_m1": lambda y, z: torch.stack([y[1:3], z * 2, z], -1),
    "split_one": lambda y: y.split(4, 1)[1],
    "split_mix": lambda y: y.split(2, 1)[0] * y.split(2, 1)[2],
    "split_sizes": lambda y: y.split([1, 3], 0)[1],
    "chunk_mix": lambda y: (lambda c: c[0] * 2 + c[2])(y.chunk(3, 1)),
    "chunk_one": lambda y: y.chunk(4, 0)[3],
    "unbind": lambda y: (lambda u: u[0] * u[1] + u[3])(y.unbind(0)),
    "unbind_one": lambda y: y.unbind(1)[2],
    "repeat": lambda y: y.repeat(2, 1, 2),
    "gather": lambda y: y.gather(1, CONSTS["gi"]),
    "index_select": lambda y: y.index_select(1, CONSTS["si"]),
    "masked_fill": lambda y: y.masked_fill(CONSTS["mask"], 0.5),
    "masked_fill_t": lambda y, s: y.masked_fill(CONSTS["mask"], s),
    "masked_fill_row": lambda y: y.masked_fill(CONSTS["mrow"], -1.0),
    "masked_fill_": setitem(mf_inplace),
    "masked_fill_t_": setitem(mft_inplace),
    "index_int": lambda y: y[1],
    "index_slice": lambda y: y[1:3, ::2],
    "index_none": lambda y: y[None, 1],
    "index_ellipsis": lambda y: y[..., 2],
    "index_adv": lambda y: y[CONSTS["ii"]],
    "index_adv2": lambda y: y[CONSTS["ii"], CONSTS["jj"]],
    "index_mixed": lambda y: y[1:, CONSTS["ii2"]],
    "index_mask": lambda y: y[CONSTS["mask"]],
    "setitem_basic": setitem(si_basic),
    "setitem_scalar": setitem(si_scalar),
    "setitem_adv": setitem(si_adv),
    "setitem_adv_rows": setitem(si_adv_rows),
    "setitem_mask": setitem(si_mask),
    "setitem_accumulate": setitem(si_accumulate),
    "div_floor": floor_div,
    "div_trunc": lambda a, b: torch.div(a, b, rounding_mode="trunc"),
    "chain_gather": lambda y, z: torch.cat([y.gather(1, CONSTS["gi"]),
                                            z[:, :2]]).masked_fill(
        torch.tensor([[True, False]]), 0.0).sum(0),
    "chain_embed": lambda e, y: torch.stack(
        F.embedding(CONSTS["idx"], e).unbind(2), 0)[:, :, 1:].sum()
    * y.index_select(0, CONSTS["si"])[CONSTS["ii"] - 1, 2:4],
}

CASES = [
    ("conv", ["x", "w", "bc"]), ("conv_s2p1", ["x", "w"]),
    ("conv_g2d2", ["xg", "wg"]), ("conv_unbatched", ["x", "w", "bc"]),
    ("conv_t", ["x", "wt", "bc"]),
    ("maxpool", ["x"]), ("maxpool_k3s1p1", ["x"]), ("avgpool", ["x"]),
    ("avgpool_ceil", ["x"]), ("adaptive", ["x"]),
    ("bn_train", ["x", "bn_w", "bn_b"]), ("bn_eval", ["x", "bn_w", "bn_b"]),
    ("bn_train_noaffine", ["x"]),
    ("dropout", ["y"]), ("dropout_eval", ["y"]),
    ("embedding", ["e"]), ("embedding_pad", ["e"]),
    ("embedding_linear", ["e", "W", "b"]),
    ("embedding_max_norm", ["e"]), ("embedding_max_norm_p1_pad", ["e"]),
    ("nll", ["l"]), ("nll_raw_sum", ["l"]), ("nll_weight_ignore", ["l"]),
    ("nll_none", ["l"]), ("nll_3d", ["l3"]),
    ("ce", ["l"]), ("ce_none", ["l"]), ("ce_smooth", ["l"]),
    ("ce_smooth_wi", ["l"]), ("ce_smooth_i", ["l"]), ("ce_smooth_none", ["l"]),
    ("ce_smooth_sum_w", ["l"]), ("ce_1d", ["l1"]), ("ce_3d_smooth", ["l3"]),
    ("ce_prob", ["l", "pt"]), ("ce_prob", ["l1", "p1"]),
    ("ce_prob", ["l3", "p3"]), ("ce_prob_w_sum_smooth", ["l", "pt"]),
    ("ce_prob_none_w", ["l", "pt", "cwl"]),
    ("ce_prob_none_w", ["l1", "p1", "cwl"]),
    ("ce_prob_mean_w_smooth", ["l", "pt", "cwl"]),
    ("mse", ["l", "tg"]), ("mse_sum", ["l", "tg"]), ("mse_none", ["l", "tg"]),
    ("bce", ["pr", "pt"]), ("bce_weight_sum", ["pr", "pt"]),
    ("leaky", ["y"]), ("leaky_default", ["y"]), ("relu_", ["y"]),
    ("leaky_", ["y"]), ("leaky_view_", ["y"]), ("pad", ["x"]),
    ("pad_crop", ["y"]), ("pad_reflect1d", ["x3"]), ("pad_reflect2d", ["x"]),
    ("pad_reflect3d", ["x"]), ("pad_replicate2d", ["x"]),
    ("pad_replicate3d", ["x"]), ("pad_circular1d", ["x3"]),
    ("pad_circular2d", ["x"]),
    ("linear", ["x2", "W", "b"]), ("linear", ["x3", "W", "b"]),
    ("linear", ["x4", "W", "b"]), ("linear", ["x1", "W", "b"]),
    ("linear_nobias", ["x2", "W"]), ("linear_nobias", ["x3", "W"]),
    ("linear_nobias", ["x1", "W"]),
    ("lenet", ["li", "lw", "lb", "fc", "fb"]),
    ("cat", ["y", "z"]), ("cat_d1", ["y", "z"]), ("cat_empty", ["y", "z"]),
    ("stack", ["y", "z"]), ("stack_m1", ["y", "z"]),
    ("split_one", ["y"]), ("split_mix", ["y"]), ("split_sizes", ["y"]),
    ("chunk_mix", ["y"]), ("chunk_one", ["y"]), ("unbind", ["y"]),
    ("unbind_one", ["y"]), ("repeat", ["y"]), ("gather", ["y"]),
    ("index_select", ["y"]), ("masked_fill", ["y"]),
    ("masked_fill_t", ["y", "s"]), ("masked_fill_row", ["y"]),
    ("masked_fill_", ["y"]), ("masked_fill_t_", ["y", "s"]),
    ("index_int", ["y"]), ("index_slice", ["y"]), ("index_none", ["y"]),
    ("index_ellipsis", ["y"]), ("index_adv", ["y"]), ("index_adv2", ["y"]),
    ("index_mixed", ["y"]), ("index_mask", ["y"]),
    ("setitem_basic", ["y", "v"]), ("setitem_scalar", ["y"]),
    ("setitem_adv", ["y", "v"]), ("setitem_adv_rows", ["y", "z"]),
    ("setitem_mask", ["y"]), ("setitem_accumulate", ["y", "v"]),
    ("div_floor", ["y", "s"]), ("div_trunc", ["y", "s"]),
    ("chain_gather", ["y", "z"]), ("chain_embed", ["e", "y"]),
]


def main():
    print("// Generated by scripts/gen-autograd-nn-vectors.py; do not edit. Regenerate with")
    print("//   /usr/bin/python3 scripts/gen-autograd-nn-vectors.py > test/Unit/Runtime/AutogradNNVectors.inc")
    print("// Results of PyTorch %s (CPU) autograd. Included by AutogradNNTest.cpp," % torch.__version__)
    print("// which defines NnInput, NnConst and NnCase.")
    print()
    print("static const NnInput Inputs[] = {")
    print(c_named_tensors(NAMES, INPUTS))
    print("};")
    print()
    print("static const NnConst Consts[] = {")
    for name, t in CONSTS.items():
        print('    {"%s", DType::%s, %s, %s},' % (name, dtype_name(t.dtype),
                                                  c_shape(t), c_values(t)))
    print("};")
    print()
    print("static const NnCase Cases[] = {")
    for op, args in CASES:
        idx = [NAMES.index(a) for a in args]
        ins = [INPUTS[a].clone().requires_grad_() for a in args]
        out = OPS[op](*ins)
        _, name, grads = run_backward(out, ins)
        print('    {"%s", {%s}, "%s", %s, %s, {%s}},' % (
            op, ", ".join(map(str, idx)), name, c_shape(out), c_values(out),
            grads))
    print("};")


if __name__ == "__main__":
    main()
