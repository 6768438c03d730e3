# Float literals: decimals, trailing/leading dot, exponents, underscores.
print(1.5, 1., .5, 0.0)
print(1e3, 1E-3, 2.5e+2, 1_000.25)
print(3.14159, -2.0, 1e308, 5e-324)
print(1e16, 1e15, 123456789012345.6)
print(0.1, 0.25, 100.0)
