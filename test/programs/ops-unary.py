# Unary operators on ints, floats, bools.
a = 5
b = -2.5
print(-a, +a, -b, +b, not a, not 0)
print(-True, +False, -(-0.0), -0.0, -0)
print(- - a, -a ** 2, (-a) ** 2)
