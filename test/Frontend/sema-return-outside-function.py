# `return` belongs in a function body.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: not %pycheck %s 2>&1 | FileCheck %s --check-prefix=PY
x = 1
if x > 0:
    return x
# CHECK: sema-return-outside-function.py:[[@LINE-1]]:5: error: 'return' outside function
# PY: SyntaxError: 'return' outside function
