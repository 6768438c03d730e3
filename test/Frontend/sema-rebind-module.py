# Names bound to imported modules and library members stay bound to them:
# Janus resolves `nn.Linear` statically. A local of the same name is fine.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s
import torch.nn as nn
from math import sqrt


def shadow(nn):
    sqrt = 2
    return nn + sqrt


nn = 3
# CHECK: sema-rebind-module.py:[[@LINE-1]]:1: error: cannot assign to 'nn', which names an imported module; choose another name
for sqrt in range(2):
    pass
# CHECK: sema-rebind-module.py:[[@LINE-2]]:5: error: cannot assign to 'sqrt', which names an imported library name; choose another name
import torch.nn.functional as nn
# CHECK: sema-rebind-module.py:[[@LINE-1]]:8: error: 'nn' already names 'torch.nn'; import 'torch.nn.functional' under another name
