# Calls of user functions are checked against the `def`, in CPython's words.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: not %oracle %s 2>&1 | FileCheck %s --check-prefix=PY


def f(x, y):
    return x + y


def g(a, b=2, *, scale=1.0):
    return (a + b) * scale


print(g(1, 2, 3, scale=2.0))
# CHECK: sema-call-too-many-arguments.py:[[@LINE-1]]:7: error: g() takes from 1 to 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were given
print(f(1, 2, 3))
# CHECK: sema-call-too-many-arguments.py:[[@LINE-1]]:7: error: f() takes 2 positional arguments but 3 were given
# PY: TypeError: g() takes from 1 to 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were given
