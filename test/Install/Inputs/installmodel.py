# The program of the install-tree test (test/Install/install-tree.cmake):
# torch.nn and torch.optim, so the installed runtime must load the installed
# pylib. Run as __main__ it prints train(0); the C program
# (install-main.c) calls installmodel_train(0) through the header that
# `janusc --header` wrote and prints the repr of the result. The test
# compares both, and `janus run`, with the oracle's output.
import torch
import torch.nn as nn
import torch.optim as optim


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.fc2 = nn.Linear(4, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def train(seed):
    torch.manual_seed(seed)
    net = Net()
    opt = optim.SGD(net.parameters(), lr=0.1)
    x = torch.randn(8, 3)
    y = x.sum(1, keepdim=True)
    loss = None
    for step in range(3):
        opt.zero_grad()
        loss = ((net(x) - y) ** 2).mean()
        loss.backward()
        opt.step()
    # Rounded so that float32 rounding differences in the last bits (the
    # runtime's kernels may sum in another order than PyTorch's) cannot
    # make the comparison flaky; a wrong pylib or runtime changes far more.
    return round(loss.item(), 4)


if __name__ == "__main__":
    print(train(0))
