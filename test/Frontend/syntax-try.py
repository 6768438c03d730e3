# Exceptions are not part of Janus Python: try/except/finally and raise are
# rejected with what to write instead.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return 0.0
# CHECK: syntax-try.py:[[@LINE-4]]:5: error: 'try' is not supported in Janus Python; check conditions with 'if' or 'assert' instead
def check(x):
    if x < 0:
        raise ValueError("negative")
# CHECK: syntax-try.py:[[@LINE-1]]:9: error: 'raise' is not supported in Janus Python; check conditions with 'if' or 'assert' instead
    return x
