# Name resolution follows Python's scoping: parameters and assigned names
# are locals for the whole function, `global` makes them module names,
# lambdas and comprehensions read enclosing locals, class attributes are
# visible in the class body only, and imports bind library modules and
# members. Module-level loops may read what an earlier iteration bound.
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s
import torch.nn
from torch.nn import functional as F
from math import sqrt
# CHECK: Import
# CHECK: ImportFrom torch.nn
# CHECK: ImportFrom math

total = 0
# CHECK: Name total binding=global <[[@LINE-1]]:1>


def add(x, k=2):
    global total
    ys = [x * i for i in range(k)]
    total += sum(ys) + sqrt(4.0)
    return lambda z: z + x
# CHECK: FunctionDef add <[[@LINE-5]]:1>
# CHECK: locals: x k ys
# CHECK-NEXT: globals: total
# CHECK: ListComp <[[@LINE-6]]:10>
# CHECK-NEXT: elt:
# CHECK-NEXT: Binary *
# CHECK-NEXT: Name x binding=enclosing <[[@LINE-9]]:11>
# CHECK-NEXT: Name i binding=local <[[@LINE-10]]:15>
# CHECK: Name i binding=local <[[@LINE-11]]:21>
# CHECK-NEXT: iter:
# CHECK-NEXT: Call library=range <[[@LINE-13]]:26>
# CHECK: Name range binding=builtin -> range <[[@LINE-14]]:26>
# CHECK: Name k binding=local <[[@LINE-15]]:32>
# CHECK: AugAssign += <[[@LINE-15]]:5>
# CHECK-NEXT: Name total binding=global <[[@LINE-16]]:5>
# CHECK: Call library=math.sqrt <[[@LINE-17]]:24>
# CHECK: Name sqrt binding=library -> math.sqrt <[[@LINE-18]]:24>
# CHECK: Lambda <[[@LINE-18]]:12>
# CHECK: Name z binding=local <[[@LINE-19]]:22>
# CHECK-NEXT: Name x binding=enclosing <[[@LINE-20]]:26>


class Layer(torch.nn.Module):
    width = 3
    height = width + 1

    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(Layer.width, self.height)

    def forward(self, x):
        return F.relu(self.fc(x))
# CHECK: ClassDef Layer
# CHECK: Attribute Module -> torch.nn.Module <[[@LINE-11]]:13>
# CHECK-NEXT: Attribute nn -> torch.nn <[[@LINE-12]]:13>
# CHECK-NEXT: Name torch binding=module -> torch <[[@LINE-13]]:13>
# CHECK: Name width binding=local <[[@LINE-12]]:14>
# CHECK: Call library=torch.nn.Linear <[[@LINE-9]]:19>
# CHECK: Name Layer binding=global <[[@LINE-10]]:35>
# CHECK: Call library=torch.nn.functional.relu <[[@LINE-8]]:16>
# CHECK-NEXT: callee:
# CHECK-NEXT: Attribute relu -> torch.nn.functional.relu <[[@LINE-10]]:16>
# CHECK-NEXT: Name F binding=module -> torch.nn.functional <[[@LINE-11]]:16>


for step in range(3):
    if step > 0:
        print(previous, add(step)(1), total)
    previous = step
# CHECK: Name previous binding=global <[[@LINE-2]]:15>
# CHECK: Call <[[@LINE-3]]:25>
# CHECK-NEXT: callee:
# CHECK-NEXT: Call <[[@LINE-5]]:25>
# CHECK-NEXT: callee:
# CHECK-NEXT: Name add binding=global <[[@LINE-7]]:25>
print(Layer()(torch.ones(2, 3)).shape)
