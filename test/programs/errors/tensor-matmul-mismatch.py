# Multiplying matrices with incompatible inner dimensions: RuntimeError.
# EXPECT-ERROR: RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)
# EXPECT-LOCATION: 8:7
import torch
a = torch.ones(2, 3)
print(torch.mm(a, torch.ones(3, 2)))
b = torch.ones(2, 3)
print(torch.mm(a, b))
