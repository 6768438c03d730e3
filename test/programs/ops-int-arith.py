# Int arithmetic: + - * and unary minus/plus, precedence.
a = 17
b = 5
print(a + b, a - b, a * b, -a, +a)
print(1 + 2 * 3 - 4, (1 + 2) * (3 - 4))
print(a - b - 3, a * b * 2)
print(-(-a), -a * -b)
print(9223372036854775806 + 1)
print(-9223372036854775807 - 1)
print(3037000499 * 3037000499)
