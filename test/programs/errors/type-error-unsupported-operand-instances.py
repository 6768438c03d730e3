# Only __radd__: operands of the same class never try the reflected method,
# so V() + V() fails with CPython's message.
# EXPECT-ERROR: TypeError: unsupported operand type(s) for +: 'OnlyR' and 'OnlyR'
# EXPECT-LOCATION: 10:7
class OnlyR:
    def __radd__(self, o):
        return 1
print(1 + OnlyR())
a = OnlyR()
print(a + OnlyR())
