# Differential: `janus run` (the accurate path compiled by the generic
# lowering) prints exactly what CPython + PyTorch print for classes with
# super(), closures, recursion, globals, dicts, f-strings, comprehensions,
# unpacking, torch.no_grad, autograd, while/break, assert and del.
# RUN: %oracle %s > %t.oracle
# RUN: janus run %s > %t.janus
# RUN: diff %t.oracle %t.janus
import torch


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def norm2(self):
        return super().norm2() + self.z * self.z


def make_scaler(k):
    return lambda v: v * k


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


counter = 0


def bump():
    global counter
    counter += 1


p = Point3(1, 2, 3)
print(p.norm2())
s = make_scaler(3)
print(s(5), fib(15))
d = {"a": 1, "b": 2}
for k, v in d.items():
    print(f"{k}={v:.2f}")
xs = [i * i for i in range(5) if i % 2 == 0]
print(xs, xs[1:], len(xs))
a, b = 1, 2
a, b = b, a
print(a, b)
for _ in range(3):
    bump()
print(counter)
t = torch.ones(2, 3, requires_grad=True)
with torch.no_grad():
    u = t * 2
print(u.sum().item(), u.requires_grad)
loss = (t * t).sum()
loss.backward()
print(t.grad)
i = 0
while True:
    i += 1
    if i > 4:
        break
print(i)
assert i == 5, "i should be 5"
try_del = [1, 2, 3]
del try_del[0]
print(try_del)
