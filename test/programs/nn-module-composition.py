# Modules containing modules: Sequential, ModuleList, a residual block, train/eval mode.
import torch
import torch.nn as nn
class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.lin = nn.Linear(n, n)
        self.act = nn.Tanh()
    def forward(self, x):
        return x + self.act(self.lin(x))
class Stack(nn.Module):
    def __init__(self, n, depth):
        super().__init__()
        self.blocks = nn.ModuleList([Block(n) for _ in range(depth)])
        self.head = nn.Sequential(nn.Linear(n, 2), nn.Sigmoid())
    def forward(self, x):
        for b in self.blocks:
            x = b(x)
        return self.head(x)
torch.manual_seed(1)
m = Stack(3, 2)
x = torch.ones(1, 3)
print(m(x))
print(len(list(m.parameters())), len(list(m.children())), m.training)
m.eval()
print(m.training, m.blocks[0].training)
m.train()
print(m.training)
