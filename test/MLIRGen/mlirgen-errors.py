# What Sema accepts but MLIRGen cannot generate is reported at its location
# and janusc exits with status 1: an imported module used as a value (Janus
# resolves modules at compile time and has no module objects), an empty
# unpacking target, and the symbol @__janus_init taken by a module-level
# name.
# RUN: %pycheck %s
# RUN: not %janusc --emit=dyn %s 2>&1 | FileCheck %s
import torch
import torch.nn as nn

t = torch
# CHECK: mlirgen-errors.py:[[@LINE-1]]:5: error: module 'torch' cannot be used as a value in Janus Python; use its functions, classes and constants directly (e.g. 'torch.name')
print(nn)
# CHECK: mlirgen-errors.py:[[@LINE-1]]:7: error: module 'torch.nn' cannot be used as a value in Janus Python; {{.*}} (e.g. 'nn.name')
u = [torch.nn]
# CHECK: mlirgen-errors.py:[[@LINE-1]]:6: error: module 'torch.nn' cannot be used as a value in Janus Python

[] = []
# CHECK: mlirgen-errors.py:[[@LINE-1]]:1: error: assigning to an empty tuple or list is not supported in Janus Python


def __janus_init():
    pass
# CHECK: mlirgen-errors.py:[[@LINE-2]]:5: error: the name '__janus_init' is reserved by Janus; choose another name
# CHECK-NOT: module attributes
