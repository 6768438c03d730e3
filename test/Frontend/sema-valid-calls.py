# Calls that bind under CPython are accepted: defaults, keyword-only
# parameters, keywords in any order, methods through self/instances/the
# class, overridden methods (self.m() is not checked against one class when
# a subclass overrides m), nn.Module instances called like forward, and
# library signatures with *size and keyword-only parameters.
# RUN: %oracle %s
# RUN: %janusc %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=error:
import torch
import torch.nn as nn


def f(x, y=1, *, k, j=2):
    return x + y + k + j


class Shape:
    def __init__(self, n=1):
        self.n = n

    def area(self):
        return 0

    def describe(self, prefix="area"):
        return prefix + str(self.area())


class Square(Shape):
    def area(self, scale=1):
        return self.n * self.n * scale


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1, bias=False)

    def forward(self, x, scale=1.0):
        return self.fc(x) * scale


s = Square(3)
net = Net()
print(f(1, k=3), f(1, 2, j=4, k=3), f(y=2, x=1, k=0))
print(s.area(), s.area(2), Shape.describe(s, prefix="a"), Shape().describe())
print(net(torch.ones(1, 2)).shape, net(torch.ones(1, 2), scale=2.0).shape)
print(torch.zeros(2, 3, requires_grad=True).shape, len([1, 2]), sorted([2, 1], reverse=True))
