# Printing int64 and bool tensors, their dtypes, and tensors from comparisons.
import torch
a = torch.tensor([1, -2, 300])
print(a, a.dtype)
print(torch.arange(12).reshape(3, 4))
b = torch.tensor([True, False, True])
print(b, b.dtype)
print(a > 0, (a > 0).dtype)
print(torch.tensor([[True], [False]]))
print(torch.zeros(3, dtype=torch.int64), torch.ones(2, dtype=torch.bool))
print(torch.tensor([1, 2]).float(), torch.tensor([1.7, -1.7]).long(), torch.tensor([0.0, 2.0]).bool())
print(torch.tensor([10 ** 12, -5]))
print(torch.eye(3), torch.eye(2, 3, dtype=torch.int64))
