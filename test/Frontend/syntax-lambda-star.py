# Lambdas take plain parameters (with optional defaults) only.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
f = lambda *xs: len(xs)
# CHECK: syntax-lambda-star.py:[[@LINE-1]]:12: error: lambda parameters may only be plain names with optional defaults in Janus Python; remove '*'
g = lambda x, y=1: x + y
