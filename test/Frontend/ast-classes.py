# Classes: a user base class and single inheritance, __init__, methods,
# super().__init__(), attribute assignment through self, class attributes,
# and an nn.Module subclass with forward() called through the module.
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s
import torch
import torch.nn as nn


class Counter:
    step = 1

    def __init__(self, start):
        self.value = start

    def bump(self):
        self.value += Counter.step
        return self.value
# CHECK: ClassDef Counter <[[@LINE-9]]:1>
# CHECK-NEXT: body:
# CHECK-NEXT: Assign <[[@LINE-10]]:5>
# CHECK: FunctionDef __init__ method-of=Counter <[[@LINE-9]]:5>
# CHECK-NEXT: Param self <[[@LINE-10]]:18>
# CHECK-NEXT: Param start <[[@LINE-11]]:24>
# CHECK: Attribute value <[[@LINE-11]]:9>
# CHECK-NEXT: Name self binding=local <[[@LINE-12]]:9>
# CHECK: FunctionDef bump method-of=Counter
# CHECK: AugAssign += <[[@LINE-11]]:9>
# CHECK-NEXT: Attribute value <[[@LINE-12]]:9>
# CHECK: Attribute step <[[@LINE-13]]:23>
# CHECK-NEXT: Name Counter binding=global <[[@LINE-14]]:23>


class Doubler(Counter):
    def __init__(self, start):
        super().__init__(start * 2)
# CHECK: ClassDef Doubler <[[@LINE-3]]:1>
# CHECK-NEXT: bases:
# CHECK-NEXT: Name Counter binding=global <[[@LINE-5]]:15>
# CHECK: Call <[[@LINE-4]]:9>
# CHECK-NEXT: callee:
# CHECK-NEXT: Attribute __init__ <[[@LINE-6]]:9>
# CHECK-NEXT: Call <[[@LINE-7]]:9>
# CHECK-NEXT: callee:
# CHECK-NEXT: Name super binding=builtin <[[@LINE-9]]:9>


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return torch.relu(self.fc(x))
# CHECK: ClassDef Net
# CHECK-NEXT: bases:
# CHECK-NEXT: Attribute Module -> torch.nn.Module <[[@LINE-9]]:11>
# CHECK-NEXT: Name nn binding=module -> torch.nn <[[@LINE-10]]:11>
# CHECK: Call library=torch.nn.Linear <[[@LINE-8]]:19>
# CHECK: FunctionDef forward method-of=Net
# CHECK: Call library=torch.relu <[[@LINE-7]]:16>


c = Doubler(3)
print(c.bump(), Net()(torch.ones(1, 4)).shape)
