# Parameter list rules: defaults last, '*' followed by a name, no '/'.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
def f(a=1, b):
    return a
# CHECK: syntax-parameters.py:[[@LINE-2]]:12: error: non-default argument follows default argument
def g(a, *):
    return a
# CHECK: syntax-parameters.py:[[@LINE-2]]:10: error: named arguments must follow bare *
def h(a, /, b):
    return a
# CHECK: syntax-parameters.py:[[@LINE-2]]:10: error: positional-only parameters ('/') are not supported in Janus Python; remove the '/'
