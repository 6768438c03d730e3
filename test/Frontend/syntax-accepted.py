# Every syntactic form Janus Python accepts, in one valid program: the front
# end must accept it without any diagnostic, and it must be valid Python.
# RUN: %pycheck %s
# RUN: %janusc %s 2>&1 | count 0
import math
import torch
import torch.nn as nn
from torch import nn as nn2, optim

N = 0x1F + 0o17 + 0b1010 + 1_000 + 00
F = 1.5 + 2. + .5 + 1e-5 + 1_0.2_5E+1_0
S = 'single' "double" '''triple
quoted''' """also
triple""" r'raw\d' u'unicode' 'esc\t\n\\\'\x41\u00e9\U0001F600\101\q'
T = (1 +
     2) * [3,
           4][0] + {
    'k': 5}['k']
U = 1 + \
    2
V = -9223372036854775808
E = ...
G = None if True else False
x, (y, z) = 1, (2, 3)
[a, b] = [4, 5]
p = q = 6
x += 1; y -= 1; z *= 2; a /= 2; b //= 2; p %= 4; q **= 2


class Point(object):
    scale = 2

    def __init__(self, x=0.0, *, y=0.0):
        self.x = x
        self.y = y

    def norm(self):
        return math.sqrt(self.x ** 2 + self.y ** 2) * Point.scale


def stats(xs, k=2, *, verbose=False):
    global N
    N = N + 1
    total = sum(v for v in xs)
    squares = [v * v for v in xs if v > 0 if v < 100]
    pairs = [(i, j) for i in range(k) for j in range(i)]
    table = {i: i * i for i in range(k)}
    first = xs[0]
    last = xs[-1]
    middle = xs[1:-1:1]
    rev = xs[::-1]
    ok = 0 < first <= last and not verbose or first is not None
    has = 3 in xs and 4 not in xs
    f = lambda u, w=1: u + w
    msg = f"total={total:.2f} {first!r} {{braces}} {k=}" ' and plain'
    assert len(xs) > 0, "empty"
    del table[0], pairs
    while k > 0:
        k -= 1
        if k == 5:
            break
        elif k == 6:
            continue
        else:
            pass
    for i, v in enumerate(xs):
        pass
    with torch.no_grad():
        m = torch.zeros(2, 3, 4)
        col = m[:, 1, None, ...]
        w = m @ m.transpose(1, 2)
        w @= w
    return total, squares, rev, ok, has, f(1), msg, middle, col


if __name__ == "__main__":
    print(stats([1, 2, 3], k=3, verbose=True))
    print(Point(3.0, y=4.0).norm(), N, F, S, T, U, V, E, G, x, y, z, a, b, p, q)
