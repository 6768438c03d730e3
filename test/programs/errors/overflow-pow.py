# int64 overflow in **: 2 ** 64 is an OverflowError in Janus.
# CPython has arbitrary-precision ints: expected text written by hand from the rule (docs/runtime.md).
# ORACLE: no-error (CPython ints do not overflow)
# EXPECT-ERROR: OverflowError: integer result does not fit in 64 bits
# EXPECT-LOCATION: 9:5
# EXPECT-STDOUT: 9223372036854775807
print(2 ** 62 - 1 + 2 ** 62)
e = 64
r = 2 ** e
print(r)
