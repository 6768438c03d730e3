# int64 overflow in * inside a loop (repeated doubling): OverflowError in Janus.
# CPython has arbitrary-precision ints: expected text written by hand from the rule (docs/runtime.md).
# ORACLE: no-error (CPython ints do not overflow)
# EXPECT-ERROR: OverflowError: integer result does not fit in 64 bits
# EXPECT-LOCATION: 11:9
# EXPECT-STDOUT: 62 4611686018427387904
x = 1
for i in range(70):
    if i == 62:
        print(i, x)
    x = x * 2
print(x)
