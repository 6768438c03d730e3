# A class has at most one base: a user class defined earlier, nn.Module or
# object.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s
import torch.nn as nn
import math


class A:
    pass


class B(object):
    pass


class C(A, B):
    pass
# CHECK: sema-class-bases.py:[[@LINE-2]]:12: error: multiple inheritance is not supported; give 'C' a single base class


class D(nn.Linear):
    pass
# CHECK: sema-class-bases.py:[[@LINE-2]]:9: error: the base class of 'D' must be a class defined earlier in this file, nn.Module or object


class E(math):
    pass
# CHECK: sema-class-bases.py:[[@LINE-2]]:9: error: the base class of 'E' must be a class defined earlier in this file, nn.Module or object
