# Lambdas: one expression, defaults, passed as key functions, stored in lists and dicts.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), add(b=5, a=1))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
ops = {"double": lambda v: v * 2, "neg": lambda v: -v}
print(ops["double"](21), ops["neg"](4))
fs = [lambda v, k=k: v + k for k in range(3)]
print([f(100) for f in fs])
print((lambda: "no args")())
print(max(["aa", "b", "cccc"], key=lambda s: len(s)))
