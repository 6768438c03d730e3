# int64 overflow in //: INT64_MIN // -1 does not fit in 64 bits (OverflowError in Janus).
# CPython has arbitrary-precision ints: expected text written by hand from the rule (docs/runtime.md).
# ORACLE: no-error (CPython ints do not overflow)
# EXPECT-ERROR: OverflowError: integer result does not fit in 64 bits
# EXPECT-LOCATION: 12:5
# EXPECT-STDOUT: -4611686018427387904
# EXPECT-STDOUT: 4611686018427387904
lo = -9223372036854775808
d = -1
print(lo // 2)
print(lo // -2)
q = lo // d
print(q)
