# nn.Parameter attributes in a custom module, a forward with keyword arguments and defaults.
import torch
import torch.nn as nn
class Affine(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.w = nn.Parameter(torch.ones(n) * 2)
        self.b = nn.Parameter(torch.zeros(n))
    def forward(self, x, scale=1.0, *, shift=0.0):
        return (x * self.w + self.b) * scale + shift
m = Affine(3)
x = torch.tensor([1.0, 2.0, 3.0])
print(m(x))
print(m(x, 0.5))
print(m(x, shift=1.0))
print([n for n, p in m.named_parameters()], m.w.requires_grad)
out = m(x).sum()
out.backward()
print(m.w.grad, m.b.grad)
