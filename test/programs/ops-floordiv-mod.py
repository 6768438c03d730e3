# Floor division and modulo with negative operands (ints and floats).
for a in [7, -7]:
    for b in [2, -2]:
        print(a, b, a // b, a % b)
print(-1 // 3, -1 % 3, 1 // -3, 1 % -3)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.5 % -2)
print(-0.0 % 5, 0.0 % -5, 5 % 5, -5 % 5)
print(6 // 4.0, -6 // 4.0, 1e300 // 1e-300 > 0)
print(-9223372036854775807 // 2, -9223372036854775808 % 10)
