#!/usr/bin/python3
"""Records CPython's answers for the runtime's formatting core.

Janus promises that repr(), str(), format(), f-strings, round(), //, %,
divmod() and ** on scalars print exactly what CPython prints. This script
asks CPython (run it with Debian's /usr/bin/python3, the project's oracle;
another python3 may come first on PATH) for the expected text of a large,
varied set of values and format specs, and writes:

  test/Unit/Runtime/FormatVectors.inc     what FormatTest.cpp checks
  runtime/lib/Format/UnicodePrintable.inc the code points repr() escapes
                                          (str.isprintable(), Unicode of
                                          the oracle's unicodedata)

Both files are committed; regenerate them with
  /usr/bin/python3 scripts/gen-format-vectors.py
from the repository root. The output is deterministic (fixed seeds).
Where CPython would return an int that does not fit 64 bits, the expected
answer is Janus's OverflowError instead.
"""

import math
import os
import random
import struct
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VECTORS = os.path.join(ROOT, "test", "Unit", "Runtime", "FormatVectors.inc")
PRINTABLE = os.path.join(ROOT, "runtime", "lib", "Format",
                         "UnicodePrintable.inc")

# Must match kIntOverflowMessage in runtime/lib/Format/PyArith.cpp.
INT_OVERFLOW = "OverflowError: integer result does not fit in 64 bits"
INT64_MIN, INT64_MAX = -2**63, 2**63 - 1


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def c_str(s):
    """A std::string_view literal for the UTF-8 bytes of s (octal escapes,
    so a following digit can never extend an escape past three digits; the
    sv suffix keeps embedded NULs)."""
    out = ['"']
    for b in s.encode("utf-8", "surrogatepass"):
        c = chr(b)
        if c in '"\\':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7F:
            out.append(c)
        else:
            out.append("\\%03o" % b)
    out.append('"sv')
    return "".join(out)


def c_int(n):
    if n == INT64_MIN:
        return "INT64_MIN"
    return "%dLL" % n


def c_dbl(x):
    return "0x%016XULL" % bits(x)


def outcome(fn):
    """(ok, text): text is the result, or 'Type: message' for an error."""
    try:
        return True, fn()
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return False, "%s: %s" % (type(e).__name__, e)


def fits(n):
    return INT64_MIN <= n <= INT64_MAX


# ---------------------------------------------------------------------------
# Values and specs
# ---------------------------------------------------------------------------

FLOATS = [
    0.0, -0.0, 1.0, -1.0, 2.0, 0.1, -0.1, 0.5, 1.5, 2.5, -2.5, 1/3, 2/3,
    0.125, 0.375, 2.675, 1.005, 3.14159, 123.456, -123.456, 1234567.891,
    1e16, 1e-5, 1e-4, 9.999e-5, 0.0001, 1e15, 9999999999999998.0,
    123456789012345.6, 1e22, 1e23, 1e100, 1.5e300, -1.5e300, 5e-324,
    2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308,
    9.5, 0.95, 0.05, 99.99, 999.9999, 1e20, 12345.678e10, 0.000123456,
    float("inf"), float("-inf"), float("nan"), 4.35, 2**53 + 0.0, 2**63 + 0.0,
]

FLOAT_SPECS = [
    "", "e", "E", "f", "F", "g", "G", "%", "n",
    ".0", ".1", ".3", ".10", ".17", ".20",
    ".0e", ".1e", ".2e", ".10e", ".20E", ".0f", ".1f", ".2f", ".3f", ".10f",
    ".30f", ".0g", ".1g", ".2g", ".5g", ".16g", ".17g", ".25g", "#g", "#.3g",
    "#.0f", "#.0e", "#", "#.3", "#.0", ".2%", ".0%", "#.0%",
    "+", " ", "-", "+.2f", " .2f", "+e", "z.1f", "z", "z.0f", "+z.3f",
    "10", "<10", ">10", "^10", "=10", "*^12.3f", "0>10.2f", "010.2f",
    "010", "+010.3f", " 012.4e", "=+12.2f", "x<8g", "\u2192>12.3e",
    ",", "_", ",.2f", "_.3f", ",.0f", ",f", ",e", ",g", ",%", "015,.2f",
    "015_.2f", "0=15,.1f", "020,", "+020,.3f", "30", "<30.10e", ">40,.5f",
    "^31.7g", "100.2f", ".2F", "F", "E", "G", "10.4G", "#10.4G", "#e", "#f",
    "#,.1f", ".1n", "10n",
    # errors
    "d", "x", "s", "c", "b", "o", ",n", ",_", "_,", ".", "10.", "abc",
    ".2x", "=", "+-", "99999999999999999999", ".99999999999999999999",
    ".f", ",,", "\u00e9",
]

INTS = [
    0, 1, -1, 7, -7, 42, 255, -255, 1000, -1000, 1234567, -1234567,
    65, 0x263A, 0x10FFFF, 0x110000, 2**31, -2**31, 2**53 + 1,
    INT64_MAX, INT64_MIN, INT64_MIN + 1, 999999, 10**18,
]

INT_SPECS = [
    "", "d", "b", "o", "x", "X", "c", "n", "#b", "#o", "#x", "#X", "#d",
    "+", " ", "-", "+d", " d", "+x", "#+x", "10", "<10", ">10", "^10", "=10",
    "010", "+010", "-010", " 010", "010x", "#010x", "#010X", "#012b",
    "*^11", "0<8", "0^9", "\u00b7>9", "\u2192<7d", ",", "_", ",d", "_d",
    "_x", "_b", "_o", "#_x", "#_X", "#_b", "015,", "015_", "016_x", "020,d",
    "+020,", "0=13,", "30,", "40_b", "^25,", "e", "E", "f", "F", "g", "G",
    "%", ".2e", ".3f", ".0f", ",.2f", ".2%", "#.3g", "10.1f", ".17g", "c",
    "5c", "<5c", "^5c", "05c",
    # errors
    ".2", "5.2d", "z", "zd", ",x", ",b", ",c", "_c", ",n", "+c", " c",
    "#c", "s", "r", "a", "abc", ",_", "_,", ".", "99999999999999999999",
    "\u00e9", "\u2192",
]

STRS = [
    "", "a", "abc", "hello world", "it's", 'say "hi"', "both ' and \"",
    "tab\there", "nl\n", "cr\r", "\x00\x01\x1f\x7f", "back\\slash",
    "caf\u00e9", "\u00a0nbsp", "\u00ad", "\u4e2d\u6587", "\U0001F600",
    "\u2028", "\ufeff", "\u0378", "\ue000", "\U000E0001", "\u0300",
    "\x80\x9f", "\U0010FFFF", "\ud800", "\x85", "mixed 'q' \"q\" \\ \n",
]

STR_SPECS = [
    "", "s", "10", "<10", ">10", "^10", "^11", "*<6", "*>6", "*^7",
    "\u2192^9", "05", "010s", ".0", ".1", ".3", ".3s", "10.3", ">10.2s",
    "^3.1", "x<1",
    # errors
    "=10", "+", " ", "-5", "#", "z", ",", "_", "d", "r", ",s", "abc", ".",
    "99999999999999999999",
]

BOOL_SPECS = ["", "s", "d", ">5", "<5", "^7", "x", "#x", "f", ".2f", "e",
              "+", "05", "c", ",", "10s", "g", "%"]


# ---------------------------------------------------------------------------
# Vector tables
# ---------------------------------------------------------------------------

def float_repr_values():
    rng = random.Random(2024)
    vals = list(FLOATS)
    for e in range(-330, 310):
        vals.append(float("1e%d" % e))
    for k in range(-1074, 1024, 7):
        vals.append(math.ldexp(1.0, k))
    for _ in range(1500):
        x = from_bits(rng.getrandbits(64))
        if not math.isnan(x):
            vals.append(x)
    for _ in range(600):
        vals.append(round(rng.uniform(-1e6, 1e6), rng.randint(0, 8)))
    for _ in range(300):
        vals.append(float(rng.randint(-10**17, 10**17)))
    for base in (1e16, 1e-4, 1e-5, 1e17):
        x = base
        for _ in range(4):
            x = math.nextafter(x, 0)
            vals.append(x)
        x = base
        for _ in range(4):
            x = math.nextafter(x, math.inf)
            vals.append(x)
    return vals


def emit_float_repr(out):
    out.append("// repr(float) == str(float): {bits, repr}.")
    out.append("static const FloatReprVector kFloatReprVectors[] = {")
    for x in float_repr_values():
        out.append("    {%s, %s}," % (c_dbl(x), c_str(repr(x))))
    out.append("};")


def emit_format(out, name, ctype, values, specs, fmt_value, extra=()):
    out.append("static const %s %s[] = {" % (ctype, name))
    pairs = [(v, s) for v in values for s in specs] + list(extra)
    for v, s in pairs:
        ok, text = outcome(lambda: format(v, s))
        out.append("    {%s, %s, %s, %s}," % (fmt_value(v), c_str(s),
                                            "true" if ok else "false",
                                            c_str(text)))
    out.append("};")
    return len(pairs)


def random_specs(rng, types, n):
    specs = []
    for _ in range(n):
        s = ""
        if rng.random() < 0.3:
            s += rng.choice(["", "*", "0", "\u00b7"]) + rng.choice("<>^=")
        s += rng.choice(["", "", "+", "-", " "])
        if rng.random() < 0.2:
            s += "#"
        if rng.random() < 0.2:
            s += "0"
        if rng.random() < 0.5:
            s += str(rng.randint(0, 25))
        s += rng.choice(["", "", ",", "_"])
        if rng.random() < 0.5:
            s += "." + str(rng.randint(0, 20))
        s += rng.choice(types)
        specs.append(s)
    return specs


def emit_float_format(out):
    rng = random.Random(7)
    extra = []
    for s in random_specs(rng, ["", "e", "E", "f", "F", "g", "G", "%"], 800):
        x = rng.choice(FLOATS + [rng.uniform(-1e5, 1e5),
                                 from_bits(rng.getrandbits(64))])
        extra.append((x, s))
    # Exact digits far past 17, and huge widths.
    extra += [(5e-324, ".1080f"), (0.1, ".60e"), (1/3, ".100g"),
              (1e300, "f"), (1.7976931348623157e308, ",.2f"),
              (2.5, "500"), (-1.5, "*^200.3e"), (0.1, "#.55g")]
    out.append("// format(float, spec): {bits, spec, ok, text or error}.")
    return emit_format(out, "kFloatFormatVectors", "FloatFormatVector",
                       FLOATS, FLOAT_SPECS, c_dbl, extra)


def emit_int_format(out):
    rng = random.Random(11)
    extra = []
    for s in random_specs(rng, ["", "d", "b", "o", "x", "X", "e", "f", "g",
                                "%", "n"], 800):
        v = rng.choice(INTS + [rng.randint(INT64_MIN, INT64_MAX),
                               rng.randint(-10**6, 10**6)])
        extra.append((v, s))
    extra += [(42, "500"), (-42, "0=300,"), (INT64_MIN, "#300_b")]
    out.append("// format(int, spec): {value, spec, ok, text or error}.")
    return emit_format(out, "kIntFormatVectors", "IntFormatVector", INTS,
                       INT_SPECS, c_int, extra)


def emit_str_format(out):
    out.append("// format(str, spec): {value, spec, ok, text or error}.")
    return emit_format(out, "kStrFormatVectors", "StrFormatVector",
                       [s for s in STRS if "\ud800" not in s], STR_SPECS,
                       c_str)


def emit_bool_format(out):
    out.append("// format(bool, spec): {value, spec, ok, text or error}.")
    return emit_format(out, "kBoolFormatVectors", "BoolFormatVector",
                       [False, True], BOOL_SPECS,
                       lambda b: "true" if b else "false")


def emit_str_repr(out):
    rng = random.Random(5)
    strs = list(STRS)
    pool = [chr(c) for c in range(0, 0x300)] + \
        ["\u2028", "\u4e2d", "\U0001F600", "\u200b", "\ufffe", "'", '"']
    for _ in range(200):
        strs.append("".join(rng.choice(pool)
                            for _ in range(rng.randint(0, 8))))
    out.append("// repr(str) and ascii(str): {value, repr, ascii}.")
    out.append("static const StrReprVector kStrReprVectors[] = {")
    for s in strs:
        out.append("    {%s, %s, %s}," % (c_str(s), c_str(repr(s)),
                                          c_str(ascii(s))))
    out.append("};")
    return len(strs)


def emit_fstrings(out):
    """f-strings: the conversion (!r, !s, !a) runs first, then the spec is
    applied to its result, so these are checked through reprX + format."""
    cases = [
        ("f", 0.1, "r", ""), ("f", 1e16, "s", ""), ("f", 2.5, "r", ">8"),
        ("f", -0.0, "s", "^7"), ("f", 1/3, "", ".5f"), ("f", 1/3, "", ""),
        ("f", 1e-5, "", "10.3e"), ("i", 42, "", "4d"), ("i", -42, "r", ">6"),
        ("i", 7, "", "#06b"), ("s", "it's", "r", ""), ("s", "hi", "r", "^8"),
        ("s", "caf\u00e9", "a", ""), ("s", "tab\t", "", ">6"),
        ("s", "x", "s", "*<4"), ("b", True, "", ""), ("b", False, "r", ">6"),
        ("b", True, "", "d"),
    ]
    out.append("// f\"{x!conv:spec}\": {kind, int, float bits, str, conv, "
               "spec, text}.")
    out.append("static const FStringVector kFStringVectors[] = {")
    for kind, v, conv, spec in cases:
        src = "f'{v" + ("!" + conv if conv else "") + \
            (":" + spec if spec else "") + "}'"
        text = eval(src, {"v": v})
        iv = int(v) if kind in "ib" else 0
        fv = v if kind == "f" else 0.0
        sv = v if kind == "s" else ""
        out.append("    {'%s', %s, %s, %s, '%s', %s, %s}," % (
            kind, c_int(iv), c_dbl(fv), c_str(sv), conv or "-", c_str(spec),
            c_str(text)))
    out.append("};")
    return len(cases)


def emit_round(out):
    rng = random.Random(3)
    xs = list(FLOATS) + [0.5, -0.5, 1.5, -1.5, 3.5, 4.5, 1234.5, 1250.5,
                         1250.0, 0.285, 1.015, 2.5e-8, 123456.789, 1e300,
                         4503599627370495.5, 9.223372036854776e18,
                         -9.223372036854776e18, 9.223372036854775e18]
    xs += [rng.uniform(-1e4, 1e4) for _ in range(200)]
    xs += [round(rng.uniform(-100, 100), 3) + 0.0005 for _ in range(100)]
    out.append("// round(float): {bits, ok, int result, error}.")
    out.append("static const RoundToIntVector kRoundToIntVectors[] = {")
    n = 0
    for x in xs:
        ok, r = outcome(lambda: round(x))
        if ok and not fits(r):
            ok, r = False, INT_OVERFLOW
        out.append("    {%s, %s, %s, %s}," % (
            c_dbl(x), "true" if ok else "false", c_int(r) if ok else "0",
            c_str("" if ok else r)))
        n += 1
    out.append("};")
    out.append("// round(float, ndigits): {bits, ndigits, ok, result bits, "
               "error}.")
    out.append("static const RoundFloatVector kRoundFloatVectors[] = {")
    nds = [0, 1, 2, 3, 5, 10, 15, 17, 20, 300, 323, 324, 400, -1, -2, -3,
           -5, -10, -20, -100, -300, -308, -309, -400]
    for x in xs:
        for nd in (nds if x in FLOATS else rng.sample(nds, 4)):
            ok, r = outcome(lambda: round(x, nd))
            out.append("    {%s, %d, %s, %s, %s}," % (
                c_dbl(x), nd, "true" if ok else "false",
                c_dbl(r) if ok else "0", c_str("" if ok else r)))
            n += 1
    out.append("};")
    out.append("// round(int, ndigits): {value, ndigits, ok, result, error}.")
    out.append("static const RoundIntVector kRoundIntVectors[] = {")
    ivs = INTS + [5, 15, 25, -25, 35, 150, 250, -250, 1250, 1350, 12345,
                  INT64_MAX - 4, 9 * 10**18, -9 * 10**18, 5 * 10**18]
    for v in ivs:
        for nd in (0, 3, -1, -2, -3, -4, -9, -17, -18, -19, -20, -100):
            ok, r = outcome(lambda: round(v, nd))
            if ok and not fits(r):
                ok, r = False, INT_OVERFLOW
            out.append("    {%s, %d, %s, %s, %s}," % (
                c_int(v), nd, "true" if ok else "false",
                c_int(r) if ok else "0", c_str("" if ok else r)))
            n += 1
    out.append("};")
    return n


# a ** b for |a| >= 2 and a huge b never fits 64 bits (and would take
# CPython forever to compute), so it is answered without computing it.
INT_OPS = {
    "/": lambda a, b: a // b, "%": lambda a, b: a % b,
    "d": lambda a, b: divmod(a, b), "+": lambda a, b: a + b,
    "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "^": lambda a, b: a ** b if abs(a) < 2 or b < 200 else 2**64,
}


def emit_int_arith(out):
    rng = random.Random(13)
    edge = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 2**31, -2**31, 2**32,
            3037000499, 3037000500, -3037000500, INT64_MAX, INT64_MIN,
            INT64_MIN + 1, INT64_MAX - 1]
    pairs = [(a, b) for a in edge for b in edge]
    pairs += [(rng.randint(INT64_MIN, INT64_MAX),
               rng.choice([rng.randint(-100, 100),
                           rng.randint(INT64_MIN, INT64_MAX)]))
              for _ in range(100)]
    out.append("// int arithmetic: {op, a, b, ok, result, second result "
               "(divmod), error}. Ops: / is //, d is divmod, ^ is **.")
    out.append("static const IntArithVector kIntArithVectors[] = {")
    n = 0
    pow_pairs = [(a, b) for a in [0, 1, -1, 2, -2, 3, -3, 10, -10, 7, 1000,
                                  3037000499, 3037000500, INT64_MAX,
                                  INT64_MIN]
                 for b in [0, 1, 2, 3, 10, 18, 19, 31, 62, 63, 64, 100,
                           INT64_MAX]]
    for op, fn in INT_OPS.items():
        for a, b in (pow_pairs if op == "^" else pairs):
            ok, r = outcome(lambda: fn(a, b))
            r2 = 0
            if ok and op == "d":
                r, r2 = r
                if not fits(r):
                    ok, r = False, INT_OVERFLOW
            elif ok and not fits(r):
                ok, r = False, INT_OVERFLOW
            out.append("    {'%s', %s, %s, %s, %s, %s, %s}," % (
                op, c_int(a), c_int(b), "true" if ok else "false",
                c_int(r) if ok else "0", c_int(r2), c_str("" if ok else r)))
            n += 1
    out.append("};")
    # int ** negative int is a float.
    out.append("// int ** negative int: {base, exp, ok, result bits, "
               "error}.")
    out.append("static const IntPowNegVector kIntPowNegVectors[] = {")
    for a in [0, 1, -1, 2, -2, 3, 10, -10, 7, INT64_MAX, INT64_MIN]:
        for b in [-1, -2, -3, -10, -1074, -1075, -2000, INT64_MIN]:
            ok, r = outcome(lambda: a ** b)
            out.append("    {%s, %s, %s, %s, %s}," % (
                c_int(a), c_int(b), "true" if ok else "false",
                c_dbl(r) if ok else "0", c_str("" if ok else r)))
            n += 1
    out.append("};")
    return n


def emit_float_arith(out):
    rng = random.Random(17)
    edge = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 7.5, -7.5, 0.1, -0.1, 3.0, 1e300,
            -1e300, 5e-324, 1e-300, math.inf, -math.inf, math.nan, 0.5, 1e16,
            0.3]
    pairs = [(a, b) for a in edge for b in edge]
    pairs += [(rng.uniform(-1e3, 1e3), rng.uniform(-50, 50))
              for _ in range(100)]
    out.append("// float arithmetic: {op, a bits, b bits, ok, result bits, "
               "second result bits, error}.")
    out.append("static const FloatArithVector kFloatArithVectors[] = {")
    n = 0
    for op in "/%d":
        for a, b in pairs:
            ok, r = outcome(lambda: INT_OPS[op](a, b))
            r2 = 0.0
            if ok and op == "d":
                r, r2 = r
            out.append("    {'%s', %s, %s, %s, %s, %s, %s}," % (
                op, c_dbl(a), c_dbl(b), "true" if ok else "false",
                c_dbl(r if ok else 0.0), c_dbl(r2), c_str("" if ok else r)))
            n += 1
    out.append("};")
    return n


def write_printable():
    ranges = []
    start = None
    for cp in range(0x80, 0x110000):
        nonprintable = not chr(cp).isprintable()
        if nonprintable and start is None:
            start = cp
        elif not nonprintable and start is not None:
            ranges.append((start, cp - 1))
            start = None
    if start is not None:
        ranges.append((start, 0x10FFFF))
    lines = [
        "// Generated by scripts/gen-format-vectors.py from CPython %s"
        % sys.version.split()[0],
        "// (Unicode %s); do not edit. Regenerate with"
        % unicodedata.unidata_version,
        "//   /usr/bin/python3 scripts/gen-format-vectors.py",
        "// Sorted, disjoint ranges [first, last] of the code points >= U+0080",
        "// that str.isprintable() rejects, i.e. that repr() escapes.",
    ]
    for lo, hi in ranges:
        lines.append("{0x%X, 0x%X}," % (lo, hi))
    with open(PRINTABLE, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    if sys.version_info[:2] != (3, 11):
        print("warning: the oracle is Debian's Python 3.11; this is %s"
              % sys.version.split()[0], file=sys.stderr)
    out = [
        "// Generated by scripts/gen-format-vectors.py from CPython %s; do not"
        % sys.version.split()[0],
        "// edit. Regenerate with (from the repository root):",
        "//   /usr/bin/python3 scripts/gen-format-vectors.py",
        "// Included by FormatTest.cpp, which defines the vector structs.",
        "// clang-format off",
    ]
    counts = {}
    emit_float_repr(out)
    counts["float repr"] = len(float_repr_values())
    counts["format float"] = emit_float_format(out)
    counts["format int"] = emit_int_format(out)
    counts["format str"] = emit_str_format(out)
    counts["format bool"] = emit_bool_format(out)
    counts["repr str"] = emit_str_repr(out)
    counts["f-strings"] = emit_fstrings(out)
    counts["round"] = emit_round(out)
    counts["int arith"] = emit_int_arith(out)
    counts["float arith"] = emit_float_arith(out)
    out.append("// clang-format on")
    with open(VECTORS, "w") as f:
        f.write("\n".join(out) + "\n")
    write_printable()
    print("wrote %s: %s" % (os.path.relpath(VECTORS, ROOT), ", ".join(
        "%s %d" % kv for kv in counts.items())))


if __name__ == "__main__":
    main()
