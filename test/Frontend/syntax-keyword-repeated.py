# A keyword argument may be given once.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
def f(a=1):
    return a
f(a=1, a=2)
# CHECK: syntax-keyword-repeated.py:[[@LINE-1]]:8: error: keyword argument repeated: a
