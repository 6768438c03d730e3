# `from M import name` must name a submodule or a library member of M.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
from torch import nn, zeros, fancy_op
# CHECK: sema-import-unknown-name.py:[[@LINE-1]]:30: error: cannot import name 'fancy_op' from 'torch' in Janus Python
from math import sqrt as root, tau2
# CHECK: sema-import-unknown-name.py:[[@LINE-1]]:32: error: cannot import name 'tau2' from 'math' in Janus Python
print(nn, zeros, root)
