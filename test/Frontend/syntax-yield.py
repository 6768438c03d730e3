# Generators written with yield are rejected.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
def count(n):
    i = 0
    while i < n:
        yield i
# CHECK: syntax-yield.py:[[@LINE-1]]:9: error: 'yield' is not supported in Janus Python; build a list and return it instead
        i += 1
def chain(a):
    x = yield from a
# CHECK: syntax-yield.py:[[@LINE-1]]:9: error: 'yield' is not supported in Janus Python; build a list and return it instead
