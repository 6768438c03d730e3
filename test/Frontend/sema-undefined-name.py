# A name bound nowhere is reported at its use, once per name and function.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s


def f(x):
    y = x + undefined_thing
    return y * undefined_thing
# CHECK: sema-undefined-name.py:[[@LINE-2]]:13: error: name 'undefined_thing' is not defined


def g():
    return [w for w in rnage(3)]
# CHECK: sema-undefined-name.py:[[@LINE-1]]:24: error: name 'rnage' is not defined


h = lambda: missing + undefined_thing
# CHECK: sema-undefined-name.py:[[@LINE-1]]:13: error: name 'missing' is not defined
# CHECK: sema-undefined-name.py:[[@LINE-2]]:23: error: name 'undefined_thing' is not defined
