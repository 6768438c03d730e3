# Int/float mixing: promotion in + - * /, comparisons between int and float, bool in arithmetic.
a = 3
b = 0.5
print(a + b, a - b, a * b, a / b, a // b, a % b)
print(a == 3.0, a < 3.5, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53)
print(True + 0.5, 1 * 1.0, 7 - 7.0)
print(int(3.9), int(-3.9), float(3), int("12"), float("2.5"))
print(abs(-3), abs(-3.5), abs(0), max(1, 2.5), min(2, 1.5))
