# Seeded random ops: dropout (training and eval), uniform_, normal_, multinomial, nn.Linear init.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(7)
x = torch.ones(10)
print(F.dropout(x, 0.5), F.dropout(x, p=0.2, training=False))
d = nn.Dropout(0.3)
print(d(torch.ones(2, 4)))
d.eval()
print(d(torch.ones(3)))
u = torch.zeros(4).uniform_(-1, 1)
n = torch.zeros(4).normal_(2.0, 0.5)
print(u, n)
probs = torch.tensor([0.1, 0.0, 0.6, 0.3])
print(torch.multinomial(probs, 2), probs.multinomial(5, replacement=True))
lin = nn.Linear(3, 2)
print(lin.weight, lin.bias)
