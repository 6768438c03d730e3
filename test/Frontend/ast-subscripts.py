# Subscripts and slices: negative indices, steps, omitted bounds, multi-
# dimensional tensor indices with ':', None and '...', and attribute access
# on the result.
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s
import torch

xs = [0, 1, 2, 3, 4, 5]
a = xs[-1]
# CHECK: Subscript <[[@LINE-1]]:5>
# CHECK-NEXT: Name xs
# CHECK-NEXT: index:
# CHECK-NEXT: Unary - <[[@LINE-4]]:8>
b = xs[1:5:2]
# CHECK: Slice <[[@LINE-1]]:8>
# CHECK-NEXT: lower:
# CHECK-NEXT: IntLit 1
# CHECK-NEXT: upper:
# CHECK-NEXT: IntLit 5
# CHECK-NEXT: step:
# CHECK-NEXT: IntLit 2
c = xs[::-1]
# CHECK: Slice <[[@LINE-1]]:8>
# CHECK-NEXT: step:
# CHECK-NEXT: Unary -
t = torch.arange(24).reshape(2, 3, 4)
u = t[:, 1, None, ...]
# CHECK: Subscript <[[@LINE-1]]:5>
# CHECK-NEXT: Name t
# CHECK-NEXT: index:
# CHECK-NEXT: Tuple <[[@LINE-4]]:7>
# CHECK-NEXT: Slice <[[@LINE-5]]:7>
# CHECK-NEXT: IntLit 1 <[[@LINE-6]]:10>
# CHECK-NEXT: NoneLit <[[@LINE-7]]:13>
# CHECK-NEXT: EllipsisLit <[[@LINE-8]]:19>
v = t[0][1:].shape
# CHECK: Attribute shape <[[@LINE-1]]:5>
# CHECK-NEXT: Subscript <[[@LINE-2]]:5>
# CHECK-NEXT: Subscript <[[@LINE-3]]:5>
print(a, b, c, u.shape, v)
