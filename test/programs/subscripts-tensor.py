# Tensor indexing with ints, negative ints, slices with steps, ':', None and '...'.
import torch
t = torch.arange(24).reshape(2, 3, 4)
print(t[0])
print(t[-1, 1])
print(t[:, 1, ::2])
print(t[1, :, 1:3])
print(t[..., -1])
print(t[0, None, :, 0])
print(t[None].shape, t[:, None, ...].shape, t[..., None].shape)
print(t[0, 0, 0], t[1, 2, 3].item())
u = torch.arange(10)
print(u[2:8:3], u[-3:], u[:0])
print(t[0][1][2], t[:, :, 0].shape)
