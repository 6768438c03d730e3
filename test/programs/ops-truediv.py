# True division: int/int gives float, mixed int/float, negative results.
print(7 / 2, 6 / 3, -7 / 2, 1 / 3)
print(2 / 4.0, 1.0 / 8, 10 / -4)
print(1 / 3 * 3, 0.1 + 0.2, 1 / 7)
print(9007199254740993 / 1)
print(0 / 5, -0 / 5, 0 / -5)
x = 10
x /= 4
print(x)
