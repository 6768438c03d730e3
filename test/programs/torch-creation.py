# Tensor creation: tensor, zeros, ones, full, arange, linspace, eye, zeros_like, ones_like, dtypes.
import torch
print(torch.tensor([[1, 2], [3, 4]]), torch.tensor(2.5), torch.tensor([1, 2.5]))
print(torch.zeros(2, 3), torch.ones((2,)), torch.zeros(2, dtype=torch.int64))
print(torch.full((2, 3), 1.5), torch.full((2,), 4))
print(torch.arange(5), torch.arange(2, 10, 3), torch.arange(0.0, 1.0, 0.25), torch.arange(1, 4, dtype=torch.float64))
print(torch.linspace(-1, 1, 5), torch.eye(2))
x = torch.tensor([[1.0, 2.0]])
print(torch.zeros_like(x), torch.ones_like(x, dtype=torch.int64))
print(x.clone(), x.double().dtype, x.long().dtype, x.float().dtype, x.bool().dtype)
print(x.numel(), x.dim(), x.shape[1], len(x), len(torch.zeros(4, 2)))
