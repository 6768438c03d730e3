# Adding tensors whose shapes do not broadcast: RuntimeError with PyTorch's message.
# EXPECT-ERROR: RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0
# EXPECT-LOCATION: 6:12
import torch
def combine(a, b):
    return a + b
x = torch.ones(3)
print(combine(x, torch.ones(1)))
print(combine(x, torch.ones(2, 3)))
y = torch.ones(4)
print(1 + combine(x, y))
