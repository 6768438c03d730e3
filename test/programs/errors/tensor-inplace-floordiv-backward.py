# `y //= 2` on a tensor that requires grad records PyTorch's NotImplemented node, whose backward fails.
# EXPECT-ERROR: RuntimeError: derivative for aten::floor_divide_ is not implemented
# EXPECT-LOCATION: 9:1
import torch
x = torch.tensor([3.0, -5.0], requires_grad=True)
y = x * 2
y //= 2
print(y, y.requires_grad)
y.sum().backward()
print(x.grad)
