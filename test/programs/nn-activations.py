# Activation and softmax modules: ReLU, Tanh, Sigmoid, LeakyReLU, Softmax, LogSoftmax, in a Sequential.
import torch
import torch.nn as nn
x = torch.tensor([[-2.0, -0.5, 0.0, 0.5, 2.0]])
for m in [nn.ReLU(), nn.Tanh(), nn.Sigmoid(), nn.LeakyReLU(), nn.LeakyReLU(0.2), nn.Softmax(dim=1), nn.LogSoftmax(dim=1)]:
    print(m(x))
seq = nn.Sequential(nn.ReLU(), nn.Tanh())
print(seq(x), len(list(seq.children())))
