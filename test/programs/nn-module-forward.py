# nn.Module subclasses: __init__ with super().__init__(), layers as attributes, calling the module runs forward.
import torch
import torch.nn as nn
import torch.nn.functional as F
class MLP(nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)
    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))
torch.manual_seed(0)
net = MLP(4, 8, 3)
x = torch.randn(2, 4)
y = net(x)
print(y.shape)
print(y)
print(sum(p.numel() for p in net.parameters()))
for name, p in net.named_parameters():
    print(name, p.shape)
print(net.forward(x).sum().item() == y.sum().item())
