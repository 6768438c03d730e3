# Attributes of library modules are looked up in the library table.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s
import torch
import torch.nn as nn
import math

x = torch.frobnicate(3)
# CHECK: sema-module-attribute.py:[[@LINE-1]]:11: error: module 'torch' has no attribute 'frobnicate' in Janus Python
layer = nn.functional.no_such_layer
# CHECK: sema-module-attribute.py:[[@LINE-1]]:23: error: module 'torch.nn.functional' has no attribute 'no_such_layer' in Janus Python
math.pi = 3
# CHECK: sema-module-attribute.py:[[@LINE-1]]:1: error: cannot assign to attribute 'pi' of module 'math'
