# Functions are defined at module level (or as methods); a `def` inside a
# function is rejected, and its body is not checked further.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s


def outer(x):
    def inner(y):
        return y + undefined_in_inner
    return inner(x)
# CHECK: sema-nested-function.py:[[@LINE-3]]:5: error: nested functions are not supported; define 'inner' at module level or use a lambda
