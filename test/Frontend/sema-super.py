# `super()` is accepted only as `super().method(...)` directly in a method;
# the call is checked against the base class's method.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s
import torch.nn as nn


class Base:
    def __init__(self, n):
        self.n = n


class Child(Base):
    def __init__(self):
        super().__init__()
# CHECK: sema-super.py:[[@LINE-1]]:9: error: Base.__init__() missing 1 required positional argument: 'n'

    def parent(self):
        return super(Child, self)
# CHECK: sema-super.py:[[@LINE-1]]:16: error: 'super' is only supported as 'super().method(...)' inside a method


class Net(nn.Module):
    def __init__(self, size):
        super().__init__(size)
# CHECK: sema-super.py:[[@LINE-1]]:9: error: Module.__init__() takes 1 positional argument but 2 were given


def helper():
    return super().__init__()
# CHECK: sema-super.py:[[@LINE-1]]:12: error: 'super()' is only supported directly inside a method body
