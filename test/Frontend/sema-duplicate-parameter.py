# Parameter names of a def or lambda are distinct.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: not %pycheck %s 2>&1 | FileCheck %s --check-prefix=PY


def f(x, y, x):
    return x + y
# CHECK: sema-duplicate-parameter.py:[[@LINE-2]]:13: error: duplicate argument 'x' in function definition
# PY: SyntaxError: duplicate argument 'x' in function definition
g = lambda a, *, a=1: a
# CHECK: sema-duplicate-parameter.py:[[@LINE-1]]:18: error: duplicate argument 'a' in function definition
