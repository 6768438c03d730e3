# Janus ints are 64-bit; larger literals are rejected. The most negative
# int64 is still accepted.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
big = 9223372036854775808
# CHECK: syntax-int-too-large.py:[[@LINE-1]]:7: error: integer literal too large for Janus (64-bit ints)
mask = 0x1_0000_0000_0000_0000
# CHECK: syntax-int-too-large.py:[[@LINE-1]]:8: error: integer literal too large for Janus (64-bit ints)
lo = -9223372036854775808
hi = 9223372036854775807
