# Tensor comparisons: operators, eq/ne/lt/le/gt/ge as functions and methods, with scalars and broadcasting; bool tensors in arithmetic.
import torch
a = torch.tensor([1.0, 2.0, 3.0, 4.0])
b = torch.tensor([4.0, 2.0, 1.0, 4.0])
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(torch.eq(a, b), torch.ne(a, 2.0), torch.lt(a, 3), torch.le(a, b), torch.gt(b, a), torch.ge(a, 2.5))
print(a.eq(b), a.ne(b), a.lt(2.5), a.le(2.0), a.gt(b), a.ge(torch.tensor(3.0)))
m = torch.arange(6).reshape(2, 3)
print(m > torch.tensor([1, 3, 5]), m == torch.tensor([[0], [4]]))
mask = a > 2
print(mask.sum().item(), mask.float().mean(), (a * mask).sum(), mask.long())
print(torch.where(a > 2, a, -a), torch.where(mask, 1.0, 0.0))
print(bool((a == a).sum() == 4), int((a > 10).sum()), float(a.sum()), (a.sum() > 5).item())
