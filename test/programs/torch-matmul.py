# Matrix products: @, matmul (vector/matrix ranks), mm, bmm, with float and int tensors.
import torch
a = torch.arange(6, dtype=torch.float32).reshape(2, 3)
b = torch.arange(12, dtype=torch.float32).reshape(3, 4)
v = torch.tensor([1.0, -1.0, 2.0])
print(a @ b, torch.matmul(a, v), v @ b, v @ v, torch.mm(a, b).shape)
x = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4)
y = torch.ones(2, 4, 2)
print(torch.bmm(x, y), x.bmm(y).shape, (x @ torch.ones(4)).shape, (x @ torch.ones(4, 5)).shape)
i = torch.tensor([[1, 2], [3, 4]])
print(i @ i, i.mm(i), i.matmul(torch.tensor([1, 1])))
w = torch.eye(3)
w @= torch.full((3, 3), 2.0)
print(w)
