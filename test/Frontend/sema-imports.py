# The accepted import forms. `import torch.nn` binds `torch`; `from M import
# sub` binds a submodule; `from M import member` binds a library entry
# (binding=library), usable like the qualified name. Builtins may be
# shadowed by globals and locals, as in Python.
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s
import torch.nn
import torch.optim as optim
from torch import nn, zeros
from torch.nn import functional as F
import math, random, time
print(torch.nn.Linear, optim.SGD, nn.ReLU, zeros(2), F.relu, math.pi,
      random.random() < 1.0, time.time() > 0.0)
# CHECK: Name torch binding=module -> torch <[[@LINE-2]]:7>
# CHECK: Name optim binding=module -> torch.optim <[[@LINE-3]]:24>
# CHECK: Name nn binding=module -> torch.nn <[[@LINE-4]]:35>
# CHECK: Call library=torch.zeros <[[@LINE-5]]:44>
# CHECK-NEXT: callee:
# CHECK-NEXT: Name zeros binding=library -> torch.zeros <[[@LINE-7]]:44>
# CHECK: Name F binding=module -> torch.nn.functional <[[@LINE-8]]:54>


def total(values):
    sum = 0
    for v in values:
        sum += v
    return sum
# CHECK: FunctionDef total
# CHECK-NEXT: Param values
# CHECK-NEXT: locals: values sum v


max = 3
print(total([1, 2]), max)
# CHECK: Name max binding=global <[[@LINE-1]]:22>
