# `with torch.no_grad():` is the only context manager, and without `as`.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s
import torch

with torch.no_grad():
    y = torch.ones(2) * 2
with torch.ones(1):
    pass
# CHECK: sema-with.py:[[@LINE-2]]:6: error: only 'with torch.no_grad():' is supported
with torch.no_grad() as ctx:
    pass
# CHECK: sema-with.py:[[@LINE-2]]:25: error: 'with ... as' is not supported; write 'with torch.no_grad():' without 'as'
