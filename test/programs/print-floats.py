# Float repr corner cases: 0.1+0.2, exponent switch points, inf, nan, -0.0, large and tiny values.
# COMPARE: exact
import math
print(0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3)
print(1e-05, 0.0001, 0.00001234, 1e-4)
print(1e16, 1e15, 9999999999999998.0, 1.5e16, 123456789012345.67)
print(math.inf, -math.inf, math.inf - math.inf, float("nan"), float("inf"))
print(-0.0, 0.0, -0.0 == 0.0, 0.0 * -1)
print(1e308 * 10, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308)
print(100.0, 1e22, 1e23, 3.0e-7, 123.456)
print(math.pi, math.e, math.sqrt(2), math.exp(1), math.log(10))
print(str(1.0), f"{2.5}", [0.1, 1e-7, 1e20], (0.5,), {"f": 1e100})
print(float(10 ** 15), float(2 ** 53), 2 ** 0.5)
print(math.isnan(math.inf - math.inf), math.floor(-2.5), math.ceil(-2.5), math.floor(3.7))
