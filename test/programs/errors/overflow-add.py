# int64 overflow in +: Janus ints are 64-bit, so INT64_MAX + 1 is an OverflowError.
# CPython has arbitrary-precision ints and prints 9223372036854775808: expected text written by hand from the rule (docs/runtime.md).
# ORACLE: no-error (CPython ints do not overflow)
# EXPECT-ERROR: OverflowError: integer result does not fit in 64 bits
# EXPECT-LOCATION: 10:7
# EXPECT-STDOUT: 9223372036854775807
big = 9223372036854775807
print(big)
one = 1
big = big + one
print(big)
