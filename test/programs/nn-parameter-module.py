# torch.nn.parameter.Parameter and nn.Parameter in a user nn.Module: registration order, printing, requires_grad, an SGD step, arithmetic giving plain tensors, one Parameter held by two modules.
import torch
import torch.nn as nn
import torch.optim as optim


class Scale(nn.Module):
    def __init__(self):
        super().__init__()
        self.gain = torch.nn.parameter.Parameter(torch.tensor([2.0, -1.0]))
        self.frozen = nn.Parameter(torch.tensor([0.5, 0.25]), requires_grad=False)
        self.offset = nn.Parameter(torch.tensor(1.5))
        self.plain = torch.tensor([9.0, 9.0])

    def forward(self, x):
        return x * self.gain * self.frozen + self.offset


m = Scale()
print([name for name, p in m.named_parameters()])
print(len(list(m.parameters())))
for name, p in m.named_parameters():
    print(name, p.requires_grad, p.shape)
print(m.gain)
print(m.frozen)
print(m.offset)
print(isinstance(m.gain, nn.Parameter), isinstance(m.plain, nn.Parameter))
doubled = m.gain * 2
print(doubled, isinstance(doubled, nn.Parameter), doubled.requires_grad)
summed = m.gain + m.frozen
print(summed, isinstance(summed, nn.Parameter))
print(m.frozen - 1, isinstance(m.frozen - 1, nn.Parameter))
x = torch.tensor([1.0, 3.0])
opt = optim.SGD(m.parameters(), lr=0.1)
loss = (m(x) ** 2).sum()
print(loss)
opt.zero_grad()
loss.backward()
print(m.gain.grad, m.offset.grad, m.frozen.grad)
opt.step()
print(m.gain)
print(m.offset)
print(m.frozen)
print(m(x))
m.extra = nn.Parameter(torch.zeros(1))
print([name for name, p in m.named_parameters()])


class Holder(nn.Module):
    def __init__(self, shared, own):
        super().__init__()
        self.shared = shared
        self.own = own


h = Holder(m.gain, torch.nn.parameter.Parameter(torch.ones(1), requires_grad=False))
print([name for name, p in h.named_parameters()], h.shared is m.gain, h.own.requires_grad)
h.shared = nn.Parameter(torch.tensor([7.0, 8.0]))
print([p.tolist() for p in h.parameters()], m.gain.tolist())
