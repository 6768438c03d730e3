#!/usr/bin/python3
"""Records CPython's answers for the runtime's builtins and library methods.

The Python-level rows of runtime/include/janus/Library.def (builtins, math,
random, time, list/dict/str methods) are implemented natively by
runtime/lib/Dispatch/*.cpp with CPython 3.11's semantics and messages. This
script evaluates many calls in CPython (run it with Debian's
/usr/bin/python3, the project's oracle) and writes

  test/Unit/Runtime/BuiltinsVectors.inc   the calls and CPython's answers
  runtime/lib/Dispatch/UnicodeCase.inc   str.upper()/lower()'s case
                                          mappings (the oracle's Unicode)

BuiltinsTest.cpp replays the calls through the dispatch table (lookup /
lookupMember + bindAndCall, keyword arguments included), comparing the
repr of the result, or the exception type and message, byte for byte.
Regenerate both with
  /usr/bin/python3 scripts/gen-builtins-vectors.py
from the repository root; the output is deterministic.

Each vector is a call written as Python source. Its arguments are emitted
as C++ expressions building the same values (I(1), S("a"), L({...}),
FN("neg") for a callable the test provides). Recorded per call: the result
(lazy iterators are drained into a list first, as their repr shows an
address), what print() wrote, the positional arguments after
the call (for methods that mutate their receiver or argument), and for
random.* the seed the call runs after.

Where Janus deliberately differs (64-bit ints: OverflowError), the vectors
avoid the difference rather than encode it.
"""

import contextlib
import copy
import io
import math
import os
import random
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "Unit", "Runtime", "BuiltinsVectors.inc")
CASE = os.path.join(ROOT, "runtime", "lib", "Dispatch", "UnicodeCase.inc")


class Fn:
    """A callable argument the C++ test builds by name (FN("neg"))."""

    def __init__(self, name, fn):
        self.name, self.fn = name, fn

    def __call__(self, *args):
        return self.fn(*args)

    def __repr__(self):
        return "@" + self.name


class View:
    """d.keys()/values()/items() as an argument (V(D(...), part) in C++)."""
    PARTS = ("keys", "values", "items")

    def __init__(self, d, part):
        self.d, self.part = d, part

    def __repr__(self):
        return "%r.%s()" % (self.d, self.part)


def _fail(x):
    raise ValueError("boom")


# Must match makeCallable() in BuiltinsTest.cpp.
NEG = Fn("neg", lambda x: -x)
SECOND = Fn("second", lambda x: x[1])
FAIL = Fn("fail", _fail)
LEN = Fn("len", len)
ABS = Fn("abs", abs)
STR = Fn("str", str)
TYPES = {t.__name__: Fn(t.__name__, t)
         for t in (int, float, bool, str, list, tuple, dict, range,
                   enumerate, zip, reversed)}


def cstr(s):
    """A C++ string literal for `s` (UTF-8, octal escapes: never ambiguous)."""
    out = []
    for b in s.encode("utf-8", "surrogateescape"):
        c = chr(b)
        if c == '"' or c == "\\":
            out.append("\\" + c)
        elif 32 <= b < 127 and c != "?":
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def cvalue(v):
    """A C++ expression that builds a Value equal to `v`."""
    if v is None:
        return "N()"
    if v is True or v is False:
        return "B(%s)" % ("true" if v else "false")
    if isinstance(v, int):
        if v == -2**63:
            return "I(INT64_MIN)"
        return "I(%dLL)" % v
    if isinstance(v, float):
        if math.isnan(v):
            return "FNAN()"
        if math.isinf(v):
            return "FINF(%d)" % (1 if v > 0 else -1)
        return "F(%s)" % v.hex()
    if isinstance(v, str):
        return "S(%s)" % cstr(v)
    if isinstance(v, list):
        return "L({%s})" % ", ".join(cvalue(x) for x in v)
    if isinstance(v, tuple):
        return "T({%s})" % ", ".join(cvalue(x) for x in v)
    if isinstance(v, dict):
        return "D({%s})" % ", ".join(
            "{%s, %s}" % (cvalue(k), cvalue(x)) for k, x in v.items())
    if isinstance(v, range):
        return "R(%d, %d, %d)" % (v.start, v.stop, v.step)
    if isinstance(v, Fn):
        return "FN(%s)" % cstr(v.name)
    if isinstance(v, View):
        return "V(%s, %d)" % (cvalue(v.d), View.PARTS.index(v.part))
    raise TypeError("cannot emit %r" % (v,))


def unwrap_types(v):
    """The builtin type itself for an Fn naming one (isinstance needs it)."""
    if isinstance(v, Fn) and isinstance(v.fn, type):
        return v.fn
    if isinstance(v, View):
        return getattr(v.d, v.part)()
    if isinstance(v, tuple):
        return tuple(unwrap_types(x) for x in v)
    return v


def resolve(callee):
    """The CPython callable for a Library.def name ("len", "math.sqrt",
    "list.append") and whether it is a method."""
    if "." not in callee:
        return getattr(__builtins__, callee), False
    mod, name = callee.split(".")
    if mod in ("list", "dict", "str"):
        return getattr({"list": list, "dict": dict, "str": str}[mod],
                       name), True
    return getattr({"math": math, "random": random}[mod], name), False


vectors = []

# Must match kIntOverflowMessage in runtime/lib/Format/PyArith.cpp.
INT_OVERFLOW = "!OverflowError: integer result does not fit in 64 bits"


def fits_int64(v):
    """Whether every int in `v` fits Janus's 64-bit ints."""
    if isinstance(v, int):
        return -2**63 <= v < 2**63
    if isinstance(v, (list, tuple)):
        return all(fits_int64(x) for x in v)
    return True


def call(callee, *args, _seed=None, _repeat=0, _after=False, **kwargs):
    """Records callee(*args, **kwargs) as CPython evaluates it."""
    fn, _ = resolve(callee)
    emitted = [cvalue(a) for a in args] + [cvalue(v) for v in kwargs.values()]
    # A private copy: the call may mutate its arguments.
    live = [unwrap_types(a) for a in copy.deepcopy(list(args))]
    kwargs = copy.deepcopy(kwargs)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            if _seed is not None:
                random.seed(_seed)
            if _repeat:
                result = [fn(*live, **kwargs) for _ in range(_repeat)]
            else:
                result = fn(*live, **kwargs)
            if hasattr(result, "__next__"):  # an iterator
                result = list(result)
        expected = "=" + repr(result)
        if not fits_int64(result):
            expected = INT_OVERFLOW
    except Exception as e:  # the message is what is compared
        expected = "!%s: %s" % (type(e).__name__, e)
    after = repr(live) if _after else ""
    source = "%s(%s)" % (callee, ", ".join(
        [repr(a) for a in args] +
        ["%s=%r" % (k, v) for k, v in kwargs.items()]))
    vectors.append("{%s, {%s}, {%s}, %s, %s, %s, %d, %dLL, %d, %s}," % (
        cstr(callee), ", ".join(emitted),
        ", ".join(cstr(k) for k in kwargs), cstr(expected), cstr(after),
        cstr(out.getvalue()), _seed is not None, _seed or 0, _repeat,
        cstr(source)))


FNS = {f.name: f for f in [NEG, SECOND, FAIL, LEN, ABS, STR] +
       list(TYPES.values())}


def builtins_vectors():
    inf, nan = math.inf, math.nan
    # print: sep/end/flush, the sink receives the text.
    call("print", 1, "a", [1, "b"], None)
    call("print")
    call("print", 1, 2, sep="-", end="!\n")
    call("print", 1, 2, sep=None, end=None)
    call("print", "x", flush=True)
    call("print", 1, sep=1)
    call("print", 1, end=2)
    call("print", 1.5, 1e16, -0.0, (1,), {"k": [None]})
    # len, abs, range
    for x in ["", "héllo", [1, 2], (), {1: 2}, range(3), 5]:
        call("len", x)
    for x in [-3, 0, True, -2.5, -0.0, "x", -2**63]:
        call("abs", x)
    call("range", 5)
    call("range", 1, 10, 3)
    call("range", 1, 2, 0)
    call("range", 1.5)
    # Conversions.
    for x in [0, -7, True, 3.99, -3.99, 1e18, "42", " -1_000 ", "+5",
              "1__0", "_1", "", "x", "1.5", "9223372036854775807",
              "-9223372036854775808", "\xa01\u3000", "\u200b1", inf, -inf,
              nan, [1], None]:
        call("int", x)
    call("int")
    for text, base in [("ff", 16), ("0xff", 16), ("0x_ff", 16), ("0x", 16),
                       ("0b101", 0), ("0o17", 0), ("017", 0), ("0", 0),
                       ("00", 0), ("z", 36), ("Z", 36), ("12", 2),
                       ("10", 1), ("10", 37), ("-0b11", 0), ("1_0", 8)]:
        call("int", text, base)
    call("int", "10", base=16)
    call("int", 5, 10)
    call("int", "5", "x")
    for x in [1, True, 2.5, "1.5", " -2e3 ", "inf", "-Infinity", "nan",
              "NaN", "1_0.5", "1_e5", "1e", ".5", "5.", ".", "0x1p3", "",
              "abc", "1e400", "\u2007-1.5\x85", [1], None]:
        call("float", x)
    call("float")
    for x in [0, 1, 0.0, "", "a", [], [0], (), {}, None, range(0)]:
        call("bool", x)
    call("bool")
    for x in [1, 1.0, "s", [1, "a"], None, (1,), {"a": 1}, True, -0.0]:
        call("str", x)
    call("str")
    call("str", object=5)
    for x in [2.5, 3.5, -2.5, 0.5, 1.4999, True, 7, -0.0, inf, nan, "x",
              1e300]:
        call("round", x)
    for x, n in [(2.675, 2), (1234.5, -2), (0.125, 2), (5, -1), (15, -1),
                 (25, -1), (7, 2), (1.5, None), (1.23456, 3), (1e300, -400),
                 (2.5, "a"), (inf, 2), (nan, 1), (-0.5, 0), (12345, -2)]:
        call("round", x, n)
    call("round", 2.675, ndigits=2)
    # isinstance with the builtin types.
    T = TYPES
    for obj, cls in [(1, T["int"]), (True, T["int"]), (True, T["bool"]),
                     (1, T["bool"]), (1.0, T["float"]), (1, T["float"]),
                     ("a", T["str"]), ([], T["list"]), ((), T["tuple"]),
                     ({}, T["dict"]), (range(1), T["range"]),
                     ([], (T["int"], T["list"])), (1, (T["str"], T["float"])),
                     (1, (T["int"], 2)), (1, (T["str"], 2)), (1, 2),
                     (1, ()), (1, ((T["str"],), T["int"]))]:
        call("isinstance", obj, cls)
    call("hasattr", [], "append")
    call("hasattr", [], "nope")
    call("hasattr", "s", "join")
    call("hasattr", 1, 2)
    call("getattr", 1, "x", 5)
    call("getattr", [], "x")
    call("getattr", {}, "x", None)
    call("getattr", 1, 2)
    call("setattr", 1, "x", 2)
    call("setattr", [], "x", 2)
    call("setattr", 1, 2, 3)


def iteration_vectors():
    T = TYPES
    for it in [[1, 2], "ab", "é€", (3,), range(2, 5), {1: "a", 2: "b"},
               [], 5]:
        call("enumerate", it)
    call("enumerate", ["a", "b"], 10)
    call("enumerate", ["a"], start=-3)
    call("enumerate", ["a"], "x")
    call("enumerate", iterable="ab", start=True)
    call("zip")
    call("zip", [1, 2, 3], "ab")
    call("zip", [1, 2], (3, 4), range(5))
    call("zip", [1], 5)
    call("zip", [1, 2], "ab", strict=True)
    call("zip", [1, 2], "a", strict=True)
    call("zip", [1], "ab", strict=True)
    call("zip", [1, 2], [1, 2], [1], strict=True)
    call("zip", [1], [1], [1, 2], strict=True)
    call("zip", [], [1], strict=True)
    call("zip", [1], [], [], strict=True)
    call("zip", [1, 2], "a", strict=False)
    for seq in [[1, 2, 3], (1, 2), "abc", "aé€", range(1, 10, 3), {1: 2, 3: 4},
                [], 5, None]:
        call("reversed", seq)
    # sorted / min / max: stability, key, reverse, errors.
    pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c")]
    call("sorted", [3, 1, 2])
    call("sorted", "banana")
    call("sorted", (3.5, 1, True, -2))
    call("sorted", {3: 0, 1: 0})
    call("sorted", pairs, key=T["tuple"])
    call("sorted", [[1, "b"], [0, "a"], [1, "a"], [0, "b"]], key=SECOND)
    call("sorted", [[1, "b"], [0, "a"], [1, "a"], [0, "b"]], key=SECOND,
         reverse=True)
    call("sorted", [3, -1, 2, -3], key=ABS)
    call("sorted", [3, -1, 2, -3], key=ABS, reverse=True)
    call("sorted", ["bb", "a", "ccc", "dd"], key=LEN)
    call("sorted", ["bb", "a", "ccc", "dd"], key=LEN, reverse=True)
    call("sorted", [1, "a"])
    call("sorted", [1, 2], key=FAIL)
    call("sorted", [1, 2], key=5)
    call("sorted", 5)
    call("sorted", [3, 1, 2], reverse=1)
    call("sorted", [nan_safe for nan_safe in [2.0, 1.0, -0.0, 0.0]])
    for f in ("min", "max"):
        call(f, [3, 1, 2])
        call(f, 3, 1, 2)
        call(f, "hello")
        call(f, [])
        call(f, [], default=None)
        call(f, [5], default=None)
        call(f, 1, 2, default=0)
        call(f)
        call(f, [1, 1.0, True])
        call(f, [-3, 2, 3], key=ABS)
        call(f, "a", "bb", "cc", key=LEN)
        call(f, [1, "a"])
        call(f, 5)
        call(f, [[1, 2], [1]], key=LEN)
        call(f, [1, 2], key=FAIL)
    call("sum", [1, 2, 3])
    call("sum", [0.1] * 10)
    call("sum", [1, 2.5, True])
    call("sum", range(101))
    call("sum", [[1], [2]], [])
    call("sum", [(1,), (2,)], ())
    call("sum", ["a"], "")
    call("sum", [1], "x")
    call("sum", [1, "a"])
    call("sum", 5)
    call("sum", [1, 2], start=10)
    call("sum", [2**62, 2**62])
    call("sum", [])
    for f in ("any", "all"):
        for x in [[], [0, 0], [0, 1], [1, 1], "", "a", [None, ""], range(3),
                  {0: 1}, 5, [[]]]:
            call(f, x)
    for f in ("list", "tuple"):
        for x in [[1, 2], (1, 2), "abc", range(3), {"a": 1, "b": 2}, 5,
                  None]:
            call(f, x)
        call(f)
    call("dict")
    call("dict", {"a": 1})
    call("dict", [("a", 1), ("b", 2), ("a", 3)])
    call("dict", ["ab", "cd"])
    call("dict", [[1, 2]], x=3)
    call("dict", a=1, b=[2])
    call("dict", [1])
    call("dict", [(1, 2, 3)])
    call("dict", [(1,)])
    call("dict", 5)
    call("dict", [([], 1)])
    call("dict", {1: 2}, **{"1": 3})


def math_random_time_vectors():
    inf, nan = math.inf, math.nan
    xs = [0, 1, 2, -1, 0.5, -0.5, 2.0, 1e-300, 1e300, 710, 709.78, -745.2,
          True, inf, -inf, nan, "a", None]
    for f in ("sqrt", "exp", "cos", "sin", "tanh", "floor", "ceil",
              "isnan", "log"):
        for x in xs:
            call("math." + f, x)
    for x in [-2.5, 2.5, -0.0, 1e19, -1e19, 9.2e18, -9.2e18]:
        call("math.floor", x)
        call("math.ceil", x)
    for x, b in [(8, 2), (8, 1), (8, 0), (100, 10), (2.0, 0.5), (1, 2),
                 (0, 2), (8, -2), (8, "a"), (inf, 2), (8, inf), (nan, 2)]:
        call("math.log", x, b)
    # random, through the module generator after random.seed(s).
    for seed in [0, 1, 42, 12345, -7, 2**40 + 3, 2**63 - 1]:
        call("random.random", _seed=seed, _repeat=5)
        call("random.randint", 1, 6, _seed=seed, _repeat=10)
        call("random.randint", -10**12, 10**12, _seed=seed, _repeat=4)
        call("random.uniform", -2.5, 7, _seed=seed, _repeat=3)
        call("random.choice", ["a", "b", "c", "d"], _seed=seed, _repeat=6)
        call("random.choice", "xyz", _seed=seed, _repeat=3)
        call("random.choice", range(1000), _seed=seed, _repeat=3)
        call("random.shuffle", list(range(10)), _seed=seed, _after=True)
        call("random.gauss", _seed=seed, _repeat=5)
        call("random.gauss", 10, 0.5, _seed=seed, _repeat=3)
        call("random.gauss", mu=1, sigma=2, _seed=seed, _repeat=2)
    call("random.seed", 5)
    call("random.seed", True, _seed=0)
    call("random.random", _seed=True, _repeat=2)
    call("random.seed", 1.5)
    call("random.seed", [1])
    call("random.choice", [], _seed=0)
    call("random.choice", "", _seed=0)
    call("random.choice", 5, _seed=0)
    call("random.randint", 5, 1, _seed=0)
    call("random.randint", 1.5, 3, _seed=0)
    call("random.randint", 1, 2.5, _seed=0)
    call("random.randint", 1.0, 3, _seed=0, _repeat=3)
    call("random.randint", 3, 3, _seed=0, _repeat=2)
    call("random.uniform", 1, "a", _seed=0)
    call("random.uniform", 5, 5, _seed=0)
    call("random.shuffle", (1, 2), _seed=0)
    call("random.shuffle", [], _seed=0, _after=True)
    call("random.shuffle", [1], _seed=0, _after=True)


def method_vectors():
    # list
    call("list.append", [1], 2, _after=True)
    call("list.append", [], [], _after=True)
    call("list.extend", [1], [2, 3], _after=True)
    call("list.extend", [1], "ab", _after=True)
    call("list.extend", [1], range(2), _after=True)
    call("list.extend", [1], 5, _after=True)
    for i in [0, 1, -1, 10, -10, True, "a"]:
        call("list.insert", [1, 2, 3], i, "x", _after=True)
    for args in [(), (0,), (-1,), (1,), (5,), (-5,), ("a",)]:
        call("list.pop", [1, 2, 3], *args, _after=True)
    call("list.pop", [], _after=True)
    call("list.pop", [], 0, _after=True)
    call("list.remove", [1, 2, 1], 1, _after=True)
    call("list.remove", [1, 2], 3, _after=True)
    call("list.remove", [1.0, 2], True, _after=True)
    call("list.remove", [[1], 2], [1], _after=True)
    for args in [(2,), (3,), ("a",), (1, 1), (1, -1), (3, 0, 2), (3, 0, 3),
                 (1, -100), (1, 5), (1, 0, -1), (1, "a"), (1, 0, None),
                 ([1],)]:
        call("list.index", [1, 2, 3, 1, [1]], *args)
    call("list.count", [1, 2, 1, 1.0, True, "1"], 1)
    call("list.count", [], 1)
    call("list.count", [[1], [1]], [1])
    call("list.reverse", [1, 2, 3], _after=True)
    call("list.reverse", [], _after=True)
    call("list.sort", [3, 1, 2], _after=True)
    call("list.sort", [3, 1, 2], reverse=True, _after=True)
    call("list.sort", ["bb", "a", "ccc", "dd"], key=LEN, _after=True)
    call("list.sort", ["bb", "a", "ccc", "dd"], key=LEN, reverse=True,
         _after=True)
    call("list.sort", [[2, "x"], [1, "y"], [2, "a"]], key=SECOND, _after=True)
    call("list.sort", [1, "a"])
    call("list.sort", [2, 1], key=NEG, _after=True)
    call("list.clear", [1, 2], _after=True)
    call("list.copy", [1, [2]], _after=True)
    # dict
    d = {"a": 1, 2: [3], (4,): None}
    call("dict.keys", d)
    call("dict.values", d)
    call("dict.items", d)
    call("dict.keys", {})
    call("dict.values", {})
    call("dict.items", {1: (2,)})
    for view in ("keys", "values", "items"):
        for f in ("list", "len", "reversed", "sorted", "bool"):
            call(f, View({3: "c", 1: "a", 2: "b"}, view))
    call("sum", View({1: 2, 3: 4}, "values"))
    call("bool", View({}, "keys"))
    call("dict", View({1: 2}, "items"))
    call("list.extend", [0], View({1: 2}, "items"), _after=True)
    call("dict.get", d, "a")
    call("dict.get", d, "z")
    call("dict.get", d, "z", 0)
    call("dict.get", d, [])
    call("dict.get", {1: "one"}, 1.0)
    call("dict.get", {1: "one"}, True)
    call("dict.pop", {"a": 1, "b": 2}, "a", _after=True)
    call("dict.pop", {"a": 1}, "z", _after=True)
    call("dict.pop", {"a": 1}, "z", 5, _after=True)
    call("dict.pop", {}, [])
    call("dict.pop", {1: 2}, [])
    call("dict.pop", {}, (1, "x"))
    call("dict.update", {"a": 1}, {"b": 2, "a": 3}, _after=True)
    call("dict.update", {"a": 1}, [("c", 4)], _after=True)
    call("dict.update", {"a": 1}, x=5, _after=True)
    call("dict.update", {"a": 1}, {"x": 1}, x=5, _after=True)
    call("dict.update", {"a": 1}, [1], _after=True)
    call("dict.update", {"a": 1}, _after=True)
    call("dict.setdefault", {"a": 1}, "a", 5, _after=True)
    call("dict.setdefault", {"a": 1}, "b", 5, _after=True)
    call("dict.setdefault", {"a": 1}, "c", _after=True)
    call("dict.setdefault", {}, [], _after=True)
    call("dict.popitem", {"a": 1, "b": 2}, _after=True)
    call("dict.popitem", {1: "x"}, _after=True)
    call("dict.popitem", {}, _after=True)
    call("dict.clear", {"a": 1, "b": [2]}, _after=True)
    call("dict.clear", {}, _after=True)
    call("dict.copy", {"b": 2, "a": [1]}, _after=True)
    call("dict.copy", {})


def str_vectors():
    # str.format
    for fmt, args, kwargs in [
            ("{} {}", (1, "a"), {}), ("{0}{1}{0}", ("a", "b"), {}),
            ("{x}-{y}", (), {"x": 1, "y": 2.5}), ("{{}} {{{0}}}", (7,), {}),
            ("{:>6}|{:<4}|{:^7}", ("ab", 1, "mid"), {}),
            ("{:.3f} {:e} {:g} {:%}", (3.14159, 12345.678, 1e-7, 0.25), {}),
            ("{:08.2f}", (-3.14159,), {}), ("{:,}", (1234567,), {}),
            ("{:x} {:X} {:o} {:b} {:#x}", (255, 255, 8, 5, 255), {}),
            ("{!r} {!s} {!a}", ("a", "b", "é"), {}),
            ("{0!r:>6}", ("a",), {}), ("{:{}}", (1, 5), {}),
            ("{:{w}.{p}f}", (3.14159,), {"w": 10, "p": 2}),
            ("{0[1]} {1[k]}", ([5, 6], {"k": "v"}), {}),
            ("{}", (None,), {}), ("{}", ([1, "a"],), {}),
            ("{}", (True,), {}), ("{:d}", (True,), {}), ("{:>5}", (True,), {}),
            ("{:5}", (None,), {}), ("{:d}", ("a",), {}), ("{:s}", (1,), {}),
            ("{", (), {}), ("}", (), {}), ("a}b", (), {}), ("{0", (1,), {}),
            ("{0}{}", (1, 2), {}), ("{}{0}", (1, 2), {}), ("{2}", (1,), {}),
            ("{x}", (), {}), ("{!x}", (1,), {}), ("{!r", (1,), {}),
            ("{!rr}", (1,), {}), ("{[}", (1,), {}), ("{ }", (1,), {}),
            ("{:{}}", (1,), {}), ("{a{b}", (), {}), ("", (), {}),
            ("plain", (1,), {}), ("{}é{}", ("€", 1), {}),
            ("{:*^9}", ("é",), {}), ("{:.2}", ("hello",), {}),
            ("{:.1e}", (float("inf"),), {}), ("{0:{1}}", (3, "x"), {}),
            ("{:=+8}", (-5,), {})]:
        call("str.format", fmt, *args, **kwargs)
    # join, split, strip
    for sep, items in [(",", ["a", "b", "c"]), ("", ["x", "y"]), ("-", []),
                       (", ", ("a",)), ("+", "abc"), ("", {"k": 1, "j": 2}),
                       (",", [1]), (",", ["a", 2]), (",", 5),
                       ("é", ["a", "b"])]:
        call("str.join", sep, items)
    for s in ["a b  c", "  lead and trail  ", "", "   ", "one",
              "tab\tnew\nline\x0bv\x0cf\rr", "a,b,,c", "é b",
              "\xa0a\u3000b\u2003\x85c\u200b d\x1f", "\u2028"]:
        call("str.split", s)
        call("str.split", s, ",")
        call("str.split", s, None, 1)
        call("str.split", s, maxsplit=0)
    for s, sep, n in [("a,b,c", ",", 1), ("a,b,c", ",", 0), ("a,b,c", ",", -1),
                      ("a::b::c", "::", 5), ("abc", "abc", -1),
                      ("  a  b  c  ", None, 2), ("xaxbx", "x", -1),
                      ("a b", "", -1), ("a b", 1, -1), ("a", None, "x"),
                      ("éaéb", "é", -1)]:
        call("str.split", s, sep, n)
    call("str.split", "a-b-c", sep="-", maxsplit=1)
    for s, chars in [("  hi  ", None), ("xxhixx", "x"), ("abcba", "ab"),
                     ("\t\n hi \r\n", None), ("", "a"), ("aaa", "a"),
                     ("éhié", "é"), ("hi", ""), ("hi", 1),
                     ("\u3000\xa0 hi\u2029\x85", None), ("\u200bhi", None)]:
        call("str.strip", s, chars)
    call("str.strip", "  x ")
    # startswith / endswith
    for f in ("str.startswith", "str.endswith"):
        for args in [("he",), ("lo",), ("",), ("hello",), ("hello!",),
                     (("x", "he", "lo"),), ((),), ("l", 2), ("l", 2, 3),
                     ("l", -2), ("l", -3, -1), ("", 5), ("", 6), ("", 2, 1),
                     ("e", None, None), ("e", 1, None), (1,), (("a", 1),),
                     ((1, "a"),), ("a", "x"), ("h", True)]:
            call(f, "hello", *args)
        call(f, "héllo", "é", 1, 2)
        call(f, "héllo", "llo", -3)
    # replace
    for s, old, new, *count in [("aaa", "a", "b"), ("aaa", "a", "b", 2),
                                ("aaa", "a", "b", 0), ("abc", "", "-"),
                                ("abc", "", "-", 2), ("", "", "x"),
                                ("abab", "ab", ""), ("héé", "é", "e"),
                                ("hé", "", "|"), ("a", 1, "b"),
                                ("a", "a", 1), ("a", "a", "b", "c"),
                                ("aaaa", "aa", "b"), ("abc", "x", "y")]:
        call("str.replace", s, old, new, *count)
    # Not Σ at the end of a word: see StrMethods.cpp.
    for s in ["Hello, World 123", "", "MiXeD_case!", "ÀéX", "straße", "İi",
              "ǅǆǄ", "ﬃ", "Ωμέγα", "ПРИВЕТ мир", "ᾳ", "\U00010428\U00010400"]:
        call("str.upper", s)
        call("str.lower", s)


def case_tables():
    """str.upper()/lower() of every non-ASCII code point: single code point
    mappings as runs {first, last, stride, delta}, longer ones listed."""
    lines = ["// Generated by scripts/gen-builtins-vectors.py from CPython %d.%d.%d"
             % sys.version_info[:3],
             "// (Unicode %s); do not edit. Regenerate with" %
             unicodedata.unidata_version,
             "//   /usr/bin/python3 scripts/gen-builtins-vectors.py",
             "// Case mappings of the code points >= U+0080 for str.upper()"
             " and str.lower()."]
    for name, method in (("Upper", str.upper), ("Lower", str.lower)):
        singles, specials = [], []
        for c in range(0x80, sys.maxunicode + 1):
            m = method(chr(c))
            if m == chr(c):
                continue
            if len(m) == 1:
                singles.append((c, ord(m) - c))
            else:
                specials.append((c, m))
        runs = []  # [first, last, stride, delta]
        for c, delta in singles:
            if runs:
                first, last, stride, d = runs[-1]
                if d == delta and (c - last == stride or
                                   (first == last and c - last in (1, 2))):
                    runs[-1] = [first, c, c - last, d]
                    continue
            runs.append([c, c, 1, delta])
        lines.append("static const CaseRange %sRanges[] = {" % name)
        lines += ["    {0x%x, 0x%x, %d, %d}," % tuple(r) for r in runs]
        lines.append("};")
        lines.append("static const CaseSpecial %sSpecials[] = {" % name)
        lines += ["    {0x%x, %s}," % (c, cstr(m)) for c, m in specials]
        lines.append("};")
    with open(CASE, "w") as f:
        f.write("\n".join(lines) + "\n")


case_tables()
builtins_vectors()
iteration_vectors()
math_random_time_vectors()
method_vectors()
str_vectors()

with open(OUT, "w") as f:
    f.write("// Generated by scripts/gen-builtins-vectors.py from CPython %d.%d."
            "%d; do not edit.\n" % sys.version_info[:3])
    f.write("// {callee, {args...}, {kwnames...}, expected, after, output, "
            "seeded, seed, repeat, source}\n")
    f.write("\n".join(vectors) + "\n")
print("%d vectors -> %s" % (len(vectors), os.path.relpath(OUT, ROOT)))
