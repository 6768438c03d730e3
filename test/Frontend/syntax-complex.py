# Complex literals are rejected.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
z = 1 + 2j
# CHECK: syntax-complex.py:[[@LINE-1]]:9: error: complex literals ('1j') are not supported in Janus Python; use real numbers or tensors instead
