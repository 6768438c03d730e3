# A generative adversarial network on a synthetic 2-D distribution.
#
# Real data is a mixture of 8 Gaussians placed evenly on a circle of radius 2.
# The generator maps 8-D Gaussian noise to points in the plane; the
# discriminator is an MLP with LeakyReLU and a sigmoid output trained with
# binary cross-entropy. Both use Adam with beta1 = 0.5 and are updated
# alternately (non-saturating generator loss). It prints the discriminator
# and generator losses during training, and the mean radius of generated
# samples and the fraction of them near a mixture mode, before and after.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

NOISE_DIM = 8
RADIUS = 2.0
NUM_MODES = 8
STD = 0.05


class Generator(nn.Module):
    def __init__(self, noise_dim, hidden):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(noise_dim, hidden),
            nn.ReLU(),
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Linear(hidden, 2),
        )

    def forward(self, z):
        return self.net(z)


class Discriminator(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.fc1 = nn.Linear(2, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.fc3 = nn.Linear(hidden, 1)

    def forward(self, x):
        x = F.leaky_relu(self.fc1(x), 0.2)
        x = F.leaky_relu(self.fc2(x), 0.2)
        return torch.sigmoid(self.fc3(x))


def mode_centers():
    points = []
    for k in range(NUM_MODES):
        angle = 2 * math.pi * k / NUM_MODES
        points.append([RADIUS * math.cos(angle), RADIUS * math.sin(angle)])
    return torch.tensor(points)


def sample_real(centers, n):
    idx = torch.randint(0, NUM_MODES, (n,))
    return centers.index_select(0, idx) + STD * torch.randn(n, 2)


def sample_stats(generator, centers, n=1000):
    with torch.no_grad():
        fake = generator(torch.randn(n, NOISE_DIM))
    radius = fake.norm(dim=1).mean().item()
    # Distance from every sample to every mode centre: (n, 1, 2) - (1, M, 2).
    dists = (fake.unsqueeze(1) - centers.unsqueeze(0)).norm(dim=2)
    nearest = dists.min(dim=1)[0]
    near_mode = (nearest < 0.5).float().mean().item()
    return radius, near_mode


def main():
    torch.manual_seed(0)
    centers = mode_centers()
    generator = Generator(NOISE_DIM, 64)
    discriminator = Discriminator(64)
    opt_g = optim.Adam(generator.parameters(), lr=0.001, betas=(0.5, 0.999))
    opt_d = optim.Adam(discriminator.parameters(), lr=0.001, betas=(0.5, 0.999))
    batch_size = 128
    ones = torch.ones(batch_size, 1)
    zeros = torch.zeros(batch_size, 1)

    radius, near = sample_stats(generator, centers)
    print(f"before radius {radius:.3f} near_mode {near:.3f}")
    for step in range(1, 2001):
        real = sample_real(centers, batch_size)
        fake = generator(torch.randn(batch_size, NOISE_DIM))

        opt_d.zero_grad()
        d_loss = F.binary_cross_entropy(discriminator(real), ones) + F.binary_cross_entropy(
            discriminator(fake.detach()), zeros)
        d_loss.backward()
        opt_d.step()

        opt_g.zero_grad()
        g_loss = F.binary_cross_entropy(discriminator(fake), ones)
        g_loss.backward()
        opt_g.step()

        if step % 400 == 0:
            print(f"step {step} d_loss {d_loss.item():.4f} g_loss {g_loss.item():.4f}")

    radius, near = sample_stats(generator, centers)
    print(f"after radius {radius:.3f} near_mode {near:.3f}")


if __name__ == "__main__":
    main()
