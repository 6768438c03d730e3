# Literal forms fold to one dyn.constant each: hexadecimal, octal and binary
# ints (either prefix case, `_` after the prefix or between digits), decimal
# ints and floats with `_`, raw strings (a backslash stays a backslash),
# escapes in ordinary strings, and adjacent string literals of any quoting,
# on one line or across lines inside brackets, concatenated into one
# constant (no dyn.binary add). The expected values are worked out by hand
# next to each check; %pycheck runs the file under the oracle, whose
# assertions check the same values.
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s


def ints():
    return 0x1F, 0XfF, 0x_a, 0o17, 0O7_7, 0b101, 0B1_0, 1_000_000, 0


def floats():
    return 1_0.2_5, 1_5e-1, 0.5


def strings():
    raw = r"a\nb" R'\x'
    adjacent = "c\td" 'e' """f""" u"g"
    spread = ("x"
              'y'
              r"\z")
    escaped = "\x41\u00e9\\"
    return raw, adjacent, spread, escaped


assert ints() == (31, 255, 10, 15, 63, 5, 2, 1000000, 0)
assert floats() == (10.25, 1.5, 0.5)
assert strings() == ("a\\nb\\x", "c\tdefg", "xy\\z", "A\u00e9\\")
assert len(strings()[0]) == 6 and len(strings()[1]) == 6

# 0x1F = 16 + 15; 0XfF = 255; 0x_a = 10; 0o17 = 8 + 7; 0O7_7 = 7 * 8 + 7;
# 0b101 = 5; 0B1_0 = 2.
# CHECK-LABEL: func.func @ints.def
# CHECK-NEXT: %[[A:.*]] = dyn.constant 31 : i64
# CHECK-NEXT: %[[B:.*]] = dyn.constant 255 : i64
# CHECK-NEXT: %[[C:.*]] = dyn.constant 10 : i64
# CHECK-NEXT: %[[D:.*]] = dyn.constant 15 : i64
# CHECK-NEXT: %[[E:.*]] = dyn.constant 63 : i64
# CHECK-NEXT: %[[F:.*]] = dyn.constant 5 : i64
# CHECK-NEXT: %[[G:.*]] = dyn.constant 2 : i64
# CHECK-NEXT: %[[H:.*]] = dyn.constant 1000000 : i64
# CHECK-NEXT: %[[I:.*]] = dyn.constant 0 : i64
# CHECK-NEXT: dyn.make_tuple(%[[A]], %[[B]], %[[C]], %[[D]], %[[E]], %[[F]], %[[G]], %[[H]], %[[I]])

# 1_0.2_5 = 10.25; 1_5e-1 = 15 / 10.
# CHECK-LABEL: func.func @floats.def
# CHECK-NEXT: dyn.constant 1.025000e+01 : f64
# CHECK-NEXT: dyn.constant 1.500000e+00 : f64
# CHECK-NEXT: dyn.constant 5.000000e-01 : f64
# CHECK-NEXT: dyn.make_tuple

# MLIR prints a string attribute with `\\` for a backslash and `\XX` (two
# hex digits) for a byte that is not printable ASCII.
# raw: a, \, n, b then \, x.
# CHECK-LABEL: func.func @strings.def
# CHECK-NEXT: %[[RAW:.*]] = dyn.constant "a\\nb\\x"
# CHECK-NEXT: dyn.store_local "raw" = %[[RAW]]
# adjacent: c, TAB (0x09), d, e, f, g.
# CHECK-NEXT: %[[ADJ:.*]] = dyn.constant "c\09defg"
# CHECK-NEXT: dyn.store_local "adjacent" = %[[ADJ]]
# spread: x, y, \, z.
# CHECK-NEXT: %[[SPR:.*]] = dyn.constant "xy\\z"
# CHECK-NEXT: dyn.store_local "spread" = %[[SPR]]
# escaped: \x41 is A; \u00e9 is UTF-8 C3 A9; then one backslash.
# CHECK-NEXT: %[[ESC:.*]] = dyn.constant "A\C3\A9\\"
# CHECK-NEXT: dyn.store_local "escaped" = %[[ESC]]
# CHECK-NOT:  dyn.binary
# CHECK:      return
