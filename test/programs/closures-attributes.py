# Functions and lambdas as values: stored in attributes, lists and dicts, passed as arguments, lambdas capturing self.
def apply_twice(f, x):
    return f(f(x))
def inc(v):
    return v + 1
class Scaler:
    def __init__(self, k):
        self.k = k
        self.fn = lambda v: v * self.k
    def make(self):
        return lambda v: v + self.k
s = Scaler(3)
print(s.fn(5), s.make()(5), apply_twice(s.fn, 2), apply_twice(inc, 0))
s.k = 10
print(s.fn(5), apply_twice(lambda v: v * v, 3))
table = {"inc": inc, "sq": lambda v: v * v}
print([table[name](4) for name in ["inc", "sq"]], [f(2) for f in [inc, s.fn]])
pipeline = [inc, lambda v: v * 2, inc]
v = 1
for step in pipeline:
    v = step(v)
print(v)
