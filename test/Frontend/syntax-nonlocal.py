# nonlocal is rejected.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 1
# CHECK: syntax-nonlocal.py:[[@LINE-2]]:9: error: 'nonlocal' is not supported in Janus Python; keep shared state in a global or an object attribute instead
    return n
