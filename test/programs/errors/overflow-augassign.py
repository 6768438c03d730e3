# int64 overflow in an augmented assignment (+=) accumulating a sum: OverflowError in Janus.
# CPython has arbitrary-precision ints: expected text written by hand from the rule (docs/runtime.md).
# ORACLE: no-error (CPython ints do not overflow)
# EXPECT-ERROR: OverflowError: integer result does not fit in 64 bits
# EXPECT-LOCATION: 10:5
# EXPECT-STDOUT: 3 6917529027641081856
acc = 0
step = 2305843009213693952
for i in range(5):
    acc += step
    print(i + 1, acc) if i == 2 else None
