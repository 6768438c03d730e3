# Calling nn.Module instances with keyword arguments: forward receives them (positional by name, keyword-only, defaults).
import torch
import torch.nn as nn
class Mix(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(2, 2)
    def forward(self, x, y=None, *, alpha=1.0, beta=0.0):
        if y is None:
            y = x
        return self.lin(x) * alpha + y * beta
class Outer(nn.Module):
    def __init__(self):
        super().__init__()
        self.mix = Mix()
    def forward(self, x, scale):
        return self.mix(x=x, alpha=scale) + self.mix(x, x * 2, beta=scale)
torch.manual_seed(3)
m = Outer()
x = torch.tensor([[1.0, -1.0]])
print(m(x, scale=0.5))
print(m(scale=2.0, x=x))
print(m.mix(x, beta=1.0, alpha=0.0))
print(nn.Linear(2, 1)(input=x).shape)
