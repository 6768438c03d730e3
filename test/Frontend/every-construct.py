# One program that uses every construct docs/language.md lists as accepted.
# It must run under the oracle (proving it is valid Python + PyTorch) and
# janusc must accept it with no diagnostics. The checked output lines are
# what the program computes, derived in the comments next to each print.
# RUN: %oracle %s | FileCheck %s --check-prefix=ORACLE
# RUN: %janusc %s 2>&1 | count 0
# RUN: %janusc --emit=summary %s | FileCheck %s --check-prefix=SUMMARY
# Functions: bump, fib, control_flow, containers, main and six methods
# (two __init__ + describe, area, TinyNet.__init__, forward) = 11.
# SUMMARY: classes 3, functions 11,
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch import nn
import math
import random
import time

counter = 0
TRIPLE = """a
b"""


def bump(step=1, *, times=1):
    global counter
    for _ in range(times):
        counter += step
    return counter


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"{self.name} has {self.sides} sides"


class Square(Shape):
    sides = 4

    def __init__(self, side):
        super().__init__("square")
        self.side = side

    def area(self):
        return self.side ** 2


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)
        self.layers = nn.ModuleList([nn.ReLU(), nn.Tanh()])

    def forward(self, x):
        h = self.fc(x)
        for layer in self.layers:
            h = layer(h)
        return F.log_softmax(h, dim=1)


def control_flow():
    total = 0
    i = 0
    while i < 10:
        i += 1
        if i % 2 == 0:
            continue
        elif i > 7:
            break
        else:
            pass
        total += i
    return total


def containers():
    xs = [3, 1, 2]
    xs.append(4)
    del xs[0]
    d = {"a": 1, "b": 2}
    d["c"] = 3
    pairs = [(k, v) for k, v in d.items() if v > 1]
    squares = {x: x * x for x in xs}
    t = (1,)
    a, (b, c) = 1, (2, 3)
    return xs, pairs, squares, t, a + b + c


def main():
    torch.manual_seed(0)
    random.seed(0)
    # bump(2, times=3) adds 2 three times: 6; bump() adds 1: 7.
    print(bump(2, times=3), bump())
    # ORACLE: 6 7
    # fib(10) = 55.
    print(fib(10))
    # ORACLE-NEXT: 55
    sq = Square(3)
    print(sq.describe(), sq.area(), isinstance(sq, Shape))
    # ORACLE-NEXT: square has 4 sides 9 True
    # 1 + 3 + 5 + 7 = 16 (odd numbers up to 7; 9 > 7 breaks).
    print(control_flow())
    # ORACLE-NEXT: 16
    xs, pairs, squares, t, s = containers()
    print(xs, pairs, squares, t, s)
    # ORACLE-NEXT: [1, 2, 4] [('b', 2), ('c', 3)] {1: 1, 2: 4, 4: 16} (1,) 6
    print(sum(x for x in xs), any(x > 3 for x in xs), all(x > 0 for x in xs),
          min(x for x in xs), max(x for x in xs), sorted((x for x in xs), reverse=True),
          list(x for x in xs), tuple(x for x in xs))
    # ORACLE-NEXT: 7 True True 1 4 [4, 2, 1] [1, 2, 4] (1, 2, 4)
    f = lambda u, v=2: u * v
    print(f(3), 7 // 2, -7 // 2, 7 % 3, 2 ** 10, 1 < 2 <= 2, not True or None is None)
    # ORACLE-NEXT: 6 3 -4 1 1024 True True
    print("yes" if 3 in [1, 2, 3] and 4 not in (5,) else "no", TRIPLE.split("\n"))
    # ORACLE-NEXT: yes ['a', 'b']
    x = torch.arange(12.0).reshape(3, 4)
    print(x[:, 1].tolist(), x[-1, ::2].tolist(), x[0, None, ...].shape)
    # ORACLE-NEXT: [1.0, 5.0, 9.0] [8.0, 10.0] torch.Size([1, 4])
    m = torch.ones(2, 3) @ torch.ones(3, 2)
    m *= 2
    print(m.sum().item(), f"{math.pi:.5f}", f"{7:4d}|", math.floor(2.5))
    # ORACLE-NEXT: 24.0 3.14159    7| 2
    net = TinyNet()
    opt = optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    data = torch.randn(4, 3)
    target = torch.tensor([0, 1, 0, 1])
    opt.zero_grad()
    loss = F.nll_loss(net(data), target)
    loss.backward()
    opt.step()
    with torch.no_grad():
        out = net(data)
    assert out.shape == (4, 2), "bad shape"
    print(out.requires_grad, time.perf_counter() > 0)
    # ORACLE-NEXT: False True


if __name__ == "__main__":
    main()
