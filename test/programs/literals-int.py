# Int literals: decimal, hex, octal, binary, underscores, int64 extremes.
a = 42
b = 0x1F
c = 0o17
d = 0b1011
e = 1_000_000
f = 0xFF_FF
print(a, b, c, d, e, f)
print(9223372036854775807)
print(-9223372036854775808)
print(-9223372036854775807 - 1)
print(0, -0, +7)
print(a + b + c + d)
