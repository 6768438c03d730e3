# Bitwise and shift operators, and their augmented forms, are rejected.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
a = True
b = False
c = a & b
# CHECK: syntax-bitwise.py:[[@LINE-1]]:7: error: bitwise operators ('&') are not supported in Janus Python; use 'and'/'or'/'not' for booleans or torch.logical_and/torch.logical_or/torch.logical_xor/torch.logical_not for tensors
d = a | b ^ c
# CHECK: syntax-bitwise.py:[[@LINE-1]]:11: error: bitwise operators ('^') are not supported
# CHECK: syntax-bitwise.py:[[@LINE-2]]:7: error: bitwise operators ('|') are not supported
e = ~a
# CHECK: syntax-bitwise.py:[[@LINE-1]]:5: error: bitwise operators ('~') are not supported
f = 1 << 4
# CHECK: syntax-bitwise.py:[[@LINE-1]]:7: error: shift operators ('<<') are not supported in Janus Python; multiply or floor-divide by a power of two instead
a |= b
# CHECK: syntax-bitwise.py:[[@LINE-1]]:3: error: bitwise operators ('|=') are not supported
f >>= 1
# CHECK: syntax-bitwise.py:[[@LINE-1]]:3: error: shift operators ('>>=') are not supported
