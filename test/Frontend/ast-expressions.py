# Operators with CPython's precedence and associativity: arithmetic incl.
# //, %, **, @ (right-associative **, unary minus binding looser than **),
# chained comparisons as one node, and/or flattened, not, is/is not,
# in/not in, conditional expressions and single-expression lambdas.
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s
import torch

a = 1 + 2 * 3 - 4 // 2 % 3
# (1 + (2 * 3)) - ((4 // 2) % 3): the root is '-', its left child '+'.
# CHECK: Binary - <[[@LINE-2]]:5>
# CHECK-NEXT: Binary + <[[@LINE-3]]:5>
# CHECK-NEXT: IntLit 1
# CHECK-NEXT: Binary * <[[@LINE-5]]:9>
# CHECK: Binary % <[[@LINE-6]]:17>
# CHECK-NEXT: Binary // <[[@LINE-7]]:17>
b = -2 ** 2
# -(2 ** 2) == -4: unary minus applies to the power.
# CHECK: Unary - <[[@LINE-2]]:5>
# CHECK-NEXT: Binary ** <[[@LINE-3]]:6>
c = 2 ** 3 ** 2
# 2 ** (3 ** 2): the right operand is the nested power.
# CHECK: Binary ** <[[@LINE-2]]:5>
# CHECK-NEXT: IntLit 2
# CHECK-NEXT: Binary ** <[[@LINE-4]]:10>
m = torch.ones(2, 2) @ torch.ones(2, 2)
# CHECK: Binary @ <[[@LINE-1]]:5>
d = 0 < a <= 10 != c
# CHECK: Compare <, <=, != <[[@LINE-1]]:5>
e = a > 0 and b < 0 and not c == 0 or m is None
# CHECK: BoolOp or <[[@LINE-1]]:5>
# CHECK-NEXT: BoolOp and <[[@LINE-2]]:5>
# CHECK-NEXT: Compare >
# CHECK: Compare <
# CHECK: Unary not <[[@LINE-5]]:25>
# CHECK: Compare is <[[@LINE-6]]:39>
f = 3 in [1, 2] or 4 not in (5,) or m is not None
# CHECK: Compare in <[[@LINE-1]]:5>
# CHECK: Compare not in <[[@LINE-2]]:20>
# CHECK: Compare is not <[[@LINE-3]]:37>
g = "big" if a > 5 else "small"
# CHECK: IfExp <[[@LINE-1]]:5>
# CHECK-NEXT: test:
# CHECK-NEXT: Compare > <[[@LINE-3]]:14>
# CHECK: body:
# CHECK-NEXT: StrLit "big"
# CHECK-NEXT: orelse:
# CHECK-NEXT: StrLit "small"
h = lambda x, y=2: x * y + 1
# CHECK: Lambda <[[@LINE-1]]:5>
# CHECK-NEXT: Param x <[[@LINE-2]]:12>
# CHECK-NEXT: Param y <[[@LINE-3]]:15>
# CHECK-NEXT: default:
# CHECK-NEXT: IntLit 2
# CHECK-NEXT: body:
# CHECK-NEXT: Binary +
# CHECK-NEXT: Binary *
# CHECK-NEXT: Name x binding=local
# CHECK-NEXT: Name y binding=local
k = +a - -b
# CHECK: Binary - <[[@LINE-1]]:5>
# CHECK-NEXT: Unary + <[[@LINE-2]]:5>
# CHECK: Unary - <[[@LINE-3]]:10>
n = (a
     + b) / 2
# Implicit line joining inside parentheses: one expression over two lines.
# CHECK: Binary / <[[@LINE-3]]:5>
# CHECK-NEXT: Binary + <[[@LINE-4]]:6>
p = a + \
    b
# CHECK: Binary + <[[@LINE-2]]:5>
# CHECK-NEXT: Name a
# CHECK-NEXT: Name b binding=global <[[@LINE-3]]:5>
print(a, b, c, m, d, e, f, g, h(3), k, n, p)
