# Printing wider tensors: line wrapping at 80 columns, summarisation over 1000 elements, mixed widths.
import torch
print(torch.arange(40, dtype=torch.float32) / 3)
print(torch.arange(30))
print(torch.arange(2000))
print(torch.arange(1200, dtype=torch.float32).reshape(40, 30))
print(torch.tensor([[1.0, -100.5], [0.001, 2.0]]))
print(torch.arange(20).reshape(4, 5) * 1000)
