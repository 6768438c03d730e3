#!/usr/bin/python3
"""Records CPython's printf-style formatting (str % args) for the runtime.

runtime/lib/Value/PercentFormat.cpp implements PyUnicode_Format. This script
asks CPython (run it with Debian's /usr/bin/python3, the project's oracle)
what `format % args` gives for a fixed-seed sample of specifiers (every
conversion under combinations of flags, widths and precisions) applied to
ints, bools, floats, strs and None; for floats of every magnitude at
precisions 0..20 (so the digits are checked bit for bit, not within a
tolerance); for `*` widths and precisions, mapping keys and %%; and for
malformed formats and wrong argument types (CPython's exact messages). It
writes test/Unit/Runtime/PercentFormatVectors.inc, which
PercentFormatTest.cpp checks. Regenerate it from the repository root with
  /usr/bin/python3 scripts/gen-percent-vectors.py
The output is deterministic.

An expected value is "=TEXT" (the result) or "!Exception: message". Where
CPython would print an int beyond 64 bits, Janus raises its OverflowError;
the sample avoids such cases (floats given to %d stay below 2**63).
"""

import math
import os
import random
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VECTORS = os.path.join(ROOT, "test", "Unit", "Runtime",
                       "PercentFormatVectors.inc")

INT64_MIN, INT64_MAX = -2**63, 2**63 - 1

INTS = [0, 1, -1, 7, -42, 255, 3054, -65536, 10**15, INT64_MAX, INT64_MIN,
        True, False]
FLOATS = [0.0, -0.0, 1.0, -1.5, 0.5, 2.5, 0.125, 3.14159265358979, 1e-05,
          0.0001, 123456789.0, 1e16, 1.5e300, -2.5e-300, 5e-324,
          1.7976931348623157e308, 0.1, 2.675, 1e22, math.inf, -math.inf,
          math.nan]
STRS = ["", "a", "abc", "it's", "tab\there", "\u00e9t\u00e9 \u2603",
        "\U0001f600x"]
CONVERSIONS = "diouxXeEfFgGcrsa"
FLAGS = ["", "-", "+", " ", "#", "0", "-0", "+0", " 0", "#0", "-#", "+#0",
         "- ", "+ ", "-+#0 "]
WIDTHS = ["", "1", "5", "12"]
PRECISIONS = ["", ".", ".0", ".1", ".3", ".12"]


def c_string(s):
    """A C++ literal for s's UTF-8 bytes: printable ASCII as is, everything
    else as three-digit octal escapes (which never run into the next
    character)."""
    out = []
    for b in s.encode("utf-8", "surrogatepass"):
        c = chr(b)
        if c in '"\\':
            out.append("\\" + c)
        elif 32 <= b < 127 and c != "?":  # "?" could start a trigraph
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def c_arg(v):
    """{kind, int, float bits, str}: 'i' int, 'b' bool, 'f' float, 's' str,
    'n' None."""
    if isinstance(v, bool):
        return "{'b', %d}" % int(v)
    if isinstance(v, int):
        return "{'i', %s}" % ("INT64_MIN" if v == INT64_MIN else "%d" % v)
    if isinstance(v, float):
        bits = struct.unpack("<Q", struct.pack("<d", v))[0]
        return "{'f', 0, 0x%016xull}" % bits
    if isinstance(v, str):
        return "{'s', 0, 0, %s}" % c_string(v)
    assert v is None
    return "{'n'}"


def describe(fmt, args):
    try:
        r = fmt % args
    except Exception as e:  # noqa: BLE001 - every exception is data here
        return "!%s: %s" % (type(e).__name__, e)
    return "=" + r


def vector(fmt, args):
    """One {format, shape, {args}, expected} line: shape 0 is one argument,
    1 a tuple, 2 the dict {"a": args[0], "b": args[1], ...}."""
    if isinstance(args, tuple):
        shape, items = 1, list(args)
    elif isinstance(args, dict):
        shape, items = 2, list(args.values())
        assert list(args) == ["a", "b", "c"][:len(items)]
    else:
        shape, items = 0, [args]
    assert len(items) <= 3
    return "    {%s, %d, %d, {%s}, %s}," % (
        c_string(fmt), shape, len(items), ", ".join(c_arg(v) for v in items),
        c_string(describe(fmt, args)))


def values_for(conv):
    if conv in "diouxX":
        return INTS + [2.5, -3.99, 1e15, math.nan, "7", None]
    if conv in "eEfFgG":
        return FLOATS + [3, -7, True, "1.5"]
    if conv == "c":
        return [65, 0x20ac, 0x1f600, True, "z", "\u00e9", "ab", -1, 0x110000,
                1.5]
    return INTS[:6] + FLOATS[:8] + STRS + [None, True]


def sampled_specifiers(rng):
    lines = []
    for conv in CONVERSIONS:
        values = values_for(conv)
        for _ in range(150):
            spec = ("%" + rng.choice(FLAGS) + rng.choice(WIDTHS) +
                    rng.choice(PRECISIONS) + conv)
            lines.append(vector("<" + spec + ">", rng.choice(values)))
    return lines


def random_double(rng):
    """Doubles of every magnitude, and short decimals that sit on rounding
    boundaries (x.xx5)."""
    kind = rng.randrange(3)
    if kind == 0:
        bits = rng.getrandbits(63)
        x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        return x if math.isfinite(x) else 1.0
    if kind == 1:
        return rng.choice([-1, 1]) * rng.random() * 10.0 ** rng.randint(-30, 30)
    digits = rng.randint(1, 6)
    return rng.randint(0, 10**digits) / 10**digits + 0.5 / 10**digits


def float_digits(rng):
    lines = []
    for _ in range(1000):
        x = random_double(rng)
        conv = rng.choice("eEfFgG")
        prec = rng.randint(0, 20)
        if conv in "fF" and abs(x) > 1e30:
            prec = rng.randint(0, 3)
        flags = rng.choice(["", "#", "+", "0", "-"])
        lines.append(vector("%" + flags + "." + str(prec) + conv, x))
    return lines


HAND_WRITTEN = [
    # Argument lists.
    ("%s %s", (1, "two")), ("%s", (1,)),
    ("%s", ()), ("%s %s", (1,)), ("%s", (1, 2)), ("abc", 5), ("abc", ()),
    ("abc", "x"), ("%s", "x"), ("%%", ()), ("%%%s%%", 1), ("100%% %d", 3),
    ("%5%", ()), ("%5%", (1,)), ("%-5%|", 1),
    # `*` widths and precisions.
    ("[%*d]", (6, 42)), ("[%*d]", (-6, 42)), ("[%-*d]", (6, 42)),
    ("[%.*f]", (2, 3.14159)), ("[%.*f]", (-2, 3.14159)),
    ("[%*.*s]", (8, 3, "abcdef")), ("[%*s]", (True, "x")),
    ("[%*s]", ("3", "x")), ("[%.*f]", (1.5, 1.0)), ("[%*d]", (5,)),
    ("%.*f", (3000000000, 1.0)),
    # Length modifiers.
    ("%hd %ld %Lf", (1, 2, 3.5)), ("%lx %hs", (255, "s")),
    # Mapping keys.
    ("%(a)s and %(b)r", {"a": 1, "b": "q"}),
    ("[%(a)-8s] [%(b)+05d] [%(c)10.3e]", {"a": "x", "b": 7, "c": 2.5}),
    ("%(a)s %(a)s %%", {"a": None}), ("%(c)s", {"a": 1, "b": 2}),
    ("%(a)s", 5), ("%(a)s", (1,)), ("%(a", {"a": 1}), ("%(a)", {"a": 1}),
    ("%(a)s %s", {"a": 1}), ("%s %s", {"a": 1}), ("%s", {"a": 1}),
    ("no keys", {"a": 1}), ("%(a)*d", {"a": 5}), ("%*(a)d", {"a": 5}),
    # Malformed formats and unknown conversions.
    ("%", ()), ("%", 1), ("abc %", 1), ("%5", 1), ("%-", 1), ("%.3", 1),
    ("%*", (1,)), ("%l", 1), ("%q", 1), ("%q", ()), ("a%qb", 1),
    ("\u00e9\u00e9%y", 1), ("%\u00e9", 1), ("%\x07", 1), ("%5.2k", 1),
    ("%99999999999999999999d", 1), ("%.99999999999d", 1),
    # Wrong types.
    ("%d", "x"), ("%x", 1.5), ("%o", "s"), ("%X", None), ("%i", None),
    ("%f", "x"), ("%e", None), ("%c", "ab"), ("%c", ""), ("%c", 1.5),
    ("%c", -1), ("%c", 0x110000), ("%d", math.nan), ("%d", math.inf),
    ("%u", -math.inf),
]


def main():
    rng = random.Random(20261126)
    lines = ["// Generated by scripts/gen-percent-vectors.py from CPython; "
             "do not edit.", "",
             "// {format, shape (0: one argument, 1: a tuple, 2: a dict "
             "keyed 'a', 'b', 'c'), argument count, {arguments}, "
             "\"=result\" or \"!Exception: message\"}.",
             "static const PercentVector kPercentVectors[] = {"]
    lines += [vector(fmt, args) for fmt, args in HAND_WRITTEN]
    lines += sampled_specifiers(rng)
    lines += float_digits(rng)
    lines.append("};")
    with open(VECTORS, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s (%d vectors)" % (VECTORS, len(lines) - 5))


if __name__ == "__main__":
    main()
