# cat, stack, split, chunk, gather, index_select, masked_fill, where.
import torch
a = torch.tensor([[1, 2], [3, 4]])
b = torch.tensor([[5, 6]])
print(torch.cat([a, b]), torch.cat((a, a), dim=1), torch.stack([a, a]).shape, torch.stack([a, a], dim=2).shape)
x = torch.arange(10)
print(x.split(4), torch.split(x, [2, 8]), x.chunk(3), torch.chunk(x, 2))
m = torch.arange(12).reshape(3, 4)
print(torch.gather(m, 1, torch.tensor([[0], [3], [1]])), m.gather(0, torch.tensor([[2, 1, 0, 2]])))
print(m.index_select(0, torch.tensor([2, 0])), torch.index_select(m, 1, torch.tensor([3])))
print(m.masked_fill(m > 5, -1), torch.masked_fill(m, m % 2 == 0, 0))
print(torch.where(m > 4, m, torch.zeros_like(m)), torch.where(m > 9))
print(m[m > 8], m[torch.tensor([0, 2])], m[:, torch.tensor([1, 1])])
