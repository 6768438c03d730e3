# Calling a function through a variable with too many arguments: TypeError with CPython's message.
# EXPECT-ERROR: TypeError: scale() takes from 1 to 2 positional arguments but 3 were given
# EXPECT-LOCATION: 9:11
def scale(x, k=2):
    return x * k
ops = [scale]
for op in ops:
    print(op(3), op(3, 4))
    print(op(1, 2, 3))
