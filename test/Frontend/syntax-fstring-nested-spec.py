# A replacement field inside an f-string format spec is not supported.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
width = 8
x = 3.14159
s = f"{x:{width}.3f}"
# CHECK: syntax-fstring-nested-spec.py:[[@LINE-1]]:10: error: nested replacement fields in f-string format specs are not supported
