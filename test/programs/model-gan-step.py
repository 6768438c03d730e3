# GAN-style alternating updates: two networks, two optimizers, detach() of generated samples, BCE losses.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(9)
G = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 2))
D = nn.Sequential(nn.Linear(2, 4), nn.LeakyReLU(0.2), nn.Linear(4, 1), nn.Sigmoid())
opt_g = torch.optim.Adam(G.parameters(), lr=0.01)
opt_d = torch.optim.Adam(D.parameters(), lr=0.01)
real = torch.randn(8, 2) * 0.5 + 2.0
for step in range(5):
    z = torch.randn(8, 2)
    fake = G(z)
    opt_d.zero_grad()
    d_loss = F.binary_cross_entropy(D(real), torch.ones(8, 1)) + F.binary_cross_entropy(D(fake.detach()), torch.zeros(8, 1))
    d_loss.backward()
    opt_d.step()
    opt_g.zero_grad()
    g_loss = F.binary_cross_entropy(D(fake), torch.ones(8, 1))
    g_loss.backward()
    opt_g.step()
    print(step, f"{d_loss.item():.4f}", f"{g_loss.item():.4f}")
print(G(torch.zeros(1, 2)))
