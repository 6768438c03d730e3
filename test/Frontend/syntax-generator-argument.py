# A generator expression that is not the only argument needs parentheses.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
xs = [1, 2, 3]
total = sum(x for x in xs, 0)
# CHECK: syntax-generator-argument.py:[[@LINE-1]]:13: error: Generator expression must be parenthesized
