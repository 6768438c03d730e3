# A closing bracket with nothing open.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
x = (1 + 2))
# CHECK: lex-unmatched-closer.py:[[@LINE-1]]:12: error: unmatched ')'
