# Unknown keywords and keywords that repeat a positional argument are
# reported at the keyword.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: not %oracle %s 2>&1 | FileCheck %s --check-prefix=PY


def f(x, y=1):
    return x + y


f(1, z=3)
# CHECK: sema-call-bad-keyword.py:[[@LINE-1]]:6: error: f() got an unexpected keyword argument 'z'
# PY: TypeError: f() got an unexpected keyword argument 'z'
f(1, 2, x=3)
# CHECK: sema-call-bad-keyword.py:[[@LINE-1]]:9: error: f() got multiple values for argument 'x'
