# Calls with positional and keyword arguments, defaults, keyword-only parameters.
def f(a, b, c=3, d=4):
    return f"{a} {b} {c} {d}"
print(f(1, 2))
print(f(1, 2, 30))
print(f(1, b=20, d=40))
print(f(d=1, c=2, b=3, a=4))
def g(x, *, scale=2, shift=0):
    return x * scale + shift
print(g(5), g(5, scale=3), g(5, shift=1, scale=10))
def h(a, b=None, *, c, d=None):
    return [a, b, c, d]
print(h(1, c=3), h(1, 2, c=3, d=4))
print(sorted([3, 1, 2], reverse=True), round(2.567, 2), round(number=2.5), round(2.5, ndigits=0))
print("a", "b", sep="-", end="!\n")
print(1, 2, 3, sep="")
print("no newline", end="")
print(" then newline")
