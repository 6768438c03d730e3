#!/usr/bin/env python3
"""Checks the Janus Python library (runtime/pylib) against PyTorch 1.13.

Run with the oracle interpreter (/usr/bin/python3, which has torch 1.13):

    /usr/bin/python3 scripts/check-pylib.py [-v]

runtime/pylib/torch_nn.py and torch_optim.py are Janus Python, hence plain
Python: this script imports them under CPython, where real torch provides the
functional layer they are written on, and compares them with torch.nn and
torch.optim:

  * coverage: every torch.nn / torch.optim class row and every Module /
    Optimizer method row of Library.def exists in the pylib with the table's
    signature (the documented exceptions are listed in SIGNATURE_EXCEPTIONS);
  * every class, built after the same torch.manual_seed next to PyTorch's:
    named_parameters names and order equal, parameter values bit-identical,
    the same number of random draws (the next torch.rand after construction
    is equal), forward outputs, input gradients and parameter gradients equal
    (bit-identical where the pylib makes the same functional calls as
    torch.nn, else within the tolerance stated per case), buffers
    (BatchNorm's running statistics) equal;
  * Module traversal on a user model (attribute registration order,
    ModuleList/Sequential names, weight tying, a module under two names, a
    frozen Parameter, a plain tensor that is not a parameter), train/eval,
    zero_grad;
  * SGD (momentum, dampening, nesterov, weight decay, maximize, param
    groups) and Adam (betas, weight decay, amsgrad, maximize) over several
    steps, zero_grad, step(closure).

Prints one line per failed check (and every check with -v) and a summary;
exits 1 if anything failed.
"""

import importlib.util
import inspect
import os
import sys

import torch
import torch.nn as tnn
import torch.optim as toptim

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import library_def  # noqa: E402


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


jnn = load("janus_pylib_torch_nn", os.path.join(ROOT, "runtime", "pylib", "torch_nn.py"))
jopt = load("janus_pylib_torch_optim", os.path.join(ROOT, "runtime", "pylib", "torch_optim.py"))

VERBOSE = "-v" in sys.argv[1:]
checks = 0
failures = []


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
        print("FAIL: " + what)
    elif VERBOSE:
        print("ok: " + what)


def max_diff(a, b):
    if a.numel() == 0:
        return 0.0
    return (a.double() - b.double()).abs().max().item()


def compare(a, b, what, exact, rtol, atol):
    """Compares two tensors (or two Nones): bitwise if exact, else allclose."""
    if a is None or b is None:
        check(a is None and b is None, "{}: {} vs {}".format(
            what, "None" if a is None else "tensor", "None" if b is None else "tensor"))
        return
    if a.shape != b.shape or a.dtype != b.dtype:
        check(False, "{}: shape/dtype {} {} vs {} {}".format(
            what, tuple(a.shape), a.dtype, tuple(b.shape), b.dtype))
        return
    if exact:
        check(torch.equal(a, b), "{}: not bit-identical (max diff {:.3g})".format(
            what, max_diff(a, b)))
    else:
        check(torch.allclose(a, b, rtol=rtol, atol=atol),
              "{}: max diff {:.3g} beyond rtol={} atol={}".format(
                  what, max_diff(a, b), rtol, atol))


def flatten(value):
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, (tuple, list)):
        out = []
        for v in value:
            out.extend(flatten(v))
        return out
    return []


#===----------------------------------------------------------------------===#
# Coverage of Library.def
#===----------------------------------------------------------------------===#

# Where the pylib's Python signature cannot be the table's, and why.
SIGNATURE_EXCEPTIONS = {
    # No *args parameters in Janus Python: up to 32 positional modules.
    ("torch.nn", "Sequential"): "m0=_MISSING, ..., m31=_MISSING",
    # The base forward: subclasses define their own.
    ("Module", "forward"): "input=None",
}


def table_signature_of(obj, skip_self):
    sig = inspect.signature(obj)
    params = list(sig.parameters.values())
    if skip_self:
        params = params[1:]
    return str(sig.replace(parameters=params))[1:-1]


def check_coverage():
    modules, receivers, rows = library_def.parse(
        os.path.join(ROOT, "runtime", "include", "janus", "Library.def"))
    owners = {"TorchNN": jnn, "TorchOptim": jopt}
    for row in rows:
        if row["macro"] == "CLASS" and row["owner"] in owners:
            lib = owners[row["owner"]]
            where = "{}.{}".format(modules[row["owner"]], row["name"])
            obj = getattr(lib, row["name"], None)
            check(obj is not None, "coverage: {} is defined".format(where))
            if obj is None:
                continue
            key = (modules[row["owner"]], row["name"])
            if key in SIGNATURE_EXCEPTIONS:
                continue
            if inspect.isclass(obj):
                got = table_signature_of(obj.__init__, True)
            else:
                got = table_signature_of(obj, False)
            check(got == row["sig"], "coverage: {}({}) has signature ({})".format(
                where, row["sig"], got))
        elif row["macro"] == "METHOD" and row["owner"] in ("NNModule", "Optimizer"):
            cls = jnn.Module if row["owner"] == "NNModule" else jopt.Optimizer
            name = receivers[row["owner"]]
            where = "{}.{}".format(name, row["name"])
            fn = getattr(cls, row["name"], None)
            check(fn is not None, "coverage: {} is defined".format(where))
            if fn is None or (name, row["name"]) in SIGNATURE_EXCEPTIONS:
                continue
            got = table_signature_of(fn, True)
            check(got == row["sig"], "coverage: {}({}) has signature ({})".format(
                where, row["sig"], got))
    for opt in ("SGD", "Adam"):
        got = table_signature_of(getattr(jopt, opt).step, True)
        check(got == "closure=None", "coverage: {}.step(closure=None) has ({})".format(opt, got))


#===----------------------------------------------------------------------===#
# One class next to PyTorch's
#===----------------------------------------------------------------------===#


def prepare(inputs):
    """Two independent copies of the inputs; floating ones require grad."""
    ours, ref = [], []
    for x in inputs:
        if isinstance(x, torch.Tensor):
            a = x.clone()
            b = x.clone()
            if x.is_floating_point():
                a.requires_grad_(True)
                b.requires_grad_(True)
            ours.append(a)
            ref.append(b)
        elif isinstance(x, tuple):
            ta, tb = prepare(list(x))
            ours.append(tuple(ta))
            ref.append(tuple(tb))
        else:
            ours.append(x)
            ref.append(x)
    return ours, ref


def leaves(inputs):
    return [x for x in flatten(inputs) if x.requires_grad]


def run_case(label, build, make_inputs, exact=True, rtol=1e-5, atol=1e-6,
             steps=1, then_eval=False, call=None, seed=0):
    """Builds `build(jnn)` and `build(tnn)` after the same seed and compares
    them (see the file comment). make_inputs() draws the forward inputs;
    call(module, inputs) runs the forward (default module(*inputs))."""
    torch.manual_seed(seed)
    ours = build(jnn)
    after_ours = torch.rand(4)
    torch.manual_seed(seed)
    ref = build(tnn)
    after_ref = torch.rand(4)
    check(torch.equal(after_ours, after_ref),
          "{}: construction draws a different amount of random numbers".format(label))

    names_o = [n for n, _ in ours.named_parameters()]
    names_r = [n for n, _ in ref.named_parameters()]
    check(names_o == names_r, "{}: named_parameters {} vs {}".format(label, names_o, names_r))
    if names_o == names_r:
        for (n, po), (_, pr) in zip(ours.named_parameters(), ref.named_parameters()):
            compare(po.detach(), pr.detach(), "{}: initial {}".format(label, n), True, 0, 0)
            check(po.requires_grad == pr.requires_grad and po.is_leaf,
                  "{}: {} requires_grad/is_leaf".format(label, n))

    modes = ["train"] * steps + (["eval"] if then_eval else [])
    for step, mode in enumerate(modes):
        if mode == "eval":
            ours.eval()
            ref.eval()
        check(ours.training == ref.training, "{}: training flag".format(label))
        what = "{} [{} {}]".format(label, mode, step)
        torch.manual_seed(seed + 100 + step)
        inputs = make_inputs()
        in_o, in_r = prepare(inputs)
        for p in ours.parameters():
            p.grad = None
        for p in ref.parameters():
            p.grad = None
        torch.manual_seed(seed + 200 + step)
        out_o = call(ours, in_o) if call else ours(*in_o)
        torch.manual_seed(seed + 200 + step)
        out_r = call(ref, in_r) if call else ref(*in_r)
        flat_o, flat_r = flatten(out_o), flatten(out_r)
        check(len(flat_o) == len(flat_r), "{}: number of outputs".format(what))
        for k, (a, b) in enumerate(zip(flat_o, flat_r)):
            compare(a.detach(), b.detach(), "{}: output {}".format(what, k), exact, rtol, atol)

        # Backward through a fixed random projection of every float output.
        diff_o = [a for a in flat_o if a.requires_grad]
        diff_r = [b for b in flat_r if b.requires_grad]
        if diff_o and len(diff_o) == len(diff_r):
            torch.manual_seed(seed + 300 + step)
            weights = [torch.randn(a.shape, dtype=a.dtype) for a in diff_o]
            sum(((a * w).sum() for a, w in zip(diff_o, weights))).backward()
            sum(((b * w).sum() for b, w in zip(diff_r, weights))).backward()
            for k, (a, b) in enumerate(zip(leaves(in_o), leaves(in_r))):
                compare(a.grad, b.grad, "{}: input grad {}".format(what, k), exact, rtol, atol)
            if names_o == names_r:
                for (n, po), (_, pr) in zip(ours.named_parameters(), ref.named_parameters()):
                    compare(po.grad, pr.grad, "{}: grad of {}".format(what, n), exact, rtol, atol)
        for name in ("running_mean", "running_var", "num_batches_tracked"):
            if hasattr(ref, name):
                compare(getattr(ours, name), getattr(ref, name),
                        "{}: buffer {}".format(what, name), exact, rtol, atol)
    check(torch.equal(torch.rand(4), torch.rand(4)) is False, "{}: sanity".format(label))
    return ours, ref


def randn(*shape, dtype=torch.float32):
    return lambda: [torch.randn(*shape, dtype=dtype)]


def check_classes():
    f64 = torch.float64
    # -- Linear --------------------------------------------------------------
    run_case("Linear(5, 3)", lambda nn: nn.Linear(5, 3), randn(6, 5))
    run_case("Linear(5, 3, bias=False)", lambda nn: nn.Linear(5, 3, bias=False), randn(2, 4, 5))
    run_case("Linear(4, 2, dtype=float64)", lambda nn: nn.Linear(4, 2, dtype=f64), randn(3, 4, dtype=f64))
    run_case("Linear(5, 3) on 1-d input", lambda nn: nn.Linear(5, 3), randn(5))

    # -- Conv2d (the same F.conv2d call as torch.nn: bit-identical) ----------
    run_case("Conv2d(3, 4, 3)", lambda nn: nn.Conv2d(3, 4, 3), randn(2, 3, 7, 6))
    run_case("Conv2d(3, 6, (3, 2), stride=2, padding=1, groups=3, bias=False)",
             lambda nn: nn.Conv2d(3, 6, (3, 2), stride=2, padding=1, groups=3, bias=False),
             randn(2, 3, 8, 7))
    run_case("Conv2d(2, 4, 3, padding='same', dilation=2)",
             lambda nn: nn.Conv2d(2, 4, 3, padding="same", dilation=2), randn(1, 2, 9, 9))
    run_case("Conv2d(2, 3, 3, padding=1, padding_mode='reflect')",
             lambda nn: nn.Conv2d(2, 3, 3, padding=1, padding_mode="reflect"), randn(2, 2, 6, 6))
    run_case("Conv2d(2, 3, 4, padding='same', padding_mode='circular')",
             lambda nn: nn.Conv2d(2, 3, 4, padding="same", padding_mode="circular"), randn(1, 2, 6, 5))
    run_case("Conv2d(1, 6, 5, padding=2) unbatched",
             lambda nn: nn.Conv2d(1, 6, 5, padding=2), randn(1, 12, 12))
    run_case("Conv2d(2, 2, 3, dtype=float64)",
             lambda nn: nn.Conv2d(2, 2, 3, dtype=f64), randn(2, 2, 5, 5, dtype=f64))

    # -- ConvTranspose2d (written as a convolution of the dilated input) ----
    ct = dict(exact=False, rtol=1e-5, atol=1e-5)
    run_case("ConvTranspose2d(3, 4, 3)", lambda nn: nn.ConvTranspose2d(3, 4, 3),
             randn(2, 3, 5, 4), **ct)
    run_case("ConvTranspose2d(4, 2, 4, stride=2, padding=1)",
             lambda nn: nn.ConvTranspose2d(4, 2, 4, stride=2, padding=1), randn(2, 4, 5, 5), **ct)
    run_case("ConvTranspose2d(4, 6, 3, stride=2, padding=1, output_padding=1, groups=2)",
             lambda nn: nn.ConvTranspose2d(4, 6, 3, stride=2, padding=1, output_padding=1, groups=2),
             randn(2, 4, 4, 3), **ct)
    run_case("ConvTranspose2d(2, 3, 3, stride=(3, 2), padding=(4, 1), dilation=2, bias=False)",
             lambda nn: nn.ConvTranspose2d(2, 3, 3, stride=(3, 2), padding=(4, 1), dilation=2, bias=False),
             randn(1, 2, 5, 6), **ct)
    run_case("ConvTranspose2d(3, 2, (2, 3), stride=2) output_size",
             lambda nn: nn.ConvTranspose2d(3, 2, (2, 3), stride=2), randn(2, 3, 4, 4),
             call=lambda m, x: m.forward(x[0], output_size=[9, 10]), **ct)
    run_case("ConvTranspose2d(3, 2, 3, stride=2) unbatched",
             lambda nn: nn.ConvTranspose2d(3, 2, 3, stride=2), randn(3, 4, 4), **ct)
    run_case("ConvTranspose2d(2, 2, 3, stride=2, dtype=float64)",
             lambda nn: nn.ConvTranspose2d(2, 2, 3, stride=2, dtype=f64), randn(2, 2, 4, 4, dtype=f64),
             exact=False, rtol=1e-12, atol=1e-12)

    # -- BatchNorm2d (written with reductions): two training steps, then eval
    bn = dict(exact=False, rtol=1e-5, atol=1e-5, steps=2, then_eval=True)
    run_case("BatchNorm2d(4)", lambda nn: nn.BatchNorm2d(4), randn(3, 4, 5, 5), **bn)
    run_case("BatchNorm2d(4, momentum=None)", lambda nn: nn.BatchNorm2d(4, momentum=None),
             randn(3, 4, 2, 3), **bn)
    run_case("BatchNorm2d(3, eps=1e-3, momentum=0.3, affine=False)",
             lambda nn: nn.BatchNorm2d(3, eps=1e-3, momentum=0.3, affine=False), randn(4, 3, 3, 3), **bn)
    run_case("BatchNorm2d(3, track_running_stats=False)",
             lambda nn: nn.BatchNorm2d(3, track_running_stats=False), randn(2, 3, 4, 4), **bn)
    run_case("BatchNorm2d(2, dtype=float64)", lambda nn: nn.BatchNorm2d(2, dtype=f64),
             randn(3, 2, 4, 4, dtype=f64), exact=False, rtol=1e-12, atol=1e-12, steps=2, then_eval=True)

    # -- Pooling, Flatten, Dropout ------------------------------------------
    run_case("MaxPool2d(2)", lambda nn: nn.MaxPool2d(2), randn(2, 3, 6, 6))
    run_case("MaxPool2d(3, stride=2, padding=1, ceil_mode=True)",
             lambda nn: nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True), randn(1, 2, 7, 8))
    run_case("MaxPool2d(2, dilation=2, return_indices=True)",
             lambda nn: nn.MaxPool2d(2, dilation=2, return_indices=True), randn(1, 2, 7, 7))
    run_case("AvgPool2d(2)", lambda nn: nn.AvgPool2d(2), randn(2, 3, 6, 6))
    run_case("AvgPool2d(3, 2, 1, ceil_mode=True, count_include_pad=False)",
             lambda nn: nn.AvgPool2d(3, 2, 1, ceil_mode=True, count_include_pad=False), randn(1, 2, 7, 8))
    run_case("AvgPool2d(2, divisor_override=3)", lambda nn: nn.AvgPool2d(2, divisor_override=3),
             randn(1, 2, 4, 4))
    run_case("Flatten()", lambda nn: nn.Flatten(), randn(2, 3, 4, 5))
    run_case("Flatten(0, 2)", lambda nn: nn.Flatten(0, 2), randn(2, 3, 4, 5))
    run_case("Dropout(0.3)", lambda nn: nn.Dropout(0.3), randn(4, 50), steps=2, then_eval=True)
    run_case("Dropout()", lambda nn: nn.Dropout(), randn(3, 7))
    run_case("Dropout(0.0)", lambda nn: nn.Dropout(0.0), randn(3, 7))

    # -- Embedding -----------------------------------------------------------
    idx = lambda: [torch.randint(0, 10, (3, 5))]
    run_case("Embedding(10, 4)", lambda nn: nn.Embedding(10, 4), idx)
    run_case("Embedding(10, 4, padding_idx=2)", lambda nn: nn.Embedding(10, 4, padding_idx=2), idx)
    run_case("Embedding(10, 3, padding_idx=-1)", lambda nn: nn.Embedding(10, 3, padding_idx=-1), idx)
    run_case("Embedding(10, 2, _weight=...)",
             lambda nn: nn.Embedding(10, 2, _weight=torch.arange(20.0).reshape(10, 2)), idx)

    # -- Recurrent layers ------------------------------------------------------
    # LSTMCell/LSTM/GRUCell follow ATen's operation order (and its strided
    # gate views): bit-identical.
    rnn = dict(exact=True)
    gru = dict(exact=True)
    hx = lambda *shape: tuple(torch.randn(*shape) for _ in range(2))
    run_case("LSTMCell(4, 6)", lambda nn: nn.LSTMCell(4, 6),
             lambda: [torch.randn(3, 4), hx(3, 6)], **rnn)
    run_case("LSTMCell(4, 6, bias=False) hx=None", lambda nn: nn.LSTMCell(4, 6, bias=False),
             randn(3, 4), **rnn)
    run_case("LSTMCell(4, 5) unbatched", lambda nn: nn.LSTMCell(4, 5),
             lambda: [torch.randn(4), hx(5)], **rnn)
    run_case("GRUCell(4, 6)", lambda nn: nn.GRUCell(4, 6),
             lambda: [torch.randn(3, 4), torch.randn(3, 6)], **gru)
    run_case("GRUCell(4, 6, bias=False) hx=None", lambda nn: nn.GRUCell(4, 6, bias=False),
             randn(3, 4), **gru)
    run_case("GRUCell(3, 5) unbatched", lambda nn: nn.GRUCell(3, 5),
             lambda: [torch.randn(3), torch.randn(5)], **gru)
    run_case("GRUCell(7, 13)", lambda nn: nn.GRUCell(7, 13),
             lambda: [torch.randn(5, 7), torch.randn(5, 13)], **gru)
    run_case("LSTMCell(7, 13)", lambda nn: nn.LSTMCell(7, 13),
             lambda: [torch.randn(5, 7), hx(5, 13)], **rnn)
    run_case("LSTM(7, 13, num_layers=2)", lambda nn: nn.LSTM(7, 13, num_layers=2),
             randn(4, 5, 7), **rnn)
    run_case("LSTM(4, 6)", lambda nn: nn.LSTM(4, 6), randn(5, 3, 4), **rnn)
    run_case("LSTM(4, 6, batch_first=True) with hx", lambda nn: nn.LSTM(4, 6, batch_first=True),
             lambda: [torch.randn(3, 5, 4), hx(1, 3, 6)], **rnn)
    run_case("LSTM(4, 5, num_layers=3, bias=False)", lambda nn: nn.LSTM(4, 5, num_layers=3, bias=False),
             randn(6, 2, 4), **rnn)
    run_case("LSTM(4, 5, num_layers=2, dropout=0.4) training",
             lambda nn: nn.LSTM(4, 5, num_layers=2, dropout=0.4), randn(6, 3, 4),
             steps=2, then_eval=True, **rnn)
    run_case("LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True)",
             lambda nn: nn.LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True),
             lambda: [torch.randn(2, 5, 3), hx(4, 2, 4)], **rnn)
    run_case("LSTM(3, 6, num_layers=2, proj_size=2, bidirectional=True)",
             lambda nn: nn.LSTM(3, 6, num_layers=2, proj_size=2, bidirectional=True),
             randn(4, 2, 3), **rnn)
    run_case("LSTM(3, 4) unbatched", lambda nn: nn.LSTM(3, 4), randn(5, 3), **rnn)
    run_case("LSTM(3, 4, batch_first=True) unbatched with hx", lambda nn: nn.LSTM(3, 4, batch_first=True),
             lambda: [torch.randn(5, 3), hx(1, 4)], **rnn)
    run_case("LSTM(3, 4, num_layers=2, dtype=float64)", lambda nn: nn.LSTM(3, 4, num_layers=2, dtype=f64),
             randn(5, 2, 3, dtype=f64))

    # -- Activations -----------------------------------------------------------
    run_case("ReLU()", lambda nn: nn.ReLU(), randn(3, 5))
    run_case("Tanh()", lambda nn: nn.Tanh(), randn(3, 5))
    run_case("Sigmoid()", lambda nn: nn.Sigmoid(), randn(3, 5))
    run_case("LeakyReLU()", lambda nn: nn.LeakyReLU(), randn(3, 5))
    run_case("LeakyReLU(0.2)", lambda nn: nn.LeakyReLU(0.2), randn(3, 5))
    run_case("Softmax(dim=1)", lambda nn: nn.Softmax(dim=1), randn(3, 5))
    run_case("Softmax() implicit dim", lambda nn: nn.Softmax(), randn(2, 3, 5))
    run_case("LogSoftmax(dim=-1)", lambda nn: nn.LogSoftmax(dim=-1), randn(3, 5))
    run_case("LogSoftmax(1) float64", lambda nn: nn.LogSoftmax(1), randn(3, 5, dtype=f64))

    # -- Losses ------------------------------------------------------------------
    logits = lambda: [torch.randn(6, 4), torch.randint(0, 4, (6,))]
    run_case("CrossEntropyLoss()", lambda nn: nn.CrossEntropyLoss(), logits)
    run_case("CrossEntropyLoss(weight, ignore_index=1, label_smoothing=0.1)",
             lambda nn: nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 0.5, 1.5]), ignore_index=1,
                                            label_smoothing=0.1), logits)
    run_case("CrossEntropyLoss(reduction='sum')", lambda nn: nn.CrossEntropyLoss(reduction="sum"), logits)
    run_case("CrossEntropyLoss(reduction='none')", lambda nn: nn.CrossEntropyLoss(reduction="none"), logits)
    run_case("CrossEntropyLoss(size_average=False)",
             lambda nn: nn.CrossEntropyLoss(size_average=False), logits)
    run_case("CrossEntropyLoss(reduce=False)", lambda nn: nn.CrossEntropyLoss(reduce=False), logits)
    pair = lambda: [torch.randn(4, 3), torch.randn(4, 3)]
    run_case("MSELoss()", lambda nn: nn.MSELoss(), pair)
    run_case("MSELoss(reduction='sum')", lambda nn: nn.MSELoss(reduction="sum"), pair)
    run_case("MSELoss(reduction='none')", lambda nn: nn.MSELoss(reduction="none"), pair)
    run_case("MSELoss(size_average=False, reduce=True)",
             lambda nn: nn.MSELoss(size_average=False, reduce=True), pair)

    # -- Containers ----------------------------------------------------------------
    run_case("Sequential(Linear, ReLU, Linear)",
             lambda nn: nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 2)), randn(3, 4))
    run_case("Sequential(Conv2d, BatchNorm2d, LeakyReLU, Flatten)",
             lambda nn: nn.Sequential(nn.Conv2d(2, 3, 3), nn.BatchNorm2d(3), nn.LeakyReLU(0.2), nn.Flatten()),
             randn(2, 2, 5, 5), exact=False, rtol=1e-5, atol=1e-5, steps=2, then_eval=True)
    run_case("Sequential()", lambda nn: nn.Sequential(), randn(2, 3))
    run_case("ModuleList([Linear, Linear])[1]",
             lambda nn: nn.ModuleList([nn.Linear(3, 4), nn.Linear(4, 2)]),
             randn(2, 4), call=lambda m, x: m[1](x[0]))
    run_case("ModuleList() + append/extend/insert",
             lambda nn: nn.ModuleList().append(nn.Linear(2, 3)).extend([nn.Tanh(), nn.Linear(3, 1)]),
             randn(2, 2), call=lambda m, x: m[2](m[1](m[0](x[0]))))

    # Container protocol: len, indexing, slicing, iteration, insert, setitem.
    for nn_ns, tag in ((jnn, "ours"), (tnn, "torch")):
        pass
    torch.manual_seed(1)
    s_o = jnn.Sequential(jnn.Linear(2, 3), jnn.ReLU(), jnn.Linear(3, 1))
    torch.manual_seed(1)
    s_r = tnn.Sequential(tnn.Linear(2, 3), tnn.ReLU(), tnn.Linear(3, 1))
    check(len(s_o) == len(s_r) == 3, "Sequential: len")
    check([type(m).__name__ for m in s_o] == [type(m).__name__ for m in s_r], "Sequential: iteration")
    check(type(s_o[-1]).__name__ == "Linear" and s_o[-1] is list(s_o)[2], "Sequential: negative index")
    sl_o, sl_r = s_o[1:], s_r[1:]
    check([n for n, _ in sl_o.named_parameters()] == [n for n, _ in sl_r.named_parameters()],
          "Sequential: slice keeps names ({})".format([n for n, _ in sl_o.named_parameters()]))
    torch.manual_seed(2)
    m_o = jnn.ModuleList([jnn.Linear(1, 1), jnn.Linear(1, 2)])
    m_o.insert(1, jnn.Linear(2, 2))
    m_o[0] = jnn.Linear(3, 3)
    torch.manual_seed(2)
    m_r = tnn.ModuleList([tnn.Linear(1, 1), tnn.Linear(1, 2)])
    m_r.insert(1, tnn.Linear(2, 2))
    m_r[0] = tnn.Linear(3, 3)
    check(len(m_o) == len(m_r) == 3, "ModuleList: len after insert")
    check([n for n, _ in m_o.named_parameters()] == [n for n, _ in m_r.named_parameters()],
          "ModuleList: names after insert/setitem")
    for (n, a), (_, b) in zip(m_o.named_parameters(), m_r.named_parameters()):
        compare(a.detach(), b.detach(), "ModuleList: {} after insert/setitem".format(n), True, 0, 0)
    check(len(m_o[1:]) == 2 and m_o[1:][0] is m_o[1], "ModuleList: slice")

    # -- Parameter ---------------------------------------------------------------
    data = torch.randn(3)
    p = jnn.Parameter(data)
    check(p.requires_grad and p.is_leaf and p.data_ptr() == data.data_ptr(),
          "Parameter: a leaf requiring grad that shares data's storage")
    q = jnn.Parameter(torch.randn(2, requires_grad=True) * 2, requires_grad=False)
    check(not q.requires_grad and q.is_leaf, "Parameter(requires_grad=False) of a non-leaf")
    check(jnn.Parameter().shape == tnn.Parameter().shape, "Parameter(): empty")


#===----------------------------------------------------------------------===#
# Module traversal on a user model
#===----------------------------------------------------------------------===#


def user_model(nn):
    class Block(nn.Module):
        def __init__(self, cin, cout):
            super().__init__()
            self.conv = nn.Conv2d(cin, cout, 3, padding=1, bias=False)
            self.bn = nn.BatchNorm2d(cout)
            self.shortcut = nn.Sequential()
            self.scale = nn.Parameter(torch.ones(1))
            if cin != cout:
                self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1), nn.BatchNorm2d(cout))

        def forward(self, x):
            return torch.relu(self.bn(self.conv(x)) * self.scale + self.shortcut(x))

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(10, 4)
            self.h0 = torch.zeros(4, requires_grad=True)  # not a parameter
            self.frozen = nn.Parameter(torch.ones(2), requires_grad=False)  # a parameter
            self.blocks = nn.ModuleList([Block(1, 2), Block(2, 2)])
            self.head = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 4))
            self.decoder = nn.Linear(4, 10)
            self.decoder.weight = self.embed.weight  # weight tying
            self.plain = [nn.Linear(2, 2)]  # a list: not registered
            self.alias = self.head  # one module under two names
            self.missing = None
            self.bias2 = nn.Parameter(torch.zeros(10))
            self.drop = nn.Dropout(0.5)

        def forward(self, tokens, image):
            x = self.embed(tokens).mean(1)
            x = self.drop(self.head(x))
            y = image
            for block in self.blocks:
                y = block(y)
            return self.decoder(x) + self.bias2 + y.mean(), y

    return Net()


def check_user_model():
    torch.manual_seed(5)
    ours = user_model(jnn)
    torch.manual_seed(5)
    ref = user_model(tnn)
    for fn in ("named_parameters", "named_modules", "named_children"):
        a = [n for n, _ in getattr(ours, fn)()]
        b = [n for n, _ in getattr(ref, fn)()]
        check(a == b, "user model: {} {} vs {}".format(fn, a, b))
    check([type(m).__name__ for m in ours.modules()] == [type(m).__name__ for m in ref.modules()],
          "user model: modules() types")
    check([type(m).__name__ for m in ours.children()] == [type(m).__name__ for m in ref.children()],
          "user model: children() types")
    check(len(ours.parameters()) == len(list(ref.parameters())), "user model: parameters() count")
    check([n for n, _ in ours.named_parameters(prefix="net")] ==
          [n for n, _ in ref.named_parameters(prefix="net")], "user model: named_parameters(prefix=)")
    check([n for n, _ in ours.named_parameters(recurse=False)] ==
          [n for n, _ in ref.named_parameters(recurse=False)], "user model: named_parameters(recurse=False)")
    check(len(ours.parameters(recurse=False)) == len(list(ref.parameters(recurse=False))),
          "user model: parameters(recurse=False)")
    for (n, a), (_, b) in zip(ours.named_parameters(), ref.named_parameters()):
        compare(a.detach(), b.detach(), "user model: initial {}".format(n), True, 0, 0)
    check(ours.decoder.weight is ours.embed.weight, "user model: tied weight")

    # train/eval reach every module; forward and backward agree.
    for mode in ("train", "eval", "train"):
        if mode == "eval":
            r_o, r_r = ours.eval(), ref.eval()
        else:
            r_o, r_r = ours.train(), ref.train()
        check(r_o is ours, "user model: {}() returns self".format(mode))
        check([m.training for m in ours.modules()] == [m.training for m in ref.modules()],
              "user model: training flags after {}()".format(mode))
        torch.manual_seed(11)
        tokens = torch.randint(0, 10, (3, 4))
        image = torch.randn(2, 1, 4, 4)
        torch.manual_seed(12)
        out_o = ours(tokens, image)
        torch.manual_seed(12)
        out_r = ref(tokens, image)
        for k in range(2):
            compare(out_o[k].detach(), out_r[k].detach(), "user model [{}]: output {}".format(mode, k),
                    False, 1e-5, 1e-5)
        ours.zero_grad()
        ref.zero_grad()
        (out_o[0].sum() + out_o[1].sum()).backward()
        (out_r[0].sum() + out_r[1].sum()).backward()
        for (n, a), (_, b) in zip(ours.named_parameters(), ref.named_parameters()):
            compare(a.grad, b.grad, "user model [{}]: grad of {}".format(mode, n), False, 1e-5, 1e-5)

    ours.zero_grad()
    ref.zero_grad()
    for (n, a), (_, b) in zip(ours.named_parameters(), ref.named_parameters()):
        compare(a.grad, b.grad, "user model: zero_grad() of {}".format(n), True, 0, 0)
    ours.zero_grad(set_to_none=True)
    ref.zero_grad(set_to_none=True)
    check(all(p.grad is None for p in ours.parameters()) and all(p.grad is None for p in ref.parameters()),
          "user model: zero_grad(set_to_none=True)")

    # Registration after construction, and reassignment of a registered name.
    torch.manual_seed(6)
    ours.extra = jnn.Linear(2, 2)
    ours.embed = jnn.Embedding(3, 4)
    torch.manual_seed(6)
    ref.extra = tnn.Linear(2, 2)
    ref.embed = tnn.Embedding(3, 4)
    check([n for n, _ in ours.named_parameters()] == [n for n, _ in ref.named_parameters()],
          "user model: names after late assignment")
    for (n, a), (_, b) in zip(ours.named_parameters(), ref.named_parameters()):
        compare(a.detach(), b.detach(), "user model: {} after late assignment".format(n), True, 0, 0)


#===----------------------------------------------------------------------===#
# Optimizers
#===----------------------------------------------------------------------===#


def make_params(seed, dtype=torch.float32):
    torch.manual_seed(seed)
    return [torch.randn(5, 3, dtype=dtype), torch.randn(3, dtype=dtype), torch.randn(2, 2, dtype=dtype)]


def loss_of(params, step):
    torch.manual_seed(1000 + step)
    x = torch.randn(4, 5, dtype=params[0].dtype)
    y = x @ params[0] + params[1]
    return (y * y).mean() + params[0].abs().sum() * 0.1 + (params[2] ** 3).sum()


def run_optimizer(label, make_ours, make_ref, groups=None, steps=5, exact=True,
                  rtol=0.0, atol=0.0, skip_grad=None, dtype=torch.float32):
    base = make_params(3, dtype)
    p_o = [p.clone().requires_grad_(True) for p in base]
    p_r = [p.clone().requires_grad_(True) for p in base]
    if groups is None:
        opt_o, opt_r = make_ours(p_o), make_ref(p_r)
    else:
        opt_o, opt_r = make_ours(groups(p_o)), make_ref(groups(p_r))
    for step in range(steps):
        opt_o.zero_grad()
        opt_r.zero_grad()
        loss_of(p_o, step).backward()
        loss_of(p_r, step).backward()
        if skip_grad is not None and step == skip_grad:
            p_o[1].grad = None
            p_r[1].grad = None
        opt_o.step()
        opt_r.step()
        for k, (a, b) in enumerate(zip(p_o, p_r)):
            compare(a.detach(), b.detach(), "{}: param {} after step {}".format(label, k, step + 1),
                    exact, rtol, atol)
    # zero_grad keeps zero tensors by default (1.13), drops them with set_to_none.
    opt_o.zero_grad()
    opt_r.zero_grad()
    for k, (a, b) in enumerate(zip(p_o, p_r)):
        compare(a.grad, b.grad, "{}: grad {} after zero_grad()".format(label, k), True, 0, 0)
    opt_o.zero_grad(set_to_none=True)
    opt_r.zero_grad(set_to_none=True)
    check(all(p.grad is None for p in p_o), "{}: zero_grad(set_to_none=True)".format(label))
    # step(closure) returns the closure's loss.
    def closure_o():
        opt_o.zero_grad()
        loss = loss_of(p_o, 99)
        loss.backward()
        return loss
    def closure_r():
        opt_r.zero_grad()
        loss = loss_of(p_r, 99)
        loss.backward()
        return loss
    l_o = opt_o.step(closure_o)
    l_r = opt_r.step(closure_r)
    compare(l_o.detach(), l_r.detach(), "{}: step(closure) loss".format(label), exact, rtol, atol)
    for k, (a, b) in enumerate(zip(p_o, p_r)):
        compare(a.detach(), b.detach(), "{}: param {} after step(closure)".format(label, k),
                exact, rtol, atol)


def check_optimizers():
    sgd_cases = [
        ("SGD(lr=0.1)", dict(lr=0.1)),
        ("SGD(lr=0.05, momentum=0.9)", dict(lr=0.05, momentum=0.9)),
        ("SGD(lr=0.05, momentum=0.9, nesterov=True)", dict(lr=0.05, momentum=0.9, nesterov=True)),
        ("SGD(lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.01)",
         dict(lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.01)),
        ("SGD(lr=0.02, momentum=0.9, nesterov=True, weight_decay=0.1)",
         dict(lr=0.02, momentum=0.9, nesterov=True, weight_decay=0.1)),
        ("SGD(lr=0.01, weight_decay=0.5, maximize=True)", dict(lr=0.01, weight_decay=0.5, maximize=True)),
        ("SGD(lr=0.05, momentum=0.9, foreach=True)", dict(lr=0.05, momentum=0.9, foreach=True)),
    ]
    for label, kw in sgd_cases:
        run_optimizer(label, lambda p, kw=kw: jopt.SGD(p, **kw), lambda p, kw=kw: toptim.SGD(p, **kw))
    run_optimizer("SGD(momentum=0.9) with a step without grad",
                  lambda p: jopt.SGD(p, 0.05, 0.9), lambda p: toptim.SGD(p, 0.05, 0.9), skip_grad=2)
    run_optimizer("SGD param groups",
                  lambda g: jopt.SGD(g, lr=0.01, momentum=0.5), lambda g: toptim.SGD(g, lr=0.01, momentum=0.5),
                  groups=lambda p: [{"params": [p[0]], "lr": 0.1}, {"params": p[1:], "nesterov": True}])

    # Adam is bit-identical in float32 (the pylib reproduces addcmul_'s FMA).
    adam = dict(exact=True)
    adam_cases = [
        ("Adam()", dict()),
        ("Adam(lr=0.01, betas=(0.5, 0.999))", dict(lr=0.01, betas=(0.5, 0.999))),
        ("Adam(lr=0.01, weight_decay=0.1)", dict(lr=0.01, weight_decay=0.1)),
        ("Adam(lr=0.01, amsgrad=True)", dict(lr=0.01, amsgrad=True)),
        ("Adam(lr=0.003, eps=1e-3, maximize=True)", dict(lr=0.003, eps=1e-3, maximize=True)),
        ("Adam(lr=0.01, foreach=True)", dict(lr=0.01, foreach=True)),
    ]
    for label, kw in adam_cases:
        run_optimizer(label, lambda p, kw=kw: jopt.Adam(p, **kw), lambda p, kw=kw: toptim.Adam(p, **kw),
                      steps=8, **adam)
    # float64: addcmul_'s FMA is not reproduced (no wider type); last-bit
    # differences in a few elements.
    run_optimizer("Adam(lr=0.01, amsgrad=True) float64", lambda p: jopt.Adam(p, lr=0.01, amsgrad=True),
                  lambda p: toptim.Adam(p, lr=0.01, amsgrad=True), steps=8, exact=False, rtol=1e-13,
                  atol=1e-15, dtype=torch.float64)
    run_optimizer("SGD(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1) float64",
                  lambda p: jopt.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1),
                  lambda p: toptim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1),
                  dtype=torch.float64)
    run_optimizer("Adam with a step without grad", lambda p: jopt.Adam(p, 0.01), lambda p: toptim.Adam(p, 0.01),
                  skip_grad=3, **adam)
    run_optimizer("Adam param groups",
                  lambda g: jopt.Adam(g, lr=0.01), lambda g: toptim.Adam(g, lr=0.01),
                  groups=lambda p: [{"params": [p[0], p[2]], "betas": (0.8, 0.99)},
                                    {"params": [p[1]], "amsgrad": True, "lr": 0.05}], **adam)

    # A model trained with the pylib's module and optimizer next to torch's.
    for name, make_o, make_r, kw in (
            ("SGD", lambda ps: jopt.SGD(ps, lr=0.1, momentum=0.9, nesterov=True),
             lambda ps: toptim.SGD(ps, lr=0.1, momentum=0.9, nesterov=True), dict(exact=True, rtol=0, atol=0)),
            ("Adam", lambda ps: jopt.Adam(ps, lr=0.01), lambda ps: toptim.Adam(ps, lr=0.01),
             dict(exact=True, rtol=0, atol=0))):
        torch.manual_seed(21)
        m_o = jnn.Sequential(jnn.Linear(4, 8), jnn.Tanh(), jnn.Linear(8, 3))
        torch.manual_seed(21)
        m_r = tnn.Sequential(tnn.Linear(4, 8), tnn.Tanh(), tnn.Linear(8, 3))
        o_o, o_r = make_o(m_o.parameters()), make_r(m_r.parameters())
        lossfn_o, lossfn_r = jnn.CrossEntropyLoss(), tnn.CrossEntropyLoss()
        for step in range(5):
            torch.manual_seed(50 + step)
            x = torch.randn(6, 4)
            y = torch.randint(0, 3, (6,))
            for m, o, lf in ((m_o, o_o, lossfn_o), (m_r, o_r, lossfn_r)):
                o.zero_grad()
                lf(m(x), y).backward()
                o.step()
        for (n, a), (_, b) in zip(m_o.named_parameters(), m_r.named_parameters()):
            compare(a.detach(), b.detach(), "training loop with {}: {}".format(name, n), **kw)


def main():
    check_coverage()
    check_classes()
    check_user_model()
    check_optimizers()
    print("check-pylib: {} checks, {} failed".format(checks, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
