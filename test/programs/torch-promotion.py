# dtype promotion: int and float tensors, Python scalars, bool tensors, float64 with float32, 0-d tensors.
import torch
i = torch.tensor([1, 2, 3])
f = torch.tensor([0.5, 1.5, 2.5])
d = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
b = torch.tensor([True, False, True])
print((i + f).dtype, (i + 2.5).dtype, (i * 2).dtype, (i / 2).dtype)
print((f + d).dtype, (f + torch.tensor(1.0, dtype=torch.float64)).dtype, (i + torch.tensor(1.5)).dtype)
print((b + b).dtype, (b + 1).dtype, (b * 1.5).dtype, (i + b).dtype)
print(i + f, f + d, b + 1, i / 2)
print(torch.tensor([1, 2], dtype=torch.float32), torch.tensor([1.5], dtype=torch.float64) * 3)
print(torch.tensor(3) * f, torch.tensor(2.0) + i)
