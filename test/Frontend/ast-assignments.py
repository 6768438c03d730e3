# Assignment forms: chained targets, tuple and nested unpacking, list
# targets, augmented assignment on names, attributes, subscripts and
# tensors, and `del` of names and list items.
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s
import torch

a = b = 1
# CHECK: Assign <[[@LINE-1]]:1>
# CHECK-NEXT: targets:
# CHECK-NEXT: Name a binding=global <[[@LINE-3]]:1>
# CHECK-NEXT: Name b binding=global <[[@LINE-4]]:5>
x, (y, z) = 1, (2, 3)
# CHECK: Assign <[[@LINE-1]]:1>
# CHECK-NEXT: targets:
# CHECK-NEXT: Tuple <[[@LINE-3]]:1>
# CHECK-NEXT: Name x binding=global <[[@LINE-4]]:1>
# CHECK-NEXT: Tuple <[[@LINE-5]]:4>
# CHECK-NEXT: Name y binding=global <[[@LINE-6]]:5>
# CHECK-NEXT: Name z binding=global <[[@LINE-7]]:8>
[p, q] = [4, 5]
# CHECK: List <[[@LINE-1]]:1>
items = [1, 2, 3]
items[0] += 10
# CHECK: AugAssign += <[[@LINE-1]]:1>
# CHECK-NEXT: Subscript <[[@LINE-2]]:1>
t = torch.zeros(2)
t *= 3
# CHECK: AugAssign *= <[[@LINE-1]]:1>
a //= 2
# CHECK: AugAssign //= <[[@LINE-1]]:1>
b **= 3
# CHECK: AugAssign **= <[[@LINE-1]]:1>
del items[1]
# CHECK: Del <[[@LINE-1]]:1>
# CHECK-NEXT: Subscript <[[@LINE-2]]:5>
del p, q
# CHECK: Del <[[@LINE-1]]:1>
# CHECK-NEXT: Name p binding=global <[[@LINE-2]]:5>
# CHECK-NEXT: Name q binding=global <[[@LINE-3]]:8>
print(a, b, x, y, z, items, t)
