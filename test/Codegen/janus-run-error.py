# `janus run` reports a Python exception with its traceback, innermost
# first, and exits 1.
# RUN: %pycheck %s
# RUN: not janus run %s 2>&1 | FileCheck %s

# CHECK: janus-run-error.py:[[@LINE+3]]:{{[0-9]+}}: error: ZeroDivisionError: division by zero
# CHECK-NEXT: janus-run-error.py:[[@LINE+2]]:{{[0-9]+}}: in half
def half(x):
    return x / 0


# CHECK-NEXT: janus-run-error.py:[[@LINE+1]]:{{[0-9]+}}: in <module>
half(1)
