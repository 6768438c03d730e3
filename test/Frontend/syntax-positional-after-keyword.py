# Positional arguments must come before keyword arguments.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
def f(a, b=1):
    return a + b
print(f(b=2, 3))
# CHECK: syntax-positional-after-keyword.py:[[@LINE-1]]:14: error: positional argument follows keyword argument
