# A plain syntax error is reported once, at the offending token; the parser
# stops there rather than reporting follow-up errors.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
x = 1 +* 2
# CHECK: syntax-invalid.py:[[@LINE-1]]:8: error: invalid syntax
y = = 3
