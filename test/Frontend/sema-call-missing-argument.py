# Missing positional and keyword-only arguments of user functions.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: not %oracle %s 2>&1 | FileCheck %s --check-prefix=PY


def f(x, y, z, *, k, j=0):
    return x + y + z + k + j


f(1, 2, 3)
# CHECK: sema-call-missing-argument.py:[[@LINE-1]]:1: error: f() missing 1 required keyword-only argument: 'k'
# PY: TypeError: f() missing 1 required keyword-only argument: 'k'
f(1, k=3)
# CHECK: sema-call-missing-argument.py:[[@LINE-1]]:1: error: f() missing 2 required positional arguments: 'y' and 'z'
f(k=3)
# CHECK: sema-call-missing-argument.py:[[@LINE-1]]:1: error: f() missing 3 required positional arguments: 'x', 'y', and 'z'
