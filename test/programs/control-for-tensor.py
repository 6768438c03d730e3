# for over tensors iterates the first dimension: rows of a matrix, 0-d elements of a vector.
import torch
m = torch.arange(6).reshape(3, 2)
for row in m:
    print(row, row.shape)
v = torch.tensor([1.5, -2.0, 3.25])
total = 0.0
for e in v:
    total += e.item()
    print(e, e.dim())
print(total)
for i, row in enumerate(m):
    print(i, row.sum().item())
for a, b in zip(torch.tensor([1, 2]), torch.tensor([10, 20])):
    print((a * b).item())
