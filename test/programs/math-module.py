# math module: sqrt, exp, log (with base), cos, sin, tanh, floor, ceil, isnan, pi, e, inf.
import math
print(math.sqrt(16), math.sqrt(2), math.exp(0), math.exp(2))
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log(0.5))
print(math.cos(0), math.sin(math.pi / 2), math.cos(math.pi), math.tanh(0.5))
print(math.floor(2.7), math.ceil(2.1), math.floor(-2.1), math.ceil(-2.7), math.floor(5))
print(math.isnan(float("nan")), math.isnan(1.0), math.inf > 1e308, -math.inf < 0)
print(math.pi, math.e)
