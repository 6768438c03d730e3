# A compound statement header without its ':'.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
def f(x)
    return x
# CHECK: syntax-expected-colon.py:[[@LINE-2]]:9: error: expected ':'
