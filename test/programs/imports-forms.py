# Import forms: module aliases, from-imports of modules and members, qualified names through packages, time.
import torch
import torch.nn
import torch.nn.functional as Fn
import torch.optim as opt
import math as m
import random as rnd
import time
from torch import nn
from torch import optim
from torch.nn import functional as F
from torch import zeros, ones
print(zeros(2), ones(1, 2))
print(torch.nn.functional.relu(torch.tensor([-1.0, 1.0])), Fn.relu(torch.tensor([2.0])), F.relu(torch.tensor([-3.0])))
torch.manual_seed(0)
lin = torch.nn.Linear(2, 2)
print(isinstance(lin, nn.Module), isinstance(lin, torch.nn.Linear), isinstance(torch.ones(1), torch.Tensor))
o1 = opt.SGD(lin.parameters(), lr=0.1)
o2 = optim.Adam(lin.parameters())
o3 = torch.optim.SGD(lin.parameters(), 0.5)
print(m.sqrt(9), m.pi > 3)
rnd.seed(1)
print(rnd.randint(1, 100))
t0 = time.time()
p0 = time.perf_counter()
print(time.time() >= t0, time.perf_counter() >= p0, t0 > 1e9)
