"""C++ literals for the oracle generators scripts/gen-*-vectors.py.

Every generator writes PyTorch's or CPython's results into a
test/Unit/Runtime/*Vectors.inc file as C++ initialisers; this module is the
one place that spells numbers, shapes, tensors and strings for them, so the
tests read every file the same way. Floats are written as hexadecimal
literals, which round-trip float32 and float64 values exactly. Only the
standard library is imported here; the tensor helpers take anything with
torch.Tensor's shape/dtype/reshape/tolist.

The generators import it as `import vectorlib` (Python puts the script's
own directory, scripts/, first on sys.path).
"""

import math


def c_double(v, short=False):
    """A C++ double literal for v: NAN, INFINITY, -INFINITY or float.hex()
    ("0x1.8000000000000p+0"; "0x1.8p+0" with short=True, which drops the
    mantissa's trailing zeros)."""
    v = float(v)
    if math.isnan(v):
        return "NAN"
    if math.isinf(v):
        return "INFINITY" if v > 0 else "-INFINITY"
    h = v.hex()
    if short and "." in h:
        m, e = h.split("p")
        h = m.rstrip("0").rstrip(".") + "p" + e
    return h


def c_number(v):
    """c_double, but a Python bool is 1.0 or 0.0."""
    if isinstance(v, bool):
        return "1.0" if v else "0.0"
    return c_double(v)


def c_list(items):
    """A braced initialiser list of already formatted items."""
    return "{" + ", ".join(items) + "}"


def c_shape(t):
    """A tensor's sizes, as {2, 3}."""
    return c_list(str(s) for s in t.shape)


def c_values(t, lit=c_double):
    """A tensor's elements in row-major order, as {v0, v1, ...}."""
    return c_list(lit(v) for v in t.detach().reshape(-1).tolist())


DTYPE_NAMES = {"torch.bool": "Bool", "torch.int64": "Int64",
               "torch.float32": "Float32", "torch.float64": "Float64"}


def dtype_name(dtype):
    """The runtime's DType enumerator for a torch dtype ("Float32")."""
    return DTYPE_NAMES[str(dtype)]


def c_tensor_fields(t):
    """`DType::X, {sizes}, {values}`: the fields of the tests' InputSpec and
    result structs (bools as 1.0/0.0)."""
    return "DType::%s, %s, %s" % (dtype_name(t.dtype), c_shape(t),
                                  c_values(t.contiguous(), c_number))


def c_string(s):
    """A C++ string literal for s, escaping only backslashes and quotes (for
    ASCII text such as PyTorch's messages)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def c_named_tensors(names, tensors):
    """One `{"name", {sizes}, {values}},` line per float input of the
    autograd generators."""
    return "\n".join('    {"%s", %s, %s},' % (n, c_shape(tensors[n]),
                                            c_values(tensors[n]))
                     for n in names)


def run_backward(out, leaves):
    """Calls out.backward(G) with the autograd tests' output gradient
    G = cos(0.7 i + 0.3) (float64, then out's dtype and shape) and returns
    (G, the name of out.grad_fn or "", the leaves' gradients as the tests'
    `{defined, {values}}` list)."""
    import torch
    n = out.numel()
    g = torch.cos(torch.arange(n, dtype=torch.float64) * 0.7 + 0.3)
    g = g.to(out.dtype).reshape(out.shape)
    name = type(out.grad_fn).__name__ if out.grad_fn is not None else ""
    out.backward(g)
    grads = ", ".join("{1, %s}" % c_values(t.grad) if t.grad is not None
                      else "{0, {}}" for t in leaves)
    return g, name, grads
