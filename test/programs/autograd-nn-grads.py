# Gradients of nn.Linear parameters through a loss, zero_grad on module and optimizer.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(3)
lin = nn.Linear(3, 2)
x = torch.randn(4, 3)
t = torch.tensor([0, 1, 1, 0])
loss = F.cross_entropy(lin(x), t)
loss.backward()
print(loss)
print(lin.weight.grad)
print(lin.bias.grad)
lin.zero_grad()
print(lin.weight.grad)
