# Other statements: global declarations (recorded on the function), assert
# with and without a message, `with torch.no_grad():`, and imports with
# aliases and qualified names through an imported package.
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch import nn
import math
import random
import time
# CHECK: Import <[[@LINE-8]]:1>
# CHECK-NEXT: alias torch <[[@LINE-9]]:8>
# CHECK: Import <[[@LINE-9]]:1>
# CHECK-NEXT: alias torch.nn as nn <[[@LINE-10]]:8>
# CHECK: ImportFrom torch <[[@LINE-8]]:1>
# CHECK-NEXT: alias nn <[[@LINE-9]]:19>

steps = 0


def tick():
    global steps
    steps += 1
    assert steps > 0
    assert steps < 100, "too many steps"
# CHECK: FunctionDef tick
# CHECK-NEXT: globals: steps
# CHECK: Global steps <[[@LINE-6]]:5>
# CHECK: AugAssign += <[[@LINE-6]]:5>
# CHECK-NEXT: Name steps binding=global <[[@LINE-7]]:5>
# CHECK: Assert <[[@LINE-7]]:5>
# CHECK: Assert <[[@LINE-7]]:5>
# CHECK: msg:
# CHECK-NEXT: StrLit "too many steps"


tick()
with torch.no_grad():
    w = torch.nn.Linear(2, 2).weight * 2
# CHECK: With <[[@LINE-2]]:1>
# CHECK-NEXT: context:
# CHECK-NEXT: Call library=torch.no_grad <[[@LINE-4]]:6>
# CHECK: Call library=torch.nn.Linear <[[@LINE-4]]:9>
# CHECK-NEXT: callee:
# CHECK-NEXT: Attribute Linear -> torch.nn.Linear <[[@LINE-6]]:9>
# CHECK-NEXT: Attribute nn -> torch.nn <[[@LINE-7]]:9>
# CHECK-NEXT: Name torch binding=module -> torch <[[@LINE-8]]:9>
print(steps, w.requires_grad, F.relu(torch.ones(1)), optim.SGD, math.pi > 3,
      random.random() < 1.0, time.perf_counter() > 0.0)
# CHECK: Attribute pi -> math.pi
