# Power: int ** int, negative exponents give floats, float powers, right associativity.
print(2 ** 10, 3 ** 0, (-2) ** 3, (-2) ** 2)
print(2 ** -1, 10 ** -2, 2.0 ** 3, 4 ** 0.5)
print(2 ** 3 ** 2, -2 ** 2, (-8) ** 2)
print(2 ** 62, 0 ** 0, 1.5 ** 2)
print(2.0 ** -2, (-2.0) ** 3)
