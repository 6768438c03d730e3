# __call__ on a user class: calling instances with positional, default and keyword arguments, state kept between calls, instances stored in containers and passed to builtins, inherited and overridden __call__.
import torch


class Counter:
    def __init__(self, start):
        self.n = start

    def __call__(self, step=1, *, label="n"):
        self.n += step
        return label + "=" + str(self.n)


class Affine:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __call__(self, x):
        return self.a * x + self.b


class Doubled(Affine):
    def __call__(self, x):
        return 2 * super().__call__(x)


class Plain(Affine):
    pass


c = Counter(10)
print(c())
print(c(5))
print(c(step=-3, label="count"))
print(c.n, c.__call__(2))
fs = [Affine(2, 1), Doubled(2, 1), Plain(-1, 0)]
print([f(3) for f in fs])
print([fs[0](v) for v in range(3)], sorted([5, -2, 1], key=fs[2]), max([1, 4, 2], key=fs[2]))
compose = lambda f, g: lambda x: f(g(x))
print(compose(fs[0], fs[1])(1))
table = {"aff": fs[0], "dbl": fs[1]}
print(table["dbl"](0.5))
print(fs[0](torch.tensor([1.0, -1.0])), Affine(torch.ones(2), 0.5)(torch.tensor([3.0, 4.0])))
print(Counter(0)(label="x"))
