#!/usr/bin/python3
"""Writes test/Unit/Runtime/IndexVectors.inc: expected results of PyTorch
1.13 (CPU) for the joining, splitting, gathering and indexing ops, replayed
by IndexTest.cpp.

Inputs are fixed small tensors (no RNG). Each case names an op that
IndexTest.cpp implements with the runtime the same way OPS below does with
torch, the inputs it takes and numeric parameters. A case that returns
tensors records, per returned tensor, its dtype, shape and values (ops that
return a list, such as split, give several); a case that raises records the
Python exception type and PyTorch's message instead. Backward cases run
torch.autograd with the gradient grad_for(y) (small integers, so that sums
are exact in any order) and record the input's gradient. Values are
hexadecimal floats, exact for every float32/float64 and int64 used.

Regenerate with
  /usr/bin/python3 scripts/gen-index-vectors.py > test/Unit/Runtime/IndexVectors.inc
"""

import torch

from vectorlib import c_number, c_string, c_tensor_fields

L = torch.int64
INPUTS = {
    "f34": torch.arange(12.0).reshape(3, 4) * 0.5 - 2,
    "f14": torch.tensor([[0.25, -1.0, 3.0, 0.5]]),
    "f24": torch.arange(8.0).reshape(2, 4) / 4 + 10,
    "d23": torch.arange(6.0, dtype=torch.float64).reshape(2, 3) / 3,
    "i234": torch.arange(24).reshape(2, 3, 4),
    "i24": torch.arange(8).reshape(2, 4) - 4,
    "b34": (torch.arange(12).reshape(3, 4) % 3) == 1,
    "e0": torch.zeros(0),
    "e04": torch.zeros(0, 4),
    "ie0": torch.zeros(0, dtype=L),
    "s0": torch.tensor(2.5),
    "v4": torch.tensor([1.0, -2.0, 3.0, -4.0]),
    # Index tensors.
    "ix3": torch.tensor([2, 0, 2]),
    "ix2": torch.tensor([1, 0]),
    "ixn": torch.tensor([-1, 1]),
    "ixb": torch.tensor([0, 3]),
    "ix0d": torch.tensor(1),
    "ix22": torch.tensor([[0, 1], [1, 0]]),
    "ix21": torch.tensor([[2], [0]]),
    "ix3x1": torch.tensor([[1], [0], [2]]),
    "gx32": torch.tensor([[3, 0], [1, 1], [0, 2]]),
    "gx24": torch.tensor([[2, 0, 1, 1], [0, 0, 2, 1]]),
    "gxd": torch.tensor([[0, 0, 3, 0], [1, 1, 1, 1], [2, 3, 2, 3]]),
    "gxb": torch.tensor([[0, 4], [1, 1], [0, 2]]),
    "gxf": torch.tensor([[0.0, 1.0]]),
    # Masks.
    "m34": (torch.arange(12).reshape(3, 4) % 5) < 2,
    "m4": torch.tensor([True, False, True, True]),
    "m3": torch.tensor([False, True, True]),
    "m23": torch.tensor([[True, False, True], [False, False, True]]),
    "m14": torch.tensor([[False, True, True, False]]),
    "m31": torch.tensor([[True], [False], [True]]),
    "mt": torch.tensor(True),
    "mf": torch.tensor(False),
    # Division.
    "qa": torch.tensor([7, -7, 7, -7, 0, 5, -9, 9]),
    "qb": torch.tensor([2, 2, -2, -2, 3, -5, 4, 4]),
    "qz": torch.tensor([1, 0, 1, 1, 1, 1, 1, 1]),
    "fa": torch.tensor([7.5, -7.5, 7.5, -7.5, -0.5, 0.5, 0.0, 3.0, -3.0, 1.0, 7.0]),
    "fb": torch.tensor([2.0, 2.0, -2.0, -2.0, 1.0, -1.0, 3.0, 0.0, 0.0, 0.0, 0.7]),
    "da": torch.tensor([7.5, -7.5, 1e300, -0.5], dtype=torch.float64),
    "db": torch.tensor([-2.0, 0.25, 1e-10, 4.0], dtype=torch.float64),
    "bb": torch.tensor([True, False]),
    # Values for assignment.
    "vi4": torch.tensor([10, 20, 30, 40]),
    "vi1_4": torch.tensor([[[10, 20, 30, 40]]]),
    "vi24": torch.tensor([[100, 200, 300, 400], [500, 600, 700, 800]]),
    "vi2": torch.tensor([-1, -2]),
    "vi0": torch.tensor(-5),
    "vf0": torch.tensor(-5.0),
    "vf": torch.arange(6.0).reshape(3, 2) - 9,
    "f21": torch.tensor([[0.5], [-1.0]]),
    "f234": torch.arange(24.0).reshape(2, 3, 4) / 8,
    "m234": (torch.arange(24).reshape(2, 3, 4) % 4) == 1,
    "f43": torch.arange(12.0).reshape(4, 3) - 6,
    "f42": torch.arange(8.0).reshape(4, 2) * -1,
    "m41": torch.tensor([[True], [False], [False], [True]]),
}
NAMES = list(INPUTS)


def grad_for(y):
    """Small integer gradient values of y's shape and dtype."""
    return ((torch.arange(y.numel()) % 7) - 3).to(y.dtype).reshape(y.shape)


def backward(fn):
    def run(x, *rest):
        x = x.detach().clone().requires_grad_()
        y = fn(x, *rest)
        y.backward(grad_for(y))
        return x.grad
    return run


def put(fn):
    def run(x, *rest):
        y = x.clone()
        fn(y, *rest)
        return y
    return run


def setitem(key):
    def run(y, *vals):
        y[key(*vals[:-1])] = vals[-1]
    return put(run)


def div_mode(mode):
    return lambda a, b: torch.div(a, b, rounding_mode=mode)


# Name -> function of (inputs..., params...); IndexTest.cpp implements the
# same names with the runtime.
OPS = {
    # Joining and splitting.
    "cat": lambda a, b, d: torch.cat([a, b], int(d)),
    "cat3": lambda a, b, c, d: torch.cat([a, b, c], int(d)),
    "cat1": lambda a, d: torch.cat([a], int(d)),
    "stack": lambda a, b, d: torch.stack([a, b], int(d)),
    "split": lambda a, s, d: a.split(int(s), int(d)),
    "split_sizes": lambda a, d, *s: a.split([int(v) for v in s], int(d)),
    "chunk": lambda a, n, d: a.chunk(int(n), int(d)),
    "unbind": lambda a, d: a.unbind(int(d)),
    "repeat": lambda a, *r: a.repeat(*[int(v) for v in r]),
    "repeat_bw": lambda a, *r: backward(lambda x: x.repeat(*[int(v) for v in r]))(a),
    # Gathering and scattering.
    "gather": lambda a, i, d: torch.gather(a, int(d), i),
    "gather_bw": lambda a, i, d: backward(lambda x: torch.gather(x, int(d), i))(a),
    "scatter_add": lambda a, i, s, d: a.scatter_add(int(d), i, s),
    "scatter": lambda a, i, s, d: a.scatter(int(d), i, s),
    "scatter_val": lambda a, i, d, v: a.scatter(int(d), i, v),
    "index_select": lambda a, i, d: torch.index_select(a, int(d), i),
    "index_select_bw": lambda a, i, d: backward(lambda x: torch.index_select(x, int(d), i))(a),
    "index_add": lambda a, i, s, d: a.index_add(int(d), i, s),
    "masked_fill_f": lambda a, m, v: a.masked_fill(m, v),
    "masked_fill_i": lambda a, m, v: a.masked_fill(m, int(v)),
    "masked_fill_t": lambda a, m, v: a.masked_fill(m, v),
    "masked_fill_": put(lambda y, m, v: y.masked_fill_(m, v)),
    "div_floor": div_mode("floor"),
    "div_trunc": div_mode("trunc"),
    "div_floor_si": lambda a, s: torch.div(a, int(s), rounding_mode="floor"),
    "div_trunc_sf": lambda a, s: torch.div(a, s, rounding_mode="trunc"),
    # Indexing (x[...]); i, j, m are index inputs.
    "ix_int": lambda x: x[1],
    "ix_negint": lambda x: x[-1],
    "ix_int_int": lambda x: x[1, -2],
    "ix_int_big": lambda x: x[5],
    "ix_int2_big": lambda x: x[1, 5],
    "ix_none_int_big": lambda x: x[None, 5],
    "ix_ell_int_big": lambda x: x[..., 9],
    "ix_too_many": lambda x: x[0, 0, 0, 0],
    "ix_slice": lambda x: x[1:3],
    "ix_slice_step": lambda x: x[::2, 1:],
    "ix_slice_neg": lambda x: x[-2:, :-1],
    "ix_slice_empty": lambda x: x[2:1],
    "ix_slice_zero": lambda x: x[::0],
    "ix_slice_back": lambda x: x[::-1],
    "ix_none_ell": lambda x: x[None, ..., None],
    "ix_ell_int": lambda x: x[..., 1],
    "ix_ell_twice": lambda x: x[..., 0, ...],
    "ix_true": lambda x: x[True],
    "ix_false": lambda x: x[False],
    "ix_none_true_int": lambda x: x[None, True, ..., None, 1],
    "ix_t0": lambda x, i: x[i],
    "ix_t0_mid": lambda x, i: x[:, i],
    "ix_adv": lambda x, i: x[i],
    "ix_adv1": lambda x, i: x[:, i],
    "ix_adv_last": lambda x, i: x[..., i],
    "ix_adj": lambda x, i, j: x[:, i, j],
    "ix_adj_front": lambda x, i, j: x[i, j],
    "ix_nonadj": lambda x, i, j: x[i, :, j],
    "ix_int_between": lambda x, i, j: x[i, 1, j],
    "ix_none_between": lambda x, i, j: x[i, None, j],
    "ix_bcast": lambda x, i, j: x[:, i, j],
    "ix_mask": lambda x, m: x[m],
    "ix_mask_mid": lambda x, m: x[:, m],
    "ix_mask_slice": lambda x, m: x[m, 1:3],
    "ix_mask_idx": lambda x, m, i: x[m, i],
    "ix_t0_bool": lambda x, m: x[m],
    "ix_none_adv": lambda x, i, j: x[None, i, None, j],
    "ix_adv_int0d": lambda x, i, j: x[i, j],
    # Assignment (on a copy of x): y[...] = value (last input).
    "put_int": setitem(lambda: 1),
    "put_slice": setitem(lambda: (slice(None), slice(1, 3))),
    "put_ell": setitem(lambda: Ellipsis),
    "put_false": setitem(lambda: False),
    "put_none": setitem(lambda: None),
    "put_adv": setitem(lambda i: i),
    "put_adv1": setitem(lambda i: (slice(None), i)),
    "put_nonadj": setitem(lambda i, j: (i, slice(None), j)),
    "put_mask": setitem(lambda m: m),
    "put_mask_mid": setitem(lambda m: (slice(None), m)),
    "put_adv_f": lambda x, i, v: setitem(lambda i: i)(x, i, v),
    "put_adv_sf": put(lambda y, i, v: y.__setitem__(i, v)),
    "put_int_sf": put(lambda y, v: y.__setitem__(1, v)),
    "put_acc": put(lambda y, i, v: y.index_put_((i,), v, accumulate=True)),
    "put_acc2": put(lambda y, i, j, v: y.index_put_((i, j), v, accumulate=True)),
    "index_bw_adv": lambda x, i: backward(lambda t: t[i])(x),
    "index_bw_adj": lambda x, i, j: backward(lambda t: t[:, i, j])(x),
    "index_bw_nonadj": lambda x, i, j: backward(lambda t: t[i, :, j])(x),
    "index_bw_mask": lambda x, m: backward(lambda t: t[m])(x),
    "index_bw_basic": lambda x: backward(lambda t: t[1:, None, ::2])(x),
    "index_bw_adj": lambda x, i, j: backward(lambda t: t[:, i, j])(x),
    # Strided (transposed) operands.
    "cat_t": lambda a, b, d: torch.cat([a.t(), b], int(d)),
    "split_t": lambda a, s: a.t().split(int(s), 1),
    "repeat_t": lambda a, *r: a.t().repeat(*[int(v) for v in r]),
    "gather_t": lambda a, i, d: torch.gather(a.t(), int(d), i),
    "index_select_t": lambda a, i, d: torch.index_select(a.t(), int(d), i),
    "ix_adv_t": lambda x, i, j: x.t()[i, j],
    "put_adv_t": put(lambda y, i, v: y.t().__setitem__(i, v)),
    "masked_fill_t_": put(lambda y, m, v: y.t().masked_fill_(m, v)),
}

CASES = [
    # cat: dims, promotion, legacy skipping of 1-D empty tensors.
    ("cat", ["f34", "f24", 0]), ("cat", ["f34", "f14", -2]),
    ("cat", ["i24", "f24", 0]), ("cat", ["f24", "d23", 1]),
    ("cat", ["b34", "i24", 0]), ("cat", ["b34", "b34", 1]),
    ("cat", ["f34", "e0", 0]), ("cat", ["e0", "f34", -1]),
    ("cat", ["i24", "e0", 1]), ("cat", ["e0", "e0", 0]),
    ("cat", ["e04", "f34", 0]), ("cat", ["f34", "e04", 0]),
    ("cat", ["i234", "i234", 2]), ("cat", ["i234", "i234", -3]),
    ("cat3", ["f34", "b34", "d23", 0]), ("cat3", ["f24", "i24", "f14", 0]),
    ("cat1", ["d23", 1]),
    ("cat", ["f34", "f24", 1]), ("cat", ["f34", "v4", 0]),
    ("cat", ["s0", "s0", 0]), ("cat", ["f34", "f34", 2]),
    ("cat", ["e04", "d23", 0]),
    # stack.
    ("stack", ["f34", "f34", 0]), ("stack", ["f34", "b34", 2]),
    ("stack", ["i24", "f24", -1]), ("stack", ["s0", "s0", 0]),
    ("stack", ["e0", "e0", 1]), ("stack", ["f34", "f24", 0]),
    ("stack", ["f34", "f34", 3]),
    # split / chunk / unbind (views).
    ("split", ["f34", 2, 1]), ("split", ["f34", 1, 0]), ("split", ["i234", 2, -1]),
    ("split", ["f34", 5, 0]), ("split", ["e04", 0, 0]), ("split", ["e04", 2, 0]),
    ("split", ["f34", 0, 1]), ("split", ["f34", -1, 1]), ("split", ["s0", 1, 0]),
    ("split_sizes", ["f34", 1, 1, 3]), ("split_sizes", ["i234", -1, 0, 4, 0]),
    ("split_sizes", ["f34", 0, 3]), ("split_sizes", ["f34", 1, 1, 1]),
    ("split_sizes", ["f34", -1, 2, -1, 3]), ("split_sizes", ["f34", 1, 2, 3]),
    ("chunk", ["f34", 2, 0]), ("chunk", ["f34", 3, 1]), ("chunk", ["i234", 4, 2]),
    ("chunk", ["v4", 3, 0]), ("chunk", ["e0", 3, 0]), ("chunk", ["e04", 2, 0]),
    ("chunk", ["f34", 9, -1]), ("chunk", ["f34", 0, 0]), ("chunk", ["s0", 1, 0]),
    ("unbind", ["f34", 1]), ("unbind", ["i234", -3]), ("unbind", ["e04", 0]),
    ("unbind", ["s0", 0]), ("unbind", ["f34", 2]),
    # repeat.
    ("repeat", ["f34", 2, 1]), ("repeat", ["v4", 2, 3]), ("repeat", ["i24", 1, 2, 2]),
    ("repeat", ["b34", 0, 2]), ("repeat", ["s0", 2, 3]), ("repeat", ["f14", 3, 1]),
    ("repeat", ["f34", 2]), ("repeat", ["f34", 2, -1]),
    ("repeat_bw", ["f34", 2, 3]), ("repeat_bw", ["f14", 2, 3, 1]),
    ("repeat_bw", ["v4", 1, 1]), ("repeat_bw", ["f34", 0, 2]),
    ("repeat_bw", ["d23", 1, 2, 3]),
    # gather / scatter.
    ("gather", ["f34", "gx32", 1]), ("gather", ["f34", "gx24", 0]),
    ("gather", ["i234", "ix22", -1]), ("gather", ["d23", "ix21", 1]),
    ("gather", ["b34", "gx32", 1]), ("gather", ["s0", "ix2", 0]),
    ("gather", ["s0", "ix0d", 0]), ("gather", ["f34", "ie0", 0]),
    ("gather", ["f34", "gxb", 1]), ("gather", ["f34", "gxf", 1]),
    ("gather", ["f34", "ix2", 1]), ("gather", ["f34", "gx24", 1]),
    ("gather", ["f34", "gxd", 2]), ("gather", ["f34", "ix3x1", 1]),
    ("gather", ["d23", "ix3x1", 1]),
    ("gather_bw", ["f34", "gxd", 1]), ("gather_bw", ["f34", "gx24", 0]),
    ("scatter_add", ["f34", "gxd", "f34", 1]), ("scatter_add", ["f34", "gx24", "f24", 0]),
    ("scatter_add", ["i24", "ix22", "i24", 1]), ("scatter_add", ["b34", "gx32", "b34", 1]),
    ("scatter_add", ["f34", "gxd", "d23", 1]), ("scatter_add", ["f34", "gxb", "f34", 1]),
    ("scatter_add", ["f34", "gxd", "f14", 1]), ("scatter_add", ["f34", "gxf", "f34", 1]),
    ("scatter_add", ["f34", "ie0", "f34", 0]),
    ("scatter", ["f34", "gx32", "f34", 1]), ("scatter", ["i24", "ix22", "i24", -1]),
    ("scatter_val", ["f34", "gx32", 1, 7.5]), ("scatter_val", ["i234", "ix22", 2, 3]),
    # index_select / index_add.
    ("index_select", ["f34", "ix3", 1]), ("index_select", ["f34", "ix2", 0]),
    ("index_select", ["i234", "ix3", -1]), ("index_select", ["b34", "ix0d", 1]),
    ("index_select", ["v4", "ixb", 0]), ("index_select", ["s0", "ix0d", 0]),
    ("index_select", ["f34", "ie0", 0]), ("index_select", ["d23", "ix2", 1]),
    ("index_select", ["f34", "ixb", 1]), ("index_select", ["f34", "ixb", 0]),
    ("index_select", ["i234", "ixb", 2]), ("index_select", ["v4", "ixn", 0]),
    ("index_select", ["f34", "ix22", 0]), ("index_select", ["f34", "gxf", 0]),
    ("index_select", ["s0", "ix2", 0]),
    ("index_select_bw", ["f34", "ix3", 1]), ("index_select_bw", ["d23", "ix3", 1]),
    ("index_add", ["f34", "ix2", "f24", 0]), ("index_add", ["i24", "ix2", "i24", 0]),
    ("index_add", ["f34", "ix2", "f14", 0]),
    ("index_add", ["v4", "ix0d", "s0", 0]), ("index_add", ["f34", "ixb", "f24", 0]),
    ("index_add", ["f34", "ix22", "f24", 0]), ("index_add", ["f34", "ix2", "d23", 0]),
    ("index_add", ["f34", "ix3", "f24", 0]),
    # masked_fill.
    ("masked_fill_f", ["f34", "m34", -1.5]), ("masked_fill_f", ["f34", "m4", 9.0]),
    ("masked_fill_f", ["i24", "m4", 9.75]), ("masked_fill_i", ["f34", "m31", 7]),
    ("masked_fill_f", ["b34", "m34", 0.5]), ("masked_fill_f", ["v4", "m34", 2.0]),
    ("masked_fill_t", ["i24", "m4", "vf0"]), ("masked_fill_t", ["f34", "m14", "s0"]),
    ("masked_fill_t", ["f34", "m4", "v4"]), ("masked_fill_f", ["f34", "m3", 1.0]),
    ("masked_fill_", ["f34", "m14", -3.0]), ("masked_fill_", ["v4", "m34", 1.0]),
    ("masked_fill_", ["d23", "mt", 4.0]),
    # Division with a rounding mode.
    ("div_floor", ["qa", "qb"]), ("div_trunc", ["qa", "qb"]),
    ("div_floor", ["fa", "fb"]), ("div_trunc", ["fa", "fb"]),
    ("div_floor", ["da", "db"]), ("div_trunc", ["da", "db"]),
    ("div_floor", ["qa", "qz"]),
    ("div_trunc", ["qa", "qz"]), ("div_floor", ["bb", "bb"]), ("div_trunc", ["bb", "bb"]),
    ("div_floor_si", ["qa", 3]), ("div_floor_si", ["fa", -2]), ("div_trunc_sf", ["qa", 2.5]),
    ("div_floor", ["i24", "s0"]), ("div_trunc", ["i24", "d23"]),
    ("div_floor", ["i234", "i24"]),
    # Basic indexing (views).
    ("ix_int", ["i234"]), ("ix_negint", ["f34"]), ("ix_int_int", ["i234"]),
    ("ix_int_big", ["f34"]), ("ix_int2_big", ["i234"]), ("ix_none_int_big", ["i234"]),
    ("ix_ell_int_big", ["i234"]), ("ix_too_many", ["i234"]), ("ix_int", ["s0"]),
    ("ix_slice", ["f34"]), ("ix_slice_step", ["i234"]), ("ix_slice_neg", ["f34"]),
    ("ix_slice_empty", ["f34"]), ("ix_slice_zero", ["f34"]), ("ix_slice_back", ["f34"]),
    ("ix_slice", ["s0"]), ("ix_none_ell", ["f34"]), ("ix_none_ell", ["s0"]),
    ("ix_ell_int", ["i234"]), ("ix_ell_twice", ["i234"]), ("ix_true", ["f34"]),
    ("ix_false", ["f34"]), ("ix_none_true_int", ["i234"]), ("ix_true", ["s0"]),
    ("ix_t0", ["i234", "ix0d"]), ("ix_t0_mid", ["i234", "ix0d"]),
    ("ix_t0_bool", ["f34", "mt"]), ("ix_t0_bool", ["f34", "mf"]), ("ix_t0_bool", ["s0", "mt"]),
    # Advanced indexing.
    ("ix_adv", ["f34", "ix3"]), ("ix_adv", ["i234", "ix2"]), ("ix_adv", ["f34", "ixn"]),
    ("ix_adv", ["f34", "ix22"]), ("ix_adv", ["f34", "ie0"]), ("ix_adv", ["f34", "ixb"]),
    ("ix_adv", ["s0", "ix2"]), ("ix_adv", ["f34", "gxf"]),
    ("ix_adv1", ["f34", "ix3"]), ("ix_adv1", ["i234", "ix22"]), ("ix_adv1", ["f34", "ixb"]),
    ("ix_adv1", ["e04", "ix2"]), ("ix_adv", ["e04", "ix2"]), ("ix_adv", ["e04", "ie0"]),
    ("ix_adv_last", ["i234", "ix3"]),
    ("ix_adj", ["i234", "ix2", "ixn"]),
    ("ix_adj", ["i234", "ix21", "ix3"]), ("ix_adj", ["i234", "ix2", "ix3"]),
    ("ix_adj_front", ["i234", "ix2", "ix22"]),
    ("ix_nonadj", ["i234", "ix2", "ixb"]), ("ix_nonadj", ["i234", "ix21", "ix3"]),
    ("ix_int_between", ["i234", "ix2", "ixb"]), ("ix_none_between", ["i234", "ix2", "ixn"]),
    ("ix_bcast", ["i234", "ix3x1", "ix2"]),
    ("ix_mask", ["f34", "m34"]), ("ix_mask", ["f34", "m3"]), ("ix_mask", ["i234", "m23"]),
    ("ix_mask", ["f34", "m4"]), ("ix_mask", ["f34", "m14"]), ("ix_mask", ["s0", "mt"]),
    ("ix_mask_mid", ["f34", "m4"]), ("ix_mask_mid", ["i234", "m3"]), ("ix_mask_mid", ["f34", "m3"]),
    ("ix_mask_slice", ["i234", "m23"]), ("ix_mask_slice", ["f34", "m3"]),
    ("ix_mask_idx", ["f34", "m3", "ixn"]), ("ix_mask_idx", ["i234", "m23", "ix3"]),
    ("ix_none_adv", ["i234", "ix2", "ix3x1"]), ("ix_adv_int0d", ["i234", "ix2", "ix0d"]),
    ("ix_adv", ["f34", "b34"]),
    # Assignment.
    ("put_int", ["f34", "v4"]), ("put_int", ["f34", "vi1_4"]), ("put_int", ["i234", "vi0"]),
    ("put_int", ["f34", "vi24"]), ("put_int", ["f34", "ix3"]),
    ("put_slice", ["f34", "vf"]), ("put_slice", ["f34", "vf0"]), ("put_slice", ["i234", "vi2"]),
    ("put_ell", ["i24", "vi4"]), ("put_false", ["f34", "vi24"]), ("put_none", ["i24", "vi4"]),
    ("put_adv", ["i234", "ix2", "vi0"]), ("put_adv", ["i24", "ix2", "vi4"]),
    ("put_adv", ["i24", "ix2", "vi1_4"]), ("put_adv", ["i24", "ix2", "vi24"]),
    ("put_adv", ["i24", "ixn", "vi2"]), ("put_adv", ["f34", "ix2", "vi4"]),
    ("put_adv", ["f34", "ix2", "vf0"]), ("put_adv", ["i24", "ixb", "vi0"]),
    ("put_adv1", ["i234", "ix2", "vi4"]), ("put_adv1", ["i234", "ix3", "vi2"]),
    ("put_nonadj", ["i234", "ix2", "ixb", "vi2"]), ("put_nonadj", ["i234", "ix21", "ix3", "vi0"]),
    ("put_mask", ["f34", "m34", "vf0"]), ("put_mask", ["i24", "m4", "vf0"]),
    ("put_mask", ["f34", "m3", "v4"]), ("put_mask", ["f34", "m3", "f24"]),
    ("put_mask", ["i24", "m4", "vi2"]), ("put_mask_mid", ["f34", "m4", "vf0"]),
    ("put_mask", ["f34", "m14", "vf0"]),
    ("put_adv_sf", ["i24", "ix2", 2.75]), ("put_adv_sf", ["b34", "ix2", 0.5]),
    ("put_int_sf", ["i24", -7.5]),
    ("put_acc", ["f34", "ix3", "vf0"]), ("put_acc", ["f34", "ix3", "f34"]),
    ("put_acc", ["i24", "ixn", "vi24"]), ("put_acc", ["b34", "ix3", "b34"]),
    ("put_acc", ["f34", "ix3", "d23"]), ("put_acc", ["f34", "ixb", "vf0"]),
    ("put_acc2", ["i234", "ix22", "ix21", "vi4"]),
    ("put_acc2", ["f34", "ix3", "ix3", "vf0"]),
    ("index_bw_adv", ["f34", "ix3"]), ("index_bw_adv", ["d23", "ixn"]),
    ("index_bw_nonadj", ["f34", "ix3", "ixn"]), ("index_bw_mask", ["f34", "m34"]),
    ("index_bw_basic", ["f34"]),
    ("index_bw_adj", ["f234", "ix22", "ix21"]), ("index_bw_adj", ["f234", "ix3x1", "ixn"]),
    ("index_bw_mask", ["f234", "m234"]), ("index_bw_mask", ["f234", "m23"]),
    ("index_add", ["f34", "ix2", "f21", 0]), ("index_add", ["f34", "ix2", "f21", 1]),
    ("ix_mask", ["i234", "m234"]), ("put_mask", ["f234", "m234", "vf0"]),
    ("put_acc", ["f234", "m23", "v4"]), ("put_acc", ["f234", "m234", "f234"]),
    ("cat_t", ["f34", "f43", 0]), ("cat_t", ["f34", "f42", 1]), ("cat_t", ["f34", "v4", 1]),
    ("cat_t", ["f34", "f34", 0]),
    ("split_t", ["i24", 3]), ("repeat_t", ["f34", 2, 1]), ("repeat_t", ["d23", 1, 1, 2]),
    ("gather_t", ["f34", "gx32", 1]), ("gather_t", ["f34", "ix22", 0]),
    ("index_select_t", ["f34", "ix3", 0]), ("index_select_t", ["f34", "ix2", 1]),
    ("index_select_t", ["f34", "ix3", 1]),
    ("ix_adv_t", ["f34", "ix3", "ix2"]) , ("ix_adv_t", ["f34", "ixb", "ix2"]),
    ("put_adv_t", ["f34", "ixb", "vf0"]), ("put_adv_t", ["i24", "ix3", "vi2"]),
    ("masked_fill_t_", ["f34", "m3", 7.0]), ("masked_fill_t_", ["f34", "m41", 7.0]),
    ("masked_fill_t_", ["f34", "m4", 7.0]),
]

def main():
    import warnings
    warnings.simplefilter("ignore")
    print("// Generated by scripts/gen-index-vectors.py; do not edit. Regenerate with")
    print("//   /usr/bin/python3 scripts/gen-index-vectors.py > test/Unit/Runtime/IndexVectors.inc")
    print("// Expected results of PyTorch %s (CPU). Included by IndexTest.cpp," % torch.__version__)
    print("// which defines InputSpec, Result, OpCase and ErrorCase.")
    print()
    print("static const InputSpec Inputs[] = {")
    for n in NAMES:
        print('    {"%s", %s},' % (n, c_tensor_fields(INPUTS[n])))
    print("};")
    print()
    ok, errors = [], []
    for op, args in CASES:
        ins = [a for a in args if isinstance(a, str)]
        params = [a for a in args if not isinstance(a, str)]
        head = '"%s", {%s}, {%s}' % (
            op, ", ".join(str(NAMES.index(i)) for i in ins),
            ", ".join(c_number(p) for p in params))
        try:
            out = OPS[op](*[INPUTS[i] for i in ins], *params)
        except Exception as e:
            kind = type(e).__name__
            assert kind in ("RuntimeError", "IndexError", "ValueError", "TypeError"), kind
            msg = str(e).split("\n")[0]
            errors.append("    {%s, ErrorKind::%s, %s}," % (head, kind, c_string(msg)))
            continue
        outs = list(out) if isinstance(out, (tuple, list)) else [out]
        results = ", ".join("{%s}" % c_tensor_fields(t) for t in outs)
        ok.append("    {%s, {%s}}," % (head, results))
    print("static const OpCase Cases[] = {")
    print("\n".join(ok))
    print("};")
    print()
    print("static const ErrorCase ErrorCases[] = {")
    print("\n".join(errors))
    print("};")


if __name__ == "__main__":
    main()
