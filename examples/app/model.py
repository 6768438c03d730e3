# The model of the C++ example application (examples/app/app.cpp), compiled
# by `janusc model.py -o libmodel.so --header model.h` at build time. Each
# top-level function becomes a C entry point model_<name> (docs/compiler.md,
# "C entry points"); the application builds the inputs, calls these to make
# the model and optimizer and to train, and reads the losses back. The same
# file is plain Python: reference.py runs it under CPython + PyTorch to
# produce the losses the application must print.
import torch
import torch.nn as nn
import torch.optim as optim


class Regressor(nn.Module):
    def __init__(self, inputs, hidden):
        super().__init__()
        self.hidden = nn.Linear(inputs, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_model(seed):
    torch.manual_seed(seed)
    return Regressor(3, 8)


def make_optimizer(model, lr):
    return optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def targets(x):
    # A fixed linear function of the inputs plus a product term the model
    # must learn too.
    w = torch.tensor([[2.0], [-1.0], [0.5]])
    return x @ w + 0.3 * x[:, 0:1] * x[:, 1:2]


def train_step(model, opt, x, y):
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
    return loss.item()
