# int64 overflow in a recursive factorial: 21! does not fit in 64 bits (OverflowError in Janus).
# CPython has arbitrary-precision ints: expected text written by hand from the rule (docs/runtime.md).
# ORACLE: no-error (CPython ints do not overflow)
# EXPECT-ERROR: OverflowError: integer result does not fit in 64 bits
# EXPECT-LOCATION: 10:12
# EXPECT-STDOUT: 20 2432902008176640000
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print(20, fact(20))
print(21, fact(21))
