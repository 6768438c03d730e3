# `break` and `continue` belong in a loop of the same function; a loop
# around a `def` does not count.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: not %pycheck %s 2>&1 | FileCheck %s --check-prefix=PY
for i in range(3):
    if i == 1:
        continue
    break


def f(n):
    if n > 1:
        break
# CHECK: sema-break-outside-loop.py:[[@LINE-1]]:9: error: 'break' outside loop
# PY: SyntaxError: 'break' outside loop
    continue
# CHECK: sema-break-outside-loop.py:[[@LINE-1]]:5: error: 'continue' not properly in loop
