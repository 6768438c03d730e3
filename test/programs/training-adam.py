# A classifier trained with optim.Adam on fixed seeded data: loss every few steps, final accuracy.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 8)
        self.fc2 = nn.Linear(8, 2)
    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))
torch.manual_seed(42)
x = torch.randn(32, 2)
y = (x[:, 0] * x[:, 1] > 0).long()
net = Net()
opt = optim.Adam(net.parameters(), lr=0.05)
for step in range(30):
    opt.zero_grad()
    loss = F.cross_entropy(net(x), y)
    loss.backward()
    opt.step()
    if step % 10 == 9:
        print(step, f"{loss.item():.4f}")
acc = (net(x).argmax(1) == y).float().mean().item()
print(f"acc {acc:.3f}")
