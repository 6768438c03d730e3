# `janus run` with the compiled pylib: a user nn.Module (Linear, ReLU,
# Linear) trained by SGD with momentum prints what torch.nn/torch.optim
# print under the oracle (compare-outputs.py: floats within its tolerance).
# RUN: %oracle %scripts/compare-outputs.py --janus "%janus-driver run" --oracle %oracle %s
# REQUIRES: janus-run
import torch
import torch.nn as nn
import torch.optim as optim


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.act = nn.ReLU()
        self.fc2 = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


torch.manual_seed(0)
model = Net()
print(isinstance(model, nn.Module), isinstance(model.fc1, nn.Linear))
opt = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
x = torch.randn(5, 4)
y = torch.randn(5, 2)
for step in range(4):
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
    print(step, loss.item())
for name, p in model.named_parameters():
    print(name, p.shape)
print(model.fc2.bias.detach())
model.eval()
with torch.no_grad():
    print(model(x))
