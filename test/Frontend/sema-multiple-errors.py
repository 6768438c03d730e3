# Sema reports every error of the module in one run (recovering at the
# next statement) and janusc exits with status 1.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s
import numpy
# CHECK: sema-multiple-errors.py:[[@LINE-1]]:8: error: module 'numpy' is not available in Janus Python


def f(a, b):
    def g():
        pass
    return a + c
# CHECK: sema-multiple-errors.py:[[@LINE-3]]:5: error: nested functions are not supported; define 'g' at module level or use a lambda
# CHECK: sema-multiple-errors.py:[[@LINE-2]]:16: error: name 'c' is not defined


class A(int, float):
    pass
# CHECK: sema-multiple-errors.py:[[@LINE-2]]:14: error: multiple inheritance is not supported; give 'A' a single base class


with open("x") as fh:
    pass
# CHECK: sema-multiple-errors.py:[[@LINE-2]]:6: error: builtin 'open' is not supported in Janus Python
# CHECK: sema-multiple-errors.py:[[@LINE-3]]:6: error: only 'with torch.no_grad():' is supported
# CHECK: sema-multiple-errors.py:[[@LINE-4]]:19: error: 'with ... as' is not supported
print(f(1))
# CHECK: sema-multiple-errors.py:[[@LINE-1]]:7: error: f() missing 1 required positional argument: 'b'
