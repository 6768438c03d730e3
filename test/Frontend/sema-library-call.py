# Calls of builtins and library functions and classes are checked against
# the signatures of the library table.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s
import torch
import torch.nn as nn
import math

n = len([1], [2])
# CHECK: sema-library-call.py:[[@LINE-1]]:5: error: len() takes 1 positional argument but 2 were given
x = torch.zeros(2, 3, requires_gradient=True)
# CHECK: sema-library-call.py:[[@LINE-1]]:23: error: torch.zeros() got an unexpected keyword argument 'requires_gradient'
layer = nn.Linear(4)
# CHECK: sema-library-call.py:[[@LINE-1]]:9: error: torch.nn.Linear() missing 1 required positional argument: 'out_features'
r = math.sqrt()
# CHECK: sema-library-call.py:[[@LINE-1]]:5: error: math.sqrt() missing 1 required positional argument: 'x'
p = math.pi()
# CHECK: sema-library-call.py:[[@LINE-1]]:5: error: 'math.pi' is not callable
t = torch(1)
# CHECK: sema-library-call.py:[[@LINE-1]]:5: error: module 'torch' is not callable
